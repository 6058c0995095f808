"""OpenDocument spreadsheets (.ods), read from the package's XML with lxml.

An .ods is a zip of XML (ISO/IEC 26300): content.xml holds the tables,
styles.xml the page headers and footers, meta.xml the properties.  Reading
it directly gives everything a review needs (hidden tables through their
style's ``table:display="false"``, collapsed rows and columns, annotations,
named ranges) with the same hardening as the .docx loader: the bounded zip
reader, lxml without entities, DTDs or network, and a refused DOCTYPE.

Repetition is bounded: a row or cell may declare ``number-rows-repeated`` /
``number-columns-repeated`` of a million (LibreOffice writes that for the
empty rest of a sheet); only non-empty content is expanded, and at most
``MAX_CELLS`` cells in all, so a repeat bomb stops with a message.
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from .sheet_layout import (
    CellValue,
    Sheet,
    SheetDocument,
    Workbook,
    build_document,
    value_text,
)
from .xlsx_formulas import worth_screening
from .zipsafe import open_zip, read_member

WHAT = " ODS 表格"
MAX_CELLS = 5_000_000
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
}
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                          huge_tree=False, remove_comments=True, remove_pis=True)


def _q(prefix: str, name: str) -> str:
    return f"{{{NS[prefix]}}}{name}"


_TABLE, _ROW, _CELL, _COVERED, _COLUMN = (_q("table", n) for n in
                                          ("table", "table-row", "table-cell", "covered-table-cell", "table-column"))
_ANNOTATION, _P = _q("office", "annotation"), _q("text", "p")
_NUMERIC = {"float", "percentage", "currency"}
_META = (("dc", "title", "标题"), ("dc", "subject", "主题"), ("meta", "keyword", "关键词"),
         ("dc", "description", "备注"), ("meta", "initial-creator", "作者"), ("dc", "creator", "最后修改者"))
_PAGE_PARTS = (("header", "页眉"), ("footer", "页脚"), ("header-left", "偶数页页眉"),
               ("footer-left", "偶数页页脚"), ("header-first", "首页页眉"), ("footer-first", "首页页脚"))


class _Reader:
    def __init__(self, data: bytes, path: str):
        self.path = path
        self.zip = open_zip(data, path, WHAT)
        self.cells = 0
        self._parsed: dict[str, object] = {}

    def xml(self, name: str):
        """The parsed part ``name`` (None when absent), parsed once."""
        if name not in self._parsed:
            self._parsed[name] = self._parse(name)
        return self._parsed[name]

    def _parse(self, name: str):
        try:
            info = self.zip.getinfo(name)
        except KeyError:
            return None
        data = read_member(self.zip, info, self.path, WHAT)
        if b"<!DOCTYPE" in data:
            raise InputError(self.path, f"表格含有不允许的 XML 文档类型声明（{name}），已拒绝读取")
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            raise InputError(self.path, f"表格已损坏（{name} 不是有效的 XML），请在 WPS 或 LibreOffice 中重新保存") from None
        if root.getroottree().docinfo.doctype:
            raise InputError(self.path, f"表格含有不允许的 XML 文档类型声明（{name}），已拒绝读取")
        return root

    def count(self, n: int) -> None:
        self.cells += n
        if self.cells > MAX_CELLS:
            raise InputError(self.path, f"表格单元格过多（超过 {MAX_CELLS} 个，可能是重复声明构造的炸弹），已停止读取")


def _text(el) -> str:
    """The text of the paragraphs in ``el``, one line each (text:s, text:tab as spaces)."""
    lines = []
    for p in el.iter(_P):
        lines.append("".join(p.itertext()))
    return "\n".join(lines)


def _repeat(el, attr: str) -> int:
    try:
        return max(1, int(el.get(_q("table", attr), "1")))
    except ValueError:
        return 1


def _formula(td) -> str | None:
    """The cell's formula as LibreOffice shows it (``of:=HYPERLINK(…)`` →
    ``=HYPERLINK(…)``), when it can carry a value (xlsx_formulas.worth_screening)."""
    formula = td.get(_q("table", "formula"))
    if not formula or not worth_screening(formula):
        return None
    prefix, sep, rest = formula.partition(":=")
    return "=" + rest if sep and prefix.isalpha() else formula


def _hidden_styles(content, styles) -> set[str]:
    hidden = set()
    for root in (content, styles):
        if root is None:
            continue
        for st in root.iter(_q("style", "style")):
            props = st.find(_q("style", "table-properties"))
            if props is not None and props.get(_q("table", "display")) == "false":
                hidden.add(st.get(_q("style", "name")))
    return hidden


def _sheet(reader: _Reader, table, hidden_styles: set[str]) -> Sheet:
    sheet = Sheet(name=table.get(_q("table", "name"), ""),
                  state="hidden" if table.get(_q("table", "style-name")) in hidden_styles else "visible")
    col = 0
    for column in table.iter(_COLUMN):
        n = _repeat(column, "number-columns-repeated")
        if column.get(_q("table", "visibility"), "visible") != "visible":
            sheet.hidden_cols.update(range(col, min(col + n, col + 16384)))
        col += n
    row = 0
    for tr in table.iter(_ROW):
        rows = _repeat(tr, "number-rows-repeated")
        found: list[tuple[int, str, bool, str | None, str | None]] = []
        c = 0
        for td in tr:
            if td.tag not in (_CELL, _COVERED):
                continue
            cols = _repeat(td, "number-columns-repeated")
            note = td.find(_ANNOTATION)
            note_text = _text(note) if note is not None else None
            if note is not None:
                note.getparent().remove(note)
            kind = td.get(_q("office", "value-type"))
            shown = None
            if kind in _NUMERIC and td.get(_q("office", "value")) is not None:
                try:
                    shown = value_text(float(td.get(_q("office", "value"))))
                except ValueError:
                    shown = None
            if shown is None:
                text = _text(td)
                shown = (text, False) if text else None
            formula = _formula(td)
            if shown is not None or note_text or formula:
                reader.count(cols * rows)
                for k in range(cols):
                    found.append((c + k, shown[0] if shown else "", bool(shown and shown[1]), note_text, formula))
            c += cols
        if found:
            for k in range(rows):
                for cc, text, numeric, note_text, formula in found:
                    if text:
                        sheet.cells.append(CellValue(row + k, cc, text, numeric))
                    if note_text and note_text.strip():
                        sheet.comments.append((row + k, cc, note_text))
                    if formula:
                        sheet.formulas.append((row + k, cc, formula))
                if tr.get(_q("table", "visibility"), "visible") != "visible":
                    sheet.hidden_rows.add(row + k)
        row += rows
    return sheet


def read_workbook(data: bytes, path: str, reader: _Reader | None = None) -> Workbook:
    reader = reader or _Reader(data, path)
    content = reader.xml("content.xml")
    if content is None:
        raise InputError(path, "不是有效的 ODS 表格（缺少 content.xml），请在 WPS 或 LibreOffice 中另存为 .xlsx")
    styles = reader.xml("styles.xml")
    book = Workbook()
    hidden = _hidden_styles(content, styles)
    for table in content.iter(_TABLE):
        book.sheets.append(_sheet(reader, table, hidden))
    for named in content.iter(_q("table", "named-range"), _q("table", "named-expression")):
        value = named.get(_q("table", "cell-range-address")) or named.get(_q("table", "expression"))
        if value:
            book.names.append((named.get(_q("table", "name"), ""), value))
    if styles is not None:
        headers = []
        for master in styles.iter(_q("style", "master-page")):
            for tag, label in _PAGE_PARTS:
                for part in master.iter(_q("style", tag)):
                    text = " ".join(t for t in _text(part).splitlines() if t.strip())
                    if text.strip() and (label, text) not in headers:
                        headers.append((label, text))
        if headers and book.sheets:
            book.sheets[0].headers.extend(headers)
    meta = reader.xml("meta.xml")
    if meta is not None:
        for prefix, tag, label in _META:
            for el in meta.iter(_q(prefix, tag)):
                if el.text and el.text.strip():
                    book.properties.append((label, el.text))
    return book


def load_ods(path: Path, data: bytes, encoding: str | None = None) -> SheetDocument:
    reader = _Reader(data, str(path))
    book = read_workbook(data, str(path), reader)
    book.pictures = _pictures(reader)
    return build_document(book, str(path))


def _pictures(reader: _Reader) -> list[str]:
    """The pictures and embedded objects of the spreadsheet, for DX802.

    In content.xml and styles.xml (pictures in page headers), a
    ``draw:frame`` holds a ``draw:image`` (a picture) or a ``draw:object`` /
    ``draw:object-ole`` (an embedded object; its ``draw:image`` is only the
    object's preview and not counted again).  A chart is an embedded object
    drawn from cells already read, and is left out.  Pictures stored under
    ``Pictures/`` that no frame names (a fill, a bullet) are still counted:
    whatever the package carries is published with it."""
    pictures = objects = 0
    named: set[str] = set()
    for part in ("content.xml", "styles.xml"):
        root = reader.xml(part)
        if root is None:
            continue
        for frame in root.iter(_q("draw", "frame")):
            embedded = [el for el in frame if el.tag in (_q("draw", "object"), _q("draw", "object-ole"))]
            images = [el for el in frame if el.tag == _q("draw", "image")]
            named.update(el.get(_XLINK_HREF, "").removeprefix("./") for el in images)
            if embedded:
                objects += sum(1 for el in embedded if not _is_chart(reader, el))
            elif images:
                pictures += 1
    stored = [n for n in reader.zip.namelist() if n.startswith("Pictures/") and not n.endswith("/")]
    pictures += sum(1 for n in stored if n not in named)
    return [f"图片{i}" for i in range(1, pictures + 1)] + [f"嵌入对象{i}" for i in range(1, objects + 1)]


def _is_chart(reader: _Reader, el) -> bool:
    """Whether a draw:object is a chart (its sub-document's content is an office:chart)."""
    href = el.get(_XLINK_HREF, "").removeprefix("./").rstrip("/")
    if not href or "/" in href or href.startswith(".."):
        return False
    root = reader.xml(f"{href}/content.xml")
    return root is not None and next(root.iter(_q("office", "chart")), None) is not None
