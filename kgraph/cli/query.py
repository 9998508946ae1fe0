"""Query commands over a built graph's index: neighbors, show, search, path, stats, papers.

Tables fit the terminal's width (``COLUMNS`` or the terminal's; unlimited
when writing to a pipe). ``--json`` prints the library's records as they are
(shapes in README.md, "JSON output").
"""
from __future__ import annotations

import json
import os
import sys

import click

from . import TYPES, backend, cli, endpoint_option, graph_option, source

SHOWN_TITLES = 3  # paper titles under a row with --papers, and per hop of a path


def _width() -> int | None:
    """The output's width in columns, or None when unbounded (not a terminal)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return None


def _cut(text: str, width: int | None) -> str:
    return text if width is None or len(text) <= width else text[: max(width - 1, 0)] + "…"


def _table(headers, rows, *, right=(), flex=(0,), indent: int = 0) -> list[str]:
    """Rows as aligned columns; ``right`` columns align right; the ``flex``
    columns shrink (cut with …) until the lines fit the output's width."""
    cells = [[str(c) for c in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    width = _width()
    if width is not None:
        while indent + sum(widths) + 2 * (len(widths) - 1) > width:
            i = max(flex, key=lambda j: widths[j])
            if widths[i] <= max(len(headers[i]), 6):
                break
            widths[i] -= 1

    def line(values):
        parts = [_cut(v, widths[i]) for i, v in enumerate(values)]
        parts = [p.rjust(widths[i]) if i in right else p.ljust(widths[i]) for i, p in enumerate(parts)]
        return _cut((" " * indent + "  ".join(parts)).rstrip(), width)  # narrower than the fixed columns

    return [line(headers), *(line(r) for r in cells)]


def _titles(titles: list[str], indent: int = 4) -> list[str]:
    """A few paper titles as bullet lines, and how many more there are."""
    width = _width()
    lines = [_cut(" " * indent + "· " + t, width) for t in titles[:SHOWN_TITLES]]
    if len(titles) > SHOWN_TITLES:
        lines.append(" " * indent + f"… and {len(titles) - SHOWN_TITLES} more")
    return lines


def _echo_json(record) -> None:
    click.echo(json.dumps(record.as_dict(), ensure_ascii=False, indent=2))


def _type_name(value: str) -> str:
    return next(t for t in (*TYPES, "Paper") if t.lower() == value.lower())


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


limit_option = click.option("--limit", default=20, show_default=True, type=click.IntRange(0),
                            help="At most this many rows (0: all).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON (see README, \"JSON output\").")
narrower_option = click.option("--include-narrower", is_flag=True,
                               help="Count mentions of narrower concepts (skos:broader, transitively) as the entity's.")
min_weight_option = click.option("--min-weight", default=1, show_default=True, type=click.IntRange(1),
                                 help="Least number of shared papers on every hop.")
sort_option = click.option("--sort", type=click.Choice(["weight", "association"]), default="weight",
                           show_default=True, help="Strongest first by shared papers or by association strength.")


@cli.command()
@click.argument("name")
@graph_option
@click.option("--type", "types", multiple=True, type=click.Choice(TYPES, case_sensitive=False),
              help="Only neighbors of this type (repeatable).")
@min_weight_option
@limit_option
@click.option("--depth", default=1, show_default=True, type=click.IntRange(1),
              help="Also neighbors of neighbors, up to this many hops (with the path).")
@sort_option
@narrower_option
@click.option("--papers", "show_papers", is_flag=True, help="List a few shared paper titles under each row.")
@json_option
@endpoint_option
def neighbors(name, graph, types, min_weight, limit, depth, sort, include_narrower, show_papers, as_json, endpoint,
              graph_iri):
    """Entities co-mentioned with NAME, nearest and strongest first."""
    where = source(graph, endpoint, graph_iri)
    find = backend(endpoint).neighbors

    result = find(name, **where, types=[_type_name(t) for t in types] or None, min_weight=min_weight,
                  limit=limit or None, depth=depth, sort=sort, include_narrower=include_narrower)
    if as_json:
        _echo_json(result)
        return
    me = result.entity
    scope = f"; {result.papers} with {_plural(len(result.narrower), 'narrower concept')}" if result.narrower else ""
    shown = f", top {len(result.neighbors)}" if len(result.neighbors) < result.total else ""
    click.echo(f"{me.label} ({me.type}, {_plural(me.papers, 'paper')}{scope}): {_plural(result.total, 'neighbor')}{shown}")
    if not result.neighbors:
        return
    deep = depth > 1
    headers = ["label", "type", "weight", "assoc", *(["hops", "via"] if deep else [])]
    rows = [[r.label, r.type, r.weight, f"{r.association:.2f}",
             *([r.depth, " > ".join(r.path[1:-1]) or "-"] if deep else [])] for r in result.neighbors]
    lines = _table(headers, rows, right=(2, 3, 4), flex=(0, 5) if deep else (0,))
    click.echo(lines[0])
    for line, r in zip(lines[1:], result.neighbors):
        click.echo(line)
        if show_papers:
            for t in _titles(r.papers):
                click.echo(t)


@cli.command()
@click.argument("name")
@graph_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(0),
              help="At most this many papers and co-mentions (0: all).")
@json_option
@endpoint_option
def show(name, graph, limit, as_json, endpoint, graph_iri):
    """The card of entity NAME: type, aliases, broader and narrower concepts,
    papers and top co-mentions."""
    where = source(graph, endpoint, graph_iri)
    entity = backend(endpoint).entity

    card = entity(name, **where, limit=limit or None)
    if as_json:
        _echo_json(card)
        return
    width = _width()
    origin = "found in the text" if card.discovered else "from the vocabulary"
    click.echo(f"{card.label} ({card.type}, {origin})")
    fields = [
        ("iri", card.iri),
        ("definition", card.definition or ""),
        ("aliases", ", ".join(card.aliases)),
        ("broader", ", ".join(b.label for b in card.broader)),
        ("narrower", ", ".join(n.label for n in card.narrower)),
        ("papers", f"{card.papers} mention it, {len(card.introduced_in)} introduce it"),
    ]
    for key, value in fields:
        if value:
            click.echo(_cut(f"  {key:<12}{value}", width))
    if card.introduced_in:
        click.echo(f"introduced in ({len(card.introduced_in)}):")
        for p in card.introduced_in:
            click.echo(_cut(f"  {p.title}", width))
    if card.mentioned_in:
        first = f", first {len(card.mentioned_in)}" if len(card.mentioned_in) < card.papers else ""
        click.echo(f"mentioned in ({card.papers}{first}):")
        for p in card.mentioned_in:
            click.echo(_cut(f"  {p.title}", width))
    if card.comentions:
        click.echo("co-mentioned with:")
        rows = [[c.label, c.type, c.weight, f"{c.association:.2f}"] for c in card.comentions]
        for line in _table(["label", "type", "weight", "assoc"], rows, right=(2, 3), indent=2):
            click.echo(line)


@cli.command()
@click.argument("text")
@graph_option
@click.option("--type", "types", multiple=True, type=click.Choice([*TYPES, "Paper"], case_sensitive=False),
              help="Only results of this type, or Paper (repeatable).")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(0),
              help="At most this many entities and this many papers (0: all).")
