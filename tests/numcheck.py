"""What every personal-number test checks on every finding: offsets and
line/column point at the number in the original text, and nothing a user
sees (message, explanation, masked value, suggestion) contains it."""
from __future__ import annotations

from screener import Config, Finding, screen_text
from screener.config import digits_key
from screener.detectors.numbers import Window


def line_col(original: str, offset: int) -> tuple[int, int]:
    line_start = max(original.rfind("\n", 0, offset), original.rfind("\r", 0, offset)) + 1
    line = 1 + sum(1 for i, c in enumerate(original[:offset])
                   if c == "\n" or (c == "\r" and original[i + 1:i + 2] != "\n"))
    return line, offset - line_start + 1


def assert_sound(original: str, f: Finding) -> None:
    assert f.text == original[f.start:f.end]
    assert (f.line, f.column) == line_col(original, f.start)
    full = digits_key(f.text)
    if f.personal and f.kind != "email" and len(full) >= 5:  # a number (an address has few digits)
        for shown in (f.message, f.why, f.masked, f.suggestion or ""):
            assert full not in digits_key(shown), (f.code, shown)


def screen(text: str, kind: str | None = None, config: Config | None = None) -> list[Finding]:
    """The findings (of ``kind``) in ``text``, each checked with assert_sound."""
    findings = screen_text(text, config=config).findings
    for f in findings:
        assert_sound(text, f)
    return [f for f in findings if kind is None or f.kind == kind]


def codes(text: str, kind: str | None = None, config: Config | None = None) -> list[tuple[str, str]]:
    """(code, severity) of each finding of ``kind`` in ``text``."""
    return [(f.code, f.severity.label) for f in screen(text, kind, config)]


def every_window(run, max_groups: int = 5, sizes: tuple[int, int] = (7, 22)):
    """Every window of ``run`` of at most ``max_groups`` groups whose
    significant length is within ``sizes``: what the number detectors' judges
    may be offered (the fast-path tests judge them all, plain and fast)."""
    lo, hi = sizes
    n = len(run.layout)
    for i in range(n):
        for j in range(i + 1, min(n, i + max_groups) + 1):
            w = Window(run, i, j)
            if lo <= len(w.chars) <= hi:
                yield w
