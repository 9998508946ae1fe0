"""Serialization speed: kgraph's RDF writer against rdflib's own Turtle serializer.

Builds synthetic graphs through kgraph's real graph builder (papers that
mention entities drawn from a Zipf-like distribution, so co-mentions repeat
as in a real corpus) of about 10k, 100k and 1M triples, and times

- ``write_turtle``: the networkx graph straight to Turtle bytes, made as
  text, what ``kgraph build`` and ``kgraph export`` do (checked to give the
  same bytes as the next two steps);
- ``graph_triples``: the networkx graph to sorted pyoxigraph triples;
- ``serialize``: those triples to Turtle (Oxigraph's writer), what the other
  export formats do;
- ``to_rdflib`` + ``serialize(format="ox-turtle")``: the same through
  rdflib's API over the oxrdflib store;
- rdflib's own Turtle serializer on an in-memory ``rdflib.Graph`` (only up
  to ``--rdflib-max`` triples: it grows worse than linearly).

Times are CPU seconds of this process, the best of ``--repeat`` runs (one
run above 100k triples), so that other work on a shared machine does not
inflate them.

Usage: python bench/serialize.py [--sizes 10000,100000,1000000] [--rdflib-max 100000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kgraph.extract import Mention  # noqa: E402
from kgraph.graph import build_graph  # noqa: E402
from kgraph.ingest import Paper  # noqa: E402
from kgraph.rdf import graph_triples, serialize, to_rdflib, write_turtle  # noqa: E402
from kgraph.shacl import rdflib_graph  # noqa: E402
from kgraph.vocabulary import Concept  # noqa: E402

TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")
TRIPLES_PER_PAPER = 92  # measured on these synthetic graphs, to size them


def synthetic_graph(n_papers: int, mentions_per_paper: int = 5, seed: int = 0):
    """A kgraph graph of ``n_papers`` papers over ``n_papers`` candidate entities."""
    rng = random.Random(seed)
    n_entities = max(n_papers, 20)
    concepts = {f"e{i}": Concept(f"Entity {i} name", TYPES[i % len(TYPES)], alt_labels=(f"E{i}",))
                for i in range(n_entities)}
    weights = [1 / (i + 1) for i in range(n_entities)]
    papers, mentions = [], {}
    for i in range(n_papers):
        p = Paper(title=f"Paper {i}: a study of things", abstract=f"Abstract of paper {i}. " * 5,
                  listing_date="May 8", published="2024-05-08", upvotes=i % 50, authors=1 + i % 9,
                  sources=[f"listing_{i % 5}.txt"])
        papers.append(p)
        keys = {f"e{j}" for j in rng.choices(range(n_entities), weights, k=mentions_per_paper)}
        mentions[p.id] = {k: Mention(k, concepts[k].label, concepts[k].type, {concepts[k].label}) for k in keys}
    return build_graph(papers, mentions, concepts)


def best_of(repeat: int, fn):
    """Least CPU time of ``repeat`` runs (CPU time: the machine is shared) and the result."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return min(times), result


def _turtle_text(G) -> bytes:
    buffer = io.BytesIO()
    write_turtle(G, buffer)
    return buffer.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000", help="target triple counts")
    ap.add_argument("--rdflib-max", type=int, default=100000, help="largest size to give rdflib's serializer")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (best is kept)")
    args = ap.parse_args()

    print("| triples | graph → Turtle as text | graph_triples | Turtle (Oxigraph) | rdflib API, oxrdflib store "
          "| rdflib Turtle |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for target in (int(s) for s in args.sizes.split(",")):
        G = synthetic_graph(max(1, target // TRIPLES_PER_PAPER))
        repeat = args.repeat if target <= 100000 else 1
        t_triples, triples = best_of(repeat, lambda: graph_triples(G))
        n = len(triples)
        t_ox, turtle = best_of(repeat, lambda: serialize(triples, "turtle"))
        t_text, text = best_of(repeat, lambda: _turtle_text(G))
        if text != turtle:
            sys.exit("write_turtle and Oxigraph's serializer disagree")
        g_ox = to_rdflib(triples)
        t_oxrdflib, _ = best_of(repeat, lambda: g_ox.serialize(format="ox-turtle", encoding="utf-8"))
        rdflib_cell = "not run"
        if n <= args.rdflib_max:
            g = rdflib_graph(triples)
            for prefix, ns in g_ox.namespaces():
                g.bind(prefix, ns, override=True)
            t_rdflib, _ = best_of(1 if n > 20000 else repeat, lambda: g.serialize(format="turtle", encoding="utf-8"))
            rdflib_cell = f"{n / t_rdflib:,.0f}/s ({t_rdflib:.2f} s)"
        print(f"| {n:,} | {n / t_text:,.0f}/s ({t_text:.2f} s) "
              f"| {n / t_triples:,.0f}/s ({t_triples:.2f} s) | {n / t_ox:,.0f}/s ({t_ox:.2f} s) "
              f"| {n / t_oxrdflib:,.0f}/s ({t_oxrdflib:.2f} s) | {rdflib_cell} |", flush=True)


if __name__ == "__main__":
    main()
