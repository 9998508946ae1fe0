"""The graph as RDF under the kgraph ontology (``ontology/kgraph.ttl``).

Triples are made as pyoxigraph terms and written by Oxigraph's serializers:
rdflib's own Turtle writer runs at about 20-30k triples/s here and grows
worse than linearly (rdflib issue 2135), Oxigraph's at over 500k/s.
``to_rdflib`` hands the same triples to rdflib (over the oxrdflib store)
for users of rdflib's API.

Output is deterministic: triples are sorted, every namespace has a fixed
prefix, and no blank nodes are used.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .names import COMENTION, ENTITY, ONTOLOGY, PAPER

PREFIXES = {
    "kg": ONTOLOGY,
    "kge": ENTITY,
    "kgp": PAPER,
    "kgc": COMENTION,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}

# Formats by name, with aliases: (pyoxigraph format name, file suffix).
RDF_FORMATS = {
    "turtle": ("TURTLE", ".ttl"),
    "nt": ("N_TRIPLES", ".nt"),
    "nquads": ("N_QUADS", ".nq"),
    "trig": ("TRIG", ".trig"),
    "xml": ("RDF_XML", ".rdf"),
    "jsonld": ("JSON_LD", ".jsonld"),
    "n3": ("N3", ".n3"),
}
FORMAT_ALIASES = {
    "ttl": "turtle",
    "ntriples": "nt",
    "n-triples": "nt",
    "nq": "nquads",
    "rdfxml": "xml",
    "rdf": "xml",
    "json-ld": "jsonld",
}


def comention_iri(a: str, b: str) -> str:
    """The IRI of the co-mention of two entity IRIs (order-free, stable)."""
    a, b = sorted((a, b))
    return COMENTION + hashlib.sha1(f"{a} {b}".encode("utf-8")).hexdigest()[:20]


def graph_triples(G):
    """The RDF triples of a kgraph networkx graph as pyoxigraph Triples, sorted."""
    return list(iter_triples(G))


def iter_triples(G):
    """Yield the RDF triples of a kgraph networkx graph, sorted, one subject
    at a time: only one subject's triples are held at once, so a large graph
    streams to ``write_rdf`` without a list of millions of triples."""
    import pyoxigraph as ox

    NN, Lit = ox.NamedNode, ox.Literal
    rdf, rdfs, xsd, skos = (PREFIXES[k] for k in ("rdf", "rdfs", "xsd", "skos"))
    dct, prov, kg = PREFIXES["dcterms"], PREFIXES["prov"], ONTOLOGY
    a = NN(rdf + "type")
    label, pref, alt, hidden = NN(rdfs + "label"), NN(skos + "prefLabel"), NN(skos + "altLabel"), NN(skos + "hiddenLabel")
    integer, boolean, decimal = NN(xsd + "integer"), NN(xsd + "boolean"), NN(xsd + "decimal")
    mentions, introduces, comentioned = NN(kg + "mentions"), NN(kg + "introduces"), NN(kg + "coMentionedWith")

    def en(text):
        return Lit(text, language="en")

    def node_triples(node, d, add):
        s = NN(node)
        if d["kind"] == "paper":
            add(ox.Triple(s, a, NN(kg + "Paper")))
            add(ox.Triple(s, label, Lit(d["title"])))
            add(ox.Triple(s, NN(dct + "title"), Lit(d["title"])))
            add(ox.Triple(s, NN(dct + "identifier"), Lit(d["id"])))
            if d["abstract"]:
                add(ox.Triple(s, NN(dct + "abstract"), Lit(d["abstract"])))
            if d["published"]:
                kind = "gMonthDay" if d["published"].startswith("--") else "date"
                add(ox.Triple(s, NN(dct + "issued"), Lit(d["published"], datatype=NN(xsd + kind))))
            if d["listing_date"]:
                add(ox.Triple(s, NN(kg + "listingDate"), Lit(d["listing_date"])))
            if d["upvotes"] is not None:
                add(ox.Triple(s, NN(kg + "upvotes"), Lit(str(d["upvotes"]), datatype=integer)))
            if d["authors"] is not None:
                add(ox.Triple(s, NN(kg + "authorCount"), Lit(str(d["authors"]), datatype=integer)))
            if d["organization"]:
                add(ox.Triple(s, NN(kg + "listedOrganization"), Lit(d["organization"])))
            for f in d["sources"]:
                add(ox.Triple(s, NN(kg + "sourceFile"), Lit(f)))
            for entity, e in G[node].items():  # mention edges: the paper is their subject
                add(ox.Triple(s, mentions, NN(entity)))
                if e["introduces"]:
                    add(ox.Triple(s, introduces, NN(entity)))
        else:
            add(ox.Triple(s, a, NN(skos + "Concept")))
            add(ox.Triple(s, a, NN(kg + d["type"])))
            add(ox.Triple(s, NN(skos + "inScheme"), NN(kg + d["type"] + "Scheme")))
            add(ox.Triple(s, label, en(d["label"])))
            add(ox.Triple(s, pref, en(d["label"])))
            for x in d["aliases"]:
                add(ox.Triple(s, alt, en(x)))
            for x in d["hidden_labels"]:
                add(ox.Triple(s, hidden, en(x)))
            for b in d["broader"]:
                add(ox.Triple(s, NN(skos + "broader"), NN(b)))
            if d.get("definition"):
                add(ox.Triple(s, NN(skos + "definition"), en(d["definition"])))
            add(ox.Triple(s, NN(kg + "paperCount"), Lit(str(len(d["papers"])), datatype=integer)))
            add(ox.Triple(s, NN(kg + "discovered"), Lit("false" if d["in_vocabulary"] else "true", datatype=boolean)))
            for other, e in G[node].items():
                if e["relation"] == "co-mention":
                    add(ox.Triple(s, comentioned, NN(other)))

    def comention_triples(iri, x, y, d, add):
        c = NN(iri)
        add(ox.Triple(c, a, NN(kg + "CoMention")))
        add(ox.Triple(c, NN(kg + "entity"), NN(x)))
        add(ox.Triple(c, NN(kg + "entity"), NN(y)))
        add(ox.Triple(c, NN(kg + "weight"), Lit(str(d["weight"]), datatype=integer)))
        add(ox.Triple(c, NN(kg + "associationStrength"), Lit(f"{d['association']:.6f}", datatype=decimal)))
        for p in d["papers"]:
            add(ox.Triple(c, NN(prov + "wasDerivedFrom"), NN(p)))

    # every subject with what makes its triples, in subject order
    subjects = [(node, None) for node in G]
    subjects += [
        (comention_iri(u, v), (min(u, v), max(u, v), d))
        for u, v, d in G.edges(data=True) if d["relation"] == "co-mention"
    ]
    subjects.sort(key=lambda s: s[0])
    for subject, edge in subjects:
        triples = []
        if edge is None:
            node_triples(subject, G.nodes[subject], triples.append)
        else:
            comention_triples(subject, *edge, triples.append)
        triples.sort(key=_sort_key)
        yield from triples


def _sort_key(t):
    # rdf:type first within a subject, for readable Turtle.
    p = t.predicate.value
    return (t.subject.value, p != PREFIXES["rdf"] + "type", p, str(t.object))


def resolve_format(name: str) -> str:
    key = name.lower()
    key = FORMAT_ALIASES.get(key, key)
    if key not in RDF_FORMATS:
        raise ValueError(name)
    return key


def serialize(triples, fmt: str = "turtle") -> bytes:
    """Serialize triples in an RDF format of ``RDF_FORMATS`` (or an alias)."""
    import pyoxigraph as ox

    fmt = resolve_format(fmt)
    ox_format = getattr(ox.RdfFormat, RDF_FORMATS[fmt][0])
    if fmt in ("nquads", "trig"):
        triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
    kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "trig", "xml", "n3") else {}
    return ox.serialize(triples, format=ox_format, **kwargs)


def write_rdf(triples, path: str | os.PathLike, fmt: str = "turtle") -> int:
    """Stream triples (an iterable, e.g. ``iter_triples(G)``) to a file,
    atomically; return how many were written."""
    import pyoxigraph as ox

    from .files import atomic_path

    fmt = resolve_format(fmt)
    count = 0

    def counted(items):
        nonlocal count
        for t in items:
            count += 1
            yield t if fmt not in ("nquads", "trig") else ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph())

    kwargs = {"prefixes": PREFIXES} if fmt in ("turtle", "trig", "xml", "n3") else {}
    with atomic_path(path) as tmp, open(tmp, "wb") as f:
        ox.serialize(counted(triples), f, format=getattr(ox.RdfFormat, RDF_FORMATS[fmt][0]), **kwargs)
    return count


def to_rdflib(triples):
    """An ``rdflib.Graph`` (over the Oxigraph store) holding the triples."""
    import rdflib

    g = rdflib.Graph(store="Oxigraph")
    g.parse(data=serialize(triples, "nt"), format="ox-ntriples")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def read_graph(path: str | os.PathLike):
    """Rebuild the networkx graph from RDF that kgraph wrote (any RDF format,
    chosen by file suffix)."""
    import networkx as nx
    import pyoxigraph as ox

    from .names import fold

    suffix = Path(path).suffix.lower()
    fmt = next((f for f, (_, s) in RDF_FORMATS.items() if s == suffix), "turtle")
    kg, skos, rdfs, dct, prov = ONTOLOGY, PREFIXES["skos"], PREFIXES["rdfs"], PREFIXES["dcterms"], PREFIXES["prov"]
    rdf_type = PREFIXES["rdf"] + "type"
    types = {kg + t: t for t in ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")}
    nodes: dict[str, dict] = {}
    mentions: dict[tuple[str, str], bool] = {}
    comentions: dict[str, dict] = {}
    with open(path, "rb") as f:
        for t in ox.parse(f, format=getattr(ox.RdfFormat, RDF_FORMATS[fmt][0])):
            s, p, o = t.subject.value, t.predicate.value, t.object
            if s.startswith(COMENTION):
                c = comentions.setdefault(s, {"entities": [], "papers": []})
                if p == kg + "entity":
                    c["entities"].append(o.value)
                elif p == kg + "weight":
                    c["weight"] = int(o.value)
                elif p == kg + "associationStrength":
                    c["association"] = float(o.value)
                elif p == prov + "wasDerivedFrom":
                    c["papers"].append(o.value)
                continue
            d = nodes.setdefault(s, {})
            v = o.value
            if p == rdf_type:
                if v == kg + "Paper":
                    d["kind"] = "paper"
                elif v in types:
                    d["kind"], d["type"] = "entity", types[v]
            elif p == rdfs + "label":
                d["label"] = v
            elif p == dct + "title":
                d["title"] = v
            elif p == dct + "abstract":
                d["abstract"] = v
            elif p == dct + "identifier":
                d["id"] = v
            elif p == dct + "issued":
                d["published"] = v
            elif p == kg + "listingDate":
                d["listing_date"] = v
            elif p == kg + "upvotes":
                d["upvotes"] = int(v)
            elif p == kg + "authorCount":
                d["authors"] = int(v)
            elif p == kg + "listedOrganization":
                d["organization"] = v
            elif p == kg + "sourceFile":
                d.setdefault("sources", []).append(v)
            elif p == skos + "altLabel":
                d.setdefault("aliases", []).append(v)
            elif p == skos + "hiddenLabel":
                d.setdefault("hidden_labels", []).append(v)
            elif p == skos + "broader":
                d.setdefault("broader", []).append(v)
            elif p == skos + "definition":
                d["definition"] = v
            elif p == kg + "discovered":
                d["in_vocabulary"] = v != "true"
            elif p in (kg + "mentions", kg + "introduces"):
                mentions[(s, v)] = mentions.get((s, v), False) or p == kg + "introduces"
    G = nx.Graph()
    for iri in sorted(nodes):
        d = nodes[iri]
        if d.get("kind") == "paper":
            G.add_node(
                iri, kind="paper", id=d.get("id", iri.rsplit("/", 1)[-1]), label=d.get("label", ""),
                title=d.get("title", d.get("label", "")), abstract=d.get("abstract", ""),
                listing_date=d.get("listing_date"), published=d.get("published"),
                upvotes=d.get("upvotes"), authors=d.get("authors"),
                organization=d.get("organization"), sources=sorted(d.get("sources", [])),
            )
        elif d.get("kind") == "entity":
            G.add_node(
                iri, kind="entity", key=fold(d.get("label", iri)), label=d.get("label", iri), type=d["type"],
                aliases=sorted(d.get("aliases", [])), hidden_labels=sorted(d.get("hidden_labels", [])),
                papers=[], broader=sorted(d.get("broader", [])),
                in_vocabulary=d.get("in_vocabulary", True), definition=d.get("definition"),
            )
    for (paper, entity), intro in sorted(mentions.items()):
        if paper in G and entity in G:
            G.add_edge(paper, entity, relation="mentions", introduces=intro, matched=[])
            G.nodes[entity]["papers"].append(paper)
    for d in G.nodes.values():
        if d["kind"] == "entity":
            d["papers"].sort()
    for c in comentions.values():
        if len(c["entities"]) == 2:
            x, y = sorted(c["entities"])
            G.add_edge(x, y, relation="co-mention", weight=c.get("weight", len(c["papers"])),
                       papers=sorted(c["papers"]), association=c.get("association", 0.0))
    papers = sum(1 for d in G.nodes.values() if d["kind"] == "paper")
    entities = sum(1 for d in G.nodes.values() if d["kind"] == "entity")
    G.graph.update(papers=papers, entities=entities, comentions=len(comentions))
    return G
