"""Comma- or tab-separated tables (.csv, and an .xls that is really CSV/TSV text).

Decoded exactly as a text draft is (UTF-8 with or without BOM, UTF-16 with
BOM, GB18030/GBK; ``--encoding`` overrides), then split by the standard
library's csv reader with the delimiter the first lines use.  A CSV saved
from Excel carries an ID that was stored as a number in its scientific form
(5.30427E+17); detectors/damaged_id.py reports it.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from .sheet_layout import CellValue, Sheet, SheetDocument, Workbook, build_document
from .text import decode

_DELIMITERS = ",\t;|"
_MAX_FIELD = 16 * 1024 * 1024


def _delimiter(text: str) -> str:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in _DELIMITERS}
        best = max(counts, key=counts.__getitem__)
        return best if counts[best] else ","


def read_csv(text: str, name: str) -> Workbook:
    csv.field_size_limit(_MAX_FIELD)
    sheet = Sheet(name=name)
    delimiter = _delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error:  # a field over the limit, a NUL: split plainly so nothing goes unread
        rows = [line.split(delimiter) for line in text.splitlines()]
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value.strip():
                sheet.cells.append(CellValue(r, c, value))
    return Workbook(sheets=[sheet])


def load_csv(path: Path, data: bytes, encoding: str | None = None) -> SheetDocument:
    text = decode(data, str(path), encoding)
    return build_document(read_csv(text, Path(path).stem or "CSV"), str(path))
