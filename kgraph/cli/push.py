"""`kgraph push`: a built graph into a SPARQL 1.1 store."""
from __future__ import annotations

import click

from . import cli, graph_option


@cli.command()
@graph_option
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol endpoint (Oxigraph: http://host:7878/store).")
@click.option("--graph-iri", metavar="IRI", default=None, help="Named graph to load into [default: the default graph].")
@click.option("--replace/--merge", default=True, show_default=True,
              help="Replace the graph's content, or add to it.")
@click.option("--batch-size", type=click.IntRange(1), default=100_000, show_default=True, help="Triples per request.")
@click.option("--retries", type=click.IntRange(0), default=3, show_default=True,
              help="Retries of a request that failed for a transient reason.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=120.0, show_default=True,
              help="Seconds to wait for each request.")
def push(graph, endpoint, graph_iri, replace, batch_size, retries, timeout):
    """Load the graph into a SPARQL 1.1 store (Graph Store HTTP Protocol)."""
    from ..sparql import push as send

    result = send(endpoint, graph, graph_iri=graph_iri, replace=replace, batch_size=batch_size,
                  retries=retries, timeout=timeout)
    where = f"graph <{graph_iri}>" if graph_iri else "the default graph"
    batches = "batch" if result.batches == 1 else "batches"
    click.echo(f"pushed {result.triples} triples in {result.batches} {batches} to {where} "
               f"of {endpoint} in {result.seconds:.2f}s")
