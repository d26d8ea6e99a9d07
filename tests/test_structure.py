"""The clause tree: laws (编章节条款项目), notices (一、（一）1.（1）①), English charters."""

from __future__ import annotations

import importlib.util
import sys

import pytest
from conftest import ROOT, shared_path
from hypothesis import given, settings
from hypothesis import strategies as st

import policytext
from policytext import Document, Page, clause_at, parse, parse_warnings
from policytext.structure import CLAUSE_LEVELS, zh_number

LAW = """中华人民共和国示范法

第一章 总 则

第一条 为了规范示范管理，制定本法。

第二条 本法适用于下列单位：
（一）学校；
（二）企业，包括：
1.国有企业；
2.民营企业；
（三）其他组织。
前款规定的单位应当依照本法第十二条的规定履行职责。
第三十二条第二款修改为：本句是引用，不是条文。

第二章 管 理
第一节 一般规定

第三条 国家鼓励示范。
第三条之一 新增条文。
笫五条 本条的笫是排印错误。
第六 条 本条的空格是排印错误。
第六条 本条重复了条号。

第三章 附 则

第七条 本法自2026年1月1日起施行。
"""


def by_id(clauses):
    return {c.id: c for c in clauses}


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零八", 108),
        ("一百二十八", 128),
        ("两千零一", 2001),
        ("二〇二六", 2026),
        ("一〇", 10),
        ("三百零五", 305),
        ("一千二百三十四", 1234),
        ("12", 12),
        ("１２", 12),
        ("廿一", 21),
        ("", None),
        ("第", None),
    ],
)
def test_zh_number(text, value):
    assert zh_number(text) == value


# --------------------------------------------------------------------------- laws


def test_law_tree_ids_levels_and_exact_spans():
    doc = Document(id="x", source="law.txt", format="txt", text=LAW)
    clauses = parse(doc)
    assert doc.clauses is clauses
    for c in clauses:
        assert LAW[c.start : c.end] == c.text
        assert c.level in CLAUSE_LEVELS
        assert c.text == c.text.strip()
    ids = [c.id for c in clauses]
    assert len(ids) == len(set(ids))
    assert [c.start for c in clauses] == sorted(c.start for c in clauses)
    got = {c.id: (c.level, c.label, c.number) for c in clauses}
    assert got["preamble"] == ("preamble", "", None)
    assert got["ch1"] == ("chapter", "第一章", 1)
    assert got["ch1.art2"] == ("article", "第二条", 2)
    assert got["ch1.art2.p1"] == ("paragraph", "", 1)
    assert got["ch1.art2.p1.i2"] == ("item", "（二）", 2)
    assert got["ch1.art2.p1.i2.s1"] == ("subitem", "1.", 1)
    assert got["ch2.sec1.art3-1"] == ("article", "第三条之一", 3)
    assert got["ch3.art7"] == ("article", "第七条", 7)


def test_chapter_titles_drop_typesetting_spaces():
    clauses = by_id(parse(LAW))
    assert clauses["ch1"].title == "总则"
    assert clauses["ch2"].title == "管理"
    assert clauses["ch2.sec1"].title == "一般规定"
    assert clauses["ch2.sec1"].level == "section"


def test_kuan_each_line_of_an_article_is_a_paragraph_items_stay_in_theirs():
    clauses = by_id(parse(LAW))
    art2 = clauses["ch1.art2"]
    paragraphs = [c for c in clauses.values() if c.parent == art2.id]
    assert [p.id for p in paragraphs] == ["ch1.art2.p1", "ch1.art2.p2", "ch1.art2.p3"]
    assert paragraphs[0].text.startswith("本法适用于下列单位：")
    assert paragraphs[0].text.endswith("（三）其他组织。")
    assert paragraphs[1].text == "前款规定的单位应当依照本法第十二条的规定履行职责。"
    # the items belong to the article's first paragraph, and the 目 to their 项
    assert clauses["ch1.art2.p1.i3"].parent == "ch1.art2.p1"
    assert clauses["ch1.art2.p1.i2.s2"].text == "2.民营企业；"
    assert art2.text.endswith("本句是引用，不是条文。")


def test_references_are_not_headings():
    articles = [c for c in parse(LAW) if c.level == "article"]
    # 依照本法第十二条的规定 mid-line and 第三十二条第二款修改为 at a line start are references
    assert [c.number for c in articles] == [1, 2, 3, 3, 5, 6, 6, 7]
    assert not any(c.number in (12, 32) for c in articles)


def test_typos_and_numbering_problems_are_tolerated_and_reported():
    doc = Document(id="x", source="law.txt", format="txt", text=LAW, warnings=["read: earlier warning"])
    clauses = by_id(parse(doc))
    assert clauses["ch2.sec1.art5"].label == "笫五条"
    assert clauses["ch2.sec1.art6"].label == "第六 条"
    assert clauses["ch2.sec1.art6~2"].label == "第六条"  # a repeated number still gets a unique id
    warnings = doc.warnings
    assert warnings[0] == "read: earlier warning"
    assert any("笫五条" in w and "笫" in w for w in warnings)
    assert any("第六 条" in w and "space" in w for w in warnings)
    assert any("笫五条" in w and "gap" in w for w in warnings)
    assert any("line 22" in w and "repeated" in w for w in warnings)
    assert parse_warnings(LAW) == warnings[1:]
    # parsing again does not pile up the same warnings
    parse(doc)
    assert doc.warnings == warnings


