"""`kgraph validate`: the seeds conform to the SHACL shapes; a broken graph is reported."""
import re

import pytest
import rdflib

from conftest import run
from kgraph.rdf import PREFIXES

KG = rdflib.Namespace(PREFIXES["kg"])
DCT = rdflib.Namespace(PREFIXES["dcterms"])

LISTING = """May 8

FooServe: Fast LLM Inference on NVIDIA A100 GPUs

We present FooServe, a serving system that runs Llama 2 on NVIDIA A100 GPUs with CUDA and PyTorch, using quantization and speculative decoding to cut latency.

Quantized Attention for TPUs

We apply quantization to the attention mechanism of BERT on TPUs with JAX, and compare the accuracy and the speed with GPUs running the same model.

Pipeline Parallelism at Scale

We train GPT-3 with pipeline parallelism and tensor parallelism on GPUs using Megatron-LM and PyTorch, and measure the bubble of each schedule.
"""


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    """A three-paper graph built by the CLI."""
    root = tmp_path_factory.mktemp("tiny")
    (root / "listing.txt").write_text(LISTING, encoding="utf-8")
    result = run("build", root / "listing.txt", "-o", root / "out", "--no-html")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("3 papers")
    return root / "out"


def test_seeds_conform(built):
    result = run("validate", "--graph", built)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"conforms: \d+ triples, 0 violations\n", result.output)


def test_tiny_graph_conforms(tiny):
    result = run("validate", "--graph", tiny / "graph.ttl")
    assert result.exit_code == 0, result.output


def test_broken_graph_is_reported(tiny, tmp_path):
    g = rdflib.Graph().parse(tiny / "graph.ttl", format="turtle")
    paper = sorted(g.subjects(rdflib.RDF.type, KG.Paper))[0]
    g.remove((paper, DCT.title, None))                                   # title missing
    c1, c2, c3 = sorted(g.subjects(rdflib.RDF.type, KG.CoMention))[:3]
    g.set((c1, KG.weight, rdflib.Literal(0)))                             # weight below 1
    g.set((c2, KG.weight, rdflib.Literal("two")))                         # weight not an integer
    gpu = rdflib.URIRef("https://w3id.org/kgraph/entity/GPU")
    g.add((c3, KG.entity, gpu if (c3, KG.entity, gpu) not in g else rdflib.URIRef(
        "https://w3id.org/kgraph/entity/PyTorch")))                       # a third entity
    mention = sorted(g.subjects(rdflib.RDF.type, KG.Mention))[0]
    g.remove((mention, KG.matchedText, None))                            # provenance lost
    g.add((gpu, rdflib.RDF.type, KG.Software))                           # two entity classes
    broken = tmp_path / "broken.nt"
    g.serialize(broken, format="nt")

    result = run("validate", "--graph", broken)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[-1] == "Error: the graph does not conform to the shapes (9 violations)"
    assert lines[-2].startswith("does not conform:")
    short = lambda iri: "kg" + {"paper/": "p:", "comention/": "c:", "mention/": "m:"}[  # noqa: E731
        re.search(r"(paper/|comention/|mention/)", str(iri))[1]] + str(iri).rsplit("/", 1)[1]
    expected = {
        (short(paper), "dcterms:title", "MinCount"),
        (short(paper), "rdfs:label", "Equals"),
        (short(c1), "kg:weight", "MinInclusive"),
        (short(c2), "kg:weight", "Datatype"),
        (short(c2), "kg:weight", "MinInclusive"),
        (short(c3), "kg:entity", "MaxCount"),
        (short(mention), "kg:matchedText", "MinCount"),
        ("kge:GPU", "rdf:type", "QualifiedMaxCount"),
        ("kge:GPU", "skos:inScheme", "HasValue"),  # a Software is in the software scheme
    }
    reported = set()
    for line in lines[:-2]:
        m = re.match(r"Violation: (\S+)  (\S+): (\w+)", line)
        assert m, line
        reported.add(m.groups())
    assert reported == expected
    assert '(value "0"^^xsd:integer)' in result.output


def test_other_shapes(tiny, tmp_path):
    shapes = tmp_path / "upvoted.ttl"
    shapes.write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kgraph/ontology#> .
<urn:x:Upvoted> a sh:NodeShape ; sh:targetClass kg:Paper ;
    sh:property [ sh:path kg:upvotes ; sh:minCount 1 ; sh:message "no upvotes" ] .
""", encoding="utf-8")
    result = run("validate", "--graph", tiny, "--shapes", shapes)
    assert result.exit_code == 1
    assert result.output.count(": MinCount: no upvotes\n") == 3  # the tiny listing shows none


def test_validate_without_a_graph_is_one_line_error(tmp_path):
    result = run("validate", "--graph", tmp_path / "nothing")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nothing'}: no such graph folder or file\n"


def test_validate_of_a_file_that_is_not_rdf(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    result = run("validate", "--graph", bad)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not valid RDF")
    assert len(result.output.splitlines()) == 1
