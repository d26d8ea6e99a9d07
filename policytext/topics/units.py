"""Units of analysis for topic models: documents, paragraphs, sentences or clauses.

A topic model counts words in *units*. Policy documents are long and mix many
subjects, so a paragraph (or a leaf clause: an article, an item) is usually the
better unit; the document is kept as a choice for comparison with older work.
Every unit keeps its citation: document id, source, clause, page and the span
of its text in ``Document.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UnknownStrategyError
from ..model import Document

__all__ = ["TopicUnit", "UNIT_KINDS", "topic_units", "remove_boilerplate", "paragraph_spans", "filename_year"]

#: The units a corpus can be cut into.
UNIT_KINDS = ("document", "paragraph", "sentence", "clause")

#: A line shorter than this (in characters) that does not end a sentence is a
#: heading or a salutation (一、总体要求 / 各位代表：) and is joined to the next line.
HEADING_CHARS = 20

#: A clause's own text before its children (a lead-in) becomes a unit from this many characters.
LEAD_CHARS = 8
_CONTAINERS = ("part", "chapter", "section", "preamble", "closing")

_SENTENCE_END = tuple("。！？；…!?;")
# English: a period ends a sentence too, and a heading runs longer in letters than
# in Chinese characters ("V. Organisation and Implementation" is 34).
_EN_SENTENCE_END = (*_SENTENCE_END, ".", '."', ".”", ".)")
_EN_HEADING_SCALE = 3
_BOILER_NOISE = re.compile(r"[\s\d\W_]+")
_FILENAME_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass
class TopicUnit:
    """One unit of text that a topic model reads, with its citation.

    Attributes:
        id: stable identifier: ``DOC`` (document), ``DOC:p12`` (paragraph 12),
            ``DOC:s40`` (sentence 40) or ``DOC:CLAUSE_ID`` (clause).
        doc: the document id.
        source: the path the document was read from.
        title: the document's title (or file name).
        kind: ``document``, ``paragraph``, ``sentence`` or ``clause``.
        index: 1-based number of the unit within its document.
        start: offset of the unit's first character in ``Document.text``.
        end: offset one past its last character.
        text: the unit's text, ``document.text[start:end]``.
        clause: the clause id (clause units, and sentences inside a clause).
        clause_label: the clause's number as printed (``第十二条``, ``（三）``).
        page: the page that holds the unit's first character.
        metadata: the document's metadata (year, level, region ...).
        multipage: the document has more than one page (citations then give it).
    """

    id: str
    doc: str
    source: str
    title: str
    kind: str
    index: int
    start: int
    end: int
    text: str
    clause: str | None = None
    clause_label: str = ""
    page: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    multipage: bool = False

    @property
    def citation(self) -> str:
        """A human-readable pointer: ``title, ¶12, p. 3`` or ``title, 第十二条``."""
        if self.kind == "document":
            where = ""
        elif self.kind == "clause" and self.clause_label:
            where = self.clause_label
        elif self.kind == "sentence":
            where = f"sentence {self.index}"
        else:
            where = f"¶{self.index}"
        parts = [self.title] + ([where] if where else [])
        if self.page is not None and self.multipage:
            parts.append(f"p. {self.page}")
        return ", ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        """The unit's citation fields as a flat dict (no text, no metadata)."""
        return {
            "unit": self.id,
            "doc": self.doc,
            "source": self.source,
            "clause": self.clause or "",
            "page": "" if self.page is None else self.page,
            "start": self.start,
            "end": self.end,
            "citation": self.citation,
        }


def topic_units(
    documents: Iterable[Document],
    *,
    unit: str = "paragraph",
    year_from_filename: bool = False,
    heading_chars: int = HEADING_CHARS,
) -> list[TopicUnit]:
    """Cut documents into the units a topic model reads.

    Args:
        documents: documents (a stream is fine; each is read once).
        unit: ``document``; ``paragraph`` (lines of ``Document.text``, a short
            line that does not end a sentence joined to the next); ``sentence``
            (:func:`policytext.sentences`: ends at 。！？；, quotes kept whole);
            or ``clause`` (the leaf clauses of :func:`policytext.parse`:
            articles, 款, items, plus a lead-in that says something; cited as
            ``第二条第1款（一）``; a document without numbered clauses falls
            back to paragraphs).
        year_from_filename: when a document has no ``year`` in its metadata
            (nor a ``date`` to take it from), read it from a year 1800–2099
            standing alone in the file name (``gwr_2019.txt``, ``2019-报告.pdf``);
            a name with two different years gives none. The unit's metadata
            then says ``year_source: filename``.
        heading_chars: lines shorter than this that do not end a sentence are
            headings and join the next line (paragraph units).

    Returns:
        The units in document order, then text order.

    Raises:
        UnknownStrategyError: ``unit`` is not one of :data:`UNIT_KINDS`.

    Example:
        >>> units = topic_units(policytext.iter_documents(["reports/"]), unit="paragraph")  # doctest: +SKIP
    """
    if unit not in UNIT_KINDS:
        raise UnknownStrategyError("unit", unit, UNIT_KINDS)
    out: list[TopicUnit] = []
    for doc in documents:
        meta = _unit_metadata(doc, year_from_filename=year_from_filename)
        out.extend(_cut(doc, unit, meta, heading_chars))
    return out


