"""PDF reader: the text layer through pdfplumber (default) or pdfium, OCR for scans.

Each page becomes positioned lines (:class:`~policytext.ingest.clean.Line`),
which :func:`~policytext.ingest.clean.clean_pages` turns into clean text: page
numbers, running headers and footers removed, wrapped lines joined.

``engine="pdfplumber"`` reads the page's characters once through pdfplumber
(pdfminer.six) and groups them into lines itself, so that cleaning costs little
over a plain ``extract_text``. ``engine="pdfium"`` reads the lines that pdfium
finds, with a box for each, and is many times faster.

Hostile files are handled page by page:

* characters without a Unicode mapping (``(cid:N)``) are looked up in the
  Adobe CID tables of the font's character collection; a page whose text is
  still mostly unmapped is read again with the other engine, then by OCR;
* GBK bytes shown as Latin-1 (``Ä¿Â¼``) are decoded (``目录``);
* image-only pages are read by Tesseract when it is installed (``ocr="auto"``),
  else a warning names them;
* visible FreeText annotations (text typed onto the page in a PDF editor) are
  read as lines of the page, as a viewer shows them;
* a page that fails to load is left empty with a warning naming it; a file that
  fails to open with one engine is tried with the other; encrypted files need
  ``password=`` (SASLprep-normalised as well, for AES-256 files).

Errors are :class:`~policytext.errors.InputError` subclasses naming the file
and the reason: :class:`~policytext.errors.PasswordError`,
:class:`~policytext.errors.UnreadableDocumentError`.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import re
import stringprep
import unicodedata
import warnings as _warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import PasswordError, PolicytextError, UnknownStrategyError, UnreadableDocumentError
from . import Extracted
from .clean import Line, PageLines, clean_pages

__all__ = ["extract", "ENGINES", "OCR_MODES", "saslprep"]

#: The text engines, by name.
ENGINES = ("pdfplumber", "pdfium")
#: ``auto``: OCR pages without usable text when Tesseract is installed;
#: ``always``: OCR every page; ``never``: only warn about such pages.
OCR_MODES = ("auto", "always", "never")

# A page whose characters are this share or more without a Unicode mapping is
# read again (other engine, then OCR) instead of being cleaned of them.
_GARBAGE_SHARE = 0.05

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@dataclass
class _Page:
    """One page as an engine read it."""

    lines: PageLines | None
    status: str  # ok / empty / image / garbage / failed
    bad: int = 0  # characters without a usable Unicode value
    rotated: int = 0  # rotated characters left out (watermarks, stamps)
    reason: str = ""
    latin1: int = 0  # Latin-1 letters, which may be GBK bytes in a Western encoding
    odd: int = 0  # characters from blocks where glyph ids land (IPA, PUA...), kept

    @property
    def suspect(self) -> int:
        """How many characters look wrong: unmapped, implausible, or possibly GBK shown as Latin-1."""
        return self.bad + self.latin1 + self.odd


def extract(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    engine: str = "pdfplumber",
    password: str | None = None,
    ocr: str = "auto",
) -> Extracted:
    """Extract the clean text of a PDF, page by page.

    Args:
        path: the file's name, used in messages.
        data: the file's bytes.
        engine: ``pdfplumber`` (default) or ``pdfium`` (fast).
        password: the user or owner password of an encrypted file.
        ocr: ``auto``, ``always`` or ``never`` (see :data:`OCR_MODES`).

    Returns:
        The pages' clean text, the joins between pages and the warnings.

    Raises:
        PasswordError: the file is encrypted and the password is missing or wrong.
        UnreadableDocumentError: the file is corrupt, truncated or not a PDF.
        UnknownStrategyError: an unknown ``engine`` or ``ocr`` mode.

    Example:
        >>> from pathlib import Path
        >>> out = extract("a.pdf", Path("a.pdf").read_bytes())  # doctest: +SKIP
        >>> out.pages[0].splitlines()[0]                         # doctest: +SKIP
        '教育部办公厅文件'
    """
    if engine not in ENGINES:
        raise UnknownStrategyError("PDF engine", engine, ENGINES)
    if ocr not in OCR_MODES:
        raise UnknownStrategyError("OCR mode", ocr, OCR_MODES)
    return _Reader(os.fspath(path), data, password).run(engine, ocr)


# --- passwords ---------------------------------------------------------------------------


def saslprep(password: str) -> str:
    """Prepare a password as PDF 2.0 asks for AES-256 files (RFC 4013 SASLprep, mapping step).

    Soft hyphens and other "mapped to nothing" characters are dropped,
    non-ASCII spaces become spaces, and the result is NFKC-normalised
    (``SªSL\\u00adprep`` becomes ``SaSLprep``).
    """
    out = []
    for ch in password:
        if stringprep.in_table_b1(ch):
            continue
        out.append(" " if stringprep.in_table_c12(ch) else ch)
    return unicodedata.normalize("NFKC", "".join(out))


def _password_candidates(password: str | None) -> list[str | None]:
    if password is None:
        return [None]
    out: list[str | None] = [password]
    prepared = saslprep(password)
    if prepared != password:
        out.append(prepared)
    return out


def _password_error(source: str, password: str | None) -> PasswordError:
    if password is None:
        return PasswordError(source, "the PDF is encrypted and needs a password; pass password=... "
                                     "(or --password on the command line)")
    return PasswordError(source, "the password does not open this encrypted PDF (wrong password); "
                                 "check it and pass the user or owner password")


# --- the reader --------------------------------------------------------------------------


class _Reader:
    """Opens a PDF with one or both engines and collects its pages and warnings."""

    def __init__(self, source: str, data: bytes, password: str | None) -> None:
        self.source = source
        self.data = data
        self.password = password
        self.warnings: list[str] = []
        self._plumber: Any = None
        self._plumber_error: Exception | None = None
        self._pdfium: Any = None
        self._pdfium_error: Exception | None = None

    # opening ------------------------------------------------------------------------

    def plumber(self) -> Any:
        """The pdfplumber document, opened on first use (None when it cannot be opened)."""
        if self._plumber is None and self._plumber_error is None:
            import pdfplumber
            from pdfminer.pdfdocument import PDFPasswordIncorrect

            for candidate in _password_candidates(self.password):
                try:
                    pdf = pdfplumber.open(io.BytesIO(self.data), password=candidate or "")
                    pdf.doc  # noqa: B018 - forces the trailer, xref and decryption now
                    self._plumber = pdf
                    self._plumber_error = None
                    break
                except Exception as exc:  # noqa: BLE001 - every parser failure becomes a reason
                    cause = _unwrap(exc)
                    if isinstance(cause, PDFPasswordIncorrect):
                        self._plumber_error = _password_error(self.source, self.password)
                    else:
                        self._plumber_error = exc
                        break
        return self._plumber

    def pdfium(self) -> Any:
        """The pypdfium2 document, opened on first use (None when it cannot be opened)."""
        if self._pdfium is None and self._pdfium_error is None:
            import pypdfium2 as pdfium

            for candidate in _password_candidates(self.password):
                try:
                    self._pdfium = pdfium.PdfDocument(self.data, password=candidate)
                    self._pdfium_error = None
                    break
                except pdfium.PdfiumError as exc:
                    if "password" in str(exc).lower():
                        self._pdfium_error = _password_error(self.source, self.password)
                    else:
                        self._pdfium_error = exc
                        break
        return self._pdfium

    def fail(self, primary: Exception | None, secondary: Exception | None) -> Exception:
        for exc in (primary, secondary):
            if isinstance(exc, PasswordError):
                return exc
        reason = _describe(primary) or _describe(secondary) or "unknown error"
        error = UnreadableDocumentError(self.source, f"not a readable PDF: {reason}")
        return error

    # reading -------------------------------------------------------------------------

    def run(self, engine: str, ocr: str) -> Extracted:
        try:
            with _quiet_pdfminer():
                pages, used = self._read_pages(engine)
                self._repair_pages(pages, used)
                self._ocr(pages, ocr)
            self._page_warnings(pages)
            layouts = [p.lines or PageLines([], 0.0, 0.0) for p in pages]
            cleaned = clean_pages(layouts)
        except PolicytextError:
            raise
        except Exception as exc:  # noqa: BLE001 - a file that trips a parser is bad input, not a crash
            raise UnreadableDocumentError(self.source, f"could not be read ({_describe(exc)})") from exc
        finally:
            self._close()
        return Extracted(pages=cleaned.pages, joins=cleaned.joins, warnings=self.warnings)

    def _close(self) -> None:
        for doc in (self._plumber, self._pdfium):
            try:
                if doc is not None:
                    doc.close()
            except Exception:  # noqa: BLE001, S110 - closing is best effort
                pass

    def _read_pages(self, engine: str) -> tuple[list[_Page], str]:
        order = [engine] + [e for e in ENGINES if e != engine]
        errors: dict[str, Exception | None] = {}
        for name in order:
            try:
                pages = self._plumber_pages() if name == "pdfplumber" else self._pdfium_pages()
            except PasswordError:
                raise
            except _OpenError as exc:
                errors[name] = exc.cause
                continue
            if name != engine:
                self.warnings.append(
                    f"the {engine} engine could not open this PDF ({_describe(errors.get(engine))}); "
                    f"read with {name} instead"
                )
            return pages, name
        repaired = _with_trailer(self.data)
        if repaired is not None:
            # a truncated file or a damaged cross-reference table: give the
            # parsers a trailer pointing at the catalog and let them scan for objects
            self._close()
            self.data, original = repaired, self.data
            self._plumber = self._pdfium = None
            self._plumber_error = self._pdfium_error = None
            for name in order:
                try:
                    pages = self._plumber_pages() if name == "pdfplumber" else self._pdfium_pages()
                except (PasswordError, _OpenError):
                    continue
                if any(p.status != "failed" for p in pages):
                    self.warnings.append(
                        f"the file is truncated or its cross-reference table is damaged "
                        f"({_describe(errors.get(engine))}); rebuilt it and read {len(pages)} page(s) with {name}"
                    )
                    empty = [i + 1 for i, p in enumerate(pages) if p.status == "empty"]
                    if empty:
                        self.warnings.append(f"{_page_list(empty)}: no text, perhaps lost with the end of the file")
                    return pages, name
            self.data = original
        raise self.fail(errors.get(engine), errors.get(order[1]))

    def _plumber_pages(self) -> list[_Page]:
        pdf = self.plumber()
        if pdf is None:
            if isinstance(self._plumber_error, PasswordError):
                raise self._plumber_error
            raise _OpenError(self._plumber_error)
        try:
            plumber_pages = pdf.pages
        except Exception as exc:  # noqa: BLE001
            raise _OpenError(exc) from exc
        if not plumber_pages:
            raise _OpenError(ValueError("no pages found"))
        out = []
        for page in plumber_pages:
            try:
                out.append(_plumber_page(page))
            except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
                out.append(_Page(None, "failed", reason=_describe(exc)))
            finally:
                try:
                    page.close()
                except Exception:  # noqa: BLE001, S110
                    pass
        declared = _declared_page_count(pdf)
        if declared and declared > len(out):
            missing = _page_list(range(len(out) + 1, declared + 1))
            self.warnings.append(
                f"the page tree lists {declared} pages but only {len(out)} could be loaded; "
                f"{missing} could not be read (broken or circular page tree)"
            )
        return out

    def _pdfium_pages(self) -> list[_Page]:
        doc = self.pdfium()
        if doc is None:
            if isinstance(self._pdfium_error, PasswordError):
                raise self._pdfium_error
            raise _OpenError(self._pdfium_error)
        out = []
        for i in range(len(doc)):
            out.append(_pdfium_page_safe(doc, i))
        if not out:
            raise _OpenError(ValueError("no pages found"))
        return out

    def _repair_pages(self, pages: list[_Page], used: str) -> None:
        """Read pages whose text layer is unusable again with the other engine."""
        todo = [
            i for i, p in enumerate(pages)
            if p.status in ("garbage", "failed") or (p.latin1 and used == "pdfplumber")
        ]
        if not todo:
            return
        other = "pdfium" if used == "pdfplumber" else "pdfplumber"
        try:
            if other == "pdfium":
                doc = self.pdfium()
                count = len(doc) if doc is not None else 0
            else:
                doc = self.plumber()
                count = len(doc.pages) if doc is not None else 0
        except Exception:  # noqa: BLE001
            return
        if count != len(pages):
            return
        for i in todo:
            try:
                if other == "pdfium":
                    alt = _pdfium_page_safe(doc, i)
                else:
                    page = doc.pages[i]
                    try:
                        alt = _plumber_page(page)
                    finally:
                        page.close()
            except Exception:  # noqa: BLE001
                continue
            if alt.status == "ok" and (pages[i].status == "failed" or alt.suspect < pages[i].suspect):
                if pages[i].status == "garbage" or pages[i].latin1:
                    self.warnings.append(
                        f"page {i + 1}: the {used} text layer is unusable, {pages[i].reason}; "
                        f"read with {other} instead"
                    )
                pages[i] = alt

    def _ocr(self, pages: list[_Page], mode: str) -> None:
        if mode == "always":
            todo = list(range(len(pages)))
        else:
            todo = [i for i, p in enumerate(pages) if p.status in ("image", "garbage")]
        if not todo:
            return
        from . import ocr as ocr_module

        kinds = {i: pages[i].status for i in todo}
        if mode == "never":
            self.warnings.extend(ocr_module.skipped_warnings(kinds, reason="OCR was turned off (ocr='never')"))
            return
        problem = ocr_module.unavailable_reason()
        if problem:
            self.warnings.extend(ocr_module.skipped_warnings(kinds, reason=problem))
            return
        doc = self.pdfium()
        if doc is None or len(doc) != len(pages):
            self.warnings.extend(ocr_module.skipped_warnings(kinds, reason="pdfium cannot render this file"))
            return
        result = ocr_module.ocr_pages(doc, todo, kinds=kinds)
        for i, lines in result.pages.items():
            # keep what a text layer had when OCR finds nothing better
            if lines.lines or pages[i].lines is None or not pages[i].lines.lines:
                pages[i] = _Page(lines, "ocr")
        self.warnings.extend(result.warnings)

    def _page_warnings(self, pages: list[_Page]) -> None:
        failed = [(i, p) for i, p in enumerate(pages) if p.status == "failed"]
        for i, p in failed:
            self.warnings.append(f"page {i + 1} could not be read ({p.reason}); it is left empty")
        for i, p in enumerate(pages):
            if p.status in ("ok", "ocr") and p.bad:
                self.warnings.append(
                    f"page {i + 1}: {p.bad} character(s) without a Unicode mapping were left out"
                )
            if p.rotated:
                self.warnings.append(
                    f"page {i + 1}: {p.rotated} rotated character(s) (a watermark or stamp?) were left out"
                )


_CATALOG = re.compile(rb"(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj).){0,4000}?/Type\s*/Catalog\b", re.S)


def _with_trailer(data: bytes) -> bytes | None:
    """The file with a fresh trailer naming its catalog, or None when it has no catalog object."""
    if b"%PDF-" not in data[:1024]:
        return None
    catalogs = list(_CATALOG.finditer(data))
    if not catalogs:
        return None
    found = catalogs[-1]  # the latest, after incremental updates
    number, generation = int(found.group(1)), int(found.group(2))
    return data + b"\nendstream\nendobj\ntrailer\n<< /Root %d %d R >>\n%%%%EOF\n" % (number, generation)


class _OpenError(Exception):
    def __init__(self, cause: Exception | None) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _unwrap(exc: BaseException) -> BaseException:
    """The pdfminer exception inside pdfplumber's wrapper."""
    seen = 0
    while seen < 5 and exc.args and isinstance(exc.args[0], BaseException):
        exc = exc.args[0]
        seen += 1
    return exc


