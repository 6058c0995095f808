"""Regular expressions in word lists: compiled once, always run with a time
limit, so a user's pattern that backtracks catastrophically stops with a clear
error instead of hanging the review.  Patterns are data: the ``regex`` module
matches them; nothing in a list is ever evaluated as code."""
from __future__ import annotations

import time
from contextvars import ContextVar
from functools import lru_cache

from ..errors import ConfigError

TIMEOUT = 0.25  # seconds for one search over one window
DRAFT_BUDGET = 2.0  # seconds all of one entry's searches may take over one draft
MAX_LENGTH = 500

# The time each entry's pattern has used in the scan under way (Matcher.scan
# opens one): a pattern just under TIMEOUT with thousands of anchor hits
# would otherwise run without bound.
_spent: ContextVar[dict[str, float] | None] = ContextVar("pattern_time_spent", default=None)


class Budget:
    """``with Budget():`` around one draft's scan bounds each entry's total
    pattern time to DRAFT_BUDGET."""

    def __enter__(self) -> "Budget":
        self._token = _spent.set({})
        return self

    def __exit__(self, *exc) -> None:
        _spent.reset(self._token)


def _timeout(who: str) -> float:
    spent = _spent.get()
    if spent is None:
        return TIMEOUT
    left = DRAFT_BUDGET - spent.get(who, 0.0)
    if left <= 0:
        raise _too_slow(who)
    return min(TIMEOUT, left)


def _charge(who: str, started: float) -> None:
    spent = _spent.get()
    if spent is not None:
        spent[who] = spent.get(who, 0.0) + time.perf_counter() - started


def _too_slow(who: str) -> ConfigError:
    return ConfigError(f"{who}：正则表达式在本稿件上累计运行超过 {DRAFT_BUDGET:g} 秒（锚点命中过多或存在回溯），"
                       "请简化该表达式或收窄锚点")


class PatternError(ValueError):
    """A pattern that does not compile or is unreasonably long."""


@lru_cache(maxsize=None)
def compile_pattern(pattern: str):
    """The compiled form of ``pattern`` (``regex`` module syntax).  Patterns
    run on the normalised text, where Latin letters are lower case, so they
    are compiled case-insensitively: a list may write APEC or apec."""
    import regex

    if len(pattern) > MAX_LENGTH:
        raise PatternError(f"正则表达式过长（超过 {MAX_LENGTH} 个字符）")
    try:
        return regex.compile(pattern, regex.MULTILINE | regex.IGNORECASE)
    except regex.error as exc:
        raise PatternError(f"正则表达式“{pattern}”有误（{exc}）") from None


def finditer(compiled, text: str, pos: int, endpos: int, *, who: str):
    """All matches of ``compiled`` in ``text[pos:endpos]``; a search that runs
    longer than TIMEOUT raises ConfigError naming ``who`` (file and entry)."""
    limit = _timeout(who)
    started = time.perf_counter()
    try:
        return list(compiled.finditer(text, pos, endpos, timeout=limit))
    except TimeoutError:
        raise _timed_out(who, limit) from None
    finally:
        _charge(who, started)


def search(compiled, text: str, pos: int, endpos: int, *, who: str, anchored: bool = False):
    """``compiled.match`` (``anchored``) or ``compiled.search`` within
    ``text[pos:endpos]``, time-limited (for before/after conditions)."""
    limit = _timeout(who)
    started = time.perf_counter()
    try:
        if anchored:
            return compiled.match(text, pos, endpos, timeout=limit)
        return compiled.search(text, pos, endpos, timeout=limit)
    except TimeoutError:
        raise _timed_out(who, limit) from None
    finally:
        _charge(who, started)


def _timed_out(who: str, limit: float) -> ConfigError:
    if limit < TIMEOUT:
        return _too_slow(who)
    return ConfigError(f"{who}：正则表达式匹配超时（超过 {TIMEOUT} 秒，可能存在灾难性回溯），请简化该表达式")
