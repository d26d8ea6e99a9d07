"""Draw the sentences of ``gold_round22.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round22.py > /tmp/unlabelled.tsv
    python tests/data/targets/sample_round22.py 24 > /tmp/unlabelled.tsv   # rounds 23-26 the same way

Rounds 23 to 26 are drawn the same way with only their seeds (``GOAL_ROUNDS``) and the known
files (every labelled file before the round) changed.

Rounds 13 to 21 drew sentences as they come, and most of them set no target.
This round measures the sentences a reader would label first: those that look
like goals. From the same documents as rounds 14 to 21, it takes only
sentences that hold the round's cue (``CUE`` of ``sample_round4.py``, item,
article and standard numbers removed) **and** a word of goals (``GOAL``: 到20XX年,
力争, 争取, 达到, 不低于, 不少于, 以上, 左右, 目标, 预期, 拟安排, 今年, 全年). Such a
sentence can still be a review (去年…达到…) or a rule; it is labelled like any
other. One split, ``round22``:

- Directives of the smart-technology JSONL (the usable rows of rounds 14 to
  21): 1 sentence of every central row (0–165) and 2 of every Shandong row
  (166–220) that still hold one, seed 5000 + the row number.
- Government work reports (``series/gov-work-reports-txt/``, 1954–2025, and
  2020 from ``series/gov-work-reports-tmx/GR2020.zh.txt``): 2 sentences of
  every report before 1990 and 3 of every report from 1990, seed 5300 + the
  report's place in year order (1954 → 5300 … 2025 → 5352).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round21.tsv`` are skipped wherever they fall (``_draw.earlier_gold(22)``);
the ``targets`` column is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402
from sample_round14 import REPORT_YEARS, directive_blocks, report_blocks  # noqa: E402

GOAL = r"到20\d\d年|力争|争取|达到|不低于|不少于|以上|左右|目标|预期|拟安排|今年|全年"
#: Both cues: a number, share or deadline (``CUE``) and a word of goals (``GOAL``).
GOAL_CUE = re.compile(rf"(?s)^(?=.*?(?:{GOAL}))(?=.*?(?:{CUE.pattern}))")


def blocks(split: str = "round22", *, directive_seed: int = 5000, report_seed: int = 5300) -> list[_draw.Block]:
    """The directive and report blocks of this round (see the module docstring)."""
    directives = [
        (*b[:6], 1 if int(b[1].rsplit("#", 1)[1]) < 166 else 2, b[7])
        for b in directive_blocks(split, directive_seed)
    ]
    reports = [
        (*b[:6], 2 if year < 1990 else 3, b[7])
        for b, year in zip(report_blocks(split, report_seed, 3), REPORT_YEARS)
    ]
    return directives + reports


def draw_goal_round(round_: int, *, directive_seed: int, report_seed: int) -> None:
    """Print round ``round_`` drawn as this one, with these seeds (rounds 23 on change only them)."""
    split_blocks = blocks(f"round{round_}", directive_seed=directive_seed, report_seed=report_seed)
    _draw.draw(split_blocks, cue=GOAL_CUE, unnumbered=_UNNUMBERED, known=_draw.earlier_gold(round_), prefix=f"r{round_}_")


#: round -> (directive seed, report seed): the seed + the row number, the seed + the report's place.
GOAL_ROUNDS = {22: (5000, 5300), 23: (5600, 5900), 24: (6200, 6500), 25: (6800, 7100), 26: (7400, 7700)}

if __name__ == "__main__":
    round_ = int(sys.argv[1]) if len(sys.argv) > 1 else 22
    directive_seed, report_seed = GOAL_ROUNDS[round_]
    draw_goal_round(round_, directive_seed=directive_seed, report_seed=report_seed)
