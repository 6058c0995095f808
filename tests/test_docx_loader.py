"""What each Word construct yields: the text read and the label a reviewer
uses to find it; the map back to the original runs; and every way a .docx
can be broken or hostile, each ending in one clear reason."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from docx_factory import (W, build_docx, content_control, deleted, document_xml, field, footnote_ref,
                          inserted, line_break, minimal_parts, moved_from, para, run, tab, textbox,
                          zip_bytes)
from screener.errors import InputError
from screener.loaders import load, ooxml
from screener.loaders.docx import load_docx


def labelled(doc) -> list[tuple[str, str]]:
    return [(doc.text[s.start:s.end], s.label) for s in doc.segments]


# (case id, build_docx arguments, (text, label) pairs that must be read, texts that must not be read)
CONSTRUCTS = [
    ("body paragraphs; empty ones are not counted",
     dict(blocks=["", "甲段", "", "乙段"]), [("甲段", "第1段"), ("乙段", "第2段")], []),
    ("table cells",
     dict(blocks=["前言", [["姓名", "邮箱"], ["张三", "z@example.com"]]]),
     [("前言", "第1段"), ("姓名", "表格1 第1行第1列"), ("z@example.com", "表格1 第2行第2列")], []),
    ("second table, paragraph numbering goes on after tables",
     dict(blocks=[[["一"]], "中段", [["二"]]]),
     [("一", "表格1 第1行第1列"), ("中段", "第1段"), ("二", "表格2 第1行第1列")], []),
    ("nested table is found in its outer cell",
     dict(blocks=[[[para(run("外"))]]]), [("外", "表格1 第1行第1列")], []),
    ("header and footer",
     dict(blocks=["正文"], header="机密 页眉", footer="第 1 页"),
     [("机密 页眉", "页眉"), ("第 1 页", "页脚")], []),
    ("first-page header",
     dict(blocks=["正文"], header="每页", first_header="首页抬头"),
     [("每页", "页眉"), ("首页抬头", "首页页眉")], []),
    ("footnote, numbered as shown",
     dict(blocks=[para(run("见注"), footnote_ref(1))], footnotes=["注文 f@example.com"]),
     [("见注", "第1段"), ("注文 f@example.com", "脚注1")], []),
    ("comment",
     dict(blocks=["正文"], comments=[("被批注的话", "批注里的 c@example.com")]),
     [("被批注的话", "第2段"), ("批注里的 c@example.com", "批注1")], []),
    ("text box read once, from mc:Choice, not again from mc:Fallback",
     dict(blocks=["开头", para(run("锚段"), textbox("框内文字"))]),
     [("锚段", "第2段"), ("框内文字", "文本框1（第2段）")], []),
    ("text box anchored in an empty paragraph",
     dict(blocks=["开头", para(textbox("浮动框"))]), [("浮动框", "文本框1（第1段后）")], []),
    ("tracked deletion, in place",
     dict(blocks=[para(run("电话"), deleted("已删除"), run("结束"))]),
     [("电话", "第1段"), ("已删除", "修订删除（第1段）"), ("结束", "第1段")], []),
    ("paragraph with deletions: insertions follow on their own line",
     dict(blocks=[para(run("号"), deleted("旧"), inserted("新"))]),
     [("号", "第1段"), ("旧", "修订删除（第1段）"), ("新", "修订插入（第1段）")], []),
    ("insertion without deletions stays in place",
     dict(blocks=[para(run("甲"), inserted("乙"), run("丙"))]), [("甲乙丙", "第1段")], []),
    ("deletion inside a table cell",
     dict(blocks=[[[para(run("a"), deleted("b"))]]]), [("b", "修订删除（表格1 第1行第1列）")], []),
    ("moved-from text is not read twice",
     dict(blocks=[para(moved_from("挪走的"), run("留下"))]), [("留下", "第1段")], ["挪走的"]),
    ("field code hidden, field result read",
     dict(blocks=[para(field('HYPERLINK "http://x.example"', "点此访问"))]), [("点此访问", "第1段")], ["HYPERLINK"]),
    ("tab and line break",
     dict(blocks=[para(run("a"), tab(), run("b"), line_break(), run("c"))]), [("a\tb\nc", "第1段")], []),
    ("content control",
     dict(blocks=[para(content_control(run("控件里")))]), [("控件里", "第1段")], []),
]


@pytest.mark.parametrize("kwargs, expected, absent", [c[1:] for c in CONSTRUCTS], ids=[c[0] for c in CONSTRUCTS])
def test_each_construct_is_read_and_labelled(tmp_path, kwargs, expected, absent):
    doc = load(build_docx(tmp_path / "draft.docx", **kwargs))
    pairs = labelled(doc)
    for pair in expected:
        assert pair in pairs
    for text in absent:
        assert text not in doc.text


def test_text_runs_point_at_the_original_elements(tmp_path):
    """Redaction's contract: each TextRun names the element whose text it is."""
    path = build_docx(tmp_path / "d.docx", [para(run("邮箱 "), deleted("old@example.com")), [["x@example.com"]]],
                      header="页眉 h@example.com", footnotes=["注"], comments=[("锚", "批注")])
    doc = load(path)
    assert doc.runs
    with zipfile.ZipFile(path) as zf:
        roots = {name: etree.fromstring(zf.read(name)) for name in {r.part for r in doc.runs}}
    for r in doc.runs:
        elements = list(roots[r.part].iter(f"{{{W}}}t", f"{{{W}}}delText"))
        assert elements[r.index].text == doc.text[r.start:r.end]
    assert {r.part for r in doc.runs} >= {"word/document.xml", "word/header1.xml", "word/comments.xml",
                                          "word/footnotes.xml"}


