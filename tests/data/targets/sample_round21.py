"""Draw the sentences of ``gold_round21.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round21.py > /tmp/unlabelled.tsv

Drawn as round 20 (``sample_round20.py``: one sentence of every usable
directive row of the smart-technology JSONL and 3 of every work report, as
they come) with only these changed: the seeds (4300 + the row number for the
directives, 4600 + the report's place in year order for the reports) and the
known files, which now run to ``gold_round20.tsv`` (``_draw.earlier_gold(21)``).
The ``targets`` column was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(21, directive_seed=4300, report_seed=4600, per_report=3)
