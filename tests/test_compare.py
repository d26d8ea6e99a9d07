"""Alignment, coverage, reuse, targets side by side and checklists (policytext.compare)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SAMPLE, shared_path
from shared_sources import source_text

import policytext
from policytext.compare import cited_articles, copied_share, indicator_similarity, procedural_kind, units_of

SOURCES = SAMPLE / "sources"
PAIRS_GOLD = Path(__file__).parent / "data" / "compare" / "pairs_gold.tsv"
PAIRS_FRESH = Path(__file__).parent / "data" / "compare" / "pairs_gold_fresh.tsv"
PAIRS_FINAL = Path(__file__).parent / "data" / "compare" / "pairs_gold_heldout4.tsv"
PAIRS_PLANS = Path(__file__).parent / "data" / "compare" / "pairs_gold_plans.tsv"
PAIRS_PLANS2 = Path(__file__).parent / "data" / "compare" / "pairs_gold_plans2.tsv"
#: A second, independent reading of seven PAIRS.tsv pairs (README: "A second reading").
SECOND_READING = Path(__file__).parent / "data" / "compare" / "second_reading.tsv"


@pytest.fixture(scope="module")
def notice():
    return policytext.read(SOURCES / "national" / "moe_2023_city-consortium-notice.txt")


@pytest.fixture(scope="module")
def plans():
    names = ["binjiang", "donghai", "linhe", "yungang"]
    return {n: policytext.read(next((SOURCES / "local").glob(f"{n}_*.txt"))) for n in names}


@pytest.fixture(scope="module")
def result(notice, plans):
    return policytext.compare_documents([notice], list(plans.values()))


# --------------------------------------------------------------------------- units


def test_units_are_articles_or_task_items(notice, plans):
    labels = [u.label for u in units_of(notice)]
    assert labels[:3] == ["一、（一）", "一、（二）", "一、（三）"]
    assert "五、（四）" in labels and len(labels) == 19
    linhe = [u.label for u in units_of(plans["linhe"])]
    assert linhe[:3] == ["一、", "二、1.", "二、2."]  # a plan numbered 一、 then 1.
    law = policytext.parse("第一条 为了规范管理，制定本办法。\n第二条 本办法适用于本市。\n第三条 本办法自2024年1月1日起施行。")
    doc = policytext.Document(id="x", source="x", format="txt", text="\n".join(c.text for c in law if c.level == "article"))
    assert [(u.label, u.procedural) for u in units_of(doc)] == [
        ("第一条", "purpose"), ("第二条", "scope"), ("第三条", "effective")
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("为实施《中华人民共和国教师法》，结合本市实际，制定本办法。", "purpose"),
        ("本办法适用于本市行政区域内各级各类学校。", "scope"),
        ("本办法具体应用中的问题，由市人民政府负责解释。", "interpretation"),
        ("本办法自1994年9月10日起施行。", "effective"),
        ("市和区、县人民政府应当制定教师队伍建设规划。", ""),
        ("本办法在本市行政区域内适用。", "scope"),
        ("本条例规定的支持与奖励措施适用于中外合作办学机构。", ""),
        ("本条例所称现有民办学校，是指2016年11月7日前设立的民办学校。", "definition"),
        ("本条例下列用语的含义：融合教育是指将对残疾学生的教育最大程度地融入普通教育。", "definition"),
        ("固定期限劳动合同，是指用人单位与劳动者约定合同终止时间的劳动合同。", ""),  # a norm that opens on a definition
    ],
)
def test_procedural_kind(text, kind):
    assert procedural_kind(text) == kind


def test_citations_and_copied_share():
    names = ["中华人民共和国教师法"]
    assert cited_articles("按照《教师法》第十条、第十一条的规定执行", names) == [10, 11]
    assert cited_articles("依照《中华人民共和国教师法》第三十九条的规定", names) == [39]
    assert cited_articles("依照《教育法》第十条", names) == []
    aliases = {"职教法": "中华人民共和国职业教育法"}
    assert cited_articles("按照《职教法》第二十条至第二十二条", ["中华人民共和国职业教育法"], aliases=aliases) == [20, 21, 22]
    share, copied = copied_share("联合体要实行理事会领导下的实体化运作，明确成员单位的权利和义务。", "联合体要实行理事会领导下的实体化运作。")
    assert copied == len("联合体要实行理事会领导下的实体化运作") and 0.5 < share < 1
    assert copied_share("完全不同的一句话", "联合体要实行理事会领导")[1] == 0


# --------------------------------------------------------------------------- aligner


def test_aligner_must_be_fitted(notice):
    with pytest.raises(policytext.NotFittedError, match="Aligner"):
        policytext.Aligner().align(notice)


def test_aligner_restates_specifies_adds(notice, plans):
    aligner = policytext.Aligner().fit([notice])
    rows = {r.local_clause: r for r in aligner.align(plans["binjiang"])}
    # 健全治理机制: the notice's item restated, with who chairs the council added
    assert rows["二、（一）"].national_clause == "三、（一）"
    assert rows["二、（四）"].national_clause == "三、（四）" and rows["二、（四）"].relation == "restates"
    assert rows["三、（一）"].national_clause == "四、（一）"
    yungang = aligner.align(plans["yungang"])
    assert all(r.local_doc == plans["yungang"].id for r in yungang)
    assert {r.relation for r in yungang} <= {"restates", "specifies", "adds", "procedural"}
    adds = [r for r in yungang if r.relation == "adds"]
    assert adds and all(r.national_clause is None for r in adds)


def test_a_local_plan_in_traditional_characters_aligns_as_its_simplified_text(notice, plans):
    import dataclasses

    import opencc

    plan = plans["binjiang"]
    traditional = opencc.OpenCC("s2t").convert(plan.text)
    assert traditional != plan.text and len(traditional) == len(plan.text)
    copy = dataclasses.replace(plan, id="traditional", text=traditional, pages=[], clauses=None)
    aligner = policytext.Aligner().fit([notice])
    want = [(r.national_clause, r.relation) for r in aligner.align(plan)]
    got = aligner.align(copy)
    assert [(r.national_clause, r.relation) for r in got] == want
    assert [r.local_clause for r in got][:3] == [r.local_clause for r in aligner.align(plan)][:3]  # 一、（一）: no change
    assert copied_share(traditional, notice.text) == copied_share(plan.text, notice.text)


def test_indicators_match_across_scripts():
    assert indicator_similarity("市域產教聯合體", "全国市域产教联合体") == 1.0


def _aligned(national: str, local: str) -> list[tuple[str, str | None, str]]:
    """(local clause, national clause, relation) of each clause of ``local`` aligned to ``national``."""
    law = policytext.Document(id="law", source="law", format="txt", text=national)
    rules = policytext.Document(id="rules", source="rules", format="txt", text=local)
    return [(r.local_clause, r.national_clause, r.relation) for r in policytext.Aligner().fit([law]).align(rules)]


def test_procedural_articles_align_by_kind():
    rows = _aligned(
        "第一条 为了保障教师的合法权益，制定本法。\n第二条 本法适用于学校的教师。\n第三条 教师应当为人师表，忠诚于人民的教育事业。\n"
        "第四条 本法自1994年1月1日起施行。",
        "第一条 为实施《中华人民共和国教师法》，结合本市实际，制定本办法。\n第二条 教师应当为人师表，忠诚于人民的教育事业，爱岗敬业。\n"
        "第三条 本办法具体应用中的问题，由市人民政府负责解释。\n第四条 本办法自1995年1月1日起施行。",
    )
    assert rows == [
        ("第一条", "第一条", "procedural"),
        ("第二条", "第三条", "restates"),
        ("第三条", None, "adds"),  # interpretation: the law has none, nothing is taken up
        ("第四条", "第四条", "procedural"),
    ]


def test_a_definition_takes_up_only_a_definition_of_the_same_words():
    from policytext.compare.align import defined_terms

    assert defined_terms("本法所称的民办学校包括依法举办的其他民办教育机构。") == {"民办学校"}
    assert defined_terms("本法下列用语的含义是：（一）各级各类学校，是指实施学前教育的学校。") == {"各级各类学校"}
    assert defined_terms('For the purposes of these Measures, "vocational school" means a school.') == {"vocational school"}
    rows = _aligned(
        "第一条 国家鼓励社会力量举办民办学校。\n第二条 民办学校应当遵守法律。\n第三条 本法所称的民办学校包括依法举办的其他民办教育机构。",
        "第一条 民办学校应当遵守法律和本条例。\n第二条 本条例所称民办学校，包括依法举办的其他民办教育机构。\n"
        "第三条 本条例所称现有民办学校，是指2016年11月7日前设立的民办学校。",
    )
    assert rows[1:] == [
        ("第二条", "第三条", "procedural"),  # the law defines the same words
        ("第三条", None, "adds"),  # it defines 民办学校, not 现有民办学校
    ]


def test_a_title_that_names_a_national_item_guides_items_under_generic_headings():
    plan = policytext.Document(
        id="plan", source="plan", format="txt",
        text="一、发展职业教育\n（一）实施职业教育教学关键要素改革，系统推进专业、课程、教材、教师改革。\n"
             "（二）优化职业教育布局，推动高等职业教育资源下沉。\n二、建设高质量高等教育体系\n"
             "（三）加快建设一流大学和优势学科，完善课程体系与学科设置调整机制。\n（四）推进教育数字化，建设国家智慧教育平台。\n",
    )  # fmt: skip
    notice_text = "一、主要任务\n（一）科学设计课程组合。将最新标准和技术融入专业课程，完善课程体系。\n（二）优化教材呈现形式。开发活页式教材和工作手册式教材。\n"
    untitled = policytext.Document(id="n", source="n", format="txt", text=notice_text)
    titled = policytext.Document(id="t", source="t", format="txt", text=notice_text,
                                 metadata={"title": "教育部关于深化职业教育教学关键要素改革的意见"})  # fmt: skip
    aligner = policytext.Aligner().fit([plan])
    # the course item shares 课程体系 with the university item; the title names the reform item
    assert aligner.align(untitled)[0].national_clause == "二、（三）"
    assert aligner.align(titled)[0].national_clause == "一、（一）"
    # the comparison of a corpus reads the title too
    result = policytext.compare_documents([plan], [titled], targets=False)
    assert result.alignments[0].national_clause == "一、（一）"


def test_a_title_that_names_the_whole_law_adds_nothing():
    from policytext.compare.align import _title_subject

    assert _title_subject("教育部关于深化职业教育教学关键要素改革的意见") == "深化职业教育教学关键要素改革"
    law = policytext.Document(id="law", source="law", format="txt", text="第一条 教师应当为人师表。\n第二条 学校应当保障教师的工资。")
    law.metadata["title"] = "中华人民共和国教师法"
    local = "第一条 教师应当为人师表，爱岗敬业。\n第二条 学校应当按时足额发放教师工资。"
    aligner = policytext.Aligner().fit([law])
    plain = aligner.align(policytext.Document(id="a", source="a", format="txt", text=local))
    named = aligner.align(policytext.Document(id="b", source="b", format="txt", text=local,
                                              metadata={"title": "北京市实施《中华人民共和国教师法》办法"}))  # fmt: skip
    assert [(r.national_clause, r.score) for r in named] == [(r.national_clause, r.score) for r in plain]


def test_citation_decides_between_candidates():
    law = policytext.Document(
        id="law", source="law", format="txt",
        text="第十条 国家实行教师资格制度。\n第十一条 取得教师资格应当具备相应学历。\n第十二条 教师应当参加培训。",
    )  # fmt: skip
    law.metadata["title"] = "中华人民共和国教师法"
    rules = policytext.Document(id="r", source="r", format="txt", text="第七条 教师培训按照《教师法》第十一条的规定执行。")
    row = policytext.Aligner().fit([law]).align(rules)[0]
    assert row.national_clause == "第十一条"


def test_similarity_text_drops_sanction_formulas():
    from policytext.compare.align import similarity_text

    penalty = "违反本条例规定，贪污、挪用残疾人就业保障金，构成犯罪的，依法追究刑事责任；尚不构成犯罪的，依法给予处分。"
    kept = similarity_text(penalty)
    assert "保障金" in kept and "追究刑事责任" not in kept and "处分" not in kept and "本条例" not in kept
    # a clause that is nothing but the formula keeps it
    assert similarity_text("构成犯罪的，依法追究刑事责任。") == "构成犯罪的，依法追究刑事责任。"


def test_coverage_counts_the_content_the_nearest_national_clauses_share():
    law = policytext.Document(
        id="law", source="law", format="txt",
        text="第一条 民办学校的设立应当经审批机关批准。\n第二条 民办学校应当建立财务制度。\n第三条 国家鼓励捐资办学。",
    )  # fmt: skip
    rules = policytext.Document(
        id="rules", source="rules", format="txt",
        text="第一条 设立民办学校应当向审批机关提出申请，经审批机关批准。\n"
             "第二条 民办学校增设校区应当申请地址变更，设立分校应当单独申请办学许可。",
    )  # fmt: skip
    aligner = policytext.Aligner().fit([law])
    units = units_of(rules)
    ev = aligner._evidence(units, aligner._analyze(units), {})
    cov = aligner._coverage(ev.words, aligner._rank(units, ev))
    # the restated approval rule is covered; 校区, 分校, 地址变更 are found in no national clause
    assert cov[0] > 0.6 and cov[1] < 0.3


def test_semantic_signal_is_seeded(notice, plans):
    a = policytext.Aligner(semantic=True, seed=3).fit([notice], corpus=[plans["linhe"]]).align(plans["linhe"])
    b = policytext.Aligner(semantic=True, seed=3).fit([notice], corpus=[plans["linhe"]]).align(plans["linhe"])
    assert [r.to_dict() for r in a] == [r.to_dict() for r in b]


def test_no_clauses_is_a_config_error():
    empty = policytext.Document(id="e", source="e", format="txt", text="")
    with pytest.raises(policytext.ConfigError, match="no clauses"):
        policytext.Aligner().fit([empty])


# --------------------------------------------------------------------------- compare


def test_additions_are_candidates_with_probability_and_nearest_clause(result, notice):
    rows = result.additions()
    assert rows and all(r["relation"] == "adds" and r["national_clause"] is None for r in rows)
    labels = {u.label for u in result.national_units}
    threshold = policytext.Aligner().fit([notice]).model_.add_threshold
    for r in rows:
        assert r["addition_probability"] >= threshold  # the model's own cut
        assert r["nearest_national_clause"] in labels and r["nearest_national_doc"] == notice.id
        assert r["text"]


def test_compare_result_tables(result, notice, plans):
    data = result.to_dict()
    assert set(data) >= {"alignments", "coverage", "reuse", "targets", "gaps", "additions", "national", "local"}
    first = data["alignments"][0]
    assert set(first) >= {"local_doc", "local_clause", "national_doc", "national_clause", "score", "relation"}
    assert len(data["coverage"]) == len(units_of(notice))
    reuse = {r["local_doc"]: r["reuse"] for r in data["reuse"]}
    # 滨江 restates the notice item by item; 临河 writes a short plan of its own
    assert reuse[plans["binjiang"].id] > 0.4 > 0.15 > reuse[plans["linhe"].id]
    linhe_gaps = {g["national_clause"] for g in data["gaps"] if g["local_doc"] == plans["linhe"].id}
    assert {"二、（一）", "五、（二）"} <= linhe_gaps
    cover = {c["national_clause"]: c for c in data["coverage"]}
    assert cover["三、（一）"]["local_docs"] == 4 and cover["三、（一）"]["share"] == 1.0


def test_targets_side_by_side(result, plans):
    rows = [r for r in result.targets() if r["national_indicator"] == "每个联合体吸纳成员企业"]
    status = {r["local_doc"]: (r["status"], r["local_value"]) for r in rows}
    assert status[plans["binjiang"].id] == ("stronger", 60.0)
    assert status[plans["donghai"].id] == ("same", 50.0)
    assert status[plans["linhe"].id] == ("weaker", 30.0)
    missing = [r for r in result.targets() if r["status"] == "missing" and r["local_doc"] == plans["linhe"].id]
    assert any(r["national_indicator"].startswith("成员学校毕业生在本区域就业比例") for r in missing)


def test_targets_are_set_beside_the_national_documents_a_local_one_takes_up(notice, plans):
    other = policytext.read_bytes(
        "养老服务条例\n第一条 为了规范养老服务，制定本条例。\n"
        "第二条 到2025年，全市养老机构护理型床位占比达到60%以上。\n"
        "第三条 每个街道至少建设1个综合养老服务中心。\n".encode(),
        source="elderly.txt",
    )  # fmt: skip
    both = policytext.compare_documents([notice, other], list(plans.values()))
    national_docs = {r["national_doc"] for r in both.targets() if r["status"] != "added"}
    assert national_docs == {notice.id}  # the plans take up the notice, not the elderly-care rules
    alone = policytext.compare_documents([notice], list(plans.values()))
    assert [r for r in both.targets()] == [r for r in alone.targets()]


def test_compare_targets_direction_and_year_aware():
    def t(ind, value, unit, year=2025, direction="level", sentence="", raw=""):
        return policytext.Target(doc="d", clause=None, sentence=sentence, start=0, end=0, indicator=ind, value=value,
                                 unit=unit, year=year, direction=direction, raw=raw)  # fmt: skip

    national = [t("城镇调查失业率", 5.5, "%"), t("单位能耗", 3.0, "%", direction="decrease",
                sentence="单位能耗降低3%左右", raw="3%左右"), t("登记失业率", 4.6, "%", direction="decrease",
                sentence="登记失业率控制在4.6%", raw="4.6%"),
                t("人均财政补助标准", 30, "元", sentence="居民医保人均财政补助标准提高30元", raw="30元"),
                t("新增就业", 1200, "万人", sentence="城镇新增就业1200万人以上", raw="1200万人"),
                t("普惠性幼儿园覆盖率", 85, "%")]  # fmt: skip
    local = [t("全市城镇调查失业率", 5.0, "%"), t("单位能耗", 2.0, "%", direction="decrease",
             sentence="单位能耗降低2%", raw="2%"), t("登记失业率", 4.0, "%", direction="decrease",
             sentence="登记失业率控制在4%", raw="4%"),
             t("人均财政补助标准", 30, "元", year=2024, sentence="人均财政补助标准提高30元", raw="30元"),
             t("新增就业", 12, "万人", sentence="城镇新增就业12万人", raw="12万人"), t("新建学校", 3, "所")]  # fmt: skip
    rows = policytext.compare_targets(national, local, local_doc="d")
    got = {(r["national_indicator"] or r["local_indicator"]): r["status"] for r in rows}
    # a smaller cut is weaker; a lower ceiling and a lower unemployment rate are stronger;
    # the same per-person value due a year earlier is stronger; a national total and a
    # city's total differ in scope, not in ambition
    assert got == {"城镇调查失业率": "stronger", "单位能耗": "weaker", "登记失业率": "stronger",
                   "人均财政补助标准": "stronger", "新增就业": "not_comparable",
                   "普惠性幼儿园覆盖率": "missing", "新建学校": "added"}  # fmt: skip
    assert indicator_similarity("全国市域产教联合体", "市域产教联合体") == 1.0
    assert indicator_similarity("粮食产量", "研发经费") == 0.0



def test_a_criterion_restated_with_its_bound_is_the_same():
    def t(indicator, value, unit, qualifier, sentence, raw):
        return policytext.Target(doc="d", clause=None, sentence=sentence, start=0, end=0, indicator=indicator,
                                 value=value, unit=unit, year=2023, direction="increase", qualifier=qualifier,
                                 raw=raw)  # fmt: skip

    national = [t("园区年产值", 500, "亿元", "不低于", "园区年产值不低于500亿元", "500亿元"),
                t("市域产教联合体", 150, "个", "左右", "建设150个左右市域产教联合体", "150个左右")]  # fmt: skip
    local = [t("园区年产值", 500, "亿元", "不低于", "园区年产值不低于500亿元", "500亿元"),
             t("市域产教联合体", 150, "个", "", "建成150个市域产教联合体", "150个")]  # fmt: skip
    rows = policytext.compare_targets(national, local, local_doc="d")
    got = {r["national_indicator"]: r["status"] for r in rows}
    # the same total with another bound (or none) still differs in scope
    assert got == {"园区年产值": "same", "市域产教联合体": "not_comparable"}


def test_a_floor_is_not_read_as_a_ceiling():
    # 不低于 holds 低于 and 不超过 holds 超过: the qualifier is read as a whole word
    def t(value, qualifier, sentence):
        return policytext.Target(doc="d", clause=None, sentence=sentence, start=0, end=0, indicator="培训规模",
                                 value=value, unit="倍", year=2025, direction="level", qualifier=qualifier,
                                 raw=f"{value:g}倍")  # fmt: skip

    floor = policytext.compare_targets([t(1, "不低于", "每年培训规模不低于在校生规模的1倍")],
                                       [t(1.5, "不低于", "每年培训规模不低于在校生规模的1.5倍")], local_doc="d")  # fmt: skip
    ceiling = policytext.compare_targets([t(1, "低于", "培训规模低于在校生规模的1倍")],
                                         [t(1.5, "低于", "培训规模低于在校生规模的1.5倍")], local_doc="d")  # fmt: skip
    assert [r["status"] for r in floor] == ["stronger"] and [r["status"] for r in ceiling] == ["weaker"]

# How each sample plan treats each national target: the table of corpora/sample/README.md
# ("National targets and what the plans make of them"), the cells with numbers on both sides.
SAMPLE_TABLE = {
    "联合体成员学校专业设置与园区主导产业匹配度": {"donghai": "stronger", "binjiang": "same", "yungang": "stronger", "linhe": "weaker"},
    "每个联合体吸纳成员企业": {"donghai": "same", "binjiang": "stronger", "yungang": "stronger", "linhe": "weaker"},
    "成员学校毕业生在本区域就业比例": {"donghai": "same", "binjiang": "weaker", "yungang": "stronger", "linhe": "missing"},
    "实习岗位": {"donghai": "missing", "binjiang": "same", "linhe": "missing"},
    "参与教学的时间": {"donghai": "same", "binjiang": "same", "yungang": "stronger", "linhe": "missing"},
    "理事会成员中企业代表": {"donghai": "same", "binjiang": "same", "yungang": "stronger", "linhe": "missing"},
    "培训规模": {"donghai": "same", "yungang": "stronger"},
    # 150个左右 nationwide against a province's 12 or a city's 1: a difference of scope
    "市域产教联合体": {"donghai": "not_comparable", "linhe": "not_comparable"},
}


def test_targets_side_by_side_follow_the_sample_table(notice, plans):
    donghai = policytext.read(next((SOURCES / "local").glob("donghai_*.txt")))
    docs = {**plans, "donghai": donghai}
    result = policytext.compare_documents([notice], list(docs.values()))
    names = {d.id: k for k, d in docs.items()}
    got = {(r["national_indicator"], names[r["local_doc"]]): r["status"] for r in result.targets() if r["national_indicator"]}
    for indicator, cells in SAMPLE_TABLE.items():
        for plan, status in cells.items():
            assert got[(indicator, plan)] == status, (indicator, plan)
    assert policytext.compare.is_scope_total(next(t for t in result.national_targets if t.indicator == "市域产教联合体"))


def test_compare_writes_tables_heatmap_and_html(result, tmp_path):
    written = result.write_csv(tmp_path / "out")
    names = {p.name for p in written}
    assert {"alignments.csv", "coverage.csv", "reuse.csv", "targets.csv", "gaps.csv", "additions.csv",
            "coverage_matrix.csv", "heatmap.svg"} <= names  # fmt: skip
    header = (tmp_path / "out" / "alignments.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("local_doc,local_clause,national_doc,national_clause,score,relation")
    assert (tmp_path / "out" / "heatmap.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    page = result.to_html()
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert "临河市市域产教联合体建设实施方案" in page


def test_compare_streams_and_workers_agree(notice, plans):
    docs = [plans["binjiang"], plans["linhe"], plans["yungang"]]
    one = policytext.compare_documents(notice, iter(docs), targets=False).to_dict()
    two = policytext.compare_documents(notice, iter(docs), targets=False, workers=2).to_dict()
    assert one == two
    assert [d["doc"] for d in one["local"]] == [d.id for d in docs]


def test_compare_needs_a_national_document(plans):
    with pytest.raises(policytext.ConfigError, match="national"):
        policytext.compare_documents([], [plans["linhe"]])


# --------------------------------------------------------------------------- checklist


def test_check_requirements_on_charters():
    template = policytext.read(SOURCES / "charters" / "donghai_2023_consortium-charter-template.txt")
    results = policytext.check_requirements(template, "consortium_2023")
    status = {r.id: r for r in results}
    assert len(results) == len(policytext.load_requirements("consortium_2023")) >= 12
    assert status["council"].status == "present" and status["council"].clause.startswith("第")
    assert "理事会" in status["council"].evidence
    # the model charter says nothing of 订单培养 / 学徒制, nor of 考核评价
    assert status["training"].status in ("partly", "missing")
    assert status["evaluation"].status in ("partly", "missing")
    assert all(r.to_dict()["doc"] == template.id for r in results)


def test_check_requirements_custom_items_and_errors(tmp_path):
    doc = policytext.Document(id="c", source="c", format="txt",
                              text="第一条 联合体设立理事会，理事长由市政府分管领导担任。\n第二条 联合体成员包括企业和学校。")  # fmt: skip
    items = [
        {"id": "council", "text": "设立理事会", "keywords": ["理事会"], "any_of": [["理事长", "理事"]]},
        {"id": "members", "text": "成员包括企业、学校和科研机构", "keywords": ["成员"], "any_of": [["企业"], ["科研机构"]]},
        {"id": "money", "text": "明确经费来源", "keywords": ["经费"]},
    ]
    got = {r.id: (r.status, r.clause) for r in policytext.check_requirements(doc, items)}
    assert got == {"council": ("present", "第一条"), "members": ("partly", "第二条"), "money": ("missing", None)}
    bad = tmp_path / "bad.yaml"
    bad.write_text("items:\n  - id: a\n    text: x\n  - id: a\n    text: y\n", encoding="utf-8")
    with pytest.raises(policytext.ConfigError, match="duplicate id 'a'"):
        policytext.load_requirements(bad)
    with pytest.raises(policytext.ConfigError, match="needs an 'id' and a 'text'"):
        policytext.load_requirements([{"id": "x"}])
    with pytest.raises(policytext.ConfigError, match="no such"):
        policytext.load_requirements(tmp_path / "nope.yaml")


# --------------------------------------------------------------------------- real national -> local pairs


def _pairs_gold(
    shared: Path | None = None, files: tuple[Path, ...] | None = None
) -> dict[str, tuple[str, str, dict[str, tuple[str, str]]]]:
    """pair -> (national path, local path under ../shared, {local label: (split, national label)}) of all gold
    files, or of ``files`` only (each with the national and local paths in its rows)."""
    gold: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {}
    if files is not None:
        for path in files:
            for line in path.read_text(encoding="utf-8").splitlines()[1:]:
                pair, split, nat, loc, local, national = line.split("\t")
                gold.setdefault(pair, (nat, loc, {}))[2][local] = (split, national)
        return gold
    table = {}
    if shared is not None:
        for line in (shared / "corpora" / "PAIRS.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            table[cells[0]] = ("corpora/" + cells[1], "corpora/" + cells[2])
    for line in PAIRS_GOLD.read_text(encoding="utf-8").splitlines()[1:]:
        pair, split, local, national = line.split("\t")
        nat, loc = table.get(pair, ("", ""))
        gold.setdefault(pair, (nat, loc, {}))[2][local] = (split, national)
    for path in (PAIRS_FRESH, PAIRS_FINAL, PAIRS_PLANS, PAIRS_PLANS2):
        for line in path.read_text(encoding="utf-8").splitlines()[1:]:
            pair, split, nat, loc, local, national = line.split("\t")
            gold.setdefault(pair, (nat, loc, {}))[2][local] = (split, national)
    return gold


def _read_shared(shared: Path, path: str) -> policytext.Document:
    """A file under ../shared, or row N of a JSONL series (``…jsonl#N``, its ``content_zh``)."""
    file, _, row = path.partition("#")
    if not row:
        return policytext.read(shared / file)
    text = source_text(shared, path)
    return policytext.Document(id=f"row{row}", source=path.removeprefix("corpora/"), format="txt", text=text)


def evaluate_pairs(shared: Path, splits: set[str] | None = None, files: tuple[Path, ...] | None = None) -> dict[str, float]:
    """Top-1 accuracy of the national article and P/R/F1 of additions on the labelled pairs.

    Args:
        shared: the ``../shared`` folder.
        splits: the splits to score (default: all); see tests/data/compare/README.md.
        files: score against these label files only (default: every gold file).
    """
    correct = total = tp = fp = fn = 0
    for _pair, (national, local, labels) in _pairs_gold(shared, files).items():
        wanted = {k: v for k, (split, v) in labels.items() if splits is None or split in splits}
        if not wanted:
            continue
        rows = policytext.Aligner().fit([_read_shared(shared, national)]).align(_read_shared(shared, local))
        predicted = {r.local_clause: r.national_clause for r in rows}
        for label, want in wanted.items():
            if want == "?":
                continue
            got = predicted.get(label, "missing")
            if want == "ADD":
                tp += got is None
                fn += got is not None
            else:
                total += 1
                correct += got in want.split("|")
                fp += got is None
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"top1": correct / total, "n": total, "add_precision": precision, "add_recall": recall, "add_f1": f1}


