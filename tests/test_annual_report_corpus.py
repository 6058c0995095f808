"""The annual-report checks on the real texts of ../shared/corpus.

Every finding they give was judged against the text (corpus/index.jsonl
notes agree): each is a true finding, recorded here with the reason.  The
stored texts are excerpts of about 2,000 bytes, cut off inside a table; the
rows after the cut are not read, so no relation is checked on a half table.
Every other corpus text, annual report or not, gives no annual-report finding.
"""
from __future__ import annotations

import json

import pytest

from annual_samples import CORPUS
from screener import screen_file
from screener.annual.report import complete_rows, read_report
from screener.document import Document

pytestmark = pytest.mark.skipif(not (CORPUS / "index.jsonl").is_file(),
                                reason="the corpus ../shared/corpus is not here")

# file -> (code, the text it points at, why it is true)
TRUE_FINDINGS = {
    # 2019 trial layout, 2019 report: 表三 has every row label and not one figure
    # (index: "a reviewer would flag the empty statistics tables as incomplete").
    "011.txt": [("AR606", "三、收到和处理政府信息公开申请情况")],
    # A 2022 report still in the 2019 trial tables (index: "a format-version
    # mismatch a reviewer should flag").
    "017.txt": [("AR601", "本年新制作数量")],
    # 2020 report: the period reads 1月1日至12月21日 (index: "a likely typo worth
    # a reviewer's query"), and 6391 条 are said to be 1105 + 2896 + 2004 = 6005
    # with the last part named 其他信息 (index: "≠ 6391 as published").
    "018.txt": [("AR611", "2020年1月1日至12月21日"), ("AR608", "6391")],
}


def _entries() -> list[dict]:
    if not (CORPUS / "index.jsonl").is_file():
        return []
    return [json.loads(line) for line in (CORPUS / "index.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


ANNUAL = [e["file"] for e in _entries() if e.get("category") == "年报"]
OTHERS = [e["file"] for e in _entries() if e.get("category") != "年报"]


def annual_findings(name: str) -> list[tuple[str, str]]:
    report = screen_file(CORPUS / "texts" / name)
    return [(f.code, f.text) for f in report.findings if f.kind == "annual-report"]


def test_the_corpus_holds_reports_of_both_layouts():
    notes = {e["file"]: e["kind"] + e["notes"] for e in _entries()}
    assert any("2021+ format" in notes[f] or "2021 format" in notes[f] for f in ANNUAL)
    assert any("2019 trial" in notes[f] for f in ANNUAL)


@pytest.mark.parametrize("name", ANNUAL)
def test_real_annual_reports_give_only_true_findings(name):
    assert annual_findings(name) == TRUE_FINDINGS.get(name, [])


@pytest.mark.parametrize("name", OTHERS)
def test_other_real_texts_are_not_taken_for_annual_reports(name):
    assert annual_findings(name) == []


@pytest.mark.parametrize("name, layout, rows", [("012.txt", "2021", 7), ("013.txt", "2021", 9), ("009.txt", "2019", 0)])
def test_the_real_tables_are_read_not_skipped(name, layout, rows):
    """012 (one cell per line) and 013 (a '|' per line) are read row by row up
    to the cut; 009 is cut off before its table 三."""
    doc = Document((CORPUS / "texts" / name).read_text(encoding="utf-8"))
    report = read_report(doc.normalized)
    assert report is not None and report.layout == layout
    read = complete_rows(report.table3) if report.table3 else []
    assert len(read) == rows and all(c.value == 0 for r in read for c in r.cells)
