"""Notices: what a loader found in a file that is not text to screen but must
be reported (tracked changes and comments to clear before publishing,
pictures whose text cannot be checked, parts that could not be read).

A loader attaches them to its Document (``notices``); the package detector
(detectors/package.py) turns each into one finding.  Kept free of any parser
import so the detector costs nothing for a plain-text draft.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Notice:
    """One file-level remark: ``kind`` and ``code`` as the finding will
    carry them, ``message`` and ``suggestion`` in words a clerk understands
    (never quoting a value from the draft)."""

    kind: str
    code: str
    message: str
    suggestion: str | None = None
