"""Plain text and Markdown: bytes in an unknown encoding -> clean lines.

The encoding is found in this order: a byte-order mark; UTF-8 when the bytes
decode cleanly (or with a handful of stray bytes, which are replaced and
reported); otherwise charset-normalizer's guess, with the GB2312/GBK family
read as GB18030 (its superset, so no character of a simplified-Chinese file is
lost). Bytes that fit no encoding raise :class:`UnreadableDocumentError`.

Markdown loses its markup (heading marks, emphasis, links, table rules) and the
header block that LawRefBook puts before ``<!-- INFO END -->`` (the title is
kept; the adoption and amendment lines go to the metadata). Plain text that was
hard-wrapped at a fixed width is re-joined, conservatively: only lines that
fill the wrap width and are followed by a line that does not open a new
paragraph or clause. Chinese text exported from a PDF by another tool may wrap
at several widths (body, boxes, appendices); each is found as a sharp peak of
line widths (:func:`_wrap_peaks`).

The small helpers :func:`tidy_lines` and :func:`decode_bytes` are shared with
the HTML and DOCX readers.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import UnreadableDocumentError
from . import Extracted
from .normalize import normalize

__all__ = ["extract", "decode_bytes", "tidy_lines", "rejoin_wrapped", "strip_markdown", "CELL_SEPARATOR"]

#: What joins the cells of a table row on its line (HTML, DOCX, Markdown tables).
CELL_SEPARATOR = " | "

#: Share of stray bytes under which a file is still read as UTF-8 (the rest
#: replaced by U+FFFD and reported), rather than guessed as another encoding.
_UTF8_STRAY_SHARE = 0.001

_GB_FAMILY = {"gb2312", "gbk", "gb18030", "cp936", "hz", "hz_gb_2312", "euc_cn", "ms936", "iso2022_cn"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels that open a clause, an item or a heading: a line starting with one is
# never the tail of the line before it.
STRUCTURE_LABEL = re.compile(
    r"^\s*(?:"
    r"第[一二三四五六七八九十百千零〇\d]+[编章节条款项部分]"
    r"|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]+[）)]"
    r"|\d+(?:[.．]\d+)*[、.．](?!\d)"
    r"|[①-⑳⑴-⒇]"
    r"|附件|附表|附录"
    r"|(?:Article|Chapter|Section|Part)\s+[\dIVXLC]+"
    r"|[-•●○■□◆◇▪]\s"
    r")"
)

# Characters that never begin a line of Chinese text (closing punctuation):
# a line that starts with one continues the line before it.
_NO_LINE_START = "，。、；：？！）》」』】〕〉”’%,.;:?!)]}"

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")


def _is_wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _is_cjk(ch: str) -> bool:
    return _is_wide(ch) or "\u3400" <= ch <= "\u9fff"


def display_width(text: str) -> int:
    """Return the width of ``text`` in columns (wide characters count two)."""
    return sum(2 if _is_wide(ch) else 1 for ch in text)


def tidy_lines(lines: Iterable[str]) -> str:
    """Normalise each line, squeeze its spaces, and drop the blank ones.

    Args:
        lines: raw lines (each may still hold line breaks).

    Returns:
        One paragraph per line, joined with ``\\n``, with no blank lines and no
        leading or trailing spaces.
    """
    out: list[str] = []
    for line in lines:
        for part in normalize(line).split("\n"):
            part = _SPACES.sub(" ", part).strip()
            if part:
                out.append(part)
    return "\n".join(out)


def decode_bytes(data: bytes, *, path: str | Path, declared: str | None = None) -> tuple[str, str, list[str]]:
    """Decode a text file's bytes, finding the encoding.

    Args:
        data: the raw bytes.
        path: the file, named in errors.
        declared: an encoding the file declares (an HTML ``<meta charset>``);
            tried right after a byte-order mark.

    Returns:
        ``(text, encoding, warnings)``.

    Raises:
        UnreadableDocumentError: the bytes fit no encoding.
    """
    warnings: list[str] = []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, warnings
            except UnicodeDecodeError as exc:
                raise UnreadableDocumentError(
                    path, f"starts with a {encoding} byte-order mark but is not {encoding}: {_where(exc)}"
                ) from exc
    if declared:
        encoding = _canonical(declared)
        if encoding:
            try:
                return data.decode(encoding), encoding, warnings
            except UnicodeDecodeError:
                warnings.append(f"declared encoding {declared!r} does not fit the bytes; guessed instead")
    try:
        return data.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError as exc:
        utf8_error = exc
    lenient = data.decode("utf-8", errors="replace")
    stray = lenient.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if stray <= max(1, int(len(data) * _UTF8_STRAY_SHARE)):
        warnings.append(
            f"{stray} byte(s) that are not UTF-8 were replaced by U+FFFD (first {_where(utf8_error)})"
        )
        return lenient, "utf-8", warnings
    if _looks_binary(data):
        raise UnreadableDocumentError(
            path, "holds binary data, not text (NUL and control bytes); is it a text file?"
        )
    chinese = _decode_chinese(data)
    if chinese is not None:
        return chinese[0], chinese[1], warnings
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise UnreadableDocumentError(
            path,
            f"cannot decode the text: it is not UTF-8 ({_where(utf8_error)}), and neither GB18030 nor Big5 "
            "nor another known encoding fits; save it as UTF-8",
        )
    encoding = _canonical(best.encoding) or best.encoding
    try:
        return data.decode(encoding), encoding, warnings
    except UnicodeDecodeError as exc:
        raise UnreadableDocumentError(
            path, f"cannot decode the text as {encoding} (the best guess): {_where(exc)}; save it as UTF-8"
        ) from exc


# Characters that a wrong Chinese decoding produces and real Chinese text hardly
# holds: kana, bopomofo, Greek, Cyrillic, box drawing, Hangul, private use and
# the rare CJK Extension A. Big5 read as GB18030 is full of them (い地チ瓣舅),
# GB18030 read as Big5 less so, which is why GB18030 wins a tie.
_IMPLAUSIBLE = re.compile(
    "[\u3040-\u30ff\u3100-\u312f\u31a0-\u31bf\u0370-\u03ff\u0400-\u04ff\u2500-\u257f"
    "\ue000-\uf8ff\u3400-\u4dbf\uac00-\ud7af\u1100-\u11ff\u3130-\u318f\uff61-\uff9f]"
)
_HAN = re.compile("[\u4e00-\u9fff\U00020000-\U0002ffff]")


def _decode_chinese(data: bytes) -> tuple[str, str] | None:
    """Decode as GB18030 or Big5 when one of them gives plausible Chinese."""
    best: tuple[float, int, str, str] | None = None
    for rank, encoding in enumerate(("gb18030", "big5hkscs")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = sum(1 for ch in text if ord(ch) > 127)
        letters = sum(1 for ch in text if not ch.isspace())
        if not wide or len(_HAN.findall(text)) < 0.1 * letters:
            continue
        share = len(_IMPLAUSIBLE.findall(text)) / wide
        if share <= 0.05 and (best is None or (share, rank) < best[:2]):
            best = (share, rank, text, encoding)
    return (best[2], best[3]) if best else None


def _canonical(name: str) -> str | None:
    try:
        encoding = codecs.lookup(name.strip().strip("'\"")).name
    except LookupError:
        return None
    if encoding in _GB_FAMILY:
        return "gb18030"
    if encoding == "big5":
        return "big5hkscs"  # a superset of Big5 with the Hong Kong characters
    return encoding


def _where(exc: UnicodeDecodeError) -> str:
    bad = exc.object[exc.start : exc.start + 2]
    return f"byte {bad.hex(' ')} at offset {exc.start}"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > len(sample) * 0.05


# --- Markdown ---------------------------------------------------------------

_INFO_END = "<!-- INFO END -->"
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_BULLET = re.compile(r"^\s*[-*+]\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_FENCE = re.compile(r"^\s*(```|~~~)")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_INLINE = [
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>]+)>"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*"), r"\1"),
    (re.compile(r"__(?=\S)(.+?)(?<=\S)__"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
    (re.compile(r"(?<![*\\])\*(?=\S)(.+?)(?<=\S)\*(?!\*)"), r"\1"),
    (re.compile(r"(?<![_\w])_(?=\S)(.+?)(?<=\S)_(?![_\w])"), r"\1"),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(r"</?[A-Za-z][^<>]*>"), ""),
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])"), r"\1"),
]
_SENTENCE_END = tuple("。！？；：!?;:")


def _inline(text: str) -> str:
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    return text


def strip_markdown(text: str) -> tuple[list[str], str | None]:
    """Turn Markdown into plain paragraphs.

    Args:
        text: the Markdown source, already decoded.

    Returns:
        ``(lines, header)``: one paragraph per item of ``lines``; ``header`` is
        the text of a LawRefBook header block (title and history lines, marks
        removed), or None when there is none.
    """
    header: str | None = None
    if _INFO_END in text:
        head, body = text.split(_INFO_END, 1)
        raw_head = [ln for ln in _COMMENT.sub("", head).splitlines() if ln.strip()]
        header = "\n".join(_inline(_HEADING.sub(r"\1", ln).strip()) for ln in raw_head)
        # the headings (title, and a part's name such as 合同编) stay in the text
        titles = [m.group(1) for m in map(_HEADING.match, raw_head) if m] or raw_head[:1]
        text = "\n\n".join([_inline(t.strip()) for t in titles] + [body])
    text = _COMMENT.sub("", text)

    paragraphs: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(_join_soft(current))
            current.clear()

    in_fence = False
    skip_underline = False
    raw_lines = text.split("\n")
    for i, raw in enumerate(raw_lines):
        if skip_underline:
            skip_underline = False
            continue
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            paragraphs.append(raw)
            continue
        if not raw.strip() or _RULE.match(raw):
            flush()
            continue
        nxt = raw_lines[i + 1] if i + 1 < len(raw_lines) else ""
        if _SETEXT.match(nxt) and not _TABLE_ROW.match(raw):
            flush()
            paragraphs.append(_inline(raw.strip()))
            skip_underline = True
            continue
        heading = _HEADING.match(raw)
        if heading:
            flush()
            paragraphs.append(_inline(heading.group(1)))
            continue
        if _TABLE_ROW.match(raw):
            flush()
            if not _TABLE_RULE.match(raw):
                cells = [_inline(c.strip()) for c in raw.strip().strip("|").split("|")]
                paragraphs.append(CELL_SEPARATOR.join(cells))
            continue
        line = _QUOTE.sub("", raw)
        bullet = _BULLET.match(line)
        if bullet:
            flush()
            line = line[bullet.end() :]
        hard_break = raw.endswith("  ") or raw.rstrip().endswith("\\")
        line = _inline(line.rstrip().rstrip("\\")).strip()
        if current and (STRUCTURE_LABEL.match(line) or current[-1].endswith(_SENTENCE_END)):
            flush()
        current.extend(line.split("\n"))
        if hard_break:
            flush()
    flush()
    return paragraphs, header


def _join_soft(lines: list[str]) -> str:
    out = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        if out and (_is_cjk(out[-1]) or _is_cjk(line[0])):
            out += line
        else:
            out += " " + line
    return out


# --- hard-wrapped plain text ------------------------------------------------


def _wrap_width(widths: list[int]) -> int | None:
    n = len(widths)
    if n < 5:
        return None
    for width in sorted(set(widths), reverse=True):
        if sum(1 for w in widths if w > width) > 0.03 * n:
            break
        # Latin text wraps at word boundaries, so its full lines spread wider
        near = sum(1 for w in widths if width - max(3, width // 6) <= w <= width)
        if 16 <= width <= 200 and near >= max(5, 0.25 * n):
            return width
    return None


def _wrap_slack(width: int) -> int:
    """How far short of a wrap width a full line may stop (digits and Latin letters take half a column)."""
    return max(4, width // 8)


def _wrap_peaks(lines: list[str], widths: list[int]) -> list[int]:
    """Wrap widths seen as sharp peaks of line width (Chinese text only).

    A text extracted from a PDF by another tool keeps the PDF's lines: the body
    wraps at one width and its boxes (专栏) or appendices at another, and a few
    lines run a character or two past either. A width is a wrap width when:

    - at least 5% of the lines (and 5 or more) stop at it or a column or two
      short of it, three times as many as at any width of paragraphs' last
      lines below it (other wrap widths aside);
    - most of those lines stop inside a phrase (lines that each hold a phrase
      or a sentence, as an aligned translation does, end on punctuation);
    - most of them stand next to another full line (a paragraph's lines come
      in runs; headings of one length do not).
    """
    n = len(widths)
    counts = Counter(widths)
    band = {w: sum(counts.get(v, 0) for v in (w - 2, w - 1, w)) for w in counts}
    peaks: list[int] = []

    def near_peak(w: int) -> bool:
        return any(p - _wrap_slack(p) <= w <= p + 2 for p in peaks)

    for width in sorted(band, key=lambda w: (-band[w], -w)):
        count = band[width]
        if count < max(5, 0.05 * n):
            break
        if not 24 <= width <= 200 or any(abs(width - p) <= _wrap_slack(p) for p in peaks):
            continue
        below = [band.get(w, 0) for w in range(width // 2, width - _wrap_slack(width)) if not near_peak(w)]
        if not below or count < 3 * max(below):
            continue
        at = [i for i, w in enumerate(widths) if width - 2 <= w <= width]
        if sum(1 for i in at if lines[i].rstrip()[-1] in _PHRASE_END) > 0.4 * len(at):
            continue
        full = [width - _wrap_slack(width) <= w <= width + 2 for w in widths]
        in_runs = sum(1 for i in at if (i > 0 and full[i - 1]) or (i + 1 < n and full[i + 1]))
        if in_runs >= 0.5 * len(at):
            peaks.append(width)
    return peaks


#: Punctuation that ends a phrase or a sentence.
_PHRASE_END = "，。、；：？！,.;:?!”’）)》"


def rejoin_wrapped(lines: list[str]) -> list[str]:
    """Re-join lines broken by a fixed-width wrap, and lines broken before punctuation.

    A line is joined to the next only when (a) the next line starts with
    punctuation that never begins a Chinese line (``，。、）`` ...), or (b) the
    text is wrapped at a fixed width (in Chinese text, at one of several), this
    line fills it (the next word would not have fitted), it does not end a
    sentence, and the next line neither is indented nor opens a clause
    (``第X条``, ``一、``, ``（一）`` ...). Blank lines always end a paragraph.

    Args:
        lines: the lines of a plain-text file (blank lines included).

    Returns:
        The lines after joining.
    """
    body = [ln.rstrip() for ln in lines]
    nonblank = [ln for ln in body if ln.strip()]
    indent = _common_indent(nonblank)
    widths = [display_width(ln[indent:]) for ln in nonblank]
    width = _wrap_width(widths)
    # Chinese lines a PDF broke at one or more widths: a line fills a peak it stops at (give or take the
    # half-width digits and Latin letters that shorten it, or a punctuation mark that runs past it)
    cjk = sum(1 for ln in nonblank if ln.strip() and _is_cjk(ln.strip()[0])) > 0.5 * len(nonblank)
    full = [(p - _wrap_slack(p), p + 2) for p in _wrap_peaks(nonblank, widths)] if cjk else []
    if width is not None:
        full.append((width - 3, 10**9))
    out: list[str] = []
    previous = ""  # the last physical line, as the wrap left it
    for line in body:
        text = line[indent:] if len(line) >= indent else line.lstrip()
        if not text.strip():
            out.append("")
            previous = ""
            continue
        if out and previous and _continues(previous, text, width, full, cjk=cjk):
            out[-1] = _join_wrapped(out[-1], text.strip(), cjk=cjk)
        else:
            out.append(text)
        previous = text
    return out


def _common_indent(lines: list[str]) -> int:
    if not lines:
        return 0
    indents = [len(ln) - len(ln.lstrip()) for ln in lines]
    return min(indents)


def _continues(prev: str, line: str, width: int | None, full: list[tuple[int, int]], *, cjk: bool = False) -> bool:
    stripped = line.lstrip()
    if stripped[0] in _NO_LINE_START:
        return True
    if not full or stripped != line or STRUCTURE_LABEL.match(stripped):
        return False
    prev_width = display_width(prev)
    first = stripped[0]
    if cjk or _is_cjk(first):  # (in Chinese text, a line may go on with 000门 or GB/T)
        fills = any(lo <= prev_width <= hi for lo, hi in full)
    else:
        word = stripped.split()[0]
        fills = width is not None and prev_width + 1 + display_width(word) > width
    if not fills:
        return False
    # A full line that ends a sentence may end its paragraph too; without an
    # indent to tell, keep the break.
    return not prev.rstrip().endswith(("。", "！", "？", "!", "?"))


def _join_wrapped(prev: str, line: str, *, cjk: bool = False) -> str:
    prev = prev.rstrip()
    if not prev:
        return line
    if _is_cjk(prev[-1]) or _is_cjk(line[0]) or line[0] in _NO_LINE_START or prev.endswith("-"):
        return prev + line
    if cjk and (prev[-1].isdigit() or line[0].isdigit()):
        return prev + line  # 遴选1 | 000门, GB/T4 | 1255: a Chinese page breaks a number where it runs out of room
    return prev + " " + line


# --- the extractor ----------------------------------------------------------


def extract(path: Path, data: bytes, **options: Any) -> Extracted:
    """Read a TXT or Markdown file.

    Args:
        path: the file (its suffix says Markdown: ``.md``, ``.markdown``).
        data: the file's bytes.
        **options: ``markdown=True/False`` forces the dialect.

    Returns:
        One page per form-feed-separated part (usually one), one paragraph per
        line; for Markdown with a LawRefBook header, the header's metadata
        (adoption and amendment dates, issuer) in ``metadata``.

    Raises:
        UnreadableDocumentError: the bytes fit no text encoding.
    """
    text, _encoding, warnings = decode_bytes(data, path=path)
    markdown = options.get("markdown")
    if markdown is None:
        markdown = Path(path).suffix.lower() in (".md", ".markdown") or _INFO_END in text[:20000]
    metadata: dict[str, Any] = {}
    if markdown:
        paragraphs, header = strip_markdown(normalize(text))
        if header:
            from .metadata import read_metadata

            # the header block is stripped from the text, so what it says is kept here
            metadata.update(read_metadata(header))
        return Extracted(pages=[tidy_lines(paragraphs)], warnings=warnings, metadata=metadata)
    pages = [tidy_lines(rejoin_wrapped(normalize(part).split("\n"))) for part in text.split("\f")]
    if len(pages) > 1 and not pages[-1]:
        pages.pop()
    return Extracted(pages=pages or [""], warnings=warnings, metadata=metadata)
