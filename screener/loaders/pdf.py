"""PDF files: the text layer page by page, the document information, and
which pages have no text to check (scans).

Read with pypdfium2 (Google's PDFium, the reader inside Chrome; Apache-2.0 /
BSD-3-Clause; wheels for Windows, macOS and Linux).  PDFium maps CID fonts to
Unicode through the file's ToUnicode CMap or, where there is none, through the
predefined Adobe-GB1 CMaps it carries (STSong-Light with UniGB-UCS2-H), which
is how Chinese text in office PDFs is encoded.

Each page's text is laid out line by line as PDFium finds the lines, labelled
第N页.  A line break inside a page is soft: a number the layout split across
two lines is joined again when the joined value validates (softbreaks.py).
A page with no text but with pictures is a scan, and one with no text but
hundreds of drawn shapes is text converted to outlines (转曲): either gets a
note that the ``unchecked`` detector reports as a warning naming the pages to
check by eye.  A page with no text and (almost) nothing drawn is blank.
A page with text and pictures gets an informational note (a seal or a
photographed table beside the text).  Embedded attachments are noted as not
checked.  Annotations are read (pdf_annots.py): comment text as 第N页批注,
link targets (tel:, mailto: …) as 第N页链接.  The document information
dictionary (title, author, subject, keywords, creator, producer) is screened
as 文档属性.  Not read: XMP metadata (PDFium has no interface for it; office
exports repeat the Info fields there), form field values, bookmarks.

An encrypted PDF that needs a password, or a file that is not a PDF, is one
clear InputError; a PDF with an owner password only opens and is read.
"""
from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import InputError
from ..ocr.pages import PageOcr
from .paged import PagedBuilder, PagedDocument, page_label, page_ranges
from .pdf_annots import page_annotations
from .pdf_bounds import check_streams
from .sniff import wrong_format
from .softbreaks import join_lines

MAX_PAGES = 20_000
MAX_CHARS = 64 * 1024 * 1024  # all text of one file
MAX_PAGE_CHARS = 4 * 1024 * 1024  # one page (a dense A4 page holds a few thousand)
_OBJECT_DEPTH = 8  # form XObjects nested deeper than this are not searched for pictures
# A page with no text but this many drawn shapes is text converted to outlines
# (转曲) or a vector scan, not a blank page with a border.
OUTLINE_SHAPES = 200

_INFO = (("Title", "标题"), ("Author", "作者"), ("Subject", "主题"), ("Keywords", "关键词"),
         ("Creator", "创建程序"), ("Producer", "生成程序"))
_OPEN_ERRORS = {
    pdfium_c.FPDF_ERR_PASSWORD: "PDF 设有打开密码（已加密），无法检查；请取消密码后再检查，或检查其源文件",
    pdfium_c.FPDF_ERR_SECURITY: "PDF 使用了不支持的加密方式，无法检查；请取消加密后再检查，或检查其源文件",
}
_BROKEN = "PDF 文件已损坏或不完整，无法读取；请重新导出 PDF，或检查其源文件"
# PDFium is not thread-safe (pypdfium2's documentation): a library caller that
# screens files from several threads reads one PDF at a time.
_PDFIUM = threading.Lock()


def load_pdf(path: Path, data: bytes, encoding: str | None = None) -> PagedDocument:
    """Read a PDF into a PagedDocument; ``encoding`` does not apply."""
    name = str(path)
    if b"%PDF-" not in data[:1024]:
        raise InputError(name, wrong_format(data, "PDF"))
    check_streams(data, name)  # a decompression bomb stops here, before PDFium inflates it
    with _PDFIUM:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            raise InputError(name, _OPEN_ERRORS.get(getattr(exc, "err_code", None), _BROKEN)) from None
        try:
            return _read(pdf, name)
        finally:
            pdf.close()


def _read(pdf: pdfium.PdfDocument, name: str) -> PagedDocument:
    count = len(pdf)
    if count > MAX_PAGES:
        raise InputError(name, f"PDF 页数过多（{count} 页，上限 {MAX_PAGES} 页），已停止读取")
    out = PagedBuilder()
    ocr = PageOcr(count)  # the ocr extra reads scanned pages (screener/ocr/pages.py)
    scans: list[int] = []
    pictured: list[int] = []
    total = 0
    for index in range(count):
        number = index + 1
        try:
            page = pdf[index]
        except pdfium.PdfiumError:
            raise InputError(name, f"PDF 第{number}页已损坏，无法读取；请重新导出 PDF") from None
        try:
            text = _page_text(page, name, number)
            pictures = _has_pictures(page) or (not text.strip() and _outlined(page))
            comments, links = page_annotations(pdf, page)
        finally:
            page.close()
        total += len(text) + sum(map(len, comments + links))
        if total > MAX_CHARS:
            raise InputError(name, f"PDF 文字内容过多（超过 {MAX_CHARS // 1048576} M 字），已停止读取")
        if text.strip():
            _scan_note(out, scans)
            out.add(text, f"第{number}页")
            if pictures:
                pictured.append(number)
        elif pictures and (recognised := ocr.page(pdf, index)):
            _scan_note(out, scans)
            ocr.add(out, recognised)
        elif pictures:
            scans.append(number)
        if comments or links:
            _scan_note(out, scans)
            out.add("\n".join(comments), f"第{number}页批注")
            out.add("\n".join(links), f"第{number}页链接")
    _scan_note(out, scans)
    if pictured:  # one note for all: seals and logos sit on most pages of an office PDF
        where = "、".join(page_label(first, last) for first, last in page_ranges(pictured))
        out.note(f"{where}另有图片，图片中的文字未检查", "picture", where)
    attachments = pdf.count_attachments()
    if attachments:
        out.note(f"PDF 内嵌附件 {attachments} 个，未能检查", "embedded", "附件")
    out.properties([(zh, _info(pdf, key)) for key, zh in _INFO])
    return ocr.finish(out.build(name, "PDF"))


def _scan_note(out: PagedBuilder, scans: list[int]) -> None:
    """The note for the run of scanned pages just ended, in page order."""
    for first, last in page_ranges(scans):
        where = page_label(first, last)
        out.note(f"{where}没有文字层，只有图片或图形（扫描件、转曲文字），未能检查", "scan", where)
    scans.clear()


def _page_text(page: pdfium.PdfPage, name: str, number: int) -> str:
    textpage = page.get_textpage()
    try:
        if textpage.count_chars() > MAX_PAGE_CHARS:  # counted before the text is copied out
            raise InputError(name, f"PDF 第{number}页文字过多（超过 {MAX_PAGE_CHARS // 1048576} M 字），已停止读取；请检查其源文件")
        raw = textpage.get_text_range()
    finally:
        textpage.close()
    # PDFium ends lines with CR LF and marks soft hyphens and unmapped glyphs
    # with control characters; keep the lines, drop the markers.
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = ["".join(ch for ch in line if ch >= " " or ch == "\t").rstrip() for line in lines]
    return join_lines(lines).strip("\n")


def _has_pictures(page: pdfium.PdfPage) -> bool:
    for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=_OBJECT_DEPTH):
        return True
    return False


def _outlined(page: pdfium.PdfPage) -> bool:
    """Whether a page without text is drawn with enough shapes to be text outlines."""
    shapes = 0
    for _ in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=_OBJECT_DEPTH):
        shapes += 1
        if shapes >= OUTLINE_SHAPES:
            return True
    return False


def _info(pdf: pdfium.PdfDocument, key: str) -> str:
    try:
        return pdf.get_metadata_value(key) or ""
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return ""
