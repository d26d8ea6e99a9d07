"""Draw the sentences of ``english_eval.tsv`` (before labelling them by hand).

Run from the repository root with the shared data at ``../shared``::

    python tests/data/targets/sample_english.py ../shared > /tmp/unlabelled.tsv

Sources: the English side of the government work reports 2008–2022
(``corpora/series/gov-work-reports-tmx/GR*.tmx``; ``line`` is the 1-based
``<tu>``), and the project's English sample documents. Per report, sentences
holding a number with a unit (percent, million, billion, trillion, yuan,
hectares, tons …), a share (one third) or a deadline year are drawn with a
fixed seed: from the whole report, so that most hard negatives are real
numbers (last year's results in the review part, changes over last year,
five-year totals); then a second draw of sentences that also hold a forward
cue (will, should, target, projected, this year, by 2025 …). Every such sentence of the two sample documents is taken.
Documents are split 50/50 into ``en_dev`` and ``en_test`` (the two sample
documents go to ``en_dev``). The ``targets`` column is left empty; it was
filled by reading each sentence.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from lxml import etree

import policytext

SEED = 20260602
SEED_FRESH = 20260616
PER_REPORT = 5
# a second draw from the plan register, so that enough sentences set targets
PER_REPORT_FORWARD = 4
FORWARD = re.compile(
    r"\b(?:will|shall|should|must|target\w*|projected|expected|plan\w*|aim\w*|goal|this year|by 20\d\d)\b",
    re.IGNORECASE,
)
CUE = re.compile(
    r"\d\s*(?:%|percent|per cent)|\b\d[\d,.]*\s*(?:million|billion|trillion|yuan|hectares?|mu|tons?|kilometers?|"
    r"kilowatts?|square meters?)\b|\b(?:one|two|three) (?:third|half|quarter)s?\b|\bby (?:the end of )?20\d\d\b|"
    r"\b(?:at least|no less than|no fewer than|no more than|more than|over|around|about) (?:\d|one|two|three|five|ten)",
    re.IGNORECASE,
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def report_sentences(path: Path) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for k, tu in enumerate(etree.parse(str(path)).iter("tu"), 1):
        for tuv in tu.iter("tuv"):
            if not (tuv.get(_XML_LANG) or "").startswith("en"):
                continue
            seg = tuv.find("seg")
            text = re.sub(r"\s+", " ", "".join(seg.itertext())).strip() if seg is not None else ""
            for a, b in policytext.split_sentences(text, lang="en", semicolon=False):
                if 15 <= b - a <= 450 and CUE.search(text[a:b]):
                    out.append((k, text[a:b]))
    return out


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    reports = sorted((shared / "corpora/series/gov-work-reports-tmx").glob("GR*.tmx"))
    order = [p.name for p in reports]
    rng.shuffle(order)
    split_of = {name: ("en_dev" if k % 2 == 0 else "en_test") for k, name in enumerate(order)}
    rows: list[tuple[str, str, str, str, str]] = []  # split, source, year, line, sentence
    for path in reports:
        year = re.search(r"\d{4}", path.name).group()
        sents = report_sentences(path)
        picks = set(rng.sample(range(len(sents)), min(PER_REPORT, len(sents))))
        forward = [k for k, (_, s) in enumerate(sents) if k not in picks and FORWARD.search(s)]
        picks |= set(rng.sample(forward, min(PER_REPORT_FORWARD, len(forward))))
        for k in sorted(picks):
            line, sent = sents[k]
            rows.append(
                (
                    split_of[path.name],
                    f"corpora/series/gov-work-reports-tmx/{path.name}",
                    year,
                    str(line),
                    sent,
                )
            )
    # A fresh draw after the rules were written (split en_fresh): per report 2 more
    # sentences with a number and 1 more with a forward cue, none drawn before.
    fresh = random.Random(SEED_FRESH)
    seen = {r[4] for r in rows}
    extra: list[tuple[str, str, str, str, str]] = []
    for path in reports:
        year = re.search(r"\d{4}", path.name).group()
        sents = [x for x in report_sentences(path) if x[1] not in seen]
        picks = set(fresh.sample(range(len(sents)), min(2, len(sents))))
        forward = [k for k, (_, s) in enumerate(sents) if k not in picks and FORWARD.search(s)]
        picks |= set(fresh.sample(forward, min(1, len(forward))))
        for k in sorted(picks):
            line, sent = sents[k]
            extra.append(
                ("en_fresh", f"corpora/series/gov-work-reports-tmx/{path.name}", year, str(line), sent)
            )
    sample = Path(__file__).resolve().parents[3] / "corpora/sample/documents/en"
    for path in sorted(sample.glob("*.txt")):
        doc = policytext.read(path)
        year = re.search(r"_(\d{4})_", path.name).group(1)
        for s in policytext.sentences(doc, lang="en", semicolon=False):
            if CUE.search(s.text):
                line = doc.text.count("\n", 0, s.start) + 1
                rows.append(("en_dev", f"corpora/sample/documents/en/{path.name}", year, str(line), s.text))
    print("id\tsplit\tsource\tyear\tline\tsentence\ttargets")
    for n, (split, source, year, line, sent) in enumerate(rows + extra, 1):
        print(f"E{n:03d}\t{split}\t{source}\t{year}\t{line}\t{sent}\t")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
