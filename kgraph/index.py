"""A SQLite index of a built graph, made for answering queries fast.

``kgraph build`` writes it beside the Turtle; queries open it with the
standard library alone (no rdflib, networkx or pyvis on the query path).
A Turtle file given with ``--graph`` is indexed once into the user's cache.

Tables: ``entity``; ``broader`` (its ``skos:broader`` links, for narrower
concepts and name context); ``name`` (every label, alias and hidden label,
folded, and without spaces); ``paper``; ``mention``; ``edge`` (co-mentions,
stored both ways, with their papers' ids).
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from .errors import GraphNotFound
from .names import compact, fold

INDEX_NAME = "index.sqlite"
TURTLE_NAME = "graph.ttl"
HTML_NAME = "graph.html"
SCHEMA_VERSION = "2"

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entity(
    id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, label TEXT NOT NULL, type TEXT NOT NULL,
    papers INTEGER NOT NULL, aliases TEXT NOT NULL, definition TEXT, discovered INTEGER NOT NULL);
CREATE TABLE broader(entity INTEGER NOT NULL, parent INTEGER NOT NULL);
CREATE TABLE name(key TEXT NOT NULL, compact TEXT NOT NULL, text TEXT NOT NULL, entity INTEGER NOT NULL,
    is_label INTEGER NOT NULL);
CREATE TABLE paper(
    id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, pid TEXT NOT NULL, title TEXT NOT NULL,
    published TEXT, upvotes INTEGER, authors INTEGER, organization TEXT);
CREATE TABLE mention(paper INTEGER NOT NULL, entity INTEGER NOT NULL, introduces INTEGER NOT NULL);
CREATE TABLE edge(a INTEGER NOT NULL, b INTEGER NOT NULL, weight INTEGER NOT NULL,
    association REAL NOT NULL, papers TEXT NOT NULL);
"""
_INDEXES = """
CREATE INDEX name_key ON name(key);
CREATE INDEX name_compact ON name(compact);
CREATE INDEX broader_entity ON broader(entity);
CREATE INDEX broader_parent ON broader(parent);
CREATE INDEX edge_a ON edge(a, weight DESC);
CREATE INDEX mention_entity ON mention(entity);
CREATE INDEX mention_paper ON mention(paper);
"""


def name_rows(entity_id: int, label: str, aliases) -> list[tuple]:
    """The ``name`` table's rows for one entity: each folded name once (the
    label's first), with its compact key and the text it was written as."""
    keys = {fold(label): (label, 1)}
    for a in aliases:
        keys.setdefault(fold(a), (a, 0))
    return [(k, compact(k), text, entity_id, is_label) for k, (text, is_label) in keys.items()]


