"""The library entry points: Document → detectors → resolve → Report.

A ``Screener`` is one configuration made ready: its word lists read and
checked against the detectors' codes (no list may reuse a detector's prefix
or an existing code), the automaton built once, and the privacy owner that
shows what it found.  ``screen_text``/``screen_file`` build (and keep) one
for a configuration, so callers need not hold one.

Library code never prints; bad input raises a ScreenerError subclass whose
message is one line and never quotes the draft.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path, PurePath

from .annual.previous import load_previous
from .config import Config
from .detectors import DETECTORS, check_codes
from .document import Document
from .errors import InputError
from .file_names import own_name_findings, with_container_names
from .loaders import MAX_BYTES, is_archive, load, load_archive, load_archive_bytes, load_data
from .model import FileReport, Finding, Report
from .ocr import dump as ocr_dump
from .ocr.notes import annotate as ocr_notes
from .ocr.settings import applied as ocr_applied
from .paths import is_stdin
from .privacy import Privacy
from .resolve import resolve
from .wordlists import ListSet, list_set


class Screener:
    """Screens drafts with one configuration."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self.lists: ListSet = list_set(self.config)
        check_codes(self.lists.lists)

    def screen_document(self, doc: Document) -> FileReport:
        """Run every detector over ``doc`` and resolve the findings; a
        personal value in the file's name comes first, located 文件名."""
        found = [f for detector in DETECTORS for f in detector.detect(doc, self.config)]
        if doc.ocr_lines:  # text read from pictures (screener/ocr/)
            found = ocr_notes(doc, found)
            if self.config.ocr_text is not None:
                ocr_dump.write(doc, self.config.ocr_text)
        return FileReport(path=doc.path, findings=self.name_findings(doc.path) + resolve(found, self.config),
                          chars=len(doc.text), document=doc)

    def name_findings(self, path: str) -> tuple[Finding, ...]:
        """The personal values in the name publishing ``path`` publishes."""
        return own_name_findings(path, self.config)

    def unread(self, path: str, problem: str | None = None) -> FileReport:
        """The report of a file (or an empty archive) with no text read: its
        name is still published, so its name's findings are kept."""
        return FileReport(path=path, error=problem, findings=self.name_findings(path))

    def archive(self, reports: list[FileReport], path: str) -> tuple[FileReport, ...]:
        """An archive's member reports, with the archive's own name (and a
        nested archive's) reported once, on the first member it holds."""
        return with_container_names(reports or [self.unread(path)], self.config)

    def screen_text(self, text: str, *, path: str = "<text>") -> Report:
        return Report(files=(self.screen_document(Document(text, path=path)),))

    def screen_file(self, path: str | os.PathLike, *, encoding: str | None = None) -> Report:
        with ocr_applied(self.config):
            doc = load(path, encoding)
        return Report(files=(self.screen_document(doc),))

    def privacy(self, show_values: bool = False) -> Privacy:
        """How this configuration shows values, file names and messages."""
        return Privacy(self.config, show_values)


_lock = threading.Lock()
_screeners: dict[int, tuple[Config, Screener]] = {}


def screener_for(config: Config | None) -> Screener:
    """The Screener of ``config`` (one per configuration object, kept: a
    batch or a CMS calls screen_text thousands of times with one config)."""
    config = config or _DEFAULT
    with _lock:
        held = _screeners.get(id(config))
        if held is not None and held[0] is config:
            return held[1]
    made = Screener(config)
    with _lock:
        if len(_screeners) >= 64:
            _screeners.clear()
        _screeners[id(config)] = (config, made)  # holding config keeps its id unique
    return made


_DEFAULT = Config()


def screen_document(doc: Document, config: Config | None = None) -> FileReport:
    """Run every detector over ``doc`` and resolve the findings."""
    return screener_for(config).screen_document(doc)


def screen_text(text: str, *, path: str = "<text>", config: Config | None = None) -> Report:
    """Screen a draft given as a string.

    >>> screen_text("联系电话：0871-6543210").findings[0].kind
    'landline'
    """
    return screener_for(config).screen_text(text, path=path)


def screen_file(
    path: str | os.PathLike, *, config: Config | None = None, encoding: str | None = None,
    previous: str | os.PathLike | None = None,
) -> Report:
    """Screen one draft file (``-`` reads standard input).

    ``previous`` names last year's 政府信息公开工作年度报告, whose 结转下年度
    figures this year's 上年结转 must repeat (rule AR612).
    Raises InputError when the file (or ``previous``) cannot be read.  A .zip
    gives one FileReport per member (``a.zip › b.xlsx``); a member that cannot
    be read is a FileReport with its ``error``.
    """
    if previous is not None:
        config = (config or Config()).with_overrides(annual_previous=load_previous(previous, encoding))
    if not is_stdin(path) and is_archive(str(path)):
        return Report(files=screen_archive(path, config=config, encoding=encoding))
    return screener_for(config).screen_file(path, encoding=encoding)


def screen_archive(path: str | os.PathLike, *, config: Config | None = None,
                   encoding: str | None = None) -> tuple[FileReport, ...]:
    """One FileReport per member of the archive at ``path``, in archive
    order; an empty archive is one empty FileReport.  Raises InputError
    when the archive itself cannot be read."""
    screener = screener_for(config)
    reports = []
    with ocr_applied(screener.config):
        members = load_archive(path, encoding)
    for shown, loaded in members:
        if isinstance(loaded, InputError):
            reports.append(screener.unread(shown, loaded.problem))
        else:
            reports.append(screener.screen_document(loaded))
    return screener.archive(reports, str(path))


def screen_bytes(data: bytes, name: str, *, config: Config | None = None,
                 encoding: str | None = None) -> Report:
    """Screen a draft held in memory (an upload in a publishing system),
    read by the loader its file name's extension picks, as ``screen_file``
    would; nothing is written to disk.  Only the last part of ``name`` is
    kept, as the report's path.  Raises InputError for a format screener
    cannot read or bytes that do not load.

    >>> screen_bytes("联系电话：0871-6543210".encode(), "稿件.txt").findings[0].kind
    'landline'
    """
    base = PurePath(str(name).replace("\\", "/")).name or "<upload>"
    if len(data) > MAX_BYTES:
        raise InputError(base, f"文件过大（上限 {MAX_BYTES // 1048576} MB）")
    screener = screener_for(config)
    if PurePath(base).suffix.lower() == ".zip":  # an archive: one FileReport per member, as screen_file
        with ocr_applied(screener.config):
            members = load_archive_bytes(base, bytes(data), encoding)
        return Report(files=screener.archive([
            screener.unread(shown, loaded.problem) if isinstance(loaded, InputError)
            else screener.screen_document(loaded)
            for shown, loaded in members], base))
    with ocr_applied(screener.config):
        doc = load_data(Path(base), bytes(data), encoding)  # the same table the CLI's loader uses
    return Report(files=(screener.screen_document(doc),))
