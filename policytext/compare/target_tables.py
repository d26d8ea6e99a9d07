"""Targets set in tables: a plan's table of indicators, and a notice's table of goals and who answers for them.

Extraction writes a table one row per line, cells joined by
:data:`~policytext.ingest.text.CELL_SEPARATOR` (`` | ``). Plans put their
numeric goals in such tables more often than in sentences::

    序号 | 指标名称 | 单位 | 2023年 | 2025年 | 2027年 | 牵头单位
    1 | 人均预期寿命 | 岁 | 78.09 | ≥79.2 | ≥80 | 市卫健局

The header says which column names the indicator, which gives the unit, and
which hold values to reach (a year from the document's own on, or 目标值 /
预期值) rather than the base (基期, 现状, a year gone by). Each value of such a
column is a row; the baseline is not. A table whose first column states goals
in words (目标任务 | 责任领导 | 牵头单位: 地区生产总值增长8% | 常务副市长 | …)
has its first cells read as goal sentences by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest.text import CELL_SEPARATOR
from .numbers import MEASURE_WORDS, find_quantities

__all__ = ["GoalTable", "goal_tables"]

_SEP = CELL_SEPARATOR.strip()
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")
#: Header cells of the indicator's name (指标, 指标名称, 主要指标, 具体指标; Indicator).
_NAME_HEADER = re.compile(
    r"^(?:主要|具体|核心|考核|发展)?指标(?:名称|内容|项)?(?:及单位|[（(]单位[）)])?$|^(?:项目|内容|名称|项目名称|任务名称)$|^indicators?$",
    re.I,
)
#: Header cells of the unit (单位, 计量单位), but not of who answers for a goal (责任单位, 牵头单位).
_UNIT_HEADER = re.compile(r"^(?:计量)?单位$|^units?$", re.I)
#: Header cells of values to reach, and of values already reached.
_TARGET_HEADER = re.compile(r"目标|预期|规划值|target", re.I)
_BASE_HEADER = re.compile(r"基期|基准|基数|现状|现值|完成|实际|baseline|base", re.I)
#: Header cells of a table of goals written in words, with who answers for each.
_GOAL_TEXT_HEADER = re.compile(r"^(?:主要)?(?:目标任务|目标|任务|工作目标|预期目标)(?:内容)?$")
_DUTY_HEADER = re.compile(r"责任|牵头|配合|部门|领导")
_SERIAL = re.compile(r"^\s*(?:\d{1,3}|[一二三四五六七八九十]+|[（(]\d{1,3}[）)])\s*[.、．]?\s*$")
#: A value in a cell: ≥79.2, ≤0.65, 60, 97.3%, 较2022年 下降3%.
_CELL_VALUE = re.compile(
    r"(?P<cmp>≥|≤|>|<|＞|＜|不低于|不少于|不高于|不超过|超过|达到|下降|降低|减少|提高|增长|增加)?\s*"
    r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?![\d.]|\s*年)\s*(?P<unit>%|‰)?\s*(?P<after>以上|以下|以内|左右)?"
)
_AT_LEAST = ("≥", ">", "＞", "不低于", "不少于", "超过", "以上")
_AT_MOST = ("≤", "<", "＜", "不高于", "不超过", "以下", "以内")


@dataclass
class GoalTable:
    """The goal tables of a text, by line: where each row's line starts, and what the row sets."""

    #: line start -> the target rows (dicts as :func:`targets_in_sentence` gives) of that line
    rows: dict[int, list[dict]] = field(default_factory=dict)
    #: line start -> the cell that states a goal in words (read as a sentence by the caller)
    goal_cells: dict[int, str] = field(default_factory=dict)


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split(_SEP)]


def _column_years(header: list[str]) -> dict[int, int]:
    years = {}
    for i, cell in enumerate(header):
        found = [int(y) for y in _YEAR.findall(cell)]
        if found:
            years[i] = max(found)  # 2021—2025年年均增长: due at the end of the span
    return years


