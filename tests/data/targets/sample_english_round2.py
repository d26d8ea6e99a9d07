"""Draw the sentences of ``english_round2.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english_round2.py ../shared > /tmp/en_round2_unlabelled.tsv

Sources: the English side of the 15 government work reports 2008–2022
(``corpora/series/gov-work-reports-tmx/GR*.tmx``), split and filtered exactly
as ``sample_english.py`` does (its ``report_sentences``: sentences of 15–450
characters that hold ``CUE``, a number with a unit, a share or a deadline year;
``line`` is the 1-based ``<tu>``). Sentences whose text is already in
``english_eval.tsv`` are skipped, and so is a text drawn earlier in this draw.

One generator, ``random.Random(20261127)``, is used for all reports, taken in
sorted file order (2008 … 2022). Per report: 5 sentences drawn from all the
remaining cue sentences of the report (as they come, anywhere in the report:
the review of last year as much as the plan), then 3 more drawn from the
remaining ones that also hold ``FORWARD`` (will, should, target, projected,
this year, by 2025 …), so that enough sentences set targets. Fewer are taken
when a report has fewer candidates. The picks of a report are written in text
order, ids ``N001`` … in output order, split ``en_round2``, ``year`` the
report's year. The ``targets`` column is left empty; it was filled by reading
each sentence, without running the extractor on them.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from sample_english import CUE, FORWARD, report_sentences  # noqa: E402

SEED = 20261127
PER_REPORT = 5
PER_REPORT_FORWARD = 3
SPLIT = "en_round2"


def known_sentences() -> set[str]:
    """The sentences of ``english_eval.tsv`` (column ``sentence``)."""
    lines = (HERE / "english_eval.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {line.split("\t")[5] for line in lines}


def draw(
    shared: Path, *, seed: int, per_report: int, per_forward: int, split: str, prefix: str, skip: set[str],
    counts: bool = False,
) -> None:
    """Print a draw of the English reports (rounds 2 to 4 differ only in these arguments).

    One generator for all reports, in sorted order: per report ``per_report`` cue
    sentences as they come, then ``per_forward`` more that also hold ``FORWARD``;
    sentences in ``skip`` (and those drawn before in this draw) are never drawn.
    ``counts`` prints each report's candidates on stderr.
    """
    rng = random.Random(seed)
    skip = set(skip)
    reports = sorted((shared / "corpora/series/gov-work-reports-tmx").glob("GR*.tmx"))
    rows: list[tuple[str, str, str, str]] = []  # source, year, line, sentence
    for path in reports:
        year = re.search(r"\d{4}", path.name).group()
        sents = [(line, s) for line, s in report_sentences(path) if s not in skip]
        assert all(CUE.search(s) for _, s in sents)
        picks = set(rng.sample(range(len(sents)), min(per_report, len(sents))))
        forward = [k for k, (_, s) in enumerate(sents) if k not in picks and FORWARD.search(s)]
        picks |= set(rng.sample(forward, min(per_forward, len(forward))))
        if counts:
            print(f"{path.name}: {len(sents)} candidates, {len(forward)} forward left, {len(picks)} drawn", file=sys.stderr)
        for k in sorted(picks):
            line, sent = sents[k]
            skip.add(sent)
            rows.append((f"corpora/series/gov-work-reports-tmx/{path.name}", year, str(line), sent))
    print("id\tsplit\tsource\tyear\tline\tsentence\ttargets")
    for n, (source, year, line, sent) in enumerate(rows, 1):
        print(f"{prefix}{n:03d}\t{split}\t{source}\t{year}\t{line}\t{sent}\t")


def main(shared: Path) -> None:
    draw(shared, seed=SEED, per_report=PER_REPORT, per_forward=PER_REPORT_FORWARD, split=SPLIT, prefix="N",
         skip=known_sentences())  # fmt: skip


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
