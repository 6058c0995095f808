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
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from ..model import Severity
from ..sheet.model import (
    CLASSIFIED_NOTICE,
    FORM_TITLE,
    REVIEW_CHOICES,
    SECRECY_ROW,
    SIGN_ROWS,
    Sheet,
)

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
    para.paragraph_format.space_before = Pt(6)
    para.paragraph_format.space_after = Pt(3)
    para.paragraph_format.keep_with_next = True
    _font(para.add_run(text), TITLE_FONT, 12, True)


def _form(doc, sheet: Sheet) -> None:
    h = dict(sheet.header())
    layout = [("审批编号", "报送日期"), ("信息标题",), ("文号", "发布栏目"), ("拟稿单位", "拟稿人"),
              ("公开方式",), ("公开属性",), ("附件清单",)]
    table = _table(doc, len(layout) + (1 if sheet.involves else 0), (28, 57, 28, 57))
    for row, labels in zip(table.rows, layout):
        cells = row.cells
        _set(cells[0], labels[0], bold=True, center=True, fill=_HEAD_SHADE)
        if len(labels) == 1:
            _set(cells[1].merge(cells[3]), h[labels[0]])
        else:
            _set(cells[1], h[labels[0]])
            _set(cells[2], labels[1], bold=True, center=True, fill=_HEAD_SHADE)
            _set(cells[3], h[labels[1]])
        row.height, row.height_rule = Mm(8), WD_ROW_HEIGHT_RULE.AT_LEAST
    if sheet.involves:
        cells = table.rows[len(layout)].cells
        boxes, notes = sheet.involves_line()
        _set(cells[0], "是否涉及", bold=True, center=True, fill=_HEAD_SHADE)
        merged = _set(cells[1].merge(cells[3]), boxes)
        if notes:
            _font(merged.paragraphs[0].add_run(f"\n{notes}"), BODY_FONT, 8)


def _checks(doc, sheet: Sheet) -> None:
    """The pre-check, three items to a row, so that page 1 keeps the signatures."""
    items = list(sheet.checks)
    table = _table(doc, (len(items) + 2) // 3, (21, 35.6) * 3)
    for i, c in enumerate(items):
        cells = table.rows[i // 3].cells
        _set(cells[2 * (i % 3)], c.label, bold=True, center=True, fill=_HEAD_SHADE)
        _set(cells[2 * (i % 3) + 1], c.result)
        for cell in cells[2 * (i % 3):2 * (i % 3) + 2]:
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(9)


def _rows(doc, sheet: Sheet) -> None:
    if not sheet.rows:
        doc.add_paragraph("未发现问题。")
        return
    table = _table(doc, len(sheet.rows), (10, 22, 18, 12, 38, 36, 34),
                   ("序号", "位置", "类型", "级别", "内容", "建议", "审核结论"))
    for row, r in zip(table.rows[1:], sheet.rows):
        cells = row.cells  # computed on each access: read once
        _set(cells[0], str(r.number), center=True)
        _set(cells[1], r.where)
        _set(cells[2], r.label)
        _set(cells[3], r.severity.zh, center=True, fill=_SHADE[r.severity])
        _set(cells[4], r.content)
        _set(cells[5], r.suggestion)
        _set(cells[6], r.review or "□确认需修改\n□误报\n□已按要求处理")


def _keep_together(table) -> None:
    """No page break inside the table: every row unsplittable and every
    paragraph but the last row's kept with the next."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for para in cell.paragraphs:
                para.paragraph_format.keep_with_next = True


def _sign(doc) -> None:
    table = _table(doc, len(SIGN_ROWS), (30, 70, 36, 34), ("审核环节", "意见", "签字", "日期"))
    for row, label in zip(table.rows[1:], SIGN_ROWS):
        cells = row.cells
        _set(cells[0], label, bold=True, center=True, fill=_HEAD_SHADE)
        _set(cells[3], "年　　月　　日", center=True)
        row.height, row.height_rule = Mm(14), WD_ROW_HEIGHT_RULE.AT_LEAST
    secrecy = table.rows[1 + SECRECY_ROW].cells
    _set(secrecy[1], "\n".join(REVIEW_CHOICES))
    _set(secrecy[2], "审查人：")
    _keep_together(table)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word, WPS and LibreOffice update when printing."""
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == instruction:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        else:
            run.text = text


def _page_numbers(section) -> None:
    """第 X 页 共 Y 页, centred in the footer."""
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para.add_run("第 ")
    _field(para, "PAGE")
    para.add_run(" 页 共 ")
    _field(para, "NUMPAGES")
    para.add_run(" 页")


def render_sheet_docx(sheet: Sheet) -> bytes:
    """The form as the bytes of a .docx file: page 1 holds the header, the
    pre-check, the verdict and the signature block; 附表 (the findings) starts
    on a new page with its header row repeated; pages are numbered."""
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin, section.bottom_margin = Mm(16), Mm(16)
    section.footer_distance = Mm(8)
    _font(doc.styles["Normal"], BODY_FONT, 10.5)
    doc.styles["Normal"].paragraph_format.space_after = Pt(0)
    doc.core_properties.title = f"{FORM_TITLE} - {sheet.source}"
    _page_numbers(section)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(title.add_run(FORM_TITLE), TITLE_FONT, 20, True)
    meta = doc.add_paragraph(f"稿件：{sheet.source}　自动预审结果由 screener 预填，须经人工审核签字后生效")
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    meta.paragraph_format.space_after = Pt(4)
    if sheet.classified:
        notice = doc.add_paragraph()
        _font(notice.add_run(CLASSIFIED_NOTICE), TITLE_FONT, 10.5, True)
    _form(doc, sheet)
    _heading(doc, "一、自动预审")
    _checks(doc, sheet)
    _heading(doc, "二、建议结论")
    conclusion = doc.add_paragraph()
    conclusion.paragraph_format.keep_with_next = True
    _font(conclusion.add_run(sheet.conclusion), BODY_FONT, 13, True)
    reviewed = sum(1 for r in sheet.rows if r.decision)
    annex = (f"问题明细见附表（共 {len(sheet.rows)} 处，已审核 {reviewed} 处）。" if sheet.rows
             else "自动预审未发现问题。")
    doc.add_paragraph(f"理由：{sheet.reason}{annex}")
    _heading(doc, "三、审核签批")
    _sign(doc)
    breaker = doc.add_paragraph()
    breaker.add_run().add_break(WD_BREAK.PAGE)
    _heading(doc, "附表：问题明细")
    _rows(doc, sheet)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
