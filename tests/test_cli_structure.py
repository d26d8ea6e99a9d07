"""``policytext structure``: formats, failures, warnings, level filter."""

from __future__ import annotations

import csv
import io
import json

import pytest

import policytext

LAW = "示范条例\n第一章 总则\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于：\n（一）学校；\n（二）企业。\n笫四条 本条例自公布之日起施行。\n"
NOTICE = "关于示范工作的通知\n各区：\n一、总体要求\n做好示范。\n二、主要任务\n（一）完善机制。建立机制。\n示范局\n2026年2月4日\n"


@pytest.fixture()
def jsonl_input(tmp_path):
    """Two documents as written by ``policytext extract`` (no file reader involved)."""
    path = tmp_path / "docs.jsonl"
    docs = [
        policytext.Document(
            id="law0000000000001", source="law.txt", format="txt", text=LAW, metadata={"title": "示范条例"}
        ),
        policytext.Document(id="notice0000000001", source="notice.txt", format="txt", text=NOTICE),
    ]
    path.write_text(
        "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )
    return path


def test_json_is_one_object_per_input(runner, cli, jsonl_input):
    result = runner.invoke(cli, ["structure", str(jsonl_input), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["source"] for d in data] == ["law.txt", "notice.txt"]
    assert set(data[0]) == {"source", "id", "title", "clauses"}
    assert data[0]["id"] == "law0000000000001" and data[0]["title"] == "示范条例"
    ids = [c["id"] for c in data[0]["clauses"]]
    assert ids == ["preamble", "ch1", "ch1.art1", "ch1.art1.p1", "ch1.art2", "ch1.art2.p1", "ch1.art2.p1.i1",
                   "ch1.art2.p1.i2", "ch1.art4", "ch1.art4.p1"]  # fmt: skip
    clause = data[0]["clauses"][2]
    assert clause["label"] == "第一条" and clause["level"] == "article" and clause["number"] == 1
    assert LAW[clause["start"] : clause["end"]] == clause["text"]
    notice = {c["id"]: c for c in data[1]["clauses"]}
    assert notice["sec2.i1"]["title"] == "完善机制"
    assert notice["closing"]["text"] == "示范局\n2026年2月4日"


def test_warnings_go_to_stderr_and_quiet_silences_them(runner, cli, jsonl_input):
    result = runner.invoke(cli, ["structure", str(jsonl_input), "--format", "jsonl"])
    assert result.exit_code == 0
    assert "law.txt: warning: structure: line 7: 笫四条" in result.stderr
    quiet = runner.invoke(cli, ["structure", str(jsonl_input), "--format", "jsonl", "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""
    lines = quiet.stdout.splitlines()
    assert len(lines) == 2 and json.loads(lines[1])["source"] == "notice.txt"


def test_csv_is_one_row_per_clause_with_source(runner, cli, jsonl_input):
    result = runner.invoke(cli, ["structure", str(jsonl_input), "--format", "csv", "-q"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["source"] == "law.txt" and rows[0]["id"] == "preamble"
    assert {r["source"] for r in rows} == {"law.txt", "notice.txt"}
    art2 = next(r for r in rows if r["source"] == "law.txt" and r["id"] == "ch1.art2")
    assert art2["label"] == "第二条" and art2["parent"] == "ch1" and art2["pages"] == "[]"
    assert art2["text"] == "第二条 本条例适用于：\n（一）学校；\n（二）企业。"


def test_level_filter_and_table(runner, cli, jsonl_input):
    result = runner.invoke(cli, ["structure", str(jsonl_input), "--level", "article", "--level", "section",
                                 "--format", "table", "-q"])  # fmt: skip
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["source", "id", "level", "label", "title", "pages", "text"]
    body = [line.split()[1] for line in lines[2:]]
    assert body == ["ch1.art1", "ch1.art2", "ch1.art4", "sec1", "sec2"]


def test_missing_input_is_reported_and_the_rest_is_done(runner, cli, jsonl_input, tmp_path):
    missing = tmp_path / "missing.txt"
    result = runner.invoke(cli, ["structure", str(missing), str(jsonl_input), "--format", "jsonl", "-q"])
    assert result.exit_code == 1
    assert f"policytext: {missing}: no such file" in result.stderr
    assert "Traceback" not in result.stderr
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == ["law.txt", "notice.txt"]


def test_text_files_are_read(runner, cli, tmp_path):
    pytest.importorskip("policytext.ingest.text", reason="the text reader is not in this checkout yet")
    path = tmp_path / "notice.txt"
    path.write_text(NOTICE, encoding="utf-8")
    result = runner.invoke(cli, ["structure", str(path), "--format", "json", "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0]["source"] == str(path)
    assert [c["id"] for c in data[0]["clauses"]][:3] == ["preamble", "sec1", "sec2"]


def test_help_describes_formats(runner, cli):
    result = runner.invoke(cli, ["structure", "--help"])
    assert result.exit_code == 0
    assert "--level" in result.output and "jsonl" in result.output


def test_articles_without_space_after_the_label_are_listed(runner, cli, tmp_path):
    pytest.importorskip("policytext.ingest.text", reason="the text reader is not in this checkout yet")
    path = tmp_path / "measures.txt"
    path.write_text(
        "示范办法\n第一章总则第一条为了规范管理，制定本办法。\n第二条中华人民共和国境内的学校适用本办法。\n"
        "第三条以下情形不适用本办法：\n（一）军事学校；\n（二）宗教院校。\n第十二条的规定不适用于企业。\n"
        "附 则\n第四条本办法自印发之日起施行。\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["structure", str(path), "--level", "article", "--level", "chapter", "--format", "jsonl", "-q"])  # fmt: skip
    assert result.exit_code == 0, result.output
    clauses = json.loads(result.stdout)["clauses"]
    assert [(c["id"], c["label"], c["title"]) for c in clauses] == [
        ("ch1", "第一章", "总则"),
        ("ch1.art1", "第一条", ""),
        ("ch1.art2", "第二条", ""),
        ("ch1.art3", "第三条", ""),
        ("supplementary", "", "附则"),
        ("supplementary.art4", "第四条", ""),
    ]
    assert clauses[3]["text"].endswith("第十二条的规定不适用于企业。")
