"""Masking for everything the approval sheet prints.

The sheet is filed and forwarded, so it never shows a personal number, even
when the terminal run asked for --show-values: findings' own masks are used,
any reappearance of a number (in a title, a message) is masked too, and values
a person typed (--title, --unit …) are screened on their own.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..config import Config
from ..masking import mask, mask_digits, masked_slice
from ..model import Finding


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
        if self._any is None:
            return value
        return self._any.sub(lambda m: self._pairs[m.group()], value)

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
