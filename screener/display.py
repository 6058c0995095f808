"""How text that screener did not write is shown: file names and draft excerpts.

A file name can hold a personal number (户主<ID>.txt), and reports are passed
around, so names are shown with personal numbers masked unless the user asked
for values.  A file name or a draft can also hold control characters (terminal
escape sequences, line breaks, bidi overrides) that would forge, hide or
reorder lines of a report, so shown text keeps to one line of printable
characters.
"""
from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _personal_detectors() -> tuple:
    from .detectors import DETECTORS
    from .model import PERSONAL_KINDS

    return tuple(d for d in DETECTORS if d.RULES and {r.kind for r in d.RULES} <= PERSONAL_KINDS)


# (zero-width characters may sit between the digits: the detectors see through them)
_SEVEN_DIGITS = re.compile(r"\d(?:[ \-\u2010-\u2015\uff0d*＊×xX\u200b-\u200d\u2060\ufeff\u00ad]{0,2}\d){6}")


def _may_hold_number(text: str) -> bool:
    """Cheap test first: every personal number has a run of 7 digits (maybe
    grouped or partly masked) or an @; a batch shows thousands of file names,
    most of them with neither (2024/06/0123.txt)."""
    return "@" in text or "＠" in text or _SEVEN_DIGITS.search(text) is not None


@lru_cache(maxsize=1024)
def _masked(text: str) -> str:
    if not _may_hold_number(text):
        return text
    from .config import Config
    from .document import Document
    from .masking import masked_slice
    from .resolve import resolve

    config = Config()
    doc = Document(text)
    found = resolve([f for d in _personal_detectors() for f in d.detect(doc, config)], config)
    return masked_slice(text, found)[0]


def mask_numbers(text: str, show_values: bool = False) -> str:
    """``text`` (a file name, a message) with every personal number masked."""
    return text if show_values or not text else _masked(text)


def shown_path(path: str, show_values: bool = False) -> str:
    """A file name as terminal output and messages show it."""
    return one_line(mask_numbers(str(path), show_values))
