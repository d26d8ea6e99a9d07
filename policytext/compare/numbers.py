"""Numbers as policy texts write them: 150家左右, 百分之三十, 三分之二, 1.5万, 1200万人以上.

:func:`parse_number` turns one written number into a float; :func:`find_quantities`
finds every quantity in a sentence with its unit, the qualifier attached to it
(以上, 左右, 以内 ...) and its character span.

Normalisation rules (what ``value`` and ``unit`` mean):

- Arabic and Chinese numerals alike: ``一千二百`` → 1200, ``二〇二五`` → 2025,
  ``十二万五千`` → 125000, ``1,200`` → 1200, ``1.5万`` (no measure word) → 15000,
  ``近五百万高级专门人才`` → 5000000; digits spaced out by a PDF (``4 9 2 5 0 万吨``)
  read as one number, with ``raw`` and the span as written.
- A magnitude (万, 亿, 万亿) followed by a measure word stays with the unit, as
  statistics write it: ``1200万人`` → 1200 ``万人``; ``4.4万亿元`` → 4.4 ``万亿元``.
  :func:`to_base` converts such a pair to the plain measure (12000000 ``人``) for
  comparisons. ``三亿六千万吨`` → 3.6 ``亿吨``; ``一千二百九十万千瓦`` → 1290 ``万千瓦``.
- Shares become percent: ``百分之三十`` → 30 ``%``; ``三分之二`` → 66.67 ``%``;
  ``千分之五`` → 5 ``‰``; ``一半`` / ``半数`` → 50 ``%``.
- ``翻一番`` → 2 ``倍``, ``翻两番`` → 4 ``倍``; ``两位数增长`` → 10 ``%`` 以上.
- A range (``6.5%－7%``, ``3至5个``) gives the lower bound as ``value`` and the
  upper one as ``upper``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

__all__ = [
    "Quantity",
    "parse_number",
    "find_quantities",
    "to_base",
    "unit_kind",
    "MEASURE_WORDS",
]

_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "O": 0,
    "一": 1, "壹": 1, "幺": 1,
    "二": 2, "两": 2, "贰": 2,
    "三": 3, "叁": 3,
    "四": 4, "肆": 4,
    "五": 5, "伍": 5,
    "六": 6, "陆": 6,
    "七": 7, "柒": 7,
    "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
_CN_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS)

# Full-width digits and the odd decimal points OCR and PDFs produce.
_WIDTH = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")

#: Measure words that make a bare number a quantity, longest first. Grouped by
#: kind so that two targets can be compared only when their units are compatible.
MEASURE_WORDS: dict[str, str] = {}
for _kind, _words in {
    "percent": ["个百分点", "百分点", "%", "‰"],
    "money": ["美元", "元"],
    "people": ["人次", "人", "名", "位", "户"],
    "area": ["平方公里", "平方米", "平方公尺", "公顷", "亩"],  # 公尺: the old name of the metre
    "length": ["公里", "千米", "米", "公尺"],
    "weight": ["吨", "公斤", "千克", "斤", "担"],
    "energy": ["千瓦时", "千瓦", "标准煤", "马力", "千伏"],
    "volume": ["立方米", "立方公尺"],
    # PM2.5年均浓度控制在35微克/立方米以下: a concentration, as air and water plans set them
    "concentration": ["微克/立方米", "毫克/立方米", "微克每立方米", "毫克每立方米", "μg/m³", "μg/m3", "mg/m³", "mg/m3",
                      "毫克/升", "mg/L"],
    "transport": ["吨公里", "人公里"],
    # 开办企业压缩至0.5个工作日: the time a procedure takes
    "time": ["小时", "学时", "课时", "分钟", "个月", "个工作日", "工作日", "个自然日", "周岁", "周", "天", "岁", "h", "min"],
    # 孕产妇死亡率控制在10/10万以下: a rate per hundred thousand
    "rate": ["/10万", "/十万"],
    "tech": ["dB", "Pa", "pT", "Hz", "GHz", "MHz", "Gbps", "Mbps", "TB", "PB", "EB", "GB", "MB", "M", "MW", "kW",
             "MPa", "kPa", "kHz", "℃", "μm", "kg", "GW",
             "ms", "nm", "度", "V", "kV", "mV", "Bit", "bit", "μs", "ns", "伏",
             "μT", "mT", "nT", "nT/√Hz", "pT/√Hz", "Gy", "cGy", "mGy", "ppm", "mA", "μA", "mm", "mΩ", "Ω", "kΩ", "MΩ",
             "r/min", "rpm", "m2", "m²", "m3", "m³", "cm3/h", "cm³/h",  # 成形效率大于450cm3/h (additive manufacturing)
             "EFlops", "EFLOPS", "PFlops", "PFLOPS", "TFlops", "TFLOPS", "GFlops", "GFLOPS", "TOPS",
             # computing power per watt: 1TFLOPS/W
             "TFLOPS/W", "TFLOPS/w", "TOPS/W", "TOPS/w"],
    "times": ["倍"],
    "count": [
        "个", "家", "所", "项", "座", "条", "件", "套", "张", "台", "辆", "部", "间",
        "门", "本", "册", "种", "类", "批", "支", "处", "场", "次", "期", "届", "份",
        "只", "头", "株", "棵", "艘", "架", "列", "对", "组", "片", "块", "栋", "幢", "款",
        "所次", "床", "张床", "km", "户次", "家次", "个次",
        "匹", "枚", "锭", "标准箱", "标箱", "印张", "架次",
    ],
}.items():
    for _w in _words:
        MEASURE_WORDS.setdefault(_w, _kind)
# Latin units of three letters or more are matched in any case (100MbpS as written in a source) and
# read as the listed spelling; shorter ones keep their case (M is mega, m is not listed).
_MEASURES_RE = "|".join(
    f"(?i:{re.escape(w)})" if w.isascii() and len(w) >= 3 else re.escape(w)
    for w in sorted(MEASURE_WORDS, key=len, reverse=True)
)
_LATIN_UNITS = {w.lower(): w for w in MEASURE_WORDS if w.isascii() and len(w) >= 3}


def _listed_unit(unit: str) -> str:
    """The listed spelling of a unit matched in another case (MbpS -> Mbps)."""
    return unit if unit in MEASURE_WORDS else _LATIN_UNITS.get(unit.lower(), unit)

# 1,484 and 1，484 (full width) group thousands; 2019，2020 is two numbers.
_AR_NUM = r"\d+(?:,\d{3}(?!\d))*(?:\.\d+)?"
# Lazy, so that 一千二百九十万千瓦 leaves 千瓦 (a measure word) to the unit.
_CN_NUM = f"[{_CN_CHARS}]+?(?=千瓦|千米|千克|[^{_CN_CHARS}]|$)(?:点[{''.join(_DIGITS)}]+)?"
_MAG = r"(?:万亿|亿|万|千|百)"
# 四十多亿元: 多 between a Chinese round number and its magnitude, as in 5000多亿元.
_CN_ROUND_MORE = f"[{''.join(_DIGITS)}]?[十百千](?:[{''.join(_DIGITS)}][十百]?)?(?:多|余)(?:万亿|亿|万)"
_ONE = rf"(?:{_AR_NUM}(?:多|余)?\s*{_MAG}?|{_CN_ROUND_MORE}|{_CN_NUM})"
_QUAL_AFTER = r"(?:及?以上|及?以下|以内|之内|左右|上下|前后|多|余|强|内)"  # 40%及以上: 及 joins the bound
_RANGE_SEP = r"(?:[-－—–~～]{1,2}|至|到)"

# A number, an optional range, a magnitude, a measure word and a trailing qualifier.
_QTY = re.compile(
    rf"(?P<num>{_ONE})(?P<approx1>多|余)?"
    rf"(?: ?(?P<unit1>{_MEASURES_RE}))?"
    rf"(?:(?P<sep>{_RANGE_SEP})(?P<num2>{_ONE})(?P<approx2>多|余)?(?P<unit2>{_MEASURES_RE})?)?"
    rf"(?P<after>{_QUAL_AFTER})?"
)
_PERCENT_CN = re.compile(rf"(?P<base>百|千|万)分之(?P<num>{_AR_NUM}|[{_CN_CHARS}]+(?:点[{''.join(_DIGITS)}]+)?)")
_FRACTION = re.compile(rf"(?P<den>{_AR_NUM}|[{_CN_CHARS}]+)分之(?P<num>{_AR_NUM}|[{_CN_CHARS}]+)")
#: 转化率超过1/3: a share written as a fraction with a slash (not 2023/12, GB/T, 5/10G).
_SLASH_FRACTION = re.compile(r"(?<![A-Za-z0-9./第-])(?P<num>\d{1,2})/(?P<den>\d{1,2})(?![A-Za-z0-9./%-])")
_HALF = re.compile(r"(?<![一二三四五六七八九十])(?:一半|半数)")
_DOUBLE = re.compile(r"翻(?P<n>[一两二三四五]|\d)?番")
# 2.5×106, 1×10^8, 3×10⁶: a power of ten (a superscript the PDF flattened keeps its digits after the 10).
_POWER_OF_TEN = re.compile(
    rf"(?<![\d.])(?P<mant>\d+(?:\.\d+)?)\s*×\s*10\^?(?P<exp>-?[1-9]\d?)(?!\d)\s*(?P<unit>{_MEASURES_RE})?"
)
# 保持两位数增长: a growth of 10% or more.
_TWO_DIGITS = re.compile(r"两位数(?=(?:的)?(?:增长|增幅|增速|以上))")
#: 城乡居民收入比下降至2.09:1: a ratio written against one.
_RATIO = re.compile(r"(?<![\d.:：∶])(?P<num>\d+(?:\.\d+)?)\s*[:：∶]\s*1(?![\d.:：∶])")  # (∶ is the ratio sign)
# 万亿级, 7000亿级, 过千亿: a scale written as a magnitude.
_SCALE = re.compile(
    rf"(?:(?P<num>{_AR_NUM})?(?P<mag>万亿|千亿|百亿|亿)级(?![\u4e00-\u9fff])"
    rf"|(?<=[过破超达到成])(?P<mag2>万亿|千亿|百亿|亿|万|千)(?P<unit>{_MEASURES_RE})?)"
)

#: A measure word followed by one of these makes a word, not a unit: 十亿多人口, 100项目, 3家庭.
_WORD_AFTER_UNIT = {
    "人": "口民员才工们均", "家": "庭长居电具属", "项": "目", "所": "得有属在以谓需", "部": "门署委",
    "台": "阶湾", "条": "件例款约", "名": "单称额义牌", "位": "置于列", "户": "籍口型", "本": "科地土",
    "门": "类槛户峡诊", "批": "准复示", "期": "间限待", "次": "要序",
    "担": "任负当心保", "匹": "配",
}  # fmt: skip

#: …but the unit stands before these words: 10家具有较强影响力的平台 (家 + 具有, not 家具).
_UNIT_BEFORE_WORD = {"家": ("具有", "具备")}

# Characters before a Chinese numeral that make it part of a word, not a number:
# 统一, 唯一, 第一, 之一, 万一, 逐一 ...
_CN_WORD_BEFORE = set("统唯第之逐划专单同进归合均星周初月年日十百千万亿零整")
# Chinese numerals followed by these are words (一些, 一批, 一体, 一流 ...), not quantities.
_CN_WORD_AFTER = set("些批体流道起律致切般样边面直向贯带路再旦定同揽线产季代级等期次方")


@dataclass(frozen=True)
class Quantity:
    """A quantity written in a text.

    Attributes:
        value: the number, normalised (see the module docstring).
        unit: the measure, with its magnitude (``万人``, ``%``, ``家``), or ``""``.
        raw: the quantity as written, qualifier included.
        start: offset of ``raw`` in the text searched.
        end: offset one past its end.
        upper: the upper bound of a range, else None.
        approx: the qualifier written after the number (以上, 左右, 以内 ...).
    """

    value: float
    unit: str
    raw: str
    start: int
    end: int
    upper: float | None = None
    approx: str = ""

    @property
    def kind(self) -> str:
        """The unit's kind (``percent``, ``money``, ``people``, ``count`` ...), or ``""``."""
        return unit_kind(self.unit)


