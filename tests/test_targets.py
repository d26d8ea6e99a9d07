"""Targets: numbers as policy texts write them, and the sentences that set goals."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import SAMPLE, shared_path
from shared_sources import source_text

import policytext
from policytext.compare.numbers import find_quantities, to_base, unit_kind
from policytext.ingest.normalize import normalize

TARGETS = Path(__file__).parent / "data" / "targets"
GOLD = TARGETS / "gold.tsv"
GOLD_FRESH = TARGETS / "gold_fresh.tsv"
#: The labelled rounds 3-18, each drawn and labelled before it was first scored (README there).
GOLD_ROUND = {n: TARGETS / f"gold_round{n}.tsv" for n in range(3, 53)}
#: 600 sentences of rounds 14-21 and 27-52 read again by independent readers (README: "A second reading").
SECOND_READING = TARGETS / "second_reading.tsv"
#: Its two strata: (sentences in the stratum, sentences drawn). A: the first reading or the extractor found a
#: target in the sentence; B: neither did. Scores over the pooled rounds weight each drawn sentence by their ratio.
SECOND_READING_STRATA = {"reader2_A": (420, 320), "reader2_B": (4483, 280)}


# --------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千二百", 1200.0),
        ("二〇二五", 2025.0),
        ("十二万五千", 125000.0),
        ("两万", 20000.0),
        ("一亿二千万", 120000000.0),
        ("三点五", 3.5),
        ("1,200", 1200.0),
        ("1.5万", 15000.0),
        ("百分之三十", 30.0),
        ("千分之五", 5.0),
        ("一半", 50.0),
        ("三分之二", 66.6667),
        ("十", 10.0),
        ("规划", None),
    ],
)
def test_parse_number(text, value):
    got = policytext.parse_number(text)
    if value is None:
        assert got is None
    else:
        assert got == pytest.approx(value, rel=1e-4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城镇新增就业1200万人以上", [(1200.0, "万人", "以上")]),
        ("建设150家左右市域产教联合体", [(150.0, "家", "左右")]),
        ("国内生产总值增长6.5%－7%", [(6.5, "%", "")]),
        ("粮食产量1.4万亿斤左右", [(1.4, "万亿斤", "左右")]),
        ("压减三分之一以上", [(33.3333, "%", "以上")]),
        ("百分之三十以上", [(30.0, "%", "以上")]),
        ("翻一番", [(2.0, "倍", "")]),
        ("可减轻负担5000多亿元", [(5000.0, "亿元", "以上")]),
        ("规模达到万亿级，", [(1e12, "", "")]),
        ("力争达到万家以上", [(1.0, "万家", "以上")]),
        ("5G基站和PM2.5浓度", []),
        ("第三条 统一规划，“十四五”时期", []),
        ("2025年9月26日", []),
        ("零部件和十几亿人口", []),
        ("成立70周年", []),
    ],
)
def test_find_quantities(text, expected):
    got = [(q.value, q.unit, q.approx) for q in policytext.find_quantities(text)]
    assert len(got) == len(expected)
    for (v, u, a), (ev, eu, ea) in zip(got, expected):
        assert v == pytest.approx(ev, rel=1e-4) and u == eu and a == ea


def test_two_numerals_in_a_row_make_a_range():
    (q,) = policytext.find_quantities("八年内使商品粮比现在增加两、三倍")
    assert (q.value, q.upper, q.unit, q.raw) == (2.0, 3.0, "倍", "两、三倍")
    # a list of numerals is no range: 一、二、三项 keeps its last item only
    assert [(q.value, q.upper) for q in policytext.find_quantities("一、二、三项")] == [(3.0, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("全国粮食产量计划达到三亿六千万吨", [(3.6, "亿吨", "")]),  # 亿 inside, 万 at the end
        ("建成投产一千二百九十万千瓦，", [(1290.0, "万千瓦", "")]),  # 千瓦 is the unit, not 千
        ("粮食总产量稳定在4 9 2 5 0 万吨", [(49250.0, "万吨", "")]),  # PDF text, spaced digits
        ("定为百分之八至九。", [(8.0, "%", "")]),
        ("出口保持两位数增长", [(10.0, "%", "以上")]),
        ("平均受教育年限提高到11.3年，2025年", [(11.3, "年", "")]),
        ("五年共培养近五百万高级专门人才", [(5_000_000.0, "", "")]),
        ("我国有十亿多人口", [(1e9, "", "以上")]),  # 人 belongs to 人口
        ("带宽可用性5000M以上", [(5000.0, "M", "以上")]),
        ("千家企业节能行动和千亿斤粮食产能提升行动", []),  # names of programmes
        ("千万不要, 百万级", []),
        ("关乎千家万户的大事，千千万万个市场主体，千百万人民，三番五次，五花八门，抓好两头", []),  # set phrases
        ("商品粮比现在增加两、三倍", [(2.0, "倍", "")]),  # two numerals in a row: a range, the lower first
        ("人机物三元协同，破除城乡二元结构", []),  # 三元, 二元 inside words are no money
        ("每人每月发给五元钱，补助一千二百元", [(5.0, "元", ""), (1200.0, "元", "")]),
        ("小学二千零十七万人，一千零一所", [(2017.0, "万人", ""), (1001.0, "所", "")]),  # 零 holds a place
        ("等于一九五〇年的六倍半，一倍半以上", [(6.5, "倍", ""), (1.5, "倍", "以上")]),
    ],
)
def test_find_quantities_in_old_and_pdf_text(text, expected):
    got = [(q.value, q.unit, q.approx) for q in policytext.find_quantities(text)]
    assert len(got) == len(expected), got
    for (v, u, a), (ev, eu, ea) in zip(got, expected):
        assert v == pytest.approx(ev, rel=1e-4) and u == eu and a == ea


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("手表2，360万只", [(2360.0, "万只", "")]),  # thousands with a full-width comma; 表 is a watch, no table
        ("钢材1,484万吨", [(1484.0, "万吨", "")]),
        ("选3，5个", [(5.0, "个", "")]),  # an enumeration comma joins no thousands
        ("2019，2020年", []),
        ("见表3", []),
        ("财政收入增加三十多亿元", [(30.0, "亿元", "以上")]),  # 多 between a Chinese numeral and 亿
        ("一百二十多万人", [(120.0, "万人", "以上")]),
        ("柴油机4，500万马力", [(4500.0, "万马力", "")]),
        ("棉花八千万担", [(8000.0, "万担", "")]),
        ("货物周转量5万亿吨公里", [(5.0, "万亿吨公里", "")]),
        ("集装箱吞吐量2亿标准箱", [(2.0, "亿标准箱", "")]),
        ("担任组长", []),
    ],
)
def test_thousands_commas_and_units_of_old_reports(text, expected):
    got = [(q.value, q.unit, q.approx) for q in policytext.find_quantities(text)]
    assert len(got) == len(expected), got
    for (v, u, a), (ev, eu, ea) in zip(got, expected):
        assert v == pytest.approx(ev, rel=1e-4) and u == eu and a == ea


def test_spaced_digits_keep_their_written_span():
    text = "粮食总产量稳定在4 9 2 5 0 万吨"
    (q,) = policytext.find_quantities(text)
    assert q.raw == "4 9 2 5 0 万吨" and text[q.start : q.end] == q.raw
    assert policytext.find_quantities("百分之四至百分之五")[0].upper == 5.0


def test_to_base_multiplies_out_a_magnitude_kept_in_the_unit():
    from policytext.compare.numbers import to_base

    assert to_base(1200, "万人") == (12_000_000, "人")
    assert to_base(20, "万") == (200_000, "")  # a bare count of 20万 (裁减军队员额20万)
    assert to_base(5, "%") == (5, "%")


def test_quantity_spans_and_ranges():
    text = "增长6.5%－7%，新增1.5万家"
    qs = policytext.find_quantities(text)
    assert [text[q.start : q.end] for q in qs] == [q.raw for q in qs]
    assert qs[0].upper == 7.0
    assert to_base(1.5, "万家") == (15000.0, "家")
    assert unit_kind("万亿元") == "money" and unit_kind("%") == "percent" and unit_kind("所") == "count"


# --------------------------------------------------------------------------- sentences


def _rows(text, **kw):
    return [(t.indicator, t.value, t.unit, t.direction) for t in policytext.extract_targets(text, **kw)]


def test_plan_targets_of_a_work_report():
    text = (
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，城镇新增就业1200万人以上；"
        "单位国内生产总值能耗降低3%左右，生态环境质量持续改善。"
    )
    rows = policytext.extract_targets(text, year=2025)
    assert [(t.indicator, t.value, t.unit, t.direction, t.qualifier) for t in rows] == [
        ("国内生产总值", 5.0, "%", "increase", "左右"),
        ("城镇调查失业率", 5.5, "%", "level", "左右"),
        ("城镇新增就业", 1200.0, "万人", "increase", "以上"),
        ("单位国内生产总值能耗", 3.0, "%", "decrease", "左右"),
    ]
    assert all(t.year == 2025 for t in rows)
    assert all(t.sentence == text for t in rows)
    assert [t.raw for t in rows] == ["5%左右", "5.5%左右", "1200万人以上", "3%左右"]


@pytest.mark.parametrize(
    "text",
    [
        "过去一年，国内生产总值达到134.9万亿元、增长5%。",
        "全年工业企业实现利润2202亿元，比上年增长52%。",
        "我国60岁以上人口已达2.5亿。",
        "支持人口20万以上的县办好一所达到标准的特殊教育学校。",
        "围绕37条产业链和40个产业集群，支持链主企业制定数字化转型路线图。",
        "对符合条件的企业研发投入按最高5%给予后补助。",
        "落实一方是独生子女的夫妇可生育两个孩子政策。",
    ],
)
def test_past_achievements_and_conditions_are_not_targets(text):
    assert policytext.extract_targets(text, year=2025) == []


def test_changes_against_last_year_are_not_targets():
    rows = _rows("拟安排地方政府专项债券4.4万亿元、比上年增加5000亿元。", year=2025)
    assert rows == [("地方政府专项债券", 4.4, "万亿元", "level")]


def test_thing_counted_after_the_number_and_deadline_year():
    rows = policytext.extract_targets("到2025年，建设150家左右市域产教联合体。", year=2023)
    assert [(t.indicator, t.value, t.unit, t.year, t.direction) for t in rows] == [
        ("市域产教联合体", 150.0, "家", 2025, "build")
    ]


def test_respectively_gives_each_value_its_indicator():
    rows = _rows("今后五年，单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%。", year=2016)
    assert [r[:2] for r in rows] == [("单位国内生产总值用水量", 23.0), ("能耗", 15.0), ("二氧化碳排放量", 18.0)]
    assert {r[3] for r in rows} == {"decrease"}


def test_old_reports_chinese_years_and_five_year_plans():
    text = (
        "二、“七五”时期的基本任务\n"
        "“七五”计划草案规定，五年内全国工农业总产值增长百分之三十八。"
        "按一九八○年不变价格计算，一九九○年工农业总产值达到一万六千七百七十亿元，比一九八○年增长一点三倍。"
        "全民所有制单位的固定资产投资总额五年为八千九百六十亿元，比“六五”期间增长近百分之七十。\n"
    )
    rows = policytext.extract_targets(text, year=1986)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [
        ("工农业总产值", 38.0, "%"),
        ("工农业总产值", 16770.0, "亿元"),  # the change against 1980 that follows is not a target
        ("全民所有制单位的固定资产投资总额", 8960.0, "亿元"),  # nor the change against the last plan
    ]
    assert rows[0].year == 1990  # the year the running plan ends


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 家 before 具有 is a unit (not 家具, furniture)
        ("争取到2025年建成10家具有较强影响力的重大科技创新平台。", 2021, [("重大科技创新平台", 10.0)]),
        # the share of a plan fulfilled so far is no goal
        ("在交通运输业方面，今年1——5月份铁道货运量计划完成105%，江海货运量计划完成104%。", 1956, []),
        # the end of a list: 等落后产能 names the class, each value its own thing
        ("今年要淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能。", 2014,
         [("钢铁", 2700.0), ("水泥", 4200.0), ("平板玻璃", 3500.0)]),
        # what a goal makes, counted after 等
        ("到2021年，完成关键通用技术、伦理等20项以上重点标准的预研工作。", 2020, [("重点标准的预研工作", 20.0)]),
        # a note in brackets on the value before is no value; a product's specification is a goal
        ("到2020年，推出性能达到128TFLOPS（16位浮点）、能效比超过1TFLOPS/w的云端神经网络芯片。", 2017,
         [("性能", 128.0), ("云端神经网络芯片", 1.0)]),
        # the rate of a grant; the people whose pay a measure raises
        ("对投资项目给予不超过实际投资额5%，单个项目最高不超过50万元的风险补助。", 2020, []),
        ("提高1200万中小学教师待遇，中央财政为此将投入120亿元。", 2009, [("中央财政为此", 120.0)]),
        # 合计 names nothing: the thing summed is named before
        ("二、一九五八年的国民经济计划\n一九五八年要求大家畜的数量有比较快的发展，合计比上一年增长百分之四点六，达到八千八百二十七万头。\n", 1958,
         [("大家畜的数量", 8827.0)]),
        # a share of a base to save; what 对 names, to be paid off; 幅度 measures
        ("二、一九五八年的国民经济计划\n对于整个基本建设，今年要求节约总投资额的百分之七至百分之十，用于扩大工作量。\n", 1958,
         [("节约总投资额", 7.0)]),
        ("今年，对拖欠企业的款项年底前要清偿一半以上，决不允许增加新的拖欠。", 2019, [("拖欠企业的款项", 50.0)]),
        ("今年各级国家机关工作人员总数减少幅度在百分之二十五左右。", 1993, [("各级国家机关工作人员总数减少幅度", 25.0)]),
        # staff a school must have; a size that picks the schools
        ("到2022年，各中小学至少配备1名专职或兼职心理健康教育教师，超过1000人规模的学校必须配备专职教师。", 2021,
         [("专职或兼职心理健康教育教师", 1.0)]),
        # 拥有量 is a noun; a sentence with a bounded goal makes its 达到 values goals too
        ("万人发明专利拥有量达到14件，科技进步对经济增长贡献率达到60%左右。", 2016,
         [("万人发明专利拥有量", 14.0), ("科技进步对经济增长贡献率", 60.0)]),
        # the year so far; what there is, counted
        ("全国查处的经济违法犯罪案件从今年一月到九月共有十三万六千零二十四件。", 1982, []),
        ("全国县级以上的各级国家机关中，有一百万以上的干部下放到农村。", 1959, []),
        # …but a dated goal may open a clause on 有
        ("到2025年，全省规模以上工业企业中，有50%以上实现数字化转型。", 2021, [("规模以上工业企业中", 50.0)]),
        # a share that 全国可以有 reaches
        ("我们希望，在第一个五年计划期末，全国可以有半数以上的农户和土地加入农业生产合作社。", 1954,
         [("农户和土地加入农业生产合作社", 50.0)]),
        # goals without a number: 展望2035年 … 力争形成; 从今年起用两年时间，全部免除; 解决; 在全国农村 is a place
        ("展望2035年，数字经济迈向繁荣成熟期，力争形成统一公平、竞争有序的数字经济现代市场体系。", 2022,
         [("数字经济现代市场体系", None)]),
        ("从今年起用两年时间，全部免除农村义务教育阶段学生的学杂费。", 2006, [("学杂费", None)]),
        ("争取三年内基本解决农村“普九”债务问题。", 2009, [("农村“普九”债务问题", None)]),
        ("到2008年，要在全国农村基本建立新型合作医疗制度和医疗救助制度。", 2006,
         [("新型合作医疗制度和医疗救助制度", None)]),
        # a share written with a slash; striving for a figure; a level's yearly step and its yearly rate
        ("到2025年，应用型高校科技成果转化率超过1/3。", 2021, [("应用型高校科技成果转化率", 33.3333)]),
        ("现在日产量已经达到一千二百多吨，并且正在为日产一千五百吨奋斗。", 1958, [("日产", 1500.0)]),
        ("工资总额一九八○年为七百七十三亿元，一九八五年将达到九百八十三亿元，平均每年增加四十二亿元，增长百分之四点九。", 1982,
         [("工资总额", 983.0), ("工资总额", 4.9)]),
        # a state of things; a target named to judge an outcome; a sentence that opens on a deed done
        ("美苏即使削减了50%的战略核武器，它们拥有的核武器仍然占全世界核武器的90%以上。", 1988, []),
        ("增长11.3%，低于13%左右的预期目标。", 2017, []),
        ("出台了推动大众创新创业的一系列政策措施，建设省级以上科技企业孵化器145家、众创空间131家。", 2016, []),
        # a time (春耕时) and a cause (由于…) name nothing: the thing is named in the clause before
        ("农业生产合作社在今年八月已经发展到十万个，预计明年春耕时将达五十万个以上。", 1954, [("农业生产合作社", 50.0)]),
        ("铁路正线的通车里程一九四九年为二万一千七百公里；由于历年修复和新建了不少铁路，今年预计将达二万五千五百公里。", 1954,
         [("铁路正线的通车里程", 25500.0)]),
        # someone's claim; a Latin unit in another case
        ("有人认为肃反的偏差竟达到90%以上，这是完全没有根据的。", 1957, []),
        ("到2015年，部分发达城市家庭宽带接入能力达到100MbpS。", 2014, [("部分发达城市家庭宽带接入能力", 100.0)]),
        # round 27: hours written h, and 优于 as a specification's bound; a class (百亿亿次级) names a thing;
        # a share of people that 做到 commits to
        ("其中：单个激光靶标的清洁完成时间不高于6h；完成单条钢索检查的时间优于8h。", 2019,
         [("单个激光靶标的清洁完成时间", 6.0), ("单条钢索检查的时间", 8.0)]),
        ("推动新一代神威E级(百亿亿次级)原型机系统建设运行。", 2021, []),
        ("到2025年，数字经济产业能级达到万亿级。", 2021, [("数字经济产业能级", 1e12)]),
        ("同时，要逐步改善人民生活，做到在正常年景下百分之九十的社员收入逐年有所增加。", 1978, [("社员收入", 90.0)]),
        # round 28: the years just past; the thing named in the clause before (都将增长); a session's name (四届人大)
        # and what a country is made into; another country's figure; what a method can do
        ("这两年中，钢产量由二千零四十六万吨增加到三千一百七十八万吨，增长百分之五十五点三。", 1979, []),
        ("一九五八年的棉纱、麻袋、糖的产量，都将增长百分之十以上。", 1958, [("棉纱、麻袋、糖的产量", 10.0)]),
        ("在四届人大第一次会议上，号召全国人民为在本世纪内把我国建设成为社会主义的现代化强国而努力奋斗。", 1978,
         [("社会主义的现代化强国", None)]),
        ("但苏联在第一个五年计划中，工业部门的非生产性投资只占全部投资的百分之十四点五。", 1955, []),
        ("水泥生产的窑外分解法可以节约能源三分之一以上。", 1982, []),
        # who spends names the money; a measure in force; a comparison with last year dates nothing; A、B等增幅
        ("实施更加积极的就业政策，中央财政拟投入420亿元资金。", 2009, [("中央财政投入资金", 420.0)]),
        ("强化普惠性支持，落实好小规模纳税人增值税起征点从月销售额3万元提高到10万元等税收优惠政策。", 2019, []),
        ("今年对地方一般性转移支付增长7.8%、增幅明显高于去年，其中均衡性转移支付、县级基本财力保障机制奖补资金等增幅均超过10%。", 2021,
         [("对地方一般性转移支付", 7.8), ("均衡性转移支付、县级基本财力保障机制奖补资金", 10.0)]),
        # a count that announces a list; 将近 is nearly; a level of what goes abroad; a share of a 总数 without 的
        ("国家药品监管应用平台实现五项基本功能：统一门户管理，实现单点登录。", 2019, []),
        ("最近上海等地方劳动部门帮助将近一万多失业人员参加了手工业。", 1957, []),
        ("到2025年，对外出口额达到500亿元。", 2021, [("对外出口额", 500.0)]),
        ("而苏联的第一个五年计划，制造生产资料工业的投资占百分之八十五点九，制造消费资料工业的投资占百分之十四点一。", 1955, []),
        ("在三十二种主要工业产品中，产量将增长百分之五十以上的有生铁、钢等十七种。", 1959, []),
        # (its share goes with the amount since the second reading)
        ("今年经济建设费为28亿元，占地方预算支出总数32.60%。", 1956, [("经济建设费", 28.0)]),
        # round 29: volts, bits and microseconds; a running plan's content (安排了) and a past plan's
        ("考核指标：多路电压传感器最高检测电压≥1000V，分辨率≥12 Bit，系统延时≤2μs。", 2020,
         [("多路电压传感器最高检测电压", 1000.0), ("分辨率", 12.0), ("系统延时", 2.0)]),
        ("第六个五年计划在这方面安排了三千六百亿元的投资，把这笔资金管好用好。", 1982, [("投资", 3600.0)]),
        ("第五个五年计划在这方面安排了三千亿元的投资。", 1982, []),
        # round 31: a clause that estimates ahead after one that reports; how much of a plan was done, and a
        # figure stated as large; a note in brackets on what a name covers
        ("钢产量在一九五三年已经达到一百七十七万吨，预计在一九五四年钢产量将达到二百一十七万吨。", 1954, [("钢产量", 217.0)]),
        ("该厂的建设工程还才开始，一九五四年完成的工作量还不到原定计划的一半，仅窝工开支就有二百万元，积压材料就达七百多万元。", 1955, []),
        ("今年普通中学（包括高中和初中）将新招生213.7万人。", 1956, [("普通中学将新招生", 213.7)]),
        # rounds 32-33: a growth over the plan's years and its restatement before the level; 这两项 names
        # items said before; a new thing after 增加; 计划为 plans; the places of a goal without a number;
        # a year that names a document's period (年度); 六倍半
        ("第一个五年计划规定粮食增长百分之十七点六，即增产五百七十八亿斤，到一九五七年达到三千八百五十六亿斤。", 1955,
         [("第一个五年计划规定粮食", 3856.0)]),
        ("为了确保这两项，就必须下最大的决心把盲目建设压下来。", 1982, []),
        ("今年要再解决6000万人安全饮水问题，增加500万沼气用户。", 2009, [("安全饮水问题", 6000.0), ("沼气用户", 5e6)]),
        ("用于发展教育、科学、文化、卫生事业的经费计划为九百六十七亿元，比第五个五年计划期间的五百七十七亿元增加百分之六十八。", 1982,
         [("用于发展教育、科学、文化、卫生事业的经费", 967.0)]),
        ("到一九八五年，争取全国大部分县普及小学教育。", 1982, [("小学教育", None)]),
        ("根据本专项总体部署，现提出2021年度项目申报指南建议。", 2020, []),
        ("一九五四年预算中经济建设的支出将等于一九五〇年的六倍半。", 1954, [("支出", 6.5)]),
    ],
)  # fmt: skip
def test_kinds_of_rounds_21_to_33(text, year, expected):
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=year)] == expected


def _report_rows(text: str, year: int) -> list:
    """The targets of a text read as a whole document of ``year`` (its headings decide its parts)."""
    doc = policytext.Document(id="r", source="r", format="txt", text=text, metadata={"year": year})
    return policytext.extract_targets(doc)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # a plan's part that opens a sentence on the years just past, or on a span of years gone by
        ("二、一九五五年的计划\n两年中新建铁路铺轨一千四百多公里；新建公路六千六百多公里，其中主要的是康藏公路。\n今年要新建公路三千公里。\n",
         1955, [("公路", 3000.0)]),
        ("二、一九七八年的任务\n从一九六六年到一九七六年的十一年中，仍然有三分之一的省，粮食产量平均每年的增长速度都在百分之四点三以上，"
         "高的达到百分之五点五。\n今年粮食产量要达到六千亿斤。\n", 1978, [("粮食产量", 6000.0)]),
        # a topic before a colon (在工业生产方面：) does not hide the review that follows it
        ("二、一九五五年的计划\n在工业生产方面：两个年度计划都超额完成，一九五四年工业总产值比一九五二年增长了百分之五十三点七；"
         "重要产品的产量都有显著增长，如铁增长百分之五十六，钢增长百分之六十五。\n", 1955, []),
        # how many live in a place
        ("二、一九五九年的任务\n西藏共有人口一百二十万，参加叛乱的人只有两万左右。\n今年要修建公路一千公里。\n", 1959,
         [("修建公路", 1000.0)]),
        # what is already done, counted
        ("二、一九八三年的任务\n“六五”计划安排的大中型项目共八百九十个，其中已开工建设的重大建设项目有九十三个。\n", 1983,
         [("大中型项目", 890.0)]),
    ],
)  # fmt: skip
def test_a_review_inside_a_plan_part_is_not_a_target(text, year, expected):
    assert [(t.indicator, t.value) for t in _report_rows(text, year)] == expected


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # --- rounds 34 and 35
        # 要 inside 重要 is not the modal: the years just past still report
        ("二、一九五五年的计划\n两年中投入生产的限额以上的工业建设单位有一百三十六个，新增生产能力举其重要的来说，有：钢四十二万七千吨，"
         "电五十三万千瓦。\n今年要新建公路三千公里。\n", 1955, [("公路", 3000.0)]),
        # the years of a running plan gone by, in a sentence and in a title
        ("二、2010年的主要任务\n“十一五”前四年累计单位国内生产总值能耗下降14.38%。\n今年单位国内生产总值能耗要降低4%左右。\n", 2010,
         [("单位国内生产总值能耗", 4.0)]),
        ("六五计划前两年的执行情况\n一九八二年预计同一九八○年比较，棉花增长百分之二十一点九，油料增长百分之三十九。\n", 1982, []),
        # how much of the year's plan was done by May
        ("二、一九五六年的计划\n到5月份为止，全国基本建设投资总额完成年计划27%，去年同期则完成24%。\n", 1956, []),
        # what a river is; the topic of an article
        ("二、一九五五年的计划\n黄河全长四千八百多公里，流经七省，流域面积七十四万五千平方公里。\n", 1955, []),
        ("二、一九八三年的任务\n孙冶方同志就翻两番必须主要依靠技术改造的问题，写了一篇很好的文章。\n", 1983, []),
        # 处 of 日处理能力 is no penalty; 一万人 is no determiner; a bound makes one person a value
        ("二、2010年的主要任务\n新增城镇污水日处理能力1500万立方米、垃圾日处理能力6万吨。\n", 2010,
         [("城镇污水日处理能力", 1500.0), ("垃圾日处理能力", 6.0)]),
        ("到2025年，新建联络处5个。\n", 2024, [("联络处", 5.0)]),
        ("二、一九五八年的计划\n群众自办的学校的招生人数，大致估算为：高中一万人，初中十八万人。\n", 1958, [("高中", 1.0), ("初中", 18.0)]),
        ("二、2017年的主要任务\n确保零就业家庭至少有一人稳定就业。\n", 2017, [("零就业家庭", 1.0)]),
        # 今明两年 is a deadline
        ("具有公益性质的博物馆、纪念馆，今明两年实现全部向社会免费开放。\n", 2008, [("全部向社会免费开放", None)]),
        # --- rounds 36 and 37
        # how much of the plan each product reached
        ("二、一九五六年的计划\n但是有几项重要产品的产量没有完成计划：钢完成96.4%，钢材完成95%，原煤完成99.8%。\n", 1956, []),
        # what is at stake is not a commitment
        ("能不能在本世纪内实现四个现代化，决定着我们国家和民族的命运。\n", 1979, []),
        # 的是 after a measured noun states its level
        ("二、第一个五年计划的任务\n在五年经济建设和文化教育建设的支出总数中，属于基本建设投资的是四百二十七亿四千万元，占支出总数的百分之五十五点八。\n",
         1955, [("属于基本建设投资", 427.4)]),  # (the share goes with the amount since the second reading)
        # a planned level's yearly rate, in a part that neither reviews nor plans by its title; 计划提高 plans
        ("第六个五年计划的基本任务\n城乡居民按人口平均的消费水平计划提高百分之二十二，平均每年递增百分之四点一。\n"
         "其中，出口总额将达到四百零二亿元，平均每年递增百分之八点一。\n", 1982,
         [("城乡居民按人口平均的消费水平", 22.0), ("城乡居民按人口平均的消费水平", 4.1), ("出口总额", 402.0), ("出口总额", 8.1)]),
        # a class of equipment; the areas of a count; a threshold of a class of projects; names; up to now
        ("二、重点任务\n（三）重点发展船舶板材激光焊接成套装备，高精度智能化热/冷连轧成套装备，百万吨以上\n", 2021, []),
        ("到2025年，完成电子证照、药品追溯和化妆品监管5个方面20个信息化标准的编制工作。\n", 2019, [("信息化标准的编制工作", 20.0)]),
        ("二、一九五五年的计划\n钢铁工业、汽车制造工业的投资限额为一千万元，纺织工业的投资限额为五百万元。\n", 1955, []),
        ("二、一九七八年的任务\n人民解放军在三支两军工作中又作出了重大贡献。\n今后要全力支持两个特别行政区行政长官和政府依法施政。\n", 1978, []),
        ("二、一九八二年的任务\n全国地县小铁厂由四百六十六个减少到现在的二百七十六个，炼铁焦比由九百五十公斤降到七百零五公斤。\n", 1981, []),
        # 这种增加 is the thing named before
        ("二、一九五六年的计划\n只是用于农村的地方附加和乡村自筹的部分有了增加，这种增加将以最多不超过正税的22%为限。\n", 1956,
         [("用于农村的地方附加和乡村自筹的部分", 22.0)]),
        # --- rounds 40 and 41
        # a call's deliverables counted in its 考核指标 are targets; a technical specification with no bound is not
        ("考核指标：增强装置 2 套，支持工业协议≥6 种，具备在线分析功能。\n", 2020, [("增强装置", 2.0), ("工业协议", 6.0)]),
        ("考核指标：差压传感器量程 0.015MPa，非线性误差0.3%FS；制定标准规范≥2 项。\n", 2020, [("标准规范", 2.0)]),
        # a draft once made is no goal; the gap between a cost and the planned one is no target
        ("一九八○年，国务院曾拟订出从一九八一年到一九八五年的第六个五年计划的基本轮廓和主要指标。\n", 1982, []),
        ("二、一九五六年的计划\n煤炭工业部原煤的全部可比产品成本，超过计划成本4%左右。\n", 1956, []),
        # the total of the parts a plan counts is planned too, and names what the parts name
        ("二、一九五八年的计划\n机械工业各部共有七十七个建设项目，地方有两个建设项目，共计七十九个。\n", 1958,
         [("建设项目", 77.0), ("建设项目", 2.0), ("建设项目", 79.0)]),
        # --- rounds 44 and 45
        # the parts of a count, each stated with 是 after 其中
        ("二、一九五八年的计划\n在这一百一十九个项目中，电站有一百个，其中火力电站是七十六个，水电站是二十四个。\n", 1958,
         [("电站", 100.0), ("火力电站", 76.0), ("水电站", 24.0)]),
        # what a condition could bring (如果…，一般可以…)
        ("二、一九五五年的计划\n农业生产合作社在初建的一、二年内，如果办得不坏，一般可以增产百分之十到二十左右。\n", 1955, []),
        # a fund the plan will allot, whatever its change against the last plan; the fund is named after its value
        ("第六个五年计划的基本任务\n这五年内，国家财政还将拨出二十五亿元专项资金，用于支援这些地区的建设，比第五个五年计划期间增加二十二亿元。\n",
         1982, [("专项资金", 25.0)]),
        # --- rounds 46 and 47
        # the yearly rate of the thing just measured is named by it
        ("第六个五年计划的基本任务\n到一九八五年，城乡居民按人口平均的消费水平，将比一九八○年增长百分之二十二，平均每年递增百分之四点一。\n",
         1982, [("城乡居民按人口平均的消费水平", 22.0), ("城乡居民按人口平均的消费水平", 4.1)]),
        # a year that dates a noun's clause (在一九五九年列入计划的建设项目) is no deadline of a goal
        ("二、一九五八年的计划\n准备在一九五九年列入计划的建设项目，从现在起就要提前做好设计。\n", 1958, []),
    ],
)  # fmt: skip
def test_kinds_of_rounds_34_to_47(text, year, expected):
    assert [(t.indicator, t.value) for t in _report_rows(text, year)] == expected


def test_volts_are_a_unit():
    assert [(q.value, q.unit) for q in find_quantities("二十二万伏的高压变压器")] == [(22.0, "万伏")]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # 共 inside a budget line's name; what money now buys; a unit of print; what must be done names nothing
        ("二、一九五六年的国家预算\n对于少数民族地区，本年预算共支出791，459，000元，比1955年增长32.56%。\n", 1956,
         [("本年预算支出", 791459000.0, "元")]),
        ("二、一九五八年的计划\n根据许多调查，现在就可以用六十元、七十元或者八十元，去办过去要用一百元钱才能办好的事情了。\n", 1958, []),
        ("第六个五年计划的基本任务\n全国各种报刊、杂志、书籍的出版总量，一九八五年达到四百五十六亿印张，比一九八○年增长百分之二十二。\n", 1982,
         [("各种报刊、杂志、书籍的出版总量", 456.0, "亿印张")]),
        ("第六个五年计划的基本任务\n电影故事片的摄制，必须在努力提高质量的前提下增加数量，计划由一九八○年的八十二部增加到一九八五年的一百二十部。\n",
         1982, [("电影故事片的摄制", 120.0, "部")]),
        # a place that becomes something: what it becomes is the goal
        ("力争到2025年，济南建成高水平引领型国家创新型城市。\n", 2021, [("高水平引领型国家创新型城市", None, "")]),
        # (but a goal named before its verb keeps its name)
        ("到2035年，教育强国基本建成。\n", 2024, [("教育强国", None, "")]),
    ],
)  # fmt: skip
def test_kinds_of_rounds_38_and_39(text, year, expected):
    assert [(t.indicator, t.value, t.unit) for t in _report_rows(text, year)] == expected


def test_a_place_name_and_a_span_of_a_century_are_not_values():
    # 三门峡 is a place, not three 门; 四分之一世纪 is a span of time, not 25%
    assert 3.0 not in [t.value for t in _report_rows("二、一九五五年的计划\n在三门峡等五处将建设足以调节流量的巨大水库。\n", 1955)]
    rows = policytext.extract_targets("在今后不到四分之一世纪的时间内实现四个现代化，这在我国和世界历史上都是伟大的壮举。", year=1978)
    assert 25.0 not in [t.value for t in rows]


def test_a_conjunction_before_the_indicator_is_no_part_of_its_name():
    rows = policytext.extract_targets("今年拟安排财政赤字1.35万亿元，比去年增加1500亿元，但赤字率保持在2.1%。", year=2014)
    assert [(t.indicator, t.value) for t in rows] == [("财政赤字", 1.35), ("赤字率", 2.1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tolerance's sign between the bound and its value; < and ＜ bound like ≤
        ("考核指标：单体直流电压监测范围±5V，测量精度优于±2.5mV；压力测量范围 50kPa~250kPa，误差≤±1.5kPa。",
         [("测量精度", 2.5, "mV"), ("误差", 1.5, "kPa")]),
        ("考核指标：控制精度＜0.1%，识别率≥80%。", [("控制精度", 0.1, "%"), ("识别率", 80.0, "%")]),
        ("考核指标：控制精度<0.1%，识别率≥80%。", [("控制精度", 0.1, "%"), ("识别率", 80.0, "%")]),
        # units of dose, field and concentration
        ("考核指标：抗辐照能力≥100000cGy；磁场传感器分辨率≤10μT@1.5T，灵敏度优于30nT/√Hz。",
         [("抗辐照能力", 100000.0, "cGy"), ("磁场传感器分辨率", 10.0, "μT"), ("灵敏度", 30.0, "nT/√Hz")]),
        # a gain a call asks for, with no bound word
        ("考核指标：开发 1 套原型系统，在航空等行业进行应用验证，装配效率提升 20%；申请发明专利不少于 5 项。",
         [("原型系统", 1.0, "套"), ("装配效率", 20.0, "%"), ("申请发明专利", 5.0, "项")]),
        # round 50: a power of ten whose superscript the PDF flattened; millimetres and ohms
        ("考核指标：增益≥2.5×106；圆片直径≥150mm，接触电阻≤500mΩ。",
         [("增益", 2500000.0, ""), ("圆片直径", 150.0, "mm"), ("接触电阻", 500.0, "mΩ")]),
        # a bounded count after 等 in a list of deliverables; the measure between a bound and its value
        ("考核指标：在采购、销售、质量等三类以上管理软件领域开展应用验证。", [("管理软件领域", 3.0, "类")]),
        ("考核指标：完成不少于里程总规模 300 公里的示范工程建设。", [("示范工程建设", 300.0, "公里")]),
    ],
)  # fmt: skip
def test_kinds_of_rounds_48_and_50(text, expected):
    assert [(t.indicator, t.value, t.unit) for t in policytext.extract_targets(text, year=2020)] == expected


def test_a_specification_without_a_bound_stays_no_target():
    # the measuring range describes the product (a value with no bound word in a list of deliverables)
    rows = policytext.extract_targets("考核指标：监测范围±5V，量程 0.015MPa。", year=2020)
    assert rows == []
    # nor is a count of context after 等 without a bound, nor 4×100 a power of ten
    assert policytext.extract_targets("考核指标：在采购、销售、质量等三类管理软件领域开展应用验证。", year=2020) == []
    assert [(q.value, q.unit) for q in find_quantities("4×100米接力")] == [(100.0, "米")]


def test_kinds_of_round_49():
    # the places a goal holds for name nothing, the goal's own word (的指标) ends a list, and a clause with no
    # time of its own that repeats the goal's verb (棉花的单位面积产量分别达到) is a goal too
    text = ("一九五七年修订的全国农业发展纲要，规定粮食的单位面积产量，到一九六七年在全国三类地区分别达到四百斤、五百斤、"
            "八百斤的指标，棉花的单位面积产量分别达到六十斤、八十斤、一百斤的指标。")  # fmt: skip
    rows = policytext.extract_targets(text, year=1959)
    assert [t.value for t in rows] == [400.0, 500.0, 800.0, 60.0, 80.0, 100.0]
    assert all("粮食的单位面积产量" in t.indicator for t in rows[:3])
    assert all(t.indicator == "棉花的单位面积产量" for t in rows[3:])
    assert {t.year for t in rows} == {1967}
    # (but in a review, not after a value reported for the year itself, nor after one that has a starting value)
    text = "一、过去几年的工作\n全国高等学校由一九八○年的六百七十五所增加到一九八二年的七百二十九所，招生数由二十八万人增加到三十一万人。\n"
    assert 31.0 not in [t.value for t in _report_rows(text, 1982)]
    text = "一、过去几年的工作\n一九五七年修订的全国农业发展纲要，规定粮食的单位面积产量，到一九六七年达到四百斤，棉花的单位面积产量由三十斤提高到六十斤。\n"
    assert [t.value for t in _report_rows(text, 1959)] == [400.0]
    # money left over from last year describes the fund this year's budget draws on
    rows = policytext.extract_targets("同时，如前所说，本年国家预算还要动用上年结余的金库存款10亿余元。", year=1956)
    assert [(t.value, t.unit) for t in rows] == [(10.0, "亿元")]
    assert not policytext.extract_targets("上年结余的金库存款有10亿元。", year=1956)


def test_the_things_a_task_works_on_are_counted():
    # 对…进行攻关: what follows 对 is the object of the task, not a condition; each count names its own noun
    text = "围绕经济和社会发展的需要，对生产建设中带关键性的三十八个科技项目的一百个课题进行攻关，争取其中相当一批项目在第六个五年计划期间取得成果。"
    rows = policytext.extract_targets(text, year=1982)
    assert [(t.indicator, t.value) for t in rows] == [("科技项目", 38.0), ("课题", 100.0)]
    assert [(t.indicator, t.value) for t in policytext.extract_targets("今年要对3000个老旧小区进行改造。", year=2020)] == [
        ("老旧小区", 3000.0)
    ]
    # (but a threshold after 对 picks what is worked on)
    assert policytext.extract_targets("对500万元以上的项目进行改造的，给予补助。", year=2020) == []


def test_a_fund_given_an_amount_in_a_plan_is_a_target_and_an_award_is_not():
    text = "二、2010年主要任务\n中央财政扶持中小企业发展专项资金安排106亿元。\n对获奖企业给予一次性奖补资金50万元。\n"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2010)] == [("中央财政扶持中小企业发展专项资金", 106.0)]


def test_a_review_guidelines_norms_are_not_targets():
    text = ("本审评要点旨在指导注册申请人对病理图像人工智能分析软件临床评价注册申报资料的准备。\n"
            "病理医师在进行下一次阅片时应保留一段时间的记忆清除期，此段时间一般不少于两周。\n"
            "数据应来源于分布于不同地域的机构且不少于3家。\n")  # fmt: skip
    assert policytext.extract_targets(text, year=2023) == []
    # the same norms in a plan's goals are targets
    rows = policytext.extract_targets("到2025年，数据应来源于不少于3家机构。\n", year=2023)
    assert [t.value for t in rows] == [3.0]


def test_a_plan_named_after_the_value_does_not_date_it():
    text = "二、2024年政府工作任务\n经济增长预期目标为5%左右，考虑了促进就业增收等需要，并与“十四五”规划和基本实现现代化的目标相衔接。\n"
    assert [(t.indicator, t.value, t.year) for t in policytext.extract_targets(text, year=2024)] == [("经济增长", 5.0, 2024)]
    # named before it, the plan gives its end year (“十四五”期间 …: due in 2025)
    rows = policytext.extract_targets("“十四五”期间，数字经济核心产业增加值占GDP比重达到10%。", year=2021)
    assert [(t.value, t.year) for t in rows] == [(10.0, 2025)]


def test_indicators_are_the_thing_measured():
    rows = _rows(
        "宏观调控的目标是，确保物价上涨幅度比去年有明显回落，力争控制在百分之十五左右。"
        "今年经济增长速度的宏观调控目标，定为百分之八至九。",
        year=1995,
    )
    assert [r[:2] for r in rows] == [("物价上涨幅度", 15.0), ("经济增长速度", 8.0)]
    rows = _rows("今年全年再减少企业税负3500亿元左右、涉企收费约2000亿元。力争建成并开通5G基站10万个。", year=2017)
    assert [r[:2] for r in rows] == [("企业税负", 3500.0), ("涉企收费", 2000.0), ("5G基站", 10.0)]
    rows = _rows("到2020年，全员劳动生产率从人均8.7万元提高到12万元以上，经济增长预期目标为5%左右。", year=2016)
    assert [r[:2] for r in rows] == [("全员劳动生产率", 12.0), ("经济增长", 5.0)]
    rows = _rows("实现省会、鲁南、胶东经济圈100项左右智慧应用打通，全省农村百兆以上固定宽带用户占比达到90%以上。", year=2021)
    assert [r[0] for r in rows] == ["智慧应用", "农村百兆以上固定宽带用户占比"]


def test_norms_of_a_law_and_the_years_own_figures():
    law = (
        "第一条 为了规范民办学校，制定本条例。\n第二条 本条例适用于民办学校。\n"
        "第三条 民办学校的理事会每年至少召开2次会议。\n第四条 民办学校终止的，应当提前6个月发布公告。\n"
    )
    assert _rows(law, year=2021) == []  # norms and procedures of a law are no goals
    old = "1957年的国家预算收入比1956年增长近百分之二。农业总产值比1956年将增长百分之四点九，达到六百一十一亿元。"
    assert [r[:3] for r in _rows(old, year=1957)] == [("国家预算收入", 2.0, "%"), ("农业总产值", 611.0, "亿元")]
    assert _rows("实现四个现代化，科技是关键。解决13亿中国人的吃饭问题。", year=2011) == []


def test_what_is_said_after_a_look_back_reports():
    text = "2011年，是“十二五”开局之年。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%，城镇新增就业1168万人。"
    assert policytext.extract_targets(text, year=2011) == []
    report = "2002年政府工作报告\n首先报告2001年的工作\n全年规模以上工业企业实现利润4657亿元，增长8.1%。\n"
    assert policytext.extract_targets(report) == []


def test_a_plan_aims_at_what_it_counts():
    plan = "数字山东2021行动方案\n\n深入开展智慧农业建设，建设100家智慧农业应用基地、16家以上智能牧场。"
    assert _rows(plan, year=2021) == [("智慧农业应用基地", 100.0, "家", "build"), ("智能牧场", 16.0, "家", "increase")]
    # Outside a plan, a clause that opens on a task's verb with no subject is a task list (the blind
    # readers of report passages label these), whatever opens the sentence; a sentence that tells a
    # result reached (全面完成) reports its deeds.
    assert _rows("深入开展智慧农业建设，建设100家智慧农业应用基地。", year=2021) == [("智慧农业应用基地", 100.0, "家", "build")]
    assert _rows("全省智慧农业建设深入开展，建设100家智慧农业应用基地。", year=2021) == [("智慧农业应用基地", 100.0, "家", "build")]
    assert policytext.extract_targets("全省智慧农业基地建设全面完成，新建100家智慧农业应用基地。", year=2021) == []


def test_changes_and_long_horizon_multiples():
    rows = _rows("到1985年，棉花三百六十万吨，增长百分之三十三；城乡居民收入比1980年翻一番。", year=1982)
    assert [r[:3] for r in rows] == [("棉花", 360.0, "万吨"), ("城乡居民收入", 2.0, "倍")]
    assert _rows("就业预期目标比去年多100万人，突出了更加重视就业的导向。", year=2017) == []


def test_the_share_an_amount_makes_up_goes_with_the_amount():
    # The three readers of the second reading who met one each left a budget line's share out: it is
    # arithmetic from the planned amount, as the change against last year after a level is.
    rows = _rows("今年中央预算拟安排教育支出4000亿元，占中央本级支出的15.2%。", year=2010)
    assert [r[1:3] for r in rows] == [(4000.0, "亿元")]
    rows = _rows("今年农业部门的投资为三十二亿六千万元，占百分之七点六；其他为四亿六千万元，占百分之一点一。", year=1955)
    assert [r[1:3] for r in rows] == [(32.6, "亿元"), (4.6, "亿元")]
    # A bound set on the share, or a share named on its own, is a goal of its own.
    rows = _rows("今年全国财政赤字合计9500亿元，占国内生产总值比重在3%以内。", year=2009)
    assert [r[1:3] for r in rows] == [(9500.0, "亿元"), (3.0, "%")]
    rows = _rows("到2025年，数字经济规模达到1万亿元，占地区生产总值比重超过50%。", year=2021)
    assert [r[1:3] for r in rows] == [(1.0, "万亿元"), (50.0, "%")]


def test_a_long_note_in_brackets_and_present_conditions():
    rows = _rows("城市公共汽电车系统的运行信息（包括运营计划信息、运营服务信息、车辆运行信息和安全事故信息等）采集入库比率应达到100%。", year=2016)
    assert [r[:2] for r in rows] == [("城市公共汽电车系统的运行信息采集入库比率", 100.0)]
    # 在目前条件下 names the conditions a norm holds under; 目前 alone reports the present.
    rows = _rows("在目前条件下，从事农业（包括农、林、牧、副、渔各业）的农村劳动力，一般应当不少于百分之八十。", year=1959)
    assert [r[:2] for r in rows] == [("从事农业的农村劳动力", 80.0)]
    assert _rows("目前，从事农业的农村劳动力占百分之八十。", year=1959) == []


def test_a_year_end_estimate_of_the_year_and_a_planned_change():
    # A report near the year's end estimates how its own year turns out: no goal (both readings agree).
    assert _rows("今年轻纺工业的总产值预计比去年增长12%。", year=1981) == []
    assert _rows("社会商品零售额今年预计将比去年增长9%。", year=1981) == []
    # A plan's change against last year is a goal, and so is a forecast of next year.
    assert [r[:2] for r in _rows("全年工业总产值计划比上年增长6%，预计可以超过。", year=1980)] == [("工业总产值", 6.0)]
    assert [r[:2] for r in _rows("明年工业总产值预计比今年增长4%。", year=1981)] == [("工业总产值", 4.0)]
    assert _rows("到现在为止，有近百分之三十的企业亏损，今年的亏损额预计达四十多亿元。", year=1982) == []
    assert _rows("预计今年高校毕业生超过1170万人，要强化促进青年就业政策举措。", year=2024) == []
    # (今年预计将达: 将 looks ahead, as the 1954 report's railway mileage does)
    assert [r[:2] for r in _rows("由于新建了不少铁路，铁路通车里程今年预计将达25500公里。", year=1954)] == [("铁路通车里程", 25500.0)]
    # the next bare change after a reported one reports too; after a planned one, it plans
    text = "今年上海市纺织工业实行了全行业利润留成的试点，上半年产值比去年同期增长14.1%，上缴国家的利润增长16.3%。"
    assert _rows(text, year=1980) == []
    rows = _rows("今年国内生产总值预期增长8%左右，居民消费价格涨幅3%左右。", year=2012)
    assert [r[1] for r in rows] == [8.0, 3.0]


def test_a_value_per_head_and_a_rate_named_after_the_value():
    # 提高到人均1196元: per head says how the value is counted, not what is measured
    rows = _rows("今年城乡居民基本医保财政补助标准提高到人均320元。", year=2014)
    assert [r[:2] for r in rows] == [("城乡居民基本医保财政补助标准", 320.0)]
    # 至少50台/天的流水维护能力: the capacity is measured, its rate's unit (/天) stands between
    rows = _rows("考核指标：促动器自动化维护平台具备至少 50 台/天的流水维护能力。", year=2020)
    assert [r[:2] for r in rows] == [("流水维护能力", 50.0)]
    # 中央财政还将安排: both adverbs go before who spends names the sum
    rows = _rows("中央财政还将安排150亿元，增加对产粮大县和财政困难县的转移支付。", year=2005)
    assert [r[:2] for r in rows] == [("中央财政安排", 150.0)]


def test_bounds_written_as_in_a_specification_and_foreign_dealings():
    # 大于 / 小于 bound a specification as 高于 / 低于 do; cm3/h is a rate of volume
    rows = _rows("到2020年，增材制造装备成形效率大于450cm3/h，连续工作时间大于240h。", year=2017)
    assert [r[:3] for r in rows] == [("增材制造装备成形效率", 450.0, "cm3/h"), ("连续工作时间", 240.0, "h")]
    assert [r[3] for r in rows] == ["increase", "increase"]
    rows = _rows("考核指标：检测精度不大于5%，响应时间小于2ms。", year=2020)
    assert [(r[0], r[1], r[3]) for r in rows] == [("检测精度", 5.0, "decrease"), ("响应时间", 2.0, "decrease")]
    assert _rows("人口大于20万的县要建设一所职业学校。", year=2020) == []  # a threshold that picks the counties
    # 对外援助 is a noun; 对 that picks what a rule applies to is not
    rows = _rows("今年国家预算规定债款支出759，227，000元；对外援助和其他支出669，315，000元。", year=1956)
    assert [r[1] for r in rows] == [759227000.0, 669315000.0]
    assert _rows("对年销售收入500万元以下的企业减按20%征收。", year=2020) == []


def test_money_committed_to_a_purpose_and_a_note_that_grants_nothing():
    # a policy of no date commits money to a purpose; who pays (and how often) names it
    rows = _rows("设立济南市先进制造业和数字经济发展专项资金，市财政每年安排5亿元，用于支持先进制造业和数字经济发展。", year=2019)
    assert [r[:2] for r in rows] == [("市财政每年安排", 5.0)]
    rows = _rows("规划建设人工智能产业园，连续三年由市财政每年出资1亿元用于园区建设。", year=2023)
    assert [r[:2] for r in rows] == [("市财政每年出资", 1.0)]
    assert _rows("2019年市财政安排5亿元，用于支持先进制造业发展，带动社会投资100亿元。", year=2021) == []  # a year gone by
    # 扣除中央补助的部分 in brackets: a note on what is counted, not a grant
    rows = _rows("今年国家预算中，地方预算收入（扣除中央补助的部分）为7，053，826，000元。", year=1956)
    assert [r[1] for r in rows] == [7053826000.0]
    # a call's indicator list: 高于 bounds a specification as 不低于 does
    rows = _rows("考核指标：设备样机达到 C 级 DAL，设备 MTBF 高于15000 小时。", year=2020)
    assert [r[1:3] for r in rows] == [(15000.0, "小时")]


def test_change_after_each_level_of_a_list():
    rows = _rows("今年计划生产钢材3000万吨，增加200万吨；化肥1500万吨，增加100万吨。", year=1985)
    assert [r[1:3] for r in rows] == [(3000.0, "万吨"), (1500.0, "万吨")]


@pytest.mark.parametrize(
    "text",
    [
        "只要每年保持7%左右的增长，就是很大的成绩。",  # a conditional
        "有5%左右的增长就可以保证就业基本稳定。",  # a target restated as a reason
        "参加试点的企业，到今年上半年有3，200家左右，销售收入约占全部企业的30%左右。",  # the year so far
        "今年1至8月比去年同期增长12%。",
        "13亿多人口、8亿多劳动力，是我们发展的最大优势。",  # rough counts of context
        "今年要用好500亿元产业投资基金。",  # a fund that exists
    ],
)
def test_conditions_the_year_so_far_and_context_are_not_targets(text):
    assert policytext.extract_targets(text, year=1985) == []


def test_the_year_so_far_ahead_is_still_a_plan():
    assert [r[1] for r in _rows("今年上半年要完成改造任务300个左右。", year=1985)] == [300.0]


@pytest.mark.parametrize(
    ("sentence", "year", "expected"),
    [
        # a bound before the base of a share: what is bounded is measured, and the bound is kept
        ("到2027年，成员企业每年为成员学校提供的实习岗位不少于学校实习需求的80%。", 2023,
         [("实习岗位", 80.0, "%", "increase", "不少于")]),
        ("奖励性绩效占比不低于绩效工资总量的70%。", 2023, [("奖励性绩效占比", 70.0, "%", "increase", "不低于")]),
        ("每年培训规模不低于在校生规模的1倍。", 2023, [("培训规模", 1.0, "倍", "increase", "不低于")]),
        # a count of attendances names the activity
        ("到2027年，年均开展职业技能培训2万人次以上。", 2023, [("职业技能培训", 2.0, "万人次", "build", "以上")]),
        # 投入占…比重 is one name; a modal makes 增加 the predicate; 攻克 opens its object
        ("到2025年，研发经费投入占地区生产总值的比重达到3%。", 2023,
         [("研发经费投入占地区生产总值的比重", 3.0, "%", "level", "")]),
        ("今年国家银行将增加农业贷款22亿元。", 2023, [("农业贷款", 22.0, "亿元", "increase", "")]),
        ("每年推进制造业创新中心攻克产业基础技术10项左右。", 2023, [("产业基础技术", 10.0, "项", "level", "左右")]),
        # who set the figure, and the time it takes, are no part of the name
        ("如，《规划》提出到2025年济南市数字经济规模占GDP比重达到50%。", 2023,
         [("济南市数字经济规模占GDP比重", 50.0, "%", "level", "")]),
        ("我们要用二十年的时间使工农业总产值翻两番。", 1982, [("工农业总产值", 4.0, "倍", "increase", "")]),
        # 其中国家级50个: the national ones of the thing counted before
        ("到2025年，建设100个左右市域产教联合体，其中国家级50个。", 2022,
         [("市域产教联合体", 100.0, "个", "build", "左右"), ("国家级市域产教联合体", 50.0, "个", "level", "")]),
        # round 19: an index has no measure word; who spends names the spending
        ("全省两化融合发展指数达到125左右。", 2023, [("两化融合发展指数", 125.0, "", "level", "左右")]),
        ("今后三年各级政府拟投入8500亿元，其中中央财政投入3318亿元。", 2009,
         [("各级政府投入", 8500.0, "亿元", "level", ""), ("中央财政投入", 3318.0, "亿元", "level", "")]),
        # the thing reached is named before a clause of manner, and once for a list of values
        ("棉花的亩产量在十二年内，按照不同的情况，分别达到四十斤、六十斤和八十斤。", 1956,
         [("棉花的亩产量", 40.0, "斤", "level", ""), ("棉花的亩产量", 60.0, "斤", "level", ""),
          ("棉花的亩产量", 80.0, "斤", "level", "")]),
        # round 20: the work named with 改造; a lone adverb names nothing; 全年再 looks ahead
        ("今年要推进燃煤电厂脱硫改造1500万千瓦，再完成棚户区住房改造600万套。", 2014,
         [("燃煤电厂脱硫改造", 1500.0, "万千瓦", "build", ""), ("棚户区住房改造", 600.0, "万套", "build", "")]),
        ("要逐年适当增加中央预算内经常性建设投资，今年拟先增加50亿元。", 2004,
         [("中央预算内经常性建设投资", 50.0, "亿元", "increase", "")]),
        ("全年再减少青壮年文盲400万人。", 1997, [("青壮年文盲", 400.0, "万人", "decrease", "")]),
        # 节约 is a word, not 节 + 约 (an approximation)
        ("今年各项开支要节约10%。", 2023, [("各项开支", 10.0, "%", "decrease", "")]),
    ],
)  # fmt: skip
def test_indicator_is_the_thing_measured(sentence, year, expected):
    rows = policytext.extract_targets(sentence, year=year)
    assert [(t.indicator, t.value, t.unit, t.direction, t.qualifier) for t in rows] == expected


def test_a_level_as_a_whole_is_a_noun():
    rows = policytext.extract_targets("到2035年，职业教育整体水平进入世界前列。", year=2022)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("职业教育整体水平", None, 2035)]
    rows = policytext.extract_targets("到2025年，学生体质健康整体提升。", year=2022)  # but 整体提升: how it rises
    assert [t.indicator for t in rows] == ["学生体质健康"]


def test_the_parts_of_a_past_figure_and_a_call_s_make_up_are_no_targets():
    text = ("财政支出中国家机构经费所占的比重，已从1950年的60.8%降低到1954年的30.7%，其中国防费从41.5%降低到21.1%，"
            "行政管理费从19.3%降低到9.6%。")  # fmt: skip
    assert policytext.extract_targets(text, year=1954) == []
    assert policytext.extract_targets("项目下设课题数不超过5个，参加单位总数不超过10家。", year=2019) == []
    assert policytext.extract_targets("我国是一个共有五十多个民族的统一国家。", year=1978) == []
    assert policytext.extract_targets("今年高校毕业生将高达765万人，要落实好就业促进计划。", year=2016) == []


def test_the_years_a_plan_covers_are_no_deadline():
    text = "今年要研究制定国家中长期教育改革和发展规划纲要，对2020年前我国教育改革发展作出全面部署。"
    assert policytext.extract_targets(text, year=2009) == []


def test_a_goal_after_its_means():
    rows = policytext.extract_targets("到2025年，统筹各方资源，建设一批市域产教联合体。", year=2023)
    assert [(t.indicator, t.value, t.year, t.direction) for t in rows] == [("市域产教联合体", None, 2025, "build")]
    # a plan's summary names its goals without setting one
    text = "《纲要》明确了到2027年和2035年的主要目标，部署了9个方面重点任务：塑造立德树人新格局，培养时代新人。"
    assert policytext.extract_targets(text, year=2025) == []


def test_what_a_condition_would_bring_is_no_target():
    text = "如果每件棉纱平均少用两斤棉花，全国每年就可以至少增产两万件棉纱。"
    assert policytext.extract_targets(text, year=1955) == []
    # nor does a definition, whatever numbers it holds
    text = "对于拟支持项目不超过6项的指南任务，是指该研究任务所支持项目数不超过6项；到2025年，建成30个示范项目。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2023)] == [("示范项目", 30.0)]


def test_people_a_goal_helps_and_what_they_are_brought_to():
    assert _rows("到2000年，基本解决5000万人的吃水困难。", year=1996) == [("吃水困难", 5000.0, "万人", "level")]
    # 到本世纪末 looks ahead even in a sentence without other cues
    rows = _rows("在从现在起到本世纪末的五年时间里，逐步解决3000万人的吃水问题。", year=1995)
    assert [r[:2] for r in rows] == [("吃水问题", 3000.0)]
    rows = _rows("今后五年，带动约300万人在县城就近就业。", year=2021)
    assert [r[:2] for r in rows] == [("县城就近就业", 300.0)]
    assert _rows("国家准备重点扶持300个产粮大县。", year=1995)[0][:2] == ("产粮大县", 300.0)


def test_dated_goals_without_a_number():
    rows = policytext.extract_targets("到2030年，农村饮水安全得到更好保障。", year=2025)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("农村饮水安全", None, 2030)]
    rows = policytext.extract_targets("抓紧推进乡村网络建设，三年内实现全市行政村5G网络全覆盖。", year=2024)
    assert [(t.value, t.year) for t in rows] == [(None, 2027)] and "5G网络全覆盖" in rows[0].indicator
    # a period inside a clause, with no goal verb after it, is no deadline
    assert policytext.extract_targets("这些措施既可以使近几年和十年内粮食产量有较大增长。", year=1982) == []


def test_the_end_of_the_century_is_a_deadline_in_old_reports():
    rows = policytext.extract_targets("到本世纪末，实现工农业年总产值翻两番。", year=1982)
    assert [(t.indicator, t.value, t.unit, t.year) for t in rows] == [("工农业年总产值", 4.0, "倍", 2000)]
    rows = policytext.extract_targets("力争到本世纪末，普及九年义务教育。", year=1993)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("九年义务教育", None, 2000)]
    rows = policytext.extract_targets("到本世纪中叶，全面建成社会主义现代化强国。", year=2018)
    assert [(t.indicator, t.year) for t in rows] == [("社会主义现代化强国", 2050)]
    rows = policytext.extract_targets("到下个世纪中叶，基本实现现代化。", year=1987)
    assert [(t.indicator, t.year) for t in rows] == [("现代化", 2050)]
    # a goal named, not dated; a century gone by
    assert policytext.extract_targets("人民对实现本世纪末的宏伟目标更加充满了信心。", year=1985) == []
    assert policytext.extract_targets("上个世纪末，我国人民生活总体上达到小康水平。", year=2005) == []


def test_a_goal_of_the_year_named_before_its_deadline():
    rows = policytext.extract_targets("大部分国债项目要在今年内基本完工。", year=2002)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("大部分国债项目", None, 2002)]
    rows = policytext.extract_targets("在建项目要在今年年底前全部建成。", year=2002)
    assert [(t.indicator, t.year) for t in rows] == [("在建项目", 2002)]


def test_the_year_a_goal_list_names_is_its_year():
    # A provincial report names its own year where the national one says 今年.
    text = "2024年全省经济社会发展的主要预期目标是：地区生产总值增长6%左右；城镇新增就业85万人。"
    for year in (2024, None):
        rows = policytext.extract_targets(text, year=year)
        assert [(t.indicator, t.value, t.year) for t in rows] == [("地区生产总值", 6.0, 2024), ("城镇新增就业", 85.0, 2024)]
    # A year gone by still reports.
    assert policytext.extract_targets("2023年全省地区生产总值增长6.1%。", year=2024) == []


def test_a_task_list_with_no_subject_and_no_tense():
    # A report's task part cut from its headings: amounts after a verb that opens with no subject.
    text = "完善社区养老服务体系，新建30家老年人日间照料中心，新增5000张养老床位。筹集保障性租赁住房8万套(间)。"
    rows = policytext.extract_targets(text, year=2024)
    assert [(t.indicator, t.value) for t in rows] == [
        ("老年人日间照料中心", 30.0), ("养老床位", 5000.0), ("保障性租赁住房", 8.0)
    ]  # fmt: skip
    # A sentence with a subject states what was done; a paragraph that opens by summing up deeds reviews.
    assert policytext.extract_targets("省级财政投入进入新阶段，新开工项目超40个。", year=2024) == []
    review = "加大投入力度，办成了一批惠民实事。城乡居民社会养老保险参保率达到96%。"
    assert policytext.extract_targets(review, year=2024) == []
    assert [t.value for t in policytext.extract_targets("城乡居民社会养老保险参保率达到96%。", year=2024)] == [96.0]
    # 发展到 sets a level to reach.
    rows = policytext.extract_targets("壮大农村集体经济，家庭农场发展到25万家。", year=2024)
    assert [(t.indicator, t.value) for t in rows] == [("家庭农场", 25.0)]


def test_what_provincial_passages_showed():
    # A project's phase is part of its name; a reach in minutes names a kind of area.
    assert policytext.extract_targets("今年要开通运营4号线、9号线二期，启动机场三期扩建工程。", year=2024) == []
    assert [t.value for t in policytext.extract_targets("今年要举办培训班三期。", year=2024)] == [3.0]
    assert policytext.extract_targets("今年要加快建设10分钟社区生活服务圈。", year=2024) == []
    # A list headed 主要指标: is a list of goals, and 全市 is the subject, not part of a name.
    text = "2019年全市就业目标责任制主要指标:全市实现城镇新增就业10.5万人,就业困难人员就业0.4万人。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2019)] == [
        ("城镇新增就业", 10.5), ("就业困难人员就业", 0.4)
    ]  # fmt: skip
    # A list that opens on a bounded goal goes on with 突破, 超过 and 年均增长 (a five-year plan's goals).
    text = "全市生产总值年均增长8%左右,总量突破3000亿元,固定资产投资年均增长12%,森林覆盖率超过45%。"
    assert [t.value for t in policytext.extract_targets(text, year=2017)] == [8.0, 3000.0, 12.0, 45.0]
    # …but not when the bounded value comes after: 超过四十斤 states a fact.
    assert policytext.extract_targets("绝大多数棉田的亩产量都超过四十斤，四十斤以下的主要是新发展的棉田。", year=1960) == []
    # The steps of a schedule count what its last value names.
    text = "2024年底前建设30家左右,2025年底前再建设30家左右,到2026年共建设100家左右的产教融合实训基地。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2024)] == [
        ("产教融合实训基地", 30.0), ("产教融合实训基地", 30.0), ("产教融合实训基地", 100.0)
    ]  # fmt: skip
    # A dash that opens a list item names nothing.
    rows = policytext.extract_targets("——护理型床位占比达到55%以上。", year=2024)
    assert [t.indicator for t in rows] == ["护理型床位占比"]


def test_towns_and_countryside_respectively():
    # 城乡 with two values is the towns' and the countryside's; a value that reads the same as one of
    # theirs (5.5%以上 twice) keeps its own row.
    text = "主要预期目标是:地区生产总值增长5.5%以上;城乡居民人均可支配收入分别增长5.5%左右和5.5%以上。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2023)] == [
        ("地区生产总值", 5.5), ("城镇居民人均可支配收入", 5.5), ("农村居民人均可支配收入", 5.5)
    ]  # fmt: skip
    text = "今后五年，城镇、农村常住居民人均可支配收入分别达到52000元和24000元。"
    assert [t.indicator for t in policytext.extract_targets(text, year=2022)] == [
        "城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"
    ]  # fmt: skip


def test_a_count_after_a_list_with_its_deed_after_it():
    text = "完善高铁网络,加快甲至乙高铁和丙至丁等3条城际铁路建设。"
    assert [(t.value, t.unit) for t in policytext.extract_targets(text, year=2024)] == [(3.0, "条")]
    # a count of tasks stays context
    text = "积极推进感知体系、管理体系等5项任务建设。"
    assert policytext.extract_targets(text, year=2024) == []


def test_a_county_reports_numbered_task_list():
    # A county report's list of practical projects: numbered items, a place before the verb, a list
    # that goes on with no verb of its own, parts of a total, and 为/对 before the people served.
    text = (
        "县政府重点抓好以下民生实事：\n"
        "(8)新建行政村公共厕所100座、旅游厕所6座,农村户用厕所12000座。\n"
        "(10)城区新建便民市场4处。\n"
        "(15)为58户贫困残疾人家庭实施家居无障碍改造工程。\n"
        "改造建设城市地下管网2000公里,其中供水管网600公里、污水管网400公里。\n"
    )
    rows = [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2021)]
    assert rows == [
        ("行政村公共厕所", 100.0), ("旅游厕所", 6.0), ("农村户用厕所", 12000.0), ("便民市场", 4.0),
        ("贫困残疾人家庭", 58.0), ("城市地下管网", 2000.0), ("供水管网", 600.0), ("污水管网", 400.0),
    ]  # fmt: skip


def test_a_list_of_practical_projects_numbered_in_chinese():
    text = (
        "今年市政府要为全市人民着力办好8件实事。\n"
        "一、新建200个农村村级综合服务社、新建改造15个社区综合服务站。\n"
        "二、维修改造城区40条背街小巷。\n"
        "五是实施老旧楼院治理改造及电梯加装工程,完成老旧楼院维修改造30个,电梯加装120部。\n"
        "同时,改造500个弃管小区电力设施,安装城市供水“一户一表”15万户。\n"
    )
    rows = [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2011)]
    assert [v for _, v in rows] == [200.0, 15.0, 40.0, 30.0, 120.0, 500.0, 15.0]  # not the 8 件实事
    assert rows[0][0] == "农村村级综合服务社" and rows[2][0].endswith("背街小巷")


def test_what_the_fourth_and_fifth_batches_of_passages_showed():
    # 及以上 is a bound; a doubling that leads to a level goes with the level.
    rows = policytext.extract_targets("到2030年,经常参加体育锻炼人数比例达到37%及以上和40%及以上。", year=2019)
    assert [(t.indicator, t.value, t.qualifier) for t in rows] == [
        ("经常参加体育锻炼人数比例", 37.0, "以上"), ("经常参加体育锻炼人数比例", 40.0, "以上")
    ]  # fmt: skip
    rows = policytext.extract_targets("到2023年,高新技术企业数量增加一倍,达到2000家。", year=2021)
    assert [(t.value, t.unit) for t in rows] == [(2000.0, "家")]
    # A plan's verb (计划接待) and a list headed 目标任务： set this year's values.
    rows = policytext.extract_targets("2006年我市计划接待国内游客560万人次,同比增长20%。", year=2006)
    assert [(t.value, t.unit) for t in rows] == [(560.0, "万人次")]
    text = "一、全市总体目标任务:2006年合同利用外资15亿美元,外资项目280个。"
    assert [t.value for t in policytext.extract_targets(text, year=2006)] == [15.0, 280.0]
    # A fifth batch: 这一年，我们… and a title 的五年 open reviews; a line's rating and an age band are no values.
    review = "这一年,我们千方百计惠民生。新建普惠性民办幼儿园3所,新建笼式运动场12座。"
    assert policytext.extract_targets(review, year=2025) == []
    assert policytext.extract_targets("赶超发展的五年\n全市城市化率从58.5%提高到61.9%;\n", year=2017) == []
    assert policytext.extract_targets("今年要建成±800千伏特高压直流送出工程。", year=2025) == []
    rows = policytext.extract_targets("今年要帮助16—24周岁青年就业5000人。", year=2024)
    assert [(t.value, t.unit) for t in rows] == [(5000.0, "人")]
    # How a plan is divided is no aim.
    assert policytext.extract_targets("将全年的目标任务分解成40项具体工作任务。", year=2007) == []


def test_what_the_task_lists_of_the_later_batches_showed():
    # A clause of a task list that opens on its value goes on with the list.
    text = "三是新建8座乡镇公共厕所,2座旅游公厕。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2023)] == [
        ("乡镇公共厕所", 8.0), ("旅游公厕", 2.0)
    ]  # fmt: skip
    # 更新 and 新、改、扩建 open tasks too.
    assert [t.value for t in policytext.extract_targets("更新公交车辆120台。", year=2023)] == [120.0]
    assert [t.value for t in policytext.extract_targets("新、改、扩建30所幼儿园。", year=2023)] == [30.0]
    # A deed that opens the clause counts what it works on: named items, 等, and a scope inside the name.
    rows = policytext.extract_targets("改扩建东湖、西山、南岭3座水厂,拆除甲路、乙路等4座旧桥。", year=2023)
    assert [(t.indicator, t.value) for t in rows] == [("水厂", 3.0), ("旧桥", 4.0)]
    rows = policytext.extract_targets("新增面向社会开放的停车场所300处。", year=2023)
    assert [t.value for t in rows] == [300.0] and rows[0].indicator.endswith("停车场所")
    # …but a list counted with no deed before it stays context.
    assert policytext.extract_targets("统筹推进甲、乙、丙三类平台建设。", year=2023) == []
    # A paragraph that reviews last year turns ahead at a heading of the year's goals.
    text = (
        "关于下达2006年工作目标任务的通知:2005年,全市工作取得了显著成绩。"
        "现将有关事项通知如下:一、全市总体目标任务:2006年合同利用外资15亿美元,外资项目280个。"
    )
    assert [t.value for t in policytext.extract_targets(text, year=2006)] == [15.0, 280.0]


def test_what_a_task_list_does_not_aim_at():
    # A threshold that picks a class, a game's size, a project's size and a sum paid per firm.
    text = "推动建设千万元以上重点项目150个,建成3人制篮球场12个。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2024)] == [
        ("重点项目", 150.0), ("3人制篮球场", 12.0)
    ]  # fmt: skip
    assert policytext.extract_targets("加快实施某公司8000吨抛光材料等项目。", year=2024) == []
    assert policytext.extract_targets("对认定的龙头企业给予奖补,每家企业20万元。", year=2024) == []
    # …but a count bounded below is the count of the thing itself.
    rows = policytext.extract_targets("打造8个以上人工智能产业集聚区、2个以上示范区。", year=2020)
    assert [t.value for t in rows] == [8.0, 2.0]
    # A paragraph that opened on a year gone by turns ahead where a sentence opens on this year.
    text = "2023年,该县获评全国生态县。2024年,该县将坚持稳中求进。力争实现地区生产总值增长8%以上,固定资产投资增长10%以上。"
    assert [t.value for t in policytext.extract_targets(text, year=2024)] == [8.0, 10.0]
    # A list's lead names no goal; a designation counts what it designates; a broken line's space is no break.
    assert policytext.extract_targets("到2025年,力争实现以下目标:", year=2022) == []
    assert policytext.extract_targets("将新认定的12家省级龙头企业所在县作为实施区域。", year=2024) == []
    rows = policytext.extract_targets("到2022年,全省数字经济增加值达到4万亿元以 上。", year=2018)
    assert [(t.indicator, t.value, t.qualifier) for t in rows] == [("数字经济增加值", 4.0, "以上")]
    # 超 tells a figure reached, as a review does, even after a verb with no subject.
    assert policytext.extract_targets("开展远程医疗服务超2600万人次。", year=2023) == []
    # 即使…就 is a condition, as 如果…就.
    assert policytext.extract_targets("即使每年增产百分之十，就已经算得是跃进了。", year=1959) == []


def test_a_bulleted_goal_list_under_a_title_of_the_year():
    # News copies print a report's goals as bullets under a title with no punctuation.
    text = "■ 2025年经济社会发展的主要预期目标\n\n●经济增长6%左右\n\n●城镇调查失业率5.5%左右,城镇新增就业70万人以上\n"
    rows = policytext.extract_targets(normalize(text), year=2025)
    assert [(t.indicator, t.value, t.year) for t in rows] == [
        ("经济", 6.0, 2025), ("城镇调查失业率", 5.5, 2025), ("城镇新增就业", 70.0, 2025)
    ]  # fmt: skip
    # The same bullets under a review's title are not dated by it.
    review = "■ 2024年成绩单\n\n●粮食总产达到557亿斤\n"
    assert all(t.year != 2025 for t in policytext.extract_targets(normalize(review), year=2025))


def test_leading_the_country_is_a_dated_goal():
    rows = policytext.extract_targets("到2025年，我省新一代信息技术创新能力全国领先，成为硬核力量。", year=2023)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("新一代信息技术创新能力", None, 2025)]


def test_next_year_end_and_a_period_after_a_comma_are_deadlines():
    rows = policytext.extract_targets("到明年底，基本实现全国乡镇和东中部地区具备条件的建制村道路硬化。", year=2009)
    assert [(t.indicator, t.year) for t in rows] == [("建制村道路硬化", 2010)]
    rows = policytext.extract_targets("要围绕转变政府职能这个中心环节，用三年时间基本完成各级政府机构改革的任务。", year=1993)
    assert [(t.value, t.year) for t in rows] == [(None, 1996)] and "政府机构改革" in rows[0].indicator
    assert policytext.extract_targets("我们明年再讨论。", year=2009) == []


def test_a_period_ahead_then_an_actor_and_its_goal():
    text = "在三年内，所有企业都要建立起在政治上和业务上强有力的、有技术专家参加并能真正发挥作用的领导班子。"
    assert [(t.indicator, t.value, t.year) for t in policytext.extract_targets(text, year=1979)] == [("领导班子", None, 1982)]
    rows = policytext.extract_targets("三年内，各地要建立覆盖城乡的服务体系。", year=2021)
    assert [(t.indicator, t.year) for t in rows] == [("覆盖城乡的服务体系", 2024)]
    assert policytext.extract_targets("近三年内，全省已建成10个基地。", year=2021) == []


def test_qualitative_goal_with_a_deadline():
    rows = policytext.extract_targets("到2035年，建成教育强国。", year=2025)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("教育强国", None, 2035)]
    assert policytext.extract_targets("到2035年，建成教育强国。", year=2025, qualitative=False) == []


def test_review_section_of_a_report_is_past():
    text = (
        "2025年政府工作报告\n一、2024年工作回顾\n城镇新增就业1256万人，增长5%。\n"
        "二、2025年经济社会发展总体要求和政策取向\n一般公共预算支出规模29.7万亿元、比上年增加1.2万亿元。\n"
    )
    rows = policytext.extract_targets(text)
    assert [(t.indicator, t.value, t.year) for t in rows] == [("一般公共预算支出规模", 29.7, 2025)]


def test_old_reports_numbered_in_brackets_have_review_and_plan_parts():
    # the 1958 report's parts are （一）…（三）; the first names a year gone by, the next the report's own
    text = (
        "一九五八年国务院政府工作报告\n（一）一九五七年经济战线上的胜利\n"
        "在工业生产中，重工业各部门的生产，保持了比较高的发展速度，钢产量比上一年增长百分之二十。\n"
        "（二）争取一九五八年国民经济的新跃进\n"
        "在工业生产中，重工业各部门的生产，仍然保持了比较高的发展速度，机器制造工业总产值比上一年增长百分之二十七。\n"
    )
    rows = policytext.extract_targets(text, year=1958)
    assert [(t.indicator, t.value, t.unit, t.year) for t in rows] == [("机器制造工业总产值", 27.0, "%", 1958)]


def test_a_section_on_the_situation_looks_back():
    text = (
        "1987年政府工作报告\n一、当前国内形势和基本任务\n全国社会总产值达到18774亿元，比上年增长9.1%。\n"
        "二、1987年的经济建设\n今年国民生产总值计划增长7.5%。\n"
    )
    rows = policytext.extract_targets(text, year=1987)
    assert [(t.indicator, t.value) for t in rows] == [("国民生产总值", 7.5)]


def test_grant_rules_and_the_parts_of_a_standard_system_are_no_targets():
    for text in (
        "对牵头企业，按照实际总投入的30%提供财政补助（最高200万元）。",
        "按照国拨、省拨经费实际到账额的15%给予补助，单个项目不超过1000万元。",
        "对认定的企业给予奖励，每家企业最高不超过50万元。",
        "将智能网联汽车标准体系划分为三个层级。",
        "第二层级细分形成 14个二级分类;第三层级进一步细化形成 23 个三级分类。",
        "《若干政策》共七部分14条，主要包括激发多元主体创新活力等。",
    ):
        assert policytext.extract_targets(text, year=2020) == [], text
    # a stage of a plan opened by an adverb: the adverb is no indicator
    rows = policytext.extract_targets("第一阶段到2025年，系统形成能够支撑自动驾驶通用功能的智能网联汽车标准体系。", year=2023)
    assert [(t.indicator, t.year) for t in rows] == [("智能网联汽车标准体系", 2025)]


def test_targets_of_a_document_cite_clause_and_page():
    doc = policytext.read(SAMPLE / "sources" / "national" / "moe_2023_city-consortium-notice.txt")
    policytext.parse(doc)
    rows = policytext.extract_targets(doc)
    by_indicator = {t.indicator: t for t in rows}
    t = by_indicator["市域产教联合体"]
    assert (t.value, t.unit, t.year, t.qualifier) == (150.0, "个", 2025, "左右")
    assert t.doc == doc.id and t.clause and t.page == 1
    assert t.raw in doc.text[t.start : t.end]
    labels = {c.id: c.label for c in doc.clauses}
    assert labels[t.clause] in ("（三）", "一、")


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # a list item named before its colon; the start value and the change are not targets
        ("钢：从一百三十五万吨增加到四百十二万吨，增长二点一倍。", 1955, [("钢", 412.0, "万吨")]),
        # a share whose verb (将只占, 也安排为) is no part of the name; a topic named in the clause before
        ("在一九五七年，没有转为公私合营的资本主义工业在工业总产值中的比重，将只占百分之二十九左右。", 1955,
         [("没有转为公私合营的资本主义工业在工业总产值中的比重", 29.0, "%")]),
        ("明年工业总产值安排为比今年增长4%左右，国民收入也安排为比今年增长4%左右。", 1981,
         [("工业总产值", 4.0, "%"), ("国民收入", 4.0, "%")]),
        ("如发电设备，一九五八年我国只生产八十万千瓦，今年将生产二百八十万千瓦。", 1959, [("发电设备", 280.0, "万千瓦")]),
        ("例如发电设备，去年只生产八十万千瓦，今年计划生产二百八十万千瓦。", 1959, [("发电设备", 280.0, "万千瓦")]),
        # a quantity per head: the thing after the number is measured, per head
        ("今年还应当进一步为争取每人平均至少一千五百斤粮食而奋斗。", 1960, [("人均粮食", 1500.0, "斤")]),
        # a figure stated as small is history, even inside a plan part
        ("在一九四九年，全国钢产量只有十五万八千多吨。", 1955, []),
        ("直到抗日战争爆发以前，全国除东北外每年只生产钢四万吨左右。", 1955, []),
        # the year so far against the same period is reported
        ("今年第一季度，工业生产比去年同期增长12%。", 1984, []),
        # 已…的 right before the number is the predicate: reported
        ("参加合作社的农户已经占总农户的90%以上。", 1956, []),
        # a clause that names nothing (今后…使它) passes the indicator back
        ("今年人口增长率要降到千分之十左右，今后要继续努力使它逐年下降，一九八五年要降到千分之五左右。", 1979,
         [("人口增长率", 10.0, "‰"), ("人口增长率", 5.0, "‰")]),
        # the gap against a plan figure is no target
        ("粮食产量将要达到3，989亿斤，比五年计划原定1957年3，856亿斤的水平超过133亿斤。", 1956, [("粮食产量", 3989.0, "亿斤")]),
        # “十二五”期末 is the end of the plan: a deadline
        ("力争到“十二五”期末，实现试点社区综合服务设施全覆盖。", 2011, [("试点社区综合服务设施全覆盖", None, "")]),
        # a period ahead opens a goal without a number: due at the end of the longer span
        ("通过3~5年时间，城市道路绿色建养与智能运维技术研究取得显著进展。", 2023, [("城市道路绿色建养与智能运维技术研究", None, "")]),
        # this year's end, committed to with 力争
        ("力争年底前建成省级平台和智能粮库项目。", 2018, [("省级平台和智能粮库项目", None, "")]),
        # quotas of an application are no targets, in the clause after 推荐 too
        ("各地推荐典型案例不超过25个，计划单列市不超过10个。", 2022, []),
        # the target restated as the means to something else
        ("7%左右的速度可以实现比较充分的就业。", 2015, []),
        # a population the country has, and a figure of speech
        ("我国有13亿人口、9亿劳动力资源，千千万万个市场细胞活跃起来。", 2015, []),
        # but people a goal reaches are counted
        ("今年县级公立医院综合改革试点扩大到1000个县，覆盖农村5亿人口。", 2014,
         [("县级公立医院综合改革试点", 1000.0, "个"), ("农村", 500000000.0, "")]),
        # a schedule: a goal for each year, the document's own year included
        ("2020年，制定《实验室建设标准》；2021年，启动超算中心扩容；2022年，建成教育硬件支撑体系。", 2020,
         [("实验室建设标准", None, ""), ("超算中心扩容", None, ""), ("教育硬件支撑体系", None, "")]),
        # a bound said again in brackets, and a quota of each project, are no targets
        ("今年贷款额不低于50万元(含50万元)。", 2022, [("贷款额", 50.0, "万元")]),
        ("每个原创项目的合作研究单位数合计不超过2个。", 2022, []),
        # the means of a goal (以…为抓手) is no target; a patent count of a project is, after 申请/获得
        ("以8个国家算力枢纽、10个国家数据中心集群为抓手，立体化实施“东数西算”工程。", 2023, []),
        ("到2020年，以100个示范企业为引领，培育500家智能制造企业。", 2018, [("智能制造企业", 500.0, "家")]),
        ("申请/获得发明专利不少于15 项。", 2019, [("申请/获得发明专利", 15.0, "项")]),
        # an example and someone else's forecast are no targets
        ("今年要注意显示效果，例如将其透明度设为90%。", 2023, []),
        ("据中国信息通信研究院预计，到2020年，全球智能硬件出货量将达到64亿部以上。", 2017, []),
        # 继续 is noise before a clause, not inside 继续教育
        ("到2025年，继续教育参与率达到50%。", 2021, [("继续教育参与率", 50.0, "%")]),
        # works a plan builds, counted after 有 in an old report (but not 有两个问题)
        ("（一）一九五七年的胜利\n（二）一九五八年各部门计划的安排\n建筑材料工业部共有三十三个建设项目，地方有十一个建设项目。", 1958,
         [("建设项目", 33.0, "个"), ("建设项目", 11.0, "个")]),
        ("（一）一九五七年的胜利\n（二）一九五八年各部门计划的安排\n这里有两个问题需要说明。", 1958, []),
        # the change against last year that follows a planned level restates it
        ("一九五八年发电量拟定为二百二十四亿五千万度，将比一九五七年增长百分之十八。", 1958, [("发电量", 224.5, "亿度")]),
        # a share is measured on what it is used for
        ("今年居民医保人均财政补助标准增加30元，一半用于大病保险。", 2019,
         [("居民医保人均财政补助标准", 30.0, "元"), ("大病保险", 50.0, "%")]),
        # a cause, a saving that follows a planned change, the change said again: no targets
        ("由于全国五亿多农民增产积极性空前高涨，这些指标是能够达到的。", 1958, []),
        ("明年轻工业产值的比重由今年预计的44%提高到45%，即提高1%，可以少用标准煤600万吨。", 1980,
         [("轻工业产值的比重", 45.0, "%")]),
        # what the country has, and the size of a graduating cohort, are no goals
        ("我国有2.9亿在校学生，要坚持把教育办好。", 2022, []),
        ("今年高校毕业生820多万人，要促进多渠道就业。", 2018, []),
        ("今年城镇新增就业1100万人以上。", 2018, [("城镇新增就业", 1100.0, "万人")]),
        ("全国近3亿人领取养老金，必须确保按时足额发放。", 2020, []),
        # 是 after a measured noun states its level; a subsidy raised is a target, not an award
        ("一九五八年的开垦荒地投资是二亿三千五百万元。", 1958, [("开垦荒地投资", 2.35, "亿元")]),
        ("今年财政补助由每人每年380元提高到420元。", 2016, [("财政补助", 420.0, "元")]),
        # the thing raised, or counted, is named in the clause before
        ("今明两年继续提高企业退休人员基本养老金，人均每年增长10%左右。", 2009, [("企业退休人员基本养老金", 10.0, "%")]),
        ("国家已经组织了57户企业集团试点，今年要扩大到120户。", 1997, [("企业集团试点", 120.0, "户")]),
        # 依申请 names services, it is no application quota; records kept and what may be done are norms
        ("年底前，省级依申请政务服务事项网上可办率不低于90%。", 2019, [("省级依申请政务服务事项网上可办率", 90.0, "%")]),
        ("收费企业应对计费原始数据至少保存5个月。", 2016, []),
        ("创收净收入可按照不低于50%的比例用于奖励性绩效工资分配。", 2021, []),
        ("中央提出今年经济增长预期目标为7%左右。", 2004, [("经济增长", 7.0, "%")]),
        # what 把 holds is measured; 继续 and 落实好 are no part of a name; 56个民族 is a set phrase
        ("今年国务院及其部门要带头大幅精简会议、坚决把文件压减三分之一以上。", 2019, [("文件", 33.3333, "%")]),
        ("今年国家财政性教育经费占国内生产总值比例继续保持在4%以上。", 2019,
         [("国家财政性教育经费占国内生产总值比例", 4.0, "%")]),
        ("今年要落实好小规模纳税人增值税起征点从月销售额3万元提高到10万元。", 2019, [("小规模纳税人增值税起征点", 10.0, "万元")]),
        ("同心协力建设56个民族共同团结奋斗的美好家园。", 2019, []),
        # a table row is no sentence; 目标 after a count; a grant's cap; the plan as it stood; a change named by its verb
        ("1-2.5MHz -10dBm 1MHz 有效值检波", 2018, []),
        ("到2025年，确保实现全省入库企业3万家目标。", 2021, [("入库企业", 3.0, "万家")]),
        ("其中市级补助资金每年不超过1000万元。", 2023, []),
        ("原定今年增加灌溉面积九千二百多万亩，但是已经完成一亿一千七百多万亩。", 1958, []),
        ("一九八二年预计达到三亿三千五百多万吨，比去年增产一千多万吨。", 1982, []),
        # 减 before the share is no part of the name
        ("今年人员编制原则上减一半。", 1999, [("人员编制", 50.0, "%")]),
        # achievements called 可喜 look back; 百度 is a company; the measure of a subsidy rule is no target
        ("科技创新平台建设取得可喜成绩，企业国家重点实验室和国家工程技术研究中心分别达到17家和36家。", 2016, []),
        ("支持华为“三个创新中心”、百度“一基地两平台三中心”等平台建设。", 2021, []),
        ("经考核通过的，按照每个正式员工不超过10平方米的标准，给予房租补贴。", 2023, []),
        # a sum a plan puts somewhere counts, though 将 usually opens context
        ("今年将2.8万亿元中央财政资金纳入直达机制。", 2021, [("中央财政资金纳入直达机制", 2.8, "万亿元")]),
        # the same period of last year, and 目前, report; what a measure can bring about; a call's quota; 在线
        ("今年上半年产值比去年同期增长14.1%。", 1980, []),
        ("目前，全市22个业务领域413个高频事项实现“智能办”。", 2021, []),
        ("取消农业特产税，每年可使农民减轻负担48亿元。", 2004, []),
        ("资助期限一般为1-3年，资助项目数不超过10项。", 2020, []),
        ("今年组建200个在线教育扶智团队。", 2021, [("在线教育扶智团队", 200.0, "个")]),
        # the people of a country, and what follows from a measure, are no targets
        ("我国十亿人民将坚决站在维护世界和平的一边。", 1984, []),
        ("今年要免除学杂费，这将使农村1.5 亿中小学生的家庭普遍减轻经济负担。", 2007, []),
        ("今年县级公立医院综合改革试点覆盖农村5亿人口。", 2014, [("农村", 500000000.0, "")]),
        # done already, a policy named by its number, figures restated under an assumption
        ("今年已过去近5个月，下一阶段要毫不放松常态化疫情防控。", 2020, []),
        ("降低工商业电价5%政策延长到今年年底。", 2020, []),
        ("如果扣除国外借款，则本年收入实际增长15.83%，本年支出实际增长22.77%。", 1956, []),
        # 发展到 reaches a level, as 增加到 does; 今明两年 opens a clause
        ("中国科学院的科学研究机构将由44个发展到60个。", 1956, [("中国科学院的科学研究机构", 60.0, "个")]),
        ("今明两年职业技能培训3500万人次以上。", 2020, [("职业技能培训", 3500.0, "万人次")]),
    ],
)  # fmt: skip
def test_old_report_list_items_history_and_gaps(text, year, expected):
    rows = policytext.extract_targets(text, year=year)
    assert [(t.indicator, t.value, t.unit) for t in rows] == expected


def test_traditional_characters_are_read_and_cited_as_written():
    text = "一九五四年預計産量：電力一百零八億度，等於一九四九年的二點五倍；原煤八千一百九十九萬噸，等於一九四九年的二點六倍。"
    rows = policytext.extract_targets(text, year=1954)
    # the levels, not the multiples that restate them; indicator and value as the document writes them
    assert [(t.indicator, t.value, t.unit, t.raw) for t in rows] == [
        ("電力", 108.0, "亿度", "一百零八億度"),
        ("原煤", 8199.0, "万吨", "八千一百九十九萬噸"),
    ]
    assert all(text[t.start : t.end] == text for t in rows)
    # a level written as a multiple of an earlier year's is a target
    rows = policytext.extract_targets("一九五四年預計現代工業的總産值將等於一九四九年的四點二倍。", year=1954)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [("現代工業的總産值", 4.2, "倍")]


def test_simplified_copy_keeps_offsets():
    from policytext._hanzi import as_written, simplified

    text = "電力一百零八億度\n鋼二百十七萬噸"
    copy = simplified(text)
    assert copy == "电力一百零八亿度\n钢二百十七万吨" and len(copy) == len(text)
    assert simplified("国内生产总值增长5%左右") == "国内生产总值增长5%左右"
    assert as_written("钢二百十七万吨", copy, text) == "鋼二百十七萬噸"


def test_custom_lexicon_and_bad_lexicon(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("future: 12\n", encoding="utf-8")
    with pytest.raises(policytext.ConfigError, match="must be a list"):
        policytext.TargetLexicon.load(bad)
    good = tmp_path / "lex.yaml"
    import yaml

    data = yaml.safe_load(_shipped().read_text(encoding="utf-8"))
    data["past_strong"] = data["past_strong"] + ["据统计"]
    good.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text = "据统计，城镇新增就业1200万人以上。"
    assert [t.value for t in policytext.extract_targets(text)] == [1200.0]
    assert policytext.extract_targets(text, lexicon=good) == []


def _shipped() -> Path:
    from policytext._resources import model_path

    return model_path("targets/lexicon.yaml")


# --------------------------------------------------------------------------- evaluation on real text

_PUNCT = re.compile(r"[\s“”\"'‘’《》「」（）()、，,]")


def _norm(s: str) -> str:
    return _PUNCT.sub("", s)


def _parse_gold(cell: str) -> list[tuple[list[str], float | None, str]]:
    out = []
    for item in filter(None, (x.strip() for x in cell.split(" ; "))):
        ind, _, val = item.rpartition("=")
        if val == "None":
            out.append((ind.split("|"), None, ""))
        else:
            v, _, u = val.partition(" ")
            out.append((ind.split("|"), float(v), u))
    return out


def indicator_matches(gold: list[str], predicted: str) -> bool:
    """Lenient indicator match: a gold alternative contained in ours, or ours (2+ chars) in it."""
    p = _norm(predicted)
    return any((g := _norm(x)) and (g in p or (len(p) >= 2 and p in g)) for x in gold)


def value_matches(gv, gu, pv, pu) -> bool:
    if gv is None or pv is None:
        return gv is None and pv is None
    a, _ = to_base(gv, gu)
    b, _ = to_base(pv, pu)
    return abs(a - b) <= 1e-3 * max(1.0, abs(a))


def evaluate_targets(corpora: Path, split: str | None = None, *, gold_file: Path = GOLD) -> dict[str, float]:
    """Row-level P/R/F1 of extract_targets against a labelled file (default tests/data/targets/gold.tsv)."""
    lines = gold_file.read_text(encoding="utf-8").splitlines()[1:]
    rows = [line.split("\t") for line in lines]
    by_doc: dict[tuple[str, int], list[list[str]]] = {}
    for r in rows:
        if split is None or r[1] == split:
            by_doc.setdefault((r[2], int(r[3])), []).append(r)
    tp = fp = fn = 0
    closeness: list[float] = []  # per true row: character F1 of our indicator with the nearest gold wording
    for (src, year), items in by_doc.items():
        text = source_text(corpora, src)
        doc = policytext.Document(id=hashlib.sha1(src.encode()).hexdigest()[:16], source=src, format="txt",
                                  text=text, metadata={"year": year})  # fmt: skip
        predicted = policytext.extract_targets(doc)
        for r in items:
            i = text.find(r[4])
            assert i >= 0, f"{r[0]}: sentence not found in {src}"
            j = i + len(r[4])
            mine = [p for p in predicted if p.start < j and p.end > i]
            gold = _parse_gold(r[5])
            used: set[int] = set()
            for p in mine:
                hit = next((k for k, (gi, gv, gu) in enumerate(gold) if k not in used
                            and value_matches(gv, gu, p.value, p.unit) and indicator_matches(gi, p.indicator)), None)  # fmt: skip
                if hit is None:
                    fp += 1
                else:
                    used.add(hit)
                    tp += 1
                    closeness.append(max(_char_f1(_norm(g), _norm(p.indicator)) for g in gold[hit][0]))
            fn += len(gold) - len(used)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    # The same rows scored with a stricter indicator: at least half its characters shared with a gold wording.
    strict = sum(c >= 0.5 for c in closeness)
    strict_f1 = 2 * strict / (2 * strict + (tp - strict) * 2 + fp + fn) if tp + fp + fn else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": precision, "recall": recall, "f1": f1,
            "indicator_exact": sum(c == 1.0 for c in closeness) / len(closeness) if closeness else 0.0,
            "strict_f1": strict_f1}  # fmt: skip


def _char_f1(a: str, b: str) -> float:
    shared = sum((Counter(a) & Counter(b)).values())
    return 2 * shared / (len(a) + len(b)) if shared else 0.0


@pytest.mark.parametrize(
    ("gold_file", "min_rows", "share"),
    [(GOLD, 200, (0.2, 0.6)), (GOLD_FRESH, 200, (0.2, 0.6)), (GOLD_ROUND[3], 200, (0.2, 0.6)), (GOLD_ROUND[4], 200, (0.2, 0.6)),
     (GOLD_ROUND[5], 200, (0.2, 0.6)), (GOLD_ROUND[6], 200, (0.2, 0.6)), (GOLD_ROUND[7], 200, (0.2, 0.6)),
     (GOLD_ROUND[8], 150, (0.2, 0.6)),
     (GOLD_ROUND[9], 150, (0.0, 0.1)),  # norms, conditions and procedures: a set of hard negatives
     (GOLD_ROUND[10], 200, (0.05, 0.3)),
     (GOLD_ROUND[11], 200, (0.2, 0.6)),
     (GOLD_ROUND[12], 200, (0.2, 0.6)),
     (GOLD_ROUND[13], 200, (0.02, 0.15)),  # drawn as it comes: 3 sentences of every report, mostly no target
     (GOLD_ROUND[14], 200, (0.05, 0.2)),  # drawn as it comes: a sentence of every directive, 2 of every report
     (GOLD_ROUND[15], 200, (0.04, 0.2)),  # the same draw with other seeds
     (GOLD_ROUND[16], 150, (0.04, 0.2)),  # and again: fewer unlabelled sentences are left
     (GOLD_ROUND[17], 200, (0.04, 0.2)),  # and again, 3 sentences of every report
     (GOLD_ROUND[18], 200, (0.04, 0.2)),
     (GOLD_ROUND[19], 200, (0.04, 0.2)),
     (GOLD_ROUND[20], 200, (0.04, 0.2)),
     (GOLD_ROUND[21], 200, (0.04, 0.2)),
     (GOLD_ROUND[22], 150, (0.2, 0.6)),  # sentences that look like goals
     (GOLD_ROUND[23], 120, (0.2, 0.6)),  # and again, other seeds
     (GOLD_ROUND[24], 90, (0.2, 0.6)),  # and again
     (GOLD_ROUND[25], 60, (0.2, 0.6)),  # and again
     (GOLD_ROUND[26], 40, (0.2, 0.6)),  # and again: the goal-like sentences are nearly used up
     (GOLD_ROUND[27], 200, (0.04, 0.2)),  # as they come again, after the goal-like rounds
     (GOLD_ROUND[28], 200, (0.04, 0.2)),  # and again, 4 sentences of every report
     (GOLD_ROUND[29], 200, (0.03, 0.2)),  # and again: 11 of 226 sentences set a target
     (GOLD_ROUND[30], 200, (0.03, 0.2)),  # and again: 15 of 212
     (GOLD_ROUND[31], 190, (0.03, 0.2)),  # and again: 8 of 195
     (GOLD_ROUND[32], 170, (0.03, 0.2)),  # and again: 15 of 175
     (GOLD_ROUND[33], 140, (0.03, 0.2)),  # and again: 8 of 148
     (GOLD_ROUND[34], 125, (0.03, 0.2)),  # and again: 8 of 130
     (GOLD_ROUND[35], 125, (0.03, 0.2)),  # and again: 12 of 132
     (GOLD_ROUND[36], 110, (0.02, 0.2)),  # and again: 4 of 116
     (GOLD_ROUND[37], 95, (0.03, 0.2)),  # and again: 11 of 98
     (GOLD_ROUND[38], 90, (0.03, 0.2)),  # and again: 9 of 97
     (GOLD_ROUND[39], 90, (0.03, 0.2)),  # and again: 9 of 93
     (GOLD_ROUND[40], 80, (0.03, 0.2)),  # and again: 7 of 86
     (GOLD_ROUND[41], 75, (0.03, 0.2)),  # and again: 6 of 79
     (GOLD_ROUND[42], 75, (0.01, 0.2)),  # and again: 3 of 78
     (GOLD_ROUND[43], 70, (0.03, 0.2)),  # and again: 7 of 73
     (GOLD_ROUND[44], 60, (0.03, 0.2)),  # and again: 6 of 64
     (GOLD_ROUND[45], 55, (0.03, 0.2)),  # and again: 9 of 59
     (GOLD_ROUND[46], 60, (0.03, 0.25)),  # and again: 11 of 66
     (GOLD_ROUND[47], 60, (0.03, 0.2)),  # and again: 8 of 66
     (GOLD_ROUND[48], 170, (0.02, 0.1)),  # directives only, 12 sentences of each row that has any left: 7 of 178
     (GOLD_ROUND[49], 70, (0.05, 0.3)),  # the reports before 1990 only, 12 of each: 12 of 72
     (GOLD_ROUND[50], 130, (0.01, 0.1)),  # directives only again: 5 of 140
     (GOLD_ROUND[51], 100, (0.03, 0.15)),  # and again: 8 of 110
     (GOLD_ROUND[52], 40, (0.05, 0.3))],  # the reports before 1990 again: 6 of 41
)  # fmt: skip
def test_gold_file_is_well_formed(gold_file, min_rows, share):
    lines = gold_file.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "split", "source", "year", "sentence", "targets"]
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) >= min_rows and all(len(r) == 6 for r in rows)
    assert len({r[0] for r in rows}) == len(rows)
    positives = [r for r in rows if r[5]]
    assert share[0] < len(positives) / len(rows) < share[1]  # hard negatives (past achievements) make up the rest
    for r in positives:
        assert _parse_gold(r[5]), r[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("gold_file", "split", "least"),
    [
        (GOLD, "dev", 0.85), (GOLD, "test", 0.85), (GOLD, "test2", 0.85), (GOLD, "test3", 0.85), (GOLD, None, 0.85),
        (GOLD_FRESH, "fresh_dev", 0.85),
        # held out: plans, research guides and regulations of kinds the rules had not seen (README)
        (GOLD_FRESH, "fresh_test", 0.6),
        # round 3: old reports (Chinese numerals, five-year plans), recent plan sections, plans (README)
        (GOLD_ROUND[3], "round3_a", 0.85), (GOLD_ROUND[3], "round3_b", 0.85), (GOLD_ROUND[3], "round3_c", 0.85),
        # round 4: plan parts of reports from 1957, 1980, 1988, 1994, 2011, 2016; laws and local regulations.
        # round4_b was held out (0.864 before and after the fixes made on round4_a); then fitted (README)
        (GOLD_ROUND[4], "round4_a", 0.95), (GOLD_ROUND[4], "round4_b", 0.97),
        # round 5: reports of 1955/56, 1979, 1983-85 and central smart-tech plans. round5_b was held out
        # (0.563 first run, 0.567 after the fixes made on round5_a); then fitted (README)
        (GOLD_ROUND[5], "round5_a", 0.93), (GOLD_ROUND[5], "round5_b", 0.82),
        # round 6, held out: first run 0.743 (recent reports 0.917, the 1954 report in traditional characters 0);
        # then the kinds of error it showed were fixed (README)
        (GOLD_ROUND[6], "round6", 0.8),
        # round 7, held out: first run 0.762 (recent reports 0.941, directives 0.567, 1959 0.525); then fixed (README)
        (GOLD_ROUND[7], "round7", 0.82),
        # round 8, held out: directives only; first run 0.711 (central 0.875, Shandong 0.608); then fixed (README)
        (GOLD_ROUND[8], "round8", 0.82),
        # round 10, held out: old reports 1958-1975 and directives; first run 0.467 (old reports 0.400,
        # central 0.706, 3 false rows in 52 Shandong sentences); then fixed (README)
        (GOLD_ROUND[10], "round10", 0.65),
        # round 11, held out: plan parts of old and recent reports, directives' sentences without numbers;
        # first run 0.720 (old reports 0.639, recent 0.866, no false row in the directives); then fixed (README)
        (GOLD_ROUND[11], "round11", 0.8),
        # round 12, held out: reports 1954-2021 and local regulations; first run 0.804 (old 0.800, recent 0.812,
        # no false row in 54 directive sentences); then fixed (README)
        (GOLD_ROUND[12], "round12", 0.82),
        # round 13, held out and drawn as it comes (3 sentences of every report; 18 target rows in 209 sentences):
        # first run 0.600 with 3 false rows; then fixed (README)
        (GOLD_ROUND[13], "round13", 0.75),
        # round 14, held out and drawn as it comes (a sentence of every usable directive, 2 of every report):
        # first run 0.838 (central directives 0.846, Shandong 0.889); then fixed (README)
        (GOLD_ROUND[14], "round14", 0.85),
        # round 15, the same draw with other seeds: first run 0.806 (8 false rows in 207 sentences); then fixed
        (GOLD_ROUND[15], "round15", 0.85),
        # round 16, the same draw again: first run 0.700 (22 rows; rounds 14-16 together 0.795); then fixed
        (GOLD_ROUND[16], "round16", 0.75),
        # round 17, the same draw again: first run 0.812 (rounds 14-17 together 0.800); then fixed
        (GOLD_ROUND[17], "round17", 0.85),
        # round 18, the same draw again: first run 0.741 (rounds 14-18 together 0.789); then fixed
        (GOLD_ROUND[18], "round18", 0.8),
        (GOLD_ROUND[19], "round19", 0.85),  # first run 0.800 held out
        (GOLD_ROUND[20], "round20", 0.85),  # first run 0.667 held out (24 target rows)
        (GOLD_ROUND[21], "round21", 0.82),  # first run 0.610 held out (29 target rows)
        (GOLD_ROUND[22], "round22", 0.9),  # sentences that look like goals: first run 0.844 held out (68 rows)
        (GOLD_ROUND[23], "round23", 0.9),  # and again: first run 0.860 held out (49 rows)
        (GOLD_ROUND[24], "round24", 0.9),  # and again: first run 0.800 held out (37 rows)
        (GOLD_ROUND[25], "round25", 0.9),  # and again: first run 0.897 held out (42 rows)
        (GOLD_ROUND[26], "round26", 0.9),  # and again: first run 0.868 held out (27 rows)
        (GOLD_ROUND[27], "round27", 0.9),  # as it comes again: first run 0.800 held out (17 rows in 204 sentences)
        (GOLD_ROUND[28], "round28", 0.9),  # and again: first run 0.596 held out (25 rows in 246 sentences, 15 false)
        (GOLD_ROUND[29], "round29", 0.9),  # and again: first run 0.788 held out (20 rows in 226 sentences, none false)
        (GOLD_ROUND[30], "round30", 0.9),  # and again: first run 0.857 held out (20 rows in 212 sentences)
        (GOLD_ROUND[31], "round31", 0.9),  # and again: first run 0.864 held out (22 rows in 195 sentences)
        (GOLD_ROUND[32], "round32", 0.8),  # and again: first run 0.731 held out (27 rows in 175 sentences)
        (GOLD_ROUND[33], "round33", 0.85),  # and again: first run 0.444 held out (13 rows, 15 false in 148 sentences)
        (GOLD_ROUND[34], "round34", 0.85),  # and again: first run 0.850 held out (21 rows in 130 sentences)
        (GOLD_ROUND[35], "round35", 0.8),  # and again: first run 0.462 held out (23 rows, 17 false in 132 sentences)
        (GOLD_ROUND[36], "round36", 0.9),  # and again: first run 0.692 held out (12 rows in 116 sentences)
        (GOLD_ROUND[37], "round37", 0.85),  # and again: first run 0.640 held out (22 rows, 12 false in 98 sentences)
        (GOLD_ROUND[38], "round38", 0.85),  # and again: first run 0.583 held out (12 rows in 97 sentences)
        (GOLD_ROUND[39], "round39", 0.85),  # and again: first run 0.848 held out (18 rows in 93 sentences)
        (GOLD_ROUND[40], "round40", 0.9),  # and again: first run 0.903 held out (30 rows in 86 sentences)
        (GOLD_ROUND[41], "round41", 0.7),  # and again: first run 0.769 held out (7 rows in 79 sentences)
        (GOLD_ROUND[42], "round42", 0.3),  # and again: first run 0.400 held out (3 rows in 78 sentences)
        (GOLD_ROUND[43], "round43", 0.85),  # and again: first run 0.769 held out (14 rows in 73 sentences)
        (GOLD_ROUND[44], "round44", 0.85),  # and again: first run 0.800 held out (17 rows in 64 sentences)
        (GOLD_ROUND[45], "round45", 0.55),  # and again: first run 0.526 held out (11 rows in 59 sentences)
        (GOLD_ROUND[46], "round46", 0.85),  # and again: first run 0.850 held out (21 rows in 66 sentences)
        (GOLD_ROUND[47], "round47", 0.85),  # and again: first run 0.826 held out (21 rows in 66 sentences)
        (GOLD_ROUND[48], "round48", 0.95),  # directives only: first run 0.861 held out (41 rows in 178 sentences)
        (GOLD_ROUND[49], "round49", 0.9),  # old reports only: first run 0.750 held out (28 rows in 72 sentences)
        (GOLD_ROUND[50], "round50", 0.9),  # directives only again: first run 0.810 held out (23 rows in 140 sentences)
        (GOLD_ROUND[51], "round51", 0.95),  # and again: first run 0.938 held out (43 rows in 110 sentences)
        (GOLD_ROUND[52], "round52", 0.6),  # old reports again: first run 0.562 held out (15 rows in 41 sentences)
    ],
)  # fmt: skip
def test_target_extraction_f1_on_labelled_real_sentences(gold_file, split, least):
    corpora = shared_path("corpora")
    scores = evaluate_targets(corpora, split, gold_file=gold_file)
    print(gold_file.name, split or "all", {k: round(v, 3) if isinstance(v, float) else v for k, v in scores.items()})
    assert scores["f1"] >= least


@pytest.mark.slow
def test_few_false_targets_in_norms_conditions_and_procedures():
    # round 9: 181 sentences of Guangzhou regulations and central calls, guides and standards, 7 with targets;
    # first run 6 false rows (none in the regulations), 3 after its fixes (README), 1 since round 15's
    scores = evaluate_targets(shared_path("corpora"), "round9", gold_file=GOLD_ROUND[9])
    print("round9", scores)
    assert scores["fp"] <= 3


def _first_reading() -> dict[str, list[str]]:
    rows = {}
    for n in [*range(14, 22), *range(27, 53)]:
        for line in GOLD_ROUND[n].read_text(encoding="utf-8").splitlines()[1:]:
            cells = line.split("\t")
            rows[cells[0]] = cells
    return rows


def test_the_second_reading_reads_the_same_sentences():
    first = _first_reading()
    lines = SECOND_READING.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["id", "split", "source", "year", "sentence", "targets"]
    rows = [line.split("\t") for line in lines[1:]]
    assert Counter(r[1] for r in rows) == {k: drawn for k, (_, drawn) in SECOND_READING_STRATA.items()}
    for r in rows:
        assert r[2:5] == first[r[0]][2:5], r[0]
        assert not r[5] or _parse_gold(r[5]), r[0]
    # stratum B holds only sentences where the first reading found nothing
    assert not any(first[r[0]][5] for r in rows if r[1] == "reader2_B")


def _reading_agreement(reference: str, candidate: str) -> tuple[int, int, int]:
    """(tp, fp, fn) of one reading's cell against another's: values equal, some pair of wordings matching."""
    ref, cand = _parse_gold(reference), _parse_gold(candidate)
    used: set[int] = set()
    for names, value, unit in cand:
        hit = next((k for k, (gold_names, gv, gu) in enumerate(ref) if k not in used and value_matches(gv, gu, value, unit)
                    and any(indicator_matches(gold_names, name) for name in names)), None)  # fmt: skip
        if hit is not None:
            used.add(hit)
    return len(used), len(cand) - len(used), len(ref) - len(used)


def _weighted_f1(counts: dict[str, tuple[float, float, float]]) -> tuple[float, float, float]:
    tp = fp = fn = 0.0
    for split, (a, b, c) in counts.items():
        size, drawn = SECOND_READING_STRATA[split]
        tp, fp, fn = tp + a * size / drawn, fp + b * size / drawn, fn + c * size / drawn
    p, r = tp / max(tp + fp, 1e-9), tp / max(tp + fn, 1e-9)
    return p, r, 2 * p * r / max(p + r, 1e-9)


@pytest.mark.slow
def test_targets_against_a_second_reading():
    # Against independent readers who saw only the written conventions, weighted back to the 4,903 sentences of
    # the rounds drawn as the text comes. Held out: extractor 0.759; after the changes the reading led to, 0.782
    # (P 0.860, R 0.717); the two readings agree at 0.851 (the second against the first); README "A second reading".
    corpora = shared_path("corpora")
    ours = {}
    for split in SECOND_READING_STRATA:
        scores = evaluate_targets(corpora, split, gold_file=SECOND_READING)
        ours[split] = (scores["tp"], scores["fp"], scores["fn"])
    first = _first_reading()
    readers: dict[str, list[int]] = {split: [0, 0, 0] for split in SECOND_READING_STRATA}
    for line in SECOND_READING.read_text(encoding="utf-8").splitlines()[1:]:
        cells = line.split("\t")
        for k, n in enumerate(_reading_agreement(first[cells[0]][5], cells[5])):
            readers[cells[1]][k] += n
    ours_p, ours_r, ours_f = _weighted_f1(ours)
    readers_p, readers_r, readers_f = _weighted_f1(readers)  # type: ignore[arg-type]
    print(f"extractor against the second reading: P {ours_p:.3f} R {ours_r:.3f} F1 {ours_f:.3f}")
    print(f"second reading against the first: P {readers_p:.3f} R {readers_r:.3f} F1 {readers_f:.3f}")
    assert ours_f >= 0.77


# --------------------------------------------------------------------------- English


def test_english_targets():
    text = (
        "This year, GDP is targeted to grow by around 5%, and the surveyed urban unemployment rate will be around 5.5%. "
        "Energy consumption per unit of GDP will drop by about 3%. Last year, GDP grew by 5.2%."
    )
    rows = policytext.extract_targets(text)
    assert [(t.indicator, t.value, t.unit, t.direction) for t in rows] == [
        ("GDP", 5.0, "%", "increase"),
        ("surveyed urban unemployment rate", 5.5, "%", "level"),
        ("Energy consumption per unit of GDP", 3.0, "%", "decrease"),
    ]


def test_english_work_report_targets():
    text = (
        "The main projected targets for development this year are as follows: GDP growth of around 5.5 percent; "
        "over 11 million new urban jobs; a surveyed urban unemployment rate of no more than 5.5 percent; "
        "grain output of over 650 million metric tons. Energy consumption per unit of GDP will be cut by 13.5 percent "
        "and carbon dioxide emissions per unit of GDP by 18 percent over the next five years."
    )
    rows = [(t.indicator, t.value, t.unit, t.direction) for t in policytext.extract_targets(text)]
    assert rows == [
        # growth of 5.5 percent is an increase (as 增长5%); a cap without a verb of reduction
        # is a level, the cap being the qualifier (no more than)
        ("GDP growth", 5.5, "%", "increase"),
        ("new urban jobs", 11e6, "", "increase"),
        ("surveyed urban unemployment rate", 5.5, "%", "level"),
        ("grain output", 650e6, "ton", "increase"),
        ("Energy consumption per unit of GDP", 13.5, "%", "decrease"),
        ("carbon dioxide emissions per unit of GDP", 18.0, "%", "decrease"),
    ]


def test_english_document_targets():
    doc = policytext.read(SAMPLE / "sources" / "en" / "moe_2023_city-consortium-notice_en.txt")
    rows = {t.indicator: t for t in policytext.extract_targets(doc)}
    t = rows["city-wide industry-education consortia"]
    assert (t.value, t.year, t.qualifier, t.direction) == (150.0, 2025, "around", "build")
    assert rows["member enterprises"].value == 50.0 and rows["member enterprises"].qualifier == "no fewer than"
    # the share is the enterprise representatives' (they make up a third of the council)
    assert rows["Enterprise representatives"].value == pytest.approx(33.3333)
    assert (rows["consortia"].value, rows["consortia"].direction, rows["consortia"].qualifier) == (
        5.0,
        "level",
        "no more than",
    )


def test_a_community_is_named_whole_and_a_list_keeps_its_verb():
    # 共同体 is a noun (共同 before a verb ends a name); the second value of a list shares the first's verb
    rows = policytext.extract_targets("力争到2027年，建成300个左右市域产教联合体、200个行业产教融合共同体。", year=2023)
    assert [(t.indicator, t.value, t.direction) for t in rows] == [
        ("市域产教联合体", 300.0, "build"),
        ("行业产教融合共同体", 200.0, "build"),
    ]


def test_a_region_given_its_own_value_takes_the_measure_before_it():
    # 中西部地区可以适当放宽至300亿元: the same measure relaxed for some regions, not a measure named 中西部地区
    rows = policytext.extract_targets("到2025年，园区年产值不低于500亿元，中西部地区可以适当放宽至300亿元。", year=2023)
    assert [(t.indicator, t.value) for t in rows] == [("园区年产值", 500.0), ("中西部地区园区年产值", 300.0)]
    rows = policytext.extract_targets("到2025年，东部地区覆盖率达到90%，中西部地区达到80%。", year=2023)
    assert [(t.indicator, t.value) for t in rows] == [("东部地区覆盖率", 90.0), ("中西部地区覆盖率", 80.0)]


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # a goal with no number due within a period ahead: the deadline is the document's year and the period
        ("在今后三年内，必须把现有企业整顿一遍。", 1982, [("现有企业整顿", 1985)]),
        ("企业的整顿工作要点面结合，有步骤地进行，准备在两三年内，分批完成。", 1981, [("企业的整顿工作", 1984)]),
        ("国务院将组织有关部门，统一规划，制定落实措施，力争在两三年内打开新的局面。", 1982, [("新的局面", 1985)]),
        ("集中力量用两到三年时间基本完成全国大中型和重点小型病险水库改造。", 2007, [("大中型和重点小型病险水库改造", 2010)]),
        ("凡是因为经营管理不善而长期亏损的企业，都必须在今后一年内扭亏为盈，否则就坚决实行停产整顿。", 1979, [("扭亏为盈", 1980)]),
        ("从今年起用两年时间，全部免除农村义务教育阶段学生的学杂费，今年在西部地区实施。", 2006,
         [("学杂费", 2008)]),
        # the means first, then what it brings about (使…摆脱困境)
        ("用三年左右的时间，通过改革、改组、改造和加强管理，使大多数国有大中型亏损企业摆脱困境，大多数国有大中型骨干企业初步建立现代企业制度。",
         1999, [("大多数国有大中型亏损企业", 2002)]),
        # (but a period and a list of deeds said to be needed set no goal)
        ("这些情况说明，用三年时间集中力量进行国民经济的调整、改革、整顿、提高，是完全必要的。", 1979, []),
        # (but a bar within a period is a norm, and a deed done in a period is reported)
        ("申请人在两年内不得再次申请。", 2020, []),
        ("三年内完成了一百项工程。", 2020, []),
    ],
)  # fmt: skip
def test_a_goal_without_a_number_due_within_a_period(text, year, expected):
    assert [(t.indicator, t.year) for t in policytext.extract_targets(text, year=year) if t.value is None] == expected


def test_an_unnumbered_plan_title_ends_the_review():
    # 六五计划前两年的执行情况 reviews; 全面实现六五计划的主要措施 (a title with no number) begins the plan part
    text = ("六五计划前两年的执行情况\n一九八一年工业总产值增长百分之四。\n全面实现六五计划的主要措施\n"
            "我们要在今后三年内全面实现第六个五年计划，关键在于提高经济效益。\n")  # fmt: skip
    assert [(t.indicator, t.year) for t in _report_rows(text, 1982)] == [("第六个五年计划", 1985)]
    # (and what one thing costs, stated as large, stays a fact there)
    text = ("过去五年的回顾\n前几年的成绩很大。\n今后五年的主要任务\n"
            "工业企业可比产品的成本，一九八二年也没有降低，只这一项每年就减少国家财政收入四、五十亿元。\n")  # fmt: skip
    assert _report_rows(text, 1983) == []


def test_kinds_of_rounds_51_and_52():
    # a share stated as small (只占) is a fact, unless it is forecast (将只占)
    text = "我国对资本主义国家的进出口额只占资本主义世界进出口总额的千分之五，我国对东南亚国家的出口额也只占百分之一。"
    assert policytext.extract_targets(text, year=1959) == []
    text = "没有转为公私合营的资本主义工业在工业总产值中的比重，将只占百分之二十九左右了。"
    assert [t.value for t in policytext.extract_targets(text, year=1954)] == [29.0]
    # what holds so far (到现在为止) is reported
    text = "到现在为止，有近百分之三十独立核算的国营工业企业亏损。"
    assert policytext.extract_targets(text, year=1982) == []
    # units of speed and area in a call's specifications
    rows = policytext.extract_targets("考核指标：测量转速不低于 30000r/min；构件表面积不小于 5m2。", year=2020)
    assert [(t.value, t.unit) for t in rows] == [(30000.0, "r/min"), (5.0, "m2")]


def test_a_base_year_of_a_planned_change_dates_nothing():
    # 要在一九五四年的基数上增长: the base of a change the plan asks for (as 比一九五四年), not a year gone by
    rows = policytext.extract_targets("工业总产值要在一九五四年的基数上增长百分之二十九，许多新种类产品要试制成功。", year=1955)
    assert [(t.indicator, t.value) for t in rows] == [("工业总产值", 29.0)]
    # (but a change reported against the base stays reported)
    assert policytext.extract_targets("工业总产值在一九五三年的基数上增长了百分之十七。", year=1955) == []


def test_a_span_of_years_as_the_base_of_a_multiple_dates_nothing():
    # 等于一九五三年到一九八○年…的二点六倍: the years are the base of the comparison, the plan's total is the goal
    text = ("全国城镇全民所有制单位五年合计建成住宅三亿一千万平方米，"
            "等于一九五三年到一九八○年二十八年中平均每年建成住宅面积的二点六倍。")  # fmt: skip
    assert [(t.indicator, t.value, t.unit) for t in policytext.extract_targets(text, year=1982)] == [("住宅", 3.1, "亿平方米")]


def test_striving_for_a_cut_plans_it():
    # 力求 looks ahead as 力争 does; the name is the topic before the modal (应该力求 names nothing)
    text = "同时，不论生产性建设或非生产建设的成本，每年还应该力求降低百分之二到百分之三，或者更多些。"
    rows = policytext.extract_targets(text, year=1955)
    assert [(t.indicator, t.value) for t in rows] == [("不论生产性建设或非生产建设的成本", 2.0)]


def test_a_plans_table_of_indicators():
    # A plan's goals in a table (one row per line, cells joined by " | " as extraction writes them):
    # the columns from the document's year on hold the goals, the base year's column does not.
    text = (
        "主要指标\n"
        "序号 | 指标名称 | 单位 | 2023年 | 2025年 | 2027年 | 牵头单位\n"
        "1 | 人均预期寿命 | 岁 | 78.1 | ≥79.2 | ≥80 | 市卫健局\n"
        "2 | 重大慢性病过早死亡率 | % | 15.1 | ≤12.7 | ≤12.5 | 市卫健局\n"
        "3 | 省级慢性病综合防控示范区 | 个 | 0 | 建成 | 建成 | 市卫健局\n"
        "4 | 道路交通事故死亡率 | /10万 | 7.45 | 较2022年下降3% | 省下达目标值 | 市公安局\n"
    )
    rows = [(t.indicator, t.value, t.unit, t.year, t.direction, t.qualifier) for t in policytext.extract_targets(text, year=2025)]
    assert rows == [
        ("人均预期寿命", 79.2, "岁", 2025, "increase", "以上"),
        ("人均预期寿命", 80.0, "岁", 2027, "increase", "以上"),
        ("重大慢性病过早死亡率", 12.7, "%", 2025, "decrease", "以下"),
        ("重大慢性病过早死亡率", 12.5, "%", 2027, "decrease", "以下"),
        ("省级慢性病综合防控示范区", None, "", 2025, "build", ""),
        ("道路交通事故死亡率", 3.0, "%", 2025, "decrease", ""),
    ]  # fmt: skip
    assert all(t.value is not None for t in policytext.extract_targets(text, year=2025, qualitative=False))
    # A category cell merged over several rows leaves them a cell short: they align from the right.
    text = (
        "类别 | 指标 | 2020年 | 2025年目标值 | 属性\n"
        "经济发展 | 地区生产总值增长(%) | 3.6 | 6左右 | 预期性\n"
        "数字经济核心产业增加值占GDP比重(%) | 8.2 | 10 | 预期性\n"
    )
    rows = [(t.indicator, t.value, t.unit, t.year) for t in policytext.extract_targets(text, year=2021)]
    assert rows == [("地区生产总值增长", 6.0, "%", 2025), ("数字经济核心产业增加值占GDP比重", 10.0, "%", 2025)]
    # A table of last years' figures sets nothing, nor does last year's goal beside what was done.
    review = "指标 | 2019年 | 2020年\n地区生产总值(亿元) | 5200 | 5600\n"
    assert policytext.extract_targets(review, year=2021) == []
    review = "指标 | 单位 | 2020年目标 | 2020年完成\n地区生产总值增长 | % | 6 | 3.5\n"
    assert policytext.extract_targets(review, year=2021) == []


def test_a_table_of_goals_and_who_answers_for_them():
    text = (
        "2021年政府工作报告主要目标任务责任分解表\n"
        "目标任务 | 责任领导 | 牵头单位\n"
        "地区生产总值增长8% | 常务副市长 | 市发展改革委\n"
        "城镇新增就业12万人 | 副市长 | 市人社局\n"
    )
    rows = [(t.indicator, t.value, t.unit) for t in policytext.extract_targets(text, year=2021)]
    assert rows == [("地区生产总值", 8.0, "%"), ("城镇新增就业", 12.0, "万人")]


def test_a_goal_table_read_from_html(tmp_path):
    page = tmp_path / "plan.html"
    page.write_text(
        "<html><head><meta charset='utf-8'><title>某市数字经济发展行动计划</title></head><body>"
        "<p>某市数字经济发展行动计划（2024—2026年）</p><p>主要指标如下表。</p>"
        "<table><tr><td>指标名称</td><td>单位</td><td>2023年</td><td>2026年</td></tr>"
        "<tr><td>5G基站数</td><td>万个</td><td>1.2</td><td>2.5</td></tr></table></body></html>",
        encoding="utf-8",
    )
    doc = policytext.read(page)
    rows = [(t.indicator, t.value, t.unit, t.year) for t in policytext.extract_targets(doc, year=2024)]
    assert rows == [("5G基站数", 2.5, "万个", 2026)]


def test_what_the_sixth_batch_of_passages_showed():
    # A base year (在2020年基础上) dates the start, not the goal.
    rows = policytext.extract_targets("到2035年,经济总量在2020年基础上翻两番,综合实力显著增强。", year=2021)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [("经济总量", 4.0, "倍")]
    # A change joined to a planned amount by 、 is the amount's change, not a goal of its own.
    text = "主要预期目标为:地区生产总值增长8.5%,一般公共预算收入完成18.8亿元、增长6.2%,固定资产投资增长10%。"
    assert [t.value for t in policytext.extract_targets(text, year=2021)] == [8.5, 18.8, 10.0]
    # A share after an amount is the share of the thing counted in its base.
    rows = policytext.extract_targets("到2025年,全市持证人员总量达到130万人以上,占从业人员的60%以上。", year=2021)
    assert [(t.indicator, t.value) for t in rows] == [("持证人员总量", 130.0), ("持证人员占从业人员比重", 60.0)]
    # People counted, then what they do (with a note in brackets between).
    text = "到2025年,完成60万人次职业技能培训、45万人(含新增高技能人才15万人)取得相应证书。"
    rows = [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2021)]
    assert rows[:2] == [("职业技能培训", 60.0), ("取得相应证书", 45.0)] and rows[2][1] == 15.0
    # Not values: a base to build on, how a programme is built up, which meeting, a comment period, a title.
    assert policytext.extract_targets("今年要在优化提升44个市级工业园区的基础上,谋划建设重大产业平台。", year=2021) == []
    assert policytext.extract_targets("今年项目共包括5大类工程,下设15个子项目。", year=2021) == []
    assert policytext.extract_targets("行动计划已经市人民政府第十八届71次常务会议审议通过。", year=2021) == []
    assert policytext.extract_targets("征求意见时间为30个自然日。", year=2021) == []
    assert policytext.extract_targets("推进职业教育发展十二条措施(征求意见稿)", year=2021) == []
    assert policytext.extract_targets("今年要全面落实《推进职业教育发展十二条措施》。", year=2021) == []
    assert policytext.extract_targets("今年要全面实施一元多层次战略体系。", year=2013) == []
    # A concentration is a value with its unit.
    rows = policytext.extract_targets("到2020年,细颗粒物(PM2.5)年均浓度控制在29微克每立方米以下。", year=2019)
    assert [(t.value, t.unit, t.qualifier) for t in rows] == [(29.0, "微克每立方米", "以下")]


def test_what_the_seventh_batch_of_passages_showed():
    # A clause of its own that opens on a task's verb counts the task's amount, whatever opens the sentence.
    text = "创新农业经营方式,大力培育新型职业农民,新增家庭农场80家,新培育农民专业合作社200家。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2019)] == [
        ("家庭农场", 80.0), ("农民专业合作社", 200.0)
    ]  # fmt: skip
    # …but not in a sentence that tells results reached (a review's deeds) …
    review = "学前教育行动计划深入实施,500所农村幼儿园改扩建基本完成,改造中小学校舍300万平方米。"
    assert policytext.extract_targets(review, year=2014) == []
    # …nor for a specification or a share.
    assert policytext.extract_targets("辅助监管人员,提升监管效率20%。", year=2020) == []
    # A sentence that opens on the document's own year plans for it.
    text = "2008年,粮食种植面积稳定在6000万亩,促进新增优质粮150万亩。"
    assert [t.value for t in policytext.extract_targets(text, year=2008)] == [6000.0, 150.0]
    assert policytext.extract_targets(text, year=2009) == []
    # 总量 after a growth rate is the total of the thing that grows.
    text = "2021至2023年,全省社会消费品零售总额年均增速11%,力争2021年增速实现15%,总量达到2万亿元。"
    rows = [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2021)]
    assert ("社会消费品零售总额", 2.0) in rows
    # A note that names an abbreviation is not part of the indicator.
    text = "到2023年,全省社会消费品零售总额(以下简称社零额)年均增长11%。"
    assert [t.indicator for t in policytext.extract_targets(text, year=2021)] == ["社会消费品零售总额"]
    # A road's phase and a policy known by its number of articles are names.
    assert policytext.extract_targets("今年要开工建设城西大道二期。", year=2019) == []
    assert policytext.extract_targets("今年要全面落实“人才新政30条”。", year=2019) == []


def test_a_table_headed_by_the_indicator_and_its_unit():
    text = "指标名称及单位 | 2023年 | 2025年\n5G基站数(万个) | 1.2 | 2.5\n"
    rows = [(t.indicator, t.value, t.unit, t.year) for t in policytext.extract_targets(text, year=2024)]
    assert rows == [("5G基站数", 2.5, "万个", 2025)]


def test_an_english_table_of_indicators():
    text = (
        "Main indicators\n"
        "Indicator | Unit | 2020 | 2025 target\n"
        "Share of dual-qualified teachers | % | 50 | ≥60\n"
        "City-wide industry-education consortia | number | 20 | 150\n"
    )
    rows = [(t.indicator, t.value, t.unit, t.year, t.qualifier) for t in policytext.extract_targets(text, year=2021)]
    assert rows == [
        ("Share of dual-qualified teachers", 60.0, "%", 2025, "or more"),
        ("City-wide industry-education consortia", 150.0, "number", 2025, ""),
    ]  # fmt: skip


def test_what_the_eighth_batch_of_passages_showed():
    # An item's number before a count is no decimal point.
    rows = policytext.extract_targets("今年实事项目:\n4.460个村居建成综合文化活动室。\n", year=2022)
    assert [(t.value, t.unit) for t in rows] == [(460.0, "个")]
    # The time a procedure takes is a reform's goal when it is cut to it or set with a deadline, and a
    # procedure's deadline in a rule otherwise.
    rows = policytext.extract_targets("今年要将企业开办时间压缩至3个工作日以内。", year=2022)
    assert [(t.indicator, t.value, t.unit, t.direction) for t in rows] == [("企业开办时间", 3.0, "个工作日", "decrease")]
    assert policytext.extract_targets("行政机关应当自受理申请之日起20个工作日内作出决定。", year=2022) == []
    # A rate per hundred thousand and a ratio against one are values; a 1:1 matching rule is not.
    rows = policytext.extract_targets("到2030年,婴儿死亡率、孕产妇死亡率分别控制在4‰、10/10万以下。", year=2022)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [("婴儿死亡率", 4.0, "‰"), ("孕产妇死亡率", 10.0, "/10万")]
    rows = policytext.extract_targets("到2015年,城乡居民收入比下降至2.09:1。", year=2011)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [("城乡居民收入比", 2.09, ":1")]
    assert policytext.extract_targets("今年市、区两级引导基金按1:1比例配资。", year=2022) == []
    # A list that opens on a bounded goal goes on with plain growth; 圆满完成 reviews.
    text = "今年主要预期目标:地区生产总值增长6.5%以上,一般公共预算收入增长2%以上,固定资产投资增长8%。"
    assert [t.value for t in policytext.extract_targets(text, year=2025)] == [6.5, 2.0, 8.0]
    assert policytext.extract_targets("全区圆满完成区人大确定的89项主要目标任务。", year=2018) == []
    # A threshold with a note in brackets before its bound picks the projects; the note's amount is the same.
    rows = policytext.extract_targets("全年新签约5亿元(3000万美元)以上项目60个。", year=2025)
    assert [(t.indicator, t.value) for t in rows] == [("项目", 60.0)]
    # A table's unit in brackets anywhere in the name.
    text = "指标 | 2010年实绩 | 2015年目标\n全市新增造林面积(万亩)(5年新增量) | 28.4 | 17.3\n"
    rows = policytext.extract_targets(text, year=2011)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [("新增造林面积(5年新增量)", 17.3, "万亩")]
    # A sub-heading that says what was achieved (有了新进步) opens a review, whatever the counts after it look like.
    review = "(五)民生福祉有了新进步。建设就业驿站12个,新增城镇就业12375人。"
    assert policytext.extract_targets(review, year=2024) == []
    # 1个千亿级 counts a cluster of that class; the class is no value.
    rows = policytext.extract_targets("到2025年,形成1个千亿级、3个300亿级产业集群。", year=2022)
    assert [(t.value, t.unit) for t in rows] == [(1.0, "个"), (3.0, "个")]


def test_what_the_ninth_batch_of_passages_showed():
    # A part headed by a year gone by, told as done, reviews, though its heading names a plan.
    text = "一、二○○一年全市经济继续保持旺盛活力,实现了“十五”计划的良好开局\n全市国内生产总值完成138.8亿元,比上年增长14%;地方财政收入完成5.93亿元,增长22%。\n"
    assert policytext.extract_targets(text, year=2002) == []
    # A count that names who reaches a value is no value itself; one that a task builds is.
    text = "今年全市6个现代农业产业园实现综合产值268亿元以上。"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2022)] == [("综合产值", 268.0)]
    text = "到2025年,培育10家企业营业收入超过100亿元。"
    assert [t.value for t in policytext.extract_targets(text, year=2022)] == [10.0, 100.0]


def test_what_the_tenth_batch_of_passages_showed():
    # A paragraph that tells two or more deeds as done reviews, whatever heading the passage lost …
    review = (
        "推进5所学校建设,新增普惠性幼儿园18所。成功举办第十一届登山节,建成社区足球场13个。"
        "赣江新区成功获批,首个项目顺利开工。\n"
    )
    assert policytext.extract_targets(review, year=2021) == []
    # … but one deed told as done does not turn a task list into a review.
    assert [t.value for t in policytext.extract_targets("推进5所学校建设,新增普惠性幼儿园18所。", year=2021)] == [5.0, 18.0]
    # A title of the year's goals proposed (…主要预期目标建议) heads the list under it.
    text = "2014年全市经济社会发展的主要预期目标建议\n地区生产总值增长8.5%,地方财政收入增长8.5%。\n"
    assert [t.value for t in policytext.extract_targets(text, year=2014)] == [8.5, 8.5]


def test_what_the_eleventh_and_twelfth_batches_showed():
    # A line that announces the year's goals heads the bulleted items on the lines below it …
    text = "报告提出,今年全省的主要预期目标是:\n◆地区生产总值增长5.5%;\n◆粮食产量600万吨。\n"
    assert [(t.indicator, t.value) for t in policytext.extract_targets(text, year=2024)] == [("地区生产总值", 5.5), ("粮食产量", 600.0)]
    # … and so does one that announces the year's list of deeds, numbered (一)…, each number on a line of its own.
    text = "今年将扎实办好“十件民生实事”。\n(一)\n促进就业,完成超1200户农户厨房改造。\n"
    assert [t.value for t in policytext.extract_targets(text, year=2025)] == [1200.0]
    # A news report's paragraph on a year gone by, or on the review, reviews.
    text = "报告指出,2023年,全市开工320个亿元以上项目,建成150个。\n市长在回顾2023年的工作中指出:全市生产总值实现5000亿元。\n"
    assert policytext.extract_targets(text, year=2024) == []
    # More deeds told as done: an award, praise, a first, a run of years.
    review = "募集捐款300万元,做法得到上级充分肯定,该县获“绿化先进”组织奖。改造林地2.5万亩,空气质量连续6年全面达标。\n"
    assert policytext.extract_targets(review, year=2024) == []
    # 拟 in 虚拟 is no modal: an achievement in a review stays a review.
    text = "一、发展基础\n3所学校入选虚拟仿真实训基地项目。\n"
    assert policytext.extract_targets(text, year=2022) == []
    # The growth after a planned amount is a goal when it has a bound of its own, named as the amount.
    rows = policytext.extract_targets("今年主要预期目标是:地区生产总值突破2000亿元、增长6%以上。", year=2024)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [("地区生产总值", 2000.0, "亿元"), ("地区生产总值", 6.0, "%")]
    # Classes of projects (50亿级、百亿级), opening hours that name a place, the indicators counted and
    # a plan's parts counted are no values.
    assert [t.value for t in policytext.extract_targets("今年确保引进亿元以上项目80个,力争在50亿级、百亿级项目上实现突破。", year=2024)] == [80.0]
    rows = policytext.extract_targets("今年新建24小时城市书房12个。", year=2024)
    assert [(t.value, t.unit) for t in rows] == [(12.0, "个")]
    rows = policytext.extract_targets("到2025年,旅游收入达到800亿元,力争两项指标年均增长15%以上。", year=2022)
    assert [(t.value, t.unit) for t in rows] == [(800.0, "亿元"), (15.0, "%")]
    assert policytext.extract_targets("今年安排八方面25项民生实事。", year=2024) == []
    # What is done for the people counted names the row (the verb between goes).
    rows = policytext.extract_targets("今年为3万名65岁及以上老年人免费提供健康体检、为1.2万名困难群众办理医疗救助。", year=2024)
    assert [(t.indicator, t.value) for t in rows] == [("老年人健康体检", 3.0), ("困难群众医疗救助", 1.2)]
    # Training counted in people keeps its verb; a second measure right after the first is the same thing's.
    rows = policytext.extract_targets("10件实事是:完成职业技能培训2万人,实施老旧小区改造15个2600户。", year=2023)
    assert [(t.indicator, t.value, t.unit) for t in rows] == [
        ("职业技能培训", 2.0, "万人"), ("老旧小区改造", 15.0, "个"), ("老旧小区改造", 2600.0, "户")]  # fmt: skip
    # Homes a task works on, after 对; products that share the head noun of the last one.
    rows = policytext.extract_targets("今年要对1500户困难家庭实施适老化改造。", year=2024)
    assert [t.value for t in rows] == [1500.0]
    rows = policytext.extract_targets("力争全市粮、油、蔬菜产量分别增长3%、4%、5%。", year=2024)
    assert [t.indicator for t in rows] == ["粮产量", "油产量", "蔬菜产量"]


def test_what_the_thirteenth_and_fourteenth_batches_showed():
    # A report on how last year's plan was carried out reviews, though it names the plan and its goals …
    text = (
        "一、2023年国民经济和社会发展计划执行情况\n(一)主要目标完成情况\n"
        "初步预计,全区地区生产总值520亿元,完成年计划560亿元的92.9%(主要是二产未达预期目标),增长4.1%。\n"
    )
    assert policytext.extract_targets(text, year=2024) == []
    # … as does a review that opened on a year gone by, in the paragraphs after it, until one looks ahead.
    text = (
        "2023年,我们实现地区生产总值300亿元、增长5.2%。\n"
        "(一)坚持项目带动,经济基础更加坚实。120个重点项目完成投资80亿元,争取上级资金12亿元。\n"
        "今年要完成重点项目投资90亿元以上。\n"
    )
    assert [t.value for t in policytext.extract_targets(text, year=2024)] == [90.0]
    for opening in ("四年来,我们坚持转型发展。\n", "即将过去的2023年,是克难奋进的一年。\n"):
        assert policytext.extract_targets(opening + "新建标准化厂房12万平方米,新增规上企业15户。\n", year=2024) == []
    # A review's numbered parts under an unnumbered review title; a title of achievements over bullets.
    text = "2016年工作回顾\n一、经济运行稳中向好\n实现第一产业增加值280亿元、增长3.9%。新建成现代农业产业基地17个。\n"
    assert policytext.extract_targets(text, year=2017) == []
    text = "■ 2024年成绩单\n●粮食总产达到560亿斤\n■ 2025年经济社会发展的主要预期目标\n●经济增长6%左右\n"
    assert [t.value for t in policytext.extract_targets(text, year=2025)] == [6.0]
    # 争取 funds from above is a plan's aim, not in a review.
    assert [t.value for t in policytext.extract_targets("今年要争取上级资金50亿元以上。", year=2025)] == [50.0]
    # The contents of a plan announced as such; a bulleted task.
    text = "《2019年为民办实事工作计划》的主要内容是:\n一、实施公交服务便民工程\n(一)新购置公交车200辆\n(二)新建改造100个公交站台\n"
    assert [t.value for t in policytext.extract_targets(text, year=2019)] == [200.0, 100.0]
    assert [t.value for t in policytext.extract_targets("●强力推进20个全域旅游示范区建设。", year=2019)] == [20.0]
    # Who may take part, and a margin over a standard, are no aims.
    assert policytext.extract_targets("到2020年,享受培训补助的对象年龄为18-55周岁。", year=2018) == []
    rows = policytext.extract_targets("到2025年,旅游业增加值占GDP的比重达7.5%,超出认定标准0.3个百分点。", year=2023)
    assert [(t.value, t.unit) for t in rows] == [(7.5, "%")]


def test_what_the_fifteenth_and_sixteenth_batches_showed():
    # A news report's lead into the review, or a paragraph the reporter opens on a year gone by, reviews.
    text = "县长向大会作报告。在回顾2015年工作时,县长说:全年实现生产总值83.9亿元、增长10.8%。\n县长说,2015年全县完成固定资产投资120亿元。\n"
    assert policytext.extract_targets(text, year=2016) == []
    # The year's estimate opens a review sentence; the year ahead, or the year's list of indicators, a plan.
    assert policytext.extract_targets("预计实现地区生产总值210亿元、增长4.3%。", year=2023) == []
    text = "面对新的一年,报告中指出,地区生产总值增长9%,一般公共预算收入增长13%。"
    assert [t.value for t in policytext.extract_targets(text, year=2019)] == [9.0, 13.0]
    text = "市长在报告中提出了2021年全市发展指标体系安排,具体为:总量指标方面,地区生产总值增长6.5%左右。质量指标方面,工业开票销售净增150亿元。"
    assert [t.value for t in policytext.extract_targets(text, year=2021)] == [6.5, 150.0]
    text = "报告提出了2023年全省的主要预期目标,其中地区生产总值增长5%以上。"
    assert [t.value for t in policytext.extract_targets(text, year=2023)] == [5.0]
    # 分别 over the aspects named before it; a water class that names what a share counts; the ratio sign ∶.
    rows = policytext.extract_targets("今年在固定资产投资、社会消费品零售总额、进出口方面,分别保持增长20%、13%和14%以上。", year=2013)
    assert [(t.indicator, t.value) for t in rows] == [("固定资产投资", 20.0), ("社会消费品零售总额", 13.0), ("进出口", 14.0)]
    rows = policytext.extract_targets("今年断面三类以上水质比例达85.7%。", year=2021)
    assert [(t.value, t.unit) for t in rows] == [(85.7, "%")]
    rows = policytext.extract_targets("到2015年,农产品加工业增加值与第一产业增加值之比达到2.5∶1。", year=2013)
    assert [(t.value, t.unit) for t in rows] == [(2.5, ":1")]
    # How much of a plan a span of years gone by has done is no aim.
    assert policytext.extract_targets("2006至2009年,全市单位GDP能耗累计下降16%。", year=2010) == []


def test_a_goals_name_drops_the_heading_run_into_it_and_the_documents_own_place():
    rows = policytext.extract_targets("2023年全省经济社会发展主要预期目标是地区生产总值增长6%左右。", year=2023)
    assert [(t.indicator, t.value) for t in rows] == [("地区生产总值", 6.0)]
    rows = policytext.extract_targets("到2025年,全省软件业务收入达到1.4万亿元。", year=2022)
    assert [t.indicator for t in rows] == ["软件业务收入"]
    # (but a goal whose name is told after 目标是 keeps it: 在…的基础上 is no name)
    rows = policytext.extract_targets("今后五年,我国经济增长预期目标是在提高质量和效益的基础上年均增长7%。", year=2016)
    assert rows and rows[0].indicator.startswith("我国经济增长预期目标")


def test_a_five_year_plans_table_of_indicators():
    # The shape of a 十四五 plan's table: a base year, the target year, a yearly or cumulative column
    # (a growth rate in percent; [14] a cumulative cut) and the indicator's kind.
    text = (
        "类别 | 指标 | 2020年 | 2025年 | 年均增长[累计] | 属性\n"
        "经济发展 | 地区生产总值增长(%) | 3.6 | — | 6左右 | 预期性\n"
        " | 全员劳动生产率(万元/人) | 12.1 | 15 | 5以上 | 预期性\n"
        "绿色生态 | 单位GDP能耗降低(%) | — | — | [14] | 约束性\n"
    )
    rows = [(t.indicator, t.value, t.unit, t.year, t.direction) for t in policytext.extract_targets(text, year=2021)]
    assert rows == [
        ("地区生产总值增长", 6.0, "%", 2025, "increase"),
        ("全员劳动生产率", 15.0, "万元/人", 2025, "level"),
        ("全员劳动生产率", 5.0, "%", 2025, "increase"),
        ("单位GDP能耗降低", 14.0, "%", 2025, "decrease"),
    ]  # fmt: skip


def test_a_goal_table_read_from_docx(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("某市数字经济发展行动计划（2024—2026年）")
    document.add_paragraph("主要指标")
    table = document.add_table(rows=3, cols=5)
    for row, cells in enumerate((["指标名称", "单位", "2023年", "2026年", "牵头单位"],
                                 ["5G基站数", "万个", "1.2", "2.5", "市工信局"],
                                 ["数字经济核心产业增加值占比", "%", "8", "≥10", "市发改委"])):  # fmt: skip
        for col, text in enumerate(cells):
            table.cell(row, col).text = text
    path = tmp_path / "plan.docx"
    document.save(path)
    rows = [(t.indicator, t.value, t.unit, t.year, t.qualifier) for t in policytext.extract_targets(policytext.read(path), year=2024)]
    assert rows == [("5G基站数", 2.5, "万个", 2026, ""), ("数字经济核心产业增加值占比", 10.0, "%", 2026, "以上")]
