"""Reading PDFs: furniture removal, line joining, hostile files, OCR.

Covers ``policytext.ingest.pdf``, ``.clean`` and ``.ocr``. Most PDFs are
typeset at test time with ``scripts/officialpdf.py`` (GB/T 9704 layout, running
header, page numbers in every style); the hostile files come from
``../shared/gold/pdf_cases`` and ``../shared/corpora/pdf-cases``.
"""

from __future__ import annotations

import csv
import importlib.util
import re
import statistics
import sys
from pathlib import Path

import pytest
from conftest import ROOT, shared_path

import policytext
from policytext.errors import (
    EmptyDocumentError,
    InputError,
    PasswordError,
    UnknownStrategyError,
    UnreadableDocumentError,
)
from policytext.ingest import clean as clean_module
from policytext.ingest.clean import (
    Line,
    PageLines,
    clean_pages,
    close_cjk_spacing,
    is_heading,
    is_page_number,
    map_hkscs_pua,
    recover_gbk,
)
from policytext.ingest.normalize import normalize
from policytext.ingest.pdf import saslprep

ENGINES = ["pdfplumber", "pdfium"]


def _load_officialpdf():
    if "officialpdf" in sys.modules:
        return sys.modules["officialpdf"]
    spec = importlib.util.spec_from_file_location("officialpdf", ROOT / "scripts" / "officialpdf.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["officialpdf"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def officialpdf():
    """The PDF typesetter in scripts/ (needs reportlab, the 'dev' extra)."""
    pytest.importorskip("reportlab", reason="typesetting test PDFs needs reportlab (the 'dev' extra)")
    return _load_officialpdf()


def accuracy(text: str, reference: str) -> float:
    """1 - edit distance / reference length, whitespace ignored, both normalised."""
    from rapidfuzz.distance import Levenshtein

    a = re.sub(r"\s+", "", normalize(text))
    b = re.sub(r"\s+", "", normalize(reference))
    return 1.0 - Levenshtein.distance(a, b) / max(len(b), 1)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


# --- a Chinese and an English text written for these tests ---------------------------------

ZH_TITLE = "某市职业教育促进办法"
ZH_BODY = [
    "## 第一章 总则",
    "第一条 为了促进本市职业教育发展，完善现代职业教育体系，培养高素质技术技能人才，服务区域经济社会发展，"
    "根据《中华人民共和国职业教育法》和有关法律、法规，结合本市实际，制定本办法。",
    "第二条 本办法适用于本市行政区域内的职业学校教育和职业培训，以及与之相关的管理、保障和监督活动。",
    "第三条 市人民政府应当将职业教育纳入国民经济和社会发展规划，与产业发展规划相衔接，"
    "统筹安排职业教育的发展规模、专业布局和经费投入，建立健全职业教育工作联席会议制度，"
    "研究解决职业教育发展中的重大问题。区人民政府负责本行政区域内职业教育的统筹规划、综合协调和督导评估。",
    "第四条 教育行政部门负责职业教育工作的统筹规划、综合协调和宏观管理；人力资源社会保障部门"
    "负责职业培训和技工院校的管理工作；发展改革、财政、工业和信息化、农业农村等部门在各自职责范围内，"
    "做好职业教育相关工作。",
    "## 第二章 职业学校教育",
    "第五条 职业学校应当坚持立德树人、德技并修，推行产教融合、校企合作、工学结合、知行合一的人才培养模式，"
    "根据产业需求动态调整专业设置，到2025年，全市职业学校专业与重点产业的匹配度达到百分之九十以上。",
    "第六条 鼓励职业学校与行业组织、企业共建实训基地、产业学院和技术技能创新平台，开展订单培养、"
    "现代学徒制和企业新型学徒制培养。企业接收职业学校学生实习的，应当签订实习协议，明确各方权利义务，"
    "并为实习学生提供必要的劳动保护和安全教育。学校和企业不得安排学生从事高风险、高强度的实习工作，"
    "不得以实习为名收取费用或者变相牟利。",
    "第七条 职业学校可以面向社会开展职业培训、技术服务和技能鉴定，所得收入可以按照国家和本市有关规定"
    "用于改善办学条件和支付教职工劳动报酬。",
    "## 第三章 保障措施",
    "第八条 市和区人民政府应当建立与办学规模、培养成本和办学质量相适应的财政投入制度，"
    "逐步提高职业学校生均经费标准，新增教育经费向职业教育倾斜。地方教育附加费用于职业教育的比例"
    "不得低于百分之三十。",
    "第九条 建立健全职业学校教师培养培训体系，支持职业学校聘请企业技术人员、能工巧匠担任兼职教师，"
    "兼职教师的聘用不受职业学校编制和岗位数额的限制。职业学校专业课教师每五年累计到企业或者实训基地"
    "实践的时间不少于六个月。",
    "第十条 对在职业教育工作中作出突出贡献的单位和个人，按照国家和本市有关规定给予表彰和奖励。",
    "## 第四章 附则",
    "第十一条 本办法自2025年1月1日起施行。",
]
ZH_ISSUER = "某市人民政府办公厅"
ZH_NUMBER = "某政办发〔2024〕12号"

EN_TITLE = "Report on the Implementation of the Vocational Education Plan"
EN_BODY = [
    "1. Overall progress",
    "Over the past year, governments at all levels strengthened coordination between vocational "
    "education and industrial development, and the number of students enrolled in vocational "
    "institutions reached a record high. Experimental programmes for school-enterprise cooperation were "
    "expanded to all provinces, and internationally comparable qualification frameworks were established. "
    "Institutions improved their infrastructure, and administrative responsibilities were clarified.",
    "Despite these achievements, considerable challenges remain. Funding arrangements are insufficiently "
    "coordinated, the representativeness of industry associations is uneven, and the employability of "
    "graduates in underdeveloped regions has not improved as expected. Teachers with practical experience "
    "remain in short supply, particularly in manufacturing, healthcare, and environmental protection.",
    "2. Priorities for the coming year",
    "We will increase investment in vocational education, modernise curricula in cooperation with "
    "enterprises, and establish a nationwide system of low- and medium-cost training programmes for "
    "workers who need to update their skills. Well-known enterprises will be encouraged to host "
    "apprenticeships, and internationalisation of vocational institutions will be supported through "
    "exchanges of teachers and students. Accountability mechanisms will be strengthened so that "
    "resources are used transparently and effectively.",
    "Local governments will be responsible for implementation, and the results will be assessed by "
    "independent evaluators. Departments that fail to meet their responsibilities will be held to account, "
    "and outstanding institutions will be recognised and rewarded in accordance with the regulations.",
]


def build_zh(officialpdf, path: Path, **options):
    defaults = dict(
        title=ZH_TITLE, body_lines=ZH_BODY, issuer=ZH_ISSUER, doc_number=ZH_NUMBER, header=ZH_ISSUER,
        signature=[ZH_ISSUER, "2024年12月20日"], font="stsong",
    )
    defaults.update(options)
    return officialpdf.build_pdf(path, **defaults)


def build_en(officialpdf, path: Path, **options):
    defaults = dict(
        title=EN_TITLE, body_lines=EN_BODY, issuer="Ministry of Education", doc_number="Doc. No. 2024/15",
        header="Vocational Education Plan", header_on_first_page=True, lang="en", font_size=15,
        page_style="page-of",
    )
    defaults.update(options)
    return officialpdf.build_pdf(path, **defaults)


def assert_clean(doc, built, *, min_lines: float = 0.98) -> None:
    """The typeset text is back: accurate, paragraphs as lines, no header or page numbers."""
    reference = normalize(built.text)
    assert accuracy(doc.text, reference) >= 0.995
    # the running header appears only where the body itself has it
    if built.header:
        assert doc.text.count(built.header) == reference.count(built.header)
    if built.footer:
        assert doc.text.count(built.footer) == reference.count(built.footer)
    out_lines = [re.sub(r"\s+", " ", ln).strip() for ln in doc.text.split("\n")]
    assert not [ln for ln in out_lines if ln and is_page_number(ln)]
    for label in set(built.page_labels):
        # "— 3 —", "第3页 共10页", "Page 3 of 10" (bare "3" or "xi" may well be part of the text)
        if label and not label.isalnum():
            assert squeeze(normalize(label)) not in squeeze(doc.text)
    ref_lines = [re.sub(r"\s+", " ", ln).strip() for ln in reference.split("\n")]
    kept = sum(1 for ln in ref_lines if ln in set(out_lines))
    assert kept / len(ref_lines) >= min_lines, set(ref_lines) - set(out_lines)
    # every page's text is its span of the document text
    for page in doc.pages:
        assert doc.text[page.start : page.end] == page.text


# --- clean: patterns and repairs -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["— 3 —", "- 3 -", "－3－", "第3页 共10页", "第 12 页", "共10页 第3页", "Page 3 of 10", "page 7", "3 / 10",
     "3", "iii", "xiv", "- iv -", "（3）", "·5·"],
)
def test_page_number_patterns(text):
    assert is_page_number(text)


