"""The HTML view: offline, escaped, deterministic, and drawing what was asked."""
import json
import math
import os
import re
import shutil
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import networkx as nx
import pytest

from kgraph import render
from kgraph.errors import EntityNotFound, KgraphError
from kgraph.render import generate_html, select_subgraph, write_html

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from synthetic import synthetic_graph  # noqa: E402

E = "https://w3id.org/kgraph/entity/"
P = "https://w3id.org/kgraph/paper/"
EVIL = "<script>alert(1)</script>"

# entity -> (type, aliases); papers -> (title, date, entities mentioned)
ENTITIES = {
    "GPU": ("Hardware", ["graphics processing unit"]),
    "CUDA": ("Software", []),
    "LLaMA": ("Model", ["Llama"]),
    "quantization": ("Technique", []),
    "ImageNet": ("Dataset", []),
    "lonely": ("Technique", []),
    "Ωmega-Net 日本": ("Model", []),
}
PAPERS = {
    "p1": ("Fast kernels on GPUs", "2025-01-02", ["GPU", "CUDA", "quantization"]),
    "p2": (f"Attack {EVIL} & </script><!-- title", "2025-02-03", ["GPU", "CUDA"]),
    "p3": ("Quantizing LLaMA", "2024-12-01", ["LLaMA", "quantization", "GPU"]),
    "p4": ("Vision at scale", None, ["ImageNet", "GPU", "Ωmega-Net 日本"]),
    "p5": ("A paper about nothing else", "2025-03-01", ["lonely"]),
    "p6": ("More CUDA", "2025-03-02", ["GPU", "CUDA"]),
}


def iri(label):
    return E + label.replace(" ", "_")


def make_graph(reverse=False):
    """A small graph following kgraph.graph's schema (optionally built in the
    reverse order, which must not change the page)."""
    G = nx.Graph()
    ep = {}
    for pid, (_, _, ents) in PAPERS.items():
        for e in ents:
            ep.setdefault(e, []).append(P + pid)
    papers = sorted(PAPERS, reverse=reverse)
    for pid in papers:
        title, date, _ = PAPERS[pid]
        G.add_node(P + pid, kind="paper", label=title, title=title, abstract=f"About {title}.",
                   published=date, upvotes=3, authors=["Ada", "Bob"], organization=None,
                   sources=["listing.json"])
    for label in sorted(ENTITIES, reverse=reverse):
        typ, aliases = ENTITIES[label]
        G.add_node(iri(label), kind="entity", label=label, type=typ, aliases=sorted(aliases),
                   papers=sorted(ep[label]), broader=[iri("GPU")] if label == "CUDA" else [])
    pairs = {}
    for pid in papers:
        ents = sorted(PAPERS[pid][2])
        for e in ents:
            G.add_edge(P + pid, iri(e), relation="mentions", introduces=e == "lonely")
        for a, b in combinations(ents, 2):
            pairs.setdefault((iri(a), iri(b)), []).append(P + pid)
    for (a, b), ps in sorted(pairs.items(), reverse=reverse):
        ca, cb = len(G.nodes[a]["papers"]), len(G.nodes[b]["papers"])
        G.add_edge(a, b, relation="co-mention", weight=len(ps), papers=sorted(ps),
                   association=round(len(PAPERS) * len(ps) / (ca * cb), 6))
    return G


def page_data(html):
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


@pytest.fixture(scope="module")
def graph():
    return make_graph()


@pytest.fixture(scope="module")
def page(graph, tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "graph.html"
    stats = write_html(graph, path, include_papers=True, title="Test <b>graph</b>")
    return path, path.read_text(encoding="utf-8"), stats


# -- offline, escaped --------------------------------------------------------


def test_page_loads_nothing_remote(page):
    _, html, _ = page
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"<(link|iframe|img|embed|object)\b", html, re.I)
    assert not re.search(r"<script[^>]*\bsrc\b", html, re.I)
    assert "@import" not in html
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", html, re.I)
    assert "bootstrap" not in html.lower()
    assert "vis-network" in html and "vis.Network" in html  # inlined, not linked
    # Node ids (IRIs) are not written: the page carries no remote address of ours.
    assert "w3id.org" not in html


