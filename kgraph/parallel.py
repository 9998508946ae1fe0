"""Extract a corpus across processes, reusing cached results, with the exact
output of ``extract.extract_corpus``.

``extract_corpus`` extracts papers one after another with one ``Extractor``
and then runs corpus-wide passes (one type per entity, glued names merged,
discovered names found in every paper). One thing makes a paper's result
depend on the papers before it: the extractor's ``vetoed`` set (short forms
that earlier papers defined as non-entities) is read while extracting.
Here each paper is extracted on its own, in a worker process or from the
cache, with a ``vetoed`` set that records which keys were looked up. The
parent then replays the papers in corpus order: a paper whose lookups would
have been answered differently by the vetoes of the papers before it is
extracted again with those vetoes (rare: a handful per thousand papers).
The corpus-wide passes run in the parent, as in ``extract_corpus``.
"""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from concurrent.futures import ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass

from .cache import text_key

# Below this many papers to extract, worker processes cost more than they save.
MIN_PARALLEL = 200
CHUNK = 100


@dataclass
class PaperResult:
    """One paper extracted on its own."""

    mentions: dict  # folded key -> extract.Mention
    vetoed: frozenset  # keys the paper vetoes (short forms it defines as non-entities)
    asked: frozenset  # keys looked up in the vetoed set while extracting


@dataclass
class ExtractionStats:
    extracted: int = 0  # papers extracted in this run
    cached: int = 0  # papers whose results came from the cache
    replayed: int = 0  # papers extracted again with earlier papers' vetoes
    jobs: int = 1  # processes used for extraction


class _LoggedSet(set):
    """A set that remembers which keys were looked up in it."""

    def __init__(self, items=()):
        super().__init__(items)
        self.asked: set = set()

    def __contains__(self, key) -> bool:
        self.asked.add(key)
        return super().__contains__(key)


def extract_one(extractor, title: str, abstract: str, vetoed=()) -> PaperResult:
    """Extract one paper as if the papers before it had vetoed ``vetoed``."""
    log = _LoggedSet(vetoed)
    extractor.vetoed = log
    mentions = extractor.extract(title, abstract)
    return PaperResult(mentions, frozenset(log.difference(vetoed)), frozenset(log.asked))


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

    timings = {} if timings is None else timings
    start = time.perf_counter()
    from .extract import Extractor

    extractor = Extractor(vocabulary)
    cached = cached or {}
    keys = [text_key(p.title, p.abstract) for p in papers]
    todo = {k: (p.title, p.abstract) for k, p in zip(keys, papers) if k not in cached}
    stats = ExtractionStats(cached=len(papers) - len(todo))
    with progress("Extracting", len(todo)) if progress and todo else nullcontext(_NoProgress()) as bar:
        results, stats.jobs = _extract_all(list(todo.values()), jobs, vocabulary, extractor, bar)
    fresh = dict(zip(todo, results))
    stats.extracted = len(fresh)
    if on_extracted is not None:
        on_extracted({k: fresh.get(k) or cached[k] for k in keys}, set(fresh))
    timings["extract"] = time.perf_counter() - start
    start = time.perf_counter()

    per_paper = {}
    vetoed: set = set()
    for k, p in zip(keys, papers):
        r = fresh.get(k) or cached[k]
        if r.asked & (vetoed - r.vetoed):
            # the sequential run would have seen earlier vetoes here: do as it does
            r = extract_one(extractor, p.title, p.abstract, vetoed)
            stats.replayed += 1
        per_paper[p.id] = r.mentions
        vetoed |= r.vetoed
    mentions, concepts = settle(papers, per_paper, vetoed, extractor)
    timings["settle"] = time.perf_counter() - start
    return mentions, concepts, stats


class _NoProgress:
    def update(self, n: int) -> None:
        pass


def settle(papers, per_paper, vetoed, extractor):
    """The corpus-wide passes of ``extract_corpus`` over per-paper results:
    vetoed short forms dropped, glued spellings merged, one type and label
    per discovered entity, discovered names found in every paper."""
    from .extract import _PATTERN, Mention
    from .vocabulary import Concept, compile_matchers

    vocab = extractor.vocab
    for mentions in per_paper.values():
        for key in [k for k in mentions if k in vetoed and k not in vocab.concepts]:
            del mentions[key]

    # "Lean Attention" and "LeanAttention" are one name
    glued: dict[str, str] = {}
    for pid in sorted(per_paper):
        for key in sorted(per_paper[pid]):
            if key not in vocab.concepts:
                glued.setdefault(key.replace(" ", ""), key)
    for mentions in per_paper.values():
        for key in [k for k in mentions if k not in vocab.concepts]:
            canonical = glued[key.replace(" ", "")]
            if canonical != key:
                m = mentions.pop(key)
                kept = mentions.setdefault(canonical, m)
                if kept is not m:
                    kept.surfaces |= m.surfaces
                    kept.introduced |= m.introduced
                else:
                    m.key = canonical
    # one type per discovered entity: strongest evidence, then most papers, then type order
    votes: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    alts: dict[str, set] = defaultdict(set)
    for mentions in per_paper.values():
        for key, m in mentions.items():
            if key in vocab.concepts:
                continue
            votes[key][m.type] += 10 * m.evidence + 1
            labels[key][m.label] += 1
            alts[key].update(m.alt_labels)
    entities: dict[str, Concept] = {}
    order = {t: i for i, t in enumerate(("Model", "Software", "Technique", "Dataset", "Hardware", "Organization"))}
    for key in sorted(votes):
        type_ = min(votes[key].items(), key=lambda kv: (-kv[1], order[kv[0]]))[0]
        label = min(labels[key].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        entities[key] = Concept(label, type_, tuple(sorted(alts[key])), from_vocabulary=False)

    # names discovered in one paper are mentions wherever else they are written
    if entities:
        matchers = compile_matchers(entities.values())
        by_label = {c.label: c for c in entities.values()}
        for p in papers:
            mentions = per_paper[p.id]
            text = f"{p.title}\n{p.abstract}"
            for s, e, c, surface in extractor.match_vocabulary(text, matchers):
                concept = by_label[c.label]
                m = mentions.get(concept.key)
                if m is None:
                    mentions[concept.key] = Mention(concept.key, concept.label, concept.type, {surface},
                                                    evidence=_PATTERN)
                else:
                    m.surfaces.add(surface)
    for mentions in per_paper.values():
        for key, m in mentions.items():
            c = vocab.concepts.get(key) or entities[key]
            m.label, m.type = c.label, c.type
    return per_paper, {**vocab.concepts, **entities}
