"""ID numbers that a spreadsheet turned into numbers (ID106).

Excel keeps 15 significant digits of a number.  An 18-digit ID typed into a
cell that is not formatted as text becomes 530427199001011000 shown as
``5.30427E+17``: the check digit and the last digits are lost, but the region
code (positions 1–6) and the birth date (7–14) survive, and a CSV saved from
such a sheet carries the scientific form as text.  Publishing it still
publishes where and when a person was born, so it is reported as a leak of a
damaged ID number, with the advice to store IDs as text.

The spreadsheet loaders write a numeric cell of 10^15 or more in this
scientific form (15 significant digits, as Excel holds it), so the same rule
covers .xlsx, .xls, .ods and a CSV exported from Excel.  Only the 18- and
15-digit magnitudes (E+17, E+14) are considered, and only when the surviving
leading digits are a known region code: a large amount or a measurement in
scientific notation is not an ID.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..model import Explanation, Finding, Severity
from .base import Rule, make_finding
from .id_card import ID_CARD
from .id_check import birth_date
from .regions import region_name

# It reports the ID detector's own kind: an ID number, masked like one.
KINDS = (ID_CARD,)

RULE_DAMAGED = Rule(
    "ID106", "id-card-stored-as-number", ID_CARD, Severity.ERROR, "身份证号码被存成数字（已损坏）",
    doc="检测内容：表格中被存成数值的身份证号码（如 5.30427E+17、5.30427199001011E+17），"
    "前几位是有效地区码；保留至第14位且出生日期有效时为错误，只剩地区码等少数几位时为警告。\n"
    "风险说明：Excel 只保留15位有效数字，末几位和校验位已丢失，但地区码和出生日期仍然泄露，"
    "而且原表格里往往还有完整号码。\n"
    "示例：身份证号码一列显示为 5.30427E+17。\n"
    "建议写法：删除该列；确需保留的，把单元格设为“文本”格式后重新录入并脱敏（如 53**************21）。",
    source="GB 11643-1999《公民身份号码》；Microsoft Excel 规范与限制（数字精度 15 位）；《政府信息公开条例》第十五条",
)
RULES = (RULE_DAMAGED,)

_SCIENTIFIC = re.compile(r"(?<![0-9.])([1-9])\.([0-9]{1,16})e\+?(14|17)(?![0-9])")
_ADVICE = "删除该列，或将单元格设为“文本”格式后重新录入并脱敏；身份证号码不要以数字格式保存"


def digits_of(lead: str, rest: str, exponent: int) -> tuple[str, int]:
    """The integer the scientific form stands for, and how many of its
    leading digits are real (the rest are zeros Excel filled in)."""
    mantissa = (lead + rest).rstrip("0") or lead
    length = exponent + 1
    return mantissa.ljust(length, "0")[:length], min(len(mantissa), length)


def _judge(digits: str, known: int) -> tuple[Severity, str] | None:
    region = region_name(digits[:6]) if known >= 6 else None
    if not region:
        return None
    date = digits[6:14] if len(digits) == 18 else "19" + digits[6:12]
    date_known = known >= (14 if len(digits) == 18 else 12)
    if date_known and birth_date(date):
        return Severity.ERROR, f"存成数值后仍保留前 {known} 位：地区码 {digits[:6]} 有效、出生日期有效"
    return Severity.WARNING, f"存成数值后只保留前 {known} 位：地区码 {digits[:6]} 有效，其余各位已丢失"


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    if "e+" not in doc.normalized:  # folding lowers the E: the usual draft has none
        return
    style = config.mask_style
    for m in _SCIENTIFIC.finditer(doc.normalized):
        digits, known = digits_of(m.group(1), m.group(2), int(m.group(3)))
        judged = _judge(digits, known)
        if judged is None:
            continue
        severity, validation = judged
        start, end = doc.span_to_original(*m.span())
        yield make_finding(
            doc, RULE_DAMAGED, start, end,
            severity=severity,
            masked=ID_CARD.masked(doc.text[start:end], style),
            message="身份证号码被存成了数字（末几位已丢失，地区码和出生日期仍可见）",
            suggestion=_ADVICE,
            explanation=Explanation(
                rule=f"{RULE_DAMAGED.code} {RULE_DAMAGED.title}，Excel 数值只保留15位有效数字",
                validation=validation,
                context=f"{len(digits)}位号码的数值形式",
            ),
        )
