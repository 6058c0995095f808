"""The shared digit-run scan (detectors/numbers.py): one pass per Document,
group edges, and no validation library loaded for a draft without numbers."""
import subprocess
import sys

import pytest

from screener import Config, Document, screen_document
from screener.detectors import numbers

RUNS = [
    ("one piece", "电话13926647378。", [("13926647378", ("13926647378",))]),
    ("groups", "号码 138 1234 5678，", [("138 1234 5678", ("138", "1234", "5678"))]),
    ("dashes of every width", "0578—2090823、0578–2090823", [("0578—2090823", ("0578", "2090823")),
                                                              ("0578–2090823", ("0578", "2090823"))]),
    ("mask characters belong to the run", "139****7378", [("139****7378", ("139****7378",))]),
    ("a masked group after a space", "139 **** 7378", [("139 **** 7378", ("139", "****", "7378"))]),
    ("too short to matter", "邮编653405，2019年，〔2019〕66号", []),
    ("glued to letters", "NO13926647378A", []),
    ("a letter glued to the last group drops that group only",
     "0877 7012345 12a", [("0877 7012345", ("0877", "7012345"))]),
    ("full width folds", "１３９２６６４７３７８", [("13926647378", ("13926647378",))]),
]


@pytest.mark.parametrize("name, text, expected", RUNS, ids=[r[0] for r in RUNS])
def test_runs(name, text, expected):
    doc = Document(text)
    found = numbers.runs(doc)
    assert [(doc.normalized[r.start:r.end], r.parts) for r in found] == expected


def test_scan_is_done_once_per_document(monkeypatch):
    calls = []
    real = numbers._RUN

    class Counting:
        def finditer(self, text):
            calls.append(len(text))
            return real.finditer(text)

    monkeypatch.setattr(numbers, "_RUN", Counting())
    doc = Document("户主李某某，电话13926647378，卡号6228487877893287924。")
    screen_document(doc, Config())
    assert len(calls) == 1
    assert numbers.runs(doc) is numbers.runs(doc)


