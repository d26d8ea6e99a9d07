"""HTML: the main content of a web page (a government notice, as a rule) as clean lines.

Finding the content. Scripts, forms, ``<nav>`` and anything hidden
(``display:none``, ``hidden``, ``aria-hidden``) are removed first: government
CMSs hide a flat copy of the text and print-only blocks on the page. Each
remaining text node then weighs its sentence punctuation plus a little for its
length, links weighing nothing, and counts towards the container (div, td,
li ...) around its paragraph. The container with the most prose is the seed;
it widens to its parent while that adds more prose (a notice and its attached
measures in sibling blocks) or only plain blocks without page furniture (the
forms that Word exports as later sections). Navigation, breadcrumbs, footers
and lists of related links carry almost no punctuation, so they stay outside.
Known content containers (``#zoom``, ``.article-content``, ``.TRS_Editor``, ...)
only narrow that choice when they hold nearly all of its weight. Inside the
content, link lists and the toolbar lines that every Chinese CMS prints
(分享到, 【打印】, 扫一扫在手机打开当前页 ...) are dropped, and the page's
heading is put first when the content does not repeat it.

Rendering. Inline elements are joined without a gap, so a number split over
``<span>20</span><span>21</span>年`` reads ``2021年``; a line break in the
source between two Chinese characters disappears (CSS Text 3 segment-break
rule), other whitespace becomes one space. Block elements and ``<br>`` end a
line. A data table gives one line per row, its cells joined by
:data:`~policytext.ingest.text.CELL_SEPARATOR`; a layout table (one column,
or cells holding whole passages) is read as blocks.

Metadata. ``<meta name="ArticleTitle">`` (or ``og:title``, or the cleaned
``<title>``), ``PubDate`` (as ``published``), the page URL, and the labelled
fields of a 政府信息公开 table (文号, 成文日期, 发布机构) outside the content are
returned as fallbacks for the 红头 reader.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import EmptyDocumentError, UnreadableDocumentError
from . import Extracted
from .metadata import DOC_NO, ORDER_NO, normalize_doc_number, parse_date
from .normalize import normalize
from .text import CELL_SEPARATOR, decode_bytes, tidy_lines

__all__ = ["extract", "main_content", "page_metadata"]

_DROP = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg",
    "canvas", "button", "select", "option", "input", "textarea", "nav", "aside", "map", "audio", "video",
    "head", "link", "meta", "base", "title",
}  # fmt: skip
_BLOCK = {
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
    "caption", "blockquote", "pre", "address", "figure", "figcaption", "center", "form", "fieldset",
    "legend", "hr", "details", "summary", "menu", "dir", "listing", "xmp", "plaintext",
}  # fmt: skip
#: A table cell longer than this holds a passage, not a datum: the table is layout.
LAYOUT_CELL_CHARS = 1000
#: A known container replaces the content element when it holds this share of it.
HINT_SHARE = 0.9

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_PUNCT = re.compile(r"[，。；、！？“”《》,;!?]")
_FULL_STOP = re.compile(r"[A-Za-z)][.](?=\s|$)")  # an English sentence end, not 1.6 or a URL
# class or id tokens of the content containers of common CMSs (TRS, NFCMS, 开普云 ...)
_CONTENT_HINT = re.compile(
    r"(?:^|\s)(?:zoom|article[-_]?content|article[-_]?con|trs_editor|trs_ueditor|info_cont|content_article|"
    r"pages_content|news_content|detail[-_]?content|artibody|con_text|article[-_]?body|main[-_]?text|"
    r"text[-_]?content|ewb-article-info|zwgk_content|wzcon|contentbox|bt_content|xxgk_content)(?:$|\s)",
    re.I,
)
_CHROME_HINT = re.compile(
    r"(?:^|[\s_-])(?:share|fenxiang|fxd|bdshare|print|toolbar|breadcrumb|crumbs?|curmb|curb|position|"
    r"location|pagination|pager|footer|foot|topbar|nav|navbar|menu|qrcode|qr|ewm|erweima|related|"
    r"xgwz|xgxw|xglj|xgwj|comment|fontsize|font-size|zoom-btn|zoom-controls|sidebar|side|ads?|banner|"
    r"jbxx|llcs|statistics|visit)(?:$|[\s_-])",
    re.I,
)
# The fields of a 政府信息公开 box (the national catalogue's labels), shown beside the text.
_INFO_FIELD = re.compile(
    r"索引号|主题分类|发布机构|发文机关|发布机关|成文日期|发布日期|文号|统一编号|失效日期|实施日期|文件状态"
)
# Site footer lines: copyright, registration numbers, site map.
_FOOTER_LINE = re.compile(r"版权所有|ICP备|公网安备|网站标识码|技术支持|网站地图")
# Lines that every Chinese CMS prints around an article: tools, counters, links.
_CHROME_LINE = re.compile(
    r"^[【\[（(]?\s*(?:分享到|分享|打印(?:本页|页面)?|关闭(?:窗口|本页)?|返回顶部|回到顶部|收藏|"
    r"扫一扫(?:在手机打开当前页)?|字号|字体|浏览次数|阅读次数|访问量|点击数|上一篇|下一篇|"
    r"来源|信息来源|发布时间|发表时间|发布日期|当前位置|您当前的位置|您现在的位置|责任编辑|"
    r"大|中|小|\+|-|↺|×)\s*[:：]?\s*[】\]）)]?"
)
_CJK_CHARS = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’"
_SEGMENT_BREAK = re.compile(rf"(?<=[{_CJK_CHARS}])[ \t\r\f]*\n[ \t\r\n\f]*(?=[{_CJK_CHARS}])")
_WHITESPACE = re.compile(r"[ \t\r\n\f]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_INLINE_TAG = re.compile(r"</?(?:font|span|b|strong|i|u|em|small|big|sup|sub|o:p|a)\b[^>]*>", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def extract(path: Path, data: bytes, **_: Any) -> Extracted:
    """Read the main content of an HTML page.

    Args:
        path: the file, named in errors.
        data: the page's bytes.

    Returns:
        One page of text, one paragraph (or table row) per line; the page's own
        metadata (title, published, url, and 政府信息公开 fields) as fallbacks.

    Raises:
        UnreadableDocumentError: the bytes are not text in any known encoding,
            or not HTML that can be parsed.
        EmptyDocumentError: the page holds no text.
    """
    import lxml.html
    from lxml import etree

    head = data[:4096]
    declared = _CHARSET.search(head) or _XML_ENCODING.search(head)
    source, _encoding, warnings = decode_bytes(
        data, path=path, declared=declared.group(1).decode("ascii", "replace") if declared else None
    )
    source = _XML_DECL.sub("", source)
    if not source.strip():
        raise EmptyDocumentError(path, "the page is empty")
    # huge_tree: libxml2 otherwise stops early on the deep nesting of broken pages
    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise UnreadableDocumentError(path, f"cannot parse the HTML: {exc}") from exc
    too_deep = any("depth" in str(e.message).lower() for e in parser.error_log)
    if too_deep:
        # unclosed <font>/<span> tags are the usual cause: parse again without inline tags
        flat = _INLINE_TAG.sub("", source)
        parser = lxml.html.HTMLParser(huge_tree=True)
        try:
            root = lxml.html.document_fromstring(flat, parser=parser)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
            raise UnreadableDocumentError(path, f"cannot parse the HTML: {exc}") from exc
        too_deep = any("depth" in str(e.message).lower() for e in parser.error_log)
        warnings.append(
            "the page nests deeper than the HTML parser allows; read again without inline tags"
            + ("; text below that depth is lost" if too_deep else "")
        )
    metadata = page_metadata(root)
    _prune(root)
    body = root.find("body")
    if body is None:
        body = root
    lines, chosen = main_content(body)
    metadata.update({k: v for k, v in _labelled_fields(body, exclude=chosen).items() if k not in metadata})
    found = re.match(r"\d{4}", metadata.get("date", "")) or re.search(
        r"〔(\d{4})〕", metadata.get("doc_number", "")
    )
    if found:
        metadata["year"] = int(found.group(1) if found.groups() else found.group(0))
    if not lines.strip():
        lines = tidy_lines(_render(body, skip=set()))
        if not lines and too_deep:
            raise UnreadableDocumentError(
                path, "the HTML nests too deep to parse (broken markup); no text could be read"
            )
        warnings.append("no main content found; the whole page text was kept")
    return Extracted(pages=[lines], warnings=warnings, metadata=metadata)


# --- cleaning the tree ------------------------------------------------------


def _prune(root: Any) -> None:
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            doomed.append(el)
            continue
        tag = el.tag.lower()
        if tag in _DROP or (tag != "body" and tag != "html" and _is_hidden(el)):
            doomed.append(el)
    for el in doomed:
        _remove_keep_tail(el)


def _remove_keep_tail(el: Any) -> None:
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true" or el.get("type") == "hidden":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# --- weighing ---------------------------------------------------------------

# Elements that hold paragraphs; the text of p, span, strong, h1 ... counts
# towards the container around it.
_CONTAINERS = {
    "body", "div", "td", "th", "article", "section", "main", "li", "dd", "blockquote", "center", "form",
    "fieldset", "details", "figure",
}  # fmt: skip
#: A container is prose when it has at least one punctuation mark per this many characters.
PROSE_CHARS_PER_PUNCT = 50
#: Climb to the parent when prose outside the chosen element weighs this share of it (and at least
#: ``CLIMB_MIN`` marks): content split over sibling blocks (a notice and its attached measures).
CLIMB_SHARE = 0.1
CLIMB_MIN = 3.0


class _Weights:
    """Punctuation and length of the non-link text, per element and per container."""

    def __init__(self, body: Any) -> None:
        self.subtree: dict[Any, float] = {}  # all non-link text under an element
        self.own: dict[Any, list[float]] = {}  # container -> [weight, chars, marks] of its own text
        self.prose: dict[Any, float] = {}  # weight of the prose containers under an element
        # iteratively, parents before children: broken pages nest thousands deep
        order = [el for el in body.iter() if isinstance(el.tag, str)]
        container: dict[Any, Any] = {}
        in_link: dict[Any, bool] = {}
        own_text: dict[Any, float] = {}
        for el in order:
            parent = el.getparent() if el is not body else None
            outer = container.get(parent, body)
            container[el] = el if el.tag in _CONTAINERS or el is body else outer
            in_link[el] = el.tag == "a" or in_link.get(parent, False)
            own_text[el] = 0.0 if in_link[el] else self._add(container[el], el.text)
            if parent is not None and not in_link[parent]:
                # the tail is text of the parent, after this child
                own_text[parent] += self._add(container[parent], el.tail)
        for el in reversed(order):
            self.subtree[el] = own_text[el] + sum(self.subtree[c] for c in el if isinstance(c.tag, str))
            own = self.own[el][0] if el in self.own and self.is_prose(el) else 0.0
            self.prose[el] = own + sum(self.prose[c] for c in el if isinstance(c.tag, str))

    def _add(self, container: Any, text: str | None) -> float:
        if not text:
            return 0.0
        stripped = _WHITESPACE.sub("", text)
        if not stripped:
            return 0.0
        marks = len(_PUNCT.findall(stripped)) + len(_FULL_STOP.findall(text))
        weight = marks + len(stripped) / 50
        own = self.own.setdefault(container, [0.0, 0.0, 0.0])
        own[0] += weight
        own[1] += len(stripped)
        own[2] += marks
        return weight

    def is_prose(self, el: Any) -> bool:
        weight, chars, marks = self.own.get(el, (0.0, 0.0, 0.0))
        return chars >= 10 and marks * PROSE_CHARS_PER_PUNCT >= chars


def _text_key(el: Any) -> str:
    return _WHITESPACE.sub("", el.text_content())[:2000]


def _chrome_like(el: Any) -> bool:
    """Page furniture: marked as such by its class or id, mostly links, or a 政府信息公开 box."""
    marks = f"{el.get('id', '')} {el.get('class', '')}"
    if _CHROME_HINT.search(marks) and not _CONTENT_HINT.search(marks):
        return True
    content = _WHITESPACE.sub("", el.text_content())
    if not content:
        return False
    if len(set(_INFO_FIELD.findall(content))) >= 2 and not re.search(r"[，。；]", content):
        return True
    links = sum(len(_WHITESPACE.sub("", a.text_content())) for a in el.iter("a"))
    return links / len(content) > 0.5


def _choose(body: Any, weights: _Weights) -> Any:
    """The element that holds the document.

    Start from the container with the most prose, then widen to its parent
    while that adds more prose (a notice and its attached measures in sibling
    blocks) or adds only plain blocks and no page furniture (the forms that
    Word puts in later sections).
    """
    candidates = [c for c in weights.own if weights.is_prose(c)]
    if not candidates:
        return body
    node = max(candidates, key=lambda c: weights.own[c][0])
    while node is not body:
        parent = node.getparent()
        if parent is None:
            break
        key = _text_key(node)
        prose = text = weights.own[parent][0] if parent in weights.own else 0.0
        if not weights.is_prose(parent):
            prose = 0.0
        furniture = False
        for sibling in parent:
            if sibling is node or not isinstance(sibling.tag, str):
                continue
            if not _WHITESPACE.sub("", sibling.text_content()):
                continue
            if _text_key(sibling) == key:
                continue  # the same content twice (desktop and mobile copies)
            prose += weights.prose.get(sibling, 0.0)
            text += weights.subtree.get(sibling, 0.0)
            furniture = furniture or _chrome_like(sibling)
        more_prose = prose >= CLIMB_MIN and prose >= CLIMB_SHARE * weights.prose[node]
        plain = not furniture and 0 < text <= weights.subtree[node]
        if not (more_prose or plain):
            break
        node = parent
    # a known content container narrows the choice only when what it leaves out is furniture
    for el in node.iter():
        if el is node or not isinstance(el.tag, str):
            continue
        marks = f"{el.get('id', '')} {el.get('class', '')}"
        if _CONTENT_HINT.search(marks) and weights.subtree.get(el, 0) >= HINT_SHARE * weights.subtree[node]:
            return el if _furniture_around(el, node) else node
    return node


def _furniture_around(el: Any, node: Any) -> bool:
    """Whether the parts of ``node`` outside ``el`` hold page furniture."""
    current = el
    while current is not node and current is not None:
        parent = current.getparent()
        if parent is None:
            break
        for sibling in parent:
            if sibling is current or not isinstance(sibling.tag, str):
                continue
            if any(isinstance(d.tag, str) and d.tag in _BLOCK and _chrome_like(d) for d in sibling.iter()):
                return True
        current = parent
    return False


def main_content(body: Any) -> tuple[str, Any]:
    """Find and render the main content under ``body``.

    Args:
        body: the pruned ``<body>`` element.

    Returns:
        ``(text, element)``: the content as clean lines, and the element chosen.
    """
    weights = _Weights(body)
    node = _choose(body, weights)
    skip = _chrome_inside(node, weights.subtree)
    lines = [ln for ln in _render(node, skip=skip) if not _is_chrome_line(ln)]
    if len(lines) > 1 and _repeats(lines[0], lines[1:], exact=True):
        del lines[0]  # the page's heading, which the document repeats under its 文号
    heading = _heading_before(node)
    if heading and not _repeats(heading, lines):
        lines.insert(0, heading)
    return tidy_lines(lines), node


def _chrome_inside(node: Any, weight: dict[Any, float]) -> set[Any]:
    """Elements inside the content that are page furniture: link lists, toolbars."""
    skip: set[Any] = set()
    total = weight.get(node, 0.0) or 1.0
    for el in node.iter():
        if el is node or not isinstance(el.tag, str) or el.tag not in _BLOCK and el.tag != "span":
            continue
        if any(a in skip for a in el.iterancestors()):
            continue
        marks = f"{el.get('id', '')} {el.get('class', '')}"
        light = weight.get(el, 0.0) < 0.05 * total
        if light and _CHROME_HINT.search(marks) and not _CONTENT_HINT.search(marks):
            skip.add(el)
            continue
        links = el.findall(".//a")
        if len(links) >= 3 and light:
            text = _WHITESPACE.sub("", el.text_content())
            link_text = sum(len(_WHITESPACE.sub("", a.text_content())) for a in links)
            if text and link_text / len(text) > 0.6:
                skip.add(el)
    return skip


def _is_chrome_line(line: str) -> bool:
    text = line.strip()
    if not text:
        return True
    if re.search(r"[，。；]", text):
        return False
    if len(text) <= 80 and _FOOTER_LINE.search(text):
        return True
    if len(text) > 40:
        return False
    rest = text
    # a toolbar line is a run of tool words: 【打印】【关闭】, 字号：大 中 小 ...
    for _ in range(8):
        m = _CHROME_LINE.match(rest)
        if not m or not m.group(0).strip():
            break
        rest = rest[m.end() :].lstrip(" |·")
        if not rest:
            return True
    m = re.match(
        r"^(?:来源|信息来源|发布时间|发表时间|发布日期|浏览次数|阅读次数|点击数|责任编辑"
        r"|Source|Date|Published|Updated|Author|Editor|Views)\s*[:：]",
        text,
    )
    return bool(m) and len(text) <= 40


_TITLE_MARK = re.compile(r"title|biaoti|bt\b", re.I)


_SITE_MARK = re.compile(r"logo|header|top|banner|site|masthead", re.I)


def _is_heading(el: Any) -> bool:
    return el.tag in ("h1", "h2", "h3") or bool(
        _TITLE_MARK.search(f"{el.get('class', '')} {el.get('id', '')}")
    )


def _heading_before(node: Any) -> str | None:
    """The article heading that stands just before the content, if any.

    A heading inside the content, a link (a site logo) or a page header is not one.
    """
    for el in node.iter():
        if el is not node and isinstance(el.tag, str) and el.tag in ("h1", "h2"):
            return None
    current = node
    for _ in range(4):
        for sib in current.itersiblings(preceding=True):
            if not isinstance(sib.tag, str):
                continue
            candidates = [sib] + [el for el in sib.iterdescendants() if isinstance(el.tag, str)]
            for el in candidates:
                if not _is_heading(el) or _in_site_header(el, stop=sib.getparent()):
                    continue
                text = _WHITESPACE.sub(" ", el.text_content()).strip()
                if 4 <= len(text) <= 150 and not re.search(r"[。；]", text):
                    return text
        current = current.getparent()
        if current is None:
            break
    return None


def _in_site_header(el: Any, *, stop: Any) -> bool:
    current = el
    while current is not None and current is not stop:
        marks = f"{current.get('class', '')} {current.get('id', '')}"
        if current.tag in ("a", "header") or _SITE_MARK.search(marks):
            return True
        current = current.getparent()
    return False


def _repeats(heading: str, lines: list[str], *, exact: bool = False) -> bool:
    """Whether ``lines`` (their first 20) already hold the heading, bar a note like （转载）."""
    bare = re.sub(r"^[（(【\[][^）)】\]]{1,6}[）)】\]]", "", heading.replace(" ", ""))
    if not bare:
        return False
    if exact:
        return any(ln.replace(" ", "") == bare for ln in lines[:20])
    joined = "".join(ln.replace(" ", "") for ln in lines[:20])
    if bare in joined:
        return True
    return any(
        len(ln) >= 6 and ln.replace(" ", "") in bare and len(ln) >= 0.6 * len(bare) for ln in lines[:20]
    )


# --- rendering --------------------------------------------------------------


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.buffer: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self.buffer.append(text)

    def end(self) -> None:
        if self.buffer:
            raw = "".join(self.buffer)
            self.buffer = []
            raw = _SEGMENT_BREAK.sub("", raw)
            raw = _WHITESPACE.sub(" ", raw).strip()
            if raw:
                self.lines.append(raw)


def _render(node: Any, *, skip: set[Any]) -> list[str]:
    out = _Lines()
    # an explicit stack rather than recursion: broken pages nest thousands deep
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            if el.tag in _BLOCK:
                out.end()
            if el is not node:
                out.add(el.tail)
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if el in skip or not tag or tag == "br" or (tag == "table" and _is_data_table(el)):
            if tag == "br" or tag == "table":
                out.end()
            if tag == "table" and el not in skip:
                _table_lines(el, out, skip)
            if el is not node:
                out.add(el.tail)
            continue
        if tag in _BLOCK:
            out.end()
        out.add(el.text)
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    out.end()
    return out.lines


def _table_lines(table: Any, out: _Lines, skip: set[Any]) -> None:
    for row in _rows(table):
        rendered = [_render(cell, skip=skip) for cell in row]
        filled = [lines for lines in rendered if lines]
        if len(filled) == 1:
            # one cell with text (a signature block, a heading row): its lines as they are
            lines = filled[0]
            out.lines.extend([_join_cell(lines)] if all(len(ln) == 1 for ln in lines) else lines)
            continue
        cells = [_join_cell(lines) for lines in rendered]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            out.lines.append(CELL_SEPARATOR.join(cells))


def _join_cell(lines: list[str]) -> str:
    # characters stacked one per line (vertical writing in a narrow cell) form one word
    if len(lines) > 1 and all(len(ln) == 1 for ln in lines):
        return "".join(lines)
    return " ".join(lines)


def _rows(table: Any) -> list[list[Any]]:
    rows = table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr")
    return [[c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")] for row in rows]


def _is_data_table(table: Any) -> bool:
    rows = _rows(table)
    if not rows or max(len(r) for r in rows) < 2:
        return False
    for row in rows:
        for cell in row:
            if cell.find(".//table") is not None:
                return False
            if len(_WHITESPACE.sub("", cell.text_content())) > LAYOUT_CELL_CHARS:
                return False
    return True


# --- metadata ---------------------------------------------------------------

_TITLE_SPLIT = re.compile(r"\s+[-_|–—]+\s+|\s*[|｜]\s*|_+|——")


def page_metadata(root: Any) -> dict[str, Any]:
    """The page's own metadata: title, published date and URL from ``<head>``.

    Args:
        root: the parsed page (before pruning).

    Returns:
        A dict with ``title``, ``published`` and ``url`` when the page gives them.
    """
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        value = (meta.get("content") or "").strip()
        if key and value and key not in metas:
            metas[key] = value
    out: dict[str, Any] = {}
    title = (
        metas.get("articletitle")
        or metas.get("og:title")
        or metas.get("dc.title")
        or metas.get("title")
        or _clean_title(root.findtext(".//title") or "")
    )
    if title:
        out["title"] = _WHITESPACE.sub(" ", title).strip()
    for key in ("pubdate", "publishdate", "article:published_time", "dc.date", "date", "firstpublishedtime"):
        if key in metas:
            published = parse_date(metas[key])
            if published:
                out["published"] = published
                break
    url = metas.get("url") or metas.get("og:url")
    if url:
        out["url"] = url
    return out


def _clean_title(title: str) -> str:
    parts = [p.strip() for p in _TITLE_SPLIT.split(title.strip()) if p.strip()]
    if not parts:
        return ""
    return parts[0] if len(parts[0]) >= 4 else max(parts, key=len)


_FIELD_LABELS = {
    "doc_number": re.compile(r"^(?:文\s*号|发文字号|发文号|文件编号)$"),
    "date": re.compile(r"^(?:成文日期|发文日期|签发日期)$"),
    "issuer": re.compile(r"^(?:发布机构|发文机关|发布机关|发文单位|发布单位|制发机关)$"),
    "effective": re.compile(r"^(?:实施日期|施行日期|生效日期)$"),
}
_FIELD = re.compile(r"^(?P<label>[^：:|]{2,8}?)\s*[:：]\s*(?P<value>.*)$")


def _labelled_fields(body: Any, *, exclude: Any) -> dict[str, Any]:
    """Fields of the 政府信息公开 table that many government pages show beside the text."""
    found: dict[str, Any] = {}
    for line in _render(body, skip={exclude} if exclude is not body else set()):
        cells = [c.strip() for c in line.split(CELL_SEPARATOR.strip())]
        for i, cell in enumerate(cells):
            m = _FIELD.match(_squeeze_label(cell))
            if not m:
                continue
            label = m.group("label").replace(" ", "")
            value = m.group("value").strip()
            if not value and i + 1 < len(cells) and not _FIELD.match(cells[i + 1]):
                value = cells[i + 1]
            if not value:
                continue
            for key, pattern in _FIELD_LABELS.items():
                if key in found or not pattern.match(label):
                    continue
                if key == "doc_number":
                    compact = value.replace(" ", "")
                    if DOC_NO.fullmatch(compact) or ORDER_NO.fullmatch(compact):
                        found["doc_number_raw"] = value
                        found["doc_number"] = normalize_doc_number(value)
                elif key in ("date", "effective"):
                    iso = parse_date(value)
                    if iso:
                        found[key] = iso
                elif len(value) <= 60:
                    found[key] = value
    return found


def _squeeze_label(cell: str) -> str:
    """Squeeze the spaces that pad labels such as ``文　　号：``."""
    cell = normalize(cell).strip()
    m = re.match(r"^([^：:]{1,12})([：:].*)$", cell)
    return m.group(1).replace(" ", "") + m.group(2) if m else cell
