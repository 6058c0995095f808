"""Excel workbooks in Office Open XML (.xlsx, .xlsm, and WPS .et saved as OOXML),
read with openpyxl.

openpyxl (MIT) is the one maintained pure-Python reader that exposes what a
review must see besides cell values: each sheet's state (visible, hidden,
very hidden), hidden rows and columns, cell comments, headers and footers,
defined names, hyperlinks and the document properties.  The package is
checked first with the bounded zip reader (member count, declared sizes,
compression ratio) and every XML part is refused if it declares a DOCTYPE
(Excel never writes one; entity bombs and external entities need one), so
openpyxl only ever parses a package that passed those checks.

Cached formula results are read (what a reader of the published file sees),
and so are the formulas' own text where it carries literals
(xlsx_formulas.py); the redacted copy masks any verbatim copy of a number
anywhere in the package, formulas included (redact/xlsx.py).
"""
from __future__ import annotations

import dataclasses
import io
import warnings
import zipfile
from pathlib import Path

from ..errors import InputError
from ..ocr.parts import read_pictures
from .notices import Notice
from .sheet_layout import (
    CellValue,
    Sheet,
    SheetDocument,
    Workbook,
    build_document,
    value_text,
)
from .xlsx_formulas import read_formulas
from .zipsafe import open_zip, read_member

WHAT = " Excel 表格"
_HEADER_PARTS = (
    ("oddHeader", "页眉"), ("oddFooter", "页脚"), ("evenHeader", "偶数页页眉"),
    ("evenFooter", "偶数页页脚"), ("firstHeader", "首页页眉"), ("firstFooter", "首页页脚"),
)
_PROPERTIES = (
    ("title", "标题"), ("subject", "主题"), ("creator", "作者"), ("keywords", "关键词"),
    ("description", "备注"), ("lastModifiedBy", "最后修改者"), ("category", "类别"),
)


def check_package(data: bytes, path: str) -> zipfile.ZipFile:
    """The package's zip after the bomb, DOCTYPE and "is it a workbook" checks."""
    zf = open_zip(data, path, WHAT)
    names = set(zf.namelist())
    if "xl/workbook.xml" not in names and not any(n.startswith("xl/") for n in names):
        if "word/document.xml" in names:
            raise InputError(path, "实际是 Word 文档（.docx），只是扩展名是表格；请改回 .docx 后再检查")
        raise InputError(path, "不是有效的 Excel 表格（压缩包中没有工作簿），请在 Excel 或 WPS 中另存为 .xlsx 后再检查")
    for info in zf.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")):
            part = read_member(zf, info, path, WHAT)
            if b"<!DOCTYPE" in part or b"<!doctype" in part or b"<\x00!\x00D\x00O\x00C" in part:
                raise InputError(path, f"表格含有不允许的 XML 文档类型声明（{info.filename}），已拒绝读取")
    return zf


def read_workbook(data: bytes, path: str) -> Workbook:
    """The Workbook records of an OOXML spreadsheet."""
    import openpyxl  # imported on first spreadsheet: a text draft does not pay its start-up

    zf = check_package(data, path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "unknown extension", "no default style": not the reader's business
            wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True,
                                        keep_links=False, keep_vba=False, rich_text=False)
    except InputError:
        raise
    except MemoryError:
        raise
    except Exception:  # openpyxl raises many types on a broken part; the message never quotes the file
        raise InputError(path, "表格已损坏或结构无效，无法读取；请在 Excel 或 WPS 中打开后重新另存为 .xlsx") from None
    book = Workbook()
    formulas = read_formulas(zf, path, WHAT)  # the literals formulas publish
    for ws in wb.worksheets:
        book.sheets.append(_sheet(ws))
        book.sheets[-1].formulas = formulas.get(ws.title, [])
    for ws in getattr(wb, "chartsheets", ()):
        book.sheets.append(Sheet(name=ws.title, state=getattr(ws, "sheet_state", "visible")))
    for name, defined in wb.defined_names.items():
        _add_name(book, name, defined)
    for ws in wb.worksheets:
        for name, defined in getattr(ws, "defined_names", {}).items():
            if not name.startswith("_xlnm."):
                _add_name(book, f"{ws.title}!{name}", defined)
    for attr, label in _PROPERTIES:
        value = getattr(wb.properties, attr, None)
        if isinstance(value, str) and value.strip():
            book.properties.append((label, value))
    for prop in getattr(wb, "custom_doc_props", ()) or ():
        value = getattr(prop, "value", None)
        if value is not None and str(value).strip():
            book.properties.append((f"自定义：{prop.name}", str(value)))
    return book


