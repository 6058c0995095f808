"""The privacy owner: how every personal value, excerpt, file name and
message is shown, with the office's settings.

Everything that leaves screener goes through here: renderers, the approval
sheet, redaction, the CLI and the web page call these functions and never
decide masking themselves.  The pure pieces (each kind's mask function and
the last-resort guard) live in ``masking.py`` so records can use the guard
in their ``repr``; what needs the detectors (finding the numbers in a file
name) lives here, above them.

A file name can hold a personal number (户主<ID>.txt, sfz<ID>.docx), and
reports are passed around, so names are shown with personal numbers masked
unless the user asked for values, honouring ``allow_numbers`` and
``mask_style`` as the draft's own numbers do.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import ahocorasick_rs

from .alphabets import DASHES, INVISIBLE
from .config import Config
from .detectors import KIND_TABLE, personal_detectors
from .display import one_line, printable
from .document import Document
from .masking import STYLES, guard, mask_all, mask_digits
from .model import FileReport, Finding
from .resolve import resolve

__all__ = ["STYLES", "Masker", "Privacy", "find_in_name", "guard", "mask", "mask_numbers", "one_line",
           "printable", "shown_path"]


def mask(kind: str, value: str, style: str = "default") -> str:
    """The masked form of a personal ``value`` of ``kind`` (its declared mask;
    every letter and digit for a kind nobody declared)."""
    declared = KIND_TABLE.get(kind)
    if declared is None or declared.mask is None:
        return mask_all(value, style)
    return declared.mask(value, style)


_SURROGATE = re.compile("([\ud800-\udfff])")


class Copies:
    """Replaces every copy of some values in a string by its mask: one
    leftmost-longest automaton pass, linear in the string whatever the
    number of values (a value inside a longer one is never cut).  The
    Masker and the sheet's guard both hide copies through it."""

    def __init__(self, masks: dict[str, str]):
        self._keys = sorted(masks, key=len, reverse=True)
        self._masks = masks
        self._automaton = ahocorasick_rs.AhoCorasick(
            self._keys, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) if masks else None

    def hide(self, piece: str) -> str:
        if self._automaton is None or not piece:
            return piece
        if _SURROGATE.search(piece):  # a library caller's str; the automaton takes UTF-8 only
            return "".join(self.hide(part) if i % 2 == 0 else part
                           for i, part in enumerate(_SURROGATE.split(piece)))
        out, pos = [], 0
        for k, start, end in self._automaton.find_matches_as_indexes(piece):
            out.append(piece[pos:start])
            out.append(self._masks[self._keys[k]])
            pos = end
        if not pos:
            return piece
        out.append(piece[pos:])
        return "".join(out)


class Masker:
    """Masks the personal findings of one draft in any slice of its text.

    The personal findings are non-overlapping (resolve() keeps them so) and
    sorted once, so each excerpt costs a binary search and the findings it
    touches: the terminal report, the sheet and redaction stay linear in
    the number of findings."""

    def __init__(self, findings: Iterable[Finding]):
        findings = [f for f in findings if f.personal]
        # a finding in the file name has no span in the text, only copies there
        spans = sorted((f for f in findings if not f.in_file_name), key=lambda f: (f.start, f.end))
        self._spans = spans
        self._ends = [f.end for f in spans]
        # every other copy of a value judged personal is hidden too (the same
        # address in a document property, where no label says whose it is)
        copies: dict[str, str] = {}
        for f in findings:
            if len(f.text) >= 4 and f.masked != f.text and not _SURROGATE.search(f.text):
                copies.setdefault(f.text, f.masked)
                bare = _INVISIBLE.sub("", f.text)  # the same value without a hidden character
                if bare != f.text and len(bare) >= 4:
                    copies.setdefault(bare, mask(f.kind, bare))
        self._hide_copies = Copies(copies).hide

    def touching(self, start: int, end: int) -> list[Finding]:
        i = bisect.bisect_right(self._ends, start)
        out = []
        while i < len(self._spans) and self._spans[i].start < end:
            out.append(self._spans[i])
            i += 1
        return out

    def slice(self, text: str, start: int = 0, end: int | None = None,
              show_values: bool = False) -> tuple[str, int, int]:
        """``text[start:end]`` with every personal finding in it replaced by
        its mask.  A finding cut by the window edge widens the window so that
        no part of a number is shown unmasked.  Returns the text and the
        window actually used."""
        end = len(text) if end is None else end
        if show_values:
            return text[start:end], start, end
        spans = self.touching(start, end)
        if not spans:
            return self._hide_copies(text[start:end]), start, end
        start = min(start, spans[0].start)
        end = max(end, spans[-1].end)
        out, pos = [], start
        for f in spans:
            if f.start < pos:  # overlapping personal findings: hide the rest too
                out.append(mask_digits(text[pos:f.end], 0, 0))
            else:
                out.append(self._hide_copies(text[pos:f.start]))
                out.append(f.masked)
            pos = max(pos, f.end)
        out.append(self._hide_copies(text[pos:end]))
        return "".join(out), start, end


