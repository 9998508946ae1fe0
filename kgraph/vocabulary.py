"""Load the SKOS vocabularies and the lexicon in ``ontology/`` into a matcher.

The vocabularies are parsed with pyoxigraph (about ten times faster than
rdflib's parser); their labels are found in text by Aho-Corasick automata
(pyahocorasick), one for labels matched in any case, one for labels matched
as written.
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
    context_labels: tuple[str, ...] = ()  # ordinary words ("Go") that name it only in context (kg:contextLabel)
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
    not_after: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> words after which it is prose (kg:notAfter)
    phrase_heads: dict[str, str] = field(default_factory=dict)  # folded head of "<modifiers> <head>" names -> type
    not_modifiers: frozenset[str] = frozenset()  # lower-case words that never open such a name
    kind_nouns: frozenset[str] = frozenset()  # folded nouns after which the words before name a technique
    measure_nouns: frozenset[str] = frozenset()  # folded heads of names of measures ("Generalization Gap")
    part_nouns: frozenset[str] = frozenset()  # folded nouns that with a number name a part of the work ("Layer 2")
    not_before: dict[str, frozenset[str]] = field(default_factory=dict)  # word -> words before which it is prose (kg:notBefore)
    name_endings: dict[str, str] = field(default_factory=dict)  # "Bench" -> Dataset: the type a coined name's ending gives
    not_entity_words: frozenset[str] = frozenset()  # the terms lower-cased, not folded: "flops", "qos"
    _matcher: "Matcher" = field(default=None, repr=False)

    _labels: dict = field(default=None, repr=False)
    _in_context: dict = field(default=None, repr=False)
    _numbered: dict = field(default=None, repr=False)

    def lookup(self, label: str) -> Concept | None:
        """The concept with this label, altLabel or hiddenLabel (folded), or a
        depth of a model family (``numbered``); a prefLabel wins over another
        concept's altLabel."""
        if self._labels is None:
            index: dict[str, Concept] = {}
            for c in self.concepts.values():
                for other in (*c.alt_labels, *c.hidden_labels):
                    index.setdefault(fold(other), c)
            index.update(self.concepts)
            self._labels = index
        found = self._labels.get(fold(label))
        if found is None and label[-1:].isdigit() and (m := NUMBERED.fullmatch(label)):
            found = self.numbered.get(fold(m["name"]))  # "ResNet8", "WRN-16-4"
        if found is None and label[-1:].isdigit() and (joined := _JOINED_NUMBER.sub("", label)) != label:
            found = self._labels.get(fold(joined))  # "AVX-2" is AVX2
        return found

    @property
    def in_context(self) -> dict[str, Concept]:
        """Concepts by a label the matcher leaves to the extractor, a mention
        only in context: one letter ("C"), or an ordinary word the vocabulary
        marks so ("Go", kg:contextLabel)."""
        if self._in_context is None:
            self._in_context = {label: c for c in self.concepts.values()
                                for label in (*(a for a in (c.label, *c.alt_labels) if len(a) == 1), *c.context_labels)}
        return self._in_context

    @property
    def numbered(self) -> dict[str, Concept]:
        """Model families whose depth variants the vocabulary lists as labels
        ("ResNet-18", "ResNet50", "WRN-28-10"), by folded family name: any
        such number written after the name is that model ("ResNet8")."""
        if self._numbered is None:
            self._numbered = {}
            for c in self.concepts.values():
                if c.type != "Model":
                    continue
                labels = (c.label, *c.alt_labels, *c.hidden_labels)
                numbers: dict[str, set[str]] = {}
                for label in labels:
                    if m := NUMBERED.fullmatch(label):
                        numbers.setdefault(m["name"], set()).add(m["number"])
                for name in labels:
                    if len(numbers.get(name, ())) > 1:
                        self._numbered.setdefault(fold(name), c)
        return self._numbered

    @property
    def matcher(self) -> "Matcher":
        if self._matcher is None:
            self._matcher = Matcher(self.concepts.values())
        return self._matcher


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


