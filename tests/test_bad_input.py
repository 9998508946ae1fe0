"""Bad input, faults and hostile text: clear errors, nothing lost, nothing injected."""
import errno
import json
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import run
from kgraph import files, ingest
from kgraph.errors import InputError, KgraphError
from kgraph.files import decode_text, read_text
from kgraph.ingest import parse_listing, read_listings, title_key

DCT = rdflib.Namespace("http://purl.org/dc/terms/")
KG = rdflib.Namespace("https://w3id.org/kgraph/ontology#")
OUTPUTS = ["graph.html", "graph.ttl", "index.sqlite"]

GOOD = """Fast Kernels for Sparse Attention

We present kernels for sparse attention on NVIDIA A100 GPUs written in CUDA. They double the throughput of dense attention on long sequences.

Quantizing LLaMA with Low-Rank Adapters

We study quantization of LLaMA models with LoRA adapters on GPUs. Four-bit weights lose little accuracy on common benchmarks.
"""
GOOD_TITLES = ["Fast Kernels for Sparse Attention", "Quantizing LLaMA with Low-Rank Adapters"]
ABSTRACT = "We run attention kernels on GPUs with CUDA and measure their throughput on long inputs."


def lines(result):
    return result.output.strip().splitlines()


def only_error(result):
    """The single line of a failed command, checked to be an `Error:` line."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    out = lines(result)
    assert len(out) == 1 and out[0].startswith("Error: "), result.output
    return out[0][len("Error: "):]


def papers_in(ttl: Path):
    g = rdflib.Graph().parse(ttl, format="turtle")
    return g, {str(g.value(s, DCT.title)): s for s in g.subjects(rdflib.RDF.type, KG.Paper)}


# -- unusable input: one Error line naming the file and the reason -----------


def _empty(p):
    p.write_bytes(b"")


def _whitespace(p):
    p.write_text("  \n\t\r\n\u3000 \u200b\n\n", encoding="utf-8")


def _random_binary(p):
    p.write_bytes(random.Random(8).randbytes(4096))


def _pdf(p):
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")


def _abstract_only(p):
    p.write_text("This abstract has lost its title. It says that GPUs are fast and that we measured it.\n",
                 encoding="utf-8")


def _folder_without_listings(p):
    p.mkdir()
    (p / "paper.pdf").write_bytes(b"%PDF-1.7")
    (p / ".hidden.txt").write_text(GOOD, encoding="utf-8")  # hidden files are not listings


@pytest.mark.parametrize("name,make,reason", [
    ("empty.txt", _empty, "empty file"),
    ("blank.txt", _whitespace, "only whitespace, no text"),
    ("random.txt", _random_binary, "binary file, not text"),
    ("paper.txt", _pdf, "binary file (a PDF document), not text"),
    ("orphan.txt", _abstract_only, "no papers found (no line reads as a paper title)"),
    ("folder", _folder_without_listings,
     "no input files (*.csv, *.json, *.jsonl, *.md, *.ndjson, *.text, *.tsv, *.txt, or the same .gz) in this folder"),
    ("missing.txt", lambda p: None, "no such file or folder"),
])
def test_unusable_input_is_one_error_line(tmp_path, name, make, reason):
    path = tmp_path / name
    make(path)
    result = run("build", path, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert [l for l in lines(result) if not l.startswith("Warning: ")] == [f"Error: {path}: {reason}"]
    assert not (tmp_path / "out").exists()


def test_abstract_without_title_warns_with_line_number(tmp_path):
    path = tmp_path / "orphan.txt"
    _abstract_only(path)
    result = run("build", path, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert lines(result) == [
        f"Warning: orphan.txt line 1: text with no title skipped: {'This abstract has lost its title. It says that GPUs are fast'!r}",
        f"Error: {path}: no papers found (no line reads as a paper title)",
    ]


def test_unreadable_file(tmp_path, monkeypatch):
    # Tests may run as root, which reads any file: simulate the refusal.
    path = tmp_path / "locked.txt"
    path.write_text(GOOD, encoding="utf-8")
    real = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    assert only_error(run("build", path, "-o", tmp_path / "out")) == f"{path}: cannot read (Permission denied)"


def test_error_in_a_real_process_has_no_traceback(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = subprocess.run([sys.executable, "-m", "kgraph", "build", str(path), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert proc.stderr == f"Error: {path}: empty file\n"


def test_lone_surrogates_in_json_become_replacement_characters(tmp_path):
    # "\\ud800" is valid JSON but no file can hold it: no traceback, a build
    path = tmp_path / "papers.jsonl"
    path.write_text('{"title": "A \\ud800 Study", "abstract": "We use GPUs \\udfff here."}\n', encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "o", "--no-html", "-q")
    assert result.exit_code == 0, result.output
    ttl = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert 'dcterms:title "A \ufffd Study"' in ttl
    assert "kge:GPU a skos:Concept" in ttl


# -- a mix of good and bad files ---------------------------------------------


@pytest.fixture
def mixed(tmp_path):
    folder = tmp_path / "listings"
    folder.mkdir()
    (folder / "a_good.txt").write_text(GOOD, encoding="utf-8")
    _empty(folder / "b_empty.txt")
    _random_binary(folder / "c_binary.txt")
    _abstract_only(folder / "d_orphan.txt")
    (folder / "e_latin1.txt").write_bytes(f"Caf\xe9 Kernels for Na\xefve Attention\n\n{ABSTRACT}\n".encode("latin-1"))
    (folder / "._a_good.txt").write_bytes(b"\x00\x05\x16\x07\x00\x02")  # macOS metadata: hidden, skipped
    return folder


MIXED_WARNINGS = [
    "{f}/b_empty.txt: empty file",
    "{f}/c_binary.txt: binary file, not text",
    "{f}/d_orphan.txt: no papers found (no line reads as a paper title)",
    "d_orphan.txt line 1: text with no title skipped: 'This abstract has lost its title. It says that GPUs are fast'",
    "{f}/e_latin1.txt: 2 bytes not valid UTF-8 (the first at offset 3); read as Windows-1252",
]


def test_mix_builds_the_good_and_warns_about_each_bad(mixed, tmp_path):
    out = tmp_path / "out"
    result = run("build", mixed, "-o", out)
    assert result.exit_code == 0, result.output
    warnings = [l[len("Warning: "):] for l in result.stderr.splitlines()]
    assert warnings == [w.format(f=mixed) for w in MIXED_WARNINGS]
    assert result.stdout.startswith("3 papers, ")
    _, titles = papers_in(out / "graph.ttl")
    assert sorted(titles) == sorted(GOOD_TITLES + ["Café Kernels for Naïve Attention"])


def test_strict_turns_warnings_into_failure(mixed, tmp_path):
    out = tmp_path / "out"
    result = run("build", mixed, "-o", out, "--strict")
    assert result.exit_code == 1
    *warned, error = result.stderr.splitlines()
    assert warned == [f"Warning: {w.format(f=mixed)}" for w in MIXED_WARNINGS]
    assert error == f"Error: --strict: 5 warnings, the first: {mixed}/b_empty.txt: empty file"
    assert result.stdout == ""
    assert not out.exists()
    quiet = run("build", mixed, "-o", out, "--strict", "-q")
    assert only_error(quiet) == error[len("Error: "):]


def test_strict_passes_a_clean_input(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("build", tmp_path / "good.txt", "-o", tmp_path / "out", "--strict", "--no-html")
    assert result.exit_code == 0 and result.stderr == ""


def test_all_bad_names_each_file(tmp_path):
    paths = [tmp_path / "a.txt", tmp_path / "b.txt"]
    _empty(paths[0])
    _random_binary(paths[1])
    assert only_error(run("build", *paths, "-o", tmp_path / "out")) == (
        f"no papers in any of 2 inputs: {paths[0]}: empty file; {paths[1]}: binary file, not text")


def test_missing_path_among_good_ones_is_an_error(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("build", tmp_path / "good.txt", tmp_path / "typo.txt", "-o", tmp_path / "out")
    assert only_error(result) == f"{tmp_path / 'typo.txt'}: no such file or folder"


# -- decoding ----------------------------------------------------------------


def test_latin1_and_windows_1252_fall_back_and_say_so():
    text, warnings = decode_text("“Naïve” Café — 5 €".encode("cp1252"), "x.txt")
    assert text == "“Naïve” Café — 5 €"
    assert warnings == ["x.txt: 6 bytes not valid UTF-8 (the first at offset 0); read as Windows-1252"]
    # The five bytes Windows-1252 leaves undefined are read as Latin-1 (C1 controls).
    assert decode_text(b"A\x81B", "y")[0] == "A\x81B"


def test_bom_and_crlf_read_like_plain_utf8(tmp_path):
    plain = GOOD.replace("Sparse", "Spärse 稀疏")
    (tmp_path / "plain.txt").write_text(plain, encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8"))
    (tmp_path / "utf16.txt").write_bytes(plain.replace("\n", "\r\n").encode("utf-16"))
    expected, _ = read_listings([tmp_path / "plain.txt"])
    for name in ("bom.txt", "utf16.txt"):
        text, warnings = read_text(tmp_path / name)
        assert warnings == [] and not text.startswith("\ufeff")
        papers, warnings = read_listings([tmp_path / name])
        assert warnings == []
        assert [(p.title, p.abstract) for p in papers] == [(p.title, p.abstract) for p in expected]
    assert "Fast Kernels for Spärse 稀疏 Attention" in [p.title for p in expected]


def test_mostly_utf8_keeps_utf8_and_reads_stray_bytes_as_windows_1252():
    data = "naïve 稀疏 ".encode("utf-8") + b"\x93quoted\x94" + " end ✓".encode("utf-8")
    text, warnings = decode_text(data, "m.txt")
    assert text == "naïve 稀疏 “quoted” end ✓"
    assert warnings == ["m.txt: 2 bytes not valid UTF-8 (the first at offset 14); read as Windows-1252"]


def test_truncated_copy_cut_inside_a_character():
    data = "Title\n\nAn abstract about 稀疏".encode("utf-8")[:-2]
    text, warnings = decode_text(data, "t.txt")
    assert text.startswith("Title\n\nAn abstract about 稀") and len(warnings) == 1


def test_title_with_no_abstract_is_kept_and_reported(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text(f"A Title Without Abstract\n\n{GOOD}", encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 0
    assert result.stderr == "Warning: x.txt line 1: paper 'A Title Without Abstract' has no abstract\n"
    g, titles = papers_in(tmp_path / "out" / "graph.ttl")
    assert sorted(titles) == sorted(GOOD_TITLES + ["A Title Without Abstract"])
    assert g.value(titles["A Title Without Abstract"], DCT.abstract) is None


def test_one_10_mb_line(tmp_path):
    path = tmp_path / "huge.txt"
    huge = ("GPU " * (10 * 2**20 // 4)).strip()
    head, tail = GOOD.split("\n\n")[:2], GOOD.split("\n\n")[2:]
    path.write_text("\n\n".join(head) + "\n\n" + huge + "\n\n" + "\n\n".join(tail), encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"Warning: huge.txt line 5: {len(huge):,} characters, too long for a title "
                             "or an abstract; skipped\n")
    g, titles = papers_in(tmp_path / "out" / "graph.ttl")
    assert sorted(titles) == sorted(GOOD_TITLES)
    assert all(len(str(g.value(s, DCT.abstract))) < 200 for s in titles.values())


# -- the same title twice ----------------------------------------------------


def test_same_title_different_abstracts_keeps_the_longest_and_warns(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    short = "We propose a cache for GPU kernels. It helps."
    long_ = "This work studies schedulers for CPU clusters in depth, with many results on throughput."
    a.write_text(f"Caching Things\n\n{short}\n", encoding="utf-8")
    b.write_text(f"Caching Things\n\n{long_}\n", encoding="utf-8")
    for order in ([a, b], [b, a]):
        papers, warnings = read_listings(order)
        assert [(p.title, p.abstract) for p in papers] == [("Caching Things", long_)]
        assert warnings == [f"{order[0].name}, {order[1].name}: 'Caching Things' is listed with different "
                            "abstracts; kept the longest"]


def test_same_title_truncated_copy_merges_silently(tmp_path):
    full = ("We propose a cache for GPU kernels that keeps compiled code across runs and saves time. "
            "It is simple to deploy, needs no change to the kernels and works with every CUDA version.")
    (tmp_path / "a.txt").write_text(f"Caching Things\n\n{full[:130]}…\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"CACHING THINGS\n\n{full}\n", encoding="utf-8")
    papers, warnings = read_listings([tmp_path])
    assert [(p.title, p.abstract, p.sources) for p in papers] == [("Caching Things", full, ["a.txt", "b.txt"])]
    assert warnings == []


def test_same_title_equal_length_abstracts_do_not_depend_on_order(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Caching Things\n\nZebras run fast on open plain. Lions chase them.\n", encoding="utf-8")
    b.write_text("Caching Things\n\nOther words, equal in size here. Nothing common.\n", encoding="utf-8")
    assert len(a.read_text()) == len(b.read_text())
    first, _ = read_listings([a, b])
    second, _ = read_listings([b, a])
    assert first[0].abstract == second[0].abstract == "Other words, equal in size here. Nothing common."


# -- hostile text ------------------------------------------------------------

HOSTILE_TITLES = [
    '<script>alert("x")</script> Breaks Pages',
    "</script><!-- <img src=x onerror=alert(1)> Closes Scripts",
    "Quotes \"double\" 'single' and \\backslashes\\ \\u0041 \\n",
    'Turtle Breakers <>{}|^` """ \'\'\' @prefix ^^xsd:string',
    "Emoji 🚀🔥 Models 👩‍💻 Everywhere",
    "大规模语言模型的高效推理",
    "نموذج لغوي كبير עברית RTL",
    "SQL ' OR 1=1 -- and SPARQL } ; DROP ALL ; {",
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    text = "".join(f"{t}\n\n{t} — {ABSTRACT}\n\n" for t in HOSTILE_TITLES)
    (folder / "hostile.txt").write_text(text, encoding="utf-8")
    result = run("build", folder / "hostile.txt", "-o", folder / "out")
    assert result.exit_code == 0, result.output
    return folder / "out"


