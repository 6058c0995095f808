"""Mainland landline numbers (固定电话).

Forms: 0871-12345678, (0871)1234567, （0871）12345678, 0871 1234567,
0578—2090823 (em dash, en dash or full-width hyphen), +86-871-12345678, with
an extension (-8001, 转8001, 分机8001).  phonenumbers must classify the number
as FIXED_LINE (or FIXED_LINE_OR_MOBILE) for CN; a number of the right shape
that it does not know (a city that moved to 8 digits, a new range) is kept
only when a phone word labels it, at lower severity.  A bare 7–8 digit local
number is kept only right after a phone word (电话：6543210).  Hotlines and
service numbers (hotlines.py) are never reported.

Most landlines in a government draft are the office's own published contact
(条例第十二条、第二十条), so without context a landline is info.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import mask_landline
from ..model import Explanation, Finding, Severity
from .base import Rule
from .context import NOT_THIS_NUMBER, PHONE_LABELS, may_have_label
from .hotlines import is_service_number
from .number_rule import Hit, NumberRule, Said
from .numbers import Window
from .phones import FIXED_TYPES, dial, number_type

LANDLINE = Kind("landline", "固定电话", personal=True, rank=6, mask=mask_landline, allow_by="digits")
KINDS = (LANDLINE,)

_SOURCE = "《政府信息公开条例》第十二条、第二十条（单位联系电话应公开）；libphonenumber（phonenumbers）；domain notes §3.2–3.3"
_DOC_COMMON = (
    "级别：号码所在的条目、表格行或“项目：内容”段落写明是个人（人名、户主、申请人等）时为错误；"
    "单位联系渠道（联系电话、监督电话、传真、热线等）、工作人员和干部的办公电话、无上下文时为提示。惩戒公示、强制性信息披露稿件降一级。"
    "110、120、12345、12315、95xxx、400/800 等服务号码从不报告。"
)
RULE_FIXED = Rule(
    "PH301", "landline-number", LANDLINE, Severity.INFO, "固定电话号码",
    doc="检测内容：带区号的固定电话号码，如 0871-12345678、(0871)1234567、0578—2090823、+86-871-12345678，"
    "可带分机（-8001、转8001、分机8001）；phonenumbers 确认为固定电话号码。\n"
    "风险说明：个人住宅电话属于联系方式类个人信息；单位办公电话则应当公开。" + _DOC_COMMON + "\n"
    "示例：户主张某某，家庭电话 0877-0000000。\n"
    "建议写法：个人电话删除或脱敏为 0877-*****00；单位电话保留。",
    source=_SOURCE,
)
RULE_UNVERIFIED = Rule(
    "PH302", "landline-unverified", LANDLINE, Severity.INFO, "疑似固定电话号码（号段未确认）",
    doc="检测内容：形如区号 + 7–8位号码、但 phonenumbers 未能确认的号码（如号码已升8位的城市写成7位），"
    "只在号码前有“电话”“传真”等词时报告。\n"
    "风险说明：可能是个人电话，也可能是写错的单位电话；级别比已确认的号码低一级（个人记录中为警告，其余为提示）。\n"
    "示例：电话：0871-1234567。\n建议写法：核对号码；个人电话删除或脱敏。",
    source=_SOURCE,
)
RULE_LOCAL = Rule(
    "PH303", "landline-local", LANDLINE, Severity.INFO, "不带区号的电话号码",
    doc="检测内容：紧跟在“电话”“联系电话”“传真”等词后的7–8位本地号码（首位 2–9）。\n"
    "风险说明：个人电话同样属于个人信息。" + _DOC_COMMON + "\n"
    "示例：申请人电话：6543210。\n建议写法：个人电话删除或脱敏；单位电话建议写全区号。",
    source=_SOURCE,
)
RULES = (RULE_FIXED, RULE_UNVERIFIED, RULE_LOCAL)

_PAREN_AREA = re.compile(r"[(（]\s?(0[1-9]\d{1,2})\s?[)）]\s?[-\u2013\u2014]?\s?$")
_EXT = re.compile(r"\s?(?:转|分机|ext\.?)\s?\d{1,6}(?![0-9])")
_AREA = re.compile(r"0[1-9]\d{1,2}")
_LOCAL = re.compile(r"[2-9]\d{6,7}")
_PREFIX = re.compile(r"(?:\+\s?86|0086)[\s\-\u2013\u2014]{0,2}")
_NATIONAL = re.compile(r"0[1-9]\d{8,10}")
_LOCAL_LAYOUTS = {(7,), (8,), (3, 4), (4, 4)}
_DASHES = set("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63")


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Phone(NamedTuple):
    """A landline verdict.  ``label`` is the phone word before the number
    (电话, 传真 …) for the numbers whose explanation names it (PH302, PH303:
    kept because of it); a number phonenumbers confirms (PH301) needs none,
    and its label is not looked up."""

    rule: Rule
    start: int
    end: int
    area: str  # with the trunk 0, "" for a bare local number
    local: str
    validated: bool
    label: str | None


def _split(w: Window) -> tuple[int, str, tuple[int, ...], str] | None:
    """Read a window as (start, area code with its 0 or "", layout of the
    rest, digits of the rest); None when it cannot be a landline."""
    text = w.run.doc_text
    if w.i == 0:
        m = _PAREN_AREA.search(text, max(0, w.start - 10), w.start)
        if m:
            return m.start(), m.group(1), w.layout, w.chars
    d = dial(w)
    if d.prefixed:
        if len(d.layout) < 2 or not 2 <= d.layout[0] <= 3 or d.digits[0] == "0":
            return None
        k = d.layout[0]
        return d.start, "0" + d.digits[:k], d.layout[1:], d.digits[k:]
    if len(d.layout) >= 2 and _AREA.fullmatch(d.digits[:d.layout[0]]):
        k = d.layout[0]
        return d.start, d.digits[:k], d.layout[1:], d.digits[k:]
    return d.start, "", d.layout, d.digits


def _may_be_landline(w: Window) -> bool:
    """Cheap shape test before any parsing: one piece must be a local
    number (7–8), a number with its trunk 0 (10–12) or start with 86/0086."""
    if w.j - w.i > 1:
        return True
    first = w.run.parts[w.i]
    return len(first) in (7, 8) or (first[0] == "0" and 10 <= len(first) <= 12) or first[:2] == "86"


def _ends_local(layout: tuple[int, ...]) -> bool:
    """Whether ``layout`` ends with a local number's groups (7, 8, 3-4, 4-4)."""
    last = layout[-1]
    return last in (7, 8) or (last == 4 and len(layout) >= 2 and layout[-2] in (3, 4))