def _parse_cn(text: str) -> float | None:
    """Chinese numerals (一千二百, 十二万五千, 二〇二五, 三点五) to a float."""
    if not text:
        return None
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = _parse_cn(whole) if whole else 0.0
        if head is None or not frac or any(ch not in _DIGITS for ch in frac):
            return None
        return head + float("0." + "".join(str(_DIGITS[ch]) for ch in frac))
    if all(ch in _DIGITS for ch in text):
        if len(text) == 1:
            return float(_DIGITS[text])
        # 二〇二五: a digit string (years, codes); 两 is never part of one.
        if "两" in text:
            return None
        return float("".join(str(_DIGITS[ch]) for ch in text))
    if all(ch in _BIG_UNITS or ch in _SMALL_UNITS for ch in text) and any(ch in _BIG_UNITS for ch in text):
        if text[0] in _BIG_UNITS:
            return None  # 亿, 万亿 alone: a magnitude, not a number (see 千亿级 in find_quantities)
    total = 0.0
    section = 0.0
    number = 0.0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            number = _DIGITS[ch]
            # 零 only holds a place: 二千零十七 is 2017 (its 十 counts one ten), 一千零一 is 1001
            seen_digit = ch not in "零〇○"
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if not seen_digit:
                number = 1  # 十二 = 12, 百万 = 1000000
            section += number * unit
            number = 0
            seen_digit = False
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            section += number
            if unit == 100_000_000:
                total = (total + section) * unit
            else:
                total += (section or (1 if not total else 0)) * unit
            section = 0
            number = 0
            seen_digit = False
        else:
            return None
    return total + section + number


