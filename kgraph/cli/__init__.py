"""The ``kgraph`` command line: thin wrappers over the library.

Heavy libraries (rdflib, networkx, pyvis) are imported inside the commands
that need them, so that queries start fast.
"""
from __future__ import annotations

import os
import sys

import click

from ..errors import KgraphError

TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")

class _Group(click.Group):
    """Turn kgraph's own errors into one ``Error:`` line and exit code 1."""

    def __call__(self, *args, **kwargs):
        """Run as the ``kgraph`` program, then end the process without
        tearing the interpreter down (``_exit``). ``main``, as CliRunner
        calls it, and ``standalone_mode=False`` return as usual."""
        if not kwargs.get("standalone_mode", True):
            return self.main(*args, **kwargs)
        try:
            self.main(*args, **kwargs)
            code = 0
        except SystemExit as e:
            code = 0 if e.code is None else e.code
        _exit(code)

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgraphError as e:
            raise click.ClickException(str(e)) from None
        except BrokenPipeError:
            # the reader went away (`kgraph neighbors GPU | head`): stop quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
        except OSError as e:
            name = f"{e.filename}: " if e.filename else ""
            raise click.ClickException(f"{name}{e.strerror or e}") from None


def _exit(code) -> None:
    """Exit with ``code`` as ``sys.exit`` would, but skip the interpreter's
    teardown, which frees every module and object one by one: ~0.13 s of a
    rebuild of the seeds (then ~1 s), for nothing the user sees. Exit handlers
    run and the standard streams are flushed first; with another thread
    still running, an exit code that is not a number or a stream that cannot
    be flushed, the usual exit does the job."""
    import atexit
    import threading

    run_handlers = getattr(atexit, "_run_exitfuncs", None)
    if not isinstance(code, int) or run_handlers is None or threading.active_count() > 1:
        sys.exit(code)
    run_handlers()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code & 0xFF)  # as the system truncates it


graph_option = click.option(
    "--graph", "graph", metavar="DIR_OR_FILE", default=None,
    help="A folder written by `kgraph build` or its Turtle file [default: output/].",
)


def endpoint_option(f):
    """``--endpoint URL`` and ``--graph-iri IRI``: answer from a SPARQL store
    (a graph loaded with `kgraph push`) instead of a built graph's files."""
    f = click.option("--graph-iri", metavar="IRI", default=None,
                     help="With --endpoint: the named graph holding the graph [default: the default graph].")(f)
    return click.option("--endpoint", metavar="URL", default=None,
                        help="Answer from this SPARQL query endpoint (a graph loaded with `kgraph push`) "
                             "instead of --graph.")(f)


def source(graph, endpoint, graph_iri):
    """Where a query reads: the endpoint's keyword arguments, or the graph."""
    if endpoint is None:
        if graph_iri is not None:
            raise click.UsageError("--graph-iri goes with --endpoint")
        return {"graph": graph}
    if graph is not None:
        raise click.UsageError("--graph and --endpoint are exclusive")
    return {"endpoint": endpoint, "graph_iri": graph_iri}


def backend(endpoint):
    """The module that answers queries: ``kgraph.sparql`` for an endpoint,
    ``kgraph.query`` for a local graph (both with the same functions and
    results), imported only now so that start-up stays light."""
    if endpoint:
        from .. import sparql as remote

        return remote
    from .. import query as local

    return local


@click.group(cls=_Group)
@click.version_option(package_name="kgraph")
def cli():
    """Turn listings of research papers into a knowledge graph of the models,
    techniques, hardware, software, datasets and organizations they mention."""

# Each module registers its commands on `cli`; import order is help order.
from . import build, query, view, export, rdf, push  # noqa: E402,F401
