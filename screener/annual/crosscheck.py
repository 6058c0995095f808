"""Relations between the prose and the tables, and with last year's report.

- a stated total and its parts (domain notes §7.3 "Text vs table" practice);
- the figures 总体情况 quotes (新收、上年结转、结转下年度、行政复议、行政诉讼)
  against tables 三 and 四 (domain-next §5.3 check 6, §5.4);
- this year's 二、上年结转 against last year's 四、结转下年度继续办理
  (domain-next §5.3 check 5; not printed in the template, so a warning).
"""
from __future__ import annotations

from ..model import Severity
from .labels import COLUMNS, TOTAL
from .prose import overview_figures, stated_totals
from .relations import Equation, Quantity
from .report import AnnualReport

_TABLE_FOR = {
    "new": ("本年新收申请", ("new",), "表三「一、本年新收」总计"),
    "carried": ("上年结转申请", ("carried",), "表三「二、上年结转」总计"),
    "forward": ("结转下年度", ("forward",), "表三「四、结转下年度继续办理」总计"),
}


def total_equations(report: AnnualReport, plain: bool = False) -> list[Equation]:
    """A stated total against its parts (``plain``: as stated_totals())."""
    eqs: list[Equation] = []
    for start, end in report.prose_spans():
        for stated in stated_totals(report.text, start, end, plain):
            total = Quantity(stated.total.value, f"正文所述总数“共{stated.total.value}”",
                             stated.total.start, stated.total.end)
            parts = tuple(Quantity(p.value, f"正文分项“{p.name}{p.value}”", p.start, p.end) for p in stated.parts)
            if not stated.complete and sum(p.value for p in parts) <= total.value:
                continue  # 其中 / 主要有 may name only some parts
            eqs.append(Equation(
                "AR608", Severity.WARNING, "正文所述总数应等于所列分项之和", (total,), parts,
                "所述总数", f"所列{len(parts)}项之和（{'+'.join(str(p.value) for p in parts)}）", total,
                "正文"))
    return eqs


def overview_equations(report: AnnualReport) -> list[Equation]:
    s1 = report.span("s1")
    if s1 is None:
        return []
    eqs: list[Equation] = []
    for key, figure in overview_figures(report.text, *s1):
        prose = Quantity(figure.value, f"总体情况“{figure.name}”", figure.start, figure.end)
        if key in _TABLE_FOR:
            what, rows, where = _TABLE_FOR[key]
            cell = report.cells3.get((rows[0], TOTAL))
            if cell is None:
                continue
            cells: tuple[Quantity, ...] = (cell,)
        elif key == "review":
            what, where = "行政复议", "表四 行政复议「总计」"
            if 4 not in report.cells4:
                continue
            cells = (report.cells4[4],)
        else:
            what, where = "行政诉讼", "表四 行政诉讼两组「总计」之和"
            if 9 not in report.cells4 or 14 not in report.cells4:
                continue
            cells = (report.cells4[9], report.cells4[14])
        eqs.append(Equation(
            "AR610", Severity.WARNING, f"总体情况所述{what}数应与表格一致", (prose,), cells,
            "总体情况所述", where, prose, "一、总体情况"))
    return eqs


def previous_equations(report: AnnualReport, previous: tuple[int, ...] | None) -> list[Equation]:
    if not previous or len(previous) != len(COLUMNS):
        return []
    eqs: list[Equation] = []
    for c, column in enumerate(COLUMNS):
        cell = report.cells3.get(("carried", c))
        if cell is None:
            continue
        last = Quantity(previous[c], f"上年报告表三「四、结转下年度继续办理」{column}列")
        eqs.append(Equation(
            "AR612", Severity.WARNING, "本年“二、上年结转”应等于上年报告“四、结转下年度继续办理”",
            (cell,), (last,), "本年上年结转", "上年报告结转下年度", cell, cell.where))
    return eqs
