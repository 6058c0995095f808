"""Everything a .docx publishes besides its body text (issue 15 point 6 and 8,
issue 12 items 5, 6, 10, 14, 16): document properties, link targets, comments,
hidden text, ruby, the VML watermark, alt text, math, embedded HTML, the
glossary, tracked changes typed over a mask, pictures; and the redacted copy,
which must hold no written form of a planted number in any part.

Every number is generated (tests/gen.py) with a valid check digit.
"""
from __future__ import annotations

import html
import io
import json
import re
import warnings
import zipfile
from urllib.parse import unquote

import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx_factory import (alt_chunk, build_docx, deleted, document_xml, field, hyperlink, inserted, math,
                          minimal_parts, para, picture, ruby, run, watermark, zip_bytes, hidden)
from gen import bank_card, id_number, mobile
from harness import leaked, run_cli

from screener import InputError, OutputError, redact_file, screen_file
from screener.loaders import load

ID = id_number("110105", "19680201", "321")  # 110105196802013218
MOBILE = mobile("151", 3)
MOBILE2 = mobile("186", 4)
CARD = bank_card("622202", 19, 7)
EMAIL = "zhangsan@example.com"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15"
       b"\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
HTML_CT = "text/html"
NBH = "<w:r><w:noBreakHyphen/></w:r>"
TAB = "<w:r><w:tab/></w:r>"


def _chunk_part(text: str) -> tuple:
    data = f"<html><body><p>{html.escape(text)}</p></body></html>".encode()
    return ("/word/afchunk1.htm", HTML_CT, RT.A_F_CHUNK, data, "rIdChunk1")


def _glossary_part(text: str) -> tuple:
    xml = (f'<?xml version="1.0" encoding="UTF-8"?><w:glossaryDocument '
           f'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docParts><w:docPart>'
           f'<w:docPartPr><w:name w:val="联系人"/></w:docPartPr><w:docPartBody><w:p>{run(text)}</w:p>'
           f'</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>')
    return ("/word/glossary/document.xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.glossary+xml",
            RT.GLOSSARY_DOCUMENT, xml.encode(), "rIdGloss1")


# (case, kind, planted value, build_docx kwargs, where the finding must say it is)
PLACES = [
    ("keywords property", "id-card", ID, dict(blocks=["公示"], properties={"keywords": f"陈德才 {ID}"}),
     "文档属性（关键词）"),
    ("subject property with hyphens", "id-card", ID,
     dict(blocks=["公示"], properties={"subject": f"户主身份证号 {ID[:6]}-{ID[6:14]}-{ID[14:]}"}), "文档属性（主题）"),
    ("author property", "mobile", MOBILE, dict(blocks=["公示"], properties={"author": f"联系人 {MOBILE}"}),
     "文档属性（作者）"),
    ("custom property", "mobile", MOBILE, dict(blocks=["公示"], custom_properties={"联系电话": MOBILE}),
     "自定义属性「联系电话」"),
    ("tel: link target", "mobile", MOBILE,
     dict(blocks=[para(hyperlink("rIdL1", "拨打电话"))], links={"rIdL1": f"tel:{MOBILE}"}), "链接地址"),
    ("percent-encoded mailto target", "email", EMAIL,
     dict(blocks=[para(hyperlink("rIdL1", "发邮件"))], links={"rIdL1": "mailto:zhangsan%40example.com"}),
     "链接地址"),
    ("HYPERLINK field target", "mobile", MOBILE,
     dict(blocks=[para(field(f'HYPERLINK "tel:{MOBILE}"', "联系我们"))]), "链接地址"),
    ("comment", "id-card", ID, dict(blocks=["公示"], comments=[("户主", f"该户有多次越级上访记录，身份证 {ID}")]),
     "批注1"),
    ("hidden text", "mobile", MOBILE, dict(blocks=[para(run("公示名单。"), hidden(f"手机 {MOBILE}"))]),
     "隐藏文字（第1段）"),
    ("ruby text", "mobile", MOBILE, dict(blocks=[para(run("户主"), ruby("王某", MOBILE))]), "注音（第1段）"),
    ("picture alt text", "id-card", ID,
     dict(blocks=[para(picture("rIdImg1", descr=f"身份证照片 {ID}"))], images={"rIdImg1": PNG}),
     "图片说明（正文开头）"),
    ("math", "bank-card", CARD, dict(blocks=[para(run("银行卡号："), math(CARD))]), "第1段"),
    ("embedded HTML (altChunk)", "mobile", MOBILE,
     dict(blocks=["公示", alt_chunk("rIdChunk1")], parts=[_chunk_part(f"户主王某某，手机 {MOBILE}")]),
     "嵌入文档（第1段后）"),
    ("glossary building block", "mobile", MOBILE2,
     dict(blocks=["公示"], parts=[_glossary_part(f"联系人手机 {MOBILE2}")]), "文档部件（词汇表）"),
    ("digits typed over a mask under tracked changes", "mobile", MOBILE,
     dict(blocks=[para(run(f"户主王某某手机：{MOBILE[:3]}"), deleted("****"), inserted(MOBILE[3:7]),
                       run(MOBILE[7:]))]),
     "修订插入（第1段）"),
    ("non-breaking hyphens inside an ID", "id-card", ID,
     dict(blocks=[para(run(f"身份证号：{ID[:6]}"), NBH, run(ID[6:14]), NBH, run(ID[14:]))]), "第1段"),
    ("tabs inside a mobile", "mobile", MOBILE,
     dict(blocks=[para(run(f"手机：{MOBILE[:3]}"), TAB, run(MOBILE[3:7]), TAB, run(MOBILE[7:]))]), "第1段"),
]


