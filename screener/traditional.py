"""Traditional-script (繁体) text read as simplified, with every offset kept.

A 繁体 repost of a banned term (台灣總統), a classified marking
(機密★會議開始前) or a context label (身份證號碼, 聯繫電話) must be found as
its simplified original is.  The word lists, markings and labels are written
in simplified characters, so detectors read a *simplified view*: OpenCC's
``t2s`` conversion of the text, which maps characters (and a few phrases:
乾燥 → 干燥, while 乾隆 stays) one to one.  Only the lines that hold a
traditional character are converted, consecutive ones in one OpenCC call.  A
conversion is used only if every line keeps exactly its length, so an offset
into the view is an offset into the source; should a conversion ever change
a line's length, each line is converted again on its own, and a line that
still changes length is converted character by character (a character whose
conversion is not one character is left as it is).  The normalised view is
the original's conversion wherever normalisation left a line as it was; only
its other lines are converted again (``_normalized_view``).

Why OpenCC (the ``opencc`` package, BYVoid's C++ library with Python
bindings): Apache-2.0; wheels for Windows, macOS and Linux on every current
Python, so no compiler is needed; about 37 M characters/s.  The pure-Python
``opencc-python-reimplemented`` (Apache-2.0) carries the same dictionaries
but converts at about 0.6 M characters/s (measured on the seed report);
zhconv is GPL.

Most drafts are simplified.  They pay one ``re`` search (about 150 M
characters/s) for the characters ``t2s`` would change, and OpenCC is not
even imported.  That set is derived from OpenCC itself (each CJK character
converted alone) and shipped as data (screener/t2s_chars.py); a test
compares it with the installed OpenCC.
"""
from __future__ import annotations

import re
import weakref
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .document import Document
from .t2s_chars import CHARS

_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


@lru_cache(maxsize=1)
def _converter():
    import opencc  # only for a text that has a traditional character

    return opencc.OpenCC("t2s")


