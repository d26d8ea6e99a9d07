"""What a run has to do: the input files, their hashes, metadata rows and roles.

Inputs are expanded (folders walked in sorted order), hashed once (SHA-256:
the first 16 hex digits are the document id that :func:`policytext.read`
gives), matched to their metadata row, and given a task key: the hash of
everything that decides the document's own results (its bytes, its metadata
row, the read options, the version and the shipped lexicons). A stored
document whose key matches is not processed again.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from .._typing import PathLike
from ..corpus import (
    DOCUMENT_SUFFIXES,
    SHEET_SUFFIXES,
    MetadataTable,
    expand_paths,
    is_extract_output,
    jsonl_rows,
    plain_cells,
    sheet_row_hash,
    sheet_rows,
)
from ..errors import InputError
from ..model import Document, Failure
from ._options import RunOptions

__all__ = ["InputFile", "scan_inputs", "ROLES", "resource_hashes"]

#: The roles a document plays in a run (the ``role`` column of the metadata CSV).
ROLES = ("national", "local", "template", "charter", "other")


@dataclass
class InputFile:
    """One input file of a run.

    Attributes:
        source: the path as the user gave it (after expanding folders); ``FILE:LINE`` for a row
            of a JSONL corpus, ``FILE:ROW`` or ``FILE:SHEET!ROW`` for a row of a spreadsheet.
        path: the absolute path (what workers open).
        sha256: hex SHA-256 of the bytes (of a JSONL row's line, of a spreadsheet row's cells).
        size: bytes.
        metadata: the file's row of the metadata CSV (empty when none).
        role: the role given on the command line (``--national``, ``--template``), if any.
        key: the task key (see the module docstring).
    """

    source: str
    path: str
    sha256: str
    size: int
    metadata: dict[str, str] = field(default_factory=dict)
    role: str | None = None
    key: str = ""
    row: tuple[int, int] | None = None  # (line number, byte offset) of a row of a JSONL corpus
    cells: dict[str, Any] | None = None  # a row of a spreadsheet corpus, by column name

    @property
    def id(self) -> str:
        """The document id: the first 16 hex digits of the SHA-256 (as :func:`policytext.file_id`)."""
        return self.sha256[:16]

    def task(self, options: RunOptions) -> dict[str, Any]:
        """The plain-data task a worker receives."""
        per_doc = options.per_document()
        return {
            "path": self.path,
            "source": self.source,
            "id": self.id,
            "key": self.key,
            "metadata": dict(self.metadata),
            "read": {name: per_doc[name] for name in ("engine", "password", "ocr")},
            "skip": per_doc["skip"],
            "row": list(self.row) if self.row else None,
            "cells": self.cells,
        }


def _sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot open the file") from exc
    return digest.hexdigest(), size


def resource_hashes() -> dict[str, str]:
    """SHA-256 of every shipped dictionary, lexicon, stopword list and checklist (by path under models/)."""
    from .._resources import file_sha256, models_dir

    root = models_dir()
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*"), key=lambda p: p.as_posix()):
        if not path.is_file() or "__pycache__" in path.parts or path.name.startswith("."):
            continue
        if path.suffix.lower() not in (".txt", ".yaml", ".yml", ".json", ".csv", ".tsv"):
            continue
        out[path.relative_to(root).as_posix()] = file_sha256(path)
    return out


def scan_inputs(
    inputs: list[str], options: RunOptions, metadata: MetadataTable | None, resources: dict[str, str]
) -> tuple[list[InputFile], list[Failure]]:
    """Expand, hash and key the inputs of a run.

    Files named by ``--national`` and ``--template`` are inputs too (added when
    not among the others) and take that role.

    Returns:
        The files in input order (each folder sorted), duplicates of a path
        removed; and the failures (missing paths, unreadable files).
    """
    failures: list[Failure] = []
    roles: dict[str, str] = {}
    extra: list[str] = []
    for role, paths in (("national", options.national), ("template", (options.template,) if options.template else ())):
        for raw in paths:
            for p in _expand(raw, failures):
                roles[_resolved(p)] = role
                extra.append(os.fspath(p))
    files: list[InputFile] = []
    seen: set[str] = set()
    resources_digest = hashlib.sha256(json.dumps(resources, sort_keys=True).encode()).hexdigest()
    per_doc = json.dumps(options.per_document(), sort_keys=True, default=str)
    for raw in list(inputs) + extra:
        for p in _expand(raw, failures):
            resolved = _resolved(p)
            if resolved in seen:
                continue
            seen.add(resolved)
            source = os.fspath(p)
            if p.suffix.lower() in (".db", ".sqlite", ".sqlite3"):
                failures.append(
                    Failure(
                        source=source,
                        error="policytext run reads documents (PDF, DOCX, HTML, TXT/MD, or a JSONL, CSV or XLSX corpus "
                        "a row per document), not stores; give it the documents themselves",
                        stage="extract",
                    )
                )
                continue
            if p.suffix.lower() == ".jsonl":
                files.extend(_jsonl_inputs(p, resolved, roles.get(resolved), metadata, failures))
                continue
            if p.suffix.lower() in SHEET_SUFFIXES:
                files.extend(_sheet_inputs(p, resolved, roles.get(resolved), metadata, failures))
                continue
            try:
                sha, size = _sha256(p)
            except InputError as exc:
                failures.append(Failure(source=source, error=exc.reason, stage="extract"))
                continue
            files.append(_input(source, resolved, sha, size, roles.get(resolved), metadata))
    for item in files:
        row = item.metadata
        item.key = hashlib.sha256(
            "\x00".join([item.sha256, json.dumps(row, sort_keys=True, ensure_ascii=False), per_doc, __version__, resources_digest]).encode()
        ).hexdigest()[:32]
    return files, failures


def _input(source: str, path: str, sha: str, size: int, role: str | None, metadata: MetadataTable | None,
           row: tuple[int, int] | None = None) -> InputFile:  # fmt: skip
    return InputFile(source=source, path=path, sha256=sha, size=size, metadata=_metadata_row(metadata, source, sha[:16]),
                     role=role, row=row)  # fmt: skip


def _jsonl_inputs(
    path: Path, resolved: str, role: str | None, metadata: MetadataTable | None, failures: list[Failure]
) -> list[InputFile]:
    """A JSONL corpus: one input a row, hashed by its line (a changed row is a new document)."""
    out: list[InputFile] = []
    try:
        for lineno, offset, line in jsonl_rows(path):
            source = f"{os.fspath(path)}:{lineno}"
            if is_extract_output(line):
                failures.append(Failure(source=source, stage="extract",
                                        error="a document written by 'policytext extract': policytext run reads the "
                                        "documents themselves, or a JSONL corpus whose rows hold a text field"))  # fmt: skip
                continue
            sha = hashlib.sha256(line).hexdigest()
            out.append(_input(source, resolved, sha, len(line), role, metadata, row=(lineno, offset)))
    except OSError as exc:
        failures.append(Failure(source=os.fspath(path), error=exc.strerror or "cannot open the file", stage="extract"))
    return out


def _sheet_inputs(
    path: Path, resolved: str, role: str | None, metadata: MetadataTable | None, failures: list[Failure]
) -> list[InputFile]:
    """A spreadsheet corpus (CSV, XLSX): one input a row, hashed by its cells."""
    out: list[InputFile] = []
    try:
        for where, cells in sheet_rows(path):
            sha = sheet_row_hash(cells)
            item = _input(f"{os.fspath(path)}:{where}", resolved, sha, len(json.dumps(cells, default=str)), role, metadata)
            item.cells = plain_cells(cells)
            out.append(item)
    except InputError as exc:
        failures.append(Failure(source=os.fspath(path), error=exc.reason, stage="extract"))
    return out


def _expand(raw: PathLike, failures: list[Failure]) -> list[Path]:
    """The document files of one input (a file, or a folder walked); a bad input is recorded."""
    try:
        return expand_paths([raw], suffixes=DOCUMENT_SUFFIXES)  # a JSONL or spreadsheet named on the command line is kept
    except InputError as exc:
        failures.append(Failure(source=os.fspath(raw), error=exc.reason, stage="extract"))
        return []


def _resolved(path: Path) -> str:
    return os.fspath(Path(path).resolve())


def _metadata_row(table: MetadataTable | None, source: str, doc_id: str) -> dict[str, str]:
    if table is None:
        return {}
    probe = Document(id=doc_id, source=source, format="", text="")
    return {k: v for k, v in table.lookup(probe).items() if v is not None}
