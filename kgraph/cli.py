"""The ``kgraph`` command line: thin wrappers over the library.

Heavy libraries (rdflib, networkx, pyvis) are imported inside the commands
that need them, so that queries start fast.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

from .errors import KgraphError

TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")


class _Group(click.Group):
    """Turn kgraph's own errors into one ``Error:`` line and exit code 1."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgraphError as e:
            raise click.ClickException(str(e)) from None
        except BrokenPipeError:
            # the reader went away (`kgraph neighbors GPU | head`): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as e:
            name = f"{e.filename}: " if e.filename else ""
            raise click.ClickException(f"{name}{e.strerror or e}") from None


graph_option = click.option(
    "--graph", "graph", metavar="DIR_OR_FILE", default=None,
    help="A folder written by `kgraph build` or its Turtle file [default: output/].",
)


@click.group(cls=_Group)
@click.version_option(package_name="kgraph")
def cli():
    """Turn listings of research papers into a knowledge graph of the models,
    techniques, hardware, software, datasets and organizations they mention."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="output", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write graph.ttl, graph.html and index.sqlite to.")
@click.option("--no-html", is_flag=True, help="Skip the HTML visualization.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, output, no_html, quiet):
    """Build the graph from listing files or folders [default: seeds/]."""
    from .pipeline import build as run

    result = run(paths or ("seeds",), output, html=not no_html)
    if quiet:
        return
    for w in result.warnings:
        click.echo(f"Warning: {w}", err=True)
    types = ", ".join(f"{n} {t}" for t, n in result.by_type.items())
    click.echo(f"{result.papers} papers, {result.entities} entities ({types}), "
               f"{result.comentions} co-mention edges, {result.triples} triples "
               f"in {result.seconds:.2f}s")
    for p in result.outputs:
        click.echo(f"  wrote {p}")


@cli.command()
@click.argument("name")
@graph_option
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES, case_sensitive=False),
              help="Only neighbors of this type (repeatable).")
@click.option("--min-weight", default=1, show_default=True, type=click.IntRange(1), help="Least number of shared papers.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(0), help="At most this many rows (0: all).")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array of {label, type, weight, association, papers}.")
def neighbors(name, graph, types, min_weight, limit, as_json):
    """Entities co-mentioned with NAME, strongest first."""
    from .query import entity, neighbors as find

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


@cli.command("open")
@graph_option
@click.option("--no-browser", is_flag=True, help="Only print where the page is.")
def open_(graph, no_browser):
    """Open the graph's HTML visualization in the browser."""
    from .pipeline import html_page

    page = html_page(graph).resolve()
    if no_browser:
        click.echo(str(page))
        return
    import webbrowser

    if webbrowser.open(page.as_uri()):
        click.echo(f"Opened {page}")
    else:
        click.echo(f"No browser found; open this file: {page}")


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
    from .pipeline import load_graph
    from .files import write_atomic
    from .rdf import graph_triples, serialize

    data = serialize(graph_triples(load_graph(graph)), fmt)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomic(output, data)
        click.echo(f"wrote {output}", err=True)
