"""The owner check's fast paths (issue 18 point 3) decide exactly what the
plain paths decide: the office-channel label read before the unit (only the
unit's place is then needed), the list of numbers a label heads searched
from where such a list can start, and the cached unit parts.  Random texts
crowded with labels, numbers, list separators, table rows, list items and
key：value lines are compared offset by offset, and so are the real texts."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.detectors import context, units
from screener.detectors.context import ANY_LABELS, OFFICE_CHANNELS, Context, classify, label_before, word_before
from screener.detectors.units import place_of, unit_of
from screener.folding import fold

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts"

PIECES = [
    "0871-65432100", "0871-6543210", "13926647378", "65432100", "转8001", "分机12", "2019-03-15",
    "电话：", "联系电话：", "监督电话：", "咨询电话", "服务电话：", "传真", "户主李某某，", "乡长：普某某", "联系人：杨某",
    "受理单位：县民政局办公室", "申请人", "王桂芬，女，62岁，",
    "、", "，", ",", "/", ";", "；", "或", "及", "和", " ", "  ", "—", "-", "(", "）", "。", "\n", "\r\n", "\t", "|",
    "1. ", "（二）", "三、", "①", "- ", "姓名\t电话\n", "| 单位 | 电话 |\n", "|---|---|\n", "名称：", "x", "办公室",
]
_TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def _label_before_plain(text: str, start: int) -> str | None:
    """label_before() as it was: the list pattern tried at every position."""
    label = word_before(text, start, ANY_LABELS)
    if label is not None or start == 0 or text[start - 1] not in "、,，/;； 或及和":
        return label
    window = fold(text[max(0, start - 100):start])
    m = context._LISTED.search(window)
    if m is None:
        return None
    return word_before(window, m.start(), ANY_LABELS)


def _classify_plain(text: str, start: int, end: int) -> Context:
    """classify() with the whole unit read first, as it was."""
    label = _label_before_plain(text, start)
    if label in OFFICE_CHANNELS:
        return Context("office", label, "label", unit_of(text, start).place, label)
    return classify(text, start, end)


def _digit_starts(text: str) -> list[int]:
    return [i for i, c in enumerate(text) if c.isdigit() and (i == 0 or not text[i - 1].isdigit())]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_place_alone_is_the_units_place(text):
    for pos in range(len(text) + 1):
        assert place_of(text, pos) == unit_of(text, pos).place, (text, pos)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_label_and_the_owner_are_those_of_the_plain_path(text):
    for pos in _digit_starts(text):
        assert label_before(text, pos) == _label_before_plain(text, pos), (text, pos)
        assert classify(text, pos, pos + 7) == _classify_plain(text, pos, pos + 7), (text, pos)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["0", "9", "(", "+", "\u3000", "转", "分机"]), max_size=30).map("".join))
def test_the_list_search_from_its_tail_finds_the_same_match(window):
    plain = context._LISTED.search(window)
    fast = context._LISTED.search(window, context._list_tail(window))
    assert (plain and plain.span()) == (fast and fast.span()), window


LISTS = [
    ("服务电话：0431-86112002、13104441234、13104445678", "服务电话"),
    ("监督电话：0871-65432100，0871-65432101", "监督电话"),
    ("联系电话 0871-65432100 或 0871-65432101", "联系电话"),
    ("户主李某某，电话 13926647378", "电话"),
    ("2019年3月15日，0871-65432109", None),
    ("索引号：11530000-2019-00012、0871-65432109", None),
]


def _last_number(text: str) -> int:
    return max(text.rfind("0871"), text.rfind("131"), text.rfind("139"))


@pytest.mark.parametrize(("text", "label"), LISTS)
def test_the_label_of_the_last_number_in_a_list(text, label):
    pos = _last_number(text)
    assert label_before(text, pos) == _label_before_plain(text, pos) == label


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else [])
def test_the_real_texts_decide_the_same(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    for pos in _digit_starts(text):
        assert place_of(text, pos) == unit_of(text, pos).place, pos
        assert classify(text, pos, pos + 7) == _classify_plain(text, pos, pos + 7), pos


def _line_bounds_plain(text: str, pos: int) -> tuple[int, int]:
    """units._line_bounds() as it was: both ends looked for in one go."""
    reach = units._LINE_REACH
    lo = max(0, pos - reach)
    hi = min(len(text), pos + reach)
    s = text.rfind("\n", lo, pos) + 1 or lo
    e = text.find("\n", pos, hi)
    e = hi if e < 0 else e
    if "\r" in text:
        s = max(s, text.rfind("\r", s, pos) + 1)
        r = text.find("\r", pos, e)
        e = r if r >= 0 else e
    return s, e


LINE_PIECES = ["\n", "\r\n", "\r", "\n\n", "电话：0871-65432100", "x" * 700, " ", "。"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=20).map("".join))
def test_the_line_start_alone_is_the_lines_start(text):
    for pos in range(0, len(text) + 1, 7):
        assert units._line_bounds(text, pos) == _line_bounds_plain(text, pos), pos
        assert units._line_start(text, pos) == _line_bounds_plain(text, pos)[0], pos


# -- the owner words looked for only where one of them is ---------------------

import gen  # noqa: E402
from screener.detectors import context_labels as L  # noqa: E402
from screener.detectors.owners import evidence  # noqa: E402

_HEAD_PIECES = [
    *L.STAFF_WORDS[:4], *L.TITLE_WORDS[:4], *L.RELATION_WORDS[:3], *L.ROLE_WORDS[:4], *L.OWNER_KEYS[:4],
    "收款单位", "对公账户", "李建国", "王某某", "张×", "刀玉华", "谭坝镇", "县民政局", "办公室", "之女", "李小芳",
    "，", "：", ":", " ", "\u3000", "、", "（", "）", "女", "男", "62岁", "1", "0871-6543210",
    gen.id_number("530427", "19850312", "123"), "53042719850312****", "530427198503121", "电话", "联系电话：",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_PIECES), max_size=12).map("".join), st.integers(-1, 6))
def test_the_owner_words_looked_for_only_where_one_is(head, lead):
    head = fold(head)
    lead = min(lead, len(head))
    assert evidence(head, lead) == evidence(head, lead, quick=False), (head, lead)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_the_owner_words_in_the_real_texts():
    """The head of the unit before every digit of every real text."""
    checked = 0
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for pos in _digit_starts(text):
            unit = unit_of(text, pos)
            head = fold(text[max(unit.start, pos - context._HEAD_REACH):pos])
            lead = unit.body - unit.start if unit.kind == "item" else 0 if unit.kind == "row" else -1
            assert evidence(head, lead) == evidence(head, lead, quick=False), (path.name, pos)
            checked += 1
    assert checked > 1000


# -- each regex run once per line: the list marker and the key a unit's line
# starts with, looked for once (units._wrapped, _block_start's first key) ----

def _wrapped_start_plain(text: str, ls: int, le: int) -> int:
    """units._wrapped_start as it was."""
    for _ in range(3):
        if units._MARKER.match(text, ls, le) or units._KEY.match(text, ls, le) or not text[ls:ls + 1].strip():
            break
        prev = units._prev_line(text, ls)
        if prev is None or prev[1] - prev[0] < units._WRAP_WIDTH:
            break
        last = text[prev[1] - 1]
        if not ("\u4e00" <= last <= "\u9fff" or last in "，、"):
            break
        ls = prev[0]
        le = prev[1]
    return ls


def _unit_plain(text: str, start: int) -> units.Unit:
    """units.unit_of as it was: the marker matched again after the wrapped
    start is found, the line's key matched again by _block_start."""
    ls, le = units._line_bounds(text, start)
    if units._row_at(text, ls, le):
        return unit_of(text, start)  # rows: unchanged
    ws = _wrapped_start_plain(text, ls, le)
    m = units._MARKER.match(text, ws, le)
    if m and m.end() < le:
        return units.Unit("item", ws, le, units._item_place(m), body=m.end())
    place = f"第{units.line_number(text, start)}行"
    if units._KEY.match(text, ls, start):
        return units.Unit("block", units._block_start(text, ls, start), le, place)
    cut = ws
    for cut_m in units._SENTENCE_END.finditer(text, ws, start):
        cut = cut_m.end()
    return units.Unit("sentence", cut, le, place)


