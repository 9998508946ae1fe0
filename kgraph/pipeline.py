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


def build_graph_from(paths, vocabulary=None):
    """Read listings and return (networkx graph, warnings)."""
    from .extract import extract_corpus
    from .graph import build_graph
    from .ingest import read_listings

    papers, warnings = read_listings(paths)
    mentions, concepts = extract_corpus(papers, vocabulary)
    return build_graph(papers, mentions, concepts), warnings


def build(paths=("seeds",), output="output", *, html: bool = True) -> BuildResult:
    """Build the graph of the listings under ``paths`` into the folder ``output``:
    ``graph.ttl``, ``index.sqlite`` and (unless ``html=False``) ``graph.html``.

    Every file is computed before any is written, and each is written
    atomically, so a failed build leaves the previous graph intact.
    """
    from .index import write_index
    from .files import write_atomic
    from .rdf import graph_triples, serialize

    start = time.perf_counter()
    G, warnings = build_graph_from(paths)
    triples = graph_triples(G)
    turtle = serialize(triples, "turtle")
    out = Path(output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        from .errors import KgraphError

        raise KgraphError(f"{out}: cannot create the output folder ({e.strerror})") from None
    outputs = [out / TURTLE_NAME, out / INDEX_NAME]
    write_atomic(out / TURTLE_NAME, turtle)
    write_index(G, out / INDEX_NAME, source=str(out / TURTLE_NAME))
    if html:
        from .render import write_html

        write_html(G, out / HTML_NAME)
        outputs.append(out / HTML_NAME)
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


def html_page(graph=None) -> Path:
    """The HTML page of a built graph: the one ``build`` wrote beside it, or
    one rendered once into the user's cache for an RDF file."""
    from .index import cache_dir, locate

    index, rdf = locate(graph)
    page = index.parent / HTML_NAME
    if index.name == INDEX_NAME and page.is_file():
        return page
    from .render import write_html

    page = cache_dir() / (index.stem + ".html")
    if not page.is_file():
        write_html(load_graph(graph), page)
    return page
