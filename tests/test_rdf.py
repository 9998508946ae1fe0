"""The RDF kgraph writes: IRIs, every format's round trip, ontology, provenance."""
import io
import re
import subprocess
import sys
from urllib.parse import unquote

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import given, settings, strategies as st
from rdflib.compare import isomorphic

from conftest import ROOT
from kgraph.extract import Mention, plain_text
from kgraph.formats import FORMATS
from kgraph.graph import build_graph, paper_iri
from kgraph.ingest import Paper, paper_id
from kgraph.names import ENTITY, entity_iri
from kgraph.rdf import (PREFIXES, escape_local_name, graph_triples, iter_triples, read_graph, serialize, to_rdflib,
                        turtle_string, write_rdf, write_turtle)
from kgraph.shacl import rdflib_graph
from kgraph.vocabulary import Concept

KG = rdflib.Namespace(PREFIXES["kg"])
PROV = rdflib.Namespace(PREFIXES["prov"])
RDF_FORMATS = [f for f in FORMATS.values() if f.is_rdf]
# rdflib's parser names, and whether the format holds quads.
RDFLIB_PARSER = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "xml": "xml",
                 "jsonld": "json-ld", "n3": "n3"}
ODD_LABELS = [
    'say "hi"', "a<b>c", "{x|y}^z", "back\\slash", "tab\there", "注意力机制", "Ω-Net", "ё-former",
    "100%", "a_b", "a b", "end.", ".start", "#hash", "?query", "emoji 🚀", "semi;colon", "x" * 300,
]


def odd_graph():
    """A small graph through the real graph builder, with entity names that
    are hard to put in IRIs and papers with every metadata field."""
    concepts = {f"k{i}": Concept(label, ("Model", "Technique", "Hardware")[i % 3],
                                 alt_labels=(label + " alt",), definition="a\nmulti-line \"definition\"")
                for i, label in enumerate(ODD_LABELS)}
    papers, mentions = [], {}
    for i in range(6):
        p = Paper(title=f'Paper {i}: "quoted" <title> & more', abstract="line one\nline two \\ end" if i % 2 else "",
                  listing_date="May 8", published="2024-05-08" if i % 2 else "--05-08", upvotes=i or None,
                  authors=i + 1, organization="Org «x»" if i % 3 == 0 else None, sources=[f"file {i}.txt"])
        papers.append(p)
        keys = [f"k{j}" for j in range(len(ODD_LABELS)) if (j + i) % 3 == 0]
        mentions[p.id] = {k: Mention(k, concepts[k].label, concepts[k].type, {concepts[k].label.upper(), "raw text"},
                                     introduced=(k == keys[0])) for k in keys}
    return build_graph(papers, mentions, concepts)


@pytest.fixture(scope="module")
def small():
    G = odd_graph()
    return G, rdflib_graph(graph_triples(G))


def parse_with_rdflib(data: bytes, fmt: str) -> rdflib.Graph:
    if fmt in ("nquads", "trig"):
        ds = rdflib.Dataset()
        ds.parse(data=data, format=RDFLIB_PARSER[fmt])
        g = rdflib.Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            g.add((s, p, o))
        return g
    return rdflib.Graph().parse(data=data, format=RDFLIB_PARSER[fmt])


@pytest.mark.parametrize("fmt", [f.name for f in RDF_FORMATS])
def test_every_rdf_format_round_trips_in_rdflib(small, fmt):
    G, expected = small
    data = serialize(graph_triples(G), fmt)
    back = parse_with_rdflib(data, fmt)
    assert len(back) == len(expected) > 300
    assert isomorphic(back, expected)


@pytest.mark.parametrize("fmt", [f.name for f in RDF_FORMATS])
def test_every_rdf_format_round_trips_in_oxigraph_and_back_to_the_graph(small, fmt, tmp_path):
    G, _ = small
    triples = graph_triples(G)
    path = tmp_path / f"g{FORMATS[fmt].suffix}"
    path.write_bytes(serialize(triples, fmt))
    assert serialize(graph_triples(read_graph(path)), "nt") == serialize(triples, "nt")


def test_rdflib_api_over_the_oxigraph_store(small):
    G, expected = small
    g = to_rdflib(graph_triples(G))
    assert len(g) == len(expected)
    data = g.serialize(format="ox-turtle", encoding="utf-8")
    assert isomorphic(rdflib.Graph().parse(data=data, format="turtle"), expected)
    assert "@prefix kge: <https://w3id.org/kgraph/entity/>" in data.decode("utf-8")