def _parse_plain(text: str) -> float | None:
    text = text.translate(_WIDTH).replace(",", "").replace(" ", "")
    if not text:
        return None
    m = re.fullmatch(rf"({_AR_NUM.replace('(?:,', '(?:,')})({_MAG}*)", text)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}[ch]
        return value
    return _parse_cn(text)


def parse_number(text: str) -> float | None:
    """Parse one written number; None when ``text`` is not one.

    Shares come back in percent (``百分之三十`` → 30.0, ``三分之二`` → 66.67);
    magnitudes are multiplied out (``1.5万`` → 15000.0).

    Example:
        >>> parse_number("一千二百"), parse_number("1.5万"), parse_number("百分之三十")
        (1200.0, 15000.0, 30.0)
    """
    text = text.strip().translate(_WIDTH)
    m = _PERCENT_CN.fullmatch(text)
    if m:
        inner = _parse_plain(m.group("num"))
        if inner is None:
            return None
        return inner if m.group("base") == "百" else inner * (100 if m.group("base") == "万" else 1)
    m = _FRACTION.fullmatch(text)
    if m:
        den, num = _parse_plain(m.group("den")), _parse_plain(m.group("num"))
        if not den or num is None:
            return None
        return round(num / den * 100, 4)
    if text in ("一半", "半数"):
        return 50.0
    return _parse_plain(text)


