"""Spreadsheets (issue 15 points 1, 8, 9): every sheet, hidden parts, notes,
headers, names and properties read and located; the header row decides
ownership; IDs stored as numbers reported (ID106); the redacted .xlsx holds
none of the numbers in any part; wrong extensions sniffed by content."""
from __future__ import annotations

import io
import json
import zipfile

import openpyxl
import pytest

import gen
import sheet_factory as sf
from harness import run_cli
from screener import Config, InputError, screen_file, screen_text
from screener.loaders.sheet_layout import number_text

LOCATED = [
    (sf.ID_TEXT, "ID101", "工作表「花名册」 C3"),
    (sf.ID_HIDDEN_COL, "ID101", "工作表「花名册」 F3（隐藏列）"),
    (sf.ID_HIDDEN_ROW, "ID101", "工作表「花名册」 C5（隐藏行）"),
    (sf.ID_COMMENT, "ID101", "工作表「花名册」 E3 批注"),
    (sf.ID_HIDDEN_SHEET, "ID101", "工作表「备用」（深度隐藏工作表） B1"),
    (sf.ID_NAME, "ID101", "名称「户主证件」"),
    (sf.ID_PROPERTY, "ID101", "文档属性（关键词）"),
    (sf.MOBILE_ROW, "MB201", "工作表「花名册」 D3"),
    (str(sf.MOBILE_NUMBER_CELL), "MB201", "工作表「花名册」 D4"),
    (sf.MOBILE_LINK, "MB201", "工作表「花名册」 B3 链接"),
    (sf.MOBILE_FOOTER, "MB201", "工作表「花名册」 页脚"),
]


@pytest.fixture()
def roster(tmp_path):
    path = tmp_path / "花名册.xlsx"
    path.write_bytes(sf.roster_xlsx())
    return path


@pytest.mark.parametrize("value, code, location", LOCATED, ids=[loc for _, _, loc in LOCATED])
def test_every_place_of_a_workbook_is_read_and_located(roster, value, code, location):
    findings = screen_file(roster).findings
    hits = [f for f in findings if f.text == value]
    assert [(f.code, f.location) for f in hits] == [(code, location)]


def test_an_id_typed_as_a_number_is_a_damaged_id_leak(roster):
    [f] = [f for f in screen_file(roster).findings if f.code == "ID106"]
    assert f.location == "工作表「花名册」 C4" and f.severity.label == "error"
    assert f.text == number_text(float(sf.ID_FLOAT)) and "E+17" in f.text
    assert "文本" in f.suggestion and "地区码 530427 有效、出生日期有效" in f.why


@pytest.mark.parametrize("text, code, severity", [
    ("身份证号码：5.30427E+17", "ID106", "warning"),          # a CSV saved from Excel: only the region survives
    ("身份证号码：5.30427197001011E+17", "ID106", "error"),   # region and birth date survive
    ("身份证号码：5.30427197013011E+17", "ID106", "warning"),  # month 30: no birth date survives
    ("总金额 9.87654E+17 元", None, None),                    # no region code: a big number, not an ID
    ("光速约 2.99792458E+8 米每秒", None, None),
    ("5.30427E+12", None, None),                              # not the magnitude of an ID
])
def test_scientific_ids(text, code, severity):
    found = [(f.code, f.severity.label) for f in screen_text(text).findings]
    assert found == ([(code, severity)] if code else [])


@pytest.mark.parametrize("rows, value, who", [
    # a 姓名 column makes the row a person's record: the phone is theirs
    ([["姓名", "联系电话"], ["张三", sf.MOBILE_ROW]], sf.MOBILE_ROW, "error"),
    # an office list: no person in the row, 联系电话 is the office's line
    ([["单位", "联系电话"], ["县民政局", "0877-7012345"]], "0877-7012345", "info"),
    # a mobile in a 手机号码 column next to a name column
    ([["户主", "手机号码"], ["李四", sf.MOBILE_ROW]], sf.MOBILE_ROW, "error"),
    # no header row: the bare number gets the default severity
    ([[sf.MOBILE_ROW]], sf.MOBILE_ROW, "warning"),
])
def test_the_header_row_decides_ownership(tmp_path, rows, value, who):
    path = tmp_path / "表.xlsx"
    path.write_bytes(sf.simple_xlsx(rows))
    [f] = [f for f in screen_file(path).findings if f.text == value]
    assert f.severity.label == who


