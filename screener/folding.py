"""Width and case folding: full-width digits, letters and the few symbols that
occur inside numbers and addresses (＋ － ． ＠, and ＿ ％ of e-mail local
parts) fold to ASCII, and Latin capitals fold to lower case.  Folding never changes a text's length, so
offsets into the folded text are offsets into the original.

Full-width punctuation (，：（）) is left alone: it is in every Chinese
sentence, matters to no detector, and folding it would cost a pass per comma.

A whole draft takes a fast path (``fold`` on a long text).  The one-pass
``re`` substitution tests every character against a class that mixes ASCII
and full-width ranges, about 100 MB/s on the benchmark corpus; the ``regex``
module finds a run of *one* range some 20 times faster, so for a long text
each range is searched on its own (four scans, plus str.find for the six
single symbols) and only what was found is folded: 4-5x faster over a draft
(BENCHMARKS.md).  Short strings (labels, windows, list terms) keep the one
pass, which costs less than the extra calls, and never import ``regex``.
"""
from __future__ import annotations

import re
from functools import lru_cache

_FOLD = re.compile(r"[\u2002-\u200a\u202f\u205f\uff05\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5aA-Z]+")
_TABLE = {c: c - 0xFEE0 for c in (0xFF05, 0xFF0B, 0xFF0D, 0xFF0E, 0xFF20, 0xFF3F)}  # ％ ＋ － ． ＠ ＿
_TABLE.update({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})  # ０-９
_TABLE.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_TABLE.update({c: c + 32 for c in range(0x41, 0x5B)})  # A-Z -> a-z
_TABLE.update({c: c - 0xFEE0 + 32 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ -> a-z
# typographic spaces (en, em, thin, figure, hair, narrow no-break, math) fold
# to a plain space, so a number grouped with them reads as a grouped number
_TABLE.update({c: 0x20 for c in (*range(0x2002, 0x200B), 0x202F, 0x205F)})
# ＠Ａ-Ｚ［＼］＾＿｀ａ-ｚ is one range: ［＼］＾｀ are rare and not in _TABLE, so
# translate() leaves them as they are, and one scan costs less than two.
# The typographic spaces U+2002-U+200A are one range too: one scan costs
# about what two str.find calls do, where each of the nine took one.
_RANGES = ("[A-Z]+", "[\uff10-\uff19]+", "[\uff20-\uff5a]+", "[\u2002-\u200a]+")
_SINGLES = "\uff05\uff0b\uff0d\uff0e\u202f\u205f"
# characters from which the fast path pays for itself: the two cost the same
# at ~300, the fast path is 2x faster at 1,000 and 6x at 20,000
LONG = 512


def fold(text: str) -> str:
    """Width- and case-fold ``text`` without changing its length; ``text``
    itself when there is nothing to fold."""
    if len(text) >= LONG:
        return _fold_long(text)
    return _FOLD.sub(_fold_match, text)


def _fold_match(m: re.Match) -> str:
    return m.group().translate(_TABLE)


@lru_cache(maxsize=1)
def _range_scans():
    import regex

    return tuple(regex.compile(p) for p in _RANGES)


def _fold_long(text: str) -> str:
    spans = [m.span() for scan in _range_scans() for m in scan.finditer(text)]
    for ch in _SINGLES:
        pos = text.find(ch)
        while pos >= 0:
            spans.append((pos, pos + 1))
            pos = text.find(ch, pos + 1)
    if not spans:
        return text
    spans.sort()
    pieces = []
    last = 0
    for start, end in spans:
        pieces.append(text[last:start])
        pieces.append(text[start:end].translate(_TABLE))
        last = end
    pieces.append(text[last:])
    return "".join(pieces)
