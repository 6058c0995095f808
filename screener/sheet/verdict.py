"""The sheet's suggested conclusion and the reason a reviewer reads for it.

The outcomes follow the choices local 保密审查 rules give the reviewer
(公开 / 区分处理后公开 / 需报审, domain notes §5.2, C6):

- 不予公开·需报审: a classified marking at or above the run's threshold
  (--fail-on, default warning) is present.  条例第十四条:
  依法确定为国家秘密的政府信息不予公开; 第十七条: when unsure, refer to the
  secrecy authority.
- 修改后公开: anything at or above the run's threshold (--fail-on, default
  warning): personal information must be de-identified first (条例第十五条,
  国办《2018年政务公开工作要点》), listed wording changed.
- 可以公开: nothing needs handling; 提示-level items (an office's published
  contact number) are counted but do not block.
- 未能检查·需人工审核: the draft could not be read (``screen check`` writes
  no sheet for it; a library caller may still build one).

The decision itself is ``outcome()`` (screener/outcome.py), the same one the
terminal verdict and the batch summary word, so the three never disagree:
this module only words it for the form and gives the legal basis.  A finding
a reviewer settled (误报 with a reason, 已按要求处理) no longer blocks here,
as ``--review`` no longer lists it on the terminal.

The conclusion is a suggestion: the form leaves 保密审查意见 to the reviewer.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..detectors import KIND_LABELS
from ..model import FileReport, Finding, Severity
from ..outcome import CLEAN, EMPTY, UNREADABLE, outcome
from ..review import Decision

CAN_PUBLISH = "可以公开"
AFTER_EDIT = "修改后公开"
WITHHOLD = "不予公开·需报审"
NOT_CHECKED = "未能检查·需人工审核"
CONCLUSIONS = (CAN_PUBLISH, AFTER_EDIT, WITHHOLD, NOT_CHECKED)

_PERSONAL_BASIS = "个人信息须去标识化处理后才能公开（《政府信息公开条例》第十五条）"
_WORDING_BASIS = "禁用词、慎用词、不规范表述须按建议修改（新华社《新闻信息报道中的禁用词和慎用词》）"
_WORDING_KINDS = frozenset({"banned-term", "caution-term", "wording"})
_SECRET_BASIS = ("依法确定为国家秘密的政府信息不予公开（《政府信息公开条例》第十四条），"
                 "请报保密审查确定（第十七条）")


def _tally(findings: Sequence[Finding]) -> str:
    counts: dict[str, int] = {}
    for f in findings:
        counts[f.kind] = counts.get(f.kind, 0) + 1
    order = list(KIND_LABELS)
    kinds = sorted(counts, key=lambda k: (order.index(k) if k in order else len(order), k))
    return "、".join(f"{KIND_LABELS.get(k, k)} {counts[k]} 处" for k in kinds)


def conclude(fr: FileReport, fail_on: Severity, unchecked: Sequence[str] = (),
             decisions: Sequence[Decision | None] | None = None) -> tuple[str, str]:
    """(conclusion, reason) for one screened draft, worded from ``outcome()``;
    ``unchecked`` names checks that did not run, ``decisions`` the review's
    decision on each finding."""
    note = f"另：{'、'.join(unchecked)}未检查，请人工核对。" if unchecked else ""
    result = outcome(fr, fail_on, decisions)
    settled = f"另有 {result.settled} 处经审核已处理或确认为误报。" if result.settled else ""
    if result.status == UNREADABLE:
        return NOT_CHECKED, f"稿件未能读取（{fr.error}），不能算作通过，请人工审核。"
    if result.status == EMPTY:
        return AFTER_EDIT, "稿件没有文字内容，请核对是否选错文件。" + note
    blocking = result.blocking
    if result.withheld:
        secret = [f for f in result.secret if f.severity >= fail_on]
        lines = "、".join(f"第{f.line}行" for f in secret[:5]) + ("等" if len(secret) > 5 else "")
        others = [f for f in blocking if f.kind != "classified-marking"]
        more = f"此外另有需处理的问题 {len(others)} 处（{_tally(others)}）。" if others else ""
        return WITHHOLD, (f"发现涉密标识 {len(secret)} 处（{lines}）。{_SECRET_BASIS}。"
                          + more + settled + note)
    below = result.below
    info = f"另有提示 {below} 处（如单位公开的联系方式），无需处理。" if below else ""
    if result.status == CLEAN:
        marks = f"其中含密级或内部资料类标注 {len(result.secret)} 处，低于本次报告阈值，请审查人判断。" \
            if result.secret else ""
        return CAN_PUBLISH, "自动预审未发现需处理的问题。" + info + marks + settled + note + "内容仍须人工审核。"
    bases = []
    if any(f.personal for f in blocking):
        bases.append(_PERSONAL_BASIS)
    if any(f.kind in _WORDING_KINDS for f in blocking):
        bases.append(_WORDING_BASIS)
    if any(not f.personal and f.kind not in _WORDING_KINDS for f in blocking):
        bases.append("其他问题请按明细中的建议处理")
    return AFTER_EDIT, (f"发现需处理的问题 {len(blocking)} 处（{_tally(blocking)}）。"
                        + "；".join(bases) + "。" + info + settled + note)
