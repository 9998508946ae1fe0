"""Parallel and cached extraction give exactly what a single process gives."""
import os
import shutil

import pytest

from conftest import run
from kgraph.errors import OutputError
from kgraph.extract import extract_corpus
from kgraph.ingest import Paper, merge_papers, read_listings
from kgraph.parallel import Background, extract_papers, in_parts
from kgraph.pipeline import build

OUTPUTS = ("graph.ttl", "index.sqlite", "graph.html")


def build_in(folder, monkeypatch, paths, **options):
    """Build into ``folder/out``, named relatively: the index records the path
    of its Turtle file, so the same name makes two builds comparable byte for byte."""
    folder.mkdir(exist_ok=True)
    monkeypatch.chdir(folder)
    return build([p.resolve() for p in paths], "out", **options)


def same_outputs(a, b):
    for name in OUTPUTS:
        assert (a / "out" / name).read_bytes() == (b / "out" / name).read_bytes(), name


def plain(per_paper):
    return {pid: {k: (m.key, m.label, m.type, sorted(m.surfaces), m.introduced, m.evidence, sorted(m.alt_labels))
                  for k, m in ms.items()} for pid, ms in per_paper.items()}


@pytest.fixture(scope="module")
def seed_papers(seeds):
    return read_listings([seeds])[0]


@pytest.mark.parametrize("jobs", [1, 2])
def test_same_mentions_and_concepts_as_extract_corpus(seed_papers, jobs):
    expected, expected_concepts = extract_corpus(seed_papers)
    got, concepts, stats = extract_papers(seed_papers, jobs=jobs)
    assert stats.jobs == jobs and stats.extracted == len(seed_papers)
    assert plain(got) == plain(expected)
    assert concepts == expected_concepts


def test_a_veto_from_any_paper_holds_for_all_but_the_paper_introducing_the_name(jobs=2):
    """Paper A defines "sparse kernel machines (SKMs)", which vetoes SKM as a
    discovered name; paper B "proposes SKM", paper C only names it. Extracted
    apart (in other processes), the corpus passes give what extract_corpus
    gives: C's own find is dropped, B keeps its system (guide rule 2), and the
    name B introduces is found in C again but not in A, which defines it otherwise."""
    a = Paper("Scaling Study 1", "We study sparse kernel machines (SKMs) for text. SKMs are slow on GPUs.")
    b = Paper("Mobile Inference 0", "We propose SKM, a system for mobile devices. SKM runs small models fast.")
    c = Paper("Mobile Inference 2", "We compare with SKM on phones.")
    filler = [Paper(f"Filler paper {i}", "We train a transformer on GPUs.") for i in range(250)]
    papers = sorted([a, b, c, *filler], key=lambda p: p.id)
    expected, expected_concepts = extract_corpus(papers)
    got, concepts, stats = extract_papers(papers, jobs=jobs)
    assert stats.jobs == 2
    assert plain(got) == plain(expected) and concepts == expected_concepts
    assert got[b.id]["skm"].introduced is True and concepts["skm"].type == "Software"
    assert "skm" not in got[a.id]
    assert not got[c.id]["skm"].introduced


def test_jobs_do_not_change_a_byte(tmp_path, seeds, monkeypatch):
    results = {jobs: build_in(tmp_path / f"j{jobs}", monkeypatch, [seeds], jobs=jobs, cache=False) for jobs in (1, 2)}
    assert results[2].extraction.jobs == 2
    same_outputs(tmp_path / "j1", tmp_path / "j2")


