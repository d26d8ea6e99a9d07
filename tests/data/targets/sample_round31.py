"""Draw the sentences of ``gold_round31.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round31.py > /tmp/unlabelled.tsv

Round 30's draw (``sample_round30.py``) once more: seeds 10400 + the directive row and 10700 + the
report's place, 4 sentences of every report, and every labelled file up to ``gold_round30.tsv``
known. The ``targets`` column was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(31, directive_seed=10400, report_seed=10700, per_report=4)
