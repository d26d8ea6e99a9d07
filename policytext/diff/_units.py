"""The units a diff compares: articles (第X条) where a document has them, else leaf clauses.

Besides the units, a document has *context* that a redline must show but that is
not scored as a clause: the preamble (title, 使用说明), chapter and section
headings (第三章 组织机构), and the closing (signature, date).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Clause, Document
from ..structure import parse

__all__ = ["Unit", "Outline", "outline", "norm_key", "UNIT_LEVELS"]

#: How a document is cut into units: ``auto`` takes articles when the document
#: has any, else the leaf clauses.
UNIT_LEVELS: tuple[str, ...] = ("auto", "article", "leaf")

_HEADING_LEVELS = {"part", "chapter", "section"}
_LABEL_TAIL = " \t\u3000、，,.．:：)）"


@dataclass
class Unit:
    """One comparable piece of a document: an article, a leaf clause, or context.

    Attributes:
        index: position among the document's units of the same role, from 0.
        kind: ``article``, ``leaf``, ``heading``, ``preamble`` or ``closing``.
        clause: the clause it comes from.
        label: the printed label (``第十二条``), or a path of labels for leaves.
        number: the label's number, when it has one.
        text: the unit's full text, label included (lines joined by ``\\n``).
        body: the text after the label: what is compared.
        key: ``body`` normalised for equality (width, spaces).
        chapter: the title of the enclosing chapter (or the heading path).
        pos: order in the document (character offset of the unit's start).
    """

    index: int
    kind: str
    clause: Clause
    label: str
    number: int | None
    text: str
    body: str
    key: str
    chapter: str = ""
    pos: int = 0
    refs: list[str] = field(default_factory=list)


@dataclass
class Outline:
    """A document cut into units plus the context around them."""

    document: Document
    level: str
    units: list[Unit]
    context: list[Unit]


def norm_key(text: str, lang: str) -> str:
    """Normalise a text for an equality test: NFKC, spaces removed (zh) or collapsed (en)."""
    text = unicodedata.normalize("NFKC", text)
    if lang == "en":
        return " ".join(text.split()).lower()
    return re.sub(r"\s+", "", text)


def _clean_lines(text: str) -> str:
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(line for line in lines if line)


def strip_label(text: str, label: str) -> str:
    """Return ``text`` without the ``label`` it starts with (spaces inside the label tolerated)."""
    if not label:
        return text
    i = 0
    n = len(text)
    for ch in label:
        if ch.isspace():
            continue
        while i < n and text[i].isspace():
            i += 1
        if i >= n or text[i] != ch:
            return text
        i += 1
    while i < n and text[i] in _LABEL_TAIL:
        i += 1
    return text[i:]


def _own_text(clause: Clause, children: list[Clause]) -> str:
    """The heading line(s) of a clause with children: its text before the first child."""
    if not children:
        return clause.text
    first = min(c.start for c in children)
    return clause.text[: max(0, first - clause.start)]


def outline(document: Document, *, level: str = "auto") -> Outline:
    """Cut a document into units (articles or leaves) and context blocks.

    Args:
        document: the document; parsed with :func:`policytext.parse` unless its
            ``clauses`` are already set.
        level: ``auto`` (articles when there are any, else leaves), ``article``
            or ``leaf``.

    Returns:
        The :class:`Outline`, units and context each in document order.
    """
    clauses = document.clauses if document.clauses is not None else parse(document)
    lang = "en" if (document.lang or "zh").startswith("en") else "zh"
    by_id = {c.id: c for c in clauses}
    children: dict[str, list[Clause]] = {}
    for c in clauses:
        if c.parent is not None:
            children.setdefault(c.parent, []).append(c)
    has_articles = any(c.level == "article" for c in clauses)
    if level == "auto":
        level = "article" if has_articles else "leaf"

    def chapter_of(c: Clause) -> str:
        titles = []
        p = c.parent
        while p is not None and p in by_id:
            anc = by_id[p]
            if anc.level in _HEADING_LEVELS:
                titles.append(anc.title or anc.label)
            p = anc.parent
        return " / ".join(reversed(titles))

    def label_path(c: Clause) -> str:
        parts = [c.label]
        p = c.parent
        while p is not None and p in by_id:
            anc = by_id[p]
            if anc.level not in ("paragraph",) and anc.label:
                parts.append(anc.label)
            p = anc.parent
        return "".join(reversed([x for x in parts if x]))

    units: list[Unit] = []
    context: list[Unit] = []

    def make(c: Clause, kind: str, label: str, text: str) -> Unit:
        text = _clean_lines(text)
        body = _clean_lines(strip_label(text, c.label)) if c.label else text
        return Unit(
            index=0,
            kind=kind,
            clause=c,
            label=label,
            number=c.number,
            text=text,
            body=body,
            key=norm_key(body, lang),
            chapter=chapter_of(c),
            pos=c.start,
        )

    inside_unit: set[str] = set()
    for c in clauses:
        if c.parent is not None and c.parent in inside_unit:
            inside_unit.add(c.id)
            continue
        if c.level in ("preamble", "closing"):
            context.append(make(c, c.level, "", c.text))
            continue
        kids = children.get(c.id, [])
        if level == "article":
            if c.level == "article":
                units.append(make(c, "article", c.label, c.text))
                inside_unit.add(c.id)
            elif c.level in _HEADING_LEVELS or kids:
                own = _own_text(c, kids)
                if own.strip():
                    context.append(make(c, "heading", c.label, own))
            else:
                # text outside any article (a note under a chapter heading): context
                context.append(make(c, "heading", c.label, c.text))
            continue
        # leaf mode
        if kids:
            own = _own_text(c, kids)
            if own.strip():
                context.append(make(c, "heading", label_path(c), own))
        else:
            units.append(make(c, "leaf", label_path(c), c.text))
    units = [u for u in units if u.text]
    for i, u in enumerate(units):
        u.index = i
    for i, u in enumerate(context):
        u.index = i
    return Outline(document=document, level=level, units=units, context=context)
