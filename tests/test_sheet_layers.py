"""Where the sheet's pieces live (issue 11, points 4 and 6): the sheet's
content is computed in ``screener.sheet``; ``render/`` only formats it; and
no detector reaches into a loader (what a loader could not read travels on
the Document)."""
from __future__ import annotations

import pytest

from screener.detectors import unchecked
from screener.document import Document, Unread
from screener.config import Config
from test_architecture import PACKAGE, _graph, _module_name

GRAPH = _graph()
FORMATTERS = sorted(_module_name(p) for p in (PACKAGE / "render").glob("sheet_*.py"))
DETECTORS = sorted(_module_name(p) for p in (PACKAGE / "detectors").glob("*.py"))
# what a sheet formatter may not import: screening, the rule registry, the
# detectors, the privacy owner and the verdict policy all sit with the content
FORBIDDEN = ("screener.screening", "screener.detectors", "screener.privacy", "screener.outcome",
             "screener.sheet.verdict", "screener.sheet.safe", "screener.sheet.header", "screener.loaders")


def test_the_formatters_and_the_content_modules_exist():
    assert {"screener.render.sheet_md", "screener.render.sheet_html", "screener.render.sheet_docx",
            "screener.render.sheet_formats"} <= set(FORMATTERS)
    assert {"screener.sheet.model", "screener.sheet.header", "screener.sheet.verdict",
            "screener.sheet.safe", "screener.sheet.fields"} <= set(GRAPH)
    assert not [m for m in GRAPH if m.startswith("screener.render.sheet_")
                and m.rsplit("_", 1)[-1] in ("model", "header", "verdict", "safe")]


@pytest.mark.parametrize("module", FORMATTERS)
def test_a_sheet_formatter_only_formats(module):
    bad = sorted(m for m in GRAPH[module] if m.startswith(FORBIDDEN))
    assert bad == [], f"{module} imports {bad}"


@pytest.mark.parametrize("module", DETECTORS)
def test_no_detector_imports_a_loader(module):
    assert not [m for m in GRAPH[module] if m.startswith("screener.loaders")]


@pytest.mark.parametrize("unread, codes", [
    ((), []),
    ((Unread(0, 12, "scan", "第1页"),), ["UC701"]),
    ((Unread(0, 12, "scan", "第1页"), Unread(13, 20, "picture", "第2页"),
      Unread(21, 30, "embedded", "附件")), ["UC701", "UC703", "UC702"]),
])
def test_unread_spans_on_a_plain_document_are_reported(unread, codes):
    """The detector reads the Document's field, whichever loader filled it."""
    doc = Document("〔第1页没有文字层〕\n〔第2页图片〕\n〔附件未检查〕\n", "x.pdf", unread=unread,
                   source_format="PDF")
    found = list(unchecked.detect(doc, Config()))
    assert [f.code for f in found] == codes
    assert all(f.severity >= f.severity.INFO and "未" in f.message for f in found)
