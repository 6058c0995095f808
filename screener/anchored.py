"""``pattern.finditer(text)``, trying the pattern only where a match can start.

Python's ``re`` tries a pattern that opens with an alternation or a character
class at every character of the text: some 4-6 ns a character, 10 ms or more
for each such pattern over 5 MB of government text, however rarely it
matches.  ``str.find``, and ``re`` for a pattern opening with one literal
character, look for a literal several times faster.  The address and permit
detectors and the annual report's prose reader therefore find the few places
where their patterns can start (a literal every match holds, at a known
offset from the match's start, checked around in C where it is common) and
run the pattern only there, with ``match``.  This module imports nothing of
screener, so detectors and screener/annual/ can both use it.

``finditer_at`` gives exactly the matches ``finditer`` gives, provided the
starts it is handed include every position where the pattern matches (more
are harmless) and the pattern cannot match the empty string: ``finditer``
tries each position from the end of its last match on, and a position
without a match yields nothing, so skipping the positions that are not
starts skips nothing.  ``match(text, pos)`` sees the text before ``pos``,
so look-behinds judge as they do in ``finditer``.  Each caller keeps its
plain ``finditer`` and a test compares the two (tests/test_text_scans.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def literal_starts(text: str, anchors: Iterable[tuple[str, int]]) -> list[int]:
    """Ascending, without repeats: ``i + offset`` for every occurrence ``i``
    (overlapping ones too) of every ``(literal, offset)`` in ``anchors``,
    never below 0.  Each literal is looked for once, however many offsets
    it has (a one-character literal is found fastest)."""
    offsets: dict[str, list[int]] = {}
    for literal, offset in anchors:
        offsets.setdefault(literal, []).append(offset)
    found: set[int] = set()
    find = text.find
    for literal, offs in offsets.items():
        i = find(literal)
        while i >= 0:
            for offset in offs:
                if i + offset >= 0:
                    found.add(i + offset)
            i = find(literal, i + 1)
    return sorted(found)


def finditer_at(pattern: Any, text: str, starts: Iterable[int], endpos: int | None = None) -> Iterator[Any]:
    """The matches of ``pattern.finditer(text, 0, endpos)`` (``re`` or
    ``regex``), when every one of them starts at one of ``starts``
    (ascending)."""
    last = 0  # where the previous match ended: finditer resumes there
    match = pattern.match
    end = len(text) if endpos is None else endpos
    for pos in starts:
        if pos < last:
            continue
        m = match(text, pos, end)
        if m is not None:
            yield m
            last = m.end()


def starts_of(prefilters: Iterable[tuple[Any, tuple[int, ...]]], text: str) -> list[int]:
    """Ascending, without repeats: ``m.start() + offset`` for every match
    ``m`` of each cheap prefilter's ``finditer`` and each of its offsets,
    never below 0.  A prefilter must match wherever a start it stands for
    is, and one match of it must never hide another (its matches are one
    character long, or cannot overlap where they count: the caller says why)."""
    found: set[int] = set()
    for pattern, offsets in prefilters:
        for m in pattern.finditer(text):
            s = m.start()
            found.update(s + k for k in offsets if s + k >= 0)
    return sorted(found)
