"""Draw the sentences of ``gold_round14.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round14.py > /tmp/unlabelled.tsv

As in round 13, no part of a document is chosen for its goals: the round is
drawn the way a stranger measuring the extractor would draw it, the same few
sentences from every document of a kind, wherever they fall. ``sample``
blocks give ``k`` sentences with a number, a share, a deadline or 力争
(``CUE`` of ``sample_round4.py``, with item, article and standard numbers
removed), drawn with a fixed seed and kept in text order. One split,
``round14``:

- Directives of the smart-technology JSONL, as they come: one sentence of
  every usable row (rows 0–165 central, 166–220 Shandong), the whole text of
  the row, seed 350 + the row number (row 0 → 350 … row 220 → 570). ``year``
  is the year of the row's ``release_time``. Rows that earlier rounds list
  as unusable are left out: garbled years (#5, #30, #37, #49, #61, #69,
  #136, #140, #184, #199, #200), release dates that do not fit the text (#1,
  #160–#164), copies or versions of other rows (#40, #46, #48, #76, #99,
  #115, #128, #198; #113 is kept, #115 is its copy). #119 gives only its
  2018 notice (lines 0–24, as round 10 read it; the rest of the row is a
  2013 plan). Of the 196 usable rows only 114 still hold a cue sentence not
  labelled before (rows taken whole by rounds 3–10 hold none), so every
  usable row is drawn: keeping only the even rows, as first planned to cut
  about 200 candidates to about 140, would have left 59.
- Government work reports, as they come: 2 more sentences of every report
  of ``series/gov-work-reports-txt/`` (1954–2025, 52 reports) and of 2020
  from ``series/gov-work-reports-tmx/GR2020.zh.txt`` (one aligned segment a
  line, as round 13 read it; the txt folder has no 2020 report), the whole
  text, seed 600 + the report's place in year order (1954 → 600 … 2020 → 647
  … 2025 → 652; the last three pass the range 350–649 kept for this round).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round13.tsv`` are skipped wherever they fall, so the 3 sentences of
each report that round 13 drew are not drawn again; the ``targets`` column is
left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from sample_round4 import _UNNUMBERED, CUE  # noqa: E402

SERIES = "series/smart-tech-policies_central166_shandong55.jsonl"
SMART = SERIES + "#{}"
GWR = "series/gov-work-reports-txt/gwr_{}.txt"
GR2020 = "series/gov-work-reports-tmx/GR2020.zh.txt"
ALL = 10**6

#: Rows of the JSONL that earlier rounds found unusable (README, rounds 5–10).
UNUSABLE = {
    5, 30, 37, 49, 61, 69, 136, 140, 184, 199, 200,  # garbled years (0402年, 8985年, 到3134年底 …)
    1, 160, 161, 162, 163, 164,  # release dates that do not fit the text
    40, 46, 48, 76, 99, 115, 128, 198,  # copies or versions of other rows
}  # fmt: skip

#: Rows of which only some lines are usable: #119's 2018 notice (the rest is a 2013 plan).
PARTS = {119: (0, 24)}

#: The years of the reports, in order; 2020 is read from the aligned text.
REPORT_YEARS = (
    1954, 1955, 1956, 1957, 1958, 1959, 1960, 1964, 1975, 1978, 1979, 1980, 1981, 1982, 1983, 1984, 1985, 1986,
    1987, 1988, 1992, 1993, 1994, 1995, 1997, 1998, 1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008,
    2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
)  # fmt: skip


def _release_years() -> list[int]:
    path = _draw.CORPORA / SERIES
    return [int(json.loads(x)["release_time"][:4]) for x in path.open(encoding="utf-8")]


def directive_blocks(split: str = "round14", seed: int = 350, k: int = 1) -> list[_draw.Block]:
    """``k`` sentences of every usable row of the smart-technology JSONL, seed ``seed`` + row."""
    years = _release_years()
    return [
        (split, SMART.format(row), years[row], *PARTS.get(row, (0, ALL)), "sample", k, seed + row)
        for row in range(len(years))
        if row not in UNUSABLE
    ]


def report_blocks(split: str = "round14", seed: int = 600, k: int = 2) -> list[_draw.Block]:
    """``k`` sentences of every report, seed ``seed`` + the report's place in year order."""
    return [
        (split, GR2020 if year == 2020 else GWR.format(year), year, 0, ALL, "sample", k, seed + i)
        for i, year in enumerate(REPORT_YEARS)
    ]


def draw_as_it_comes(
    round_: int, *, directive_seed: int, report_seed: int, per_report: int, per_directive: int = 1
) -> None:
    """Draw a round the way round 14 is drawn (later rounds change the seeds and the numbers per document)."""
    split = f"round{round_}"
    blocks = directive_blocks(split, directive_seed, per_directive)
    if per_report:
        blocks += report_blocks(split, report_seed, per_report)
    _draw.draw(
        blocks, cue=CUE, unnumbered=_UNNUMBERED, known=_draw.earlier_gold(round_), prefix=f"r{round_}_"
    )


if __name__ == "__main__":
    draw_as_it_comes(14, directive_seed=350, report_seed=600, per_report=2)
