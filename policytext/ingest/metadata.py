"""The 红头 reader: title, issuer, 文号, dates, addressee and kind from a document's text.

A Chinese official document (公文, GB/T 9704-2012) is laid out in a known order,
and this reader follows it rather than searching the whole text::

    份号 / 密级 / 紧急程度                       (skipped)
    教育部办公厅文件                             红头 (发文机关标志) -> issuer
    教职成厅函〔2023〕15号                       文号 -> doc_number
    教育部办公厅关于……的通知                     标题 -> title, kind, issuer
    各省、自治区、直辖市教育厅（教委）：          主送机关 -> addressee
    正文 ……
    教育部办公厅                                 发文机关署名 -> issuer
    2023年4月18日                                成文日期 -> date
    教育部办公厅 2023年4月19日印发               版记 -> printed

Orders (``广州市人民政府令 / 第179号``) and laws, whose history stands under
the title (``（2009年8月27日第十一届全国人民代表大会常务委员会第十次会议通过
根据……修正）``, or one event a line as LawRefBook writes it), are read too:
``adopted``, ``amended``, and a ``date`` that is the latest event.

A 文号 cited in the body (``根据《……》（穗府规〔2018〕19号）``) is never taken
for the document's own: only a 文号 that stands on its own line near the top,
in the title's closing parentheses, in an order's header or in the law's
history counts.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

__all__ = ["read_metadata", "parse_date", "find_dates", "normalize_doc_number", "KINDS"]

# --- numbers and dates ------------------------------------------------------

_CN_DIGIT = {
    "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0, "0": 0,
    "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_CN_UNIT = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int | None:
    """Return the value of a number written in Arabic or Chinese numerals.

    ``"746"``, ``"十二"``, ``"二十三"``, ``"一百零八"`` and digit-by-digit years
    such as ``"二〇二三"`` are understood; anything else gives None.
    """
    text = text.strip()
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(ch in _CN_DIGIT for ch in text):
        value = 0
        for ch in text:
            value = value * 10 + _CN_DIGIT[ch]
        return value
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGIT:
            digit = _CN_DIGIT[ch]
        elif ch in _CN_UNIT:
            total += (1 if digit is None else digit) * _CN_UNIT[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


_YEAR_CN = "[〇○零Ｏ0一二三四五六七八九]{4}"
_MD_CN = "[一二三四五六七八九十]{1,3}"
DATE_ZH = re.compile(
    rf"(?P<y>(?:1[89]|20)\d{{2}}|{_YEAR_CN})\s*年\s*(?P<m>\d{{1,2}}|{_MD_CN})\s*月\s*(?P<d>\d{{1,2}}|{_MD_CN})\s*[日号]"
)
DATE_ISO = re.compile(
    r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*[-/.]\s*(?P<m>\d{1,2})\s*[-/.]\s*(?P<d>\d{1,2})(?![\d.])"
)
_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_RE = "(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
DATE_EN_DMY = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE},?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I
)
DATE_EN_MDY = re.compile(
    rf"\b{_MONTH_RE}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b", re.I
)


def _iso(year: str, month: str, day: str) -> str | None:
    y, m, d = cn_number(year), cn_number(month), cn_number(day)
    if y is None or m is None or d is None:
        return None
    try:
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str, *, english: bool = True) -> list[tuple[int, int, str]]:
    """Return every date in ``text`` as ``(start, end, iso)``, in order.

    Chinese dates (``2023年4月18日``, ``二〇二三年四月十八日``), ISO-like dates
    (``2023-04-18``, ``2023.4.18``) and, with ``english``, ``18 April 2023`` and
    ``April 18, 2023`` are found; impossible dates are skipped.
    """
    found: list[tuple[int, int, str]] = []
    patterns = [DATE_ZH, DATE_ISO] + ([DATE_EN_DMY, DATE_EN_MDY] if english else [])
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e, _ in found):
                continue
            if "mon" in m.groupdict():
                iso = _iso(m.group("y"), str(_MONTHS[m.group("mon").lower()]), m.group("d"))
            else:
                iso = _iso(m.group("y"), m.group("m"), m.group("d"))
            if iso:
                found.append((m.start(), m.end(), iso))
    return sorted(found)


def parse_date(text: str) -> str | None:
    """Return the first date in ``text`` as an ISO string, or None.

    Example:
        >>> parse_date("二〇二三年四月十八日")
        '2023-04-18'
        >>> parse_date("April 18, 2023")
        '2023-04-18'
    """
    dates = find_dates(text)
    return dates[0][2] if dates else None


# --- 文号 and orders --------------------------------------------------------

_OPEN = re.escape("〔[［(（【〖﹝")
_CLOSE = re.escape("〕]］)）】〗﹞")
_CJK = "\u3400-\u9fff"
DOC_NO = re.compile(
    rf"(?P<prefix>[{_CJK}]{{1,16}}?)\s*[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{_CLOSE}]\s*第?\s*(?P<num>\d{{1,5}})\s*号"
)
ORDER_NO = re.compile(
    rf"(?P<org>[{_CJK}]{{1,30}}?(?:令|公告))\s*[（(]?\s*第\s*(?P<num>[\d一二三四五六七八九十百千零〇]+)\s*号\s*[）)]?"
)
_LABEL = re.compile(r"^(?:文\s*号|发文字号|发文号|文件编号)\s*[:：]\s*")
_ORDER_HEAD = re.compile(rf"^(?P<org>[{_CJK}]{{2,30}}?)(?:令|公告)$")
_ORDER_TAIL = re.compile(r"^[（(]?\s*第\s*[\d一二三四五六七八九十百千零〇]+\s*号\s*[）)]?$")
_COUNTRY = "中华人民共和国"


def normalize_doc_number(raw: str) -> str:
    """Return a 文号 in its standard form.

    Brackets around the year become 〔〕 whatever was typed ([], ［］, （）, 【】,
    ﹝﹞), spaces and a 第 before the sequence number go, and so do leading
    zeros (GB/T 9704 numbers carry none); orders lose the country name, as they
    are cited (``国务院令第746号``).

    Example:
        >>> normalize_doc_number("教职成厅函[2023] 第015号")
        '教职成厅函〔2023〕15号'
    """
    text = re.sub(r"\s+", "", raw)
    m = DOC_NO.fullmatch(text)
    if m:
        return f"{m.group('prefix')}〔{m.group('year')}〕{int(m.group('num'))}号"
    m = ORDER_NO.fullmatch(text)
    if m:
        org = m.group("org")
        if org.startswith(_COUNTRY) and len(org) > len(_COUNTRY) + 1:
            org = org[len(_COUNTRY) :]
        num = m.group("num")
        if num.isdigit():
            num = str(int(num))
        return f"{org}第{num}号"
    return text


def _doc_number_line(line: str) -> str | None:
    """The 文号 when ``line`` is one standing alone (label and 签发人 allowed)."""
    text = _LABEL.sub("", line.strip())
    text = re.sub(r"\s*签\s*发\s*人\s*[:：].*$", "", text)
    text = text.strip().strip("（()）").strip() if text[:1] in "（(" and text[-1:] in "）)" else text.strip()
    compact = re.sub(r"\s+", "", text)
    if DOC_NO.fullmatch(compact) or ORDER_NO.fullmatch(compact):
        return text
    return None


# --- kinds ------------------------------------------------------------------

#: Document kinds, recognised from the last word of the title (longest first).
KINDS = (
    "实施细则", "实施办法", "实施意见", "实施方案", "指导意见", "工作要点", "行动计划", "行动方案",
    "若干规定", "若干措施", "暂行办法", "暂行规定", "管理办法", "工作报告", "修正案",
    "通知", "通报", "通告", "公告", "公报", "意见", "办法", "条例", "章程", "方案", "规划", "细则",
    "决定", "决议", "规定", "纲要", "报告", "批复", "请示", "命令", "议案", "纪要", "规则", "准则",
    "标准", "指南", "指引", "计划", "要点", "措施", "制度", "守则", "清单", "目录", "规范", "解释",
    "答复", "法典", "函", "令", "法",
)  # fmt: skip
_KIND_BASE = {
    "实施细则": "细则", "实施办法": "办法", "实施意见": "意见", "实施方案": "方案", "指导意见": "意见",
    "工作要点": "要点", "行动计划": "计划", "行动方案": "方案", "若干规定": "规定", "若干措施": "措施",
    "暂行办法": "办法", "暂行规定": "规定", "管理办法": "办法", "工作报告": "报告",
}  # fmt: skip
_KINDS_EN = (
    "notice", "circular", "opinions", "opinion", "measures", "regulations", "regulation", "provisions",
    "rules", "law", "plan", "decision", "guidelines", "guideline", "outline", "report", "order",
    "announcement", "act", "programme", "program", "strategy", "policy", "directive", "decree",
    "resolution", "interpretation", "reply", "standards", "catalogue", "charter", "constitution",
    "statute", "bylaws", "agreement",
)  # fmt: skip
_TRAILING_NOTE = re.compile(r"\s*[（(【\[][^（()）【】\[\]]*[）)】\]]\s*$")


def _kind(title: str) -> str | None:
    text = title.strip()
    for _ in range(3):
        text = _TRAILING_NOTE.sub("", text).rstrip("》>\"”'’ ")
    for kind in KINDS:
        if text.endswith(kind):
            return _KIND_BASE.get(kind, kind)
    return None


def _kind_en(title: str) -> str | None:
    words = re.findall(r"[A-Za-z]+", title.lower())
    for word in words[:4] + words[::-1]:
        if word in _KINDS_EN:
            return word.capitalize()
    return None


# --- organisations and lines ------------------------------------------------

_ORG_END = (
    "人民政府", "政府", "办公厅", "办公室", "委员会", "部", "厅", "局", "委", "院", "署", "会", "办",
    "中心", "中央", "国务院", "党委", "党组", "集团", "公司", "大学", "学院", "学校", "协会", "银行",
    "处", "室", "所", "站", "队", "馆", "社", "团", "法院", "检察院", "事务所", "单位", "部门", "机构",
    "部委", "兵团", "监狱", "组", "行",
)  # fmt: skip
_ORG_PART = re.compile(rf"^[{_CJK}（）()·]{{2,40}}$")


def _org_like(text: str) -> bool:
    text = re.sub(r"[（(]\s*(?:盖章|印章|章)\s*[）)]", "", text).strip()
    if not text or len(text) > 80:
        return False
    parts = [p for p in re.split(r"[\s、，,]+", text) if p]
    for part in parts:
        bare = re.sub(r"[（(][^（()）]*[）)]$", "", part)
        if not _ORG_PART.match(part) or not bare.endswith(_ORG_END):
            return False
    return bool(parts)


def _join_orgs(text: str) -> str:
    return "、".join(p for p in re.split(r"[\s、，,]+", text.strip()) if p)


_NOT_ADDRESSEE = re.compile(
    r"^(?:附件|附表|附录|签发人|抄送|抄报|主题词|联系人|联系电话|电话|传真|地址|邮编|文号|索引号|发布日期|成文日期"
    r"|发布机构|来源|日期|关键词|各位代表|同志们|朋友们|说明|备注)"
)
_ADDRESSEE_END = re.compile(r"[:：]$")


def _addressee(line: str) -> str | None:
    if not _ADDRESSEE_END.search(line) or len(line) > 160 or "。" in line:
        return None
    text = line[:-1].strip()
    if len(text) < 2 or _NOT_ADDRESSEE.match(text) or _STRUCTURE.match(text):
        return None
    parts = [p for p in re.split(r"[，,、；;\s]+", text) if p]
    last = re.sub(r"[（(][^（()）]*[）)]$", "", parts[-1])
    if text.startswith(("各", "有关")) or last.endswith(_ORG_END):
        return text
    return None


_STRUCTURE = re.compile(
    r"^(?:第[一二三四五六七八九十百千零〇\d]+[编章节条]"
    r"|[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]+[）)]"
    r"|\d+(?:[.．]\d+)*[、.．]\s*\S"
    r"|[①-⑳])"
)
_ACTION = "通过|修正|修订|公布|发布|批准|施行|修改"
_HISTORY_LINE = re.compile(rf"^[（(]?\s*(?:{DATE_ZH.pattern}).*(?:{_ACTION})")
_META_LINE = re.compile(
    r"^(?:\d{6}|[A-Z]?\d{5,7}|(?:绝密|机密|秘密)(?:★.*)?|特急|加急|特提|平急|急件|签发人[:：].*)$"
)
_RED_HEAD = re.compile(rf"^(?P<org>[{_CJK}（）()·、\s]{{2,60}}?)\s*文\s*件$")
_PRINTED = re.compile(rf"^(?P<org>.*?)\s*(?P<date>{DATE_ZH.pattern})\s*(?:印\s*发|发\s*布)$")
_LABELLED_DATE = re.compile(r"^(?:成文日期|发文日期|签发日期|印发日期|日期)\s*[:：]\s*(?P<value>.+)$")
_EFFECTIVE = re.compile(rf"自\s*(?P<date>{DATE_ZH.pattern})\s*起(?:施行|实施|执行|生效)")
_BODY_PUNCT = re.compile(r"[，。；,;]")


def _standalone_date(line: str) -> tuple[str, str] | None:
    """``(iso, org_before)`` when ``line`` is a signing date, possibly after the issuer."""
    text = line.strip().strip("（()）[]【】").strip()
    m = DATE_ZH.search(text)
    if not m or m.end() != len(text):
        return None
    before = text[: m.start()].strip()
    if before and not _org_like(before):
        return None
    iso = _iso(m.group("y"), m.group("m"), m.group("d"))
    return (iso, before) if iso else None


def _is_body_line(line: str) -> bool:
    if _HISTORY_LINE.match(line):
        return False
    if _STRUCTURE.match(line):
        return True
    if "。" in line and len(line) > 15:
        return True
    return len(line) >= 40 and bool(_BODY_PUNCT.search(line)) and not line.startswith(("（", "("))


def _title_like(text: str) -> bool:
    return 2 <= len(text) <= 120 and not re.search(r"[。；;|]", text) and not text.endswith(("：", ":", "，"))


# --- history of laws and regulations ---------------------------------------

_MEETING = re.compile(
    rf"(?P<region>[{_CJK}]*?)第[一二三四五六七八九十\d]+届(?P<body>[{_CJK}]+?)第[一二三四五六七八九十\d]+次(?:全体)?会议"
)
_AMEND_WORDS = ("修正", "修订", "修改")
# "国务院发布", "政务院修正公布", "全国人民代表大会常务委员会第九十一次会议通过"
_ACTING_BODY = re.compile(
    rf"^\s*(?P<org>[{_CJK}]{{2,30}}?)(?:第[一二三四五六七八九十百\d]+次(?:全体)?会议)?(?:{_ACTION})"
)


def _history(text: str) -> dict[str, Any]:
    """Adoption, amendments, issuer and order number from a law's history note."""
    dates = find_dates(text, english=False)
    if not dates:
        return {}
    events: list[dict[str, Any]] = []
    for i, (_start, end, iso) in enumerate(dates):
        stop = dates[i + 1][0] if i + 1 < len(dates) else len(text)
        segment = text[end:stop]
        # the title of an amending decision (《关于修改……的决定》) names no action of its own
        plain = re.sub(r"《[^》]*(?:》|$)", "", segment)
        actions = re.findall(_ACTION, plain)
        if not actions:
            continue
        before = text[: dates[i][0]].rstrip()
        event: dict[str, Any] = {
            "date": iso,
            "action": actions[-1],
            "approval": "批准" in plain,
            "amends": any(w in segment for w in _AMEND_WORDS) or before.endswith("根据"),
        }
        meeting = _MEETING.search(segment)
        acting = _ACTING_BODY.match(plain)
        if meeting:
            event["body"] = (meeting.group("region") + meeting.group("body")).strip()
        elif acting and _org_like(acting.group("org")):
            event["body"] = acting.group("org")
        order = ORDER_NO.search(segment.lstrip())
        if order:
            event["order"] = normalize_doc_number(order.group(0))
            event["order_raw"] = order.group(0).strip()
            org = re.sub(r"(?:令|公告)$", "", order.group("org"))
            event.setdefault("body", _strip_country(org))
        events.append(event)
    out: dict[str, Any] = {}
    effective = [e["date"] for e in events if e["action"] == "施行"]
    if effective:
        out["effective"] = effective[-1]
    events = [e for e in events if e["action"] != "施行"]
    if not events:
        return out
    adopted = next((e for e in events if e["action"] in ("通过", "公布", "发布") and not e["approval"]), None)
    if adopted:
        out["adopted"] = adopted["date"]
    amended = [e["date"] for e in events if e is not adopted and e["amends"]]
    if amended:
        out["amended"] = amended
    approved = [e["date"] for e in events if e["approval"]]
    if approved:
        out["approved"] = approved
    out["date"] = max(e["date"] for e in events)
    issuers = [e["body"] for e in events if e.get("body") and not e["approval"]]
    if issuers:
        out["issuer"] = issuers[-1]
    orders = [e for e in events if e.get("order")]
    if orders:
        out["doc_number"] = orders[-1]["order"]
        out["doc_number_raw"] = orders[-1]["order_raw"]
    return out


