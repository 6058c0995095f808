"""The normalised view and the offset maps every detector relies on."""
import pytest

from screener.document import Document, Segment


@pytest.mark.parametrize(
    "text, normalized",
    [
        ("plain 文本", "plain 文本"),
        ("ＡＢｃ１２３", "abc123"),  # full-width letters and digits fold, capitals lower
        ("村\u200b长", "村长"),  # zero-width space dropped
        ("台湾\n总统", "台湾总统"),  # hard-wrapped CJK joins
        ("台湾\r\n  总统", "台湾总统"),  # CRLF plus indentation
        ("台湾\n\n总统", "台湾\n\n总统"),  # a blank line is a paragraph break: kept
        ("abc\ndef", "abc\ndef"),  # Latin line breaks kept
        ("（０８７１）", "（0871）"),  # full-width brackets are not folded, digits are
        ("，：；", "，：；"),  # full-width punctuation untouched
    ],
)
def test_normalized_view(text, normalized):
    assert Document(text).normalized == normalized


@pytest.mark.parametrize("text", ["ＡＢ\u200b身份\n证号　１２3X", "a\u200b\u200cb\n中\n文", "中\r\n文\u00ad字"])
def test_every_normalised_character_maps_back(text):
    doc = Document(text)
    for i, ch in enumerate(doc.normalized):
        o = doc.to_original(i)
        assert doc.text[o].lower() == ch or ord(doc.text[o]) - 0xFEE0 == ord(ch.upper()) or \
            ord(doc.text[o]) - 0xFEE0 == ord(ch)


def test_span_to_original_excludes_dropped_characters_at_the_end():
    doc = Document("村\u200b长\u200b")
    assert doc.normalized == "村长"
    assert doc.span_to_original(0, 2) == (0, 3)
    assert doc.text[0:3] == "村\u200b长"


@pytest.mark.parametrize(
    "text, offset, line_col",
    [("a\nb", 2, (2, 1)), ("a\r\nb", 3, (2, 1)), ("a\rb", 2, (2, 1)), ("ab", 1, (1, 2)), ("\n\nx", 2, (3, 1))],
)
def test_line_and_column(text, offset, line_col):
    assert Document(text).line_col(offset) == line_col


def test_location_from_segments():
    doc = Document("页眉文字\n正文", segments=(Segment(0, 4, "页眉"), Segment(5, 7, "第1段")))
    assert doc.location(1) == "页眉"
    assert doc.location(6) == "第1段"
    assert doc.location(4) is None


# -- to_normalized is the inverse of to_original for every kept character ------

from hypothesis import given, strategies as st  # noqa: E402

_DROPPY = ["臺灣", "简体", "，", "\u200b", "\u00ad", "\u2060", "\n", "\r\n", "\r", "\n\u3000\u3000", " ", "ＡＢ", "12", "x"]


@given(st.lists(st.sampled_from(_DROPPY), max_size=40).map("".join), st.booleans())
def test_to_normalized_inverts_to_original(text, wrap_join):
    doc = Document(text, wrap_join=wrap_join)
    norm = doc.normalized
    kept = {doc.to_original(q): q for q in range(len(norm))}  # every kept character, by its original offset
    for p, q in kept.items():
        assert doc.to_normalized(p) == q, (text, p)
    for p, ch in enumerate(text):
        if "\u4e00" <= ch <= "\u9fff":  # a CJK character is always kept
            assert p in kept and norm[doc.to_normalized(p)] == ch
