"""Goals and quantitative targets: 到2025年…建设150家左右, 城镇新增就业1200万人以上.

:func:`extract_targets` reads a document (or a plain text) sentence by sentence
and returns one :class:`~policytext.Target` per target value, with the thing
measured (``indicator``), the value normalised (see
:mod:`policytext.compare.numbers`), its unit, the year it is due, its direction
(``increase`` / ``decrease`` / ``level`` / ``build``), the qualifier
(以上, 左右, 不低于, 力争 ...) and the citation (document, clause, sentence span,
page).

What counts as a target. A number is a target when its clause or sentence looks
forward and not back, decided in this order:

1. Changes against an earlier year (``比上年增加5000亿元``, ``同比``) and numbers
   used as conditions (``人口20万以上的县``) are never targets.
2. A strong past cue in the number's clause (过去, 去年, 已, 累计 …, or a year
   before the document's) makes it a report, unless a strong forward cue
   (到2027年, 力争, 预期目标, 拟, 今年 …) sits in the same clause.
3. Otherwise strong cues in the clause, then in the sentence, decide.
4. Otherwise the section decides: in a government work report the review
   section (``一、2024年工作回顾``, an unnumbered ``首先报告2001年的工作``, a
   second-level ``1.发展基础``) reports, the plan sections plan; within a
   paragraph, the sentences after one that opens with 过去一年 report and those
   after one that opens with 今年计划要求 plan.
5. Otherwise a weak forward cue (要, 确保, 达到, 不低于, a bound such as 以上 …)
   makes a target; a weak past cue (取得, 首次, 目前 …) does not; in a plan or an
   action programme (``数字山东2021行动方案``, ``……制定本方案``) a number with
   no cue at all is a target.

Years written in Chinese numerals (一九九〇年) or with spaces (1 9 9 8 年) date
sentences like 1990年; a five-year plan named (“七五”, 八五计划, 第六个五年计划,
十四五时期) looks ahead when it is running or to come, back when it is over, and
gives its last year as the target's year.

English sentences (an English document, or a sentence mostly in Latin letters)
go through the English rules of :mod:`policytext.compare.targets_en`.

Sentences with a deadline (到2035年, 2027年前) and a goal verb but no number
(``到2035年，建成教育强国``) give one qualitative target with ``value`` None.

The cue words live in ``models/targets/lexicon.yaml``; pass your own with
``lexicon=``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .._hanzi import as_written, simplified
from ..errors import ConfigError
from ..model import Document, Target
from .numbers import Quantity, find_quantities, parse_number, unit_kind
from .target_tables import goal_tables
from .targets_en import english_sections, english_targets, is_english

__all__ = ["extract_targets", "TargetLexicon", "document_year"]


@dataclass(frozen=True)
class TargetLexicon:
    """The cue words that decide what a target is; see ``models/targets/lexicon.yaml``."""

    future_strong: tuple[str, ...]
    future: tuple[str, ...]
    past_strong: tuple[str, ...]
    past: tuple[str, ...]
    delta_before: tuple[str, ...]
    increase: tuple[str, ...]
    decrease: tuple[str, ...]
    build: tuple[str, ...]
    level: tuple[str, ...]
    qualifier_before: tuple[str, ...]
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    object_verbs: tuple[str, ...]
    context_before: tuple[str, ...]
    lead_noise: tuple[str, ...]
    lower_is_better: tuple[str, ...]
    names: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: str | Path | None = None) -> TargetLexicon:
        """Load a lexicon file; None loads the shipped one.

        Raises:
            ConfigError: the file cannot be read or lacks a list.
        """
        if path is None:
            return _shipped_lexicon()
        return _load_lexicon(Path(path))


def _load_lexicon(path: Path) -> TargetLexicon:
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the target lexicon ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the target lexicon must be a mapping of lists")
    values: dict[str, tuple[str, ...]] = {}
    for name in TargetLexicon.__dataclass_fields__:
        words = data.get(name, [])
        if not isinstance(words, list):
            raise ConfigError(f"{path}: '{name}' must be a list of words")
        # Longest first, so that 提高到 is tried before 提高.
        values[name] = tuple(sorted({str(w) for w in words if str(w)}, key=lambda w: (-len(w), w)))
    return TargetLexicon(**values)


@functools.lru_cache(maxsize=1)
def _shipped_lexicon() -> TargetLexicon:
    from .._resources import model_path

    return _load_lexicon(model_path("targets/lexicon.yaml"))


# --------------------------------------------------------------------------- patterns

_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?\n]")
_YEAR = re.compile(r"(?P<pre>到|至|在|于|截至|截止|展望)?\s*(?P<year>(?:19|20)\d{2})\s*年(?P<post>年底前|底前|末前|前|底|末|年底|以前|之前|左右)?")
#: 2024年全省经济社会发展的主要预期目标是, 2025年工作目标: the year whose goals a list sets out.
_GOALS_OF_YEAR = re.compile(r"[，,]?\s*[^，,；;。：:]{0,20}?(?:主要)?(?:预期|发展|工作|奋斗)?目标(?:任务)?(?:是|为)?\s*[：:]")
_SPAN_YEARS = re.compile(r"(?:19|20)\d{2}\s*[-－—–~～至到]\s*(?:19|20)\d{2}年")
# A five-year plan by name: “七五”, 八五计划, 十四五时期, 第六个五年计划 (a bare 十五 is a number).
_PLAN_NAME = r"(?:十[一二三四五]|[一二三四五六七八九十])五"
_PLAN = re.compile(
    rf"[“\"](?P<q>{_PLAN_NAME})[”\"](?P<qs>期末|末|期间|时期|以来)?|(?P<n>{_PLAN_NAME})(?P<s>计划|规划|期间|时期|期末|末|以来)"
    r"|第(?P<ord>[一二三四五六七八九十]+)个五年(?:计划|规划)(?P<os>期末|末|期间|时期)?"
)
_DELTA_BASE = (
    r"(?:(?:19|20)\d{2}年(?:底|末)?|上一?年度?|去年|前年|"
    rf"[“\"]?{_PLAN_NAME}[”\"]?(?:期间|时期|末|时期末)?(?:实际)?|第[一二三四五六七八九十]+个五年计划(?:期间|时期)?)"
)
# 比上年, 较2020年, 与去年相比 (but 与去年大体持平 states a level, not a change).
# 在一九五四年的基数上增长, 以一九五四年为基数: the base year of a planned change, the same.
_DELTA_YEAR = re.compile(
    rf"(?:比|较){_DELTA_BASE}|与{_DELTA_BASE}(?=相比|比较)|在{_DELTA_BASE}的基数上|以{_DELTA_BASE}(?:为|作为)基数"
)
# 等于1949年的4.2倍: a level written as a multiple of an earlier year's (the year dates the base only).
# (等于1953年到1980年二十八年中平均每年建成住宅面积的二点六倍: a span of years as the base)
_MULTIPLE_OF = re.compile(rf"(?:等于|相当于){_DELTA_BASE}(?:到{_DELTA_BASE}[^，,；;。]{{0,24}}?)?的")
# Within some years (五年内, 用三年左右的时间): a period ahead, unless it is one gone by (过去五年内).
_WITHIN_YEARS = re.compile(
    r"(?<!过去)(?<!最近)(?<![近这前后了])(?:今后|未来)?[一二三四五六七八九十两\d]{1,2}年(?:左右)?(?:内|之内|的时间|"
    r"(?=新增|新建|建成|投资|完成|培养|培训|共培养))"
    # 通过1~2年时间, 通过三年的努力, 再经过3—5年的时间, 集中力量用两到三年时间: a period ahead that opens a goal
    r"|(?:^|(?<=[，,；;]))\s*(?:从今年起|从明年起|力争|争取|要|将|集中力量|集中精力)?(?:通过|经过|再经过|用|再用)\s*[一二三四五六七八九十两\d]{1,2}(?:\s*[~～\-—–至到]\s*[一二三四五六七八九十两\d]{1,2})?"
    r"\s*年(?:左右)?的?(?:时间|努力)"
)
#: What a goal due within a period does (在今后三年内，必须把现有企业整顿一遍; 力争在两三年内打开新的局面).
_WITHIN_DONE = re.compile(r"整顿|组建|化解|扭亏为盈|打开|扫除|消灭|改造|转为|改用|代替|精简|理顺|完工|投产|摆脱")
#: A duty's bar within a period (两年内不得再次申请): a norm, not a goal.
_WITHIN_BAR = re.compile(r"不得|不准|不能|禁止|不再|不予|不应")
# Chinese-numeral years (一九九〇年) read as Arabic ones; the same length keeps every offset.
_CN_YEAR = re.compile(r"[一二][〇○零九][〇○零一二三四五六七八九]{2}(?=\s*年)")
_CN_DIGIT = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _arabic_years(text: str) -> str:
    """一九九〇年 -> 1990年, 1 9 9 8 年 -> ␣␣␣1998年: character for character (offsets unchanged)."""
    from .numbers import _compact_digits

    return _compact_digits(_CN_YEAR.sub(lambda m: m.group().translate(_CN_DIGIT), text))[0]


def _plan_end(number: str) -> int | None:
    """The last year of the N-th five-year plan (一五 1953–57, 三五 1966–70, 十四五 2021–25)."""
    n = parse_number(number)
    if n is None or not 1 <= n <= 20:
        return None
    n = int(n)
    return 1957 + 5 * (n - 1) if n <= 2 else 1970 + 5 * (n - 3)


#: The part of a plan already run: “十一五”前四年, 六五计划头两年, 十四五以来.
_ELAPSED = re.compile(r"(?:计划|规划|时期)?的?(?:前|头)[一二三四两几\d]年|以来")


def _elapsed(text: str, m: re.Match[str]) -> bool:
    return m.group().endswith("以来") or bool(_ELAPSED.match(text, m.end()))


def _plans(text: str) -> Iterator[tuple[re.Match[str], int, str]]:
    """(match, last year of the plan, suffix such as 末 or 期间) for each five-year plan named."""
    for m in _PLAN.finditer(text):
        name = m.group("q") or m.group("n") or m.group("ord")
        end = _plan_end(name[:-1] if not m.group("ord") else name)
        if end is not None:
            suffix = m.group("qs") or m.group("s") or m.group("os") or ""
            yield m, end, "末" if suffix == "期末" else suffix  # “十二五”期末 is 十二五末
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)\s*(?P<title>.{0,40})$")
_PAREN_HEADING = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]\s*(?P<title>[^。；;！？!?]{2,40})$")
#: 计划执行情况, 主要目标完成情况: a report of what was done.
_DONE_REPORT = r"(?:执行|完成|落实|实施)情况"
_PAST_HEADING = re.compile(r"回顾|过去|成就|成效|成绩|总结|工作情况|进展情况|发展基础|现状|背景|形势|" + _DONE_REPORT)


def _reports_done(title: str) -> bool:
    """2022年国民经济和社会发展计划执行情况, （一）主要目标完成情况: a review, though it names a plan or goals
    (not …执行情况和2023年计划草案, which holds both)."""
    return bool(re.search(_DONE_REPORT, title)) and not re.search(r"情况.{0,24}(?:草案|安排|打算|任务|计划)", title)


# （五）民生福祉有了新进步。: a part of a review that says what was achieved (as a sub-heading only: the 1980
# report's part 一、…取得了新的进展 reviews and plans the year together)
_PAST_SUBHEADING = re.compile(_PAST_HEADING.pattern + r"|[有得迈取]了(?:新|显著|明显|长足|重大|积极)")
# A second-level heading, as a line or as the opening of one: （一）发展现状, 1.发展基础。
_SUBHEADING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))\s*(?P<title>[^。，,；;：:]{2,16})(?:[。：:]|$)")
_PLAN_HEADING = re.compile(r"今年|明年|任务|要求|目标|安排|部署|政策取向|计划|重点工作|建议")
_PLAN_OPENING = re.compile(
    r"(?:今年|明年)(?:计划|的?主要预期目标|经济社会发展的?主要预期目标|的?主要目标)|今后五年|(?:19|20)\d{2}年(?:的)?(?:计划|主要预期目标)"
    r"|[\d一二三四五六七八九十]+件(?:重点)?(?:民生)?实事(?:是|为|分别是|包括)\s*[：:]"  # 10件实事是：完成…培训3万人，…
)
_LOOKS_AHEAD = re.compile(r"(?:今年|明年|今后|未来|我们要|要|必须|到(?:19|20)\d{2}年|(?:19|20)\d{2}年(?:是|要)|同时|但)")
#: A space between two characters, left by a broken line (以 上, 创新能力 显著增强).
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[\u4e00-\u9fff])")
#: A sentence that turns a paragraph to this year or later: 2024年，该县将…; 今年, 今后.
_TURNS_AHEAD = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年|今年|明年|今后|未来)")
#: The heading of a list of goals, written with a colon: 一、全市总体目标任务：, 主要预期目标是：.
_GOALS_HEADING = re.compile(r"(?:目标任务|主要(?:预期)?目标|总体目标|工作目标|主要指标|发展目标)(?:是|为)?\s*[：:]")
#: A deed told as done: 成功举办, 顺利开工, 荣获, 被评为, 入选, 获批, 建成投运 (not 确保顺利完成, 力争入选).
_DONE_AS_DONE = re.compile(
    r"(?<!确保)(?<!力争)(?<!争取)(?<!推动)(?<!支持)(?<!积极)"
    r"(?:成功(?:举办|获批|入选|创建|承办|引进|签约|申报|召开)|顺利(?:开工|完成|通过|召开|举办|投产|建成|实施)|圆满完成|荣获|获评|"
    r"被评为|被确定为|被列为|入选|获批|建成投运|建成投用|建成通车|首次实现|创历史|获授|首获|荣膺|"
    # 获“绿美广东竞风华”优秀组织奖, 得到省委领导充分肯定, 实现历史性突破, 空气质量连续7年全面达标, 达18年来最好水平
    r"获(?!得)[^，,；;。的]{1,16}奖(?![励补金])|得到[^，,；;。]{0,10}(?:肯定|好评|表扬)|历史性突破|"
    r"连续[\d一二三四五六七八九十两]+年(?:全面)?(?:达标|改善|位居|居)|\d+年来(?:最好|最高|最低|最佳|最优))"
)
#: 围绕保障和改善民生，加大投入力度，办成了一批惠民利民的实事。: a paragraph that opens by summing up deeds done reviews.
_SUMS_UP_DEEDS = re.compile(r"[\u4e00-\u9fff]{2}了(?:一批|一系列|一大批|许多|大量|一些|重要|显著|明显|新的|积极)")
_PAST_PARAGRAPH = re.compile(r"^\s*(?:(?:即将)?过去|[一二两三四五六七八九十]年来|去年|回顾|这些年|近年来|多年来|这一年[，,]\s*我们|这五年[，,]\s*我们)")
_ATTRIBUTIVE_OK = ("目标", "预期目标", "水平", "增长", "增幅", "速度", "左右")
# What follows a deadline (到2035年，…): a goal verb with its object (建成教育强国), or a
# subject with a predicate (教育强国建设取得重要阶段性成效).
_GOAL_VERB = re.compile(
    r"基本建成|全面建成|建成|基本形成|形成|建立健全|建立|构建|基本实现|全面实现|实现|达到|迈入|进入|跻身|"
    r"打造|培育|培养|建设|取得|稳居|位居|保持|完成|完工|竣工|完善|健全|汇聚|普遍实施|全面实施|全面推行|普遍实行|全面实行|基本普及|全面普及|普及|取消|消除|解决|免除"
)
# 2020年，制定《…建设标准》；2021年，启动…: in a schedule, a deed that opens a year's goal (its object names it).
_ACTION_VERB = re.compile(r"制定|启动|实施|开展|举办|成立|明确|出台|发布|编制|研制|组建|设立|上线")
_PREDICATE_ADVERB = re.compile(
    r"得到|进一步|明显|显著|持续|大幅|不断|稳步|逐步|更加|有新的|全面|基本|初步|总体(?!水平|规模|实力|效能)|加速|加快|有效|快速|"
    r"整体(?!水平|实力|素质|能力|效能|质量|规模)|普遍|广泛|充分|日益|"  # 整体水平 is a noun: 职业教育整体水平进入世界前列
    r"(?:全国|全球|国际|国内)?(?:领先|前列)"
)
_VAGUE_OBJECT = re.compile(r"^(?:一大批|一批|一套|一系列|一个|一支|若干|多个|更多)")
_QUOTES = "“”\"'‘’「」《》"


@dataclass
class _Context:
    """What a sentence inherits from its place in the document."""

    doc_year: int | None
    mode: str = "neutral"  # past / plan / neutral, from the section heading
    paragraph_past: bool = False
    paragraph_year: int | None = None
    condition_list: bool = False  # an item of a list of conditions (应当具备下列条件：（一）…)
    plan_document: bool = False  # a plan or action programme: what it counts, it aims at
    legal_text: bool = False  # a law or regulation in articles (第十条): its numbers are norms


_PLAN_TITLE = re.compile(r"(?:规划|计划|方案|纲要|要点|行动|若干措施|若干政策措施|实施意见|指导意见)(?:[（(][^）)]{0,16}[）)])?$")
_PLAN_PREAMBLE = re.compile(r"(?:制定|出台|印发)本(?:行动|实施|工作)?(?:方案|计划|规划|纲要|措施)|特制定本|现提出如下目标|制定(?:以下|如下)(?:措施|政策措施)")


def _is_plan_document(text: str, title: str = "") -> bool:
    """A plan (数字山东2021行动方案, …制定本行动方案): numbers in it are aims unless dated back."""
    head = [line.strip() for line in text[:400].splitlines() if line.strip()]
    first = title.strip() or (head[0] if head else "")
    if len(first) <= 60 and _PLAN_TITLE.search(first) and not re.search(r"报告|总结|研究计划|通知$", first):
        return True
    return bool(_PLAN_PREAMBLE.search(text[:800]))


_ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百零〇]+条(?:\s|　|$)", re.MULTILINE)


def _is_legal_text(text: str) -> bool:
    """A law, regulation or 办法 written in articles (第一条 …): at least three article openings."""
    return len(_ARTICLE.findall(text, 0, 200_000)) >= 3


#: A technical review guideline (本审评要点旨在指导注册申请人…): its numbers are norms for applicants.
_GUIDELINE = re.compile(r"本(?:审评|审查)?要点(?:旨在|是)|本指导原则|(?:审评|审查)要点|注册审查指导原则")


def _is_guideline(text: str, title: str = "") -> bool:
    """Whether the document is a technical review guideline (its title or its opening says so)."""
    return bool(_GUIDELINE.search(title) or _GUIDELINE.search(text[:400]))


def document_year(document: Document) -> int | None:
    """The year a document speaks from: metadata ``year`` or ``date``, else a ``2025年…报告`` title.

    Returns:
        The year, or None when nothing says it.
    """
    meta = document.metadata or {}
    for key in ("year", "date", "issued", "publish_date"):
        value = meta.get(key)
        if value:
            m = re.search(r"(19|20)\d{2}", str(value))
            if m:
                return int(m.group())
    return _title_year(document.text)


def _title_year(text: str) -> int | None:
    head = text[:300]
    for line in head.splitlines():
        line = line.strip().lstrip("#").strip()
        if not line:
            continue
        m = re.match(r"^((?:19|20)\d{2})年.{0,40}(?:报告|计划|要点|安排|总结)$", line)
        if m:
            return int(m.group(1))
        break
    return None


# --------------------------------------------------------------------------- sentences


def _sentences_of(source: Document | str) -> Iterator[tuple[int, int, str | None, int | None]]:
    """(start, end, clause id, page) of each sentence; a sentence runs to 。！？ (not ；)."""
    from ..segment import sentences, split_sentences

    # Semicolons separate the items of one goal list (主要预期目标是：…；…；…): keep them together.
    if isinstance(source, Document):
        for s in sentences(source, semicolon=False):
            yield s.start, s.end, s.clause, s.page
        return
    from .targets_en import is_english as _is_en

    lang = "en" if _is_en(source[:2000]) else "zh"
    for start, end in split_sentences(source, lang=lang, semicolon=False):
        yield start, end, None, None


_CONDITION_LEAD = re.compile(r"(?:下列|以下|如下)(?:条件|要求|资格|情形|材料|规定)[^。]{0,6}[：:]\s*$|(?:条件|资格)[：:]\s*$")
_ITEM_START = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.．、](?!\d)|[①②③④⑤⑥⑦⑧⑨⑩])")
#: A line that announces a list of the year's goals or deeds on the lines below it: 今年…的主要预期目标是：,
#: 今年将…扎实办好“十件民生实事”。
_LIST_OF_GOALS = re.compile(r"(?:目标(?:任务)?|指标)(?:是|为|如下)?\s*[：:]\s*$")
_LIST_OF_DEEDS = re.compile(
    r"(?:办好|办实|实施|抓好|推进|做好|完成)[^。；;]{0,12}?[\d一二三四五六七八九十两]+\s*(?:件|项|类)[^。；;]{0,8}?(?:实事|大事|民生工程|民心工程)"
)
#: A news report's lead before the year a paragraph speaks of (报告指出，2021年，…).
_REPORTED_YEAR = re.compile(
    r"^\s*(?P<lead>[^，,。；;：:]{0,24}?(?:指出|显示|提到|表示|介绍|强调|称|说))[，,:：]\s*(?P<year>(?:19|20)\d{2})\s*年(?!底前|前|以前|之前)"
)
def _reviews_reported(m: re.Match[str] | None, doc_year: int | None) -> bool:
    """A news report's lead (_REPORTED_YEAR, _REPORTED_REVIEW) into a year gone by, or into the review."""
    return bool(m and doc_year is not None and (int(m.group("year")) < doc_year or "回顾" in m.group("lead")))


#: 在回顾2015年和“十二五”工作时，贾建刚说：: a news report's lead into the review
_REPORTED_REVIEW = re.compile(
    r"(?P<lead>回顾[^，,。；;：:]{0,16}?(?P<year>(?:19|20)\d{2})\s*年[^，,。；;：:]{0,16}?(?:指出|说|表示|强调|称))[，,:：]"
)
#: 提出了2021年全市经济社会高质量发展指标体系安排，具体为：: the year's list of goals or indicators follows
_LIST_OF_YEAR = re.compile(
    r"(?P<year>(?:19|20)\d{2})\s*年[^，,。；;]{0,30}?(?:指标体系|主要预期目标|主要目标|目标任务|发展目标|主要指标)[^。；;]{0,12}?(?:(?:具体为|是|为|如下)\s*[：:]|[，,]\s*其中)"
)
#: A line that introduces the contents of a plan or programme: 《…工作计划》的主要内容是：
_PLAN_CONTENTS = re.compile(r"(?:计划|方案|规划|要点)》?的?主要内容(?:是|为|如下)\s*[：:]\s*$")
#: A paragraph that looks ahead from its first words (今年…, 要…, 下一步…), ending a review's run of paragraphs.
_AHEAD_OPENING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d))?\s*(?:今年|明年|今后|未来|新的一年|下一步|当前和今后|我们要|要|必须|展望|面对)"
)
#: Words of a paragraph that speaks of the future somewhere: it does not go on with a review.
_RUN_BREAK = re.compile(
    r"(?<![即必])将(?!近|来)(?![^，,；;。]{0,16}(?:纳入|列入|作为|用于|转为|改为|移交|整合))|计划(?!执行|完成)|要求|力争|今后|"
    r"确保|必须|要|年内|以内|到(?:19|20)\d{2}年"
)


def _announces_list(line: str, doc_year: int | None) -> bool:
    """今年…主要预期目标是： / 今年将…办好十件民生实事。 (not 2023年主要目标完成情况：, nor a review)."""
    if not (_LIST_OF_GOALS.search(line) or _LIST_OF_DEEDS.search(line)) or _PAST_HEADING.search(line):
        return False
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", line)]
    if years and (doc_year is None or min(years) < doc_year):
        return False
    return bool(years or re.search(r"今年|明年|[将要]", line))