def test_articles_before_any_chapter_and_markdown_heading_marks():
    text = "## 第一章 总则\n\n第一条 甲。\n\n### 第一节 乙\n\n第二条 丙。\n"
    clauses = by_id(parse(text))
    assert clauses["ch1"].title == "总则"
    assert clauses["ch1"].start == text.index("第一章")
    assert clauses["ch1.sec1.art2"].text == "第二条 丙。"


def test_article_title_in_brackets():
    clauses = by_id(
        parse("第一条【立法目的】为了规范管理，制定本条例。\n第二条【适用范围】本条例适用于本市。")
    )
    assert clauses["art1"].title == "立法目的"
    assert clauses["art2"].title == "适用范围"


def test_long_chapter_like_lines_are_prose():
    clauses = parse(
        "第一条 甲。\n第七节相应改为第八节，第一百二十三条至第一百三十八条相应改为第一百二十八条至第一百四十三条。"
    )
    assert [c.level for c in clauses] == ["article", "paragraph", "paragraph"]


def test_table_of_contents_is_kept_in_the_preamble():
    text = "示范条例\n目录\n第一章 总则\n第二章 附则\n第一章 总则\n第一条 甲。\n第二章 附则\n第二条 乙。"
    clauses = parse(text)
    assert clauses[0].level == "preamble"
    assert "第二章 附则" in clauses[0].text
    assert [c.id for c in clauses if c.level == "chapter"] == ["ch1", "ch2"]
    assert by_id(clauses)["ch1"].start == text.index("第一章 总则\n第一条")


def test_dot_leader_contents_without_a_heading():
    text = "规划\n一、现状........1\n二、任务........3\n前言段落。\n一、现状\n内容。\n二、任务\n内容。"
    clauses = parse(text)
    assert [c.id for c in clauses] == ["preamble", "sec1", "sec2"]
    assert clauses[0].text.endswith("前言段落。")


# --------------------------------------------------------------------------- notices

NOTICE = """教育部关于推进示范工作的通知
教职成〔2026〕9号

各省、自治区、直辖市教育厅（教委）：

为推进示范工作，现通知如下。

一、总体要求

到2027年，建成示范体系。

二、主要任务

（一）完善示范机制。建立示范机制。
1.建设标准。制定标准。
（1）国家标准；
①基础标准。
②专业标准。
（2）行业标准。
2.建设平台。
各地要加强协同。

（二）加强示范管理。落实责任。

三、组织实施

各地要抓好落实。

附件：1.示范名单
2.申报表

教育部
2026年2月4日

（此件主动公开）
"""


def test_notice_hierarchy_levels_and_titles():
    clauses = by_id(parse(NOTICE))
    expect = {
        "sec1": ("section", "一、", "总体要求"),
        "sec2": ("section", "二、", "主要任务"),
        "sec2.i1": ("item", "（一）", "完善示范机制"),
        "sec2.i1.s1": ("subitem", "1.", "建设标准"),
        "sec2.i1.s1.s1": ("subitem", "（1）", ""),
        "sec2.i1.s1.s1.s1": ("subitem", "①", "基础标准"),
        "sec2.i1.s2": ("subitem", "2.", "建设平台"),
        "sec2.i2": ("item", "（二）", "加强示范管理"),
        "sec3": ("section", "三、", "组织实施"),
    }
    for cid, (level, label, title) in expect.items():
        assert (clauses[cid].level, clauses[cid].label, clauses[cid].title) == (level, label, title), cid
    # a plain line after a list item stays in it
    assert clauses["sec2.i1.s2"].text == "2.建设平台。\n各地要加强协同。"
    assert clauses["sec2.i1.s1.s1.s2"].parent == "sec2.i1.s1.s1"


def test_notice_preamble_and_closing_are_kept_apart():
    clauses = parse(NOTICE)
    pre, close = clauses[0], clauses[-1]
    assert pre.level == "preamble" and pre.id == "preamble"
    assert "教职成〔2026〕9号" in pre.text and pre.text.endswith("现通知如下。")
    assert close.level == "closing" and close.id == "closing"
    assert close.text.startswith("附件：1.示范名单") and close.text.endswith("（此件主动公开）")
    assert "2026年2月4日" in close.text
    body = by_id(clauses)["sec3"]
    assert body.text == "三、组织实施\n\n各地要抓好落实。"
    # the 附件 list is not parsed as items
    assert not any(c.label == "2." and c.start > body.start for c in clauses)


def test_items_numbered_on_across_parts_are_tolerated():
    text = "一、甲\n（一）子一。\n（二）子二。\n二、乙\n（三）子三。\n（四）子四。\n三、丙\n（一）重新编号。"
    clauses = by_id(parse(text))
    assert clauses["sec2.i3"].number == 3 and clauses["sec2.i3"].parent == "sec2"
    assert clauses["sec3.i1"].number == 1
    assert parse_warnings(text) == []


def test_numbering_gap_in_a_notice_is_reported():
    warnings = parse_warnings("一、甲\n二、乙\n四、丁\n")
    assert len(warnings) == 1 and "四、" in warnings[0] and "gap" in warnings[0]


def test_decimal_numbers_that_are_quantities_stay_text():
    clauses = by_id(parse("一、目标\n2.8万人参加培训。\n1.5倍于上年。"))
    assert list(clauses) == ["sec1"]


def test_annex_table_after_the_last_article_is_closing():
    text = "第一条 甲。\n第二条 乙。\n附件\n指标表\n1.居住证，每年8分。\n2.社保，每年4分。\n"
    clauses = parse(text)
    assert [c.id for c in clauses] == ["art1", "art1.p1", "art2", "art2.p1", "closing"]
    assert clauses[-1].text.startswith("附件\n指标表")


