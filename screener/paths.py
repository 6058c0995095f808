"""Where the built-in word lists are: inside the installed wheel
(screener/_wordlists) or, in a source checkout, the top-level wordlists/."""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def builtin_wordlists_dir() -> Path:
    shipped = _HERE / "_wordlists"
    return shipped if shipped.is_dir() else _HERE.parent / "wordlists"
