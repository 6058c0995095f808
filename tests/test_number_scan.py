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
