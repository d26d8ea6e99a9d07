"""The non-PDF readers: TXT/MD (encodings, Markdown, wrapped lines), HTML (main content), DOCX."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from conftest import shared_path

from policytext.errors import PasswordError, UnreadableDocumentError, UnsupportedFormatError
from policytext.ingest import read, read_bytes
from policytext.ingest.docx import format_number
from policytext.ingest.text import rejoin_wrapped, strip_markdown

NOTICE = (
    "教育部关于深化职业教育教学关键要素改革的意见\n"
    "教职成〔2026〕1号\n"
    "\n"
    "各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局：\n"
    "\n"
    "　　职业教育专业、课程、教材、教师、实习实训等教学关键要素改革，是建设职业教育体系的基础工程。\n"
    "\n"
    "一、总体要求\n"
    "到２０２７年，建成先进标准体系，占比达到５０％。\n"
    "教育部\n"
    "2026年2月4日\n"
)
NOTICE_CLEAN = [
    "教育部关于深化职业教育教学关键要素改革的意见",
    "教职成〔2026〕1号",
    "各省、自治区、直辖市教育厅（教委），新疆生产建设兵团教育局：",
    "职业教育专业、课程、教材、教师、实习实训等教学关键要素改革，是建设职业教育体系的基础工程。",
    "一、总体要求",
    "到2027年，建成先进标准体系，占比达到50%。",
    "教育部",
    "2026年2月4日",
]

# --- TXT --------------------------------------------------------------------


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "gb2312", "utf-16", "utf-16-be"]
)
def test_txt_encodings_decode_to_the_same_clean_lines(encoding):
    data = NOTICE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data  # with its byte-order mark
    doc = read_bytes(data, source=f"notice-{encoding}.txt")
    assert doc.text.split("\n") == NOTICE_CLEAN
    assert doc.metadata["doc_number"] == "教职成〔2026〕1号"


def test_txt_big5_traditional_chinese():
    text = "中華民國憲法增修條文，為因應國家統一前之需要，依照憲法之規定，增修本憲法條文如左：\n第一條　中華民國自由地區選舉人於立法院提出憲法修正案，經公告半年，應於三個月內投票複決。\n"
    doc = read_bytes(text.encode("big5"), source="big5.txt")
    assert doc.text.split("\n") == [line.replace("\u3000", " ") for line in text.strip().split("\n")]


def test_txt_gb18030_only_characters_survive():
    # 𠮷 and the euro sign are outside GB2312/GBK: reading as GB18030 keeps them
    text = "第一条 本办法所称𠮷字号企业，注册资本不低于100万元（约合€13万）。\n" * 3
    doc = read_bytes(text.encode("gb18030"), source="gb18030.txt")
    assert "𠮷字号" in doc.text and "€13万" in doc.text


def test_txt_undecodable_bytes_name_the_file_and_reason():
    data = "第一条 为了规范管理，制定本办法。".encode("gbk") * 20 + b"\xff\xfe\xff" + "附则".encode("gbk")
    with pytest.raises(UnreadableDocumentError) as info:
        read_bytes(data, source="broken.txt")
    message = str(info.value)
    assert message.startswith("broken.txt: ") and "decode" in message and "UTF-8" in message


def test_txt_binary_data_is_refused():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(UnreadableDocumentError, match=r"image\.txt: .*binary"):
        read_bytes(png, source="image.txt")


def test_txt_a_stray_byte_in_utf8_is_replaced_and_reported():
    data = "第一条 为了规范管理，制定本办法。".encode() * 50 + b"\xff" + "第二条 附则。".encode()
    doc = read_bytes(data, source="stray.txt")
    assert "\ufffd" in doc.text and "第二条 附则。" in doc.text
    assert any("U+FFFD" in w for w in doc.warnings)


def _wrap(text: str, width: int) -> list[str]:
    return [text[i : i + width] for i in range(0, len(text), width)]


def test_txt_fixed_width_wrapped_chinese_is_rejoined():
    p1 = "为贯彻落实党中央、国务院关于职业教育改革的决策部署，推动职业教育高质量发展，现就深化职业教育教学关键要素改革提出如下意见，各地要结合实际认真贯彻执行。"
    p2 = "职业教育专业、课程、教材、教师、实习实训等教学关键要素改革，是建设职业教育体系的基础工程，是培养高技能人才的关键举措，必须坚持需求牵引"
    lines = [
        "一、总体要求",
        *_wrap(p1, 20),
        "二、主要任务",
        *_wrap(p2, 20),
        "（一）动态调整专业设置。",
        *_wrap(p1, 20),
    ]
    doc = read_bytes("\n".join(lines).encode(), source="wrapped.txt")
    assert doc.text.split("\n") == ["一、总体要求", p1, "二、主要任务", p2, "（一）动态调整专业设置。", p1]


def test_txt_wrapped_at_two_widths_is_rejoined():
    # a PDF's text as another tool exported it: the body wraps at 26 characters, a box (专栏) at 33, and a
    # line with digits holds more characters
    text = (
        "职业教育专业、课程、教材、教师、实习实训等教学关键要素改革，是建设职业教育体系的基础工程，是培养高技能人才的关键举措。"
        "必须坚持需求牵引、问题导向、系统推进，统筹各方力量，形成改革合力，切实提升人才培养质量。到2027年，建设300个左右国家级"
        "职业教育专业教学资源库，遴选1000门左右在线精品课程，培育一批高水平专业化产教融合实训基地，带动各地建设一批省级资源。"
        "各地要把职业教育教学改革纳入经济社会发展规划，加强统筹协调，完善政策措施，加大经费投入，健全评价机制，及时总结推广典型"
        "经验，营造良好氛围。"
    )
    text = text.replace("。", "；")  # a paragraph ends on its only 。 (a full line that ends on 。 is kept apart)
    cuts = (70, 95, 120, 85, 110, 100, 77, 130, 90, 64, 101)
    body = [(text * 5)[sum(cuts[:i]) : sum(cuts[: i + 1])] + "。" for i in range(len(cuts))]
    box = ["专栏：" + text[k : k + n] + "。" for k, n in ((10, 90), (40, 120), (80, 75), (5, 150), (60, 99))]
    lines = [ln for p in body for ln in _wrap_on_the_page(p, 52)] + [ln for p in box for ln in _wrap_on_the_page(p, 66)]
    assert rejoin_wrapped(lines) == body + box


def _wrap_on_the_page(text: str, width: int) -> list[str]:
    """Lines as a page breaks them: a digit takes half the room of a character."""
    lines, line, room = [], "", 0
    for ch in text:
        w = 1 if ch.isascii() else 2
        if room + w > width:
            lines.append(line)
            line, room = "", 0
        line += ch
        room += w
    return lines + [line]


def test_txt_headings_of_one_length_are_not_a_wrap_width():
    headings = ["（一）加强统筹协调工作", "（二）加大政策支持力度", "（三）加快人才培养步伐", "（四）营造良好发展环境",
                "（五）强化监督考核评估", "（六）完善工作推进机制"]  # fmt: skip
    lines = []
    for h in headings:
        lines += [h, "各地要结合实际制定实施方案，明确任务分工和进度安排，确保各项工作落到实处。"]
    assert rejoin_wrapped(lines) == lines


def test_txt_one_phrase_a_line_is_not_rejoined():
    # an aligned translation holds one segment a line; the segments end on punctuation
    lines = ["过去一年，防范化解重大风险，", "宏观杠杆率趋于稳定，", "全民健身蓬勃开展，群众体育活动丰富，", "体育健儿再创佳绩。",
             "实体经济困难较多，", "民营和小微企业融资难融资贵问题尚未有效缓解，"] * 5  # fmt: skip
    assert rejoin_wrapped(lines) == lines


def test_txt_unwrapped_lines_stay_apart():
    lines = [
        "第一章 总则",
        "第一条 为了规范管理，制定本办法。",
        "第二条 本办法适用于本市。",
        "第三条 市教育局负责实施。",
        "附则",
        "第四条 本办法自印发之日起施行。",
    ]
    assert rejoin_wrapped(lines) == lines


def test_txt_full_line_ending_a_sentence_is_kept_apart():
    # without indentation nothing says whether a full line that ends with 。 ends its paragraph
    body = ["甲" * 19 + "。", "乙" * 20, "丙" * 12, "丁" * 20, "戊" * 20, "己" * 20, "庚" * 3]
    out = rejoin_wrapped(body)
    assert out[0] == "甲" * 19 + "。" and out[1] == "乙" * 20 + "丙" * 12


def test_txt_line_starting_with_closing_punctuation_continues():
    lines = ["在听了刘少奇同志", "关于宪法草案的报告", "，接着又通过了几个重要的法律。"]
    assert rejoin_wrapped(lines) == ["在听了刘少奇同志", "关于宪法草案的报告，接着又通过了几个重要的法律。"]


def test_txt_wrapped_english_is_rejoined_at_word_boundaries():
    import textwrap

    paragraphs = [
        "The State Council shall strengthen the leadership over vocational education, formulate "
        "development plans, and coordinate the work of the relevant departments so that the "
        "vocational education system develops in step with the needs of industry and society.",
        "Local people's governments at or above the county level shall include vocational education "
        "in their plans for economic and social development, and shall guarantee the funds that "
        "vocational schools need for teaching, training and the upkeep of their equipment.",
    ]
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, 60) + [""]
    lines.append("Article 2 This Law applies to vocational schools.")
    doc = read_bytes("\n".join(lines).encode(), source="en.txt")
    assert doc.text.split("\n") == [*paragraphs, "Article 2 This Law applies to vocational schools."]


def test_txt_form_feeds_make_pages():
    doc = read_bytes("第一页的内容。\n\f第二页的内容。\n".encode(), source="pages.txt")
    assert [p.text for p in doc.pages] == ["第一页的内容。", "第二页的内容。"]
    assert doc.text == "第一页的内容。\n第二页的内容。"


# --- Markdown ---------------------------------------------------------------

LAWREFBOOK = """# 中华人民共和国教育法