def _split_magnitude(num: str) -> tuple[str, str]:
    """``1200万`` → (``1200``, ``万``); ``一千二百万`` → (``一千二百``, ``万``)."""
    for mag in ("万亿", "亿", "万"):
        if num.endswith(mag) and len(num) > len(mag):
            core = num[: -len(mag)]
            if core[-1].isdigit() or core[-1] in _DIGITS or core[-1] in _SMALL_UNITS or core[-1] == ".":
                return core, mag
    return num, ""


def _value_with_unit(num: str, unit: str) -> tuple[float | None, str]:
    """Value and unit for a number followed (or not) by a measure word."""
    num = num.translate(_WIDTH).replace(" ", "")
    if unit and not num[0].isdigit() and "亿" in num[:-1] and num.endswith("万") and not num.endswith("万亿"):
        whole = _parse_cn(num)  # 三亿六千万吨 -> 3.6 亿吨
        return (whole / 1e8 if whole is not None else None), "亿" + unit
    if unit:
        core, mag = _split_magnitude(num)
        value = _parse_plain(core)
        return value, mag + unit
    return _parse_plain(num), ""


_SPACED_DIGITS = re.compile(r"(?<![\d.])\d(?: \d)+(?![\d.])")


def _compact_digits(text: str) -> tuple[str, dict[int, int]]:
    """``4 9 2 5 0`` (PDF text) -> ``    49250``: same length, the spaces moved in front.

    Returns the text and, for each compacted number, where its digits now start -> where they started.
    """
    moved: dict[int, int] = {}

    def swap(m: re.Match[str]) -> str:
        digits = m.group().replace(" ", "")
        moved[m.start() + len(m.group()) - len(digits)] = m.start()
        return " " * (len(m.group()) - len(digits)) + digits

    return _SPACED_DIGITS.sub(swap, text), moved


