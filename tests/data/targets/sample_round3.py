"""Draw the sentences of ``gold_round3.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round3.py > /tmp/unlabelled.tsv

Each block is a part of a document: ``whole`` blocks give every sentence with a
number, a share, a deadline or 力争 (so recall over that part is honest);
``sample`` blocks give ``k`` such sentences drawn with a fixed seed (mostly hard
negatives: review sections, conditions, counts of context). Sentences already
in ``gold.tsv`` or ``gold_fresh.tsv`` are skipped. The ``targets`` column is
left empty; it was filled by reading each sentence.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _draw import draw  # noqa: E402

SERIES = "series/smart-tech-policies_central166_shandong55.jsonl"
GWR = "series/gov-work-reports-txt/gwr_{}.txt"

CUE = re.compile(
    r"[0-9]|百分之|分之|翻.{0,2}番|一半|半数|"
    r"[一二三四五六七八九十百千万亿两]+(?:个|家|所|项|倍|%|万|亿|条|座|台|套|名|人|元|吨|公里|斤)|"
    r"(?:到|至).{0,6}年|力争|[一二三四五六七八九十]五"
)

# Item numbers (1.统筹布局智算中心) and standard codes (GB/T42137) are no quantities.
_UNNUMBERED = re.compile(r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])|(?:GB|GB/T|YD/T|ISO)\s*\d+")

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    ("round3_a", GWR.format(1986), 1986, 51, 114, "whole", 0, 0),
    ("round3_a", GWR.format(1986), 1986, 14, 51, "sample", 10, 31),
    ("round3_a", GWR.format(1986), 1986, 114, 171, "whole", 0, 0),
    ("round3_a", GWR.format(1995), 1995, 55, 100, "whole", 0, 0),
    ("round3_a", GWR.format(1995), 1995, 10, 55, "sample", 8, 32),
    ("round3_a", GWR.format(1999), 1999, 10, 45, "whole", 0, 0),
    ("round3_a", GWR.format(2017), 2017, 136, 176, "whole", 0, 0),
    ("round3_a", SERIES + "#187", 2021, 0, 10**6, "whole", 0, 0),
    ("round3_a", SERIES + "#213", 2024, 0, 10**6, "whole", 0, 0),
    ("round3_a", SERIES + "#118", 2018, 0, 10**6, "whole", 0, 0),
    ("round3_b", GWR.format(1993), 1993, 55, 112, "whole", 0, 0),
    ("round3_b", GWR.format(1993), 1993, 10, 55, "sample", 10, 34),
    ("round3_b", GWR.format(1982), 1982, 21, 56, "whole", 0, 0),
    ("round3_b", GWR.format(1997), 1997, 39, 102, "whole", 0, 0),
    ("round3_b", GWR.format(1997), 1997, 10, 39, "sample", 8, 35),
    ("round3_b", GWR.format(1998), 1998, 79, 240, "whole", 0, 0),
    ("round3_b", GWR.format(2021), 2021, 81, 133, "whole", 0, 0),
    ("round3_b", SERIES + "#217", 2024, 0, 10**6, "whole", 0, 0),
    ("round3_b", SERIES + "#210", 2023, 0, 10**6, "whole", 0, 0),
    ("round3_b", SERIES + "#214", 2024, 0, 10**6, "whole", 0, 0),
    ("round3_b", SERIES + "#189", 2021, 0, 10**6, "whole", 0, 0),
    # Set C, drawn after the rules had been fixed on A and B: a last held-out check.
    ("round3_c", GWR.format(2019), 2019, 61, 109, "whole", 0, 0),
    ("round3_c", GWR.format(2019), 2019, 8, 61, "sample", 8, 36),
    ("round3_c", GWR.format(2022), 2022, 83, 146, "whole", 0, 0),
    ("round3_c", GWR.format(1992), 1992, 41, 84, "whole", 0, 0),
    ("round3_c", GWR.format(1987), 1987, 37, 169, "sample", 15, 37),
    ("round3_c", "directives/moe_2026_deepening-key-teaching-elements-reform_jiaozhicheng-2026-1.txt", 2026, 0, 10**6, "whole", 0, 0),
    ("round3_c", "directives/cpc-sc_2025_education-power-plan-2024-2035.txt", 2025, 0, 10**6, "sample", 15, 38),
    ("round3_c", SERIES + "#16", 2023, 0, 10**6, "whole", 0, 0),
    ("round3_c", SERIES + "#33", 2023, 0, 10**6, "whole", 0, 0),
    ("round3_c", SERIES + "#170", 2019, 0, 10**6, "whole", 0, 0),
]


if __name__ == "__main__":
    draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED, known=("gold.tsv", "gold_fresh.tsv"), prefix="R")
