"""Answer questions about a built graph from its SQLite index.

Each function takes the graph (a folder written by ``kgraph build`` or an RDF
file kgraph wrote; default ``output/``; or an open index connection, as
``kgraph.sparql`` makes from a store) and returns plain dataclasses of
labels, titles and numbers (``as_dict()`` gives the documented JSON), so
another backend can give the same answers. Only the standard library runs
here (rapidfuzz is imported for close matches): no rdflib, networkx or pyvis.

Names resolve forgivingly (``resolve``): any case, hyphenation, spacing or
plural of a label or alias, and a name padded with words of the entity's
broader concepts or type ("NVIDIA H100 GPUs", "Hopper H100").
"""
from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

from .errors import AmbiguousEntity, EntityNotFound, NoPath
from .index import connect, locate
from .names import compact, fold

SORTS = ("weight", "association")


class _Record:
    """A query result: plain data, its ``as_dict()`` the ``--json`` object."""

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class EntityRef(_Record):
    label: str
    type: str
    papers: int  # papers mentioning it


@dataclass
class PaperRef(_Record):
    id: str
    title: str
    published: str | None
    upvotes: int | None


@dataclass
class Neighbor(_Record):
    """An entity reached from the queried one by co-mentions."""

    label: str
    type: str
    weight: int  # papers on the last hop (depth 1: papers mentioning both); the path's smallest
    association: float  # association strength, the path's smallest
    papers: list[str]  # titles of the last hop's papers
    depth: int = 1
    path: list[str] = field(default_factory=list)  # labels from the queried entity to this one


@dataclass
class Neighborhood(_Record):
    entity: EntityRef
    narrower: list[str]  # narrower concepts counted as the entity (include_narrower)
    papers: int  # papers mentioning the entity or one of those
    total: int  # neighbors before the limit
    neighbors: list[Neighbor]


@dataclass
class Card(_Record):
    """Everything the graph says about one entity."""

    label: str
    type: str
    iri: str
    definition: str | None
    discovered: bool  # found in the text, not in a vocabulary
    aliases: list[str]
    broader: list[EntityRef]
    narrower: list[EntityRef]
    papers: int
    introduced_in: list[PaperRef]
    mentioned_in: list[PaperRef]
    comentions: list[Neighbor]


@dataclass
class Hop(_Record):
    source: str
    target: str
    weight: int
    association: float
    papers: list[str]


@dataclass
class Path(_Record):
    source: EntityRef
    target: EntityRef
    hops: list[Hop]


@dataclass
class EntityHit(_Record):
    label: str
    type: str
    papers: int
    matched: str  # the label or alias that matched
    score: float


@dataclass
class PaperHit(_Record):
    id: str
    title: str
    published: str | None
    score: float


@dataclass
class SearchResult(_Record):
    query: str
    entity_matches: int
    paper_matches: int
    entities: list[EntityHit]
    papers: list[PaperHit]


@dataclass
class Hub(_Record):
    label: str
    type: str
    degree: int  # entities co-mentioned with it
    papers: int


@dataclass
class Pair(_Record):
    a: str
    b: str
    weight: int
    association: float


@dataclass
class Stats(_Record):
    papers: int
    entities: int
    comentions: int
    by_type: dict[str, int]
    densest: list[Hub]
    strongest: list[Pair]


@dataclass
class PaperSet(_Record):
    entities: list[EntityRef]
    narrower: dict[str, list[str]]  # per entity label, the narrower concepts counted as it
    total: int
    papers: list[PaperRef]


@contextmanager
def _opened(graph):
    if isinstance(graph, sqlite3.Connection):  # an open index (``kgraph.sparql`` fills one from a store)
        yield graph
        return
    index, _ = locate(graph)
    con = connect(index)
    try:
        yield con
    finally:
        con.close()


def _ids(values) -> str:
    """A JSON array for ``IN (SELECT value FROM json_each(?))``: no limit on the number of values."""
    return json.dumps(sorted(values))


