"""Scanned PDF pages: a page without a text layer, rendered by PDFium to a
bitmap at ``DPI`` and recognised, its lines added to the PDF's text in page
order as ``第2页 图片``.

The PDF loader asks ``PageOcr.page`` for each page that has pictures and no
text; a page OCR is off for, or on which nothing is recognised, stays a scan
the ``unchecked`` detector reports (UC701): nothing unread passes.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Protocol, TypeVar

from ..document import Document, OcrLine
from . import engine
from .blocks import Picture, line_label, recognise_array
from .images import MAX_SIDE, to_bgr
from .settings import current, report_progress

D = TypeVar("D", bound=Document)
# A picture smaller than this holds no readable line of print (the tiny
# images of logos and rules); a page with only such pictures is not sent to
# the engine, which spends seconds on every page it reads.
MIN_PICTURE_SIDE = 16
MIN_PICTURE_PIXELS = 4096
_IMAGE_OBJECT = 3  # FPDF_PAGEOBJ_IMAGE
_OBJECT_DEPTH = 8
DPI = 200  # 10-point print is about 28 pixels high: the recogniser's best size


class Builder(Protocol):
    pos: int

    def add(self, text: str, label: str) -> None: ...


class PageOcr:
    """OCR for one PDF's scanned pages; inactive without the extra or when off."""

    def __init__(self, pages: int) -> None:
        self.enabled = current().enabled
        self.pages = pages
        self.lines: list[OcrLine] = []

    def page(self, pdf: Any, index: int) -> Picture | None:
        """Page ``index`` (0-based) of the open pypdfium2 document, recognised."""
        if not self.enabled:
            return None
        page = pdf[index]
        try:
            if not _has_scan(page) or not engine.available():  # the engine imported only for a scan
                return None
            width, height = page.get_size()
            scale = min(DPI / 72, MAX_SIDE / max(width, height, 1))
            bitmap = page.render(scale=scale)
            try:
                image = to_bgr(bitmap.to_pil())
            finally:
                bitmap.close()
        finally:
            page.close()
        picture = recognise_array(image, f"第{index + 1}页 图片")
        report_progress(index + 1, self.pages)
        return picture if picture.lines else None

    def add(self, out: Builder, picture: Picture) -> None:
        """The picture's lines into the loader's text, one labelled line each."""
        for number, line in enumerate(picture.lines, 1):
            start = out.pos
            out.add(line.text, line_label(picture.where, number, line))
            self.lines.append(OcrLine(start, start + len(line.text), line.confidence, picture.where))

    def finish(self, doc: D) -> D:
        return dataclasses.replace(doc, ocr_lines=tuple(self.lines)) if self.lines else doc


def _has_scan(page: Any) -> bool:
    """Whether the page carries a picture large enough to hold text."""
    for obj in page.get_objects(filter=(_IMAGE_OBJECT,), max_depth=_OBJECT_DEPTH):
        try:
            width, height = obj.get_px_size()
        except Exception:  # an image PDFium cannot decode: let the engine try the rendered page
            return True
        if min(width, height) >= MIN_PICTURE_SIDE and width * height >= MIN_PICTURE_PIXELS:
            return True
    return False
