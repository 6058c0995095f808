"""Review files: keyed hashes that survive a revision, hold no number, and
``screen check --review`` showing only what is new."""
from __future__ import annotations

import hashlib
import json
import re

import pytest
from cli_process import run
from gen import bank_card, id_number, mobile

from screener import screen_text
from screener.review import (CONFIRM, FALSE_POSITIVE, HANDLED, ReviewFile, apply_review, key_of,
                             normalise)

ID = id_number("530427", "19620315", "041")
PHONE = mobile("139", seed=21)
CARD = bank_card("622848", 19, seed=9)
DRAFT = (f"关于最低生活保障对象的公示\n1.户主李某某，身份证号码：{ID}，联系电话：{PHONE}，"
         f"保障金发放账户：{CARD}。\n监督电话：0877-7012345\n")
SECRET = bytes(range(32))


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_HOME", str(tmp_path / "home"))


def findings(text=DRAFT):
    return screen_text(text).findings


@pytest.mark.parametrize("a, b, same", [
    ("13926647378", "139 2664 7378", True),
    ("13926647378", "139-2664-7378", True),
    ("５３０４２７１９６２０３１５０４１６", "530427196203150416", True),
    ("53042719620315041x", "53042719620315041X", True),
    ("13926647378", "13926647379", False),
])
def test_normalised_values(a, b, same):
    assert (normalise(a) == normalise(b)) is same


def test_the_key_is_keyed_not_a_plain_hash_and_never_the_value():
    f = findings()[0]
    mine, other = key_of(f, DRAFT, SECRET), key_of(f, DRAFT, bytes(32))
    assert mine.value != other.value and mine.code == f.code == "ID101"
    plain = {hashlib.sha256(normalise(f.text).encode()).hexdigest(), hashlib.md5(f.text.encode()).hexdigest()}
    assert not any(mine.value in p or p.startswith(mine.value) for p in plain)


def test_a_revised_draft_keeps_its_decisions_and_new_findings_are_shown():
    review = ReviewFile(secret=SECRET)
    fs = findings()
    review.decide(fs[0], DRAFT, FALSE_POSITIVE, reason="样例号码，非真实个人", reviewer="王某")
    review.decide(fs[1], DRAFT, HANDLED, reviewer="王某")
    review.decide(fs[2], DRAFT, CONFIRM, reviewer="王某")
    other = mobile("137", seed=3)
    revised = "（第二稿）\n" + DRAFT.replace("监督电话", f"经办人手机：{other}\n监督电话")
    again = screen_text(revised)
    reviewed = apply_review(again, ReviewFile.from_json(review.to_json(), secret=SECRET))
    shown = [f.text for f in reviewed.shown.findings]
    assert ID not in shown and PHONE not in shown  # 误报 and 已按要求处理: resolved
    assert CARD in shown and other in shown  # confirmed (still to fix) and new
    assert reviewed.resolved == 2 and reviewed.dismissed == 1
    assert ID not in [f.text for f in reviewed.counted.findings]
    assert PHONE in [f.text for f in reviewed.counted.findings]  # handled still counts for the exit code


def test_the_same_value_twice_is_told_apart_by_its_context():
    text = f"申请人身份证号码：{ID}。\n经办人身份证号码：{ID}。\n"
    a, b = findings(text)
    review = ReviewFile(secret=SECRET)
    review.decide(a, text, FALSE_POSITIVE, reason="测试")
    assert review.lookup((a, b), text)[0] is not None and review.lookup((a, b), text)[1] is None


def test_a_false_positive_needs_a_reason_and_typed_numbers_are_masked():
    review = ReviewFile(secret=SECRET)
    f = findings()[0]
    with pytest.raises(ValueError, match="理由"):
        review.decide(f, DRAFT, FALSE_POSITIVE, reason="  ")
    review.decide(f, DRAFT, FALSE_POSITIVE, reason=f"号码 {ID} 是样例", reviewer=f"王某 {PHONE}")
    body = review.to_json().decode()
    for value in (ID, PHONE, CARD):
        assert value not in body
    assert not re.search(r"\d{7,}", re.sub(r'"(value|context|install)": "[0-9a-f]+"', "", body))


def test_a_review_file_from_another_install_matches_nothing_and_says_so():
    review = ReviewFile(secret=SECRET)
    review.decide(findings()[0], DRAFT, FALSE_POSITIVE, reason="样例")
    elsewhere = ReviewFile.from_json(review.to_json(), secret=bytes(32))
    reviewed = apply_review(screen_text(DRAFT), elsewhere)
    assert reviewed.foreign and reviewed.resolved == 0


@pytest.mark.parametrize("content", [b"not json", b'{"screener_review": 9}', b'[1, 2]',
                                     b'{"screener_review": 1, "decisions": [{"code": "X"}]}'])
def test_a_malformed_review_file_is_one_clear_line(tmp_path, content):
    draft = tmp_path / "稿件.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    bad = tmp_path / "稿件.txt.review.json"
    bad.write_bytes(content)
    code, out, err = run(draft, "--review", bad)
    assert code == 2 and "审核记录" in err and "Traceback" not in err and err.count("\n") == 1


def test_screen_check_review_shows_only_new_and_unresolved(tmp_path):
    draft = tmp_path / "公示.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    review = ReviewFile()  # this install's secret (SCREENER_HOME, inherited by the subprocess)
    fs = findings()
    for f in fs:
        if f.severity.label != "info":
            review.decide(f, DRAFT, FALSE_POSITIVE, reason="样例数据", reviewer="王某")
    path = review.save(tmp_path / "公示.txt.review.json")
    code, out, err = run(draft, "--review", path)
    assert code == 0 and "已处理 3 处" in err and "误报 3 处不计入退出码" in err
    assert "身份证" not in out.split("统计")[0]
    revised = tmp_path / "公示-二稿.txt"
    other = mobile("137", seed=3)
    revised.write_text(DRAFT.replace("联系电话", f"经办人手机：{other}，联系电话"), encoding="utf-8")
    code, out, err = run(revised, "--review", path, "--format", "json")
    report = json.loads(out)
    assert code == 1 and [f["kind"] for f in report["files"][0]["findings"]] == ["mobile", "landline"]
    code, _, _ = run(draft)
    assert code == 1  # without the review file every finding counts


def test_the_cli_sheet_records_each_decision(tmp_path):
    draft = tmp_path / "公示.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    review = ReviewFile()
    fs = findings()
    review.decide(fs[0], DRAFT, FALSE_POSITIVE, reason="样例号码，非真实个人", reviewer="王某")
    path = review.save(tmp_path / "公示.txt.review.json")
    sheet = tmp_path / "审批表.md"
    code, out, err = run(draft, "--review", path, "--sheet", sheet)
    text = sheet.read_text(encoding="utf-8")
    assert "样例号码，非真实个人" in text and "王某" in text
    assert ID not in text and PHONE not in text