def test_corpus_text_is_escaped(page):
    _, html, _ = page
    assert EVIL not in html
    assert "</script><!--" not in html
    assert html.count("</script>") == 3  # data, vis-network, app: nothing ended early
    assert html.count("<!--") == 0
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026" in html
    data = page_data(html)
    assert any(p["t"] == PAPERS["p2"][0] for p in data["papers"])  # decoded intact
    # The page title is HTML-escaped by the template.
    assert "<title>Test &lt;b&gt;graph&lt;/b&gt;</title>" in html


def test_app_script_never_parses_html():
    template = (Path(render.__file__).parent / render.TEMPLATE).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "DOMParser", "createContextualFragment"):
        assert sink not in template, sink
    assert "textContent" in template


def test_written_as_utf8(page):
    path, _, _ = page
    raw = path.read_bytes()
    assert "Ωmega-Net 日本".encode("utf-8") in raw
    assert b'<meta charset="utf-8">' in raw


# -- deterministic -----------------------------------------------------------


def test_same_graph_gives_identical_bytes(graph, tmp_path):
    a, b, c = tmp_path / "a.html", tmp_path / "b.html", tmp_path / "c.html"
    write_html(graph, a, include_papers=True)
    write_html(graph, b, include_papers=True)
    write_html(make_graph(reverse=True), c, include_papers=True)
    assert a.read_bytes() == b.read_bytes() == c.read_bytes()


