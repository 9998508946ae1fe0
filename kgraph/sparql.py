"""A SPARQL 1.1 store as kgraph's back end, for graphs past one machine.

``push`` loads a built graph into any store that speaks the SPARQL 1.1 Graph
Store HTTP Protocol (Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso, ...),
in N-Triples batches, retrying what fails for transient reasons.
``neighbors``, ``entity``, ``shortest_path``, ``papers_mentioning``,
``search`` and ``stats`` answer from a SPARQL query endpoint with the same
records as ``kgraph.query`` gives from the local index (see ``StoreSlice``);
``run_query`` runs any query there. Names go into queries as escaped
literals (``sparql_literal``).

Only the standard library is used (urllib), and pyoxigraph to stream the
graph's Turtle for ``push`` and to read ``run_query``'s answers.
"""
from __future__ import annotations

import base64
import json
import sqlite3
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .errors import EntityNotFound, KgraphError
from .names import fold

TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")
_PREFIXES = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
_ENTITY_TYPES = "kg:" + ", kg:".join(TYPES)
_RETRY_STATUS = {408, 429, 500, 502, 503, 504}


class EndpointError(KgraphError):
    """A SPARQL endpoint cannot be reached, or refused a request."""


# -- literals and IRIs --------------------------------------------------------

_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def sparql_literal(text: str) -> str:
    """``text`` as a SPARQL string literal: quoted, with every character the
    grammar forbids inside ``"..."`` escaped (so no input can end the literal)."""
    out = []
    for c in str(text):
        if c in _ECHAR:
            out.append(_ECHAR[c])
        elif ord(c) < 0x20 or 0xD800 <= ord(c) <= 0xDFFF:
            out.append(f"\\u{ord(c):04X}" if ord(c) < 0x10000 else f"\\U{ord(c):08X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def sparql_iri(iri: str) -> str:
    """``iri`` as ``<...>``; refuses characters an IRI reference cannot hold."""
    if any(c in iri for c in '<>"{}|^`\\') or any(ord(c) <= 0x20 for c in iri):
        raise KgraphError(f"not an IRI: {iri!r}")
    return f"<{iri}>"


# -- HTTP ----------------------------------------------------------------------

@dataclass
class Endpoint:
    """A SPARQL endpoint URL (credentials may be given as ``user:password@``)."""

    url: str
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry; doubled each time

    def __post_init__(self):
        parts = urllib.parse.urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise KgraphError(f"{self.url}: not an http(s) URL of a SPARQL endpoint")
        self._auth = None
        if parts.username:
            user = urllib.parse.unquote(parts.username)
            password = urllib.parse.unquote(parts.password or "")
            self._auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
            netloc = parts.hostname + (f":{parts.port}" if parts.port else "")
            self.url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))

    def request(self, method: str, url: str, data: bytes | None = None, headers=None, *, with_type: bool = False):
        """Send a request, retrying connection failures and 5xx/429 answers;
        return the answer's body (and its media type, ``with_type``)."""
        headers = dict(headers or {})
        if self._auth:
            headers["Authorization"] = self._auth
        delay = self.backoff
        for attempt in range(self.retries + 1):
            req = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as response:
                    body = response.read()
                    return (body, response.headers.get_content_type()) if with_type else body
            except urllib.error.HTTPError as e:
                body = e.read().decode("utf-8", "replace").strip()
                if e.code not in _RETRY_STATUS or attempt == self.retries:
                    first = body.splitlines()[0][:200] if body else e.reason
                    raise EndpointError(f"{self.url}: the store refused the request (HTTP {e.code}: {first})") from None
            except (urllib.error.URLError, OSError) as e:
                if attempt == self.retries:
                    raise EndpointError(f"{self.url}: cannot reach the store ({_reason(e)})") from None
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")

    def select(self, query: str) -> list[dict]:
        """Run a SELECT query; rows as {variable: Python value}."""
        body = urllib.parse.urlencode({"query": query}).encode()
        data = self.request("POST", self.url, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        })
        try:
            results = json.loads(data)
            return [{k: _value(v) for k, v in row.items()} for row in results["results"]["bindings"]]
        except (ValueError, KeyError, TypeError):
            raise EndpointError(f"{self.url}: the answer is not SPARQL JSON results; is this the query endpoint?") from None


