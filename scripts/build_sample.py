"""Build policytext's illustrative sample corpus from its text sources.

The sample corpus (``corpora/sample``) is written for this project: invented
documents about 市域产教联合体, not real policy. Its texts live as UTF-8 files
under ``corpora/sample/sources/``; this script renders them into the published
corpus in the formats that real collections mix:

* ``documents/``: each document exactly once, in its published format (PDF in
  official-document layout, DOCX, an HTML government page, a GB18030 TXT, UTF-8
  TXT), so that an analysis over the folder counts every document once;
* ``variants/``: the same documents in other formats and layouts, for
  extraction tests (``variants/VARIANTS.csv`` says what each one exercises);
* ``metadata.csv``: one row per file in ``documents/``.

Usage::

    python scripts/build_sample.py            # rewrite documents/, variants/, metadata.csv
    python scripts/build_sample.py --check    # exit 1 if the committed files differ from a fresh build

The output is deterministic (reportlab ``invariant=1``, the built-in
STSong-Light font, fixed DOCX dates and zip timestamps), so the generated files
are committed and the main job runs without building anything.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import filecmp
import html
import io
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "corpora" / "sample"
SOURCES = SAMPLE / "sources"
#: The folders and files this script owns; ``--check`` compares exactly these.
GENERATED = ("documents", "variants", "metadata.csv")

METADATA_COLUMNS = (
    "file", "id", "title", "issuer", "level", "region", "year", "kind", "doc_number", "date", "role", "lang", "parent",
)

# The PDFs use reportlab's built-in STSong-Light CID font (not embedded): the
# same bytes whatever CJK fonts the building machine happens to have.
PDF_FONT = "STSong-Light"


@dataclass(frozen=True)
class Doc:
    """One document of the corpus: its source, its published file and its metadata."""

    id: str
    source: str  # relative to sources/
    file: str  # relative to documents/
    title: str
    issuer: str
    level: str
    region: str
    kind: str
    date: str  # ISO
    role: str
    lang: str = "zh"
    doc_number: str = ""
    parent: str = ""
    render: dict[str, Any] = field(default_factory=dict)  # options of the renderer

    @property
    def year(self) -> int:
        return int(self.date[:4])

    @property
    def fmt(self) -> str:
        return Path(self.file).suffix.lstrip(".")


@dataclass(frozen=True)
class Variant:
    """Another rendering of a document, kept apart from ``documents/``."""

    of: str  # Doc.id
    file: str  # relative to variants/
    exercises: str
    render: dict[str, Any] = field(default_factory=dict)

    @property
    def fmt(self) -> str:
        return Path(self.file).suffix.lstrip(".")


NATIONAL = "moe-2023-consortium-notice"
TEMPLATE = "donghai-2023-charter-template"

DOCS: tuple[Doc, ...] = (
    Doc(
        id=NATIONAL, source="national/moe_2023_city-consortium-notice.txt",
        file="national/moe_2023_city-consortium-notice.pdf",
        title="教育部办公厅关于推进市域产教联合体建设的通知", issuer="教育部办公厅", level="national", region="全国",
        kind="通知", date="2023-05-16", role="national", doc_number="教职成厅函〔2023〕15号",
        render={"issuer_mark": "教育部办公厅", "header": "教育部办公厅关于推进市域产教联合体建设的通知"},
    ),
    Doc(
        id="donghai-2023-plan", source="local/donghai_2023_consortium-implementing-plan.txt",
        file="local/donghai_2023_consortium-implementing-plan.pdf",
        title="东海省教育厅等五部门关于印发《东海省推进市域产教联合体建设实施方案》的通知", issuer="东海省教育厅",
        level="provincial", region="东海省", kind="实施方案", date="2023-06-28", role="local",
        doc_number="东教职〔2023〕12号", parent=NATIONAL,
        render={"issuer_mark": "东海省教育厅文件", "header": "东海省推进市域产教联合体建设实施方案"},
    ),
    Doc(
        id="binjiang-2023-plan", source="local/binjiang_2023_consortium-implementing-plan.txt",
        file="local/binjiang_2023_consortium-implementing-plan.pdf",
        title="滨江市人民政府办公室关于印发滨江市推进市域产教联合体建设实施方案的通知", issuer="滨江市人民政府办公室",
        level="city", region="滨江市", kind="实施方案", date="2023-08-15", role="local",
        doc_number="滨政办发〔2023〕27号", parent=NATIONAL,
        render={"issuer_mark": "滨江市人民政府办公室文件", "header": "滨江市人民政府办公室"},
    ),
    Doc(
        id="yungang-2024-plan", source="local/yungang_2024_consortium-implementing-plan.txt",
        file="local/yungang_2024_consortium-implementing-plan.html",
        title="云港市推进港航物流市域产教联合体建设实施方案", issuer="云港市教育局", level="city", region="云港市",
        kind="实施方案", date="2024-03-08", role="local", doc_number="云教发〔2024〕9号", parent=NATIONAL,
        render={"site": "云港市教育局", "index_no": "11370800MB1A23456X/2024-00009", "topic": "教育"},
    ),
    Doc(
        id="linhe-2025-plan", source="local/linhe_2025_consortium-implementing-plan.txt",
        file="local/linhe_2025_consortium-implementing-plan.txt",
        title="临河市市域产教联合体建设实施方案", issuer="临河市教育局", level="city", region="临河市",
        kind="实施方案", date="2025-04-02", role="local", doc_number="临教发〔2025〕31号", parent=NATIONAL,
        # A Windows-made file from an older office system: GB18030 with CRLF line ends.
        render={"encoding": "gb18030", "newline": "\r\n"},
    ),
    Doc(
        id=TEMPLATE, source="charters/donghai_2023_consortium-charter-template.txt",
        file="charters/donghai_2023_consortium-charter-template.docx",
        title="东海省市域产教联合体章程（示范文本）", issuer="东海省教育厅", level="provincial", region="东海省",
        kind="章程示范文本", date="2023-06-28", role="template",
        render={"page_footer": True},
    ),
    Doc(
        id="yungang-2024-charter", source="charters/yungang_2024_port-logistics-consortium-charter.txt",
        file="charters/yungang_2024_port-logistics-consortium-charter.docx",
        title="云港港航物流市域产教联合体章程", issuer="云港港航物流市域产教联合体", level="consortium",
        region="云港市", kind="章程", date="2024-04-12", role="charter", parent=TEMPLATE,
    ),
    Doc(
        id="ningchuan-2024-charter", source="charters/ningchuan_2024_smart-manufacturing-consortium-charter.txt",
        file="charters/ningchuan_2024_smart-manufacturing-consortium-charter.txt",
        title="宁川市智能制造市域产教联合体章程", issuer="宁川市智能制造市域产教联合体", level="consortium",
        region="宁川市", kind="章程", date="2024-09-20", role="charter", parent=TEMPLATE,
    ),
    Doc(
        id="chenghu-2025-charter", source="charters/chenghu_2025_modern-agriculture-consortium-charter.txt",
        file="charters/chenghu_2025_modern-agriculture-consortium-charter.docx",
        title="澄湖市现代农业市域产教联合体章程", issuer="澄湖市现代农业市域产教联合体", level="consortium",
        region="澄湖市", kind="章程", date="2025-01-10", role="charter", parent=TEMPLATE,
    ),
    Doc(
        id="moe-2023-consortium-notice-en", source="en/moe_2023_city-consortium-notice_en.txt",
        file="en/moe_2023_city-consortium-notice_en.txt",
        title=(
            "Notice of the General Office of the Ministry of Education on Advancing the Development of "
            "City-wide Industry-Education Consortia"
        ),
        issuer="General Office of the Ministry of Education", level="national", region="全国", kind="notice",
        date="2023-05-16", role="other", lang="en", doc_number="Jiao Zhi Cheng Ting Han [2023] No. 15",
        parent=NATIONAL,
    ),
    Doc(
        id="yungang-2024-charter-en", source="en/yungang_2024_port-logistics-consortium-charter_en.txt",
        file="en/yungang_2024_port-logistics-consortium-charter_en.txt",
        title="Charter of the Yungang Port and Logistics City-wide Industry-Education Consortium",
        issuer="Yungang Port and Logistics City-wide Industry-Education Consortium", level="consortium",
        region="云港市", kind="charter", date="2024-04-12", role="other", lang="en", parent="yungang-2024-charter",
    ),
)

VARIANTS: tuple[Variant, ...] = (
    Variant(NATIONAL, "moe_2023_city-consortium-notice.docx",
            "DOCX of the national notice: 文号 and title centred, signature flush right"),
    Variant(NATIONAL, "moe_2023_city-consortium-notice_zh-pages.pdf",
            "PDF with 第N页 共M页 page numbers centred and the 文号 as running header on every page",
            {"issuer_mark": "教育部办公厅", "header": "教职成厅函〔2023〕15号", "page_style": "zh",
             "page_align": "center", "header_on_first_page": True}),
    Variant(NATIONAL, "moe_2023_city-consortium-notice.html",
            "the national notice as a ministry web page: navigation, breadcrumbs, sidebar and footer around the text",
            {"site": "中华人民共和国教育部", "index_no": "360A07-07-2023-0015-1", "topic": "职业教育"}),
    Variant("binjiang-2023-plan", "binjiang_2023_consortium-implementing-plan.docx",
            "DOCX of a city plan whose transmittal notice precedes the plan"),
    Variant("yungang-2024-plan", "yungang_2024_consortium-implementing-plan.pdf",
            "PDF of the plan published as HTML in documents/; plain page numbers",
            {"issuer_mark": "云港市教育局文件", "page_style": "plain", "page_align": "center"}),
    Variant("linhe-2025-plan", "linhe_2025_consortium-implementing-plan_utf8-bom.txt",
            "UTF-8 with a byte-order mark and LF line ends (documents/ holds it as GB18030 with CRLF)",
            {"encoding": "utf-8-sig"}),
    Variant(TEMPLATE, "donghai_2023_consortium-charter-template.pdf",
            "PDF of the template charter: centred chapter headings, - N - page numbers, running header",
            {"issuer_mark": "东海省教育厅", "header": "东海省市域产教联合体章程（示范文本）", "page_style": "hyphen"}),
    Variant("ningchuan-2024-charter", "ningchuan_2024_smart-manufacturing-consortium-charter.docx",
            "DOCX of the charter published as TXT in documents/"),
    Variant("moe-2023-consortium-notice-en", "moe_2023_city-consortium-notice_en.pdf",
            "English report layout: Times, hyphenated line ends, Page N of M",
            {"page_style": "page-of", "header": "Unofficial English summary"}),
)


# ---------------------------------------------------------------- parsing the sources

_DOC_NUMBER = re.compile(r"〔\d{4}〕\d+号$|\[\d{4}\] No\. \d+$")
_SENTENCE_PUNCT = re.compile(r"[。；：:;.]")
_SUBTITLE = re.compile(r"^[（(].*[）)]$")
_CHAPTER = re.compile(r"^第[一二三四五六七八九十百零〇\d]+[编章节][\s　]|^Chapter \d+ ")
_ARTICLE = re.compile(r"^(第[一二三四五六七八九十百零〇\d]+条)([\s　]+)(.*)$")
_DOC_TITLE = re.compile(r"(方案|意见|办法|章程)$")


@dataclass
class Parts:
    """A source text cut into the parts an official layout sets differently."""

    title: str
    doc_number: str | None
    head: list[str]  # centred lines under the title: （示范文本）, adoption notes, issuer and date of a template
    addressee: str | None
    body: list[str]
    signature: list[str]


def read_source(doc: Doc) -> str:
    """Return the text of a document's source file."""
    return (SOURCES / doc.source).read_text(encoding="utf-8")


