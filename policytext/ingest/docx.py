"""DOCX: the body of a Word document as clean lines, automatic numbering included.

The body is walked in order (python-docx gives the parts; the XML is read
directly so that nothing is skipped or doubled): paragraphs, tables, content
controls and text boxes. Headers, footers, footnotes and comments live in other
parts and stay out. Tracked changes read as accepted (insertions kept,
deletions and moved-from text dropped); fields give their shown result.

Word's automatic numbering is not text in the file: a paragraph only points
(``w:numPr``) to a list whose levels in ``numbering.xml`` say how to print the
label (``第%1条``, ``%1、``, ``（%1）``, ``%1.%2``) and in which digits
(decimal, chineseCounting, ideographTraditional, decimalEnclosedCircle ...).
The labels are rendered here, counting as Word does, so that the clause
parser sees ``第三条`` where the reader of the document sees it. Bullets are
not rendered: they carry no number.

A table gives one line per row, cells joined by
:data:`~policytext.ingest.text.CELL_SEPARATOR`; a one-column table (a framed
box) gives its paragraphs as lines. The core properties (title, author,
created) are returned as metadata fallbacks.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import PasswordError, UnreadableDocumentError, UnsupportedFormatError
from . import Extracted
from .text import CELL_SEPARATOR, tidy_lines

__all__ = ["extract", "format_number"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = map(_w, ("p", "tbl", "tr", "tc", "sdt", "sdtContent"))
_T, _TAB, _BR, _CR, _NBH = map(_w, ("t", "tab", "br", "cr", "noBreakHyphen"))
_TXBX = _w("txbxContent")
_SKIP = {
    _w("pPr"), _w("rPr"), _w("del"), _w("moveFrom"), _w("instrText"), _w("delText"), _w("commentReference"),
    _w("footnoteReference"), _w("endnoteReference"), _w("sectPr"), _w("tblPr"), _w("trPr"), _w("tcPr"),
    f"{{{_MC}}}Fallback",
}  # fmt: skip
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def extract(path: Path, data: bytes, **_: Any) -> Extracted:
    """Read a DOCX file's body.

    Args:
        path: the file, named in errors.
        data: the file's bytes.

    Returns:
        One page (Word does not store page breaks reliably), one paragraph or
        table row per line; the core properties as metadata fallbacks.

    Raises:
        PasswordError: the document is encrypted.
        UnsupportedFormatError: it is a legacy binary ``.doc``.
        UnreadableDocumentError: it is not a readable DOCX package.
    """
    if data.startswith(_OLE_MAGIC):
        if "EncryptionInfo".encode("utf-16-le") in data[:200000]:
            raise PasswordError(
                path, "the DOCX is encrypted with a password; save an unprotected copy to read it"
            )
        raise UnsupportedFormatError(path, "a legacy Word 97-2003 .doc file; save it as .docx")
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, XMLSyntaxError, ValueError, OSError) as exc:
        raise UnreadableDocumentError(
            path, f"not a readable DOCX package ({type(exc).__name__}: {exc})"
        ) from exc
    numbering = _Numbering(document)
    lines: list[str] = []
    warnings: list[str] = []
    try:
        _blocks(document.element.body, lines, numbering)
    except (KeyError, ValueError) as exc:  # broken numbering or style references
        warnings.append(f"part of the body could not be read: {exc}")
    return Extracted(pages=[tidy_lines(lines)], warnings=warnings, metadata=_core(document))


def _core(document: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    try:
        props = document.core_properties
        title, author, created = props.title, props.author, props.created
    except (KeyError, ValueError, AttributeError):
        return out
    if title and title.strip():
        out["title"] = title.strip()
    if author and author.strip():
        out["author"] = author.strip()
    if created is not None:
        out["created"] = created.date().isoformat()
    return out


# --- walking the body -------------------------------------------------------


def _blocks(container: Any, lines: list[str], numbering: _Numbering) -> None:
    for child in container:
        if child.tag == _P:
            lines.extend(_paragraph(child, numbering))
        elif child.tag == _TBL:
            lines.extend(_table(child, numbering))
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                _blocks(content, lines, numbering)
        elif child.tag in (_w("ins"), _w("customXml"), _w("smartTag")):
            _blocks(child, lines, numbering)


def _paragraph(p: Any, numbering: _Numbering) -> list[str]:
    parts: list[str] = []
    boxes: list[Any] = []
    _runs(p, parts, boxes)
    out: list[str] = []
    for box in boxes:
        _blocks(box, out, numbering)
    text = "".join(parts)
    label = numbering.label(p)
    if label and text.strip():
        text = label + text.lstrip()
    elif label:
        text = label.strip()
    out.extend(text.split("\n"))
    return out


def _runs(el: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in el:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NBH:
            parts.append("-")
        elif tag == _TXBX:
            boxes.append(child)
        elif tag in _SKIP or tag == _P or not isinstance(tag, str):
            continue
        else:
            _runs(child, parts, boxes)


def _table(tbl: Any, numbering: _Numbering) -> list[str]:
    rows: list[list[list[str]]] = []
    for tr in tbl.iter(_TR):
        if _enclosing_table(tr) is not tbl:
            continue
        cells = []
        for tc in tr.findall(_TC):
            v_merge = tc.find(f"{_w('tcPr')}/{_w('vMerge')}")
            if v_merge is not None and v_merge.get(_w("val")) in (None, "continue"):
                cells.append([])  # the merged cell's text was given in the row above
                continue
            cell_lines: list[str] = []
            _blocks(tc, cell_lines, numbering)
            cells.append([ln for ln in (c.strip() for c in cell_lines) if ln])
        rows.append(cells)
    if rows and max(len(r) for r in rows) <= 1:
        return [ln for row in rows for cell in row for ln in cell]
    out = []
    for row in rows:
        filled = [cell for cell in row if cell]
        if len(filled) == 1:
            out.extend(filled[0])  # one cell with text (a signature block, a heading row)
            continue
        texts = [" ".join(cell) for cell in row]
        while texts and not texts[-1]:
            texts.pop()
        if texts:
            out.append(CELL_SEPARATOR.join(texts))
    return out


def _enclosing_table(el: Any) -> Any:
    parent = el.getparent()
    while parent is not None and parent.tag != _TBL:
        parent = parent.getparent()
    return parent


# --- automatic numbering ----------------------------------------------------


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    suffix: str = "tab"
    legal: bool = False


class _Numbering:
    """The lists of ``numbering.xml`` and their running counters."""

    def __init__(self, document: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.seen_nums: set[str] = set()
        self.style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self.style_parent: dict[str, str] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            for abstract in root.findall(_w("abstractNum")):
                self.abstract[abstract.get(_w("abstractNumId"))] = {
                    int(lvl.get(_w("ilvl"), "0")): _level(lvl) for lvl in abstract.findall(_w("lvl"))
                }
            for num in root.findall(_w("num")):
                ref = num.find(_w("abstractNumId"))
                if ref is None:
                    continue
                starts: dict[int, int] = {}
                levels: dict[int, _Level] = {}
                for override in num.findall(_w("lvlOverride")):
                    ilvl = int(override.get(_w("ilvl"), "0"))
                    start = override.find(_w("startOverride"))
                    if start is not None:
                        starts[ilvl] = _int(start.get(_w("val")), 1)
                    lvl = override.find(_w("lvl"))
                    if lvl is not None:
                        levels[ilvl] = _level(lvl)
                self.nums[num.get(_w("numId"))] = (ref.get(_w("val")), starts, levels)
        try:
            styles = document.styles.element
        except (KeyError, NotImplementedError, AttributeError):
            styles = None
        if styles is not None:
            for style in styles.findall(_w("style")):
                sid = style.get(_w("styleId"))
                based = style.find(_w("basedOn"))
                if based is not None:
                    self.style_parent[sid] = based.get(_w("val"))
                num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
                if num_pr is not None:
                    num_id = num_pr.find(_w("numId"))
                    ilvl = num_pr.find(_w("ilvl"))
                    self.style_numbering[sid] = (
                        num_id.get(_w("val")) if num_id is not None else None,
                        _int(ilvl.get(_w("val")), 0) if ilvl is not None else None,
                    )

    def _num_pr(self, p: Any) -> tuple[str | None, int]:
        num_id, ilvl = None, None
        p_pr = p.find(_w("pPr"))
        if p_pr is not None:
            num_pr = p_pr.find(_w("numPr"))
            if num_pr is not None:
                el = num_pr.find(_w("numId"))
                num_id = el.get(_w("val")) if el is not None else None
                el = num_pr.find(_w("ilvl"))
                ilvl = _int(el.get(_w("val")), 0) if el is not None else None
            style = p_pr.find(_w("pStyle"))
            sid = style.get(_w("val")) if style is not None else None
            for _ in range(10):  # follow basedOn, but never round a loop
                if sid is None or (num_id is not None and ilvl is not None):
                    break
                s_num, s_ilvl = self.style_numbering.get(sid, (None, None))
                num_id = num_id if num_id is not None else s_num
                ilvl = ilvl if ilvl is not None else s_ilvl
                sid = self.style_parent.get(sid)
        return num_id, ilvl or 0

    def label(self, p: Any) -> str:
        """The rendered number label of paragraph ``p`` ('' when it has none)."""
        num_id, ilvl = self._num_pr(p)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return ""
        abstract_id, starts, overrides = self.nums[num_id]
        levels = dict(self.abstract.get(abstract_id, {}))
        levels.update(overrides)
        counters = self.counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self.seen_nums:
            self.seen_nums.add(num_id)
            for lvl, start in starts.items():
                if 0 <= lvl < 9:
                    counters[lvl] = start - 1
                    for deeper in range(lvl + 1, 9):
                        counters[deeper] = None
        ilvl = min(max(ilvl, 0), 8)
        level = levels.get(ilvl, _Level())
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "bullet":
            return ""
        text = level.text
        for n in range(9, 0, -1):
            token = f"%{n}"
            if token not in text:
                continue
            lvl = levels.get(n - 1, _Level())
            value = counters[n - 1] if counters[n - 1] is not None else lvl.start
            fmt = "decimal" if level.legal else lvl.fmt
            text = text.replace(token, format_number(value, fmt))
        if not text:
            return ""
        # 第一条 and Article 1 are followed by a space; 一、 （一） ① 1. are not
        if level.suffix != "nothing" and (
            text[-1].isascii() and text[-1].isalnum() or text[-1] in "条章节款项编"
        ):
            return text + " "
        return text


def _level(lvl: Any) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(_w(tag))
        return el.get(_w("val")) if el is not None else None

    return _Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") if val("lvlText") is not None else "",
        start=_int(val("start"), 1),
        suffix=val("suff") or "tab",
        legal=lvl.find(_w("isLgl")) is not None,
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_CN = "零一二三四五六七八九"
_CN_DIGITAL = "〇一二三四五六七八九"
_CN_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def _chinese(n: int, digits: str = _CN, units: str = "十百千") -> str:
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    out = ""
    zero = False
    for power, unit in ((1000, units[2]), (100, units[1]), (10, units[0]), (1, "")):
        d, n = divmod(n, power)
        if d:
            if zero:
                out += digits[0]
                zero = False
            out += digits[d] + unit
        elif out:
            zero = True
    # 一十二 reads 十二, as Word prints it; the legal form keeps 壹拾贰
    return out[1:] if digits == _CN and out.startswith(digits[1] + units[0]) else out


def _roman(n: int) -> str:
    out = ""
    for value, numeral in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out += numeral
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter: A..Z, AA..ZZ, AAA..
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else ""


def format_number(n: int, fmt: str) -> str:
    """Print ``n`` in a Word number format (``numFmt``).

    Example:
        >>> format_number(12, "chineseCounting"), format_number(3, "decimalEnclosedCircle")
        ('十二', '③')
    """
    if fmt in (
        "decimal",
        "decimalFullWidth",
        "decimalFullWidth2",
        "decimalHalfWidth",
        "ordinal",
        "cardinalText",
    ):
        return str(n)
    if fmt == "none":
        return ""
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting", "ideographLegalTraditional"):  # fmt: skip
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _CN_LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join(_CN_DIGITAL[int(d)] for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt in ("ideographTraditional", "ideographEnclosedCircle"):
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt in ("ideographZodiac", "ideographZodiacTraditional"):
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    return str(n)
