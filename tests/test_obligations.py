"""The obligations stage: deontic rules, bearers, deadlines, list inheritance, recurrence."""

from __future__ import annotations

import importlib.util
import itertools
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

import policytext
from policytext import ConfigError, Document, Obligation, Page
from tests.conftest import ROOT, macro_f1, shared_path

DATA = Path(__file__).parent / "data" / "obligations"


@pytest.fixture(scope="module")
def tagger():
    return policytext.DeonticTagger()


# --------------------------------------------------------------------------- modality and scope


@pytest.mark.parametrize(
    "text, modality, cue",
    [
        ("县级以上地方人民政府应当加强对职业教育工作的领导。", "obligation", "应当"),
        ("中等职业学校必须具备与学校性质相适应的校舍。", "obligation", "必须"),
        ("行业组织和企业、事业组织须依法履行实施职业教育的义务。", "obligation", "须"),
        ("中等职业学校应以教学为中心。", "obligation", "应"),
        ("市教育行政部门负责制定教师考核办法。", "obligation", "负责"),
        ("各地要加强组织领导，确保改革落地。", "obligation", "要"),
        ("要加强统筹协调。", "obligation", "要"),
        ("任何组织和个人不得挪用职业教育经费。", "prohibition", "不得"),
        ("禁止安排一年级学生顶岗实习。", "prohibition", "禁止"),
        ("推荐数量不能超过规定的上限。", "prohibition", "不能"),
        ("企业可以单独举办或者联合举办职业学校。", "permission", "可以"),
        ("教师有权依法提出申诉。", "permission", "有权"),
        ("各民族劳动者享有平等的劳动权利。", "permission", "享有"),
        ("国家鼓励企业举办高质量职业教育。", "encouragement", "鼓励"),
        ("支持职业学校建设面向社会开放的实训基地。", "encouragement", "支持"),
        ("国家倡导全社会尊重技术技能人才。", "encouragement", "倡导"),
        ("县级以上人民政府应当鼓励和支持企业举办职业学校。", "obligation", "应当"),
        ("第三条 建立和完善政府推动、市场引导的职业教育办学体制。", "none", ""),
    ],
)
def test_cues_decide_the_modality(tagger, text, modality, cue):
    reading = tagger.classify(text)
    assert (reading.modality, reading.cue) == (modality, cue)


@pytest.mark.parametrize(
    "text",
    [
        "本条例所称职业学校，是指应当经审批设立的学校。",  # a definition, not a duty
        "可以看出，各项改革必须坚持不懈。",  # 可以 of what can be seen
        "这个例子可以说明制度必须不断改进。",
        "主要任务是加强专业建设。",  # 主要 is not 要
        "这是一项重要的改革，需要各方支持。",  # 重要, 需要
        "按照有关要求，完善课程体系。",  # 要求 as a noun
        "聚焦专业、课程、教材等教学关键要素。",  # 要素
        "实行中等职业学校校长负责制。",  # 负责制 is a system
        "对直接负责的主管人员依法给予处分。",  # penalty-clause noun phrase
        "（二）学校建设不符合国家规定的办学标准的；",  # a condition item
        "对依法应当给予处分的，由上级机关处理。",  # cue inside a condition
        "国家保障妇女享有与男子平等的劳动权利。",  # 享有 in the complement of 保障
        "教师应尽的义务由法律规定。",  # relative clause
        "国家财政建立稳定支持基础研究的投入机制。",  # 支持 inside a noun phrase
        "其所有权不变。",  # 所有权 is not 有权
    ],
)
def test_look_alikes_are_not_duties(tagger, text):
    assert tagger.classify(text).modality == "none"


@pytest.mark.parametrize(
    "text, modality, actor",
    [
        # 需 as a modal of notices; 所需 / 确需…的 are not
        ("申报单位需提交项目申报书和承诺书。", "obligation", "申报单位"),
        ("所需经费由区财政予以保障。", "none", ""),
        ("确需变更的，报原审批机关批准。", "none", ""),
        # a purpose runs up to 制定/印发: what it says is no duty
        ("为落实有关意见，进一步深化改革，引导建设高校加强基础研究，特制定本方案。", "none", ""),
        # a benefit withheld, a cue inside a slogan, a chapter title
        ("未按照规定备案的，不享受税收优惠。", "none", ""),
        ("建立健全“谁使用、谁负责”的经费管理责任体系。", "none", ""),
        ("第七章 支持与奖励", "none", ""),
        # 目的 is a noun, not the 的 of a condition
        ("受托人管理信托财产，应当按照信托目的，恪尽职守。", "obligation", "受托人"),
        # a bracket opens a clause of its own: 推进 does not embed the 牵头 in it
        ("推进智慧旅游移动化应用（省文化和旅游厅牵头，各市政府配合）。", "obligation", "省文化和旅游厅"),
        # 可 in a relative clause of the object of 形成 says what the object can do
        ("形成基层数据可有效沉淀、可快速共享的应用服务体系。", "none", ""),
        # 保障金 is a noun: 应当 is not the complement of 保障
        ("依法征收的残疾人就业保障金应当纳入财政预算。", "obligation", ""),
        # the 应当 of 适应当地 is another word
        ("开发适应当地发展阶段的软硬件。", "none", ""),
        # 禁止 + the party forbidden
        ("禁止企业安排实习学生从事不符合实习特征的劳动生产。", "prohibition", "企业"),
        ("禁止在就业中歧视残疾人。", "prohibition", ""),
        # support granted to a party
        ("对工作成效显著的试点城市进一步加强政策支持。", "encouragement", "工作成效显著的试点城市"),
        ("采取措施鼓励和支持社会各方面提供教育培训服务。", "encouragement", "社会各方面"),
        # a cue inside the object of 对 says whom the sentence is about
        ("对牵头承担国家科技重大专项的单位，按照实际到账额给予经费补助。", "none", ""),
        # place names and abbreviated offices as bearers
        ("支持济南、青岛等市依托试验区构建算力集群。", "encouragement", "济南、青岛等市"),
        ("（省委宣传部、省教育厅、省委台港澳办负责）", "obligation", "省委宣传部、省教育厅、省委台港澳办"),
        ("鼓励校校、校所联合举办研究生暑期学校。", "encouragement", ""),
    ],
)
def test_rules_from_the_fresh_documents(tagger, text, modality, actor):
    r = tagger.classify(text)
    assert (r.modality, r.actor) == (modality, actor)


