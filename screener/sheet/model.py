"""The approval sheet's content, computed once from a FileReport.

The Markdown, HTML and Word renderers only lay this out.  Every string here
is already safe to print: personal numbers appear only in their masked form,
whatever the caller's ``show_values`` (the sheet is filed and forwarded), and
every value taken from the draft or typed by the user is passed through the
same masking.
"""
from __future__ import annotations

import datetime as _dt
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..config import Config
from ..detectors import KIND_LABELS, KIND_TABLE, all_rules
from ..model import FileReport, Finding, Severity
from ..privacy import Masker
from ..review import Decision
from .fields import PUBLISH_ATTRS, PUBLISH_METHODS, SheetFields, format_date
from .header import find_doc_number, find_title
from .safe import Safe, safe_mask
from .verdict import AFTER_EDIT, CAN_PUBLISH, NOT_CHECKED, WITHHOLD, conclude

FORM_TITLE = "信息发布审批表"
# the signature block, in the order a draft is passed on (domain notes §6.2)
SIGN_ROWS = ("拟稿人", "科室负责人审核", "保密审查意见", "分管领导签批")
SECRECY_ROW = 2  # the row where the reviewer ticks a choice and signs
# 是否涉及…: the four kinds of non-public information a 审批表 asks about
# (《政府信息公开条例》第十四条、第十五条; 工作秘密 and 商业秘密 are not
# something screener detects, so those boxes are left for the reviewer)
INVOLVES = ("国家秘密", "工作秘密", "商业秘密", "个人隐私")
CLASSIFIED_NOTICE = ("本稿件含密级标识，本表不录入稿件的任何内容（标题、原文、问题内容均不录入）。"
                     "该稿件不得公开发布，不得在联网计算机上继续处理，"
                     "须按规定通过线下定密／保密审查程序办理。")
WITHHELD = "（涉密稿件，不录入）"
# the reviewer's choices (公开 / 区分处理后公开 / 需报审, domain notes §5.2, C6)
REVIEW_CHOICES = ("□同意公开", "□修改后公开", "□不予公开·需报审")
# how strongly each suggested conclusion reads ('' for one nobody named)
_TONES = {WITHHOLD: "withhold", NOT_CHECKED: "withhold", AFTER_EDIT: "edit", CAN_PUBLISH: "publish"}
_WS = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class CheckRow:
    """One line of the automatic pre-check: a check item, its count and result."""

    kind: str
    label: str
    count: int | None  # None: the check did not run
    result: str


@dataclass(frozen=True, slots=True)
class FindingRow:
    """One finding as the sheet lists it; ``content`` is masked."""

    number: int
    where: str
    label: str
    severity: Severity
    content: str
    suggestion: str
    reason: str
    decision: str = ""  # 确认需修改 / 误报 / 已按要求处理, '' = not reviewed
    decision_reason: str = ""
    reviewer: str = ""

    @property
    def review(self) -> str:
        """The decision as one cell: 误报：理由（审核人 王某）."""
        if not self.decision:
            return ""
        text = self.decision + (f"：{self.decision_reason}" if self.decision_reason else "")
        return text + (f"（审核人 {self.reviewer}）" if self.reviewer else "")


