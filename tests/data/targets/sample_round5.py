"""Draw the sentences of ``gold_round5.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round5.py > /tmp/unlabelled.tsv

As in ``sample_round4.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed
(seeds 70–75). Round 5 takes plan parts of work reports of years no earlier
set used — the 1956 budget report (the 1956 economic plan), 1979 (the ten
tasks and the 1979 plan), 1984 (the tasks of the year), the 1955 report on
the first five-year plan (industrial, farm and transport targets for 1957),
1983 (the tasks for the next five years: economy, education and science) and
1985 (the reforms of the year) — with their review parts sampled as hard
negatives, and whole central smart-technology policies not used before
(goals sections and the rest of the text; rows 121 and 128 of the JSONL are
the same text and neither is used). Sentences already in ``gold.tsv``,
``gold_fresh.tsv``, ``gold_round3.tsv`` or ``gold_round4.tsv`` are skipped;
the ``targets`` column is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _draw import draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
SMART = "series/smart-tech-policies_central166_shandong55.jsonl#{}"

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Set A (dev): rules may be fixed on its errors.
    ("round5_a", GWR.format(1956), 1956, 98, 122, "whole", 0, 0),  # the 1956 plan
    ("round5_a", GWR.format(1956), 1956, 8, 77, "sample", 5, 70),  # 1955 final accounts
    ("round5_a", GWR.format(1979), 1979, 81, 148, "whole", 0, 0),  # the ten tasks, the 1979 plan
    ("round5_a", GWR.format(1979), 1979, 12, 33, "sample", 5, 71),  # review
    ("round5_a", GWR.format(1984), 1984, 27, 130, "whole", 0, 0),  # tasks of the year
    ("round5_a", GWR.format(1984), 1984, 13, 27, "sample", 5, 72),  # review of 1983
    ("round5_a", SMART.format(7), 2024, 0, 10**6, "whole", 0, 0),  # light industry digital transformation
    ("round5_a", SMART.format(139), 2017, 0, 10**6, "whole", 0, 0),  # high-end intelligent remanufacturing
    ("round5_a", SMART.format(31), 2023, 0, 10**6, "whole", 0, 0),  # smart-car base map standards
    # Set B (held out): scored once before any fix made on A.
    ("round5_b", GWR.format(1955), 1955, 156, 212, "whole", 0, 0),  # targets for 1957
    ("round5_b", GWR.format(1955), 1955, 745, 767, "sample", 6, 73),  # 1953-1954 results
    ("round5_b", GWR.format(1983), 1983, 45, 98, "whole", 0, 0),  # next five years: economy
    ("round5_b", GWR.format(1983), 1983, 129, 168, "whole", 0, 0),  # next five years: education, science
    ("round5_b", GWR.format(1983), 1983, 10, 45, "sample", 6, 74),  # review of five years
    ("round5_b", GWR.format(1985), 1985, 55, 147, "whole", 0, 0),  # reforms of 1985
    ("round5_b", GWR.format(1985), 1985, 18, 55, "sample", 6, 75),  # review of 1984
    ("round5_b", SMART.format(80), 2020, 0, 10**6, "whole", 0, 0),  # digital culture industry
    ("round5_b", SMART.format(20), 2023, 0, 10**6, "whole", 0, 0),  # medical insurance smart review
    ("round5_b", SMART.format(91), 2020, 0, 10**6, "whole", 0, 0),  # intelligent coal mining
]


if __name__ == "__main__":
    draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED,
         known=("gold.tsv", "gold_fresh.tsv", "gold_round3.tsv", "gold_round4.tsv"), prefix="r5_")  # fmt: skip
