"""The one scan for digit runs that the four personal-number detectors share.

A *run* is a maximal stretch of the normalised text made of digit groups
(digits, plus the mask characters ``*`` ``＊`` ``×`` and ``x``) joined by single
separators (one or two spaces, or a hyphen/dash of any width, optionally
spaced).  A run never starts or ends inside a longer stretch of digits or
Latin letters, so a mobile number is never found inside an 18-digit ID and a
card number never inside a 索引号 glued to letters.

Only runs with at least 7 significant characters and a group of at least 3
are kept: nothing shorter can be a personal number (a bare local number has
7 digits), so postcodes, years, 文号 and table counts never reach Python code.  The scan is one
compiled regular expression, cached per Document, so the ID, mobile, landline
and bank-card detectors together cost one pass; over a text of a page or
more it runs only on the stretches a cheaper hint scan leaves
(``candidate_spans``, below).

Detectors look at *windows* of a run: consecutive groups whose lengths form a
layout they accept (6-8-4 for an ID, 3-4-4 for a mobile, 4-4-4-4-3 for a
card).  A window always starts and ends at a group edge.

Two more readings are offered only to the detectors that ask for them:

* a number that is the *value of a query parameter* in a web address
  (``?sfzh=…&tel=…``) is data about a person, not a piece of the address,
  so ``pick(url_values=True)`` offers it, while numbers in the path
  (``/gk/2019/13926647378.html``) stay ignorable;
* a number *broken across one line break* (PDF extraction and narrow table
  cells: ``5304271958051⏎71551``) is offered by ``broken_runs``: the digit
  groups either side of the break joined into one Run, for the ID detector,
  which accepts such a window only when the joined value passes its full
  check.
"""
from __future__ import annotations

import re
import string
import weakref
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TypeVar

from ..document import Document
from ..traditional import simplified
from .context import before, label_in, word_before

MASK_CHARS = "*＊×x"
LABEL_REACH = 16  # the longest reach a number detector asks a label about
_V = TypeVar("_V")  # what pick()'s accept says about a window
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
_SEP = rf"(?:[ \t\u00a0\u3000]{{1,2}}|[ \t\u3000]?[{_DASHES}]{{1,2}}[ \t\u3000]?)"
_SEP_CHARS_PLAIN = " \t\u00a0\u3000" + _DASHES.replace("\\", "")  # every character of a separator
_GROUP_TAIL = r"[0-9x*＊×]*(?![0-9a-z])"
# The scan keys on a group of at least 3 characters (every accepted layout
# has one: 3-4-4, 6-8-4, 4-4-4-4, 0871-…), which is far rarer than a digit,
# and needs 7 significant characters counted from there.  Short groups
# before it (the 86 of +86 138…, the 10 of +86 10 6552 1234) are added by
# _LEAD afterwards, only for the few runs found.
_RUN = re.compile(
    r"[0-9](?<![0-9a-z*＊×][0-9])[0-9x*＊×]{2}"  # a group of 3+, not glued to a digit or letter
    rf"(?=[0-9x*＊×]{{4}}|(?:{_SEP}?[0-9x*＊×]){{4}})"  # 7 significant characters in all
    rf"{_GROUP_TAIL}(?:{_SEP}[0-9*＊×]{_GROUP_TAIL})*"
)
_LEAD = re.compile(rf"(?<![0-9a-z*＊×])(?:[0-9]{{1,2}}{_SEP}){{1,3}}$")
_GROUP = re.compile(r"[0-9*＊×][0-9x*＊×]*")
_ONE_GROUP = re.compile(r"[0-9x*＊×]+")
_DIGITS = re.compile(r"[0-9]")
_URL_GLUE = frozenset("/=?&#_%:.")
_QUERY_KEY = re.compile(r"[?&;]([a-z_][a-z0-9_.\-]{0,30})=$")
_TOKEN_TAIL = re.compile(r"[!-~]*$")
_AMOUNT_AFTER = re.compile(r"\s?(?:\.\d|元|万|亿|%|‰|美元|港元|人民币)")
_AMOUNT_BEFORE = re.compile(r"(?:\d\.|[¥￥$]|人民币)\s?$")


