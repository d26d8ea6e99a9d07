"""Draw the sentences of ``gold_round15.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round15.py > /tmp/unlabelled.tsv

Drawn exactly as round 14 (``sample_round14.py``); only the seeds and the
known files differ. As in rounds 13 and 14, no part of a document is chosen
for its goals: the same few sentences from every document of a kind,
wherever they fall. ``sample`` blocks give ``k`` sentences with a number, a
share, a deadline or 力争 (``CUE`` of ``sample_round4.py``, with item,
article and standard numbers removed), drawn with a fixed seed and kept in
text order. One split, ``round15``:

- Directives of the smart-technology JSONL, as they come: one sentence of
  every usable row (rows 0–165 central, 166–220 Shandong; the same rows as
  round 14), the whole text of the row, seed 700 + the row number (row 0 →
  700 … row 220 → 920; round 14: 350 + row). ``year`` is the year of the
  row's ``release_time``. Rows left out, as in round 14: garbled years (#5,
  #30, #37, #49, #61, #69, #136, #140, #184, #199, #200), release dates that
  do not fit the text (#1, #160–#164), copies or versions of other rows
  (#40, #46, #48, #76, #99, #115, #128, #198; #113 is kept, #115 is its
  copy). #119 gives only its 2018 notice (lines 0–24).
- Government work reports, as they come: 2 more sentences of every report
  of ``series/gov-work-reports-txt/`` (1954–2025, 52 reports) and of 2020
  from ``series/gov-work-reports-tmx/GR2020.zh.txt`` (one aligned segment a
  line, as rounds 13 and 14 read it), the whole text, seed 1000 + the
  report's place in year order (1954 → 1000 … 2020 → 1047 … 2025 → 1052;
  round 14: 600 + place).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round14.tsv`` are skipped wherever they fall (``_draw.earlier_gold(15)``;
round 14 skipped those up to ``gold_round13.tsv``), so the sentences rounds 13
and 14 drew from each report and row are not drawn again; the ``targets``
column is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(15, directive_seed=700, report_seed=1000, per_report=2)
