"""The data model: plain dataclasses that every stage reads and writes.

A :class:`Document` comes out of :func:`policytext.read`; :func:`policytext.parse`
fills its ``clauses``; the analyses produce rows (:class:`Sentence`,
:class:`Target`, :class:`Obligation`, :class:`Alignment`, :class:`Change`) that
all point back to their evidence: document id, clause id, page and character
span in ``Document.text``. A scholar must be able to cite every row.

Each class turns into a JSON-ready dict with :meth:`to_dict`; a
:class:`Document` comes back from one with :meth:`Document.from_dict`.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Page",
    "Clause",
    "Document",
    "Sentence",
    "Target",
    "Obligation",
    "Alignment",
    "Change",
    "Failure",
]


class _Row:
    """Mixin: a JSON-ready dict of the fields, in declaration order."""

    def to_dict(self) -> dict[str, Any]:
        """Return the fields as a plain dict (nested dataclasses become dicts)."""
        return dataclasses.asdict(self)  # type: ignore[call-overload]


@dataclass
class Page(_Row):
    """One page of a document, after cleaning.

    Attributes:
        number: 1-based page number in file order (not the printed folio).
        text: the page's clean text; equal to ``document.text[start:end]``.
        start: offset of the page's first character in ``Document.text``.
        end: offset one past the page's last character in ``Document.text``.
    """

    number: int
    text: str
    start: int = 0
    end: int = 0


@dataclass
class Clause(_Row):
    """A node of the clause tree (章/节/条/款/项, 一、（一）1., Article 1 ...).

    Attributes:
        id: stable identifier, the same for the same text on every run.
        label: the number as printed: ``第十二条``, ``（三）``, ``Article 5``.
        level: ``part``, ``chapter``, ``section``, ``article``, ``paragraph``,
            ``item``, ``subitem``; or ``preamble`` / ``closing`` for the text
            before the first and after the last numbered node.
        number: the label's number as an int (Chinese numerals converted), or None.
        title: a heading's title (``总则``), empty for clauses without one.
        text: the clause's own text, including its children's text.
        start: offset in ``Document.text``.
        end: offset one past the end in ``Document.text``.
        pages: the page numbers the clause spans.
        parent: the id of the enclosing clause, or None at top level.
    """

    id: str
    label: str
    level: str
    number: int | None
    title: str
    text: str
    start: int
    end: int
    pages: list[int] = field(default_factory=list)
    parent: str | None = None


@dataclass
class Document(_Row):
    """A document as read from one file.

    Attributes:
        id: content hash of the file's bytes (hex, 16 characters): the same
            file gives the same id wherever it lies.
        source: the path the document was read from, as given.
        format: ``pdf``, ``docx``, ``html``, ``txt``, ``md``.
        text: the clean body: running headers, footers and page numbers
            removed, wrapped lines joined, one paragraph or heading per line.
        pages: the pages, each with its span in ``text``.
        metadata: what was read from the 红头 and the metadata CSV: ``title``,
            ``issuer``, ``doc_number``, ``date`` (ISO), ``kind``, ``addressee``,
            ``year``, ``level``, ``region``, ... Missing keys are absent.
        warnings: problems that did not stop reading (image-only pages, ...).
        lang: ``zh`` or ``en``: the main language of ``text``.
        clauses: the clause tree, flat in document order, once parsed.
    """

    id: str
    source: str
    format: str
    text: str
    pages: list[Page] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    lang: str = "zh"
    clauses: list[Clause] | None = None

    @property
    def title(self) -> str:
        """The title from the metadata, else the file name."""
        title = self.metadata.get("title")
        if title:
            return str(title)
        return self.source.replace("\\", "/").rsplit("/", 1)[-1]

    def page_at(self, offset: int) -> int | None:
        """Return the number of the page that holds character ``offset``."""
        if not self.pages:
            return None
        starts = [p.start for p in self.pages]
        i = bisect.bisect_right(starts, offset) - 1
        return self.pages[max(i, 0)].number

    def pages_between(self, start: int, end: int) -> list[int]:
        """Return the numbers of the pages that the span ``[start, end)`` touches."""
        if end <= start:
            page = self.page_at(start)
            return [] if page is None else [page]
        return [p.number for p in self.pages if p.start < end and p.end > start]

    def to_dict(self, *, clauses: bool = False) -> dict[str, Any]:
        """Return the JSON object that ``policytext extract`` writes.

        Args:
            clauses: include the clause tree (when parsed).
        """
        out: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "format": self.format,
            "lang": self.lang,
            "metadata": dict(self.metadata),
            "pages": [{"number": p.number, "text": p.text, "start": p.start, "end": p.end} for p in self.pages],
            "text": self.text,
            "warnings": list(self.warnings),
        }
        if clauses and self.clauses is not None:
            out["clauses"] = [c.to_dict() for c in self.clauses]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from the object ``to_dict`` wrote."""
        text = data["text"]
        pages = []
        for p in data.get("pages") or []:
            pages.append(Page(int(p["number"]), p["text"], int(p.get("start", 0)), int(p.get("end", 0))))
        clauses = None
        if data.get("clauses") is not None:
            clauses = [Clause(**c) for c in data["clauses"]]
        return cls(
            id=data["id"],
            source=data.get("source", ""),
            format=data.get("format", "txt"),
            text=text,
            pages=pages,
            metadata=dict(data.get("metadata") or {}),
            warnings=list(data.get("warnings") or []),
            lang=data.get("lang", "zh"),
            clauses=clauses,
        )


