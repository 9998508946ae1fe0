"""A random corpus graph shaped like kgraph's, for scale tests and benchmarks.

Entities belong to topics; popularity falls off like a power law; each paper
is about one topic and mentions 2-8 entities, mostly from that topic and a
few popular ones from anywhere. So the graph has hubs and communities, as
the seed graph does, rather than being one uniform hairball. Nodes and
attributes follow kgraph.graph's schema (what render.py reads).
"""
from __future__ import annotations

import math
import random
from itertools import combinations

ENTITY = "https://w3id.org/kgraph/entity/"
PAPER = "https://w3id.org/kgraph/paper/"
# Types in about the seed graph's proportions.
TYPES = {"Technique": 43, "Model": 18, "Software": 17, "Dataset": 10, "Hardware": 10, "Organization": 2}
SYLLABLES = ("ka", "lo", "mi", "ne", "ra", "tu", "ve", "xo", "zen", "tra", "pli", "qua", "sor",
             "den", "fla", "gri", "mo", "sti", "bel", "cor")
HEADS = ("", "", "", " attention", " parallelism", " cache", " decoding", " kernel", "-7B",
         " benchmark", " compiler", " quantization", "-2", " accelerator")


def _name(rng: random.Random, taken: set) -> str:
    while True:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        name = (word.capitalize() if rng.random() < 0.4 else word) + rng.choice(HEADS)
        if name not in taken:
            taken.add(name)
            return name


def synthetic_graph(n_entities: int, seed: int = 0, papers_per_entity: float = 0.6,
                    in_topic: float = 0.8):
    """A networkx graph of ``n_entities`` entities (all mentioned at least
    once), ``papers_per_entity`` times as many papers, about sqrt(n)/3 topics."""
    import networkx as nx

    rng = random.Random(seed)
    topics = max(1, round(math.sqrt(n_entities) / 3))
    ents = [f"{ENTITY}E{i:05d}" for i in range(n_entities)]
    popularity = [1 / (i + 1) ** 0.9 for i in range(n_entities)]
    topic_of = [rng.randrange(topics) for _ in ents]
    members = [[i for i in range(n_entities) if topic_of[i] == t] for t in range(topics)]
    waiting = [list(m) for m in members]  # entities of each topic not yet mentioned
    for w in waiting:
        rng.shuffle(w)
    sizes = [len(m) for m in members]
    mentions: dict[str, set[int]] = {}
    n_papers = max(1, int(n_entities * papers_per_entity))
    for p in range(n_papers):
        t = rng.choices(range(topics), sizes)[0]
        chosen = set()
        for _ in range(rng.randint(2, 8)):
            pool = members[t] if rng.random() < in_topic and members[t] else range(n_entities)
            chosen.add(rng.choices(pool, [popularity[i] for i in pool])[0])
        for _ in range(2):
            if waiting[t]:
                chosen.add(waiting[t].pop())
        mentions[f"{PAPER}P{p:05d}"] = chosen
    papers = sorted(mentions)
    for t in range(topics):  # what no paper reached joins a paper of its topic
        for i in waiting[t]:
            mentions[rng.choice(papers)].add(i)

    G = nx.Graph()
    taken: set = set()
    names = [_name(rng, taken) for _ in ents]
    types = rng.choices(list(TYPES), list(TYPES.values()), k=n_entities)
    by_entity: dict[int, list[str]] = {}
    for pid in papers:
        G.add_node(pid, kind="paper", label=f"Paper {pid[-5:]}", title=f"A study of {pid[-5:]}",
                   published=f"2025-{1 + int(pid[-5:]) % 12:02d}-{1 + int(pid[-5:]) % 28:02d}")
        for i in mentions[pid]:
            by_entity.setdefault(i, []).append(pid)
    for i, e in enumerate(ents):
        G.add_node(e, kind="entity", label=names[i], type=types[i], aliases=[],
                   papers=sorted(by_entity[i]), broader=[])
    pairs: dict[tuple[str, str], list[str]] = {}
    for pid in papers:
        chosen = sorted(ents[i] for i in mentions[pid])
        for e in chosen:
            G.add_edge(pid, e, relation="mentions", introduces=False)
        for a, b in combinations(chosen, 2):
            pairs.setdefault((a, b), []).append(pid)
    total = len(papers)
    for (a, b), ps in pairs.items():
        assoc = total * len(ps) / (len(G.nodes[a]["papers"]) * len(G.nodes[b]["papers"]))
        G.add_edge(a, b, relation="co-mention", weight=len(ps), papers=ps, association=round(assoc, 6))
    return G
