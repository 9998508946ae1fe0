"""`kgraph build` on the real seeds: Turtle that parses back and matches the graph."""
import re

import rdflib
from rdflib import RDF, Namespace

from conftest import run

KG = Namespace("https://w3id.org/kgraph/ontology#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


def test_build_writes_outputs(built):
    for name in ("graph.ttl", "graph.html", "index.sqlite"):
        assert (built / name).is_file()


def test_turtle_parses_and_matches_networkx(built_rdf, seed_graph):
    g = built_rdf
    papers = set(g.subjects(RDF.type, KG.Paper))
    entities = {s for t in ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")
                for s in g.subjects(RDF.type, KG[t])}
    comentions = set(g.subjects(RDF.type, KG.CoMention))
    nx_papers = [n for n, d in seed_graph.nodes(data=True) if d["kind"] == "paper"]
    nx_entities = [n for n, d in seed_graph.nodes(data=True) if d["kind"] == "entity"]
    nx_comentions = [e for e in seed_graph.edges(data=True) if e[2]["relation"] == "co-mention"]
    assert len(papers) == len(nx_papers) == 418
    assert len(entities) == len(nx_entities)
    assert len(comentions) == len(nx_comentions)
    # coMentionedWith is written in both directions
    assert len(set(g.triples((None, KG.coMentionedWith, None)))) == 2 * len(nx_comentions)
    # every node has a label; a paper's label is its title
    for s in papers | entities:
        assert g.value(s, rdflib.RDFS.label) is not None
    mentions = set(g.triples((None, KG.mentions, None)))
    nx_mentions = [e for e in seed_graph.edges(data=True) if e[2]["relation"] == "mentions"]
    assert len(mentions) == len(nx_mentions)


def test_each_core_type_has_dozens_of_entities(seed_graph):
    counts = {}
    for _, d in seed_graph.nodes(data=True):
        if d["kind"] == "entity":
            counts[d["type"]] = counts.get(d["type"], 0) + 1
    for t in ("Model", "Technique", "Hardware"):
        assert counts.get(t, 0) >= 24, counts


def test_comention_weight_and_papers_in_rdf(built_rdf, seed_graph):
    g = built_rdf
    a, b, d = max(
        ((a, b, d) for a, b, d in seed_graph.edges(data=True) if d["relation"] == "co-mention"),
        key=lambda e: (e[2]["weight"], e[0], e[1]),
    )
    found = [c for c in g.subjects(KG.entity, rdflib.URIRef(a)) if (c, KG.entity, rdflib.URIRef(b)) in g]
    assert len(found) == 1
    c = found[0]
    assert int(g.value(c, KG.weight)) == d["weight"] == len(d["papers"])
    derived = {str(p) for p in g.objects(c, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))}
    assert derived == set(d["papers"])


def test_build_is_deterministic(built, seeds, tmp_path):
    result = run("build", seeds, "-o", tmp_path)
    assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()


def test_turtle_has_readable_prefixes(built):
    text = (built / "graph.ttl").read_text(encoding="utf-8")
    assert not re.search(r"^@prefix ns\d+:", text, re.M)
    assert "@prefix kge: <https://w3id.org/kgraph/entity/>" in text


def test_html_loads_nothing_remote(built):
    html = (built / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html
    for t in ("Model", "Technique", "Hardware"):
        assert t in html  # legend


def test_build_reports_counts(built, seeds, tmp_path):
    result = run("build", seeds, "-o", tmp_path / "o", "--no-html")
    assert result.exit_code == 0
    assert re.match(r"418 papers, \d+ entities \(.*Hardware.*\), \d+ co-mention edges", result.output)


def test_build_of_missing_path_is_one_line_error(tmp_path):
    result = run("build", tmp_path / "missing", "-o", tmp_path / "o")
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {tmp_path / 'missing'}: no such file or folder"
    assert not (tmp_path / "o").exists()


def test_one_node_per_thing(seed_graph):
    """No two entities share a folded label, and no entity's label is
    another entity's alias (duplicate nodes are the field's top complaint)."""
    from kgraph.names import fold

    entities = [d for _, d in seed_graph.nodes(data=True) if d["kind"] == "entity"]
    labels = [fold(d["label"]) for d in entities]
    assert len(labels) == len(set(labels))
    owner = {fold(d["label"]): d for d in entities}
    for d in entities:
        for alias in d["aliases"]:
            other = owner.get(fold(alias))
            if other is None or other is d:
                continue
            # only an acronym a paper defines for another kind of thing may name
            # two nodes ("DSP: Dynamic Sequence Parallelism" is no processor; "autoregressive
            # models (ARMs)" are no ARM processors)
            acronym = alias[:-1] if alias.endswith("s") else alias
            assert acronym.isupper() and other["type"] != d["type"], (d["label"], alias, other["label"])
