"""外国人永久居留身份证 numbers, both card generations.

* 2023 card (issued from 2023-12-01): 18 characters, first digit ``9`` (the
  mark of a foreigner; citizens' region codes start 1–8), digits 2–3 the
  province where it was issued, 4–6 the nationality as a numeric country
  code (GB/T 2659.1 = ISO 3166-1 numeric), 7–14 the birth date, 15–17 a
  sequence, 18 a check character computed like a citizen's (ISO 7064
  MOD 11-2).  A value passing every part is as certain as a citizen ID:
  error wherever it stands.
* older card (2004/2017): 15 characters, the nationality as an ISO 3166-1
  alpha-3 code, 4 digits of the issuing place, the birth date YYMMDD, one
  sequence digit and a check digit (weights 7-3-1, letters A=10 … Z=35,
  modulo 10, as in ICAO 9303 machine-readable documents).  Check digit good:
  error; check digit wrong after a 居留证 label: warning.

The nationality codes are the ``iso3166`` package's table (MIT licence, no
dependencies), the standard GB/T 2659.1 adopts.  These are reported as kind
``id-card`` (the same privacy and mask as a citizen ID), codes ID111/ID112.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import iso3166

from ..config import Config
from ..document import Document
from ..model import Explanation, Finding, Severity
from ..traditional import simplified
from .base import Rule, make_finding
from .context import ID_WORDS, NOT_PERSONAL_WORDS, word_before
from .id_card import ID_CARD
from .id_check import birth_date, check_char
from .number_rule import Hit, NumberRule, Said
from .numbers import Window
from .permits import LONG, edge

_SOURCE = ("国家移民管理局《新版外国人永久居留身份证机读信息规则（2023版）》；GB/T 2659.1（ISO 3166-1 国家代码，"
           "数据取自 iso3166 软件包）；《外国人永久居留身份证》2017 版号码结构（domain notes）；《个人信息保护法》")
KINDS = (ID_CARD,)  # reported as ID numbers, masked like them

RULE_2023 = Rule(
    "ID111", "foreign-permanent-id-2023", ID_CARD, Severity.ERROR, "外国人永久居留身份证号码（2023版，18位）",
    doc="检测内容：2023年12月起签发的外国人永久居留身份证号码：18位，首位为 9，第2–3位为受理地省级代码，"
    "第4–6位为国籍数字代码（GB/T 2659.1），第7–14位为出生日期，末位校验码按 ISO 7064 MOD 11-2 计算；各部分均正确才报告。\n"
    "风险说明：与居民身份证号码一样可识别特定个人，属于个人身份信息（GB/T 35273 附录B），无论上下文均为错误。\n"
    "示例：永久居留身份证号码：9 11 840 19900101 123 + 校验位。\n"
    "建议写法：删除，或脱敏为 91**************3X（只留前2位和后2位）。",
    source=_SOURCE,
)
RULE_2017 = Rule(
    "ID112", "foreign-permanent-id-2017", ID_CARD, Severity.ERROR, "外国人永久居留证号码（旧版，3位字母+12位数字）",
    doc="检测内容：旧版外国人永久居留证号码：15位，前3位为国籍字母代码（ISO 3166-1 三字母码），其后4位受理地代码、"
    "6位出生日期（YYMMDD）、1位顺序码和1位校验码（7-3-1 加权，字母 A=10…Z=35，模10）。"
    "校验码正确为错误；校验码不符但号码前有“永久居留证”等词时为警告。\n"
    "风险说明：可识别特定外籍个人，属于个人身份信息。\n"
    "示例：永久居留证号码：USA110085031212（示意）。\n"
    "建议写法：删除，或脱敏为 US***********12。",
    source=_SOURCE,
)
RULES = (RULE_2023, RULE_2017)

LABEL_WORDS = ("永久居留身份证", "永久居留证", "外国人永久居留身份证", "外国人永久居留证", "居留证", "居留证件") + ID_WORDS
# province-level codes of GB/T 2260 (the 受理地 of the 2023 card)
PROVINCES = frozenset({"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
                       "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
                       "65", "71", "81", "82"})
# the left edge is checked in code, so that a long text can be scanned by
# the ``regex`` module without a look-behind (as permits.py does)
_OLD = r"[a-z]{3}[0-9]{12}(?![0-9a-z])"
_WEIGHTS = (7, 3, 1)
_LATIN = re.compile("[a-z]")


@lru_cache(maxsize=2)
def _old_shape(long: bool):
    if long:
        import regex  # only long texts pay for importing it

        return regex.compile(_OLD)
    return re.compile(_OLD)


def valid_2023(chars: str) -> bool:
    """The full check of a 2023 card number (normalised: lower-case x)."""
    return (len(chars) == 18 and chars[0] == "9" and chars[:17].isdigit() and chars[1:3] in PROVINCES
            and chars[3:6] in iso3166.countries_by_numeric and birth_date(chars[6:14]) is not None
            and (chars[17].isdigit() or chars[17] == "x") and check_char(chars[:17]) == chars[17].upper())


def old_check(body14: str) -> str:
    """The check digit of an older card: weights 7-3-1 over the first 14
    characters (digits as themselves, A=10 … Z=35), modulo 10."""
    total = 0
    for k, ch in enumerate(body14.upper()):
        value = int(ch) if ch.isdigit() else ord(ch) - 55
        total += value * _WEIGHTS[k % 3]
    return str(total % 10)


def _old_date(yymmdd: str) -> bool:
    return any(birth_date(century + yymmdd) for century in ("19", "20"))


def _judge(w: Window) -> bool:
    return valid_2023(w.chars) and not w.run.label(w.start, NOT_PERSONAL_WORDS, reach=16, gap=8)


def _explain(hit: Hit[bool]) -> Said:
    w = hit.window
    label = w.run.label(w.start, LABEL_WORDS)
    return _said(RULE_2023, hit.masked, "首位 9、受理地省级代码、国籍数字代码、出生日期和校验位均正确", label)


# A 2023 card is an error wherever it stands, and (as before the shared
# loop) a lawful disclosure does not lower it.
NUMBERS: NumberRule[bool] = NumberRule(ID_CARD, _judge, _explain, sizes=(18, 18), max_groups=5, url_values=True,
                                       severity=lambda ok: Severity.ERROR, lowers=False)


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    style = config.mask_style
    text = simplified(doc)
    yield from NUMBERS.findings(doc, config)
    if not _LATIN.search(text):
        return
    for m in _old_shape(len(text) >= LONG).finditer(text):
        if not edge(text, m.start()):
            continue
        alpha3, digits = m.group()[:3].upper(), m.group()[3:]
        if alpha3 not in iso3166.countries_by_alpha3 or not _old_date(digits[4:10]):
            continue
        label = word_before(text, m.start(), LABEL_WORDS, 16, 8)
        if old_check(m.group()[:14]) == digits[-1]:
            yield _finding(doc, RULE_2017, m.start(), m.end(), Severity.ERROR, style,
                           "国籍字母代码、出生日期和校验位均正确", label)
        elif label:
            yield _finding(doc, RULE_2017, m.start(), m.end(), Severity.WARNING, style,
                           "国籍字母代码和出生日期有效，但校验位不符（可能是录入错误）", label)


def _said(rule: Rule, masked: str, validation: str, label: str | None) -> Said:
    said = f"号码前有“{label}”" if label else "号码前没有证件相关词语"
    return Said(rule, message=rule.title, suggestion=f"删除，或脱敏后公开（如 {masked}）",
                explanation=Explanation(rule=f"{rule.code} {rule.title}", validation=validation, context=said))


def _finding(doc: Document, rule: Rule, s: int, e: int, severity: Severity, style: str,
             validation: str, label: str | None) -> Finding:
    start, end = doc.span_to_original(s, e)
    masked = ID_CARD.masked(doc.text[start:end], style)
    said = _said(rule, masked, validation, label)
    return make_finding(doc, rule, start, end, severity=severity, masked=masked, message=said.message,
                        suggestion=said.suggestion, explanation=said.explanation)