#: Set phrases whose numerals read as a count with a measure word (千家 would be 1000 家).
_IDIOMS = re.compile(
    r"千家万户|千千万万|千百万|千头万绪|三天两头|三番五次|五花八门|一家一户|十万火急|千人一面|千方百计|一张蓝图|(?:抓好|抓住|抓)两头|\d+多?个民族|[五六]十[多余六]?个民族|百度"
    r"|[一二]元(?=化|论|结构|体制|多层次)"  # 城乡二元结构, 一元多层次战略体系: no money
)


def find_quantities(text: str) -> list[Quantity]:
    """Find the quantities written in ``text``, left to right, not overlapping.

    A bare Arabic number counts only with a measure word or a magnitude
    (``5%``, ``150家``, ``1.5万``); a Chinese numeral only with a measure word
    (``三所``), as a share (``百分之三十``, ``三分之二``) or as ``翻一番``. Years
    (``2025年``), ordinals (``第三``) and numbers inside words (统一, 一批) are
    not quantities.

    Example:
        >>> [(q.value, q.unit, q.approx) for q in find_quantities("城镇新增就业1200万人以上，增长5%左右")]
        [(1200.0, '万人', '以上'), (5.0, '%', '左右')]
    """
    norm, moved = _compact_digits(text.translate(_WIDTH))
    found: list[Quantity] = []
    taken = [False] * len(norm)
    for m in _IDIOMS.finditer(norm):  # 千家万户, 三番五次: numerals of set phrases count nothing
        taken[m.start() : m.end()] = [True] * (m.end() - m.start())

    def claim(q: Quantity) -> None:
        if q.start in moved:
            # 4 9 2 5 0 万吨 was read as 49250万吨: the span starts at the first digit as written.
            q = replace(q, start=moved[q.start], raw=text[moved[q.start] : q.end])
        if any(taken[q.start : q.end]):
            return
        for i in range(q.start, q.end):
            taken[i] = True
        found.append(q)

    for m in _SCALE.finditer(norm):
        mag = m.group("mag") or m.group("mag2")
        factor = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "万": 1e4, "千": 1e3}[mag]
        value = float(m.group("num")) * factor if m.group("num") else factor
        unit = m.group("unit") or ""
        if unit and mag in ("万亿", "亿", "万"):
            value, unit = value / factor, mag + unit  # 超万亿元 -> 1 万亿元, 达到万家 -> 1 万家
        elif not unit and mag in ("万", "千"):
            continue  # 过万, 达千: too vague without a measure word
        end, approx = _trailing_qualifier(norm, m.end())
        claim(Quantity(value, unit, text[m.start() : end], m.start(), end, approx=approx))
    for m in _POWER_OF_TEN.finditer(norm):
        # 增益≥2.5×106: a superscript flattened by the PDF (2.5×10⁶)
        value = float(m.group("mant")) * 10.0 ** int(m.group("exp"))
        unit = m.group("unit") or ""
        claim(Quantity(value, _listed_unit(unit), text[m.start() : m.end()], m.start(), m.end()))
    for m in _DOUBLE.finditer(norm):
        n = parse_number(m.group("n")) if m.group("n") else 1
        n = n or 1
        claim(Quantity(2.0**n, "倍", text[m.start() : m.end()], m.start(), m.end()))
    for m in _RATIO.finditer(norm):
        if float(m.group("num")) == 1:
            continue  # 按1:1比例配资: a matching rule, not a level
        claim(Quantity(float(m.group("num")), ":1", text[m.start() : m.end()], m.start(), m.end()))
    for m in _TWO_DIGITS.finditer(norm):
        claim(Quantity(10.0, "%", text[m.start() : m.end()], m.start(), m.end(), approx="以上"))
    for m in _PERCENT_CN.finditer(norm):
        value = parse_number(m.group())
        if value is None:
            continue
        # 百分之八至九, 百分之四至百分之五: a range, the upper bound written with or without 百分之.
        upper = None
        span_end = m.end()
        bound = rf"(?:至|到|[-－—–~～]{{1,2}})(?:{m.group('base')}分之)?([{_CN_CHARS}]+(?:点[{''.join(_DIGITS)}]+)?)"
        r = re.compile(bound).match(norm, m.end())
        if r and _parse_cn(r.group(1)) is not None:
            upper, span_end = _parse_cn(r.group(1)), r.end()
        end, approx = _trailing_qualifier(norm, span_end)
        unit = "%" if m.group("base") in "百万" else "‰"
        if m.group("base") == "千":
            value = parse_number(m.group("num"))
        claim(Quantity(float(value or 0), unit, text[m.start() : end], m.start(), end, upper=upper, approx=approx))
    for m in _FRACTION.finditer(norm):
        if m.group("den") in ("百", "千", "万"):
            continue
        value = parse_number(m.group())
        if value is None:
            continue
        end, approx = _trailing_qualifier(norm, m.end())
        claim(Quantity(value, "%", text[m.start() : end], m.start(), end, approx=approx))
    for m in _SLASH_FRACTION.finditer(norm):
        num, den = int(m.group("num")), int(m.group("den"))
        if 0 < num < den:
            end, approx = _trailing_qualifier(norm, m.end())
            claim(Quantity(round(100.0 * num / den, 4), "%", text[m.start() : end], m.start(), end, approx=approx))
    for m in _HALF.finditer(norm):
        end, approx = _trailing_qualifier(norm, m.end())
        claim(Quantity(50.0, "%", text[m.start() : end], m.start(), end, approx=approx))
    for m in _QTY.finditer(norm):
        q = _from_match(norm, text, m)
        if q is not None:
            claim(q)
    for m in _INDEX_VALUE.finditer(norm):  # 两化融合发展指数达到125左右: an index has no measure word
        end, approx = _trailing_qualifier(norm, m.end("num"))
        claim(Quantity(float(m.group("num")), "", text[m.start("num") : end], m.start("num"), end, approx=approx))
    found.sort(key=lambda q: q.start)
    # 六倍半, 一倍半以上: half a time more
    for k, q in enumerate(found):
        if q.unit == "倍" and q.upper is None and not q.approx and norm[q.end : q.end + 1] == "半":
            end, approx = _trailing_qualifier(norm, q.end + 1)
            found[k] = replace(q, value=q.value + 0.5, raw=text[q.start : end], end=end, approx=approx)
    return found


