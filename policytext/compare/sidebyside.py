"""National and local targets on the same indicator, side by side.

:func:`compare_targets` pairs each national target with the local document's
target on the same indicator and says whether the local one is ``stronger``,
``weaker`` or the ``same``, or ``missing`` when the local document sets none;
local targets on indicators the national side never mentions are ``added``.
A national total and a local total of the same thing are ``not_comparable``:
建设150个左右联合体 (nationwide) and 建成2个 (in one city) differ in scope, not
in ambition; a total restated with the same value and bound (园区年产值不低于500亿元,
a criterion every park must meet) is the ``same``. Shares, ratios, multiples and
per-unit values (每个联合体吸纳成员企业不少于50家, 人均, 每年每人40学时) are compared.

Matching. Two indicators match when, after dropping scope words (全国, 全省,
本市, 每个 …) and punctuation, one contains the other or their character-bigram
Dice coefficient reaches ``min_similarity`` (0.5); and their units are of the
same kind (percent with percent, money with money, counts with counts …), see
:func:`policytext.compare.numbers.unit_kind`.

Strength. Values are compared in base units (``1.5万家`` is 15000 家). When
the value is the size of a change (增长5%, 能耗降低3%), more is stronger. When
it is a level, a ceiling (控制在, 以内, 不超过, a ``decrease`` target) or an
indicator the lexicon lists as lower-is-better (失业率, 涨幅, 赤字 …) makes lower
stronger; otherwise higher is. Equal values
are ``same``, unless the local target is due earlier (``stronger``) or later
(``weaker``) than the national one. Qualitative goals (no value) match by
indicator and are ``same`` when both have one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .._hanzi import simplified
from ..model import Target
from .numbers import to_base, unit_kind
from .targets import TargetLexicon

__all__ = ["compare_targets", "indicator_similarity", "is_scope_total"]

_SCOPE = re.compile(
    r"^(?:全国|全省|全市|全区|全县|本市|本省|本区|我市|我省|各地|每个|每所|每家|各|全行业|全社会)|"
    r"[\s“”\"'‘’《》（）()、，,。：:；;]"
)


def _norm(indicator: str) -> str:
    prev = None
    text = simplified(indicator)  # 職業教育 and 职业教育 are one indicator
    while prev != text:
        prev = text
        text = _SCOPE.sub("", text)
    return text


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} or ({text} if text else set())


def indicator_similarity(a: str, b: str) -> float:
    """How alike two indicators are (0-1): 1 when one contains the other, else bigram Dice.

    Example:
        >>> indicator_similarity("全国市域产教联合体", "市域产教联合体")
        1.0
    """
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return 0.0
    if x in y or y in x:
        return 1.0
    bx, by = _bigrams(x), _bigrams(y)
    return 2 * len(bx & by) / (len(bx) + len(by))


def _compatible(a: Target, b: Target) -> bool:
    if (a.value is None) != (b.value is None):
        return False
    if a.value is None:
        return True
    ka, kb = unit_kind(a.unit), unit_kind(b.unit)
    if ka or kb:
        return ka == kb and to_base(1, a.unit)[1] == to_base(1, b.unit)[1]
    return True


_CHANGE = re.compile(r"(?:增长|增加|提高|提升|上升|扩大|下降|降低|减少|压减|压缩|缩小|翻)(?:了)?(?:约|近|超过|不低于|不少于)?$")
_CEILING = ("以内", "以下", "之内", "不超过", "不高于", "低于")
# English caps are a level whose qualifier states the cap (targets_en): no more than 5 each
_CEILING_EN = frozenset("no more than|not more than|at most|up to|within|below|under|fewer than|less than".split("|"))


def _is_change(target: Target) -> bool:
    """增长5% / 降低3%: the value is the size of a change, not a level to reach."""
    i = target.sentence.find(target.raw) if target.raw else -1
    return i > 0 and bool(_CHANGE.search(target.sentence[max(0, i - 8) : i]))


def _lower_is_better(target: Target, lex: TargetLexicon) -> bool:
    if _is_change(target):
        return False  # a bigger cut (能耗降低3% rather than 2%) is the stronger target
    if (
        any(q in _CEILING for q in target.qualifier.split(","))  # 低于, but not 不低于
        or target.qualifier.split(",")[0] in _CEILING_EN
        or target.direction == "decrease"
    ):
        return True
    return any(w in target.indicator for w in lex.lower_is_better)


_PER_UNIT = re.compile(r"每(?:个|所|家|名|位|人|生|户|校|班|台|套|辆)|人均|生均|户均|校均|平均")
_SCALE_FREE = ("percent", "ratio", "time")


def is_scope_total(target: Target) -> bool:
    """True for an absolute total (a count, an amount, a number of people) that grows with the territory.

    A share (70%), a multiple (1倍), a length of time per person (40学时) or a
    per-unit value (每个联合体…50家, 人均…元) does not depend on the size of
    the place that sets it; 150个联合体 nationwide or 1200万人 does.

    Example:
        >>> from policytext import Target
        >>> t = Target(doc="d", clause=None, sentence="到2025年，建设150个左右市域产教联合体。", start=0, end=0,
        ...            indicator="市域产教联合体", value=150.0, unit="个", raw="150个左右")
        >>> is_scope_total(t)
        True
    """
    if target.value is None:
        return False
    kind = unit_kind(target.unit)
    if target.unit in ("%", "‰", "倍") or kind in _SCALE_FREE:
        return False
    i = target.sentence.find(target.raw) if target.raw else -1
    lead = target.sentence[max(0, i - 30) : i] if i >= 0 else target.sentence
    clause = re.split(r"[，,；;。]", lead)[-1]
    return not (_PER_UNIT.search(clause) or _PER_UNIT.search(target.indicator))


def _strength(national: Target, local: Target, lex: TargetLexicon) -> str:
    if national.value is None or local.value is None:
        return "same"
    nv, _ = to_base(national.value, national.unit)
    lv, _ = to_base(local.value, local.unit)
    equal = abs(nv - lv) <= 1e-9 * max(1.0, abs(nv))
    # 园区年产值不低于500亿元, 高等职业学校不少于1所: a criterion each park or consortium must meet, restated with its
    # bound, is the same however large the place; other totals differ in scope, not in ambition
    if is_scope_total(national) and is_scope_total(local) and not (equal and national.qualifier == local.qualifier):
        return "not_comparable"
    if equal:
        if national.year and local.year and local.year != national.year:
            return "stronger" if local.year < national.year else "weaker"
        return "same"
    better = lv < nv if _lower_is_better(national, lex) else lv > nv
    return "stronger" if better else "weaker"


def _row(status: str, national: Target | None, local: Target | None, similarity: float | None) -> dict[str, Any]:
    def part(prefix: str, t: Target | None) -> dict[str, Any]:
        return {
            f"{prefix}_doc": t.doc if t else None,
            f"{prefix}_clause": t.clause if t else None,
            f"{prefix}_indicator": t.indicator if t else None,
            f"{prefix}_value": t.value if t else None,
            f"{prefix}_unit": t.unit if t else None,
            f"{prefix}_year": t.year if t else None,
            f"{prefix}_qualifier": t.qualifier if t else None,
            f"{prefix}_raw": t.raw if t else None,
        }

    ref = national or local
    row: dict[str, Any] = {"indicator": ref.indicator if ref else "", "direction": ref.direction if ref else ""}
    row.update(part("national", national))
    row.update(part("local", local))
    row["status"] = status
    row["similarity"] = None if similarity is None else round(similarity, 3)
    return row


def compare_targets(
    national: Sequence[Target],
    local: Iterable[Target],
    *,
    local_doc: str | None = None,
    min_similarity: float = 0.5,
    lexicon: TargetLexicon | None = None,
    qualitative: bool = False,
) -> list[dict[str, Any]]:
    """Put one local document's targets beside the national ones.

    Args:
        national: targets of the national document(s).
        local: targets of one local document.
        local_doc: the local document's id (for ``missing`` rows when it has no targets).
        min_similarity: least indicator similarity that counts as the same indicator.
        lexicon: the target lexicon (its ``lower_is_better`` list); default: shipped.
        qualitative: also compare goals without a value.

    Returns:
        Rows with ``indicator``, ``direction``, ``national_*`` and ``local_*``
        fields (doc, clause, indicator, value, unit, year, qualifier, raw),
        ``status`` (stronger / weaker / same / not_comparable / missing /
        added; ``not_comparable`` for two absolute totals, which differ in
        scope: see :func:`is_scope_total`) and
        ``similarity``: first one row per national target, then the local
        targets that match none.
    """
    lex = lexicon or TargetLexicon.load()
    nat = [t for t in national if qualitative or t.value is not None]
    loc = [t for t in local if qualitative or t.value is not None]
    used: set[int] = set()
    rows: list[dict[str, Any]] = []
    for n in nat:
        best, best_sim = None, 0.0
        for k, t in enumerate(loc):
            if not _compatible(n, t):
                continue
            sim = indicator_similarity(n.indicator, t.indicator)
            if sim >= min_similarity and (sim > best_sim or (sim == best_sim and best is not None and k in used)):
                best, best_sim = k, sim
        if best is None:
            row = _row("missing", n, None, None)
            row["local_doc"] = local_doc
            rows.append(row)
            continue
        used.add(best)
        rows.append(_row(_strength(n, loc[best], lex), n, loc[best], best_sim))
    for k, t in enumerate(loc):
        if k not in used:
            rows.append(_row("added", None, t, None))
    return rows
