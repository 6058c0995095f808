"""Pictures inside .docx and .xlsx packages (word/media/, xl/media/): each
recognised, its lines appended to the Document after the text as
``图片 image1.png 第N行（识别置信度 …）``.

Without OCR (the extra missing, or ``--no-ocr``) the Document is returned as
the loader made it, its DX802 notice naming every picture.  With OCR the
notice is rewritten to name only what was still not read: embedded objects
(an OLE spreadsheet is no picture), pictures the engine cannot open
(EMF/WMF drawings, damaged or oversized files) and pictures in which nothing
was recognised (a logo, but also handwriting or a blurred scan: a person
looks).  When no picture gave any text the loader's notice stands as it was.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any, TypeVar

from ..document import Document
from ..loaders.notices import Notice
from . import engine
from .blocks import Appender, recognise_bytes
from .images import PictureError
from .settings import current, report_progress

PICTURES_CODE = "DX802"


D = TypeVar("D", bound=Document)


def active() -> bool:
    """Whether pictures are recognised in this run."""
    return current().enabled and engine.available()


def read_pictures(doc: D, parts: Sequence[str], read: Callable[[str], bytes], objects: Sequence[str],
                  suggestion: str) -> D:
    """``doc`` with the text of the picture ``parts`` (read with ``read``)
    appended and its DX802 notice naming only ``objects`` and the pictures
    that could not be read.  ``doc`` unchanged when OCR is not active."""
    if not parts or not active():
        return doc
    more = Appender(doc.text)
    unread: list[str] = []
    for number, part in enumerate(parts, 1):
        name = PurePosixPath(part).name
        try:
            pictures = recognise_bytes(read(part), f"图片 {name}")
        except PictureError:
            pictures = []
        for picture in pictures:
            more.add(picture)
        if not any(picture.lines for picture in pictures):
            unread.append(f"图片 {name}")
        report_progress(number, len(parts))
    if len(unread) == len(parts):  # nothing read: the loader's notice, naming every picture, stands
        return doc
    left = [*objects, *unread]
    notices = tuple(n for n in getattr(doc, "notices", ()) if n.code != PICTURES_CODE)
    if left:
        shown = "、".join(left[:10]) + (f" 等 {len(left)} 个" if len(left) > 10 else "")
        notices += (Notice(kind="unchecked", code=PICTURES_CODE, message=f"图片中的文字无法检查：{shown}",
                           suggestion=suggestion),)
    changes: dict[str, Any] = {"notices": notices}  # every package Document has them
    return dataclasses.replace(more.extend(doc), **changes)
