"""What a spreadsheet carries besides cell values (issue 15, attach points
1–3): formula text, .xls document properties, and pictures and embedded
objects in .xls/.et and .ods (DX802, as .xlsx already had).

Every number is generated (gen.py); files are built in the test: .xlsx with
openpyxl, .xls with xlwt (re-packed with storages and property sets by
ole_factory), .ods by hand."""
from __future__ import annotations

import io
import json
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlwt

import gen
import sheet_factory as sf
from harness import run_cli
from ole_factory import build_ole, xls_with
from screener import InputError, screen_bytes
from screener.loaders.sheets import load_sheet

ID = gen.id_number("530427", "19850312", "123")
ID_PROP = gen.id_number("620102", "19800101", "333")
MOBILE = "15114177763"
MOBILE_2 = "13812345678"


def _findings(data: bytes, name: str) -> list[tuple[str, str]]:
    return [(f.code, f.location) for f in screen_bytes(data, name).findings]


# --- formulas -----------------------------------------------------------------

def _xlsx(cells: dict[str, str]) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["序号", "备注"])
    for ref, value in cells.items():
        ws[ref] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xls(cells: dict[tuple[int, int], str]) -> bytes:
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("花名册")
    ws.write(0, 0, "序号")
    ws.write(0, 1, "备注")
    for (r, c), formula in cells.items():
        ws.write(r, c, xlwt.Formula(formula))
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _ods_cells(cells: list[tuple[str, str]]) -> bytes:
    """One table: a header row, then a row of (formula, cached text) cells."""
    row = "".join(f'<table:table-cell table:formula="{formula}" office:value-type="string">'
                  f'<text:p>{shown}</text:p></table:table-cell>' for formula, shown in cells)
    return sf.ods('<table:table table:name="花名册"><table:table-row>'
                  '<table:table-cell office:value-type="string"><text:p>序号</text:p></table:table-cell>'
                  f'</table:table-row><table:table-row>{row}</table:table-row></table:table>')


FORMULA_CASES = [
    # (format, builder, expected (code, location) pairs)
    ("xlsx", lambda: _xlsx({"B2": f'="张三 "&"{ID}"'}), [("ID101", "工作表「花名册」 B2 公式")]),
    ("xlsx", lambda: _xlsx({"C5": f'=HYPERLINK("tel:{MOBILE}","电话")'}), [("MB201", "工作表「花名册」 C5 公式")]),
    ("xlsx", lambda: _xlsx({"A3": f"={MOBILE_2}+0"}), [("MB201", "工作表「花名册」 A3 公式")]),
    ("xls", lambda: _xls({(1, 1): f'"张三 "&"{ID}"'}), [("ID101", "工作表「花名册」 B2 公式")]),
    ("xls", lambda: _xls({(4, 2): f'HYPERLINK("tel:{MOBILE}";"电话")'}), [("MB201", "工作表「花名册」 C5 公式")]),
    ("xls", lambda: _xls({(2, 0): f"SUM(1;2)+{MOBILE_2}"}), [("MB201", "工作表「花名册」 A3 公式")]),
    ("ods", lambda: _ods_cells([(f'of:=&quot;张三 &quot;&amp;&quot;{ID}&quot;', "张三")]),
     [("ID101", "工作表「花名册」 A2 公式")]),
    ("ods", lambda: _ods_cells([("of:=1", "1"), (f'of:=HYPERLINK(&quot;tel:{MOBILE}&quot;;&quot;电话&quot;)', "电话")]),
     [("MB201", "工作表「花名册」 B2 公式")]),
]


@pytest.mark.parametrize("fmt, build, expected", FORMULA_CASES)
def test_a_number_in_a_formula_is_found_and_located_at_the_formula(fmt, build, expected):
    found = _findings(build(), f"花名册.{fmt}")
    for pair in expected:
        assert pair in found, found


@pytest.mark.parametrize("fmt, build", [
    ("xlsx", lambda: _xlsx({"A3": "=SUM(A1:A2)", "B3": '=IF(A1>0,"有","无")', "C3": "=A1*1000000"})),
    ("xls", lambda: _xls({(2, 0): "SUM(A1:A2)", (2, 1): 'IF(A1>0;"有";"无")', (2, 2): "A1*1000000"})),
    ("ods", lambda: _ods_cells([("of:=SUM([.A1:.A1])", "0"), ('of:=IF([.A1]&gt;0;&quot;有&quot;;&quot;无&quot;)', "无")])),
])
def test_ordinary_formulas_give_nothing(fmt, build):
    assert _findings(build(), f"表.{fmt}") == []


