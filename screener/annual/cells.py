"""Reading the value cells of one table row from flattened text.

Tables reach screener in several flattened forms: a .docx or HTML table
(cells separated by tabs, rows by line breaks: loaders/docx_walk.py,
loaders/html.py), pages copied with ``|`` between cells (the seed, corpus
013/014/015), and one cell per line or blank-separated (corpus 009/012).
With ``|`` or tabs present a blank cell between two separators is seen and
reported; without them blank cells cannot be told apart and are not.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain

_SEPARATOR = re.compile(r"[|｜\t]")
_WORD = re.compile(r"\S+")
_INTEGER = re.compile(r"\d+|\d{1,3}(?:,\d{3})+")
_NUMBERISH = re.compile(r"[-−]?\d[\d,.]*")
# What offices put in a cell instead of a number.
_MARKS = frozenset({"/", "／", "-", "—", "–", "--", "——", "无", "空", "\\", "×"})


@dataclass(frozen=True, slots=True)
class Cell:
    """One value cell: its text as printed, its integer value (None when the
    cell is blank, "/", text, negative or a fraction) and its span in the
    normalised text."""

    raw: str
    start: int
    end: int

    @property
    def value(self) -> int | None:
        text = self.raw
        return int(text.replace(",", "")) if _INTEGER.fullmatch(text) else None

    @property
    def problem(self) -> str | None:
        """Why the cell is not a non-negative integer, in words a clerk reads."""
        if self.value is not None:
            return None
        if not self.raw:
            return "空白"
        if _NUMBERISH.fullmatch(self.raw):
            return "负数" if self.raw[0] in "-−" else "不是整数"
        return f"填写为“{self.raw}”"


def _value_like(text: str) -> bool:
    return bool(_NUMBERISH.fullmatch(text)) or text in _MARKS


def _pieces(text: str, start: int, end: int, separated: bool) -> Iterator[tuple[str, int]]:
    """The pieces of ``text[start:end]`` read one by one: between
    separators (the last one ends the stretch), else its words."""
    if separated:
        pos = start
        for m in _SEPARATOR.finditer(text, start, end):
            yield text[pos:m.start()], pos
            pos = m.end()
        yield text[pos:end], pos
    else:
        for m in _WORD.finditer(text, start, end):
            yield m.group(), m.start()


def _all_pieces(text: str, start: int, end: int, separated: bool) -> list[tuple[str, int]]:
    """Every piece of the stretch at once, as read before _pieces (the plain path)."""
    segment = text[start:end]
    if separated:
        pieces: list[tuple[str, int]] = []
        pos = 0
        for m in _SEPARATOR.finditer(segment + "|"):
            pieces.append((segment[pos:m.start()], start + pos))
            pos = m.end()
        return pieces
    return [(m.group(), start + m.start()) for m in _WORD.finditer(segment)]


def read_cells(text: str, start: int, end: int, expected: int, plain: bool = False) -> list[Cell]:
    """The value cells in ``text[start:end]``, the stretch after a row label.

    Text before the first value (the rest of the label cell) is skipped; a
    longer text after the values (a note, the next paragraph) ends the row.
    Empty pieces after the values (the separator closing the row, the merged
    cells that open the next one) are dropped down to ``expected`` cells, so
    a blank last cell is still a cell.

    The stretch is read piece by piece and no further than the row's end: the
    last row of a table can reach to the next section, pages away.  ``plain``
    splits the whole stretch first, as before (tests/test_text_scans.py
    compares the two).
    """
    separated = bool(_SEPARATOR.search(text, start, end))
    pieces: Iterable[tuple[str, int]]
    if plain:
        pieces = _all_pieces(text, start, end, separated)
        if separated and not _value_like(pieces[0][0].strip()):
            pieces = pieces[1:]  # the rest of the label's own cell
    else:
        pieces = _pieces(text, start, end, separated)
        if separated:
            first = next(pieces)  # there always is one: the stretch's end closes a piece
            if _value_like(first[0].strip()):
                pieces = chain((first,), pieces)
    cells: list[Cell] = []
    for piece, offset in pieces:
        words = [(m.group(), offset + m.start()) for m in _WORD.finditer(piece)]
        if not words:
            if cells or separated:
                cells.append(Cell("", offset, offset))
            continue
        if len(words) > 1 and all(_value_like(w) for w, _ in words):
            cells.extend(Cell(w, s, s + len(w)) for w, s in words)
            continue
        stripped = piece.strip()
        s = offset + piece.index(stripped[0])
        if _value_like(stripped):
            cells.append(Cell(stripped, s, s + len(stripped)))
        elif cells and len(stripped) <= 2:
            cells.append(Cell(stripped, s, s + len(stripped)))  # a short word in a cell: "无"
        elif cells:
            break  # prose after the table
    while len(cells) > expected and not cells[-1].raw:
        cells.pop()
    if all(not c.raw for c in cells):
        return []
    return cells
