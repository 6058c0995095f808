"""Foreign permanent-residence IDs, permits, passports, military IDs and home
addresses (issue 14 points 1-3): each form found on its own line and inside a
realistic 公示, at the severity the label gives, and the look-alikes left alone."""
import pytest

import gen
from numcheck import codes, screen
from screener import screen_text

FID = gen.foreign_id_2023()
FID2 = gen.foreign_id_2023("31", "392", "19800505", "456")
OLD = gen.foreign_id_old()
OLD_BAD = OLD[:-1] + str((int(OLD[-1]) + 1) % 10)
HK = gen.hk_macau_permit("H", 2)
MO9 = gen.hk_macau_permit("M", 3, renewals=None)
TW = gen.taiwan_permit(4)
EA = gen.passport(5, "EA")
E8 = gen.passport(6, "E")
G8 = gen.passport(7, "G")

POSITIVES = [
    ("2023 card bare", FID, "id-card", "ID111", "error"),
    ("2023 card after label", f"外国人永久居留身份证号码：{FID2}", "id-card", "ID111", "error"),
    ("2023 card grouped", gen.grouped(FID, (6, 8, 4)), "id-card", "ID111", "error"),
    ("old card bare", OLD, "id-card", "ID112", "error"),
    ("old card lower case", f"永久居留证号 {OLD.lower()}", "id-card", "ID112", "error"),
    ("old card check wrong after label", f"永久居留证号码：{OLD_BAD}", "id-card", "ID112", "warning"),
    ("回乡证 11 with label", f"港澳居民来往内地通行证号码：{HK}", "permit", "ID121", "error"),
    ("回乡证 9 with label", f"回乡证：{MO9}", "permit", "ID121", "error"),
    ("回乡证 11 bare", HK, "permit", "ID121", "warning"),
    ("回乡证 in a person's row", f"户主李某某，证件号 {MO9}", "permit", "ID121", "error"),
    ("往来港澳通行证", "往来港澳通行证号码：C12345678", "permit", "ID121", "error"),
    ("台胞证 8 digits", f"台湾居民来往大陆通行证号码：{TW}", "permit", "ID122", "error"),
    ("台胞证 short label", f"台胞证 {TW}", "permit", "ID122", "error"),
    ("台胞证 old bare", "0561682001(D)", "permit", "ID122", "warning"),
    ("passport E+letter bare", EA, "permit", "ID123", "warning"),
    ("passport E+letter label", f"护照号码：{EA}", "permit", "ID123", "error"),
    ("passport E+8 bare", E8, "permit", "ID123", "warning"),
    ("passport G+8 label", f"护照号：{G8}", "permit", "ID123", "error"),
    ("foreign passport with label", "护照号码：533380006", "permit", "ID123", "error"),
    ("full-width passport", f"护照号码：{gen.to_fullwidth(EA)}", "permit", "ID123", "error"),
    ("military with label", "军官证号：军字第2001988号", "permit", "ID124", "error"),
    ("military bare", "士字第3005612号", "permit", "ID124", "warning"),
    ("police with label", "警官证：警字第301234号", "permit", "ID124", "error"),
]

NEGATIVES = [
    ("9-leading 18 digits, bad check", FID[:-1] + ("0" if FID[-1] != "0" else "1")),
    ("9-leading, unknown nationality", gen.foreign_id_2023(nationality="999")),
    ("9-leading, unknown province", gen.foreign_id_2023(province="99")),
    ("old card, unknown country", gen.foreign_id_old("ZZZ")),
    ("old card, check wrong, no label", OLD_BAD),
    ("H + 8 digits bare (a model number)", "型号 H12345678"),
    ("台胞证-like 8 digits without label", f"项目编号 {TW}"),
    ("G + 8 bare (not a passport alone)", f"批次 {G8}"),
    ("E + I + 7 (I is never used)", "EI1234567"),
    ("passport glued to letters", f"ABC{EA}"),
    ("文号 with 字第", "新政发字第12号"),
    ("old 文号 style with long number, not 军/兵/士", "财字第1234567号"),
    ("护照 as a word", "台胞持护照来大陆"),
    ("XH423 passport sentence with year", "2019年办理护照1200本"),
    ("USCC", "统一社会信用代码：91530427MA6K0260XE"),
]


@pytest.mark.parametrize("name, text, kind, code, severity", POSITIVES, ids=[p[0] for p in POSITIVES])
def test_found(name, text, kind, code, severity):
    assert codes(text, kind) == [(code, severity)]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_found(name, text):
    assert [f for f in screen(text) if f.kind in ("permit", "id-card")] == []


@pytest.mark.parametrize("text, value, masked", [
    (f"护照号码：{EA}", EA, EA[0] + "******" + EA[-2:]),
    (f"回乡证：{HK}", HK, "H********" + HK[-2:]),
    (f"外国人永久居留身份证号码：{FID}", FID, FID[:2] + "*" * 14 + FID[-2:]),
])
def test_masked_like_an_id(text, value, masked):
    (f,) = [f for f in screen(text) if f.personal]
    assert f.text == value and f.masked == masked and f.personal
    assert value not in f.why + f.message + (f.suggestion or "")