def test_annex_with_its_own_articles_is_parsed():
    text = "关于印发办法的通知\n现将办法印发给你们。\n附件\n示范办法\n第一条 甲。\n第二条 乙。\n"
    clauses = parse(text)
    assert [c.id for c in clauses if c.level == "article"] == ["art1", "art2"]
    assert "附件\n示范办法" in clauses[0].text


# --------------------------------------------------------------------------- English

CHARTER = """CHARTER OF THE RIVERSIDE VOCATIONAL EDUCATION ALLIANCE

Adopted by the founding members on 12 March 2025.

CHAPTER I GENERAL PROVISIONS

Article 1 Name
1.1 The name of the organization is the Riverside Vocational Education Alliance.
1.2 The Alliance may use the abbreviation RVEA.

Article 2 Purpose
2.1 The purposes of the Alliance are:
(a) to promote cooperation between schools and enterprises;
(b) to develop shared training standards, including:
(i) curricula for apprenticeships; and
(ii) assessment rules;
(c) to report to the education authority each year.
2.2 Article 5 of the Statute applies to all members.

CHAPTER II MEMBERS

Article 3 Membership
3.1 Schools, enterprises and research institutes may apply for membership.
(a) one;
(b) two;
(c) three;
(d) four;
(e) five;
(f) six;
(g) seven;
(h) eight;
(i) nine.

Signed: the founding members
12 March 2025
"""


def test_english_charter():
    clauses = by_id(parse(CHARTER, lang="en"))
    expect = {
        "ch1": ("chapter", "CHAPTER I", 1, "GENERAL PROVISIONS"),
        "ch1.art1": ("article", "Article 1", 1, "Name"),
        "ch1.art1.p2": ("paragraph", "1.2", 2, ""),
        "ch1.art2.p1.i2": ("item", "(b)", 2, ""),
        "ch1.art2.p1.i2.s2": ("subitem", "(ii)", 2, ""),
        "ch1.art2.p2": ("paragraph", "2.2", 2, ""),
        "ch2.art3": ("article", "Article 3", 3, "Membership"),
        # (i) after (h) is the letter i, not the roman numeral one
        "ch2.art3.p1.i9": ("item", "(i)", 9, ""),
    }
    for cid, want in expect.items():
        c = clauses[cid]
        assert (c.level, c.label, c.number, c.title) == want, cid
    assert clauses["preamble"].text.endswith("12 March 2025.")
    assert clauses["closing"].text.startswith("Signed:")
    # "Article 5 of the Statute" inside 2.2 is a reference
    assert not any(c.number == 5 and c.level == "article" for c in clauses.values())


def test_english_language_is_detected_for_text():
    assert by_id(parse(CHARTER))["ch1.art1.p1"].label == "1.1"


def test_bylaws_sections_inside_articles():
    text = "ARTICLE I - NAME\nSection 1. The name is X.\nSection 2. Its office is in Y.\nARTICLE II - MEMBERS\nSection 1. Any person may join.\n"
    clauses = by_id(parse(text, lang="en"))
    assert clauses["art1"].title == "NAME"
    assert clauses["art1.sec2"].label == "Section 2"
    assert clauses["art2.sec1"].parent == "art2"


def test_contract_decimal_numbering():
    text = "1. DEFINITIONS\n1.1 Services means the services.\n2. TERM\n2.1 It starts now.\n2.1.1 Notice in writing.\n3. PAYMENT\n"
    clauses = by_id(parse(text, lang="en"))
    assert clauses["art1"].title == "DEFINITIONS"
    assert clauses["art2.p1.p1"].label == "2.1.1"
    assert clauses["art3"].level == "article"
    assert parse_warnings(text, lang="en") == []


# --------------------------------------------------------------------------- API details


def test_pages_come_from_the_document():
    text = "第一条 甲。\n第二条 乙。\n第三条 丙。"
    cut = text.index("第三条")
    pages = [Page(1, text[:cut], 0, cut), Page(2, text[cut:], cut, len(text))]
    doc = Document(id="x", source="a.pdf", format="pdf", text=text, pages=pages)
    clauses = by_id(parse(doc))
    assert clauses["art1"].pages == [1]
    assert clauses["art3"].pages == [2]


def test_clause_at_returns_the_deepest_clause():
    clauses = parse(LAW)
    offset = LAW.index("民营企业")
    assert clause_at(clauses, offset).id == "ch1.art2.p1.i2.s2"
    assert clause_at(clauses, LAW.index("前款规定")).id == "ch1.art2.p2"
    assert clause_at(clauses, LAW.index("第一章")).id == "ch1"
    assert clause_at(clauses, len(LAW) + 5) is None


@pytest.mark.parametrize("text", ["", "\n\n  \n", "一段没有编号的文字。\n第二段。"])
def test_text_without_numbering(text):
    clauses = parse(text)
    if text.strip():
        assert [c.level for c in clauses] == ["preamble"]
        assert clauses[0].text == text.strip()
    else:
        assert clauses == []


def test_plain_text_gets_a_content_id():
    doc_a = parse("第一条 甲。")
    assert doc_a == parse("第一条 甲。")


def test_parse_rejects_other_types():
    with pytest.raises(TypeError, match="Document or a str"):
        parse(b"bytes")  # type: ignore[arg-type]


def test_exported():
    assert policytext.parse is parse
    assert policytext.clause_at is clause_at
    assert policytext.parse_warnings is parse_warnings


