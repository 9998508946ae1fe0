"""A SPARQL 1.1 store as kgraph's back end, for graphs past one machine.

``push`` loads a built graph into any store that speaks the SPARQL 1.1 Graph
Store HTTP Protocol (Oxigraph, Apache Jena Fuseki, GraphDB, Virtuoso, ...),
in N-Triples batches, retrying what fails for transient reasons.
``neighbors`` and ``entity`` answer from a SPARQL query endpoint with the
same plain data as ``kgraph.query`` answers from the local index; names go
into queries as escaped literals (``sparql_literal``).

Only the standard library is used (urllib), and pyoxigraph to stream the
graph's Turtle for ``push``.
"""
from __future__ import annotations

import base64
import difflib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from .errors import AmbiguousEntity, EntityNotFound, KgraphError
from .names import fold
from .query import Neighbor

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

    def request(self, method: str, url: str, data: bytes | None = None, headers=None) -> bytes:
        """Send a request, retrying connection failures and 5xx/429 answers."""
        headers = dict(headers or {})
        if self._auth:
            headers["Authorization"] = self._auth
        delay = self.backoff
        for attempt in range(self.retries + 1):
            req = urllib.request.Request(url, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=self.timeout) as response:
                    return response.read()
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

def _from(graph_iri: str | None) -> str:
    return f"FROM {sparql_iri(graph_iri)}" if graph_iri else ""


def _squeeze(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def resolve(store: Endpoint, name: str, graph_iri: str | None = None) -> dict:
    """The entity a name designates, by the rules of ``kgraph.query.resolve``:
    its label or an alias folded alike, a label before an alias, then the
    entity with more papers. Raises EntityNotFound or AmbiguousEntity."""
    key = fold(name)
    candidates = (key, key[:-1]) if key.endswith("s") else (key,)
    # the store narrows by letters and digits alone; fold() decides here
    squeezed = sorted({s for c in candidates for s in (_squeeze(c), _squeeze(c) + "s")})
    rows = _names(store, graph_iri, "FILTER(REPLACE(LCASE(STR(?name)), \"[^\\\\p{L}\\\\p{N}]\", \"\") IN ("
                  + ", ".join(map(sparql_literal, squeezed)) + "))")
    for candidate in candidates:
        found = _entities_named(rows, candidate)
        if found:
            break
    else:
        raise EntityNotFound(name, _suggestions(store, graph_iri, key))
    labels = [r for r in found if r["is_label"]]
    if len(labels) == 1:
        return labels[0]
    if len(found) == 1:
        return found[0]
    raise AmbiguousEntity(name, [f"{r['label']} ({r['type']})" for r in found])


def _names(store, graph_iri, condition: str) -> list[dict]:
    query = _PREFIXES + f"""SELECT ?e ?label ?type ?papers ?name ?is_label {_from(graph_iri)} WHERE {{
  ?e rdfs:label ?label ; kg:paperCount ?papers ; a ?type .
  FILTER(?type IN ({_ENTITY_TYPES}))
  {{ ?e rdfs:label ?name BIND(1 AS ?is_label) }} UNION {{ ?e skos:altLabel ?name BIND(0 AS ?is_label) }}
  UNION {{ ?e skos:hiddenLabel ?name BIND(0 AS ?is_label) }}
  {condition}
}}"""
    return store.select(query)


def _entities_named(rows, key) -> list[dict]:
    """Entity rows one of whose names folds to ``key``, ordered as the index orders them."""
    best: dict[str, dict] = {}
    for r in rows:
        if fold(r["name"]) != key:
            continue
        found = best.setdefault(r["e"], {"iri": r["e"], "label": r["label"], "type": r["type"].rsplit("#", 1)[-1],
                                         "papers": r["papers"], "is_label": 0})
        found["is_label"] |= fold(r["label"]) == key
    return sorted(best.values(), key=lambda r: (-r["is_label"], -r["papers"], r["label"]))


def _suggestions(store, graph_iri, key) -> list[str]:
    rows = _names(store, graph_iri, "")
    keys = sorted({fold(r["name"]) for r in rows})
    labels = []
    for k in difflib.get_close_matches(key, keys, n=5, cutoff=0.75):
        found = _entities_named(rows, k)
        best = min(found, key=lambda r: (-r["is_label"], -r["papers"], r["iri"]))
        if best["label"] not in labels:
            labels.append(best["label"])
    return labels[:5]


def entity(name: str, endpoint: str, *, graph_iri: str | None = None) -> dict:
    """The entity a name designates, as ``kgraph.query.entity`` gives it."""
    store = Endpoint(endpoint, retries=1)
    row = resolve(store, name, graph_iri)
    e = sparql_iri(row["iri"])
    details = store.select(_PREFIXES + f"""SELECT ?alias ?broader ?discovered {_from(graph_iri)} WHERE {{
  {{ {e} skos:altLabel ?alias }} UNION {{ {e} skos:broader/rdfs:label ?broader }} UNION {{ {e} kg:discovered ?discovered }}
}}""")
    return {
        "label": row["label"], "type": row["type"], "iri": row["iri"], "papers": row["papers"],
        "aliases": sorted(d["alias"] for d in details if "alias" in d),
        "broader": sorted(d["broader"] for d in details if "broader" in d),
        "discovered": any(d.get("discovered") is True for d in details),
    }


def neighbors(name: str, endpoint: str, *, graph_iri: str | None = None, types=None, min_weight: int = 1,
              limit: int | None = None) -> list[Neighbor]:
    """Entities co-mentioned with ``name``, strongest first, as ``kgraph.query.neighbors`` gives them."""
    store = Endpoint(endpoint, retries=1)
    me = sparql_iri(resolve(store, name, graph_iri)["iri"])
    wanted = ", ".join(f"kg:{t}" for t in types) if types else _ENTITY_TYPES
    rows = store.select(_PREFIXES + f"""SELECT ?c ?label ?type ?weight ?association {_from(graph_iri)} WHERE {{
  ?c a kg:CoMention ; kg:entity {me}, ?n ; kg:weight ?weight ; kg:associationStrength ?association .
  FILTER(?n != {me} && ?weight >= {int(min_weight)})
  ?n rdfs:label ?label ; a ?type .
  FILTER(?type IN ({wanted}))
}}""")
    rows.sort(key=lambda r: (-r["weight"], -r["association"], r["label"]))
    rows = rows[:limit] if limit else rows
    titles: dict[str, list] = {r["c"]: [] for r in rows}
    for i in range(0, len(rows), 500):
        values = " ".join(sparql_iri(r["c"]) for r in rows[i : i + 500])
        for t in store.select(_PREFIXES + f"""SELECT ?c ?p ?title {_from(graph_iri)} WHERE {{
  VALUES ?c {{ {values} }} ?c prov:wasDerivedFrom ?p . ?p dcterms:title ?title }}"""):
            titles[t["c"]].append((t["p"], t["title"]))
    return [Neighbor(r["label"], r["type"].rsplit("#", 1)[-1], r["weight"], r["association"],
                     [title for _, title in sorted(titles[r["c"]])]) for r in rows]
