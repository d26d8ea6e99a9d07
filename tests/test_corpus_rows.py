"""Corpora made by other tools, a document a row: JSONL, CSV and Excel; its text in one field, the rest metadata."""

from __future__ import annotations

import csv
import datetime
import json

from conftest import shared_path

import policytext
from policytext.corpus import TEXT_FIELDS


def _write(path, rows):
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")  # fmt: skip
    return path


PLAN = "关于推进数字经济发展的实施方案\n到2025年，全市数字经济核心产业增加值达到1000亿元。\n今年新建5G基站2000个。"


def test_rows_of_another_tool_are_documents_with_their_fields(tmp_path):
    corpus = _write(tmp_path / "scraped.jsonl", [
        {"no": "7", "title": "数字经济实施方案", "release_time": "2021-03-11", "level": "city", "content": PLAN},
        {"id": "x", "content_zh": "第一条 为了规范管理，制定本办法。", "publish_date": "2019-05-01"},
    ])  # fmt: skip
    first, second = policytext.iter_documents([corpus])
    assert first.source == f"{corpus}:1" and first.text.startswith("关于推进数字经济发展的实施方案")
    assert first.metadata["title"] == "数字经济实施方案" and first.metadata["level"] == "city"
    assert first.metadata["date"] == "2021-03-11" and "content" not in first.metadata
    assert second.metadata["date"] == "2019-05-01" and "第一条" in second.text
    assert first.id != second.id
    # the row's date dates the document: 今年 is 2021
    targets = {t.indicator: t.year for t in policytext.extract_targets(first)}
    assert targets == {"数字经济核心产业增加值": 2025, "5G基站": 2021}


def test_bad_rows_are_failures_and_the_rest_is_read(tmp_path):
    corpus = _write(tmp_path / "mixed.jsonl", [
        {"title": "无正文", "url": "https://example.org/1"},
        "{not json",
        "[1, 2]",
        {"text": "   "},
        {"body": PLAN},
    ])  # fmt: skip
    items = list(policytext.iter_documents([corpus]))
    failures = [i for i in items if isinstance(i, policytext.Failure)]
    assert [f.source for f in failures] == [f"{corpus}:{n}" for n in (1, 2, 3, 4)]
    assert "expected a field named" in failures[0].error and "title, url" in failures[0].error
    assert "not valid JSON" in failures[1].error and "not a JSON object" in failures[2].error
    assert isinstance(items[-1], policytext.Document) and items[-1].source == f"{corpus}:5"


def test_extract_output_is_read_back_as_before(tmp_path):
    doc = policytext.read_bytes(PLAN.encode(), source="plan.txt")
    corpus = _write(tmp_path / "docs.jsonl", [doc.to_dict()])
    (again,) = policytext.iter_documents([corpus])
    assert again.id == doc.id and again.text == doc.text and again.source == "plan.txt"


def test_targets_command_reads_a_jsonl_corpus(runner, cli, tmp_path):
    corpus = _write(tmp_path / "scraped.jsonl", [{"title": "方案", "release_time": "2021-03-11", "content": PLAN},
                                                 {"title": "空"}])  # fmt: skip
    res = runner.invoke(cli, ["targets", str(corpus), "--format", "jsonl"])
    assert res.exit_code == 1  # one row failed, and it is named
    assert f"{corpus}:2" in res.stderr and "no text in this row" in res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert {(r["indicator"], r["year"], r["source"]) for r in rows} == {
        ("数字经济核心产业增加值", 2025, f"{corpus}:1"),
        ("5G基站", 2021, f"{corpus}:1"),
    }


