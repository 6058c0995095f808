"""Default masks hide the birth date and most of each number (issue 4 §6)."""
import pytest

import gen
from screener.privacy import mask, masked_slice
from screener.model import Finding, Severity

ID = gen.id_number("110105", "19491231", "002")


@pytest.mark.parametrize(
    "kind, value, masked",
    [
        ("id-card", ID, ID[:2] + "*" * 14 + ID[-2:]),
        ("mobile", "13912345678", "139****5678"),
        ("mobile", "139 1234 5678", "139 **** 5678"),
        ("bank-card", "6222021234567890123", "*" * 15 + "0123"),
        ("landline", "0871-12345678", "0871-******78"),
        ("email", "zhangsan@example.com", "z***@example.com"),
    ],
)
def test_default_masks(kind, value, masked):
    assert mask(kind, value) == masked


def test_id_mask_never_shows_the_birth_date():
    assert "19491231" not in mask("id-card", ID)


def test_full_style_hides_every_digit():
    assert mask("mobile", "13912345678", "full") == "*" * 11


def test_unknown_style_is_an_error():
    with pytest.raises(ValueError):
        mask("mobile", "13912345678", "pretty")


def _finding(text, start, value, kind="mobile"):
    return Finding(kind, Severity.ERROR, "X", start, start + len(value), 1, start + 1, value,
                   mask(kind, value), "m")


def test_masked_slice_widens_to_cover_a_number_cut_by_the_window():
    text = "电话13912345678请"
    f = _finding(text, 2, "13912345678")
    body, lo, hi = masked_slice(text, [f], 0, 6)
    assert body == "电话139****5678"
    assert (lo, hi) == (0, 13)


from hypothesis import given, strategies as st  # noqa: E402


@given(st.text(alphabet="0123456789xX-  ＊０９ａ", max_size=24), st.integers(0, 5), st.integers(0, 5))
def test_mask_digits_hides_all_but_head_and_tail_significant_characters(value, head, tail):
    from screener.masking import MASK, mask_digits

    sig = [i for i, c in enumerate(value) if c.isalnum()]
    if head + tail >= len(sig):
        head, tail = 0, 0
    hidden = set(sig[head:len(sig) - tail])
    expected = "".join(MASK if i in hidden else c for i, c in enumerate(value))
    assert mask_digits(value, head, tail) == expected
