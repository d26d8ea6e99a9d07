"""Speed and memory of ``policytext.compare_documents``: 1,000 local documents against a 300-clause directive.

The directive is made of real text: the articles of the national education
laws in ``../shared/corpora/directives`` (education, teachers, compulsory
education, vocational education 2022, private education, higher education,
employment promotion), renumbered 第一条 … 第三百条 as one document. Each
synthetic local document is made from real text too, with a seeded generator:
20-60 articles drawn from the directive and lightly localised (国务院 -> 市人民政府,
各级人民政府 -> 市和区人民政府, 结合本市实际 inserted, a sentence dropped or
repeated), mixed with articles taken verbatim from the real local regulations
in ``../shared/corpora/local`` (local additions), shuffled in blocks and
renumbered. The documents are written as UTF-8 text files to a temporary
folder and their paths streamed into :func:`policytext.compare_documents`, which builds
the national index once, reads and compares each file in a worker and never
holds the local texts.

Local documents are read and compared in ``--workers`` worker processes (2 by
default: the machine has two cores), in bounded batches.

Recorded: wall time (reading, parsing, segmenting, aligning, reuse, targets),
documents per second, local clauses aligned, CPU seconds of the main process
and of the workers, the load average of the machine (other jobs slow the wall
time down), and the main process's resident memory (RSS) after 10, 100, 250,
500, 750 and 1000 documents: flat memory means the growth is the output rows,
not the corpus.

Usage::

    python bench/bench_compare.py [--docs 1000] [--clauses 300] [--seed 7] [--workers 2]

Writes ``bench/results/compare.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICYTEXT_SHARED", ROOT.parent / "shared"))
CORPORA = SHARED / "corpora"
LAWS = [
    "law_education-law_2021.md",
    "law_teachers-law_2009.md",
    "law_compulsory-education-law_2018.md",
    "law_vocational-education-law_2022.md",
    "law_private-education-promotion-law_2018.md",
    "law_higher-education-law_2018.md",
    "law_employment-promotion-law_2015.md",
]
_ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇两]+条\s*")
_LOCALISE = [
    ("国务院教育行政部门", "市教育行政部门"),
    ("国务院", "市人民政府"),
    ("县级以上地方各级人民政府", "市和区人民政府"),
    ("各级人民政府", "市和区人民政府"),
    ("国家", "本市"),
    ("本法", "本办法"),
    ("全国", "全市"),
]


def _zh(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    rest = n % 100
    head = digits[n // 100] + "百"
    if rest == 0:
        return head
    if rest < 10:
        return head + "零" + digits[rest]
    return head + (digits[rest // 10] + "十" + (digits[rest % 10] if rest % 10 else "") if rest >= 10 else "")


def _articles(path: Path) -> list[str]:
    """Article bodies of a LawRefBook Markdown file (label removed, paragraphs joined)."""
    text = path.read_text(encoding="utf-8")
    text = text.split("<!-- INFO END -->", 1)[-1]
    out: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _ARTICLE.match(line):
            out.append(_ARTICLE.sub("", line))
        elif out:
            out[-1] += "\n" + line
    return out


def build_directive(n_clauses: int) -> tuple[str, list[str]]:
    bodies: list[str] = []
    for name in LAWS:
        bodies.extend(_articles(CORPORA / "directives" / name))
    bodies = bodies[:n_clauses]
    lines = ["国家教育事业促进条例（合成文本，基准测试用）", ""]
    for i, body in enumerate(bodies, 1):
        lines.append(f"第{_zh(i)}条 {body}")
    return "\n".join(lines) + "\n", bodies


def local_pool() -> list[str]:
    pool: list[str] = []
    for path in sorted((CORPORA / "local").glob("*.md")):
        pool.extend(_articles(path))
    return pool


def make_local(rng: random.Random, k: int, national: list[str], pool: list[str]) -> str:
    n = rng.randint(20, 60)
    start = rng.randrange(0, max(1, len(national) - n))
    picked: list[str] = []
    for body in national[start : start + n]:
        r = rng.random()
        if r < 0.15:
            picked.append(rng.choice(pool))  # a local addition
            continue
        if r < 0.25:
            continue  # a national article left out
        for a, b in _LOCALISE:
            if rng.random() < 0.7:
                body = body.replace(a, b)
        sents = re.split(r"(?<=[。；])", body)
        sents = [s for s in sents if s]
        if len(sents) > 1 and rng.random() < 0.3:
            sents.pop(rng.randrange(len(sents)))
        if rng.random() < 0.4:
            sents.insert(0, "结合本市实际，")
        picked.append("".join(sents))
    blocks = [picked[i : i + 5] for i in range(0, len(picked), 5)]
    rng.shuffle(blocks)
    picked = [b for block in blocks for b in block]
    lines = [f"某市实施办法（合成文本 {k:04d}）", "", "第一条 为实施《国家教育事业促进条例》，结合本市实际，制定本办法。"]
    for i, body in enumerate(picked, 2):
        lines.append(f"第{_zh(i)}条 {body}")
    lines.append(f"第{_zh(len(picked) + 2)}条 本办法自2025年1月1日起施行。")
    return "\n".join(lines) + "\n"


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--clauses", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workers", type=int, default=2, help="worker processes (the machine has 2 cores)")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "compare.json"))
    args = ap.parse_args()
    if not CORPORA.is_dir():
        sys.exit(f"needs the shared corpora at {CORPORA}")
    sys.path.insert(0, str(ROOT))
    import policytext

    rng = random.Random(args.seed)
    directive_text, bodies = build_directive(args.clauses)
    pool = local_pool()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        nat_path = tmpdir / "national.txt"
        nat_path.write_text(directive_text, encoding="utf-8")
        local_dir = tmpdir / "local"
        local_dir.mkdir()
        chars = 0
        for k in range(args.docs):
            text = make_local(rng, k, bodies, pool)
            chars += len(text)
            (local_dir / f"local_{k:04d}.txt").write_text(text, encoding="utf-8")

        checkpoints = {10, 100, 250, 500, 750, args.docs}
        memory: list[dict[str, float]] = []
        count = 0
        t_fit0 = time.perf_counter()
        national = policytext.read(nat_path)
        aligner = policytext.Aligner().fit([national])
        t_fit = time.perf_counter() - t_fit0

        def stream():
            # Paths, not documents: each worker reads its own files, so reading
            # is spread over the cores too.
            nonlocal count
            for path in policytext.expand_paths([local_dir]):
                yield path
                count += 1
                if count in checkpoints:
                    memory.append({"docs": count, "rss_mb": round(rss_mb(), 1), "seconds": round(time.perf_counter() - t0, 2)})

        rss_start = rss_mb()
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        result = policytext.compare_documents([national], stream(), aligner=aligner, workers=args.workers)
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_workers = children.ru_utime + children.ru_stime

    relations: dict[str, int] = {}
    for a in result.alignments:
        relations[a.relation] = relations.get(a.relation, 0) + 1
    out = {
        "benchmark": "compare: local documents against one national directive",
        "docs": args.docs,
        "national_clauses": len(result.national_units),
        "local_clauses": len(result.alignments),
        "local_chars": chars,
        "relations": relations,
        "target_rows": len(result.target_rows),
        "fit_seconds": round(t_fit, 2),
        "seconds": round(seconds, 2),
        "cpu_seconds_main": round(cpu, 2),
        "cpu_seconds_workers": round(cpu_workers, 2),
        "docs_per_second": round(args.docs / seconds, 1),
        "rss_mb_before": round(rss_start, 1),
        "memory": memory,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "under_a_minute": seconds < 60,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "seed": args.seed,
        "workers": args.workers,
        "load_average": list(os.getloadavg()),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