@pytest.mark.parametrize(
    ("path", "splits", "min_rows", "min_pairs"),
    [
        (PAIRS_GOLD, {"calibration", "heldout1", "heldout2"}, 150, 5),
        (PAIRS_FRESH, {"calibration2", "heldout3"}, 150, 5),
        (PAIRS_FINAL, {"heldout4"}, 100, 3),
        (PAIRS_PLANS, {"plans"}, 10, 1),
        (PAIRS_PLANS2, {"plans2"}, 30, 2),
        (SECOND_READING, {"reader2"}, 200, 7),
    ],
)
def test_pairs_gold_is_well_formed(path, splits, min_rows, min_pairs):
    lines = path.read_text(encoding="utf-8").splitlines()
    fresh = path != PAIRS_GOLD
    header = "pair\tsplit\tnational\tlocal\tlocal_clause\tnational_clause" if fresh else "pair\tsplit\tlocal_clause\tnational_clause"
    assert lines[0] == header
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) >= min_rows and len({r[0] for r in rows}) >= min_pairs
    assert {r[1] for r in rows} == splits
    for r in rows:
        label = re.compile(r"第.+条$") if path not in (PAIRS_PLANS, PAIRS_PLANS2) else re.compile(r"[一二三四五六七八九十]+、(?:（[一二三四五六七八九十]+）)?$")
        assert r[-1] in ("ADD", "?") or all(label.match(x) for x in r[-1].split("|")), r
        assert label.match(r[-2]), r
    if fresh:  # each pair's files are named once
        assert len({(r[0], r[2], r[3]) for r in rows}) == len({r[0] for r in rows})
    assert len({(r[0], r[-2]) for r in rows}) == len(rows)  # one label per local article


