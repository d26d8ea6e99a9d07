"""Draw the sentences of ``gold_round13.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round13.py > /tmp/unlabelled.tsv

Unlike rounds 3–12, which chose parts of documents for their goals (plan
parts whole, reviews as hard negatives), round 13 is drawn the way a stranger
measuring the extractor would draw it: the same few sentences from every
document of a kind, wherever they fall. ``sample`` blocks give ``k``
sentences with a number, a share, a deadline or 力争 (``CUE`` of
``sample_round4.py``, with item, article and standard numbers removed),
drawn with a fixed seed (seeds 280–343 of the range 280–349 kept for this
round) and kept in text order. One split, ``round13``:

- Every government work report of ``series/gov-work-reports-txt/`` (1954–
  2025, 52 reports) and 2020 from ``series/gov-work-reports-tmx/GR2020.zh.txt``
  (one aligned segment a line, as ``gold_fresh.tsv`` and round 12 read it;
  the txt folder has no 2020 report): the whole text, 3 sentences each, seed
  280 + the report's place in year order (1954 → 280 … 2025 → 332). Review,
  plan and task parts alike, as the seed gives them.
- Directives: the laws and the regulation in ``directives/`` and the local
  regulations in ``local/*.md``, whole text, 4 or 5 sentences each (seeds
  333–343) from the eleven documents that still hold at least four cue
  sentences not yet labelled. Earlier rounds labelled every cue sentence of
  the 纲要 (2025), the 2026 notice, the compulsory education, higher
  education and teachers laws, the 1996 vocational education law and eight
  local regulations, and left one to three in the others (the 2022
  vocational education law, Henan's measures for the vocational education
  law, Ningbo's skills training regulation, Shanghai's compulsory education
  measures of 2009 and its vocational education regulation), so those give
  none here.

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round12.tsv`` are skipped wherever they fall; the ``targets`` column
is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

GWR = "series/gov-work-reports-txt/gwr_{}.txt"
GR2020 = "series/gov-work-reports-tmx/GR2020.zh.txt"
LAW = "directives/{}.md"
LOCAL = "local/{}.md"
ALL = 10**6
PREFIX = "r13_"
KNOWN = _draw.earlier_gold(13)

#: The years of the reports, in order; 2020 is read from the aligned text.
REPORT_YEARS = (
    1954, 1955, 1956, 1957, 1958, 1959, 1960, 1964, 1975, 1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985, 1986,
    1987, 1988, 1992, 1993, 1994, 1995, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008,
    2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
)  # fmt: skip

#: (split, source, year, first line, last line (exclusive), mode, k, seed)
REPORT_BLOCKS = [
    ("round13", GR2020 if year == 2020 else GWR.format(year), year, 0, ALL, "sample", 3, 280 + i)
    for i, year in enumerate(REPORT_YEARS)
]

DIRECTIVE_BLOCKS = [
    ("round13", LAW.format("law_education-law_2021"), 2021, 0, ALL, "sample", 5, 333),
    ("round13", LAW.format("law_employment-promotion-law_2015"), 2015, 0, ALL, "sample", 4, 334),
    ("round13", LAW.format("law_private-education-promotion-law_2018"), 2018, 0, ALL, "sample", 5, 335),
    ("round13", LAW.format("reg_private-education-promotion-law-implementing-regulation_2021"), 2021, 0, ALL, "sample", 5, 336),
    ("round13", LOCAL.format("beijing_implementing-teachers-law"), 2010, 0, ALL, "sample", 5, 337),
    ("round13", LOCAL.format("henan_implementing-teachers-law_2010"), 2010, 0, ALL, "sample", 4, 338),
    ("round13", LOCAL.format("ningbo_secondary-vocational-education-regulation_2010"), 2010, 0, ALL, "sample", 4, 339),
    ("round13", LOCAL.format("qingdao_implementing-private-education-promotion-law_2017"), 2017, 0, ALL, "sample", 4, 340),
    ("round13", LOCAL.format("qingdao_vocational-education-regulation_2015"), 2015, 0, ALL, "sample", 5, 341),
    ("round13", LOCAL.format("shanghai_implementing-teachers-law_1997"), 1997, 0, ALL, "sample", 4, 342),
    ("round13", LOCAL.format("zhejiang_implementing-teachers-law_2004"), 2021, 0, ALL, "sample", 5, 343),
]  # fmt: skip


if __name__ == "__main__":
    _draw.draw(REPORT_BLOCKS + DIRECTIVE_BLOCKS, cue=CUE, unnumbered=_UNNUMBERED, known=KNOWN, prefix=PREFIX)
