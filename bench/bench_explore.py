"""Speed and memory of the exploratory tables on real policy text.

The corpus is the 政府工作报告 series 1954-2025 from ``../shared/corpora``
(52 reports, about 1.1 million characters), streamed ``--copies`` times (each
copy a new document with its own id and year), so that a run reads tens of
millions of characters without ever holding them: documents are made one at a
time from the texts and dropped after use.

Each analysis runs in a fresh process (so that peak RSS is its own):
``term_frequencies`` by decade, ``keyness`` (2013- against -1978),
``collocations`` (adjacent pairs), ``collocations`` of a node word,
``coword_network`` (sentences and clauses), ``kwic`` and ``code_documents``
with the shipped policy-instrument dictionary. Recorded: wall and CPU time,
characters per CPU second, and peak RSS of the process (the texts of one copy
of the series are kept in it to make documents from, about 3 MB of str).

Usage::

    python bench/bench_explore.py [--copies 10]

Writes ``bench/results/explore.json``.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICYTEXT_SHARED", ROOT.parent / "shared"))
REPORTS = SHARED / "corpora" / "series" / "gov-work-reports-txt"


def _texts() -> list[tuple[int, str]]:
    import policytext

    out = []
    for path in sorted(REPORTS.glob("gwr_*.txt")):
        year = int(re.search(r"\d{4}", path.stem).group())
        out.append((year, policytext.read(path).text))
    return out


def _stream(texts: list[tuple[int, str]], copies: int):
    import policytext

    for copy in range(copies):
        for year, text in texts:
            yield policytext.Document(
                id=f"{copy:04d}{year:04d}".ljust(16, "0"),
                source=f"copy{copy}/gwr_{year}.txt",
                format="txt",
                text=text,
                metadata={"year": year, "decade": year // 10 * 10},
                lang="zh",
            )


def _analysis(name: str):
    import policytext

    return {
        "terms_by_decade": lambda docs: len(policytext.term_frequencies(docs, by="decade", top=100)),
        "keyness": lambda docs: len(
            policytext.keyness(docs, target="year>=2013", reference="year<=1978", top=50)
        ),
        "collocations": lambda docs: len(policytext.collocations(docs, min_count=5, top=200)),
        "collocations_node": lambda docs: len(policytext.collocations(docs, node="改革", window=5)),
        "cowords_sentence": lambda docs: len(policytext.coword_network(docs, top=50).edges),
        "cowords_clause": lambda docs: len(policytext.coword_network(docs, top=50, unit="clause").edges),
        "kwic": lambda docs: sum(1 for _ in policytext.kwic(docs, "创新")),
        "code": lambda docs: len(policytext.code_documents(docs, by="decade").groups),
    }[name]


def _worker(name: str, copies: int, queue: mp.Queue) -> None:
    import policytext

    texts = _texts()
    policytext.term_frequencies(["预热分词器。"])  # load the dictionaries before timing
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    run = _analysis(name)
    wall, cpu = time.perf_counter(), time.process_time()
    rows = run(_stream(texts, copies))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    chars = copies * sum(len(t) for _, t in texts)
    queue.put(
        {
            "analysis": name,
            "documents": copies * len(texts),
            "characters": chars,
            "rows": rows,
            "wall_s": round(wall, 2),
            "cpu_s": round(cpu, 2),
            "chars_per_cpu_s": round(chars / cpu),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_run_mb": round(base_rss / 1024, 1),
        }
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="Times the report series is streamed.")
    parser.add_argument("--only", nargs="*", default=None, help="Run only these analyses.")
    args = parser.parse_args(argv)
    if not REPORTS.is_dir():
        sys.exit(f"needs the shared corpora at {REPORTS}")
    names = args.only or [
        "terms_by_decade",
        "keyness",
        "collocations",
        "collocations_node",
        "cowords_sentence",
        "cowords_clause",
        "kwic",
        "code",
    ]
    ctx = mp.get_context("spawn")
    results = []
    for name in names:
        queue = ctx.Queue()
        proc = ctx.Process(target=_worker, args=(name, args.copies, queue))
        proc.start()
        result = queue.get()
        proc.join()
        results.append(result)
        print(json.dumps(result, ensure_ascii=False), flush=True)
    out = ROOT / "bench" / "results" / "explore.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "copies": args.copies,
        "results": results,
    }
    out.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
