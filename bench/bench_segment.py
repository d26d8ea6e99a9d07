"""Segmentation speed: policytext's Segmenter and ``policytext tokenize`` against plain jieba.

Two comparisons, both on real policy text from ``../shared/corpora`` (the
government work reports 1954-2025, the 221 smart-technology policies, the
laws, directives and local regulations):

1. In one process, line by line over the same text: ``jieba.lcut`` against
   ``Segmenter.cut``, (a) with the same settings as plain jieba
   (``domain_dict=False``), where the tokens must be identical, and (b) with
   the defaults (domain dictionary on), whose tokens must be identical to the
   ``jieba`` engine's with the same settings. Best of ``--repeat`` runs, wall
   and CPU time.
2. Whole processes on a file of ``--mb`` megabytes: ``policytext tokenize FILE``
   against the script a user would write::

       python -c 'import sys, jieba
       for line in open(sys.argv[1], encoding="utf-8"):
           print("  ".join(t for t in jieba.lcut(line.rstrip("\\n")) if not t.isspace()))' FILE

   start-up, dictionary loading and writing included (jieba's own dictionary
   cache is warmed first, as it is on any machine that ran jieba before). With
   ``--no-domain-dict`` our output must equal the script's byte for byte.

Targets: (1) at least 10x ``jieba.lcut``; (2) at least 5x the script, as wall
time. The machine may be shared, so every figure is the best of its repeats,
CPU times are recorded too, and a target counts the lower of the wall-time and
CPU-time speed-ups.

Usage::

    python bench/bench_segment.py [--mb 4] [--repeat 3]

Writes ``bench/results/segment.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

import policytext

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("POLICYTEXT_SHARED", ROOT.parent / "shared"))
RESULTS = ROOT / "bench" / "results" / "segment.json"

BASELINE_SCRIPT = (
    "import sys, jieba\n"
    "for line in open(sys.argv[1], encoding='utf-8'):\n"
    "    print('  '.join(t for t in jieba.lcut(line.rstrip('\\n')) if not t.isspace()))\n"
)


def load_lines() -> list[str]:
    """Non-empty lines of real policy text, in a fixed order."""
    corpora = SHARED / "corpora"
    if not corpora.is_dir():
        raise SystemExit(f"needs the shared corpora at {corpora}")
    texts: list[str] = []
    for sub in ("series/gov-work-reports-txt", "directives", "local"):
        for path in sorted((corpora / sub).glob("*")):
            if path.suffix in (".txt", ".md"):
                texts.append(path.read_text(encoding="utf-8"))
    with open(corpora / "series" / "smart-tech-policies_central166_shandong55.jsonl", encoding="utf-8") as fh:
        texts.extend(json.loads(line)["content_zh"] for line in fh)
    return [line for text in texts for line in text.splitlines() if line.strip()]


def best_of(repeat: int, func: Callable[[], Any]) -> tuple[float, float, Any]:
    """Best wall and CPU seconds of ``repeat`` runs, and the last result."""
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = func()
        wall = min(wall, time.perf_counter() - w0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu, result


def in_process(lines: list[str], repeat: int) -> dict[str, Any]:
    import jieba

    jieba.setLogLevel(30)
    jieba.initialize()
    same = policytext.Segmenter(domain_dict=False, stopwords=None, engine="rjieba")
    default = policytext.Segmenter(stopwords=None)
    default_ref = policytext.Segmenter(stopwords=None, engine="jieba")

    timings: dict[str, tuple[float, float]] = {}
    outputs: dict[str, list[list[str]]] = {}
    runs: dict[str, Callable[[], list[list[str]]]] = {
        "jieba.lcut": lambda: [jieba.lcut(line) for line in lines],
        "Segmenter(domain_dict=False)": lambda: [same.cut(line) for line in lines],
        "Segmenter() [domain dictionary]": lambda: [default.cut(line) for line in lines],
    }
    # Interleave the runs so that a busy spell on a shared machine hits all of them.
    best = {name: [float("inf"), float("inf")] for name in runs}
    for _ in range(repeat):
        for name, func in runs.items():
            wall, cpu, out = best_of(1, func)
            best[name][0] = min(best[name][0], wall)
            best[name][1] = min(best[name][1], cpu)
            outputs[name] = out
    timings = {name: (w, c) for name, (w, c) in best.items()}
    ref_wall, ref_cpu, ref_out = best_of(1, lambda: [default_ref.cut(line) for line in lines])

    chars = sum(map(len, lines))
    base_wall, base_cpu = timings["jieba.lcut"]
    report: dict[str, Any] = {"lines": len(lines), "characters": chars, "runs": {}}
    for name, (wall, cpu) in list(timings.items()) + [
        ("Segmenter(engine='jieba') [domain dictionary]", (ref_wall, ref_cpu))
    ]:
        report["runs"][name] = {
            "wall_s": round(wall, 4),
            "cpu_s": round(cpu, 4),
            "chars_per_s": round(chars / wall),
            "speedup_wall": round(base_wall / wall, 2),
            "speedup_cpu": round(base_cpu / cpu, 2),
        }
    report["identical_tokens_plain_vs_jieba.lcut"] = (
        outputs["Segmenter(domain_dict=False)"] == outputs["jieba.lcut"]
    )
    report["identical_tokens_default_rjieba_vs_jieba_engine"] = (
        outputs["Segmenter() [domain dictionary]"] == ref_out
    )
    return report


def whole_process(lines: list[str], megabytes: float, repeat: int) -> dict[str, Any]:
    exe = shutil.which("policytext", path=str(Path(sys.executable).parent)) or shutil.which("policytext")
    if exe is None:
        raise SystemExit("the policytext command is not installed (pip install -e .)")
    tmp = Path(tempfile.mkdtemp(prefix="bench_segment_"))
    try:
        src = tmp / "input.txt"
        target = int(megabytes * 1_000_000)
        with open(src, "w", encoding="utf-8") as fh:
            size = 0
            while size < target:
                for line in lines:
                    fh.write(line + "\n")
                    size += len(line.encode("utf-8")) + 1
                    if size >= target:
                        break
        # Warm jieba's dictionary cache (/tmp/jieba.cache) as any earlier jieba run would.
        subprocess.run(
            [sys.executable, "-c", "import jieba; jieba.setLogLevel(30); jieba.initialize()"], check=True
        )

        commands = {
            "plain jieba script": [sys.executable, "-c", BASELINE_SCRIPT, str(src)],
            "policytext tokenize": [exe, "tokenize", str(src)],
            "policytext tokenize --no-domain-dict": [exe, "tokenize", "--no-domain-dict", str(src)],
        }
        best = {name: [float("inf"), float("inf")] for name in commands}
        outputs: dict[str, bytes] = {}
        for _ in range(repeat):
            for name, cmd in commands.items():
                out = tmp / (name.replace(" ", "_") + ".out")
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                w0 = time.perf_counter()
                with open(out, "wb") as fh:
                    subprocess.run(cmd, stdout=fh, stderr=subprocess.DEVNULL, check=True)
                wall = time.perf_counter() - w0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                best[name][0] = min(best[name][0], wall)
                best[name][1] = min(best[name][1], cpu)
                outputs[name] = out.read_bytes()
        base_wall, base_cpu = best["plain jieba script"]
        return {
            "input_bytes": src.stat().st_size,
            "input_characters": len(src.read_text(encoding="utf-8")),
            "runs": {
                name: {
                    "wall_s": round(w, 3),
                    "cpu_s": round(c, 3),
                    "speedup_wall": round(base_wall / w, 2),
                    "speedup_cpu": round(base_cpu / c, 2),
                }
                for name, (w, c) in best.items()
            },
            "identical_output_no_domain_dict_vs_script": outputs["policytext tokenize --no-domain-dict"]
            == outputs["plain jieba script"],
        }
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=4.0, help="size of the whole-process input file (MB)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measurement; the best counts")
    args = parser.parse_args()

    lines = load_lines()
    t1 = in_process(lines, args.repeat)
    t2 = whole_process(lines, args.mb, args.repeat)

    # A busy shared machine can inflate either clock for one side; count the lower one.
    def speedup(run: dict[str, Any]) -> float:
        return min(run["speedup_wall"], run["speedup_cpu"])

    throughput = speedup(t1["runs"]["Segmenter() [domain dictionary]"])
    throughput_same = speedup(t1["runs"]["Segmenter(domain_dict=False)"])
    process = speedup(t2["runs"]["policytext tokenize"])
    result = {
        "benchmark": "segment",
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average": os.getloadavg(),
            "jieba": metadata.version("jieba"),
            "rjieba": metadata.version("rjieba"),
        },
        "in_process": t1,
        "whole_process": t2,
        "targets": {
            "throughput_vs_jieba.lcut >= 10 (default settings)": throughput >= 10,
            "throughput_vs_jieba.lcut >= 10 (same settings)": throughput_same >= 10,
            "identical tokens where settings are the same": t1["identical_tokens_plain_vs_jieba.lcut"]
            and t1["identical_tokens_default_rjieba_vs_jieba_engine"]
            and t2["identical_output_no_domain_dict_vs_script"],
            "policytext tokenize vs plain jieba script >= 5": process >= 5,
        },
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if not all(result["targets"].values()):
        sys.exit(1)


if __name__ == "__main__":
    main()
