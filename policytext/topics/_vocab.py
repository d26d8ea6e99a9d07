"""Tokens to counts: the token filter, vocabulary pruning and the unit-term matrix.

What the filter drops, and why: pure punctuation and symbols; numbers written
in Arabic digits with or without a unit (``2018年``, ``6.6%``, ``90万亿元``),
which name amounts, not subjects; counting words made only of Chinese numerals
and a measure (``三年``, ``两个``, ``第二``, ``一九五七年``); and, by default, single characters,
which in Chinese are mostly function words. Two-character words (the bulk of
the policy vocabulary: 改革, 就业, 税费) and longer domain terms are kept,
including those that mix digits and letters (``5G``) or are numerals used as
names (``十四五``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from ..errors import ConfigError

_WORDLIKE = re.compile(r"[^\W_]")
_ARABIC_NUMBER = re.compile(r"^[\d.,，．%％+\-~～/:×·]+[\u4e00-\u9fff]{0,3}$")
_NUMERALS = "零〇一二三四五六七八九十百千万亿两几半"
_COUNTING = re.compile(rf"^第?[{_NUMERALS}]+[年月日号个项条款章节次倍份名位种批家届期度岁级类轮]?$")


def keep_token(token: str, *, min_chars: int = 2) -> bool:
    """Say whether a token may enter the topic vocabulary.

    >>> [t for t in ["改革", "2018年", "6.6%", "的", "三年", "十四五", "5G", "，"] if keep_token(t)]
    ['改革', '十四五', '5G']
    """
    token = token.strip()
    if len(token) < min_chars or not _WORDLIKE.search(token):
        return False
    if _ARABIC_NUMBER.match(token) and not re.search(r"[A-Za-z]", token):
        return False
    if _COUNTING.match(token) and (len(token) <= 2 or token[0] == "第" or token[-1] not in _NUMERALS):
        # 三年, 一九五七年, 第十一 count or date; 十四五 (a plan's name) ends in a numeral and stays
        return False
    return True


def filter_tokens(tokens: Iterable[str], *, min_chars: int = 2, lowercase: bool = True) -> list[str]:
    """Apply :func:`keep_token`; Latin tokens are lower-cased so ``Reform`` and ``reform`` are one term."""
    out = []
    for tok in tokens:
        tok = tok.strip()
        if keep_token(tok, min_chars=min_chars):
            out.append(tok.lower() if lowercase else tok)
    return out


@dataclass
class Prepared:
    """A corpus ready for fitting: counts over a pruned vocabulary.

    Attributes:
        counts: ``units x terms`` term counts (CSR, int32).
        vocabulary: the terms, in column order (sorted by code point).
        document_frequency: how many units hold each term.
        n_tokens: kept tokens in each unit (before pruning).
    """

    counts: sp.csr_matrix
    vocabulary: list[str]
    document_frequency: np.ndarray
    n_tokens: np.ndarray


def prepare(
    token_lists: Sequence[Sequence[str]],
    *,
    min_df: float | str = "auto",
    max_df: float = 0.5,
    max_terms: int | None = None,
) -> Prepared:
    """Count terms over units and prune the vocabulary by document frequency.

    Args:
        token_lists: the filtered tokens of each unit.
        min_df: keep terms in at least this many units (an int), or this share
            of units (a float below 1); ``"auto"`` is :func:`auto_min_df`.
        max_df: drop terms in more than this share of units (a float up to 1),
            or more than this many units (an int above 1).
        max_terms: keep at most this many terms, the most frequent first
            (ties broken by code point, so the result is stable).

    Raises:
        ConfigError: no unit holds any token, or no term survives the pruning.
    """
    from sklearn.feature_extraction.text import CountVectorizer

    n_units = len(token_lists)
    if n_units == 0:
        raise ConfigError("no units to fit: the inputs hold no text")
    lo = _as_count(auto_min_df(n_units) if min_df == "auto" else min_df, n_units, "min_df")
    hi = _as_count(max_df, n_units, "max_df")
    vec = CountVectorizer(analyzer=_identity, lowercase=False, dtype=np.int32)
    try:
        counts = vec.fit_transform(token_lists).tocsr()
    except ValueError as exc:  # sklearn: "empty vocabulary"
        raise ConfigError(
            "no words left after tokenising: the inputs hold only numbers, punctuation or stopwords"
        ) from exc
    vocabulary = list(vec.get_feature_names_out())
    n_tokens = np.asarray(counts.sum(axis=1)).ravel()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    keep = (df >= lo) & (df <= hi)
    if max_terms is not None and int(keep.sum()) > max_terms:
        freq = np.asarray(counts.sum(axis=0)).ravel()
        candidates = np.flatnonzero(keep)
        # most frequent first; np.lexsort is stable, and columns are in code-point order
        order = candidates[np.lexsort((candidates, -freq[candidates]))]
        keep = np.zeros_like(keep)
        keep[order[:max_terms]] = True
    if not keep.any():
        raise ConfigError(
            f"no term is in at least {lo} and at most {hi} of the {n_units} units; "
            "lower --min-df or raise --max-df (or use a larger unit)"
        )
    cols = np.flatnonzero(keep)
    return Prepared(
        counts=counts[:, cols].tocsr(),
        vocabulary=[vocabulary[i] for i in cols],
        document_frequency=df[cols],
        n_tokens=n_tokens,
    )


def auto_min_df(n_units: int) -> int:
    """The default document-frequency floor: 5 units from 1,000 units up, 2 below 400.

    Five is the floor most topic-model recipes use on corpora of thousands of
    paragraphs; it drops the one-off words (names, typos) that make topics
    look specific without being shared. A small corpus cannot afford it.

    >>> [auto_min_df(n) for n in (50, 600, 1000, 8000)]
    [2, 3, 5, 5]
    """
    return int(min(5, max(2, n_units // 200)))


def count_matrix(token_lists: Sequence[Sequence[str]], vocabulary: Sequence[str]) -> sp.csr_matrix:
    """Count the terms of a fixed vocabulary in each unit (unknown terms are ignored)."""
    index = {term: i for i, term in enumerate(vocabulary)}
    indptr = [0]
    indices: list[int] = []
    data: list[int] = []
    for tokens in token_lists:
        row: dict[int, int] = {}
        for tok in tokens:
            j = index.get(tok)
            if j is not None:
                row[j] = row.get(j, 0) + 1
        for j in sorted(row):
            indices.append(j)
            data.append(row[j])
        indptr.append(len(indices))
    return sp.csr_matrix(
        (np.asarray(data, dtype=np.int32), np.asarray(indices, dtype=np.int32), np.asarray(indptr)),
        shape=(len(token_lists), len(vocabulary)),
    )


def _as_count(value: float | str, n_units: int, name: str) -> float:
    if isinstance(value, str) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{name} must be a non-negative number, not {value!r}")
    if isinstance(value, float) and value <= 1.0:
        return value * n_units
    return float(value)


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


TokenFilter = Callable[[Iterable[str]], list[str]]