def test_a_realistic_residence_list():
    text = ("2024年度外籍人才安居补贴拟发放名单公示\n"
            "序号 姓名 国籍 证件类型 证件号码 补贴金额（元）\n"
            f"1 JOHN SMITH 美国 外国人永久居留身份证 {FID} 20000\n"
            f"2 陈某某 中国香港 港澳居民来往内地通行证 {HK} 20000\n"
            f"3 林某某 中国台湾 台湾居民来往大陆通行证 {TW} 20000\n"
            f"4 SATO KEN 日本 护照 {EA} 20000\n"
            "公示时间：2024年5月6日至5月12日。监督电话：0871-63312345\n")
    found = {(f.code, f.severity.label) for f in screen(text) if f.kind in ("permit", "id-card")}
    assert found == {("ID111", "error"), ("ID121", "error"), ("ID122", "error"), ("ID123", "error")}


ADDRESS_POSITIVES = [
    ("label, village group", "户主李某某，家庭住址：新平县平掌乡曼么村委会大村民小组12号。", "平掌乡", "曼么村委会大村民小组12号", "error"),
    ("label, street house number", "家庭住址：新平县桂山街道新华路12号3栋2单元", "桂山街道", "新华路12号3栋2单元", "error"),
    ("现住址, no town", "现住址：昆明市五华区人民中路12号3栋201室", "五华区", "人民中路12号3栋201室", "error"),
    ("neutral label in a person's record", "申请人：张某某，地址：平掌乡曼么村3组", "平掌乡", "曼么村3组", "error"),
    ("row of a list, no label", "李某某 新平县平掌乡曼么村3组 低保", "平掌乡", "曼么村3组", "warning"),
    ("镇 and 社区", "户主王某某，住址：戛洒镇新寨社区二组15号", "戛洒镇", "新寨社区二组15号", "error"),
]
ADDRESS_NEGATIVES = [
    ("kept to the town", "申请人张某某，住址：新平县平掌乡"),
    ("kept to the street", "家庭住址：新平县桂山街道"),
    ("office address", "办公地址：新平县平掌乡人民政府（平掌乡曼么村12号）"),
    ("公示地点", "公示地点：平掌乡曼么村村委会公示栏"),
    ("neutral label, no person", "地址：新平县桂山街道新华路12号"),
    ("an office's contact address", "联系地址：新平县平掌乡人民政府，邮编653405"),
    ("乡村振兴", "平掌乡乡村振兴工作组到曼么村3组开展调研"),
    ("a village meeting", "平掌乡曼么村召开村民小组长会议"),
]


@pytest.mark.parametrize("name, text, kept, hidden, severity", ADDRESS_POSITIVES, ids=[p[0] for p in ADDRESS_POSITIVES])
def test_address_found_and_masked_to_the_town(name, text, kept, hidden, severity):
    (f,) = screen(text, "address")
    assert (f.code, f.severity.label, f.text) == ("AD601", severity, hidden)
    assert set(f.masked) == {"*"}
    assert text[:f.start].endswith(kept)


@pytest.mark.parametrize("name, text", ADDRESS_NEGATIVES, ids=[n[0] for n in ADDRESS_NEGATIVES])
def test_address_not_found(name, text):
    assert codes(text, "address") == []


def test_the_redacted_text_keeps_the_town_and_nothing_past_it(tmp_path):
    from screener.cli import main

    draft = tmp_path / "公示.txt"
    draft.write_text("户主李某某，家庭住址：新平县平掌乡曼么村委会大村民小组12号。\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    with pytest.raises(SystemExit):
        main([str(draft), "--redact", str(out)])
    copy = out.read_text(encoding="utf-8")
    assert "新平县平掌乡" in copy and "曼么村" not in copy and "12号" not in copy


def test_rules_are_listed():
    from screener.detectors import all_rules

    listed = {r.code for r in all_rules()}
    assert {"ID105", "ID111", "ID112", "ID121", "ID122", "ID123", "ID124", "AD601"} <= listed
    assert screen_text("护照号码：" + EA).findings[0].kind == "permit"


@pytest.mark.parametrize("code", ["ID121", "ID122", "ID123", "ID124"])
def test_the_documented_mask_is_the_real_one(code):
    # The rule doc's example and its 建议写法 agree with what outputs show.
    from screener.detectors import all_rules

    rule = next(r for r in all_rules() if r.code == code)
    example = rule.doc.split("示例：")[1].split("\n")[0]
    better = rule.doc.split("建议写法：删除，或脱敏为 ")[1].split("\n")[0]
    (f,) = [f for f in screen(example) if f.kind == "permit"]
    assert example.replace(f.text, f.masked).endswith(better)


@pytest.mark.parametrize("code", ["ID105", "ID111", "ID112", "ID121", "ID122", "ID123", "ID124", "AD601", "XH217", "XH462"])
def test_screen_rule_documents_each_new_rule(code):
    from harness import run_cli

    result = run_cli(["rule", code])
    assert result.code == 0, result
    for part in ("检测内容", "风险说明", "示例", "建议"):
        assert part in result.out, (code, part)
    listed = run_cli(["rules"])
    assert code in listed.out