def test_bytes_do_not_depend_on_hash_seed(tmp_path):
    """Separate processes (string hashing, so set order, differs) write the same page."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_render as t; "
        "from kgraph.render import write_html; "
        "write_html(t.make_graph(), sys.argv[2], include_papers=True); "
        "write_html(t.synthetic_graph(400), sys.argv[3])"
    )
    here = Path(__file__).resolve().parent
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", code, str(here), str(tmp_path / f"a{seed}.html"),
                        str(tmp_path / f"s{seed}.html")], check=True, env=env, cwd=here.parent)
    assert (tmp_path / "a1.html").read_bytes() == (tmp_path / "a2.html").read_bytes()
    assert (tmp_path / "s1.html").read_bytes() == (tmp_path / "s2.html").read_bytes()


def test_synthetic_layout_is_deterministic_and_spread():
    G = synthetic_graph(300)
    H = select_subgraph(G)
    one, two = render.layout(H), render.layout(H)
    assert one == two
    assert set(one) == set(H)
    points = sorted(one.values())
    assert len(set(points)) == len(points)  # no two nodes on the same pixel
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)


def test_layout_cache_gives_the_same_page(tmp_path, monkeypatch):
    """The second page comes from the layout cache (clusters and layout are
    not computed again) and is byte-identical to a page drawn without it; a
    damaged entry is computed again; another graph gets another entry."""
    G, cache = synthetic_graph(200), tmp_path / "cache"
    write_html(G, tmp_path / "plain.html")
    write_html(G, tmp_path / "first.html", cache=cache)
    entries = list((cache / "layout").glob("*.json"))
    assert len(entries) == 1

    def fail(*args, **kwargs):
        raise AssertionError("computed again")

    with monkeypatch.context() as m:
        m.setattr(render, "layout", fail)
        m.setattr(render, "clusters", fail)
        write_html(G, tmp_path / "second.html", cache=cache)
    entries[0].write_text('{"clusters": [[999999]], "pos": []}')
    write_html(G, tmp_path / "damaged.html", cache=cache)
    plain = (tmp_path / "plain.html").read_bytes()
    for name in ("first", "second", "damaged"):
        assert (tmp_path / f"{name}.html").read_bytes() == plain, name
    write_html(G, tmp_path / "papers.html", include_papers=True, cache=cache)
    assert len(list((cache / "layout").glob("*.json"))) == 2
    H = select_subgraph(G)
    lighter = H.copy()
    a, b = next((a, b) for a, b, d in H.edges(data=True) if d["weight"] > 1)
    lighter[a][b]["weight"] -= 1
    assert render.layout_key(H) != render.layout_key(lighter)
    assert render.layout_key(H) == render.layout_key(select_subgraph(G))


# -- what is drawn -----------------------------------------------------------


def test_default_view_is_entities_and_comentions(graph, tmp_path):
    stats = write_html(graph, tmp_path / "g.html")
    entities = [n for n, d in graph.nodes(data=True) if d["kind"] == "entity"]
    comentions = [e for e in graph.edges(data=True) if e[2]["relation"] == "co-mention"]
    assert stats["nodes"] == stats["entities"] == len(entities)
    assert stats["edges"] == stats["co_mentions"] == len(comentions)
    assert stats["papers"] == stats["mentions"] == 0
    data = page_data((tmp_path / "g.html").read_text(encoding="utf-8"))
    assert len(data["nodes"]) == len(entities) and data["me"] == []


def test_include_papers_adds_papers_and_mentions(graph, page):
    _, html, stats = page
    assert stats["papers"] == len(PAPERS)
    assert stats["mentions"] == sum(len(p[2]) for p in PAPERS.values())
    assert stats["nodes"] == graph.number_of_nodes()
    assert stats["edges"] == graph.number_of_edges()
    data = page_data(html)
    paper = next(n for n in data["nodes"] if "q" in n and data["papers"][n["q"]]["t"] == "Quantizing LLaMA")
    assert sorted(label for label, _ in paper["e"]) == ["GPU", "LLaMA", "quantization"]
    assert data["papers"][paper["q"]]["au"] == "Ada, Bob"


def test_types_filter(graph):
    H = select_subgraph(graph, types=["model", "Software"])
    assert {graph.nodes[n]["label"] for n in H} == {"CUDA", "LLaMA", "Ωmega-Net 日本"}
    assert all(d["relation"] == "co-mention" for *_, d in H.edges(data=True))
    with pytest.raises(KgraphError, match="unknown entity type 'Modle'"):
        select_subgraph(graph, types=["Modle"])


def test_min_weight_drops_light_edges_keeps_nodes(graph):
    H = select_subgraph(graph, min_weight=3)
    assert [(graph.nodes[a]["label"], graph.nodes[b]["label"]) for a, b in H.edges] == [("CUDA", "GPU")]
    assert len(H) == len(ENTITIES)


def test_around_and_depth(graph):
    one = select_subgraph(graph, around="LLaMA", depth=1)
    assert {graph.nodes[n]["label"] for n in one} == {"LLaMA", "quantization", "GPU"}
    two = select_subgraph(graph, around=iri("LLaMA"), depth=2)
    assert {graph.nodes[n]["label"] for n in two} == {"LLaMA", "quantization", "GPU", "CUDA",
                                                     "ImageNet", "Ωmega-Net 日本"}
    assert list(select_subgraph(graph, around="llama", depth=0)) == [iri("LLaMA")]
    assert one.graph["center"] == iri("LLaMA")
    # Around counts over what the other filters leave.
    assert set(select_subgraph(graph, around="GPU", min_weight=2)) == {iri("GPU"), iri("CUDA"), iri("quantization")}


def test_around_by_alias_and_unknown_name(graph):
    H = select_subgraph(graph, around="Graphics Processing Unit", depth=0)
    assert list(H) == [iri("GPU")]
    with pytest.raises(EntityNotFound) as err:
        select_subgraph(graph, around="CUDAA")
    assert err.value.suggestions == ["CUDA"]
    with pytest.raises(EntityNotFound):
        select_subgraph(graph, around=P + "p1")  # a paper is not a focus


def test_max_nodes_keeps_most_mentioned(graph):
    H = select_subgraph(graph, max_nodes=3)
    assert {graph.nodes[n]["label"] for n in H} == {"GPU", "CUDA", "quantization"}
    H = select_subgraph(graph, max_nodes=2, around="ImageNet")
    assert {graph.nodes[n]["label"] for n in H} == {"ImageNet", "GPU"}
    with pytest.raises(KgraphError):
        select_subgraph(graph, max_nodes=0)


def test_focus_is_written_for_the_page(graph):
    html, _ = generate_html(graph, around="CUDA")
    data = page_data(html)
    assert data["nodes"][data["focus"]]["l"] == "CUDA"
    html, _ = generate_html(graph)
    assert page_data(html)["focus"] is None


def test_legend_lists_types_present(graph):
    html, _ = generate_html(graph)
    groups = [g["name"] for g in page_data(html)["groups"]]
    assert groups == ["Model", "Technique", "Hardware", "Software", "Dataset"]  # no Organization
    html, _ = generate_html(graph, types=["Dataset", "Hardware"], include_papers=True)
    data = page_data(html)
    assert [(g["name"], g["count"]) for g in data["groups"]] == [
        ("Hardware", 1), ("Dataset", 1), ("Paper", 5)]
    assert len({g["color"] for g in data["groups"]}) == 3


def test_panel_data_from_the_whole_graph(graph):
    """Titles and co-mentions come from G even when papers or neighbours are not drawn."""
    html, _ = generate_html(graph, types=["Hardware"])
    data = page_data(html)
    (gpu,) = data["nodes"]
    assert gpu["l"] == "GPU" and gpu["n"] == 5 and gpu["a"] == ["graphics processing unit"]
    titles = [data["papers"][k]["t"] for k in gpu["p"]]
    assert titles == [PAPERS[p][0] for p in ("p6", "p2", "p1", "p3", "p4")]  # newest first
    assert gpu["m"][0] == ["CUDA", 3, -1]  # strongest first; -1: not drawn
    assert [m[0] for m in gpu["m"]] == ["CUDA", "quantization", "ImageNet", "LLaMA", "Ωmega-Net 日本"]
    html, _ = generate_html(graph)
    data = page_data(html)
    cuda = next(n for n in data["nodes"] if n["l"] == "CUDA")
    assert cuda["b"] == ["GPU"]
    assert data["nodes"][cuda["m"][0][2]]["l"] == "GPU"


def test_clusters_and_sizes(graph):
    html, stats = generate_html(graph)
    data = page_data(html)
    assert stats["clusters"] == data["clusterCount"] >= 1
    sizes = {n["l"]: n["s"] for n in data["nodes"]}
    assert sizes["GPU"] == render.MAX_RADIUS and sizes["lonely"] < sizes["CUDA"] < sizes["GPU"]
    assert data["nodes"][data["order"][0]]["l"] == "GPU"  # most important labelled first


def test_empty_selection_still_writes_a_page(tmp_path):
    stats = write_html(nx.Graph(), tmp_path / "empty.html")
    assert stats["nodes"] == stats["edges"] == 0
    assert "Nothing to draw" in (tmp_path / "empty.html").read_text(encoding="utf-8")


# -- writing -----------------------------------------------------------------


def test_failed_write_leaves_previous_file(graph, tmp_path, monkeypatch):
    path = tmp_path / "graph.html"
    path.write_text("previous", encoding="utf-8")

    def broken():
        raise KgraphError("boom")

    monkeypatch.setattr(render, "vis_assets", broken)
    with pytest.raises(KgraphError):
        write_html(graph, path)
    assert path.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["graph.html"]


def test_script_json_escapes():
    text = render.script_json({"t": "</script><!--&\u2028"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"t": "</script><!--&\u2028"}


def test_import_is_lazy():
    code = ("import sys, kgraph.render; "
            "print([m for m in ('networkx', 'numpy', 'jinja2', 'pyvis') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_far_field_repulsion_matches_exact_sum():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(1)
    pos = np.concatenate([rng.normal(0, 3, (600, 2)), rng.uniform(-60, 60, (400, 2))])
    m = rng.uniform(1, 3, len(pos))
    approx = np.zeros_like(pos)
    render._repulsion(np, pos, m, np.zeros(len(pos)), 1.0, approx, True)
    d = pos[:, None, :] - pos[None, :, :]
    d2 = (d ** 2).sum(-1)
    np.fill_diagonal(d2, np.inf)
    exact = (d * (m[:, None] * m[None, :] / d2)[..., None]).sum(1)
    err = np.linalg.norm(approx - exact, axis=1) / np.linalg.norm(exact, axis=1)
    assert np.median(err) < 0.01 and np.percentile(err, 95) < 0.05


# -- in a browser ------------------------------------------------------------
# Pages load from file:// in Debian's Chromium driven by Playwright; every
# request that is not file:// is aborted and recorded, every console error,
# page error and dialog too, and each test ends by asserting there were none.

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path():
    for name in (os.environ.get("KGRAPH_CHROMIUM"), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


@pytest.fixture
def browser_page(tmp_path):
    """A fresh Chromium page; fails the test if anything left the page or
    anything went wrong in it."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    chromium = chromium_path()
    if chromium is None:
        pytest.skip("chromium is not installed")
    remote, problems, dialogs = [], [], []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            remote.append(r.request.url)
            r.abort()

    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium, args=CHROMIUM_ARGS,
            headless=True, viewport={"width": 1280, "height": 800})
        try:
            ctx.route("**/*", route)
            page = ctx.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            yield page
        finally:
            ctx.close()
    assert remote == []
    assert problems == []
    assert dialogs == []