def _reason(e: Exception) -> str:
    reason = getattr(e, "reason", e)
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused; is the server running?"
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror
    return str(reason)


def _value(term: dict):
    v = term["value"]
    datatype = term.get("datatype", "")
    if datatype.endswith(("#integer", "#int", "#long")):
        return int(v)
    if datatype.endswith(("#decimal", "#double", "#float")):
        return float(v)
    if datatype.endswith("#boolean"):
        return v in ("true", "1")
    return v


# -- push ----------------------------------------------------------------------

@dataclass
class PushResult:
    triples: int
    batches: int
    seconds: float


def push(endpoint: str, graph=None, *, graph_iri: str | None = None, replace: bool = True,
         batch_size: int = 100_000, retries: int = 3, timeout: float = 120.0) -> PushResult:
    """Load the graph built in ``graph`` (a folder or Turtle file, as for
    queries) into the store's Graph Store endpoint ``endpoint``: into the
    named graph ``graph_iri``, or the default graph. ``replace`` clears that
    graph first (HTTP PUT), else triples are added to it (POST). Batches of
    ``batch_size`` triples are sent as N-Triples; each is retried on failure."""
    import pyoxigraph as ox

    from .index import locate

    _, rdf = locate(graph)
    if rdf is None:
        raise KgraphError(f"{graph or 'output'}: the graph's Turtle file is missing; run `kgraph build` again")
    store = Endpoint(endpoint, timeout=timeout, retries=retries)
    target = endpoint + ("&" if "?" in endpoint else "?") + (
        urllib.parse.urlencode({"graph": graph_iri}) if graph_iri else "default")
    if graph_iri:
        sparql_iri(graph_iri)  # refuse a malformed IRI before sending anything
    headers = {"Content-Type": "application/n-triples"}
    start = time.perf_counter()
    count = batches = 0
    method = "PUT" if replace else "POST"

    def send(batch):
        nonlocal method, batches
        store.request(method, target, ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES), headers)
        method, batches = "POST", batches + 1

    batch = []
    with open(rdf, "rb") as f:
        for t in ox.parse(f, format=ox.RdfFormat.TURTLE):
            batch.append(t)
            count += 1
            if len(batch) >= batch_size:
                send(batch)
                batch = []
    if batch or batches == 0:
        send(batch)
    return PushResult(count, batches, time.perf_counter() - start)


# -- queries -------------------------------------------------------------------
#
# A query against a store fetches, with a few SELECTs, the part of the graph
# the local query reads (the entities a name may designate, an entity's
# papers and co-mentions, the co-mentions of each layer a traversal
# reaches), puts it in an in-memory index of kgraph.index's schema, and runs
# kgraph.query's function on it: the answers are the local ones by
# construction. Rows are numbered in IRI order, as in the index, so that ties
# break alike.

_SQUEEZE = sparql_literal(r"[^\p{L}\p{N}]")


def _squeeze(text: str) -> str:
    """Letters and digits only, lower-cased, as ``REPLACE(LCASE(?x), _SQUEEZE, "")`` gives."""
    return "".join(c for c in text.lower() if c.isalnum())


def _values(var: str, iris) -> str:
    return f"VALUES ?{var} {{ {' '.join(sparql_iri(i) for i in sorted(iris))} }}"


