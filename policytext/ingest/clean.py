"""Cleaning of positioned text lines, the same for every paged format.

An extractor (the PDF text layer through pdfplumber or pdfium, Tesseract for
scanned pages) hands over each page as :class:`Line` objects: the text of one
printed line and where it sits on the page. :func:`clean_pages` turns those
pages into clean text:

1. every line is normalised (:func:`~policytext.ingest.normalize.normalize`:
   width and Unicode, Chinese punctuation untouched), Chinese spaced out glyph
   by glyph is closed up, and GBK bytes shown as Latin-1 (``Ä¿Â¼``) are
   decoded back to Chinese (``目录``);
2. page furniture is removed: page numbers in any of the usual styles
   (``— 3 —``, ``- 3 -``, ``第3页 共10页``, ``Page 3 of 10``, ``iii``) at the
   top or foot of a page, and running headers and footers, recognised by
   their position at a page edge *and* their repetition across pages;
3. wrapped lines are joined back into paragraphs (Chinese without a space,
   English with one, hyphenated English words mended), while paragraphs and
   headings stay separate lines. A new paragraph is recognised by a first-line
   indent, a previous line that stops short of the right margin, a heading
   pattern (第X章, 第X条, 一、, （一）, 1., Article 5), a wider gap or a change
   of type size.

Where a paragraph runs on across a page break the join between the two pages is
``""`` (or ``" "`` between two English words), otherwise ``"\\n"``.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import median

from .normalize import normalize

__all__ = [
    "Line",
    "PageLines",
    "Cleaned",
    "clean_pages",
    "is_page_number",
    "is_heading",
    "recover_gbk",
    "close_cjk_spacing",
    "join_wrapped",
    "map_hkscs_pua",
]


@dataclass(slots=True)
class Line:
    """One printed line of a page and its box, in points from the top-left corner.

    Attributes:
        text: the line's text, as extracted.
        x0: left edge.
        x1: right edge.
        top: top edge (distance from the top of the page).
        bottom: bottom edge.
        size: type size (the glyph height when the size is unknown).
        segments: pieces of the line that stand apart (a wide gap between
            them), as ``(x0, x1, text)``; None when the line is one piece.
        table: a row of a ruled table, its cells joined by
            :data:`~policytext.ingest.text.CELL_SEPARATOR`: a line of its own,
            never run on to or from.
    """

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    segments: list[tuple[float, float, str]] | None = None
    table: bool = False


@dataclass
class PageLines:
    """The lines of one page, in reading order, and the page size in points."""

    lines: list[Line]
    width: float
    height: float


@dataclass
class Cleaned:
    """What :func:`clean_pages` returns.

    Attributes:
        pages: each page's clean text, one paragraph or heading per line.
        joins: what joins page ``i`` to page ``i + 1``: ``"\\n"`` between
            paragraphs, ``""`` or ``" "`` where a paragraph runs on.
        removed: per page, the header, footer and page-number text removed.
    """

    pages: list[str]
    joins: list[str]
    removed: list[list[str]] = field(default_factory=list)


# --- character classes -------------------------------------------------------------

_CJK_CHAR = r"\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_PUNCT = r"\u3000-\u3004\u3008-\u3020\u30fb\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2026\u00b7\u201c\u201d\u2018\u2019"
_SHARED_PUNCT = "\u201c\u201d\u2018\u2019\u2014\u2026\u00b7\"'.,;:!?)( "
_CJK_RE = re.compile(f"[{_CJK_CHAR}]")
_CJKP = f"{_CJK_CHAR}{_CJK_PUNCT}"
_ENDS_CJK = re.compile(f"[{_CJKP}]$")
_STARTS_CJK = re.compile(f"^[{_CJKP}]")
# CJK punctuation that may not start a line (kinsoku): a wrapped line can end
# one or two characters early so that these go down with the character before.
_NO_LINE_START = set("，。、；：？！）》」』】〕〉”’…—·%")
_SENTENCE_END = re.compile(r"[。！？!?.:：;；…”’\")）]$")
_LOWER_START = re.compile(r"[\(\"'‘“]?[a-z]")

# --- page numbers ----------------------------------------------------------------------

_D = r"\-\u2010-\u2015\u2212\uff0d~\uff5e\u4e00"  # hyphens, dashes, minus, tildes, 一 (as a dash)
_ROMAN = r"(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_PAGE_NUMBER = re.compile(
    "|".join(
        [
            rf"[{_D}]{{1,3}}\s*\d{{1,4}}\s*[{_D}]{{1,3}}",  # — 3 —, - 3 -, ~3~
            rf"[{_D}]{{1,3}}\s*{_ROMAN}\s*[{_D}]{{1,3}}",  # - iii -
            r"第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?",  # 第3页 共10页
            r"共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页",
            r"第\s*[一二三四五六七八九十百零〇]{1,4}\s*页",
            r"(?:page|pg\.?|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?",  # Page 3 of 10
            r"\d{1,4}\s*(?:/|of)\s*\d{1,4}",  # 3/10
            r"\d{1,4}",
            _ROMAN,
            r"[\[(（〔]\s*\d{1,4}\s*[\])）〕]",
            r"[·•]\s*\d{1,4}\s*[·•]",
        ]
    ),
    re.I,
)
_PAGE_NUMBER_FULL = re.compile(rf"^(?:{_PAGE_NUMBER.pattern})$", re.I)

# --- paragraph starts -------------------------------------------------------------------

_ZH_NUM = "一二三四五六七八九十百千零〇两"
_HEADING = re.compile(
    "|".join(
        [
            # not a reference that wrapped to the line start: 第十条、第十一条 / 第十条规定的
            rf"^第[{_ZH_NUM}\d]+[编章节条款部分](?![、，,的规定和或及至之中第（(])",
            rf"^[{_ZH_NUM}]+[、．.]",
            rf"^[（(][{_ZH_NUM}\d]+[)）]",
            r"^\d+[、．]",
            r"^\d{1,3}\.(?!\d)",  # 1. but not the year in "2022. In addition"
            r"^\d+(?:\.\d+)+\s+(?-i:(?=[A-Z\u4e00-\u9fff]))",  # 1.2 Scope, not 1.3 million
            r"^[①-⑳⑴-⒇⒈-⒛]",
            r"^(?:附件|附表|附录)\s*\d*[：:\s]",
            r"^(?:附件|附表|附录)\s*\d*$",
            r"^(?:article|chapter|section|part|annex|appendix|schedule)\s+[\dIVXLC]+\b",
            r"^(?-i:[IVXLC]{1,6})\.\s",
            r"^\([a-z]\)\s",
            r"^[•·▪■□◆◇●○►]\s*",
        ]
    ),
    re.I,
)


def is_page_number(text: str) -> bool:
    """Tell whether ``text`` reads as a page number (``— 3 —``, ``第3页 共10页``, ``iii``...)."""
    text = text.strip()
    return bool(text) and len(text) <= 24 and bool(_PAGE_NUMBER_FULL.match(text))


def is_heading(text: str) -> bool:
    """Tell whether ``text`` starts like a heading or a numbered item (第X条, 一、, （一）, 1., Article 5)."""
    return bool(_HEADING.match(text.lstrip()))


# --- text repairs -----------------------------------------------------------------------

_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_HI = f"\u0080-\u00ff{re.escape(_CP1252_HIGH)}"
_HI_RUN = re.compile(f"[{_HI}]+")
_HAS_HI = re.compile(f"[{_HI}]")
_LATIN1_LETTER = re.compile("[\u00a0-\u00ff]")
_GB_OK = re.compile(f"^[{_CJK_CHAR}{_CJK_PUNCT}\u3000\u2018-\u201d\u2026\u00b7\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u2160-\u216b\u2460-\u249b\u25a0-\u25ff]+$")


def _to_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        code = ord(ch)
        if code <= 0xFF:
            out.append(code)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def recover_gbk(text: str) -> str:
    """Decode GBK bytes that a font without a Unicode map showed as Latin-1.

    Chinese PDFs set in 宋体/仿宋_GB2312 sometimes declare a Western encoding
    while their codes are GBK bytes; extraction then yields ``Ä¿Â¼`` for
    ``目录``. Each run of Latin-1 (or Windows-1252) letters in ``text`` is
    decoded as GBK when every such run on the line decodes to Chinese
    characters or Chinese punctuation; anything else is left alone, so real
    French or German text is kept.

    Example:
        >>> recover_gbk("Ä¿Â¼")
        '目录'
    """
    if not _HAS_HI.search(text):
        return text
    runs = list(_HI_RUN.finditer(text))
    total = sum(len(m.group()) for m in runs)
    latin_letters = len(_ASCII_LETTER.findall(text))
    # A lone accented pair in a Latin line (créé) is not enough evidence.
    if total < 4 and latin_letters >= 3:
        return text
    # Curly quotes, dashes and ellipses alone ("“”", "……") are punctuation in
    # their own right: GBK text always brings letters from the Latin-1 range.
    runs = [m for m in runs if _LATIN1_LETTER.search(m.group())]
    if not runs:
        return text
    decoded: list[str] = []
    for m in runs:
        run = m.group()
        raw = _to_bytes(run)
        if raw is None or len(raw) % 2:
            return text
        try:
            chars = raw.decode("gbk")
        except UnicodeDecodeError:
            return text
        if not _GB_OK.match(chars):
            return text
        decoded.append(chars)
    out = []
    last = 0
    for m, chars in zip(runs, decoded):
        out.append(text[last : m.start()])
        out.append(chars)
        last = m.end()
    out.append(text[last:])
    return "".join(out)


_SPACED_PAIR = re.compile(f"(?<=[{_CJKP}]) (?=[{_CJKP}])")
_TIGHT_PAIR = re.compile(f"[{_CJKP}](?=[{_CJKP}])")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_LETTER_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_FIRST_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f'’.,%\-\u2013\u2014]+")
_SPACES = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")
_RUNS_OF_SPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f]+")
_TRAILING_PAGE_NUMBER = re.compile(
    rf"\s([{_D}]{{1,3}}\s*\d{{1,4}}\s*[{_D}]{{1,3}}|第\s*\d{{1,4}}\s*页(?:\s*共\s*\d{{1,4}}\s*页)?)$"
)


def close_cjk_spacing(text: str) -> str:
    """Remove the spaces between Chinese characters of a line spaced out glyph by glyph.

    OCR and some text layers put a space between every two Chinese
    characters (``关 于 红 军``). When most neighbouring Chinese characters on
    the line are separated that way, those spaces are removed; a line with a
    few deliberate spaces (``第一条 为了…``) is left alone.
    """
    if " " not in text:
        return text
    spaced = len(_SPACED_PAIR.findall(text))
    if spaced < 2:
        return text
    tight = len(_TIGHT_PAIR.findall(text))
    if spaced >= 0.6 * (spaced + tight):
        return _SPACED_PAIR.sub("", text)
    return text


def join_wrapped(left: str, right: str) -> str:
    """Return the separator that joins a wrapped line ``left`` to its continuation ``right``.

    ``""`` when either side is Chinese, or when ``left`` ends with a
    word-breaking hyphen (the caller drops it, see :func:`_dehyphenate`);
    otherwise ``" "``.
    """
    if not left or not right:
        return ""
    if _STARTS_CJK.match(left[-1]) and left[-1] not in _SHARED_PUNCT:
        return ""  # the usual case: a Chinese line wrapped
    # only the end of a paragraph matters (and "$" patterns scan all of it)
    left = left[-_TAIL:]
    # quotes, dashes and ellipses serve both scripts: look past them
    core_left = left.rstrip(_SHARED_PUNCT) or left
    core_right = right.lstrip(_SHARED_PUNCT) or right
    if _ENDS_CJK.search(core_left) or _STARTS_CJK.search(core_right):
        return ""
    if _LETTER_HYPHEN_END.search(left):
        n = _WORD_START.match(right)
        return " " if n and n.group(1) in _SUSPENDED else ""
    if left.endswith(("/", "\u2014")):
        return ""
    return " "


#: how much of the end of a paragraph the joining rules look at
_TAIL = 120
_HYPHEN_BREAK = re.compile(r"([A-Za-z]+)-$")
_COMPOUND = re.compile(r"[A-Za-z]+-[A-Za-z]+")
# "low- and medium-yield": a suspended hyphen before a conjunction stays
_SUSPENDED = frozenset({"and", "or", "nor", "to", "as", "but", "than", "versus"})
# "low- and medium-|income": the second half of a paired compound keeps its hyphen
_PAIRED_COMPOUND = re.compile(r"[A-Za-z]- (?:and|or|to|nor) [A-Za-z]+-$")
_WORD_START = re.compile(r"^([a-z]+)")


def _dehyphenate(left: str, right: str, hyphenated: set[str]) -> str:
    """Drop the hyphen of ``word-`` at a line end when the word goes on in lower case.

    The hyphen is kept when the hyphenated compound is written elsewhere in
    the document on one line (``well-known``).
    """
    if not left.endswith("-"):
        return left
    tail = left[-_TAIL:]
    m = _HYPHEN_BREAK.search(tail)
    n = _WORD_START.match(right)
    if not m or not n:
        return left
    compound = f"{m.group(1)}-{n.group(1)}".lower()
    if compound in hyphenated or n.group(1) in _SUSPENDED or _PAIRED_COMPOUND.search(tail):
        return left
    return left[:-1]


# Hong Kong fonts put HKSCS characters in the Private Use Area by the Big5 EUDC
# layout (rows of 157: trail bytes 0x40-0x7E, 0xA1-0xFE); the big5hkscs codec
# then gives the standard code point (U+E687 -> Big5 0x93C7 -> 𥕛 U+2555B).
_PUA_ROWS = ((0xE000, 0xE310, 0xFA), (0xE311, 0xEEB7, 0x8E), (0xEEB8, 0xF6B0, 0x81))
_PUA = re.compile("[\ue000-\uf848]")


def _pua_big5(cp: int) -> bytes | None:
    def code(lead: int, index: int) -> bytes:
        return bytes([lead, 0x40 + index if index < 63 else 0xA1 + index - 63])

    for start, end, lead in _PUA_ROWS:
        if start <= cp <= end:
            off = cp - start
            return code(lead + off // 157, off % 157)
    if 0xF6B1 <= cp <= 0xF848:  # C6A1-C6FE, then rows C7 and C8
        off = cp - 0xF6B1
        if off < 94:
            return bytes([0xC6, 0xA1 + off])
        off -= 94
        return code(0xC7 + off // 157, off % 157)
    return None


def map_hkscs_pua(text: str) -> str:
    """Replace Private Use Area characters by their HKSCS characters (Traditional Chinese only).

    Call it only on Traditional Chinese text: in a Simplified document the
    same code points are GBK user-defined characters.
    """

    def repl(m: re.Match[str]) -> str:
        raw = _pua_big5(ord(m.group()))
        if raw is None:
            return m.group()
        try:
            ch = raw.decode("big5hkscs")
        except UnicodeDecodeError:
            return m.group()
        return ch if len(ch) == 1 and not _PUA.match(ch) and _CJK_RE.match(ch) else m.group()

    return _PUA.sub(repl, text)


def _is_traditional(text: str) -> bool:
    """Whether ``text`` holds characters written only in Traditional Chinese (駿, 這...)."""
    count = 0
    for ch in set(_CJK_RE.findall(text)):
        try:
            ch.encode("gb2312")
            continue
        except UnicodeEncodeError:
            pass
        try:
            ch.encode("big5")
            count += 1
        except UnicodeEncodeError:
            pass
        if count >= 1:
            return True
    return False


def _map_private_use(pages: list[list[Line]]) -> None:
    text = "".join([line.text for lines in pages for line in lines])
    if not _PUA.search(text) or not _is_traditional(text):
        return
    for lines in pages:
        for line in lines:
            if _PUA.search(line.text):
                line.text = map_hkscs_pua(line.text)


# --- the cleaner -----------------------------------------------------------------------


_LINE_END_HYPHEN = re.compile("[\u00ad\ufffe\u2010\u2011][^\\S\n]*$", re.M)
_OTHER_BREAK = re.compile("[\r\u2028\u2029\x0b\x0c\x85]")


def _prepare(texts: list[str]) -> list[str]:
    """Repair and normalise the lines of a page (each step once for the whole page)."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        joined = "\n".join(t.replace("\n", " ") for t in texts)
    # GBK bytes first: normalising would drop the 0xAD and 0xA0 bytes among them
    # (recover_gbk changes only lines with a Latin-1 letter in them)
    if _HAS_HI.search(joined) and _LATIN1_LETTER.search(joined):
        joined = "\n".join(recover_gbk(t) for t in joined.split("\n"))
    # a break inside a line (normalize makes it "\n") would shift every line after it
    joined = _OTHER_BREAK.sub(" ", joined)
    # a soft hyphen (or pdfium's U+FFFE marker) that ends a line was printed as "-"
    joined = _LINE_END_HYPHEN.sub("-", joined)
    joined = _RUNS_OF_SPACE.sub(" ", normalize(joined))
    out = []
    for text in joined.split("\n"):
        text = text.strip()
        out.append(close_cjk_spacing(text) if " " in text else text)
    return out