1995年3月18日 第八届全国人民代表大会第三次会议通过

2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议《关于修改部分法律的决定》第一次修正

<!-- INFO END -->

## 第一章 总则

第一条 为了发展教育事业，**提高全民族的素质**，制定本法。

第二条 在中华人民共和国境内的各级各类教育，适用本法。
本法所称教育，是指[学校教育](https://example.invalid)和*其他教育*。

| 项目 | 标准 |
|---|---|
| 生均经费 | 不低于1万元 |

- 条目一
- 条目二
"""


def test_markdown_lawrefbook_header_stripped_title_kept_dates_in_metadata():
    doc = read_bytes(LAWREFBOOK.encode(), source="law.md")
    assert doc.text.split("\n") == [
        "中华人民共和国教育法",
        "第一章 总则",
        "第一条 为了发展教育事业，提高全民族的素质，制定本法。",
        "第二条 在中华人民共和国境内的各级各类教育，适用本法。",
        "本法所称教育，是指学校教育和其他教育。",
        "项目 | 标准",
        "生均经费 | 不低于1万元",
        "条目一",
        "条目二",
    ]
    meta = doc.metadata
    assert meta["title"] == "中华人民共和国教育法"
    assert meta["adopted"] == "1995-03-18" and meta["amended"] == ["2009-08-27"]
    assert meta["date"] == "2009-08-27" and meta["year"] == 2009 and meta["kind"] == "法"
    assert meta["issuer"] == "全国人民代表大会常务委员会"


def test_markdown_soft_breaks_do_not_swallow_clause_labels():
    paragraphs, header = strip_markdown(
        "第一条 总则内容\n（一）第一项；\n（二）第二项。\n紧随其后的一段\n继续这一段"
    )
    assert header is None
    assert paragraphs == ["第一条 总则内容", "（一）第一项；", "（二）第二项。", "紧随其后的一段继续这一段"]


def test_markdown_setext_headings_and_rules():
    paragraphs, _ = strip_markdown("标题\n===\n\n正文一段。\n\n---\n\n小节\n---\n内容")
    assert paragraphs == ["标题", "正文一段。", "小节", "内容"]


@pytest.mark.parametrize("name", ["law_education-law_2021.md", "law_vocational-education-law_2022.md"])
def test_markdown_real_lawrefbook_files(name):
    doc = read(shared_path("corpora", "directives", name))
    lines = doc.text.split("\n")
    assert (
        lines[0] == "中华人民共和国教育法"
        if "education-law_2021" in name
        else lines[0] == "中华人民共和国职业教育法"
    )
    assert not any(ln.startswith("#") or "INFO END" in ln or "**" in ln for ln in lines)
    assert lines[1].startswith("第一章") and lines[2].startswith("第一条")
    assert "" not in lines


# --- HTML -------------------------------------------------------------------

PORTAL = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>某市人民政府办公厅关于加强养老服务的通知 - 某市人民政府门户网站</title>
<meta name="ArticleTitle" content="某市人民政府办公厅关于加强养老服务的通知">
<meta name="PubDate" content="2023-04-20 10:00">
<style>.x{{color:red}}</style><script>var a = "第一条 脚本里的字";</script>
</head><body>
<div class="top"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li>
<li><a href="/zwfw">政务服务</a></li><li><a href="/hdjl">互动交流</a></li></ul>
<div class="search">搜索热词：<a>社保</a><a>医保</a><a>居住证</a></div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a>市政府文件</a></div>
<div class="main">
 <div class="left"><div class="jbxx"><ul>
  <li><span>索 引 号：</span>11440100/2023-00012</li>
  <li><span>文　　号：</span>某府办〔2023〕5号</li>
  <li><span>成文日期：</span>2023年04月18日</li>
  <li><span>发布机构：</span>某市人民政府办公厅</li></ul></div>
 <h1 class="article-title">某市人民政府办公厅关于加强养老服务的通知</h1>
 <div class="info">发布时间：2023-04-20 来源：市政府办公厅 【字体：<a>大</a> <a>中</a> <a>小</a>】 <a>打印</a></div>
 <div id="zoom" class="article-content">
  <p style="text-align:center">某府办〔<span>20</span><span>23</span>〕<span>5</span>号</p>
  <p><strong>各区人民政府，市政府各部门：</strong></p>
  <p>　　为加强养老服务，经市人民政府同意，现就有关事项通知如下：</p>
  <p>　　<strong>一、</strong>总体要求</p>
  <p>　　到<span>20</span><span>25</span>年，全市养老床位达到<span>5</span>万张，
  护理型床位占比不低于<span>55%</span>。</p>
  <p>二、保障措施<br/>（一）加大投入。市财政每年安排专项资金。<br>（二）强化监督。</p>
  <table border="1"><tr><th>区</th><th>床位（张）</th></tr>
   <tr><td><p>越秀区</p></td><td><p><span>3</span><span>200</span></p></td></tr></table>
  <p style="text-align:right">某市人民政府办公厅</p>
  <p style="text-align:right">2023年4月18日</p>
 </div>
 <div class="share">分享到：<a>微信</a><a>微博</a><a>QQ空间</a></div>
 <div class="related"><h3>相关文章</h3><ul><li><a>关于印发某市养老服务条例的通知</a></li>
  <li><a>某市民政局关于养老机构管理的通知</a></li><li><a>一图读懂养老服务新政</a></li></ul></div>
 </div>
 <div class="bbnr" style="display:none;">某府办〔2023〕5号某市人民政府办公厅关于加强养老服务的通知（隐藏的副本）</div>
</div>
<div class="footer"><p>版权所有：某市人民政府 主办单位：某市人民政府办公厅</p>
<p><a>网站地图</a> | <a>联系我们</a> | 网站标识码：4401000004 粤ICP备2022092331号-1</p></div>
</body></html>
"""

PORTAL_BODY = [
    "某市人民政府办公厅关于加强养老服务的通知",
    "某府办〔2023〕5号",
    "各区人民政府，市政府各部门：",
    "为加强养老服务，经市人民政府同意，现就有关事项通知如下：",
    "一、总体要求",
    "到2025年，全市养老床位达到5万张，护理型床位占比不低于55%。",
    "二、保障措施",
    "（一）加大投入。市财政每年安排专项资金。",
    "（二）强化监督。",
    "区 | 床位（张）",
    "越秀区 | 3200",
    "某市人民政府办公厅",
    "2023年4月18日",
]


@pytest.mark.parametrize("charset", ["utf-8", "gb2312", "gbk"])
def test_html_main_content_only_with_split_numbers_joined(charset):
    data = PORTAL.format(charset=charset).encode("gb18030" if charset != "utf-8" else "utf-8")
    doc = read_bytes(data, source="portal.html")
    assert doc.text.split("\n") == PORTAL_BODY
    assert doc.metadata["doc_number"] == "某府办〔2023〕5号"
    assert doc.metadata["date"] == "2023-04-18"
    assert doc.metadata["published"] == "2023-04-20"
    assert doc.metadata["addressee"] == "各区人民政府，市政府各部门"


def test_html_without_declared_charset_is_detected():
    page = PORTAL.format(charset="x").replace(
        '<meta http-equiv="Content-Type" content="text/html; charset=x">', ""
    )
    doc = read_bytes(page.encode("gbk"), source="nocharset.html")
    assert doc.text.split("\n") == PORTAL_BODY


def test_html_with_bom_and_wrong_declared_charset():
    page = PORTAL.format(charset="gb2312")
    doc = read_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"), source="bom.html")
    assert doc.text.split("\n") == PORTAL_BODY


def test_html_page_metadata_is_only_a_fallback():
    page = """<html><head><title>关于举办培训班的通知_某某局</title>
    <meta name="PubDate" content="2022-05-06"></head><body>
    <table class="xxgk"><tr><td>文号：</td><td>某人社函〔2022〕31号</td><td>成文日期：</td><td>2022-05-01</td></tr>
    <tr><td>发布机构：</td><td>某某局</td></tr></table>
    <div class="wrap"><div class="TRS_Editor"><p>为提高业务水平，决定举办培训班，现将有关事项通知如下。</p>
    <p>一、培训时间：五月中旬，为期三天，请各单位认真组织，按时参加。</p></div></div></body></html>"""
    doc = read_bytes(page.encode(), source="fallback.html")
    assert doc.text.split("\n") == [
        "为提高业务水平，决定举办培训班，现将有关事项通知如下。",
        "一、培训时间：五月中旬，为期三天，请各单位认真组织，按时参加。",
    ]
    meta = doc.metadata
    assert meta["title"] == "关于举办培训班的通知"  # from <title>, site name cut off
    assert meta["doc_number"] == "某人社函〔2022〕31号"  # from the 政府信息公开 table
    assert meta["date"] == "2022-05-01" and meta["published"] == "2022-05-06" and meta["year"] == 2022
    assert meta["issuer"] == "某某局"


def test_html_layout_table_site():
    article = "".join(
        f"<p>第{n}条 本条规定的事项，由市主管部门负责组织实施，各区配合落实，确保工作取得实效。</p>"
        for n in "一二三四五六七八九十"
    )
    page = f"""<html><body><table width="100%"><tr><td><a>首页</a> | <a>机构概况</a> | <a>政策法规</a> | <a>办事指南</a></td></tr>
    <tr><td><table><tr><td class="bt">某市职业培训管理办法</td></tr><tr><td class="zw">{article}</td></tr></table></td></tr>
    <tr><td>版权所有 某市人力资源局 <a>网站地图</a></td></tr></table></body></html>"""
    doc = read_bytes(page.encode(), source="layout.html")
    lines = doc.text.split("\n")
    assert lines[0] == "某市职业培训管理办法"
    assert lines[1].startswith("第一条") and lines[-1].startswith("第十条") and len(lines) == 11


def test_html_empty_page():
    from policytext.errors import EmptyDocumentError

    with pytest.raises(EmptyDocumentError):
        read_bytes(b"<html><body><div>   </div></body></html>", source="empty.html")


# --- HTML: the Guangzhou pages in ../shared -------------------------------------

GUANGZHOU = [
    "guangzhou-site_market-entity-registration-regulation_sc-order746.html",
    "guangzhou_elderly-preferential-treatment-measures_order179.html",
    "guangzhou_employment-internship-base-measures_2019.html",
    "guangzhou_extreme-poverty-support-notice_2021.html",
    "guangzhou_home-community-elderly-care-measures_2022.html",
    "guangzhou_points-hukou-measures_2025.html",
    "guangzhou_public-rental-housing-measures_2024.html",
    "guangzhou_talent-hukou-implementing-rules_2022.html",
    "guangzhou_talent-hukou-measures_2020.html",
    "guangzhou_temporary-assistance-rules_2021.html",
]
# Text of the sites' navigation, footers and toolbars, read off these pages.
NAV_TEXT = [
    "首页", "政务公开", "政务服务", "互动交流", "网站地图", "版权所有", "ICP备", "公网安备", "网站标识码",
    "分享到", "扫一扫", "当前位置", "浏览次数", "关闭窗口", "返回顶部", "无障碍", "长者助手", "相关新闻",
    "政策解读", "统一编号", "失效日期", "文件状态", "联系我们", "隐私声明", "使用帮助", "市民网页", "政务邮箱",
    "搜索热词", "打印", "关怀版", "智能问答", "穗好办", "电脑版", "手机版", "内容纠错", "发表时间", "信息来源",
    "来源：", "发布日期", "字号", "基本信息", "市委组织部", "越秀区", "微信", "微博", "English",
]  # fmt: skip


def nav_lines(text: str) -> list[str]:
    """Lines that are navigation: short ones holding a navigation phrase."""
    return [ln for ln in text.split("\n") if len(ln) <= 40 and any(nav in ln for nav in NAV_TEXT)]


@pytest.mark.parametrize("name", GUANGZHOU)
def test_guangzhou_main_content_has_body_and_no_navigation(name):
    doc = read(shared_path("corpora", "local", "html", name))
    lines = doc.text.split("\n")
    assert any(re.match(r"^(第一条|一、)", ln) for ln in lines), "the document body is missing"
    assert "" not in lines and all(ln == ln.strip() for ln in lines)
    assert nav_lines(doc.text) == []
    assert not re.search(r"\d\n\d|\d\s年", doc.text)  # numbers split over tags are joined


@pytest.mark.parametrize("name", [n for n in GUANGZHOU if "market" not in n and "order179" not in n])
def test_guangzhou_notice_starts_with_its_doc_number_and_keeps_its_signature(name):
    doc = read(shared_path("corpora", "local", "html", name))
    lines = doc.text.split("\n")
    assert lines[0] == doc.metadata["doc_number"]
    assert re.fullmatch(
        r"\d{4}年\d{1,2}月\d{1,2}日", next(ln for ln in lines if re.fullmatch(r"\d{4}年.*日", ln))
    )


def _hidden_copy(path: Path) -> str | None:
    import lxml.html

    from policytext.ingest.normalize import normalize

    root = lxml.html.fromstring(path.read_bytes().decode("utf-8"))
    found = root.xpath('//div[@class="bbnr"]')
    return re.sub(r"\s", "", normalize(found[0].text_content())) if found else None


# These pages carry a hidden flat copy of the document (div.bbnr), a reference for the content.
WITH_FLAT_COPY = [
    "guangzhou_employment-internship-base-measures_2019.html",
    "guangzhou_extreme-poverty-support-notice_2021.html",
    "guangzhou_talent-hukou-implementing-rules_2022.html",
    "guangzhou_temporary-assistance-rules_2021.html",
]


@pytest.mark.parametrize("name", WITH_FLAT_COPY)
def test_guangzhou_content_matches_the_sites_own_flat_copy(name):
    """The content is exactly the document the site itself holds as a flat copy."""
    from rapidfuzz.distance import LCSseq

    path = shared_path("corpora", "local", "html", name)
    reference = _hidden_copy(path)
    assert reference is not None
    text = re.sub(r"\s|\|", "", read(path).text)
    common = LCSseq.similarity(reference, text)
    assert common / len(text) == 1.0  # nothing that is not the document
    assert common / len(reference) > 0.98  # all of it (the copy repeats the page heading)


# --- DOCX -------------------------------------------------------------------


def _numbering_xml(abstract_id: int, levels: list[tuple[str, str, int]]) -> str:
    from docx.oxml.ns import nsdecls

    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )
    return f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


