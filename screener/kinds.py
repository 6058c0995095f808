"""What a kind of finding is: its label, whether it is personal, how it ranks
in an overlap, and how its value is masked.

Each detector declares the kinds it reports (``KINDS`` in its module); the
registry (``screener/detectors/__init__.py``) gathers them into the one table
every other part reads.  A personal kind must say how it is masked, so a new
kind cannot be shown unmasked by omission.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .masking import MaskFunction


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of finding.

    ``rank`` orders overlapping findings of the same severity (higher wins);
    ``allow_by`` says how an office's allow list is compared: by the digits
    of the value ("digits": IDs, phones, cards) or by its text ("text").
    """

    name: str
    label: str
    personal: bool
    rank: int
    mask: MaskFunction | None = None
    allow_by: str = "text"
    applies_to: Callable[[str], bool] | None = None  # a check for some drafts only (annual reports)

    def __post_init__(self) -> None:
        if self.personal and self.mask is None:
            raise TypeError(f"personal kind {self.name!r} must declare how its values are masked")
        if self.allow_by not in ("digits", "text"):
            raise TypeError(f"kind {self.name!r}: allow_by must be 'digits' or 'text'")

    def applies(self, text: str) -> bool:
        """Whether this kind's check applies to a draft (the sheet lists it only then)."""
        return self.applies_to is None or self.applies_to(text)

    def masked(self, value: str, style: str = "default") -> str:
        """``value`` as outputs show it: masked when the kind is personal."""
        return self.mask(value, style) if self.mask is not None and self.personal else value
