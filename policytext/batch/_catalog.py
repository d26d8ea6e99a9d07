"""The documents of a run as the corpus-level analyses see them: stable order, roles, labels.

The catalogue holds one small entry per document (no text). Documents are
ordered by source path, never by the order workers finished, so that every
corpus-level analysis sees the same sequence on every run: a resumed run, a
parallel run and a Dask run give the same tables.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document
from ..store import Store
from ._plan import ROLES, InputFile

__all__ = ["Catalog", "Entry"]

_META_FIELDS = ("title", "issuer", "level", "region", "kind", "doc_number", "date")


@dataclass
class Entry:
    """One document of the run (no text).

    Attributes:
        doc: the document id (content hash).
        source: the first path (in sorted order) the document was read from.
        sources: every path that holds these bytes.
        label: a short stable name: the metadata ``id`` (or ``label``), else the file stem.
        role: ``national``, ``local``, ``template``, ``charter`` or ``other``.
        parent: the label of the document it is compared with, if given.
        year: from the metadata, else the date, else a year standing alone in the file name.
        info: what :meth:`Store.info` says (format, lang, pages, chars, clauses, metadata, warnings).
        summary: the worker's summary row (sentences).
    """

    doc: str
    source: str
    sources: list[str]
    label: str
    role: str
    parent: str
    year: int | None
    info: dict[str, Any]
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def metadata(self) -> dict[str, Any]:
        """The stored metadata (CSV row merged over the 红头)."""
        return self.info["metadata"]

    @property
    def title(self) -> str:
        """The title, else the file name."""
        return str(self.metadata.get("title") or Path(self.source).name)

    def row(self) -> dict[str, Any]:
        """The entry as a row of the ``documents`` table."""
        meta = self.metadata
        out: dict[str, Any] = {"doc": self.doc, "label": self.label, "source": self.source, "title": self.title,
                               "role": self.role, "parent": self.parent, "year": self.year}  # fmt: skip
        for key in _META_FIELDS[1:]:
            out[key] = _text(meta.get(key))
        out.update(
            format=self.info["format"],
            lang=self.info["lang"],
            pages=self.info["pages"],
            chars=self.info["chars"],
            clauses=self.info["clauses"],
            sentences=self.summary.get("sentences"),
            warnings=len(self.info["warnings"]),
            also_at=";".join(self.sources[1:]),
        )
        return out


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _year(meta: dict[str, Any], source: str) -> int | None:
    value = meta.get("year")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    date = str(meta.get("date") or "")
    m = re.match(r"(1[89]\d\d|20\d\d)", date)
    if m:
        return int(m.group(1))
    from ..topics import filename_year

    return filename_year(source)


class Catalog:
    """The run's documents, in stable order, with their roles.

    Args:
        store: the workspace store.
        files: the run's input files (whose documents are in the store).
        national_given: ``--national`` was given (documents without a role become local).
        template_given: ``--template`` was given (documents without a role become charters
            when no national document was given).
    """

    def __init__(self, store: Store, files: Iterable[InputFile], *, national_given: bool, template_given: bool) -> None:
        self.store = store
        by_doc: dict[str, list[InputFile]] = {}
        for f in files:
            if store.has(f.id):
                by_doc.setdefault(f.id, []).append(f)
        entries: list[Entry] = []
        for doc_id, group in by_doc.items():
            group.sort(key=lambda f: _posix(f.source))
            info = store.info(doc_id)
            summary = (store.doc_rows("summary", doc_id) or [{}])[0]
            meta = info["metadata"]
            role = next((f.role for f in group if f.role), None) or str(meta.get("role") or "").strip().lower()
            if role not in ROLES:
                role = ""
            if not role:
                if national_given:
                    role = "local"
                elif template_given:
                    role = "charter"
                else:
                    role = "other"
            label = str(meta.get("label") or meta.get("id") or Path(group[0].source).stem)
            entries.append(
                Entry(
                    doc=doc_id,
                    source=group[0].source,
                    sources=[f.source for f in group],
                    label=label,
                    role=role,
                    parent=str(meta.get("parent") or "").strip(),
                    year=_year(meta, group[0].source),
                    info=info,
                    summary=summary,
                )
            )
        entries.sort(key=lambda e: (_posix(e.source), e.doc))
        seen: dict[str, int] = {}
        for e in entries:  # labels name documents in tables and charts: keep them unique
            n = seen.get(e.label, 0) + 1
            seen[e.label] = n
            if n > 1:
                e.label = f"{e.label}#{n}"
        self.entries = entries
        self.by_id = {e.doc: e for e in entries}
        self.by_label = {e.label: e for e in entries}

    def __len__(self) -> int:
        return len(self.entries)

    def ids(self, role: str | None = None) -> list[str]:
        """Document ids in catalogue order, optionally of one role."""
        return [e.doc for e in self.entries if role is None or e.role == role]

    def with_role(self, role: str) -> list[Entry]:
        """The entries of one role, in catalogue order."""
        return [e for e in self.entries if e.role == role]

    def labels(self) -> dict[str, str]:
        """doc id -> label."""
        return {e.doc: e.label for e in self.entries}

    def values(self, field_name: str) -> list[Any]:
        """The distinct values of a metadata field (``year`` and ``role`` included), sorted."""
        out = set()
        for e in self.entries:
            value = e.year if field_name == "year" else e.role if field_name == "role" else e.metadata.get(field_name)
            if value is not None and str(value).strip():
                out.add(value)
        return sorted(out, key=lambda v: (not isinstance(v, (int, float)), v if isinstance(v, (int, float)) else 0, str(v)))

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Load documents from the store one at a time (catalogue order by default), metadata enriched."""
        for doc_id in self.ids() if ids is None else ids:
            doc = self.store.get(doc_id)
            entry = self.by_id.get(doc_id)
            if entry is not None:
                doc.source = entry.source
                doc.metadata["role"] = entry.role
                doc.metadata.setdefault("label", entry.label)
                if entry.year is not None:
                    doc.metadata.setdefault("year", entry.year)
            yield doc

    def parent_of(self, entry: Entry, role: str) -> list[Entry]:
        """The documents of ``role`` that ``entry`` is compared with: its parent, else all of them."""
        candidates = self.with_role(role)
        if entry.parent:
            named = [c for c in candidates if c.label == entry.parent or c.metadata.get("id") == entry.parent]
            if named:
                return named
        return candidates


def _posix(path: str) -> str:
    return path.replace("\\", "/")
