"""How the ``sample_round*.py`` scripts draw sentences to label (shared by them).

A block is ``(split, source, year, first line, last line (exclusive), mode, k,
seed)``: ``whole`` blocks give every sentence of those lines that ``cue``
finds (once ``unnumbered`` is removed); ``sample`` blocks give ``k`` of them,
drawn with ``seed`` and kept in text order. Sentences already labelled in
``known`` files, seen earlier in the draw, or shorter than 6 characters are
skipped. The ``targets`` column is left empty, to be filled by reading.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
CORPORA = ROOT.parent / "shared" / "corpora"

sys.path.insert(0, str(ROOT / "tests"))
from shared_sources import source_text  # noqa: E402

HERE = Path(__file__).parent

Block = tuple[str, str, int, int, int, str, int, int]


def read_source(source: str) -> str:
    """A source under ``shared/corpora``, normalised (see ``tests/shared_sources.py``)."""
    return source_text(CORPORA, source)


def earlier_gold(round_: int) -> tuple[str, ...]:
    """The labelled files of the rounds before ``round_`` (``gold.tsv``, ``gold_fresh.tsv``, rounds 3 on)."""
    return ("gold.tsv", "gold_fresh.tsv", *(f"gold_round{k}.tsv" for k in range(3, round_)))


def known_sentences(names: Iterable[str]) -> set[str]:
    """The sentences of the labelled files ``names`` (in this folder)."""
    known: set[str] = set()
    for name in names:
        for line in (HERE / name).read_text(encoding="utf-8").splitlines()[1:]:
            known.add(line.split("\t")[4])
    return known


def draw(blocks: Sequence[Block], *, cue: re.Pattern[str], unnumbered: re.Pattern[str], known: Iterable[str],
         prefix: str) -> None:  # fmt: skip
    """Write the drawn sentences to stdout as an unlabelled TSV (ids ``{prefix}001`` …)."""
    import policytext

    skip = known_sentences(known)
    seen: set[str] = set()
    print("id\tsplit\tsource\tyear\tsentence\ttargets")
    n = 0
    for split, source, year, lo, hi, mode, k, seed in blocks:
        text = read_source(source)
        starts = [0]
        for line in text.split("\n"):
            starts.append(starts[-1] + len(line) + 1)
        a, b = starts[min(lo, len(starts) - 1)], starts[min(hi, len(starts) - 1)]
        picked = []
        for s, e in policytext.split_sentences(text, semicolon=False):
            sentence = text[s:e].strip()
            if a <= s and e <= b and cue.search(unnumbered.sub("", sentence)) and "\t" not in sentence:
                if sentence not in skip and sentence not in seen and len(sentence) >= 6:
                    picked.append(sentence)
        if mode == "sample":
            picked = random.Random(seed).sample(picked, min(k, len(picked)))
            picked.sort(key=text.find)
        for sentence in picked:
            seen.add(sentence)
            n += 1
            sys.stdout.write(f"{prefix}{n:03d}\t{split}\t{source}\t{year}\t{sentence}\t\n")
