"""``policytext tokenize`` and ``policytext segment``."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap

import pytest

RULES = textwrap.dedent(
    """\
    第一章 总则
    第一条 为了推进产教融合，制定本办法。学校应当：（一）建立制度；（二）保障安全。
    第二条 本办法自公布之日起施行。
    """
)


def test_tokenize_writes_sighan_lines(runner, cli):
    result = runner.invoke(
        cli, ["tokenize"], input="深化产教融合，推进职普融通。\n\n推行“双随机、一公开” 监管\n"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.split("\n") == [
        "深化  产教融合  ，  推进  职普融通  。",
        "",
        "推行  “  双随机、一公开  ”  监管",
        "",
    ]


def test_tokenize_file_options(runner, cli, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("深化产教融合\n智慧职教云平台上线\n", encoding="utf-8")
    mine = tmp_path / "mine.txt"
    mine.write_text("智慧职教云平台 10 nz\n", encoding="utf-8")
    out = tmp_path / "out.txt"

    plain = runner.invoke(cli, ["tokenize", str(src), "--no-domain-dict"])
    assert plain.exit_code == 0 and "产教融合" not in plain.stdout.split()

    result = runner.invoke(
        cli, ["tokenize", str(src), "--dictionary", str(mine), "--engine", "jieba", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == ["深化  产教融合", "智慧职教云平台  上线"]

    tagged = runner.invoke(cli, ["tokenize", str(src), "--pos", "--dictionary", str(mine)])
    assert tagged.stdout.splitlines() == ["深化/j  产教融合/vn", "智慧职教云平台/nz  上线/n"]


def test_tokenize_reports_bad_input(runner, cli, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("深化产教融合\n".encode("gb18030"))
    result = runner.invoke(cli, ["tokenize", str(gbk)])
    assert result.exit_code == 1
    assert f"policytext: {gbk}: not utf-8 text" in result.stderr
    ok = runner.invoke(cli, ["tokenize", str(gbk), "--encoding", "gb18030"])
    assert ok.exit_code == 0 and ok.stdout == "深化  产教融合\n"
    missing = runner.invoke(cli, ["tokenize", str(tmp_path / "none.txt")])
    assert missing.exit_code == 1 and "none.txt" in missing.stderr


def test_tokenize_starts_without_heavy_imports(tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("深化产教融合\n", encoding="utf-8")
    code = textwrap.dedent(
        f"""
        import sys
        try:
            from policytext.cli.main import cli
        except ImportError:
            from cli.main import cli
        try:
            cli.main(["tokenize", {str(src)!r}], standalone_mode=False)
        finally:
            heavy = [m for m in ("spacy", "sklearn", "gensim", "pdfplumber", "numpy", "jieba") if m in sys.modules]
            print("HEAVY", heavy)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "深化  产教融合" in done.stdout
    assert "HEAVY []" in done.stdout


def _write_rules(tmp_path):
    path = tmp_path / "rules.txt"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_segment_jsonl_with_clause_ids(runner, cli, tmp_path):
    path = _write_rules(tmp_path)
    result = runner.invoke(cli, ["segment", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in rows] == [
        "第一章 总则",
        "第一条 为了推进产教融合，制定本办法。",
        "学校应当：（一）建立制度；",
        "（二）保障安全。",
        "第二条 本办法自公布之日起施行。",
    ]
    assert rows[1]["tokens"] == ["第一条", "产教融合", "制定", "办法"]
    assert {r["source"] for r in rows} == {str(path)}
    assert len({r["doc"] for r in rows}) == 1
    if any(r["clause"] for r in rows):  # the clause parser is present
        assert rows[1]["clause"].startswith("ch1.art1") and rows[4]["clause"].startswith("ch1.art2")
    text = path.read_text(encoding="utf-8")
    for r in rows:
        assert r["page"] in (1, None)
        assert r["end"] - r["start"] == len(r["text"]) and r["text"] in text


def test_segment_csv_pos_and_options(runner, cli, tmp_path):
    path = _write_rules(tmp_path)
    result = runner.invoke(
        cli,
        [
            "segment",
            str(path),
            "--format",
            "csv",
            "--pos",
            "--all-tokens",
            "--stopwords",
            "none",
            "--no-semicolon",
        ],
    )
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[2]["text"] == "学校应当：（一）建立制度；（二）保障安全。"
    assert len(rows[2]["tokens"].split(" ")) == len(rows[2]["tags"].split(" "))
    assert "；" in rows[2]["tokens"].split(" ")


def test_segment_reports_a_bad_input_and_goes_on(runner, cli, tmp_path):
    path = _write_rules(tmp_path)
    result = runner.invoke(cli, ["segment", str(tmp_path / "missing.txt"), str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    assert "missing.txt" in result.stderr
    assert len(result.stdout.splitlines()) == 5


def test_segment_bad_option_values_are_usage_errors(runner, cli, tmp_path):
    path = _write_rules(tmp_path)
    result = runner.invoke(cli, ["segment", str(path), "--stopwords", "genral"])
    assert result.exit_code == 2
    assert "general, policy" in result.stderr


@pytest.mark.parametrize("name", ["tokenize", "segment"])
def test_help(runner, cli, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
