"""Generate a synthetic corpus by recombining the seed papers' titles and
abstract sentences, so that vocabulary and entity density stay realistic.

    python bench/synth.py 10000 bench/data/synth-10k
    python bench/synth.py 100000 bench/data/synth-100k --format listing --gzip

A title is a seed title's name part ("AWQ: ...") joined to the head of
another title and the tail of a third ("... for Efficient Inference"); an
abstract draws as many sentences as a random seed abstract has, from all
seed abstracts. Titles are unique; the same arguments give the same files.
Papers are written in shards of ``--shard`` papers (JSON Lines by default).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.ingest import read_listings, title_key  # noqa: E402

_NAME = re.compile(r"^(?P<name>[^:]{1,60}):\s+(?P<rest>.+)$")
_CONNECTOR = re.compile(r"\s(?=(?:for|with|via|in|on|through|using|from|at|by)\s)")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def seed_parts(seeds: Path):
    """Names, title heads, title tails, abstract sentences and sentence counts of the seeds."""
    papers, _ = read_listings([seeds])
    names, heads, tails, sentences, counts = [], [], [""], [], []
    for p in papers:
        m = _NAME.match(p.title)
        rest = m["rest"] if m else p.title
        if m:
            names.append(m["name"])
        head, *tail = _CONNECTOR.split(rest, maxsplit=1)
        heads.append(head)
        if tail:
            tails.append(" " + tail[0])
        found = _SENTENCE.split(" ".join(p.abstract.split()))
        sentences.extend(found)
        counts.append(len(found))
    return names, heads, tails, sentences, counts


def generate(n: int, seeds: Path = ROOT / "seeds", seed: int = 0):
    """Yield ``n`` papers as {title, abstract} dicts, deterministically."""
    names, heads, tails, sentences, counts = seed_parts(seeds)
    rng = random.Random(seed)
    seen: set[str] = set()
    made = 0
    while made < n:
        rest = rng.choice(heads) + rng.choice(tails)
        title = f"{rng.choice(names)}: {rest}" if rng.random() < 0.6 else rest
        key = title_key(title)
        if key in seen:
            continue
        seen.add(key)
        abstract = " ".join(rng.choice(sentences) for _ in range(rng.choice(counts)))
        made += 1
        yield {"title": title, "abstract": abstract}


def _listing(papers) -> str:
    return "Daily Papers\n\n" + "".join(f"{p['title']}\n\n{p['abstract']}\n\n" for p in papers)


def _csv(papers) -> str:
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=["title", "abstract"], lineterminator="\n")
    w.writeheader()
    w.writerows(papers)
    return out.getvalue()


def _jsonl(papers) -> str:
    return "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in papers)


WRITERS = {"jsonl": (_jsonl, ".jsonl"), "csv": (_csv, ".csv"), "listing": (_listing, ".txt")}


def write_corpus(n: int, folder: Path, *, fmt: str = "jsonl", shard: int = 1000, gz: bool = False,
                 seed: int = 0) -> list[Path]:
    """Write ``n`` synthetic papers into ``folder`` in shards; return the files."""
    write, suffix = WRITERS[fmt]
    folder.mkdir(parents=True, exist_ok=True)
    papers = list(generate(n, seed=seed))
    files = []
    for i in range(0, n, shard):
        path = folder / f"part-{i // shard:05d}{suffix}{'.gz' if gz else ''}"
        data = write(papers[i : i + shard]).encode("utf-8")
        path.write_bytes(gzip.compress(data, mtime=0) if gz else data)
        files.append(path)
    return files


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("papers", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--format", choices=sorted(WRITERS), default="jsonl")
    parser.add_argument("--shard", type=int, default=1000, help="papers per file [1000]")
    parser.add_argument("--gzip", action="store_true", help="write .gz files")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    files = write_corpus(args.papers, args.folder, fmt=args.format, shard=args.shard, gz=args.gzip, seed=args.seed)
    print(f"wrote {args.papers} papers in {len(files)} files to {args.folder}")


if __name__ == "__main__":
    main()
