"""The workspace store: one SQLite file (WAL mode) holding documents and results.

Documents are keyed by the hash of their bytes (:attr:`Document.id`), so a re-run
skips what is already there and a crash loses nothing that was committed: each
document is written in one transaction. Analyses keep their tables here too
(:meth:`Store.put_table`), so a workspace can be exported to CSV or Parquet for
pandas, R or DuckDB users.

Schema (version 1)::

    documents(id PK, source, format, lang, title, metadata JSON, text, warnings JSON, seq)
    pages(doc_id, number, start, end, text)               PK (doc_id, number)
    clauses(doc_id, seq, id, label, level, number, title, start, end, pages JSON, parent)
    sources(path PK, doc_id)                              where each file was seen
    failures(source, stage, error)                        PK (source, stage)
    results(name, seq, row JSON)                          analysis tables, row order kept
    doc_rows(name, doc_id, seq, row JSON)                 per-document result rows (obligations,
                                                          targets ...), written with their document

``doc_rows`` was added without a schema change: opening an older store creates
the (empty) table.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ._typing import PathLike
from .errors import InputError
from .model import Clause, Document, Failure, Page

__all__ = ["Store"]

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, format TEXT, lang TEXT, title TEXT,
    metadata TEXT, text TEXT NOT NULL, warnings TEXT, seq INTEGER
);
CREATE TABLE IF NOT EXISTS pages (
    doc_id TEXT NOT NULL, number INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
    PRIMARY KEY (doc_id, number)
);
CREATE TABLE IF NOT EXISTS clauses (
    doc_id TEXT NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, label TEXT, level TEXT,
    number INTEGER, title TEXT, start INTEGER, "end" INTEGER, pages TEXT, parent TEXT,
    PRIMARY KEY (doc_id, seq)
);
CREATE TABLE IF NOT EXISTS sources (path TEXT PRIMARY KEY, doc_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL, stage TEXT NOT NULL, error TEXT, PRIMARY KEY (source, stage)
);
CREATE TABLE IF NOT EXISTS results (
    name TEXT NOT NULL, seq INTEGER NOT NULL, row TEXT NOT NULL, PRIMARY KEY (name, seq)
);
CREATE TABLE IF NOT EXISTS doc_rows (
    name TEXT NOT NULL, doc_id TEXT NOT NULL, seq INTEGER NOT NULL, row TEXT NOT NULL,
    PRIMARY KEY (name, doc_id, seq)
);
"""


