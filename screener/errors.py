"""Errors a user can act on.  Their messages are one line of Chinese, name the
file and the problem, and never quote a draft's content (so never a number)."""
from __future__ import annotations


class ScreenerError(Exception):
    """Base class: the CLI prints the message as one line and exits 2."""


class InputError(ScreenerError):
    """A draft could not be read (missing, a folder, binary, undecodable, corrupt …)."""

    def __init__(self, path: str, problem: str):
        from .display import shown_path

        self.path = path
        # A problem can name a part of the file (a zip member of a .docx), which
        # is the file's content: shown on one line, numbers masked.
        self.problem = shown_path(problem)
        super().__init__(f"{shown_path(path)}：{self.problem}")


class ConfigError(ScreenerError):
    """A configuration file or word list is malformed; names the file and the entry."""


class OutputError(ScreenerError):
    """An output file cannot be written (folder missing, not writable, would overwrite input …)."""
