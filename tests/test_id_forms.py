"""Written forms of ID numbers beyond the plain and 6-8-4 ones (issue 14
point 1, issue 12 item 9): any grouping, a line break inside, IDs inside
残疾人证号 / 学籍号 / 纳税人识别号, IDs after tax and registration labels, and
IDs and mobiles that are query values in a web address."""
import pytest

import gen
from numcheck import codes, screen

ID = gen.id_number()
ID2 = gen.id_number("110105", "19720605", "031")
ID_X = gen.id_ending_x()
BAD = gen.id_bad_check()
USCC_ID = gen.uscc_that_is_also_an_id()
MOBILE = gen.mobile("151", seed=3)

POSITIVES = [
    ("groups of four", gen.grouped(ID, (4, 4, 4, 4, 2)), "ID101", "error"),
    ("groups of four, X", f"身份证号：{gen.grouped(ID_X, (4, 4, 4, 4, 2))}", "ID101", "error"),
    ("6-4-4-4 hyphens", gen.grouped(ID, (6, 4, 4, 4), "-"), "ID101", "error"),
    ("3-3-4-4-4", gen.grouped(ID, (3, 3, 4, 4, 4)), "ID101", "error"),
    ("6-4-4-4 full-width spaces", gen.grouped(ID, (6, 4, 4, 4), "\u3000"), "ID101", "error"),
    ("broken after 13", f"{ID[:13]}\n{ID[13:]}", "ID101", "error"),
    ("broken after 6, CRLF", f"身份证号码：{ID[:6]}\r\n{ID[6:]}", "ID101", "error"),
    ("broken in a table cell, indented", f"| 李某某 | {ID[:10]}\n    {ID[10:]} |", "ID101", "error"),
    ("broken 6-8 | 4", f"{ID[:6]} {ID[6:14]}\n{ID[14:]}", "ID101", "error"),
    ("15 digits grouped 4-4-4-3 after label", f"身份证号：{gen.grouped(gen.id15(), (4, 4, 4, 3))}", "ID102", "error"),
    ("残疾人证号 with label", f"残疾人证号：{ID}43", "ID105", "error"),
    ("残疾证号 X ID", f"残疾证号 {ID_X}21", "ID105", "error"),
    ("残疾人证号 shape alone", f"{ID}72", "ID105", "warning"),
    ("学籍号 G", f"全国学籍号：G{ID}", "ID105", "error"),
    ("学籍号 L, no label", f"l{ID2}", "ID105", "error"),
    ("学籍号 full width", gen.to_fullwidth(f"G{ID}"), "ID105", "error"),
    ("20-digit 纳税人识别号", f"纳税人识别号：{ID}01", "ID105", "error"),
    ("after 纳税人识别号", f"纳税人识别号：{ID}", "ID101", "error"),
    ("after 税号", f"税号 {ID}", "ID101", "error"),
    ("after 注册号", f"注册号：{ID}", "ID101", "error"),
    ("after 社会信用代码 (fails the USCC check)", f"统一社会信用代码：{ID}", "ID101", "error"),
    ("URL query value", f"http://www.example.gov.cn/cx?sfzh={ID}&tel={MOBILE}", "ID101", "error"),
    ("URL query value, last", f"https://example.gov.cn/q.jsp?name=zs&idcard={ID}", "ID101", "error"),
]

NEGATIVES = [
    ("USCC valid both ways, after 统一社会信用代码", f"统一社会信用代码：{USCC_ID}"),
    ("USCC valid both ways, after 纳税人识别号", f"纳税人识别号：{USCC_ID}"),
    ("USCC with letters", "纳税人识别号：91530427MA6K0260XE"),
    ("15-digit 注册号", f"营业执照注册号：{gen.id15()}"),
    ("check fails after 纳税人识别号", f"纳税人识别号：{BAD}"),
    ("索引号", f"索引号：{ID}/2020-00123"),
    ("URL path", f"http://www.xinping.gov.cn/gk/{ID}.html"),
    ("URL path after =", f"http://www.example.gov.cn/a?f=2019/{ID}.html"),
    ("groups of one digit", " ".join(ID)),
    ("two numbers on two lines", f"{ID[:13]}\n{ID[13:]}9"),
    ("a line break inside a failed check", f"身份证号码：{BAD[:13]}\n{BAD[13:]}"),
    ("20 digits, class digit 0", f"{ID}05"),
    ("20 digits, invalid ID inside", f"{BAD}43"),
    ("G + invalid ID", f"G{BAD}"),
    ("G glued to letters", f"AG{ID}"),
    ("amounts on two lines", "合计12345678\n901234元"),
    ("years on two lines", "2019\n2020年"),
]


@pytest.mark.parametrize("name, text, code, severity", POSITIVES, ids=[p[0] for p in POSITIVES])
def test_found(name, text, code, severity):
    assert codes(text, "id-card") == [(code, severity)]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_found(name, text):
    assert codes(text, "id-card") == []


def test_a_broken_id_is_masked_on_both_lines():
    (f,) = screen(f"身份证号码：{ID[:13]}\n{ID[13:]}", "id-card")
    assert f.text == f"{ID[:13]}\n{ID[13:]}"
    assert f.masked == "53***********\n***" + ID[-2:]
    assert "跨行" in f.why


@pytest.mark.parametrize("text, named", [
    (f"残疾人证号：{ID}43", "残疾人证号"),
    (f"学籍号：G{ID}", "学籍号"),
    (f"纳税人识别号：{ID}01", "纳税人识别号"),
])
def test_an_embedded_id_names_its_code_and_hides_it(text, named):
    (f,) = screen(text, "id-card")
    assert named in f.message and "身份证号码" in f.message
    assert ID not in f.masked and ID[6:14] not in f.masked + f.why


