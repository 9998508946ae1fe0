"""The graph as RDF under the kgraph ontology (``ontology/kgraph.ttl``).

Triples are made as pyoxigraph terms and written by Oxigraph's serializers:
rdflib's own Turtle writer manages 20-50k triples/s here and grows worse
than linearly (rdflib issue 2135), Oxigraph's over 1M/s
(``bench/serialize.py``). Turtle, what ``kgraph build`` writes, is made as
text instead (``write_turtle``), with the very bytes Oxigraph writes, since
making the terms in Python took most of the time. ``to_rdflib`` hands the
same triples to rdflib
(over the oxrdflib store) for users of rdflib's API; ``read_graph`` turns
RDF kgraph wrote back into the networkx graph, losing nothing.

Output is deterministic: triples are sorted, every namespace has a fixed
prefix, and no blank nodes are used.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import re
from operator import itemgetter
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
    from .pipeline import gc_paused

    # Millions of small objects are made and all kept: the cyclic garbage
    # collector finds nothing to free but takes a third of the time
    # (bench/serialize.py, 1M triples: 4.6 s with it, 2.9 s without).
    with gc_paused():
        return list(iter_triples(G))


def iter_triples(G):
    """Yield the RDF triples of a kgraph networkx graph as pyoxigraph
    Triples, sorted by subject, then predicate (``rdf:type`` first), then
    object (see ``subject_rows``)."""
    import pyoxigraph as ox

    NN, Lit, Triple = ox.NamedNode, ox.Literal, ox.Triple
    predicates = {"": NN(RDF_TYPE)}
    datatypes: dict[str, object] = {}

    def literal(value: str, tag: str):
        if not tag:
            return Lit(value)
        if tag[0] == "@":
            return Lit(value, language=tag[1:])
        datatype = datatypes.get(tag) or datatypes.setdefault(tag, NN(tag))
        return Lit(value, datatype=datatype)

    for subject, rows in subject_rows(G):
        s = NN(subject)
        for key in sorted(rows):
            p = predicates.get(key) or predicates.setdefault(key, NN(key))
            objects = rows[key]
            if isinstance(objects, set):
                for o in sorted(objects):
                    yield Triple(s, p, NN(o))
            else:
                for value, tag in sorted(objects):
                    yield Triple(s, p, literal(value, tag))


RDF_TYPE = PREFIXES["rdf"] + "type"


def subject_rows(G):
    """Yield (subject IRI, rows) for the RDF of a kgraph networkx graph, in
    subject order.

    ``rows`` maps a predicate key (its IRI, or "" for ``rdf:type``, which
    sorts first) to a set of object IRIs or to a dict whose keys are the
    literal objects as (text, tag): the tag is "" for a plain string, "@"
    and the language, or the datatype IRI. A predicate has IRIs or literals,
    never both. Sorting predicate keys, then objects, gives kgraph's triple
    order (``iter_triples``, ``write_turtle``).

    Besides the direct links (``kg:mentions``, ``kg:coMentionedWith``), each
    mention and each co-mention is a resource of its own carrying its
    provenance: the paper(s) it is derived from and, for a mention, the
    text it matched. One subject's rows are made at a time, so a large graph
    streams out without a list of millions of triples.
    """
    makers = _row_makers(G)
    for subject, kind, a, b, _ in _subjects(G):
        yield subject, makers[kind](a, b)


_XSD, _PROV, _KG = PREFIXES["xsd"], PREFIXES["prov"], ONTOLOGY
_INTEGER, _DECIMAL = _XSD + "integer", _XSD + "decimal"


def _subjects(G) -> list[tuple]:
    """(subject IRI, kind, a, b, edge data) for every subject of the graph's
    RDF, sorted: kind "paper" or "entity" with the node, None and None;
    "mention" with the paper, the entity and their edge's data; "comention"
    with the two entities in order and their edge's data."""
    kinds = {node: d["kind"] for node, d in G.nodes(data=True)}
    subjects = [(node, kind, node, None, None) for node, kind in kinds.items()]
    append, sha1 = subjects.append, hashlib.sha1
    done = set()  # nodes whose edges are listed
    # mention_iri and comention_iri written out: ~2M subjects at 100k papers
    for u, links in G.adjacency():
        u_paper = kinds[u] == "paper"
        for v, d in links.items():
            if v in done:
                continue
            if u_paper:
                append((MENTION + sha1(f"{u} {v}".encode("utf-8")).hexdigest()[:20], "mention", u, v, d))
            elif kinds[v] == "paper":
                append((MENTION + sha1(f"{v} {u}".encode("utf-8")).hexdigest()[:20], "mention", v, u, d))
            else:
                x, y = (u, v) if u < v else (v, u)
                append((COMENTION + sha1(f"{x} {y}".encode("utf-8")).hexdigest()[:20], "comention", x, y, d))
        done.add(u)
    subjects.sort(key=itemgetter(0))
    return subjects


