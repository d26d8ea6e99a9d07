"""Who bears a duty: the actor phrase before a cue, and its type.

Chinese has no spaces and we do not run a parser per sentence, so the bearer is
found with the actor lexicon (``models/actors.yaml``): a bearer is a phrase that
ends with a known head (学校, 人民政府, 教育行政部门, 联合体 ...). Heads may be
chained when what lies between them keeps one noun phrase: a coordinator
(县级以上人民政府和有关部门), a possessive or relative 的 (民办学校的举办者,
实施义务教育的民办学校), a modifier such as 有关/其他/所属, or the name of a
department under a government (县级以上人民政府人力资源社会保障部门). Anything
else (a verb, a preposition such as 对/在/按照) ends the phrase, so that in
职业学校实施职业教育应当… the bearer is 职业学校 and in 学校对实习学生应当… it is 学校.

Names that the lexicon does not list whole are built from a known head:

- one-character heads (…局, …厅, …司, …处, …组, …长, …校) close a name only
  after another character, and some only after the words listed
  (``suffix_heads`` with ``not_after`` / ``only_after`` in ``models/actors.yaml``);
- a verb right before a person head makes an agent noun (卫生监督员, 管理人员);
- a unit under a ministry keeps the ministry (教育部职业教育发展中心), and a name
  opened by 国家 / 本市 may hold a verb (国家开放大学);
- a short bare noun compound between two heads joins them (学校卫生监督员,
  普通高等院校职业师资班毕业生), but only where what follows the phrase shows it
  is a name: the cue or an adverbial in the cue's own clause, an adverbial in an
  earlier clause. 用人单位招用人员，应当… keeps 用人单位, and a word that jieba's
  dictionary tags as a plain verb (派遣, 受害) never joins a person head
  (劳务派遣单位派遣劳动者应当… is 劳务派遣单位);
- a conjunct may carry a long modifier or a relative clause of its own
  (车企、服务商及智能驾驶软件提供商等; 个体工商户、未在用人单位参加…的非全日制从业人员).

A phrase that only serves a thing is no bearer: the agent of a bare relative
clause whose head is a thing (职业技能培训机构发布的招生简章应当…), a phrase opened
by a preposition (对直接负责的主管人员可…; 在有条件的地方，可以…), an activity after
禁止 / 鼓励 (禁止安排一年级学生…).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from ._lexicon import ActorLexicon

__all__ = [
    "strip_label",
    "find_actor_zh",
    "find_actor_after_zh",
    "find_actor_en",
    "is_party_en",
    "actor_type",
    "actor_parts",
]

_CJK = re.compile(r"[\u3400-\u9fff]")

# Clause and list numbers that start a sentence: 第十二条, （三）, 一、, 1., 2）, ①, (a)
_LABEL = re.compile(
    r"^[\s\u3000]*(?:"
    r"第[零〇一二三四五六七八九十百千\d]+[条款项章节](?:之[一二三四五六七八九十]+)?"
    r"|[（(][零〇一二三四五六七八九十百\d]{1,4}[）)]"
    r"|[一二三四五六七八九十百]{1,3}[、．.]"
    r"|\d{1,3}(?:[.．]\d{1,3})*(?:[、．.）)]|\s)"
    r"|[①-⑳]"
    r"|[a-zA-Z][.)）]\s"
    r"|[（(][a-zA-Z][）)]"
    r")[\s\u3000]*"
)

# Words that cannot sit inside a bearer phrase (unless a 的 later closes a relative
# clause around them): prepositions, adverbials, verbs of process.
_MARKER = re.compile(
    r"按照|依照|依据|根据|遵照|参照|依法|通过|结合|针对|会同|对于|关于|凭借|利用|采取|经过|围绕|面向|聚焦|依托|立足|借助"
    r"|对(?![口外象])|(?<!所)在(?![校职岗读编研建园])|向(?!导)|于|从(?!事|业)|将|把|经(?![营济费过办])|以(?![上下外内及])"
    r"|凭|自(?![治然主愿律学费筹])|按|当(?!地|事)|每(?!个|一个|一|位|名|家|所)|未(?!成年)|已|不|没有|是|由|为(?!主)|若|如|到(?![期位岗])"
)
# Verbs that open a predicate: after a modifier head (本市发展农村职业教育) or inside a
# list of bearers they end the phrase.
_VERB = re.compile(
    r"发展|建立|建设|加强|推进|推动|促进|实施|开展|制定|设立|举办|提供|参与|参加|培养|培训|开放|完善|健全|"
    r"落实|支持|鼓励|引导|利用|探索|创新|提高|提升|加快|深化|形成|打造|构建|实现|保障|保护|负责|承担|办理|申请|"
    r"使用|进行|采取|安排|招收|录用|聘用|聘任|收取|管理|监督|指导|审核|审批|研究|制订|编制|加大|优化|强化|扩大|"
    r"组织(?=[^，。；]{0,12}(?:开展|实施|编写|审查|评估|制定))"
)
_NP_GLUE = re.compile(
    r"^(?:[、]?(?:和|与|及|及其|以及|或者|或|并|同)?(?:其他|其|有关|相关|所属|直属|下属|本级|同级|所在地|各级|各|"
    r"各类|其所属|其他有关|所在|上述|地方|相应|退休|离退休|在职|专职|兼职|专任|优秀|骨干|特级|新任|青年|农村|乡村|"
    r"城镇|公办|民办|营利性|非营利性)?[、]?|[、]|等|[\"“][^\"”]{1,20}[\"”]|（[^（）]{1,20}）)*$"
)
# A phrase that opens with one of these verbs is an action used as a topic
# (申请加入本联合体，应当… / 设立职业学校，应当…), not a bearer — unless a 的 makes
# it a relative clause (举办民办学校的社会组织).
_VP_START = re.compile(
    r"(?:申请|设立|举办|办理|招收|开展|实施|从事|召开|讨论|使用|提供|参加|接受|取得|变更|审批|制定|建立|聘任|聘用|"
    r"组织|安排|发布|编制|修改|终止|委托|联合举办|新建|改建|扩建|进行|采取|加入|退出|处理|录用|招用|设置|预防|"
    r"需要|举行|加强|推进|推动|促进|完善|培养|鼓励|引导|研究|制订|规范|探索|加快|深化|发挥|发现|选拔|安排)(?![者人方])"
)
_ACTIVITY = re.compile(r"(?:联合)?举办|设立|开展|组建|创办|兴办|参与|参加|发挥")
# verbs that open an activity too (鼓励建立第三方…平台), unless they make an agent noun with
# the head right after them (鼓励建设单位…)
_ACTIVITY_MORE = re.compile(r"建立|建设|打造|构建|成立|培育|引进|搭建")
# what a supported thing undergoes (支持…试验验证平台建设): the thing is the object, not a party
_THING_HEADS = ("平台", "载体", "基地", "中心", "园区", "实验室", "项目", "工程", "设施", "场景", "体系")
_OBJECT_TAIL = re.compile(
    r"(?:建设|发展|运营|运行|改革|创新|升级|转型|应用|研发|推广|培育|提升|创建|布局)(?:[和及与、][^，,；;。]{0,24})?"
)
# verbs that the gap of a bare noun compound may not hold (外交部代表中华人民共和国政府)
_GAP_VERB = re.compile(
    r"代表|委托|确定|变更|招用|聘请|选派|指定|授权|组成|批准|决定|通知|要求|督促|协助|配合|联合|承办|主办|协调|统筹|"
    r"审查|登记|备案|公布|发布|设置|选择|接收|接受|派出|派驻|兼办|发现|收到|接到|交付|报送|提交|出具|取得|作出|召开|"
    r"请|违反|阻碍|派遣|查处|表明|提出|提供"
)
_COORD = re.compile(r"^(?:、|和|及|以及|或者|或|与|同)")
# plain characters of a noun compound: no punctuation, no coordinator, no 的
_COMPOUND = re.compile(r"(?:(?![的和与及或并同跟])[\u4e00-\u9fff（）()])+")
_NOTE = re.compile(r"（[^（）]{1,12}）|\([^()]{1,12}\)")
# after a coordinator: a relative clause (up to 30 characters, closed by 的) and a short modifier
_COORD_RELATIVE = re.compile(r"(?:其他|其)?([^，,；;：:。、]{1,30})的([\u4e00-\u9fff]{0,8})")
_PERSON_TYPES = frozenset(["teacher", "student", "other"])
_ORG_ENDINGS = (
    "机构",
    "单位",
    "组织",
    "中心",
    "委员会",
    "机关",
    "团体",
    "基地",
    "平台",
    "集团",
    "协会",
    "学会",
    "事务所",
)
_PERSON_ENDINGS = ("人员", "人", "者", "员", "师", "生", "家", "士", "工", "青年", "儿童", "妇女", "老年人")
_COORD_NO_WITH = re.compile(r"^(?:、|和|及|以及|或者|或)")
_GOV_TYPES = frozenset(["government", "education authority", "other department"])
# units that a ministry or a government names under itself (教育部职业教育发展中心)
_UNIT_HEADS = frozenset(
    ["中心", "司", "处", "局", "办公室", "办公厅", "研究院", "研究所", "委员会", "服务中心", "总局"]
)
_DEPT_HEADS = frozenset(
    [
        "部门",
        "行政部门",
        "主管部门",
        "机关",
        "委员会",
        "办公室",
        "办公厅",
        "督导机构",
        "工会",
        "局",
        "厅",
        "司",
        "处",
    ]
)
# 审批机关, 培养单位, 使用单位, 实施主体: a verb and one of these heads make an agent noun
_AGENT_HEADS = ("机关", "机构", "单位", "主体", "人员", "组织", "企业")
# Heads that also modify a following noun (本市未成年犯管教机构, 国家重点研发计划的…负责人).
_MODIFIER_HEADS = frozenset(
    [
        "本市",
        "本省",
        "国家",
        "地方",
        "各地",
        "城市",
        "全社会",
        "政府",
        "社区",
        "地区",
        "园区",
        "乡村",
        "农村",
        "市",
        "县",
        "省",
    ]
)
_TRAILING = re.compile(
    r"(?:都|也|还|均|亦|则|即|就|分别|共同|一律|原则上|同时|首先|切实|积极|主动|大力|进一步|依法|要|应|须)*"
)
_TIME_AFTER = re.compile(r"(?![在于])[^，,的]{0,6}?(?:期间|之时|时|以后|之后|以前|之前)$")
_LEADING_ADVERBIAL = re.compile(
    r"^(?:"
    r"(?:在|于)[^，。；]{0,25}?(?:过程中|期间|以前|以后|之前|之后|之际|同时|方面|中|时|内|下|前|后)"
    r"|(?:按照|依照|依据|根据|遵照|参照|对照)[^，。；]{0,25}?(?:规定|要求|需要|情况|实际|标准|原则|办法|职责|权限|计划|规划|分工|程序|约定)"
    r"|依法|原则上|同时|此外|另外|必要时|确有必要的?|积极|切实|并且|并|同样|也|还"
    r")"
)
_ABBREVIATION = re.compile(r"[（(](?:以下简称|以下称|下称|简称)[^（）()]{1,24}[）)]")
_OWNED_THING = re.compile(
    r"的(?!(?:都|也|还|均|亦|则|即|就|分别|共同|一律|原则上|同时|首先|切实|积极|主动|依法)*$)"
    r"[\u4e00-\u9fff（）()]{1,10}?(?:都|也|还|均|亦|则|分别|一律|原则上|依法)*"
)
_DURING = re.compile(r"(?:存续|成立|设立|举办|办学|实习|清算|任职|任期|运行)?(?:期间|之时)$")
_OPEN_PUNCT = "（(“\"'‘《「『【[ 　"
_SEPARATORS = re.compile(r"[、，,]|和|及|与|以及|或者|或|并|同")


def strip_label(text: str) -> int:
    """Return the offset where a sentence's body begins after its clause number."""
    pos = 0
    for _ in range(3):  # 第五条 （一） at most a couple deep
        m = _LABEL.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
    return pos