@pytest.mark.parametrize("fmt, build, literal", [
    ("xlsx", lambda: _xlsx({"A3": "=SUM(A1:A2)", "B3": '="通知"&A1'}), '公式 B3：="通知"&A1'),
    ("xls", lambda: _xls({(2, 0): "SUM(A1:A2)", (2, 1): '"通知"&A1'}), '公式 B3："通知"'),
])
def test_only_formulas_that_can_carry_a_value_are_laid_out(fmt, build, literal):
    text = load_sheet(Path(f"表.{fmt}"), build()).text
    assert literal in text and "SUM" not in text


def test_xls_constants_are_kept_apart():
    """Two string constants never read as one number: 138 and 12345678 are
    two literals, not the mobile 13812345678."""
    data = _xls({(1, 1): '"138"&"12345678"'})
    assert not [c for c, _ in _findings(data, "表.xls") if c == "MB201"]


def test_the_redacted_xlsx_masks_formula_text(tmp_path):
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(_xlsx({"B2": f'="张三 "&"{ID}"', "C5": f'=HYPERLINK("tel:{MOBILE}","电话")'}))
    out = tmp_path / "花名册-脱敏.xlsx"
    result = run_cli([path, "--redact", out])
    assert result.code == 1 and out.exists(), result
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            data = z.read(name)
            assert ID.encode() not in data and MOBILE.encode() not in data, name
    ws = openpyxl.load_workbook(out)["花名册"]
    assert ws["B2"].value.startswith('="张三 "&"53') and ws["C5"].value.startswith('=HYPERLINK("tel:151')


# --- .xls document properties ----------------------------------------------------

def _plain_xls() -> bytes:
    wb = xlwt.Workbook(encoding="utf-8")
    wb.add_sheet("通知").write(0, 0, "会议改期")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


@pytest.mark.parametrize("prop, value, code, location", [
    ("keywords", f"陈德才 {ID_PROP}", "ID101", "文档属性（关键词）"),
    ("author", f"张三{MOBILE}", "MB201", "文档属性（作者）"),
    ("title", f"低保户 {ID_PROP}", "ID101", "文档属性（标题）"),
    ("comments", f"户主手机 {MOBILE}", "MB201", "文档属性（备注）"),
    ("company", f"平掌乡 {ID_PROP}", "ID101", "文档属性（单位）"),
    ("manager", f"王某 {ID_PROP}", "ID101", "文档属性（经理）"),
])
def test_xls_document_properties_are_screened(prop, value, code, location):
    data = xls_with(_plain_xls(), properties={prop: value})
    assert (code, location) in _findings(data, "花名册.xls")


def test_clean_xls_properties_give_nothing():
    data = xls_with(_plain_xls(), properties={"title": "会议通知", "author": "办公室", "company": "平掌乡人民政府"})
    assert _findings(data, "通知.xls") == []


def test_an_xls_property_value_never_shows_in_full(tmp_path):
    path = tmp_path / "通知.xls"
    path.write_bytes(xls_with(_plain_xls(), properties={"keywords": f"陈德才 {ID_PROP}"}))
    for args in ([], ["--format", "json"]):
        result = run_cli([path, *args])
        assert result.code == 1 and ID_PROP not in result.out + result.err
    assert "文档属性（关键词）" in json.dumps(json.loads(run_cli([path, "--format", "json"]).out), ensure_ascii=False)


# --- pictures and embedded objects --------------------------------------------------

def _bmp() -> bytes:
    width = height = 2
    row = b"\x00\x00\xff" * width + b"\x00\x00"
    pixels = row * height
    return (b"BM" + struct.pack("<IHHI", 54 + len(pixels), 0, 0, 54)
            + struct.pack("<IiiHHIIiiII", 40, width, height, 1, 24, 0, len(pixels), 0, 0, 0, 0) + pixels)


def _xls_picture(count: int) -> bytes:
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("花名册")
    ws.write(0, 0, "会议改期")
    for i in range(count):
        ws.insert_bitmap_data(_bmp(), 2 + 3 * i, 0)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


_DRAW_NS = ('xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"')


