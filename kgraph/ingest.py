"""Read paper listings (Hugging Face "Daily Papers" page dumps) into papers.

Three layouts are recognised, and may mix within one file: title and
abstract separated by blank lines; title and abstract on consecutive lines
(the first title glued to the page's "Subscribe" button); entries followed
by a metadata block (``• N authors`` or an organization line, then ``·``
and a date with an optional upvote count). Page chrome never becomes a
paper. A paper listed several times, in one file or many, is one paper.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .errors import InputError

LISTING_SUFFIXES = {".txt", ".md", ".text"}

_CHROME = {
    "new",
    "subscribe",
    "daily papers",
    "byak and the research community",
    "get trending papers in your email inbox!",
    "get trending papers in your email inbox once a day!",
}
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
_DATE = re.compile(
    r"^(?P<mon>" + "|".join(_MONTHS) + r")[a-z]*\.? (?P<day>\d{1,2})"
    r"(?:, (?P<year>\d{4}))?(?: (?P<upvotes>\d+))?$"
)
_AUTHORS = re.compile(r"^[•·*\-]?\s*(?P<n>\d+) authors?$")
_BULLET = {"·", "•", "-"}
# An organization line: the organization's handle, then its display name.
_ORG = re.compile(r"^(?P<handle>[\w.\-]+) (?P<name>\S.{0,120})$")
_SUBSCRIBE_GLUE = re.compile(r"^Subscribe(?=\S)")
_TITLE_MAX_CHARS = 300
_TITLE_MAX_WORDS = 40


@dataclass
class Paper:
    """One listed paper and what the listing says of it."""

    title: str
    abstract: str = ""
    listing_date: str | None = None  # as printed at the top of the page ("May 8")
    published: str | None = None  # ISO date, or --MM-DD when the listing omits the year
    upvotes: int | None = None
    authors: int | None = None
    organization: str | None = None
    sources: list[str] = field(default_factory=list)

    @cached_property
    def id(self) -> str:
        return paper_id(self.title)

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.abstract}" if self.abstract else self.title


def title_key(title: str) -> str:
    """The key under which two listings of one paper meet."""
    return " ".join(re.sub(r"[^\w]+", " ", title.casefold()).split())


def paper_id(title: str) -> str:
    """A stable identifier for a paper, from its title."""
    return hashlib.sha1(title_key(title).encode("utf-8")).hexdigest()[:16]


def _iso_date(match: re.Match) -> str:
    month = _MONTHS.index(match["mon"][:3]) + 1
    day = int(match["day"])
    if match["year"]:
        return f"{match['year']}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"


def _looks_like_title(line: str) -> bool:
    if len(line) > _TITLE_MAX_CHARS or len(line.split()) > _TITLE_MAX_WORDS:
        return False
    # Abstracts are sentences ending with a full stop; titles rarely are.
    if line.endswith(".") and (len(line.split()) > 12 or re.search(r"\w\w\.\s+[A-Z]", line)):
        return False
    return True


def parse_listing(text: str, source: str = "<text>") -> tuple[list[Paper], list[str]]:
    """Parse one listing page; return its papers (in page order) and warnings."""
    papers: list[Paper] = []
    warnings: list[str] = []
    listing_date: str | None = None
    current: Paper | None = None
    pending_org: str | None = None  # a line that may be an organization, until "·" confirms it
    in_metadata = False

    def finish() -> None:
        nonlocal current
        if current is not None:
            if not current.abstract:
                warnings.append(f"{source}: paper {current.title!r} has no abstract")
            papers.append(current)
            current = None

    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        line = _SUBSCRIBE_GLUE.sub("", line)
        if line.casefold() in _CHROME:
            continue
        date = _DATE.match(line)
        if date:
            if current is None and not papers:
                listing_date = line
            elif current is not None:
                current.published = _iso_date(date)
                if date["upvotes"]:
                    current.upvotes = int(date["upvotes"])
            in_metadata = False
            continue
        authors = _AUTHORS.match(line)
        if authors and current is not None:
            current.authors = int(authors["n"])
            in_metadata = True
            continue
        if line in _BULLET:
            if current is not None and pending_org:
                current.organization = pending_org
            pending_org = None
            in_metadata = True
            continue
        if pending_org is not None:
            # The line held back was not followed by "·": it is content after all.
            held, pending_org = pending_org, None
            current = _add_content(held, current, listing_date, source, finish, warnings)
        org = _ORG.match(line)
        if (
            org
            and current is not None
            and current.abstract
            and not in_metadata
            and len(line) < 80
            and re.fullmatch(r"[a-z0-9][a-z0-9.\-_]*", org["handle"])
        ):
            pending_org = org["name"]
            continue
        in_metadata = False
        current = _add_content(line, current, listing_date, source, finish, warnings)
    if pending_org is not None:
        current = _add_content(pending_org, current, listing_date, source, finish, warnings)
    finish()
    return papers, warnings


def _add_content(line, current, listing_date, source, finish, warnings):
    """Start a paper with a title line or extend the current abstract."""
    if _looks_like_title(line) and (current is None or current.abstract):
        finish()
        return Paper(title=line, listing_date=listing_date, sources=[source])
    if current is None:
        warnings.append(f"{source}: text with no title skipped: {line[:60]!r}")
        return None
    if _looks_like_title(line) and not current.abstract and _looks_like_title(current.title) and len(line) < 120:
        # Two title-like lines in a row: the first paper has no abstract.
        finish()
        return Paper(title=line, listing_date=listing_date, sources=[source])
    current.abstract = f"{current.abstract}\n{line}" if current.abstract else line
    return current


def decode(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode a listing: UTF-8 (with or without BOM), else Windows-1252."""
    if b"\x00" in data:
        raise InputError(f"{source}: binary file, not a text listing")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), [
            f"{source}: not valid UTF-8, read as Windows-1252"
        ]