# --- names -------------------------------------------------------------------

def _singulars(key: str) -> list[str]:
    """``key`` and its last word made singular ("strategies", "gpus", "batches")."""
    out = [key]
    if key.endswith("s") and len(key) > 2:
        out.append(key[:-1])
    if key.endswith("ies") and len(key) > 4:
        out.append(key[:-3] + "y")
    if key.endswith("es") and len(key) > 3:
        out.append(key[:-2])
    return out


def _named(con, column: str, values: list[str]):
    return con.execute(
        f"SELECT e.*, max(n.is_label) AS is_label FROM name n JOIN entity e ON e.id = n.entity "
        f"WHERE n.{column} IN (SELECT value FROM json_each(?)) GROUP BY e.id "
        "ORDER BY is_label DESC, e.papers DESC, e.label",
        (json.dumps(values),),
    ).fetchall()


def _lookup(con, keys: list[str]):
    """Entities with a name folding to one of ``keys`` (or a singular of it,
    or the same without spaces), the first key that names any."""
    variants = list(dict.fromkeys(v for k in keys for v in _singulars(k)))
    for variant in variants:
        rows = _named(con, "key", [variant])
        if rows:
            return rows
    return _named(con, "compact", [compact(v) for v in variants])


def _context_words(con, entity_id: int, type_: str) -> set[str]:
    """Words that may pad a name of the entity: those of its own names, of
    its broader concepts' names (transitively) and its type."""
    keys = con.execute(
        "WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT b.parent FROM broader b JOIN up ON b.entity = up.id) "
        "SELECT key FROM name WHERE entity IN (SELECT id FROM up)",
        (entity_id,),
    ).fetchall()
    return {w for (k,) in keys for w in k.split()} | {type_.lower()}


def _padded(con, key: str):
    """Entities named by a span of ``key`` whose other words all belong to
    the entity's context ("nvidia h100 gpu", "hopper h100"); longest span first."""
    words = key.split()
    for size in range(len(words) - 1, 0, -1):
        found = {}
        for start in range(len(words) - size + 1):
            rest = words[:start] + words[start + size:]
            for row in _lookup(con, [" ".join(words[start:start + size])]):
                if row["id"] in found:
                    continue
                context = _context_words(con, row["id"], row["type"])
                if all(any(v in context for v in _singulars(w)) for w in rest):
                    found[row["id"]] = row
        if found:
            return sorted(found.values(), key=lambda r: (-r["is_label"], -r["papers"], r["label"]))
    return []


def _closest(con, key: str, n: int = 5) -> list[str]:
    """Labels of the entities whose names are spelled closest to ``key``, or
    are words of it ("gpu cluster" → GPU)."""
    from rapidfuzz import fuzz, process

    names = con.execute(
        "SELECT n.key, e.label, e.papers FROM name n JOIN entity e ON e.id = n.entity ORDER BY n.key, e.label"
    ).fetchall()
    keys = [r[0] for r in names]
    best: dict[str, float] = {}
    for scorer in (fuzz.ratio, fuzz.token_set_ratio):
        for _, score, i in process.extract(key, keys, scorer=scorer, score_cutoff=75, limit=None):
            label = names[i][1]
            best[label] = max(best.get(label, 0), score)
    papers = {r[1]: r[2] for r in names}
    return sorted(best, key=lambda label: (-best[label], -papers[label], label))[:n]


def _pick(name: str, rows):
    if len(rows) == 1:
        return rows[0]
    labels = [r for r in rows if r["is_label"]]
    if len(labels) == 1:
        return labels[0]
    raise AmbiguousEntity(name, [f"{r['label']} ({r['type']})" for r in rows])


