"""Draw the sentences of ``fresh_zh.tsv`` (run once; the labels were then written by hand).

The fresh set is independent of ``deontic_zh.tsv``: other documents (laws and
State Council regulations of ``gold/laws_lawrefbook`` that are not in
``corpora``, the Guangzhou normative documents, smart-technology notices the
first set did not draw from) plus the local vocational-education regulations of
``gold/laws_lawrefbook/地方性法规`` with every sentence of ``deontic_zh.tsv``
removed. Per document a fixed number of sentences is drawn at random (any
sentence, cue or not), then a second draw takes sentences matching hard cases
(hard negatives such as 可以看出 / 需要 / 是指 / 应用, and the rarer classes),
a few per pattern. Documents are split 50/50 into ``fresh_dev`` and
``fresh_test`` within each source family.

Usage: ``python tests/data/obligations/sample_fresh.py ../shared > draft.tsv``
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

import policytext

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from _draw import norm  # noqa: E402

SEED = 20260412
LAWS = [
    "行政法/学前教育法(2024-11-08).md",
    "社会法/学位法(2024-04-26).md",
    "社会法/家庭教育促进法(2021-10-23).md",
    "行政法规/教育督导条例(2012-09-09).md",
    "行政法规/教师资格条例(1995-12-12).md",
    "行政法规/残疾人教育条例(2017-02-01).md",
    "行政法规/幼儿园管理条例(1989-09-11).md",
    "行政法规/学校体育工作条例(2017-03-01).md",
    "社会法/劳动合同法(2012-12-28).md",
    "社会法/未成年人保护法(2024-04-26).md",
    "行政法/公共图书馆法(2018-10-26).md",
    "行政法/科学技术普及法(2024-12-25).md",
    "行政法/行政许可法(2019-04-23).md",
    "社会法/慈善法(2023-12-29).md",
    "社会法/安全生产法(2021-06-10).md",
    "经济法/中小企业促进法(2017-09-01).md",
    "经济法/乡村振兴促进法(2021-04-29).md",
    "行政法/国防教育法(2024-09-13).md",
    "行政法/网络安全法(2016-11-07).md",
    "经济法/农业技术推广法(2024-04-26).md",
    "行政法规/高等教育自学考试暂行条例(2014-07-29).md",
    "行政法规/残疾人就业条例(2007-02-25).md",
]
LOCAL = [
    "地方性法规/上海市职业教育条例(2018-11-22).md",
    "地方性法规/北京市实施《职业教育法》办法.md",
    "地方性法规/宁波市中等职业教育条例(2010-08-11).md",
    "地方性法规/宁波市职业教育校企合作促进条例(2020-10-10).md",
    "地方性法规/河南省实施《职业教育法》办法(2010-07-30).md",
    "地方性法规/青岛市职业教育条例(2015-09-24).md",
]
# records (1-based lines) of the smart-technology JSONL that deontic_zh.tsv does not cite:
# Ministry of Education notices, other ministries' notices and measures, Shandong notices
SMART = [
    3,
    4,
    24,
    39,
    44,
    52,
    53,
    55,
    57,
    58,
    66,
    68,
    70,
    79,
    135,
    178,
    182,
    188,
    198,
    201,
    202,
    206,
    209,
    211,
    212,
    214,
    219,
    220,
]
PER_DOC = {"law": 6, "local": 6, "guangzhou": 7, "smart": 4}
HARD = [
    r"可以看出|可以说|可见|可以看到",
    r"需要",
    r"(?<![必只])需(?!要)",
    r"重要|主要|要素|要点|纲要|要求",
    r"是指|所称",
    r"除[^，。；]{1,40}外",
    r"(?:^|[，；])但(?:是)?",
    r"应用|应急|相应|适应|响应|供应|对应",
    r"[“《][^”》]*(?:必须|应当|不得|鼓励)[^”》]*[”》]",
    r"不得不|不准确|不能",
    r"负责人|负责制|负责任",
    r"技术支持|提供[^，。；]{0,6}支持|支持政策|引导作用|舆论引导",
    r"不得|禁止|严禁|不准",
    r"鼓励|倡导|提倡",
    r"支持|引导",
    r"有权|享有|享受",
    r"可(?!以)",
    r"^(?:[（(][一二三四五六七八九十]+[）)]|\d+[.．、])",
]
PER_HARD = 4
# a second draw so that the rarer classes and the hardest negatives have enough support
SUPPLEMENT = [
    (r"不得|禁止|严禁|不准|不许", 22),
    (r"鼓励|倡导|提倡", 14),
    (r"(?<![提供给予])支持|引导", 14),
    (r"有权|享有|享受", 6),
    (r"(?<![必只无])需(?!要|求)|需要(?=[^，。；]{0,4}(?:提交|提供|具备|满足|符合))", 6),
    (r"应用|应急|相应|适应|响应|供应|对应|反应|回应", 6),
    (r"(?:^|[，；])(?:但|但是)", 4),
    (r"负责人|负责制", 4),
    (r"要求|主要|重要|需要", 6),
]
RARE = [
    (r"可以看出|可以说|可见|可以看到", 5),
    (r"不得不|不准确|不能", 4),
    (r"[“《][^”》]*(?:必须|应当|不得|鼓励|支持)[^”》]*[”》]", 4),
    (r"关于[^，。]*鼓励", 1),
]


def sentences_of(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line number, sentence, lead-in context) for every usable sentence (6 to 260 characters)."""
    return _draw.sentences_of(lines, min_len=6)


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    old = Path(__file__).with_name("deontic_zh.tsv").read_text(encoding="utf-8").splitlines()
    header = old[0].split("\t")
    seen = {norm(dict(zip(header, r.split("\t")))["sentence"]) for r in old[1:] if r}
    docs: list[tuple[str, str, str, list[tuple[str, str, str]]]] = []  # family, source, split, rows
    for family, names in (("law", LAWS), ("local", LOCAL)):
        for name in names:
            path = shared / "gold" / "laws_lawrefbook" / name
            text = path.read_text(encoding="utf-8").split("<!-- INFO END -->")[-1]
            head = len(path.read_text(encoding="utf-8").split("<!-- INFO END -->")[0].splitlines()) - 1
            rows = [(str(no + head), s, c) for no, s, c in sentences_of(text.splitlines())]
            docs.append((family, f"gold/laws_lawrefbook/{name}", "", rows))
    for path in sorted((shared / "corpora" / "local" / "html").glob("*.html")):
        doc = policytext.read(path)
        rows = [(str(no), s, c) for no, s, c in sentences_of(doc.text.splitlines())]
        docs.append(("guangzhou", f"corpora/local/html/{path.name}", "", rows))
    smart = shared / "corpora" / "series" / "smart-tech-policies_central166_shandong55.jsonl"
    with open(smart, encoding="utf-8") as fh:
        records = fh.read().splitlines()
    for rec in SMART:
        content = json.loads(records[rec - 1])["content_zh"]
        rows = [(f"{rec}:{no}", s, c) for no, s, c in sentences_of(content.splitlines())]
        docs.append(("smart", f"corpora/series/{smart.name}#{rec}", "", rows))
    # split by document, within each family
    split_of: dict[str, str] = {}
    for family in PER_DOC:
        names = [d[1] for d in docs if d[0] == family]
        rng.shuffle(names)
        for k, name in enumerate(names):
            split_of[name] = "fresh_dev" if k % 2 == 0 else "fresh_test"
    chosen: dict[tuple[str, str, str], str] = {}
    pool: list[tuple[str, str, str, str]] = []
    for family, source, _split, rows in docs:
        rows = [r for r in rows if norm(r[1]) not in seen]
        picks = rng.sample(rows, min(PER_DOC[family], len(rows)))
        for line, sent, ctx in picks:
            chosen.setdefault((source, line, sent), ctx)
        pool.extend((source, line, sent, ctx) for line, sent, ctx in rows)
    for pattern in HARD:
        rx = re.compile(pattern)
        matches = [p for p in pool if rx.search(p[2]) and (p[0], p[1], p[2]) not in chosen]
        for source, line, sent, ctx in rng.sample(matches, min(PER_HARD, len(matches))):
            chosen[(source, line, sent)] = ctx
    extra: dict[tuple[str, str, str], str] = {}
    for pattern, count in SUPPLEMENT:
        rx = re.compile(pattern)
        matches = [
            p
            for p in pool
            if rx.search(p[2]) and (p[0], p[1], p[2]) not in chosen and (p[0], p[1], p[2]) not in extra
        ]
        for source, line, sent, ctx in rng.sample(matches, min(count, len(matches))):
            extra[(source, line, sent)] = ctx
    # rare hard negatives (可以看出, 不得不, 必须 inside a quoted name ...) that the documents
    # above lack: drawn from the other smart-technology records, minus deontic_zh.tsv
    rare: dict[tuple[str, str, str], str] = {}
    others: list[tuple[str, str, str, str]] = []
    for rec in range(1, len(records) + 1):
        if rec in SMART:
            continue
        content = json.loads(records[rec - 1])["content_zh"]
        source = f"corpora/series/{smart.name}#{rec}"
        others.extend(
            (source, f"{rec}:{no}", s, c)
            for no, s, c in sentences_of(content.splitlines())
            if norm(s) not in seen
        )
    for pattern, count in RARE:
        rx = re.compile(pattern)
        matches = [p for p in others if rx.search(p[2]) and (p[0], p[1], p[2]) not in rare]
        for source, line, sent, ctx in rng.sample(matches, min(count, len(matches))):
            rare[(source, line, sent)] = ctx
    names = sorted({k[0] for k in rare})
    rng.shuffle(names)
    for k, name in enumerate(names):
        split_of[name] = "fresh_dev" if k % 2 == 0 else "fresh_test"
    print("\t".join(["id", "split", "source", "line", "sentence", "context", "modality", "actor"]))
    rows = sorted(chosen.items()) + sorted(extra.items()) + sorted(rare.items())
    for k, ((source, line, sent), ctx) in enumerate(rows, 1):
        print("\t".join([f"f{k:04d}", split_of[source], source, line, sent, ctx, "", ""]))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
