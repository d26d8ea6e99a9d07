"""Topic coherence measured on the corpus itself: NPMI and C_V over paragraphs.

Both measures count *paragraph co-occurrence of the term strings*: a paragraph
contains a term when the term's characters occur in the paragraph's text
(Latin-script terms: as a whole word, ignoring case). Counting strings rather
than tokens judges every tokenizer alike, so a model built on one segmenter
can be compared with a model built on another.

``c_npmi`` (Bouma 2009; Aletras & Stevenson 2013) is the mean, over the pairs
of a topic's top ``n`` terms, of

    NPMI(a, b) = log(p(a, b) / (p(a) p(b))) / -log p(a, b)

with ``p`` the share of paragraphs that contain the term(s); a pair that never
co-occurs scores -1, and a pair found in every paragraph scores 0.

``c_v`` (Röder, Both & Hinneburg 2015) compares each top term's NPMI vector
against the whole top-term set's vector by cosine similarity (one-set
segmentation, NPMI with ε = 1e-12), but with paragraphs as the contexts in
place of a 110-token sliding window.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = ["CoherenceReference", "coherence_npmi", "coherence_cv"]

# Terms in Latin script (English words, u.s., covid-19, r&d, 5g) match as whole
# words; a letter or digit on either side means another word ("state" is not
# in "statement", "tax" not in "taxation").
_LATIN = re.compile(r"^[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F _.'’&+%\-]*$")
_WORD_CHAR = r"A-Za-z0-9\u00C0-\u024F"
_SEP = "\x00"


class CoherenceReference:
    """Paragraph texts, indexed for coherence: which paragraphs hold which term.

    Build it once per corpus and score as many topic sets as needed (a sweep
    over K re-uses the counts of terms it has seen).

    Args:
        texts: the reference paragraphs (usually the corpus' paragraphs).
    """

    def __init__(self, texts: Iterable[str]) -> None:
        parts = [t.replace(_SEP, " ") for t in texts]
        self.n = len(parts)
        self._text = _SEP.join(parts)
        self._lower: str | None = None
        lengths = np.fromiter((len(p) + 1 for p in parts), dtype=np.int64, count=self.n)
        self._starts = (
            np.concatenate(([0], np.cumsum(lengths)[:-1])) if self.n else np.zeros(0, dtype=np.int64)
        )
        self._cache: dict[str, np.ndarray] = {}

    def occurrences(self, term: str) -> np.ndarray:
        """Return the sorted indices of the paragraphs that contain ``term``."""
        hit = self._cache.get(term)
        if hit is not None:
            return hit
        if not term or self.n == 0:
            found = np.zeros(0, dtype=np.int64)
        else:
            if _LATIN.match(term):
                if self._lower is None:
                    self._lower = self._text.lower()
                pattern = re.compile(
                    rf"(?<![{_WORD_CHAR}])" + re.escape(term.lower()) + rf"(?![{_WORD_CHAR}])"
                )
                positions = [m.start() for m in pattern.finditer(self._lower)]
            else:
                positions = _find_all(self._text, term)
            found = np.unique(
                np.searchsorted(self._starts, np.asarray(positions, dtype=np.int64), side="right") - 1
            )
        self._cache[term] = found
        return found

    def _matrix(self, terms: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Paragraph counts of each term and of each pair (``len(terms)`` square)."""
        import scipy.sparse as sp

        rows, cols = [], []
        for i, term in enumerate(terms):
            occ = self.occurrences(term)
            rows.append(np.full(occ.shape[0], i, dtype=np.int64))
            cols.append(occ)
        data_rows = np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64)
        data_cols = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        m = sp.csr_matrix(
            (np.ones(data_rows.shape[0], dtype=np.float64), (data_rows, data_cols)),
            shape=(len(terms), max(self.n, 1)),
        )
        co = (m @ m.T).toarray()
        return np.diag(co).copy(), co

    def npmi(self, topics: Sequence[Sequence[str]], *, top_n: int = 10) -> list[float]:
        """Mean pairwise NPMI of each topic's first ``top_n`` terms (see the module docs)."""
        scores = []
        for terms in topics:
            terms = list(dict.fromkeys(terms))[:top_n]
            if len(terms) < 2 or self.n == 0:
                scores.append(0.0)
                continue
            single, co = self._matrix(terms)
            vals = []
            for a in range(len(terms)):
                for b in range(a + 1, len(terms)):
                    vals.append(_npmi(co[a, b], single[a], single[b], self.n))
            scores.append(float(np.mean(vals)))
        return scores

    def cv(self, topics: Sequence[Sequence[str]], *, top_n: int = 10, eps: float = 1e-12) -> list[float]:
        """C_V of each topic's first ``top_n`` terms, with paragraphs as contexts."""
        scores = []
        for terms in topics:
            terms = list(dict.fromkeys(terms))[:top_n]
            if len(terms) < 2 or self.n == 0:
                scores.append(0.0)
                continue
            single, co = self._matrix(terms)
            p = single / self.n
            pij = co / self.n
            outer = np.outer(p, p)
            vec = np.zeros_like(pij)
            ok = outer > 0
            with np.errstate(divide="ignore", invalid="ignore"):
                num = np.log((pij + eps) / np.where(ok, outer, 1.0))
                den = -np.log(pij + eps)
                vec[ok] = num[ok] / den[ok]
            total = vec.sum(axis=0)
            norms = np.linalg.norm(vec, axis=1) * np.linalg.norm(total)
            cos = np.zeros(len(terms))
            np.divide(vec @ total, norms, out=cos, where=norms > 0)
            scores.append(float(cos.mean()))
        return scores