@pytest.mark.parametrize("maker, suffix, expected", [
    (sf.roster_xls, ".xls", {sf.ID_TEXT: "工作表「花名册」 C2", sf.ID_HIDDEN_ROW: "工作表「花名册」 C4（隐藏行）",
                             sf.ID_HIDDEN_SHEET: "工作表「备用」（隐藏工作表） B1", sf.MOBILE_FOOTER: "工作表「花名册」 页脚"}),
    (sf.roster_xls, ".et", {sf.ID_TEXT: "工作表「花名册」 C2"}),     # WPS .et saved as BIFF
    (sf.roster_xlsx, ".et", {sf.ID_TEXT: "工作表「花名册」 C3"}),    # WPS .et saved as OOXML
    (sf.roster_xlsx, ".xlsm", {sf.ID_TEXT: "工作表「花名册」 C3"}),
    (sf.roster_ods, ".ods", {sf.ID_TEXT: "工作表「花名册」 B2", sf.ID_COMMENT: "工作表「花名册」 B2 批注",
                             sf.ID_HIDDEN_SHEET: "工作表「备用」（隐藏工作表） A1"}),
])
def test_other_formats(tmp_path, maker, suffix, expected):
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(maker())
    findings = screen_file(path).findings
    got = {f.text: f.location for f in findings if f.text in expected}
    assert got == expected
    assert any(f.code == "ID106" for f in findings)  # the ID stored as a number, in every format


@pytest.mark.parametrize("data, suffix, expected", [
    # an "xls" that a government system exported as a web page
    (f"<html><body><table><tr><td>姓名</td><td>身份证号码</td></tr><tr><td>张三</td><td>{sf.ID_TEXT}</td></tr>"
     "</table></body></html>".encode("utf-8"), ".xls", sf.ID_TEXT),
    # an "xls" that is CSV text, in GBK
    (f"姓名,身份证号码\n张三,{sf.ID_TEXT}\n".encode("gbk"), ".xls", sf.ID_TEXT),
    (f"姓名\t手机号码\n张三\t{sf.MOBILE_ROW}\n".encode("utf-16"), ".csv", sf.MOBILE_ROW),
    (f"\ufeff姓名,身份证号码\n张三,5.30427E+17\n".encode("utf-8"), ".csv", "5.30427E+17"),
])
def test_content_decides_the_format(tmp_path, data, suffix, expected):
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(data)
    assert expected in [f.text for f in screen_file(path).findings]


def test_csv_rows_locate_cells(tmp_path):
    path = tmp_path / "名单.csv"
    path.write_text(f"序号,姓名,身份证号码\n1,张三,{sf.ID_TEXT}\n", encoding="gbk")
    [f] = screen_file(path).findings
    assert f.location == "工作表「名单」 C2" and f.severity.label == "error"


@pytest.mark.parametrize("data, message", [
    (b"", "文件为空"),
    (b"this is not a zip at all, just words", None),  # read as CSV text: no finding, no error
    (b"PK\x03\x04 truncated", "文件已损坏"),
    (sf.roster_xlsx()[:2000], "文件已损坏"),
    (sf.zip_of({"word/document.xml": b"<w/>"}, gbk=False), "实际是 Word 文档"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "表格已损坏"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600, "已加密"),
    (b"\x00\x01\x02\x03" * 100, "不是有效的表格文件"),
], ids=["empty", "words", "truncated-zip", "truncated-xlsx", "docx-renamed", "broken-ole", "encrypted", "binary"])
def test_broken_and_disguised_workbooks_give_one_clear_line(tmp_path, data, message):
    path = tmp_path / "表.xlsx"
    path.write_bytes(data)
    result = run_cli([path])
    assert "Traceback" not in result.out + result.err
    if message is None:
        assert result.code == 0
    else:
        assert result.code == 2 and message in result.err and len(result.err.strip().splitlines()) == 1


def test_a_doctype_in_any_part_is_refused(tmp_path):
    data = sf.roster_xlsx()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            part = src.read(info)
            if info.filename == "xl/workbook.xml":
                body = part.split(b"?>", 1)[-1] if part.startswith(b"<?xml") else part
                part = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + body
            dst.writestr(info, part)
    path = tmp_path / "炸弹.xlsx"
    path.write_bytes(out.getvalue())
    with pytest.raises(InputError, match="文档类型声明"):
        screen_file(path)


