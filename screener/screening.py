"""The library entry points: Document → detectors → resolve → Report.

Library code never prints; bad input raises a ScreenerError subclass whose
message is one line and never quotes the draft.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePath

from .config import Config
from .detectors import DETECTORS
from .document import Document
from .errors import InputError
from .loaders import LOADERS, MAX_BYTES, UNSUPPORTED, load
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

    Raises InputError when the file cannot be read.
    """
    return Report(files=(screen_document(load(path, encoding), config),))


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
    suffix = PurePath(base).suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(base, UNSUPPORTED[suffix])
    if len(data) > MAX_BYTES:
        raise InputError(base, f"文件过大（上限 {MAX_BYTES // 1048576} MB）")
    loader = LOADERS.get(suffix, LOADERS[".txt"])
    doc = loader(Path(base), bytes(data), encoding)
    return Report(files=(screen_document(doc, config),))