class StoreSlice:
    """The part of a store's graph that one query reads, as an index.

    ``graph_iri``: the named graph holding the graph (None: the default graph).
    """

    BATCH = 500  # IRIs per VALUES clause

    def __init__(self, endpoint: str, graph_iri: str | None = None):
        self.store = Endpoint(endpoint, retries=1)
        self.dataset = f"FROM {sparql_iri(graph_iri)}" if graph_iri else ""
        self.entities: dict[str, dict] = {}
        self.broader: set[tuple[str, str]] = set()
        self.papers: dict[str, dict] = {}
        self.mentions: dict[tuple[str, str], bool] = {}
        self.edges: dict[str, tuple] = {}  # co-mention IRI -> (x, y, weight, association, papers)
        self.edges_of: set[str] = set()  # entities whose co-mentions (of the least weight asked) are here
        self.all_entities = False
        self._paper_count: int | None = None

    def select(self, where: str, variables: str = "*", tail: str = "") -> list[dict]:
        return self.store.select(_PREFIXES + f"SELECT {variables} {self.dataset} WHERE {{ {where} }} {tail}")

    def _batched(self, iris, make):
        iris = sorted(iris)
        rows = []
        for i in range(0, len(iris), self.BATCH):
            rows.extend(make(iris[i : i + self.BATCH]))
        return rows

    # -- entities and names
    def add_entities(self, iris) -> None:
        """Entities with their names, and all their broader concepts (transitively)."""
        todo = set(iris) - set(self.entities)
        if not todo or self.all_entities:
            return
        found = self._batched(todo, lambda b: self.select(
            f"{_values('x', b)} ?x skos:broader* ?e .", "DISTINCT ?e"))
        self._load([r["e"] for r in found if r["e"] not in self.entities])

    def add_all_entities(self) -> None:
        if not self.all_entities:
            self._load(None)
            self.all_entities = True

    def _load(self, iris) -> None:
        if iris is not None and not iris:
            return

        def query(where, variables, batch=None):
            scope = _values("e", batch) if batch is not None else "?e a kg:Entity ."
            return self.select(scope + " " + where, variables)

        def rows(where, variables):
            if iris is None:
                return query(where, variables)
            return self._batched(iris, lambda b: query(where, variables, b))

        fresh = set()
        for r in rows(f"?e rdfs:label ?label ; kg:paperCount ?papers ; kg:discovered ?discovered ; a ?type . "
                      f"FILTER(?type IN ({_ENTITY_TYPES})) OPTIONAL {{ ?e skos:definition ?definition }}",
                      "?e ?label ?type ?papers ?discovered ?definition"):
            if r["e"] not in self.entities:
                fresh.add(r["e"])
                self.entities[r["e"]] = {"label": r["label"], "type": r["type"].rsplit("#", 1)[-1],
                                         "papers": r["papers"], "discovered": r["discovered"] is True,
                                         "definition": r.get("definition"), "aliases": [], "hidden": []}
        for r in rows("{ ?e skos:altLabel ?name BIND(0 AS ?hidden) } UNION { ?e skos:hiddenLabel ?name BIND(1 AS ?hidden) }",
                      "?e ?name ?hidden"):
            if r["e"] in fresh:
                self.entities[r["e"]]["hidden" if r["hidden"] else "aliases"].append(r["name"])
        for r in rows("?e skos:broader ?b", "?e ?b"):
            self.broader.add((r["e"], r["b"]))

    def candidates(self, name: str) -> list[str]:
        """Every entity ``query.resolve`` could take ``name`` for: those with a
        name that, letters and digits alone, is a span of the name's words (or
        its singular, glued, or plural)."""
        from .query import _singulars

        words = fold(name).split()
        spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        spans.add(fold(name.upper()))
        keys = {_squeeze(v) + plural for s in spans for v in _singulars(s) for plural in ("", "s")} - {""}
        if not keys:
            return []
        found = self.select(
            "{ ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name } UNION { ?e skos:hiddenLabel ?name } "
            f"FILTER(REPLACE(LCASE(STR(?name)), {_SQUEEZE}, \"\") IN ({', '.join(map(sparql_literal, sorted(keys)))}))",
            "DISTINCT ?e")
        return [r["e"] for r in found]

    def resolve(self, name: str) -> str:
        """The IRI of the entity ``name`` designates (``query.resolve``'s rules and errors)."""
        from .query import resolve

        self.add_entities(self.candidates(name))
        try:
            return resolve(self.connection(), name)["iri"]
        except EntityNotFound:
            self.add_all_entities()  # the suggestions come from every name
            return resolve(self.connection(), name)["iri"]

    def narrower(self, iri: str) -> list[str]:
        """The narrower concepts of an entity, transitively (added)."""
        rows = self.select(f"?e skos:broader+ {sparql_iri(iri)} .", "DISTINCT ?e")
        self.add_entities(r["e"] for r in rows)
        return sorted(r["e"] for r in rows)

    def children(self, iri: str) -> None:
        self.add_entities(r["e"] for r in self.select(f"?e skos:broader {sparql_iri(iri)} .", "?e"))

    # -- papers, mentions, co-mentions
    def add_papers(self, iris) -> None:
        todo = set(iris) - set(self.papers)
        for r in self._batched(todo, lambda b: self.select(
                f"{_values('p', b)} ?p dcterms:identifier ?pid ; dcterms:title ?title . "
                "OPTIONAL { ?p dcterms:issued ?published } OPTIONAL { ?p kg:upvotes ?upvotes } "
                "OPTIONAL { ?p kg:authorCount ?authors } OPTIONAL { ?p kg:listedOrganization ?organization }")):
            self.papers[r["p"]] = {k: r.get(k) for k in ("pid", "title", "published", "upvotes", "authors",
                                                          "organization")}

    def add_mentions(self, *, entities=(), papers=()) -> None:
        """The mentions of ``entities``, or in ``papers``; with their papers and entities."""
        found = []
        for var, iris in (("e", entities), ("p", papers)):
            found += self._batched(iris, lambda b: self.select(
                f"{_values(var, b)} ?p kg:mentions ?e . BIND(EXISTS {{ ?p kg:introduces ?e }} AS ?introduces)",
                "?p ?e ?introduces"))
        for r in found:
            self.mentions[(r["p"], r["e"])] = r["introduces"] is True
        self.add_papers({r["p"] for r in found})
        self.add_entities({r["e"] for r in found})

    def add_edges(self, iris, min_weight: int = 1) -> list[str]:
        """The co-mentions of ``iris`` with at least ``min_weight`` papers;
        returns the entities they reach."""
        found = self._batched(set(iris), lambda b: self.select(
            f"{_values('a', b)} ?c kg:entity ?a, ?b ; kg:weight ?weight ; kg:associationStrength ?association ; "
            f"a kg:CoMention . FILTER(?b != ?a && ?weight >= {int(min_weight)})",
            "?c ?a ?b ?weight ?association"))
        new = {r["c"] for r in found} - set(self.edges)
        papers: dict[str, list] = {c: [] for c in new}
        for r in self._batched(new, lambda b: self.select(f"{_values('c', b)} ?c prov:wasDerivedFrom ?p .", "?c ?p")):
            papers[r["c"]].append(r["p"])
        for r in found:
            if r["c"] in new:
                x, y = sorted((r["a"], r["b"]))
                self.edges[r["c"]] = (x, y, r["weight"], r["association"], sorted(papers[r["c"]]))
        self.add_papers({p for c in new for p in papers[c]})
        reached = {r["b"] for r in found}
        self.add_entities(reached)
        return sorted(reached)

    def paper_count(self) -> int:
        if self._paper_count is None:
            self._paper_count = self.select("?p a kg:Paper .", "(COUNT(?p) AS ?n)")[0]["n"]
        return self._paper_count

    # -- the index
    def connection(self) -> sqlite3.Connection:
        """An in-memory index (``kgraph.index``'s schema) of what was fetched."""
        from .index import _INDEXES, _SCHEMA, SCHEMA_VERSION, name_rows

        con = sqlite3.connect(":memory:")
        con.row_factory = sqlite3.Row
        con.executescript(_SCHEMA)
        eid = {iri: i for i, iri in enumerate(sorted(self.entities), 1)}
        pid = {iri: i for i, iri in enumerate(sorted(self.papers), 1)}
        names = []
        for iri, d in self.entities.items():
            aliases = sorted(d["aliases"])
            names.extend(name_rows(eid[iri], d["label"], (*aliases, *sorted(d["hidden"]))))
            con.execute("INSERT INTO entity VALUES (?,?,?,?,?,?,?,?)", (
                eid[iri], iri, d["label"], d["type"], d["papers"], json.dumps(aliases, ensure_ascii=False),
                d["definition"], int(d["discovered"])))
        con.executemany("INSERT INTO name VALUES (?,?,?,?,?)", names)
        con.executemany("INSERT INTO broader VALUES (?,?)",
                        sorted((eid[a], eid[b]) for a, b in self.broader if a in eid and b in eid))
        con.executemany("INSERT INTO paper VALUES (?,?,?,?,?,?,?,?)", [
            (pid[iri], iri, d["pid"], d["title"], d["published"], d["upvotes"], d["authors"], d["organization"])
            for iri, d in self.papers.items()])
        con.executemany("INSERT INTO mention VALUES (?,?,?)", sorted(
            (pid[p], eid[e], int(i)) for (p, e), i in self.mentions.items() if p in pid and e in eid))
        edges = []
        for x, y, w, a, ps in sorted(self.edges.values()):
            ids = json.dumps([pid[p] for p in ps])
            edges += [(eid[x], eid[y], w, a, ids), (eid[y], eid[x], w, a, ids)]
        con.executemany("INSERT INTO edge VALUES (?,?,?,?,?)", edges)
        con.executescript(_INDEXES)
        con.executemany("INSERT INTO meta VALUES (?,?)", [("schema", SCHEMA_VERSION),
                                                          ("papers", str(self.paper_count()))])
        return con


