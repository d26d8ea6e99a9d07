"""Typeset plain text as a multi-page PDF in Chinese official-document layout.

The layout follows GB/T 9704-2012 (党政机关公文格式) closely enough to exercise a
PDF reader the way real 红头文件 do: a red 发文机关标志 line, the 文号
(教职成厅函〔2023〕15号), a red rule, the title, the body in 16 pt (三号) with a
two-character first-line indent, and page numbers such as ``— 3 —`` placed
below the body block, on the outer side of the page. On top of the standard
layout a running header (the issuer or the title) and a running footer can be
drawn on every page, so that readers can be tested on removing them. An
English layout (Times, block paragraphs, hyphenated words) is available too.

Library use::

    from officialpdf import build_pdf
    built = build_pdf("out.pdf", title="关于……的通知", body_lines=lines,
                      doc_number="教职成厅函〔2023〕15号", issuer="教育部办公厅",
                      header="教育部办公厅", page_style="dash")
    built.pages, built.text   # page count; the text an ideal reader returns

Command line::

    python scripts/officialpdf.py IN.txt OUT.pdf --issuer 教育部办公厅 \\
        --doc-number 教职成厅函〔2023〕15号 --header 教育部办公厅 --page-style zh

``IN`` may be plain text (first non-empty line is the title, each further
non-empty line a paragraph) or Markdown; a metadata block that ends with
``<!-- INFO END -->`` is skipped (its ``# `` line gives the title) and ``#``
heading marks become centred headings. Output is deterministic: the same input
gives the same bytes (reportlab ``invariant=1``).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, HRFlowable, PageTemplate, Paragraph, Spacer

__all__ = ["BuiltPdf", "BuiltDocx", "PAGE_STYLES", "build_pdf", "build_docx", "build_scanned_pdf", "convert_with_libreoffice",
           "cjk_font", "latin_fonts", "noto_truetype", "load_text", "page_label", "main"]

#: Page-number styles: name -> format (``{n}`` the page, ``{total}`` the count, ``{roman}`` n in roman).
PAGE_STYLES: dict[str, str] = {
    "dash": "\u2014 {n} \u2014",  # — 3 —  (GB/T 9704: 4号半角宋体阿拉伯数字, 一字线 on both sides)
    "hyphen": "- {n} -",
    "zh": "第{n}页 共{total}页",
    "plain": "{n}",
    "page-of": "Page {n} of {total}",
    "roman": "{roman}",
    "none": "",
}

#: TrueType CJK fonts reportlab can embed as they are, tried in order.
CJK_TTF_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/noto/NotoSerifSC-Regular.ttf", 0),
    ("/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/truetype/arphic/uming.ttc", 0),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
)
#: fonts-noto-cjk ships CFF-flavoured OpenType, which reportlab cannot embed;
#: it is converted once to a TrueType font (see :func:`noto_truetype`).
NOTO_CJK = ("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC")

_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+")
_ZH_HEADING = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[编章节](\s|$)|^(附\s*则|总\s*则)$")
_EN_HEADING = re.compile(r"^(chapter|part|section)\s+[\dIVXLC]+\b", re.I)
_INFO_END = "<!-- INFO END -->"
_RED = colors.Color(0.86, 0.0, 0.0)


@dataclass
class BuiltPdf:
    """What :func:`build_pdf` wrote.

    Attributes:
        path: the file written, or None when writing to a stream.
        pages: the number of pages.
        text: the document as an ideal reader returns it: the issuer mark, the
            文号, the title, each paragraph or heading, and the signature, one
            per line; without the running header, footer or page numbers.
        header: the running header drawn on the pages ("" when none).
        footer: the running footer drawn on the pages ("" when none).
        page_labels: the page-number text drawn on each page.
    """

    path: Path | None
    pages: int
    text: str
    header: str
    footer: str
    page_labels: list[str]


def to_roman(n: int) -> str:
    """Return ``n`` (1-3999) in lower-case roman numerals."""
    out = []
    for value, sym in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def page_label(style: str, n: int, total: int) -> str:
    """Return the page-number text of page ``n`` of ``total`` in ``style`` (see :data:`PAGE_STYLES`)."""
    if style not in PAGE_STYLES:
        raise ValueError(f"unknown page style {style!r}; choose one of: {', '.join(PAGE_STYLES)}")
    return PAGE_STYLES[style].format(n=n, total=total, roman=to_roman(n))


_registered: dict = {}


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "policytext" / "fonts"


def _cjk_charset() -> set[int]:
    """ASCII, CJK punctuation, full-width forms and every GBK Chinese character."""
    chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    chars |= set(range(0x2010, 0x2070)) | set(range(0x2150, 0x2190)) | set(range(0x2460, 0x2500))
    chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0)) | set(range(0x4E00, 0x9FA6))
    chars |= set(range(0x25A0, 0x2600)) | {0x00B7, 0x2236, 0x3231, 0x2116}
    return chars


def noto_truetype(source: str | os.PathLike[str] = NOTO_CJK[0], *, family: str = NOTO_CJK[1],
                  cache: str | os.PathLike[str] | None = None) -> Path:
    """Convert a CFF-flavoured Noto CJK font to a TrueType font reportlab can embed, once.

    The font is cut down to ASCII, CJK punctuation and all 20,902 unified
    ideographs of the BMP's main block, its cubic outlines converted to
    quadratic ones (fontTools' cu2qu), and cached (``~/.cache/policytext/fonts``
    or ``cache``). The first call takes about a minute; later calls return the
    cached file. The output is the same bytes on every run.

    Args:
        source: the ``.ttc`` or ``.otf`` file.
        family: the family to take from a collection (``Noto Serif CJK SC``).
        cache: where to keep the converted font.

    Returns:
        The path of the TrueType font.
    """
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTCollection, TTFont, newTable

    out = Path(cache or _cache_dir()) / (family.replace(" ", "") + "-GBK.ttf")
    if out.exists():
        return out
    number = 0
    if str(source).lower().endswith(".ttc"):
        names = [f["name"].getDebugName(1) for f in TTCollection(source, lazy=True).fonts]
        number = names.index(family) if family in names else 0
    font = TTFont(source, fontNumber=number, lazy=False)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=_cjk_charset())
    subsetter.subset(font)
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = font.getGlyphOrder()
    glyf.glyphs = {}
    for name in glyf.glyphOrder:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"] = newTable("maxp")
    maxp.tableVersion = 0x00010000
    maxp.numGlyphs = len(glyf.glyphOrder)
    for attr in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours", "maxComponentDepth",
                 "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font["head"].modified = font["head"].created  # no time stamp: the same bytes every run
    font.sfntVersion = "\x00\x01\x00\x00"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(f".{os.getpid()}.tmp")
    font.recalcTimestamp = False
    font.save(tmp, reorderTables=True)
    os.replace(tmp, out)
    return out


def cjk_font(font: str | os.PathLike[str] | None = "auto") -> str:
    """Register a CJK font with reportlab and return its name.

    Args:
        font: ``auto`` (default): an installed TrueType CJK font
            (:data:`CJK_TTF_CANDIDATES`), else fonts-noto-cjk converted to
            TrueType (:func:`noto_truetype`, cached after the first, slow
            run), else reportlab's built-in STSong-Light; ``noto``: the
            converted Noto font; ``stsong``: the built-in, non-embedded
            STSong-Light CID font (fast to build, but PDF readers substitute
            a system font for it); or a TrueType font file (``path#index``
            for a collection) to embed. ``STSong-Light`` means ``stsong``.
    """
    key = os.fspath(font) if font else "auto"
    if key.lower() in ("stsong", "stsong-light"):
        key = "stsong"
    if key in _registered:
        return _registered[key]
    name = None
    if key == "stsong":
        pass
    elif key in ("auto", "noto"):
        candidates = list(CJK_TTF_CANDIDATES) if key == "auto" else []
        for path, index in candidates:
            if os.path.exists(path):
                name = _register_ttf(path, index, strict=False)
                if name:
                    break
        if name is None and os.path.exists(NOTO_CJK[0]):
            name = _register_ttf(os.fspath(noto_truetype()), 0, strict=key == "noto")
        elif name is None and key == "noto":
            raise FileNotFoundError(f"fonts-noto-cjk is not installed ({NOTO_CJK[0]})")
    else:
        path, _, index = key.partition("#")
        name = _register_ttf(path, int(index or 0), strict=True)
    if name is None:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        name = "STSong-Light"
    _registered[key] = name
    return name


def _register_ttf(path: str, index: int, *, strict: bool) -> str | None:
    name = f"CJK-{Path(path).stem}-{index}"
    try:
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=index))
    except Exception:  # noqa: BLE001 - CFF outlines or a broken file: the caller tries the next
        if strict:
            raise
        return None
    return name


#: Serif TrueType fonts for the English layout with ``font="liberation"`` (embedded).
LATIN_FONT_CANDIDATES: tuple[tuple[str, str], ...] = (
    ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"),
    ("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"),
)


def latin_fonts(font: str | os.PathLike[str] | None = "auto") -> tuple[str, str]:
    """Register the English layout's regular and bold fonts; return their names.

    Args:
        font: ``auto`` or ``times`` (default): the built-in Times, not
            embedded (WinAnsi characters only); ``liberation``: Liberation
            Serif (or DejaVu Serif), embedded, for any Latin, Greek or
            Cyrillic text; or a TrueType file used for both.
    """
    key = os.fspath(font) if font else "auto"
    if key in ("auto", "times"):
        return "Times-Roman", "Times-Bold"
    if ("latin", key) in _registered:
        return _registered[("latin", key)]  # type: ignore[return-value]
    if key == "liberation":
        pairs = [p for p in LATIN_FONT_CANDIDATES if os.path.exists(p[0]) and os.path.exists(p[1])]
        if not pairs:
            raise FileNotFoundError("neither Liberation Serif nor DejaVu Serif is installed")
        regular, bold = pairs[0]
    else:
        regular = bold = key
    names = ("Latin-" + Path(regular).stem, "Latin-" + Path(bold).stem + ("-b" if bold == regular else ""))
    pdfmetrics.registerFont(TTFont(names[0], regular))
    pdfmetrics.registerFont(TTFont(names[1], bold))
    _registered[("latin", key)] = names  # type: ignore[index]
    return names


def english_hyphenator(word: str) -> list[tuple[str, str]]:
    """Split points for an English word, longest head first (reportlab's hyphenator protocol).

    A small rule set (VC|CV, V|CV) that is good enough to make a typeset page
    break words at line ends the way real reports do.
    """
    if len(word) < 7 or not word.isalpha():
        return []
    vowels = set("aeiouyAEIOUY")
    splits = []
    for i in range(3, len(word) - 2):
        a, b, c = word[i - 1], word[i], word[i + 1] if i + 1 < len(word) else ""
        if a not in vowels and b not in vowels and i >= 2 and word[i - 2] in vowels and c in vowels:
            splits.append(i)
        elif a in vowels and b not in vowels and c in vowels:
            splits.append(i)
    return [(word[:i], word[i:]) for i in sorted(splits, reverse=True)]


def _is_heading(line: str, lang: str) -> bool:
    pattern = _ZH_HEADING if lang == "zh" else _EN_HEADING
    return bool(pattern.match(line.strip())) and len(line) <= 40


def build_pdf(
    out: str | os.PathLike[str] | BinaryIO,
    *,
    title: str,
    body_lines: Sequence[str],
    doc_number: str | None = None,
    issuer: str | None = None,
    issuer_mark: str | None = None,
    addressee: str | None = None,
    signature: Sequence[str] | None = None,
    header: str | None = None,
    footer: str | None = None,
    header_on_first_page: bool = False,
    page_style: str = "dash",
    page_align: str | None = None,
    lang: str = "zh",
    font: str | os.PathLike[str] | None = "auto",
    font_size: float | None = None,
    page_size: str = "A4",
    hyphenate: bool = True,
    password: str | None = None,
    font_path: str | os.PathLike[str] | None = None,
) -> BuiltPdf:
    """Typeset a document and write it as a PDF.

    Args:
        out: a file path or a binary stream.
        title: the title, centred below the 文号 line (2号, 22 pt in Chinese).
        body_lines: paragraphs, one per item. An item that starts with
            Markdown ``#`` marks, or reads like a chapter heading
            (第一章 总则, Chapter 2), is set as a centred heading.
        doc_number: the 文号, e.g. ``教职成厅函〔2023〕15号``; centred under the
            issuer mark, followed by a red rule.
        issuer: the issuing body; with ``lang="zh"`` its mark (red, large) is
            ``issuer_mark`` or ``issuer + "文件"``.
        issuer_mark: the text of the red 发文机关标志 line.
        addressee: the 主送机关 line before the body (``各省、自治区、直辖市教育厅（教委）：``).
        signature: lines set flush right after the body (issuer, date).
        header: a running header drawn above the body on every page.
        footer: a running footer drawn at the foot of every page.
        header_on_first_page: also draw header and footer on page 1.
        page_style: a key of :data:`PAGE_STYLES`: ``dash`` (— 3 —), ``hyphen``
            (- 3 -), ``zh`` (第3页 共10页), ``plain`` (3), ``page-of``
            (Page 3 of 10), ``roman`` (iii) or ``none``.
        page_align: ``outer`` (odd pages right, even pages left, as GB/T 9704
            asks), ``center``, ``right`` or ``left``; by default ``outer`` for
            Chinese and ``center`` for English.
        lang: ``zh`` (official-document layout) or ``en`` (report layout).
        font: the CJK font: ``auto``, ``noto``, ``stsong`` or a TrueType
            file (see :func:`cjk_font`); with ``lang="en"`` the Latin font:
            ``auto``/``times``, ``liberation`` or a TrueType file (see
            :func:`latin_fonts`).
        font_size: body font size; 16 pt (三号) in Chinese, 11 pt in English.
        page_size: ``A4`` or ``letter``.
        hyphenate: break long English words at line ends with a hyphen.
        password: encrypt the file (RC4 128-bit, reportlab's standard
            encryption) with this user password; the owner password is the
            reverse of it.
        font_path: an older name for ``font``, kept for callers that use it.

    Returns:
        A :class:`BuiltPdf` with the page count and the expected text.

    Raises:
        ValueError: an unknown ``page_style``, ``page_align`` or ``lang``.
    """
    if lang not in ("zh", "en"):
        raise ValueError(f"unknown lang {lang!r}; choose zh or en")
    if font_path is not None:
        font = font_path
    if page_style not in PAGE_STYLES:
        raise ValueError(f"unknown page style {page_style!r}; choose one of: {', '.join(PAGE_STYLES)}")
    page_align = page_align or ("outer" if lang == "zh" else "center")
    if page_align not in ("outer", "center", "right", "left"):
        raise ValueError(f"unknown page_align {page_align!r}; choose outer, center, right or left")
    needs_total = "{total}" in PAGE_STYLES[page_style]
    args = dict(
        title=title, body_lines=list(body_lines), doc_number=doc_number, issuer=issuer,
        issuer_mark=issuer_mark, addressee=addressee, signature=list(signature or []), header=header or "",
        footer=footer or "", header_on_first_page=header_on_first_page, page_style=page_style,
        page_align=page_align, lang=lang, font=font, font_size=font_size,
        page_size=page_size, hyphenate=hyphenate, password=password,
    )
    total = 0
    if needs_total:
        # Two passes: the first counts the pages for "第3页 共10页" / "Page 3 of 10".
        total, _, _ = _render(io.BytesIO(), total=0, **args)
    stream: BinaryIO
    if isinstance(out, (str, os.PathLike)):
        path: Path | None = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = io.BytesIO()
    else:
        path = None
        stream = out
    pages, text, labels = _render(stream, total=total, **args)
    if path is not None:
        path.write_bytes(stream.getvalue())  # type: ignore[attr-defined]
    return BuiltPdf(path=path, pages=pages, text=text, header=header or "", footer=footer or "", page_labels=labels)


def _render(stream: BinaryIO, *, total: int, **a) -> tuple[int, str, list[str]]:
    lang = a["lang"]
    zh = lang == "zh"
    size = (A4 if a["page_size"].lower() == "a4" else LETTER)
    page_w, page_h = size
    if zh:
        font = cjk_font(a["font"])
        bold = font
        body_size = a["font_size"] or 16.0
        leading = body_size * 1.81  # 22 lines in the 225 mm body block at 16 pt
        margins = dict(left=28 * mm, right=26 * mm, top=37 * mm, bottom=35 * mm)
        indent = 2 * body_size
        para_gap = 0.0
    else:
        font, bold = latin_fonts(a["font"])
        body_size = a["font_size"] or 11.0
        leading = body_size * 1.3
        margins = dict(left=25.4 * mm, right=25.4 * mm, top=30 * mm, bottom=28 * mm)
        indent = 0.0
        para_gap = body_size * 0.6
    hyph = english_hyphenator if (a["hyphenate"] and not zh) else None
    wrap = "CJK" if zh else None

    def style(name: str, **kw) -> ParagraphStyle:
        base = dict(fontName=font, fontSize=body_size, leading=leading, wordWrap=wrap, alignment=TA_JUSTIFY)
        base.update(kw)
        if hyph is not None:
            base["hyphenationLang"] = hyph
        return ParagraphStyle(name, **base)

    body = style("body", firstLineIndent=indent, spaceBefore=para_gap)
    heading = style("heading", alignment=TA_CENTER, fontName=bold, spaceBefore=leading * 0.5, spaceAfter=leading * 0.25)
    title_size = 22.0 if zh else 16.0
    title_style = style("title", fontName=bold, fontSize=title_size, leading=title_size * 1.45, alignment=TA_CENTER)
    center = style("center", alignment=TA_CENTER)
    left = style("left", alignment=TA_LEFT)

    story: list = []
    lines_out: list[str] = []
    mark = a["issuer_mark"] or ((a["issuer"] + "文件") if (zh and a["issuer"]) else a["issuer"])
    if mark:
        mark_size = 30.0 if zh else 14.0
        # The mark stays on one line: shrink it to the body width (GB/T 9704 7.2.2).
        body_width = page_w - margins["left"] - margins["right"]
        mark_size = min(mark_size, 0.98 * body_width / max(pdfmetrics.stringWidth(mark, bold, 1.0), 1e-6))
        story.append(Paragraph(escape(mark), style(
            "mark", fontName=bold, fontSize=mark_size, leading=mark_size * 1.3, alignment=TA_CENTER,
            textColor=_RED if zh else colors.black)))
        story.append(Spacer(1, leading * 0.8))
        lines_out.append(mark)
    if a["doc_number"]:
        story.append(Paragraph(escape(a["doc_number"]), center))
        lines_out.append(a["doc_number"])
    if mark or a["doc_number"]:
        story.append(HRFlowable(width="100%", thickness=1.2, color=_RED if zh else colors.black,
                                spaceBefore=4 * mm, spaceAfter=leading))
    story.append(Paragraph(escape(a["title"]), title_style))
    story.append(Spacer(1, leading * 0.6))
    lines_out.append(a["title"])
    if a["addressee"]:
        story.append(Paragraph(escape(a["addressee"]), left))
        lines_out.append(a["addressee"])
    for raw in a["body_lines"]:
        line = raw.strip()
        if not line:
            continue
        marked = bool(_HEADING_MARK.match(line))
        line = _HEADING_MARK.sub("", line).strip()
        if not line:
            continue
        if marked or _is_heading(line, lang):
            story.append(Paragraph(escape(line), heading))
        else:
            story.append(Paragraph(escape(line), body))
        lines_out.append(line)
    if a["signature"]:
        story.append(Spacer(1, leading))
        for line in a["signature"]:
            story.append(Paragraph(escape(line), style("sig", alignment=TA_RIGHT, rightIndent=4 * body_size if zh else 0)))
            lines_out.append(line)

    labels: list[str] = []
    header, footer = a["header"], a["footer"]
    number_size = 14.0 if zh else 10.0
    number_font = font

    def decorate(canvas, doc) -> None:
        n = canvas.getPageNumber()
        canvas.saveState()
        if header and (n > 1 or a["header_on_first_page"]):
            canvas.setFont(font, 10.5)
            y = page_h - margins["top"] + 14 * mm
            canvas.drawCentredString(page_w / 2, y, header)
            canvas.setLineWidth(0.5)
            canvas.line(margins["left"], y - 2 * mm, page_w - margins["right"], y - 2 * mm)
        if footer and (n > 1 or a["header_on_first_page"]):
            canvas.setFont(font, 9)
            canvas.drawCentredString(page_w / 2, 12 * mm, footer)
        label = page_label(a["page_style"], n, total or n)
        labels.append(label)
        if label:
            canvas.setFont(number_font, number_size)
            y = margins["bottom"] - 7 * mm - number_size
            align = a["page_align"]
            if align == "outer":
                align = "right" if n % 2 else "left"
            if align == "center":
                canvas.drawCentredString(page_w / 2, y, label)
            elif align == "right":
                canvas.drawRightString(page_w - margins["right"] - number_size, y, label)
            else:
                canvas.drawString(margins["left"] + number_size, y, label)
        canvas.restoreState()

    doc = BaseDocTemplate(
        stream, pagesize=size, leftMargin=margins["left"], rightMargin=margins["right"],
        topMargin=margins["top"], bottomMargin=margins["bottom"], invariant=1,
        encrypt=_encryption(a["password"]),
        title=a["title"], author=a["issuer"] or "", creator="policytext officialpdf", subject="",
    )
    frame = Frame(margins["left"], margins["bottom"], page_w - margins["left"] - margins["right"],
                  page_h - margins["top"] - margins["bottom"], leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=decorate)])
    doc.build(story)
    return len(labels), "\n".join(lines_out), labels


def _encryption(password: str | None):
    if not password:
        return None
    from reportlab.lib.pdfencrypt import StandardEncryption

    return StandardEncryption(password, ownerPassword=password[::-1] or "owner", strength=128)


def build_scanned_pdf(
    source: str | os.PathLike[str],
    out: str | os.PathLike[str],
    *,
    dpi: int = 150,
    pages: Sequence[int] | None = None,
    password: str | None = None,
) -> int:
    """Turn a PDF into an image-only PDF, as if printed and scanned: each page a grey bitmap.

    Args:
        source: the PDF to render (with pypdfium2).
        out: the image-only PDF to write.
        dpi: resolution of the page images.
        pages: 0-based page numbers to keep (default: all).
        password: the password of an encrypted ``source``.

    Returns:
        The number of pages written.
    """
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    doc = pdfium.PdfDocument(os.fspath(source), password=password)
    try:
        numbers = list(pages) if pages is not None else list(range(len(doc)))
        canvas = Canvas(os.fspath(out), invariant=1)
        for n in numbers:
            page = doc[n]
            width, height = page.get_size()
            image = page.render(scale=dpi / 72, grayscale=True).to_pil()
            page.close()
            canvas.setPageSize((width, height))
            canvas.drawImage(ImageReader(image), 0, 0, width, height)
            canvas.showPage()
        canvas.save()
    finally:
        doc.close()
    return len(numbers)


#: Page-number fields for Word documents: style -> (text before, field, text between, field, text after).
_DOCX_PAGE_FIELDS: dict[str, list[str]] = {
    "dash": ["\u2014 ", "PAGE", " \u2014"],
    "hyphen": ["- ", "PAGE", " -"],
    "zh": ["第", "PAGE", "页 共", "NUMPAGES", "页"],
    "plain": ["", "PAGE", ""],
    "page-of": ["Page ", "PAGE", " of ", "NUMPAGES", ""],
    "roman": ["", "PAGE \\* roman", ""],
    "none": [],
}


@dataclass
class BuiltDocx:
    """What :func:`build_docx` wrote: the file, the text an ideal reader returns, the running header and footer."""

    path: Path
    text: str
    header: str
    footer: str


def build_docx(
    out: str | os.PathLike[str],
    *,
    title: str,
    body_lines: Sequence[str],
    doc_number: str | None = None,
    issuer: str | None = None,
    signature: Sequence[str] | None = None,
    header: str | None = None,
    footer: str | None = None,
    page_style: str = "dash",
    body_font: str = "仿宋_GB2312",
    title_font: str = "方正小标宋简体",
) -> BuiltDocx:
    """Write a Word document in official-document layout, as an office typed it (python-docx).

    The layout follows :func:`build_pdf` (GB/T 9704 margins, 16 pt body with
    a two-character first-line indent at a fixed 28.95 pt pitch, a 22 pt
    title, a red issuer mark and rule), with the page number as a Word field
    in the footer (on the outer side for ``dash``: odd and even pages differ)
    and the running header in the page header. The fonts are named as Chinese
    offices name them; the converter substitutes what it has (and embeds it).
    Convert with :func:`convert_with_libreoffice`.

    Returns:
        A :class:`BuiltDocx`; its ``text`` is one line per paragraph, without
        header, footer or page numbers.
    """
    from docx import Document as Docx
    from docx.enum.section import WD_SECTION_START  # noqa: F401 - keeps the section API loaded
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, RGBColor

    if page_style not in _DOCX_PAGE_FIELDS:
        raise ValueError(f"unknown page style {page_style!r}; choose one of: {', '.join(_DOCX_PAGE_FIELDS)}")
    doc = Docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(20), Mm(18)

    def set_font(run, name: str, size: float, *, bold: bool = False, color: RGBColor | None = None) -> None:
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = name
        fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), name)
        if color is not None:
            run.font.color.rgb = color

    def paragraph(container, text: str, *, size: float = 16, font: str = body_font, align=None, indent: bool = False,
                  bold: bool = False, color: RGBColor | None = None, pitch: float | None = 28.95):
        para = container.add_paragraph()
        fmt = para.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if pitch:
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(max(pitch, size * 1.2))
        if indent:
            fmt.first_line_indent = Pt(2 * size)
        if align is not None:
            para.alignment = align
        if text:
            set_font(para.add_run(text), font, size, bold=bold, color=color)
        return para

    red = RGBColor(0xDC, 0, 0)
    lines_out: list[str] = []
    mark = (issuer + "文件") if issuer else None
    if mark:
        paragraph(doc, mark, size=min(30.0, 0.98 * 440 / max(len(mark), 1)), font=title_font,
                  align=WD_ALIGN_PARAGRAPH.CENTER, color=red, pitch=None)
        lines_out.append(mark)
    if doc_number:
        paragraph(doc, doc_number, align=WD_ALIGN_PARAGRAPH.CENTER)
        lines_out.append(doc_number)
    if mark or doc_number:
        rule = paragraph(doc, "", pitch=None)
        border = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:space", "1"), ("w:color", "DC0000")):
            bottom.set(qn(key), value)
        border.append(bottom)
        rule._p.get_or_add_pPr().append(border)
    paragraph(doc, title, size=22, font=title_font, align=WD_ALIGN_PARAGRAPH.CENTER, pitch=None)
    lines_out.append(title)
    for raw in body_lines:
        line = raw.strip()
        marked = bool(_HEADING_MARK.match(line))
        line = _HEADING_MARK.sub("", line).strip()
        if not line:
            continue
        if marked or _is_heading(line, "zh"):
            paragraph(doc, line, font="黑体", align=WD_ALIGN_PARAGRAPH.CENTER)
        else:
            paragraph(doc, line, indent=True, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        lines_out.append(line)
    if signature:
        paragraph(doc, "")
        for line in signature:
            para = paragraph(doc, line, align=WD_ALIGN_PARAGRAPH.RIGHT)
            para.paragraph_format.right_indent = Pt(64)
            lines_out.append(line)

    def fields(para, parts: list[str]) -> None:
        for k, part in enumerate(parts):
            if k % 2 == 0:
                if part:
                    set_font(para.add_run(part), "宋体", 14)
                continue
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), f" {part} ")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            para._p.append(field)

    if header:
        paragraph(section.header, header, size=10.5, font="宋体", align=WD_ALIGN_PARAGRAPH.CENTER, pitch=None)
    parts = _DOCX_PAGE_FIELDS[page_style]
    outer = page_style == "dash"
    if outer:
        doc.settings.odd_and_even_pages_header_footer = True
    footers = [(section.footer, WD_ALIGN_PARAGRAPH.RIGHT if outer else WD_ALIGN_PARAGRAPH.CENTER)]
    if outer:
        footers.append((section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT))
        if header:
            paragraph(section.even_page_header, header, size=10.5, font="宋体", align=WD_ALIGN_PARAGRAPH.CENTER,
                      pitch=None)
    for container, align in footers:
        if parts:
            para = paragraph(container, "", size=14, align=align, pitch=None)
            fields(para, parts)
        if footer:
            paragraph(container, footer, size=9, font="宋体", align=WD_ALIGN_PARAGRAPH.CENTER, pitch=None)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.core_properties.title = title
    doc.save(path)
    return BuiltDocx(path=path, text="\n".join(lines_out), header=header or "", footer=footer or "")


def convert_with_libreoffice(docx: Sequence[str | os.PathLike[str]], outdir: str | os.PathLike[str], *,
                             soffice: str = "soffice", timeout: float = 900) -> list[Path]:
    """Convert Word documents to PDF with LibreOffice (headless, one run, a private profile).

    Returns:
        The PDFs, in the order of ``docx``.

    Raises:
        FileNotFoundError: LibreOffice is not installed.
        RuntimeError: the conversion failed or left a PDF out.
    """
    import shutil
    import subprocess
    import tempfile

    program = shutil.which(soffice)
    if program is None:
        raise FileNotFoundError(f"{soffice} (LibreOffice) is not installed")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [program, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docx)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    pdfs = [outdir / (Path(d).stem + ".pdf") for d in docx]
    missing = [p.name for p in pdfs if not p.exists()]
    if done.returncode or missing:
        raise RuntimeError(f"LibreOffice failed ({done.returncode}): {done.stderr.strip()[:300]}; missing {missing[:5]}")
    return pdfs


def load_text(path: str | os.PathLike[str]) -> tuple[str | None, list[str]]:
    """Read a plain-text or Markdown source: return ``(title, lines)``.

    A metadata block ending with ``<!-- INFO END -->`` is skipped; its first
    ``# `` line is the title. Without such a block the first non-empty line is
    the title. Heading marks (``#``) are kept on the lines so that
    :func:`build_pdf` sets them as headings; blank lines are dropped.
    """
    text = Path(path).read_text(encoding="utf-8-sig")
    title = None
    if _INFO_END in text:
        head, text = text.split(_INFO_END, 1)
        for line in head.splitlines():
            if _HEADING_MARK.match(line):
                title = _HEADING_MARK.sub("", line).strip()
                break
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if title is None and lines:
        title = _HEADING_MARK.sub("", lines.pop(0)).strip()
    return title, lines


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python scripts/officialpdf.py IN.txt OUT.pdf [options]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="plain text or Markdown (UTF-8)")
    parser.add_argument("output", help="PDF to write")
    parser.add_argument("--title", help="title (default: from the input)")
    parser.add_argument("--doc-number", help="文号, e.g. 教职成厅函〔2023〕15号")
    parser.add_argument("--issuer", help="issuing body")
    parser.add_argument("--issuer-mark", help="red 发文机关标志 text (default: issuer + 文件)")
    parser.add_argument("--addressee", help="主送机关 line")
    parser.add_argument("--signature", action="append", help="a flush-right line after the body (repeatable)")
    parser.add_argument("--header", help="running header on every page")
    parser.add_argument("--footer", help="running footer on every page")
    parser.add_argument("--header-on-first-page", action="store_true")
    parser.add_argument("--page-style", default="dash", choices=sorted(PAGE_STYLES))
    parser.add_argument("--page-align", choices=["outer", "center", "right", "left"])
    parser.add_argument("--lang", default="zh", choices=["zh", "en"])
    parser.add_argument("--font", default="auto",
                        help="CJK font: auto, noto, stsong, or a TrueType file (path#index for .ttc); "
                             "English: auto/times, liberation, or a TrueType file")
    parser.add_argument("--no-hyphenate", action="store_true", help="do not hyphenate English words")
    parser.add_argument("--password", help="encrypt the PDF with this user password")
    parser.add_argument("--scanned", action="store_true", help="also write OUT-scanned.pdf, image-only")
    ns = parser.parse_args(argv)
    title, lines = load_text(ns.input)
    built = build_pdf(
        ns.output, title=ns.title or title or Path(ns.input).stem, body_lines=lines,
        doc_number=ns.doc_number, issuer=ns.issuer, issuer_mark=ns.issuer_mark, addressee=ns.addressee,
        signature=ns.signature, header=ns.header, footer=ns.footer,
        header_on_first_page=ns.header_on_first_page, page_style=ns.page_style, page_align=ns.page_align,
        lang=ns.lang, font=ns.font, hyphenate=not ns.no_hyphenate, password=ns.password,
    )
    print(f"{ns.output}: {built.pages} pages", file=sys.stderr)
    if ns.scanned:
        scanned = Path(ns.output).with_name(Path(ns.output).stem + "-scanned.pdf")
        build_scanned_pdf(ns.output, scanned, password=ns.password)
        print(f"{scanned}: image-only copy", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
