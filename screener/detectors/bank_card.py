"""Bank card numbers (银行卡号).

A candidate has 16–19 digits, written in one piece or in groups of four
(6222 0212 3456 7890 123), passes the Luhn check and starts
with a known card prefix (``CARD_PREFIXES``).  An 18-digit number that is a
valid ID number is left to the ID detector, as is anything labelled 身份证号码.

Severity: next to a person (户主, 持卡人, a name) an error; under an
organisation's account label (收款单位, 对公账户) info; otherwise a warning.
Not an error by default because a random 16–19 digit number (a 对公账号, a
serial number) passes Luhn one time in ten: a reviewer should look, but the
check alone does not prove a personal card.
"""
from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import keeping
from ..model import Explanation, Finding, Severity
from .base import Rule
from .context import NOT_THIS_NUMBER
from .id_check import is_confirmed_id
from .number_rule import Hit, NumberRule, Said
from .numbers import Window

BANK_CARD = Kind("bank-card", "银行卡号", personal=True, rank=8, mask=keeping(0, 4), allow_by="digits")
KINDS = (BANK_CARD,)

# (lowest prefix, highest prefix, card lengths, issuer).  Sources: Wikipedia "Payment card
# number", IIN table (rev. 2024-08, after ISO/IEC 7812); domain notes §4 (O2:
# 银联 62, Luhn); 银行卡号 BIN summaries (cardbaobao.com, zhzhwenwen.com: 60 and
# 9 as domestic 银联 prefixes; 9558 工商银行).
CARD_PREFIXES: tuple[tuple[str, str, tuple[int, ...], str], ...] = (
    ("62", "62", (16, 17, 18, 19), "中国银联"),
    ("60", "60", (16, 17, 18, 19), "银联国内卡"),
    ("9558", "9558", (19,), "工商银行国内卡"),
    ("4", "4", (16, 19), "Visa"),
    ("51", "55", (16,), "Mastercard"),
    ("2221", "2720", (16,), "Mastercard"),
    ("3528", "3589", (16, 17, 18, 19), "JCB"),
)

RULE = Rule(
    "BC501", "bank-card-number", BANK_CARD, Severity.WARNING, "银行卡号",
    doc="检测内容：16–19位、通过 Luhn 校验、以已知卡组织号段开头（银联 62、国内 60/9558、Visa 4、Mastercard 51–55/2221–2720、"
    "JCB 3528–3589）的银行卡号，可为 4 位一组的写法。\n"
    "风险说明：银行账户属于敏感个人信息（《个人信息保护法》第二十八条“金融账户”）。级别：在户主、持卡人、人名等个人记录中为错误；"
    "单位收款账户为提示；其余为警告（随机长数字有十分之一能通过 Luhn 校验，需人工确认）。\n"
    "示例：保障金发放账户：6222 0000 0000 0000 000。\n"
    "建议写法：删除，或只保留后4位：**** **** **** **** 000。",
    source="《个人信息保护法》第二十八条（金融账户）；云南省政府办公厅 2017 年通知（银行账号或卡号）；"
    "ISO/IEC 7812（Luhn 校验、发卡机构号段）",
)
RULES = (RULE,)


def card_issuer(digits: str) -> str | None:
    """The card scheme whose prefix and lengths fit ``digits``, or None."""
    for low, high, lengths, issuer in CARD_PREFIXES:
        if low <= digits[:len(low)] <= high and len(digits) in lengths:
            return issuer
    return None


# The digit sum of each digit doubled (Luhn): 5 -> 10 -> 1, 9 -> 18 -> 9.
_DOUBLED = str.maketrans("0123456789", "0246813579")


def luhn_valid(digits: str) -> bool:
    """The Luhn check (ISO/IEC 7812-1 annex B) of an all-digit string: from
    the right, every second digit doubled.  Two slices and two C-level sums:
    a quarter of the cost of stdnum.luhn's per-digit generator, and the same
    answer (tests/test_bank_card.py compares them)."""
    rev = digits[::-1]
    return (sum(map(int, rev[0::2])) + sum(map(int, rev[1::2].translate(_DOUBLED)))) % 10 == 0


def _grouped(layout: tuple[int, ...]) -> bool:
    """One piece, or groups of four with a shorter last group."""
    return len(layout) == 1 or (all(n == 4 for n in layout[:-1]) and 1 <= layout[-1] <= 4)


def _judge(w: Window) -> str | None:
    digits = w.chars
    if not 16 <= len(digits) <= 19 or not digits.isdigit() or not _grouped(w.layout):
        return None
    issuer = card_issuer(digits)
    if issuer is None or is_confirmed_id(digits):
        return None
    if not luhn_valid(digits):
        return None
    if w.run.label(w.start, NOT_THIS_NUMBER, reach=16, gap=8):
        return None
    return issuer


def _explain(hit: Hit[str]) -> Said:
    ctx = hit.owner
    who = ctx.who if ctx else None
    return Said(
        RULE,
        message="银行卡号" + ("（单位账户）" if who == "office" else ""),
        suggestion=None if hit.severity == Severity.INFO else f"删除，或只保留后4位：{hit.masked}",
        explanation=Explanation(
            rule="BC501 银行卡号",
            validation=f"{len(hit.window.chars)}位，Luhn 校验通过，号段属于{hit.verdict}",
            context=(ctx.describe() if ctx else None)
            or "号码所在的句子、条目或表格行中没有写明是谁的账户，按默认级别（警告）",
        ),
    )


NUMBERS: NumberRule[str] = NumberRule(BANK_CARD, _judge, _explain, sizes=(16, 19), max_groups=5,
                                      klass=lambda issuer: "bank-card")


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    return NUMBERS.findings(doc, config)
