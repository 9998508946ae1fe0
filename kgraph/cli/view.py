"""`kgraph open`: the HTML visualization."""
from __future__ import annotations

import click

from . import TYPES, cli, graph_option


def _entity_types(ctx, param, values):
    """``--type Model --type hardware`` or ``--types Model,Hardware``: canonical names."""
    by_fold = {t.casefold(): t for t in TYPES}
    out = []
    for value in values:
        for name in filter(None, (v.strip() for v in value.split(","))):
            if name.casefold() not in by_fold:
                raise click.BadParameter(f"{name!r} is not one of {', '.join(TYPES)}.")
            if by_fold[name.casefold()] not in out:
                out.append(by_fold[name.casefold()])
    return out


@cli.command("open")
@graph_option
@click.option("--around", metavar="NAME", help="Only NAME and the entities within --depth co-mention links of it.")
@click.option("--depth", type=click.IntRange(0), default=None, help="How many links --around follows [default: 1].")
@click.option("--type", "--types", "types", multiple=True, metavar="TYPE[,TYPE...]", callback=_entity_types,
              help=f"Only entities of these types (repeatable or comma-separated: {', '.join(TYPES)}).")
@click.option("--min-weight", default=1, show_default=True, type=click.IntRange(1),
              help="Drop co-mention links with fewer shared papers.")
@click.option("--max-nodes", type=click.IntRange(1), default=None,
              help="Keep only the N entities with the most papers.")
@click.option("--papers/--no-papers", default=False, show_default=True,
              help="Also draw the papers and what they mention.")
@click.option("--no-browser", is_flag=True, help="Only print where the page is.")
def open_(graph, around, depth, types, min_weight, max_nodes, papers, no_browser):
    """Open the graph's HTML visualization in the browser.

    With options, a focused page is written beside the graph's own
    (graph-NAME-HASH.html) and opened instead.
    """
    from ..pipeline import html_page

    if depth is not None and around is None:
        raise click.UsageError("--depth needs --around NAME.")
    page = html_page(graph, around=around, depth=1 if depth is None else depth, types=types or None,
                     min_weight=min_weight, max_nodes=max_nodes, include_papers=papers).resolve()
    if no_browser:
        click.echo(str(page))
        return
    import webbrowser

    try:
        opened = webbrowser.open(page.as_uri())
    except webbrowser.Error:
        opened = False
    if opened:
        click.echo(f"Opened {page}")
    else:
        click.echo(f"No browser found; open this file: {page}")
