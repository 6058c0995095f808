"""Spreadsheets built inside the tests: .xlsx with openpyxl, .xls with xlwt
(a test-only dependency, BSD), .ods and .zip by hand.  Every number is
generated (gen.py), never a real person's."""
from __future__ import annotations

import io
import zipfile

import openpyxl
from openpyxl.comments import Comment
from openpyxl.workbook.defined_name import DefinedName

import gen

ID_TEXT = gen.id_number("530427", "19850312", "123")        # a text cell
ID_FLOAT = gen.id_number("530427", "19700101", "456")       # typed as a number: digits lost
ID_HIDDEN_SHEET = gen.id_number("440305", "19900101", "222")
ID_HIDDEN_ROW = gen.id_number("510104", "19750505", "135")
ID_HIDDEN_COL = gen.id_number("330106", "19660606", "246")
ID_COMMENT = gen.id_number("110105", "19600101", "111")
ID_PROPERTY = gen.id_number("620102", "19800101", "333")
ID_NAME = gen.id_number("420106", "19720202", "444")
MOBILE_ROW = "13812345678"
MOBILE_FOOTER = "13712345678"
MOBILE_LINK = "15812345678"
MOBILE_NUMBER_CELL = 13912345678  # a mobile typed as a number


def roster_xlsx() -> bytes:
    """A 花名册 with a number in every place a workbook can carry one."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["某村2023年低保对象花名册"])
    ws.append(["序号", "姓名", "身份证号码", "联系电话", "备注"])
    ws.append([1, "张三", ID_TEXT, MOBILE_ROW, "低保"])
    ws.append([2, "李四", float(ID_FLOAT), MOBILE_NUMBER_CELL, ""])
    ws.append([3, "王五", ID_HIDDEN_ROW, "", ""])
    ws.row_dimensions[5].hidden = True
    ws["F2"] = "备用号码"
    ws["F3"] = ID_HIDDEN_COL
    ws.column_dimensions["F"].hidden = True
    ws["E3"].comment = Comment(f"该户身份证 {ID_COMMENT}", "审核人")
    ws["B3"].hyperlink = f"tel:{MOBILE_LINK}"
    ws["C3"].number_format = "@"
    ws["A6"] = "=A3+A4"
    ws.oddFooter.center.text = f"联系人手机 {MOBILE_FOOTER}"
    hidden = wb.create_sheet("备用")
    hidden.sheet_state = "veryHidden"
    hidden["A1"] = "王某某"
    hidden["B1"] = ID_HIDDEN_SHEET
    wb.defined_names["户主证件"] = DefinedName("户主证件", attr_text=f'"{ID_NAME}"')
    wb.properties.keywords = f"陈德才 {ID_PROPERTY}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


ROSTER_NUMBERS = [ID_TEXT, ID_HIDDEN_SHEET, ID_HIDDEN_ROW, ID_HIDDEN_COL, ID_COMMENT, ID_PROPERTY, ID_NAME,
                  MOBILE_ROW, MOBILE_FOOTER, MOBILE_LINK, str(MOBILE_NUMBER_CELL)]


def simple_xlsx(rows: list[list], title: str = "Sheet1") -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def roster_xls() -> bytes:
    """The same roster as BIFF .xls (xlwt): hidden sheet, hidden row, header/footer."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("花名册")
    for c, v in enumerate(["序号", "姓名", "身份证号码", "联系电话"]):
        ws.write(0, c, v)
    for c, v in enumerate([1, "张三", ID_TEXT, MOBILE_ROW]):
        ws.write(1, c, v)
    for c, v in enumerate([2, "李四", float(ID_FLOAT), ""]):
        ws.write(2, c, v)
    for c, v in enumerate([3, "王五", ID_HIDDEN_ROW, ""]):
        ws.write(3, c, v)
    ws.row(3).hidden = True
    ws.footer_str = f"&CTel {MOBILE_FOOTER}".encode("ascii")  # xlwt on Python 3 writes ASCII footers only
    hidden = wb.add_sheet("备用")
    hidden.write(0, 0, "王某某")
    hidden.write(0, 1, ID_HIDDEN_SHEET)
    hidden.visibility = 1
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_ODS_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
           'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
           'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
           'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"')


def ods(tables: str, styles: str = "", rows_repeated: int = 1) -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
               f'<office:automatic-styles>{styles}</office:automatic-styles>'
               f'<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>'
               '</office:document-content>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return out.getvalue()


def roster_ods() -> bytes:
    hidden_style = ('<style:style style:name="ta2" style:family="table">'
                    '<style:table-properties table:display="false"/></style:style>')
    tables = (
        '<table:table table:name="花名册">'
        '<table:table-row><table:table-cell office:value-type="string"><text:p>姓名</text:p></table:table-cell>'
        '<table:table-cell office:value-type="string"><text:p>身份证号码</text:p></table:table-cell></table:table-row>'
        f'<table:table-row><table:table-cell office:value-type="string"><text:p>张三</text:p></table:table-cell>'
        f'<table:table-cell office:value-type="string"><office:annotation><text:p>备注 {ID_COMMENT}</text:p>'
        f'</office:annotation><text:p>{ID_TEXT}</text:p></table:table-cell></table:table-row>'
        f'<table:table-row table:visibility="collapse"><table:table-cell office:value-type="string"><text:p>李四</text:p>'
        f'</table:table-cell><table:table-cell office:value-type="float" office:value="{float(ID_FLOAT)!r}">'
        '<text:p>5.30427E+17</text:p></table:table-cell></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/>'
        '</table:table-row></table:table>'
        f'<table:table table:name="备用" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="string">'
        f'<text:p>{ID_HIDDEN_SHEET}</text:p></table:table-cell></table:table-row></table:table>'
    )
    return ods(tables, hidden_style)


class GbkInfo(zipfile.ZipInfo):
    """A member named in GBK without the UTF-8 flag, as Chinese Windows writes it."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("gbk"), self.flag_bits & ~0x800


def zip_of(members: dict[str, bytes], gbk: bool = True, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in members.items():
            info = GbkInfo(name) if gbk else zipfile.ZipInfo(name)
            info.compress_type = compression
            z.writestr(info, data)
    return out.getvalue()
