"""pdfium and fonts: a fast font lookup for reading text, and fonts whose text it gets wrong.

pdfium loads a substitute system font for every font a PDF names without
embedding it (reportlab's STSong-Light, 宋体 in many official PDFs), and then
reads the outline of every glyph drawn in that font, on every page, to size its
box. With a CJK substitute (a large CFF font such as Noto CJK) that costs about
6 ms a page, most of the time pdfium spends on such a file.

Reading text needs none of it: a character's Unicode value comes from the PDF's
ToUnicode map, its encoding or its predefined CMap, and its advance from the
PDF's width table. Inside :func:`text_only`, pdfium's system-font lookup
(``FPDF_SetSystemFontInfo``) hands out one tiny built-in TrueType font, whose
only glyph is a full em box, for every font that is neither embedded nor one of
the standard 14 (those keep pdfium's metric-compatible built-in fonts). Every
character then still has a box of the right size: pdfium drops a text object
whose box has no width (a lone "；" wrapped to a line of its own, one
character set by itself, vertical text), which is what happens with no
substitute or an empty glyph.

On leaving the block the lookup is put back: an ``FPDF_SYSFONTINFO`` that
forwards to pdfium's default one (``FPDF_GetDefaultSystemFontInfo``) and lets
pdfium enumerate the installed fonts only once per process. Rendering (OCR, or
any other use of pdfium in the process) therefore finds the system fonts; but
pdfium keeps a document's fonts, so a document read in text-only mode must be
opened again to be rendered.
"""

from __future__ import annotations

import contextlib
import ctypes
import re
import struct
import threading
import zlib
from collections.abc import Iterator
from typing import Any

__all__ = ["text_only", "may_have_untrusted_fonts", "untrusted_font_pages", "box_font"]

#: The standard 14 fonts, as pdfium names them when it looks for a substitute.
_STANDARD = frozenset({
    "Courier", "Courier-Bold", "Courier-BoldOblique", "Courier-Oblique", "Helvetica", "Helvetica-Bold",
    "Helvetica-BoldOblique", "Helvetica-Oblique", "Times-Roman", "Times-Bold", "Times-BoldItalic", "Times-Italic",
    "Symbol", "ZapfDingbats",
})
# the name pdfium caches the box font under (never a real font's name)
_BOX_NAME = b"policytext box font"
_BOX_HANDLE = 0x70746278  # any non-NULL value: pdfium only hands it back