@json_option
@endpoint_option
def search(text, graph, types, limit, as_json, endpoint, graph_iri):
    """Entities and papers whose labels, aliases or titles match TEXT, best first."""
    where = source(graph, endpoint, graph_iri)
    find = backend(endpoint).search

    result = find(text, **where, types=[_type_name(t) for t in types] or None, limit=limit or None)
    if as_json:
        _echo_json(result)
        return
    sections = (("entities", result.entity_matches, result.entities), ("papers", result.paper_matches, result.papers))
    for heading, total, hits in sections:
        if types and not hits:
            continue
        top = f", top {len(hits)}" if len(hits) < total else ""
        click.echo(f"{heading} ({total}{top})" + (":" if hits else ""))
        if heading == "entities" and hits:
            rows = [[h.label, h.type, h.papers, h.score, h.matched if h.matched != h.label else ""] for h in hits]
            lines = _table(["label", "type", "papers", "score", "matched"], rows, right=(2, 3), flex=(0, 4), indent=2)
        elif hits:
            rows = [[h.score, h.published or "", h.title] for h in hits]
            lines = _table(["score", "published", "title"], rows, right=(0,), flex=(2,), indent=2)
        else:
            lines = []
        for line in lines:
            click.echo(line)


@cli.command()
@click.argument("source_name", metavar="SOURCE")
@click.argument("target")
@graph_option
@min_weight_option
@sort_option
@json_option
@endpoint_option
def path(source_name, target, graph, min_weight, sort, as_json, endpoint, graph_iri):
    """The shortest co-mention path from SOURCE to TARGET and the papers on each hop."""
    where = source(graph, endpoint, graph_iri)
    shortest_path = backend(endpoint).shortest_path

    result = shortest_path(source_name, target, **where, min_weight=min_weight, sort=sort)
    if as_json:
        _echo_json(result)
        return
    chain = " > ".join([result.source.label, *(h.target for h in result.hops)])
    click.echo(_cut(f"{chain}: {_plural(len(result.hops), 'hop')}", _width()))
    for h in result.hops:
        click.echo(_cut(f"{h.source} — {h.target}: {h.weight} papers, association {h.association:.2f}", _width()))
        for t in _titles(h.papers, indent=2):
            click.echo(t)