@pytest.mark.parametrize(
    "text", ["第三条", "2023年", "总则", "Article 3", "（一）总则", "i.e.", "civil", "3.5%", "第3章", "100 people"]
)
def test_not_page_numbers(text):
    assert not is_page_number(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一章 总则", True), ("第十二条 本办法", True), ("第一条为了规范", True), ("一、总体要求", True),
        ("（三）加强保障", True), ("1. Overall progress", True), ("12、工作要求", True), ("Article 5 The", True),
        ("I. Review", True), ("1.2 Scope of work", True), ("附件1：名单", True),
        ("第十条、第十一条规定的", False), ("第十条规定的条件", False), ("1.3 million hectares", False),
        ("2022. In addition", False), ("学校和其他教育机构", False), ("ill. Patients", False),
    ],
)
def test_heading_patterns(text, expected):
    assert is_heading(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ä¿Â¼", "目录"),  # the issue's example
        ("COMPANY: ±±¶·ÐÇ", "COMPANY: 北斗星"),
        ("È«ÊÀ½çÎÞ²úÕß£¬ÁªºÏÆðÀ´", "全世界无产者，联合起来"),
        ("Le café est créé à Paris", "Le café est créé à Paris"),  # real French stays
        ("Straße und Ökonomie", "Straße und Ökonomie"),
        ("填写“”中的内容……", "填写“”中的内容……"),  # curly quotes and ellipses alone are not GBK bytes
        ("plain ASCII text", "plain ASCII text"),
    ],
)
def test_recover_gbk(text, expected):
    assert recover_gbk(text) == expected


def test_close_cjk_spacing():
    assert close_cjk_spacing("关 于 红 军 作 战 的 原 则") == "关于红军作战的原则"
    assert close_cjk_spacing("第一条 为了保障教师的合法权益") == "第一条 为了保障教师的合法权益"


def test_hkscs_private_use_characters():
    # 胡駿 + U+E687: an HKSCS name character that a Hong Kong font keeps in the PUA
    assert map_hkscs_pua("胡駿\ue687") == "胡駿\U0002555b"
    page = PageLines([Line("中文姓名 胡駿\ue687", 50, 200, 50, 62, 12)], 595, 842)
    assert clean_pages([page]).pages == ["中文姓名 胡駿\U0002555b"]
    # in Simplified Chinese the same code point is a GBK user-defined character: left alone
    page = PageLines([Line("姓名 王\ue687", 50, 200, 50, 62, 12)], 595, 842)
    assert clean_pages([page]).pages == ["姓名 王\ue687"]


def test_saslprep():
    assert saslprep("S\u00aaSL\u00adprep") == "SaSLprep"
    assert saslprep("plain") == "plain"


# --- clean: synthetic pages ---------------------------------------------------------------------


def zh_page(number: int, body: list[tuple[str, float, float]], *, header: str | None = "某市人民政府办公厅",
            label: str | None = None) -> PageLines:
    """A 595 x 842 page: header at the top, body lines (text, x0, x1) from y=110, a page number at the foot."""
    lines = []
    if header:
        lines.append(Line(header, 250, 345, 60, 70.5, 10.5))
    for k, (text, x0, x1) in enumerate(body):
        top = 110 + 29 * k
        lines.append(Line(text, x0, x1, top, top + 16, 16))
    if label is not None:
        lines.append(Line(label, 480, 520, 770, 784, 14))
    return PageLines(lines, 595, 842)


