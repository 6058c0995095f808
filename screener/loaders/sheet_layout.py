"""A workbook as detectors see it: one text, one line per row, every cell located.

Every spreadsheet reader (.xlsx, .xls, .ods, .csv) fills the same small
records (Workbook, Sheet, CellValue); this module lays them out as text.

Layout, per sheet (hidden and very hidden sheets included, and named so):

    工作表「花名册」
    序号 | 姓名 | 身份证号码 | 联系电话
    1 | 姓名：张三 | 身份证号码：530427… | 联系电话：138…

Cells of a row are separated by `` | ``.  Once a header row is found (the
first row of two or more short text cells naming a column such as 姓名,
身份证号码 or 联系电话), each later cell is written after its column's header
and a full-width colon.  That puts the header where a clerk sees it, right
before the number, so the context rules of detectors/context.py decide
ownership exactly as for a "key：value" line in a text draft: 身份证号码：
labels an ID, 姓名：张三 makes the row a person's record.  The header text
is layout only; findings are located by the cell's own text.

Comments (notes), links, formulas that carry literals (``公式 C5：=…``,
located ``工作表「X」 C5 公式``), headers and footers, defined names and
document properties follow, one per line, each with its own location.  A line break
inside a cell is written as a space so a row stays one record.

Every stretch of text that came from the file is a ``SheetPiece``: where a
person finds it (``工作表「花名册」 C5``, for the finding's location) and
where a redactor finds it (sheet index, cell reference, what part).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from ..document import Document, Segment
from ..masking import (
    guard as mask_numbers,  # the loader knows no detector: the guard masks any long number
)
from .notices import Notice

SEP = " | "
LABEL_SEP = "："
_HEADER_WORDS = re.compile(
    "姓名|名字|户主|身份证|证件|号码|电话|手机|联系|银行|账号|卡号|住址|地址|序号|编号|性别|"
    "年龄|出生|民族|单位|村|组|金额|人口|类别|备注|关系")
_LONG_DIGITS = re.compile(r"\d{7}")
_BREAKS = re.compile(r"\r\n|\r|\n")
_MAX_HEADER_SCAN = 10
_MAX_HEADER_LABEL = 12


@dataclass(slots=True)
class CellValue:
    """One non-empty cell: 0-based row and column, its shown text, and
    whether the file stores it as a number (a redactor must then turn it
    into a text cell)."""

    row: int
    col: int
    text: str
    numeric: bool = False


@dataclass(slots=True)
class Sheet:
    name: str
    state: str = "visible"  # "visible" | "hidden" | "veryHidden"
    cells: list[CellValue] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    comments: list[tuple[int, int, str]] = field(default_factory=list)  # row, col, text
    headers: list[tuple[str, str]] = field(default_factory=list)  # 页眉 / 页脚 label, text
    links: list[tuple[int, int, str]] = field(default_factory=list)  # row, col, hyperlink target
    formulas: list[tuple[int, int, str]] = field(default_factory=list)  # row, col, formula text or literals


@dataclass(slots=True)
class Workbook:
    sheets: list[Sheet] = field(default_factory=list)
    names: list[tuple[str, str]] = field(default_factory=list)  # defined name, its formula text
    properties: list[tuple[str, str]] = field(default_factory=list)  # 标题 / 作者 …, value
    pictures: list[str] = field(default_factory=list)  # 图片1, 嵌入对象1 …: what no detector reads (DX802)


@dataclass(frozen=True, slots=True)
class SheetPiece:
    """A stretch of the text and where it came from: ``part`` is "cell",
    "comment", "link", "formula", "header", "name" or "property"; ``sheet`` the sheet's index
    (-1 for workbook-level parts); ``ref`` the cell (C5) or the name."""

    start: int
    end: int
    part: str
    sheet: int
    ref: str
    numeric: bool = False


@dataclass(eq=False)
class SheetDocument(Document):
    """A spreadsheet's Document: ``pieces`` map the text back to cells."""

    pieces: tuple[SheetPiece, ...] = ()
    sheet_names: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = ()  # pictures and objects no detector can read (DX802)

    def pieces_for(self, start: int, end: int) -> list[SheetPiece]:
        return [p for p in self.pieces if p.start < end and p.end > start]


