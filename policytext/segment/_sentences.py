"""Sentence boundaries in Chinese and English policy text, as character spans.

The rules, in the order they apply:

- A line break always ends a sentence (cleaned text holds one paragraph or
  heading per line); open quotes and brackets do not carry over a line break.
- Chinese: ``。！？!?`` end a sentence, and so do ``；;`` when ``semicolon`` is on
  (duties in policy text are listed with ；); so does a half-width period
  between Chinese characters (市场主导.完善机制), which some documents use for 。. English: ``. ! ?`` (and ``;`` when
  ``semicolon`` is on), where a period after an abbreviation (No., Art., e.g.),
  an initial, or inside a number or a web address does not count.
- A terminator inside quotes or brackets (“” "" 「」 『』 （） () 【】 〔〕 ［］ 《》 〈〉)
  does not end the sentence (mixed quotes such as “…" pair up); closing marks right after a terminator stay with
  the sentence (``。”`` ``；）`` ``.)``), and when they close every open mark the
  sentence ends after them.
- Spans never include the whitespace around a sentence; empty sentences are
  dropped.
"""

from __future__ import annotations

import re

from ..errors import ConfigError

__all__ = ["split_sentences"]

_OPEN = "“‘「『（(【〔［[《〈{"
_CLOSE = "”’」』）)】〕］]》〉}"
_PAIR = dict(zip(_CLOSE, _OPEN))
_ZH_END = frozenset("。！？!?")
_EN_END = frozenset(".!?")
_SEMI = frozenset("；;")
_LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x85")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# Periods after these (lower-cased, without the period) do not end an English
# sentence. Chosen for legal and policy text: Latin abbreviations, titles,
# company forms, months.
_ABBREVIATIONS = frozenset(
    """
    e.g i.e cf viz vs v al et seq ibid approx ca est dept div govt gov
    mr mrs ms dr prof sr jr st mt rev hon gen
    inc ltd co corp plc llc bros
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u p.r.c
    """.split()
)
# References that are abbreviations only before what they number ("No. 15",
# "Arts. 5 and 6", "para. (a)"): "The answer is no. We ..." and "culture and the
# arts. We ..." end there.
_REFERENCE_ABBREVIATIONS = frozenset(
    "no nos art arts sec secs para paras ch chap cl vol vols pp p fig figs ref refs".split()
)
_NUMBERED = re.compile(r"[ \t]*(?:\d|[(\[]|[IVXLC]+\b)")
# "etc." ends the sentence when a capital follows ("..., etc. We will ...").
_ENDS_AFTER = frozenset({"etc"})
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.&]*)$")
# A period run into the next sentence without a space ("stability.These efforts"):
# two lower-case letters before it, a capitalised word after it.
_RUN_IN = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
# What may stand before the period of a numbered line or heading.
_LINE_NUMBER = re.compile(
    r"\s*(?:(?:Article|Section|Chapter|Part|Rule|Schedule|Annex|Art|Sec|Ch)\s+)?"
    r"(?:\d+(?:\.\d+)*|[IVXLC]+|[ivxlc]+|[A-Za-z])",
    re.IGNORECASE,
)


def split_sentences(text: str, *, lang: str = "zh", semicolon: bool = True) -> list[tuple[int, int]]:
    """Split text into sentences and return their character spans.

    Args:
        text: the text to split (a document's clean text, a clause, a line).
        lang: ``zh`` (Chinese punctuation; also right for Chinese text that
            quotes English) or ``en`` (periods with abbreviation care).
        semicolon: also end a sentence at a semicolon outside quotes and
            brackets. On by default because policy text lists duties with ；.

    Returns:
        ``(start, end)`` offsets into ``text``, in order, each sentence
        stripped of surrounding whitespace, so ``text[start:end]`` is the
        sentence.

    Raises:
        ConfigError: ``lang`` is neither ``zh`` nor ``en``.

    Example:
        >>> text = "他说：“要加强。”随后散会；次日复会。"
        >>> [text[a:b] for a, b in split_sentences(text)]
        ['他说：“要加强。”', '随后散会；', '次日复会。']
    """
    if lang.startswith("zh"):
        enders = _ZH_END
        english = False
    elif lang.startswith("en"):
        enders = _EN_END
        english = True
    else:
        raise ConfigError(f"unknown language {lang!r} for sentence splitting; choose one of: zh, en")
    if semicolon:
        enders = enders | _SEMI

    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    stack: list[str] = []  # open quotes and brackets
    i = 0
    while i < n:
        ch = text[i]
        if ch in _LINE_BREAKS:
            _emit(text, start, i, spans)
            start = i + 1
            stack.clear()
        elif ch in _OPEN:
            stack.append(ch)
        elif ch in _CLOSE or ch == '"':
            _quote_or_close(stack, ch)
        elif (ch in enders and _ends_here(text, i, english)) or (
            ch == "." and not english and _chinese_period(text, i)
        ):
            j = i + 1
            # Run of terminators (？！ 。。) and closing marks stays with the sentence.
            while j < n:
                nxt = text[j]
                if nxt in enders and nxt != ".":
                    j += 1
                elif nxt in _CLOSE or (nxt == '"' and _closes_quote(stack)):
                    _quote_or_close(stack, nxt)
                    j += 1
                else:
                    break
            # "(see Sec. 3.) apply": a period whose sentence goes on in lower case.
            run_on = english and ch == "." and _lower_follows(text, j - 1)
            if not stack and not run_on:
                _emit(text, start, j, spans)
                start = j
            i = j
            continue
        i += 1
    _emit(text, start, n, spans)
    return spans


