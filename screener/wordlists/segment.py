"""Word boundaries from jieba, consulted only around candidates.

The automaton finds strings; jieba says whether a string is a word there.  A
candidate is dropped when it sits inside a longer word: a word starts before it
and runs into it (村长 in 该村/长期以来, 台联 in 平台/联系), or a word starts
with it and runs on (天王 in 天王星), or its last character alone is the start
of the next word (大麻 in 大/麻烦).  It is kept when jieba merely joins its last
*word* to the next one (台湾总统 in 台湾/总统大选), and when jieba's longer word
is a compound of the candidate and another word of two or more characters
(台独 in 台独分子, 弱智 in 弱智儿童, 维族 in 新疆维族): the banned sense survives
compounding, while a single trailing or leading character (星, 烦, 外) makes a
different word.

jieba is imported on the first candidate that needs it, never for a draft
without candidates (start-up time matters); it reads only the dictionary
entries its windows need (jieba_dict.py), and it runs on a short window
around the candidate, never over the whole draft.
``STATS`` counts what was handed to it, so tests can hold us to that.
"""
from __future__ import annotations

import logging
import sys
import threading
from dataclasses import dataclass

from . import jieba_dict

CONTEXT = 10  # characters of context either side of a candidate
_STOP = set("，。；：！？、,.;:!?\n\r\t \u3000（）()[]【】“”‘’「」『』《》\"'")


@dataclass
class SegmentStats:
    """How much work the segmenter did in this process."""

    chars: int = 0  # characters handed to jieba
    calls: int = 0  # windows segmented
    loaded: bool = False  # whether jieba's dictionary was loaded

    def reset(self) -> None:
        self.chars = self.calls = 0


STATS = SegmentStats()
_lock = threading.RLock()
_tokenizer = None
_split = None  # jieba_dict.SplitDictionary, or None when the whole dictionary is loaded
_added: set[str] = set()


def _import_jieba():
    """``import jieba``, without setuptools' pkg_resources: jieba._compat
    imports it (about 130 ms) only to open its data files, and opens them by
    path when the import fails."""
    if "jieba" in sys.modules or "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # makes ``import pkg_resources`` fail at once
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


def _get():
    """Our own jieba Tokenizer (not jieba's global one, so that list terms do
    not change segmentation for anyone else in the process), backed by the
    dictionary split by first character (jieba_dict.py) when there is one."""
    global _tokenizer, _split
    with _lock:
        if _tokenizer is None:
            jieba = _import_jieba()
            jieba.setLogLevel(logging.WARNING)
            tok = jieba.Tokenizer()
            tok.tmp_dir = str(jieba_dict.private_dir())  # never jieba's shared /tmp/jieba.cache
            split = jieba_dict.load(jieba)
            if split is None:
                tok.initialize()
                jieba_dict.write(jieba, tok.FREQ, tok.total)
            else:
                tok.FREQ, tok.total, tok.initialized = {}, split.total, True
            _tokenizer, _split = tok, split
            STATS.loaded = True
        return _tokenizer


def _fill(text: str) -> None:
    """Load the dictionary entries jieba may look up while cutting ``text``."""
    if _split is not None and _tokenizer is not None:  # _get() sets the two together
        _split.fill(_tokenizer.FREQ, text)


def add_words(words) -> None:
    """Make list terms known to the segmenter (idempotent).  A term jieba
    already knows keeps its frequency; an unknown one gets the frequency that
    lets it be cut as one word."""
    new = [w for w in words if w not in _added]
    if not new:
        return
    tok = _get()
    with _lock:
        for w in new:
            _fill(w)
            if not tok.FREQ.get(w):
                tok.add_word(w)
            _added.add(w)


def window(text: str, start: int, end: int) -> tuple[int, int]:
    """The span jieba sees: up to CONTEXT characters either side, stopping at
    punctuation and line breaks."""
    lo = start
    while lo > 0 and start - lo < CONTEXT and text[lo - 1] not in _STOP:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < CONTEXT and text[hi] not in _STOP:
        hi += 1
    return lo, hi


def _is_word(tok, part: str) -> bool:
    """A dictionary word of two or more characters: the other half of a compound."""
    return len(part) >= 2 and bool(tok.FREQ.get(part))


def decide(text: str, start: int, end: int, *, check_start: bool = True,
           check_end: bool = True) -> tuple[bool, str]:
    """Whether ``text[start:end]`` is a word here, and the segmentation that
    decided (tokens around the candidate joined with "/")."""
    tok = _get()
    lo, hi = window(text, start, end)
    piece = text[lo:hi]
    STATS.chars += len(piece)
    STATS.calls += 1
    _fill(piece)
    tokens = tok.lcut(piece, HMM=True)
    cs, ce = start - lo, end - lo
    keep = True
    spans = []
    pos = 0
    for t in tokens:
        a, b = pos, pos + len(t)
        pos = b
        spans.append((a, b, t))
        if check_start and a < cs < b:
            # a word starts before the candidate and runs into it; kept only
            # when that word is a compound ending with the candidate (新疆维族)
            if not (b == ce and _is_word(tok, piece[a:cs])):
                keep = False
        elif check_start and a == cs and b > ce:
            # the candidate is the beginning of a longer word (天王星, 大麻烦);
            # kept only when that word is the candidate plus another word of
            # two or more characters (台独分子, 弱智儿童, 中华民国政府)
            if not _is_word(tok, piece[ce:b]):
                keep = False
        elif check_end and cs < a < ce < b:
            inside = piece[a:ce]
            if len(inside) < 2 or not tok.FREQ.get(inside):
                keep = False  # its last character belongs to the next word
    shown = [_hide_neighbours(t, a, cs, ce) for a, b, t in spans if b > cs - 2 and a < ce + 2]
    return keep, "/".join(shown)


def _hide_neighbours(token: str, at: int, cs: int, ce: int) -> str:
    """``token`` (at ``at`` in the window) with every Latin letter and digit
    outside the candidate ``[cs, ce)`` hidden: the segmentation explains word
    boundaries, and a neighbouring number or mailbox (选举村长15114177763)
    must not be quoted in it."""
    if token.isascii() and not token.isalnum() and not any(c.isalnum() for c in token):
        return token
    return "".join("*" if (c.isascii() and c.isalnum() and not cs <= at + i < ce) else c
                   for i, c in enumerate(token))