def test_a_cue_inside_the_object_or_a_chain_is_one_reading(tagger):
    readings = tagger.tag("第十四条 禁止用人单位招用应当接受义务教育的适龄儿童、少年。")
    assert [(r.modality, r.actor) for r in readings] == [("prohibition", "用人单位")]
    chain = tagger.tag("市和区、县人民政府应当鼓励、支持、引导民办教育事业健康发展。")
    assert [r.modality for r in chain] == ["obligation"]


@pytest.mark.parametrize(
    "text, actor",
    [
        ("市民政部门应当制定服务评估标准。", "市民政部门"),  # not 市民 + 政部门
        ("安全生产管理人员可以向主管部门报告。", "安全生产管理人员"),  # 人员, not 管理人
        ("网络运营者应当采取防范计算机病毒的技术措施。", "网络运营者"),
        ("市工业和信息化局、市财政局负责解释。", "市工业和信息化局、市财政局"),
        ("各省、自治区、直辖市邮政管理局要统筹利用现有系统。", "各省、自治区、直辖市邮政管理局"),
        ("省级主管部门组织第三方机构审查申报材料，必要时可进行现场审查。", "省级主管部门"),
        ("本市发展农村职业教育应当坚持统筹原则。", "本市"),
        ("国家鼓励有条件的地方设立社区慈善组织。", "有条件的地方"),
        ("国家鼓励社会资本到乡村发展特色产业。", "社会资本"),
        ("国防教育教材应当依据大纲由有关部门或者地方组织编写。", "有关部门或者地方"),
        ("消防机构发现隐患的，应当由应急管理部门书面报告本级人民政府。", "应急管理部门"),
        ("实施督导的督学是被督导单位负责人的近亲属的，应当回避。", "实施督导的督学"),
        (
            "各省域现代职业教育体系建设省份（以下简称试点省份）要编制专业设置规划。",
            "各省域现代职业教育体系建设省份",
        ),
        ("年满60周岁，具有本市户籍的公民，享受本办法规定的优待。", "年满60周岁，具有本市户籍的公民"),
        (
            "省级民政、财政、住房和城乡建设（城市管理）、农业农村等部门要加强指导。",
            "省级民政、财政、住房和城乡建设（城市管理）、农业农村等部门",
        ),
        ("民办学校的招生简章应当报审批机关备案。", ""),  # 民办学校 only qualifies the subject
        ("企业用于一线职工的培训经费所占比例，应当高于百分之六十。", ""),
        ("支持校企共建教师教学发展中心。", ""),  # the object of support, not a party
    ],
)
def test_bearers_found_on_the_fresh_documents(tagger, text, actor):
    assert tagger.classify(text).actor == actor


