"""Input formats by name: each reader turns one file into papers.

``listing`` (Daily Papers page dumps, parsed by ``kgraph.ingest``), ``jsonl``
(one JSON object per line with a title and an abstract field), ``csv`` (a
header row naming a title and an abstract column; ``.tsv`` is tab-separated)
and ``arxiv`` (the arXiv metadata snapshot: JSON Lines with id, title,
abstract, authors, categories, update_date). A format is chosen by file
suffix, or by content for JSON Lines, unless one is named; ``.gz`` files are
decompressed on the fly. A new format is one function and one decorator.

Files are read as streams, line by line where the format allows, and each
file's content hash is computed on the way (it keys the extraction cache).
The rules of ``kgraph.ingest`` hold for every format: text is decoded by
``files.decode_text``; a file that gives no papers is a warning as long as
another gives papers; a path that does not exist is an error.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import io
import json
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, NamedTuple

from .errors import InputError
from .files import decode_text
from .ingest import Paper, parse_listing_file, settle_inputs


@dataclass(frozen=True)
class ReadOptions:
    """How to read input files: a format name (None: detect per file) and the
    field names holding titles and abstracts (JSON Lines and CSV)."""

    format: str | None = None
    title_column: str = "title"
    abstract_column: str = "abstract"


@dataclass(frozen=True)
class Reader:
    name: str
    suffixes: tuple[str, ...]
    read: Callable[[BinaryIO, Path, ReadOptions, "Notes"], Iterator[Paper]]
    help: str


READERS: dict[str, Reader] = {}
FORMAT_ALIASES = {"txt": "listing", "json": "jsonl", "ndjson": "jsonl", "tsv": "csv", "arxiv-snapshot": "arxiv"}


def reader(name: str, *suffixes: str, help: str):
    """Register a reader function under ``name`` for files ending in ``suffixes``."""

    def register(function):
        READERS[name] = Reader(name, suffixes, function, help)
        return function

    return register


def format_names() -> list[str]:
    """Every name ``--format`` accepts: readers and aliases."""
    return sorted({*READERS, *FORMAT_ALIASES})


def resolve_format(name: str) -> str:
    key = name.lower()
    key = FORMAT_ALIASES.get(key, key)
    if key not in READERS:
        raise InputError(f"unknown input format {name!r} (known: {', '.join(format_names())})")
    return key


class Notes:
    """A file's warnings, at most ``limit`` of each kind, then a count of the rest."""

    def __init__(self, path: Path, limit: int = 5):
        self.path, self.limit = path, limit
        self.lines: list[str] = []
        self.counts: dict[str, int] = {}

    def add(self, kind: str, message: str) -> None:
        n = self.counts[kind] = self.counts.get(kind, 0) + 1
        if n <= self.limit:
            self.lines.append(f"{self.path}: {message}")

    def extend(self, messages) -> None:
        self.lines.extend(messages)

    def done(self) -> list[str]:
        extra = [f"{self.path}: {n - self.limit} more {kind}" for kind, n in self.counts.items() if n > self.limit]
        return self.lines + extra


@dataclass
class FileRead:
    """What one input file held."""

    path: Path
    format: str
    digest: str  # sha256 of the (decompressed) content and the read options
    papers: list[Paper]
    warnings: list[str] = field(default_factory=list)


class InputFile(NamedTuple):
    """An input file as the extraction cache knows it."""

    path: Path
    digest: str
    paper_ids: list[str]


class _HashingStream(io.RawIOBase):
    """A readable binary stream that hashes what passes through it."""

    def __init__(self, raw: BinaryIO, digest):
        self.raw, self.digest = raw, digest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.raw.read(len(buffer))
        self.digest.update(data)
        buffer[: len(data)] = data
        return len(data)


def _base_suffix(path: Path) -> str:
    """The suffix that names the format: ``.jsonl`` for ``x.jsonl.gz``."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return suffixes[-1] if suffixes else ""


@contextmanager
def _open(path: Path) -> Iterator[BinaryIO]:
    """The file's bytes, decompressed when it ends in ``.gz``."""
    with path.open("rb") as raw:
        yield gzip.GzipFile(fileobj=raw, mode="rb") if path.suffix.lower() == ".gz" else raw


