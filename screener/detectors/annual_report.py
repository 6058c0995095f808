"""政府信息公开工作年度报告: the template's 勾稽关系 and the report's own totals.

Runs only on a draft recognised as an annual report (screener/annual/tables.py).
Table relations are errors (domain notes §8: "hard errors"); prose-versus-table,
cross-year and year checks are warnings; a list naming an item twice is info.
Each finding's ``location`` names table, row and column; its message gives the
relation broken and the numbers on both sides.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..annual.cells import Cell
from ..annual.crosscheck import overview_equations, previous_equations, total_equations
from ..annual.labels import COLUMNS
from ..annual.prose import opening_years, periods, repeated_items
from ..annual.relations import Break, check
from ..annual.report import (
    AnnualReport,
    cell_where3,
    cell_where4,
    read_report,
    table_equations,
)
from ..config import Config
from ..document import Document
from ..model import Explanation, Finding, Severity
from .annual_rules import CELL, FORMAT, KIND, NOT_INTEGER, REPEAT, RULES, UNREAD, YEAR
from .base import Rule, make_finding

KINDS = (KIND,)
__all__ = ["KINDS", "RULES", "detect", "findings"]

_BY_CODE = {r.code: r for r in RULES}


def _finding(doc: Document, rule: Rule, start: int, end: int, where: str | None, message: str,
             severity: Severity | None = None, suggestion: str | None = None) -> Finding:
    s, e = doc.span_to_original(start, end)
    f = make_finding(doc, rule, s, e, message=message, severity=severity, suggestion=suggestion,
                     explanation=Explanation(rule=f"{rule.code} {rule.title}"))
    if where:
        loaded = f.location
        f = replace(f, location=f"{where}（{loaded}）" if loaded else where)
    return f


def _break_finding(doc: Document, b: Break) -> Finding:
    if b.culprit is not None:
        q = b.culprit
        rule = _BY_CODE[b.equations[0].code] if len(b.equations) == 1 else CELL
        relations = "；".join(e.describe() for e in b.equations)
        message = (f"此处为 {q.value}，与{len(b.equations)}项关系不符：{relations}。"
                   f"若此处为 {b.mended}，各项关系均成立")
        return _finding(doc, rule, *q.span, q.where, message,
                        severity=max(e.severity for e in b.equations), suggestion=f"核对此处，应为 {b.mended}？")
    eq = b.equations[0]
    message = f"{eq.describe()}，相差 {abs(eq.residual)}"
    return _finding(doc, _BY_CODE[eq.code], *eq.anchor.span, eq.where, message)


def _cell_findings(doc: Document, report: AnnualReport) -> Iterator[Finding]:
    t3 = report.table3
    blanks: list[tuple[Cell, str]] = []
    if t3 is not None:
        rows = list(t3.rows.values())
        if t3.all_labels and rows and all(not r.cells for r in rows):
            s, e = report.sections["s3"]
            yield _finding(doc, NOT_INTEGER, s, e, "表三", "表三各行均未填写数字（应如实填写，没有的填 0）")
        for row in rows:
            if not row.complete or not row.cells:
                continue
            if len(row.cells) != len(COLUMNS):
                yield _finding(doc, UNREAD, row.start, row.end, f"表三 第{row.number}行「{row.spec.label}」",
                               f"表三 第{row.number}行读到 {len(row.cells)} 个数，应为 {len(COLUMNS)} 个，本行未核对")
                continue
            cells = [(cell, cell_where3(row, c)) for c, cell in enumerate(row.cells)]
            blanks += [(cell, where) for cell, where in cells if not cell.raw]
            yield from (_not_integer(doc, cell, where) for cell, where in cells if cell.raw and cell.problem)
    yield from _blank_cells(doc, "表三", blanks)
    t4 = report.table4
    if t4 is not None and "s5" in report.sections:
        if not t4.cells:
            s, e = report.sections["s4"]
            yield _finding(doc, NOT_INTEGER, s, e, "表四", "表四未填写数字（应如实填写，没有的填 0）")
        elif len(t4.cells) != 15:
            yield _finding(doc, UNREAD, t4.cells[0].start, t4.cells[-1].end, "表四",
                           f"表四读到 {len(t4.cells)} 个数，应为 15 个，未核对")
        else:
            cells = [(cell, cell_where4(i)) for i, cell in enumerate(t4.cells)]
            yield from (_not_integer(doc, cell, where) for cell, where in cells if cell.raw and cell.problem)
            yield from _blank_cells(doc, "表四", [(cell, where) for cell, where in cells if not cell.raw])


def _not_integer(doc: Document, cell: Cell, where: str) -> Finding:
    return _finding(doc, NOT_INTEGER, cell.start, cell.end, where,
                    f"{where} {cell.problem}，应填写非负整数（没有的填 0）；本格所在的关系未核对")


def _blank_cells(doc: Document, table: str, blanks: list[tuple[Cell, str]]) -> Iterator[Finding]:
    """Blank cells, once per table: a report that leaves every 0 blank has
    dozens, and one finding says it (they are checked as 0)."""
    if not blanks:
        return
    first, where = blanks[0]
    start = first.start
    end = min(start + 1, len(doc.normalized))
    shown = "、".join(w.removeprefix(f"{table} ") for _, w in blanks[:3]) + ("等" if len(blanks) > 3 else "")
    yield _finding(doc, NOT_INTEGER, start, end, where if len(blanks) == 1 else f"{table}（{len(blanks)} 格）",
                   f"{table}有 {len(blanks)} 格空白（{shown}），已按 0 核对；应填写 0")


def _year_findings(doc: Document, report: AnnualReport) -> Iterator[Finding]:
    year = report.year
    if year is None:
        return
    y = year.value
    if y >= 2021 and report.layout == "2019" and report.layout_at:
        s, e = report.layout_at
        yield _finding(doc, FORMAT, s, e, "表二",
                       f"本报告为{y}年度，表二仍用2019年试行格式（国办公开办函〔2019〕60号），"
                       "2021年度起应使用国办公开办函〔2021〕30号 格式")
    t3 = report.table3
    if y >= 2021 and report.layout != "2019" and t3 is not None and t3.all_labels and t3.layout == "2019":
        row = t3.rows.get("r6")
        if row is not None:
            yield _finding(doc, FORMAT, row.start, row.end, f"表三 第{row.number}行「（六）其他处理」",
                           f"本报告为{y}年度，表三“（六）其他处理”仍为一行（2019年试行格式），"
                           "国办公开办函〔2021〕30号 格式分为三项")
    head_end = report.sections.get("s2", (len(report.text), 0))[0]
    for p in periods(report.text, 0, head_end):
        years = [p.start_year] + ([p.end_year] if p.end_year else [])
        wrong = [f for f in years if f.value != y]
        if wrong:
            yield _finding(doc, YEAR, wrong[0].start, wrong[0].end, "统计期限",
                           f"报告年度为{y}年，统计期限却写{wrong[0].value}年")
        elif (p.month, p.day) != (12, 31):
            yield _finding(doc, YEAR, p.start, p.end, "统计期限",
                           f"统计期限止于{p.month}月{p.day}日，年度报告应报告到12月31日")
    s1 = report.span("s1")
    if s1:
        for f in opening_years(report.text, *s1):
            if f.value != y and f.value < y:
                yield _finding(doc, YEAR, f.start, f.end, "一、总体情况",
                               f"报告年度为{y}年，总体情况却以“{f.value}年”开头叙述")


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    return findings(doc, config)


def findings(doc: Document, config: Config, plain: bool = False) -> Iterator[Finding]:
    """detect(); ``plain`` reads the tables and the stated totals the plain
    way (read_cells(), stated_totals())."""
    report = read_report(doc.normalized, plain)
    if report is None:
        return
    yield from _year_findings(doc, report)
    yield from _cell_findings(doc, report)
    equations = (table_equations(report) + total_equations(report, plain) + overview_equations(report)
                 + previous_equations(report, config.annual_previous))
    for b in check(equations):
        yield _break_finding(doc, b)
    for start, end in report.prose_spans():
        for item, _first, second in repeated_items(report.text, start, end):
            yield _finding(doc, REPEAT, second.start, second.end, "正文", f"列举中“{item}”出现两次")