def _char_width(ch: str, size: float) -> float:
    if _CJK_RE.match(ch) or ch in _NO_LINE_START or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
        return size
    return 0.5 * size


def _first_word_width(text: str, size: float) -> float:
    """Width the start of ``text`` needs: its first word, or first Chinese character (with its punctuation)."""
    if not text:
        return 0.0
    m = _FIRST_WORD.match(text)
    if m:
        return sum(_char_width(c, size) for c in m.group())
    width = _char_width(text[0], size)
    i = 1
    while i < len(text) and text[i] in _NO_LINE_START:
        width += _char_width(text[i], size)
        i += 1
    # kinsoku can also pull the last character of the previous line down
    if len(text) > 1 and text[1] in _NO_LINE_START:
        width += size
    return width


def _mode(values: list[float], default: float) -> float:
    if not values:
        return default
    counts = Counter(round(v) for v in values)
    best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    return float(best)


def _percentile(values: list[float], q: float, default: float) -> float:
    if not values:
        return default
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, int(math.ceil(q * len(ordered))) - 1))
    return ordered[k]


@dataclass
class _Geometry:
    left: float
    right: float


def _furniture_key(text: str) -> str:
    return _SPACES.sub("", _DIGITS.sub("#", text)).lower()


def _edge_lines(lines: list[Line], height: float, k: int, band: float) -> tuple[list[int], list[int]]:
    """Indices of the top-most and bottom-most ``k`` lines inside the edge bands of the page."""
    keys = [(line.top, line.x0) for line in lines]
    order = sorted(range(len(lines)), key=keys.__getitem__)
    top = [i for i in order[:k] if lines[i].bottom <= height * band or height <= 0]
    bottom = [i for i in reversed(order[-k:]) if lines[i].top >= height * (1 - band) or height <= 0]
    return top, bottom