def _digits(text: str) -> str:
    return re.sub(r"[^0-9Xx]", "", text).upper() if "@" not in text else text.lower()


@pytest.fixture(params=PLACES, ids=[p[0] for p in PLACES])
def place(request, tmp_path):
    case, kind, value, kwargs, label = request.param
    return kind, value, label, build_docx(tmp_path / "公示.docx", **kwargs)


def test_each_place_is_read_found_and_located(place):
    kind, value, label, path = place
    found = [f for f in screen_file(path).findings if f.kind == kind and _digits(f.text) == _digits(value)]
    assert found, f"{kind} not found"
    assert any(label in (f.location or "") for f in found), [f.location for f in found]


def package_texts(path) -> dict[str, str]:
    """Every part of the package as text a reader could decode: UTF-8 (or
    Latin-1 for binaries), character references and %-escapes decoded."""
    out = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            raw = zf.read(info)
            text = raw.decode("utf-8") if _utf8(raw) else raw.decode("latin-1")
            out[info.filename] = unquote(html.unescape(text))
    return out


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def assert_no_leak(texts: dict[str, str], kind: str, value: str) -> None:
    for name, text in texts.items():
        assert leaked(text, kind, value) is None, f"{name} keeps the full number"


def test_redacted_copy_holds_the_number_in_no_part(place, tmp_path):
    kind, value, label, path = place
    assert leaked(load(path).text, kind, value)  # planted for real
    out = tmp_path / "公示-脱敏.docx"
    redact_file(path, out, screen_file(path).files[0])
    assert_no_leak(package_texts(out), kind, value)
    assert leaked(load(out).text, kind, value) is None  # also as split runs join up
    assert leaked(_accepted_text(out), kind, value) is None
    again = screen_file(out)
    assert not [f for f in again.findings if f.kind == kind and _digits(f.text) == _digits(value)]


def test_terminal_json_and_stderr_show_no_full_number(place, tmp_path):
    kind, value, label, path = place
    for args in ([path], [path, "--format", "json"], [path, "--redact", tmp_path / "r.docx"]):
        result = run_cli(args)
        assert result.code == 1, result.err
        for output in (result.out, result.err):
            assert leaked(output, kind, value) is None


