"""Draw the sentences of ``gold_round11.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round11.py > /tmp/unlabelled.tsv

As in ``sample_round10.py``: ``whole`` blocks give every sentence of a part of
a document with a number, a share, a deadline or 力争 (recall over that part
is honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed
seed (seeds 220–228 of the range 220–249 kept for this round). Round 11 is one
held-out set from parts of documents that no earlier gold file drew from
(the line ranges of ``sample_round3.py`` … ``sample_round10.py``, whole or
sampled, are all left out; ``gold.tsv`` and ``gold_fresh.tsv`` sampled whole
reports of 2000–2025, so their sentences are skipped wherever they fall):

- Plan parts of old government work reports. 1958: section （三）, the plan
  by sector (lines 122–312: construction, industry, farming, living standards
  and trade, culture and education; 35 of its 113 such sentences sampled,
  seed 220). 1955 (the first five-year plan): sections （二）–（八） of part 三,
  the questions of the plan (industrial production, farming, socialist
  transformation, the market, cadres, living standards, thrift; lines
  327–717, sampled, 12, seed 221). 1979: section 二 打好四个现代化的第一个战役
  up to the ten tasks (lines 53–81, whole: the three years of readjustment).
  1980: section 三, the measures for the 1980 and 1981 plans (lines 127–216,
  whole: energy, machine building, materials, reform). 1988: the goals of
  the next five years (lines 160–175, whole: to 1992). Hard negatives: the
  review of 1986 in the 1987 report (lines 10–37, 3, seed 222) and section 三
  关于人民生活 of the 1957 report, told as history (lines 159–222, 3, seed 223).
- Later task sections of work reports 1990–2025: 2025 （五）–（十） (lines
  101–153), 2022 （五）–（九） (157–210), 2019 （五）–（十） (139–207), 2018
  proposals （五）–（九） (149–200), all whole; 2010 tasks （五）–（八） (316–452,
  8, seed 224), 1999 sections 五–八 (120–230, 6, seed 225) and 1993 sections
  三–五 (112–213, 6, seed 226), sampled.
- The two national directives: every sentence of theirs with a number, a
  share, a deadline or 力争 is already labelled (rounds 1–3), so these blocks
  give every sentence not yet labelled (cue ``_EVERY``), hard negatives
  written in the language of goals. 教育强国建设规划纲要: the news summary (lines
  0–12) and 总体要求 with 主要目标 (12–24), whole, in two blocks so that the
  sentence the summary repeats from 总体要求 is drawn once; the task sections
  二–十 (lines 24–118, 14, seed 227) and 组织实施 (118–122, whole; the sentences
  it shares with the summary are drawn once); 教职成〔2026〕1号: the opening, 总体要求
  and goals (lines 0–15, whole), the tasks and mechanisms (15–47, 10, seed 228)
  and 组织实施 (47–54, whole).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round10.tsv`` are skipped; the ``targets`` column is left empty and
was filled by reading each sentence.
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
PLAN = "directives/cpc-sc_2025_education-power-plan-2024-2035.txt"
NOTICE = "directives/moe_2026_deepening-key-teaching-elements-reform_jiaozhicheng-2026-1.txt"
ALL = 10**6
PREFIX = "r11_"
KNOWN = _draw.earlier_gold(11)

# Every sentence: all sentences of the two directives that hold a number or a
# deadline are labelled already.
_EVERY = re.compile(r"\S")

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
REPORT_BLOCKS = [
    # Old work reports: plan parts, and review parts as hard negatives.
    ("round11", GWR.format(1958), 1958, 122, 312, "sample", 35, 220),  # （三）: the 1958 plan by sector
    ("round11", GWR.format(1955), 1955, 327, 717, "sample", 12, 221),  # part 三, （二）–（八）
    ("round11", GWR.format(1979), 1979, 53, 81, "whole", 0, 0),  # 二: three years of readjustment
    ("round11", GWR.format(1980), 1980, 127, 216, "whole", 0, 0),  # 三: measures for the 1980 and 1981 plans
    ("round11", GWR.format(1988), 1988, 160, 175, "whole", 0, 0),  # goals of the next five years (to 1992)
    ("round11", GWR.format(1987), 1987, 10, 37, "sample", 3, 222),  # review of 1986
    ("round11", GWR.format(1957), 1957, 159, 222, "sample", 3, 223),  # 三 关于人民生活: history
    # Later task sections of reports 1990–2025.
    ("round11", GWR.format(2025), 2025, 101, 153, "whole", 0, 0),  # tasks （五）–（十）
    ("round11", GWR.format(2022), 2022, 157, 210, "whole", 0, 0),  # tasks （五）–（九）
    ("round11", GWR.format(2019), 2019, 139, 207, "whole", 0, 0),  # tasks （五）–（十）
    ("round11", GWR.format(2018), 2018, 149, 200, "whole", 0, 0),  # proposals （五）–（九）
    ("round11", GWR.format(2010), 2010, 316, 452, "sample", 8, 224),  # tasks （五）–（八）
    ("round11", GWR.format(1999), 1999, 120, 230, "sample", 6, 225),  # sections 五–八
    ("round11", GWR.format(1993), 1993, 112, 213, "sample", 6, 226),  # sections 三–五
]

DIRECTIVE_BLOCKS = [
    # Two blocks, not one: the news summary repeats sentences of 总体要求, and
    # ``_draw.draw`` skips a sentence only when an earlier block gave it.
    ("round11", PLAN, 2025, 0, 12, "whole", 0, 0),  # news summary
    ("round11", PLAN, 2025, 12, 24, "whole", 0, 0),  # 总体要求, 主要目标
    ("round11", PLAN, 2025, 24, 118, "sample", 14, 227),  # task sections 二–十
    ("round11", PLAN, 2025, 118, ALL, "whole", 0, 0),  # 组织实施
    ("round11", NOTICE, 2026, 0, 15, "whole", 0, 0),  # opening, 总体要求, goals
    ("round11", NOTICE, 2026, 15, 47, "sample", 10, 228),  # tasks and mechanisms
    ("round11", NOTICE, 2026, 47, ALL, "whole", 0, 0),  # 组织实施
]


def _rows(blocks: list[_draw.Block], cue: re.Pattern[str]) -> list[str]:
    """The drawn rows of ``blocks`` (without the header), as ``_draw.draw`` writes them."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        _draw.draw(blocks, cue=cue, unnumbered=_UNNUMBERED, known=KNOWN, prefix=PREFIX)
    return out.getvalue().splitlines()[1:]


if __name__ == "__main__":
    print("id\tsplit\tsource\tyear\tsentence\ttargets")
    rows = _rows(REPORT_BLOCKS, CUE) + _rows(DIRECTIVE_BLOCKS, _EVERY)
    for n, row in enumerate(rows, 1):
        print(f"{PREFIX}{n:03d}\t{row.split(chr(9), 1)[1]}")
