"""Reading: bytes of a PDF, DOCX, HTML or TXT file -> a clean :class:`Document`.

:func:`read` sniffs the format (by content first, then by suffix), hands the
bytes to the format's extractor, and assembles what comes back: pages joined
into one clean text with each page's span recorded, the language guessed, and
the 红头 metadata (issuer, 文号, date, title, kind) read from the text.

Each extractor module (``pdf``, ``docx``, ``html``, ``text``) exposes one
function ``extract(path, data, **options) -> Extracted``; cleaning shared by
several formats lives in ``clean``; the metadata reader in ``metadata``.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._typing import PathLike
from ..errors import EmptyDocumentError, InputError, UnsupportedFormatError
from ..model import Document, Page

__all__ = ["read", "read_bytes", "file_id", "document_id", "Extracted", "sniff_format", "guess_lang"]

#: Largest file read, in bytes; a larger one is refused with a clear error
#: rather than exhausting memory (override with ``max_bytes=``).
MAX_BYTES = 512 * 1024 * 1024


@dataclass
class Extracted:
    """What a format extractor returns.

    Attributes:
        pages: the clean text of each page (one item for unpaged formats).
        joins: what joins page ``i`` to page ``i+1`` in the document text:
            ``"\\n"`` between paragraphs, ``""`` where a Chinese paragraph runs
            on, ``" "`` where an English one does.
            Defaults to ``"\\n"`` everywhere.
        warnings: problems that did not stop reading.
        metadata: what the format itself says (HTML ``<meta>``, DOCX core
            properties); the 红头 reader fills the rest from the text.
    """

    pages: list[str]
    joins: list[str] | None = None
    warnings: list[str] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)


def document_id(data: bytes) -> str:
    """The id of a document read from these bytes: the first 16 hex digits of their SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def file_id(path: PathLike) -> str:
    """The id that :func:`read` gives the document in ``path``, without reading it.

    Lets a caller skip files already in a store before paying for extraction.

    Raises:
        InputError: the file cannot be opened.
    """
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot open the file") from exc
    return digest.hexdigest()[:16]


_EXTRACTORS = {"pdf": "pdf", "docx": "docx", "html": "html", "txt": "text", "md": "text"}


def sniff_format(data: bytes, suffix: str = "") -> str | None:
    """Return ``pdf``, ``docx``, ``html``, ``txt`` or ``md`` for these bytes, or None."""
    suffix = suffix.lower()
    head = data[:1024]
    if b"%PDF-" in head or suffix == ".pdf":
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            pass
        return "docx" if suffix == ".docx" else None
    if suffix == ".docx":
        return "docx"
    lowered = head.lstrip().lower()
    if suffix in (".html", ".htm") or lowered.startswith((b"<!doctype html", b"<html")):
        return "html"
    if suffix == ".md":
        return "md"
    if suffix in (".txt", ".text", ""):
        return "txt"
    return None


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def guess_lang(text: str) -> str:
    """Return ``zh`` when Chinese characters make up a real share of the letters, else ``en``."""
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    latin_words = len(re.findall(r"[A-Za-z]+", sample))
    if cjk == 0 and latin_words == 0:
        return "zh"
    return "zh" if cjk >= latin_words else "en"


def read(
    path: PathLike,
    *,
    engine: str = "pdfplumber",
    password: str | None = None,
    ocr: str = "auto",
    max_bytes: int = MAX_BYTES,
    format: str | None = None,
    timeout: float | None = 300.0,
) -> Document:
    """Read one file into a clean :class:`Document`.

    Args:
        path: a PDF, DOCX, HTML or TXT/MD file.
        engine: PDF text engine, ``pdfplumber`` (default) or ``pdfium`` (fast).
        password: for encrypted PDFs.
        ocr: ``auto`` (OCR image-only pages when Tesseract is installed),
            ``always`` or ``never``.
        max_bytes: refuse larger files with a clear error.
        format: force a format instead of sniffing it.
        timeout: seconds a PDF may take before it is given up with an error
            (0 or None: no limit); enforced in a process's main thread only.

    Returns:
        The document, its ``id`` the content hash of the bytes.

    Raises:
        InputError: the file is missing, unreadable, encrypted without the right
            password, of an unsupported type, or holds no text.

    Example:
        >>> doc = policytext.read("corpora/sample/documents/national/moe_2023_city-consortium-notice.pdf")  # doctest: +SKIP
        >>> doc.metadata["doc_number"]                                               # doctest: +SKIP
        '教职成厅函〔2023〕15号'
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(path, "is a folder, not a file")
        if size > max_bytes:
            raise InputError(path, f"file is {size:,} bytes, over the limit of {max_bytes:,}; raise max_bytes to read it")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(path, "no such file") from exc
    except PermissionError as exc:
        raise InputError(path, "permission denied") from exc
    except IsADirectoryError as exc:
        raise InputError(path, "is a folder, not a file") from exc
    return read_bytes(data, source=os.fspath(path), engine=engine, password=password, ocr=ocr, format=format,
                      timeout=timeout)


def read_bytes(
    data: bytes,
    *,
    source: str,
    engine: str = "pdfplumber",
    password: str | None = None,
    ocr: str = "auto",
    format: str | None = None,
    timeout: float | None = 300.0,
) -> Document:
    """Read a document from bytes already in memory; ``source`` names it in messages.

    Takes the same options as :func:`read`.
    """
    path = Path(source)
    fmt = format or sniff_format(data, path.suffix)
    if fmt not in _EXTRACTORS:
        raise UnsupportedFormatError(
            source,
            f"unsupported file type {path.suffix or '(no suffix)'!r}; policytext reads PDF, DOCX, HTML and TXT/MD",
        )
    if not data:
        raise EmptyDocumentError(source, "the file is empty (0 bytes)")
    module = importlib.import_module(f".{_EXTRACTORS[fmt]}", __name__)
    options: dict[str, Any] = {}
    if fmt == "pdf":
        options = {"engine": engine, "password": password, "ocr": ocr, "timeout": timeout}
    extracted: Extracted = module.extract(path, data, **options)
    return assemble(extracted, data=data, source=source, fmt=fmt)


def assemble(extracted: Extracted, *, data: bytes, source: str, fmt: str) -> Document:
    """Join an extractor's pages into a :class:`Document` and read its metadata."""
    from .metadata import read_metadata

    pages_text = extracted.pages
    joins = extracted.joins or ["\n"] * max(len(pages_text) - 1, 0)
    parts: list[str] = []
    pages: list[Page] = []
    offset = 0
    for i, text in enumerate(pages_text):
        if i:
            sep = joins[i - 1]
            parts.append(sep)
            offset += len(sep)
        pages.append(Page(number=i + 1, text=text, start=offset, end=offset + len(text)))
        parts.append(text)
        offset += len(text)
    text = "".join(parts)
    if not text.strip() and not any("image-only" in w or "OCR" in w for w in extracted.warnings):
        raise EmptyDocumentError(source, "no text found in the document")
    doc = Document(
        id=document_id(data),
        source=source,
        format=fmt,
        text=text,
        pages=pages,
        metadata={},
        warnings=list(extracted.warnings),
        lang=guess_lang(text),
    )
    meta = read_metadata(text, lang=doc.lang)
    for key, value in extracted.metadata.items():
        if value not in (None, "") and key not in meta:
            meta[key] = value
    doc.metadata = meta
    return doc
