"""The phone detectors' fast paths (issue 18 point 3) give exactly what the
plain paths give.  Random texts crowded with the shapes that matter (office
landlines with and without area code, +86 / 0086 / (+86) / 86- / tel:
prefixes, trunk-0 mobiles, dates, 文号, hotlines, web addresses …) are
compared window by window:

- ``phones.dial`` (one reading per window, remembered on the run and shared
  by the mobile and landline detectors; no prefix search where none can be)
  against ``phones.dial_plain``, whichever detector asks first;
- ``mobile._judge`` (windows starting 0x / 8x rejected from their first
  group) against ``mobile._judge_plain`` reading with ``dial_plain``.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gen
from numcheck import screen
from screener.detectors import landline, mobile, numbers, phones
from screener.detectors.numbers import Window
from screener.document import Document

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


def _windows(run, max_groups=5, sizes=(7, 22)):
    lo, hi = sizes
    n = len(run.layout)
    for i in range(n):
        for j in range(i + 1, min(n, i + max_groups) + 1):
            w = Window(run, i, j)
            if lo <= len(w.chars) <= hi:
                yield w


def _all_windows(text: str) -> list[Window]:
    doc = Document(text)
    return [w for run in numbers.runs(doc) for w in _windows(run)]


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
        assert mobile._judge(w) == mobile._judge_plain(w, phones.dial_plain), (text, w.layout)


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
