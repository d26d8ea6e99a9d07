"""``policytext obligations``: rows, --lines, --all, --recurring, --matrix, errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

LAW_A = """第一章 总则
第一条 县级以上人民政府应当将职业教育纳入国民经济和社会发展规划。
第二条 企业、事业组织应当履行下列职责：
（一）制定职工培训计划；
（二）接纳学生实习。
第三条 任何组织和个人不得挪用职业教育经费。
第四条 本办法所称职业学校，是指依法设立的学校。
"""
LAW_B = """第一条 市人民政府应当把发展职业教育纳入国民经济和社会发展规划。
第二条 任何组织和个人不得挪用、克扣职业教育的经费。
第三条 鼓励企业举办职业教育。
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "laws"
    folder.mkdir()
    (folder / "a.txt").write_text(LAW_A, encoding="utf-8")
    (folder / "b.txt").write_text(LAW_B, encoding="utf-8")
    return folder


def _jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_rows_with_citations(runner, cli, corpus):
    result = runner.invoke(cli, ["obligations", str(corpus / "a.txt"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = _jsonl(result.stdout)
    assert [r["modality"] for r in rows] == [
        "obligation",
        "obligation",
        "obligation",
        "obligation",
        "prohibition",
    ]
    first = rows[0]
    assert first["actor"] == "县级以上人民政府" and first["actor_type"] == "government"
    assert first["clause_label"] == "第一条" and first["clause"] and first["page"] == 1
    assert first["source"].endswith("a.txt") and len(first["doc"]) == 16
    items = [r for r in rows if r["clause_label"].startswith("第二条（")]
    assert [r["actor"] for r in items] == ["企业、事业组织", "企业、事业组织"]
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    assert all(text[r["start"] : r["end"]] == r["sentence"] for r in rows)


def test_all_adds_none_rows(runner, cli, corpus):
    result = runner.invoke(cli, ["obligations", str(corpus / "a.txt"), "--all", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert "none" in {r["modality"] for r in rows}
    assert any("是指" in r["sentence"] and r["modality"] == "none" for r in rows)


def test_lines_one_row_per_line(runner, cli, tmp_path):
    src = tmp_path / "lines.txt"
    lines = [
        "企业应当履行下列职责：",
        "（一）制定计划；",
        "",
        "可以看出，经济向好。",
        "   ",
        "学校不得收费。",
    ]
    src.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    result = runner.invoke(cli, ["obligations", "--lines", str(src), "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(lines)
    assert [r["modality"] for r in rows] == [
        "obligation",
        "obligation",
        "none",
        "none",
        "none",
        "prohibition",
    ]
    assert [r["sentence"] for r in rows] == lines
    assert rows[1]["actor"] == "企业"


def test_lines_without_context_and_gb18030(runner, cli, tmp_path):
    src = tmp_path / "gbk.txt"
    src.write_bytes("企业应当履行下列职责：\n（一）制定计划；".encode("gb18030"))
    result = runner.invoke(cli, ["obligations", "--lines", str(src), "--no-context", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    assert [r["modality"] for r in _jsonl(result.stdout)] == ["obligation", "none"]


def test_recurring_to_stdout_and_to_a_folder(runner, cli, corpus, tmp_path):
    result = runner.invoke(cli, ["obligations", str(corpus), "--recurring", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    clusters = _jsonl(result.stdout)
    kinds = {(c["modality"], c["actor_type"]) for c in clusters}
    assert ("obligation", "government") in kinds and ("prohibition", "other") in kinds
    assert all(c["documents"] >= 2 and len(c["citations"]) == c["occurrences"] for c in clusters)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["obligations", str(corpus), "--recurring", "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {
        "recurring.csv",
        "recurring_citations.csv",
        "actor_modality_corpus.csv",
        "actor_modality.svg",
    } <= names
    cited = list(csv.DictReader(open(out / "recurring_citations.csv", encoding="utf-8")))
    assert {Path(r["source"]).name for r in cited} == {"a.txt", "b.txt"}


def test_matrix(runner, cli, corpus):
    result = runner.invoke(cli, ["obligations", str(corpus), "--matrix", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    gov = next(r for r in rows if r["actor_type"] == "government")
    assert gov["doc"] == "ALL" and int(gov["obligation"]) == 2
    per_doc = runner.invoke(cli, ["obligations", str(corpus), "--matrix", "--by-document", "--format", "csv"])
    assert len({r["doc"] for r in csv.DictReader(io.StringIO(per_doc.stdout))}) == 2


def test_usage_and_input_errors(runner, cli, tmp_path, corpus):
    assert runner.invoke(cli, ["obligations"]).exit_code == 2
    assert runner.invoke(cli, ["obligations", str(corpus), "--lines", str(corpus / "a.txt")]).exit_code == 2
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81\x82" * 10)
    result = runner.invoke(cli, ["obligations", "--lines", str(binary)])
    assert result.exit_code == 1 and "bin.txt" in result.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("cues: [1]\n", encoding="utf-8")
    result = runner.invoke(cli, ["obligations", str(corpus / "a.txt"), "--lexicon", str(bad)])
    assert result.exit_code == 2 and "bad.yaml" in result.stderr
    missing = runner.invoke(cli, ["obligations", str(tmp_path / "nope.txt"), "--format", "jsonl"])
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr


def test_help_names_the_options(runner, cli):
    result = runner.invoke(cli, ["obligations", "--help"])
    assert result.exit_code == 0
    for option in ("--lines", "--all", "--recurring", "--min-docs", "--matrix", "--lexicon", "--actors"):
        assert option in result.output
