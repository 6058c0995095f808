"""The unit of text a reviewer reads a number in.

A reviewer decides who owns a number from the record it stands in, not from
the nearest word: a table row read with its header, a numbered or bulleted
list item, a block of "key：value" lines, or else a sentence.  unit_of()
finds that unit for an offset; what is *in* it is owners.py's business.

The header of a table is found once per table and remembered for the text
being screened (a one-entry cache keyed by the text object), so a table of a
thousand rows costs one header look-up, not a thousand.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .context_labels import CHANNEL_WORDS, OWNER_KEYS, STAFF_WORDS, TITLE_WORDS


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Unit(NamedTuple):
    """``kind`` is "row", "item", "block" or "sentence"; ``start``/``end``
    bound it in the text; ``place`` is how a clerk finds it (表格第2行, 第2条,
    第3行); for a row, ``cells`` are its cells, ``header`` the header's cells
    and ``column`` the index of the cell holding the offset."""

    kind: str
    start: int
    end: int
    place: str
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    column: int = -1
    body: int = -1  # for an item, where its text starts after the marker


_MARKER = re.compile(
    r"[ \t\u3000]*(?:(\d{1,3})[.．、)）](?!\d)|[（(](\d{1,3}|[一二三四五六七八九十]{1,3})[)）]"
    r"|([一二三四五六七八九十]{1,3})、|([①-⑳])|[-•·●▪■◆*](?=[ \t\u3000]))[ \t\u3000]*"
)
_KEY = re.compile(r"[ \t\u3000]*([^\s:：,，。；;|][^:：,，。；;|\r\n\t]{0,9}?)[ \u3000]*[:：]")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_TABLE_SEP = re.compile(r"\s*\|?\s*:?-{2,}")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Keys that start a new subject in a key：value block: the office's closing
# 受理单位 / 联系人 / 监督电话 after a person's 申请人 / 身份证号 lines.
SUBJECT_KEYS = frozenset(OWNER_KEYS + STAFF_WORDS + TITLE_WORDS + CHANNEL_WORDS)

_BLOCK_LINES = 10
_BLOCK_REACH = 400
_TABLE_REACH = 200  # rows looked back for a header

class _TextCache:
    """What is worked out once per text: its line starts, each table row's
    table top and row number, each table's header.  One entry: the detectors
    screen one Document at a time, and keeping the text object keeps its id
    from being reused."""

    __slots__ = ("text", "has_cr", "brk", "line_starts", "rows", "headers")

    def __init__(self, text: str | None = None) -> None:
        self.text = text
        self.has_cr = text is not None and "\r" in text
        # the character that ends a line: \n, or \r in an old Mac text
        self.brk = "\r" if text is not None and self.has_cr and "\n" not in text else "\n"
        self.line_starts: list[int] | None = None  # line breaks before each block (line_number)
        self.rows: dict[int, tuple[int, int]] = {}  # row line start -> (table top, row number)
        self.headers: dict[int, tuple[str, ...]] = {}


_cache = _TextCache()


def _for(text: str) -> _TextCache:
    global _cache
    if _cache.text is not text:
        _cache = _TextCache(text)
    return _cache


_LINE_REACH = 2000  # a "line" longer than this is cut: a unit never spans more


def _has_cr(text: str) -> bool:
    cache = _cache
    return cache.has_cr if cache.text is text else _for(text).has_cr


def _line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts (``_line_bounds(text, pos)[0]``
    without looking for its end)."""
    lo = pos - _LINE_REACH if pos > _LINE_REACH else 0
    s = text.rfind("\n", lo, pos) + 1 or lo
    if _has_cr(text):
        r = text.rfind("\r", s, pos) + 1
        if r > s:
            s = r
    return s


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``, at most ``_LINE_REACH`` either side; the
    searches are bounded so that a draft without line breaks costs the same
    per number as one with them."""
    s = _line_start(text, pos)
    hi = min(len(text), pos + _LINE_REACH)
    e = text.find("\n", pos, hi)
    e = hi if e < 0 else e
    if _has_cr(text):
        r = text.find("\r", pos, e)
        e = r if r >= 0 else e
    return s, e


def _prev_line(text: str, line_start: int) -> tuple[int, int] | None:
    """The line before the one starting at ``line_start``."""
    if line_start == 0:
        return None
    end = line_start - 1
    if end > 0 and text[end] == "\n" and text[end - 1] == "\r":
        end -= 1
    return _line_start(text, end), end


def _is_row(line: str) -> bool:
    stripped = line.strip()
    return "\t" in stripped or (stripped.startswith("|") and stripped.count("|") >= 2)


_LEADING_BAR = re.compile(r"[ \t\u3000]*\|")


def _row_at(text: str, ls: int, le: int) -> bool:
    """_is_row() without copying a long line: a tab inside it, or a leading |."""
    if _LEADING_BAR.match(text, ls, le):
        return text.count("|", ls, le) >= 2
    tab = text.find("\t", ls, le)
    return tab >= 0 and bool(text[ls:tab].strip() or text[tab:le].strip())


def _cells(line: str) -> tuple[str, ...]:
    stripped = line.strip()
    if stripped.startswith("|"):
        return tuple(c.strip() for c in stripped.strip("|").split("|"))
    return tuple(c.strip() for c in line.split("\t"))


def _column(line: str, offset: int) -> int:
    """Index of the cell holding ``offset`` (relative to the line)."""
    before = line[:offset]
    if line.strip().startswith("|"):
        return max(0, before.count("|") - 1)
    return before.count("\t")


def _header(text: str, ls: int) -> tuple[tuple[str, ...], int] | None:
    """The header cells of the table whose row starts at ``ls``, and the row's
    number counting the header as row 1; None for a lone row or the header
    itself.  Rows already placed are remembered, so a long table is walked
    once, not once a row."""
    cache = _for(text)
    walked: list[int] = []  # data rows from ls upward whose place is not known yet
    cur = ls
    while True:
        known = cache.rows.get(cur)
        if known is not None:
            top, n = known
            break
        prev = _prev_line(text, cur)
        if prev is None or not _row_at(text, *prev) or len(walked) >= _TABLE_REACH:
            top, n = cur, 1
            cache.rows[cur] = (top, n)
            break
        if not _TABLE_SEP.match(text, cur, _line_bounds(text, cur)[1]):
            walked.append(cur)
        cur = prev[0]
    for row in reversed(walked):
        n += 1
        cache.rows[row] = (top, n)
    number = cache.rows[ls][1] if ls in cache.rows else 0
    if number < 2:
        return None
    header = cache.headers.get(top)
    if header is None:
        header = cache.headers[top] = _cells(text[top:_line_bounds(text, top)[1]])
    return header, number


def _item_place(m: re.Match) -> str:
    digits, paren, chinese, circled = m.groups()
    if circled:
        return f"第{_CIRCLED.index(circled) + 1}条"
    n = digits or paren or chinese
    return f"第{n}条" if n else "该条"


_WRAP_WIDTH = 20  # a hard-wrapped line is a long one


def _wrapped(text: str, ls: int, le: int) -> tuple[int, re.Match | None]:
    """Back over hard-wrapped lines: a long line that ends in the middle of a
    sentence (a CJK character or ，) continues on the next, unless the next
    starts a list item or a key：value line of its own.  Returns where the
    unit's text starts and the list marker there (``_MARKER.match(text,
    start, le)``), which for a line that continues none was looked for
    already (tests/test_owner_fast_paths.py compares with the plain way)."""
    line = ls
    first = _MARKER.match(text, ls, le)
    marker, end = first, le
    for _ in range(3):
        if marker or _KEY.match(text, ls, end) or not text[ls:ls + 1].strip():
            break
        prev = _prev_line(text, ls)
        if prev is None or prev[1] - prev[0] < _WRAP_WIDTH:
            break
        last = text[prev[1] - 1]
        if not ("\u4e00" <= last <= "\u9fff" or last in "，、"):
            break
        ls, end = prev
        marker = _MARKER.match(text, ls, end)
    return ls, first if ls == line else _MARKER.match(text, ls, le)


_BLOCK = 512  # line counts are kept per block of this many characters (a look-up counts within one)


def line_number(text: str, pos: int) -> int:
    """1-based line of ``pos``.  The count of line breaks before each
    512-character block is taken once per text (a C-level count per block,
    ~3 ms for 10 MB), so a look-up counts within one short block only."""
    cache = _for(text)
    brk = cache.brk
    if cache.line_starts is None:
        counts = [0]
        for lo in range(0, len(text), _BLOCK):
            counts.append(counts[-1] + text.count(brk, lo, lo + _BLOCK))
        cache.line_starts = counts
    block = pos // _BLOCK
    return cache.line_starts[block] + text.count(brk, block * _BLOCK, pos) + 1


def place_of(text: str, start: int) -> str:
    """``unit_of(text, start).place`` without reading the rest of the unit
    (its cells, the start of its key：value block or sentence): a number an
    office-channel label decides needs only where a clerk finds it
    (tests/test_owner_fast_paths.py: the same place at every offset)."""
    ls, le = _line_bounds(text, start)
    if _row_at(text, ls, le):
        found = _header(text, ls)
        return f"表格第{found[1]}行" if found else f"第{line_number(text, start)}行"
    ws, m = _wrapped(text, ls, le)
    if m and m.end() < le:
        return _item_place(m)
    return f"第{line_number(text, start)}行"


def unit_of(text: str, start: int) -> Unit:
    """The unit holding offset ``start``."""
    ls, le = _line_bounds(text, start)
    if _row_at(text, ls, le):
        line = text[ls:le]
        found = _header(text, ls)
        cells = _cells(line)
        if found:
            header, row = found
            return Unit("row", ls, le, f"表格第{row}行", cells, header, _column(line, start - ls))
        return Unit("row", ls, le, f"第{line_number(text, start)}行", cells, (), _column(line, start - ls))
    ws, m = _wrapped(text, ls, le)
    if m and m.end() < le:
        return Unit("item", ws, le, _item_place(m), body=m.end())
    place = f"第{line_number(text, start)}行"
    key = _KEY.match(text, ls, start)
    if key:
        return Unit("block", _block_start(text, ls, start, key), le, place)
    cut = ws
    for cut_m in _SENTENCE_END.finditer(text, ws, start):
        cut = cut_m.end()
    return Unit("sentence", cut, le, place)


def _block_start(text: str, ls: int, start: int, first: re.Match | None = None) -> int:
    """Where the key：value block holding the line at ``ls`` begins: back over
    key lines to a blank line, a line that is no key line, a key seen already
    (the previous record's), or a key that changes the subject (受理单位,
    联系人, 监督电话 …), which starts the block itself.  ``first``: the
    key of the line at ``ls`` (``_KEY.match(text, ls, start)``), when the
    caller has matched it already."""
    seen: set[str] = set()
    cur = ls
    s = ls
    for _ in range(_BLOCK_LINES):
        m = first if cur == ls and first is not None else _KEY.match(text, cur, start if cur == ls else len(text))
        if not m:
            break
        key = m.group(1).replace(" ", "").replace("\u3000", "")
        if key in seen:
            break
        s = cur
        seen.add(key)
        if key in SUBJECT_KEYS or _SUBJECT_IN_LINE.search(text, cur, m.end()):
            break
        prev = _prev_line(text, cur)
        if prev is None or prev[1] <= prev[0] or start - prev[0] > _BLOCK_REACH:
            break
        cur = prev[0]
    return s


_SUBJECT_IN_LINE = re.compile("|".join(sorted(
    (re.escape(k) for k in OWNER_KEYS + STAFF_WORDS if len(k) >= 3), key=len, reverse=True)))