class _DocxBuilder:
    def __init__(self) -> None:
        import docx

        self.doc = docx.Document()
        self.numbering = self.doc.part.numbering_part.element

    def add_list(
        self, num_id: int, abstract_id: int, levels=None, *, restart_from: int | None = None
    ) -> None:
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        if levels is not None:
            self.numbering.insert(0, parse_xml(_numbering_xml(abstract_id, levels)))
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart_from}"/></w:lvlOverride>'
            if restart_from is not None
            else ""
        )
        self.numbering.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
            )
        )

    def para(self, text: str, *, num_id: int | None = None, ilvl: int = 0):
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        p = self.doc.add_paragraph(text)
        if num_id is not None:
            p._p.get_or_add_pPr().append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
        return p

    def bytes(self) -> bytes:
        buf = io.BytesIO()
        self.doc.save(buf)
        return buf.getvalue()


def test_docx_automatic_clause_numbering_is_rendered():
    b = _DocxBuilder()
    b.add_list(
        901, 901, [("chineseCounting", "第%1条", 1), ("chineseCounting", "（%2）", 1), ("decimal", "%3.", 1)]
    )
    b.add_list(902, 902, [("chineseCounting", "%1、", 1), ("decimalEnclosedCircle", "%2", 1)])
    b.para("某市职业培训管理办法")
    b.para("为了规范职业培训，制定本办法。", num_id=901)
    b.para("本办法适用于下列机构：", num_id=901)
    b.para("职业学校；", num_id=901, ilvl=1)
    b.para("培训机构。", num_id=901, ilvl=1)
    b.para("其中民办机构", num_id=901, ilvl=2)
    for _ in range(9):
        b.para("其他规定。", num_id=901)
    b.para("总体要求", num_id=902)
    b.para("加强统筹", num_id=902, ilvl=1)
    b.para("保障措施", num_id=902)
    b.para("落实经费", num_id=902, ilvl=1)
    doc = read_bytes(b.bytes(), source="numbered.docx")
    lines = doc.text.split("\n")
    assert lines[:6] == [
        "某市职业培训管理办法",
        "第一条 为了规范职业培训，制定本办法。",
        "第二条 本办法适用于下列机构：",
        "（一）职业学校；",
        "（二）培训机构。",
        "1.其中民办机构",
    ]
    assert lines[6].startswith("第三条") and lines[14] == "第十一条 其他规定。"
    assert lines[15:] == ["一、总体要求", "①加强统筹", "二、保障措施", "①落实经费"]