def _describe(exc: BaseException | None) -> str:
    """A short, user-facing reason for an engine's exception."""
    if exc is None:
        return ""
    exc = _unwrap(exc)
    name = type(exc).__name__
    text = str(exc).strip().strip("'\"")
    text = re.sub(r"\s+", " ", text)[:160]
    if isinstance(exc, RecursionError):
        return "the file's structure loops back on itself"
    if name == "PdfiumError":
        m = re.search(r"\(PDFium: ([^)]*)\)", text)
        detail = m.group(1).rstrip(".").lower() if m else ""
        what = "the page" if "page" in text.lower() else "the file"
        return f"pdfium cannot load {what}" + (f": {detail}" if detail else "")
    if name in ("PSEOF",):
        return "the file ends too early (truncated)"
    if name in ("PDFSyntaxError", "PSSyntaxError", "PSTypeError", "PDFTypeError", "MalformedPDFException"):
        return f"broken PDF structure ({text or name})"
    return f"{name}: {text}" if text else name


def _declared_page_count(pdf: Any) -> int:
    """The page count the document catalog declares (/Pages /Count), 0 when unknown."""
    try:
        from pdfminer.pdftypes import resolve1

        pages = resolve1(pdf.doc.catalog.get("Pages"))
        count = resolve1(pages.get("Count")) if isinstance(pages, dict) else None
        return int(count) if isinstance(count, int) and 0 < count < 100000 else 0
    except Exception:  # noqa: BLE001
        return 0


