"""Errors a user can act on.  Their messages are one line of Chinese, name the
file and the problem, and never quote a draft's content (so never a number).

Records only record: an error keeps the path and the problem as given, and
its ``str`` passes them through the last-resort guard (a library caller may
log it); the CLI shows them through the configured privacy owner.
"""
from __future__ import annotations

from .display import one_line
from .masking import guard


class ScreenerError(Exception):
    """Base class: the CLI prints the message as one line and exits 2."""

    def __str__(self) -> str:
        return one_line(guard(super().__str__()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class InputError(ScreenerError):
    """A draft could not be read (missing, a folder, binary, undecodable, corrupt …)."""

    def __init__(self, path: str, problem: str):
        self.path = str(path)
        # A problem can name a part of the file (a zip member of a .docx),
        # which is the file's content: never shown unguarded.
        self.problem = problem
        super().__init__(f"{self.path}：{problem}")

    def shown(self, show_path) -> str:
        """The message with the file name as ``show_path`` shows it."""
        return f"{show_path(self.path)}：{show_path(self.problem)}"


class ConfigError(ScreenerError):
    """A configuration file or word list is malformed; names the file and the entry."""


class OutputError(ScreenerError):
    """An output file cannot be written (folder missing, not writable, would overwrite input …)."""
