"""How fast `kgraph neighbors` answers, process start to exit, next to the
floor of any click program: `python -c "import click"`.

    python bench/query_speed.py [--graph DIR] [-n 15] [NAME ...]

Both commands run alternately in one run, `-n` times each; medians are
compared. Without --graph, the seeds are built into a temporary folder first.
kgraph's modules are byte-compiled first, as `pip install .` does (an
editable install under PYTHONDONTWRITEBYTECODE=1 would otherwise recompile
them at every start); `--no-compile` measures without.
"""
from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def kgraph_command() -> list[str]:
    """The installed `kgraph` script beside this Python, else `python -m kgraph`."""
    script = Path(sys.executable).parent / "kgraph"
    if script.is_file():
        return [str(script)]
    found = shutil.which("kgraph")
    return [found] if found else [sys.executable, "-m", "kgraph"]


def seconds(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", default=["GPU", "h100", "quantization"])
    parser.add_argument("--graph", help="A folder written by `kgraph build` (default: build the seeds).")
    parser.add_argument("-n", type=int, default=15, help="Runs of each command.")
    parser.add_argument("--no-compile", action="store_true", help="Do not byte-compile kgraph first.")
    args = parser.parse_args()
    kgraph = kgraph_command()
    if not args.no_compile:
        import kgraph as package

        compileall.compile_dir(Path(package.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        graph = args.graph
        if graph is None:
            graph = tmp
            subprocess.run([*kgraph, "build", str(ROOT / "seeds"), "-o", tmp, "--no-html"], check=True,
                           stdout=subprocess.DEVNULL)
        commands = {"python -c 'import click'": [sys.executable, "-c", "import click"]}
        for name in args.names:
            commands[f"kgraph neighbors {name}"] = [*kgraph, "neighbors", name, "--graph", str(graph)]
        for cmd in commands.values():  # warm the file cache
            seconds(cmd)
        times: dict[str, list[float]] = {label: [] for label in commands}
        for _ in range(args.n):
            for label, cmd in commands.items():
                times[label].append(seconds(cmd))
    floor = statistics.median(times["python -c 'import click'"])
    print(f"{'command':<34} {'median':>8} {'min':>8} {'max':>8} {'ratio':>6}")
    for label, ts in times.items():
        median = statistics.median(ts)
        print(f"{label:<34} {median:8.3f} {min(ts):8.3f} {max(ts):8.3f} {median / floor:6.2f}")


if __name__ == "__main__":
    main()