def box_font() -> bytes:
    """A TrueType font of two glyphs, each a full em box, that maps every code point to glyph 1."""
    upem, asc, desc = 1000, 880, -120
    # one contour of four on-curve points: a box from (0, desc) to (upem, asc)
    glyph = struct.pack(">hhhhhHH4B", 1, 0, desc, upem, asc, 3, 0, 1, 1, 1, 1)
    glyph += struct.pack(">4h4h", 0, 0, upem, 0, desc, asc - desc, 0, desc - asc)
    glyph += b"\0" * (-len(glyph) % 4)
    glyf = glyph + glyph
    tables = {
        b"head": struct.pack(">IIIIHHqqhhhhHHhhh", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0x000B, upem, 0, 0,
                             0, desc, upem, asc, 0, 8, 2, 0, 0),
        b"hhea": struct.pack(">IhhhHhhhhhhhhhhhH", 0x00010000, asc, desc, 0, upem, 0, 0, upem, 1, 0, 0, 0, 0, 0,
                             0, 0, 2),
        b"maxp": struct.pack(">IHHHHHHHHHHHHHH", 0x00010000, 2, 4, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0),
        b"hmtx": struct.pack(">HhHh", upem, 0, upem, 0),
        b"loca": struct.pack(">3H", 0, len(glyph) // 2, len(glyf) // 2),
        b"glyf": glyf,
        # format 13 (many-to-one ranges): every code point to glyph 1, as Unicode BMP and full repertoire
        b"cmap": struct.pack(">HHHHIHHI", 0, 2, 3, 1, 20, 3, 10, 20)
        + struct.pack(">HHIIIIII", 13, 0, 28, 0, 1, 0, 0x10FFFF, 1),
        b"name": struct.pack(">HHHHHHHHH", 0, 1, 18, 3, 1, 0x409, 1, 2 * len(_BOX_NAME), 0)
        + _BOX_NAME.decode().encode("utf-16-be"),
        b"post": struct.pack(">IIhhIIIII", 0x00030000, 0, 0, 0, 0, 0, 0, 0, 0),
    }
    out = struct.pack(">IHHHH", 0x00010000, len(tables), 128, 3, 16 * len(tables) - 128)
    offset = 12 + 16 * len(tables)
    directory = data = b""
    for tag in sorted(tables):
        table = tables[tag] + b"\0" * (-len(tables[tag]) % 4)
        checksum = sum(struct.unpack(f">{len(table) // 4}I", table)) & 0xFFFFFFFF
        directory += struct.pack(">4sIII", tag, checksum, offset + len(data), len(tables[tag]))
        data += table
    return out + directory + data


class _Lookups:
    """The two FPDF_SYSFONTINFO structs and their callbacks, kept for the life of the process."""

    def __init__(self, pdfium_c: Any, default: Any) -> None:
        kinds = dict(pdfium_c.FPDF_SYSFONTINFO._fields_)
        self.default = default  # never freed: pdfium may use it until the process ends
        self.enumerated = False
        self.font = box_font()
        self.font_buffer = ctypes.create_string_buffer(self.font, len(self.font))
        d = default.contents

        def enum_fonts(this: Any, mapper: Any) -> None:
            # pdfium asks each time the lookup is installed and appends what it
            # is told to its list: tell it once.
            if not self.enumerated:
                self.enumerated = True
                d.EnumFonts(default, mapper)

        system = {
            "EnumFonts": enum_fonts,
            "MapFont": lambda this, weight, italic, charset, pitch, face, exact: d.MapFont(
                default, weight, italic, charset, pitch, face, exact),
            "GetFont": lambda this, face: d.GetFont(default, face),
            "GetFontData": lambda this, font, table, buf, size: d.GetFontData(default, font, table, buf, size),
            "GetFaceName": lambda this, font, buf, size: d.GetFaceName(default, font, buf, size),
            "GetFontCharset": lambda this, font: d.GetFontCharset(default, font),
            "DeleteFont": lambda this, font: d.DeleteFont(default, font),
        }

        def map_font(this: Any, weight: int, italic: int, charset: int, pitch: int, face: Any, exact: Any) -> Any:
            name = ctypes.cast(face, ctypes.c_char_p).value or b""
            # the standard 14 keep pdfium's built-in fonts: their widths may come from the font
            return None if name.decode("latin-1") in _STANDARD else _BOX_HANDLE

        def font_data(this: Any, font: Any, table: int, buf: Any, size: int) -> int:
            if font != _BOX_HANDLE or table != 0:
                return 0
            if buf and size >= len(self.font):
                ctypes.memmove(buf, self.font_buffer, len(self.font))
            return len(self.font)

        def face_name(this: Any, font: Any, buf: Any, size: int) -> int:
            if font != _BOX_HANDLE:
                return 0
            if buf and size > len(_BOX_NAME):
                ctypes.memmove(buf, _BOX_NAME + b"\0", len(_BOX_NAME) + 1)
            return len(_BOX_NAME) + 1

        text = {
            "EnumFonts": lambda this, mapper: None,
            "MapFont": map_font,
            "GetFont": lambda this, face: None,
            "GetFontData": font_data,
            "GetFaceName": face_name,
            "GetFontCharset": lambda this, font: 1,  # DEFAULT_CHARSET
            "DeleteFont": lambda this, font: None,
        }
        # Release stays NULL: there is nothing to free, and nothing to call back
        # into Python while pdfium shuts down.
        self.callbacks = []
        self.system = self._struct(pdfium_c, kinds, system)
        self.text = self._struct(pdfium_c, kinds, text)

    def _struct(self, pdfium_c: Any, kinds: dict[str, Any], functions: dict[str, Any]) -> Any:
        info = pdfium_c.FPDF_SYSFONTINFO()
        info.version = 1
        for name, fn in functions.items():
            cb = kinds[name](fn)
            self.callbacks.append(cb)  # a ctypes callback dies with its Python object
            setattr(info, name, cb)
        return info


class _State:
    lookups: _Lookups | None = None
    unavailable = False
    depth = 0


_state = _State()
_lock = threading.Lock()


def _lookups() -> _Lookups | None:
    with _lock:
        return _make_lookups()


def _make_lookups() -> _Lookups | None:
    if _state.lookups is None and not _state.unavailable:
        import pypdfium2.raw as pdfium_c

        default = pdfium_c.FPDF_GetDefaultSystemFontInfo()
        if default:
            _state.lookups = _Lookups(pdfium_c, default)
        else:
            # no default lookup to put back afterwards: leave pdfium as it is
            _state.unavailable = True
    return _state.lookups


@contextlib.contextmanager
def text_only() -> Iterator[None]:
    """Within the block, pdfium substitutes the box font for fonts a PDF does not embed.

    The lookup is pdfium's, for the whole process: pages another thread loads
    or renders meanwhile get the box font too. pdfium is not thread-safe
    anyway; use it from one thread at a time.
    """
    lookups = _lookups()
    if lookups is None:
        yield
        return
    import pypdfium2.raw as pdfium_c

    with _lock:
        if _state.depth == 0:
            pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(lookups.text))
        _state.depth += 1
    try:
        yield
    finally:
        with _lock:
            _state.depth -= 1
            if _state.depth == 0:
                pdfium_c.FPDF_SetSystemFontInfo(ctypes.byref(lookups.system))


