"""The 红头 reader: 文号, dates, issuer, addressee, kind; laws' history; real documents in ../shared."""

from __future__ import annotations

import csv
import re

import pytest
from conftest import shared_path

from policytext.ingest import read
from policytext.ingest.metadata import find_dates, normalize_doc_number, parse_date, read_metadata

# --- dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("二〇二三年四月十八日", "2023-04-18"),
        ("二○二三年四月十八日", "2023-04-18"),
        ("二〇二三年十二月三十一日", "2023-12-31"),
        ("2023年4月18日", "2023-04-18"),
        ("2023 年 04 月 18 日", "2023-04-18"),
        ("2023-04-18", "2023-04-18"),
        ("2023.4.18", "2023-04-18"),
        ("2023/04/18", "2023-04-18"),
        ("18 April 2023", "2023-04-18"),
        ("April 18, 2023", "2023-04-18"),
        ("18th of April, 2023", "2023-04-18"),
        ("Sept. 3, 2021", "2021-09-03"),
    ],
)
def test_parse_date_formats(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["2023年2月30日", "2023-13-01", "比例为1.6倍", "第2023号", ""])
def test_parse_date_rejects_non_dates(text):
    assert parse_date(text) is None


def test_find_dates_in_order():
    assert [iso for _, _, iso in find_dates("自2021年5月1日起施行，2020-01-02废止")] == [
        "2021-05-01",
        "2020-01-02",
    ]


# --- 文号 -------------------------------------------------------------------

BRACKETS = [
    ("〔", "〕"),
    ("[", "]"),
    ("［", "］"),
    ("（", "）"),
    ("(", ")"),
    ("【", "】"),
    ("﹝", "﹞"),
    ("〖", "〗"),
]


def red_head(number: str, *, date: str = "2023年4月18日") -> str:
    return "\n".join(
        [
            "教育部办公厅文件",
            number,
            "教育部办公厅关于加快推进现代职业教育体系建设改革重点任务的通知",
            "各省、自治区、直辖市教育厅（教委），各计划单列市教育局，新疆生产建设兵团教育局：",
            "为深入贯彻落实《关于深化现代职业教育体系建设改革的意见》（中办发〔2022〕65号），现将有关事项通知如下。",
            "一、总体要求",
            "（一）加强组织领导。各地要高度重视。",
            "附件：重点任务清单",
            "教育部办公厅",
            date,
            "（此件主动公开）",
            "教育部办公厅 2023年4月19日印发",
        ]
    )


@pytest.mark.parametrize(("open_", "close"), BRACKETS)
def test_doc_number_every_bracket_variant_is_normalised(open_, close):
    raw = f"教职成厅函{open_}2023{close}15号"
    meta = read_metadata(red_head(raw))
    assert meta["doc_number"] == "教职成厅函〔2023〕15号"
    assert meta["doc_number_raw"] == raw
    assert meta["year"] == 2023


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("教职成厅函 〔2023〕 15 号", "教职成厅函〔2023〕15号"),
        ("穗府办规〔2021〕07号", "穗府办规〔2021〕7号"),
        ("国发〔2014〕第47号", "国发〔2014〕47号"),
        ("中华人民共和国国务院令第746号", "国务院令第746号"),
        ("中华人民共和国国务院令 第 746 号", "国务院令第746号"),
        ("国务院令（第746号）", "国务院令第746号"),
        ("广州市人民政府令第179号", "广州市人民政府令第179号"),
        ("中华人民共和国主席令第三十一号", "主席令第三十一号"),
    ],
)
def test_normalize_doc_number(raw, normal):
    assert normalize_doc_number(raw) == normal


def test_red_head_document_reads_fully():
    meta = read_metadata(red_head("教职成厅函〔2023〕15号", date="二〇二三年四月十八日"))
    assert meta == {
        "title": "教育部办公厅关于加快推进现代职业教育体系建设改革重点任务的通知",
        "issuer": "教育部办公厅",
        "doc_number": "教职成厅函〔2023〕15号",
        "doc_number_raw": "教职成厅函〔2023〕15号",
        "date": "2023-04-18",
        "year": 2023,
        "kind": "通知",
        "addressee": "各省、自治区、直辖市教育厅（教委），各计划单列市教育局，新疆生产建设兵团教育局",
        "printed": "2023-04-19",
    }


