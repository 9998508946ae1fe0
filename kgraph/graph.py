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

from itertools import combinations

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

    for p in papers:
        ms = mentions_by_paper.get(p.id, {})
        for key in sorted(ms):
            m = ms[key]
            G.add_edge(
                iri_of_paper[p.id],
                iri_of[key],
                relation="mentions",
                introduces=m.introduced,
                matched=sorted(m.surfaces),
            )

    n = len(papers)
    pairs: dict[tuple[str, str], list[str]] = {}
    for p in papers:
        keys = sorted(iri_of[k] for k in mentions_by_paper.get(p.id, {}))
        for a, b in combinations(keys, 2):
            pairs.setdefault((a, b), []).append(iri_of_paper[p.id])
    for (a, b), ps in sorted(pairs.items()):
        ca, cb = len(G.nodes[a]["papers"]), len(G.nodes[b]["papers"])
        G.add_edge(
            a,
            b,
            relation="co-mention",
            weight=len(ps),
            papers=ps,
            association=round(n * len(ps) / (ca * cb), 6),
        )
    G.graph.update(papers=n, entities=len(entity_papers), comentions=len(pairs))
    return G


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
    """The co-mention edges of a graph as (a, b, data), sorted."""
    return sorted(
        ((a, b, d) if a < b else (b, a, d))
        for a, b, d in G.edges(data=True)
        if d.get("relation") == "co-mention"
    )