def write_index(G, path: str | os.PathLike, source: str = "") -> None:
    """Write the query index of graph ``G`` to ``path`` (atomically)."""
    from .files import atomic_path
    from .graph import comention_edges, entity_nodes, paper_nodes

    with atomic_path(path) as tmp:
        con = sqlite3.connect(tmp)
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        entities = entity_nodes(G)
        eid = {iri: i for i, iri in enumerate(entities, 1)}
        papers = paper_nodes(G)
        pid = {iri: i for i, iri in enumerate(papers, 1)}
        rows, names, broader = [], [], []
        for iri in entities:
            d = G.nodes[iri]
            rows.append((eid[iri], iri, d["label"], d["type"], len(d["papers"]),
                         json.dumps(d["aliases"], ensure_ascii=False), d.get("definition"),
                         0 if d["in_vocabulary"] else 1))
            broader.extend((eid[iri], eid[b]) for b in d["broader"] if b in eid)
            names.extend(name_rows(eid[iri], d["label"], (*d["aliases"], *d["hidden_labels"])))
        con.executemany("INSERT INTO entity VALUES (?,?,?,?,?,?,?,?)", rows)
        con.executemany("INSERT INTO broader VALUES (?,?)", sorted(broader))
        con.executemany("INSERT INTO name VALUES (?,?,?,?,?)", names)
        nodes = G.nodes
        con.executemany(
            "INSERT INTO paper VALUES (?,?,?,?,?,?,?,?)",
            [(pid[iri], iri, d["id"], d["title"], d["published"], d["upvotes"], d["authors"], d["organization"])
             for iri, d in ((iri, nodes[iri]) for iri in papers)],
        )
        adjacency = dict(G.adjacency())
        mentions = sorted(
            (pid[iri], eid[e], int(d["introduces"]))
            for iri in papers for e, d in adjacency[iri].items() if d["relation"] == "mentions"
        )
        con.executemany("INSERT INTO mention VALUES (?,?,?)", mentions)
        edges = []
        number = {iri: str(i) for iri, i in pid.items()}.__getitem__
        for a, b, d in comention_edges(G):
            # json.dumps of a list of ints, made directly: the same text
            ps = "[" + ", ".join(map(number, d["papers"])) + "]"
            edges.append((eid[a], eid[b], d["weight"], d["association"], ps))
            edges.append((eid[b], eid[a], d["weight"], d["association"], ps))
        con.executemany("INSERT INTO edge VALUES (?,?,?,?,?)", edges)
        con.executescript(_INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", [
            ("schema", SCHEMA_VERSION), ("source", source),
            ("papers", str(len(papers))), ("entities", str(len(entities))),
            ("comentions", str(len(edges) // 2)),
        ])
        con.commit()
        con.close()


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "kgraph"


def locate(graph: str | os.PathLike | None = None) -> tuple[Path, Path | None]:
    """Find a built graph: a folder written by ``kgraph build`` (default
    ``output/``) or an RDF file kgraph wrote. Returns (index path, RDF path)."""
    target = Path(graph) if graph else Path("output")
    if target.is_dir():
        index, ttl = target / INDEX_NAME, target / TURTLE_NAME
        if index.is_file() and _current(index):
            return index, ttl if ttl.is_file() else None
        if ttl.is_file():
            return _cached_index(ttl), ttl
        if index.is_file():
            raise GraphNotFound(f"{index} was written by an older kgraph. Run `kgraph build` again.")
        hint = "" if graph else " Run `kgraph build` first."
        raise GraphNotFound(f"no graph built in {target}/.{hint}")
    if target.is_file():
        sibling = target.parent / INDEX_NAME
        if (target.name == TURTLE_NAME and sibling.is_file() and _current(sibling)
                and sibling.stat().st_mtime >= target.stat().st_mtime):
            return sibling, target
        return _cached_index(target), target
    if graph:
        raise GraphNotFound(f"{target}: no such graph folder or file")
    raise GraphNotFound("no graph built yet (no output/ folder). Run `kgraph build` first.")


def _cached_index(rdf_path: Path) -> Path:
    """Index an RDF file once, keyed by its content hash."""
    import hashlib

    digest = hashlib.sha256(rdf_path.read_bytes()).hexdigest()[:24]
    index = cache_dir() / f"{digest}.v{SCHEMA_VERSION}.sqlite"
    if not index.is_file():
        from .errors import InputError
        from .rdf import read_graph

        try:
            G = read_graph(rdf_path)
        except (SyntaxError, ValueError, OSError) as e:
            raise InputError(f"{rdf_path}: not RDF that kgraph can read ({e})") from None
        if not any(d.get("kind") == "entity" for d in G.nodes.values()):
            raise InputError(f"{rdf_path}: no kgraph entities in this RDF")
        write_index(G, index, source=str(rdf_path))
    return index


def _current(index: Path) -> bool:
    """Whether an index file has this kgraph's schema."""
    try:
        con = connect(index)
        try:
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        return False
    return row is not None and row[0] == SCHEMA_VERSION


def connect(index: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"file:{index}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    return con
