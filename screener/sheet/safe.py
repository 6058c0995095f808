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

from ..alphabets import INVISIBLE
from ..config import Config
from ..display import printable
from ..masking import guard, mask_digits
from ..model import Finding
from ..privacy import Copies, Privacy, mask


class Safe:
    """Masks every personal number of the draft wherever it reappears, and
    screens user-typed values so a number typed into --title is masked too."""

    def __init__(self, findings: Iterable[Finding], config: Config):
        self.config = config
        self._privacy = Privacy(config)
        pairs: dict[str, str] = {}
        for f in findings:
            if f.personal and f.text:
                masked = safe_mask(f, config.mask_style)
                pairs[f.text] = masked
                compact = re.sub(r"[\s\-]", "", f.text)
                if f.kind != "email" and len(compact) >= 5:
                    pairs.setdefault(compact, mask_digits(compact, 0, 0))
                bare = "".join(c for c in f.text if c not in INVISIBLE)
                if bare != f.text and len(bare) >= 4:
                    pairs.setdefault(bare, mask(f.kind, bare))
        self._copies = Copies(pairs)

    def __call__(self, value: str | None) -> str:
        value = self._copies.hide(value or "")
        # no control character reaches a sheet: Word cannot store them, and
        # --format sheet prints to a terminal
        return printable(guard(value, self.config.mask_style))

    def typed(self, value: str | None) -> str:
        """A value the user typed: its personal numbers found and masked by
        the privacy owner, as a file name's are."""
        if not value:
            return ""
        return self(self._privacy.numbers(value))


def safe_mask(f: Finding, style: str = "default") -> str:
    """``f.masked``, recomputed if a detector left it equal to the value."""
    if f.masked and f.masked != f.text and f.text not in f.masked:
        return f.masked
    return mask(f.kind, f.text, style)