def test_odd_names_make_valid_distinct_iris(small):
    G, g = small
    entities = {str(s) for s in g.subjects(rdflib.RDF.type, KG.Entity)}
    assert entities == {entity_iri(label) for label in ODD_LABELS}
    assert len(entities) == len(ODD_LABELS)


def test_seed_turtle_parses_identically_in_rdflib_and_oxigraph(built, built_rdf, seed_graph):
    ours = graph_triples(seed_graph)
    with open(built / "graph.ttl", "rb") as f:
        parsed = {q.triple for q in ox.parse(f, format=ox.RdfFormat.TURTLE)}
    assert parsed == set(ours)
    # no blank nodes, so isomorphism is equality of the triple sets
    assert set(built_rdf) == set(rdflib_graph(ours))


def test_export_reproduces_the_built_turtle(built):
    """Reading the Turtle back and writing it again changes no byte: RDF is
    a lossless store of the graph."""
    assert serialize(graph_triples(read_graph(built / "graph.ttl")), "turtle") == (built / "graph.ttl").read_bytes()


def oxigraph_turtle(G) -> bytes:
    """The graph's Turtle as Oxigraph's serializer writes it from pyoxigraph terms."""
    buffer = io.BytesIO()
    write_rdf(iter_triples(G), buffer, "turtle")
    return buffer.getvalue()


def kgraph_turtle(G) -> bytes:
    buffer = io.BytesIO()
    count = write_turtle(G, buffer)
    assert count == len(graph_triples(G))
    return buffer.getvalue()


def test_turtle_writer_gives_oxigraphs_bytes(small, seed_graph):
    """``build`` writes Turtle as text, not through Oxigraph: same bytes,
    for odd names and texts and for the seeds."""
    for G in (small[0], seed_graph):
        assert kgraph_turtle(G) == oxigraph_turtle(G)


def test_turtle_writer_takes_unusual_shapes(small):
    """Co-mentions without papers, mentions without matched text, a graph
    with nothing in it: the general path, still Oxigraph's bytes."""
    import networkx as nx

    G = small[0].copy()
    for a, b, d in list(G.edges(data=True))[::2]:
        G.edges[a, b].update(papers=[], matched=[])
    assert kgraph_turtle(G) == oxigraph_turtle(G)
    assert kgraph_turtle(nx.Graph()) == oxigraph_turtle(nx.Graph()) == b""


def test_turtle_strings_are_escaped_as_oxigraph_does():
    """Every code point (surrogates aside), 64 to a literal."""
    s = ox.NamedNode("http://s/")
    texts = ["".join(chr(c) for c in range(lo, lo + 64) if not 0xD800 <= c <= 0xDFFF)
             for lo in range(0, 0x110000, 64)]
    texts = [t for t in texts if t]
    triples = [ox.Triple(s, ox.NamedNode(f"http://p/{i}"), ox.Literal(t)) for i, t in enumerate(texts)]
    expected = ox.serialize(triples, format=ox.RdfFormat.TURTLE).decode("utf-8")
    assert expected == "<http://s/> " + " ;\n\t".join(
        f"<http://p/{i}> {turtle_string(t)}" for i, t in enumerate(texts)) + " .\n"


def test_turtle_local_names_are_escaped_as_oxigraph_does():
    """Every character of the first 64k code points alone, doubled, first, last
    and inside a local name: escaped, or the IRI written in full, as Oxigraph does."""
    ns = "http://a/"
    subject, predicate = ox.NamedNode("http://s/"), ox.NamedNode("http://p/")
    locals_ = []
    for c in map(chr, range(0x10000)):
        if not 0xD800 <= ord(c) <= 0xDFFF:
            locals_ += [c, c + c, c + "x", "x" + c, "x" + c + "y", c + "."]
    kept, triples = [], []
    for local in dict.fromkeys(locals_):
        try:
            triples.append(ox.Triple(subject, predicate, ox.NamedNode(ns + local)))
        except ValueError:  # not an IRI
            continue
        kept.append(local)
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={"a": ns}).decode("utf-8")
    written = data.split("\n", 1)[1].removeprefix("<http://s/> <http://p/> ").removesuffix(" .\n").split(" , ")
    ours = [f"a:{e}" if (e := escape_local_name(local)) is not None else f"<{ns}{local}>" for local in kept]
    assert written == ours


def test_turtle_prefixes_are_sorted_and_bound(built):
    text = (built / "graph.ttl").read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("@prefix")]
    assert header == sorted(header)
    assert {re.match(r"@prefix (\w+):", line)[1] for line in header} == set(PREFIXES)
    body = text[text.index("\n", text.rindex("@prefix")):]
    assert "<https://w3id.org/kgraph/" not in body  # written kge:GPU, kgp:..., not in full


