"""The whole job: listings → entities → graph → Turtle, HTML and query index."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .index import HTML_NAME, INDEX_NAME, TURTLE_NAME


# The HTML page of a build draws at most this many entities (the most
# mentioned) and this many co-mention edges (the heaviest), so that it opens
# in seconds whatever the corpus.
HTML_MAX_NODES = 2000
HTML_MAX_EDGES = 30_000


class InputFile(NamedTuple):
    """An input file as the extraction cache knows it."""

    path: Path
    digest: str
    paper_ids: list[str]


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
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage
    extraction: object = None  # parallel.ExtractionStats


def read_papers(paths, read_options=None):
    """Read every input file under ``paths``; return (merged papers, InputFiles, warnings)."""
    from .errors import InputError
    from .ingest import merge_papers
    from .readers import ReadOptions, read_inputs

    files, papers, warnings = [], [], []
    for f in read_inputs(paths, read_options or ReadOptions()):
        warnings.extend(f.warnings)
        papers.extend(f.papers)
        files.append(InputFile(f.path, f.digest, sorted({p.id for p in f.papers})))
    if not papers:
        raise InputError("no papers found in " + ", ".join(str(p) for p in paths))
    return merge_papers(papers), files, warnings


def extract(papers, files=(), *, vocabulary=None, jobs: int = 1, cache=True, progress=None, timings=None):
    """Mentions per paper id and concepts by key, as ``extract_corpus`` gives,
    extracted by ``jobs`` processes and reusing the results cached for
    unchanged ``files`` (``cache``: True for the user's cache folder, a
    folder, or False). Returns (mentions, concepts, ExtractionStats)."""
    from .cache import ExtractionCache
    from .parallel import extract_papers

    store = ExtractionCache(None if cache is True else cache) if cache and vocabulary is None else None
    cached: dict = {}
    missing = []  # files with no cache entry
    for f in files if store else ():
        entry = store.load(f.digest)
        if entry is None:
            missing.append(f)
        else:
            cached.update(entry)

    def save(results, fresh):
        key_of = {p.id: k for p, k in zip(papers, results)}  # results are in paper order
        for f in files:
            keys = [key_of[i] for i in f.paper_ids if i in key_of]
            if f in missing or any(k in fresh for k in keys):
                store.store(f.digest, {k: results[k] for k in keys})

    return extract_papers(papers, vocabulary=vocabulary, jobs=jobs, cached=cached, progress=progress,
                          on_extracted=save if store else None, timings=timings)


def build_graph_from(paths, vocabulary=None, *, jobs: int = 1, cache=False, read_options=None,
                     progress=None):
    """Read inputs and return (networkx graph, warnings); see ``build``."""
    G, warnings, _ = _graph_of(paths, vocabulary, jobs=jobs, cache=cache, read_options=read_options,
                               progress=progress, timings={})
    return G, warnings


def _graph_of(paths, vocabulary=None, *, jobs, cache, read_options, progress, timings):
    from .graph import build_graph

    start = time.perf_counter()
    papers, files, warnings = read_papers(paths, read_options)
    timings["read"] = time.perf_counter() - start
    mentions, concepts, stats = extract(papers, files, vocabulary=vocabulary, jobs=jobs, cache=cache,
                                        progress=progress, timings=timings)
    start = time.perf_counter()
    G = build_graph(papers, mentions, concepts)
    timings["graph"] = time.perf_counter() - start
    return G, warnings, stats


def build(paths=("seeds",), output="output", *, html: bool = True, jobs: int = 1, cache=True,
          read_options=None, progress=None, html_max_nodes: int | None = HTML_MAX_NODES) -> BuildResult:
    """Build the graph of the inputs under ``paths`` into the folder ``output``:
    ``graph.ttl``, ``index.sqlite`` and (unless ``html=False``) ``graph.html``
    drawing the ``html_max_nodes`` entities with the most papers and at most
    ``HTML_MAX_EDGES`` co-mentions (the heaviest).

    Inputs are read by ``kgraph.readers`` (``read_options``: format, field
    names); extraction runs in ``jobs`` processes and reuses results cached
    by content hash (``cache``: True, a folder, or False); ``progress`` as in
    ``parallel.extract_papers``. The output does not depend on ``jobs`` or on
    the cache. Every file is computed before any is written, and each is
    written atomically, so a failed build leaves the previous graph intact.
    """
    from contextlib import ExitStack

    from .files import atomic_path
    from .index import write_index
    from .rdf import iter_triples, write_rdf

    start = time.perf_counter()
    timings: dict[str, float] = {}
    G, warnings, stats = _graph_of(paths, jobs=jobs, cache=cache, read_options=read_options,
                                   progress=progress, timings=timings)
    out = Path(output)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        from .errors import KgraphError

        raise KgraphError(f"{out}: cannot create the output folder ({e.strerror})") from None
    outputs = [out / TURTLE_NAME, out / INDEX_NAME] + ([out / HTML_NAME] if html else [])
    # each file is written beside its target; all replace their targets at the end, or none
    with ExitStack() as stack:
        tmp = [stack.enter_context(atomic_path(p)) for p in outputs]
        t = time.perf_counter()
        triples = write_rdf(iter_triples(G), tmp[0], "turtle")
        timings["rdf"] = time.perf_counter() - t
        t = time.perf_counter()
        write_index(G, tmp[1], source=str(outputs[0]))
        timings["index"] = time.perf_counter() - t
        if html:
            from .render import write_html

            t = time.perf_counter()
            write_html(G, tmp[2], max_nodes=html_max_nodes, min_weight=html_min_weight(G, HTML_MAX_EDGES))
            timings["html"] = time.perf_counter() - t
    by_type: dict[str, int] = {}
    for _, d in G.nodes(data=True):
        if d["kind"] == "entity":
            by_type[d["type"]] = by_type.get(d["type"], 0) + 1
    return BuildResult(
        papers=G.graph["papers"],
        entities=G.graph["entities"],
        comentions=G.graph["comentions"],
        triples=triples,
        by_type=dict(sorted(by_type.items())),
        outputs=outputs,
        warnings=warnings,
        seconds=time.perf_counter() - start,
        timings=timings,
        extraction=stats,
    )


def html_min_weight(G, max_edges: int) -> int:
    """The least co-mention weight that keeps at most ``max_edges`` edges (1 if all fit)."""
    weights = sorted((d["weight"] for _, _, d in G.edges(data=True) if d["relation"] == "co-mention"), reverse=True)
    if len(weights) <= max_edges:
        return 1
    return weights[max_edges] + 1


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
