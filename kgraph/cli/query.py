"""Query commands over a built graph's index."""
from __future__ import annotations

import json

import click

from . import TYPES, cli, graph_option

def endpoint_options(f):
    """``--endpoint`` and ``--graph-iri``: answer from a SPARQL store instead of the local index."""
    f = click.option("--graph-iri", metavar="IRI", default=None,
                     help="With --endpoint: the named graph holding the graph.")(f)
    return click.option("--endpoint", metavar="URL", default=None,
                        help="Answer from this SPARQL query endpoint instead of the local index "
                             "(a graph loaded with `kgraph push`).")(f)


@cli.command()
@click.argument("name")
@graph_option
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES, case_sensitive=False),
              help="Only neighbors of this type (repeatable).")
@click.option("--min-weight", default=1, show_default=True, type=click.IntRange(1), help="Least number of shared papers.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0), help="At most this many rows (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of {label, type, weight, association, papers}.")
@endpoint_options
def neighbors(name, graph, types, min_weight, limit, as_json, endpoint, graph_iri):
    """Entities co-mentioned with NAME, strongest first."""
    if endpoint:
        from ..sparql import entity as find_entity, neighbors as find_neighbors

        def find(name, _, **options):
            return find_neighbors(name, endpoint, graph_iri=graph_iri, **options)

        def entity(name, _):
            return find_entity(name, endpoint, graph_iri=graph_iri)
    else:
        from ..query import entity, neighbors as find

    types = [next(x for x in TYPES if x.lower() == t.lower()) for t in types]
    rows = find(name, graph, types=types or None, min_weight=min_weight, limit=limit or None)
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=2))
        return
    me = entity(name, graph)
    click.echo(f"{me['label']} ({me['type']}, {me['papers']} papers): {len(rows)} neighbors")
    if not rows:
        return
    width = min(max(len(r.label) for r in rows), 40)
    click.echo(f"{'label':<{width}}  {'type':<12}  {'weight':>6}  {'assoc':>6}")
    for r in rows:
        label = r.label if len(r.label) <= width else r.label[: width - 1] + "…"
        click.echo(f"{label:<{width}}  {r.type:<12}  {r.weight:>6}  {r.association:>6.2f}")
