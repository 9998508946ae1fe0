"""`kgraph neighbors`, and what every query command shares: name resolution,
errors, `--graph` on a Turtle file, terminal width, imports; `export` and `open`."""
import json
import sqlite3
import subprocess
import sys

import networkx as nx
import pytest
import rdflib

from conftest import run
from query_oracle import comention_graph, direct_neighbors, entity_node, label, widest_shortest


def neighbors_json(*args):
    result = run("neighbors", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_neighbors_json_matches_networkx(built, seed_graph):
    out = neighbors_json("GPU", "--graph", built, "--limit", "0")
    gpu = entity_node(seed_graph, "GPU")
    expected = direct_neighbors(seed_graph, gpu)
    assert out["entity"] == {"label": "GPU", "type": "Hardware", "papers": len(seed_graph.nodes[gpu]["papers"])}
    assert out["total"] == len(expected) == len(out["neighbors"]) > 100
    got = {r["label"]: {k: r[k] for k in ("weight", "association", "papers")} for r in out["neighbors"]}
    assert got == expected
    assert all(r["depth"] == 1 and r["path"] == ["GPU", r["label"]] for r in out["neighbors"])


@pytest.mark.parametrize("sort,key", [
    ("weight", lambda r: (-r["weight"], -r["association"], r["label"])),
    ("association", lambda r: (-r["association"], -r["weight"], r["label"])),
])
def test_neighbors_sort(built, seed_graph, sort, key):
    out = neighbors_json("CPU", "--graph", built, "--sort", sort, "--limit", "15")
    everything = [{"label": k, **v} for k, v in direct_neighbors(seed_graph, entity_node(seed_graph, "CPU")).items()]
    assert [r["label"] for r in out["neighbors"]] == [r["label"] for r in sorted(everything, key=key)[:15]]


def test_neighbors_type_filter_repeatable_and_min_weight(built, seed_graph):
    out = neighbors_json("GPU", "--graph", built, "--type", "hardware", "--type", "Model",
                         "--min-weight", "3", "--limit", "0")
    gpu = entity_node(seed_graph, "GPU")
    expected = {label(seed_graph, m) for m, d in seed_graph[gpu].items()
                if d["relation"] == "co-mention" and d["weight"] >= 3
                and seed_graph.nodes[m]["type"] in ("Hardware", "Model")}
    assert {r["label"] for r in out["neighbors"]} == expected
    assert {r["type"] for r in out["neighbors"]} == {"Hardware", "Model"}


@pytest.mark.parametrize("name,depth,min_weight", [("NVIDIA H100", 2, 1), ("CPU", 3, 2), ("ImageNet", 2, 1)])
def test_neighbors_depth_matches_networkx(built, seed_graph, name, depth, min_weight):
    out = neighbors_json(name, "--graph", built, "--depth", depth, "--min-weight", min_weight, "--limit", "0")
    H = comention_graph(seed_graph, min_weight)
    start = entity_node(seed_graph, name)
    distances = {label(seed_graph, n): d for n, d in
                 nx.single_source_shortest_path_length(H, start, cutoff=depth).items() if n != start}
    assert {r["label"]: r["depth"] for r in out["neighbors"]} == distances
    assert max(distances.values()) == depth
    node = {label(seed_graph, n): n for n in H}
    for r in out["neighbors"]:
        path = [node[x] for x in r["path"]]
        assert path[0] == start and len(path) == r["depth"] + 1
        hops = [H.edges[a, b] for a, b in zip(path, path[1:])]  # KeyError if a hop is no edge
        assert r["weight"] == min(h["weight"] for h in hops)
        assert r["papers"] == sorted(seed_graph.nodes[p]["title"] for p in hops[-1]["papers"])
    # the path is the widest among shortest ones (checked by enumeration on a sample)
    for r in out["neighbors"][:: max(1, len(out["neighbors"]) // 25)]:
        assert (r["depth"], r["weight"]) == widest_shortest(H, start, node[r["label"]])


def test_neighbors_include_narrower_matches_sparql(built, sparql):
    out = neighbors_json("GPU", "--graph", built, "--include-narrower", "--limit", "0")
    narrower = {x for (x,) in sparql("SELECT ?l WHERE { ?x skos:broader+ kge:GPU ; rdfs:label ?l }")}
    assert set(out["narrower"]) == narrower and len(narrower) > 5
    (papers,), = sparql("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?x skos:broader* kge:GPU . ?p kg:mentions ?x }")
    (total,), = sparql("SELECT (COUNT(?p) AS ?n) WHERE { ?p a kg:Paper }")
    assert out["papers"] == int(papers) > out["entity"]["papers"]
    rows = sparql("""
        SELECT ?l (COUNT(DISTINCT ?p) AS ?w) (SAMPLE(?c) AS ?count) WHERE {
          ?x skos:broader* kge:GPU . ?p kg:mentions ?x . ?p kg:mentions ?y .
          FILTER NOT EXISTS { ?y skos:broader* kge:GPU }
          ?y rdfs:label ?l ; kg:paperCount ?c .
        } GROUP BY ?l""")
    expected = {lab: int(w) for lab, w, _ in rows}
    assert {r["label"]: r["weight"] for r in out["neighbors"]} == expected
    counts = {lab: int(c) for lab, _, c in rows}
    for r in out["neighbors"]:
        assert r["association"] == pytest.approx(int(total) * r["weight"] / (out["papers"] * counts[r["label"]]), abs=1e-6)


def test_neighbors_table_and_papers(built, seed_graph, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = run("neighbors", "GPU", "--graph", built, "--limit", "2", "--papers")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    expected = direct_neighbors(seed_graph, entity_node(seed_graph, "GPU"))
    assert lines[0] == f"GPU (Hardware, 136 papers): {len(expected)} neighbors, top 2"
    assert lines[1].split() == ["label", "type", "weight", "assoc"]
    first = lines[2].split()
    assert first[:3] == ["CPU", "Hardware", str(expected["CPU"]["weight"])]
    assert lines[3:6] == [f"    · {t}" for t in expected["CPU"]["papers"][:3]]
    assert lines[6] == f"    … and {expected['CPU']['weight'] - 3} more"


def test_neighbors_depth_table_shows_the_way(built):
    result = run("neighbors", "NVIDIA H100", "--graph", built, "--depth", "2", "--type", "Dataset", "--limit", "3")
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()[1:]
    assert header.split() == ["label", "type", "weight", "assoc", "hops", "via"]
    out = neighbors_json("NVIDIA H100", "--graph", built, "--depth", "2", "--type", "Dataset", "--limit", "3")
    for line, r in zip(rows, out["neighbors"]):
        assert line.endswith(f"{r['depth']}  {' > '.join(r['path'][1:-1]) or '-'}")


@pytest.mark.parametrize("args", [
    ["neighbors", "GPU", "--papers", "--depth", "2", "--limit", "30"],
    ["show", "NVIDIA H100"],
    ["search", "quantization"],
    ["path", "NVIDIA H100", "ImageNet"],
    ["stats", "--limit", "60"],  # enough rows for labels too long for 60 columns
    ["papers", "--mentions", "GPU", "--mentions", "CPU"],
])
def test_output_fits_the_terminal(built, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", "60")
    result = run(*args, "--graph", built)
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 60
    assert "…" in result.output


@pytest.mark.parametrize("name", ["h100", "H100", "NVIDIA H100 GPUs", "Hopper H100", "nvidia-h100", "H100 GPU",
                                  "NVIDIA H100 SXM5"])
def test_names_resolve_forgivingly(built, seed_graph, name):
    h100 = seed_graph.nodes[entity_node(seed_graph, "NVIDIA H100")]
    # what the data says: H100 is an alias, Hopper the broader concept, under GPU
    assert "H100" in h100["aliases"]
    hopper = seed_graph.nodes[h100["broader"][0]]
    assert hopper["label"] == "Hopper" and entity_node(seed_graph, "GPU") in hopper["broader"]
    result = run("show", name, "--graph", built, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["label"] == "NVIDIA H100"


@pytest.mark.parametrize("name", ["gpus", "GPUs", "Gpu", "graphics processing units"])
def test_case_plural_and_alias_give_the_same_answer(built, name):
    assert run("neighbors", name, "--graph", built, "--json").output == run("neighbors", "GPU", "--graph", built, "--json").output


@pytest.mark.parametrize("args,message", [
    (["neighbors", "GPUU"], "Error: no entity named 'GPUU'. Did you mean: GPU?"),
    (["show", "Hoper"], "Error: no entity named 'Hoper'. Did you mean: Hopper?"),
    (["path", "GPU", "zzzqqq"], "Error: no entity named 'zzzqqq'."),
    (["papers", "--mentions", "GPU", "--mentions", "gpu cluster"], "Error: no entity named 'gpu cluster'. Did you mean: GPU?"),
    (["neighbors", "GPU cluster"], "Error: no entity named 'GPU cluster'. Did you mean: GPU?"),
])
def test_unknown_names_suggest_close_matches(built, args, message):
    result = run(*args, "--graph", built)
    assert result.exit_code == 1
    assert result.output == message + "\n"


@pytest.mark.parametrize("command", [["neighbors", "GC"], ["show", "gc"], ["path", "GC", "GPU"], ["papers", "--mentions", "GC"]])
def test_ambiguous_name_lists_candidates(tiny, command):
    result = run(*command, "--graph", tiny)
    assert result.exit_code == 1
    name = "GC" if "GC" in command else "gc"
    assert result.output == (f"Error: '{name}' is ambiguous: garbled circuits (Technique); gradient coding (Technique). "
                             "Use one of these names.\n")


@pytest.mark.parametrize("args", [
    ["neighbors", "GPU", "--sort", "size"],
    ["neighbors", "GPU", "--depth", "0"],
    ["neighbors", "GPU", "--type", "Paper"],
    ["papers"],
    ["path", "GPU"],
    ["search"],
])
def test_malformed_command_lines_exit_2(built, args):
    result = run(*args, "--graph", built)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_no_graph_built_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for args in (["neighbors", "GPU"], ["stats"], ["search", "x"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.output == "Error: no graph built yet (no output/ folder). Run `kgraph build` first.\n"


def test_index_from_an_older_kgraph(built, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    old = tmp_path / "old"
    old.mkdir()
    (old / "index.sqlite").write_bytes((built / "index.sqlite").read_bytes())
    con = sqlite3.connect(old / "index.sqlite")
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
    con.commit()
    con.close()
    result = run("stats", "--graph", old)
    assert result.exit_code == 1
    assert result.output == f"Error: {old / 'index.sqlite'} was written by an older kgraph. Run `kgraph build` again.\n"
    # beside its Turtle, the graph is indexed again from the Turtle
    (old / "graph.ttl").write_bytes((built / "graph.ttl").read_bytes())
    assert run("stats", "--graph", old, "--json").output == run("stats", "--graph", built, "--json").output


@pytest.mark.parametrize("args", [
    ["neighbors", "GPU", "--limit", "0", "--depth", "2", "--include-narrower"],
    ["show", "quantization", "--limit", "0"],
    ["search", "attention", "--limit", "0"],
    ["path", "NVIDIA H100", "ImageNet"],
    ["stats", "--limit", "0"],
    ["papers", "--mentions", "GPU", "--mentions", "quantization", "--include-narrower"],
])
def test_same_answers_from_a_turtle_file(built, tmp_path_factory, monkeypatch, args):
    cache = tmp_path_factory.getbasetemp() / "turtle-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    ttl = cache / "copy.ttl"
    if not ttl.exists():
        ttl.parent.mkdir(exist_ok=True)
        ttl.write_bytes((built / "graph.ttl").read_bytes())
    a = run(*args, "--graph", built, "--json")
    b = run(*args, "--graph", ttl, "--json")
    assert a.exit_code == b.exit_code == 0, b.output
    assert a.output == b.output


QUERIES = [
    ["neighbors", "GPU", "--depth", "2", "--include-narrower", "--papers"],
    ["show", "Hopper H100"],
    ["search", "quantisation"],
    ["path", "NVIDIA H100", "ImageNet"],
    ["stats"],
    ["papers", "--mentions", "GPU", "--mentions", "quantization"],
    ["neighbors", "GPUU"],
]


def test_queries_import_no_heavy_library(built):
    """Every query command, in one process: no rdflib, networkx, pyvis, pyoxigraph or numpy loaded."""
    script = (
        "import sys\nfrom kgraph.cli import cli\n"
        f"for args in {QUERIES!r}:\n"
        f"    try: cli(args + ['--graph', {str(built)!r}], standalone_mode=False)\n"
        "    except Exception as e: print(type(e).__name__)\n"
        "heavy = {'rdflib', 'networkx', 'pyvis', 'pyoxigraph', 'numpy', 'jinja2', 'pyshacl'}\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & heavy))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[-2:] == ["ClickException", "[]"]  # the unknown name failed as a kgraph error, nothing heavy loaded
    assert len(proc.stdout) > 2000  # the other commands printed their answers


def test_export_nt_round_trips(built, built_rdf, tmp_path):
    out = tmp_path / "graph.nt"
    result = run("export", "--graph", built, "--format", "nt", "-o", out)
    assert result.exit_code == 0, result.output
    a = rdflib.Graph().parse(out, format="nt")
    assert len(a) == len(built_rdf) > 10000
    # kgraph writes no blank nodes, so equal triple sets mean isomorphic graphs
    assert set(a) == set(built_rdf)


def test_export_to_dash_writes_standard_output(built, tmp_path, monkeypatch):
    """``-o -`` is standard output, as in other Unix tools: no file named "-"."""
    monkeypatch.chdir(tmp_path)
    proc = subprocess.run([sys.executable, "-m", "kgraph", "export", "--graph", str(built), "-f", "nt", "-o", "-"],
                          capture_output=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert not (tmp_path / "-").exists()
    assert len(rdflib.Graph().parse(data=proc.stdout.decode(), format="nt")) > 10000


def test_open_without_browser_prints_the_page(built):
    result = run("open", "--graph", built, "--no-browser")
    assert result.exit_code == 0
    assert result.output.strip() == str((built / "graph.html").resolve())


def test_python_dash_m(built):
    proc = subprocess.run([sys.executable, "-m", "kgraph", "neighbors", "CPU", "--graph", str(built), "--json"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["entity"]["label"] == "CPU"


def test_program_exit_flushes_output_and_keeps_codes(built):
    """``kgraph`` ends without the interpreter's teardown (cli._exit): its
    output still arrives whole (a pipe: block-buffered), exit handlers still
    run, exit codes are unchanged."""
    prelude = "import atexit, sys\natexit.register(print, 'handler ran')\nfrom kgraph.cli import cli\n"

    def program(*args):
        script = prelude + f"cli({[*args]!r}, prog_name='kgraph')\nprint('not reached')\n"
        return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)

    ok = program("neighbors", "GPU", "--limit", "400", "--graph", str(built))
    assert ok.returncode == 0, ok.stderr
    lines = ok.stdout.splitlines()
    assert len(lines) > 400 and lines[-1] == "handler ran" and "not reached" not in ok.stdout
    missing = program("neighbors", "GPUU", "--graph", str(built))
    assert missing.returncode == 1 and missing.stderr.startswith("Error: no entity named 'GPUU'")
    assert missing.stdout == "handler ran\n"
    assert program("neighbors", "--bogus").returncode == 2
