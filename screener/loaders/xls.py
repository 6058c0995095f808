"""Old Excel workbooks (.xls, BIFF8, and WPS .et files saved in that format),
read with xlrd.

xlrd (BSD) is the maintained reader of the BIFF format; since 2.0 it reads
nothing else, which is what is wanted here.  It gives every sheet with its
visibility (visible, hidden, very hidden), cell values with their types (so
a number is known to be a number), hidden rows and columns
(``formatting_info``), cell notes and defined names.  It does not parse
page headers and footers, so this module walks each sheet's HEADER/FOOTER
records (0x0014 / 0x0015, an XLUnicodeString each) in the workbook stream
that xlrd has already extracted from the OLE file.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

from ..errors import InputError
from .sheet_layout import (
    CellValue,
    Sheet,
    SheetDocument,
    Workbook,
    build_document,
    value_text,
)

_STATES = {0: "visible", 1: "hidden", 2: "veryHidden"}
_HEADER_RECORDS = {0x0014: "页眉", 0x0015: "页脚"}
_EOF = 0x000A
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
        headers = _headers(bk)
        for index in range(bk.nsheets):
            sh = bk.sheet_by_index(index)
            book.sheets.append(_sheet(bk, sh, headers.get(index, [])))
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


def _sheet(bk, sh, headers: list[tuple[str, str]]) -> Sheet:
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
    sheet.headers.extend(headers)
    return sheet


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


def _headers(bk) -> dict[int, list[tuple[str, str]]]:
    """Each sheet's page header and footer, read from its BIFF substream."""
    mem = getattr(bk, "mem", None)
    out: dict[int, list[tuple[str, str]]] = {}
    if not mem:
        return out
    for index, pos in enumerate(getattr(bk, "_sh_abs_posn", ())):
        found: list[tuple[str, str]] = []
        while 0 <= pos <= len(mem) - 4:
            rid, size = struct.unpack_from("<HH", mem, pos)
            body = mem[pos + 4: pos + 4 + size]
            pos += 4 + size
            if rid == _EOF:
                break
            if rid in _HEADER_RECORDS and size >= 3:
                text = _unicode_string(body)
                if text and text.strip():
                    found.append((_HEADER_RECORDS[rid], text))
        if found:
            out[index] = found
    return out


def _unicode_string(body: bytes) -> str:
    """An XLUnicodeString (cch, flags, characters), with the &-codes that
    set fonts and fields removed and the &L/&C/&R sections joined by spaces."""
    cch, flags = struct.unpack_from("<HB", body, 0)
    raw = body[3:]
    text = raw[:2 * cch].decode("utf-16-le", "replace") if flags & 1 else raw[:cch].decode("latin-1")
    return " ".join(p for p in _CODES.split(text) if p.strip())


class _Null:
    """xlrd writes warnings to a log file; a draft's problems are reported elsewhere."""

    def write(self, _text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def load_xls(path: Path, data: bytes, encoding: str | None = None) -> SheetDocument:
    return build_document(read_workbook(data, str(path)), str(path))