def _target_columns(header: list[str], doc_year: int | None) -> dict[int, int | None]:
    """Columns of values to reach -> the year each is due (None: the document's own)."""
    years = _column_years(header)
    first = min(years.values()) if years else None
    out: dict[int, int | None] = {}
    for i, cell in enumerate(header):
        if _BASE_HEADER.search(cell) or _DUTY_HEADER.search(cell):
            continue
        year = years.get(i)
        if year is not None and doc_year is not None and year < doc_year:
            continue  # 2024年目标 | 2024年完成 in a review of 2024: last year's goals, reported
        if _TARGET_HEADER.search(cell):
            out[i] = year
        elif year is not None and (
            year >= doc_year if doc_year is not None else first is not None and year > first
        ):
            out[i] = year  # 2023年 | 2025年 | 2027年 in a plan of 2025: the columns from 2025 on
    if out:
        # 指标 | 2020年 | 2025年 | 年均增长/累计 | 属性: the yearly or cumulative column of a goal table is a goal too
        last = max((y for y in out.values() if y is not None), default=None)
        for i, cell in enumerate(header):
            if (
                i not in out
                and re.search(r"年均|累计", cell)
                and not _BASE_HEADER.search(cell)
                and not _DUTY_HEADER.search(cell)
            ):
                out[i] = years.get(i) or last
    return out


#: The bounds in an English table's words (Indicator | Unit | 2025 target: ≥60 -> 60, or more).
_ENGLISH_BOUND = {"以上": "or more", "以下": "or less", "以内": "or less", "左右": "around", "不低于": "no less than",
                  "不少于": "no fewer than", "不高于": "no more than", "不超过": "no more than", "超过": "more than"}  # fmt: skip


def _parse_cell(cell: str, unit: str) -> tuple[float, str, str, str] | None:
    """(value, unit, qualifier, direction) of a cell that holds one value, or None."""
    found = [q for q in find_quantities(cell) if q.unit]
    m = _CELL_VALUE.search(cell)
    if found and not (m and m.group("unit") is None and unit and found[0].start > m.start()):
        q = found[0]
        value, cell_unit, approx = q.value, q.unit, q.approx
        before = cell[: q.start]
    elif m:
        value, cell_unit, approx = float(m.group("num")), m.group("unit") or unit, m.group("after") or ""
        before = cell[: m.start("num")]
    else:
        return None
    after = cell[m.end("num") :] if m and m.start("num") == len(before) else ""
    # (每年提升2%左右或不低于全省平均水平: the bound of another reading is not this value's)
    words = before[-4:] + after[:3]
    qualifier = (
        next((w for w in _AT_LEAST if w in words), "")
        or next((w for w in _AT_MOST if w in words), "")
        or approx
    )
    if qualifier in _AT_LEAST:
        direction = "increase"
    elif qualifier in _AT_MOST or re.search(r"下降|降低|减少", before):
        direction = "decrease"
    elif re.search(r"提高|增长|增加", before):
        direction = "increase"
    else:
        direction = "level"
    qualifier = {"≥": "以上", ">": "以上", "＞": "以上", "≤": "以下", "<": "以下", "＜": "以下"}.get(
        qualifier, qualifier
    )
    return value, cell_unit, qualifier, direction


_CJK_MEASURES = tuple(
    w for w in MEASURE_WORDS if not w.isascii() and w not in ("度", "期", "届", "对", "列", "片", "块", "门")
)


def _name_and_unit(cell: str) -> tuple[str, str]:
    """人均预期寿命（岁） -> (人均预期寿命, 岁): a unit written in brackets after the name.

    (新增造林面积（万亩）（5年新增量）: the unit's brackets come out, a note's stay.)
    """
    for m in re.finditer(r"\s*[（(]([^（）()]{1,8})[）)]", cell):
        unit = m.group(1)
        if (
            m.start() > 0
            and (
                unit in MEASURE_WORDS
                or re.fullmatch(r"[%‰]|[\u4e00-\u9fff]{1,2}/[\u4e00-\u9fff\d万]{1,4}", unit)  # 元/人, 人/万人
                or any(unit.endswith(w) for w in _CJK_MEASURES)  # 万亩, 吨标准煤, 亿千瓦时
            )
            and not re.search(r"\d", unit)
        ):
            return (cell[: m.start()] + cell[m.end() :]).strip(), unit
    return cell.strip(), ""