def _row_makers(G) -> dict:
    """Subject kind → function(a, b) giving the rows of ``subject_rows``."""
    rdfs, xsd, skos = (PREFIXES[k] for k in ("rdfs", "xsd", "skos"))
    dct, prov, kg = PREFIXES["dcterms"], _PROV, _KG
    integer, boolean, decimal = _INTEGER, xsd + "boolean", _DECIMAL
    adjacency = dict(G.adjacency())
    nodes = G.nodes

    def paper_rows(node, _):
        d = nodes[node]
        rows = {"": {kg + "Paper"}, rdfs + "label": {(d["title"], ""): None},
                dct + "title": {(d["title"], ""): None}, dct + "identifier": {(d["id"], ""): None}}
        if d["abstract"]:
            rows[dct + "abstract"] = {(d["abstract"], ""): None}
        if d["published"]:
            kind = "gMonthDay" if d["published"].startswith("--") else "date"
            rows[dct + "issued"] = {(d["published"], xsd + kind): None}
        if d["listing_date"]:
            rows[kg + "listingDate"] = {(d["listing_date"], ""): None}
        if d["upvotes"] is not None:
            rows[kg + "upvotes"] = {(str(d["upvotes"]), integer): None}
        if d["authors"] is not None:
            rows[kg + "authorCount"] = {(str(d["authors"]), integer): None}
        if d["organization"]:
            rows[kg + "listedOrganization"] = {(d["organization"], ""): None}
        if d["sources"]:
            rows[kg + "sourceFile"] = {(f, ""): None for f in d["sources"]}
        links = adjacency[node]
        mentioned = {entity for entity, e in links.items() if e["relation"] == "mentions"}
        if mentioned:
            rows[kg + "mentions"] = mentioned
            introduced = {entity for entity in mentioned if links[entity]["introduces"]}
            if introduced:
                rows[kg + "introduces"] = introduced
        return rows

    def entity_rows(node, _):
        d = nodes[node]
        label = (d["label"], "@en")
        rows = {
            "": {skos + "Concept", kg + "Entity", kg + d["type"]},  # kg:Entity stated: queries need no inference
            skos + "inScheme": {kg + d["type"] + "Scheme"},
            rdfs + "label": {label: None},
            skos + "prefLabel": {label: None},
            kg + "paperCount": {(str(len(d["papers"])), integer): None},
            kg + "discovered": {("false" if d["in_vocabulary"] else "true", boolean): None},
        }
        if d["aliases"]:
            rows[skos + "altLabel"] = {(x, "@en"): None for x in d["aliases"]}
        if d["hidden_labels"]:
            rows[skos + "hiddenLabel"] = {(x, "@en"): None for x in d["hidden_labels"]}
        if d["broader"]:
            rows[skos + "broader"] = set(d["broader"])
        if d.get("definition"):
            rows[skos + "definition"] = {(d["definition"], "@en"): None}
        others = {other for other, e in adjacency[node].items() if e["relation"] != "mentions"}
        if others:
            rows[kg + "coMentionedWith"] = others
        return rows

    def mention_rows(paper, entity):
        d = adjacency[paper][entity]
        rows = {"": {kg + "Mention"}, kg + "entity": {entity}, prov + "wasDerivedFrom": {paper}}
        if d["matched"]:
            rows[kg + "matchedText"] = {(m, ""): None for m in d["matched"]}
        return rows

    def comention_rows(x, y):
        d = adjacency[x][y]
        return {
            "": {kg + "CoMention"},
            kg + "entity": {x, y},
            kg + "weight": {(str(d["weight"]), integer): None},
            kg + "associationStrength": {(decimal_lexical(d["association"]), decimal): None},
            prov + "wasDerivedFrom": set(d["papers"]),
        }

    return {"paper": paper_rows, "entity": entity_rows, "mention": mention_rows, "comention": comention_rows}


