"""Plain-text word lists, the format office staff keep themselves: one term per
line, optionally ``=> 建议写法``, ``#`` starts a comment.  A few ``# key: value``
lines before the first term set the list's metadata::

    # name: 本单位用语
    # prefix: BD
    # severity: warning
    村长 => 村主任
    老板 => 负责人、企业负责人

Entry codes are the prefix plus the term's position (BD001, BD002 …): add new
terms at the end so that codes already in baselines keep their meaning.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..config import read_file_bytes
from ..document import fold
from ..errors import ConfigError
from ..model import Severity
from .format import KINDS, NAME_RE, PREFIX_RE, Entry, WordList

DEFAULT_PREFIX = "UL"
_DIRECTIVE = re.compile(r"^#\s*([A-Za-z\u4e00-\u9fff]+)\s*[:：]\s*(.+?)\s*$")
_KEYS = {"name": "name", "名称": "name", "prefix": "prefix", "前缀": "prefix",
         "severity": "severity", "级别": "severity", "kind": "kind", "类型": "kind",
         "source": "source", "来源": "source", "edition": "edition", "版本": "edition",
         "title": "title", "标题": "title"}
_SPLIT = re.compile(r"[、，,|/]")


def read_text_list(path: Path) -> WordList:
    """Parse one plain-text list (UTF-8, with or without BOM, or GB18030)."""
    raw = read_file_bytes(path, "词表", "词表文件")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ConfigError(f"{path}：词表不是 UTF-8 或 GBK 编码的文本")
    return parse_text_list(text, path)


def parse_text_list(text: str, path: Path) -> WordList:
    meta = {"name": path.stem, "prefix": DEFAULT_PREFIX, "severity": "warning",
            "kind": "banned-term", "source": f"本单位词表 {path.name}", "edition": "", "title": ""}
    rows: list[tuple[int, str, tuple[str, ...]]] = []
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            m = _DIRECTIVE.match(stripped)
            if m and not rows and m.group(1).lower() in _KEYS:
                meta[_KEYS[m.group(1).lower()]] = m.group(2)
            continue
        body = re.split(r"\s#", stripped, maxsplit=1)[0].strip()
        term, arrow, suggestion = body.partition("=>")
        term = term.strip()
        where = f"{path}：第 {lineno} 行"
        if not term:
            raise ConfigError(f"{where}：“=>”前缺少词条")
        suggestions = tuple(s.strip() for s in _SPLIT.split(suggestion) if s.strip()) if arrow else ()
        if arrow and not suggestions:
            raise ConfigError(f"{where}：“=>”后缺少建议写法")
        key = fold(term)
        if key in seen:
            raise ConfigError(f"{where}：词条“{term}”与第 {seen[key]} 行重复")
        if any(key == fold(s) for s in suggestions):
            raise ConfigError(f"{where}：建议写法与词条相同")
        seen[key] = lineno
        rows.append((lineno, term, suggestions))
    if not rows:
        raise ConfigError(f"{path}：词表中没有任何词条")
    _check_meta(meta, path)
    severity = Severity.parse(meta["severity"])
    name = meta["name"]
    entries = tuple(
        Entry(code=f"{meta['prefix']}{i:03d}", kind=meta["kind"], severity=severity,
              reason=f"本单位词表《{meta['title'] or name}》不用“{term}”",
              source=meta["source"], terms=(term,), suggestions=suggestions,
              match=(term,), passes=suggestions, list_name=name, where=f"第 {lineno} 行")
        for i, (lineno, term, suggestions) in enumerate(rows, 1)
    )
    if len(entries) > 999:
        raise ConfigError(f"{path}：纯文本词表最多 999 个词条，请拆分或改用 TOML 格式")
    return WordList(name=name, title=meta["title"] or name, prefix=meta["prefix"],
                    source=meta["source"], edition=meta["edition"], path=path,
                    format="text", entries=entries)


def _check_meta(meta: dict, path: Path) -> None:
    if not NAME_RE.match(meta["name"]):
        raise ConfigError(f"{path}：名称“{meta['name']}”只能由字母、数字、汉字、-、_、. 组成")
    if not PREFIX_RE.match(meta["prefix"]):
        raise ConfigError(f"{path}：前缀“{meta['prefix']}”应为 1–3 个大写字母，如 BD")
    if meta["kind"] not in KINDS:
        raise ConfigError(f"{path}：类型“{meta['kind']}”应为 {'、'.join(KINDS)} 之一")
    try:
        Severity.parse(meta["severity"])
    except ValueError as exc:
        raise ConfigError(f"{path}：{exc}") from None