VOCABULARIES_KEPT = 4  # compiled vocabularies kept in the user's cache


@lru_cache(maxsize=4)
def load_vocabulary(folder: str | None = None) -> Vocabulary:
    """Read ``vocab/*.ttl`` and ``lexicon.ttl`` from the ontology folder, with
    its compiled matcher; kept in the user's cache, keyed by the files' content
    (the ``VOCABULARIES_KEPT`` most recently used versions)."""
    import hashlib
    import pickle

    from .cache import prune, touch
    from .files import write_atomic
    from .index import cache_dir

    root = Path(folder) if folder else ontology_dir()
    files = sorted((root / "vocab").glob("*.ttl")) + [root / "lexicon.ttl"]
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in files:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    cached = cache_dir() / f"vocabulary-{digest.hexdigest()[:24]}.pickle"
    try:
        vocabulary = pickle.loads(cached.read_bytes())  # written below by this same code
    except Exception:
        pass
    else:
        touch(cached)
        return vocabulary
    vocabulary = _read_vocabulary(root, files[:-1])
    vocabulary.matcher  # compiled now, so that it is cached too
    try:
        write_atomic(cached, pickle.dumps(vocabulary, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        return vocabulary  # a read-only home: compile every time
    prune(cached.parent, "vocabulary-*.pickle", VOCABULARIES_KEPT)  # ~12 MB each
    return vocabulary


def _read_vocabulary(root: Path, files: list[Path]) -> Vocabulary:
    pref, alts, hidden, context, types, broader, definition = {}, {}, {}, {}, {}, {}, {}
    for t in _iter_turtle(files):
        s, p, o = t.subject.value, t.predicate.value, t.object.value
        if p == SKOS + "prefLabel":
            pref[s] = o
        elif p == SKOS + "altLabel":
            alts.setdefault(s, []).append(o)
        elif p == SKOS + "hiddenLabel":
            hidden.setdefault(s, []).append(o)
        elif p == ONTOLOGY + "contextLabel":
            context.setdefault(s, []).append(o)
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
        if types[iri] == "Technique":
            hidden.setdefault(iri, []).extend(
                v for label in (pref[iri], *alts.get(iri, ())) for v in verb_forms(label)
            )
        c = Concept(
            label=pref[iri],
            type=types[iri],
            alt_labels=tuple(sorted(set(alts.get(iri, ())))),
            hidden_labels=tuple(sorted(set(hidden.get(iri, ())))),
            context_labels=tuple(sorted(set(context.get(iri, ())))),
            broader=tuple(sorted(pref[b] for b in broader.get(iri, ()) if b in pref)),
            definition=definition.get(iri),
        )
        concepts.setdefault(c.key, c)
    head_nouns: dict[str, str] = {}
    not_entities: set[str] = set()
    not_entity_words: set[str] = set()
    words: dict[str, str] = {}
    after: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    phrase_heads: dict[str, str] = {}
    not_modifiers: set[str] = set()
    kind_nouns: set[str] = set()
    measure_nouns: set[str] = set()
    part_nouns: set[str] = set()
    name_endings: dict[str, str] = {}
    for t in _iter_turtle([root / "lexicon.ttl"]):
        s, p, o = t.subject.value, t.predicate.value, t.object.value
        if p == ONTOLOGY + "headNoun" and _local(s) in TYPES:
            for key in _noun_keys(o):
                head_nouns.setdefault(key, _local(s))
        elif p == ONTOLOGY + "term":
            not_entities.add(fold(o))
            not_entity_words.add(o.lower())
        elif p == ONTOLOGY + "word":
            words[s] = o.lower()
        elif p == ONTOLOGY + "notAfter":
            after.setdefault(s, set()).add(o.lower())
        elif p == ONTOLOGY + "notBefore":
            before.setdefault(s, set()).add(o.lower())
        elif p == ONTOLOGY + "phraseHead" and _local(s) in TYPES:
            phrase_heads.setdefault(fold(o), _local(s))
        elif p == ONTOLOGY + "notModifier":
            not_modifiers.add(o.lower())
        elif p == ONTOLOGY + "kindNoun":
            kind_nouns.update(_noun_keys(o))
        elif p == ONTOLOGY + "measureNoun":
            measure_nouns.update(_noun_keys(o))
        elif p == ONTOLOGY + "partNoun":
            part_nouns.add(fold(o))
        elif p == ONTOLOGY + "nameEnding" and _local(s) in TYPES:
            name_endings.setdefault(o, _local(s))
    return Vocabulary(
        concepts, head_nouns, frozenset(not_entities),
        not_after={words[s]: frozenset(ws) for s, ws in after.items() if s in words},
        phrase_heads=phrase_heads, not_modifiers=frozenset(not_modifiers), kind_nouns=frozenset(kind_nouns),
        measure_nouns=frozenset(measure_nouns), part_nouns=frozenset(part_nouns),
        not_before={words[s]: frozenset(ws) for s, ws in before.items() if s in words},
        name_endings=dict(sorted(name_endings.items(), key=lambda kv: (-len(kv[0]), kv[0]))),
        not_entity_words=frozenset(not_entity_words),
    )


def _noun_keys(noun: str) -> tuple[str, ...]:
    """A lexicon noun folded, and its plural in -ies or -es folded, which
    ``fold`` (dropping one "s") does not bring back: "libraries", "approaches"."""
    if _Y_PLURAL.search(noun):
        return fold(noun), fold(noun[:-1] + "ies")
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return fold(noun), fold(noun + "es")
    return (fold(noun),)


def verb_forms(label: str) -> list[str]:
    """Participles that name a technique as a verb does: "fine-tuned" for
    fine-tuning, "quantized" for quantization, "distilled" for distillation.
    Only for lower-case labels, whose words are ordinary English."""
    if label != label.lower() or len(label) < 6:
        return []
    if label.endswith("ization"):
        return [label[:-7] + "ized"]
    if label.endswith("illation"):
        return [label[:-5] + "ed"]
    if label.endswith("ing") and not label.endswith(("thing", "ring")) and len(label.split()[-1]) > 5:
        return [label[:-3] + "ed"]
    return []


_JOINED_NUMBER = re.compile(r"(?<=[A-Za-z])[\s\-](?=\d+$)")  # the hyphen of "AVX-2"
_GLUED_NUMBER = re.compile(r"([A-Za-z]{3,})(\d+)")  # "AVX2", "GPT4": also written with a hyphen

# a model's name and its depth, maybe with a width: "ResNet-50", "VGG16", "WRN-28-10"
NUMBERED = re.compile(r"(?P<name>.+?)-?(?P<number>\d+)(?:-\d+)?")

# a name glued of two or more capitalised words ("PyTorch", "DeepSparse"), not "QuALITY"
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")  # "DiT", "ReST", "PaLM": case that tells a name apart
_ONE_WORD_NAME = re.compile(r"[A-Z][a-z]+")  # a capitalised word: "Frontier", "Ray", "Summit"
_CAMEL_CASE = re.compile(r"[A-Z][a-z]{2,}(?:[A-Z][a-z]+)+")


def matches_any_case(label: str) -> bool:
    """Whether a label is matched case-insensitively (see ontology/vocab/README.md)."""
    return label == label.lower() or " " in label.strip() or any(ch.isdigit() for ch in label)


def _normal(label: str) -> str:
    return " ".join(fold_separators(label).split())


class Matcher:
    """Finds vocabulary labels in text with two Aho-Corasick automata (one
    over lower-cased text for labels matched in any case, one over the text
    as written), keeping matches that start and end at word boundaries."""

    def __init__(self, concepts):
        import ahocorasick

        self.concepts: list[Concept] = []
        self._automata = []
        tables = ({}, {})  # any case, as written
        entries = []  # (table, form, concept index)
        hyphenated = []  # the same, entered after every other form
        singular = set()  # forms entered without plurals
        for c in concepts:
            index = len(self.concepts)
            self.concepts.append(c)
            for label in (c.label, *c.alt_labels, *c.hidden_labels):
                norm = _normal(label)
                if len(norm) < 2:
                    continue
                if matches_any_case(label):
                    forms, table = {norm.lower()}, tables[0]
                else:
                    forms, table = {norm}, tables[1]
                    if len(norm) > 4 or not _INNER_CAPITAL.search(norm):
                        forms.add(norm.upper())  # "MAMBA", "LLAMA"; not "DIT", "STAR", "REST" for DiT, STaR, ReST
                    if _CAMEL_CASE.fullmatch(norm):  # "DeepSparse" is often written "Deepsparse"
                        forms.add(norm.capitalize())
                if " " in norm and len(norm.split()) <= 3:
                    # "multitask", "finetuning", "TensorCore": glued spellings
                    forms |= {f.replace(" ", "") for f in forms}
                if _GLUED_NUMBER.fullmatch(norm):  # "AVX2" written "AVX-2"
                    forms |= {_GLUED_NUMBER.sub(r"\1 \2", f) for f in forms}
                if "-" in label and " " in label.strip() and table is tables[0]:
                    forms.add(_normal(label.replace("-", "")).lower())  # "multiquery attention"
                if table is tables[1] and _ONE_WORD_NAME.fullmatch(norm):
                    singular.update(forms)  # "Frontier", "Ray": a proper name has no plural ("Future Frontiers")
                entries.extend((table, form, index) for form in sorted(forms))
                if "-" in label and table is tables[1]:  # "stream-K", "megatron-lm": a hyphenated name in any case
                    hyphenated.append((tables[0], norm.lower(), index))
        for suffix in _PLURALS:  # every label as written before any plural: "VITS" is no plural of ViT
            for table, form, index in entries + hyphenated:
                if not suffix or form not in singular:
                    table.setdefault(form + suffix, (index, len(form) + len(suffix)))
        for table, form, index in entries:  # "non-volatile memories"
            if table is tables[0] and _Y_PLURAL.search(form):
                table.setdefault(form[:-1] + "ies", (index, len(form) + 2))
        for any_case, table in zip((True, False), tables):
            automaton = ahocorasick.Automaton()
            for key, value in table.items():
                automaton.add_word(key, value)
            if len(automaton):
                automaton.make_automaton()
                self._automata.append((any_case, automaton))

    def find(self, text: str):
        """(start, end, concept) for every label in text, longest first where
        matches overlap, sorted by position. A label may be written with its
        acronym inside it: "key-value (KV) cache", "zeroth-order (ZO)
        optimization"."""
        folded = normalize_text(text)
        found = self._scan(folded)
        inner = []
        if " (" in folded:
            for m in _INNER_ACRONYM.finditer(folded):
                lo = max(0, m.start() - _INNER_WINDOW)
                window = folded[lo:m.start()] + folded[m.end():m.end() + _INNER_WINDOW]
                cut, gap = m.start() - lo, m.end() - m.start()
                inner += [(lo + s, lo + e + gap, c) for s, e, c in self._scan(window) if s < cut < e]
        if inner or len(self._automata) > 1:
            found += inner
            found.sort(key=lambda x: (x[0] - x[1], x[0]))
            taken = bytearray(len(folded))  # characters already in a kept match: linear, not pairwise
            kept = []
            for s, e, c in found:
                if 1 not in taken[s:e]:
                    taken[s:e] = b"\x01" * (e - s)
                    kept.append((s, e, c))
            found = kept
        found.sort(key=lambda x: x[0])
        return found

    def _scan(self, folded: str):
        """Every label match in normalized text that starts and ends at word
        boundaries, overlapping ones included. A longest match that does not
        (the label "e-graph" inside "the graph neural network", "distributed
        data parallel" in "... parallelism") is dropped and the text after its
        first character read again, so the labels it overlapped are found."""
        lowered = None
        found = []
        for any_case, automaton in self._automata:
            if any_case:
                if lowered is None:
                    lowered = lower_same_length(folded)
                haystack = lowered
            else:
                haystack = folded
            at = 0
            while at is not None:
                matches, at = automaton.iter_long(haystack, at), None
                for end, (index, length) in matches:
                    start, stop = end - length + 1, end + 1
                    if not _starts_a_word(folded, start):
                        at = start + 1
                        break
                    if not _ends_a_word(folded, stop):
                        # a shorter label from the same start may end at a word's end: "OpenAI o3"
                        # where "OpenAI o3-pro" runs into "o3 produces"
                        shorter = [(e + 1, i) for e, (i, k) in automaton.iter(haystack, start, stop - 1)
                                   if e - k + 1 == start and _ends_a_word(folded, e + 1)]
                        if shorter:
                            stop, index = max(shorter)
                            found.append((start, stop, self.concepts[index]))
                        at = start + 1
                        break
                    found.append((start, stop, self.concepts[index]))
        return found


def _starts_a_word(folded: str, start: int) -> bool:
    """Whether a match starting at ``start`` starts at a word boundary (not "lm" of "vllm", "4o" of
    "GPT-4o"; "torchtune" of "vLLM+torchtune" does)."""
    return start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] in _JOINERS) or (
        start > 1 and _PLUS_JOIN.match(folded, start - 2) is not None)


