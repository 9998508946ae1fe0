"""Export formats by name, with aliases (``ttl`` = ``turtle``).

Each format names the function that writes it as ``"module:function"``,
imported only when that format is used, so adding a format is one writer
and one line here. RDF formats carry the name of Oxigraph's serializer.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from .errors import KgraphError


@dataclass(frozen=True)
class Format:
    """An export format: how it is named, its file suffix and its writer."""

    name: str
    suffix: str  # the one written; other_suffixes are recognised too
    description: str
    writer: str  # "module:function", called as function(G, *args) -> bytes
    args: tuple = ()
    aliases: tuple[str, ...] = ()
    oxigraph: str | None = None  # pyoxigraph.RdfFormat member, for RDF formats
    other_suffixes: tuple[str, ...] = ()

    @property
    def is_rdf(self) -> bool:
        return self.oxigraph is not None


def _rdf(name, suffix, description, oxigraph, aliases=(), other_suffixes=()):
    return Format(name, suffix, description, "rdf:generate_rdf", (name,), aliases, oxigraph, other_suffixes)


FORMATS: dict[str, Format] = {f.name: f for f in (
    _rdf("turtle", ".ttl", "RDF Turtle", "TURTLE", ("ttl",)),
    _rdf("nt", ".nt", "RDF N-Triples", "N_TRIPLES", ("ntriples", "n-triples")),
    _rdf("nquads", ".nq", "RDF N-Quads (default graph)", "N_QUADS", ("nq", "n-quads")),
    _rdf("trig", ".trig", "RDF TriG (default graph)", "TRIG"),
    _rdf("xml", ".rdf", "RDF/XML", "RDF_XML", ("rdfxml", "rdf", "rdf/xml"), (".xml", ".owl")),
    _rdf("jsonld", ".jsonld", "JSON-LD", "JSON_LD", ("json-ld",), (".json-ld",)),
    _rdf("n3", ".n3", "Notation3", "N3"),
    Format("graphml", ".graphml", "GraphML (yEd, Gephi, networkx)", "graphformats:generate_graphml"),
    Format("gexf", ".gexf", "GEXF 1.2 (Gephi)", "graphformats:generate_gexf"),
    Format("node-link", ".json", "networkx node-link JSON (d3)", "graphformats:generate_node_link",
           aliases=("nodelink", "networkx", "json")),
)}
_BY_ALIAS = {alias: f for f in FORMATS.values() for alias in (f.name, *f.aliases)}
NAMES = tuple(_BY_ALIAS)  # every accepted name, canonical names first


def get_format(name: str) -> Format:
    """The format called ``name`` (or one of its aliases, in any case)."""
    try:
        return _BY_ALIAS[name.lower()]
    except KeyError:
        raise KgraphError(f"unknown format {name!r}; choose one of {', '.join(FORMATS)}") from None


def format_for_path(path: str | Path) -> Format | None:
    """The format a file's suffix names, if any (``.ttl`` → turtle)."""
    suffix = Path(path).suffix.lower()
    return next((f for f in FORMATS.values() if suffix in (f.suffix, *f.other_suffixes)), None)


def generate(G, fmt: str) -> bytes:
    """The graph ``G`` written in format ``fmt``."""
    f = get_format(fmt)
    module, function = f.writer.split(":")
    return getattr(import_module(f".{module}", __package__), function)(G, *f.args)
