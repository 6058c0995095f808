"""The outcome of one draft — the one decision the terminal verdict, the
batch summary and the approval sheet each word in their own way.

Policy lives here, not in the renderers: which findings block publication
(at or above the run's threshold), which only inform, whether a classified
marking withholds the draft, and whether it could be read at all.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import FileReport, Finding, Severity

UNREADABLE = "unreadable"
EMPTY = "empty"
CLEAN = "clean"
NEEDS_WORK = "needs-work"


@dataclass(frozen=True, slots=True)
class Outcome:
    """``status`` is UNREADABLE, EMPTY, CLEAN or NEEDS_WORK; ``blocking``
    the findings at or above the threshold, ``below`` how many others there
    are; ``secret`` the classified markings (warning or above) among them."""

    status: str
    blocking: tuple[Finding, ...] = ()
    below: int = 0
    secret: tuple[Finding, ...] = ()

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.blocking if f.severity == severity)


def outcome(fr: FileReport, fail_on: Severity = Severity.WARNING) -> Outcome:
    if fr.error is not None:
        return Outcome(UNREADABLE)
    if fr.empty:
        return Outcome(EMPTY)
    blocking = tuple(f for f in fr.findings if f.severity >= fail_on)
    secret = tuple(f for f in fr.findings
                   if f.kind == "classified-marking" and f.severity >= Severity.WARNING)
    return Outcome(NEEDS_WORK if blocking else CLEAN, blocking, len(fr.findings) - len(blocking), secret)
