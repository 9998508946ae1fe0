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