def _strip_page_number(line: Line) -> Line | None:
    """Remove page-number text from an edge line; None when nothing is left."""
    if is_page_number(line.text):
        return None
    segs = line.segments
    if segs and len(segs) > 1:
        # a page number beside header text, at either end ("zen.txt    Page 1/1");
        # a row of bare numbers ("2021  3  31") is content
        numeric = [is_page_number(seg[2]) for seg in segs]
        if not all(numeric):
            for end in (-1, 0):
                if numeric[end] and sum(numeric) == 1:
                    kept = segs[:-1] if end == -1 else segs[1:]
                    return Line(" ".join(s[2] for s in kept), kept[0][0], kept[-1][1], line.top, line.bottom,
                                line.size, kept)
    # "中华人民共和国教师法 — 2 —" where the gap was too narrow to split
    m = _TRAILING_PAGE_NUMBER.search(line.text)
    if m and len(line.text) - len(m.group()) >= 2:
        text = line.text[: m.start()].rstrip()
        return Line(text, line.x0, line.x1, line.top, line.bottom, line.size, None)
    return line


def _remove_furniture(pages: list[list[Line]], sizes: list[tuple[float, float]]) -> list[list[str]]:
    """Remove page numbers and running headers/footers in place; return what was removed per page."""
    removed: list[list[str]] = [[] for _ in pages]
    # 1. page numbers at the top or foot of each page (also on a one-page document)
    for p, lines in enumerate(pages):
        if not lines:
            continue
        height = sizes[p][1]
        top, bottom = _edge_lines(lines, height, 2, 0.25)
        drop: dict[int, Line | None] = {}
        for i in top + bottom:
            new = _strip_page_number(lines[i])
            if new is not lines[i]:
                drop[i] = new
        if drop:
            out = []
            for i, line in enumerate(lines):
                if i in drop:
                    new = drop[i]
                    removed[p].append(line.text if new is None else line.text[len(new.text):].strip())
                    if new is not None and new.text:
                        out.append(new)
                else:
                    out.append(line)
            pages[p] = out
    # 2. running headers and footers: the same text (digits aside) at the same
    #    edge position on a good share of the pages
    used = [p for p, lines in enumerate(pages) if lines]
    if len(used) < 2:
        return removed
    need = max(2, math.ceil(0.4 * len(used)))
    # groups of edge lines with the same text at the same height; near-equal
    # texts (OCR noise) are merged afterwards
    groups: dict[tuple[str, str], list[tuple[int, int, float]]] = {}
    outermost: set[tuple[int, int]] = set()
    for p in used:
        lines = pages[p]
        height = sizes[p][1]
        top, bottom = _edge_lines(lines, height, 3, 0.3)
        for zone, idx in (("top", top), ("bottom", bottom)):
            for rank, i in enumerate(idx):
                key = _furniture_key(lines[i].text)
                if key and not is_heading(lines[i].text):
                    groups.setdefault((zone, key), []).append((p, i, lines[i].top))
                    if rank == 0:
                        outermost.add((p, i))
    merged = _merge_near_keys(groups, need, outermost)
    drop_idx: dict[int, set[int]] = defaultdict(set)
    for hits in merged:
        pages_hit = {p for p, _, _ in hits}
        if len(pages_hit) < need:
            continue
        mid = median(t for _, _, t in hits)
        near = [(p, i) for p, i, t in hits if abs(t - mid) <= 12]
        if len({p for p, _ in near}) < need:
            continue
        for p, i in near:
            drop_idx[p].add(i)
    for p, idx in drop_idx.items():
        removed[p].extend(pages[p][i].text for i in sorted(idx))
        pages[p] = [line for i, line in enumerate(pages[p]) if i not in idx]
    return removed


