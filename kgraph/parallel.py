"""Extract a corpus across processes, reusing cached results, with the exact
output of ``extract.extract_corpus``.

``extract_corpus`` is ``Extractor.extract_paper`` on each paper (a result
that depends on that paper alone) followed by ``extract.settle``, the
corpus-wide passes. Here the papers are extracted in worker processes (or
taken from the cache); the parent unions the short forms they veto and
calls ``extract.settle`` on the results in corpus order.
"""
from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass

from .cache import text_key

# Below this many papers to extract, worker processes cost more than they save.
MIN_PARALLEL = 200
CHUNK = 100


@dataclass
class PaperResult:
    """One paper extracted on its own (``Extractor.extract_paper``)."""

    mentions: dict  # folded key -> extract.Mention
    vetoed: frozenset  # short forms the paper defines as non-entities


@dataclass
class ExtractionStats:
    extracted: int = 0  # papers extracted in this run
    cached: int = 0  # papers whose results came from the cache
    jobs: int = 1  # processes used for extraction


def extract_one(extractor, title: str, abstract: str) -> PaperResult:
    mentions, vetoed = extractor.extract_paper(title, abstract)
    return PaperResult(mentions, frozenset(vetoed))


_worker_extractor = None


def _start_worker(vocabulary) -> None:
    global _worker_extractor
    from .extract import Extractor

    _worker_extractor = Extractor(vocabulary)


def _extract_chunk(texts) -> list[PaperResult]:
    return [extract_one(_worker_extractor, t, a) for t, a in texts]


def default_jobs() -> int:
    """The processes a build uses by default: one per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def _extract_all(texts, jobs, vocabulary, extractor, progress) -> tuple[list[PaperResult], int]:
    """Results for ``texts`` [(title, abstract)], in order; and the processes used."""
    if jobs <= 1 or len(texts) < MIN_PARALLEL:
        results = []
        for t, a in texts:
            results.append(extract_one(extractor, t, a))
            progress.update(1)
        return results, 1
    import multiprocessing

    chunks = [texts[i : i + CHUNK] for i in range(0, len(texts), CHUNK)]
    jobs = min(jobs, len(chunks))
    # fork shares the parent's loaded vocabulary; elsewhere workers load their own
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    results = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                             initializer=_start_worker, initargs=(vocabulary,)) as pool:
        for chunk in pool.map(_extract_chunk, chunks):
            results.extend(chunk)
            progress.update(len(chunk))
    return results, jobs


def extract_papers(papers, *, vocabulary=None, jobs: int = 1, cached: dict | None = None, progress=None,
                   on_extracted=None, timings: dict | None = None):
    """Extract ``papers`` (in corpus order) as ``extract_corpus`` would; return
    (mentions per paper id, concepts by key, ExtractionStats).

    ``cached`` maps ``text_key(title, abstract)`` to a ``PaperResult`` known
    from earlier runs. ``on_extracted(results, fresh)`` is called with every
    paper's result by text key, and the keys extracted now, before the corpus
    passes change them (to cache them). ``progress(label, total)`` makes a
    context manager with an ``update(n)`` method (``click.progressbar``).
    """
    import time

    from .extract import Extractor, settle

    timings = {} if timings is None else timings
    start = time.perf_counter()
    extractor = Extractor(vocabulary)
    cached = cached or {}
    keys = [text_key(p.title, p.abstract) for p in papers]
    todo = {k: (p.title, p.abstract) for k, p in zip(keys, papers) if k not in cached}
    stats = ExtractionStats(cached=len(papers) - len(todo))
    with progress("Extracting", len(todo)) if progress and todo else nullcontext(_NoProgress()) as bar:
        results, stats.jobs = _extract_all(list(todo.values()), jobs, vocabulary, extractor, bar)
    fresh = dict(zip(todo, results))
    del results, todo
    stats.extracted = len(fresh)
    if on_extracted is not None:
        on_extracted({k: fresh.get(k) or cached[k] for k in keys}, set(fresh))
    timings["extract"] = time.perf_counter() - start
    start = time.perf_counter()
    per_paper = {}
    vetoed: set = set()
    for k, p in zip(keys, papers):
        r = fresh.get(k) or cached[k]
        per_paper[p.id] = r.mentions
        vetoed |= r.vetoed
    del fresh, cached
    mentions, concepts = settle(papers, per_paper, vetoed, extractor.vocab)
    timings["settle"] = time.perf_counter() - start
    return mentions, concepts, stats


class _NoProgress:
    def update(self, n: int) -> None:
        pass
