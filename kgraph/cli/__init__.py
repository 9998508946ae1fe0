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

graph_option = click.option(
    "--graph", "graph", metavar="DIR_OR_FILE", default=None,
    help="A folder written by `kgraph build` or its Turtle file [default: output/].",
)

@click.group(cls=_Group)
@click.version_option(package_name="kgraph")
def cli():
    """Turn listings of research papers into a knowledge graph of the models,
    techniques, hardware, software, datasets and organizations they mention."""

# Each module registers its commands on `cli`; import order is help order.
from . import build, query, view, export, rdf, push  # noqa: E402,F401