def test_docx_numbering_restarts_with_a_start_override():
    b = _DocxBuilder()
    b.add_list(911, 911, [("decimal", "%1.", 1)])
    b.add_list(912, 911, restart_from=1)
    b.para("甲", num_id=911)
    b.para("乙", num_id=911)
    b.para("丙", num_id=912)
    assert read_bytes(b.bytes(), source="restart.docx").text.split("\n") == ["1.甲", "2.乙", "1.丙"]


def test_docx_tables_headers_footers_and_core_properties():
    b = _DocxBuilder()
    section = b.doc.sections[0]
    section.header.paragraphs[0].text = "某市人民政府文件（页眉）"
    section.footer.paragraphs[0].text = "— 1 —"
    b.para("某府〔2024〕3号")
    b.para("关于印发某市养老服务规划的通知")
    table = b.doc.add_table(rows=3, cols=3)
    for r, row in enumerate([["区", "床位", "备注"], ["越秀区", "3200", ""], ["海珠区", "2800", ""]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2)).text = "合计6000"
    b.para("某市人民政府")
    b.para("2024年3月8日")
    b.doc.core_properties.title = "养老服务规划（定稿）"
    b.doc.core_properties.author = "市民政局"
    doc = read_bytes(b.bytes(), source="table.docx")
    assert doc.text.split("\n") == [
        "某府〔2024〕3号",
        "关于印发某市养老服务规划的通知",
        "区 | 床位 | 备注",
        "越秀区 | 3200 | 合计6000",
        "海珠区 | 2800",
        "某市人民政府",
        "2024年3月8日",
    ]
    assert "页眉" not in doc.text and "— 1 —" not in doc.text
    meta = doc.metadata
    assert meta["title"] == "关于印发某市养老服务规划的通知"  # the text wins over core properties
    assert meta["author"] == "市民政局" and meta["date"] == "2024-03-08" and meta["issuer"] == "某市人民政府"


