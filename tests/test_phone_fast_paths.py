"""The phone detectors' fast paths (issue 18 point 3) give exactly what the
plain paths give.  Random texts crowded with the shapes that matter (office
landlines with and without area code, +86 / 0086 / (+86) / 86- / tel:
prefixes, trunk-0 mobiles, dates, 文号, hotlines, web addresses …) are
compared window by window:

- ``phones.dial`` (one reading per window, remembered on the run and shared
  by the mobile and landline detectors; no prefix search where none can be)
  against ``phones.dial_plain``, whichever detector asks first;
- ``mobile._judge`` (windows starting 0x / 8x rejected from their first
  group, a label read only where one can end) against
  ``mobile._judge_plain`` reading with ``dial_plain`` and every label;
- ``landline._judge`` (labels read only where one can end) against
  ``landline._judge_plain`` reading every label;
- ``context.may_have_label`` (False only where no label can be) against
  ``context.word_before`` and ``context.label_in`` at every reach.
"""
from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gen
from numcheck import every_window, screen
from screener.detectors import context, landline, mobile, numbers, phones
from screener.detectors.numbers import Window
from screener.document import Document
from screener.folding import fold

M = gen.mobile("139", 7)
PIECES = [
    "0871-65432100", "0871-6543210", "010-65521234", "010 6552 1234", "(0871)6543210", "（0871）65432100",
    "+86-871-65432100", "+86 10 6552 1234", "0086 871 6543210", "08717012345", "0871-65432100-8001", "65432100",
    M, gen.grouped(M, (3, 4, 4)), gen.grouped(M, (3, 4, 4), "-"), "+86 ", "+86", "+ 86 ", "0086", "0086 ", "(+86)",
    "（+86）", "（86）", "(86) ", "86-", "86 ", "86", "tel:", "tel:86", "共86 ", "0" + M, "0" + gen.grouped(M, (3, 4, 4)),
    "8" + M[:10], "80" + M[:9], "01", "0", "8", "2019-03-15", "〔2019〕12号", "12345", "400-820-8820", "95588",
    "电话：", "手机：", "传真", "身份证号码：", "索引号：", "http://www.x.gov.cn/a?tel=", "&id=", "/2019/",
    " ", "-", "—", "\n", "，", "。", "|", "(", "）", "1", "12", "123", "1234", "x", "*",
]
_TEXTS = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _all_windows(text: str) -> list[Window]:
    doc = Document(text)
    return [w for run in numbers.runs(doc) for w in every_window(run)]


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.booleans())
def test_one_reading_per_window_is_the_plain_reading(text, mobile_first):
    """Both detectors' readings of every window, asked in either order, are
    dial_plain's; a remembered reading never leaks from one to the other
    where the 86 rule differs (86-151…: a country code only for the mobile)."""
    for w in _all_windows(text):
        order = (True, False) if mobile_first else (False, True)
        for bare in order:
            assert phones.dial(w, bare) == phones.dial_plain(w, bare), (text, w.layout, bare)


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_mobile_first_group_test_rejects_only_what_the_plain_judge_rejects(text):
    for w in _all_windows(text):
        assert mobile._judge(w) == mobile._judge_plain(w, phones.dial_plain, quick=False), (text, w.layout)


# Every written form the fast paths must let through, and what they are for.
FORMS = [
    ("联系电话：0871-65432100", [], ["0871-65432100"]),
    ("电话：(0871)6543210 转8001", [], ["(0871)6543210 转8001"]),
    ("电话：+86-871-65432100", [], ["+86-871-65432100"]),
    ("电话：0086 871 6543210", [], ["0086 871 6543210"]),
    ("北京 010-65521234", [], ["010-65521234"]),
    (f"手机：{M}", [M], []),
    (f"手机：+86 {gen.grouped(M, (3, 4, 4))}", [f"+86 {gen.grouped(M, (3, 4, 4))}"], []),
    (f"手机：（+86）{M}", [f"（+86）{M}"], []),
    (f"手机：86-{gen.grouped(M, (3, 4, 4), '-')}", [f"86-{gen.grouped(M, (3, 4, 4), '-')}"], []),
    (f"<a href=\"tel:86{M}\">", [f"86{M}"], []),
    (f"手机：0{M}", [f"0{M}"], []),
    (f"手机：0086 {M}", [f"0086 {M}"], []),
    ("文号 〔2019〕12号，2019-03-15，拨打12345、95588", [], []),
]


@pytest.mark.parametrize("text, mobiles, landlines", FORMS)
def test_the_fast_paths_on_each_written_form(text, mobiles, landlines):
    test_one_reading_per_window_is_the_plain_reading.hypothesis.inner_test(text, True)
    test_the_mobile_first_group_test_rejects_only_what_the_plain_judge_rejects.hypothesis.inner_test(text)
    assert [f.text for f in screen(text, "mobile")] == mobiles
    assert [f.text for f in screen(text, "landline")] == landlines


