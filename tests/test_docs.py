"""The documentation in docs/ keeps up with the command line, the links and models/.

- every command of ``policytext --help`` is documented: its name in a heading, or
  ``policytext NAME`` in a code block;
- every ``policytext NAME`` in a shell code block or an inline code span names a
  real command, and every option shown with it is in that command's ``--help``
  (hidden aliases do not count: the docs show the names ``--help`` shows);
- every relative link in docs/*.md resolves, anchors included;
- every file under models/ is described in docs/models.md or models/README.md;
- the library names the docs use (``policytext.NAME``) are public, in ``policytext.__all__``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

try:
    from policytext.cli.main import COMMANDS
except ImportError:  # a checkout without an install
    from cli.main import COMMANDS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MODELS = ROOT / "models"
PAGES = sorted(DOCS.glob("*.md"))

#: Languages of code blocks whose lines are command lines (python, yaml ... are not).
SHELL_BLOCKS = {"", "bash", "sh", "shell", "console", "text"}
#: Options of the group itself: ``policytext --debug extract ...``.
GROUP_OPTIONS = {"--version", "--debug", "-h", "--help"}

FENCE = re.compile(r"^(\s*)(```|~~~)\s*([\w+-]*)")
COMMAND = re.compile(r"(?:^|[\s|(;&`])policytext\s+(-[^\s]*\s+)*([A-Za-z][\w-]*)")
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
#: Where a command line stops: a comment, a redirection, another command, a pipe into another program.
END = re.compile(r"\s#|&&|;|\s[12]?>|\s\|\s(?![\s\[-])")
INLINE_CODE = re.compile(r"``([^`]+)``|`([^`]+)`")
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def test_there_are_pages():
    assert (DOCS / "index.md") in PAGES and len(PAGES) >= 10


# --------------------------------------------------------------------------- reading markdown


def split_page(text: str) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """The page's prose lines (outside fences) and its code blocks as (language, lines)."""
    prose: list[str] = []
    blocks: list[tuple[str, list[str]]] = []
    fence: str | None = None
    for line in text.splitlines():
        m = FENCE.match(line)
        if fence is None and m:
            fence = m.group(2)
            blocks.append((m.group(3).lower(), []))
        elif fence is not None and line.strip().startswith(fence):
            fence = None
        elif fence is not None:
            blocks[-1][1].append(line)
        else:
            prose.append(line)
    assert fence is None, "a code block is not closed"
    return prose, blocks


def command_lines(text: str) -> list[str]:
    """Every command line that calls ``policytext``: shell code blocks and inline code spans.

    A line that starts with white space and ``[`` or ``-`` continues the command
    above it (a usage synopsis over several lines), and so does a line after one
    ending in a backslash.
    """
    prose, blocks = split_page(text)
    out: list[str] = []
    for lang, lines in blocks:
        if lang not in SHELL_BLOCKS:
            continue
        current: str | None = None
        for line in lines:
            stripped = line.strip()
            continues = current is not None and (
                current.endswith("\\") or (line[:1].isspace() and stripped[:1] in ("[", "-"))
            )
            if continues:
                current = current.rstrip("\\") + " " + stripped
                out[-1] = current
            elif COMMAND.search(line):
                current = line
                out.append(current)
            else:
                current = None
    for line in prose:
        for m in INLINE_CODE.finditer(line):
            span = m.group(1) or m.group(2)
            if span.strip().startswith("policytext "):
                out.append(span)
    return out


def invocations(line: str) -> list[tuple[str, list[str], list[str]]]:
    """``(command, group options, options)`` of each ``policytext`` call on a line."""
    found = []
    for m in COMMAND.finditer(line):
        name = m.group(2)
        before = OPTION.findall(m.group(1) or "")
        rest = line[m.end() :]
        stop = END.search(rest)
        if stop:
            rest = rest[: stop.start()]
        found.append((name, before, OPTION.findall(rest)))
    return found


@cache
def help_options(name: str) -> frozenset[str]:
    """The option names listed in ``policytext NAME --help``."""
    from click.testing import CliRunner

    try:
        from policytext.cli.main import cli
    except ImportError:
        from cli.main import cli
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    options = result.output.split("\nOptions:", 1)
    assert len(options) == 2, f"no Options section in 'policytext {name} --help'"
    return frozenset(OPTION.findall(options[1]))


def test_help_options_are_read():
    assert {"--format", "--metadata", "--store", "-o", "--output", "--help"} <= help_options("extract")
    assert "--engine" not in help_options("extract")  # a hidden alias is not in --help


