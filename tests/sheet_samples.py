"""A fixed draft with one finding of every kind, built by hand.

The sheet and redaction tests use it so that they do not depend on which
detectors have landed: the Findings are constructed here, at offsets looked
up in the text, with masks from masking.mask().  All numbers are generated
(tests/gen.py), never real people's.
"""
from __future__ import annotations

from gen import bank_card, id_number, mobile

from screener.document import Document
from screener.masking import mask
from screener.model import KIND_LABELS, Explanation, FileReport, Finding, Severity

ID = id_number("530427", "19850312", "123")
MOBILE = mobile("139", seed=7)
CARD = bank_card("622202", 19, seed=3)
HOME_PHONE = "0877-5123456"
OFFICE_PHONE = "0877-7012345"
EMAIL = "zhangsan@example.com"
PERSONAL_VALUES = (ID, MOBILE, CARD, HOME_PHONE, EMAIL)

TEXT = (
    "新平县人民政府办公室文件\n"
    "新政办发〔2024〕7号\n"
    "关于2024年度临时救助对象的公示\n"
    "\n"
    "一、救助对象\n"
    f"1.申请人张某某，身份证号码：{ID}，手机：{MOBILE}，家庭电话：{HOME_PHONE}，"
    f"收款账户：{CARD}，邮箱：{EMAIL}。\n"
    "二、说明\n"
    "县领导亲自过问，村长<b>李某</b>陪同入户核查，材料标注机密★5年。\n"
    "请勿使用最佳等绝对化用语。\n"
    f"监督电话：{OFFICE_PHONE}\n"
)

# (kind, severity, code, value, suggestion, why)
SPECS = (
    ("id-card", Severity.ERROR, "ID101", ID, "删除或脱敏后公开", "校验位正确；附近有“申请人”"),
    ("mobile", Severity.ERROR, "PH201", MOBILE, "删除或脱敏后公开", "号段有效；附近有“申请人”"),
    ("landline", Severity.WARNING, "PH211", HOME_PHONE, "删除或脱敏后公开", "附近有“家庭电话”"),
    ("bank-card", Severity.ERROR, "BC301", CARD, "删除或脱敏后公开", "Luhn 校验通过"),
    ("email", Severity.ERROR, "EM401", EMAIL, "删除个人邮箱，或脱敏后公开", "附近有“申请人”"),
    ("caution-term", Severity.WARNING, "XH105", "亲自", "一般不用“亲自”", "新华社 2016 慎用"),
    ("wording", Severity.WARNING, "XH112", "村长", "村主任", "新华社 第一批第12条"),
    ("classified-marking", Severity.ERROR, "SM501", "机密★5年", "不得公开，报保密审查", "国家秘密标志"),
    ("banned-term", Severity.WARNING, "XH102", "最佳", "删除绝对化用语", "新华社 第一批第2条"),
    ("landline", Severity.INFO, "PH211", OFFICE_PHONE, None, "附近有“监督电话”，属于单位公开的联系渠道"),
)


def finding(doc: Document, kind, severity, code, value, suggestion, why, occurrence=0) -> Finding:
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(value, start + 1)
    end = start + len(value)
    line, column = doc.line_col(start)
    personal = kind in ("id-card", "mobile", "landline", "bank-card", "email")
    return Finding(
        kind=kind, severity=severity, code=code, start=start, end=end, line=line, column=column,
        text=value, masked=mask(kind, value) if personal else value,
        message=f"{kind} 测试发现", suggestion=suggestion,
        explanation=Explanation(rule=f"{code} 规则", context=why),
    )


def sample_report(text: str = TEXT, specs=SPECS, path: str = "救助公示.txt") -> FileReport:
    doc = Document(text, path=path)
    found = sorted((finding(doc, *spec) for spec in specs), key=lambda f: f.start)
    return FileReport(path=path, findings=tuple(found), chars=len(text), document=doc)


# every kind the product reports counts as checked (kinds without a sample
# finding show 0 / 未发现)
ALL_KINDS = frozenset(s[0] for s in SPECS) | frozenset(KIND_LABELS)
