"""The outcome of one draft — the one decision the terminal verdict, the
batch summary and the approval sheet each word in their own way.

Policy lives here, not in the renderers: which findings block publication
(at or above the run's threshold), which only inform, whether a classified
marking withholds the draft, whether a reviewer's recorded decision settled
a finding, and whether the draft could be read at all.  Whoever words a
verdict calls ``outcome()`` and words its ``status``; nobody recounts.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .model import FileReport, Finding, Severity
from .review import Decision

UNREADABLE = "unreadable"
EMPTY = "empty"
CLEAN = "clean"
NEEDS_WORK = "needs-work"


@dataclass(frozen=True, slots=True)
class Outcome:
    """``status`` is UNREADABLE, EMPTY, CLEAN or NEEDS_WORK; ``blocking``
    the findings at or above the threshold, ``below`` how many others there
    are; ``secret`` the classified markings (warning or above) among the
    findings, ``withheld`` whether one of them blocks (the sheet then says
    不予公开·需报审); ``settled`` how many findings a review resolved (误报
    with a reason, or 已按要求处理): those neither block nor count as below."""

    status: str
    blocking: tuple[Finding, ...] = ()
    below: int = 0
    secret: tuple[Finding, ...] = ()
    settled: int = 0
    withheld: bool = False

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.blocking if f.severity == severity)


def outcome(fr: FileReport, fail_on: Severity = Severity.WARNING,
            decisions: Sequence[Decision | None] | None = None) -> Outcome:
    """The outcome of ``fr`` at threshold ``fail_on``.  ``decisions`` (one
    per finding, ReviewFile.lookup) are the review's: a resolved finding no
    longer blocks, as ``screen check --review`` no longer lists it."""
    if fr.error is not None:
        return Outcome(UNREADABLE)
    if fr.empty:
        return Outcome(EMPTY)
    findings = fr.findings
    settled = 0
    if decisions is not None:
        open_ = tuple(f for f, d in zip(findings, decisions) if d is None or not d.resolved)
        settled, findings = len(findings) - len(open_), open_
    blocking = tuple(f for f in findings if f.severity >= fail_on)
    secret = tuple(f for f in findings
                   if f.kind == "classified-marking" and f.severity >= Severity.WARNING)
    return Outcome(NEEDS_WORK if blocking else CLEAN, blocking, len(findings) - len(blocking), secret,
                   settled, any(f.severity >= fail_on for f in secret))
