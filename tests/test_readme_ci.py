"""CI runs exactly the two commands the README gives a newcomer."""

from __future__ import annotations

import re

from conftest import ROOT


def _readme_command(tag: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {tag} -->\s*```bash\n(.+?)\n```", text, flags=re.S)
    assert match, f"README.md has no '{tag}' command block"
    return match.group(1).strip()


def test_ci_runs_the_readme_commands_word_for_word():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    for tag in ("setup", "test"):
        assert _readme_command(tag) in ci, f"the README's {tag} command is not a line of .ci/run"
