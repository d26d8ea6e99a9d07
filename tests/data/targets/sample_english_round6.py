"""Draw the sentences of ``english_round6.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english_round6.py ../shared > /tmp/en_round6_unlabelled.tsv

Drawn as round 5 (``sample_english_round5.py``) with only these changed: the
seed (``random.Random(20261201)``), the ids (``Y001`` …, split ``en_round6``)
and the known sentences, which now include those of ``english_round5.tsv``.
The ``targets`` column was filled by reading each sentence, without running
the extractor on them.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_english_round3 import draw_round  # noqa: E402

if __name__ == "__main__":
    draw_round(6, seed=20261201, prefix="Y", shared=Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