def _merge_near_keys(
    groups: dict[tuple[str, str], list[tuple[int, int, float]]], need: int, outermost: set[tuple[int, int]]
) -> list[list[tuple[int, int, float]]]:
    """Join groups of outermost lines whose keys differ by a little (OCR noise) at about the same height."""
    items = list(groups.items())
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    small = [
        k for k, (key, hits) in enumerate(items)
        if len(key[1]) >= 6 and len({h[0] for h in hits}) < need and all((h[0], h[1]) in outermost for h in hits)
    ]
    if len(small) > 1:
        from rapidfuzz import fuzz, process

        keys = [items[k][0][1] for k in small]
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=85)
        for a in range(len(small)):
            for b in range(a + 1, len(small)):
                if scores[a][b]:
                    (za, _), ha = items[small[a]]
                    (zb, _), hb = items[small[b]]
                    if za == zb and abs(median(h[2] for h in ha) - median(h[2] for h in hb)) <= 12:
                        parent[find(small[a])] = find(small[b])
    out: dict[int, list[tuple[int, int, float]]] = defaultdict(list)
    for k, (_, hits) in enumerate(items):
        out[find(k)].extend(hits)
    return list(out.values())


def clean_pages(pages: Sequence[PageLines]) -> Cleaned:
    """Clean positioned lines into page texts and page joins.

    Args:
        pages: each page's lines in reading order, with the page size.

    Returns:
        A :class:`Cleaned` with one text per page (paragraphs and headings on
        their own lines) and the joins between pages.

    Example:
        >>> page = PageLines([Line("第一条 为了保障教师的合法权益，", 106, 522, 100, 116, 16),
        ...                   Line("制定本法。", 74, 154, 129, 145, 16),
        ...                   Line("第二条 本法适用于教师。", 106, 298, 158, 174, 16),
        ...                   Line("第三条 教师是专业人员。", 106, 298, 187, 203, 16),
        ...                   Line("— 1 —", 450, 500, 780, 794, 14)], 595, 842)
        >>> print(clean_pages([page]).pages[0])
        第一条 为了保障教师的合法权益，制定本法。
        第二条 本法适用于教师。
        第三条 教师是专业人员。
    """
    work: list[list[Line]] = []
    sizes = [(pg.width, pg.height) for pg in pages]
    for pg in pages:
        lines = []
        texts = _prepare([line.text for line in pg.lines])
        for line, text in zip(pg.lines, texts):
            if not text:
                continue
            segments = None
            if line.segments and len(line.segments) > 1:
                seg_texts = _prepare([t for _, _, t in line.segments])
                segments = [(a, b, t) for (a, b, _), t in zip(line.segments, seg_texts) if t]
            lines.append(Line(text, line.x0, line.x1, line.top, line.bottom, line.size or 10.0, segments, line.table))
        work.append(lines)
    _map_private_use(work)
    removed = _remove_furniture(work, sizes)
    texts, joins = _assemble(work)
    return Cleaned(pages=texts, joins=joins, removed=removed)


