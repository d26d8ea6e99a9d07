"""Draw the sentences of ``english_round7.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english_round7.py ../shared > /tmp/en_round7_unlabelled.tsv

Drawn as round 6 (``sample_english_round6.py``) with only these changed: the
seed (``random.Random(20261202)``), the ids (``Z001`` …, split ``en_round7``)
and the known sentences, which now include those of ``english_round6.tsv``.
The ``targets`` column was filled by reading each sentence, without running
the extractor on them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sample_english_round2  # noqa: E402
import sample_english_round3  # noqa: E402
import sample_english_round6  # noqa: E402


def known_sentences(shared: Path) -> set[str]:
    """The sentences of the labelled English files up to round 6 and of the whole round-2 draw."""
    rows = (HERE / "english_round6.tsv").read_text(encoding="utf-8")
    return sample_english_round6.known_sentences(shared) | sample_english_round3._sentences_of(rows)


if __name__ == "__main__":
    shared = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared")
    sample_english_round2.draw(shared, seed=20261202, per_report=4, per_forward=4, split="en_round7", prefix="Z",
                               skip=known_sentences(shared), counts=True)  # fmt: skip
