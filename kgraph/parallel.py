"""Extract a corpus across processes, reusing cached results, with the exact
output of ``extract.extract_corpus``.

``extract_corpus`` is ``Extractor.extract_paper`` on each paper (a result
that depends on that paper alone) followed by ``extract.settle``, the
corpus-wide passes. Here the papers are extracted in worker processes (or
taken from the cache); the parent unions the short forms they veto and
calls ``extract.settle`` on the results in corpus order.

``Background`` and ``in_parts`` run work in forked children that share the
parent's memory (the discovered names' matching in ``settle``, the Turtle
written beside the index), so that nothing but results is pickled.
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from contextlib import ExitStack, nullcontext
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
    import gc

    from .extract import Extractor

    # Forked from a build that pauses the collector: collect here, but never
    # walk (and so copy) the objects inherited from the parent.
    gc.freeze()
    gc.enable()
    _worker_extractor = Extractor(vocabulary)


def _extract_chunk(texts) -> list[PaperResult]:
    return [extract_one(_worker_extractor, t, a) for t, a in texts]


def in_parts(function, items: list, jobs: int) -> list:
    """``function(part)`` (a list) for ``jobs`` consecutive parts of
    ``items``, concatenated: the first part in this process, the others at
    the same time in forked children (``Background``)."""
    size = -(-len(items) // max(jobs, 1)) or 1
    parts = [items[i : i + size] for i in range(0, len(items), size)]
    with ExitStack() as stack:
        children = [stack.enter_context(Background(function, part)) for part in parts[1:]]
        found = function(parts[0]) if parts else []
        for child in children:
            found += child.result()
    return found


class Background:
    """``function(*args)`` run in a forked child process, beside what the
    caller does meanwhile; ``result()`` waits for its value or raises its
    exception. The child shares the parent's memory as it was at the fork,
    so nothing is copied to it; only the result comes back (pickled). With
    ``fork=False``, or where the platform does not fork, the function runs
    in ``result()``. Leaving the ``with`` block before ``result()`` kills
    the child."""

    def __init__(self, function, *args, fork: bool = True):
        self._call, self._pid, self._read = (function, args), None, None
        if fork and hasattr(os, "fork"):
            sys.stdout.flush()
            sys.stderr.flush()
            read, write = os.pipe()
            self._pid = os.fork()
            if self._pid == 0:
                os.close(read)
                _report(write, function, args)  # never returns
            os.close(write)
            self._read = read

    def result(self):
        if self._pid is None:
            function, args = self._call
            return function(*args)
        f, self._read = os.fdopen(self._read, "rb"), None
        with f:
            data = f.read()
        _, status = os.waitpid(self._pid, 0)
        self._pid = None
        if not data:
            raise RuntimeError(f"a background process died ({_exit_reason(status)})")
        ok, value = pickle.loads(data)
        if not ok:
            raise value
        return value

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._pid is not None:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
            self._pid = None
        if self._read is not None:
            os.close(self._read)
            self._read = None


def _report(fd: int, function, args) -> None:
    """In a forked child: run ``function(*args)``, write (ok, value or
    exception) pickled to ``fd`` and exit without running the parent's exit
    handlers."""
    try:
        try:
            data = pickle.dumps((True, function(*args)))
        except BaseException as e:
            try:
                data = pickle.dumps((False, e))
                pickle.loads(data)
            except Exception:  # an exception that does not survive pickling goes as text
                data = pickle.dumps((False, RuntimeError("".join(traceback.format_exception(e)))))
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    finally:
        os._exit(0)


def _exit_reason(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit code {os.waitstatus_to_exitcode(status)}"


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
    from concurrent.futures import ProcessPoolExecutor  # here: a rebuild from the cache needs no pool

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
    per_paper, vetoed = {}, {}
    for k, p in zip(keys, papers):
        r = fresh.get(k) or cached[k]
        per_paper[p.id], vetoed[p.id] = r.mentions, r.vetoed
    del fresh, cached
    mentions, concepts = settle(papers, per_paper, vetoed, extractor.vocab,
                                jobs=jobs if len(papers) >= MIN_PARALLEL else 1)
    timings["settle"] = time.perf_counter() - start
    return mentions, concepts, stats


class _NoProgress:
    def update(self, n: int) -> None:
        pass
