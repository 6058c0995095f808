"""PDF drafts: text per page in both Chinese font encodings, numbers split by
the layout, document information, scanned pages, encryption, wrong content."""
from __future__ import annotations

import json

import pytest

import gen
from harness import run_cli
from pdf_factory import Page, build_pdf
from screener import InputError, screen_file
from screener.loaders import load
from screener.loaders.paged import PagedDocument

ID = gen.id_number()
ID2 = gen.id_number("110105", "19720605", "031")
MOBILE = "13926647378"
CARD = gen.bank_card()


def write(tmp_path, pages, name="公示.pdf", **options):
    path = tmp_path / name
    path.write_bytes(build_pdf(pages, **options))
    return path


def found(path):
    return [(f.kind, f.code, f.location, f.text) for f in screen_file(path).findings]


@pytest.mark.parametrize("font", ["identity", "ucs2"])
def test_chinese_text_is_read_page_by_page_and_located(tmp_path, font):
    pages = [Page([(50, 800, "平掌乡人民政府关于农村低保对象的公示"), (50, 780, f"户主李某某，身份证号码：{ID}")]),
             Page([(50, 800, f"联系电话：{MOBILE}")])]
    doc = load(write(tmp_path, pages, font=font))
    assert isinstance(doc, PagedDocument) and "平掌乡人民政府关于农村低保对象的公示" in doc.text
    assert found(tmp_path / "公示.pdf") == [("id-card", "ID101", "第1页", ID), ("mobile", "MB201", "第2页", MOBILE)]


@pytest.mark.parametrize("first, second, joined", [
    (f"身份证号码：{ID[:9]}", f"{ID[9:]}", ID),  # an ID wrapped in a narrow cell
    (f"身份证号码：{ID[:17]}", f"{ID[17:]}（户主）", ID),  # only the check character wraps
    (f"电话：{MOBILE[:7]}", f"{MOBILE[7:]}", MOBILE),
    (f"银行卡号：{CARD[:12]}", f"{CARD[12:]}", CARD),
])
def test_a_number_the_layout_split_across_lines_is_found_whole(tmp_path, first, second, joined):
    path = write(tmp_path, [Page([(50, 800, first), (50, 785, second)])])
    assert [f.text for f in screen_file(path).findings] == [joined]


@pytest.mark.parametrize("first, second", [
    ("编号：2024", "0315"),  # two short numbers that are no number together
    (f"身份证号码：{ID}", "2024年6月1日"),  # the first line's number is already whole
    ("金额：12345678", "9012345678元"),  # 18 digits that fail the ID check
    (f"第{ID[:9]}", "号文件"),
])
def test_lines_that_do_not_make_a_valid_number_stay_apart(tmp_path, first, second):
    doc = load(write(tmp_path, [Page([(50, 800, first), (50, 785, second)])]))
    assert doc.text.splitlines()[:2] == [first, second]


def test_document_information_is_screened_as_document_properties(tmp_path):
    path = write(tmp_path, [Page([(50, 800, "公示")])],
                 info={"title": "低保公示", "author": "王五", "keywords": f"陈德才 {ID}", "subject": f"电话{MOBILE}"})
    assert found(path) == [("mobile", "MB201", "文档属性", MOBILE), ("id-card", "ID101", "文档属性", ID)]
    assert "标题：低保公示" in load(path).text and "作者：王五" in load(path).text


@pytest.mark.parametrize("pages, where, severity", [
    ([Page(image=True)], ["第1页"], "warning"),
    ([Page([(50, 800, "公示")]), Page(image=True), Page(image=True), Page([(50, 800, "完")]), Page(image=True)],
     ["第2至3页", "第5页"], "warning"),
])
def test_scanned_pages_are_a_warning_naming_the_pages(tmp_path, pages, where, severity):
    path = write(tmp_path, pages)
    report = screen_file(path)
    scans = [f for f in report.findings if f.code == "UC701"]
    assert [f.location for f in scans] == where and {f.severity.label for f in scans} == {severity}
    assert all(w in f.message for w, f in zip(where, scans))
    assert report.exit_code() == 1  # a scan never passes as clean


def test_a_scan_only_pdf_fails_the_cli_and_names_the_pages(tmp_path):
    path = write(tmp_path, [Page(image=True), Page(image=True)])
    result = run_cli([path])
    assert result.code == 1 and "第1至2页没有文字层" in result.out and "未发现问题" not in result.out


