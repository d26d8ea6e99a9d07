"""Draw the sentences of ``gold_round28.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_round28.py > /tmp/unlabelled.tsv

Round 27's draw as the text comes (``sample_round27.py``), again: seeds 8600 +
the directive row and 8900 + the report's place, 4 sentences of every report,
and the sentences of every file up to ``gold_round27.tsv`` known. The
``targets`` column was filled by reading each sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

if __name__ == "__main__":
    draw_as_it_comes(28, directive_seed=8600, report_seed=8900, per_report=4)
