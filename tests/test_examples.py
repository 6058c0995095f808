"""The bundled examples, screened the way a new user would: through the
library and through the ``screen`` command, in text and JSON."""
import json
import re
from pathlib import Path

import pytest

from screener import screen_file
from screener.cli import main
from screener.config import digits_key

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "examples" / "draft.txt"
CLEAN = ROOT / "examples" / "clean.txt"
SEED = ROOT / "tests" / "fixtures" / "seed_2019_township_report.txt"

# (line, kind, code, severity, the number as written in the draft)
EXPECTED = [
    (6, "id-card", "ID101", "error", "530427196203150416"),
    (6, "mobile", "MB201", "error", "13926647378"),
    (6, "bank-card", "BC501", "error", "6228487877893287924"),
    (7, "id-card", "ID104", "warning", "53042719781122****"),
    (7, "mobile", "MB201", "error", "187 2309 7215"),
    (15, "landline", "PH301", "info", "0877-7012345"),
    (16, "email", "EM401", "info", "pzxshswb@xinping.gov.cn"),
]
# Written in the draft but not a leak: a good mask, a masked mobile, the
# 12345 hotline, a postcode, a 文号, dates.
ABSENT = ["53**************38", "139****7378", "12345", "653405", "〔2024〕12号", "2024年6月3日"]
# Every unmasked personal number of the draft: no output may show one.
RAW = ["530427196203150416", "13926647378", "6228487877893287924", "18723097215", "0877-7012345",
       "7012345", "pzxshswb"]


def run_cli(capsys, *argv):
    with pytest.raises(SystemExit) as exc:
        main(list(argv))
    out, err = capsys.readouterr()
    return exc.value.code, out, err


def test_library_finds_every_personal_number_in_the_draft():
    report = screen_file(DRAFT)
    text = DRAFT.read_text(encoding="utf-8")
    got = [(f.line, f.kind, f.code, f.severity.label, f.text) for f in report.findings]
    assert got == EXPECTED
    for f in report.findings:
        assert text[f.start:f.end] == f.text
    shown = {f.text for f in report.findings}
    for value in ABSENT:
        assert value in text and value not in shown


def test_cli_text_report_masks_every_number(capsys):
    code, out, err = run_cli(capsys, str(DRAFT))
    assert code == 1 and err == ""
    for value in RAW:
        assert value not in out
    assert re.sub(r"\s", "", "53**************16") in out
    assert "139****7378" in out and "***************7924" in out and "0877-*****45" in out
    line = next(ln for ln in out.splitlines() if "0877-*****45" in ln and "PH301" in ln)
    assert "[提示]" in line


def test_cli_json_masks_every_number_and_keeps_the_office_phone_at_info(capsys):
    code, out, _ = run_cli(capsys, str(DRAFT), "--format", "json")
    assert code == 1
    data = json.loads(out)
    (file,) = data["files"]
    rows = [(f["line"], f["kind"], f["code"], f["severity"]) for f in file["findings"]]
    assert rows == [e[:4] for e in EXPECTED]
    for value in RAW:
        assert value not in out
    for f in file["findings"]:
        assert "*" in f["text"]
        assert digits_key(f["text"]) not in {digits_key(v) for v in RAW if v[0].isdigit()}
    assert file["summary"] == {"id-card": 2, "mobile": 2, "landline": 1, "bank-card": 1, "email": 1}


def test_cli_show_values_is_the_only_way_to_see_a_number(capsys):
    _, out, _ = run_cli(capsys, str(DRAFT), "--format", "json", "--show-values")
    assert "530427196203150416" in out and "13926647378" in out


def test_clean_example_has_no_findings(capsys):
    assert screen_file(CLEAN).findings == ()
    code, out, _ = run_cli(capsys, str(CLEAN))
    assert code == 0 and "未发现问题" in out


def test_seed_report_has_no_error_or_warning(capsys):
    report = screen_file(SEED)
    assert [f for f in report.findings if f.severity.label != "info"] == []
    code, _, _ = run_cli(capsys, str(SEED))
    assert code == 0


def test_rules_command_shows_every_number_rule_with_its_doc(capsys):
    code, out, _ = run_cli(capsys, "rules")
    assert code == 0
    blocks: dict[str, str] = {}
    for line in out.splitlines():
        if line and not line[0].isspace():
            current = line.split()[0]
            blocks[current] = ""
        blocks[current] += line + "\n"
    for rule_code in ("ID101", "ID102", "ID103", "ID104", "MB201", "PH301", "PH302", "PH303", "BC501"):
        for part in ("检测内容", "风险说明", "示例", "建议写法", "依据"):
            assert part in blocks[rule_code], (rule_code, part)


@pytest.mark.parametrize("rule_code", ["ID101", "ID102", "ID103", "ID104", "MB201", "PH301", "PH302", "PH303", "BC501"])
def test_rule_command_explains_each_number_rule_once(capsys, rule_code):
    code, out, _ = run_cli(capsys, "rule", rule_code)
    assert code == 0
    for part in ("检测内容", "风险说明", "示例", "建议写法", "依据"):
        assert out.count(part + "：") == 1, part
