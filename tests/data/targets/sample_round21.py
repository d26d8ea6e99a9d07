"""Draw the sentences of ``gold_round21.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round20.py > /tmp/unlabelled.tsv

Drawn as round 20 (``sample_round20.py``) with **only the seeds and the known
files changed**. As in rounds 13 to 19, no part of a document is chosen for
its goals: the same few sentences from every document of a kind, wherever
they fall. ``sample`` blocks give ``k`` sentences with a number, a share, a
deadline or 力争 (``CUE`` of ``sample_round4.py``, with item, article and
standard numbers removed), drawn with a fixed seed and kept in text order.
One split, ``round21``:

- Directives of the smart-technology JSONL, as they come: one sentence of
  every usable row (rows 0–165 central, 166–220 Shandong; the same rows as
  rounds 14 to 20), the whole text of the row, seed 4300 + the row number
  (row 0 → 4300 … row 220 → 4520; round 20: 3700 + row). ``year`` is the
  year of the row's ``release_time``. Rows left out, as in rounds 14 to 20:
  garbled years (#5, #30, #37, #49, #61, #69, #136, #140, #184, #199, #200),
  release dates that do not fit the text (#1, #160–#164), copies or versions
  of other rows (#40, #46, #48, #76, #99, #115, #128, #198; #113 is kept,
  #115 is its copy). #119 gives only its 2018 notice (lines 0–24).
- Government work reports, as they come: 3 more sentences of every report
  (as rounds 17 to 20) of ``series/gov-work-reports-txt/`` (1954–2025, 52
  reports) and of 2020 from ``series/gov-work-reports-tmx/GR2020.zh.txt``
  (one aligned segment a line, as rounds 13 to 20 read it), the whole text,
  seed 4600 + the report's place in year order (1954 → 4600 … 2020 → 4647 …
  2025 → 4652; round 20: 4000 + place).

Sentences already in ``gold.tsv``, ``gold_fresh.tsv`` or ``gold_round3.tsv``
… ``gold_round20.tsv`` are skipped wherever they fall (``_draw.earlier_gold(21)``;
round 20 skipped those up to ``gold_round19.tsv``), so the sentences rounds 13
to 20 drew from each report and row are not drawn again; the ``targets``
column is left empty and was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(21, directive_seed=4300, report_seed=4600, per_report=3)
