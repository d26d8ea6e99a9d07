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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sample_english_round2  # noqa: E402
import sample_english_round3  # noqa: E402
import sample_english_round4  # noqa: E402


def known_sentences(shared: Path) -> set[str]:
    """The sentences of the labelled English files up to round 4 and of the whole round-2 draw."""
    rows = (HERE / "english_round4.tsv").read_text(encoding="utf-8")
    return sample_english_round4.known_sentences(shared) | sample_english_round3._sentences_of(rows)


def known_after(shared: Path, round_: int) -> set[str]:
    """The sentences of every labelled English file before round ``round_`` (5 on) and of the round-2 draw."""
    known = known_sentences(shared)
    for k in range(5, round_):
        known |= sample_english_round3._sentences_of((HERE / f"english_round{k}.tsv").read_text(encoding="utf-8"))
    return known


def draw_round(round_: int, *, seed: int, prefix: str, shared: Path) -> None:
    """Print English round ``round_`` drawn as this one (rounds 6 on change only the seed and the ids)."""
    sample_english_round2.draw(shared, seed=seed, per_report=4, per_forward=4, split=f"en_round{round_}", prefix=prefix,
                               skip=known_after(shared, round_), counts=True)  # fmt: skip


if __name__ == "__main__":
    draw_round(5, seed=20261130, prefix="W", shared=Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
