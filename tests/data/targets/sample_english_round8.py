"""Draw the sentences of ``english_round8.tsv`` (before labelling them by hand).

Run from the repository root::

    python tests/data/targets/sample_english_round8.py ../shared > /tmp/en_round8_unlabelled.tsv

English round 7's draw (``sample_english_round3.draw_round``) once more, with seed 20261203, ids
``V…`` and every sentence labelled up to ``english_round7.tsv`` known. The ``targets`` column was
filled by reading each sentence, without running the extractor on them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_english_round3 import draw_round  # noqa: E402

if __name__ == "__main__":
    draw_round(8, seed=20261203, prefix="V", shared=Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
