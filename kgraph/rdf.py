"""The graph as RDF under the kgraph ontology (``ontology/kgraph.ttl``).

Triples are made as pyoxigraph terms and written by Oxigraph's serializers:
rdflib's own Turtle writer manages 20-50k triples/s here and grows worse
than linearly (rdflib issue 2135), Oxigraph's over 1M/s
(``bench/serialize.py``). ``to_rdflib`` hands the same triples to rdflib
(over the oxrdflib store) for users of rdflib's API; ``read_graph`` turns
RDF kgraph wrote back into the networkx graph, losing nothing.

Output is deterministic: triples are sorted, every namespace has a fixed
prefix, and no blank nodes are used.
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import io
import os

from pathlib import Path

from .errors import KgraphError, OutputError
from .names import COMENTION, ENTITY, MENTION, ONTOLOGY, PAPER

PREFIXES = {
    "kg": ONTOLOGY,
    "kge": ENTITY,
    "kgp": PAPER,
    "kgc": COMENTION,
    "kgm": MENTION,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
}
ENTITY_TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")


def comention_iri(a: str, b: str) -> str:
    """The IRI of the co-mention of two entity IRIs (order-free, stable)."""
    a, b = sorted((a, b))
    return COMENTION + hashlib.sha1(f"{a} {b}".encode("utf-8")).hexdigest()[:20]


def mention_iri(paper: str, entity: str) -> str:
    """The IRI of a paper's mention of an entity (stable)."""
    return MENTION + hashlib.sha1(f"{paper} {entity}".encode("utf-8")).hexdigest()[:20]


def decimal_lexical(x: float) -> str:
    """The canonical (XSD 1.1) xsd:decimal form of a float rounded to 6
    places: "16.72", "3". Oxigraph stores decimals in this form, so a store
    gives back what the Turtle says."""
    text = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def graph_triples(G):
    """The RDF triples of a kgraph networkx graph, as a list of pyoxigraph
    Triples (see ``iter_triples``)."""
    # Millions of small objects are made and all kept: the cyclic garbage
    # collector finds nothing to free but takes a third of the time
    # (bench/serialize.py, 1M triples: 4.6 s with it, 2.9 s without).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return list(iter_triples(G))
    finally:
        if enabled:
            gc.enable()


