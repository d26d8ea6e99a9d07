"""Score policytext.parse on the 355 laws of ../shared/gold/laws_lawrefbook (article boundaries).

Each law is fed as plain text: the header block up to ``<!-- INFO END -->`` is
dropped, markdown heading marks (``## ``) are removed, and lines that are only
an HTML comment (``<!-- FORCE BREAK -->``) are dropped. The gold article starts
are computed here from the markdown, as INDEX.tsv defines them: lines starting
with 第X条 (or 第X条之Y) followed by a space. Two upstream typos break that
definition (笫五十四条, 第一百二十八 条); INDEX.tsv flags them, and the issue
says to read them as articles, so a second, "typo-corrected" gold adds them.

A predicted article is right when its start offset equals a gold start; its
label and number are then compared with the gold (the number converted here
by a separate routine, so the parser's own converter is checked too). Spans
are checked against the gold span: from the article line to the next article
or markdown heading, trailing blank space trimmed. Where the markdown leaves a
heading unmarked (a bare 附则 line, a title that lost its 第X章, an annex after
the last article: 附件 / 附： / 附录), the parser ends the article there and the
span is counted wrong against this gold (15 articles of the 355 laws, all of
this kind).

Variants. Real text often has no space after the label (第一条为了…, or a
PDF/HTML extraction that drops it), so the same laws are also scored with the
text changed after every gold article label: ``nospace`` removes the space,
``mixed`` replaces it at random (seeded per law) with an ideographic space or
nothing, and ``merged`` removes it and also runs each 编/章/节 heading and the
article after it together on one line (第一章总则第一条为了…, as PDF extraction
leaves them); ``wrapped`` removes it and breaks the line before every
reference to an article inside the text (…依照本法 / 第十二条的规定…), as a PDF's
hard line breaks may, so that references start lines. The gold is the same;
only the text the parser sees changes.

Run:  python bench/eval_structure.py [--gold-dir DIR] [--variant NAME ...] [--show-errors N] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import statistics
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import policytext  # noqa: E402

GOLD_DIR = ROOT.parent / "shared" / "gold" / "laws_lawrefbook"
_NUM = "[一二三四五六七八九十百千零〇两]+"
STRICT = re.compile(rf"^第({_NUM})条(?:之({_NUM}))? ")
TOLERANT = re.compile(rf"^[第笫]\s*({_NUM})\s*条(?:之({_NUM}))?")
HEADING = re.compile(r"^#{1,6}\s*")
COMMENT = re.compile(r"^\s*<!--.*-->\s*$")
LABEL_SPACE = re.compile(rf"^([第笫]\s*{_NUM}\s*条(?:之{_NUM})?)[ \t\u3000]+")
HEAD_LABEL = re.compile(rf"^([第笫]\s*{_NUM}\s*(?:分编|编|部分|章|节))[ \t\u3000]+")
#: How the text after each gold article label is changed: name -> (rng -> replacement).
VARIANTS = {
    "original": None,
    "nospace": lambda rng: "",
    "mixed": lambda rng: rng.choice(("\u3000", "")),
    "merged": lambda rng: "",
    "wrapped": lambda rng: "",
}
MID_REFERENCE = re.compile(rf"(?<=[\u4e00-\u9fff，、])(?=[第笫]{_NUM}条)")


def cn_value(text: str) -> int:
    """Chinese numeral to int, written apart from the parser's converter (positional by unit)."""
    digits = {
        "零": 0,
        "〇": 0,
        "一": 1,
        "二": 2,
        "两": 2,
        "三": 3,
        "四": 4,
        "五": 5,
        "六": 6,
        "七": 7,
        "八": 8,
        "九": 9,
    }
    value = 0
    for unit_char, unit in (("千", 1000), ("百", 100), ("十", 10)):
        if unit_char in text:
            head, text = text.split(unit_char, 1)
            head = head.lstrip("零〇")
            value += (digits[head] if head else 1) * unit
    text = text.lstrip("零〇")
    return value + (digits[text] if text else 0)