def test_hostile_text_survives_turtle_in_rdflib_and_pyoxigraph(hostile):
    g, titles = papers_in(hostile / "graph.ttl")
    assert sorted(titles) == sorted(HOSTILE_TITLES)
    for t, s in titles.items():
        assert str(g.value(s, DCT.abstract)) == f"{t} — {ABSTRACT}"
    with open(hostile / "graph.ttl", "rb") as f:
        ox_triples = list(ox.parse(f, format=ox.RdfFormat.TURTLE))
    assert len(ox_triples) == len(g)
    ox_titles = {t.object.value for t in ox_triples if t.predicate.value == str(DCT.title)}
    assert ox_titles == set(HOSTILE_TITLES)


@pytest.mark.parametrize("fmt,ox_format", [("nt", "N_TRIPLES"), ("xml", "RDF_XML"), ("jsonld", "JSON_LD")])
def test_hostile_text_survives_every_export(hostile, tmp_path, fmt, ox_format):
    path = tmp_path / f"graph.{fmt}"
    assert run("export", "--graph", hostile, "-f", fmt, "-o", path).exit_code == 0
    with open(path, "rb") as f:
        titles = {t.object.value for t in ox.parse(f, format=getattr(ox.RdfFormat, ox_format))
                  if t.predicate.value == str(DCT.title)}
    assert titles == set(HOSTILE_TITLES)


