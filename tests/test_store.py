"""The workspace store: documents keyed by content hash, failures and tables kept."""

from __future__ import annotations

import sqlite3

import pytest

import policytext
from policytext import Clause, Document, Failure, Page, Store


def _doc(doc_id: str = "abc123", text: str = "第一条 目的。\n第二条 范围。") -> Document:
    return Document(
        id=doc_id,
        source=f"/tmp/{doc_id}.txt",
        format="txt",
        text=text,
        pages=[Page(1, text, 0, len(text))],
        metadata={"title": "办法", "year": 2023},
        warnings=["a warning"],
        clauses=[Clause("art1", "第一条", "article", 1, "", text[:7], 0, 7, [1], None)],
    )


def test_put_get_round_trip(tmp_path):
    with Store(tmp_path / "w.db") as store:
        doc = _doc()
        store.put(doc)
        assert store.has(doc.id) and doc.id in store and len(store) == 1
        back = store.get(doc.id)
    assert back.text == doc.text
    assert back.metadata == doc.metadata
    assert back.pages == doc.pages
    assert back.clauses[0].label == "第一条" and back.clauses[0].text == "第一条 目的。"


def test_wal_mode_and_reopen_keeps_committed_documents(tmp_path):
    path = tmp_path / "w.db"
    store = Store(path)
    store.put(_doc("one"))
    store.put(_doc("two"))
    store.close()
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with Store(path, create=False) as again:
        assert again.ids() == ["one", "two"]
        assert [d.id for d in again.iter_documents()] == ["one", "two"]


def test_put_twice_replaces_without_duplicates(tmp_path):
    with Store(tmp_path / "w.db") as store:
        store.put(_doc())
        store.put(_doc())
        assert len(store) == 1
        assert store.ids() == ["abc123"]


def test_failures_and_tables(tmp_path):
    with Store(tmp_path / "w.db") as store:
        store.record_failure(Failure("b.pdf", "encrypted", "extract"))
        store.record_failure(Failure("a.pdf", "corrupt", "extract"))
        assert [f.source for f in store.failures()] == ["a.pdf", "b.pdf"]
        assert store.put_table("terms", [{"term": "产教融合", "n": 3}, {"term": "联合体", "n": 2}]) == 2
        assert store.table("terms")[0] == {"term": "产教融合", "n": 3}
        assert store.tables() == ["terms"]


def test_not_a_store_is_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(policytext.InputError, match="bogus.db: not a policytext workspace store"):
        Store(bogus)


def test_missing_store_without_create(tmp_path):
    with pytest.raises(policytext.InputError, match="no such workspace store"):
        Store(tmp_path / "none.db", create=False)
