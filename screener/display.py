"""Text that screener did not write, made safe to show: one line, printable.

A file name or a draft can hold control characters (terminal escape
sequences, line breaks, bidi overrides) that would forge, hide or reorder
lines of a report, so shown text keeps to one line of printable characters.
Masking numbers is the privacy owner's job (privacy.py); this module only
handles characters, and imports nothing of screener.
"""
from __future__ import annotations

import re

_BREAKS = re.compile(r"[\t\n\v\f\r\x85\u2028\u2029]+")
# C0/C1 controls (ESC starts terminal sequences), the bidi embedding,
# override, isolate and mark characters ("Trojan Source", CVE-2021-42574),
# and what XML cannot hold (U+FFFE, U+FFFF, lone surrogates).
_OTHERS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff"
_UNSAFE = re.compile(f"[\x00-\x1f{_OTHERS}]")
_UNSAFE_IN_TEXT = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHERS}]")


def one_line(text: str) -> str:
    """``text`` on one line: breaks become spaces, other controls become �."""
    return _UNSAFE.sub("\ufffd", _BREAKS.sub(" ", text))


def printable(text: str) -> str:
    """``text`` with its tabs and line breaks, every other control character
    (and what XML cannot hold) replaced by �: for files and printouts that
    keep the draft's lines, such as the approval sheet."""
    return _UNSAFE_IN_TEXT.sub("\ufffd", text)
