"""Draw the sentences of ``gold_round32.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round32.py > /tmp/unlabelled.tsv

Round 31's draw (``sample_round31.py``) once more: seeds 11000 + the directive row and 11300 + the
report's place, 4 sentences of every report, and every labelled file up to ``gold_round31.tsv``
known. The ``targets`` column was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(32, directive_seed=11000, report_seed=11300, per_report=4)
