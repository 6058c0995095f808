"""The Word sheet, read back with python-docx: A4, real tables, fields, counts, masking."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
from docx.shared import Mm
from sheet_samples import ALL_KINDS, PERSONAL_VALUES, UNMARKED_SPECS, sample_report, unmarked_report

from screener.detectors import KIND_LABELS, KIND_TABLE
from screener.render.sheet_docx import render_sheet_docx
from screener.sheet.model import build_sheet
from screener.sheet.fields import SheetFields

FIELDS = SheetFields(unit="平掌乡人民政府", drafter="王某", date=dt.date(2024, 6, 3),
                     publish_method="政府网站", publish_attr="主动公开")


def docx_of(fr=None, fields=FIELDS, **options) -> bytes:
    # the sample without its 密级 marking, whose sheet lists the findings' contents
    return render_sheet_docx(build_sheet(fr or unmarked_report(), fields, checked=ALL_KINDS, **options))


def read(data: bytes):
    return docx.Document(io.BytesIO(data))


def cells(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_docx_is_an_a4_form_of_real_tables():
    doc = read(docx_of())
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert doc.paragraphs[0].text == "信息发布审批表"
    assert len(doc.tables) == 4
    assert all(t.style.name == "Table Grid" for t in doc.tables)


def test_docx_header_fields():
    form = {row[0]: row[1:] for row in cells(read(docx_of()).tables[0])}
    assert form["信息标题"][0] == "关于2024年度临时救助对象的公示"
    assert form["文号"] == ["新政办发〔2024〕7号", "发布栏目", ""]
    assert form["审批编号"] == ["", "报送日期", "2024年6月3日"]
    assert form["拟稿单位"] == ["平掌乡人民政府", "拟稿人", "王某"]
    assert form["公开方式"][0].startswith("☑政府网站") and form["公开属性"][0].startswith("☑主动公开")


def test_docx_precheck_counts_match_the_report():
    # three check items to a row (label, result), so that page 1 keeps the signatures
    pairs = [(r[i], r[i + 1]) for r in cells(read(docx_of()).tables[1]) for i in range(0, len(r), 2)
             if r[i]]  # the last row may end in empty cells
    # the annual-report arithmetic is a check of annual reports only
    assert [label for label, _ in pairs] == [v for k, v in KIND_LABELS.items() if KIND_TABLE[k].applies(unmarked_report().document.text)]
    results = dict(pairs)
    for kind, label in KIND_LABELS.items():
        if not KIND_TABLE[kind].applies(unmarked_report().document.text):
            continue  # a check for other drafts (annual reports, unread content)
        n = sum(1 for s in UNMARKED_SPECS if s[0] == kind)
        assert results[label].startswith(f"发现 {n} 处") if n else results[label] == "未发现"


def test_docx_findings_table_is_masked_and_conclusion_and_signatures_are_there():
    doc = read(docx_of())
    rows = cells(doc.tables[3])
    assert rows[0] == ["序号", "位置", "类型", "级别", "内容", "建议", "审核结论"]
    assert rows[1] == ["1", "第6行第16字", "身份证号码", "错误", "53**************37", "删除或脱敏后公开",
                       "□确认需修改\n□误报\n□已按要求处理"]
    assert len(rows) == 1 + len(UNMARKED_SPECS)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "修改后公开" in body and "理由：发现需处理的问题 8 处" in body
    sign = cells(doc.tables[2])
    assert [r[0] for r in sign] == ["审核环节", "拟稿人", "科室负责人审核", "保密审查意见", "分管领导签批"]
    assert sign[3][2] == "审查人：" and sign[2][1] == "" and "年" in sign[4][3]


def test_docx_never_contains_a_personal_number_anywhere_in_the_package():
    data = docx_of(fields=SheetFields(title="联系人 zhangsan@example.com"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    for value in PERSONAL_VALUES:
        assert value not in xml
    assert "19850312" not in xml


def test_docx_without_findings_says_none_found():
    doc = read(docx_of(sample_report(specs=())))
    assert len(doc.tables) == 3
    assert "未发现问题。" in [p.text for p in doc.paragraphs]
    assert "可以公开" in [p.text for p in doc.paragraphs]