def remove_boilerplate(
    units: Sequence[TopicUnit], *, min_docs: int = 3, min_share: float = 0.1
) -> list[TopicUnit]:
    """Drop units whose text recurs across documents: salutations, licence notices, sign-offs.

    Two units are the same text when they are equal once white space, digits
    and punctuation are ignored (so ``2019年…工作报告`` and ``2020年…工作报告``
    are one text). A text found in at least ``min_docs`` documents and in at
    least ``min_share`` of all documents is boilerplate; every unit holding
    it is dropped. A repeated text is not a topic, and leaving it in gives
    topics made of 各位代表 and 本作品属于公有领域.

    Args:
        units: the units of a corpus.
        min_docs: fewest documents a boilerplate text appears in.
        min_share: smallest share of the corpus' documents it appears in.

    Returns:
        The units kept, in their order.
    """
    n_docs = len({u.doc for u in units})
    need = max(min_docs, min_share * n_docs)
    seen: dict[str, set[str]] = {}
    keys = []
    for unit in units:
        key = _BOILER_NOISE.sub("", unit.text).lower()
        keys.append(key)
        seen.setdefault(key, set()).add(unit.doc)
    return [u for u, key in zip(units, keys) if not key or len(seen[key]) < need]


def _unit_metadata(doc: Document, *, year_from_filename: bool) -> dict[str, Any]:
    meta = dict(doc.metadata)
    if _blank(meta.get("year")):
        date = str(meta.get("date") or "")
        if re.match(r"^(1[89]|20)\d\d(-|$)", date):
            meta["year"] = int(date[:4])
            meta["year_source"] = "date"
        elif year_from_filename:
            year = filename_year(doc.source)
            if year is not None:
                meta["year"] = year
                meta["year_source"] = "filename"
    return meta


def filename_year(path: str) -> int | None:
    """Return the year standing alone in a file name (1800–2099), else None.

    >>> filename_year("reports/gwr_2019.txt")
    2019
    >>> filename_year("2018-2020规划.pdf") is None  # two years: ambiguous
    True
    """
    name = Path(str(path).replace("\\", "/")).name
    years = {int(m) for m in _FILENAME_YEAR.findall(name)}
    return years.pop() if len(years) == 1 else None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cut(doc: Document, unit: str, meta: dict[str, Any], heading_chars: int) -> Iterator[TopicUnit]:
    if unit == "document":
        if doc.text.strip():
            yield _make(doc, meta, "document", 1, 0, len(doc.text), uid=doc.id)
        return
    if unit == "paragraph":
        for n, (start, end) in enumerate(
            paragraph_spans(doc.text, heading_chars=heading_chars, lang=doc.lang), 1
        ):
            yield _make(doc, meta, "paragraph", n, start, end)
        return
    if unit == "sentence":
        labels = {c.id: c.label for c in doc.clauses or []}
        for n, (start, end, clause) in enumerate(_sentence_spans(doc), 1):
            yield _make(
                doc, meta, "sentence", n, start, end, clause=clause, label=labels.get(clause or "", "")
            )
        return
    pieces = _clause_pieces(doc)
    if not pieces:
        for n, (start, end) in enumerate(
            paragraph_spans(doc.text, heading_chars=heading_chars, lang=doc.lang), 1
        ):
            yield _make(doc, meta, "paragraph", n, start, end)
        return
    for n, (start, end, clause, label) in enumerate(pieces, 1):
        yield _make(
            doc, meta, "clause", n, start, end, clause=clause.id, label=label, uid=f"{doc.id}:{clause.id}"
        )


def _make(
    doc: Document,
    meta: dict[str, Any],
    kind: str,
    index: int,
    start: int,
    end: int,
    *,
    clause: str | None = None,
    label: str = "",
    uid: str | None = None,
) -> TopicUnit:
    prefix = {"paragraph": "p", "sentence": "s"}.get(kind, "")
    return TopicUnit(
        id=uid or f"{doc.id}:{prefix}{index}",
        doc=doc.id,
        source=doc.source,
        title=doc.title,
        kind=kind,
        index=index,
        start=start,
        end=end,
        text=doc.text[start:end],
        clause=clause,
        clause_label=label,
        page=doc.page_at(start),
        metadata=meta,
        multipage=len(doc.pages) > 1,
    )


