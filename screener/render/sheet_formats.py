"""The one way a Sheet becomes output: ``render_sheet(sheet, format)``.

``screen check --format sheet`` (Markdown on the terminal), ``--sheet OUT``
(a .docx, .html or .md file) and the web page's download all call it, so a
sheet reads the same whichever way it was asked for.  This module only picks
the formatter; what the sheet says is computed once in ``screener.sheet``.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from ..errors import OutputError
from ..sheet.model import Sheet
from .sheet_docx import render_sheet_docx
from .sheet_html import render_sheet_html
from .sheet_md import SEPARATOR, render_sheet_md

FORMATS = ("docx", "html", "md")
# file extensions a sheet may be written as, and the format each names
SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".md": "md"}
_RENDERERS: dict[str, Callable[[Sheet], bytes]] = {
    "docx": render_sheet_docx,
    "html": lambda sheet: render_sheet_html(sheet).encode("utf-8"),
    "md": lambda sheet: render_sheet_md(sheet).encode("utf-8"),
}


def format_of(suffix: str) -> str:
    """The sheet format a file extension names (.docx, .html/.htm, .md);
    any other extension is an OutputError saying which ones work."""
    fmt = SUFFIXES.get(suffix.lower())
    if fmt is None:
        raise OutputError(f"不支持的审批表格式“{suffix or '（无扩展名）'}”，请用 .docx、.html 或 .md")
    return fmt


def render_sheet(sheet: Sheet, fmt: str) -> bytes:
    """``sheet`` as the bytes of a ``fmt`` file: "docx", "html" (UTF-8) or
    "md" (UTF-8)."""
    renderer = _RENDERERS.get(fmt)
    if renderer is None:
        raise OutputError(f"不支持的审批表格式“{fmt}”，可用：{'、'.join(FORMATS)}")
    return renderer(sheet)


def render_sheets_text(sheets: Sequence[Sheet]) -> str:
    """Several drafts' sheets as one Markdown text (``--format sheet``),
    each rendered by ``render_sheet`` and separated by a rule."""
    return SEPARATOR.join(render_sheet(s, "md").decode("utf-8") for s in sheets)
