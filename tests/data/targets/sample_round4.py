"""Draw the sentences of ``gold_round4.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round4.py > /tmp/unlabelled.tsv

As in ``sample_round3.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed.
Round 4 aims at what the acceptance check measures, work reports and
directives: whole plan parts of reports from years no earlier set used (1957,
1980, 1988, 1994) and new plan parts of 2011 and 2016 (every year since 2000
is used somewhere, so those two blocks skip the sentences already labelled),
review parts sampled as hard negatives, and sampled sentences of laws, the
implementing regulation and local regulations (quantified norms, fines,
deadlines, conditions). Every sentence with a number of the 2025 纲要 and the
2026 notice is already labelled, so they give none. Article numbers
(第二十条) are not quantities. Sentences already in ``gold.tsv``,
``gold_fresh.tsv`` or ``gold_round3.tsv`` are skipped; the ``targets`` column
is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _draw import draw  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
LAW = "directives/{}.md"
LOCAL = "local/{}.md"

CUE = re.compile(
    r"[0-9０-９]|百分之|分之|翻.{0,2}番|一半|半数|"
    r"[一二三四五六七八九十百千万亿两]+(?:个|家|所|项|倍|%|万|亿|条|座|台|套|名|人|元|吨|公里|斤|日|年|月|天|小时|学时|岁)|"
    r"(?:到|至).{0,6}年|力争|[一二三四五六七八九十]五"
)

# Item numbers (1.统筹布局智算中心), standard codes (GB/T42137) and article,
# chapter and clause numbers of laws (第二十条) are no quantities.
_UNNUMBERED = re.compile(
    r"^\s*(?:\d{1,2}[.．、]|[（(]\d{1,2}[）)])|(?:GB|GB/T|YD/T|ISO)\s*\d+|"
    r"第[一二三四五六七八九十百零〇\d]+[条章款项节编]"
)

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Set A (dev): rules may be fixed on its errors.
    ("round4_a", GWR.format(1957), 1957, 86, 96, "whole", 0, 0),
    ("round4_a", GWR.format(1957), 1957, 25, 86, "sample", 10, 41),
    ("round4_a", GWR.format(1957), 1957, 96, 159, "sample", 8, 40),
    ("round4_a", GWR.format(1988), 1988, 175, 279, "whole", 0, 0),
    ("round4_a", GWR.format(1988), 1988, 11, 110, "sample", 8, 42),
    ("round4_a", GWR.format(2011), 2011, 165, 262, "whole", 0, 0),
    ("round4_a", GWR.format(2011), 2011, 11, 165, "sample", 6, 43),
    ("round4_a", GWR.format(2011), 2011, 262, 340, "whole", 0, 0),
    ("round4_a", LAW.format("law_compulsory-education-law_2018"), 2018, 0, 10**6, "sample", 6, 44),
    ("round4_a", LAW.format("law_teachers-law_2009"), 2009, 0, 10**6, "sample", 5, 45),
    ("round4_a", LAW.format("law_higher-education-law_2018"), 2018, 0, 10**6, "sample", 6, 46),
    ("round4_a", LAW.format("reg_private-education-promotion-law-implementing-regulation_2021"), 2021, 0, 10**6, "sample", 8, 47),
    ("round4_a", LOCAL.format("shanghai_vocational-education-regulation_2018"), 2018, 0, 10**6, "sample", 8, 48),
    ("round4_a", LOCAL.format("henan_vocational-training-regulation_2017"), 2017, 0, 10**6, "sample", 6, 49),
    ("round4_a", LOCAL.format("ningbo_school-enterprise-cooperation-regulation_2020"), 2020, 0, 10**6, "sample", 6, 50),
    # Set B (held out): scored once before and once after the fixes made on A.
    ("round4_b", GWR.format(1980), 1980, 84, 127, "whole", 0, 0),
    ("round4_b", GWR.format(1980), 1980, 15, 84, "sample", 6, 52),
    ("round4_b", GWR.format(1994), 1994, 40, 99, "whole", 0, 0),
    ("round4_b", GWR.format(1994), 1994, 11, 40, "sample", 6, 53),
    ("round4_b", GWR.format(2016), 2016, 66, 174, "whole", 0, 0),
    ("round4_b", GWR.format(2016), 2016, 11, 66, "sample", 6, 54),
    ("round4_b", LAW.format("law_education-law_2021"), 2021, 0, 10**6, "sample", 6, 55),
    ("round4_b", LAW.format("law_private-education-promotion-law_2018"), 2018, 0, 10**6, "sample", 6, 56),
    ("round4_b", LAW.format("law_vocational-education-law_1996"), 1996, 0, 10**6, "sample", 5, 57),
    ("round4_b", LOCAL.format("shanghai_implementing-compulsory-education-law_2024"), 2024, 0, 10**6, "sample", 8, 58),
    ("round4_b", LOCAL.format("qingdao_vocational-education-regulation_2015"), 2015, 0, 10**6, "sample", 6, 59),
    ("round4_b", LOCAL.format("shanghai_lifelong-education-promotion-regulation_2011"), 2011, 0, 10**6, "sample", 6, 60),
    ("round4_b", LOCAL.format("henan_implementing-teachers-law_2010"), 2010, 0, 10**6, "sample", 6, 61),
]


if __name__ == "__main__":
    draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED, known=("gold.tsv", "gold_fresh.tsv", "gold_round3.tsv"), prefix="Q")