@dataclass(frozen=True, slots=True)
class Attachment:
    """One attachment in 附件清单 and whether it was checked."""

    name: str
    status: str

    @classmethod
    def of(cls, name: str, fr: FileReport) -> "Attachment":
        if fr.error is not None:
            return cls(name, f"未能检查（{fr.error}），请人工审核")
        if fr.empty:
            return cls(name, "没有文字内容，请人工核对")
        n = len(fr.findings)
        return cls(name, f"已检查，发现 {n} 处问题" if n else "已检查，未发现问题")


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of the draft (masked) and the finding it shows, if any."""

    text: str
    row: FindingRow | None = None


@dataclass(frozen=True)
class Sheet:
    """Everything the approval sheet shows, as display strings ('' = blank)."""

    source: str
    title: str
    doc_number: str
    unit: str
    drafter: str
    date: str
    publish_method: str
    publish_attr: str
    checks: tuple[CheckRow, ...]
    rows: tuple[FindingRow, ...]
    conclusion: str
    reason: str
    pieces: tuple[Piece, ...]
    approval_no: str = ""
    column: str = ""
    attachments: tuple[Attachment, ...] = ()
    involves: tuple[tuple[str, str], ...] = ()
    classified: bool = False  # a 密级 marking: no draft text anywhere on the sheet

    def header(self) -> tuple[tuple[str, str], ...]:
        """The header fields in the order the form lists them."""
        return (
            ("审批编号", self.approval_no), ("信息标题", self.title), ("文号", self.doc_number),
            ("拟稿单位", self.unit), ("拟稿人", self.drafter), ("报送日期", self.date),
            ("公开方式", self.publish_method), ("公开属性", self.publish_attr),
            ("发布栏目", self.column), ("附件清单", self.attachment_list()),
        )

    def attachment_list(self) -> str:
        if not self.attachments:
            return "无"
        return "；".join(f"{i}. {a.name}：{a.status}" for i, a in enumerate(self.attachments, 1))

    @property
    def tone(self) -> str:
        """The conclusion's weight for a formatter's styling: withhold, edit, publish."""
        return _TONES.get(self.conclusion, "")

    @property
    def reviewed(self) -> bool:
        return any(r.decision for r in self.rows)

    def involves_line(self) -> tuple[str, str]:
        """是否涉及… as one line of boxes and one line of notes, for the form."""
        boxes = "　".join(f"{item}\u00a0{value.partition('（')[0]}".replace("　", "\u00a0")
                         for item, value in self.involves)
        notes = "；".join(f"{item}：{value.partition('（')[2].rstrip('）')}"
                         for item, value in self.involves if "（" in value)
        return boxes, notes


def ticks(value: str | None, options: tuple[str, ...]) -> str:
    """□/☑ check boxes for ``options``; a value not among them ticks 其他 and
    is written after it.  Without a value every box is left for the pen."""
    boxes = []
    matched = value in options
    for opt in options:
        if opt == "其他" and value and not matched:
            boxes.append(f"☑其他：{value}")
        else:
            boxes.append(("☑" if opt == value else "□") + opt)
    if value and not matched and "其他" not in options:
        boxes.append(f"☑{value}")
    return "　".join(boxes)


def where(f: Finding) -> str:
    if f.in_file_name:
        return f"{f.location}第{f.column}字"
    text = f"第{f.line}行第{f.column}字"
    return text + (f"（{f.location}）" if f.location else "")


def _rows(findings, fail_on: Severity, safe: Safe, decisions: Sequence[Decision | None],
          classified: bool) -> tuple[FindingRow, ...]:
    rows = []
    for i, (f, d) in enumerate(zip(findings, decisions), 1):
        content = safe_mask(f, safe.config.mask_style) if f.personal else f.text
        suggestion = f.suggestion or ("无需处理" if f.severity < fail_on else "请人工核对")
        reason = f.message if f.why == f.message else f"{f.message}。{f.why}"
        label = KIND_LABELS.get(f.kind, f.kind)
        if classified:  # a word of the draft is draft text too (and a term's advice quotes it)
            content, reason = WITHHELD, label
            suggestion = "按线下保密审查意见处理"
        rows.append(FindingRow(
            number=i, where=where(f), label=label,
            severity=f.severity, content=safe(_WS.sub(" ", content).strip()),
            suggestion=safe(suggestion), reason=safe(reason),
            decision=d.label if d else "", decision_reason=safe(d.reason) if d else "",
            reviewer=safe(d.reviewer) if d else "",
        ))
    return tuple(rows)


def is_classified(findings) -> bool:
    """Whether the draft carries a 密级 marking (警告 or above)."""
    return any(f.kind == "classified-marking" and f.severity >= Severity.WARNING for f in findings)


def involves(findings, checked: set[str], fail_on: Severity) -> tuple[tuple[str, str], ...]:
    """是否涉及 国家秘密／工作秘密／商业秘密／个人隐私, prefilled from the findings:
    ticked 是 when a finding shows it; left blank (never ticked 否) otherwise,
    since a check finding nothing is not a reviewer's judgement."""
    secret = sum(1 for f in findings if f.kind == "classified-marking" and f.severity >= Severity.WARNING)
    personal = sum(1 for f in findings if f.personal and f.severity >= fail_on)
    out = []
    for item in INVOLVES:
        if item == "国家秘密" and secret:
            out.append((item, f"☑是　□否（自动预审发现密级标识 {secret} 处）"))
        elif item == "个人隐私" and personal:
            out.append((item, f"☑是　□否（自动预审发现个人信息 {personal} 处）"))
        elif item == "国家秘密" and "classified-marking" in checked:
            out.append((item, "□是　□否（自动预审未发现密级标识，请审查人判断）"))
        elif item == "个人隐私" and checked & {"id-card", "mobile", "bank-card"}:
            out.append((item, "□是　□否（自动预审未发现需处理的个人信息，请审查人判断）"))
        else:
            out.append((item, "□是　□否（自动预审不检查此项，请审查人判断）"))
    return tuple(out)


def _result(found: list[Finding]) -> str:
    if not found:
        return "未发现"
    n = len(found)
    info = sum(1 for f in found if f.severity == Severity.INFO)
    if info == n:
        what = "单位公开联系方式，提示" if all(f.personal for f in found) else "提示"
        return f"发现 {n} 处（{what}）"
    return f"发现 {n} 处" + (f"（其中提示 {info} 处）" if info else "")


