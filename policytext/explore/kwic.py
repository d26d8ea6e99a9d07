"""Keyword in context, each hit with its citation: document, clause, page, character span.

Matching, by default, is on token boundaries: the pattern must cover whole
tokens of the segmenter's cut (one or several), so ``联合体`` finds the token
联合体 but not the inside of the domain term 市域产教联合体. ``substring=True``
finds every occurrence in the text instead. With ``regex=True`` the pattern is
a regular expression: on token boundaries it is searched in each token (a token
matches when the expression occurs in it, as quanteda's ``valuetype="regex"``;
the keyword is the whole token), with ``substring=True`` it runs over the text.
Latin letters match without regard to case unless ``case_sensitive``.

The context is ``window`` tokens (punctuation included, whitespace not) on each
side, as the text shows them; it may run across sentence ends but not across
documents.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Document, Failure, _Row
from ._tokens import Token, TokenStream, as_documents, clause_labels

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = ["KwicRow", "kwic"]


@dataclass
class KwicRow(_Row):
    """One occurrence of the pattern, with its context and citation.

    Attributes:
        doc: the document id.
        source: the path the document was read from.
        title: the document's title (or file name).
        clause: the id of the deepest clause that holds the keyword (None when
            the document has no clause tree there).
        clause_label: the clause's citation, the printed labels from the top
            of the tree down to it (``一、（二）``, ``第二章第十二条``, ``Article 5 (a)``).
        page: the page of the keyword's first character.
        start: offset of the keyword in ``Document.text``.
        end: offset one past its end; ``document.text[start:end] == keyword``.
        left: the context before the keyword (line breaks shown as spaces).
        keyword: the matched text.
        right: the context after the keyword (line breaks shown as spaces).
    """

    doc: str
    source: str
    title: str
    clause: str | None
    clause_label: str
    page: int | None
    start: int
    end: int
    left: str
    keyword: str
    right: str


def kwic(
    documents: Iterable[Document | Failure | str],
    pattern: str,
    *,
    window: int = 10,
    substring: bool = False,
    regex: bool = False,
    case_sensitive: bool = False,
    segmenter: Segmenter | None = None,
) -> Iterator[KwicRow]:
    """Yield every occurrence of ``pattern`` with its context and citation, in document order.

    Args:
        documents: documents (e.g. from :func:`policytext.iter_documents`) or texts.
            Their clause trees are parsed when not parsed yet.
        pattern: the word or phrase (or regular expression with ``regex``).
        window: tokens of context on each side.
        substring: match anywhere in the text, not only on token boundaries.
        regex: ``pattern`` is a regular expression (see the module docstring).
        case_sensitive: match Latin letters in their case.
        segmenter: the :class:`~policytext.Segmenter` whose tokens set the
            boundaries and the window; by default the shared one.

    Yields:
        :class:`KwicRow` rows.

    Raises:
        ConfigError: an empty pattern, a negative window or a bad regular expression.

    Example:
        >>> row = next(kwic(["推进市域产教联合体建设，联合体要制定章程。"], "联合体", window=2))
        >>> row.left, row.keyword, row.right
        ('建设，', '联合体', '要制定')
    """
    if not pattern or not pattern.strip():
        raise ConfigError("the KWIC pattern is empty")
    if window < 0:
        raise ConfigError(f"the KWIC window must be 0 or more, not {window}")
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        compiled = re.compile(pattern if regex else re.escape(pattern), flags)
    except re.error as exc:
        raise ConfigError(f"bad regular expression {pattern!r}: {exc}") from exc
    stream = TokenStream(segmenter, lowercase=False)
    for document in as_documents(documents):
        yield from _document_hits(document, stream, compiled, window=window, substring=substring, regex=regex)


def _document_hits(
    document: Document,
    stream: TokenStream,
    pattern: re.Pattern[str],
    *,
    window: int,
    substring: bool,
    regex: bool,
) -> Iterator[KwicRow]:
    tokens: list[Token] = []
    sentence_of: list[tuple[str | None, int]] = []
    for sent, toks in stream.sentences(document, clauses=True):
        tokens.extend(toks)
        sentence_of.append((sent.clause, sent.start))
    if not tokens:
        return
    text = document.text
    starts = [t.start for t in tokens]
    ends = [t.end for t in tokens]
    start_set = set(starts)
    end_set = set(ends)
    labels = clause_labels(document)
    sent_starts = [s for _c, s in sentence_of]

    for a, b in _spans(
        text, tokens, pattern, substring=substring, regex=regex, start_set=start_set, end_set=end_set
    ):
        first = bisect.bisect_right(ends, a)  # first token ending after a
        last = bisect.bisect_left(starts, b)  # first token starting at or after b
        lo = max(first - window, 0)
        hi = min(last + window, len(tokens))
        left = text[tokens[lo].start : a] if first > lo else ""
        right = text[b : tokens[hi - 1].end] if hi > last else ""
        k = bisect.bisect_right(sent_starts, a) - 1
        clause = sentence_of[k][0] if k >= 0 else None
        yield KwicRow(
            doc=document.id,
            source=document.source,
            title=document.title,
            clause=clause,
            clause_label=labels.get(clause, "") if clause else "",
            page=document.page_at(a),
            start=a,
            end=b,
            left=_flat(left),
            keyword=text[a:b],
            right=_flat(right),
        )


def _spans(
    text: str,
    tokens: list[Token],
    pattern: re.Pattern[str],
    *,
    substring: bool,
    regex: bool,
    start_set: set[int],
    end_set: set[int],
) -> Iterator[tuple[int, int]]:
    if substring:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                yield match.start(), match.end()
        return
    if regex:
        for tok in tokens:
            # Search the token's own text, so that ^ and $ anchor at its ends.
            if pattern.search(text[tok.start : tok.end]):
                yield tok.start, tok.end
        return
    pos = 0
    while True:
        match = pattern.search(text, pos)
        if match is None:
            return
        a, b = match.span()
        if a in start_set and b in end_set:
            yield a, b
            pos = b
        else:
            pos = a + 1


def _flat(text: str) -> str:
    return " ".join(text.split()) if any(ch in text for ch in "\n\r\t") else text
