"""Bank cards: Luhn + a known card prefix, grouped or not; never an ID."""
import pytest

from screener.detectors.bank_card import CARD_PREFIXES, card_issuer
import gen
from numcheck import codes, screen

CARD = gen.bank_card("622848", 19, 1)

CARDS = [
    ("UnionPay 19", gen.bank_card("622848", 19, 1)),
    ("UnionPay 16", gen.bank_card("622202", 16, 2)),
    ("UnionPay 18", gen.bank_card("621558", 18, 3)),
    ("domestic 60", gen.bank_card("601382", 19, 4)),
    ("ICBC 9558", gen.bank_card("955880", 19, 5)),
    ("Visa 16", gen.bank_card("427010", 16, 6)),
    ("Mastercard 51", gen.bank_card("518710", 16, 7)),
    ("Mastercard 55", gen.bank_card("552599", 16, 8)),
    ("Mastercard 2-series", gen.bank_card("222100", 16, 9)),
    ("Mastercard 2720", gen.bank_card("272099", 16, 10)),
    ("JCB", gen.bank_card("356889", 16, 11)),
]


@pytest.mark.parametrize("name, card", CARDS, ids=[c[0] for c in CARDS])
def test_known_prefixes(name, card):
    assert codes(f"卡号：{card}", "bank-card") == [("BC501", "warning")]


FORMS = [
    ("4-4-4-4-3 spaces", gen.grouped(CARD, (4, 4, 4, 4))),
    ("4-4-4-4-3 hyphens", gen.grouped(CARD, (4, 4, 4, 4), "-")),
    ("16 in fours", gen.grouped(gen.bank_card("622202", 16, 2), (4, 4, 4))),
    ("full width", gen.to_fullwidth(CARD)),
    ("full width in fours", gen.to_fullwidth(gen.grouped(CARD, (4, 4, 4, 4)))),
]


@pytest.mark.parametrize("name, written", FORMS, ids=[f[0] for f in FORMS])
def test_forms(name, written):
    (f,) = screen(f"发放账户：{written}。", "bank-card")
    assert f.text == written
    assert f.masked.endswith(written[-4:]) and f.masked.count("*") >= 12


NEGATIVES = [
    ("Luhn fails", gen.luhn_invalid(CARD)),
    ("unknown prefix 1", gen.bank_card("123456", 16, 1)),
    ("unknown prefix 7", gen.bank_card("712345", 19, 1)),
    ("Mastercard prefix, 19 digits", gen.bank_card("518710", 19, 7)),
    ("too short (15)", gen.bank_card("622202", 15, 1)),
    ("too long (20)", gen.bank_card("622202", 20, 1)),
    ("inside a longer run", CARD + "5"),
    ("glued to letters", f"NO{CARD}"),
    ("odd grouping", gen.grouped(CARD, (5, 7, 7))),
    ("masked", "6228 **** **** " + CARD[-7:-3] + " " + CARD[-3:]),
    ("an ID that passes Luhn with a 62 prefix", gen.id_that_passes_luhn()),
    ("under an ID label", f"身份证号码：{CARD}"),
    ("under 统一社会信用代码", f"统一社会信用代码：{CARD}"),
    ("amount", f"{CARD}元"),
    ("in a web address", f"https://www.xinping.gov.cn/a/{CARD}"),
]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_a_card(name, text):
    assert codes(text, "bank-card") == []


def test_an_id_that_passes_luhn_is_reported_as_an_id_only():
    number = gen.id_that_passes_luhn()
    assert card_issuer(number) == "中国银联" and gen.luhn_valid(number)
    assert codes(number) == [("ID101", "error")]


SEVERITIES = [
    ("household head", f"户主李某某，保障金发放账户：{CARD}", "error"),
    ("card holder", f"持卡人：王五，卡号 {CARD}", "error"),
    ("organisation account", f"收款单位：平掌乡财政所，对公账户：{CARD}", "info"),
    ("no context", f"账号 {CARD}", "warning"),
]


@pytest.mark.parametrize("name, text, severity", SEVERITIES, ids=[s[0] for s in SEVERITIES])
def test_severity_follows_context(name, text, severity):
    assert codes(text, "bank-card") == [("BC501", severity)]


def test_prefix_table_cites_lengths_for_every_entry():
    for low, high, lengths, issuer in CARD_PREFIXES:
        assert low <= high and len(low) == len(high) and issuer
        assert all(16 <= n <= 19 for n in lengths)


def test_explanation_names_luhn_and_issuer():
    (f,) = screen(f"卡号 {CARD}", "bank-card")
    assert "Luhn 校验通过" in f.why and "中国银联" in f.why


from hypothesis import given, strategies as st  # noqa: E402


@given(st.text(alphabet="0123456789", min_size=1, max_size=24))
def test_luhn_check_agrees_with_stdnum(digits):
    from stdnum import luhn

    from screener.detectors.bank_card import luhn_valid

    assert luhn_valid(digits) == luhn.is_valid(digits)
