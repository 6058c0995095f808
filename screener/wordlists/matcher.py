"""One pass of an Aho-Corasick automaton over the normalised draft finds every
candidate of every active entry at once; each candidate then goes through the
entry's conditions and, only where needed, a jieba check of a few characters
around it (segment.py).

Literal terms are automaton keys.  A pattern entry contributes its anchors,
and its regex runs only on a short window around an anchor that was found.

The automaton is ahocorasick-rs's DFA (Rust, the ``aho-corasick`` crate),
asked for overlapping matches so that every key is found wherever it occurs,
as a classic Aho-Corasick walk finds them.  On the benchmark corpus it walks
a draft about 3x faster than pyahocorasick walking the UTF-8 bytes, and 10x
faster than pyahocorasick walking the characters, whose speed collapses with
the ~160 distinct first characters of the built-in keys (BENCHMARKS.md).
It reports character offsets, so no byte-to-character conversion is needed.

No term is matched inside an e-mail address or a web address (``jb@…``,
``http://…/tmd/``): those are someone's contact or a link, not wording, and a
term there would also hide the address's own finding (``shielded_spans``).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..alphabets import HAN
from ..document import fold
from ..traditional import to_simplified
from . import segment
from .conditions import Rules, context_note, latin_ok, lexical_reason
from .format import Entry, latin_edge
from .patterns import Budget, compile_pattern, finditer

_HAN = HAN
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LOCAL_PART = re.compile(r"[a-z0-9._%+\-]{1,64}\Z")
_DOMAIN = re.compile(r"[a-z0-9\-]+(?:\.[a-z0-9\-]+)+")
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]{0,15}\Z")
_URL_REST = re.compile(r"[!-~]*")
_DFA_LIMIT = 20_000  # keys up to which the (fastest, largest) DFA is built
BLOCK = 1 << 20  # characters walked at once (bounds ahocorasick-rs's memory)


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
        import ahocorasick_rs

        self.entries = tuple(entries)
        self.rules = [Rules.of(e, who(e)) for e in self.entries]
        keys: dict[str, list[tuple[int, bool]]] = {}
        seg_words: set[str] = set()
        for i, e in enumerate(self.entries):
            if e.pattern:
                for a in e.anchors:
                    keys.setdefault(fold(to_simplified(a)), []).append((i, True))
            for t in e.terms:
                key = fold(to_simplified(t))  # drafts are matched in simplified script
                keys.setdefault(key, []).append((i, False))
                if e.boundary == "word" and _HAN.search(key):
                    seg_words.add(key)
        self._keys = tuple(keys)
        self._longest = max(map(len, keys), default=1)
        self._refs = tuple(tuple(refs) for refs in keys.values())
        self._automaton: ahocorasick_rs.AhoCorasick | None = None
        if keys:
            if len(keys) <= _DFA_LIMIT:
                self._automaton = ahocorasick_rs.AhoCorasick(
                    self._keys, implementation=ahocorasick_rs.Implementation.DFA)
            else:
                self._automaton = ahocorasick_rs.AhoCorasick(self._keys)
        self._seg_words = frozenset(seg_words)
        self._seg_ready = False

    @property
    def strings(self) -> int:
        """How many distinct strings the automaton holds."""
        return len(self._keys)

    def walk(self, text: str) -> list[tuple[int, int, int]]:
        """The bare automaton pass over ``text``, exactly as ``scan`` walks it:
        (key index, start, end) per candidate, overlapping ones included.
        benchmarks/bench.py times this as the limit the pipeline is held to.

        A long text is walked in blocks that overlap by the longest key less
        one character, keeping from each block the matches that start in it:
        ahocorasick-rs builds offset tables as large as the text it is given
        (some 7 bytes per byte: 680 MB for a 100 MB draft)."""
        if self._automaton is None:
            return []
        if len(text) <= BLOCK:
            return self._find(text)
        found = []
        overlap = self._longest - 1
        for lo in range(0, len(text), BLOCK):
            for k, start, end in self._find(text[lo:lo + BLOCK + overlap]):
                if start < BLOCK:
                    found.append((k, lo + start, lo + end))
        return found

    def _find(self, text: str) -> list[tuple[int, int, int]]:
        automaton = self._automaton
        assert automaton is not None  # walk() returns early when there is no automaton
        try:
            return automaton.find_matches_as_indexes(text, overlapping=True)
        except UnicodeEncodeError:  # a lone surrogate (str from a library caller): no key has one
            return automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)

    def scan(self, text: str, drops: list[Drop] | None = None) -> list[Hit]:
        """Every hit in ``text`` (the normalised view), in automaton order,
        except those inside an e-mail or web address.  Ruled-out candidates
        are appended to ``drops`` when it is given."""
        hits = self._scan(text, drops)
        shield = shielded_spans(text) if hits else []
        if not shield:
            return hits
        kept = []
        for h in hits:
            k = bisect.bisect_right(shield, (h.start, len(text) + 1)) - 1
            inside = (k >= 0 and shield[k][1] > h.start) or (k + 1 < len(shield) and shield[k + 1][0] < h.end)
            if inside:
                _drop(drops, h.entry, h.start, h.end, "在电子邮箱地址或网址中")
            else:
                kept.append(h)
        return kept

    def _scan(self, text: str, drops: list[Drop] | None = None) -> list[Hit]:
        """Every hit in ``text``, e-mail and web addresses not yet set aside."""
        hits: list[Hit] = []
        seen: set[tuple[int, int, int]] = set()
        keys, refs_of = self._keys, self._refs
        with Budget():
            for k, start, end in self.walk(text):
                key = keys[k]
                for i, is_anchor in refs_of[k]:
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
        for m in finditer(compile_pattern(to_simplified(e.pattern)), text, lo, hi, who=r.who):
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


def shielded_spans(text: str) -> list[tuple[int, int]]:
    """The e-mail addresses and web addresses in ``text`` (the normalised
    view), as sorted, disjoint spans.  Found from their ``@``, ``://`` and
    ``www.``, so a text with none of them costs three substring searches."""
    spans: list[tuple[int, int]] = []
    pos = text.find("@")
    while pos >= 0:
        local = _LOCAL_PART.search(text, max(0, pos - 64), pos)
        domain = _DOMAIN.match(text, pos + 1)
        if local and domain:
            spans.append((local.start(), domain.end()))
        pos = text.find("@", pos + 1)
    for mark in ("://", "www."):
        pos = text.find(mark)
        while pos >= 0:
            start = pos
            if mark == "://":
                scheme = _SCHEME.search(text, max(0, pos - 16), pos)
                start = scheme.start() if scheme else pos
            rest = _URL_REST.match(text, pos)
            assert rest is not None  # [!-~]* matches everywhere, if only the empty string
            spans.append((start, rest.end()))
            pos = text.find(mark, pos + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _drop(drops, entry, start, end, reason, seg=None) -> None:
    if drops is not None:
        drops.append(Drop(entry, start, end, reason, seg))
