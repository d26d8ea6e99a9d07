"""Term frequencies: counts, document frequencies, TF-IDF and rates per 10,000 tokens, by group.

Definitions (the same in every table policytext writes):

- ``count``: occurrences of the term in the group's documents (content tokens:
  stopwords, punctuation and bare numbers dropped; see :class:`TokenStream`).
- ``per_10k``: ``count / tokens(group) * 10000``, tokens being the group's
  content tokens, so groups of different size compare.
- ``doc_freq``: documents of the group that hold the term; ``doc_share`` the
  same as a share of the group's documents.
- ``idf``: ``log10(N / df)`` with ``N`` the documents counted (all groups) and
  ``df`` the documents holding the term, quanteda's default ``dfm_tfidf``
  weighting; a term in every document gets 0.
- ``tfidf``: the **sum** over the group's documents of ``count(term, doc) *
  idf``, i.e. ``count * idf``; ``tfidf_max``: the **maximum** over the group's
  documents, which favours a term concentrated in one document.

Documents stream through :meth:`TermCounts.add`; only counters are kept.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import ConfigError
from ..model import Document, Failure, _Row
from ._groups import GrouperLike, as_grouper, group_sort_key
from ._tokens import TokenStream, as_documents

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = ["TermRow", "TermCounts", "count_terms", "term_frequencies", "TERM_SORTS"]

#: The orders :meth:`TermCounts.rows` can sort by.
TERM_SORTS = ("count", "tfidf", "tfidf_max", "doc_freq")


@dataclass
class TermRow(_Row):
    """One term of one group in a frequency table.

    Attributes:
        group: the group's value (``all`` without grouping).
        rank: 1-based rank within the group, in the table's sort order.
        term: the term.
        count: its occurrences in the group.
        per_10k: occurrences per 10,000 content tokens of the group.
        doc_freq: documents of the group that hold it.
        doc_share: ``doc_freq`` over the group's documents.
        tfidf: sum over the group's documents of count × idf.
        tfidf_max: the largest count × idf in one document of the group.
        tag: the part of speech it carries most often (when tagged), else empty.
    """

    group: Any
    rank: int
    term: str
    count: int
    per_10k: float
    doc_freq: int
    doc_share: float
    tfidf: float
    tfidf_max: float
    tag: str = ""


class TermCounts:
    """Term counts of a corpus by group, filled one document at a time.

    Args:
        by: a metadata field (``level``, ``year`` ...) or a function of the
            document giving its group; a function that returns None leaves the
            document out. None puts every document in the group ``all``.
        stream: the :class:`TokenStream` (segmenter and filters); by default
            one made from ``segmenter``, ``pos``, ``lowercase``, ``numbers``, ``keep``.
        segmenter, pos, lowercase, numbers, keep: see :class:`TokenStream`.

    Attributes:
        counts: group -> Counter of term occurrences.
        doc_freq: group -> Counter of documents holding each term.
        max_count: group -> the largest count of each term in one document.
        tokens: group -> content tokens.
        documents: group -> documents.
        corpus_doc_freq: documents holding each term, all groups together.
        n_documents: documents counted, all groups together.
        tags: term -> Counter of its part-of-speech tags (when tagged).

    Example:
        >>> counts = TermCounts(by="level").update(policytext.iter_documents(["corpus/"]))  # doctest: +SKIP
        >>> counts.rows(top=10)                                                              # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        by: GrouperLike = None,
        stream: TokenStream | None = None,
        segmenter: Segmenter | None = None,
        pos: str | Sequence[str] | None = None,
        lowercase: bool = True,
        numbers: bool = False,
        keep: Callable[[str], bool] | None = None,
    ) -> None:
        self.by = by
        self.stream = stream or TokenStream(
            segmenter, pos=pos, lowercase=lowercase, numbers=numbers, keep=keep
        )
        self._group_of = as_grouper(by)
        self.counts: dict[Any, Counter[str]] = {}
        self.doc_freq: dict[Any, Counter[str]] = {}
        self.max_count: dict[Any, dict[str, int]] = {}
        self.tokens: dict[Any, int] = {}
        self.documents: dict[Any, int] = {}
        self.corpus_doc_freq: Counter[str] = Counter()
        self.n_documents = 0
        self.tags: dict[str, Counter[str]] = {}

    def add(self, document: Document) -> bool:
        """Count one document; return False when its group is None (left out)."""
        group = self._group_of(document)
        if group is None:
            return False
        counts: Counter[str] = Counter()
        tags = self.tags
        # Cutting the whole text gives the tokens of cutting sentence by sentence:
        # the segmenter never joins characters across punctuation or a line break.
        words = self.stream.words(document.text)
        counts.update(w for w, _tag in words)
        if self.stream.tagging:
            for word, tag in words:
                if tag is not None:
                    tags.setdefault(word, Counter())[tag] += 1
        self.counts.setdefault(group, Counter()).update(counts)
        self.doc_freq.setdefault(group, Counter()).update(counts.keys())
        peak = self.max_count.setdefault(group, {})
        for term, n in counts.items():
            if n > peak.get(term, 0):
                peak[term] = n
        self.tokens[group] = self.tokens.get(group, 0) + sum(counts.values())
        self.documents[group] = self.documents.get(group, 0) + 1
        self.corpus_doc_freq.update(counts.keys())
        self.n_documents += 1
        return True

    def update(self, documents: Iterable[Document | Failure | str]) -> TermCounts:
        """Count every document (:class:`Failure` items are skipped; texts are wrapped)."""
        for document in as_documents(documents):
            self.add(document)
        return self

    @property
    def groups(self) -> list[Any]:
        """The groups seen, numbers first in numeric order, then text, missing last."""
        return sorted(self.counts, key=group_sort_key)

    def idf(self, term: str) -> float:
        """``log10(N / df)`` over all documents counted (0 for an unseen term)."""
        df = self.corpus_doc_freq.get(term, 0)
        if df <= 0 or self.n_documents <= 0:
            return 0.0
        return math.log10(self.n_documents / df)

    def total(self, groups: Iterable[Any] | None = None) -> Counter[str]:
        """Term counts summed over ``groups`` (all groups when None)."""
        out: Counter[str] = Counter()
        for group in self.groups if groups is None else groups:
            out.update(self.counts.get(group, {}))
        return out

    def rows(self, *, top: int | None = None, min_count: int = 1, sort: str = "count") -> list[TermRow]:
        """The frequency table: one row per group and term.

        Args:
            top: keep the first ``top`` terms of each group.
            min_count: drop terms with fewer occurrences in the group.
            sort: ``count`` (ties by term), ``tfidf``, ``tfidf_max`` or ``doc_freq``.

        Returns:
            Rows grouped by group (in :attr:`groups` order), sorted within each.

        Raises:
            ConfigError: ``sort`` is not one of :data:`TERM_SORTS`.
        """
        if sort not in TERM_SORTS:
            raise ConfigError(f"cannot sort terms by {sort!r}; choose one of: {', '.join(TERM_SORTS)}")
        out: list[TermRow] = []
        for group in self.groups:
            counts = self.counts[group]
            tokens = self.tokens.get(group, 0) or 1
            n_docs = self.documents.get(group, 0) or 1
            peak = self.max_count[group]
            dfs = self.doc_freq[group]
            rows = []
            for term, count in counts.items():
                if count < min_count:
                    continue
                idf = self.idf(term)
                tag = self.tags[term].most_common(1)[0][0] if term in self.tags else ""
                rows.append(
                    TermRow(
                        group=group,
                        rank=0,
                        term=term,
                        count=count,
                        per_10k=round(count / tokens * 10000, 4),
                        doc_freq=dfs[term],
                        doc_share=round(dfs[term] / n_docs, 4),
                        tfidf=round(count * idf, 6),
                        tfidf_max=round(peak[term] * idf, 6),
                        tag=tag,
                    )
                )
            rows.sort(key=lambda r: (-getattr(r, sort), -r.count, r.term))
            if top is not None:
                rows = rows[:top]
            for rank, row in enumerate(rows, 1):
                row.rank = rank
            out.extend(rows)
        return out


