"""Answers to query commands computed independently, with networkx on the
seed graph (``seed_graph``), to check the CLI against."""
import networkx as nx


def entity_node(G, label: str) -> str:
    return next(n for n, d in G.nodes(data=True) if d.get("kind") == "entity" and d["label"] == label)


def label(G, node: str) -> str:
    return G.nodes[node]["label"]


def titles(G, papers) -> list[str]:
    return sorted(G.nodes[p]["title"] for p in papers)


def comention_graph(G, min_weight: int = 1) -> nx.Graph:
    """The entities and their co-mention edges of at least ``min_weight`` papers."""
    H = nx.Graph()
    H.add_nodes_from(n for n, d in G.nodes(data=True) if d.get("kind") == "entity")
    H.add_edges_from((a, b, d) for a, b, d in G.edges(data=True)
                     if d["relation"] == "co-mention" and d["weight"] >= min_weight)
    return H


def direct_neighbors(G, node: str) -> dict[str, dict]:
    """{label: {weight, association, papers (titles)}} of an entity's co-mentions."""
    return {
        label(G, m): {"weight": d["weight"], "association": d["association"], "papers": titles(G, d["papers"])}
        for m, d in G[node].items() if d["relation"] == "co-mention"
    }


def widest_shortest(H, source: str, target: str) -> tuple[int, int]:
    """(hops, largest smallest weight) over all shortest paths, by enumeration."""
    paths = list(nx.all_shortest_paths(H, source, target))
    return len(paths[0]) - 1, max(min(H.edges[a, b]["weight"] for a, b in zip(p, p[1:])) for p in paths)


def papers_mentioning(G, node: str) -> set[str]:
    return {p for p, d in G[node].items() if d["relation"] == "mentions"}