_PIECES = st.sampled_from(
    ["第一条 ", "第二条", "笫三 条", "第一章 总则", "第二节", "一、", "二、", "（一）", "(二)", "1.", "2、", "1.1 ", "（1）", "①",
     "Article 1 ", "CHAPTER II", "(a) ", "(i) ", "附件：", "2026年2月4日", "教育部", "正文。", "，", " ", "\n", "\n\n", "目录", "......3", "（此件主动公开）",
     "第一章总则第一条", "第二编分则第三章", "附 则", "总则", "附件2", "1.80周岁", "第三条的规定", "第四条中", "依照本法"]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=60), st.sampled_from(["zh", "en"]))
def test_any_text_gives_a_consistent_tree(pieces, lang):
    text = "".join(pieces)
    clauses = parse(text, lang=lang)
    ids = {c.id: c for c in clauses}
    assert len(ids) == len(clauses)
    last_start = -1
    for c in clauses:
        assert text[c.start : c.end] == c.text
        assert c.start >= last_start
        last_start = c.start
        if c.parent is not None:
            parent = ids[c.parent]
            assert parent.start <= c.start and c.end <= parent.end


# --------------------------------------------------------------------------- real documents


def test_real_ministry_notice():
    path = shared_path(
        "corpora", "directives", "moe_2026_deepening-key-teaching-elements-reform_jiaozhicheng-2026-1.txt"
    )
    text = path.read_text(encoding="utf-8")
    clauses = parse(text, lang="zh")
    sections = [c for c in clauses if c.level == "section"]
    assert [(c.label, c.title) for c in sections] == [
        ("一、", "总体要求"),
        ("二、", "主要任务"),
        ("三、", "完善改革机制"),
        ("四、", "加强组织实施"),
    ]
    items = [c for c in clauses if c.level == "item"]
    assert [c.id for c in items] == [f"sec2.i{n}" for n in range(1, 6)] + [f"sec3.i{n}" for n in range(1, 5)]
    assert items[0].title == "动态调整专业设置"
    # each item keeps its follow-up paragraph (试点省份要… / 各省域…)
    assert "各省域现代职业教育体系建设省份" in items[0].text
    assert items[4].text.endswith("分区域建设一批实习实训基地。")
    assert clauses[0].level == "preamble" and "教职成〔2026〕1号" in clauses[0].text
    assert clauses[-1].level == "closing" and clauses[-1].text == "教育部\n2026年2月4日"
    assert parse_warnings(text) == []


def test_real_plan_numbers_items_across_parts():
    path = shared_path("corpora", "directives", "cpc-sc_2025_education-power-plan-2024-2035.txt")
    text = path.read_text(encoding="utf-8")
    clauses = parse(text, lang="zh")
    sections = [c for c in clauses if c.level == "section"]
    items = [c for c in clauses if c.level == "item"]
    assert len(sections) == 11 and sections[-1].title == "加强组织实施"
    assert [c.number for c in items] == list(range(1, 39))
    assert by_id(clauses)["sec6.i20"].title == "塑造多元办学、产教融合新形态"
    assert all(by_id(clauses)[c.parent].level == "section" for c in items)
    assert clauses[0].text.endswith("制定本规划纲要。")
    assert parse_warnings(text) == []


@pytest.mark.parametrize(
    ("law", "label", "number", "problem"),
    [
        ("民法商法/农民专业合作社法(2017-12-27).md", "笫五十四条", 54, "笫"),
        ("诉讼与非诉讼程序法/刑事诉讼法(2018-10-26).md", "第一百二十八 条", 128, "space"),
    ],
)
def test_real_typos_in_laws(law, label, number, problem):
    path = shared_path("gold", "laws_lawrefbook", law)
    bench = _bench()
    text, _ = bench.plain_text(path.read_text(encoding="utf-8"))
    doc = Document(id="law", source=law, format="txt", text=text)
    articles = [c for c in parse(doc) if c.level == "article"]
    hit = [c for c in articles if c.label == label]
    assert len(hit) == 1 and hit[0].number == number
    numbers = [c.number for c in articles]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert any(label in w and problem in w for w in doc.warnings)


def _bench():
    spec = importlib.util.spec_from_file_location("eval_structure", ROOT / "bench" / "eval_structure.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("eval_structure", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "variant",
    [
        "original",
        "nospace",
        "mixed",
        pytest.param("merged", marks=pytest.mark.slow),
        pytest.param("wrapped", marks=pytest.mark.slow),
    ],
)
def test_article_boundaries_on_355_laws(variant):
    gold_dir = shared_path("gold", "laws_lawrefbook")
    result = _bench().evaluate(gold_dir, variant=variant)
    assert result["documents"] == 355
    for key in ("strict", "tolerant"):
        assert result[key]["f1"] >= 0.995, result[key]
        assert result[key]["label_accuracy"] >= 0.995
        assert result[key]["number_accuracy"] >= 0.995
    assert result["tolerant"]["recall"] == 1.0


@pytest.mark.benchmark
def test_speed_of_a_300_article_law(benchmark):
    path = shared_path("gold", "laws_lawrefbook", "诉讼与非诉讼程序法", "刑事诉讼法(2018-10-26).md")
    text, _ = _bench().plain_text(path.read_text(encoding="utf-8"))
    clauses = benchmark(parse, text, lang="zh")
    assert sum(c.level == "article" for c in clauses) == 308
    assert benchmark.stats.stats.mean < 0.1


def test_clause_locator_agrees_with_a_linear_scan():
    clauses = parse(NOTICE)
    locate = policytext.clause_locator(clauses)
    for offset in range(-1, len(NOTICE) + 2):
        holding = [c for c in clauses if c.start <= offset < c.end]
        expected = max(holding, key=lambda c: c.id.count(".")) if holding else None
        assert locate(offset) is expected, offset