def test_adding_a_file_reuses_the_cache_and_equals_a_clean_build(tmp_path, seeds, monkeypatch):
    files = sorted(seeds.glob("*.txt"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for f in files[:-1]:
        shutil.copy(f, corpus)
    cache = tmp_path / "cache"
    first = build_in(tmp_path / "inc", monkeypatch, [corpus], cache=cache, jobs=2)
    assert first.extraction.cached == 0
    before = {(p.title, p.abstract) for p in read_listings([corpus])[0]}
    shutil.copy(files[-1], corpus)
    second = build_in(tmp_path / "inc", monkeypatch, [corpus], cache=cache, jobs=2)
    after = read_listings([corpus])[0]
    # exactly the papers whose text is new are extracted: those of the new file
    # not listed before, and those whose longest abstract it brought
    new = sum((p.title, p.abstract) not in before for p in after)
    assert 0 < new < len(after)
    assert (second.extraction.extracted, second.extraction.cached) == (new, len(after) - new)
    clean = build_in(tmp_path / "clean", monkeypatch, [corpus], cache=False)
    assert clean.extraction.extracted == len(after)
    same_outputs(tmp_path / "inc", tmp_path / "clean")
    third = build_in(tmp_path / "inc", monkeypatch, [corpus], cache=cache)
    assert (third.extraction.extracted, third.extraction.cached) == (0, len(after))


def test_unreadable_cache_entries_are_extracted_again(tmp_path, seeds):
    cache = tmp_path / "cache"
    build([seeds], tmp_path / "a", cache=cache, html=False)
    entries = list(cache.rglob("*.pickle"))
    assert len(entries) == len(list(seeds.glob("*.txt")))
    entries[0].write_bytes(b"not a pickle")
    for settled in cache.rglob("*.corpus"):  # else the whole corpus's entry answers first
        settled.unlink()
    again = build([seeds], tmp_path / "b", cache=cache, html=False)
    assert 0 < again.extraction.extracted < again.papers
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def test_unchanged_corpus_loads_its_settled_results(tmp_path, seeds, monkeypatch):
    """A rebuild of the same corpus takes the settled results from one cache
    entry (nothing extracted, no per-file entry read); a damaged entry, or
    another corpus, goes through extraction; every build writes the same bytes."""
    import kgraph.pipeline as pipeline

    cache = tmp_path / "cache"
    first = build_in(tmp_path / "first", monkeypatch, [seeds], cache=cache)
    (entry,) = cache.rglob("*.corpus")

    def no_extraction(*args, **kwargs):
        raise AssertionError("extracted again")

    with monkeypatch.context() as m:
        m.setattr(pipeline, "extract", no_extraction)
        again = build_in(tmp_path / "again", monkeypatch, [seeds], cache=cache)
    assert (again.extraction.extracted, again.extraction.cached) == (0, first.papers)
    entry.write_bytes(b"not a pickle")
    damaged = build_in(tmp_path / "damaged", monkeypatch, [seeds], cache=cache)
    assert damaged.extraction.cached == first.papers
    clean = build_in(tmp_path / "clean", monkeypatch, [seeds], cache=False)
    for folder in ("again", "damaged", "clean"):
        same_outputs(tmp_path / "first", tmp_path / folder)
    fewer = tmp_path / "fewer"
    fewer.mkdir()
    shutil.copy(sorted(seeds.glob("*.txt"))[0], fewer)
    build_in(tmp_path / "other", monkeypatch, [fewer], cache=cache)
    assert len(list(cache.rglob("*.corpus"))) == 2


def test_cli_jobs_and_no_cache(tmp_path, seeds, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    result = run("build", seeds, "-o", tmp_path / "out", "--jobs", 2, "--no-cache", "--no-html")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "cache").exists()
    assert "Extracting" not in result.output  # no progress bar off a terminal
    assert run("build", seeds, "-o", tmp_path / "out", "-q").output == ""
    assert len(list((tmp_path / "cache").rglob("*.pickle"))) == 5
    assert run("build", seeds, "--jobs", -1).exit_code == 2


def test_merged_listings_extract_the_merged_text(seeds):
    """A paper listed in two files is extracted once, from its longest abstract."""
    papers, _ = merge_papers([Paper("A title", "Short.", sources=["a"]), Paper("A Title", "Longer, on GPUs.", sources=["b"])])
    got, _, stats = extract_papers(papers)
    assert stats.extracted == 1 and "gpu" in got[papers[0].id]


def test_progress_bar_on_a_terminal_only(tmp_path, seeds):
    """On a terminal, build shows a bar with counts and rate; --quiet shows nothing."""
    import os
    import subprocess
    import sys

    def stderr_on_a_terminal(*args):
        leader, follower = os.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "kgraph", "build", seeds, "-o", tmp_path / "out", "--no-html",
                                 "--no-cache", "--jobs", "1", *args], stderr=follower, stdout=subprocess.DEVNULL,
                                env=dict(os.environ, COLUMNS="120"))
        os.close(follower)
        chunks = []
        while True:  # read while it writes: a full terminal buffer would block it
            try:
                data = os.read(leader, 65536)
            except OSError:  # EIO: the other side closed
                break
            if not data:
                break
            chunks.append(data)
        os.close(leader)
        assert proc.wait(120) == 0
        return b"".join(chunks).decode("utf-8", "replace")

    shown = stderr_on_a_terminal()
    assert "Extracting" in shown and "418/418" in shown and "papers/s" in shown
    assert stderr_on_a_terminal("--quiet") == ""


