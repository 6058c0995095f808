"""The shared number-detector loop (detectors/number_rule.py), the one
severity table (detectors/severity.py) and the one ID check
(detectors/id_check.py): every number detector goes through them, and what a
user sees is what each detector used to say on its own."""
import json
from pathlib import Path

import pytest

import gen
from numcheck import screen
from screener import Config
from screener.detectors import bank_card, foreign_id, id_card, landline, mobile
from screener.detectors.id_check import check_id, is_confirmed_id
from screener.detectors.number_rule import NumberRule
from screener.detectors.severity import SEVERITY_BY_CONTEXT, severity_for
from screener.model import Severity

import number_snapshot

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "snapshots" / "number_findings.json"
NUMBER_CODES = ("ID", "MB", "PH", "BC")


@pytest.mark.parametrize("detector", [id_card, mobile, landline, bank_card, foreign_id],
                         ids=lambda d: d.__name__.rsplit(".", 1)[-1])
def test_each_number_detector_declares_a_number_rule(detector):
    rule = detector.NUMBERS
    assert isinstance(rule, NumberRule)
    assert rule.kind in detector.KINDS
    assert (rule.klass is None) != (rule.severity is None)  # the owner decides, or the verdict does


@pytest.mark.parametrize("who", ["person", "office", "staff", None])
def test_an_unconfirmed_landline_is_one_step_lower(who):
    # What landline.py used to compute on its own: a warning in a person's
    # record, info everywhere else.
    before = min(SEVERITY_BY_CONTEXT["landline"][who], Severity.WARNING) if who == "person" else Severity.INFO
    assert severity_for("landline", who, certain=False) == before
    assert severity_for("landline", who) == SEVERITY_BY_CONTEXT["landline"][who]


N = gen.mobile("151", 3)
LANDLINE = "0871-65432100"


@pytest.mark.parametrize("text, kind, expected", [
    (f"户主李某某，联系电话：{N}", "mobile", "error"),
    (f"监督电话：{N}", "mobile", "info"),
    (f"请拨打{N}", "mobile", "warning"),
    (f"户主李某某，家庭电话 {LANDLINE}", "landline", "error"),
    ("户主李某某，电话：0871-6543210", "landline", "warning"),  # PH302: one step lower
    (f"联系电话：{LANDLINE}", "landline", "info"),
    (f"持卡人张某某，卡号 {gen.bank_card('622848', 19, 1)}", "bank-card", "error"),
    (f"卡号：{gen.bank_card('622848', 19, 1)}", "bank-card", "warning"),
    (f"身份证号码：{gen.id_number()}", "id-card", "error"),
])
def test_severity_by_context_and_its_lowering(text, kind, expected):
    found = screen(text, kind)
    assert [f.severity.label for f in found] == [expected]
    lowered = screen(text, kind, Config(mode="disclosure"))
    want = {"error": "warning", "warning": "info", "info": "info"}[expected]
    assert [f.severity.label for f in lowered] == [want]
    if want != expected:
        assert "级别降低一级" in lowered[0].explanation.context
    else:
        assert "级别降低一级" not in (lowered[0].explanation.context or "")


def test_a_foreign_permanent_id_is_not_lowered_as_before():
    text = f"永久居留身份证号码：{gen.foreign_id_2023()}"
    assert [f.severity.label for f in screen(text, "id-card", Config(mode="disclosure"))] == ["error"]


# -- the one ID check ---------------------------------------------------------

@pytest.mark.parametrize("value, confirmed", [
    (gen.id_number(), True),
    (gen.id_ending_x(), True),
    (gen.id_number("110105", "19491231", "002"), True),
    (gen.id_bad_check(), False),  # check character off
    (gen.id_number("530427", "19850230"), False),  # no 30 February
    (gen.id_number("999999"), False),  # no such region
    (gen.id_number()[:17], False),  # too short
    (gen.id_number()[:17] + "y", False),
])
def test_one_check_decides_what_a_confirmed_id_is(value, confirmed):
    value = value.lower()
    assert is_confirmed_id(value) is confirmed
    # the ID detector reports exactly the confirmed ones as ID101 (no label needed)
    assert [f.code for f in screen(f"号码 {value}", "id-card") if f.code == "ID101"] == (["ID101"] if confirmed else [])


