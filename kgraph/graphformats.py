"""The graph for network tools: GraphML, GEXF (Gephi) and networkx node-link JSON.

These formats hold only scalar attributes, so list attributes (aliases,
papers, matched text) are written as JSON arrays in a string, and missing
values are left out. Node ids are the nodes' IRIs; nodes and edges come in
sorted order, so the same graph gives the same bytes.
"""
from __future__ import annotations

import json


def flat_graph(G):
    """A copy of ``G`` with sorted nodes and edges and scalar attributes only;
    a paper's ``id`` becomes ``paper_id``, entities gain ``paper_count`` (for
    sizing nodes in Gephi)."""
    import networkx as nx

    H = nx.Graph()
    for node in sorted(G):
        d = dict(G.nodes[node])
        if "id" in d:  # GEXF and node-link JSON take an "id" attribute for the node's own id
            d["paper_id"] = d.pop("id")
        if d.get("kind") == "entity":
            d["paper_count"] = len(d["papers"])
        H.add_node(node, **_scalars(d))
    for u, v, d in sorted((min(u, v), max(u, v), d) for u, v, d in G.edges(data=True)):
        H.add_edge(u, v, **_scalars(d))
    return H


def _scalars(attributes: dict) -> dict:
    out = {}
    for key, value in sorted(attributes.items()):
        if value is None:
            continue
        out[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, set)) else value
    return out


def generate_graphml(G) -> bytes:
    """``G`` as GraphML."""
    import networkx as nx

    text = "\n".join(nx.generate_graphml(flat_graph(G), encoding="utf-8", prettyprint=True))
    return (text + "\n").encode("utf-8")


def generate_gexf(G) -> bytes:
    """``G`` as GEXF 1.2, without the writer's date stamp (which would make
    two exports of one graph differ)."""
    from networkx.readwrite.gexf import GEXFWriter

    writer = GEXFWriter(encoding="utf-8", prettyprint=True)
    writer.xml.find("meta").attrib.pop("lastmodifieddate", None)
    writer.add_graph(flat_graph(G))
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + str(writer).rstrip("\n") + "\n").encode("utf-8")


def generate_node_link(G) -> bytes:
    """``G`` as networkx node-link JSON (``networkx.node_link_graph`` reads it back)."""
    import networkx as nx

    H = flat_graph(G)
    for node in G:  # JSON keeps lists as lists
        H.nodes[node].update({k: v for k, v in G.nodes[node].items() if isinstance(v, list)})
    for u, v, d in G.edges(data=True):
        H.edges[u, v].update({k: x for k, x in d.items() if isinstance(x, list)})
    data = nx.node_link_data(H, edges="edges")
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
