"""Document: a draft's original text, a normalised view for matching, and the
maps from normalised offsets back to the original and from offsets to lines.

Normalisation (after prh's width folding and python-stdnum's ``compact``):
full-width digits and letters fold to ASCII and Latin capitals to lower case
(folding.py), zero-width characters and soft hyphens are dropped, and — for
plain text only, where a line break may be a hard wrap — a line break between
two CJK characters is dropped so that a term broken across lines still
matches.  Loaders of structured formats (.docx paragraphs and cells, HTML
blocks) set ``wrap_join=False``: their breaks are hard, and no term may span
them.  Folding keeps lengths; only drops
move offsets, so the map is a short list of break points, not one entry per
character.  A draft with nothing to normalise (the usual case) pays nothing.
"""
from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

from .alphabets import HAN_RANGES, INVISIBLE, is_han
from .folding import fold

# Zero-width and invisible characters a number may hide behind: zero-width
# space/joiners, word joiner, BOM, soft hyphen, the bidi marks (LRM, RLM,
# ALM) and the invisible operators U+2061-U+2064.
_ZERO_WIDTH = INVISIBLE
_ZW = re.compile(f"[{_ZERO_WIDTH}]+")
_LINE_BREAK = re.compile(r"\r\n?|\n")
_LF = re.compile("\n")

# A line break (``\n``, ``\r\n`` or a lone ``\r``) with a Han character
# before it and, after any indentation, one after it.  Each pattern starts
# with the break character itself, so ``re`` jumps from break to break and
# tests the characters around it in C: over a long draft some 15 times
# faster than looking at one break at a time in Python.  The patterns cost
# ``re`` several milliseconds to compile (a Han class is large), so they are
# compiled on first use and a short text keeps the loop
# (tests/test_drops_scan.py compares the two).
_HAN_CLASS = f"[{HAN_RANGES}]"
WRAP_SCAN_FROM = 20_000  # characters
_LINE_BLOCK = 512  # line counts are kept per block of this many characters (a look-up counts within one)


@lru_cache(maxsize=1)
def _wrap_lf() -> re.Pattern:
    return re.compile(f"\n(?:(?<={_HAN_CLASS}\n)|(?<={_HAN_CLASS}\r\n))[ \t\u3000]*(?={_HAN_CLASS})")


@lru_cache(maxsize=1)
def _wrap_cr() -> re.Pattern:
    return re.compile(f"\r(?!\n)(?<={_HAN_CLASS}\r)[ \t\u3000]*(?={_HAN_CLASS})")


def _drops(text: str, wrap_join: bool = True) -> list[tuple[int, int]]:
    """Spans the normalised view leaves out: zero-width characters, and (with
    ``wrap_join``) a single line break (with the indentation after it)
    between two CJK characters.  Uses fast substring tests first: most
    drafts have neither."""
    spans: list[tuple[int, int]] = []
    if any(ch in text for ch in _ZERO_WIDTH):
        spans += [m.span() for m in _ZW.finditer(text)]
    if not wrap_join:
        return spans
    if len(text) < WRAP_SCAN_FROM:
        spans += _wraps_plain(text)
    else:
        if "\n" in text:  # a \r\n break starts at its \r
            spans += [(m.start() - (text[m.start() - 1] == "\r"), m.end()) for m in _wrap_lf().finditer(text)]
        if "\r" in text:
            spans += [m.span() for m in _wrap_cr().finditer(text)]
    spans.sort()
    return spans


def _wraps_plain(text: str) -> list[tuple[int, int]]:
    """The hard-wrap breaks of ``text``, one break at a time."""
    spans: list[tuple[int, int]] = []
    for brk in ("\n", "\r"):
        pos = text.find(brk)
        while pos >= 0:
            start = pos - 1 if brk == "\n" and pos and text[pos - 1] == "\r" else pos
            # the character before the break first: usually 。 or ，, and then
            # nothing else needs looking at
            if start > 0 and is_han(text[start - 1]):
                end = pos + 1
                while end < len(text) and text[end] in " \t\u3000":
                    end += 1
                if (brk == "\n" or text[end:end + 1] != "\n") and end < len(text) and is_han(text[end]):
                    spans.append((start, end))
            pos = text.find(brk, pos + 1)
    return spans


Normal = tuple[str, list[int], list[int]]