class Store:
    """A workspace database of documents and analysis tables.

    Args:
        path: the ``.db`` file.
        create: create the file when it does not exist (else raise).

    Raises:
        InputError: the file is not a policytext store, or cannot be opened.

    Example:
        >>> with Store("work.db") as store:            # doctest: +SKIP
        ...     if not store.has(doc.id):
        ...         store.put(doc)
    """

    def __init__(self, path: PathLike, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise InputError(self.path, "no such workspace store")
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(os.fspath(self.path), timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            with self._db:
                self._db.executescript(_SCHEMA)
                row = self._db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                if row is None:
                    self._db.execute("INSERT INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
                elif int(row[0]) != SCHEMA_VERSION:
                    raise InputError(self.path, f"store schema {row[0]} is not {SCHEMA_VERSION}; re-create it")
        except sqlite3.DatabaseError as exc:
            raise InputError(self.path, f"not a policytext workspace store ({exc})") from exc

    # -- context manager ---------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Close the database (committed work is kept)."""
        self._db.close()

    # -- documents ----------------------------------------------------------------

    def has(self, doc_id: str) -> bool:
        """Whether a document with this content hash is stored."""
        return self._db.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is not None

    def __contains__(self, doc_id: object) -> bool:
        return isinstance(doc_id, str) and self.has(doc_id)

    def __len__(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def put(
        self,
        doc: Document,
        *,
        rows: dict[str, Iterable[dict[str, Any]]] | None = None,
        failures: Iterable[Failure] = (),
    ) -> None:
        """Store a document (its pages and clauses) in one transaction, replacing any earlier copy.

        Args:
            doc: the document.
            rows: per-document result tables, name -> rows (JSON-ready dicts),
                written in the same transaction, so that a crash leaves either
                the document with all its rows or neither. Each named table
                replaces the document's earlier rows of that name; tables not
                named are left as they were.
            failures: stages that failed on this document although it was read
                (recorded after the document's earlier failures are cleared).
        """
        with self._db:
            seq_row = self._db.execute("SELECT seq FROM documents WHERE id=?", (doc.id,)).fetchone()
            if seq_row is None:
                seq = self._db.execute("SELECT COALESCE(MAX(seq), 0) + 1 FROM documents").fetchone()[0]
            else:
                seq = seq_row[0]
            self._db.execute("DELETE FROM pages WHERE doc_id=?", (doc.id,))
            self._db.execute("DELETE FROM clauses WHERE doc_id=?", (doc.id,))
            self._db.execute(
                "INSERT OR REPLACE INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    doc.id,
                    doc.source,
                    doc.format,
                    doc.lang,
                    doc.title,
                    json.dumps(doc.metadata, ensure_ascii=False, sort_keys=True),
                    doc.text,
                    json.dumps(doc.warnings, ensure_ascii=False),
                    seq,
                ),
            )
            self._db.executemany(
                "INSERT INTO pages VALUES (?,?,?,?,?)",
                [(doc.id, p.number, p.start, p.end, p.text) for p in doc.pages],
            )
            if doc.clauses is not None:
                self._db.executemany(
                    "INSERT INTO clauses VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [
                        (doc.id, i, c.id, c.label, c.level, c.number, c.title, c.start, c.end,
                         json.dumps(c.pages), c.parent)
                        for i, c in enumerate(doc.clauses)
                    ],
                )
            self._db.execute("INSERT OR REPLACE INTO sources VALUES (?,?)", (doc.source, doc.id))
            self._db.execute("DELETE FROM failures WHERE source=?", (doc.source,))
            for name, items in (rows or {}).items():
                self._db.execute("DELETE FROM doc_rows WHERE name=? AND doc_id=?", (name, doc.id))
                self._db.executemany(
                    "INSERT INTO doc_rows VALUES (?,?,?,?)",
                    [(name, doc.id, i, json.dumps(row, ensure_ascii=False)) for i, row in enumerate(items)],
                )
            self._db.executemany(
                "INSERT OR REPLACE INTO failures VALUES (?,?,?)",
                [(f.source, f.stage, f.error) for f in failures],
            )

    def add_source(self, path: str, doc_id: str) -> None:
        """Record that the file at ``path`` holds the stored document ``doc_id``."""
        with self._db:
            self._db.execute("INSERT OR REPLACE INTO sources VALUES (?,?)", (path, doc_id))

    def get(self, doc_id: str) -> Document:
        """Load a stored document with its pages and clauses.

        Raises:
            KeyError: no such document.
        """
        row = self._db.execute(
            "SELECT id, source, format, lang, metadata, text, warnings FROM documents WHERE id=?", (doc_id,)
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return self._document(row)

    def _document(self, row: tuple[Any, ...]) -> Document:
        doc_id, source, fmt, lang, metadata, text, warnings = row
        pages = [
            Page(number, ptext, start, end)
            for number, start, end, ptext in self._db.execute(
                'SELECT number, start, "end", text FROM pages WHERE doc_id=? ORDER BY number', (doc_id,)
            )
        ]
        clause_rows = self._db.execute(
            'SELECT id, label, level, number, title, start, "end", pages, parent FROM clauses '
            "WHERE doc_id=? ORDER BY seq",
            (doc_id,),
        ).fetchall()
        clauses = None
        if clause_rows:
            clauses = [
                Clause(
                    id=cid, label=label, level=level, number=number, title=title or "",
                    text=text[start:end], start=start, end=end, pages=json.loads(cpages), parent=parent,
                )
                for cid, label, level, number, title, start, end, cpages, parent in clause_rows
            ]
        return Document(
            id=doc_id,
            source=source,
            format=fmt,
            text=text,
            pages=pages,
            metadata=json.loads(metadata or "{}"),
            warnings=json.loads(warnings or "[]"),
            lang=lang or "zh",
            clauses=clauses,
        )

    def info(self, doc_id: str) -> dict[str, Any]:
        """A stored document's description without its text: for catalogues of large corpora.

        Returns:
            ``id``, ``source``, ``format``, ``lang``, ``metadata``, ``warnings``,
            ``chars`` (length of the text), ``pages`` and ``clauses`` (counts).

        Raises:
            KeyError: no such document.
        """
        row = self._db.execute(
            "SELECT source, format, lang, metadata, warnings, length(text) FROM documents WHERE id=?", (doc_id,)
        ).fetchone()
        if row is None:
            raise KeyError(doc_id)
        source, fmt, lang, metadata, warnings, chars = row
        pages = self._db.execute("SELECT COUNT(*) FROM pages WHERE doc_id=?", (doc_id,)).fetchone()[0]
        clauses = self._db.execute("SELECT COUNT(*) FROM clauses WHERE doc_id=?", (doc_id,)).fetchone()[0]
        return {
            "id": doc_id,
            "source": source,
            "format": fmt,
            "lang": lang or "zh",
            "metadata": json.loads(metadata or "{}"),
            "warnings": json.loads(warnings or "[]"),
            "chars": int(chars or 0),
            "pages": int(pages),
            "clauses": int(clauses),
        }

    def ids(self) -> list[str]:
        """The stored document ids, in the order they were first stored."""
        return [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY seq")]

    def iter_documents(self) -> Iterator[Document]:
        """Yield the stored documents one at a time, in the order they were first stored."""
        for doc_id in self.ids():
            yield self.get(doc_id)

    def doc_for_source(self, path: str) -> str | None:
        """The id of the document last read from ``path``, if any."""
        row = self._db.execute("SELECT doc_id FROM sources WHERE path=?", (path,)).fetchone()
        return row[0] if row else None

    # -- per-document rows ----------------------------------------------------------

    def doc_rows(self, name: str, doc_id: str) -> list[dict[str, Any]]:
        """The rows of per-document table ``name`` for one document, in the order written."""
        return [
            json.loads(r[0])
            for r in self._db.execute(
                "SELECT row FROM doc_rows WHERE name=? AND doc_id=? ORDER BY seq", (name, doc_id)
            )
        ]

    def iter_doc_rows(self, name: str, doc_ids: Iterable[str] | None = None) -> Iterator[dict[str, Any]]:
        """Yield the rows of per-document table ``name``, one document after another.

        Args:
            name: the table.
            doc_ids: the documents, in the order wanted; by default every stored
                document in the order it was first stored.
        """
        for doc_id in self.ids() if doc_ids is None else doc_ids:
            yield from self.doc_rows(name, doc_id)

    def doc_row_names(self) -> list[str]:
        """The names of the per-document tables that hold rows."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT name FROM doc_rows ORDER BY name")]

    def sources(self) -> dict[str, str]:
        """Every file path seen, with the id of the document it holds."""
        return dict(self._db.execute("SELECT path, doc_id FROM sources ORDER BY path").fetchall())

    # -- failures -----------------------------------------------------------------

    def record_failure(self, failure: Failure) -> None:
        """Record an input that failed at some stage (replacing an earlier record)."""
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO failures VALUES (?,?,?)", (failure.source, failure.stage, failure.error)
            )

    def clear_failures(self, source: str) -> None:
        """Forget the recorded failures of ``source`` (before it is tried again)."""
        with self._db:
            self._db.execute("DELETE FROM failures WHERE source=?", (source,))

    def failures(self) -> list[Failure]:
        """The recorded failures, sorted by source and stage."""
        return [
            Failure(source=s, error=e, stage=st)
            for s, st, e in self._db.execute("SELECT source, stage, error FROM failures ORDER BY source, stage")
        ]

    # -- analysis tables ----------------------------------------------------------

    def put_table(self, name: str, rows: Iterable[dict[str, Any]]) -> int:
        """Replace the analysis table ``name`` with ``rows``; return how many were written."""
        with self._db:
            self._db.execute("DELETE FROM results WHERE name=?", (name,))
            n = 0
            for n, row in enumerate(rows, 1):
                self._db.execute(
                    "INSERT INTO results VALUES (?,?,?)", (name, n, json.dumps(row, ensure_ascii=False))
                )
        return n

    def table(self, name: str) -> list[dict[str, Any]]:
        """Return the rows of analysis table ``name`` (empty when absent)."""
        return [
            json.loads(r[0]) for r in self._db.execute("SELECT row FROM results WHERE name=? ORDER BY seq", (name,))
        ]

    def tables(self) -> list[str]:
        """The names of the stored analysis tables."""
        return [r[0] for r in self._db.execute("SELECT DISTINCT name FROM results ORDER BY name")]
