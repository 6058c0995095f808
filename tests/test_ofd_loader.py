"""OFD drafts (GB/T 33190): pages, template pages, annotations, DocInfo,
scans and attachments, and hostile or mislabelled packages."""
from __future__ import annotations

import io
import zipfile

import pytest

import gen
from harness import run_cli
from ofd_factory import OfdPage, build_ofd
from screener import InputError, screen_file
from screener.loaders import load

ID = gen.id_number()
ID2 = gen.id_number("110105", "19720605", "031")
MOBILE = "13926647378"


def write(tmp_path, data, name="公示.ofd"):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def found(path):
    return [(f.code, f.location, f.text) for f in screen_file(path).findings]


@pytest.mark.parametrize("per_glyph", [False, True])
@pytest.mark.parametrize("absolute_paths", [False, True])
def test_pages_are_read_and_located(tmp_path, per_glyph, absolute_paths):
    pages = [OfdPage([(20, 30, "平掌乡低保对象公示"), (20, 40, f"户主李某某，身份证号码：{ID}")]),
             OfdPage([(20, 30, "联系电话："), (60, 30, MOBILE)])]
    path = write(tmp_path, build_ofd(pages, per_glyph=per_glyph, absolute_paths=absolute_paths))
    assert found(path) == [("ID101", "第1页", ID), ("MB201", "第2页", MOBILE)]
    assert "平掌乡低保对象公示" in load(path).text


@pytest.mark.parametrize("per_glyph", [False, True])
def test_a_number_wrapped_in_a_cell_is_joined_and_cells_stay_apart(tmp_path, per_glyph):
    pages = [OfdPage([(20, 30, "姓名"), (60, 30, "身份证号码"), (20, 36, "张三"), (60, 36, ID[:10]), (60, 42, ID[10:])])]
    doc = load(write(tmp_path, build_ofd(pages, per_glyph=per_glyph)))
    assert doc.text.splitlines()[:2] == ["姓名 身份证号码", f"张三 {ID}"]


def test_template_pages_annotations_and_docinfo_are_screened(tmp_path):
    data = build_ofd([OfdPage([(20, 30, "公示")], template=True)],
                     template_lines=[(20, 10, f"联系人电话 {MOBILE}")],
                     annotations={1: f"备注：身份证号码 {ID}"},
                     info={"title": "低保公示", "author": "王五", "keywords": f"陈德才;{ID2}"},
                     custom={"经办人电话": "13512345678"})
    path = write(tmp_path, data)
    assert found(path) == [("MB201", "模板页1", MOBILE), ("ID101", "第1页批注", ID),
                           ("ID101", "文档属性", ID2), ("MB201", "文档属性", "13512345678")]
    text = load(path).text
    assert "标题：低保公示" in text and "关键词：陈德才；" in text and "自定义数据（经办人电话）" in text


def test_scanned_pages_warn_pictures_note_and_attachments_warn(tmp_path):
    pages = [OfdPage(image=True), OfdPage([(20, 30, "正文")], image=True), OfdPage(image=True), OfdPage(image=True)]
    report = screen_file(write(tmp_path, build_ofd(pages, attachments=2)))
    assert [(f.code, f.severity.label, f.location) for f in report.findings] == [
        ("UC701", "warning", "第1页"), ("UC701", "warning", "第3至4页"),
        ("UC703", "info", "第2页"), ("UC702", "warning", "附件")]
    assert report.exit_code() == 1


def test_a_page_of_paths_without_text_is_reported_like_a_scan(tmp_path):
    path_objects = "".join(f'<ofd:PathObject ID="{i}" Boundary="0 0 5 5"><ofd:AbbreviatedData>M 0 0 L 5 5'
                           "</ofd:AbbreviatedData></ofd:PathObject>" for i in range(300))
    page = ('<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Content>'
            f'<ofd:Layer ID="90">{path_objects}</ofd:Layer></ofd:Content></ofd:Page>').encode()
    data = build_ofd([OfdPage([(20, 30, "正文")]), OfdPage()], extra={"Doc_0/Pages/Page_1/Content.xml": page})
    assert [(f.code, f.location) for f in screen_file(write(tmp_path, data)).findings] == [("UC701", "第2页")]


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content)
    return buf.getvalue()


def _replace(data: bytes, name: str, content: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        files = {i.filename: z.read(i) for i in z.infolist()}
    files[name] = content
    return _zip(files)


GOOD = build_ofd([OfdPage([(20, 30, "公示")])])
_BOMB = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
         '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&lol2;</ofd:DocRoot>'
         '</ofd:DocBody></ofd:OFD>').encode()


@pytest.mark.parametrize("payload, problem", [
    (b"", "文件为空"),
    (b"%PDF-1.7\n", "不是 OFD 文件，实际是PDF 文件"),
    (_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), "实际是 Office 文件"),
    (_zip({"readme.txt": b"x"}), "缺少 OFD.xml"),
    (_replace(GOOD, "OFD.xml", _BOMB), "不允许的 XML 文档类型声明"),
    (_replace(GOOD, "OFD.xml", b"<ofd:OFD xmlns:ofd='x'>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</ofd:OFD>"), "不是有效的 XML"),
    (_replace(GOOD, "OFD.xml", b"<ofd:OFD xmlns:ofd='x'><ofd:DocBody"), "不是有效的 XML"),
    (_replace(GOOD, "Doc_0/Pages/Page_0/Content.xml", b"<ofd:Page"), "不是有效的 XML"),
    (_replace(GOOD, "Doc_0/Document.xml", GOOD[:0] + b"<ofd:Document xmlns:ofd='http://www.ofdspec.org/2016'><ofd:Pages>"
              b"<ofd:Page ID='1' BaseLoc='../../etc/passwd'/></ofd:Pages></ofd:Document>"), "缺少其中引用的部件"),
    (_replace(GOOD, "OFD.xml", b"<Other/>"), "根元素不对"),
    (GOOD[: len(GOOD) // 2], "已损坏"),
])
def test_hostile_or_mislabelled_ofd_is_one_clear_error(tmp_path, payload, problem):
    path = write(tmp_path, payload)
    with pytest.raises(InputError) as caught:
        load(path)
    assert problem in caught.value.problem
    result = run_cli([path])
    assert result.code == 2 and len(result.err.splitlines()) == 1


def test_a_zip_bomb_member_is_refused_before_it_is_unpacked(tmp_path, monkeypatch):
    import screener.loaders.ooxml as ooxml

    monkeypatch.setattr(ooxml, "MAX_PART_BYTES", 1024 * 1024)
    data = _replace(GOOD, "Doc_0/Pages/Page_0/Content.xml", b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>")
    assert len(data) < 100_000  # it compresses to almost nothing
    with pytest.raises(InputError, match="压缩炸弹"):
        load(write(tmp_path, data))


def test_no_output_shows_a_full_number_unless_asked(tmp_path):
    path = write(tmp_path, build_ofd([OfdPage([(20, 30, f"身份证号码：{ID}")])], info={"keywords": ID2}))
    for args in ([path], [path, "--format", "json"], [path, "--format", "sheet"]):
        result = run_cli(args)
        assert result.code == 1 and ID not in result.out + result.err and ID2 not in result.out + result.err
