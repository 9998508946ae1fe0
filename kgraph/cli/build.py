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
@click.option("--strict", is_flag=True,
              help="Fail on any warning (a file skipped, text without a title, an encoding guessed); "
                   "nothing is written.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, output, no_html, strict, quiet):
    """Build the graph from listing files or folders [default: seeds/].

    Files that cannot be used are skipped with a warning as long as another
    gives papers; the previous graph in the output folder is replaced only
    when the whole build succeeds."""
    from ..errors import InputError
    from ..pipeline import build as run

    try:
        result = run(paths or ("seeds",), output, html=not no_html, strict=strict)
    except InputError as e:
        if not quiet:
            for w in e.warnings:
                click.echo(f"Warning: {w}", err=True)
        raise
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
