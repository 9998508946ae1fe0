"""The networkx graph: co-mentions counted the same by numpy and by Python."""
import random

import pytest

from kgraph import graph


@pytest.mark.parametrize("papers", [0, 1, 50, 400])
def test_comentions_in_python_equal_numpy(papers, monkeypatch):
    rng = random.Random(papers)
    entities = [f"e{i:03}" for i in range(60)]
    mentioned = [sorted(rng.sample(range(60), rng.choice([0, 1, 2, 5, 12]))) for _ in range(papers)]
    ids = [f"p{i}" for i in range(papers)]
    in_python = list(graph._comentions_in_python(mentioned, entities, ids))
    monkeypatch.setattr(graph, "NUMPY_MIN_ROWS", 0)
    if papers:
        assert list(graph._comentions(mentioned, entities, ids)) == in_python
    monkeypatch.setattr(graph, "NUMPY_MIN_ROWS", 10**9)
    assert list(graph._comentions(mentioned, entities, ids)) == in_python
    assert all(a < b and ps == sorted(ps, key=ids.index) for a, b, ps in in_python)


def test_graph_equals_one_built_through_the_public_networkx_api(seed_graph):
    # build_graph fills networkx's adjacency dicts directly; the result must be
    # the graph add_nodes_from/add_edges_from would give, in the same order
    import networkx as nx

    H = nx.Graph(**seed_graph.graph)
    H.add_nodes_from(seed_graph.nodes(data=True))
    H.add_edges_from((u, v, d) for u, v, d in seed_graph.edges(data=True))
    assert seed_graph.number_of_edges() > seed_graph.graph["comentions"] > 0
    assert nx.utils.graphs_equal(seed_graph, H)
    assert [list(links) for _, links in seed_graph.adjacency()] == [list(links) for _, links in H.adjacency()]
