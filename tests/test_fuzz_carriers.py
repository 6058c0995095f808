"""Fuzz and hostile-input tests for what the attach work added (issue 15
point 9, attach point 6): formula constants and pictures read from BIFF
records, .xls property sets and MBD storages, .ods frames and formulas,
.xlsx raw formulas, and the PDF stream bound.

Seeds carry every new part (a formula with literals, a picture, an embedded
object, properties), so mutations reach the new readers; the record walkers
also get arbitrary bytes directly.  Each load gives a Document or one clear
InputError line, never a traceback or a hang."""
from __future__ import annotations

import io
import tempfile
import zlib
from pathlib import Path

import openpyxl
import pytest
import xlwt
from hypothesis import given, settings
from hypothesis import strategies as st

import gen
import sheet_factory as sf
from ole_factory import xls_with
from screener.errors import InputError
from screener.loaders import biff, pdf_bounds
from test_fuzz_loaders import FUZZ_EXAMPLES, check_outcome, mutated, zip_member_mutated
from test_pdf_bounds import _pdf, _zeros
from test_sheet_carriers import _FRAME_IMAGE, _PNG, _bmp, _ods_with

ID = gen.id_number("530427", "19850312", "123")


def _xls_seed() -> bytes:
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("花名册")
    ws.write(0, 0, "姓名")
    ws.write(1, 0, xlwt.Formula(f'"张三 "&"{ID}"'))
    ws.write(1, 1, xlwt.Formula('HYPERLINK("tel:15114177763";"电话")'))
    ws.insert_bitmap_data(_bmp(), 3, 0)
    out = io.BytesIO()
    wb.save(out)
    return xls_with(out.getvalue(), properties={"keywords": f"陈德才 {ID}", "company": "平掌乡"}, embedded=1)


def _xlsx_seed() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = f'="张三 "&"{ID}"'
    ws["B1"] = '=HYPERLINK("tel:15114177763","电话")'
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _ods_seed() -> bytes:
    row = (f'<table:table-row><table:table-cell table:formula="of:=&quot;{ID}&quot;" office:value-type="string">'
           f'<text:p>{ID}</text:p></table:table-cell></table:table-row>')
    return _ods_with(f"{row}<table:shapes>{_FRAME_IMAGE}</table:shapes>", {"Pictures/a.png": _PNG})


SEEDS = {".xls": _xls_seed(), ".et": _xls_seed(), ".xlsx": _xlsx_seed(), ".ods": _ods_seed()}


@pytest.mark.parametrize("suffix", sorted(SEEDS))
@settings(max_examples=FUZZ_EXAMPLES)
@given(data=st.data())
def test_carrier_seeds_mutated_give_a_document_or_one_clear_error(suffix, data):
    seed = SEEDS[suffix]
    options = [mutated([seed])] + ([zip_member_mutated(seed)] if seed.startswith(b"PK") else [])
    payload = data.draw(st.one_of(options), label="payload")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"表{suffix}"
        path.write_bytes(payload)
        check_outcome(path)


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_carrier_seeds_and_their_truncations(suffix, tmp_path):
    seed = SEEDS[suffix]
    for cut in sorted({len(seed), len(seed) - 1, len(seed) // 2, len(seed) // 3, 4096, 512, 0}):
        path = tmp_path / f"seed-{cut}{suffix}"
        path.write_bytes(seed[:cut])
        check_outcome(path)


@settings(max_examples=FUZZ_EXAMPLES)
@given(rgce=st.binary(max_size=300))
def test_formula_tokens_of_any_bytes_end_without_error(rgce):
    found = biff.constants(rgce)
    assert len(found) <= biff.MAX_LITERALS and all(isinstance(v, (str, float)) for v in found)


@settings(max_examples=FUZZ_EXAMPLES)
@given(mem=st.binary(max_size=2048), pos=st.integers(min_value=-4, max_value=2100))
def test_a_sheet_substream_of_any_bytes_is_walked_without_error(mem, pos):
    records = biff.read_sheet(mem, pos)
    assert records.pictures >= 0


@pytest.mark.parametrize("rgce", [
    b"\x17\xff\x01" + "号".encode("utf-16-le"),  # a string constant longer than the token data
    b"\x19\x04\xff\xff",                        # tAttrChoose claiming 65,536 offsets
    b"\x1f\x00\x00",                             # a number constant cut short
    b"\x18\x01\x17\x01\x00A",                   # an unknown token first: nothing after it is guessed
])
def test_hostile_formula_tokens(rgce):
    assert biff.constants(rgce) in ([], ["号"], [])


_PDF_SEED = _pdf([zlib.compress(b"BT /F1 12 Tf (x) Tj ET"), _zeros(2 << 20)])


@settings(max_examples=FUZZ_EXAMPLES)
@given(payload=mutated([_PDF_SEED]))
def test_the_stream_bound_on_any_pdf_bytes_passes_or_refuses_in_one_line(payload):
    try:
        pdf_bounds.check_streams(payload, "公示.pdf")
    except InputError as exc:
        assert "\n" not in str(exc) and "解压后过大" in exc.problem


@pytest.mark.parametrize("body", [
    b"<< /Length 5 0 R /Filter /FlateDecode >>\nstream\n",        # no data, no endstream
    b"<< /Filter [/FlateDecode /FlateDecode /FlateDecode /FlateDecode /FlateDecode /FlateDecode] >>\nstream\nxx",
    b"endstream\nstream\nstream\r\n" * 1000,                      # keywords only
    b"<< /Length 99999999999999999999 /Filter /FlateDecode >>\nstream\n\x78\x9c",
])
def test_hostile_stream_dictionaries(body, tmp_path):
    pdf_bounds.check_streams(b"%PDF-1.7\n1 0 obj\n" + body, "公示.pdf")
    path = tmp_path / "公示.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n" + body)
    check_outcome(path)
