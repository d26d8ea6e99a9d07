"""JSONL corpora made by other tools: a row per document, its text in one field, the rest metadata."""

from __future__ import annotations

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
    assert targets == {"全市数字经济核心产业增加值": 2025, "5G基站": 2021}


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
        ("全市数字经济核心产业增加值", 2025, f"{corpus}:1"),
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
