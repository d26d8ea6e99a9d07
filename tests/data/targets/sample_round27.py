"""Draw the sentences of ``gold_round27.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round27.py > /tmp/unlabelled.tsv

Drawn as round 21 (``sample_round14.draw_as_it_comes``: one sentence of every
usable directive row of the smart-technology JSONL and 3 of every work report,
as they come), after the goal-like rounds 22–26, with only these changed: the
seeds (8000 + the row number for the directives, 8300 + the report's place in
year order for the reports) and the known files, which now run to
``gold_round26.tsv`` (``_draw.earlier_gold(27)``). The ``targets`` column was
filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(27, directive_seed=8000, report_seed=8300, per_report=3)
