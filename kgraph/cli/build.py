"""`kgraph build`: listings in, graph files out."""
from __future__ import annotations

from pathlib import Path

import click

from . import cli


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="output", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write graph.ttl, graph.html and index.sqlite to.")
@click.option("--no-html", is_flag=True, help="Skip the HTML visualization.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, output, no_html, quiet):
    """Build the graph from listing files or folders [default: seeds/]."""
    from ..pipeline import build as run

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
