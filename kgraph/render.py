"""Draw the graph as one self-contained, offline HTML page.

The page inlines vis-network's JS and CSS (read from the copy pyvis ships)
and an application script from ``templates/graph.html.j2``; it loads nothing
from the network. pyvis's own templates and ``Network`` are not used: its
``in_line`` page still links Bootstrap from a CDN, and ``from_nx``/``add_edge``
are quadratic.

Everything a browser would have to compute slowly is computed here: node
positions (a force layout started from a layout of the Louvain clusters, with
a grid-hierarchy approximation of long-range repulsion so that it scales to
thousands of nodes), sizes, clusters and the details shown on click. The page
itself runs with physics off.

Output is deterministic: nodes and edges are sorted, the layout and the
clustering are seeded, coordinates are rounded, no time stamp or random id
is written. Corpus text only travels as JSON inside a non-executed
``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped, and
the page only ever sets it as ``textContent``.
"""
from __future__ import annotations

import heapq
import json
import math
import os
from pathlib import Path

ENTITY_TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")

# Tableau 10: distinct, readable on white, fairly colour-blind safe.
TYPE_COLORS = {
    "Model": "#4e79a7",
    "Technique": "#f28e2b",
    "Hardware": "#e15759",
    "Software": "#76b7b2",
    "Dataset": "#59a14f",
    "Organization": "#b07aa1",
}
EXTRA_COLORS = ("#9c755f", "#edc948", "#ff9da7", "#86bcb6")
PAPER_GROUP, PAPER_COLOR = "Paper", "#bab0ac"
# The largest clusters get a colour each, the rest share OTHER_CLUSTER_COLOR.
CLUSTER_COLORS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#8cd17d", "#d37295", "#499894",
    "#17becf", "#bcbd22", "#7570b3", "#e7298a", "#a6761d", "#1b9e77", "#86bcb6", "#fabfd2",
)
OTHER_CLUSTER_COLOR = "#c8c8c8"

SEED = 7
PX = 40.0  # pixels per unit of the layout (the ideal edge length)
MIN_RADIUS, MAX_RADIUS, PAPER_RADIUS = 6.0, 28.0, 5.0
TOP_COMENTIONS = 10
# Layout: repulsion grows with sqrt(1 + degree), so hubs get room for their
# labels; edges between clusters pull INTER times as hard as edges inside, so
# clusters read as regions (both chosen by eye on the seed corpus).
INTER = 0.3
FAR_EVERY = 3  # recompute the far field every this many iterations
BIG = 40  # components at least this big get the long-range repulsion
MAX_ABSTRACT = 1200
VIS_VERSION = "9.1.2"
TEMPLATE = "templates/graph.html.j2"
LAYOUT_FORMAT = "1"  # of the layout cache's entries (``clusters_and_layout``)


# --------------------------------------------------------------------------
# Selection


def select_subgraph(
    G,
    *,
    include_papers: bool = False,
    types=None,
    min_weight: int = 1,
    max_nodes: int | None = None,
    around: str | None = None,
    depth: int = 1,
):
    """The part of ``G`` to draw, as a new graph with nodes and edges in sorted
    order (so that seeded layout and clustering do not depend on how ``G`` was
    built). Attribute dicts are shared with ``G``, not copied.

    Steps, in order: keep entities of ``types``; drop co-mention edges lighter
    than ``min_weight``; with ``around`` (an entity id, label or alias) keep
    the entities within ``depth`` co-mention hops of it, over what is left;
    with ``max_nodes`` keep that many entities with the most papers (the
    ``around`` entity always stays); with ``include_papers`` add the papers
    mentioning a kept entity and their ``mentions`` edges. Isolated entities
    are kept.
    """
    import networkx as nx

    from .errors import KgraphError

    if min_weight is None:
        min_weight = 1
    if max_nodes is not None and max_nodes < 1:
        raise KgraphError(f"max_nodes must be at least 1, not {max_nodes}")
    if depth < 0:
        raise KgraphError(f"depth must be 0 or more, not {depth}")
    entities = {n: d for n, d in G.nodes(data=True) if d.get("kind") == "entity"}
    wanted = _check_types(types, entities) if types is not None else None
    keep = {n for n, d in entities.items() if wanted is None or d.get("type") in wanted}
    center = _resolve(G, entities, around) if around is not None else None
    if center is not None:
        keep.add(center)

    adjacency = dict(G.adjacency())  # the plain dicts: faster than G.adj's views
    comentions = sorted(
        (a, b, d)
        for a in keep
        for b, d in adjacency[a].items()
        if a <= b
        and b in keep
        and d.get("relation") == "co-mention"
        and d.get("weight", 1) >= min_weight
    )
    if center is not None:
        adj: dict[str, list[str]] = {}
        for a, b, _ in comentions:
            adj.setdefault(a, []).append(b)
            adj.setdefault(b, []).append(a)
        reached, frontier = {center}, [center]
        for _ in range(depth):
            frontier = sorted({m for n in frontier for m in adj.get(n, ()) if m not in reached})
            reached.update(frontier)
        keep = reached
    if max_nodes is not None and len(keep) > max_nodes:
        ranked = sorted(keep, key=lambda n: (n != center, *_importance(n, entities[n])))
        keep = set(ranked[:max_nodes])

    H = nx.Graph()
    for n in sorted(keep):
        H.add_node(n, **entities[n])
    H.add_edges_from((a, b, d) for a, b, d in comentions if a in keep and b in keep)
    if include_papers:
        mentions = sorted(
            (p, e, d)
            for a, b, d in G.edges(data=True)
            if d.get("relation") == "mentions"
            for p, e in ((a, b) if a not in entities else (b, a),)
            if e in keep
        )
        for p in sorted({p for p, _, _ in mentions}):
            H.add_node(p, **G.nodes[p])
        H.add_edges_from(mentions)
    H.graph["center"] = center
    return H