def write_turtle(G, output) -> int:
    """Write the graph ``G`` as Turtle to ``output`` (a path or a binary
    file); return the number of triples.

    The bytes are those ``write_rdf(iter_triples(G), output, "turtle")``
    writes through Oxigraph's serializer (tests compare them), made as text
    directly: building millions of pyoxigraph terms in Python took ~90% of
    that path's time.
    """
    from .pipeline import gc_paused

    # nothing to collect, and full collections walk the whole graph
    with gc_paused(), _binary_output(output) as out:
        return _write_turtle(G, out)


def _write_turtle(G, out) -> int:
    names = _TurtleNames()
    suffixes = _LiteralSuffixes(names)
    quoted = _QuotedStrings()

    def literal(value: str, tag: str) -> str:
        if not tag:
            return turtle_string(value)
        inline, after = suffixes[tag]
        return value if inline and inline(value) else turtle_string(value) + after

    def block(subject: str, rows) -> tuple[str, int]:
        groups, count = [], 0
        for key in sorted(rows):
            objects = rows[key]
            if not objects:
                continue
            count += len(objects)
            if isinstance(objects, set):
                texts = [names[o] for o in sorted(objects)]
            else:
                texts = [literal(value, tag) for value, tag in sorted(objects)]
            groups.append(names[key] + " " + " , ".join(texts))
        return names[subject] + " " + " ;\n\t".join(groups) + " .\n", count

    # Mentions and co-mentions, most of the subjects, are written from
    # templates; the general way above gives the same text, only slower.
    # The templates' fields come in the predicates' order (prov: before kg:).
    mention = _block_template(names, {"": names[_KG + "Mention"]}, _PROV + "wasDerivedFrom", _KG + "entity",
                              _KG + "matchedText")
    comention = _block_template(names, {"": names[_KG + "CoMention"]}, _PROV + "wasDerivedFrom",
                                _KG + "associationStrength", _KG + "entity", _KG + "weight")
    # their IRIs end in a hex digest, a local name that needs no escape
    mention_name, comention_name = _PREFIX_OF[MENTION] + ":", _PREFIX_OF[COMENTION] + ":"
    mention_cut, comention_cut = len(MENTION), len(COMENTION)
    name_of, quote = names.__getitem__, quoted.__getitem__
    weights: dict[int, str] = {}  # literals of integer weights, and of associations, made once
    associations: dict[float, str] = {}
    makers = _row_makers(G)
    subjects = _subjects(G)
    if subjects:
        out.write(turtle_prefix_lines().encode("utf-8"))
    chunk: list[str] = []
    append = chunk.append
    count = 0
    for subject, kind, a, b, d in subjects:
        if kind == "comention" and a != b and d["papers"]:
            papers = d["papers"]
            if len(papers) > 1:
                papers = sorted(set(papers))
            w, x = d["weight"], d["association"]
            weight = weights.get(w) if type(w) is int else None
            if weight is None:
                weight = literal(str(w), _INTEGER)
                if type(w) is int:
                    weights[w] = weight
            association = associations.get(x)
            if association is None:
                association = associations[x] = literal(decimal_lexical(x), _DECIMAL)
            append(comention % (comention_name + subject[comention_cut:], " , ".join(map(name_of, papers)),
                                association, names[a] + " , " + names[b], weight))
            count += 5 + len(papers)
        elif kind == "mention" and d["matched"]:
            matched = d["matched"]
            if len(matched) > 1:
                matched = sorted(set(matched))
            append(mention % (mention_name + subject[mention_cut:], names[a], names[b],
                              " , ".join(map(quote, matched))))
            count += 3 + len(matched)
        else:
            text, n = block(subject, makers[kind](a, b))
            append(text)
            count += n
        if len(chunk) >= 4096:
            out.write("".join(chunk).encode("utf-8"))
            chunk.clear()
    out.write("".join(chunk).encode("utf-8"))
    return count


