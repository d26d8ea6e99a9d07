"""``policytext diff`` and ``policytext checklist`` through the command line."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from conftest import SAMPLE

CHARTERS = SAMPLE / "documents" / "charters"
TEMPLATE = str(CHARTERS / "donghai_2023_consortium-charter-template.docx")
NINGCHUAN = str(CHARTERS / "ningchuan_2024_smart-manufacturing-consortium-charter.txt")
CHENGHU = str(CHARTERS / "chenghu_2025_modern-agriculture-consortium-charter.docx")


def test_diff_json(runner, cli):
    res = runner.invoke(cli, ["diff", TEMPLATE, NINGCHUAN, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["level"] == "article"
    assert data["counts"] == {"unchanged": 34, "modified": 17, "moved": 2, "added": 1, "removed": 1}
    weakened = [c for c in data["changes"] if "weakened" in c["flags"]]
    assert [(c["template_clause"], c["charter_clause"]) for c in weakened] == [("第三十三条", "第三十三条")]
    assert data["flagged"][0]["flags"].startswith("weakened")
    assert data["blocks"] and all("segments" in b for b in data["blocks"])


def test_diff_table_on_a_terminal_is_a_summary(runner, cli):
    res = runner.invoke(cli, ["diff", TEMPLATE, CHENGHU, "--format", "table"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    assert "unchanged: 34" in out and "Flagged changes" in out
    assert out.index("weakened") < out.index("number_changed") < out.index("actor_changed")


@pytest.mark.parametrize("suffix", ["md", "html"])
def test_diff_text_formats_by_suffix(runner, cli, tmp_path, suffix):
    out = tmp_path / f"redline.{suffix}"
    res = runner.invoke(cli, ["diff", TEMPLATE, CHENGHU, "-o", str(out)])
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "必须" in text and "应当" in text
    if suffix == "md":
        assert "~~必须~~**应当**" in text
    else:
        assert "<del>必须</del>" in text and text.startswith("<!DOCTYPE html>")


def test_diff_docx_with_author_and_date(runner, cli, tmp_path):
    out = tmp_path / "redline.docx"
    res = runner.invoke(
        cli,
        ["diff", TEMPLATE, CHENGHU, "-o", str(out), "--author", "Reviewer", "--date", "2025-01-10T08:00:00Z"],
    )
    assert res.exit_code == 0, res.output
    xml = zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode("utf-8")
    assert 'w:author="Reviewer"' in xml and 'w:date="2025-01-10T08:00:00Z"' in xml
    assert "<w:delText" in xml and "<w:ins " in xml


def test_diff_plain_markdown_style(runner, cli):
    res = runner.invoke(cli, ["diff", TEMPLATE, CHENGHU, "--format", "md", "--style", "plain"])
    assert res.exit_code == 0
    assert "[-必须-]{+应当+}" in res.stdout


def test_diff_missing_file_names_it(runner, cli, tmp_path):
    missing = tmp_path / "nope.docx"
    res = runner.invoke(cli, ["diff", TEMPLATE, str(missing)])
    assert res.exit_code != 0
    assert "nope.docx" in res.stderr
    assert "Traceback" not in res.stderr + res.stdout


def test_diff_bad_date_is_a_usage_error(runner, cli, tmp_path):
    res = runner.invoke(cli, ["diff", TEMPLATE, CHENGHU, "-o", str(tmp_path / "x.docx"), "--date", "soon"])
    assert res.exit_code == 2
    assert "ISO date" in res.stderr


def test_checklist_default_requirements(runner, cli):
    res = runner.invoke(cli, ["checklist", CHENGHU, "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert rows and {r["status"] for r in rows} <= {"present", "partly", "missing"}
    council = next(r for r in rows if r["id"] == "council")
    assert council["status"] == "present" and council["clause"].startswith("第")
    assert "理事会" in council["evidence"]


def test_checklist_own_requirements_file(runner, cli, tmp_path):
    req = tmp_path / "req.yaml"
    req.write_text(
        "name: test\nitems:\n"
        "  - {id: secretariat, text: 设立秘书处负责日常工作, keywords: [秘书处]}\n"
        "  - {id: satellite, text: 建设卫星发射场, keywords: [卫星, 发射场]}\n",
        encoding="utf-8",
    )
    res = runner.invoke(cli, ["checklist", CHENGHU, "--requirements", str(req), "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "present: 1" in res.stdout and "missing: 1" in res.stdout


def test_help_texts(runner, cli):
    for name in ("diff", "checklist"):
        res = runner.invoke(cli, [name, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output