# Person heads that a verb before them turns into an agent noun (卫生监督员, 安全生产管理人员)
_AGENT_SUFFIXES = frozenset(["员", "人", "者", "师", "商", "人员"])
_AGENT_VERB = re.compile(
    r"(?:管理|监督|服务|经营|生产|销售|研究|设计|施工|检查|检验|执法|操作|维护|运营|咨询|评估|审核|指导|教学|培训|"
    r"鉴定|审计|评审|调解|仲裁|监测|检测|推广|开发|建设|运输|供应)(?=[员人者师商])"
)


# A head right before one of these nouns modifies it (职业学校教育, 教师考核, 学徒培训)
# and cannot end a bearer phrase.
_MODIFIED_NOUN = re.compile(
    r"教育(?!行政|主管|部门|机构|督导|考试|工会)|工作(?!人员)|经费|事业(?!单位|组织)|制度|标准|规划|情况|条件|考核|"
    r"队伍|资格|工资|待遇|权益|权利|义务|职责|用地|设施|资源|质量|水平|能力|信息|体系|机制|章程|名称|"
    r"财务|资产|专业|课程|教材|住房|医疗|津贴|补贴|证书|岗位|数量|比例|规模|结构|布局|财产|(?<=政府)采购|预算|性(?!别)|生均|"
    r"就业(?!服务机构|机构|部门)|保障金|收入|场地|场所|校舍|体育(?!行政|主管|部门|总局|局|协会|俱乐部|组织)|"
    r"健康(?!主管|行政|部门)|档案(?!馆|部门|机构|主管)|卫生(?!健康|行政|部门|主管|监督|机构)|犯罪|教学(?!指导委员会|人员|机构)|"
    r"职业资格|职称"
)


