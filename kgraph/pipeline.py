"""The whole job: listings → entities → graph → Turtle, HTML and query index."""
from __future__ import annotations

import contextlib
import gc
import sys
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
# A build forks a process to write the Turtle beside the index and the page
# only while both fit in this much memory (the scale target of issue 7): at
# 100k papers that would take ~2.6 GB, and the build writes one file at a time.
MEMORY_BUDGET = 2 << 30
# Corpora up to this many papers keep their settled extraction results as
# one cache entry (``cache.SettledCache``); larger ones only per file, where
# writing the whole corpus again would cost time and memory at every change.
SETTLED_MAX_PAPERS = 10_000
# The page is written by a third process only for corpora up to this size:
# there it is the longest output, while beyond the Turtle is, by far (10k
# papers: Turtle 3.1 s, index 1.3 s, page 1.6 s), and a third copy of the
# graph would only add memory (10k: +200 MB).
PAGE_FORK_MAX_PAPERS = 5_000


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


@contextlib.contextmanager
def gc_paused():
    """Pause Python's cyclic garbage collector, then restore it (also as a
    decorator). A build makes millions of objects that all stay alive, and
    each full collection walks all of them, finding nothing (10k papers:
    the graph took 3.7 s with collections, 1.4 s without; 100k papers:
    loading the cached extraction results 25 s, 4.6 s without)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def read_papers(paths, read_options=None, *, strict: bool = False):
    """Read every input file under ``paths``; return (merged papers, InputFiles,
    warnings). A file that gives no papers is a warning while others do;
    ``strict`` makes any warning an ``InputError`` (``ingest.settle_inputs``)."""
    from .readers import ReadOptions, read_papers as read

    return read(paths, read_options or ReadOptions(), strict=strict)


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


@gc_paused()
def build_graph_from(paths, vocabulary=None, *, strict: bool = False, jobs: int = 1, cache=False,
                     read_options=None, progress=None):
    """Read inputs and return (networkx graph, warnings); see ``build``."""
    papers, files, warnings = read_papers(paths, read_options, strict=strict)
    G, _ = _graph_of(papers, files, vocabulary, jobs=jobs, cache=cache, progress=progress, timings={})
    return G, warnings


def _graph_of(papers, files, vocabulary=None, *, jobs, cache, progress, timings):
    from .graph import build_graph

    settled = key = found = None
    if cache and vocabulary is None and len(papers) <= SETTLED_MAX_PAPERS:
        from .cache import SettledCache, corpus_key

        start = time.perf_counter()
        settled = SettledCache(None if cache is True else cache)
        key = corpus_key(papers, Path(__file__).read_bytes())  # this module makes the stored _Mentions
        found = settled.load(key)
        if found is not None:
            from .parallel import ExtractionStats

            (mentions, concepts), stats = found, ExtractionStats(cached=len(papers))
            timings["extract"], timings["settle"] = time.perf_counter() - start, 0.0
    if found is None:
        mentions, concepts, stats = extract(papers, files, vocabulary=vocabulary, jobs=jobs, cache=cache,
                                            progress=progress, timings=timings)
        _compact(mentions)
        if settled is not None:
            settled.store(key, (mentions, concepts))
    start = time.perf_counter()
    G = build_graph(papers, mentions, concepts)
    timings["graph"] = time.perf_counter() - start
    return G, stats


def _timed(function, *args):
    """``function(*args)`` and the seconds it took."""
    start = time.perf_counter()
    return function(*args), time.perf_counter() - start


def _fits(copies: int) -> bool:
    """Whether ``copies`` of this process (itself and forked children) stay
    within ``MEMORY_BUDGET``: a child that reads the whole graph ends up with
    its own copy of most of it (each object it touches has its reference
    count, and so its page, written)."""
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return copies * peak <= MEMORY_BUDGET


def _write_page(G, path, max_nodes, cache) -> None:
    from .render import write_html

    write_html(G, path, max_nodes=max_nodes, min_weight=html_min_weight(G, HTML_MAX_EDGES), cache=cache)


class _Mention(NamedTuple):
    """What the graph keeps of an ``extract.Mention``."""

    surfaces: tuple[str, ...]
    introduced: bool


def _compact(mentions) -> None:
    """Replace each paper's Mention objects (three sets each) by what
    ``build_graph`` reads, surface strings shared: at 100k papers the
    Mentions take about a gigabyte."""
    for pid, ms in mentions.items():
        mentions[pid] = {k: _Mention(tuple(sorted(map(sys.intern, m.surfaces))), m.introduced)
                         for k, m in ms.items()}


@gc_paused()
def build(paths=("seeds",), output="output", *, html: bool = True, strict: bool = False, jobs: int = 1,
          cache=True, read_options=None, progress=None,
          html_max_nodes: int | None = HTML_MAX_NODES) -> BuildResult:
    """Build the graph of the inputs under ``paths`` into the folder ``output``:
    ``graph.ttl``, ``index.sqlite`` and (unless ``html=False``) ``graph.html``
    drawing the ``html_max_nodes`` entities with the most papers and at most
    ``HTML_MAX_EDGES`` co-mentions (the heaviest).

    Inputs are read by ``kgraph.readers`` (``read_options``: format, field
    names); ``strict`` makes any input warning an ``InputError`` (nothing is
    written). Extraction runs in ``jobs`` processes and reuses results cached
    by content hash (``cache``: True, a folder, or False); ``progress`` as in
    ``parallel.extract_papers``; a corpus of up to ``SETTLED_MAX_PAPERS``
    also caches its results after the corpus-wide passes, and the page its
    clusters and layout, each keyed by what it is computed from. With
    ``jobs`` > 1 the Turtle is written by a forked process while this one
    writes the index and the page (for corpora of up to
    ``PAGE_FORK_MAX_PAPERS``, the page too is written by a forked process),
    as long as they fit in ``MEMORY_BUDGET``. The output does not depend on
    ``jobs`` or on the cache.

    The output folder is checked before the slow part; every file is
    computed into a temporary file, and all replace the previous ones
    together (``files.atomic_paths``), so a failed or interrupted build
    leaves the previous graph intact.
    """
    import sqlite3

    from .errors import OutputError
    from .files import atomic_paths, check_writable
    from .index import write_index
    from .parallel import Background
    from .rdf import write_turtle

    start = time.perf_counter()
    timings: dict[str, float] = {}
    papers, files, warnings = read_papers(paths, read_options, strict=strict)
    timings["read"] = time.perf_counter() - start
    out = Path(output)
    check_writable(out)
    G, stats = _graph_of(papers, files, jobs=jobs, cache=cache, progress=progress, timings=timings)
    del papers, files
    outputs = [out / TURTLE_NAME, out / INDEX_NAME] + ([out / HTML_NAME] if html else [])
    with atomic_paths(outputs) as temps, contextlib.ExitStack() as stack:
        t = time.perf_counter()
        # The Turtle, and for a small corpus the page, are written by other processes beside the index.
        fork = jobs > 1 and _fits(2)
        fork_page = fork and G.graph["papers"] <= PAGE_FORK_MAX_PAPERS and _fits(3)
        turtle = stack.enter_context(Background(_timed, write_turtle, G, temps[0], fork=fork))
        if html:
            page = stack.enter_context(Background(_timed, _write_page, G, temps[2], html_max_nodes, cache,
                                                  fork=fork_page))
        try:
            write_index(G, temps[1], source=str(outputs[0]))
        except sqlite3.Error as e:
            raise OutputError(outputs[1], f"cannot write ({e})") from None
        timings["index"] = time.perf_counter() - t
        if html:
            _, timings["html"] = page.result()
        triples, timings["rdf"] = turtle.result()
        timings["outputs"] = time.perf_counter() - t
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
    weights = sorted((d["weight"] for a, neighbours in G.adjacency() for b, d in neighbours.items()
                      if a <= b and d["relation"] == "co-mention"), reverse=True)
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