def normalize(text: str, wrap_join: bool = True) -> Normal:
    """``text`` normalised (folded, with its drops left out), the normalised
    offset where each drop happened and the characters dropped up to and
    including it.  A long plain text with only \\n breaks (or only \\r\\n
    ones) and no zero-width character (the usual draft) has only hard wraps
    to drop: ``re.split`` cuts it at them in C, and the offsets are sums of
    the pieces' and the breaks' lengths, not a Python loop over the 14,000
    drops of 5 MB of real text.  Anything else takes ``normalize_plain``
    (the plain path, which tests/test_drops_scan.py compares with this one)."""
    if wrap_join and len(text) >= WRAP_SCAN_FROM and not any(ch in text for ch in _ZERO_WIDTH):
        if "\r" not in text:
            split = _wrap_split()
        elif text.count("\r") == text.count("\r\n") == text.count("\n"):
            split = _wrap_split_crlf()  # a Windows text: every break is \r\n
        else:
            return normalize_plain(text, wrap_join)
        parts = split.split(text)
        if len(parts) == 1:
            return fold(text), [], []
        pieces = parts[0::2]  # the text between hard wraps, then the wraps
        norm_points = list(accumulate(map(len, pieces[:-1])))
        shifts = list(accumulate(map(len, parts[1::2])))
        return fold("".join(pieces)), norm_points, shifts
    return normalize_plain(text, wrap_join)


@lru_cache(maxsize=1)
def _wrap_split() -> re.Pattern:
    """``_wrap_lf`` for a text without \\r, the wrap captured so that
    ``split`` returns it between the pieces."""
    return re.compile(f"(\n(?<={_HAN_CLASS}\n)[ \t\u3000]*)(?={_HAN_CLASS})")


@lru_cache(maxsize=1)
def _wrap_split_crlf() -> re.Pattern:
    """``_wrap_split`` for a text whose every break is \\r\\n: the wrap
    starts at the \\r, as ``_drops`` has it."""
    return re.compile(f"(\r\n(?<={_HAN_CLASS}\r\n)[ \t\u3000]*)(?={_HAN_CLASS})")


def normalize_plain(text: str, wrap_join: bool = True) -> Normal:
    """``normalize`` from the list of drops, one piece at a time (the plain path)."""
    drops = _drops(text, wrap_join)
    if not drops:
        return fold(text), [], []  # the text itself when nothing folds
    pieces: list[str] = []
    norm_points: list[int] = []  # normalised offset where a drop happened
    shifts: list[int] = []  # characters dropped up to and including that point
    last = dropped = norm_len = 0
    for start, end in drops:
        piece = text[last:start]
        pieces.append(piece)
        norm_len += len(piece)
        dropped += end - start
        norm_points.append(norm_len)
        shifts.append(dropped)
        last = end
    pieces.append(text[last:])
    return fold("".join(pieces)), norm_points, shifts


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the extracted text and where a person finds it in the source."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Unread:
    """Characters ``[start, end)`` of the text are a loader's note about
    content it could not check: ``what`` is "scan" (a page without text),
    "picture" (pictures beside text) or "embedded" (an attachment or
    object); ``where`` says where a person finds it (第3页)."""

    start: int
    end: int
    what: str
    where: str


@dataclass(frozen=True, slots=True)
class OcrLine:
    """A stretch ``[start, end)`` of the text that OCR recognised in a picture
    (screener/ocr/): the engine's ``confidence`` (0–1) and the picture it came
    from (``where``: 图片 image1.png, 第2页 图片), so that detectors can treat
    machine-read digits with doubt and nothing read badly passes as clean."""

    start: int
    end: int
    confidence: float
    where: str


