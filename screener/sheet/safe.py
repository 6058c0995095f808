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

import ahocorasick_rs

from ..alphabets import INVISIBLE
from ..config import Config
from ..display import printable
from ..masking import guard, mask_digits
from ..model import Finding
from ..privacy import Privacy, mask


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
        self._keys = sorted(pairs, key=len, reverse=True)
        self._pairs = pairs
        # one automaton pass per string, leftmost-longest so a number inside
        # another is not cut: linear in the string whatever the number of
        # values (a regex alternation of 12,000 numbers made the sheet quadratic)
        self._any = ahocorasick_rs.AhoCorasick(
            self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if pairs else None

    def __call__(self, value: str | None) -> str:
        value = value or ""
        if self._any is not None and value:
            out, pos = [], 0
            for k, start, end in self._any.find_matches_as_indexes(value):
                out.append(value[pos:start])
                out.append(self._pairs[self._keys[k]])
                pos = end
            if pos:
                out.append(value[pos:])
                value = "".join(out)
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