def masked_slice(text: str, findings: Sequence[Finding], start: int = 0, end: int | None = None,
                 show_values: bool = False) -> tuple[str, int, int]:
    """``Masker(findings).slice(...)`` for a one-off slice."""
    return Masker(findings).slice(text, start, end, show_values)


# In a file name, a number is glued to Latin letters (sfz530…), follows a
# Word lock file's ~$, or sits under a www.… folder, where the draft's own
# rules would not take it for a number; the view detection runs on turns
# those characters into spaces (same length, so offsets are the name's).
_INVISIBLE = re.compile(f"[{INVISIBLE}]+")
_NAME_GLUE = re.compile(r"[A-Za-z~$_=?&#%:./\\+]+(?=[0-9０-９])|[/\\]|www\.")


def _name_view(name: str) -> str:
    return _NAME_GLUE.sub(lambda m: " " * len(m.group()), name)


class Privacy:
    """How one run shows values, file names and messages: the configured
    mask style and allow list, and whether the user asked for values."""

    def __init__(self, config: Config | None = None, show_values: bool = False):
        self.config = config or Config()
        self.show_values = show_values
        self._names: dict[str, str] = {}

    def numbers(self, text: str) -> str:
        """``text`` (a file name, a message) with every personal number masked."""
        if self.show_values or not text:
            return text
        cached = self._names.get(text)
        if cached is None:
            cached = _mask_in(text, self.config)
            if len(self._names) < 4096:
                self._names[text] = cached
        return cached

    def learns_from(self, config: Config) -> bool:
        """Whether names masked under ``config`` are what this Privacy
        shows (a batch's workers mask the names they screened: remember())."""
        return not self.show_values and (config is self.config or config == self.config)

    def remember(self, shown: dict[str, str]) -> None:
        """Take ``{text: numbers(text)}`` computed elsewhere under the same
        configuration (learns_from) into the cache."""
        for text, masked in shown.items():
            if len(self._names) >= 4096:
                return
            self._names.setdefault(text, masked)

    def path(self, path: object) -> str:
        """A file name as terminal output, JSON and messages show it."""
        return one_line(self.numbers(str(path)))

    def message(self, text: str | None) -> str:
        """A message (an error, an explanation) on one line, numbers masked,
        and the guard over it: no message needs a long run of digits."""
        if not text:
            return ""
        shown = self.numbers(text)
        return one_line(shown if self.show_values else guard(shown, self.config.mask_style))

    def masker(self, report: FileReport) -> Masker:
        return Masker(report.findings)

    def value(self, f: Finding) -> str:
        return f.shown(self.show_values)


_SEVEN_DIGITS = re.compile(rf"\d(?:[ _{re.escape(DASHES)}*＊×xX]{{0,2}}\d){{6}}")
# A home address past 乡镇/街道 (detectors/address.py): a town, county or city,
# then a group or a house number somewhere after it.
_ADDRESS_HINT = re.compile(r"(?:乡|镇|街道|苏木|县|区|市|旗).*?(?:组|社|队|号|栋|幢|单元|室)")


def _may_hold_number(text: str) -> bool:
    """Cheap test first: every personal number has 7 digits (maybe grouped or
    partly masked) or an @, a home address a town and a house or group; a
    batch shows thousands of file names, most of them with none of these
    (2024/06/0123.txt)."""
    return ("@" in text or "＠" in text or _SEVEN_DIGITS.search(text) is not None
            or _ADDRESS_HINT.search(text) is not None)


def find_in_name(text: str, config: Config) -> list[Finding]:
    """The personal findings in ``text`` (a file name, a message), sorted and
    not overlapping: what the personal detectors find in the name as written
    (H8421239300: a permit keeps its letter) and with the glue around
    numbers undone (sfz530…), resolved together.  Their offsets index
    ``text``; their ``text`` is the view's, which may hold spaces for glue."""
    if not _may_hold_number(text):
        return []
    found = [f for view in dict.fromkeys((text, _name_view(text)))
             for f in resolve([f for d in personal_detectors() for f in d.detect(Document(view), config)],
                              config)]
    out: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out


def _mask_in(text: str, config: Config) -> str:
    out, pos = [], 0
    for f in find_in_name(text, config):
        out.append(text[pos:f.start])
        out.append(mask(f.kind, text[f.start:f.end], config.mask_style))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


@lru_cache(maxsize=1024)
def _default_numbers(text: str) -> str:
    return _mask_in(text, Config())


def mask_numbers(text: str, show_values: bool = False, config: Config | None = None) -> str:
    """``text`` (a file name, a message) with every personal number masked."""
    if show_values or not text:
        return text
    return _default_numbers(text) if config is None else Privacy(config).numbers(text)


def shown_path(path: object, show_values: bool = False, config: Config | None = None) -> str:
    """A file name as terminal output and messages show it."""
    return one_line(mask_numbers(str(path), show_values, config))
