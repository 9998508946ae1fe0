"""`kgraph neighbors`, `export` and `open` answer from a built graph."""
import json
import subprocess
import sys

import rdflib

from conftest import run


def networkx_neighbors(G, label):
    node = next(n for n, d in G.nodes(data=True) if d.get("kind") == "entity" and d["label"] == label)
    return {
        G.nodes[m]["label"]: d["weight"]
        for m, d in G[node].items()
        if d["relation"] == "co-mention"
    }


def test_neighbors_json_matches_networkx(built, seed_graph):
    result = run("neighbors", "GPU", "--graph", built, "--json", "--limit", "0")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and all({"label", "type", "weight"} <= set(r) for r in rows)
    weights = [r["weight"] for r in rows]
    assert weights == sorted(weights, reverse=True)
    assert {r["label"]: r["weight"] for r in rows} == networkx_neighbors(seed_graph, "GPU")
    for r in rows[:5]:
        assert len(r["papers"]) == r["weight"]


def test_neighbors_is_case_and_plural_insensitive(built):
    a = run("neighbors", "GPU", "--graph", built, "--json")
    b = run("neighbors", "gpus", "--graph", built, "--json")
    assert a.exit_code == b.exit_code == 0
    assert a.output == b.output


def test_neighbors_table(built):
    result = run("neighbors", "GPU", "--graph", built, "--limit", "5")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("GPU (Hardware,")
    assert lines[1].split() == ["label", "type", "weight", "assoc"]
    assert len(lines) == 7


def test_neighbors_from_turtle_file(built, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    ttl = tmp_path / "copy.ttl"
    ttl.write_bytes((built / "graph.ttl").read_bytes())
    a = run("neighbors", "GPU", "--graph", built, "--json", "--limit", "0")
    b = run("neighbors", "GPU", "--graph", ttl, "--json", "--limit", "0")
    assert b.exit_code == 0, b.output
    assert json.loads(a.output) == json.loads(b.output)


def test_unknown_entity_suggests_close_matches(built):
    result = run("neighbors", "GPUU", "--graph", built)
    assert result.exit_code == 1
    assert result.output.startswith("Error: no entity named 'GPUU'. Did you mean: ")
    assert "GPU" in result.output
    assert "Traceback" not in result.output


def test_no_graph_built_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("neighbors", "GPU")
    assert result.exit_code == 1
    assert "Run `kgraph build` first." in result.output


def test_export_nt_round_trips(built, built_rdf, tmp_path):
    out = tmp_path / "graph.nt"
    result = run("export", "--graph", built, "--format", "nt", "-o", out)
    assert result.exit_code == 0, result.output
    a = rdflib.Graph().parse(out, format="nt")
    assert len(a) == len(built_rdf) > 10000
    # kgraph writes no blank nodes, so equal triple sets mean isomorphic graphs
    assert set(a) == set(built_rdf)


def test_open_without_browser_prints_the_page(built):
    result = run("open", "--graph", built, "--no-browser")
    assert result.exit_code == 0
    assert result.output.strip() == str((built / "graph.html").resolve())


def test_python_dash_m(built):
    proc = subprocess.run([sys.executable, "-m", "kgraph", "neighbors", "CPU", "--graph", str(built), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)
