"""Draw the sentences of the later rounds taken as the text comes (``gold_round27.tsv`` … ``gold_round52.tsv``).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_as_it_comes.py 33 > /tmp/unlabelled.tsv

Each round is round 21's draw (``sample_round14.draw_as_it_comes``: one sentence of every usable
directive row of the smart-technology JSONL and a few of every work report, as they come) with its
own seeds (the directive seed + the row number, the report seed + the report's place in year order),
its own number of sentences per report, and every labelled file before it known. Round 33 was drawn
before round 32 was labelled, from round 32's unlabelled sentences (the same sentences), and round 35
the same way before round 34 was labelled. Rounds 48 and 49 each draw from one kind of text only: round 48
12 sentences of every directive row that has any left and no report sentence, round 49 12 sentences of every
report (only those before 1990 have any left) and no directive sentence; round 49 was drawn knowing round 48's
sentences; rounds 50 and 51 draw as round 48 does and round 52 as round 49 does, with other seeds (round 52 knowing
round 51's sentences). The ``targets`` column was filled by reading each
sentence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from sample_round14 import draw_as_it_comes  # noqa: E402

#: round -> (directive seed, report seed, sentences per report[, sentences per directive row, default 1])
ROUNDS = {
    27: (8000, 8300, 3),
    28: (8600, 8900, 4),
    29: (9200, 9500, 4),
    30: (9800, 10100, 4),
    31: (10400, 10700, 4),
    32: (11000, 11300, 4),
    33: (12200, 12500, 4),
    34: (12800, 13100, 4),
    35: (13400, 13700, 5),
    36: (14000, 14300, 5),
    37: (14600, 14900, 5),
    38: (15200, 15500, 6),
    39: (15800, 16100, 6),
    40: (16400, 16700, 6),
    41: (17000, 17300, 6),
    42: (17600, 17900, 6),
    43: (18200, 18500, 6),
    44: (18800, 19100, 6),
    45: (19400, 19700, 6),
    46: (20000, 20300, 7),
    47: (20600, 20900, 7),
    48: (21200, 21500, 0, 12),  # directives only: the reports' cue sentences are nearly all labelled
    49: (21800, 22100, 12, 0),  # reports only: what is left of the reports before 1990
    50: (22400, 22700, 0, 12),  # directives only again, other seeds
    51: (23000, 23300, 0, 12),  # and again
    52: (23600, 23900, 12, 0),  # the reports before 1990 again
}

if __name__ == "__main__":
    round_ = int(sys.argv[1])
    directive_seed, report_seed, per_report, *per_directive = ROUNDS[round_]
    draw_as_it_comes(
        round_, directive_seed=directive_seed, report_seed=report_seed, per_report=per_report,
        per_directive=per_directive[0] if per_directive else 1,
    )  # fmt: skip
