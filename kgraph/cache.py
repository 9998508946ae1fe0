"""A content-hash cache of extraction results, one entry per input file.

An entry holds what extraction found in the papers one input file
contributed, keyed by a hash of each paper's title and abstract, so adding a
file to a corpus re-extracts only that file's papers. Entries live in
``~/.cache/kgraph/extract/<fingerprint>/`` (``$XDG_CACHE_HOME`` is honoured);
the fingerprint covers the extraction code, the vocabularies and the Python
version, so results of other code are never read. Delete the folder to
reclaim the space.
"""
from __future__ import annotations

import hashlib
import pickle
import sys
from functools import lru_cache
from pathlib import Path

from .errors import OutputError
from .files import write_atomic

# Bump when the shape of cached results changes.
CACHE_FORMAT = "2"
_EXTRACTION_MODULES = ("extract.py", "vocabulary.py", "names.py", "parallel.py", "cache.py")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of everything extraction results depend on."""
    from .vocabulary import ontology_dir

    h = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
    here = Path(__file__).parent
    files = [here / name for name in _EXTRACTION_MODULES]
    files += sorted(ontology_dir().rglob("*.ttl"))
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:20]


def text_key(title: str, abstract: str) -> str:
    """The key of a paper's extraction result: a hash of its text."""
    return hashlib.sha1(f"{title}\0{abstract}".encode("utf-8")).hexdigest()


class ExtractionCache:
    """Per-file extraction results under ``folder`` (default: the user's cache)."""

    def __init__(self, folder: str | Path | None = None):
        from .index import cache_dir

        self.folder = Path(folder or cache_dir()) / "extract" / fingerprint()

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest}.pickle"

    def load(self, digest: str) -> dict | None:
        """The results stored for a file's content hash, or None."""
        try:
            with open(self._path(digest), "rb") as f:
                return pickle.load(f)
        except FileNotFoundError:
            return None
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # unreadable or foreign: extract again, overwrite later

    def store(self, digest: str, results: dict) -> None:
        """Store a file's results (best effort: a read-only cache is no error)."""
        try:
            write_atomic(self._path(digest), pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass


class LayoutCache:
    """The HTML page's clusters and node positions (``render.clusters_and_layout``),
    as JSON under ``folder/layout/`` (default: the user's cache), one file per
    ``render.layout_key``."""

    def __init__(self, folder: str | Path | None = None):
        from .index import cache_dir

        self.folder = Path(folder or cache_dir()) / "layout"

    def load(self, key: str):
        import json

        try:
            with open(self.folder / f"{key}.json", "rb") as f:
                return json.load(f)
        except (OSError, ValueError):
            return None

    def store(self, key: str, value) -> None:
        import json

        try:
            write_atomic(self.folder / f"{key}.json", json.dumps(value, separators=(",", ":")).encode())
        except (OSError, OutputError):
            pass  # best effort, as for extraction results