FULL = 79 + 27 * 16  # right edge of a full line: 27 characters from x=79


def test_running_header_and_page_numbers_removed_and_lines_joined():
    pages = [
        zh_page(1, [("第一条 为了规范本市职业教育工作，根据有关法律", 111, FULL),
                    ("法规，结合本市实际，制定本办法。", 79, 79 + 16 * 16),
                    ("第二条 本办法适用于本市行政区域内的职业学校教", 111, FULL)],
                header=None, label="— 1 —"),
        zh_page(2, [("育和职业培训活动，以及相关的管理和保障工作。", 79, 79 + 22 * 16),
                    ("第三条 市人民政府应当将职业教育纳入国民经济和", 111, FULL)], label="— 2 —"),
        zh_page(3, [("社会发展规划。", 79, 79 + 7 * 16)], label="— 3 —"),
    ]
    out = clean_pages(pages)
    text = "\n".join(out.pages)
    assert "某市人民政府办公厅" not in text
    assert "—" not in text
    assert out.pages[0].split("\n") == [
        "第一条 为了规范本市职业教育工作，根据有关法律法规，结合本市实际，制定本办法。",
        "第二条 本办法适用于本市行政区域内的职业学校教",
    ]
    # the article runs on across both page breaks: no newline, no space
    assert out.joins == ["", ""]
    joined = out.pages[0] + out.joins[0] + out.pages[1] + out.joins[1] + out.pages[2]
    assert "第二条 本办法适用于本市行政区域内的职业学校教育和职业培训活动" in joined
    assert "第三条 市人民政府应当将职业教育纳入国民经济和社会发展规划。" in joined
    assert out.removed[1] == ["— 2 —", "某市人民政府办公厅"] or set(out.removed[1]) == {"— 2 —", "某市人民政府办公厅"}


def test_new_page_with_indent_starts_a_paragraph():
    pages = [
        zh_page(1, [("第一条 为了规范本市职业教育工作，根据有关法律", 111, FULL)], header=None, label="1"),
        zh_page(2, [("第二条 本办法适用于本市行政区域内的职业学校。", 111, 111 + 24 * 16)], header=None, label="2"),
    ]
    assert clean_pages(pages).joins == ["\n"]


def test_one_page_document_loses_its_page_number_only():
    page = PageLines(
        [Line("zen_of_python.txt", 300, 400, 20, 30, 10, None),
         Line("Mai 30, 18 13:27 printout Page 1/1", 40, 800, 40, 50, 10,
              [(40, 120, "Mai 30, 18 13:27"), (300, 380, "printout"), (740, 800, "Page 1/1")]),
         Line("Beautiful is better than ugly.", 40, 300, 100, 110, 10),
         Line("2021 3 31", 40, 200, 780, 790, 10, [(40, 80, "2021"), (120, 130, "3"), (180, 200, "31")]),
         Line("- 1 -", 280, 320, 810, 820, 10)],
        842, 842,
    )
    text = clean_pages([page]).pages[0]
    assert "Page 1/1" not in text and "- 1 -" not in text
    assert "Mai 30, 18 13:27 printout" in text
    assert "2021 3 31" in text  # a row of numbers that is content, not a folio


def test_english_wrapping_hyphenation_and_compounds():
    lines = [
        ("The committee recommended a compre-", 72, 523),
        ("hensive review of low- and medium-", 72, 523),
        ("income housing and of well-known", 72, 523),
        ("schemes, including the well-", 72, 523),
        ("known pilot.", 72, 140),
    ]
    page = PageLines([Line(t, a, b, 100 + 14 * k, 111 + 14 * k, 11) for k, (t, a, b) in enumerate(lines)], 595, 842)
    assert clean_pages([page]).pages == [
        "The committee recommended a comprehensive review of low- and medium-income housing and of "
        "well-known schemes, including the well-known pilot."
    ]


def _en_page(lines: list[tuple[str, float]], first_top: float = 100.0) -> PageLines:
    """An English page: (text, x1) lines from x=72 at a 14.3 pt pitch, 11 pt type, block paragraphs."""
    return PageLines([Line(t, 72, x1, first_top + 14.3 * k, first_top + 14.3 * k + 11, 11)
                      for k, (t, x1) in enumerate(lines)], 595, 842)


FULL_EN = 523.0


def test_english_paragraph_ending_a_page_early_is_not_run_on():
    body = [("The committee met on four occasions and reviewed the plan in full and", FULL_EN)] * 48
    nxt = _en_page([("Second, the budget was approved.", 300)] + body[:5])

    def joins(last_line: str, lines_on_page: int, next_page: PageLines = nxt) -> list[str]:
        page = _en_page(body[: lines_on_page - 1] + [(last_line, FULL_EN)])
        return clean_pages([_en_page(body), _en_page(body), page, next_page]).joins

    # page 3 stops two lines short of where full pages end, on a full line that ends a sentence
    ended = "and the report was adopted by all members present at the meeting."
    assert joins(ended, 46) == [" ", " ", "\n"]
    # on a full page the same line runs on: a sentence ends there, seldom a paragraph
    assert joins(ended, 48)[2] == " "
    # a page that stops short in mid-sentence, or before a lower-case word, runs on too
    assert joins(ended[:-1], 46)[2] == " "
    assert joins(ended, 46, _en_page([("second, the budget was approved.", 300)] + body[:5]))[2] == " "


# --- generated official-layout PDFs ------------------------------------------------------------

