"""PDF reader: the text layer through pdfplumber (default) or pdfium, OCR for scans.

Each page becomes positioned lines (:class:`~policytext.ingest.clean.Line`),
which :func:`~policytext.ingest.clean.clean_pages` turns into clean text: page
numbers, running headers and footers removed, wrapped lines joined.

``engine="pdfplumber"`` reads the page's characters once through pdfplumber
(pdfminer.six) and groups them into lines itself, so that cleaning costs little
over a plain ``extract_text``. ``engine="pdfium"`` reads the lines that pdfium
finds, with a box for each, through pdfium's C API, and is many times faster:

* fonts a PDF does not embed get a tiny stand-in font instead of a system
  font, whose glyph outlines pdfium would otherwise read for every character
  (:mod:`~policytext.ingest._pdfium_fonts`; rendering for OCR is unaffected);
* a line whose pieces the file draws out of order (LibreOffice draws the
  quotation marks and spaces of a Chinese line after it) is rebuilt from its
  characters, and the spaces pdfium makes up in the small gap that word
  processors leave between Chinese and Latin text are left out;
* pages drawn in a composite font without a Unicode map, whose letters pdfium
  gets wrong, are read through pdfplumber.

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
  ``password=`` (SASLprep-normalised as well, for AES-256 files);
* a file that takes longer than ``timeout`` seconds (300 by default: a form
  that draws itself millions of times, say) is given up with an error; see
  :mod:`~policytext.ingest._timelimit` for where the limit cannot reach.

Errors are :class:`~policytext.errors.InputError` subclasses naming the file
and the reason: :class:`~policytext.errors.PasswordError`,
:class:`~policytext.errors.UnreadableDocumentError`.
"""

from __future__ import annotations

import codecs
import ctypes
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
from operator import itemgetter
from typing import Any

from ..errors import PasswordError, PolicytextError, UnknownStrategyError, UnreadableDocumentError
from . import Extracted
from ._pdfium_fonts import may_have_untrusted_fonts, text_only, untrusted_font_pages
from ._timelimit import Expired, time_limit
from .clean import Line, PageLines, clean_pages
from .text import CELL_SEPARATOR

__all__ = ["extract", "ENGINES", "OCR_MODES", "TIMEOUT", "saslprep"]

