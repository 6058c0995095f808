"""The library entry points: Document → detectors → resolve → Report.

Library code never prints; bad input raises a ScreenerError subclass whose
message is one line and never quotes the draft.
"""
from __future__ import annotations

import os

from .annual.previous import load_previous
from .config import Config
from .detectors import DETECTORS
from .document import Document
from .loaders import load
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
    path: str | os.PathLike, *, config: Config | None = None, encoding: str | None = None,
    previous: str | os.PathLike | None = None,
) -> Report:
    """Screen one draft file (``-`` reads standard input).

    ``previous`` names last year's 政府信息公开工作年度报告, whose 结转下年度
    figures this year's 上年结转 must repeat (rule AR612).
    Raises InputError when the file (or ``previous``) cannot be read.
    """
    if previous is not None:
        config = (config or Config()).with_overrides(annual_previous=load_previous(previous, encoding))
    return Report(files=(screen_document(load(path, encoding), config),))