def split_parts(text: str) -> Parts:
    """Cut a source into title, 文号, centred head lines, addressee, body and signature.

    Sources are plain text, one paragraph per line: the title, then the 文号 when
    there is one, then the body; blank lines are ignored. The signature is the run
    of short lines without sentence punctuation at the end (issuer, date, 附注).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title, rest = lines[0], lines[1:]
    doc_number = None
    if rest and _DOC_NUMBER.search(rest[0]):
        doc_number, rest = rest[0], rest[1:]
    head: list[str] = []
    while rest and _is_head_line(rest[0]):
        head.append(rest.pop(0))
    addressee = None
    if rest and rest[0].endswith(("：", ":")) and len(rest[0]) <= 200:
        addressee = rest.pop(0)
    signature: list[str] = []
    while rest and _is_signature_line(rest[-1]):
        signature.insert(0, rest.pop())
    return Parts(title, doc_number, head, addressee, rest, signature)


def _is_head_line(line: str) -> bool:
    # （示范文本） / (English Version ...) / 东海省教育厅 / 2023年6月: short, no sentence.
    if _SUBTITLE.match(line):
        return True
    return len(line) <= 20 and not _SENTENCE_PUNCT.search(line) and not _CHAPTER.match(line)


def _is_signature_line(line: str) -> bool:
    return len(line) <= 45 and not re.search(r"[。；：;:]", line) and not line.endswith(".")


def is_inner_title(line: str) -> bool:
    """True for the title of a plan printed after its transmittal notice."""
    return len(line) <= 40 and not re.search(r"[。，；：、]", line) and bool(_DOC_TITLE.search(line))


# ---------------------------------------------------------------- renderers


def render_txt(text: str, out: Path, *, encoding: str = "utf-8", newline: str = "\n", **_: Any) -> None:
    """Write the source text as it is, in ``encoding`` with ``newline`` line ends."""
    out.write_bytes(text.replace("\n", newline).encode(encoding))


def render_pdf(text: str, out: Path, *, doc: Doc, **options: Any) -> None:
    """Typeset the text in official-document layout with ``scripts/officialpdf.py``."""
    sys.path.insert(0, str(HERE))
    try:
        from officialpdf import build_pdf
    finally:
        sys.path.remove(str(HERE))
    parts = split_parts(text)
    # "# " makes officialpdf centre a line: the head lines under the title and
    # the title of a plan that follows its transmittal notice.
    body = [f"# {line}" for line in parts.head]
    body += [f"# {line}" if is_inner_title(line) else line for line in parts.body]
    build_pdf(
        out,
        title=parts.title,
        body_lines=body,
        doc_number=parts.doc_number,
        issuer=doc.issuer,
        addressee=parts.addressee,
        signature=parts.signature,
        lang=doc.lang,
        font_path=PDF_FONT if doc.lang == "zh" else None,
        **{"page_style": "dash", **options},
    )


def render_docx(text: str, out: Path, *, doc: Doc, page_footer: bool = False, **_: Any) -> None:
    """Write a Word document with one real paragraph per source line.

    The title, 文号 and head lines are centred, chapter headings centred in bold,
    article labels (第N条) bold, the signature flush right; 仿宋 三号 body on an
    A4 page with GB/T 9704 margins. With ``page_footer`` a ``— PAGE —`` field
    sits in the footer, as in Word templates handed out by an education bureau.
    """
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    parts = split_parts(text)
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)

    def set_font(target: Any, east_asian: str, size: float, *, bold: bool = False) -> None:
        target.font.size = Pt(size)
        target.font.bold = bold
        target.font.name = "Times New Roman"
        rpr = target.element.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.set(qn("w:eastAsia"), east_asian)

    body_size = 16 if doc.lang == "zh" else 12
    set_font(document.styles["Normal"], "仿宋_GB2312", body_size)
    document.styles["Normal"].paragraph_format.space_after = Pt(0)
    document.styles["Normal"].paragraph_format.line_spacing = Pt(28.9) if doc.lang == "zh" else 1.15

    def paragraph(line: str, *, align: Any = None, indent: bool = True, bold_label: bool = True) -> None:
        p = document.add_paragraph()
        if align is not None:
            p.alignment = align
        elif indent:
            p.paragraph_format.first_line_indent = Pt(2 * body_size)
        match = _ARTICLE.match(line) if bold_label else None
        if match:
            label = p.add_run(match.group(1))
            set_font(label, "黑体", body_size, bold=True)
            p.add_run(match.group(2) + match.group(3))
        else:
            p.add_run(line)

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_font(title.add_run(parts.title), "方正小标宋简体", 22 if doc.lang == "zh" else 16, bold=doc.lang != "zh")
    for line in ([parts.doc_number] if parts.doc_number else []) + parts.head:
        paragraph(line, align=WD_ALIGN_PARAGRAPH.CENTER)
    if parts.addressee:
        paragraph(parts.addressee, indent=False)
    for line in parts.body:
        if _CHAPTER.match(line):
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), "黑体", body_size, bold=True)
        elif is_inner_title(line):
            p = document.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), "方正小标宋简体", 22)
        else:
            paragraph(line)
    for line in parts.signature:
        paragraph(line, align=WD_ALIGN_PARAGRAPH.RIGHT)

    if page_footer:
        p = section.footer.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run("— ")
        field_ = OxmlElement("w:fldSimple")
        field_.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        text_el = OxmlElement("w:t")
        text_el.text = "1"
        run.append(text_el)
        field_.append(run)
        p._p.append(field_)
        p.add_run(" —")

    when = dt.datetime.fromisoformat(doc.date + "T09:00:00")
    props = document.core_properties
    props.title = parts.title
    props.author = doc.issuer
    props.last_modified_by = doc.issuer
    props.created = props.modified = when
    props.last_printed = when
    props.revision = 1
    props.comments = "Illustrative sample document written for policytext; not a real policy document."
    buffer = io.BytesIO()
    document.save(buffer)
    out.write_bytes(_stable_zip(buffer.getvalue(), when))


def _stable_zip(data: bytes, when: dt.datetime) -> bytes:
    # python-docx stamps every zip member with the current time; rewrite them
    # with a fixed one so that the same document gives the same bytes.
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.create_system = 0
            member.external_attr = 0
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


_DIGITS = re.compile(r"\d+|%")


def _html_inline(line: str) -> str:
    # Word-exported CMS pages wrap Latin runs in their own <span>s and often cut
    # a number in two (<span>20</span><span>25</span>): readers must join them.
    out, pos = [], 0
    for match in _DIGITS.finditer(line):
        out.append(html.escape(line[pos:match.start()], quote=False))
        token = match.group()
        if token.isdigit() and len(token) >= 3:
            cut = len(token) // 2
            out.append(f'<span lang="EN-US">{token[:cut]}</span><span lang="EN-US">{token[cut:]}</span>')
        else:
            out.append(f'<span lang="EN-US">{token}</span>')
        pos = match.end()
    out.append(html.escape(line[pos:], quote=False))
    return "".join(out)


_HTML_HEADING = re.compile(r"^[一二三四五六七八九十]+、")


def render_html(text: str, out: Path, *, doc: Doc, site: str, index_no: str, topic: str, **_: Any) -> None:
    """Write the text as a government web page: the document inside navigation chrome."""
    parts = split_parts(text)
    e = html.escape
    paras = []
    if parts.addressee:
        paras.append(f"<p>{_html_inline(parts.addressee)}</p>")
    for line in parts.head + parts.body:
        if _HTML_HEADING.match(line) or is_inner_title(line):
            paras.append(f'<p style="text-indent:2em"><strong>{_html_inline(line)}</strong></p>')
        else:
            paras.append(f'<p style="text-indent:2em">{_html_inline(line)}</p>')
    for line in parts.signature:
        paras.append(f'<p style="text-align:right">{_html_inline(line)}</p>')
    others = [d for d in DOCS if d.role in ("national", "local") and d.id != doc.id][:3]
    related = "\n".join(f'          <li><a href="#">{e(d.title)}</a></li>' for d in others)
    number_line = f'\n        <p class="wh" style="text-align:center">{e(parts.doc_number)}</p>' if parts.doc_number else ""
    page = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="SiteName" content="{e(site)}">
<meta name="ArticleTitle" content="{e(parts.title)}">
<meta name="PubDate" content="{doc.date} 10:30">
<meta name="ContentSource" content="{e(doc.issuer)}">
<title>{e(parts.title)}_政策文件_{e(site)}</title>
<style>
  body {{ font-family: "Microsoft YaHei", sans-serif; margin: 0; }}
  .nav li {{ display: inline-block; margin: 0 1em; }}
  .article p {{ line-height: 2; font-size: 16px; }}
</style>
<script>var _hmt = _hmt || []; /* site statistics */</script>
</head>
<body>
  <div class="top-bar">
    <span>欢迎访问{e(site)}网站</span> <a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="#">English</a>
  </div>
  <div class="header"><div class="logo">{e(site)}</div>
    <form class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></form>
  </div>
  <ul class="nav">
    <li><a href="#">首页</a></li><li><a href="#">机构概况</a></li><li><a href="#">政务公开</a></li>
    <li><a href="#">政策文件</a></li><li><a href="#">办事服务</a></li><li><a href="#">互动交流</a></li>
  </ul>
  <div class="breadcrumb">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政策文件</a></div>
  <div class="main">
    <div class="content">
      <table class="info">
        <tr><td>索引号：</td><td>{e(index_no)}</td><td>主题分类：</td><td>{e(topic)}</td></tr>
        <tr><td>发布机构：</td><td>{e(doc.issuer)}</td><td>成文日期：</td><td>{doc.date}</td></tr>
        <tr><td>文　　号：</td><td>{e(parts.doc_number or "")}</td><td>发布日期：</td><td>{doc.date}</td></tr>
      </table>
      <div class="article">
        <h1 style="text-align:center">{e(parts.title)}</h1>{number_line}
        <div class="TRS_Editor" id="zoom">
{chr(10).join("          " + p for p in paras)}
        </div>
      </div>
      <div class="tools">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】 <a href="#">打印本页</a> <a href="#">关闭窗口</a></div>
    </div>
    <div class="sidebar">
      <h3>相关文件</h3>
      <ul>
{related}
      </ul>
    </div>
  </div>
  <div class="footer">
    <p>主办单位：{e(site)}　　联系电话：0000-00000000</p>
    <p>网站标识码：0000000000　　示例ICP备00000000号（示例网页，非真实网站）</p>
  </div>
</body>
</html>
"""
    out.write_text(page, encoding="utf-8")