def test_doc_number_cited_in_the_body_is_not_the_documents_own():
    text = "关于做好2023年职业教育工作的通知\n各有关单位：\n根据《国务院关于印发国家职业教育改革实施方案的通知》（国发〔2019〕4号），现通知如下。\n某市教育局\n2023年3月1日"
    meta = read_metadata(text)
    assert "doc_number" not in meta
    assert meta["issuer"] == "某市教育局" and meta["date"] == "2023-03-01" and meta["year"] == 2023


def test_doc_number_with_issuer_signature_line_and_label():
    text = "国家发展改革委文件\n发改社会〔2024〕318号  签发人：张三\n国家发展改革委关于某事项的请示\n国务院：\n现将有关情况报告如下。"
    meta = read_metadata(text)
    assert (
        meta["doc_number"] == "发改社会〔2024〕318号"
        and meta["kind"] == "请示"
        and meta["addressee"] == "国务院"
    )
    labelled = read_metadata(
        "文号：粤府办〔2020〕12号\n广东省人民政府办公厅关于某事项的通知\n各地级以上市人民政府：\n现通知如下。"
    )
    assert labelled["doc_number"] == "粤府办〔2020〕12号"


def test_doc_number_in_the_titles_parentheses():
    meta = read_metadata(
        "广州市临时救助实施细则（穗府办规〔2021〕19号）\n第一条 为完善社会救助体系，制定本细则。"
    )
    assert meta["doc_number"] == "穗府办规〔2021〕19号" and meta["kind"] == "细则"


def test_wrapped_title_and_several_issuers_signing():
    text = "\n".join(
        [
            "穗人社规字〔2022〕2号",
            "广州市人力资源和社会保障局 广州市公安局",
            "关于印发广州市引进人才入户管理办法",
            "实施细则的通知",
            "各有关单位：",
            "现将《广州市引进人才入户管理办法实施细则》印发给你们，请认真组织实施。",
            "广州市人力资源和社会保障局",
            "广州市公安局",
            "2022年7月7日",
        ]
    )
    meta = read_metadata(text)
    assert (
        meta["title"]
        == "广州市人力资源和社会保障局 广州市公安局关于印发广州市引进人才入户管理办法实施细则的通知"
    )
    assert meta["issuer"] == "广州市人力资源和社会保障局、广州市公安局"
    assert meta["addressee"] == "各有关单位" and meta["date"] == "2022-07-07" and meta["kind"] == "通知"


def test_order_header_split_over_two_lines():
    text = "广州市人民政府令\n第179号\n《广州市老年人优待办法》已经2021年1月8日市政府常务会议通过，现予公布，自2021年5月1日起施行。\n市 长：温国辉\n2021年1月29日\n广州市老年人优待办法\n第一条 为保障老年人合法权益，制定本办法。"
    meta = read_metadata(text)
    assert meta["doc_number"] == "广州市人民政府令第179号"
    assert meta["issuer"] == "广州市人民政府" and meta["title"] == "广州市老年人优待办法"
    assert meta["date"] == "2021-01-29" and meta["effective"] == "2021-05-01" and meta["kind"] == "办法"


def test_law_history_in_parentheses_under_the_title():
    text = (
        "中华人民共和国教师法\n"
        "（1993年10月31日第八届全国人民代表大会常务委员会第四次会议通过　根据2009年8月27日第十一届全国人民代表大会"
        "常务委员会第十次会议《关于修改部分法律的决定》修正）\n"
        "第一章　总则\n第一条　为了保障教师的合法权益，制定本法。"
    )
    meta = read_metadata(text)
    assert meta["adopted"] == "1993-10-31" and meta["amended"] == ["2009-08-27"]
    assert meta["date"] == "2009-08-27" and meta["year"] == 2009
    assert meta["issuer"] == "全国人民代表大会常务委员会" and meta["kind"] == "法"