def _line_contexts(text: str, doc_year: int | None) -> tuple[list[int], list[tuple[str, bool, int | None, bool]]]:
    """For each line start: (section mode, paragraph looks back, paragraph deadline year, item of a condition list)."""
    starts: list[int] = []
    states: list[tuple[str, bool, int | None, bool]] = []
    conditions = False
    mode = "neutral"
    sub_past = False  # under a second-level heading such as 1.发展基础
    both = False  # a section with a review and a plan (“十三五”时期发展成就和“十四五”时期主要目标任务)
    offset = 0
    last_number = 0
    items_ahead = after_mark = False  # lines of items under a line that announced them
    review_run = False  # paragraphs that go on with a review opened on a year gone by
    titled_review = False  # under an unnumbered review title (2016年工作回顾), whose parts are numbered
    items_year: int | None = None
    lines = text.split("\n")
    # Old reports number their parts （一）…（五） when nothing is numbered 一、: those are the headings.
    top = _HEADING if any(_HEADING.match(x.strip()) for x in lines if len(x.strip()) <= 44) else _PAREN_HEADING
    for line in lines:
        stripped = line.strip()
        m = top.match(stripped) if len(stripped) <= 44 else None
        sub = _SUBHEADING.match(stripped) if not m else None
        if sub:
            title = sub.group("title")
            sub_past = bool(_PAST_SUBHEADING.search(title)) and (not _PLAN_HEADING.search(title) or _reports_done(title))
        if not m and not sub and 4 <= len(stripped) <= 24 and not re.search(r"[，,。；;！？!?：:]", stripped):
            # An unnumbered title: 首先报告2001年的工作, 过去五年国内工作的基本总结.
            done = re.search(r"((?:19|20)\d{2})\s*年(?:的|国内)?工作$", stripped)
            # 六五计划前两年的执行情况 (in 1982): the years of the running plan gone by
            elapsed = any(_elapsed(stripped, pm) for pm, _, _ in _plans(stripped))
            # 赶超发展的五年 (a title over the figures of the five years gone by)
            if (_PAST_HEADING.search(stripped) and not _PLAN_HEADING.search(stripped)) or elapsed or re.search(r"的五年$", stripped) or (
                done and doc_year is not None and int(done.group(1)) < doc_year
            ):
                mode = "past"
                # 2016年工作回顾 over 一、经济运行稳中向好 …: a review's title, whose numbered parts review
                titled_review = bool(re.search(r"回顾|过去|成绩|总结", stripped) or done)
            elif mode == "past" and re.search(r"(?:主要|基本)?(?:措施|任务|目标|部署|安排)$", stripped) and not _PAST_HEADING.search(stripped):
                mode, titled_review = "plan", False  # 全面实现六五计划的主要措施 (in 1982, after 六五计划前两年的执行情况): the plan part begins
            elif _heading_year_is_current(stripped, doc_year) and re.search(r"目标(?:任务)?(?:建议)?$|(?:工作)?(?:安排|任务|部署)$", stripped):
                mode, titled_review = "plan", False  # ■ 2025年经济社会发展的主要预期目标, over a list of bulleted items
        if m:
            sub_past = False
            title = m.group("title")
            number = _heading_number(stripped)
            if number <= last_number:
                mode, titled_review = "neutral", False  # the numbering starts again: a new part (or a table of contents ended)
            last_number = number
            both = False
            if _reports_done(title):
                mode = "past"  # 一、2022年国民经济和社会发展计划执行情况
            elif _PAST_HEADING.search(title) and _PLAN_HEADING.search(title) and not re.search(r"回顾|以来", title):
                mode = "neutral"  # 发展成就和主要目标任务: both
                both = True
            elif _PAST_HEADING.search(title) and (not re.search(r"今年|明年", title) or re.search(r"回顾|以来", title)):
                mode = "past"  # 2019年和今年以来工作回顾: a review, whatever year it names
            elif _heading_years_are_past(title, doc_year) and "了" in title:
                mode = "past"  # 一、二○○一年全市经济…，实现了“十五”计划的良好开局: a year gone by, told as done
            elif _PLAN_HEADING.search(title) or _heading_year_is_current(title, doc_year):
                mode = "plan" if mode == "past" or doc_year is not None or _PLAN_HEADING.search(title) else mode
            elif _heading_years_are_past(title, doc_year):
                mode = "past"  # 一九五七年经济战线上的胜利 (in the 1958 report)
            else:
                mode = "neutral" if mode == "past" and not titled_review else mode
        opening = re.split(r"[。；;]", _arabic_years(stripped))[0]
        if both and doc_year is not None and any(
            end >= doc_year and plan.start() <= 6 for plan, end, _ in _plans(stripped[:20])
        ) and not any(int(y) < doc_year for y in re.findall(r"((?:19|20)\d{2})\s*年", opening)):
            # “十四五”时期是……: the review is over, the plan begins (but 第二个五年计划的第一年，即一九五八年，
            # 出现了… in the 1959 report still reviews a year gone by)
            mode = "plan"
        para_past = bool(_PAST_PARAGRAPH.match(stripped)) or _past_plan_period(stripped, doc_year)
        # 成功举办第十一届木兰山登山节…。…顺利开工。: a paragraph that tells two or more deeds done as done reviews,
        # whatever heading the passage lost (a sentence's own forward cue still looks ahead)
        para_past = para_past or sum(1 for s_ in re.split(r"[。！？]", stripped) if _DONE_AS_DONE.search(s_)) >= 2
        py = re.match(r"^\s*((?:19|20)\d{2})\s*年[，,。]?", stripped)
        if py and doc_year is not None and int(py.group(1)) < doc_year:
            para_past = True  # 2001年，…: a paragraph about a year gone by
        reported = _reviews_reported(_REPORTED_YEAR.match(stripped), doc_year)
        if reported:
            para_past = True  # 报告指出，2021年，武汉…; 市长在回顾2013年的工作中指出：…: a news report of the review
        para_year = None
        ym = re.match(r"^\s*(?:到|至)((?:19|20)\d{2})年", stripped)
        if ym:
            para_year = int(ym.group(1))
        elif py and doc_year is not None and int(py.group(1)) == doc_year and mode != "past" and re.match(r"^\s*\d{4}\s*年[，,]", stripped):
            para_year = doc_year  # 2008年，粮食种植面积稳定在6350万亩 (in 2008): the year the document plans for
        # 2024年，我们…实现地区生产总值440.5亿元…。\n（一）坚持项目支撑…，经济基础更加坚实。…: a review that
        # opened on a year gone by (or 过去一年, 四年来) goes on in the paragraphs after it, until a heading comes or
        # a paragraph looks ahead.
        if m or mode != "neutral":
            review_run = False
        elif review_run and stripped:
            opening_year = re.match(r"^\s*(?:到|至)?((?:19|20)\d{2})\s*年", stripped)
            if (
                _AHEAD_OPENING.match(stripped)
                or (opening_year and doc_year is not None and int(opening_year.group(1)) >= doc_year)
                or _announces_list(stripped, doc_year)
                or _GOALS_HEADING.search(stripped)
                or _PLAN_OPENING.match(stripped)
                or _RUN_BREAK.search(_NOT_MODAL_YAO.sub("", stripped))
            ):
                review_run = False  # (全国农业发展纲要要求：…在十二年内…分别达到…: a paragraph that looks ahead anywhere)
            else:
                para_past = True
        if mode == "neutral" and (_PAST_PARAGRAPH.match(stripped) or (py and doc_year is not None and int(py.group(1)) < doc_year) or reported):
            review_run = True
        # Items under "应当具备下列条件：" are conditions, whatever bound they state.
        if conditions and stripped and not _ITEM_START.match(stripped):
            conditions = False
        in_list = conditions and bool(stripped)
        if _CONDITION_LEAD.search(stripped):
            conditions = True
        # ◆地区生产总值增长5%；… (or (一)\n促进群众就业增收，…) under a line that announces the year's list
        line_mode = "past" if sub_past else mode
        if items_ahead:
            if _ITEM_START.match(stripped) or stripped[:1] in _BULLETS or after_mark:
                line_mode = "plan"
                para_year = para_year or items_year  # 2025 年的主要目标是：——…: the items are due when the line says
            elif stripped:
                items_ahead = False
        mark = _ITEM_START.match(stripped)
        after_mark = items_ahead and bool(mark) and not stripped[mark.end() :].strip()  # (一) alone on its line
        if _PLAN_CONTENTS.search(stripped) and mode != "past":
            mode = "plan"  # 《2019年…为民办实事工作计划》的主要内容是：: what follows is the plan
        if stripped and not items_ahead:
            items_ahead = _announces_list(stripped, doc_year)
            if items_ahead:
                items_year = max((int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", stripped)), default=None)
        starts.append(offset)
        states.append((line_mode, para_past, para_year, in_list))
        offset += len(line) + 1
    return starts, states


def _heading_number(line: str) -> int:
    m = re.match(r"\s*[（(]?(?:第)?([一二三四五六七八九十]+)", line)
    value = parse_number(m.group(1)) if m else None
    return int(value or 0)


def _past_plan_period(line: str, doc_year: int | None) -> bool:
    """A paragraph that opens on a finished five-year plan ("十三五"期间 in a 2021 text) looks back."""
    if doc_year is None:
        return False
    for m, end, suffix in _plans(line):
        # It opens the paragraph or one of its sentences (“十三五”期间，…), not a comparison (比“六五”期间).
        opening = re.search(r"(?:^|[。！？；;])[^，,。；;]{0,8}$", line[: m.start()])
        if end < doc_year and suffix in ("期间", "以来", "时期") and opening and not re.search(r"[比较与同]\s*$", line[: m.start()]):
            return True
    return False


def _heading_year_is_current(title: str, doc_year: int | None) -> bool:
    m = re.search(r"((?:19|20)\d{2})年", title)
    return bool(m and doc_year is not None and int(m.group(1)) >= doc_year)


def _heading_years_are_past(title: str, doc_year: int | None) -> bool:
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})年", title)]
    return bool(years and doc_year is not None and max(years) < doc_year)


# --------------------------------------------------------------------------- public


def extract_targets(
    source: Document | str,
    *,
    year: int | None = None,
    doc_id: str | None = None,
    lexicon: TargetLexicon | str | Path | None = None,
    qualitative: bool = True,
) -> list[Target]:
    """Find the goals and quantitative targets a document sets, one row per value.

    Args:
        source: a :class:`~policytext.Document` (sentences and clause ids come
            from :func:`policytext.sentences`) or a plain text.
        year: the year the document speaks from (resolves 今年, tells the past
            from the future); default: the document's metadata or title.
        doc_id: the ``doc`` field for a plain text (a Document's id is used
            otherwise).
        lexicon: cue words (a :class:`TargetLexicon` or a YAML path); default
            ``models/targets/lexicon.yaml``.
        qualitative: also return goals without a number that have a deadline
            (``到2035年，建成教育强国``), with ``value`` None.

    Returns:
        Targets in document order.

    Example:
        >>> rows = extract_targets("今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。", year=2025)
        >>> [(t.indicator, t.value, t.unit, t.direction) for t in rows]
        [('国内生产总值', 5.0, '%', 'increase'), ('城镇新增就业', 1200.0, '万人', 'increase')]
    """
    lex = lexicon if isinstance(lexicon, TargetLexicon) else TargetLexicon.load(lexicon)
    if isinstance(source, Document):
        text = source.text
        doc = source.id
        doc_year = year if year is not None else document_year(source)
    else:
        text = source
        doc = doc_id or ""
        doc_year = year if year is not None else _title_year(text)
    # 一九九〇年 reads as 1990年 and 萬 as 万 (same offsets), so Chinese-numeral years date sentences
    # too, and texts in traditional characters meet the simplified cue words.
    written = _arabic_years(text)
    analysed = simplified(written)
    traditional = analysed != written
    line_starts, line_states = _line_contexts(analysed, doc_year)
    title = str((source.metadata or {}).get("title") or "") if isinstance(source, Document) else ""
    plan_document = _is_plan_document(analysed, title)
    legal_text = _is_legal_text(analysed) or _is_guideline(analysed, title)
    # English documents go through the English rules; a Chinese document may quote English.
    english = True if isinstance(source, Document) and source.lang == "en" else None
    english_parts = english_sections(text, doc_year) if english or is_english(text[:2000]) else []
    english_starts = [offset for offset, _ in english_parts]  # "I. Review of …", "II. Major Tasks for 2008"
    out: list[Target] = []
    tables = goal_tables(analysed, doc_year)  # 指标名称 | 单位 | 2023年 | 2025年: goals set in tables
    tables_done: set[int] = set()
    looking_back: int | None = None  # the line in which a sentence opened with 过去一年 / 去年
    looking_ahead: int | None = None  # the line in which a sentence opened with 今年计划要求 / 今后五年
    turned_ahead: int | None = None  # the line, opened on a year gone by, in which a sentence turned to this year
    for start, end, clause, page in _sentences_of(source):
        sentence = analysed[start:end]
        if not sentence.strip():
            continue
        i = bisect.bisect_right(line_starts, start) - 1
        mode, para_past, para_year, in_list = line_states[max(i, 0)]
        # 2011年，是“十二五”开局之年……。过去一年，我们……。国内生产总值增长10.3%: the sentences after a
        # look back in the same paragraph report too, until one looks ahead again.
        reported = _reviews_reported(_REPORTED_YEAR.match(sentence.strip()) or _REPORTED_REVIEW.search(sentence), doc_year)
        if _PAST_PARAGRAPH.match(sentence.strip()) or (
            (i < 0 or start <= line_starts[i] + 1) and _SUMS_UP_DEEDS.search(sentence) and not _LOOKS_AHEAD.search(sentence)
        ) or reported:
            # (在回顾2015年和“十二五”工作时，县长说：2015年，…: a news report of the review)
            looking_back = i
        elif looking_back is not None and (looking_back != i or _LOOKS_AHEAD.match(sentence.strip())):
            looking_back = None
        # 今年计划要求，……国民生产总值增长6%。社会商品零售总额增长12.3%: the plan goes on.
        year_list = _LIST_OF_YEAR.search(sentence)
        if mode == "neutral" and (
            _PLAN_OPENING.match(sentence.strip())
            or (year_list and doc_year is not None and int(year_list.group("year")) >= doc_year)
        ):
            # (…提出了2021年全市经济社会高质量发展指标体系安排，具体为：…: the year's list of indicators)
            looking_ahead = i
        elif looking_ahead is not None and (looking_ahead != i or _PAST_PARAGRAPH.match(sentence.strip())):
            looking_ahead = None
        if looking_ahead == i and looking_back != i and mode == "neutral":
            mode = "plan"
        # 2023年，…获评…称号。2024年，该县将…。力争实现…增长10%以上: a paragraph that opened on a year gone by
        # turns ahead at a sentence that opens on this year or a later one.
        turn = _TURNS_AHEAD.match(sentence.strip()) if para_past and start > line_starts[max(i, 0)] else None
        if turn and (not turn.group("year") or (doc_year is not None and int(turn.group("year")) >= doc_year)):
            turned_ahead = i
        elif (para_past or looking_back == i) and start > line_starts[max(i, 0)] and _GOALS_HEADING.search(sentence):
            # 2005年，…取得了显著成绩。…现将有关事项通知如下：一、全市总体目标任务：…: the list of goals begins
            turned_ahead, looking_back = i, None
        if turned_ahead == i:
            para_past = False
        ctx = _Context(doc_year=doc_year, mode=mode, paragraph_past=para_past or looking_back == i,
                       paragraph_year=para_year, condition_list=in_list, plan_document=plan_document,
                       legal_text=legal_text)  # fmt: skip
        line_start = line_starts[max(i, 0)] if line_starts else 0
        if line_start in tables.rows or line_start in tables.goal_cells:
            # 1 | 人均预期寿命 | 岁 | 78.09 | ≥79.2 | ≥80: a row of a goal table, read by its header (once per line)
            if line_start in tables_done:
                continue
            tables_done.add(line_start)
            if line_start in tables.rows:
                found = [{**row, "indicator": _own_name(row["indicator"])} for row in tables.rows[line_start] if qualitative or row["value"] is not None]
            else:
                plan_ctx = _Context(doc_year=doc_year, mode="plan", plan_document=plan_document)
                found = targets_in_sentence(tables.goal_cells[line_start], ctx=plan_ctx, lexicon=lex, qualitative=False)
        elif english or (english is None and is_english(sentence)):
            k = bisect.bisect_right(english_starts, start) - 1
            found = english_targets(sentence, doc_year=doc_year, section=english_parts[k][1] if k >= 0 else "neutral")
        else:
            found = targets_in_sentence(sentence, ctx=ctx, lexicon=lex, qualitative=qualitative)
        for row in found:
            if traditional:
                # 電力一百零八億度: the indicator and the value as the document writes them
                for key in ("indicator", "raw"):
                    row[key] = as_written(row[key], sentence, written[start:end])
            out.append(
                Target(
                    doc=doc,
                    clause=clause,
                    sentence=text[start:end].strip(),
                    start=start,
                    end=end,
                    indicator=row["indicator"],
                    value=row["value"],
                    unit=row["unit"],
                    year=row["year"],
                    direction=row["direction"],
                    qualifier=row["qualifier"],
                    raw=row["raw"],
                    page=page,
                )
            )
    return out


# --------------------------------------------------------------------------- one sentence