RENDERERS: dict[str, Callable[..., None]] = {
    "txt": render_txt, "pdf": render_pdf, "docx": render_docx, "html": render_html,
}


def render(doc: Doc, fmt: str, out: Path, options: dict[str, Any]) -> None:
    """Render ``doc`` in ``fmt`` to ``out`` with the renderer's ``options``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = read_source(doc)
    if fmt == "txt":
        render_txt(text, out, **options)
    else:
        RENDERERS[fmt](text, out, doc=doc, **options)


# ---------------------------------------------------------------- the build


def metadata_rows() -> list[dict[str, str]]:
    """Rows of ``metadata.csv``, one per document, in ``documents/`` order."""
    rows = []
    for doc in sorted(DOCS, key=lambda d: d.file):
        rows.append({
            "file": doc.file, "id": doc.id, "title": doc.title, "issuer": doc.issuer, "level": doc.level,
            "region": doc.region, "year": str(doc.year), "kind": doc.kind, "doc_number": doc.doc_number,
            "date": doc.date, "role": doc.role, "lang": doc.lang, "parent": doc.parent,
        })
    return rows


def build(root: Path) -> list[Path]:
    """Write ``documents/``, ``variants/`` and ``metadata.csv`` under ``root``; return the files written."""
    by_id = {d.id: d for d in DOCS}
    written: list[Path] = []
    for doc in DOCS:
        out = root / "documents" / doc.file
        render(doc, doc.fmt, out, doc.render)
        written.append(out)
    for variant in VARIANTS:
        out = root / "variants" / variant.file
        render(by_id[variant.of], variant.fmt, out, variant.render)
        written.append(out)
    with open(root / "variants" / "VARIANTS.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "of", "source", "format", "exercises"])
        for variant in VARIANTS:
            source = "sources/" + by_id[variant.of].source
            writer.writerow([variant.file, variant.of, source, variant.fmt, variant.exercises])
    written.append(root / "variants" / "VARIANTS.csv")
    with open(root / "metadata.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=METADATA_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(metadata_rows())
    written.append(root / "metadata.csv")
    return written


def _files(root: Path) -> set[str]:
    found = set()
    for name in GENERATED:
        path = root / name
        if path.is_file():
            found.add(name)
        elif path.is_dir():
            found.update(p.relative_to(root).as_posix() for p in path.rglob("*") if p.is_file())
    return found


def check(root: Path = SAMPLE) -> list[str]:
    """Build into a temporary folder and list how the files under ``root`` differ from it."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        build(fresh)
        want, have = _files(fresh), _files(root)
        problems = [f"missing: {name}" for name in sorted(want - have)]
        problems += [f"not built by this script: {name}" for name in sorted(have - want)]
        for name in sorted(want & have):
            if not filecmp.cmp(fresh / name, root / name, shallow=False):
                problems.append(f"differs from a fresh build: {name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description="Build the illustrative sample corpus from corpora/sample/sources.")
    parser.add_argument("--check", action="store_true", help="verify the committed files match a fresh build")
    parser.add_argument("--out", type=Path, default=SAMPLE, help="folder to build into (default: corpora/sample)")
    ns = parser.parse_args(argv)
    if ns.check:
        problems = check(ns.out)
        for problem in problems:
            print(f"build_sample: {problem}", file=sys.stderr)
        if problems:
            print("build_sample: run `python scripts/build_sample.py` and commit the result", file=sys.stderr)
            return 1
        print(f"build_sample: {len(_files(ns.out))} files match a fresh build", file=sys.stderr)
        return 0
    for name in ("documents", "variants"):
        # Both folders are outputs of this script only; clear them so that a
        # document renamed in the manifest leaves no stale copy behind.
        if (ns.out / name).is_dir():
            shutil.rmtree(ns.out / name)
    written = build(ns.out)
    print(f"build_sample: wrote {len(written)} files under {ns.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