def _block_template(names, fixed: dict[str, str], *keys: str) -> str:
    """A ``%`` template of the Turtle block of a subject given its IRI's
    text, then the objects' text for each of ``keys``, which must come in
    the predicates' order in kgraph's output (see ``subject_rows``);
    ``fixed`` gives predicates whose objects' text is always the same."""
    every = sorted([*fixed, *keys])
    if [key for key in every if key in keys] != list(keys):
        raise ValueError("keys out of order")
    return "%s " + " ;\n\t".join(
        names[key].replace("%", "%%") + " " + ("%s" if key in keys else fixed[key].replace("%", "%%"))
        for key in every) + " .\n"


def turtle_prefix_lines() -> str:
    """The ``@prefix`` lines kgraph's Turtle starts with, sorted."""
    return "".join(sorted(f"@prefix {name}: <{iri}> .\n" for name, iri in PREFIXES.items()))


# Oxigraph's escapes in quoted strings (oxrdf ``print_quoted_str``)
_STRING_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_NEEDS_ESCAPE = re.compile('[\x00-\x1f"\\\\\x7f\ufffe\uffff]')


def _escape_char(m) -> str:
    c = m.group()
    return _STRING_ESCAPES.get(c) or f"\\u{ord(c):04X}"


def turtle_string(value: str) -> str:
    """A string as a quoted Turtle (and N-Triples) literal, escaped as Oxigraph does."""
    if _NEEDS_ESCAPE.search(value):
        value = _NEEDS_ESCAPE.sub(_escape_char, value)
    return '"' + value + '"'


# Literals of these datatypes are written bare when their text has the
# Turtle grammar's form (oxttl ``is_turtle_integer`` and kin).
_INLINE = {
    PREFIXES["xsd"] + "boolean": re.compile(r"true|false").fullmatch,
    PREFIXES["xsd"] + "integer": re.compile(r"[+-]?[0-9]+").fullmatch,
    PREFIXES["xsd"] + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+").fullmatch,
    PREFIXES["xsd"] + "double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+").fullmatch,
}


class _LiteralSuffixes(dict):
    """Literal tag → (the test that a literal may be written bare, or None;
    what follows its quoted form)."""

    def __init__(self, names):
        super().__init__()
        self.names = names

    def __missing__(self, tag: str) -> tuple:
        if tag[0] == "@":
            found = None, tag
        elif tag == PREFIXES["xsd"] + "string":
            found = None, ""
        else:
            found = _INLINE.get(tag), "^^" + self.names[tag]
        self[tag] = found
        return found


_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f"
    "\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS = _PN_CHARS_BASE + "_\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_LOCAL_ESCAPABLE = "_~.-!$&'()*+,;=/?#@%"  # may follow a backslash in a local name


