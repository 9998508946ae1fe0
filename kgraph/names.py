"""Canonical keys and IRIs for entity names.

``fold`` gives the key two surface forms share when they name the same thing
(case, hyphens, spacing, plural -s); ``entity_iri`` mints the stable IRI of a
canonical label.
"""
import re
from functools import lru_cache
from urllib.parse import quote

ONTOLOGY = "https://w3id.org/kgraph/ontology#"
ENTITY = "https://w3id.org/kgraph/entity/"
PAPER = "https://w3id.org/kgraph/paper/"
COMENTION = "https://w3id.org/kgraph/comention/"
MENTION = "https://w3id.org/kgraph/mention/"

_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_]+")
_SUPERSCRIPT = re.compile(r"\^\{?([^{}\s^]*)\}?")
# RFC 3987 iunreserved minus "_", which stands for a space: the mapping stays
# injective, so two labels never share an IRI.
_SAFE = "-.~"


def entity_local_name(label: str) -> str:
    """The IRI local name of a canonical label: spaces become ``_``, every
    other character outside ``[A-Za-z0-9.~-]`` (and non-ASCII) is
    percent-encoded, and so is a final ``.`` (a Turtle prefixed name cannot
    end with one, and rdflib misreads its escaped form)."""
    local = "_".join(
        quote(part, safe=_SAFE).replace("_", "%5F") for part in label.split(" ")
    )
    return local[:-1] + "%2E" if local.endswith(".") else local


def entity_iri(label: str) -> str:
    return ENTITY + entity_local_name(label)


@lru_cache(maxsize=1 << 16)  # the extractor folds the same words again and again
def fold(text: str) -> str:
    """Lower-case, unify separators and drop a plural ``s`` of the last word."""
    text = text.strip()
    key = _SEPARATORS.sub(" ", text.lower())
    if "^" in key:  # "M^2-Encoder", "D^{2}MoE": a superscript written out is the digit (M2-Encoder)
        key = _SUPERSCRIPT.sub(r"\1", key)
    if len(key) > 2 and text.endswith("s"):  # not "AWS"
        if text[-2:-1].isupper() or not key.endswith(("ss", "us", "is")):
            key = key[:-1]  # "GPUs", "LLMs", "models"; not "corpus", "analysis"
    return key


def compact(key: str) -> str:
    """A folded key without spaces: "flash attention" and "flashattention" meet."""
    return key.replace(" ", "")
