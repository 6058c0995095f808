"""Resident ID numbers (公民身份号码, GB 11643-1999).

Validation is three-way (STYLE.md): an 18-digit number whose check digit
(ISO 7064 MOD 11-2), birth date and region code are all good is confirmed and
always an error: an office never publishes a citizen's ID.  A number that fails
only its check, right after 身份证号码 or a similar label, is a probable typing
error and still shown (warning).  Anything else is dropped.  A 15-digit legacy
number has no check digit, so a plausible one (region and 19YYMMDD date good)
is a warning, an error after an ID label.  A masked number is not a leak unless
the mask still shows the whole birth date (positions 7–14; domain notes §2.4).
"""
from __future__ import annotations

import datetime
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..masking import mask
from ..model import Explanation, Finding, Severity
from .base import Rule, make_finding
from .context import ID_WORDS, NOT_PERSONAL_WORDS, lowered, nearest, record_start
from .numbers import MASK_CHARS, Window, pick, runs
from .regions import region_name

_SOURCE = "GB 11643-1999《公民身份号码》；《政府信息公开条例》第十五条；国办《2018年政务公开工作要点》（去标识化）"
RULE_CONFIRMED = Rule(
    "ID101", "id-card-18", "id-card", Severity.ERROR, "居民身份证号码（18位）",
    doc="检测内容：18位公民身份号码，校验位（ISO 7064 MOD 11-2）、出生日期（1900年以后、不晚于今天）和地区码都正确；"
    "支持全角数字、末位 X/x/Ｘ、6-8-4 分组的空格或连字符。\n"
    "风险说明：身份证号码可识别特定自然人，含出生日期和户籍地，属于个人隐私，未经本人同意不得公开；无论上下文均为错误。\n"
    "示例：身份证号码：11010519491231002X（国标示例号码）。\n"
    "建议写法：删除；确需公开的，脱敏为 11**************2X（只留前2位和后2位）。",
    source=_SOURCE,
)
RULE_LEGACY = Rule(
    "ID102", "id-card-15", "id-card", Severity.WARNING, "15位旧版身份证号码",
    doc="检测内容：15位旧版身份证号码（6位地区码 + 6位出生日期 YYMMDD + 3位顺序码，没有校验位），地区码和出生日期都有效。\n"
    "风险说明：旧号码同样可识别个人；因没有校验位，单独出现为警告，号码前有“身份证号码”等词时为错误。\n"
    "示例：身份证号码：110105491231002（国标示例号码的15位形式）。\n"
    "建议写法：删除，或脱敏为 11***********02。",
    source="GB 11643-1999《公民身份号码》（15位号码结构，domain notes §2.3）；《政府信息公开条例》第十五条",
)
RULE_PROBABLE = Rule(
    "ID103", "id-card-check-failed", "id-card", Severity.WARNING, "疑似身份证号码（未通过校验）",
    doc="检测内容：紧跟在“身份证号码”“公民身份号码”“证件号码”等词后的18位号码，出生日期有效，但校验位或地区码不符。\n"
    "风险说明：多半是录入错误的真实身份证号码，仍会泄露出生日期等个人信息，请人工核对。\n"
    "示例：身份证号码：110105194912310021（末位应为 X）。\n"
    "建议写法：删除，或脱敏为 11**************21。",
    source=_SOURCE,
)
RULE_WEAK_MASK = Rule(
    "ID104", "id-card-weak-mask", "id-card", Severity.WARNING, "身份证号码脱敏不充分",
    doc="检测内容：已用 *、×、＊ 或 X 遮盖部分数字的身份证号码，但第7–14位出生日期仍完整可见。\n"
    "风险说明：出生日期本身是个人信息；不同稿件用不同方式脱敏时还能拼出完整号码。\n"
    "示例：公民身份号码：11010519491231****。\n"
    "建议写法：同时隐藏出生日期，如 11**************2X。",
    source="GB 11643-1999；永安市人民政府办公室通报（2023-01-04，脱敏格式，domain notes §2.4）；"
    "国办《2018年政务公开工作要点》（去标识化）",
)
RULES = (RULE_CONFIRMED, RULE_LEGACY, RULE_PROBABLE, RULE_WEAK_MASK)

_LAYOUTS = {18: {(18,), (6, 8, 4), (6, 4, 4, 4)}, 15: {(15,), (6, 6, 3)}}
_USCC_WORDS = ("统一社会信用代码", "社会信用代码", "信用代码")
_EARLIEST_YEAR = 1900


def birth_date(yyyymmdd: str) -> datetime.date | None:
    """A real calendar date between 1900 and today, else None."""
    try:
        born = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return born if _EARLIEST_YEAR <= born.year and born <= datetime.date.today() else None