def _reach(part: StoreSlice, start: list[str], *, depth: int | None, min_weight: int, target: str | None = None):
    """Fetch the co-mentions a traversal from ``start`` reads (``query._reach``):
    layer by layer, up to ``depth`` hops (None: any), or until ``target``."""
    seen = set(start)
    layer = sorted(start)
    level = 0
    while layer and (depth is None or level < depth) and target not in seen:
        level += 1
        layer = [b for b in part.add_edges(layer, min_weight) if b not in seen]
        seen.update(layer)


def neighbors(name: str, endpoint: str, *, graph_iri: str | None = None, types=None, min_weight: int = 1,
              limit: int | None = None, depth: int = 1, sort: str = "weight", include_narrower: bool = False):
    """``query.neighbors`` answered from a store."""
    from . import query

    part = StoreSlice(endpoint, graph_iri)
    me = part.resolve(name)
    group = [me, *(part.narrower(me) if include_narrower else ())]
    if len(group) == 1:
        _reach(part, group, depth=depth, min_weight=min_weight)
    else:  # the group's first hop is read from the mentions of its papers
        part.add_mentions(entities=group)
        part.add_mentions(papers={p for p, e in part.mentions if e in group})
        first = {e for p, e in part.mentions if e not in group}
        if depth > 1:
            _reach(part, sorted(first), depth=depth - 1, min_weight=min_weight)
    return query.neighbors(name, part.connection(), types=types, min_weight=min_weight, limit=limit, depth=depth,
                           sort=sort, include_narrower=include_narrower)


