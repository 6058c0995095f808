"""screen_bytes: a draft held in memory (an upload in a CMS) screens exactly
as the same file does, in every format the CLI reads, without touching disk."""
from __future__ import annotations

import sys

import pytest
from docx_factory import build_docx
from gen import id_number, mobile

from screener import InputError, screen_bytes, screen_file

ID = id_number("530427", "19900101", "012")
PHONE = mobile("139", seed=31)
TEXT = f"申请人身份证号码：{ID}，联系电话：{PHONE}。\n监督电话：0877-7012345\n"


def _html(text: str) -> bytes:
    return f"<html><body><p>{text}</p></body></html>".encode("utf-8")


@pytest.mark.parametrize("name, make", [
    ("公示.txt", lambda p: p.write_bytes(TEXT.encode("utf-8"))),
    ("公示-gbk.txt", lambda p: p.write_bytes(TEXT.encode("gb18030"))),
    ("公示.md", lambda p: p.write_bytes(("# 公示\n" + TEXT).encode("utf-8"))),
    ("公示.html", lambda p: p.write_bytes(_html(TEXT))),
    ("公示.docx", lambda p: build_docx(p, [TEXT.splitlines()[0], TEXT.splitlines()[1]])),
    ("无扩展名", lambda p: p.write_bytes(TEXT.encode("utf-8"))),
])
def test_bytes_screen_as_the_file_does(tmp_path, name, make):
    path = tmp_path / name
    make(path)
    from_file = screen_file(path).files[0]
    from_bytes = screen_bytes(path.read_bytes(), f"C:\\\\上传\\\\{name}").files[0]
    assert from_bytes.path == name  # only the file's own name is kept
    assert [(f.code, f.text, f.line, f.column) for f in from_bytes.findings] == \
        [(f.code, f.text, f.line, f.column) for f in from_file.findings]
    assert {f.kind for f in from_bytes.findings} >= {"id-card", "mobile"}


@pytest.mark.parametrize("name, data, words", [
    ("汇报.pptx", b"PK\x03\x04", "演示文稿暂不支持"),
    ("名单.xlsx", b"PK\x03\x04", ""),  # read now, and this one is damaged
    ("旧版.doc", b"\xd0\xcf\x11\xe0", ".doc"),
    ("扫描.pdf", b"%PDF-1.7", "PDF"),
    ("坏的.docx", b"PK\x03\x04 broken", ""),
    ("二进制.txt", bytes(range(256)) * 4, ""),
])
def test_what_cannot_be_read_raises_one_input_error(name, data, words):
    with pytest.raises(InputError) as caught:
        screen_bytes(data, name)
    message = str(caught.value)
    assert name in message and words in message and "\n" not in message


def test_screen_bytes_writes_nothing_and_opens_no_socket(tmp_path):
    data = (tmp_path / "x.docx")
    build_docx(data, [TEXT])
    payload = data.read_bytes()
    screen_bytes(payload, "warm.docx")  # caches built before watching
    seen, watching = [], [True]

    def hook(event, args):  # an audit hook cannot be removed: it stops watching instead
        if not watching[0]:
            return
        if event.startswith("socket.") or (event == "open" and len(args) > 1 and args[1]
                                           and any(c in str(args[1]) for c in "wax+")):
            seen.append((event, args[:2]))

    sys.addaudithook(hook)
    screen_bytes(payload, "公示.docx")
    screen_bytes(TEXT.encode(), "公示.txt")
    watching[0] = False
    assert seen == []


def test_an_uploaded_zip_is_screened_member_by_member():
    import io
    import zipfile


    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("附件1.txt", f"户主李某某，手机：{mobile('139', seed=3)}。")
        zf.writestr("附件2.txt", "通知：会议改期。")
    report = screen_bytes(buf.getvalue(), "附件.zip")
    assert [fr.path for fr in report.files] == ["附件.zip › 附件1.txt", "附件.zip › 附件2.txt"]
    assert [len(fr.findings) for fr in report.files] == [1, 0]