def targets_in_sentence(
    sentence: str,
    *,
    ctx: _Context | None = None,
    lexicon: TargetLexicon | None = None,
    qualitative: bool = True,
) -> list[dict[str, Any]]:
    """The target rows of one sentence, as dicts (the core of :func:`extract_targets`)."""
    lex = lexicon or TargetLexicon.load()
    ctx = ctx or _Context(doc_year=None)
    # 达到4万亿元以 上, 创新能力 显著增强: a space left between two characters by a broken line is no break
    sentence = _CJK_GAP.sub("", _arabic_years(sentence))
    # 4.460个居村综合文化活动室: an item's number before a count is no decimal point (the same length kept)
    sentence = re.sub(r"^(\s*\d{1,2})[.．](?=\d{2,}\s*(?:个|家|所|项|座|条|台|辆|张|处|名|人|户|栋|套|万))", r"\1、", sentence)
    rows: list[dict[str, Any]] = []
    value_starts: list[int] = []  # where the values of the rows stand in the sentence
    if _TABLE_ROW.fullmatch(sentence.strip()) and len(re.findall(r"[\u4e00-\u9fff]", sentence)) < 0.35 * len(sentence.replace(" ", "")):
        return []  # 1-2.5MHz -10dBm 1MHz 有效值检波: a row of a table of specifications, no sentence
    masked, sentence_delta = _mask_deltas(sentence, lex)
    this_year = re.match(r"\s*((?:19|20)\d{2})\s*年[，,]", sentence)
    if this_year and int(this_year.group(1)) == ctx.doc_year and ctx.mode != "past" and not ctx.paragraph_past:
        ctx = replace(ctx, paragraph_year=ctx.doc_year)  # 2019年，县政府将…: a sentence on the year the document plans for
    sentence_year, sentence_future, sentence_past = _sentence_time(masked, ctx, lex)
    # 在工业生产方面：两个年度计划都超额完成，…: the topic before the colon opens nothing
    topic = re.match(r"\s*(?:在|关于)?[\u4e00-\u9fff]{1,10}方面\s*[：:]", masked)
    first_clause = _CLAUSE_BREAK.split(masked[topic.end() :] if topic else masked, 1)[0]
    opens_past = sentence_past and not sentence_future and _has(first_clause, lex.past_strong)
    # 从1953年到1980年的二十八年中，……占百分之二十左右，六五计划把这个比例提高到百分之三十六: the clauses
    # before the first that looks ahead report.
    past_until = _past_frame_end(masked, ctx, lex) if not opens_past else 0
    quantities = [q for q in find_quantities(sentence) if not _inside_quotes(sentence, q) and not _inside_title(sentence, q)]
    # 完善…养老服务体系，新建50家…: a sentence that opens on a verb, with no subject, sets out tasks
    task_list = bool(_TASK_OPENING.match(masked))
    # …改扩建基本完成，改造中小学校舍815万平方米: a sentence that tells results reached reports a review's deeds
    tells_results = _has(masked, lex.past) or bool(_RESULT_STATE.search(masked))
    # a value with a written bound (60%左右, 1200万人以上) makes the sentence a list of goals for its 达到 values
    peer_bound = any(_written_bound(q, lex) for q in quantities)
    # …and one that opens on such a value (生产总值年均增长11%左右，…) is a list of goals for more verbs
    opens_bound = bool(quantities) and _written_bound(quantities[0], lex)
    levels: set[str] = set()  # indicators given a level in this sentence (not a change)
    last_status = ""  # what the sentence's last value judged was (past / target)
    parts_of_past = False  # a 其中 list of the parts of a past figure has begun
    last_target_clause = len(sentence)  # where the clause of the last target begins
    parallel_clause = -1  # a clause that repeats the goal before it (see below)
    last_target_ahead = False  # the clause of the last target names a time ahead (到一九六七年) or a future word
    for n, q in enumerate(quantities):
        clause_start, clause_end = _clause_bounds(sentence, q.start, q.end)
        clause = sentence[clause_start:clause_end]
        left = sentence[clause_start : q.start]
        earlier = [p for p in quantities[:n] if p.end <= q.start and p.start >= _segment_start(sentence, q.start)]
        after_earlier = sentence[max([clause_start] + [p.end for p in earlier if p.end > clause_start]) : q.start]
        against_last_year = any(w in left for w in lex.delta_before)
        opens_with_change = re.match(r"\s*(?:(?:它|这|虽然|但是|但|而|却|仍然|还|也|即|亦即|也就是)\s*)*(?:比|较|同比|与)", left) or re.match(r"[\s、，,]*(?:比|较|同比|与)", after_earlier)
        if _is_delta(left, lex) and earlier and (against_last_year or opens_with_change):
            # 4.4万亿元、比上年增加5000亿元: the change, not the target (but 城乡居民收入比2020年翻一番 is one).
            continue
        bare_change = re.fullmatch(r"\s*(?:增长|增加|提高|下降|减少|降低)(?:将近|近|约|大约)?\s*", left) or (
            # 一般公共预算收入完成18.8亿元、增长6.2%: the change joined to the amount before
            earlier and re.fullmatch(r"\s*、\s*(?:增长|增加|提高|下降|减少|降低)(?:将近|近|约|大约)?\s*", after_earlier)
        )
        segment = _segment_start(sentence, q.start)
        yearly = re.search(r"平均每年|每年平均|年均", sentence[segment : q.start])
        names_own = len(_right_indicator(sentence[q.end : clause_end])) >= 2  # 增加500万沼气用户: a thing of its own
        if bare_change and not yearly and not names_own and any(p.start >= segment and unit_kind(p.unit) != unit_kind(q.unit) for p in earlier) and not (
            _written_bound(q, lex) and re.match(r"\s*、", after_earlier)
        ):
            # (but 地区生产总值突破3600亿元、增长10%以上: a growth with a bound of its own is a goal too)
            continue  # 棉花三百六十万吨，增长百分之三十三: the change that goes with the value before
        if re.fullmatch(r"\s*(?:平均每年|每年平均|年均)(?:增加|减少)\s*", left) and any(
            p.start >= segment and unit_kind(p.unit) == unit_kind(q.unit) for p in earlier
        ):
            continue  # 一九八五年将达到九百八十三亿元，平均每年增加四十二亿元: the level's yearly step
        if bare_change and not yearly and earlier and earlier[-1].start >= segment and re.fullmatch(r"\s*[，,]\s*", sentence[earlier[-1].end : clause_start]):
            continue  # 钢材300万吨，增加30万吨: a level, then its change in the next clause
        if re.fullmatch(r"\s*(?:即|也就是|约)?(?:等于|相当于)[^，,；;。]{0,16}的\s*", left) and any(
            p.start >= segment and unit_kind(p.unit) != unit_kind(q.unit) for p in earlier
        ):
            continue  # 电力一百零八亿度，等于一九四九年的二点五倍: the level, then the same as a multiple
        if _share_after_amount(sentence, q, earlier, segment, clause_start, left):
            continue  # 债款收入为742,241,000元，占本年收入的2.50%: the amount, then its share of the total
        if (_CONDITIONAL.search(sentence[: q.start]) and _THEN.search(sentence, q.end)) or _CONSEQUENCE.match(sentence, q.end) or _RATE_AS_MEANS.match(sentence, q.end):
            continue  # 只要保持8%的增长，就…; 有7%的增速就能够…: a condition for something else, not a goal
        if _DEFINITION.search(sentence, segment, _segment_end(sentence, q.end)):
            continue  # 支持项目数不超过6项的指南任务，是指…: a definition, not a goal
        condition = _CONDITIONAL.search(sentence, 0, q.start)
        if condition and _THEN.search(sentence, condition.end(), q.start):
            continue  # 如果每件棉纱平均少用两斤棉花，全国每年就可以增产两万件棉纱: what a condition would bring
        if _RESTATED_IF.search(sentence, 0, q.start):
            continue  # 如果…扣除…不可比的因素，则本年收入实际增长15.83%: the figures restated under an assumption
        if (
            (_is_delta(left, lex) and re.search(r"(?:(?:目标|预算|指标)(?:数|值|的)?|计划(?:数|值|的))(?:比|较)", left))
            or re.search(r"(?:比|较|高于|低于)[^，,；;。]{0,6}(?:目标|预算|计划|指标)[^，,；;。]{0,4}$", left)
            or re.search(r"(?:比|较|超过|超出|高于|低于)[^，,；;。]{0,10}(?:原定|原计划|规定的|计划数|预算数|目标数|计划成本|计划指标|认定标准)[^，,；;。]{0,12}$", left)
            or _AGAINST_PLAN.search(sentence, segment, q.start)
        ):
            continue  # 就业预期目标比去年多100万人, 比省定目标高出10个百分点: one target against another
        if _not_a_value(sentence, clause_start, clause_end, q, quantities, lex):
            continue
        clause_masked, clause_delta = _mask_deltas(clause, lex)
        # …已经达到一千二百多吨，并且正在为日产一千五百吨奋斗: a clause that strives for its value looks ahead
        strives = bool(_STRIVES.search(clause)) or _has(clause, lex.future_strong)
        # …已经达到一九四九年的九倍多，预计在一九五四年又将等于…的两倍多: a clause that estimates ahead
        strives = strives or bool(_ESTIMATES_AHEAD.search(clause))
        # 创新农业经营方式，…，新增家庭农场100家: a clause of its own that opens on a task's verb counts the
        # task's amount (not a specification's or a share's, nor in a sentence that tells results reached)
        task_clause = (
            bool(_TASK_OPENING.match(masked, clause_start))
            and unit_kind(q.unit) not in ("tech", "percent", "")
            and q.unit != "对"
            and not tells_results
        )
        # 建成垃圾处理站5个，污水处理站5个; 新建11座公厕，1座交通公厕: a clause with no verb of its own goes on with the list
        goes_on = not after_earlier.strip(" 、和及与") or bool(_LIST_GOES_ON.fullmatch(after_earlier.lstrip("、和及与")))
        status = "past" if (opens_past and not strives) or q.start < past_until else _status(
            clause_masked, left, q, sentence_future, sentence_past, ctx, lex,
            weak_past=(clause_delta or sentence_delta) and not _PLANNED_CHANGE.search(masked),
            peer_bound=peer_bound, opens_bound=opens_bound, task_list=task_list or task_clause,
            list_goes_on=last_status == "target" and goes_on and not _TASK_VERB_RE.search(after_earlier),
        )  # fmt: skip
        if status == "target" and re.match(r"\s*其中", sentence[clause_start : q.start]):
            before = re.split(r"[，,；;。]", sentence[:clause_start].rstrip("，, "))[-1]
            if last_status == "past" or (_has(_mask_deltas(before, lex)[0], lex.past_strong) and not _has(before, lex.future_strong)):
                status = "past"  # …已从60.8%降低到30.7%，其中国防费从41.5%降低到21.1%: the parts of a past figure
                parts_of_past = True
        elif status == "target" and parts_of_past and not _has(clause, lex.future_strong):
            status = "past"  # …，行政管理费从19.3%降低到9.6%: the list of parts goes on
        total = _TOTAL.fullmatch(left)  # …，共计七十九个: the total of the parts counted before
        yearly_rate = _YEARLY_RATE.match(left)  # …，平均每年递增百分之四点一: the yearly rate of the thing before
        if status == "past" and last_status == "target" and (
            clause_start == parallel_clause
            or (
                clause_start > last_target_clause
                and last_target_ahead
                and not re.search(r"由|从", left)
                and re.match(rf"\s*[\u4e00-\u9fff]{{2,12}}?{_PARALLEL_GOAL}\s*$", left)
                and not (_years_in(clause_masked, ctx)[2] or _has(clause_masked, lex.past_strong + lex.past))
            )
        ):
            # 规定粮食的单位面积产量到一九六七年分别达到四百斤…，棉花的单位面积产量分别达到六十斤…: a clause
            # with no time of its own that sets a level the way the goal before it does is a goal too
            status = "target"
            parallel_clause = clause_start
        if status == "past" and last_status == "target" and total:
            status = "target"  # 机械工业各部共有七十七个建设项目，地方有两个建设项目，共计七十九个: the planned parts' total
        if status == "none" and _INDICATOR_LIST.match(sentence) and (
            unit_kind(q.unit) == "count" or _LIST_CHANGE.search(left) or re.search(r"(?:高于|低于|超过|优于)\s*$", left)
        ):
            # 考核指标：增强装置 2 套，支持工业协议≥6 种: the deliverables a call asks for, counted, and the gains
            # it asks for (装配效率提升 20%), and the bounds it sets (设备 MTBF 高于15000 小时); a technical
            # specification with no bound (量程 0.015MPa) describes the product and is no target
            status = "target"
        if status == "none" and _FUNDS_FOR.search(left) and re.match(r"\s*[，,]?\s*(?:专门|专项|主要)?用于", sentence[q.end :]):
            status = "target"  # 市财政每年安排5亿元，用于支持…: money committed to a purpose, in a policy of no date
        if status == "none" and last_status == "target" and yearly_rate:
            status = "target"  # 出口总额将达到四百零二亿元，平均每年递增百分之八点一: the level's yearly rate, planned too
        if status == "target" and last_status == "past" and _BARE_CHANGE_CLAUSE.fullmatch(left) and n and (
            re.fullmatch(r"[^，,；;。\d]*[，,]\s*", sentence[quantities[n - 1].end : clause_start])
        ) and not (_years_in(clause_masked, ctx)[0] or _has(clause_masked, lex.future_strong + lex.future) or _MODAL_OR_PLAN.search(clause)):
            # 上半年产值比去年同期增长14.1%，上缴国家的利润增长16.3%: the next change in a report goes on reporting
            status = "past"
        last_status = status
        if status != "target":
            continue
        last_target_clause = clause_start
        last_target_ahead = bool(_years_in(clause_masked, ctx)[1] or _has(clause_masked, lex.future_strong))
        if ctx.legal_text and not (_years_in(masked, ctx)[1] or _has(masked, _LEGAL_FORWARD)):
            continue  # 每年至少召开2次会议, 应当提前6个月: a norm or procedure of a law, not a goal
        if _change_before_level(sentence, q, quantities, clause_end, left, lex):
            continue  # 工业总产值比1956年将增长4.5%，达到603亿元: the level is the target
        prev_end = max((p.end for p in quantities[:n] if clause_start <= p.start < q.start), default=clause_start)
        indicator, verb = _indicator(sentence, clause_start, clause_end, q, lex, prev_end=prev_end)
        indicator = re.sub(r"^[先再还也又]+(?=[\u4e00-\u9fff][\u4e00-\u9fff\d])", "", indicator)  # 也从1950年的…
        indicator = re.sub(r"(?<=[\u4e00-\u9fff]{2})等(?:增幅|增速)$", "", indicator)  # A、B等增幅均超过10%: A and B grow
        indicator = _BRACKET_NOTE.sub("", indicator)  # 普通中学（包括高中和初中）新招生
        if re.match(r"(?:以上|以下)[\u4e00-\u9fff]{2}", indicator):
            # 规模以上工业企业…: the set phrase keeps its head; (5亿元)以上项目(60个): a threshold's tail goes
            indicator = "规模" + indicator if "规模" + indicator in sentence else indicator[2:]
        indicator = re.sub(r"(?<=[\u4e00-\u9fff]{2})共(?=支出|收入|投资|安排|拨款)", "", indicator)  # 本年预算共支出
        if re.fullmatch(r"[先再还也又]+", indicator) and verb in _BARE_VERBS:
            indicator = verb  # 要逐年适当增加…投资，今年拟先增加50亿元: the verb's object was named before
        indicator = re.sub(r"^从(.{2,14}?)中(?:拿出|提取|划出|安排|列支|筹集)$", r"\1", indicator)  # 从失业保险基金结余中拿出
        if indicator.count("”") > indicator.count("“"):
            indicator = "“" + indicator  # “三公”经费
        # 全员劳动生产率从人均8.7万元(提高到12万元): the starting value is not part of the name.
        topic = re.match(r"\s*([\u4e00-\u9fff、]{2,14})[，,：:]", sentence)
        if (
            indicator in ("投资", "资金", "经费", "支出", "总投资")
            and topic
            and topic.end() <= clause_start
            and not topic.group(1).startswith(lex.object_verbs)
            and not re.search(r"期间|时期|年|计划|规划|今后|目前", topic.group(1))
        ):
            indicator = topic.group(1) + indicator  # 煤炭工业建设，五年投资一百七十九亿元
        cut = _FROM_IN_NAME.sub("", indicator)
        if cut != indicator:
            indicator = _strip_tail_verbs(cut, lex)[0]
        # (突破3600亿元、增长10%以上: the growth of the amount just named)
        joined = prev_end > clause_start and re.fullmatch(r"[\s、和及与]*(?:(?<=、)(?:增长|增加|提高|下降|减少|降低)\s*)?", sentence[prev_end : q.start])
        # (a total, or a yearly rate with nothing else before it, belongs to the thing just measured)
        bare_rate = yearly_rate and not left[yearly_rate.end() :].strip()
        same_thing = joined or re.match(r"\s*(?:都|均|也|各|分别)", left) or total or bare_rate
        if not indicator and rows and (same_thing or not _previous_subject(sentence, clause_start, lex)):
            # 城乡低保人均补助标准分别提高5%和8%; …增加到六千零五十亿元，都是平均每年递增百分之四: the same thing
            indicator = rows[-1]["indicator"]
        elif re.fullmatch(r"(?:人均|平均|每人)(?:每年|年均)?(?:增长|增加|提高)|(?:每年|年均)(?:增长|增加|提高)", indicator) and (
            named := _previous_subject(sentence, clause_start, lex)
        ):
            indicator = named  # 继续提高企业退休人员基本养老金，人均每年增长10%左右: the thing raised is named before
        elif re.fullmatch(r"(?:计划|预计|可以|可)?(?:生产|完成)", indicator) and (topic := _topic(sentence, clause_start, lex)):
            # 如发电设备，一九五八年只生产八十万千瓦，一九五九年将生产二百八十万千瓦: the thing produced is the topic
            indicator = topic
        elif indicator in _BARE_VERBS:
            # 拟连续几年发行超长期特别国债……今年先发行1万亿元: the verb's object was named before.
            named = re.findall(indicator + r"([\u4e00-\u9fff]{2,12}?)(?=[，,；;。、]|$)", sentence[:clause_start])
            indicator = named[-1] if named else (rows[-1]["indicator"] if rows else _previous_subject(sentence, clause_start, lex))
        elif not indicator or re.fullmatch(
            r"(?:确定|定|为|是|控制|保持|稳定|要求|规定|提出)+|(?:各地|各省|各级政府|地方|我们)?(?:可以|可|应当|应|要|将|均)?|一律|统一|全部|普遍|一般|都|均"
            r"|(?:都|均|也)(?:将|要|会|可)?(?:增长|增加|提高|降低|下降|减少)",  # …糖的产量，都将增长百分之十以上
            indicator,
        ):
            # 宏观调控的目标是，确保物价上涨幅度比去年有明显回落，力争控制在15%左右: named in the clause before.
            indicator = _previous_subject(sentence, clause_start, lex)
        elif re.match(r"(?:约|将|要|只|仅)?占", indicator) and sentence[: q.start].rstrip().endswith("的"):
            # 这些建设项目的投资额，约占全年投资总额的三分之二: the share belongs to the clause before
            indicator = _previous_subject(sentence, clause_start, lex) or indicator
        elif indicator.startswith(("由", "从")) and (re.search(r"\d", indicator) or find_quantities(indicator)):
            # 将由去年的1076亿元增加到1562亿元, 钢：从一百三十五万吨增加到四百十二万吨: named before
            indicator = _previous_subject(sentence, clause_start, lex) or indicator
        share = re.fullmatch(r"\s*(?:约|将|要|应)?占(?P<base>[^，,；;。的占]{1,16})的?\s*", left)
        if share and indicator and "占" not in indicator and unit_kind(q.unit) == "percent":
            # 持证人员总量达到130万人以上，占从业人员的60%以上: the share of the thing just counted in the base
            indicator = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:总量|总数|总规模|规模|数量)$", "", indicator) + "占" + share.group("base") + "比重"
        if indicator in ("总量", "总额", "总规模", "规模") and (
            named := next((r["indicator"] for r in rows if re.search(r"(?<=[\u4e00-\u9fff]{2})(?:年均)?(?:增速|增幅)$", r["indicator"])), "")
        ):
            # 全省社会消费品零售总额年均增速11.3%，…，总量达到2万亿元: the total of the thing whose growth was set
            indicator = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:年均)?(?:增速|增幅)$", "", named)
        if re.match(r"(?:这种|这些|这项|此项)", indicator) and (named := _previous_subject(sentence, clause_start, lex)):
            indicator = re.sub(r"^(?:只是|但是|可是|而且|并且)", "", named)  # …地方附加和乡村自筹的部分有了增加，这种增加将以最多不超过正税的22%为限: named before
        if rows and re.fullmatch(r"(?:国家|省|市|县|区|校|部)级", indicator) and sentence[clause_start:q.start].lstrip().startswith("其中"):
            # 建设100个左右市域产教联合体，其中国家级50个: the national ones of the same thing
            indicator = indicator + re.sub(r"^(?:国家|省|市|县|区|校|部)级", "", rows[-1]["indicator"])
        deed = re.match(r"(?:[（(][^）)]{0,30}[）)])?((?:取得|获得|实现|参加|参与|接受|考取)[^，,；;。]*)", sentence[q.end : clause_end])
        if unit_kind(q.unit) == "people" and not left.split("、")[-1].strip() and deed:
            # 年培训2万人次以上，1.7万人取得证书; 45万人（含…）取得相应证书: what the people do is measured
            indicator = _shorten(deed.group(1).strip())
        elif indicator and unit_kind(q.unit) == "people" and re.fullmatch(r"\s*(?:今年|全年|年内|明年)?(?:要|将)?(?:为|对|给)(?:全[省市县州区])?\s*", left.split("、")[-1]):
            # 为全州6.1万名35-64岁妇女免费做乳腺癌筛查: what is done for the people is measured
            rest = re.sub(r"^(?:以上|左右)?\s*(?:\d+\s*[-—–~～至到]\s*)?\d+\s*(?:周岁|岁)(?:及以上|及以下|以上|以下)?(?:的)?", "", sentence[q.end : clause_end])
            rest = re.split(r"、(?=为|对|给)", rest.strip())[0]  # (、为全州6.1万名…: the next item)
            # 为400名城镇重度残疾人提供日间照料服务: the people and what they get (the verb between says nothing)
            rest = re.sub(r"(?<=[\u4e00-\u9fff])(?:免费)?(?:办理|提供|开展|进行|做|实施)(?=[“\u4e00-\u9fff])", "", rest, count=1)
            indicator = _shorten(rest) if len(rest) >= 2 else indicator
        elif unit_kind(q.unit) == "people" and re.sub(r"^(?:积极|大力|继续|进一步|有序|鼓励)", "", indicator) in _CAUSATIVE:
            # 引导约1亿人在中西部地区就近城镇化: what the people are brought to do is measured.
            rest = re.sub(r"^(?:以上|左右|上下)?(?:在|到)?", "", sentence[q.end : clause_end]).strip()
            indicator = _shorten(rest) if len(rest) >= 2 else indicator
        indicator = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:可以|可)?适当$", "", indicator)  # 中西部地区可以适当(放宽至)
        if rows and re.fullmatch(r"[\u4e00-\u9fff]{1,8}(?:地区|省份|区域)", indicator):
            # 园区年产值不低于500亿元，中西部地区可以适当放宽至300亿元: the same measure, for some regions
            measure = re.sub(r"^[\u4e00-\u9fff]{1,8}?(?:地区|省份|区域)(?=[\u4e00-\u9fff]{2})", "", rows[-1]["indicator"])
            indicator = indicator + measure  # (东部地区覆盖率达到90%，中西部地区达到80%: 中西部地区覆盖率)
        if not indicator:
            continue
        delta = _is_delta(left, lex)
        if delta and re.fullmatch(r"增产|减产|增加|增长|提高|下降|减少|多|少", indicator):
            continue  # 预计达到三亿三千五百多万吨，比去年增产一千多万吨: the change names nothing
        if delta and indicator in levels:
            continue  # 发电量拟定为二百二十四亿五千万度，将比一九五七年增长百分之十八: the change restates the level
        if not delta:
            levels.add(indicator)
        value_starts.append(q.start)
        share_of = _SHARE_OF_BASE.search(left) if unit_kind(q.unit) == "percent" or q.unit in ("倍", "成") else None
        bound_left = left[: share_of.end("bound")] if share_of else left  # 不少于学校实习需求的80%: bounded below
        direction = _direction(verb, bound_left, q, indicator, lex)
        if direction == "level" and not verb and len(value_starts) >= 2 and value_starts[-2] >= clause_start:
            gap = sentence[max(p.end for p in quantities[:n]) : q.start]
            if re.fullmatch(r"[^，,；;。\d]{0,20}[、和及与]\s*", gap):
                direction = rows[-1]["direction"]  # 建成300个市域产教联合体、200个行业产教融合共同体: the list's verb
        rows.append(
            {
                "indicator": indicator,
                "value": q.value,
                "unit": q.unit,
                "year": _clause_year(clause, ctx) or sentence_year,
                "direction": direction,
                "qualifier": _qualifiers(bound_left, q, sentence, lex),
                "raw": q.raw,
            }
        )
    if "分别" in sentence:
        rows, value_starts = _respectively(sentence, quantities, rows, value_starts, lex)
    _name_verb_only_rows(sentence, rows)
    if qualitative:
        segments = _dated_segments(sentence)
        if segments:
            # 2020年，制定…；2021年，启动…；2022年，建成…: a goal for each year of a schedule
            for seg_start, seg_end in segments:
                if not any(seg_start <= s_ < seg_end for s_ in value_starts):
                    row = _qualitative(sentence[seg_start:seg_end], sentence_year, ctx, lex, schedule=True)
                    if row:
                        rows.append(row)
        elif not rows:
            row = _qualitative(sentence, sentence_year, ctx, lex)
            if row:
                rows.append(row)
    for row in rows:
        row["indicator"] = _own_name(row["indicator"])
    return rows


#: 2023年河北经济社会发展主要预期目标是(地区生产总值); 全省(生产总值): a heading run into a goal's name, and the place
#: the whole document speaks of (but 我国经济增长预期目标是在…的基础上: the growth is named there).
_NAME_AFTER_HEADING = re.compile(r"^[^，,；;：:]{0,30}?(?:发展的?|主要)(?:预期)?目标(?:是|为)(?=[\u4e00-\u9fff]{2})(?![在以按从由对])")
_DOCUMENTS_PLACE = re.compile(r"^(?:全[省市区县州]|我[省市区县])(?=[\u4e00-\u9fff]{2})")


def _own_name(indicator: str) -> str:
    """A goal's own name, without the heading run into it or the place the whole document speaks of."""
    return _DOCUMENTS_PLACE.sub("", _NAME_AFTER_HEADING.sub("", indicator))


#: A name that is only a verb of building (建设, 再建设, 共建设): the thing built is named further on.
_VERB_ONLY_NAME = re.compile(r"(?:再|又|共|还|新)?(?:建设|建成|培育|打造|新建|认定|遴选|创建|组建|布局|支持建设|重点建设)")


def _name_verb_only_rows(sentence: str, rows: list[dict[str, Any]]) -> None:
    """2023年底前建设50家左右，2024年底前再建设50家左右，到2025年共建设150家左右的市域产教联合体: the
    steps of a schedule count what its last value names after it."""
    named_after = [bool(re.search(re.escape(r["raw"]) + r"(?:左右|以上|以内)?的?" + re.escape(r["indicator"]), sentence)) for r in rows]
    for k in range(len(rows) - 1, -1, -1):  # from the last, so that each step takes the name of the one after
        row = rows[k]
        if row["value"] is None or not _VERB_ONLY_NAME.fullmatch(row["indicator"]):
            continue
        j = next((j for j in range(k + 1, len(rows)) if rows[j]["unit"] == row["unit"] and rows[j]["value"] is not None), None)
        if j is not None and named_after[j]:
            row["indicator"] = rows[j]["indicator"]
            named_after[k] = True


def _dated_segments(sentence: str) -> list[tuple[int, int]]:
    """Spans of a schedule (three or more segments opening with a year, split at ；), else none."""
    bounds, pos = [], 0
    for part in re.split(r"(?<=[；;])", sentence):
        bounds.append((pos, pos + len(part)))
        pos += len(part)
    dated = [b for b in bounds if re.match(r"\s*(?:到|至|在)?(?:19|20)\d{2}\s*年", sentence[b[0] : b[1]])]
    return dated if len(dated) >= 3 and len(dated) == len(bounds) else []


_CONDITIONAL = re.compile(r"只要|只有|如果|假如|倘若|一旦|即使|即便|哪怕")
#: A definition: 分布式电源装置是指功率为…50MW, 本办法所称…, the numbers of a defined term.
_DEFINITION = re.compile(r"是指|系指|指的是|所称")
_RESTATED_IF = re.compile(r"(?:如果|若|假如)[^。；;]*[，,]\s*则[^，,；;。]*$")
# 对2020年前我国教育改革发展作出全面部署: the years a plan covers, not a goal due then.
_SCOPE_OF_PLAN = re.compile(r"对[^，,；;。]{0,20}(?:19|20)\d{2}\s*年[^，,；;。]{0,30}?作出[^，,；;。]{0,6}(?:部署|安排|规划)")
# 据中国信息通信研究院预计: someone else's forecast, not the document's goal.
_FORECAST = re.compile(r"据[^，,；;。]{1,24}(?:预计|预测|估计|测算)")
# 今年轻纺工业的总产值预计比去年增长12%: a report near the year's end estimates how the year turns out.
_OWN_YEAR_ESTIMATE = re.compile(
    r"(?:今年|本年|全年)[^，,；;。]{0,16}?预计(?:将|可|可以|会)?(?:比|较)(?:去年|上年)|预计(?:今年|本年|全年)[^，,；;。]{0,16}?(?:比|较)(?:去年|上年)"
    # 今年的亏损额预计达四十多亿元, 预计今年高校毕业生超过1170万人: the year's figure estimated (but 预计全年退税减税约
    # 2.5万亿元 is the plan's own reckoning, and 今年预计将达二万五千五百公里 looks ahead with 将)
    r"|(?:今年|本年)[^，,；;。]{0,16}?预计(?:可|可以|会)?(?:达到?|为|超过|有)|预计(?:今年|本年)[^，,；;。]{0,16}?(?:达到?|为|超过|有)"
)
# The gap between a value and the figure of a plan: 比五年计划原定1957年3，856亿斤的水平超过133亿斤.
_AGAINST_PLAN = re.compile(
    r"(?:比|较)[^；;。]{0,16}(?:原定|原计划|规定的|预定)[^；;。]{0,24}?(?:水平|数字|指标|数)[^；;。，,]{0,10}?"
    r"(?:还|只|仅|要)?(?:超过|超出|多出|多|少|只差|相差|差|高出|低)\s*$"
)
# …，就/便/才 (but not 就业, 就近, 人才): the consequence of a conditional.
_THEN = re.compile(
    r"[，,][^，,；;。]{0,6}?(?<![人英天奇口])(?:就|便|才)(?![业近医学读餐])"
    r"|[，,]\s*(?:一般|大体|大致)?(?:可以|能够)"  # 如果办得不坏，一般可以增产百分之十到二十左右
)
_CONSEQUENCE = re.compile(r"[^，,；;。]{0,8}?就(?:能够|能|可以|可|会|足以|是)")
# 7%左右的速度可以实现比较充分的就业: the target restated as the means to something else.
_RATE_AS_MEANS = re.compile(r"(?:左右)?的(?:增速|速度|增长速度|增长)(?:就|也)?(?:可以|能够|足以)")
# 到今年上半年有6，600个, 今年前八个月已: the report's own year so far, a figure reported.
_OWN_YEAR_SO_FAR = re.compile(
    r"(?:到|截至|截止到?)?(?:今年|本年)(?:上半年|前[一二三四五六七八九十]{1,2}个月|第?[一二三]季度|1[-—至~～](?:[2-9]|1[01])月)(?:末|底)?"
    r"(?=[，,]?\s*(?:已|有|共|累计|达到?|比|同比|[^，,；;。]{0,12}?(?:比(?:去年|上年)同期|同比)))"
)

_CAUSATIVE = ("引导", "帮助", "带动", "推动", "促进", "吸引", "组织", "动员", "扶持", "支持", "使", "让")

_LEGAL_FORWARD = ("力争", "争取", "今后", "到本世纪", "逐步达到", "逐步提高到")


def _change_before_level(
    sentence: str, q: Quantity, quantities: list[Quantity], clause_end: int, left: str, lex: TargetLexicon
) -> bool:
    """A change against an earlier year followed, in the next clause, by the level it reaches.

    Also a growth over the plan's years and its restatement (粮食增长百分之十七点六，即增产五百七十八亿斤，
    到一九五七年达到三千八百五十六亿斤): the level is the target.
    """
    growth = re.search(r"(?:增长|增加|提高)$", left.rstrip()) or re.search(r"(?:^|[，,])\s*即(?:增产|增加|增长|减少)$", left.rstrip())
    if not (_is_delta(left, lex) or growth):
        return False
    later = [p for p in quantities if p.start >= clause_end]
    if not later:
        return False
    if _is_delta(left, lex):
        nxt = later[0]
        if unit_kind(nxt.unit) == unit_kind(q.unit):
            return False
        return bool(re.fullmatch(r"[，,]\s*(?:将|计划)?(?:达到|达|增加到|提高到|增至|达于)\s*", sentence[clause_end : nxt.start]))
    # the level, after at most one restatement (即增产…), dated (到一九五七年达到…)
    for nxt in later[:2]:
        between = sentence[clause_end : nxt.start]
        if re.fullmatch(
            r"[，,]\s*(?:即[^，,；;。]{1,20}[，,]\s*)?(?:到|至)[^，,；;。]{2,8}年(?:底|末)?(?:将|要)?(?:达到|达|增加到|提高到|增至)\s*", between
        ) and unit_kind(nxt.unit) != "percent":
            return True
    return False


#: Verbs that, left alone as an indicator, name no thing (安排200亿元): the previous row's indicator is meant.
# 全员劳动生产率从人均8.7万元, 农业总产值由二千一百八十七亿元: a starting value inside an indicator.
_FROM_IN_NAME = re.compile(
    r"(?<=[\u4e00-\u9fff]{2})(?:由|从)[^，,；;。]*(?:\d|百分之|[一二三四五六七八九十两][十百千万亿]*[亿万千百十]?[元吨人亩个%])[^，,；;。]*$"
    r"|(?<=[\u4e00-\u9fff]{2})在(?:19|20)\d{2}年(?:底|末)?的?基础上$"  # 经济总量在2020年基础上(翻两番)
)
_EXAMPLE_TOPIC = re.compile(r"\s*(?:例如|比如|譬如|如)(?P<topic>[\u4e00-\u9fff]{2,10})[，,：:]")
_TOPIC_BEFORE = re.compile(r"(?:^|[，,；;：:])\s*[\u4e00-\u9fff]{2,10}[，,：:]\s*$")