def find_listings(paths) -> list[Path]:
    """The listing files named by ``paths`` (files, or folders searched recursively)."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in LISTING_SUFFIXES)
            if not files:
                raise InputError(f"{p}: no listing files (*.txt) in this folder")
            found.extend(files)
        elif p.is_file():
            found.append(p)
        else:
            raise InputError(f"{p}: no such file or folder")
    return found


def merge_papers(papers) -> list[Paper]:
    """Merge listings of one paper: the longest abstract, metadata filled in, sources joined."""
    merged: dict[str, Paper] = {}
    for p in papers:
        key = title_key(p.title)
        have = merged.get(key)
        if have is None:
            merged[key] = replace(p, sources=list(p.sources))
            continue
        if len(p.abstract) > len(have.abstract):
            have.abstract = p.abstract
        for name in ("listing_date", "published", "upvotes", "authors", "organization"):
            if getattr(have, name) is None:
                setattr(have, name, getattr(p, name))
        if p.upvotes is not None and have.upvotes is not None:
            have.upvotes = max(have.upvotes, p.upvotes)
        for s in p.sources:
            if s not in have.sources:
                have.sources.append(s)
    return sorted(merged.values(), key=lambda p: p.id)


def read_listing(data: bytes, path) -> tuple[list[Paper], list[str]]:
    """Decode and parse the bytes of one listing file; return its papers and warnings.
    (The ``listing`` reader of ``kgraph.readers`` calls this too.)"""
    path = Path(path)
    text, warnings = decode(data, str(path))
    papers, notes = parse_listing(text, source=path.name)
    warnings.extend(notes)
    if not papers:
        warnings.append(f"{path}: no papers found")
    return papers, warnings


def read_listings(paths) -> tuple[list[Paper], list[str]]:
    """Read every listing under ``paths``; return merged papers and warnings."""
    all_papers: list[Paper] = []
    warnings: list[str] = []
    for path in find_listings(paths):
        try:
            data = path.read_bytes()
        except OSError as e:
            raise InputError(f"{path}: cannot read ({e.strerror})") from None
        papers, notes = read_listing(data, path)
        warnings.extend(notes)
        all_papers.extend(papers)
    if not all_papers:
        raise InputError("no papers found in " + ", ".join(str(p) for p in paths))
    return merge_papers(all_papers), warnings
