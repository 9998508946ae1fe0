"""Reading listings: the three layouts of the seed files, chrome, duplicates, metadata."""
import pytest

from kgraph.errors import InputError
from kgraph.ingest import parse_listing, read_listings

CHROME = {"new", "Subscribe", "Daily Papers", "byAK and the research community",
          "Get trending papers in your email inbox!", "Get trending papers in your email inbox once a day!"}


def count_blank_separated(path):
    """Papers in a blank-line layout counted by hand's rule: every non-blank
    line that is not page chrome or the listing date is a title or an abstract."""
    lines = [l.strip() for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    content = [l for l in lines if l not in CHROME and not (len(l) <= 6 and l[:3].isalpha() and l[-1].isdigit())]
    assert len(content) % 2 == 0
    return len(content) // 2


@pytest.mark.parametrize("name,expected", [
    ("000_218f68f53521cd0f.txt", 71),  # counted by hand: 147 non-blank lines - 5 chrome = 71 pairs
    ("001_c463e40077e279cb.txt", 109),
    ("003_42d621b8cc7e6ab7.txt", 71),
])
def test_blank_separated_layout(seeds, name, expected):
    path = seeds / name
    papers, warnings = parse_listing(path.read_text(encoding="utf-8"), name)
    assert len(papers) == expected == count_blank_separated(path)
    assert warnings == []
    assert all(len(p.abstract) > 300 for p in papers)


def test_consecutive_layout_with_title_glued_to_subscribe(seeds):
    path = seeds / "002_4d8c001b0b7d6a26.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    papers, _ = parse_listing("\n".join(lines), path.name)
    # two chrome lines, then title/abstract pairs
    assert len(papers) == (len(lines) - 2) // 2 == 163
    assert papers[0].title == "POPGym Arcade: Parallel Pixelated POMDPs"
    assert not any(p.title.startswith("Subscribe") for p in papers)


def test_metadata_layout(seeds):
    path = seeds / "004_bb03e28ccb42de85.txt"
    text = path.read_text(encoding="utf-8")
    papers, _ = parse_listing(text, path.name)
    assert len(papers) == 93
    assert sum(p.authors is not None for p in papers) == text.count(" authors\n")
    first = papers[0]
    assert first.title == "Performance Trade-offs of Optimizing Small Language Models for E-Commerce"
    assert (first.authors, first.published, first.upvotes, first.listing_date) == (2, "--10-24", 2, "Nov 25")
    adamp = next(p for p in papers if p.title.startswith("AdamP"))
    assert (adamp.organization, adamp.published, adamp.authors) == ("NAVER AI Lab", "2020-06-15", None)
    dated = next(p for p in papers if p.title.startswith("Understanding GEMM Performance"))
    assert (dated.published, dated.upvotes) == ("2024-11-25", None)


def test_seed_corpus_is_merged(seeds):
    papers, warnings = read_listings([seeds])
    assert len(papers) == 418
    assert warnings == []
    titles = {p.title for p in papers}
    assert not titles & CHROME
    smash = [p for p in papers if p.title == "SMASH: Sparse Matrix Atomic Scratchpad Hashing"]
    assert len(smash) == 1 and len(smash[0].sources) == 4  # grep -c: in 4 of the 5 files
    total_listed = sum(len(p.sources) for p in papers)
    assert total_listed == 507


def test_title_without_abstract_is_kept_with_warning():
    text = "First Paper Title\n\nSecond Paper: A Title\n\nThe abstract of the second paper is here. It has sentences.\n"
    papers, warnings = parse_listing(text, "x.txt")
    assert [p.title for p in papers] == ["First Paper Title", "Second Paper: A Title"]
    assert papers[0].abstract == "" and "no abstract" in warnings[0]


def test_missing_path_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        read_listings([tmp_path / "nope"])