def column_letter(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        out = chr(65 + rem) + out
    return out


def cell_ref(row: int, col: int) -> str:
    return f"{column_letter(col)}{row + 1}"


def number_text(value: float | int) -> str:
    """A number as the sheet shows it, closely enough to screen: integers in
    full; a float of 10^15 or more (digits lost past the 15th) in Excel's
    scientific form with 15 significant digits, so ID106 sees what is left."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if abs(value) >= 1e15:
        mantissa, exponent = f"{value:.14E}".split("E")
        mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}E+{int(exponent)}" if int(exponent) >= 0 else f"{mantissa}E{int(exponent)}"
    return f"{value:.15g}"


def value_text(value: object) -> tuple[str, bool] | None:
    """A cell value's text and whether it is stored as a number; None for empty."""
    if value is None:
        return None
    if isinstance(value, (int, float)):
        return number_text(value), not isinstance(value, bool)
    if isinstance(value, _dt.datetime):
        return (value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")), False
    if isinstance(value, (_dt.date, _dt.time, _dt.timedelta)):
        return str(value), False
    text = str(value)
    return (text, False) if text else None


def _one_line(text: str) -> str:
    """Line breaks inside a cell become spaces of the same length."""
    if "\n" not in text and "\r" not in text:  # the usual cell: no regex call
        return text
    return _BREAKS.sub(lambda m: " " * len(m.group()), text)


def _header_row(rows: dict[int, list[CellValue]]) -> int | None:
    for n, row in enumerate(sorted(rows)):
        if n >= _MAX_HEADER_SCAN:
            return None
        cells = rows[row]
        if len(cells) < 2:
            continue
        if all(not c.numeric and len(c.text) <= 20 and not _LONG_DIGITS.search(c.text) for c in cells) \
                and sum(1 for c in cells if _HEADER_WORDS.search(c.text)) >= 1:
            return row
    return None


def sheet_label(sheet: Sheet) -> str:
    hidden = {"hidden": "（隐藏工作表）", "veryHidden": "（深度隐藏工作表）"}.get(sheet.state, "")
    # a sheet name is the file's content and can hold a number: locations are
    # shown in every output, so personal numbers in them are masked
    return f"工作表「{mask_numbers(sheet.name)}」{hidden}"


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.segments: list[Segment] = []
        self.pieces: list[SheetPiece] = []

    def plain(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def located(self, text: str, label: str, part: str, sheet: int, ref: str,
                numeric: bool = False) -> None:
        text = _one_line(text)
        start = self.pos
        self.plain(text)
        self.segments.append(Segment(start, self.pos, label))
        self.pieces.append(SheetPiece(start, self.pos, part, sheet, ref, numeric))


def _write_sheet(w: _Writer, index: int, sheet: Sheet) -> None:
    label = sheet_label(sheet)
    w.plain(f"工作表「{sheet.name}」\n")  # the name as written: screened like any text
    rows: dict[int, list[CellValue]] = {}
    for cell in sheet.cells:
        rows.setdefault(cell.row, []).append(cell)
    header_row = _header_row(rows)
    headers: dict[int, str] = {}
    if header_row is not None:
        headers = {c.col: _one_line(c.text).strip()[:_MAX_HEADER_LABEL] for c in rows[header_row]}
    for row in sorted(rows):
        cells = sorted(rows[row], key=lambda c: c.col)
        for i, cell in enumerate(cells):
            if i:
                w.plain(SEP)
            head = headers.get(cell.col) if header_row is not None and row > header_row else None
            if head:
                w.plain(head + LABEL_SEP)
            ref = cell_ref(cell.row, cell.col)
            where = f"{label} {ref}"
            marks = [m for m, on in (("隐藏行", row in sheet.hidden_rows), ("隐藏列", cell.col in sheet.hidden_cols)) if on]
            if marks:
                where += f"（{'、'.join(marks)}）"
            w.located(cell.text, where, "cell", index, ref, cell.numeric)
        w.plain("\n")
    for row, col, text in sheet.comments:
        ref = cell_ref(row, col)
        w.plain(f"批注 {ref}：")
        w.located(text, f"{label} {ref} 批注", "comment", index, ref)
        w.plain("\n")
    for row, col, text in sheet.links:
        ref = cell_ref(row, col)
        w.plain(f"链接 {ref}：")
        w.located(text, f"{label} {ref} 链接", "link", index, ref)
        w.plain("\n")
    for row, col, text in sheet.formulas:
        ref = cell_ref(row, col)
        w.plain(f"公式 {ref}：")
        w.located(text, f"{label} {ref} 公式", "formula", index, ref)
        w.plain("\n")
    for where, text in sheet.headers:
        w.plain(f"{where}：")
        w.located(text, f"{label} {where}", "header", index, where)
        w.plain("\n")
    w.plain("\n")


def build_document(book: Workbook, path: str) -> SheetDocument:
    """The SheetDocument of ``book`` read from ``path``."""
    w = _Writer()
    for index, sheet in enumerate(book.sheets):
        _write_sheet(w, index, sheet)
    for name, text in book.names:
        w.plain(f"名称「{name}」：")
        w.located(text, f"名称「{mask_numbers(name)}」", "name", -1, name)
        w.plain("\n")
    for label, text in book.properties:
        w.plain(f"文档属性（{label}）：")
        w.located(text, f"文档属性（{label}）", "property", -1, label)
        w.plain("\n")
    return SheetDocument("".join(w.parts).rstrip("\n") + "\n" if w.parts else "", path=path,
                         segments=tuple(w.segments), wrap_join=False, pieces=tuple(w.pieces),
                         sheet_names=tuple(s.name for s in book.sheets), notices=pictures_notice(book.pictures))


def pictures_notice(found: list[str]) -> tuple[Notice, ...]:
    """The DX802 notice naming a workbook's pictures and embedded objects
    (``found``: 图片1, 嵌入对象1 …): a scanned 花名册 pasted into a sheet leaks
    as surely as typed cells, and no detector reads it."""
    if not found:
        return ()
    shown = "、".join(found[:10]) + (f" 等 {len(found)} 个" if len(found) > 10 else "")
    return (Notice(kind="unchecked", code="DX802", message=f"图片中的文字无法检查：{shown}",
                   suggestion="请人工核对表格中的图片和嵌入对象（扫描件、截图中的身份证号、手机号同样会泄露）"),)
