"""Targets in English sentences: "By 2025, around 150 consortia will be built".

The Chinese rules of :mod:`policytext.compare.targets` rest on Chinese cue
words; this module gives English text the same treatment with English cues,
kept small: a number with its unit (``70%``, ``RMB 50 billion``, ``40 teaching
hours``), a bound (around, at least, no fewer than, or more, no more than), a
forward cue (by 2025, will, shall, target, aim, strive, plan) and no past cue
(was, were, has been, increased by … over, last year, a year before the
document's). The indicator is the noun phrase the number counts (``around 150
city-wide industry-education consortia``) or, when the number follows a verb
such as reach, the subject before it (``the match between … will reach 70%``).
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["english_targets", "is_english"]

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "twelve": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100}  # fmt: skip
_FRACTION = {"one third": 33.3333, "two thirds": 66.6667, "one half": 50.0, "half": 50.0, "a third": 33.3333,
             "one quarter": 25.0, "a quarter": 25.0}  # fmt: skip
_QTY = re.compile(
    rf"(?P<before>around|about|approximately|some|at least|no less than|no fewer than|not less than|more than|"
    rf"over|at most|no more than|up to|fewer than|less than|below|above)?\s*"
    rf"(?P<currency>RMB|CNY|USD|US\$|\$|¥)?\s*"
    rf"(?P<num>{'|'.join(sorted(_FRACTION, key=len, reverse=True))}|{_NUM}|"
    rf"{'|'.join(sorted(_WORDNUM, key=len, reverse=True))})\b\s*"
    rf"(?P<scale>thousand|million|billion|trillion)?\s*"
    rf"(?P<unit>%|percent(?:age points?)?|per cent|yuan|times|hours?|days?|years?|months?|weeks?|"
    rf"(?:metric\s+)?tons?|jin|hectares?|mu|kilometers?|km)?(?![A-Za-z])"
    rf"(?P<after>\s+or more|\s+or above|\s+or less|\s+and above)?",
    re.IGNORECASE,
)
_FUTURE = re.compile(r"\b(?:by\s+(?:the\s+end\s+of\s+)?(?:19|20)\d{2}|will|shall|should|targets?|targeted|aims?|strive|"
                     r"plans?|planned|projected|goals?|is to|are to|must|no later than|this year|next year)\b",
                     re.IGNORECASE)  # fmt: skip
_PAST = re.compile(r"\b(?:was|were|has been|have been|had|increased by|rose|fell|last year|over the past|"
                   r"achieved|completed)\b", re.IGNORECASE)  # fmt: skip
_YEAR = re.compile(r"\b(?:by|before|in|until)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
_CLAUSE = re.compile(r"[;,:]\s+(?:and\s+)?|\s+and\s+(?=(?:each|every|at least|no more|around|over)\b)|"
                     r"(?<=percent)\s+and\s+")
_VERB_BEFORE = re.compile(
    r"\b(?:(?:is|are)\s+(?:targeted|expected|planned|projected|set)\s+to|will|shall|should|must|is to|are to)?\s*"
    r"(?:reach|be|exceed|cover|admit|provide|make up|build|establish|train|create|total|stand at|be kept at|"
    r"(?:be\s+)?(?:cut|reduced|increased)\s+(?:to|by)|"
    r"(?:grow|increase|rise|decrease|fall|drop|decline|reduce|cut)(?:d|s)?\s+(?:to|by)|be kept\s+(?:at|below|under)|"
    r"stay\s+(?:at|below))\s*$",
    re.IGNORECASE,
)
_CHANGE_DOWN = re.compile(r"\b(?:decrease|fall|drop|decline|reduce|cut|lower)\w*\s+by\s*$", re.IGNORECASE)
_OF_BEFORE = re.compile(
    r"\s+of\s*(?:around|about|approximately|some|at least|no less than|no more than|not less than|more than|over|"
    r"under|below|above|up to)?\s*$",
    re.IGNORECASE,
)
_CHANGE_UP = re.compile(r"\b(?:grow|increase|rise)\w*\s+by\s*$", re.IGNORECASE)
_STOP_AFTER = re.compile(
    r"\s+(?:will|shall|should|must|is|are|to|in|of the|for|by|each|every|that|which|with|covering)\b|[,;.]",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:\(?\d+\)?\.?\s+|[A-Z][a-z]+\.\s+)?(?:by\s+(?:19|20)\d{2},?\s*|(?:this|next)\s+year,?\s*|and\s+|the\s+|an?\s+)*",
    re.IGNORECASE,
)
_AT_LEAST = ("at least", "no less than", "no fewer than", "not less than", "more than", "over", "above")
_AT_MOST = ("at most", "no more than", "up to", "fewer than", "less than", "below")


def is_english(text: str) -> bool:
    """True when most letters of ``text`` are Latin."""
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return latin > 3 * cjk and latin > 10


def _value(m: re.Match[str]) -> tuple[float, str] | None:
    raw = m.group("num").lower()
    if raw in _FRACTION:
        return _FRACTION[raw], "%"
    value = float(_WORDNUM[raw]) if raw in _WORDNUM else float(raw.replace(",", ""))
    unit = (m.group("unit") or "").lower()
    scale = (m.group("scale") or "").lower()
    if unit in ("percent", "per cent"):
        unit = "%"
    elif unit.startswith("percentage point"):
        unit = "percentage point"
    elif unit.endswith(("ton", "tons")):
        unit = "ton"
    if m.group("currency"):
        unit = (scale + " " if scale else "") + "yuan"
        return value, unit
    if scale:
        value *= _SCALE[scale]
    return value, unit.rstrip("s") if unit not in ("%", "times") else unit


def english_targets(sentence: str, *, doc_year: int | None = None) -> list[dict[str, Any]]:
    """The target rows of one English sentence (same fields as the Chinese ones)."""
    rows: list[dict[str, Any]] = []
    deadline = None
    for ym in _YEAR.finditer(sentence):
        y = int(ym.group(1))
        if ym.group(0).lower().startswith(("by", "before", "until")) or doc_year is None or y >= doc_year:
            deadline = deadline or y
    if not _FUTURE.search(sentence) or (_PAST.search(sentence) and deadline is None):
        return rows
    start = 0
    for part in _CLAUSE.split(sentence):
        offset = sentence.find(part, start)
        start = offset + len(part)
        for m in _QTY.finditer(part):
            if not m.group("num") or re.match(r"(?:19|20)\d{2}$", m.group("num")) and not m.group("unit"):
                continue
            if not (m.group("unit") or m.group("scale") or m.group("currency") or m.group("before") or m.group("after")):
                if not re.match(r"\s*[a-z]", part[m.end() :]):
                    continue  # a bare number with nothing it counts
            val = _value(m)
            if val is None:
                continue
            value, unit = val
            left = part[: m.start()]
            right = part[m.end() :]
            indicator = ""
            of_phrase = _OF_BEFORE.search(left)
            if of_phrase:
                # GDP growth of around 5.5 percent: the noun phrase before "of" names it.
                indicator = _LEAD.sub("", left[: of_phrase.start()]).strip(" ,")
            elif _VERB_BEFORE.search(left):
                indicator = _LEAD.sub("", _VERB_BEFORE.sub("", left)).strip(" ,")
            elif re.search(r"\bby\s*$", left, re.IGNORECASE) and rows:
                # ... will be cut by 13.5 percent and carbon dioxide emissions per unit of GDP by 18 percent
                indicator = _LEAD.sub("", re.sub(r"\s*\bby\s*$", "", left, flags=re.IGNORECASE)).strip(" ,")
            if not indicator or (not unit and re.match(r"\s*[a-z]", right)):
                noun = _STOP_AFTER.split(right.strip(), maxsplit=1)[0].strip()
                indicator = noun or indicator
            indicator = re.sub(r"^(?:each|every|the|a|an|of|this year,?|next year,?)\s+", "", indicator, flags=re.IGNORECASE)
            indicator = re.sub(r"\s+(?:of|the|of the|and|to)$", "", indicator[:100])
            if len(indicator) < 3:
                continue
            before = (m.group("before") or "").lower()
            after = (m.group("after") or "").strip().lower()
            qualifier = ",".join(x for x in (before, after) if x)
            elided = not _VERB_BEFORE.search(left) and re.search(r"\bby\s*$", left, re.IGNORECASE) and rows
            if elided:
                direction = rows[-1]["direction"]
            elif _CHANGE_DOWN.search(left):
                direction = "decrease"
            elif _CHANGE_UP.search(left) or before in _AT_LEAST or after in ("or more", "or above", "and above"):
                direction = "increase"
            elif before in _AT_MOST or after == "or less":
                direction = "decrease"
            elif re.search(r"\b(?:built|build|establish|create)", part, re.IGNORECASE):
                direction = "build"
            else:
                direction = "level"
            rows.append({
                "indicator": indicator, "value": value, "unit": unit, "year": deadline,
                "direction": direction, "qualifier": qualifier, "raw": m.group(0).strip(),
            })  # fmt: skip
    return rows
