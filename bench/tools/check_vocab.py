"""Check vocabulary files: parse, IRIs minted from prefLabels, unique folded labels,
each concept described in one place (a second block for the same IRI merges
silently in RDF, with two definitions or parents).

Usage: python bench/tools/check_vocab.py ontology/vocab/*.ttl
"""
import re
import sys
from collections import Counter, defaultdict

import rdflib
from rdflib.namespace import SKOS, RDF

sys.path.insert(0, ".")
from kgraph.names import ENTITY, entity_iri, fold  # noqa: E402

KG = rdflib.Namespace("https://w3id.org/kgraph/ontology#")
TYPES = {KG[t] for t in "Model Technique Hardware Software Dataset Organization".split()}

problems = 0
pref_owner = {}
label_owner = defaultdict(set)
all_concepts = set()
graphs = []
for path in sys.argv[1:]:
    g = rdflib.Graph()
    g.parse(path, format="turtle")
    graphs.append(g)
    for s in g.subjects(RDF.type, SKOS.Concept):
        all_concepts.add(s)
blocks = Counter()
for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        blocks.update(re.findall(r"^(kge:\S+) a skos:Concept", f.read(), re.M))
for subject, count in sorted(blocks.items()):
    if count > 1:
        print(f"{subject} is described in {count} places"); problems += 1
for path, g in zip(sys.argv[1:], graphs):
    n = 0
    for s in sorted(g.subjects(RDF.type, SKOS.Concept)):
        n += 1
        prefs = list(g.objects(s, SKOS.prefLabel))
        types = [t for t in g.objects(s, RDF.type) if t in TYPES]
        if len(prefs) != 1 or len(types) != 1:
            print(f"{path}: {s}: needs exactly one prefLabel and one kg: type"); problems += 1
            continue
        pref = str(prefs[0])
        if str(s) != entity_iri(pref):
            print(f"{path}: IRI {s} should be {entity_iri(pref)}"); problems += 1
        k = fold(pref)
        if k in pref_owner and pref_owner[k] != s:
            print(f"{path}: prefLabel {pref!r} folds like {pref_owner[k]}"); problems += 1
        pref_owner[k] = s
        for lab in [pref] + [str(o) for o in g.objects(s, SKOS.altLabel)] + [str(o) for o in g.objects(s, SKOS.hiddenLabel)]:
            label_owner[fold(lab)].add((s, types[0]))
        for b in g.objects(s, SKOS.broader):
            if b not in all_concepts:
                print(f"{path}: {s} broader {b} is not a concept in the given files"); problems += 1
    print(f"{path}: {n} concepts")
for k, owners in sorted(label_owner.items()):
    if len(owners) > 1:
        print(f"label {k!r} is shared by {sorted(str(o[0]) for o in owners)}"); problems += 1
print(f"{problems} problems")
sys.exit(1 if problems else 0)
