"""The per-document work of a run: one file in, plain serialisable results out.

:func:`process_task` runs in a worker process (a local pool or a Dask worker),
so it takes and returns only dicts, lists, strings and numbers. It never
touches the store: the main process writes each document with its rows in one
transaction, which is what makes a run resumable after a crash.
"""

from __future__ import annotations

import traceback
from typing import Any

from ..errors import InputError, PolicytextError
from ..model import Document, Failure

__all__ = ["process_task", "document_from_result", "DOCUMENT_TABLES"]

#: The per-document tables a worker returns (stored with the document).
DOCUMENT_TABLES = ("summary", "obligations", "targets")


def process_task(task: dict[str, Any]) -> dict[str, Any]:
    """Read one file and run the per-document stages on it.

    Args:
        task: ``path`` (the file to open), ``source`` (the path as the user
            gave it, kept in the document), ``id`` (content hash), ``key`` (the
            task key stored with the results), ``metadata`` (the metadata CSV
            row), ``read`` (options of :func:`policytext.read`) and ``skip``
            (per-document stages to leave out).

    Returns:
        ``source``, ``id``, ``key``, ``document`` (``Document.to_dict`` with
        clauses, or None when the file could not be read), ``rows`` (table
        name -> rows) and ``failures`` (``stage``, ``error``, and ``trace`` for
        an internal error rather than a bad file). A stage that fails
        is recorded and the later stages still run.
    """
    source = task["source"]
    out: dict[str, Any] = {"source": source, "id": task.get("id"), "key": task.get("key"), "document": None,
                           "rows": {}, "failures": []}
    skip = set(task.get("skip") or ())

    def failed(stage: str, exc: BaseException) -> None:
        if isinstance(exc, InputError):
            reason = exc.reason
        elif isinstance(exc, PolicytextError):
            reason = str(exc)
        else:
            reason = f"internal error: {type(exc).__name__}: {exc}"
        entry = {"stage": stage, "error": reason}
        if not isinstance(exc, PolicytextError):  # a bug: the traceback, for `run --debug`
            entry["trace"] = "".join(traceback.format_exception(exc))
        out["failures"].append(entry)

    from ..corpus import MetadataTable
    from ..ingest import read

    try:
        if task.get("cells") is not None or task.get("row"):
            doc = _read_corpus_row(task, source)
        else:
            doc = read(task["path"], **(task.get("read") or {}))
    except Exception as exc:  # noqa: BLE001 - a bad file is recorded, never the end of the run
        failed("extract", exc)
        return out
    doc.source = source
    if task.get("metadata"):
        MetadataTable([task["metadata"]]).apply(doc)

    summary: dict[str, Any] = {"key": task.get("key"), "sentences": None}
    try:
        from ..structure import parse

        parse(doc)
    except Exception as exc:  # noqa: BLE001
        failed("structure", exc)
        doc.clauses = []
    labels = _clause_labels(doc)

    if "segment" not in skip:
        try:
            from ..segment import sentences

            summary["sentences"] = len(sentences(doc))
        except Exception as exc:  # noqa: BLE001
            failed("segment", exc)
    if "obligations" not in skip:
        try:
            from ..obligations import extract_obligations

            out["rows"]["obligations"] = [o.to_dict() for o in extract_obligations(doc)]
        except Exception as exc:  # noqa: BLE001
            failed("obligations", exc)
    if "targets" not in skip:
        try:
            from ..compare import extract_targets

            rows = []
            for t in extract_targets(doc):
                row = t.to_dict()
                row["clause_label"] = labels.get(t.clause or "", "")
                rows.append(row)
            out["rows"]["targets"] = rows
        except Exception as exc:  # noqa: BLE001
            failed("targets", exc)
    out["rows"]["summary"] = [summary]
    data = doc.to_dict(clauses=True)
    for clause in data.get("clauses") or []:
        clause["text"] = ""  # a span of the document's text: rebuilt by the receiver, not sent twice
    out["document"] = data
    return out


def document_from_result(data: dict[str, Any]) -> Any:
    """Rebuild the :class:`Document` a worker sent (clause texts restored from their spans)."""
    from ..model import Document

    doc = Document.from_dict(data)
    for clause in doc.clauses or []:
        clause.text = doc.text[clause.start : clause.end]
    return doc


def _read_corpus_row(task: dict[str, Any], source: str) -> Document:
    """The document of one row of a corpus: a spreadsheet row's cells, or a JSONL line at its byte offset."""
    from ..corpus import read_jsonl_row, read_sheet_row

    if task.get("cells") is not None:
        item = read_sheet_row(task["cells"], source)
    else:
        with open(task["path"], "rb") as fh:
            fh.seek(task["row"][1])
            item = read_jsonl_row(fh.readline().strip(), source)
    if isinstance(item, Failure):
        raise InputError(source, item.error)
    return item


def _clause_labels(doc: Any) -> dict[str, str]:
    """Each clause id with its citation (printed labels from the top of the tree down)."""
    from ..explore._tokens import clause_labels

    return clause_labels(doc)
