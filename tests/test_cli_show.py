"""`kgraph show`: the entity card, checked against the networkx graph."""
import json

import pytest

from conftest import run
from query_oracle import direct_neighbors, entity_node, papers_mentioning


def card(built, name, *args):
    result = run("show", name, "--graph", built, "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def most_introduced(G) -> str:
    """The label of the entity with the most papers among those some paper introduces."""
    nodes = [n for n, d in G.nodes(data=True) if d.get("kind") == "entity"
             and any(e["relation"] == "mentions" and e["introduces"] for e in G[n].values())]
    assert nodes
    return G.nodes[max(nodes, key=lambda n: (len(G.nodes[n]["papers"]), G.nodes[n]["label"]))]["label"]


@pytest.mark.parametrize("name", ["GPU", "Hopper", "quantization", "introduced"])
def test_card_matches_networkx(built, seed_graph, name):
    G = seed_graph
    if name == "introduced":
        name = most_introduced(G)
    node = entity_node(G, name)
    d = G.nodes[node]
    out = card(built, name, "--limit", "0")
    assert (out["label"], out["type"], out["iri"]) == (d["label"], d["type"], node)
    assert out["aliases"] == d["aliases"]
    assert out["discovered"] == (not d["in_vocabulary"])
    assert out["definition"] == d.get("definition")
    assert [b["label"] for b in out["broader"]] == sorted(G.nodes[b]["label"] for b in d["broader"])
    narrower = sorted(G.nodes[n]["label"] for n, x in G.nodes(data=True)
                      if x.get("kind") == "entity" and node in x["broader"])
    assert [n["label"] for n in out["narrower"]] == narrower
    mentioning = papers_mentioning(G, node)
    assert out["papers"] == len(mentioning) == len(d["papers"])
    assert sorted(p["id"] for p in out["mentioned_in"]) == sorted(G.nodes[p]["id"] for p in mentioning)
    introducing = {G.nodes[p]["id"] for p in mentioning if G.edges[p, node]["introduces"]}
    assert {p["id"] for p in out["introduced_in"]} == introducing
    assert {c["label"]: c["weight"] for c in out["comentions"]} == {
        k: v["weight"] for k, v in direct_neighbors(G, node).items()}


def test_card_limit_keeps_the_strongest(built, seed_graph):
    out = card(built, "CPU", "--limit", "4")
    everything = direct_neighbors(seed_graph, entity_node(seed_graph, "CPU"))
    strongest = sorted(everything.items(), key=lambda kv: (-kv[1]["weight"], -kv[1]["association"], kv[0]))[:4]
    assert [c["label"] for c in out["comentions"]] == [k for k, _ in strongest]
    assert len(out["mentioned_in"]) == 4 < out["papers"]
    titles = [p["title"] for p in out["mentioned_in"]]
    assert titles == sorted(titles)


def test_card_json_shape(built):
    out = card(built, "NVIDIA H100")
    assert list(out) == ["label", "type", "iri", "definition", "discovered", "aliases", "broader", "narrower",
                         "papers", "introduced_in", "mentioned_in", "comentions"]
    assert set(out["broader"][0]) == {"label", "type", "papers"}
    assert set(out["mentioned_in"][0]) == {"id", "title", "published", "upvotes"}
    assert set(out["comentions"][0]) == {"label", "type", "weight", "association", "papers", "depth", "path"}


def test_card_text(built, seed_graph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run("show", "hopper architecture", "--graph", built)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    d = seed_graph.nodes[entity_node(seed_graph, "Hopper")]
    assert lines[0] == "Hopper (Hardware, from the vocabulary)"
    assert f"  aliases     {', '.join(d['aliases'])}" in lines
    assert "  broader     GPU" in lines
    assert f"mentioned in ({len(d['papers'])}):" in lines
    assert "co-mentioned with:" in lines
