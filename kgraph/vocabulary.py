"""Load the SKOS vocabularies and the lexicon in ``ontology/`` into a matcher.

The vocabularies are parsed with pyoxigraph (about ten times faster than
rdflib's parser) and compiled into two trie-shaped regular expressions: one
for labels matched in any case, one for labels matched as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .names import ONTOLOGY, fold

SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
TYPES = ("Model", "Technique", "Hardware", "Software", "Dataset", "Organization")

# Hyphens and dashes read as spaces, so "Mixture-of-Experts" meets "mixture of experts".
_DASHES = str.maketrans({c: " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2015_"})


def fold_separators(text: str) -> str:
    """Replace hyphens, dashes and underscores by spaces (length is kept)."""
    return text.translate(_DASHES)


@dataclass
class Concept:
    """One entity of a vocabulary (or found in a corpus)."""

    label: str
    type: str
    alt_labels: tuple[str, ...] = ()
    hidden_labels: tuple[str, ...] = ()  # matched in text, never shown
    broader: tuple[str, ...] = ()  # labels of broader concepts
    definition: str | None = None
    from_vocabulary: bool = True

    @property
    def key(self) -> str:
        return fold(self.label)


@dataclass
class Vocabulary:
    """Concepts by folded label, the lexicon, and compiled label matchers."""

    concepts: dict[str, Concept]
    head_nouns: dict[str, str]  # folded head noun -> type
    not_entities: frozenset[str]  # folded terms
    _matchers: tuple = field(default=None, repr=False)

    _labels: dict = field(default=None, repr=False)

    def lookup(self, label: str) -> Concept | None:
        """The concept with this label, altLabel or hiddenLabel (folded); a
        prefLabel wins over another concept's altLabel."""
        if self._labels is None:
            index: dict[str, Concept] = {}
            for c in self.concepts.values():
                for other in (*c.alt_labels, *c.hidden_labels):
                    index.setdefault(fold(other), c)
            index.update(self.concepts)
            self._labels = index
        return self._labels.get(fold(label))

    @property
    def matchers(self):
        if self._matchers is None:
            self._matchers = compile_matchers(self.concepts.values())
        return self._matchers


def ontology_dir() -> Path:
    """The folder of the ontology, vocabularies and lexicon: installed as package
    data (``kgraph/ontology``), or the checkout's ``ontology/`` in editable mode."""
    here = Path(__file__).parent
    installed = here / "ontology"
    return installed if installed.is_dir() else here.parent / "ontology"


def _iter_turtle(paths):
    import pyoxigraph

    for path in paths:
        with open(path, "rb") as f:
            yield from pyoxigraph.parse(f, format=pyoxigraph.RdfFormat.TURTLE)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


@lru_cache(maxsize=4)
def load_vocabulary(folder: str | None = None) -> Vocabulary:
    """Read ``vocab/*.ttl`` and ``lexicon.ttl`` from the ontology folder."""
    root = Path(folder) if folder else ontology_dir()
    files = sorted((root / "vocab").glob("*.ttl"))
    pref, alts, hidden, types, broader, definition = {}, {}, {}, {}, {}, {}
    for t in _iter_turtle(files):
        s, p, o = t.subject.value, t.predicate.value, t.object.value
        if p == SKOS + "prefLabel":
            pref[s] = o
        elif p == SKOS + "altLabel":
            alts.setdefault(s, []).append(o)
        elif p == SKOS + "hiddenLabel":
            hidden.setdefault(s, []).append(o)
        elif p == RDF_TYPE and o.startswith(ONTOLOGY) and _local(o) in TYPES:
            types[s] = _local(o)
        elif p == SKOS + "broader":
            broader.setdefault(s, []).append(o)
        elif p == SKOS + "definition":
            definition[s] = o
    concepts: dict[str, Concept] = {}
    for iri in sorted(pref):
        if iri not in types:
            continue
        c = Concept(
            label=pref[iri],
            type=types[iri],
            alt_labels=tuple(sorted(set(alts.get(iri, ())))),
            hidden_labels=tuple(sorted(set(hidden.get(iri, ())))),
            broader=tuple(sorted(pref[b] for b in broader.get(iri, ()) if b in pref)),
            definition=definition.get(iri),
        )
        concepts.setdefault(c.key, c)
    head_nouns: dict[str, str] = {}
    not_entities: set[str] = set()
    for t in _iter_turtle([root / "lexicon.ttl"]):
        s, p, o = t.subject.value, t.predicate.value, t.object.value
        if p == ONTOLOGY + "headNoun" and _local(s) in TYPES:
            head_nouns.setdefault(fold(o), _local(s))
        elif p == ONTOLOGY + "term":
            not_entities.add(fold(o))
    return Vocabulary(concepts, head_nouns, frozenset(not_entities))


def matches_any_case(label: str) -> bool:
    """Whether a label is matched case-insensitively (see ontology/vocab/README.md)."""
    return label == label.lower() or " " in label.strip() or any(ch.isdigit() for ch in label)


def _normal(label: str) -> str:
    return " ".join(fold_separators(label).split())


def _trie_regex(words) -> str:
    """A regular expression matching exactly ``words``, shaped as a trie so that
    Python's backtracking matcher stays fast with thousands of alternatives."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        ends = "" in node
        branches = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == " " else re.escape(ch)
            branches.append(piece + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            body = "(?:" + body + ")?" if len(branches) > 1 or len(body) > 1 else body + "?"
        return body

    return emit(trie)


_PLURAL = r"(?:e?s|E?S)?"


def compile_matchers(concepts):
    """Compile (regex, table) pairs; table maps a normalised matched label to its concept."""
    insensitive: dict[str, Concept] = {}
    sensitive: dict[str, Concept] = {}
    for c in concepts:
        for label in (c.label, *c.alt_labels, *c.hidden_labels):
            norm = _normal(label)
            if len(norm) < 2:
                continue
            if matches_any_case(label):
                insensitive.setdefault(norm.lower(), c)
            else:
                sensitive.setdefault(norm, c)
                sensitive.setdefault(norm.upper(), c)
    out = []
    for table, flags in ((insensitive, re.IGNORECASE), (sensitive, 0)):
        if not table:
            continue
        body = _trie_regex(sorted(table))
        pattern = r"(?<![\w.+#])(" + body + ")" + _PLURAL + r"(?![\w+#]|\.\w)"
        out.append((re.compile(pattern, flags), table, bool(flags)))
    return tuple(out)
