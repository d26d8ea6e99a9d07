"""Draw the sentences of ``bearer_zh.tsv`` (run once; the labels were then written by hand).

A bearer-focused set: sentences with a deontic surface cue (any of the words a
reader would look at: 应当, 应, 须, 不得, 禁止, 可以, 有权, 鼓励, 支持, 要, 负责,
牵头 …), drawn with a fixed seed, per document, in three genres:

- ``law``: 32 laws and State Council regulations of ``gold/laws_lawrefbook``
  (行政法, 行政法规, 社会法) that neither ``deontic_zh.tsv`` nor
  ``fresh_zh.tsv`` cites;
- ``local``: the six local vocational-education regulations of
  ``gold/laws_lawrefbook/地方性法规`` and four further local education
  regulations of ``corpora/local``: every sentence that an earlier set holds is
  removed, but the documents themselves were seen by the earlier sets (there
  are no other local vocational-education regulations in ``../shared``);
- ``notice``: central ministries' notices, opinions and plans of the
  smart-technology set that no earlier set cites, plus the Ministry of
  Education's 2026 opinion and the 2025 plan (documents seen, sentences new).

The rule the classifier follows was not run while drawing or labelling.
Documents are split 50/50 into ``bearer_dev`` and ``bearer_test`` within each
genre with a seeded shuffle.

Usage: ``python tests/data/obligations/sample_bearer.py ../shared > draft.tsv``
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import _draw  # noqa: E402
from _draw import norm  # noqa: E402

SEED = 20260520
LAWS = [
    "行政法/体育法(2022-06-24).md",
    "行政法/档案法(2020-06-20).md",
    "行政法/公共文化服务保障法(2016-12-25).md",
    "行政法/国家通用语言文字法(2000-10-31).md",
    "行政法/学位条例(2004-08-28).md",
    "行政法/科学技术进步法(2021-12-24).md",
    "行政法/促进科技成果转化法(2015-08-29).md",
    "行政法/非物质文化遗产法(2011-02-25).md",
    "行政法/法律援助法(2021-08-20).md",
    "行政法/医师法(2021-08-20).md",
    "行政法/基本医疗卫生与健康促进法(2019-12-28).md",
    "行政法规/学校卫生工作条例(1990-06-04).md",
    "行政法规/普通高等学校设置暂行条例(1986-12-15).md",
    "行政法规/高等教育管理职责暂行规定(1986-03-12).md",
    "行政法规/征收教育费附加的暂行规定(2011-01-08).md",
    "行政法规/劳动合同法实施条例(2008-09-18).md",
    "行政法规/工伤保险条例(2010-12-20).md",
    "行政法规/女职工劳动保护特别规定(2012-04-28).md",
    "行政法规/劳动保障监察条例(2004-11-01).md",
    "行政法规/社会保险经办条例(2023-08-16).md",
    "行政法规/劳动就业服务企业管理规定(1990-11-22).md",
    "社会法/残疾人保障法(2018-10-26).md",
    "社会法/老年人权益保障法(2018-12-29).md",
    "社会法/妇女权益保障法(2022-10-30).md",
    "社会法/工会法(2021-12-24).md",
    "社会法/爱国主义教育法(2023-10-24).md",
    "社会法/预防未成年人犯罪法(2020-12-26).md",
    "社会法/无障碍环境建设法(2023-06-28).md",
    "社会法/反家庭暴力法(2015-12-27).md",
    "社会法/劳动法(2018-12-29).md",
    "社会法/社会保险法(2018-12-29).md",
    "社会法/职业病防治法(2018-12-29).md",
]
LOCAL_VE = [
    "地方性法规/上海市职业教育条例(2018-11-22).md",
    "地方性法规/北京市实施《职业教育法》办法.md",
    "地方性法规/宁波市中等职业教育条例(2010-08-11).md",
    "地方性法规/宁波市职业教育校企合作促进条例(2020-10-10).md",
    "地方性法规/河南省实施《职业教育法》办法(2010-07-30).md",
    "地方性法规/青岛市职业教育条例(2015-09-24).md",
]
LOCAL_OTHER = [
    "ningbo_vocational-skills-training-regulation_2016.md",
    "henan_vocational-training-regulation_2017.md",
    "shanghai_lifelong-education-promotion-regulation_2011.md",
    "shanghai_higher-education-promotion-regulation_2017.md",
]
# central records (1-based lines) of the smart-technology JSONL that no earlier set
# cites and that are notices, opinions, plans or measures of a ministry, a general
# office or the State Council (not reports, news items, standards lists or duplicates)
SMART = [
    11,
    16,
    17,
    31,
    36,
    45,
    46,
    54,
    56,
    71,
    73,
    87,
    89,
    91,
    92,
    95,
    100,
    103,
    118,
    120,
    130,
    132,
    139,
    146,
    150,
    152,
    156,
    157,
    160,
]
DIRECTIVES = [
    "moe_2026_deepening-key-teaching-elements-reform_jiaozhicheng-2026-1.txt",
    "cpc-sc_2025_education-power-plan-2024-2035.txt",
]
PER_DOC = {"law": 5, "local_ve": 14, "local_other": 7, "smart": 5, "directive": 16}
# a second round, drawn after the first was labelled, to bring the sentences with a
# stated bearer above 300 (fragments and duplicates of the first round were dropped)
SECOND = {"law": 2, "local_ve": 4, "local_other": 2, "smart": 1, "directive": 6}
CUE = re.compile(
    r"应当|应该|(?<![适相对响供反回呼效答感照顺报承])应(?![用急聘届对变收付纳征激邀允试考战尽运景往答声诺])|"
    r"必须|(?<![必无毋])须|(?<![所必确供急无按如不亟])需(?![要求])|不得|禁止|严禁|不准|可以|(?<![许认宁不无尽])可(?![能行靠见])|"
    r"有权|享有|享受|鼓励|支持|引导|倡导|提倡|(?<![需主重纲必首只提紧])要(?![求素点件闻领旨义])|负责(?!人)|牵头|允许|方可"
)


def sentences_of(lines: list[str]) -> list[tuple[int, str, str]]:
    """(line number, sentence, lead-in context) for every usable sentence (8 to 260 characters)."""
    return _draw.sentences_of(lines, min_len=8)


def _law_rows(path: Path) -> list[tuple[str, str, str]]:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.rpartition("<!-- INFO END -->")
    offset = len(head.splitlines()) - 1 if head else 0
    return [(str(no + offset), s, c) for no, s, c in sentences_of(body.splitlines())]


def main(shared: Path) -> None:
    rng = random.Random(SEED)
    seen: set[str] = set()
    here = Path(__file__).parent
    for name in ("deontic_zh.tsv", "fresh_zh.tsv"):
        lines = (here / name).read_text(encoding="utf-8").splitlines()
        header = lines[0].split("\t")
        seen |= {norm(dict(zip(header, r.split("\t")))["sentence"]) for r in lines[1:] if r}
    docs: list[tuple[str, str, str, list[tuple[str, str, str]]]] = []  # genre, family, source, rows
    for name in LAWS:
        rows = _law_rows(shared / "gold" / "laws_lawrefbook" / name)
        docs.append(("law", "law", f"gold/laws_lawrefbook/{name}", rows))
    for name in LOCAL_VE:
        rows = _law_rows(shared / "gold" / "laws_lawrefbook" / name)
        docs.append(("local", "local_ve", f"gold/laws_lawrefbook/{name}", rows))
    for name in LOCAL_OTHER:
        rows = _law_rows(shared / "corpora" / "local" / name)
        docs.append(("local", "local_other", f"corpora/local/{name}", rows))
    smart = shared / "corpora" / "series" / "smart-tech-policies_central166_shandong55.jsonl"
    records = smart.read_text(encoding="utf-8").splitlines()
    for rec in SMART:
        content = json.loads(records[rec - 1])["content_zh"]
        rows = [(f"{rec}:{no}", s, c) for no, s, c in sentences_of(content.splitlines())]
        docs.append(("notice", "smart", f"corpora/series/{smart.name}#{rec}", rows))
    for name in DIRECTIVES:
        text = (shared / "corpora" / "directives" / name).read_text(encoding="utf-8")
        rows = [(str(no), s, c) for no, s, c in sentences_of(text.splitlines())]
        docs.append(("notice", "directive", f"corpora/directives/{name}", rows))
    split_of: dict[str, str] = {}
    for genre in ("law", "local", "notice"):
        names = [d[2] for d in docs if d[0] == genre]
        rng.shuffle(names)
        for k, name in enumerate(names):
            split_of[name] = "bearer_dev" if k % 2 == 0 else "bearer_test"
    print("\t".join(["id", "split", "genre", "source", "line", "sentence", "context", "modality", "actor"]))
    k = 0
    taken: set[tuple[str, str, str]] = set()
    for per_doc in (PER_DOC, SECOND):
        for _genre, family, source, rows in docs:
            pool = [
                r
                for r in rows
                if CUE.search(r[1]) and norm(r[1]) not in seen and (source, *r[:2]) not in taken
            ]
            picks = rng.sample(pool, min(per_doc[family], len(pool)))
            for line, sent, ctx in sorted(picks, key=lambda r: (int(r[0].split(":")[-1]), r[1])):
                k += 1
                taken.add((source, line, sent))
                print("\t".join([f"b{k:04d}", split_of[source], _genre, source, line, sent, ctx, "", ""]))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared"))
