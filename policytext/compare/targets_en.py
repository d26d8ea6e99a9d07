"""Targets in English sentences: "By 2025, around 150 consortia will be built".

The Chinese rules of :mod:`policytext.compare.targets` rest on Chinese cue
words; this module gives English text the same treatment with English cues.

What counts as a target (the conventions of ``tests/data/targets/README.md``,
read the same way as the Chinese): a value the text commits to — goals and plans
(will, should, must, is projected at, the target for … is, by 2025, this year's
budget), the items of a work report's list of targets (GDP growth of around 5
percent; over 11 million new urban jobs), quantified norms in rules (shall employ
no fewer than 5 staff; make up no less than one third of the council). Not
targets: what happened (was, grew, reached, have cut, last year, a year before
the text's), the change against last year that follows a planned value (a
year-on-year increase of …, 65 billion yuan less than last year), the starting
value of "from 55 to 70 yuan" (only 70 is), the upper end of a range (6–6.5
percent is 6), notice periods and deadlines (at least 60 days in advance, within
two years), quorums and majorities (the presence of at least two thirds of the
members), eligibility thresholds (a park whose output is no less than …, the
VAT threshold), the population a goal serves (food for 1.4 billion people).

The indicator is the thing measured, found from where the number stands:

- after "of": ``GDP growth of around 5 percent`` -> GDP growth;
- after a verb and its object: ``increase the area of high-standard cropland by
  6.67 million hectares`` -> the area of high-standard cropland; ``keep the CPI
  at around 3%`` -> the CPI;
- after a verb without an object: the subject (``Investment from the central
  government budget will reach 640 billion yuan``; ``Enterprise representatives
  should make up no less than one third of the council`` -> Enterprise
  representatives, the share is theirs);
- before the thing counted: ``150 city-wide industry-education consortia``,
  ``27 million metric tons of steel``, ``800 billion yuan will be invested in
  railway construction``.

Direction: a verb of increase (increase, raise, grow, expand …) or a floor (at
least, more than, or more) gives ``increase``; a verb of reduction (cut, reduce,
lower, drop …) gives ``decrease``; a cap without such a verb (no more than 5
consortia each, within 4.5 percent, at most) is a ``level`` whose cap the
qualifier states; a verb of building (build, establish, create …) gives
``build``; anything else ``level``.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["english_targets", "is_english"]

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORDNUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
            "fifty": 50, "sixty": 60, "hundred": 100}  # fmt: skip
_FRACTION = {"one third": 33.3333, "two thirds": 66.6667, "one half": 50.0, "half": 50.0, "a third": 33.3333,
             "one quarter": 25.0, "a quarter": 25.0, "three quarters": 75.0}  # fmt: skip
_BEFORE = (
    r"around|about|approximately|roughly|some|nearly|close to|almost|at least|no less than|no fewer than|not less "
    r"than|more than|over|at most|no more than|not more than|up to|fewer than|less than|below|above|under|within|"
    r"another|a further|an additional|an extra"
)
_QTY = re.compile(
    rf"(?P<before>(?:\b(?:{_BEFORE})\s+)*)"
    rf"(?P<currency>RMB|CNY|USD|US\$|\$|¥)?\s*"
    rf"(?<![\w.,])(?P<num>{'|'.join(sorted(_FRACTION, key=len, reverse=True))}|{_NUM}|"
    rf"{'|'.join(sorted(_WORDNUM, key=len, reverse=True))})\b\s*"
    rf"(?P<scale>(?:hundred\s+)?(?:thousand|million|billion|trillion)|hundred)?\s*"
    rf"(?P<unit>%|percent(?:age points?)?|per cent|yuan|times|hours?|days?|years?|months?|weeks?|"
    rf"(?:metric\s+)?tons?|jin|hectares?|mu|(?:square\s+|cubic\s+)?(?:kilo)?met(?:er|re)s?|km|m3|m³|kilowatts?|kw)?"
    rf"(?![A-Za-z])"
    rf"(?P<after>\s+or more|\s+or above|\s+or higher|\s+or less|\s+or lower|\s+and above)?",
    re.IGNORECASE,
)
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = re.compile(
    r"\b(?:by|before|in|until|through)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d{2})\b", re.IGNORECASE
)
_FORWARD = re.compile(
    r"\b(?:will|shall|should|must|would|need(?:s)? to|is to|are to|targets?|targeted|aims?|aimed|strive|goals?|projected|projecting|"
    r"forecast(?:ed)?|expected|budgeted|(?<!total )(?<!\bthe )planned|(?:\bwe\s+plan|\bplans)\s+to|set at|set to|(?:have|has) set|this year|"
    r"next year|in the coming|"
    r"over the next|by (?:the end of )?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_PASSIVE_PAIR = re.compile(r"\b(?:be|been|is|are|being)\s+\w+(?:ed|en|wn|lt|ut)\s+(?:and|or)\s+\w+\b", re.I)
_STRONG_FORWARD = re.compile(
    r"\b(?:will|shall|should|must|need(?:s)? to|is to|are to|projected|projecting|forecast(?:ed)?|expected|budgeted|"
    r"(?<!total )(?<!\bthe )planned|(?:\bwe\s+plan|\bplans)\s+to|set at|set to|(?:have|has) set|anticipated?|"
    r"by (?:the end of )?(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# simple past and perfect: what has happened (not after a modal: should have exceeded)
_PAST = re.compile(
    r"(?<!\bwill )(?<!\bshould )(?<!\bmust )(?<!\bto )(?<!\bbe )(?<!\bbeen )(?<!\bis )(?<!\bare )"
    r"(?<!\ba )(?<!\bthe )(?<!percent )(?<!% )"  # a 50 percent cut: a noun
    r"\b(?:was|were|had|grew|rose|fell|dropped|declined|increased|decreased|reached|totaled|totalled|exceeded|"
    r"surpassed|stood|amounted|created|added|achieved|completed|posted|saw|benefited|lifted|expanded|remained|"
    # (continued reductions in the release of major pollutants: an adjective)
    r"continued(?!\s+(?:reduction|effort|growth|improvement|progress|support|increase|decline|development|expansion|cut)s?\b)|"
    r"rescinded|abolished|repealed|waived|exempted|"
    r"entered|joined|began|started|returned|graduated|used|extended|contributed|"
    r"accounted|covered|attracted|spent|received|gained|provided|hit|topped|climbed|"
    r"doubled|tripled|reduced|lowered|raised|cut|invested|allocated|built|upgraded|renovated|opened|issued|"
    r"eliminated|streamlined|trained|resettled|relocated|carried out|made|got|went|planted|ensured|launched|"
    r"introduced|adopted|implemented|helped|secured|delivered|closed|retired|phased|approached|neared|averaged|moved|devolved|placed|transferred|obtained)\b"
    r"|(?<!\bwill )(?<!\bshould )(?<!\bmust )(?<!\bmay )(?<!\bto )\b(?:has|have)\s+(?:been\s+|\w+ly\s+)?(?!to\b)\w+(?:ed|en|wn|lt|ut|ot|de)\b"
    r"|\b(?:last year|over the past|in the past|previous year|during the past|so far|to date|year-on-year)\b"
    r"|(?<!\bwill )(?<!\bmust )(?<!\bshould )(?<!\bcan )\bnow\s+(?:benefit|enjoy|cover|have|has|live|stand|account)s?\b"
    r"|\balready\s+(?:in place|exists?|established|available|under way)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*(?:--|—|–|-|•|\*|\(?[a-z0-9]{1,2}[).]\s)")
_DASH_ITEM = re.compile(r"^\s*(?:--|—|–|-|•|\*)")
_IMPERATIVE = re.compile(
    r"^\s*(?:(?:--|—|–|-|•|\*)\s*)?(?:hold|keep|create|increase|reduce|ensure|raise|cut|lower|maintain|achieve|"
    r"expand|bring|limit|control)\b",
    re.IGNORECASE,
)
_CHANGE_NOUN = r"(?:increase|decrease|rise|drop|fall|decline|reduction|cut|growth|hike|gain)"
# a change against last year that follows a planned value (…, a year-on-year increase of 130.7 billion yuan)
_APPOSITIVE_CHANGE = re.compile(rf"^\s*an?\s+(?:[\w.%-]+\s+){{0,3}}?{_CHANGE_NOUN}\s+of\s*$", re.IGNORECASE)
_THAN_LAST = re.compile(
    r"^\s*(?:(?:more|less|higher|lower|fewer|up|down|above|below)\b[^,;]{0,25}?\b)?(?:than|over|on|from|compared with)\s+"
    r"(?:that of\s+)?(?:what\s+)?(?:was\s+)?(?:the\s+)?(?:(?:budgeted|actual|planned)\s+(?:(?:figure|amount|level)\s+)?(?:of\s+|for\s+|in\s+)?)?(?:last|previous|prior|a)\s+year",
    re.IGNORECASE,
)
# a piece that states the change against last year (…, a year-on-year increase of …; 65 billion
# yuan less than last year): it says nothing about whether the sentence looks ahead
_CHANGE_PIECE = re.compile(
    rf",\s*(?=[^,;]*\b(?:{_CHANGE_NOUN}|(?:more|less|higher|lower|fewer)\s+than)\b)"
    r"(?=[^,;]*(?:year-on-year|(?:last|previous|prior) year))[^,;]*",
    re.IGNORECASE,
)
_ABSOLUTE_CHANGE_AFTER = re.compile(
    rf"^\s*(?:{_CHANGE_NOUN})\s+(?:on|over|from)\s+last\s+year", re.IGNORECASE
)
_DEADLINE_AFTER = re.compile(
    r"^\s*(?:in advance|before|prior to|after|following|from|thereafter|of (?:receipt|notice|the date|such|its))\b",
    re.IGNORECASE,
)
_DEADLINE_BEFORE = re.compile(
    r"\b(?:within|in|for a period of|a period of|period of|term of|no later than|after|for|next|coming|past|last|"
    r"following|first|initial)\s*$",
    re.IGNORECASE,
)
_PROCEDURE_BEFORE = re.compile(
    r"\b(?:presence|vote|votes|approved by|approval of|majority of|quorum|consent of|signed by)\b[^,;]{0,12}$",
    re.IGNORECASE,
)
_POPULATION_BEFORE = re.compile(
    r"\b(?:for|of|feed|serve|benefit|benefits|benefiting|benefitting|with a population of|china's|the country's|"
    r"population (?:of )?(?:close to|nearly|about|over)?|our)\s*$",
    re.IGNORECASE,
)
_PEOPLE_AFTER = re.compile(
    r"^\s*(?:chinese\s+)?(?:people|population|citizens|consumers|households|families|taxpayers)\b", re.IGNORECASE
)
_THRESHOLD = re.compile(
    r"\b(?:threshold|upper limit|lower limit|ceiling|starting point|bracket)\b", re.IGNORECASE
)
_DATE_AROUND = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\s*$", re.IGNORECASE)
_RANGE_END = re.compile(
    rf"\s*(?:[-–—~]|to)\s*{_NUM}\s*(?P<scale>(?:hundred\s+)?(?:thousand|million|billion|trillion))?\s*"
    r"(?P<unit>%|percent(?:age points?)?|per cent|yuan|hours?|days?|years?|months?|(?:metric\s+)?tons?|hectares?|"
    r"kilometers?)?(?![A-Za-z])",
    re.IGNORECASE,
)
_LABEL = re.compile(r"^\s*(?:\(\d+\)|\d+(?:\.\d+)+\.?|\d+\.|[IVX]+\.|Article\s+\d+)\s+(?=[A-Z(])")
_AUX = (
    r"will|shall|should|must|is|are|was|were|be|been|being|has|have|had|can|may|need|needs|would|could|does|do|did|"
    r"reach|reaches|reached|reaching|exceed|exceeds|exceeded|totals?(?=\s+(?:\d|around|about|over|more|nearly|some|roughly|RMB|\$)|\s*$)|stand|stands|remain|remains|become|"
    r"account|accounts|make|makes|cover|covers|covering|see|sees|hit|come|comes|represent|represents|constitute|"
    r"comprise|include|includes|keep|kept|hold|held|grow|grows|(?:rise|rises|increase|increases|drop|drops|fall|"
    r"falls|decline|declines)(?!\s+of\b)|require|requires|consist|consists"  # CPI increase of 3%: a noun
)
_VERB_GROUP = re.compile(rf"(?<!\ba )(?<!\ban )(?<!\bthe )\b(?:{_AUX})\b", re.IGNORECASE)  # a drop of 3%: a noun
# verbs that take the measured thing as object (increase X by N, keep X at N, raise X from N to M)
_OBJECT_VERB = re.compile(
    r"\b(?:increase|increasing|raise|raising|reduce|reducing|cut|cutting|lower|lowering|expand|expanding|extend|"
    r"extending|boost|boosting|lift|lifting|keep|keeping|hold|holding|bring|bringing|set|setting|bring down|"
    r"drive|driving|push|pushing|grow|growing|double|doubling|limit|limiting|control|controlling|maintain|"
    r"maintaining|put|putting|shorten|shortening|decrease|decreasing|lighten|lightening|ease|easing|slash|slashing)\b",
    re.IGNORECASE,
)
_SHARE_VERB = re.compile(
    r"\b(?:make|makes|making)\s+up\s*$|\b(?:account|accounts|accounting)\s+for\s*$|"
    r"\b(?:represent|represents|constitute|constitutes|comprise|comprises)\s*$",
    re.IGNORECASE,
)
_LINK_END = re.compile(
    r"\b(?:by|to|at|above|below|under|within|around|about|over|from|of|between)\s*$", re.IGNORECASE
)
_UP = re.compile(
    r"\b(?:increase|increased|increasing|raise|raised|raising|grow|grows|growing|growth|rise|rising|expand|"
    r"expanded|expanding|extend|extended|boost|boosted|lift|double|doubled|up)\b",
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:decrease|decreased|decreasing|reduce|reduced|reducing|reduction|cut|cuts|cutting|lower|lowered|"
    r"lowering|drop|dropped|drops|fall|falls|decline|declines|shorten|shortened|bring down|brought down|down|"
    r"lighten|lightened|lightening|ease|eased|easing|slash|slashed|slashing)\b",
    re.IGNORECASE,
)
_BUILD = re.compile(
    r"\b(?:built|build|building|establish|established|create|created|construct|constructed|renovate|renovated|"
    r"rebuild|rebuilding|rebuilt|set up|open|opened|train|trained|complete|completed)\b",
    re.IGNORECASE,
)
_NP_STOP = re.compile(
    r"\s+(?:will|shall|should|must|is|are|was|were|be|to|in|for|by|from|with|that|which|who|each|every|a|an|"
    r"per|this|next|within|during|before|after|on|at|as|and\s+(?=\d|one|two|three|at least|no |more|over))\b"
    r"|[,;:.()]",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"^(?:\s*(?:and|but|while|with|whereas|so|of whom|of which|among (?:them|whom)|in addition|this year's|next year's|"
    r"this year|next year|"
    r"by (?:the end of )?(?:19|20)\d{2}|in (?:19|20)\d{2}|both|also|to|further|that|the|an?|its|their|our|"
    r"china's|this year's|each|every)\b,?\s*)+",
    re.IGNORECASE,
)
_AT_LEAST = ("at least", "no less than", "no fewer than", "not less than", "more than", "over", "above")
_AT_MOST = (
    "at most",
    "no more than",
    "not more than",
    "up to",
    "fewer than",
    "less than",
    "below",
    "under",
    "within",
)


def is_english(text: str) -> bool:
    """True when most letters of ``text`` are Latin."""
    latin = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return latin > 3 * cjk and latin > 10


def _value(m: re.Match[str], borrowed: re.Match[str] | None = None) -> tuple[float, str] | None:
    """The value and unit of a quantity; ``borrowed``: the range whose end carries the
    unit (6–6.5 percent)."""
    raw = m.group("num").lower()
    if raw in _FRACTION:
        return _FRACTION[raw], "%"
    value = float(_WORDNUM[raw]) if raw in _WORDNUM else float(raw.replace(",", ""))
    source = borrowed if borrowed is not None else m
    unit = (source.group("unit") or "").lower()
    scale = (source.group("scale") or "").lower()
    if scale:
        for word in scale.split():
            value *= _SCALE[word]
    if m.group("currency"):
        return value, "yuan" if m.group("currency").upper() in ("RMB", "CNY", "¥") else "dollar"
    if unit in ("percent", "per cent"):
        unit = "%"
    elif unit.startswith("percentage point"):
        unit = "percentage point"
    elif unit.endswith(("ton", "tons")):
        unit = "ton"
    elif unit == "km":
        unit = "kilometer"
    elif unit.endswith(("metre", "metres")):
        unit = unit.replace("metre", "meter")
    elif unit in ("m3", "m³"):
        unit = "cubic meter"
    elif unit == "kw":
        unit = "kilowatt"
    return value, unit.rstrip("s") if unit not in ("%", "times") else unit


_BEFORE_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(_BEFORE.split("|"), key=len, reverse=True)) + r")\b", re.IGNORECASE
)


def _qualifiers(m: re.Match[str]) -> tuple[str, str]:
    words = [w.lower() for w in _BEFORE_WORDS.findall(m.group("before") or "")]
    before = ",".join(w for w in words if w not in ("another", "a further", "an additional", "an extra"))
    return before, (m.group("after") or "").strip().lower()


def _clean(phrase: str) -> str:
    phrase = phrase.strip(" ,;:-—")
    phrase = _LEAD.sub("", phrase)
    phrase = re.sub(r"\s+(?:of|the|and|to|for|in|by|from|with|as|its|at)$", "", phrase, flags=re.IGNORECASE)
    phrase = re.sub(r"^(?:-+|—|–)\s*", "", phrase)
    return phrase.strip(" ,;:")[:100]


def _subject(sentence: str, vg_start: int, floor: int = -1) -> str:
    """The noun phrase before a verb group: back to the start of the sentence, a ; or :,
    or a comma whose piece before holds a verb of its own (…, and the projected deficit of
    local governments is …)."""
    aside = re.search(
        r"\b(?:will|shall|should|must|is|are|would|can|may|need to|needs to)\s*,[^,]{1,40},\s*$",
        sentence[:vg_start],
    )
    if aside:
        vg_start = aside.start()  # should, as a rule, make up…: the subject is before the modal
    # …reduced by 45 billion yuan and the fund should be increased by…: not before the last number
    lowest = max(floor, 0)
    floor = max(
        sentence.rfind(";", 0, vg_start), sentence.rfind(":", 0, vg_start), sentence.rfind("—", 0, vg_start)
    )
    start = max(floor + 1, lowest)
    pieces = [m.start() for m in re.finditer(r",\s", sentence[:vg_start])]
    for c in reversed(pieces):
        if c < start:
            break
        before = sentence[max(start, sentence.rfind(",", 0, c) + 1) : c]
        if _VERB_GROUP.search(before) or re.search(r"\b(?:that|which|when|if|as)\b", sentence[c:vg_start]):
            start = c + 1
            break
    subject = sentence[start:vg_start]
    subject = _LABEL.sub("", subject)
    subject = re.sub(r"^.*\b(?:that|which|whom|when)\s+", "", subject, flags=re.IGNORECASE)
    # By that time, China's output…; As a general target, the growth rate…: an opening adverbial
    subject = re.sub(
        r"^\s*(?:(?:by|at|in|on|as|for|with|under|after|before|during|over|through|regardless|to|on the basis)\b[^,]{0,60},\s*)+",
        "",
        subject,
        flags=re.IGNORECASE,
    )
    subject = re.sub(r"^\s*(?:meaning|which means|i\.e\.|namely)\s+", "", subject, flags=re.IGNORECASE)
    return _clean(subject)


def _noun_after(right: str) -> str:
    if not re.match(r"\s+[A-Za-z]", right) or re.match(
        r"\s+(?:of|per|a|an|the|in|for|by|to|and|or|from|at|on|respectively|each|this|next|over)\b", right, re.IGNORECASE
    ):
        return ""
    stop = _NP_STOP.search(right)
    return _clean(right[: stop.start()] if stop else right)


def _of_after(right: str) -> str:
    m = re.match(r"\s+of\s+(.+)", right, re.IGNORECASE)
    if not m:
        return ""
    rest = m.group(1)
    stop = re.search(r"\s+(?:will|shall|should|must|is|are|be|to|for|by|from|with|that|which|each|every|within|"
                     r"during|this|in the|and\s+(?=\d|one|two|three|at least))\b|[,;:.()]", rest, re.IGNORECASE)  # fmt: skip
    return _clean(rest[: stop.start()] if stop else rest)


_KEPT_ABOVE = re.compile(
    r"\b(?:keep|keeping|maintain|maintaining|hold|holding|ensure|ensuring)\s+(?:that\s+)?(?P<x>[^,;]{3,80}?)\s+"
    r"(?:(?:remains?|stays?|is|are)\s+)?(?:above|at|below|under|within|over)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    r"(?:line|redline|level|mark|threshold|floor)\s+of\s*$",
    re.IGNORECASE,
)
#: What money is spent on, written after the amount: for the construction of…, worth of bonds, invested in…
_USE_AFTER = re.compile(
    r"\s+(?:worth\s+of|(?:(?:will\s+)?be\s+)?(?:invested|spent|used|allocated|earmarked|channel(?:l)?ed)\s+"
    r"(?:in|on|for|to)|for|on|in(?=\s+(?:[\w-]+\s+){0,3}(?:loans|bonds|credit|funds|subsidies|investment|spending|"
    r"allocations|transfers|debt|deficit)\b))\s+(?P<use>(?!(?:this|these|that|those|the\s+year|a\s+period|\d))[A-Za-z][^,;.]{2,80})",
    re.IGNORECASE,
)
#: of them, of the population: a share of people, not a thing measured after "of"
_PEOPLE_OF = re.compile(r"\s+of\s+(?:them|whom|which|the\s+(?:total|population|people))\b", re.IGNORECASE)


def _use_after(right: str, *, invested: bool = False) -> str:
    m = _USE_AFTER.match(right) or (
        re.match(r"\s+(?:in\s+|to\s+(?=(?:assist|support|promote|help|fund|finance|subsidize|build|develop)\b))(?P<use>[A-Za-z][^,;.]{2,80})", right)
        if invested else None
    )
    if not m:
        return ""
    use = " " + m.group("use")
    stop = _NP_STOP.search(use)
    return _clean(use[: stop.start()] if stop else use)


def _passive_target(right: str) -> str:
    """800 billion yuan will be invested in railway construction -> railway construction."""
    source = re.match(r"\s+from\s+(?:the\s+)?([^,;.]{3,60}?)\s+(?:will|should|is to|are to)\s+be\s+(?:used|spent|allocated)\b",
                      right, re.IGNORECASE)  # fmt: skip
    if source:
        return _clean(source.group(1))  # 100 billion yuan from the unemployment insurance fund will be used to …
    m = re.match(
        r"\s+(?:of\s+[^,;]{1,60}?\s+)?(?:will|shall|should|is to|are to|is|are)\s+(?:be\s+)?(?:\w+ly\s+)?"
        r"(?:allocated|invested|spent|earmarked|used|set aside|provided|issued|appropriated|included|channel(?:l)?ed)"
        r"(?:\s+from\s+(?P<src>(?:(?!\s+(?:for|in|on|to|this|next)\b)[^,;.]){3,60}))?(?:\s+(?:this|next)\s+year)?"
        r"(?:\s+(?:for|in|on|to)\s+(?P<use>[^,;.]{3,80}))?",
        right,
        re.IGNORECASE,
    )
    if not m:
        return ""
    use = m.group("use") or ""
    if use and not re.match(r"(?:this|these|that)\s+purposes?|fund\b|support\b", use, re.IGNORECASE):
        stop = _NP_STOP.search(" " + use)
        return _clean((" " + use)[: stop.start()] if stop else use)
    return _clean(m.group("src") or "")


def _of_before(left: str) -> str:
    """GDP growth of around 5 percent -> GDP growth; the noun phrase before "of"."""
    m = re.search(r"((?:[\w'’%-]+\s+){1,8}?)of\s*$", left)
    if not m:
        return ""
    words = m.group(1).split()
    keep: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        noun = i > 0 and words[i - 1].lower() in ("a", "an", "the")  # a drop of 3%: a noun, not a verb
        if (_VERB_GROUP.fullmatch(w) and not noun) or re.fullmatch(
            r"with|for|to|by|at|in|on|from|make|made|achieve|see|ensure|we|and|that|which|set|targets?|is|are|"
            r"projecting|projected|expecting|expected|planning|planned|forecasting",
            w,
            re.IGNORECASE,
        ):
            if w.lower() == "and" and keep:
                keep.append(w)
                continue
            break
        keep.append(w)
    # consists of a central government deficit of …: the phrase, not the "of" before it
    return _clean(re.sub(r"^(?:of|for|in)\s+", "", " ".join(reversed(keep)), flags=re.IGNORECASE))


_AVERAGE = re.compile(
    r"\b(?:by\s+)?(?:an?\s+)?(?:annual|yearly|average|annual average|average annual)\s+(?:average\s+)?(?:rate\s+)?of\s*$",
    re.IGNORECASE,
)
_AUXILIARY = re.compile(
    r"\b(?:will|shall|should|must|is|are|was|were|be|been|has|have|had|can|may|does|do)\b", re.I
)
_LIST_ON = re.compile(r"(?:\s+of\s+[^,;:]{1,60}?)?\s*(?:,\s*(?:and\s*)?|\s+and\s*)", re.IGNORECASE)
_ELIDED = re.compile(r"\s*,?\s*(?:and|while)\s+(?P<x>[^,;:]{3,80}?)\s+(?:by|to)\s*", re.IGNORECASE)
_COUNT_VERB = re.compile(
    r"\b(?:build|building|built|create|creating|construct|constructing|renovate|renovating|rebuild|establish|"
    r"establishing|set up|open|train|training|employ|admit|admitting|recruit|add|adding|upgrade|cover|covering|"
    r"plant|relocate|relocating|lift|lifting|resettle|include|including|recommend|recommending|designate|launch|"
    r"cultivate|host|consists? of|composed of|comprising|select|selecting|support|fund|funding|provide|providing|"
    r"hire|hiring|assign|assigning|enroll|enrol|enrolling|graduate)(?:\s+(?:another|an additional|a further|"
    r"more than|over|about|around|nearly))?\s*$",
    re.IGNORECASE,
)
_FUNCTION_WORD = re.compile(
    r"at|to|by|from|of|between|in|on|for|and|or|with|than|below|above|under|over|within|around|about|the|a|an|"
    r"is|are|be|been|will|shall|should|must|was|were",
    re.IGNORECASE,
)


def _last_group(left: str, vg: list[re.Match[str]]) -> int:
    """Where the last run of verbs before the number starts (does not fall below)."""
    start = vg[-1].start()
    for prev in reversed(vg[:-1]):
        gap = left[prev.end() : start]
        if not re.fullmatch(r"\s*(?:not|also|further|still|\w+ly)?\s*", gap):
            break
        start = prev.start()
    return start


def _verb_object(left: str) -> tuple[str, str]:
    """(object, verb) of the last object-taking verb before the number: increase the area
    of cropland by …, keep the CPI at …, raise subsidies from 380 to …"""
    link = _LINK_END.search(left)
    body = left[: link.start()] if link else left
    body = re.sub(r"\s+from\s+[^,;]*$", " ", body + " ").rstrip()  # from 380 to: the object precedes
    # a verb, not a noun: at the start of the piece or after a modal, "to", "and", a pronoun
    # or an adverb (keep the CPI increase around 4%: keep, not increase)
    verbs = [
        v
        for v in _OBJECT_VERB.finditer(body)
        if re.search(
            r"(?:^|\b(?:will|shall|should|must|to|can|may|and|or|we|also|further|again|still|even|for|in|by|have|has|"
            r"continue to|\w+ly)|[-—–•]|--)\s*$",
            body[: v.start()],
            re.IGNORECASE,
        )
        # with the aim of increasing the length of …: a gerund after "of" is a verb
        or (v.group(0).lower().endswith("ing") and re.search(r"\bof\s*$", body[: v.start()], re.IGNORECASE))
    ]
    if not verbs:
        return "", ""
    v = verbs[0]
    obj = body[v.end() :]
    if _AUXILIARY.search(obj) or not obj.strip():
        return "", v.group(0)
    return _clean(re.sub(r"^\s*(?:down|up)\b", "", obj)), v.group(0)


#: Past forms that are also the present: "cut" in a list of what we will do is no past.
_PRESENT_TOO = frozenset({"cut", "put", "set", "hit", "let", "spread"})


def _forward(clause: str, sentence: str, doc_year: int | None) -> bool | None:
    """True: the clause looks ahead; False: back; None: it does not say."""
    clause = _PASSIVE_PAIR.sub(" ", clause)  # are built or upgraded: a passive, not the past
    # women who have complied with …, a better-than-expected recovery: neither past nor forward of the clause
    clause = re.sub(r"\b(?:who|that|which)\s+(?:have|has)\s+(?:been\s+)?\w+\b|[\w-]*than[- ]expected", " ", clause, flags=re.I)
    years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", clause)]
    forward = bool(_FORWARD.search(clause)) or bool(doc_year and any(y > doc_year for y in years))
    pasts = [m.group(0).lower() for m in _PAST.finditer(clause)]
    at = sentence.find(clause)
    if pasts and all(p in _PRESENT_TOO for p in pasts) and at > 0 and re.search(
        r"\b(?:will|shall|should|must|need to|is to|are to)\b", sentence[:at], re.IGNORECASE
    ) and not _PAST.search(sentence[:at]):
        pasts = []  # We will …, and cut the price by another 10 percent: "cut" after a modal's list is no past
    past = bool(pasts) or bool(
        doc_year
        and any(y < doc_year for y in years)
        and not re.search(r"\bby\s+(?:the end of\s+)?(?:19|20)\d{2}", clause)
    )
    if forward and not (past and not _STRONG_FORWARD.search(clause)):
        return True  # a past verb beside "the goal" or "target" (we achieved the goal of …) reports
    if past:
        return False
    return None


#: A part of a report or plan: "I. Review of Our Work in 2019", "II. Major Tasks for 2008", "Part Three".
_PART_HEADING = re.compile(r"^\s*(?:[IVX]{1,4}\s*[.．、]|Part\s+[A-Z][a-z]+[.:]?)\s*(?P<title>[A-Z][^\n]{3,150})$")
_REVIEW_TITLE = re.compile(r"\b(?:review|achievements|accomplishments|progress made|work (?:done )?(?:in|of) (?:the )?past)\b", re.I)
_PLAN_TITLE = re.compile(
    r"\b(?:tasks?|targets?|objectives?|goals?|arrangements?|plans?|priorities|policies|requirements|work for|"
    r"next stage|coming year|ahead)\b",
    re.IGNORECASE,
)


def english_sections(text: str, doc_year: int | None = None) -> list[tuple[int, str]]:
    """(offset, ``past`` / ``plan``) where each part of an English report or plan begins.

    A part titled as a review ("I. Review of the Work of the Past Five Years", or naming
    only years before ``doc_year``) reports; a part titled with tasks, targets or the
    year's work ("II. Major Tasks for 2008"), or any part after a review, plans.
    """
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        m = _PART_HEADING.match(line.rstrip("\r\n"))
        if m and len(line) < 200:
            title = m.group("title")
            years = [int(y) for y in re.findall(r"\b((?:19|20)\d{2})\b", title)]
            past = bool(_REVIEW_TITLE.search(title)) or (
                doc_year is not None and bool(years) and max(years) < doc_year and not _PLAN_TITLE.search(title)
            )
            if past:
                out.append((offset, "past"))
            elif _PLAN_TITLE.search(title) or (doc_year is not None and any(y >= doc_year for y in years)) or (
                out and out[-1][1] in ("past", "plan")
            ):
                out.append((offset, "plan"))
        offset += len(line)
    return out


#: The verb between a list of names and its values: "… are cut by 23%, 15%, and 18%, respectively".
_RESPECTIVE_VERB = re.compile(r"\s+(?:are|is|will\s+be|should\s+be|be)\s+(?:\w+\s+){0,2}?(?:by|to)\s+", re.IGNORECASE)


def _respectively(sentence: str, rows: list[dict[str, Any]]) -> None:
    """Give each value of a list "…, respectively" the name in the same place of the list of names.

    Three names or more, a verb, and as many values (water consumption, energy consumption, and carbon
    dioxide emissions per unit of GDP are cut by 23%, 15%, and 18%, respectively); two names are
    handled where the number is read.
    """
    end = sentence.lower().find("respectively")
    if end < 0:
        return
    head = sentence[:end]
    verbs = list(_RESPECTIVE_VERB.finditer(head))
    if not verbs:
        return
    verb = verbs[-1]
    values = head[verb.end() :]
    # the names: after the last "that", "ensure" or clause break before the verb
    listed = re.split(r"\b(?:that|ensure|whether)\s+|;|:", head[: verb.start()])[-1]
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed) if n.strip()]
    inside = [r for r in rows if r["raw"] and r["raw"] in values]
    if len(names) < 3 or len(names) != len(inside):
        return
    shared = re.search(r"\s+(?:per|of|in|for)\s+.+$", names[-1])  # per unit of GDP: the last name carries it
    for row, name in zip(inside, names):
        if shared and not re.search(r"\s(?:per|of|in|for)\s", name):
            name += shared.group()
        row["indicator"] = _clean(name)
        row["direction"] = inside[0]["direction"]  # one verb for the whole list


def english_targets(sentence: str, *, doc_year: int | None = None, section: str = "neutral") -> list[dict[str, Any]]:
    """The target rows of one English sentence (same fields as the Chinese ones).

    Args:
        sentence: one sentence.
        doc_year: the year the document speaks from (resolves "this year" and tells
            a past year from a future one).
        section: what the part of the document the sentence stands in does (see
            :func:`english_sections`): ``past`` (a review), ``plan`` (the year's tasks)
            or ``neutral``; it decides only the sentences whose own words say nothing
            of their time.

    Returns:
        Dicts with ``indicator``, ``value``, ``unit``, ``year``, ``direction``,
        ``qualifier`` and ``raw`` (the value as written), in sentence order.
    """
    rows: list[dict[str, Any]] = []
    deadline = None
    for ym in _YEAR.finditer(sentence):
        y = int(ym.group(1))
        if (
            ym.group(0).lower().startswith(("by", "before", "until", "through"))
            or doc_year is None
            or y >= doc_year
        ):
            deadline = deadline or y
    if deadline is None and doc_year is not None and re.search(r"\bthis year\b", sentence, re.IGNORECASE):
        deadline = doc_year
    sentence_forward = _forward(_CHANGE_PIECE.sub("", sentence), sentence, doc_year)
    verbless = (not _VERB_GROUP.search(sentence) and not _PAST.search(sentence)) or _LIST_ITEM.match(sentence) is not None
    skip_upto = -1
    prev_end = -1
    for m in _QTY.finditer(sentence):
        if m.start("num") < skip_upto:
            continue
        num = m.group("num")
        has_unit = bool(m.group("unit") or m.group("scale") or m.group("currency"))
        borrowed = None if has_unit else _RANGE_END.match(sentence, m.end())
        if borrowed is not None and (borrowed.group("unit") or borrowed.group("scale")):
            has_unit = True  # 6–6.5 percent: the lower end takes the unit of the upper
        else:
            borrowed = None
        if re.fullmatch(r"(?:19|20)\d{2}", num) and not has_unit:
            continue  # a year
        left_all = sentence[: m.start()]
        right = sentence[m.end() :]
        # a date (31 July 2023, July 31), a clause number (4.2 A member…), a figure in a name
        if (
            _DATE_AROUND.match(right)
            or _MONTH_BEFORE.search(left_all)
            or not left_all.strip()
            and _LABEL.match(sentence)
        ):
            continue
        if re.search(
            r"(?:No\.|\b(?:Section|Article|Chapter|Item|clause|paragraph|Phase|Level|Grade))\s*$",
            left_all,
            re.IGNORECASE,
        ):
            continue
        before, after = _qualifiers(m)
        if not (has_unit or before or after or num.lower() in _FRACTION):
            # a bare count (two systems, eight tasks, Covid-19) is context unless a verb of
            # making or counting governs it (build 300 schools, consist of 21 members) or a
            # bounded list goes on (at least one college and two schools)
            if not re.match(r"\s+[a-z]", right) or re.search(r"[A-Za-z]-\s*$", left_all):
                continue
            inherited = bool(rows) and re.search(r"\band\s*$", left_all) and rows[-1]["qualifier"]
            if not inherited and not _COUNT_VERB.search(_AVERAGE.sub("", left_all[-40:])):
                continue
        # ranges and changes of level: 6–6.5 percent, between 6.5% and 7%, from 55 yuan to 70 yuan
        rng = re.match(
            rf"\s*(?:[-–—~]|to|and)\s*(?:(?:over|more than|at least|about|around|nearly|some)\s+)?({_NUM})\s*(?:{m.group('scale') or ''})?\s*({m.group('unit') or ''})?",
            right,
        )
        if rng and re.search(
            r"\bfrom(?:\s+(?:last|the previous|this) year's)?(?:\s+(?:total|level|figure)\s+of)?\s*$", left_all, re.IGNORECASE
        ):
            continue  # from 380 to 420: the starting value
        if rng and (rng.group(0).strip().startswith(("-", "–", "—", "~")) or re.search(r"\bbetween\s*$", left_all, re.I)
                    or re.match(r"\s*to\s", rng.group(0))):  # fmt: skip
            skip_upto = m.end() + rng.end()
            right = " " + right[rng.end() :].lstrip()  # 21 to 31 members: the lower bound counts the members
        # the piece of the sentence the number stands in (a comma between digits groups thousands)
        piece_start = max((b.end() for b in re.finditer(r"(?<!\d),|,(?!\d{3}\b)|[;:—]", left_all)), default=0)
        piece_left = left_all[piece_start:]
        piece_end_m = re.search(r"[,;:]\s|[;:]$", right)
        piece_right = right[: piece_end_m.start()] if piece_end_m else right
        # what is not a target
        if (
            (
                piece_start > 0
                and (
                    _APPOSITIVE_CHANGE.match(piece_left)
                    or (
                        re.fullmatch(r"\s*an?\s*", piece_left)
                        and re.match(rf"\s*{_CHANGE_NOUN}\b", right, re.I)
                    )
                )
            )
            or _THAN_LAST.match(right)
            or _ABSOLUTE_CHANGE_AFTER.match(right)
        ):
            continue  # a change against last year
        if re.search(r"\b(?:increase|decrease|rise|up|down|drop)\s+of\s*$", piece_left, re.I) and re.search(
            r"\b(?:over|than|on|from)\s+(?:that of\s+)?(?:the\s+)?(?:last|previous)\s+year", piece_right, re.I
        ):
            continue
        unit_time = (m.group("unit") or "").lower().rstrip("s") in ("day", "week", "month", "year", "hour")
        if re.match(
            r"\s+(?:consecutive|successive|straight|full|calendar|business|working)\s+(?:years?|months?|days?|weeks?)\b",
            right,
            re.I,
        ):
            unit_time = True  # for two consecutive years: a period
        if unit_time and (_DEADLINE_AFTER.match(right) or _DEADLINE_BEFORE.search(left_all) or "within" in before.lower()):
            continue  # a notice period or a deadline, not a level to reach
        if re.search(
            r"\bwith\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:capacity|output|population|area|length|size|scale)\s+of\s*$", piece_left, re.I
        ):
            continue  # coal-fired units with a capacity of less than 300,000 kilowatts: which units, not a goal
        if _PROCEDURE_BEFORE.search(piece_left):
            continue  # a quorum or a majority
        if _PEOPLE_AFTER.match(right) and _POPULATION_BEFORE.search(left_all[-40:]):
            continue  # the population a goal serves
        if not m.group("unit") and re.search(r"\b(?:salaries|wages|pay|pensions|benefits|allowances)\s+(?:for|of)(?:\s+the)?\s*$", left_all, re.I):
            continue  # raise salaries for the 12 million teachers: the people whose pay rises, counted
        if re.search(r"\bwhose\b[^,;]*$", left_all, re.IGNORECASE) or _THRESHOLD.search(piece_left):
            continue  # an eligibility condition, a threshold
        if (re.match(r"\s*with\s*$", piece_left, re.IGNORECASE) and re.search(r"\w+ing\b", piece_right)) or (
            re.match(r"\s*with\b", piece_left, re.IGNORECASE) and re.search(r"\b\w+ing\s+(?:by|to|at)\s*$", piece_left)
        ):
            continue  # With 8.74 million students graduating this year, …: the circumstances
        if re.search(
            r"\b(?:is|are)\s+due\s+to\b", sentence[piece_start : m.end() + len(piece_right)], re.IGNORECASE
        ):
            continue  # 10 million students are due to graduate: a forecast of a fact
        if num.lower() == "one" and "more than" in before.lower() and not has_unit:
            continue  # work in more than one practice: several, not a value
        if re.search(r"\b(?:college\s+|university\s+)?graduates\b", piece_left + right[:30], re.I) and not re.search(
            r"\bemploy|\bjobs?\b", sentence, re.I
        ):
            continue  # the number of college graduates will reach 7.49 million: a cohort, not a goal
        if re.search(r"\b(?:make|making)\s+(?:good|full|effective|better|efficient)(?:\s+and\s+\w+)?\s+use\s+of(?:\s+the)?\s*$", left_all, re.I):
            continue  # make good use of the 180 billion yuan in seed funds: a fund in place, not a goal
        if re.search(r"\bmay\s+(?!be\b)\w+\b[^,;]*$", piece_left, re.IGNORECASE):
            continue  # localities may cut contributions down to 16 percent: a permission, not a commitment
        if re.search(r"\b(?:continue to (?:implement|apply|carry out)|keep) the policy of\b[^,;]*$", left_all, re.IGNORECASE):
            continue  # continue to implement the policy of granting an extra tax deduction of 75 percent: a measure in force
        if re.search(r"\bwill be extended (?:to|until|through) the end of (?:the|this) year\b", sentence, re.IGNORECASE):
            continue  # the policy of cutting prices by 5 percent will be extended …: a measure in force, not a goal
        if re.match(r"\s+(?:college\s+|university\s+)?(?:students|graduates)\s+(?:will|are\s+(?:expected|set)\s+to)\s+graduate\b",
                    right, re.IGNORECASE):  # fmt: skip
            continue  # 7.95 million students will graduate from college: a cohort, not a goal
        # does it look ahead?
        clause = sentence[piece_start : m.end() + len(piece_right)]
        if piece_start == 0 and _IMPERATIVE.match(clause):
            clause = clause[_IMPERATIVE.match(clause).end() :]  # --cut energy intensity by 3.1%: an order, no past
        verdict = _forward(clause, sentence, doc_year)
        if verdict is None and _VERB_GROUP.search(clause) is None and piece_start > 0:
            # the subject and verb are in an earlier piece (…, and official hospitality should be cut by …)
            verdict = _forward(sentence[: m.end() + len(piece_right)], sentence, doc_year)
        if verdict is None and section != "neutral" and not _forward(sentence, sentence, doc_year):
            verdict = section == "plan"  # This consists of a deficit of …, in the year's tasks; a review's figures
        if verdict is None:
            # -- We built …, and kept the farmland over 121.3 million hectares: an item of a review
            listed_past = _LIST_ITEM.match(sentence) is not None and _PAST.search(sentence) is not None
            verdict = True if ((verbless and not listed_past) or _IMPERATIVE.match(sentence)) else sentence_forward
        if _DASH_ITEM.match(sentence) and not _PAST.search(sentence):
            verdict = True  # -- CPI increase kept at around 3%: an item of a list of targets
        if not verdict:
            continue
        value_unit = _value(m, borrowed)
        if value_unit is None:
            continue
        value, unit = value_unit
        # the indicator
        # by an annual average of 7%, a total of 6.8 billion, of between 6.5% and 7%: the number's own words
        left = _AVERAGE.sub(" by ", piece_left) if _AVERAGE.search(piece_left) else piece_left
        left = re.sub(r"\b(?:a\s+total\s+of|between|(?:an?|the)\s+equivalent\s+of)\s*$", "", left, flags=re.I)
        # will have risen from 87,000 yuan to over 120,000 yuan: the end value is named as the start would be
        from_to = re.search(
            rf"\s+from\s+{_NUM}\s*(?:[A-Za-z%]+\s*)?\s+to\s+(?:(?:over|more than|at least|about|around|nearly|some)\s+)?$", left, re.I
        )
        left = left[: from_to.start()] + " " if from_to else left
        left_full = left_all[:piece_start] + left
        between = sentence[prev_end : m.start()] if rows and prev_end >= 0 else ""
        elided = _ELIDED.fullmatch(between) if between and not before else None
        # 27 million tons of steel and 42 million tons of cement: the list goes on
        listed = bool(between) and _LIST_ON.fullmatch(between) is not None
        vg = sorted(
            list(_VERB_GROUP.finditer(left)) + list(_OBJECT_VERB.finditer(left)), key=lambda x: x.start()
        )
        offset = len(left_full) - len(left)
        # the first verb after the previous number is this number's clause's verb
        # …ensure that the expenditure is not less than …: the verb of the clause after "that"
        that = [c.end() for c in re.finditer(r"\bthat\s", left)]
        floor_at = max(prev_end, offset + that[-1]) if that else prev_end
        first_verb = (
            offset + ([v for v in vg if offset + v.start() >= floor_at] or [v for v in vg if offset + v.start() >= prev_end] or vg or [None])[0].start()
            if vg
            else 0
        )
        indicator, verb = "", ""
        own = sentence[max(prev_end, piece_start) : m.start()]  # the words after the previous number
        share = _SHARE_VERB.search(left)
        of_which = (re.search(r"\bof\s+which\s*$", left, re.I) or re.match(r"\s+of\s+which\b", right, re.I)) and re.search(
            r"\b(?:be|are|is)\s+(?:located\s+|built\s+|used\s+)?(?:in|for|on)\s+(?:the\s+)?([^,;.]{3,60})", right, re.I
        )
        if of_which:
            indicator = _clean(of_which.group(1))  # 5.8 million of which are to be located in rundown urban areas
        elif listed and (_of_after(right) or _noun_after(right)):
            indicator = _of_after(right) or _noun_after(right)
        elif listed and rows and re.match(r"\s*(?:per\b|each\b|respectively|on average|[,;.]|$)", right, re.I):
            indicator = rows[-1]["indicator"]  # …raised by 0.22 yuan and 0.26 yuan per kilogram respectively: the same thing
        elif (
            unit not in ("", "%") and not re.search(r"\b(?:of|by|cover|covers|covering|reach|reaches|to)\s*$", left, re.I)
            and _of_after(right) and not _PEOPLE_OF.match(right) and not share
        ):
            indicator = _of_after(right)  # 200,000 kilometers of rural roads, 507.6 billion yuan of investment
        elif unit == "yuan" and not re.search(r"\bof\s*$", left, re.I) and (
            use := _use_after(right, invested=bool(re.search(r"\b(?:invest|spend|put)(?:\s+(?:over|about|around|nearly|another))?\s*$|^\s*in\s+[^,;]+\band\s*$", own, re.I)))
        ) and not _verb_object(own)[0]:
            indicator = use  # allocate 49.3 billion yuan for…, invest 800 billion yuan in railway construction
        elif (
            unit and re.search(r"\b(?:a|an)\s*$", piece_left, re.I) and _noun_after(right)
            and not re.match(rf"\s*(?:[\w-]+\s+)?{_CHANGE_NOUN}\b", right, re.I)
        ):
            indicator = _noun_after(right)  # launching a four trillion yuan two-year investment plan
        elif unit == "%" and (reg := re.match(
            r"\s+of\s+(?:the\s+)?[^,;]{0,40}?(?:people|population|residents)\s+(?:should|will|are to)\s+be\s+(\w+ed\s+as\s+[^,;.]{3,60})",
            right, re.I,
        )):
            indicator = _clean(reg.group(1))  # 45% of the Chinese people should be registered as permanent urban residents
        elif unit == "%" and re.search(r"\b(?:cut|cutting|reduce|reducing|lower|lowering|save|saving)\s*$", own, re.I) and _of_after(right):
            indicator = _of_after(right)  # by cutting no less than 5 percent of their general expenditures
        elif (
            unit == "%" and re.search(r"\b(?:a|an)\s*$", piece_left, re.I)
            and (cut := re.match(rf"\s+{_CHANGE_NOUN}\s+(?:to|in|of)\s+([^,;.]{{3,80}})", right, re.I))
        ):
            indicator = _clean(cut.group(1))  # with a more than 50 percent cut to outlays on …
        elif elided is not None and not _VERB_GROUP.search(elided.group("x")):
            # …will be cut by 13.5 percent and carbon dioxide emissions per unit of GDP by 18 percent
            indicator = _clean(elided.group("x"))
        elif share:
            indicator = _subject(sentence, piece_start + (vg[0].start() if vg else share.start()))
        elif not unit and re.search(r"\bthat\s*$", left, re.I) and _noun_after(right):
            indicator = _noun_after(right)  # see that 3.8 million old or high-emission vehicles are taken off the roads
        elif re.search(r"\b(?:goal|target|objective)s?\s+of\s*$", left, re.I) and _noun_after(right):
            indicator = _noun_after(right)  # the goal of 100% collection and treatment of sewage
        elif re.search(r"\b(?:consists?|composed|comprised|made up)\s+of\s*$", left, re.IGNORECASE):
            indicator = _noun_after(right) or _of_after(right) or _use_after(right)  # It consists of 21 to 31 members
        elif re.search(r"\bof\s*$", left, re.IGNORECASE) and not unit and not re.match(r"\s+of\b", right) and _noun_after(right):
            indicator = _noun_after(right)  # the formulation of more than 7,700 national standards
        elif re.search(r"\bof\s*$", left, re.IGNORECASE) and has_unit and _of_after(right):
            indicator = _of_after(right)  # capacity of 27 million metric tons of steel
        elif re.search(
            r"\b(?:cover|covers|covering|covered|benefit|benefiting|serve|serving)\s*$", left, re.I
        ) and unit in ("%", "") and _of_after(right):
            indicator = _of_after(right)  # places covering at least 80% of the internship needs of…
        elif re.search(r"\bof\s*$", left, re.IGNORECASE):
            indicator = _of_before(left)
            change = re.match(rf"(?:an?\s+)?{_CHANGE_NOUN}$", indicator, re.IGNORECASE)
            if (
                re.search(r"\b(?:line|redline|level|mark|threshold|floor|minimum|maximum)$", indicator, re.IGNORECASE)
                and vg
            ):
                # does not fall below the red line of 120 million hectares: the subject's line; keep the
                # total amount of arable land above the red line of …: what is kept
                kept = _KEPT_ABOVE.search(left)
                indicator = _clean(kept.group("x")) if kept else _subject(left_full + " ", len(left_full) - len(left) + _last_group(left, vg))
            elif change:
                inside = re.match(r"\s+(?:in|to)\s+([^,;.]{3,80})", right, re.IGNORECASE)
                indicator = _clean(inside.group(1)) if inside else ""
        if not indicator and vg:
            obj, verb = _verb_object(left)
            indicator = obj
            if not indicator:
                indicator = _noun_after(right) if not unit or unit in ("times",) else ""
                if not indicator and re.match(r"\s+of\s", right) and (unit == "%" or has_unit):
                    indicator = _of_after(right) if not left.strip() else ""
                if not indicator:
                    indicator = _passive_target(right) or _subject(left_full + " ", first_verb, prev_end)
        if not indicator:
            indicator = _noun_after(right) or _of_after(right) or _passive_target(right)
        if not indicator and vg:
            indicator = _subject(left_full + " ", first_verb, prev_end)
        if indicator.lower() in ("target", "goal", "the target"):
            aimed = re.search(r"\b(?:target|goal)s?\s+(?:for|of)\s+(?:\w+ing\s+)?(?:the\s+)?([^,;]{3,80}?)\s+(?:is|are|will|should)\b",
                              sentence[piece_start : m.start()], re.I)  # fmt: skip
            indicator = _clean(aimed.group(1)) if aimed else indicator  # the target for expanding M2 is around 17%
        moved = re.match(
            r"\s+(?:(people|persons|residents)\s+)?(?:to\s+be|(?:will|should|are to)\s+be)\s+(\w+ed(?:\s+as\s+[^,;.]{3,60})?)",
            right,
            re.IGNORECASE,
        )
        if moved and not unit and (moved.group(1) or indicator.lower() in ("including", "")) and (
            indicator.lower() in ("people", "persons", "residents", "including") or not indicator
        ):
            indicator = f"{moved.group(1) or 'people'} to be {moved.group(2)}"  # (2.8 million people) to be relocated
        source = re.match(r"\s+(?:from|by)\s+(?:the\s+)?([^,;.]{3,60}?)\s*(?:[,;.]|$)", right, re.IGNORECASE)
        if source and unit == "yuan" and re.search(r"\b(?:including|of which|with)\s*$", left, re.IGNORECASE):
            indicator = _clean(source.group(1))  # 850 billion yuan, including 331.8 billion yuan from the central government
        beneficiary = re.match(r"\s+for\s+(?:the\s+)?([^,;.]{3,60}?)\s*(?:[,;.]|$)", right, re.IGNORECASE)
        if beneficiary and re.search(r"\b(?:raise|increase|lift|lower|cut|reduce|extend)\s+(?:this|it|them)\s+(?:to|by)\s*$", left, re.I):
            indicator = _clean(beneficiary.group(1))  # we will raise this to 100 percent for manufacturing enterprises
        carried = re.match(r"\s+(?:will|should|is to|are to)\s+be\s+(?:carried|borne|shouldered|paid|financed)\s+by\s+"
                           r"(?:the\s+)?([^,;.]{3,60})", right, re.IGNORECASE)  # fmt: skip
        if carried and unit == "yuan":
            indicator = _clean(carried.group(1))  # 1.4 trillion yuan will be carried by the central government
        if (
            indicator.lower() in ("it", "they", "who", "which", "we", "this", "that", "these")
            or len(indicator) < 2
        ):
            # who shall teach no less than 60 hours a year: name it by its verb; that 95% of the students …
            if _of_after(right) and not _PEOPLE_OF.match(right):
                indicator = _of_after(right)
        if indicator.lower() in ("it", "they", "who", "which", "we", "this", "that", "these") or len(indicator) < 2:
            last = re.search(r"\b([a-z]+)\s*$", left.strip())
            indicator = last.group(1) if last and not _FUNCTION_WORD.fullmatch(last.group(1)) else ""
        if len(indicator) < 2 or _THRESHOLD.search(indicator):
            continue
        # the direction
        near = left[-60:]
        if re.search(r"\bnot\s+(?:fall|drop|go|be)\s+(?:below|under)\s", left, re.IGNORECASE):
            direction = "increase"  # does not fall below the red line: a floor
        elif after in ("or more", "or above", "or higher", "and above") or before.split(",")[0] in _AT_LEAST:
            direction = "increase" if not _DOWN.search(near) else "decrease"
        elif (
            _DOWN.search(near)
            or re.search(rf"\b{_CHANGE_NOUN}\b", indicator, re.I)
            and _DOWN.search(indicator)
        ):
            direction = "decrease"
        elif _UP.search(near) or re.search(r"\bgrowth\b|\bincrease\b", indicator, re.IGNORECASE):
            direction = "increase"
        elif _BUILD.search(near) or _BUILD.search(piece_right[:60]):
            direction = "build"
        elif verb and (_DOWN.search(verb) or _UP.search(verb)):
            direction = "decrease" if _DOWN.search(verb) else "increase"  # cut X (a long name) by another 10 percent
        else:
            direction = "level"  # a cap without a verb of reduction (no more than 5 each) is a level
        if elided is not None and indicator == _clean(elided.group("x")):
            direction = rows[-1]["direction"]
        qualifier = ",".join(x for x in (before, after) if x)
        raw = m.group(0).strip()
        prev_end = m.end()
        rows.append({
            "indicator": indicator, "value": value, "unit": unit, "year": deadline or doc_year,
            "direction": direction, "qualifier": qualifier, "raw": raw,
        })  # fmt: skip
    _respectively(sentence, rows)
    # at least one higher vocational college and two secondary vocational schools: the bound
    # governs the whole list
    for prev, row in zip(rows, rows[1:]):
        if (
            not row["qualifier"]
            and prev["qualifier"]
            and row["raw"].lower() in _WORDNUM
            and row["unit"] == prev["unit"]
        ):
            row["qualifier"] = prev["qualifier"]
            row["direction"] = prev["direction"]
    return rows
