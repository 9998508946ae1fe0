"""Measure `kgraph build` at scale: time per stage, peak memory, throughput.

    python bench/scale.py                       # 10k and 100k papers, then the small-end check
    python bench/scale.py --sizes 10000 --jobs 2
    python bench/scale.py --small-only --repeat 7

Synthetic corpora (bench/synth.py) are generated into bench/data/ when
missing. Each build runs in a fresh process with an empty extraction cache
(a cold build); then the build runs again with the cache entry of one shard
removed, as if that shard had just been added (the incremental case), and
its output is compared with the cold build's. The small-end check times
`kgraph build` on the seeds (this checkout's kgraph, byte-compiled first)
against `python -c "import rdflib, networkx, pyvis, click"`, alternating,
and reports medians. The machine's load average
is printed with every number: timings on a shared machine are noisy.
Memory is the peak, sampled every 0.2 s, of the proportional set size of
the build's processes together (pages a forked child shares with its
parent counted once). Results are also written to bench/results/scale.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
RESULTS = ROOT / "bench" / "results" / "scale.json"


def load() -> str:
    return "load %.2f %.2f %.2f" % os.getloadavg()


def child(corpus: str, output: str, jobs: int) -> None:
    """Run one build in this process and print what it measured as JSON."""
    sys.path.insert(0, str(ROOT))
    from kgraph.pipeline import build

    result = build([corpus], output, jobs=jobs, cache=True)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    print(json.dumps({
        "papers": result.papers, "entities": result.entities, "comentions": result.comentions,
        "triples": result.triples, "seconds": round(result.seconds, 2),
        "timings": {k: round(v, 2) for k, v in result.timings.items()},
        "extraction": vars(result.extraction), "peak_rss_mb": own, "worker_peak_rss_mb": workers,
        "bytes": {p.name: p.stat().st_size for p in result.outputs},
    }))


def run_build(corpus: Path, folder: Path, jobs: int, cache: Path) -> dict:
    """Build ``corpus`` into ``folder/out`` in a fresh process (the output is
    named relatively: the index records its path, and builds are compared)."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    folder.mkdir()
    before = load()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", str(corpus), "out", str(jobs)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=folder)
    peak = 0
    while proc.poll() is None:  # the whole process tree's memory, every 0.2 s
        peak = max(peak, tree_pss_kb(proc.pid))
        time.sleep(0.2)
    out, err = proc.communicate()
    wall = time.perf_counter() - start
    if proc.returncode:
        sys.exit(err)
    found = json.loads(out.strip().splitlines()[-1])
    found.update(wall=round(wall, 2), peak_pss_mb=peak // 1024, load_before=before, load_after=load())
    return found


def tree_pss_kb(root: int) -> int:
    """The proportional set size (shared pages divided among their sharers)
    of a process and all its descendants, in kB (Linux; 0 elsewhere): what
    the build holds in memory, counting pages shared after a fork once."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
        except (OSError, IndexError, ValueError):
            continue
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def corpus_of(size: int) -> Path:
    folder = DATA / f"synth-{size}"
    if not folder.is_dir():
        sys.path.insert(0, str(ROOT / "bench"))
        from synth import write_corpus

        print(f"generating {size} papers into {folder}", file=sys.stderr)
        write_corpus(size, folder)
    return folder


def measure_size(size: int, jobs: int) -> dict:
    """A cold build; then the same corpus with one shard's cache entry (and
    the whole corpus's and the page's) removed, as if that shard had just
    been added."""
    sys.path.insert(0, str(ROOT))
    from kgraph.cache import ExtractionCache
    from kgraph.readers import detect_format, read_file

    corpus = corpus_of(size)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        cold = run_build(corpus, tmp / "cold", jobs, tmp / "cache")
        added = sorted(corpus.iterdir())[-1]
        os.environ["XDG_CACHE_HOME"] = str(tmp / "cache")
        entry = ExtractionCache()._path(read_file(added, detect_format(added)).digest)
        entry.unlink()
        # an added file changes the corpus, and so the graph: neither the
        # corpus's settled results nor the page's layout would be found
        for kept in [*(tmp / "cache").rglob("*.corpus"), *(tmp / "cache").rglob("layout/*.json")]:
            kept.unlink()
        incremental = run_build(corpus, tmp / "incremental", jobs, tmp / "cache")
        identical = all((tmp / "cold" / "out" / n).read_bytes() == (tmp / "incremental" / "out" / n).read_bytes()
                        for n in ("graph.ttl", "index.sqlite", "graph.html"))
    return {"size": size, "jobs": jobs, "cold": cold, "add_one_file": incremental,
            "incremental_equals_clean": identical}


def median_time(cmd, repeat: int, env=None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def small_end(repeat: int, compile: bool = True) -> dict:
    """`kgraph build` on the seeds vs the import floor of the mandated libraries.
    The kgraph measured is this checkout's, byte-compiled first (as `pip
    install .` does) unless ``compile`` is false."""
    if compile:
        import compileall

        compileall.compile_dir(ROOT / "kgraph", quiet=1)
    kgraph = [sys.executable, "-m", "kgraph", "build", str(ROOT / "seeds"), "-q"]
    floor = [sys.executable, "-c", "import rdflib, networkx, pyvis, click"]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
        env = dict(os.environ, XDG_CACHE_HOME=tmp, PYTHONPATH=path)
        out = ["-o", str(Path(tmp) / "out")]
        subprocess.run(kgraph + out, check=True, env=env)  # fill the cache
        before = load()
        rows = {"floor": [], "warm": [], "cold": []}
        for _ in range(repeat):  # alternate, so that load changes hit all alike
            rows["floor"].append(median_time(floor, 1))
            rows["warm"].append(median_time(kgraph + out, 1, env))
            rows["cold"].append(median_time(kgraph + out + ["--no-cache"], 1, env))
    found = {k: round(statistics.median(v), 3) for k, v in rows.items()}
    found.update(warm_ratio=round(found["warm"] / found["floor"], 2),
                 cold_ratio=round(found["cold"] / found["floor"], 2), load_before=before, load_after=load())
    return found


def report(sizes: list[dict], small: dict | None) -> None:
    for s in sizes:
        c, i = s["cold"], s["add_one_file"]
        t = c["timings"]
        print(f"\n{s['size']:,} papers, --jobs {s['jobs']} ({c['load_before']} -> {c['load_after']})")
        print(f"  cold build: {c['wall']:.1f} s wall, peak memory of all its processes {c['peak_pss_mb']} MB "
              f"(PSS; RSS of the main process {c['peak_rss_mb']} MB, of the largest child "
              f"{c['worker_peak_rss_mb']} MB); {c['entities']:,} entities, "
              f"{c['comentions']:,} co-mentions, {c['triples']:,} triples")
        print("  stages (s): " + ", ".join(f"{k} {v}" for k, v in t.items()))
        print(f"  extraction {c['papers'] / t['extract']:,.0f} papers/s; "
              f"RDF {c['triples'] / t['rdf']:,.0f} triples/s")
        print(f"  add one file: {i['wall']:.1f} s wall ({i['extraction']['extracted']} papers extracted, "
              f"{i['extraction']['cached']} cached); identical to a clean build: {s['incremental_equals_clean']}")
    if len(sizes) >= 2:
        a, b = sizes[0], sizes[-1]
        print(f"\ntime ratio {b['size']:,}/{a['size']:,}: {b['cold']['wall'] / a['cold']['wall']:.1f}")
    if small:
        print(f"\nseeds ({small['load_before']} -> {small['load_after']}): import floor {small['floor']} s, "
              f"kgraph build warm cache {small['warm']} s ({small['warm_ratio']}x), "
              f"no cache {small['cold']} s ({small['cold_ratio']}x)")


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="corpus sizes [10000,100000]")
    parser.add_argument("--jobs", type=int, default=os.cpu_count(), help="extraction processes [cores]")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the small-end check [5]")
    parser.add_argument("--small-only", action="store_true")
    parser.add_argument("--no-compile", action="store_true", help="Do not byte-compile kgraph first.")
    args = parser.parse_args()
    sizes = [] if args.small_only else [measure_size(int(n), args.jobs) for n in args.sizes.split(",")]
    small = small_end(args.repeat, compile=not args.no_compile)
    report(sizes, small)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"sizes": sizes, "small_end": small, "cores": os.cpu_count()}, indent=1) + "\n")


if __name__ == "__main__":
    main()
