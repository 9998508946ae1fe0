"""`kgraph search`: entities and papers by label, alias or title."""
import json
import re

import pytest

from conftest import run


def search(built, *args):
    result = run("search", *args, "--graph", built, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def entity_names(G):
    """{label: [label, aliases and hidden labels]} of every entity."""
    return {d["label"]: [d["label"], *d["aliases"], *d["hidden_labels"]]
            for _, d in G.nodes(data=True) if d.get("kind") == "entity"}


@pytest.mark.parametrize("text", ["quantization", "attention", "memory", "tensor core"])
def test_search_finds_every_name_and_title_containing_the_text(built, seed_graph, text):
    out = search(built, text, "--limit", "0")
    words = re.compile(r"\b" + re.escape(text), re.I)
    expected = {lab for lab, names in entity_names(seed_graph).items() if any(words.search(n) for n in names)}
    assert expected and expected <= {e["label"] for e in out["entities"]}
    titles = {d["title"] for _, d in seed_graph.nodes(data=True) if d["kind"] == "paper" and words.search(d["title"])}
    assert titles and titles <= {p["title"] for p in out["papers"]}
    assert out["entity_matches"] == len(out["entities"]) and out["paper_matches"] == len(out["papers"])
    # best first; among equals the better-known entity first
    keys = [(-e["score"], -e["papers"], e["label"]) for e in out["entities"]]
    assert keys == sorted(keys)
    for e in out["entities"]:
        if e["score"] >= 70:  # a match of words, not of a close spelling
            assert e["matched"] in entity_names(seed_graph)[e["label"]]


def test_search_exact_name_first(built):
    out = search(built, "GPUs")
    assert out["entities"][0] == {"label": "GPU", "type": "Hardware", "papers": 136, "matched": "GPU", "score": 100}
    out = search(built, "graphics processing unit")
    assert out["entities"][0]["label"] == "GPU" and out["entities"][0]["matched"] == "graphics processing unit"


def test_search_forgives_typos(built):
    out = search(built, "speculativ decodng", "--type", "technique")
    assert out["entities"][0]["label"] == "speculative decoding"
    assert out["papers"] == [] and out["paper_matches"] == 0


def test_search_papers_only_and_limit(built, seed_graph):
    out = search(built, "inference", "--type", "Paper", "--limit", "5")
    assert out["entities"] == [] and len(out["papers"]) == 5 < out["paper_matches"]
    assert set(out["papers"][0]) == {"id", "title", "published", "score"}
    assert all("inference" in p["title"].lower() for p in out["papers"])


def test_search_text(built, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    out = search(built, "attention", "--limit", "3")
    lines = run("search", "attention", "--graph", built, "--limit", "3").output.splitlines()
    assert lines[0] == f"entities ({out['entity_matches']}, top 3):"
    assert lines[1].split() == ["label", "type", "papers", "score", "matched"]
    assert lines[2].startswith(f"  {out['entities'][0]['label']}  ")
    assert f"papers ({out['paper_matches']}, top 3):" in lines


def test_search_nothing(built):
    result = run("search", "zzqxj", "--graph", built)
    assert result.exit_code == 0
    assert result.output == "entities (0)\npapers (0)\n"