#: The text engines, by name.
ENGINES = ("pdfplumber", "pdfium")
#: Seconds a PDF may take to read by default (see ``timeout`` of :func:`extract`).
TIMEOUT = 300.0
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
    timeout: float | None = TIMEOUT,
) -> Extracted:
    """Extract the clean text of a PDF, page by page.

    Args:
        path: the file's name, used in messages.
        data: the file's bytes.
        engine: ``pdfplumber`` (default) or ``pdfium`` (fast).
        password: the user or owner password of an encrypted file.
        ocr: ``auto``, ``always`` or ``never`` (see :data:`OCR_MODES`).
        timeout: seconds the file may take, OCR included (default
            :data:`TIMEOUT`); 0 or None for no limit. Enforced in the main
            thread of a process only, between Python steps (see
            :mod:`policytext.ingest._timelimit`).

    Returns:
        The pages' clean text, the joins between pages and the warnings.

    Raises:
        PasswordError: the file is encrypted and the password is missing or wrong.
        UnreadableDocumentError: the file is corrupt, truncated or not a PDF, or
            took longer than ``timeout``.
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
    reader = _Reader(os.fspath(path), data, password)
    with time_limit(timeout) as limit:
        try:
            return reader.run(engine, ocr)
        except Expired:
            limit.stop()
            reader._close()
            raise UnreadableDocumentError(
                reader.source,
                f"took longer than {timeout:g} s to read and was given up; the file may be built to loop or "
                f"hold millions of drawing operations (pass a larger timeout= to wait longer)",
            ) from None


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

    def _render_document(self) -> Any:
        """The file opened again in pdfium for rendering, with the system fonts that text reading left out."""
        import pypdfium2 as pdfium

        for candidate in _password_candidates(self.password):
            try:
                return pdfium.PdfDocument(self.data, password=candidate)
            except pdfium.PdfiumError:
                continue
        return None

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
        reader = _PdfiumPages(doc)
        with text_only():
            out = [reader.read(i) for i in range(len(reader))]
        if not out:
            raise _OpenError(ValueError("no pages found"))
        return out

    def _repair_pages(self, pages: list[_Page], used: str) -> None:
        """Read pages whose text layer is unusable again with the other engine.

        With pdfium, pages drawn in a composite font without a Unicode map
        are read with pdfplumber too, and its text is taken when it has one
        (see :func:`~policytext.ingest._pdfium_fonts.untrusted_font_pages`).
        """
        todo = {
            i for i, p in enumerate(pages)
            if p.status in ("garbage", "failed") or (p.latin1 and used == "pdfplumber")
        }
        untrusted = self._untrusted_pages() if used == "pdfium" else set()
        todo |= untrusted
        if not todo:
            return
        other = "pdfium" if used == "pdfplumber" else "pdfplumber"
        try:
            if other == "pdfium":
                doc = self.pdfium()
                doc = _PdfiumPages(doc) if doc is not None else None
                count = len(doc) if doc is not None else 0
            else:
                doc = self.plumber()
                count = len(doc.pages) if doc is not None else 0
        except Exception:  # noqa: BLE001
            return
        if count != len(pages):
            return
        for i in sorted(todo):
            try:
                if other == "pdfium":
                    with text_only():
                        alt = doc.read(i)
                else:
                    page = doc.pages[i]
                    try:
                        alt = _plumber_page(page)
                    finally:
                        page.close()
            except Exception:  # noqa: BLE001
                continue
            if i in untrusted and alt.status == "ok" and pages[i].status == "ok":
                pages[i] = alt
                continue
            if alt.status == "ok" and (pages[i].status == "failed" or alt.suspect < pages[i].suspect):
                if pages[i].status == "garbage" or pages[i].latin1:
                    self.warnings.append(
                        f"page {i + 1}: the {used} text layer is unusable, {pages[i].reason}; "
                        f"read with {other} instead"
                    )
                pages[i] = alt

    def _untrusted_pages(self) -> set[int]:
        """Pages whose pdfium text cannot be trusted (a composite font without a Unicode map)."""
        if not may_have_untrusted_fonts(self.data):
            return set()
        pdf = self.plumber()
        if pdf is None:
            return set()
        try:
            return set(untrusted_font_pages(pdf.pages))
        except Exception:  # noqa: BLE001 - no verdict: keep pdfium's text
            return set()

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
        doc = self._render_document()
        if doc is None or len(doc) != len(pages):
            self.warnings.extend(ocr_module.skipped_warnings(kinds, reason="pdfium cannot render this file"))
            return
        try:
            result = ocr_module.ocr_pages(doc, todo, kinds=kinds)
        finally:
            doc.close()
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


def _space_gap(a: str, b: str) -> float:
    """The gap (in ems) between two characters that reads as a space.

    Between Chinese characters only a wide gap does; between Chinese and Latin
    letters or digits, word processors add a quarter em or so of their own
    (Word's and LibreOffice's "space between Asian and Latin text").
    """
    cjk_a, cjk_b = _is_cjk(a), _is_cjk(b)
    if cjk_a and cjk_b:
        return 0.6
    return 0.45 if cjk_a or cjk_b else 0.22


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
                    elif gap > _space_gap(t, cur.last) * size:
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


def _reading_order(chars: list[tuple[str, float, float, float, float, float]]) -> list[tuple[str, float, float, float, float, float]]:
    """The characters line by line, left to right, when the file draws a line's pieces out of order.

    LibreOffice, for one, draws the spaces and quotation marks of a Chinese
    line in a Latin font after the Chinese characters. Files drawn in order
    are returned as they are.
    """
    prev = None
    for c in chars:
        if prev is not None and c[1] < prev[1] - 0.5 * c[5] and abs(c[4] - prev[4]) < 0.3 * max(c[5], prev[5]):
            break
        prev = c
    else:
        return chars
    lines: list[list[tuple[str, float, float, float, float, float]]] = []
    base = 0.0
    for c in sorted(chars, key=lambda c: c[4]):
        if not lines or abs(c[4] - base) > 0.3 * c[5]:
            lines.append([])
            base = c[4]
        lines[-1].append(c)
    return [c for line in lines for c in sorted(line, key=lambda c: c[1])]


_TOP_LEFT = itemgetter(2, 0)


def _merge_lines(segs: list[tuple[float, float, float, float, float, str]]) -> list[Line]:
    """Group pieces of text (x0, x1, top, bottom, size, text) that share a baseline into lines."""
    segs = sorted(segs, key=_TOP_LEFT)
    # the common case (pdfium's lines): each piece already a line of its own
    a = None
    for b in segs:
        if a is not None and not b[2] >= a[3] - 0.5 * min(a[3] - a[2], b[3] - b[2]):
            break
        a = b
    else:
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
                    sep = " " if gap > _space_gap(last[2][-1:], s[5][:1]) * size else ""
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
        tables = _ruled_tables(page, kept)
        if tables:
            kept = [k for k in kept if not any(_inside(k, box) for box, _ in tables)]
        segs = _segments_from_chars(_reading_order(kept))
        pieces = [(s.x0, s.x1, s.top, s.bottom, s.size, "".join(s.parts)) for s in segs]
        pieces += [(a.x0, a.x1, a.top, a.bottom, a.size, a.text) for a in annots]
        lines = _merge_lines(pieces)
        for _, rows in tables:
            for row in rows:
                at = next((i for i, ln in enumerate(lines) if ln.top > row.top), len(lines))
                lines.insert(at, row)
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


def _inside(char: tuple[str, float, float, float, float, float], box: tuple[float, float, float, float]) -> bool:
    x = 0.5 * (char[1] + char[2])
    y = 0.5 * (char[3] + char[4])
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _ruled_tables(page: Any, chars: list[tuple[str, float, float, float, float, float]]) -> list[tuple[tuple[float, float, float, float], list[Line]]]:
    """The ruled tables of a page, each as its box and one line per row, cells joined by `` | ``.

    A plan's goals are often set in a table (指标名称 | 单位 | 2023年 | 2025年); read as
    lines of words, its cells run together and its rows into one paragraph. Only a
    page with ruling lines is searched (pdfplumber's table finder, which follows
    them), and only a table of two rows and two columns or more is kept.
    """
    drawn = page.objects  # (the parsed objects: counting them costs nothing, unlike page.edges)
    if len(drawn.get("line", ())) + len(drawn.get("rect", ())) < 4:
        return []
    try:
        found = page.find_tables()
    except Exception:  # noqa: BLE001 - a table we cannot read stays text
        return []
    out = []
    for table in found:
        rows = table.extract()
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        box = tuple(float(v) for v in table.bbox)
        sizes = sorted(c[5] for c in chars if _inside(c, box) and not c[0].isspace())
        if not sizes:
            continue
        size = sizes[len(sizes) // 2]
        lines = []
        for cells, row in zip(rows, table.rows):
            texts = [re.sub(r"\s+", "", c or "") if re.search(r"[\u4e00-\u9fff]", c or "") else " ".join((c or "").split())
                     for c in cells]  # fmt: skip
            if not any(texts):
                continue
            x0, top, x1, bottom = (float(v) for v in row.bbox)
            lines.append(Line(CELL_SEPARATOR.join(texts), x0, x1, top, bottom, size, None, True))
        if len(lines) >= 2:
            out.append((box, lines))
    return out


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
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    # accented letters in French or Czech are a small share of the page; mojibake is most of it
    return hi if hi >= 0.5 * non_ascii and hi >= 0.2 * len(text) else 0


def _fit_page(layout: PageLines) -> None:
    """Stretch the page box over text that lies outside it (an inverted or wrong MediaBox)."""
    if not layout.lines:
        return
    low = min([ln.top for ln in layout.lines])
    high = max([ln.bottom for ln in layout.lines])
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


class _PdfiumPages:
    """Reads the pages of an open pypdfium2 document through pdfium's C API.

    The C functions are called directly, with one text buffer and one box
    reused for every page: pypdfium2's page objects cost a finalizer each and
    a new ctypes array type for every page's text, which is a good share of
    the time pdfium itself takes on a page.
    """

    def __init__(self, doc: Any) -> None:
        import pypdfium2.raw as pdfium_c

        self.c = pdfium_c
        self.doc = doc.raw
        self.rect = pdfium_c.FS_RECTF()
        self.edges = tuple(ctypes.c_double() for _ in range(4))
        self.size = 4096
        self.buffer = (ctypes.c_ushort * self.size)()

    def __len__(self) -> int:
        return max(self.c.FPDF_GetPageCount(self.doc), 0)

    def read(self, index: int) -> _Page:
        """Read one page; a page pdfium cannot load comes back as ``failed``."""
        c = self.c
        page = c.FPDF_LoadPage(self.doc, index)
        if not page:
            return _Page(None, "failed", reason="pdfium cannot load the page")
        try:
            textpage = c.FPDFText_LoadPage(page)
            if not textpage:
                return _Page(None, "failed", reason="pdfium cannot read the text of the page")
            try:
                return self._page(page, textpage)
            finally:
                c.FPDFText_ClosePage(textpage)
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            return _Page(None, "failed", reason=_describe(exc))
        finally:
            c.FPDF_ClosePage(page)

    def _text(self, textpage: Any) -> tuple[str, int]:
        """The page's text (lines end in CRLF) and its number of characters."""
        c = self.c
        n = c.FPDFText_CountChars(textpage)
        if n <= 0:
            return "", 0
        need = 2 * n + 2  # UTF-16: a character outside the BMP takes two units
        if need > self.size:
            self.size = max(need, 2 * self.size)
            self.buffer = (ctypes.c_ushort * self.size)()
        written = c.FPDFText_GetText(textpage, 0, n, self.buffer)
        if written <= 1:
            return "", n
        return _utf16_decode(memoryview(self.buffer).cast("B")[: 2 * (written - 1)], "ignore", True)[0], n

    def _box(self, textpage: Any, index: int) -> tuple[float, float, float, float] | None:
        """(left, bottom, right, top) of a character's loose box in PDF space."""
        rect = self.rect
        if index < 0 or not self.c.FPDFText_GetLooseCharBox(textpage, index, rect):
            return None
        return rect.left, rect.bottom, rect.right, rect.top

    def _transform(self, page: Any) -> tuple[Callable[..., tuple[float, float, float, float]], float, float]:
        """Map boxes in PDF space to (x0, x1, top, bottom) on the page as displayed."""
        c = self.c
        rect = self.rect
        if c.FPDF_GetPageBoundingBox(page, rect):
            # the visible box: the crop box within the media box, inherited from the page tree
            box = (rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
        else:
            box = (0.0, 0.0, c.FPDF_GetPageWidthF(page), c.FPDF_GetPageHeightF(page))
        return _box_transform(box, c.FPDFPage_GetRotation(page))

    def _page(self, page: Any, textpage: Any) -> _Page:
        c = self.c
        text, n_chars = self._text(textpage)
        transform, width, height = self._transform(page)
        identity = len(text) == n_chars and (
            not n_chars or c.FPDFText_GetCharIndexFromTextIndex(textpage, n_chars - 1) == n_chars - 1)
        if identity:
            # no character left out of the text or added to it: text index = character index
            def to_char(k: int) -> int:
                return k
        else:
            def to_char(k: int) -> int:
                return c.FPDFText_GetCharIndexFromTextIndex(textpage, k)
        pieces: list[tuple[float, float, float, float, float, str]] = []
        # control characters, replacement characters, and glyph ids passed
        # off as code points (fonts without a Unicode map)
        if text.count("\r") == text.count("\n") == text.count("\r\n") and not _PDFIUM_DROP_INLINE.search(text):
            bad = 0  # every CR and LF is a line end, and nothing else to drop
        else:
            flat = text.replace("\r\n", "")
            bad = len(_PDFIUM_DROP.findall(flat)) if _PDFIUM_DROP.search(flat) else 0
        odd = len(_IMPLAUSIBLE.findall(text)) if _IMPLAUSIBLE.search(text) else 0
        # the hot loop calls pdfium directly and maps unrotated boxes inline
        # (the same arithmetic as ``transform``): this is most of the Python per page
        get_box = c.FPDFText_GetLooseCharBox
        rect = self.rect
        font_size = c.FPDFText_GetFontSize
        shift = getattr(transform, "shift", None)
        last_box, em = -1.0, 0.0
        vertical = 0
        for m in _PDFIUM_LINE.finditer(text):
            raw = m.group()
            pos = m.start()
            if bad:
                stripped = _PDFIUM_DROP.sub("", raw).strip()
                if not stripped:
                    continue
                start = pos + len(raw) - len(raw.lstrip())
                end = pos + len(raw.rstrip())
            else:
                stripped = raw.strip()
                if not stripped:
                    continue
                if len(stripped) == len(raw):
                    start, end = pos, pos + len(raw)
                else:
                    start = pos + len(raw) - len(raw.lstrip())
                    end = pos + len(raw.rstrip())
            if identity:
                i0, i1 = start, end - 1
            else:
                i0 = to_char(start)
                if i0 < 0:
                    continue
                i1 = to_char(end - 1)
            if not get_box(textpage, i0, rect):
                continue
            l0, b0, r0, t0 = l1, b1, r1, t1 = rect.left, rect.bottom, rect.right, rect.top
            if i1 != i0 and i1 >= 0 and get_box(textpage, i1, rect):
                l1, b1, r1, t1 = rect.left, rect.bottom, rect.right, rect.top
            if shift is not None:
                cx0, cy1 = shift
                x0, x1, top, bottom = min(l0, l1) - cx0, max(r0, r1) - cx0, cy1 - max(t0, t1), cy1 - min(b0, b1)
                size = max((cy1 - b0) - (cy1 - t0), 1.0)
            else:
                x0, x1, top, bottom = transform(min(l0, l1), min(b0, b1), max(r0, r1), max(t0, t1))
                a0, a1, at, ab = transform(l0, b0, r0, t0)
                size = max(ab - at, 1.0)
            # The box's height is the font's ascent to descent, which differs from font
            # to font; the type size (the Tf operand) does not, unless the file sets
            # type at 1 pt and scales it with the text matrix.
            if abs(size - last_box) > 0.01:  # the same font as the line before has the same box
                last_box, em = size, font_size(textpage, i0)
            if len(stripped) > 1 and (bottom - top) > 2.5 * size and (x1 - x0) < 1.5 * size:
                vertical += 1
            elif " " in stripped and not bad:
                # A space pdfium made up next to a Chinese character marks a gap: where a
                # piece of the line drawn later belongs (LibreOffice draws quotation
                # marks and spaces in a Latin font after the Chinese), or the small
                # gap word processors leave between Chinese and Latin text.
                made_up = self._made_up_spaces(textpage, stripped, start, to_char)
                if made_up:
                    if (i1 > i0 and identity and c.FPDFText_CountRects(textpage, i0, i1 - i0 + 1) > 1
                            and self._out_of_order(textpage, transform, size)):
                        pieces.extend(self._rebuild(textpage, i0, i1, transform))
                        continue
                    stripped = self._autospace(textpage, stripped, made_up, start, to_char, transform)
            pieces.append((x0, x1, top, bottom, em if 0.6 * size <= em <= 1.6 * size else size, stripped))
        annots = [(a.x0, a.x1, a.top, a.bottom, a.size, a.text) for a in self._annotation_lines(page, transform)]
        if vertical and vertical >= 0.5 * len(pieces):
            lines = [Line(p[5], p[2], p[3], width - p[1], width - p[0], p[1] - p[0]) for p in pieces]
            lines.sort(key=lambda ln: (ln.top, ln.x0))
            layout = PageLines(lines, height, width)
        else:
            lines = _merge_lines(pieces + annots)
            layout = PageLines(lines, width, height)
            self._edge_segments(layout, textpage, text, transform, to_char)
        _fit_page(layout)
        wrong = bad + odd
        if wrong and (wrong >= _GARBAGE_SHARE * (sum(len(p[5]) for p in pieces) + bad) and wrong >= 3
                      or not layout.lines):
            # glyph ids are not text: leave them out, as pdfminer leaves out (cid:N)
            for line in layout.lines:
                line.text = _IMPLAUSIBLE.sub("", line.text)
                line.segments = None
            layout.lines = [line for line in layout.lines if line.text.strip()]
            return _Page(layout, "garbage", bad=bad, odd=odd, reason="most characters have no Unicode mapping")
        if not layout.lines:
            return _Page(layout, "image" if self._has_images(page) else "empty", bad=bad)
        latin1 = _latin1_share(text) if _LATIN1.search(text) else 0
        return _Page(layout, "ok", bad=bad, odd=odd, latin1=latin1)

    def _made_up_spaces(self, textpage: Any, line: str, offset: int, to_char: Callable[[int], int]) -> list[int]:
        """Positions in ``line`` of the spaces next to a Chinese character that pdfium added (not in the file)."""
        is_generated = self.c.FPDFText_IsGenerated
        out = []
        for m in _SPACE_BY_CJK.finditer(line):
            i = to_char(offset + m.start())
            if i >= 0 and is_generated(textpage, i) == 1:
                out.append(m.start())
        return out

    def _out_of_order(self, textpage: Any, transform: Callable, size: float) -> bool:
        """Whether the pieces of a line (the rectangles of the last ``FPDFText_CountRects``) go right to left."""
        get_rect = self.c.FPDFText_GetRect
        left, top, right, bottom = self.edges
        prev = None
        k = 0
        while get_rect(textpage, k, left, top, right, bottom):
            box = transform(left.value, min(bottom.value, top.value), right.value, max(bottom.value, top.value))
            # starts well left of where the piece before it ended, on the same line (the boxes overlap in height)
            if prev is not None and box[0] < prev[1] - 0.5 * size and min(box[3], prev[3]) > max(box[2], prev[2]):
                return True
            prev = box
            k += 1
        return False

    def _rebuild(self, textpage: Any, i0: int, i1: int, transform: Callable) -> list[tuple[float, float, float, float, float, str]]:
        """A line's pieces from its characters put left to right (what pdfium added left out)."""
        c = self.c
        chars = []
        for i in range(i0, i1 + 1):
            if c.FPDFText_IsGenerated(textpage, i) == 1:
                continue
            box = self._box(textpage, i)
            code = c.FPDFText_GetUnicode(textpage, i)
            if box is None or not code or _PDFIUM_DROP.match(chr(code)):
                continue
            x0, x1, top, bottom = transform(*box)
            size = max(bottom - top, 1.0)
            em = c.FPDFText_GetFontSize(textpage, i)  # as in _page
            chars.append((chr(code), x0, x1, top, bottom, em if 0.6 * size <= em <= 1.6 * size else size))
        return [(g.x0, g.x1, g.top, g.bottom, g.size, "".join(g.parts)) for g in _segments_from_chars(_reading_order(chars))]

    def _autospace(self, textpage: Any, line: str, made_up: list[int], offset: int, to_char: Callable[[int], int],
                   transform: Callable) -> str:
        """Leave out the made-up spaces where Chinese meets a Latin letter or a digit a quarter em away.

        Word and LibreOffice put such a gap there on their own; a space typed
        by the author is a character of the file and stays.
        """
        cut = set()
        for k in made_up:
            if not (0 < k < len(line) - 1 and _LATIN_OR_DIGIT.match(line[k - 1] + line[k + 1])):
                continue
            left = self._box(textpage, to_char(offset + k - 1))
            right = self._box(textpage, to_char(offset + k + 1))
            if left is None or right is None:
                continue
            lx, rx = transform(*left), transform(*right)
            if rx[0] - lx[1] < _space_gap(line[k - 1], line[k + 1]) * max(lx[3] - lx[2], 1.0):
                cut.add(k)
        return "".join(ch for k, ch in enumerate(line) if k not in cut) if cut else line

    def _has_images(self, page: Any) -> bool:
        """Whether the page draws an image (directly or in a form, three levels deep)."""
        c = self.c

        def walk(count: int, get: Callable[[int], Any], depth: int) -> bool:
            for k in range(max(count, 0)):
                obj = get(k)
                kind = c.FPDFPageObj_GetType(obj)
                if kind == c.FPDF_PAGEOBJ_IMAGE:
                    return True
                if kind == c.FPDF_PAGEOBJ_FORM and depth < 3 and walk(
                    c.FPDFFormObj_CountObjects(obj), lambda j, form=obj: c.FPDFFormObj_GetObject(form, j), depth + 1
                ):
                    return True
            return False

        return walk(c.FPDFPage_CountObjects(page), lambda k: c.FPDFPage_GetObject(page, k), 1)

    def _edge_segments(self, layout: PageLines, textpage: Any, text: str, transform: Callable,
                       to_char: Callable[[int], int]) -> None:
        """Split the top and bottom lines at wide gaps, so that a page number beside a header can go."""
        lines = layout.lines
        if not lines:
            return
        tops = [line.top for line in lines]
        order = sorted(range(len(lines)), key=tops.__getitem__)
        edge = set(order[:2] + order[-2:])
        box = self._box
        for i in edge:
            line = lines[i]
            if " " not in line.text or line.segments:
                continue
            start = text.find(line.text)
            if start < 0:
                continue
            parts = []
            for m in _SPACE_RUN.finditer(line.text):
                left = box(textpage, to_char(start + m.start() - 1))
                right = box(textpage, to_char(start + m.end()))
                if left is None or right is None:
                    continue
                lx = transform(*left)
                rx = transform(*right)
                if rx[0] - lx[1] > 2.0 * line.size:
                    parts.append((m.start(), m.end(), lx[1], rx[0]))
            if not parts:
                continue
            segments = []
            seg_x0 = line.x0
            last_end = 0
            for gap_start, gap_end, left_x1, right_x0 in parts:
                segments.append((seg_x0, left_x1, line.text[last_end:gap_start]))
                seg_x0 = right_x0
                last_end = gap_end
            segments.append((seg_x0, line.x1, line.text[last_end:]))
            line.segments = segments

    def _annotation_lines(self, page: Any, transform: Callable) -> list[Line]:
        """Visible FreeText annotations through pdfium's annotation API."""
        c = self.c
        out: list[Line] = []
        count = c.FPDFPage_GetAnnotCount(page)
        for k in range(max(count, 0)):
            annot = c.FPDFPage_GetAnnot(page, k)
            if not annot:
                continue
            try:
                if c.FPDFAnnot_GetSubtype(annot) != c.FPDF_ANNOT_FREETEXT:
                    continue
                flags = c.FPDFAnnot_GetFlags(annot)
                if flags & (c.FPDF_ANNOT_FLAG_HIDDEN | c.FPDF_ANNOT_FLAG_NOVIEW):
                    continue
                n = c.FPDFAnnot_GetStringValue(annot, b"Contents", None, 0)
                if n <= 2:
                    continue
                buf = ctypes.create_string_buffer(n)
                c.FPDFAnnot_GetStringValue(annot, b"Contents", ctypes.cast(buf, ctypes.POINTER(c.FPDF_WCHAR)), n)
                contents = buf.raw[: n - 2].decode("utf-16-le", errors="ignore")
                rect = c.FS_RECTF()
                if not c.FPDFAnnot_GetRect(annot, rect):
                    continue
                x0, x1, top, bottom = transform(rect.left, min(rect.bottom, rect.top), rect.right, max(rect.bottom, rect.top))
                out.extend(_box_lines(contents, x0, x1, top, bottom))
            finally:
                c.FPDFPage_CloseAnnot(annot)
        return out


def _box_transform(box: tuple[float, float, float, float], rotation: int) -> tuple[Callable[..., tuple[float, float, float, float]], float, float]:
    """Map boxes in PDF space to (x0, x1, top, bottom) on a page with this visible box and /Rotate (0-3)."""
    cx0, cy0, cx1, cy1 = box
    w, h = cx1 - cx0, cy1 - cy0
    rot = rotation * 90 if rotation in (1, 2, 3) else 0
    # arguments: left, bottom, right, top of a box in PDF space
    if rot == 90:
        return (lambda x0, y0, x1, y1: (y0 - cy0, y1 - cy0, x0 - cx0, x1 - cx0)), h, w
    if rot == 180:
        return (lambda x0, y0, x1, y1: (cx1 - x1, cx1 - x0, y0 - cy0, y1 - cy0)), w, h
    if rot == 270:
        return (lambda x0, y0, x1, y1: (cy1 - y1, cy1 - y0, cx1 - x1, cx1 - x0)), h, w

    def upright(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return x0 - cx0, x1 - cx0, cy1 - y1, cy1 - y0

    upright.shift = (cx0, cy1)  # type: ignore[attr-defined]  # for callers that map boxes inline
    return upright, w, h


# pdfium joins a line that ends in a hyphen to the next and marks the place with
# U+FFFE; a line ends there too.
_PDFIUM_LINE = re.compile("[^\r\n\ufffe]+\ufffe?")
# control characters, replacement characters and BOMs carry no text
_PDFIUM_DROP = re.compile("[\x00-\x1f\x7f-\x9f\ufffd\ufeff]")
_PDFIUM_DROP_INLINE = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd\ufeff]")  # CR and LF aside
# a space next to a Chinese character or Chinese punctuation
_CJK_CLASS = "\u3400-\u9fff\uf900-\ufaff\u3001-\u303f\uff01-\uff0f\uff1a-\uff20"
_SPACE_BY_CJK = re.compile(f"(?<=[{_CJK_CLASS}]) | (?=[{_CJK_CLASS}])")
_SPACE_RUN = re.compile(" +")
_utf16_decode = codecs.utf_16_le_decode
# one side a Latin letter or digit (the other side is Chinese)
_LATIN_OR_DIGIT = re.compile("[A-Za-z0-9]|.[A-Za-z0-9]")
