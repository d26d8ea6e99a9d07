"""Topic prevalence by metadata (year, level, region ...) and representative passages.

Prevalence of a topic in a group is the mean topic share of the group's units
(each unit counts once; units without any vocabulary term are left out). Its
95% interval is a percentile bootstrap over the group's units, with a random
stream seeded from the run's seed and the group's name, so that every group's
interval is reproducible and does not move when other groups are added.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError
from .units import TopicUnit

__all__ = ["MISSING_GROUP", "unit_groups", "topic_prevalence", "representative_units"]

#: The group of units whose document lacks the field.
MISSING_GROUP = "(missing)"
_UNIT_FIELDS = ("doc", "source", "title", "kind")


def unit_groups(units: Sequence[TopicUnit], field: str) -> list[Any]:
    """Return each unit's value of a metadata field (``doc``, ``source``, ``title`` too).

    Missing or blank values are :data:`MISSING_GROUP`.
    """
    out: list[Any] = []
    for unit in units:
        value = getattr(unit, field) if field in _UNIT_FIELDS else unit.metadata.get(field)
        if value is None or (isinstance(value, str) and not value.strip()):
            value = MISSING_GROUP
        out.append(value)
    return out


def _group_key(value: Any) -> tuple[int, float, str]:
    if value == MISSING_GROUP:
        return (2, 0.0, "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return (0, float(value), "")
    return (1, 0.0, str(value))


def topic_prevalence(
    shares: np.ndarray,
    groups: Sequence[Any] | None = None,
    *,
    n_boot: int = 1000,
    seed: int = 42,
    level: float = 0.95,
    field: str = "all",
) -> list[dict[str, Any]]:
    """Mean topic shares per group, with percentile-bootstrap intervals over units.

    Args:
        shares: ``units x k`` topic shares (``TopicModel.doc_topics_``).
        groups: each unit's group (e.g. from :func:`unit_groups`); None puts
            every unit in one group ``all``.
        n_boot: bootstrap resamples; 0 gives no interval (low = high = share).
        seed: random seed of the bootstrap.
        level: the interval's coverage.
        field: the metadata field the groups come from (names the rows and
            seeds each group's resampling).

    Returns:
        Rows ``field, group, topic, share, low, high, units``, groups in order
        (numbers ascending, then names, then :data:`MISSING_GROUP`), topics from 1.

    Example:
        >>> rows = topic_prevalence(model.doc_topics_, unit_groups(units, "year"), field="year")  # doctest: +SKIP
    """
    shares = np.asarray(shares, dtype=np.float64)
    if shares.ndim != 2:
        raise ConfigError("shares must be a units x topics array")
    n_units, k = shares.shape
    if groups is None:
        groups = ["all"] * n_units
    if len(groups) != n_units:
        raise ConfigError(f"{len(groups)} group values for {n_units} units")
    if not 0 < level < 1:
        raise ConfigError(f"the interval level must lie between 0 and 1, not {level!r}")
    used = shares.sum(axis=1) > 0
    members: dict[Any, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    rows: list[dict[str, Any]] = []
    tail = (1.0 - level) / 2 * 100
    for group in sorted(members, key=_group_key):
        idx = np.asarray([i for i in members[group] if used[i]], dtype=np.int64)
        if idx.size == 0:
            mean = np.zeros(k)
            low = high = mean
        else:
            block = shares[idx]
            mean = block.mean(axis=0)
            low, high = mean, mean
            if n_boot > 0 and idx.size > 1:
                boot = _bootstrap_means(block, n_boot, _group_seed(seed, field, group))
                low, high = np.percentile(boot, [tail, 100 - tail], axis=0)
        for t in range(k):
            rows.append(
                {
                    "field": field,
                    "group": group,
                    "topic": t + 1,
                    "share": float(mean[t]),
                    "low": float(low[t]),
                    "high": float(high[t]),
                    "units": int(idx.size),
                }
            )
    return rows


def _group_seed(seed: int, field: str, group: Any) -> list[int]:
    return [int(seed) & 0xFFFFFFFF, zlib.crc32(f"{field}\x00{group}".encode())]


def _bootstrap_means(block: np.ndarray, n_boot: int, seed: list[int], *, chunk: int = 100) -> np.ndarray:
    """Means of ``n_boot`` resamples (with replacement) of the rows of ``block``."""
    rng = np.random.default_rng(seed)
    n = block.shape[0]
    pvals = np.full(n, 1.0 / n)
    out = []
    for start in range(0, n_boot, chunk):
        size = min(chunk, n_boot - start)
        # resample counts instead of index arrays: memory stays chunk x units
        counts = rng.multinomial(n, pvals, size=size).astype(np.float64)
        out.append(counts @ block / n)
    return np.vstack(out)


def representative_units(
    shares: np.ndarray,
    units: Sequence[TopicUnit],
    *,
    n: int = 5,
    lengths: Sequence[int] | np.ndarray | None = None,
    min_terms: int = 5,
) -> list[dict[str, Any]]:
    """The units most about each topic, with their citations.

    Units are ranked by their share of the topic; when ``lengths``
    (vocabulary tokens per unit, ``TopicModel.unit_lengths_``) is given, equal
    shares go to the longer unit (NMF gives many units a share of exactly 1),
    and units with fewer than ``min_terms`` of them are passed over as long as
    enough longer ones are left: a heading made of one topic word has a share
    of 1 but says little. Remaining ties keep unit order.

    Returns:
        Rows ``topic, rank, share, unit, doc, source, clause, page, start, end,
        citation, text``.
    """
    shares = np.asarray(shares, dtype=np.float64)
    if shares.shape[0] != len(units):
        raise ConfigError(f"{shares.shape[0]} rows of shares for {len(units)} units")
    long_enough = np.ones(len(units), dtype=bool)
    size = np.zeros(len(units))
    if lengths is not None:
        size = np.asarray(lengths, dtype=np.float64)
        long_enough = size >= min_terms
    order_index = np.arange(len(units))
    rows: list[dict[str, Any]] = []
    for t in range(shares.shape[1]):
        col = shares[:, t]
        candidates = np.flatnonzero((col > 0) & long_enough)
        if candidates.size < n:
            candidates = np.flatnonzero(col > 0)
        ranked = candidates[np.lexsort((order_index[candidates], -size[candidates], -col[candidates]))][:n]
        for rank, i in enumerate(ranked, 1):
            unit = units[int(i)]
            rows.append(
                {"topic": t + 1, "rank": rank, "share": float(col[i]), **unit.to_dict(), "text": unit.text}
            )
    return rows