def _page_list(numbers: Any) -> str:
    nums = sorted(set(numbers))
    if not nums:
        return ""
    spans = []
    start = prev = nums[0]
    for n in nums[1:]:
        if n == prev + 1:
            prev = n
            continue
        spans.append((start, prev))
        start = prev = n
    spans.append((start, prev))
    parts = [f"{a}" if a == b else f"{a}-{b}" for a, b in spans]
    return ("page " if len(nums) == 1 else "pages ") + ", ".join(parts)


class _quiet_pdfminer:
    """Silence pdfminer's logging and warnings while reading hostile files."""

    def __enter__(self) -> None:
        self._loggers = [logging.getLogger(n) for n in ("pdfminer", "pdfplumber")]
        self._levels = [lg.level for lg in self._loggers]
        for lg in self._loggers:
            lg.setLevel(logging.CRITICAL)
        self._catch = _warnings.catch_warnings()
        self._catch.__enter__()
        _warnings.simplefilter("ignore")

    def __exit__(self, *exc: object) -> None:
        self._catch.__exit__(*exc)
        for lg, level in zip(self._loggers, self._levels):
            lg.setLevel(level)


# --- building lines from characters -------------------------------------------------------


class _Seg:
    """A run of characters on one baseline, left to right."""

    __slots__ = ("x0", "x1", "top", "bottom", "size", "parts", "last", "last_x0", "last_top", "space")

    def __init__(self, t: str, x0: float, x1: float, top: float, bottom: float, size: float) -> None:
        self.x0, self.x1, self.top, self.bottom, self.size = x0, x1, top, bottom, size
        self.parts = [t]
        self.last, self.last_x0, self.last_top = t, x0, top
        self.space: float | None = None


