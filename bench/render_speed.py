"""How fast the HTML view is written and becomes usable in Chromium.

For the seed graph (entities only, and with papers) and a synthetic graph
of --nodes entities (bench/synthetic.py): the time ``write_html`` takes, then
in headless Chromium (offline: any request leaving file:// is aborted and
counted) the time from navigation to the first frame of the ready page
(time-to-usable), and how long interactions take to show on screen: a search,
a click on a node (side panel and neighbour highlighting), a zoom step,
hiding a type, moving the weight slider. Medians over --runs page loads.
Screenshots go to --out (default output/): render-seeds.png,
render-seeds-selected.png, render-<N>.png, render-<N>-clusters.png.

    python bench/render_speed.py [--nodes 5000] [--runs 3] [--out output]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def measure_page(browser, path: Path, runs: int, shots: dict, size) -> dict:
    """Load ``path`` ``runs`` times; return median timings in seconds/ms."""
    import json

    usable, search, click, zoom, filter_, slider = [], [], [], [], [], []
    remote, errors, drawn = [], [], None
    for run in range(runs):
        ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                  else (remote.append(r.request.url), r.abort()))
        page = ctx.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_function("window.kgraph !== undefined", timeout=300_000)
        page.evaluate(FRAMES)
        usable.append(time.perf_counter() - start)
        drawn = page.evaluate("[kgraph.network.body.nodeIndices.length, kgraph.network.body.edgeIndices.length,"
                              " +document.getElementById('weight').value]")
        if run == 0 and "plain" in shots:
            page.screenshot(path=str(shots["plain"]))

        hub = page.evaluate("kgraph.data.order[0]")
        label = page.evaluate(f"kgraph.data.nodes[{hub}].l")
        t = time.perf_counter()
        page.fill("#search", label[: max(3, len(label) // 2)])
        page.wait_for_selector("#results li button")
        search.append(time.perf_counter() - t)

        # Click the most connected node of the second cluster, zoomed in on it.
        target = page.evaluate("(() => { const d = kgraph.data; const c = d.nodes.map((n, i) => i)"
                               ".filter(i => d.nodes[i].c === (d.clusters.length > 1 ? 1 : 0));"
                               " return c.length ? c[0] : d.order[0]; })()")
        target = page.evaluate(f"kgraph.data.order.find(i => kgraph.data.nodes[i].c === "
                               f"kgraph.data.nodes[{target}].c)")
        page.evaluate(f"kgraph.network.moveTo({{position: kgraph.network.getPosition({target}),"
                      f" scale: kgraph.network.getScale() * 4}})")
        page.evaluate(FRAMES)
        x, y = page.evaluate(f"""(() => {{
            const p = kgraph.network.canvasToDOM(kgraph.network.getPosition({target}));
            const r = document.getElementById('graph').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }})()""")
        want = page.evaluate(f"kgraph.data.nodes[{target}].l")
        t = time.perf_counter()
        page.mouse.click(x, y)
        page.wait_for_function(f"document.querySelector('#details h3') && "
                               f"document.querySelector('#details h3').textContent === {json.dumps(want)}")
        page.evaluate(FRAMES)
        click.append(time.perf_counter() - t)
        if run == 0 and "selected" in shots:
            page.mouse.move(1, 1)  # no tooltip in the picture
            page.wait_for_timeout(300)
            page.screenshot(path=str(shots["selected"]))
        page.click("#close")

        page.evaluate("kgraph.network.fit({animation: false})")
        page.evaluate(FRAMES)
        t = time.perf_counter()
        page.evaluate("kgraph.network.moveTo({scale: kgraph.network.getScale() * 1.25})")
        page.evaluate(FRAMES)
        zoom.append(time.perf_counter() - t)

        t = time.perf_counter()
        page.locator("#types input").first.uncheck()
        page.evaluate(FRAMES)
        filter_.append(time.perf_counter() - t)
        page.locator("#types input").first.check()

        if page.is_visible("#weight"):
            start_weight = page.evaluate("document.getElementById('weight').value")
            t = time.perf_counter()
            page.evaluate("const s = document.getElementById('weight'); s.value = +s.min + 1; "
                          "s.dispatchEvent(new Event('input'))")
            page.evaluate(FRAMES)
            slider.append(time.perf_counter() - t)
        if run == 0 and "clusters" in shots:
            if page.is_visible("#weight"):
                page.evaluate(f"const s = document.getElementById('weight'); s.value = {start_weight}; "
                              "s.dispatchEvent(new Event('input'))")
            page.check("input[value=cluster]")
            page.evaluate(FRAMES)
            page.screenshot(path=str(shots["clusters"]))
        ctx.close()
    ms = lambda xs: round(1000 * statistics.median(xs)) if xs else None  # noqa: E731
    return {"usable_s": round(statistics.median(usable), 2), "search_ms": ms(search),
            "click_ms": ms(click), "zoom_ms": ms(zoom), "filter_ms": ms(filter_),
            "slider_ms": ms(slider), "drawn": drawn, "remote": len(remote), "errors": errors}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--nodes", type=int, default=5000, help="entities of the synthetic graph")
    ap.add_argument("--runs", type=int, default=3, help="page loads per graph (median)")
    ap.add_argument("--out", default="output", help="folder for the screenshots")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--size", default="1400x900", help="viewport, WIDTHxHEIGHT")
    args = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    from kgraph.pipeline import build_graph_from
    from kgraph.render import write_html
    from synthetic import synthetic_graph

    size = tuple(int(x) for x in args.size.split("x"))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    seeds, _ = build_graph_from([HERE.parent / "seeds"])
    synth = synthetic_graph(args.nodes)
    cases = [
        ("seeds", seeds, {}, {"plain": out / "render-seeds.png",
                              "selected": out / "render-seeds-selected.png"}),
        ("seeds + papers", seeds, {"include_papers": True}, {}),
        (f"synthetic {args.nodes}", synth, {},
         {"plain": out / f"render-{args.nodes}.png", "clusters": out / f"render-{args.nodes}-clusters.png",
          "selected": out / f"render-{args.nodes}-selected.png"}),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for name, G, options, shots in cases:
            path = Path(tmp) / f"{len(rows)}.html"
            t = time.perf_counter()
            stats = write_html(G, path, **options)
            write = time.perf_counter() - t
            r = measure_page(browser, path, args.runs, shots, size)
            start = r["drawn"][2] or 1  # links lighter than the slider's start are hidden
            shown = stats["mentions"] + sum(
                1 for *_, d in G.edges(data=True) if d.get("relation") == "co-mention" and d["weight"] >= start)
            assert r["drawn"][:2] == [stats["nodes"], shown], (r["drawn"], stats)
            rows.append((name, stats, write, r))
            print(f"{name}: done", file=sys.stderr)
        browser.close()
    head = (f"{'graph':<16} {'nodes':>6} {'edges':>6} {'drawn':>6} {'MB':>5} {'write s':>7} {'usable s':>8} "
            f"{'search':>6} {'click':>6} {'zoom':>5} {'filter':>6} {'slider':>6}  (ms)")
    print(head)
    for name, stats, write, r in rows:
        print(f"{name:<16} {stats['nodes']:>6} {stats['edges']:>6} {r['drawn'][1]:>6} {stats['bytes'] / 1e6:>5.1f} "
              f"{write:>7.2f} {r['usable_s']:>8.2f} {r['search_ms']:>6} {r['click_ms']:>6} "
              f"{r['zoom_ms']:>5} {r['filter_ms']:>6} {str(r['slider_ms']):>6}")
    problems = [(name, r["remote"], r["errors"]) for name, _, _, r in rows if r["remote"] or r["errors"]]
    for name, remote, errors in problems:
        print(f"{name}: {remote} remote requests, console errors: {errors}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
