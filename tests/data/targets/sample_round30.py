"""Draw the sentences of ``gold_round30.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round30.py > /tmp/unlabelled.tsv

Round 29's draw (``sample_round29.py``) once more: seeds 9800 + the directive row and 10100 + the
report's place, 4 sentences of every report, and every labelled file up to ``gold_round29.tsv``
known. The ``targets`` column was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(30, directive_seed=9800, report_seed=10100, per_report=4)
