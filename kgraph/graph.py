"""Assemble papers and their mentions into a networkx graph.

Node ids are the nodes' IRIs. Paper nodes (``kind="paper"``) link to the
entities they mention (``relation="mentions"``, ``introduces`` when the paper
is named after it). Entity nodes (``kind="entity"``) link to each other by
co-mention edges (``relation="co-mention"``) whose ``weight`` is the number of
papers mentioning both, ``papers`` those papers' ids, and ``association`` the
association strength of van Eck & Waltman (2009), scaled by the number of
papers N so that 1.0 means "as often as chance": ``N * c_ij / (c_i * c_j)``.
"""
from __future__ import annotations

from itertools import chain

from .names import PAPER, entity_iri, fold


def paper_iri(paper_id: str) -> str:
    return PAPER + paper_id


def build_graph(papers, mentions_by_paper, entities):
    """Build the graph from papers, ``{paper id: {key: Mention}}`` and ``{key: Concept}``."""
    import networkx as nx

    G = nx.Graph()
    papers = sorted(papers, key=lambda p: p.id)
    entity_papers: dict[str, list[str]] = {}
    surfaces: dict[str, set[str]] = {}
    iri_of_paper = {p.id: paper_iri(p.id) for p in papers}  # one string per paper, shared by every edge
    for p in papers:
        G.add_node(
            iri_of_paper[p.id],
            kind="paper",
            id=p.id,
            label=p.title,
            title=p.title,
            abstract=p.abstract,
            listing_date=p.listing_date,
            published=p.published,
            upvotes=p.upvotes,
            authors=p.authors,
            organization=p.organization,
            sources=sorted(p.sources),
        )
        for key, m in mentions_by_paper.get(p.id, {}).items():
            entity_papers.setdefault(key, []).append(iri_of_paper[p.id])
            surfaces.setdefault(key, set()).update(m.surfaces)

    iri_of = {key: entity_iri(entities[key].label) for key in entity_papers}
    label_to_key = {c.label: key for key, c in entities.items()}
    for key in sorted(entity_papers, key=lambda k: iri_of[k]):
        c = entities[key]
        hidden = set(c.hidden_labels)
        known = {fold(a) for a in (c.label, *c.alt_labels, *hidden)}
        aliases = {a for a in c.alt_labels if a != c.label}
        aliases.update(s for s in surfaces[key] if fold(s) not in known)
        G.add_node(
            iri_of[key],
            kind="entity",
            key=key,
            label=c.label,
            type=c.type,
            aliases=sorted(aliases),
            hidden_labels=sorted(hidden),
            papers=sorted(entity_papers[key]),
            broader=sorted(
                iri_of[b] for b in _nearest_present(c, entities, label_to_key, entity_papers)
            ),
            in_vocabulary=c.from_vocabulary,
            definition=c.definition,
        )

    # Edges go straight into networkx's adjacency dicts, as add_edges_from
    # puts them (each data dict shared by both ends): every end is a node
    # already and every edge new, so its checks and its copy of each data
    # dict are skipped (~2M edges at 100k papers).
    adj = G._adj
    for p in papers:
        paper = iri_of_paper[p.id]
        links = adj[paper]
        for key, m in sorted(mentions_by_paper.get(p.id, {}).items()):
            entity = iri_of[key]
            links[entity] = adj[entity][paper] = {"relation": "mentions", "introduces": m.introduced,
                                                  "matched": sorted(m.surfaces)}

    n = len(papers)
    entity_iris = sorted(iri_of.values())
    number = {iri: i for i, iri in enumerate(entity_iris)}
    count = {iri_of[key]: len(ps) for key, ps in entity_papers.items()}
    comentions = 0
    for a, b, ps in _comentions([sorted(number[iri_of[k]] for k in mentions_by_paper.get(p.id, ()))
                                 for p in papers], entity_iris, [iri_of_paper[p.id] for p in papers]):
        adj[a][b] = adj[b][a] = {"relation": "co-mention", "weight": len(ps), "papers": ps,
                                 "association": round(n * len(ps) / (count[a] * count[b]), 6)}
        comentions += 1
    if hasattr(nx, "_clear_cache"):  # networkx >= 3.3 caches views of a graph
        nx._clear_cache(G)
    G.graph.update(papers=n, entities=len(entity_papers), comentions=comentions)
    return G