_WRAPPING = st.lists(st.sampled_from(PIECES + [
    "本通知所称的困难群众家庭包括城乡低保对象、特困人员，", "以及其他需要帮助的家庭，", "请于三月底前报送", "户主：李某某\n",
    "联系人：杨某\n", "电话：0871-6543210\n", "身份证号：\n", "申请人：王桂芬\n", "家庭住址：平掌乡\n", "\n\n", "：", "1、",
]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WRAPPING)
def test_each_line_start_is_matched_once(text):
    for pos in range(len(text) + 1):
        assert unit_of(text, pos) == _unit_plain(text, pos), (text, pos)
        assert place_of(text, pos) == _unit_plain(text, pos).place, (text, pos)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_each_line_start_is_matched_once_in_the_real_texts():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for pos in _digit_starts(text):
            assert unit_of(text, pos) == _unit_plain(text, pos), (path.name, pos)


# -- an ID in the unit: only its birth date read (owners._an_id, id_check.born_of) --

from screener.detectors import owners  # noqa: E402
from screener.detectors.id_check import born_of, check_id  # noqa: E402

_ID_TOKENS = [
    gen.id_number("530427", "19850312", "123"), gen.id_bad_check("530427", "19850312", "123"),
    gen.id_number("110105", "20000229", "004"), gen.id_number("440305", "19000101", "011"),
    gen.id_number("999999", "19620315", "041"),  # no such region: still a birth date
    "53042719850230123x", "53042719851312123x", "53042718991231123x", "53042721000101123x",
    "53042719850312****", "53**************38", "530427198503121", "5304271985031212345",
    "53042719850312123X", "５３０４２７１９８５０３１２１２３４", "53042719850312x234", "",
]


@pytest.mark.parametrize("token", _ID_TOKENS)
def test_an_id_reads_only_the_birth_date_as_the_full_check_does(token):
    checked = check_id(token)
    assert born_of(token) == (checked.born if checked else None)
    assert owners._an_id(token) is owners._an_id_plain(token)


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="0123456789x*X×", min_size=16, max_size=19),
       st.integers(1890, 2040), st.integers(0, 13), st.integers(0, 32))
def test_an_id_on_random_tokens_and_dates(token, year, month, day):
    dated = token[:6].ljust(6, "1") + f"{year:04d}{month:02d}{day:02d}" + token[6:10]
    for t in (token, dated, dated[:17] + "x"):
        checked = check_id(t)
        assert born_of(t) == (checked.born if checked else None), t
        assert owners._an_id(t) is owners._an_id_plain(t), t


def test_an_id_on_every_id_like_token_of_the_examples_and_real_texts():
    """The real texts hold no ID; the example 公示 holds whole and masked ones."""
    seen = 0
    examples = Path(__file__).resolve().parents[1] / "examples"
    for path in sorted(examples.glob("*.txt")) + sorted(CORPUS.glob("*.txt")):
        for m in owners._ID_LIKE.finditer(fold(path.read_text(encoding="utf-8"))):
            assert owners._an_id(m.group()) is owners._an_id_plain(m.group()), (path.name, m.group())
            seen += 1
    assert seen > 0
