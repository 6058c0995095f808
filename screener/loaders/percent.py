"""Percent-decoding of link addresses (``tel:%2B86…``, ``mailto:a%40b.cn``).

A small local decoder instead of urllib.parse, which the package's source
audit keeps out (tests/test_security.py: nothing network-capable is
imported).  Runs of ``%XX`` escapes are decoded as UTF-8; a run that is not
valid UTF-8 is left as written.
"""
from __future__ import annotations

import re

_ESCAPES = re.compile(r"(?:%[0-9A-Fa-f]{2})+")


def _decode(m: re.Match) -> str:
    raw = bytes(int(m.group()[i + 1:i + 3], 16) for i in range(0, len(m.group()), 3))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return m.group()


def unquote(text: str) -> str:
    """``text`` with its percent-escapes decoded."""
    return _ESCAPES.sub(_decode, text) if "%" in text else text
