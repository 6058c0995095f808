"""How personal numbers are shown in every output and written in a redacted copy.

Defaults follow the conventions government sites use (domain notes §2.4) and
hide the birth date: an ID number keeps at most its first 2 and last 2
characters, a mobile number keeps 3 + 4 (138****5678), a bank card its last 4,
an e-mail address its domain and the first character of the local part.
Separators (spaces, hyphens) are kept so the layout of the draft survives.
"""
from __future__ import annotations

import re

MASK = "*"
STYLES = ("default", "full")

# characters kept visible at the head and tail, by kind, for the default style
_KEEP = {
    "id-card": (2, 2),
    "mobile": (3, 4),
    "landline": (0, 2),
    "bank-card": (0, 4),
    "permit": (1, 2),  # detectors/permits.py: the letter and the last 2 (H*******00)
}


# ASCII letters and digits, and the full-width block that holds their
# full-width forms: the characters a mask hides.
_SIGNIFICANT = re.compile(r"[0-9A-Za-z\uff10-\uff5a]")


def _significant(value: str) -> list[int]:
    """Offsets of the characters a mask may hide (one regex pass, not a
    Python test per character: masking runs for every personal finding)."""
    return [m.start() for m in _SIGNIFICANT.finditer(value)]


def mask_digits(value: str, head: int, tail: int) -> str:
    """Replace letters and digits by ``*`` except the first ``head`` and last
    ``tail`` of them; anything else (spaces, hyphens, brackets) is kept."""
    if value.isascii() and value.isalnum():  # the usual case: one unbroken number
        n = len(value)
        if head + tail >= n:
            return MASK * n
        return value[:head] + MASK * (n - head - tail) + value[n - tail:]
    idx = _significant(value)
    if head + tail >= len(idx):
        head, tail = 0, 0
    chars = list(value)
    for i in idx[head: len(idx) - tail]:
        chars[i] = MASK
    return "".join(chars)


def _mask_landline(value: str) -> str:
    # keep the area code (it names a city, not a person) and the last 2 digits
    digits = _significant(value)
    area = 0
    if digits and value[digits[0]] in "0０":
        area = 3 if len(digits) >= 2 and value[digits[1]] in "12１２" else 4
    if len(digits) - area < 5:
        area = 0
    return mask_digits(value, area, 2)


def _split_email(value: str) -> tuple[str, str, str] | None:
    """(local part, the @ as written, domain); a full-width ＠ counts."""
    at = max(value.rfind("@"), value.rfind("＠"))
    return (value[:at], value[at], value[at + 1:]) if at >= 0 else None


def _mask_email(value: str, style: str) -> str:
    parts = _split_email(value)
    if parts is None:
        return MASK * len(value)
    local, at, domain = parts
    return (MASK * len(local) if style == "full" else local[:1] + MASK * 3) + at + domain


def mask(kind: str, value: str, style: str = "default") -> str:
    """The masked form of a personal ``value`` of ``kind``."""
    if style not in STYLES:
        raise ValueError(f"未知的脱敏方式“{style}”，可选：{'、'.join(STYLES)}")
    if kind == "email":
        return _mask_email(value, style)
    if kind == "address":  # detectors/address.py: the part past 乡镇/街道, every character hidden
        return "".join(c if c.isspace() else MASK for c in value)
    if style == "full":
        return mask_digits(value, 0, 0)
    if kind == "landline":
        return _mask_landline(value)
    head, tail = _KEEP.get(kind, (0, 0))
    return mask_digits(value, head, tail)


def masked_slice(text: str, findings, start: int = 0, end: int | None = None,
                 show_values: bool = False) -> tuple[str, int, int]:
    """``text[start:end]`` with every personal finding in it replaced by its
    masked form.  A finding cut by the window edge widens the window so that
    no part of a number is shown unmasked.  ``findings`` must be sorted by
    start and non-overlapping (as resolve() leaves them).  Returns the text and
    the window actually used."""
    end = len(text) if end is None else end
    spans = [f for f in findings if f.personal and f.start < end and f.end > start]
    if spans and not show_values:
        start = min(start, spans[0].start)
        end = max(end, spans[-1].end)
    if show_values or not spans:
        return text[start:end], start, end
    out, pos = [], start
    for f in spans:
        out.append(text[pos:f.start])
        out.append(f.masked)
        pos = f.end
    out.append(text[pos:end])
    return "".join(out), start, end