def iter_triples(G):
    """Yield the RDF triples of a kgraph networkx graph, sorted by subject,
    then predicate (``rdf:type`` first), then object.

    Besides the direct links (``kg:mentions``, ``kg:coMentionedWith``), each
    mention and each co-mention is a resource of its own carrying its
    provenance: the paper(s) it is derived from and, for a mention, the
    text it matched. One subject's triples are made at a time, so a large
    graph streams to ``write_rdf`` without a list of millions of triples.
    """
    import pyoxigraph as ox

    NN, Lit, Triple = ox.NamedNode, ox.Literal, ox.Triple
    rdf, rdfs, xsd, skos = (PREFIXES[k] for k in ("rdf", "rdfs", "xsd", "skos"))
    dct, prov, kg = PREFIXES["dcterms"], PREFIXES["prov"], ONTOLOGY
    integer, boolean, decimal = NN(xsd + "integer"), NN(xsd + "boolean"), NN(xsd + "decimal")
    # A subject's triples are kept under (predicate key, object key, tag): sort
    # keys made from the Python strings at hand, since reading them back from
    # pyoxigraph terms costs as much as making the terms. "" sorts rdf:type first.
    predicates: dict[str, tuple] = {}
    kinds = {node: d["kind"] for node, d in G.nodes(data=True)}

    def predicate(iri: str):
        found = predicates.get(iri)
        if found is None:
            found = predicates[iri] = ("" if iri == rdf + "type" else iri, NN(iri))
        return found

    def paper_rows(node, d, link, text):
        link(rdf + "type", kg + "Paper")
        text(rdfs + "label", d["title"])
        text(dct + "title", d["title"])
        text(dct + "identifier", d["id"])
        if d["abstract"]:
            text(dct + "abstract", d["abstract"])
        if d["published"]:
            kind = "gMonthDay" if d["published"].startswith("--") else "date"
            text(dct + "issued", d["published"], NN(xsd + kind))
        if d["listing_date"]:
            text(kg + "listingDate", d["listing_date"])
        if d["upvotes"] is not None:
            text(kg + "upvotes", str(d["upvotes"]), integer)
        if d["authors"] is not None:
            text(kg + "authorCount", str(d["authors"]), integer)
        if d["organization"]:
            text(kg + "listedOrganization", d["organization"])
        for f in d["sources"]:
            text(kg + "sourceFile", f)
        for entity, e in G[node].items():
            if e["relation"] == "mentions":
                link(kg + "mentions", entity)
                if e["introduces"]:
                    link(kg + "introduces", entity)

    def entity_rows(node, d, link, text):
        link(rdf + "type", skos + "Concept")
        link(rdf + "type", kg + "Entity")  # stated, so that queries need no inference
        link(rdf + "type", kg + d["type"])
        link(skos + "inScheme", kg + d["type"] + "Scheme")
        text(rdfs + "label", d["label"], language="en")
        text(skos + "prefLabel", d["label"], language="en")
        for x in d["aliases"]:
            text(skos + "altLabel", x, language="en")
        for x in d["hidden_labels"]:
            text(skos + "hiddenLabel", x, language="en")
        for b in d["broader"]:
            link(skos + "broader", b)
        if d.get("definition"):
            text(skos + "definition", d["definition"], language="en")
        text(kg + "paperCount", str(len(d["papers"])), integer)
        text(kg + "discovered", "false" if d["in_vocabulary"] else "true", boolean)
        for other, e in G[node].items():
            if e["relation"] != "mentions":
                link(kg + "coMentionedWith", other)

    def mention_rows(paper, entity, d, link, text):
        link(rdf + "type", kg + "Mention")
        link(kg + "entity", entity)
        link(prov + "wasDerivedFrom", paper)
        for matched in d["matched"]:
            text(kg + "matchedText", matched)

    def comention_rows(x, y, d, link, text):
        link(rdf + "type", kg + "CoMention")
        link(kg + "entity", x)
        link(kg + "entity", y)
        text(kg + "weight", str(d["weight"]), integer)
        text(kg + "associationStrength", decimal_lexical(d["association"]), decimal)
        for p in d["papers"]:
            link(prov + "wasDerivedFrom", p)

    # every subject with what makes its triples, in subject order
    subjects = [(node, None) for node in G]
    for u, v in G.edges():
        if kinds[u] == "paper" or kinds[v] == "paper":
            paper, entity = (u, v) if kinds[u] == "paper" else (v, u)
            subjects.append((mention_iri(paper, entity), (mention_rows, paper, entity)))
        else:
            x, y = sorted((u, v))
            subjects.append((comention_iri(x, y), (comention_rows, x, y)))
    subjects.sort(key=lambda item: item[0])
    for subject, made_by in subjects:
        s = NN(subject)
        rows: dict[tuple, object] = {}

        def link(p: str, o: str):
            key, term = predicate(p)
            rows[(key, o, "")] = Triple(s, term, NN(o))

        def text(p: str, value: str, datatype=None, language=None):
            key, term = predicate(p)
            tag = "@" + language if language else datatype.value if datatype else ""
            rows[(key, value, tag)] = Triple(s, term, Lit(value, datatype=datatype, language=language))

        if made_by is None:
            d = G.nodes[subject]
            (paper_rows if d["kind"] == "paper" else entity_rows)(subject, d, link, text)
        else:
            make, a, b = made_by
            make(a, b, G.edges[a, b], link, text)
        for key in sorted(rows):
            yield rows[key]


def sort_triples(triples):
    """Triples from elsewhere (a SPARQL CONSTRUCT) in kgraph's output order:
    by subject, ``rdf:type`` first, then by predicate and object."""
    return sorted(triples, key=_sort_key)


def _sort_key(t):
    p = t.predicate.value
    return (t.subject.value, p != PREFIXES["rdf"] + "type", p, str(t.object))


def _rdf_format(name: str):
    """The pyoxigraph RdfFormat of an RDF export format name or alias."""
    import pyoxigraph as ox

    from .formats import get_format

    f = get_format(name)
    if not f.is_rdf:
        raise KgraphError(f"{f.name} is not an RDF format")
    return f, getattr(ox.RdfFormat, f.oxigraph)


def serialize(triples, fmt: str = "turtle") -> bytes:
    """Serialize sorted triples in an RDF format (a name or alias of ``formats.FORMATS``)."""
    buffer = io.BytesIO()
    write_rdf(triples, buffer, fmt)
    return buffer.getvalue()


def write_rdf(triples, output, fmt: str = "turtle") -> int:
    """Stream triples (any iterable, e.g. ``iter_triples(G)``) in an RDF
    format to ``output`` (a path or a binary file); return how many were written.

    Every namespace of ``PREFIXES`` is bound, so no ``ns1:`` appears; the
    prefix lines are sorted so that the output does not depend on the order
    Oxigraph keeps them in.
    """
    import pyoxigraph as ox

    f, ox_format = _rdf_format(fmt)
    count = 0

    def counted(items):
        nonlocal count
        quads = f.name in ("nquads", "trig")
        for t in items:
            count += 1
            yield ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) if quads else t

    kwargs = {"prefixes": PREFIXES} if f.name in ("turtle", "trig", "xml", "n3", "jsonld") else {}
    path = Path(output) if isinstance(output, (str, os.PathLike)) else None
    # the triples are short-lived, but each full collection walks the whole
    # graph they are made from: paused, writing takes ~8% less time
    enabled = gc.isenabled()
    gc.disable()
    try:
        with contextlib.ExitStack() as stack:
            if path is not None:
                output = stack.enter_context(path.open("wb"))
            if f.name in ("turtle", "trig", "n3"):
                output = stack.enter_context(_SortedPrefixes(output))
            ox.serialize(counted(triples), output, format=ox_format, **kwargs)
    except OSError as e:
        if path is None:
            raise
        raise OutputError(path, f"cannot write ({e.strerror or e})") from None
    finally:
        if enabled:
            gc.enable()
    return count


