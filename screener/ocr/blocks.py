"""Recognised pictures → labelled text for a Document.

Each recognised line is its own stretch, ending in a hard line break (no
term or number is joined across two OCR lines), labelled with the picture
and the line and the engine's confidence, e.g. ``图片 image1.png 第3行（识别置信度 97%）``,
so a finding's location says where to look and how sure the machine was.
Every line is recorded as an OcrLine on the Document (the ``ocr_suspect``
detector and the explanation notes read them).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, TypeVar

from ..document import Document, OcrLine, Segment
from . import engine
from .images import frames
from .layout import Line, lines
from .settings import report_progress

D = TypeVar("D", bound=Document)


@dataclass(frozen=True, slots=True)
class Picture:
    """One recognised picture (or page): where it is, and its lines."""

    where: str
    lines: tuple[Line, ...]

    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def percent(confidence: float) -> str:
    return f"{min(99, int(confidence * 100))}%"


def line_label(where: str, number: int, line: Line) -> str:
    return f"{where} 第{number}行，识别置信度 {percent(line.confidence)}"


def recognise_array(image: Any, where: str) -> Picture:
    return Picture(where, tuple(lines(engine.recognise(image))))


def recognise_bytes(data: bytes, where: str) -> list[Picture]:
    """Every page of the picture ``data`` recognised (a multi-page TIFF gives
    one Picture per page, ``where`` followed by 第N页).  Raises PictureError."""
    arrays = list(frames(data))
    pictures = []
    for number, image in enumerate(arrays, 1):
        pictures.append(recognise_array(image, where if len(arrays) == 1 else f"{where} 第{number}页"))
        report_progress(number, len(arrays))
    return pictures


class Appender:
    """Adds recognised lines after a text, keeping segments and OcrLines."""

    def __init__(self, text: str) -> None:
        self.pieces = [text] if text else []
        self.pos = len(text)
        self.segments: list[Segment] = []
        self.ocr: list[OcrLine] = []

    def add(self, picture: Picture) -> None:
        if self.pos and not "".join(self.pieces[-1:]).endswith("\n"):
            self.pieces.append("\n")
            self.pos += 1
        for number, line in enumerate(picture.lines, 1):
            start = self.pos
            self.pieces.append(line.text + "\n")
            self.pos += len(line.text) + 1
            self.segments.append(Segment(start, start + len(line.text), line_label(picture.where, number, line)))
            self.ocr.append(OcrLine(start, start + len(line.text), line.confidence, picture.where))

    def extend(self, doc: D) -> D:
        """``doc`` with the added lines after its text (its own type kept)."""
        if not self.ocr:
            return doc
        return dataclasses.replace(doc, text="".join(self.pieces), segments=doc.segments + tuple(self.segments),
                                   ocr_lines=doc.ocr_lines + tuple(self.ocr))
