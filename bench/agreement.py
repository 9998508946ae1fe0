"""Inter-annotator agreement between two gold-style annotation files.

    python bench/agreement.py bench/gold/agreement/dev5-first.jsonl bench/gold/agreement/dev-second.jsonl
    python bench/agreement.py REF OTHER --kgraph -v   # also kgraph on the same papers; list disagreements

Both files are JSON Lines as in bench/gold/ ({"id", "title", "entities":
[{"name", "type", "aliases"}]}). Only papers present in both are compared.
REF is treated as the reference and OTHER as the "prediction", scored with
bench/evaluate.py's own ``score`` (an entity matches when the types are equal
and a folded label, name or alias, of one equals a folded label of the other),
so the numbers are directly comparable with kgraph's. Precision of OTHER
against REF equals recall of REF against OTHER, so F1 is symmetric.
``--kgraph`` also scores kgraph's extraction against REF on the same papers.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import entity_items, predicted_sets, print_listing, read_jsonl, report, score  # noqa: E402


def as_predicted(papers):
    """Annotation file -> {id: [(name, type, folded labels)]}, evaluate's prediction shape."""
    return {p["id"]: entity_items(p["entities"]) for p in papers}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("ref", help="reference annotation (the existing gold)")
    ap.add_argument("other", help="second annotation, scored as a prediction")
    ap.add_argument("--kgraph", action="store_true", help="also score kgraph on the same papers")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the disagreements")
    args = ap.parse_args(argv)
    other = read_jsonl(args.other)
    ids = {p["id"] for p in other}
    ref = [g for g in read_jsonl(args.ref) if g["id"] in ids]
    tp, fp, fn, only_ref, only_other = score(ref, as_predicted(other))
    print(f"agreement: {len(ref)} papers, reference={args.ref}, other={args.other}")
    print(report(tp, fp, fn))
    if args.verbose:
        print_listing("only in reference (missed by other):", only_ref)
        print_listing("only in other:", only_other)
    if args.kgraph:
        ktp, kfp, kfn, _, _ = score(ref, predicted_sets(ref, "gold"))
        print(f"\nkgraph vs reference on the same {len(ref)} papers")
        print(report(ktp, kfp, kfn))


if __name__ == "__main__":
    main()