def _shaped(w: Window) -> bool:
    """The cheap test a table's dates and counts fail (2019-03-15,
    2019 03 15 08, 6-6): a window of several groups is a landline only if
    its groups end with a local number's (7, 8, 3-4, 4-4), maybe before an
    extension; whatever prefix, area code or bracket comes before, the local
    number is the last groups (``_judge_plain`` checks the rest).  Dates,
    文号 and table cells are rejected here in a few comparisons, before any
    parsing or label look-up."""
    if w.j - w.i == 1:
        return _may_be_landline(w)
    layout = w.layout
    return _ends_local(layout) or _ends_local(layout[:-1])


Label = Callable[[Window, int, tuple[str, ...], int, int], "str | None"]


def _run_label(w: Window, start: int, words: tuple[str, ...], reach: int, gap: int) -> str | None:
    """The label before ``start`` (Run.label: read once per position)."""
    return w.run.label(start, words, reach=reach, gap=gap)


def _quick_label(w: Window, start: int, words: tuple[str, ...], reach: int, gap: int) -> str | None:
    """``_run_label``, after the few set look-ups that rule out any label
    (context.may_have_label): most dates and table digits have none."""
    if not may_have_label(w.run.doc_text, start, words, gap):
        return None
    return w.run.label(start, words, reach=reach, gap=gap)


def _judge(w: Window) -> Phone | None:
    """``_judge_plain(w)``, with the windows that cannot be a landline
    rejected by shape first, and a label looked for only where one can end
    (tests/test_number_fast_paths.py and test_phone_fast_paths.py: the same
    verdict on every window of random texts)."""
    return _judge_plain(w, _quick_label) if _shaped(w) else None