def resolve(con, name: str):
    """The entity row ``name`` designates. Raises EntityNotFound (with the
    closest names) or AmbiguousEntity (with the candidates)."""
    key = fold(name)
    # fold() drops a final "s" by its case ("GPUs", not "AWS"); upper-cased, the name keeps
    # every letter: a name spelled exactly so comes first ("ems": EMS, not EM), then singulars
    rows = (_lookup(con, [fold(name.upper()), key]) or _padded(con, key)) if key else []
    if not rows:
        raise EntityNotFound(name, _closest(con, key) if key else [])
    return _pick(name, rows)


def _ref(row) -> EntityRef:
    return EntityRef(row["label"], row["type"], row["papers"])


def _entities(con, ids) -> dict:
    return {r["id"]: r for r in con.execute(
        "SELECT id, label, type, papers FROM entity WHERE id IN (SELECT value FROM json_each(?))", (_ids(ids),))}


def _titles(con, paper_ids) -> dict[int, str]:
    return dict(con.execute(
        "SELECT id, title FROM paper WHERE id IN (SELECT value FROM json_each(?))", (_ids(paper_ids),)))


def _narrower_ids(con, entity_id: int) -> list[int]:
    """The narrower concepts of an entity, transitively."""
    return [r[0] for r in con.execute(
        "WITH RECURSIVE down(id) AS (SELECT ? UNION SELECT b.entity FROM broader b JOIN down ON b.parent = down.id) "
        "SELECT id FROM down WHERE id != ? ORDER BY id", (entity_id, entity_id))]


def _papers_of(con, group) -> list[int]:
    return [r[0] for r in con.execute(
        "SELECT DISTINCT paper FROM mention WHERE entity IN (SELECT value FROM json_each(?)) ORDER BY paper",
        (_ids(group),))]


# --- co-mention traversal ----------------------------------------------------

@dataclass
class _Reach:
    depth: int
    weight: int  # smallest along the path
    association: float  # smallest along the path
    parent: int | None  # None: reached from the start
    hop: tuple  # (weight, association, papers JSON) of the last hop


def _first_hop(con, group: list[int]) -> tuple[int, dict[int, tuple]]:
    """(papers of the group, {entity: (weight, association, papers JSON)})
    for the entities co-mentioned with a group of entities taken as one."""
    if len(group) == 1:
        count = con.execute("SELECT papers FROM entity WHERE id = ?", group).fetchone()[0]
        rows = con.execute("SELECT b, weight, association, papers FROM edge WHERE a = ?", group)
        return count, {b: (w, a, ps) for b, w, a, ps in rows}
    mine = _papers_of(con, group)
    n = int(con.execute("SELECT value FROM meta WHERE key = 'papers'").fetchone()[0])
    shared: dict[int, list[int]] = {}
    sizes: dict[int, int] = {}
    for entity_id, paper, size in con.execute(
        "SELECT m.entity, m.paper, e.papers FROM mention m JOIN entity e ON e.id = m.entity "
        "WHERE m.paper IN (SELECT value FROM json_each(?)) AND m.entity NOT IN (SELECT value FROM json_each(?)) "
        "ORDER BY m.entity, m.paper", (_ids(mine), _ids(group))):
        shared.setdefault(entity_id, []).append(paper)
        sizes[entity_id] = size
    # the association strength of graph.py, with the group's papers as one entity's
    return len(mine), {
        b: (len(ps), round(n * len(ps) / (len(mine) * sizes[b]), 6), json.dumps(ps))
        for b, ps in shared.items()
    }


def _rank(sort: str):
    return (lambda r: (r.weight, r.association)) if sort == "weight" else (lambda r: (r.association, r.weight))


