"""Score kgraph's extraction against the gold set in bench/gold/.

    python bench/evaluate.py                 # held-out parts (heldout, heldout2)
    python bench/evaluate.py --part dev -v   # development part, with misses and false hits
    python bench/evaluate.py --part dev,dev2 # several parts together
    python bench/evaluate.py --part dev5 --ids ids.txt  # only the papers listed (one id a line)
    python bench/evaluate.py --ci            # with 95% bootstrap intervals of the core scores
    python bench/evaluate.py --part real --save before.json   # then, after a change:
    python bench/evaluate.py --part real --against before.json  # the change, with a paired interval
    python bench/evaluate.py --part probe    # 135 abstracts written for testing, not seed papers
    python bench/evaluate.py --part probe-heldout  # 40 more, never tuned on (aggregate only)
    python bench/evaluate.py --part probe-heldout2 # 40 written and scored once at the end of 2026-11-30
    python bench/evaluate.py --part real     # 80 real arXiv abstracts (cs.DC-heavy), development
    python bench/evaluate.py --part real-heldout  # 80 more of them, never read (aggregate only)
    python bench/evaluate.py --part real2    # 120 real arXiv abstracts on LLM systems, development
    python bench/evaluate.py --part real3    # 58 more real arXiv abstracts, any topic, development
    python bench/evaluate.py --part real3-heldout  # 58 more of them, never read (aggregate only)

Per paper, the predicted set of (entity, type) is compared with the gold set
annotated by ../shared/ENTITY_GUIDE.md and bench/ANNOTATION.md. A prediction
matches a gold entity when the types are equal and a label of one (name,
alias, or the surface text matched) folds to a label of the other. Types
count: a right name with a wrong type is a miss and a false hit.

By default only the gold papers are given to kgraph (as if they were a new
listing); ``--corpus seeds`` extracts from the whole seed corpus instead.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgraph.extract import extract_corpus  # noqa: E402
from kgraph.ingest import read_listings  # noqa: E402
from kgraph.names import fold  # noqa: E402

TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")
CORE = ("Model", "Technique", "Hardware")


def read_jsonl(path) -> list[dict]:
    """The papers of an annotation file (JSON Lines as in bench/gold/)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_gold(part: str) -> list[dict]:
    return read_jsonl(ROOT / "bench" / "gold" / f"{part}.jsonl")


def entity_items(entities) -> list[tuple]:
    """An annotation's entities as (name, type, folded labels), as they are matched."""
    return [(e["name"], e["type"], {fold(x) for x in (e["name"], *e.get("aliases", []))}) for e in entities]


def gold_papers(wanted: set[str]):
    """The seed papers, and the papers of parts that are not seed papers
    (``bench/gold/<part>.papers.jsonl``, such as ``probe``) where ``wanted`` needs them."""
    papers, _ = read_listings([ROOT / "seeds"])
    extra = sorted((ROOT / "bench" / "gold").glob("*.papers.jsonl"))
    if extra and not wanted <= {p.id for p in papers}:
        from kgraph import read_papers

        papers += read_papers(extra)[0]
    return papers


def predicted_sets(gold, corpus: str):
    wanted = {g["id"] for g in gold}
    papers = gold_papers(wanted)
    chosen = papers if corpus == "seeds" else [p for p in papers if p.id in wanted]
    mentions, concepts = extract_corpus(chosen)
    out = {}
    for pid in wanted:
        items = []
        for key, m in mentions.get(pid, {}).items():
            c = concepts[key]
            labels = {fold(x) for x in (c.label, *c.alt_labels, *c.hidden_labels, *c.context_labels, *m.surfaces)}
            items.append((c.label, c.type, labels))
        out[pid] = items
    return out


def matching(gold_items, pred) -> dict[int, int]:
    """The most gold items matched to distinct predictions, as {gold index:
    prediction index}: a maximum bipartite matching (Kuhn's augmenting paths,
    gold in order, so the result is the greedy one wherever that is already
    maximal), not a greedy one, where a concept whose aliases fit two gold
    items could take the one another prediction alone matches."""
    fits = [[j for j, (_, t, pl) in enumerate(pred) if t == type_ and pl & labels]
            for _, type_, labels in gold_items]
    owner: dict[int, int] = {}  # prediction index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in fits[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(gold_items)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score(gold, predicted, per_paper=None):
    """Counts of true hits, false hits and misses by type, with the lists of
    misses and false hits; ``per_paper``, a list, also gets each paper's core
    (tp, fp, fn)."""
    tp, fp, fn = Counter(), Counter(), Counter()
    misses, false_hits = [], []
    for g in gold:
        before = [sum(x[t] for t in CORE) for x in (tp, fp, fn)]
        gold_items = entity_items(g["entities"])
        pred = list(predicted.get(g["id"], []))
        matched = matching(gold_items, pred)
        for i, (name, type_, _) in enumerate(gold_items):
            if i in matched:
                tp[type_] += 1
            else:
                fn[type_] += 1
                misses.append((g["title"][:60], name, type_))
        used = set(matched.values())
        for j, (label, type_, _) in enumerate(pred):
            if j not in used:
                fp[type_] += 1
                false_hits.append((g["title"][:60], label, type_))
        if per_paper is not None:
            per_paper.append(tuple(sum(x[t] for t in CORE) - b for x, b in zip((tp, fp, fn), before)))
    return tp, fp, fn, misses, false_hits