@pytest.mark.parametrize("body_form, elsewhere", [
    (f"+86 {MOBILE[:3]} {MOBILE[3:7]} {MOBILE[7:]}", dict(properties={"keywords": MOBILE})),
    (f"+86 {MOBILE[:3]} {MOBILE[3:7]} {MOBILE[7:]}", dict(links={"rIdL1": f"tel:+86-{MOBILE}"})),
    (MOBILE, dict(properties={"subject": MOBILE.translate({c: c + 0xFEE0 for c in range(0x30, 0x3A)})})),
    (MOBILE, dict(links={"rIdL1": "tel:" + "".join(f"%{ord(c):02X}" for c in MOBILE)})),
    (ID, dict(properties={"subject": f"{ID[:6]}-{ID[6:14]}-{ID[14:]}"})),
    (ID, dict(properties={"title": f"{ID[:6]} {ID[6:10]} {ID[10:14]} {ID[14:]}"})),
    ("ZhangSan@Example.com", dict(links={"rIdL1": "mailto:zhangsan%40example.com"})),
    (EMAIL, dict(properties={"keywords": "ZHANGSAN＠EXAMPLE.COM"})),
])
def test_every_written_form_elsewhere_is_masked(tmp_path, body_form, elsewhere):
    """Issue 12 item 5: the body's form and the property's or link's form differ."""
    kind = "email" if "@" in body_form.lower() else ("id-card" if len(_digits(body_form)) == 18 else "mobile")
    blocks = [f"联系人王某某，联系方式 {body_form}。"]
    if "links" in elsewhere:
        blocks.append(para(hyperlink("rIdL1", "链接")))
    path = build_docx(tmp_path / "d.docx", blocks, **elsewhere)
    out = tmp_path / "o.docx"
    redact_file(path, out, screen_file(path).files[0])
    assert_no_leak(package_texts(out), kind, body_form)


def _rewrite(path, member: str, old: bytes, new: bytes) -> None:
    """Replace bytes inside one member of a saved package (python-docx would
    normalise character references on parsing)."""
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    assert old in members[member]
    members[member] = members[member].replace(old, new)
    path.write_bytes(zip_bytes(members))


@pytest.mark.parametrize("encode", [lambda c: f"&#{ord(c)};", lambda c: f"&#x{ord(c):x};"], ids=["dec", "hex"])
def test_character_references_in_a_field_code_are_masked(tmp_path, encode):
    code = f'<w:r><w:instrText xml:space="preserve">HYPERLINK "tel:{MOBILE}"</w:instrText></w:r>'
    path = build_docx(tmp_path / "d.docx", [f"联系人王某某，手机 {MOBILE}。"], header_xml=para(code, run("拨打")))
    _rewrite(path, "word/header1.xml", f"tel:{MOBILE}".encode(),
             ("tel:" + "".join(encode(c) for c in MOBILE)).encode())
    out = tmp_path / "o.docx"
    redact_file(path, out, screen_file(path).files[0])
    assert_no_leak(package_texts(out), "mobile", MOBILE)


def _accepted_text(path) -> str:
    """The body as Word shows it after 接受所有修订: deletions gone."""
    from lxml import etree

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for d in list(root.iter(f"{w}del")):
        d.getparent().remove(d)
    return "".join(t.text or "" for t in root.iter(f"{w}t"))


def test_digits_typed_over_a_mask_are_masked_in_what_accepting_shows(tmp_path):
    """Issue 12 item 6."""
    path = build_docx(tmp_path / "d.docx", [para(run(f"户主王某某手机：{MOBILE[:3]}"), deleted("****"),
                                                  inserted(MOBILE[3:7]), run(MOBILE[7:]))])
    assert MOBILE in _accepted_text(path)
    report = screen_file(path)
    assert [f.masked for f in report.findings if f.kind == "mobile"] == [f"{MOBILE[:3]}****{MOBILE[7:]}"]
    out = tmp_path / "o.docx"
    redact_file(path, out, report.files[0])
    assert _accepted_text(out) == f"户主王某某手机：{MOBILE[:3]}****{MOBILE[7:]}"


