"""Draw the sentences of ``gold_round8.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round8.py > /tmp/unlabelled.tsv

As in ``sample_round7.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed
(seeds 160–163 and 165–169 of the range 160–189 kept for this round). Round 8 is one
held-out set of directives only, the policy documents of governments and
ministries that set goals, from rows of the smart-technology JSONL no earlier
set used: about half central (State Council and ministries, rows 0–165) and
half Shandong (the province, Jinan and Qingdao, rows 166–220). Documents that
state goals (主要目标, 到20XX年, 力争, counts of things to build, shares) are
taken whole, or their goals section whole where the rest of a PDF text broken
at every line is mostly counts of parts (#63, #32) or item headings (#218);
the rest of #63 and #32 and a few funding rules, calls and award policies are
sampled as hard negatives (award and subsidy amounts, application quotas,
conditions, dates of procedure). Not used: rows whose text repeats a used row
(#198 holds #36, #61 holds labelled sentences, #99 is the first version of
#82), rows with garbled years (#184: 0402年; #49, #69, #136, #140, #199,
#200), rows whose release date does not fit the text (#1: 2024 on a plan of
2013; #161, #162, #164: 2013 on texts of 2024; #119 joins a 2018 notice and a
2013 plan) and news items (#193). Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or
``gold_round3.tsv`` … ``gold_round7.tsv`` are skipped; the ``targets`` column is
left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _draw import draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

SMART = "series/smart-tech-policies_central166_shandong55.jsonl#{}"
ALL = 10**6

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Central directives that state goals, whole.
    ("round8", SMART.format(10), 2024, 0, ALL, "whole", 0, 0),  # city-wide digital transformation: 2027, 2030
    ("round8", SMART.format(55), 2022, 0, ALL, "whole", 0, 0),  # State Council, digital government
    ("round8", SMART.format(86), 2020, 0, ALL, "whole", 0, 0),  # intelligent construction: 2025, 2035
    ("round8", SMART.format(57), 2022, 0, ALL, "whole", 0, 0),  # smart communities: 2025
    ("round8", SMART.format(82), 2020, 0, ALL, "whole", 0, 0),  # AI pilot zones guide (revised)
    ("round8", SMART.format(95), 2019, 0, ALL, "whole", 0, 0),  # AI in forestry and grassland: three stages
    ("round8", SMART.format(114), 2018, 0, ALL, "whole", 0, 0),  # connected vehicles action plan (news of it)
    ("round8", SMART.format(116), 2018, 0, ALL, "whole", 0, 0),  # intelligent ships 2019–2021: 经过三年努力
    ("round8", SMART.format(134), 2018, 0, ALL, "whole", 0, 0),  # AI in higher education: 2020, 2025, 2030
    ("round8", SMART.format(155), 2015, 0, ALL, "whole", 0, 0),  # smart tourism: 2016, 2020
    ("round8", SMART.format(156), 2014, 0, ALL, "whole", 0, 0),  # smart cities: 2020
    ("round8", SMART.format(159), 2013, 0, ALL, "whole", 0, 0),  # transport informatisation: 2020
    ("round8", SMART.format(149), 2017, 0, ALL, "whole", 0, 0),  # smart courts opinions
    ("round8", SMART.format(111), 2019, 0, ALL, "whole", 0, 0),  # letter on Beijing's AI pilot zone: 力争
    ("round8", SMART.format(45), 2022, 0, ALL, "whole", 0, 0),  # AI demonstration scenarios: the first ten
    ("round8", SMART.format(65), 2021, 0, ALL, "whole", 0, 0),  # AI medical devices 揭榜挂帅 tasks: bounds
    # PDF texts broken at every line: goals whole, the rest (counts of parts) sampled.
    ("round8", SMART.format(63), 2021, 60, 80, "whole", 0, 0),  # building materials standards: 2023, 2025
    ("round8", SMART.format(63), 2021, 80, ALL, "sample", 3, 160),
    ("round8", SMART.format(32), 2023, 40, 50, "whole", 0, 0),  # non-ferrous metals standards: 2025
    ("round8", SMART.format(32), 2023, 50, ALL, "sample", 3, 161),
    # Central hard negatives: calls for proposals.
    ("round8", SMART.format(96), 2019, 0, ALL, "sample", 3, 162),  # NSFC–FRQ joint call
    ("round8", SMART.format(89), 2020, 0, ALL, "sample", 3, 163),  # NSFC original exploration projects
    # Shandong directives that state goals, whole.
    ("round8", SMART.format(166), 2013, 0, ALL, "whole", 0, 0),  # “智慧山东” pilots: end of “十二五”
    ("round8", SMART.format(168), 2016, 0, ALL, "whole", 0, 0),  # intelligent manufacturing pilots 2016–2018
    ("round8", SMART.format(181), 2020, 0, ALL, "whole", 0, 0),  # Qingdao AI education: 2020, 2021, 2022
    ("round8", SMART.format(182), 2020, 0, ALL, "whole", 0, 0),  # intelligent coal mines: end of 2020
    ("round8", SMART.format(195), 2021, 0, ALL, "whole", 0, 0),  # large models: 2025
    ("round8", SMART.format(196), 2021, 0, ALL, "whole", 0, 0),  # Jinan intelligent construction: 2022, 2025
    ("round8", SMART.format(218), 2024, 0, 4, "whole", 0, 0),  # Qingdao marine AI models: goals for 2026
    ("round8", SMART.format(219), 2024, 0, ALL, "whole", 0, 0),  # “111 计划” teaching reform call
    ("round8", SMART.format(209), 2023, 0, ALL, "whole", 0, 0),  # Qingdao industrial internet platforms
    # Shandong hard negatives: recognition rules, subsidies and awards.
    ("round8", SMART.format(202), 2022, 0, ALL, "whole", 0, 0),  # digital workshops recognition (articles)
    ("round8", SMART.format(205), 2023, 0, ALL, "whole", 0, 0),  # Jinan AI island subsidy rules
    ("round8", SMART.format(177), 2020, 0, ALL, "sample", 3, 165),  # provincial digital economy parks
    ("round8", SMART.format(179), 2020, 0, ALL, "sample", 3, 166),  # Jinan AI pilot zone policies
    ("round8", SMART.format(172), 2019, 0, ALL, "sample", 4, 167),  # Jinan manufacturing and digital economy
    ("round8", SMART.format(207), 2023, 0, ALL, "sample", 4, 168),  # Qingdao AI park policies
    ("round8", SMART.format(208), 2023, 0, ALL, "sample", 3, 169),  # their implementing rules
]


if __name__ == "__main__":
    draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED,
         known=("gold.tsv", "gold_fresh.tsv", "gold_round3.tsv", "gold_round4.tsv", "gold_round5.tsv",
                "gold_round6.tsv", "gold_round7.tsv"),
         prefix="r8_")  # fmt: skip
