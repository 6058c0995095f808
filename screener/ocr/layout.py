"""The engine's text boxes → lines of text in reading order.

PP-OCR returns one box per run of text; the cells of a table row come back
as separate boxes.  Boxes whose vertical extents overlap by more than half
the smaller one's height are one line, read left to right, joined by a tab,
the way the .docx loader writes a table row, so that the ownership rules
read a scanned 花名册 row as a row (a name cell, an ID cell, a phone cell).
A line's confidence is its least sure box's: one badly read cell makes the
line doubtful.
"""
from __future__ import annotations

from dataclasses import dataclass

from .engine import Box


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    confidence: float


def _same_line(a: Box, b: Box) -> bool:
    overlap = min(a.bottom, b.bottom) - max(a.top, b.top)
    return overlap > 0.5 * min(a.bottom - a.top, b.bottom - b.top)


def lines(boxes: list[Box]) -> list[Line]:
    """Rows of boxes, top to bottom, each left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: ((b.top + b.bottom) / 2, b.left)):
        if rows and _same_line(rows[-1][-1], box):
            rows[-1].append(box)
        else:
            rows.append([box])
    out = []
    for row in rows:
        row.sort(key=lambda b: b.left)
        out.append(Line("\t".join(b.text for b in row), min(b.confidence for b in row)))
    return out
