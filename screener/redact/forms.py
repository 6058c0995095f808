"""Every written form of a flagged value, for scrubbing a package's parts.

A number the detectors flagged in the text of a .docx may be written again
elsewhere in the package in another form: ``+86 151 1417 7763`` in the body
and ``15114177763`` in a property, ``tel:%31%35%31…`` in a link target,
``&#49;&#53;…`` as character references in XML, full-width ``１５１…`` in alt
text, ``ZhangSan%40Example.com`` for ``zhangsan@example.com``.  ``pattern``
builds one regular expression per value that matches all of them:

- each significant character (digit or letter) in its ASCII or full-width
  form, as a decimal or hexadecimal character reference, or percent-encoded,
  letters in either case;
- for numbers, any run of separators between characters (spaces of every
  width, hyphens and dashes, dots, brackets; also written as references or
  percent-encoded), and no digit directly before or after;
- for a mobile number, the national number with or without its country
  code (+86, 0086, 86) in front, whichever form the flagged copy had;
- for e-mail, ``@`` also as ``＠``, ``&#64;`` or ``%40``, and ``.`` as ``．``.

``decode`` turns a matched form back into plain characters so the mask put
in its place is the mask of the value (separators kept), readable wherever
it lands.
"""
from __future__ import annotations

import html
import re

from ..folding import fold
from ..loaders.percent import unquote

_SEPARATORS = " \t\u00a0\u2000-\u200f\u202f\u205f\u2060\u3000\ufeff\\-\u2010-\u2015\u2212.()\uff08\uff09/\uff0d"
SEPARATOR_CHARS = _SEPARATORS  # for a character class: the separators a number may hold
_SEP_CODES = (0x20, 0x2D, 0xA0, 0x2E, 0x28, 0x29, 0x3000, 0x2009, 0x2007, 0x202F)
_SEPARATOR = ("(?:[" + _SEPARATORS + "]|%20|%2[dDeE]|&nbsp;|"
              + "|".join(f"&#0*{c};|&#[xX]0*{c:x};" for c in _SEP_CODES) + ")*")
# +86 / 0086 / 86 before a mobile number (also as ＋, &#43; or %2B)
_COUNTRY = "(?:(?:\\+|\uff0b|&#0*43;|&#[xX]0*2[bB];|%2[bB]|00)?86" + _SEPARATOR + ")?"
_DIGIT_BEFORE = r"(?<![0-9\uff10-\uff19])(?<!&#)(?<!%3)"
_DIGIT_AFTER = r"(?![0-9\uff10-\uff19])"


def _char(c: str) -> str:
    """Alternatives for one significant character."""
    forms = {c, c.lower(), c.upper()}
    alts = set()
    for form in forms:
        if not form.isascii():
            continue
        code = ord(form)
        alts.add(re.escape(form))
        alts.add(re.escape(chr(code + 0xFEE0)) if 0x21 <= code <= 0x7E else re.escape(form))
        alts.add(f"&#0*{code};")
        alts.add(f"&#[xX]0*{code:x};" if not any(ch.isalpha() for ch in f"{code:x}")
                 else f"&#[xX]0*(?i:{code:x});")
        alts.add(f"%(?i:{code:02x})")
    return "(?:" + "|".join(sorted(alts, key=len, reverse=True)) + ")"


def keys(kind: str, text: str) -> list[str]:
    """The plain forms to look for: a number's digits (and the national
    number of a +86 mobile), an e-mail folded to lower case."""
    plain = fold(text)
    if kind == "email":
        return [plain.replace("\uff20", "@").lower()]
    digits = "".join(ch for ch in plain if ch.isascii() and ch.isalnum())
    if kind == "mobile" and len(digits) > 11:
        digits = digits[-11:]  # the national number; pattern() allows the prefix
    return [digits] if len(digits) >= 7 else []


def pattern(kind: str, key: str) -> re.Pattern:
    """One regex matching every written form of ``key`` (from keys())."""
    if kind == "email":
        pieces = []
        for c in key:
            if c == "@":
                pieces.append("(?:@|\uff20|&#0*64;|&#[xX]0*40;|%40)")
            elif c == ".":
                pieces.append("(?:\\.|\uff0e|&#0*46;|&#[xX]0*2[eE];|%2[eE])")
            elif c.isascii() and c.isalnum():
                pieces.append(_char(c))
            else:
                pieces.append(re.escape(c))
        return re.compile("".join(pieces))
    body = _SEPARATOR.join(_char(c) for c in key)
    if kind == "mobile":
        body = _COUNTRY + body
    return re.compile(_DIGIT_BEFORE + body + _DIGIT_AFTER)


def decode(form: str) -> str:
    """A matched form as plain text: references and percent-escapes decoded,
    width folded."""
    return fold(unquote(html.unescape(form))).replace("\uff20", "@")