@pytest.mark.parametrize("kwargs, code, says", [
    (dict(blocks=[para(run("电话"), deleted("旧"), inserted("新"))], comments=[("户主", "核实")]),
     "DX801", "稿件含修订 2 处、批注 1 条，发布前请接受修订、删除批注"),
    (dict(blocks=[para(run("甲"), inserted("乙"))]), "DX801", "稿件含修订 1 处，发布前请接受修订"),
    (dict(blocks=["正文"], comments=[("户主", "核实"), ("地址", "再核")]), "DX801",
     "稿件含批注 2 条，发布前请删除批注"),
    (dict(blocks=[para(picture("rIdImg1"))], images={"rIdImg1": PNG}), "DX802", "图片中的文字无法检查：图片1（正文开头）"),
])
def test_publishing_notices(tmp_path, kwargs, code, says):
    report = screen_file(build_docx(tmp_path / "d.docx", **kwargs))
    notices = [f for f in report.findings if f.code == code]
    assert len(notices) == 1 and notices[0].message == says
    assert report.exit_code() == 1


@pytest.mark.parametrize("kwargs", [
    dict(blocks=["关于临时救助对象的公示", "联系电话：0871-65432100"]),
    dict(blocks=["正文"], header="新平县民政局"),
    dict(blocks=[para(run("甲"), hidden(""))]),
], ids=["plain", "header", "empty hidden run"])
def test_a_clean_draft_has_no_notice(tmp_path, kwargs):
    report = screen_file(build_docx(tmp_path / "d.docx", **kwargs))
    assert not [f for f in report.findings if f.code.startswith("DX8")]


@pytest.mark.parametrize("mark, expected", [("机密★1年", "classified-marking"), ("内部资料 注意保密", "classified-marking"),
                                             ("样稿", None)])
def test_the_vml_watermark_is_read(tmp_path, mark, expected):
    """Issue 12 item 10: Word's built-in watermark lives in the header as VML."""
    path = build_docx(tmp_path / "d.docx", ["关于公开征求意见的通知"], header_xml=para(watermark(mark)))
    found = [f for f in screen_file(path).findings if f.kind == "classified-marking"]
    if expected:
        assert found and found[0].location == "水印（页眉）"
    else:
        assert not found


def test_two_members_named_word_document_xml_are_refused():
    """Issue 12 item 16: zipfile reads the last, Word the first."""
    parts = minimal_parts(document_xml(para(run("干净的正文"))))
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w") as zf:
            for name, data in parts.items():
                zf.writestr(name, data)
            zf.writestr("word/document.xml", document_xml(para(run(f"手机 {MOBILE}"))))
    from screener.loaders.docx import load_docx
    from pathlib import Path

    with pytest.raises(InputError) as info:
        load_docx(Path("d.docx"), buf.getvalue())
    assert "重名" in info.value.problem


def test_redaction_honours_the_per_part_limit(tmp_path):
    """Issue 12 item 14: a part the loader never reads (custom XML) larger
    than the loader's 64 MB part limit stops redaction with a clear line."""
    path = build_docx(tmp_path / "d.docx", [f"联系人王某某，手机 {MOBILE}。"])
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members["customXml/item1.xml"] = b"<a>" + b" " * (65 * 1024 * 1024) + b"</a>"
    path.write_bytes(zip_bytes(members))
    report = screen_file(path).files[0]
    with pytest.raises(OutputError) as info:
        redact_file(path, tmp_path / "o.docx", report)
    assert "上限 64 MB" in str(info.value)
    assert not (tmp_path / "o.docx").exists()


