"""Draw the sentences of ``gold_round9.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round9.py > /tmp/unlabelled.tsv

As in ``sample_round8.py``: ``whole`` blocks give every sentence of a part of a
document with a number, a share, a deadline or 力争 (recall over that part is
honest); ``sample`` blocks give ``k`` such sentences drawn with a fixed seed
(seeds 190–211 of the range 190–219 kept for this round). Round 9 is one
held-out set of two sources never used for targets before:

- Guangzhou normative documents saved as web pages
  (``local/html/guangzhou_*.html``; the national regulation saved on the same
  site is left out). ``_draw.read_source`` reads them with ``policytext.read(path).text``
  and normalises the text as it does a text file's, so a ``source``
  of the form ``local/html/<file>.html`` names the page, not a text file. The
  short pages are taken whole, the long ones sampled; nearly every number in
  them is a norm, a condition, a subsidy amount or a procedure deadline.
  Two file names do not match their contents: ``talent-hukou-implementing-
  rules_2022.html`` holds the 2020 measures (穗府办规〔2020〕10号) and
  ``talent-hukou-measures_2020.html`` the 2022 implementing rules
  (穗人社规字〔2022〕2号); ``year`` is the document's own year.
- Central rows of the smart-technology JSONL no earlier set used. The rows
  that state goals are taken whole (#154, #71, #135 with numbers or
  deadlines; #108, #8, #56, #67, #105, #142, #90, #47 with goals that carry
  neither, so only their other numbers are drawn); calls, review guides,
  standards, regulations and news items are sampled as hard negatives. Not
  used: the rows listed in ``sample_round8.py`` (duplicates, garbled years,
  dates that do not fit) and #46/#48 (copies of #47), #115 (copy of #113).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round8.tsv`` are skipped; the ``targets`` column is left empty and
was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

SMART = "series/smart-tech-policies_central166_shandong55.jsonl#{}"
GZ = "local/html/guangzhou_{}.html"
ALL = 10**6

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
BLOCKS = [
    # Guangzhou normative documents: short pages whole, long ones sampled.
    ("round9", GZ.format("elderly-preferential-treatment-measures_order179"), 2021, 0, ALL, "whole", 0, 0),
    ("round9", GZ.format("extreme-poverty-support-notice_2021"), 2021, 0, ALL, "whole", 0, 0),
    ("round9", GZ.format("talent-hukou-implementing-rules_2022"), 2020, 0, ALL, "whole", 0, 0),  # 2020 text
    ("round9", GZ.format("talent-hukou-measures_2020"), 2022, 0, ALL, "sample", 6, 190),  # rules of 2022
    ("round9", GZ.format("temporary-assistance-rules_2021"), 2021, 0, ALL, "sample", 7, 191),
    ("round9", GZ.format("employment-internship-base-measures_2019"), 2019, 0, ALL, "sample", 7, 192),
    ("round9", GZ.format("home-community-elderly-care-measures_2022"), 2022, 0, ALL, "sample", 10, 193),
    ("round9", GZ.format("points-hukou-measures_2025"), 2025, 0, 40, "sample", 4, 194),  # articles
    ("round9", GZ.format("points-hukou-measures_2025"), 2025, 40, ALL, "sample", 2, 195),  # the points table
    ("round9", GZ.format("public-rental-housing-measures_2024"), 2024, 0, ALL, "sample", 7, 196),
    # Central directives that state goals, whole.
    ("round9", SMART.format(154), 2015, 0, ALL, "whole", 0, 0),  # smart logistics delivery: within 1–2 years
    ("round9", SMART.format(71), 2021, 0, ALL, "whole", 0, 0),  # MCA reply on the elderly: 2021 year end
    ("round9", SMART.format(135), 2018, 0, ALL, "whole", 0, 0),  # ICV standards work points 2018: counts
    ("round9", SMART.format(108), 2019, 0, ALL, "whole", 0, 0),  # ICV standardisation work points 2019
    ("round9", SMART.format(8), 2024, 0, ALL, "whole", 0, 0),  # AI weather forecast models demonstration plan
    ("round9", SMART.format(56), 2022, 0, ALL, "whole", 0, 0),  # intelligent construction pilot cities call
    ("round9", SMART.format(67), 2021, 0, ALL, "whole", 0, 0),  # AI and teachers, second batch of pilots
    ("round9", SMART.format(105), 2019, 0, ALL, "whole", 0, 0),  # letter on Shanghai's AI pilot zone: 力争
    ("round9", SMART.format(142), 2017, 0, ALL, "whole", 0, 0),  # smart hardware summit (a forecast to 2020)
    ("round9", SMART.format(90), 2020, 0, ALL, "whole", 0, 0),  # SMEs digital empowerment action plan
    ("round9", SMART.format(47), 2022, 0, ALL, "whole", 0, 0),  # AI scenario innovation guiding opinions
    # Central hard negatives: rules, review guides, standards, calls and news.
    ("round9", SMART.format(4), 2024, 0, ALL, "sample", 4, 197),  # digital engineer training institutions
    ("round9", SMART.format(25), 2023, 0, ALL, "sample", 4, 198),  # pathology image AI clinical evaluation
    ("round9", SMART.format(26), 2023, 0, ALL, "sample", 3, 199),  # flow cytometry AI review points
    ("round9", SMART.format(21), 2023, 0, ALL, "sample", 4, 200),  # generative AI content marking guide
    ("round9", SMART.format(77), 2020, 0, ALL, "sample", 3, 201),  # intelligent coal mine expert database
    ("round9", SMART.format(151), 2016, 0, ALL, "sample", 3, 202),  # mobile app pre-installation rules
    ("round9", SMART.format(12), 2024, 0, ALL, "sample", 3, 203),  # ICV access, recall and OTA upgrades
    ("round9", SMART.format(13), 2024, 0, ALL, "sample", 3, 204),  # smart manufacturing scenarios guide
    ("round9", SMART.format(17), 2023, 0, ALL, "sample", 2, 205),  # ICV access pilots call
    ("round9", SMART.format(35), 2022, 0, ALL, "sample", 3, 206),  # smart business districts named
    ("round9", SMART.format(120), 2018, 0, ALL, "sample", 2, 207),  # 5905–5925 MHz band rules
    ("round9", SMART.format(152), 2016, 0, ALL, "sample", 3, 208),  # mobile terminal summit 2016 (news)
    ("round9", SMART.format(126), 2018, 0, ALL, "sample", 2, 209),  # big data standards meeting (news)
    ("round9", SMART.format(143), 2017, 0, ALL, "sample", 2, 210),  # smart hardware competition (news)
    ("round9", SMART.format(74), 2021, 0, ALL, "sample", 2, 211),  # ICV manufacturer access guidelines
]


if __name__ == "__main__":
    _draw.draw(BLOCKS, cue=CUE, unnumbered=_UNNUMBERED,
               known=("gold.tsv", "gold_fresh.tsv", "gold_round3.tsv", "gold_round4.tsv", "gold_round5.tsv",
                      "gold_round6.tsv", "gold_round7.tsv", "gold_round8.tsv"),
               prefix="r9_")  # fmt: skip
