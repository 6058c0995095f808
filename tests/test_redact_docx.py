"""Redacting a .docx: numbers masked inside their runs (also split across runs,
in tables, headers, footnotes and tracked deletions), formatting and every
other part of the package kept."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx_factory import build_docx, deleted, footnote_ref, para, run
from sheet_samples import CARD, EMAIL, ID, MOBILE, finding

from screener import OutputError, Severity, redact_file, screen_file
from screener.loaders import load
from screener.model import FileReport
from screener.redact import redact_bytes, redact_text

OFFICE = "office@xinping.gov.cn"
BOLD_ID = f'<w:r><w:rPr><w:b/></w:rPr><w:t>{ID[:9]}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{ID[9:]}</w:t></w:r>'


@pytest.fixture
def draft(tmp_path):
    return build_docx(
        tmp_path / "公示.docx",
        [
            "关于临时救助对象的公示",
            para(run("申请人张某，身份证号码："), BOLD_ID.replace("<w:r>", '<w:r xmlns:w="http://schemas'
                 '.openxmlformats.org/wordprocessingml/2006/main">'), run("。")),
            para(run("邮箱：zhang"), run("san@example.com"), run("，手机 "), run(MOBILE)),
            [["户名", "卡号"], ["张某", CARD]],
            para(run("原稿："), deleted(f"银行卡{CARD}"), run("已删除"), footnote_ref(1)),
            f"监督邮箱：{OFFICE}",
        ],
        header=f"联系人手机 {MOBILE}",
        footnotes=[f"申请人邮箱 {EMAIL}"],
    )


def report_with_numbers(path) -> FileReport:
    """Every personal number in the loaded .docx text as a finding (the number
    detectors are built elsewhere), plus the e-mail detector's own findings."""
    doc = load(path)
    found = list(screen_file(path).files[0].findings)
    taken = {(f.start, f.end) for f in found}
    for kind, value in (("id-card", ID), ("mobile", MOBILE), ("bank-card", CARD)):
        start = -1
        while (start := doc.text.find(value, start + 1)) >= 0:
            if (start, start + len(value)) not in taken:
                occurrence = doc.text.count(value, 0, start)
                found.append(finding(doc, kind, Severity.ERROR, "T1", value, None, "测试", occurrence))
    return FileReport(str(path), tuple(sorted(found, key=lambda f: f.start)), len(doc.text), document=doc)


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def test_docx_copy_reads_as_the_redacted_text_and_hides_every_number(draft, tmp_path):
    fr = report_with_numbers(draft)
    out = redact_file(draft, tmp_path / "脱敏.docx", fr)
    assert load(out).text == redact_text(fr.document.text, fr)
    xml = b"".join(members(out.read_bytes()).values()).decode("utf-8", "replace")
    for value in (ID, MOBILE, CARD, EMAIL, "zhangsan@example.com", "san@example.com"):
        assert value not in xml
    assert OFFICE in xml  # the office's published mailbox stays
    # split across two runs in the body, whole in the footnote: one mask each
    assert xml.count("z***@example.com") == 2 and "s***@example.com" not in xml


def test_docx_masks_keep_formatting_and_other_parts_unchanged(draft, tmp_path):
    fr = report_with_numbers(draft)
    before = members(draft.read_bytes())
    after = members(redact_bytes(draft.read_bytes(), fr))
    # same members, same order, but for the first-page thumbnail (a picture
    # of the unredacted page), which is left out with its relationship
    thumbnail = "docProps/thumbnail.jpeg"
    assert list(after) == [name for name in before if name != thumbnail]
    changed = {name for name in after if before[name] != after[name]}
    assert changed == {"word/document.xml", "word/header1.xml", "word/footnotes.xml", "_rels/.rels"}
    body = docx.Document(io.BytesIO(redact_bytes(draft.read_bytes(), fr)))
    bold = [r.text for p in body.paragraphs for r in p.runs if r.bold]
    assert bold == ["53*******", "*******37"]  # the ID, masked in its own two bold runs
    assert body.tables[0].cell(1, 1).text == "*" * 15 + CARD[-4:]
    assert body.sections[0].header.paragraphs[0].text == f"联系人手机 {MOBILE[:3]}****{MOBILE[-4:]}"


def test_text_deleted_under_tracked_changes_is_masked_too(draft, tmp_path):
    fr = report_with_numbers(draft)
    xml = members(redact_bytes(draft.read_bytes(), fr))["word/document.xml"].decode()
    assert f"银行卡{'*' * 15}{CARD[-4:]}" in xml and CARD not in xml


def test_cli_redacts_a_docx_end_to_end(draft, tmp_path, capsys):
    from screener.cli import main

    with pytest.raises(SystemExit) as exit_:
        main([str(draft), "--redact", str(tmp_path / "clean.docx")])
    assert exit_.value.code == 1
    text = load(tmp_path / "clean.docx").text
    assert EMAIL not in text and "z***@example.com" in text and OFFICE in text


def test_a_docx_that_changed_after_screening_is_refused(draft, tmp_path):
    fr = report_with_numbers(draft)
    build_docx(draft, ["另一篇稿件"])
    with pytest.raises(OutputError):
        redact_file(draft, tmp_path / "o.docx", fr)
    assert not (tmp_path / "o.docx").exists()
