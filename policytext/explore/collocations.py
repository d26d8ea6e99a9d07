"""Collocations: word pairs that occur together more often than chance, and collocates of a node word.

Two modes, both counted within sentences (a pair never spans a sentence end):

- **Pairs** (``node=None``): ordered pairs of content tokens, the second at most
  ``window`` positions after the first (``window=1``: adjacent bigrams).
  Positions count every non-space token, so a stopword or a comma between two
  words keeps them apart (quanteda's padding). Each pair gives a 2×2 table:
  ``o11`` the pair's count, ``r1`` the pairs whose first word is the pair's
  first word, ``c1`` the pairs whose second word is the pair's second word,
  ``n`` all pairs.
- **Node** (``node="联合体"``): content tokens within ``window`` positions on
  either side of each occurrence of the node word. ``o11`` is the collocate's
  count in those windows, ``r1`` all tokens in the windows, ``c1`` the
  collocate's frequency in the corpus, ``n`` the corpus's content tokens
  (Evert 2008, surface co-occurrence).

From the table (expected ``e11 = r1 · c1 / n``): ``pmi = log2(o11 / e11)``
(Church & Hanks 1990), ``npmi = pmi / −log2(o11 / n)`` (Bouma 2009), ``g2``
the log-likelihood ratio, signed negative when ``o11 < e11`` (Dunning 1993),
and ``t_score = (o11 − e11) / √o11``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Document, Failure, _Row
from . import _stats
from ._tokens import TokenStream, as_documents

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = ["CollocationRow", "collocations", "COLLOCATION_SORTS"]

#: The orders :func:`collocations` can sort by.
COLLOCATION_SORTS = ("g2", "pmi", "npmi", "t_score", "count")


@dataclass
class CollocationRow(_Row):
    """One word pair (or one collocate of a node word) with its association scores.

    Attributes:
        collocation: the two words, separated by a space.
        first: the first word (in node mode, the node).
        second: the second word (in node mode, the collocate).
        count: ``o11``: how often they occur together.
        first_count: ``r1`` (see the module docstring).
        second_count: ``c1`` (see the module docstring).
        expected: ``e11``, the count expected by chance.
        pmi: pointwise mutual information (log2).
        npmi: normalised PMI, in [−1, 1].
        g2: log-likelihood ratio, negative when the pair is rarer than chance.
        t_score: (O − E) / √O.
        left: node mode: occurrences left of the node; else None.
        right: node mode: occurrences right of the node; else None.
    """

    collocation: str
    first: str
    second: str
    count: int
    first_count: int
    second_count: int
    expected: float
    pmi: float
    npmi: float
    g2: float
    t_score: float
    left: int | None = None
    right: int | None = None


def collocations(
    documents: Iterable[Document | Failure | str],
    *,
    window: int = 1,
    node: str | None = None,
    min_count: int = 2,
    sort: str = "g2",
    top: int | None = None,
    segmenter: Segmenter | None = None,
    pos: str | Sequence[str] | None = None,
    lowercase: bool = True,
    numbers: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> list[CollocationRow]:
    """Find collocations (word pairs) or the collocates of a node word.

    Args:
        documents: documents (e.g. from :func:`policytext.iter_documents`) or texts.
        window: how many positions apart the two words may be (1: adjacent).
        node: a word (one token); give it to list its collocates within
            ``window`` positions on either side.
        min_count: drop pairs that occur together fewer times.
        sort: ``g2`` (default), ``pmi``, ``npmi``, ``t_score`` or ``count``.
        top: keep the first ``top`` rows.
        segmenter, pos, lowercase, numbers, keep: see :class:`TokenStream`.

    Returns:
        :class:`CollocationRow` rows, best first (ties by count, then words).

    Raises:
        ConfigError: ``window`` < 1, an unknown ``sort``, or a node that the
            segmenter cuts into several tokens.

    Example:
        >>> rows = collocations(["建设实训基地。建设实训基地。建设学校。"], min_count=2)
        >>> rows[0].collocation, rows[0].count
        ('建设 实训基地', 2)
    """
    if window < 1:
        raise ConfigError(f"the collocation window must be at least 1, not {window}")
    if sort not in COLLOCATION_SORTS:
        raise ConfigError(
            f"cannot sort collocations by {sort!r}; choose one of: {', '.join(COLLOCATION_SORTS)}"
        )
    stream = TokenStream(segmenter, pos=pos, lowercase=lowercase, numbers=numbers, keep=keep)
    docs = as_documents(documents)
    if node is None:
        rows = _pairs(docs, stream, window, min_count)
    else:
        rows = _node(docs, stream, _node_token(stream, node), window, min_count)
    rows.sort(key=lambda r: (-getattr(r, sort), -r.count, r.first, r.second))
    return rows[:top] if top is not None else rows


def _node_token(stream: TokenStream, node: str) -> str:
    words = [t for t in stream.segmenter.cut(node.strip()) if not t.isspace()]
    if len(words) != 1:
        raise ConfigError(
            f"the node {node!r} is not one token (the segmenter cuts it into {' / '.join(words) or 'nothing'}); "
            f"add it to a user dictionary so that it stays whole, or pick one of its words"
        )
    return stream.normalize(words[0])


def _pairs(
    docs: Iterable[Document], stream: TokenStream, window: int, min_count: int
) -> list[CollocationRow]:
    pairs: Counter[tuple[str, str]] = Counter()
    firsts: Counter[str] = Counter()
    seconds: Counter[str] = Counter()
    for document in docs:
        for _sent, tokens in stream.sentences(document):
            content = [(t.position, t.text) for t in tokens if t.content]
            for i, (pos_i, word_i) in enumerate(content):
                for pos_j, word_j in content[i + 1 :]:
                    if pos_j - pos_i > window:
                        break
                    pairs[(word_i, word_j)] += 1
                    firsts[word_i] += 1
                    seconds[word_j] += 1
    n = sum(pairs.values())
    rows = []
    for (first, second), o11 in pairs.items():
        if o11 < min_count:
            continue
        rows.append(_row(first, second, o11, firsts[first], seconds[second], n))
    return rows


def _node(
    docs: Iterable[Document], stream: TokenStream, node: str, window: int, min_count: int
) -> list[CollocationRow]:
    left: Counter[str] = Counter()
    right: Counter[str] = Counter()
    freq: Counter[str] = Counter()
    for document in docs:
        for _sent, tokens in stream.sentences(document):
            content = [t for t in tokens if t.content]
            freq.update(t.text for t in content)
            for hit in tokens:
                if hit.text != node:
                    continue
                for tok in content:
                    gap = tok.position - hit.position
                    if -window <= gap < 0:
                        left[tok.text] += 1
                    elif 0 < gap <= window:
                        right[tok.text] += 1
    n = sum(freq.values())
    r1 = sum(left.values()) + sum(right.values())
    rows = []
    for word in set(left) | set(right):
        o11 = left[word] + right[word]
        if o11 < min_count:
            continue
        row = _row(node, word, o11, r1, freq[word], n)
        row.left, row.right = left[word], right[word]
        rows.append(row)
    return rows


def _row(first: str, second: str, o11: int, r1: int, c1: int, n: int) -> CollocationRow:
    o12 = max(r1 - o11, 0)
    o21 = max(c1 - o11, 0)
    o22 = max(n - r1 - c1 + o11, 0)
    e11 = r1 * c1 / n if n else 0.0
    g2 = _stats.g2(o11, o12, o21, o22)
    return CollocationRow(
        collocation=f"{first} {second}",
        first=first,
        second=second,
        count=o11,
        first_count=r1,
        second_count=c1,
        expected=round(e11, 6),
        pmi=round(_stats.pmi(o11, e11), 6),
        npmi=round(_stats.npmi(o11, e11, n), 6),
        g2=round(g2 if o11 >= e11 else -g2, 6),
        t_score=round(_stats.t_score(o11, e11), 6),
    )