def test_json_locates_property_and_link_findings(tmp_path):
    path = build_docx(tmp_path / "d.docx", [para(hyperlink("rIdL1", "拨打"))], links={"rIdL1": f"tel:{MOBILE}"},
                      properties={"keywords": f"陈德才 {ID}"})
    result = run_cli([path, "--format", "json"])
    data = json.loads(result.out)
    where = {f["kind"]: f.get("location") for f in data["files"][0]["findings"]}
    assert where["mobile"] == "链接地址" and where["id-card"] == "文档属性（关键词）"
    assert MOBILE not in result.out and ID not in result.out


FINAL_CASES = [
    ("typed over a mask, and a comment",
     dict(blocks=[para(run(f"户主王某某手机：{MOBILE[:3]}"), deleted("****"), inserted(MOBILE[3:7]), run(MOBILE[7:]))],
          comments=[("户主", f"该户有多次越级上访记录，身份证 {ID}")]),
     [f"户主王某某手机：{MOBILE[:3]}****{MOBILE[7:]}", "户主"]),
    ("deleted number and inserted text",
     dict(blocks=[para(run("户主王某某，"), deleted(f"身份证 {ID}"), inserted("身份证号已隐去"), run("。"))]),
     ["户主王某某，身份证号已隐去。"]),
    ("comments only", dict(blocks=["正文"], comments=[("户主", f"手机 {MOBILE}"), ("地址", "再核")]),
     ["正文", "户主", "地址"]),
]


@pytest.mark.parametrize("kwargs, paragraphs", [c[1:] for c in FINAL_CASES], ids=[c[0] for c in FINAL_CASES])
def test_final_copy_accepts_changes_and_drops_comments(tmp_path, kwargs, paragraphs):
    """Issue 15 point 8: --redact … --final-copy writes the 发布稿."""
    path = build_docx(tmp_path / "d.docx", **kwargs)
    out = tmp_path / "发布稿.docx"
    result = run_cli([path, "--redact", out, "--final-copy"])
    assert result.code == 1 and "已写出" in result.err
    texts = package_texts(out)
    assert not [name for name in texts if "comments" in name.lower()]
    body = texts["word/document.xml"]
    for mark in ("<w:del ", "<w:ins ", "<w:delText", "commentReference", "commentRangeStart"):
        assert mark not in body
    for kind, value in (("mobile", MOBILE), ("id-card", ID)):
        assert_no_leak(texts, kind, value)
    assert [line for line in load(out).text.splitlines() if line] == paragraphs
    again = screen_file(out)
    assert not [f for f in again.findings if f.code == "DX801"]


def test_without_final_copy_comments_stay_but_are_masked(tmp_path):
    path = build_docx(tmp_path / "d.docx", ["正文"], comments=[("户主", f"该户身份证 {ID}")])
    out = tmp_path / "o.docx"
    redact_file(path, out, screen_file(path).files[0])
    texts = package_texts(out)
    assert "该户身份证" in texts["word/comments.xml"]
    assert_no_leak(texts, "id-card", ID)


def test_final_copy_needs_redact(tmp_path):
    path = build_docx(tmp_path / "d.docx", ["正文"])
    result = run_cli([path, "--final-copy"])
    assert result.code == 2 and "--redact" in result.err


@pytest.mark.parametrize("inline, mobiles", [
    ([run(f"户主王某某手机 {MOBILE}，"), deleted("旧称"), inserted("新称")], 1),
    ([run(f"户主王某某手机 {MOBILE[:3]}"), deleted("****"), inserted(MOBILE[3:7]), run(MOBILE[7:])], 1),
    ([run(f"户主王某某手机 {MOBILE}，"), deleted("1号"), inserted("2号")], 2),
], ids=["wording edit", "digits over a mask", "numeric edit elsewhere"])
def test_a_number_is_screened_once_unless_the_edit_may_complete_one(tmp_path, inline, mobiles):
    """The accepted view is added only when an insertion may complete a
    number; the third case is the known cost (the number is listed twice)."""
    path = build_docx(tmp_path / "d.docx", [para(*inline)])
    assert len([f for f in screen_file(path).findings if f.kind == "mobile"]) == mobiles