@cli.command()
@graph_option
@click.option("--limit", default=10, show_default=True, type=click.IntRange(0),
              help="At most this many densest entities and strongest pairs (0: all).")
@json_option
@endpoint_option
def stats(graph, limit, as_json, endpoint, graph_iri):
    """Counts by type, the densest entities and the strongest pairs."""
    where = source(graph, endpoint, graph_iri)
    count = backend(endpoint).stats

    s = count(**where, limit=limit or None)
    if as_json:
        _echo_json(s)
        return
    width = _width()
    click.echo(_cut(f"{s.papers} papers, {s.entities} entities, {s.comentions} co-mention pairs", width))
    for line in _table(["type", "entities"], sorted(s.by_type.items()), right=(1,), indent=2):
        click.echo(line)
    click.echo(_cut("densest entities (most co-mentioned others):", width))
    rows = [[h.label, h.type, h.degree, h.papers] for h in s.densest]
    for line in _table(["label", "type", "neighbors", "papers"], rows, right=(2, 3), indent=2):
        click.echo(line)
    click.echo(_cut("strongest pairs (most shared papers):", width))
    rows = [[p.a, p.b, p.weight, f"{p.association:.2f}"] for p in s.strongest]
    for line in _table(["entity", "entity", "weight", "assoc"], rows, right=(2, 3), flex=(0, 1), indent=2):
        click.echo(line)


@cli.command()
@click.option("--mentions", "names", multiple=True, required=True, metavar="NAME",
              help="An entity the papers mention (repeatable: papers mentioning all).")
@graph_option
@narrower_option
@limit_option
@json_option
@endpoint_option
def papers(names, graph, include_narrower, limit, as_json, endpoint, graph_iri):
    """Papers that mention every entity given with --mentions."""
    where = source(graph, endpoint, graph_iri)
    papers_mentioning = backend(endpoint).papers_mentioning

    result = papers_mentioning(list(names), **where, include_narrower=include_narrower, limit=limit or None)
    if as_json:
        _echo_json(result)
        return
    labels = " and ".join(e.label for e in result.entities)
    shown = f", first {len(result.papers)}" if len(result.papers) < result.total else ""
    click.echo(_cut(f"{_plural(result.total, 'paper')} mentioning {labels}{shown}", _width()))
    if result.papers:
        rows = [[p.published or "", p.title] for p in result.papers]
        for line in _table(["published", "title"], rows, flex=(1,)):
            click.echo(line)
