"""`kgraph sparql`: answers checked against networkx and against rdflib's own SPARQL engine."""
import csv
import io
import json

import pytest
import rdflib

from conftest import run
from kgraph.rdf import PREFIXES

GPU = "https://w3id.org/kgraph/entity/GPU"
NEIGHBORS = """SELECT ?other ?weight ?assoc WHERE {
  ?c a kg:CoMention ; kg:entity kge:GPU, ?other ; kg:weight ?weight ; kg:associationStrength ?assoc .
  FILTER(?other != kge:GPU)
}"""
TYPE_COUNTS = """SELECT ?type (COUNT(?e) AS ?n) WHERE {
  ?e a kg:Entity, ?type . FILTER(?type NOT IN (kg:Entity, skos:Concept))
} GROUP BY ?type ORDER BY ?type"""


def test_json_neighbors_match_networkx(built, seed_graph):
    result = run("sparql", NEIGHBORS, "--graph", built, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["head"]["vars"] == ["other", "weight", "assoc"]
    got = {b["other"]["value"]: int(b["weight"]["value"]) for b in data["results"]["bindings"]}
    expected = {m: d["weight"] for m, d in seed_graph[GPU].items() if d["relation"] == "co-mention"}
    assert got == expected and len(got) > 50


def test_table_counts_match_networkx(built, seed_graph):
    result = run("sparql", TYPE_COUNTS, "--graph", built)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["type", "n"]
    counts = {}
    for _, d in seed_graph.nodes(data=True):
        if d["kind"] == "entity":
            counts[f"kg:{d['type']}"] = counts.get(f"kg:{d['type']}", 0) + 1
    assert {line.split()[0]: int(line.split()[1]) for line in lines[1:-1]} == counts
    assert lines[-1] == f"({len(counts)} rows)"


def test_csv_papers_of_an_entity(built, seed_graph):
    query = "SELECT ?paper ?title WHERE { ?paper kg:mentions kge:GPU ; dcterms:title ?title } ORDER BY ?paper"
    result = run("sparql", query, "--graph", built, "--csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["paper", "title"]
    assert [r[0] for r in rows[1:]] == seed_graph.nodes[GPU]["papers"]
    assert all(r[1] == seed_graph.nodes[r[0]]["title"] for r in rows[1:])


@pytest.mark.parametrize("query", [NEIGHBORS, TYPE_COUNTS, """
    SELECT ?label (COUNT(?m) AS ?mentions) (SAMPLE(?t) AS ?text) WHERE {
      ?m a kg:Mention ; kg:entity ?e ; kg:matchedText ?t . ?e a kg:Hardware ; rdfs:label ?label
    } GROUP BY ?label HAVING (COUNT(?m) > 5)"""])
def test_same_answers_as_rdflib(built, built_rdf, query):
    result = run("sparql", query, "--graph", built, "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    names = data["head"]["vars"]
    ours = {tuple(b[n]["value"] for n in names) for b in data["results"]["bindings"]}
    theirs = built_rdf.query(query, initNs=PREFIXES)
    if "SAMPLE" in query:  # SAMPLE may pick any text: compare the counts only
        names, ours = names[:2], {r[:2] for r in ours}
    expected = {tuple(str(r[n]) for n in names) for r in theirs}
    assert ours == expected and ours


def test_ask_and_construct(built):
    assert run("sparql", "ASK { kge:GPU a kg:Hardware }", "--graph", built).output == "true\n"
    assert run("sparql", "ASK { kge:GPU a kg:Model }", "--graph", built).output == "false\n"
    result = run("sparql", "CONSTRUCT { kge:GPU rdfs:label ?l } WHERE { kge:GPU rdfs:label ?l }", "--graph", built)
    g = rdflib.Graph().parse(data=result.output, format="turtle")
    assert list(g) == [(rdflib.URIRef(GPU), rdflib.RDFS.label, rdflib.Literal("GPU", lang="en"))]


def test_query_from_stdin(built):
    result = run("sparql", "-", "--graph", built, input="SELECT (COUNT(*) AS ?n) WHERE { ?p a kg:Paper }")
    assert result.exit_code == 0
    assert result.output.splitlines()[1].strip() == "418"


def test_syntax_error_is_one_line(built):
    result = run("sparql", "SELEKT ?x WHERE {}", "--graph", built)
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax: ")
    assert len(result.output.splitlines()) == 1


def test_json_and_csv_are_exclusive(built):
    result = run("sparql", "ASK {}", "--graph", built, "--json", "--csv")
    assert result.exit_code == 2


def test_no_graph_is_one_line_error(tmp_path):
    result = run("sparql", "ASK {}", "--graph", tmp_path / "missing")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'missing'}: no such graph folder or file\n"
