"""`kgraph export`: the graph in other formats."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import cli, graph_option
from ..formats import FORMATS, NAMES

_FORMAT_HELP = "; ".join(
    f"{f.name}{' (' + ', '.join(f.aliases) + ')' if f.aliases else ''}: {f.description}" for f in FORMATS.values()
)


@cli.command()
@graph_option
@click.option("-f", "--format", "fmt", default=None, metavar="FORMAT",
              type=click.Choice(NAMES, case_sensitive=False),
              help=f"Format to write [default: from the output file's suffix; turtle without one]. {_FORMAT_HELP}.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write; - for standard output [default: standard output].")
def export(graph, fmt, output):
    """Export the graph as RDF (Turtle, N-Triples, JSON-LD, RDF/XML, TriG, ...)
    or for network tools (GraphML, GEXF, node-link JSON)."""
    from ..files import write_atomic
    from ..formats import format_for_path, generate
    from ..pipeline import load_graph

    if output == Path("-"):
        output = None  # "-o -": standard output, as in other Unix tools
    if fmt is None:
        guessed = format_for_path(output) if output else None
        if output and output.suffix and guessed is None:
            raise click.UsageError(f"cannot tell the format of {output} from its suffix; give --format")
        fmt = guessed.name if guessed else "turtle"
    data = generate(load_graph(graph), fmt)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
