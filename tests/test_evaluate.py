"""bench/evaluate.py scores a prediction by the most gold entities it can match."""
import importlib.util
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
