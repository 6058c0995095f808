"""Landlines: area-code forms, extensions, labelled local numbers; never a
hotline, a date, a 文号, an amount or a postcode."""
import pytest

from screener.detectors.hotlines import SERVICE_NUMBERS, is_service_number
import gen
from numcheck import codes, screen

# 0877 (玉溪) has 7-digit local numbers, 0871 (昆明) and 010 have 8.
FORMS = [
    ("hyphen", "0871-12345678", "0871-12345678"),
    ("brackets", "(0877)7012345", "(0877)7012345"),
    ("full-width brackets", "（0871）62345678", "（0871）62345678"),
    ("space", "0877 7012345", "0877 7012345"),
    ("em dash", "0578—2090823", "0578—2090823"),
    ("en dash", "0578–2090823", "0578–2090823"),
    ("full-width hyphen", "0578－2090823", "0578－2090823"),
    ("+86", "+86-871-65432100", "+86-871-65432100"),
    ("+86 spaced 4-4", "+86 10 6552 1234", "+86 10 6552 1234"),
    ("0086", "0086-871-65432100", "0086-871-65432100"),
    ("no separator", "08777012345", "08777012345"),
    ("Beijing 010 4-4", "010 6552 1234", "010 6552 1234"),
    ("extension -", "0871-65432100-8001", "0871-65432100-8001"),
    ("extension 转", "0871-65432100转8001", "0871-65432100转8001"),
    ("extension 分机", "0871-65432100 分机 8001", "0871-65432100 分机 8001"),
    ("full-width digits", "０８７７－７０１２３４５", "０８７７－７０１２３４５"),
]


@pytest.mark.parametrize("name, written, text", FORMS, ids=[f[0] for f in FORMS])
def test_forms(name, written, text):
    (f,) = screen(f"如有疑问请致电{written}。", "landline")
    assert (f.code, f.text) == ("PH301", text)
    assert f.masked.endswith(text[-2:]) and f.masked.count("*") >= 5


LABELLED = [
    ("unverified shape after 电话", "电话：0871-6543210", "PH302", "info"),
    ("unverified shape in a person's record", "户主李某某，电话：0871-6543210", "PH302", "warning"),
    ("local number after 电话", "电话：6543210", "PH303", "info"),
    ("local number after 传真", "传真：65432100", "PH303", "info"),
    ("local number after 联系电话", "联系电话 6543210", "PH303", "info"),
    ("local number of a person", "申请人王某某，电话：6543210", "PH303", "error"),
]


@pytest.mark.parametrize("name, text, code, severity", LABELLED, ids=[x[0] for x in LABELLED])
def test_labelled_numbers(name, text, code, severity):
    assert codes(text, "landline") == [(code, severity)]


NEGATIVES = [
    ("bare local number without a label", "6543210"),
    ("local number far from its label", "电话号码如下所述，共计6543210"),
    ("unverified shape without a label", "0871-6543210"),
    ("local number starting with 1", "电话：1234567"),
    ("date", "2019-12-24"),
    ("date with em dashes", "2019—12—24"),
    ("date without separators after 电话 word far away", "电话会议于20191224召开"),
    ("文号", "新政办通〔2019〕66号"),
    ("amount", "金额：65432100元"),
    ("decimal amount", "电话费65432100.50"),
    ("postcode", "邮编653405"),
    ("postcode after a phone label", "电话：653405"),
    ("year", "2019年"),
    ("masked", "电话：0871-****3210"),
    ("inside an ID", gen.id_number()),
    ("12345 with area code", "电话：0871-12345"),
    ("12345 with brackets", "（0871）12345"),
    ("400 number", "服务热线：400-600-1234"),
    ("400 number in one piece", "热线4006001234"),
    ("800 number", "免费电话：800-810-1234"),
    ("10800 number", "电话：10800-810-1234"),
    ("95xxx", "客服电话：95588"),
]


@pytest.mark.parametrize("name, text", NEGATIVES, ids=[n[0] for n in NEGATIVES])
def test_not_a_landline(name, text):
    assert codes(text, "landline") == []


@pytest.mark.parametrize("entry", SERVICE_NUMBERS, ids=[s.example for s in SERVICE_NUMBERS])
def test_every_service_number_is_data_with_a_source_and_never_reported(entry):
    assert entry.source and entry.what
    assert is_service_number(entry.example)
    for label in ("电话：", "热线：", "请拨打", "服务电话 "):
        assert codes(f"{label}{entry.example}") == []


SEVERITIES = [
    ("office 监督电话", "监督电话：0877-7012345", "info"),
    ("office 传真", "传真：0871-65432100", "info"),
    ("office 咨询电话 with extension", "咨询电话：0871-65432100转8001", "info"),
    ("staff contact", "联系人：张三，电话：0877-7012345", "info"),
    ("no context", "0877-7012345", "info"),
    ("household head", "户主张某某，家庭电话：0877-7012345", "error"),
    ("name in a table row", "| 李四 | 0877-7012345 |", "error"),
]


@pytest.mark.parametrize("name, text, severity", SEVERITIES, ids=[s[0] for s in SEVERITIES])
def test_severity_follows_context(name, text, severity):
    assert codes(text, "landline") == [("PH301", severity)]


def test_office_phone_explains_the_deciding_word():
    (f,) = screen("监督电话：0877-7012345", "landline")
    assert "监督电话" in f.why and f.suggestion is None
    # the library's verdict is for the JSON ``why`` only, never the clerk's text (issue 13)
    assert "phonenumbers" not in f.why and "phonenumbers 校验通过" in f.to_dict()["why"]
