"""bench/evaluate.py scores a prediction by the most gold entities it can match."""
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("evaluate", ROOT / "bench" / "evaluate.py")
evaluate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(evaluate)


def test_a_prediction_fitting_two_gold_items_leaves_the_other_to_the_prediction_that_fits_it_alone():
    # Edge TPU's concept has the alias "Google Coral"; the paper names both, and
    # another prediction (the Coral board) matches "Google Coral" only
    gold = [{"id": "p", "title": "T", "entities": [
        {"name": "Google Coral", "type": "Hardware"},
        {"name": "Edge TPU", "type": "Hardware"}]}]
    predicted = {"p": [("Edge TPU", "Hardware", {"edge tpu", "google coral"}),
                       ("Google Coral Dev Board", "Hardware", {"google coral"})]}
    tp, fp, fn, misses, false_hits = evaluate.score(gold, predicted)
    assert (tp["Hardware"], fp["Hardware"], fn["Hardware"]) == (2, 0, 0)
    assert misses == [] and false_hits == []


def test_types_must_agree_and_each_prediction_matches_once():
    gold = [{"id": "p", "title": "T", "entities": [
        {"name": "LoRA", "type": "Technique"},
        {"name": "low-rank adaptation", "type": "Technique"},
        {"name": "Triton", "type": "Software"}]}]
    predicted = {"p": [("LoRA", "Technique", {"lora", "low rank adaptation"}),
                       ("Triton", "Technique", {"triton"})]}
    tp, fp, fn, misses, false_hits = evaluate.score(gold, predicted)
    assert (tp["Technique"], fn["Technique"], fn["Software"], fp["Technique"]) == (1, 1, 1, 1)
    assert [m[1] for m in misses] == ["low-rank adaptation", "Triton"]
    assert false_hits == [("T", "Triton", "Technique")]


def test_per_paper_core_counts_and_their_bootstrap_interval():
    gold = [{"id": "a", "title": "A", "entities": [{"name": "GPU", "type": "Hardware"},
                                                    {"name": "PyTorch", "type": "Software"}]},
            {"id": "b", "title": "B", "entities": [{"name": "LoRA", "type": "Technique"}]}]
    predicted = {"a": [("GPU", "Hardware", {"gpu"}), ("TPU", "Hardware", {"tpu"})], "b": []}
    per_paper = []
    evaluate.score(gold, predicted, per_paper)
    assert per_paper == [(1, 1, 0), (0, 0, 1)]  # core types only: PyTorch's miss is not counted
    # the interval holds the score, is the same on every run, and is a point where papers agree
    papers = [(3, 1, 1), (1, 0, 2), (2, 2, 0), (4, 0, 1)] * 5
    (pl, ph), (rl, rh), (fl, fh) = interval = evaluate.bootstrap_interval(papers)
    p, r, f = evaluate.prf(50, 15, 20)
    assert pl < p < ph and rl < r < rh and fl < f < fh
    assert interval == evaluate.bootstrap_interval(papers)
    assert evaluate.bootstrap_interval([(2, 1, 1)] * 10) == [(2 / 3, 2 / 3)] * 3


def test_a_paired_interval_says_whether_a_change_is_more_than_the_papers_drawn():
    before = [(3, 1, 1), (1, 0, 2), (2, 2, 0), (4, 0, 1)] * 5
    assert evaluate.paired_interval(before, before) == [(0.0, 0.0)] * 3
    better = [(tp + 1, fp, fn - 1) if fn else (tp, fp, fn) for tp, fp, fn in before]  # one miss fewer a paper
    (pl, ph), (rl, rh), (fl, fh) = evaluate.paired_interval(better, before)
    assert 0 < rl <= rh and 0 < fl <= fh and pl <= ph


def test_saved_counts_compare_with_a_later_run(tmp_path, capsys):
    ids = tmp_path / "ids.txt"
    ids.write_text("\n".join(g["id"] for g in evaluate.read_gold("dev")[:5]), encoding="utf-8")
    saved = tmp_path / "before.json"
    evaluate.main(["--part", "dev", "--ids", str(ids), "--save", str(saved)])
    counts = json.loads(saved.read_text(encoding="utf-8"))
    assert len(counts) == 5 and all(len(c) == 3 for c in counts.values())
    capsys.readouterr()
    evaluate.main(["--part", "dev", "--ids", str(ids), "--against", str(saved)])
    assert capsys.readouterr().out.splitlines()[-1] == (
        "change on 5 papers: P +0.000 (+0.000 to +0.000)  R +0.000 (+0.000 to +0.000)  F1 +0.000 (+0.000 to +0.000)")
