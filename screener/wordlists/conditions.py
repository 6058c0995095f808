"""The checks between "the automaton found a string" and "this is a finding":
Latin whole-token edges, lexical refinements (exceptions, what may stand
before or after) and context conditions (a topic near, quotation marks).

All checks read the normalised text (width and case folded, in simplified
script: screener/traditional.py), so list data is folded and simplified the
same way when the matcher is built.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import fold
from ..traditional import to_simplified
from .format import Entry, latin_edge
from .patterns import compile_pattern, search

OPENING = "“‘「『《〈\""
CLOSING = "”’」』》〉\""
_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
PARAGRAPH = "\n\r"
LOOKBACK = 80  # characters searched for an opening quotation mark
EDGE = 12  # characters a before/after condition may look at


@dataclass(frozen=True)
class Rules:
    """An entry's conditions, folded and compiled once for the matcher."""

    entry: Entry
    who: str
    exceptions: tuple[str, ...]
    near: tuple[str, ...]
    not_near: tuple[str, ...]
    before: object = None
    not_before: object = None
    after: object = None
    not_after: object = None

    @classmethod
    def of(cls, entry: Entry, who: str) -> "Rules":
        def tail(p):  # "the text just before the hit ends with p"
            return compile_pattern(f"(?:{to_simplified(p)})\\Z") if p else None

        def head(p):
            return compile_pattern(to_simplified(p)) if p else None

        return cls(entry=entry, who=who,
                   exceptions=tuple(fold(to_simplified(x)) for x in entry.exceptions),
                   near=tuple(fold(to_simplified(x)) for x in entry.near),
                   not_near=tuple(fold(to_simplified(x)) for x in entry.not_near),
                   before=tail(entry.before), not_before=tail(entry.not_before),
                   after=head(entry.after), not_after=head(entry.not_after))


_JOINERS = "-_./"


def latin_ok(text: str, start: int, end: int) -> bool:
    """A term that begins or ends with a Latin letter or digit must not run
    into further letters or digits, directly or across a joiner: NB matches
    "NB" but not "NBA", "USNB" or "TMD-200"."""
    if latin_edge(text[start]) and start > 0:
        before = text[start - 1]
        if latin_edge(before) or (before in _JOINERS and start > 1 and latin_edge(text[start - 2])):
            return False
    if latin_edge(text[end - 1]) and end < len(text):
        after = text[end]
        if latin_edge(after) or (after in _JOINERS and end + 1 < len(text) and latin_edge(text[end + 1])):
            return False
    return True


def lexical_reason(r: Rules, text: str, start: int, end: int, term: str | None) -> str | None:
    """Why the hit is not one (an exception covers it, or what stands before or
    after rules it out), or None."""
    if r.exceptions:
        term = term if term is not None else text[start:end]
        for x in r.exceptions:
            k = x.find(term)
            while k >= 0:
                if start - k >= 0 and text.startswith(x, start - k):
                    return f"属于例外“{x}”"
                k = x.find(term, k + 1)
    lo, hi = max(0, start - EDGE), min(len(text), end + EDGE)
    if r.before and not search(r.before, text, lo, start, who=r.who):
        return "前文不符合条件"
    if r.not_before and search(r.not_before, text, lo, start, who=r.who):
        return "前文属于排除情形"
    if r.after and not search(r.after, text, end, hi, who=r.who, anchored=True):
        return "后文不符合条件"
    if r.not_after and search(r.not_after, text, end, hi, who=r.who, anchored=True):
        return "后文属于排除情形"
    return None


def context_note(r: Rules, text: str, start: int, end: int) -> tuple[bool, str | None]:
    """Apply the topic and quotation conditions.  Returns (hit stands, what decided)."""
    e = r.entry
    note = None
    if r.near or r.not_near:
        window = paragraph_window(text, start, end, e.window)
        if r.not_near:
            found = next((w for w in r.not_near if w in window), None)
            if found:
                return False, f"附近有“{found}”，属于正常用法"
        if r.near:
            found = next((w for w in r.near if w in window), None)
            if not found:
                return False, f"前后 {e.window} 字内没有相关语境词"
            note = f"附近有“{found}”"
    if e.quoted:
        if quoted(text, start, end):
            return False, "已加引号"
        note = "未加引号" + (f"，{note}" if note else "")
    return True, note


def paragraph_window(text: str, start: int, end: int, width: int) -> str:
    """Up to ``width`` characters either side of the span, within its paragraph."""
    lo, hi = max(0, start - width), min(len(text), end + width)
    left = text[lo:start]
    cut = max(left.rfind("\n"), left.rfind("\r"))
    right = text[end:hi]
    cuts = [i for i in (right.find("\n"), right.find("\r")) if i >= 0]
    return left[cut + 1:] + text[start:end] + (right[:min(cuts)] if cuts else right)


def quoted(text: str, start: int, end: int) -> bool:
    """Whether the span stands inside quotation marks (“…”, 「…」, 《…》, "…")
    opened earlier in the same paragraph and not closed before it."""
    lo = max(0, start - LOOKBACK)
    before = text[lo:start]
    cut = max(before.rfind("\n"), before.rfind("\r"))
    before = before[cut + 1:]
    depth: list[str] = []
    straight = 0
    for ch in before:
        if ch == '"':
            straight ^= 1
        elif ch in _PAIRS:
            depth.append(_PAIRS[ch])
        elif depth and ch == depth[-1]:
            depth.pop()
    return bool(depth) or bool(straight)
