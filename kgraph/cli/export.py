"""`kgraph export`: the graph in other formats."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import cli, graph_option


@cli.command()
@graph_option
@click.option("-f", "--format", "fmt", default="turtle", show_default=True,
              type=click.Choice(["turtle", "ttl", "nt", "ntriples", "nquads", "trig", "xml", "jsonld", "n3"],
                                case_sensitive=False),
              help="RDF format to write.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write [default: standard output].")
def export(graph, fmt, output):
    """Export the graph as RDF."""
    from ..pipeline import load_graph
    from ..files import write_atomic
    from ..rdf import graph_triples, serialize

    data = serialize(graph_triples(load_graph(graph)), fmt)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