def _importance(n, d):
    """Sort key: more papers first, then label, then id."""
    return (-len(d.get("papers") or ()), str(d.get("label", n)).casefold(), n)


def _check_types(types, entities):
    from .errors import KgraphError

    if isinstance(types, str):
        types = [types]
    known = sorted(set(ENTITY_TYPES) | {d.get("type") for d in entities.values()} - {None})
    by_fold = {t.casefold(): t for t in known}
    out = set()
    for t in types:
        if t.casefold() not in by_fold:
            raise KgraphError(f"unknown entity type {t!r}; choose from {', '.join(known)}")
        out.add(by_fold[t.casefold()])
    return out


def _resolve(G, entities, name):
    """The entity node ``name`` designates: a node id, else a label or alias
    (compared with ``names.fold``), preferring labels, then more papers."""
    from .errors import AmbiguousEntity, EntityNotFound
    from .names import fold

    if name in entities:
        return name
    if name in G:
        raise EntityNotFound(name)  # a paper: only entities can be a focus
    key = fold(name)
    by_label = [n for n, d in entities.items() if fold(str(d.get("label", ""))) == key]
    by_alias = [n for n, d in entities.items() if key in {fold(a) for a in d.get("aliases") or ()}]
    for found in (by_label, by_alias):
        if len(found) == 1:
            return found[0]
        if found:
            best = sorted(found, key=lambda n: _importance(n, entities[n]))
            top = len(entities[best[0]].get("papers") or ())
            if top > len(entities[best[1]].get("papers") or ()):
                return best[0]
            raise AmbiguousEntity(
                name, [f"{entities[n].get('label')} ({entities[n].get('type')})" for n in best]
            )
    import difflib

    labels = sorted({str(d.get("label", "")) for d in entities.values()})
    close = difflib.get_close_matches(name, labels, n=5, cutoff=0.75)
    raise EntityNotFound(name, close)


# --------------------------------------------------------------------------
# Clusters and layout


def clusters(H, seed: int = SEED) -> list[list[str]]:
    """Louvain communities of the entities of ``H`` over co-mention weights,
    largest first (ties: smallest node id); each community sorted."""
    import networkx as nx

    E = nx.Graph()
    E.add_nodes_from(n for n, d in H.nodes(data=True) if d.get("kind") == "entity")
    E.add_edges_from(
        (a, b, {"weight": d.get("weight", 1)})
        for a, b, d in H.edges(data=True)
        if d.get("relation") == "co-mention"
    )
    if not len(E):
        return []
    found = nx.community.louvain_communities(E, weight="weight", seed=seed)
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))


def clusters_and_layout(H, seed: int = SEED, *, cache=False):
    """``clusters(H, seed)`` and the ``layout`` of ``H`` over them, reused
    from the layout cache when ``cache`` is True (the user's cache folder) or
    a folder, and stored there otherwise. An entry is keyed by a hash of
    everything the two read (``layout_key``), so a cached result is the one
    they would compute: a rebuild of an unchanged graph skips ~0.5 s of the
    seeds' page and writes the same bytes."""
    store = None
    if cache:
        from .cache import LayoutCache

        store = LayoutCache(None if cache is True else cache)
        key = layout_key(H, seed)
        found = store.load(key)
        if found is not None:
            nodes = list(H)
            try:
                groups = [[nodes[i] for i in members] for members in found["clusters"]]
                pos = {v: (x, y) for v, (x, y) in zip(nodes, found["pos"], strict=True)}
                return groups, pos
            except (KeyError, IndexError, TypeError, ValueError):
                pass  # a damaged entry: compute again, overwrite it
    groups = clusters(H, seed)
    pos = layout(H, {v: c for c, members in enumerate(groups) for v in members}, seed=seed)
    if store is not None:
        index = {v: i for i, v in enumerate(H)}
        store.store(key, {"clusters": [[index[v] for v in members] for members in groups],
                          "pos": [pos[v] for v in H]})
    return groups, pos


