"""screener: a pre-publication confidentiality check (保密审查) for Chinese
government drafts.  ``screen_text``, ``screen_file`` and ``screen_paths``
(files, folders, globs; in parallel) return a Report."""
from __future__ import annotations

from .batch import screen_paths
from .config import Config, load_config
from .document import Document
from .errors import ConfigError, InputError, OutputError, ScreenerError
from .model import Explanation, FileReport, Finding, Report, Severity, Skipped
from .redact import redact_file, redact_text
from .screening import screen_bytes, screen_document, screen_file, screen_text

__version__ = "0.1.0"

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Explanation",
    "FileReport",
    "Finding",
    "InputError",
    "OutputError",
    "Report",
    "ScreenerError",
    "Severity",
    "Skipped",
    "load_config",
    "redact_file",
    "redact_text",
    "screen_bytes",
    "screen_document",
    "screen_file",
    "screen_paths",
    "screen_text",
]
