"""How a personal value is masked, and the last-resort guard.

This is the bottom of the privacy owner (``privacy.py`` is the rest): pure
functions on strings that import nothing of screener, so records (``model``,
``errors``) can use the guard in their ``repr`` and messages.

Defaults follow the conventions government sites use (domain notes §2.4) and
hide the birth date: an ID number keeps at most its first 2 and last 2
characters, a mobile number keeps 3 + 4 (138****5678), a bank card its last 4,
an e-mail address its domain and the first character of the local part.
Separators (spaces, hyphens) are kept so the layout of the draft survives.
Each detector names the function for its kind in its ``Kind`` declaration.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from .alphabets import INVISIBLE
from .folding import fold

MASK = "*"
STYLES = ("default", "full")

MaskFunction = Callable[[str, str], str]  # (value, style) -> masked value

# ASCII letters and digits, and the full-width block that holds their
# full-width forms: the characters a mask hides.
_SIGNIFICANT = re.compile(r"[0-9A-Za-z\uff10-\uff5a]")
# The same characters as a set and as a translation to the mask character,
# for short values (below), where a Python test per character beats building
# a match object per character.
_SIGNIFICANT_CHARS = frozenset(
    [chr(c) for c in range(0x30, 0x3A)] + [chr(c) for c in range(0x41, 0x5B)]
    + [chr(c) for c in range(0x61, 0x7B)] + [chr(c) for c in range(0xFF10, 0xFF5B)])
_TO_MASK = str.maketrans(dict.fromkeys(_SIGNIFICANT_CHARS, MASK))
_SHORT = 64  # a value up to this long is scanned character by character


def check_style(style: str) -> str:
    if style not in STYLES:
        raise ValueError(f"未知的脱敏方式“{style}”，可选：{'、'.join(STYLES)}")
    return style


def _significant(value: str) -> list[int]:
    """Offsets of the characters a mask may hide.  A number's value is short
    (0871-65432100): a set test per character costs a quarter of the regex
    pass, which builds a match object per digit; a long value takes the
    regex pass (``_significant_plain``; tests/test_masking.py compares)."""
    if len(value) <= _SHORT:
        sig = _SIGNIFICANT_CHARS
        return [i for i, c in enumerate(value) if c in sig]
    return [m.start() for m in _SIGNIFICANT.finditer(value)]


def _significant_plain(value: str) -> list[int]:
    """``_significant`` as one regex pass for every value (the oracle)."""
    return [m.start() for m in _SIGNIFICANT.finditer(value)]


def mask_digits(value: str, head: int, tail: int) -> str:
    """Replace letters and digits by ``*`` except the first ``head`` and last
    ``tail`` of them; anything else (spaces, hyphens, brackets) is kept."""
    if value.isascii() and value.isalnum():  # the usual case: one unbroken number
        n = len(value)
        if head + tail >= n:
            return MASK * n
        return value[:head] + MASK * (n - head - tail) + value[n - tail:]
    return _mask_at(value, _significant(value), head, tail)


def _mask_at(value: str, idx: list[int], head: int, tail: int) -> str:
    """``mask_digits`` for a value whose significant offsets ``idx`` are
    known already (a caller that looked at them first scans the value once)."""
    n = len(idx)
    if head + tail >= n:
        head, tail = 0, 0
    if head >= n - tail:
        return value
    # every significant character between the first and the last one hidden
    # is hidden: one translation over that stretch, not a loop per character
    lo, hi = idx[head], idx[n - tail - 1] + 1
    return value[:lo] + value[lo:hi].translate(_TO_MASK) + value[hi:]


def keeping(head: int, tail: int) -> MaskFunction:
    """A mask function that keeps ``head`` + ``tail`` characters in the
    default style and none in the full style."""
    def mask(value: str, style: str = "default") -> str:
        check_style(style)
        return mask_digits(value, 0, 0) if style == "full" else mask_digits(value, head, tail)

    mask.__doc__ = f"Keep the first {head} and last {tail} letters or digits (default style)."
    return mask


def mask_landline(value: str, style: str = "default") -> str:
    """Keep the area code (it names a city, not a person) and the last 2 digits."""
    if check_style(style) == "full":
        return mask_digits(value, 0, 0)
    digits = _significant(value)
    area = 0
    if digits and value[digits[0]] in "0０":
        area = 3 if len(digits) >= 2 and value[digits[1]] in "12１２" else 4
    if len(digits) - area < 5:
        area = 0
    return _mask_at(value, digits, area, 2)  # mask_digits(value, area, 2), without a second scan


def split_email(value: str) -> tuple[str, str, str] | None:
    """(local part, the @ as written, domain); a full-width ＠ counts."""
    at = max(value.rfind("@"), value.rfind("＠"))
    return (value[:at], value[at], value[at + 1:]) if at >= 0 else None


def mask_email(value: str, style: str = "default") -> str:
    """Keep the domain and, in the default style, the first character of the local part."""
    check_style(style)
    parts = split_email(value)
    if parts is None:
        return MASK * len(value)
    local, at, domain = parts
    return (MASK * len(local) if style == "full" else local[:1] + MASK * 3) + at + domain


def mask_text(value: str, style: str = "default") -> str:
    """Hide every character but spaces (a home address: its words are the value)."""
    check_style(style)
    return "".join(c if c.isspace() else MASK for c in value)


def mask_all(value: str, style: str = "default") -> str:
    """Hide every letter and digit (kinds whose every character identifies)."""
    check_style(style)
    return mask_digits(value, 0, 0)


# -- the last-resort guard ---------------------------------------------------
#
# What no finding names (a check switched off with ``ignore``, a number a
# detector did not recognise, a message a library caller logs): any run of 7
# or more digits, unbroken or grouped the way IDs, mobiles, cards and
# landlines are written (530427 19850312 1237, 187 2309 7215, 6228 4878 …,
# 0877-7012345; not 2024-06-02, 邮编 653405 or 12345), keeps only its first 2
# and last 2 digits, and any e-mail address its domain.

_D = "[0-9０-９]"
_DIGIT_RUN = re.compile(
    rf"(?<!{_D})(?:"
    rf"{_D}{{6}}[ \-]{_D}{{8}}[ \-]{_D}{{3}}[{_D[1:-1]}XxＸｘ]"  # ID written 6-8-4
    rf"|{_D}{{3,4}}(?:[ \-]{_D}{{4}}){{2,4}}(?:[ \-]{_D}{{1,4}})?"  # mobile 3-4-4, card 4-4-4-4
    rf"|{_D}{{3,4}}-{_D}{{7,8}}"  # landline with its area code
    rf"|{_D}{{7,}}[XxＸｘ]?"  # any unbroken run
    rf")(?!{_D})"
)
_EMAIL = re.compile(r"[a-z0-9._%+\-]+@[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}")
GUARD_DIGITS = 7
# Invisible characters a value can hide behind (zero-width, soft hyphen, bidi
# marks, invisible operators): the guard drops them before it looks.
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")


def guard(text: str, style: str = "default") -> str:
    """``text`` with every long digit run and e-mail address masked, in any
    width (the patterns run over the width-folded text, which has the same
    length, and the original characters are masked); invisible characters
    are dropped first, so none can split a value from the patterns."""
    if not text:
        return text
    text = _INVISIBLE.sub("", text)
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []
    for m in _DIGIT_RUN.finditer(folded):
        run = text[m.start():m.end()]
        if sum(ch.isdigit() for ch in run) >= GUARD_DIGITS:
            masked = mask_digits(run, 0, 0) if style == "full" else mask_digits(run, 2, 2)
            spans.append((m.start(), m.end(), masked))
    for m in _EMAIL.finditer(folded):
        spans.append((m.start(), m.end(), mask_email(text[m.start():m.end()], style)))
    if not spans:
        return text
    out, pos = [], 0
    for start, end, masked in sorted(spans):
        if start < pos:  # an address holding a digit run: hide the rest of it
            out.append(mask_digits(text[pos:end], 0, 0) if end > pos else "")
        else:
            out.append(text[pos:start])
            out.append(masked)
        pos = max(pos, end)
    out.append(text[pos:])
    return "".join(out)
