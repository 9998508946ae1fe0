"""Input formats: JSON Lines, CSV/TSV, the arXiv snapshot, gzip, folders, format detection."""
import csv
import gzip
import json

import pytest

from conftest import run
from kgraph.errors import InputError
from kgraph.ingest import read_listings
from kgraph.readers import ReadOptions, detect_format, find_inputs, read_file

ARXIV = {
    "id": "0704.0001", "submitter": "A. B", "authors": "C. Balázs, E. L. Berger, P. M. Nadolsky and C.-P. Yuan",
    "title": "Calculation of prompt diphoton production\n  cross sections at Tevatron and LHC energies",
    "comments": "37 pages", "journal-ref": None, "doi": None, "report-no": None,
    "categories": "hep-ph", "license": None,
    "abstract": "  A fully differential calculation in perturbative quantum chromodynamics is\npresented.\n",
    "versions": [{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}],
    "update_date": "2008-11-13",
    "authors_parsed": [["Balázs", "C.", ""], ["Berger", "E. L.", ""], ["Nadolsky", "P. M.", ""], ["Yuan", "C. -P.", ""]],
}


@pytest.fixture(scope="module")
def seed_papers(seeds):
    papers, _ = read_listings([seeds])
    return papers[:40]


def write_jsonl(path, rows, gz=False):
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
    path.write_bytes(gzip.compress(data) if gz else data)
    return path


def test_jsonl_with_named_fields(tmp_path, seed_papers):
    path = write_jsonl(tmp_path / "x.jsonl", [{"name": p.title, "summary": p.abstract, "n": 1} for p in seed_papers])
    got = read_file(path, detect_format(path), ReadOptions(title_column="name", abstract_column="summary"))
    assert got.format == "jsonl"
    assert [(p.title, p.abstract) for p in got.papers] == [(p.title, p.abstract) for p in seed_papers]
    assert got.warnings == []


@pytest.mark.parametrize("suffix,delimiter", [(".csv", ","), (".tsv", "\t")])
def test_csv_and_tsv(tmp_path, seed_papers, suffix, delimiter):
    path = tmp_path / f"x{suffix}"
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter)
        w.writerow(["id", "Title", "Abstract"])
        for i, p in enumerate(seed_papers):
            w.writerow([i, p.title, p.abstract])  # abstracts with newlines and quotes are quoted
    got = read_file(path, detect_format(path), ReadOptions(title_column="Title", abstract_column="Abstract"))
    assert [p.title for p in got.papers] == [p.title for p in seed_papers]
    assert [p.abstract for p in got.papers] == [p.abstract for p in seed_papers]


def test_arxiv_snapshot_detected_by_content_and_gzipped(tmp_path):
    second = dict(ARXIV, id="0704.0002", title="Sparsity-certifying Graph Decompositions", versions=[],
                  authors="Ileana Streinu and Louis Theran", authors_parsed=None, update_date="2008-12-13")
    path = write_jsonl(tmp_path / "arxiv-metadata-oai-snapshot.json.gz", [ARXIV, second], gz=True)
    assert detect_format(path) == "arxiv"
    got = read_file(path, "arxiv")
    first, other = got.papers
    assert first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert first.abstract == "A fully differential calculation in perturbative quantum chromodynamics is presented."
    assert (first.published, first.authors) == ("2007-04-02", 4)
    assert (other.published, other.authors) == ("2008-12-13", 2)  # no versions: update_date
    assert first.sources == [path.name]


def test_gzip_is_transparent_and_hash_is_of_content(tmp_path, seed_papers):
    rows = [{"title": p.title, "abstract": p.abstract} for p in seed_papers]
    plain = read_file(write_jsonl(tmp_path / "a.jsonl", rows), "jsonl")
    packed = read_file(write_jsonl(tmp_path / "b.jsonl.gz", rows, gz=True), "jsonl")
    assert [(p.title, p.abstract) for p in plain.papers] == [(p.title, p.abstract) for p in packed.papers]
    assert plain.digest == packed.digest


def test_folders_recursive_mixed_formats_hidden_skipped(tmp_path, seeds, seed_papers):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    listing = (seeds / "000_218f68f53521cd0f.txt").read_bytes()
    (tmp_path / "a" / "listing.txt.gz").write_bytes(gzip.compress(listing))
    write_jsonl(tmp_path / "a" / "b" / "more.jsonl", [{"title": "X", "abstract": "Y"}])
    (tmp_path / ".git" / "HEAD.txt").write_text("ref: refs/heads/main\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    found, problems = find_inputs([tmp_path])
    assert problems == []
    assert [(p.relative_to(tmp_path).as_posix(), f) for p, f in found] == [
        ("a/b/more.jsonl", "jsonl"), ("a/listing.txt.gz", "listing")]
    papers = read_file(*found[1]).papers
    assert len(papers) == 71  # the same count as the plain listing (tests/test_ingest.py)


def test_format_override_reads_a_txt_as_jsonl(tmp_path):
    path = write_jsonl(tmp_path / "dump.txt", [{"title": "Paper A", "abstract": "We use GPUs."}])
    assert detect_format(path) == "jsonl"  # JSON objects are recognised by content
    (path2 := tmp_path / "dump2.dat").write_bytes(path.read_bytes())
    assert find_inputs([path2], ReadOptions(format="ndjson")) == ([(path2, "jsonl")], [])


def test_bad_lines_warn_a_few_times_then_count(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"title": "Good", "abstract": "A."}\n' + "not json\n" * 8 + "[1, 2]\n" + '{"abstract": "untitled"}\n',
                    encoding="utf-8")
    got = read_file(path, "jsonl")
    assert [p.title for p in got.papers] == ["Good"]
    assert sum("not JSON" in w for w in got.warnings) == 5
    assert f"{path}: 4 more lines skipped" in got.warnings
    assert f"{path}: line 11: no title, skipped" in got.warnings


