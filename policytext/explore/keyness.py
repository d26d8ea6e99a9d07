"""Keyness: the words that set a target group of documents apart from a reference group.

For each term, a 2×2 table of its count in the target (``a``) and reference
(``b``) against the other tokens of each (``c − a``, ``d − b``; ``c`` and ``d``
the groups' content tokens) gives:

- ``g2`` (default): the log-likelihood ratio G² on the full 2×2 table (Dunning
  1993; the measure of Rayson & Garside 2000 and quanteda's ``lr``), without
  correction unless ``correction="williams"``.
- ``chi2``: Pearson's χ² on the same table, **with** Yates' continuity
  correction by default (``correction="none"`` drops it).

The statistic is signed: positive when the term is relatively more frequent in
the target, negative when more frequent in the reference (quanteda's
convention). The p-value is the χ²(1) upper tail of the unsigned statistic,
uncorrected for the number of terms tested. The effect size is Hardie's (2014)
log ratio, ``log2((a/c) / (b/d))`` with a zero count taken as 0.5.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..model import Document, Failure, _Row
from . import _stats
from ._groups import SelectorLike, as_predicate, describe
from .terms import TermCounts

if TYPE_CHECKING:
    from ..segment import Segmenter

__all__ = ["KeynessRow", "keyness", "keyness_from_counts", "KEYNESS_MEASURES"]

#: The keyness statistics, and the corrections each accepts.
KEYNESS_MEASURES = {"g2": ("none", "williams"), "chi2": ("yates", "none")}


@dataclass
class KeynessRow(_Row):
    """One term's keyness, target against reference.

    Attributes:
        term: the term.
        rank: 1-based rank within its direction (1 = the strongest).
        direction: ``target`` (more frequent there), ``reference``, or empty
            when the relative frequencies are equal.
        keyness: the signed statistic (G² or χ²).
        p_value: χ²(1) upper tail of the unsigned statistic.
        log_ratio: log2 of the ratio of relative frequencies (target / reference).
        target_count: occurrences in the target.
        reference_count: occurrences in the reference.
        target_per_10k: occurrences per 10,000 content tokens of the target.
        reference_per_10k: the same for the reference.
    """

    term: str
    rank: int
    direction: str
    keyness: float
    p_value: float
    log_ratio: float
    target_count: int
    reference_count: int
    target_per_10k: float
    reference_per_10k: float


def _correction(measure: str, correction: str | None) -> str:
    if measure not in KEYNESS_MEASURES:
        raise ConfigError(
            f"unknown keyness measure {measure!r}; choose one of: {', '.join(KEYNESS_MEASURES)}"
        )
    allowed = KEYNESS_MEASURES[measure]
    if correction is None or correction == "default":
        return allowed[0]
    if correction not in allowed:
        raise ConfigError(
            f"the correction {correction!r} does not apply to {measure}; choose one of: {', '.join(allowed)}"
        )
    return correction


def keyness_from_counts(
    target: Mapping[str, int],
    reference: Mapping[str, int],
    *,
    target_total: int | None = None,
    reference_total: int | None = None,
    measure: str = "g2",
    correction: str | None = None,
    min_count: int = 1,
    top: int | None = None,
) -> list[KeynessRow]:
    """Keyness of every term from two frequency lists.

    Args:
        target: term -> count in the target group.
        reference: term -> count in the reference group.
        target_total: tokens of the target (default: the sum of its counts).
        reference_total: tokens of the reference (default: the sum of its counts).
        measure: ``g2`` or ``chi2``.
        correction: ``None`` for the measure's default (G²: none; χ²: Yates),
            or ``none``, ``williams`` (G²), ``yates`` (χ²).
        min_count: drop terms with fewer occurrences in both groups together.
        top: keep the ``top`` strongest terms of each direction.

    Returns:
        Rows sorted by signed keyness, largest first: the target's keywords
        at the top, the reference's at the bottom (the strongest last).

    Raises:
        ConfigError: an unknown measure, or a correction that does not apply.

    Example:
        >>> rows = keyness_from_counts({"甲": 10, "乙": 90}, {"甲": 1, "乙": 99})
        >>> rows[0].term, rows[0].direction, round(rows[0].keyness, 3)
        ('甲', 'target', 8.976)
    """
    corr = _correction(measure, correction)
    c = sum(target.values()) if target_total is None else target_total
    d = sum(reference.values()) if reference_total is None else reference_total
    rows: list[KeynessRow] = []
    for term in set(target) | set(reference):
        a = target.get(term, 0)
        b = reference.get(term, 0)
        if a + b < min_count or a + b == 0:
            continue
        cells = (a, c - a, b, d - b)
        if measure == "g2":
            stat = _stats.g2(*cells)
            if corr == "williams":
                stat /= _stats.williams_q(*cells)
        else:
            stat = _stats.chi2(*cells, yates=corr == "yates")
        rate_a = a / c if c else 0.0
        rate_b = b / d if d else 0.0
        direction = "target" if rate_a > rate_b else "reference" if rate_a < rate_b else ""
        signed = stat if direction == "target" else -stat if direction == "reference" else 0.0
        rows.append(
            KeynessRow(
                term=term,
                rank=0,
                direction=direction,
                keyness=round(signed, 6),
                p_value=_stats.p_value(stat) if direction else 1.0,
                log_ratio=round(_stats.log_ratio(a, c, b, d), 6),
                target_count=a,
                reference_count=b,
                target_per_10k=round(rate_a * 10000, 4),
                reference_per_10k=round(rate_b * 10000, 4),
            )
        )
    rows.sort(key=lambda r: (-r.keyness, -r.target_count, r.term))
    positive = [r for r in rows if r.keyness > 0]
    neutral = [r for r in rows if r.keyness == 0]
    negative = [r for r in rows if r.keyness < 0][::-1]  # strongest first, for ranking
    for group in (positive, negative, neutral):
        for rank, row in enumerate(group, 1):
            row.rank = rank
    if top is not None:
        return positive[:top] + negative[:top][::-1]
    return positive + neutral + negative[::-1]


def keyness(
    documents: Iterable[Document | Failure | str],
    *,
    target: SelectorLike,
    reference: SelectorLike | None = None,
    measure: str = "g2",
    correction: str | None = None,
    min_count: int = 1,
    top: int | None = None,
    segmenter: Segmenter | None = None,
    pos: str | Sequence[str] | None = None,
    lowercase: bool = True,
    numbers: bool = False,
    keep: Callable[[str], bool] | None = None,
) -> list[KeynessRow]:
    """Keywords of a target group of documents against a reference group.

    Args:
        documents: documents (e.g. from :func:`policytext.iter_documents`) or texts.
        target: the target documents: ``"level=city"``, ``{"level": "city"}``,
            a list of such selectors (all must hold) or a function of the document.
        reference: the reference documents, in the same forms; None: every
            document that is not in the target.
        measure, correction, min_count, top: see :func:`keyness_from_counts`.
        segmenter, pos, lowercase, numbers, keep: see :class:`TokenStream`.

    Returns:
        :class:`KeynessRow` rows, target keywords first (see :func:`keyness_from_counts`).

    Raises:
        ConfigError: a selector cannot be read, no document is in the target or
            in the reference, or a document is in both.

    Example:
        >>> rows = keyness(policytext.iter_documents(["corpus/"], metadata="meta.csv"),  # doctest: +SKIP
        ...                target="level=city", reference="level=national", top=20)
    """
    _correction(measure, correction)
    in_target = as_predicate(target)
    in_reference = as_predicate(reference) if reference is not None else None

    def side(document: Document) -> str | None:
        t = in_target(document)
        if in_reference is None:
            return "target" if t else "reference"
        r = in_reference(document)
        if t and r:
            raise ConfigError(
                f"{document.source}: the document is in both the target and the reference; "
                f"make the two groups disjoint"
            )
        return "target" if t else "reference" if r else None

    counts = TermCounts(
        by=side, segmenter=segmenter, pos=pos, lowercase=lowercase, numbers=numbers, keep=keep
    )
    counts.update(documents)
    for name, spec in (("target", target), ("reference", reference)):
        if not counts.documents.get(name):
            shown = "every document not in the target" if spec is None else describe(spec)
            raise ConfigError(
                f"no document is in the {name} ({shown}); check the values and the metadata "
                f"(--metadata FILE.csv gives documents their fields)"
            )
    return keyness_from_counts(
        counts.counts.get("target", {}),
        counts.counts.get("reference", {}),
        target_total=counts.tokens.get("target", 0),
        reference_total=counts.tokens.get("reference", 0),
        measure=measure,
        correction=correction,
        min_count=min_count,
        top=top,
    )
