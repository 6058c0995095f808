"""The OCR confidence on every finding in recognised text.

A number read from a picture may be misread, so its finding says so in the
explanation (terminal, sheet, the JSON ``why``): which picture, and how sure
the engine was of that line.  The location already names the line and its
confidence (blocks.line_label).
"""
from __future__ import annotations

import bisect
from dataclasses import replace

from ..document import Document, OcrLine
from ..model import Explanation, Finding
from .blocks import percent


def _line_at(lines: tuple[OcrLine, ...], starts: list[int], offset: int) -> OcrLine | None:
    i = bisect.bisect_right(starts, offset) - 1
    return lines[i] if i >= 0 and offset <= lines[i].end else None


def annotate(doc: Document, findings: list[Finding]) -> list[Finding]:
    """``findings`` with those inside OCR lines saying so in their explanation."""
    if not doc.ocr_lines:
        return findings
    lines = tuple(sorted(doc.ocr_lines, key=lambda line: line.start))
    starts = [line.start for line in lines]
    out = []
    for f in findings:
        line = _line_at(lines, starts, f.start)
        if line is None or f.code.startswith("OC"):  # ocr_suspect says it itself
            out.append(f)
            continue
        said = f"图片识别文字（{line.where}，置信度 {percent(line.confidence)}），数字可能识别有误，请对照原图核对"
        old = f.explanation or Explanation(rule=f.message)
        context = f"{old.context}；{said}" if old.context else said
        out.append(replace(f, explanation=replace(old, context=context)))
    return out
