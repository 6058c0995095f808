"""What `screen wordlists` prints: the lists in use, or the outcome of
`--check`.  Formatting only; the lists come from screener.wordlists."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..detectors import KIND_LABELS


class _Kinded(Protocol):
    """A word-list entry, as far as _kinds needs it."""

    @property
    def kind(self) -> str: ...


def render_lists(lists) -> str:
    """One block per list: name, title, on/off, prefix, counts, edition, source,
    and the entries that are off by default."""
    blocks = []
    for wl in lists.lists:
        active = [e for e in wl.entries if lists.is_on(e)]
        state = "启用" if active else "停用"
        kinds = "、".join(f"{KIND_LABELS.get(k, k)} {n}" for k, n in _kinds(wl.entries))
        lines = [
            f"{wl.name}（{wl.title}）{state}",
            f"  代码前缀 {wl.prefix}；条目 {len(wl.entries)} 个，启用 {len(active)} 个（{kinds}）"
            + (f"；另有说明条目 {len(wl.notes)} 个" if wl.notes else ""),
            f"  文件：{wl.display_path}" + ("（内置）" if wl.builtin else ""),
        ]
        if wl.edition:
            lines.append(f"  版本：{wl.edition}")
        lines.append(f"  来源：{wl.source}")
        off = [e for e in wl.entries if not lists.is_on(e)]
        if off and active:
            shown = "；".join(f"{e.code} {e.label}" for e in off)
            lines.append(f"  未启用：{shown}（可在 screener.toml 的 enable 中开启）")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def render_check(lists, failures) -> str:
    """One line per list: how many entries and examples, and whether all passed."""
    bad = {id(f.list) for f in failures}
    lines = []
    for wl in lists:
        n = sum(len(e.match) + len(e.passes) for e in wl.entries)
        if id(wl) in bad:
            k = sum(1 for f in failures if f.list is wl)
            lines.append(f"✗ {wl.display_path}：{len(wl.entries)} 个条目，{k} 处示例不符（见下）")
        else:
            lines.append(f"✓ {wl.display_path}：{len(wl.entries)} 个条目，{n} 个示例全部通过")
    return "\n".join(lines) + "\n"


def _kinds(entries: Iterable[_Kinded]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    order = list(KIND_LABELS)
    return sorted(counts.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