def _is_cjk(ch: str) -> bool:
    return bool(_CJK.match(ch))


def _segments_from_chars(chars: list[tuple[str, float, float, float, float, float]]) -> list[_Seg]:
    segs: list[_Seg] = []
    cur: _Seg | None = None
    for t, x0, x1, top, bottom, size in chars:
        if t.isspace():
            if cur is not None and cur.space is None:
                cur.space = x0 + 0.5 * max(x1 - x0, 0.0)
            continue
        if cur is not None:
            tol = 0.35 * max(size, cur.size)
            if abs(bottom - cur.bottom) <= tol and abs(top - cur.top) <= max(tol, abs(size - cur.size) + tol):
                # fake bold: the same glyph drawn twice at (almost) the same place
                if t == cur.last and abs(x0 - cur.last_x0) < min(0.15 * size, 0.5 * (x1 - x0)) and abs(top - cur.last_top) < 0.15 * size:
                    continue
                gap = x0 - cur.x1
                if -0.6 * size <= gap <= 2.0 * max(size, cur.size):
                    if cur.space is not None and x0 >= cur.space:
                        cur.parts.append(" ")
                    elif gap > (0.6 if (_is_cjk(t) and _is_cjk(cur.last)) else 0.22) * size:
                        cur.parts.append(" ")
                    cur.parts.append(t)
                    cur.x1 = max(cur.x1, x1)
                    cur.top = min(cur.top, top)
                    cur.bottom = max(cur.bottom, bottom)
                    cur.size = max(cur.size, size)
                    cur.last, cur.last_x0, cur.last_top, cur.space = t, x0, top, None
                    continue
        cur = _Seg(t, x0, x1, top, bottom, size)
        segs.append(cur)
    return segs