def plain_text(
    markdown: str, *, variant: str = "original", seed: int = 0
) -> tuple[str, list[tuple[int, str, bool]]]:
    """The law as plain text, and (offset, line, was_heading) for every line kept.

    ``line`` is the line as the markdown has it (the gold is read from it);
    ``offset`` is where it starts in the returned text, which for a variant
    other than ``original`` has the space after each article label changed.
    """
    change = VARIANTS[variant]
    rng = random.Random(seed)
    marker = "<!-- INFO END -->"
    cut = markdown.find(marker)
    if cut >= 0:
        markdown = markdown[cut + len(marker) :]
    kept = [raw for raw in markdown.lstrip("\n").split("\n") if not COMMENT.match(raw)]
    out: list[str] = []
    lines: list[tuple[int, str, bool]] = []
    offset = 0
    i = 0
    while i < len(kept):
        heading = bool(HEADING.match(kept[i]))
        line = HEADING.sub("", kept[i]) if heading else kept[i]
        shown = line
        if change is not None and not heading:
            shown = LABEL_SPACE.sub(lambda m: m.group(1) + change(rng), line, count=1)
            if variant == "wrapped":
                shown = MID_REFERENCE.sub("\n", shown)
        nxt = i + 1
        while nxt < len(kept) and not kept[nxt].strip():
            nxt += 1
        if variant == "merged" and heading and HEAD_LABEL.match(line) and nxt < len(kept):
            article = kept[nxt]
            if TOLERANT.match(article):
                head = HEAD_LABEL.sub(lambda m: m.group(1), line).rstrip()
                body = LABEL_SPACE.sub(lambda m: m.group(1), article, count=1)
                lines.append((offset, line, heading))
                lines.append((offset + len(head), article, False))
                out.append(head + body)
                offset += len(head) + len(body) + 1
                i = nxt + 1
                continue
        lines.append((offset, line, heading))
        out.append(shown)
        offset += len(shown) + 1
        i += 1
    return "\n".join(out), lines


def gold_articles(text: str, lines: list[tuple[int, str, bool]], *, tolerant: bool) -> dict[int, dict]:
    """Gold articles keyed by start offset: label, number, end, typo flag."""
    gold: dict[int, dict] = {}
    starts: list[int] = []
    for offset, line, heading in lines:
        m = STRICT.match(line)
        typo = False
        if not m and tolerant:
            m = TOLERANT.match(line)
            typo = bool(m)
        if heading:
            starts.append(offset)
        if m:
            label = m.group(0).rstrip()
            gold[offset] = {"label": label, "number": cn_value(m.group(1)), "typo": typo}
            starts.append(offset)
    # end of each gold article: the next article or heading line, trailing blanks trimmed
    boundaries = sorted(set(starts)) + [len(text)]
    for i, start in enumerate(boundaries[:-1]):
        if start in gold:
            gold[start]["end"] = len(text[: boundaries[i + 1]].rstrip())
    return gold