def goal_tables(text: str, doc_year: int | None) -> GoalTable:
    """The goal tables of ``text`` (lines with cells joined by `` | ``), read by their headers."""
    out = GoalTable()
    if _SEP not in text:
        return out  # most documents have no table: no pass over their lines
    offset = 0
    header: list[str] | None = None
    names = unit_col = None
    targets: dict[int, int | None] = {}
    words_col: int | None = None
    english = False
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if _SEP not in line:
            header = None  # a table ends where its rows end
            continue
        cells = _cells(line)
        is_header = _is_header(cells)
        if header is None or is_header:
            if not is_header:
                continue  # a table with no header we can read
            header = cells
            english = not re.search(r"[\u4e00-\u9fff]", line)
            names = next((i for i, c in enumerate(cells) if _NAME_HEADER.search(c)), None)
            unit_col = next((i for i, c in enumerate(cells) if _UNIT_HEADER.search(c)), None)
            targets = _target_columns(cells, doc_year)
            words_col = (
                0
                if _GOAL_TEXT_HEADER.match(cells[0]) and any(_DUTY_HEADER.search(c) for c in cells[1:])
                else None
            )
            if names is None and targets:
                names = next(
                    (
                        i
                        for i, c in enumerate(cells)
                        if i not in targets and not _SERIAL.match(c) and c not in ("序号", "类别", "属性")
                    ),
                    None,
                )
            continue
        if words_col is not None:
            if cells[0] and re.search(r"\d", cells[0]):
                out.goal_cells[start] = cells[0]
            continue
        if names is None or not targets or len(cells) > len(header):
            continue
        cells = [""] * (len(header) - len(cells)) + cells  # merged cells on the left (类别) are missing
        name, name_unit = _name_and_unit(cells[names])
        if not name or _SERIAL.match(name) or not re.search(r"[\u4e00-\u9fffA-Za-z]", name):
            continue
        unit = (cells[unit_col] if unit_col is not None else "") or name_unit
        rows = []
        for col, year in sorted(targets.items()):
            if re.fullmatch(r"(?:基本|全面)?(?:建成|完成|实现|达标|全覆盖)", cells[col]):
                # 省级慢性病综合防控示范区 | 个 | 0 | 建成 | 建成: a goal with no number, once (by the first year)
                if any(r["value"] is None for r in rows):
                    continue
                rows.append({"indicator": name, "value": None, "unit": "", "year": year if year is not None else doc_year,
                             "direction": "build", "qualifier": "", "raw": cells[col]})  # fmt: skip
                continue
            growth = bool(re.search(r"增长|增速|增幅", header[col]))
            # (年均增长 | 5以上: a growth rate, in percent, whatever the indicator's own unit)
            parsed = _parse_cell(cells[col], "%" if growth else unit)
            if parsed is None:
                continue
            value, cell_unit, qualifier, direction = parsed
            if direction == "level":
                if re.search(r"降低|下降|减少|压减", name):
                    direction = "decrease"  # 单位GDP能耗降低(%) | [14]
                elif growth or re.search(r"增长|提高|提升|增加", name):
                    direction = "increase"
            if english:
                qualifier = _ENGLISH_BOUND.get(qualifier, qualifier)
            rows.append(
                {
                    "indicator": name,
                    "value": value,
                    "unit": cell_unit,
                    "year": year if year is not None else doc_year,
                    "direction": direction,
                    "qualifier": qualifier,
                    "raw": cells[col],
                }
            )
        if rows:
            out.rows[start] = rows
    return out


def _is_header(cells: list[str]) -> bool:
    """A header row: it names the indicator or the goals, and holds no value of its own."""
    named = any(_NAME_HEADER.search(c) for c in cells) or bool(cells and _GOAL_TEXT_HEADER.match(cells[0]))
    return named and not any(re.search(r"\d", c) and not _YEAR.search(c) for c in cells)
