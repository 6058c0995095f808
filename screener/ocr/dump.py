"""``--ocr-text DIR``: the recognised text of each file, written only when
the user asks, as ``DIR/<file name>.ocr.txt`` (UTF-8), picture by picture.

Otherwise recognised text is never written anywhere and never logged: it is
the draft's content, and a scanned 花名册 is full of personal numbers.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path, PurePath

from ..document import Document
from ..errors import OutputError
from .blocks import percent

_UNSAFE = re.compile(r"[\\/:*?\"<>|\x00-\x1f›]+")
_LOCK = threading.Lock()


def text_of(doc: Document) -> str:
    """The recognised lines, under a heading per picture, each with its confidence."""
    parts: list[str] = []
    where = None
    for line in doc.ocr_lines:
        if line.where != where:
            where = line.where
            parts.append(f"{'' if not parts else chr(10)}【{where}】")
        parts.append(f"{doc.text[line.start:line.end]}\t（置信度 {percent(line.confidence)}）")
    return "\n".join(parts) + "\n"


def write(doc: Document, folder: Path) -> Path | None:
    """Write ``doc``'s recognised text into ``folder``; the path written, or
    None when nothing was recognised.  Raises OutputError."""
    if not doc.ocr_lines:
        return None
    stem = _UNSAFE.sub("_", PurePath(doc.path.replace("\\", "/")).name.strip()) or "upload"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _LOCK:
            target = folder / f"{stem}.ocr.txt"  # a second run over the same file replaces it
            target.write_text(text_of(doc), encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"{folder}：无法写出识别文字（{exc.strerror or type(exc).__name__}）") from None
    return target
