"""Blank .docx table cells stay cells (issue 15, attach point 4).

An annual-report row ``一、本年新收… | 0 | | 3 …`` with a blank cell must keep
its seven columns when read from Word: before, the .docx walk wrote nothing
for an empty cell, so the row read as six figures and the annual-report
checks said 未核对 instead of checking it.  The corpus tables are made into
real Word tables with python-docx; the corpus text as stored is the
reference."""
from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from annual_samples import CORPUS, SEED
from docx_factory import build_docx
from screener import screen_file
from screener.loaders.docx import load_docx

CORPUS_REPORT = CORPUS / "texts" / "013.txt"  # 2023 township report, every cell on its own line between "|"
_VALUE = re.compile(r"\d+")
_HEADING = re.compile(r"^[一二三四五六]、(?:总体情况|主动公开|收到和处理|政府信息公开行政复议|存在的主要问题|其他需要报告)")

pytestmark = pytest.mark.skipif(not CORPUS_REPORT.is_file(), reason="the corpus ../shared/corpus is not here")


def _corpus_blocks(text: str, blank_zeros_after: str | None = None) -> list:
    """The corpus text as paragraphs and tables: after 表格如下, a label cell
    starts a row and the figures after it fill the row; with
    ``blank_zeros_after`` the 0s in the 2nd and 3rd columns of figures of every
    row after that label are left blank, as offices leave them."""
    blocks: list = []
    table: list[list[str]] | None = None
    blanking = False
    lines = [line.strip() for line in text.splitlines()]
    for line in lines:
        if not line or line == "|":
            continue
        if table is not None and _HEADING.match(line):
            blocks.append(table)
            table = None
        if table is None:
            blocks.append(line)
            if line.endswith("表格如下:"):
                table = []
            continue
        if _VALUE.fullmatch(line) and table:
            blank = blanking and line == "0" and len(table[-1]) in (2, 3)  # the 2nd and 3rd figures
            table[-1].append("" if blank else line)
        else:
            if blank_zeros_after is not None and line.startswith(blank_zeros_after):
                blanking = True
            table.append([line])
    if table:
        blocks.append(table)
    width = max(len(row) for part in blocks if isinstance(part, list) for row in part)
    return [part if isinstance(part, str) else [row + [""] * (width - len(row)) for row in part]
            for part in blocks]


def _annual(path: Path) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in screen_file(path).findings if f.kind == "annual-report"]


def test_a_corpus_report_as_docx_reads_as_its_text(tmp_path):
    text = CORPUS_REPORT.read_text(encoding="utf-8")
    path = build_docx(tmp_path / "年报.docx", _corpus_blocks(text))
    assert _annual(path) == _annual(CORPUS_REPORT) == []


def test_blank_cells_of_a_corpus_table_keep_their_columns(tmp_path):
    """Zeros left blank mid-row: the rows are still checked (blanks as 0, one AR606
    warning naming the blanks), never 未核对 for want of columns."""
    text = CORPUS_REPORT.read_text(encoding="utf-8")
    path = build_docx(tmp_path / "年报.docx", _corpus_blocks(text, blank_zeros_after="一、本年新收"))
    found = _annual(path)
    assert [code for code, _ in found] == ["AR606"], found
    assert "格空白" in found[0][1] and "已按 0 核对" in found[0][1]


@pytest.mark.parametrize("cells, line", [
    (["一、本年新收", "0", "", "3"], "一、本年新收\t0\t\t3"),   # blank in the middle
    (["", "姓名", "身份证号码"], "\t姓名\t身份证号码"),           # blank first cell: not joined to the row before
    (["张三", "13812345678", ""], "张三\t13812345678\t"),       # blank last cell
    (["", "", ""], None),                                       # a row with no text adds nothing
])
def test_blank_cells_keep_their_place_in_the_row(tmp_path, cells, line):
    d = docx.Document()
    d.add_paragraph("附件")
    table = d.add_table(rows=3, cols=len(cells))
    for r, row in enumerate((["甲", "乙", "丙", "丁"][:len(cells)], cells, ["末", "行", "尾", "端"][:len(cells)])):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    path = tmp_path / "表.docx"
    d.save(str(path))
    lines = load_docx(path, path.read_bytes()).text.splitlines()
    first, last = "\t".join(["甲", "乙", "丙", "丁"][:len(cells)]), "\t".join(["末", "行", "尾", "端"][:len(cells)])
    assert lines[:2] == ["附件", first] and last in lines
    assert lines[2:lines.index(last)] == ([line] if line is not None else [])


def test_the_seed_reads_the_same_as_docx(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"(?<=。) ", text) if p.strip()]
    path = build_docx(tmp_path / "年报.docx", paragraphs)
    assert [c for c, _ in _annual(path)] == [c for c, _ in _annual(SEED)]
