"""Inputs of every command: files, folders, JSONL from ``extract``, workspace stores.

A command line ``PATH`` may be a document (PDF, DOCX, HTML, TXT/MD), a folder
(walked, in sorted order, for those), a ``.jsonl`` written by ``policytext
extract``, or a workspace store (``.db``). :func:`iter_documents` turns any mix
of them into a stream of :class:`~policytext.model.Document` (or
:class:`~policytext.model.Failure` for the inputs that could not be read), one at
a time, so that no caller holds the corpus in memory.

A metadata CSV adds fields (year, level, region, kind ...) to documents. Its
``file`` column (or ``path``, or ``id``) names the document by file name, by
file name without suffix, by path, or by document id.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ._typing import PathLike
from .errors import ConfigError, InputError, PolicytextError, UnsupportedFormatError
from .model import Document, Failure

__all__ = ["SUPPORTED_SUFFIXES", "expand_paths", "iter_documents", "load_metadata", "MetadataTable"]

#: File suffixes read as documents when a folder is walked.
DOCUMENT_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")
#: Suffixes of policytext's own outputs that are inputs too.
STORE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = DOCUMENT_SUFFIXES + JSONL_SUFFIXES + STORE_SUFFIXES


def expand_paths(paths: Iterable[PathLike], *, suffixes: Iterable[str] = DOCUMENT_SUFFIXES) -> list[Path]:
    """Expand files and folders into a sorted list of input files.

    Folders are walked recursively; hidden files and folders are skipped, and
    so are files whose suffix is not in ``suffixes``. Files named explicitly are
    kept whatever their suffix (the reader then says what is wrong with them).

    Raises:
        InputError: a path does not exist.
    """
    wanted = {s.lower() for s in suffixes}
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    if name.startswith(".") or Path(name).suffix.lower() not in wanted:
                        continue
                    found.append(Path(root) / name)
            out.extend(sorted(found, key=lambda p: p.as_posix()))
        elif path.exists():
            out.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return out


class MetadataTable:
    """Rows of a metadata CSV, looked up by file name, stem, path or id."""

    def __init__(self, rows: list[dict[str, str]], *, source: str = "") -> None:
        self.rows = rows
        self.source = source
        self._index: dict[str, dict[str, str]] = {}
        for row in rows:
            for key in ("file", "path", "id", "source"):
                value = (row.get(key) or "").strip()
                if not value:
                    continue
                norm = value.replace("\\", "/")
                for k in {norm, norm.rsplit("/", 1)[-1], Path(norm).stem}:
                    self._index.setdefault(k, row)

    def lookup(self, doc: Document) -> dict[str, str]:
        """Return the metadata row that names ``doc`` (empty when none does)."""
        source = doc.source.replace("\\", "/")
        for key in (source, source.rsplit("/", 1)[-1], Path(source).stem, doc.id):
            row = self._index.get(key)
            if row is not None:
                return row
        return {}

    def apply(self, doc: Document) -> Document:
        """Merge the row for ``doc`` into its metadata; the CSV wins over the 红头.

        Every column but ``file``/``path``/``source`` is copied; a CSV ``id``
        becomes ``metadata["id"]``, the user's own name for the document
        (``Document.id`` stays the content hash).
        """
        row = self.lookup(doc)
        for key, value in row.items():
            if key in ("file", "path", "source") or value is None or value == "":
                continue
            doc.metadata[key] = _coerce(value)
        return doc


def _coerce(value: str) -> Any:
    value = value.strip()
    if value.isdigit() and len(value) <= 9:
        return int(value)
    return value


def load_metadata(path: PathLike) -> MetadataTable:
    """Read a metadata CSV (UTF-8, with or without BOM).

    Raises:
        ConfigError: the file is missing, or has no ``file``, ``path`` or ``id`` column.
    """
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = reader.fieldnames or []
            rows = [dict(r) for r in reader]
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the metadata CSV ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: the metadata CSV is not UTF-8; save it as UTF-8") from exc
    if not {"file", "path", "id"} & set(fields):
        raise ConfigError(
            f"{path}: the metadata CSV needs a 'file' column (or 'path' or 'id') naming each "
            f"document; its columns are: {', '.join(fields) or 'none'}"
        )
    return MetadataTable(rows, source=os.fspath(path))


def iter_documents(
    paths: Iterable[PathLike],
    *,
    metadata: MetadataTable | PathLike | None = None,
    **read_options: Any,
) -> Iterator[Document | Failure]:
    """Yield the documents named by ``paths``, one at a time, in a stable order.

    Args:
        paths: files, folders, ``.jsonl`` files written by ``extract``, or stores.
        metadata: a metadata CSV (path or loaded table) merged into each document.
        **read_options: passed to :func:`policytext.read` (``engine``, ``password`` ...).

    Yields:
        A :class:`Document` for each input read, a :class:`Failure` for each that
        could not be; the stream goes on after a failure.
    """
    from .ingest import read

    table = metadata if isinstance(metadata, MetadataTable) or metadata is None else load_metadata(metadata)
    for path in _expand_each(paths):
        if isinstance(path, Failure):
            yield path
            continue
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            items: Iterable[Document | Failure] = _iter_jsonl(path)
        elif suffix in STORE_SUFFIXES:
            items = _iter_store(path)
        else:
            items = [_read_one(read, path, read_options)]
        for item in items:
            if isinstance(item, Document) and table is not None:
                table.apply(item)
            yield item


def _expand_each(paths: Iterable[PathLike]) -> Iterator[Path | Failure]:
    """Expand paths one by one, so that a missing path is a failure, not the end of the run."""
    for raw in paths:
        try:
            yield from expand_paths([raw], suffixes=SUPPORTED_SUFFIXES)
        except InputError as exc:
            yield Failure(source=os.fspath(raw), error=exc.reason)


def _read_one(read: Any, path: Path, options: dict[str, Any]) -> Document | Failure:
    try:
        return read(path, **options)
    except InputError as exc:
        return Failure(source=os.fspath(path), error=exc.reason)
    except PolicytextError as exc:
        return Failure(source=os.fspath(path), error=str(exc))


def _iter_jsonl(path: Path) -> Iterator[Document | Failure]:
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Failure(source=f"{path}:{lineno}", error=f"not valid JSON ({exc.msg})")
                continue
            if not isinstance(data, dict):
                yield Failure(source=f"{path}:{lineno}", error="not a JSON object")
            elif "error" in data and "text" not in data:
                yield Failure(source=str(data.get("source", f"{path}:{lineno}")), error=str(data["error"]))
            elif "text" in data and "id" in data:
                yield Document.from_dict(data)
            else:
                yield Failure(
                    source=f"{path}:{lineno}",
                    error="not a document written by 'policytext extract' (needs 'id' and 'text')",
                )


def _iter_store(path: Path) -> Iterator[Document | Failure]:
    from .store import Store

    try:
        store = Store(path, create=False)
    except PolicytextError as exc:
        yield Failure(source=os.fspath(path), error=str(exc))
        return
    with store:
        yield from store.iter_documents()


def check_readable(path: Path) -> None:
    """Raise :class:`UnsupportedFormatError` when ``path``'s suffix is not read."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(
            path,
            f"unsupported file type {path.suffix or '(none)'!r}; policytext reads "
            + ", ".join(SUPPORTED_SUFFIXES),
        )