def _assemble(pages: list[list[Line]]) -> tuple[list[str], list[str]]:
    """Join wrapped lines into paragraphs; return the page texts and the joins between pages."""
    all_lines = [line for lines in pages for line in lines]
    n_pages = len(pages)
    if not all_lines:
        return [""] * n_pages, ["\n"] * max(n_pages - 1, 0)
    # the body type size: the size that carries most of the text
    by_size: dict[float, int] = {}
    for line in all_lines:
        by_size[line.size] = by_size.get(line.size, 0) + len(line.text)
    weight: Counter[float] = Counter()
    for size, n in by_size.items():  # in order of first use, as ties go to the first
        weight[round(size * 2) / 2] += n
    body_size = weight.most_common(1)[0][0] or 10.0
    body_tol = 0.15 * body_size
    body = [ln for ln in all_lines if abs(ln.size - body_size) <= body_tol] or all_lines
    doc_left = _mode([ln.x0 for ln in body], min(ln.x0 for ln in body))
    # Lines that end in punctuation may hang into the margin; the column's edge
    # is where lines ending in a character or letter stop.
    plain_ends = [ln.x1 for ln in body if ln.text[-1:].isalnum()] or [ln.x1 for ln in body]
    doc_right = _percentile(plain_ends, 0.95, max(ln.x1 for ln in body))
    pitches = []
    pitch_low, pitch_high = 0.8 * body_size, 3.0 * body_size
    for lines in pages:
        a_body = False
        a_top = 0.0
        for b in lines:
            b_body = abs(b.size - body_size) <= body_tol
            if a_body and b_body:
                d = b.top - a_top
                if pitch_low <= d <= pitch_high:
                    pitches.append(d)
            a_body, a_top = b_body, b.top
    pitch = median(pitches) if pitches else 1.5 * body_size
    # the usual first-line indent, to tell a page of indented lines from a shifted page
    offsets = [round(ln.x0 - doc_left) for ln in body if 0.5 * body_size < ln.x0 - doc_left < 4.5 * body_size]
    indent = Counter(offsets).most_common(1)[0][0] if offsets else 2 * body_size
    geo: list[_Geometry] = []
    for lines in pages:
        pb = [ln for ln in lines if abs(ln.size - body_size) <= body_tol]
        left, right = doc_left, doc_right
        if len(pb) >= 5:
            # odd and even pages may sit differently on the sheet (a gutter)
            shared = [x for x, n in Counter(round(ln.x0) for ln in pb).items() if n >= 2]
            page_left = float(min(shared)) if shared else doc_left
            shift = page_left - doc_left
            if abs(shift) >= 0.5 * body_size and abs(shift - indent) > 0.3 * body_size:
                left = page_left
                right = doc_right + shift
        geo.append(_Geometry(left, right))
    full_bottom = _full_page_bottom(pages, body_size, pitch)
    hyphenated = _hyphenated_words(all_lines)
    # With a handful of lines there is no margin to measure: keep each line.
    too_few = len(body) < 4

    # the join rules below; constants computed once (this runs once per line of the document)
    half_body, quarter_body, short_room = 0.5 * body_size, 0.25 * body_size, 0.75 * body_size
    title_min, centre_tol = 1.15 * body_size, 1.5 * body_size
    gap_max = pitch + max(0.3 * body_size, 0.15 * pitch)

    def balanced(line: Line, g: _Geometry) -> bool:
        """About as far from both margins."""
        return abs((line.x0 - g.left) - (g.right - line.x1)) < centre_tol

    def centered(line: Line, g: _Geometry) -> bool:
        return line.x0 > g.left + body_size and balanced(line, g)

    def short(prev: Line, g: _Geometry, nxt: Line) -> bool:
        """Whether the start of ``nxt`` would have fitted at the end of ``prev``."""
        room = g.right - prev.x1
        return room > short_room and room > max(_first_word_width(nxt.text, nxt.size), half_body) + quarter_body

    def indented(line: Line, g: _Geometry) -> bool:
        return line.x0 > g.left + 0.8 * min(line.size, body_size) * (0.5 if not _CJK_RE.search(line.text[:3]) else 1.0)

    def continues(prev: Line, pg_prev: int, line: Line, pg: int, prev_started: bool) -> bool:
        same_page = pg_prev == pg
        if pg - pg_prev > 1 or too_few or prev.table or line.table:
            return False  # (a table's row stands alone)
        big = max(prev.size, line.size)
        if abs(prev.size - line.size) > 0.15 * big:
            return False
        g, gp = geo[pg], geo[pg_prev]
        line_centered = centered(line, g)
        if prev.size >= title_min and same_page and balanced(prev, gp) and line_centered:
            # a title set over two or three centred lines
            return line.top - prev.bottom < 0.9 * line.size and not _SENTENCE_END.search(prev.text)
        if _HEADING.match(line.text):  # is_heading(), on a line already stripped
            return False
        if short(prev, gp, line):
            return False
        if line_centered and not centered(prev, gp):
            return False
        if same_page:
            if line.top - prev.top > gap_max:
                return False
            if indented(line, g):
                # a hanging indent: the wrapped lines of an item align under its text
                return not prev_started and abs(line.x0 - prev.x0) < 0.3 * line.size
            return True
        # Across a page break: a line that reaches the margin goes on, unless the
        # next page starts with an indent or a heading. A sentence may well end
        # with the line; a paragraph seldom fills its last line exactly.
        if indented(line, g):
            return False
        # But where paragraphs are set apart by space rather than an indent, a
        # page that stops a good part of a line short of where full pages end
        # had no room for the next paragraph: one ended with the sentence.
        if (full_bottom is not None and full_bottom - prev.bottom > 0.25 * pitch
                and _SENTENCE_END.search(prev.text) and not _LOWER_START.match(line.text)):
            return False
        return True

    texts: list[list[str]] = [[] for _ in range(n_pages)]
    joins = ["\n"] * max(n_pages - 1, 0)
    prev: Line | None = None
    prev_page = -1
    prev_started = True
    for p, lines in enumerate(pages):
        page_texts = texts[p]
        for line in lines:
            if prev is not None and continues(prev, prev_page, line, p, prev_started):
                out = texts[prev_page]
                left = _dehyphenate(out[-1], line.text, hyphenated)
                if left != out[-1]:
                    out[-1], sep = left, ""
                else:
                    sep = join_wrapped(left, line.text)
                if prev_page == p:
                    out[-1] = out[-1] + sep + line.text
                else:
                    joins[p - 1] = sep
                    page_texts.append(line.text)
                prev_started = False
            else:
                page_texts.append(line.text)
                prev_started = True
            prev, prev_page = line, p
    return ["\n".join(t) for t in texts], joins


def _full_page_bottom(pages: list[list[Line]], body_size: float, pitch: float) -> float | None:
    """Where the body text ends on a full page: the lowest line bottom that two pages reach (None if unknown)."""
    bottoms = sorted(
        (max(ln.bottom for ln in body) for body in (
            [ln for ln in lines if abs(ln.size - body_size) <= 0.15 * body_size] for lines in pages[:-1]) if body),
        reverse=True,
    )
    for a, b in zip(bottoms, bottoms[1:]):
        if a - b <= 0.25 * pitch:
            return a
    return None


def _hyphenated_words(lines: list[Line]) -> set[str]:
    """Hyphenated compounds written inside a line (``well-known``), to keep across line ends."""
    found: set[str] = set()
    for line in lines:
        if "-" in line.text:
            for m in _COMPOUND.finditer(line.text):
                found.add(m.group().lower())
    return found