def test_hostile_text_is_data_in_the_html(hostile):
    html = (hostile / "graph.html").read_text(encoding="utf-8")
    assert html.count("</script>") == 3  # data, vis-network, app: nothing ended early
    assert "<!--" not in html and "<img" not in html and '<script>alert' not in html
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)[1])
    assert {p["t"] for p in data["papers"]} == set(HOSTILE_TITLES)


def test_hostile_text_is_text_in_a_browser(hostile, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from test_render import CHROMIUM_ARGS, chromium_path

    if chromium_path() is None:
        pytest.skip("chromium is not installed")
    problems, dialogs = [], []
    with sync_api.sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        try:
            page = ctx.new_page()
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto((hostile / "graph.html").as_uri())
            page.wait_for_function("window.kgraph !== undefined", timeout=60000)
            page.fill("#search", "GPU")
            page.press("#search", "Enter")
            page.wait_for_selector("#panel:not([hidden])")
            details = page.text_content("#details")
            for t in HOSTILE_TITLES:
                assert t in details
            assert page.evaluate("document.querySelectorAll('script').length") == 3
            assert page.evaluate("document.querySelectorAll('img, iframe, #details script').length") == 0
        finally:
            ctx.close()
    assert problems == [] and dialogs == []


def test_hostile_names_are_data_in_queries(hostile):
    for name in ("' OR 1=1 --", '"; DROP TABLE entity; --', "%", "_"):
        assert only_error(run("neighbors", name, "--graph", hostile)).startswith(f"no entity named {name!r}")
    assert run("neighbors", "GPU", "--graph", hostile).exit_code == 0


# -- output folder not writable ----------------------------------------------


def test_output_is_an_existing_file(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "out").write_text("mine", encoding="utf-8")
    result = run("build", tmp_path / "good.txt", "-o", tmp_path / "out")
    assert result.exit_code == 2 and "is a file" in result.output
    assert (tmp_path / "out").read_text() == "mine"


def test_output_inside_a_file(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "file").write_text("mine", encoding="utf-8")
    result = run("build", tmp_path / "good.txt", "-o", tmp_path / "file" / "out")
    assert only_error(result) == f"{tmp_path / 'file' / 'out'}: cannot write to this folder (Not a directory)"


def test_output_folder_not_writable_fails_before_the_slow_part(tmp_path, monkeypatch):
    # Tests may run as root, for whom chmod does not forbid: refuse like a read-only folder.
    from kgraph import pipeline

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    real = tempfile.mkstemp

    def refuse(*args, dir=None, **kwargs):
        if Path(dir) == out:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dir))
        return real(*args, dir=dir, **kwargs)

    def slow_part(*args, **kwargs):
        raise AssertionError("extraction ran although the output cannot be written")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(pipeline, "_graph_of", slow_part)
    assert only_error(run("build", tmp_path / "good.txt", "-o", out)) == f"{out}: cannot write to this folder (Permission denied)"
    assert os.listdir(out) == []


