"""Check a built graph against the SHACL shapes of ``ontology/shapes.ttl``.

pySHACL does the checking, with the ontology added to the data so that
``sh:targetClass kg:Statement`` finds mentions and co-mentions. The triples are parsed by
Oxigraph and handed to rdflib as terms, which is several times faster than
rdflib's own Turtle parser.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import KgraphError

SH = "http://www.w3.org/ns/shacl#"


@dataclass(frozen=True, order=True)
class Violation:
    """One SHACL validation result, its terms written with kgraph's prefixes."""

    focus: str
    path: str
    value: str
    constraint: str  # the constraint component, e.g. "MinCount"
    message: str
    severity: str = "Violation"


@dataclass
class Report:
    """What ``validate`` found: conforming or not, and every result, sorted."""

    triples: int
    violations: list[Violation]

    @property
    def conforms(self) -> bool:
        return not any(v.severity == "Violation" for v in self.violations)


def ontology_file(name: str) -> Path:
    from .vocabulary import ontology_dir

    return ontology_dir() / name


def rdflib_graph(triples):
    """An in-memory ``rdflib.Graph`` holding pyoxigraph triples."""
    import pyoxigraph as ox
    import rdflib

    cache: dict = {}

    def term(t):
        found = cache.get(t)
        if found is None:
            if isinstance(t, ox.NamedNode):
                found = rdflib.URIRef(t.value)
            elif isinstance(t, ox.BlankNode):
                found = rdflib.BNode(t.value)
            else:
                datatype = None if t.language else rdflib.URIRef(t.datatype.value)
                if datatype == rdflib.XSD.string:
                    datatype = None
                found = rdflib.Literal(t.value, lang=t.language, datatype=datatype)
            cache[t] = found
        return found

    g = rdflib.Graph()
    for t in triples:
        g.add((term(t.subject), term(t.predicate), term(t.object)))
    return g


def validate(graph: str | os.PathLike | None = None, shapes: str | os.PathLike | None = None) -> Report:
    """Validate a built graph (a folder written by ``kgraph build`` or an RDF
    file kgraph wrote) against kgraph's SHACL shapes, or the ``shapes`` file given."""
    from .rdf import parse_file
    from .triplestore import graph_file

    rdf = graph_file(graph)
    try:
        data = rdflib_graph(parse_file(rdf))
    except SyntaxError as e:
        raise KgraphError(f"{rdf}: not valid RDF ({e})") from None
    return validate_graph(data, shapes)


def validate_graph(data, shapes: str | os.PathLike | None = None) -> Report:
    """Validate an ``rdflib.Graph`` against kgraph's SHACL shapes; the
    ontology is added to ``data``."""
    try:
        import pyshacl
    except ImportError:
        raise KgraphError("validation needs pySHACL: pip install pyshacl") from None
    import rdflib

    from .rdf import PREFIXES

    shapes_graph = rdflib.Graph().parse(shapes or ontology_file("shapes.ttl"), format="turtle")
    triples = len(data)
    # The ontology joins the data (in place: copying 100k triples costs seconds)
    # so that targets and sh:class see its rdfs:subClassOf axioms.
    data.parse(ontology_file("kgraph.ttl"), format="turtle")
    _, results, _ = pyshacl.validate(
        data, shacl_graph=shapes_graph, inference="none", inplace=True,
        advanced=True, allow_warnings=True,
    )
    namespaces = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))

    def show(term) -> str:
        if term is None:
            return ""
        if isinstance(term, rdflib.URIRef):
            for prefix, ns in namespaces:
                if term.startswith(ns):
                    return f"{prefix}:{term[len(ns):]}"
            return f"<{term}>"
        if isinstance(term, rdflib.BNode):
            return _path_text(results, term, show)
        text = '"' + str(term).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if term.language:
            return f"{text}@{term.language}"
        return f"{text}^^{show(term.datatype)}" if term.datatype else text

    violations = []
    for r in results.subjects(rdflib.RDF.type, rdflib.URIRef(SH + "ValidationResult")):
        component = str(results.value(r, rdflib.URIRef(SH + "sourceConstraintComponent")) or "")
        severity = str(results.value(r, rdflib.URIRef(SH + "resultSeverity")) or SH + "Violation")
        violations.append(Violation(
            focus=show(results.value(r, rdflib.URIRef(SH + "focusNode"))),
            path=show(results.value(r, rdflib.URIRef(SH + "resultPath"))),
            value=show(results.value(r, rdflib.URIRef(SH + "value"))),
            constraint=component.removeprefix(SH).removesuffix("ConstraintComponent"),
            message=str(results.value(r, rdflib.URIRef(SH + "resultMessage")) or ""),
            severity=severity.removeprefix(SH),
        ))
    return Report(triples=triples, violations=sorted(set(violations)))


def _path_text(results, node, show) -> str:
    """A SHACL path that is a blank node (``^kg:mentions``) as text."""
    import rdflib

    inverse = results.value(node, rdflib.URIRef(SH + "inversePath"))
    if inverse is not None:
        return "^" + show(inverse)
    return "[path]"


def format_report(report: Report) -> str:
    """The report as text: one line per result, then a count."""
    if report.conforms and not report.violations:
        return f"conforms: {report.triples} triples, 0 violations"
    lines = []
    for v in report.violations:
        where = f"{v.focus}  {v.path}".rstrip()
        value = f" (value {v.value})" if v.value else ""
        lines.append(f"{v.severity}: {where}: {v.constraint}{value}: {v.message}")
    count = sum(1 for v in report.violations if v.severity == "Violation")
    lines.append(f"{'conforms' if report.conforms else 'does not conform'}: "
                 f"{report.triples} triples, {count} violation{'s' if count != 1 else ''}")
    return "\n".join(lines)
