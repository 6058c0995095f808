"""Finding, reading and selecting word lists.

The built-in lists (``wordlists/*.toml``, shipped as ``screener/_wordlists``)
are read once per process; a user's lists (``--wordlist FILE``, ``wordlists =
[...]`` in screener.toml) are read once per file version.  The active set for a
configuration (lists and entries switched on or off) builds its automaton once
and is cached, so screening many drafts pays for it once.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..errors import ConfigError
from ..paths import builtin_wordlists_dir
from .format import Entry, WordList
from .text_lists import read_text_list
from .toml_lists import read_toml_list

_CODEISH = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$")
_lock = threading.Lock()
_sets: dict[tuple, "ListSet"] = {}


@lru_cache(maxsize=1)
def builtin_lists() -> tuple[WordList, ...]:
    """Every list in the built-in folder, by file name."""
    folder = builtin_wordlists_dir()
    files = sorted(folder.glob("*.toml")) if folder.is_dir() else []
    return tuple(read_toml_list(p, builtin=True) for p in files)


def read_list(path: Path) -> WordList:
    """A user's list: TOML if the name ends in .toml, plain text otherwise."""
    path = Path(path)
    if path.is_dir():
        raise ConfigError(f"{path}：是文件夹，不是词表文件")
    return _read_cached(path, *_stamp(path))


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise ConfigError(f"{path}：词表文件不存在") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取词表（{type(exc).__name__}）") from None
    return st.st_mtime_ns, st.st_size


@lru_cache(maxsize=64)
def _read_cached(path: Path, _mtime: int, _size: int) -> WordList:
    if path.suffix.lower() == ".toml":
        return read_toml_list(path)
    return read_text_list(path)


@dataclass
class ListSet:
    """The lists in use for one configuration and the entries switched on."""

    lists: tuple[WordList, ...]
    active: tuple[Entry, ...]
    _owner: dict[str, WordList] = field(default_factory=dict, repr=False)
    _matcher: object = field(default=None, repr=False)

    def list_of(self, entry: Entry) -> WordList:
        return self._owner[entry.code]

    def who(self, entry: Entry) -> str:
        return f"{self.list_of(entry).display_path}：{entry.where}"

    @property
    def matcher(self):
        """The automaton over the active entries, built on first use."""
        if self._matcher is None:
            from .matcher import Matcher

            with _lock:
                if self._matcher is None:
                    self._matcher = Matcher(self.active, self.who)
        return self._matcher

    def is_on(self, entry: Entry) -> bool:
        return entry in self.active


def list_set(config: Config | None = None) -> ListSet:
    """The lists and active entries for ``config`` (cached)."""
    config = config or Config()
    for p in config.wordlists:
        if Path(p).is_dir():
            raise ConfigError(f"{p}：是文件夹，不是词表文件")
    stamps = tuple((str(Path(p).resolve()), *_stamp(Path(p))) for p in config.wordlists)
    key = (stamps, config.disable_lists, config.enable_lists, config.ignore)
    with _lock:
        cached = _sets.get(key)
    if cached is not None:
        return cached
    lists = builtin_lists() + tuple(_read_cached(Path(p), m, n) for p, m, n in stamps)
    owner = check_unique(lists)
    _check_selectors(config, lists)
    active = tuple(e for wl in lists for e in wl.entries if _entry_on(wl, e, config))
    result = ListSet(lists=lists, active=active, _owner=owner)
    with _lock:
        return _sets.setdefault(key, result)


def check_unique(lists: tuple[WordList, ...]) -> dict[str, WordList]:
    names: dict[str, WordList] = {}
    prefixes: dict[str, WordList] = {}
    for wl in lists:
        if wl.name in names:
            raise ConfigError(f"{wl.display_path}：词表名称“{wl.name}”与 {names[wl.name].display_path} 重复")
        if wl.prefix in prefixes:
            hint = "；请在词表开头加一行“# prefix: XX”" if wl.format == "text" else ""
            raise ConfigError(f"{wl.display_path}：代码前缀“{wl.prefix}”与 "
                              f"{prefixes[wl.prefix].display_path} 重复{hint}")
        names[wl.name] = prefixes[wl.prefix] = wl
    return {e.code: wl for wl in lists for e in wl.entries}


def _check_selectors(config: Config, lists: tuple[WordList, ...]) -> None:
    names = {wl.name for wl in lists}
    codes = [e.code for wl in lists for e in wl.entries]
    where = f"{config.source}：" if config.source else ""
    for key, items in (("disable", config.disable_lists), ("enable", config.enable_lists)):
        for item in items:
            if item in names or (_CODEISH.match(item) and any(c.startswith(item) for c in codes)):
                continue
            raise ConfigError(f"{where}{key} 中的“{item}”不是已知的词表名称、条目代码或代码前缀"
                              "（screen wordlists 列出全部词表）")


def _selected(code: str, items: tuple[str, ...]) -> bool:
    return any(_CODEISH.match(i) and code.startswith(i) for i in items)


def _entry_on(wl: WordList, e: Entry, config: Config) -> bool:
    if config.ignores(e.code) or _selected(e.code, config.disable_lists):
        return False
    if _selected(e.code, config.enable_lists):
        return True
    list_on = (wl.enabled or wl.name in config.enable_lists) and wl.name not in config.disable_lists
    return list_on and e.enabled


def builtin_terms() -> list[str]:
    """Every literal string of the built-in lists (terms and pattern anchors)."""
    return [s for wl in builtin_lists() for e in wl.entries for s in (*e.terms, *e.anchors)]
