"""Sentences of a document, each placed in its clause and page, with tokens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Clause, Document, Sentence
from ._sentences import split_sentences

if TYPE_CHECKING:
    from ._segmenter import Segmenter

__all__ = ["sentences", "segment_document", "clause_index"]


def sentences(document: Document, *, lang: str | None = None, semicolon: bool = True) -> list[Sentence]:
    """Split a document into sentences, each with its evidence.

    When the document's clause tree is parsed (``document.clauses``), each
    sentence names the deepest clause whose span contains it, where a leading
    label counts as part of the clause it numbers (``第一条　为了……`` belongs
    to the first paragraph of 第一条, not to 第一条 as a whole); otherwise
    ``clause`` is None.

    Args:
        document: a document from :func:`policytext.read` (clauses optional).
        lang: ``zh`` or ``en``; by default the document's own ``lang``.
        semicolon: end sentences at ；/; too (see :func:`split_sentences`).

    Returns:
        Sentences in document order, numbered from 0, with offsets into
        ``document.text`` (``text == document.text[start:end]``) and the page
        of their first character; ``tokens`` is None.

    Example:
        >>> doc = policytext.read("corpora/sample/national/directive.txt")  # doctest: +SKIP
        >>> first = sentences(doc)[0]                                          # doctest: +SKIP
        >>> doc.text[first.start:first.end] == first.text                      # doctest: +SKIP
        True
    """
    lang = lang or document.lang or "zh"
    text = document.text
    spans = split_sentences(text, lang=lang, semicolon=semicolon)
    clauses = document.clauses or []
    owner = clause_index(clauses, spans, text=text) if clauses else [None] * len(spans)
    return [
        Sentence(
            doc=document.id,
            clause=owner[i],
            index=i,
            start=start,
            end=end,
            text=text[start:end],
            page=document.page_at(start),
        )
        for i, (start, end) in enumerate(spans)
    ]


def segment_document(
    document: Document,
    *,
    segmenter: Segmenter | None = None,
    lang: str | None = None,
    all_tokens: bool = False,
    semicolon: bool = True,
) -> list[Sentence]:
    """Split a document into sentences and fill each sentence's tokens.

    Args:
        document: a document (parse it first for clause ids).
        segmenter: the :class:`Segmenter` to use; by default a shared one
            with the domain dictionary and both stopword lists.
        lang: as in :func:`sentences`.
        all_tokens: keep every token (punctuation and stopwords included)
            instead of content tokens only.
        semicolon: as in :func:`sentences`.

    Returns:
        The sentences of :func:`sentences`, with ``tokens`` set, and ``tags``
        too when the segmenter was made with ``pos=True``.
    """
    from ._segmenter import default_segmenter

    seg = segmenter if segmenter is not None else default_segmenter()
    out = sentences(document, lang=lang, semicolon=semicolon)
    for sent in out:
        if seg.pos:
            pairs = seg.tag(sent.text) if all_tokens else seg.tagged_tokens(sent.text)
            sent.tokens = [w for w, _ in pairs]
            sent.tags = [t for _, t in pairs]
        else:
            sent.tokens = seg.cut(sent.text) if all_tokens else seg.tokens(sent.text)
    return out


def clause_index(
    clauses: list[Clause], spans: list[tuple[int, int]], *, text: str | None = None
) -> list[str | None]:
    """For each span (in document order), the id of the deepest clause that contains it.

    The clauses form a tree, flat in document order; a sweep keeps the chain of
    open clauses, so the cost is linear in clauses plus spans. With ``text``, a
    span that starts with a clause's label and runs into that clause's child
    (``第一条　为了……``, where the child paragraph starts after the label) is
    given to the child.
    """
    by_id = {c.id: c for c in clauses}
    depth: dict[str, int] = {}
    for c in clauses:
        d, parent, seen = 0, c.parent, set()
        while parent is not None and parent in by_id and parent not in seen:
            seen.add(parent)
            d += 1
            parent = by_id[parent].parent
        depth[c.id] = d
    order = sorted(clauses, key=lambda c: (c.start, -c.end, depth[c.id]))
    starts = [c.start for c in order]
    owners: list[str | None] = []
    stack: list[Clause] = []
    k = 0
    for start, end in spans:
        while k < len(order) and order[k].start <= start:
            nxt = order[k]
            while stack and stack[-1].end <= nxt.start:
                stack.pop()
            stack.append(nxt)
            k += 1
        while stack and stack[-1].end <= start:
            stack.pop()
        owner = None
        for c in reversed(stack):
            if c.start <= start and end <= c.end:
                owner = c
                break
        if text is not None:
            owner = _past_labels(order, starts, k, start, end, text, owner)
        owners.append(owner.id if owner is not None else None)
    return owners


def _past_labels(
    order: list[Clause], starts: list[int], k: int, start: int, end: int, text: str, owner: Clause | None
) -> Clause | None:
    """Descend into a clause that starts inside the span when only labels precede it."""
    labels = [owner.label] if owner is not None and owner.start == start and owner.label else []
    j = k
    while j < len(order) and starts[j] < end:
        c = order[j]
        j += 1
        if c.end < end:
            continue
        prefix = text[start : c.start]
        for label in labels:
            prefix = prefix.replace(label, "", 1)
        if prefix.strip():
            break
        owner = c
        if c.label:
            labels.append(c.label)
    return owner