def _reach(con, first: dict, start: set[int], *, depth: int | None, min_weight: int, sort: str,
           target: int | None = None) -> dict[int, _Reach]:
    """Entities within ``depth`` co-mention hops (None: any) of ``start``,
    over hops of at least ``min_weight`` papers, each by a shortest path: the
    widest one, whose smallest hop is largest by ``sort``. Stops at ``target``."""
    rank = _rank(sort)
    layer = {b: _Reach(1, w, a, None, (w, a, ps)) for b, (w, a, ps) in sorted(first.items())
             if w >= min_weight and b not in start}
    reached = dict(layer)
    level = 1
    while layer and (depth is None or level < depth) and target not in reached:
        level += 1
        nxt: dict[int, _Reach] = {}
        for a_id, b, w, a, ps in con.execute(
            "SELECT a, b, weight, association, papers FROM edge "
            "WHERE a IN (SELECT value FROM json_each(?)) AND weight >= ? ORDER BY a, b",
            (_ids(layer), min_weight)):
            if b in start or b in reached:
                continue
            prev = layer[a_id]
            new = _Reach(level, min(prev.weight, w), min(prev.association, a), a_id, (w, a, ps))
            if b not in nxt or rank(new) > rank(nxt[b]):
                nxt[b] = new
        reached.update(nxt)
        layer = nxt
    return reached


def _path_ids(reached: dict[int, _Reach], end: int) -> list[int]:
    ids = [end]
    while reached[ids[-1]].parent is not None:
        ids.append(reached[ids[-1]].parent)
    return ids[::-1]


def _sorted_titles(titles: dict[int, str], papers_json: str) -> list[str]:
    return sorted(titles[p] for p in json.loads(papers_json))


# --- queries -----------------------------------------------------------------

def neighbors(name: str, graph=None, *, types=None, min_weight: int = 1, limit: int | None = None,
              depth: int = 1, sort: str = "weight", include_narrower: bool = False) -> Neighborhood:
    """Entities co-mentioned with ``name``, nearest first, then strongest by
    ``sort`` ("weight": shared papers, or "association"), then by label.

    ``depth`` > 1 adds neighbors of neighbors, each with its path (see
    ``_reach``); ``types`` keeps only rows of those types (paths may pass
    through any type). ``include_narrower`` counts the papers of the
    entity's narrower concepts as its own.
    """
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    with _opened(graph) as con:
        return _neighborhood(con, resolve(con, name), types=types, min_weight=min_weight, limit=limit,
                             depth=depth, sort=sort, include_narrower=include_narrower)


def _neighborhood(con, me, *, types=None, min_weight=1, limit=None, depth=1, sort="weight",
                  include_narrower=False) -> Neighborhood:
    group = [me["id"], *(_narrower_ids(con, me["id"]) if include_narrower else ())]
    count, first = _first_hop(con, group)
    reached = _reach(con, first, set(group), depth=depth, min_weight=min_weight, sort=sort)
    info = _entities(con, {*reached, *group})
    rank = _rank(sort)
    order = sorted(
        (i for i in reached if not types or info[i]["type"] in types),
        key=lambda i: (reached[i].depth, *(-x for x in rank(reached[i])), info[i]["label"]),
    )
    shown = order[:limit] if limit else order
    titles = _titles(con, {p for i in shown for p in json.loads(reached[i].hop[2])})
    rows = [
        Neighbor(info[i]["label"], info[i]["type"], reached[i].weight, reached[i].association,
                 _sorted_titles(titles, reached[i].hop[2]), reached[i].depth,
                 [me["label"], *(info[j]["label"] for j in _path_ids(reached, i))])
        for i in shown
    ]
    narrower = sorted(info[i]["label"] for i in group[1:])
    return Neighborhood(_ref(me), narrower, count, len(order), rows)


