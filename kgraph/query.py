"""Answer questions about a built graph from its SQLite index."""
from __future__ import annotations

import difflib
import json
from dataclasses import asdict, dataclass

from .errors import AmbiguousEntity, EntityNotFound
from .index import connect, locate
from .names import fold


@dataclass
class Neighbor:
    """An entity co-mentioned with the queried one."""

    label: str
    type: str
    weight: int  # papers mentioning both
    association: float
    papers: list[str]  # titles of those papers

    def as_dict(self) -> dict:
        return asdict(self)


def resolve(con, name: str):
    """The entity row a name designates: label or alias, in any case, plural
    or hyphenation. Raises EntityNotFound (with close matches) or AmbiguousEntity."""
    key = fold(name)
    rows = []
    # "gpus" typed in lower case keeps its s in fold() (think "corpus"): try without
    for candidate in (key, key[:-1]) if key.endswith("s") else (key,):
        rows = con.execute(
            "SELECT e.*, n.is_label FROM name n JOIN entity e ON e.id = n.entity WHERE n.key = ? "
            "ORDER BY n.is_label DESC, e.papers DESC, e.label",
            (candidate,),
        ).fetchall()
        if rows:
            break
    if not rows:
        keys = [r[0] for r in con.execute("SELECT DISTINCT key FROM name")]
        close = difflib.get_close_matches(key, keys, n=5, cutoff=0.75)
        labels = []
        for k in close:
            row = con.execute(
                "SELECT e.label FROM name n JOIN entity e ON e.id = n.entity WHERE n.key = ? "
                "ORDER BY n.is_label DESC, e.papers DESC LIMIT 1", (k,)
            ).fetchone()
            if row and row[0] not in labels:
                labels.append(row[0])
        raise EntityNotFound(name, labels[:5])
    labels = [r for r in rows if r["is_label"]]
    if len(labels) == 1:
        return labels[0]
    if len(rows) == 1:
        return rows[0]
    raise AmbiguousEntity(name, [f"{r['label']} ({r['type']})" for r in rows])


def neighbors(name: str, graph=None, *, types=None, min_weight: int = 1, limit: int | None = None) -> list[Neighbor]:
    """Entities co-mentioned with ``name``, strongest first (weight, then
    association strength, then label)."""
    index, _ = locate(graph)
    con = connect(index)
    try:
        entity = resolve(con, name)
        sql = (
            "SELECT e.label, e.type, g.weight, g.association, g.papers FROM edge g "
            "JOIN entity e ON e.id = g.b WHERE g.a = ? AND g.weight >= ?"
        )
        args: list = [entity["id"], min_weight]
        if types:
            sql += f" AND e.type IN ({','.join('?' * len(types))})"
            args.extend(types)
        sql += " ORDER BY g.weight DESC, g.association DESC, e.label"
        if limit:
            sql += " LIMIT ?"
            args.append(limit)
        rows = con.execute(sql, args).fetchall()
        titles = dict(con.execute("SELECT id, title FROM paper").fetchall()) if rows else {}
        return [
            Neighbor(r["label"], r["type"], r["weight"], r["association"],
                     [titles[i] for i in json.loads(r["papers"])])
            for r in rows
        ]
    finally:
        con.close()


def entity(name: str, graph=None) -> dict:
    """The entity a name designates, as a dict (label, type, papers, aliases, broader)."""
    index, _ = locate(graph)
    con = connect(index)
    try:
        row = resolve(con, name)
        return {
            "label": row["label"], "type": row["type"], "iri": row["iri"], "papers": row["papers"],
            "aliases": json.loads(row["aliases"]), "broader": json.loads(row["broader"]),
            "discovered": bool(row["discovered"]),
        }
    finally:
        con.close()