def test_law_history_wrapped_over_lines_with_chinese_numerals():
    text = (
        "中华人民共和国职业教育法\n（一九九六年五月十五日第八届全国人民代表大会常务委员会第十九次会议通过\n"
        "二〇二二年四月二十日第十三届全国人民代表大会常务委员会第三十四次会议修订）\n第一章 总则"
    )
    meta = read_metadata(text)
    assert (
        meta["adopted"] == "1996-05-15" and meta["amended"] == ["2022-04-20"] and meta["date"] == "2022-04-20"
    )


def test_regulation_promulgated_by_order():
    meta = read_metadata(
        "中华人民共和国市场主体登记管理条例\n（2021年7月27日中华人民共和国国务院令第746号公布）\n第一章 总则"
    )
    assert (
        meta["doc_number"] == "国务院令第746号" and meta["doc_number_raw"] == "中华人民共和国国务院令第746号"
    )
    assert meta["issuer"] == "国务院" and meta["date"] == "2021-07-27" and meta["kind"] == "条例"


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("国务院关于印发《国家职业教育改革实施方案》的通知", "通知"),
        ("中共中央、国务院印发《教育强国建设规划纲要（2024—2035年）》", "纲要"),
        ("广州市引进人才入户管理办法实施细则", "细则"),
        ("关于深化现代职业教育体系建设改革的意见（试行）", "意见"),
        ("中华人民共和国职业教育法", "法"),
        ("2024年中华人民共和国国务院政府工作报告", "报告"),
        ("某市养老服务设施专项规划（2021—2035年）", "规划"),
        ("某某大学章程", "章程"),
    ],
)
def test_kind_from_the_titles_last_word(title, kind):
    assert read_metadata(title + "\n各有关单位：\n正文内容，现通知如下。")["kind"] == kind


def test_english_document():
    text = "\n".join(
        [
            "General Office of the Ministry of Education",
            "Jiao Zhi Cheng Ting Han [2023] No. 15",
            "Notice of the General Office of the Ministry of Education on Accelerating the Reform of Vocational Education",
            "To the education departments of all provinces, autonomous regions and municipalities:",
            "In order to implement the guidelines, the following notice is issued.",
            "General Office of the Ministry of Education",
            "18 April 2023",
        ]
    )
    meta = read_metadata(text, lang="en")
    assert meta["doc_number"] == "Jiao Zhi Cheng Ting Han [2023] No. 15"
    assert meta["title"].startswith("Notice of the General Office") and meta["kind"] == "Notice"
    assert meta["issuer"] == "General Office of the Ministry of Education"
    assert meta["date"] == "2023-04-18" and meta["year"] == 2023
    other = read_metadata(
        "Measures for the Administration of Vocational Schools\nNo. 15 [2023]\nApril 18, 2023\nArticle 1 ...",
        lang="en",
    )
    assert (
        other["doc_number"] == "No. 15 [2023]"
        and other["date"] == "2023-04-18"
        and other["kind"] == "Measures"
    )


def test_empty_text_gives_no_metadata():
    assert read_metadata("") == {}
    assert read_metadata("\n \n") == {}


# --- real documents in ../shared ----------------------------------------------------


def manifest() -> dict[str, dict[str, str]]:
    with open(shared_path("corpora", "MANIFEST.tsv"), encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh, delimiter="\t")}