def _topic(sentence: str, clause_start: int, lex: TargetLexicon) -> str:
    """What a clause with a bare verb (将生产…) is about: an example the sentence opens on, or a topic clause."""
    example = _EXAMPLE_TOPIC.match(sentence)
    if example and example.end() <= clause_start:
        return example.group("topic")
    if _TOPIC_BEFORE.search(sentence, 0, clause_start):
        return _previous_subject(sentence, clause_start, lex)
    return ""

_BARE_VERBS = ("安排", "拟安排", "投入", "筹集", "发行", "拟发行", "提供", "增加", "新增", "达到", "计划")


#: A sentence that opens on the years just past: 两年中，新建铁路铺轨一千四百多公里 (not 今后两年中).
_YEARS_GONE_BY = re.compile(r"(?:这|近|最近|过去的?)?(?:两|三|四|五|几|[一二三四五六七八九十]+)年(?:中|来|里|间)")


def _past_frame_end(sentence: str, ctx: _Context, lex: TargetLexicon) -> int:
    """Where a sentence that opens on a year gone by (从1953年到1980年的二十八年中) turns to the future (its end if never), else 0."""
    clauses = [(m.start(), m.end()) for m in re.finditer(r"[^，,；;：:。！？]+", sentence)]
    if not clauses:
        return 0
    first = sentence[clauses[0][0] : clauses[0][1]]
    _, ahead, back = _years_in(first, ctx)
    back = back or bool(_YEARS_GONE_BY.match(first.strip()) and not _has(first, lex.future))
    # (the sentence's years are already in Arabic digits: targets_in_sentence converts them first)
    span = re.search(r"从(?:\d{4})年到(?P<end>\d{4})年的[^，,]{1,4}年(?:中|里|间|来)", first)
    if span and ctx.doc_year is not None and int(span.group("end")) < ctx.doc_year:
        back = True  # 从一九六六年到一九七六年的十一年中 (in 1978): years gone by
    if not (back or _has(first, lex.past_strong)) or ahead or _has(first, lex.future_strong):
        return 0

    def current(part: str) -> bool:  # 而在一九五四年预计将近百分之三十三: this year's estimate, in the 1954 report
        years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", part)]
        return bool(re.search(r"预计|计划|预期", part)) or (
            ctx.doc_year is not None and any(y >= ctx.doc_year for y in years)
        )

    # words of level and bound (达到, 不低于) say nothing of time: 高的达到百分之五点五 still reports
    turning = tuple(w for w in lex.future if w not in lex.level + lex.at_least + lex.at_most + lex.increase + lex.decrease)
    for start, end in clauses[1:]:
        part = sentence[start:end]
        _, ahead, _ = _years_in(part, ctx)
        if ahead or _has(part, lex.future_strong) or _has(part, turning) or current(part):
            return start
    # 一九五八年上半年小学生有三百一十九万人，…，高等学校学生一万六千人: it never turns ahead
    return len(sentence) if back and not current(first) else 0


#: Words that open a clause without naming anything: 今后要继续努力使它逐年下降.
_NO_SUBJECT = re.compile(
    r"^(?:(?:今后|今年|明年|以后|此后|届时|同时|目前|现在|将来|其|这|此|合计|共计|总计|一共|总共)$|它们?|从[^，,]{1,8}到[^，,]{1,8}$"
    r"|必须|应当|应该|务必"  # 必须在努力提高质量的前提下增加数量: what must be done, not what is measured
    r"|(?:按照|根据|依据|视)[^，,]{0,10}(?:情况|条件|实际|需要)$)"  # 按照不同的情况: how, not what
)


#: The part of the year gone by: 从今年一月到九月, 今年1——5月份, 今年前三季度, 今年上半年.
_YEAR_SO_FAR = re.compile(
    r"今年(?:[一二三四五六七八九十\d]{1,2}月(?:份)?(?:到|至|—+|－|-|~)|前三季度|上半年|前[一二三四五六七八九十两\d]{1,2}个月)"
    r"|从今年[一二三四五六七八九十\d]{1,2}月(?:份)?(?:到|至)"
)

#: A clause that only says where or under what conditions (在三种不同的地区), or why (由于历年修复和
#:新建了不少铁路): it names no indicator.
_PLACE_CLAUSE = re.compile(
    r"(?:在|于)[^，,；;。：:]{0,14}(?:地区|地方|区域|方面|情况下|条件下|基础上|前提下|范围内)|(?:由于|因为|随着)[^，,；;。：:]{2,30}"
)


def _previous_subject(sentence: str, clause_start: int, lex: TargetLexicon) -> str:
    """The clause before ``clause_start`` as an indicator (今年中央财政用于教育的投入，将由…增加到…).

    A clause that names nothing (今后要继续努力使它逐年下降) passes the
    question to the clause before it.
    """
    topic = re.fullmatch(r"\s*([\u4e00-\u9fff、]{1,8})\s*[：:]\s*", sentence[:clause_start])
    if topic:
        return topic.group(1)  # 钢：从一百三十五万吨增加到四百十二万吨 (a list item named before its colon)
    before = sentence[:clause_start].rstrip("，,；;：: ")
    name = _clause_subject(before, lex)
    # a year's value that names nothing (1978年为17.4%) passes the question back, when the value asked
    # about is one to reach (这个比重，1978年为17.4%，1980年将达到29%)
    own = re.split(r"[，,；;。]", sentence[clause_start:])[0]
    ahead = bool(re.search(r"将|要|计划|力争|争取|预期|^\s*(?:到|至)[^，,]{2,8}年", own))  # (到一九五七年达到…: dated)
    while ((not name and ahead) or _NO_SUBJECT.match(name) or _PLACE_CLAUSE.fullmatch(re.split(r"[，,；;。：:]", before)[-1].strip())) and before:
        before = re.split(r"[，,；;。：:](?=[^，,；;。：:]*$)", before)[0] if re.search(r"[，,；;。：:]", before) else ""
        name = _clause_subject(before, lex) if before else ""
    name = re.sub(r"(?:在|于)?[一二三四五六七八九十两\d]{1,3}年(?:内|之内|以内|间)$", "", name)  # 棉花的亩产量在十二年内
    name = re.sub(r"^(?:这个|这一|这项|该)(?=[\u4e00-\u9fff]{2})", "", name)  # 这个比重，…1980年将达到29%
    name = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:增长|增加|提高)$", "", name)  # 粮食增长百分之十七点六，…，到…年达到…
    return "" if _NO_SUBJECT.match(name) else name


def _clause_subject(before: str, lex: TargetLexicon) -> str:
    """The last clause of ``before`` as an indicator (see :func:`_previous_subject`)."""
    prev = re.split(r"[，,；;。：:]", before)[-1] if before else ""
    counted = find_quantities(prev)
    done = re.search(r"(?:了|已|已经)[\u4e00-\u9fff]{0,4}$", prev[: counted[0].start]) if counted else None
    thing = re.match(r"[\u4e00-\u9fff]{2,12}$", prev[counted[-1].end :]) if counted else None
    if done and thing:
        return _shorten(thing.group())  # 国家已经组织了57户企业集团试点，今年要扩大到120户: the thing counted
    if counted:
        # 农业总产值平均每年递增的速度是百分之三点四，……要求每年递增百分之四到五
        prev = _strip_tail_verbs(prev[: counted[0].start], lex)[0]
        prev = re.split(r"的(?:速度|幅度|比例|水平)", prev)[0]
    prev = _strip_lead(prev, lex).strip()
    if re.sub(r"^[再新又还]", "", prev) in lex.object_verbs + lex.build or _only_function_words(prev):
        return ""  # 再培育, 都是: they name no thing
    opening = next((w for w in sorted(lex.object_verbs + lex.increase + lex.decrease, key=len, reverse=True) if prev.startswith(w)), "")
    if opening and len(prev) - len(opening) >= 2:
        prev = prev[len(opening) :]  # 扩大人工草场面积 -> 人工草场面积
    # 今年经济增长速度的宏观调控目标 -> 经济增长速度; 物价上涨幅度比去年有明显回落 -> 物价上涨幅度
    prev = re.sub(r"^(?:计划|要|拟|准备|争取|力争)?(?:将|把)(?=[\u4e00-\u9fff]{2})", "", prev)  # 计划将招生人数由…
    prev = re.split(r"(?<=[\u4e00-\u9fff]{2})(?<![自理经缘事])由(?![于此])", prev)[0]  # 招生人数由一九八二年的…
    prev = re.split(r"(?<=[\u4e00-\u9fff]{2})(?:在|于)(?=今年|去年|明年|[一二三四五六七八九十\d]{1,2}月)", prev)[0]  # 合作社在今年八月已经…
    prev = re.split(r"比(?![重例率])|较|(?<![没具拥所含享持占现原固特共])有(?!效|序|关)|要|将|的?(?:宏观调控|预期|主要|发展|调控)?(?:目标|任务|要求)", prev)[0]
    prev = _TRAILING.sub("", prev)
    if _NO_SUBJECT.match(prev):
        return prev
    return _shorten(prev) if len(prev) >= 2 and not re.search(r"\d", prev) else ""


def _segment_start(sentence: str, pos: int) -> int:
    i = max(sentence.rfind("；", 0, pos), sentence.rfind(";", 0, pos))
    return i + 1


def _segment_end(sentence: str, pos: int) -> int:
    ends = [i for i in (sentence.find("；", pos), sentence.find(";", pos)) if i >= 0]
    return min(ends, default=len(sentence))


#: Who pays, when a sum is named by its payer and verb (中央财政安排, 各级政府投入, 市财政每年出资).
_PAYER = re.compile(r"(?:各级|中央|地方|省级|市级|县级|省|市|县|区)?(?:政府|财政)(?:每年)?")
#: The verbs of paying a sum, after which the payer names it (中央财政安排, 市财政每年出资).
_PAY_VERBS = ("投入", "安排", "筹集", "拨付", "出资")
#: Who gives money, and how often, before the sum (市财政每年安排, 由市财政每年出资).
_FUNDS_FOR = re.compile(rf"(?:财政|政府)[^，,；;。]{{0,4}}?(?:每年|连续[一二三两四五]年)?(?:{'|'.join(_PAY_VERBS)})\s*$")
#: A clause that is a thing and its change, nothing else (上缴国家的利润增长): it takes the time of the one before.
_BARE_CHANGE_CLAUSE = re.compile(r"\s*[\u4e00-\u9fff]{2,16}?(?:增长|增加|提高|下降|减少|降低)了?\s*")
#: A modal or plan word that gives a clause a time of its own.
_MODAL_OR_PLAN = re.compile(r"要|将|力争|争取|确保|计划|预期|预计|拟|必须|应当|务必")


#: A clause that opens on a share (占本年收入的, 约占支出总数的), with nothing named before it.
_SHARE_CLAUSE = re.compile(r"\s*(?:约|将|要|可)?(?:占|佔)(?:到)?[^，,；;。\d]{0,24}?\s*")


def _share_after_amount(sentence: str, q: Quantity, earlier: list[Quantity], segment: int, clause_start: int, left: str) -> bool:
    """Whether ``q`` is the share of the total that an amount in the clause just before makes up.

    1956年债款收入为742,241,000元，占本年收入的2.50%; 其他为四亿六千万元，占百分之一点一: the amount is the
    planned value and the share is derived from it, as a change against last year that follows a level is.
    A share named on its own (研发经费投入占国内生产总值比重达到2.5%) or given a bound (财政赤字9500亿元，占国内
    生产总值比重在3%以内) is a target of its own.
    """
    if unit_kind(q.unit) != "percent" or q.approx or not earlier or not _SHARE_CLAUSE.fullmatch(left):
        return False  # (占国内生产总值比重在3%以内: a bound set on the share is a target of its own)
    if re.search(r"超过|达到|不低于|不少于|不高于|不超过|高于|低于|提高|降低|增加|减少|力争|争取", left):
        return False  # 占GDP比重超过50%: a bound
    before = earlier[-1]
    return (
        before.start >= segment
        and unit_kind(before.unit) not in ("percent", "")
        and bool(re.fullmatch(r"\s*[，,]\s*", sentence[before.end : clause_start]))
    )


