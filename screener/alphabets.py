"""One definition of each alphabet the code needs: Han characters, dashes,
invisible characters.  Imports nothing; every module that asks "is this a
Han character / a dash / invisible" uses these, so two places cannot
disagree.

Han: the CJK Unified Ideographs (U+4E00–U+9FFF), Extension A (U+3400–U+4DBF)
and the Compatibility Ideographs (U+F900–U+FAFF), as the Unicode Standard's
Han script blocks in the Basic Multilingual Plane.
"""
from __future__ import annotations

import re

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # for a regex character class
HAN = re.compile(f"[{HAN_RANGES}]")

# Hyphens and dashes a number's groups may be joined by (ASCII hyphen-minus,
# U+2010–U+2015, minus sign, small and full-width hyphen-minus).
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"

# Invisible characters a value can hide behind: zero-width space and
# joiners, word joiner, BOM, soft hyphen, the bidi marks (LRM, RLM, ALM) and
# the invisible operators U+2061–U+2064.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u061c\u2061\u2062\u2063\u2064"


def is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"
