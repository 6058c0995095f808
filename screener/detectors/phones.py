"""What the mobile and landline detectors share: the +86 / 0086 prefix and
the mainland numbering plan, looked up in phonenumbers (libphonenumber's
data, kept current by its maintainers as ranges are added).

phonenumbers is imported on first use only, so a draft without a phone-shaped
number never loads it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..alphabets import DASHES
from .numbers import Window

_DASHES = frozenset(DASHES)  # a set: "" (a space separator, stripped) is not in it
_PAREN_86 = re.compile(r"[(（]\s?\+?\s?86\s?[)）]\s?$")

# phonenumbers.PhoneNumberType values, by name (looked up lazily)
MOBILE_TYPES = ("MOBILE", "FIXED_LINE_OR_MOBILE")
FIXED_TYPES = ("FIXED_LINE", "FIXED_LINE_OR_MOBILE")


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Dial(NamedTuple):
    """A window read as a dialled number: where it starts (with any +86,
    0086 or (+86) prefix), where its national part starts, and that part's
    digits and group layout."""

    start: int
    national_start: int
    end: int
    digits: str
    layout: tuple[int, ...]
    prefixed: bool


def dial(w: Window, bare_86: bool = False) -> Dial:
    """``dial_plain(w, bare_86)``, read once per window for both phone
    detectors and remembered on the run (``Run.memo``, as ``Run.label``
    remembers labels): the mobile and the landline detector judge many of
    the same windows (0871-65432100 is offered to both).  ``bare_86`` can
    change the reading only of a window whose first group starts with 86,
    so every other window shares one entry.  A window with no prefix at all
    (no 86 / 0086 in its first group, no "86" in the few characters before
    it), the usual case, is read from the window's own groups without
    looking for a prefix (tests/test_phone_fast_paths.py compares both with
    ``dial_plain`` on every window of random texts)."""
    run = w.run
    first = run.parts[w.i]
    key = ("dial", w.i, w.j, bare_86 and first[:2] == "86")
    memo = run.memo
    if memo is None:  # made on first use (numbers.Run)
        memo = run.memo = {}
    found = memo.get(key)
    if found is None:
        if first[:2] == "86" or first[:4] == "0086":
            found = dial_plain(w, bare_86)
        else:
            start = run.groups[w.i][0]
            if w.i == 0 and run.doc_text.find("86", max(0, start - 8), start) >= 0:
                found = dial_plain(w, bare_86)  # maybe (+86) before it
            else:
                found = Dial(start, start, w.end, w.chars, w.layout, False)
        memo[key] = found
    return found


def dial_plain(w: Window, bare_86: bool = False) -> Dial:
    """Read ``w`` as a dialled number: +86 138…, 0086 138…, (+86)138…, +8613…
    or a national number as written.  With ``bare_86`` (the mobile
    detector), a country code written without + or 00 counts too where it
    cannot be anything else: a group of its own joined by a hyphen or dash
    (86-151-1417-7763; "共86 151…" is a count and a number) or right after ``tel:`` (tel:8615114177763, RFC 3966 links
    written without the +)."""
    text = w.run.doc_text
    groups = list(w.run.groups[w.i:w.j])
    first = w.run.parts[w.i]
    start = groups[0][0]
    cut = 0
    if w.i == 0 and first.startswith("86") and (plus := _plus_before(text, start)) is not None:
        start, cut = plus, 2
    elif bare_86 and w.i == 0 and first.startswith("86") and (
            (first == "86" and w.j - w.i > 1 and w.separators()[0][:1] in _DASHES)
            or text.endswith("tel:", 0, start)):
        cut = 2
    elif first.startswith("0086"):
        cut = 4
    elif w.i == 0 and (paren := _PAREN_86.search(text, max(0, start - 8), start)):
        return _national(text, paren.start(), groups, True, w.end)
    if not cut:
        return _national(text, start, groups, False, w.end)
    if cut == len(first):
        groups = groups[1:]  # "+86 138 …": the prefix is a group of its own
    else:
        groups[0] = (groups[0][0] + cut, groups[0][1])  # "+8613…": glued
    return _national(text, start, groups, True, w.end)


def _national(text: str, start: int, groups: list[tuple[int, int]], prefixed: bool, end: int) -> Dial:
    if not groups:
        return Dial(start, end, end, "", (), prefixed)
    digits = "".join(text[s:e] for s, e in groups)
    return Dial(start, groups[0][0], end, digits, tuple(e - s for s, e in groups), prefixed)


def _plus_before(text: str, pos: int) -> int | None:
    k = pos - 1
    if k >= 0 and text[k] == " ":
        k -= 1
    if k >= 0 and text[k] == "+":
        return k
    return None


@lru_cache(maxsize=1)
def _pn():
    import phonenumbers

    return phonenumbers


@lru_cache(maxsize=8192)
def number_type(national: str) -> str | None:
    """libphonenumber's type name for a mainland number (national digits,
    trunk 0 removed), or None when the number is not valid.

    Decided from phonenumbers' own metadata for CN, read once (``_plan``),
    the way its ``number_type()`` decides: the same descriptions in the
    same order, each with its possible lengths and its pattern.  That skips
    what phonenumbers does around it for every number (a PhoneNumber
    object, the region look-up, the pattern cache, a ``match`` before each
    ``fullmatch``): about 2 us a number instead of 12.  ``number_type_plain``
    asks phonenumbers itself; tests/test_phone_fast_paths.py compares the two
    over every area code with random local numbers, every mobile block and
    the service ranges."""
    if not national.isdigit() or len(national) > 15:
        return None
    general, ordered, fixed, mobile, same = _plan()
    n = str(int(national))  # national_significant_number(): no leading zeros
    if not _matches(n, general):
        return None
    for name, desc in ordered:
        if _matches(n, desc):
            return name
    if _matches(n, fixed):
        return "FIXED_LINE_OR_MOBILE" if same or _matches(n, mobile) else "FIXED_LINE"
    if not same and _matches(n, mobile):
        return "MOBILE"
    return None


def number_type_plain(national: str) -> str | None:
    """``number_type`` asked of phonenumbers itself (the oracle)."""
    if not national.isdigit() or len(national) > 15:
        return None
    pn = _pn()
    # For +86 the region is CN, and is_valid_number() is "number_type() is
    # not UNKNOWN"; asking for the type once does both.
    kind = pn.number_type(pn.PhoneNumber(country_code=86, national_number=int(national)))
    if kind == pn.PhoneNumberType.UNKNOWN:
        return None
    for name in _TYPE_NAMES:
        if kind == getattr(pn.PhoneNumberType, name):
            return name
    return None


# The types phonenumbers' _number_type_helper tries before fixed line and
# mobile, in its order.
_ORDER = ("PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL")
_TYPE_NAMES = ("FIXED_LINE", "MOBILE", "FIXED_LINE_OR_MOBILE") + _ORDER

_Desc = tuple[frozenset[int], re.Pattern] | None


def _matches(n: str, desc: _Desc) -> bool:
    """phonenumbers' _is_number_matching_desc: no description or pattern
    never matches; the possible lengths (when listed) are checked first."""
    if desc is None:
        return False
    lengths, pattern = desc
    return (not lengths or len(n) in lengths) and pattern.fullmatch(n) is not None


@lru_cache(maxsize=1)
def _plan() -> tuple[_Desc, tuple[tuple[str, _Desc], ...], _Desc, _Desc, bool]:
    """CN's number descriptions from phonenumbers' metadata: the general
    one, the special types in order, fixed line, mobile, and whether fixed
    line and mobile share one pattern."""
    pn = _pn()
    md = pn.PhoneMetadata.metadata_for_region_or_calling_code(86, pn.region_code_for_country_code(86))

    def desc(d) -> _Desc:
        if d is None or not d.national_number_pattern:
            return None
        return frozenset(d.possible_length), re.compile(d.national_number_pattern)

    ordered = tuple((name, desc(getattr(md, name.lower()))) for name in _ORDER)
    return (desc(md.general_desc), ordered, desc(md.fixed_line), desc(md.mobile),
            bool(md.same_mobile_and_fixed_line_pattern))


def phonenumbers_loaded() -> bool:
    """Whether phonenumbers has been imported by this module (for tests)."""
    return _pn.cache_info().currsize > 0