def changed_characters() -> str:
    """Every CJK character that ``t2s`` changes when it stands alone (slow:
    screener/t2s_chars.py is generated from this)."""
    chars = [chr(c) for lo, hi in _CJK_RANGES for c in range(lo, hi)]
    out = _converter().convert("\n".join(chars)).split("\n")
    if len(out) != len(chars):  # cannot happen with OpenCC's data; never trust it blindly
        return "".join(chars)
    return "".join(c for c, o in zip(chars, out) if c != o)


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern:
    return re.compile("[" + re.escape(CHARS) + "]")


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a character ``t2s`` would change."""
    return _trigger().search(text) is not None


def to_simplified(text: str) -> str:
    """``text`` in simplified characters, of exactly the same length;
    ``text`` itself when it has no traditional character.

    Only the lines that hold a traditional character are converted, and
    consecutive such lines (a 繁体 draft is all of them) in one OpenCC call:
    a call costs some 3 µs before its first character, as much as a short
    line's conversion.  No dictionary key holds a line break, so OpenCC's
    segmentation never crosses one, and the block's conversion is the
    conversion of each of its lines; a block whose lines do not all keep
    their length is converted line by line (``to_simplified_plain``, the
    plain path, which tests/test_traditional.py compares with this one)."""
    return _convert(text)[0]


def _convert(text: str) -> tuple[str, list[int]]:
    """``to_simplified(text)``, and the offset of the first traditional
    character of each line it converted."""
    trigger = _trigger()
    m = trigger.search(text)
    if m is None:
        return text, []
    cc = _converter()
    pieces: list[str] = []
    firsts: list[int] = []
    pos = 0
    while m is not None:
        start = text.rfind("\n", pos, m.start()) + 1 or pos
        firsts.append(m.start())
        end = _line_end(text, m.end())
        m = trigger.search(text, end)
        while m is not None and text.find("\n", end, m.start()) < 0:  # the next line has one too
            firsts.append(m.start())
            end = _line_end(text, m.end())
            m = trigger.search(text, end)
        pieces.append(text[pos:start])
        pieces.append(_block(cc, text[start:end]))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), firsts


def to_simplified_plain(text: str) -> str:
    """``to_simplified`` one line at a time (the plain path)."""
    trigger = _trigger()
    m = trigger.search(text)
    if m is None:
        return text
    cc = _converter()
    pieces: list[str] = []
    pos = 0
    while m is not None:  # only the lines that hold a traditional character
        start = text.rfind("\n", pos, m.start()) + 1 or pos
        end = _line_end(text, m.end())
        pieces.append(text[pos:start])
        pieces.append(_line(cc, text[start:end]))
        pos = end
        m = trigger.search(text, pos)
    pieces.append(text[pos:])
    return "".join(pieces)


def _line_end(text: str, pos: int) -> int:
    """The end of the line ``pos`` is in, after its line break."""
    end = text.find("\n", pos)
    return len(text) if end < 0 else end + 1


def _block(cc, block: str) -> str:
    """Consecutive whole lines, converted: in one call when every line keeps its length."""
    if block.find("\n", 0, len(block) - 1) < 0:
        return _line(cc, block)  # one line
    if not _SURROGATE.search(block):
        out = cc.convert(block)
        if len(out) == len(block) and list(map(len, out.split("\n"))) == list(map(len, block.split("\n"))):
            return out
    return "".join(_line(cc, line) for line in _split_lines(block))


def _split_lines(block: str) -> list[str]:
    """``block`` cut after each line break (only \\n, as lines are cut here)."""
    parts = block.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


_SURROGATE = re.compile("([\ud800-\udfff])")


def _line(cc, line: str) -> str:
    if _SURROGATE.search(line):  # a library caller's str: OpenCC takes UTF-8 only
        return "".join(_line(cc, part) if i % 2 == 0 and part else part
                       for i, part in enumerate(_SURROGATE.split(line)))
    out = cc.convert(line)
    if len(out) == len(line):
        return out
    singles = cc.convert("\n".join(line)).split("\n")
    if len(singles) != len(line):
        return line
    return "".join(s if len(s) == 1 else c for c, s in zip(line, singles))


_VIEWS: "weakref.WeakKeyDictionary[Document, tuple[str, str]]" = weakref.WeakKeyDictionary()


def _views(doc: Document) -> tuple[str, str]:
    cached = _VIEWS.get(doc)
    if cached is None:
        text = doc.text
        if has_traditional(text):
            original, firsts = _convert(text)
            cached = (_normalized_view(doc, original, firsts), original)
        else:
            cached = (doc.normalized, text)
        _VIEWS[doc] = cached
    return cached


def _views_plain(doc: Document) -> tuple[str, str]:
    """The two views converted each on its own (the oracle of the tests)."""
    if has_traditional(doc.text):
        return to_simplified_plain(doc.normalized), to_simplified_plain(doc.text)
    return doc.normalized, doc.text


def _normalized_view(doc: Document, original: str, firsts: list[int]) -> str:
    """``to_simplified(doc.normalized)``, given ``original`` and ``firsts``
    from ``_convert(doc.text)``.

    The lines of the normalised text that hold a traditional character are
    the ones the first traditional character of each converted original line
    falls into (normalisation never folds or drops a CJK character and never
    adds a line break, so each original line lies within one normalised
    line): they are found from ``firsts``, not by searching the whole text
    again.  Normalisation leaves most lines exactly as they were (it folds
    width and case and drops zero-width characters and hard wraps, all rare
    in a 繁体 line), and a line that is, character for character, a whole line
    of the original was converted already: its conversion is taken from
    ``original`` instead of being made a second time.  Only the other lines
    go through OpenCC again."""
    norm = doc.normalized
    text = doc.text
    if norm is text:
        return original
    n_text = len(text)
    n_norm = len(norm)
    # doc.to_normalized and doc.span_to_original, inlined: the same bisects
    # on the same lists, without two method calls per line (tests/test_document.py
    # checks those maps, test_traditional.py this view against _views_plain)
    points, shifts, drop_starts = doc.drop_maps
    pieces: list[str] = []
    pos = 0
    for first in firsts:  # the same lines to_simplified(norm) converts, in the same order
        k = bisect_left(drop_starts, first)
        q = first - shifts[k - 1] if k else first
        if q < pos:
            continue  # in the normalised line just done (a hard wrap joined two lines)
        start = norm.rfind("\n", pos, q) + 1 or pos
        end = norm.find("\n", q + 1)
        end = n_norm if end < 0 else end + 1
        pieces.append(norm[pos:start])
        i = bisect_right(points, start)
        o_start = start + shifts[i - 1] if i else start
        i = bisect_right(points, end - 1)
        o_end = end + shifts[i - 1] if i else end
        if (o_end - o_start == end - start and (o_start == 0 or text[o_start - 1] == "\n")
                and (o_end == n_text or text[o_end - 1] == "\n") and text[o_start:o_end] == norm[start:end]):
            pieces.append(original[o_start:o_end])  # the same line, converted the same way (_line)
        else:
            pieces.append(_line(_converter(), norm[start:end]))
        pos = end
    pieces.append(norm[pos:])
    return "".join(pieces)


def simplified(doc: Document) -> str:
    """``doc.normalized`` in simplified characters (offsets unchanged): the
    view word lists and number labels are matched against."""
    return _views(doc)[0]


def simplified_original(doc: Document) -> str:
    """``doc.text`` in simplified characters, offsets unchanged: for context
    decisions made on original offsets (who a number belongs to)."""
    return _views(doc)[1]