def _not_a_value(
    sentence: str, clause_start: int, clause_end: int, q: Quantity, quantities: list[Quantity], lex: TargetLexicon
) -> bool:
    """Numbers that are conditions, counts of context, dates or words, not target values."""
    left = sentence[clause_start : q.start]
    bare_left = left.rstrip()
    for w in ("约", "近", "超过", "达", "共", "总计"):
        if bare_left.endswith(w):
            bare_left = bare_left[: -len(w)]
    if _is_year_span(sentence, q):
        return True
    if re.search(r"\d[\u4e00-\u9fff%]{0,3}\s*[（(]$", left) and re.match(r"\s*[）)]", sentence[q.end :]):
        return True  # 5亿元（3000万美元）: the same amount in another unit
    note = re.match(r"[（(][^（）()]{1,20}[）)](?=以上|以下)", sentence[q.end :])
    if note and q.unit and unit_kind(q.unit) in ("money", "people", "area", "weight", "energy") and re.match(
        r"(?:以上|以下)[\u4e00-\u9fff]", sentence[q.end + note.end() : q.end + note.end() + 3]
    ) and any(p is not q and p.start > q.end + note.end() and p.start < clause_end for p in quantities):
        return True  # 新签约5亿元（3000万美元）以上项目60个: a threshold, its note between
    if any(n in sentence[max(0, q.start - 8) : q.end + 8] and _covers(sentence, q, n) for n in lex.names):
        return True  # 四个现代化, 两个维护: a slogan or a name, not a count
    if q.unit == "条" and left.rstrip().endswith(("新", "新政")):
        return True  # 鼓励引导民间投资新36条: a policy known by its number of articles
    if (
        q.approx in ("以上", "以下")
        and q.raw.endswith(q.approx)
        and unit_kind(q.unit) in ("money", "people", "area", "weight", "energy", "volume")
        and re.match(r"[\u4e00-\u9fff](?<!的)", sentence[q.end : q.end + 1])
        and any(p is not q and clause_start <= p.start < clause_end for p in quantities)
    ):
        return True  # 千万元以上重点项目200个, 超230个50户以上木质房屋连片村寨: a threshold that picks a class (ages: below)
    if unit_kind(q.unit) == "money" and re.fullmatch(r"\s*每[家个户所项](?:企业|单位|项目|机构|学校)?\s*", left):
        return True  # 每家企业30万元: a sum paid per unit, a subsidy
    if re.search(r"(?:将|把)[^，,；;。将把]{0,30}$", left) and re.match(r"[^，,；;。]{0,30}?作为", sentence[q.end : clause_end]):
        return True  # 将新认定的11家省级重点龙头企业所在县市区作为实施区域: what a rule designates, counted
    if not q.unit and re.fullmatch(r"(?:[\d.]*[万千百]?亿|万亿|千亿|百亿)级?", q.raw) and "级" in sentence[q.end - 1 : q.end + 1] and re.search(r"\d\s*个$", left):
        return True  # 形成1个千亿级、3个300亿级产业集群: the class of the clusters counted
    if q.raw.endswith("级") and (
        re.search(r"在\s*$", left) or re.match(r"\s*、\s*(?:\d+(?:\.\d+)?)?(?:万亿|千亿|百亿|亿)级", sentence[q.end :])
    ):
        return True  # 力争在50亿级、百亿级制造业项目上实现突破: classes of projects, not a value
    if re.search(r"分解(?:成|为)$", left.rstrip()):
        return True  # 将全年的目标任务分解成50项具体工作任务: how a plan is divided, not an aim
    if re.search(r"在[^，,；;。在]{0,20}$", left) and re.match(r"[^，,；;。]{0,24}?的?基础上", sentence[q.end : clause_end]):
        return True  # 在优化提升44个市级工业园区的基础上: where a task starts from, not what it aims at
    if unit_kind(q.unit) == "count" and re.search(r"下设$", left.rstrip()):
        return True  # …等5大类工程，下设15个子项目: how a programme is built up
    if (q.unit in ("次", "届") and re.search(r"第[^，,；;。第]{0,8}届$", left.rstrip())) or (
        q.unit == "次" and re.match(r"(?:常务|全体|主任)?(?:会议|会)", sentence[q.end : q.end + 4])
        and re.search(r"届$", left.rstrip())
    ):
        return True  # 市人民政府第十八届71次常务会议: which meeting, not how many
    if unit_kind(q.unit) == "time" or (q.unit == "个" and re.match(r"(?:自然|工作)日", sentence[q.end : q.end + 3])):
        if re.search(r"(?:征求意见|公示|公告)(?:时间|期|期限)?(?:为|是)?$", left.rstrip()):
            return True  # 征求意见时间为30个自然日: the time a draft is open for comment
    if q.unit == "倍" and re.match(r"\s*[，,]\s*(?:达到|达|增加到|提高到|突破)", sentence[q.end :]):
        return True  # 比重增加一倍，达到1.2%: the doubling goes with the level it reaches
    if q.unit == "件" and re.match(r"[^，,；;。]{0,8}?实事", sentence[q.end : clause_end]):
        return True  # 办好10件实事, 25件民生实事: the count of a programme, its items follow
    if unit_kind(q.unit) == "count" and re.fullmatch(r"\s*(?:今年|全年|年内)?(?:全[省市县区州])?\s*", left) and any(
        p.start > q.end and p.start < clause_end
        and re.fullmatch(r"[\u4e00-\u9fff“”（）()]{2,24}?(?:实现|达到|达|完成|超过)[\u4e00-\u9fff“”]{0,10}", sentence[q.end : p.start].strip())
        for p in quantities
    ):
        return True  # 全市6个现代农业产业园实现综合产值268亿元以上: the count names who reaches the value
    if q.unit in ("项", "个") and re.fullmatch(r"(?:主要|重点|约束性|预期性|各项)?(?:目标任务|目标|指标)", sentence[q.end : clause_end].strip()):
        if re.search(r"完成", left):
            return True  # 圆满完成…89项主要目标任务: the count of goals met, not a goal's value
    if re.match(r"一对[一多]", sentence[q.start : q.start + 3]):
        return True  # 一对一, 一对多: a kind of link, not a count
    if q.unit in ("名", "家", "位") and left.rstrip().endswith("前") and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]) and not re.match(
        r"的|以内|之内", sentence[q.end : q.end + 2]
    ):
        return True  # 自然指数前100名高校, 前1000家民营企业中: a rank that picks a class
    if unit_kind(q.unit) not in ("count", "people", "percent", "") and re.match(
        r"(?:[^，,；;。]{0,40}?等|的[\u4e00-\u9fff]{0,10}?|[\u4e00-\u9fff]{0,6}?)项目", sentence[q.end : clause_end]
    ):
        return True  # 天骄清美9000吨抛光材料等项目, 总投资7.58亿元的县医院迁建项目: the size of a project named
    if q.unit in ("岁", "周岁") and re.match(r"(?:以上|以下)?(?!的|左右|以内)[\u4e00-\u9fff]", sentence[q.end : q.end + 3]):
        return True  # 16—24周岁青年, 60周岁以上老年人口: an age band that picks people
    if q.unit in ("岁", "周岁") and q.upper is not None and re.search(r"年龄(?:为|在|是)?\s*$", left):
        return True  # (享受培训补助的对象)年龄为18-55周岁: who may take part, not an aim
    if q.unit in ("伏", "千伏", "kV") and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]):
        return True  # ±800千伏特高压直流, 500千伏送出工程: a line's rating names it
    if q.unit in ("分钟", "小时") and re.match(r"[\u4e00-\u9fff]{0,6}圈", sentence[q.end : q.end + 8]):
        return True  # 15分钟社区养老服务圈, 1小时通勤圈: a reach that names a kind of area
    if unit_kind(q.unit) == "percent" and re.search(r"完成了?[^，,；;。]{0,10}?(?:计划|规划|目标|任务)[^，,；;。]{0,14}的\s*$", left):
        return True  # 完成年计划710亿元的89.4%: how much of a plan was done, a review's figure
    if q.unit == "类" and re.match(r"(?:及)?(?:以上|以下|以内)?的?(?:水质|水体|断面|地表水)", sentence[q.end : q.end + 8]):
        return True  # 断面三类以上水质比例达85.7%: the class names what is counted, the share is the value
    if q.unit in ("项", "件") and re.search(r"[\d一二三四五六七八九十]+个?方面\s*$", left):
        return True  # 安排十方面32项(民生实事): how a list is divided, not an aim
    if q.unit in ("项", "个") and re.match(r"(?:主要|经济)?指标(?:都|均|分别)?(?:年均|平均每年)?(?:增长|增加|提高|下降|降低|达到|超过|突破)", sentence[q.end : q.end + 12]):
        return True  # 力争两项指标年均增长20%以上: the indicators counted, then the value they reach
    if q.unit == "小时" and q.value == 24 and re.match(
        r"[\u4e00-\u9fff]{0,6}?(?:书房|书店|书吧|图书馆|驿站|服务站|服务点|便利店|药店|药房|自助|服务中心|服务厅)", sentence[q.end : q.end + 10]
    ):
        return True  # 24小时智慧书房(书店)实现全覆盖: opening hours that name a kind of place
    if q.unit == "期" and re.fullmatch(r"[一二三四五六七八九]期", q.raw) and (
        re.search(r"(?:号线|线|路|港|站|场|厂|园|区|大道|街|桥|馆|院|城|中心|基地|小区|机场|码头|隧道|[A-Za-z\d])$", left.rstrip())
        or re.match(r"(?:扩建|改扩建|工程|项目)", sentence[q.end : q.end + 3])
    ):
        return True  # 10号线二期, 机场三期扩建工程: a project's phase is part of its name
    bare_magnitude = re.match(r"[百千万亿](?!分之)", q.raw) and unit_kind(q.unit) not in ("count", "people")
    if bare_magnitude and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]):
        return True  # 千亿斤粮食生产能力建设, 百万吨级: a magnitude with no coefficient names a class
    if re.match(r"(?:中国人|各族人民|人民|群众|人口)的", sentence[q.end : q.end + 5]):
        return True  # 解决13亿中国人的吃饭问题: the people a task serves
    if not q.unit and "亿" in q.raw:
        after = sentence[q.end : q.end + 5]
        if re.match(r"(?:农民|职工|工人|居民|劳动者|劳动力|青少年|儿童|学生)的", after) or (
            re.match(r"人口|劳动力", after) and re.search(r"有[^，,；;。]{0,12}$", left)
        ):
            return True  # 发挥八亿农民的积极性, 我国有13亿人口、9亿劳动力资源: a whole population, counted in 亿
    if re.match(r"千千万万|成千上万|万万千千", q.raw):
        return True  # 千千万万个市场细胞: a figure of speech
    if left.rstrip().endswith(("每", "一式")) or sentence[q.end - 1 : q.end + 1] == "倍于" or sentence[q.end : q.end + 2] == "倍于":
        return True  # 每50公斤 (a denominator), 一式2份, 3倍于拟立项数量: not values aimed at
    if re.search(r"(?:时速|速度|载重|功率|排量|容量)$", left.rstrip()) and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]) and not re.match(
        r"以上|以下|以内|左右", sentence[q.end : q.end + 2]
    ):
        return True  # 时速600公里高速磁悬浮列车: a specification in a name
    if q.unit == "岁" and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]) and not re.match(r"左右", sentence[q.end : q.end + 2]):
        return True  # 招收2至3岁幼儿, 60岁以上老年人: an age that picks people
    if re.search(r"(?:^|[，,；;。])以[^，,；;。以]{0,30}$", sentence[: q.start]) and _MEANS.match(sentence, q.end):
        return True  # 以8个国家算力枢纽、10个国家数据中心集群为抓手: the means named, not a goal
    before = sentence[: q.start]
    if re.match(r"\s*(?:这将|这样将?|从而|由此)(?:使|让)", left) or re.search(r"(?:可|可以|能|能够)使[^，,；;。]{0,12}$", left):
        return True  # 这将使农村1.5亿中小学生的家庭普遍减轻经济负担: what follows from a measure
    if re.match(r"\s*(?:人民|人口|各族人民|群众)", sentence[q.end : q.end + 4]) and re.fullmatch(
        r"\s*(?:我国|全国|中国|全省|全市|全县)?(?:近|约|有|共有)?\s*", left
    ):
        return True  # 我国十亿人民将坚决站在…: the people of a country, not a goal
    if re.search(r"(?:^|[，,；;。])\s*由于[^，,；;。]*$", before):
        return True  # 由于全国五亿多农民增产积极性空前高涨: a cause, not an aim
    if re.search(r"(?:^|[，,；;。])\s*(?:这样)?(?:就)?(?:可以|可|能够|能)(?:少用|节约|节省|少烧|腾出)[^，,；;。]*$", before):
        return True  # …提高到45%，可以少用标准煤600万吨: what a planned change saves, not a goal
    if re.search(r"[，,]\s*即(?:增长|提高|增加|下降|减少|降低|上升)[^，,；;。]{0,4}$", before) and any(p.end <= q.start for p in quantities):
        return True  # 由44%提高到45%，即提高1%: the change said again
    if re.search(r"(?:我国|全国|全省|全市|目前|现在|现)(?:共|还|仍|已)?有$", left.rstrip()) or (
        unit_kind(q.unit) == "people" and re.fullmatch(r"\s*(?:我国|全国|全省|全市)(?:近|约|超过|共)?", left)
    ):
        return True  # 我国有2.9亿在校学生, 全国近3亿人领取养老金: what the country has
    if re.search(r"已(?:经)?[\u4e00-\u9fff]{0,3}(?:近|约|超过)?$", bare_left):
        return True  # 今年已过去近5个月: done, not aimed at
    if re.match(r"\s*的?政策", sentence[q.end : q.end + 4]):
        return True  # 降低工商业电价5%政策延长到今年年底: the number names a policy
    if unit_kind(q.unit) == "people" and re.search(r"毕业生(?:将|预计)?(?:达到?|高达|约|近|有|超过)?$", left.rstrip()):
        return True  # 今年高校毕业生820多万人: the size of a cohort, not a goal
    if re.search(r"(?:上述|前述|上列|前款所列)[^，,；;。]{0,4}$", left):
        return True  # 上述2万亿元: a number said before, not a new target
    right = sentence[q.end : clause_end]
    if re.match(r"[^，,；;。]{0,8}?(?:罚款|罚金)", right) or re.search(r"(?:(?:并处|处以|罚款)[^，,；;。]{0,4}|(?<![办事务络理住到各好益之])处)$", left):
        return True  # 并处一万元以上五万元以下的罚款: a penalty, not a goal (but 日处理能力1500万立方米)
    if q.unit in _DURATION_UNITS and (q.approx in ("内", "以内", "之内") or re.match(r"\s*(?:内|以内|之内)", sentence[q.end : q.end + 3])) and not (
        # (到2025年，开办企业0.5个工作日内完成; 压缩至3个工作日以内: a reform's goal for how long a procedure takes)
        re.search(r"(?:压缩|缩短|减少|降低|控制)(?:到|至|在)?\s*$", left) or _has(sentence, lex.future_strong)
        or re.search(r"(?:到|至)(?:19|20)\d{2}年", sentence)
    ):
        return True  # 24小时内, 5个工作日内: a deadline of a procedure
    if re.search(r"(?:暂停|停止|吊销|禁止|不得)[^，,；;。]{0,30}$", left) and q.unit in _DURATION_UNITS:
        return True  # 暂停其道路测试36个月: a sanction
    if q.unit in _DURATION_UNITS and re.search(r"(?:保存|留存|保留|存储)[^，,；;。]{0,4}$", left):
        return True  # 计费原始数据至少保存5个月: how long records are kept, a norm
    if re.search(r"可(?:以)?按照?[^，,；;。]{0,6}$", left):
        return True  # 可按照不低于50%的比例用于奖励性绩效工资分配: what may be done, not a goal
    # 不低于工资总量的70%, 节约总投资额的百分之七: a share of a base, not part of a noun phrase
    share_of = q.unit in ("%", "‰") and bool(
        re.search(r"(?:不低于|不少于|不高于|不超过|达到|占|超过|高于|低于|(?:节约|节省|压减|削减|减少|降低)(?![到至]))[^，,；;。]{1,16}的$", bare_left)
    )
    # 总产值将等于一九四九年的四点二倍: a level written as a multiple of an earlier year's.
    share_of = share_of or (q.unit == "倍" and bool(re.search(r"(?:等于|相当于|达到)[^，,；;。]{1,16}的$", bare_left)))
    in_phrase = bare_left.endswith("的") and not bare_left.endswith("在内的") and not share_of
    if in_phrase and not _bounded_before(left, lex) and not _has(left, lex.object_verbs + lex.build):
        return True  # 使符合减税政策的约8000万纳税人: part of a noun phrase (but 不低于工资总量的70% is a share)
    # 开垦荒地的投资是二亿三千五百万元: 是 after a measured noun states its level
    # (属于基本建设投资的是四百二十七亿四千万元, too)
    level_is = re.search(r"(?:投资|总额|规模|支出|收入|产量|产值|指标|目标|预算|总量)(?:额|数)?的?(?:将|为|也)?是$", left.rstrip())
    # 电站有一百个，其中火力电站是七十六个，水电站是二十四个: the parts of a count, each stated with 是
    level_is = level_is or (
        unit_kind(q.unit) == "count" and "其中" in sentence[: q.start] and re.search(r"(?:^|其中)[\u4e00-\u9fff]{1,8}是$", left.strip())
    )
    # 将2.8万亿元中央财政资金纳入直达机制: 将 holds the thing a plan puts somewhere, not context
    put = left.rstrip().endswith(("将", "把")) and re.match(r"[^，,；;。]{2,14}?(?:纳入|用于|投向|投入|列入)", sentence[q.end : clause_end])
    worked = _worked_on(sentence, q, left, clause_end)
    if any(left.rstrip().endswith(w) for w in lex.context_before) and not level_is and not put and not worked:
        # …伦理等20项以上重点标准的预研工作: what a goal makes, counted after 等
        built = left.rstrip().endswith("等") and unit_kind(q.unit) == "count" and (
            _has(left, lex.build + ("完成", "制定", "研制", "制修订", "发布"))
            # 加快…和…等4条城际铁路建设: the deed follows what it counts
            or bool(re.match(r"(?!(?:重点|重大)?(?:任务|工作|工程|方面|举措|行动))[^，,；;。]{1,12}?(?:建设|改造|建成|开工|投产)\s*$",
                             sentence[q.end : clause_end]))  # fmt: skip
            # 考核指标：…在…采购、销售、质量等三类以上管理软件领域开展应用验证: a bounded count a call asks for
            or (bool(_INDICATOR_LIST.match(sentence)) and q.approx in lex.at_least and q.approx in q.raw)
            # 拆除北龙口、天水路等5个现有收费站: a clause that opens on a deed counts what the deed works on
            or (bool(_OPENS_ON_DEED.match(left)) and q.unit not in ("类", "方面"))
        )
        if not built or _CONTEXT_SCOPE.search(left):
            return True  # 围绕37条产业链, 从75%提高到100%, 等5类人群 (but 建设浪潮等9个二级节点)
    spec = (q.upper is not None or q.unit in ("Hz", "MHz", "GHz")) and unit_kind(q.unit) == "tech"
    if spec and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]) and not re.match(
        r"以上|以下|以内|左右|之内|的", sentence[q.end : q.end + 2]
    ):
        return True  # 5905-5925MHz频段, 28nm工艺: a name, not a value
    # (地方预算收入（扣除中央补助的部分）为…: a note in brackets grants nothing)
    if (unit_kind(q.unit) == "money" and re.search(r"(?:给予|奖励|补助|补贴|资助|扶持|奖补)(?!标准|资金|经费|水平)[^，,；;。]{0,12}$", re.sub(r"[（(][^（()）]*[）)]", "", left))
            and not _FROM_VALUE.search(left.rstrip()[-3:])
            # (中央财政扶持中小企业发展专项资金安排106亿元: the fund is named, and given an amount)
            and not re.search(r"(?:资金|经费|基金)(?:安排|投入)$", left.rstrip())):  # fmt: skip
        return True  # 给予一等奖30万元: an award, not a goal (but 财政补助由每人每年380元提高到420元 is raised)
    if re.search(r"按照?[^，,；;。]{0,20}$", left) and re.match(r"[^，,；;。]{0,3}?的?标准", sentence[q.end : clause_end]):
        return True  # 按照每个正式员工不超过10平方米的标准，给予…补贴: the measure of a rule
    if unit_kind(q.unit) == "money" and re.search(r"(?:补助|补贴|奖补|奖励|资助)资金[^，,；;。]{0,6}?(?:最高|不超过|不高于)+$", left.rstrip()):
        return True  # 市级补助资金每年不超过1000万元: the cap of a grant
    if re.match(r"\s*(?:原定|原计划)", left):
        return True  # 原定…增加灌溉面积九千二百多万亩，但是…已经完成: the plan as it stood, not a goal now
    if (unit_kind(q.unit) == "money" and re.search(r"(?:单个|每个|每项|每家|单项|单家)[\u4e00-\u9fff]{0,6}?(?:最高|不超过|不高于|上限为?)+$", left.rstrip())
            and re.search(r"补助|补贴|奖励|资助|奖补|支持", sentence[: q.start])):  # fmt: skip
        return True  # …给予补助，单个项目不超过1000万元: the cap of a grant
    if re.match(r"[^，,；;。]{0,3}?(?:提供(?:财政|资金)?)?(?:给予|补助|奖励|补贴|资助|扶持|奖补|征收|减免|扣除|计算|计征)(?!项目|对象|类别|资金|的项目)", sentence[q.end : clause_end]) and not _has(
        left, ("目标", "预期")
    ):
        return True  # 按10%给予后补助: a policy instrument, not a goal
    if left.endswith("了") and not re.search(
        rf"(?:{_PLAN_NAME}|第[一二三四五六七八九十]+个五年计划)(?:草案)?(?:在[^，,；;。]{{1,8}})?(?:安排|规定|确定)了$", left
    ):
        return True  # 部署了9个方面: done, not aimed at (but 第六个五年计划在这方面安排了…: the plan's content, dated by it)
    if _FROM_VALUE.match(sentence, q.end):
        return True  # 由每人每年240元提高到280元: the starting point
    if re.search(r"推荐|申报|报送|(?<!依)申请(?![/／、或和]?(?:获得|授权)?(?:发明专利|专利|软件著作权))|不宜", left):
        return True  # 推荐项目不超过10个: a procedural quota
    if re.search(r"(?:不超过|不多于|最多|限)$", left.rstrip()) and re.search(
        r"推荐|申报|报送|参与申请|每(?:个|项|家|所)[^，,；;。]{0,12}项目|资助项目|资助数量|项目下设|课题数|参加单位|参与单位|承担单位",
        sentence[_segment_start(sentence, q.start) : q.start],
    ):
        return True  # 推荐典型案例不超过25个，计划单列市不超过10个; 每个原创项目的合作研究单位数合计不超过2个
    if q.unit == "" and re.match(r"[\u4e00-\u9fff]{2,10}?的?(?:待遇|工资|收入|生活|条件|福利|负担)(?![\u4e00-\u9fff]{0,2}\d)", sentence[q.end : q.end + 14]):
        return True  # 提高1200万中小学教师待遇: the people whose pay a measure raises, counted
    if (q.unit in ("%", "‰") and re.search(r"(?:计划完成|完成(?:了)?(?:年度|全年|年|原定)?计划的)$", left.rstrip())
            and not re.search(r"要|力争|确保|争取|必须|应", left)):  # fmt: skip
        return True  # 今年1——5月份铁道货运量计划完成105%: how far a plan was fulfilled, not a goal
    if re.search(r"有(?:的|些)?人(?:认为|说|主张|断言)", sentence[: q.start]):
        return True  # 有人认为肃反的偏差竟达到90%以上，这是完全没有根据的: someone's claim, not a goal
    if re.search(r"(?:仍然|依然|仍)(?:占|是|有|为)[^，,；;。]{0,20}$", left) and not _has(sentence[clause_start:clause_end], lex.future_strong):
        return True  # 它们拥有的核武器仍然占全世界核武器的90%以上: a state of things, not a goal
    if re.match(r"(?:左右|以上)?的(?:预期|预定|既定|计划)?目标", sentence[q.end : q.end + 8]) and re.search(
        r"(?:低于|高于|超过|超出|好于|完成了|实现了|达到了)[^，,；;。]{0,4}$", left
    ):
        return True  # 增长11.3%，低于13%左右的预期目标: a target named to judge an outcome
    so_far = _YEAR_SO_FAR.search(sentence, 0, q.start)
    if so_far and not _has(sentence[so_far.end() : clause_end], lex.future_strong + ("要",)):
        return True  # 从今年一月到九月共有十三万六千零二十四件: the year so far, reported
    if re.fullmatch(r"\s*有", left) and not _has(sentence, lex.future_strong) and not re.search(r"(?:到|至)\s*(?:19|20)\d{2}|力争|争取|目标", sentence):
        return True  # 各级国家机关中，有一百万以上的干部下放到农村: what there is, counted
    if re.search(r"(?:^|[，,；;：:])\s*(?:在|于)$", sentence[: q.start]) and _PLACE_CLAUSE.fullmatch(sentence[clause_start:clause_end].strip()):
        return True  # 在三种不同的地区，分别达到…: the places a goal is set for, counted
    if re.search(r"[（(]含$", left.rstrip()):
        return True  # 不低于50万元(含50万元): the bound said again
    if re.search(r"[\dA-Za-z%]\s*[（(][^）)]{0,4}$", left) and re.match(r"[^（(）)]{0,12}[）)]", sentence[q.end : q.end + 14]):
        return True  # 128TFLOPS（16位浮点）: a note on the value before, not a value of its own
    if re.search(r"给予[^，,；;。]{0,12}$", left) and re.search(r"补助|补贴|奖励|资助|奖补", sentence[q.end : q.end + 40]):
        return True  # 给予不超过实际投资额5%…的风险补助: the rate of a grant
    if re.search(r"(?:例如|比如|譬如)", left):
        return True  # 例如将其透明度设为90%: an example, not an aim
    if _FORECAST.search(sentence, 0, q.start):
        return True  # 据中国信息通信研究院预计，到2020年…将达到64亿部: someone else's forecast
    if _OWN_YEAR_ESTIMATE.search(sentence, clause_start, q.start):
        return True  # 社会商品零售额今年预计将比去年增长9%: the year's outcome estimated, not a goal set
    if q.approx in ("以上", "以下") and _CONDITION_NOUN.search(left) and re.match(r"[\u4e00-\u9fff]", sentence[q.end : q.end + 1]):
        return True  # 投资500万元以上重点技改项目: a threshold that picks the projects
    later_in_clause = any(p.start >= q.end and p.start < clause_end for p in quantities)
    if q.approx in ("以上", "以下") and unit_kind(q.unit) == "money" and later_in_clause and re.match(r"[\u4e00-\u9fff]", right[:1]):
        return True  # 1亿元以上规上工业企业研发机构覆盖率达到70%: a threshold that picks the firms
    # (对外援助, 对外贸易: a noun of foreign dealings, not 对 that picks what a rule applies to)
    if re.match(r"\s*(?:对(?!实现|完成|达到|外(?:援助|贸易|投资|开放|经济|承包|交流|合作|出口|工程))|凡|符合)", left) and not re.search(
        rf"(?:增长|增加|提高|下降|降低|减少|压减)(?:到|至)?\s*$|{_MODAL_VERB}", left
    ) and not (
        # 到2025年，对外出口额达到500亿元: a level of what goes to it (but 对年纳税额达到200万元以上…的企业 picks them)
        re.search(r"(?:额|量|规模)(?:达到|突破)\s*$", left) and not q.approx and "的" not in sentence[q.end : clause_end]
    ) and not worked:  # (对拖欠企业的款项年底前要清偿一半以上: what is to be done with it)
        return True  # 对小微企业年应纳税所得额100万元至300万元部分: a condition (but 对地方转移支付增长9.5%)
    items = re.search(r"(?:(?:(?!等)[\u4e00-\u9fff“”\"]){2,12}、)+(?:(?!等)[\u4e00-\u9fff“”\"]){2,12}$", left)
    if items and items.group().endswith(lex.build):
        items = None  # 在A、B领域建设2—3家: the list is a place, the count a target
    if items and unit_kind(q.unit) == "count" and len(re.split(r"、|(?<=[\u4e00-\u9fff])和", items.group())) == q.value:
        # (改扩建马冲、孟桥川、冯营3座水厂: the first item opens on the deed, and the count is its object)
        first_item = left[: items.start()] + items.group().split("、", 1)[0]
        if not re.search("(?:" + "|".join(lex.build) + r")[\u4e00-\u9fff]{0,6}$", left[: items.start()]) and not _OPENS_ON_DEED.match(first_item):
            return True  # 统筹科学与工程研究、技术创新与成果转化、基础支撑与条件保障三类平台: the list counted
    if unit_kind(q.unit) == "count" and (_DOCUMENT_PARTS.match(sentence[q.end : q.end + 8])
                                          or (q.unit == "条" and re.search(r"(?:部分|章)\s*$", left))):  # fmt: skip
        return True  # 提出了4类共25项指标, 明确了3方面11项重点任务: parts of the document counted
    unnoted = _BRACKET_NOTE.sub("", left)  # 普通中学（包括高中和初中）新招生: the note says what is counted
    scope = _CONTEXT_SCOPE.search(unnoted)
    # (新增面向社会开放的停车场所500处: the scope qualifies what a deed that opens the clause makes)
    if scope and not _has(unnoted[scope.end() :], lex.increase + lex.decrease + lex.build + lex.object_verbs) and not _OPENS_ON_DEED.match(unnoted):
        return True  # 围绕37条产业链和40个产业集群
    solved = unit_kind(q.unit) == "people" and bare_left.endswith("解决") and re.match(r"的[\u4e00-\u9fff]{1,8}(?:问题|困难)", sentence[q.end : clause_end])
    # 推出能效比超过1TFLOPS/w的芯片: the specification of a product to make, not a condition that picks one
    spec_to_make = unit_kind(q.unit) == "tech" and bool(re.search(r"(?:推出|研制|研发|开发|攻克|突破)[^，,；;。]*(?:超过|高于|优于)$", left.rstrip()))
    own_clause = sentence[clause_start : q.start].lstrip()
    in_force = re.search(r"(?:落实|执行|实施)好?[^，,；;。]*?等[^，,；;。]{0,10}(?:政策|措施|规定)", sentence[clause_start:clause_end])
    if in_force and in_force.start() + clause_start < q.start and q.end <= in_force.end() + clause_start:
        return True  # 落实好小规模纳税人增值税起征点从3万元提高到10万元等税收优惠政策: a measure in force, named
    if re.search(r"(?:法|技术|工艺|设备|装置)(?:可以|可|能够|能)(?:节约|节省|提高|降低|减少|增加)[\u4e00-\u9fff]{0,6}$", own_clause):
        return True  # 水泥生产的窑外分解法可以节约能源三分之一以上: what a method can do, not a goal
    if re.search(r"可以用[^，,；;。]*$", own_clause) and re.match(r"[^；;。]{0,20}?[，,]?\s*(?:去|来)(?:办|做|完成)", sentence[q.end :]):
        return True  # 现在就可以用六十元…去办过去要用一百元钱才能办好的事情: what money now buys, not a goal
    # the clauses of this part of the sentence (since ；or its start) up to this one
    before_here = re.split(r"[，,：:]", re.split(r"[；;。]", sentence[:clause_start])[-1].rstrip("，, "))
    foreign = [i for i, c in enumerate(before_here) if _FOREIGN_SUBJECT.match(c.lstrip())]
    ours = r"我国|我们|全国|我省|我市"
    if _FOREIGN_SUBJECT.match(own_clause) or (
        foreign and not any(re.search(ours, c) for c in before_here[foreign[-1] + 1 :]) and not re.search(ours, own_clause)
    ):
        # 但苏联在第一个五年计划中，工业部门的非生产性投资只占…14.5%; 而苏联的第一个五年计划，…占百分之八十五点九，
        # …占百分之十四点一: another country's figures
        return True
    if unit_kind(q.unit) == "count" and re.search(r"(?:^|[，,])\s*在$", sentence[clause_start : q.start]) and re.match(
        r"[^，,；;。]{0,14}中[，,]", sentence[q.end :]
    ):
        return True  # 在三十二种主要工业产品中，…: the set the clause speaks of
    if unit_kind(q.unit) == "count" and re.match(r"[\u4e00-\u9fff“”]{0,10}[：:]", sentence[q.end :]):
        return True  # 实现五项基本功能：…, 抓好三个方面：…: a count that announces the list after it
    if re.search(r"(?:共有|有|总)人口$", left.rstrip()):
        return True  # 西藏…共有人口一百二十万: how many live there, not a goal
    if unit_kind(q.unit) == "count" and re.search(r"(?:这|那|此|上述|以上)$", left.rstrip()):
        return True  # 为了确保这两项: the items named before, not a count
    if q.unit == "届" and re.match(r"(?:全国)?(?:人大|人民代表大会|政协|中央|[一二三四五六七八九十\d]+中全会|全会|代表大会|党代会)", sentence[q.end :]):
        return True  # 在四届人大第一次会议上: the name of a session, not a value
    if re.match(r"[^，,；;。]{0,24}?问题", sentence[q.end : clause_end]) and re.search(
        r"(?:(?<!成)就(?![业近读医])|关于)[^，,；;。]{0,24}$", left
    ):
        return True  # 并就翻两番必须主要依靠技术改造的问题，写了一篇文章: the topic of a text, not a goal
    if re.fullmatch(r"[\u4e00-\u9fff]{0,10}(?:全长|总长|流域面积|海拔)(?:约|达|为|有)?", left.strip()) and not _has(left, lex.build):
        return True  # 黄河全长四千八百多公里，…流域面积七十四万五千平方公里: what a river is, not a goal
    if q.unit == "%" and (
        re.search(r"(?:(?:原定|原)计划|完成了?(?:本年|今年|全年|年度|季度|年)?计划)的?$", left.rstrip())
        or (re.search(r"完成$", bare_left.rstrip()) and re.search(r"(?:没有|未|超额)?完成(?:了|年度|全年)?计划|计划完成", sentence))
    ):
        # 工作量还不到原定计划的一半, 完成年计划27%, 没有完成计划：钢完成96.4%: how much of a plan was done, not a goal
        return True
    if bare_magnitude and not bare_left.strip("、，,；;：: ") and not _bounded_before(left, lex):
        return True  # …热/冷连轧成套装备，百万吨以上: a class of equipment in a list, not a value
    if unit_kind(q.unit) == "count" and sentence.startswith("方面", q.end) and re.match(r"[\d一二三四五六七八九十百]", sentence[q.end + 2 : q.end + 3]):
        return True  # 化妆品监管5个方面20个信息化标准: the areas of the count that follows
    if sentence.startswith("世纪", q.end):
        return True  # 在今后不到四分之一世纪的时间内: a span of time, not a share
    if re.search(r"投资限额(?:为|是)?$", bare_left.rstrip()):
        return True  # 钢铁工业…的投资限额为一千万元: the threshold of a class of projects, a condition
    if (sentence[q.end : q.end + 1] == "级" and not _bounded_before(left, lex) and not re.search(r"(?:为|是|达|在)$", left.rstrip())
            and not re.match(r"的?[\u4e00-\u9fff]{0,2}规模", sentence[q.end + 1 :])):  # fmt: skip
        # (带动形成千亿级产业规模: the size itself, as 达到万亿级)
        return True  # 神威E级(百亿亿次级)原型机, 10万吨级码头: a class that names a thing, not a value
    if re.match(r"规模的", sentence[q.end : q.end + 3]) and not _bounded_before(left, lex):
        return True  # 超过1000人规模的学校必须配备专职教师: a size that picks the schools
    if _is_attributive(sentence, q) and not _bounded_before(left, lex) and not _made_or_share(left, q, lex) and not solved and not spec_to_make:
        return True  # 人口20万以上的县 (but 解决8000万人的吃水问题: the people a goal helps)
    if q.unit == "" and q.approx and (not bare_left.strip("、，,；;：: ") or bare_left.endswith("、")):
        return True  # 9亿多劳动力、1亿多人才: a rough count that describes, not a value aimed at, 收入过200亿元的企业
    before = [p for p in quantities if clause_start <= p.start and p.end <= q.start]
    between = sentence[before[-1].end : q.start] if before else ""
    if _is_attributive(sentence, q) and before and not re.search(r"[、，,；;]|^的[\u4e00-\u9fff]{1,8}[和及与]$", between):
        return True  # 10个左右规模达到1000亿元以上的集群: the second number describes the first's noun
    scale = q.unit == "" and q.value >= 1e8 and not q.raw[:1].isdigit()
    # 两个孩子, 八项规定: a small count in a phrase (but 二千七百六十亿元 in an old report is a value).
    # (高中一万人 counts ten thousand: a unit with a magnitude is no small count)
    small = q.value < 1000 and not q.unit.startswith(("万", "亿", "千", "百"))
    chinese = not q.raw[:1].isdigit() and unit_kind(q.unit) in ("count", "people", "time") and small and not scale
    # 新建……大型矿井二十八个, 核电站一个: a number that ends its clause counts the noun before it.
    ends_clause = bool(re.match(r"[，,；;。]|$", sentence[q.end : q.end + 1])) and not re.search(r"[各每执]$", left)
    if chinese and not (ends_clause and (q.value > 1 or re.search(r"的[\u4e00-\u9fff]{1,8}$", left))):
        rate = re.search(r"每(?:天|日|周|月|年|学年|学期)$", left)  # 每天一小时校园体育活动: a time per day
        # 确保零就业家庭至少有一人稳定就业: a bound makes a count of one a value
        bound = re.search(r"(?:至少|不少于|最少)[\u4e00-\u9fff]{0,3}$", left)
        if q.raw.startswith("一") and q.value == 1 and not q.approx and not rate and not bound:
            return True  # 一所, 一批: a determiner
        verbs = lex.increase + lex.decrease + lex.build + lex.level + lex.qualifier_before + lex.object_verbs
        verbs += ("超", "过", "达", "共", "共计", "合计", "总计")
        # 共有三十三个建设项目, 其中包括十个水泥厂: works a plan builds, counted (but 有两个问题)
        works = re.search(r"(?:有|包括)$", bare_left) and _WORKS.match(sentence, q.end)
        if not q.approx and not rate and not works and not bound and not worked and not any(bare_left.endswith(v) for v in verbs):
            return True  # 两个孩子, 八项规定, 三项举措: a count in a phrase
    # 5米远场识别率超过92%: a number that qualifies the noun of a later target.
    later = [p for p in quantities if p.start >= q.end and p.start < clause_end]
    share_subject = q.unit in ("%", "‰") and sentence[q.end : q.end + 1] == "的"  # 90%的市和70%的县达到…
    opens = not bare_left.strip("、，,；;：: ") or bare_left.endswith("、")
    qualifies = sentence[q.end : q.end + 1] not in "、，,；;。和及至到-－—" and not q.approx
    qualifies = qualifies and not re.match(r"[（(](?:含|其中|包括)", sentence[q.end :])  # 45万人（含…15万人）取得证书
    if later and opens and qualifies and not share_subject and unit_kind(q.unit) != "count":
        return True
    return False


