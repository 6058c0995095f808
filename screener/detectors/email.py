"""E-mail addresses.

A personal mailbox is 联系方式 on the 云南省 list of personal data not to be
published without consent (domain notes §2.5, M5); an office mailbox listed as
a contact (xxx@gov.cn, 联系邮箱) is meant to be public.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import mask_email
from ..model import Explanation, Finding, Severity
from .base import Rule, make_finding
from .context import classify, lowered

EMAIL = Kind("email", "电子邮箱", personal=True, rank=5, mask=mask_email)
KINDS = (EMAIL,)

RULE = Rule(
    code="EM401",
    name="email-address",
    kind=EMAIL,
    severity=Severity.WARNING,
    title="电子邮箱",
    doc="检测内容：电子邮箱地址。风险说明：个人邮箱属于联系方式类个人信息，未经本人同意不得公开。"
    "示例：zhangsan@example.com。建议写法：删除或脱敏为 z***@example.com；单位公开的联系邮箱不受影响。",
    source="云南省人民政府办公厅 2017 年通知（个人信息范围）；《个人信息保护法》",
)
RULES = (RULE,)

_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?"
    r"(?:\.[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?)*\.[a-z]{2,24}(?![a-z0-9]|-[a-z0-9])"
)
# A government domain (…@xinping.gov.cn, and a bare …@gov.cn) is an office
# mailbox wherever it stands; edu.cn / org.cn are public bodies' unless a
# person owns the record.
_GOV_DOMAIN = re.compile(r"(?:^|\.)gov\.cn$|\.gov$")
_OFFICIAL_DOMAIN = re.compile(r"(?:^|\.)(?:gov|edu|org)\.cn$|\.gov$")


# The characters of a local part (the normalised view has no capitals).  A
# match starts where the stretch of these before an ``@`` starts: inside the
# stretch the lookbehind fails, and the local part holds no ``@``.
_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
_LOCAL_MAX = 64


def addresses(norm: str) -> Iterator[re.Match]:
    """``_EMAIL.finditer(norm)``, trying the pattern only where an address
    can start: for each ``@``, at the start of the stretch of local-part
    characters before it (at most 64 back).  The pattern is otherwise tried
    at every character once a draft holds an ``@``; the matches are the
    same (tests/test_fast_paths.py compares the two on random texts)."""
    last = 0  # where the previous match ended: finditer resumes there
    at = norm.find("@")
    while at >= 0:
        start = at
        floor = max(0, at - _LOCAL_MAX - 1)
        while start > floor and norm[start - 1] in _LOCAL:
            start -= 1
        if start >= last and 0 < at - start <= _LOCAL_MAX:
            m = _EMAIL.match(norm, start)
            if m is not None:
                yield m
                last = m.end()
        at = norm.find("@", max(at + 1, last))


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    norm = doc.normalized
    if "@" not in norm:
        return
    for m in addresses(norm):
        start, end = doc.span_to_original(m.start(), m.end())
        value = doc.text[start:end]
        domain = m.group().rsplit("@", 1)[1]
        official = f"域名 {domain} 属于机关、事业单位或组织，是单位邮箱"
        context: str | None
        if _GOV_DOMAIN.search(domain):  # decided by the domain: who owns the record is not asked
            severity, context = Severity.INFO, official
            yield _finding(doc, config, start, end, value, severity, context)
            continue
        ctx = classify(doc.text, start, end)
        if ctx.who == "person":
            severity, context = Severity.ERROR, ctx.describe()
        elif ctx.who == "office" or _OFFICIAL_DOMAIN.search(domain):
            severity = Severity.INFO
            context = ctx.describe() if ctx.who == "office" else official
        else:
            severity = RULE.severity
            context = ctx.describe() or "邮箱所在的句子、条目或表格行中没有写明是谁的邮箱，按默认级别（警告）"
        yield _finding(doc, config, start, end, value, severity, context)


def _finding(doc: Document, config: Config, start: int, end: int, value: str,
             severity: Severity, context: str | None) -> Finding:
    """The finding for the address at original ``[start, end)``, its severity
    lowered as the mode asks."""
    severity, mode_note = lowered(severity, doc, config.mode)
    if mode_note:
        context = f"{context}；{mode_note}"
    return make_finding(
        doc, RULE, start, end,
        severity=severity,
        masked=EMAIL.masked(value, config.mask_style),
        message="电子邮箱地址" + ("（单位公开联系邮箱）" if severity == Severity.INFO else ""),
        suggestion=None if severity == Severity.INFO else "删除个人邮箱，或脱敏后公开",
        explanation=Explanation(rule="EM401 电子邮箱格式", context=context),
    )
