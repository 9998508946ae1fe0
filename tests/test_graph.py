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