def test_runs_for_gives_each_run_its_own_slice(tmp_path):
    doc = load(build_docx(tmp_path / "d.docx", [para(run("联系 ab"), run("cd@exa"), run("mple.com 止"))]))
    start = doc.text.index("ab")
    end = doc.text.index(".com") + 4
    slices = [doc.text[r.start:r.end][s:e] for r, s, e in doc.runs_for(start, end)]
    assert "".join(slices) == "abcd@example.com"


def test_a_number_half_in_a_deletion_names_both_places(tmp_path):
    from screener import screen_paths

    path = build_docx(tmp_path / "d.docx", [para(run("邮箱：zhang"), deleted("wei@example"), inserted("***"),
                                                  run(".com"))])
    finding = screen_paths([path], jobs=1).findings[0]
    assert finding.kind == "email"
    assert finding.location == "第1段、修订删除（第1段）"


def _doctype_bomb() -> bytes:
    entities = "".join(f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e0 "lol">{entities}]>'.encode()


def _ole(encrypted: bool) -> bytes:
    stream = "EncryptedPackage".encode("utf-16-le") if encrypted else b"WordDocument"
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + stream + b"\0" * 512


def _truncated() -> bytes:
    data = zip_bytes(minimal_parts(document_xml(para(run("正文" * 200)))))
    return data[: len(data) // 2]


def _bad_crc() -> bytes:
    data = bytearray(zip_bytes(minimal_parts(document_xml(para(run("正文内容"))) + " " * 50), zipfile.ZIP_STORED))
    at = data.index("正文内容".encode())
    data[at] ^= 0xFF
    return bytes(data)


BROKEN = [
    ("empty", b"", "文件为空"),
    ("not a zip", b"this is plain text", "不是 zip 格式"),
    ("password-protected (OLE EncryptedPackage)", _ole(True), "设有打开密码"),
    ("old .doc renamed", _ole(False), "旧版 Word 格式"),
    ("truncated zip", _truncated(), "文件已损坏"),
    ("damaged member (CRC)", _bad_crc(), "无法解压"),
    ("zip without a document part", zip_bytes({"hello.txt": b"x"}), "缺少正文部件"),
    ("a workbook renamed .docx", zip_bytes(minimal_parts('<workbook xmlns="urn:x"><body/></workbook>')), "不是 Word 文档"),
    ("malformed XML", zip_bytes(minimal_parts("<w:document><w:body>")), "不是有效的 XML"),
    ("entity bomb", zip_bytes(minimal_parts(_doctype_bomb().decode() + "<w:document/>")), "XML 文档类型声明"),
    ("external entity", zip_bytes(minimal_parts(
        '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>')), "XML 文档类型声明"),
]


@pytest.mark.parametrize("data, reason", [c[1:] for c in BROKEN], ids=[c[0] for c in BROKEN])
def test_a_broken_docx_fails_with_its_reason(tmp_path, data, reason):
    path = tmp_path / "坏.docx"
    path.write_bytes(data)
    with pytest.raises(InputError) as info:
        load(path)
    assert reason in info.value.problem
    assert info.value.path == str(path)


LIMITS = [
    ("declared part size over the cap", dict(MAX_PART_BYTES=1000), "压缩炸弹"),
    ("total unpacked over the cap", dict(MAX_TOTAL_BYTES=1500), "压缩炸弹"),
    ("too many members", dict(MAX_MEMBERS=3), "文件过多"),
]


@pytest.mark.parametrize("limits, reason", [c[1:] for c in LIMITS], ids=[c[0] for c in LIMITS])
def test_zip_bomb_limits(tmp_path, monkeypatch, limits, reason):
    """A highly compressible part over a cap stops before it is unpacked."""
    for name, value in limits.items():
        monkeypatch.setattr(ooxml, name, value)
    parts = minimal_parts(document_xml(para(run("甲" * 400))))
    parts["word/extra.xml"] = b"0" * 10
    data = zip_bytes(parts)
    with pytest.raises(InputError) as info:
        load_docx(Path("bomb.docx"), data)
    assert reason in info.value.problem


def test_a_forged_size_header_cannot_smuggle_more_bytes(monkeypatch):
    """A header declaring less than the member holds passes the size check,
    but unpacking stops at the declared size and the damage is reported."""
    monkeypatch.setattr(ooxml, "MAX_PART_BYTES", 4096)
    monkeypatch.setattr(ooxml, "CHUNK", 512)
    data = bytearray(zip_bytes(minimal_parts(document_xml(para(run("x" * 20000))))))
    # shrink the declared uncompressed size of word/document.xml in both headers
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    data = data.replace(real, (100).to_bytes(4, "little"))
    with pytest.raises(InputError) as info:
        load_docx(Path("forged.docx"), bytes(data))
    assert "word/document.xml 无法解压" in info.value.problem


def test_a_text_box_is_read_once(tmp_path):
    doc = load(build_docx(tmp_path / "d.docx", [para(run("锚"), textbox("框内文字"))]))
    assert doc.text.count("框内文字") == 1


def test_sections_name_their_headers(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("第一节正文")
    d.sections[0].header.paragraphs[0].text = "一节眉"
    second = d.add_section()
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "二节眉"
    d.add_paragraph("第二节正文")
    d.save(tmp_path / "s.docx")
    pairs = labelled(load(tmp_path / "s.docx"))
    assert ("一节眉", "第1节页眉") in pairs and ("二节眉", "第2节页眉") in pairs


def _package(extra_parts: dict[str, str], rels: str, body: str) -> bytes:
    parts = minimal_parts(document_xml(body))
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + rels + "</Relationships>").encode()
    parts.update({name: xml.encode() for name, xml in extra_parts.items()})
    return zip_bytes(parts)


_REL = '<Relationship Id="{id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}" Target="{target}"/>'
_NS_W = f'xmlns:w="{W}"'


def test_parts_in_the_file_but_never_shown_are_read_and_say_so():
    data = _package(
        {"word/header9.xml": f"<w:hdr {_NS_W}><w:p>{run('孤立页眉')}</w:p></w:hdr>",
         "word/footnotes.xml": f'<w:footnotes {_NS_W}><w:footnote w:id="5"><w:p>{run("没人引用的注")}</w:p>'
                               "</w:footnote></w:footnotes>",
         "word/endnotes.xml": f'<w:endnotes {_NS_W}><w:endnote w:id="2"><w:p>{run("尾注文字")}</w:p>'
                              "</w:endnote></w:endnotes>"},
        _REL.format(id="rId1", type="header", target="header9.xml")
        + _REL.format(id="rId2", type="footnotes", target="footnotes.xml")
        + _REL.format(id="rId3", type="endnotes", target="endnotes.xml"),
        para(run("正文"), '<w:r><w:endnoteReference w:id="2"/></w:r>'),
    )
    pairs = labelled(load_docx(Path("p.docx"), data))
    assert ("孤立页眉", "页眉（未使用）") in pairs
    assert ("没人引用的注", "脚注（未引用）") in pairs
    assert ("尾注文字", "尾注1") in pairs


def test_strict_ooxml_namespace_is_read():
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>严格格式</w:t></w:r></w:p></w:body></w:document>'
    doc = load_docx(Path("s.docx"), zip_bytes(minimal_parts(xml)))
    assert labelled(doc) == [("严格格式", "第1段")]


def test_a_real_zip_bomb_is_refused_before_unpacking(tmp_path):
    """100 MB of zeros packed into a few hundred KB, with the default caps."""
    parts = minimal_parts(document_xml(para(run("正文"))))
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + _REL.format(id="rId1", type="header", target="header1.xml") + "</Relationships>").encode()
    path = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
        with zf.open("word/header1.xml", "w") as member:
            for _ in range(100):
                member.write(b"\0" * (1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InputError) as info:
        load(path)
    assert "压缩炸弹" in info.value.problem


def test_damaged_files_end_in_a_reason_never_a_crash(tmp_path):
    """Seeded random damage to the zip bytes and to the document XML: every
    outcome is a Document or an InputError, never another exception."""
    import random

    path = build_docx(tmp_path / "d.docx", ["a", [["b", "c"]], para(run("x"), deleted("y"), textbox("z"),
                                                                      footnote_ref(1))],
                      header="h", footnotes=["n"], comments=[("c", "d")])
    data = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in zf.namelist()}
    xml = members["word/document.xml"].decode()
    rnd = random.Random(5)
    samples = []
    for _ in range(150):
        damaged = bytearray(data)
        for _ in range(rnd.randrange(1, 20)):
            damaged[rnd.randrange(len(damaged))] = rnd.randrange(256)
        samples.append(bytes(damaged))
        chars = list(xml)
        for _ in range(rnd.randrange(1, 5)):
            a, b = rnd.randrange(len(chars)), rnd.randrange(len(chars))
            chars[a:a + rnd.randrange(30)] = chars[b:b + rnd.randrange(30)]
        samples.append(zip_bytes({**members, "word/document.xml": "".join(chars).encode()}))
    outcomes = set()
    for sample in samples:
        try:
            load_docx(Path("damaged.docx"), sample)
            outcomes.add("read")
        except InputError:
            outcomes.add("refused")
    assert outcomes == {"read", "refused"}


def test_a_table_row_reads_as_one_line(tmp_path):
    """Cells of a row are separated by tabs, rows by line breaks, so the context
    rules see a name and the numbers of the same row together."""
    path = build_docx(tmp_path / "row.docx", blocks=[[["姓名", "电话"], ["张某某", "13607181234"]]])
    doc = load(path)
    assert doc.text.splitlines() == ["姓名\t电话", "张某某\t13607181234"]


def test_a_mobile_in_a_persons_table_row_is_an_error(tmp_path):
    from screener import screen_file

    path = build_docx(tmp_path / "row.docx", blocks=[[["姓名", "电话"], ["张某某", "13607181234"]]])
    (finding,) = screen_file(path).findings
    assert finding.kind == "mobile" and finding.severity.label == "error"
    assert finding.location == "表格1 第2行第2列"