def _heads(region: str, lex: ActorLexicon) -> list[tuple[int, int]]:
    """Head spans, left to right; where two heads overlap the one ending later wins
    (市民政部门 is 市 + 民政部门, 安全生产管理人员 ends with 人员, not 管理人)."""
    found: list[tuple[int, int]] = []
    for m in _overlapping(lex.zh_pattern).finditer(region):
        s, e = m.span(1)
        if e == s:
            continue
        if found and s < found[-1][1]:
            if e > found[-1][1]:
                found[-1] = (s, e)
        elif (
            found
            and region[s:e] == "组织"
            and s == found[-1][1]
            and _CJK.match(region[e : e + 1] or " ")
            and not _MARKER.match(region, e)
            and region[e] not in "、和及与等或"
        ):
            pass  # 主管部门组织第三方…: after a head and before its object, 组织 is a verb
        else:
            found.append((s, e))
    out = []
    for s, e in found:
        if _MODIFIED_NOUN.match(region, e):
            continue
        # 监督员, 管理人员, 服务商: a verb right before a person head makes one agent noun
        if region[s:e] in _AGENT_SUFFIXES:
            v = _AGENT_VERB.search(region, max(0, s - 4), e)
            if v is not None and v.end() == s and (not out or v.start() >= out[-1][1]):
                s = v.start()
        out.append((s, e))
    return out