STYLES = ["dash", "hyphen", "zh", "plain", "page-of", "roman"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("style", STYLES)
def test_official_pdf_page_styles(officialpdf, tmp_path, engine, style):
    built = build_zh(officialpdf, tmp_path / "doc.pdf", page_style=style,
                     footer="内部资料 注意保存" if style in ("zh", "plain") else None)
    assert built.pages >= 3
    doc = policytext.read(built.path, engine=engine)
    assert doc.warnings == []
    assert len(doc.pages) == built.pages
    assert_clean(doc, built, min_lines=1.0)
    assert doc.text.startswith(f"{ZH_ISSUER}文件\n{ZH_NUMBER}\n{ZH_TITLE}\n第一章 总则\n第一条 为了促进")


def test_engines_agree_and_paragraphs_run_across_pages(officialpdf, tmp_path):
    long_body = ZH_BODY[:2] + ["第二条 " + "职业学校应当坚持立德树人、德技并修，推行产教融合、校企合作。" * 30] + ZH_BODY[3:]
    built = build_zh(officialpdf, tmp_path / "long.pdf", body_lines=long_body, page_style="dash")
    docs = [policytext.read(built.path, engine=e) for e in ENGINES]
    assert docs[0].text == docs[1].text
    doc = docs[0]
    assert_clean(doc, built, min_lines=1.0)
    # the long article spans pages: the page joins show it, and it is one line of the text
    spanning = [p for p in doc.pages[:-1] if doc.text[p.end : p.end + 1] != "\n"]
    assert spanning, "a paragraph that runs across a page break should not be split"
    assert any(ln.startswith("第二条 ") and len(ln) > 900 for ln in doc.text.split("\n"))


@pytest.mark.parametrize("engine", ENGINES)
def test_english_report(officialpdf, tmp_path, engine):
    built = build_en(officialpdf, tmp_path / "en.pdf", footer="For official use only")
    assert built.pages >= 2
    doc = policytext.read(built.path, engine=engine)
    assert doc.lang == "en"
    assert_clean(doc, built, min_lines=1.0)
    # hyphenated line ends are mended, the suspended hyphen and compounds kept
    assert "low- and medium-cost" in doc.text and "Well-known" in doc.text
    ref_words = normalize(built.text).split()
    assert doc.text.split() == ref_words


def test_real_directive_typeset(officialpdf, tmp_path):
    source = shared_path("corpora", "directives", "law_teachers-law_2009.md")
    title, lines = officialpdf.load_text(source)
    built = officialpdf.build_pdf(tmp_path / "law.pdf", title=title, body_lines=lines, issuer="全国人民代表大会常务委员会",
                                  doc_number="中华人民共和国主席令第十八号", header=title, page_style="zh", font="stsong")
    for engine in ENGINES:
        doc = policytext.read(built.path, engine=engine)
        assert_clean(doc, built)


# --- encrypted, corrupt, truncated, looping -------------------------------------------------------


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf(officialpdf, tmp_path, engine):
    built = build_zh(officialpdf, tmp_path / "secret.pdf", password="s3cret")
    with pytest.raises(PasswordError, match="needs a password"):
        policytext.read(built.path, engine=engine)
    with pytest.raises(PasswordError, match="wrong password"):
        policytext.read(built.path, engine=engine, password="guess")
    doc = policytext.read(built.path, engine=engine, password="s3cret")
    assert_clean(doc, built)


@pytest.mark.parametrize("engine", ENGINES)
def test_not_a_pdf_and_truncated(officialpdf, tmp_path, engine):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> garbage garbage\n")
    with pytest.raises(UnreadableDocumentError, match="not a readable PDF"):
        policytext.read(bad, engine=engine)
    built = build_zh(officialpdf, tmp_path / "doc.pdf")
    data = built.path.read_bytes()
    early = tmp_path / "early.pdf"
    early.write_bytes(data[:200])
    with pytest.raises(UnreadableDocumentError) as info:
        policytext.read(early, engine=engine)
    assert str(early) in str(info.value)
    # without its cross-reference table and trailer: the parsers find the objects
    late = tmp_path / "late.pdf"
    late.write_bytes(data[: data.rindex(b"xref")])
    assert accuracy(policytext.read(late, engine=engine).text, built.text) >= 0.995
    # cut inside the last page's content: rebuilt, the pages before it read, and said so
    last_object = [m.start() for m in re.finditer(rb"\d+ 0 obj", data)][-1]
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: last_object + 40])
    doc = policytext.read(cut, engine=engine)
    assert any("truncated" in w for w in doc.warnings)
    assert doc.text.startswith(f"{ZH_ISSUER}文件\n{ZH_NUMBER}\n{ZH_TITLE}")
    assert accuracy(doc.pages[0].text, built.text[: len(doc.pages[0].text)]) >= 0.99


def _pdf_with_objects(objects: list[bytes], root: int) -> bytes:
    """A PDF file made of these objects (numbered from 1), with a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def looping_pdf() -> bytes:
    """Page 1 is fine; the tree's second kid is a /Pages node that lists itself."""
    content = b"BT /F1 12 Tf 72 700 Td (Page one survives the loop) Tj ET"
    return _pdf_with_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Type /Pages /Parent 2 0 R /Kids [6 0 R] /Count 1 >>",
        ],
        root=1,
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_circular_page_tree_keeps_the_pages_that_load(tmp_path, engine):
    path = tmp_path / "loop.pdf"
    path.write_bytes(looping_pdf())
    doc = policytext.read(path, engine=engine)
    assert "Page one survives the loop" in doc.text
    assert any("page 2" in w for w in doc.warnings), doc.warnings


def fanout_pdf(levels: int) -> bytes:
    """One page that draws a form that draws the next form twice, ``levels`` deep: 2**levels drawings."""
    content = b"BT /F1 12 Tf 72 700 Td (A page that draws too much) Tj ET q /X Do Q"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R "
        b"/Resources << /XObject << /X 6 0 R >> /Font << /F1 4 0 R >> >> >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    for k in range(levels):
        last = k == levels - 1
        body = b"BT /F1 1 Tf 10 10 Td (x) Tj ET" if last else b"q /X Do Q q /X Do Q"
        resources = b"<< /Font << /F1 4 0 R >> >>" if last else b"<< /XObject << /X %d 0 R >> >>" % (7 + k)
        objects.append(b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources
                       + b" /Length %d >>\nstream\n" % len(body) + body + b"\nendstream")
    return _pdf_with_objects(objects, root=1)


@pytest.mark.skipif(sys.platform == "win32", reason="the time limit needs SIGALRM")
def test_a_file_that_takes_too_long_is_given_up(tmp_path):
    import signal

    path = tmp_path / "fanout.pdf"
    path.write_bytes(fanout_pdf(24))  # 8 million drawings: hours in pdfminer
    with pytest.raises(UnreadableDocumentError, match="took longer than 1 s") as info:
        policytext.read(path, engine="pdfplumber", timeout=1)
    assert str(path) in str(info.value)
    # the alarm is put back as it was
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    # a small drawing tree reads well within the budget
    path.write_bytes(fanout_pdf(3))
    assert "A page that draws too much" in policytext.read(path, timeout=30).text


