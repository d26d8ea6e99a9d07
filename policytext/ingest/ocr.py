"""OCR of pages without a usable text layer: Tesseract (chi_sim + eng) on pages rendered by pdfium.

pytesseract and the Tesseract program are optional (``pip install
policytext[ocr]`` and the system package with the ``chi_sim`` language). When
they are missing, :func:`unavailable_reason` says what to install and the PDF
reader leaves the pages empty with a warning naming them.

Each recognised line keeps its box, so OCR'd pages go through the same
cleaning as text-layer pages: page numbers and running headers are removed,
wrapped lines joined.
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ._timelimit import remaining
from .clean import Line, PageLines

__all__ = ["LANGUAGES", "DPI", "MAX_SIDE", "OcrResult", "unavailable_reason", "ocr_pages", "skipped_warnings"]

#: Tesseract languages, in order of preference.
LANGUAGES = ("chi_sim", "eng")
#: Rendering resolution for OCR.
DPI = 300
#: Longest side of a rendered page, in pixels (an A4 page at 300 dpi is 3508).
MAX_SIDE = 3500
#: Seconds Tesseract may spend on one page before the page is given up.
PAGE_TIMEOUT = 180


@dataclass
class OcrResult:
    """Pages read by OCR (index -> lines) and the warnings about them."""

    pages: dict[int, PageLines] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _probe() -> tuple[str | None, str]:
    """(problem or None, language string) for the installed Tesseract."""
    try:
        import pytesseract
    except ImportError:
        return "pytesseract is not installed (pip install 'policytext[ocr]')", ""
    try:
        pytesseract.get_tesseract_version()
        installed = set(pytesseract.get_languages(config=""))
    except Exception:  # noqa: BLE001 - TesseractNotFoundError and broken installs alike
        return "the Tesseract program is not installed (e.g. apt install tesseract-ocr tesseract-ocr-chi-sim)", ""
    langs = [lang for lang in LANGUAGES if lang in installed]
    if not langs:
        return "Tesseract has neither the chi_sim nor the eng language installed", ""
    return None, "+".join(langs)


def unavailable_reason() -> str | None:
    """Why OCR cannot run here, or None when pytesseract and Tesseract are ready."""
    return _probe()[0]


def _describe_pages(indexes: Iterable[int]) -> str:
    from .pdf import _page_list

    return _page_list(i + 1 for i in indexes)


def skipped_warnings(kinds: Mapping[int, str], *, reason: str) -> list[str]:
    """Warnings for pages that needed OCR and did not get it.

    Args:
        kinds: page index -> ``image`` (no text layer), ``garbage`` (a text
            layer without Unicode mapping) or ``ok`` (``ocr="always"``).
        reason: why OCR did not run.
    """
    out = []
    images = [i for i, k in kinds.items() if k == "image"]
    garbage = [i for i, k in kinds.items() if k == "garbage"]
    if images:
        out.append(f"{_describe_pages(images)}: image-only (scanned), no text layer; not read because {reason}")
    if garbage:
        out.append(
            f"{_describe_pages(garbage)}: the text layer has no usable Unicode mapping (cid codes); "
            f"needs OCR, not read because {reason}"
        )
    if not images and not garbage and kinds:
        out.append(f"{_describe_pages(kinds)}: OCR asked for but not run because {reason}")
    return out


def ocr_pages(doc: Any, indexes: Iterable[int], *, kinds: Mapping[int, str] | None = None, dpi: int = DPI) -> OcrResult:
    """Render pages with pdfium and read them with Tesseract.

    Pages are rendered one at a time in this thread (pdfium is not thread
    safe) and read by Tesseract processes running side by side, one per core,
    each limited to one thread (Tesseract's own threading is slower on few
    cores).

    Args:
        doc: an open ``pypdfium2.PdfDocument``.
        indexes: 0-based page indexes.
        kinds: page index -> why it is read by OCR: ``image`` (no text
            layer, the default), ``garbage`` (a text layer without Unicode
            mapping) or ``ok`` (``ocr="always"``); only words the warnings.
        dpi: rendering resolution; very large pages are rendered smaller so
            that the longer side stays within :data:`MAX_SIDE` pixels.

    Returns:
        The lines of each page read (with boxes in points) and warnings that
        name the pages read by OCR and those that failed.
    """
    import pytesseract

    problem, langs = _probe()
    result = OcrResult()
    if problem:
        result.warnings.append(f"OCR not available: {problem}")
        return result
    indexes = list(indexes)
    workers = max(1, min(len(indexes), os.cpu_count() or 1, 4))
    done: list[int] = []
    empty: list[int] = []
    sizes: dict[int, tuple[float, float, float]] = {}

    def read(image: Any, timeout: float) -> dict[str, list[Any]]:
        return pytesseract.image_to_data(image, lang=langs, output_type=pytesseract.Output.DICT, timeout=timeout)

    with _one_thread_each(), ThreadPoolExecutor(max_workers=workers) as pool:
        pending: dict[int, Future] = {}
        try:
            for index in indexes:
                try:
                    image, width, height, scale = _render(doc, index, dpi)
                except Exception as exc:  # noqa: BLE001
                    result.warnings.append(f"page {index + 1}: cannot be rendered for OCR ({exc})")
                    continue
                sizes[index] = (width, height, scale)
                # within the document's time budget (see _timelimit), so that
                # Tesseract stops when the reader gives the file up
                left = remaining()
                pending[index] = pool.submit(read, image, PAGE_TIMEOUT if left is None else max(1.0, min(PAGE_TIMEOUT, left)))
            for index, future in pending.items():
                width, height, scale = sizes[index]
                try:
                    data = future.result()
                except RuntimeError as exc:
                    result.warnings.append(f"page {index + 1}: OCR gave up ({exc})")
                    continue
                except Exception as exc:  # noqa: BLE001
                    result.warnings.append(f"page {index + 1}: OCR failed ({type(exc).__name__}: {exc})")
                    continue
                lines = _lines(data, scale)
                result.pages[index] = PageLines(lines, width, height)
                (done if lines else empty).append(index)
        except BaseException:
            # the time budget ran out (or an interrupt): pages not started are not read
            pool.shutdown(wait=False, cancel_futures=True)
            raise
    kinds = kinds or {}
    for kind, what in (("image", "image-only (scanned)"),
                       ("garbage", "text layer without Unicode mapping"),
                       ("ok", "text layer replaced")):
        read_ = [i for i in done if kinds.get(i, "image") == kind]
        none = [i for i in empty if kinds.get(i, "image") == kind]
        if read_:
            result.warnings.append(
                f"{_describe_pages(read_)}: {what}, read by OCR (Tesseract {langs}); "
                "check quotations against the page images"
            )
        if none:
            result.warnings.append(f"{_describe_pages(none)}: {what}, OCR found no text")
    return result


def _render(doc: Any, index: int, dpi: int) -> tuple[Any, float, float, float]:
    """Render one page in grey: (image, width, height in points as displayed, scale)."""
    page = doc[index]
    try:
        width, height = page.get_size()
        scale = min(dpi / 72.0, MAX_SIDE / max(width, height, 1.0))
        image = page.render(scale=scale, grayscale=True).to_pil()
        # the render follows /Rotate: take the page size as displayed from the image
        return image, image.width / scale, image.height / scale, scale
    finally:
        page.close()


@contextlib.contextmanager
def _one_thread_each() -> Iterator[None]:
    """Limit each Tesseract process to one OpenMP thread unless the user chose otherwise."""
    if "OMP_THREAD_LIMIT" in os.environ:
        yield
        return
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        os.environ.pop("OMP_THREAD_LIMIT", None)


def _lines(data: dict[str, list[Any]], scale: float) -> list[Line]:
    """Group Tesseract's words into lines with boxes in points."""
    groups: dict[tuple[int, int, int], list[int]] = {}
    for k, word in enumerate(data["text"]):
        if not str(word).strip():
            continue
        try:
            if float(data["conf"][k]) < 0:
                continue
        except (TypeError, ValueError):
            pass
        key = (data["block_num"][k], data["par_num"][k], data["line_num"][k])
        groups.setdefault(key, []).append(k)
    lines = []
    for idx in groups.values():
        x0 = min(data["left"][k] for k in idx) / scale
        x1 = max(data["left"][k] + data["width"][k] for k in idx) / scale
        top = min(data["top"][k] for k in idx) / scale
        bottom = max(data["top"][k] + data["height"][k] for k in idx) / scale
        heights = sorted(data["height"][k] for k in idx)
        size = heights[len(heights) // 2] / scale
        text = " ".join(str(data["text"][k]).strip() for k in sorted(idx, key=lambda k: data["left"][k]))
        lines.append(Line(text, x0, x1, top, bottom, max(size, 1.0)))
    # Tesseract's block/paragraph/line order is the reading order (columns included)
    return lines
