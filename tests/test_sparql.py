"""`kgraph push` into a real Oxigraph server, and queries answered from it
equal to the local index's answers."""
import json
import shutil
import socket
import subprocess
import time
import urllib.request

import pytest
from hypothesis import given, settings, strategies as st

from conftest import run
from kgraph.sparql import sparql_literal

OXIGRAPH = shutil.which("oxigraph")
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="`pip install oxigraph` provides the server")
GRAPH = "https://example.org/graphs/seeds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    """An Oxigraph server (in memory) on a free loopback port, for this module."""
    port = free_port()
    proc = subprocess.Popen([OXIGRAPH, "serve", "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("oxigraph did not start")
    yield base
    proc.terminate()
    proc.wait(10)


@pytest.fixture(scope="module")
def pushed(server, built):
    result = run("push", "--graph", built, "--endpoint", server + "/store", "--graph-iri", GRAPH,
                 "--batch-size", 20000)
    assert result.exit_code == 0, result.output
    return result


def count(server, query):
    url = server + "/query?" + urllib.parse.urlencode({"query": query})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    rows = json.load(urllib.request.urlopen(req))["results"]["bindings"]
    return int(rows[0]["n"]["value"])


def test_push_loads_every_triple_in_batches(server, built, pushed):
    import pyoxigraph as ox

    local = len(list(ox.parse(path=str(built / "graph.ttl"), format=ox.RdfFormat.TURTLE)))
    assert pushed.output.startswith(f"pushed {local} triples in {-(-local // 20000)} batches to graph <{GRAPH}>")
    assert count(server, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}") == local


def test_replace_and_merge(server, built, pushed):
    other = "https://example.org/graphs/other"
    first = run("push", "--graph", built, "--endpoint", server + "/store", "--graph-iri", other, "--batch-size", 50000)
    assert first.exit_code == 0, first.output
    n = count(server, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{other}> {{ ?s ?p ?o }} }}")
    urllib.request.urlopen(urllib.request.Request(
        server + "/update", data=f"INSERT DATA {{ GRAPH <{other}> {{ <urn:x> <urn:y> <urn:z> }} }}".encode(),
        headers={"Content-Type": "application/sparql-update"}, method="POST")).read()
    assert run("push", "--graph", built, "--endpoint", server + "/store", "--graph-iri", other, "--merge").exit_code == 0
    assert count(server, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{other}> {{ ?s ?p ?o }} }}") == n + 1
    assert run("push", "--graph", built, "--endpoint", server + "/store", "--graph-iri", other).exit_code == 0
    assert count(server, f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{other}> {{ ?s ?p ?o }} }}") == n


def local_and_remote(server, built, *args):
    local = run(*args, "--graph", built)
    remote = run(*args, "--endpoint", server + "/query", "--graph-iri", GRAPH)
    return local, remote


@pytest.mark.parametrize("args", [
    ["neighbors", "GPU", "--json", "--limit", "0"],
    ["neighbors", "GPU", "--limit", "8"],
    ["neighbors", "gpus", "--type", "Technique", "--min-weight", "3"],
    ["neighbors", "tensor cores", "--json", "--limit", "3"],
    ["neighbors", "NVIDIA A100", "--limit", "0"],
    ["neighbors", "H100", "--depth", "2", "--limit", "0", "--json"],
    ["neighbors", "quantization", "--depth", "3", "--min-weight", "2", "--sort", "association", "--papers"],
    ["neighbors", "GPU", "--include-narrower", "--depth", "2", "--json", "--limit", "0"],
    ["neighbors", "NVIDIA H100 GPUs", "--limit", "5"],
    ["neighbors", "GPUU"],
    ["neighbors", "definitely not an entity"],
    ["show", "GPU", "--json", "--limit", "0"],
    ["show", "transformer"],
    ["show", "Hopper H100"],
    ["show", "LLMs", "--json"],
    ["show", "flash attention"],
    ["show", "GPUU"],
    ["search", "attention", "--json", "--limit", "0"],
    ["search", "GPU", "--type", "Paper"],
    ["search", "speculative decodng"],
    ["search", "mixture of experts", "--type", "Technique", "--type", "Model"],
    ["path", "GPU", "LoRA", "--json"],
    ["path", "H100", "speculative decoding", "--min-weight", "2"],
    ["path", "GPU", "GPU"],
    ["papers", "--mentions", "GPU", "--mentions", "quantization", "--json"],
    ["papers", "--mentions", "GPU", "--include-narrower", "--limit", "0"],
    ["stats", "--json", "--limit", "0"],
    ["stats"],
    ["sparql", "SELECT ?label ?n WHERE { ?e rdfs:label ?label ; kg:paperCount ?n } ORDER BY DESC(?n) ?label LIMIT 10"],
    ["sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--json"],
    ["sparql", "ASK { ?p a kg:Paper }", "--csv"],
    ["sparql", "CONSTRUCT { ?e skos:altLabel ?a } WHERE { ?e skos:altLabel ?a } ORDER BY ?e LIMIT 5"],
    ["sparql", "SELECT ?x WHERE {"],
])
def test_queries_from_the_store_equal_the_local_answers(server, built, pushed, args):
    local, remote = local_and_remote(server, built, *args)
    if args[0] == "sparql" and local.exit_code:  # the store words a syntax error its own way
        assert remote.exit_code == 1 and remote.output.startswith("Error: ")
        assert remote.output.count("\n") == 1
        return
    assert (remote.exit_code, remote.output) == (local.exit_code, local.output)
    assert local.exit_code in (0, 1) and "Traceback" not in local.output


def test_endpoint_and_graph_are_exclusive(built):
    result = run("show", "GPU", "--graph", built, "--endpoint", "http://127.0.0.1:1/query")
    assert result.exit_code == 2 and "--graph and --endpoint are exclusive" in result.output
    assert run("show", "GPU", "--graph", built, "--graph-iri", GRAPH).exit_code == 2


def test_every_entity_resolves_alike(server, built, pushed):
    """Every label and alias of the graph, as written and lower-cased, names
    the same entity (or fails the same way) through the store."""
    import sqlite3

    from kgraph import query, sparql

    con = sqlite3.connect(built / "index.sqlite")
    names = sorted({n for label, aliases in con.execute("SELECT label, aliases FROM entity")
                    for n in (label, *json.loads(aliases))})
    names = names[::25] + ['"quoted" \\ name', "a'b", "x } UNION { ?s ?p ?o"]
    for name in names:
        for variant in (name, name.lower()):
            try:
                expected = query.entity(variant, built)
            except Exception as e:  # noqa: BLE001 - compare the failures too
                expected = (type(e).__name__, str(e))
            try:
                got = sparql.entity(variant, server + "/query", graph_iri=GRAPH)
            except Exception as e:  # noqa: BLE001
                got = (type(e).__name__, str(e))
            assert got == expected, variant


def test_unreachable_endpoint_is_one_line(built):
    url = f"http://127.0.0.1:{free_port()}/store"
    result = run("push", "--graph", built, "--endpoint", url, "--retries", 1)
    assert result.exit_code == 1
    assert result.output == f"Error: {url}: cannot reach the store (connection refused; is the server running?)\n"
    result = run("neighbors", "GPU", "--endpoint", url.replace("/store", "/query"))
    assert result.exit_code == 1 and result.output.startswith("Error: ") and result.output.count("\n") == 1


def test_refused_request_is_one_line(server, built):
    result = run("push", "--graph", built, "--endpoint", server + "/query")  # not the store endpoint
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {server}/query: the store refused the request (HTTP 4")
    assert result.output.count("\n") == 1


def test_bad_urls_and_iris(built):
    assert run("push", "--graph", built, "--endpoint", "ftp://x/store").output == \
        "Error: ftp://x/store: not an http(s) URL of a SPARQL endpoint\n"
    result = run("push", "--graph", built, "--endpoint", "http://127.0.0.1:1/store", "--graph-iri", "urn:a b")
    assert result.output == "Error: not an IRI: 'urn:a b'\n"
    assert run("push", "--graph", built).exit_code == 2  # --endpoint is required


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_literals_round_trip_through_a_sparql_parser(text):
    import pyoxigraph as ox

    text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    rows = list(ox.Store().query(f"SELECT ?x WHERE {{ BIND({sparql_literal(text)} AS ?x) }}"))
    assert rows[0]["x"].value == text