def test_docstring_examples():
    import doctest

    import policytext.structure as module

    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 3 and result.failed == 0


# --------------------------------------------------------------------------- labels read in context

NO_SPACE_LAW = """示范条例
第一章总则
第一条为了规范管理，制定本条例。
第二条中华人民共和国境内的学校适用本条例。
第三条前款规定以外的单位，参照本条例执行。
第十二条的规定不适用于学校。
第四条以欺骗手段取得资格的，撤销资格。
第五条中等职业学校应当建立管理制度。
第三十二条第二款修改为：本句是引用。
第六条至第八条的规定适用于企业。
第六条所称学校，是指中等职业学校。
第七条“示范单位”，是指经认定的单位。
第八条本条例自公布之日起施行。
"""


def test_article_label_without_space_continues_the_sequence():
    clauses = parse(NO_SPACE_LAW, lang="zh")
    articles = [c for c in clauses if c.level == "article"]
    assert [c.number for c in articles] == [1, 2, 3, 4, 5, 6, 7, 8]
    got = {c.number: c for c in articles}
    assert got[2].text == "第二条中华人民共和国境内的学校适用本条例。"
    assert got[3].text.endswith("第十二条的规定不适用于学校。")  # a reference stays in article 3
    assert "第三十二条第二款修改为" in got[5].text and "第六条至第八条" in got[5].text
    assert by_id(clauses)["ch1.art2.p1"].text == "中华人民共和国境内的学校适用本条例。"
    assert parse_warnings(NO_SPACE_LAW, lang="zh") == []


@pytest.mark.parametrize("space", ["", " ", "\u3000", "\t"])
def test_space_after_the_label_does_not_change_the_articles(space):
    text = "".join(f"第{n}条{space}{body}\n" for n, body in zip("一二三四五", ["为了规范，制定本法。", "中华人民共和国境内适用本法。", "所称学校，是指中等职业学校。", "以欺骗手段取得的，撤销。", "前款规定的，从其规定。"]))  # fmt: skip
    articles = [c for c in parse(text, lang="zh") if c.level == "article"]
    assert [(c.label, c.number) for c in articles] == [(f"第{n}条", i) for i, n in enumerate("一二三四五", 1)]


def test_amendment_decision_references_at_line_start_are_not_articles():
    text = (
        "全国人民代表大会常务委员会关于修改《示范法》的决定\n"
        "一、将第五条修改为：“国家发展示范事业。”\n"
        "第三十二条第二款修改为：“学校应当建立制度。”\n"
        "二、第八条中的“教育行政部门”修改为“教育主管部门”。\n"
        "第十二条的规定，适用于民办学校。\n"
        "第十二条至第十五条删去。\n"
        "本决定自公布之日起施行。\n"
    )
    clauses = parse(text, lang="zh")
    assert not any(c.level == "article" for c in clauses)
    assert [c.id for c in clauses if c.level == "section"] == ["sec1", "sec2"]
    assert by_id(clauses)["sec2"].text.endswith("本决定自公布之日起施行。")


@pytest.mark.parametrize(
    ("line", "article"),
    [
        ("第三条删除个人信息应当记录。", True),
        ("第三条款项应当专款专用。", True),
        ("第三条修改控制性详细规划的，应当论证。", True),
        ("第三条规定本行政区域重大事项的法规，由大会通过。", True),
        ("第三条第三人提供担保的，依照其约定。", True),
        ("第三条删去。", False),
        ("第三条修改为：“国家鼓励示范。”", False),
        ("第三条第二款修改为：“学校应当建立制度。”", False),
        ("第三条另有规定的除外。", False),
        ("第三条外，其他单位参照执行。", False),
        ("第三条和第四条的规定适用于企业。", False),
    ],
)
def test_glued_label_in_sequence_article_or_reference(line, article):
    text = f"第一条 甲。\n第二条 乙。\n{line}\n"
    numbers = [c.number for c in parse(text, lang="zh") if c.level == "article"]
    assert numbers == ([1, 2, 3] if article else [1, 2])


def test_constitution_amendment_articles_that_cite_articles():
    text = (
        "中华人民共和国宪法修正案\n"
        "第一条 宪法第十一条增加规定：“国家允许私营经济存在和发展。”\n"
        "第二条 宪法第十条第四款修改为：“任何组织或者个人不得侵占土地。”\n"
    )
    assert [c.label for c in parse(text, lang="zh") if c.level == "article"] == ["第一条", "第二条"]


def test_reference_put_at_line_start_by_a_pdf_line_break():
    text = (
        "第二十九条合伙人分别执行合伙事务的，执行事务合伙人可以对其他合伙人执行的事务提出异议。如果发生争议，依照本法\n"
        "第三十条规定作出决定。\n"
        "第三十条合伙人对合伙企业有关事项作出决议，按照合伙协议约定的表决办法办理。\n"
        "第三十一条除合伙协议另有约定外，合伙企业的下列事项应当经全体合伙人一致同意。\n"
    )
    articles = [c for c in parse(text, lang="zh") if c.level == "article"]
    assert [c.number for c in articles] == [29, 30, 31]
    assert articles[0].text.endswith("第三十条规定作出决定。")
    assert articles[1].text.startswith("第三十条合伙人对合伙企业")


def test_glued_articles_recover_after_a_lost_article():
    # 第三条 was lost in extraction; the run 第四条, 第五条 carries on
    text = "第一条为了规范，制定本法。\n第二条中国境内适用本法。\n第四条中等学校适用本法。\n第五条所称学校，是指学校。\n"
    assert [c.number for c in parse(text, lang="zh") if c.level == "article"] == [1, 2, 4, 5]


