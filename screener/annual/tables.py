"""Finding an annual report's sections and reading its tables 三 and 四.

Works on the Document's normalised text (full-width digits folded, a line
break inside a CJK word dropped); every span is in that text.  A row whose
stretch runs to the end of the text (a cut-off copy) is left unread rather
than guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cells import Cell, read_cells
from .labels import (
    COLUMNS,
    MARKERS_2019,
    MARKERS_2021,
    REVIEW_HEADER,
    ROWS_2019,
    ROWS_2021,
    SECTIONS,
    TITLE,
    RowSpec,
)


@dataclass(frozen=True, slots=True)
class Row:
    """A table-三 row as read: its number among value rows (1-based), its
    template label, where the label was found, and its cells (7 when read)."""

    number: int
    spec: RowSpec
    start: int
    end: int
    cells: tuple[Cell, ...]
    complete: bool  # False when the text stops inside the row


@dataclass
class Table3:
    layout: str  # "2019" | "2021" (its （六） rows)
    rows: dict[str, Row] = field(default_factory=dict)
    all_labels: bool = False  # every template row label was found


@dataclass
class Table4:
    cells: tuple[Cell, ...]
    start: int


_FIRST_VALUE = re.compile(r"(?<![\d.])\d")


def find_sections(text: str) -> dict[str, tuple[int, int]]:
    """Each section heading found, in order: key -> (heading start, heading end).

    A heading is searched for after the previous one, so "一、总体情况" quoted
    in a sentence before the report proper cannot shadow a later one."""
    found: dict[str, tuple[int, int]] = {}
    pos = 0
    for key, _label, pattern in SECTIONS:
        m = pattern.search(text, pos)
        if m:
            found[key] = (m.start(), m.end())
            pos = m.end()
    return found


def is_annual_report(text: str, sections: dict[str, tuple[int, int]]) -> bool:
    """A 政府信息公开工作年度报告: four of the six section headings; or the
    heading of section 三 (found in no other kind of document) and two more;
    or the title and two headings; or the title in the first lines and one.
    A notice that merely mentions annual reports has none of these."""
    if len(sections) >= 4 or ("s3" in sections and len(sections) >= 3):
        return True
    title = TITLE.search(text)
    if title is None:
        return False
    return len(sections) >= 2 or (len(sections) == 1 and title.start() < 300)


def section_span(text: str, sections: dict[str, tuple[int, int]], key: str) -> tuple[int, int] | None:
    """From the end of heading ``key`` to the next heading found (or the end)."""
    if key not in sections:
        return None
    start = sections[key][1]
    later = [s for k, (s, _e) in sections.items() if s > start]
    return start, min(later, default=len(text))


def table_layout(text: str, start: int, end: int) -> str | None:
    """"2021" when the 2021 template's words are there, "2019" when only the
    trial template's are, None when neither."""
    segment = text[start:end]
    if MARKERS_2021.search(segment):
        return "2021"
    if MARKERS_2019.search(segment):
        return "2019"
    return None


def read_table3(text: str, start: int, end: int, plain: bool = False) -> Table3:
    """Table 三 between ``start`` and ``end`` (section 三's body); ``plain``
    as for read_cells()."""
    layout = "2021" if re.search(r"申请人无正当理由逾期不补正", text[start:end]) else "2019"
    specs = ROWS_2021 if layout == "2021" else ROWS_2019
    found: list[tuple[RowSpec, re.Match[str]]] = []
    pos = start
    for spec in specs:
        m = spec.pattern.search(text, pos, end)
        if m:
            found.append((spec, m))
            pos = m.end()
    table = Table3(layout=layout, all_labels=len(found) == len(specs))
    number = 0
    value_numbers = {s.key: i for i, s in enumerate((s for s in specs if s.values), 1)}
    for i, (spec, m) in enumerate(found):
        if not spec.values:
            continue
        number = value_numbers[spec.key]
        stop = found[i + 1][1].start() if i + 1 < len(found) else end
        cells = read_cells(text, m.end(), stop, len(COLUMNS), plain)
        complete = stop < len(text) or len(cells) >= len(COLUMNS)
        table.rows[spec.key] = Row(number, spec, m.start(), m.end(), tuple(cells[: len(COLUMNS) + 1]), complete)
    return table


def _headers_before_values(text: str, start: int, end: int) -> tuple[re.Match[str], re.Match[str] | None] | None:
    """The last header word of table 四 before its first value, and that
    value; when there is no value, the last header word and None; None
    when there is no header word.  The header words are read only up to the
    first value: past it (the rest of the section, pages long when the next
    heading is far) none can end before it."""
    headers = REVIEW_HEADER.finditer(text, start, end)
    first = next(headers, None)
    if first is None:
        return None
    first_value = _FIRST_VALUE.search(text, first.end(), end)
    last = first
    for h in headers:
        if first_value is not None and h.end() > first_value.start():
            break  # matches do not overlap: every later one ends later still
        last = h
    return last, first_value


def read_table4(text: str, start: int, end: int, plain: bool = False) -> Table4 | None:
    """Table 四's 15 value cells, read after its last header word; ``plain``
    reads every header word of the section first and the cells as
    read_cells() does with ``plain`` (tests/test_text_scans.py compares)."""
    if plain:
        headers = list(REVIEW_HEADER.finditer(text, start, end))
        if not headers:
            return None
        first_value = _FIRST_VALUE.search(text, headers[0].end(), end)
        last = headers[-1] if first_value is None else [h for h in headers if h.end() <= first_value.start()][-1]
    else:
        found = _headers_before_values(text, start, end)
        if found is None:
            return None
        last, first_value = found
    if first_value is None:
        return Table4(cells=(), start=last.end())
    value_start = last.end()
    line_end = text.find("\n", value_start, first_value.start())
    if line_end != -1 and not text[value_start:line_end].strip(" \t|｜"):
        value_start = line_end + 1  # the header row's blank trailing cells are not values
    cells = read_cells(text, value_start, end, 15, plain)
    return Table4(cells=tuple(cells[:16]), start=value_start)
