"""`kgraph export`: every format from a built graph, read back by another tool."""
import json

import networkx as nx
import pyoxigraph as ox
import pytest

from conftest import run


def comention_weights(G):
    return {frozenset((a, b)): d["weight"] for a, b, d in G.edges(data=True) if d["relation"] == "co-mention"}


def check_same_network(H, G):
    """``H``, read back from a network format, has ``G``'s nodes, labels and edges."""
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    for n, d in G.nodes(data=True):
        assert H.nodes[n]["label"] == d["label"]
        assert H.nodes[n]["kind"] == d["kind"]
        if d["kind"] == "paper":
            assert H.nodes[n]["paper_id"] == d["id"]
    weights = {frozenset((a, b)): int(d["weight"]) for a, b, d in H.edges(data=True) if d["relation"] == "co-mention"}
    assert weights == comention_weights(G)


@pytest.mark.parametrize("suffix, reader", [
    (".graphml", nx.read_graphml),
    (".gexf", nx.read_gexf),
    (".json", lambda p: nx.node_link_graph(json.loads(p.read_text(encoding="utf-8")), edges="edges")),
])
def test_network_formats_read_back_in_networkx(built, seed_graph, tmp_path, suffix, reader):
    out = tmp_path / f"graph{suffix}"
    result = run("export", "--graph", built, "-o", out)  # the format follows the suffix
    assert result.exit_code == 0, result.output
    H = reader(out)
    check_same_network(H, seed_graph)
    gpu = "https://w3id.org/kgraph/entity/GPU"
    papers = H.nodes[gpu]["papers"]
    assert (papers if isinstance(papers, list) else json.loads(papers)) == seed_graph.nodes[gpu]["papers"]


def test_gexf_has_no_date_stamp(built, tmp_path):
    run("export", "--graph", built, "-f", "gexf", "-o", tmp_path / "g.gexf")
    assert "lastmodifieddate" not in (tmp_path / "g.gexf").read_text(encoding="utf-8")


def test_default_is_turtle_on_stdout_equal_to_the_build(built):
    result = run("export", "--graph", built)
    assert result.exit_code == 0
    assert result.stdout_bytes == (built / "graph.ttl").read_bytes()


def test_alias_and_case(built, tmp_path):
    result = run("export", "--graph", built, "-f", "JSON-LD", "-o", tmp_path / "g.out")
    assert result.exit_code == 0, result.output
    exported = {q.triple for q in ox.parse(path=str(tmp_path / "g.out"), format=ox.RdfFormat.JSON_LD)}
    built_triples = {q.triple for q in ox.parse(path=str(built / "graph.ttl"), format=ox.RdfFormat.TURTLE)}
    assert exported == built_triples


def test_suffix_picks_the_format(built, tmp_path):
    result = run("export", "--graph", built, "-o", tmp_path / "g.xml")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g.xml").read_bytes().startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF')
    result = run("export", "--graph", built, "-o", tmp_path / "g.yaml")
    assert result.exit_code == 2
    assert "cannot tell the format of" in result.output
    assert not (tmp_path / "g.yaml").exists()


def test_unknown_format_is_rejected_by_click(built, tmp_path):
    result = run("export", "--graph", built, "-f", "yaml", "-o", tmp_path / "g.yaml")
    assert result.exit_code == 2
    assert "'yaml' is not one of" in result.output
    assert not (tmp_path / "g.yaml").exists()