# Signing date (成文日期) of each page as printed on it, checked by reading the pages;
# the 令 and the regulation are dated by their promulgation. The 印发 date, where the
# page prints one, is the "printed" date.
GUANGZHOU_DATES = {
    "guangzhou-site_market-entity-registration-regulation_sc-order746.html": ("2021-07-27", None),
    "guangzhou_elderly-preferential-treatment-measures_order179.html": ("2021-01-29", "2021-02-07"),
    "guangzhou_employment-internship-base-measures_2019.html": ("2019-10-09", None),
    "guangzhou_extreme-poverty-support-notice_2021.html": ("2021-04-13", "2021-04-16"),
    "guangzhou_home-community-elderly-care-measures_2022.html": ("2022-09-06", "2022-09-13"),
    "guangzhou_points-hukou-measures_2025.html": ("2025-06-30", "2025-07-04"),
    "guangzhou_public-rental-housing-measures_2024.html": ("2024-07-26", "2024-07-29"),
    "guangzhou_talent-hukou-implementing-rules_2022.html": ("2020-06-29", None),
    "guangzhou_talent-hukou-measures_2020.html": ("2022-07-07", None),
    "guangzhou_temporary-assistance-rules_2021.html": ("2021-12-01", "2021-12-06"),
}
# MANIFEST gives these two pages each other's title: the file named ..._implementing-rules_2022
# holds 穗府办规〔2020〕10号 (the 办法) and ..._measures_2020 holds 穗人社规字〔2022〕2号 (the 细则),
# as their own 文号 lines, titles and 基本信息 boxes show.
MANIFEST_SWAPPED = {
    "guangzhou_talent-hukou-implementing-rules_2022.html": "guangzhou_talent-hukou-measures_2020.html",
    "guangzhou_talent-hukou-measures_2020.html": "guangzhou_talent-hukou-implementing-rules_2022.html",
}


def manifest_doc_number(title: str) -> str:
    found = re.findall(r"（([^（）]*?号)）", title)
    assert found, f"no 文号 in the MANIFEST title {title!r}"
    return found[0]


@pytest.mark.parametrize("name", sorted(GUANGZHOU_DATES))
def test_guangzhou_doc_number_and_date(name):
    doc = read(shared_path("corpora", "local", "html", name))
    rows = manifest()
    row = rows[f"local/html/{MANIFEST_SWAPPED.get(name, name)}"]
    date, printed = GUANGZHOU_DATES[name]
    assert doc.metadata["doc_number"] == manifest_doc_number(row["title"])
    assert doc.metadata["date"] == date
    assert doc.metadata.get("printed") == printed
    assert doc.metadata["year"] == int(date[:4])


@pytest.mark.parametrize("name", sorted(MANIFEST_SWAPPED))
def test_guangzhou_swapped_manifest_rows_are_still_swapped(name):
    """If MANIFEST is corrected, MANIFEST_SWAPPED above must go."""
    row = manifest()[f"local/html/{name}"]
    doc = read(shared_path("corpora", "local", "html", name))
    assert manifest_doc_number(row["title"]) != doc.metadata["doc_number"]


@pytest.mark.parametrize(
    ("name", "adopted", "amended"),
    [
        ("law_compulsory-education-law_2018.md", "1986-04-12", ["2006-06-29", "2015-04-24", "2018-12-29"]),
        ("law_education-law_2021.md", "1995-03-18", ["2009-08-27", "2015-12-27", "2021-04-29"]),
        ("law_employment-promotion-law_2015.md", "2007-08-30", ["2015-04-24"]),
        ("law_higher-education-law_2018.md", "1998-08-29", ["2015-12-27", "2018-12-29"]),
        (
            "law_private-education-promotion-law_2018.md",
            "2002-12-28",
            ["2013-06-29", "2016-11-07", "2018-12-29"],
        ),
        ("law_teachers-law_2009.md", "1993-10-31", ["2009-08-27"]),
        ("law_vocational-education-law_1996.md", "1996-05-15", []),
        ("law_vocational-education-law_2022.md", "1996-05-15", ["2022-04-20"]),
        ("reg_private-education-promotion-law-implementing-regulation_2021.md", "2004-03-05", ["2021-04-07"]),
    ],
)
def test_laws_adoption_and_amendments(name, adopted, amended):
    doc = read(shared_path("corpora", "directives", name))
    row = manifest()[f"directives/{name}"]
    meta = doc.metadata
    assert meta["adopted"] == adopted
    assert meta.get("amended", []) == amended
    assert meta["date"] == (amended or [adopted])[-1]
    assert meta["year"] == int(row["year"])
    assert meta["issuer"] == row["issuing_body"]
    assert row["title"].startswith(meta["title"])
    assert meta["kind"] == ("条例" if name.startswith("reg_") else "法")
    if name.startswith("reg_"):
        assert meta["doc_number"] == "国务院令第741号"


