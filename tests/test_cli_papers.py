"""`kgraph papers --mentions`: papers mentioning all, checked against networkx and SPARQL."""
import json

import pytest

from conftest import run
from query_oracle import entity_node, papers_mentioning


def papers(built, *args):
    result = run("papers", *args, "--graph", built, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("names", [["GPU"], ["GPU", "quantization"], ["CPU", "GPU", "transformer"]])
def test_papers_mentioning_all_match_networkx(built, seed_graph, names):
    out = papers(built, *(x for n in names for x in ("--mentions", n)), "--limit", "0")
    expected = set.intersection(*(papers_mentioning(seed_graph, entity_node(seed_graph, n)) for n in names))
    assert out["total"] == len(expected) == len(out["papers"]) > 0
    assert {p["id"] for p in out["papers"]} == {seed_graph.nodes[p]["id"] for p in expected}
    titles = [p["title"] for p in out["papers"]]
    assert titles == sorted(titles)
    assert [e["label"] for e in out["entities"]] == names and out["narrower"] == {}


def test_papers_include_narrower_match_sparql(built, sparql):
    out = papers(built, "--mentions", "GPU", "--mentions", "quantization", "--include-narrower", "--limit", "0")
    rows = sparql("""SELECT DISTINCT ?t WHERE {
        ?a skos:broader* kge:GPU . ?b skos:broader* kge:quantization .
        ?p kg:mentions ?a , ?b ; dcterms:title ?t }""")
    assert sorted(p["title"] for p in out["papers"]) == sorted(t for (t,) in rows)
    plain = papers(built, "--mentions", "GPU", "--mentions", "quantization")
    assert out["total"] > plain["total"]
    narrower = {x for (x,) in sparql("SELECT ?l WHERE { ?x skos:broader+ kge:quantization ; rdfs:label ?l }")}
    assert set(out["narrower"]["quantization"]) == narrower


def test_papers_text_and_limit(built, monkeypatch):
    monkeypatch.setenv("COLUMNS", "300")
    out = papers(built, "--mentions", "gpus", "--mentions", "Quantisation")
    result = run("papers", "--mentions", "gpus", "--mentions", "Quantisation", "--graph", built, "--limit", "2")
    lines = result.output.splitlines()
    assert lines[0] == f"{out['total']} papers mentioning GPU and quantization, first 2"
    assert lines[1].split() == ["published", "title"]
    assert [line[12:] for line in lines[2:]] == [p["title"] for p in out["papers"][:2]]
    assert len(lines) == 4
