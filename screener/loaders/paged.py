"""The Document of a file screener reads but cannot redact in place (PDF, OFD,
old Word .doc and .wps), and what it could not check in that file.

Such a file is turned into text page by page (or story by story for .doc),
each stretch labelled where a person finds it (第2页, 页眉页脚, 文档属性).
What could not be read — a page that has no text layer (a scan), pictures on a
page, an embedded attachment — is written into the text as one short
bracketed note (〔第3页没有文字层……〕) and recorded as an ``Unread`` span on
the Document (``Document.unread``), so the ``unchecked`` detector can report
it where it stands, reading only the Document, and a scan never passes as
clean.  The notes hold no digits of the file's content.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document, Segment, Unread

__all__ = ["PagedBuilder", "PagedDocument", "Unread", "page_label", "page_ranges"]


@dataclass(eq=False)
class PagedDocument(Document):
    """A Document read from a PDF, OFD, .doc or .wps file: text extracted
    from a layout, which redaction cannot write back in place.  Its
    ``unread`` and ``source_format`` (Document fields) say what could not be
    checked and in which format."""


class PagedBuilder:
    """Accumulates labelled text and unread notes, then builds the PagedDocument."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.pos = 0
        self.segments: list[Segment] = []
        self.unread: list[Unread] = []

    def add(self, text: str, label: str) -> None:
        """``text`` as its own block (a line break after it), labelled ``label``."""
        if not text:
            return
        if not text.endswith("\n"):
            text += "\n"
        start = self.pos
        self.pieces.append(text)
        self.pos += len(text)
        self.segments.append(Segment(start, self.pos - 1, label))

    def note(self, text: str, what: str, where: str) -> None:
        """A bracketed note about unchecked content, located as ``where``."""
        start = self.pos
        self.add(f"〔{text}〕", where)
        self.unread.append(Unread(start, start + len(text) + 2, what, where))

    def properties(self, items: list[tuple[str, str]]) -> None:
        """Document properties (title, author …), one per line, as 文档属性."""
        lines = [f"{name}：{value.strip()}" for name, value in items if value and value.strip()]
        if lines:
            self.add("\n".join(lines), "文档属性")

    def build(self, path: str, source_format: str) -> PagedDocument:
        return PagedDocument("".join(self.pieces), path=path, segments=tuple(self.segments),
                             unread=tuple(self.unread), source_format=source_format)


def page_ranges(pages: list[int]) -> list[tuple[int, int]]:
    """Consecutive page numbers grouped: [1, 2, 3, 7] → [(1, 3), (7, 7)]."""
    ranges: list[tuple[int, int]] = []
    for n in sorted(pages):
        if ranges and ranges[-1][1] == n - 1:
            ranges[-1] = (ranges[-1][0], n)
        else:
            ranges.append((n, n))
    return ranges


def page_label(first: int, last: int) -> str:
    return f"第{first}页" if first == last else f"第{first}至{last}页"
