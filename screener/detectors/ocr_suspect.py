"""Doubts about text that OCR read from a picture (screener/ocr/).

It runs only on OCR-derived lines (``Document.ocr_lines``); the other
detectors screen those lines as they screen any text.  OCR misreads digits
(8 for 3, 1 for 7), so a number that fails its check digit in a scan is more
likely misread than mistyped, and is shown as 疑似 with the picture to check
instead of being dropped:

- OC902: 18 characters whose region code and birth date are valid but whose
  GB 11643 check digit fails (a typed draft needs an ID label for this: ID103).
- OC903: 16–19 digits failing the Luhn check right after 银行卡号 / 卡号 / 账号.
- OC901: lines the engine was less sure of than the threshold (80%) are
  listed per picture: they may hide a number no detector recognised.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..document import Document, OcrLine
from ..model import Explanation, Finding, Severity
from ..ocr.settings import MIN_CONFIDENCE
from .bank_card import BANK_CARD, luhn_valid
from .base import Rule, make_finding
from .id_card import ID_CARD
from .id_check import birth_date, check_char
from .regions import region_name
from .unchecked import UNCHECKED

KINDS = (ID_CARD, BANK_CARD, UNCHECKED)

_SOURCE = "GB 11643-1999（校验码）；ISO/IEC 7812-1（Luhn）；《政府信息公开条例》第十五条"
RULE_LOW = Rule(
    "OC901", "ocr-low-confidence", UNCHECKED, Severity.WARNING, "图片文字识别置信度低",
    doc="检测内容：OCR 识别图片或扫描页时把握不足（置信度低于 80%）的文字行。\n"
    "风险说明：识别不准的行里可能有未被认出的身份证号、手机号，不能算作“未发现问题”。\n"
    "示例：扫描件第5行字迹模糊，识别置信度 62%。\n"
    "建议写法：对照原图逐行核对所列行；最好检查其文字源文件。",
    source=_SOURCE,
)
RULE_ID = Rule(
    "OC902", "ocr-id-suspect", ID_CARD, Severity.WARNING, "疑似身份证号（图片识别，校验位不符）",
    doc="检测内容：从图片识别出的18位号码，地区码和出生日期有效，但校验位不符。\n"
    "风险说明：OCR 常把数字认错（如 8 认成 3），原图中很可能是一个真实的身份证号。\n"
    "示例：扫描的花名册中“53042719850312123X”识别成校验位不符的号码。\n"
    "建议写法：对照原图核对；若是身份证号，发布前删除或打码。",
    source=_SOURCE,
)
RULE_CARD = Rule(
    "OC903", "ocr-card-suspect", BANK_CARD, Severity.WARNING, "疑似银行卡号（图片识别，校验不符）",
    doc="检测内容：从图片识别出的、紧跟“银行卡号”“卡号”“账号”的16至19位数字，Luhn 校验不符。\n"
    "风险说明：OCR 认错一位数字就会使校验失败，原图中很可能是一个真实的卡号。\n"
    "示例：扫描的补贴发放表中“银行卡号 6222…”识别后校验不符。\n"
    "建议写法：对照原图核对；若是个人银行卡号，发布前删除或打码。",
    source=_SOURCE,
)
RULES = (RULE_LOW, RULE_ID, RULE_CARD)

_ID = re.compile(r"(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![0-9A-Za-z])[0-9]{16,19}(?![0-9A-Za-z])")
_CARD_LABEL = re.compile(r"(银行卡号?|卡号|银行账号|账号|帐号|账户|帐户)[码]?[：:\s]*$")
_LABEL_REACH = 12


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    if not doc.ocr_lines:
        return
    yield from _low_confidence(doc)
    for line in doc.ocr_lines:
        text = doc.text[line.start:line.end]
        for m in _ID.finditer(text):
            chars = m.group().upper()
            if check_char(chars[:17]) != chars[17] and region_name(chars[:6]) and birth_date(chars[6:14]):
                yield _suspect(doc, RULE_ID, line, line.start + m.start(), line.start + m.end(),
                               "出生日期有效、地区码有效、校验位不符")
        for m in _CARD.finditer(text):
            before = text[max(0, m.start() - _LABEL_REACH):m.start()]
            if not luhn_valid(m.group()) and _CARD_LABEL.search(before):
                yield _suspect(doc, RULE_CARD, line, line.start + m.start(), line.start + m.end(),
                               "前有账号标签、Luhn 校验不符")


def _suspect(doc: Document, rule: Rule, line: OcrLine, start: int, end: int, validation: str) -> Finding:
    noun = "身份证号" if rule is RULE_ID else "银行卡号"
    return make_finding(
        doc, rule, start, end,
        message=f"疑似{noun}：{line.where} 中识别出的号码校验不符，可能是识别错误，请对照原图核对",
        suggestion=f"对照{line.where} 核对该号码；若是个人{noun}，发布前删除或打码",
        explanation=Explanation(rule=f"{rule.code} {rule.title}", validation=validation,
                                context=f"图片识别文字（{line.where}，置信度 {_percent(line.confidence)}），OCR 可能把数字认错"),
    )


def _low_confidence(doc: Document) -> Iterator[Finding]:
    """One warning per picture listing its doubtful lines (第N行 within the picture)."""
    numbers: dict[str, list[tuple[int, OcrLine]]] = {}
    counts: dict[str, int] = {}
    for line in doc.ocr_lines:
        counts[line.where] = counts.get(line.where, 0) + 1
        if line.confidence < MIN_CONFIDENCE:
            numbers.setdefault(line.where, []).append((counts[line.where], line))
    for where, low in numbers.items():
        first = low[0][1]
        shown = "、".join(f"第{n}行" for n, _ in low[:10]) + (f" 等 {len(low)} 行" if len(low) > 10 else "")
        worst = min(line.confidence for _, line in low)
        yield make_finding(
            doc, RULE_LOW, first.start, first.start,
            message=f"{where}有 {len(low)} 行文字识别置信度低（{shown}，最低 {_percent(worst)}），可能漏检，请对照原图核对",
            suggestion=RULE_LOW.doc.rsplit("建议写法：", 1)[-1],
            explanation=Explanation(rule=f"{RULE_LOW.code} {RULE_LOW.title}",
                                    context=f"识别置信度低于 {_percent(MIN_CONFIDENCE)} 的文字不能算作已检查"),
        )


def _percent(confidence: float) -> str:
    return f"{min(99, int(confidence * 100))}%"
