"""Speed and accuracy of PDF extraction: ``policytext.read`` against raw pdfplumber, per PDF family.

Typesets real regulation texts (``../shared/corpora/directives`` and
``../shared/corpora/local``) as multi-page PDFs in official-document layout
(红头, 文号, title, 16 pt body, running header, page numbers in six styles, a
footer on some), in three families that differ in how the fonts get into the
file, which is what decides pdfium's speed:

* ``embedded-ttf``: reportlab with a CJK TrueType font embedded (fonts-noto-cjk
  converted once and cached; ``scripts/officialpdf.py --font noto``);
* ``cid-nonembedded``: reportlab with its built-in STSong-Light CID font, not
  embedded (the quick way to typeset Chinese, and the bundled sample corpus);
* ``libreoffice-docx``: a Word document (python-docx, fonts named 仿宋_GB2312
  and 方正小标宋简体 as offices name them, page numbers as Word fields, odd and
  even footers) converted by LibreOffice, which substitutes and embeds subsets
  (skipped with a note when ``soffice`` is not installed).

Every PDF is read in the same run, interleaved, by

* raw pdfplumber: ``page.extract_text()`` on every page (the baseline);
* ``policytext.read(engine="pdfplumber")``: the default engine, with cleaning;
* ``policytext.read(engine="pdfium")``: the fast engine, with the same cleaning;

and each family reports pages per second, the speed relative to raw pdfplumber
(and the same ratio in CPU time, steadier on a busy machine), the body-text
character accuracy (1 - edit distance / reference length, whitespace ignored;
the reference is the typeset text without running header or page numbers, so
raw pdfplumber pays for the furniture it keeps) and the number of documents with
running-header, footer or page-number text left in them.

Timing: each method reads the whole family at a stretch, as a batch job does,
in ``--repeat`` rounds whose method order turns; the fastest round counts
(wall clock, garbage collected before each stretch, outside the clock). Reading
one file with each method in turn instead would charge the fast engine for the
caches the slow one leaves cold (about a fifth of its speed).

Targets: the pdfplumber engine at least 0.8x raw pdfplumber, pdfium at least
15x, at equal accuracy (>= 0.995).

Run::

    python bench/bench_extract.py                        # 30 PDFs per family, writes bench/results/extract.json
    python bench/bench_extract.py --families cid-nonembedded --docs 40 --repeat 3
    python bench/bench_extract.py --pdf-dir DIR          # your PDFs; DIR/<name>.txt is the reference, if present
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from officialpdf import (  # noqa: E402
    NOTO_CJK,
    build_docx,
    build_pdf,
    convert_with_libreoffice,
    load_text,
    page_label,
)

STYLES = ["dash", "hyphen", "zh", "plain", "page-of", "roman"]
FAMILIES = ("embedded-ttf", "cid-nonembedded", "libreoffice-docx")
TARGETS = {"policytext_pdfplumber": 0.8, "policytext_pdfium": 15.0}
MIN_ACCURACY = 0.995


@dataclass
class Sample:
    """One PDF of a family and what an ideal reader returns for it."""

    path: Path
    reference: str | None
    pages: int
    header: str = ""
    footer: str = ""
    labels: list[str] = field(default_factory=list)


def sources(shared: Path) -> list[Path]:
    """The real texts to typeset, in a stable order."""
    files: list[Path] = []
    for sub in ("directives", "local"):
        folder = shared / "corpora" / sub
        files += sorted(p for p in folder.glob("*") if p.suffix in (".md", ".txt"))
    return files


def _layout(k: int) -> dict:
    issuer = "某某省人民政府办公厅" if k % 2 else "教育部办公厅"
    return dict(
        issuer=issuer,
        doc_number=f"某政办发〔2023〕{k + 1}号",
        footer="内部资料 注意保存" if k % 3 == 0 else None,
        page_style=STYLES[k % len(STYLES)],
        signature=[issuer, "2023年5月6日"],
    )


def build_reportlab(files: list[Path], out: Path, n: int, font: str) -> list[Sample]:
    """Typeset ``n`` PDFs with reportlab (cycling through the texts and page styles)."""
    built = []
    for k in range(n):
        title, lines = load_text(files[k % len(files)])
        layout = _layout(k)
        title = title or files[k % len(files)].stem
        result = build_pdf(out / f"doc{k:03d}.pdf", title=title, body_lines=lines,
                           header=title if k % 2 else layout["issuer"], font=font, **layout)
        built.append(Sample(result.path, result.text, result.pages, result.header, result.footer, result.page_labels))
    return built


def build_libreoffice(files: list[Path], out: Path, n: int) -> list[Sample]:
    """Write ``n`` Word documents and convert them with LibreOffice in one run."""
    import pypdfium2 as pdfium

    docs = []
    for k in range(n):
        title, lines = load_text(files[k % len(files)])
        layout = _layout(k)
        title = title or files[k % len(files)].stem
        docs.append((layout["page_style"], build_docx(out / f"doc{k:03d}.docx", title=title, body_lines=lines,
                                                      header=title if k % 2 else layout["issuer"], **layout)))
    pdfs = convert_with_libreoffice([d.path for _, d in docs], out)
    built = []
    for (style, docx), pdf in zip(docs, pdfs):
        doc = pdfium.PdfDocument(pdf)
        pages = len(doc)
        doc.close()
        labels = [page_label(style, n, pages) for n in range(1, pages + 1)]
        built.append(Sample(pdf, docx.text, pages, docx.header, docx.footer, labels))
    return built


def from_folder(folder: Path) -> list[Sample]:
    """The PDFs of a folder; ``<name>.txt`` beside one is its reference text."""
    import pypdfium2 as pdfium

    out = []
    for pdf in sorted(folder.glob("*.pdf")):
        ref = pdf.with_suffix(".txt")
        doc = pdfium.PdfDocument(pdf)
        pages = len(doc)
        doc.close()
        out.append(Sample(pdf, ref.read_text(encoding="utf-8") if ref.exists() else None, pages))
    return out


def accuracy(text: str, reference: str) -> float:
    """1 - edit distance / reference length, whitespace ignored, both sides normalised."""
    from rapidfuzz.distance import Levenshtein

    from policytext.ingest.normalize import normalize

    a = re.sub(r"\s+", "", normalize(text))
    b = re.sub(r"\s+", "", normalize(reference))
    return 1.0 - Levenshtein.distance(a, b) / max(len(b), 1)


def furniture_left(text: str, sample: Sample) -> bool:
    """Whether running-header, footer or page-number text is left in ``text``."""
    from policytext.ingest.normalize import normalize

    reference = normalize(sample.reference or "")
    text = normalize(text)
    for repeated in (sample.header, sample.footer):
        if repeated and text.count(normalize(repeated)) > reference.count(normalize(repeated)):
            return True
    squeezed = re.sub(r"\s+", "", text)
    # "— 3 —", "第3页 共10页", "Page 3 of 10" (a bare "3" or "xi" may be part of the text)
    return any(label and not label.isalnum() and re.sub(r"\s+", "", normalize(label)) in squeezed
               for label in set(sample.labels))


def raw_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def measure(samples: list[Sample], repeat: int) -> dict:
    """Time every method over the whole family, round after round; return the family's figures."""
    import policytext

    methods: dict[str, Callable[[Path], str]] = {
        "raw_pdfplumber": raw_pdfplumber,
        "policytext_pdfplumber": lambda p: policytext.read(p, engine="pdfplumber").text,
        "policytext_pdfium": lambda p: policytext.read(p, engine="pdfium").text,
    }
    pages = sum(s.pages for s in samples)
    wall = dict.fromkeys(methods, float("inf"))
    cpu = dict.fromkeys(methods, float("inf"))
    acc: dict[str, list[float]] = {name: [] for name in methods}
    left = dict.fromkeys(methods, 0)
    for name, fn in methods.items():  # accuracy, and imports and caches warmed, outside the clock
        for sample in samples:
            text = fn(sample.path)
            if sample.reference is not None:
                acc[name].append(accuracy(text, sample.reference))
                left[name] += furniture_left(text, sample)
    names = list(methods)
    for round_ in range(repeat):
        # each method reads the whole family at a stretch, as a batch does; the
        # order turns from round to round, and the fastest round counts
        for name in names[round_ % len(names):] + names[: round_ % len(names)]:
            fn = methods[name]
            gc.collect()
            t, c = time.perf_counter(), time.process_time()
            for sample in samples:
                fn(sample.path)
            wall[name] = min(wall[name], time.perf_counter() - t)
            cpu[name] = min(cpu[name], time.process_time() - c)
    rows = {}
    for name in methods:
        rows[name] = {
            "pages_per_s": round(pages / wall[name], 1),
            "speed_vs_raw_pdfplumber": round(wall["raw_pdfplumber"] / wall[name], 2),
            "cpu_speed_vs_raw_pdfplumber": round(cpu["raw_pdfplumber"] / cpu[name], 2),
            "accuracy_mean": round(statistics.fmean(acc[name]), 5) if acc[name] else None,
            "accuracy_min": round(min(acc[name]), 5) if acc[name] else None,
            "documents_with_furniture_left": left[name] if acc[name] else None,
        }
    return {"documents": len(samples), "pages": pages, "methods": rows}