def count_terms(
    documents: Iterable[Document | Failure | str],
    *,
    by: GrouperLike = None,
    segmenter: Segmenter | None = None,
    pos: str | Sequence[str] | None = None,
    lowercase: bool = True,
    numbers: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> TermCounts:
    """Count the terms of a corpus, by group, in one pass.

    Args:
        documents: documents (e.g. from :func:`policytext.iter_documents`),
            or plain texts; :class:`Failure` items are skipped.
        by, segmenter, pos, lowercase, numbers, keep: see :class:`TermCounts`.

    Returns:
        The filled :class:`TermCounts`.
    """
    counts = TermCounts(by=by, segmenter=segmenter, pos=pos, lowercase=lowercase, numbers=numbers, keep=keep)
    return counts.update(documents)


def term_frequencies(
    documents: Iterable[Document | Failure | str],
    *,
    by: GrouperLike = None,
    top: int | None = None,
    min_count: int = 1,
    sort: str = "count",
    segmenter: Segmenter | None = None,
    pos: str | Sequence[str] | None = None,
    lowercase: bool = True,
    numbers: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> list[TermRow]:
    """The term-frequency table of a corpus: count, per 10k, document frequency, TF-IDF.

    See the module docstring for the exact definitions.

    Args:
        documents: documents or plain texts.
        by: a metadata field or function to group by (None: one group ``all``).
        top: the first ``top`` terms of each group.
        min_count: drop terms with fewer occurrences in a group.
        sort: ``count``, ``tfidf``, ``tfidf_max`` or ``doc_freq``.
        segmenter, pos, lowercase, numbers, keep: see :class:`TokenStream`.

    Returns:
        :class:`TermRow` rows, grouped by group and sorted within each.

    Example:
        >>> rows = term_frequencies(["深化产教融合，推进产教融合。", "建设实训基地。"])
        >>> (rows[0].term, rows[0].count, rows[0].doc_freq)
        ('产教融合', 2, 1)
    """
    counts = count_terms(
        documents, by=by, segmenter=segmenter, pos=pos, lowercase=lowercase, numbers=numbers, keep=keep
    )
    return counts.rows(top=top, min_count=min_count, sort=sort)