def layout_key(H, seed: int = SEED) -> str:
    """A hash of what ``clusters`` and ``layout`` read of ``H`` (node ids,
    kinds and paper counts, every adjacency in its order with the edges'
    relation and weight), the seed, this module's code and the versions of
    Python, networkx and numpy that compute them."""
    import hashlib
    import sys
    from importlib.metadata import PackageNotFoundError, version

    import networkx

    try:
        numpy = version("numpy")  # without importing it: a page from the cache needs no numpy
    except PackageNotFoundError:
        numpy = None
    h = hashlib.sha256()
    h.update(f"{LAYOUT_FORMAT} {seed} {sys.version_info[:2]} {networkx.__version__} {numpy}\0".encode())
    h.update(Path(__file__).read_bytes())
    index = {v: i for i, v in enumerate(H)}
    parts = []
    for v, d in H.nodes(data=True):
        parts.append(f"\0{v}\t{d.get('kind')}\t{len(d.get('papers') or ())}")
        parts.extend(f"\t{index[m]} {e.get('relation')} {e.get('weight', 1)!r}" for m, e in H.adj[v].items())
    h.update("\n".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


def node_radius(d, max_papers: int) -> float:
    """Radius in pixels: papers are small squares; an entity grows with the
    square root of its number of papers, so area follows the count."""
    if d.get("kind") != "entity":
        return PAPER_RADIUS
    n = len(d.get("papers") or ())
    return round(MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(n / max(max_papers, 1)), 1)


def layout(H, cluster_of=None, *, seed: int = SEED, iterations: int | None = None):
    """Positions ``{node: (x, y)}`` in pixels, rounded to integers.

    Each connected component of ``BIG`` nodes or more is laid out on its own:
    its Louvain clusters (``cluster_of``: node -> cluster number) are placed
    as discs by a small force layout of the cluster graph, its nodes scattered
    in their cluster's disc, then refined by Fruchterman-Reingold with
    repulsion growing with degree, exact between neighbours and approximated
    beyond (see ``_repulsion``), and edges between clusters weakened (INTER).
    The small components are refined together, with short-range repulsion
    only. Components are then packed in rows, the largest first, isolated
    nodes last. numpy's transcendental functions and BLAS, whose results can
    vary with the CPU's instruction set, are avoided (Python's ``math`` is
    used instead), so the same graph gives the same pixels elsewhere too.
    """
    import networkx as nx

    np = _numpy()
    nodes = list(H)
    n = len(nodes)
    if n == 0:
        return {}
    index = {v: i for i, v in enumerate(nodes)}
    if cluster_of is None:
        cluster_of = {v: c for c, members in enumerate(clusters(H, seed)) for v in members}
    max_papers = max(
        (len(d.get("papers") or ()) for _, d in H.nodes(data=True) if d.get("kind") == "entity"),
        default=1,
    )
    radius = np.array([node_radius(H.nodes[v], max_papers) for v in nodes]) / PX
    edges = [(index[a], index[b], d) for a, b, d in H.edges(data=True)]
    u = np.array([e[0] for e in edges], dtype=np.int64)
    v = np.array([e[1] for e in edges], dtype=np.int64)
    raw = np.array(
        [float(d.get("weight", 1)) if d.get("relation") == "co-mention" else 0.0
         for _, _, d in edges]
    )
    w = np.array([1.0 + math.log(x) if x else 0.5 for x in raw.tolist()])
    cl = np.array([cluster_of.get(x, -1) if H.nodes[x].get("kind") == "entity" else -1
                   for x in nodes], dtype=np.int64)
    if len(u):
        w = w * np.where((cl[u] == cl[v]) & (cl[u] >= 0), 1.0, INTER)
    degree = np.bincount(np.concatenate((u, v)), minlength=n).astype(float)
    mass = np.sqrt(1.0 + degree)
    rng = np.random.default_rng(seed)
    pos = np.zeros((n, 2))
    comps = sorted(
        (sorted(index[x] for x in c) for c in nx.connected_components(H)),
        key=lambda c: (-len(c), c[0]),
    )
    if iterations is None:  # the cluster start is good: big graphs settle sooner
        iterations = 100 if n <= 2000 else 60
    component = np.zeros(n, dtype=np.int64)
    for c, comp in enumerate(comps):
        component[comp] = c
    edge_component = component[u]
    offset = 0.0
    small = []
    for c, comp in enumerate(comps):
        span = _init_component(np, H, nodes, index, comp, cl, pos, rng,
                               (u, v, raw, edge_component == c))
        if len(comp) >= BIG:
            keep = edge_component == c
            local = np.full(n, -1, dtype=np.int64)
            local[comp] = np.arange(len(comp))
            sub = pos[comp]
            _fruchterman_reingold(np, sub, local[u[keep]], local[v[keep]], w[keep],
                                  radius[comp], iterations, far=True, mass=mass[comp])
            pos[comp] = sub
        else:
            pos[comp] += (offset + span, 0.0)
            offset += 2 * span + 4.0
            small.extend(comp)
    if small:
        small = np.array(sorted(small), dtype=np.int64)
        local = np.full(n, -1, dtype=np.int64)
        local[small] = np.arange(len(small))
        keep = local[u] >= 0
        sub = pos[small]
        _fruchterman_reingold(np, sub, local[u[keep]], local[v[keep]], w[keep],
                              radius[small], iterations, far=False)
        pos[small] = sub
    _pack(np, pos, comps, radius)
    pos *= PX
    return {x: (int(round(pos[i, 0])), int(round(pos[i, 1]))) for i, x in enumerate(nodes)}


def _numpy():
    try:
        import numpy
    except ImportError:
        from .errors import KgraphError

        raise KgraphError("the HTML view needs numpy to lay the graph out: pip install numpy") from None
    return numpy


def _init_component(np, H, nodes, index, comp, cl, pos, rng, edges):
    """Initial positions for one component, centred on 0; returns its radius.
    ``cl``: cluster per node (-1 for papers); ``edges``: (u, v, co-mention
    weight or 0, whether the edge is in this component)."""
    size = len(comp)
    span = 0.75 * math.sqrt(size) + 1.0
    members = cl[comp]
    keys = sorted(set(members[members >= 0].tolist()))
    if len(keys) <= 1 or size < 12:
        pos[comp] = _disc(np, rng, len(comp)) * span
        return span
    # Place the clusters first: discs sized by membership, pulled together by
    # the co-mentions between them (our own FR, exact at this size: networkx's
    # layouts go through BLAS and SIMD maths, which can differ between CPUs).
    u, v, raw, inside = edges
    a, b = cl[u], cl[v]
    sel = inside & (a >= 0) & (b >= 0) & (a != b)
    lo = np.searchsorted(keys, np.minimum(a[sel], b[sel]))
    hi = np.searchsorted(keys, np.maximum(a[sel], b[sel]))
    pair, inverse = np.unique(lo * len(keys) + hi, return_inverse=True)
    between = np.bincount(inverse, raw[sel], len(pair))
    counts = np.bincount(np.searchsorted(keys, members[members >= 0]), minlength=len(keys))
    discs = 0.7 * np.sqrt(counts) + 0.3
    centers = _disc(np, rng, len(keys)) * span
    _fruchterman_reingold(np, centers, pair // len(keys), pair % len(keys),
                          np.array([1.0 + math.log(x) for x in between.tolist()]),
                          discs, 200, far=False, exact=True)
    comp = np.asarray(comp)
    for c, key in enumerate(keys):
        group = comp[members == key]
        pos[group] = _disc(np, rng, len(group)) * discs[c] + centers[c]
    for i in comp[members < 0].tolist():  # a paper starts among what it mentions
        near = [index[m] for m in H[nodes[i]]]
        pos[i] = pos[near].mean(axis=0) + rng.normal(0, 0.5, 2)
    return span


def _disc(np, rng, k):
    """``k`` points spread uniformly over the unit disc (Python's trigonometry:
    numpy's may pick CPU-specific code and differ in the last bit)."""
    r = np.sqrt(rng.random(k))
    t = rng.random(k) * (2 * math.pi)
    cos = np.array([math.cos(x) for x in t.tolist()])
    sin = np.array([math.sin(x) for x in t.tolist()])
    return np.column_stack((r * cos, r * sin))


def _near_pairs(np, key, width):
    """Index pairs of points in the same or adjacent grid cells, each once
    (``key`` = row * ``width`` + column, with a margin of one cell)."""
    n = len(key)
    order = np.argsort(key, kind="stable")
    skey = key[order]
    ids = np.arange(n)
    out_i, out_j = [], []
    for dx, dy in ((0, 0), (1, 0), (-1, 1), (0, 1), (1, 1)):
        target = key + dy * width + dx
        lo = np.searchsorted(skey, target, "left")
        count = np.searchsorted(skey, target, "right") - lo
        total = int(count.sum())
        if not total:
            continue
        i = np.repeat(ids, count)
        j = order[np.repeat(lo - (np.cumsum(count) - count), count) + np.arange(total)]
        if dx == 0 and dy == 0:
            keep = i < j
            i, j = i[keep], j[keep]
        out_i.append(i)
        out_j.append(j)
    if not out_i:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    return np.concatenate(out_i), np.concatenate(out_j)


# Interaction offsets at one level of the grid hierarchy: cells up to 3 away,
# minus the 3x3 neighbourhood (handled one level down, or exactly at level 0).
_OFFSETS = [(dx, dy) for dy in range(-3, 4) for dx in range(-3, 4) if max(abs(dx), abs(dy)) > 1]
# ... of those, the ones whose parent cell neighbours the parent of a cell
# with parities (x & 1) + 2 (y & 1) = 0..3: 27 each.
_CHILD_OFFSETS = [
    [(dx, dy) for dx, dy in _OFFSETS if abs((p & 1) + dx >> 1) <= 1 and abs((p >> 1) + dy >> 1) <= 1]
    for p in range(4)
]


def _repulsion(np, pos, m, radius, k, disp, far, near_only=False):
    """Add the repulsion ``k^2 m_i m_j / d`` to ``disp``.

    Returns the level-0 cells for ``_far_field``, which is skipped if
    ``near_only``. Pairs in the same or adjacent cells of a grid of side
    >= 2k are exact,
    with ``d`` measured between rims. With ``far``, every other pair is
    counted once through a hierarchy of grids, each cell doubling the last
    (Barnes-Hut's idea on a fixed grid): at each level a point feels, as one
    mass at their centre of mass, the cells that are not adjacent to its own
    but whose parents are adjacent to its parent. Cost per call: about
    near pairs + 40 points x levels, instead of points squared. Without
    ``far``: nothing beyond 2k (the grid variant of Fruchterman-Reingold).
    """
    n = len(pos)
    lo = pos.min(axis=0)
    span = float((pos.max(axis=0) - lo).max())
    cell = max(2 * k, span / 256)  # at most 256 x 256 cells at level 0
    c0 = np.floor((pos - lo) / cell).astype(np.int64)
    width = int(c0[:, 0].max()) + 3
    i, j = _near_pairs(np, (c0[:, 1] + 1) * width + (c0[:, 0] + 1), width)
    if len(i):
        d = pos[i] - pos[j]
        dist = np.sqrt((d * d).sum(axis=1)) + 1e-9
        gap = dist - radius[i] - radius[j]
        if not far:
            near = gap < 2 * k
            i, j, d, dist, gap = i[near], j[near], d[near], dist[near], gap[near]
        f = (k * k / np.maximum(gap, 0.05 * k)) / dist * m[i] * m[j]
        for axis in (0, 1):
            fx = d[:, axis] * f
            disp[:, axis] += np.bincount(i, fx, n) - np.bincount(j, fx, n)
    if far and not near_only:
        _far_field(np, pos, m, k, disp, c0)
    return c0


def _far_field(np, pos, m, k, disp, c0):
    """The hierarchical part of ``_repulsion``: pairs in non-adjacent cells."""
    top = 0
    while (int(c0.max()) >> top) > 3:
        top += 1
    for level in range(top + 1):
        c = c0 >> level
        wx = int(c[:, 0].max()) + 7
        size = wx * (int(c[:, 1].max()) + 7)
        flat = (c[:, 1] + 3) * wx + (c[:, 0] + 3)
        mass = np.bincount(flat, m, size)
        safe = np.where(mass > 0, mass, 1.0)
        cx = np.bincount(flat, m * pos[:, 0], size) / safe
        cy = np.bincount(flat, m * pos[:, 1], size) / safe
        if level == top:
            groups = [(slice(None), _OFFSETS)]
        else:  # below the top, only cells whose parent neighbours ours
            parity = (c[:, 0] & 1) + 2 * (c[:, 1] & 1)
            groups = [(np.nonzero(parity == p)[0], _CHILD_OFFSETS[p]) for p in range(4)]
        for who, offsets in groups:
            off = np.array(offsets, dtype=np.int64)
            target = flat[who, None] + off[None, :, 1] * wx + off[None, :, 0]
            dx = pos[who, 0, None] - cx[target]
            dy = pos[who, 1, None] - cy[target]
            f = mass[target] * (k * k) / (dx * dx + dy * dy + 1e-9) * m[who, None]
            disp[who, 0] += (dx * f).sum(axis=1)
            disp[who, 1] += (dy * f).sum(axis=1)


def _fruchterman_reingold(np, pos, u, v, w, radius, iterations, *, far=True, exact=False,
                          k=1.0, mass=None):
    """Refine ``pos`` in place: repulsion as in ``_repulsion`` (or between
    every pair if ``exact``, for a few hundred points at most), attraction
    ``w d^2 / k`` along edges, ``d`` between rims so big nodes get room;
    steps capped by a temperature that cools linearly."""
    n = len(pos)
    if n < 2:
        return
    m = np.ones(n) if mass is None else mass
    t0 = 2.0 * k
    far_disp = np.zeros((n, 2))  # the far field, recomputed every FAR_EVERY steps
    for it in range(iterations):
        t = t0 * (1 - it / iterations) + 0.02 * k
        disp = np.zeros((n, 2))
        if exact:
            i, j = np.triu_indices(n, 1)
            d = pos[i] - pos[j]
            dist = np.sqrt((d * d).sum(axis=1)) + 1e-9
            gap = dist - radius[i] - radius[j]
            f = (k * k / np.maximum(gap, 0.05 * k)) / dist * m[i] * m[j]
            for axis in (0, 1):
                fx = d[:, axis] * f
                disp[:, axis] += np.bincount(i, fx, n) - np.bincount(j, fx, n)
        elif far and it % FAR_EVERY:  # the far field changes slowly: reuse it
            _repulsion(np, pos, m, radius, k, disp, far, near_only=True)
            disp += far_disp
        else:
            far_disp[:] = 0.0
            c0 = _repulsion(np, pos, m, radius, k, disp, far, near_only=True)
            if far:
                _far_field(np, pos, m, k, far_disp, c0)
                disp += far_disp
        if len(u):
            d = pos[u] - pos[v]
            dist = np.sqrt((d * d).sum(axis=1)) + 1e-9
            gap = np.maximum(dist - radius[u] - radius[v], 0.0)
            f = w * gap * gap / k / dist
            for axis in (0, 1):
                fx = d[:, axis] * f
                disp[:, axis] += np.bincount(v, fx, n) - np.bincount(u, fx, n)
        length = np.sqrt((disp * disp).sum(axis=1)) + 1e-9
        pos += disp * (np.minimum(length, t) / length)[:, None]


def _pack(np, pos, comps, radius):
    """Move the components apart: the largest at the top left, the others
    in rows below it, as wide as the largest (or the square root of the
    total area, if wider)."""
    gap = 1.5
    boxes = []
    for comp in comps:
        p = pos[comp]
        r = radius[comp][:, None]
        lo, hi = (p - r).min(axis=0), (p + r).max(axis=0)
        boxes.append((lo, hi - lo))
    area = sum(float((s[0] + gap) * (s[1] + gap)) for _, s in boxes)
    width = max(float(boxes[0][1][0]), math.sqrt(area))
    x = y = row = 0.0
    for comp, (lo, size) in zip(comps, boxes):
        if x > 0 and x + size[0] > width:
            x, y, row = 0.0, y + row + gap, 0.0
        pos[comp] += (x - lo[0], y - lo[1])
        x += float(size[0]) + gap
        row = max(row, float(size[1]))
    pos -= pos.mean(axis=0)


# --------------------------------------------------------------------------
# Page


def graph_data(G, H, *, title: str = "kgraph", seed: int = SEED, cache=False) -> dict:
    """The JSON document the page draws: groups, clusters, nodes, edges and
    the paper titles the side panel lists. Nodes are numbered in ``H``'s
    order; node ids (IRIs) are not written. ``cache`` as in
    ``clusters_and_layout``."""
    found, pos = clusters_and_layout(H, seed, cache=cache)
    cluster_of = {v: c for c, members in enumerate(found) for v in members}
    nodes = list(H)
    index = {v: i for i, v in enumerate(nodes)}
    kinds = {v: H.nodes[v].get("kind") for v in nodes}
    adjacency = dict(G.adjacency())

    present = {H.nodes[v].get("type") for v in nodes if kinds[v] == "entity"}
    groups = [t for t in ENTITY_TYPES if t in present]
    groups += sorted(t for t in present - set(ENTITY_TYPES) if t is not None)
    if any(k != "entity" for k in kinds.values()):
        groups.append(PAPER_GROUP)
    extra = iter(EXTRA_COLORS * (len(groups) // len(EXTRA_COLORS) + 1))
    colors = [
        PAPER_COLOR if g == PAPER_GROUP else TYPE_COLORS.get(g) or next(extra) for g in groups
    ]
    group_of = {g: i for i, g in enumerate(groups)}
    counts = [0] * len(groups)

    # Paper table: every paper a drawn node refers to, by first reference.
    papers: list[dict] = []
    paper_index: dict[str, int] = {}

    def paper(pid):
        number = paper_index.get(pid)
        if number is None:
            number = paper_index[pid] = len(papers)
            d = G.nodes[pid] if pid in G else {}
            entry = {"t": str(d.get("title") or d.get("label") or pid)}
            if d.get("published"):
                entry["d"] = str(d["published"])
            papers.append(entry)
        return number

    # Papers are listed newest first, then by title.
    rank: dict[str, int] = {}

    def newest_first(pids):
        try:
            return sorted(pids, key=rank.__getitem__)
        except KeyError:  # the first call, or an id that is not a paper node of G
            pass
        missing = [p for p in pids if p not in rank]
        if missing:
            every = sorted((p for p, d in G.nodes(data=True) if d.get("kind") == "paper"),
                           key=lambda p: (_paper_title(G, p).casefold(), p))
            every.sort(key=lambda p: str(G.nodes[p].get("published") or ""), reverse=True)
            rank.update((p, r) for r, p in enumerate(every))
            for p in sorted(set(pids) - set(rank)):  # not a paper node of G
                rank[p] = len(rank)
        return sorted(pids, key=rank.__getitem__)

    max_papers = max(
        (len(H.nodes[v].get("papers") or ()) for v in nodes if kinds[v] == "entity"), default=1
    )
    out_nodes = []
    for v in nodes:
        d = H.nodes[v]
        x, y = pos[v]
        g = group_of[d.get("type") if kinds[v] == "entity" else PAPER_GROUP]
        counts[g] += 1
        node = {"l": str(d.get("label", v)), "g": g, "x": x, "y": y,
                "s": node_radius(d, max_papers), "c": cluster_of.get(v, -1)}
        if kinds[v] == "entity":
            pids = list(d.get("papers") or ())
            node["n"] = len(pids)
            if d.get("aliases"):
                node["a"] = [str(a) for a in d["aliases"]]
            broader = [str(G.nodes[b].get("label", b)) for b in d.get("broader") or () if b in G]
            if broader:
                node["b"] = sorted(broader)
            node["p"] = [paper(p) for p in newest_first(pids)]
            node["m"] = _top_comentions(G, adjacency[v], index)
        else:
            node["q"] = paper(v)
            _paper_details(papers[node["q"]], d)
            node["e"] = sorted(
                ([str(G.nodes[e].get("label", e)), index.get(e, -1)]
                 for e in G[v] if G.nodes[e].get("kind") == "entity"),
                key=lambda le: (le[0].casefold(), le[1]),
            )
        out_nodes.append(node)

    co, me = [], []
    for a, b, d in H.edges(data=True):
        ia, ib = index[a], index[b]
        if d.get("relation") == "co-mention":
            ia, ib = min(ia, ib), max(ia, ib)
            assoc = float(d.get("association") or 0)
            co.append([ia, ib, int(d.get("weight", 1)), round(assoc, 3) if math.isfinite(assoc) else 0,
                       [paper(p) for p in newest_first(d.get("papers") or ())]])
        else:
            if kinds[a] == "entity":
                ia, ib = ib, ia
            me.append([ia, ib, 1 if d.get("introduces") else 0])
    co.sort(key=lambda e: (e[0], e[1]))
    me.sort()

    order = sorted(
        range(len(nodes)),
        key=lambda i: (kinds[nodes[i]] != "entity", -out_nodes[i].get("n", 0),
                       -H.degree(nodes[i]), out_nodes[i]["l"].casefold(), nodes[i]),
    )
    cluster_info = []
    for c, members in enumerate(found[: len(CLUSTER_COLORS)]):
        if len(members) < 2:
            break
        top = sorted(members, key=lambda m: _importance(m, H.nodes[m]))[:3]
        cluster_info.append({"size": len(members), "color": CLUSTER_COLORS[c],
                             "top": [str(H.nodes[m].get("label", m)) for m in top]})
    center = H.graph.get("center")
    return {
        "title": title,
        "groups": [{"name": g, "color": c, "count": k} for g, c, k in zip(groups, colors, counts)],
        "clusters": cluster_info,
        "clusterCount": sum(1 for m in found if len(m) > 1),
        "otherColor": OTHER_CLUSTER_COLOR,
        "nodes": out_nodes,
        "co": co,
        "me": me,
        "papers": papers,
        "order": order,
        "focus": index.get(center) if center is not None else None,
        "minWeight": min((e[2] for e in co), default=1),
        "maxWeight": max((e[2] for e in co), default=1),
        "maxPapers": max_papers,
    }


def _paper_title(G, pid):
    d = G.nodes[pid] if pid in G else {}
    return str(d.get("title") or d.get("label") or pid)


def _paper_details(entry, d):
    authors = d.get("authors")
    if isinstance(authors, (list, tuple)):
        authors = ", ".join(str(a) for a in authors)
    if authors:
        entry["au"] = str(authors)
    if d.get("organization"):
        entry["o"] = str(d["organization"])
    if d.get("upvotes") is not None:
        entry["v"] = d["upvotes"] if isinstance(d["upvotes"], int) else str(d["upvotes"])
    abstract = str(d.get("abstract") or "")
    if abstract:
        entry["ab"] = abstract if len(abstract) <= MAX_ABSTRACT else abstract[:MAX_ABSTRACT] + "…"


def _top_comentions(G, neighbours, index):
    """The strongest co-mentions in the whole graph (drawn or not) of the
    node whose ``neighbours`` (its adjacency dict in ``G``) are given:
    [label, weight, node number or -1]."""
    rows = [(-d.get("weight", 1), -float(d.get("association") or 0), m)
            for m, d in neighbours.items() if d.get("relation") == "co-mention"]
    if len(rows) > TOP_COMENTIONS:  # only rows as strong as the tenth can be in the top ten
        tenth = heapq.nsmallest(TOP_COMENTIONS, ((w, a) for w, a, _ in rows))[-1]
        rows = [r for r in rows if (r[0], r[1]) <= tenth]
    nodes = G.nodes
    rows = [(w, a, str(nodes[m].get("label", m)), m) for w, a, m in rows]
    rows.sort(key=lambda r: (r[0], r[1], r[2].casefold(), r[3]))
    return [[label, -w, index.get(m, -1)] for w, _, label, m in rows[:TOP_COMENTIONS]]


def script_json(data) -> str:
    """JSON safe inside an HTML ``<script>`` element: no ``<``, ``>`` or ``&``
    (so neither ``</script>`` nor ``<!--`` can occur) and no raw U+2028/9."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def vis_assets() -> tuple[str, str]:
    """vis-network's (JS, CSS) from pyvis's package files, found without
    importing pyvis (whose import pulls in IPython)."""
    from importlib.util import find_spec

    from .errors import KgraphError

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise KgraphError("the HTML view needs pyvis's copy of vis-network: pip install pyvis")
    lib = Path(list(spec.submodule_search_locations)[0]) / "templates" / "lib"
    folder = lib / f"vis-{VIS_VERSION}"
    if not folder.is_dir():
        found = sorted(lib.glob("vis-*"), key=lambda p: tuple(int(x) for x in p.name[4:].split(".")
                                                              if x.isdigit()))
        if not found:
            raise KgraphError(f"{lib}: no vis-network files in this pyvis; reinstall pyvis")
        folder = found[-1]
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    # Inline <script>/<style> end at the first "</script"/"</style"; a "<!--"
    # can make a later "<script" swallow the page.
    low_js, low_css = js.lower(), css.lower()
    if "</script" in low_js or "<!--" in low_js or "</style" in low_css:
        raise KgraphError(f"{folder}: vis-network cannot be inlined safely; use pyvis 0.3.2")
    return js, css


_HTML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"})


def fill_template(source: str, values: dict, raw: dict) -> str:
    """``source`` with each ``{{ name }}`` replaced by ``values[name]``
    HTML-escaped (as jinja2's autoescape does: the template is jinja2's
    syntax, but importing jinja2 took longer than filling six fields) or by
    ``raw[name]`` as it is. A name in neither is an error."""
    import re

    def field(m):
        name = m.group(1)
        if name in raw:
            return raw[name]
        if name in values:
            return str(values[name]).translate(_HTML_ESCAPES)
        raise KeyError(f"{TEMPLATE}: no value for {{{{ {name} }}}}")

    return re.sub(r"\{\{ *(\w+) *\}\}", field, source)


def generate_html(G, *, include_papers: bool = False, types=None, min_weight: int = 1,
                  max_nodes: int | None = None, around: str | None = None, depth: int = 1,
                  title: str = "kgraph", cache=False) -> tuple[str, dict]:
    """The page as text, and its stats; see ``write_html``."""
    from importlib.resources import files

    H = select_subgraph(G, include_papers=include_papers, types=types, min_weight=min_weight,
                        max_nodes=max_nodes, around=around, depth=depth)
    data = graph_data(G, H, title=title, cache=cache)
    js, css = vis_assets()
    source = files("kgraph").joinpath(TEMPLATE).read_text(encoding="utf-8")
    page = fill_template(source, {"title": title, "vis_version": VIS_VERSION},
                         raw={"vis_js": js, "vis_css": css, "data": script_json(data)})
    stats = {
        "nodes": len(data["nodes"]),
        "edges": len(data["co"]) + len(data["me"]),
        "entities": sum(1 for _, d in H.nodes(data=True) if d.get("kind") == "entity"),
        "papers": sum(1 for _, d in H.nodes(data=True) if d.get("kind") != "entity"),
        "co_mentions": len(data["co"]),
        "mentions": len(data["me"]),
        "clusters": data["clusterCount"],
    }
    return page, stats


def write_html(G, path, *, include_papers: bool = False, types=None, min_weight: int = 1,
               max_nodes: int | None = None, around: str | None = None, depth: int = 1,
               title: str = "kgraph", cache=False) -> dict:
    """Write an interactive, offline HTML view of ``G`` to ``path`` (UTF-8,
    atomically) and return what it drew: ``nodes``, ``edges`` (and
    ``entities``, ``papers``, ``co_mentions``, ``mentions``, ``clusters``,
    ``bytes``).

    By default the page shows entities and their co-mention edges;
    ``include_papers`` adds papers and ``mentions`` edges. ``types``,
    ``min_weight``, ``around``/``depth`` and ``max_nodes`` choose what to draw
    (see ``select_subgraph``); the page can filter further by type and weight.
    ``cache`` (True for the user's cache folder, or a folder) reuses the
    clusters and layout of an identical drawing (``clusters_and_layout``);
    the page is the same with or without it.
    """
    from .files import write_atomic

    page, stats = generate_html(G, include_papers=include_papers, types=types,
                                min_weight=min_weight, max_nodes=max_nodes, around=around,
                                depth=depth, title=title, cache=cache)
    body = page.encode("utf-8")
    write_atomic(os.fspath(path), body)
    stats["bytes"] = len(body)
    return stats