def _covers(sentence: str, q: Quantity, name: str) -> bool:
    """Whether an occurrence of ``name`` in the sentence contains the quantity."""
    for m in re.finditer(re.escape(name), sentence):
        if m.start() <= q.start and q.end <= m.end() + 1:
            return True
    return False


_DOCUMENT_PARTS = re.compile(
    r"(?:(?:重点|主要|具体|核心|专项)?(?:指标|任务|措施|方面|举措|章|节|部分|板块)|(?:[一二三四五六七八九十\d]级)?(?:层级|层次|分类|大类|子类))(?:[，,；;。、]|$)"
)
_FROM_VALUE = re.compile(r"(?:提高|增加|提升|调整|上调|下调|调高|调低|降低|降|增|扩大|缩小|压缩|减少|下降|上升|发展)(?:到|至)")
_CONDITION_NOUN = re.compile(r"(?:投资|收入|营收|产值|资本|资产|规模|人口|面积|销售额|生产能力|产能)$")
#: The rest of 以…为抓手 after a number: what the number counts is a means, not a goal.
_MEANS = re.compile(r"[^，,；;。]{0,40}?为(?:抓手|基础|依托|重点|核心|载体|引领|支撑|突破口|切入点|牵引|主线|龙头|示范)(?:[，,；;。]|$)")
_CONTEXT_SCOPE = re.compile(r"围绕|针对|面向|涵盖|聚焦|依托|结合(?!实际|自身|本地|当地)|包括(?!.*(?:围绕|针对|面向|涵盖|聚焦|依托|结合|包括))")


def _made_or_share(left: str, q: Quantity, lex: TargetLexicon) -> bool:
    """开发100项以上的共性算法 (a thing to make), 全省50%以上的文化馆具备… (a share to reach): not conditions."""
    bare = left.rstrip()
    if bare.endswith(lex.object_verbs + lex.build + _MAKE_VERBS) and (unit_kind(q.unit) in ("count", "") or q.unit.endswith("人次")):
        return True  # (but 基本实现20人以上的自然村4G网络覆盖: 20人 picks the villages)
    where = r"(?:全国|全省|全市|全区|全县|全体|各地)?"
    # 全国可以有半数以上的农户; 做到在正常年景下百分之九十的社员收入逐年有所增加
    scope = rf"(?:在|使|让|推动|确保|力争|争取|实现|做到|保证)?(?:在[\u4e00-\u9fff]{{1,8}}下)?{where}(?:要有|可以有|能有|将有|有)?{where}"
    if unit_kind(q.unit) == "money" and re.search(r"(?:安排|投入|拨出|筹集|提供)了?$", bare):
        return True  # 安排了三千六百亿元的投资: the money given, not a condition on it
    if q.unit == "%" and re.search(r"%的[\u4e00-\u9fff]{1,10}[和及与、]$", bare):
        return True  # 90%的市和70%的县: the second share of a pair
    return q.unit == "%" and bool(re.fullmatch(scope, _strip_lead(bare, lex)))


#: Works a plan builds, counted after 有 or 包括 in old reports (十个水泥厂, 二十一个大型水利工程).
_WORKS = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:项目|工程|企业|工厂|厂|电站|矿井|矿|基地|铁路|公路|干线|线路|港口|码头|水库)(?:[和及与、，,；;。]|$)")

#: A clause about another country (但苏联在第一个五年计划中…, 美国计划到2030年…): its figures are not this document's goals.
_FOREIGN_SUBJECT = re.compile(
    r"(?:[但而可是如例像即在]{0,3})?(?:苏联|美国|日本|德国|英国|法国|印度|俄罗斯|欧盟|欧洲各国|韩国|发达国家|西方国家|资本主义国家|"
    r"许多国家|其他国家|外国|国外|世界各国)(?:在|的|已|于|等|，|,|也|则|只|仍|都|从|计划|提出|规定|政府)"
)


#: Verbs of making something, before a counted object (开发100项以上的共性算法).
_MAKE_VERBS = ("开发", "研制", "研发", "构建", "搭建", "编制", "制定", "建设", "培育", "用于")


def _bounded_before(left: str, lex: TargetLexicon) -> bool:
    # 扩大到全国80%以上的县: a level to reach, not a condition on the county
    left = re.sub(r"(?:全国|全省|全市|全区|全县)$", "", left.rstrip())
    left = re.sub(r"(?:(?:19|20)\d{2}年(?:底|末)?的)$", "", left)  # 增加到1985年的一亿亩
    # 完成不少于里程总规模300公里的示范工程: the measure named between the bound and its value
    left = re.sub(r"(不少于|不低于|至少|达到)[\u4e00-\u9fff]{0,6}?(?:规模|总量|面积|里程|长度|容量)$", r"\1", left)
    return left.endswith(("达到", "不少于", "不低于", "不超过", "不高于", "至少", "扩大到", "提高到", "增加到", "提升到", "覆盖", "≥", "≤"))


#: Units of a length of time: with 内 they make a procedural deadline (24小时内), not a target.
_DURATION_UNITS = ("小时", "天", "日", "个工作日", "工作日", "个月", "月", "分钟", "秒", "周", "个小时", "h", "min")


_RESPECTIVELY = re.compile(
    # (在固定资产投资、社会消费品零售总额、进出口方面，分别保持增长20%、13%和14%以上: the aspects named before)
    r"(?:在(?P<aspects>[^，,；;。：:在]{2,40}?)(?:等)?方面[，,]\s*|(?P<names>[^，,；;。：:]+?))"
    r"分别(?P<verb>[^，,；;。\d]{0,6}?)(?=\d|[一二三四五六七八九十百千])"
)


def _respectively(
    sentence: str,
    quantities: list[Quantity],
    rows: list[dict[str, Any]],
    starts: list[int],
    lex: TargetLexicon,
) -> tuple[list[dict[str, Any]], list[int]]:
    """A、B、C分别下降23%、15%、18%: one row per value, each with its own indicator.

    ``starts`` gives where each row's value stands in the sentence (two values may read the same:
    地区生产总值增长5.5%以上；…城乡居民人均可支配收入分别增长5.5%左右和5.5%以上); the rows and their
    starts are returned in sentence order.
    """
    placed = list(zip(starts, rows))
    for m in _RESPECTIVELY.finditer(sentence):
        raw_names = (m.group("names") or m.group("aspects")).strip()
        names_text = raw_names if re.fullmatch(r"[\d年、和底末]+", raw_names) else _strip_lead(raw_names, lex)
        names = [n for n in re.split(r"、|(?<![共温饱平])和(?![谐平])", names_text) if n]
        if names:
            names[0] = re.sub(r"^(?:全[省市区县州]|我[省市区县])(?=[\u4e00-\u9fff])", "", names[0])  # 力争全区肉、奶…
        group = [q for q in quantities if q.start >= m.end()]
        chain: list[Quantity] = []
        for q in group:
            if chain and not re.fullmatch(r"\s*[、和及与]\s*", sentence[chain[-1].end : q.start]):
                break
            chain.append(q)
        if len(names) == 1 and len(chain) == 2 and "城乡" in names[0]:
            # 城乡居民人均可支配收入分别增长5.5%左右和5.5%以上: the towns', then the countryside's
            names = [names[0].replace("城乡", "城镇", 1), names[0].replace("城乡", "农村", 1)]
        if len(names) < 2 or len(chain) != len(names):
            continue
        at = {q.start for q in chain}
        template = next((r for start, r in placed if start in at), None)
        if template is None:
            continue
        years = [re.fullmatch(r"((?:19|20)\d{2})年(?:底|末)?", n) for n in names]
        earlier = [r for start, r in placed if start not in at and start < m.start()]
        placed = [(start, r) for start, r in placed if start not in at]
        head = _shared_head(names)
        for q, name, ym in zip(chain, names, years):
            if all(years):
                # 2024年、2025年分别突破2.2万亿元、2.4万亿元: one indicator, a value per year.
                subject = earlier[-1]["indicator"] if earlier else template["indicator"]
                placed.append((q.start, {**template, "indicator": subject, "value": q.value, "unit": q.unit,
                                         "year": int(ym.group(1)), "raw": q.raw}))  # fmt: skip
                continue
            row = {
                **template,
                "indicator": _shorten(name if name.endswith(head) else name + head),
                "value": q.value,
                "unit": q.unit,
                "qualifier": ",".join(x for x in (template["qualifier"].split(",")[0:1] + [q.approx]) if x),
                "raw": q.raw,
            }
            placed.append((q.start, row))
    placed.sort(key=lambda item: item[0])
    return [r for _, r in placed], [start for start, _ in placed]


_MEASURE_HEAD = re.compile(r"(?:人均|平均|每人|年均)?[\u4e00-\u9fff]{0,6}?(?:标准|比例|比重|占比|率|规模|收入|数量|水平|总额|总数|增速|涨幅|增幅|降幅|幅度|面积|产量|人数|支出|投入|补助)$")


def _shared_head(names: list[str]) -> str:
    """城镇、农村居民人均收入 / 居民医保和基本公共卫生服务经费人均财政补助标准: the last
    name carries the measure the others share; return it when the others lack one."""
    if any(_MEASURE_HEAD.search(n) for n in names[:-1]):
        return ""
    last = names[-1]
    if all(n in ("城镇", "农村", "城市", "乡村") for n in names[:-1]) and last[:2] in ("城镇", "农村", "城市", "乡村"):
        return last[2:]  # 城镇、农村常住居民人均可支配收入: all but the place is shared
    for marker in ("人均", "平均", "每人", "年均"):
        i = last.find(marker)
        if i > 0:
            return last[i:]
    if all(len(n) <= 2 for n in names[:-1]) and len(last) > 4:
        return last[2:]
    measure = re.search(r"(?:产量|产值|总额|总量|收入|规模|面积|人数|数量)$", last)
    if measure and all(len(n) <= 2 for n in names[:-1]) and len(last) > len(measure.group()):
        return measure.group()  # 肉、奶、禽蛋产量: the others are products too
    return ""


def _inside_quotes(sentence: str, q: Quantity) -> bool:
    # "两个维护", “三个高于”, “最后一公里”: a slogan, not a quantity.
    if q.raw[0].isdigit():
        return False
    opening = max(sentence.rfind(c, max(0, q.start - 8), q.start) for c in "“\"‘「")
    if opening < 0 or re.search(r"[”\"’」]", sentence[opening + 1 : q.start]):
        return False
    return bool(re.match(r"[^“”\"，。]{0,6}[”\"’」]", sentence[q.end :]))


def _inside_title(sentence: str, q: Quantity) -> bool:
    """《推进职业教育发展十二条措施》: a number in a document's title names the document.

    So does the title standing alone as a heading (推进职业教育发展十二条措施（征求意见稿）).
    """
    opening = sentence.rfind("《", 0, q.start)
    if opening >= 0 and "》" not in sentence[opening : q.start] and re.match(r"[^《]{0,60}》", sentence[q.end :]):
        return True
    return q.unit == "条" and bool(re.fullmatch(r"[^，,。；;：:]{0,4}?(?:政策)?(?:措施|举措|意见)(?:[（(]征求意见稿[）)])?\s*", sentence[q.end :]))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and not _CLAUSE_BREAK.match(sentence[left - 1]):
        left -= 1
    right = end
    while right < len(sentence) and not _CLAUSE_BREAK.match(sentence[right]):
        right += 1
    return left, right


def _is_delta(left: str, lex: TargetLexicon) -> bool:
    if _DELTA_YEAR.search(left):
        return True
    return any(w in left for w in lex.delta_before)


#: The rest of a rate's unit that the value's unit leaves out (台/天, 条/秒, 次/年).
_RATE_SUFFIX = re.compile(r"^\s*/\s*(?:[\u4e00-\u9fff]|[A-Za-z]{1,3})")


def _is_attributive(sentence: str, q: Quantity) -> bool:
    rest = _RATE_SUFFIX.sub("", sentence[q.end : q.end + 12])[:6]  # 至少 50 台/天的流水维护能力: the rate's unit
    if not rest.startswith("的"):
        return False
    # 翻两番的宏伟目标, 裁减军队员额五十万的任务: the value of a goal, not a condition on a noun.
    return not (rest[1:].startswith(_ATTRIBUTIVE_OK) or re.match(r"[\u4e00-\u9fff]{0,2}(?:目标|任务|要求|指标)", rest[1:]))


def _is_year_span(sentence: str, q: Quantity) -> bool:
    return bool(q.unit in ("", "年") and _SPAN_YEARS.search(sentence[max(0, q.start - 6) : q.end + 6]))


#: Words with 要 that is not the modal "shall" (主要目标 stays: it names a goal).
_NOT_MODAL_YAO = re.compile(r"重要|主要(?!目标|任务|指标)|需要|必要|首要|纲要|摘要|概要|紧要|扼要|要素|要点|要害|只要")


#: 目前 in 在目前条件下 / 在目前的情况下 names the conditions a rule holds under, not the time of a figure.
_PRESENT_CONDITIONS = re.compile(r"(?<=在)(?:目前|当前|现在)(?=的?(?:条件|情况|形势)下)")


def _mask_deltas(text: str, lex: TargetLexicon) -> tuple[str, bool]:
    """Blank out 比上年 / 同比 phrases (they qualify a number, they do not date it)."""
    # The year so far is reported (已, a past cue), not planned (今年, a forward one).
    text = _OWN_YEAR_SO_FAR.sub(lambda m: "已" + "□" * (len(m.group()) - 1), text)
    text = _MULTIPLE_OF.sub(lambda m: "□" * len(m.group()), text)
    text = text.replace("将近", "□近")  # 将近一万多失业人员: nearly, not a future
    text = _PRESENT_CONDITIONS.sub("□□", text)  # 在目前条件下，…一般应当不少于百分之八十: a condition, not a report
    text = _NOT_MODAL_YAO.sub(lambda m: m.group().replace("要", "□"), text)  # 举其重要的来说: not 要, the modal
    found = False
    for w in lex.delta_before:
        if w in text:
            found = True
            text = text.replace(w, "□" * len(w))
    masked = _DELTA_YEAR.sub(lambda m: "□" * len(m.group()), text)
    return masked, found or masked != text


#: 拟 inside a word is no modal: 虚拟仿真实训基地, 模拟, 比拟.
_NI_IN_WORD = re.compile(r"(?<=[虚模比])拟")


def _has(text: str, words: tuple[str, ...]) -> bool:
    if "拟" in text:
        text = _NI_IN_WORD.sub("", text)
    return any(w in text for w in words)


def _years_in(text: str, ctx: _Context) -> tuple[int | None, bool, bool]:
    """(deadline year, a forward year is written, a past year is written)."""
    deadline = None
    forward = past = False
    for m in _YEAR.finditer(text):
        span = _SPAN_YEARS.search(text[max(0, m.start() - 6) : m.end()])
        if span:
            # 2006至2009年 (in 2010): a span of years gone by
            past = past or (ctx.doc_year is not None and int(re.findall(r"(?:19|20)\d{2}", span.group())[-1]) < ctx.doc_year)
            continue
        y = int(m.group("year"))
        pre, post = m.group("pre") or "", m.group("post") or ""
        if pre in ("至", "到") and re.search(r"(?:19|20)\d{2}年(?:\d{1,2}月)?$", text[: m.start()]):
            pre = ""  # 2021年至2022年6月: a period, not a deadline
        if _in_title(text, m.start()) or text.startswith("远景目标", m.end()):
            continue  # 《…2035年远景目标纲要》: the name of a plan, not a deadline
        is_deadline = pre in ("到", "至", "展望") or post in ("前", "底", "末", "年底", "以前", "之前", "底前", "末前", "年底前")
        if pre in ("截至", "截止"):
            past = True
            continue
        if ctx.doc_year is None:
            if is_deadline or _GOALS_OF_YEAR.match(text, m.end()):
                deadline = deadline or y
                forward = True
            continue
        if y > ctx.doc_year or (is_deadline and y >= ctx.doc_year):
            deadline = deadline or y
            forward = True
        elif y < ctx.doc_year:
            past = True
        elif is_deadline or _GOALS_OF_YEAR.match(text, m.end()):
            deadline = deadline or y  # 2024年全省经济社会发展的主要预期目标是 (in the 2024 report)
            forward = True
    for m, y, suffix in _plans(text):
        if _elapsed(text, m):
            past = True  # “十一五”前四年累计…下降14.38% (in 2010): the years of the plan gone by
        elif ctx.doc_year is None or y >= ctx.doc_year:
            # “七五”计划草案规定 (in 1986), 十四五时期 (in 2021): the plan now running or to come;
            # only 十四五末 is a deadline (see _plan_year for the year of the rest).
            forward = forward or ctx.doc_year is not None or suffix == "末"
            if suffix == "末":
                deadline = deadline or y
        else:
            past = True
    if ctx.doc_year is not None and _NEXT_YEAR_END.search(text):
        deadline = deadline or ctx.doc_year + 1  # 到明年底，基本实现…: next year's end
        forward = True
    for m in _CENTURY.finditer(text):
        if not m.group("pre") and not re.search(r"(?:^|[，,；;：:。])\s*(?:力争|争取|要|将)?$", text[: m.start()]):
            continue  # 对实现本世纪末的宏伟目标…充满了信心: not a deadline
        y = _century_year(m, ctx.doc_year)
        if y is not None and (ctx.doc_year is None or y >= ctx.doc_year):
            deadline = deadline or y
            forward = True
    return deadline, forward, past


#: A line with no Chinese punctuation (a table row when it is mostly figures and Latin units).
_TABLE_ROW = re.compile(r"[^，。；：、！？]+")
_NEXT_YEAR_END = re.compile(r"(?:到|至)明年(?:底|末|年底)?|明年(?:底|末|年底)?(?:前|以前)|今明两年")
#: 到本世纪末, 在本世纪内, 下个世纪中叶: deadlines of old reports, dated by the document's century.
_CENTURY = re.compile(r"(?P<pre>到|至|在)?(?P<which>本|下个?|二十一|21)世纪(?P<when>末|内|中叶)(?!的)")