@pytest.mark.parametrize(
    "text, actor",
    [
        # names built on a head: compounds, units of a ministry, role names, abbreviations
        ("学校卫生监督员在进行卫生监督时，有权查阅有关资料。", "学校卫生监督员"),
        ("家庭暴力受害人及其法定代理人可以向公安机关报案。", "家庭暴力受害人及其法定代理人"),
        ("教育部职业教育发展中心要做好技术支持。", "教育部职业教育发展中心"),
        ("教育部职业教育与成人教育司负责具体组织实施。", "教育部职业教育与成人教育司"),
        ("国家开放大学要发挥平台作用。", "国家开放大学"),
        ("全国职业院校技能大赛执委会要做好组织工作。", "全国职业院校技能大赛执委会"),
        ("国家智能制造标准化总体组要加强统筹协调。", "国家智能制造标准化总体组"),
        ("各地各校要高度重视，精心组织。", "各地各校"),
        ("示范校要发挥引领作用。", "示范校"),
        ("行指委要加强对行业职业教育的指导。", "行指委"),
        ("培养单位要加强过程管理。", "培养单位"),
        ("主要负责同志要亲自部署。", "主要负责同志"),
        ("每个区应当设置至少一个综合养老服务中心。", "每个区"),
        ("各级经办机构要加强管理。", "各级经办机构"),
        ("拟申请建设试验区的城市应具备以下条件。", "拟申请建设试验区的城市"),
        ("鼓励民营资本投入职业教育领域。", "民营资本"),
        ("鼓励业界积极参与国际标准化工作。", "业界"),
        ("牵头申报单位和参与单位应为境内注册的法人。", "牵头申报单位和参与单位"),
        (
            "各市域产教联合体（以下简称联合体）、行业产教融合共同体（以下简称共同体）要发布报告。",
            "各市域产教联合体、行业产教融合共同体",
        ),
        # coordination: long conjuncts, conjuncts with a relative clause of their own
        (
            "鼓励专家、学者以及其他具有专业知识的人员兼职从事终身教育工作。",
            "专家、学者以及其他具有专业知识的人员",
        ),
        ("车企、服务商及智能驾驶软件提供商等应依法取得测绘资质。", "车企、服务商及智能驾驶软件提供商等"),
        (
            "无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员可以参加基本养老保险。",
            "无雇工的个体工商户、未在用人单位参加基本养老保险的非全日制从业人员",
        ),
        (
            "国家重点研发计划的在研项目（含任务或课题）负责人和项目骨干不得牵头申报。",
            "国家重点研发计划的在研项目（含任务或课题）负责人和项目骨干",
        ),
        ("中等职业学校的文化和专业理论教师，应具有大学本科学历。", "中等职业学校的文化和专业理论教师"),
        # relative clauses that keep an adverbial or a preposition inside the bearer
        ("依法设立的民办职业学校享有与公办职业学校同等的法律地位。", "依法设立的民办职业学校"),
        ("鼓励在国外工作的科学技术人员回国。", "在国外工作的科学技术人员"),
        ("国家鼓励研究开发机构、高等院校转移科技成果。", "研究开发机构、高等院校"),
        ("有条件的地方可以设立职业教育发展基金。", "有条件的地方"),  # 地方 + 可以, not 方可
        # 由X in the clause before, carried by 并
        (
            "基本医疗保险基金支付范围由国务院医疗保障主管部门组织制定，并应当听取有关部门的意见。",
            "国务院医疗保障主管部门",
        ),
        # a verb the lexicon does not know between two heads keeps them apart
        ("劳务派遣单位派遣劳动者应当与用工单位订立劳务派遣协议。", "劳务派遣单位"),
        ("用人单位招用人员，应当依法签订劳动合同。", "用人单位"),
        ("业务主管单位履行前款规定的职责，不得收取费用。", "业务主管单位"),
        # no bearer: the party only qualifies a thing, an activity is forbidden, an object is topicalised
        ("职业技能培训机构发布的招生简章应当客观、真实。", ""),
        ("政府投资开发的公益性岗位，应当优先安排就业困难人员。", ""),
        ("禁止安排一年级学生顶岗实习。", ""),
        ("对直接负责的主管人员可按规定给予行政处分。", ""),
        ("在有条件的地方，可以推广试点经验。", ""),
    ],
)
def test_bearers_on_unseen_patterns(tagger, text, actor):
    """Patterns of laws, local regulations and ministry notices (written for the test)."""
    assert tagger.classify(text).actor == actor


def test_a_duty_verb_after_yao_is_not_a_lookalike(tagger):
    # 要紧 (important) is no duty, 要紧密围绕 is
    assert tagger.classify("正在建设的，要紧密围绕业务需求优化设计方案。").modality == "obligation"
    assert tagger.classify("这一点很要紧。").modality == "none"


def test_exception_and_proviso_leave_the_main_clause_in_charge(tagger):
    assert tagger.classify("除法律另有规定外，学校不得收取费用。").modality == "prohibition"
    r = tagger.classify("校长任职年龄可以适当放宽，但不得超过七十周岁。")
    assert r.modality == "permission"
    readings = tagger.tag("校长任职年龄可以适当放宽，但不得超过七十周岁。")
    assert [x.scope for x in readings] == ["main"]  # the proviso decides only without a main cue
    assert tagger.classify("学校自主确定收费标准，但不得超过省定上限。").modality == "prohibition"


def test_two_bearers_give_two_readings_and_a_joined_bearer_stays_joined(tagger):
    readings = tagger.tag("学校应当安排实习指导教师，企业应当提供实习岗位。")
    assert [(r.actor, r.actor_type) for r in readings] == [("学校", "school"), ("企业", "enterprise")]
    joined = tagger.classify("县级以上人民政府和有关部门应当加强督导。")
    assert (joined.actor, joined.actor_type) == ("县级以上人民政府和有关部门", "government")
    assert (
        policytext.actor_modality_matrix(
            [Obligation("d", None, "s", 0, 1, "obligation", actor=joined.actor, actor_type=joined.actor_type)]
        )[1]["actor_type"]
        == "other department"
    )


@pytest.mark.parametrize(
    "text, actor, actor_type",
    [
        (
            "县级以上地方人民政府教育行政部门应当组织评估。",
            "县级以上地方人民政府教育行政部门",
            "education authority",
        ),
        ("职业学校实施职业教育应当注重产教融合。", "职业学校", "school"),
        ("学校对实习学生应当加强安全教育。", "学校", "school"),
        ("在实习期间，企业应当为学生投保。", "企业", "enterprise"),
        ("按照国家规定，各级人民政府应当保障经费。", "各级人民政府", "government"),
        ("对住房困难的特级教师，当地人民政府应当划拨专款。", "当地人民政府", "government"),
        ("学校的教学管理，由校长负责。", "校长", "school"),
        ("联合体、共同体要建立行业企业人员入校任教激励制度。", "联合体、共同体", "consortium body"),
        ("理事会应当每年召开两次会议。", "理事会", "consortium body"),
        ("行业组织应当指导本行业职业教育工作。", "行业组织", "industry body"),
        ("教师应当为人师表。", "教师", "teacher"),
        ("实习学生应当遵守企业规章制度。", "实习学生", "student"),
        ("教育、人力资源社会保障部门应当制定培训规划。", "教育、人力资源社会保障部门", "education authority"),
        ("民办学校存续期间，举办者不得抽逃出资。", "举办者", "other"),
        ("要加强组织领导。", "", ""),
        ("鼓励有条件的行业组织组建教学指导委员会。", "有条件的行业组织", "industry body"),
    ],
)
def test_bearer_is_the_subject_before_the_cue(tagger, text, actor, actor_type):
    r = tagger.classify(text)
    assert (r.actor, r.actor_type) == (actor, actor_type)