def test_exports_are_identical_across_processes(tmp_path):
    """Hash seeds and Oxigraph's internal maps must not change a byte."""
    from kgraph.formats import generate

    script = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from test_rdf import odd_graph; from kgraph.formats import FORMATS, generate\n"
        "G = odd_graph()\n"
        "for name in FORMATS:\n"
        "    open(sys.argv[1] + '/' + name, 'wb').write(generate(G, name))\n"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True, env=env, cwd=ROOT)
    G = odd_graph()
    for name in FORMATS:
        assert (tmp_path / name).read_bytes() == generate(G, name), name


# ---------------------------------------------------------------- IRIs

@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_label_gives_a_valid_iri_that_decodes_to_it(label):
    iri = entity_iri(label)
    local = iri[len(ENTITY):]
    assert re.fullmatch(r"(?:[A-Za-z0-9._~\-]|%[0-9A-F]{2})*", local)
    assert unquote(local.replace("_", " ")) == label  # injective: no two labels share an IRI
    ox.NamedNode(iri)  # Oxigraph rejects invalid IRIs
    ox.NamedNode(paper_iri(paper_id(label)))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_distinct_labels_give_distinct_iris(a, b):
    assert (entity_iri(a) == entity_iri(b)) == (a == b)


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1))
def test_odd_iris_and_labels_survive_turtle_in_rdflib_and_oxigraph(label):
    s = ox.NamedNode(entity_iri(label))
    triples = [ox.Triple(s, ox.NamedNode(PREFIXES["rdfs"] + "label"), ox.Literal(label, language="en"))]
    data = serialize(triples, "turtle")
    assert [q.triple for q in ox.parse(data, format=ox.RdfFormat.TURTLE)] == triples
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert list(g) == [(rdflib.URIRef(entity_iri(label)), rdflib.RDFS.label, rdflib.Literal(label, lang="en"))]


# ---------------------------------------------------------------- provenance

def test_each_mention_keeps_its_paper_and_matched_text(built_rdf, seed_graph):
    g = built_rdf
    found = {}
    for m in g.subjects(rdflib.RDF.type, KG.Mention):
        (paper,), (entity,) = list(g.objects(m, PROV.wasDerivedFrom)), list(g.objects(m, KG.entity))
        found[(str(paper), str(entity))] = sorted(str(t) for t in g.objects(m, KG.matchedText))
    expected = {}
    verbatim = total = 0
    for u, v, d in seed_graph.edges(data=True):
        if d["relation"] == "mentions":
            paper, entity = (u, v) if seed_graph.nodes[u]["kind"] == "paper" else (v, u)
            expected[(paper, entity)] = d["matched"]
            text = plain_text(seed_graph.nodes[paper]["title"] + "\n" + seed_graph.nodes[paper]["abstract"])
            for t in d["matched"]:
                total += 1
                verbatim += t in text
                # else an expanded coordination ("data and tensor parallelism", "ImageNet-C,R,S"): its words are there
                assert t in text or all(w in text.lower() for w in re.split(r"[\s\-/]+", t.lower()) if w), t
    assert found == expected
    assert set(found) == {(str(p), str(e)) for p, e in g.subject_objects(KG.mentions)}
    assert verbatim / total > 0.99


def test_comention_weight_and_association_from_the_mentions(built_rdf):
    """Recompute every co-mention from the kg:mentions triples alone."""
    from itertools import combinations

    g = built_rdf
    by_paper = {}
    for p, e in g.subject_objects(KG.mentions):
        by_paper.setdefault(p, set()).add(e)
    n = len(set(g.subjects(rdflib.RDF.type, KG.Paper)))
    count = {}
    for es in by_paper.values():
        for e in es:
            count[e] = count.get(e, 0) + 1
    pairs = {}
    for p, es in by_paper.items():
        for a, b in combinations(sorted(es), 2):
            pairs.setdefault((a, b), set()).add(p)
    stated = {}
    for c in g.subjects(rdflib.RDF.type, KG.CoMention):
        a, b = sorted(g.objects(c, KG.entity))
        stated[(a, b)] = c
    assert set(stated) == set(pairs)
    for (a, b), papers in pairs.items():
        c = stated[(a, b)]
        assert set(g.objects(c, PROV.wasDerivedFrom)) == papers
        weight = g.value(c, KG.weight)
        assert weight.datatype == rdflib.XSD.integer and int(weight) == len(papers)
        assert float(g.value(c, KG.associationStrength)) == pytest.approx(n * len(papers) / (count[a] * count[b]), abs=1e-6)
        assert (a, KG.coMentionedWith, b) in g and (b, KG.coMentionedWith, a) in g
    for e, k in count.items():
        assert int(g.value(e, KG.paperCount)) == k


