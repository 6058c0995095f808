"""The records every stage passes along: Severity, Explanation, Finding, FileReport, Report.

A Finding is frozen and self-contained: renderers, redaction and the approval
sheet read Findings and never re-parse the draft.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .document import Document

SCHEMA = 1


class Severity(enum.IntEnum):
    """Ordered severities: INFO < WARNING < ERROR."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def zh(self) -> str:
        return {1: "提示", 2: "警告", 3: "错误"}[self.value]

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            raise ValueError(f"未知的级别“{value}”，可选 error、warning、info") from None


# Personal-number kinds: their values are masked in every output unless asked.
PERSONAL_KINDS = frozenset({"id-card", "mobile", "landline", "bank-card", "email"})

# Every kind the product reports, in the order reports and the sheet list them,
# with the Chinese label a reviewer reads.
KIND_LABELS: dict[str, str] = {
    "id-card": "身份证号码",
    "mobile": "手机号码",
    "landline": "固定电话",
    "bank-card": "银行卡号",
    "email": "电子邮箱",
    "banned-term": "禁用词",
    "caution-term": "慎用词",
    "wording": "规范表述",
    "classified-marking": "涉密标识",
}


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a finding was raised: the rule, how the value was validated, and
    what context (a nearby word, a segmentation) decided its severity.

    ``text()`` is what a clerk reads in the terminal and on the sheet;
    ``detail`` (how a library validated the value) and ``segmentation`` are
    for a developer and appear only in ``full()``, the JSON ``why``."""

    rule: str
    validation: str | None = None
    context: str | None = None
    segmentation: str | None = None
    detail: str | None = None

    def __reduce__(self):
        return Explanation, (self.rule, self.validation, self.context, self.segmentation, self.detail)

    def text(self) -> str:
        parts = [self.rule]
        if self.validation:
            parts.append(self.validation)
        if self.context:
            parts.append(self.context)
        return "；".join(parts)

    def full(self) -> str:
        """text() with the technical detail: the JSON ``why``."""
        parts = [self.text()]
        if self.detail:
            parts.append(self.detail)
        if self.segmentation:
            parts.append(f"分词：{self.segmentation}")
        return "；".join(parts)


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a reviewer must look at.

    ``start``/``end`` are 0-based code-point offsets into the original text
    (end exclusive), so ``text == original[start:end]``; ``line``/``column``
    are 1-based.  ``masked`` is what any output shows instead of ``text`` for
    personal kinds.  ``location`` is where a person finds it in the source
    file (第3段, 页眉 …) when the loader knows more than line and column.
    """

    kind: str
    severity: Severity
    code: str
    start: int
    end: int
    line: int
    column: int
    text: str
    masked: str
    message: str
    suggestion: str | None = None
    explanation: Explanation | None = None
    location: str | None = None

    def __reduce__(self):
        # A constructor call: a parallel batch pickles tens of thousands of
        # Findings back to the parent, and the dataclass default (a state
        # list set field by field) took twice as long both ways.
        return Finding, (self.kind, self.severity, self.code, self.start, self.end, self.line,
                         self.column, self.text, self.masked, self.message, self.suggestion,
                         self.explanation, self.location)

    @property
    def personal(self) -> bool:
        return self.kind in PERSONAL_KINDS

    @property
    def why(self) -> str:
        return self.explanation.text() if self.explanation else self.message

    def shown(self, show_values: bool = False) -> str:
        """The value as outputs may show it."""
        return self.text if (show_values or not self.personal) else self.masked

    def to_dict(self, show_values: bool = False) -> dict:
        data = {
            "kind": self.kind,
            "severity": self.severity.label,
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.shown(show_values),
            "message": self.message,
            "suggestion": self.suggestion,
            "why": self.explanation.full() if self.explanation else self.message,
        }
        if self.location:
            data["location"] = self.location
        return data


@dataclass(frozen=True, slots=True)
class FileReport:
    """The outcome of screening one draft: its findings, or why it could not be read."""

    path: str
    findings: tuple[Finding, ...] = ()
    chars: int = 0
    error: str | None = None
    document: "Document | None" = field(default=None, compare=False, repr=False)

    def __reduce__(self):
        return FileReport, (self.path, self.findings, self.chars, self.error, self.document)

    @property
    def empty(self) -> bool:
        return self.error is None and self.chars == 0

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        return {k: counts[k] for k in sorted(counts, key=_kind_order)}

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def count_at_least(self, threshold: Severity) -> int:
        return sum(1 for f in self.findings if f.severity >= threshold)

    def to_dict(self, show_values: bool = False) -> dict:
        from .display import mask_numbers

        data = {
            "path": mask_numbers(self.path, show_values),
            "findings": [f.to_dict(show_values) for f in self.findings],
            "summary": self.summary(),
        }
        if self.error is not None:
            data["error"] = self.error
        return data


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder met while walking a folder and deliberately not
    screened: hidden, a format screener does not read, or a link not followed."""

    path: str
    reason: str  # "hidden" | "unsupported" | "symlink" | "broken-link"
    advice: str | None = None  # what to do, for office formats screener cannot read

    def to_dict(self, show_values: bool = False) -> dict:
        from .display import mask_numbers

        data = {"path": mask_numbers(self.path, show_values), "reason": self.reason}
        if self.advice:
            data["advice"] = self.advice
        return data


@dataclass(frozen=True, slots=True)
class Report:
    """The outcome of one run: one FileReport per draft, and what a folder
    walk skipped."""

    files: tuple[FileReport, ...] = field(default_factory=tuple)
    skipped: tuple[Skipped, ...] = ()

    @property
    def findings(self) -> tuple[Finding, ...]:
        """All findings; for a single draft, that draft's findings in order."""
        return tuple(f for fr in self.files for f in fr.findings)

    @property
    def errors(self) -> tuple[FileReport, ...]:
        return tuple(fr for fr in self.files if fr.error is not None)

    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for fr in self.files:
            for kind, n in fr.summary().items():
                counts[kind] = counts.get(kind, 0) + n
        return {k: counts[k] for k in sorted(counts, key=_kind_order)}

    def exit_code(self, fail_on: Severity = Severity.WARNING) -> int:
        """0: nothing at or above ``fail_on``; 1: something is; 2: a file could not be read."""
        if self.errors:
            return 2
        return 1 if any(fr.count_at_least(fail_on) for fr in self.files) else 0

    def to_dict(self, show_values: bool = False) -> dict:
        data = {"schema": SCHEMA, "files": [fr.to_dict(show_values) for fr in self.files]}
        if self.skipped:
            data["skipped"] = [s.to_dict(show_values) for s in self.skipped]
        return data


def _kind_order(kind: str) -> tuple[int, str]:
    order = list(KIND_LABELS)
    return (order.index(kind) if kind in order else len(order), kind)
