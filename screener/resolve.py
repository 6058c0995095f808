"""The one step between detectors and the report (presidio's overlap handling,
detect-secrets' filters): drop what the office allowed or ignored, keep one
finding where several of the same sort cover the same characters, and order
by position.

A personal number is never dropped for overlapping a word: personal and
other findings are de-overlapped apart, and a word that overlaps a kept
number keeps its finding with the number's characters masked in the text it
shows (香港澳门15114177763等国家 reports both, and shows neither in full).
"""
from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable

from .config import Config, digits_key
from .detectors import KIND_TABLE
from .document import fold
from .masking import mask_digits
from .model import Finding


def _rank(f: Finding) -> int:
    kind = KIND_TABLE.get(f.kind)
    return kind.rank if kind is not None else 0


def _allowed(f: Finding, config: Config) -> bool:
    if config.ignores(f.code):
        return True
    kind = KIND_TABLE.get(f.kind)
    if f.personal and kind is not None and kind.allow_by == "digits":
        return bool(config.allow_numbers) and digits_key(f.text) in config.allow_numbers
    if not config.allow_terms:  # the usual case: nothing to compare (saves a fold per finding)
        return False
    if f.personal:
        return f.text.lower() in {t.lower() for t in config.allow_terms}
    return fold(f.text) in config.allow_terms or f.text in config.allow_terms


def _one_per_span(findings: list[Finding]) -> list[Finding]:
    """The findings a reviewer most needs where several overlap, in order."""
    findings.sort(key=lambda f: (f.severity, _rank(f), f.end - f.start, -f.start), reverse=True)
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Finding] = []
    for f in findings:
        i = bisect.bisect_left(starts, f.start)
        if i > 0 and ends[i - 1] > f.start:
            continue
        if i < len(starts) and starts[i] < f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        kept.insert(i, f)
    return kept


def _masked_over(f: Finding, personal: list[Finding], ends: list[int]) -> Finding:
    """``f`` showing every character it shares with a personal finding masked."""
    i = bisect.bisect_right(ends, f.start)
    chars = list(f.masked if len(f.masked) == len(f.text) else f.text)
    touched = False
    while i < len(personal) and personal[i].start < f.end:
        p = personal[i]
        lo, hi = max(p.start, f.start) - f.start, min(p.end, f.end) - f.start
        chars[lo:hi] = mask_digits(f.text[lo:hi], 0, 0)
        touched = True
        i += 1
    return dataclasses.replace(f, masked="".join(chars)) if touched else f


def resolve(findings: Iterable[Finding], config: Config) -> tuple[Finding, ...]:
    """Filter, de-overlap and sort ``findings``."""
    personal: list[Finding] = []
    other: list[Finding] = []
    for f in findings:
        if not _allowed(f, config):
            (personal if f.personal else other).append(f)
    personal = _one_per_span(personal)
    other = _one_per_span(other)
    if personal and other:
        ends = [p.end for p in personal]
        other = [_masked_over(f, personal, ends) for f in other]
    elif not personal:
        return tuple(other)
    elif not other:
        return tuple(personal)
    return tuple(sorted(personal + other, key=lambda f: (f.start, f.end)))