def report(name: str, result: dict) -> bool:
    """Print a family's table; return whether it meets the targets."""
    ok = True
    print(f"\n{name}: {result['documents']} PDFs, {result['pages']} pages")
    print(f"{'method':24s} {'pages/s':>9s} {'x raw':>7s} {'x raw cpu':>10s} {'acc mean':>9s} {'acc min':>9s} "
          f"{'furniture':>9s}  target")
    for method, row in result["methods"].items():
        target = TARGETS.get(method)
        verdict = ""
        if target is not None:
            met = row["speed_vs_raw_pdfplumber"] >= target and (row["accuracy_min"] is None or row["accuracy_min"] >= MIN_ACCURACY)
            ok &= met
            verdict = f">= {target}x " + ("ok" if met else "MISSED")
        fmt = lambda v, spec: "-" if v is None else format(v, spec)  # noqa: E731
        print(f"{method:24s} {row['pages_per_s']:9.1f} {row['speed_vs_raw_pdfplumber']:7.2f} "
              f"{row['cpu_speed_vs_raw_pdfplumber']:10.2f} {fmt(row['accuracy_mean'], '9.5f')} "
              f"{fmt(row['accuracy_min'], '9.5f')} {fmt(row['documents_with_furniture_left'], '9d')}  {verdict}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--families", nargs="+", default=list(FAMILIES), choices=FAMILIES, help="PDF families to build")
    parser.add_argument("--docs", type=int, default=30, help="PDFs per family (>= 30)")
    parser.add_argument("--repeat", type=int, default=3, help="timing rounds; the fastest round counts")
    parser.add_argument("--pdf-dir", type=Path, help="measure these PDFs instead of typesetting families")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract.json")
    ns = parser.parse_args(argv)

    results: dict[str, dict] = {}
    skipped: dict[str, str] = {}
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    with tempfile.TemporaryDirectory() as tmp:
        if ns.pdf_dir:
            samples = {ns.pdf_dir.name: from_folder(ns.pdf_dir)}
        else:
            files = sources(ns.shared)
            if not files:
                print(f"no texts under {ns.shared}/corpora/{{directives,local}}; pass --shared", file=sys.stderr)
                return 2
            samples = {}
            for family in ns.families:
                folder = Path(tmp) / family
                folder.mkdir()
                t0 = time.perf_counter()
                try:
                    if family == "embedded-ttf":
                        if not Path(NOTO_CJK[0]).exists():
                            raise FileNotFoundError(f"fonts-noto-cjk is not installed ({NOTO_CJK[0]})")
                        samples[family] = build_reportlab(files, folder, ns.docs, "noto")
                    elif family == "cid-nonembedded":
                        samples[family] = build_reportlab(files, folder, ns.docs, "stsong")
                    else:
                        samples[family] = build_libreoffice(files, folder, ns.docs)
                except (FileNotFoundError, RuntimeError) as exc:
                    skipped[family] = str(exc)
                    print(f"{family}: skipped ({exc})", file=sys.stderr)
                    continue
                print(f"{family}: built {ns.docs} PDFs in {time.perf_counter() - t0:.1f} s")
        ok = True
        for family, items in samples.items():
            if not items:
                skipped[family] = "no PDFs"
                continue
            results[family] = measure(items, ns.repeat)
            ok &= report(family, results[family])
    result = {
        "families": results,
        "skipped": skipped,
        "repeat": ns.repeat,
        "targets": {**TARGETS, "accuracy_min": MIN_ACCURACY},
        "load_average_at_start": round(load, 2) if load is not None else None,
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    ns.out.parent.mkdir(parents=True, exist_ok=True)
    ns.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {ns.out}" + ("" if ok else " (some targets MISSED)"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
