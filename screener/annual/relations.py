"""Arithmetic relations between a report's figures, and finding the one
figure that breaks them.

Every relation is an equation ``sum(left) == sum(right)`` over Quantities
(a table cell, a figure in the prose, a figure from last year's report).
When several broken relations share one figure, and changing that figure
alone by the same amount would mend them all and break no other, the figure
is reported once instead of each relation: one mistyped cell of table 三
breaks its row's 总计 and its column's 勾稽关系 at the same time.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Severity


@dataclass(frozen=True, slots=True, eq=False)
class Quantity:
    """A figure: its value, its span in the normalised text (None for a
    figure from another file) and where a person finds it."""

    value: int
    where: str
    start: int | None = None
    end: int | None = None

    @property
    def span(self) -> tuple[int, int]:
        """Where the figure is; only figures of this draft (cells, prose) have one."""
        if self.start is None or self.end is None:
            raise ValueError(f"{self.where} is not in this draft")
        return self.start, self.end


@dataclass(frozen=True, slots=True, eq=False)
class Equation:
    """``sum(left) == sum(right)``, with the words a reviewer reads."""

    code: str
    severity: Severity
    name: str  # the relation, e.g. 本列勾稽关系：第一项加第二项之和等于第三项加第四项之和
    left: tuple[Quantity, ...]
    right: tuple[Quantity, ...]
    left_label: str
    right_label: str
    anchor: Quantity  # where the finding points when no single figure is to blame
    where: str  # e.g. 表三 自然人列

    @property
    def left_sum(self) -> int:
        return sum(q.value for q in self.left)

    @property
    def right_sum(self) -> int:
        return sum(q.value for q in self.right)

    @property
    def residual(self) -> int:
        return self.left_sum - self.right_sum

    def coefficient(self, q: Quantity) -> int:
        return sum(1 for x in self.left if x is q) - sum(1 for x in self.right if x is q)

    def describe(self) -> str:
        return f"{self.name}，而{self.left_label}为 {self.left_sum}，{self.right_label}为 {self.right_sum}"


@dataclass(frozen=True, slots=True)
class Break:
    """What to report: either one figure to blame (``culprit``, with the value
    that would mend every relation) or one broken relation."""

    equations: tuple[Equation, ...]
    culprit: Quantity | None = None
    mended: int | None = None


def _components(broken: list[Equation]) -> list[list[Equation]]:
    """Broken relations grouped by the figures they share."""
    groups: list[list[Equation]] = []
    for eq in broken:
        ids = {id(q) for q in eq.left + eq.right}
        joined = [g for g in groups if any(id(q) in ids for e in g for q in e.left + e.right)]
        merged = [eq] + [e for g in joined for e in g]
        groups = [g for g in groups if g not in joined] + [merged]
    return [sorted(g, key=lambda e: e.anchor.start if e.anchor.start is not None else -1) for g in groups]


def check(equations: list[Equation]) -> list[Break]:
    """The breaks among ``equations``, a figure to blame where there is one."""
    broken = [e for e in equations if e.residual != 0]
    breaks: list[Break] = []
    for group in _components(broken):
        group_ids = {id(e) for e in group}
        candidates: list[tuple[Quantity, int]] = []
        seen: set[int] = set()
        for eq in group:
            for q in eq.left + eq.right:
                if id(q) in seen or q.start is None:
                    continue
                seen.add(id(q))
                holding = [e for e in equations if e.coefficient(q) != 0]
                if {id(e) for e in holding} != group_ids:
                    continue
                errors = {e.residual / e.coefficient(q) for e in holding}
                if len(errors) == 1:
                    error = errors.pop()
                    if error == int(error) and q.value - int(error) >= 0:
                        candidates.append((q, q.value - int(error)))
        if len(candidates) == 1 and (len(group) > 1 or candidates[0][0] is not group[0].anchor):
            q, mended = candidates[0]
            breaks.append(Break(tuple(group), culprit=q, mended=mended))
        else:
            breaks.extend(Break((e,)) for e in group)
    return breaks