# -- disk full or interrupted: the previous graph stays intact and loadable -----


@pytest.fixture
def previous(tmp_path):
    """A graph built into out/, its files' bytes and an answer from it."""
    (tmp_path / "old.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", tmp_path / "old.txt", "-o", out).exit_code == 0
    (tmp_path / "new.txt").write_text(GOOD + f"\nA Third Paper on TPUs\n\n{ABSTRACT}\n", encoding="utf-8")
    answer = run("neighbors", "GPU", "--graph", out).output
    return out, {n: (out / n).read_bytes() for n in OUTPUTS}, answer


def _assert_intact(out, before, answer):
    assert sorted(os.listdir(out)) == OUTPUTS  # no temporary file left behind
    assert {n: (out / n).read_bytes() for n in OUTPUTS} == before
    _, titles = papers_in(out / "graph.ttl")
    assert sorted(titles) == sorted(GOOD_TITLES)
    assert run("neighbors", "GPU", "--graph", out).output == answer


def _enospc(path):
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


@pytest.mark.parametrize("failing", ["graph.ttl", "graph.html"])
def test_disk_full_midway_through_a_file(previous, tmp_path, monkeypatch, failing):
    out, before, answer = previous
    real = Path.open

    class HalfThenFull:
        """A file that takes half of what is written, then reports a full disk."""

        def __init__(self, f):
            self.f = f

        def write(self, data):
            self.f.write(bytes(data)[: len(data) // 2])
            raise _enospc(self.f.name)

        def __getattr__(self, name):
            return getattr(self.f, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.f.close()

    def half_then_full(self, mode="r", *args, **kwargs):
        f = real(self, mode, *args, **kwargs)
        if f".{failing}." in self.name and "w" in mode:  # the temporary file (or one nested in it)
            return HalfThenFull(f)
        return f

    monkeypatch.setattr(Path, "open", half_then_full)
    result = run("build", tmp_path / "new.txt", "-o", out)
    assert only_error(result) == f"{out / failing}: cannot write (No space left on device)"
    monkeypatch.undo()
    _assert_intact(out, before, answer)


def test_disk_full_in_the_index(previous, tmp_path, monkeypatch):
    from kgraph import index

    out, before, answer = previous
    real = index.write_index

    def full(G, path, source=""):
        real(G, path, source)
        with open(path, "r+b") as f:
            f.truncate(4096)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(index, "write_index", full)
    result = run("build", tmp_path / "new.txt", "-o", out)
    assert only_error(result) == f"{out / 'index.sqlite'}: cannot write (database or disk is full)"
    monkeypatch.undo()
    _assert_intact(out, before, answer)


def test_rename_failing_midway_rolls_back_the_files_already_replaced(previous, tmp_path, monkeypatch):
    out, before, answer = previous
    real = os.replace
    renamed = []

    def fail_on_index(src, dst):
        if Path(dst) == out / "index.sqlite" and not renamed:
            renamed.append(dst)
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(src), None, str(dst))
        return real(src, dst)

    monkeypatch.setattr(os, "replace", fail_on_index)
    result = run("build", tmp_path / "new.txt", "-o", out)
    assert only_error(result) == f"{out / 'index.sqlite'}: cannot write (Input/output error)"
    monkeypatch.undo()
    _assert_intact(out, before, answer)


def test_interrupted_build_leaves_the_previous_graph(previous, tmp_path, monkeypatch):
    from kgraph import render

    out, before, answer = previous
    real = render.generate_html

    def interrupted(*args, **kwargs):
        real(*args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(render, "generate_html", interrupted)
    result = run("build", tmp_path / "new.txt", "-o", out)
    assert result.exit_code == 1 and "Aborted" in result.output
    monkeypatch.undo()
    _assert_intact(out, before, answer)


def test_successful_rebuild_replaces_all_files(previous, tmp_path):
    out, before, _ = previous
    assert run("build", tmp_path / "new.txt", "-o", out).exit_code == 0
    assert sorted(os.listdir(out)) == OUTPUTS
    assert all((out / n).read_bytes() != before[n] for n in OUTPUTS)
    _, titles = papers_in(out / "graph.ttl")
    assert "A Third Paper on TPUs" in titles


# -- properties --------------------------------------------------------------

_UNPRINTABLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")
LINE_PIECES = st.sampled_from([
    "\n", "\r\n", "\r", "\n\n", " ", "\t", "·", "•", "3 authors", "May 8", "Nov 25, 2024 12", "Subscribe",
    "new", "nvidia NVIDIA", "<script>", "\\", '"', "\ufeff", "\x00", "\u202e", "\ud800", "A Title: Here",
    "We propose X. It works.",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(), LINE_PIECES), max_size=30).map("".join))
def test_any_text_parses_without_raising(text):
    papers, warnings = parse_listing(text, "fuzz.txt")
    assert all(isinstance(w, str) for w in warnings)
    for p in papers:
        for field in (p.title, p.abstract, p.organization or ""):
            assert not _UNPRINTABLE.search(field)
            field.encode("utf-8")
        assert p.title.strip() == p.title and p.title
        assert len(p.title) <= 300


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2000) | st.text().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_bytes_decode_or_raise_input_error(data):
    try:
        text, warnings = decode_text(data, "fuzz.txt")
    except InputError as e:
        assert str(e).startswith("fuzz.txt: ")
        return
    assert isinstance(text, str)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_any_file_content_raises_only_kgraph_errors(data):
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "x.txt").write_bytes(data)
        try:
            read_listings([d])
        except KgraphError:
            pass