def test_names_taken_from_the_file_never_show_a_number(tmp_path):
    """A custom property named after a number labels its value's location;
    the label must not show the number (outputs print locations as is)."""
    path = build_docx(tmp_path / "d.docx", ["公示"], custom_properties={f"户主{MOBILE}": f"身份证 {ID}"})
    for args in ([path], [path, "--format", "json"]):
        result = run_cli(args)
        for kind, value in (("mobile", MOBILE), ("id-card", ID)):
            assert leaked(result.out + result.err, kind, value) is None


def _with_member(path, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(path) as zf:
        members = {i.filename: zf.read(i) for i in zf.infolist()}
    members[name] = data
    return zip_bytes(members)


@pytest.mark.parametrize("member, data, says", [
    ("docProps/core.xml", b"<cp:coreProperties", "docProps/core.xml 不是有效的 XML"),
    ("docProps/core.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>', "文档类型声明"),
    ("word/_rels/document.xml.rels", b"<Relationships>" * 3, "不是有效的 XML"),
    ("docProps/app.xml", b"<a>" * 100_000 + b"</a>" * 100_000, "不是有效的 XML"),
], ids=["truncated core", "entity in core", "broken rels", "deep nesting in app"])
def test_hostile_property_and_relationship_parts_end_in_one_clear_line(tmp_path, member, data, says):
    from pathlib import Path as P

    from screener.loaders.docx import load_docx

    path = build_docx(tmp_path / "d.docx", ["正文"], properties={"keywords": "公示"})
    with pytest.raises(InputError) as info:
        load_docx(P("d.docx"), _with_member(path, member, data))
    assert says in info.value.problem


def test_an_altchunk_in_an_unread_format_is_reported_not_passed(tmp_path):
    rtf = ("/word/afchunk1.rtf", "application/rtf", RT.A_F_CHUNK, b"{\\rtf1 13912345678}", "rIdChunk1")
    path = build_docx(tmp_path / "d.docx", ["公示", alt_chunk("rIdChunk1")], parts=[rtf])
    report = screen_file(path)
    assert [f.message for f in report.findings if f.code == "DX803"] == ["嵌入的文档无法读取：嵌入文档（第1段后）"]
    assert report.exit_code() == 1


def test_the_first_page_thumbnail_is_left_out_of_the_copy(tmp_path):
    """python-docx's template, like Word with 保存预览图片, carries a picture
    of the first page: it would publish the unredacted numbers as an image."""
    path = build_docx(tmp_path / "d.docx", [f"户主王某某，手机 {MOBILE}。"])
    with zipfile.ZipFile(path) as zf:
        assert "docProps/thumbnail.jpeg" in zf.namelist()
    out = tmp_path / "o.docx"
    redact_file(path, out, screen_file(path).files[0])
    texts = package_texts(out)
    assert not [n for n in texts if "thumbnail" in n.lower()]
    assert "thumbnail" not in texts["_rels/.rels"] and "thumbnail" not in texts["[Content_Types].xml"]
    import docx

    assert docx.Document(str(out)).paragraphs[0].text == f"户主王某某，手机 {MOBILE[:3]}****{MOBILE[7:]}。"


def test_a_whole_file_notice_quotes_no_text_on_the_terminal(tmp_path):
    """DX801 is about the file as a whole: its 原文 line says so instead of
    quoting the draft's last words (which read as if they were the problem)."""
    path = build_docx(tmp_path / "d.docx", blocks=["关于临时救助对象的公示", "结尾这句不是问题"],
                      comments=[("户主", "核实")])
    result = run_cli([path])
    notice = [line for line in result.out.splitlines() if "修订与批注 DX801" in line]
    assert len(notice) == 1 and notice[0].strip().startswith("整个文件  [警告]")
    lines = result.out.splitlines()
    quoted = lines[lines.index(notice[0]) + 1]
    assert "针对整个文件" in quoted and "结尾这句" not in quoted
