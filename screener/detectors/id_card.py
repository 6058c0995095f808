"""Resident ID numbers (公民身份号码, GB 11643-1999).

Validation is three-way (STYLE.md): an 18-digit number whose check digit
(ISO 7064 MOD 11-2), birth date and region code are all good is confirmed and
always an error: an office never publishes a citizen's ID.  A number that fails
only its check, right after 身份证号码 or a similar label, is a probable typing
error and still shown (warning).  Anything else is dropped.  A 15-digit legacy
number has no check digit, so a plausible one (region and 19YYMMDD date good)
is a warning, an error after an ID label.  A masked number is not a leak unless
the mask still shows the whole birth date (positions 7–14; domain notes §2.4).

Written forms: besides 18 (15) characters in a row and the usual 6-8-4 /
6-4-4-4 groups, any grouping by spaces or hyphens (``1101 0119 9001 0112
37``) and a number broken across one line break count when the joined value
passes the *full* check (check digit, date, region), as does the value of a
query parameter in a web address (``?sfzh=…``).  An ID inside a longer code
that publishes it whole (二代残疾人证号 = ID + 残疾类别 + 等级, 全国学籍号 =
G/L + ID, a 个体工商户's 20-digit 纳税人识别号 = ID + 2) is reported as the ID
with the code named (ID105).  After 纳税人识别号 / 税号 / 注册号 /
社会信用代码 a confirmed ID is still an ID: a 个体工商户 uses its owner's ID
there, and 欠税公告 publish it; only a value that also passes the
统一社会信用代码 check (GB 32100) is taken for a code.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import keeping
from ..model import Explanation, Finding, Severity
from ..traditional import simplified
from .base import Rule, make_finding
from .context import (
    ID_WORDS,
    NOT_PERSONAL_WORDS,
    nearest,
    record_start,
    word_before,
)
from .id_check import birth_date, check_id, is_confirmed_id
from .number_rule import Hit, NumberRule, Said
from .numbers import MASK_CHARS, Window, broken_runs, in_stretches, pick, runs
from .regions import region_name
from .severity import lowered, with_note

ID_CARD = Kind("id-card", "身份证号码", personal=True, rank=9, mask=keeping(2, 2), allow_by="digits")
KINDS = (ID_CARD,)

_SOURCE = "GB 11643-1999《公民身份号码》；《政府信息公开条例》第十五条；国办《2018年政务公开工作要点》（去标识化）"
RULE_CONFIRMED = Rule(
    "ID101", "id-card-18", ID_CARD, Severity.ERROR, "居民身份证号码（18位）",
    doc="检测内容：18位公民身份号码，校验位（ISO 7064 MOD 11-2）、出生日期（1900年以后、不晚于今天）和地区码都正确；"
    "支持全角数字、末位 X/x/Ｘ、6-8-4 分组的空格或连字符；其他分组写法（如 1101 0119 9001 0112 37）、"
    "号码中间断行（PDF、窄表格）和网址参数（?sfzh=…）在拼合后通过完整校验时同样报告；"
    "“纳税人识别号”“税号”“注册号”“社会信用代码”后的身份证号码也报告（个体工商户以经营者身份证号码作编号），"
    "同时符合统一社会信用代码校验的除外。\n"
    "风险说明：身份证号码可识别特定自然人，含出生日期和户籍地，属于个人隐私，未经本人同意不得公开；无论上下文均为错误。\n"
    "示例：身份证号码：11010519491231002X（国标示例号码）。\n"
    "建议写法：删除；确需公开的，脱敏为 11**************2X（只留前2位和后2位）。",
    source=_SOURCE,
)
RULE_LEGACY = Rule(
    "ID102", "id-card-15", ID_CARD, Severity.WARNING, "15位旧版身份证号码",
    doc="检测内容：15位旧版身份证号码（6位地区码 + 6位出生日期 YYMMDD + 3位顺序码，没有校验位），地区码和出生日期都有效。\n"
    "风险说明：旧号码同样可识别个人；因没有校验位，单独出现为警告，号码前有“身份证号码”等词时为错误。\n"
    "示例：身份证号码：110105491231002（国标示例号码的15位形式）。\n"
    "建议写法：删除，或脱敏为 11***********02。",
    source="GB 11643-1999《公民身份号码》（15位号码结构，domain notes §2.3）；《政府信息公开条例》第十五条",
)
RULE_PROBABLE = Rule(
    "ID103", "id-card-check-failed", ID_CARD, Severity.WARNING, "疑似身份证号码（未通过校验）",
    doc="检测内容：紧跟在“身份证号码”“公民身份号码”“证件号码”等词后的18位号码，出生日期有效，但校验位或地区码不符。\n"
    "风险说明：多半是录入错误的真实身份证号码，仍会泄露出生日期等个人信息，请人工核对。\n"
    "示例：身份证号码：110105194912310021（末位应为 X）。\n"
    "建议写法：删除，或脱敏为 11**************21。",
    source=_SOURCE,
)
RULE_WEAK_MASK = Rule(
    "ID104", "id-card-weak-mask", ID_CARD, Severity.WARNING, "身份证号码脱敏不充分",
    doc="检测内容：已用 *、×、＊ 或 X 遮盖部分数字的身份证号码，但第7–14位出生日期仍完整可见。\n"
    "风险说明：出生日期本身是个人信息；不同稿件用不同方式脱敏时还能拼出完整号码。\n"
    "示例：公民身份号码：11010519491231****。\n"
    "建议写法：同时隐藏出生日期，如 11**************2X。",
    source="GB 11643-1999；永安市人民政府办公室通报（2023-01-04，脱敏格式，domain notes §2.4）；"
    "国办《2018年政务公开工作要点》（去标识化）",
)
RULE_EMBEDDED = Rule(
    "ID105", "id-card-in-code", ID_CARD, Severity.ERROR, "编号中含完整身份证号码（残疾人证号、学籍号、纳税人识别号）",
    doc="检测内容：把完整身份证号码包含在内的编号：第二代残疾人证号（18位身份证号码 + 残疾类别 1–7 + 残疾等级 1–4，共20位）、"
    "全国学籍号（G 或 L + 18位身份证号码）、个体工商户20位纳税人识别号（身份证号码 + 2位）；其中的身份证号码须通过完整校验。\n"
    "风险说明：公开这些编号就是公开持证人的身份证号码（残疾人两项补贴、学生资助、欠税公告名单常见）。"
    "有“残疾人证号”“学籍号”“纳税人识别号”等标签或为学籍号写法时为错误；没有标签的20位残疾人证号写法为警告。\n"
    "示例：残疾人证号：11010519491231002X42；学籍号：G11010519491231002X。\n"
    "建议写法：删除编号，或脱敏为 11****************42。",
    source="《中华人民共和国残疾人证管理办法》（残疾人证号由身份证号码加残疾类别和等级组成）；"
    "教育部《中小学生学籍管理办法》（全国学籍号以身份证号码生成）；GB 11643-1999；《政府信息公开条例》第十五条",
)
RULES = (RULE_CONFIRMED, RULE_LEGACY, RULE_PROBABLE, RULE_WEAK_MASK, RULE_EMBEDDED)

_LAYOUTS = {18: {(18,), (6, 8, 4), (6, 4, 4, 4)}, 15: {(15,), (6, 6, 3)}}
_USCC_WORDS = ("统一社会信用代码", "社会信用代码", "信用代码")
# Labels of codes that, for a 个体工商户 or a person, hold the owner's ID
# (税务登记 used the ID as 纳税人识别号; issue 12 item 9).
TAX_WORDS = ("纳税人识别号", "税号", "注册号", "统一社会信用代码", "社会信用代码", "信用代码",
             "税务登记号", "税务登记证号")
DISABILITY_WORDS = ("残疾人证号", "残疾人证号码", "残疾证号", "残疾证号码", "残疾人证", "残疾证")
STUDENT_WORDS = ("全国学籍号", "学籍号", "学籍号码", "学籍编号")
_EMBED_LABELS = DISABILITY_WORDS + STUDENT_WORDS + ("纳税人识别号", "税号", "税务登记号", "税务登记证号")
_STUDENT = re.compile(r"([gl])(?<![0-9a-z*＊×][gl])([0-9]{17}[0-9x])(?![0-9a-z*＊×])")


def _region_text(code: str) -> str:
    return "地区码有效"  # never the code itself: it shows more digits than the mask


def _any_grouping(layout: tuple[int, ...]) -> bool:
    """Groups of at least two characters, at most six of them: 1101 0119
    9001 0112 37, 530427-1985-0312-123X."""
    return len(layout) <= 6 and min(layout) >= 2


Verdict = tuple[Rule, Severity, str, "str | None"]  # rule, severity, validation, label


def _judge(w: Window, broken: bool = False) -> Verdict | None:
    """(rule, severity, validation, label) for an ID-shaped window, or None.
    ``broken``: the window crosses a line break (only a fully valid value counts)."""
    chars = w.chars
    n = len(chars)
    if n not in _LAYOUTS:
        return None
    usual = not broken and w.layout in _LAYOUTS[n]
    if not usual and not (broken or _any_grouping(w.layout)):
        return None
    text = w.run.doc_text
    not_personal = w.run.label(w.start, NOT_PERSONAL_WORDS, reach=16, gap=8)
    if not_personal and (n != 18 or not_personal not in TAX_WORDS or w.masked):
        return None
    label = not_personal or w.run.label(w.start, ID_WORDS)
    if w.masked:
        return _judge_masked(chars, label) if usual else None
    if n == 15:
        if not chars.isdigit() or not region_name(chars[:6]) or not birth_date("19" + chars[6:12]):
            return None
        if not usual and not label:
            return None
        severity = Severity.ERROR if label else Severity.WARNING
        return RULE_LEGACY, severity, f"15位旧号码（无校验位）：出生日期有效、{_region_text(chars[:6])}", label
    checked = check_id(chars)
    if checked is None:
        return None
    check_ok, born, region = checked.check_ok, checked.born, checked.region
    if checked.confirmed:
        if _is_uscc(chars, text, w.start) or (not_personal and _uscc_valid(chars)):
            return None
        how = "" if usual else ("（跨行断开，拼合后校验）" if broken else "（按分组拼合后校验）")
        return (RULE_CONFIRMED, Severity.ERROR,
                f"校验位正确、出生日期有效、{_region_text(chars[:6])}{how}", label)
    if not_personal or not usual:
        return None
    if label and born:
        parts = ["出生日期有效", "校验位正确" if check_ok else "校验位不符",
                 _region_text(chars[:6]) if region else "地区码未收录"]
        return RULE_PROBABLE, Severity.WARNING, "、".join(parts), label
    return None


def _judge_masked(chars: str, label: str | None) -> Verdict | None:
    if any(c in MASK_CHARS for c in chars[:6]) or not region_name(chars[:6]):
        return None
    date = chars[6:14] if len(chars) == 18 else "19" + chars[6:12]
    if not date.isdigit() or not birth_date(date):
        return None
    return (RULE_WEAK_MASK, Severity.WARNING,
            f"已部分遮盖，但出生日期完整可见、{_region_text(chars[:6])}", label)


def _is_uscc(chars: str, text: str, start: int) -> bool:
    """An all-digit 统一社会信用代码 (GB 32100-2015) that happens to look like an
    ID: its own checksum passes and 信用代码 is named in the same record."""
    if "信用代码" not in text[max(0, start - 80):start]:  # in every _USCC_WORDS; the usual answer
        return False
    from stdnum.cn import uscc

    record = text[record_start(text, start):start]
    return bool(nearest(record, _USCC_WORDS)) and uscc.is_valid(chars.upper())


def _uscc_valid(chars: str) -> bool:
    from stdnum.cn import uscc

    return uscc.is_valid(chars.upper())


def _embedded(doc: Document) -> Iterator[tuple[int, int, str, str | None, Severity]]:
    """IDs inside longer codes: (start, end, code name, label, severity) in
    normalised offsets, the span being the whole code."""
    text = simplified(doc)
    for run in runs(doc):
        if run.layout != (20,) or (run.in_url and run.url_key is None):
            continue
        code = run.parts[0]
        if not is_confirmed_id(code[:18]):
            continue
        label = run.label(run.start, _EMBED_LABELS, reach=16, gap=8)
        if label in DISABILITY_WORDS or (label is None and code[18] in "1234567" and code[19] in "1234"):
            yield run.start, run.end, "残疾人证号", label, Severity.ERROR if label else Severity.WARNING
        elif label:  # 纳税人识别号 / 税号 (ID + 2), or a 学籍号 label
            yield run.start, run.end, label if label not in STUDENT_WORDS else "学籍号", label, Severity.ERROR
    if "g" in text or "l" in text:
        for m in in_stretches(doc, _STUDENT):  # its 17 digits in a row are the scan's first hint
            if is_confirmed_id(m.group(2)):
                label = word_before(text, m.start(), STUDENT_WORDS, 16, 8)
                yield m.start(), m.end(), "学籍号", label, Severity.ERROR


def _students_plain(doc: Document) -> list[tuple[int, int]]:
    """The 学籍号 shapes of ``doc`` found by a scan of the whole text (the
    plain path of ``_embedded``'s scan; tests/test_id_forms.py compares)."""
    return [m.span() for m in _STUDENT.finditer(simplified(doc))]


def _crossing(doc: Document) -> Iterator[tuple[Window, Verdict]]:
    """The windows of a line-broken run that cross its break."""
    for run, k in broken_runs(doc, 15):  # an ID has 15 or 18 characters
        def accept(w: Window, k: int = k) -> Verdict | None:
            return _judge(w, broken=True) if w.i < k < w.j else None

        yield from pick(run, accept, 6, (15, 18), url_values=True)


def _explain(hit: Hit[Verdict]) -> Said:
    rule, _severity, validation, label = hit.verdict
    return Said(
        rule,
        message=_MESSAGES[rule.code],
        suggestion=_suggestion(rule, hit.masked),
        explanation=Explanation(
            rule=f"{rule.code} {rule.title}，按 GB 11643-1999 校验",
            validation=validation,
            context=_context(rule, label),
        ),
    )


NUMBERS: NumberRule[Verdict] = NumberRule(
    ID_CARD, _judge, _explain, sizes=(15, 18), max_groups=6, url_values=True,
    severity=lambda v: v[1], extra=_crossing,
)


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    yield from NUMBERS.findings(doc, config)
    style = config.mask_style
    for s, e, code, label, severity in _embedded(doc):
        start, end = doc.span_to_original(s, e)
        masked = ID_CARD.masked(doc.text[start:end], style)
        said = f"编号前有“{label}”" if label else "编号的写法是第二代残疾人证号（身份证号码 + 残疾类别 + 等级）"
        severity, mode_note = lowered(severity, doc, config.mode)
        yield make_finding(
            doc, RULE_EMBEDDED, start, end, severity=severity, masked=masked,
            message=f"{code}中含完整的身份证号码",
            suggestion=f"删除{code}，或脱敏后公开（如 {masked}）",
            explanation=Explanation(
                rule=f"ID105 {code}包含身份证号码，按 GB 11643-1999 校验",
                validation="其中的18位身份证号码校验位正确、出生日期有效、地区码有效",
                context=with_note(said, mode_note),
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
    if label in TAX_WORDS:
        said += "（个体工商户等以经营者身份证号码作为该编号，仍属个人信息）"
    if rule is RULE_CONFIRMED:
        return f"已确认的身份证号码，无论上下文均为错误（{said}）"
    if rule is RULE_LEGACY:
        return f"{said}，" + ("按错误处理" if label else "按警告处理")
    if rule is RULE_PROBABLE:
        return f"{said}，按疑似录入错误提示"
    return said