@functools.lru_cache(maxsize=8)
def _overlapping(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The head pattern as a lookahead, so that one scan finds a head at every position."""
    return re.compile(f"(?=({pattern.pattern}))")


def _marker_outside_relative(text: str) -> bool:
    """True when ``text`` holds a marker that no later 的 closes into a relative clause
    (the copula 是 always counts: 督学是…的近亲属)."""
    for m in _MARKER.finditer(text):
        if m.group(0) == "是" or "的" not in text[m.end() :]:
            return True
    return False


def _gap_ok(gap: str, prev_head: str, next_head: str, lex: ActorLexicon, allow_with: bool) -> bool:
    """True when ``gap`` (the text between two heads) keeps them in one noun phrase."""
    gap = gap.replace("\u3000", "")
    if not gap:
        return True
    if re.search(r"[，,；;：:。]", gap):
        return False
    # a bracketed note (（含任务或课题）, （市、区）) does not lengthen a name
    bare = _NOTE.sub("", gap)
    if prev_head in _MODIFIER_HEADS and len(bare) <= 16 and not _MARKER.search(bare) and not _VERB.match(gap):
        return True
    if not allow_with and gap[0] in "与同":
        return False
    if _NP_GLUE.match(gap):
        return True
    coord = _COORD if allow_with else _COORD_NO_WITH
    m = coord.match(gap)
    if m:
        rest = gap[m.end() :]
        if (
            (len(gap) <= 8 or (gap.startswith("、") and len(gap) <= 14 and not _VERB.search(gap)))
            and not _MARKER.search(rest)
            and "的" not in gap
        ):
            return True  # 企业、事业组织: the head is shared; 企业、…、农业专业化社会化服务组织
        if len(rest) <= 12 and _COMPOUND.fullmatch(rest) and not _MARKER.search(rest):
            return True  # 车企、服务商及智能驾驶软件提供商
        rel = _COORD_RELATIVE.fullmatch(rest)
        if rel and not _MARKER.search(rel.group(2)) and not re.search(r"[同与跟]", rel.group(2)):
            # 个体工商户、未在用人单位参加基本养老保险的非全日制从业人员: a conjunct
            # with a relative clause of its own
            return True
    if gap.endswith("的") and len(gap) <= 12 and not _MARKER.search(gap) and not re.search(r"[同与跟]", gap):
        return True  # 企业招用的从事技术工种的劳动者: relative clauses before the head
    if "的" in gap:
        k = gap.index("的")
        before, after = gap[:k], gap[k + 1 :]
        return (
            len(before) <= 4
            and (
                len(after) <= 6
                or (
                    len(after) <= 10
                    and not _GAP_VERB.search(before + after)
                    and not re.search(r"或|或者", after)
                    and (_is_organisation(next_head, lex) or not (before or _has_verb(after)))
                )
            )
            and not _MARKER.search(before)
            and not _MARKER.search(after)
            and not re.search(r"[同与跟]", after)
        )
    if next_head in _DEPT_HEADS or next_head.endswith(("部门", "机关")):
        # 县级以上人民政府人力资源社会保障部门; 财政、税务、…、市场监督管理等部门
        pieces = [p for p in re.split(r"[、和及与]|等$", gap) if p]
        if len(gap) <= 80 and pieces and all(len(p) <= 10 and not _MARKER.search(p) for p in pieces):
            if lex.type_of_head(prev_head) in _GOV_TYPES or "、" in gap:
                return True
    return False


def _compound_ok(gap: str, prev_head: str, next_head: str, lex: ActorLexicon) -> bool:
    """学校卫生监督员, 家庭暴力受害人, 普通高等院校职业师资班毕业生: a short noun compound
    between two heads (no verb, preposition or 的) may make one name; so may the name
    of a unit under a ministry (教育部职业教育发展中心) or a name opened by 国家 / 本市
    (国家开放大学). Whether it does is decided by what follows the whole phrase (see
    :func:`_start_anchored`)."""
    gap = gap.replace("\u3000", "")
    if gap.startswith("等"):
        gap = gap[1:]  # 高等学校、科研院所、企业等创新主体
    if not gap or gap[0] in "与同跟和及或并" or _COMPOUND.fullmatch(gap) is None or _MARKER.search(gap):
        return False
    if len(gap) <= 12 and next_head in _UNIT_HEADS and lex.type_of_head(prev_head) in _GOV_TYPES:
        return True
    if (
        len(gap) <= 8
        and prev_head in ("国家", "本市", "本省", "全国", "中国")
        and next_head not in _MODIFIER_HEADS
    ):
        return True
    # a verb before an organisation names what it does (反垄断执法机构, 非银行支付机构);
    # before a person it takes an object (劳务派遣单位派遣劳动者)
    return (
        len(gap) <= 6
        and not _VERB.search(gap)
        and not _GAP_VERB.search(gap)
        and next_head not in _MODIFIER_HEADS
        and (_is_organisation(next_head, lex) or not _has_verb(gap))
    )


def _is_organisation(head: str, lex: ActorLexicon) -> bool:
    """True for a head that names a body (学校, 机构, 委员会), not a person (教师, 受害人)."""
    return lex.type_of_head(head) not in _PERSON_TYPES or head.endswith(_ORG_ENDINGS)


def _has_verb(text: str) -> bool:
    """True when jieba's dictionary reads a word of ``text`` as a plain verb (v, not the
    nominal vn): 劳务派遣单位派遣劳动者 is a clause, 学校卫生监督员 a name."""
    return any(flag == "v" for _w, flag in _pos(text))


def _is_organisation(head: str, lex: ActorLexicon) -> bool:
    """True for a head that names a body (学校, 机构, 委员会), not a person (教师, 受害人)."""
    return lex.type_of_head(head) not in _PERSON_TYPES or head.endswith(_ORG_ENDINGS)


@functools.lru_cache(maxsize=4096)
def _has_verb(text: str) -> bool:
    """True when jieba's dictionary reads a word of ``text`` as a plain verb (v, not the
    nominal vn): 劳务派遣单位派遣劳动者 is a clause, 学校卫生监督员 a name."""
    import logging

    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    return any(w.flag == "v" for w in jieba.posseg.lcut(text, HMM=False))


def _strip_tail(region: str, end: int) -> int:
    """The end of a phrase without the 等 / bracket that :func:`_extend_tail` added."""
    m = re.search(r"(?:等|（[^（）]{1,8}）)$", region[:end])
    return m.start() if m else end


def _extend_tail(region: str, end: int) -> int:
    # 行业组织、企业等 / 特殊教育学校（班）: keep a trailing 等 or a short bracket.
    m = re.match(r"等(?!级)|（[^（）]{1,8}）", region[end:])
    return end + m.end() if m else end


def _start_anchored(
    body: str,
    heads: list[tuple[int, int]],
    lex: ActorLexicon,
    *,
    allow_with: bool = True,
    tail: Callable[[str, int], bool] | None = None,
) -> tuple[int, int] | None:
    """The bearer phrase that starts at the first head outside a verb phrase and runs
    on while the gaps keep one noun phrase.

    ``tail`` decides whether a phrase joined by a bare noun compound
    (:func:`_compound_ok`) may end where it ends: 学校卫生监督员在… is one name, while in
    用人单位招用人员，应当… the second head is the object of a verb the lexicon
    does not know.
    """
    first = None
    for i, (s, _e) in enumerate(heads):
        if not _marker_outside_relative(body[:s]):
            first = i
            break
    if first is None:
        return None
    end, used = _chain(body, heads, first, lex, allow_with, compound=tail is not None)
    if used and tail is not None and not tail(body, end):
        end, _ = _chain(body, heads, first, lex, allow_with, compound=False)
    return 0, _extend_tail(body, end)


def _chain(
    body: str,
    heads: list[tuple[int, int]],
    first: int,
    lex: ActorLexicon,
    allow_with: bool,
    *,
    compound: bool,
) -> tuple[int, bool]:
    end = heads[first][1]
    prev = body[heads[first][0] : end]
    used = False
    j = first + 1
    while j < len(heads):
        s, e = heads[j]
        if s < end:
            j += 1
            continue
        if _gap_ok(body[end:s], prev, body[s:e], lex, allow_with):
            end, prev = e, body[s:e]
            j += 1
            continue
        if compound and _compound_ok(body[end:s], prev, body[s:e], lex):
            end, prev, used = e, body[s:e], True
            j += 1
            continue
        # a department head further on may still continue a government head
        jump = None
        for k in range(j + 1, len(heads)):
            s2, e2 = heads[k]
            # a list of departments sharing one head (民政、…、农业农村等部门) may be long
            if s2 - end > (80 if body[end : end + 1] == "、" else 14):
                break
            head2 = body[s2:e2]
            gap2 = body[end:s2]
            # 个体工商户、未在用人单位参加…的非全日制从业人员: a head inside the relative
            # clause of the next conjunct is skipped
            relative = "的" in gap2 and s2 - end <= 40 and _COORD.match(gap2) is not None
            if (head2 in _DEPT_HEADS or head2.endswith(("部门", "机关")) or relative) and _gap_ok(
                gap2, prev, head2, lex, allow_with
            ):
                jump = k
                break
        if jump is None:
            break
        end, prev = heads[jump][1], body[heads[jump][0] : heads[jump][1]]
        j = jump + 1
    return end, used


def _tail_own(body: str, end: int) -> bool:
    """In the cue's own clause a name may run up to the cue or up to an adverbial."""
    rest = body[_extend_tail(body, end) :].replace("\u3000", "")
    return _TRAILING.fullmatch(rest) is not None or _MARKER.match(rest) is not None