def _merge_lines(segs: list[tuple[float, float, float, float, float, str]]) -> list[Line]:
    """Group pieces of text (x0, x1, top, bottom, size, text) that share a baseline into lines."""
    segs = sorted(segs, key=lambda s: (s[2], s[0]))
    # the common case (pdfium's lines): each piece already a line of its own
    if all(b[2] >= a[3] - 0.5 * min(a[3] - a[2], b[3] - b[2]) for a, b in zip(segs, segs[1:])):
        return [Line(s[5], s[0], s[1], s[2], s[3], s[4]) for s in segs]
    groups: list[list[tuple[float, float, float, float, float, str]]] = []
    tops: list[float] = []
    bottoms: list[float] = []
    for s in segs:
        top, bottom = s[2], s[3]
        height = bottom - top
        target = -1
        # usually the line just before; look back a little for out-of-order pieces
        for g in range(len(groups) - 1, max(len(groups) - 4, -1), -1):
            overlap = min(bottoms[g], bottom) - max(tops[g], top)
            if overlap > 0 and overlap >= 0.5 * min(bottoms[g] - tops[g], height):
                target = g
                break
            if bottoms[g] < top - 3 * height:
                break
        if target < 0:
            groups.append([s])
            tops.append(top)
            bottoms.append(bottom)
        else:
            groups[target].append(s)
            if top < tops[target]:
                tops[target] = top
            if bottom > bottoms[target]:
                bottoms[target] = bottom
    lines = []
    for k, group in enumerate(groups):
        if len(group) == 1:
            s = group[0]
            lines.append(Line(s[5], s[0], s[1], s[2], s[3], s[4]))
            continue
        group.sort(key=lambda s: s[0])
        pieces: list[list[Any]] = []  # [x0, x1, text]
        size = max(s[4] for s in group)
        for s in group:
            if pieces:
                last = pieces[-1]
                # the same text drawn twice over itself (fake bold, shadows)
                if s[0] < last[1] - 0.5 * size and s[5] in last[2]:
                    continue
                gap = s[0] - last[1]
                if gap <= 2.0 * size:
                    sep = " " if gap > (0.6 if _is_cjk(last[2][-1:]) and _is_cjk(s[5][:1]) else 0.22) * size else ""
                    last[1] = max(last[1], s[1])
                    last[2] = last[2] + sep + s[5]
                    continue
            pieces.append([s[0], s[1], s[5]])
        text = " ".join(p[2] for p in pieces)
        segments = [(p[0], p[1], p[2]) for p in pieces] if len(pieces) > 1 else None
        lines.append(Line(text, pieces[0][0], max(p[1] for p in pieces), tops[k], bottoms[k], size, segments))
    return lines


def _columns(chars: list[tuple[str, float, float, float, float, float]], width: float) -> list[Line]:
    """Vertical writing: columns right to left, each read top to bottom, as horizontal lines."""
    cols: list[list[tuple[str, float, float, float, float, float]]] = []
    centres: list[float] = []
    for c in sorted(chars, key=lambda c: -(c[1] + c[2])):
        centre = (c[1] + c[2]) / 2
        for k, x in enumerate(centres):
            if abs(x - centre) < 0.5 * c[5]:
                cols[k].append(c)
                break
        else:
            cols.append([c])
            centres.append(centre)
    lines = []
    for col in cols:
        col.sort(key=lambda c: c[3])
        text = "".join(c[0] for c in col if not c[0].isspace())
        x0 = min(c[1] for c in col)
        x1 = max(c[2] for c in col)
        size = max(c[5] for c in col)
        lines.append(Line(text, min(c[3] for c in col), max(c[4] for c in col), width - x1, width - x0, size))
    return lines


# --- pdfplumber ----------------------------------------------------------------------------


