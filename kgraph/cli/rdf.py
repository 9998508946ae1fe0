"""`kgraph validate` and `kgraph sparql`: the graph as RDF, checked and queried."""
from __future__ import annotations

import sys

import click

from . import cli, endpoint_option, graph_option, source


@cli.command()
@graph_option
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), default=None,
              help="SHACL shapes to check against [default: kgraph's ontology/shapes.ttl].")
def validate(graph, shapes):
    """Check the graph against kgraph's SHACL shapes; exit 1 on violations."""
    from ..errors import KgraphError
    from ..shacl import format_report, validate as check

    report = check(graph, shapes)
    click.echo(format_report(report))
    if not report.conforms:
        count = sum(1 for v in report.violations if v.severity == "Violation")
        raise KgraphError(f"the graph does not conform to the shapes ({count} violations)")


@cli.command()
@click.argument("query")
@graph_option
@click.option("--json", "as_json", is_flag=True, help="W3C SPARQL results JSON (JSON-LD for CONSTRUCT).")
@click.option("--csv", "as_csv", is_flag=True, help="W3C SPARQL results CSV.")
@endpoint_option
def sparql(query, graph, as_json, as_csv, endpoint, graph_iri):
    """Run a SPARQL QUERY over the graph and print a table (or --json/--csv).

    The prefixes kg:, kge:, kgp:, kgc:, kgm:, rdf:, rdfs:, owl:, xsd:, skos:,
    schema:, dcterms: and prov: are predeclared. QUERY - reads it from
    standard input."""
    from ..triplestore import format_csv, format_json, format_table, sparql as run

    if as_json and as_csv:
        raise click.UsageError("--json and --csv are exclusive")
    if query == "-":
        query = sys.stdin.read()
    where = source(graph, endpoint, graph_iri)
    if endpoint:
        from ..sparql import run_query

        result = run_query(query, endpoint, graph_iri=graph_iri)
    else:
        result = run(query, **where)
    if as_json:
        click.echo(format_json(result).rstrip("\n"))
    elif as_csv:
        click.echo(format_csv(result), nl=False)
    else:
        click.echo(format_table(result))
