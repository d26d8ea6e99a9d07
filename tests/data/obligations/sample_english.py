"""Draw the sentences of ``english_eval.tsv`` (run once; the labels were then written by hand).

Three kinds of English text, each read by the obligations stage:

- ``report`` — the English side of the government work reports 2008–2022
  (``corpora/series/gov-work-reports-tmx/GR*.tmx``, one ``<tu>`` per line): the
  programme register (We will…, must, should, targets);
- ``contract`` — the CUAD clauses of ``gold/contract_clauses_cuad_legalbench``
  (one sentence drawn per clause): the legal register (shall, may, will);
- ``charter`` — the project's own English sample documents
  (``corpora/sample/documents/en``, read with ``policytext.read``).

Per report a fixed number of segments is drawn in strata of surface cue (will,
must / should / need to, shall / may / can, a negation or prohibition, any
segment at all), so that every modality and the hardest negatives (will in a
plan, can as ability, targets) are represented; per CUAD category a fixed
number of clauses, one sentence each (a sentence holding a modal when there is
one). Documents are split 50/50 into ``en_dev`` and ``en_test`` within each kind
with a seeded shuffle (the CUAD categories count as documents).

Usage: ``python tests/data/obligations/sample_english.py ../shared > draft.tsv``
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from lxml import etree

import policytext

SEED = 20260601
SEED_FRESH = 20260615
REPORT_STRATA = [
    (r"\bwill\b", 2),
    (r"\b(?:must|should|need to|needs to|have to|has to|required to|ought to)\b", 2),
    (r"\b(?:shall|may|can|allowed|permitted|entitled|encourage[sd]?|support)\b", 1),
    (
        r"\b(?:must not|should not|shall not|will not|cannot|prohibit\w*|forbid\w*|ban\w*|no \w+ (?:is|are|will be) allowed|never)\b",
        1,
    ),
    (r".", 1),
]
CUAD_PER_FILE = 6
CHARTER_PER_DOC = 12
_MODAL = re.compile(r"\b(?:shall|will|must|may|should|agrees?|entitled|required|cannot|not)\b", re.IGNORECASE)
_ANY_CUE = re.compile(
    r"\b(?:will|must|should|need to|shall|may|can|cannot|encourage|support|allow|ban|prohibit)\b", re.I
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def report_segments(path: Path) -> list[tuple[int, str]]:
    """(1-based ``<tu>`` number, English sentence) for every usable sentence."""
    out: list[tuple[int, str]] = []
    for k, tu in enumerate(etree.parse(str(path)).iter("tu"), 1):
        for tuv in tu.iter("tuv"):
            if not (tuv.get(_XML_LANG) or "").startswith("en"):
                continue
            seg = tuv.find("seg")
            text = re.sub(r"\s+", " ", "".join(seg.itertext())).strip() if seg is not None else ""
            for a, b in policytext.split_sentences(text, lang="en", semicolon=False):
                sent = text[a:b]
                if 25 <= len(sent) <= 400:
                    out.append((k, sent))
    return out


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    rows: list[tuple[str, str, str, str, str]] = []  # genre, source, line, sentence, context
    reports = sorted((shared / "corpora/series/gov-work-reports-tmx").glob("GR*.tmx"))
    cuad = sorted((shared / "gold/contract_clauses_cuad_legalbench").glob("cuad_*.tsv"))
    sample = Path(__file__).resolve().parents[3] / "corpora/sample/documents/en"
    split_of: dict[str, str] = {}
    for names in (
        [p.name for p in reports],
        [p.name for p in cuad],
        sorted(p.name for p in sample.glob("*.txt")),
    ):
        order = list(names)
        rng.shuffle(order)
        for k, name in enumerate(order):
            split_of[name] = "en_dev" if k % 2 == 0 else "en_test"
    for path in reports:
        segs = report_segments(path)
        taken: set[int] = set()
        for pattern, n in REPORT_STRATA:
            pool = [i for i, (_, s) in enumerate(segs) if i not in taken and re.search(pattern, s)]
            for i in rng.sample(pool, min(n, len(pool))):
                taken.add(i)
                line, sent = segs[i]
                rows.append(
                    ("report", f"corpora/series/gov-work-reports-tmx/{path.name}", str(line), sent, "")
                )
    for path in cuad:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        for k in sorted(rng.sample(range(len(lines)), CUAD_PER_FILE)):
            clause = lines[k].split("\t")[0]
            sents = [clause[a:b] for a, b in policytext.split_sentences(clause, lang="en", semicolon=False)]
            sents = [s for s in sents if 25 <= len(s) <= 600] or [clause]
            modal = [s for s in sents if _MODAL.search(s)]
            sent = rng.choice(modal or sents)
            rows.append(
                ("contract", f"gold/contract_clauses_cuad_legalbench/{path.name}", str(k + 2), sent, "")
            )
    for path in sorted(sample.glob("*.txt")):
        doc = policytext.read(path)
        sents = [s for s in policytext.sentences(doc, lang="en") if 20 <= len(s.text) <= 400]
        lead = ""
        contexts = []
        for s in sents:
            contexts.append(lead if re.match(r"\(?[a-z0-9]\)", s.text) else "")
            if not re.match(r"\(?[a-z0-9]\)", s.text):
                lead = s.text if s.text.rstrip().endswith(":") else ""
        for k in sorted(rng.sample(range(len(sents)), min(CHARTER_PER_DOC, len(sents)))):
            line = doc.text.count("\n", 0, sents[k].start) + 1
            rows.append(
                ("charter", f"corpora/sample/documents/en/{path.name}", str(line), sents[k].text, contexts[k])
            )
    # A fresh draw after the rules were written (split en_fresh): 2 more segments per
    # report (any cue stratum) and 4 more CUAD clauses per category, none drawn before.
    fresh = random.Random(SEED_FRESH)
    seen = {r[3] for r in rows}
    extra: list[tuple[str, str, str, str, str]] = []
    for path in reports:
        pool = [
            (line, sent) for line, sent in report_segments(path) if sent not in seen and _ANY_CUE.search(sent)
        ]
        for line, sent in fresh.sample(pool, min(2, len(pool))):
            extra.append(("report", f"corpora/series/gov-work-reports-tmx/{path.name}", str(line), sent, ""))
    for path in cuad:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        drawn = {int(r[2]) - 2 for r in rows if r[1].endswith(path.name)}
        for k in sorted(fresh.sample([i for i in range(len(lines)) if i not in drawn], 4)):
            clause = lines[k].split("\t")[0]
            sents = [clause[a:b] for a, b in policytext.split_sentences(clause, lang="en", semicolon=False)]
            sents = [s for s in sents if 25 <= len(s) <= 600 and s not in seen] or [clause]
            modal = [s for s in sents if _MODAL.search(s)]
            sent = fresh.choice(modal or sents)
            extra.append(
                ("contract", f"gold/contract_clauses_cuad_legalbench/{path.name}", str(k + 2), sent, "")
            )
    print("id\tsplit\tgenre\tsource\tline\tsentence\tcontext\tmodality\tactor\tdeadline")
    for n, (genre, source, line, sent, ctx) in enumerate(rows, 1):
        name = source.rsplit("/", 1)[-1]
        print(f"e{n:04d}\t{split_of[name]}\t{genre}\t{source}\t{line}\t{sent}\t{ctx}\t\t\t")
    for n, (genre, source, line, sent, ctx) in enumerate(extra, len(rows) + 1):
        print(f"e{n:04d}\ten_fresh\t{genre}\t{source}\t{line}\t{sent}\t{ctx}\t\t\t")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
