"""Who a number belongs to, and the severity that follows (context.py)."""
import pytest

from screener import Severity
from screener.detectors.context import SEVERITY_BY_CONTEXT, classify, word_before, ID_WORDS
import gen
from numcheck import codes, screen

N = gen.mobile("139", 1)


def who(before: str, after: str = ""):
    text = before + N + after
    ctx = classify(text, len(before), len(before) + len(N))
    return ctx.who, ctx.word


CASES = [
    ("household head with a masked name", "1.户主李某某，家庭人口3人，联系电话：", ("person", "户主")),
    ("applicant and name", "申请人：张三，电话：", ("person", "申请人")),
    ("某某 name: the name is quoted, not the pattern", "曼线村王某某，", ("person", "王某某")),
    ("an ID earlier in the row", f"| {gen.id_number()} | ", ("person", "身份证号码")),
    ("a masked ID earlier in the row", f"公民身份号码：{gen.masked(gen.id_number(), 2, 2)}，", ("person", "身份证号码")),
    ("a name right before", "王小明 ", ("person", "王小明")),
    ("a name in a table cell", "| 3 | 李四 | ", ("person", "李四")),
    ("office channel label", "监督电话：", ("office", "监督电话")),
    ("a contact label after a staff name: staff, whatever the label", "联系人：张三，联系电话：", ("staff", "联系人")),
    ("organisation account", "收款单位：某某乡财政所，", ("office", "收款单位")),
    ("staff with a neutral label", "联系人：张三 ", ("staff", "联系人")),
    ("person word only", "个人手机：", ("person", "个人")),
    ("(本人) after the number", "", ("person", "（本人）")),
    ("nothing", "请拨打", (None, None)),
]


@pytest.mark.parametrize("name, before, expected", CASES, ids=[c[0] for c in CASES])
def test_classify(name, before, expected):
    after = "（本人）" if "本人" in name else ""
    assert who(before, after) == expected


NOT_NAMES = [
    ("联系方式 is not a surname 方 + 式", "联系方式："),
    ("村民小组 is not a name", "大平掌村民小组："),
    ("the tail of a word is not a name", "请向社会事务办公室反映，"),
    ("a sentence before is another record", "户主李某某已迁出。咨询电话："),
]


@pytest.mark.parametrize("name, before", NOT_NAMES, ids=[c[0] for c in NOT_NAMES])
def test_ordinary_words_are_not_people(name, before):
    assert who(before)[0] != "person"


@pytest.mark.parametrize("text, expected", [
    ("身份证号码：", "身份证号码"),
    ("公民身份号码为", "公民身份号码"),
    ("身份证号 ", "身份证号"),
    ("身份证（号码）：", "身份证"),
    ("身份证复印件已收，编号", None),
    ("身份证号码已核实。", None),
])
def test_id_label_must_be_right_before(text, expected):
    assert word_before(text + "X", len(text), ID_WORDS) == expected


def test_severity_table_covers_every_context():
    for kind, table in SEVERITY_BY_CONTEXT.items():
        assert set(table) == {"person", "office", "staff", None}, kind
        assert table["person"] == Severity.ERROR and table["office"] == Severity.INFO


def test_the_same_number_changes_severity_with_its_record():
    text = f"户主李某某，联系电话：{N}。\n咨询电话：{N}。\n请拨打{N}。"
    assert [f.severity.label for f in screen(text, "mobile")] == ["error", "info", "warning"]


def test_email_keeps_its_behaviour():
    assert codes("联系邮箱：pzx@xinping.gov.cn", "email") == [("EM401", "info")]
    assert codes("申请人：张三，邮箱 zhangsan@example.com", "email") == [("EM401", "error")]
    assert codes("邮箱 zhangsan@example.com", "email") == [("EM401", "warning")]


def test_explanation_says_which_word_decided():
    (f,) = screen(f"1.户主李某某，联系电话：{N}", "mobile")
    assert "户主" in f.why
    (g,) = screen(f"咨询电话：{N}", "mobile")
    assert "咨询电话" in g.why and "单位公开" in g.why


RECORDS = [
    ("a form block owned by a household head", f"户主：李某某\n性别：男\n联系电话：{N}", "mobile", "error"),
    ("a form block of an office with a staff contact: a staff mobile is a second look",
     f"名称：新平县平掌乡人民政府\n联系人：李某\n联系方式：0877-7012345，{N}", "mobile", "warning"),
    ("an office channel after an applicant's line", "申请人：张三\n受理电话：0877-7012345", "landline", "info"),
    ("an office channel in a sentence about a person", "申请人张三对此不服的，可拨打监督电话：0877-7012345",
     "landline", "info"),
    ("a blank line ends the block", f"户主：李某某\n\n联系电话：{N}", "mobile", "info"),
]


@pytest.mark.parametrize("name, text, kind, severity", RECORDS, ids=[r[0] for r in RECORDS])
def test_records_and_blocks(name, text, kind, severity):
    assert [s for _, s in codes(text, kind)][-1:] == [severity]
