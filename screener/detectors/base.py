"""What every detector shares: rule metadata and the one way to build a Finding."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..kinds import Kind
from ..model import Explanation, Finding, Severity


@dataclass(frozen=True, slots=True)
class Rule:
    """A stable rule code and what a reviewer reads about it (``screen rules``).

    Codes never change meaning once released: baselines and ``ignore`` refer
    to them.  ``kind`` is the declared Kind (screener/kinds.py): it decides
    whether the rule's findings are personal and how they are masked.
    """

    code: str
    name: str
    kind: Kind
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
    style: str = "default",
    severity: Severity | None = None,
    suggestion: str | None = None,
    explanation: Explanation | None = None,
) -> Finding:
    """Build a Finding for the original-text span ``[start, end)``.

    Whether it is personal comes from the rule's Kind; a personal finding's
    mask is the detector's own (``masked``, e.g. keeping a +86 prefix) or the
    Kind's mask function in ``style``, never the value itself.
    """
    line, column = doc.line_col(start)
    text = doc.text[start:end]
    kind = rule.kind
    if not kind.personal:
        masked = text
    elif masked is None or (masked == text and text):
        masked = kind.masked(text, style)
    return Finding(
        kind=kind.name,
        severity=severity if severity is not None else rule.severity,
        code=rule.code,
        start=start,
        end=end,
        line=line,
        column=column,
        text=text,
        masked=masked,
        message=message,
        suggestion=suggestion,
        explanation=explanation,
        location=doc.location(start, end),
        personal=kind.personal,
    )
