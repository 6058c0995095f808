"""The table at the end of a run over several files: one row per file with
its counts per kind and its verdict, then totals and what was skipped."""
from __future__ import annotations

import unicodedata
from collections import Counter

from ..detectors import KIND_LABELS, kind_order
from ..model import FileReport, Report, Severity
from ..outcome import CLEAN, EMPTY, NEEDS_WORK, UNREADABLE, outcome
from ..privacy import Privacy

_SKIP_LABELS = {
    "hidden": "隐藏文件",
    "unsupported": "不支持的格式",  # no longer produced by the walk (unsupported files are reported); kept for old reports
    "symlink": "符号链接文件夹（未跟随）",
    "broken-link": "失效的链接",
}


def width(text: str) -> int:
    """Columns ``text`` takes on a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, columns: int, right: bool = False) -> str:
    gap = " " * max(0, columns - width(text))
    return gap + text if right else text + gap


_SHORT = {UNREADABLE: "无法读取", EMPTY: "空文件", CLEAN: "未发现问题", NEEDS_WORK: "需处理"}


def short_verdict(fr: FileReport, fail_on: Severity) -> str:
    result = outcome(fr, fail_on)
    if result.status == NEEDS_WORK:
        return f"需处理 {len(result.blocking)} 处"
    return _SHORT[result.status]


def render_summary(report: Report, fail_on: Severity, show_values: bool = False,
                   privacy: Privacy | None = None) -> list[str]:
    privacy = privacy or Privacy(show_values=show_values)
    kinds = list(report.summary(kind_order))
    header = ["文件", *(KIND_LABELS.get(k, k) for k in kinds), "结论"]
    rows = [[privacy.path(fr.path), *(str(fr.summary().get(k, 0)) for k in kinds), short_verdict(fr, fail_on)]
            for fr in report.files]
    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = [f"汇总（共 {len(report.files)} 个文件）"]
    for row in [header, *rows]:
        cells = [_pad(cell, widths[i], right=0 < i < len(row) - 1) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
    lines.append(totals_line(report, fail_on))
    lines.extend(unread_lines(report, privacy))
    lines.extend(skipped_lines(report))
    return lines


def totals_line(report: Report, fail_on: Severity) -> str:
    counts = Counter(outcome(fr, fail_on).status for fr in report.files)
    order = (NEEDS_WORK, CLEAN, EMPTY, UNREADABLE)
    return "合计：" + "，".join(f"{_SHORT[status]} {counts[status]} 个" for status in order if counts[status])


def unread_lines(report: Report, privacy: Privacy, most: int = 10) -> list[str]:
    """The files that were not read or checked, named: they never count as
    clean, and they are why the run ends with exit code 2."""
    unread = report.errors
    if not unread:
        return []
    names = "、".join(privacy.path(fr.path) for fr in unread[:most])
    more = f" 等 {len(unread)} 个" if len(unread) > most else ""
    return [f"未能检查 {len(unread)} 个文件（不算通过，退出码 2）：{names}{more}"]


def skipped_lines(report: Report) -> list[str]:
    if not report.skipped:
        return []
    by_reason = Counter(s.reason for s in report.skipped)
    parts = [f"{_SKIP_LABELS.get(r, r)} {n} 个" for r, n in by_reason.items()]
    lines = [f"跳过 {len(report.skipped)} 个：" + "，".join(parts)]
    advised = Counter((_suffix(s.path), s.advice) for s in report.skipped if s.advice)
    for (suffix, advice), n in sorted(advised.items()):
        lines.append(f"  {suffix} 文件 {n} 个未检查：{advice}")
    return lines


def _suffix(path: str) -> str:
    dot = path.rfind(".")
    return path[dot:].lower() if dot > max(path.rfind("/"), path.rfind("\\")) else ""