def _tail_marker(body: str, end: int) -> bool:
    """In an earlier clause (or after 鼓励) only an adverbial may follow the name."""
    rest = body[_extend_tail(body, end) :].replace("\u3000", "")
    return bool(rest) and _MARKER.match(rest) is not None


def find_actor_zh(region: str, lex: ActorLexicon, *, own_clause: bool = True) -> tuple[int, int] | None:
    """Find the bearer in the text before a cue (same clause); return its span.

    Args:
        region: the clause text from its start up to the cue.
        lex: the actor lexicon.
        own_clause: the region is the cue's own clause; a phrase followed by
            期间/时 there is a time adverbial (民办学校存续期间不得…), while in an
            earlier clause (取得教师资格的人员首次任教时，应当…) it is the bearer.

    Returns:
        ``(start, end)`` of the bearer in ``region``, or None.
    """
    start = 0
    # …全覆盖（省大数据局牵头）: inside an unclosed bracket the bearer starts after it
    depth_open = [i for i, ch in enumerate(region) if ch in "（("]
    for i in reversed(depth_open):
        if not re.search(r"[）)]", region[i:]):
            start = i + 1
            break
    while start < len(region) and region[start] in _OPEN_PUNCT:
        start += 1
    lead = re.match(r"由|以及|并且|和|及|并", region[start:])
    if lead:
        start += lead.end()
    # Leading adverbials (在…中, 按照…规定, 依法) before the subject.
    while True:
        m = _LEADING_ADVERBIAL.match(region, start)
        if not m or m.end() == start:
            break
        # 依法设立的民办学校, 根据需要设立的分支机构: the adverbial sits in a relative
        # clause of the bearer (closed by 的 before a head), not before the subject
        rel = re.match(r"[^，,；;：:的]{1,14}的", region[m.end() :])
        if rel and lex.zh_pattern.search(region, m.end() + rel.end()):
            break
        start = m.end()
        while start < len(region) and region[start] in "，, ":
            start += 1
    # 各市域产教联合体（以下简称联合体）、…: an abbreviation note is read as blank
    body = _ABBREVIATION.sub(lambda m: "\u3000" * len(m.group(0)), region[start:])
    if not body.strip() or body[0] in "与同跟和及":
        return None
    heads = _heads(body, lex)
    if not heads:
        return None
    span = _start_anchored(body, heads, lex, tail=_tail_own if own_clause else _tail_marker)
    if span is None:
        return None
    s, e = span
    while e > s and body[e - 1] == "\u3000":
        e -= 1
    vp = _VP_START.match(body, s)
    # 审批机关 / 招标人: a head that opens with a verb is still a head
    if vp and "的" not in body[s:e] and not (heads[0][0] == s and heads[0][1] > vp.end()):
        first = body[heads[0][0] : heads[0][1]]
        agent_noun = (
            heads[0][0] == vp.end()
            and (first in _DEPT_HEADS or first.endswith(_AGENT_HEADS))
            and (e == len(body) or _TRAILING.fullmatch(body[e:]) is not None)
        )
        if not agent_noun:  # 制定机关 / 登记机关 are agents; 设立学校 is an action
            return None
    if _modifies_next(body, heads, e):
        return None
    # 民办学校的招生简章应当… / 职业学校的设立，必须…: the bearer phrase only
    # modifies the subject
    if _OWNED_THING.fullmatch(body, e):
        return None
    if _in_relative_of_thing(body, e, lex):
        return None
    # 在有条件的地方，… / 对直接负责的主管人员…: a preposition that opens the phrase makes
    # it an adverbial or a topicalised object, unless a 的 closes it into a relative
    # clause about people (在职业学校就读的学生)
    if re.match(r"(?:对于|对|针对|在|于)", body[s:]) and not (
        "的" in body[s:e] and body[s:e].endswith(_PERSON_ENDINGS) and not body.startswith(("对", "针对"), s)
    ):
        return None
    # A phrase followed by 期间/时 is a time adverbial (民办学校存续期间), not the subject.
    if own_clause and _TIME_AFTER.match(body[e:]):
        return None
    if not own_clause and _DURING.match(body[e:]):
        return None
    return start + s, start + e


