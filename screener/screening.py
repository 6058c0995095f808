"""The library entry points: Document → detectors → resolve → Report.

Library code never prints; bad input raises a ScreenerError subclass whose
message is one line and never quotes the draft.
"""
from __future__ import annotations

import os

from .config import Config
from .detectors import DETECTORS
from .document import Document
from .errors import InputError
from .loaders import is_archive, load, load_archive
from .model import FileReport, Report
from .resolve import resolve


def screen_document(doc: Document, config: Config | None = None) -> FileReport:
    """Run every detector over ``doc`` and resolve the findings."""
    config = config or Config()
    found = [f for detector in DETECTORS for f in detector.detect(doc, config)]
    return FileReport(path=doc.path, findings=resolve(found, config), chars=len(doc.text),
                      document=doc)


def screen_text(text: str, *, path: str = "<text>", config: Config | None = None) -> Report:
    """Screen a draft given as a string.

    >>> screen_text("联系电话：0871-6543210").findings[0].kind
    'landline'
    """
    return Report(files=(screen_document(Document(text, path=path), config),))


def screen_file(
    path: str | os.PathLike, *, config: Config | None = None, encoding: str | None = None
) -> Report:
    """Screen one draft file (``-`` reads standard input).

    Raises InputError when the file cannot be read.  A .zip gives one
    FileReport per member (``a.zip › b.xlsx``); a member that cannot be
    read is a FileReport with its ``error``.
    """
    if str(path) != "-" and is_archive(str(path)):
        return Report(files=screen_archive(path, config=config, encoding=encoding))
    return Report(files=(screen_document(load(path, encoding), config),))


def screen_archive(path: str | os.PathLike, *, config: Config | None = None,
                   encoding: str | None = None) -> tuple[FileReport, ...]:
    """One FileReport per member of the archive at ``path``, in archive
    order; an empty archive is one empty FileReport.  Raises InputError
    when the archive itself cannot be read."""
    reports = []
    for shown, loaded in load_archive(path, encoding):
        if isinstance(loaded, InputError):
            reports.append(FileReport(path=shown, error=loaded.problem))
        else:
            reports.append(screen_document(loaded, config))
    return tuple(reports) or (FileReport(path=str(path)),)