@dataclass(eq=False)
class Document:
    """A draft as detectors see it.  ``unread`` lists what the loader could
    not check (the ``unchecked`` detector reports each); ``source_format``
    names the file's format for messages (PDF, OFD, Word 97-2003, WPS)."""

    text: str
    path: str = "<text>"
    segments: tuple[Segment, ...] = field(default_factory=tuple)
    wrap_join: bool = True  # plain text: a line break between CJK may be a hard wrap
    encoding: str | None = None  # the codec that decoded a text file (for its redacted copy)
    bom: bytes = b""  # the byte-order mark before it
    unread: tuple[Unread, ...] = ()
    source_format: str = ""
    ocr_lines: tuple[OcrLine, ...] = ()  # text recognised in pictures, with its confidence

    @cached_property
    def _normal(self) -> Normal:
        """The normalised text, the normalised offset of each drop and the
        characters dropped up to and including it (``normalize``)."""
        return normalize(self.text, self.wrap_join)

    def __getstate__(self) -> dict:
        """Pickled (a worker process's result) without the cached views, which
        the receiver recomputes if it ever needs them: for a folder they more
        than doubled what the parent process had to unpickle."""
        state = self.__dict__.copy()
        for cached in ("_normal", "_drop_starts", "_line_starts", "_line_blocks", "_segment_starts"):
            state.pop(cached, None)
        return state

    @property
    def normalized(self) -> str:
        """The view detectors match against."""
        return self._normal[0]

    def to_original(self, pos: int) -> int:
        """Map a start offset in ``normalized`` to the original text."""
        _, points, shifts = self._normal
        i = bisect.bisect_right(points, pos)
        return pos + (shifts[i - 1] if i else 0)

    @cached_property
    def _drop_starts(self) -> list[int]:
        """The original offset where each drop begins (``_normal``'s points are normalised offsets)."""
        _, points, shifts = self._normal
        return [point + (shifts[i - 1] if i else 0) for i, point in enumerate(points)]

    @property
    def drop_maps(self) -> tuple[list[int], list[int], list[int]]:
        """The normalised offset of each drop, the characters dropped up to
        and including it, and its original offset: what ``to_original`` and
        ``to_normalized`` bisect, for a caller that maps many offsets in one
        loop (traditional._normalized_view)."""
        _, points, shifts = self._normal
        return points, shifts, self._drop_starts

    def to_normalized(self, pos: int) -> int:
        """The normalised offset of the original character at ``pos``, one
        that normalisation keeps (any CJK character is): the inverse of
        ``to_original`` (tests/test_document.py checks both ways)."""
        shifts = self._normal[2]
        if not shifts:
            return pos
        k = bisect.bisect_left(self._drop_starts, pos)  # the drops before pos
        return pos - (shifts[k - 1] if k else 0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span (end exclusive) to the original text."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1

    @cached_property
    def _line_starts(self) -> array[int]:
        # an array of machine integers, not a list of int objects: a real
        # draft has a line every ~50 characters, and for a 100 MB draft the
        # list alone held ~75 MB
        text = self.text
        starts = array("q", [0])
        starts.extend(m.end() for m in (_LINE_BREAK if "\r" in text else _LF).finditer(text))
        return starts

    @cached_property
    def _line_blocks(self) -> tuple[list[int], list[int]] | None:
        """For a text whose only line break is \n (the usual case): the count
        of breaks before each ``_LINE_BLOCK`` block and the last break before
        it (-1 for none), taken with C-level counts and searches per block
        (~1 ms for 4 MB, where listing every line start in Python took
        10–70 ms).  None for a text with a \r, which ``_line_starts`` serves."""
        text = self.text
        if "\r" in text:
            return None
        counts = [0]
        last = [-1]
        for lo in range(0, len(text), _LINE_BLOCK):
            hi = lo + _LINE_BLOCK
            counts.append(counts[-1] + text.count("\n", lo, hi))
            r = text.rfind("\n", lo, hi)
            last.append(r if r >= 0 else last[-1])
        return counts, last

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an original offset.
        Both ways give the same answer (tests/test_document.py checks)."""
        blocks = self._line_blocks
        if blocks is None or not 0 <= offset <= len(self.text):
            starts = self._line_starts
            i = bisect.bisect_right(starts, offset) - 1
            return i + 1, offset - starts[i] + 1
        counts, last = blocks
        b = offset // _LINE_BLOCK
        lo = b * _LINE_BLOCK
        text = self.text
        line = counts[b] + text.count("\n", lo, offset) + 1
        r = text.rfind("\n", lo, offset)
        if r < 0:
            r = last[b]
        return line, offset - r

    @cached_property
    def _segment_starts(self) -> list[int]:
        return [s.start for s in self.segments]

    def location(self, offset: int, end: int | None = None) -> str | None:
        """Where a person finds ``offset`` in the source file, if the loader said.

        With ``end``, every labelled stretch the span ``[offset, end)`` touches
        is named, in order (a number half in 第3段 and half in its tracked
        deletion reads 第3段、修订删除（第3段）).
        """
        if not self.segments:
            return None
        starts = self._segment_starts
        i = bisect.bisect_right(starts, offset) - 1
        labels: list[str] = []
        if i >= 0 and offset < self.segments[i].end:
            labels.append(self.segments[i].label)
        if end is not None:
            for seg in self.segments[i + 1: bisect.bisect_left(starts, end)]:
                if seg.label not in labels:
                    labels.append(seg.label)
        return "、".join(labels) or None