@pytest.mark.parametrize(
    "text, deadline",
    [
        ("教育行政部门应当自收到申请之日起三十日内作出决定。", "自收到申请之日起三十日内"),
        ("学校应当每学年组织一次评估。", "每学年"),
        ("到2025年，各地要建成一批实训基地。", "到2025年"),
        ("各地要于每年年底前报送实施情况。", "每年年底前"),
        ("有关部门应当及时处理。", "及时"),
        ("学校应当定期公布办学信息。", "定期"),
        ("学校应当公布办学信息。", ""),
    ],
)
def test_deadline(tagger, text, deadline):
    assert tagger.classify(text).deadline == deadline


def test_action_is_the_rest_of_the_reading(tagger):
    r = tagger.classify("第九条 企业应当履行下列职责：")
    assert r.action == "履行下列职责"
    assert tagger.classify("国家鼓励企业举办职业教育。").action == "举办职业教育"


@pytest.mark.parametrize(
    "text, modality, actor",
    [
        ("Tenant shall pay the rent within 30 days.", "obligation", "Tenant"),
        ("The school must keep records.", "obligation", "school"),
        ("The operator is required to report annually.", "obligation", "operator"),
        ("Landlord may enter the Premises at any time.", "permission", "Landlord"),
        ("Tenant shall not assign this Lease.", "prohibition", "Tenant"),
        ("Employers must not charge trainees.", "prohibition", "Employers"),
        ("Dumping waste is prohibited.", "prohibition", None),
        ("Each member is entitled to vote.", "permission", "member"),
        ("Enterprises are encouraged to host interns.", "encouragement", "Enterprises"),
        ("Tenant shall not be required to repair the roof.", "none", None),
        ("This Lease shall terminate on the expiry date.", "none", None),
        ("The rent is due monthly.", "none", None),
        # policy English: passives carry the duty; "by" names who bears it
        (
            "4.2 An application shall be reviewed by the Secretariat and approved by the Council.",
            "obligation",
            "Secretariat",
        ),
        (
            "The draft amendment shall be delivered to all members at least 30 days before the meeting.",
            "obligation",
            "",
        ),
        ("In the western regions the threshold may be lowered to RMB 30 billion.", "permission", ""),
        ("8.2 Council members serve a term of three years and may be re-elected.", "permission", ""),
        ("It may be necessary to consult the Council.", "none", ""),
        ("This Lease shall be governed by the laws of the State.", "none", ""),
        # targets are no duties
        ("By 2025, around 150 consortia will be built nationwide.", "none", ""),
        ("Each consortium will admit no fewer than 50 member enterprises.", "none", ""),
        ("Consortia are to be built on industrial parks.", "obligation", ""),
        ("The aim is to strengthen vocational education.", "none", ""),
        ("The equipment must keep pace with mainstream industrial technology.", "obligation", ""),
        (
            "6.1 A member that wishes to withdraw shall notify the Secretariat in writing.",
            "obligation",
            "member that wishes to withdraw",
        ),
        (
            "It consists of 21 members, of whom enterprise representatives shall make up one half.",
            "obligation",
            "enterprise representatives",
        ),
        (
            "5.1 Port enterprises, colleges and international organisations may be admitted as observers.",
            "permission",
            "Port enterprises, colleges and international organisations",
        ),
        ("Members shall notify the Council and shall settle their debts.", "obligation", "Members"),
    ],
)
def test_english(tagger, text, modality, actor):
    r = tagger.classify(text)
    assert r.modality == modality
    if actor is not None:
        assert r.actor == actor


def test_english_second_modal_keeps_its_subject(tagger):
    readings = tagger.tag("Local governments shall use the funds and shall not divert them.")
    assert [(r.modality, r.actor) for r in readings] == [
        ("obligation", "Local governments"),
        ("prohibition", "Local governments"),
    ]


def test_english_condition_lists_do_not_inherit(tagger):
    out = tagger.classify_sequence(
        ["An organisation may apply for membership if it:", "(a) is lawfully established;"]
    )
    assert [r.modality for r in out] == ["permission", "none"]
    rights = tagger.classify_sequence(["Members have the right to:", "(a) vote in the General Assembly;"])
    assert [(r.modality, r.actor) for r in rights] == [("permission", "Members"), ("permission", "Members")]


# --------------------------------------------------------------------------- lists


def test_list_items_inherit_duty_and_bearer(tagger):
    out = tagger.classify_sequence(
        [
            "第九条 企业、事业组织应当履行下列职责：",
            "（一）制定职工培训计划；",
            "（二）接纳学生实习；",
            "（三）其他职责。",
        ]
    )
    assert [r.modality for r in out] == ["obligation"] * 4
    assert {r.actor for r in out} == {"企业、事业组织"}
    assert [r.inherited for r in out] == [False, True, True, True]
    assert out[1].action == "制定职工培训计划"