# --- fonts whose text pdfium cannot be trusted with ----------------------------------------------
#
# A composite (Type0) font without a ToUnicode map, drawn through the Identity
# CMap (or a CMap of its own), leaves pdfium only the CID to go by: it passes
# glyph ids off as code points when the font's ordering is "Identity", and maps
# Adobe CIDs through a table without the characters beyond the BMP (𠮷 comes out
# as 吉). pdfminer reads the embedded TrueType font's own cmap and the Adobe
# tables in full, so such pages are read through pdfplumber. A font with a
# predefined CMap (UniGB-UCS2-H, GBK-EUC-H, 90ms-RKSJ-H...) is mapped right.

_TYPE0 = re.compile(rb"/Subtype\s*/Type0(?![\w#])")
_OBJSTM = re.compile(rb"/Type\s*/ObjStm(?![\w#])")
_ENCODING = re.compile(rb"/Encoding\s*(/[^\s/<>\[\]()%{}]+|\d+\s+\d+\s+R)")
_IDENTITY = (b"/Identity-H", b"/Identity-V")
# a zip bomb in an object stream must not cost more than the check saves
_MAX_INFLATED = 64 << 20


def may_have_untrusted_fonts(data: bytes) -> bool:
    """Whether a PDF may hold a composite font without a Unicode map (see above), by a scan of its bytes.

    False is certain: no page needs checking. True means "check the pages":
    such a font dictionary was found, or the file keeps its objects in
    compressed object streams that could not be read (encrypted, or an
    unusual filter).
    """
    if _has_untrusted_dict(data):
        return True
    streams = _object_streams(data)
    return streams is None or any(_has_untrusted_dict(s) for s in streams)


def _has_untrusted_dict(buf: bytes) -> bool:
    for m in _TYPE0.finditer(buf):
        font = _enclosing_dict(buf, m.start())
        if font is None or b"/ToUnicode" not in font:
            enc = _ENCODING.search(font or b"")
            if enc is None or enc.group(1) in _IDENTITY or not enc.group(1).startswith(b"/"):
                return True
    return False


