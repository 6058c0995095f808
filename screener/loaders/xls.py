"""Old Excel workbooks (.xls, BIFF8, and WPS .et files saved in that format),
read with xlrd.

xlrd (BSD) is the maintained reader of the BIFF format; since 2.0 it reads
nothing else, which is what is wanted here.  It gives every sheet with its
visibility (visible, hidden, very hidden), cell values with their types (so
a number is known to be a number), hidden rows and columns
(``formatting_info``), cell notes and defined names.  What it does not
parse is read from the records of the workbook stream xlrd has already
extracted (biff.py): page headers and footers, the string and number
constants inside formulas (a BIFF file stores formulas parsed, so their
text is not there, their literals are), and the pictures each sheet
anchors.  The OLE container itself (olefile) gives the embedded objects
(``MBD…`` storages) and the document properties (SummaryInformation and
DocumentSummaryInformation, ole_props.py).
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import olefile

from ..errors import InputError
from . import biff
from .ole_props import ole_properties
from .sheet_layout import (
    CellValue,
    Sheet,
    SheetDocument,
    Workbook,
    build_document,
    number_text,
    value_text,
)
from .xlsx_formulas import worth_screening

_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}
_HEADER_RECORDS = {biff.HEADER: "页眉", biff.FOOTER: "页脚"}
_CODES = re.compile(r'&(?:"[^"]*"|\d+|[LCRPNDTFAZGUEXYSBIK]|&)')


def read_workbook(data: bytes, path: str) -> Workbook:
    """The Workbook records of a BIFF .xls file."""
    import xlrd  # imported on first .xls

    try:
        bk = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True,
                                logfile=_Null(), verbosity=0)
    except MemoryError:
        raise
    except Exception as exc:  # xlrd's own errors, struct errors and worse on a broken file
        if "encrypted" in str(exc).lower():
            raise InputError(path, "表格设有打开密码（已加密），无法检查；请去除密码后另存为 .xlsx 再检查") from None
        raise InputError(path, "表格已损坏或不是有效的 .xls 文件，无法读取；请在 Excel 或 WPS 中打开后另存为 .xlsx") from None
    try:
        book = Workbook()
        extras = _sheet_records(bk)
        for index in range(bk.nsheets):
            sh = bk.sheet_by_index(index)
            book.sheets.append(_sheet(bk, sh, extras.get(index)))
        embedded, properties = _container(data)
        book.properties.extend(properties)
        # an embedded object is anchored by a picture OBJ of its own: count it once
        pictures = max(0, sum(extra.pictures for extra in extras.values()) - embedded)
        book.pictures = [f"图片{i}" for i in range(1, pictures + 1)] + [f"嵌入对象{i}" for i in range(1, embedded + 1)]
        for name in getattr(bk, "name_obj_list", ()):
            text = _name_text(name)
            if text and not name.name.startswith("_xlnm") and name.name not in ("Print_Area", "Print_Titles"):
                book.names.append((name.name, text))
        return book
    except (InputError, MemoryError):
        raise
    except Exception:
        raise InputError(path, "表格已损坏（工作表无法读取），请在 Excel 或 WPS 中打开后另存为 .xlsx") from None
    finally:
        bk.release_resources()


def _sheet(bk, sh, extra: biff.SheetRecords | None) -> Sheet:
    import xlrd

    sheet = Sheet(name=sh.name, state=_STATES.get(getattr(sh, "visibility", 0), "hidden"))
    for r in range(sh.nrows):
        for c in range(sh.ncols):
            kind = sh.cell_type(r, c)
            if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                continue
            value = sh.cell_value(r, c)
            if kind == xlrd.XL_CELL_DATE:
                try:
                    value = xlrd.xldate.xldate_as_datetime(value, bk.datemode)
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    pass
            elif kind == xlrd.XL_CELL_BOOLEAN:
                value = bool(value)
            elif kind == xlrd.XL_CELL_ERROR:
                value = xlrd.error_text_from_code.get(value, "#ERR")
            shown = value_text(value)
            if shown is not None:
                sheet.cells.append(CellValue(r, c, shown[0], kind == xlrd.XL_CELL_NUMBER))
    for r, info in getattr(sh, "rowinfo_map", {}).items():
        if getattr(info, "hidden", 0):
            sheet.hidden_rows.add(r)
    for c, info in getattr(sh, "colinfo_map", {}).items():
        if getattr(info, "hidden", 0):
            sheet.hidden_cols.add(c)
    for (r, c), note in sorted(getattr(sh, "cell_note_map", {}).items()):
        if note.text and note.text.strip():
            sheet.comments.append((r, c, note.text))
    if extra is not None:
        sheet.headers.extend((_HEADER_RECORDS[rid], text) for rid, text in extra.headers)
        sheet.formulas.extend((r, c, text) for r, c, found in extra.formulas if (text := _literals(found)))
    return sheet


def _literals(found: list[str | float]) -> str | None:
    """A formula's constants as screened text (``"张三 " "530427…"``), when
    they can carry a value; quotes keep two constants from reading as one number."""
    shown = " ".join(f'"{v}"' if isinstance(v, str) else number_text(v) for v in found
                     if isinstance(v, str) or abs(v) >= 1_000_000)
    return shown if shown and worth_screening(shown) else None


def _name_text(name) -> str | None:
    text = getattr(name, "formula_text", None)
    if text:
        return str(text)
    result = getattr(name, "result", None)
    value = getattr(result, "value", None) if result is not None else None
    if isinstance(value, (str, int, float)) and str(value):
        shown = value_text(value)
        return shown[0] if shown else None
    return None


def _sheet_records(bk) -> dict[int, biff.SheetRecords]:
    """Each sheet's headers, footers, formula constants and pictures, read
    from its BIFF substream; header and footer text loses its &-codes."""
    mem = getattr(bk, "mem", None)
    out: dict[int, biff.SheetRecords] = {}
    if not mem:
        return out
    for index, pos in enumerate(getattr(bk, "_sh_abs_posn", ())):
        found = biff.read_sheet(mem, pos)
        found.headers = [(rid, text) for rid, raw in found.headers
                         if (text := " ".join(p for p in _CODES.split(raw) if p.strip())).strip()]
        out[index] = found
    return out


class _Null:
    """xlrd writes warnings to a log file; a draft's problems are reported elsewhere."""

    def write(self, _text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def load_xls(path: Path, data: bytes, encoding: str | None = None) -> SheetDocument:
    return build_document(read_workbook(data, str(path)), str(path))


def _container(data: bytes) -> tuple[int, list[tuple[str, str]]]:
    """The embedded objects (``MBD…`` storages) and the document properties
    of the OLE file.  Damaged property streams leave the properties out (the
    cells are still screened)."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # xlrd has read the workbook stream; a container olefile refuses has no more to give
        return 0, []
    try:
        embedded = sum(1 for entry in ole.listdir(streams=False, storages=True)
                       if len(entry) == 1 and entry[0].upper().startswith("MBD"))
        return embedded, ole_properties(ole) or []
    finally:
        ole.close()
