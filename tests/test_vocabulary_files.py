"""The shipped vocabularies are well formed: they parse, every IRI is minted
from its prefLabel, and no folded label names two concepts."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_vocabularies_pass_the_checker():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "tools" / "check_vocab.py")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("0 problems"), result.stdout
