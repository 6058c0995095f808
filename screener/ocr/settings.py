"""Whether OCR runs, and who hears of its progress: one value per run, set from the Config by the screening entry
points (``applied``) and read by the loaders' OCR hooks (``current``).

A context variable, not an argument: loaders take (path, bytes, encoding)
and must not learn about configuration; a batch worker process applies its
own copy of the run's Config around each file.
"""
from __future__ import annotations

import contextvars
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..config import Config

# Lines the engine is less sure of than this are reported (OC901) as text to
# check against the picture; the engine's scores for clean print are above 0.95.
MIN_CONFIDENCE = 0.8

# progress(done, total): pictures or pages recognised so far in the current file
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class OcrSettings:
    """What the loaders need to know (the --ocr-text folder is the screening step's)."""

    enabled: bool = True


_CURRENT: contextvars.ContextVar[OcrSettings] = contextvars.ContextVar("screener_ocr", default=OcrSettings())
# set by the CLI only (it draws on a terminal), never by the library; a batch
# worker forked from the CLI inherits the list, and leaves the drawing to it
_PROGRESS: list[tuple[int, Progress]] = []


def current() -> OcrSettings:
    return _CURRENT.get()


@contextmanager
def applied(config: Config | None) -> Iterator[OcrSettings]:
    """``config``'s OCR settings in force for the loads inside the block."""
    settings = OcrSettings(enabled=config.ocr) if config else OcrSettings()
    token = _CURRENT.set(settings)
    try:
        yield settings
    finally:
        _CURRENT.reset(token)


def set_progress(progress: Progress | None) -> None:
    """The CLI's progress bar for long OCR runs (None: none)."""
    _PROGRESS.clear()
    if progress is not None:
        _PROGRESS.append((os.getpid(), progress))


def report_progress(done: int, total: int) -> None:
    for pid, progress in _PROGRESS:
        if pid == os.getpid():
            progress(done, total)
