"""`kgraph path`: shortest co-mention paths, checked against networkx."""
import json

import networkx as nx
import pytest

from conftest import run
from query_oracle import comention_graph, entity_node, label, titles, widest_shortest

PAIRS = [("NVIDIA H100", "ImageNet", 1), ("Hopper", "LoRA", 1), ("ImageNet", "PyTorch", 2), ("CPU", "LLaMA", 3)]


@pytest.mark.parametrize("source,target,min_weight", PAIRS)
def test_path_is_shortest_and_widest(built, seed_graph, source, target, min_weight):
    result = run("path", source, target, "--graph", built, "--min-weight", min_weight, "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    H = comention_graph(seed_graph, min_weight)
    a, b = entity_node(seed_graph, source), entity_node(seed_graph, target)
    hops, widest = widest_shortest(H, a, b)
    assert len(out["hops"]) == hops
    assert (out["source"]["label"], out["target"]["label"]) == (source, target)
    node = {label(seed_graph, n): n for n in H}
    chain = [out["hops"][0]["source"], *(h["target"] for h in out["hops"])]
    assert chain[0] == source and chain[-1] == target
    for h in out["hops"]:
        edge = H.edges[node[h["source"]], node[h["target"]]]
        assert (h["weight"], h["association"], h["papers"]) == (edge["weight"], edge["association"], titles(seed_graph, edge["papers"]))
    assert min(h["weight"] for h in out["hops"]) == widest


def test_path_text(built, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    out = json.loads(run("path", "h100", "imagenet", "--graph", built, "--json").output)
    lines = run("path", "h100", "imagenet", "--graph", built).output.splitlines()
    labels = [out["source"]["label"], *(h["target"] for h in out["hops"])]
    assert lines[0] == f"{' > '.join(labels)}: {len(out['hops'])} hops"
    first = out["hops"][0]
    assert lines[1] == f"{first['source']} — {first['target']}: {first['weight']} papers, association {first['association']:.2f}"
    assert lines[2] == f"  · {first['papers'][0]}"


def test_path_to_itself_has_no_hops(built):
    out = json.loads(run("path", "GPU", "gpus", "--graph", built, "--json").output)
    assert out["hops"] == [] and out["source"] == out["target"]


def test_no_path(tiny, seed_graph):
    result = run("path", "GPU", "ImageNet", "--graph", tiny)
    assert result.exit_code == 1
    assert result.output == "Error: no co-mention path between 'GPU' and 'ImageNet'.\n"


def test_no_path_with_heavy_hops(built, seed_graph):
    H = comention_graph(seed_graph, 10)
    a = entity_node(seed_graph, "NVIDIA H100")
    assert not H[a]  # no hop of 10 papers leaves the H100
    result = run("path", "NVIDIA H100", "GPU", "--graph", built, "--min-weight", "10")
    assert result.exit_code == 1
    assert result.output == ("Error: no co-mention path between 'NVIDIA H100' and 'GPU' "
                             "with at least 10 shared papers per hop.\n")
    assert nx.has_path(comention_graph(seed_graph, 1), a, entity_node(seed_graph, "GPU"))
