"""Name resolution: every name the graph records for an entity, in any case
or hyphenation, designates that entity (checked over the whole seed graph)."""
import re

import pytest

from kgraph.errors import AmbiguousEntity
from kgraph.index import connect
from kgraph.query import resolve


@pytest.fixture(scope="module")
def con(built):
    con = connect(built / "index.sqlite")
    yield con
    con.close()


def squashed(name: str) -> str:
    """Letters and digits only, lower case, without a final plural s."""
    key = re.sub(r"[\W_]+", "", name.lower())
    return key[:-1] if key.endswith("s") else key


def spellings(name: str) -> list[str]:
    return [name, name.lower(), name.upper(), name.replace(" ", "-"), f"  {name} "]


def test_every_recorded_name_resolves_to_its_entity(con, seed_graph):
    entities = [d for _, d in seed_graph.nodes(data=True) if d.get("kind") == "entity"]
    names = {d["label"]: {squashed(n) for n in (d["label"], *d["aliases"], *d["hidden_labels"])} for d in entities}
    checked = 0
    for d in entities:
        for name in (d["label"], *d["aliases"], *d["hidden_labels"]):
            for spelling in spellings(name):
                try:
                    got = resolve(con, spelling)["label"]
                except AmbiguousEntity as e:
                    assert f"{d['label']} ({d['type']})" in e.candidates, spelling
                    continue
                # another entity whose label is spelled alike wins over an alias of this one
                assert got == d["label"] or squashed(got) == squashed(name), (spelling, got, d["label"])
                assert squashed(name) in names[got]
                checked += 1
    assert checked > 5 * len(entities)


@pytest.mark.parametrize("name,label", [("GPUs", "GPU"), ("gpus", "GPU"), ("CPUS", "CPU"), ("3dgs", "3D Gaussian splatting"),
                                        ("Flash-Attention", "FlashAttention"), ("flashattention", "FlashAttention")])
def test_plurals_and_glued_spellings(con, seed_graph, name, label):
    assert any(d.get("label") == label for _, d in seed_graph.nodes(data=True))
    assert resolve(con, name)["label"] == label