def _in_relative_of_thing(body: str, e: int, lex: ActorLexicon) -> bool:
    """职业技能培训机构发布的招生简章…应当, 政府投资开发的公益性岗位，应当: the phrase is
    the agent of a relative clause (a bare verb and 的) whose head is a thing, not a party;
    业务主管单位履行前款规定的职责 has an object before 的 and stays a clause."""
    rest = body[e:].replace("\u3000", "")
    if rest.startswith(("在", "于")):
        m = _LEADING_ADVERBIAL.match(rest)
        if m is None:
            return False
        rest = rest[m.end() :]
    if not rest or "的" not in rest or _MARKER.match(rest) or rest[0] in "、和及与或":
        return False
    k = rest.index("的")
    if k > 5 or (k and not _only_verbs(rest[:k])):
        return False
    tail = rest[rest.rindex("的") + 1 :]
    tail = re.sub(
        r"(?:都|也|还|均|亦|则|即|就|分别|共同|一律|原则上|同时|首先|切实|积极|主动|依法|要|应|须)+$",
        "",
        tail,
    )
    return bool(tail) and not _heads(tail, lex) and _CJK.search(tail) is not None


def _pos(text: str) -> tuple[tuple[str, str], ...]:
    """Words of ``text`` with their jieba dictionary tags (no HMM), cached."""
    return _pos_cached(text)


@functools.lru_cache(maxsize=4096)
def _pos_cached(text: str) -> tuple[tuple[str, str], ...]:
    import logging

    import jieba.posseg

    logging.getLogger("jieba").setLevel(logging.WARNING)
    return tuple((w.word, w.flag) for w in jieba.posseg.lcut(text, HMM=False))


def _only_verbs(text: str) -> bool:
    """True when every word of ``text`` is a verb or an adverb (投资开发, 依法征收)."""
    return all(flag[:1] in ("v", "d") for _w, flag in _pos(text))


def _modifies_next(body: str, heads: list[tuple[int, int]], e: int) -> bool:
    """本市公共图书馆…设施, 涉及国家秘密的…: a phrase ending with a modifier head (本市,
    国家) before nouns the lexicon does not know is not the bearer."""
    last = next((h for h in reversed(heads) if h[1] == e or h[1] == _strip_tail(body, e)), None)
    return (
        last is not None
        and body[last[0] : last[1]] in _MODIFIER_HEADS
        and body[last[0] : last[1]] != "政府"
        and e < len(body)
        and not _MARKER.match(body, e)
        and not _VERB.match(body, e)  # 本市发展…, 有条件的地方设立…: the head is the subject
        and _CJK.match(body[e : e + 1] or " ") is not None
        and not _TRAILING.fullmatch(body[e:])
    )


def find_actor_after_zh(text: str, lex: ActorLexicon) -> tuple[int, int] | None:
    """Find the party right after an encouragement cue (鼓励企业…, 支持学校…)."""
    clause = re.split(r"[，,；;。：:]", text, maxsplit=1)[0]
    if not clause or clause[0] in "与同跟和及并或、":
        return None
    heads = _heads(clause, lex)
    if not heads:
        return None
    # 鼓励在农村开展培训: a preposition opens an adverbial, unless a 的 closes it into a
    # relative clause of people (鼓励在国外工作的科学技术人员回国; 支持在…建设的平台 is
    # a thing supported)
    if _MARKER.match(clause) and (
        _marker_outside_relative(clause[: heads[0][0]])
        or not clause[heads[0][0] : heads[0][1]].endswith(_PERSON_ENDINGS)
    ):
        return None
    span = _start_anchored(clause, heads, lex, allow_with=False, tail=_tail_marker)
    if span is None or _modifies_next(clause, heads, span[1]):
        return None
    # 鼓励校所联合举办研究生暑期学校: a verb before the first head makes the words an
    # activity encouraged, not a party (unless a 的 closes it: 举办学校的企业)
    vp = _ACTIVITY.search(clause, 0, heads[0][0])
    if vp and "的" not in clause[vp.end() : span[1]]:
        return None
    # 禁止安排一年级学生顶岗实习, 鼓励支持选拔优秀人才…: a verb first makes an activity
    # (研究开发机构, 培养单位 are names: a nominal verb, or a verb right before a body)
    words = _pos(clause[: heads[0][0]]) if heads[0][0] else ()
    if (
        words
        and words[0][1] == "v"
        and len(words[0][0]) > 1  # 驻青高校: a one-character verb is part of a name
        and "的" not in clause[: span[1]]
        and not (len(words) == 1 and _is_organisation(clause[heads[0][0] : heads[0][1]], lex))
    ):
        return None
    vp = _ACTIVITY_MORE.search(clause, 0, heads[0][0])
    if vp and "的" not in clause[vp.end() : span[1]] and vp.end() != heads[0][0]:
        return None
    # The party is followed by what it is encouraged to do: a phrase that ends the
    # clause is the object of support (支持…设施建设), not a party.
    if span[1] >= len(clause):
        return None
    if clause[: _strip_tail(clause, span[1])].endswith(_THING_HEADS) and _OBJECT_TAIL.fullmatch(
        clause[span[1] :]
    ):
        return None
    return span


