"""What screener doubts in OCR text (detectors/ocr_suspect.py, ocr/notes.py,
ocr/layout.py), checked on Documents that carry OCR lines, so these run with
or without the extra: misread check digits are 疑似, low-confidence lines are
a warning naming the picture, typed text is never doubted."""
from __future__ import annotations

import pytest

from gen import bank_card, id_number, mobile
from screener import Config, Document, Report, screen_document
from screener.config import parse_config
from screener.document import OcrLine
from screener.ocr.engine import Box
from screener.ocr.layout import lines
from screener.render.progress import ProgressBar

ID = id_number("110105", "19900307", "456")
BAD_ID = ID[:-1] + next(c for c in "0123456789" if c != ID[-1])
BAD_REGION = "000000" + ID[6:]  # check digit recomputed below would still fail the region
CARD = bank_card("622202", 19, seed=5)
BAD_CARD = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)
WHERE = "图片 名单.jpg"


def ocr_doc(*rows: tuple[str, float], where: str = WHERE) -> Document:
    text, marks, pos = "", [], 0
    for row, confidence in rows:
        marks.append(OcrLine(pos, pos + len(row), confidence, where))
        text += row + "\n"
        pos = len(text)
    return Document(text, path="名单.jpg", wrap_join=False, ocr_lines=tuple(marks))


def codes(doc: Document) -> list[tuple[str, str]]:
    return [(f.code, f.severity.label) for f in screen_document(doc).findings]


@pytest.mark.parametrize("row, expected", [
    (f"王桂芬，女，{BAD_ID}", [("OC902", "warning")]),  # region and date good, check digit fails
    (f"王桂芬，女，{ID}", [("ID101", "error")]),  # valid: the ordinary detector, no doubt
    (f"编号 {BAD_ID[:6]}19901399{BAD_ID[14:]}", []),  # month 13: not an ID
    (f"王桂芬 {BAD_REGION}", []),  # region 000000: not an ID
    (f"银行卡号：{BAD_CARD}", [("OC903", "warning")]),  # Luhn fails after the label
    (f"账号 {BAD_CARD}", [("OC903", "warning")]),
    (f"合同编号 {BAD_CARD}", []),  # no account label: a long number, not a card
    (f"银行卡号：{CARD}", [("BC501", "warning")]),  # passes Luhn: the ordinary card rule
])
def test_ocr_numbers_failing_their_check_are_suspects(row, expected):
    found = codes(ocr_doc((row, 0.97)))
    assert [c for c in found if c[0] in ("OC902", "OC903", "ID101", "BC501")] == expected


@pytest.mark.parametrize("text", [f"王桂芬，女，{BAD_ID}", f"银行卡号：{BAD_CARD}"])
def test_typed_text_is_never_doubted_as_ocr(text):
    assert not [c for c in codes(Document(text)) if c[0].startswith("OC")]


def test_low_confidence_lines_are_one_warning_per_picture_naming_the_lines():
    doc = ocr_doc(("平掌乡低保公示", 0.99), ("1 李某 53O4271985", 0.55), ("联系人 王某", 0.93), ("2 张某 ……", 0.61))
    low = [f for f in screen_document(doc).findings if f.code == "OC901"]
    assert len(low) == 1
    assert low[0].severity.label == "warning" and low[0].text == ""
    assert low[0].message == f"{WHERE}有 2 行文字识别置信度低（第2行、第4行，最低 55%），可能漏检，请对照原图核对"
    assert Report(files=(screen_document(doc),)).exit_code() == 1  # never clean


def test_well_read_text_without_numbers_passes():
    assert screen_document(ocr_doc(("平掌乡2026年低保对象公示", 0.98), ("公示期为7天", 0.95))).findings == ()


def test_findings_in_ocr_text_say_so_in_their_explanation():
    doc = ocr_doc(("联系人：王某", 0.99), (f"手机：{mobile('139', seed=2)}", 0.91))
    f = next(f for f in screen_document(doc).findings if f.code == "MB201")
    assert f"图片识别文字（{WHERE}，置信度 91%）" in f.explanation.text()


def _box(text, left, top, conf=0.99, height=30):
    return Box(text, conf, left, top, left + 20 * len(text), top + height)


def test_boxes_on_one_row_are_one_tab_separated_line_in_reading_order():
    boxes = [_box("13912345678", 600, 102, 0.9), _box("姓名", 10, 10), _box("李建国", 10, 100),
             _box("电话", 600, 12), _box("第二页", 10, 300)]
    assert [(line.text, line.confidence) for line in lines(boxes)] == [
        ("姓名\t电话", 0.99), ("李建国\t13912345678", 0.9), ("第二页", 0.99)]


@pytest.mark.parametrize("toml, expected", [({"ocr": False}, False), ({}, True)])
def test_ocr_can_be_switched_off_in_the_settings_file(tmp_path, toml, expected):
    assert parse_config(toml, tmp_path / "screener.toml").ocr is expected
    assert Config().ocr is True


class _Tty:
    def __init__(self):
        self.written = ""

    def isatty(self):
        return True

    def write(self, s):
        self.written += s

    def flush(self):
        pass


def test_the_ocr_progress_bar_names_what_it_counts():
    stream = _Tty()
    bar = ProgressBar(stream, min_files=2, label="识别图片文字")
    bar(1, 3)
    assert "识别图片文字 [" in stream.written and "1/3" in stream.written
