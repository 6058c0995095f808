"""Fuzz targets for the spreadsheet and archive loaders (issue 15 point 9),
in the style of test_fuzz_loaders.py: real seeds (a roster as .xlsx, .xls,
.ods, a GBK-named .zip), byte-level mutations, member-level mutations that
keep the CRC valid (so the damage reaches the XML parser and the BIFF
reader, not only the zip reader), and every truncation of note.  Each load
must give a Document that screens cleanly, or one clear InputError line;
an archive gives members, each a Document or an InputError."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import sheet_factory as sf
from screener.errors import InputError
from screener.loaders import load_archive
from test_fuzz_loaders import FUZZ_EXAMPLES, check_outcome, mutated, zip_member_mutated

SEEDS = {
    ".xlsx": [sf.roster_xlsx()],
    ".xls": [sf.roster_xls()],
    ".ods": [sf.roster_ods()],
    ".csv": ["姓名,身份证号码\n张三,5.30427E+17\n".encode("gbk"), b'a,"b\n,c'],
}


def _payloads(suffix: str):
    seeds = SEEDS[suffix]
    options = [mutated(seeds), st.binary(max_size=2048)]
    options += [zip_member_mutated(s) for s in seeds if s.startswith(b"PK")]
    return st.one_of(options)


@pytest.mark.parametrize("suffix", sorted(SEEDS))
@settings(max_examples=FUZZ_EXAMPLES)
@given(data=st.data())
def test_sheet_loader_gives_a_document_or_one_clear_error(suffix, data):
    payload = data.draw(_payloads(suffix), label="payload")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"表{suffix}"
        path.write_bytes(payload)
        check_outcome(path)


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_seeds_and_their_truncations(suffix, tmp_path):
    for n, seed in enumerate(SEEDS[suffix]):
        for cut in sorted({len(seed), len(seed) - 1, len(seed) // 2, len(seed) // 3, 512, 30, 4, 0}):
            if 0 <= cut <= len(seed):
                path = tmp_path / f"seed{n}-{cut}{suffix}"
                path.write_bytes(seed[:cut])
                check_outcome(path)


_ARCHIVE = sf.zip_of({"附件1-花名册.xlsx": sf.roster_xlsx(), "说明.txt": "户主张三 13812345678".encode("gbk")})


@settings(max_examples=FUZZ_EXAMPLES)
@given(payload=st.one_of(mutated([_ARCHIVE]), zip_member_mutated(_ARCHIVE)))
def test_archive_gives_members_or_one_clear_error(payload):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "附件.zip"
        path.write_bytes(payload)
        try:
            members = load_archive(path)
        except InputError as exc:
            assert str(exc).strip() and "\n" not in str(exc)
            return
        for shown, loaded in members:
            assert shown.startswith(f"{path} › ")
            if isinstance(loaded, InputError):
                assert loaded.problem and "\n" not in loaded.problem