LABELS = st.text(min_size=1, max_size=40)


@settings(max_examples=300, deadline=None)
@given(LABELS)
@example(".")  # found by this test: rdflib read kge:a\. as the end of a statement
@example("Inc.")
@example("a_b c~d%2E")
def test_any_label_makes_an_iri_that_survives_turtle(label):
    from kgraph.names import entity_iri
    from kgraph.rdf import serialize

    iri = entity_iri(label)
    node = ox.NamedNode(iri)  # raises on an invalid IRI
    rdfs_label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    data = serialize([ox.Triple(node, rdfs_label, ox.Literal(label, language="en"))], "turtle")
    [back] = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    assert (back.subject.value, back.object.value) == (iri, label)
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert [(str(s), str(o)) for s, _, o in g] == [(iri, label)]


FIRST_WORDS = ["Scaling", "Efficient", "Sparse", "Towards", "GPU", "LLaMA", "Quantized", "Attention"]
WORDS = st.one_of(
    st.sampled_from(["GPU", "GPUs", "CUDA", "LLaMA", "LoRA", "attention", "<script>", '"', "\\", "{}|^",
                     "🚀", "稀疏", "עברית", "NVIDIA A100", "TPU", "quantization", "&amp;", "'''"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Z"), blacklist_characters="\ufeff"),
            min_size=1, max_size=8),
)


@st.composite
def listing(draw):
    """Title/abstract pairs in the blank-line layout; abstracts are long
    sentences, so they never read as titles."""
    papers = []
    for _ in range(draw(st.integers(1, 6))):
        title = " ".join([draw(st.sampled_from(FIRST_WORDS))] + draw(st.lists(WORDS, max_size=8))).rstrip(".")
        abstract = " ".join(draw(st.lists(WORDS, min_size=14, max_size=40))) + "."
        papers.append((title, abstract))
    return papers


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(listing())
def test_any_graph_from_random_listings_is_valid_rdf_and_conforms_to_the_shapes(pairs):
    from kgraph.pipeline import build_graph_from
    from kgraph.shacl import format_report, validate_graph
    from kgraph.rdf import graph_triples, serialize

    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "l.txt").write_text("".join(f"{t}\n\n{a}\n\n" for t, a in pairs), encoding="utf-8")
        G, _ = build_graph_from([d])
    triples = graph_triples(G)
    data = serialize(triples, "turtle")
    ox_triples = {(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.TURTLE)}
    assert ox_triples == {(t.subject, t.predicate, t.object) for t in triples}
    g = rdflib.Graph().parse(data=data, format="turtle")
    assert len(g) == len(ox_triples)
    paper_count = len({title_key(t) for t, _ in pairs})
    assert len(set(g.subjects(rdflib.RDF.type, KG.Paper))) == paper_count == G.graph["papers"]
    mentions = sum(1 for *_, e in G.edges(data=True) if e["relation"] == "mentions")
    assert len(set(g.triples((None, KG.mentions, None)))) == mentions
    entities = sum(1 for _, n in G.nodes(data=True) if n["kind"] == "entity")
    assert len(set(g.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#Concept")))) == entities
    report = validate_graph(g)
    assert report.conforms, format_report(report)


@pytest.mark.parametrize("abstract", [
    "a" + " " * 100_000 + "b",  # layout spaces of a PDF dump
    "Contents" + "." * 100_000 + " 1",  # a table of contents' dot leaders
    "GPT-4." * 20_000,  # a long token with a dot in every few characters
    ".".join(str(i % 10) for i in range(50_000)),
    ", ".join(f"Zorb{i}" for i in range(20_000)),  # a list that never ends
    "RTX 6000" + ", 4090" * 5_000,
    "GPU and CPU with LLaMA, TPU. " * 4_000,  # tens of thousands of vocabulary matches
    "Quantized Low-Rank Adaptation (QLoRA) and " * 3_000,  # thousands of acronym definitions
    "dynamic token scheduling and static expert parallelism, " * 3_000,
])
def test_hostile_text_does_not_stall_extraction(abstract):
    # Each once took from 4 s to minutes (patterns that backtracked over the
    # whole text from every start, pairwise tests of matches); now at most
    # about half a second. The bound is wide, as a guard against a hang, not a timing.
    from kgraph.extract import Extractor
    import time

    extractor = Extractor()
    extractor.extract("A Study", "warm up")
    start = time.perf_counter()
    extractor.extract("A Study: Of Things", abstract)
    assert time.perf_counter() - start < 10