def test_docx_core_title_is_the_fallback():
    b = _DocxBuilder()
    b.para("为了规范管理，根据有关规定，结合本市实际情况，制定本办法。本办法自印发之日起施行。")
    b.doc.core_properties.title = "某市管理办法"
    assert read_bytes(b.bytes(), source="core.docx").metadata["title"] == "某市管理办法"


def test_docx_tracked_changes_read_as_accepted():
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    b = _DocxBuilder()
    p = b.para("第一条 ")
    p._p.append(
        parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="a"><w:r><w:t>新增的文字</w:t></w:r></w:ins>')
    )
    p._p.append(
        parse_xml(
            f'<w:del {nsdecls("w")} w:id="2" w:author="a"><w:r><w:delText>删除的文字</w:delText></w:r></w:del>'
        )
    )
    p._p.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>。</w:t><w:br/><w:t>第二行</w:t></w:r>"))
    assert read_bytes(b.bytes(), source="tracked.docx").text.split("\n") == ["第一条 新增的文字。", "第二行"]


def test_docx_bad_files_get_clear_errors(tmp_path):
    with pytest.raises(UnreadableDocumentError, match=r"broken\.docx: not a readable DOCX"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr("word/document.xml", "<not-xml")
        read_bytes(buf.getvalue(), source="broken.docx")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(UnsupportedFormatError, match=r"old\.docx: .*\.doc"):
        read_bytes(ole, source="old.docx")
    with pytest.raises(PasswordError, match="encrypted"):
        read_bytes(ole + "EncryptionInfo".encode("utf-16-le"), source="locked.docx")


@pytest.mark.parametrize(
    ("n", "fmt", "expected"),
    [
        (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (12, "chineseCounting", "十二"),
        (20, "chineseCountingThousand", "二十"), (105, "chineseCountingThousand", "一百零五"),
        (110, "chineseCountingThousand", "一百一十"), (3, "decimalEnclosedCircle", "③"),
        (3, "ideographTraditional", "丙"), (12, "chineseLegalSimplified", "壹拾贰"),
        (2024, "ideographDigital", "二〇二四"), (4, "upperRoman", "IV"), (28, "lowerLetter", "bb"),
        (7, "decimalZero", "07"), (2, "decimalEnclosedParen", "⑵"),
    ],
)  # fmt: skip
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


ENGLISH_PAGE = """<html><head><title>Notice on Vocational Education Reform | Ministry of Education</title></head><body>
<header><div class="logo"><a href="/"><h1>Ministry of Education of the People's Republic of China</h1></a></div>
<ul class="menu"><li><a>Home</a></li><li><a>News</a></li><li><a>Policies</a></li><li><a>About</a></li></ul></header>
<div class="breadcrumb"><a>Home</a> &gt; <a>Policies</a></div>
<div class="container"><div class="col-main">
<h2>Notice of the General Office of the Ministry of Education on Accelerating Reform</h2>
<p class="meta">Date: 2023-04-18 Source: General Office</p>
<div class="article">
<p>To the education departments of all provinces, autonomous regions and municipalities:</p>
<p>In order to implement the guidelines of the central authorities, the following matters are hereby notified.
Schools shall strengthen cooperation with industry.</p>
<p>1. General requirements. The reform shall be advanced in a coordinated way, with clear responsibilities.</p>
<p>2. Main tasks. Each province shall publish an annual report.</p>
<p>General Office of the Ministry of Education</p><p>18 April 2023</p>
</div></div>
<div class="col-side"><h3>Latest</h3><ul><li><a>Minister meets delegation</a></li>
<li><a>Conference opens in Beijing</a></li><li><a>New guidelines issued</a></li></ul></div></div>
<footer><p>Copyright Ministry of Education. All rights reserved.</p></footer></body></html>"""


def test_html_english_page_keeps_the_article_heading_not_the_site_logo():
    doc = read_bytes(ENGLISH_PAGE.encode(), source="en.html")
    assert doc.lang == "en"
    assert doc.text.split("\n") == [
        "Notice of the General Office of the Ministry of Education on Accelerating Reform",
        "To the education departments of all provinces, autonomous regions and municipalities:",
        "In order to implement the guidelines of the central authorities, the following matters are hereby "
        "notified. Schools shall strengthen cooperation with industry.",
        "1. General requirements. The reform shall be advanced in a coordinated way, with clear responsibilities.",
        "2. Main tasks. Each province shall publish an annual report.",
        "General Office of the Ministry of Education",
        "18 April 2023",
    ]
    meta = doc.metadata
    assert meta["kind"] == "Notice" and meta["date"] == "2023-04-18"
    assert meta["issuer"] == "General Office of the Ministry of Education"


def test_markdown_part_headings_in_the_header_block_stay():
    text = "# 中华人民共和国民法典\n\n# 合同编\n\n2020年5月28日 第十三届全国人民代表大会第三次会议通过\n\n2021年1月1日 施行\n\n<!-- INFO END -->\n\n## 第一分编 通则\n\n第四百六十三条 本编调整因合同产生的民事关系。\n"
    doc = read_bytes(text.encode(), source="civil-code.md")
    assert doc.text.split("\n") == [
        "中华人民共和国民法典",
        "合同编",
        "第一分编 通则",
        "第四百六十三条 本编调整因合同产生的民事关系。",
    ]
    meta = doc.metadata
    assert meta["title"] == "中华人民共和国民法典" and meta["kind"] == "法典"
    assert meta["adopted"] == "2020-05-28" and meta["effective"] == "2021-01-01"
    assert meta["issuer"] == "全国人民代表大会" and "amended" not in meta


def test_html_thousands_of_unclosed_inline_tags():
    page = "<html><body><p>第一条 开头。</p>" + "<font size=3>" * 5000 + "第二条 未闭合的标签。</body></html>"
    doc = read_bytes(page.encode(), source="unclosed.html")
    assert doc.text.split("\n") == ["第一条 开头。", "第二条 未闭合的标签。"]
    assert any("nests deeper" in w for w in doc.warnings)


def test_html_heading_and_doc_number_just_outside_the_editor_box_are_kept():
    body = "".join(
        f"<p>（{n}）本项任务由市教育局牵头，各成员单位按照职责分工抓好落实，确保取得实效。</p>"
        for n in "一二三四五"
    )
    page = f"""<html><body><ul class="nav"><li><a>首页</a></li><li><a>政务公开</a></li><li><a>政策文件</a></li></ul>
    <div class="main"><div class="content">
      <table class="info"><tr><td>索引号：</td><td>1137/2024-00009</td><td>主题分类：</td><td>教育</td></tr>
      <tr><td>发布机构：</td><td>某市教育局</td><td>成文日期：</td><td>2024-03-08</td></tr></table>
      <div class="article"><h1>某市推进产教联合体建设实施方案</h1><p class="wh">某教发〔2024〕9号</p>
        <div class="TRS_Editor">{body}<p>某市教育局</p><p>2024年3月8日</p></div></div>
    </div></div><div class="footer">版权所有：某市教育局 网站标识码：1234567890</div></body></html>"""
    doc = read_bytes(page.encode(), source="article.html")
    lines = doc.text.split("\n")
    assert lines[:3] == [
        "某市推进产教联合体建设实施方案",
        "某教发〔2024〕9号",
        "（一）本项任务由市教育局牵头，各成员单位按照职责分工抓好落实，确保取得实效。",
    ]
    assert lines[-2:] == ["某市教育局", "2024年3月8日"] and len(lines) == 9
    assert doc.metadata["doc_number"] == "某教发〔2024〕9号" and doc.metadata["kind"] == "方案"


def test_html_signature_in_a_layout_table_row():
    page = """<html><body><div class="article"><p>第一条 为规范管理，根据有关规定，结合本市实际，制定本办法。</p>
    <p>第二条 本办法自印发之日起施行，有效期五年，由市教育局负责解释。</p>
    <table><tr><td></td><td><p>某市教育局</p><p>2024年3月8日</p></td></tr></table></div></body></html>"""
    doc = read_bytes(page.encode(), source="signature.html")
    assert doc.text.split("\n")[-2:] == ["某市教育局", "2024年3月8日"]
    assert doc.metadata["date"] == "2024-03-08" and doc.metadata["issuer"] == "某市教育局"
