"""Draw the sentences of ``gold_round12.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round12.py > /tmp/unlabelled.tsv

As in ``sample_round11.py``: ``whole`` blocks give every sentence of a part of
a document with a number, a share, a deadline or 力争 (recall over that part
is honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed
seed (seeds 250–274 of the range 250–279 kept for this round). Round 12 is
one held-out set from parts of documents that no earlier gold file drew from
(the line ranges of ``sample_round3.py`` … ``sample_round11.py``, whole or
sampled, are all left out; ``gold.tsv`` and ``gold_fresh.tsv`` sampled whole
reports of 2000–2025, so their sentences are skipped wherever they fall):

- Plan and task parts of old government work reports. 1955 (the first
  five-year plan): section 二 第一个五年计划概要 up to the 1957 targets (lines
  53–156: spending and investment by sector, the units to build, the
  capacities they add, the great works; 18, seed 250) and the rest of that
  section after the farm targets (212–224: retail sales, education, jobs and
  wages, 6, seed 251; round 5 used 156–212). 1956 (the budget report): the
  1956 budget's revenue (lines 77–98, 8, seed 252) and its spending with the
  plan for workers, wages and culture (122–146, 8, seed 253; round 5 used
  98–122); section 三, the budget's execution in the first months, as hard
  negatives (146–195, 3, seed 254). 1959: the measures for the 1959 plan
  (lines 96–138, 6, seed 255; round 7 used 80–96). 1978: the opening of
  section 三 (94–101) and 第一，全国动员，大办农业 (108–150), whole; 第二 to
  第六 of section 三 (156–218, 6, seed 256; round 6 used 101–108, 150–156
  and 218–228). 1982: sections 三–六 of the sixth five-year plan's tasks
  (education and science, foreign trade, living standards and population,
  finance; lines 56–104, 9, seed 257; round 3 used 21–56) and the review of
  its first two years as hard negatives (104–147, 3, seed 258). 1983: （二）
  关于经济体制改革 of the next five years (98–129, 4, seed 259; round 5 used
  45–98 and 129–168). 1988: tasks 五–十 of the next five years (279–372, 8,
  seed 260; round 4 used 175–279, round 11 160–175). 1954 (traditional
  characters): foreign affairs, as hard negatives (130–222, 2, seed 261;
  round 6 used 14–130).
- Task sections of work reports 1990–2025: 2020 (``gov-work-reports-tmx/
  GR2020.zh.txt``, one segment a line; the txt folder has no 2020 report):
  sections 二–九 from the year's goals to the end (lines 102 on, whole);
  2003: 二、对今年政府工作的建议 (248–340, whole); 2017 tasks （一）–（八）
  (176–314, 8, seed 262; round 3 used 136–176); 2021 tasks （一）–（八）
  (133–225, 8, seed 263; round 3 used 81–133); 2007 sections 三–五 (102–219,
  5, seed 264); 1997 sections 三–四 (102–186, 3, seed 265; round 3 used
  10–102); 1994 sections 三–四 (98–182, 3, seed 266; round 4 used 11–99).
- Directives: the State Council's market entity registration regulation
  (国务院令第746号, 2021) saved on the Guangzhou site, the only page of
  ``local/html`` round 9 did not use (10, seed 267); local regulations no
  earlier gold file used: Beijing's measures for the compulsory education
  law (2008), the private education law (2006), the vocational education law
  (1997) and Shanghai's higher education regulation (2017), whole; Beijing's
  measures for the teachers law (2010, 4, seed 268), Henan's for the
  vocational education law (2010, 5, seed 269), Ningbo's secondary
  vocational education regulation (2010, 5, seed 270) and vocational skills
  training regulation (2016, 4, seed 271), Qingdao's measures for the private
  education law (2017, 4, seed 272), Shanghai's for the teachers law (1997,
  3, seed 273) and Zhejiang's (revised 2021, 3, seed 274). None of them sets
  a goal: they measure false targets on norms, conditions and procedure.

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round11.tsv`` are skipped; the ``targets`` column is left empty and
was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
GR2020 = "series/gov-work-reports-tmx/GR2020.zh.txt"
LOCAL = "local/{}.md"
MARKET = "local/html/guangzhou-site_market-entity-registration-regulation_sc-order746.html"
ALL = 10**6
PREFIX = "r12_"
KNOWN = _draw.earlier_gold(12)

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Old work reports: plan and task parts, and review parts as hard negatives.
    ("round12", GWR.format(1955), 1955, 53, 156, "sample", 18, 250),  # 二 五年计划概要: investment, capacities
    ("round12", GWR.format(1955), 1955, 212, 224, "sample", 6, 251),  # 二 (end): retail, education, wages
    ("round12", GWR.format(1956), 1956, 77, 98, "sample", 8, 252),  # 二 1956 budget: revenue
    ("round12", GWR.format(1956), 1956, 122, 146, "sample", 8, 253),  # 二 1956 budget: spending, wages, culture
    ("round12", GWR.format(1956), 1956, 146, 195, "sample", 3, 254),  # 三 execution so far: hard negatives
    ("round12", GWR.format(1959), 1959, 96, 138, "sample", 6, 255),  # 二 measures for the 1959 plan
    ("round12", GWR.format(1978), 1978, 94, 101, "whole", 0, 0),  # 三 opening: the century's goal
    ("round12", GWR.format(1978), 1978, 108, 150, "whole", 0, 0),  # 三 第一，大办农业
    ("round12", GWR.format(1978), 1978, 156, 218, "sample", 6, 256),  # 三 第二–第六; 四 opening
    ("round12", GWR.format(1982), 1982, 56, 104, "sample", 9, 257),  # “六五” tasks 三–六
    ("round12", GWR.format(1982), 1982, 104, 147, "sample", 3, 258),  # first two years of “六五”: review
    ("round12", GWR.format(1983), 1983, 98, 129, "sample", 4, 259),  # next five years: （二） reform
    ("round12", GWR.format(1988), 1988, 279, 372, "sample", 8, 260),  # next five years: tasks 五–十
    ("round12", GWR.format(1954), 1954, 130, 222, "sample", 2, 261),  # foreign affairs: hard negatives
    # Task sections of work reports 1990–2025.
    ("round12", GR2020, 2020, 102, ALL, "whole", 0, 0),  # 二–九: goals, policies, tasks
    ("round12", GWR.format(2003), 2003, 248, 340, "whole", 0, 0),  # 二 对今年政府工作的建议
    ("round12", GWR.format(2017), 2017, 176, 314, "sample", 8, 262),  # tasks （一）–（八）
    ("round12", GWR.format(2021), 2021, 133, 225, "sample", 8, 263),  # tasks （一）–（八）
    ("round12", GWR.format(2007), 2007, 102, 219, "sample", 5, 264),  # 三–五
    ("round12", GWR.format(1997), 1997, 102, 186, "sample", 3, 265),  # 三–四
    ("round12", GWR.format(1994), 1994, 98, 182, "sample", 3, 266),  # 三–四
    # Directives: a national regulation on the Guangzhou site; local regulations.
    ("round12", MARKET, 2021, 0, ALL, "sample", 10, 267),
    ("round12", LOCAL.format("beijing_implementing-compulsory-education-law"), 2008, 0, ALL, "whole", 0, 0),
    ("round12", LOCAL.format("beijing_implementing-private-education-promotion-law"), 2006, 0, ALL, "whole", 0, 0),
    ("round12", LOCAL.format("beijing_implementing-vocational-education-law_1997"), 1997, 0, ALL, "whole", 0, 0),
    ("round12", LOCAL.format("shanghai_higher-education-promotion-regulation_2017"), 2017, 0, ALL, "whole", 0, 0),
    ("round12", LOCAL.format("beijing_implementing-teachers-law"), 2010, 0, ALL, "sample", 4, 268),
    ("round12", LOCAL.format("henan_implementing-vocational-education-law_2010"), 2010, 0, ALL, "sample", 5, 269),
    ("round12", LOCAL.format("ningbo_secondary-vocational-education-regulation_2010"), 2010, 0, ALL, "sample", 5, 270),
    ("round12", LOCAL.format("ningbo_vocational-skills-training-regulation_2016"), 2016, 0, ALL, "sample", 4, 271),
    ("round12", LOCAL.format("qingdao_implementing-private-education-promotion-law_2017"), 2017, 0, ALL, "sample", 4, 272),
    ("round12", LOCAL.format("shanghai_implementing-teachers-law_1997"), 1997, 0, ALL, "sample", 3, 273),
    ("round12", LOCAL.format("zhejiang_implementing-teachers-law_2004"), 2021, 0, ALL, "sample", 3, 274),
]  # fmt: skip


if __name__ == "__main__":
    _draw.draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED, known=KNOWN, prefix=PREFIX)