#: The value of an index or a score, written bare after its name and a verb of level.
_INDEX_VALUE = re.compile(
    r"(?:指数|系数|得分|评分|分值|指标值)(?:达到|达|为|保持在|稳定在|提高到|提升到|超过|不低于|不少于|高于)?\s*"
    r"(?P<num>\d{1,4}(?:\.\d+)?)(?![\d.%％万亿千百个家所项年月日倍分点])"
)


def _trailing_qualifier(norm: str, end: int) -> tuple[int, str]:
    m = re.compile(_QUAL_AFTER).match(norm, end)
    if m and m.group() not in ("多", "余", "强", "内"):
        return m.end(), m.group().removeprefix("及")
    return end, ""


#: Chinese numerals under ten (三元协同 is a word; 一千二百元 is money).
_SMALL_CN = frozenset("一二两三四五六七八九")


def _from_match(norm: str, text: str, m: re.Match[str]) -> Quantity | None:
    num = m.group("num")
    inner_approx = ""
    if re.search(r"[\d十百千](?:多|余)(?=[万亿])|\d(?:多|余)", num):
        # 5000多亿元: the approximation sits between the number and its magnitude.
        inner_approx = "以上"
        num = re.sub(r"(?<=[\d十百千])(?:多|余)(?=[万亿\d\s.]|$)", "", num)
    unit = _listed_unit(m.group("unit1") or "")
    is_arabic = num[0].isdigit()
    start = m.start()
    end = m.end()
    following = norm[m.end("unit1") : m.end("unit1") + 1] if unit else ""
    if following and following in _WORD_AFTER_UNIT.get(unit, "") and not norm.startswith(_UNIT_BEFORE_WORD.get(unit, ()), m.end("unit1")):
        return _bare_magnitude(norm, text, m, num, inner_approx)  # 十亿多人口: 人 belongs to 人口
    if unit.isascii() and unit.isalpha() and following.isascii() and following.isalpha():
        return None  # 100Mbit, 5MVA: not a unit we know
    if m.group("num2") and not (m.group("unit2") or unit):
        # "3至5" without a unit: not a range we can read; keep the first number only.
        end = m.start("sep")
    if start > 0 and norm[start - 1] in "几数" and not is_arabic:
        return None  # 十几亿, 数万: vague, not a value (but 占支出总数32.60%)
    if not unit and is_arabic and "." in num and norm[m.end("num") : m.end("num") + 1] == "年" and not m.group("num2"):
        # 平均受教育年限提高到11.3年: a length of years (a date is never a decimal).
        value = _parse_plain(num)
        end = m.end("num") + 1
        return None if value is None else Quantity(value, "年", text[start:end], start, end)
    if unit == "周" and norm[m.end("unit1") : m.end("unit1") + 1] == "年":
        return None  # 70周年
    if unit == "次" and num == "二" and re.match(r"[\u4e00-\u9fff]", norm[m.end("unit1") : m.end("unit1") + 1]):
        return None  # 二次供水, 二次净化, 二次开发: secondary, not twice (which is 两次)
    if unit == "人" and norm[m.end("unit1") : m.end("unit1") + 1] == "制":
        return None  # 3人制篮球场: a kind of game
    if not is_arabic and all(ch in "零〇○" for ch in num):
        return None  # 零部件, 零件: a word
    if not is_arabic:
        # A Chinese numeral needs a measure word and must not sit inside a word.
        if not unit and not m.group("unit2"):
            return _bare_magnitude(norm, text, m, num, inner_approx)  # 五百万高级专门人才
        if start > 0 and norm[start - 1] in _CN_WORD_BEFORE and norm[start - 1] not in "十百千万":
            return None
        if start > 0 and norm[start - 1] == "第":
            return None
        if num[0] in "百千万亿" and re.match(r"[\u4e00-\u9fff]{0,14}?(?:行动|工程|计划|活动|专项|运算)", norm[m.end() :]):
            return None  # 千家企业节能行动, 千亿斤粮食产能提升行动, 百亿亿次浮点运算: names
        if unit == "元" and num in _SMALL_CN and re.match(r"[\u4e00-\u9fff]", norm[m.end("unit1") : m.end("unit1") + 1]) and not re.match(
            r"[以左上下的多钱整]", norm[m.end("unit1") : m.end("unit1") + 1]
        ):
            return None  # 人机物三元协同, 城乡二元结构: a word, not three yuan
        if num in ("一",) and unit in ("个", "批", "种", "类", "次", "期", "项", "份", "套", "支", "组", "片", "块", "处", "场", "款"):
            # 一个, 一批, 一项 ...: a determiner, not a target value (but 至少建设一个 is one).
            at_end = bool(re.match(r"[，,；;。]", norm[m.end("unit1") : m.end("unit1") + 1]))
            if not at_end and not re.search(r"(?:至少|不少于|最少)[\u4e00-\u9fff]{0,3}$", norm[max(0, start - 8) : start]):
                return None  # (but 三十万千瓦的核电站一个, counts the noun before it)
        nxt = norm[m.end("unit1")] if m.group("unit1") and m.end("unit1") < len(norm) else ""
        if unit == "个" and nxt in _CN_WORD_AFTER:
            return None
    else:
        if start > 0 and (norm[start - 1].isdigit() or norm[start - 1] in ".第"):
            return None
        if re.search(r"第\s+$", norm[max(0, start - 3) : start]):
            return None  # 第 11 部分 (PDF text with spaces): an ordinal
        counted = re.search(r",\d{3}", num) or (unit and _split_magnitude(num.replace(" ", ""))[1])
        if re.search(r"(?:图|表|附件|附表|附图|案例|图表)\s*$", norm[max(0, start - 3) : start]) and not counted:
            return None  # 如图12所示, 附件4: a reference (but 手表2,360万只 counts watches)
        _, mag = _split_magnitude(num.replace(" ", ""))
        if not unit and not mag and not m.group("unit2"):
            return None
        if start > 0 and norm[start - 1].isascii() and norm[start - 1].isalpha():
            return None  # 5G, C919, PM2.5
        if unit == "" and m.group("unit2") is None and num.endswith(("千", "百")):
            return None
    if unit == "部" and norm[m.end("unit1") : m.end("unit1") + 1] == "分":
        return None  # 8 部分: parts of a document, 部分 is no measure word here
    after = norm[end : end + 1]
    if not unit and not m.group("unit2") and after and after in "年月日号届次":
        return None
    if unit in ("个", "项") and after in ("月",):
        return None
    # A year is not a quantity: 2025年 is caught above because 年 is no measure
    # word; 十四五 and the like have no measure word either.
    unit2 = _listed_unit(m.group("unit2") or "")
    upper = None
    if m.group("num2") and end > m.start("sep"):
        if unit and unit2 and unit != unit2 and MEASURE_WORDS.get(unit) != MEASURE_WORDS.get(unit2):
            end = m.start("sep")
        else:
            u = unit or unit2
            upper, _ = _value_with_unit(m.group("num2"), u)
            if not unit:
                unit = unit2
    value, full_unit = _value_with_unit(num, unit)
    if value is None:
        return None
    lower = re.search(r"(?<![、第])([一二两三四五六七八九])、$", norm[max(0, start - 3) : start]) if not is_arabic and upper is None else None
    if lower and len(num) == 1 and (low := _value_with_unit(lower.group(1), unit)[0]) is not None and low < value:
        # 增加两、三倍, 两、三年内: two neighbouring numerals, a range (the lower first)
        upper, value, start = value, low, lower.start(1) + max(0, start - 3)
    if m.group("num2") and upper is not None and end > m.start("sep"):
        # 6.5%－7%: both bounds share the magnitude written on the second, if any.
        _, mag2 = _split_magnitude(m.group("num2").replace(" ", ""))
        _, mag1 = _split_magnitude(num.replace(" ", ""))
        if mag2 and not mag1 and unit:
            full_unit = mag2 + unit
    approx = (m.group("after") or "").removeprefix("及")
    if approx in ("内",) and not unit:
        approx = ""
    if approx and end < m.end("after"):
        end = m.end("after")
    raw = text[start:end]
    if approx and not raw.endswith(approx):
        approx = ""
    if approx in ("多", "余", "强"):
        approx = "以上"
    if not approx and (m.group("approx1") or m.group("approx2") or inner_approx):
        approx = "以上"
    return Quantity(float(value), full_unit, raw, start, end, upper=upper, approx=approx)


