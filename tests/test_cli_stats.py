"""`kgraph stats`: counts, densest entities and strongest pairs, checked against networkx."""
import json
from collections import Counter

from conftest import run
from query_oracle import comention_graph


def test_stats_match_networkx(built, seed_graph):
    result = run("stats", "--graph", built, "--json", "--limit", "0")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    G = seed_graph
    H = comention_graph(G)
    assert list(out) == ["papers", "entities", "comentions", "by_type", "densest", "strongest"]
    assert out["papers"] == sum(1 for _, d in G.nodes(data=True) if d["kind"] == "paper")
    assert out["entities"] == H.number_of_nodes()
    assert out["comentions"] == H.number_of_edges()
    assert out["by_type"] == dict(sorted(Counter(G.nodes[n]["type"] for n in H).items()))
    densest = sorted(H, key=lambda n: (-H.degree(n), -len(G.nodes[n]["papers"]), G.nodes[n]["label"]))
    assert [(h["label"], h["degree"], h["papers"]) for h in out["densest"]] == [
        (G.nodes[n]["label"], H.degree(n), len(G.nodes[n]["papers"])) for n in densest]
    pairs = sorted(
        (sorted((G.nodes[a]["label"], G.nodes[b]["label"])), d["weight"], d["association"]) for a, b, d in H.edges(data=True))
    pairs.sort(key=lambda p: (-p[1], -p[2], p[0]))
    assert [([p["a"], p["b"]], p["weight"], p["association"]) for p in out["strongest"]] == pairs


def test_stats_text(built):
    result = run("stats", "--graph", built, "--limit", "3")
    out = json.loads(run("stats", "--graph", built, "--json", "--limit", "3").output)
    lines = result.output.splitlines()
    assert lines[0] == f"{out['papers']} papers, {out['entities']} entities, {out['comentions']} co-mention pairs"
    assert lines[1].split() == ["type", "entities"]
    assert [line.split() for line in lines[2:2 + len(out["by_type"])]] == [[t, str(n)] for t, n in out["by_type"].items()]
    densest = lines.index("densest entities (most co-mentioned others):")
    assert lines[densest + 2].startswith(f"  {out['densest'][0]['label']}  ")
    assert len(lines) == 2 + len(out["by_type"]) + 2 * (1 + 1 + 3)