def test_lists_that_do_not_inherit(tagger):
    conditions = tagger.classify_sequence(
        ["学校有下列情形之一的，由教育行政部门责令改正：", "（一）分设重点班的；"]
    )
    assert [r.modality for r in conditions] == ["none", "none"]
    who = tagger.classify_sequence(["符合下列条件的单位，可以申请加入：", "（一）依法设立；"])
    assert who[1].modality == "none"
    # numbering must run 1, 2, 3 from the lead-in
    shuffled = tagger.classify_sequence(["企业应当履行下列职责：", "（三）接纳学生实习；"])
    assert shuffled[1].modality == "none"
    assert tagger.classify_sequence(["企业应当履行下列职责：", "（三）接纳学生实习；"], strict=False)[
        1
    ].inherited


@pytest.mark.parametrize(
    "items, modality, actor",
    [
        (
            ["省级教育行政部门的主要职责是：", "（一）制定本地区职业教育发展规划；"],
            "obligation",
            "省级教育行政部门",
        ),
        (["联合体的主要任务是：", "（一）开展人才培养；"], "obligation", "联合体"),
        (["实习单位不得有下列行为：", "（一）安排学生从事高危作业；"], "prohibition", "实习单位"),
        (["各省级教育行政部门要做到以下几点：", "一是加强组织领导；"], "obligation", "各省级教育行政部门"),
        (["用人单位有下列行为之一的，由劳动行政部门责令改正：", "（一）克扣工资的；"], "none", ""),
    ],
)
def test_list_items_take_the_bearer_of_their_lead_in(tagger, items, modality, actor):
    r = tagger.classify_sequence(items, strict=False)[1]
    assert (r.modality, r.actor) == (modality, actor)


def test_rights_lead_in_gives_permission_and_items_with_own_cue_keep_it(tagger):
    out = tagger.classify_sequence(
        ["第七条 教师享有下列权利：", "（一）进行教育教学活动；", "（二）参加培训，享有进修的机会；"]
    )
    assert [r.modality for r in out] == ["permission"] * 3
    assert out[2].cue == "享有" and not out[2].inherited and out[2].actor == "教师"


# --------------------------------------------------------------------------- documents and lines

NOTICE = """关于推进市域产教联合体建设的通知
一、主要任务
（一）完善治理结构。各联合体要建立理事会，理事会应当每年召开两次会议。学校应当安排教师，企业应当提供岗位。
（二）加强经费保障。
第八条 企业、事业组织应当履行下列职责：
（一）制定职工培训计划；
（二）接纳学生实习。
本通知所称联合体，是指由园区牵头组建的产教融合组织。"""


def _doc(text: str) -> Document:
    page = Page(1, text, 0, len(text))
    return Document(id="notice0001", source="notice.txt", format="txt", text=text, pages=[page])


def test_extract_obligations_cites_every_row():
    doc = _doc(NOTICE)
    rows = policytext.extract_obligations(doc)
    assert rows, "the notice has duties"
    for row in rows:
        assert doc.text[row.start : row.end] == row.sentence
        assert row.doc == "notice0001" and row.page == 1 and row.clause
    actors = [(r.actor, r.modality) for r in rows]
    assert ("各联合体", "obligation") in actors and ("理事会", "obligation") in actors
    assert ("学校", "obligation") in actors and ("企业", "obligation") in actors
    inherited = [r for r in rows if r.action == "接纳学生实习"]
    assert (
        inherited and inherited[0].actor == "企业、事业组织" and inherited[0].clause_label.endswith("（二）")
    )
    assert not any("是指" in r.sentence for r in rows)
    everything = policytext.extract_obligations(doc, include_none=True)
    assert {r.modality for r in everything} >= {"none", "obligation"}
    assert len({(r.start, r.end) for r in everything}) == len(policytext.sentences(doc))


def test_lines_give_one_row_per_line():
    lines = [
        "企业应当履行下列职责：",
        "（一）制定计划；",
        "",
        "可以看出，经济向好。",
        "Tenant shall pay rent.",
        "（二）接纳学生实习。",
    ]
    rows = policytext.obligations_from_lines(lines, source="x.txt")
    assert len(rows) == len(lines)
    assert [r.modality for r in rows] == ["obligation", "obligation", "none", "none", "obligation", "none"]
    assert [r.sentence for r in rows] == lines
    text = "\n".join(lines)
    assert all(text[r.start : r.end] == r.sentence for r in rows)
    assert len(policytext.obligations_from_lines("a\r\nb", source="y")) == 2


# --------------------------------------------------------------------------- recurrence and tables


def _row(doc: str, modality: str, actor: str, actor_type: str, sentence: str) -> Obligation:
    action = sentence.split(actor, 1)[-1]
    return Obligation(doc, "art1", sentence, 0, len(sentence), modality, actor, actor_type, action, "")