def _enclosing_dict(buf: bytes, pos: int) -> bytes | None:
    """The ``<< ... >>`` dictionary around ``pos`` (None when it cannot be delimited within 16 kB)."""
    depth = 0
    i = pos
    low = max(0, pos - 16384)
    while True:
        i = max(buf.rfind(b"<<", low, i), buf.rfind(b">>", low, i))
        if i < 0:
            return None
        if buf[i : i + 2] == b">>":
            depth += 1
        elif depth:
            depth -= 1
        else:
            break
    start = i
    depth = 0
    j = pos
    high = min(len(buf), pos + 16384)
    while True:
        opening = buf.find(b"<<", j, high)
        closing = buf.find(b">>", j, high)
        if closing < 0:
            return None
        if 0 <= opening < closing:
            depth += 1
            j = opening + 2
        elif depth:
            depth -= 1
            j = closing + 2
        else:
            return buf[start : closing + 2]


def _object_streams(data: bytes) -> list[bytes] | None:
    """The decoded object streams of the file; None when one cannot be decoded."""
    out: list[bytes] = []
    budget = _MAX_INFLATED
    for m in _OBJSTM.finditer(data):
        head_start = data.rfind(b"obj", 0, m.start())
        begin = data.find(b"stream", m.end())
        if head_start < 0 or begin < 0:
            return None
        head = data[head_start:begin]
        begin += 6
        if data[begin : begin + 2] == b"\r\n":
            begin += 2
        elif data[begin : begin + 1] in (b"\n", b"\r"):
            begin += 1
        end = data.find(b"endstream", begin)
        raw = data[begin : end if end >= 0 else len(data)]
        if b"/Filter" not in head:
            out.append(raw)
            continue
        if not re.search(rb"/Filter\s*\[?\s*/(?:FlateDecode|Fl)(?![\w#])\s*\]?", head) or b"/DecodeParms" in head:
            return None
        try:
            inflater = zlib.decompressobj()
            inflated = inflater.decompress(raw, budget)
        except zlib.error:
            return None  # encrypted, most likely
        budget -= len(inflated)
        if budget <= 0 or inflater.unconsumed_tail:
            return None
        out.append(inflated)
    return out


def untrusted_font_pages(pages: Any) -> list[int]:
    """Indexes of the pdfplumber ``pages`` that draw text in a composite font without a Unicode map."""
    from pdfminer.pdftypes import PDFObjRef, PDFStream, resolve1
    from pdfminer.psparser import PSLiteral

    verdicts: dict[int, bool] = {}

    def untrusted(ref: Any) -> bool:
        key = ref.objid if isinstance(ref, PDFObjRef) else id(ref)
        if key not in verdicts:
            font = resolve1(ref)
            verdict = False
            if isinstance(font, dict) and getattr(resolve1(font.get("Subtype")), "name", None) == "Type0":
                enc = resolve1(font.get("Encoding"))
                named = isinstance(enc, PSLiteral)
                verdict = "ToUnicode" not in font and (not named or enc.name in ("Identity-H", "Identity-V"))
            verdicts[key] = verdict
        return verdicts[key]

    def uses(resources: Any, depth: int) -> bool:
        resources = resolve1(resources)
        if not isinstance(resources, dict):
            return False
        fonts = resolve1(resources.get("Font"))
        if isinstance(fonts, dict) and any(untrusted(f) for f in fonts.values()):
            return True
        xobjects = resolve1(resources.get("XObject"))
        if depth < 4 and isinstance(xobjects, dict):
            for xobj in xobjects.values():
                xobj = resolve1(xobj)
                if isinstance(xobj, PDFStream) and getattr(resolve1(xobj.get("Subtype")), "name", None) == "Form":
                    if uses(xobj.get("Resources"), depth + 1):
                        return True
        return False

    out = []
    for i, page in enumerate(pages):
        try:
            if uses(page.page_obj.resources, 0):
                out.append(i)
        except Exception:  # noqa: BLE001, S112 - a page whose resources do not resolve keeps pdfium's text
            continue
    return out