def _bare_magnitude(norm: str, text: str, m: re.Match[str], num: str, inner_approx: str) -> Quantity | None:
    """A number with a magnitude and no measure word: 14亿人口, 近五百万高级专门人才 (value multiplied out)."""
    start = m.start()
    core, mag = _split_magnitude(num.replace(" ", ""))
    if not mag:
        return None
    if not num[0].isdigit():
        # Chinese: a digit must lead the magnitude (千万不要, 百万级, 十万火急 are words).
        if not (any(ch in _DIGITS for ch in core) or core == "十") or (start > 0 and norm[start - 1] in _CN_WORD_BEFORE):
            return None
        if start > 0 and norm[start - 1] in "几数":
            return None
    end = m.end("num")
    approx = ""
    if m.group("approx1") and m.end("approx1") <= (m.end("unit1") if m.group("unit1") else m.end()):
        end = m.end("approx1")
        approx = "以上"
    if inner_approx:
        approx = "以上"
    after = norm[end : end + 1]
    if after and after in "年月日号届次级":
        return None  # 百万级, 一九九〇年
    value = _parse_plain(num)
    if value is None:
        return None
    return Quantity(float(value), "", text[start:end], start, end, approx=approx)


_MAG_FACTOR = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}


def to_base(value: float, unit: str) -> tuple[float, str]:
    """Multiply out a magnitude kept in the unit: (1200, ``万人``) → (12000000, ``人``), (20, ``万``) → (200000, ``""``)."""
    for mag in ("万亿", "亿", "万"):
        if unit.startswith(mag):
            return value * _MAG_FACTOR[mag], unit[len(mag) :]
    return value, unit


def unit_kind(unit: str) -> str:
    """The kind of a unit (``percent``, ``money``, ``people``, ``count`` ...), or ``""``."""
    _, base = to_base(1.0, unit)
    return MEASURE_WORDS.get(base, "")