@pytest.mark.slow
@pytest.mark.parametrize(
    ("splits", "top1", "add_f1"),
    [
        ({"calibration", "heldout1", "heldout2"}, 0.85, 0.7),  # the first labels (fitted on): 0.906 / 0.81
        ({"calibration2"}, 0.75, 0.4),  # regulation and 细则 pairs (fitted on): 0.822 / 0.44
        ({"heldout3"}, 0.8, 0.5),  # P09, P17 (fitted on since the third round): 0.849 / 0.65
        ({"heldout4"}, 0.75, 0.25),  # L02-L04, in no fit: 0.818 / 0.33 - a floor, not a goal
        # P08, a plan -> implementing notice: 0.545 on its first run; 0.909 with the title evidence,
        # which was designed on it (so in-sample); no ADD labels, so F1 is not measured (README)
        ({"plans"}, 0.8, 0.0),
        # S86, S60: two more plan -> implementing pairs, labelled blind and in no design: 0.853 on the first run
        ({"plans2"}, 0.8, 0.0),
    ],
)
def test_alignment_on_real_national_local_pairs(splits, top1, add_f1):
    shared = shared_path()
    scores = evaluate_pairs(shared, splits)
    print(sorted(splits), {k: round(v, 3) for k, v in scores.items()})
    assert scores["top1"] >= top1
    assert scores["add_f1"] >= add_f1


