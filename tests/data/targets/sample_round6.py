"""Draw the sentences of ``gold_round6.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round6.py > /tmp/unlabelled.tsv

As in ``sample_round5.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed
(seeds 100–109). Round 6 is one held-out set aimed at what an outside
evaluator measures, work reports and directives: the plan parts of recent
reports (2009, 2012, 2014, 2018, 2023, 2024: 总体部署 / 预期目标 and the first
task sections; every year since 2000 is partly labelled already, so these
blocks give only the sentences no earlier set holds), their review parts
sampled as hard negatives; three old reports never used before (1954: the
first five-year plan and the 1954 estimates; 1978: the ten-year plan, the 120
large projects, education and population goals; 1981: the sixth five-year
plan and the 1982 plan), with other parts sampled; and the goals of four
central smart-technology policies not used before (#117 ship assembly
intelligent transformation, whole; #158 smart community guidelines, the goals
section of a PDF text broken at every line; #18 AI in earthquake
prevention and #107 smart drug regulation, goals sections). Sentences already
in ``gold.tsv``, ``gold_fresh.tsv``, ``gold_round3.tsv``, ``gold_round4.tsv``
or ``gold_round5.tsv`` are skipped; the ``targets`` column is left empty and
was filled by reading each sentence.
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
    # Recent work reports: plan parts whole, review parts sampled.
    ("round6", GWR.format(2009), 2009, 104, 184, "whole", 0, 0),  # 总体部署, tasks （一）–（二）
    ("round6", GWR.format(2009), 2009, 10, 104, "sample", 3, 100),  # review of 2008
    ("round6", GWR.format(2012), 2012, 134, 370, "whole", 0, 0),  # 总体部署, tasks （一）–（九）
    ("round6", GWR.format(2012), 2012, 10, 134, "sample", 3, 101),  # review of 2011
    ("round6", GWR.format(2014), 2014, 81, 160, "whole", 0, 0),  # 总体部署, tasks （一）–（三）
    ("round6", GWR.format(2014), 2014, 10, 81, "sample", 3, 102),  # review of 2013
    ("round6", GWR.format(2018), 2018, 77, 125, "whole", 0, 0),  # 总体要求, proposals （一）–（二）
    ("round6", GWR.format(2018), 2018, 8, 77, "sample", 3, 103),  # review of five years
    ("round6", GWR.format(2023), 2023, 167, 200, "whole", 0, 0),  # proposals for 2023
    ("round6", GWR.format(2023), 2023, 24, 167, "sample", 3, 104),  # review of one and five years
    ("round6", GWR.format(2024), 2024, 69, 181, "whole", 0, 0),  # 总体要求, tasks （一）–（十）
    ("round6", GWR.format(2024), 2024, 24, 69, "sample", 3, 105),  # review of 2023
    # Old work reports never used before.
    ("round6", GWR.format(1954), 1954, 14, 29, "whole", 0, 0),  # first five-year plan, 1954 estimates
    ("round6", GWR.format(1954), 1954, 30, 130, "sample", 2, 106),  # the rest of the home affairs
    ("round6", GWR.format(1978), 1978, 101, 108, "whole", 0, 0),  # the ten-year plan
    ("round6", GWR.format(1978), 1978, 150, 156, "whole", 0, 0),  # 120 large projects
    ("round6", GWR.format(1978), 1978, 218, 228, "whole", 0, 0),  # education, population
    ("round6", GWR.format(1978), 1978, 14, 94, "sample", 2, 107),  # three years of struggle
    ("round6", GWR.format(1981), 1981, 288, 316, "whole", 0, 0),  # sixth five-year plan, 1982 plan
    ("round6", GWR.format(1981), 1981, 67, 288, "sample", 3, 108),  # the ten principles
    ("round6", GWR.format(1981), 1981, 12, 67, "sample", 3, 109),  # the economic situation of 1981
    # Central smart-technology policies never used before.
    ("round6", SMART.format(117), 2018, 0, 10**6, "whole", 0, 0),  # ship assembly intelligent transformation
    ("round6", SMART.format(158), 2014, 39, 92, "whole", 0, 0),  # smart community guidelines: goals
    ("round6", SMART.format(18), 2023, 18, 21, "whole", 0, 0),  # AI in earthquake prevention: goals
    ("round6", SMART.format(107), 2019, 10, 17, "whole", 0, 0),  # smart drug regulation: goals
]


if __name__ == "__main__":
    draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED,
         known=("gold.tsv", "gold_fresh.tsv", "gold_round3.tsv", "gold_round4.tsv", "gold_round5.tsv"),
         prefix="r6_")  # fmt: skip