def entity(name: str, endpoint: str, *, graph_iri: str | None = None, limit: int | None = 10):
    """``query.entity`` (the card of ``kgraph show``) answered from a store."""
    from . import query

    part = StoreSlice(endpoint, graph_iri)
    me = part.resolve(name)
    part.children(me)
    part.add_mentions(entities=[me])
    part.add_edges([me])
    return query.entity(name, part.connection(), limit=limit)


def shortest_path(source: str, target: str, endpoint: str, *, graph_iri: str | None = None, min_weight: int = 1,
                  sort: str = "weight"):
    """``query.shortest_path`` answered from a store."""
    from . import query

    part = StoreSlice(endpoint, graph_iri)
    a, b = part.resolve(source), part.resolve(target)
    if a != b:
        _reach(part, [a], depth=None, min_weight=min_weight, target=b)
    return query.shortest_path(source, target, part.connection(), min_weight=min_weight, sort=sort)


def papers_mentioning(names: list[str], endpoint: str, *, graph_iri: str | None = None,
                      include_narrower: bool = False, limit: int | None = None):
    """``query.papers_mentioning`` answered from a store."""
    from . import query

    part = StoreSlice(endpoint, graph_iri)
    for name in names:
        me = part.resolve(name)
        part.add_mentions(entities=[me, *(part.narrower(me) if include_narrower else ())])
    return query.papers_mentioning(names, part.connection(), include_narrower=include_narrower, limit=limit)


