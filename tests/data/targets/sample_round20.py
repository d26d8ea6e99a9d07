"""Draw the sentences of ``gold_round20.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round20.py > /tmp/unlabelled.tsv

Drawn as round 19 (``sample_round19.py``) with **only the seeds and the known
files changed**. As in rounds 13 to 19, no part of a document is chosen for
its goals: the same few sentences from every document of a kind, wherever
they fall. ``sample`` blocks give ``k`` sentences with a number, a share, a
deadline or 力争 (``CUE`` of ``sample_round4.py``, with item, article and
standard numbers removed), drawn with a fixed seed and kept in text order.
One split, ``round20``:

- Directives of the smart-technology JSONL, as they come: one sentence of
  every usable row (rows 0–165 central, 166–220 Shandong; the same rows as
  rounds 14 to 19), the whole text of the row, seed 3700 + the row number
  (row 0 → 3700 … row 220 → 3920; round 19: 3100 + row). ``year`` is the
  year of the row's ``release_time``. Rows left out, as in rounds 14 to 19:
  garbled years (#5, #30, #37, #49, #61, #69, #136, #140, #184, #199, #200),
  release dates that do not fit the text (#1, #160–#164), copies or versions
  of other rows (#40, #46, #48, #76, #99, #115, #128, #198; #113 is kept,
  #115 is its copy). #119 gives only its 2018 notice (lines 0–24).
- Government work reports, as they come: 3 more sentences of every report
  (as rounds 17 to 19) of ``series/gov-work-reports-txt/`` (1954–2025, 52
  reports) and of 2020 from ``series/gov-work-reports-tmx/GR2020.zh.txt``
  (one aligned segment a line, as rounds 13 to 19 read it), the whole text,
  seed 4000 + the report's place in year order (1954 → 4000 … 2020 → 4047 …
  2025 → 4052; round 19: 3400 + place).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round19.tsv`` are skipped wherever they fall (``_draw.earlier_gold(20)``;
round 19 skipped those up to ``gold_round18.tsv``), so the sentences rounds 13
to 19 drew from each report and row are not drawn again; the ``targets``
column is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(20, directive_seed=3700, report_seed=4000, per_report=3)
