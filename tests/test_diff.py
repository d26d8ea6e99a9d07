"""policytext.diff: clause matching, change flags, redlines, and scores on known edits."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from conftest import SAMPLE, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import policytext
from policytext import ConfigError, diff_documents, redline_docx, redline_html, redline_markdown
from policytext.diff._flags import find_cues, find_numbers, lexicon, text_flags
from policytext.diff._textdiff import diff_texts, segments

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def flags_of(a: str, b: str, lang: str = "zh") -> list[str]:
    return text_flags(a, b, diff_texts(a, b), lang=lang)[0]


# --------------------------------------------------------------------------- text diff


@settings(max_examples=60, deadline=None)
@given(
    st.text(alphabet="应当可以理事会秘书处三十日，。\n ab", max_size=60),
    st.text(alphabet="应当可以理事会秘书处三十日，。\n ab", max_size=60),
)
def test_ops_cover_both_texts_exactly(a, b):
    ops = diff_texts(a, b)
    assert "".join(old for _, old, _ in segments(a, b, ops)) == a
    assert "".join(new for _, _, new in segments(a, b, ops)) == b
    for x, y in zip(ops, ops[1:]):
        assert (x.a1, x.b1) == (y.a0, y.b0)


def test_a_one_word_change_is_one_replacement():
    a = "成员单位要求退出本联合体的，应当提前30日书面通知秘书处。"
    b = "成员单位要求退出本联合体的，可以提前60日书面通知秘书处。"
    changed = [(o, n) for tag, o, n in segments(a, b, diff_texts(a, b)) if tag != "equal"]
    assert changed == [("应当", "可以"), ("30", "60")]


def test_english_is_compared_word_by_word():
    a = "The Council shall meet at least twice a year."
    b = "The Board may meet at least once a year."
    changed = [(o, n) for tag, o, n in segments(a, b, diff_texts(a, b)) if tag != "equal"]
    assert ("twice", "once") in changed
    assert all(not re.fullmatch(r"[a-z]", o) for o, _ in changed)  # never single letters


def test_a_deleted_item_is_a_whole_line():
    a = "理事会的职权是：\n（一）执行决议；\n（二）决定成员的吸收和除名；\n（三）审议预算。"
    b = "理事会的职权是：\n（一）执行决议；\n（三）审议预算。"
    changed = [(t, o, n) for t, o, n in segments(a, b, diff_texts(a, b)) if t != "equal"]
    assert changed == [("delete", "（二）决定成员的吸收和除名；\n", "")]


# --------------------------------------------------------------------------- flags


@pytest.mark.parametrize(
    "a, b, expected",
    [
        ("成员单位应当提前通知秘书处。", "成员单位可以提前通知秘书处。", {"weakened"}),
        ("资产管理必须执行财务制度。", "资产管理应当执行财务制度。", {"weakened"}),
        ("不得向第三方披露。", "不宜向第三方披露。", {"weakened"}),
        ("严禁挪用经费。", "不得挪用经费。", {"weakened"}),
        ("不得擅自提高收费。", "可以提高收费。", {"weakened"}),
        (
            "预算应当经理事会通过，并向成员单位公开。",
            "预算应当经理事会通过，并可以向成员单位公开。",
            {"weakened"},
        ),
        ("秘书处可以设立专门委员会。", "秘书处应当设立专门委员会。", {"strengthened"}),
        ("应提前30日通知。", "应当提前30日通知。", {"reworded"}),  # the same duty in another word
        ("提前30日书面通知。", "提前60日书面通知。", {"number_changed"}),
        ("应当在15日内告知。", "应当在十五日内告知。", {"reworded"}),  # the same number written another way
        ("须有三分之二以上成员出席。", "须有二分之一以上成员出席。", {"number_changed"}),
        ("理事会由十五至二十五名理事组成。", "理事会由二十一至三十一名理事组成。", {"number_changed"}),
        ("不少于百分之五十。", "不少于50%。", {"reworded"}),
        ("由理事会决定。", "由秘书处决定。", {"actor_changed"}),
        ("报省教育厅备案。", "报云港市教育局备案，并抄报省教育厅。", {"actor_changed"}),
        ("由教育行政部门负责。", "由人力资源社会保障行政部门负责。", {"actor_changed"}),
        ("由县级以上地方人民政府组织实施。", "由省级人民政府组织实施。", {"actor_changed"}),
        ("依照本章程第二十二条第二款执行。", "依照本章程第二十三条第二款执行。", {"reference_updated"}),
        ("本联合体的名称为：××市××产教联合体。", "本联合体的名称为：云港港航物流产教联合体。", {"filled_in"}),
        ("加强产教融合，促进人才培养。", "强化产教融合，推动人才培养。", {"reworded"}),
        ("The Council shall approve the budget.", "The Council may approve the budget.", {"weakened"}),
        ("Members shall give 30 days' notice.", "Members shall give 60 days' notice.", {"number_changed"}),
    ],
)
def test_text_flags(a, b, expected):
    lang = "en" if re.search(r"[A-Za-z]{3}", a) else "zh"
    got = set(flags_of(a, b, lang)) - {"content_added", "content_removed"}
    assert got == expected


def test_an_added_sentence_with_a_duty_strengthens_and_adds_content():
    a = "成员单位对商业秘密负有保密义务，不得向第三方披露。"
    b = a + "违反保密义务造成损失的，应当依法承担赔偿责任。"
    assert set(flags_of(a, b)) == {"strengthened", "content_added"}


def test_cues_skip_words_that_only_contain_a_cue():
    lex = lexicon("zh")
    cues = [c.text for c in find_cues("适应产业发展，相应调整，应用技术，可持续发展，应当报告", lex)]
    assert cues == ["应当"]


def test_numbers_are_normalised_and_references_are_not_numbers():
    nums = {
        n.text: n.value
        for n in find_numbers("依照第二十二条，三分之二以上，百分之五十，30日内，十五名，半数")
    }
    assert "二十二" not in nums
    assert nums["三分之二"] == pytest.approx(2 / 3)
    assert nums["百分之五十"] == nums["半数"] == 0.5
    assert nums["30"] == 30 and nums["十五"] == 15


# --------------------------------------------------------------------------- matching

TEMPLATE = """示范章程
第一章 总则
第一条 为规范联合体的组织和活动，制定本章程。
第二条 本联合体的名称为：××产教联合体。
第三条 本联合体坚持政府统筹、产业牵引、多元共建的原则。
第二章 成员
第四条 成员单位应当遵守本章程，履行成员义务。
第五条 成员单位要求退出的，应当提前30日书面通知秘书处。
第六条 理事会由15至25名理事组成。理事每届任期3年，可以连选连任。
第七条 理事会会议须有三分之二以上理事出席方能召开。
第八条 本联合体的经费必须用于章程规定的业务范围，不得在成员中分配。
第九条 本章程的解释权属于本联合体理事会。
第十条 本章程经成员大会表决通过。
第十一条 本章程自通过之日起生效。
"""

CHARTER = """云港章程
第一章 总则
第一条 为规范联合体的组织和活动，制定本章程。
第二条 本联合体的名称为：云港港航物流产教联合体。
第三条 本联合体接受观察成员，观察成员列席成员大会但不享有表决权。
第四条 本联合体坚持政府统筹、产业牵引、多元共建的原则。
第二章 成员
第五条 成员单位可以遵守本章程，履行成员义务。
第六条 成员单位要求退出的，应当提前60日书面通知秘书处。
第七条 理事会由15至25名理事组成。
第八条 理事每届任期3年，可以连选连任。
第九条 理事会会议须有三分之二以上理事出席方能召开。
第十条 本章程的解释权属于本联合体秘书处。
第十一条 本章程经成员大会表决通过，自通过之日起生效。
第十二条 本联合体的经费必须用于章程规定的业务范围，不得在成员中分配。
"""


@pytest.fixture(scope="module")
def small():
    return diff_documents(TEMPLATE, CHARTER)


def _change(result, t, c):
    return next(ch for ch in result.changes if ch.template_clause == t and ch.charter_clause == c)


@pytest.mark.parametrize(
    "t, c, status, flags",
    [
        ("第一条", "第一条", "unchanged", []),
        ("第二条", "第二条", "modified", ["filled_in"]),
        (None, "第三条", "added", []),
        ("第三条", "第四条", "unchanged", ["renumbered"]),
        ("第四条", "第五条", "modified", ["weakened", "renumbered"]),
        ("第五条", "第六条", "modified", ["number_changed", "renumbered"]),
        ("第六条", "第七条", "modified", ["split", "renumbered"]),
        ("第六条", "第八条", "modified", ["split", "renumbered"]),
        ("第七条", "第九条", "unchanged", ["renumbered"]),
        ("第八条", "第十二条", "moved", ["renumbered"]),
        ("第九条", "第十条", "modified", ["actor_changed", "renumbered"]),
        ("第十条", "第十一条", "modified", ["merged", "renumbered"]),
        ("第十一条", "第十一条", "modified", ["merged"]),
    ],
)
def test_articles_are_matched_by_content(small, t, c, status, flags):
    ch = _change(small, t, c)
    assert ch.status == status
    assert [f for f in ch.flags if f not in ("reworded", "content_added", "content_removed")] == flags


def test_every_article_appears_once_per_side(small):
    t_seen = [ch.template_clause for ch in small.changes if ch.template_clause]
    c_seen = [ch.charter_clause for ch in small.changes if ch.charter_clause]
    assert sorted(set(t_seen)) == sorted([f"第{n}条" for n in "一二三四五六七八九十"] + ["第十一条"])
    assert len(set(c_seen)) == 12
    assert small.counts() == {"unchanged": 3, "modified": 8, "moved": 1, "added": 1, "removed": 0}


def test_summary_lists_weakened_and_numbers_first(small):
    flagged = small.flagged()
    assert "weakened" in flagged[0].flags
    assert "number_changed" in flagged[1].flags
    assert all(not (set(ch.flags) <= {"renumbered"} and ch.status == "unchanged") for ch in flagged)
    data = small.to_dict()
    assert data["counts"]["moved"] == 1 and data["flagged"][0]["flags"].startswith("weakened")
    assert {"changes", "blocks", "flags"} <= set(data)


def test_documents_without_articles_use_leaf_clauses():
    t = "关于推进联合体建设的通知\n一、总体要求\n（一）到2025年，建设150个联合体。\n（二）各地要加强统筹。\n二、重点任务\n（三）学校应当开展培训。"
    c = "关于推进联合体建设的通知\n一、总体要求\n（一）到2025年，建设100个联合体。\n（二）各地要加强统筹。\n二、重点任务\n（三）学校可以开展培训。"
    r = diff_documents(t, c)
    assert r.level == "leaf"
    by = {ch.charter_clause: ch for ch in r.changes}
    assert by["一、（一）"].flags == ["number_changed"]
    assert by["二、（三）"].flags == ["weakened"]
    assert by["一、（二）"].status == "unchanged"


def test_unknown_level_is_a_config_error():
    with pytest.raises(ConfigError, match="choose one of: auto, article, leaf"):
        diff_documents(TEMPLATE, CHARTER, level="chapter")


def test_stale_reference_is_reported():
    t = "第一条 甲。\n第二条 理事会会议须有三分之二以上理事出席。\n第三条 依照本章程第二条召开会议。"
    c = "第一条 甲。\n第二条 新增的条款内容与其他条款无关，规定联合体的标识。\n第三条 理事会会议须有三分之二以上理事出席。\n第四条 依照本章程第二条召开会议。"
    ch = _change(diff_documents(t, c), "第三条", "第四条")
    assert ch.status == "unchanged" and "stale_reference" in ch.flags


# --------------------------------------------------------------------------- redlines


def test_html_is_self_contained_escaped_and_cjk_ready():
    t = "第一条 成员<script>alert(1)</script>应当遵守本章程。"
    c = "第一条 成员<script>alert(1)</script>可以遵守本章程 & 规定。"
    page = redline_html(diff_documents(t, c))
    assert "<script>" not in page and "&lt;script&gt;" in page and "&amp; 规定" in page
    assert "Noto Serif CJK SC" in page and "SimSun" in page
    assert not re.search(r"https?://|<link|@import|src=", page)
    assert '<meta charset="utf-8">' in page
    assert "<del>应当</del>" in page and "<ins>可以</ins>" in page


def test_markdown_styles(small):
    gfm = redline_markdown(small)
    assert gfm.index("## Summary") < gfm.index("## Changes")
    assert "~~30~~**60**" in gfm
    plain = redline_markdown(small, style="plain")
    assert "[-30-]{+60+}" in plain
    with pytest.raises(ConfigError):
        redline_markdown(small, style="latex")


def _paragraph_texts(xml: bytes, *, accept: bool) -> str:
    """The document text with every revision accepted (or rejected), paragraphs joined by newlines."""
    root = etree.fromstring(xml)
    out: list[str] = []
    for p in root.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr")
        removed_mark = mark is not None and mark.find(f"{W}del" if accept else f"{W}ins") is not None
        text = []
        for el in p.iter(f"{W}t", f"{W}delText"):
            inside_del = any(a.tag == f"{W}del" for a in el.iterancestors())
            inside_ins = any(a.tag == f"{W}ins" for a in el.iterancestors())
            if (accept and not inside_del) or (not accept and not inside_ins):
                text.append(el.text or "")
        out.append("".join(text) + ("" if removed_mark else "\n"))
    return re.sub(r"\n+", "\n", "".join(out)).strip()


def _docx_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_docx_has_real_tracked_changes(small, tmp_path):
    path = tmp_path / "redline.docx"
    data = redline_docx(small, path, author="审阅人")
    assert path.read_bytes() == data
    xml = _docx_xml(data)
    root = etree.fromstring(xml)
    dels, inss = list(root.iter(f"{W}del")), list(root.iter(f"{W}ins"))
    assert dels and inss
    ids = [el.get(f"{W}id") for el in dels + inss]
    assert len(ids) == len(set(ids))
    for el in dels + inss:
        assert el.get(f"{W}author") == "审阅人" and el.get(f"{W}date") == "2000-01-01T00:00:00Z"
    for el in dels:
        assert not list(el.iter(f"{W}t")), "a deleted run must use w:delText"
    for el in inss:
        assert not list(el.iter(f"{W}delText"))
    import docx

    assert docx.Document(str(path)).paragraphs  # python-docx opens it


def test_docx_accept_all_gives_the_charter_and_reject_all_the_template(small):
    xml = _docx_xml(redline_docx(small))
    accepted = _paragraph_texts(xml, accept=True)
    rejected = _paragraph_texts(xml, accept=False)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert squeeze(accepted) == squeeze(CHARTER)
    assert squeeze(rejected) == squeeze(TEMPLATE)


def test_docx_is_deterministic_and_takes_a_date(small):
    assert redline_docx(small) == redline_docx(small)
    xml = _docx_xml(redline_docx(small, date="2024-05-01T09:30:00+08:00"))
    assert b'w:date="2024-05-01T01:30:00Z"' in xml
    with pytest.raises(ConfigError, match="ISO date"):
        redline_docx(small, date="yesterday")


# --------------------------------------------------------------------------- the sample charters

SCORED = ("weakened", "strengthened", "number_changed", "actor_changed", "split", "merged", "renumbered")


@pytest.fixture(scope="module")
def sample_scores():
    import diff_cases

    edits = yaml.safe_load((SAMPLE / "charters" / "EDITS.yaml").read_text(encoding="utf-8"))
    template = policytext.read(SAMPLE / "documents" / edits["template"]["file"])
    out = {}
    for name, entry in edits["charters"].items():
        result = diff_documents(template, policytext.read(SAMPLE / "documents" / entry["file"]))
        out[name] = diff_cases.score(entry["edits"], result, flags=SCORED)
    return out


def test_sample_charters_status_and_flags(sample_scores):
    import diff_cases

    for name, s in sample_scores.items():
        assert s["status_accuracy"] >= 0.95, (name, s["errors"])
    total = diff_cases.combine(sample_scores.values())
    for flag in ("weakened", "number_changed"):
        assert total["flags"][flag]["recall"] == 1.0, total["flags"][flag]
        assert total["flags"][flag]["precision"] >= 0.9, total["flags"][flag]
    for flag in ("strengthened", "actor_changed", "split", "merged"):
        assert total["flags"][flag]["recall"] >= 0.75, (flag, total["flags"][flag])


# --------------------------------------------------------------------------- generated from real regulations


def _cases(count: int, seed: int, hard: bool = False):
    import diff_cases

    shared = shared_path("corpora", "directives").parent.parent
    return diff_cases.make_cases(Path(shared), count, seed=seed, hard=hard, max_articles=120)


def _check(cases, *, accuracy: float):
    import diff_cases

    scores = [diff_cases.score(c.truth, diff_documents(c.template, c.charter)) for c in cases]
    total = diff_cases.combine(scores)
    assert total["status_accuracy"] >= accuracy, [
        (c.name, s["errors"]) for c, s in zip(cases, scores) if s["errors"]
    ]
    for flag in ("weakened", "number_changed"):
        assert total["flags"][flag]["recall"] == 1.0, (flag, total["flags"][flag])
        assert total["flags"][flag]["precision"] >= 0.95, (flag, total["flags"][flag])
    return total


def test_generator_is_deterministic_and_edits_what_it_says():
    import diff_cases

    text = "条例\n第一章 总则\n" + "\n".join(
        f"第{diff_cases.zh(k)}条 有关部门应当在{k + 10}日内必须报告第{k}项事务，不得拖延，并由理事会审议。"
        for k in range(1, 21)
    )
    a = diff_cases.make_case(text, seed=3, donors=[text.replace("理事会", "秘书处")])
    b = diff_cases.make_case(text, seed=3, donors=[text.replace("理事会", "秘书处")])
    assert a is not None and a.charter == b.charter and a.truth == b.truth
    assert a.charter != a.template
    statuses = {e["status"] for e in a.truth}
    assert {"removed", "added"} <= statuses
    labels = re.findall(r"^第([一二三四五六七八九十]+)条", a.charter, re.M)
    from policytext.structure import zh_number

    assert [zh_number(x) for x in labels] == list(range(1, len(labels) + 1))


@pytest.mark.shared
def test_generated_charters_from_real_regulations():
    _check(_cases(6, seed=11) + _cases(4, seed=12, hard=True), accuracy=0.95)


@pytest.mark.slow
@pytest.mark.shared
def test_generated_charters_many():
    total = _check(_cases(60, seed=21) + _cases(60, seed=22, hard=True), accuracy=0.97)
    assert total["flags"]["split"]["recall"] >= 0.9 and total["flags"]["merged"]["recall"] >= 0.9


@pytest.mark.parametrize(
    "template, charter",
    [
        ("第一条 当事人应当在30日内缴纳60元。\n第二条 本办法自公布之日起施行。",
         "第一条 当事人应当在60日内缴纳30元。\n第二条 本办法自公布之日起施行。"),
        ("Article 1 The party shall within 30 days pay 60 yuan.\nArticle 2 This takes effect.",
         "Article 1 The party shall within 60 days pay 30 yuan.\nArticle 2 This takes effect."),
    ],
)
def test_two_numbers_swapped_in_one_article_are_flagged(template, charter):
    result = policytext.diff_documents(template, charter)
    first = result.changes[0]
    assert first.status == "modified"
    assert "number_changed" in first.flags


def test_bearers_swapped_between_roles_is_an_actor_change():
    template = "第一条 理事长由牵头的设区市人民政府分管负责人担任，副理事长由园区管理机构和龙头企业负责人担任。"
    charter = "第一条 理事长由龙头企业主要负责人担任，副理事长由牵头的设区市人民政府分管负责人、园区管理机构负责人担任。"
    result = policytext.diff_documents(template, charter)
    assert "actor_changed" in result.changes[0].flags


def test_markdown_summary_rows_stay_on_one_line_when_a_detail_spans_lines():
    # the sample's 澄湖 charter fills in the template's closing article across a line break
    charters = SAMPLE / "sources" / "charters"
    result = diff_documents(
        policytext.read(charters / "donghai_2023_consortium-charter-template.txt"),
        policytext.read(charters / "chenghu_2025_modern-agriculture-consortium-charter.txt"),
    )
    md = redline_markdown(result)
    rows = [line for line in md.splitlines() if line.startswith("| 第")]
    assert any("第五十二条" in line for line in rows)
    assert all(line.rstrip().endswith("|") and line.count(" | ") == 4 for line in rows), rows
