"""The Markdown sheet: an exact snapshot for a fixed Report, and escaping.

The snapshot (tests/snapshots/sheet_sample.md) is the whole form for the
hand-built sample report; a change to the sheet's wording or layout shows up
here as a diff to review, and the file is then updated by hand.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from sheet_samples import ALL_KINDS, PERSONAL_VALUES, sample_report, unmarked_report

from screener.model import FileReport
from screener.render.sheet_md import md_code, md_text, render_sheet_md, render_sheets_md
from screener.sheet.model import build_sheet
from screener.sheet.fields import SheetFields

SNAPSHOT = Path(__file__).parent / "snapshots" / "sheet_sample.md"
FIELDS = SheetFields(unit="平掌乡人民政府", drafter="王某", date=dt.date(2024, 6, 3),
                     publish_method="政府网站", publish_attr="主动公开")


def test_markdown_sheet_snapshot():
    # the sample without its 密级 marking: a marked draft's sheet carries no
    # draft text (tested below), so it would not show the findings' contents
    sheet = build_sheet(unmarked_report(), FIELDS, checked=ALL_KINDS)
    assert render_sheet_md(sheet) == SNAPSHOT.read_text(encoding="utf-8")


def test_markdown_sheet_of_a_marked_draft_carries_no_draft_text():
    text = render_sheet_md(build_sheet(sample_report(), FIELDS, checked=ALL_KINDS))
    assert "线下定密／保密审查" in text and "不予公开·需报审" in text
    for words in ("临时救助", "新政办发", "亲自", "村长", "最佳", "机密★5年", "张某某"):
        assert words not in text


def test_markdown_sheet_never_shows_a_personal_number_even_with_show_values_elsewhere():
    text = render_sheet_md(build_sheet(sample_report(), FIELDS, checked=ALL_KINDS))
    for value in PERSONAL_VALUES:
        assert value not in text
    assert "19850312" not in text


def test_several_sheets_are_separated_by_a_rule():
    one = render_sheet_md(build_sheet(sample_report(), FIELDS, checked=ALL_KINDS))
    two = render_sheets_md([build_sheet(sample_report(), FIELDS, checked=ALL_KINDS)] * 2)
    assert two == one + "\n---\n\n" + one


@pytest.mark.parametrize("value, escaped", [
    ("普通文字", "普通文字"),
    ("a|b", "a\\|b"),
    ("138****5678", "138\\*\\*\\*\\*5678"),
    ("seed_2019_report.txt", "seed_2019_report.txt"),
    ("_强调_", "\\_强调\\_"),
    ("<script>", "\\<script\\>"),
    ("第一行\n第二行", "第一行 第二行"),
    ("[链接](x)", "\\[链接\\](x)"),
])
def test_md_text_escapes(value, escaped):
    assert md_text(value) == escaped


@pytest.mark.parametrize("value, code", [
    ("139****1815", "`139****1815`"),
    ("a|b", "`a\\|b`"),
    ("a`b", "``a`b``"),
    ("`x", "`` `x ``"),
    ("", ""),
])
def test_md_code_spans(value, code):
    assert md_code(value) == code


def test_draft_text_cannot_break_the_table():
    fr = unmarked_report()
    odd = replace(fr.findings[5], text="亲|自", suggestion="a | b\n换行")
    sheet = build_sheet(FileReport(fr.path, (*fr.findings[:5], odd, *fr.findings[6:]), fr.chars,
                                   document=fr.document), checked=ALL_KINDS)
    row = [ln for ln in render_sheet_md(sheet).splitlines() if ln.startswith("| 6 |")][0]
    assert row.count(" | ") == 6 and "`亲\\|自`" in row and "a \\| b 换行" in row
