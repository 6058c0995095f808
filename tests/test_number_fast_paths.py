"""The number detectors' fast paths (issue 18 point 3) give exactly what the
plain paths give: the landline shape test before any parsing, the line-break
join asked for a minimum length, and the owner analysis remembered per
document.  Random texts crowded with the shapes that matter (dates, 文号,
counts, office landlines, extensions, +86 …) are compared window by window."""
import pytest
from hypothesis import given, strategies as st

from numcheck import every_window
from screener.document import Document
from screener.detectors import landline, numbers

PIECES = [
    "0871-65432100", "0871-6543210", "010-6552123", "0871 6543 2100", "(0871)6543210", "（0871）65432100", "+86-871-65432100",
    "+86 10 6552 1234", "0086 871 6543210", "08717012345", "0871-65432100-8001", "65432100", "6543210",
    "转8001", "2019-03-15", "2019 03 15 08", "2019年3月15日", "〔2019〕12号", "123456", "12 34 56", "6-6",
    "13926647378", "139 2664 7378", "86-139-2664-7378", "12345", "110", "95588", "400-820-8820",
    "电话：", "联系电话：", "传真", "监督电话：", "索引号：", "邮编", "身份证号码：", "户主李某某，",
    " ", "-", "—", "\n", "\t", "，", "。", "|", "1", "12", "123", "1234", "x", "*",
]
_TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(_TEXTS)
def test_the_landline_shape_test_rejects_only_what_the_plain_judge_rejects(text):
    doc = Document(text)
    for run in numbers.runs(doc):
        for w in every_window(run):
            assert landline._judge(w) == landline._judge_plain(w), (text, w.layout)


# Each shape the test must let through, and the table digits it is for.
CASES = ["电话：0871-6543210", "0871-65432100-8001", "+86 10 6552 1234", "电话：(0871)6543210 转8001", "电话：0086 871 6543210",
         "电话：6543 2100", "电话：654 3210", "+86-871-65432100", "传真 08717012345", "2019-03-15 2019 03 15 08 6-6"]


@pytest.mark.parametrize("text", CASES)
def test_the_shape_test_on_each_written_form(text):
    test_the_landline_shape_test_rejects_only_what_the_plain_judge_rejects.hypothesis.inner_test(text)
    judged = [landline._judge_plain(w) for run in numbers.runs(Document(text)) for w in every_window(run)]
    assert any(judged) == (not text.startswith("2019"))


@given(_TEXTS)
def test_landline_findings_are_those_of_the_plain_judge(text):
    fast = [(w.start, w.end, p) for run in numbers.runs(Document(text))
            for w, p in numbers.pick(run, landline._judge, 5, (7, 22))]
    plain = [(w.start, w.end, p) for run in numbers.runs(Document(text))
             for w, p in numbers.pick(run, landline._judge_plain, 5, (7, 22))]
    assert fast == plain


_BROKEN = st.lists(st.sampled_from([
    "530427198", "5031212", "37", "x", "1234", " ", "-", "\n", "\r\n", " \n", "2019", "2020", "，", "号",
    "110101199001011237", "0871", "65432100", "123 456", "7",
]), max_size=30).map("".join)


@pytest.mark.parametrize("text", ["53042719850\n3121237", "5304271985\n0312123", "530427 1985\n0312 123x",
                                  "1234567\n1234567", "2019\n2020"])
def test_broken_runs_at_each_length(text):
    test_broken_runs_with_a_minimum_are_the_long_enough_broken_runs.hypothesis.inner_test(text)


@given(_BROKEN)
def test_broken_runs_with_a_minimum_are_the_long_enough_broken_runs(text):
    every = numbers.broken_runs(Document(text))
    for minimum in range(0, 20):
        assert [(r.start, r.end, r.layout, k) for r, k in numbers.broken_runs(Document(text), minimum)] == \
            [(r.start, r.end, r.layout, k) for r, k in every if sum(r.layout) >= minimum]


# -- one reading of the text before a number for all its label questions -----

from screener.detectors import context  # noqa: E402

_LABELED = st.lists(st.sampled_from([
    "电话", "联系电话", "身份证号码", "索引号", "邮编", "监督电话", "传真号码", "号码", "为", "是", "：", ":", "，",
    "。", "；", "\n", " ", "（", "）", "-", "Ｔｅｌ", "TEL", "tel", "电话会议于", "户主", "李某某", "1", "23",
]), max_size=14).map("".join)
_WORDS = [context.PHONE_LABELS, context.NOT_THIS_NUMBER, context.ID_WORDS, context.NOT_PERSONAL_WORDS]


@given(_LABELED, st.integers(0, 16), st.integers(0, 10), st.sampled_from(range(len(_WORDS))))
def test_labels_read_once_are_the_labels_read_alone(head, reach, gap, which):
    text = head + "13926647378"
    start = len(head)
    words = _WORDS[which]
    b = context.before(text, start, 16)
    assert context.label_in(b, words, reach, gap) == context.word_before(text, start, words, reach, gap)


@pytest.mark.parametrize("head", ["联系电话：", "。电话：", "电话\n", "身份证号码：", "邮编 ", "xx。索引号：", ""])
def test_run_labels_on_each_form(head):
    text = head + "0871-65432100"
    run = numbers.runs(Document(text))[0]
    for words in _WORDS:
        for reach, gap in ((12, 5), (10, 3), (16, 8), (12, 6), (30, 8)):
            assert run.label(run.start, words, reach, gap) == context.word_before(
                run.doc_text, run.start, words, reach, gap)