def test_no_validation_library_is_loaded_for_a_draft_without_numbers():
    code = (
        "import sys\n"
        "from screener import screen_text\n"
        "screen_text('平掌乡2024年上半年政务公开工作总结，邮编653405。')\n"
        "print('phonenumbers' in sys.modules, 'stdnum.cn.ric' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_an_amount_at_the_end_of_a_row_hides_only_itself():
    import gen
    from numcheck import codes

    row = f"张三\t{gen.id_number()}\t{gen.bank_card('622848', 19, 1)}\t1200.00\n"
    assert codes(row) == [("ID101", "error"), ("BC501", "error")]
    assert codes(f"合计\t{gen.bank_card('622848', 19, 1)}.00") == []


# -- the prefilter for long texts gives exactly the full scan's matches --------

from hypothesis import given, strategies as st  # noqa: E402

# Every character class the scan cares about, crowded together: digits,
# masks, separators of every kind, letters, CJK, punctuation, line breaks.
_ALPHABET = "0123456789" * 4 + "x*＊×" + " \t\u00a0\u3000-—–−" + "ab" + "年号，。\n¥.元"


def _full(text):
    return [m.span() for m in numbers._RUN.finditer(text)]


def _prefiltered(text):
    return [m.span() for a, b in numbers.candidate_spans(text)
            for m in numbers._RUN.finditer(text, a, b)]


@given(st.lists(st.sampled_from(_ALPHABET), max_size=400).map("".join))
def test_prefilter_finds_what_the_full_scan_finds_on_random_text(text):
    assert _prefiltered(text) == _full(text)


@given(st.lists(st.sampled_from([
    "13926647378", "139 2664 7378", "139-2664-7378", "0871—65432100", "139****7378",
    "6228 4878 7789 3287 924", "5304271990010112", "x*", "2019年", "12 0 3 45",
    "6543210", "123456x", "(+86)", " ", "，", "号", "ab", "\n", "—", "\u3000", "1", "12", "123",
]), max_size=120).map("".join))
def test_prefilter_finds_what_the_full_scan_finds_on_number_like_text(text):
    assert _prefiltered(text) == _full(text)


@pytest.mark.parametrize("text", [
    "，6543210，",  # seven digits and nothing else: the first hint
    "年139 2664 7378号",  # three digits and a separator: the second
    "年1x2 3456 789号", "年13**26647378号", "年1＊＊＊＊＊＊＊＊号",  # a digit and a mask: the third
    "0871—6543210，12 0 3 45 678 9012 3，",  # dashes; a table row of counts
    "ab1234567", "1234567ab", "a 1234567 b",  # letters next to the stretch
])
def test_prefilter_edge_cases(text):
    assert _prefiltered(text) == _full(text)


def test_long_text_takes_the_prefilter_and_finds_every_run():
    import gen

    rows = [f"户主{i}，身份证{gen.id_number()}，电话138 {i:04d} {i * 7 % 10000:04d}，卡号{gen.bank_card('622848', 19, i)}。"
            for i in range(400)]
    text = "2019年全乡共受理12件，办结11件。\n".join(rows)
    assert len(text) >= numbers.PREFILTER_FROM
    found = [(r.start, r.end) for r in numbers.runs(Document(text))]
    assert found and found == [(r.start, r.end) for r in _runs_without_prefilter(text)]


def _runs_without_prefilter(text, monkeypatch=None):
    saved = numbers.PREFILTER_FROM
    numbers.PREFILTER_FROM = len(text) + 1
    try:
        return numbers.runs(Document(text))
    finally:
        numbers.PREFILTER_FROM = saved


# -- the runs and their flags, against the plain path ---------------------------
#
# runs() tests the one or two characters a flag depends on before running its
# regular expression (amount before/after, web address, the short leading
# groups of +86 138…) and reads groups with findall/find; plain_runs() runs every
# expression on every run, over the full scan.  Both must give the same runs,
# field by field.

from pathlib import Path  # noqa: E402

from screener.traditional import simplified  # noqa: E402

_RUN_PIECES = [
    "13926647378", "139 2664 7378", "139-2664-7378", "0871—65432100", "+86 138 1234 5678", "86 10 6552 1234",
    "12 34 5678901", "6228 4878 7789 3287 924", "110101199001011237", "139****7378", "1x2 3456 789",
    "¥", "￥", "$", "人民币", "元", "万元", "美元", "港元", "%", "‰", ".", ".5", "3.", " ", "  ", "\n", "\r\n", "\t",
    "\u3000", "\u00a0", "-", "—", "http://", "https://www.gov.cn/", "www.", "?sfzh=", "&tel=", "=", "/", ":", "#",
    "_", "%2f", "gk/2019/", ".html", "ab", "x", "*", "，", "。", "号", "电话：", "1", "12", "123", "1234",
]


def _fields(found):
    return [(r.start, r.end, r.groups, r.parts, r.layout, r.amount_before, r.amount_after, r.in_url, r.url_key)
            for r in found]


def _same_runs(text):
    doc = Document(text)
    assert _fields(numbers.runs(doc)) == _fields(numbers.plain_runs(simplified(doc))), text


@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=60).map("".join))
def test_runs_and_their_flags_are_the_plain_paths(text):
    _same_runs(text)


@given(st.lists(st.sampled_from(_RUN_PIECES), min_size=300, max_size=500).map("".join))
def test_runs_of_a_long_text_are_the_plain_paths(text):
    assert len(text) >= numbers.PREFILTER_FROM or "1" not in text
    _same_runs(text)


@pytest.mark.parametrize("text", [
    "金额¥13926647378", "人民币 13926647378元", "3.13926647378", "13926647378 .5", "13926647378\n元",
    "¥ \n13926647378", "86 \n13926647378", "+86 13926647378", "https://x.gov.cn/?tel=13926647378&a=1",
    "¥139 2664 7378", "人民币 6228 4878 7789 3287 924", "合计 139 2664 7378.00", "?sfzh=530427 19850312 1237",
    "http://x.cn/gk/2019/13926647378.html", "见 www.x.cn/a:13926647378", "时间:13926647378", "12 34 5678901",
])
def test_each_flag_against_the_plain_path(text):
    _same_runs(text)
    _same_runs("说明。" * 400 + text)  # the prefilter's path too
    _same_picks(text)  # (defined below) a flagged run's windows: some are never offered


