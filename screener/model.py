"""The records every stage passes along: Severity, Explanation, Finding, FileReport, Report.

A Finding is frozen and self-contained: renderers, redaction and the approval
sheet read Findings and never re-parse the draft.
"""
from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .masking import guard

if TYPE_CHECKING:
    from .document import Document

# How a boundary shows a file name and orders kinds (privacy.py and the
# registry give the configured ones; records default to the guard).
PathShower = Callable[[str], str]
KindOrder = Callable[[str], Any]

SCHEMA = 1

# The location of a finding in the file's name rather than its text: its
# start/end index the name (file_names.py), so nothing cuts the text there.
IN_FILE_NAME = "文件名"


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




@dataclass(frozen=True, slots=True, repr=False)
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

    def __repr__(self) -> str:
        return guard(f"Explanation({self.text()!r})")

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

# The location of a finding about the file as a whole (tracked changes, pictures):
# it quotes no text, so a report prints no excerpt for it.
WHOLE_FILE = "整个文件"


@dataclass(frozen=True, slots=True, repr=False)
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
    personal: bool = True  # unless declared otherwise: a value is masked by default

    def __reduce__(self):
        # A constructor call: a parallel batch pickles tens of thousands of
        # Findings back to the parent, and the dataclass default (a state
        # list set field by field) took twice as long both ways.
        return Finding, (self.kind, self.severity, self.code, self.start, self.end, self.line,
                         self.column, self.text, self.masked, self.message, self.suggestion,
                         self.explanation, self.location, self.personal)

    def __repr__(self) -> str:
        return guard(f"Finding({self.code} {self.kind} {self.severity.label} "
                     f"{self.start}-{self.end} {self.masked!r})")

    @property
    def in_file_name(self) -> bool:
        """Found in the file's name (publishing the file publishes it), not
        in its text: ``start``/``end`` index the name, never the text."""
        return self.location == IN_FILE_NAME

    @property
    def why(self) -> str:
        return self.explanation.text() if self.explanation else self.message

    def shown(self, show_values: bool = False) -> str:
        """The value as outputs may show it."""
        return self.text if show_values else self.masked

    def to_dict(self, show_values: bool = False) -> dict:
        """The JSON entry (schema 1).  Unless values were asked for, the
        guard passes over every sentence too: none needs a full number."""
        said = (lambda s: s) if show_values else guard
        data = {
            "kind": self.kind,
            "severity": self.severity.label,
            "code": self.code,
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "text": self.shown(show_values),
            "message": said(self.message),
            "suggestion": said(self.suggestion) if self.suggestion else self.suggestion,
            "why": said(self.explanation.full() if self.explanation else self.message),
        }
        if self.location:
            data["location"] = said(self.location)
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

    def __repr__(self) -> str:
        return guard(f"FileReport(path={self.path!r}, findings={self.findings!r}, "
                     f"chars={self.chars}, error={self.error!r})")

    @property
    def empty(self) -> bool:
        return self.error is None and self.chars == 0

    def summary(self, order: KindOrder | None = None) -> dict[str, int]:
        """Findings per kind, kinds in ``order`` (the registry's kind_order),
        or as they first appear."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        return {k: counts[k] for k in sorted(counts, key=order)} if order else counts

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def count_at_least(self, threshold: Severity) -> int:
        return sum(1 for f in self.findings if f.severity >= threshold)

    def to_dict(self, show_values: bool = False, shown_path: PathShower | None = None,
                order: KindOrder | None = None) -> dict:
        """The JSON entry (schema 1).  ``shown_path`` shows the file name (the
        CLI passes the configured privacy owner's); by default the guard masks
        every long digit run in it."""
        data = {
            "path": _path(self.path, show_values, shown_path),
            "findings": [f.to_dict(show_values) for f in self.findings],
            "summary": self.summary(order),
        }
        if self.error is not None:
            data["error"] = self.error if show_values else guard(self.error)
        return data


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder met while walking a folder and deliberately not
    screened: hidden, a format screener does not read, or a link not followed."""

    path: str
    reason: str  # "hidden" | "unsupported" | "symlink" | "broken-link"
    advice: str | None = None  # what to do, for office formats screener cannot read

    def __repr__(self) -> str:
        return guard(f"Skipped(path={self.path!r}, reason={self.reason!r})")

    def to_dict(self, show_values: bool = False, shown_path: PathShower | None = None) -> dict:
        data = {"path": _path(self.path, show_values, shown_path), "reason": self.reason}
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

    def summary(self, order: KindOrder | None = None) -> dict[str, int]:
        counts: dict[str, int] = {}
        for fr in self.files:
            for kind, n in fr.summary().items():
                counts[kind] = counts.get(kind, 0) + n
        return {k: counts[k] for k in sorted(counts, key=order)} if order else counts

    def exit_code(self, fail_on: Severity = Severity.WARNING) -> int:
        """0: nothing at or above ``fail_on``; 1: something is; 2: a file could not be read."""
        if self.errors:
            return 2
        return 1 if any(fr.count_at_least(fail_on) for fr in self.files) else 0

    def to_dict(self, show_values: bool = False, shown_path: PathShower | None = None,
                order: KindOrder | None = None) -> dict:
        data: dict[str, Any] = {"schema": SCHEMA,
                                "files": [fr.to_dict(show_values, shown_path, order) for fr in self.files]}
        if self.skipped:
            data["skipped"] = [s.to_dict(show_values, shown_path) for s in self.skipped]
        return data


def _path(path: str, show_values: bool, shown_path: PathShower | None) -> str:
    if show_values:
        return path
    return shown_path(path) if shown_path is not None else guard(path)
