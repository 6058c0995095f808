"""Document.line_col's block index gives the same line and column as the
plain list of line starts, at every offset of texts shaped like real drafts
(tests/number_snapshot.py proves the same for whole reports)."""
from __future__ import annotations

import bisect
import random

import pytest

from screener.document import _LINE_BLOCK, Document


def _plain(doc: Document, offset: int) -> tuple[int, int]:
    starts = doc._line_starts
    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1


def _random_text(seed: int) -> str:
    rng = random.Random(seed)
    pieces = ["联系电话：0871-65432100", "\n", "\n\n", "。", "a", "户主张某某", " " * 50, "表\t格\t行"]
    out = []
    while sum(map(len, out)) < 3 * _LINE_BLOCK:
        out.append(rng.choice(pieces) * rng.choice((1, 1, 3, 200)))
    return "".join(out)


TEXTS = [
    "",
    "no line break at all",
    "\n",
    "第一行\n第二行\n",
    "\n\n\n开头是空行",
    "x" * (2 * _LINE_BLOCK) + "\n" + "y" * 10,  # a line longer than a block
    "\n" * _LINE_BLOCK + "z",  # a block of breaks only
    "a" * (_LINE_BLOCK - 1) + "\n" + "b" * _LINE_BLOCK,  # a break at a block's last character
    "a" * _LINE_BLOCK + "\nb",  # a break at a block's first character
    "Windows\r\nlines\r\n",  # served by the list of line starts
    "old Mac\rlines\r",
] + [_random_text(seed) for seed in range(4)]


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_line_col_equals_the_plain_index(text: str) -> None:
    doc = Document(text)
    for offset in range(len(text) + 1):
        assert doc.line_col(offset) == _plain(doc, offset), offset


@pytest.mark.parametrize(("text", "offset", "expected"), [
    ("第一行\n第二行", 4, (2, 1)),
    ("第一行\n第二行", 6, (2, 3)),
    ("abc", 0, (1, 1)),
    ("x" * 5000 + "\nend", 5003, (2, 3)),
    ("\r\nx", 2, (2, 1)),
])
def test_line_col_as_a_clerk_counts(text: str, offset: int, expected: tuple[int, int]) -> None:
    assert Document(text).line_col(offset) == expected
