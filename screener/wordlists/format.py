"""The records a word list is made of: WordList (metadata and entries), Entry
(one rule with its terms or pattern, conditions and examples) and Note (an
item of the source document that describes a practice rather than a string,
kept so the list records the whole document).

Lists are data only: nothing in a list is ever executed.  Patterns are
regular expressions for the ``regex`` module and always run with a timeout.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Severity

KINDS = ("banned-term", "caution-term", "wording", "classified-marking")
BOUNDARIES = ("word", "none")
PREFIX_RE = re.compile(r"^[A-Z]{1,3}$")
CODE_RE = re.compile(r"^([A-Z]{1,3})([0-9]{3})$")
NAME_RE = re.compile(r"^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9_.\-\u4e00-\u9fff]{0,40}$")
_ASCII_WORD = re.compile(r"[0-9a-z]")


def latin_edge(ch: str) -> bool:
    """True for characters that make a Latin token (after folding): a-z, 0-9."""
    return bool(_ASCII_WORD.match(ch))


@dataclass(frozen=True, eq=False)
class Entry:
    """One rule of a list.

    ``terms`` are literal forms; ``pattern`` is a regex found through its
    ``anchors`` (literal strings every match contains, so one automaton pass
    finds the places worth running the regex).  ``near``/``not_near``/
    ``quoted`` are context conditions (such entries are cautions at most);
    ``exceptions``/``before``/``after`` refine the match lexically.
    """

    code: str
    kind: str
    severity: Severity
    reason: str
    source: str
    terms: tuple[str, ...] = ()
    pattern: str | None = None
    anchors: tuple[str, ...] = ()
    title: str | None = None
    suggestions: tuple[str, ...] = ()
    advice: str | None = None
    category: str | None = None
    item: str | None = None
    enabled: bool = True
    boundary: str = "word"
    exceptions: tuple[str, ...] = ()
    before: str | None = None
    not_before: str | None = None
    after: str | None = None
    not_after: str | None = None
    near: tuple[str, ...] = ()
    not_near: tuple[str, ...] = ()
    window: int = 20
    quoted: bool = False
    match: tuple[str, ...] = ()
    passes: tuple[str, ...] = ()
    list_name: str = ""
    where: str = ""  # "条目 XH101" or "第12行": how error messages name the entry

    @property
    def conditional(self) -> bool:
        """Whether a context condition (topic near, quotation) decides the hit."""
        return bool(self.near or self.not_near or self.quoted)

    @property
    def label(self) -> str:
        if self.title:
            return self.title
        if self.terms:
            shown = "、".join(self.terms[:4])
            return shown + ("等" if len(self.terms) > 4 else "")
        return self.pattern or self.code

    def suggestion_text(self) -> str | None:
        """What the finding suggests: 建议改为：村主任 / 建议：加引号."""
        if self.suggestions:
            text = "建议改为：" + "、".join(self.suggestions)
            return text + (f"（{self.advice}）" if self.advice else "")
        if self.advice:
            return "建议：" + self.advice
        return None


@dataclass(frozen=True)
class Note:
    """An item of the source document that no string can match (a practice,
    such as not naming juvenile suspects), recorded for completeness."""

    text: str
    source: str
    category: str | None = None
    item: str | None = None


@dataclass(frozen=True, eq=False)
class WordList:
    """One list file: metadata, entries and notes.  Lists and entries compare
    and hash by identity: each is read once and shared."""

    name: str
    title: str
    prefix: str
    source: str
    path: Path
    edition: str = ""
    description: str = ""
    enabled: bool = True
    builtin: bool = False
    format: str = "toml"
    entries: tuple[Entry, ...] = ()
    notes: tuple[Note, ...] = ()
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def display_path(self) -> str:
        return self.path.name if self.builtin else str(self.path)
