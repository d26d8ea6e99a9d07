"""Draw the sentences of ``english_round3.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english_round3.py ../shared > /tmp/en_round3_unlabelled.tsv
    python tests/data/targets/sample_english_round3.py ../shared 6 > /tmp/en_round6_unlabelled.tsv   # rounds 4-8

Rounds 4 to 8 are drawn the same way with only their seeds and ids (``ROUNDS``) and the known
sentences (those of every labelled English file before the round) changed.

Sources: the English side of the 15 government work reports 2008–2022
(``corpora/series/gov-work-reports-tmx/GR*.tmx``), split and filtered exactly
as ``sample_english.py`` does (its ``report_sentences``: sentences of 15–450
characters that hold ``CUE``, a number with a unit, a share or a deadline year;
``line`` is the 1-based ``<tu>``). Sentences whose text is already in
``english_eval.tsv`` or ``english_round2.tsv`` are skipped, and so is every
other text the round-2 draw printed (the dropped N062: its draw is re-run
through ``sample_english_round2.main`` and its output read), and a text drawn
earlier in this draw.

One generator, ``random.Random(20261128)``, is used for all reports, taken in
sorted file order (2008 … 2022). Per report: 4 sentences drawn from all the
remaining cue sentences of the report (as they come, anywhere in the report:
the review of last year as much as the plan), then 4 more drawn from the
remaining ones that also hold ``FORWARD`` (will, should, target, projected,
this year, by 2025 …), so that enough sentences set targets. Fewer are taken
when a report has fewer candidates. The picks of a report are written in text
order, ids ``M001`` … in output order, split ``en_round3``, ``year`` the
report's year. The ``targets`` column is left empty; it was filled by reading
each sentence, without running the extractor on them.
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import sample_english_round2  # noqa: E402

SEED = 20261128
PER_REPORT = 4
PER_REPORT_FORWARD = 4
LABELLED = ("english_eval.tsv", "english_round2.tsv")


def _sentences_of(tsv: str) -> set[str]:
    lines = tsv.splitlines()[1:]
    return {line.split("\t")[5] for line in lines if line.strip()}


def known_sentences(shared: Path) -> set[str]:
    """The sentences of the labelled English files and of the whole round-2 draw."""
    known: set[str] = set()
    for name in LABELLED:
        known |= _sentences_of((HERE / name).read_text(encoding="utf-8"))
    # The round-2 draw also printed N062, dropped before labelling; re-run it to skip that text too.
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        sample_english_round2.main(shared)
    return known | _sentences_of(out.getvalue())


def known_before(shared: Path, round_: int) -> set[str]:
    """The sentences of every labelled English file before round ``round_`` (3 on) and of the round-2 draw."""
    known = known_sentences(shared)
    for k in range(3, round_):
        known |= _sentences_of((HERE / f"english_round{k}.tsv").read_text(encoding="utf-8"))
    return known


def draw_round(round_: int, *, seed: int, prefix: str, shared: Path) -> None:
    """Print English round ``round_`` (3 on): per report ``PER_REPORT`` sentences as they come, then
    ``PER_REPORT_FORWARD`` forward ones, skipping every sentence known before it; later rounds change
    only the seed and the ids. Each report's candidates are counted on stderr."""
    sample_english_round2.draw(shared, seed=seed, per_report=PER_REPORT, per_forward=PER_REPORT_FORWARD,
                               split=f"en_round{round_}", prefix=prefix, skip=known_before(shared, round_),
                               counts=True)  # fmt: skip


#: round -> (seed of ``random.Random``, id prefix)
ROUNDS = {3: (SEED, "M"), 4: (20261129, "K"), 5: (20261130, "W"), 6: (20261201, "Y"), 7: (20261202, "Z"), 8: (20261203, "V")}


def main(shared: Path, round_: int = 3) -> None:
    seed, prefix = ROUNDS[round_]
    draw_round(round_, seed=seed, prefix=prefix, shared=shared)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"), int(sys.argv[2]) if len(sys.argv) > 2 else 3)