def test_missing_title_field_is_one_line_error(tmp_path):
    write_jsonl(tmp_path / "x.jsonl", [{"name": "A", "abstract": "B"}])
    result = run("build", tmp_path / "x.jsonl", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert result.output == (f"Error: {tmp_path / 'x.jsonl'}: line 1 has no field 'title' (fields: abstract, name); "
                             "name the title field with --title-column\n")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args,message", [
    (["--format", "csv"], "no column 'title' in the header"),
    (["--format", "arxiv"], None),
])
def test_format_option(tmp_path, args, message):
    path = tmp_path / "x.csv"
    path.write_text("name,abstract\nA paper on GPUs,We use GPUs and CUDA.\n", encoding="utf-8")
    result = run("build", path, "-o", tmp_path / "out", "--no-html", *args)
    if message:
        assert result.exit_code == 1 and message in result.output
    else:
        assert result.exit_code == 1 and "no papers found" in result.output


def test_truncated_gzip_is_an_input_error(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"title": "A", "abstract": "B"}\n' * 1000)[:60])
    with pytest.raises(InputError, match="x.jsonl.gz"):
        read_file(path, "jsonl")


def test_jsonl_build_equals_listing_build(tmp_path, seeds):
    """The seed papers as JSON Lines give the entities and co-mentions the listings give."""
    from kgraph.ingest import read_listings
    from kgraph.rdf import read_graph

    papers, _ = read_listings([seeds])
    write_jsonl(tmp_path / "seeds.jsonl", [{"title": p.title, "abstract": p.abstract} for p in papers])
    assert run("build", tmp_path / "seeds.jsonl", "-o", tmp_path / "j", "--no-html", "-q").exit_code == 0
    assert run("build", seeds, "-o", tmp_path / "l", "--no-html", "-q").exit_code == 0
    graphs = [read_graph(tmp_path / d / "graph.ttl") for d in ("j", "l")]

    def entities(G):
        return sorted((n, d["type"], len(d["papers"])) for n, d in G.nodes(data=True) if d["kind"] == "entity")

    def comentions(G):
        return sorted((min(a, b), max(a, b), d["weight"]) for a, b, d in G.edges(data=True)
                      if d["relation"] == "co-mention")

    assert entities(graphs[0]) == entities(graphs[1])
    assert comentions(graphs[0]) == comentions(graphs[1])


def test_main_input_rules_hold_for_every_format(tmp_path):
    """A file that gives no papers is a warning while another gives papers;
    --strict makes it an error; a missing path is an error."""
    good = write_jsonl(tmp_path / "good.jsonl", [{"title": "Paper A", "abstract": "We use GPUs."}])
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "binary.jsonl").write_bytes(b"\x00\x01\x02" * 100)
    result = run("build", good, tmp_path / "empty.csv", tmp_path / "binary.jsonl", "-o", tmp_path / "out", "--no-html")
    assert result.exit_code == 0, result.output
    assert f"Warning: {tmp_path / 'empty.csv'}: empty file\n" in result.output
    assert f"Warning: {tmp_path / 'binary.jsonl'}: binary file, not text\n" in result.output
    result = run("build", good, tmp_path / "empty.csv", "-o", tmp_path / "strict", "--strict")
    assert result.exit_code == 1 and not (tmp_path / "strict").exists()
    assert result.output.splitlines()[-1] == f"Error: --strict: 1 warning, the first: {tmp_path / 'empty.csv'}: empty file"
    result = run("build", good, tmp_path / "missing.jsonl", "-o", tmp_path / "out")
    assert result.output == f"Error: {tmp_path / 'missing.jsonl'}: no such file or folder\n"


def test_utf16_and_windows_1252_lines(tmp_path):
    rows = [{"title": "Caf\u00e9 GPUs", "abstract": "Na\u00efve kernels."}, {"title": "B", "abstract": "C"}]
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    (tmp_path / "u16.jsonl").write_bytes(text.encode("utf-16"))
    got = read_file(tmp_path / "u16.jsonl", "jsonl")
    assert [(p.title, p.abstract) for p in got.papers] == [(r["title"], r["abstract"]) for r in rows]
    (tmp_path / "cp.jsonl").write_bytes(text.encode("cp1252"))
    got = read_file(tmp_path / "cp.jsonl", "jsonl")
    assert [(p.title, p.abstract) for p in got.papers] == [(r["title"], r["abstract"]) for r in rows]
    assert got.warnings == [f"{tmp_path / 'cp.jsonl'}: line 1: 2 bytes not valid UTF-8 (the first at offset 14); "
                            "read as Windows-1252"]


def test_one_path_given_alone_is_one_input_not_its_characters(tmp_path, seeds):
    """``kgraph.read_papers("seeds/x.txt")`` and ``kgraph.build("seeds")`` name one
    path; a string must not be read as a list of one-letter paths (which found "/" and walked the disk)."""
    import kgraph

    listing = seeds / "000_218f68f53521cd0f.txt"
    papers, files, warnings = kgraph.read_papers(str(listing))
    assert len(papers) == 71 and [f.path for f in files] == [listing] and warnings == []
    assert find_inputs(listing) == ([(listing, "listing")], [])
    result = kgraph.build(str(listing), tmp_path / "out", html=False, cache=False)
    assert result.papers == 71