def _strip_country(org: str) -> str:
    return org[len(_COUNTRY) :] if org.startswith(_COUNTRY) and len(org) > len(_COUNTRY) + 1 else org


# --- the reader -------------------------------------------------------------

#: How many lines from the top the header (红头, 文号, title, addressee) may take.
_HEAD_LINES = 25
#: How far down a title is looked for when the header holds none.
_TITLE_SEARCH_LINES = 40


def read_metadata(text: str, *, lang: str = "zh") -> dict[str, Any]:
    """Read a document's metadata from its text.

    Args:
        text: the clean document text, one paragraph per line.
        lang: ``zh`` (公文 and laws) or ``en``.

    Returns:
        A dict with the keys found, among: ``title``, ``issuer``, ``doc_number``
        (standard form, e.g. ``教职成厅函〔2023〕15号``), ``doc_number_raw`` (as
        printed), ``date`` (ISO: the signing date of a 公文, else the latest
        event of a law's history, else the 印发 date), ``printed``,
        ``adopted``, ``amended`` (list), ``approved`` (list), ``effective``,
        ``addressee``, ``kind`` (通知, 办法, 条例, 法 ...), ``year``.
        Keys that cannot be read are absent.

    Example:
        >>> meta = read_metadata("教育部办公厅文件\\n教职成厅函〔2023〕15号\\n"
        ...                      "教育部办公厅关于加快推进现代职业教育体系建设改革重点任务的通知\\n"
        ...                      "各省、自治区、直辖市教育厅（教委）：\\n为……，现通知如下。\\n"
        ...                      "教育部办公厅\\n2023年4月18日")
        >>> meta["doc_number"], meta["date"], meta["issuer"], meta["kind"]
        ('教职成厅函〔2023〕15号', '2023-04-18', '教育部办公厅', '通知')
    """
    lines = [re.sub(r"\s+", " ", ln).strip() for ln in text.split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        return {}
    if lang == "en":
        return _read_english(lines)
    return _read_chinese(lines, text)


def _read_chinese(lines: list[str], text: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    head_end = len(lines[:_HEAD_LINES])
    addressee_at = None
    for i, line in enumerate(lines[:_HEAD_LINES]):
        if _addressee(line):
            addressee_at, head_end = i, i
            meta["addressee"] = _addressee(line)
            break
        if _is_body_line(line):
            head_end = i
            break
    head = lines[:head_end]

    issuers: dict[str, str] = {}
    kinds_of_line: list[str] = []
    i = 0
    history_text: list[str] = []
    while i < len(head):
        line = head[i]
        compact = line.replace(" ", "")
        number = _doc_number_line(line)
        if number and "doc_number" not in meta:
            meta["doc_number_raw"] = number
            meta["doc_number"] = normalize_doc_number(number)
            kinds_of_line.append("number")
        elif (
            _ORDER_HEAD.match(compact)
            and i + 1 < len(head)
            and _ORDER_TAIL.match(head[i + 1].replace(" ", ""))
        ):
            raw = line + head[i + 1]
            meta.setdefault("doc_number_raw", raw)
            meta.setdefault("doc_number", normalize_doc_number(raw))
            issuers.setdefault("order", _strip_country(_ORDER_HEAD.match(compact).group("org")))
            kinds_of_line += ["order", "order"]
            i += 2
            continue
        elif _RED_HEAD.match(line) and _org_like(_RED_HEAD.match(line).group("org")):
            issuers.setdefault("red", _join_orgs(_RED_HEAD.match(line).group("org")))
            kinds_of_line.append("red")
        elif _org_like(line) and i + 1 < len(head) and _doc_number_line(head[i + 1]):
            # the 红头 of a 函 is the organ's name alone, right above the 文号
            issuers.setdefault("red", _join_orgs(line))
            kinds_of_line.append("red")
        elif _META_LINE.match(compact):
            kinds_of_line.append("meta")
        elif _HISTORY_LINE.match(line) or (line.startswith(("（", "(")) and find_dates(line, english=False)):
            history_text.append(line)
            j = i
            # a history note wrapped over several lines runs to its closing parenthesis
            while (
                line.startswith(("（", "("))
                and ")" not in head[j]
                and "）" not in head[j]
                and j + 1 < len(head)
            ):
                j += 1
                history_text.append(head[j])
            kinds_of_line += ["history"] * (j - i + 1)
            i = j + 1
            continue
        elif _standalone_date(line) or _PRINTED.match(line):
            kinds_of_line.append("date")
        else:
            kinds_of_line.append("text")
        i += 1

    title = _title_from_head(head, kinds_of_line)
    if title is None:
        start = head_end + (1 if addressee_at is not None else 0)
        for line in lines[start:_TITLE_SEARCH_LINES]:
            if _title_like(line) and _kind(line) and not _STRUCTURE.match(line) and "：" not in line:
                title = line
                break
    if title:
        meta["title"] = title
        kind = _kind(title)
        if kind:
            meta["kind"] = kind
        if "doc_number" not in meta:
            m = re.search(r"[（(]([^（()）]*号)[）)]\s*$", title)
            if m and _doc_number_line(m.group(1)):
                meta["doc_number_raw"] = m.group(1)
                meta["doc_number"] = normalize_doc_number(m.group(1))
        issuer = _issuer_from_title(title)
        if issuer:
            issuers.setdefault("title", issuer)

    history = _history("\n".join(history_text)) if history_text else {}

    signed, signer = _signature(lines)
    if signer:
        issuers.setdefault("signature", signer)
    printed = None
    for line in lines:
        m = _PRINTED.match(line)
        if m:
            printed = _iso(m.group("y"), m.group("m"), m.group("d"))
            if printed:
                meta["printed"] = printed
                if m.group("org").strip() and _org_like(m.group("org")):
                    issuers.setdefault("printer", _join_orgs(m.group("org")))
                break
    labelled = None
    for line in lines[:_HEAD_LINES]:
        m = _LABELLED_DATE.match(line)
        if m and parse_date(m.group("value")):
            labelled = parse_date(m.group("value"))
            break

    for key in ("adopted", "amended", "approved", "effective"):
        if key in history:
            meta[key] = history[key]
    if "doc_number" not in meta and "doc_number" in history:
        meta["doc_number"] = history["doc_number"]
        meta["doc_number_raw"] = history["doc_number_raw"]
    if history.get("issuer"):
        issuers.setdefault("history", history["issuer"])

    date = signed or history.get("date") or printed or labelled
    if date:
        meta["date"] = date
    effective = None if "effective" in meta else _EFFECTIVE.search(text[:200000])
    if effective:
        iso = _iso(effective.group("y"), effective.group("m"), effective.group("d"))
        if iso:
            meta["effective"] = iso
    # a joint document's 红头 may name only the lead organ; its signature names them all
    signed_by = issuers.get("signature", "").split("、")
    if issuers.get("red") in signed_by and len(signed_by) > 1:
        issuers["red"] = issuers["signature"]
    for source in ("red", "order", "signature", "title", "history", "printer"):
        if source in issuers:
            meta["issuer"] = issuers[source]
            break
    year = (meta.get("date") or "")[:4]
    if not year and meta.get("doc_number"):
        m = re.search(r"〔(\d{4})〕", meta["doc_number"])
        year = m.group(1) if m else ""
    if year:
        meta["year"] = int(year)
    return _ordered(meta)


def _title_from_head(head: list[str], kinds: list[str]) -> str | None:
    runs: list[list[str]] = []
    current: list[str] = []
    for line, kind in zip(head, kinds):
        if kind == "text" and _title_like(line):
            current.append(line)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    # the longest run of lines that reads as one title ending with its kind: a
    # title wrapped over (at most four) lines
    for run in runs:
        for start in range(len(run)):
            for stop in range(min(len(run), start + 4), start, -1):
                if _repeated(run[start:stop]):
                    continue  # the title printed twice (page heading, then the document's own)
                joined = _join_title(run[start:stop])
                if _title_like(joined) and _kind(joined):
                    return joined
    # no kind at the end: a 关于 line, else a lone short first line; never a "label：value" line
    for run in runs:
        for line in run:
            if "关于" in line and len(line) <= 60 and not re.search(r"[：:]", line):
                return line
    if runs and len(runs[0]) == 1 and len(runs[0][0]) <= 60 and not re.search(r"[：:]", runs[0][0]):
        return runs[0][0]
    return None


def _repeated(parts: list[str]) -> bool:
    head = parts[0].replace(" ", "")[:6]
    return any(part.replace(" ", "").startswith(head) for part in parts[1:])


def _join_title(parts: list[str]) -> str:
    return "".join(parts) if len(parts) > 1 else parts[0]


_TITLE_ISSUER = re.compile(rf"^(?P<org>[{_CJK}（）()·、\s]{{2,80}}?)(?:关于|印发《|转发《|批转《)")


def _issuer_from_title(title: str) -> str | None:
    m = _TITLE_ISSUER.match(title)
    if not m:
        return None
    org = re.split(r"转发|批转|印发", m.group("org"))[0].strip()
    return _join_orgs(org) if _org_like(org) else None


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """The signing date and the issuer signed above it (or on its line)."""
    for i, line in enumerate(lines):
        if len(line) > 60:
            continue
        found = _standalone_date(line)
        if not found:
            continue
        iso, before = found
        orgs: list[str] = [before] if before else []
        j = i - 1
        while not before and j >= 0 and i - j <= 3 and _org_like(lines[j]):
            orgs.insert(0, lines[j])
            j -= 1
        signer = _join_orgs(" ".join(orgs)) if orgs else None
        return iso, signer
    return None, None


def _ordered(meta: dict[str, Any]) -> dict[str, Any]:
    order = (
        "title", "issuer", "doc_number", "doc_number_raw", "date", "year", "kind", "addressee",
        "printed", "effective", "adopted", "amended", "approved",
    )  # fmt: skip
    return {key: meta[key] for key in order if key in meta} | {
        k: v for k, v in meta.items() if k not in order
    }


# --- English ----------------------------------------------------------------

_EN_DOC_NO = [
    re.compile(
        r"(?:(?P<code>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,5})\s*)?[\[〔(]\s*(?:19|20)\d{2}\s*[\]〕)]\s*No\.?\s*\d+"
    ),
    re.compile(r"No\.\s*\d+\s*[\[〔(]\s*(?:19|20)\d{2}\s*[\]〕)]"),
    re.compile(
        r"(?:Order|Decree|Announcement|Circular|Document)\s+No\.\s*\d+(?:\s*[\[(]\s*(?:19|20)\d{2}\s*[\])])?"
    ),
    # EU acts: Regulation (EU) 2016/679, Directive 2011/95/EU, Decision (EU) 2019/1
    re.compile(
        r"\b(?:Regulation|Directive|Decision|REGULATION|DIRECTIVE|DECISION)\s+"
        r"(?:\((?:EU|EC|EEC|Euratom)\)\s+(?:No\s+)?\d{1,4}/\d{1,4}|\d{2,4}/\d{1,4}/(?:EU|EC|EEC))\b"
    ),
]
# Lines of the body, never a title: Chapter 1 General Provisions, Article 2, 1. Scope, (a), II. Tasks.
_EN_STRUCTURE_LINE = re.compile(
    r"^(?:(?:chapter|article|section|part|schedule|annex|appendix|rule|art\.|§)\s*(?:\d|[IVXLC]+\b|[A-Z]\b|one\b|two\b)"
    r"|\(?\d{1,3}(?:\.\d{1,3})*[.)]\s|\([a-z]{1,4}\)\s|[IVXLC]{1,6}\.\s)",
    re.I,
)
# "Adopted: March 3, 2021", "Dated 18 April 2023", "Effective Date: 2023-01-01": a date line.
_EN_DATE_LABEL = re.compile(
    r"^(?:adopted|dated|date|issued|effective(?:\s+date)?|signed|promulgated|approved|done)\b"
    r"(?:\s+(?:on|as\s+of))?\s*[:,]?\s*",
    re.I,
)
_EN_ORG = re.compile(
    r"\b(?:Ministry|Office|Council|Commission|Committee|Bureau|Government|Department|Administration|"
    r"Congress|Assembly|Agency|Authority|Court|Procuratorate|Bank|Board)\b"
)
_EN_TITLE_ISSUER = re.compile(
    r"^(?:\w+\s+){0,2}?(?:Notice|Circular|Opinions?|Decision|Reply|Announcement|Order|Measures|Guidelines)\s+of\s+(?:the\s+)?(?P<org>.+?)\s+(?:on|regarding|concerning|about|for)\s+",
    re.I,
)


def _read_english(lines: list[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    head = lines[:15]
    # The title and the header come before the body's first numbered line.
    body = next((i for i, ln in enumerate(head) if _EN_STRUCTURE_LINE.match(ln)), len(head))
    number_line = None
    for i, line in enumerate(head):
        # the longest match: "Order No. 3 [2019]" rather than "No. 3 [2019]"
        found = [m for pattern in _EN_DOC_NO for m in pattern.finditer(line)]
        if found:
            m = max(found, key=lambda m: (m.end() - m.start(), -m.start()))
            raw = re.sub(r"\s+", " ", m.group(0)).strip()
            meta["doc_number_raw"] = raw
            meta["doc_number"] = raw
            number_line = i
            break
    title = None
    candidates = [
        ln
        for i, ln in enumerate(head[:body])
        if 3 <= len(ln) <= 250
        and len(ln.split()) >= 2
        and not ln.rstrip().endswith((".", ":", ";", ","))
        and not (find_dates(ln) and len(ln) < 40)
        and not _EN_DATE_LABEL.match(ln)
        and not (i == number_line and len(ln) - len(meta["doc_number_raw"]) < 25)
    ]
    for line in candidates:
        if _kind_en(line):
            title = line
            break
    if title is None and candidates:
        title = candidates[0]
    if title:
        meta["title"] = title
        kind = _kind_en(title)
        if kind:
            meta["kind"] = kind
        m = _EN_TITLE_ISSUER.match(title)
        if m:
            meta["issuer"] = m.group("org").strip()
    first = head[0]
    if (
        "issuer" not in meta
        and first != title
        and body > 0
        and len(first) <= 100
        and _EN_ORG.search(first)
        and not re.search(r"[\d.;:,]", first)
        and not _kind_en(first)
    ):
        meta["issuer"] = first  # a letterhead: Ministry of Commerce
    for line in head:
        if (
            line.endswith(":")
            and len(line) <= 160
            and not re.match(r"(?i)(annex|attachment|note|contact)", line)
        ):
            if line.lower().startswith(("to ", "all ", "the ")) or _EN_ORG.search(line):
                meta["addressee"] = line[:-1].strip()
                break
    date = None
    for i, line in enumerate(lines):
        line = line[_EN_DATE_LABEL.match(line).end() :] if _EN_DATE_LABEL.match(line) else line
        dates = find_dates(line)
        if len(line) <= 40 and dates and dates[0][1] - dates[0][0] >= len(line.strip(" ()[].")) - 2:
            date = dates[0][2]
            prev = lines[i - 1] if i else ""
            if (
                "issuer" not in meta
                and _EN_ORG.search(prev)
                and len(prev) <= 120
                and not prev.endswith((".", ";", ":", ","))
                and not _EN_STRUCTURE_LINE.match(prev)
            ):
                meta["issuer"] = prev  # the signature above the date
            break
    if date is None:
        for line in head:
            dates = find_dates(line)
            if dates:
                date = dates[0][2]
                break
    if date:
        meta["date"] = date
        meta["year"] = int(date[:4])
    elif meta.get("doc_number"):
        m = re.search(r"(?:19|20)\d{2}", meta["doc_number"])
        if m:
            meta["year"] = int(m.group(0))
    return _ordered(meta)
