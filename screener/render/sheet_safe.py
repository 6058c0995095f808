"""Masking for everything the approval sheet prints.

The sheet is filed and forwarded, so it never shows a personal number, even
when the terminal run asked for --show-values: findings' own masks are used,
any reappearance of a number (in a title, a message) is masked too, and values
a person typed (--title, --unit …) are screened on their own.

A last guard covers what no finding names (a check switched off with
``ignore``, a number a detector did not recognise): any run of 7 or more
digits, unbroken or grouped the way IDs, mobiles, cards and landlines are
written (530427 19850312 1237, 187 2309 7215, 6228 4878 …, 0877-7012345; not
2024-06-02, 邮编 653405 or 12345), keeps only its first 2 and last 2 digits,
and any e-mail address its domain.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..config import Config
from ..display import printable
from ..masking import mask, mask_digits, masked_slice
from ..model import Finding

_D = "[0-9０-９]"
_DIGIT_RUN = re.compile(
    rf"(?<!{_D})(?:"
    rf"{_D}{{6}}[ \-]{_D}{{8}}[ \-]{_D}{{3}}[{_D[1:-1]}XxＸｘ]"  # ID written 6-8-4
    rf"|{_D}{{3,4}}(?:[ \-]{_D}{{4}}){{2,4}}(?:[ \-]{_D}{{1,4}})?"  # mobile 3-4-4, card 4-4-4-4
    rf"|{_D}{{3,4}}-{_D}{{7,8}}"  # landline with its area code
    rf"|{_D}{{7,}}[XxＸｘ]?"  # any unbroken run
    rf")(?!{_D})"
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
GUARD_DIGITS = 7


def guard(text: str, style: str = "default") -> str:
    """``text`` with every long digit run and e-mail address masked."""
    def digits(m: re.Match) -> str:
        run = m.group()
        count = sum(ch.isdigit() for ch in run)
        if count < GUARD_DIGITS:
            return run
        return mask_digits(run, 0, 0) if style == "full" else mask_digits(run, 2, 2)

    text = _DIGIT_RUN.sub(digits, text)
    return _EMAIL.sub(lambda m: mask("email", m.group(), style), text)


class Safe:
    """Masks every personal number of the draft wherever it reappears, and
    screens user-typed values so a number typed into --title is masked too."""

    def __init__(self, findings: Iterable[Finding], config: Config):
        self.config = config
        pairs: dict[str, str] = {}
        for f in findings:
            if f.personal and f.text:
                masked = safe_mask(f, config.mask_style)
                pairs[f.text] = masked
                compact = re.sub(r"[\s\-]", "", f.text)
                if f.kind != "email" and len(compact) >= 5:
                    pairs.setdefault(compact, mask_digits(compact, 0, 0))
        self._pairs = pairs
        # one pass per string, longest value first so a number inside another is not cut
        self._any = re.compile("|".join(re.escape(raw) for raw in sorted(pairs, key=len, reverse=True))) \
            if pairs else None

    def __call__(self, value: str | None) -> str:
        value = value or ""
        if self._any is not None:
            value = self._any.sub(lambda m: self._pairs[m.group()], value)
        # no control character reaches a sheet: Word cannot store them, and
        # --format sheet prints to a terminal
        return printable(guard(value, self.config.mask_style))

    def typed(self, value: str | None) -> str:
        """A value the user typed: screened on its own, personal numbers masked."""
        if not value:
            return ""
        from ..screening import screen_text

        found = screen_text(value, config=self.config).findings
        return self(masked_slice(value, found)[0])


def safe_mask(f: Finding, style: str = "default") -> str:
    """``f.masked``, recomputed if a detector left it equal to the value."""
    if f.masked and f.masked != f.text and f.text not in f.masked:
        return f.masked
    return mask(f.kind, f.text, style)
