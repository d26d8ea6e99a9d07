"""The clause tree: 编/章/节/条/款/项/目 of laws, 一、（一）1.（1）① of notices, Article 1 / 1.1 / (a).

:func:`parse` reads a document line by line (ingest leaves one paragraph or
heading per line), recognises the numbered headings and list markers that start
a line, and nests them with a stack. It returns the tree as a flat list of
:class:`~policytext.model.Clause` in document order, each with its exact span in
``Document.text`` (``document.text[c.start:c.end] == c.text``).

Levels. A marker style always gives the same level, so that downstream stages
can pick the unit they need (``compare`` aligns ``article`` and ``item``;
``diff`` matches ``article``; ``obligations`` cites the deepest clause):

======================================  =========  =======
marker                                  level      id part
======================================  =========  =======
第X编, 第X分编, 第X部分, Part I              part       ``pt``
第X章, Chapter 1                          chapter    ``ch``
第X节, Section 1                          section    ``sec``
第X条 (第X条之一), Article 1                article    ``art``
款: a 条's first line, and each later     paragraph  ``p``
line that is not a list item
一、 (heading of a notice or plan), I.    section    ``sec``
（一）, (a)                                item       ``i``
1., （1）, ①, (i), (A)                     subitem    ``s``
English 1. / 1.1 / 1.1.1                article at the top, else paragraph
English (1)                             paragraph in an article, else item
总则 / 附 则 alone on a line             part in a law with 编, else chapter;
                                        ``general`` / ``supplementary``
a short title alone between articles    level of the last 编/章/节; ``heading``
一、总则 over a run of 第X条               chapter    ``ch``
附件 (附件2, 附表) heading an annex with   part       ``annex`` / ``annex2``
its own 一、 or 第X条
text before the first numbered clause   preamble   ``preamble``
signature, date, 附件, 抄送, 印发 ...     closing    ``closing``
======================================  =========  =======

Headings without a number have ``number=None`` and an empty label; their title
is the word. The heading words are listed in ``models/structure/headings.yaml``.

Inside a 条 (or any article) list markers become ``item`` at the first depth
and ``subitem`` below, whatever their shape: a 条 lists its 项 as （一）, but
some use 1. or 一、. The order of Chinese markers is the national standard for
official documents (GB/T 9704-2012, 7.3.3: 一、（一）1.（1）), so a marker's
depth does not depend on which one a document happens to use first.

Ids. A clause id is the chain of level prefix and number from the top:
``ch2.art12.p1.i3`` (第二章 第十二条 第一款 第（三）项), ``sec2.i1`` (二、（一）).
第十七条之一 is ``art17-1``. A repeated number (a typo, or a document that
restarts its numbering) gets ``~2``, ``~3`` in document order, so ids are
unique and the same on every run.

Numbering that breaks its sequence (gaps, repeats), 笫 written for 第 and
spaces inside a label are tolerated and reported as warnings.

Context. Some lines cannot be read alone, so the markers are settled against
the numbering around them before the tree is built (one pass forward, linear):
a 第X条 with no space after it (第一条为了…, usual in real documents and in text
from PDFs and web pages) is an article when its number continues the sequence,
and a reference otherwise (第十二条的规定, 第三十二条第二款修改为, 第五条至第八条, or a
reference a hard line break put at the start of a line); in a notice (一、（一）)
a 第X条 line is a quotation unless the document switches to articles (第一条,
第二条 …); a heading with the next label run into it (第一章总则第一条为了…) is
split in two.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ._hanzi import as_written, simplified
from .model import Clause, Document

__all__ = ["CLAUSE_LEVELS", "parse", "parse_warnings", "clause_at", "clause_locator", "clause_citations", "zh_number"]

#: The levels a clause can have, from the top of the tree down.
CLAUSE_LEVELS: tuple[str, ...] = (
    "preamble",
    "part",
    "chapter",
    "section",
    "article",
    "paragraph",
    "item",
    "subitem",
    "closing",
)

_PREFIX = {
    "part": "pt",
    "chapter": "ch",
    "section": "sec",
    "article": "art",
    "paragraph": "p",
    "item": "i",
    "subitem": "s",
}

# --------------------------------------------------------------------------- numbers

_ZH_DIGIT = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "三": 3, "叁": 3,
    "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8,
    "九": 9, "玖": 9,
}  # fmt: skip
_ZH_UNIT = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10000}


def zh_number(text: str) -> int | None:
    """Convert a number written in Chinese numerals (or digits) to an int.

    Handles the unit form (一百二十八, 十二, 两千零一) and the digit-by-digit form
    (二〇二六), with 〇/零 and 两; Arabic and full-width digits pass through.

    Args:
        text: the numeral, without 第 or a unit word.

    Returns:
        The value, or None when ``text`` is not a number.

    Example:
        >>> zh_number("一百二十八"), zh_number("十"), zh_number("二〇二六"), zh_number("１２")
        (128, 10, 2026, 12)
    """
    text = text.strip().replace("廿", "二十").replace("卅", "三十")
    if not text:
        return None
    if text.isdecimal():
        return int(text)
    if not any(ch in _ZH_UNIT for ch in text):
        value = 0
        for ch in text:
            digit = _ZH_DIGIT.get(ch)
            if digit is None:
                return None
            value = value * 10 + digit
        return value
    total = section = digit = 0
    for ch in text:
        if ch in _ZH_DIGIT:
            digit = _ZH_DIGIT[ch]
        elif ch in _ZH_UNIT:
            unit = _ZH_UNIT[ch]
            if unit == 10000:
                total += (section + digit) * unit
                section = 0
            else:
                section += (digit or 1) * unit
            digit = 0
        else:
            return None
    return total + section + digit


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(text: str) -> int | None:
    text = text.upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        if i + 1 < len(text) and _ROMAN[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


_EN_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}


def _en_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text.lower() in _EN_WORDS:
        return _EN_WORDS[text.lower()]
    return _roman(text)


def _circled(ch: str) -> tuple[str, int] | None:
    """Map ①, ⑴ and ⒈ style characters to (kind, number)."""
    cp = ord(ch)
    if 0x2460 <= cp <= 0x2473:
        return "circled", cp - 0x2460 + 1
    if 0x3251 <= cp <= 0x325F:
        return "circled", cp - 0x3251 + 21
    if 0x32B1 <= cp <= 0x32BF:
        return "circled", cp - 0x32B1 + 36
    if 0x2474 <= cp <= 0x2487:
        return "paren", cp - 0x2474 + 1
    if 0x2488 <= cp <= 0x249B:
        return "dot", cp - 0x2488 + 1
    return None


# --------------------------------------------------------------------------- marker styles


@dataclass(frozen=True)
class _Style:
    key: str
    rank: int  # smaller is higher in the tree
    level: str  # level outside an article
    enum: bool = False  # a list marker (its level depends on an enclosing article)


_STYLES = {
    s.key: s
    for s in (
        _Style("zh_part", 10, "part"),
        _Style("zh_subpart", 12, "part"),
        _Style("zh_chapter", 20, "chapter"),
        _Style("zh_section", 30, "section"),
        _Style("zh_article", 40, "article"),
        _Style("paragraph", 45, "paragraph"),
        _Style("zh_heading", 50, "section", True),
        _Style("zh_item", 60, "item", True),
        _Style("zh_dec", 70, "subitem", True),
        _Style("zh_paren_num", 80, "subitem", True),
        _Style("zh_circled", 90, "subitem", True),
        _Style("en_part", 10, "part"),
        _Style("en_chapter", 20, "chapter"),
        _Style("en_section", 30, "section"),
        _Style("en_roman", 35, "section"),
        _Style("en_article", 40, "article"),
        _Style("en_dec", 46, "article", True),
        _Style("en_paren_num", 55, "item", True),
        _Style("en_alpha", 60, "item", True),
        _Style("en_roman_lower", 70, "subitem", True),
        _Style("en_upper", 75, "subitem", True),
    )
}


@functools.cache
def _decimal_style(style: _Style, depth: int) -> _Style:
    """1.1 nests under 1., 1.1.1 under 1.1: one rank deeper per number."""
    return _Style(f"{style.key}{depth}", style.rank + depth - 1, style.level, True)


# "Section" sits below "Article" in documents that use it inside articles
# (American bylaws: ARTICLE I ... Section 1.); decided per document.
_EN_SECTION_IN_ARTICLE = _Style("en_section", 42, "section")

_ZH_NUM = r"[〇零○一二三四五六七八九十百千两廿卅0-9０-９]+"
_ZH_LEGAL = re.compile(
    rf"(?P<di>[第笫])(?P<sp1>[ \t]*)(?P<num>{_ZH_NUM})(?P<sp2>[ \t]*)(?P<unit>分编|编|部分|章|节|条)"
    rf"(?:之(?P<suf>[一二三四五六七八九十]+))?"
)
_ZH_UNIT_STYLE = {
    "编": "zh_part",
    "分编": "zh_subpart",
    "部分": "zh_part",
    "章": "zh_chapter",
    "节": "zh_section",
    "条": "zh_article",
}
# What may follow 第X条 at a line start. After 的, 。 or a closing bracket, another
# label (第三十二条第二款, 第五条至第八条) and the phrases below, the line is a reference
# (第十二条的规定, 第三条修改为), never an article: _REFERENCE.
_REFERENCE = re.compile(
    r"[的。）)”》」』]"
    r"|[第笫][ \t]*(?:[〇零一二三四五六七八九十百千两0-9０-９]+[ \t]*[款项目条章节编]|[（(])"
    r"|[，、,；和或及与至到][ \t]*(?:[第笫]|$)"
    r"|规定[的，,：:。]|另有规定|(?:修改|修正|改)为|修改如下|(?:删去|删除)(?:[。；;，,第“\"]|$)"
    r"|中的|中[“\"‘「『]|所规定|之规定|以外|外[，,、；;。的]|[前后]增加"
)
# Characters that begin an article's text as often as they continue a reference
# (第二条中华人民共和国… / 第二条中“…”; 第二十三条以下情形… / 第八条以…的规定): a label
# followed by one of them, with no space, is an article only where its number
# continues the sequence (see _Sequence).
_AMBIGUOUS_NEXT = set('规第之至和或及中所款项前后修删改增，、；：:等以起与“"‘「')
_ZH_HEADING = re.compile(r"(?P<num>[〇零一二三四五六七八九十百两]{1,4})(?P<sep>、|[.．](?!\d))")
_ZH_ITEM = re.compile(r"[（(](?P<num>[〇零一二三四五六七八九十百两]{1,5})[）)]")
_PAREN_NUM = re.compile(r"(?:[（(](?P<num>\d{1,3})[）)]|(?P<num2>\d{1,3})[）)])")
_DEC = re.compile(r"(?P<num>\d{1,3}(?:[.．]\d{1,3}){0,3})(?P<sep>[.．、](?!\d))?")
# Section 1.01 / Section 2.3 (American bylaws, contracts): the number is the last part.
_EN_HEAD = re.compile(
    r"(?P<kw>PART|Part|CHAPTER|Chapter|SECTION|Section|ARTICLE|Article|Art\.|§)[ \t]*(?<=[ \t§])"
    r"(?P<num>\d{1,3}(?:\.\d{1,3}){0,2}(?![\d.]\d)|[IVXLC]{1,7}|[A-Za-z]{3,9})\b(?P<sep>\.(?!\d)|:|：)?"
)
_EN_KW_STYLE = {
    "part": "en_part",
    "chapter": "en_chapter",
    "section": "en_section",
    "§": "en_section",
    "article": "en_article",
    "art.": "en_article",
}
_EN_ROMAN_HEAD = re.compile(r"(?P<num>[IVXLC]{1,6})\.[ \t]+(?=[A-Z\u4e00-\u9fff])")
_EN_PAREN = re.compile(r"\((?P<tok>[a-z]{1,5}|[A-Z]|\d{1,3})\)|(?P<tok2>[a-z])\)(?=[ \t])")

_SENTENCE_END = re.compile(r"[。；;！？!?]")


@dataclass
class _Marker:
    style: _Style
    number: int | None  # None only for headings without a number (附则, 附件)
    label: str
    rest: int  # offset in the line where the text after the label starts
    suffix: int = 0  # 之一 -> 1
    path: tuple[int, ...] = ()  # decimal numbers: 1.2.3 -> (1, 2, 3)
    title: str = ""
    problems: list[str] = field(default_factory=list)
    glued: bool = False  # 第X条 with no space after it: checked against the numbering
    weak: bool = False  # ... and glued to an ambiguous character (第二条中…): checked harder
    tail: int = 0  # offset of a 第X章/节/条 run into a heading line (第一章总则第一条…)
    tail_marker: _Marker | None = None
    alone: bool = True  # the whole line is a valid heading when the tail is not split off
    alt: _Marker | None = None  # 1.80周岁: read as "1." when 1.80 does not fit
    id_part: str = ""  # the id segment of a node without a number (附则, 附件)


def _first_word_lower(text: str) -> bool:
    text = text.lstrip()
    return bool(text) and text[0].islower()


def _zh_legal(line: str) -> _Marker | None:
    m = _ZH_LEGAL.match(line)
    if not m:
        return None
    number = zh_number(m["num"])
    if number is None:
        return None
    unit = m["unit"]
    style = _STYLES[_ZH_UNIT_STYLE[unit]]
    rest = line[m.end() :]
    problems = []
    if m["di"] == "笫":
        problems.append("笫 written for 第")
    if m["sp1"] or m["sp2"]:
        problems.append("space inside the label")
    glued = bool(rest) and not rest[0].isspace()
    if glued and _REFERENCE.match(rest):
        return None
    if unit == "条":
        title = ""
        stripped = rest.lstrip()
        bracket = re.match(r"[【〔\[]([^】〕\]]{1,20})[】〕\]]", stripped)
        if bracket:
            title = bracket.group(1).strip()
        return _Marker(
            style,
            number,
            m.group(),
            m.end(),
            suffix=zh_number(m["suf"]) or 0 if m["suf"] else 0,
            title=title,
            problems=problems,
            glued=glued and not bracket,
            weak=glued and not bracket and rest[0] in _AMBIGUOUS_NEXT,
        )
    # 编/章/节/部分: a heading line, short and without a sentence in it ...
    body = rest.strip()
    alone = _is_heading_body(body)
    marker = _Marker(style, number, m.group(), m.end(), title=_squeeze(body), problems=problems, alone=alone)
    # ... or a heading with the next label run into it (第一章总则第一条为了…, from a PDF)
    inner = _INNER_LABEL.search(rest, 0, 48)
    # the title before it may end in 。 (第五节 生活、卫生。) but holds no sentence
    title_end = inner.start() - (rest[inner.start() - 1 : inner.start()] == "。") if inner else 0
    if inner and _UNIT_RANK[inner["unit"]] > style.rank and not _INNER_TITLE_STOP.search(rest, 0, title_end):
        tail = _zh_legal(rest[inner.start() :])
        if tail is not None:
            marker.tail = m.end() + inner.start()
            marker.tail_marker = tail
            return marker
    return marker if alone else None


def _is_heading_body(body: str) -> bool:
    """第一章 总则: the text after a 编/章/节 label is a short title, not a sentence."""
    if len(body) > 60 or _SENTENCE_END.search(body[:-1]) or body.endswith(("，", "：", ":", "；")):
        return False
    # 第五节 生活、卫生。 is a title; a sentence ending in 。 is not
    return not (body.endswith("。") and (len(body) > 20 or "，" in body))


_INNER_LABEL = re.compile(rf"[第笫][ \t]*{_ZH_NUM}[ \t]*(?P<unit>分编|编|部分|章|节|条)")
_INNER_TITLE_STOP = re.compile(r"[。；;！？!?，,：:“\"]")
_UNIT_RANK = {unit: _STYLES[key].rank for unit, key in _ZH_UNIT_STYLE.items()}


def _squeeze(title: str) -> str:
    """``附 则`` -> ``附则``: drop the spaces typesetters put between CJK characters."""
    return re.sub(r"(?<=[\u3400-\u9fff])[ \t\u3000]+(?=[\u3400-\u9fff])", "", title.strip())


def _heading_title(rest: str) -> str:
    """The title of a numbered heading: the whole line, or a run-in title ending in 。."""
    body = rest.strip()
    if not body:
        return ""
    if _is_latin(body):
        return _en_title(body)
    # the whole line, unless it reads as a sentence (long, or a clause of a list ending in ；)
    sentence = body.endswith("。") and len(body) > (24 if "，" in body else 30)
    if (
        len(body) <= 60
        and not sentence
        and not _SENTENCE_END.search(body[:-1])
        and not body.endswith(("，", "：", ":", ",", "；", ";", "、"))
    ):
        return _squeeze(body.rstrip("。."))
    # a run-in title: 动态调整专业设置。聚焦… or 大力提振消费、提高投资效益，全方位扩大国内需求。坚持…
    m = re.match(r"([^。，；：:;,.]{1,40}|[^。；：:;.]{1,32})[。.](?!\d)", body)
    if m:
        return _squeeze(m.group(1))
    return ""


_EN_MINOR = {
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "per", "the", "to",
    "under", "upon", "with",
}  # fmt: skip


def _is_latin(text: str) -> bool:
    head = text[:40]
    return sum(ch.isascii() for ch in head) > len(head) * 0.8


def _title_case(words: Sequence[str]) -> bool:
    return all(w[:1].isupper() or w.lower() in _EN_MINOR or not w[:1].isalpha() for w in words)


def _en_title(body: str) -> str:
    """English titles: a short Title Case line, or a run-in ``Definitions.`` before the text."""
    words = body.rstrip(".").split()
    if len(body) <= 60 and not re.search(r"[.;:!?]\s", body) and _title_case(words):
        return body.rstrip(".")
    m = re.match(r"([^.;:!?]{1,40})\.\s", body)
    if m and len(m.group(1).split()) <= 5 and _title_case(m.group(1).split()):
        return m.group(1).strip()
    return ""


def _classify(line: str, lang: str) -> _Marker | None:
    """Recognise the marker that starts ``line`` (already stripped on the left)."""
    if not line:
        return None
    ch = line[0]
    if ch in "第笫":
        return _zh_legal(line)
    if ch in "（(":
        m = _ZH_ITEM.match(line)
        if m:
            number = zh_number(m["num"])
            if number is not None:
                return _Marker(_STYLES["zh_item"], number, m.group(), m.end())
        if lang == "en":
            return _en_paren(line)
        m = _PAREN_NUM.match(line)
        if m:
            return _Marker(_STYLES["zh_paren_num"], int(m["num"] or m["num2"]), m.group(), m.end())
        return None
    if "0" <= ch <= "9" or "０" <= ch <= "９":
        m = _PAREN_NUM.match(line)
        if m and m["num2"]:
            style = "en_paren_num" if lang == "en" else "zh_paren_num"
            return _Marker(_STYLES[style], int(m["num2"]), m.group(), m.end())
        return _decimal(line, lang)
    if ch in _ZH_DIGIT or ch in "十百":
        m = _ZH_HEADING.match(line)
        if m:
            rest = line[m.end() :]
            number = zh_number(m["num"])
            # 一、二类 ... is a list of numbers in prose, not a heading.
            if number is None or (rest[:1] and (rest[0] in _ZH_DIGIT or rest[0] in "十百")):
                return None
            return _Marker(_STYLES["zh_heading"], number, m.group(), m.end())
        return None
    hit = _circled(ch)
    if hit:
        kind, number = hit
        style = {"circled": "zh_circled", "paren": "zh_paren_num", "dot": "zh_dec"}[kind]
        if lang == "en" and kind != "circled":
            style = {"paren": "en_paren_num", "dot": "en_dec"}[kind]
        return _Marker(_STYLES[style], number, ch, 1, path=(number,))
    if ch.isupper() or ch == "§":
        return _en_heading(line)
    if ch.islower() and lang == "en":
        return _en_paren(line)
    return None


def _en_heading(line: str) -> _Marker | None:
    m = _EN_HEAD.match(line)
    if m:
        parts = m["num"].split(".")
        if len(parts) > 1 and m["kw"].lower() not in ("section", "§"):
            return None  # "Article 1.1": decimals number sections only
        number = _en_number(parts[-1])
        if number is None:
            return None
        rest = line[m.end() :]
        if not m["sep"] and (_first_word_lower(rest) or rest[:1] not in ("", " ", "\t", "—", "–", "-")):
            return None  # "Article 5 of the Statute ..." is a reference
        style = _STYLES[_EN_KW_STYLE[m["kw"].lower()]]
        body = rest.strip().lstrip("—–-:：.").strip()
        return _Marker(
            style,
            number,
            m.group().rstrip(".:：") if m["sep"] else m.group(),
            m.end(),
            title=_heading_title(body) if style.key != "en_article" or len(body) <= 80 else "",
        )
    m = _EN_ROMAN_HEAD.match(line)
    if m:
        number = _roman(m["num"])
        if number is not None:
            return _Marker(_STYLES["en_roman"], number, m.group().rstrip(), m.end())
    return None


def _en_paren(line: str) -> _Marker | None:
    m = _EN_PAREN.match(line)
    if not m:
        return None
    tok = m["tok"] or m["tok2"]
    if tok.isdigit():
        return _Marker(_STYLES["en_paren_num"], int(tok), m.group(), m.end())
    if tok.isupper():
        return _Marker(_STYLES["en_upper"], ord(tok) - 64, m.group(), m.end())
    if len(tok) == 1 and tok not in "ivx":
        return _Marker(_STYLES["en_alpha"], ord(tok) - 96, m.group(), m.end())
    number = _roman(tok)
    if number is None:
        return None
    # (i), (v), (x) may be letters; the parser decides from the list they continue.
    marker = _Marker(_STYLES["en_roman_lower"], number, m.group(), m.end())
    if len(tok) == 1:
        marker.path = (ord(tok) - 96,)  # its number read as a letter
    return marker


def _decimal(line: str, lang: str) -> _Marker | None:
    m = _DEC.match(line)
    if not m:
        return None
    parts = tuple(int(p) for p in re.split(r"[.．]", m["num"]))
    rest = line[m.end() :]
    nxt = rest[:1]
    if len(parts) == 1:
        if not m["sep"]:
            return None
        if lang == "en" and (m["sep"] != "." or nxt not in (" ", "\t")):
            return None
        if nxt in ("%", "‰"):
            return None
    else:
        # 1.1 / 1.1.2 must be followed by a space, a separator or a CJK character
        # (2.8%、1.5倍 are numbers); the parser then checks the number fits its context.
        if not (
            nxt in ("", " ", "\t") or m["sep"] or ("\u4e00" <= nxt <= "\u9fff" and nxt not in "万亿倍元个")
        ):
            return None
    style = _STYLES["en_dec" if lang == "en" else "zh_dec"]
    marker = _Marker(style, parts[-1], m.group(), m.end(), path=parts)
    if len(parts) == 2 and lang == "zh" and "\u4e00" <= nxt <= "\u9fff":
        # 1.80周岁及以上的: a list item "1." whose text starts with a number
        cut = len(re.split(r"[.．]", m["num"], maxsplit=1)[0]) + 1
        marker.alt = _Marker(style, parts[0], line[:cut], cut, path=parts[:1])
    return marker


# --------------------------------------------------------------------------- preamble, closing, contents

_TOC = re.compile(r"^(?:目\s*录|目\s*次|(?:table\s+of\s+)?contents)\s*$", re.I)
_DATE = re.compile(
    r"^[（(]?\s*(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*(?:印发|发布|公布)?\s*[）)]?$"
    r"|^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},\s*\d{4}|\d{4}-\d{2}-\d{2})\.?$"
)
_DATE_IN = re.compile(r"(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月")
_ISSUER_PUNCT = re.compile(r"[。，；：！？,;:!?、]")


@functools.lru_cache(maxsize=1)
def _closing_cues() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Line-start and line-end cues of the closing block, from ``models/structure/closing.yaml``."""
    import yaml

    from ._resources import model_path

    with open(model_path("structure/closing.yaml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    starts = [re.escape(str(w)) for w in data.get("line_starts", [])]
    ends = [re.escape(str(w)) for w in data.get("line_ends", [])]
    start_re = re.compile("^(?:" + "|".join(starts or ["(?!)"]) + ")", re.I)
    end_re = re.compile("(?:" + "|".join(ends or ["(?!)"]) + r")\s*$")
    return start_re, end_re


@dataclass
class _Line:
    start: int  # offset of the first non-blank character
    end: int  # offset of the line end (before "\n")
    text: str  # the line from ``start``
    number: int  # 1-based line number in the document
    marker: _Marker | None = None


_LEAD = re.compile(r"[ \t\u3000\xa0\u2000-\u200a]*(?:#{1,6}[ \t]+)?")


def _lines(text: str, lang: str) -> list[_Line]:
    out: list[_Line] = []
    pos = 0
    n = len(text)
    lineno = 0
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        lineno += 1
        lead = _LEAD.match(text, pos, nl)
        start = lead.end() if lead else pos
        content = text[start:nl].rstrip()
        # 优化技术。 （二）深化推广应用，开拓转型升级新路径。: a heading run on after a sentence (a box
        # of a PDF ended there); it starts a line of its own
        cuts = [m.end() for m in _RUN_ON_HEADING.finditer(content)] if lang != "en" else []
        for a, b in zip([0, *cuts], [*cuts, len(content)]):
            part = content[a:b].rstrip()
            if part:
                out.append(_Line(start + a, start + a + len(part), part, lineno, _classify(part, lang)))
        pos = nl + 1
    return out


_RUN_ON_HEADING = re.compile(
    r"(?<=[。；！？])[ \t\u3000]+(?=(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)[^。；\n]{2,30}[。，：])"
)


def _is_closing_line(line: _Line, below: str | None) -> str | None:
    """Classify a line of the closing block: date, cue, issuer, or None."""
    text = line.text
    compact = re.sub(r"[ \t\u3000]+", "", text)
    if _DATE.match(compact) or _DATE.match(text):
        return "date"
    m = re.match(r"^(.{1,40}?)[ \t\u3000]+(\S.*)$", text)
    if m and not _ISSUER_PUNCT.search(m.group(1)) and _DATE.match(re.sub(r"[ \t\u3000]+", "", m.group(2))):
        return "date"  # 教育部 2026年2月4日
    start_re, end_re = _closing_cues()
    if (start_re.match(compact) or start_re.match(text)) and not (
        _ANNEX.match(text) and not _is_heading_like(text)
    ):
        return "cue"  # 附件所列标准由…规定。 is a sentence of the body, not an annex heading
    if line.marker is None and len(text) <= 40 and end_re.search(text) and _DATE_IN.search(text):
        return "cue"
    if (
        below in ("date", "issuer")
        and line.marker is None
        and len(text) <= 40
        and not _ISSUER_PUNCT.search(text)
    ):
        return "issuer"
    return None


def _closing_start(lines: Sequence[_Line]) -> int:
    """Index of the first line of the closing block, or ``len(lines)`` when there is none."""
    start = len(lines)
    below: str | None = None
    pending: list[int] = []  # list-like lines that belong to the closing only under a 附件 line
    found = False
    for i in range(len(lines) - 1, max(-1, len(lines) - 60), -1):
        line = lines[i]
        kind = _is_closing_line(line, below)
        if kind is None:
            heading = line.marker is not None and line.marker.style.rank <= _STYLES["zh_heading"].rank
            if not heading and len(line.text) <= 80 and not _SENTENCE_END.search(line.text[:-1]):
                pending.append(i)
                continue
            break
        if kind == "cue":
            pending.clear()  # lines under a cue (附件 list, 抄送 list) are part of it
        elif pending:
            break
        found = found or kind in ("date", "cue")
        start = i
        below = kind
    if not found:
        return len(lines)
    return start


_LEADER = re.compile(r"\s*(?:[.…·．_]\s*){4,}\s*\d*\s*$")  # 一、总体思路........3


_ANNEX = re.compile(
    r"^(?:附\s*件|附\s*表|附[:：]|annex|appendix|attachment|schedule(?=[ \t]*(?:\d|[A-Z]\b|[IVX]+\b|$)))",
    re.I,
)


def _annex_start(lines: Sequence[_Line], first: int, closing: int) -> int:
    """Move the closing up to a 附件 line when what follows it has no headings of its own.

    An annex that is a table or a list (its lines at most numbered 1. or
    （1）) is not part of the last clause; an annex with its own 第X条 or 一、
    headings is a document in its own right and is parsed.
    """
    lowest = 1 << 30  # the highest rank (smallest number) of any marker after line i
    for i in range(closing - 1, first, -1):
        line = lines[i]
        if line.marker is not None:
            lowest = min(lowest, line.marker.style.rank)
        elif _ANNEX.match(line.text) and lowest > _STYLES["zh_heading"].rank and _is_heading_like(line.text):
            closing = i
    return closing


def _is_heading_like(text: str) -> bool:
    """附件2 / 附件：指标表 — a short line, not a sentence (附件所列标准由…规定。, Schedule 1 lists the fees.)."""
    return (
        len(text) <= 60
        and not _SENTENCE_END.search(text)
        and "，" not in text
        and not _EN_SENTENCE.search(text)
    )


# An English sentence: a lower-case word, then a period, a comma or a colon.
_EN_SENTENCE = re.compile(r"[a-z]{2,}(?:[.,:](?:\s|$))")


def _contents_end(lines: Sequence[_Line], first: int) -> int:
    """When a table of contents precedes the body, return the index where the body really starts.

    A contents list follows a 目录 line, or its entries end in dot leaders and
    page numbers. It repeats the headings; the body starts where the first
    listed heading comes round again (a lead paragraph in between stays in
    the preamble).
    """
    if first >= len(lines) or lines[first].marker is None:
        return first
    if not (_LEADER.search(lines[first].text) or any(_TOC.match(lines[i].text) for i in range(first))):
        return first
    key = (lines[first].marker.style.key, lines[first].marker.number)
    for j in range(first + 1, len(lines)):
        mk = lines[j].marker
        if mk and (mk.style.key, mk.number) == key and not _LEADER.search(lines[j].text):
            return j
    return first


# --------------------------------------------------------------------------- markers in context

_HEADING_KEYS = ("zh_part", "zh_subpart", "zh_chapter", "zh_section")
# 附件 with headings of its own after the body: a document in its own right, above everything.
_ANNEX_STYLE = _Style("annex", 5, "part")
_ANNEX_LABEL = re.compile(
    r"(?:附\s*件|附\s*表|附\s*录|附(?=[:：])|annex|appendix|attachment|schedule)[ \t\u3000]*"
    r"(?P<num>[0-9０-９]{1,3}|[一二三四五六七八九十]{1,3}|(?-i:[IVX]{1,5})(?![A-Za-z])|[A-Z](?![a-z]))?"
    r"(?=$|[ \t\u3000：:、.．—-])",  # 附件三所列…的决定 is a title, not the label 附件三
    re.I,
)
_UNNUMBERED = {
    "zh_part": _Style("zh_unnumbered_part", 10, "part"),
    "zh_chapter": _Style("zh_unnumbered_chapter", 20, "chapter"),
    "zh_section": _Style("zh_unnumbered_section", 30, "section"),
}
# 一、总则 over a run of 第X条: a chapter numbered like a notice heading.
_HEADING_CHAPTER = _Style("zh_heading_chapter", 20, "chapter")
_TITLE_WORD = re.compile(r"[\u3400-\u9fff、·]{1,15}")
_FINISHED = re.compile(r"[。！？!?][”’」』）)\"']*$")


@functools.lru_cache(maxsize=1)
def _heading_words() -> dict[str, str]:
    """总则 / 附 则 on a line of their own, from ``models/structure/headings.yaml``: word -> id segment."""
    import yaml

    from ._resources import model_path

    with open(model_path("structure/headings.yaml"), encoding="utf-8") as fh:
        data = yaml.safe_load(fh) or {}
    return {_squeeze(str(word)): str(slug) for word, slug in (data.get("words") or {}).items()}


def _next_articles(lines: Sequence[_Line]) -> list[tuple[int, int] | None]:
    """For each line, (number, suffix) of the next 第X条 candidate after it (lookahead in one backward pass)."""
    out: list[tuple[int, int] | None] = [None] * len(lines)
    following: tuple[int, int] | None = None
    for i in range(len(lines) - 1, -1, -1):
        out[i] = following
        marker = lines[i].marker
        while marker is not None and marker.style.key != "zh_article":
            marker = marker.tail_marker
        if marker is not None:
            following = (marker.number, marker.suffix)
    return out


class _Sequence:
    """The numbering seen so far, to decide the 第X条 lines one line cannot decide alone.

    The document's scheme is read as it goes: ``notice`` once a 一、 heading
    opens the body, ``articles`` once a 第X条 is taken. In a notice a line
    starting 第X条 is a quotation or a reference unless it starts a run of
    articles (第一条 followed by 第二条, or right after a 第X章).

    A label with a space after it is an article. A label glued to its text
    (第一条为了…, common in real documents and in text from PDFs and web pages)
    is one when its number fits: it continues the sequence (the last article
    + 1, or 第一条 at the start or after a heading), starts a run (the next
    label is its number + 1), or, for a label glued to an ordinary character,
    the first article seen or a gap of one after the last. A glued label right
    after a line that breaks off mid-sentence is a reference a hard line break
    put at the start of a line (…依照本法 / 第三十条规定…), and a label glued to an
    ambiguous character (第二条中华人民共和国… / 第二条中“…”) needs the sequence
    or a run.
    """

    def __init__(self) -> None:
        self.mode = "none"
        self.prev: tuple[int, int] | None = None  # (number, suffix) of the last article taken
        self.after_heading = False  # a 编/章/节 heading since that article
        self.started = False  # some numbered clause was taken
        self.headings: dict[str, int] = {}

    def restart(self) -> None:
        self.mode, self.prev, self.after_heading, self.headings = "none", None, False, {}

    def fits(self, marker: _Marker, following: tuple[int, int] | None, *, wrapped: bool = False) -> bool:
        n, s = marker.number, marker.suffix
        prev = self.prev
        first = n == 1 and s == 0
        run = following is not None and following in ((n + 1, 0), (n, s + 1))
        if self.mode == "notice":
            return first and (self.after_heading or run)
        if not marker.glued:
            return True
        if first and (prev is None or self.after_heading):
            return True
        if wrapped:
            return False
        if prev is not None and ((s == 0 and n == prev[0] + 1) or (n == prev[0] and s == prev[1] + 1)):
            return True
        # a run of its own after a gap (an article lost in extraction) or in an excerpt
        if run and (prev is None or (n, s) > prev):
            return True
        return not marker.weak and (prev is None or prev[0] < n <= prev[0] + 2)

    def take_article(self, marker: _Marker) -> None:
        self.prev = (marker.number, marker.suffix)
        self.mode = "articles"
        self.after_heading = False
        self.started = True

    def take_heading(self, marker: _Marker) -> None:
        self.headings[marker.style.key] = marker.number
        self.after_heading = True
        self.started = True

    def heading(self, line: _Line, following: tuple[int, int] | None) -> list[_Line]:
        """A 编/章/节 line, split where the next label was run into it (第一章总则第一条为了…)."""
        head = line.marker
        chain = [head]
        while chain[-1].tail_marker is not None:
            chain.append(chain[-1].tail_marker)
        if len(chain) > 1 and not self._chain_fits(chain, following):
            chain = [head]
        if len(chain) == 1:
            if head.tail_marker is not None and not head.alone:
                line.marker = None
                return [line]
            head.tail, head.tail_marker = 0, None
            self.take_heading(head)
            return [line]
        pieces: list[_Line] = []
        offset = 0
        for k, marker in enumerate(chain):
            if marker.style.key == "zh_article":
                self.take_article(marker)
            else:
                self.take_heading(marker)
            if k + 1 == len(chain):
                pieces.append(_Line(line.start + offset, line.end, line.text[offset:], line.number, marker))
                break
            end = offset + marker.tail
            marker.title = _squeeze(line.text[offset + marker.rest : end])
            text = line.text[offset:end].rstrip()
            pieces.append(
                _Line(line.start + offset, line.start + offset + len(text), text, line.number, marker)
            )
            offset = end
        return pieces

    def _chain_fits(self, chain: Sequence[_Marker], following: tuple[int, int] | None) -> bool:
        saved = self.after_heading
        seen = dict(self.headings)
        try:
            for marker in chain[1:]:
                if marker.style.key == "zh_article":
                    self.after_heading = True
                    return self.fits(marker, following)
                last = seen.get(marker.style.key)
                if marker.number != 1 and (last is None or marker.number != last + 1):
                    return False
                seen[marker.style.key] = marker.number
            return True
        finally:
            self.after_heading = saved


def _annex_lines(lines: Sequence[_Line]) -> list[bool]:
    """Which lines are annex labels: 附件 / 附件2 / 附件：标题 on a short line of their own."""
    return [
        len(ln.text) <= 40 and bool(_ANNEX_LABEL.match(ln.text)) and _is_heading_like(ln.text) for ln in lines
    ]


def _annexes_with_headings(lines: Sequence[_Line], annex: Sequence[bool]) -> list[bool]:
    """Annex label lines whose annex has headings of its own (一、, 第X章, 第X条).

    The next marker after the label, before any other annex label and within
    a page or so (a title, a date line, a lead paragraph may come between),
    must be a heading; an annex that is a table or a list stays in the closing.
    """
    out = [False] * len(lines)
    next_marker: int | None = None
    next_annex: int | None = None
    heading_rank = _STYLES["zh_heading"].rank
    for i in range(len(lines) - 1, -1, -1):
        if annex[i]:
            j = next_marker
            out[i] = (
                j is not None
                and j - i <= 40
                and (next_annex is None or j < next_annex)
                and lines[j].marker.style.rank <= heading_rank
            )
            next_annex = i
        if lines[i].marker is not None:
            next_marker = i
    return out


def _annex_marker(lines: Sequence[_Line], i: int) -> _Marker:
    text = lines[i].text
    m = _ANNEX_LABEL.match(text)
    end = m.end() if m else 2
    label = text[:end].strip()
    # 附 件 2 -> 附件2; Schedule 1 keeps its space
    label = re.sub(r"\s+", " ", label) if re.match(r"[A-Za-z]", label) else re.sub(r"\s+", "", label)
    num = m["num"] if m else None
    number = _annex_number(num) if num else None
    title = text[end:].strip(" \t\u3000：:、.．-—")
    if not title and i + 1 < len(lines):
        below = lines[i + 1]
        if below.marker is None and _is_heading_like(below.text) and not _ANNEX.match(below.text):
            title = below.text
    return _Marker(
        _ANNEX_STYLE, number, label, end, title=_squeeze(title), id_part=f"annex{number if number else ''}"
    )


def _annex_number(num: str) -> int | None:
    """Annex 2 / 附件二 / Annex II (roman) / Appendix A (a letter)."""
    if num.isascii() and num.isalpha():
        roman = _roman(num) if set(num) <= set("IVX") and (len(num) > 1 or num == "I") else None
        return roman if roman is not None else ord(num.upper()) - 64
    return zh_number(num)


def _breaks_off(line: _Line) -> bool:
    """A line of text that stops mid-sentence (…依照本法 / …的，): the next line goes on with it.

    Headings are left out: 第一章 总则 ends in a character and is whole.
    """
    marker = line.marker
    if marker is not None and marker.style.key != "zh_article" and not marker.style.enum:
        return False
    text = line.text
    last = text[-1:]
    if last in ("，", ",", "、") or _LEADS_TO_REFERENCE.search(text):
        return True
    if not "\u4e00" <= last <= "\u9fff":
        return False
    # a clause of a sentence, or a full-width line of plain text, that stops on a character
    return bool(_CLAUSE_PUNCT.search(text)) or (marker is None and len(text) >= 15)


_CLAUSE_PUNCT = re.compile(r"[，。；：,;:]")
# words that come right before a reference to an article: …依照本法 / 第三十条…
_LEADS_TO_REFERENCE = re.compile(
    r"(?:本(?:法|条例|规定|办法|细则|章程|决定|准则|规则)|依照|按照|根据|依据|违反|除有?|适用|参照|和|及|或|与)$"
)


def _settle(lines: Sequence[_Line]) -> list[_Line]:
    """Decide the markers that depend on the lines around them; one pass forward, one to place headings.

    Drops 第X条 lines that are references or quotations, splits headings with
    the next label run into them, and turns 附件 lines that head an annex with
    its own numbering into annex nodes (the numbering restarts under them).
    """
    following = _next_articles(lines)
    annexes = _annexes_with_headings(lines, _annex_lines(lines))
    state = _Sequence()
    out: list[_Line] = []
    for i, line in enumerate(lines):
        marker = line.marker
        if marker is None:
            if state.started and annexes[i]:
                line.marker = _annex_marker(lines, i)
                state.restart()
            out.append(line)
            continue
        key = marker.style.key
        if key == "zh_article":
            if state.fits(marker, following[i], wrapped=i > 0 and _breaks_off(lines[i - 1])):
                state.take_article(marker)
            else:
                line.marker = None
            out.append(line)
        elif key in _HEADING_KEYS:
            out.extend(state.heading(line, following[i]))
        else:
            if key == "zh_heading" and state.mode != "articles":
                state.mode = "notice"
            state.started = True
            state.after_heading = False
            out.append(line)
    _place_unnumbered_headings(out)
    return out


def _place_unnumbered_headings(lines: Sequence[_Line]) -> None:
    """Headings without a 第X章 label: 附则 / 总 则 lines, and 一、总则 heading a run of 第X条.

    A line becomes a heading only right before a 第X条 (or 第X章) line, and only
    when it is a known heading word, or, in a document with chapters, a short
    title after a finished article (its last sentence ends in 。) that occurs
    once in the document (a running header repeats).
    """
    words = _heading_words()
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.marker is None and len(ln.text) <= 20:
            counts[ln.text] = counts.get(ln.text, 0) + 1
    tops = [ln.marker.style.rank for ln in lines if ln.marker and ln.marker.style.key in _HEADING_KEYS[:3]]
    top = _UNNUMBERED["zh_part" if tops and min(tops) <= _STYLES["zh_subpart"].rank else "zh_chapter"]
    last_heading = "zh_chapter"  # the last 编/章/节 seen: an untitled heading in context takes its level
    in_article = False
    chapters = 0  # the last 一、 taken as a chapter
    article_rank = _STYLES["zh_article"].rank
    for i, line in enumerate(lines):
        marker = line.marker
        below = lines[i + 1].marker if i + 1 < len(lines) else None
        before = lines[i - 1].text if i else ""
        if below is not None and (below.style.key == "zh_article" or below.style.key in _HEADING_KEYS):
            if marker is None:
                word = _squeeze(line.text)
                if word in words and not before.endswith(("：", ":", "，", ",")):
                    line.marker = _Marker(top, None, "", 0, title=word, id_part=words[word])
                elif (
                    tops
                    and in_article
                    and below.style.key == "zh_article"
                    and _FINISHED.search(before)
                    and _TITLE_WORD.fullmatch(word)
                    and counts.get(line.text) == 1
                ):
                    style = _UNNUMBERED[last_heading]
                    line.marker = _Marker(style, None, "", 0, title=word, id_part="heading")
            elif (
                marker.style.key == "zh_heading"
                and below.style.key == "zh_article"
                and marker.number == chapters + 1
                and (not in_article or _FINISHED.search(before))
                and _TITLE_WORD.fullmatch(_squeeze(line.text[marker.rest :]))
            ):
                marker.style = _HEADING_CHAPTER
                chapters = marker.number
        marker = line.marker
        if marker is not None:
            if marker.style.key == "zh_article":
                in_article = True
            elif marker.style.rank < article_rank:
                in_article = False
                if marker.style.key in _HEADING_KEYS:
                    last_heading = "zh_part" if marker.style.key == "zh_subpart" else marker.style.key


# --------------------------------------------------------------------------- the tree


@dataclass
class _Node:
    style: _Style
    level: str
    number: int | None
    label: str
    title: str
    start: int
    line: int
    id: str = ""
    parent: int | None = None  # index into the node list
    end: int = -1
    suffix: int = 0
    path: tuple[int, ...] = ()
    paragraphs: int = 0  # 款 seen so far (articles only)
    id_part: str = ""  # the id segment of a heading without a number


class _Builder:
    """Nest markers with a stack; one pass over the lines."""

    def __init__(self, text: str, en_section: _Style) -> None:
        self.text = text
        self.en_section = en_section
        self.nodes: list[_Node] = []
        self.stack: list[int] = []
        self.ids: dict[str, int] = {}
        self.repeats: dict[str, int] = {}
        self.warnings: list[str] = []
        self.last_in_scope: dict[tuple[int | None, str], _Node] = {}
        self.last_global: dict[str, _Node] = {}

    # -- helpers
    def _trim(self, pos: int) -> int:
        text = self.text
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        return pos

    def _close_to(self, depth: int, boundary: int) -> None:
        while len(self.stack) > depth:
            node = self.nodes[self.stack.pop()]
            node.end = max(node.start, self._trim(boundary))

    def _in_article(self) -> int | None:
        for k in range(len(self.stack) - 1, -1, -1):
            if self.nodes[self.stack[k]].level == "article":
                return k
        return None

    def _push(self, node: _Node) -> None:
        parent = self.stack[-1] if self.stack else None
        node.parent = parent
        segment = (
            node.id_part
            or f"{_PREFIX.get(node.level, node.level)}{node.number if node.number is not None else ''}"
        )
        if node.suffix:
            segment += f"-{node.suffix}"
        base = f"{self.nodes[parent].id}.{segment}" if parent is not None else segment
        ident = base
        if ident in self.ids:
            # the n-th node on the same path is base~n; a counter keeps this linear
            k = self.repeats.get(base, 1)
            while ident in self.ids:
                k += 1
                ident = f"{base}~{k}"
            self.repeats[base] = k
        node.id = ident
        self.ids[ident] = len(self.nodes)
        self.nodes.append(node)
        self.stack.append(len(self.nodes) - 1)

    def _warn(self, line: int, label: str, problem: str) -> None:
        self.warnings.append(f"structure: line {line}: {label}: {problem}")

    def _check_sequence(self, node: _Node) -> None:
        key = node.style.key
        if node.number is None or node.style is _ANNEX_STYLE:
            return
        prev_global = self.last_global.get(key)
        prev = (
            prev_global if key in ("zh_article", "en_article") else self.last_in_scope.get((node.parent, key))
        )
        if prev is not None:
            if (node.number, node.suffix) <= (prev.number, prev.suffix):
                self._warn(
                    node.line,
                    node.label,
                    f"number repeated or going back (after {prev.label} on line {prev.line})",
                )
            elif node.number > prev.number + 1:
                self._warn(node.line, node.label, f"numbering gap (after {prev.label} on line {prev.line})")
        elif node.number not in (1, None) and key not in ("zh_article", "en_article"):
            continuing = prev_global is not None and node.number == prev_global.number + 1
            if not continuing:
                self._warn(node.line, node.label, f"numbering starts at {node.number}")
        self.last_in_scope[(node.parent, key)] = node
        self.last_global[key] = node

    # -- the pass
    def _level(self, style: _Style) -> str:
        art = self._in_article()
        if not style.enum:
            return style.level
        if art is None:
            if style.key.startswith("en_dec"):
                return "article"
            return style.level
        enum_depth = sum(1 for k in self.stack[art + 1 :] if self.nodes[k].level in ("item", "subitem"))
        if style.key.startswith(("en_dec", "en_paren_num")) and enum_depth == 0:
            return "paragraph"  # Article 2 (1) ..., Article 2 2.1 ...: numbered paragraphs
        return "item" if enum_depth == 0 else "subitem"

    def _resolve(self, marker: _Marker) -> _Marker | None:
        """Settle markers whose meaning depends on the open list; drop implausible ones."""
        style = marker.style
        if style.key == "en_section":
            marker.style = self.en_section
        elif style.key == "en_roman_lower" and marker.path:
            # (i) after (h) is a letter; otherwise a roman numeral.
            for k in reversed(self.stack):
                node = self.nodes[k]
                if node.style.key == "en_alpha":
                    last = self.last_in_scope.get((node.parent, "en_alpha"))
                    if last is not None and last.number == marker.path[0] - 1 and k == self.stack[-1]:
                        marker.style = _STYLES["en_alpha"]
                        marker.number = marker.path[0]
                    break
            marker.path = ()
        elif style.key in ("zh_dec", "en_dec") and len(marker.path) > 1:
            if not self._decimal_fits(marker.path):
                alt = marker.alt
                return alt if alt is not None and self._list_goes_on(alt) else None
            marker.style = _decimal_style(style, len(marker.path))
        return marker

    def _list_goes_on(self, marker: _Marker) -> bool:
        """A list marker that starts a list or follows its previous sibling in an open list."""
        if marker.number == 1:
            return True
        return any(
            self.nodes[k].style.key == marker.style.key and self.nodes[k].number == marker.number - 1
            for k in self.stack
        )

    def _decimal_fits(self, path: tuple[int, ...]) -> bool:
        parent = path[:-1]
        for k in reversed(self.stack):
            node = self.nodes[k]
            if node.path == parent or (
                len(parent) == 1
                and node.level == "article"
                and node.number == parent[0]
                and node.style.key in ("en_article", "zh_article")
            ):
                return True
            if node.style.key.startswith(("zh_dec", "en_dec")) and node.path[:-1] == parent:
                return True  # a sibling: 1.2 after 1.1
        return path[-1] == 1 and all(p >= 1 for p in parent)

    def open_marker(self, line: _Line, marker: _Marker) -> None:
        marker = self._resolve(marker)
        if marker is None:
            self.plain(line)
            return
        style = marker.style
        # pop everything at or below this rank
        depth = len(self.stack)
        while depth and self.nodes[self.stack[depth - 1]].style.rank >= style.rank:
            depth -= 1
        self._close_to(depth, line.start)
        if style is _ANNEX_STYLE:
            # an annex numbers its clauses afresh
            self.last_global.clear()
        # a list inside a 条 hangs from its current 款
        art = self._in_article()
        if style.enum and art is not None and self.nodes[self.stack[art]].style.key == "zh_article":
            if self.nodes[self.stack[-1]].style.key == "zh_article":
                self._open_paragraph(line.start, line.number)
        level = self._level(style)
        node = _Node(
            style,
            level,
            marker.number,
            marker.label,
            marker.title,
            line.start,
            line.number,
            suffix=marker.suffix,
            path=marker.path or ((marker.number,) if style.key.endswith("article") else ()),
            id_part=marker.id_part,
        )
        if (
            not node.title
            and style.key not in ("zh_article", "paragraph")
            and (art is None or not style.enum)
        ):
            node.title = _heading_title(line.text[marker.rest :])
        self._push(node)
        for problem in marker.problems:
            self._warn(line.number, marker.label, problem)
        self._check_sequence(node)
        if style.key == "zh_article":
            rest = line.text[marker.rest :]
            offset = len(rest) - len(rest.lstrip())
            if rest.strip():
                self._open_paragraph(line.start + marker.rest + offset, line.number)

    def _open_paragraph(self, start: int, lineno: int) -> None:
        art = self.nodes[self.stack[-1]]
        art.paragraphs += 1
        self._push(_Node(_STYLES["paragraph"], "paragraph", art.paragraphs, "", "", start, lineno))

    def plain(self, line: _Line, below: _Marker | None = None) -> None:
        """A line without a marker; ``below`` is the next marker in the document (lookahead)."""
        art = self._in_article()
        if art is not None and self.nodes[self.stack[art]].style.key == "zh_article":
            if self._inside_item(line, below, art):
                return
            # 款: every other line of a 条 that is not a list item starts a new paragraph.
            self._close_to(art + 1, line.start)
            self._open_paragraph(line.start, line.number)

    def _inside_item(self, line: _Line, below: _Marker | None, art: int) -> bool:
        """Whether a plain line in a 条 goes on with the open list item rather than starting a 款.

        It does when the list carries on after it (（一）… / a line / （二）…), or
        when it leads in to a list one level down (（二）第二类对象。 / 符合以下条件之一的： /
        1.…): a new 款 would not continue or deepen the list before it.
        """
        if below is None or not below.style.enum:
            return False
        top = self.nodes[self.stack[-1]]
        if top.level not in ("item", "subitem"):
            return False
        for k in range(len(self.stack) - 1, art, -1):
            node = self.nodes[self.stack[k]]
            if node.level not in ("item", "subitem"):
                break
            if node.style.key == below.style.key and node.number == (below.number or 0) - 1:
                return True
        first = below if below.number == 1 else below.alt if below.alt and below.alt.number == 1 else None
        return first is not None and first.style.rank > top.style.rank and line.text.endswith(("：", ":"))

    def finish(self, boundary: int) -> None:
        self._close_to(0, boundary)


def _en_section_style(lines: Sequence[_Line]) -> _Style:
    """Put "Section" under "Article" when the first Section comes after the first Article."""
    first: dict[str, int] = {}
    for i, line in enumerate(lines):
        if line.marker and line.marker.style.key in ("en_section", "en_article"):
            first.setdefault(line.marker.style.key, i)
            if len(first) == 2:
                break
    if first.get("en_article", 1 << 60) < first.get("en_section", 1 << 60):
        return _EN_SECTION_IN_ARTICLE
    return _STYLES["en_section"]


_EN_TITLED = frozenset(("en_part", "en_chapter", "en_section", "en_article", "en_roman"))


def _titles_below(lines: Sequence[_Line]) -> None:
    """Take the title of an English heading from the next line: ``ARTICLE I`` / ``OFFICES``."""
    for i in range(len(lines) - 1):
        marker, below = lines[i].marker, lines[i + 1]
        if (
            marker is None
            or marker.style.key not in _EN_TITLED
            or marker.title
            or lines[i].text[marker.rest :].strip(" \t.:—–-")
            or below.marker is not None
        ):
            continue
        words = below.text.split()
        if len(below.text) <= 80 and not re.search(r"[.;:!?,]$", below.text) and _title_case(words):
            marker.title = below.text


def _guess_lang(text: str) -> str:
    from .ingest import guess_lang

    return guess_lang(text)


def _as_document(document: Document | str, lang: str | None) -> Document:
    if isinstance(document, Document):
        return document
    if not isinstance(document, str):
        raise TypeError(f"parse() takes a Document or a str, not {type(document).__name__}")
    digest = hashlib.sha256(document.encode("utf-8")).hexdigest()[:16]
    return Document(
        id=digest, source="<text>", format="txt", text=document, lang=lang or _guess_lang(document)
    )


def _parse(doc: Document, lang: str | None) -> tuple[list[Clause], list[str]]:
    copy = simplified(doc.text or "")
    if copy == (doc.text or ""):
        return _parse_text(doc, lang)
    # 第五條, 第一章 總則: numbered in traditional characters. Parse a simplified copy of the same
    # length, then give each clause its text, label and title as the document writes them.
    clauses, warnings = _parse_text(dataclasses.replace(doc, text=copy, clauses=None), lang)
    for c in clauses:
        written = doc.text[c.start : c.end]
        c.label = as_written(c.label, c.text, written)
        c.title = as_written(c.title, c.text, written)
        c.text = written
    return clauses, warnings


def _parse_text(doc: Document, lang: str | None) -> tuple[list[Clause], list[str]]:
    text = doc.text or ""
    lang = (lang or doc.lang or "zh").lower()
    lang = "en" if lang.startswith("en") else "zh"
    lines = _settle(_lines(text, lang))
    if lang == "en":
        _titles_below(lines)
    closing = _closing_start(lines)
    first = next((i for i in range(closing) if lines[i].marker), closing)
    first = _contents_end(lines, first)
    closing = _annex_start(lines, first, closing)
    body_end = lines[closing].start if closing < len(lines) else len(text)

    builder = _Builder(text, _en_section_style(lines))
    below: _Marker | None = None  # the next marker after line i
    following: list[_Marker | None] = [None] * len(lines)
    for i in range(closing - 1, first - 1, -1):
        following[i] = below
        below = lines[i].marker or below
    for i in range(first, closing):
        line = lines[i]
        if line.marker is not None:
            builder.open_marker(line, line.marker)
        elif builder.stack:
            builder.plain(line, following[i])
    builder.finish(body_end)

    clauses: list[Clause] = []

    def emit(
        node_id: str,
        label: str,
        level: str,
        number: int | None,
        title: str,
        start: int,
        end: int,
        parent: str | None,
    ) -> None:
        clauses.append(
            Clause(
                id=node_id,
                label=label,
                level=level,
                number=number,
                title=title,
                text=text[start:end],
                start=start,
                end=end,
                pages=doc.pages_between(start, end),
                parent=parent,
            )
        )

    if first > 0 and lines:
        start = lines[0].start
        end = builder._trim(lines[first].start) if first < len(lines) else builder._trim(body_end)
        if end > start:
            head = lines[0].text.strip()
            title = head if re.fullmatch(r"序\s*言|preamble", head, re.I) else ""
            emit("preamble", "", "preamble", None, _squeeze(title), start, end, None)
    for node in builder.nodes:
        parent = builder.nodes[node.parent].id if node.parent is not None else None
        emit(node.id, node.label, node.level, node.number, node.title, node.start, node.end, parent)
    if closing < len(lines):
        start = lines[closing].start
        end = builder._trim(len(text))
        emit("closing", "", "closing", None, "", start, end, None)
    return clauses, builder.warnings


def parse(document: Document | str, *, lang: str | None = None) -> list[Clause]:
    """Parse the clause tree of a document.

    Args:
        document: a :class:`Document` (its ``clauses`` are set, and numbering
            problems are added to its ``warnings``), or plain text (wrapped in a
            Document whose id is the hash of the text).
        lang: ``zh`` or ``en``; defaults to ``document.lang`` (guessed for text).
            It decides how plain list numbers (``1.``, ``(1)``, ``(a)``) nest.

    Returns:
        The clauses, flat in document order: the preamble (if any), then each
        numbered clause followed by its children, then the closing (if any).
        ``document.text[c.start:c.end] == c.text`` for every clause.

    Example:
        >>> clauses = parse("第一章 总则\\n第一条 为了规范管理，制定本办法。\\n第二条 本办法适用于：\\n（一）学校；\\n（二）企业。")
        >>> [(c.id, c.label) for c in clauses]  # doctest: +NORMALIZE_WHITESPACE
        [('ch1', '第一章'), ('ch1.art1', '第一条'), ('ch1.art1.p1', ''), ('ch1.art2', '第二条'),
         ('ch1.art2.p1', ''), ('ch1.art2.p1.i1', '（一）'), ('ch1.art2.p1.i2', '（二）')]
    """
    doc = _as_document(document, lang)
    clauses, warnings = _parse(doc, lang)
    if isinstance(document, Document):
        document.clauses = clauses
        seen = set(document.warnings)
        document.warnings.extend(w for w in warnings if w not in seen)
    return clauses


def parse_warnings(document: Document | str, *, lang: str | None = None) -> list[str]:
    """Return the numbering problems :func:`parse` tolerates, without changing the document.

    Gaps and repeats in a numbering sequence, 笫 written for 第, a space inside a
    label (第一百二十八 条): each as ``structure: line N: LABEL: problem``.

    Args:
        document: a :class:`Document` or plain text.
        lang: as for :func:`parse`.

    Returns:
        The warnings, in document order.
    """
    return _parse(_as_document(document, lang), lang)[1]


def clause_citations(clauses: Sequence[Clause]) -> dict[str, str]:
    r"""Return each clause id with the label a reader cites it by.

    The printed labels from the top of the tree down: ``一、（三）`` in a notice,
    ``第九条（三）`` in a law (part, chapter and section labels above an article
    are left out, since article numbers run through the whole text, as in
    legal citation), ``Article 5 (a)`` in English. A paragraph (款) has no
    printed label of its own; preamble and closing are cited by their level.

    Args:
        clauses: a parsed clause list (``document.clauses``).

    Example:
        >>> cites = clause_citations(parse("第一章 总则\n第一条 目的。\n（一）甲；"))
        >>> cites["ch1.art1.p1.i1"]
        '第一条（一）'
    """
    by_id = {c.id: c for c in clauses}
    paragraphs: dict[str, int] = {}
    for c in clauses:
        if c.level == "paragraph" and c.parent:
            paragraphs[c.parent] = paragraphs.get(c.parent, 0) + 1
    out: dict[str, str] = {}
    for clause in clauses:
        chain: list[Clause] = []
        node: Clause | None = clause
        seen: set[str] = set()
        while node is not None and node.id not in seen:
            seen.add(node.id)
            chain.append(node)
            node = by_id.get(node.parent) if node.parent else None
        chain.reverse()
        if any(c.level == "article" for c in chain):
            chain = [c for c in chain if c.level not in ("part", "chapter", "section")]
        parts = []
        for c in chain:
            if c.label and c.label.strip():
                parts.append(c.label.strip())
            elif c.level == "paragraph" and c.number and paragraphs.get(c.parent or "", 0) > 1:
                # 款 are cited by position when an article has several: 第三条第二款
                parts.append(f"第{_zh_numeral(c.number)}款" if _is_cjk(clause.text) else f"({c.number})")
        label = ""
        for part in parts:
            dotted = re.fullmatch(r"(\d+)(?:\.\d+)+\.?", part)
            if dotted and re.search(rf"\b{dotted.group(1)}$", label):
                # Article 4 + 4.1 -> Article 4.1
                label = label[: -len(dotted.group(1))] + part.rstrip(".")
                continue
            spaced = bool(label) and label[-1].isascii() and part[0].isascii() and part[0] != "("
            label = f"{label} {part}" if spaced else label + part
        out[clause.id] = label or clause.level
    return out


def _zh_numeral(n: int) -> str:
    """1 -> 一, 12 -> 十二, 20 -> 二十, 105 -> 一百零五 (for 款 numbers)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    hundreds, rest = divmod(n, 100)
    tail = "" if rest == 0 else ("零" + digits[rest] if rest < 10 else ("一" if rest < 20 else "") + _zh_numeral(rest))
    return digits[hundreds] + "百" + tail


def _is_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text[:200])


def clause_at(clauses: Sequence[Clause], offset: int) -> Clause | None:
    """Return the deepest clause whose span holds character ``offset``.

    Args:
        clauses: a flat clause list as :func:`parse` returns it (document order).
        offset: a character offset in ``Document.text``.

    Returns:
        The innermost clause containing the offset, or None when it falls
        between clauses (blank lines) or outside them.

    For many look-ups in the same document use :func:`clause_locator`, which
    indexes the clauses once.
    """
    return clause_locator(clauses)(offset)


def clause_locator(clauses: Sequence[Clause]) -> Callable[[int], Clause | None]:
    """Index a clause list once; return a function ``offset -> deepest clause or None``.

    Args:
        clauses: a flat clause list as :func:`parse` returns it (document order).

    Returns:
        A function that finds the innermost clause holding an offset in
        O(log n + depth), e.g. to cite the clause of every sentence.

    Example:
        >>> locate = clause_locator(parse("第一条 甲。\\n第二条 乙。"))
        >>> locate(11).id
        'art2.p1'
    """
    items = list(clauses)
    starts = [c.start for c in items]
    position = {c.id: k for k, c in enumerate(items)}

    def locate(offset: int) -> Clause | None:
        # In document order a clause's descendants follow it, so the last clause
        # starting at or before the offset is the answer or a descendant of it.
        i = bisect.bisect_right(starts, offset) - 1
        while i >= 0:
            clause = items[i]
            if clause.start <= offset < clause.end:
                return clause
            if clause.parent is None:
                return None
            i = position.get(clause.parent, -1)
        return None

    return locate
