"""Draw the sentences of ``english_round5.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english_round5.py ../shared > /tmp/en_round5_unlabelled.tsv

Drawn as round 4 (``sample_english_round4.py``: the English side of the 15
work reports 2008–2022, per report 4 cue sentences as they come, then up to 4
more that hold ``FORWARD``) with only these changed: the seed
(``random.Random(20261130)``), the ids (``W001`` …, split ``en_round5``) and
the known sentences, which now include those of ``english_round4.tsv``. The
``targets`` column was filled by reading each sentence, without running the
extractor on them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_english_round3 import draw_round  # noqa: E402

if __name__ == "__main__":
    draw_round(5, seed=20261130, prefix="W", shared=Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
