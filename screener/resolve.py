"""The one step between detectors and the report (presidio's overlap handling,
detect-secrets' filters): drop what the office allowed or ignored, keep one
finding where several cover the same characters, and order by position."""
from __future__ import annotations

import bisect
from collections.abc import Iterable

from .config import Config, digits_key
from .document import fold
from .model import Finding

# When two findings overlap, the one a reviewer most needs wins.
_KIND_RANK = {
    "id-card": 9,
    "bank-card": 8,
    "permit": 8,  # detectors/permits.py KIND
    "mobile": 7,
    "landline": 6,
    "email": 5,
    "address": 5,  # detectors/address.py KIND
    "classified-marking": 4,
    "banned-term": 3,
    "caution-term": 2,
    "wording": 1,
}


def _allowed(f: Finding, config: Config) -> bool:
    if config.ignores(f.code):
        return True
    if f.personal and f.kind != "email":
        return bool(config.allow_numbers) and digits_key(f.text) in config.allow_numbers
    if not config.allow_terms:  # the usual case: nothing to compare (saves a fold per finding)
        return False
    if f.personal:
        return f.text.lower() in {t.lower() for t in config.allow_terms}
    return fold(f.text) in config.allow_terms or f.text in config.allow_terms


def resolve(findings: Iterable[Finding], config: Config) -> tuple[Finding, ...]:
    """Filter, de-overlap and sort ``findings``."""
    candidates = [f for f in findings if not _allowed(f, config)]
    candidates.sort(
        key=lambda f: (f.severity, _KIND_RANK.get(f.kind, 0), f.end - f.start, -f.start),
        reverse=True,
    )
    starts: list[int] = []
    ends: list[int] = []
    kept: list[Finding] = []
    for f in candidates:
        i = bisect.bisect_left(starts, f.start)
        if i > 0 and ends[i - 1] > f.start:
            continue
        if i < len(starts) and starts[i] < f.end:
            continue
        starts.insert(i, f.start)
        ends.insert(i, f.end)
        kept.insert(i, f)
    return tuple(kept)
