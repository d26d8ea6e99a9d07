"""What a change does: weakens or strengthens a duty, changes a number, an actor, a reference.

Every check looks only at the text that changed: a cue, number, actor or
reference counts when it overlaps a changed region (:class:`~._textdiff.Op` that
is not ``equal``), so the same word elsewhere in the clause does not matter.
Changed regions closer than a few characters are read together as one *cluster*
(``由牵头的设区市人民政府分管`` → ``由龙头企业主要``), and a number or actor counts as
changed only when both sides of a cluster hold one and they differ: a sentence
that is only added is ``content_added``, not ``number_changed``.

The cue strengths, the extra actor terms and the placeholder patterns are plain
lists in ``models/diff/modality.yaml``; actor terms are also read from
``models/actors.yaml`` (the obligations stage's lexicon).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import yaml

from .._resources import model_path
from ..errors import ConfigError
from ..structure import zh_number
from ._textdiff import Op

__all__ = [
    "TEXT_FLAGS",
    "Lexicon",
    "Span",
    "lexicon",
    "find_cues",
    "find_numbers",
    "find_refs",
    "find_actors",
    "text_flags",
]

#: Flags that describe the text change of one pair, most important first.
TEXT_FLAGS: tuple[str, ...] = (
    "weakened",
    "strengthened",
    "number_changed",
    "actor_changed",
    "reference_updated",
    "filled_in",
    "content_added",
    "content_removed",
    "reworded",
)

_CN = "零〇○一二两三四五六七八九十百千万亿"
_NUM = rf"(?:\d+(?:[.,]\d+)*|[{_CN}]+)"
_UNITS = (
    "个百分点|百分点|个工作日|工作日|个月|小时|学时|课时|分钟|公里|平方米|万元|亿元|"
    "个|名|人|日|天|年|月|周|次|倍|届|家|所|项|元|万|亿|票|位|岁|件|批|期|份|类|种|台|套|米|亩|吨|成|层|页|轮|分"
)
_ZH_NUMBER = re.compile(
    rf"百分之{_NUM}"
    rf"|{_NUM}分之{_NUM}"
    rf"|\d+(?:\.\d+)?\s*[%％‰]"
    rf"|\d+(?:,\d{{3}})*(?:\.\d+)?"
    rf"|过半数|半数|一半"
    rf"|[{_CN}]+(?=(?:[至到\-－~～—][{_CN}]+)?(?:{_UNITS}))"
)
_EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_EN_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)
_EN_FRACTION = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                "fourths": 4, "fifth": 5, "fifths": 5}  # fmt: skip
_EN_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# "twice a year" -> "three times a year"; "once" only where it counts ("once a
# year", "once every two years"), not where it means "when" ("once adopted").
_EN_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_EN_NUMBER = re.compile(
    r"\b(?:"
    + "|".join(sorted(_EN_WORDS, key=len, reverse=True))
    + r")[- ](?:"
    + "|".join(sorted(_EN_FRACTION, key=len, reverse=True))
    + r")\b"
    r"|\b(?:" + "|".join(_EN_TENS) + r")[-\u2010 ](?:" + "|".join(_EN_UNITS) + r")\b"
    r"|\d+(?:,\d{3})*(?:\.\d+)?\s*%?"
    r"|\b(?:" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b"
    r"|\b(?:twice|thrice)\b|\bonce(?=\s+(?:a|an|per|every|each|in)\b)",
    re.I,
)
_ZH_REF = re.compile(rf"第{_NUM}条(?:之[{_CN}]+)?(?:第{_NUM}款)?(?:第[（(]?{_NUM}[)）]?项)?|第{_NUM}[章节编]")
_EN_REF = re.compile(r"\b(?:Article|Section|Chapter|Rule)\s+\d+(?:\.\d+)*(?:\s*\([a-z0-9]+\))*", re.I)
_ORDINAL = re.compile(rf"第{_NUM}")
_SENTENCE_END = re.compile(r"[。；;！？!?\n]|\.\s")
_LIST_EDGE = "、，,；;"
_CLUSTER_GAP = 4


@dataclass(frozen=True)
class Span:
    """A cue, number, actor or reference found in a text."""

    start: int
    end: int
    text: str
    kind: str = ""  # polarity for cues
    value: float = 0.0  # level for cues, value for numbers


@dataclass(frozen=True)
class Lexicon:
    """The compiled lists of ``models/diff/modality.yaml`` for one language."""

    lang: str
    cue_re: re.Pattern[str]
    strength: dict[str, tuple[str, int]]
    not_after: dict[str, tuple[str, ...]]
    not_before: dict[str, tuple[str, ...]]
    actor_re: re.Pattern[str] | None
    placeholder_re: re.Pattern[str]
    level_re: re.Pattern[str] | None = None


def _alternation(words: Sequence[str], *, en: bool) -> str:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return rf"\b(?:{body})\b" if en else f"(?:{body})"


def _actor_terms(lang: str, extra: Sequence[str]) -> list[str]:
    terms = [str(t) for t in extra]
    try:
        data = yaml.safe_load(model_path("actors.yaml").read_text(encoding="utf-8")) or {}
        for entry in (data.get("types") or {}).values():
            terms.extend(str(t) for t in (entry or {}).get(lang) or [])
    except (ConfigError, OSError, yaml.YAMLError, AttributeError):
        pass  # the obligations stage's lexicon is optional here; our own list suffices
    generic = {"国家", "地方", "地区", "城市", "行业", "财政", "各地", "本市", "本省", "班", "state"}
    return [t for t in terms if len(t) > 1 and t not in generic and "、" not in t]


@functools.lru_cache(maxsize=4)
def lexicon(lang: str = "zh") -> Lexicon:
    """Load the cue strengths, actor terms and placeholders for ``lang`` (``zh`` or ``en``).

    Raises:
        ConfigError: ``models/diff/modality.yaml`` is missing or malformed.
    """
    path = model_path("diff/modality.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        section = data[lang]
        strength: dict[str, tuple[str, int]] = {}
        for polarity in ("positive", "negative"):
            for level, words in (section.get(polarity) or {}).items():
                for w in words:
                    strength[str(w).lower() if lang == "en" else str(w)] = (polarity, int(level))
        not_after = {k: tuple(map(str, v)) for k, v in (section.get("not_after") or {}).items()}
        not_before = {k: tuple(map(str, v)) for k, v in (section.get("not_before") or {}).items()}
        fields = [str(f) for f in (data.get("actor_fields") or {}).get(lang) or []]
        heads = [str(h) for h in (data.get("actor_heads") or {}).get(lang) or []]
        compounds = [f + h for f in fields for h in heads]
        actors = _actor_terms(lang, list((data.get("actors") or {}).get(lang) or []) + compounds)
        levels = [str(x) for x in (data.get("actor_levels") or {}).get(lang) or []]
        placeholders = [str(p) for p in data.get("placeholders") or []]
    except (KeyError, TypeError, ValueError, AttributeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: malformed duty-strength lexicon ({exc})") from exc
    en = lang == "en"
    flags = re.I if en else 0
    return Lexicon(
        lang=lang,
        cue_re=re.compile(_alternation(list(strength), en=en), flags),
        strength=strength,
        not_after=not_after,
        not_before=not_before,
        actor_re=re.compile(_alternation(actors, en=en), flags) if actors else None,
        placeholder_re=re.compile("|".join(placeholders) if placeholders else r"(?!x)x"),
        level_re=re.compile(_alternation(levels, en=en), flags) if levels else None,
    )


def find_cues(text: str, lex: Lexicon) -> list[Span]:
    """Find the deontic cues of ``text`` with their polarity and strength level."""
    out: list[Span] = []
    pos = 0
    while True:
        m = lex.cue_re.search(text, pos)
        if m is None:
            return out
        word = m.group(0)
        key = " ".join(word.lower().split()) if lex.lang == "en" else word
        before = text[max(0, m.start() - 4) : m.start()]
        after = text[m.end() : m.end() + 4]
        if any(before.endswith(x) for x in lex.not_after.get(key, ())) or any(
            after.startswith(x) for x in lex.not_before.get(key, ())
        ):
            pos = m.start() + 1
            continue
        polarity, level = lex.strength.get(key, ("positive", 0))
        out.append(Span(m.start(), m.end(), word, polarity, float(level)))
        pos = m.end()


def _zh_value(raw: str) -> float | None:
    raw = raw.replace(",", "")
    if raw in ("过半数", "半数", "一半"):
        return 0.5
    if raw.startswith("百分之"):
        v = _plain_value(raw[3:])
        return None if v is None else v / 100
    if "分之" in raw:
        den, num = raw.split("分之", 1)
        d, n = _plain_value(den), _plain_value(num)
        return None if not d or n is None else n / d
    if raw[-1] in "%％":
        v = _plain_value(raw[:-1].strip())
        return None if v is None else v / 100
    if raw[-1] == "‰":
        v = _plain_value(raw[:-1].strip())
        return None if v is None else v / 1000
    return _plain_value(raw)


def _plain_value(raw: str) -> float | None:
    raw = raw.replace(",", "").strip()
    try:
        return float(raw)
    except ValueError:
        pass
    if raw.endswith("亿"):
        v = zh_number(raw[:-1])
        return None if v is None else float(v) * 1e8
    v = zh_number(raw.replace("○", "〇"))
    return None if v is None else float(v)


def _en_value(raw: str) -> float | None:
    text = raw.lower().replace(",", "").strip()
    m = re.fullmatch(r"(\w+)[-\u2010 ](\w+)", text)
    if m and m.group(2) in _EN_FRACTION and m.group(1) in _EN_WORDS:
        return _EN_WORDS[m.group(1)] / _EN_FRACTION[m.group(2)]
    if m and m.group(1) in _EN_TENS and m.group(2) in _EN_UNITS:
        return float(_EN_WORDS[m.group(1)] + _EN_WORDS[m.group(2)])
    if text in _EN_TIMES:
        return float(_EN_TIMES[text])
    if text.endswith("%"):
        try:
            return float(text[:-1]) / 100
        except ValueError:
            return None
    if text in _EN_WORDS:
        return float(_EN_WORDS[text])
    try:
        return float(text)
    except ValueError:
        return None


def find_refs(text: str, lang: str = "zh") -> list[Span]:
    """Find cross-references to articles (第二十二条第二款, Article 5(2))."""
    pattern = _EN_REF if lang == "en" else _ZH_REF
    return [Span(m.start(), m.end(), m.group(0), "ref") for m in pattern.finditer(text)]


def find_numbers(text: str, lang: str = "zh") -> list[Span]:
    """Find quantities (30日, 三分之二, 百分之五十, 15至25名) with normalised values.

    Shares become fractions (三分之二 → 0.667, 50% → 0.5) so that two ways of
    writing the same number compare equal. Ordinals (第三) and the numbers inside
    cross-references are not quantities.
    """
    refs = find_refs(text, lang)
    ordinals = [] if lang == "en" else [m.span() for m in _ORDINAL.finditer(text)]
    pattern = _EN_NUMBER if lang == "en" else _ZH_NUMBER
    out: list[Span] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(r.start <= s < r.end for r in refs) or any(os_ <= s < oe for os_, oe in ordinals):
            continue
        raw = m.group(0)
        value = _en_value(raw) if lang == "en" else _zh_value(raw)
        if value is None:
            continue
        out.append(Span(s, e, raw.strip(), "number", value))
    return out


def find_actors(text: str, lex: Lexicon) -> list[Span]:
    """Find the bearers of duties named in ``text`` (理事会, 秘书处, 省教育厅 ...)."""
    if lex.actor_re is None:
        return []
    return [Span(m.start(), m.end(), m.group(0), "actor") for m in lex.actor_re.finditer(text)]


def _touches(span: Span, lo: int, hi: int, *, strict: bool = False, adjacent: bool = False) -> bool:
    if adjacent:
        # a cue right next to a change counts on both sides, so that an unchanged cue
        # beside an inserted word cancels out instead of looking deleted
        return span.start <= hi and span.end >= lo
    if hi > lo:
        return span.start < hi and span.end > lo
    # an insertion point touches a word it splits, or (not strict) a word it is glued to
    return span.start < lo < span.end if strict else span.start <= lo <= span.end


@dataclass
class _Cluster:
    a0: int
    a1: int
    b0: int
    b1: int
    ops: list[Op]


def _clusters(a: str, ops: Sequence[Op]) -> list[_Cluster]:
    out: list[_Cluster] = []
    gap_since: int | None = None
    for op in ops:
        if op.tag == "equal":
            gap_since = op.a1 - op.a0 if gap_since is None else gap_since + (op.a1 - op.a0)
            if "\n" in a[op.a0 : op.a1]:
                gap_since = 10**9
            continue
        if out and gap_since is not None and gap_since < _CLUSTER_GAP:
            c = out[-1]
            c.a1, c.b1 = op.a1, op.b1
            c.ops.append(op)
        else:
            out.append(_Cluster(op.a0, op.a1, op.b0, op.b1, [op]))
        gap_since = 0
    return out


def _touched(
    spans: Sequence[Span], ranges: Sequence[tuple[int, int]], *, strict: bool = False, adjacent: bool = False
) -> list[Span]:
    return [
        s for s in spans if any(_touches(s, lo, hi, strict=strict, adjacent=adjacent) for lo, hi in ranges)
    ]


def _sentence_start(text: str, pos: int) -> int:
    cut = max(text.rfind(p, 0, pos) for p in "。；;!?！？\n")
    return cut + 1


def _modal_changes(
    ca: list[Span], cb: list[Span], all_b: Sequence[Span] = (), b: str = ""
) -> tuple[list[str], list[str]]:
    weakened: list[str] = []
    strengthened: list[str] = []
    for polarity in ("positive", "negative"):
        ta = [c for c in ca if c.kind == polarity]
        tb = [c for c in cb if c.kind == polarity]
        common = Counter(int(c.value) for c in ta) & Counter(int(c.value) for c in tb)
        ra, rb = [], []
        left = Counter(common)
        for c in ta:
            if left[int(c.value)] > 0:
                left[int(c.value)] -= 1
            else:
                ra.append(c)
        left = Counter(common)
        for c in tb:
            if left[int(c.value)] > 0:
                left[int(c.value)] -= 1
            else:
                rb.append(c)
        ra.sort(key=lambda c: -c.value)
        rb.sort(key=lambda c: -c.value)
        for x, y in zip(ra, rb):
            if x.value > y.value:
                weakened.append(f"{x.text}→{y.text}")
            elif x.value < y.value:
                strengthened.append(f"{x.text}→{y.text}")
        # a cue that only appears or disappears counts when it cannot be part of another
        # word: one character (要, 应, 须) is too often a piece of one (重要 -> 要)
        for x in ra[len(rb) :]:
            if x.value >= 3 and len(x.text) > 1:
                weakened.append(f"{x.text}→∅")
        for y in rb[len(ra) :]:
            if y.value >= 3 and len(y.text) > 1:
                strengthened.append(f"∅→{y.text}")
            elif polarity == "positive" and b:
                # 应当…并向成员单位公开 -> 应当…并可以向成员单位公开: a permission slipped
                # under a duty of the same sentence turns that part of the duty into an option
                start = _sentence_start(b, y.start)
                scope = [
                    c for c in all_b if c.kind == "positive" and c.value >= 3 and start <= c.start < y.start
                ]
                if scope:
                    weakened.append(f"{scope[-1].text}…→{y.text}")
    # a prohibition that became a permission is a weakening, already counted above;
    # a duty and a prohibition that swap places are both reported.
    return weakened, strengthened


def _actor_change(
    a: str, b: str, cl: _Cluster, actors_a: list[Span], actors_b: list[Span], lex: Lexicon
) -> str:
    """A new bearer in a changed stretch: 理事会→秘书处, 教育行政部门→人力资源社会保障行政部门, 县级→省级.

    An actor only dropped from a list (主管部门、财政部→财政部) or only added with a
    new sentence is not a change of bearer.
    """
    ra = [(op.a0, op.a1) for op in cl.ops]
    rb = [(op.b0, op.b1) for op in cl.ops]
    pa, pb = _touched(actors_a, ra, strict=True), _touched(actors_b, rb, strict=True)
    old_terms = {p.text for p in pa}
    new = [p.text for p in pb if p.text not in old_terms]
    if pa and new:
        return f"{'、'.join(p.text for p in pa)}→{'、'.join(p.text for p in pb)}"
    if lex.level_re is None:
        return ""
    # the same head right after the change on both sides, the change naming a level or place
    after_a = next((p for p in actors_a if p.start == cl.a1), None)
    after_b = next((p for p in actors_b if p.start == cl.b1), None)
    old, new_text = a[cl.a0 : cl.a1], b[cl.b0 : cl.b1]
    if (
        after_a is not None
        and after_b is not None
        and after_a.text == after_b.text
        and old.strip()
        and new_text.strip()
        and re.fullmatch(r"[\u4e00-\u9fff]+", old.strip())
        and re.fullmatch(r"[\u4e00-\u9fff]+", new_text.strip())
        and (lex.level_re.search(old) or lex.level_re.search(new_text))
    ):
        return f"{old}{after_a.text}→{new_text}{after_b.text}"
    return ""


def _content(text: str) -> bool:
    """Whether a changed stretch is a sentence, a line or a list element, not a word."""
    t = text.strip()
    if not t:
        return False
    if "\n" in text.strip("\n") or (len(t) >= 8 and _SENTENCE_END.search(t)):
        return True
    return len(t) >= 2 and (t[0] in _LIST_EDGE or t[-1] in _LIST_EDGE) and len(t) >= 3


def text_flags(a: str, b: str, ops: Sequence[Op], *, lang: str = "zh") -> tuple[list[str], list[str]]:
    """Classify the changes between ``a`` and ``b`` (template and charter text of one pair).

    Args:
        a: the template text (body, without the label).
        b: the charter text.
        ops: the operations from :func:`~._textdiff.diff_texts` (or a subset of
            them, e.g. those that fall in one part of a split article).
        lang: ``zh`` or ``en``.

    Returns:
        ``(flags, details)``: flags in the order of :data:`TEXT_FLAGS`, and
        readable details such as ``应当→可以`` or ``30→60``.
    """
    lex = lexicon("en" if lang == "en" else "zh")
    changed = [op for op in ops if op.tag != "equal"]
    if not changed:
        return [], []
    found: dict[str, list[str]] = {f: [] for f in TEXT_FLAGS}
    placeholders_a = [Span(m.start(), m.end(), m.group(0)) for m in lex.placeholder_re.finditer(a)]
    ranges_a = [(op.a0, op.a1) for op in changed]
    ranges_b = [(op.b0, op.b1) for op in changed]

    cues_b = find_cues(b, lex)
    weakened, strengthened = _modal_changes(
        _touched(find_cues(a, lex), ranges_a, adjacent=True),
        _touched(cues_b, ranges_b, adjacent=True),
        cues_b,
        b,
    )
    found["weakened"] += weakened
    found["strengthened"] += strengthened

    nums_a, nums_b = find_numbers(a, lang), find_numbers(b, lang)
    refs_a, refs_b = find_refs(a, lang), find_refs(b, lang)
    actors_a, actors_b = find_actors(a, lex), find_actors(b, lex)
    # clusters are cut at unchanged runs, so all the ops go in, equal ones included
    for cl in _clusters(a, ops):
        ra = [(op.a0, op.a1) for op in cl.ops]
        rb = [(op.b0, op.b1) for op in cl.ops]
        old, new = a[cl.a0 : cl.a1], b[cl.b0 : cl.b1]
        filled = _touched(placeholders_a, ra)
        if filled:
            found["filled_in"].append(f"{old.strip()}→{new.strip()}")
            continue
        na, nb = _touched(nums_a, ra), _touched(nums_b, rb)
        # in order: two numbers swapped within one change are a change too
        if na and nb and [round(n.value, 6) for n in na] != [round(n.value, 6) for n in nb]:
            sep = ", " if lang == "en" else "、"
            found["number_changed"].append(f"{sep.join(n.text for n in na)}→{sep.join(n.text for n in nb)}")
        xa, xb = _touched(refs_a, ra), _touched(refs_b, rb)
        if xa and xb and [x.text for x in xa] != [x.text for x in xb]:
            sep = ", " if lang == "en" else "、"
            found["reference_updated"].append(
                f"{sep.join(x.text for x in xa) or '∅'}→{sep.join(x.text for x in xb) or '∅'}"
            )
        actor = _actor_change(a, b, cl, actors_a, actors_b, lex)
        if actor:
            found["actor_changed"].append(actor)
        for op in cl.ops:
            if (
                op.tag in ("insert", "replace")
                and _content(b[op.b0 : op.b1])
                and (op.b1 - op.b0) > (op.a1 - op.a0) + 2
            ):
                found["content_added"].append(b[op.b0 : op.b1].strip()[:40])
            if (
                op.tag in ("delete", "replace")
                and _content(a[op.a0 : op.a1])
                and (op.a1 - op.a0) > (op.b1 - op.b0) + 2
            ):
                found["content_removed"].append(a[op.a0 : op.a1].strip()[:40])
    if not found["actor_changed"] and _touched(actors_a, ranges_a, strict=True):
        # the same bearers in another order: roles swapped (理事长由A担任，副理事长由B → 由B…由A)
        common = {p.text for p in actors_a} & {p.text for p in actors_b}
        seq_a = [p.text for p in actors_a if p.text in common]
        seq_b = [p.text for p in actors_b if p.text in common]
        if seq_a != seq_b and sorted(seq_a) == sorted(seq_b):
            found["actor_changed"].append(f"{'、'.join(seq_a)}→{'、'.join(seq_b)}")
    if not any(found[f] for f in TEXT_FLAGS if f != "reworded"):
        found["reworded"].append("")
    flags = [f for f in TEXT_FLAGS if found[f]]
    details = [f"{f}: {d}" for f in TEXT_FLAGS for d in found[f] if d]
    return flags, details