def entity(name: str, graph=None, *, limit: int | None = 10) -> Card:
    """The card of the entity ``name``: names, hierarchy, papers (by title)
    and its ``limit`` strongest co-mentions (``limit`` also caps the papers)."""
    with _opened(graph) as con:
        row = resolve(con, name)
        broader = [_ref(r) for r in con.execute(
            "SELECT e.* FROM broader b JOIN entity e ON e.id = b.parent WHERE b.entity = ? ORDER BY e.label",
            (row["id"],))]
        narrower = [_ref(r) for r in con.execute(
            "SELECT e.* FROM broader b JOIN entity e ON e.id = b.entity WHERE b.parent = ? ORDER BY e.label",
            (row["id"],))]
        papers = con.execute(
            "SELECT p.pid, p.title, p.published, p.upvotes, m.introduces FROM mention m "
            "JOIN paper p ON p.id = m.paper WHERE m.entity = ? ORDER BY p.title, p.pid", (row["id"],)).fetchall()
        introduced = [PaperRef(*p[:4]) for p in papers if p["introduces"]]
        mentioned = [PaperRef(*p[:4]) for p in papers]
        top = _neighborhood(con, row, limit=limit).neighbors
    return Card(
        row["label"], row["type"], row["iri"], row["definition"], bool(row["discovered"]),
        json.loads(row["aliases"]), broader, narrower, row["papers"],
        introduced, mentioned[:limit] if limit else mentioned, top,
    )


def shortest_path(source: str, target: str, graph=None, *, min_weight: int = 1, sort: str = "weight") -> Path:
    """The shortest co-mention path from ``source`` to ``target`` over hops of
    at least ``min_weight`` papers; among shortest paths the widest (see
    ``_reach``). Raises NoPath when none exists."""
    with _opened(graph) as con:
        a, b = resolve(con, source), resolve(con, target)
        if a["id"] == b["id"]:
            return Path(_ref(a), _ref(b), [])
        _, first = _first_hop(con, [a["id"]])
        reached = _reach(con, first, {a["id"]}, depth=None, min_weight=min_weight, sort=sort, target=b["id"])
        if b["id"] not in reached:
            at_least = f" with at least {min_weight} shared papers per hop" if min_weight > 1 else ""
            raise NoPath(f"no co-mention path between {a['label']!r} and {b['label']!r}{at_least}.")
        ids = [a["id"], *_path_ids(reached, b["id"])]
        info = _entities(con, ids)
        titles = _titles(con, {p for i in ids[1:] for p in json.loads(reached[i].hop[2])})
        hops = [Hop(info[x]["label"], info[y]["label"], reached[y].hop[0], reached[y].hop[1],
                    _sorted_titles(titles, reached[y].hop[2])) for x, y in zip(ids, ids[1:])]
        return Path(_ref(a), _ref(b), hops)


_WORD = re.compile(r"[^\W_]+(?:\.\d+)*")


def _words(text: str) -> list[str]:
    """Lower-case words, each singular ("GPUs" and "gpu" alike)."""
    out = []
    for w in _WORD.findall(text.lower()):
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
            w = w[:-1]
        out.append(w)
    return out


def _match(query: list[str], words: list[str]) -> float:
    """How well ``words`` (a name or title) match the query's words: 100
    equal, 90 starts with them, 80 contains them in order, 75 contains them
    all (as word starts), 70 contains them glued; 0 otherwise."""
    if words == query:
        return 100
    n = len(query)
    if words[:n - 1] == query[:-1] and len(words) >= n and words[n - 1].startswith(query[-1]):
        return 90
    if any(words[i:i + n] == query for i in range(1, len(words) - n + 1)):
        return 80
    if all(any(w.startswith(q) for w in words) for q in query):
        return 75
    return 70 if "".join(query) in "".join(words) else 0


