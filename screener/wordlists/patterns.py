"""Regular expressions in word lists: compiled once, always run with a time
limit, so a user's pattern that backtracks catastrophically stops with a clear
error instead of hanging the review.  Patterns are data: the ``regex`` module
matches them; nothing in a list is ever evaluated as code."""
from __future__ import annotations

from functools import lru_cache

from ..errors import ConfigError

TIMEOUT = 0.25  # seconds for one search over one window
MAX_LENGTH = 500


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
    try:
        return list(compiled.finditer(text, pos, endpos, timeout=TIMEOUT))
    except TimeoutError:
        raise ConfigError(
            f"{who}：正则表达式匹配超时（超过 {TIMEOUT} 秒，可能存在灾难性回溯），请简化该表达式"
        ) from None


def search(compiled, text: str, pos: int, endpos: int, *, who: str, anchored: bool = False):
    """``compiled.match`` (``anchored``) or ``compiled.search`` within
    ``text[pos:endpos]``, time-limited (for before/after conditions)."""
    try:
        if anchored:
            return compiled.match(text, pos, endpos, timeout=TIMEOUT)
        return compiled.search(text, pos, endpos, timeout=TIMEOUT)
    except TimeoutError:
        raise ConfigError(
            f"{who}：正则表达式匹配超时（超过 {TIMEOUT} 秒，可能存在灾难性回溯），请简化该表达式"
        ) from None