# One leading determiner is left out of an English bearer (The Council -> Council, Each
# consortium -> consortium, Neither Vendor nor … -> Vendor nor …); possessives stay (its members).
_EN_DETERMINERS = re.compile(
    r"^(?:the|each|any|every|such|all|either|neither|both|said|a|an)\s+(?!of\b)", re.IGNORECASE
)
_EN_LEADING = re.compile(
    r"^(?:(?:in addition|further(?:more)?|moreover|accordingly|thereafter|notwithstanding [^,]*|except as [^,]*|"
    r"subject to [^,]*|upon [^,]*|at any time|in such (?:event|case)|however|also|then|additionally|for clarity|"
    r"this year|next year|in (?:the )?future|going forward|at present|now|today|in \d{4}|in principle|as a rule|"
    r"first(?:ly)?|second(?:ly)?|third(?:ly)?|fourth|fifth|sixth|seventh|eighth|ninth|tenth|finally|lastly|"
    r"at the same time|meanwhile|in particular|in short|to this end|therefore|thus|hence|so|yet|still|"
    r"in the meantime|where appropriate|where necessary|if necessary)\b\s*,?\s*)+",
    re.IGNORECASE,
)
# Postmodifiers that belong to a bearer although they open with a preposition:
# Governments at all levels, we in government, officials in charge of education
_EN_POSTMODIFIER = re.compile(
    r"(?:at\s+(?:all|every|each|various|different)\s+levels?(?:\s+of\s+government)?|"
    r"in\s+(?:the\s+)?governments?(?:\s+at\s+(?:all|every)\s+levels?)?|"
    r"at\s+(?:the\s+)?(?:central|local|national|provincial|county|city|municipal|prefectural|township)\s+levels?|"
    r"in\s+charge(?:\s+of\s+[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)?(?=\s+(?:shall|must|should|will|may|need)\b))",
    re.IGNORECASE,
)
_EN_STOP = re.compile(
    r"\b(?:at|in|on|by|for|with|within|upon|under|after|before|during|from|to|without|through|shall|will|"
    r"may|must|is|are|be|has|have|hereby|also|promptly|immediately|thereafter|further|then|not)\b",
    re.IGNORECASE,
)


# an adverbial of time or condition that opens a clause without a comma
_EN_FRONTED = re.compile(
    r"\s*(?:during|for|in|on|after|before|upon|until|within|from|throughout|at|following|prior to|subject to|"
    r"notwithstanding|except|beginning|commencing|starting)\b",
    re.IGNORECASE,
)
_EN_NAME_BEFORE = re.compile(
    r"(?:(?<=\bthereafter\s)|(?<=\bhereafter\s)|(?<=\bthen\s)|(?<=[,)\d]\s))((?:[A-Z][\w&.'-]*\s+){0,3}[A-Z][\w&.'-]*)"
    r"(?:\s*,?\s*(?:also|then|hereby|further|promptly|thereafter|immediately|jointly|alone|not))*\s*,?\s*$"
)
_EN_COMPLEMENT = re.compile(
    r"\bthat\s+(?=(?:such|the|a|an|this|these|those|its|his|her|their|each|any|all|no|neither|either|it|he|she|"
    r"they|we|you|I)\b)",
    re.IGNORECASE,
)


def find_actor_en(region: str) -> tuple[int, int] | None:
    """Find the subject before an English modal (``Tenant shall`` -> ``Tenant``)."""
    start = strip_label(region)
    lead = re.match(
        r"\s*(?:and|or|but|then|also|so|thus|therefore|hence|yet)\s+", region[start:], re.IGNORECASE
    )
    if lead:
        start += lead.end()
    m = _EN_LEADING.match(region, start)
    if m:
        start = m.end()
    # …, of whom enterprise representatives shall…
    rel = re.match(r"\s*(?:of|among)\s+(?:whom|which)\s+", region[start:], re.IGNORECASE)
    if rel:
        start += rel.end()
    # Licensee agrees that it shall not…; require … and state that such policies will…:
    # a clause after "that" has its own subject
    comp = next(reversed(list(_EN_COMPLEMENT.finditer(region, start))), None)
    if comp is not None:
        start = comp.end()
    body = region[start:]
    whole = body.rstrip(" ,")
    # A member that wishes to withdraw shall…: a relative clause belongs to the subject
    relative = re.match(
        r"\s*(?:the\s+|a\s+|an\s+|each\s+|any\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}?\s+(?:that|who|which|whose)\s+",
        whole,
        re.IGNORECASE,
    )
    stop = _EN_STOP.search(body)
    while stop is not None:
        post = _EN_POSTMODIFIER.match(body, stop.start())
        if post is None:
            break
        stop = _EN_STOP.search(body, post.end())
    if relative and len(whole.split()) <= 14 and "," not in whole:
        body = whole
    elif stop:
        body = body[: stop.start()]
    body = body.rstrip(" ,")
    if not body.strip():
        # During the Term and for twelve months thereafter Network Affiliate will not…:
        # an adverbial opens the clause; the name right before the modal is the subject
        named = _EN_NAME_BEFORE.search(region, start)
        if named is None or not _EN_FRONTED.match(region, start):
            return None
        return named.start(1), named.end(1)
    lead = len(body) - len(body.lstrip())
    d = _EN_DETERMINERS.match(body[lead:])
    off = lead + (d.end() if d else 0)
    words = body[off:].split()
    if not words or len(words) > (14 if relative else 8) or not any(w[0].isalpha() for w in words):
        return None
    return start + off, start + len(body)


_EN_FINITE = re.compile(
    r"\b(?:will|shall|must|should|may|might|can|could|would|is|are|was|were)\b", re.IGNORECASE
)
_EN_HEAD_END = re.compile(
    r"\b(?:of|that|who|which|whose|whom|with|in|at|for|from|on|by|as|we|they|he|she|it|you|experiencing|"
    r"having|facing|involved|concerned)\b",
    re.IGNORECASE,
)
_EN_QUANTIFIER_OF = re.compile(
    r"^\s*(?:neither|none|each|any|all|either|both|one|some|every one)\s+of\s+", re.IGNORECASE
)
_EN_COMMON_NOUN_END = re.compile(
    r"(?:tion|sion|ment|ance|ence|ity|ness|ure|ing|ship|age|ery|ty|ism|ist|ies|ics|als|ons|ers|ts|ds|ls|es)$"
)
_EN_NAME_GLUE = frozenset(["of", "and", "for", "the", "&", "de"])
_EN_NAME_WORD = re.compile(r"[A-Z][\w&.'-]*|\d[\w-]*")


