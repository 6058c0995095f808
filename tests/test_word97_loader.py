"""Old Word (.doc) and WPS (.wps) drafts: every story of the Word binary
format, field results and link targets, properties, pictures reported, and
files that are not what their extension says."""
from __future__ import annotations

import io

import docx
import pytest

import gen
from doc_factory import build_cfb, build_doc
from harness import run_cli
from screener import InputError, screen_file
from screener.loaders import load

ID = gen.id_number()
ID2 = gen.id_number("110105", "19720605", "031")
MOBILE = "13926647378"
MOBILE2 = "13512345678"


def write(tmp_path, data, name="公示.doc"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def found(path):
    return [(f.code, f.location, f.text) for f in screen_file(path).findings]


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
@pytest.mark.parametrize("compress", [True, False])
def test_every_story_is_read_and_located(tmp_path, suffix, compress):
    data = build_doc(
        ["平掌乡人民政府关于农村低保对象的公示", "", f"户主李某某，身份证号码：{ID}", f"姓名\x07联系电话\x07\x07张三\x07{MOBILE}\x07\x07"],
        footnotes=["\x02 经办人：", "王某", f"\x02 电话 {MOBILE2}"], headers=["内部资料"],
        comments=["\x05该户有多次越级上访记录"],
        endnotes=[f"\x02 复核人身份证 {ID2}"], textboxes=["邮箱 lisi@example.com"], compress=compress)
    path = write(tmp_path, data, "公示" + suffix)
    assert found(path) == [("ID101", "第2段", ID), ("MB201", "第4段", MOBILE), ("MB201", "脚注2", MOBILE2),
                           ("CM201", "页眉页脚", "内部资料"), ("ID101", "尾注1", ID2),
                           ("EM401", "文本框", "lisi@example.com")]
    doc = load(path)
    assert doc.location(doc.text.index("王某")) == "脚注1"  # the second paragraph of the first note
    text = doc.text
    assert text.splitlines()[2:4] == ["姓名\t联系电话", f"张三\t{MOBILE}"]  # a table row is one line
    assert "该户有多次越级上访记录" in text and "\ue000" not in text and "平掌乡人民政府关于农村低保对象的公示" in text


def test_field_codes_give_way_to_results_and_link_targets_are_screened(tmp_path):
    body = [f'请拨打\x13 HYPERLINK "tel:{MOBILE}" \x14值班电话\x15咨询', "第\x13 PAGE \x14" "3\x15页"]
    path = write(tmp_path, build_doc(body))
    assert load(path).text.splitlines()[:2] == [f"请拨打值班电话（链接：tel:{MOBILE}）咨询", "第3页"]
    assert found(path) == [("MB201", "第1段", MOBILE)]


def test_properties_in_gbk_are_screened_as_document_properties(tmp_path):
    path = write(tmp_path, build_doc(["公示"], properties={"title": "低保公示", "author": "王五",
                                                           "keywords": f"陈德才 {ID}", "comments": f"电话{MOBILE}"}))
    assert found(path) == [("ID101", "文档属性", ID), ("MB201", "文档属性", MOBILE)]
    assert "标题：低保公示" in load(path).text and "作者：王五" in load(path).text


def test_pictures_and_objects_are_reported_as_not_checked(tmp_path):
    report = screen_file(write(tmp_path, build_doc(["附件：花名册\x01", "公章\x08"])))
    assert [(f.code, f.severity.label) for f in report.findings] == [("UC702", "warning")]
    assert "2 个" in report.findings[0].text and report.exit_code() == 1


def _docx_bytes() -> bytes:
    d = docx.Document()
    d.add_paragraph(f"户主李某某，身份证号码：{ID}")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", ["公示.doc", "公示.wps"])
def test_a_doc_or_wps_that_is_really_a_docx_is_read_as_one(tmp_path, name):
    assert found(write(tmp_path, _docx_bytes(), name)) == [("ID101", "第1段", ID)]


def test_a_doc_that_is_really_a_web_page_is_read_as_one(tmp_path):
    html = f"<html><head><meta charset='utf-8'></head><body><p>身份证号码：{ID}</p></body></html>"
    assert [f.text for f in screen_file(write(tmp_path, html.encode())).findings] == [ID]


@pytest.mark.parametrize("name, payload, problem", [
    ("公示.doc", b"{\\rtf1\\ansi " + ID.encode() + b"}", "实际是 RTF 格式"),
    ("公示.wps", b"{\\rtf1\\ansi x}", "实际是 RTF 格式"),
    ("公示.doc", b"", "文件为空"),
    ("公示.doc", b"%PDF-1.7\n", "实际是PDF 文件"),
    ("公示.doc", "身份证号码".encode("gbk"), "不是有效的 .doc 文件"),
    ("公示.doc", build_cfb({"Workbook": b"\x09\x08" + b"\x00" * 100}), "实际是旧版 Excel"),
    ("公示.doc", build_cfb({"PowerPoint Document": b"\x00" * 100}), "实际是旧版 PowerPoint"),
    ("公示.wps", build_cfb({"WpsContent": b"\x00" * 100}), "是旧版 WPS 文字格式"),
    ("公示.doc", build_cfb({"Other": b"\x00" * 100}), "没有 WordDocument 数据流"),
    ("公示.doc", build_cfb({"EncryptedPackage": b"\x00" * 100, "EncryptionInfo": b"\x00" * 10}), "设有打开密码"),
    ("公示.doc", build_doc([f"身份证号码：{ID}"], encrypted=True), "设有打开密码"),
    ("公示.doc", build_doc(["旧稿"], word_ident=0xA5DC), "Word 6.0/95"),
    ("公示.doc", build_doc(["旧稿"], nfib=0x0065), "Word 6.0/95"),
    ("公示.doc", build_doc(["旧稿"], word_ident=0x1234), "文件头标识不对"),
    ("公示.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 600, "已损坏"),
])
def test_a_file_that_cannot_be_read_says_why(tmp_path, name, payload, problem):
    path = write(tmp_path, payload, name)
    with pytest.raises(InputError) as caught:
        load(path)
    assert problem in caught.value.problem
    result = run_cli([path])
    assert result.code == 2 and len(result.err.splitlines()) == 1 and ID not in result.err


def test_truncations_never_crash_and_never_pass_as_clean(tmp_path):
    data = build_doc([f"身份证号码：{ID}"], properties={"author": "王五"})
    for cut in range(0, len(data), 499):
        path = write(tmp_path, data[:cut], f"cut{cut}.doc")
        result = run_cli([path])
        assert result.code in (1, 2) and "Traceback" not in result.err, (cut, result)
        assert ID not in result.out + result.err


def test_redact_of_a_doc_says_to_correct_the_source_and_writes_nothing(tmp_path):
    path = write(tmp_path, build_doc([f"身份证号码：{ID}"]))
    result = run_cli([path, "--redact", tmp_path / "clean.doc"])
    assert result.code == 2 and "请在 Word 或 WPS 中按检查结果修改原文件" in result.err
    assert not (tmp_path / "clean.doc").exists()


def test_a_wps_that_is_really_a_docx_can_be_redacted_into_a_wps(tmp_path):
    path = write(tmp_path, _docx_bytes(), "公示.wps")
    result = run_cli([path, "--redact", tmp_path / "clean.wps"])
    assert result.code == 1, result
    assert ID not in (tmp_path / "clean.wps").read_bytes().decode("latin-1")
    assert found(tmp_path / "clean.wps") == []