def _ends_a_word(folded: str, stop: int) -> bool:
    """Whether a match ending at ``stop`` ends at a word boundary ("GPT-4o" does not end at "GPT-4")."""
    return stop >= len(folded) or _PLUS_JOIN.match(folded, stop - 1) is not None or not (
        folded[stop].isalnum() or folded[stop] in "+#" or (
        folded[stop] == "." and stop + 1 < len(folded) and (folded[stop + 1].islower() or folded[stop + 1].isdigit())))


# "(KV)" between the words of a label; the label is looked for within this
# many characters on either side.
_INNER_ACRONYM = re.compile(
    r"(?<=\w) \([A-Z](?:[A-Za-z0-9]|/(?=[A-Z])){0,9}\)(?= (?!(?:have|has|had|is|are|was|were|be|can|could|may|might|will|would|"
    r"should|must|to|in|on|at|by|from|with|for|of|and|or|that|which|who|while|where|when|as|also|not)\b)"
    r"(?![a-z]+ly\b)\w)"  # a label does not go on with a verb or a function word: "(LLMs) have"
)
_INNER_WINDOW = 60
_PLURALS = ("", "s", "es", "S", "ES")
_Y_PLURAL = re.compile(r"[a-z][^aeiou\W\d]y$")  # "memory" -> "memories"
_JOINERS = "_.+#@\\"
_PLUS_JOIN = re.compile(r"[^\W_]\+[^\W\d_]")  # "vLLM+torchtune", "MPI+OpenMP": two names; not "C++", "MoE++"
_SPACES = str.maketrans({c: " " for c in "\t\n\r\x0b\x0c\u00a0"})


def normalize_text(text: str) -> str:
    """Dashes, underscores and white space become plain spaces; length is kept."""
    return fold_separators(text).translate(_SPACES)


def lower_same_length(text: str) -> str:
    """``text.lower()``, but a character whose lower case is longer stays as it
    is, so that positions in the result are positions in ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def compile_matchers(concepts) -> Matcher:
    """A matcher for the labels of ``concepts``."""
    return Matcher(concepts)
