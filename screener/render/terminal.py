"""The report a reviewer reads on the terminal, in Chinese."""
from __future__ import annotations

from ..detectors import KIND_LABELS, kind_order
from ..display import one_line
from ..model import WHOLE_FILE, FileReport, Finding, Report, Severity
from ..outcome import CLEAN, EMPTY, UNREADABLE, outcome
from ..privacy import Masker, Privacy
from .summary import render_summary

EXCERPT = 14  # characters of context either side
WHOLE_FILE_EXCERPT = "（针对整个文件，不对应某段文字）"


def excerpt(fr: FileReport, f: Finding, show_values: bool = False, width: int = EXCERPT,
            masker: Masker | None = None) -> str:
    """A short, single-line piece of the draft around ``f``, with every
    personal number in it masked and no control or bidi character left."""
    doc = fr.document
    if doc is None or f.in_file_name:  # a file name's value: render_finding shows the name
        return ""
    if f.start == f.end and f.location == WHOLE_FILE:
        return WHOLE_FILE_EXCERPT  # a file-level notice quotes no text (not the draft's last words)
    text = doc.text
    lo, hi = max(0, f.start - width), min(len(text), f.end + width)
    masker = masker or Masker(fr.findings)
    body, lo, hi = masker.slice(text, lo, hi, show_values)
    body = one_line(body)
    return ("…" if lo > 0 else "") + body + ("…" if hi < len(text) else "")


def verdict(fr: FileReport, fail_on: Severity, privacy: Privacy | None = None) -> str:
    """One line: 未发现问题 / 发现 N 处需处理 / 空文件 / 无法读取."""
    result = outcome(fr, fail_on)
    if result.status == UNREADABLE:
        return f"无法读取：{(privacy or Privacy()).message(fr.error)}"
    if result.status == EMPTY:
        return "空文件"
    extra = f"（另有提示 {result.below} 处，无需处理）" if result.below else ""
    if result.status == CLEAN:
        return "未发现问题" + extra
    by_sev = [f"{s.zh} {c} 处" for s in sorted(Severity, reverse=True)
              if s >= fail_on and (c := result.count(s))]
    return (f"发现 {len(result.blocking)} 处需处理（{'，'.join(by_sev)}）"
            + ("，" + extra.strip("（）") if result.below else ""))


def render_finding(fr: FileReport, f: Finding, show_values: bool = False,
                   privacy: Privacy | None = None, masker: Masker | None = None) -> list[str]:
    privacy = privacy or Privacy(show_values=show_values)
    where = f"{f.line}:{f.column}"
    if f.in_file_name:  # publishing the file publishes its name
        where, quoted = f.location or "", f"文件名 {privacy.path(fr.path)}"
    else:
        if f.start == f.end and f.location == WHOLE_FILE:
            where = WHOLE_FILE  # no line or column: the notice is about the file
        elif f.location:  # a location can quote the file's content (a sheet's name)
            where += f"（{privacy.message(f.location)}）"
        quoted = f"原文：{excerpt(fr, f, show_values, masker=masker)}"
    label = KIND_LABELS.get(f.kind, f.kind)
    lines = [
        f"  {where}  [{f.severity.zh}] {label} {f.code}：{f.shown(show_values)}",
        f"      {quoted}",
        f"      原因：{privacy.message(f.message)}。{privacy.message(f.why)}",
    ]
    if f.suggestion:
        said = f.suggestion if f.suggestion.startswith("建议") else f"建议：{f.suggestion}"
        said = privacy.message(said)
        lines.append(f"      {said}")
    return [one_line(line) for line in lines]


def counts_line(summary: dict[str, int]) -> str:
    if not summary:
        return "统计：无"
    return "统计：" + "，".join(f"{KIND_LABELS.get(k, k)} {n} 处" for k, n in summary.items())


def render_file(fr: FileReport, fail_on: Severity, show_values: bool = False,
                privacy: Privacy | None = None) -> list[str]:
    privacy = privacy or Privacy(show_values=show_values)
    lines = [f"【{privacy.path(fr.path)}】"]
    if fr.error is None:
        masker = Masker(fr.findings)
        for f in fr.findings:
            lines.extend(render_finding(fr, f, show_values, privacy, masker))
        if fr.findings:
            lines.append(counts_line(fr.summary(kind_order)))
    lines.append(f"结论：{verdict(fr, fail_on, privacy)}")
    return lines


def render_terminal(report: Report, fail_on: Severity = Severity.WARNING,
                    show_values: bool = False, privacy: Privacy | None = None) -> str:
    """One block per file; for several files (or a folder walk) the blocks of
    files with nothing to say are left to the summary table at the end."""
    batch = len(report.files) > 1 or bool(report.skipped)
    shown = [fr for fr in report.files
             if not batch or fr.findings or fr.error is not None or fr.empty]
    privacy = privacy or Privacy(show_values=show_values)
    blocks = ["\n".join(render_file(fr, fail_on, show_values, privacy)) for fr in shown]
    if batch:
        blocks.append("\n".join(render_summary(report, fail_on, show_values, privacy)))
    return "\n\n".join(blocks) + "\n"