class _SortedPrefixes:
    """A binary writer that sorts the ``@prefix`` lines at the start of what
    passes through it, and passes the rest on as it comes."""

    def __init__(self, out):
        self.out, self.head = out, b""

    def write(self, data) -> int:
        if self.head is None:
            return self.out.write(data)
        self.head += bytes(data)
        lines = self.head.split(b"\n")
        if any(not line.startswith(b"@prefix ") for line in lines[:-1]):
            self._flush_head()
        return len(data)

    def _flush_head(self):
        if self.head is not None:
            self.out.write(_sort_prefix_lines(self.head))
            self.head = None

    def flush(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if exc[0] is None:
            self._flush_head()


def _sort_prefix_lines(data: bytes) -> bytes:
    lines = data.split(b"\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(sorted(lines[:n]) + lines[n:])


def generate_rdf(G, fmt: str = "turtle") -> bytes:
    """The graph ``G`` as RDF in format ``fmt``."""
    return serialize(graph_triples(G), fmt)


def to_rdflib(triples):
    """An ``rdflib.Graph`` holding the triples, over the oxrdflib (Oxigraph)
    store, so that rdflib's API serializes and queries it fast."""
    import rdflib

    g = rdflib.Graph(store="Oxigraph", bind_namespaces="none")
    g.parse(data=serialize(triples, "nt"), format="ox-nt")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def parse_file(path: str | os.PathLike):
    """Yield the triples of an RDF file, its format chosen by suffix (Turtle
    when the suffix names none)."""
    import pyoxigraph as ox

    from .formats import format_for_path

    f = format_for_path(path)
    ox_format = getattr(ox.RdfFormat, f.oxigraph if f and f.is_rdf else "TURTLE")
    with open(path, "rb") as stream:
        for t in ox.parse(stream, format=ox_format):
            yield t.triple if isinstance(t, ox.Quad) else t


def read_graph(path: str | os.PathLike):
    """Rebuild the networkx graph from RDF that kgraph wrote (any RDF format,
    chosen by file suffix)."""
    import networkx as nx

    from .names import fold

    kg, skos, rdfs, dct, prov = ONTOLOGY, PREFIXES["skos"], PREFIXES["rdfs"], PREFIXES["dcterms"], PREFIXES["prov"]
    rdf_type = PREFIXES["rdf"] + "type"
    types = {kg + t: t for t in ENTITY_TYPES}
    nodes: dict[str, dict] = {}
    mentions: dict[tuple[str, str], bool] = {}
    statements: dict[str, dict] = {}
    for t in parse_file(path):
        s, p, o = t.subject.value, t.predicate.value, t.object
        if s.startswith((COMENTION, MENTION)):
            c = statements.setdefault(s, {"entities": [], "papers": [], "matched": []})
            if p == kg + "entity":
                c["entities"].append(o.value)
            elif p == kg + "weight":
                c["weight"] = int(o.value)
            elif p == kg + "associationStrength":
                c["association"] = float(o.value)
            elif p == prov + "wasDerivedFrom":
                c["papers"].append(o.value)
            elif p == kg + "matchedText":
                c["matched"].append(o.value)
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
    matched = {}
    for iri, c in statements.items():
        if iri.startswith(MENTION) and len(c["entities"]) == 1 and len(c["papers"]) == 1:
            matched[(c["papers"][0], c["entities"][0])] = sorted(c["matched"])
    for (paper, entity), intro in sorted(mentions.items()):
        if paper in G and entity in G:
            G.add_edge(paper, entity, relation="mentions", introduces=intro, matched=matched.get((paper, entity), []))
            G.nodes[entity]["papers"].append(paper)
    for d in G.nodes.values():
        if d["kind"] == "entity":
            d["papers"].sort()
    comentions = 0
    for iri, c in statements.items():
        if iri.startswith(COMENTION) and len(c["entities"]) == 2:
            x, y = sorted(c["entities"])
            G.add_edge(x, y, relation="co-mention", weight=c.get("weight", len(c["papers"])),
                       papers=sorted(c["papers"]), association=c.get("association", 0.0))
            comentions += 1
    papers = sum(1 for d in G.nodes.values() if d["kind"] == "paper")
    entities = sum(1 for d in G.nodes.values() if d["kind"] == "entity")
    G.graph.update(papers=papers, entities=entities, comentions=comentions)
    return G
