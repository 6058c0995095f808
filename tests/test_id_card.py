"""ID numbers (GB 11643): what is found, at which severity, and what never is."""
import pytest
from stdnum.cn import ric

from screener import Config
from screener.detectors.id_card import region_name
import gen
from numcheck import codes, screen

ID = gen.id_number()  # 530427 (新平, listed [1997-]) born 1985
ID_X = gen.id_ending_x()
BAD = gen.id_bad_check()
ID15 = gen.id15()

POSITIVES = [
    ("plain", ID, "ID101", "error"),
    ("after label", f"身份证号码：{ID}", "ID101", "error"),
    ("in a sentence", f"张三的公民身份号码为{ID}，现居平掌乡。", "ID101", "error"),
    ("check X", f"证件号码 {ID_X}", "ID101", "error"),
    ("check x", f"证件号码 {ID_X.lower()}", "ID101", "error"),
    ("full width with Ｘ", f"身份证：{gen.to_fullwidth(ID_X)}", "ID101", "error"),
    ("full width digits", gen.to_fullwidth(ID), "ID101", "error"),
    ("spaces 6-8-4", gen.grouped(ID, (6, 8, 4)), "ID101", "error"),
    ("hyphens 6-8-4", gen.grouped(ID, (6, 8, 4), "-"), "ID101", "error"),
    ("full-width hyphens", gen.grouped(ID, (6, 8, 4), "－"), "ID101", "error"),
    ("region listed after the birth year", gen.id_number("530427", "19620315"), "ID101", "error"),
    ("abolished region (崇文区 [-2010])", gen.id_number("110103", "20150101"), "ID101", "error"),
    ("Hong Kong residence permit 810000", gen.id_number("810000", "19900101"), "ID101", "error"),
    ("15 digits alone", f"编号 {ID15}", "ID102", "warning"),
    ("15 digits after label", f"身份证号：{ID15}", "ID102", "error"),
    ("15 digits 6-6-3", f"身份证号：{gen.grouped(ID15, (6, 6, 3))}", "ID102", "error"),
    ("typo after 身份证号码", f"身份证号码：{BAD}", "ID103", "warning"),
    ("typo after 公民身份号码", f"公民身份号码 {BAD}", "ID103", "warning"),
    ("typo after 证件号码", f"证件号码为{BAD}", "ID103", "warning"),
    ("mask keeps the birth date *", "公民身份号码：" + gen.masked(ID, 14, 0), "ID104", "warning"),
    ("mask keeps the birth date ×", gen.masked(ID, 14, 0, "×"), "ID104", "warning"),
    ("mask keeps the birth date ＊", gen.masked(ID, 14, 2, "＊"), "ID104", "warning"),
    ("mask keeps the birth date X", gen.masked(ID, 14, 1, "X"), "ID104", "warning"),
    ("mask keeps the birth date, 15 digits", gen.masked(ID15, 12, 0), "ID104", "warning"),
]

NEGATIVES = [
    ("check digit wrong, no label", BAD),
    ("check digit wrong, label far away", f"身份证号码已核实。项目编号 {BAD}"),
    ("USCC with letters", "统一社会信用代码：91512081MA62K0260E"),
    ("all-digit USCC under its label", f"统一社会信用代码：{gen.uscc_that_is_also_an_id()}"),
    ("all-digit USCC in a record naming 信用代码", f"某某合作社（信用代码 {gen.uscc_that_is_also_an_id()}）"),
    ("索引号 glued to a letter", "索引号：11530427015188479K/2020-00123"),
    ("索引号 of digits", f"索引号：{ID}/2020-00123"),
    ("文号", "新政办通〔2019〕66号"),
    ("amount in yuan", f"合计{ID}元"),
    ("decimal amount", f"{ID}.50"),
    ("date", "2019-12-24"),
    ("date without separators", "20191224"),
    ("postcode", "邮编653405"),
    ("inside a longer digit run (after)", ID + "1"),
    ("inside a longer digit run (before)", "9" + ID),
    ("glued to letters", f"NO{ID}A"),
    ("well masked, 2 + 2", gen.masked(ID, 2, 2)),
    ("well masked, 6 + 4", gen.masked(ID, 6, 4)),
    ("well masked with X", gen.masked(ID, 6, 4, "X")),
    ("birth date half masked", gen.masked(ID, 10, 2)),
    ("birth date in the future", gen.id_number(birth="20990101")),
    ("born before 1900", gen.id_number(birth="18800101")),
    ("impossible date", gen.id_number(birth="19850231")),
    ("unknown region", gen.id_number(region="999999")),
    ("placeholder after label", "身份证号码：123456789012345678"),
    ("15 digits with impossible date", gen.id15(yymmdd="851332")),
    ("15-digit business licence number", f"营业执照注册号：{ID15}"),
    ("in a web address", f"详见 http://www.xinping.gov.cn/gk/{ID}.html"),
]


@pytest.mark.parametrize("name, text, code, severity", POSITIVES, ids=[p[0] for p in POSITIVES])
def test_found(name, text, code, severity):
    assert codes(text, "id-card") == [(code, severity)]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_found(name, text):
    assert codes(text, "id-card") == []


def test_stdnum_alone_would_miss_a_real_id():
    # 530427 新平 is listed [1997-]; a resident born 1985 registered later.
    assert not ric.is_valid(ID)
    assert region_name("530427") == "新平彝族傣族自治县"
    assert region_name("999999") is None


def test_offsets_survive_full_width_and_joined_lines():
    text = "平掌乡公示\n第一行文字\n继续一行\n户主：李某某，身份证号码：" + gen.to_fullwidth(ID) + "。"
    (f,) = screen(text, "id-card")
    assert f.text == gen.to_fullwidth(ID)
    assert (f.line, f.column) == (4, text.split("\n")[3].index(f.text[0]) + 1)


def test_zero_width_character_inside_the_number_is_seen_through():
    text = f"身份证号码：{ID[:6]}\u200b{ID[6:]}"
    (f,) = screen(text, "id-card")
    assert f.text == f"{ID[:6]}\u200b{ID[6:]}"


def test_explanation_says_what_passed_without_the_birth_date():
    (f,) = screen(f"身份证号码：{ID}", "id-card")
    assert "校验位正确" in f.why and "出生日期有效" in f.why and "地区码有效" in f.why
    assert "530427" not in f.why  # the mask shows 2 digits; the explanation no more (issue 12.7)
    assert "身份证号码" in f.why  # the context word
    assert "19850312" not in f.why + f.message + f.masked
    assert f.masked == "53**************37"


def test_full_mask_style_hides_the_region_too():
    (f,) = screen(f"身份证号码：{ID}", "id-card", Config(mask_style="full"))
    assert "530427" not in f.why
    assert set(f.masked) == {"*"}


def test_typo_explanation_names_the_failed_check():
    (f,) = screen(f"身份证号码：{BAD}", "id-card")
    assert "校验位不符" in f.why and "身份证号码" in f.why


def test_weak_mask_is_its_own_code_and_suggests_hiding_the_date():
    (f,) = screen("公民身份号码：" + gen.masked(ID, 14, 0), "id-card")
    assert f.code == "ID104" and "出生日期" in f.message and "出生日期" in f.suggestion


def test_several_ids_in_a_table_are_all_found():
    ids = [gen.random_id(__import__("random").Random(k)) for k in range(5)]
    text = "\n".join(f"| {k} | 某某 | {n} |" for k, n in enumerate(ids))
    found = screen(text, "id-card")
    assert [f.text for f in found] == ids