def test_the_shared_jsonl_corpora_read_as_documents():
    policies = shared_path("corpora", "series", "smart-tech-policies_central166_shandong55.jsonl")
    docs = list(policytext.iter_documents([policies]))
    assert len(docs) == 221 and all(isinstance(d, policytext.Document) for d in docs)
    assert all(d.metadata["date"] == d.metadata["release_time"] for d in docs)
    assert "content_zh" not in docs[0].metadata and len(docs[0].text) > 1000
    assert docs[0].metadata["title"] == docs[0].metadata["title_en"]  # the rows have no Chinese title
    reports = shared_path("corpora", "series", "gov-work-reports_1954-2025_wikisource.jsonl")
    first = next(iter(policytext.iter_documents([reports])))
    assert first.metadata["title"].endswith("政府工作报告") and "content" not in first.metadata
    assert "text" in TEXT_FIELDS and "content_zh" in TEXT_FIELDS


# --------------------------------------------------------------------------- spreadsheets


def test_a_csv_corpus_with_its_own_column_names(tmp_path):
    sheet = tmp_path / "policies.csv"
    with open(sheet, "w", encoding="utf-8-sig", newline="") as fh:  # Excel's UTF-8 CSV has a BOM
        writer = csv.writer(fh)
        writer.writerow(["No.", "Release Time", "Policy Title", "Policy Content"])
        writer.writerow(["1", "2021-03-11", " 数字经济实施方案 ", PLAN])
        writer.writerow(["2", "", "", ""])  # a number and nothing else: no text
        writer.writerow(["", "", "", ""])  # an empty row is skipped
    doc, failure = policytext.iter_documents([sheet])
    assert doc.source == f"{sheet}:2" and doc.metadata["title"] == "数字经济实施方案"  # stripped
    assert doc.metadata["date"] == "2021-03-11" and "Policy Content" not in doc.metadata
    assert {t.indicator: t.year for t in policytext.extract_targets(doc)}["5G基站"] == 2021
    assert failure.source == f"{sheet}:3" and "no text in this row" in failure.error and "No." in failure.error


def test_an_excel_corpus_of_several_sheets_and_a_cut_cell(tmp_path):
    from openpyxl import Workbook

    from policytext.corpus import EXCEL_CELL_LIMIT

    book = Workbook()
    central = book.active
    central.title = "Central"
    central.append(["标题", "发布日期", "正文"])
    central.append(["数字经济实施方案", datetime.date(2021, 3, 11), PLAN])
    shandong = book.create_sheet("Shandong")
    shandong.append(["标题", "正文"])
    shandong.append(["很长的方案", ("到2025年，全省建成5G基站10万个。" * 2000)[:EXCEL_CELL_LIMIT]])
    path = tmp_path / "policies.xlsx"
    book.save(path)
    first, second = policytext.iter_documents([path])
    assert first.source == f"{path}:Central!2" and first.metadata["date"] == "2021-03-11T00:00:00"
    assert second.source == f"{path}:Shandong!2" and not first.warnings
    assert second.warnings and "32,767" in second.warnings[0]  # Excel's limit: the text was probably cut


def test_a_folder_walk_does_not_read_a_metadata_csv_as_a_corpus(tmp_path):
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "metadata.csv").write_text("file,year\nplan.txt,2021\n", encoding="utf-8")
    items = list(policytext.iter_documents([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Document"]


def test_a_damaged_workbook_is_a_failure_that_names_the_file(tmp_path):
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    (failure,) = policytext.iter_documents([path])
    assert failure.source == str(path) and "not a readable Excel workbook" in failure.error


def test_the_shared_workbook_reads_as_the_jsonl_does():
    workbook = shared_path("corpora", "series", "smart-tech-policies_central166_shandong55.xlsx")
    docs = list(policytext.iter_documents([workbook]))
    assert len(docs) == 221 and all(isinstance(d, policytext.Document) for d in docs)
    assert all(d.metadata.get("date") and d.metadata.get("title") for d in docs)
    # the three rows the JSONL marks truncated_at_excel_limit are the three flagged here
    rows = [json.loads(line) for line in shared_path(
        "corpora", "series", "smart-tech-policies_central166_shandong55.jsonl").open(encoding="utf-8")]  # fmt: skip
    assert sum(bool(d.warnings) for d in docs) == sum(r["truncated_at_excel_limit"] for r in rows) == 3