def _judge_plain(w: Window, label: Label = _run_label) -> Phone | None:
    if not _may_be_landline(w) or w.masked:
        return None
    split = _split(w)
    if split is None:
        return None
    start, area, layout, rest = split
    if not area and len(layout) == 1 and _NATIONAL.fullmatch(rest):
        # written without separators: 08717012345
        validated = number_type(rest[1:]) in FIXED_TYPES
        word = None if validated else label(w, start, PHONE_LABELS, 12, 5)
        if is_service_number(rest[1:]) or not (validated or word):
            return None
        rule = RULE_FIXED if validated else RULE_UNVERIFIED
        return _labelled(Phone(rule, start, w.end, "", rest, validated, word), w, label)
    if layout not in _LOCAL_LAYOUTS and layout[:-1] in _LOCAL_LAYOUTS and layout[-1] <= 6 \
            and w.separators()[-1][:1] in _DASHES:
        layout = layout[:-1]  # an extension: 0871-65432100-8001
    if layout not in _LOCAL_LAYOUTS:
        return None
    local = rest[:sum(layout)]
    if local[:1] in ("", "0") or is_service_number(local):
        return None
    shaped = bool(_LOCAL.fullmatch(local))  # local numbers start with 2-9 (domain notes §3.2)
    if not area:
        if not shaped or label(w, start, PHONE_LABELS, 10, 3) is None:
            return None
        word = label(w, start, PHONE_LABELS, 12, 5)
        return _labelled(Phone(RULE_LOCAL, start, w.end, "", local, False, word), w, label)
    validated = number_type(area[1:] + local) in FIXED_TYPES
    word = None if validated else label(w, start, PHONE_LABELS, 12, 5)  # a confirmed number needs none
    if not (validated or (shaped and word)):
        return None
    rule = RULE_FIXED if validated else RULE_UNVERIFIED
    return _labelled(Phone(rule, start, w.end, area, local, validated, word), w, label)


def _labelled(p: Phone, w: Window, label: Label) -> Phone | None:
    """``p``, unless an ID, 索引号, 邮编 … label says the number is something else."""
    return None if label(w, p.start, NOT_THIS_NUMBER, 16, 8) else p


def _span(w: Window, p: Phone, norm: str) -> tuple[int, int]:
    """The number with its extension (0871-65432100 转8001) when the run ends there."""
    end = p.end
    if w.at_run_end:
        m = _EXT.match(norm, end)
        end = m.end() if m else end
    return p.start, end


def _explain(hit: Hit[Phone]) -> Said:
    p, ctx = hit.verdict, hit.owner
    who = ctx.who if ctx else None
    return Said(
        p.rule,
        message=_message(p, who),
        suggestion=None if hit.severity == Severity.INFO else f"删除个人电话，或脱敏为 {hit.masked}",
        explanation=Explanation(
            rule=f"{p.rule.code} {p.rule.title}",
            validation=_validation(p, hit.style),
            context=(ctx.describe() if ctx else None)
            or "号码所在的句子、条目或表格行中没有写明是谁的号码，按默认级别（提示）",
            detail=_DETAIL.get(p.rule.code),
        ),
    )


NUMBERS: NumberRule[Phone] = NumberRule(
    LANDLINE, _judge, _explain, sizes=(7, 22), max_groups=5,
    klass=lambda p: "landline", certain=lambda p: p.rule is not RULE_UNVERIFIED,
    span=_span, mask=lambda doc, start, end, p, style: _mask(doc, start, end, p, style),
)


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    return NUMBERS.findings(doc, config)


def _mask(doc: Document, start: int, end: int, p: Phone, style: str) -> str:
    """Mask as masking.mask("landline") does; after +86 the area code has no
    trunk 0, so mask the national part as if it had one, and keep the prefix."""
    value = doc.text[start:end]
    prefix = _PREFIX.match(doc.normalized, p.start)
    if p.area and prefix:
        cut = doc.to_original(prefix.end()) - start
        return value[:cut] + LANDLINE.masked("0" + value[cut:], style)[1:]
    return LANDLINE.masked(value, style)


_MESSAGE = {"PH301": "固定电话号码", "PH302": "疑似固定电话号码", "PH303": "电话号码（无区号）"}


def _message(p: Phone, who: str | None) -> str:
    return _MESSAGE[p.rule.code] + ("（单位公开联系渠道）" if who == "office" else "")


_DETAIL = {"PH301": "phonenumbers 校验通过（FIXED_LINE）", "PH302": "phonenumbers 未能确认"}


def _validation(p: Phone, style: str) -> str:
    area = "" if style == "full" or not p.area else f"区号 {p.area} "
    if p.rule is RULE_FIXED:
        return f"{area}固定电话号码，区号和号段已核对"
    if p.rule is RULE_UNVERIFIED:
        return f"{area}形式符合固定电话，但号段表中查不到；号码前有“{p.label}”，因此仍提示"
    return f"{len(p.local)}位本地号码，号码前有“{p.label}”"