def is_party_en(phrase: str, lex: ActorLexicon, *, sentence_start: bool = False) -> bool:
    """True when an English subject phrase names a party, not a thing.

    A party is a phrase with a head of the actor lexicon (Tenant, member schools,
    governments), or a name as contracts write their parties: capitalised words
    (ALFA AESAR, Network Affiliate, the Sub-Advisor, SpinCo) whose last word is not
    a thing of ``en_things`` (This Agreement, the Term, Rent). A single capitalised
    word that opens the sentence may be any noun (Interest shall accrue), so there it
    counts only when written in capitals or with an inner capital (IBM, SpinCo).
    """
    phrase = _EN_QUANTIFIER_OF.sub("", phrase)  # neither of the Parties, each of the members
    if _EN_FINITE.search(phrase):
        return False  # a clause, not a noun phrase (we will ensure that risks…)
    cut = _EN_HEAD_END.search(phrase, 1)
    head = (phrase[: cut.start()] if cut else phrase).strip(" ,")
    for k, conjunct in enumerate(re.split(r"\s*(?:,|\band\b|\bor\b|\bnor\b|/)\s*", head)):
        # the head noun ends its conjunct and comes before the postmodifiers: member that
        # wishes…, governments at all levels, Port enterprises, colleges and …; not "the task
        # we now face", "the aim of the reform", "enterprise involvement"
        found = next(reversed(list(lex.en_pattern.finditer(conjunct))), None)
        if found is not None and not conjunct[found.end() :].strip():
            return True
        if conjunct and _en_name(conjunct, lex, sentence_start=sentence_start and k == 0):
            return True  # neither OntoChem nor any of its Affiliates
    return _en_name(phrase, lex, sentence_start=sentence_start)


def _en_name(phrase: str, lex: ActorLexicon, *, sentence_start: bool) -> bool:
    """Capitalised words as contracts name a party (ALFA AESAR, Chamber of Commerce)."""
    body = _EN_DETERMINERS.sub("", phrase.strip())
    words = body.split()
    if (
        not words
        or len(words) > 6
        or not all(
            _EN_NAME_WORD.fullmatch(w) or (0 < i < len(words) - 1 and w in _EN_NAME_GLUE)
            for i, w in enumerate(words)
        )
    ):
        return False
    if words[-1].lower().strip(".,") in lex.en_things or words[-1].rstrip("s").lower() in lex.en_things:
        return False
    if not words[0][0].isupper():
        return False
    if len(words) == 1 and sentence_start and body == phrase.strip():
        # Interest shall accrue…, Payment shall be…: a common noun; Medica shall…, IBM
        # grants…: a name
        w = words[0]
        return len(w) >= 2 and (
            w.isupper() or any(ch.isupper() for ch in w[1:]) or not _EN_COMMON_NOUN_END.search(w.lower())
        )
    return True


def actor_parts(actor: str) -> list[str]:
    """Split a joined bearer into its conjuncts (县级以上人民政府和有关部门 -> two)."""
    if not actor:
        return []
    if not _CJK.search(actor):
        parts = re.split(r"\s*(?:,|\band\b|\bor\b)\s*", actor)
        return [p.strip() for p in parts if p.strip()]
    parts = [p for p in re.split(r"[、，,]|以及|或者|及其|和|及|与|或", actor) if p]
    return parts


def _suffix_type(text: str, lex: ActorLexicon) -> str | None:
    for i in range(len(text)):
        t = lex.types.get(text[i:])
        if t is not None:
            return t
    return None


def actor_type(actor: str, lex: ActorLexicon) -> str:
    """The actor type of a bearer phrase, from the type of its first conjunct.

    "教育、人力资源社会保障部门" shares one head: its first conjunct 教育 takes the
    head 部门 that follows it and reads as 教育部门 (education authority).

    Args:
        actor: the bearer as written.
        lex: the actor lexicon.

    Returns:
        One of the types of the lexicon, ``other`` when nothing matches, or ``""``
        for an empty actor.
    """
    if not actor:
        return ""
    if not _CJK.search(actor):
        # English puts the head last: "Member schools" is a school, "Provincial
        # education departments" an education authority; the first conjunct decides.
        low = _EN_DETERMINERS.sub("", actor.lower().strip())
        for part in re.split(r"\s*(?:,|\band\b|\bor\b)\s*", low):
            heads = [m.group(0) for m in lex.en_pattern.finditer(part)]
            if heads:
                return lex.type_of_head(heads[-1])
        return "other"
    whole = lex.types.get(actor)
    if whole is not None:
        return whole
    # "A和B的教师": the head noun after the last 的 decides, not the modifier before it.
    k = actor.rfind("的")
    if 0 < k < len(actor) - 1 and lex.zh_pattern.search(actor, k + 1):
        actor = actor[k + 1 :]
        whole = lex.types.get(actor)
        if whole is not None:
            return whole
    sep = _SEPARATORS.search(actor)
    first = actor[: sep.start()] if sep else actor
    t = _suffix_type(first, lex) if first else None
    if t is not None and (first in lex.types or len(first) > 1):
        return t
    # 市和区、县教育行政部门 / 教育、人力资源社会保障部门: the first conjunct shares the head
    # of the group of heads that follows it.
    group = None
    end = None
    for m in lex.zh_pattern.finditer(actor, sep.end() if sep else len(actor)):
        if end is not None and not re.fullmatch(r"(?:等|有关|其他|政府)?", actor[end : m.start()]):
            break
        group, end = m.group(0), m.end()
    if group is not None:
        t2 = _suffix_type(first + group, lex)
        if t2 is not None:
            return t2
    t3 = _suffix_type(actor, lex)
    return t3 or t or "other"
