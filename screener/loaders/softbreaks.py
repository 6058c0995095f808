"""Numbers a page layout broke across lines, joined again.

A PDF or OFD page has no paragraphs, only lines placed where they fit: an ID
number in a narrow table cell wraps as ``530427198`` / ``503121237``, and the
detectors, which read line by line, would see two short numbers and miss
both.  A line break inside a page's text is therefore soft: when the digits
that end one line and the digits that begin the next make, together, a
number whose own check says it is one (an 18-character resident ID with a
good MOD 11-2 check character and birth date, an 11-digit mobile number, a
16-19 digit card number with a good Luhn digit), and neither piece is such a
number alone, the break between them is removed.  Anything else keeps its
line break: two adjacent numbers that do not validate together stay apart,
so no false join invents a number.

This checks only shapes and check digits (GB 11643-1999 for the ID, ISO/IEC
7812 Luhn for cards), not context: deciding whether a number is a leak stays
with the detectors, which see the joined text like any other.  Word formats
(.docx, .doc) have real paragraphs and never pass through here.
"""
from __future__ import annotations

import re

_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_TAIL = re.compile(r"(?<![0-9])[0-9]{2,18}$")
_HEAD = re.compile(r"^[0-9]{1,17}[0-9Xx]?(?![0-9A-Za-z])")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")


def _id_ok(s: str) -> bool:
    if len(s) != 18 or not s[:17].isdigit():
        return False
    year, month, day = int(s[6:10]), int(s[10:12]), int(s[12:14])
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    return _CHECK[sum(int(d) * w for d, w in zip(s, _W)) % 11] == s[17].upper()


def _luhn_ok(s: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(s)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def is_whole_number(s: str) -> bool:
    """Whether ``s`` alone has the shape and check of an ID, mobile or card number."""
    if len(s) == 18 and _id_ok(s):
        return True
    if not s.isdigit():
        return False
    if len(s) == 11 and _MOBILE.fullmatch(s):
        return True
    return 16 <= len(s) <= 19 and s[0] in "3456789" and _luhn_ok(s)


def should_join(before: str, after: str) -> bool:
    """Whether the line ending with ``before`` and the line starting with
    ``after`` hold one number broken in two."""
    tail = _TAIL.search(before)
    head = _HEAD.match(after)
    if tail is None or head is None:
        return False
    a, b = tail.group(), head.group()
    if is_whole_number(a) or is_whole_number(b):
        return False
    return is_whole_number(a + b)


def join_lines(lines: list[str]) -> str:
    """``lines`` as one text, a newline between lines except where a number
    was broken across them."""
    if not lines:
        return ""
    out = [lines[0]]
    for line in lines[1:]:
        if should_join(out[-1].rstrip(" "), line.lstrip(" ")):
            out[-1] = out[-1].rstrip(" ") + line.lstrip(" ")
        else:
            out.append(line)
    return "\n".join(out)