def test_the_parts_of_the_check_are_worded_from_the_same_answer():
    bad = gen.id_bad_check()
    checked = check_id(bad)
    assert checked is not None and not checked.check_ok and checked.born and checked.region
    assert [f.code for f in screen(f"身份证号码：{bad}", "id-card")] == ["ID103"]


@pytest.mark.parametrize("region", ["620102", "622301"])
def test_an_id_that_passes_luhn_is_never_a_card(region):
    value = gen.id_that_passes_luhn(region)
    assert is_confirmed_id(value.lower())
    text = f"号码：{value}"
    assert screen(text, "bank-card") == [] and [f.code for f in screen(text, "id-card")] == ["ID101"]


@pytest.mark.parametrize("value, person", [
    (gen.id_number(), True),  # a confirmed ID in the row
    (gen.id_bad_check(), True),  # a typed-wrong ID is still someone's (its birth date is real)
    (gen.id_number("530427", "19850230"), False),  # no real birth date: not an ID
])
def test_an_id_in_the_record_makes_the_number_a_persons(value, person):
    text = f"{value} {N}"
    assert [f.severity.label for f in screen(text, "mobile")] == (["error"] if person else ["warning"])


# -- issue 12: 86 written without + or 00 --------------------------------------

@pytest.mark.parametrize("text, shown", [
    (f"tel:86{N}", f"86{N}"),
    (f'<a href="tel:86{N}">拨打</a>', f"86{N}"),
    (f"tel:86-{N[:3]}-{N[3:7]}-{N[7:]}", f"86-{N[:3]}-{N[3:7]}-{N[7:]}"),
    (f"联系电话：86-{N[:3]}-{N[3:7]}-{N[7:]}", f"86-{N[:3]}-{N[3:7]}-{N[7:]}"),
    (f"联系电话：86-{N}", f"86-{N}"),
    (f"tel:+86{N}", f"+86{N}"),  # as before
    (f"tel:0086{N}", f"0086{N}"),
])
def test_86_without_plus_reads_as_a_mobile(text, shown):
    found = screen(text, "mobile")
    assert [f.text for f in found] == [shown]
    assert found[0].masked.endswith(N[-4:]) and N not in found[0].masked.replace("*", "")
    assert "+86" in found[0].explanation.validation


@pytest.mark.parametrize("text, shown", [
    (f"共86 {N}", N),  # a count, then a number: the 86 is not a country code
    (f"电话：86{N}", None),  # 13 digits glued, not in a tel: link: not a mobile
    (f"编号 86{N[:9]}", None),
])
def test_86_elsewhere_is_not_a_prefix(text, shown):
    assert [f.text for f in screen(text, "mobile")] == ([shown] if shown else [])


# -- nothing a user sees changed: the corpus against the recorded findings ----

def _number_findings() -> dict[str, list]:
    out = {}
    for name, text in number_snapshot.texts().items():
        if "#" in name:  # the test tables' literals change with the tests
            continue
        report = json.loads(number_snapshot.snapshot_one(text, Config(), show_values=False))
        out[name] = [f for fr in report["files"] for f in fr["findings"] if f["code"][:2] in NUMBER_CODES]
    return out


@pytest.mark.skipif(not number_snapshot.SHARED.is_dir(), reason=f"the shared corpus is not here ({number_snapshot.SHARED})")
def test_number_findings_on_the_corpus_are_the_recorded_ones():
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = _number_findings()
    assert sorted(now) == sorted(recorded)
    for name in recorded:
        assert now[name] == recorded[name], name