def test_recurring_obligations_cluster_reworded_duties():
    rows = [
        _row(
            "a",
            "obligation",
            "县级以上人民政府",
            "government",
            "县级以上人民政府应当将职业教育纳入国民经济和社会发展规划。",
        ),
        _row(
            "b",
            "obligation",
            "市人民政府",
            "government",
            "市人民政府应当把发展职业教育纳入国民经济和社会发展规划。",
        ),
        _row(
            "c",
            "obligation",
            "各级人民政府",
            "government",
            "各级人民政府应当将发展职业教育纳入国民经济和社会发展的总体规划。",
        ),
        # the same words with another modality or another kind of bearer stay apart
        _row(
            "d",
            "permission",
            "市人民政府",
            "government",
            "市人民政府可以将职业教育纳入国民经济和社会发展规划。",
        ),
        _row("e", "obligation", "企业", "enterprise", "企业应当将职业教育纳入国民经济和社会发展规划。"),
        _row("f", "prohibition", "任何组织和个人", "other", "任何组织和个人不得挪用、克扣职业教育的经费。"),
    ]
    clusters = policytext.recurring_obligations(rows, min_docs=2, sources={"a": "a.md"})
    assert len(clusters) == 1
    c = clusters[0]
    assert (c.modality, c.actor_type, c.documents, c.occurrences) == ("obligation", "government", 3, 3)
    assert {x["doc"] for x in c.citations} == {"a", "b", "c"}
    assert c.citations[0].get("source") == "a.md"
    assert c.representative in {r.action for r in rows[:3]}
    assert policytext.recurring_obligations(rows, min_docs=4) == []
    with pytest.raises(ConfigError):
        policytext.recurring_obligations(rows, similarity=0)


def test_recurrence_reads_joined_bearers_and_short_duties_in_long_lists():
    rows = [
        _row(
            "a",
            "obligation",
            "国务院有关部门",
            "other department",
            "国务院有关部门在各自职权范围内负责有关的教师工作。",
        ),
        _row(
            "b",
            "obligation",
            "县级以上各级人民政府计划、财政、人事等有关部门",
            "government",
            "县级以上各级人民政府计划、财政、人事等有关部门在各自职权范围内负责有关的教师工作。",
        ),
        _row("c", "obligation", "教师", "teacher", "教师应当忠诚于人民的教育事业。"),
        _row(
            "d",
            "obligation",
            "教师",
            "teacher",
            "教师应当遵守宪法和法律，贯彻国家的教育方针，忠诚于人民的教育事业，遵守职业道德，为人师表。",
        ),
        # the same words, another kind of bearer: apart
        _row("e", "obligation", "市人民政府", "government", "本办法由市人民政府负责解释。"),
        _row("f", "obligation", "市教育行政部门", "education authority", "本办法由市教育行政部门负责解释。"),
    ]
    clusters = policytext.recurring_obligations(rows, min_docs=2)
    docs = sorted(sorted(x["doc"] for x in c.citations) for c in clusters)
    assert docs == [["a", "b"], ["c", "d"]]


def test_later_reading_of_a_sentence_is_compared_by_its_own_clause():
    from policytext.obligations._recurrence import duty_text

    sentence = "教师对学校的处理不服的，可以提出申诉，教育行政部门应当在接到申诉的三十日内作出处理。"
    later = Obligation(
        "a",
        None,
        sentence,
        0,
        len(sentence),
        "obligation",
        "教育行政部门",
        "education authority",
        "在接到申诉的三十日内作出处理",
        "",
        "应当",
    )
    assert duty_text(later, first=False) == "应当在接到申诉的#日内作出处理"
    assert duty_text(later).startswith("教师对学校的处理不服的")


def test_actor_modality_matrix_and_chart(tmp_path):
    rows = [
        _row("a", "obligation", "学校", "school", "学校应当开展实习。"),
        _row("a", "prohibition", "学校", "school", "学校不得收费。"),
        _row("b", "encouragement", "企业", "enterprise", "鼓励企业参与。"),
        Obligation("b", None, "要加强领导。", 0, 6, "obligation", action="加强领导"),
        Obligation("b", None, "无。", 0, 2, "none"),
    ]
    corpus = policytext.actor_modality_matrix(rows)
    by = {r["actor_type"]: r for r in corpus}
    assert by["school"]["obligation"] == 1 and by["school"]["prohibition"] == 1 and by["school"]["total"] == 2
    assert by["enterprise"]["encouragement"] == 1 and by["(unstated)"]["obligation"] == 1
    per_doc = policytext.actor_modality_matrix(rows, by_document=True)
    assert {r["doc"] for r in per_doc} == {"a", "b"}
    svg = policytext.plot_actor_modality(corpus, tmp_path / "m.svg")
    assert Path(svg).read_text(encoding="utf-8").lstrip().startswith("<?xml")
    with pytest.raises(ConfigError):
        policytext.plot_actor_modality(corpus, tmp_path / "m.gif")


# --------------------------------------------------------------------------- editable lexicons


def test_a_drafter_can_add_a_cue(tmp_path):
    text = "学校务须加强安全管理。"
    assert policytext.deontic(text).modality == "obligation"  # 须 is a cue
    source = policytext.load_deontic_lexicon().source
    edited = (
        Path(source)
        .read_text(encoding="utf-8")
        .replace("  prohibition:\n", "  prohibition:\n    - 切勿\n", 1)
    )
    mine = tmp_path / "zh.yaml"
    mine.write_text(edited, encoding="utf-8")
    assert policytext.deontic("学生切勿私自离校。").modality == "none"
    tagger = policytext.DeonticTagger(lexicon=str(mine))
    assert tagger.classify("学生切勿私自离校。").modality == "prohibition"


def test_actor_lexicon_is_editable(tmp_path):
    mine = tmp_path / "actors.yaml"
    mine.write_text("types:\n  consortium body:\n    zh: [产教联盟]\n", encoding="utf-8")
    assert policytext.classify_actor("产教联盟", lexicon=str(mine)) == "consortium body"
    assert policytext.classify_actor("县级以上地方人民政府教育行政部门") == "education authority"


