"""The redacted copy: personal numbers masked, every other byte kept; written
atomically and never over the draft."""
from __future__ import annotations

import codecs
import os
import re
from pathlib import Path

import pytest
from sheet_samples import CARD, EMAIL, HOME_PHONE, ID, MOBILE, OFFICE_PHONE, TEXT, sample_report

import screener
from screener import OutputError, Severity, redact_file, redact_text, screen_file
from screener.atomic import write_atomic
from screener.document import Document
from screener.loaders import load
from screener.model import FileReport
from screener.redact import redact_bytes
from screener.screening import screen_document

MASKED = {ID: "53**************37", MOBILE: "139****1815", HOME_PHONE: "0877-*****56",
          CARD: "***************9071", EMAIL: "z***@example.com"}


def expected(text: str) -> str:
    for value, masked in MASKED.items():
        text = text.replace(value, masked)
    return text


def report_for(path: Path, encoding=None) -> FileReport:
    """The hand-built findings, re-anchored on the document as the loader read it."""
    doc = load(path, encoding)
    fr = sample_report(doc.text, path=str(path))
    return FileReport(str(path), fr.findings, fr.chars, document=doc)


def test_redact_text_masks_personal_numbers_and_keeps_the_rest():
    out = redact_text(TEXT, sample_report())
    assert out == expected(TEXT)
    assert OFFICE_PHONE in out  # the office's published number stays for the public
    assert "亲自" in out and "机密★5年" in out  # wording is the reviewer's job, not masked


@pytest.mark.parametrize("style, min_severity, shown, hidden", [
    ("full", Severity.WARNING, ["******************", "***********", "****-*******", "********@example.com"],
     [ID, MOBILE, "1815", "9071"]),
    (None, Severity.INFO, ["0877-*****45"], [OFFICE_PHONE]),
    (None, Severity.ERROR, [HOME_PHONE], [ID, MOBILE, CARD, EMAIL]),
])
def test_mask_style_and_scope(style, min_severity, shown, hidden):
    out = redact_text(TEXT, sample_report(), style=style, min_severity=min_severity)
    assert all(s in out for s in shown) and not any(h in out for h in hidden)


def test_redact_text_rejects_findings_from_another_text():
    with pytest.raises(ValueError):
        redact_text("完全不同的文字" * 40, sample_report())


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", b"", "\n"),
    ("utf-8", b"", "\r\n"),
    ("utf-8", codecs.BOM_UTF8, "\r\n"),
    ("gbk", b"", "\r\n"),
    ("gb18030", b"", "\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "\n"),
])
def test_redacted_file_differs_only_in_the_masked_numbers(tmp_path, encoding, bom, newline):
    text = TEXT.replace("\n", newline) + "尾行没有换行\t 　"
    source = tmp_path / "draft.txt"
    source.write_bytes(bom + text.encode(encoding))
    target = tmp_path / "out" / "draft.txt"
    target.parent.mkdir()
    redact_file(source, target, report_for(source))
    assert target.read_bytes() == bom + expected(text).encode(encoding)
    assert source.read_bytes() == bom + text.encode(encoding)  # the draft is untouched


def test_bytes_between_the_numbers_are_identical(tmp_path):
    source = tmp_path / "d.txt"
    source.write_bytes(TEXT.replace("\n", "\r\n").encode("gbk"))
    before = source.read_bytes()
    after = redact_bytes(before, report_for(source))
    raw = re.compile(b"|".join(re.escape(v.encode("gbk")) for v in MASKED))
    masks = re.compile(b"|".join(re.escape(m.encode("gbk")) for m in MASKED.values()))
    assert len(raw.findall(before)) == len(masks.findall(after)) == len(MASKED)
    assert raw.split(before) == masks.split(after)  # everything around them, byte for byte
    assert not raw.search(after)


def test_a_file_whose_text_differs_from_the_screened_text_is_refused(tmp_path):
    source = tmp_path / "d.txt"
    source.write_text(TEXT, encoding="utf-8")
    fr = report_for(source)
    source.write_text(TEXT + "改动", encoding="utf-8")
    with pytest.raises(OutputError, match="检查后被改动过"):
        redact_file(source, tmp_path / "o.txt", fr)
    assert not (tmp_path / "o.txt").exists()


def test_a_format_whose_text_is_extracted_is_refused(tmp_path):
    source = tmp_path / "d.html"
    source.write_text(f"<p>{TEXT}</p>", encoding="utf-8")
    fr = sample_report(path=str(source))  # as an HTML loader would give: the text only
    with pytest.raises(OutputError, match=r"只能为纯文本.*\.html 稿件"):
        redact_file(source, tmp_path / "o.html", fr)
    assert not (tmp_path / "o.html").exists()


def test_stdin_cannot_be_redacted(tmp_path):
    with pytest.raises(OutputError, match="标准输入"):
        redact_file("-", tmp_path / "o.txt", sample_report())


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "dotted"])
def test_never_writes_over_the_draft(tmp_path, how):
    source = tmp_path / "d.txt"
    source.write_text(TEXT, encoding="utf-8")
    target = {"same": source, "dotted": tmp_path / "." / "d.txt"}.get(how, tmp_path / "link.txt")
    if how == "symlink":
        target.symlink_to(source)
    elif how == "hardlink":
        os.link(source, target)
    with pytest.raises(OutputError, match="同一个文件"):
        redact_file(source, target, report_for(source))
    assert source.read_text(encoding="utf-8") == TEXT


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing" / "o.txt", "不存在"),
    (lambda d: d / "d.txt" / "o.txt", "不是文件夹"),
    (lambda d: d, "是文件夹"),
])
def test_bad_targets_are_one_clear_error(tmp_path, make, message):
    (tmp_path / "d.txt").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError, match=message):
        write_atomic(make(tmp_path), b"data")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_a_folder_without_write_permission_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(OutputError, match="权限"):
            write_atomic(folder / "o.txt", b"data")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("patch, message", [
    ("access", "没有写入"),
    ("mkstemp", "无法在输出文件夹中创建文件"),
])
def test_unwritable_folder_paths_as_seen_by_any_user(tmp_path, monkeypatch, patch, message):
    """Root passes permission checks, so the refusals are also driven directly."""
    import tempfile

    def denied(*args, **kwargs):
        if patch == "access":
            return False
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os if patch == "access" else tempfile, patch, denied)
    with pytest.raises(OutputError, match=message):
        write_atomic(tmp_path / "o.txt", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_neither_a_temp_file_nor_a_half_file(tmp_path, monkeypatch):
    target = tmp_path / "o.txt"
    target.write_bytes(b"old complete content")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OutputError, match="写入失败"):
        write_atomic(target, b"new content")
    assert target.read_bytes() == b"old complete content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.txt"]


def test_written_file_gets_normal_permissions(tmp_path):
    out = write_atomic(tmp_path / "o.txt", b"x")
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_end_to_end_with_the_email_detector(tmp_path):
    source = tmp_path / "公示.txt"
    text = f"申请人张某，邮箱：{EMAIL}\r\n监督邮箱：office@xinping.gov.cn\r\n"
    source.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    fr = screen_file(source).files[0]
    out = redact_file(source, tmp_path / "clean.txt", fr)
    assert out.read_bytes() == codecs.BOM_UTF8 + text.replace(EMAIL, "z***@example.com").encode("utf-8")
    again = screen_document(Document(out.read_text(encoding="utf-8-sig")))
    assert [f.severity for f in again.findings] == [Severity.INFO]  # only the office mailbox is left


def test_redaction_is_exported_from_the_package():
    assert {"redact_text", "redact_file"} <= set(screener.__all__)
