"""The shipped vocabularies are well formed: they parse, every IRI is minted
from its prefLabel, and no folded label names two concepts."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_vocabularies_pass_the_checker():
    files = sorted(str(p) for p in (ROOT / "ontology" / "vocab").glob("*.ttl"))
    assert len(files) == 6
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "tools" / "check_vocab.py"), *files],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 problems"), result.stdout


PREFIXES = """@prefix kg:   <https://w3id.org/kgraph/ontology#> .
@prefix kge:  <https://w3id.org/kgraph/entity/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
"""


def check(tmp_path, turtle):
    """The checker's run on one file holding ``turtle``."""
    path = tmp_path / "bad.ttl"
    path.write_text(PREFIXES + turtle, encoding="utf-8")
    return subprocess.run([sys.executable, str(ROOT / "bench" / "tools" / "check_vocab.py"), str(path)],
                          capture_output=True, text=True, cwd=ROOT)


def test_the_checker_finds_a_misminted_iri_and_a_shared_label(tmp_path):
    result = check(tmp_path, """kge:Zorb_X a skos:Concept, kg:Hardware ; skos:prefLabel "Zorb X9"@en ; skos:altLabel "ZX"@en .
kge:Zorb_Y a skos:Concept, kg:Hardware ; skos:prefLabel "Zorb Y"@en ; skos:altLabel "ZX"@en .
""")
    assert result.returncode == 1
    assert "should be https://w3id.org/kgraph/entity/Zorb_X9" in result.stdout
    assert "label 'zx' is shared by" in result.stdout


def test_the_checker_finds_a_concept_described_twice(tmp_path):
    # two blocks for one IRI merge silently in RDF: one concept with two definitions
    result = check(tmp_path, """kge:Zorb a skos:Concept, kg:Hardware ; skos:prefLabel "Zorb"@en ; skos:definition "A chip."@en .

kge:Zorb a skos:Concept, kg:Hardware ; skos:prefLabel "Zorb"@en ; skos:definition "A board."@en .
""")
    assert result.returncode == 1
    assert "kge:Zorb is described in 2 places" in result.stdout