def test_command_lines_are_found():
    text = (
        "```bash\npolicytext extract a.pdf --format csv | head -n 3\necho x | policytext tokenize --pos\n```\n"
        "```\npolicytext run INPUTS... --out DIR [--metadata FILE.csv]\n               [-j N | --scheduler tcp://HOST:PORT]\n```\n"
        "```python\nimport policytext\npolicytext.read('x')\n```\n"
        "Use `policytext obligations --lexicon FILE` for that.\n"
    )
    calls = [c for line in command_lines(text) for c in invocations(line)]
    assert calls == [
        ("extract", [], ["--format"]),
        ("tokenize", [], ["--pos"]),
        ("run", [], ["--out", "--metadata", "-j", "--scheduler"]),
        ("obligations", [], ["--lexicon"]),
    ]


# --------------------------------------------------------------------------- commands and options


def test_every_command_is_documented():
    headings = []
    code = []
    for page in PAGES:
        prose, blocks = split_page(page.read_text(encoding="utf-8"))
        headings += [line for line in prose if line.startswith("#")]
        code += [line for _, lines in blocks for line in lines]
    missing = []
    for name in COMMANDS:
        in_heading = any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", h) for h in headings)
        in_code = any(re.search(rf"policytext\s+{re.escape(name)}(?![\w-])", line) for line in code)
        if not (in_heading or in_code):
            missing.append(name)
    assert not missing, f"commands without documentation in docs/: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_commands_and_options_shown_exist(page):
    problems = []
    for line in command_lines(page.read_text(encoding="utf-8")):
        for name, group_opts, opts in invocations(line):
            if name.isupper():  # a placeholder: policytext COMMAND --help
                continue
            if name not in COMMANDS:
                problems.append(f"unknown command 'policytext {name}' in: {line.strip()}")
                continue
            problems += [
                f"'{o}' is not an option of policytext: {line.strip()}"
                for o in group_opts
                if o not in GROUP_OPTIONS
            ]
            known = help_options(name)
            problems += [
                f"'{o}' is not in 'policytext {name} --help': {line.strip()}" for o in opts if o not in known
            ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_library_names_shown_are_public(page):
    import policytext

    public = set(policytext.__all__) | {"__all__", "__file__", "__version__"}
    names = re.findall(r"(?<![\w/.])policytext\.([A-Za-z_]\w*)", page.read_text(encoding="utf-8"))
    private = sorted({n for n in names if n not in public})
    assert not private, f"names outside policytext.__all__: {private}"


# --------------------------------------------------------------------------- links


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = text.replace("`", "").replace("*", "").strip().lower()
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LNM")
    return kept.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    prose, _ = split_page(page.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    out = set()
    for line in prose:
        m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
        if not m:
            continue
        base = slug(m.group(1))
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.add(base if n == 0 else f"{base}-{n}")
    return out


def test_slug_follows_github():
    assert slug("## `policytext code`".lstrip("# ")) == "policytext-code"
    assert slug("Numbers (the 政府工作报告 series, 1954–2025)") == "numbers-the-政府工作报告-series-19542025"
    assert slug("Roles: what is compared with what") == "roles-what-is-compared-with-what"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page):
    prose, _ = split_page(page.read_text(encoding="utf-8"))
    text = INLINE_CODE.sub("", "\n".join(prose))
    problems = []
    for target in LINK.findall(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # http:, https:, mailto:
            continue
        path, _, fragment = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        if not resolved.exists():
            problems.append(f"{target}: no such file")
        elif fragment and resolved.suffix == ".md" and fragment not in anchors(resolved):
            problems.append(f"{target}: no heading with the anchor #{fragment} in {resolved.name}")
    assert not problems, "\n".join(problems)


def test_index_links_every_page():
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    linked = {t.partition("#")[0] for t in LINK.findall(index)}
    assert {p.name for p in PAGES if p.name != "index.md"} <= linked


# --------------------------------------------------------------------------- models


def test_every_model_file_is_described():
    described = (DOCS / "models.md").read_text(encoding="utf-8") + (MODELS / "README.md").read_text(
        encoding="utf-8"
    )
    files = sorted(p.relative_to(MODELS).as_posix() for p in MODELS.rglob("*") if p.is_file())
    files = [f for f in files if f != "README.md" and not any(part.startswith(".") for part in f.split("/"))]
    assert files, "models/ holds no files"
    missing = [f for f in files if f not in described]
    assert not missing, f"model files described neither in docs/models.md nor in models/README.md: {missing}"
