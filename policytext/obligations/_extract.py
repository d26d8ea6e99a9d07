"""Obligations of whole documents and of plain lines, with their citations."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from .._hanzi import as_written, simplified
from ..model import Clause, Document, Obligation
from ._register import check_register, detect_register
from ._rules import Deontic, DeonticTagger, item_number

__all__ = ["extract_obligations", "obligations_from_lines", "citation_label", "default_tagger"]

_LABEL_LEVELS = ("section", "article", "item", "subitem")
_DEFAULT: DeonticTagger | None = None


def default_tagger() -> DeonticTagger:
    """The shared tagger with the shipped lexicons (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = DeonticTagger()
    return _DEFAULT


def citation_label(clause: Clause | None, by_id: dict[str, Clause]) -> str:
    """The printed numbers of a clause and its ancestors: 第九条（三）, 二、（一）.

    Chapters and parts are left out (article numbers run through a law); a
    paragraph (款) has no printed number and is left out too.
    """
    labels: list[str] = []
    seen: set[str] = set()
    node = clause
    while node is not None and node.id not in seen:
        seen.add(node.id)
        if node.level in _LABEL_LEVELS and node.label:
            labels.append(node.label)
        node = by_id.get(node.parent) if node.parent else None
    return "".join(reversed(labels))


def _descends(clause: Clause | None, ancestor_id: str, by_id: dict[str, Clause]) -> bool:
    seen: set[str] = set()
    node = by_id.get(clause.parent) if clause is not None and clause.parent else None
    while node is not None and node.id not in seen:
        if node.id == ancestor_id:
            return True
        seen.add(node.id)
        node = by_id.get(node.parent) if node.parent else None
    return False


def _as_written(reading: Deontic, analysed: str, written: str) -> Deontic:
    """A reading of the simplified copy with its pieces as the sentence writes them."""
    fields = {k: as_written(getattr(reading, k), analysed, written) for k in ("actor", "action", "deadline", "cue")}
    return dataclasses.replace(reading, **fields)


def _row(doc_id: str, sentence, reading: Deontic, clause: str | None, label: str) -> Obligation:
    return Obligation(
        doc=doc_id,
        clause=clause,
        sentence=sentence.text,
        start=sentence.start,
        end=sentence.end,
        modality=reading.modality,
        actor=reading.actor,
        actor_type=reading.actor_type,
        action=reading.action,
        deadline=reading.deadline,
        cue=reading.cue,
        page=sentence.page,
        clause_label=label,
    )


def extract_obligations(
    document: Document,
    *,
    include_none: bool = False,
    tagger: DeonticTagger | None = None,
    register: str | None = None,
) -> list[Obligation]:
    """Read a document for duties: one row per deontic reading of each sentence.

    The document is parsed into clauses (:func:`policytext.parse`, unless it
    already is) and split into sentences (:func:`policytext.sentences`). A
    sentence with two bearers (学校应当…，企业应当…) gives two rows; the items of
    a list whose lead-in carries a duty (企业应当履行下列职责：) inherit its
    modality and bearer, their own text being the action.

    Args:
        document: a document from :func:`policytext.read`.
        include_none: also give one ``none`` row for each sentence without a duty.
        tagger: the :class:`DeonticTagger` to use (custom lexicons); the shared
            default otherwise.
        register: English only: ``normative`` or ``programme`` (a work report,
            whose "We will…" is no duty); read from the whole document when None
            (see :func:`policytext.obligations.detect_register`).

    Returns:
        Rows in document order, each citing doc id, clause id and label, the
        sentence's character span in ``document.text`` and its page.

    Example:
        >>> rows = extract_obligations(policytext.read("notice.txt"))  # doctest: +SKIP
        >>> rows[0].modality, rows[0].actor, rows[0].clause_label       # doctest: +SKIP
        ('obligation', '试点省份', '二、（一）')
    """
    from ..segment import sentences
    from ..structure import parse

    tagger = tagger or default_tagger()
    clauses = document.clauses if document.clauses is not None else parse(document)
    by_id = {c.id: c for c in clauses}
    lang = document.lang or None
    if lang != "zh":
        register = check_register(register) or detect_register(document.text)
    # 學校應當…: the rules read a simplified copy of the same length; the rows quote the text as written
    copy = simplified(document.text)
    traditional = copy != document.text
    out: list[Obligation] = []
    lead: Deontic | None = None
    lead_clause: str | None = None
    expect = 1
    for sent in sentences(document):
        clause = by_id.get(sent.clause) if sent.clause else None
        label = citation_label(clause, by_id)
        analysed = copy[sent.start : sent.end] if traditional else sent.text
        readings = tagger.tag(analysed, lang=lang, register=register)
        number = item_number(sent.text)
        if lead is not None:
            # the items of a lead-in are its clause's children; when the clause tree
            # does not nest them (a 第八条 inside a notice's 一、), items numbered on
            # from 1 right after it still belong to it
            inside = number is not None and number == expect
            if not inside and lead_clause is not None and clause is not None:
                inside = _descends(clause, lead_clause, by_id)
            if not inside:
                lead, lead_clause = None, None
        if lead is not None and number is not None:
            # the first sentence of an item under a lead-in (later sentences of a
            # long item stand on their own)
            expect = number + 1
            readings = tagger.inherit(lead, analysed, readings, lang=lang)
        if sent.text.rstrip().endswith(("：", ":")):
            new_lead = tagger.lead_in(analysed, lang=lang, register=register)
            if new_lead is not None:
                if traditional:
                    new_lead = _as_written(new_lead, analysed, sent.text)  # its items inherit the bearer as written
                lead, lead_clause, expect = new_lead, (clause.id if clause is not None else None), 1
        if traditional:
            readings = [_as_written(r, analysed, sent.text) for r in readings]
        if readings:
            out.extend(_row(document.id, sent, r, sent.clause, label) for r in readings)
        elif include_none:
            out.append(_row(document.id, sent, Deontic("none"), sent.clause, label))
    return out


class _Line:
    __slots__ = ("text", "start", "end", "page")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end, self.page = text, start, end, None


def obligations_from_lines(
    lines: Iterable[str] | str,
    *,
    source: str = "",
    lang: str | None = None,
    context: bool = True,
    tagger: DeonticTagger | None = None,
    register: str | None = None,
) -> list[Obligation]:
    """Classify each line as one sentence: exactly one row per line, in order.

    Empty lines give a ``none`` row; no line is dropped or merged. With
    ``context``, a numbered item right after a lead-in line ending with ：
    (``（一）…`` after ``企业应当履行下列职责：``) inherits the lead-in's duty,
    as long as the items are numbered 1, 2, 3 … in order.

    Args:
        lines: the lines (without line breaks), or one string to split at line breaks.
        source: what to put in ``doc`` (the file name).
        lang: ``zh`` or ``en``; guessed per line when None.
        context: let list items inherit from their lead-in line.
        tagger: the :class:`DeonticTagger` to use; the shared default otherwise.
        register: English only: ``normative`` or ``programme``; read from all
            the lines together when None.

    Returns:
        One :class:`~policytext.model.Obligation` per line; ``start``/``end``
        are character offsets of the line in the text (lines joined by ``\\n``).
    """
    tagger = tagger or default_tagger()
    items: Sequence[str] = lines.split("\n") if isinstance(lines, str) else list(lines)
    items = [s[:-1] if s.endswith("\r") else s for s in items]
    if lang != "zh":
        register = check_register(register) or detect_register("\n".join(items))
    if context:
        readings = tagger.classify_sequence(items, lang=lang, strict=True, register=register)
    else:
        readings = [tagger.classify(s, lang=lang, register=register) for s in items]
    out: list[Obligation] = []
    offset = 0
    for k, (text, reading) in enumerate(zip(items, readings)):
        line = _Line(text, offset, offset + len(text))
        out.append(_row(source, line, reading, None, f"line {k + 1}"))
        offset += len(text) + 1
    return out