@dataclass(slots=True, unsafe_hash=True)
class Window:
    """Consecutive groups ``[i, j)`` of a run, as one candidate number.
    Treated as immutable and hashed by value, like ``Run`` (and, like it,
    not declared frozen, which made each window pick() builds cost three
    ``object.__setattr__`` calls)."""

    run: "Run"
    i: int
    j: int

    @property
    def start(self) -> int:
        return self.run.groups[self.i][0]

    @property
    def end(self) -> int:
        return self.run.groups[self.j - 1][1]

    @property
    def layout(self) -> tuple[int, ...]:
        return self.run.layout[self.i:self.j]

    @property
    def chars(self) -> str:
        """The significant characters, separators dropped (stdnum's ``compact``)."""
        return "".join(self.run.parts[self.i:self.j])

    @property
    def masked(self) -> bool:
        """True when a mask character stands for a hidden digit (a final
        ``x`` of an 18-character ID is a check character, not a mask)."""
        body = self.chars
        if body.isdigit():  # the usual case
            return False
        return any(c in body[:-1] for c in MASK_CHARS) or body[-1:] in ("*", "＊", "×")

    def separators(self) -> tuple[str, ...]:
        text = self.run.doc_text
        g = self.run.groups
        return tuple(text[g[k][1]:g[k + 1][0]].strip() for k in range(self.i, self.j - 1))

    @property
    def at_run_end(self) -> bool:
        return self.j == len(self.run.groups)

    @property
    def ignorable(self) -> bool:
        """Not a number a person could own: a sum of money, a decimal, or a
        piece of a URL.  Only the window's own edges count, so the amount at
        the end of a table row (张三 530427… 6228… 1200.00) hides nothing else."""
        run = self.run
        return run.in_url or (run.amount_after and self.at_run_end) or (run.amount_before and self.i == 0)

    @property
    def url_value(self) -> bool:
        """The whole run is the value of a query parameter (``?sfzh=…``)."""
        return self.run.url_key is not None and self.i == 0 and self.at_run_end


@dataclass(slots=True, unsafe_hash=True)
class Run:
    """One stretch of digit groups in ``doc.normalized``.  Treated as
    immutable (hashed and compared by value, as a frozen dataclass is), but
    not declared frozen: a frozen dataclass sets each of its eleven fields
    through ``object.__setattr__``, which made building the ~5,000 runs of
    5 MB of real text cost 1.4 µs a run instead of 0.3."""

    doc_text: str
    start: int
    end: int
    groups: tuple[tuple[int, int], ...]
    parts: tuple[str, ...]  # the text of each group
    layout: tuple[int, ...]  # the length of each group
    amount_before: bool  # preceded by ¥, 人民币 or "3." (its first group is a sum or a decimal)
    amount_after: bool  # followed by .50, 元, 万 … (its last group is a sum or a decimal)
    in_url: bool  # part of a web address: …/2019/13926647378.html, ?id=6228…
    url_key: str | None = None  # in a web address, the query key it is the value of (sfzh, tel)
    memo: dict | None = field(default=None, compare=False, repr=False)  # made by the first label()
    ends: tuple[int, ...] | None = field(default=None, compare=False, repr=False)  # pick()'s, made on first use

    def label(self, start: int, words: tuple[str, ...], reach: int = 12, gap: int = 6) -> str | None:
        """context.word_before() for a position in this run, remembered: the
        four detectors ask about the same few positions, and the text before
        a position is read and folded once for all their questions
        (context.Before; tests/test_number_fast_paths.py compares the two)."""
        key = (start, id(words), reach, gap)
        memo = self.memo
        if memo is None:  # most runs are never asked: no dict for them
            memo = self.memo = {}
        if key not in memo:
            if reach <= LABEL_REACH:
                b = memo.get(start)
                if b is None:
                    b = memo[start] = before(self.doc_text, start, LABEL_REACH)
                memo[key] = label_in(b, words, reach, gap)
            else:
                memo[key] = word_before(self.doc_text, start, words, reach, gap)
        return memo[key]