def _find_all(text: str, term: str) -> list[int]:
    out = []
    find = text.find
    i = find(term)
    while i >= 0:
        out.append(i)
        i = find(term, i + 1)
    return out


def _npmi(n_ab: float, n_a: float, n_b: float, n: int) -> float:
    if n_ab <= 0:
        return -1.0
    p_ab = n_ab / n
    if p_ab >= 1.0:
        return 0.0
    return float(np.log(p_ab / ((n_a / n) * (n_b / n))) / -np.log(p_ab))


def coherence_npmi(
    topics: Sequence[Sequence[str]], texts: Iterable[str] | CoherenceReference, *, top_n: int = 10
) -> list[float]:
    """Mean pairwise NPMI of each topic's top terms, over paragraph co-occurrence.

    Args:
        topics: each topic's terms, heaviest first.
        texts: the reference paragraphs (or a :class:`CoherenceReference`).
        top_n: how many of each topic's terms to score.

    Returns:
        One score per topic, in [-1, 1]; their mean is the model's ``c_npmi``.

    Example:
        >>> paras = ["发展经济，扩大就业", "扩大就业，稳定物价", "加强国防"]
        >>> [round(s, 3) for s in coherence_npmi([["就业", "扩大"], ["就业", "国防"]], paras)]
        [1.0, -1.0]
    """
    ref = texts if isinstance(texts, CoherenceReference) else CoherenceReference(texts)
    return ref.npmi(topics, top_n=top_n)


def coherence_cv(
    topics: Sequence[Sequence[str]], texts: Iterable[str] | CoherenceReference, *, top_n: int = 10
) -> list[float]:
    """C_V coherence of each topic's top terms, with paragraphs as contexts.

    Args:
        topics: each topic's terms, heaviest first.
        texts: the reference paragraphs (or a :class:`CoherenceReference`).
        top_n: how many of each topic's terms to score.

    Returns:
        One score per topic, in [0, 1] for any real corpus; their mean is ``c_v``.
    """
    ref = texts if isinstance(texts, CoherenceReference) else CoherenceReference(texts)
    return ref.cv(topics, top_n=top_n)
