"""The annotations of a PDF page: comment text and link targets.

A published PDF carries its reviewers' sticky notes and highlights (the
``/Contents`` of every annotation) and its links' targets (a ``tel:`` or
``mailto:`` URI holds a number as surely as the page does), though neither is
page text.  PDFium's annotation interface is read through pypdfium2's raw
bindings (the helper classes do not wrap it); every call is bounded: at most
MAX_ANNOTS annotations per page and MAX_STRING bytes per string.
"""
from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

MAX_ANNOTS = 5_000
MAX_STRING = 1024 * 1024


def _string(annot, key: bytes) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)
    if size <= 2 or size > MAX_STRING:
        return ""
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFAnnot_GetStringValue(annot, key, buffer, size)
    return bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00")


def _uri(pdf: pdfium.PdfDocument, annot) -> str:
    link = pdfium_c.FPDFAnnot_GetLink(annot)
    if not link:
        return ""
    action = pdfium_c.FPDFLink_GetAction(link)
    if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
        return ""
    size = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
    if size <= 1 or size > MAX_STRING:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buffer, size)
    return buffer.raw.rstrip(b"\x00").decode("utf-8", errors="replace")


def page_annotations(pdf: pdfium.PdfDocument, page: pdfium.PdfPage) -> tuple[list[str], list[str]]:
    """(comment texts, link targets) of ``page``'s annotations, in page order."""
    comments: list[str] = []
    links: list[str] = []
    count = min(pdfium_c.FPDFPage_GetAnnotCount(page.raw), MAX_ANNOTS)
    for i in range(max(count, 0)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_LINK:
                uri = _uri(pdf, annot)
                if uri:
                    links.append(uri)
            else:
                text = _string(annot, b"Contents").strip()
                if text:
                    comments.append(text)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return comments, links