# Below this many (pair, paper) rows, co-mentions are counted in Python
# (~3 µs a row), not numpy, whose import alone takes ~50 ms; the seeds have
# 10k rows.
NUMPY_MIN_ROWS = 20_000


def _comentions(mentioned, entities, papers):
    """Yield (entity a, entity b, papers mentioning both) for every pair a < b
    of ``entities`` mentioned together, in order of (a, b), the papers in
    order. ``mentioned[i]``: the sorted numbers (positions in ``entities``) of
    the entities that ``papers[i]`` mentions.

    The pairs are made and grouped by numpy: at 100k papers there are
    tens of millions of (pair, paper) rows, ~1 µs each in a Python loop.
    """
    if sum(len(m) * (len(m) - 1) for m in mentioned) < 2 * NUMPY_MIN_ROWS:
        yield from _comentions_in_python(mentioned, entities, papers)
        return
    import numpy as np

    counts = np.fromiter(map(len, mentioned), dtype=np.int64, count=len(mentioned))
    total = int(counts.sum())
    numbers = np.fromiter(chain.from_iterable(mentioned), dtype=np.int64, count=total)
    paper_of = np.repeat(np.arange(len(mentioned)), counts)
    # row r pairs with the later rows of its paper: r + 1 ... end of the paper
    later = np.repeat(np.cumsum(counts), counts) - np.arange(total) - 1
    left = np.repeat(np.arange(total), later)
    right = left + 1 + np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later)
    codes = numbers[left] * len(entities) + numbers[right]
    del right
    order = np.argsort(codes, kind="stable")  # stable: papers stay in order within a pair
    codes = codes[order]
    rows = paper_of[left[order]]
    del left, order
    # papers as an object array: a list of the row numbers as Python ints
    # took ~250 MB more at the peak of a 100k-paper build
    in_order = np.array(papers, dtype=object)[rows]
    starts = np.flatnonzero(np.diff(codes, prepend=-1))
    for code, start, end in zip(codes[starts].tolist(), starts.tolist(), starts[1:].tolist() + [len(in_order)]):
        a, b = divmod(code, len(entities))
        yield entities[a], entities[b], in_order[start:end].tolist()


def _comentions_in_python(mentioned, entities, papers):
    """``_comentions`` for small corpora, without numpy."""
    together: dict[tuple[int, int], list] = {}
    for numbers, paper in zip(mentioned, papers):
        for i, a in enumerate(numbers):
            for b in numbers[i + 1:]:
                found = together.get((a, b))
                if found is None:
                    together[a, b] = [paper]
                else:
                    found.append(paper)
    for a, b in sorted(together):
        yield entities[a], entities[b], together[a, b]


def _nearest_present(concept, entities, label_to_key, present):
    """Keys of the nearest broader concepts that are nodes of the graph
    (NVIDIA H100 → GPU when Hopper is not mentioned)."""
    out, seen = set(), set()
    frontier = list(concept.broader)
    while frontier:
        label = frontier.pop()
        key = label_to_key.get(label)
        if key is None or key in seen:
            continue
        seen.add(key)
        if key in present:
            out.add(key)
        else:
            frontier.extend(entities[key].broader)
    return out


def entity_nodes(G):
    """The entity node ids of a graph, sorted."""
    return sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "entity")


def paper_nodes(G):
    """The paper node ids of a graph, sorted."""
    return sorted(n for n, d in G.nodes(data=True) if d.get("kind") == "paper")


def comention_edges(G):
    """The co-mention edges of a graph as (a, b, data) with a <= b, sorted."""
    edges = [(a, b, d) for a, nbrs in G.adjacency() for b, d in nbrs.items()
             if a <= b and d.get("relation") == "co-mention"]
    edges.sort(key=lambda e: (e[0], e[1]))
    return edges
