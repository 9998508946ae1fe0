"""Content-hash caches: extraction results, one entry per input file; the
settled results of a whole (small) corpus; the page's clusters and layout.

An extraction entry holds what extraction found in the papers one input file
contributed, keyed by a hash of each paper's title and abstract, so adding a
file to a corpus re-extracts only that file's papers. Entries live in
``~/.cache/kgraph/extract/<fingerprint>/`` (``$XDG_CACHE_HOME`` is honoured);
the fingerprint covers the extraction code, the vocabularies and the Python
version, so results of other code are never read, and the folders of all but
the ``KEEP_VERSIONS`` most recently used fingerprints are removed (an upgrade
or a vocabulary edit leaves no stale results behind). Delete the folder to
reclaim the space.

Every entry is a pure function of its key: a build gives the same bytes
with or without the cache.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import sys
from functools import lru_cache
from pathlib import Path

from .errors import OutputError
from .files import atomic_path, write_atomic

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

    KEEP_VERSIONS = 4  # fingerprint folders kept, the most recently used

    def __init__(self, folder: str | Path | None = None):
        from .index import cache_dir

        self.folder = Path(folder or cache_dir()) / "extract" / fingerprint()
        self._used = False

    def _path(self, digest: str) -> Path:
        return self.folder / f"{digest}.pickle"

    def load(self, digest: str) -> dict | None:
        """The results stored for a file's content hash, or None."""
        try:
            with open(self._path(digest), "rb") as f:
                results = pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # unreadable or foreign: extract again, overwrite later
        self._mark_used()
        return results

    def store(self, digest: str, results: dict) -> None:
        """Store a file's results (best effort: a read-only cache is no error)."""
        new_version = not self.folder.exists()
        try:
            write_atomic(self._path(digest), pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            return
        if new_version:  # the first results of this code: older codes' folders may go
            prune(self.folder.parent, "*", self.KEEP_VERSIONS)
        self._mark_used()

    def _mark_used(self) -> None:
        if not self._used:
            self._used = True
            touch(self.folder)


class _Entries:
    """Cache entries in ``folder``, one file per key named ``key + SUFFIX``,
    pruned to the ``KEEP`` most recently used; reading or writing one is best
    effort (a damaged entry reads as missing, a read-only cache is no error)."""

    SUFFIX = ""
    KEEP = 0

    def load(self, key: str):
        path = self.folder / f"{key}{self.SUFFIX}"
        try:
            with open(path, "rb") as f:
                value = self._read(f)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return None
        touch(path)
        return value

    def store(self, key: str, value) -> None:
        try:
            with atomic_path(self.folder / f"{key}{self.SUFFIX}") as tmp, open(tmp, "wb") as f:
                self._write(value, f)
        except (OSError, OutputError):
            return
        prune(self.folder, f"*{self.SUFFIX}", self.KEEP)


class SettledCache(_Entries):
    """A whole corpus's extraction results after the corpus-wide passes, as
    ``pipeline`` hands them to the graph builder: one entry per corpus,
    under the extraction results' fingerprint, keyed by every paper's id and
    text in order (``corpus_key``). A rebuild of an unchanged corpus loads
    one entry instead of loading the vocabulary and settling the per-file
    results again (seeds: ~0.02 s instead of ~0.2 s)."""

    SUFFIX = ".corpus"  # not .pickle: those are the per-file entries
    KEEP = 8  # entries kept, the most recently used (the seeds: 1 MB each, mostly the vocabulary)

    def __init__(self, folder: str | Path | None = None):
        self.folder = ExtractionCache(folder).folder / "corpus"

    _read = staticmethod(pickle.load)

    @staticmethod
    def _write(value, f) -> None:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)  # streamed: 10k papers' bytes are large


def touch(path: Path) -> None:
    """Mark a cache entry (a file or a folder) as just used (for ``prune``)."""
    try:
        os.utime(path)
    except OSError:
        pass


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently used entries (files or
    folders) of ``folder`` matching ``pattern``; best effort."""
    try:
        entries = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    except OSError:
        pass


def corpus_key(papers, code: bytes = b"") -> str:
    """A hash of the papers' ids and texts, in order, and ``code`` (the
    source of what shapes the stored results)."""
    h = hashlib.sha256(code)
    for p in papers:
        h.update(f"{p.id}\0{text_key(p.title, p.abstract)}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:32]


class LayoutCache(_Entries):
    """The HTML page's clusters and node positions (``render.clusters_and_layout``),
    as JSON under ``folder/layout/`` (default: the user's cache), one file per
    ``render.layout_key``."""

    SUFFIX = ".json"
    KEEP = 64  # entries kept, the most recently used (the seeds: 19 kB each)

    def __init__(self, folder: str | Path | None = None):
        from .index import cache_dir

        self.folder = Path(folder or cache_dir()) / "layout"

    _read = staticmethod(json.load)

    @staticmethod
    def _write(value, f) -> None:
        f.write(json.dumps(value, separators=(",", ":")).encode())
