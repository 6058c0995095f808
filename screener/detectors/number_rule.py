"""The loop every personal-number detector shares (presidio's PatternRecognizer).

A number detector declares a ``NumberRule``: which windows of a digit run it
looks at (sizes, how many groups, whether a web address's query value
counts), how it judges one (``judge(window) -> verdict | None``: the
detector's validation, check digits, ranges and labels), the class of number
whose severity the owner decides (severity.py's one table) or, for a number
whose severity does not depend on its owner, the verdict's own, and how it
says what it found (``explain(hit) -> Said``).  ``NumberRule.findings()``
runs the rest, the same way for every detector:

    runs → pick → span in the original text → mask → who owns it
    (context.classify, only for a rule with a class) → severity →
    disclosure-mode lowering → Finding

so a detector holds only what is its own, and a change to how numbers are
scanned, classified, lowered or built into findings is made here once.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..model import Explanation, Finding, Severity
from .base import Rule, make_finding
from .context import Context, classify
from .numbers import Window, pick, runs
from .severity import lowered, severity_for, with_note

V = TypeVar("V")


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Hit(NamedTuple, Generic[V]):
    """One accepted number, as the detector's ``explain`` sees it: its
    verdict, its span and mask in the original text, who owns it (None for a
    rule without a class) and its final severity (after the lowering)."""

    window: Window
    verdict: V
    start: int
    end: int
    masked: str
    owner: Context | None
    severity: Severity
    style: str


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Said(NamedTuple):
    """What a finding says: its rule, message, suggestion and explanation
    (the explanation's context without the lowering's note, added here)."""

    rule: Rule
    message: str
    suggestion: str | None
    explanation: Explanation


def _window_span(w: Window, verdict: object, norm: str) -> tuple[int, int]:
    return w.start, w.end


@dataclass(frozen=True)
class NumberRule(Generic[V]):
    """A detector's declaration; see the module docstring.

    ``span(window, verdict, normalized)`` gives the number's span in the
    normalised text (default: the window's); ``mask(doc, start, end,
    verdict, style)`` its mask (default: the kind's mask of the original
    text); ``klass(verdict)`` the row of ``SEVERITY_BY_CONTEXT`` and
    ``certain(verdict)`` whether the number is sure enough for that row as
    is, or else ``severity(verdict)`` when the owner does not matter;
    ``extra(doc)`` more (window, verdict) pairs after the ordinary runs' (the
    ID detector's numbers broken across a line); ``lowers``: whether a
    lawful disclosure lowers the finding.
    """

    kind: Kind
    judge: Callable[[Window], V | None]
    explain: Callable[[Hit[V]], Said]
    sizes: tuple[int, int]
    max_groups: int = 5
    url_values: bool = False
    klass: Callable[[V], str] | None = None
    certain: Callable[[V], bool] | None = None
    severity: Callable[[V], Severity] | None = None
    span: Callable[[Window, V, str], tuple[int, int]] = _window_span
    mask: Callable[[Document, int, int, V, str], str] | None = None
    extra: Callable[[Document], Iterable[tuple[Window, V]]] | None = None
    lowers: bool = True

    def windows(self, doc: Document) -> Iterator[tuple[Window, V]]:
        """Every accepted (window, verdict) of ``doc``, in text order per source."""
        for run in runs(doc):
            yield from pick(run, self.judge, self.max_groups, self.sizes, url_values=self.url_values)
        if self.extra is not None:
            yield from self.extra(doc)

    def findings(self, doc: Document, config: Config) -> Iterator[Finding]:
        """The detector's findings in ``doc``: the loop, run once for every detector."""
        for w, verdict in self.windows(doc):
            yield self.finding(doc, config, w, verdict)

    def finding(self, doc: Document, config: Config, w: Window, verdict: V) -> Finding:
        """The Finding for one accepted window: span, mask, owner, severity,
        lowering, then the detector's words."""
        style = config.mask_style
        s, e = self.span(w, verdict, doc.normalized)
        start, end = doc.span_to_original(s, e)
        masked = (self.mask(doc, start, end, verdict, style) if self.mask is not None
                  else self.kind.masked(doc.text[start:end], style))
        owner: Context | None = None
        if self.klass is not None:
            owner = classify(doc.text, start, end)  # context labels cover traditional script themselves
            certain = self.certain(verdict) if self.certain is not None else True
            severity = severity_for(self.klass(verdict), owner.who, certain=certain)
        elif self.severity is not None:
            severity = self.severity(verdict)
        else:
            raise TypeError("a NumberRule needs a klass or a severity")
        note = None
        if self.lowers:
            severity, note = lowered(severity, doc, config.mode)
        said = self.explain(Hit(w, verdict, start, end, masked, owner, severity, style))
        x = said.explanation
        if note:
            x = dataclasses.replace(x, context=with_note(x.context or "", note))
        return make_finding(
            doc, said.rule, start, end,
            severity=severity,
            masked=masked,
            message=said.message,
            suggestion=said.suggestion,
            explanation=x,
        )