def load(page, path):
    page.goto(Path(path).as_uri())
    page.wait_for_function("window.kgraph !== undefined", timeout=120000)
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def drawn(page):
    """[nodes, edges] vis-network has on its canvas."""
    return page.evaluate("[kgraph.network.body.nodeIndices.length, kgraph.network.body.edgeIndices.length]")


def click_node(page, label):
    """Zoom on the node labelled ``label``, click it with the mouse and wait
    for the side panel to show it."""
    i = page.evaluate(f"kgraph.data.nodes.findIndex(n => n.l === {json.dumps(label)})")
    page.evaluate(f"kgraph.network.moveTo({{position: kgraph.network.getPosition({i}), scale: 1.5}})")
    x, y = page.evaluate(f"""(() => {{
        const p = kgraph.network.canvasToDOM(kgraph.network.getPosition({i}));
        const r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }})()""")
    page.mouse.click(x, y)
    page.wait_for_function(
        f"document.querySelector('#details h3') && "
        f"document.querySelector('#details h3').textContent === {json.dumps(label)}")


def in_full_colour(page):
    """Labels of the nodes drawn in their own colour (not faded)."""
    return set(page.evaluate("""(() => {
        const d = kgraph.data, out = [];
        for (const [id, node] of Object.entries(kgraph.network.body.nodes))
            if (node.options.color.background === d.groups[d.nodes[id].g].color) out.push(d.nodes[id].l);
        return out; })()"""))