def _add_name(book: Workbook, name: str, defined) -> None:
    text = getattr(defined, "attr_text", None) or getattr(defined, "value", None)
    if name.startswith("_xlnm."):  # print areas and titles: cell ranges, nothing to publish
        return
    if text:
        book.names.append((name, str(text)))


def _sheet(ws) -> Sheet:
    sheet = Sheet(name=ws.title, state=ws.sheet_state or "visible")
    cells = getattr(ws, "_cells", None)
    items = cells.values() if isinstance(cells, dict) else (c for row in ws.iter_rows() for c in row)
    for cell in sorted(items, key=lambda c: (c.row, c.column)):
        shown = value_text(cell.value)
        if shown is not None:
            sheet.cells.append(CellValue(cell.row - 1, cell.column - 1, shown[0],
                                         shown[1] and cell.data_type == "n"))
        comment = cell.comment
        if comment is not None and comment.text and comment.text.strip():
            sheet.comments.append((cell.row - 1, cell.column - 1, comment.text))
        link = cell.hyperlink
        if link is not None and getattr(link, "target", None):
            sheet.links.append((cell.row - 1, cell.column - 1, str(link.target)))
    for index, dim in ws.row_dimensions.items():
        if dim.hidden:
            sheet.hidden_rows.add(index - 1)
    for dim in ws.column_dimensions.values():
        if dim.hidden and dim.min:
            sheet.hidden_cols.update(range(dim.min - 1, (dim.max or dim.min)))
    for attr, label in _HEADER_PARTS:
        part = getattr(ws, attr, None)
        if part is None:
            continue
        texts = [getattr(getattr(part, side, None), "text", None) for side in ("left", "center", "right")]
        text = " ".join(t for t in texts if t)
        if text.strip():
            sheet.headers.append((label, text))
    return sheet


def load_xlsx(path: Path, data: bytes, encoding: str | None = None) -> SheetDocument:
    doc = build_document(read_workbook(data, str(path)), str(path))
    pictures = _pictures(data, str(path))
    doc = dataclasses.replace(doc, notices=pictures) if pictures else doc
    # the ocr extra reads xl/media/ (screener/ocr/parts.py); embedded objects stay unread
    archive = open_zip(data, str(path), WHAT)
    media = [n for n in archive.namelist() if n.startswith("xl/media/") and not n.endswith("/")]
    objects = [f"嵌入对象{i}" for i, n in enumerate((n for n in archive.namelist()
                                                    if n.startswith("xl/embeddings/") and not n.endswith("/")), 1)]
    return read_pictures(doc, media, lambda n: read_member(archive, archive.getinfo(n), str(path), WHAT),
                         objects, _PICTURE_ADVICE)


_PICTURE_ADVICE = "请人工核对表格中的图片和嵌入对象（扫描件、截图中的身份证号、手机号同样会泄露）"
_PICTURE_FOLDERS = (("xl/media/", "图片"), ("xl/embeddings/", "嵌入对象"))


def _pictures(data: bytes, path: str) -> tuple[Notice, ...]:
    """A notice naming the pictures and embedded objects of the workbook:
    a scanned 花名册 pasted into a sheet leaks as surely as typed cells, and
    no detector reads it (nothing unread passes)."""
    names = open_zip(data, path, WHAT).namelist()
    found = [f"{label}{i}" for folder, label in _PICTURE_FOLDERS
             for i, _ in enumerate((n for n in names if n.startswith(folder) and not n.endswith("/")), 1)]
    if not found:
        return ()
    shown = "、".join(found[:10]) + (f" 等 {len(found)} 个" if len(found) > 10 else "")
    return (Notice(kind="unchecked", code="DX802", message=f"图片中的文字无法检查：{shown}",
                   suggestion=_PICTURE_ADVICE),)
