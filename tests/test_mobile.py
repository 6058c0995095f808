"""Mobile numbers: the current numbering plan, written every usual way, and
never a masked number or a piece of a longer one."""
import pytest

from screener.document import fold
import gen
from numcheck import codes, screen

M = gen.mobile("139", 1)

# One prefix per operator block of domain notes §3.1, incl. 16x/17x/19x.
PREFIXES = ["130", "135", "139", "145", "147", "150", "158", "162", "166", "167", "170", "171",
            "173", "177", "178", "180", "187", "189", "190", "191", "192", "193", "195", "196",
            "197", "198", "199"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_every_current_block_is_a_mobile(prefix):
    number = prefix + "12345678"
    assert codes(f"手机：{number}", "mobile") == [("MB201", "warning")]


FORMS = [
    ("plain", M, M),
    ("3-4-4 spaces", gen.grouped(M, (3, 4, 4)), None),
    ("3-4-4 hyphens", gen.grouped(M, (3, 4, 4), "-"), None),
    ("3-8", gen.grouped(M, (3,), " "), None),
    ("+86", f"+86 {M}", None),
    ("+86 spaced", f"+86 {gen.grouped(M, (3, 4, 4))}", None),
    ("+86 hyphen", f"+86-{M}", None),
    ("+86 glued", f"+86{M}", None),
    ("0086", f"0086 {M}", None),
    ("(+86)", f"(+86){M}", None),
    ("（+86） full width", f"（+86）{M}", None),
    ("full-width digits", gen.to_fullwidth(M), None),
    ("ideographic spaces", gen.grouped(gen.to_fullwidth(M), (3, 4, 4), "\u3000"), None),
    ("full-width +86", gen.to_fullwidth(f"+86 {M}"), None),
]


@pytest.mark.parametrize("name, written, expect", FORMS, ids=[f[0] for f in FORMS])
def test_forms(name, written, expect):
    (f,) = screen(f"联系方式：{written}。", "mobile")
    assert f.text == (expect or written)
    shown = fold(f.masked)
    assert shown.endswith(M[-4:]) and M[3:7] not in shown.replace(" ", "").replace("-", "")


def test_prefix_stays_readable_in_the_masked_form():
    (f,) = screen(f"+86 {gen.grouped(M, (3, 4, 4))}", "mobile")
    assert f.masked == f"+86 {M[:3]} **** {M[-4:]}"


NEGATIVES = [
    ("masked ****", f"联系电话：{gen.masked(M, 3, 4)}"),
    ("masked spaced", f"联系电话：{M[:3]} **** {M[-4:]}"),
    ("masked ×", f"手机 {gen.masked(M, 3, 4, '×')}"),
    ("masked ＊", f"手机 {gen.masked(M, 3, 4, '＊')}"),
    ("inside an 18-digit ID", gen.id_number("530427", "19850312", "139")),
    ("inside a 19-digit card", gen.bank_card("613926", 19, 3)),
    ("longer run, digit after", M + "0"),
    ("longer run, digit before", "8" + M),
    ("glued to letters", f"ID{M}x"),
    ("unassigned block 10x", "10012345678"),
    ("unassigned block 12x", "12012345678"),
    ("amount", f"{M}元"),
    ("decimal", f"{M}.25"),
    ("under an ID label (the ID detector's job)", f"身份证号码：{M}"),
    ("under 索引号", f"索引号：{M}"),
    ("hotline", "拨打12345政务服务便民热线"),
    ("in a web address", f"详见 http://www.xinping.gov.cn/2019/{M}.html"),
    ("in a query string", f"www.xinping.gov.cn/show?id={M}"),
]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_a_mobile_leak(name, text):
    assert codes(text, "mobile") == []


SEVERITIES = [
    ("a household head's record", f"1.户主李某某，家庭人口3人，联系电话：{M}。", "error"),
    ("a name right before", f"王小明 {M}", "error"),
    ("a table row", f"| 2 | 张三 | {M} |", "error"),
    ("an applicant", f"申请人手机：{M}", "error"),
    ("(本人) after", f"{M}（本人）", "error"),
    ("an office channel", f"咨询电话：{M}", "info"),
    ("an office hotline", f"服务热线 {M}", "info"),
    ("a staff contact", f"联系人：张三 {M}", "warning"),
    ("no context", f"请拨打{M}", "warning"),
]


@pytest.mark.parametrize("name, text, severity", SEVERITIES, ids=[s[0] for s in SEVERITIES])
def test_severity_follows_context(name, text, severity):
    assert codes(text, "mobile") == [("MB201", severity)]


def test_explanation_names_rule_validation_and_context_word():
    (f,) = screen(f"户主李某某，联系电话：{M}", "mobile")
    assert f.why.startswith("MB201")
    assert "户主" in f.why and "phonenumbers" not in f.why  # no library names for a clerk (issue 13)
    assert "phonenumbers 校验通过" in f.to_dict()["why"]


def test_two_numbers_separated_by_a_space_are_two_findings():
    other = gen.mobile("186", 2)
    found = screen(f"电话：{M} {other}", "mobile")
    assert [f.text for f in found] == [M, other]