def search(text: str, endpoint: str, *, graph_iri: str | None = None, types=None, limit: int | None = 10):
    """``query.search`` answered from a store. Matching is by words and
    spelling, in Python: every name and every paper title is read."""
    from . import query

    part = StoreSlice(endpoint, graph_iri)
    if not types or set(types) - {"Paper"}:
        part.add_all_entities()
    if not types or "Paper" in types:
        for r in part.select("?p a kg:Paper ; dcterms:identifier ?pid ; dcterms:title ?title . "
                             "OPTIONAL { ?p dcterms:issued ?published } OPTIONAL { ?p kg:upvotes ?upvotes }"):
            part.papers[r["p"]] = {"pid": r["pid"], "title": r["title"], "published": r.get("published"),
                                   "upvotes": r.get("upvotes"), "authors": None, "organization": None}
    return query.search(text, part.connection(), types=types, limit=limit)


def stats(endpoint: str, *, graph_iri: str | None = None, limit: int | None = 10):
    """``query.stats`` answered from a store, by aggregate queries."""
    from .query import Hub, Pair, Stats

    part = StoreSlice(endpoint, graph_iri)
    cap = f"LIMIT {int(limit)}" if limit else ""
    typed = f"?e a ?type . FILTER(?type IN ({_ENTITY_TYPES}))"
    by_type = {r["type"].rsplit("#", 1)[-1]: r["n"] for r in part.select(typed, "?type (COUNT(?e) AS ?n)",
                                                                          "GROUP BY ?type")}
    densest = [Hub(r["label"], r["type"].rsplit("#", 1)[-1], r["degree"], r["papers"]) for r in part.select(
        f"{typed} ?e rdfs:label ?label ; kg:paperCount ?papers . OPTIONAL {{ ?e kg:coMentionedWith ?n }}",
        "?label ?type ?papers (COUNT(?n) AS ?degree)",
        f"GROUP BY ?e ?label ?type ?papers ORDER BY DESC(?degree) DESC(?papers) STR(?label) {cap}")]
    strongest = [Pair(r["a"], r["b"], r["weight"], r["association"]) for r in part.select(
        "?c a kg:CoMention ; kg:entity ?x, ?y ; kg:weight ?weight ; kg:associationStrength ?association . "
        "FILTER(STR(?x) < STR(?y)) ?x rdfs:label ?lx . ?y rdfs:label ?ly . "
        "BIND(IF(STR(?lx) < STR(?ly), STR(?lx), STR(?ly)) AS ?a) BIND(IF(STR(?lx) < STR(?ly), STR(?ly), STR(?lx)) AS ?b)",
        "?a ?b ?weight ?association", f"ORDER BY DESC(?weight) DESC(?association) ?a ?b {cap}")]
    comentions = part.select("?c a kg:CoMention .", "(COUNT(?c) AS ?n)")[0]["n"]
    return Stats(part.paper_count(), sum(by_type.values()), comentions, dict(sorted(by_type.items())),
                 densest, strongest)


def run_query(query: str, endpoint: str, *, graph_iri: str | None = None):
    """Run a SPARQL query (kgraph's prefixes predeclared) on a store's query
    endpoint; the result as ``triplestore.sparql`` gives it: solutions, a
    boolean, or a list of triples. ``graph_iri`` is the query's default graph."""
    import pyoxigraph as ox

    from .rdf import PREFIXES

    store = Endpoint(endpoint, retries=1)
    declared = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    url = store.url + (("&" if "?" in store.url else "?") + urllib.parse.urlencode({"default-graph-uri": graph_iri})
                       if graph_iri else "")
    if graph_iri:
        sparql_iri(graph_iri)
    data, kind = store.request("POST", url, urllib.parse.urlencode({"query": declared + query}).encode(), {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json, application/n-triples;q=0.9",
    }, with_type=True)
    try:
        if kind.startswith("application/n-triples"):
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
    except (SyntaxError, ValueError):
        raise EndpointError(f"{store.url}: the answer is neither SPARQL JSON results nor N-Triples") from None