# -- Background: the Turtle is written by a forked child beside the index ------


def _fail_to_write(path):
    raise OutputError(path, "cannot write (No space left on device)")


class _Unpicklable(Exception):
    def __reduce__(self):
        raise TypeError("no")


def _raise_unpicklable():
    raise _Unpicklable("lost")


def _pid_and_length(items):
    return os.getpid(), len(items)


def test_background_runs_in_another_process_on_the_parents_memory():
    triples = [("s", "p", str(i)) for i in range(1000)]  # never pickled to the child
    with Background(_pid_and_length, triples) as child:
        pid, length = child.result()
    assert (pid != os.getpid(), length) == (True, 1000)


def test_background_raises_the_childs_error_in_the_parent(tmp_path):
    with Background(_fail_to_write, tmp_path / "x.ttl") as child:
        with pytest.raises(OutputError) as e:
            child.result()
    assert (e.value.path, e.value.reason) == (tmp_path / "x.ttl", "cannot write (No space left on device)")
    with Background(_raise_unpicklable) as child:
        with pytest.raises(RuntimeError, match="_Unpicklable: lost"):
            child.result()


def test_leaving_the_block_early_kills_the_child(tmp_path):
    import time

    with pytest.raises(KeyboardInterrupt):
        with Background(time.sleep, 60) as child:
            raise KeyboardInterrupt
    assert child._pid is None  # reaped: os.waitpid returned


def _squares(part):
    return [(os.getpid(), x * x) for x in part]


@pytest.mark.parametrize("jobs", [1, 2, 3, 40])
def test_in_parts_gives_the_results_in_order_from_that_many_processes(jobs):
    found = in_parts(_squares, list(range(37)), jobs)
    assert [x for _, x in found] == [x * x for x in range(37)]
    assert len({pid for pid, _ in found}) == min(jobs, 37)
    assert in_parts(_squares, [], jobs) == []


def test_stale_cache_versions_are_removed(tmp_path, seeds, monkeypatch):
    """Results of other extraction code and compiled vocabularies of other
    versions are pruned to the most recently used few, so upgrades and
    vocabulary edits leave no gigabytes behind; the current ones stay."""
    from kgraph.cache import ExtractionCache, fingerprint
    from kgraph.vocabulary import VOCABULARIES_KEPT, load_vocabulary

    root = tmp_path / "xdg" / "kgraph"
    monkeypatch.setenv("XDG_CACHE_HOME", str(root.parent))
    stale = [root / "extract" / f"old{i}" for i in range(6)]
    for i, folder in enumerate(stale):
        folder.mkdir(parents=True)
        (folder / "x.pickle").write_bytes(b"old")
        os.utime(folder, (1_000_000 + i, 1_000_000 + i))
    pickles = [root / f"vocabulary-old{i}.pickle" for i in range(6)]
    for i, path in enumerate(pickles):
        path.write_bytes(b"old")
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    load_vocabulary.cache_clear()  # compile and store it, as on a first run
    try:
        result = run("build", seeds, "-o", tmp_path / "out", "--no-html", "-q")
    finally:
        load_vocabulary.cache_clear()
    assert result.exit_code == 0, result.output
    kept = ExtractionCache.KEEP_VERSIONS
    assert sorted(p.name for p in (root / "extract").iterdir()) == sorted(
        [fingerprint()] + [f.name for f in stale[-(kept - 1):]])
    assert len(list((root / "extract" / fingerprint()).glob("*.pickle"))) == len(list(seeds.glob("*.txt")))
    vocabularies = sorted(p.name for p in root.glob("vocabulary-*.pickle"))
    assert len(vocabularies) == VOCABULARIES_KEPT
    assert [p.name for p in pickles[-(VOCABULARIES_KEPT - 1):]] == [v for v in vocabularies if "old" in v]
