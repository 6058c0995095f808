"""The approval sheet as a form one signs (issue 16): page 1 holds the header,
the pre-check, the verdict and the whole signature block; 附表 follows with its
header repeated; pages are numbered; new fields; decisions; and a draft with
a 密级 marking gets a sheet without any draft text.

Two tests print for real — the HTML sheet in headless Chromium, the .docx in
LibreOffice — and read the PDF's pages back with pdftotext; each is skipped,
saying why, where those programs are missing."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
import io
import re
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from sheet_samples import ALL_KINDS, SPECS, TEXT, UNMARKED_SPECS, sample_report, unmarked_report

from screener.model import FileReport
from screener.render.sheet_docx import render_sheet_docx
from screener.render.sheet_html import render_sheet_html
from screener.render.sheet_md import render_sheet_md
from screener.sheet.model import Attachment, build_sheet
from screener.sheet.fields import SheetFields
from screener.review import FALSE_POSITIVE, HANDLED, ReviewFile

FIELDS = SheetFields(unit="平掌乡人民政府", drafter="王某", date=dt.date(2024, 6, 3),
                     approval_no="审〔2024〕15号", column="通知公告")
# every stretch of the sample draft a marked sheet must not carry
DRAFT_WORDS = ("临时救助", "新政办发", "张某某", "亲自", "村长", "李某", "最佳", "机密★5年", "绝对化用语",
               "救助对象", "监督电话")


def _sheet(fr=None, **kw):
    kw.setdefault("checked", ALL_KINDS)
    return build_sheet(fr or unmarked_report(), FIELDS, **kw)


def _docx_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())


@pytest.mark.parametrize("render", [
    lambda s: render_sheet_html(s), lambda s: render_sheet_md(s), lambda s: _docx_xml(render_sheet_docx(s)),
], ids=["html", "md", "docx"])
def test_a_marked_draft_gets_a_sheet_with_no_draft_text(render):
    out = render(_sheet(sample_report()))
    assert "线下定密／保密审查" in out and "不予公开·需报审" in out
    for words in DRAFT_WORDS:
        assert words not in out, words
    unmarked = render(_sheet())
    assert "临时救助" in unmarked  # control: the same sheet of the unmarked draft shows it


def test_a_marked_html_sheet_has_no_draft_section():
    html = render_sheet_html(_sheet(sample_report()))
    assert '<section class="draft">' not in html and "<mark" not in html
    assert '<section class="draft">' in render_sheet_html(_sheet())


@pytest.mark.parametrize("specs, state, national, privacy", [
    (SPECS, "marked", "☑是", "☑是"),
    ([s for s in SPECS if s[0] in ("id-card", "mobile")], "personal only", "□是", "☑是"),
    ([s for s in SPECS if s[0] == "wording"], "wording only", "□是", "□是"),
    ([s for s in SPECS if s[1].name == "INFO"], "office phone only", "□是", "□是"),
])
def test_is_it_involved_boxes_are_prefilled_from_the_findings(specs, state, national, privacy):
    involves = dict(_sheet(sample_report(specs=specs)).involves)
    assert list(involves) == ["国家秘密", "工作秘密", "商业秘密", "个人隐私"]
    assert involves["国家秘密"].startswith(national) and involves["个人隐私"].startswith(privacy)
    assert "☑否" not in "".join(involves.values())  # finding nothing is never a reviewer's 否
    assert "不检查" in involves["工作秘密"] and "不检查" in involves["商业秘密"]


def test_decisions_reach_every_format_with_reason_and_reviewer():
    fr = unmarked_report()
    review = ReviewFile(secret=bytes(32))
    review.decide(fr.findings[6], TEXT, FALSE_POSITIVE, reason="此处为村名，非职务称谓", reviewer="李审")
    review.decide(fr.findings[0], TEXT, HANDLED, reviewer="李审")
    sheet = _sheet(fr, decisions=review.lookup(fr.findings, TEXT))
    assert sheet.rows[6].review == "误报：此处为村名，非职务称谓（审核人 李审）"
    assert sheet.rows[0].review == "已按要求处理（审核人 李审）" and sheet.rows[1].review == ""
    html, md = render_sheet_html(sheet), render_sheet_md(sheet)
    table = docx.Document(io.BytesIO(render_sheet_docx(sheet))).tables[3]
    assert table.rows[7].cells[6].text == sheet.rows[6].review
    for out in (html, md):
        assert "误报：此处为村名，非职务称谓（审核人 李审）" in out and "已审核 2 处" in out


def test_header_fields_and_the_attachment_list_name_what_was_not_checked():
    attachments = [Attachment.of("名单.xlsx", FileReport("名单.xlsx", error="表格文件暂不支持")),
                   Attachment.of("说明.txt", unmarked_report()),
                   Attachment.of("空.txt", FileReport("空.txt"))]
    sheet = _sheet(attachments=attachments)
    header = dict(sheet.header())
    assert header["审批编号"] == "审〔2024〕15号" and header["发布栏目"] == "通知公告"
    assert header["附件清单"] == ("1. 名单.xlsx：未能检查（表格文件暂不支持），请人工审核；"
                              "2. 说明.txt：已检查，发现 9 处问题；3. 空.txt：没有文字内容，请人工核对")
    form = docx.Document(io.BytesIO(render_sheet_docx(sheet))).tables[0]
    rows = {r.cells[0].text: r.cells[1].text for r in form.rows}
    assert rows["附件清单"] == header["附件清单"] and rows["审批编号"] == "审〔2024〕15号"
    assert rows["是否涉及"].startswith("国家秘密\u00a0□是\u00a0□否")


def test_docx_page_one_then_annex_with_repeated_header_and_page_numbers():
    data = render_sheet_docx(_sheet())
    doc = docx.Document(io.BytesIO(data))
    form, checks, sign, findings = doc.tables
    assert [r.cells[0].text for r in sign.rows] == ["审核环节", "拟稿人", "科室负责人审核", "保密审查意见", "分管领导签批"]
    for row in sign.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert all(p.paragraph_format.keep_with_next for row in sign.rows[:-1] for c in row.cells for p in c.paragraphs)
    assert findings.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    body = doc.element.body
    order = [el.tag.split("}")[1] for el in body.iterchildren()]
    xml = _docx_xml(data)
    assert 'w:type="page"' in xml  # the page break between page 1 and 附表
    assert order.index("tbl") < order.index("p", order.index("tbl"))
    footer = doc.sections[0].footer
    codes = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    assert codes == ["PAGE", "NUMPAGES"] and footer.paragraphs[0].text.startswith("第 ")


def test_html_prints_page_numbers_and_keeps_the_signatures_together():
    html = render_sheet_html(_sheet())
    assert 'content: "第 " counter(page) " 页 共 " counter(pages) " 页"' in html
    assert "table.sign { break-inside: avoid;" in html
    assert "section.annex, section.draft { break-before: page;" in html
    page1 = html.split('<section class="annex">')[0]
    assert "分管领导签批" in page1 and "<thead><tr><th>序号</th>" not in page1


def _long_report() -> FileReport:
    """The unmarked sample with 45 more 最佳 findings: 附表 runs over several pages."""
    text = TEXT + "".join(f"第{i}条 请勿使用最佳等绝对化用语。\n" for i in range(45))
    base = sample_report(text=text, specs=UNMARKED_SPECS)
    best = next(f for f in base.findings if f.text == "最佳")
    more, pos = [], len(TEXT)
    for _ in range(45):
        start = text.index("最佳", pos)
        line, column = base.document.line_col(start)
        more.append(replace(best, start=start, end=start + 2, line=line, column=column))
        pos = start + 2
    findings = tuple(sorted((*base.findings, *more), key=lambda f: f.start))
    return FileReport(base.path, findings, len(text), document=base.document)


def _pdf_pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, timeout=60)
    return [re.sub(r"\s+", "", page) for page in out.stdout.split("\f")]  # pdftotext spaces vary


def _no_chinese_font() -> bool:
    """Without a CJK font the printed pages hold no readable Chinese text."""
    if shutil.which("fc-list") is None:
        return True
    out = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True, timeout=60).stdout
    return not out.strip()


def _browser() -> str | None:
    return next((p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))), None)


def test_html_sheet_printed_by_chromium_keeps_page_one_whole(tmp_path):
    browser = _browser()
    if browser is None or shutil.which("pdftotext") is None or _no_chinese_font():
        pytest.skip("needs headless Chromium, pdftotext and a Chinese font "
                    "(apt-get install chromium poppler-utils fonts-noto-cjk)")
    page = tmp_path / "sheet.html"
    page.write_text(render_sheet_html(_sheet(_long_report())), encoding="utf-8")
    pdf = tmp_path / "sheet.pdf"
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", page.as_uri()],
                       capture_output=True, timeout=120)
    if not pdf.is_file():
        pytest.skip("Chromium could not print to PDF here")
    pages = [p for p in _pdf_pages(pdf) if p]
    total = len(pages)
    assert total >= 4
    for word in ("审批编号", "是否涉及", "建议结论", "拟稿人", "保密审查意见", "分管领导签批", f"第1页共{total}页"):
        assert word in pages[0], word
    assert "附表：问题明细" not in pages[0]
    annex = [p for p in pages[1:] if "删除绝对化用语" in p]  # 附表 pages (the draft has no 删除)
    assert len(annex) >= 2 and all("位置类型级别" in p for p in annex)  # the header row on every page of 附表
    assert all(f"第{i}页共{total}页" in p for i, p in enumerate(pages, 1))


def test_docx_sheet_printed_by_libreoffice_keeps_page_one_whole(tmp_path):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None or shutil.which("pdftotext") is None or _no_chinese_font():
        pytest.skip("needs LibreOffice, pdftotext and a Chinese font "
                    "(apt-get install libreoffice-writer-nogui poppler-utils fonts-noto-cjk)")
    sheet = tmp_path / "sheet.docx"
    sheet.write_bytes(render_sheet_docx(_sheet(_long_report())))
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(sheet)], capture_output=True, timeout=300)
    pdf = tmp_path / "sheet.pdf"
    if not pdf.is_file():
        pytest.skip("LibreOffice could not convert the sheet here")
    pages = [p for p in _pdf_pages(pdf) if p]
    total = len(pages)
    assert total >= 3
    for word in ("审批编号", "是否涉及", "拟稿人", "保密审查意见", "分管领导签批", f"第1页共{total}页"):
        assert word in pages[0], word
    annex = [p for p in pages[1:] if "删除绝对化用语" in p]  # 附表 pages (the draft has no 删除)
    assert len(annex) >= 2 and all("位置类型级别" in p for p in annex)