def _plumber_page(page: Any) -> _Page:
    width, height = float(page.width), float(page.height)
    chars = page.chars
    resolver: _CidResolver | None = None
    kept: list[tuple[str, float, float, float, float, float]] = []
    rotated: list[tuple[str, float, float, float, float, float]] = []
    bad = 0
    vertical = horizontal = 0
    prev: tuple[str, float, float, float, float, float] | None = None
    for c in chars:
        t = c["text"]
        if len(t) != 1:
            if t.startswith("(cid:"):
                if resolver is None:
                    resolver = _CidResolver(page)
                t = resolver.resolve(c["fontname"], t)
            if not t:
                bad += 1
                continue
        elif t < " " and t not in "\t\n\r":
            bad += 1
            continue
        item = (t, c["x0"], c["x1"], c["top"], c["bottom"], c["size"])
        if not c["upright"]:
            rotated.append(item)
            continue
        if prev is not None and not t.isspace():
            size = item[5]
            dx = item[1] - prev[1]
            dy = item[3] - prev[3]
            if abs(dx) < 0.3 * size and 0.6 * size < dy < 2.5 * size:
                vertical += 1
            elif abs(dy) < 0.3 * size and dx > 0:
                horizontal += 1
        if not t.isspace():
            prev = item
        kept.append(item)
    total = len(kept) + len(rotated) + bad
    latin1 = _latin1_share("".join(c[0] for c in kept))
    annots = _plumber_annotation_lines(page)
    if not kept and rotated:
        # a page set sideways: pdfium reads rotated lines; let it
        return _Page(None, "garbage", bad=bad + len(rotated), reason="rotated text")
    n_rotated = len(rotated)
    if vertical >= 3 and vertical > 2 * horizontal:
        lines = _columns([k for k in kept if not k[0].isspace()], width)
        lines.sort(key=lambda ln: (ln.top, ln.x0))
        layout = PageLines(lines + annots, height, width)
    else:
        segs = _segments_from_chars(kept)
        pieces = [(s.x0, s.x1, s.top, s.bottom, s.size, "".join(s.parts)) for s in segs]
        pieces += [(a.x0, a.x1, a.top, a.bottom, a.size, a.text) for a in annots]
        lines = _merge_lines(pieces)
        layout = PageLines(lines, width, height)
    _fit_page(layout)
    if bad and (bad >= _GARBAGE_SHARE * total and bad >= 3 or not any(ln.text.strip() for ln in layout.lines)):
        return _Page(layout, "garbage", bad=bad, reason="most characters have no Unicode mapping", latin1=latin1)
    if latin1:
        # pdfium may know the font's Chinese charset; otherwise clean.recover_gbk decodes it
        return _Page(layout, "ok", bad=bad, rotated=n_rotated, latin1=latin1,
                     reason="its Chinese is GBK bytes under a Western font encoding (mojibake)")
    if not layout.lines:
        has_images = bool(page.images)
        return _Page(layout, "image" if has_images else "empty", bad=bad)
    return _Page(layout, "ok", bad=bad, rotated=n_rotated)


# Blocks that hold glyph ids passed off as code points when pdfium meets a font
# without a Unicode map: Latin Extended-B (pinyin ǎǐǒǔ and ș ț aside), IPA,
# spacing modifiers, combining marks, C1 controls, Private Use, specials.
_IMPLAUSIBLE = re.compile("[\u0180-\u01cc\u01dd-\u0217\u021c-\u036f\ue000-\uf8ff\ufff0-\uffff]")