@functools.lru_cache(maxsize=None)
def _local_name_patterns(ascii_only: bool):
    """(a local name needing no escape; one whose characters all can be
    escaped; a first character to escape; a later one), for ASCII names or
    any, compiled when first needed: the Unicode ranges take ~35 ms."""
    base, chars = ("A-Za-z", "A-Za-z_\\-0-9") if ascii_only else (_PN_CHARS_BASE, _PN_CHARS)
    escapable = re.escape(_LOCAL_ESCAPABLE)
    return (re.compile(f"[{base}_:0-9](?:[{chars}:.]*[{chars}:])?"),
            re.compile(f"[{base}_:0-9{escapable}][{chars}:.{escapable}]*"),
            re.compile(f"[^{base}_:0-9]"),
            re.compile(f"[^{chars}:.]|\\.\\Z"))


class _QuotedStrings(dict):
    """String → ``turtle_string(string)``, made on first lookup, then remembered."""

    def __missing__(self, value: str) -> str:
        found = self[value] = turtle_string(value)
        return found


class _TurtleNames(dict):
    """IRI → ``turtle_name(iri)``, made on first lookup, then remembered;
    "" (``rdf:type``'s predicate key) → ``a``."""

    def __missing__(self, iri: str) -> str:
        found = self[iri] = turtle_name(iri) if iri else "a"
        return found


_LONGEST_NAMESPACE_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
_PREFIX_OF = {namespace: name for name, namespace in PREFIXES.items()}
assert all(namespace.endswith(("/", "#")) for namespace in _PREFIX_OF)


def turtle_name(iri: str) -> str:
    """An IRI as Oxigraph's Turtle writer gives it with ``PREFIXES``:
    ``prefix:local`` (characters escaped with a backslash where the grammar
    wants) when the IRI starts with a prefix's namespace, the longest
    first, else ``<iri>``."""
    cut = max(iri.rfind("/"), iri.rfind("#")) + 1
    name = _PREFIX_OF.get(iri[:cut])  # the longest namespace, as all end with "/" or "#"
    if name is not None:
        local = escape_local_name(iri[cut:])
        if local is not None:
            return f"{name}:{local}"
    for name, namespace in _LONGEST_NAMESPACE_FIRST:
        if iri.startswith(namespace):
            local = escape_local_name(iri[len(namespace):])
            if local is not None:
                return f"{name}:{local}"
    return f"<{iri}>"


def escape_local_name(local: str) -> str | None:
    """A Turtle prefixed name's local part for ``local``, escaped as
    Oxigraph does (oxttl ``escape_local_name``), or None when it cannot be one."""
    plain, escapable, first_escaped, inner_escaped = _local_name_patterns(local.isascii())
    if not local or plain.fullmatch(local):
        return local
    if not escapable.fullmatch(local):
        return None
    first, rest = local[0], local[1:]
    if first_escaped.match(first):
        first = "\\" + first
    return first + inner_escaped.sub(lambda m: "\\" + m.group(), rest)


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
    from .pipeline import gc_paused

    # the triples are short-lived, but each full collection walks the whole
    # graph they are made from: paused, writing takes ~8% less time
    with gc_paused(), _binary_output(output) as out:
        sorted_prefixes = f.name in ("turtle", "trig", "n3")
        with _SortedPrefixes(out) if sorted_prefixes else contextlib.nullcontext(out) as sink:
            ox.serialize(counted(triples), sink, format=ox_format, **kwargs)
    return count


@contextlib.contextmanager
def _binary_output(output):
    """``output`` if it is a binary file; if it is a path, that file opened
    for writing, an ``OSError`` while writing it becoming an ``OutputError``."""
    if not isinstance(output, (str, os.PathLike)):
        yield output
        return
    path = Path(output)
    try:
        with path.open("wb") as f:
            yield f
    except OSError as e:
        raise OutputError(path, f"cannot write ({e.strerror or e})") from None


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
    f, _ = _rdf_format(fmt)
    if f.name == "turtle":
        buffer = io.BytesIO()
        write_turtle(G, buffer)
        return buffer.getvalue()
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
