"""kgraph: turn listings of research papers into a knowledge graph.

    >>> import kgraph
    >>> result = kgraph.build(["seeds"], "output")
    >>> kgraph.neighbors("GPU", "output", limit=3).neighbors

Submodules are imported on first use, so ``import kgraph`` stays cheap.
"""
from importlib import import_module

__all__ = [
    "build",
    "build_graph_from",
    "load_graph",
    "html_page",
    "neighbors",
    "entity",
    "search",
    "shortest_path",
    "stats",
    "papers_mentioning",
    "read_listings",
    "read_papers",
    "push",
    "extract_corpus",
    "Extractor",
    "load_vocabulary",
    "graph_triples",
    "serialize",
    "to_rdflib",
    "read_graph",
    "generate",
    "validate",
    "sparql",
    "write_html",
    "KgraphError",
    "InputError",
    "OutputError",
    "GraphNotFound",
    "EntityNotFound",
    "AmbiguousEntity",
    "NoPath",
]

_HOME = {
    "build": "pipeline",
    "build_graph_from": "pipeline",
    "load_graph": "pipeline",
    "html_page": "pipeline",
    "neighbors": "query",
    "entity": "query",
    "search": "query",
    "shortest_path": "query",
    "stats": "query",
    "papers_mentioning": "query",
    "read_listings": "ingest",
    "read_papers": "pipeline",
    "push": "sparql",
    "extract_corpus": "extract",
    "Extractor": "extract",
    "load_vocabulary": "vocabulary",
    "graph_triples": "rdf",
    "serialize": "rdf",
    "to_rdflib": "rdf",
    "read_graph": "rdf",
    "generate": "formats",
    "validate": "shacl",
    "sparql": "triplestore",
    "write_html": "render",
    "KgraphError": "errors",
    "InputError": "errors",
    "OutputError": "errors",
    "GraphNotFound": "errors",
    "EntityNotFound": "errors",
    "AmbiguousEntity": "errors",
    "NoPath": "errors",
}


def __getattr__(name):
    if name in _HOME:
        value = getattr(import_module(f".{_HOME[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kgraph' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + __all__)