def test_an_id_after_a_tax_label_says_why():
    (f,) = screen(f"纳税人识别号：{ID}", "id-card")
    assert "个体工商户" in f.why


def test_a_realistic_arrears_notice():
    # 欠税公告: a 个体工商户's 纳税人识别号 is the owner's ID; a company's is its USCC.
    text = ("国家税务总局某县税务局欠税公告\n"
            "| 纳税人名称 | 纳税人识别号 | 经营者姓名 | 欠税税种 | 欠税金额（元） |\n"
            f"| 某某县李某某百货店 | {ID} | 李某某 | 增值税 | 12,300.50 |\n"
            f"| 某某商贸有限公司 | 91530427MA6K0260XE | 王某 | 企业所得税 | 45,000.00 |\n")
    assert [f.text for f in screen(text, "id-card")] == [ID]


def test_a_realistic_subsidy_list_with_disability_certificates():
    text = ("2023年第三季度困难残疾人生活补贴和重度残疾人护理补贴发放名单公示\n"
            "序号 姓名 残疾人证号 残疾类别 补贴金额\n"
            f"1 李某某 {ID}43 肢体 180\n"
            f"2 张某某 {ID2}11 视力 180\n")
    found = screen(text, "id-card")
    assert [(f.code, f.text) for f in found] == [("ID105", ID + "43"), ("ID105", ID2 + "11")]


MOBILE_POSITIVES = [
    ("trunk 0", f"0{MOBILE}", "warning"),
    ("trunk 0 grouped", f"手机：0{MOBILE[:3]} {MOBILE[3:7]} {MOBILE[7:]}", "warning"),
    ("trunk 0 in a person's row", f"户主李某某，电话0{MOBILE}", "error"),
    ("URL tel value", f"http://www.example.gov.cn/cx?sfzh=1&tel={MOBILE}", "warning"),
    ("URL pinyin key", f"http://www.example.gov.cn/cx?lxdh={MOBILE}#top", "warning"),
]
MOBILE_NEGATIVES = [
    ("Beijing landline", "01012345678"),
    ("trunk 0 before a non-mobile", "012345678901"),
    ("URL path", f"http://www.example.gov.cn/2019/{MOBILE}.html"),
    ("URL id value", f"www.example.gov.cn/show?id={MOBILE}"),
    ("00 + mobile", f"00{MOBILE}"),
]


@pytest.mark.parametrize("name, text, severity", MOBILE_POSITIVES, ids=[p[0] for p in MOBILE_POSITIVES])
def test_mobile_found(name, text, severity):
    assert codes(text, "mobile") == [("MB201", severity)]


@pytest.mark.parametrize("name, text", MOBILE_NEGATIVES, ids=[n[0] for n in MOBILE_NEGATIVES])
def test_mobile_not_found(name, text):
    assert codes(text, "mobile") == []


def test_trunk_zero_mobile_is_masked_as_a_mobile():
    (f,) = screen(f"0{MOBILE}", "mobile")
    assert f.masked == f"0{MOBILE[:3]}****{MOBILE[-4:]}"


def test_a_realistic_student_aid_list_from_a_pdf():
    # 学生资助 公示 copied out of a PDF: the 学籍号 column holds G + ID, and a
    # narrow ID column broke one number across two lines.
    third = gen.id_number("510104", "20080917", "064")
    text = ("2024年秋季学期家庭经济困难学生国家助学金拟资助名单公示\n"
            "序号 姓名 全国学籍号 身份证号 资助金额\n"
            f"1 李某某 G{ID} {ID} 1000\n"
            f"2 王某某 G{ID2} {ID2[:12]}\n{ID2[12:]} 1000\n"
            f"3 赵某某 L{third} 无 1000\n"
            "公示期：2024年10月8日至10月14日，联系电话：0871-63312345。\n")
    found = [(f.code, f.text.replace("\n", "⏎")) for f in screen(text, "id-card")]
    assert found == [("ID105", "G" + ID), ("ID101", ID), ("ID105", "G" + ID2),
                     ("ID101", f"{ID2[:12]}⏎{ID2[12:]}"), ("ID105", "L" + third)]


# -- the 学籍号 scan over the digit-run stretches, against the whole-text scan ---

from hypothesis import given, strategies as st  # noqa: E402

from screener.detectors import id_card, numbers  # noqa: E402
from screener.document import Document  # noqa: E402

_STUDENT_PIECES = [f"G{ID}", f"g{ID2}", f"l{ID}", f"L{ID2}", f"xg{ID}", f"{ID}", f"G{ID}1", f"G{ID[:-1]}*",
                   "学籍号：", "，", "。", " ", "\n", "gov.cn", "html", "lg", "2019", "1234567", "g", "l", "-", "＊"]


def _students(text):
    doc = Document(text)
    return [(s, e) for s, e, code, _label, _sev in id_card._embedded(doc) if code == "学籍号" and
            text[s].lower() in "gl"]


def _same_students(text):
    doc = Document(text)
    fast = [m.span() for m in numbers.in_stretches(doc, id_card._STUDENT)]
    assert fast == id_card._students_plain(doc), text


@given(st.lists(st.sampled_from(_STUDENT_PIECES), max_size=30).map("".join))
def test_student_codes_found_in_stretches_are_the_whole_scans(text):
    _same_students(text)
    _same_students("说明文字，不含编号。" * 110 + text)  # long enough for the stretches


def test_student_codes_of_a_long_list_are_found():
    rows = "".join(f"{k}. 学生李某某 全国学籍号：G{gen.id_number(seq=f'{k:03d}')} 资助金额1000元\n" for k in range(200))
    assert len(rows) >= numbers.PREFILTER_FROM
    _same_students(rows)
    assert len(_students(rows)) == 200
