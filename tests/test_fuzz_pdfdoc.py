"""Fuzz targets for the PDF, OFD and .doc/.wps loaders: any bytes give a
Document or one clear InputError, never a traceback or a hang.

Seeds are real files from the tests' own writers (pdf_factory, ofd_factory,
doc_factory), mutated byte by byte and, for OFD, inside the zip (the member
rewritten with a valid CRC, so the damage reaches the XML reader).  The
generic loader fuzz (test_fuzz_loaders.py) feeds each loader its own seeds
(paged_seeds.py) and text; here each file named for one format also receives
mutations of the others' (wrong extensions are sniffed), and .wps is fuzzed
as well as .doc.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from paged_seeds import paged_seeds
from test_fuzz_loaders import FUZZ_EXAMPLES, check_outcome, mutated, zip_member_mutated

SEEDS = {suffix: list(seeds) for suffix, seeds in paged_seeds().items()}
ALL = [s for group in SEEDS.values() for s in group]


def fuzz_bytes(suffix: str):
    own = SEEDS[suffix]
    options = [mutated(own), mutated(ALL), st.binary(max_size=2048)]
    options += [zip_member_mutated(s) for s in own if s.startswith(b"PK")]
    return st.one_of(options)


@pytest.mark.parametrize("suffix", sorted(SEEDS) + [".wps"])
@settings(max_examples=FUZZ_EXAMPLES)
@given(data=st.data())
def test_loader_gives_a_document_or_one_clear_error(suffix, data):
    payload = data.draw(fuzz_bytes(".doc" if suffix == ".wps" else suffix), label="payload")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"draft{suffix}"
        path.write_bytes(payload)
        check_outcome(path)


@pytest.mark.parametrize("suffix", sorted(SEEDS))
def test_seeds_load_and_every_truncation_is_safe(suffix, tmp_path):
    for n, seed in enumerate(SEEDS[suffix]):
        for cut in sorted({len(seed), len(seed) - 1, len(seed) * 3 // 4, len(seed) // 2, 600, 100, 8, 0}):
            path = tmp_path / f"seed{n}-{cut}{suffix}"
            path.write_bytes(seed[:cut])
            check_outcome(path)
