"""The README's promises: its two commands, and every command documented."""
import re
from pathlib import Path

import pytest

from kgraph.cli import cli

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_install_and_test_commands():
    blocks = re.findall(r"```bash\n(.*?)\n```", README, re.S)
    assert blocks[:2] == ["pip install . && kgraph build", "pip install '.[test]' && pytest"]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]' && pytest" in ci


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_has_help_and_is_in_readme(name):
    assert cli.commands[name].help
    assert f"kgraph {name}" in README