def paragraph_spans(
    text: str, *, heading_chars: int = HEADING_CHARS, lang: str | None = None
) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the paragraphs of ``text``.

    A paragraph is a non-blank line; a line shorter than ``heading_chars`` that
    does not end a sentence (a heading such as ``一、总体要求``, a salutation
    such as ``各位代表：``) is joined with the lines after it, up to the next
    longer line. Spans exclude the surrounding white space. In English text a
    period ends a sentence too, and a heading may be three times as long in
    characters (``II. Main Tasks``, ``Fellow Deputies,``).

    Args:
        text: the text.
        heading_chars: the length below which a line may be a heading (in
            Chinese characters).
        lang: ``zh`` or ``en``; by default guessed from the text (English
            as the segmenter decides: Latin letters, and Chinese characters at
            most a tenth as many).

    >>> text = "一、总体要求\\n到2025年，建成一批产教融合型城市。\\n"
    >>> [text[s:e] for s, e in paragraph_spans(text)]
    ['一、总体要求\\n到2025年，建成一批产教融合型城市。']
    """
    english = _is_english(text) if lang is None else lang.startswith("en")
    ends = _EN_SENTENCE_END if english else _SENTENCE_END
    if english:
        heading_chars *= _EN_HEADING_SCALE
    spans: list[tuple[int, int]] = []
    pending: int | None = None
    last_end = 0
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = _trim(text, offset, offset + len(line))
        offset += len(line) + 1
        if line_end <= line_start:
            continue
        body = text[line_start:line_end]
        if len(body) < heading_chars and not body.endswith(ends):
            if pending is None:
                pending = line_start
            last_end = line_end
            continue
        spans.append((line_start if pending is None else pending, line_end))
        pending = None
    if pending is not None:
        spans.append((pending, last_end))
    return spans


def _is_english(text: str) -> bool:
    from ..segment._english import is_english

    return is_english(text[:4000])


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _sentence_spans(doc: Document) -> list[tuple[int, int, str | None]]:
    from ..segment import sentences

    return [(s.start, s.end, s.clause) for s in sentences(doc) if doc.text[s.start : s.end].strip()]


def _clause_pieces(doc: Document) -> list[tuple[int, int, Any, str]]:
    """Leaf clauses, plus the lead-in of a clause with children when it says something.

    ``第二条 本条例适用于：（一）……（二）……`` gives the items (一) and (二), and
    the lead-in ``本条例适用于：`` when it is at least :data:`LEAD_CHARS` long
    once the label and title are set aside (a bare heading such as ``第一章
    总则`` is not a unit).
    """
    clauses = doc.clauses
    if clauses is None:
        from ..structure import parse

        clauses = parse(doc)
    by_id = {c.id: c for c in clauses}
    children: dict[str, list[Any]] = {}
    for c in clauses:
        if c.parent:
            children.setdefault(c.parent, []).append(c)
    pieces = []
    for c in clauses:
        kids = children.get(c.id)
        if not kids:
            start, end = _trim(doc.text, c.start, c.end)
        else:
            start, end = _trim(doc.text, c.start, min(k.start for k in kids))
            body = doc.text[start:end]
            for part in (c.label, c.title):
                if part and part in body:
                    body = body.replace(part, "", 1)
            if len(body.strip(" \t\n:：、.．")) < LEAD_CHARS:
                continue
        if end > start:
            pieces.append((start, end, c, _cite_label(c, by_id, children, doc.lang)))
    pieces.sort(key=lambda p: (p[0], -p[1]))
    return pieces


def _cite_label(clause: Any, by_id: dict[str, Any], children: dict[str, list[Any]], lang: str) -> str:
    """How a scholar cites the clause: 第二条第2款（一） / Article 5 para. 2 (a)."""
    parts: list[str] = []
    node = clause
    while node is not None:
        if node.label and node.level not in _CONTAINERS:
            parts.append(node.label)
        elif not node.label and node.level == "paragraph" and node.number:
            siblings = [c for c in children.get(node.parent or "", []) if c.level == "paragraph"]
            if len(siblings) > 1:
                parts.append(f"第{node.number}款" if lang == "zh" else f"para. {node.number}")
        elif node.level in ("preamble", "closing") and node is clause:
            parts.append(node.level)
        node = by_id.get(node.parent) if node.parent else None
    return ("" if lang == "zh" else " ").join(reversed(parts))