def test_pictures_beside_text_are_a_note_not_a_failure(tmp_path):
    path = write(tmp_path, [Page([(50, 800, "关于公示的通知")], image=True), Page([(50, 800, "附件")], image=True)])
    report = screen_file(path)
    assert [(f.code, f.severity.label, f.location) for f in report.findings] == [("UC703", "info", "第1至2页")]
    assert report.exit_code() == 0


def test_blank_pages_and_text_only_pages_have_no_unchecked_findings(tmp_path):
    path = write(tmp_path, [Page([(50, 800, "关于公示的通知")]), Page(), Page(shapes=12)])
    assert found(path) == []


def test_a_page_of_text_converted_to_outlines_is_not_blank(tmp_path):
    path = write(tmp_path, [Page([(50, 800, "关于公示的通知")]), Page(shapes=400)])
    assert [(f.code, f.location) for f in screen_file(path).findings] == [("UC701", "第2页")]


def test_comments_and_link_targets_are_screened_where_they_sit(tmp_path):
    pages = [Page([(50, 800, "公示")]),
             Page([(50, 800, "联系方式见链接")], comments=[f"该户身份证 {ID}，核实后删除"], links=[f"tel:{MOBILE}"]),
             Page(image=True, comments=["扫描件请核对"])]
    path = write(tmp_path, pages)
    assert [(f.code, f.location) for f in screen_file(path).findings] == [
        ("ID101", "第2页批注"), ("MB201", "第2页链接"), ("UC701", "第3页")]
    assert "扫描件请核对" in load(path).text


def test_latin_only_pdf(tmp_path):
    path = write(tmp_path, [Page([(50, 800, f"Tel {MOBILE}")])], font="latin")
    assert found(path) == [("mobile", "MB201", "第1页", MOBILE)]


def test_encrypted_pdf_that_needs_a_password_is_one_clear_error(tmp_path):
    path = write(tmp_path, [Page([(50, 800, f"身份证号码：{ID}")])], user_password="secret")
    with pytest.raises(InputError) as caught:
        load(path)
    assert "设有打开密码" in caught.value.problem
    result = run_cli([path])
    assert result.code == 2 and "设有打开密码" in result.err and ID not in result.err + result.out


def test_encrypted_pdf_with_an_empty_user_password_is_read(tmp_path):
    # Permissions-only encryption (owner password): every reader opens it, so must screener.
    path = write(tmp_path, [Page([(50, 800, f"身份证号码：{ID}")])], user_password="")
    assert found(path) == [("id-card", "ID101", "第1页", ID)]


@pytest.mark.parametrize("payload, problem", [
    (b"", "文件为空"),
    (b"PK\x03\x04" + b"\x00" * 40, "实际是zip 压缩包"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, "实际是旧版 Office 文件"),
    (b"<html><body>x</body></html>", "实际是网页"),
    (b"%PDF-1.7\n1 0 obj\n<<", "已损坏"),
    ("公示".encode("gbk"), "不是有效的 PDF 文件"),
])
def test_a_pdf_that_is_not_one_is_one_clear_error(tmp_path, payload, problem):
    path = tmp_path / "公示.pdf"
    path.write_bytes(payload)
    with pytest.raises(InputError) as caught:
        load(path)
    assert problem in caught.value.problem


def test_truncated_pdf_never_passes_as_clean(tmp_path):
    data = build_pdf([Page([(50, 800, f"身份证号码：{ID}")]), Page([(50, 800, f"电话：{MOBILE}")])])
    for cut in (len(data) // 3, len(data) // 2, len(data) - 40):
        path = tmp_path / f"cut{cut}.pdf"
        path.write_bytes(data[:cut])
        result = run_cli([path])
        # PDFium repairs what it can: either the numbers are found, or the file is an error
        assert result.code in (1, 2) and "未发现问题" not in result.out, result


def test_no_output_shows_a_full_number_unless_asked(tmp_path):
    path = write(tmp_path, [Page([(50, 800, f"身份证号码：{ID[:9]}"), (50, 785, ID[9:])]), Page(image=True)],
                 info={"keywords": ID2})
    for args in ([path], [path, "--format", "json"], [path, "--format", "sheet"]):
        result = run_cli(args)
        assert result.code == 1 and ID not in result.out + result.err and ID2 not in result.out + result.err
    shown = run_cli([path, "--format", "json", "--show-values"])
    texts = [f["text"] for f in json.loads(shown.out)["files"][0]["findings"]]
    assert ID in texts and ID2 in texts