def _checks(findings: Sequence[Finding], checked: set[str], text: str = "") -> tuple[CheckRow, ...]:
    kinds = list(KIND_LABELS) + sorted({f.kind for f in findings} - set(KIND_LABELS))
    rows = []
    for kind in kinds:
        found = [f for f in findings if f.kind == kind]
        declared = KIND_TABLE.get(kind)
        if not found and declared is not None and not declared.applies(text):
            continue  # a check for other drafts (an annual report's arithmetic)
        if kind not in checked and not found:
            rows.append(CheckRow(kind, KIND_LABELS.get(kind, kind), None, "未检查（该项检查未启用）"))
        else:
            rows.append(CheckRow(kind, KIND_LABELS.get(kind, kind), len(found), _result(found)))
    return tuple(rows)


def _pieces(text: str, findings: Sequence[Finding], rows: Sequence[FindingRow],
            masker: Masker) -> tuple[Piece, ...]:
    """The draft cut at the findings, personal numbers masked by the privacy
    owner's Masker (as the terminal's excerpts are).  Findings that overlap
    (resolve() keeps a word that overlaps a personal number, with the
    number masked) make one highlight, shown as the Masker shows that
    stretch and listed under the first of them."""
    spans: list[tuple[int, int, FindingRow]] = []
    for f, row in sorted(zip(findings, rows), key=lambda p: (p[0].start, -p[0].end)):
        if f.in_file_name:  # its offsets index the file name, not the text
            continue
        if spans and f.start < spans[-1][1]:
            start, end, first = spans[-1]
            spans[-1] = (start, max(end, f.end), first)
        else:
            spans.append((f.start, f.end, row))
    pieces, pos = [], 0
    for start, end, row in spans:
        if start > pos:
            pieces.append(Piece(masker.slice(text, pos, start)[0]))
        pieces.append(Piece(masker.slice(text, start, end)[0], row))
        pos = end
    if pos < len(text):
        pieces.append(Piece(masker.slice(text, pos)[0]))
    return tuple(pieces)


def checked_kinds(config: Config) -> set[str]:
    """The kinds some registered, non-ignored rule checks."""
    return {r.kind.name for r in all_rules() if not config.ignores(r.code)}


def build_sheet(fr: FileReport, fields: SheetFields | None = None, *,
                fail_on: Severity = Severity.WARNING, config: Config | None = None,
                checked: Iterable[str] | None = None, today: _dt.date | None = None,
                decisions: Sequence[Decision | None] | None = None,
                attachments: Sequence[Attachment] = ()) -> Sheet:
    """The sheet for one screened draft.  ``checked`` lists the kinds that
    were checked (default: those of the registered, non-ignored rules);
    ``decisions`` the reviewer's decision on each finding (ReviewFile.lookup);
    ``attachments`` the files sent with the draft and whether they were checked.
    A draft with a 密级 marking gets a sheet with no draft text at all."""
    fields = fields or SheetFields()
    config = config or Config()
    checked = set(checked) if checked is not None else checked_kinds(config)
    findings = fr.findings
    decisions = list(decisions) if decisions is not None else [None] * len(findings)
    classified = is_classified(findings)
    safe = Safe(findings, config)
    masker = Masker(findings)  # the privacy owner's masks, as on the terminal
    doc = None if classified else fr.document
    text = doc.text if doc is not None else ""
    title = safe.typed(fields.title)
    if not title and doc is not None and (line := find_title(doc)) is not None:
        shown, _, _ = masker.slice(text, line.start, line.start + len(line.text))
        title = safe(shown)
    number = safe.typed(fields.doc_number)
    if not number and doc is not None and (found := find_doc_number(doc)) is not None:
        number = safe(found[0]) + ("" if found[1] else "（正文所引文号，请核对）")
    if classified:
        title, number = title or WITHHELD, number or WITHHELD
    rows = _rows(findings, fail_on, safe, decisions, classified)
    checks = _checks(findings, checked, text)
    conclusion, reason = conclude(fr, fail_on, [c.label for c in checks if c.count is None], decisions)
    return Sheet(
        source=safe.typed(os.path.basename(fr.path)),
        title=title,
        doc_number=number,
        unit=safe.typed(fields.unit),
        drafter=safe.typed(fields.drafter),
        date=format_date(fields.date or today or _dt.date.today()),
        publish_method=ticks(safe.typed(fields.publish_method) or None, PUBLISH_METHODS),
        publish_attr=ticks(safe.typed(fields.publish_attr) or None, PUBLISH_ATTRS),
        checks=checks,
        rows=rows,
        conclusion=conclusion,
        reason=safe(reason),
        pieces=() if classified else tuple(
            Piece(safe(p.text), p.row) for p in _pieces(text, findings, rows, masker)),
        approval_no=safe.typed(fields.approval_no),
        column=safe.typed(fields.column),
        attachments=tuple(Attachment(safe.typed(a.name), safe(a.status)) for a in attachments),
        # what a review settled (误报 with a reason, 已按要求处理) ticks no box,
        # as it no longer blocks the conclusion
        involves=involves([f for f, d in zip(findings, decisions) if d is None or not d.resolved],
                          checked, fail_on),
        classified=classified,
    )
