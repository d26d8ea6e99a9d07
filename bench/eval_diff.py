"""Score ``policytext.diff`` on charters made from real regulations by known edits, and on the sample.

Cases come from tests/diff_cases.py: regulations of ../shared (corpora/directives,
corpora/local, corpora/reference, gold/laws_lawrefbook) with seeded random edits
(articles deleted, inserted from another regulation, reworded, moved, split,
merged, duties weakened or strengthened, numbers and actors changed, everything
renumbered in Chinese numerals). Half the cases use the "hard" edits (several
edits in one article, sentence-level splits, shorter moves, an article replaced
in place). The sample charters are scored against corpora/sample/charters/EDITS.yaml.

Reported: per-entry status accuracy (an entry is a (template article, charter
article) pair of the ground truth), and recall / precision of each flag.

Run:  python bench/eval_diff.py [--cases 120] [--seed 1] [--show-errors 5] [--out bench/results/diff_eval.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import diff_cases  # noqa: E402

import policytext  # noqa: E402

SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "corpora" / "sample"
SAMPLE_FLAGS = diff_cases.SCORED_FLAGS + (
    "filled_in",
    "reference_updated",
    "chapter_changed",
    "stale_reference",
    "content_added",
    "content_removed",
)


def _rounded(total: dict) -> dict:
    out = dict(total)
    out["status_accuracy"] = round(total["status_accuracy"], 4)
    out["min_case_accuracy"] = round(total["min_case_accuracy"], 4)
    out["flags"] = {
        f: {k: (round(v, 4) if isinstance(v, float) else v) for k, v in d.items()}
        for f, d in total["flags"].items()
    }
    return out


def eval_generated(count: int, seed: int, show: int) -> dict:
    half = count // 2
    t0 = time.perf_counter()
    cases = diff_cases.make_cases(SHARED, half, seed=seed) + diff_cases.make_cases(
        SHARED, count - half, seed=seed + 1, hard=True
    )
    made = time.perf_counter() - t0
    scores = []
    t0 = time.perf_counter()
    for case in cases:
        scores.append(diff_cases.score(case.truth, policytext.diff_documents(case.template, case.charter)))
    elapsed = time.perf_counter() - t0
    shown = 0
    for case, s in zip(cases, scores):
        for e in s["errors"]:
            if shown < show:
                print(f"  {case.name}: {e}", file=sys.stderr)
                shown += 1
    total = _rounded(diff_cases.combine(scores))
    total["articles"] = sum(len(c.truth) for c in cases)
    total["seconds_making"] = round(made, 2)
    total["seconds_diffing"] = round(elapsed, 2)
    total["sources"] = len({c.name.split("#")[0] for c in cases})
    return total


def eval_sample(show: int) -> dict:
    edits = yaml.safe_load((SAMPLE / "charters" / "EDITS.yaml").read_text(encoding="utf-8"))
    template = policytext.read(SAMPLE / "documents" / edits["template"]["file"])
    per, scores = {}, []
    for name, entry in edits["charters"].items():
        result = policytext.diff_documents(template, policytext.read(SAMPLE / "documents" / entry["file"]))
        s = diff_cases.score(entry["edits"], result, flags=SAMPLE_FLAGS)
        scores.append(s)
        per[name] = {"entries": s["entries"], "status_accuracy": round(s["status_accuracy"], 4)}
        for e in s["errors"][:show]:
            print(f"  {name}: {e}", file=sys.stderr)
    total = _rounded(diff_cases.combine(scores))
    total["charters"] = per
    return total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=120)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show-errors", type=int, default=5)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "diff_eval.json"))
    args = ap.parse_args()
    out: dict = {"sample": eval_sample(args.show_errors)}
    if SHARED.is_dir():
        out["generated"] = eval_generated(args.cases, args.seed, args.show_errors)
        out["generated"]["seed"] = args.seed
    else:
        print(f"{SHARED} is absent: only the sample charters are scored", file=sys.stderr)
    for part, total in out.items():
        print(
            f"== {part}: {total.get('cases')} cases, {total['entries']} entries, "
            f"status accuracy {total['status_accuracy']:.4f} (worst case {total['min_case_accuracy']:.4f})"
        )
        for flag, d in total["flags"].items():
            if d["tp"] + d["fn"] + d["fp"]:
                rec = "n/a" if d["recall"] is None else f"{d['recall']:.3f}"
                prec = "n/a" if d["precision"] is None else f"{d['precision']:.3f}"
                print(
                    f"   {flag:18s} recall {rec:>6s}  precision {prec:>6s}  (tp {d['tp']}, fn {d['fn']}, fp {d['fp']})"
                )
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
