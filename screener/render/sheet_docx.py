"""The approval sheet as a Word document (python-docx), to edit, print and sign.

A4 portrait, 宋体 五号 body, 黑体 title; the header fields, the pre-check,
the findings and the signature block are real Word tables (Table Grid), so
Word and WPS open it as a form whose cells can be typed into.  Header rows of
long tables repeat on each printed page; signature rows keep a minimum height
for a pen.
"""
from __future__ import annotations

import io

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import (
    WD_CELL_VERTICAL_ALIGNMENT,
    WD_ROW_HEIGHT_RULE,
    WD_TABLE_ALIGNMENT,
)
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..model import Severity
from .sheet_model import FORM_TITLE, REVIEW_CHOICES, SIGN_ROWS, Sheet

BODY_FONT, TITLE_FONT = "宋体", "黑体"
TEXT_WIDTH_MM = 170  # A4 210 mm minus 20 mm margins
_SHADE = {Severity.ERROR: "FFD0D0", Severity.WARNING: "FFE9A8", Severity.INFO: "D8E8FF"}
_HEAD_SHADE = "F0F0F0"


def _font(run_or_style, name: str, size: float | None = None, bold: bool | None = None) -> None:
    font = run_or_style.font
    font.name = name
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    fonts.set(qn("w:eastAsia"), name)


def _shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _set(cell, text: str, *, bold: bool = False, center: bool = False, fill: str | None = None):
    para = cell.paragraphs[0]  # a new cell holds one empty paragraph
    run = para.add_run(text)  # "\n" becomes a line break
    run.bold = bold or None
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if fill:
        _shade(cell, fill)
    return cell


def _table(doc, rows: int, widths_mm: tuple[float, ...], header: tuple[str, ...] = ()):
    table = doc.add_table(rows=rows + (1 if header else 0), cols=len(widths_mm))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm):
        column.width = Mm(width)  # the grid, which LibreOffice and WPS follow
    for row in table.rows:
        row.height, row.height_rule = Mm(7), WD_ROW_HEIGHT_RULE.AT_LEAST
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)  # the cells, which Word follows
    if header:
        for cell, text in zip(table.rows[0].cells, header):
            _set(cell, text, bold=True, center=True, fill=_HEAD_SHADE)
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        tr_pr.append(repeat)
    return table


def _heading(doc, text: str) -> None:
    para = doc.add_paragraph()
    para.paragraph_format.space_before = Pt(10)
    para.paragraph_format.space_after = Pt(4)
    para.paragraph_format.keep_with_next = True
    _font(para.add_run(text), TITLE_FONT, 12, True)


def _form(doc, sheet: Sheet) -> None:
    h = dict(sheet.header())
    table = _table(doc, 5, (28, 57, 28, 57))
    layout = [("信息标题",), ("文号", "报送日期"), ("拟稿单位", "拟稿人"), ("公开方式",), ("公开属性",)]
    for row, labels in zip(table.rows, layout):
        cells = row.cells
        _set(cells[0], labels[0], bold=True, center=True, fill=_HEAD_SHADE)
        if len(labels) == 1:
            _set(cells[1].merge(cells[3]), h[labels[0]])
        else:
            _set(cells[1], h[labels[0]])
            _set(cells[2], labels[1], bold=True, center=True, fill=_HEAD_SHADE)
            _set(cells[3], h[labels[1]])
        row.height, row.height_rule = Mm(9), WD_ROW_HEIGHT_RULE.AT_LEAST


def _checks(doc, sheet: Sheet) -> None:
    table = _table(doc, len(sheet.checks), (50, 25, 95), ("检查项目", "数量", "结果"))
    for row, c in zip(table.rows[1:], sheet.checks):
        cells = row.cells
        _set(cells[0], c.label)
        _set(cells[1], "—" if c.count is None else str(c.count), center=True)
        _set(cells[2], c.result)


def _rows(doc, sheet: Sheet) -> None:
    if not sheet.rows:
        doc.add_paragraph("未发现问题。")
        return
    table = _table(doc, len(sheet.rows), (12, 29, 23, 12, 47, 47),
                   ("序号", "位置", "类型", "级别", "内容", "建议"))
    for row, r in zip(table.rows[1:], sheet.rows):
        cells = row.cells  # computed on each access: read once
        _set(cells[0], str(r.number), center=True)
        _set(cells[1], r.where)
        _set(cells[2], r.label)
        _set(cells[3], r.severity.zh, center=True, fill=_SHADE[r.severity])
        _set(cells[4], r.content)
        _set(cells[5], r.suggestion)


def _sign(doc) -> None:
    table = _table(doc, 3, (30, 70, 36, 34), ("审核环节", "意见", "签字", "日期"))
    for row, label in zip(table.rows[1:], SIGN_ROWS):
        cells = row.cells
        _set(cells[0], label, bold=True, center=True, fill=_HEAD_SHADE)
        _set(cells[3], "年　　月　　日", center=True)
        row.height, row.height_rule = Mm(24), WD_ROW_HEIGHT_RULE.AT_LEAST
    _set(table.rows[1].cells[1], "\n".join(REVIEW_CHOICES))
    _set(table.rows[1].cells[2], "审查人：")


def render_sheet_docx(sheet: Sheet) -> bytes:
    """The form as the bytes of a .docx file."""
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    _font(doc.styles["Normal"], BODY_FONT, 10.5)
    doc.core_properties.title = f"{FORM_TITLE} - {sheet.source}"
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(FORM_TITLE), TITLE_FONT, 20, True)
    meta = doc.add_paragraph(f"稿件：{sheet.source}　自动预审结果由 screener 预填，须经人工审核签字后生效")
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _form(doc, sheet)
    _heading(doc, "一、自动预审")
    _checks(doc, sheet)
    _heading(doc, "二、问题明细")
    _rows(doc, sheet)
    _heading(doc, "三、建议结论")
    conclusion = doc.add_paragraph()
    conclusion.paragraph_format.keep_with_next = True
    _font(conclusion.add_run(sheet.conclusion), BODY_FONT, 13, True)
    doc.add_paragraph(f"理由：{sheet.reason}")
    _heading(doc, "四、审核签批")
    _sign(doc)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
