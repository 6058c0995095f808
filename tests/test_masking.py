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


# -- the landline mask scans its value once (issue 18): the same mask as the
# plain way, which looks for the significant characters, then masks them with
# mask_digits (a second scan) ------------------------------------------------

def _mask_landline_plain(value: str, style: str = "default") -> str:
    from screener.masking import _significant, check_style, mask_digits

    if check_style(style) == "full":
        return mask_digits(value, 0, 0)
    digits = _significant(value)
    area = 0
    if digits and value[digits[0]] in "0０":
        area = 3 if len(digits) >= 2 and value[digits[1]] in "12１２" else 4
    if len(digits) - area < 5:
        area = 0
    expected = list(value)
    hide = digits[area:len(digits) - 2] if area + 2 < len(digits) else digits
    for i in hide:
        expected[i] = "*"
    return "".join(expected)


LANDLINE_FORMS = ["0871-65432100", "(0871)6543210", "（０８７１）６５４３２１００", "+86-871-65432100",
                  "010 6552 1234", "0871-65432100-8001", "0871-65432100 转8001", "电话6543210", "021-1234", "0", ""]


@pytest.mark.parametrize("value", LANDLINE_FORMS)
@pytest.mark.parametrize("style", ["default", "full"])
def test_the_landline_mask_on_each_written_form(value, style):
    from screener.masking import mask_landline

    assert mask_landline(value, style) == _mask_landline_plain(value, style)


@given(st.text(alphabet="0123456789０１２-—() （）+转x ａ", max_size=26), st.sampled_from(["default", "full"]))
def test_the_landline_mask_is_the_plain_mask(value, style):
    from screener.masking import mask_landline

    assert mask_landline(value, style) == _mask_landline_plain(value, style)


# -- the significant characters found by a set test per character, and hidden
# by a translation table (issue 18): the same as the regex pass and the regex
# substitution they replace ---------------------------------------------------

_EDGES = "/09:@AZ[`az{\uff0f\uff10\uff19\uff1a\uff20\uff21\uff3a\uff3b\uff40\uff41\uff5a\uff5b-— （）\u3000中²é*"


def test_the_set_and_the_table_hold_exactly_the_regex_characters():
    from screener.masking import _SIGNIFICANT, _SIGNIFICANT_CHARS, _TO_MASK

    for code in range(0x110000):
        c = chr(code)
        regex = _SIGNIFICANT.fullmatch(c) is not None
        assert (c in _SIGNIFICANT_CHARS) is regex, hex(code)
        assert c.translate(_TO_MASK) == ("*" if regex else c), hex(code)


@given(st.text(alphabet=_EDGES, max_size=90), st.integers(0, 6), st.integers(0, 6))
def test_the_significant_offsets_and_the_mask_are_the_plain_ones(value, head, tail):
    from screener.masking import _mask_at, _significant, _significant_plain

    idx = _significant(value)
    assert idx == _significant_plain(value)
    assert _mask_at(value, idx, head, tail) == _mask_at_plain(value, idx, head, tail)


def _mask_at_plain(value: str, idx: list[int], head: int, tail: int) -> str:
    """The plain mask: each significant character but the first ``head`` and
    last ``tail`` replaced on its own (all of them when that keeps every one)."""
    n = len(idx)
    if head + tail >= n:
        head, tail = 0, 0
    hidden = set(idx[head:n - tail])
    return "".join("*" if i in hidden else c for i, c in enumerate(value))


@pytest.mark.parametrize("value", LANDLINE_FORMS + ["530427198503121234", "6228 4800 1234 5678 901",
                                                    "13926647378", "１３９２６６４７３７８", "0" * 70 + "-1"])
def test_the_significant_offsets_of_written_numbers(value):
    from screener.masking import _significant, _significant_plain

    assert _significant(value) == _significant_plain(value)