@pytest.mark.skipif(sys.platform == "win32", reason="the time limit needs SIGALRM")
def test_time_limit_stands_aside_where_it_cannot_work():
    import signal
    import threading

    from policytext.ingest._timelimit import time_limit

    with time_limit(0) as limit:
        assert not limit.active
    seen = []

    def in_thread():
        with time_limit(5) as limit:
            seen.append(limit.active)

    worker = threading.Thread(target=in_thread)
    worker.start()
    worker.join()
    assert seen == [False]
    previous = signal.signal(signal.SIGALRM, lambda *a: None)  # someone else's alarm
    try:
        with time_limit(5) as limit:
            assert not limit.active
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_pdfium_text_mode_leaves_rendering_alone(officialpdf, tmp_path):
    """Reading with pdfium skips the system fonts; rendering afterwards still uses them."""
    import pypdfium2 as pdfium

    built = build_zh(officialpdf, tmp_path / "doc.pdf")  # STSong-Light: not embedded

    def render() -> bytes:
        doc = pdfium.PdfDocument(built.path)
        try:
            return doc[0].render(scale=0.4, grayscale=True).to_pil().tobytes()
        finally:
            doc.close()

    before = render()
    assert policytext.read(built.path, engine="pdfium").text.startswith(f"{ZH_ISSUER}文件")
    assert render() == before


def test_box_font_is_a_valid_truetype_font():
    from policytext.ingest._pdfium_fonts import box_font

    fontTools = pytest.importorskip("fontTools.ttLib")
    font = fontTools.TTFont(__import__("io").BytesIO(box_font()))
    assert font["maxp"].numGlyphs == 2
    assert font.getBestCmap()[ord("中")] == font.getBestCmap()[ord("A")] == font.getGlyphOrder()[1]
    glyph = font["glyf"][font.getGlyphOrder()[1]]
    assert (glyph.xMin, glyph.xMax) == (0, font["head"].unitsPerEm)


def drawn_out_of_order(path: Path) -> None:
    """A Chinese line drawn as LibreOffice does: the Chinese first, then quotes and a space in a Latin font;
    one character drawn on its own; and a year a quarter em from the Chinese after it."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    canvas = Canvas(str(path), invariant=1)
    y = 700
    canvas.setFont("STSong-Light", 16)
    canvas.drawString(72, y, "坚持")
    canvas.drawString(72 + 2 * 16 + 8, y, "三个代表")  # room for “ (8 pt) before and ” after
    canvas.drawString(72 + 6 * 16 + 16, y, "重要思想")
    canvas.setFont("Times-Roman", 16)
    canvas.drawString(72 + 2 * 16, y, "\u201c")
    canvas.drawString(72 + 6 * 16 + 8, y, "\u201d")
    canvas.setFont("STSong-Light", 16)
    canvas.drawString(72, y - 40, "第")  # a character of its own, then the rest
    canvas.drawString(88, y - 40, "一条")
    canvas.setFont("Helvetica", 16)
    canvas.drawString(72, y - 80, "2023")
    canvas.setFont("STSong-Light", 16)
    canvas.drawString(72 + canvas.stringWidth("2023", "Helvetica", 16) + 3.2, y - 80, "年5月")
    canvas.showPage()
    canvas.save()


@pytest.mark.parametrize("engine", ENGINES)
def test_lines_drawn_out_of_order_read_in_order(tmp_path, engine):
    pytest.importorskip("reportlab")
    path = tmp_path / "order.pdf"
    drawn_out_of_order(path)
    lines = policytext.read(path, engine=engine).text.split("\n")
    assert lines == ["坚持\u201c三个代表\u201d重要思想", "第一条", "2023年5月"]


def test_unknown_engine_and_ocr_mode(officialpdf, tmp_path):
    built = build_zh(officialpdf, tmp_path / "doc.pdf")
    with pytest.raises(UnknownStrategyError, match="did you mean 'pdfium'"):
        policytext.read(built.path, engine="pdfiumm")
    with pytest.raises(UnknownStrategyError, match="OCR mode"):
        policytext.read(built.path, ocr="sometimes")


# --- mojibake, image-only pages, OCR ---------------------------------------------------------


def mojibake_pdf(path: Path) -> None:
    """Chinese set in a Western font: the GBK bytes of 目录 and a heading drawn as WinAnsi text."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), invariant=1)
    canvas.setFont("Helvetica", 16)
    for k, line in enumerate(["目录", "关于职业教育的若干意见", "第一章 总则"]):
        canvas.drawString(72, 760 - 30 * k, line.encode("gbk").decode("cp1252", errors="replace"))
    canvas.showPage()
    canvas.save()


@pytest.mark.parametrize("engine", ENGINES)
def test_gbk_mojibake_is_recovered(tmp_path, engine):
    pytest.importorskip("reportlab")
    path = tmp_path / "mojibake.pdf"
    mojibake_pdf(path)
    doc = policytext.read(path, engine=engine, ocr="never")
    assert doc.text.split("\n") == ["目录", "关于职业教育的若干意见", "第一章 总则"]


@pytest.fixture(scope="module")
def scanned(officialpdf, tmp_path_factory):
    """A two-page official document, printed and scanned: image-only pages."""
    folder = tmp_path_factory.mktemp("scan")
    built = build_zh(officialpdf, folder / "doc.pdf")
    officialpdf.build_scanned_pdf(built.path, folder / "scan.pdf", dpi=150, pages=[0, 1])
    return folder / "scan.pdf", built


def test_image_only_pages_named_when_ocr_is_off(scanned):
    path, _ = scanned
    doc = policytext.read(path, ocr="never")
    assert doc.text.strip() == ""
    assert doc.warnings == ["pages 1-2: image-only (scanned), no text layer; not read because OCR was turned off (ocr='never')"]


def test_image_only_pages_named_when_tesseract_is_missing(scanned, monkeypatch):
    from policytext.ingest import ocr

    monkeypatch.setattr(ocr, "unavailable_reason", lambda: "the Tesseract program is not installed")
    path, _ = scanned
    doc = policytext.read(path, engine="pdfium")
    assert doc.warnings and doc.warnings[0].startswith("pages 1-2: image-only")
    assert "Tesseract program is not installed" in doc.warnings[0]


