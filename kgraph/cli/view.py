"""`kgraph open`: the HTML visualization."""
from __future__ import annotations

import click

from . import cli, graph_option


@cli.command("open")
@graph_option
@click.option("--no-browser", is_flag=True, help="Only print where the page is.")
def open_(graph, no_browser):
    """Open the graph's HTML visualization in the browser."""
    from ..pipeline import html_page

    page = html_page(graph).resolve()
    if no_browser:
        click.echo(str(page))
        return
    import webbrowser

    if webbrowser.open(page.as_uri()):
        click.echo(f"Opened {page}")
    else:
        click.echo(f"No browser found; open this file: {page}")
