"""`kgraph build`: input files in, graph files out."""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from . import cli

# Listed here rather than imported from kgraph.readers, so that --help stays cheap.
FORMATS = ("listing", "jsonl", "csv", "arxiv", "txt", "json", "ndjson", "tsv")


def _progress_bar(label: str, total: int):
    """A click progress bar on standard error showing papers per second."""
    start = time.perf_counter()

    def rate(_):
        seconds = time.perf_counter() - start
        return f"{bar.pos / seconds:,.0f} papers/s" if seconds > 0.5 else ""

    bar = click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                            item_show_func=rate)
    return bar


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output", default="output", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write graph.ttl, graph.html and index.sqlite to.")
@click.option("--format", "fmt", type=click.Choice(FORMATS, case_sensitive=False), default=None,
              help="Read every input in this format [default: by suffix and content].")
@click.option("--title-column", default="title", show_default=True, help="Title field of JSON Lines and CSV inputs.")
@click.option("--abstract-column", default="abstract", show_default=True,
              help="Abstract field of JSON Lines and CSV inputs.")
@click.option("-j", "--jobs", type=click.IntRange(0), default=0, show_default=True,
              help="Processes working in parallel: extraction, then the Turtle beside the index (0: one per core).")
@click.option("--no-cache", is_flag=True,
              help="Extract every paper and lay the page out again (ignore and do not write the cache).")
@click.option("--no-html", is_flag=True, help="Skip the HTML visualization.")
@click.option("--html-max-nodes", type=click.IntRange(1), default=None,
              help="Draw at most this many entities (the most mentioned) [default: 2000].")
@click.option("--strict", is_flag=True,
              help="Fail on any warning (a file skipped, text without a title, an encoding guessed); "
                   "nothing is written.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def build(paths, output, fmt, title_column, abstract_column, jobs, no_cache, no_html, html_max_nodes, strict, quiet):
    """Build the graph from input files or folders [default: seeds/].

    Reads paper listings (*.txt), JSON Lines (*.jsonl), CSV (*.csv, *.tsv) and
    the arXiv metadata snapshot, also gzipped; folders are searched
    recursively. Files that cannot be used are skipped with a warning as long
    as another gives papers; the previous graph in the output folder is
    replaced only when the whole build succeeds. Extraction results are
    cached by file content in ~/.cache/kgraph, so a rebuild after adding a
    file extracts only that file.
    """
    from ..errors import InputError
    from ..parallel import default_jobs
    from ..pipeline import HTML_MAX_NODES, build as run
    from ..readers import ReadOptions

    options = ReadOptions(format=fmt, title_column=title_column, abstract_column=abstract_column)
    show_progress = not quiet and sys.stderr.isatty()
    try:
        result = run(paths or ("seeds",), output, html=not no_html, strict=strict, jobs=jobs or default_jobs(),
                     cache=not no_cache, read_options=options,
                     progress=_progress_bar if show_progress else None,
                     html_max_nodes=html_max_nodes or HTML_MAX_NODES)
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
