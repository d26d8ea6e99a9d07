"""Speed and accuracy of PDF extraction: ``policytext.read`` against raw pdfplumber.

Typesets real regulation texts (``../shared/corpora/directives`` and
``../shared/corpora/local``) as multi-page PDFs in official-document layout
(``scripts/officialpdf.py``: 红头, 文号, running header, page numbers in several
styles), then reads every PDF in the same run with

* raw pdfplumber: ``page.extract_text()`` on every page (the baseline);
* ``policytext.read(engine="pdfplumber")``: the default engine, with cleaning;
* ``policytext.read(engine="pdfium")``: the fast engine, with the same cleaning;

and reports pages per second, the speed relative to raw pdfplumber, and the
body-text character accuracy of each (1 - edit distance / reference length,
whitespace ignored; the reference is the typeset text without running header or
page numbers, so raw pdfplumber pays for the furniture it keeps).

Targets (issue "Foundation ... faithful extraction"): the pdfplumber engine at
least 0.8x raw pdfplumber, pdfium at least 15x, at equal accuracy.

Run::

    python bench/bench_extract.py            # 30 PDFs, writes bench/results/extract.json
    python bench/bench_extract.py --docs 40 --repeat 3 --font stsong

The CJK font is embedded (fonts-noto-cjk converted to TrueType once, cached) as
in real official PDFs; ``--font stsong`` uses reportlab's non-embedded
STSong-Light instead, for which pdfium spends most of its time looking for a
substitute system font on every page.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from officialpdf import build_pdf, load_text  # noqa: E402

STYLES = ["dash", "hyphen", "zh", "plain", "page-of", "roman"]


def sources(shared: Path) -> list[Path]:
    """The real texts to typeset, in a stable order."""
    files: list[Path] = []
    for sub in ("directives", "local"):
        folder = shared / "corpora" / sub
        files += sorted(p for p in folder.glob("*") if p.suffix in (".md", ".txt"))
    return files


def build_corpus(files: list[Path], out: Path, n: int, font: str) -> list[tuple[Path, str, int]]:
    """Typeset ``n`` PDFs (cycling through the texts and page styles); return (pdf, reference, pages)."""
    built = []
    for k in range(n):
        src = files[k % len(files)]
        title, lines = load_text(src)
        issuer = "某某省人民政府办公厅" if k % 2 else "教育部办公厅"
        result = build_pdf(
            out / f"doc{k:03d}.pdf",
            title=title or src.stem,
            body_lines=lines,
            issuer=issuer,
            doc_number=f"某政办发〔2023〕{k + 1}号",
            header=title if k % 2 else issuer,
            footer="内部资料 注意保存" if k % 3 == 0 else None,
            page_style=STYLES[k % len(STYLES)],
            signature=[issuer, "2023年5月6日"],
            font=font,
        )
        built.append((result.path, result.text, result.pages))
    return built


def accuracy(text: str, reference: str) -> float:
    """1 - edit distance / reference length, whitespace ignored, both sides normalised."""
    from rapidfuzz.distance import Levenshtein

    from policytext.ingest.normalize import normalize

    a = re.sub(r"\s+", "", normalize(text))
    b = re.sub(r"\s+", "", normalize(reference))
    return 1.0 - Levenshtein.distance(a, b) / max(len(b), 1)


def raw_pdfplumber(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared data folder")
    parser.add_argument("--docs", type=int, default=30, help="number of PDFs to typeset (>= 30)")
    parser.add_argument("--repeat", type=int, default=2, help="timing rounds; the fastest round counts")
    parser.add_argument("--font", default="noto", help="CJK font for officialpdf: noto (embedded) or stsong")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "extract.json")
    ns = parser.parse_args(argv)

    if ns.font == "noto":
        from officialpdf import NOTO_CJK

        if not Path(NOTO_CJK[0]).exists():
            print(f"fonts-noto-cjk is not installed ({NOTO_CJK[0]}); typesetting with stsong", file=sys.stderr)
            ns.font = "stsong"
    files = sources(ns.shared)
    if not files:
        print(f"no texts under {ns.shared}/corpora/{{directives,local}}; pass --shared", file=sys.stderr)
        return 2

    import policytext

    methods = {
        "raw_pdfplumber": raw_pdfplumber,
        "policytext_pdfplumber": lambda p: policytext.read(p, engine="pdfplumber").text,
        "policytext_pdfium": lambda p: policytext.read(p, engine="pdfium").text,
    }
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        corpus = build_corpus(files, Path(tmp), ns.docs, ns.font)
        build_s = time.perf_counter() - t0
        pages = sum(p for _, _, p in corpus)
        print(f"typeset {len(corpus)} PDFs, {pages} pages, in {build_s:.1f} s (font: {ns.font})")
        # warm up imports and caches outside the clock
        for fn in methods.values():
            fn(corpus[0][0])
        best = {name: float("inf") for name in methods}
        acc: dict[str, list[float]] = {name: [] for name in methods}
        for round_ in range(ns.repeat):
            spent = dict.fromkeys(methods, 0.0)
            for path, reference, _ in corpus:
                # interleaved, so that drift in machine load hits all methods alike
                for name, fn in methods.items():
                    t = time.perf_counter()
                    text = fn(path)
                    spent[name] += time.perf_counter() - t
                    if round_ == 0:
                        acc[name].append(accuracy(text, reference))
            for name in methods:
                best[name] = min(best[name], spent[name])

    rows = {}
    base = pages / best["raw_pdfplumber"]
    for name in methods:
        rate = pages / best[name]
        rows[name] = {
            "pages_per_s": round(rate, 1),
            "speed_vs_raw_pdfplumber": round(rate / base, 2),
            "accuracy_mean": round(statistics.fmean(acc[name]), 5),
            "accuracy_min": round(min(acc[name]), 5),
        }
    targets = {"policytext_pdfplumber": 0.8, "policytext_pdfium": 15.0}
    print(f"{'method':24s} {'pages/s':>9s} {'x raw':>7s} {'acc mean':>9s} {'acc min':>9s}  target")
    for name, row in rows.items():
        target = targets.get(name)
        verdict = "" if target is None else (f">= {target}x " + ("ok" if row["speed_vs_raw_pdfplumber"] >= target else "MISSED"))
        print(f"{name:24s} {row['pages_per_s']:9.1f} {row['speed_vs_raw_pdfplumber']:7.2f} "
              f"{row['accuracy_mean']:9.5f} {row['accuracy_min']:9.5f}  {verdict}")
    result = {
        "documents": len(corpus),
        "pages": pages,
        "font": ns.font,
        "repeat": ns.repeat,
        "methods": rows,
        "targets": targets,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    ns.out.parent.mkdir(parents=True, exist_ok=True)
    ns.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {ns.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