def bootstrap_interval(per_paper, rounds: int = 2000, seed: int = 0):
    """95% intervals of core P, R and F1 over papers drawn with replacement
    (a fixed seed, so the same input prints the same interval): how far a
    score on this many papers can move by which papers happen to be in it."""
    return _intervals(lambda drawn: _prf_of(per_paper, drawn), len(per_paper), rounds, seed)


def paired_interval(now, before, rounds: int = 2000, seed: int = 0):
    """95% intervals of the change in core P, R and F1 from ``before`` to ``now``
    (each paper's (tp, fp, fn), in the same paper order), the same papers drawn
    for both: whether a change is larger than which papers happen to be scored."""
    return _intervals(lambda drawn: [a - b for a, b in zip(_prf_of(now, drawn), _prf_of(before, drawn))],
                      len(now), rounds, seed)


def _prf_of(per_paper, drawn):
    """P, R and F1 of the papers at the indices ``drawn`` (repeats counted)."""
    return prf(*(sum(per_paper[i][k] for i in drawn) for k in range(3)))


def _intervals(statistic, n: int, rounds: int, seed: int):
    """The 95% interval of each value of ``statistic`` over ``rounds`` draws of
    ``n`` paper indices with replacement (a fixed seed)."""
    import random

    rng = random.Random(seed)
    samples = [statistic([rng.randrange(n) for _ in range(n)]) for _ in range(rounds)]
    low, high = int(0.025 * rounds), int(0.975 * rounds) - 1
    return [(sorted(col)[low], sorted(col)[high]) for col in zip(*samples)]


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def report(tp, fp, fn) -> str:
    lines = [f"{'type':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    rows = [(t, (t,)) for t in TYPES] + [("core (M+T+H)", CORE), ("all", TYPES)]
    for name, group in rows:
        a, b, c = (sum(x[t] for t in group) for x in (tp, fp, fn))
        p, r, f = prf(a, b, c)
        lines.append(f"{name:<14}{p:>7.3f}{r:>7.3f}{f:>7.3f}{a:>6}{b:>6}{c:>6}")
    return "\n".join(lines)


def print_listing(heading: str, rows) -> None:
    """(title, name, type) rows under a heading, by type and name."""
    print(f"\n{heading}")
    for t, name, type_ in sorted(rows, key=lambda x: (x[2], x[1])):
        print(f"  {type_:<12} {name:<35} | {t}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--part", default="heldout,heldout2",
                    help="gold files to score, comma-separated: heldout,heldout2 (default), dev, dev2, ... dev5, "
                         "probe, probe2, ... probe8, probe-heldout, probe-heldout2, probe-heldout3 (new abstracts, not seed papers), real, real-heldout, real2, real3, real3-heldout (real arXiv abstracts)")
    ap.add_argument("--corpus", default="gold", choices=["gold", "seeds"])
    ap.add_argument("--ids", metavar="FILE",
                    help="score only the gold papers whose ids are listed in FILE, one a line")
    ap.add_argument("--ci", action="store_true",
                    help="also print 95%% bootstrap intervals of core P, R and F1 (papers resampled)")
    ap.add_argument("--save", metavar="FILE", help="write each paper's core (tp, fp, fn) to FILE (JSON)")
    ap.add_argument("--against", metavar="FILE",
                    help="compare with counts saved by --save (another commit's): the change in core P, R and F1 "
                         "with 95%% paired bootstrap intervals")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false hits")
    args = ap.parse_args(argv)
    gold = [g for part in args.part.split(",") for g in read_gold(part.strip())]
    if args.ids:
        wanted = set(Path(args.ids).read_text(encoding="utf-8").split())
        gold = [g for g in gold if g["id"] in wanted]
    per_paper = []
    tp, fp, fn, misses, false_hits = score(gold, predicted_sets(gold, args.corpus), per_paper)
    print(f"{args.part}: {len(gold)} papers, corpus={args.corpus}")
    print(report(tp, fp, fn))
    if args.ci and gold:
        (pl, ph), (rl, rh), (fl, fh) = bootstrap_interval(per_paper)
        print(f"95% interval  P {pl:.3f}-{ph:.3f}  R {rl:.3f}-{rh:.3f}  F1 {fl:.3f}-{fh:.3f}  (core, papers resampled)")
    counts = {g["id"]: list(c) for g, c in zip(gold, per_paper)}
    if args.save:
        Path(args.save).write_text(json.dumps(counts, sort_keys=True) + "\n", encoding="utf-8")
    if args.against:
        saved = json.loads(Path(args.against).read_text(encoding="utf-8"))
        ids = [i for i in counts if i in saved]
        if not ids:
            sys.exit(f"error: {args.against} has counts for none of these papers")
        now, before = [counts[i] for i in ids], [saved[i] for i in ids]
        change = [x - y for x, y in zip(prf(*map(sum, zip(*now))), prf(*map(sum, zip(*before))))]
        intervals = paired_interval(now, before)
        print(f"change on {len(ids)} papers: " + "  ".join(
            f"{name} {d:+.3f} ({lo:+.3f} to {hi:+.3f})" for name, d, (lo, hi) in zip(("P", "R", "F1"), change, intervals)))
    if args.verbose:
        print_listing("misses:", misses)
        print_listing("false hits:", false_hits)


if __name__ == "__main__":
    main()
