"""``policytext extract``: clean text and 红头 metadata, one JSON object per input."""

from __future__ import annotations

import os
from typing import Any

import click

import policytext

from ._common import (
    Run,
    command,
    expand_inputs,
    format_option,
    input_paths,
    metadata_option,
    progress,
    quiet_option,
    read_file,
    read_options,
    resolve_format,
    write_records,
)

#: Inputs that hold several documents: never looked up in the workspace by their bytes.
_CONTAINERS = (".jsonl", ".db", ".sqlite", ".sqlite3")
TABLE_COLUMNS = ["source", "title", "doc_number", "date", "kind", "pages", "chars", "warnings"]


@click.command()
@input_paths
@format_option(["jsonl", "json", "csv", "table"], default_pipe="jsonl")
@read_options
@metadata_option
@click.option(
    "--store",
    type=click.Path(dir_okay=False, path_type=str),
    default=None,
    help="Also write documents into this SQLite workspace; files already in it are not read again.",
)
@quiet_option
@command
def extract(
    paths: tuple[str, ...],
    fmt: str | None,
    output: str | None,
    engine: str,
    password: str | None,
    ocr: str,
    metadata: str | None,
    store: str | None,
    quiet: bool,
) -> None:
    """Extract clean text and metadata from PDF, DOCX, HTML and TXT files.

    Running headers, footers and page numbers are removed, wrapped lines
    joined, and the 红头 read (issuer, 文号, date, title, kind). JSONL gives one
    object per input: {"id", "source", "format", "metadata", "pages", "text",
    "warnings"}; a file that fails gives {"source", "error"} and the exit
    status is 1.

    \b
    Examples:
      policytext extract notice.pdf
      policytext extract corpora/sample/documents --format jsonl -o docs.jsonl
      policytext extract scans/ --pdf-engine pdfium --store work.db
    """
    run = Run()
    fmt = resolve_format(fmt, output, "jsonl")
    table = policytext.load_metadata(metadata) if metadata else None
    workspace = policytext.Store(store) if store else None
    read_kw: dict[str, Any] = {"engine": engine, "password": password, "ocr": ocr}

    def records() -> Any:
        inputs = expand_inputs(paths)
        if store:  # a store inside a walked folder is the output, not an input
            inputs = [i for i in inputs if isinstance(i, policytext.Failure) or not _same_file(i, store)]
        for path in progress(inputs, quiet=quiet, label="extracting", length=len(inputs)):
            found = (
                [path]
                if isinstance(path, policytext.Failure)
                else _read(path, run, workspace, table, read_kw)
            )
            for item in found:
                if isinstance(item, policytext.Failure):
                    run.fail(item.source, item.error)
                    if workspace is not None:
                        workspace.record_failure(item)
                    yield {"source": item.source, "error": item.error}
                    continue
                if not quiet:
                    for warning in item.warnings:
                        run.warn(item.source, warning)
                yield item.to_dict() if fmt in ("json", "jsonl") else _summary(item)

    try:
        if fmt in ("json", "jsonl"):
            write_records(records(), fmt, output)
        else:
            write_records(
                records(), fmt, output, columns=TABLE_COLUMNS + ["error"], table_columns=TABLE_COLUMNS
            )
    finally:
        if workspace is not None:
            workspace.close()
    run.exit()


def _read(path: str, run: Run, workspace: Any, table: Any, read_kw: dict[str, Any]) -> Any:
    """Read one input file, or take it from the workspace when its bytes are already stored."""
    suffix = os.path.splitext(path)[1].lower()
    if workspace is not None and suffix not in _CONTAINERS:
        try:
            doc_id = policytext.file_id(path)
        except policytext.InputError as exc:
            yield policytext.Failure(source=path, error=exc.reason)
            return
        if workspace.has(doc_id):
            doc = workspace.get(doc_id)
            workspace.add_source(path, doc_id)
            if table is not None:
                table.apply(doc)
            yield doc
            return
    for item in read_file(path, run, metadata=table, **read_kw):
        if workspace is not None and isinstance(item, policytext.Document):
            workspace.put(item)
        yield item


def _same_file(a: str, b: str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _summary(doc: Any) -> dict[str, Any]:
    meta = doc.metadata
    return {
        "source": doc.source,
        "title": meta.get("title", ""),
        "doc_number": meta.get("doc_number", ""),
        "date": meta.get("date", ""),
        "kind": meta.get("kind", ""),
        "pages": len(doc.pages),
        "chars": len(doc.text),
        "warnings": len(doc.warnings),
    }
