"""Write charters made from real regulations by known edits, with their ground truth.

Each case is a folder with ``template.txt``, ``charter.txt`` and ``truth.yaml``
(one entry per (template article, charter article) pair: status and flags, in
the vocabulary of corpora/sample/charters/EDITS.yaml). The edits are seeded and
random: articles deleted, inserted from another regulation, reworded, moved,
split, merged, duties weakened or strengthened, numbers and actors changed, and
every article renumbered in Chinese numerals. The generator itself lives in
tests/diff_cases.py, where the tests and bench/eval_diff.py use it too.

Run:  python scripts/make_edited_charters.py OUT_DIR [--cases 20] [--seed 1] [--hard] [--shared ../shared]
Then: policytext diff OUT_DIR/case-000/template.txt OUT_DIR/case-000/charter.txt
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import diff_cases  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--cases", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--hard", action="store_true", help="several edits per article, sentence-level splits, ..."
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    if not (args.shared / "corpora").is_dir():
        sys.exit(f"make_edited_charters: {args.shared}: no corpora/ folder (give --shared PATH)")
    cases = diff_cases.make_cases(args.shared, args.cases, seed=args.seed, hard=args.hard)
    for k, case in enumerate(cases):
        folder = args.out / f"case-{k:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "template.txt").write_text(case.template, encoding="utf-8")
        (folder / "charter.txt").write_text(case.charter, encoding="utf-8")
        truth = {
            "name": case.name,
            "seed": args.seed,
            "hard": args.hard,
            "edits": case.edits,
            "entries": case.truth,
        }
        (folder / "truth.yaml").write_text(
            yaml.safe_dump(truth, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    print(f"wrote {len(cases)} cases to {args.out}")


if __name__ == "__main__":
    main()