def test_suffix_heads_can_require_a_word_before_them(tmp_path):
    mine = tmp_path / "actors.yaml"
    mine.write_text(
        "types:\n  school: {zh: [学校]}\nsuffix_heads:\n  长: {type: other, only_after: [局, 校]}\n",
        encoding="utf-8",
    )
    tagger = policytext.DeonticTagger(actors=str(mine))
    assert tagger.classify("局长应当按期述职。").actor == "局长"
    assert tagger.classify("增长应当保持稳定。").actor == ""


@pytest.mark.parametrize(
    "content, message",
    [
        ("cues: [1, 2]\n", "cues"),
        ("cues:\n  duty: [应当]\n", "unknown modality"),
        ("cues:\n  obligation: [应当, 应当]\n", "listed twice"),
        ("cues:\n  obligation: [应当]\ndeadline: ['(']\n", "deadline pattern"),
        ("cues: {obligation: [应当\n", "not valid YAML"),
    ],
)
def test_bad_lexicon_files_name_the_problem(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        policytext.load_deontic_lexicon(path)
    with pytest.raises(ConfigError, match="no such"):
        policytext.load_deontic_lexicon(tmp_path / "missing.yaml")


# --------------------------------------------------------------------------- real data (../shared)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


def test_labelled_set_is_well_formed():
    rows = _read_tsv(DATA / "deontic_zh.tsv")
    assert len(rows) >= 400
    counts = Counter(r["modality"] for r in rows)
    assert set(counts) == set(policytext.MODALITIES)
    assert min(counts.values()) >= 40
    assert {r["split"] for r in rows} == {"dev", "test"}


@pytest.mark.parametrize("split", ["dev", "test"])
def test_modality_and_bearer_on_labelled_sentences(tagger, split):
    """Real sentences from laws, local regulations and notices, labelled by hand."""
    corpora = shared_path("corpora")
    rows = [r for r in _read_tsv(DATA / "deontic_zh.tsv") if r["split"] == split]
    source = corpora / rows[0]["source"]
    assert source.exists()
    pairs, actors = [], []
    for r in rows:
        if r["context"]:
            pred = tagger.classify_sequence([r["context"], r["sentence"]], strict=False)[1]
        else:
            pred = tagger.classify(r["sentence"])
        pairs.append((r["modality"], pred.modality))
        if r["actor"] and r["modality"] != "none":
            actors.append(pred.actor == r["actor"])
    assert macro_f1(pairs, list(policytext.MODALITIES)) >= 0.90
    assert sum(actors) / len(actors) >= 0.80


def test_fresh_set_is_independent_and_split_by_document():
    rows = _read_tsv(DATA / "fresh_zh.tsv")
    assert len(rows) >= 350
    assert set(Counter(r["modality"] for r in rows)) == set(policytext.MODALITIES)
    by_split: dict[str, set[str]] = {}
    for r in rows:
        by_split.setdefault(r["split"], set()).add(r["source"])
    assert set(by_split) == {"fresh_dev", "fresh_test"}
    assert not by_split["fresh_dev"] & by_split["fresh_test"]
    old = {_norm(r["sentence"]) for r in _read_tsv(DATA / "deontic_zh.tsv")}
    assert not any(_norm(r["sentence"]) in old for r in rows)


@pytest.mark.parametrize("split, least_actor", [("fresh_dev", 0.90), ("fresh_test", 0.80)])
def test_modality_and_bearer_on_fresh_sentences(tagger, split, least_actor):
    """The independent set, read as ``policytext obligations --lines`` reads a line
    (a list item after its lead-in line)."""
    shared = shared_path()
    rows = [r for r in _read_tsv(DATA / "fresh_zh.tsv") if r["split"] == split]
    assert (shared / rows[0]["source"].split("#")[0]).exists()
    pairs, actors = [], []
    for r in rows:
        if r["context"]:
            pred = tagger.classify_sequence([r["context"], r["sentence"]], strict=False)[1]
            got = (pred.modality, pred.actor)
        else:
            line = policytext.obligations_from_lines([r["sentence"]], tagger=tagger)[0]
            got = (line.modality, line.actor)
        pairs.append((r["modality"], got[0]))
        if r["actor"] not in ("", "?") and r["modality"] != "none":
            actors.append(got[1] == r["actor"])
    assert macro_f1(pairs, list(policytext.MODALITIES)) >= 0.93
    assert sum(actors) / len(actors) >= least_actor


def test_bearer_set_is_fresh_and_split_by_document():
    rows = _read_tsv(DATA / "bearer_zh.tsv")
    stated = [r for r in rows if r["modality"] != "none" and r["actor"] not in ("", "?")]
    assert len(stated) >= 300
    assert {r["genre"] for r in rows} == {"law", "local", "notice"}
    by_split: dict[str, set[str]] = {}
    for r in rows:
        by_split.setdefault(r["split"], set()).add(r["source"])
    assert set(by_split) == {"bearer_dev", "bearer_test"}
    assert not by_split["bearer_dev"] & by_split["bearer_test"]
    old = {
        _norm(r["sentence"]) for name in ("deontic_zh.tsv", "fresh_zh.tsv") for r in _read_tsv(DATA / name)
    }
    assert not any(_norm(r["sentence"]) in old for r in rows)
    # the laws were never used before; the local regulations and the Ministry's opinion were
    seen = {r["source"] for r in rows if r["doc_seen"] == "yes"}
    assert all(r["genre"] != "law" for r in rows if r["source"] in seen)


@pytest.mark.parametrize("split, least_actor", [("bearer_dev", 0.95), ("bearer_test", 0.85)])
def test_bearer_exact_match_on_the_bearer_set(tagger, split, least_actor):
    """Laws, local vocational-education regulations and ministry notices, read as
    ``policytext obligations --lines`` reads a line (a list item after its lead-in)."""
    shared = shared_path()
    rows = [r for r in _read_tsv(DATA / "bearer_zh.tsv") if r["split"] == split]
    assert (shared / rows[0]["source"].split("#")[0]).exists()
    pairs, actors = [], []
    for r in rows:
        if r["context"]:
            pred = tagger.classify_sequence([r["context"], r["sentence"]], strict=False)[1]
            got = (pred.modality, pred.actor)
        else:
            line = policytext.obligations_from_lines([r["sentence"]], tagger=tagger)[0]
            got = (line.modality, line.actor)
        pairs.append((r["modality"], got[0]))
        if r["actor"] not in ("", "?") and r["modality"] != "none":
            actors.append(got[1] == r["actor"])
    assert macro_f1(pairs, list(policytext.MODALITIES)) >= 0.90
    assert sum(actors) / len(actors) >= least_actor


def test_english_lexdemod_sentences(tagger):
    """LexDeMod lease sentences (agent-specific labels mapped to one class per sentence)."""
    bench = _bench_obligations()
    pairs = bench.lexdemod_pairs(shared_path("gold", "deontic_lexdemod_en", "test_annotated_data.csv"), tagger)
    assert macro_f1(pairs, bench.LEXDEMOD_CLASSES) >= 0.60


def _bench_obligations():
    """``bench/bench_obligations.py`` as a module: its LexDeMod reader is the one the benchmark scores."""
    spec = importlib.util.spec_from_file_location("bench_obligations", ROOT / "bench" / "bench_obligations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize(
    "gold_file, least_precision, least_recall",
    [
        # teachers-law and vocational-education families (the thresholds were tuned here)
        ("recurrence_gold.tsv", 0.85, 0.65),
        # compulsory-education and private-education families (a second, held-out gold)
        ("recurrence_heldout.tsv", 0.72, 0.65),
    ],
)
def test_recurrence_against_hand_built_clusters(gold_file, least_precision, least_recall):
    """Duties reworded across national laws and their local implementing measures."""
    corpora = shared_path("corpora")
    gold = _read_tsv(DATA / gold_file)
    rows: list[Obligation] = []
    path_of: dict[str, str] = {}
    for rel in sorted({g["doc"] for g in gold}):
        doc = policytext.read(corpora / rel)
        path_of[doc.id] = rel
        rows.extend(policytext.extract_obligations(doc))
    from policytext.obligations._actors import strip_label

    index: dict[tuple[str, str], list[int]] = {}
    for i, r in enumerate(rows):
        index.setdefault((path_of[r.doc], _norm(r.sentence[strip_label(r.sentence) :])), []).append(i)
    clusters = policytext.recurring_obligations(rows, min_docs=1)
    label = {}
    for k, c in enumerate(clusters):
        for cit in c.citations:
            label[(cit["doc"], cit["start"], cit["action"])] = k
    items = []
    for g in gold:
        hits = [
            i
            for i in index.get((g["doc"], _norm(g["sentence"][strip_label(g["sentence"]) :])), [])
            if rows[i].modality == g["modality"]
        ]
        found = label.get((rows[hits[0]].doc, rows[hits[0]].start, rows[hits[0]].action)) if hits else None
        items.append((g["cluster"], found))
    assert sum(1 for _, f in items if f is not None) >= 0.95 * len(items)
    tp = fp = fn = 0
    for (g1, s1), (g2, s2) in itertools.combinations(items, 2):
        same_sys = s1 is not None and s1 == s2
        tp += g1 == g2 and same_sys
        fp += g1 != g2 and same_sys
        fn += g1 == g2 and not same_sys
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= least_precision, (precision, recall)
    assert recall >= least_recall, (precision, recall)


def test_traditional_characters_give_the_same_duties_quoted_as_written():
    simplified_text = "第五条 学校应当建立健全安全管理制度。\n第六条 县级以上人民政府负责本行政区域内的职业教育工作。"
    traditional = "第五條 學校應當建立健全安全管理制度。\n第六條 縣級以上人民政府負責本行政區域內的職業教育工作。"
    rows = {}
    for name, text in (("s", simplified_text), ("t", traditional)):
        doc = policytext.Document(id=name, source=f"{name}.txt", format="txt", text=text)
        rows[name] = policytext.extract_obligations(doc)
    assert [(o.modality, o.actor_type) for o in rows["t"]] == [(o.modality, o.actor_type) for o in rows["s"]]
    assert [(o.actor, o.cue, o.clause_label) for o in rows["t"]] == [("學校", "應當", "第五條"), ("縣級以上人民政府", "負責", "第六條")]
    # the items of a lead-in inherit its bearer as written
    text = "第七條 企業應當履行下列職責：\n（一）建立職工培訓制度；\n（二）接納學生實習。"
    items = policytext.extract_obligations(policytext.Document(id="i", source="i.txt", format="txt", text=text))
    assert [o.actor for o in items if o.sentence.startswith("（")] == ["企業", "企業"]
