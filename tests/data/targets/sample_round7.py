"""Draw the sentences of ``gold_round7.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round7.py > /tmp/unlabelled.tsv

As in ``sample_round6.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed
(seeds 131–138). Round 7 is one held-out set aimed at what an outside
evaluator of target extraction on government work reports and directives
would draw: central smart-technology directives never used before (the
State Council and ministries; each holds at most 14 such sentences, so the
whole text is taken: its goals paragraph and the deadlines of procedure, dates
and context counts around it), with hard negatives from a call for cases (its
conditions and quotas, whole) and sentences sampled from two project
declaration guides (quotas, funding rules, conditions); the plan parts of recent work reports (2006, 2008, 2013,
2015, 2025: 预期目标, 总体部署 and the first tasks, the “十一五” goals; every
year since 2000 is partly labelled already, so these blocks give only the
sentences no earlier set holds), their review parts sampled as hard
negatives; and the 1959 plan of an old report never used before. Sentences
already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv`` …
``gold_round6.tsv`` are skipped; the ``targets`` column is left empty and was
filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _draw import draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
SMART = "series/smart-tech-policies_central166_shandong55.jsonl#{}"
ALL = 10**6

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Central smart-technology directives never used before, whole.
    ("round7", SMART.format(92), 2020, 0, ALL, "whole", 0, 0),  # building materials digitalisation 2020–2022
    ("round7", SMART.format(42), 2022, 0, ALL, "whole", 0, 0),  # a university transport pilot: goals
    ("round7", SMART.format(54), 2022, 0, ALL, "whole", 0, 0),  # smart help for the elderly, 2022 actions
    ("round7", SMART.format(53), 2022, 0, ALL, "whole", 0, 0),  # smart water resources, 2022
    ("round7", SMART.format(79), 2020, 0, ALL, "whole", 0, 0),  # national integrated big data centres
    ("round7", SMART.format(15), 2023, 0, ALL, "whole", 0, 0),  # digital economy and common prosperity
    ("round7", SMART.format(109), 2019, 0, ALL, "whole", 0, 0),  # intelligent shipping: goals to 2020–2050
    ("round7", SMART.format(93), 2020, 0, ALL, "whole", 0, 0),  # smart car innovation strategy
    ("round7", SMART.format(81), 2020, 0, ALL, "whole", 0, 0),  # the elderly and intelligent technology
    ("round7", SMART.format(131), 2018, 0, ALL, "whole", 0, 0),  # intelligent grain depots
    # Hard negatives: application quotas, funding rules, conditions.
    ("round7", SMART.format(43), 2022, 0, 20, "whole", 0, 0),  # smart sports cases: conditions
    ("round7", SMART.format(122), 2018, 0, ALL, "sample", 5, 131),  # AI major project declaration guide
    ("round7", SMART.format(100), 2019, 0, ALL, "sample", 6, 132),  # intelligent robots declaration guide
    # Recent work reports: plan parts whole, review parts sampled.
    ("round7", GWR.format(2006), 2006, 73, 116, "whole", 0, 0),  # 今年主要任务: 预期目标, tasks （一）–（二）
    ("round7", GWR.format(2006), 2006, 311, 342, "whole", 0, 0),  # “十一五” principles and main goals
    ("round7", GWR.format(2006), 2006, 8, 73, "sample", 3, 133),  # review of 2005
    ("round7", GWR.format(2008), 2008, 146, 195, "whole", 0, 0),  # 2008 tasks: 预期目标, tasks （一）–（二）
    ("round7", GWR.format(2008), 2008, 10, 146, "sample", 3, 134),  # review of five years
    ("round7", GWR.format(2013), 2013, 84, 107, "whole", 0, 0),  # 总体要求, 预期目标, macro policy
    ("round7", GWR.format(2013), 2013, 138, 167, "whole", 0, 0),  # proposal （三）: livelihood
    ("round7", GWR.format(2013), 2013, 10, 84, "sample", 3, 135),  # review of five years
    ("round7", GWR.format(2015), 2015, 71, 104, "whole", 0, 0),  # 总体部署, 预期目标
    ("round7", GWR.format(2015), 2015, 141, 163, "whole", 0, 0),  # section 四: investment, farming, housing
    ("round7", GWR.format(2015), 2015, 10, 71, "sample", 3, 136),  # review of 2014
    ("round7", GWR.format(2025), 2025, 43, 66, "whole", 0, 0),  # 总体要求, 预期目标, policy
    ("round7", GWR.format(2025), 2025, 8, 43, "sample", 3, 137),  # review of 2024
    # An old work report never used before.
    ("round7", GWR.format(1959), 1959, 80, 96, "whole", 0, 0),  # the 1959 plan
    ("round7", GWR.format(1959), 1959, 10, 77, "sample", 3, 138),  # achievements of 1953–1958
]


if __name__ == "__main__":
    draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED,
         known=("gold.tsv", "gold_fresh.tsv", "gold_round3.tsv", "gold_round4.tsv", "gold_round5.tsv",
                "gold_round6.tsv"),
         prefix="r7_")  # fmt: skip
