"""Issue 15's "done when", end to end: the folder of attachments a township
posts, screened as one folder the way a clerk runs it.

An Excel 花名册 with a hidden sheet and an ID stored as a number, its .xls
copy, a PDF of the 公示 table, the same as .doc, an OFD, a .zip of them, a
scan, and a .docx whose numbers sit only in its properties, a link and a
comment: every planted number is found and located, the scan is flagged,
the run exits 1; the redacted .xlsx and .docx hold none of the numbers in
any part of the package."""
from __future__ import annotations

import re
import zipfile

import pytest

import gen
import sheet_factory as sf
from doc_factory import build_doc
from docx_factory import build_docx, hyperlink, para, run
from harness import run_cli
from ofd_factory import OfdPage, build_ofd
from pdf_factory import Page, build_pdf
from screener import Config, screen_paths

ID_PDF = gen.id_number("530102", "19880808", "151")
ID_DOC = gen.id_number("530103", "19770707", "262")
ID_OFD = gen.id_number("530111", "19660606", "373")
ID_PROPERTY = gen.id_number("530112", "19550505", "484")
MOBILE_PDF = gen.mobile("139", 7)
MOBILE_LINK = gen.mobile("158", 3)
MOBILE_COMMENT = gen.mobile("137", 5)


def _row(name: str, number: str, phone: str = "") -> str:
    return f"户主 {name} 身份证号 {number}" + (f" 联系电话 {phone}" if phone else "")


@pytest.fixture()
def folder(tmp_path):
    root = tmp_path / "附件"
    root.mkdir()
    (root / "附件1-花名册.xlsx").write_bytes(sf.roster_xlsx())
    (root / "附件1-花名册.xls").write_bytes(sf.roster_xls())
    pdf = build_pdf([Page(lines=[(72, 720, "临时救助对象公示"), (72, 690, _row("张三", ID_PDF, MOBILE_PDF))])])
    (root / "附件2-公示.pdf").write_bytes(pdf)
    (root / "附件3-公示.doc").write_bytes(build_doc(["临时救助对象公示", _row("李四", ID_DOC)]))
    (root / "附件4-公示.ofd").write_bytes(build_ofd([OfdPage(lines=[(20, 30, _row("王五", ID_OFD))])]))
    (root / "附件5-打包.zip").write_bytes(sf.zip_of({"花名册.xlsx": sf.roster_xlsx(), "公示.pdf": pdf}))
    (root / "附件6-扫描件.pdf").write_bytes(build_pdf([Page(image=True)]))
    build_docx(root / "说明.docx",
               [para(run("详见"), hyperlink("rIdTel", "联系方式")), "请各村核实。"],
               properties={"keywords": f"户主 {ID_PROPERTY}"},
               links={"rIdTel": f"tel:{MOBILE_LINK}"},
               comments=[("请各村核实。", f"户主手机 {MOBILE_COMMENT}")])
    return root


PLANTED = {
    "附件1-花名册.xlsx": {sf.ID_TEXT, sf.ID_HIDDEN_SHEET, sf.ID_HIDDEN_ROW, sf.MOBILE_ROW},
    "附件1-花名册.xls": {sf.ID_TEXT, sf.MOBILE_ROW},
    "附件2-公示.pdf": {ID_PDF, MOBILE_PDF},
    "附件3-公示.doc": {ID_DOC},
    "附件4-公示.ofd": {ID_OFD},
    "附件5-打包.zip › 花名册.xlsx": {sf.ID_TEXT, sf.ID_HIDDEN_SHEET, sf.MOBILE_ROW},
    "附件5-打包.zip › 公示.pdf": {ID_PDF, MOBILE_PDF},
    "说明.docx": {ID_PROPERTY, MOBILE_LINK, MOBILE_COMMENT},
}


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def test_every_planted_number_is_found_and_located_and_the_scan_flagged(folder):
    report = screen_paths([folder], config=Config(ocr=False), jobs=1)
    assert report.errors == () and report.exit_code() == 1
    by_name = {fr.path[len(str(folder)) + 1:]: fr for fr in report.files}
    for name, planted in PLANTED.items():
        found = {_digits(f.text) for f in by_name[name].findings if f.personal}
        assert {_digits(v) for v in planted} <= found, name
    # a located finding in every attachment that has places: a page, a cell, a property
    for name in ("附件1-花名册.xlsx", "附件2-公示.pdf", "说明.docx"):
        assert all(f.location for f in by_name[name].findings if f.personal), name
    # the ID Excel turned into a number is reported as a damaged ID
    assert any(f.code == "ID106" for f in by_name["附件1-花名册.xlsx"].findings)
    scan = [f for f in by_name["附件6-扫描件.pdf"].findings if f.code == "UC701"]
    assert len(scan) == 1 and "第1页" in scan[0].message


def test_the_redacted_spreadsheet_and_word_file_hold_no_number_in_any_part(folder, tmp_path):
    out = tmp_path / "脱敏"
    out.mkdir()
    result = run_cli([folder, "--redact", out, "--no-ocr"])
    # PDF, OFD and .doc cannot be redacted faithfully: the run says so and exits 2
    assert result.code == 2 and "PDF" in result.err
    planted = {_digits(v) for v in set().union(*PLANTED.values())}
    for name in ("附件1-花名册.xlsx", "说明.docx"):
        with zipfile.ZipFile(out / name) as package:
            for member in package.namelist():
                digits = _digits(package.read(member).decode("utf-8", "replace"))
                assert not [v for v in planted if v in digits], (name, member)
    for value in planted:
        assert value not in result.out + result.err