_LATIN1 = re.compile("[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _latin1_share(text: str) -> int:
    """The number of Latin-1 letters when they make up a suspicious share of the page (GBK mojibake), else 0."""
    text = "".join(text.split())
    if not text:
        return 0
    hi = len(_LATIN1.findall(text))
    if hi < 4:
        return 0
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    # accented letters in French or Czech are a small share of the page; mojibake is most of it
    return hi if hi >= 0.5 * non_ascii and hi >= 0.2 * len(text) else 0


def _fit_page(layout: PageLines) -> None:
    """Stretch the page box over text that lies outside it (an inverted or wrong MediaBox)."""
    if not layout.lines:
        return
    low = min(ln.top for ln in layout.lines)
    high = max(ln.bottom for ln in layout.lines)
    if low < -1 or high > layout.height + 1:
        shift = min(low, 0.0)
        for ln in layout.lines:
            ln.top -= shift
            ln.bottom -= shift
        layout.height = max(layout.height, high - shift)


def _plumber_annotation_lines(page: Any) -> list[Line]:
    """Visible FreeText annotations (typewriter text added in a PDF editor), as lines."""
    try:
        annots = page.annots
    except Exception:  # noqa: BLE001
        return []
    out = []
    for a in annots:
        data = a.get("data") or {}
        subtype = getattr(data.get("Subtype"), "name", data.get("Subtype"))
        if subtype != "FreeText":
            continue
        flags = data.get("F") or 0
        if isinstance(flags, int) and flags & (2 | 32):  # Hidden, NoView
            continue
        text = a.get("contents") or ""
        out.extend(_box_lines(text, a["x0"], a["x1"], a["top"], a["bottom"]))
    return out


def _box_lines(text: str, x0: float, x1: float, top: float, bottom: float) -> list[Line]:
    rows = [r.strip() for r in str(text).splitlines() if r.strip()]
    if not rows:
        return []
    step = max((bottom - top) / len(rows), 1.0)
    return [Line(r, x0, x1, top + k * step, top + (k + 1) * step, min(step, 14.0)) for k, r in enumerate(rows)]


# CID -> Unicode through the Adobe character collections: the Uni*-UTF32-H CMaps
# map Unicode to CIDs; inverted they give the Unicode value of a CID when a font
# has no ToUnicode map (pdf.js does the same).
_UNI_CMAPS = {"GB1": "UniGB-UTF32-H", "CNS1": "UniCNS-UTF32-H", "Japan1": "UniJIS-UTF32-H", "Korea1": "UniKS-UTF32-H"}


@functools.lru_cache(maxsize=8)
def _cid_to_unicode(ordering: str) -> dict[int, str]:
    from pdfminer.cmapdb import CMapDB

    name = _UNI_CMAPS.get(ordering)
    if not name:
        return {}
    try:
        cmap = CMapDB.get_cmap(name)
    except Exception:  # noqa: BLE001
        return {}
    out: dict[int, str] = {}

    def walk(node: dict, code: int, depth: int) -> None:
        for byte, value in node.items():
            c = (code << 8) | byte
            if isinstance(value, dict):
                walk(value, c, depth + 1)
            elif depth == 3:
                # prefer the lowest code point: the unified ideograph over compatibility forms
                if value not in out or c < ord(out[value]):
                    try:
                        out[value] = chr(c)
                    except ValueError:
                        pass

    walk(cmap.code2cid, 0, 0)
    return out


class _CidResolver:
    """Unicode for ``(cid:N)`` characters of CID fonts with a known Adobe collection."""

    def __init__(self, page: Any) -> None:
        self.orderings: dict[str, str] = {}
        try:
            from pdfminer.pdftypes import resolve1

            fonts = resolve1(page.page_obj.resources.get("Font")) or {}
            for spec in fonts.values():
                spec = resolve1(spec)
                if not isinstance(spec, dict):
                    continue
                base = getattr(resolve1(spec.get("BaseFont")), "name", None)
                for desc in resolve1(spec.get("DescendantFonts")) or []:
                    info = resolve1(resolve1(desc).get("CIDSystemInfo")) or {}
                    ordering = resolve1(info.get("Ordering"))
                    if isinstance(ordering, bytes):
                        ordering = ordering.decode("latin-1")
                    if base and ordering:
                        self.orderings[str(base)] = str(ordering)
        except Exception:  # noqa: BLE001 - no mapping then
            pass

    def resolve(self, fontname: str, text: str) -> str:
        ordering = self.orderings.get(fontname)
        if not ordering:
            return ""
        try:
            cid = int(text[5:-1])
        except ValueError:
            return ""
        return _cid_to_unicode(ordering).get(cid, "") if cid else ""


# --- pdfium ---------------------------------------------------------------------------------


def _pdfium_page_safe(doc: Any, index: int) -> _Page:
    try:
        page = doc[index]
    except Exception as exc:  # noqa: BLE001
        return _Page(None, "failed", reason=_describe(exc))
    try:
        return _pdfium_page(page)
    except Exception as exc:  # noqa: BLE001
        return _Page(None, "failed", reason=_describe(exc))
    finally:
        page.close()


def _box_transform(page: Any) -> tuple[Callable[[float, float, float, float], tuple[float, float, float, float]], float, float]:
    """Map pdfium boxes (PDF space) to (x0, x1, top, bottom) on the page as displayed."""
    cx0, cy0, cx1, cy1 = page.get_cropbox()
    w, h = cx1 - cx0, cy1 - cy0
    rot = page.get_rotation() % 360
    # arguments: left, bottom, right, top of a box in PDF space
    if rot == 90:
        return (lambda x0, y0, x1, y1: (y0 - cy0, y1 - cy0, x0 - cx0, x1 - cx0)), h, w
    if rot == 180:
        return (lambda x0, y0, x1, y1: (cx1 - x1, cx1 - x0, y0 - cy0, y1 - cy0)), w, h
    if rot == 270:
        return (lambda x0, y0, x1, y1: (cy1 - y1, cy1 - y0, cx1 - x1, cx1 - x0)), h, w
    return (lambda x0, y0, x1, y1: (x0 - cx0, x1 - cx0, cy1 - y1, cy1 - y0)), w, h


# pdfium joins a line that ends in a hyphen to the next and marks the place with
# U+FFFE; a line ends there too.
_PDFIUM_LINE = re.compile("[^\r\n\ufffe]+\ufffe?")
# control characters, replacement characters and BOMs carry no text
_PDFIUM_DROP = re.compile("[\x00-\x1f\x7f-\x9f\ufffd\ufeff]")


def _pdfium_page(page: Any) -> _Page:
    import pypdfium2.raw as pdfium_c

    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        transform, width, height = _box_transform(page)
        pieces: list[tuple[float, float, float, float, float, str]] = []
        # control characters, replacement characters, and glyph ids passed
        # off as code points (fonts without a Unicode map)
        bad = len(_PDFIUM_DROP.findall(text.replace("\r\n", "")))
        odd = len(_IMPLAUSIBLE.findall(text))
        to_char = pdfium_c.FPDFText_GetCharIndexFromTextIndex
        loose_box = pdfium_c.FPDFText_GetLooseCharBox
        rect = pdfium_c.FS_RECTF()
        vertical = 0
        for m in _PDFIUM_LINE.finditer(text):
            raw = m.group()
            stripped = (_PDFIUM_DROP.sub("", raw) if bad else raw).strip()
            if not stripped:
                continue
            start = m.start()
            i0 = to_char(textpage, start + len(raw) - len(raw.lstrip()))
            i1 = to_char(textpage, start + len(raw.rstrip()) - 1)
            if i0 < 0 or i1 < 0 or not loose_box(textpage, i0, rect):
                continue
            l0, b0, r0, t0 = rect.left, rect.bottom, rect.right, rect.top
            if i1 != i0 and loose_box(textpage, i1, rect):
                l1, b1, r1, t1 = rect.left, rect.bottom, rect.right, rect.top
            else:
                l1, b1, r1, t1 = l0, b0, r0, t0
            x0, x1, top, bottom = transform(min(l0, l1), min(b0, b1), max(r0, r1), max(t0, t1))
            a0, a1, at, ab = transform(l0, b0, r0, t0)
            size = max(ab - at, 1.0)
            if len(stripped) > 1 and (bottom - top) > 2.5 * size and (x1 - x0) < 1.5 * size:
                vertical += 1
            pieces.append((x0, x1, top, bottom, size, stripped))
        annots = [(a.x0, a.x1, a.top, a.bottom, a.size, a.text) for a in _pdfium_annotation_lines(page, transform)]
        if vertical and vertical >= 0.5 * len(pieces):
            lines = [Line(p[5], p[2], p[3], width - p[1], width - p[0], p[1] - p[0]) for p in pieces]
            lines.sort(key=lambda ln: (ln.top, ln.x0))
            layout = PageLines(lines, height, width)
        else:
            lines = _merge_lines(pieces + annots)
            layout = PageLines(lines, width, height)
            _edge_segments(layout, textpage, text, transform)
        _fit_page(layout)
        total = sum(len(p[5]) for p in pieces) + bad
        wrong = bad + odd
        if wrong and (wrong >= _GARBAGE_SHARE * total and wrong >= 3 or not layout.lines):
            # glyph ids are not text: leave them out, as pdfminer leaves out (cid:N)
            for line in layout.lines:
                line.text = _IMPLAUSIBLE.sub("", line.text)
                line.segments = None
            layout.lines = [line for line in layout.lines if line.text.strip()]
            return _Page(layout, "garbage", bad=bad, odd=odd, reason="most characters have no Unicode mapping")
        if not layout.lines:
            has_images = any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))
            return _Page(layout, "image" if has_images else "empty", bad=bad)
        latin1 = _latin1_share(text) if _LATIN1.search(text) else 0
        return _Page(layout, "ok", bad=bad, odd=odd, latin1=latin1)
    finally:
        textpage.close()


