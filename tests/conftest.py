"""Shared fixtures: the real seed corpus, built once per test session."""
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """kgraph's cache (extraction results, indexes) in a temporary folder, not ~/.cache."""
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def seeds() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def built(tmp_path_factory, seeds) -> Path:
    """The seeds built by the real CLI into a fresh folder."""
    out = tmp_path_factory.mktemp("built")
    result = CliRunner().invoke(cli, ["build", str(seeds), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def seed_graph(seeds):
    """The networkx graph of the seeds, computed through the library API."""
    from kgraph.pipeline import build_graph_from

    G, _ = build_graph_from([seeds])
    return G


def run(*args, **kwargs):
    """Invoke the CLI; return click's Result."""
    return CliRunner().invoke(cli, [str(a) for a in args], **kwargs)


@pytest.fixture(scope="session")
def built_rdf(built):
    """The built Turtle, parsed by rdflib."""
    import rdflib

    return rdflib.Graph().parse(built / "graph.ttl", format="turtle")


@pytest.fixture(scope="session")
def sparql(built):
    """A function running a SPARQL SELECT over the built Turtle (Oxigraph)
    and returning its rows as tuples of strings."""
    import pyoxigraph as ox

    store = ox.Store()
    store.load(path=str(built / "graph.ttl"), format=ox.RdfFormat.TURTLE)
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in (
        ("kg", "https://w3id.org/kgraph/ontology#"), ("kge", "https://w3id.org/kgraph/entity/"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"), ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
        ("dcterms", "http://purl.org/dc/terms/")))

    def select(query: str) -> list[tuple]:
        results = store.query(prefixes + query)
        return [tuple(None if t is None else t.value for t in row) for row in results]

    return select


@pytest.fixture(scope="session")
def tiny(tmp_path_factory) -> Path:
    """A three-paper corpus built into a folder: 'GC' names two things, and
    the image-classification paper shares no entity with the other two."""
    folder = tmp_path_factory.mktemp("tiny")
    (folder / "listing.txt").write_text(
        "Secure Inference with Garbled Circuits\n\n"
        "We study garbled circuits (GC) for private inference on GPUs with PyTorch. "
        "GC protocols are costly, so we batch them.\n\n"
        "Straggler Mitigation with Gradient Coding\n\n"
        "We apply gradient coding (GC) to distributed training with PyTorch. "
        "GC tolerates stragglers in large clusters.\n\n"
        "Image Classification Revisited\n\n"
        "We train ResNet-50 on ImageNet with the Adam optimizer and report the accuracy "
        "of the resulting classifier.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["build", str(folder / "listing.txt"), "-o", str(folder / "out"), "--no-html"])
    assert result.exit_code == 0, result.output
    return folder / "out"
