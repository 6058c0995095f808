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
    """The findings a reviewer most needs where several overlap, in order.

    Findings are taken best first (severity, kind rank, length), each kept
    unless it overlaps one already kept.  Only findings whose spans touch or
    overlap can decide each other's fate, so the choice is made within each
    *cluster* (a maximal chain of spans each starting at or before the
    furthest end so far); a draft's thousands of numbers are almost all
    clusters of one, kept without a search.  Inserting every finding into
    one sorted list instead cost O(n²) (a 5 MB 公示: 25,774 findings, 265 ms;
    20 MB: 2.7 s); tests/test_resolve_clusters.py compares the two on
    random spans, nested, equal, touching and empty ones included."""
    findings.sort(key=_priority, reverse=True)
    if len(findings) < 2:
        return findings
    order = sorted(range(len(findings)), key=lambda k: (findings[k].start, findings[k].end))
    cluster = [0] * len(findings)
    n, reach = -1, -1
    for k in order:
        f = findings[k]
        if f.start > reach:
            n += 1
        cluster[k] = n
        reach = max(reach, f.end)
    size = [0] * (n + 1)
    for c in cluster:
        size[c] += 1
    groups: dict[int, list[Finding]] = {}
    for k, f in enumerate(findings):  # best first within each cluster, as in one list
        if size[cluster[k]] > 1:
            groups.setdefault(cluster[k], []).append(f)
    kept: list[Finding] = []
    for k in order:  # clusters in text order; no list is made for a cluster of one
        c = cluster[k]
        if size[c] == 1:
            kept.append(findings[k])
        elif c in groups:
            kept.extend(_kept_of(groups.pop(c)))
    return kept


def _priority(f: Finding) -> tuple:
    return (f.severity, _rank(f), f.end - f.start, -f.start)


def _kept_of(findings: list[Finding]) -> list[Finding]:
    """Among ``findings`` (best first): each kept unless it overlaps one
    kept before it; the kept ones in text order."""
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
