"""Choosing K: fit a model for each K on one prepared corpus, score coherence, pick.

The rule, stated in every output: the chosen K has the highest mean ``c_npmi``
of its topics' top terms; K values whose score lies within ``tie`` of the best
count as tied, and the smallest of them wins (fewer topics are easier to read
and to defend). Tokenising and vocabulary pruning happen once for the whole
sweep; only the models within the tie margin of the best so far are kept in
memory, so a sweep costs the memory of one corpus and a few models.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError
from .coherence import CoherenceReference
from .estimator import TopicModel, Unit

__all__ = ["TopicSweep", "sweep_topics", "parse_k"]

#: Two K whose mean c_npmi differ by no more than this are tied.
TIE = 0.005


@dataclass
class TopicSweep:
    """The result of :func:`sweep_topics`.

    Attributes:
        rows: one dict per K, in the order given: ``k``, ``c_npmi``, ``c_v``,
            ``npmi_topics`` and ``cv_topics`` (per-topic scores), ``chosen``.
        k: the chosen K.
        reason: why K was chosen, in one sentence.
        rule: the rule applied, in one sentence.
        model: the fitted model for the chosen K.
        top_n: how many top terms per topic the coherence scores read.
    """

    rows: list[dict[str, Any]]
    k: int
    reason: str
    rule: str
    model: TopicModel
    top_n: int = 10

    def to_dict(self) -> dict[str, Any]:
        """The choice as a JSON-ready dict (no model)."""
        return {
            "k": self.k,
            "reason": self.reason,
            "rule": self.rule,
            "top_n": self.top_n,
            "candidates": [{"k": r["k"], "c_npmi": r["c_npmi"], "c_v": r["c_v"]} for r in self.rows],
        }


def parse_k(spec: str | int | Iterable[int]) -> list[int]:
    """Read a K specification: ``10``, ``5:30:5`` (start:stop:step, stop included) or ``5,10,20``.

    >>> parse_k("5:30:5")
    [5, 10, 15, 20, 25, 30]
    >>> parse_k("8,4,8")
    [4, 8]

    Raises:
        ConfigError: the specification is malformed or names a K below 2.
    """
    if isinstance(spec, int):
        ks = [spec]
    elif isinstance(spec, str):
        text = spec.strip()
        m = re.fullmatch(r"(\d+):(\d+)(?::(\d+))?", text)
        if m:
            start, stop, step = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
            if step < 1 or stop < start:
                raise ConfigError(
                    f"bad K range {spec!r}: write START:STOP:STEP with START <= STOP, e.g. 5:30:5"
                )
            ks = list(range(start, stop + 1, step))
        elif re.fullmatch(r"\d+(\s*,\s*\d+)*", text):
            ks = [int(x) for x in text.split(",")]
        else:
            raise ConfigError(f"bad K {spec!r}: give a number (10), a range (5:30:5) or a list (5,10,20)")
    else:
        ks = [int(x) for x in spec]
    ks = sorted(set(ks))
    if not ks or ks[0] < 2:
        raise ConfigError(f"bad K {spec!r}: a topic model needs at least 2 topics")
    return ks


def sweep_topics(
    units: Sequence[Unit],
    ks: str | int | Iterable[int],
    *,
    reference: Iterable[str] | CoherenceReference | None = None,
    top_n: int = 10,
    tie: float = TIE,
    estimator: TopicModel | None = None,
    **options: Any,
) -> TopicSweep:
    """Fit one topic model per K and choose K by coherence.

    Args:
        units: the units to fit (:class:`TopicUnit`, texts or token lists).
        ks: the K values (``10``, ``"5:30:5"``, ``[5, 10, 20]``).
        reference: the paragraphs coherence is counted over; default the
            units' own texts (token-list units need one given).
        top_n: how many top terms per topic the coherence reads.
        tie: scores within this of the best are tied; the smallest K wins.
        estimator: an unfitted :class:`TopicModel` whose settings every K shares.
        **options: settings for a new :class:`TopicModel` (``model``, ``seed``,
            ``min_df`` ...) when no ``estimator`` is given.

    Returns:
        A :class:`TopicSweep` with the score table, the choice and its model.

    Example:
        >>> sweep = sweep_topics(units, "5:30:5", model="nmf", seed=42)   # doctest: +SKIP
        >>> sweep.k, sweep.reason                                          # doctest: +SKIP
    """
    ks = parse_k(ks)
    base = estimator.clone(**options) if estimator is not None else TopicModel(k=ks[0], **options)
    if reference is None:
        texts = [u if isinstance(u, str) else getattr(u, "text", None) for u in units]
        if any(t is None for t in texts):
            raise ConfigError(
                "token-list units need reference texts for coherence: pass reference=paragraph texts"
            )
        reference = texts  # type: ignore[assignment]
    ref = reference if isinstance(reference, CoherenceReference) else CoherenceReference(reference)  # type: ignore[arg-type]
    prepared = base.prepare(units)
    rows: list[dict[str, Any]] = []
    kept: dict[int, TopicModel] = {}
    best = float("-inf")
    for k in ks:
        model = base.clone(k=k).fit_prepared(prepared)
        terms = model.top_terms(top_n)
        npmi = ref.npmi(terms, top_n=top_n)
        cv = ref.cv(terms, top_n=top_n)
        score = sum(npmi) / len(npmi)
        rows.append(
            {
                "k": k,
                "c_npmi": score,
                "c_v": sum(cv) / len(cv),
                "npmi_topics": npmi,
                "cv_topics": cv,
                "chosen": False,
            }
        )
        best = max(best, score)
        kept[k] = model
        kept = {kk: m for kk, m in kept.items() if _score(rows, kk) >= best - tie}
    chosen = min(k for k in kept if _score(rows, k) >= best - tie)
    for row in rows:
        row["chosen"] = row["k"] == chosen
    rule = (
        f"highest mean c_npmi of the top {top_n} terms (paragraph co-occurrence); "
        f"scores within {tie:g} of the best are ties, and the smallest K among them is chosen"
    )
    if len(ks) == 1:
        rule = "K given (no sweep); give a range such as 5:30:5 to choose K by coherence"
    return TopicSweep(
        rows=rows,
        k=chosen,
        reason=_reason(rows, chosen, best, tie, top_n),
        rule=rule,
        model=kept[chosen],
        top_n=top_n,
    )


def _score(rows: list[dict[str, Any]], k: int) -> float:
    return next(r["c_npmi"] for r in rows if r["k"] == k)


def _reason(rows: list[dict[str, Any]], chosen: int, best: float, tie: float, top_n: int) -> str:
    score = _score(rows, chosen)
    if len(rows) == 1:
        return f"K={chosen} was given (no sweep); mean c_npmi of the top {top_n} terms is {score:.4f}"
    best_k = min(r["k"] for r in rows if r["c_npmi"] == best)
    if best_k == chosen:
        tied = [r["k"] for r in rows if r["k"] != chosen and r["c_npmi"] >= best - tie]
        text = f"K={chosen} has the highest mean c_npmi ({score:.4f}) of the K tried"
        if tied:
            text += f"; K={', '.join(map(str, tied))} within the tie margin {tie:g} are larger"
        return text
    return (
        f"K={chosen} (mean c_npmi {score:.4f}) is the smallest K within the tie margin {tie:g} "
        f"of the highest, {best:.4f} at K={best_k}"
    )
