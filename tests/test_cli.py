"""The command line as a whole: help everywhere, exit statuses, error messages."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

try:
    from policytext.cli.main import COMMANDS
except ImportError:  # a checkout without an install
    from cli.main import COMMANDS


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(runner, cli, name):
    result = runner.invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: " in result.output
    # a real description, not just the usage line
    body = result.output.split("\n", 2)[2].strip()
    assert len(body) > 40


def test_group_help_lists_every_command(runner, cli):
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


def test_unknown_command_is_a_usage_error(runner, cli):
    result = runner.invoke(cli, ["nonsense"])
    assert result.exit_code == 2


def test_extract_reports_missing_file_and_goes_on(runner, cli, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("关于推进产教融合的通知\n一、总体要求\n到2025年，建成50个联合体。\n", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(good), str(tmp_path / "missing.pdf"), "--format", "jsonl"])
    assert result.exit_code == 1
    # the missing path is a usage problem of the whole command line only when nothing else exists;
    # here it is reported by name
    assert "missing.pdf" in result.stderr


def test_extract_bad_file_gives_error_object_and_exit_1(runner, cli, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("第一条 为了规范联合体的组织和行为，制定本章程。\n", encoding="utf-8")
    bad = tmp_path / "b.pdf"
    bad.write_bytes(b"%PDF-1.4\n this is not really a pdf")
    result = runner.invoke(cli, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in rows] == ["a.txt", "b.pdf"]
    assert "text" in rows[0] and rows[0]["text"].startswith("第一条")
    assert set(rows[1]) == {"source", "error"}
    assert "b.pdf" in result.stderr and "Traceback" not in result.stderr


def test_extract_store_skips_what_is_there(runner, cli, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("第一条 为了规范联合体的组织和行为，制定本章程。\n", encoding="utf-8")
    db = tmp_path / "w.db"
    first = runner.invoke(cli, ["extract", str(doc), "--store", str(db), "--format", "json"])
    assert first.exit_code == 0, first.stderr
    import policytext

    with policytext.Store(db) as store:
        assert len(store) == 1
    second = runner.invoke(cli, ["extract", str(doc), "--store", str(db), "--format", "json"])
    assert json.loads(first.stdout) == json.loads(second.stdout)
    with policytext.Store(db) as store:
        assert len(store) == 1


def test_console_script_runs_without_traceback(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"not a zip")
    proc = subprocess.run(
        [sys.executable, "-m", "policytext.cli.main", "extract", str(bad)],
        capture_output=True,
        text=True,
    )
    if "No module named 'policytext" in proc.stderr and "policytext.ingest" not in proc.stderr:
        pytest.skip("policytext is not installed (pip install -e .)")
    assert proc.returncode == 1
    assert "x.docx" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_extract_folder_with_its_store_inside(runner, cli, tmp_path):
    folder = tmp_path / "notices"
    folder.mkdir()
    (folder / "a.txt").write_text("第一条 为了规范联合体的组织和行为，制定本章程。\n", encoding="utf-8")
    db = folder / "work.db"
    args = ["extract", str(folder), str(tmp_path / "missing.txt"), "--store", str(db), "--format", "jsonl"]
    for _ in range(2):  # the second time the store is in the folder: it is the output, not an input
        result = runner.invoke(cli, args)
        assert result.exit_code == 1
        rows = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["source"] for r in rows] == [str(folder / "a.txt"), str(tmp_path / "missing.txt")]
        assert rows[1] == {"source": str(tmp_path / "missing.txt"), "error": "no such file or folder"}
        assert result.stderr.startswith(f"policytext: {tmp_path / 'missing.txt'}: no such file")


def test_tokenize_missing_file(runner, cli, tmp_path):
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["tokenize", str(missing), "-q"])
    assert result.exit_code == 1
    assert result.stderr == f"policytext: {missing}: no such file\n"
    assert result.stdout == ""


def test_debug_is_accepted_before_and_after_the_command(runner, cli, tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("第一条 为了规范联合体的组织和行为，制定本章程。\n", encoding="utf-8")
    before = runner.invoke(cli, ["--debug", "extract", str(doc), "--format", "json"])
    after = runner.invoke(cli, ["extract", str(doc), "--format", "json", "--debug"])
    assert before.exit_code == after.exit_code == 0
    assert json.loads(before.stdout) == json.loads(after.stdout)


def test_topics_group_keeps_only_matching_documents(runner, cli, tmp_path):
    themes = [
        "理事会审议联合体章程，监督联合体财务。",
        "学校应当深化产教融合，建设实训基地，推进职普融通。",
        "联合体理事会每年召开会议，审议年度计划和财务报告。",
        "企业参与产教融合，共建实训基地，接收实习学生。",
    ]
    plan = tmp_path / "plan.txt"
    plan.write_text("\n".join(themes[i % 4] for i in range(16)) + "\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(
        "第一条 市场监督管理部门负责食品安全抽检。\n第二条 食品安全抽检结果向社会公布。\n", encoding="utf-8"
    )
    meta = tmp_path / "meta.csv"
    meta.write_text("file,level\nplan.txt,city\nother.txt,provincial\n", encoding="utf-8")
    common = ["-k", "2", "--bootstrap", "0", "--metadata", str(meta), "--format", "json"]
    grouped = runner.invoke(cli, ["topics", str(plan), str(other), "--group", "level=city", *common])
    alone = runner.invoke(cli, ["topics", str(plan), *common])
    assert grouped.exit_code == alone.exit_code == 0, grouped.stderr
    assert grouped.stdout == alone.stdout
    assert "食品安全" not in grouped.stdout
    nothing = runner.invoke(cli, ["topics", str(plan), "--group", "level=national", *common])
    assert nothing.exit_code == 2 and "--group" in nothing.stderr
