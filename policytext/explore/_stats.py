"""Association statistics on a 2×2 contingency table.

The table, for a word in a target and a reference corpus (keyness), or for a
pair of words (collocations)::

                 word / pair     everything else
    target       o11             o12              = r1
    reference    o21             o22              = r2
                 = c1            = c2             = n

Expected counts are ``e_ij = r_i * c_j / n``. References: Dunning (1993) for
G²; Rayson & Garside (2000) for its use in keyness; Hardie (2014) for the log
ratio; Church & Hanks (1990) for PMI; Bouma (2009) for NPMI; Evert (2008) for
the t-score and the contingency-table view of collocations.
"""

from __future__ import annotations

import math

__all__ = ["expected", "g2", "chi2", "williams_q", "p_value", "log_ratio", "pmi", "npmi", "t_score"]


def expected(o11: float, o12: float, o21: float, o22: float) -> tuple[float, float, float, float]:
    """Expected counts of the four cells under independence."""
    r1, r2 = o11 + o12, o21 + o22
    c1, c2 = o11 + o21, o12 + o22
    n = r1 + r2
    if n <= 0:
        return 0.0, 0.0, 0.0, 0.0
    return r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n


def g2(o11: float, o12: float, o21: float, o22: float) -> float:
    """The log-likelihood ratio G² = 2 Σ O ln(O/E) over the four cells (0 ln 0 = 0)."""
    total = 0.0
    for o, e in zip((o11, o12, o21, o22), expected(o11, o12, o21, o22)):
        if o > 0 and e > 0:
            total += o * math.log(o / e)
    return max(0.0, 2.0 * total)


def williams_q(o11: float, o12: float, o21: float, o22: float) -> float:
    """Williams' (1976) correction factor q for G² on a 2×2 table (divide G² by q)."""
    r1, r2 = o11 + o12, o21 + o22
    c1, c2 = o11 + o21, o12 + o22
    n = r1 + r2
    if min(r1, r2, c1, c2) <= 0:
        return 1.0
    return 1.0 + (n / r1 + n / r2 - 1.0) * (n / c1 + n / c2 - 1.0) / (6.0 * n)


def chi2(o11: float, o12: float, o21: float, o22: float, *, yates: bool = False) -> float:
    """Pearson's χ² on the 2×2 table, optionally with Yates' continuity correction.

    With Yates, ``n (max(0, |ad − bc| − n/2))² / (r1 r2 c1 c2)``.
    """
    r1, r2 = o11 + o12, o21 + o22
    c1, c2 = o11 + o21, o12 + o22
    n = r1 + r2
    denom = r1 * r2 * c1 * c2
    if denom <= 0:
        return 0.0
    diff = abs(o11 * o22 - o12 * o21)
    if yates:
        diff = max(0.0, diff - n / 2.0)
    return n * diff * diff / denom


def p_value(statistic: float) -> float:
    """Upper-tail probability of χ² with one degree of freedom (G² and χ² alike)."""
    if statistic <= 0:
        return 1.0
    return math.erfc(math.sqrt(statistic / 2.0))


def log_ratio(a: float, n1: float, b: float, n2: float) -> float:
    """Hardie's log ratio: log2 of the ratio of relative frequencies (a/n1) / (b/n2).

    A zero frequency is taken as 0.5 so that the ratio stays finite; 1 means
    twice as frequent in the first corpus, -1 half as frequent.
    """
    if n1 <= 0 or n2 <= 0:
        return 0.0
    a = a if a > 0 else 0.5
    b = b if b > 0 else 0.5
    return math.log2((a / n1) / (b / n2))


def pmi(o11: float, e11: float) -> float:
    """Pointwise mutual information, log2(O/E) (−inf when the pair never occurs)."""
    if o11 <= 0 or e11 <= 0:
        return float("-inf")
    return math.log2(o11 / e11)


def npmi(o11: float, e11: float, n: float) -> float:
    """Normalised PMI in [−1, 1]: PMI / −log2(O/N) (1: the words only occur together)."""
    if o11 <= 0 or n <= 0:
        return -1.0
    joint = o11 / n
    if joint >= 1.0:
        return 1.0
    return pmi(o11, e11) / -math.log2(joint)


def t_score(o11: float, e11: float) -> float:
    """The t-score (O − E) / √O (0 when the pair never occurs)."""
    if o11 <= 0:
        return 0.0
    return (o11 - e11) / math.sqrt(o11)
