"""An annual report as read from a Document's text, and the relations its
figures must satisfy (国办公开办函〔2019〕60号 / 〔2021〕30号 template).

``read_report`` returns None for a text that is not an annual report, so
nothing here runs on other drafts.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Severity
from .cells import Cell
from .labels import (
    APPLICANTS,
    COLUMNS,
    MARKERS_2019,
    RESULT_KEYS_2019,
    RESULT_KEYS_2021,
    REVIEW_COLUMNS,
    REVIEW_GROUPS,
    TOTAL,
)
from .prose import Figure, periods, title_year
from .relations import Equation, Quantity
from .tables import (
    Row,
    Table3,
    Table4,
    find_sections,
    is_annual_report,
    read_table3,
    read_table4,
    section_span,
    table_layout,
)

# A year the text speaks of, not one inside a 文号 (〔2019〕66号) or a quoted title.
_YEAR = re.compile(r"(?<![〔\[［(（\d])((?:19|20)\d\d)\s*年(?!\s*[〕\]］])")


@dataclass
class AnnualReport:
    text: str
    sections: dict[str, tuple[int, int]]
    year: Figure | None
    year_source: str  # "title" | "period" | "mentions" | ""
    layout: str | None  # of table 二 (or 三): "2019" | "2021"
    layout_at: tuple[int, int] | None
    table3: Table3 | None
    table4: Table4 | None
    cells3: dict[tuple[str, int], Quantity] = field(default_factory=dict)
    cells4: dict[int, Quantity] = field(default_factory=dict)

    def span(self, key: str) -> tuple[int, int] | None:
        return section_span(self.text, self.sections, key)

    def prose_spans(self) -> list[tuple[int, int]]:
        """The text outside tables 二–四: the preamble, 总体情况, 五 and 六."""
        text, s = self.text, self.sections
        tables = [k for k in ("s2", "s3", "s4") if k in s]
        if not tables:
            return [(0, len(text))]
        spans = [(0, s[tables[0]][0])]
        if "s5" in s:
            spans.append((s["s5"][0], len(text)))
        return spans


def _report_year(text: str, sections: dict[str, tuple[int, int]]) -> tuple[Figure | None, str]:
    year = title_year(text)
    if year:
        return year, "title"
    head_end = sections.get("s2", (len(text), 0))[0]
    found = periods(text, 0, head_end)
    if found:
        return found[0].start_year, "period"
    s1 = section_span(text, sections, "s1")
    if s1:
        mentioned = [Figure(int(m.group(1)), m.start(1), m.end(1)) for m in _YEAR.finditer(text, *s1)]
        if mentioned:
            counts = Counter(y.value for y in mentioned)
            best = max(counts.values())
            year = next(y for y in mentioned if counts[y.value] == best)  # the first of the most named
            return year, "mentions"
    return None, ""


def read_report(text: str, plain: bool = False) -> AnnualReport | None:
    """The report in ``text`` (a Document's normalised text), or None;
    ``plain`` reads the tables as read_cells() does with it."""
    if "政府信息" not in text and "政府資訊" not in text:
        return None
    sections = find_sections(text)
    if not is_annual_report(text, sections):
        return None
    year, source = _report_year(text, sections)
    layout, layout_at = None, None
    s2 = section_span(text, sections, "s2")
    if s2:
        layout = table_layout(text, *s2)
    s3 = section_span(text, sections, "s3")
    table3 = read_table3(text, *s3, plain=plain) if s3 else None
    if layout is None and table3 is not None and table3.all_labels:
        layout = table3.layout
    if layout == "2019" and s2:
        m = MARKERS_2019.search(text, *s2)
        layout_at = m.span() if m else None
    s4 = section_span(text, sections, "s4")
    table4 = read_table4(text, *s4, plain=plain) if s4 else None
    report = AnnualReport(text, sections, year, source, layout, layout_at, table3, table4)
    _collect_cells(report)
    return report


def cell_where3(row: Row, column: int) -> str:
    return f"表三 第{row.number}行「{row.spec.label}」 {COLUMNS[column]}列"


def cell_where4(index: int) -> str:
    return f"表四 {REVIEW_GROUPS[index // 5]}「{REVIEW_COLUMNS[index % 5]}」列"


def complete_rows(table: Table3) -> list[Row]:
    return [r for r in table.rows.values() if r.complete and len(r.cells) == len(COLUMNS)]


def _quantity(cell: Cell, where: str) -> Quantity | None:
    """A cell's figure; a blank cell counts as 0 (domain notes §7.3: offices
    often leave blank where 0 is meant, so the relations are still checked
    and the blanks reported once), "/" or text as no figure."""
    if not cell.raw:
        return Quantity(0, where, cell.start, cell.end)
    value = cell.value
    return None if value is None else Quantity(value, where, cell.start, cell.end)


def _collect_cells(report: AnnualReport) -> None:
    if report.table3:
        for row in complete_rows(report.table3):
            for c, cell in enumerate(row.cells):
                q = _quantity(cell, cell_where3(row, c))
                if q is not None:
                    report.cells3[(row.spec.key, c)] = q
    t4 = report.table4
    if t4 and len(t4.cells) == 15:
        for i, cell in enumerate(t4.cells):
            q = _quantity(cell, cell_where4(i))
            if q is not None:
                report.cells4[i] = q


def _present(found: list[Quantity | None]) -> tuple[Quantity, ...] | None:
    """All of ``found``, or None when a cell is missing or not an integer
    (that cell is reported by itself; its relations are not checked)."""
    return None if any(q is None for q in found) else tuple(q for q in found if q is not None)


def table_equations(report: AnnualReport) -> list[Equation]:
    """Relations 1–3 of domain notes §7.3 (table 三) and the table-四 sums."""
    eqs: list[Equation] = []
    cells = report.cells3
    table = report.table3
    if table:
        for row in complete_rows(table):
            key = row.spec.key
            figures = _present([cells.get((key, c)) for c in range(len(APPLICANTS) + 1)])
            if figures is None:
                continue
            label = Quantity(0, "", row.start, row.end)
            eqs.append(Equation(
                "AR604", Severity.ERROR, "总计列应等于六类申请人之和", (figures[TOTAL],), figures[:TOTAL],
                "总计", "自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他", label,
                f"表三 第{row.number}行「{row.spec.label}」"))
        results = RESULT_KEYS_2021 if table.layout == "2021" else RESULT_KEYS_2019
        for c, column in enumerate(COLUMNS):
            four = _present([cells.get((k, c)) for k in ("new", "carried", "r7", "forward")])
            if four is not None:
                eqs.append(Equation(
                    "AR602", Severity.ERROR, "本列勾稽关系为第一项加第二项之和等于第三项加第四项之和",
                    four[:2], four[2:], "一、本年新收+二、上年结转", "三（七）总计+四、结转下年度继续办理",
                    four[3], f"表三 {column}列"))
            parts = _present([cells.get((k, c)) for k in ("r7",) + results])
            if parts is not None:
                eqs.append(Equation(
                    "AR603", Severity.ERROR, "（七）总计应等于各项办理结果之和", parts[:1], parts[1:],
                    "（七）总计", f"（一）至（六）{len(parts) - 1}项之和", parts[0], f"表三 {column}列"))
    for g, group in enumerate(REVIEW_GROUPS):
        five = _present([report.cells4.get(g * 5 + i) for i in range(5)])
        if five is not None:
            eqs.append(Equation(
                "AR607", Severity.ERROR, f"{group}：结果维持+结果纠正+其他结果+尚未审结应等于总计",
                five[:4], five[4:], "结果维持+结果纠正+其他结果+尚未审结", "总计", five[4], f"表四 {group}"))
    return eqs