def test_quoted_article_inside_a_notice_section_stays_in_the_section():
    text = (
        "关于做好示范工作的通知\n各区：\n"
        "一、总体要求\n根据《示范条例》规定：\n第十二条 县级以上人民政府应当加强领导。\n各区要认真落实。\n"
        "二、主要任务\n（一）完善机制。\n第三条 本句是引文。\n"
        "三、组织实施\n各区要抓好落实。\n"
    )
    clauses = by_id(parse(text, lang="zh"))
    assert not any(c.level == "article" for c in clauses.values())
    assert [cid for cid, c in clauses.items() if c.level == "section"] == ["sec1", "sec2", "sec3"]
    assert clauses["sec1"].text.endswith("第十二条 县级以上人民政府应当加强领导。\n各区要认真落实。")
    assert clauses["sec2.i1"].text == "（一）完善机制。\n第三条 本句是引文。"


def test_notice_that_switches_to_articles():
    text = (
        "关于印发示范办法的通知\n一、现将办法印发给你们。\n二、请认真执行。\n"
        "示范办法\n第一条 为了规范管理，制定本办法。\n第二条 本办法自公布之日起施行。\n"
    )
    clauses = parse(text, lang="zh")
    assert [c.id for c in clauses if c.level in ("section", "article")] == ["sec1", "sec2", "art1", "art2"]


def test_notice_heading_over_a_run_of_articles_is_a_chapter():
    text = (
        "示范章程\n一、总则\n第一条 为了规范，制定本章程。\n第二条 本联合体是非营利组织。\n"
        "二、成员\n第三条 成员应当遵守章程。\n第四条 下列行为禁止：\n一、吸烟\n二、饮酒\n"
        "第五条 本章程自通过之日起施行。\n"
    )
    clauses = by_id(parse(text, lang="zh"))
    assert (clauses["ch1"].level, clauses["ch1"].title) == ("chapter", "总则")
    assert clauses["ch2.art4.p1.i2"].label == "二、"  # a list inside an article stays a list
    assert clauses["ch2.art5"].parent == "ch2"


# --------------------------------------------------------------------------- headings without a number


def test_bare_supplementary_heading_between_chapters():
    text = (
        "示范法\n第一章 总则\n第一条 甲。\n第二章 管理\n第二条 乙。\n第三条 丙。\n\n附 则\n\n"
        "第四条 本法自公布之日起施行。\n"
    )
    clauses = by_id(parse(text, lang="zh"))
    head = clauses["supplementary"]
    assert (head.level, head.label, head.number, head.title) == ("chapter", "", None, "附则")
    assert clauses["ch2.art3"].text == "第三条 丙。"  # the heading is not a 款 of article 3
    assert clauses["supplementary.art4"].parent == "supplementary"


def test_bare_supplementary_heading_in_a_law_with_parts_closes_the_part():
    text = "刑法\n第一编 总则\n第一条 甲。\n第二编 分则\n第一章 罪\n第二条 乙。\n附则\n第三条 本法自施行。\n"
    clauses = by_id(parse(text, lang="zh"))
    assert clauses["supplementary"].level == "part" and clauses["supplementary"].parent is None
    assert clauses["supplementary.art3"].number == 3


def test_unlabelled_chapter_title_after_a_finished_article():
    text = (
        "示范法\n第一章 总则\n第一条 甲。\n第九章 退役\n第六十一条 预备役军官退出预备役。\n"
        "法律责任\n第六十二条 违反本法的，依法处理。\n第十一章 附则\n第六十三条 本法自施行。\n"
    )
    clauses = by_id(parse(text, lang="zh"))
    head = clauses["heading"]
    assert (head.level, head.title, head.number) == ("chapter", "法律责任", None)
    assert clauses["heading.art62"].number == 62
    assert clauses["ch9.art61"].text == "第六十一条 预备役军官退出预备役。"


@pytest.mark.parametrize(
    "between",
    [
        "第二条 申请人应当提交下列材料：\n身份证明\n",  # a list after a colon
        "第二条 收费标准如下：\n小学 每生每年五百元\n",  # a table row
        "第二条 乙。\n示范日报\n第三条 丙。\n示范日报\n",  # a running header repeats
    ],
)
def test_short_lines_inside_articles_are_not_headings(between):
    text = f"示范法\n第一章 总则\n第一条 甲。\n{between}第四条 丁。\n"
    clauses = parse(text, lang="zh")
    assert [c.level for c in clauses if c.level not in ("article", "paragraph")] == ["preamble", "chapter"]


# --------------------------------------------------------------------------- headings run together


def test_chapter_heading_run_together_with_the_first_article():
    text = "示范法\n第一章总则第一条为了规范管理，制定本法。\n第二条本法适用于学校。\n第二章 管理第三条国家鼓励示范。\n"
    clauses = by_id(parse(text, lang="zh"))
    assert clauses["ch1"].title == "总则"
    assert clauses["ch1.art1"].start == text.index("第一条")
    assert clauses["ch1.art1"].text == "第一条为了规范管理，制定本法。"
    assert clauses["ch1.art1.p1"].text == "为了规范管理，制定本法。"
    assert (clauses["ch2"].title, clauses["ch2.art3"].label) == ("管理", "第三条")
    for c in clauses.values():
        assert text[c.start : c.end] == c.text