@dataclass
class Sentence(_Row):
    """A sentence with its place in the document and, when segmented, its tokens."""

    doc: str
    clause: str | None
    index: int
    start: int
    end: int
    text: str
    page: int | None = None
    tokens: list[str] | None = None
    tags: list[str] | None = None  # part-of-speech tags, parallel to tokens (Segmenter(pos=True))


@dataclass
class Target(_Row):
    """A goal or quantitative target stated in a document (到2025年…达到150家左右)."""

    doc: str
    clause: str | None
    sentence: str
    start: int
    end: int
    indicator: str
    value: float | None
    unit: str
    year: int | None
    direction: str  # increase / decrease / level / build
    qualifier: str = ""  # 以上 / 左右 / 不低于 / 力争 ...
    raw: str = ""  # the value as written: 百分之三十, 1.5万 ...
    page: int | None = None


@dataclass
class Obligation(_Row):
    """A deontic sentence: who must (not) or may do what, by when."""

    doc: str
    clause: str | None
    sentence: str
    start: int
    end: int
    modality: str  # obligation / prohibition / permission / encouragement / none
    actor: str = ""
    actor_type: str = ""
    action: str = ""
    deadline: str = ""
    cue: str = ""
    page: int | None = None
    clause_label: str = ""  # the clause's printed numbers for citing: 第九条（三）, 二、（一）


@dataclass
class Alignment(_Row):
    """A local clause aligned to the national clause it takes up (or to none)."""

    local_doc: str
    local_clause: str
    national_doc: str | None
    national_clause: str | None
    score: float
    relation: str  # restates / specifies / adds / procedural
    local_clause_id: str = ""
    national_clause_id: str | None = None


@dataclass
class Change(_Row):
    """One step of a charter-against-template comparison."""

    status: str  # unchanged / modified / added / removed / moved
    template_clause: str | None
    charter_clause: str | None
    similarity: float
    flags: list[str] = field(default_factory=list)
    template_clause_id: str | None = None
    charter_clause_id: str | None = None
    template_text: str = ""
    charter_text: str = ""
    details: list[str] = field(default_factory=list)  # e.g. "weakened: 应当→可以" (policytext.diff)


@dataclass
class Failure(_Row):
    """An input that could not be processed, kept so the batch can go on."""

    source: str
    error: str
    stage: str = "extract"