def _in_url(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits in a web address (the surrounding token has :// or www.)."""
    if start == 0 or text[start - 1] not in _URL_GLUE:
        return False
    lo = max(0, start - 200)
    head = text[lo:start]
    if "://" not in head and "www." not in head:  # the token is a tail of head: the usual answer
        return False
    m = _TOKEN_TAIL.search(text, lo, start)
    token = m.group() if m else ""
    return "://" in token or "www." in token


def _query_key(text: str, start: int, end: int) -> str | None:
    """For a run in a web address: the key whose whole value it is
    (``?sfzh=<run>&``, ``&tel=<run>#``), else None."""
    if text[start - 1] != "=" or (end < len(text) and text[end] in "/.%_=+"):
        return None  # part of a longer value: ?f=2019/13926647378.html
    m = _QUERY_KEY.search(text, max(0, start - 34), start)
    return m.group(1) if m else None


# A match of _AMOUNT_BEFORE ends in one of these, at most two characters
# before the run (one \s, and a line break that ``$`` may stand before);
# a match of _AMOUNT_AFTER starts with one of _AFTER_FIRST after at most one \s.
_BEFORE_LAST = frozenset(".¥￥$币")
_AFTER_FIRST = frozenset(".元万亿%‰美港人")
# A match of _LEAD ends with a separator, right before the run or before a
# line break right before it (``$`` matches before a final line break).
_LEAD_LAST = frozenset(_SEP_CHARS_PLAIN + "\n")


def _amount_before(text: str, base: int) -> bool:
    for c in text[base - 3 if base > 3 else 0:base]:
        if c in _BEFORE_LAST:
            return bool(_AMOUNT_BEFORE.search(text, max(0, base - 4), base))
    return False


def _amount_after(text: str, end: int) -> bool:
    c = text[end:end + 1]
    if c in _AFTER_FIRST or (c.isspace() and text[end + 1:end + 2] in _AFTER_FIRST):
        return bool(_AMOUNT_AFTER.match(text, end))
    return False


def _lead(text: str, base: int) -> int:
    """Where the run found at ``base`` really starts: before the short groups
    that lead it (the 86 of +86 138…), else ``base``."""
    if base and text[base - 1] in _LEAD_LAST:
        lead = _LEAD.search(text, max(0, base - 12), base)
        if lead:
            return lead.start()
    return base


def _make_run(text: str, base: int, end: int) -> Run:
    """The Run for the stretch ``text[base:end]`` (its groups and flags).
    Each flag's regular expression runs only when a cheap test of the one
    or two characters it depends on says it may match; ``_make_run_plain``
    is the plain path (tests/test_number_scan.py compares the two)."""
    body = text[base:end]
    in_url = _in_url(text, base, end)
    key = _query_key(text, base, end) if in_url else None
    before_ = _amount_before(text, base)
    after_ = _amount_after(text, end)
    # a body is made of group and separator characters only, so all digits
    # is one group (the usual case) and isdigit() answers it in C
    if body.isdigit() or _ONE_GROUP.fullmatch(body):
        return Run(text, base, end, ((base, end),), (body,), (len(body),), before_, after_, in_url, key)
    parts = tuple(_GROUP.findall(body))
    groups = []
    pos = 0
    for part in parts:  # a separator holds no group character: find() lands on the group
        pos = body.find(part, pos)
        groups.append((base + pos, base + pos + len(part)))
        pos += len(part)
    return Run(text, base, end, tuple(groups), parts, tuple(map(len, parts)), before_, after_, in_url, key)


def _in_url_plain(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1] not in _URL_GLUE:
        return False
    head = _TOKEN_TAIL.search(text, max(0, start - 200), start)
    token = head.group() if head else ""
    return "://" in token or "www." in token


def _make_run_plain(text: str, base: int, end: int) -> Run:
    """``_make_run`` without its shortcuts: every flag's regular expression
    run on every run (the oracle of the equivalence tests)."""
    body = text[base:end]
    in_url = _in_url_plain(text, base, end)
    flags = (bool(_AMOUNT_BEFORE.search(text, max(0, base - 4), base)),
             bool(_AMOUNT_AFTER.match(text, end)), in_url)
    key = _query_key(text, base, end) if in_url else None
    if _ONE_GROUP.fullmatch(body):
        return Run(text, base, end, ((base, end),), (body,), (len(body),), *flags, key)
    groups = tuple((base + g.start(), base + g.end()) for g in _GROUP.finditer(body))
    parts = tuple(text[s:e] for s, e in groups)
    return Run(text, base, end, groups, parts, tuple(map(len, parts)), *flags, key)


def plain_runs(text: str) -> tuple[Run, ...]:
    """The runs of ``text`` the plain way: the full scan, ``_LEAD`` searched
    before every run and ``_make_run_plain``.  ``runs`` must give exactly
    these (tests/test_number_scan.py)."""
    found = []
    for m in _RUN.finditer(text):
        base, end = m.span()
        lead = _LEAD.search(text, max(0, base - 12), base)
        found.append(_make_run_plain(text, lead.start() if lead else base, end))
    return tuple(found)


_CACHE: "weakref.WeakKeyDictionary[Document, tuple[Run, ...]]" = weakref.WeakKeyDictionary()


def runs(doc: Document) -> tuple[Run, ...]:
    """The runs of ``doc`` (computed on first use, then cached for that Document).

    A text without a single ASCII digit (after width folding) costs one
    ``search`` and nothing more.
    """
    cached = _CACHE.get(doc)
    if cached is not None:
        return cached
    text = simplified(doc)  # labels in 繁体 read as simplified; digits are the same
    found: list[Run] = []
    if _DIGITS.search(text):
        for m in in_stretches(doc, _RUN):
            base, end = m.span()
            found.append(_make_run(text, _lead(text, base), end))
    result = tuple(found)
    _CACHE[doc] = result
    return result


_SPANS: "weakref.WeakKeyDictionary[Document, list[tuple[int, int]]]" = weakref.WeakKeyDictionary()


def in_stretches(doc: Document, pattern: re.Pattern) -> Iterator[re.Match]:
    """``pattern.finditer(simplified(doc))``: over a long text only in the
    stretches ``candidate_spans`` leaves (computed once per Document), which
    gives exactly the same matches for a pattern like ``_RUN``: each of its
    matches is made of run characters (``_RUN_CHARS``) and holds one of the
    three hints below (seven digits in a row, three digits and a separator,
    a digit and a mask character), and its lookaheads only ask whether a run
    character follows.  The ID detector's 学籍号 pattern (a letter and 18
    characters, 17 of them digits in a row) is one."""
    text = simplified(doc)
    if len(text) < PREFILTER_FROM:
        yield from pattern.finditer(text)
        return
    spans = _SPANS.get(doc)
    if spans is None:
        spans = _SPANS[doc] = candidate_spans(text)
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


# -- the prefilter for long texts -----------------------------------------
#
# ``_RUN`` costs a try at every digit, and a government report is full of
# short numbers (dates, table counts: 8 % of the seed report's characters are
# digits), so over a long text it runs at about 190 MB/s.  A match of
# ``_RUN`` lies inside one *stretch* of run characters (digits, letters, mask
# characters, separators) and holds one of three hints, because it starts
# with a digit and has 7 significant characters:
#   * seven digits in a row (no separator or mask among its first seven),
#   * three digits and then a separator (its first group ends before that),
#   * a digit and then a mask character (a mask before any separator).
# The ``regex`` module finds the first two at some 800 MB/s (one character
# class at the start, no alternation there), str.find the third.  _RUN then
# runs only over the stretches that hold a hint.  A stretch is bounded by
# characters no match contains; lookbehinds see before its start, and its end
# behaves as the end of the text would, so the matches are exactly the full
# scan's (tests/test_number_scan.py compares the two on random texts).

# characters; below that one plain pass is cheaper (the two cost the same at
# ~600, the prefilter is 2x faster at 3,000: a one-page notice already)
PREFILTER_FROM = 1_000
_SEP_CHARS = " \t\u00a0\u3000" + _DASHES
_HINT_PATTERN = rf"[0-9]{{3}}(?:[0-9]{{4}}|[{_SEP_CHARS}])"
_RUN_CHARS = frozenset(string.digits + string.ascii_letters + "*＊×" + _SEP_CHARS.replace("\\", ""))
_STRETCH_END = re.compile("[^" + "".join(map(re.escape, sorted(_RUN_CHARS))) + "]")


@lru_cache(maxsize=1)
def _hints():
    import regex  # only long texts pay for importing it

    return regex.compile(_HINT_PATTERN)


def candidate_spans(text: str) -> list[tuple[int, int]]:
    """The sorted, disjoint stretches ``[start, end)`` of ``text`` outside
    which ``_RUN`` has no match."""
    hits = [m.start() for m in _hints().finditer(text)]
    for ch in MASK_CHARS:
        pos = text.find(ch)
        while pos >= 0:
            if pos and "0" <= text[pos - 1] <= "9":
                hits.append(pos - 1)
            pos = text.find(ch, pos + 1)
    hits.sort()
    spans: list[tuple[int, int]] = []
    for hit in hits:
        if spans and hit < spans[-1][1]:
            continue  # in the stretch already taken
        start = hit
        while start and text[start - 1] in _RUN_CHARS:
            start -= 1
        end = _STRETCH_END.search(text, hit)
        spans.append((start, end.start() if end else len(text)))
    return spans


# -- numbers broken across a line -------------------------------------------

_BREAK_LEFT = re.compile(r"(?<![0-9a-z*＊×])[0-9][0-9x]*(?:[ \-][0-9x]+){0,4}[ \t]*\Z")
_BREAK_RIGHT = re.compile(r"[ \t\u3000]*([0-9][0-9x]*(?:[ \-][0-9x]+){0,4})(?![0-9a-z*＊×])")
# a line break with a digit (or x) right before it, maybe after \r or one blank, and a digit
# after it; the pattern starts with the break itself, so ``re`` jumps from break to break,
# and asks first about the next line (which rarely starts with a digit), then about the
# one it ends: _DIGIT_BREAK_PLAIN without the look-ahead matches the same breaks, more slowly
_DIGIT_BREAK = re.compile(r"(\n)(?=[ \t\u3000]*[0-9])(?:(?<=[0-9x]\n)|(?<=[0-9x]\r\n)|(?<=[0-9x][ \t]\n))[ \t\u3000]*[0-9]")
_DIGIT_BREAK_PLAIN = re.compile(r"(\n)(?:(?<=[0-9x]\n)|(?<=[0-9x]\r\n)|(?<=[0-9x][ \t]\n))[ \t\u3000]*[0-9]")
_BROKEN: "weakref.WeakKeyDictionary[Document, dict[int, tuple[tuple[Run, int], ...]]]" = weakref.WeakKeyDictionary()
_NOT_SIGNIFICANT = str.maketrans("", "", " -\t\u3000")
_LEFT_CHARS = "0123456789x -\t"  # every character _BREAK_LEFT matches


def broken_runs(doc: Document, min_chars: int = 0) -> tuple[tuple[Run, int], ...]:
    """Digit groups either side of one line break, joined: (run, k) where
    group ``k`` is the first one after the break.  Only a window that
    crosses the break is new; the rest of each side is an ordinary run.

    ``min_chars``: only joined runs with at least that many significant
    characters (the ID detector asks for 15).  A table's digits often end
    one line and start the next (2019⏎2020, counts, dates), and a pair too
    short for any window the caller accepts is dropped before any Run is
    built; the result is ``broken_runs(doc)`` without the runs whose
    ``sum(layout)`` is below ``min_chars`` (tests/test_number_fast_paths.py
    compares the two)."""
    per_doc = _BROKEN.get(doc)
    if per_doc is None:
        per_doc = _BROKEN[doc] = {}
    cached = per_doc.get(min_chars)
    if cached is not None:
        return cached
    text = simplified(doc)
    found: list[tuple[Run, int]] = []
    for hit in _DIGIT_BREAK.finditer(text):
        pos = hit.start(1)
        brk = pos - 1 if pos and text[pos - 1] == "\r" else pos
        if not (brk and text[brk - 1] in "0123456789x \t"):
            continue
        right = _BREAK_RIGHT.match(text, pos + 1)
        if not right:
            continue
        if min_chars:
            # the left side is a tail of the characters _BREAK_LEFT allows
            # right before the break: if even all of them are too few, its
            # search (up to 40 tries) is not worth making
            head = text[max(0, brk - 40):brk]
            most = len(head[len(head.rstrip(_LEFT_CHARS)):].translate(_NOT_SIGNIFICANT))
            if most + len(right.group(1).translate(_NOT_SIGNIFICANT)) < min_chars:
                continue
        left = _BREAK_LEFT.search(text, max(0, brk - 40), brk)
        if not left:
            continue
        if min_chars and len((left.group() + right.group(1)).translate(_NOT_SIGNIFICANT)) < min_chars:
            continue  # at least the run's sum(layout): cheap, and never drops one long enough
        a, b = _make_run(text, left.start(), left.end()), _make_run(text, right.start(1), right.end(1))
        joined = Run(text, a.start, b.end, a.groups + b.groups, a.parts + b.parts, a.layout + b.layout,
                     a.amount_before, b.amount_after, a.in_url or b.in_url)
        if sum(joined.layout) >= min_chars:
            found.append((joined, len(a.groups)))
    result = tuple(found)
    per_doc[min_chars] = result
    return result


def pick(run: Run, accept: Callable[[Window], _V | None], max_groups: int = 6,
         sizes: tuple[int, int] = (1, 64), *, url_values: bool = False) -> Iterator[tuple[Window, _V]]:
    """Scan ``run`` left to right and yield, at each group, the longest
    window that ``accept`` returns a truthy verdict for; matches never
    overlap.  Windows whose significant length is outside ``sizes`` (most
    runs are rejected here, in a few integer comparisons) and ignorable
    windows (amounts, URLs) are never offered to ``accept``; with
    ``url_values``, a run that is a query parameter's whole value is.

    Every detector asks about every run, so this is ``pick_plain`` doing
    less per window: the group ends are summed once per run (not once per
    detector), a window is only tested for being ignorable when its run has
    a flag that can make it so, and the longest-first loop stops at the
    first window too short.  tests/test_number_scan.py compares the two
    (the windows offered to ``accept``, in order, and the ones yielded)."""
    lo, hi = sizes
    layout = run.layout
    n = len(layout)
    flagged = run.in_url or run.amount_after or run.amount_before  # else no window is ignorable
    if n == 1:  # most runs are one unbroken number: one window or none
        if lo <= layout[0] <= hi:
            w = Window(run, 0, 1)
            if (not flagged or not w.ignorable or (url_values and w.url_value)) and (verdict := accept(w)):
                yield w, verdict
        return
    ends = run.ends
    if ends is None:
        ends = run.ends = tuple(accumulate(layout, initial=0))
    if ends[-1] < lo:
        return
    i = 0
    while i < n:
        found: tuple[Window, _V] | None = None
        base = ends[i]
        for j in range(min(n, i + max_groups), i, -1):
            size = ends[j] - base
            if size > hi:
                continue
            if size < lo:
                break  # every group has a character: the shorter windows are shorter still
            w = Window(run, i, j)
            if flagged and w.ignorable and not (url_values and w.url_value):
                continue
            verdict = accept(w)
            if verdict:
                found = (w, verdict)
                break
        if found:
            yield found
            i = found[0].j
        else:
            i += 1


def pick_plain(run: Run, accept: Callable[[Window], _V | None], max_groups: int = 6,
               sizes: tuple[int, int] = (1, 64), *, url_values: bool = False) -> Iterator[tuple[Window, _V]]:
    """``pick`` without its shortcuts (the plain path of the tests)."""
    lo, hi = sizes
    layout = run.layout
    n = len(layout)
    if n == 1:
        if lo <= layout[0] <= hi:
            w = Window(run, 0, 1)
            if (not w.ignorable or (url_values and w.url_value)) and (verdict := accept(w)):
                yield w, verdict
        return
    if sum(layout) < lo:
        return
    ends = [0]
    for size in layout:
        ends.append(ends[-1] + size)
    i = 0
    while i < n:
        found: tuple[Window, _V] | None = None
        for j in range(min(n, i + max_groups), i, -1):
            if not lo <= ends[j] - ends[i] <= hi:
                continue
            w = Window(run, i, j)
            if w.ignorable and not (url_values and w.url_value):
                continue
            verdict = accept(w)
            if verdict:
                found = (w, verdict)
                break
        if found:
            yield found
            i = found[0].j
        else:
            i += 1