def search(text: str, graph=None, *, types=None, limit: int | None = 10) -> SearchResult:
    """Entities and papers whose labels, aliases or titles match ``text``,
    best first: by ``_match`` (a close spelling scores up to 60), then by
    paper count or upvotes. ``types`` may include "Paper"."""
    from rapidfuzz import fuzz

    query = _words(text)
    folded = fold(text)
    if not query:
        return SearchResult(text, 0, 0, [], [])
    glued = "".join(query)
    fuzzy = len(glued) >= 4  # shorter strings are close to too much

    def score(words: list[str], partial: bool) -> float:
        s = _match(query, words)
        if s or not fuzzy:
            return s
        similar = (fuzz.partial_ratio if partial else fuzz.ratio)(" ".join(query), " ".join(words))
        return round(0.6 * similar, 1) if similar >= 85 else 0

    with _opened(graph) as con:
        best: dict[int, tuple[float, str]] = {}
        if not types or set(types) - {"Paper"}:
            for key, name_text, entity_id in con.execute(
                    "SELECT n.key, n.text, n.entity FROM name n JOIN entity e ON e.id = n.entity "
                    "ORDER BY n.is_label DESC, n.key"):
                s = score(_words(key), partial=False)
                so_far = best.get(entity_id, (0, ""))[0]
                if s > so_far or (s and s == so_far and key == folded):  # the very name typed
                    best[entity_id] = (s, name_text)
        info = {r["id"]: r for r in con.execute("SELECT * FROM entity WHERE id IN (SELECT value FROM json_each(?))",
                                                (_ids(best),))}
        entities = sorted(
            (EntityHit(info[i]["label"], info[i]["type"], info[i]["papers"], matched, s)
             for i, (s, matched) in best.items() if not types or info[i]["type"] in types),
            key=lambda h: (-h.score, -h.papers, h.label),
        )
        papers = []
        if not types or "Paper" in types:
            hits = []
            for pid, title, published, upvotes in con.execute("SELECT pid, title, published, upvotes FROM paper"):
                s = score(_words(title), partial=True)
                if s:
                    hits.append((-s, -(upvotes or 0), title, pid, PaperHit(pid, title, published, s)))
            papers = [h[-1] for h in sorted(hits)]
    return SearchResult(text, len(entities), len(papers), entities[:limit] if limit else entities,
                        papers[:limit] if limit else papers)


def stats(graph=None, *, limit: int | None = 10) -> Stats:
    """Counts by type, the entities with the most co-mentioned others and the
    pairs co-mentioned in the most papers."""
    cap = limit or -1  # SQLite: LIMIT -1 is no limit
    with _opened(graph) as con:
        by_type = dict(con.execute("SELECT type, count(*) FROM entity GROUP BY type ORDER BY type"))
        densest = [Hub(*r) for r in con.execute(
            "SELECT e.label, e.type, count(g.b) AS degree, e.papers FROM entity e LEFT JOIN edge g ON g.a = e.id "
            "GROUP BY e.id ORDER BY degree DESC, e.papers DESC, e.label LIMIT ?", (cap,))]
        strongest = [Pair(*r) for r in con.execute(
            "SELECT min(x.label, y.label), max(x.label, y.label), g.weight, g.association FROM edge g "
            "JOIN entity x ON x.id = g.a JOIN entity y ON y.id = g.b WHERE g.a < g.b "
            "ORDER BY g.weight DESC, g.association DESC, 1, 2 LIMIT ?", (cap,))]
        papers, = con.execute("SELECT count(*) FROM paper").fetchone()
        edges, = con.execute("SELECT count(*) FROM edge").fetchone()
        return Stats(papers, sum(by_type.values()), edges // 2, by_type, densest, strongest)


def papers_mentioning(names: list[str], graph=None, *, include_narrower: bool = False,
                      limit: int | None = None) -> PaperSet:
    """Papers that mention every one of ``names`` (by title). With
    ``include_narrower``, a narrower concept's mention counts for the broader."""
    with _opened(graph) as con:
        rows = [resolve(con, n) for n in names]
        common: set[int] | None = None
        narrower: dict[str, list[str]] = {}
        for row in rows:
            extra = _narrower_ids(con, row["id"]) if include_narrower else []
            if extra:
                narrower[row["label"]] = sorted(r["label"] for r in _entities(con, extra).values())
            mine = set(_papers_of(con, [row["id"], *extra]))
            common = mine if common is None else common & mine
        found = [PaperRef(*r) for r in con.execute(
            "SELECT pid, title, published, upvotes FROM paper WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY title, pid", (_ids(common or ()),))]
    return PaperSet([_ref(r) for r in rows], narrower, len(found), found[:limit] if limit else found)