def test_moe_directive_txt():
    meta = read(
        shared_path(
            "corpora", "directives", "moe_2026_deepening-key-teaching-elements-reform_jiaozhicheng-2026-1.txt"
        )
    ).metadata
    assert meta["title"] == "教育部关于深化职业教育教学关键要素改革的意见"
    assert meta["doc_number"] == "教职成〔2026〕1号"
    assert meta["issuer"] == "教育部" and meta["date"] == "2026-02-04" and meta["year"] == 2026
    assert meta["kind"] == "意见"
    assert meta["addressee"] == "各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局"


def test_cpc_state_council_release_txt():
    meta = read(
        shared_path("corpora", "directives", "cpc-sc_2025_education-power-plan-2024-2035.txt")
    ).metadata
    assert meta["title"] == "中共中央、国务院印发《教育强国建设规划纲要（2024—2035年）》"
    assert meta["issuer"] == "中共中央、国务院" and meta["kind"] == "纲要"
    assert "doc_number" not in meta and "date" not in meta  # the news release prints neither


def test_joint_document_signature_names_every_issuer():
    text = "\n".join(
        [
            "东海省教育厅文件",
            "东教职〔2023〕12号",
            "东海省教育厅等三部门关于印发《东海省推进市域产教联合体建设实施方案》的通知",
            "各设区市教育局、发展改革委、财政局：",
            "现将实施方案印发给你们，请结合实际认真贯彻落实。",
            "东海省教育厅 东海省发展和改革委员会",
            "东海省财政厅",
            "2023年6月28日",
        ]
    )
    assert read_metadata(text)["issuer"] == "东海省教育厅、东海省发展和改革委员会、东海省财政厅"


def test_letter_head_without_wenjian():
    text = "教育部办公厅\n教职成厅函〔2023〕15号\n教育部办公厅关于推进市域产教联合体建设的通知\n各省级教育行政部门：\n现就有关事项通知如下。"
    meta = read_metadata(text)
    assert (
        meta["issuer"] == "教育部办公厅" and meta["title"] == "教育部办公厅关于推进市域产教联合体建设的通知"
    )


def test_title_printed_twice_is_not_doubled():
    text = "中华人民共和国慈善法\n中华人民共和国慈善法\n第一章 总则\n第一条 为了发展慈善事业，制定本法。"
    assert read_metadata(text)["title"] == "中华人民共和国慈善法"
    wrapped = "中华人民共和国各级人民代表大会常务委员会监督法\n中华人民共和国各级人民代表大会 常务委员会监督法\n第一章 总则"
    assert read_metadata(wrapped)["title"] == "中华人民共和国各级人民代表大会常务委员会监督法"


@pytest.mark.slow
def test_lawrefbook_355_laws_titles_and_history():
    """Every law's title, and an adoption date wherever its header block gives one."""
    index = shared_path("gold", "laws_lawrefbook", "INDEX.tsv")
    with open(index, encoding="utf-8") as fh:
        rows = list(csv.DictReader((ln for ln in fh if not ln.startswith("#")), delimiter="\t"))
    titles = adopted = with_history = 0
    for row in rows:
        path = index.parent / row["local_path"]
        meta = read(path).metadata
        titles += meta.get("title", "#") in row["title_lines"]
        header = path.read_text(encoding="utf-8").split("<!-- INFO END -->")[0]
        if re.search(r"\d{4}年\d{1,2}月\d{1,2}日.*(?:通过|公布|发布)", header):
            with_history += 1
            adopted += "adopted" in meta
    assert titles == len(rows) == 355
    assert adopted == with_history
