"""The units that alignment works on: articles (第X条), or task items (一、（一）) of notices.

A law or regulation is compared article by article; a notice, plan or opinion
that has no articles is compared item by item (``（一）`` under ``一、``), with
a section that has no items standing as one unit. A text with no numbered
structure at all falls back to its paragraphs.

Each :class:`Unit` keeps its citation (document, clause id, label such as
``第五条`` or ``三、（二）``, span, pages) and knows whether it is procedural:
purpose (立法目的: 为…制定本办法), scope (适用范围), effective date (施行),
interpretation (解释权) or definition (本办法所称…是指), recognised by pattern (see
:func:`procedural_kind`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .._hanzi import simplified
from ..model import Clause, Document

__all__ = ["Unit", "units_of", "procedural_kind", "PROCEDURAL_KINDS"]

#: The kinds of procedural clause :func:`procedural_kind` recognises.
PROCEDURAL_KINDS = ("purpose", "scope", "effective", "interpretation", "definition")

_INSTRUMENT = r"(?:法|办法|条例|规定|细则|实施细则|方案|实施方案|章程|意见|决定|规则|计划|通知|纲要)"
_PURPOSE = re.compile(rf"^(?:为了?|根据|依据|按照)[^。]{{0,260}}?(?:制定|制订|特制定|修订)本{_INSTRUMENT}")
_SCOPE = re.compile(
    # not 本条例规定的支持与奖励措施适用于… (a part of the instrument extended to someone)
    rf"本{_INSTRUMENT}适用于|适用本{_INSTRUMENT}|本{_INSTRUMENT}(?:(?!规定)[^。]){{0,20}}适用|"
    rf"在本(?:市|省|自治区|区|县|州)行政区域内[^。]{{0,40}}(?:适用本|应当遵守本|执行本)"
)
_EFFECTIVE = re.compile(rf"本{_INSTRUMENT}[^。]{{0,12}}自[^。]{{0,24}}(?:起|之日起)(?:施行|实施|执行|生效)|施行日期|自公布之日起施行")
_INTERPRETATION = re.compile(r"负责解释|解释权|具体应用(?:中)?的问题|由[^。]{2,24}解释")
# an article that opens by defining the instrument's own words (本条例所称现有民办学校，是指…; 本办法下列用语的含义)
_DEFINITION = re.compile(rf"^本{_INSTRUMENT}(?:中|规定的)?(?:所称|所指|下列用语|有关用语|用语)")
# English: "These Measures are formulated in order to …", "… shall apply to …",
# "… shall come into force on …", "… is responsible for interpreting …".
_EN_PURPOSE = re.compile(r"\b(?:are|is)\s+(?:formulated|enacted|made|adopted)\b[^.]{0,200}\b(?:in order to|for the purpose of)|"
                         r"^(?:in order to|for the purpose of)\b[^.]{0,300}\b(?:these|this)\s+\w+\s+(?:are|is)\s+"
                         r"(?:formulated|enacted|made|adopted)", re.IGNORECASE)  # fmt: skip
_EN_SCOPE = re.compile(r"\b(?:these|this)\s+\w+\s+(?:shall\s+)?appl(?:y|ies)\s+to\b", re.IGNORECASE)
_EN_EFFECTIVE = re.compile(r"\b(?:come|comes|take|takes)\s+(?:into\s+(?:force|effect)|effect)\b|\beffective\s+(?:as\s+)?(?:of|from)\b",
                           re.IGNORECASE)  # fmt: skip
_EN_DEFINITION = re.compile(r"^(?:for the purposes? of|as used in|in) (?:these|this) \w+(?: \w+)?,[^.]{0,120}\bmeans?\b|"
                            r"^(?:the following terms|the terms? used in (?:these|this))\b", re.IGNORECASE)  # fmt: skip
_EN_INTERPRETATION = re.compile(r"\bresponsible for (?:the )?interpret|\bright to interpret|\binterpretation of (?:these|this)\b",
                                re.IGNORECASE)  # fmt: skip
_LABEL = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇两\d]+条(?:之[一二三四五六七八九十]+)?|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)\s*")


@dataclass
class Unit:
    """One alignable clause with its citation.

    Attributes:
        doc: the document id.
        clause_id: the clause id from :func:`policytext.parse` (``art5``, ``sec3.i2``).
        label: the number as printed, qualified for items (``第五条``, ``三、（二）``).
        text: the clause text without its label.
        start: offset of the clause in ``Document.text``.
        end: offset one past its end.
        pages: the pages the clause spans.
        position: the clause's place in its document, from 0 (first) to 1 (last).
        procedural: ``purpose``, ``scope``, ``effective``, ``interpretation``,
            ``definition`` or ``""``.
        number: the clause's own number (第五条 -> 5), or None.
        heading: the title of the chapter or section the clause stands under
            (``总则``, ``学校``), empty when there is none.
    """

    doc: str
    clause_id: str
    label: str
    text: str
    start: int
    end: int
    pages: list[int] = field(default_factory=list)
    position: float = 0.0
    procedural: str = ""
    number: int | None = None
    heading: str = ""


def procedural_kind(text: str) -> str:
    """Say whether a clause is procedural, by pattern.

    Returns:
        ``purpose`` (为了…，制定本法), ``scope`` (本办法适用于…), ``effective``
        (本办法自…起施行), ``interpretation`` (…由市人民政府负责解释), ``definition``
        (本条例所称…，是指…) or ``""``.

    Example:
        >>> procedural_kind("本办法自2024年1月1日起施行。"), procedural_kind("为实施《教师法》，结合本市实际，制定本办法。")
        ('effective', 'purpose')
        >>> procedural_kind("These Measures shall come into force on 1 January 2024.")
        'effective'
    """
    body = _LABEL.sub("", simplified(text).strip())
    first = re.split(r"(?<=[。；])", body, maxsplit=1)[0]
    if body.isascii():
        if _EN_EFFECTIVE.search(body) and len(body) < 300:
            return "effective"
        if _EN_PURPOSE.search(body):
            return "purpose"
        if _EN_INTERPRETATION.search(body) and len(body) < 300:
            return "interpretation"
        if _EN_SCOPE.search(body) and len(body) < 600:
            return "scope"
        if _EN_DEFINITION.search(body):
            return "definition"
        return ""
    if _EFFECTIVE.search(body) and len(body) < 160:
        return "effective"
    if _PURPOSE.search(body):
        return "purpose"
    if _INTERPRETATION.search(first) and len(body) < 160:
        return "interpretation"
    if _SCOPE.search(first) and len(body) < 400:
        return "scope"
    if _DEFINITION.search(body):
        return "definition"
    return ""


def _strip_label(text: str, label: str) -> str:
    text = text.lstrip()
    if label and text.startswith(label):
        text = text[len(label) :]
    return _LABEL.sub("", text, count=1).strip()


def units_of(document: Document, *, level: str = "auto") -> list[Unit]:
    """Split a document into alignable units, parsing its clause tree if needed.

    Args:
        document: a document; :func:`policytext.parse` runs when ``clauses`` is None.
        level: ``auto`` (articles when the document has any, else items),
            ``article``, ``item`` or ``paragraph``.

    Returns:
        The units in document order (empty for an empty document).
    """
    from ..structure import parse

    clauses = document.clauses if document.clauses is not None else parse(document)
    by_id = {c.id: c for c in clauses}
    numbered = [c for c in clauses if c.level not in ("preamble", "closing")]
    articles = [c for c in numbered if c.level == "article"]
    if level == "auto":
        level = "article" if articles else ("item" if numbered else "paragraph")
    if level == "article" and articles:
        picked = [(c, c.label) for c in articles]
    elif level in ("item", "article") and numbered:
        picked = _items(numbered, by_id)
    else:
        picked = _paragraphs(document)
    out: list[Unit] = []
    n = max(len(picked) - 1, 1)
    for i, (clause, label) in enumerate(picked):
        body = _strip_label(clause.text, clause.label)
        if not body:
            continue
        out.append(
            Unit(
                doc=document.id,
                clause_id=clause.id,
                label=label or f"¶{i + 1}",
                text=body,
                start=clause.start,
                end=clause.end,
                pages=list(clause.pages),
                position=i / n,
                procedural=procedural_kind(body),
                number=clause.number,
                heading=_heading(clause, by_id),
            )
        )
    return out


def _heading(clause: Clause, by_id: dict[str, Clause]) -> str:
    """The title of the nearest enclosing clause that has one (a chapter, a section)."""
    parent = by_id.get(clause.parent) if getattr(clause, "parent", None) else None
    while parent is not None:
        if parent.title:
            return parent.title
        parent = by_id.get(parent.parent) if parent.parent else None
    return ""


def _items(numbered: list[Clause], by_id: dict[str, Clause]) -> list[tuple[Clause, str]]:
    """Task items (（一） under 一、), and sections or other top clauses without items."""
    children: dict[str | None, list[Clause]] = {}
    for c in numbered:
        children.setdefault(c.parent, []).append(c)
    picked: list[tuple[Clause, str]] = []
    for c in numbered:
        if c.level == "item":
            parent = by_id.get(c.parent) if c.parent else None
            if parent is not None and parent.level == "item":
                continue  # a nested item belongs to its parent item's text
            prefix = _qualifier(parent, by_id)
            picked.append((c, prefix + c.label))
        elif c.level in ("section", "chapter", "part"):
            kids = children.get(c.id, [])
            if not any(k.level in ("item", "subitem", "section", "chapter", "article") for k in kids):
                picked.append((c, _qualifier(by_id.get(c.parent) if c.parent else None, by_id) + c.label))
        elif c.level == "subitem" and (c.parent is None or by_id.get(c.parent, c).level in ("section", "chapter")):
            parent = by_id.get(c.parent) if c.parent else None
            picked.append((c, _qualifier(parent, by_id) + c.label))
    picked.sort(key=lambda item: item[0].start)
    return picked


def _qualifier(parent: Clause | None, by_id: dict[str, Clause]) -> str:
    """The label of the enclosing section, so that （二） under 三、 reads 三、（二）."""
    while parent is not None and parent.level in ("paragraph",):
        parent = by_id.get(parent.parent) if parent.parent else None
    if parent is None or not parent.label:
        return ""
    return parent.label


class _Para:
    def __init__(self, i: int, start: int, end: int, text: str) -> None:
        self.id = f"para{i}"
        self.label = f"¶{i}"
        self.start = start
        self.end = end
        self.text = text
        self.pages: list[int] = []
        self.number = i


def _paragraphs(document: Document) -> list[tuple[Clause, str]]:
    out = []
    offset = 0
    i = 0
    for line in document.text.split("\n"):
        if line.strip():
            i += 1
            para = _Para(i, offset, offset + len(line), line)
            para.pages = document.pages_between(para.start, para.end)
            out.append((para, para.label))  # type: ignore[arg-type]
        offset += len(line) + 1
    return out  # type: ignore[return-value]
