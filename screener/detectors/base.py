"""What every detector shares: rule metadata and the one way to build a Finding."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..model import Explanation, Finding, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A stable rule code and what a reviewer reads about it (``screen rules``).

    Codes never change meaning once released: baselines and ``ignore`` refer
    to them.
    """

    code: str
    name: str
    kind: str
    severity: Severity
    title: str
    doc: str = ""
    source: str = ""


def make_finding(
    doc: Document,
    rule: Rule,
    start: int,
    end: int,
    *,
    message: str,
    masked: str | None = None,
    severity: Severity | None = None,
    suggestion: str | None = None,
    explanation: Explanation | None = None,
) -> Finding:
    """Build a Finding for the original-text span ``[start, end)``."""
    line, column = doc.line_col(start)
    text = doc.text[start:end]
    return Finding(
        kind=rule.kind,
        severity=severity if severity is not None else rule.severity,
        code=rule.code,
        start=start,
        end=end,
        line=line,
        column=column,
        text=text,
        masked=masked if masked is not None else text,
        message=message,
        suggestion=suggestion,
        explanation=explanation,
        location=doc.location(start, end),
    )