def test_page_in_browser(graph, tmp_path, browser_page):
    page = browser_page
    path = tmp_path / "graph.html"
    write_html(graph, path, include_papers=True)
    load(page, path)
    assert drawn(page) == [graph.number_of_nodes(), graph.number_of_edges()]

    # Search by alias, Enter focuses the entity and fills the panel.
    page.fill("#search", "graphics proc")
    assert page.text_content("#results li button") == "GPU"
    page.press("#search", "Enter")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#details h3") == "GPU"
    assert "5 papers" in page.text_content("#details")

    # Clicking a node shows it; the <script> title is shown as text.
    page.wait_for_timeout(600)  # the focus animation
    click_node(page, "CUDA")
    details = page.text_content("#details")
    assert PAPERS["p2"][0] in details
    assert page.text_content("#details ol li") == "GPU\u00b7 3 papers"
    assert page.evaluate("document.querySelectorAll('#details script, #details b').length") == 0
    # ... and fades what is not linked to it.
    linked = {graph.nodes[m]["label"] for m in graph[iri("CUDA")]}
    assert in_full_colour(page) == linked | {"CUDA"} == {
        "CUDA", "GPU", "quantization", PAPERS["p1"][0], PAPERS["p2"][0], PAPERS["p6"][0]}
    page.click("#details ol li button")  # a co-mention link focuses that entity
    page.wait_for_function("document.querySelector('#details h3').textContent === 'GPU'")
    assert page.evaluate("kgraph.network.getSelectedNodes()") == [
        page.evaluate("kgraph.data.nodes.findIndex(n => n.l === 'GPU')")]
    page.click("#close")
    assert len(in_full_colour(page)) == graph.number_of_nodes()

    # Filters: a type checkbox hides its nodes; the slider hides light edges.
    hardware = page.evaluate("kgraph.data.groups.findIndex(g => g.name === 'Hardware')")
    page.locator("#types input").nth(hardware).uncheck()
    assert page.evaluate("kgraph.nodesView.length") == graph.number_of_nodes() - 1
    page.locator("#types input").nth(hardware).check()
    page.evaluate("const s = document.getElementById('weight'); s.value = 2; "
                  "s.dispatchEvent(new Event('input'))")
    heavy = sum(1 for *_, d in graph.edges(data=True) if d.get("weight", 0) >= 2)
    mentions = sum(1 for *_, d in graph.edges(data=True) if d["relation"] == "mentions")
    assert drawn(page) == [graph.number_of_nodes(), heavy + mentions]
    page.check("input[value=cluster]")
    page.screenshot(path=str(tmp_path / "small.png"))


