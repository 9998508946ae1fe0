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
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FRAMES = "new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


# In-page timing: from the event to the animation frame after the page has
# reacted (the handlers and vis-network's redraw are synchronous, the label
# pass runs on the frame after a redraw, hence two or three frames).
TIMED = """async ([action, frames]) => {
    const next = () => new Promise(r => requestAnimationFrame(r));
    const t = performance.now();
    action();
    for (let k = 0; k < frames; k++) await next();
    return performance.now() - t; }"""


def timed(page, action: str, frames: int = 2) -> float:
    """Milliseconds from running ``action`` (JS statements) to ``frames`` frames later."""
    return page.evaluate(TIMED.replace("action()", action), [None, frames])


def measure_page(browser, path: Path, runs: int, shots: dict, size) -> dict:
    """Load ``path`` ``runs`` times; return median timings (s, ms), what was
    drawn, remote requests and console errors."""
    keys = ("usable", "search", "click", "zoom", "filter", "slider")
    times = {k: [] for k in keys}
    remote, errors, drawn = [], [], None
    for run in range(runs):
        ctx = browser.new_context(viewport={"width": size[0], "height": size[1]})
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:")
                  else (remote.append(r.request.url), r.abort()))
        page = ctx.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(path.as_uri())
        page.wait_for_function("window.kgraph !== undefined", timeout=300_000)
        # performance.now() counts from the start of the navigation.
        times["usable"].append(page.evaluate(FRAMES + ".then(() => performance.now())") / 1000)
        drawn = page.evaluate("[kgraph.network.body.nodeIndices.length, kgraph.network.body.edgeIndices.length,"
                              " +document.getElementById('weight').value]")
        if run == 0 and "plain" in shots:
            page.screenshot(path=str(shots["plain"]))

        hub = page.evaluate("kgraph.data.order[0]")
        query = page.evaluate(f"kgraph.data.nodes[{hub}].l.slice(0, 4)")
        times["search"].append(timed(page, f"const b = document.getElementById('search'); b.value = "
                                           f"{json.dumps(query)}; b.dispatchEvent(new Event('input'))", 1))
        assert page.locator("#results li button").count() > 0

        # Click the most important node of the second largest cluster, zoomed in.
        target = page.evaluate("(() => { const d = kgraph.data, c = d.clusters.length > 1 ? 1 : 0;"
                               " return d.order.find(i => d.nodes[i].c === c) ?? d.order[0]; })()")
        page.evaluate(f"kgraph.network.moveTo({{position: kgraph.network.getPosition({target}),"
                      f" scale: kgraph.network.getScale() * 4}})")
        page.evaluate(FRAMES)
        x, y = page.evaluate(f"""(() => {{
            const p = kgraph.network.canvasToDOM(kgraph.network.getPosition({target}));
            const r = document.getElementById('graph').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y]; }})()""")
        page.evaluate("""window.benchClick = new Promise(done => {
            document.querySelector('#graph canvas').addEventListener('pointerup', () => {
                const t = performance.now();
                kgraph.network.once('click', () => requestAnimationFrame(() =>
                    requestAnimationFrame(() => done(performance.now() - t))));
            }, {capture: true, once: true}); }); 0""")
        page.mouse.click(x, y)
        times["click"].append(page.evaluate("window.benchClick"))
        want = page.evaluate(f"kgraph.data.nodes[{target}].l")
        assert page.text_content("#details h3") == want
        if run == 0 and "selected" in shots:
            page.mouse.move(1, 1)  # no tooltip in the picture
            page.wait_for_timeout(300)
            page.screenshot(path=str(shots["selected"]))
        page.click("#close")

        page.evaluate("kgraph.network.fit({animation: false})")
        page.evaluate(FRAMES)
        times["zoom"].append(timed(page, "kgraph.network.moveTo({scale: kgraph.network.getScale() * 1.25})", 3))
        times["filter"].append(timed(page, "document.querySelector('#types input').click()"))
        page.evaluate("document.querySelector('#types input').click()")
        page.evaluate(FRAMES)
        if page.is_visible("#weight"):
            start = page.evaluate("document.getElementById('weight').value")
            times["slider"].append(timed(page, "const s = document.getElementById('weight'); "
                                               "s.value = +s.value + 1; s.dispatchEvent(new Event('input'))"))
            page.evaluate(f"const s = document.getElementById('weight'); s.value = {start}; "
                          "s.dispatchEvent(new Event('input'))")
        if run == 0 and "clusters" in shots:
            page.fill("#search", "")
            page.mouse.move(1, 1)
            page.check("input[value=cluster]")
            page.evaluate(FRAMES)
            page.screenshot(path=str(shots["clusters"]))
        ctx.close()
    out = {k: round(statistics.median(v)) if v else None for k, v in times.items()}
    out["usable"] = round(statistics.median(times["usable"]), 2)
    return {**out, "drawn": drawn, "remote": len(remote), "errors": errors}


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
              f"{write:>7.2f} {r['usable']:>8.2f} {r['search']:>6} {r['click']:>6} "
              f"{r['zoom']:>5} {r['filter']:>6} {str(r['slider']):>6}")
    problems = [(name, r["remote"], r["errors"]) for name, _, _, r in rows if r["remote"] or r["errors"]]
    for name, remote, errors in problems:
        print(f"{name}: {remote} remote requests, console errors: {errors}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
