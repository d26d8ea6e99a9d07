"""Draw the sentences of ``gold_round26.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round26.py > /tmp/unlabelled.tsv

Drawn as rounds 22 to 25 (``sample_round22.py``: only sentences that hold a
number and a word of goals, 1 of every central directive row, 2 of every
Shandong row, 2 of every report before 1990 and 3 of every report from 1990) with only
these changed: the seeds (7400 + the row number, 7700 + the report's place in
year order) and the known files, which now run to ``gold_round25.tsv``
(``_draw.earlier_gold(26)``). The ``targets`` column was filled by reading
each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round22 import draw_goal_round  # noqa: E402

if __name__ == "__main__":
    draw_goal_round(26, directive_seed=7400, report_seed=7700)