def evaluate(gold_dir: Path, *, show_errors: int = 0, variant: str = "original") -> dict:
    rows = list(
        csv.reader((gold_dir / "INDEX.tsv").read_text(encoding="utf-8").splitlines()[1:], delimiter="\t")
    )
    header, rows = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    totals = {
        key: {"tp": 0, "fp": 0, "fn": 0, "label": 0, "number": 0, "span": 0} for key in ("strict", "tolerant")
    }
    errors: list[str] = []
    times: list[tuple[float, int, str]] = []
    index_mismatch = 0
    warnings = 0
    policytext.parse("第一条 预热。", lang="zh")  # load the closing cues before timing
    for row in rows:
        rel = row[col["local_path"]]
        markdown = (gold_dir / rel).read_text(encoding="utf-8")
        text, lines = plain_text(markdown, variant=variant, seed=zlib.crc32(rel.encode("utf-8")))
        doc = policytext.Document(id=rel, source=rel, format="txt", text=text)
        t0 = time.perf_counter()
        clauses = policytext.parse(doc, lang="zh")
        times.append((time.perf_counter() - t0, len(text), rel))
        warnings += len(doc.warnings)
        for clause in clauses:
            assert text[clause.start : clause.end] == clause.text, (rel, clause.id)
        pred = {c.start: c for c in clauses if c.level == "article"}
        for key in totals:
            gold = gold_articles(text, lines, tolerant=key == "tolerant")
            if key == "strict" and len(gold) != int(row[col["n_article_lines"]] or 0):
                index_mismatch += 1
            t = totals[key]
            for start, g in gold.items():
                c = pred.get(start)
                if c is None:
                    t["fn"] += 1
                    if key == "tolerant":
                        errors.append(f"{rel}: missed {g['label']} at {start}")
                    continue
                t["tp"] += 1
                t["label"] += c.label == g["label"]
                t["number"] += c.number == g["number"]
                t["span"] += c.end == g["end"]
                if key == "tolerant" and (c.label != g["label"] or c.number != g["number"]):
                    errors.append(f"{rel}: {c.label}/{c.number} for gold {g['label']}/{g['number']}")
            for start, c in pred.items():
                if start not in gold:
                    t["fp"] += 1
                    if key == "tolerant":
                        errors.append(f"{rel}: spurious {c.label} at {start}: {c.text[:30]!r}")
    result: dict = {
        "variant": variant,
        "documents": len(rows),
        "index_count_mismatches": index_mismatch,
        "warnings": warnings,
    }
    for key, t in totals.items():
        p = t["tp"] / max(t["tp"] + t["fp"], 1)
        r = t["tp"] / max(t["tp"] + t["fn"], 1)
        f1 = 2 * p * r / max(p + r, 1e-12)
        result[key] = {
            "gold": t["tp"] + t["fn"],
            "predicted": t["tp"] + t["fp"],
            "precision": round(p, 5),
            "recall": round(r, 5),
            "f1": round(f1, 5),
            "label_accuracy": round(t["label"] / max(t["tp"], 1), 5),
            "number_accuracy": round(t["number"] / max(t["tp"], 1), 5),
            "span_accuracy": round(t["span"] / max(t["tp"], 1), 5),
        }
    total_time = sum(t for t, _, _ in times)
    big = [(t, n, rel) for t, n, rel in times if n > 0]
    slowest = max(big)
    result["timing"] = {
        "total_s": round(total_time, 3),
        "median_ms": round(statistics.median(t for t, _, _ in times) * 1000, 3),
        "slowest_ms": round(slowest[0] * 1000, 2),
        "slowest_doc": slowest[2],
        "slowest_chars": slowest[1],
        "chars_per_s": int(sum(n for _, n, _ in times) / max(total_time, 1e-9)),
    }
    result["errors"] = errors[:show_errors] if show_errors else len(errors)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument(
        "--variant",
        action="append",
        choices=sorted(VARIANTS),
        help="text variant to score (repeatable; default: all)",
    )
    parser.add_argument("--show-errors", type=int, default=20, help="list up to N errors")
    parser.add_argument("--json", action="store_true", help="print the results as JSON (variant -> result)")
    args = parser.parse_args(argv)
    if not (args.gold_dir / "INDEX.tsv").is_file():
        print(f"eval_structure: no INDEX.tsv under {args.gold_dir}", file=sys.stderr)
        return 2
    variants = args.variant or list(VARIANTS)
    results = {v: evaluate(args.gold_dir, show_errors=args.show_errors, variant=v) for v in variants}
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
        return 0
    for variant, result in results.items():
        print(
            f"== variant {variant}: documents: {result['documents']}  structure warnings: {result['warnings']}"
        )
        for key, label in (("strict", "INDEX.tsv gold (第X条 + space)"), ("tolerant", "typo-corrected gold")):
            r = result[key]
            print(
                f"{label:32s} gold={r['gold']:6d} pred={r['predicted']:6d}  P={r['precision']:.5f} "
                f"R={r['recall']:.5f} F1={r['f1']:.5f}  label={r['label_accuracy']:.5f} "
                f"number={r['number_accuracy']:.5f} span={r['span_accuracy']:.5f}"
            )
        tm = result["timing"]
        print(
            f"time: total {tm['total_s']} s, median {tm['median_ms']} ms/doc, slowest {tm['slowest_ms']} ms "
            f"({tm['slowest_doc']}, {tm['slowest_chars']} chars), {tm['chars_per_s']:,} chars/s"
        )
        if isinstance(result["errors"], list):
            for err in result["errors"]:
                print("  " + err)
    return 0


if __name__ == "__main__":
    sys.exit(main())