def test_image_only_pages_are_read_by_ocr(scanned):
    from policytext.ingest import ocr

    if ocr.unavailable_reason():
        pytest.skip(f"OCR not available: {ocr.unavailable_reason()}")
    path, built = scanned
    doc = policytext.read(path)
    assert any("read by OCR" in w and "pages 1-2" in w for w in doc.warnings)
    # the first two pages of the typeset text, as far as Tesseract gets them
    first_pages = normalize(built.text)[: len(doc.text) + 40]
    assert accuracy(doc.text, first_pages) >= 0.85
    assert ZH_ISSUER not in doc.text.split("\n")[-1]  # the running header went with the other furniture
    assert "第一条" in doc.text and "— 2 —" not in doc.text


# --- hostile files from pdf.js, pdfminer.six and pdfplumber (../shared/gold/pdf_cases) ---------

GOLD = ("gold", "pdf_cases")

#: file -> (password, wrong password, expected pieces of text (whitespace ignored) or the error class)
CASES: dict[str, tuple[str | None, str | None, object]] = {
    "pdfjs__XiaoBiaoSong.pdf": (None, None, ["目录", "关于红军作战的原则", "（一九三七年八月一日）", "对国防问题的意见"]),
    "pdfjs__SimFang-variant.pdf": (None, None, ["全世界无产者，联合起来"]),
    "pdfjs__issue2128r.pdf": (None, None, ["浅谈校长的魅力", "山西省闻喜县诚镇初中李新录"]),
    "pdfjs__issue3521.pdf": (None, None, ["我们都是黑体字"]),
    "pdfjs__issue8372.pdf": (None, None, ["目录"]),
    "pdfjs__issue12823.pdf": (None, None, ["愿景", "描述团队的共同目标，有利于团队成员理解目标并朝着目标努力。", "知识库简介",
                                           "可以将需要关注的文档链接粘贴在这里，方便成员快速访问。"]),
    "pdfjs__issue19182.pdf": (None, None, ["中文姓名", "NameinChinese", "胡駿\U0002555b"]),
    "pdfjs__issue20504.pdf": (None, None, ["你好世界", "HelloWorld", "\u1c61\u1c5a\u1c66\u1c5f\u1c68"]),
    "pdfjs__90ms_rksj_h_sample.pdf": (None, None, ["HelloASCII", "日本語テスト"]),
    "pdfjs__issue16176.pdf": (None, None, ["\U00020bb7"]),
    "pdfjs__vertical.pdf": (None, None, ["あいうえお", "日本語"]),
    "pdfjs__issue11555.pdf": (None, None, ["abcあいうabcあいう"]),
    "pdfjs__issue18099_reduced.pdf": (None, None, ["Helloworld!"]),
    "pdfjs__pr6531_1.pdf": ("asdfasdf", "qwerty", []),
    "pdfjs__issue6010_1.pdf": ("abc", "wrong", ["Issue6010"]),
    "pdfjs__saslprep-r6.pdf": ("S\u00aaSL\u00adprep", "SASLprep", ["Hellopdf.jsworld"]),
    "pdfjs__bug1020226.pdf": (None, None, UnreadableDocumentError),
    "pdfjs__bug1606566.pdf": (None, None, ["Bug1606566"]),
    "pdfjs__Pages-tree-refs.pdf": (None, None, ["Testcase:", "Pagesloop"]),
    "pdfminer__issue-791-non-unicode-cmap.pdf": (None, None, ["Peněžníprostředkynaúčtech"]),
    "pdfminer__issue_566_test_1.pdf": (None, None, ["ISSUEDate：2019-4-25Buyer：黎荣"]),
    "pdfminer__issue_566_test_2.pdf": (None, None, ["甲方：中国饮料有限公司（盖章）"]),
    "pdfminer__zen_of_python_corrupted.pdf": (None, None, ["Mai30,1813:27", "zen_of_python.txt",
                                                           "Beautifulisbetterthanugly."]),
    "pdfminer__rc4-40.pdf": ("foo", "bar", ["Secret!"]),
    "pdfplumber__malformed-from-issue-932.pdf": (None, None, ["2021331"]),
}

#: where pdfium alone, reading a composite font without a Unicode map, gives other
#: letters than pdfminer's CID tables: the pdfium engine reads these pages with pdfplumber
PDFIUM_GAPS = {
    "pdfjs__issue16176.pdf": "pdfium maps the Adobe-Japan1 CID of 𠮷 to 吉",
    "pdfminer__issue-791-non-unicode-cmap.pdf": "pdfium reads glyph ids of an Identity-H font without ToUnicode",
    "pdfminer__issue_566_test_1.pdf": "pdfium reads glyph ids of an Identity-H font without ToUnicode",
}


def test_cases_table_covers_every_gold_file():
    table = shared_path(*GOLD, "CASES.tsv")
    with table.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    assert {r["local_name"] for r in rows} == set(CASES)
    assert {r["local_name"] for r in rows if r["password"].strip()} == {k for k, v in CASES.items() if v[0]}


def _check_case(name: str, engine: str) -> None:
    password, wrong, expected = CASES[name]
    path = shared_path(*GOLD, name)
    if isinstance(expected, type):
        with pytest.raises(expected) as info:
            policytext.read(path, engine=engine)
        assert name in str(info.value) and info.value.reason
        return
    if password:
        with pytest.raises(PasswordError, match="needs a password"):
            policytext.read(path, engine=engine)
        with pytest.raises(PasswordError, match="wrong password"):
            policytext.read(path, engine=engine, password=wrong)
    doc = policytext.read(path, engine=engine, password=password, ocr="never")
    text = squeeze(doc.text)
    for piece in expected:
        assert squeeze(piece) in text, (piece, doc.text[:300])
    assert "(cid:" not in doc.text
    if name == "pdfjs__Pages-tree-refs.pdf":
        assert any("page 2" in w for w in doc.warnings)
    if name == "pdfjs__pr6531_1.pdf":
        assert doc.warnings and doc.warnings[0].startswith("page 1: image-only")


@pytest.mark.parametrize("name", sorted(CASES))
def test_gold_pdf_case(name):
    _check_case(name, "pdfplumber")


@pytest.mark.parametrize("name", sorted(CASES))
def test_gold_pdf_case_pdfium(name):
    _check_case(name, "pdfium")


