"""screener: a pre-publication confidentiality check (保密审查) for Chinese
government drafts.  ``screen_text``, ``screen_file`` and ``screen_paths``
(files, folders, globs; in parallel) return a Report.

The names below are loaded on first use (PEP 562), so importing one record
module (``screener.model``) does not import the detectors.
"""
from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "screen_paths": "batch",
    "Config": "config",
    "load_config": "config",
    "Document": "document",
    "ConfigError": "errors",
    "InputError": "errors",
    "OutputError": "errors",
    "ScreenerError": "errors",
    "Explanation": "model",
    "FileReport": "model",
    "Finding": "model",
    "Report": "model",
    "Severity": "model",
    "Skipped": "model",
    "Privacy": "privacy",
    "redact_file": "redact",
    "redact_text": "redact",
    "Screener": "screening",
    "screen_bytes": "screening",
    "screen_document": "screening",
    "screen_file": "screening",
    "screen_text": "screening",
}

__all__ = [
    "Config",
    "ConfigError",
    "Document",
    "Explanation",
    "FileReport",
    "Finding",
    "InputError",
    "OutputError",
    "Privacy",
    "Report",
    "Screener",
    "ScreenerError",
    "Severity",
    "Skipped",
    "load_config",
    "redact_file",
    "redact_text",
    "screen_bytes",
    "screen_bytes",
    "screen_document",
    "screen_file",
    "screen_paths",
    "screen_text",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'screener' has no attribute {name!r}")
    value = getattr(_module(module), name)
    globals()[name] = value
    return value


def _module(name: str) -> ModuleType:
    """The defining module, imported on first use (a fixed table, no
    names from data: see SECURITY.md)."""
    if name == "batch":
        from . import batch
        return batch
    elif name == "config":
        from . import config
        return config
    elif name == "document":
        from . import document
        return document
    elif name == "errors":
        from . import errors
        return errors
    elif name == "model":
        from . import model
        return model
    elif name == "privacy":
        from . import privacy
        return privacy
    elif name == "redact":
        from . import redact
        return redact
    from . import screening
    return screening


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))


if TYPE_CHECKING:
    from .batch import screen_paths
    from .config import Config, load_config
    from .document import Document
    from .errors import ConfigError, InputError, OutputError, ScreenerError
    from .model import Explanation, FileReport, Finding, Report, Severity, Skipped
    from .privacy import Privacy
    from .redact import redact_file, redact_text
    from .screening import (
        Screener,
        screen_bytes,
        screen_document,
        screen_file,
        screen_text,
    )