def _quote_or_close(stack: list[str], ch: str) -> None:
    """Apply a closing mark or a straight quote to the open marks.

    Real text mixes quote styles (“我为群众办实事"), so a straight quote closes an
    open “ or straight quote, and ” closes an open straight quote; otherwise a
    straight quote opens. A closer with nothing to close is ignored.
    """
    if ch == '"':
        if _closes_quote(stack):
            _close_up_to(stack, ("“", '"'))
        else:
            stack.append('"')
        return
    openers = (_PAIR[ch], '"') if ch == "”" else (_PAIR[ch],)
    _close_up_to(stack, openers)


def _closes_quote(stack: list[str]) -> bool:
    return any(mark in ("“", '"') for mark in stack)


def _close_up_to(stack: list[str], openers: tuple[str, ...]) -> None:
    for k in range(len(stack) - 1, -1, -1):
        if stack[k] in openers:
            del stack[k:]
            return


def _chinese_period(text: str, i: int) -> bool:
    """Whether a half-width period stands for 。 (市场主导.完善机制)."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    return bool(_CJK.match(before)) and (
        not after or after.isspace() or bool(_CJK.match(after)) or after in _OPEN
    )


def _ends_here(text: str, i: int, english: bool) -> bool:
    """Whether the terminator at ``i`` can end a sentence (not part of a token)."""
    ch = text[i]
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if ch in "?!.;" and nxt and (nxt.isalnum() and nxt.isascii() or nxt in "=&/_-.,"):
        # "?id=1" in a web address, "3.5", "gov.cn", "e.g.,": not the end,
        # unless an English sentence runs into the next ("stability.These").
        return english and ch == "." and _RUN_IN.match(text, i) is not None and not _in_address(text, i)
    if ch == "." and english:
        return not (_is_abbreviation(text, i) or _is_enumerator(text, i) or _lower_follows(text, i))
    return True


def _is_enumerator(text: str, i: int) -> bool:
    """Whether the period at ``i`` numbers a line: "1. Scope", "IV. Duties", "Article 5. Purpose"."""
    line_start = i
    while line_start > 0 and text[line_start - 1] not in _LINE_BREAKS and i - line_start < 40:
        line_start -= 1
    return _LINE_NUMBER.fullmatch(text, line_start, i) is not None


def _lower_follows(text: str, i: int) -> bool:
    """Whether the next word starts lower-case: "the Reg. is" does not end there."""
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and text[j].islower()


def _is_abbreviation(text: str, i: int) -> bool:
    """Whether the period at ``i`` closes an abbreviation or an initial."""
    match = _WORD_BEFORE.search(text, max(0, i - 20), i)
    if match is None:
        return False
    word = match.group(1)
    before = text[match.start() - 1] if match.start() > 0 else ""
    if before and (before.isalnum() or before in "&'’"):
        return False  # the end of a longer token: "R&D.", "5G."
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    key = word.lower().rstrip(".")
    if key in _REFERENCE_ABBREVIATIONS:
        return _NUMBERED.match(text, i + 1) is not None
    if key in _ENDS_AFTER:
        return not _upper_follows(text, i)
    return key in _ABBREVIATIONS


def _upper_follows(text: str, i: int) -> bool:
    j = i + 1
    while j < len(text) and text[j] in " \t":
        j += 1
    return j < len(text) and text[j].isupper()


def _in_address(text: str, i: int) -> bool:
    """Whether the period at ``i`` is inside a web or e-mail address (www.Example.com)."""
    start = i
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:i]
    return "@" in word or "/" in word or word.lower().startswith("www")


def _emit(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
