"""The normalised view's drops (zero-width characters, a hard-wrap line
break between two Han characters) and the line index are found with
patterns that jump from break to break; they must give exactly what the
plain character-by-character loop gives."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.alphabets import INVISIBLE, is_han
from screener import document
from screener.document import Document, _drops


def plain_drops(text: str, wrap_join: bool = True) -> list[tuple[int, int]]:
    """The reference: one break at a time, in Python (the loop _drops replaced)."""
    spans = [(i, i + 1) for i, ch in enumerate(text) if ch in INVISIBLE]
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # runs of invisibles are one span, as _ZW's "+" makes them
        if merged and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    spans = merged
    for brk in ("\n", "\r") if wrap_join else ():
        pos = text.find(brk)
        while pos >= 0:
            start = pos - 1 if brk == "\n" and pos and text[pos - 1] == "\r" else pos
            if start > 0 and is_han(text[start - 1]):
                end = pos + 1
                while end < len(text) and text[end] in " \t\u3000":
                    end += 1
                if (brk == "\n" or text[end:end + 1] != "\n") and end < len(text) and is_han(text[end]):
                    spans.append((start, end))
            pos = text.find(brk, pos + 1)
        spans.sort()
    return spans


def plain_line_starts(text: str) -> list[int]:
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r":
            i += 2 if text[i + 1:i + 2] == "\n" else 1
            starts.append(i)
        elif text[i] == "\n":
            i += 1
            starts.append(i)
        else:
            i += 1
    return starts


@pytest.mark.parametrize("text, dropped", [
    ("保密\n审查", ["\n"]),  # a hard wrap inside a word
    ("保密\r\n审查", ["\r\n"]),
    ("保密\r审查", ["\r"]),
    ("保密\n\u3000\u3000审查", ["\n\u3000\u3000"]),  # the next line's indentation goes too
    ("保密。\n审查", []),  # after 。 the break is a paragraph end
    ("保密\n\n审查", []),  # a blank line is a paragraph end
    ("保密\r \n审查", []),
    ("电话\n13912345678", []),  # a digit after the break
    ("\n审查", []),
    ("审\u200b查", ["\u200b"]),
    ("审\u200b\n查", ["\u200b"]),  # the break has an invisible before it, not a Han
])
def test_known_breaks(text, dropped):
    assert [text[s:e] for s, e in _drops(text)] == dropped
    assert _drops(text) == plain_drops(text)
    padded = "。" * document.WRAP_SCAN_FROM + text  # long enough for the patterns
    assert [padded[s:e] for s, e in _drops(padded)] == dropped


_ALPHABET = "中文。1a \t\u3000\n\n\r\r\u200b\ufeff"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200), st.booleans())
def test_same_drops_as_the_plain_loop(text, wrap_join):
    assert _drops(text, wrap_join) == plain_drops(text, wrap_join)
    # and through the patterns a long draft takes
    long_text = text * (document.WRAP_SCAN_FROM // max(len(text), 1) + 1) if text else ""
    assert _drops(long_text, wrap_join) == plain_drops(long_text, wrap_join)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_same_line_starts_as_the_plain_loop(text):
    doc = Document(text)
    starts = plain_line_starts(text)
    assert list(doc._line_starts) == starts
    for offset in range(len(text) + 1):
        line, col = doc.line_col(offset)
        assert starts[line - 1] + col - 1 == offset
