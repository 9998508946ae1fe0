"""The seed gold is reproducible from its two blind annotations and the
adjudicators' decisions (bench/adjudicate.py, bench/gold/agreement/)."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AGREEMENT = ROOT / "bench" / "gold" / "agreement"


def adjudicate(*args):
    return subprocess.run([sys.executable, str(ROOT / "bench" / "adjudicate.py"), *map(str, args)],
                          capture_output=True, text=True)


GROUPS = {"heldout": ["heldout", "heldout2"], "dev": ["dev", "dev2", "dev3", "dev4", "dev5"],
          "probe": ["probe"], "probe2": ["probe2"], "probe3": ["probe3"], "probe4": ["probe4"],
          "probe5": ["probe5"], "probe6": ["probe6"], "probe7": ["probe7"], "probe8": ["probe8"],
          "probe-heldout": ["probe-heldout"],
          "probe-heldout2": ["probe-heldout2"], "probe-heldout3": ["probe-heldout3"],
          "real": ["real"], "real-heldout": ["real-heldout"], "real2": ["real2"],
          "real3": ["real3"], "real3-heldout": ["real3-heldout"]}
PAPERS = {part: f"{part}.papers.jsonl"
          for part in ("probe", "probe2", "probe3", "probe4", "probe5", "probe6", "probe7", "probe8", "probe-heldout", "probe-heldout2", "probe-heldout3", "real", "real-heldout", "real2", "real3",
                       "real3-heldout")}  # the seed parts' text is in <part>.todo.jsonl
PARTS = [(group, part) for group, parts in GROUPS.items() for part in parts]


@pytest.mark.parametrize("group, part", PARTS)
def test_the_gold_is_the_adjudication_of_two_annotations(group, part, tmp_path):
    out = tmp_path / f"{part}.jsonl"
    result = adjudicate("apply", AGREEMENT / f"{part}-first.jsonl", AGREEMENT / f"{group}-second.jsonl",
                        AGREEMENT / f"{group}-adjudication.jsonl", "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == (ROOT / "bench" / "gold" / f"{part}.jsonl").read_bytes()


@pytest.mark.parametrize("group", GROUPS)
def test_the_disputes_are_what_the_adjudicators_decided(group, tmp_path):
    decided = {}
    for line in (AGREEMENT / f"{group}-adjudication.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        decided[record["id"]] = sorted((d["name"], d["type"]) for d in record["disputed"])
    found = {}
    for part in GROUPS[group]:
        out = tmp_path / f"{part}.disputes.jsonl"
        result = adjudicate("disputes", AGREEMENT / f"{part}-first.jsonl", AGREEMENT / f"{group}-second.jsonl",
                            "--papers", ROOT / "bench" / "gold" / PAPERS.get(part, f"{part}.todo.jsonl"), "-o", out)
        assert result.returncode == 0, result.stderr
        for line in out.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["disputed"]:
                found[record["id"]] = sorted((d["name"], d["type"]) for d in record["disputed"])
    assert found == decided


def test_an_adjudication_that_misses_a_dispute_is_an_error(tmp_path):
    records = [json.loads(line) for line in
               (AGREEMENT / "heldout-adjudication.jsonl").read_text(encoding="utf-8").splitlines()]
    records[0]["decisions"] = records[0]["decisions"][1:]
    broken = tmp_path / "adjudication.jsonl"
    broken.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = adjudicate("apply", AGREEMENT / "heldout-first.jsonl", AGREEMENT / "heldout-second.jsonl", broken,
                        "-o", tmp_path / "out.jsonl")
    assert result.returncode != 0
    assert "not every disputed item has one decision" in result.stderr


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_adjudication_of_small_annotations(tmp_path):
    entity = lambda name, type_, *aliases: {"name": name, "type": type_, "aliases": list(aliases)}
    first = write(tmp_path / "first.jsonl", [
        {"id": "p1", "title": "One", "entities": [entity("Mixtral", "Model", "Mixtral Instruct"),
                                                  entity("Mixtral Instruct", "Model"), entity("GPU", "Hardware")]},
        {"id": "p2", "title": "Two", "entities": [entity("LoRA", "Technique")]}])
    second = write(tmp_path / "second.jsonl", [
        {"id": "p1", "title": "One", "entities": [entity("GPU", "Hardware", "GPUs"), entity("CPU", "Hardware")]},
        {"id": "p2", "title": "Two", "entities": [entity("LoRA", "Technique")]}])
    # p1's disputes: both Mixtral entities of the first annotation, the CPU of the second; p2 has none
    disputed = [entity("Mixtral", "Model", "Mixtral Instruct"), entity("Mixtral Instruct", "Model"),
                entity("CPU", "Hardware")]

    def adjudicated(order, decisions, name):
        rows = [{"id": "p1", "title": "One", "disputed": [dict(disputed[i], item=k) for k, i in enumerate(order, 1)],
                 "decisions": [dict(decisions[i], item=k) for k, i in enumerate(order, 1)]},
                {"id": "p2", "title": "Two", "disputed": []}]  # no decisions where nothing is disputed
        out = tmp_path / f"{name}.out.jsonl"
        result = adjudicate("apply", first, second, write(tmp_path / f"{name}.jsonl", rows), "-o", out)
        return result, out

    keep = [{"decision": "include", "type": "Model"}, {"decision": "include", "type": "Model"},
            {"decision": "exclude"}]
    (a, out_a), (b, out_b) = adjudicated([0, 1, 2], keep, "a"), adjudicated([1, 0, 2], keep, "b")
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    entities = lambda out: {e["name"]: e["aliases"] for e in json.loads(out.read_text().splitlines()[0])["entities"]}
    # an entity kept of its own is no alias of another of its type, whatever order the items were numbered in
    assert entities(out_a) == entities(out_b) == {"GPU": ["GPUs"], "Mixtral": [], "Mixtral Instruct": []}
    # a decision the tool does not know, or a same_as naming no entity, is an error in one line
    bad, _ = adjudicated([0, 1, 2], [{"decision": "Include", "type": "Model"}, *keep[1:]], "bad")
    assert bad.returncode != 0 and "unknown decision 'Include'" in bad.stderr and "Traceback" not in bad.stderr
    bad, _ = adjudicated([0, 1, 2], [*keep[:2], {"decision": "same_as", "same_as": "TPU"}], "bad2")
    assert bad.returncode != 0 and "which is no entity" in bad.stderr and "Traceback" not in bad.stderr


def test_decisions_written_apart_merge_into_the_adjudication_that_apply_reads(tmp_path):
    entity = lambda name, type_: {"name": name, "type": type_, "aliases": []}
    papers = write(tmp_path / "papers.jsonl", [{"id": "p1", "title": "One", "abstract": "Mixtral on a CPU."},
                                               {"id": "p2", "title": "Two", "abstract": "LoRA on a TPU."}])
    from kgraph import read_papers

    p1, p2 = (p.id for p in read_papers([papers])[0])
    first = write(tmp_path / "first.jsonl", [{"id": p1, "title": "One", "entities": [entity("Mixtral", "Model")]},
                                             {"id": p2, "title": "Two", "entities": [entity("LoRA", "Technique")]}])
    second = write(tmp_path / "second.jsonl", [{"id": p1, "title": "One", "entities": [entity("CPU", "Hardware")]},
                                               {"id": p2, "title": "Two", "entities": [entity("TPU", "Hardware")]}])
    unlisted = adjudicate("disputes", first, second, "--papers", write(tmp_path / "none.jsonl", [
        {"title": "Three", "abstract": "Other."}]), "-o", tmp_path / "z.jsonl")
    assert unlisted.returncode != 0 and "is not in" in unlisted.stderr and "Traceback" not in unlisted.stderr
    assert adjudicate("disputes", first, second, "--papers", papers, "-o", tmp_path / "d.jsonl").returncode == 0
    records = [json.loads(line) for line in (tmp_path / "d.jsonl").read_text(encoding="utf-8").splitlines()]
    # two adjudicators, one paper each; each writes only decisions
    halves = []
    for n, record in enumerate(records):
        disputes = write(tmp_path / f"d{n}.jsonl", [record])
        decisions = write(tmp_path / f"c{n}.jsonl", [{"id": record["id"], "decisions": [
            {"item": it["item"], "decision": "exclude" if it["type"] == "Hardware" else "include", "type": it["type"]}
            for it in record["disputed"]]}])
        halves += [disputes, decisions]
    merged = tmp_path / "adj.jsonl"
    result = adjudicate("merge", *halves, "-o", merged)
    assert result.returncode == 0, result.stderr
    result = adjudicate("apply", first, second, merged, "-o", tmp_path / "gold.jsonl")
    assert result.returncode == 0, result.stderr
    gold = [json.loads(line) for line in (tmp_path / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [[e["name"] for e in g["entities"]] for g in gold] == [["Mixtral"], ["LoRA"]]
    # a disputes file whose decisions are missing, or an odd number of files, is a one-line error
    missing = adjudicate("merge", halves[0], halves[3], "-o", tmp_path / "x.jsonl")
    assert missing.returncode != 0 and "has no decisions" in missing.stderr and "Traceback" not in missing.stderr
    odd = adjudicate("merge", halves[0], "-o", tmp_path / "y.jsonl")
    assert odd.returncode != 0 and "pairs" in odd.stderr and not (tmp_path / "y.jsonl").exists()