def test_part_chapter_and_article_run_together():
    text = "民法典\n第一编总则第一章基本规定第一条为了保护民事主体的合法权益，制定本法。\n第二条民法调整民事关系。\n"
    clauses = by_id(parse(text, lang="zh"))
    assert [(cid, c.title) for cid, c in clauses.items() if c.level in ("part", "chapter")] == [
        ("pt1", "总则"),
        ("pt1.ch1", "基本规定"),
    ]
    assert [c.number for c in clauses.values() if c.level == "article"] == [1, 2]


def test_chapter_title_that_cites_an_article_is_not_split():
    clauses = by_id(parse("第一条 甲。\n第二条 乙。\n第三章 关于第二条的解释\n第三条 丙。", lang="zh"))
    assert clauses["ch3"].title == "关于第二条的解释"
    assert [c.number for c in clauses.values() if c.level == "article"] == [1, 2, 3]


# --------------------------------------------------------------------------- annexes and lists


def test_annex_with_its_own_headings_after_the_articles():
    text = (
        "示范办法\n第一条 甲。\n第二条 本办法自印发之日起施行。\n附件：示范基地申请程序\n"
        "附件\n示范基地申请程序\n一、经办机构\n（一）初核机构：市指导中心；\n二、申请程序\n申请单位提出申请。\n"
    )
    clauses = by_id(parse(text, lang="zh"))
    annex = clauses["annex"]
    assert (annex.level, annex.label, annex.title, annex.parent) == ("part", "附件", "示范基地申请程序", None)
    assert clauses["art2"].text == "第二条 本办法自印发之日起施行。\n附件：示范基地申请程序"
    assert [cid for cid in clauses if cid.startswith("annex.")] == [
        "annex.sec1",
        "annex.sec1.i1",
        "annex.sec2",
    ]


def test_numbered_annexes_restart_the_numbering():
    text = (
        "示范指南\n第一条 甲。\n第二条 乙。\n附件1\n安全要求\n企业应当具备安全团队，负责安全工作。\n"
        "一、功能安全要求至少包括：\n（一）流程要求。\n附件2\n名词解释\n一、智能网联汽车：搭载传感器的汽车。\n"
    )
    clauses = by_id(parse(text, lang="zh"))
    assert [cid for cid, c in clauses.items() if c.level == "part"] == ["annex1", "annex2"]
    assert clauses["annex2.sec1"].number == 1
    assert parse_warnings(text, lang="zh") == []


def test_list_item_whose_text_starts_with_a_number():
    text = "第二十四条 符合以下条件之一的老年人：\n1.80周岁及以上的；\n2.纯老家庭人员。"
    clauses = by_id(parse(text, lang="zh"))
    assert [(c.label, c.text) for c in clauses.values() if c.level == "item"] == [
        ("1.", "1.80周岁及以上的；"),
        ("2.", "2.纯老家庭人员。"),
    ]


def test_line_between_items_of_a_list_stays_in_the_item():
    text = (
        "第三十六条 服务组织可以申请以下补贴：\n（一）医养结合补贴。给予一次性补贴。\n服务组织与医疗机构应保持一致。\n"
        "（二）星级评定补贴。按星级补贴。\n有效期内违规的，予以降级。\n"
        "第三十七条 另一条。"
    )
    clauses = by_id(parse(text, lang="zh"))
    assert clauses["art36.p1.i1"].text.endswith("服务组织与医疗机构应保持一致。")
    assert clauses["art36.p1.i2"].parent == "art36.p1"
    # after the last item a plain line is a new 款, as in laws
    assert clauses["art36.p2"].text == "有效期内违规的，予以降级。"


def test_lead_in_to_a_nested_list_stays_in_its_item():
    text = "第二十四条 可申请资助：\n（一）第一类对象。\n1.特困人员；\n（二）第二类对象。\n符合以下条件之一的老年人：\n1.80周岁及以上的；\n2.纯老家庭人员。"
    clauses = by_id(parse(text, lang="zh"))
    assert clauses["art24.p1.i2.s2"].text == "2.纯老家庭人员。"
    assert "符合以下条件之一的老年人：" in clauses["art24.p1.i2"].text


def test_english_title_with_a_preposition():
    clauses = by_id(
        parse("Article 20 Language and Entry into Force\n20.1 This Charter is made in Chinese.", lang="en")
    )
    assert clauses["art20"].title == "Language and Entry into Force"


# --------------------------------------------------------------------------- real documents read by our readers


@pytest.mark.parametrize(
    ("name", "articles"),
    [
        ("guangzhou-site_market-entity-registration-regulation_sc-order746.html", 55),
        ("guangzhou_elderly-preferential-treatment-measures_order179.html", 19),
        ("guangzhou_employment-internship-base-measures_2019.html", 23),
        ("guangzhou_extreme-poverty-support-notice_2021.html", 0),
        ("guangzhou_home-community-elderly-care-measures_2022.html", 52),
        ("guangzhou_points-hukou-measures_2025.html", 13),
        ("guangzhou_public-rental-housing-measures_2024.html", 54),
        ("guangzhou_talent-hukou-implementing-rules_2022.html", 16),
        ("guangzhou_talent-hukou-measures_2020.html", 23),
        ("guangzhou_temporary-assistance-rules_2021.html", 18),
    ],
)
def test_guangzhou_pages_every_article_is_found(name, articles):
    doc = policytext.read(shared_path("corpora", "local", "html", name))
    clauses = parse(doc)
    numbers = [c.number for c in clauses if c.level == "article"]
    assert numbers == list(range(1, articles + 1))


