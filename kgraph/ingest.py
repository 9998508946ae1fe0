"""Read paper listings (Hugging Face "Daily Papers" page dumps) into papers.

Three layouts are recognised, and may mix within one file: title and
abstract separated by blank lines; title and abstract on consecutive lines
(the first title glued to the page's "Subscribe" button); entries followed
by a metadata block (``• N authors`` or an organization line, then ``·``
and a date with an optional upvote count). Page chrome never becomes a
paper. A paper listed several times, in one file or many, is one paper
(``merge_papers`` states the rule).

Files are decoded by ``files.read_text``. Nothing in a listing can stop a
build: text that cannot be used is skipped with a warning naming the file
and line, and a file that gives no papers is a warning while others do.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from .errors import InputError
from .files import read_text

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
MAX_LINE_CHARS = 20_000  # real abstracts stay under ~3,000 characters
SAME_ABSTRACT = 0.8
_SPACES = re.compile(r"\s+")
# Never text: C0/C1 controls other than whitespace, DEL, lone surrogates,
# byte order marks and the two noncharacters XML forbids.
_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
# Something visible: not whitespace, not a format character (zero-width, bidi).
_VISIBLE = re.compile("[^\\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")


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
    """The key under which two listings of one paper meet: its words, case
    folded (or, for a title without any word character, the title itself)."""
    folded = title.casefold()
    return " ".join(re.sub(r"[^\w]+", " ", folded).split()) or " ".join(folded.split())


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
    """Parse one listing page; return its papers (in page order) and warnings.

    Any text is accepted: control characters, lone surrogates and stray byte
    order marks are dropped, lines of only invisible characters count as
    blank, and a line over ``MAX_LINE_CHARS`` (no title or abstract is that
    long) is skipped with a warning.
    """
    papers: list[Paper] = []
    warnings: list[str] = []
    listing_date: str | None = None
    current: Paper | None = None
    current_line = 0
    pending_org: str | None = None  # a line that may be an organization, until "·" confirms it
    in_metadata = False
    number = pending_line = 0

    def finish() -> None:
        nonlocal current
        if current is not None:
            if not current.abstract:
                warnings.append(f"{source} line {current_line}: paper {current.title!r} has no abstract")
            papers.append(current)
            current = None

    def start(title: str, line_number: int) -> Paper:
        nonlocal current_line
        finish()
        current_line = line_number
        return Paper(title=title, listing_date=listing_date, sources=[source])

    def add_content(line: str, line_number: int) -> Paper | None:
        """Start a paper with a title line or extend the current abstract."""
        if _looks_like_title(line) and (current is None or current.abstract):
            return start(line, line_number)
        if current is None:
            warnings.append(f"{source} line {line_number}: text with no title skipped: {line[:60]!r}")
            return None
        if _looks_like_title(line) and not current.abstract and _looks_like_title(current.title) and len(line) < 120:
            # Two title-like lines in a row: the first paper has no abstract.
            return start(line, line_number)
        current.abstract = f"{current.abstract}\n{line}" if current.abstract else line
        return current

    for number, raw in enumerate(text.splitlines(), 1):
        raw = _clean(raw)
        if len(raw) > MAX_LINE_CHARS:
            line = _SPACES.sub(" ", raw).strip()
            if len(line) > MAX_LINE_CHARS:
                warnings.append(f"{source} line {number}: {len(line):,} characters, too long for "
                                f"a title or an abstract; skipped")
                continue
        else:
            line = " ".join(raw.split())
        if not _VISIBLE.search(line):
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
            current = add_content(held, pending_line)
        org = _ORG.match(line)
        if (
            org
            and current is not None
            and current.abstract
            and not in_metadata
            and len(line) < 80
            and re.fullmatch(r"[a-z0-9][a-z0-9.\-_]*", org["handle"])
        ):
            pending_org, pending_line = org["name"], number
            continue
        in_metadata = False
        current = add_content(line, number)
    if pending_org is not None:
        current = add_content(pending_org, pending_line)
    finish()
    return papers, warnings


def _clean(line: str) -> str:
    return _UNPRINTABLE.sub("", line) if _UNPRINTABLE.search(line) else line


def find_listings(paths) -> tuple[list[Path], list[str]]:
    """The listing files named by ``paths`` (files, or folders searched
    recursively for ``LISTING_SUFFIXES``, hidden files skipped), and a
    problem for each path that gives none. A path that does not exist is an
    ``InputError``: most likely a typo, and building without it would
    silently replace a graph with a smaller one."""
    found: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            files = sorted(
                f for f in p.rglob("*")
                if f.suffix.lower() in LISTING_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and f.is_file()
            )
            if not files:
                problems.append(f"{p}: no listing files ({', '.join('*' + s for s in sorted(LISTING_SUFFIXES))}) in this folder")
            found.extend(files)
        elif p.is_file():
            found.append(p)
        elif p.exists():
            problems.append(f"{p}: not a regular file")
        else:
            raise InputError(f"{p}: no such file or folder")
    return found, problems


def merge_papers(papers) -> tuple[list[Paper], list[str]]:
    """Merge the listings of one paper (same ``title_key``) into one Paper;
    return the papers, sorted by id, and warnings.

    Merge rule: the first title as listed; the longest abstract (a truncated
    copy loses to the full one; between two of equal length the one that
    sorts first, so the order of the inputs does not matter); each metadata
    field from the first listing that has it, upvotes the highest; sources
    joined. When two abstracts differ in substance (fewer than
    ``SAME_ABSTRACT`` of the shorter one's words occur in the longer), the
    paper is reported: same title, maybe not the same paper.
    """
    merged: dict[str, Paper] = {}
    differing: dict[str, None] = {}
    for p in papers:
        key = title_key(p.title)
        have = merged.get(key)
        if have is None:
            merged[key] = replace(p, sources=list(p.sources))
            continue
        if p.abstract != have.abstract and not _same_abstract(p.abstract, have.abstract):
            differing[key] = None
        if (-len(p.abstract), p.abstract) < (-len(have.abstract), have.abstract):
            have.abstract = p.abstract
        for name in ("listing_date", "published", "upvotes", "authors", "organization"):
            if getattr(have, name) is None:
                setattr(have, name, getattr(p, name))
        if p.upvotes is not None and have.upvotes is not None:
            have.upvotes = max(have.upvotes, p.upvotes)
        for s in p.sources:
            if s not in have.sources:
                have.sources.append(s)
    warnings = [
        f"{', '.join(merged[k].sources)}: {merged[k].title!r} is listed with different abstracts; "
        f"kept the longest"
        for k in differing
    ]
    return sorted(merged.values(), key=lambda p: p.id), warnings


def _same_abstract(a: str, b: str) -> bool:
    """Whether two abstracts are copies of one (edited, truncated): most words
    of the shorter occur in the longer."""
    short, long = sorted((a, b), key=len)
    words = set(re.findall(r"\w+", short.casefold()))
    if not words:
        return True
    shared = words & set(re.findall(r"\w+", long.casefold()))
    return len(shared) >= SAME_ABSTRACT * len(words)


def read_listings(paths, *, strict: bool = False) -> tuple[list[Paper], list[str]]:
    """Read every listing under ``paths``; return merged papers and warnings.

    A file that cannot be used (empty, binary, unreadable, no papers) is a
    warning as long as another gives papers; when none does, the
    ``InputError`` names each file and its reason. With ``strict``, any
    warning is an ``InputError``.
    """
    files, problems = find_listings(paths)
    all_papers: list[Paper] = []
    warnings: list[str] = []
    for path in files:
        try:
            text, notes = read_text(path)
            warnings.extend(notes)
            papers, notes = parse_listing_file(text, path)
        except InputError as e:
            problems.append(str(e))
            warnings.extend(e.warnings)
            continue
        warnings.extend(notes)
        all_papers.extend(papers)
    return settle_inputs(all_papers, problems, warnings, strict=strict)


def parse_listing_file(text: str, path) -> tuple[list[Paper], list[str]]:
    """The papers of one listing file's text and warnings; ``InputError``
    (with the warnings) when the file gives none."""
    path = Path(path)
    if not _VISIBLE.search(_clean(text)):
        raise InputError(f"{path}: only whitespace, no text")
    papers, notes = parse_listing(text, source=path.name)
    if not papers:
        raise InputError(f"{path}: no papers found (no line reads as a paper title)", notes)
    return papers, notes


def settle_inputs(all_papers, problems, warnings, *, strict: bool = False) -> tuple[list[Paper], list[str]]:
    """Merged papers and every warning (files that gave no papers first),
    or the ``InputError`` when no file gave papers; with ``strict``, any
    warning is an ``InputError``. Every input reader ends here."""
    if not all_papers:
        if len(problems) == 1:
            raise InputError(problems[0], warnings)
        shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
        raise InputError(f"no papers in any of {len(problems)} inputs: {shown}", warnings)
    papers, notes = merge_papers(all_papers)
    warnings = problems + warnings + notes
    if strict and warnings:
        n = len(warnings)
        raise InputError(f"--strict: {n} warning{'s' if n > 1 else ''}, the first: {warnings[0]}", warnings)
    return papers, warnings