def test_the_reading_is_shared_by_the_two_detectors():
    """The landline detector's reading of an office number is the one the
    mobile detector left on the run, not a second parse."""
    doc = Document("电话：0871-65432100，手机：+86 " + M)
    runs = numbers.runs(doc)
    w = Window(runs[0], 0, len(runs[0].groups))
    assert phones.dial(w, True) is phones.dial(w, False)
    p = Window(runs[1], 0, len(runs[1].groups))
    assert phones.dial(p, True) == phones.dial_plain(p, True)
    assert landline._judge(w) is not None and mobile._judge(p) is not None


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_landline_label_test_rejects_only_what_the_plain_judge_rejects(text):
    for w in _all_windows(text):
        assert landline._judge(w) == landline._judge_plain(w), (text, w.layout)


_LABELED = st.lists(st.sampled_from([
    "电话", "联系电话", "电话号码", "身份证号码", "身份證", "索引号", "邮编", "监督电话", "传真号码", "号码", "号", "为", "是",
    "：", ":", "，", "。", "；", "\n", " ", "（", "）", "-", "—", "Ｔｅｌ", "TEL", "tel", "ＦＡＸ", "Phone", "电话会议于",
    "户主", "李某某", "1", "23", "金额", "文号", "热线", "手机", "證件號碼",
]), max_size=14).map("".join)
_WORDS = [context.PHONE_LABELS, context.NOT_THIS_NUMBER, context.ID_WORDS, context.NOT_PERSONAL_WORDS,
          context.ANY_LABELS]


@settings(max_examples=600, deadline=None)
@given(_LABELED, st.integers(0, 16), st.integers(0, 10), st.sampled_from(range(len(_WORDS))))
def test_no_label_is_missed_where_one_can_end(head, reach, gap, which):
    text = head + "0871-65432100"
    start = len(head)
    words = _WORDS[which]
    if not context.may_have_label(text, start, words, gap):
        assert context.word_before(text, start, words, reach, gap) is None
        assert context.label_in(context.before(text, start, 16), words, reach, gap) is None
        assert context.word_before(text, start, words, 30, gap) is None


@pytest.mark.parametrize("head, has", [
    ("联系电话：", True), ("电话号码为 ", True), ("ＴＥＬ：", True), ("传真", True), ("2019年3月15日，", False),
    ("合计 ", False), ("", False), ("会议于下午", False),
])
def test_where_a_phone_label_can_end(head, has):
    assert context.may_have_label(head + "6543210", len(head), context.PHONE_LABELS, 5) == has
    if not has:
        assert context.word_before(head + "6543210", len(head), context.PHONE_LABELS, 12, 5) is None


# -- the numbering plan read from phonenumbers' metadata once ---------------

def _locals(rnd, count):
    for _ in range(count):
        length = rnd.choice((5, 6, 7, 8, 9))
        yield str(rnd.randrange(10 ** (length - 1), 10 ** length))


def test_the_plan_decides_every_area_code_as_phonenumbers_does():
    """Every 2- and 3-digit area code (10 … 999, the trunk 0 removed) with
    local numbers of every length and first digit: the same type as
    phonenumbers' own number_type()."""
    rnd = random.Random(18)
    checked = 0
    for area in range(10, 1000):
        for local in _locals(rnd, 12):
            national = f"{area}{local}"
            assert phones.number_type.__wrapped__(national) == phones.number_type_plain(national), national
            checked += 1
    assert checked == 990 * 12


@pytest.mark.parametrize("block", [str(b) for b in range(100, 200)])
def test_the_plan_decides_every_mobile_block_as_phonenumbers_does(block):
    rnd = random.Random(int(block))
    for _ in range(20):
        national = block + f"{rnd.randrange(10 ** 8):08d}"
        assert phones.number_type.__wrapped__(national) == phones.number_type_plain(national), national


@pytest.mark.parametrize("national", [
    "4008208820", "8008101234", "10800123456", "95588", "955880", "12345", "110", "87165432100", "8717012345",
    "1065521234", "106552123", "2165432100", "0871", "0", "00087165432100", "1234567890123456", "",
    "13912345678", "1391234567", "139123456789", "17012345678", "19212345678", "14512345678", "87112345",
])
def test_the_plan_on_service_ranges_and_odd_lengths(national):
    assert phones.number_type.__wrapped__(national) == phones.number_type_plain(national)


@given(st.text(alphabet="0123456789", min_size=1, max_size=16))
def test_the_plan_on_random_digit_strings(national):
    assert phones.number_type.__wrapped__(national) == phones.number_type_plain(national)


@pytest.mark.parametrize("which", range(len(_WORDS)))
def test_the_label_ends_are_every_character_that_folds_to_one(which):
    """Every character of the BMP whose folded form ends a label word, and no other."""
    words = _WORDS[which]
    ends = {w[-1] for w in words}
    every = "".join(chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000)
    folded = fold(every)
    assert len(folded) == len(every)
    assert context._last_chars(words) == {c for c, f in zip(every, folded) if f in ends}
