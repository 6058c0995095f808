"""The normalised view's drops (zero-width characters, a hard-wrap line
break between two Han characters) and the line index are found with
patterns that jump from break to break; they must give exactly what the
plain character-by-character loop gives."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.alphabets import INVISIBLE
from screener import document
from screener.document import Document, _drops


def plain_drops(text: str, wrap_join: bool = True) -> list[tuple[int, int]]:
    """The reference: one break at a time, in Python (the loop _drops replaced
    for long drafts, ``document._wraps_plain``)."""
    spans = [(i, i + 1) for i, ch in enumerate(text) if ch in INVISIBLE]
    merged: list[tuple[int, int]] = []
    for s, e in spans:  # runs of invisibles are one span, as _ZW's "+" makes them
        if merged and merged[-1][1] == s:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    spans = merged
    if wrap_join:  # one break at a time: the loop document.py keeps for short drafts
        spans += document._wraps_plain(text)
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


# The normalised view and its offsets: a long text with only \n breaks and no
# invisible character is cut at its hard wraps by one re.split (normalize);
# normalize_plain builds the same from the list of drops, one piece at a time.
_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts"


def _corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(_CORPUS.glob("*.txt"))]


def _long(text: str) -> str:
    return text * (document.WRAP_SCAN_FROM // max(len(text), 1) + 1) if text else ""


@pytest.mark.skipif(not _CORPUS.is_dir(), reason="the shared corpus is not beside the project")
def test_normalize_equals_the_plain_path_on_the_corpus():
    texts = _corpus_texts()
    joined = "\n\n".join(texts)  # as the benchmark joins them: well over WRAP_SCAN_FROM
    assert len(joined) >= document.WRAP_SCAN_FROM
    for text in [*texts, joined, joined.replace("\n", "\r\n"), joined.replace("。", "。\u200b")]:
        for wrap_join in (True, False):
            fast = document.normalize(_long(text), wrap_join)
            assert fast == document.normalize_plain(_long(text), wrap_join)
    # the joined corpus takes the split (no \r, no invisible) and has wraps to drop (the \r\n one too)
    assert "\r" not in joined and not any(ch in joined for ch in INVISIBLE)
    assert Document(joined)._normal[1]


@pytest.mark.parametrize("text", [
    "保密\n审查",  # one wrap
    "保密\n\u3000\u3000审查\n工作",  # indentation after the break goes too
    "第一章\n总则。\n\n第一条\n为了",  # paragraph ends kept, wraps dropped
    "ＡＢＣ公司\n审查ＸＹ\n１２３",  # full-width letters and digits fold around the wraps
    "审查\n\U00020000字",  # a character beyond the BMP after the break: not Han here
    "\ud800审\n查\udfff",  # lone surrogates (a library caller's str)
    "审\n查\r\n工作",  # \n and \r\n mixed: the plain path
    "审\r\n查\r\n\u3000\u3000工作。\r\n\r\n第二",  # only \r\n: the Windows split
    "审\r查\r\n工作",  # a lone \r: the plain path
    "审\r\r\n查",
    "审\u200b\n查",  # an invisible: the plain path
    "",
])
def test_normalize_equals_the_plain_path(text):
    for wrap_join in (True, False):
        assert document.normalize(text, wrap_join) == document.normalize_plain(text, wrap_join)
        long_text = _long(text)
        assert document.normalize(long_text, wrap_join) == document.normalize_plain(long_text, wrap_join)
        norm = document.normalize(long_text, wrap_join)[0]
        assert len(norm) <= len(long_text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "ＡＢａ９Z\n\n审查", max_size=200), st.booleans())
def test_normalize_equals_the_plain_path_on_random_texts(text, wrap_join):
    long_text = _long(text)
    assert document.normalize(long_text, wrap_join) == document.normalize_plain(long_text, wrap_join)
    no_cr = long_text.replace("\r", "").replace("\u200b", "").replace("\ufeff", "")
    assert document.normalize(no_cr, wrap_join) == document.normalize_plain(no_cr, wrap_join)
    crlf = no_cr.replace("\n", "\r\n")  # a Windows text: every break \r\n
    assert document.normalize(crlf, wrap_join) == document.normalize_plain(crlf, wrap_join)
