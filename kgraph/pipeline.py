"""The whole job: listings → entities → graph → Turtle, HTML and query index."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from .index import HTML_NAME, INDEX_NAME, TURTLE_NAME


@dataclass
class BuildResult:
    """What a build read and wrote."""

    papers: int
    entities: int
    comentions: int
    triples: int
    by_type: dict[str, int]
    outputs: list[Path]
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_graph_from(paths, vocabulary=None, *, strict: bool = False):
    """Read listings and return (networkx graph, warnings); ``strict`` makes
    any warning an ``InputError``."""
    from .ingest import read_listings

    papers, warnings = read_listings(paths, strict=strict)
    return _graph_of(papers, vocabulary), warnings


def _graph_of(papers, vocabulary=None):
    from .extract import extract_corpus
    from .graph import build_graph

    mentions, concepts = extract_corpus(papers, vocabulary)
    return build_graph(papers, mentions, concepts)


def build(paths=("seeds",), output="output", *, html: bool = True, strict: bool = False) -> BuildResult:
    """Build the graph of the listings under ``paths`` into the folder ``output``:
    ``graph.ttl``, ``index.sqlite`` and (unless ``html=False``) ``graph.html``.

    The output folder is checked before the slow part; every file is
    computed into a temporary file, and all replace the previous ones
    together (``files.atomic_paths``), so a failed or interrupted build
    leaves the previous graph intact. ``strict`` makes any input warning an
    ``InputError`` (nothing is written).
    """
    import sqlite3

    from .errors import OutputError
    from .files import atomic_paths, check_writable
    from .index import write_index
    from .ingest import read_listings
    from .rdf import graph_triples, serialize

    start = time.perf_counter()
    papers, warnings = read_listings(paths, strict=strict)
    out = Path(output)
    check_writable(out)
    G = _graph_of(papers)
    triples = graph_triples(G)
    turtle = serialize(triples, "turtle")
    outputs = [out / TURTLE_NAME, out / INDEX_NAME] + ([out / HTML_NAME] if html else [])
    with atomic_paths(outputs) as temps:
        temps[0].write_bytes(turtle)
        try:
            write_index(G, temps[1], source=str(out / TURTLE_NAME))
        except sqlite3.Error as e:
            raise OutputError(outputs[1], f"cannot write ({e})") from None
        if html:
            from .render import write_html

            write_html(G, temps[2])
    by_type: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        if d["kind"] == "entity":
            by_type[d["type"]] = by_type.get(d["type"], 0) + 1
    return BuildResult(
        papers=G.graph["papers"],
        entities=G.graph["entities"],
        comentions=G.graph["comentions"],
        triples=len(triples),
        by_type=dict(sorted(by_type.items())),
        outputs=outputs,
        warnings=warnings,
        seconds=time.perf_counter() - start,
    )


def load_graph(graph=None):
    """The networkx graph of a built graph folder or RDF file."""
    from .index import locate
    from .rdf import read_graph

    _, rdf = locate(graph)
    if rdf is None:
        from .errors import GraphNotFound

        raise GraphNotFound(f"{graph or 'output'}: the graph's Turtle file is missing; run `kgraph build` again")
    return read_graph(rdf)


def html_page(graph=None, *, around: str | None = None, depth: int = 1, types=None,
              min_weight: int = 1, max_nodes: int | None = None,
              include_papers: bool = False) -> Path:
    """The HTML page of a built graph drawing what the options ask for (see
    ``render.select_subgraph``), written if missing or older than the graph.

    Without options it is the page ``build`` wrote, ``graph.html``; with
    options, a focused page beside it, ``graph-<around>-<hash of the
    options>.html``. For an RDF file without its build folder, pages go to
    the user's cache. ``around`` is resolved like ``kgraph neighbors`` NAME
    (same errors, same suggestions).
    """
    import hashlib
    import json
    import re

    from .index import cache_dir, connect, locate

    index, rdf = locate(graph)
    if index.name == INDEX_NAME:
        folder, stem = index.parent, Path(HTML_NAME).stem
    else:
        folder, stem = cache_dir(), index.stem
    center = label = None
    if around is not None:
        from .query import resolve

        con = connect(index)
        try:
            row = resolve(con, around)
        finally:
            con.close()
        center, label = row["iri"], row["label"]
    options = {
        "around": center, "depth": depth if center else None,
        "types": sorted(set(types)) if types else None, "min_weight": min_weight,
        "max_nodes": max_nodes, "papers": bool(include_papers),
    }
    if options != {"around": None, "depth": None, "types": None, "min_weight": 1,
                   "max_nodes": None, "papers": False}:
        digest = hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()[:8]
        slug = re.sub(r"[^A-Za-z0-9.]+", "-", label or "").strip("-.")[:40].rstrip("-.")
        stem = "-".join(x for x in (stem, slug, digest) if x)
    page = folder / f"{stem}.html"
    source = rdf if rdf is not None else index
    if page.is_file() and page.stat().st_mtime >= source.stat().st_mtime:
        return page
    from .render import write_html

    write_html(load_graph(graph), page, around=center, depth=depth, types=types,
               min_weight=min_weight, max_nodes=max_nodes, include_papers=include_papers)
    return page
