"""Reading and writing files safely.

Reading: ``read_text`` turns any file into text or one ``InputError`` naming
the file and the reason (empty, binary, unreadable), decoding UTF-8 (with or
without a BOM, or UTF-16 with a BOM) and reading any byte that is not UTF-8
as Windows-1252, with a warning that says so. Every input reader uses it.

Writing: ``atomic_paths`` writes several files as one step. Each is written
to a temporary file beside its target; only when all are written do they
replace their targets, and if one of those renames fails the ones already
done are rolled back. A full disk, a failed write or an interrupt leaves the
previous files as they were, and never a partial file.
"""
from __future__ import annotations

import codecs
import os
import secrets
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError, OutputError

FALLBACK_ENCODING = "Windows-1252"
# Signatures of binary files people mistake for listings, for a clearer message.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.odt)"),
    (b"\x1f\x8b", "gzip-compressed"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)
# C0 controls that never occur in text (tab, newlines, form feed and the
# separators \x1c-\x1f are text).
_BINARY_CONTROLS = bytes(range(0, 9)) + b"\x0e\x0f" + bytes(range(0x10, 0x1c)) + b"\x7f"
_SAMPLE = 1 << 16


# --------------------------------------------------------------------------
# Reading


def read_text(path: str | os.PathLike) -> tuple[str, list[str]]:
    """The text of a file and warnings about its decoding; ``InputError``
    (naming the file and the reason) when it cannot be read as text."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    return decode_text(data, str(path))


def decode_text(data: bytes, source: str) -> tuple[str, list[str]]:
    """Decode the bytes of a text file: UTF-8, UTF-8 with BOM or UTF-16 with
    BOM; any byte sequence that is not UTF-8 is read as Windows-1252 (the
    five bytes it leaves undefined as Latin-1), with a warning."""
    if not data:
        raise InputError(f"{source}: empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not data.startswith(codecs.BOM_UTF32_LE):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: starts with a UTF-16 mark but is not UTF-16 ({e.reason})") from None
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{source}: binary file ({kind}), not text")
    sample = data[:_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _BINARY_CONTROLS))
    if b"\x00" in data or controls * 20 > len(sample):
        raise InputError(f"{source}: binary file, not text")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        first = e.start
    _state.bad = 0
    text = data.decode("utf-8-sig", errors=_ERRORS)
    return text, [
        f"{source}: {_state.bad} byte{'s' if _state.bad != 1 else ''} not valid UTF-8 "
        f"(the first at offset {first}); read as {FALLBACK_ENCODING}"
    ]


_state = threading.local()
_ERRORS = "kgraph.windows-1252"


def _as_windows_1252(error: UnicodeDecodeError):
    bad = error.object[error.start:error.end]
    _state.bad += len(bad)
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error(_ERRORS, _as_windows_1252)


# --------------------------------------------------------------------------
# Writing


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def check_writable(folder: str | os.PathLike) -> None:
    """Create ``folder`` if needed and make sure files can be written there;
    ``OutputError`` otherwise. Call it before slow work whose result goes there."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputError(folder, "is a file, not a folder; choose another output folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".kgraph-probe.", suffix=".tmp")
        os.close(fd)
        os.unlink(probe)
    except OSError as e:
        raise OutputError(folder, f"cannot write to this folder ({e.strerror or e})") from None


@contextmanager
def atomic_paths(paths):
    """Yield one temporary path beside each of ``paths``; when the block ends
    without error, every temporary file replaces its target (all or none);
    on any error, or an interrupt, the targets are left as they were.

    An ``OSError`` (disk full, permission denied) becomes an ``OutputError``
    naming the file being written.
    """
    paths = [Path(p) for p in paths]
    temps: list[Path] = []
    try:
        for p in paths:
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
            except OSError as e:
                raise OutputError(p, f"cannot write ({e.strerror or e})") from None
            os.close(fd)
            temps.append(Path(tmp))
        target_of = dict(zip(temps, paths))
        try:
            yield temps
            mode = 0o666 & ~_umask()
            for tmp in temps:
                os.chmod(tmp, mode)
            _replace_all(list(zip(temps, paths)))
        except OutputError as e:
            if Path(e.path) not in target_of:
                raise
            raise OutputError(target_of[Path(e.path)], e.reason) from e.__cause__
        except OSError as e:
            target = target_of.get(Path(e.filename)) if e.filename else None
            raise OutputError(target or paths[0].parent, f"cannot write ({e.strerror or e})") from e
    finally:
        for tmp in temps:
            tmp.unlink(missing_ok=True)


@contextmanager
def atomic_path(path: str | os.PathLike):
    """Yield a temporary path beside ``path``; on success it replaces ``path``,
    on any error it is removed and ``path`` is left as it was."""
    with atomic_paths([path]) as (tmp,):
        yield tmp


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write bytes to ``path`` atomically."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)


def _replace_all(pairs) -> None:
    """Rename each temporary file over its target; if one rename fails, put
    back the targets already replaced (from hard links made just before)."""
    done: list[tuple[Path, Path | None]] = []
    try:
        for tmp, target in pairs:
            backup = _link_aside(target)
            try:
                os.replace(tmp, target)
            except BaseException:
                if backup is not None:
                    backup.unlink(missing_ok=True)
                raise
            done.append((target, backup))
    except BaseException:
        for target, backup in reversed(done):
            if backup is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(backup, target)
        raise
    finally:
        for _, backup in done:
            if backup is not None:
                backup.unlink(missing_ok=True)


def _link_aside(target: Path) -> Path | None:
    """A hard link to the current ``target`` (None if there is none, or the
    file system has no hard links: that file then cannot be rolled back)."""
    if not target.is_file():
        return None
    backup = target.with_name(f".{target.name}.{secrets.token_hex(6)}.old")
    try:
        os.link(target, backup)
    except OSError:
        return None
    return backup
