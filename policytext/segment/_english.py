"""English words: the tokenizer :class:`~policytext.Segmenter` uses for text in Latin script.

jieba splits Latin text at every mark, so ``well-being`` became ``well - being``,
``U.S.`` four tokens and ``Government's`` ``Government ' s``. English text gets
these rules instead (Penn Treebank habits, kept to what policy and legal text
needs):

- a word is a run of letters and digits; hyphens and slashes inside it keep
  it whole (``well-being``, ``industry-education``, ``COVID-19``,
  ``2011-2020``, ``and/or``, ``2016/679``), and so do apostrophes (``don't``,
  ``o'clock``);
- the possessive ``'s`` (``’s``) is a token of its own (``Government`` ``'s``);
- numbers keep their decimal point and thousands separators (``6.1``,
  ``1,000,000``) and a following per cent sign (``30%``);
- letters joined by periods are one abbreviation (``U.S.``, ``e.g.``, ``P.R.C.``);
- web addresses and e-mail addresses are one token;
- every other mark is a token of one character, and each run of whitespace
  one token, so the tokens concatenate back to the text;
- runs of Chinese characters inside English text are handed to the caller's
  Chinese cutter (jieba with the domain dictionary).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

__all__ = ["is_english", "english_pieces", "cut_english", "english_tag"]

# Han characters (CJK unified ideographs, extension A, compatibility).
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")
_HAN_RUN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<url>(?:https?://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?)\]}'’])
  | (?P<email>[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)
  | (?P<abbr>(?:[A-Za-z]\.){2,}(?![A-Za-z0-9]))
  | (?P<word>
        [^\W_]+
        (?:
            [-\u2010\u2011/][^\W_]+          # well-being, COVID-19, and/or, 2016/679
          | ['\u2019](?![sS](?![^\W_]))[^\W_]+ # don't, o'clock; not the possessive 's
          | (?<=\d)[.,](?=\d)\d+             # 6.1, 1,000
        )*
        %?
    )
  | (?P<poss>['\u2019][sS](?![^\W_]))
  | (?P<mark>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_NUMBER = re.compile(r"[\d.,%+\-]+")


def is_english(text: str) -> bool:
    """Whether ``text`` is English: Latin letters, and Chinese characters at most a tenth as many.

    Chinese text that quotes Latin words (``推进5G和AI技术``, ``发展e-commerce产业``)
    is Chinese and is cut by jieba exactly as before; an English sentence
    that cites a Chinese name (``the Notice of the Ministry of Education
    (教职成厅函)``) is English. Text with neither (numbers, marks) is not English.
    """
    if _HAN.search(text) is None:
        return _ASCII_LETTER.search(text) is not None
    if _ASCII_LETTER.search(text) is None:
        return False
    return len(_ASCII_LETTER.findall(text)) > 10 * len(_HAN.findall(text))


def english_pieces(text: str) -> Iterator[tuple[str, bool]]:
    """Yield ``(piece, chinese)``: English tokens, and whole runs of Chinese characters flagged True."""
    pos = 0
    for run in _HAN_RUN.finditer(text):
        if run.start() > pos:
            for m in _TOKEN.finditer(text, pos, run.start()):
                yield m.group(), False
        yield run.group(), True
        pos = run.end()
    for m in _TOKEN.finditer(text, pos):
        yield m.group(), False


def cut_english(text: str, chinese: Callable[[str], list[str]] | None = None) -> list[str]:
    """Split English text into tokens that concatenate back to ``text``.

    Args:
        text: the text.
        chinese: how to cut a run of Chinese characters found in the text; by
            default each run is one token.

    Returns:
        Words, numbers, abbreviations, marks and whitespace runs, in order.
    """
    if chinese is None or _HAN.search(text) is None:
        return [m.group() for m in _TOKEN.finditer(text)]
    out: list[str] = []
    for piece, is_chinese in english_pieces(text):
        if is_chinese:
            out.extend(chinese(piece))
        else:
            out.append(piece)
    return out


def english_tag(token: str) -> str:
    """A jieba-style tag for an English token: ``m`` number, ``eng`` word, ``x`` anything else."""
    if token[:1].isdigit() and _NUMBER.fullmatch(token):
        return "m"
    if any(ch.isalnum() for ch in token) and not token.startswith(("'", "\u2019")):
        return "eng"
    return "x"
