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