def test_runs_of_the_real_corpus_are_the_plain_paths():
    texts = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts").glob("*.txt"))
    if not texts:
        pytest.skip("no real corpus beside the worktree")
    bodies = [p.read_text(encoding="utf-8") for p in texts]
    for body in bodies + ["\n\n".join(bodies)]:
        _same_runs(body)


# -- line-broken runs asked for a minimum length, against the plain path ---------
#
# broken_runs(doc, n) skips the search for the left side when even every digit
# the left pattern could take, with the right side, is shorter than n;
# broken_runs(doc) (no minimum, every search made) filtered by length is the plain path.

_BREAK_PIECES = ["530427198", "5031212", "37", "x", "1234", "12", " ", "  ", "-", "\t", "\u3000", "\n", "\r\n", " \n",
                 "\t\n", "2019", "，", "号", "110101199001011237", "0871", "65432100", "123 456", "7", "a", "*"]


def _same_broken(text):
    every = numbers.broken_runs(Document(text))
    for minimum in (1, 7, 11, 14, 15, 16, 18, 19, 25):
        assert [(r.start, r.end, r.layout, k) for r, k in numbers.broken_runs(Document(text), minimum)] == \
            [(r.start, r.end, r.layout, k) for r, k in every if sum(r.layout) >= minimum], (text, minimum)


@given(st.lists(st.sampled_from(_BREAK_PIECES), max_size=40).map("".join))
def test_broken_runs_with_a_minimum_skip_only_what_is_too_short(text):
    _same_broken(text)


@pytest.mark.parametrize("text", [
    "1234 5678 9012 3456 7890 1234 5678 9012 34\n5678",  # a left side longer than the 40 characters looked at
    "530427 1985\n0312 123x", "5304271985\t\n0312123", "2019\n2020", "12-34-56-78-90-12\n3", "身份证号码：5304271\n98503121237",
])
def test_broken_runs_minimum_at_the_edges(text):
    _same_broken(text)


# -- pick() against pick_plain(): the same windows offered, in the same order ----

from screener.detectors import DETECTORS  # noqa: E402

_PARAMS = sorted({(r.max_groups, r.sizes, r.url_values) for r in (m.NUMBERS for m in DETECTORS if hasattr(m, "NUMBERS"))})
_PARAMS += [(6, (1, 64), False), (3, (7, 12), True), (6, (4, 4), False)]
_VERDICTS = {
    "nothing": lambda w: None,
    "everything": lambda w: w.layout,
    "some": lambda w: (w.i * 3 + w.j + len(w.chars)) % 4 == 0 and w.chars,
    "one length": lambda w: len(w.chars) == 11 or None,
}


def _picks(pick, run, verdict, params):
    offered = []

    def accept(w):
        offered.append((w.i, w.j))
        return verdict(w)

    max_groups, sizes, url_values = params
    found = [(w.i, w.j, v) for w, v in pick(run, accept, max_groups, sizes, url_values=url_values)]
    return found, offered


def _same_picks(text):
    for run in numbers.runs(Document(text)):
        for params in _PARAMS:
            for verdict in _VERDICTS.values():
                assert _picks(numbers.pick, run, verdict, params) == _picks(numbers.pick_plain, run, verdict, params), \
                    (text, run.layout, params)


@given(st.lists(st.sampled_from(_RUN_PIECES), max_size=60).map("".join))
def test_pick_offers_and_yields_what_the_plain_pick_does(text):
    _same_picks(text)


def test_pick_on_the_real_corpus_is_the_plain_pick():
    texts = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts").glob("*.txt"))
    if not texts:
        pytest.skip("no real corpus beside the worktree")
    _same_picks("\n\n".join(p.read_text(encoding="utf-8") for p in texts))


@given(st.lists(st.sampled_from(_BREAK_PIECES), max_size=40).map("".join))
def test_the_digit_break_scan_finds_the_plain_patterns_breaks(text):
    assert [m.span() for m in numbers._DIGIT_BREAK.finditer(text)] == \
        [m.span() for m in numbers._DIGIT_BREAK_PLAIN.finditer(text)]
