"""Speed of ``policytext.diff``: a charter of about 300 articles against its template.

The pair is made by the edit generator of tests/diff_cases.py from the 306-article
民事诉讼法 in ../shared (articles deleted, inserted, moved, split, merged, reworded,
duties weakened, numbers changed, all renumbered). Without ../shared, the sample
template charter is repeated six times (318 articles) with the same kind of edits.
The target: parse both documents and diff them in under 5 seconds on 2 cores.

Run:  python bench/bench_diff.py [--repeat 5] [--out bench/results/diff.json]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import diff_cases  # noqa: E402

import policytext  # noqa: E402

SHARED = ROOT.parent / "shared"
LAW = SHARED / "gold" / "laws_lawrefbook" / "诉讼与非诉讼程序法" / "民事诉讼法(2023-09-01).md"
DONOR = SHARED / "corpora" / "directives" / "law_education-law_2021.md"
TARGET_SECONDS = 5.0


def make_pair() -> tuple[str, str, str, list[dict]]:
    if LAW.exists():
        text = diff_cases.load_regulation(LAW)
        donors = [diff_cases.load_regulation(DONOR)] if DONOR.exists() else []
        source = str(LAW.relative_to(SHARED.parent))
    else:
        sample = (
            ROOT / "corpora/sample/sources/charters/donghai_2023_consortium-charter-template.txt"
        ).read_text(encoding="utf-8")
        reg = diff_cases.split_regulation(sample)
        assert reg is not None
        items = []
        for k in range(6):  # six copies, each article tagged with its copy so none is identical
            for kind, x in reg.items:
                items.append((kind, x if kind == "heading" else [f"{x[0]}（第{k + 1}编）", *x[1:]]))
        text, _ = diff_cases.render(reg.title, items)
        donors = [text]
        source = "corpora/sample template x6"
    case = diff_cases.make_case(text, seed=7, donors=donors, hard=True)
    assert case is not None
    return case.template, case.charter, source, case.truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "diff.json"))
    args = ap.parse_args()
    template, charter, source, truth = make_pair()
    n_t = len([c for c in policytext.parse(template) if c.level == "article"])
    n_c = len([c for c in policytext.parse(charter) if c.level == "article"])
    times, result = [], None
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        result = policytext.diff_documents(template, charter)  # parses both texts too
        times.append(time.perf_counter() - t0)
    assert result is not None
    t0 = time.perf_counter()
    html = policytext.redline_html(result)
    t_html = time.perf_counter() - t0
    t0 = time.perf_counter()
    docx = policytext.redline_docx(result)
    t_docx = time.perf_counter() - t0
    t0 = time.perf_counter()
    md = policytext.redline_markdown(result)
    t_md = time.perf_counter() - t0
    score = diff_cases.score(truth, result)
    out = {
        "benchmark": "diff_documents, ~300 articles",
        "source": source,
        "template_articles": n_t,
        "charter_articles": n_c,
        "repeat": args.repeat,
        "diff_seconds_median": round(statistics.median(times), 3),
        "diff_seconds_max": round(max(times), 3),
        "target_seconds": TARGET_SECONDS,
        "within_target": max(times) < TARGET_SECONDS,
        "redline_html_seconds": round(t_html, 3),
        "redline_docx_seconds": round(t_docx, 3),
        "redline_markdown_seconds": round(t_md, 3),
        "sizes_bytes": {"html": len(html.encode("utf-8")), "docx": len(docx), "md": len(md.encode("utf-8"))},
        "counts": result.counts(),
        "status_accuracy": round(score["status_accuracy"], 4),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=2))
    if not out["within_target"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