def _century_year(m: re.Match[str], doc_year: int | None) -> int | None:
    if doc_year is None and m.group("which") in ("本", "下", "下个"):
        return None
    if m.group("when") == "内" and m.group("pre") != "在":
        return None  # 本世纪内 only as 在本世纪内
    century = {"本": (doc_year or 0) // 100 + 1, "二十一": 21, "21": 21}.get(m.group("which"), (doc_year or 0) // 100 + 2)
    return (century - 1) * 100 + 50 if m.group("when") == "中叶" else century * 100  # the 20th century ends in 2000


def _in_title(text: str, pos: int) -> bool:
    """Whether ``pos`` sits inside a 《book title》."""
    opening = text.rfind("《", 0, pos)
    return opening >= 0 and "》" not in text[opening:pos]


def _plan_year(text: str, ctx: _Context) -> int | None:
    """The last year of the running or coming five-year plan the text names before its first
    value (its targets' year: “七五”计划草案规定…达到…). A plan named after the values is context
    (经济增长预期目标为5%左右，…与“十四五”规划…相衔接: this year's target, not 2025's)."""
    plans = [(m, y) for m, y, _ in _plans(text) if ctx.doc_year is not None and y >= ctx.doc_year and not _elapsed(text, m)]
    if not plans:
        return None  # most sentences name no plan: no need to find their values
    quantities = find_quantities(text)
    first = quantities[0].start if quantities else len(text)
    return next((y for m, y in plans if m.start() < first), None)


def _span_years(period: str) -> int | None:
    """How many years a period ahead spans: 三年内 → 3, 3~5年 → 5, 两三年内 → 3, 两到三年时间 → 3."""
    runs = re.findall(r"([一二三四五六七八九十两\d]{1,2})\s*年", period)  # (从今年起用两年时间: not 今年)
    if not runs:
        return None
    last = runs[-1]
    if len(last) == 2 and all(c in "一二三四五六七八九两" for c in last):
        last = last[-1]  # 两三年: two or three, due in three
    n = parse_number(last)
    return int(n) if n else None


def _looks_ahead_in_years(text: str, ctx: _Context) -> bool:
    """五年内, 用三年左右的时间: a period ahead, except in a review (五年内全国本专科毕业生1300万人)."""
    return bool(_WITHIN_YEARS.search(text)) and ctx.mode != "past" and not ctx.paragraph_past


_DONE_MODIFIER = re.compile(
    r"(?:已[\u4e00-\u9fff]{1,8}|(?:上年|去年|上一年|历年)(?:结余|结转|剩余|节余|积累))的(?![\d０-９一二三四五六七八九十百千两半])"
)  # 已建成的, 上年结余的 (金库存款): what is done or left over describes a noun
_FROM_START = re.compile(
    r"(?:由|从)[^，,；;。]{0,20}?(?=(?:提高|增加|提升|扩大|降低|下降|减少|压减|调整|调高|调低|上升|上调|下调|发展)(?:到|至))"
    r"|在(?:19|20)\d{2}年(?:底|末)?的?基础上"  # 经济总量在2020年基础上翻两番: the base year dates the start
)


_ESTIMATE_OPENING = re.compile(r"\s*(?:初步)?预计(?:全年|去年|上年)?(?:可|能)?(?:实现|完成|达到)")


def _sentence_time(sentence: str, ctx: _Context, lex: TargetLexicon) -> tuple[int | None, bool, bool]:
    """(year, the sentence looks forward, the sentence looks back), strong cues only."""
    deadline, forward, past = _years_in(sentence, ctx)
    forward = forward or _has(sentence, lex.future_strong) or _looks_ahead_in_years(sentence, ctx)
    # 1957年的国家预算收入 (in the 1957 report): the year's own figures, as 今年的 (old reports name the year).
    # 一九五四年预计 anywhere in the sentence: the year's expected figures (but 以1957年的计划数字同…比较).
    own = ctx.doc_year is not None and (
        re.match(rf"\s*{ctx.doc_year}\s*年度?的", sentence) or re.search(rf"{ctx.doc_year}\s*年度?(?:的)?预计", sentence)
    )
    forward = forward or bool(own)
    # 建设已批复的国家制造业创新中心: 已 describes the object, it does not date the sentence.
    # (由目前近800所调整到700所左右: where a change starts says nothing of the past)
    past = past or _has(_FROM_START.sub("", _DONE_MODIFIER.sub("", sentence)), lex.past_strong)
    # 出台了推动…的一系列政策措施，建设…孵化器145家: a sentence that opens on a deed done reports
    opening = _CLAUSE_BREAK.split(sentence.lstrip(), 1)[0]
    past = past or bool(_DONE_FIRST.match(opening) and not forward and not _has(opening, lex.future + lex.future_strong))
    # 预计实现（下同）地区生产总值210.76亿元: the estimate of the year just ended, in a review
    past = past or bool(_ESTIMATE_OPENING.match(sentence) and not forward and not re.search(r"[将將]", sentence))
    year = deadline
    if year is None and "今年" in sentence and ctx.doc_year is not None:
        year = ctx.doc_year
    if year is None and "明年" in sentence and ctx.doc_year is not None:
        year = ctx.doc_year + 1
    if year is None:
        year = _plan_year(sentence, ctx)  # “七五”计划草案规定 (1986): due in 1990
    if year is None and ctx.paragraph_year is not None:
        year = ctx.paragraph_year
    if year is None and ctx.mode == "plan" and ctx.doc_year is not None:
        year = ctx.doc_year
    return year, forward, past


#: A word that totals the parts counted before it (…，共计七十九个), and a yearly rate (平均每年递增).
_TOTAL = re.compile(r"\s*(?:共计|合计|总计|一共)\s*")
_YEARLY_RATE = re.compile(r"\s*(?:平均每年|每年平均|年均)(?:递增|增长|增加|提高)")
#: A sentence that lists what a project must deliver: 考核指标：…, 主要技术指标：….
_INDICATOR_LIST = re.compile(r"\s*(?:主要)?(?:考核|技术|绩效|验收)指标(?:要求)?\s*[：:]")
#: The verb of a goal's level, as a second clause repeats it: 棉花的单位面积产量分别达到(六十斤).
_PARALLEL_GOAL = r"(?:也|都|均)?(?:分别)?(?:达到|提高到|增加到|提升到|降低到|下降到)"
#: 对 … 进行攻关: what a task works on follows 对 (and is no condition).
_WORKED_ON = re.compile(r"进行(?:攻关|改造|试点|整治|治理|技术改造|更新改造)")


def _worked_on(sentence: str, q: Quantity, left: str, clause_end: int) -> bool:
    """对生产建设中带关键性的三十八个科技项目的一百个课题进行攻关: the things a task works on, counted.

    (But 对500万元以上的项目进行改造的 picks the projects by a threshold.)
    """
    if q.approx or not re.search(r"对[^，,；;。对]{0,20}$", left):
        return False
    if unit_kind(q.unit) == "count" and _WORKED_ON.search(sentence, q.end, clause_end):
        return True
    # 对2000户特殊困难老年人家庭适老化改造: the homes a task works on, the deed closing the clause
    return unit_kind(q.unit) in ("count", "people") and bool(
        re.match(r"[^，,；;。的]{2,20}?(?:适老化改造|无障碍改造|改造|维修|修缮)\s*$", sentence[q.end : clause_end])
    )


#: A change asked for in such a list: 装配效率提升 20%, 能耗降低30%.
_LIST_CHANGE = re.compile(r"(?:提升|提高|增加|增长|降低|下降|减少|缩短|节约|节省)\s*$")
#: A modal and a short verb just before a value: 对拖欠企业的款项年底前要清偿(一半以上).
_MODAL_VERB = r"(?:要|将|必须|力争|确保)[\u4e00-\u9fff]{1,3}$"

#: A note in brackets on what a name covers: （包括高中和初中）.
_BRACKET_NOTE = re.compile(r"[（(](?:包括|含|不含|不包括|以下简称|下称|简称)[^）)]{1,60}[）)]")

#: A clause that estimates or plans ahead: 预计在一九五四年又将等于一九五三年的两倍多.
_ESTIMATES_AHEAD = re.compile(r"(?:预计|计划)[^，,；;。]{0,12}将")

#: Striving for a value: 正在为日产一千五百吨奋斗, 为实现…而努力.
_STRIVES = re.compile(r"为[^，,；;。]{1,20}(?:而)?(?:奋斗|努力)")

#: A clause that opens on a verb with 了 (出台了, 建成了): a deed done.
_DONE_FIRST = re.compile(r"[\u4e00-\u9fff]{0,4}?(?<![为除极罢])[\u4e00-\u9fff]{2}了(?![解结却])")


def _clause_year(clause: str, ctx: _Context) -> int | None:
    deadline, _, _ = _years_in(clause, ctx)
    return deadline


# 钢产量只有十五万八千多吨, 每年只生产钢四万吨左右: a figure stated as small (but 只要, 只增不减).
_STATED_SMALL = re.compile(r"(?:(?:只有|仅有|仅为|不过|只剩)|(?:只|仅)(?:生产|产出|出产|剩)[\u4e00-\u9fff]{0,4})$")
# 进出口额只占资本主义世界进出口总额的千分之五: a share stated as small (but 私营工业则将只占0.4%, a forecast)
_SMALL_SHARE = re.compile(r"(?:只|仅)(?:占|佔)[^，,；;。]{0,24}?$")
# 仅窝工开支就有二百万元, 积压材料就达七百多万元: a figure stated as large (not 只要…就有, a condition).
_STATED_LARGE = re.compile(r"(?<!只要)(?<!要)(?:仅|光|单是|单)?[\u4e00-\u9fff]{1,12}?就(?:有|达)$")
_STATED_LOSS = re.compile(r"(?:只|仅|光|单是)[^，,；;。就]{0,10}就(?:减少|增加|损失|浪费|多花|少收)[^，,；;。]{0,16}$")
# 农业总产值比1956年将增长百分之四点九: a change against last year that is planned, not reported.
# 经费计划为九百六十七亿元，比第五个五年计划期间…增加百分之六十八: a planned level, then its change.
_PLANNED_CHANGE = re.compile(
    r"将(?:要)?(?:增长|增加|提高|下降|减少|降低|缩减|扩大|达到)|计划□*(?:为|达到|增长|增加|提高|下降|减少|降低)"  # 全年工业总产值计划比上年增长6% (read masked)
    r"|将(?:要)?(?:拨出|拨款|安排|投入|新增|新建|建成)"  # 国家财政还将拨出二十五亿元专项资金，…比第五个五年计划期间增加…
    # 工业总产值要在一九五四年的基数上增长百分之二十九 (read masked: 重要, 主要 … hold no 要 by then, see _mask_deltas)
    r"|要□*(?:增长|增加|提高|下降|减少|降低)"
)


#: An item's number: 1., (8), 8), ①, 一是.
_ITEM_NUMBER = r"(?:\d{1,2}[.．、](?!\d)|[（(]?\d{1,2}[）)]|[①②③④⑤⑥⑦⑧⑨⑩]|[一二三四五六七八九十]+是)"
#: Adverbs before a task's verb (扎实推进, 积极引导, 统筹推进).
_TASK_ADVERB = r"(?:扎实|深入|全面|大力|强力|积极|加快|持续|着力|有序|稳步|综合|统筹|切实|进一步|继续|重点|集中|有效|因地制宜|再|免费)?"
#: Deeds that make, remove or add things (新建…, 拆除…, 改扩建…, 增加…): a task's verb that counts what it works on.
_DEED_VERB = (
    r"新建|新增|新改造|新改建|改扩建|新改扩建|新、改、扩建|改建|扩建|改造|拆除|翻建|迁建|续建|新开工|开工建设|建成|更新|增加|增设|开通|新开通|"
    r"安装|铺设|打通|建设"
)
#: Verbs that open a task with no subject: the deeds, and 筹集, 培树, 开展, 搞好, 压实 …
_TASK_VERB = (
    r"(?:" + _DEED_VERB + "|"
    r"撤并|筹集|加装|完善|实施|推进|推动|加快|加强|深化|开展|支持|扩大|提高|提升|落实|健全|构建|打造|培育|"
    r"培树|发展|强化|优化|促进|稳定|壮大|做好|抓好|搞好|办好|启动|鼓励|引导|实行|组织|坚持|保障|巩固|治理|"
    r"带动|整治|硬化|丰富|创建|建立|设立|引进|开发|修复|种植|培训|举办|完成|新开|维修|修缮|配备|招聘|投入|"
    r"压实|夯实|筑牢|守牢|补齐|补强|畅通|拓展|拓宽|激活|盘活|用好|抢抓|聚力|聚焦|搭建|狠抓|抓实|抓牢|紧盯|"
    r"建强|建好|管好|改善|美化|绿化|亮化|提质|安排|统筹安排|签约|新签约|招引"
    r")"
)
#: When and where a task is done, before its verb: 全年新增…, (10)城区新建便民市场5处.
_TASK_SCOPE = r"(?:全年|今年|年内)?(?:全[省市县州区]|城区|市区|县城|农村|城乡|乡镇)?"
_TASK_VERB_RE = re.compile(_TASK_VERB)
#: An item's number or a Chinese ordinal before a sentence or clause: (8)新建…, 一是…, 二、新建….
_ITEM_LEAD = rf"\s*(?:{_ITEM_NUMBER}|[一二三四五六七八九十]+、|[●■◆◇▲△•★☆□▪►◎※])?\s*"
#: A clause that opens on a deed that makes, removes or adds things (新建…, 拆除…, 改扩建…, 增加…).
_OPENS_ON_DEED = re.compile(_ITEM_LEAD + _TASK_SCOPE + _TASK_ADVERB + r"(?:" + _DEED_VERB + r")")
#: A sentence that opens on a verb with no subject (扎实推进乡村振兴, 实施城市更新行动, (8)新建…, 全年新增…).
_TASK_OPENING = re.compile(
    _ITEM_LEAD
    + r"(?:(?:同时|此外|另外|并且?|还要?)[，,]?)?"  # 同时，改造657个…
    r"(?:(?:面向|围绕|聚焦|立足|按照|对标|紧扣|针对)[^，,；;。]{1,40}[，,])?"  # 面向国家战略需求，积极推进…
    + _TASK_SCOPE
    + r"(?:“[^”]{1,8}”)?"  # (11)“一事一议”硬化村内巷道37.5万平方米: the programme it is done under
    + r"(?:" + _TASK_ADVERB + _TASK_VERB + r"|为(?:全[省市县州区])?\d)"  # 为62户贫困残疾人家庭实施…
)
#: A clause that ends on a result reached (改扩建基本完成, 组建完成, 义务教育得到保障): a review tells its deeds.
_RESULT_STATE = re.compile(r"(?:完成|得到(?:保障|解决|改善|加强|提升|落实|巩固))(?=[，,；;。]|$)")
#: A clause of such a sentence that opens on the people or homes a task serves (对2000户…家庭适老化改造).
_TASK_SERVES = re.compile(r"\s*(?:[（(]?\d{1,2}[）)]|[一二三四五六七八九十]+[是、])?\s*" + _TASK_SCOPE + r"(?:为|对)(?:全[省市县州区])?$")
#: A clause of a task list with no verb of its own (建成垃圾处理站5个，污水处理站5个): the list goes on.
_LIST_GOES_ON = re.compile(r"\s*[\u4e00-\u9fff“”（）()、]{1,24}\s*")


def _written_bound(q: Quantity, lex: TargetLexicon) -> bool:
    """A bound written out (以上, 左右, 以内); 十亿多人口 (多 read as 以上) is an estimate, not a bound."""
    return bool(q.approx) and q.approx in q.raw and (q.approx in lex.at_least or q.approx in lex.at_most or q.approx == "左右")


_SECURED_FUNDS = re.compile(r"争取(?:到)?(?=(?:上级|中央|省级?|国家|市级?)?[^，,；;。]{0,6}(?:资金|转移支付|补助|债券|贷款|投资))")
_SHORT_OF_PLAN = re.compile(r"(?:未|没有|没)(?:能)?(?:达到?|完成|实现)(?:全?年|年度)?预期(?:目标)?")


def _status(
    clause: str,
    left: str,
    q: Quantity,
    sentence_future: bool,
    sentence_past: bool,
    ctx: _Context,
    lex: TargetLexicon,
    *,
    weak_past: bool = False,
    peer_bound: bool = False,
    opens_bound: bool = False,
    task_list: bool = False,
    list_goes_on: bool = False,
) -> str:
    # 已安装车载终端的车辆应100%实现…: 已 describes the object; 由上年18亿元增加到95亿元 (由1980年的…增加到):
    # the earlier year dates the start, not the target. (But 其中已开工建设的…项目有九十三个 counts what is done.)
    counted_done = re.search(r"已[\u4e00-\u9fff]{1,8}的[^，,；;。]{0,20}(?:有|共有|为|共计|共)$", left.rstrip())
    # (主要是二产、三产未达预期目标): a shortfall against the plan is told of a year gone by
    clause = _SHORT_OF_PLAN.sub("", clause)
    if ctx.mode == "past" or ctx.paragraph_past:
        clause = _SECURED_FUNDS.sub("", clause)  # (in a review) 争取上级转移支付31.8亿元: funds secured
    undated = _FROM_START.sub("", clause if counted_done else _DONE_MODIFIER.sub("", clause))
    _, clause_forward_year, clause_past_year = _years_in(undated, ctx)
    clause_forward_year = clause_forward_year or _years_in(clause, ctx)[1]
    clause_future = clause_forward_year or _has(clause, lex.future_strong) or _looks_ahead_in_years(clause, ctx)
    clause_future = clause_future or bool(_STRIVES.search(clause))  # 正在为日产一千五百吨奋斗
    clause_future = clause_future or bool(_ESTIMATES_AHEAD.search(clause))  # 预计在一九五四年又将等于…的两倍多
    clause_past = clause_past_year or _has(undated, lex.past_strong)
    if clause_past and not clause_future:
        return "past"
    if _STATED_SMALL.search(left.rstrip()) and not clause_forward_year:
        return "past"  # 钢产量只有十五万八千多吨: a figure stated as small is a fact, not an aim
    if _STATED_LARGE.search(left.rstrip()) and not clause_future:
        return "past"  # 仅窝工开支就有二百万元，积压材料就达七百多万元: a figure stated as large is a fact too
    if _SMALL_SHARE.search(left.rstrip()) and not clause_future and not sentence_future and not re.search(r"[将將]", clause):
        return "past"
    if _STATED_LOSS.search(left.rstrip()) and not clause_future:
        return "past"  # 只这一项每年就减少国家财政收入四、五十亿元: what one thing costs, stated as large
    if ctx.condition_list and not clause_forward_year:
        return "none"
    if clause_future:
        return "target"
    if ctx.mode == "past" or ctx.paragraph_past:
        return "past"
    if ctx.mode == "plan":
        return "target"
    if sentence_past and not sentence_future:
        return "past"
    if sentence_future:
        return "target"
    planned = bool(_PLANNED_CHANGE.search(clause))  # 全年工业总产值计划比上年增长6%: a change the plan sets
    # 我市计划接待国内游客582万人次，同比增长20%: the plan's level, then its change
    planned = planned or bool(re.search(r"计划(?:接待|完成|实现|新增|引进)", clause))
    # 万人发明专利拥有量: 拥有 in a noun of quantity tells no past
    if (weak_past or _has(re.sub(r"(?:拥有|保有|持有)(?:量|率)", "", clause), lex.past)) and not planned:
        return "past"
    bound = _written_bound(q, lex)
    # 检查时间优于8h: a specification's bound
    normative = ("不低于", "不少于", "不高于", "不超过", "至少", "力争", "争取", "确保", "≥", "≤", "＜", "＞", "<", ">", "不小于",
                 "不大于", "优于", "大于", "小于")  # fmt: skip
    # 误差≤±1.5kPa, 测量精度优于±2.5mV: the sign of a tolerance stands between the bound and its value
    if _has(clause, lex.future) or bound or any(left.rstrip().rstrip("±").rstrip().endswith(w) for w in normative):
        return "target"
    if peer_bound and re.search(r"(?:达到|提高到|增加到|提升到|降低到|下降到|控制在)\s*$", left):
        return "target"  # …拥有量达到14件，贡献率达到60%左右: a list of goals, one of them bounded
    if opens_bound and re.search(r"(?:达|保持在|稳定在|突破|超过|年均增长|年均递增|增长|增加|提高)\s*$", left):
        return "target"  # 生产总值年均增长11%左右，总量突破5500亿元: a list that opens on a bounded goal goes on
    if ctx.paragraph_year is not None or ctx.plan_document or planned:
        return "target"
    # (but 开展远程医疗服务超2670万人次: 超 tells a figure reached, as a review does)
    if (
        task_list
        and ctx.mode == "neutral"
        and (_TASK_VERB_RE.search(left) or _TASK_SERVES.match(left) or list_goes_on)
        and not re.search(r"超过?$", left.rstrip())
    ):
        return "target"  # 改造燃气管道9000公里, 新建50家社区综合为老服务中心: a task list's amounts, no subject and no tense
    return "none"


# --------------------------------------------------------------------------- fields

_TRAILING = re.compile(r"[的了和与及、（(\"“”'‘’\s≥≤＞＜<>±]+$")
# Time phrases around an indicator that are not part of it: 五年内, 今后五年, 平均每年, 1990年比1985年.
_LEAD_TIME = re.compile(
    r"^(?:(?:今后|未来|在)?[一二三四五六七八九十两\d]{1,2}年(?:左右)?(?:内|之内|间|中|的时间里?)?"
    r"|用[一二三四五六七八九十两\d]{1,3}年(?:左右)?的?时间)(?:[，,]|(?=[\u4e00-\u9fff]))"
)
_TAIL_TIME = re.compile(
    r"(?:(?:(?:19|20)\d{2}年(?:底|末)?)?(?:比|较)(?:(?:19|20)\d{2}年(?:底|末)?|上一?年度?|去年|[“\"]?"
    + _PLAN_NAME
    + r"[”\"]?(?:期间|时期)?|今年|本年)|(?:19|20)\d{2}年(?:底|末)?|[一二三四五六七八九十两\d]{1,2}年(?:内|间)?|平均每年|每年|年均|全年|今年|明年|本年|五年共|"
    r"(?:平均)?每[\d一二三四五六七八九十百千万]+(?:公斤|斤|吨|亩|人|户|元))$"
)
_LEADING = re.compile(r"^(?:[\s，,；;：:、。的和与及并\"“”'‘’（）()]|其中|即)+")
_ENUMERATOR = re.compile(rf"^\s*{_ITEM_NUMBER}\s*")
_ETC = r"(?<=[\u4e00-\u9fff])等(?=[，,；;。、）)]|$|领域|方面|行业|地区|单位|部门|机构|人员|形式|措施|方式|环节|群体|主体|任务|目标)"
_SUBJECTS = ("各地", "各级政府", "各级人民政府", "政府", "我们", "国家", "全国", "全省", "全市", "全区", "全县", "我省", "我市", "各省", "各校", "学校", "各地区")
_RIGHT_STOP = re.compile(
    r"[，,；;。：:]|" + _ETC + r"|达到|实现|覆盖|完成|开展|满足|具有|具备|取得|参与|获得|建成|形成|"
    r"用于|支持|提供|应享尽享|共同(?!体)|率先|，|而(?:奋斗|努力|斗争)|(?<![所存现实])在(?![线校岗职建读])|打通|上线|落地|全面|基本实现|初步|普遍|实施|推进|进行|接入|入驻"
    r"|(?:逐年|逐步)?有所(?:增加|提高|增长|改善)"  # 百分之九十的社员收入逐年有所增加
)


def _strip_lead(text: str, lex: TargetLexicon) -> str:
    prev = None
    while prev != text:
        prev = text
        text = _LEADING.sub("", text)
        text = _ENUMERATOR.sub("", text)
        # 一九五八年要求大家畜的数量…: the year and who asks are no part of the name
        text = re.sub(r"^(?:为|在|于)?(?:到|至)?(?:(?:19|20)\d{2})\s*年(?:底前|末前|年底前|前|底|末|年底)?(?:要求|规定|提出)?", "", text)
        text = re.sub(rf"^(?:到|至)?[“\"]?{_PLAN_NAME}[”\"]?(?:计划|规划)?(?:末|期间|时期)?", "", text)
        text = _LEAD_TIME.sub("", text)
        text = re.sub(r"^在[\u4e00-\u9fff]{1,6}中", "", text)  # 在执行中, 在实际工作中
        # 对实现本世纪末全国工农业年总产值翻两番…: the goal's frame is no part of its name
        text = re.sub(r"^对(?:实现|完成|达到)", "", text)
        text = re.sub(r"^(?:到|至|在)?(?:本|下个?|二十一|21)世纪(?:末|中叶|内)(?:的)?", "", text)
        # 》提出的2010年…, 原定2000年…, 比1980年预计增长: not part of the name
        text = re.sub(r"^(?:[》」]|(?:提出|确定|规定|要求)的|原定|原计划)+", "", text)
        text = re.sub(r"^(?:党中央|中央|国务院)(?:提出|确定|要求)(?=[\u4e00-\u9fff]{2})", "", text)  # 中央提出今年经济增长…
        text = re.sub(r"^要求(?=[\u4e00-\u9fff]{3})", "", text)  # 今年要求节约总投资额的…: who asks is no part of it
        text = re.sub(r"^(?:预计)?(?:今年|明年)?(?:春耕|夏收|秋收|年底|年初|年中)时?$", "", text)  # 预计明年春耕时将达: a time
        text = re.sub(r"^(?:并且|而且|并|且)?(?:正在|还在)?为(?=[\u4e00-\u9fff]{2})", "", text)  # 并且正在为日产…奋斗
        # 计划规定一九五九年生产资料的生产…, 提出到2025年…占GDP比重: who sets the figure is no part of its name.
        text = re.sub(
            r"^(?:(?:计划|规划|方案|纲要|《[^》]{1,30}》)?(?:规定|要求|提出|明确)|(?:计划|规划|方案|纲要)安排)(?=(?:到|至)?(?:19|20)\d{2}\s*年)",
            "",
            text,
        )
        text = re.sub(rf"^(?:将)?(?:比|较){_DELTA_BASE}(?:预计|计划)?", "", text)
        for w in lex.lead_noise:
            if text.startswith(w) and not text.startswith(_WORDS_OPENING_WITH_NOISE):
                text = text[len(w) :]
                break
    return text


#: Words that begin with a character stripped as noise (要, 将, 使, 把, 并, 和): 要求 is not 要 + 求.
_WORDS_OPENING_WITH_NOISE = ("要求", "要素", "要点", "将来", "使用", "使命", "把握", "并购", "和谐", "和平", "同时期", "继续教育", "而且")


#: Words that end with a character stripped before a number (可, 约, 达 ...): 节约10% is not 节 + 约10%.
_WORDS_ENDING_WITH_NOISE = {
    "可": ("许可", "认可", "不可", "准可"),
    "约": ("节约", "制约", "简约", "契约", "合约", "预约", "公约", "条约", "规约", "集约", "违约", "履约", "签约", "特约"),
    "达": ("发达", "表达", "传达", "下达", "到达", "抵达", "通达", "送达"),
    "近": ("接近", "最近", "附近", "临近", "邻近", "就近"),
    "均": ("人均", "户均", "亩均", "地均"),
    "有": ("拥有", "具有", "没有", "所有", "享有", "持有", "占有", "保有", "国有", "私有", "公有", "含有", "现有", "原有", "固有", "特有", "只有", "仅有"),
}


def _strip_tail_verbs(text: str, lex: TargetLexicon) -> tuple[str, str]:
    """Strip verbs and qualifiers written just before the number; return (rest, verbs)."""
    words = sorted(
        set(lex.increase + lex.decrease + lex.level + lex.qualifier_before)
        | {"拟按", "按", "拟", "约", "近", "达", "分别", "年均", "平均", "每年", "累计", "总计", "共", "以上", "过", "超", "再",
           "原则上", "一般", "应当", "须", "均", "预期", "预计", "计划", "预定", "均为", "目标为", "规定", "将", "要",
           "定为", "确定为", "定在", "保持", "高达", "必须", "务必", "可", "可以", "可望", "能够", "共有", "等于", "相当于",
           "将要", "也", "只", "仅", "占", "占到", "大约", "接近", "将近", "安排为", "拟定为", "拟定", "是", "继续", "应", "减",
           "至少有", "至少", "有", "力求", "应该"},  # (电站有一百个)
        key=len,
        reverse=True,
    )
    verbs = ""
    changed = True
    while changed and text:
        changed = False
        text = _TRAILING.sub("", text)
        timed = _TAIL_TIME.sub("", text)
        if timed != text and len(timed) >= 2:
            text, changed = timed, True
            continue
        for w in words:
            if text.endswith(w) and not text.endswith(_WORDS_ENDING_WITH_NOISE.get(w, ())):
                rest = text[: -len(w)]
                if w in ("增长", "增速") and 0 < len(_TAIL_TIME.sub("", _TRAILING.sub("", rest))) <= 2:
                    return text, verbs  # 经济增长预期目标为, 经济年均增长保持在: 经济 alone names nothing
                text = rest
                verbs = w + verbs
                changed = True
                break
    return text, verbs


def _indicator(
    sentence: str,
    clause_start: int,
    clause_end: int,
    q: Quantity,
    lex: TargetLexicon,
    *,
    prev_end: int | None = None,
) -> tuple[str, str]:
    """The indicator of a quantity and the verb in front of it."""
    right = sentence[q.end : clause_end]
    raw_left = sentence[clause_start : q.start]
    held = re.search(r"把(?P<x>[\u4e00-\u9fff]{1,12}?)(?:压减|削减|减少|降低|降到|提高到|提高|增加到|增加|扩大到|控制在|稳定在)[^，,；;。把]{0,4}$", raw_left)
    if held and len(held.group("x")) >= 2:
        return held.group("x"), ""  # 坚决把文件压减三分之一以上: what 把 holds is measured
    used_for = re.match(r"(?:左右)?(?:将|要|可|主要)?用于(?P<x>[\u4e00-\u9fff]{2,12})", right)
    if used_for and unit_kind(q.unit) == "percent":
        return used_for.group("x"), ""  # 一半用于大病保险, 三分之二左右将用于铁路建设: the use is measured
    if _is_attributive(sentence, q) and not raw_left.rstrip().endswith("达到"):
        # 设立总规模不少于100亿元的数字经济发展专项基金: the fund is measured.
        head = _right_indicator(_RATE_SUFFIX.sub("", right)[1:])
        rate = re.match(r"(?:幅度|比例|速度|力度)(?P<rest>.+)", head)
        if rate:
            # 按不低于5%的幅度压减一般性支出: the thing cut is measured.
            rest = rate.group("rest")
            cuts = sorted(lex.decrease + lex.increase + lex.object_verbs, key=len, reverse=True)
            verb = next((w for w in cuts if rest.startswith(w)), "")
            if verb and len(rest) - len(verb) >= 2:
                return rest[len(verb) :], verb
        return head, ""
    handled = re.match(rf"\s*对([\u4e00-\u9fff“”]{{2,16}}?)(?:今年|年底前|年内|明年)?{_MODAL_VERB}", raw_left)
    if handled:
        return handled.group(1), ""  # 对拖欠企业的款项年底前要清偿一半以上: what 对 names is measured
    share_of = _SHARE_OF_BASE.search(raw_left)
    if share_of and (unit_kind(q.unit) == "percent" or q.unit in ("倍", "成")):
        # 实习岗位不少于学校实习需求的80%, 奖励性绩效占比不低于绩效工资总量的70%: what is bounded is measured.
        named, _ = _strip_tail_verbs(_strip_lead(raw_left[: share_of.start("bound")], lex), lex)
        named = _TRAILING.sub("", _object_of_verb(named, lex)[0]).removeprefix("的")  # 为学校提供的实习岗位
        named = re.sub(r"^(?:这方面|这部分|这些|这个|这项|其)的?(?=[\u4e00-\u9fff]{2})", "", named)  # 这方面的投资占总投资的…
        if len(named) >= 2 and not _only_function_words(named):
            return _shorten(named), share_of.group("bound")
    after_prev = sentence[prev_end : q.start] if prev_end and prev_end > clause_start else None
    if after_prev == "" and not re.search(r"(?<![\d.])(?:一|1)\s*[\u4e00-\u9fff]$", sentence[clause_start:prev_end]):
        # (but 按农业人口达到一人一亩…农田: one per head)
        return "", ""  # 老旧小区改造21个3100户: the same thing measured again, named by the value before
    if after_prev is not None and re.search(r"[和及与、]\s*$", after_prev):
        # 培育600家科技小巨人企业和200家科技领军企业: same shape as the previous value.
        if re.match(r"的(?:预期|预定|既定)?(?:指标|目标|水平|要求)(?:[，,；;。]|$)", right):
            return "", ""  # 分别达到六十斤、八十斤、一百斤的指标: the goal's own word; the name came before
        return _right_indicator(right), ""
    if after_prev is not None and not _FROM_VALUE.match(sentence, prev_end or 0):
        # 减少企业税负3500亿元左右、涉企收费约2000亿元: the second value names its own thing.
        gap = re.sub(r"^[\s、，,和及与]+|^以及", "", after_prev)
        if re.match(r"\s*、", after_prev) and re.fullmatch(r"\s*(?:增长|增加|提高|下降|减少|降低)\s*", gap):
            return "", gap.strip()  # 地区生产总值突破3600亿元、增长10%以上: the same thing's growth
        named, _ = _strip_tail_verbs(_strip_lead(gap, lex), lex)
        place = re.search(r"在[^，,；;。在]{0,10}$", sentence[clause_start:prev_end])
        in_place = bool(place and _PLACE_ONLY.fullmatch(place.group() + named))  # 在全国三类地区: a count of places
        if len(re.findall(r"[\u4e00-\u9fff]", named)) >= 2 and not _only_function_words(named) and not re.search(r"\d|^[由从比较]", named) and not in_place:
            raw_left = gap
    left = _strip_lead(raw_left, lex)
    left = re.sub(r"^[一二三四五六七八九十]+是", "", left)
    left = _strip_lead(left, lex)
    left = re.sub(r"(?<=[到为至])\s*(?:人均|每人|平均每人)\s*$", "", left)  # 新标准提高到人均(1196元): per head says how the value is counted
    left, verbs = _strip_tail_verbs(left, lex)
    based = re.sub(r"(?:要|将)?在(?:19|20)\d{2}\s*年(?:底|末)?的基数上$", "", left)  # 工业总产值要在1954年的基数上(增长)
    if based != left:
        left, more = _strip_tail_verbs(based, lex)
        verbs = more + verbs
    if _PLACE_ONLY.fullmatch(left):
        left = ""  # 粮食的单位面积产量，到一九六七年在全国三类地区分别达到…: where the goal holds names nothing
    if (verbs == "在" or left.endswith("在")) and not _MEASURE_HEAD.search(left.removesuffix("在")):
        return _right_indicator(right), verbs  # 在36个大城市率先实现… (but 赤字率在2%左右)
    right_head = _right_indicator(right)
    ends_with_verb = next((w for w in sorted(lex.object_verbs + lex.build, key=len, reverse=True) if left.endswith(w)), "")
    if ends_with_verb:
        # 建设150家左右市域产教联合体: the thing counted follows the number.
        verbs = ends_with_verb + verbs
        stem = _TRAILING.sub("", _strip_lead(left[: -len(ends_with_verb)], lex))
        spender = _PAYER.fullmatch(re.sub(r"(?:将|要|拟|再|还|也)+$", "", stem))
        if right_head and spender and re.match(r"资金|经费", right_head) and ends_with_verb in ("投入", "安排", "筹集", "拨付"):
            # 中央财政拟投入420亿元资金: who spends names the money with it
            return re.sub(r"(?:将|要|拟|再|还|也)+$", "", stem) + ends_with_verb + right_head, verbs
        if right_head:
            return right_head, verbs
        stem = re.sub(r"(?:将|要|拟|再|还|也)+$", "", stem)
        stem = re.sub(r"(?:基本|全面|初步|再|新|累计|持续)$", "", stem)
        work = re.sub(r"^(?:再|又|还|也)?(?:推进|实施|完成|开展|加快)", "", stem)
        if ends_with_verb == "改造" and len(work) >= 2:
            # 推进燃煤电厂脱硫改造1500万千瓦, 再完成棚户区住房改造600万套: the work is named with its verb
            return _shorten(work + ends_with_verb), verbs
        if (q.unit.endswith(_EVENT_UNITS) or unit_kind(q.unit) == "people") and ends_with_verb in _ACTIVITY_VERBS:
            # 年均开展职业技能培训2万人次: the activity is counted, its verb is its name.
            stem = re.sub(r"^(?:开展|组织|举办|实施|完成)", "", stem)
            return _shorten(stem + ends_with_verb), verbs
        payer = re.sub(r"^(?:连续[一二三两四五]年)?由", "", stem)  # (连续三年)由市财政每年(出资): who pays, and how often
        if ends_with_verb in _PAY_VERBS and _PAYER.fullmatch(payer):
            return payer + ends_with_verb, verbs  # 今后三年各级政府拟投入8500亿元: who spends is part of the name
        # 中央预算内投资安排6100亿元: the subject names it; 新开工700万套: the verb does.
        return _shorten(stem if len(stem) >= 2 else stem + ends_with_verb), verbs
    if right_head and len(right_head) >= 2 and unit_kind(q.unit) == "count" and right_head not in ("目标", "任务", "要求", "指标") and not right_head[0].isdigit():
        # 实现省会、鲁南、胶东经济圈100项左右智慧应用打通: a count names the thing after it.
        return right_head, verbs
    # A verb with an object in front of the number: 拟发行超长期特别国债1.3万亿元.
    left, opened = _object_of_verb(left, lex)
    verbs = opened + verbs
    if re.search(r"每(?:天|日|周|月|年)$", left) and len(right_head) >= 2:
        return right_head, verbs  # 保证中小学生每天一小时校园体育活动: the activity is measured
    per_head = re.search(r"(?:每人平均|平均每人|每人|人均)(?:至少|不少于|不低于|达到|超过|约|近)?$", raw_left.rstrip())
    if per_head and len(right_head) >= 2 and not re.search(r"\d", right_head):
        return "人均" + right_head, verbs  # 争取每人平均至少一千五百斤粮食: grain per head is measured
    if raw_left.rstrip().endswith("的") and right_head:
        return right_head, verbs  # 打造具有推广效应的100个算法产品
    left = _TRAILING.sub("", _strip_lead(left, lex))
    if left and not _only_function_words(left):
        if not verbs and len(left) <= 3 and right_head:
            return right_head, verbs  # 孵化50家以上科技型企业: an unlisted verb
        return _shorten(left), verbs
    return right_head, verbs


#: A place alone before a value: 在全国三类地区, 在农村.
_PLACE_ONLY = re.compile(r"在(?:全国|全省|各地)?[^，,；;。\d]{0,8}?(?:地区|省份|省区|城市|农村|城镇|县市|区县)(?:中|内|里)?")
#: A bound before the base of a share: 不少于学校实习需求的(80%), 增加到全国人口的(72%); the last one.
_SHARE_OF_BASE = re.compile(
    r"^.*(?<![不下])(?P<bound>不少于|不低于|不高于|不超过|不大于|不小于|达到|超过|高于|低于|占到|占|增加到|提高到|提升到|扩大到|降低到|下降到|降到|降至)"
    r"(?P<base>[^，,；;。：:\d]{2,20}?)的\s*$"
)
#: Units that count events or attendances, and the verbs whose count they are (培训5000人次).
_EVENT_UNITS = ("人次", "场", "场次", "期", "批次")
_ACTIVITY_VERBS = ("培训", "招收", "资助", "开展", "举办", "组织")


def _object_of_verb(left: str, lex: TargetLexicon) -> tuple[str, str]:
    """The object after the first verb of ``left`` and the verbs that open it.

    The first verb opens the object (later ones are often part of its name:
    产业链布局比重); verbs chained to it go too (建成并开通5G基站10万个).
    """
    found = [
        (i, w)
        for w in lex.object_verbs
        if (i := left.find(w)) >= 0 and len(left) - (i + len(w)) >= 2 and not _inside_word(left, i, w)
    ]
    if not found:
        return left, ""
    i, w = min(found, key=lambda item: (item[0], -len(item[1])))
    verbs = w
    left = left[i + len(w) :]
    chained = re.match(r"(?:并|和|及|、)?(" + "|".join(sorted(lex.object_verbs, key=len, reverse=True)) + ")", left)
    if chained and len(left) - chained.end() >= 2 and not _inside_word(left, chained.start(1), chained.group(1)):
        verbs += chained.group(1)
        left = left[chained.end() :]
    return left, verbs


def _right_indicator(right: str) -> str:
    """The noun a number counts when it follows the number (建设150家左右市域产教联合体)."""
    right = re.sub(r"^(?:以上|以下|左右|以内|之内|上下|个|家|所|多)+", "", right)
    if not right or not re.match(r"[\u4e00-\u9fffA-Za-z0-9“\"]", right):
        return ""  # 470万套、新开工630万套: nothing is named after this number
    if re.match(r"[和及与]\s*[\d一二三四五六七八九十两百千]", right):
        return ""  # 分别达到八十斤和一百斤皮棉: the list goes on, the name comes after its last value
    if right.startswith("等"):
        return ""  # 水泥4200万吨、平板玻璃3500万标准箱等落后产能: the list's class, not this value's name
    if re.match(r"\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{1,2}(?:[，,；;。、]|$)", right):
        return ""  # 实施老旧小区改造21个3100户: a second measure of the same thing follows, not a name
    if re.match(r"(?:而)?(?:奋斗|努力)", right):
        return ""  # 为日产一千五百吨奋斗: the striving names nothing
    # Brackets that belong to a name stay (首台（套）); other punctuation ends the phrase.
    # (…科技项目的一百个课题: the next count begins a name of its own)
    phrase = re.split(
        r"[，,；;。：:]|、(?=[^，,；;。、]*\d)|[和及与](?=\d)|[（(](?![^）)]{1,3}[）)])|的(?=[\d一二三四五六七八九十两百千]+[个项家所条种类])",
        right,
    )[0]
    before_de, _, head = phrase.rpartition("的")
    if before_de and (
        re.search(r"\d|以上|以下|[百千万亿]", before_de)
        or ("、" in before_de and len(before_de) >= 8)  # a list of qualities, not of things (国家、行业标准的制修订)
        or _RIGHT_STOP.match(before_de)
        or re.match(r"在|对|为", before_de)
    ):
        # 规模达到1000亿元以上的创新型产业集群, 具有代表性的试点项目, 创新能力强、具有国际影响力的领军企业:
        # the head follows the last 的.
        if len(_RIGHT_STOP.split(head)[0]) >= 2:
            phrase = head
    phrase = re.split(_ETC, phrase)[0]
    phrase = _TRAILING.sub("", _RIGHT_STOP.split(phrase)[0])
    if len(phrase) > 30 and "、" in phrase:
        # 100家示范企业、技术研发中心、服务企业…: a long list after the number; its first item names it
        # (the head of a long phrase is kept at its end only on the left of a number).
        phrase = phrase.split("、")[0]
    return _shorten(phrase)


def _inside_word(text: str, i: int, w: str) -> bool:
    # 新增 inside 城镇新增就业 names the indicator; split only at the start or after a subject.
    before = text[:i]
    if re.match(r"投资|国债|资金|资本金|用地|经费|基金|债券|贷款|任务|强度|比重|比例|占比|总额|总量|水平|能力|增速|率|占|规模|数量|人数|时间|时限|周期|机制", text[i + len(w) :]):
        return True  # 长期建设国债, 更新改造投资, 研发经费投入占…比重, 清洁完成时间: the verb is part of the name
    if re.match(r"性(?!能|价比)|型", text[i + len(w) :]):
        return True  # 保障性租赁住房, 创新型企业: an adjective made of the verb
    if w not in ("新增", "增加", "减少", "实现", "形成", "发展") or not before or before.endswith(_SUBJECTS):
        return False
    if re.fullmatch(r"(?:全年|今年|每年|年内)?(?:再|又|还|继续|进一步|持续|累计)?", before):
        return False  # 全年再减少企业税负
    if w in ("新增", "增加", "减少") and re.search(r"(?:将|要|拟|计划|继续|再)$", before):
        return False  # 国家银行将增加农业贷款: a modal makes the verb the predicate
    # 到本世纪末实现工农业总产值翻两番: 实现 after a time or a long lead opens the clause.
    return not (w in ("实现", "形成") and (len(before) >= 4 or re.search(r"[末年前后就将要]$|能够$|可以$", before)))


def _only_function_words(text: str) -> bool:
    return bool(re.fullmatch(r"[的地得和与及并再又还也都共计为是在到达约近超过分别各每]+|(?:要|将|可以|能)?有", text))


#: Marks that open the items of a list in news copies and slides of a document (●, ■, ◆ …).
_BULLETS = "●■◆◇▲△•·★☆○□▪►◎※—－"


def _shorten(text: str, limit: int = 30) -> str:
    text = _BRACKET_NOTE.sub("", text).strip(" ，,、：:；;“”\"'")  # 运行信息（包括…等）采集入库比率: the note goes first
    text = text.lstrip(_BULLETS + " ")  # ●经济增长6%左右: a list's bullet names nothing
    if len(text) <= limit:
        return text
    # Keep the head of a long phrase: the words just before the number.
    for sep in ("，", "、", "的"):
        j = text.rfind(sep, 0, len(text) - 4)
        if 0 <= j and len(text) - j - 1 <= limit:
            return text[j + 1 :]
    return text[-limit:]


def _direction(verbs: str, left: str, q: Quantity, indicator: str, lex: TargetLexicon) -> str:
    tail = _TRAILING.sub("", left)[-8:]
    table = [(w, "increase") for w in lex.at_least if len(w) > 1] + [(w, "decrease") for w in lex.at_most if len(w) > 1]
    table += [(w, "decrease") for w in lex.decrease] + [(w, "increase") for w in lex.increase]
    table += [(w, "build") for w in lex.build] + [(w, "level") for w in lex.level]
    table.sort(key=lambda item: -len(item[0]))
    for w, direction in table:
        if tail.endswith(w):
            return direction
    if q.approx in lex.at_least:
        return "increase"
    if q.approx in lex.at_most:
        return "decrease"
    for w, direction in table:
        if direction != "level" and w in verbs:
            return direction
    if q.unit == "倍":
        return "increase"
    return "level"


def _qualifiers(left: str, q: Quantity, sentence: str, lex: TargetLexicon) -> str:
    found: list[str] = []
    tail = left[-6:]
    for w in lex.qualifier_before:
        if (tail.endswith(w) and not tail.endswith(_WORDS_ENDING_WITH_NOISE.get(w, ()))) or (w in ("力争", "争取", "确保") and w in sentence):
            if not any(w in f for f in found):
                found.append(w)
    if q.approx:
        found.append(q.approx)
    if q.upper is not None:
        found.append("区间")
    return ",".join(found)


def _qualitative(
    sentence: str, year: int | None, ctx: _Context, lex: TargetLexicon, *, schedule: bool = False
) -> dict[str, Any] | None:
    """到2035年，建成教育强国: a goal with a deadline and no number.

    With ``schedule``, the sentence is one year's part of a schedule (2021年，启动…): its
    opening year is the deadline, the document's own year included.
    """
    if _FORECAST.search(sentence) or _SCOPE_OF_PLAN.search(sentence):
        return None
    if re.search(r"(?:以下|如下|下列)(?:主要)?(?:目标|任务|指标)[：:]?\s*$", sentence.rstrip("。 ")):
        return None  # 到2025年，力争实现以下目标：: the list's lead, the goals follow
    if re.search(r"(?:能不能|能否|可不可以)[^，,；;。]{0,20}(?:实现|建成|完成|达到)", sentence):
        return None  # 能不能在本世纪内实现四个现代化，决定着…: what is at stake, not a commitment
    if re.search(r"曾(?:经)?[\u4e00-\u9fff]{0,2}(?:拟订|拟定|制定|编制)", sentence):
        return None  # 国务院曾拟订出…第六个五年计划的基本轮廓: a draft once made (but 曾经提出…建成: a call in force)
    # 现提出2021年度项目申报指南建议: a year that names a document's period (年度), not a deadline
    deadline, forward, past = _years_in(re.sub(r"((?:19|20)\d{2})(\s*)年度", r"□□□□\2□□", sentence), ctx)
    opening_year = _YEAR.match(sentence, len(sentence) - len(sentence.lstrip())) if schedule else None
    if opening_year and ctx.doc_year is not None and int(opening_year.group("year")) >= ctx.doc_year:
        deadline, forward = int(opening_year.group("year")), True
    within = _WITHIN_YEARS.search(sentence) if deadline is None and not past and not ctx.legal_text else None
    # 要在今后五年内, 准备在两三年内, 政府将在两三年内: a modal (and its subject) before the period
    opens_clause = within and re.search(
        r"(?:^|[，,；;：:])\s*(?:[\u4e00-\u9fff]{1,6}?(?=要|将|必须|准备|力争|争取))?(?:要|将|必须|准备|计划|力争|争取|再用|用)?(?:在|于)?$",
        sentence[: within.start()],
    )
    after = re.sub(r"^[，,\s]*(?:力争|争取|努力|要|将|必须|基本|全面|全部|初步|逐步地?|分批|逐年)*", "", sentence[within.end() :]) if within else ""
    first_after = re.split(r"[，,；;。]", after)[0]
    goal_follows = within and (
        _GOAL_VERB.match(after)
        # 在今后三年内，必须把现有企业整顿一遍: what is to be done by then (but 两年内不得…, a bar)
        or (
            (_GOAL_VERB.search(first_after) or _WITHIN_DONE.search(first_after))
            and re.search(r"(?:要|将|必须|准备|力争|争取)", sentence[: within.end() + 4])
        )
        # 在三年内，所有企业都要建立起…领导班子: a subject, then what it must achieve
        or (re.match(r"[^，,；;。]{0,12}?(?:都|均|也)?(?:要|必须|力争|争取)", after) and _GOAL_VERB.search(re.split(r"[，,；;。]", after)[0]))
        # 通过三年的努力，建材工业信息化基础支撑能力显著增强: a subject and what becomes of it
        or (re.match(r"\s*(?:通过|经过|再经过|用|再用)", within.group()) and (_GOAL_VERB.search(after) or _PREDICATE_ADVERB.search(after)))
    )
    if (
        within
        and opens_clause
        and goal_follows
        and not _WITHIN_BAR.search(first_after)
        # 三年内完成了一百项工程: a deed done in a period, reported
        and not re.search(rf"(?:{_GOAL_VERB.pattern}|{_WITHIN_DONE.pattern})了(?![解结])", first_after)
        and ctx.doc_year is not None
        and _looks_ahead_in_years(sentence, ctx)
    ):
        n = _span_years(within.group())
        if n and 1 <= n <= 10:
            deadline = ctx.doc_year + int(n)  # 两年内实现…全覆盖: a goal due in two years
    else:
        within = None
    # 力争年底前建成省级平台: this year's end, in a document that commits to it
    year_end = None
    if deadline is None and not within and not past and not ctx.legal_text and ctx.doc_year is not None:
        year_end = re.search(r"(?:力争|确保|争取)[^，,；;。]{0,12}?(?:今年|本年)?(?:年底前|年内)|要在(?:今年|本年)(?:年底前|内|底前)", sentence)
        deadline = ctx.doc_year if year_end else None
    if deadline is None or (past and not forward) or ctx.mode == "past":
        return None
    m = opening_year or next((y for y in _YEAR.finditer(sentence) if y.group("pre") in ("到", "至", "展望") or y.group("post")), None)
    plan = re.search(rf"{_PLAN_NAME}[”\"]?期?末", sentence) or _CENTURY.search(sentence) or _NEXT_YEAR_END.search(sentence)
    anchor = m.end() if m else (plan.end() if plan else (within.end() if within else (year_end.end() if year_end else 0)))
    rest = sentence[anchor:]
    # 2023年底前，实现全省政务服务事项“标准规范”: the clause opens on its verb (kept, not stripped as noise).
    lead = r"^(?:力争|争取|努力|确保|要|将|基本|全面|全部|初步|统筹|加快|逐步|系统|整体|有序|稳步|率先|进一步|如期|按期|按时|顺利)+"
    clauses = re.split(r"[，,；;。！？]", rest.lstrip("，, "))
    clause = clauses[0]
    means_words = r"\s*(?:统筹|依托|通过|围绕|聚焦|坚持|以|按照|结合|立足|发挥|整合|利用|用好|面向)"
    means = re.match(means_words, clause)
    plain = not (_GOAL_VERB.search(re.sub(lead, "", clause.strip())) or _PREDICATE_ADVERB.search(clause))
    if (means or re.match(r"\s*(?:力争|争取)", clauses[1] if len(clauses) > 1 else "")) and len(clauses) > 1 and plain:
        # 到2025年，统筹各方资源，建设一批市域产教联合体: the means first, then the goal;
        # 展望2035年，数字经济迈向繁荣成熟期，力争形成…市场体系: a state first, then the goal it strives for
        caused = re.sub(r"^使", "", clauses[1].strip())  # 通过改革…，使大多数国有大中型亏损企业摆脱困境
        if _GOAL_VERB.match(re.sub(lead, "", clauses[1].strip())):
            clause = clauses[1]
        elif within and caused != clauses[1].strip() and (_GOAL_VERB.search(caused) or _WITHIN_DONE.search(caused)):
            clause = caused
    opening = _GOAL_VERB.match(re.sub(lead, "", clause.strip()))
    if schedule and not opening:
        opening = _ACTION_VERB.match(re.sub(lead, "", clause.strip()))  # 2020年，制定《…标准》
    clause = re.sub(lead, "", clause.strip()) if opening else _strip_lead(clause, lex)
    verb = opening or _GOAL_VERB.search(clause) or (_WITHIN_DONE.search(clause) if within and not re.match(means_words, clause) else None)
    adverb = _PREDICATE_ADVERB.search(clause)
    cut = min([x.start() for x in (verb, adverb) if x] or [len(clause)])
    raw_subject = clause[:cut]
    subject = _strip_lead(raw_subject, lex).strip()
    subject = re.sub(r"^(?:全省|全市|全国|我省|我市|在)", "", subject)
    actor = re.search(r"(?:都|均|也)?(?:要|必须|力争|争取)$", subject)  # 所有企业都要建立起…: who acts, not what is built
    made_into = re.search(r"把[\u4e00-\u9fff]{1,10}?(?:建设|建|发展)成为?(?P<what>[^，,；;。]{2,30}?)(?:而|$)", clauses[0])
    # 争取全国大部分县普及…小学教育: the places are where, what they achieve is the goal
    places = re.fullmatch(r"(?:大部分|大多数|多数|所有|全部|各|每个)[\u4e00-\u9fff]{0,4}(?:县|市|省|区|地区|城市|乡镇|村)", subject)
    # 济南建成高水平引领型国家创新型城市: a place that becomes something; what it becomes is the goal
    # (but 教育强国基本建成 names its goal before the verb)
    becomes = verb and re.match(r"(?:基本|全面)?建成|成为|打造成?|形成", verb.group()) and len(subject) <= 4 and len(
        re.sub(r"[\s，,；;。、]", "", clause[verb.end() :])
    ) >= 2
    if made_into:
        indicator, direction = made_into.group("what"), "build"  # 把我国建设成为社会主义的现代化强国: what it is made into
    elif within and verb and (held := re.search(r"把([\u4e00-\u9fff“”]{2,16})$", raw_subject.strip())):
        indicator, direction = held.group(1) + verb.group(), "level"  # 必须把现有企业整顿一遍: what is held, and what is done to it
    elif not opening and not actor and not places and not becomes and len(subject) >= 2 and cut < len(clause) and not re.search(r"在|对|通过|围绕|以", raw_subject):
        indicator = subject
        direction = "level"
    elif verb:
        obj = re.sub(r"^起来?", "", clause[verb.end() :])  # 建立起
        obj = _VAGUE_OBJECT.sub("", obj)
        # 并 ends the object, unless it joins two modifiers of one noun (有专家参加并能发挥作用的领导班子)
        obj = re.split(r"(?<=[\u4e00-\u9fff])等(?![级次])|并(?![^，,；;。]*的)|和开展|，", obj)[0]
        if "的" in obj and len(obj) > 12:
            before_de, _, head = obj.rpartition("的")
            obj = before_de if re.fullmatch(r"(?:战略|奋斗|发展|主要)?(?:目标|任务|要求)", head) else head
        indicator = re.sub(r"^(?:全省|全市|全国|我省|我市)", "", obj)
        if within and not indicator.strip(" ，,。") and _WITHIN_DONE.fullmatch(verb.group()):
            indicator = verb.group()  # 都必须在今后一年内扭亏为盈: the deed names the goal
        direction = "build" if re.search(r"建|形成|打造|培育", verb.group()) else "level"
    else:
        return None
    named = re.match(r"\s*([\u4e00-\u9fff“”]{2,16}?)(?:要|将|必须|应当)", sentence)
    if within and named and re.fullmatch(r"分批|逐步|全部|基本|全面|陆续|分期", indicator.strip()):
        indicator = named.group(1)  # 企业的整顿工作要…，准备在两三年内，分批完成: what is done is named first
    indicator = _shorten(indicator.strip(" ，,、“”\"《》"), limit=40)
    if indicator.endswith("的"):
        return None  # 准备在一九五九年列入计划的建设项目，…: the year dates a noun's clause, not a goal
    named_before = year_end and not m and re.fullmatch(r"[\u4e00-\u9fff]{2,16}", sentence[: year_end.start()].strip())
    if named_before and (len(indicator) < 2 or re.fullmatch(r"全部|基本|全面|全部都", indicator)):
        # 在建项目要在今年年底前全部建成: what is to be done is named before the deadline
        indicator = _strip_lead(named_before.group(), lex)
    if len(indicator) < 2 or any(q.start == 0 and q.end >= len(indicator) - 1 for q in find_quantities(indicator)):
        return None  # (达到500亿美元: a value the rules turned down is not the name of a goal; 四个现代化 is one)
    return {
        "indicator": indicator,
        "value": None,
        "unit": "",
        "year": deadline or year,
        "direction": direction,
        "qualifier": "力争" if "力争" in sentence else "",
        "raw": "",
    }
