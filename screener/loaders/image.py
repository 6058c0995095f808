"""Picture files (.png .jpg .jpeg .tif .tiff .bmp): a scanned or photographed
公示 read by OCR (the optional ``ocr`` extra, screener/ocr/).

The content decides what the file is: a PDF renamed .jpg is refused with its
real format named.  Each recognised line is a stretch labelled
``图片 名单.jpg 第3行（识别置信度 97%）`` with hard breaks between lines
(``wrap_join=False``: no term joins two OCR lines).  A picture in which
nothing is recognised gets a note that the ``unchecked`` detector reports
(UC701): it may be handwriting or too blurred to read, and never passes as
clean.  Without the extra, or with ``--no-ocr``, the file is not read, as
before: one InputError line (exit 2), so it never counts as checked.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ..errors import InputError
from ..ocr import engine
from ..ocr.blocks import recognise_bytes
from ..ocr.images import PictureError, picture_format
from ..ocr.pages import PageOcr
from ..ocr.settings import current
from .paged import PagedBuilder, PagedDocument
from .sniff import kind as sniff_kind
from .sniff import wrong_format

UNREAD = "图片中的文字无法检查，请人工核对图片（扫描件中的身份证号、手机号同样会泄露），或检查其文字稿"


def load_image(path: Path, data: bytes, encoding: str | None = None) -> PagedDocument:
    """Recognise the picture ``data``; ``encoding`` does not apply."""
    name = str(path)
    if not current().enabled:
        raise InputError(name, UNREAD + "（已关闭文字识别 --no-ocr）")
    if not engine.available():
        raise InputError(name, f"{UNREAD}（{engine.NOT_INSTALLED}）")
    if picture_format(data) is None and sniff_kind(data) not in ("image", "empty"):
        raise InputError(name, wrong_format(data, "图片"))
    try:
        pictures = recognise_bytes(data, f"图片 {path.name}")
    except PictureError as exc:
        raise InputError(name, f"{UNREAD}（{exc}）") from None
    out = PagedBuilder()
    ocr = PageOcr(len(pictures))
    for picture in pictures:
        if picture.lines:
            ocr.add(out, picture)
        else:
            out.note(f"{picture.where}中未识别出文字（手写、模糊或无文字），未能检查", "scan", picture.where)
    return dataclasses.replace(ocr.finish(out.build(name, "图片")), wrap_join=False)