@pytest.mark.parametrize("name", sorted(PDFIUM_GAPS))
def test_untrusted_fonts_found_by_a_byte_scan(name):
    from policytext.ingest._pdfium_fonts import may_have_untrusted_fonts

    assert may_have_untrusted_fonts(shared_path(*GOLD, name).read_bytes())


def test_trusted_fonts_need_no_page_check(officialpdf, tmp_path):
    from policytext.ingest._pdfium_fonts import may_have_untrusted_fonts

    # STSong-Light: a composite font without ToUnicode, but with a predefined Unicode CMap
    built = build_zh(officialpdf, tmp_path / "doc.pdf")
    assert b"/Type0" in built.path.read_bytes()
    assert not may_have_untrusted_fonts(built.path.read_bytes())
    for name in ("pdfminer__issue_566_test_2.pdf", "pdfjs__issue2128r.pdf", "pdfjs__issue11555.pdf"):
        assert not may_have_untrusted_fonts(shared_path(*GOLD, name).read_bytes())


#: ../shared/corpora/pdf-cases (the scanned book is in the slow OCR test)
CORPUS_CASES = {
    "pdfjs_XiaoBiaoSong_gbk-bytes-no-unicode.pdf": ["目录", "关于红军作战的原则"],
    "pdfjs_issue15690_fullwidth-latin.pdf": ["Optimizationofwaterextraction", "responsesurfacemethod"],
    "pdfjs_issue19182_traditional-PUA.pdf": ["胡駿\U0002555b"],
    "pdfjs_issue19360_SimHei-SimSun_political-text.pdf": ["坚持社会主义核心价值体系", "增强文化自觉和文化自信"],
    "pdfjs_issue20489_gbk-mojibake-title-block.pdf": ["COMPANY:北斗星"],
    "pdfjs_issue2128r_GBK-EUC-H.pdf": ["浅谈校长的魅力"],
    "pdfjs_issue8372_UniGB.pdf": ["目录"],
    "pdfjs_vertical_japanese-vertical-text.pdf": ["あいうえお", "日本語"],
    "pdfminer_issue-566_test-1.pdf": ["Buyer：黎荣"],
    "pdfminer_issue-566_test-2.pdf": ["甲方：中国饮料有限公司（盖章）"],
    "pdfplumber_issue-67_cn-quarterly-report.pdf": ["东北电气发展股份有限公司", "2018年第一季度报告"],
    "pdfplumber_issue-71_duplicate-chars.pdf": ["爆破震动监测工作。（1）沟通协调业主"],
    "pdfplumber_malformed-issue-932.pdf": ["2021331"],
}


@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_corpus_pdf_case(name):
    doc = policytext.read(shared_path("corpora", "pdf-cases", name), ocr="never")
    for piece in CORPUS_CASES[name]:
        assert squeeze(piece) in squeeze(doc.text)
    assert "(cid:" not in doc.text


def test_cid_font_without_any_mapping_is_named():
    doc = policytext.read(shared_path("corpora", "pdf-cases", "pdfjs_issue20453_cid-no-tounicode.pdf"), ocr="never")
    assert doc.text.strip() == ""
    assert doc.warnings == [
        "page 1: the text layer has no usable Unicode mapping (cid codes); needs OCR, "
        "not read because OCR was turned off (ocr='never')"
    ]