def check_char(body17: str) -> str:
    """GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    from stdnum.cn import ric

    return ric.calc_check_digit(body17 + "0")


def _region_text(code: str, style: str) -> str:
    return "地区码有效" if style == "full" else f"地区码 {code} 有效"


def _judge(w: Window, style: str) -> tuple[Rule, Severity, str, str | None] | None:
    """(rule, severity, validation, label) for an ID-shaped window, or None."""
    chars = w.chars
    n = len(chars)
    if n not in _LAYOUTS or w.layout not in _LAYOUTS[n]:
        return None
    text = w.run.doc_text
    if w.run.label(w.start, NOT_PERSONAL_WORDS, reach=16, gap=8):
        return None
    label = w.run.label(w.start, ID_WORDS)
    if w.masked:
        return _judge_masked(chars, style, label)
    if n == 15:
        if not chars.isdigit() or not region_name(chars[:6]) or not birth_date("19" + chars[6:12]):
            return None
        severity = Severity.ERROR if label else Severity.WARNING
        return RULE_LEGACY, severity, f"15位旧号码（无校验位）：出生日期有效、{_region_text(chars[:6], style)}", label
    if not (chars[:17].isdigit() and (chars[17].isdigit() or chars[17] == "x")):
        return None
    check_ok = check_char(chars[:17]) == chars[17].upper()
    born = birth_date(chars[6:14])
    region = region_name(chars[:6])
    if check_ok and born and region:
        if _is_uscc(chars, text, w.start):
            return None
        return (RULE_CONFIRMED, Severity.ERROR,
                f"校验位正确、出生日期有效、{_region_text(chars[:6], style)}", label)
    if label and born:
        parts = ["出生日期有效", "校验位正确" if check_ok else "校验位不符",
                 _region_text(chars[:6], style) if region else "地区码未收录"]
        return RULE_PROBABLE, Severity.WARNING, "、".join(parts), label
    return None


def _judge_masked(chars: str, style: str, label: str | None):
    if any(c in MASK_CHARS for c in chars[:6]) or not region_name(chars[:6]):
        return None
    date = chars[6:14] if len(chars) == 18 else "19" + chars[6:12]
    if not date.isdigit() or not birth_date(date):
        return None
    return (RULE_WEAK_MASK, Severity.WARNING,
            f"已部分遮盖，但出生日期完整可见、{_region_text(chars[:6], style)}", label)


def _is_uscc(chars: str, text: str, start: int) -> bool:
    """An all-digit 统一社会信用代码 (GB 32100-2015) that happens to look like an
    ID: its own checksum passes and 信用代码 is named in the same record."""
    if "信用代码" not in text[max(0, start - 80):start]:  # in every _USCC_WORDS; the usual answer
        return False
    from stdnum.cn import uscc

    record = text[record_start(text, start):start]
    return bool(nearest(record, _USCC_WORDS)) and uscc.is_valid(chars.upper())


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    style = config.mask_style
    for run in runs(doc):
        for w, (rule, severity, validation, label) in pick(run, lambda w: _judge(w, style), 4, (15, 18)):
            start, end = doc.span_to_original(w.start, w.end)
            masked = mask("id-card", doc.text[start:end], style)
            severity, mode_note = lowered(severity, doc, config.mode)
            context = _context(rule, label)
            yield make_finding(
                doc, rule, start, end,
                severity=severity,
                masked=masked,
                message=_MESSAGES[rule.code],
                suggestion=_suggestion(rule, masked),
                explanation=Explanation(
                    rule=f"{rule.code} {rule.title}，按 GB 11643-1999 校验",
                    validation=validation,
                    context=f"{context}；{mode_note}" if mode_note else context,
                ),
            )


_MESSAGES = {
    "ID101": "居民身份证号码（18位，已通过校验）",
    "ID102": "疑似15位旧版身份证号码",
    "ID103": "疑似身份证号码（未通过校验，可能是录入错误）",
    "ID104": "身份证号码脱敏不充分：仍可看出完整出生日期",
}


def _suggestion(rule: Rule, masked: str) -> str:
    if rule is RULE_WEAK_MASK:
        return "出生日期（第7–14位）也应遮盖，如只保留前2位和后2位"
    return f"删除，或脱敏后公开（如 {masked}）；公示名单一般无需身份证号码"


def _context(rule: Rule, label: str | None) -> str:
    said = f"号码前有“{label}”" if label else "号码前没有身份证相关词语"
    if rule is RULE_CONFIRMED:
        return f"已确认的身份证号码，无论上下文均为错误（{said}）"
    if rule is RULE_LEGACY:
        return f"{said}，" + ("按错误处理" if label else "按警告处理")
    if rule is RULE_PROBABLE:
        return f"{said}，按疑似录入错误提示"
    return said
