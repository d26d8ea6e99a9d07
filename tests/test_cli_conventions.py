"""Every command keeps the command-line conventions of DESIGN.md.

A tiny corpus (two good TXT files and one broken PDF) goes through each command
that reads documents: the broken file is reported on stderr by name, the good
ones are still done, the exit status is 1, and there is no traceback unless
``--debug``. Formats, usage errors and shared option names are checked across
commands.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import click
import pytest

try:
    from policytext.cli import _common as common
    from policytext.cli.main import COMMANDS
except ImportError:  # a checkout without an install
    from cli import _common as common
    from cli.main import COMMANDS

NOTICE = """\
关于深化产教融合推进职普融通的通知
各省、自治区、直辖市教育厅（教委）：
一、总体要求
（一）到2025年，建成50个市域产教联合体，职普融通取得明显进展。
（二）各地教育行政部门应当把职普融通纳入发展规划，统筹推进产教融合。
二、重点任务
（三）学校应当深化产教融合，推进职普融通，建设实训基地。
（四）企业不得拒绝接收实习学生。鼓励企业参与职普融通和实训基地建设。
三、保障措施
（五）各地应当加大投入，保障实训基地和职普融通经费。
"""

CHARTER = """\
某市产教联合体章程
第一条 为了规范联合体理事会的组织和行为，推进产教融合，制定本章程。
第二条 联合体理事会应当每年召开会议，理事会成员不少于三分之二出席。
第三条 理事会负责审议联合体年度计划，到2025年联合体成员单位达到100家。
第四条 学校和企业可以通过理事会共同开展技术研发，推进产教融合。
第五条 理事会成员不得泄露联合体的商业秘密。
"""

#: Words only in the notice, only in the charter: a command that read both shows one of each.
NOTICE_WORD, CHARTER_WORD = "职普融通", "理事会"


@dataclass
class Corpus:
    notice: Path
    charter: Path
    broken: Path
    metadata: Path
    folder: Path

    @property
    def all(self) -> list[str]:
        return [str(self.notice), str(self.charter), str(self.broken)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    folder = tmp_path_factory.mktemp("conventions")
    notice = folder / "notice.txt"
    notice.write_text(NOTICE, encoding="utf-8")
    charter = folder / "charter.txt"
    charter.write_text(CHARTER, encoding="utf-8")
    broken = folder / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> this is not really a pdf")
    metadata = folder / "meta.csv"
    metadata.write_text("file,level\nnotice.txt,national\ncharter.txt,local\n", encoding="utf-8")
    return Corpus(notice, charter, broken, metadata, folder)


@dataclass
class Spec:
    """How to run one command on the corpus, and what its results show."""

    args: list[str]
    #: the shape of --format json: "list" (rows or documents) or "dict" (one result)
    json: str = "list"
    #: words in the JSON output that show each good document was used ("" for none)
    evidence: tuple[str, ...] = (NOTICE_WORD, CHARTER_WORD)
    #: --format values offered
    formats: tuple[str, ...] = ("json", "jsonl", "csv", "md", "parquet", "table")


def _specs(c: Corpus) -> dict[str, Spec]:
    meta = ["--metadata", str(c.metadata)]
    return {
        "extract": Spec(["extract", *c.all, *meta], formats=("json", "jsonl", "csv", "table")),
        "structure": Spec(["structure", *c.all, *meta]),
        "segment": Spec(["segment", *c.all, *meta]),
        "terms": Spec(["terms", *c.all, *meta]),
        "keyness": Spec(["keyness", *c.all, *meta, "--target", "level=local"]),
        "collocations": Spec(["collocations", *c.all, *meta, "--min-count", "1"]),
        "kwic": Spec(["kwic", "产教融合", *c.all, *meta], evidence=("notice.txt", "charter.txt")),
        "cowords": Spec(
            ["cowords", *c.all, *meta],
            json="dict",
            formats=("json", "jsonl", "csv", "md", "parquet", "gexf", "table"),
        ),
        "code": Spec(["code", *c.all, *meta], evidence=("notice.txt", "charter.txt")),
        "topics": Spec(
            ["topics", *c.all, *meta, "-k", "2", "--bootstrap", "0"],
            formats=("json", "jsonl", "csv", "md", "table"),
        ),
        "targets": Spec(["targets", *c.all, *meta], evidence=("notice.txt", "charter.txt")),
        "obligations": Spec(["obligations", *c.all, *meta], evidence=("notice.txt", "charter.txt")),
        "compare": Spec(
            ["compare", "--national", str(c.notice), str(c.charter), str(c.broken), *meta],
            json="dict",
            evidence=("notice.txt", "charter.txt"),
            formats=("json", "jsonl", "csv", "md", "html", "table"),
        ),
    }


#: Commands that read several documents and write their results.
BATCH = [
    "extract", "structure", "segment", "terms", "keyness", "collocations", "kwic", "cowords", "code",
    "topics", "targets", "obligations", "compare",
]  # fmt: skip
#: Commands that read one or two documents and have nothing to show when one fails.
SINGLE = {
    "diff": lambda c: ["diff", str(c.charter), str(c.broken)],
    "checklist": lambda c: ["checklist", str(c.broken)],
}


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def _check_failure_report(result, corpus: Corpus) -> None:
    assert result.exit_code == 1, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    reports = [line for line in _lines(result.stderr) if "broken.pdf" in line]
    assert reports, result.stderr
    assert all(line.startswith(f"policytext: {corpus.broken}: ") for line in reports), reports
    # the good files are not reported as failed (warnings about them may be)
    for good in (corpus.notice, corpus.charter):
        about = [line for line in _lines(result.stderr) if line.startswith(f"policytext: {good}: ")]
        assert all(": warning: " in line for line in about), about


# --------------------------------------------------------------------------- one bad input among good ones


@pytest.mark.parametrize("name", BATCH)
def test_bad_input_is_reported_and_the_rest_done(runner, cli, corpus, name):
    spec = _specs(corpus)[name]
    result = runner.invoke(cli, [*spec.args, "--format", "json"])
    _check_failure_report(result, corpus)
    data = json.loads(result.stdout)  # one JSON document
    assert isinstance(data, list if spec.json == "list" else dict)
    assert data
    text = result.stdout
    for word in spec.evidence:
        assert word in text, f"{name}: no sign of {word!r} in the output"


@pytest.mark.parametrize("name", sorted(SINGLE))
def test_bad_single_input_exits_1(runner, cli, corpus, name):
    result = runner.invoke(cli, [*SINGLE[name](corpus), "--format", "json"])
    _check_failure_report(result, corpus)
    assert result.stdout == ""


def test_run_reports_bad_input_and_goes_on(runner, cli, corpus, tmp_path):
    out = tmp_path / "ws"
    result = runner.invoke(cli, ["run", *corpus.all, "--out", str(out), "-q"])
    _check_failure_report(result, corpus)
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert "broken.pdf" in errors and "notice.txt" not in errors
    assert (out / "report.html").is_file()


# --------------------------------------------------------------------------- formats


@pytest.mark.parametrize("name", BATCH)
def test_jsonl_is_one_object_per_line(runner, cli, corpus, name):
    spec = _specs(corpus)[name]
    if "jsonl" not in spec.formats:
        pytest.skip(f"{name} offers no jsonl")
    result = runner.invoke(cli, [*spec.args, "--format", "jsonl", "-q"])
    assert result.exit_code == 1, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(isinstance(row, dict) for row in rows)
    assert "warning" not in result.stderr  # --quiet


@pytest.mark.parametrize("name", BATCH)
def test_table_on_request(runner, cli, corpus, name):
    spec = _specs(corpus)[name]
    result = runner.invoke(cli, [*spec.args, "--format", "table"])
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 2
    # a readable table, not JSON: a header line, then a rule of dashes (after a title line for some)
    assert not result.stdout.lstrip().startswith(("[", "{"))
    assert any(set(line.replace(" ", "")) == {"-"} for line in lines[:4]), result.stdout[:300]


@pytest.mark.parametrize("name", BATCH + sorted(SINGLE))
def test_bad_format_is_a_usage_error(runner, cli, corpus, name):
    args = _specs(corpus)[name].args if name in BATCH else SINGLE[name](corpus)
    result = runner.invoke(cli, [*args, "--format", "nonsense"])
    assert result.exit_code == 2
    assert "--format" in result.stderr and "nonsense" in result.stderr
    assert result.stdout == "" and "Traceback" not in result.stderr


@pytest.mark.parametrize("name", BATCH)
def test_output_file_and_nothing_on_stdout(runner, cli, corpus, name, tmp_path):
    spec = _specs(corpus)[name]
    out = tmp_path / "out.json"
    result = runner.invoke(cli, [*spec.args, "-o", str(out)])  # the suffix picks the format
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list if spec.json == "list" else dict) and data


def test_output_suffix_the_command_does_not_offer_falls_back(runner, cli, corpus, tmp_path):
    out = tmp_path / "docs.html"  # extract writes no HTML: its default, jsonl
    result = runner.invoke(cli, ["extract", str(corpus.notice), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["source"] for r in rows] == [str(corpus.notice)]


def test_parquet_to_a_pipe(runner, cli, corpus):
    pq = pytest.importorskip("pyarrow.parquet")
    result = runner.invoke(cli, ["terms", str(corpus.notice), "--format", "parquet"])
    assert result.exit_code == 0, result.stderr
    table = pq.read_table(io.BytesIO(result.stdout_bytes))
    assert NOTICE_WORD in table.column("term").to_pylist()


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


@pytest.mark.parametrize(
    ("fmt", "output", "tty", "offered", "expected"),
    [
        (None, None, True, None, "table"),  # a terminal gets a table
        (None, None, False, None, "csv"),  # a pipe gets the command's default
        ("JSON", None, True, None, "json"),  # explicit wins, any case
        (None, "out.jsonl", True, None, "jsonl"),  # the -o suffix names it
        (None, "out.md", False, ["csv", "md"], "md"),
        (None, "out.html", False, ["csv", "md"], "csv"),  # not offered: the default
        (None, "out.txt", True, None, "csv"),
        ("parquet", "t.parquet", True, None, "parquet"),
        ("parquet", None, False, None, "parquet"),  # binary down a pipe is fine
    ],
)
def test_resolve_format(monkeypatch, fmt, output, tty, offered, expected):
    monkeypatch.setattr(sys, "stdout", _Tty() if tty else _Pipe())
    assert common.resolve_format(fmt, output, "csv", offered=offered) == expected


@pytest.mark.parametrize("fmt", ["parquet", "docx"])
def test_binary_format_never_goes_to_a_terminal(monkeypatch, fmt):
    monkeypatch.setattr(sys, "stdout", _Tty())
    with pytest.raises(click.UsageError, match="-o FILE"):
        common.resolve_format(fmt, None, "csv")


def test_resolve_format_reads_the_offered_formats_from_the_command(monkeypatch):
    @click.command()
    @common.format_option(["csv", "json"], default_pipe="csv")
    def cmd(fmt, output):
        click.echo(common.resolve_format(fmt, output, "csv"))

    from click.testing import CliRunner

    assert CliRunner().invoke(cmd, ["-o", "x.json"]).output == "json\n"
    assert CliRunner().invoke(cmd, ["-o", "x.gexf"]).output == "csv\n"


# --------------------------------------------------------------------------- usage errors


def _usage_cases(c: Corpus) -> dict[str, list[str]]:
    good = str(c.notice)
    bad_meta = c.folder / "bad_meta.csv"
    bad_meta.write_text("name,level\nx,city\n", encoding="utf-8")
    return {
        "topics bad -k range": ["topics", good, "-k", "9:3"],
        "topics bad -k": ["topics", good, "-k", "many"],
        "topics bad --min-df": ["topics", good, "--min-df", "lots"],
        "keyness missing --target": ["keyness", good],
        "compare missing --national": ["compare", good],
        "run missing --out": ["run", good],
        "structure missing PATH": ["structure"],
        "terms unknown stopword list": ["terms", good, "--stopwords", "no_such_list"],
        "code unknown coding dictionary": ["code", good, "--dictionary", "no_such_dictionary"],
        "kwic bad --group": ["kwic", "产教", good, "--group", "level"],
        "segment metadata without a file column": ["segment", good, "--metadata", str(bad_meta)],
        "extract unknown --pdf-engine": ["extract", good, "--pdf-engine", "acrobat"],
        "tokenize unknown --seg-engine": ["tokenize", good, "--seg-engine", "ltp"],
        "checklist unknown requirements": ["checklist", good, "--requirements", "no_such_checklist"],
        "diff one argument": ["diff", good],
        "obligations nothing to read": ["obligations"],
    }


USAGE_CASES = [
    "topics bad -k range", "topics bad -k", "topics bad --min-df", "keyness missing --target",
    "compare missing --national", "run missing --out", "structure missing PATH", "terms unknown stopword list",
    "code unknown coding dictionary", "kwic bad --group", "segment metadata without a file column",
    "extract unknown --pdf-engine", "tokenize unknown --seg-engine", "checklist unknown requirements",
    "diff one argument", "obligations nothing to read",
]  # fmt: skip


@pytest.mark.parametrize("case", USAGE_CASES)
def test_usage_errors_exit_2(runner, cli, corpus, case):
    result = runner.invoke(cli, _usage_cases(corpus)[case])
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "Error:" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


# --------------------------------------------------------------------------- --debug


@pytest.fixture()
def reader_bug(monkeypatch):
    """Make reading broken.pdf raise an unexpected error, as a bug in a reader would."""
    import policytext.ingest

    real = policytext.ingest.read

    def read(path, **options):
        if Path(path).name == "broken.pdf":
            raise RuntimeError("reader bug")
        return real(path, **options)

    monkeypatch.setattr(policytext.ingest, "read", read)


@pytest.mark.parametrize("name", BATCH + sorted(SINGLE))
def test_internal_error_on_one_input(runner, cli, corpus, reader_bug, name):
    args = _specs(corpus)[name].args if name in BATCH else SINGLE[name](corpus)
    result = runner.invoke(cli, [*args, "--format", "json"])
    _check_failure_report(result, corpus)
    assert "internal error: RuntimeError: reader bug" in result.stderr
    assert "--debug" in result.stderr
    if name in BATCH:
        assert json.loads(result.stdout)
    # with --debug, the error itself comes out (the console script prints its traceback)
    for debug in (["--debug", *args], [*args, "--debug"]):
        result = runner.invoke(cli, debug)
        assert isinstance(result.exception, RuntimeError), (result.exception, result.stderr)
        assert str(result.exception) == "reader bug"


_SCRIPT = """
import sys
import policytext, policytext.ingest
try:
    from policytext.cli.main import main
