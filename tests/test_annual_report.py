"""The annual-report checks (AR6xx) on the seed report and on altered copies.

The seed (../shared/seeds) is a real 2019 report in the trial layout, its
tables flattened with ``|`` between cells.  Unchanged it gives no warning or
error from these checks (only the info that its 栏目 list names 机构职能
twice); changing any one cell of tables 三 or 四, or any figure of its prose
total, gives exactly one finding that names the relation, both numbers and
where.
"""
from __future__ import annotations

import re

import pytest

from annual_samples import SEED
from screener import Severity, screen_text

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="the seed report ../shared/seeds is not here")

# The 23 value rows of the 2019 table 三, as the template prints them (R3).
ROWS_2019 = [
    "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
    *[f"（三）不予公开 {i}." for i in range(1, 9)], *[f"（四）无法提供 {i}." for i in range(1, 4)],
    *[f"（五）不予处理 {i}." for i in range(1, 6)], "（六）其他处理", "（七）总计", "四、结转下年度继续办理",
]
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
GROUPS = ["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"]


def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def annual(text: str) -> list:
    return [f for f in screen_text(text).findings if f.kind == "annual-report"]


def serious(text: str) -> list:
    return [f for f in annual(text) if f.severity >= Severity.WARNING]


def _replace_at(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]


def table3_cells(text: str) -> list[re.Match]:
    """The 161 figures of the seed's table 三, found independently of screener."""
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    cells = [m for m in re.finditer(r"(?<=\| )\d+(?= \|)", text[start:end])]
    assert len(cells) == 23 * 7
    return [(start + m.start(), start + m.end(), m.group()) for m in cells]


def table4_cells(text: str) -> list[tuple[int, int, str]]:
    start = text.rindex("尚未审结 | 总计 | ") + len("尚未审结 | 总计 ")
    cells = [(start + m.start(), start + m.end(), m.group()) for m in re.finditer(r"(?<=\| )\d+(?= \|)", text[start:start + 100])]
    assert len(cells) == 15
    return cells


def test_seed_unchanged_has_no_warning_or_error():
    findings = annual(seed())
    assert [(f.code, f.severity, f.text) for f in findings] == [("AR609", Severity.INFO, "机构职能")]
    assert "机构职能" in findings[0].message and "两次" in findings[0].message


@pytest.mark.parametrize("index", range(23 * 7))
def test_any_table3_cell_changed_gives_one_finding_at_that_cell(index):
    text = seed()
    start, end, old = table3_cells(text)[index]
    changed = _replace_at(text, start, end, str(int(old) + 3))
    found = serious(changed)
    row, column = ROWS_2019[index // 7], COLUMNS[index % 7]
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert (f.code, f.severity) == ("AR605", Severity.ERROR)
    assert f.location.startswith(f"表三 第{index // 7 + 1}行「{row}") and f.location.endswith(f" {column}列")
    assert f"为 {int(old) + 3}" in f.message and f"若此处为 {old}" in f.message
    assert "总计列应等于六类申请人之和" in f.message  # the row relation, with both sums
    assert f.text == str(int(old) + 3)


@pytest.mark.parametrize("index", range(15))
def test_any_table4_cell_changed_gives_one_finding_for_its_group(index):
    text = seed()
    start, end, old = table4_cells(text)[index]
    found = serious(_replace_at(text, start, end, "2"))
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    group = GROUPS[index // 5]
    assert (f.code, f.severity, f.location) == ("AR607", Severity.ERROR, f"表四 {group}")
    parts, total = (2, 0) if index % 5 != 4 else (0, 2)
    assert f"结果维持+结果纠正+其他结果+尚未审结为 {parts}，总计为 {total}" in f.message


_TOTAL_SENTENCE = re.compile(r"共230条,主要有:.*?最新公开信息1条")


@pytest.mark.parametrize("nth", range(12))
def test_any_figure_of_the_prose_total_changed_gives_one_finding(nth):
    text = seed()
    sentence = _TOTAL_SENTENCE.search(text)
    figure = list(re.finditer(r"\d+", sentence.group()))[nth]
    start, end = sentence.start() + figure.start(), sentence.start() + figure.end()
    old = int(figure.group())
    changed = _replace_at(text, start, end, str(old + 1))
    found = serious(changed)
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    total, parts = (231, 230) if nth == 0 else (230, 231)
    assert (f.code, f.severity) == ("AR608", Severity.WARNING)
    assert f"所述总数为 {total}" in f.message and "之和（" in f.message and f"为 {parts}" in f.message
    assert f.text == str(total)  # the finding points at the stated total


@pytest.mark.parametrize("cell, problem", [("/", "填写为“/”"), ("无", "填写为“无”"), ("", "空白"), ("1.5", "不是整数"), ("-1", "负数")])
def test_a_cell_that_is_not_a_nonnegative_integer_is_reported(cell, problem):
    text = seed()
    start, end, _ = table3_cells(text)[3 * 7 + 2]  # （二）部分公开, 科研机构
    found = serious(_replace_at(text, start, end, cell))
    assert [(f.code, f.location) for f in found] == [("AR606", "表三 第4行「（二）部分公开」 科研机构列")]
    assert problem in found[0].message


@pytest.mark.parametrize("old, new, code, words", [
    ("一、总体情况 2019年,", "一、总体情况 2018年,", "AR611", "报告年度为2019年，总体情况却以“2018年”开头"),
    ("依申请公开方面。", "依申请公开方面。2018年全年未收到申请。", "AR611", "总体情况却以“2018年”开头"),
    ("依申请公开方面。", "依申请公开方面。全年共收到政府信息公开申请3件。", "AR610", "总体情况所述为 3，表三「一、本年新收」总计为 0"),
    ("依申请公开方面。", "依申请公开方面。本年发生行政复议1件。", "AR610", "总体情况所述为 1，表四 行政复议「总计」为 0"),
])
def test_prose_against_the_tables_and_the_year(old, new, code, words):
    text = seed()
    assert text.count(old) == 1
    found = serious(text.replace(old, new))
    assert [f.code for f in found] == [code]
    assert words in found[0].message


@pytest.mark.parametrize("old, new", [
    ("依申请公开方面。", "依申请公开方面。全年共收到政府信息公开申请0件。"),  # agrees with the table
    ("依申请公开方面。", "依申请公开方面。较2018年,公开数量有所增加。"),  # a comparison, not the period
    ("依申请公开方面。", "依申请公开方面。2018年以来,制度逐步健全。"),  # since 2018
    ("依申请公开方面。", "依申请公开方面。2018年12月印发了制度。"),  # a date
])
def test_agreeing_prose_is_not_reported(old, new):
    assert serious(seed().replace(old, new)) == []
