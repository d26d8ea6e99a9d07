"""Inputs of every command: files, folders, JSONL from ``extract``, workspace stores.

A command line ``PATH`` may be a document (PDF, DOCX, HTML, TXT/MD), a folder
(walked, in sorted order, for those), a ``.jsonl`` written by ``policytext
extract``, a corpus made by another tool as JSONL, CSV or an Excel workbook (one
document a row, its text in a field such as ``content`` or ``Policy Content``, its
other fields taken as metadata; see :func:`text_field`), or a workspace store
(``.db``). :func:`iter_documents` turns any mix
of them into a stream of :class:`~policytext.model.Document` (or
:class:`~policytext.model.Failure` for the inputs that could not be read), one at
a time, so that no caller holds the corpus in memory.

A metadata CSV adds fields (year, level, region, kind ...) to documents. Its
``file`` column (or ``path``, or ``id``) names the document by file name, by
file name without suffix, by path, or by document id.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
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
#: Spreadsheets read as corpora, a document a row (never walked in folders: a metadata CSV is no corpus).
SHEET_SUFFIXES = (".csv", ".xlsx")
SUPPORTED_SUFFIXES = DOCUMENT_SUFFIXES + JSONL_SUFFIXES + SHEET_SUFFIXES + STORE_SUFFIXES
#: The most characters an Excel cell holds: a text of exactly this length was probably cut.
EXCEL_CELL_LIMIT = 32767


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
        paths: files, folders, ``.jsonl`` files (written by ``extract``, or a corpus a row per
            document with its text in one of :data:`TEXT_FIELDS`), or stores.
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
        elif suffix in SHEET_SUFFIXES:
            items = _iter_sheet(path)
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
            # a spreadsheet is a corpus only when named: a folder's metadata.csv is not read as one
            yield from expand_paths([raw], suffixes=DOCUMENT_SUFFIXES + JSONL_SUFFIXES + STORE_SUFFIXES)
        except InputError as exc:
            yield Failure(source=os.fspath(raw), error=exc.reason)


def _read_one(read: Any, path: Path, options: dict[str, Any]) -> Document | Failure:
    try:
        return read(path, **options)
    except InputError as exc:
        return Failure(source=os.fspath(path), error=exc.reason)
    except PolicytextError as exc:
        return Failure(source=os.fspath(path), error=str(exc))


#: Fields that hold a document's text in JSONL corpora made by other tools, in order of preference.
TEXT_FIELDS = ("text", "content", "content_zh", "body", "fulltext", "full_text", "正文", "内容")
#: Words in a field's name that say it holds the text (Policy Content, 政策全文), the title, the date.
_TEXT_WORDS = ("content", "text", "body", "正文", "全文", "内容")
_TITLE_WORDS = ("title", "标题", "名称", "题名")
_DATE_WORDS = ("date", "time", "日期", "时间")
#: A row with no text field named as such is read from its longest cell, if it is this long.
_LONG_TEXT = 200


def _key(name: Any) -> str:
    return re.sub(r"[\s_\-.]+", "", str(name)).lower()


def text_field(data: dict[str, Any]) -> str | None:
    """The field of a row that holds the document's text.

    A field named as in :data:`TEXT_FIELDS` comes first; then one whose name holds
    content, text, body, 正文, 全文 or 内容 (Policy Content), the longest; then the
    longest string of :data:`_LONG_TEXT` characters or more. None when there is none.
    """
    texts = {k: v for k, v in data.items() if isinstance(v, str) and v.strip()}
    exact = next((f for f in TEXT_FIELDS if f in texts), None)
    if exact is not None:
        return exact
    named = [k for k in texts if any(w in _key(k) for w in _TEXT_WORDS) and not any(w in _key(k) for w in _TITLE_WORDS)]
    if named:
        return max(named, key=lambda k: len(texts[k]))
    longest = max(texts, key=lambda k: len(texts[k]), default=None)
    return longest if longest is not None and len(texts[longest]) >= _LONG_TEXT else None


def _title_rank(name: Any) -> int:
    key = _key(name)
    if not any(w in key for w in _TITLE_WORDS):
        return 9
    return 2 if key.endswith(("en", "english")) else 1  # a Chinese title before an English one


def _is_date_field(name: Any) -> bool:
    key = _key(name)
    return key in {_key(f) for f in _DATE_FIELDS} or any(w in key for w in _DATE_WORDS)


#: Fields that date a document, read as its ``date`` when it has none (release_time of a scraped set).
_DATE_FIELDS = ("release_time", "publish_time", "publish_date", "pub_date", "issue_date", "发布日期", "发文日期", "成文日期")


def jsonl_rows(path: PathLike) -> Iterator[tuple[int, int, bytes]]:
    """(line number, byte offset, the line's bytes stripped) of each non-blank line of a JSONL file."""
    with open(path, "rb") as fh:
        offset = 0
        for lineno, line in enumerate(fh, 1):
            start, offset = offset, offset + len(line)
            line = line.strip()
            if line:
                yield lineno, start, line


def read_jsonl_row(line: bytes, where: str) -> Document | Failure:
    """The document of one JSONL line, or the failure that says why it is none.

    A line written by ``policytext extract`` is rebuilt as it was written; a row of
    a corpus made by another tool is read by :func:`_document_of_row`.
    """
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        return Failure(source=where, error=f"not valid JSON ({getattr(exc, 'msg', exc)})")
    if not isinstance(data, dict):
        return Failure(source=where, error="not a JSON object")
    if "error" in data and "text" not in data:
        return Failure(source=str(data.get("source", where)), error=str(data["error"]))
    if "text" in data and "id" in data:
        return Document.from_dict(data)
    return _document_of_row(data, where, row_id=hashlib.sha256(line).hexdigest()[:16])


def is_extract_output(line: bytes) -> bool:
    """True for a JSONL line written by ``policytext extract`` (a document with its id, or a failure)."""
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return isinstance(data, dict) and (("text" in data and "id" in data) or ("error" in data and "text" not in data))


def _iter_jsonl(path: Path) -> Iterator[Document | Failure]:
    try:
        for lineno, _, line in jsonl_rows(path):
            yield read_jsonl_row(line, f"{path}:{lineno}")
    except OSError as exc:
        yield Failure(source=os.fspath(path), error=exc.strerror or "cannot open the file")


def _document_of_row(data: dict[str, Any], where: str, *, row_id: str, cell_limit: int | None = None) -> Document | Failure:
    """A row of a JSONL corpus made by another tool: its text field read as a text file, its other fields as metadata.

    The document's id is ``row_id`` (the row's hash), so that a changed row is a new document.
    A text of exactly ``cell_limit`` characters (a spreadsheet's cell limit) gets a warning that it was
    probably cut.
    """
    from .ingest import read_bytes, sniff_format

    field = text_field(data)
    if field is None:
        present = ", ".join(sorted(map(str, data))) or "none"
        return Failure(
            source=where,
            error=f"no text in this row: expected a field named like {', '.join(TEXT_FIELDS)} (Policy Content, "
            f"正文 ...) or a text of {_LONG_TEXT} characters or more; its fields are: {present}",
        )
    raw = data[field].encode("utf-8")
    try:
        document = read_bytes(raw, source=where, format=sniff_format(raw, ".txt"))
    except PolicytextError as exc:
        return Failure(source=where, error=getattr(exc, "reason", str(exc)))
    fields = {k: v for k, v in data.items() if k != field and isinstance(v, (str, int, float, bool))}
    if not fields.get("title"):
        # Policy Title, 标题 name the document over the 红头's guess; title_en only when the 红头 gave none
        ranked = sorted((k for k in fields if _title_rank(k) < 9 and fields[k]), key=_title_rank)
        if ranked and (_title_rank(ranked[0]) == 1 or not document.metadata.get("title")):
            fields["title"] = str(fields[ranked[0]])
    if "date" not in fields:
        dated = next((fields[k] for k in fields if _is_date_field(k) and re.search(r"(?:19|20)\d{2}", str(fields[k]))), None)
        if dated is not None:
            fields["date"] = str(dated)
    document.metadata.update(fields)
    document.id = row_id
    if cell_limit is not None and len(data[field]) == cell_limit:
        document.warnings.append(
            f"the text fills an Excel cell ({cell_limit:,} characters): it was probably cut; "
            "read the full text from another export (JSONL, the documents themselves)"
        )
    return document


def sheet_rows(path: PathLike) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, the row by column name) of each non-empty row of a CSV or an XLSX workbook.

    The first row of a sheet names its columns. Every sheet of a workbook is read;
    ``where`` is the row number as a spreadsheet shows it (``5``), with the sheet's
    name when the workbook has several (``Shandong!5``).

    Raises:
        InputError: the file cannot be opened or read as a table.
    """
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        yield from _workbook_rows(path)
        return
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for number, row in enumerate(csv.DictReader(fh), 2):
                row = {k.strip(): v.strip() for k, v in row.items() if k is not None and v is not None and v.strip()}
                if row:
                    yield str(number), row
    except UnicodeDecodeError as exc:
        raise InputError(path, "not UTF-8 text: save the CSV as UTF-8") from exc
    except (OSError, csv.Error) as exc:
        raise InputError(path, f"not a readable CSV ({exc})") from exc


def _workbook_rows(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip, XML and format errors of a damaged workbook
        raise InputError(path, f"not a readable Excel workbook ({type(exc).__name__}: {exc})") from exc
    try:
        several = len(book.worksheets) > 1
        for sheet in book.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = [str(h).strip() if h is not None else f"column{i + 1}" for i, h in enumerate(next(rows, ()))]
            for number, values in enumerate(rows, 2):
                row = {k: (v.strip() if isinstance(v, str) else v) for k, v in zip(header, values) if v is not None and str(v).strip()}
                if row:
                    yield (f"{sheet.title}!{number}" if several else str(number)), row
    finally:
        book.close()


def sheet_row_hash(row: dict[str, Any]) -> str:
    """SHA-256 of a spreadsheet row (its cells by column name): the first 16 hex digits are its document id."""
    return hashlib.sha256(json.dumps(plain_cells(row), sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def plain_cells(row: dict[str, Any]) -> dict[str, Any]:
    """A spreadsheet row with its dates written as ISO text (as JSON and a worker can carry it)."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}  # dates in cells


def read_sheet_row(row: dict[str, Any], where: str) -> Document | Failure:
    """The document of one spreadsheet row (its text in a column of :data:`TEXT_FIELDS`)."""
    return _document_of_row(plain_cells(row), where, row_id=sheet_row_hash(row)[:16], cell_limit=EXCEL_CELL_LIMIT)


def _iter_sheet(path: Path) -> Iterator[Document | Failure]:
    try:
        for where, row in sheet_rows(path):
            yield read_sheet_row(row, f"{path}:{where}")
    except InputError as exc:
        yield Failure(source=os.fspath(path), error=exc.reason)


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