except ImportError:
    from cli.main import main
def boom(*args, **kwargs):
    raise RuntimeError("planted bug")
if sys.argv[1] == "reader":
    policytext.ingest.read = boom
else:
    policytext.term_frequencies = boom
main(sys.argv[2:])
"""


@pytest.mark.parametrize("where", ["reader", "analysis"])
@pytest.mark.parametrize("debug", [False, True])
def test_console_script_traceback_only_with_debug(corpus, where, debug):
    command = ["extract" if where == "reader" else "terms", str(corpus.notice)]
    argv = ["--debug", *command] if debug else command
    proc = subprocess.run(
        [sys.executable, "-c", _SCRIPT, where, *argv],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.returncode == 1, proc.stderr
    if debug:
        assert "Traceback (most recent call last)" in proc.stderr
        assert "RuntimeError: planted bug" in proc.stderr
    else:
        assert "Traceback" not in proc.stderr
        assert "policytext: " in proc.stderr and "internal error: RuntimeError: planted bug" in proc.stderr
        assert "--debug" in proc.stderr
        if where == "reader":
            assert f"policytext: {corpus.notice}: " in proc.stderr


# --------------------------------------------------------------------------- names, help, start-up


def _commands(cli) -> dict[str, click.Command]:
    ctx = click.Context(cli)
    return {name: cli.get_command(ctx, name) for name in sorted(COMMANDS)}


#: Python parameter -> the one spelling every command shows for it.
SHARED_NAMES = {
    "metadata": ["--metadata"],
    "user_dicts": ["--user-dict"],
    "no_domain_dict": ["--no-domain-dict"],
    "stopwords": ["--stopwords"],
    "seed": ["--seed"],
    "groups": ["--group"],
    "by": ["--by"],
    "unit": ["--unit"],
    "fmt": ["--format"],
    "output": ["-o", "--output"],
    "quiet": ["-q", "--quiet"],
    "engine": ["--pdf-engine"],
    "seg_engine": ["--seg-engine"],
    "password": ["--password"],
    "ocr": ["--ocr"],
}
#: Commands that read policy documents (PDF, DOCX, HTML, TXT, JSONL, stores).
READERS = BATCH + sorted(SINGLE) + ["run"]


def _shown(param: click.Option) -> list[str]:
    hidden = set(getattr(param, "hidden_aliases", ()))
    return [o for o in param.opts if o not in hidden]


def test_shared_options_have_one_name_everywhere(cli):
    wrong = []
    for name, command in _commands(cli).items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name in SHARED_NAMES:
                if _shown(param) != SHARED_NAMES[param.name]:
                    wrong.append(f"{name}: {param.name} is {'/'.join(_shown(param))}")
    assert not wrong, wrong


def test_shared_flags_mean_one_thing(cli):
    """A flag of a shared concept is never used for something else (``code --dictionary`` aside)."""
    flag_to_name = {flag: name for name, flags in SHARED_NAMES.items() for flag in flags}
    wrong = []
    for name, command in _commands(cli).items():
        for param in command.params:
            if not isinstance(param, click.Option):
                continue
            for flag in _shown(param):
                if flag in flag_to_name and flag_to_name[flag] != param.name:
                    wrong.append(f"{name}: {flag} sets {param.name}")
    assert not wrong, wrong


@pytest.mark.parametrize("name", READERS + ["tokenize"])
def test_every_reader_takes_quiet_and_reads_like_the_others(cli, name):
    command = _commands(cli)[name]
    names = {p.name for p in command.params}
    assert "quiet" in names
    if name != "tokenize":
        assert {"engine", "password", "ocr"} <= names


def test_old_spellings_still_work(runner, cli, corpus, tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("市域产教联合体 10 n\n", encoding="utf-8")
    new = runner.invoke(
        cli,
        [
            "terms",
            str(corpus.notice),
            "--user-dict",
            str(words),
            "--pdf-engine",
            "pdfium",
            "--format",
            "json",
        ],
    )
    old = runner.invoke(
        cli,
        ["terms", str(corpus.notice), "--dictionary", str(words), "--engine", "pdfium", "--format", "json"],
    )
    assert new.exit_code == old.exit_code == 0, (new.stderr, old.stderr)
    assert new.stdout == old.stdout
    assert "市域产教联合体" in [row["term"] for row in json.loads(new.stdout)]
    # hidden from --help, which shows one name per setting
    help_text = runner.invoke(cli, ["terms", "--help"]).output
    assert "--user-dict" in help_text and "--pdf-engine" in help_text
    assert "--dictionary" not in help_text and "--engine " not in help_text


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_help_has_an_example(runner, cli, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output
    assert f"policytext {name}" in result.output
    assert "--debug" in result.output


def test_group_help_starts_light():
    code = textwrap.dedent(
        """
        import sys
        try:
            from policytext.cli.main import main
        except ImportError:
            from cli.main import main
        try:
            main(["--help"])
        except SystemExit as exc:
            assert exc.code == 0, exc.code
        heavy = ["spacy", "sklearn", "gensim", "pdfplumber", "pypdfium2", "numpy", "pandas", "pyarrow", "jieba"]
        print("HEAVY", [m for m in heavy if m in sys.modules])
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout
    assert "Commands:" in done.stdout