def test_a_cell_bomb_in_an_ods_stops_with_a_message(tmp_path):
    tables = ('<table:table table:name="a"><table:table-row table:number-rows-repeated="1000000">'
              '<table:table-cell table:number-columns-repeated="1000" office:value-type="string"><text:p>x</text:p>'
              '</table:table-cell></table:table-row></table:table>')
    path = tmp_path / "炸弹.ods"
    path.write_bytes(sf.ods(tables))
    with pytest.raises(InputError, match="单元格过多"):
        screen_file(path)


# --- the redacted copy -------------------------------------------------------

def _parts(data: bytes) -> dict[str, bytes]:
    z = zipfile.ZipFile(io.BytesIO(data))
    return {i.filename: z.read(i) for i in z.infolist()}


def test_the_redacted_xlsx_holds_none_of_the_numbers_in_any_part(roster, tmp_path):
    out = tmp_path / "花名册-脱敏.xlsx"
    result = run_cli([roster, "--redact", out])
    assert result.code == 1 and out.exists()
    parts = _parts(out.read_bytes())
    damaged = number_text(float(sf.ID_FLOAT)).split("E")[0].replace(".", "")
    for name, data in parts.items():
        for value in sf.ROSTER_NUMBERS + [damaged, sf.ID_FLOAT[:15]]:
            assert value.encode() not in data, (name, value[:3])
    assert screen_file(out).findings == ()


def test_the_redacted_xlsx_keeps_everything_else(roster, tmp_path):
    out = tmp_path / "花名册-脱敏.xlsx"
    run_cli([roster, "--redact", out])
    before, after = _parts(roster.read_bytes()), _parts(out.read_bytes())
    assert list(before) == list(after)
    assert before["xl/styles.xml"] == after["xl/styles.xml"]
    wb = openpyxl.load_workbook(out)
    ws = wb["花名册"]
    assert [c.value for c in ws[3]][:4] == [1, "张三", "53**************37", "138****5678"]
    assert ws["C4"].value == sf.ID_FLOAT[:2] + "*" * 14 + "00"  # the float became a masked text cell
    assert ws["D4"].value == "139****5678" and ws["A6"].value == "=A3+A4"  # formulas stay
    assert ws["C3"].number_format == "@" and ws.row_dimensions[5].hidden and ws.column_dimensions["F"].hidden
    assert wb["备用"].sheet_state == "veryHidden" and "陈德才" in wb.properties.keywords
    assert ws["E3"].comment.text.startswith("该户身份证 11")


def test_the_input_is_not_modified(roster, tmp_path):
    data = roster.read_bytes()
    run_cli([roster, "--redact", tmp_path / "out.xlsx"])
    assert roster.read_bytes() == data


@pytest.mark.parametrize("maker, suffix, target, message", [
    (sf.roster_xls, ".xls", "out.xls", "只能为 .xlsx 表格生成脱敏副本"),
    (sf.roster_ods, ".ods", "out.ods", "只能为 .xlsx 表格生成脱敏副本"),
    (sf.roster_xlsx, ".xlsx", "out.txt", "扩展名须一致"),
])
def test_redaction_that_cannot_be_faithful_is_refused(tmp_path, maker, suffix, target, message):
    path = tmp_path / f"名单{suffix}"
    path.write_bytes(maker())
    result = run_cli([path, "--redact", tmp_path / target])
    assert result.code == 2 and message in result.err and not (tmp_path / target).exists()


# --- leaks -------------------------------------------------------------------

@pytest.mark.parametrize("args", [[], ["--format", "json"], ["--format", "sheet"]])
def test_no_full_number_in_any_output(roster, tmp_path, args):
    sheet_name = tmp_path / f"户主{gen.id_number('530427', '19990909', '999')}.xlsx"
    sheet_name.write_bytes(sf.simple_xlsx([["姓名"], ["张三"]], title=f"张三{sf.ID_TEXT[:17]}"))
    result = run_cli([roster, sheet_name, *args])
    for value in sf.ROSTER_NUMBERS + [gen.id_number("530427", "19990909", "999"), sf.ID_TEXT[:17]]:
        assert value not in result.out + result.err, value[:3]
    if args == ["--format", "json"]:
        data = json.loads(result.out)
        assert {f.get("location") for fr in data["files"] for f in fr["findings"]} >= {"工作表「花名册」 C3"}


def test_sheets_and_library_agree(roster):
    cli = json.loads(run_cli([roster, "--format", "json"]).out)
    lib = screen_file(roster, config=Config())
    assert [f["code"] for f in cli["files"][0]["findings"]] == [f.code for f in lib.findings]