def detect_format(path: Path) -> str:
    """The reader for a file: by suffix, then by content (a text file of JSON
    objects is ``arxiv`` when they carry the snapshot's fields, else ``jsonl``)."""
    suffix = _base_suffix(path)
    name = next((r.name for r in READERS.values() if suffix in r.suffixes), None)
    if name in (None, "jsonl", "listing"):  # a listing never starts with "{"
        try:
            with _open(path) as f:
                head = f.read(65536)
        except (OSError, EOFError) as e:
            raise InputError(f"{path}: cannot read ({getattr(e, 'strerror', None) or e})") from None
        head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
        if head[:1] == b"{":
            line = head.split(b"\n", 1)[0]
            keys = set(re.findall(rb'"(\w+)"\s*:', line))
            return "arxiv" if {b"id", b"abstract", b"update_date"} <= keys else "jsonl"
        return name or "listing"
    return name


def find_inputs(paths, options: ReadOptions = ReadOptions()) -> tuple[list[tuple[Path, str]], list[str]]:
    """(file, format name) for every input under ``paths``: files as given,
    folders searched recursively (hidden files skipped) for the suffixes of
    the named format, or of any format; and a problem for each path that
    gives none. A path that does not exist is an ``InputError`` (see
    ``ingest.find_listings``). One path may be given alone, as a string or a Path."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    fmt = resolve_format(options.format) if options.format else None
    wanted = set(READERS[fmt].suffixes) if fmt else {s for r in READERS.values() for s in r.suffixes}
    found: list[tuple[Path, str]] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(
                f for f in p.rglob("*")
                if f.is_file() and _base_suffix(f) in wanted
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not files:
                kinds = ", ".join(f"*{s}" for s in sorted(wanted))
                problems.append(f"{p}: no input files ({kinds}, or the same .gz) in this folder")
            found.extend((f, fmt or detect_format(f)) for f in files)
        elif p.is_file():
            found.append((p, fmt or detect_format(p)))
        elif p.exists():
            problems.append(f"{p}: not a regular file")
        else:
            raise InputError(f"{p}: no such file or folder")
    return found, problems


def read_file(path: Path, fmt: str, options: ReadOptions = ReadOptions()) -> FileRead:
    """Read one file with the reader ``fmt``; ``InputError`` (with the
    file's warnings) when it gives no papers."""
    digest = hashlib.sha256(f"{fmt}\0{options.title_column}\0{options.abstract_column}\0".encode())
    notes = Notes(path)
    try:
        with _open(path) as raw:
            stream = io.BufferedReader(_HashingStream(raw, digest), 1 << 16)
            papers = list(READERS[fmt].read(stream, path, options, notes))
    except OSError as e:  # includes a damaged .gz
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    except EOFError:
        raise InputError(f"{path}: the compressed file is truncated") from None
    except InputError as e:
        raise InputError(str(e), notes.done() + e.warnings) from None
    if not papers:
        raise InputError(f"{path}: no papers found", notes.done())
    return FileRead(path, fmt, digest.hexdigest(), papers, notes.done())


def read_papers(paths, options: ReadOptions = ReadOptions(), *, strict: bool = False):
    """Read every input file under ``paths``, one at a time; return (merged
    papers, an InputFile per file that gave papers, warnings), by the rules
    of ``ingest.settle_inputs``."""
    found, problems = find_inputs(paths, options)
    files: list[InputFile] = []
    all_papers: list[Paper] = []
    warnings: list[str] = []
    for path, fmt in found:
        try:
            f = read_file(path, fmt, options)
        except InputError as e:
            problems.append(str(e))
            warnings.extend(e.warnings)
            continue
        warnings.extend(f.warnings)
        all_papers.extend(f.papers)
        files.append(InputFile(f.path, f.digest, sorted({p.id for p in f.papers})))
    papers, warnings = settle_inputs(all_papers, problems, warnings, strict=strict)
    return papers, files, warnings


# -- readers ---------------------------------------------------------------

@reader("listing", ".txt", ".md", ".text", help="Hugging Face Daily Papers page dumps (plain text)")
def read_listing_stream(stream, path, options, notes):
    text, warnings = decode_text(stream.read(), str(path))
    notes.extend(warnings)
    papers, warnings = parse_listing_file(text, path)
    notes.extend(warnings)
    return papers


def _lines(stream, notes) -> Iterator[tuple[int, str]]:
    """(line number, text) of a text stream, decoded line by line as
    ``files.decode_text`` decodes files: the file's start is checked (empty,
    binary), UTF-16 with a BOM is read as such, and a line that is not UTF-8
    is read as Windows-1252 with a warning."""
    head = stream.peek(1 << 16)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        yield from enumerate(io.TextIOWrapper(stream, encoding="utf-16", newline=None), 1)
        return
    decode_text(head, str(notes.path))  # raises InputError for an empty or binary file
    for number, data in enumerate(stream, 1):
        try:
            text = data.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            text, warnings = decode_text(data, f"{notes.path}: line {number}")
            notes.add("lines not UTF-8", warnings[0].removeprefix(f"{notes.path}: "))
        yield number, text


def _one_line(value) -> str:
    return " ".join(_valid(str(value)).split()) if value is not None else ""


def _valid(text: str) -> str:
    """Text without lone surrogates ("\\ud800" in JSON), which no file can
    hold: each becomes U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean_lines(value) -> str:
    """Spacing normalized within lines, blank lines dropped (as in listings)."""
    if value is None:
        return ""
    return "\n".join(" ".join(line.split()) for line in _valid(str(value)).splitlines() if line.strip())


def _json_objects(stream, notes) -> Iterator[tuple[int, dict]]:
    for number, line in _lines(stream, notes):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except ValueError as e:
            notes.add("lines skipped", f"line {number}: not JSON ({e.msg}), skipped")
            continue
        if not isinstance(obj, dict):
            notes.add("lines skipped", f"line {number}: not a JSON object, skipped")
            continue
        yield number, obj


def _paper(title, abstract, path, number, notes, **metadata) -> Paper | None:
    """A paper from a record's fields; abstract lines are kept (``read_arxiv``
    joins the snapshot's hard-wrapped lines before)."""
    title = _one_line(title)
    if not title:
        notes.add("records skipped", f"line {number}: no title, skipped")
        return None
    return Paper(title=title, abstract=_clean_lines(abstract), sources=[path.name], **metadata)


@reader("jsonl", ".jsonl", ".ndjson", ".json",
        help="JSON Lines, one object per paper (fields: --title-column, --abstract-column)")
def read_jsonl(stream, path, options, notes):
    first = True
    for number, obj in _json_objects(stream, notes):
        if first and options.title_column not in obj:
            raise InputError(
                f"{path}: line {number} has no field {options.title_column!r} "
                f"(fields: {', '.join(sorted(obj)) or 'none'}); name the title field with --title-column"
            )
        first = False
        paper = _paper(obj.get(options.title_column), obj.get(options.abstract_column), path, number, notes)
        if paper is not None:
            yield paper


@reader("csv", ".csv", ".tsv", help="CSV or TSV with a header row (columns: --title-column, --abstract-column)")
def read_csv(stream, path, options, notes):
    text = (line for _, line in _lines(stream, notes))
    delimiter = "\t" if _base_suffix(path) == ".tsv" else ","
    rows = csv.DictReader(text, delimiter=delimiter)
    try:
        header = rows.fieldnames or []
        if options.title_column not in header:
            raise InputError(
                f"{path}: no column {options.title_column!r} in the header "
                f"(columns: {', '.join(header) or 'none'}); name the title column with --title-column"
            )
        for row in rows:
            paper = _paper(row.get(options.title_column), row.get(options.abstract_column),
                           path, rows.line_num, notes)
            if paper is not None:
                yield paper
    except csv.Error as e:
        raise InputError(f"{path}: line {rows.line_num}: not valid CSV ({e})") from None


def _author_count(obj) -> int | None:
    parsed = obj.get("authors_parsed")
    if isinstance(parsed, list) and parsed:
        return len(parsed)
    names = _one_line(obj.get("authors"))
    return len([a for a in re.split(r",\s*|\s+and\s+", names) if a.strip()]) if names else None


def _first_version_date(obj) -> str | None:
    """The date of version 1 (the snapshot's ``versions[0].created``), else ``update_date``."""
    try:
        return parsedate_to_datetime(obj["versions"][0]["created"]).date().isoformat()
    except (KeyError, IndexError, TypeError, ValueError):
        date = obj.get("update_date")
        return date if isinstance(date, str) and re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None


@reader("arxiv", ".jsonl", ".ndjson", ".json", help="the arXiv metadata snapshot (JSON Lines: id, title, abstract, authors, "
                      "categories, update_date)")
def read_arxiv(stream, path, options, notes):
    for number, obj in _json_objects(stream, notes):
        paper = _paper(obj.get("title"), _one_line(obj.get("abstract")), path, number, notes,
                       published=_first_version_date(obj), authors=_author_count(obj))
        if paper is not None:
            yield paper