def _edge_segments(layout: PageLines, textpage: Any, text: str, transform: Callable) -> None:
    """Split the top and bottom lines at wide gaps, so that a page number beside a header can go."""
    import pypdfium2.raw as pdfium_c

    lines = layout.lines
    if not lines:
        return
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    edge = set(order[:2] + order[-2:])
    to_char = pdfium_c.FPDFText_GetCharIndexFromTextIndex
    for i in edge:
        line = lines[i]
        if " " not in line.text or line.segments:
            continue
        start = text.find(line.text)
        if start < 0:
            continue
        parts = []
        pos = 0
        for m in re.finditer(r" +", line.text):
            left = to_char(textpage, start + m.start() - 1)
            right = to_char(textpage, start + m.end())
            if left < 0 or right < 0:
                continue
            lx = transform(*textpage.get_charbox(left, loose=True))
            rx = transform(*textpage.get_charbox(right, loose=True))
            if rx[0] - lx[1] > 2.0 * line.size:
                parts.append((pos, m.start(), m.end(), lx[1], rx[0]))
                pos = m.end()
        if not parts:
            continue
        segments = []
        seg_x0 = line.x0
        last_end = 0
        for p_start, gap_start, gap_end, left_x1, right_x0 in parts:
            segments.append((seg_x0, left_x1, line.text[last_end:gap_start]))
            seg_x0 = right_x0
            last_end = gap_end
            del p_start
        segments.append((seg_x0, line.x1, line.text[last_end:]))
        line.segments = segments


def _pdfium_annotation_lines(page: Any, transform: Callable) -> list[Line]:
    """Visible FreeText annotations through pdfium's annotation API."""
    import ctypes

    import pypdfium2.raw as pdfium_c

    out: list[Line] = []
    count = pdfium_c.FPDFPage_GetAnnotCount(page)
    for k in range(max(count, 0)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, k)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) != pdfium_c.FPDF_ANNOT_FREETEXT:
                continue
            flags = pdfium_c.FPDFAnnot_GetFlags(annot)
            if flags & (pdfium_c.FPDF_ANNOT_FLAG_HIDDEN | pdfium_c.FPDF_ANNOT_FLAG_NOVIEW):
                continue
            n = pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
            if n <= 2:
                continue
            buf = ctypes.create_string_buffer(n)
            pdfium_c.FPDFAnnot_GetStringValue(annot, b"Contents", ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), n)
            contents = buf.raw[: n - 2].decode("utf-16-le", errors="ignore")
            rect = pdfium_c.FS_RECTF()
            if not pdfium_c.FPDFAnnot_GetRect(annot, rect):
                continue
            x0, x1, top, bottom = transform(rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
            out.extend(_box_lines(contents, x0, x1, top, bottom))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return out
