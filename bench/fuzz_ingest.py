"""Fuzz the listing reader for a fixed time budget and report what it found.

The target takes any bytes through what ``kgraph build`` does to a file
before extraction (``files.decode_text``, ``ingest.parse_listing``,
``ingest.merge_papers``) and checks that nothing but an ``InputError``
escapes and that every paper is clean: a non-empty title of at most 300
characters, no control characters or lone surrogates, UTF-8 encodable.

Engines: atheris (coverage-guided libFuzzer, if installed: ``pip install
atheris``), started on 4 KB pieces of the seed listings, and hypothesis
(random bytes and listing-shaped text). Crashing inputs are saved under
``bench/fuzz-crashes/``.

    python bench/fuzz_ingest.py                  # 60 s per engine
    python bench/fuzz_ingest.py --seconds 300 --engine atheris
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CRASHES = ROOT / "bench" / "fuzz-crashes"
_UNCLEAN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufeff]")


def check(data: bytes) -> None:
    """The fuzz target: raise AssertionError (or anything) on a bug."""
    from kgraph.errors import InputError
    from kgraph.files import decode_text
    from kgraph.ingest import merge_papers, parse_listing

    try:
        text, _ = decode_text(data, "fuzz.txt")
    except InputError:
        return
    papers, warnings = parse_listing(text, "fuzz.txt")
    merged, notes = merge_papers(papers)
    assert len(merged) <= len(papers)
    for p in merged:
        assert p.title and len(p.title) <= 300, p.title
        for field in (p.title, p.abstract, p.organization or ""):
            assert not _UNCLEAN.search(field.replace("\n", "")), field
            field.encode("utf-8")
    assert all(isinstance(w, str) for w in warnings + notes)


def seed_corpus(folder: Path) -> int:
    """4 KB pieces of the seed listings (and a Windows-1252 copy of one)."""
    n = 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        data = path.read_bytes()
        pieces = [data[i:i + 4096] for i in range(0, len(data), 4096)]
        for i, piece in enumerate(pieces[:8]):
            (folder / f"{path.stem}-{i}").write_bytes(piece)
            n += 1
    first = sorted((ROOT / "seeds").glob("*.txt"))[0].read_text(encoding="utf-8")[:4096]
    (folder / "cp1252").write_bytes(first.encode("cp1252", errors="replace"))
    return n + 1


def run_atheris(seconds: int) -> dict:
    """Run the atheris child for ``seconds``; parse libFuzzer's summary."""
    CRASHES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as corpus:
        seeds = seed_corpus(Path(corpus))
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, __file__, "--atheris-child", corpus, f"-max_total_time={seconds}",
             "-max_len=8192", f"-artifact_prefix={CRASHES}/", "-print_final_stats=1"],
            capture_output=True, text=True,
        )
        elapsed = time.perf_counter() - start
        corpus_after = len(list(Path(corpus).iterdir()))
    log = proc.stderr
    runs = re.search(r"Done (\d+) runs", log)
    cov = re.findall(r"cov: (\d+) ft: (\d+)", log)
    crash = re.search(r"Test unit written to (\S+)", log)
    return {
        "engine": "atheris (libFuzzer)",
        "seconds": round(elapsed, 1),
        "executions": int(runs[1]) if runs else None,
        "coverage edges": int(cov[-1][0]) if cov else None,
        "features": int(cov[-1][1]) if cov else None,
        "seed inputs": seeds,
        "corpus after": corpus_after,
        "crashes": 1 if crash else 0,
        "crash input": crash[1] if crash else None,
        "exit code": proc.returncode,
        "log tail": log.strip().splitlines()[-12:] if proc.returncode else None,
    }


def atheris_child(argv) -> None:
    import atheris

    with atheris.instrument_imports(include=["kgraph"]):
        import kgraph.files  # noqa: F401
        import kgraph.ingest  # noqa: F401
    atheris.Setup([sys.argv[0], *argv], check)
    atheris.Fuzz()


def run_hypothesis(seconds: int) -> dict:
    """Random bytes and listing-shaped text through ``check`` until the budget is spent."""
    from hypothesis import HealthCheck, given, settings, strategies as st

    pieces = st.sampled_from([
        "\n", "\r\n", "\n\n", " ", "·", "•", "3 authors", "May 8", "Nov 25, 2024 12", "Subscribe",
        "nvidia NVIDIA", "<script>", "\\", '"', "\ufeff", "\x00", "\u202e", "A Title: Here",
        "We propose X. It works.", "x" * 300,
    ])
    texts = st.lists(st.one_of(st.text(), pieces), max_size=40).map("".join)
    inputs = st.one_of(
        st.binary(max_size=4096),
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        texts.map(lambda t: t.encode("cp1252", "replace")),
        texts.map(lambda t: t.encode("utf-16")),
    )
    count = [0]
    failures = []
    deadline = time.perf_counter() + seconds

    @settings(max_examples=1000, deadline=None, database=None, derandomize=False,
              suppress_health_check=list(HealthCheck))
    @given(inputs)
    def target(data):
        count[0] += 1
        check(data)

    start = time.perf_counter()
    rounds = 0
    while time.perf_counter() < deadline:
        rounds += 1
        try:
            target()
        except Exception as e:  # report, keep the input's repr
            failures.append(f"{type(e).__name__}: {e}"[:2000])
            break
    elapsed = time.perf_counter() - start
    if failures:
        CRASHES.mkdir(parents=True, exist_ok=True)
        (CRASHES / "hypothesis.txt").write_text("\n\n".join(failures), encoding="utf-8")
    return {
        "engine": "hypothesis",
        "seconds": round(elapsed, 1),
        "executions": count[0],
        "rounds of 1000": rounds,
        "crashes": len(failures),
        "failure": failures[0][:500] if failures else None,
    }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--atheris-child":
        atheris_child(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60, help="budget per engine")
    parser.add_argument("--engine", choices=["atheris", "hypothesis", "both"], default="both")
    args = parser.parse_args()
    engines = ["atheris", "hypothesis"] if args.engine == "both" else [args.engine]
    crashes = 0
    for engine in engines:
        if engine == "atheris":
            try:
                import atheris  # noqa: F401
            except ImportError:
                print("atheris: not installed (pip install atheris); skipped")
                continue
            result = run_atheris(args.seconds)
        else:
            result = run_hypothesis(args.seconds)
        crashes += result["crashes"]
        print(result["engine"])
        for key, value in result.items():
            if key != "engine" and value is not None:
                if isinstance(value, list):
                    value = "\n    " + "\n    ".join(value)
                print(f"  {key}: {value}")
        if result.get("executions") and result.get("seconds"):
            print(f"  executions/s: {result['executions'] / result['seconds']:,.0f}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