def test_blank_page_is_an_empty_document(tmp_path):
    path = tmp_path / "blank.pdf"
    path.write_bytes(_pdf_with_objects(
        [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"], root=1))
    with pytest.raises(EmptyDocumentError):
        policytext.read(path)


# --- slow: many real texts, the scanned book -------------------------------------------------------


def _real_sources() -> list[Path]:
    files = []
    for sub in ("directives", "local"):
        folder = shared_path("corpora", sub)
        files += sorted(p for p in folder.glob("*") if p.suffix in (".md", ".txt"))
    return files


@pytest.mark.slow
@pytest.mark.parametrize("font", ["stsong", "noto"])
def test_accuracy_over_real_regulations(officialpdf, tmp_path, capsys, font):
    """Every directive and local regulation, typeset, read by both engines: accuracy and structure."""
    if font == "noto" and not Path(officialpdf.NOTO_CJK[0]).exists():
        pytest.skip("fonts-noto-cjk is not installed")
    scores: dict[str, list[float]] = {e: [] for e in ENGINES}
    pages = 0
    for k, source in enumerate(_real_sources()):
        title, lines = officialpdf.load_text(source)
        built = officialpdf.build_pdf(
            tmp_path / f"{k}.pdf", title=title or source.stem, body_lines=lines, issuer="某某省人民政府办公厅",
            doc_number=f"某政办发〔2023〕{k + 1}号", header=title if k % 2 else "某某省人民政府办公厅",
            footer="内部资料 注意保存" if k % 3 == 0 else None, page_style=STYLES[k % len(STYLES)],
            signature=["某某省人民政府办公厅", "2023年5月6日"], font=font,
        )
        pages += built.pages
        for engine in ENGINES:
            doc = policytext.read(built.path, engine=engine)
            scores[engine].append(accuracy(doc.text, built.text))
            assert_clean(doc, built, min_lines=0.97)
    with capsys.disabled():
        for engine, values in scores.items():
            print(f"\n{font} {engine}: {len(values)} documents, {pages} pages, accuracy mean "
                  f"{statistics.fmean(values):.5f}, min {min(values):.5f}")
    assert all(min(v) >= 0.995 for v in scores.values())


@pytest.mark.slow
def test_accuracy_over_libreoffice_pdfs(officialpdf, tmp_path, capsys):
    """Word documents in official layout, converted by LibreOffice (fonts substituted and embedded, page
    numbers as fields, Latin runs drawn out of order), read by both engines."""
    import shutil

    if not shutil.which("soffice"):
        pytest.skip("LibreOffice (soffice) is not installed")
    import pypdfium2 as pdfium

    sources = _real_sources()[::3]
    built = []
    for k, source in enumerate(sources):
        title, lines = officialpdf.load_text(source)
        built.append((STYLES[k % len(STYLES)], officialpdf.build_docx(
            tmp_path / f"{k}.docx", title=title or source.stem, body_lines=lines, issuer="某某省人民政府办公厅",
            doc_number=f"某政办发〔2023〕{k + 1}号", header=title if k % 2 else "某某省人民政府办公厅",
            footer="内部资料 注意保存" if k % 3 == 0 else None, page_style=STYLES[k % len(STYLES)],
            signature=["某某省人民政府办公厅", "2023年5月6日"])))
    pdfs = officialpdf.convert_with_libreoffice([d.path for _, d in built], tmp_path)
    scores: dict[str, list[float]] = {e: [] for e in ENGINES}
    for (style, docx), pdf in zip(built, pdfs):
        handle = pdfium.PdfDocument(pdf)
        n = len(handle)
        handle.close()
        labels = [officialpdf.page_label(style, i, n) for i in range(1, n + 1)]
        expected = officialpdf.BuiltPdf(pdf, n, docx.text, docx.header, docx.footer, labels)
        texts = []
        for engine in ENGINES:
            doc = policytext.read(pdf, engine=engine)
            scores[engine].append(accuracy(doc.text, docx.text))
            assert_clean(doc, expected, min_lines=0.97)
            texts.append(doc.text)
        assert texts[0] == texts[1]
    with capsys.disabled():
        for engine, values in scores.items():
            print(f"\nLibreOffice {engine}: {len(values)} documents, accuracy mean {statistics.fmean(values):.5f}, "
                  f"min {min(values):.5f}")


def _english_reports(limit: int) -> list[tuple[str, list[str]]]:
    import xml.etree.ElementTree as ET

    out = []
    folder = shared_path("corpora", "series", "gov-work-reports-tmx")
    for tmx in sorted(folder.glob("*.tmx"))[:limit]:
        segs = []
        for tu in ET.parse(tmx).getroot().iter("tu"):
            for tuv in tu.findall("tuv"):
                if tuv.get("{http://www.w3.org/XML/1998/namespace}lang", "").startswith("en"):
                    seg = normalize("".join(tuv.find("seg").itertext()).strip())
                    if seg:
                        segs.append(seg)
        paras, cur = [], []
        for seg in segs[3:]:
            if len(seg) < 60:
                paras += [" ".join(cur)] if cur else []
                paras.append(seg)
                cur = []
                continue
            cur.append(seg)
            if len(cur) == 3:
                paras.append(" ".join(cur))
                cur = []
        paras += [" ".join(cur)] if cur else []
        out.append((segs[0].title(), paras))
    return out


@pytest.mark.slow
def test_accuracy_over_english_reports(officialpdf, tmp_path, capsys):
    scores: dict[str, list[float]] = {e: [] for e in ENGINES}
    for k, (title, paras) in enumerate(_english_reports(8)):
        built = officialpdf.build_pdf(tmp_path / f"en{k}.pdf", title=title, body_lines=paras, lang="en",
                                      issuer="State Council", header="Report on the Work of the Government",
                                      page_style=["page-of", "plain", "roman", "hyphen"][k % 4])
        for engine in ENGINES:
            doc = policytext.read(built.path, engine=engine)
            scores[engine].append(accuracy(doc.text, built.text))
            assert_clean(doc, built, min_lines=0.95)
    with capsys.disabled():
        for engine, values in scores.items():
            print(f"\nEnglish {engine}: {len(values)} reports, accuracy mean {statistics.fmean(values):.5f}, "
                  f"min {min(values):.5f}")
    assert all(min(v) >= 0.995 for v in scores.values())


@pytest.mark.slow
def test_scanned_chinese_book_is_read_by_ocr():
    from policytext.ingest import ocr

    if ocr.unavailable_reason():
        pytest.skip(f"OCR not available: {ocr.unavailable_reason()}")
    doc = policytext.read(shared_path("corpora", "pdf-cases", "mineru_small_ocr_scanned-chinese-book-8p.pdf"))
    assert len(doc.pages) == 8
    assert doc.warnings == [
        "pages 1-8: image-only (scanned), read by OCR (Tesseract chi_sim+eng); check quotations against the page images"
    ]
    for term in ("使用价值", "交换价值", "商品"):
        assert doc.text.count(term) >= 3
    assert all(len(p.text) > 300 for p in doc.pages)


def test_clean_module_exports():
    for name in clean_module.__all__:
        assert getattr(clean_module, name).__doc__
    assert issubclass(PasswordError, InputError) and issubclass(UnreadableDocumentError, InputError)


def ruled_goal_table(path: Path) -> None:
    """A plan's page: a heading, a sentence, a ruled table of indicators, and a task after it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=14, leading=22)
    rows = [["序号", "指标名称", "单位", "2023年", "2025年", "2027年", "牵头单位"],
            ["1", "人均预期寿命", "岁", "78.09", "≥79.2", "≥80", "市卫健局"],
            ["2", "总体癌症5年生存率", "%", "-", "≥38", "≥40", "市卫健局"]]  # fmt: skip
    table = Table(rows)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 11),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))  # fmt: skip
    doc = SimpleDocTemplate(str(path), pagesize=A4, invariant=1)
    doc.build([Paragraph("一、主要目标", style), Paragraph("到2027年，全市居民健康水平明显提高，主要指标如下表。", style),
               table, Paragraph("二、重点任务", style)])  # fmt: skip


def test_a_ruled_table_is_read_row_by_row(tmp_path):
    pytest.importorskip("reportlab")
    path = tmp_path / "plan.pdf"
    ruled_goal_table(path)
    lines = policytext.read(path).text.splitlines()
    assert "序号 | 指标名称 | 单位 | 2023年 | 2025年 | 2027年 | 牵头单位" in lines
    assert "1 | 人均预期寿命 | 岁 | 78.09 | ≥79.2 | ≥80 | 市卫健局" in lines
    # the rows neither run on from the sentence before nor into the heading after
    assert lines[lines.index("1 | 人均预期寿命 | 岁 | 78.09 | ≥79.2 | ≥80 | 市卫健局") + 2] == "二、重点任务"
    assert any(line.endswith("主要指标如下表。") for line in lines)
    rows = [(t.indicator, t.value, t.year) for t in policytext.extract_targets(policytext.read(path), year=2024)]
    assert ("人均预期寿命", 79.2, 2025) in rows and ("总体癌症5年生存率", 40.0, 2027) in rows