def test_papers_carry_their_listing_metadata(built_rdf, seed_graph):
    g = built_rdf
    dct = rdflib.Namespace(PREFIXES["dcterms"])
    for iri, d in seed_graph.nodes(data=True):
        if d["kind"] != "paper":
            continue
        s = rdflib.URIRef(iri)
        assert str(g.value(s, dct.title)) == d["title"]
        assert str(g.value(s, dct.abstract) or "") == d["abstract"]
        assert (None if g.value(s, dct.issued) is None else str(g.value(s, dct.issued))) == d["published"]
        assert (g.value(s, KG.upvotes) and int(g.value(s, KG.upvotes))) == d["upvotes"] or d["upvotes"] == 0
        assert (g.value(s, KG.authorCount) and int(g.value(s, KG.authorCount))) == d["authors"]
        assert (g.value(s, KG.listedOrganization) and str(g.value(s, KG.listedOrganization))) == d["organization"]
        assert sorted(str(f) for f in g.objects(s, KG.sourceFile)) == d["sources"]
        assert set(g.objects(s, KG.introduces)) <= set(g.objects(s, KG.mentions))


# ---------------------------------------------------------------- ontology

@pytest.fixture(scope="module")
def ontology():
    path = ROOT / "ontology" / "kgraph.ttl"
    list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))  # a second parser accepts it
    return rdflib.Graph().parse(path, format="turtle")


def test_every_ontology_term_has_label_comment_domain_and_range(ontology):
    o = ontology
    OWL = rdflib.OWL
    terms = [s for s in set(o.subjects(rdflib.RDF.type, None)) if str(s).startswith(PREFIXES["kg"])]
    assert len(terms) > 30
    for s in terms:
        assert o.value(s, rdflib.RDFS.label) is not None, s
        assert o.value(s, rdflib.RDFS.comment) is not None, s
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty):
        for p in o.subjects(rdflib.RDF.type, kind):
            if str(p).startswith(PREFIXES["kg"]):
                assert o.value(p, rdflib.RDFS.domain) is not None, p
                assert o.value(p, rdflib.RDFS.range) is not None, p


def test_every_term_the_data_uses_is_declared(ontology, built_rdf):
    """OWL tools load the data with the ontology without guessing what a
    term is: every predicate and class is declared, with its OWL kind."""
    OWL = rdflib.OWL
    declared_properties = set()
    for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty):
        declared_properties |= set(ontology.subjects(rdflib.RDF.type, kind))
    builtin = {rdflib.RDF.type, rdflib.RDFS.label}
    assert set(built_rdf.predicates()) - builtin <= declared_properties
    classes = set(built_rdf.objects(None, rdflib.RDF.type))
    assert classes <= set(ontology.subjects(rdflib.RDF.type, OWL.Class))


def test_ontology_alignments(ontology):
    o = ontology
    schema, skos = rdflib.Namespace("https://schema.org/"), rdflib.Namespace(PREFIXES["skos"])
    assert (KG.Paper, rdflib.RDFS.subClassOf, schema.ScholarlyArticle) in o
    assert (KG.Entity, rdflib.RDFS.subClassOf, skos.Concept) in o
    assert (KG.mentions, rdflib.RDFS.subPropertyOf, schema.mentions) in o
    assert (KG.Statement, rdflib.RDFS.subClassOf, PROV.Entity) in o
    for t in ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization"):
        assert (KG[t], rdflib.RDFS.subClassOf, KG.Entity) in o
    assert o.value(KG.weight, rdflib.RDFS.range) == rdflib.XSD.integer


def test_subject_iris_are_the_documented_mention_and_comention_iris(seed_graph):
    # rdf._subjects writes the IRI hashing out inline for speed; it must stay
    # what mention_iri and comention_iri define
    from kgraph.rdf import _subjects, comention_iri, mention_iri

    kinds = {"mention": mention_iri, "comention": comention_iri}
    checked = 0
    for iri, kind, a, b, _ in _subjects(seed_graph):
        if kind in kinds:
            assert iri == kinds[kind](a, b)
            checked += 1
    assert checked == seed_graph.number_of_edges()
