"""Double annotation with adjudication: where two blind annotations of the same
papers disagree, a third annotator decides, and the gold is what they agreed
on plus what the adjudicator kept.

    python bench/adjudicate.py disputes FIRST SECOND --papers TODO.jsonl -o disputes.jsonl
    python bench/adjudicate.py merge disputes.jsonl decisions.jsonl [...] -o ADJUDICATION
    python bench/adjudicate.py apply FIRST SECOND ADJUDICATION -o GOLD.jsonl

``disputes`` writes, per paper both files annotate, the text, the entities
the two agree on and the disputed ones (in one only, or with another type),
numbered in a shuffled order so that the adjudicator cannot tell who proposed
what. The adjudicator adds ``decisions`` to each line: ``{"item": k,
"decision": "include", "type": T}``, ``"exclude"``, or ``{"decision":
"same_as", "same_as": NAME}`` (another spelling of an entity that stays, which
becomes its alias). Where adjudicators wrote their decisions apart (one
``{"id": ..., "decisions": [...]}`` line per paper, the disputes split among
several of them), ``merge`` joins each disputes file with its decisions
into the adjudication file. ``apply`` rebuilds the agreed entities from FIRST and
SECOND, checks that the disputes are the ones decided, and writes the
adjudicated gold in FIRST's order. Entities match as in evaluate.py (same
type, a folded name or alias in common).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate import entity_items, fold, read_jsonl  # noqa: E402


def split(first: dict, second: dict) -> tuple[list[dict], list[dict]]:
    """(agreed, disputed) entities of one paper's two annotations; an agreed
    entity keeps FIRST's name and takes the other's spellings as aliases."""
    a, b = entity_items(first["entities"]), entity_items(second["entities"])
    used, agreed, disputed = set(), [], []
    for i, (_, type_, labels) in enumerate(a):
        hit = next((j for j, (_, t, ls) in enumerate(b) if j not in used and t == type_ and ls & labels), None)
        entity = dict(first["entities"][i])
        if hit is None:
            disputed.append(entity)
            continue
        used.add(hit)
        other = second["entities"][hit]
        entity["aliases"] = sorted({*entity.get("aliases", []), other["name"], *other.get("aliases", [])} - {entity["name"]})
        agreed.append(entity)
    disputed += [second["entities"][j] for j in range(len(b)) if j not in used]
    return agreed, [{"name": e["name"], "type": e["type"], "aliases": list(e.get("aliases", []))} for e in disputed]


def disputes(first_path, second_path, papers_path, seed: int = 11) -> list[dict]:
    from kgraph import read_papers  # ids as kgraph gives them, also to files without an "id" field

    texts = {p.id: {"title": p.title, "abstract": p.abstract} for p in read_papers([papers_path])[0]}
    second = {p["id"]: p for p in read_jsonl(second_path)}
    rng = random.Random(seed)
    out = []
    for first in read_jsonl(first_path):
        if first["id"] not in second:
            continue
        agreed, disputed = split(first, second[first["id"]])
        rng.shuffle(disputed)
        for k, item in enumerate(disputed, 1):
            item["item"] = k
        text = texts.get(first["id"])
        if text is None:
            raise SystemExit(f"Error: paper {first['id']} is not in {papers_path} (ids as kgraph reads them)")
        out.append({"id": first["id"], "title": text["title"], "abstract": text["abstract"],
                    "agreed": agreed, "disputed": disputed})
    return out


def apply(first_path, second_path, adjudication_path) -> list[dict]:
    second = {p["id"]: p for p in read_jsonl(second_path)}
    decided = {p["id"]: p for p in read_jsonl(adjudication_path)}
    out = []
    for first in read_jsonl(first_path):
        if first["id"] not in second:
            raise SystemExit(f"Error: paper {first['id']} has no second annotation")
        entities, disputed = split(first, second[first["id"]])
        record = decided.get(first["id"], {})
        items = {it["item"]: it for it in record.get("disputed", [])}
        decisions = record.get("decisions", [])
        where = f"paper {first['id']}"
        if sorted(map(_key, disputed)) != sorted(map(_key, items.values())):
            raise SystemExit(f"Error: {where}: the disputes decided are not the annotations' disputes")
        if sorted(d["item"] for d in decisions) != sorted(items):
            raise SystemExit(f"Error: {where}: not every disputed item has one decision")
        entities = [dict(e) for e in entities]
        included, same = [], []
        for d in sorted(decisions, key=lambda d: d["item"]):
            item = items[d["item"]]
            if d["decision"] == "include":
                included.append({"name": item["name"], "type": d["type"], "aliases": list(item["aliases"])})
            elif d["decision"] == "same_as":
                same.append((item, fold(d["same_as"])))
            elif d["decision"] != "exclude":
                raise SystemExit(f"Error: {where}: item {d['item']}: unknown decision {d['decision']!r}")
        for new in included:  # an entity of its own is no alias of another of its type ("GPT-3.5 Turbo")
            kept = {fold(x) for x in (new["name"], *new["aliases"])}
            for e in entities + included:
                if e is not new and e["type"] == new["type"]:
                    e["aliases"] = [a for a in e["aliases"] if fold(a) not in kept]
        entities += included
        for item, target in same:
            entity = next((e for e in entities if target in {fold(x) for x in (e["name"], *e["aliases"])}), None)
            if entity is None:
                raise SystemExit(f"Error: {where}: item {item['name']!r} is the same as {target!r}, which is no entity")
            entity["aliases"] = sorted({*entity["aliases"], item["name"], *item["aliases"]} - {entity["name"]})
        out.append({"id": first["id"], "title": first["title"], "entities": entities})
    return out


def merge(pairs) -> list[dict]:
    """The adjudication file: per (disputes file, decisions file) pair, each
    paper with disputes and the decisions written for it."""
    out = []
    for disputes_path, decisions_path in pairs:
        decided = {r["id"]: r["decisions"] for r in read_jsonl(decisions_path)}
        for record in read_jsonl(disputes_path):
            if not record["disputed"]:
                continue
            if record["id"] not in decided:
                raise SystemExit(f"Error: paper {record['id']} of {disputes_path} has no decisions in {decisions_path}")
            out.append({"id": record["id"], "title": record["title"], "disputed": record["disputed"],
                        "decisions": decided[record["id"]]})
    return out


def _key(entity: dict) -> tuple:
    return entity["name"], entity["type"], tuple(sorted(entity.get("aliases", [])))


def write_jsonl(rows, path) -> None:
    Path(path).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("disputes", help="what the adjudicator is to decide")
    d.add_argument("first")
    d.add_argument("second")
    d.add_argument("--papers", required=True, help="the papers' listing (JSON Lines with title and abstract)")
    d.add_argument("-o", "--output", required=True)
    m = sub.add_parser("merge", help="join disputes files with the adjudicators' decisions files")
    m.add_argument("files", nargs="+", metavar="DISPUTES DECISIONS", help="pairs of a disputes file and its decisions")
    m.add_argument("-o", "--output", required=True)
    a = sub.add_parser("apply", help="the adjudicated gold")
    a.add_argument("first")
    a.add_argument("second")
    a.add_argument("adjudication", help="the disputes file with the adjudicator's decisions on each line")
    a.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    if args.command == "disputes":
        write_jsonl(disputes(args.first, args.second, args.papers), args.output)
    elif args.command == "merge":
        if len(args.files) % 2:
            ap.error("merge takes pairs: a disputes file, then its decisions file")
        write_jsonl(merge(zip(args.files[::2], args.files[1::2])), args.output)
    else:
        write_jsonl(apply(args.first, args.second, args.adjudication), args.output)


if __name__ == "__main__":
    main()
