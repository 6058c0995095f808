"""Names of places: where the built-in word lists are (inside the installed
wheel, screener/_wordlists, or in a source checkout the top-level
wordlists/), and standard input as the command line and reports name it."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

STDIN = "-"  # standard input, as the command line names it
STDIN_NAME = "<stdin>"  # and as reports show it


def is_stdin(path: object) -> bool:
    return str(path) in (STDIN, STDIN_NAME)


def builtin_wordlists_dir() -> Path:
    shipped = _HERE / "_wordlists"
    return shipped if shipped.is_dir() else _HERE.parent / "wordlists"
