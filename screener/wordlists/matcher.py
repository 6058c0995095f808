"""One pass of an Aho-Corasick automaton (pyahocorasick, C) over the
normalised draft finds every candidate of every active entry at once; each
candidate then goes through the entry's conditions and, only where needed,
a jieba check of a few characters around it (segment.py).

Literal terms are automaton keys.  A pattern entry contributes its anchors,
and its regex runs only on a short window around an anchor that was found.

The automaton walks the UTF-8 bytes of the text (held in a str as Latin-1
code points), not its characters: pyahocorasick looks a character up among a
node's children one by one, and at the root there is one child per distinct
first character of a key (about 170 for the built-in lists) against about a
dozen distinct first bytes.  That doubles the throughput; UTF-8 being
self-synchronising, every match starts and ends on a character boundary, and
byte offsets are converted back to character offsets hit by hit.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..document import fold
from . import segment
from .conditions import Rules, context_note, latin_ok, lexical_reason
from .format import Entry, latin_edge
from .patterns import compile_pattern, finditer

_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass(frozen=True, slots=True)
class Hit:
    """A candidate that stands: a span of the normalised text and why."""

    entry: Entry
    start: int
    end: int
    context: str | None = None
    segmentation: str | None = None


@dataclass(frozen=True, slots=True)
class Drop:
    """A candidate that was ruled out, and what ruled it out (for `--check`
    messages and tests)."""

    entry: Entry
    start: int
    end: int
    reason: str
    segmentation: str | None = None


class Matcher:
    """The automaton for one set of active entries; build once, scan often."""

    def __init__(self, entries: Sequence[Entry], who: Callable[[Entry], str]):
        import ahocorasick

        self.entries = tuple(entries)
        self.rules = [Rules.of(e, who(e)) for e in self.entries]
        keys: dict[str, list[tuple[int, bool]]] = {}
        seg_words: set[str] = set()
        for i, e in enumerate(self.entries):
            if e.pattern:
                for a in e.anchors:
                    keys.setdefault(fold(a), []).append((i, True))
            for t in e.terms:
                key = fold(t)
                keys.setdefault(key, []).append((i, False))
                if e.boundary == "word" and _HAN.search(key):
                    seg_words.add(key)
        self._automaton = ahocorasick.Automaton()
        for key, refs in keys.items():
            self._automaton.add_word(_bytes_view(key), (key, tuple(refs)))
        if keys:
            self._automaton.make_automaton()
        self._empty = not keys
        self._seg_words = frozenset(seg_words)
        self._seg_ready = False

    @property
    def strings(self) -> int:
        """How many distinct strings the automaton holds."""
        return len(self._automaton)

    def scan(self, text: str, drops: list[Drop] | None = None) -> list[Hit]:
        """Every hit in ``text`` (the normalised view), in automaton order.
        Ruled-out candidates are appended to ``drops`` when it is given."""
        if self._empty:
            return []
        hits: list[Hit] = []
        seen: set[tuple[int, int, int]] = set()
        view = _bytes_view(text)
        byte_pos = char_pos = 0
        for last, (key, refs) in self._automaton.iter(view):
            if len(view) != len(text):  # not pure ASCII: bytes to characters
                char_pos += len(view[byte_pos:last + 1].encode("latin-1").decode("utf-8", "surrogatepass"))
                byte_pos = last + 1
                end = char_pos
            else:
                end = last + 1
            start = end - len(key)
            for i, is_anchor in refs:
                if is_anchor:
                    self._pattern(i, text, start, end, hits, seen, drops)
                else:
                    self._term(i, key, text, start, end, hits, seen, drops)
        return hits

    def _term(self, i, key, text, start, end, hits, seen, drops) -> None:
        if (i, start, end) in seen:
            return
        seen.add((i, start, end))
        r = self.rules[i]
        if not latin_ok(text, start, end):
            return _drop(drops, r.entry, start, end, "是更长的字母数字串的一部分")
        self._judge(r, text, start, end, key, hits, drops)

    def _pattern(self, i, text, start, end, hits, seen, drops) -> None:
        r = self.rules[i]
        e = r.entry
        lo, hi = max(0, start - e.window), min(len(text), end + e.window)
        for m in finditer(compile_pattern(e.pattern), text, lo, hi, who=r.who):
            ms, me = m.span()
            if me <= ms or ms > start or me < end or (i, ms, me) in seen:
                continue
            seen.add((i, ms, me))
            self._judge(r, text, ms, me, None, hits, drops)

    def _judge(self, r: Rules, text, start, end, key, hits, drops) -> None:
        e = r.entry
        why = lexical_reason(r, text, start, end, key)
        if why:
            return _drop(drops, e, start, end, why)
        ok, note = context_note(r, text, start, end)
        if not ok:
            return _drop(drops, e, start, end, note or "上下文不符合条件")
        seg = None
        span = text[start:end]
        if e.boundary == "word" and _HAN.search(span):
            check_start, check_end = not latin_edge(span[0]), not latin_edge(span[-1])
            if check_start or check_end:
                if not self._seg_ready:
                    segment.add_words(self._seg_words)
                    self._seg_ready = True
                keep, seg = segment.decide(text, start, end, check_start=check_start,
                                           check_end=check_end)
                if not keep:
                    return _drop(drops, e, start, end, "分词显示它是更长的词的一部分", seg)
        hits.append(Hit(e, start, end, note, seg))


def _bytes_view(text: str) -> str:
    """The UTF-8 bytes of ``text`` as a str of code points 0–255."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def _drop(drops, entry, start, end, reason, seg=None) -> None:
    if drops is not None:
        drops.append(Drop(entry, start, end, reason, seg))