def test_second_reading_labels_the_same_articles_as_the_first():
    first = _pairs_gold()
    second = _pairs_gold(files=(SECOND_READING,))
    for pair, (_, _, labels) in second.items():
        assert set(labels) == set(first[pair][2]), pair


@pytest.mark.slow
def test_alignment_against_a_second_reading():
    # Seven PAIRS.tsv pairs read again, blind, by another reader (README "A second reading"): the two readings
    # agree on top-1 0.995 and on additions F1 0.889; the shipped model scores 0.839 / 0.657 against the second
    # (0.885 / 0.771 against the first, which it was fitted on).
    scores = evaluate_pairs(shared_path(), files=(SECOND_READING,))
    print({k: round(v, 3) for k, v in scores.items()})
    assert scores["top1"] >= 0.8
    assert scores["add_f1"] >= 0.6


def test_english_procedural_clauses():
    assert procedural_kind("These Measures shall come into force on 1 January 2024.") == "effective"
    assert procedural_kind("These Measures are formulated in order to promote vocational education.") == "purpose"
    assert procedural_kind("These Measures apply to schools within the city.") == "scope"
    assert procedural_kind("Schools shall open their training facilities.") == ""


FORESTRY = """智慧林业发展指导意见
一、总体要求
充分利用物联网、云计算等新一代信息技术，推进林业资源监管数字化，提升森林防火和病虫害监测预警能力。
二、主要任务
（一）建设林业资源监管平台，实现森林、湿地、荒漠化土地和野生动植物资源的动态监测。
（二）完善森林防火视频监控网络，提高火情早期发现和应急指挥能力。
（三）推广林业有害生物遥感监测，建立病虫害预警和防治信息系统。
（四）推进国有林场和林区道路、管护站点的信息化改造。
"""


def test_a_document_that_takes_up_nothing_is_all_additions(notice, plans):
    forestry = policytext.read_bytes(FORESTRY.encode(), source="forestry.txt")
    result = policytext.compare_documents([notice], [forestry, plans["linhe"]])
    rows = {d: [a for a in result.alignments if a.local_doc == d] for d in (forestry.id, plans["linhe"].id)}
    assert rows[forestry.id] and {a.relation for a in rows[forestry.id]} == {"adds"}
    assert all(a.national_clause is None for a in rows[forestry.id])
    assert any(a.relation in ("restates", "specifies") for a in rows[plans["linhe"].id])  # a related plan is untouched
    # the check can be turned off: the clauses are then ranked as usual
    aligner = policytext.Aligner(unrelated_support=None).fit([notice])
    assert any(a.relation != "adds" for a in aligner.align(forestry))