def _ods_with(frames: str, members: dict[str, bytes]) -> bytes:
    base = sf.ods('<table:table table:name="花名册"><table:table-row><table:table-cell office:value-type="string">'
                  f'<text:p>会议改期</text:p></table:table-cell></table:table-row>{frames}</table:table>')
    z = zipfile.ZipFile(io.BytesIO(base))
    content = z.read("content.xml").decode().replace("<office:document-content ", f"<office:document-content {_DRAW_NS} ", 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        dst.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        dst.writestr("content.xml", content)
        for name, data in members.items():
            dst.writestr(name, data)
    return out.getvalue()


_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
_CHART = (b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
          b'<office:body><office:chart/></office:body></office:document-content>')
_FRAME_IMAGE = '<draw:frame><draw:image xlink:href="Pictures/a.png"/></draw:frame>'
_FRAME_OBJECT = ('<draw:frame><draw:object-ole xlink:href="./Object 1"/>'
                 '<draw:image xlink:href="./ObjectReplacements/Object 1"/></draw:frame>')
_FRAME_CHART = ('<draw:frame><draw:object xlink:href="./Object 2"/>'
                '<draw:image xlink:href="./ObjectReplacements/Object 2"/></draw:frame>')

PICTURE_CASES = [
    ("xls", lambda: _xls_picture(1), "图片1"),
    ("xls", lambda: _xls_picture(2), "图片1、图片2"),
    ("xls", lambda: xls_with(_plain_xls(), embedded=1), "嵌入对象1"),
    ("ods", lambda: _ods_with(f"<table:shapes>{_FRAME_IMAGE}</table:shapes>", {"Pictures/a.png": _PNG}), "图片1"),
    ("ods", lambda: _ods_with(f"<table:shapes>{_FRAME_OBJECT}</table:shapes>",
                              {"Object 1": b"ole", "ObjectReplacements/Object 1": b"wmf"}), "嵌入对象1"),
    ("ods", lambda: _ods_with("", {"Pictures/unreferenced.jpg": b"\xff\xd8\xff"}), "图片1"),
]


@pytest.mark.parametrize("fmt, build, named", PICTURE_CASES)
def test_pictures_and_objects_are_a_warning_naming_them(fmt, build, named):
    found = [f for f in screen_bytes(build(), f"花名册.{fmt}").findings if f.code == "DX802"]
    assert len(found) == 1 and found[0].severity.label == "warning"
    assert found[0].message == f"图片中的文字无法检查：{named}"


@pytest.mark.parametrize("fmt, build", [
    ("xls", _plain_xls),
    ("xls", lambda: xls_with(_plain_xls(), properties={"title": "会议通知"})),
    ("ods", lambda: _ods_with("", {})),
    ("ods", lambda: _ods_with(f"<table:shapes>{_FRAME_CHART}</table:shapes>",
                              {"Object 2/content.xml": _CHART, "ObjectReplacements/Object 2": b"wmf"})),
])
def test_no_picture_no_warning(fmt, build):
    assert not [f for f in screen_bytes(build(), f"表.{fmt}").findings if f.code == "DX802"]


@pytest.mark.parametrize("fmt, build", [("xls", lambda: _xls_picture(1)), ("et", lambda: _xls_picture(1)),
                                        ("ods", lambda: _ods_with(f"<table:shapes>{_FRAME_IMAGE}</table:shapes>",
                                                                  {"Pictures/a.png": _PNG}))])
def test_a_clean_sheet_with_a_picture_does_not_pass(tmp_path, fmt, build):
    path = tmp_path / f"附件.{fmt}"
    path.write_bytes(build())
    result = run_cli([path])
    assert result.code == 1 and "图片中的文字无法检查" in result.out, result


def _workbook_stream() -> bytes:
    import olefile

    with olefile.OleFileIO(io.BytesIO(_plain_xls())) as ole:
        return ole.openstream("Workbook").read()


def test_a_word_document_embedded_in_a_workbook_is_an_embedded_object_not_a_refusal():
    """Before, any "WordDocument" in the bytes made the .xls "a Word file"."""
    data = build_ole({"Workbook": _workbook_stream(),
                      "MBD00000001": {"WordDocument": b"\xec\xa5" + b"\x00" * 64, "\x01Ole": b"\x01\x00\x00\x02"}})
    found = [(f.code, f.message) for f in screen_bytes(data, "花名册.xls").findings]
    assert found == [("DX802", "图片中的文字无法检查：嵌入对象1")]


@pytest.mark.parametrize("tree, message", [
    ({"WordDocument": b"\xec\xa5" + b"\x00" * 64}, "实际是 Word 文档"),
    ({"EncryptedPackage": b"\x00" * 64, "EncryptionInfo": b"\x04\x00"}, "已加密"),
])
def test_an_ole_file_that_is_no_workbook_is_still_refused(tree, message):
    with pytest.raises(InputError, match=message):
        load_sheet(Path("名单.xls"), build_ole(tree))
