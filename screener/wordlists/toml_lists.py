"""Reading a TOML word list (``wordlists/*.toml`` or a user's own) into a
WordList, checking every key.  A fault is a ConfigError naming the file and the
entry (``xinhua.toml：条目 XH101：…``); nothing is silently ignored.

Layout (see README "Word lists"): a ``[list]`` table with the metadata,
``[[entry]]`` tables with the rules and ``[[note]]`` tables for items of the
source document that no string can match.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Literal, overload

from ..config import read_toml
from ..document import fold
from ..errors import ConfigError
from ..model import Severity
from .format import (
    BOUNDARIES,
    CODE_RE,
    KINDS,
    NAME_RE,
    PREFIX_RE,
    Entry,
    Note,
    WordList,
)
from .patterns import PatternError, compile_pattern

_LIST_KEYS = {"name", "title", "prefix", "source", "edition", "description", "enabled",
              "kind", "severity", "sources"}
_ENTRY_KEYS = {"code", "term", "terms", "pattern", "anchors", "title", "kind", "severity",
               "suggestion", "advice", "reason", "source", "category", "item", "enabled",
               "boundary", "exceptions", "before", "not_before", "after", "not_after", "near",
               "not_near", "window", "quoted", "match", "pass"}
_NOTE_KEYS = {"text", "source", "category", "item"}
_SOURCE_KEY = re.compile(r"\b[A-Z]\d+[a-z]?\b")


class _Fault(Exception):
    """A problem inside one entry; the caller adds the file and entry name."""


def read_toml_list(path: Path, *, builtin: bool = False) -> WordList:
    """Parse and validate one TOML list file."""
    return parse_toml_list(read_toml(path, "词表", "词表文件"), path, builtin=builtin)


def parse_toml_list(data: dict, path: Path, *, builtin: bool = False) -> WordList:
    unknown = set(data) - {"list", "entry", "note"}
    if unknown:
        raise ConfigError(f"{path}：未知的表“{sorted(unknown)[0]}”，可用：list、entry、note")
    meta = data.get("list")
    if not isinstance(meta, dict):
        raise ConfigError(f"{path}：缺少 [list] 表（词表名称、代码前缀、来源）")
    try:
        head = _list_meta(meta)
    except _Fault as exc:
        raise ConfigError(f"{path}：[list]：{exc}") from None
    raw_entries = data.get("entry", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        raise ConfigError(f"{path}：没有任何 [[entry]] 条目")
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for i, raw in enumerate(raw_entries, 1):
        where = f"条目 {raw.get('code')}" if isinstance(raw, dict) and isinstance(raw.get("code"), str) \
            else f"第 {i} 个条目"
        try:
            entry = _entry(raw, head, where)
        except _Fault as exc:
            raise ConfigError(f"{path}：{where}：{exc}") from None
        if entry.code in seen:
            raise ConfigError(f"{path}：{where}：代码与第 {seen[entry.code]} 个条目重复")
        seen[entry.code] = i
        entries.append(entry)
    notes = []
    for i, raw in enumerate(data.get("note", []), 1):
        try:
            notes.append(_note(raw, head["sources"]))
        except _Fault as exc:
            raise ConfigError(f"{path}：第 {i} 个 [[note]]：{exc}") from None
    return WordList(path=path, builtin=builtin, format="toml", entries=tuple(entries),
                    notes=tuple(notes), **{k: v for k, v in head.items() if k not in ("kind", "severity")})


def _list_meta(meta: dict) -> dict:
    _no_unknown(meta, _LIST_KEYS)
    name = _text(meta, "name", required=True)
    if not NAME_RE.match(name):
        raise _Fault(f"name“{name}”只能由字母、数字、汉字、-、_、. 组成")
    prefix = _text(meta, "prefix", required=True)
    if not PREFIX_RE.match(prefix):
        raise _Fault(f"prefix“{prefix}”应为 1–3 个大写字母，如 XH")
    sources = meta.get("sources", {})
    if not isinstance(sources, dict) or not all(isinstance(v, str) for v in sources.values()):
        raise _Fault("sources 应为“代号 = 出处”的表")
    return {
        "name": name,
        "title": _text(meta, "title", required=True),
        "prefix": prefix,
        "source": _text(meta, "source", required=True),
        "edition": _text(meta, "edition") or "",
        "description": _text(meta, "description") or "",
        "enabled": _bool(meta, "enabled", True),
        "kind": _kind(meta.get("kind", "banned-term")),
        "severity": _severity(meta.get("severity", "warning")),
        "sources": dict(sources),
    }


def _entry(raw: object, head: dict, where: str) -> Entry:
    if not isinstance(raw, dict):
        raise _Fault("应为一个表")
    _no_unknown(raw, _ENTRY_KEYS)
    code = _text(raw, "code", required=True)
    m = CODE_RE.match(code)
    if not m or m.group(1) != head["prefix"]:
        raise _Fault(f"代码应为前缀 {head['prefix']} 加三位数字，如 {head['prefix']}101")
    if "term" in raw and "terms" in raw:
        raise _Fault("term 与 terms 只能写一个")
    terms = (_text(raw, "term", required=True),) if "term" in raw else _texts(raw, "terms")
    pattern = _text(raw, "pattern")
    if bool(terms) == bool(pattern):
        raise _Fault("需要 term/terms（字面词）或 pattern（正则）二者之一")
    anchors = _texts(raw, "anchors")
    if pattern:
        if not anchors:
            raise _Fault("pattern 条目需要 anchors：每次匹配都包含的字面词，如 [\"★\"]")
        _compiles(pattern)
    elif anchors:
        raise _Fault("anchors 只用于 pattern 条目")
    for key in ("before", "not_before", "after", "not_after"):
        if _text(raw, key):
            _compiles(raw[key], key)
    kind = _kind(raw.get("kind", head["kind"]))
    severity = _severity(raw.get("severity", head["severity"]))
    entry = Entry(
        code=code, kind=kind, severity=severity,
        reason=_text(raw, "reason", required=True),
        source=_text(raw, "source", required=True),
        terms=terms, pattern=pattern, anchors=anchors,
        title=_text(raw, "title"),
        suggestions=_texts(raw, "suggestion"),
        advice=_text(raw, "advice"),
        category=_text(raw, "category"),
        item=_item(raw.get("item")),
        enabled=_bool(raw, "enabled", True),
        boundary=_choice(raw, "boundary", BOUNDARIES, "word" if terms else "none"),
        exceptions=_texts(raw, "exceptions"),
        before=_text(raw, "before"), not_before=_text(raw, "not_before"),
        after=_text(raw, "after"), not_after=_text(raw, "not_after"),
        near=_texts(raw, "near"), not_near=_texts(raw, "not_near"),
        window=_window(raw),
        quoted=_bool(raw, "quoted", False),
        match=_texts(raw, "match"), passes=_texts(raw, "pass"),
        list_name=head["name"], where=where,
    )
    _check_entry(entry, head["sources"])
    return entry


def _check_entry(e: Entry, sources: dict[str, str]) -> None:
    if e.conditional and (e.kind != "caution-term" or e.severity > Severity.WARNING):
        raise _Fault("带上下文条件（near、not_near、quoted）的条目只能是 caution-term，级别至多 warning")
    if not e.match or not e.passes:
        raise _Fault("需要示例：match（应命中的句子）和 pass（不应命中的句子）各至少一句")
    folded = [fold(t) for t in e.terms]
    if any(not t.strip() or t != t.strip() for t in folded):
        raise _Fault("词条不能为空，首尾不能有空白")
    for term in folded:
        if not any(term in fold(s) for s in e.match):
            raise _Fault(f"词条“{term}”没有出现在任何 match 示例中")
    for x in e.exceptions:
        if e.terms and not any(t in fold(x) for t in folded):
            raise _Fault(f"例外“{x}”不包含任何词条，不会起作用")
    if sources and not any(k in sources for k in _SOURCE_KEY.findall(e.source)):
        raise _Fault(f"source“{e.source}”没有引用 [list.sources] 中的出处代号")


def _note(raw: object, sources: dict[str, str]) -> Note:
    if not isinstance(raw, dict):
        raise _Fault("应为一个表")
    _no_unknown(raw, _NOTE_KEYS)
    note = Note(text=_text(raw, "text", required=True), source=_text(raw, "source", required=True),
                category=_text(raw, "category"), item=_item(raw.get("item")))
    if sources and not any(k in sources for k in _SOURCE_KEY.findall(note.source)):
        raise _Fault(f"source“{note.source}”没有引用 [list.sources] 中的出处代号")
    return note


def _compiles(pattern: str, key: str = "pattern") -> None:
    try:
        compile_pattern(pattern)
    except PatternError as exc:
        raise _Fault(f"{key}：{exc}") from None


def _no_unknown(table: dict, allowed: set[str]) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise _Fault(f"未知的键“{unknown[0]}”，可用：{'、'.join(sorted(allowed))}")


@overload
def _text(table: dict, key: str, *, required: Literal[True]) -> str: ...
@overload
def _text(table: dict, key: str, *, required: bool = False) -> str | None: ...
def _text(table: dict, key: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise _Fault(f"缺少 {key}")
        return None
    if not isinstance(value, str) or not value.strip():
        raise _Fault(f"{key} 应为非空字符串")
    return value


def _texts(table: dict, key: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Fault(f"{key} 应为非空字符串的列表")
    return tuple(value)


def _bool(table: dict, key: str, default: bool) -> bool:
    value = table.get(key, default)
    if not isinstance(value, bool):
        raise _Fault(f"{key} 应为 true 或 false")
    return value


def _choice(table: dict, key: str, choices: tuple[str, ...], default: str) -> str:
    value = table.get(key, default)
    if value not in choices:
        raise _Fault(f"{key} 应为 {'、'.join(choices)} 之一")
    return value


def _kind(value: object) -> str:
    if value not in KINDS:
        raise _Fault(f"kind“{value}”应为 {'、'.join(KINDS)} 之一")
    return value


def _severity(value: object) -> Severity:
    try:
        return Severity.parse(value)  # type: ignore[arg-type]
    except ValueError as exc:
        raise _Fault(str(exc)) from None


def _item(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise _Fault("item 应为条目编号（整数或字符串）")
    return str(value)


def _window(raw: dict) -> int:
    value = raw.get("window", 20)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 200:
        raise _Fault("window 应为 1–200 的整数（字符数）")
    return value