def test_seed_page_in_browser(built, seed_graph, tmp_path, browser_page):
    """The page `kgraph build` wrote for the seeds draws every entity and
    co-mention of the graph, finds and shows entities."""
    page = browser_page
    load(page, built / "graph.html")
    entities = {n for n, d in seed_graph.nodes(data=True) if d["kind"] == "entity"}
    comentions = [(a, b) for a, b, d in seed_graph.edges(data=True) if d["relation"] == "co-mention"]
    assert drawn(page) == [len(entities), len(comentions)]

    gpu = next(n for n in entities if seed_graph.nodes[n]["label"] == "GPU")
    page.fill("#search", "gpu")
    assert page.text_content("#results li button") == "GPU"
    page.press("#search", "Enter")
    page.wait_for_selector("#panel:not([hidden])")
    assert page.text_content("#details h3") == "GPU"
    papers = len(seed_graph.nodes[gpu]["papers"])
    assert f"Hardware · {papers} papers" in page.text_content("#details p")
    assert page.locator("#details ol").last.locator("li").count() == min(papers, 200)

    page.wait_for_timeout(600)
    cpu = next(n for n in entities if seed_graph.nodes[n]["label"] == "CPU")
    click_node(page, "CPU")
    linked = {seed_graph.nodes[m]["label"] for m, d in seed_graph[cpu].items()
              if d["relation"] == "co-mention"}
    assert in_full_colour(page) == linked | {"CPU"}
    page.screenshot(path=str(tmp_path / "seeds.png"))


def test_5000_entity_page_in_browser(tmp_path, browser_page):
    """At 5,000 entities the page starts with the lightest links hidden (at
    most 10,000 drawn), draws every link once the slider is moved to 1, and
    search and click still work."""
    page = browser_page
    G = synthetic_graph(5000)
    path = tmp_path / "big.html"
    write_html(G, path)
    load(page, path)
    weights = [d["weight"] for *_, d in G.edges(data=True) if d["relation"] == "co-mention"]
    start = int(page.evaluate("document.getElementById('weight').value"))
    shown = sum(1 for w in weights if w >= start)
    assert drawn(page) == [5000, shown]
    assert shown <= 10000 < sum(1 for w in weights if w >= start - 1)
    assert "Showing 5,000 nodes, " + f"{shown:,} links" in page.text_content("#summary")

    hub = max((n for n, d in G.nodes(data=True) if d["kind"] == "entity"),
              key=lambda n: (len(G.nodes[n]["papers"]), n))
    label = G.nodes[hub]["label"]
    page.fill("#search", label)
    assert page.text_content("#results li button") == label
    page.fill("#search", "")
    click_node(page, label)
    assert f"{len(G.nodes[hub]['papers'])} papers" in page.text_content("#details p")

    page.evaluate("const s = document.getElementById('weight'); s.value = 1; "
                  "s.dispatchEvent(new Event('input'))")
    page.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert drawn(page) == [5000, len(weights)]
    page.screenshot(path=str(tmp_path / "big.png"))
