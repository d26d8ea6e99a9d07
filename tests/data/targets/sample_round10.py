"""Draw the sentences of ``gold_round10.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round10.py > /tmp/unlabelled.tsv

As in ``sample_round8.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed
(seeds 212–219, the part of the range 190–219 that round 9 left unused).
Round 10 is one held-out set from documents no earlier gold file used:

- Old government work reports never used before (1958, 1960, 1964, 1975):
  the part that states the plan or the tasks for the coming year or years,
  whole, and the review of the past sampled (3 each) as hard negatives.
  1958: section （二） 争取一九五八年国民经济的新跃进 (lines 83–122: the 1958
  plan's main indicators, after the favourable conditions it rests on);
  1960 (the report on the 1956–1967 national programme for agriculture): from
  the end of section 二, where it turns to what remains to be reached (lines
  54–66), through sections 三 and 四 (tasks and the proposal to reach the
  programme two or three years early); 1964 (an abstract of the report): the
  1965 plan and the questions of future development (lines 69–131); 1975:
  the tasks after the first review paragraphs (lines 18–95: the two-step
  plan, foreign policy and the closing tasks).
- Shandong rows of the smart-technology JSONL no earlier set used (#169,
  #173, #178, #188, #191, #194). None of them states goals: #173 forwards a
  provincial call for leading AI firms (conditions, deadlines, phones; whole),
  #178 explains Jinan's AI pilot zone policies (subsidies; whole), #191 is
  the securities regulator's approval of an AI index fund (a central body's
  document filed among the Shandong rows; deadlines; whole), #194 names 24
  firms (whole) and #188 is Jinan's service-voucher rules for the Huawei
  innovation centres, in articles (subsidy caps by turnover, shares of
  resources, procedure deadlines; a PDF text broken at every line; sampled).
  #169 is not used: its text is a 493-character fragment of the 2017–2022
  intelligent manufacturing plan, cut mid-sentence, with no number, share or
  deadline, so it gives no sentence. All release dates fit the texts.
- Central rows (State Council and ministries, rows 0–165) no earlier gold
  file used. Nearly all central rows that state goals were used in rounds
  3–9; of the unused ones with valid text and dates, three state goals with a
  number or a deadline: #121 (the national smart manufacturing standards
  guide, 2018 edition: goals lines 0–9 whole, the rest sampled; #128 holds the
  same text, so it must not be used too), #34 (the connected-vehicle
  standards guide of 2023; the row repeats its text, so only the first copy
  is drawn: goals lines 17–21 whole, lines 21–71 sampled) and #102 (the
  Supreme People's Court's 2019 smart-court work plan, whole). The news items
  with next steps, proposals or plans of the ministry (#130, #150, #125,
  #104, #141) and a standards framework (#22) are taken whole, to reach about
  60 central sentences; hard negatives: the 2018 part of
  #119 (the notice on the 2018 smart-court evaluation, lines 0–24, sampled;
  the rest of the row is a 2013 plan that does not fit the row's date) and
  the call for project declarations #70 (whole, six sentences). Not used
  (as in rounds 5–9): rows whose date does not fit the text (#1, #160–#164),
  garbled years (#5, #30, #37, #49, #69, #136, #140), copies and versions of
  used rows (#40, #46, #48, #61, #76, #99, #113/#115, #128), and the
  remaining rows, which hold hardly any number (reviews of content, ethics
  and governance texts, technical guidelines, news of meetings).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round9.tsv`` are skipped; the ``targets`` column is left empty and
was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
SMART = "series/smart-tech-policies_central166_shandong55.jsonl#{}"
ALL = 10**6

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Old work reports: plan parts whole, reviews sampled.
    ("round10", GWR.format(1958), 1958, 83, 122, "whole", 0, 0),  # （二）: the 1958 plan, main indicators
    ("round10", GWR.format(1958), 1958, 10, 83, "sample", 3, 212),  # （一） results of 1957
    ("round10", GWR.format(1960), 1960, 54, 106, "whole", 0, 0),  # what remains of the programme; 三, 四
    ("round10", GWR.format(1960), 1960, 10, 54, "sample", 3, 213),  # 一, 二: four years of the programme
    ("round10", GWR.format(1964), 1964, 69, 131, "whole", 0, 0),  # the 1965 plan; questions of development
    ("round10", GWR.format(1964), 1964, 10, 69, "sample", 3, 214),  # achievements of the adjustment
    ("round10", GWR.format(1975), 1975, 18, 95, "whole", 0, 0),  # tasks: the two-step plan, foreign policy
    ("round10", GWR.format(1975), 1975, 5, 18, "sample", 3, 215),  # the decade since the third NPC
    # Shandong rows no earlier set used: calls, subsidies, rules.
    ("round10", SMART.format(173), 2019, 0, ALL, "whole", 0, 0),  # Qingdao forwards a call for AI leaders
    ("round10", SMART.format(178), 2020, 0, ALL, "whole", 0, 0),  # Jinan AI pilot zone policies explained
    ("round10", SMART.format(191), 2016, 0, ALL, "whole", 0, 0),  # CSRC approval of an AI index fund
    ("round10", SMART.format(194), 2021, 0, ALL, "whole", 0, 0),  # 24 firms named
    ("round10", SMART.format(188), 2021, 0, ALL, "sample", 26, 216),  # Jinan service-voucher rules
    # Central rows that state goals.
    ("round10", SMART.format(121), 2018, 0, 9, "whole", 0, 0),  # smart manufacturing standards: 2018, 2019
    ("round10", SMART.format(121), 2018, 9, ALL, "sample", 5, 217),  # its parts and figures
    ("round10", SMART.format(34), 2023, 17, 21, "whole", 0, 0),  # connected-vehicle standards: 2025, 2030
    ("round10", SMART.format(34), 2023, 21, 71, "sample", 4, 218),  # its parts (first copy only)
    ("round10", SMART.format(102), 2019, 0, ALL, "whole", 0, 0),  # smart courts 2019 work plan
    # Central news with next steps, a standards framework, and hard negatives.
    ("round10", SMART.format(130), 2018, 0, ALL, "whole", 0, 0),  # industrial internet forum: next steps
    ("round10", SMART.format(150), 2017, 0, ALL, "whole", 0, 0),  # industrial big data white paper
    ("round10", SMART.format(125), 2018, 0, ALL, "whole", 0, 0),  # connected-vehicle conference announced
    ("round10", SMART.format(104), 2019, 0, ALL, "whole", 0, 0),  # data security dialogue: four proposals
    ("round10", SMART.format(141), 2017, 0, ALL, "whole", 0, 0),  # smart hardware white paper released
    ("round10", SMART.format(22), 2023, 0, ALL, "whole", 0, 0),  # intelligent mining standards framework
    ("round10", SMART.format(119), 2018, 0, 24, "sample", 6, 219),  # 2018 smart-court evaluation notice
    ("round10", SMART.format(70), 2021, 0, ALL, "whole", 0, 0),  # call for AI project declarations
]


if __name__ == "__main__":
    _draw.draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED,
               known=_draw.earlier_gold(10),
               prefix="r10_")  # fmt: skip
