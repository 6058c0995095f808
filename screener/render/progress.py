"""A one-line progress bar on standard error, for long folder runs.

Drawn only when there are many files and stderr is a terminal (never into a
log or a pipe), at most ten times a second, and erased when done.
"""
from __future__ import annotations

import sys
import time
from typing import TextIO

MIN_FILES = 20
OCR_MIN_PICTURES = 2  # OCR costs seconds a page: a bar from the second picture of a file on
WIDTH = 30


class ProgressBar:
    """``progress(done, total)`` callback for screen_paths."""

    def __init__(self, stream: TextIO | None = None, min_files: int = MIN_FILES, label: str = "检查中"):
        self.stream = stream or sys.stderr
        self.min_files = min_files
        self.label = label
        self._last = 0.0
        self._drawn = False

    def enabled(self, total: int) -> bool:
        return total >= self.min_files and self.stream.isatty()

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled(total):
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = WIDTH * done // total
        self.stream.write(f"\r{self.label} [{'#' * filled}{'-' * (WIDTH - filled)}] {done}/{total}")
        self.stream.flush()
        self._drawn = True
        if done == total:
            self.close()

    def close(self) -> None:
        """Erase the bar so the report starts on a clean line."""
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False