def test_guangzhou_rental_housing_article_glued_to_yixia():
    doc = policytext.read(
        shared_path("corpora", "local", "html", "guangzhou_public-rental-housing-measures_2024.html")
    )
    clauses = by_id(parse(doc))
    art23 = clauses["ch3.art23"]
    assert art23.text.startswith("第二十三条以下情形不纳入家庭收入和家庭财产计算范围：")
    assert [c.label for c in clauses.values() if c.parent == "ch3.art23.p1"] == ["（一）", "（二）", "（三）"]
    assert not clauses["ch3.art22"].text.count("第二十三条")


def test_guangzhou_internship_annex_is_not_part_of_the_last_article():
    doc = policytext.read(
        shared_path("corpora", "local", "html", "guangzhou_employment-internship-base-measures_2019.html")
    )
    clauses = by_id(parse(doc))
    assert clauses["ch5.art23"].text.startswith("第二十三条 本办法自印发之日起施行")
    assert "一、经办机构" not in clauses["ch5.art23"].text
    annex = clauses["annex"]
    assert annex.title == "广州市就业见习基地申请程序"
    assert [c.title for c in clauses.values() if c.parent == "annex"] == ["经办机构", "申请程序", "申请资料"]


def test_guangzhou_elderly_care_item_text_starting_with_80():
    doc = policytext.read(
        shared_path("corpora", "local", "html", "guangzhou_home-community-elderly-care-measures_2022.html")
    )
    clauses = by_id(parse(doc))
    assert clauses["ch4.art24.p1.i2.s1"].text == "1.80周岁及以上的；"
    assert [c.label for c in clauses.values() if c.parent == "ch5.art36.p1"] == ["（一）", "（二）"]


@pytest.mark.parametrize(
    ("path", "articles", "sections"),
    [
        ("documents/charters/chenghu_2025_modern-agriculture-consortium-charter.docx", 53, 0),
        ("documents/charters/yungang_2024_port-logistics-consortium-charter.docx", 54, 0),
        ("documents/charters/ningchuan_2024_smart-manufacturing-consortium-charter.txt", 53, 0),
        ("documents/charters/donghai_2023_consortium-charter-template.docx", 53, 0),
        ("variants/donghai_2023_consortium-charter-template.pdf", 53, 0),
        ("variants/ningchuan_2024_smart-manufacturing-consortium-charter.docx", 53, 0),
        ("documents/national/moe_2023_city-consortium-notice.pdf", 0, 5),
        ("variants/moe_2023_city-consortium-notice.html", 0, 5),
        ("variants/moe_2023_city-consortium-notice.docx", 0, 5),
        ("documents/local/donghai_2023_consortium-implementing-plan.pdf", 0, 5),
        ("documents/local/binjiang_2023_consortium-implementing-plan.pdf", 0, 3),
        ("documents/local/yungang_2024_consortium-implementing-plan.html", 0, 4),
        ("documents/local/linhe_2025_consortium-implementing-plan.txt", 0, 3),
    ],
)
def test_sample_documents_every_format(sample, path, articles, sections):
    doc = policytext.read(sample / path)
    clauses = parse(doc)
    assert [c.number for c in clauses if c.level == "article"] == list(range(1, articles + 1))
    assert [c.number for c in clauses if c.level == "section"] == list(range(1, sections + 1))
    for c in clauses:
        assert doc.text[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "text, clause_id, cited",
    [
        ("一、总体要求\n（一）指导思想。坚持产教融合。\n（二）基本原则。", "sec1.i2", "一、（二）"),
        ("第一章 总则\n第一条 为了规范管理，制定本办法。\n第二条 学校应当：\n（一）建立制度；\n（二）保障安全。", "ch1.art2.p1.i2", "第二条（二）"),
        ("第一章 总则\n第三条 第一款内容。\n第二款内容。", "ch1.art3.p2", "第三条第二款"),
        ("Chapter 1 General\nArticle 4 Members\n4.1 A member shall:\n(a) attend meetings;\n(b) pay fees.", "ch1.art4.p1.i2", "Article 4.1(b)"),
    ],
)
def test_clause_citations_read_as_a_reader_cites(text, clause_id, cited):
    clauses = policytext.parse(text)
    assert policytext.clause_citations(clauses)[clause_id] == cited


def test_traditional_characters_parse_and_keep_their_labels():
    text = "第一章 總則\n第五條 學校應當建立健全安全管理制度。\n第六條 本辦法自2024年1月1日起施行。"
    clauses = parse(text)
    arts = [c for c in clauses if c.level == "article"]
    assert [(c.label, c.number) for c in arts] == [("第五條", 5), ("第六條", 6)]
    assert clauses[0].title == "總則"
    assert all(text[c.start : c.end] == c.text for c in clauses)


def test_a_heading_run_on_after_a_sentence_starts_its_own_clause():
    # a box (专栏) of a PDF ended the line, and the next item's heading ran on after it
    text = (
        "三、重点任务\n（一）加快系统创新。强化科技支撑。\n专栏1 关键技术\n01 基础技术 开发建模技术；基于模型的优化技术。 "
        "（二）深化推广应用，开拓转型升级新路径。\n聚焦企业、行业、区域转型升级需要，构建智能制造系统。\n"
    )
    doc = policytext.Document(id="d", source="d", format="txt", text=text)
    labels = [c.label for c in policytext.parse(doc) if c.level == "item"]
    assert labels == ["（一）", "（二）"]
    item = next(c for c in doc.clauses if c.label == "（二）")
    assert doc.text[item.start :].startswith("（二）深化推广应用")
    # an item named inside a sentence, with no gap after the full stop, stays in it
    inline = policytext.Document(id="e", source="e", format="txt", text="一、任务\n（一）推进改革。另见（二）。\n")
    assert [c.label for c in policytext.parse(inline) if c.level == "item"] == ["（一）"]
