"""Draw the sentences of ``english_round4.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english_round4.py ../shared > /tmp/en_round4_unlabelled.tsv

Sources: the English side of the 15 government work reports 2008–2022
(``corpora/series/gov-work-reports-tmx/GR*.tmx``), split and filtered exactly
as ``sample_english.py`` does (its ``report_sentences``: sentences of 15–450
characters that hold ``CUE``, a number with a unit, a share or a deadline year;
``line`` is the 1-based ``<tu>``). Skipped wherever they fall (by text): the
sentences of ``english_eval.tsv``, ``english_round2.tsv`` and
``english_round3.tsv``, every other text the round-2 draw printed (the dropped
N062; ``sample_english_round3.known_sentences`` re-runs that draw), and a text
drawn earlier in this draw.

One generator, ``random.Random(20261129)``, is used for all reports, taken in
sorted file order (2008 … 2022). Per report: 4 sentences drawn from all the
remaining cue sentences of the report (as they come, anywhere in the report:
the review of last year as much as the plan), then 4 more drawn from the
remaining ones that also hold ``FORWARD`` (will, should, target, projected,
this year, by 2025 …), so that enough sentences set targets. Fewer are taken
when a report has fewer candidates. The picks of a report are written in text
order, ids ``K001`` … in output order, split ``en_round4``, ``year`` the
report's year. The ``targets`` column is left empty; it was filled by reading
each sentence, without running the extractor on them.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sample_english_round3 import draw_round  # noqa: E402

SEED = 20261129


def main(shared: Path) -> None:
    draw_round(4, seed=SEED, prefix="K", shared=shared)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
