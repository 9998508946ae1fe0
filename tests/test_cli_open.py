"""`kgraph open`: the graph's page, focused pages beside it, the system browser."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from conftest import run
from test_render import page_data


@pytest.fixture
def graph_dir(built, tmp_path):
    """A private copy of the built seed graph (mtimes kept)."""
    out = tmp_path / "graph"
    shutil.copytree(built, out)
    return out


def page_path(graph, *args):
    result = run("open", "--graph", graph, "--no-browser", *args)
    assert result.exit_code == 0, result.output
    return Path(result.output.strip())


def open_page(graph, *args):
    path = page_path(graph, *args)
    return path, page_data(path.read_text(encoding="utf-8"))


def entities(G):
    return {n: d for n, d in G.nodes(data=True) if d["kind"] == "entity"}


def node_called(G, label):
    return next(n for n, d in entities(G).items() if d["label"] == label)


def comention_graph(G):
    E = nx.Graph()
    E.add_nodes_from(entities(G))
    E.add_edges_from((a, b) for a, b, d in G.edges(data=True) if d["relation"] == "co-mention")
    return E


def test_without_options_it_is_the_built_page(graph_dir):
    assert page_path(graph_dir) == (graph_dir / "graph.html").resolve()


@pytest.mark.parametrize("depth", [0, 1, 2])
def test_around_draws_the_ego_network(graph_dir, seed_graph, depth):
    path, data = open_page(graph_dir, "--around", "gpus", "--depth", depth)
    assert path.parent == graph_dir.resolve()
    assert path.name.startswith("graph-GPU-") and path.suffix == ".html"
    ego = nx.ego_graph(comention_graph(seed_graph), node_called(seed_graph, "GPU"), radius=depth)
    assert sorted(n["l"] for n in data["nodes"]) == sorted(seed_graph.nodes[n]["label"] for n in ego)
    assert len(data["co"]) == ego.number_of_edges()
    assert data["nodes"][data["focus"]]["l"] == "GPU"


def test_types_and_min_weight(graph_dir, seed_graph):
    path, data = open_page(graph_dir, "--types", "model,Hardware", "--min-weight", "3")
    kept = {n for n, d in entities(seed_graph).items() if d["type"] in ("Model", "Hardware")}
    heavy = [(a, b) for a, b, d in seed_graph.edges(data=True)
             if d["relation"] == "co-mention" and d["weight"] >= 3 and a in kept and b in kept]
    assert len(data["nodes"]) == len(kept)
    assert len(data["co"]) == len(heavy)
    assert [g["name"] for g in data["groups"]] == ["Model", "Hardware"]
    # The same options spelled another way are the same page.
    again, _ = open_page(graph_dir, "--type", "Hardware", "--type", "MODEL", "--min-weight", "3")
    assert again == path


def test_max_nodes_keeps_the_most_mentioned(graph_dir, seed_graph):
    _, data = open_page(graph_dir, "--max-nodes", "40")
    assert len(data["nodes"]) == 40
    counts = {d["label"]: len(d["papers"]) for d in entities(seed_graph).values()}
    kept = {n["l"] for n in data["nodes"]}
    assert all(n["n"] == counts[n["l"]] for n in data["nodes"])
    least_kept = min(counts[label] for label in kept)
    assert all(c <= least_kept for label, c in counts.items() if label not in kept)


def test_papers_adds_papers_and_their_mentions(graph_dir, seed_graph):
    _, data = open_page(graph_dir, "--papers")
    mentions = [e for e in seed_graph.edges(data=True) if e[2]["relation"] == "mentions"]
    papers = {n for n, d in seed_graph.nodes(data=True) if d["kind"] == "paper" and seed_graph.degree(n)}
    assert len(data["me"]) == len(mentions)
    assert len(data["nodes"]) == len(entities(seed_graph)) + len(papers)
    assert sum(1 for n in data["nodes"] if "q" in n) == len(papers)


def test_focused_page_is_reused_until_the_graph_changes(graph_dir):
    path = page_path(graph_dir, "--around", "CPU")
    written = path.read_bytes()
    path.unlink()
    assert page_path(graph_dir, "--around", "CPU") == path
    assert path.read_bytes() == written  # deterministic
    path.write_bytes(b"kept")
    assert page_path(graph_dir, "--around", "cpu") == path
    assert path.read_bytes() == b"kept"  # newer than the graph: not redrawn
    ttl = graph_dir / "graph.ttl"
    os.utime(path, (ttl.stat().st_mtime - 10,) * 2)  # the graph was rebuilt since
    page_path(graph_dir, "--around", "CPU")
    assert path.read_bytes() == written
    assert sorted(p.name for p in graph_dir.iterdir()) == sorted(
        ["graph.html", "graph.ttl", "index.sqlite", path.name])


def test_missing_page_is_written_beside_the_graph(graph_dir, built):
    (graph_dir / "graph.html").unlink()  # as after `kgraph build --no-html`
    path = page_path(graph_dir)
    assert path == (graph_dir / "graph.html").resolve()
    assert path.read_bytes() == (built / "graph.html").read_bytes()


def test_turtle_file_pages_go_to_the_cache(graph_dir, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    ttl = tmp_path / "copy.ttl"
    shutil.copy(graph_dir / "graph.ttl", ttl)
    path, data = open_page(ttl, "--around", "CPU", "--depth", "0")
    assert path.parent == (cache / "kgraph").resolve()
    assert [n["l"] for n in data["nodes"]] == ["CPU"]
    default = page_path(ttl)
    assert default.parent == path.parent and default != path
    assert default.read_bytes() == (graph_dir / "graph.html").read_bytes()


def test_unknown_name_is_reported_as_by_neighbors(graph_dir):
    before = sorted(graph_dir.iterdir())
    a = run("open", "--graph", graph_dir, "--around", "GPUU", "--no-browser")
    b = run("neighbors", "GPUU", "--graph", graph_dir)
    assert a.exit_code == b.exit_code == 1
    assert a.output == b.output == "Error: no entity named 'GPUU'. Did you mean: GPU?\n"
    assert sorted(graph_dir.iterdir()) == before


@pytest.mark.parametrize("args, message", [
    (["--depth", "2"], "--depth needs --around NAME."),
    (["--types", "Model,Modle"], "'Modle' is not one of Model, Technique"),
    (["--max-nodes", "0"], "0 is not in the range x>=1"),
    (["--min-weight", "0"], "0 is not in the range x>=1"),
    (["--around", "GPU", "--depth", "-1"], "-1 is not in the range x>=0"),
])
def test_bad_options_are_usage_errors(graph_dir, args, message):
    result = run("open", "--graph", graph_dir, "--no-browser", *args)
    assert result.exit_code == 2
    assert message in result.output


def run_open(graph_dir, tmp_path, env):
    """`python -m kgraph open` with only ``env`` (and no display)."""
    base = {k: v for k, v in os.environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER", "PATH")}
    empty = tmp_path / "empty-path"
    empty.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "kgraph", "open", "--graph", str(graph_dir),
                           "--around", "CPU"], capture_output=True, text=True,
                          env={**base, "PATH": str(empty), **env})


def test_opens_the_system_browser(graph_dir, tmp_path):
    log = tmp_path / "opened.txt"
    browser = tmp_path / "browser"
    browser.write_text(f'#!/bin/sh\nprintf %s "$1" > "{log}"\n', encoding="utf-8")
    browser.chmod(0o755)
    proc = run_open(graph_dir, tmp_path, {"BROWSER": str(browser)})
    assert proc.returncode == 0, proc.stderr
    page = next(graph_dir.resolve().glob("graph-CPU-*.html"))
    assert proc.stdout == f"Opened {page}\n"
    assert log.read_text(encoding="utf-8") == page.as_uri()


def test_says_where_the_page_is_without_a_browser(graph_dir, tmp_path):
    proc = run_open(graph_dir, tmp_path, {})
    assert proc.returncode == 0, proc.stderr
    page = next(graph_dir.resolve().glob("graph-CPU-*.html"))
    assert proc.stdout == f"No browser found; open this file: {page}\n"
