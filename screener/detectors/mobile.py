"""Mainland mobile numbers (13x–19x, including 16x/17x/19x).

A candidate is an 11-digit run written 13812345678, 138 1234 5678 or
138-1234-5678, optionally after +86, 0086 or (+86), or after an 86 without
the + where it can only be the country code (``tel:8615114177763``,
``86-151-1417-7763``; phones.dial); phonenumbers must classify
it as MOBILE for region CN, so a number in an unassigned range is dropped.
A mobile dialled with the trunk prefix 0 (015100221432, 0151 0022 1432:
some lists write every number as dialled from a landline) is the same
mobile; 010 + 8 digits (Beijing) has 11 digits and never reads as one.  A
number that is the value of a query parameter in a web address
(``?tel=…``, a key that names a phone) is reported too; numbers in an
address's path, and ``?id=13929141777``, are not.
A masked number (138****5678) is not a leak.  Severity follows context: next
to a person it is an error, under an office's contact label info, otherwise a
warning (a private mobile on its own still needs a look).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import keeping
from ..model import Explanation, Finding, Severity
from .base import Rule
from .context import NOT_THIS_NUMBER, may_have_label
from .hotlines import is_service_number
from .number_rule import Hit, NumberRule, Said
from .numbers import Window
from .phones import MOBILE_TYPES, Dial, dial, number_type

MOBILE = Kind("mobile", "手机号码", personal=True, rank=7, mask=keeping(3, 4), allow_by="digits")
KINDS = (MOBILE,)

RULE = Rule(
    "MB201", "mobile-number", MOBILE, Severity.WARNING, "手机号码",
    doc="检测内容：中国大陆11位手机号码（13x–19x 号段，含 16x、17x、19x），"
    "写法包括 13812345678、138 1234 5678、138-1234-5678、+86 / 0086 / (+86) 前缀（tel: 链接和 86-151… 写法中不带 + 的 86 也算）、长途字冠 0（015100221432）和全角数字，"
    "以及网址中电话参数的值（?tel=…、&lxdh=…）；号段以 phonenumbers 判定。\n"
    "风险说明：个人手机号码属于联系方式类个人信息，未经本人同意不得公开。"
    "级别：号码所在的条目、表格行或“项目：内容”段落写明是个人（人名、王某某、户主、申请人、村民、之女……，或表头有“姓名”列）时为错误；"
    "单位联系渠道（监督电话、举报电话、舉報電話、值班电话……，或“受理单位”等写明的单位）为提示；"
    "联系人、经办人或乡长、主任等干部的手机一律为警告；其余为警告。惩戒公示、强制性信息披露稿件降一级。"
    "已脱敏的 138****5678 不报告。\n"
    "示例：户主张某某，联系电话：139 0000 0000。\n"
    "建议写法：删除，或脱敏为 139****0000；单位对外联系请公布办公电话。",
    source="云南省人民政府办公厅 2017 年通知（联系方式属个人信息）；《个人信息保护法》；"
    "工业和信息化部移动电话号段（domain notes §3.1，libphonenumber 数据）",
)
RULES = (RULE,)

_LAYOUTS = {(11,), (3, 4, 4), (3, 8)}
# Query keys that name a phone number (English and pinyin initials: 手机号 sjh, 联系电话 lxdh).
_PHONE_KEY = re.compile(r"(?:tel|telephone|phone|phoneno|phonenum|mobile|mobilephone|mob|cell|cellphone|"
                        r"sj|sjh|sjhm|shouji|dh|dhhm|lxdh|lxfs|lianxidianhua|contact)")


def _judge(w: Window) -> Dial | None:
    """``_judge_plain(w)``, with the windows that cannot read as a mobile
    rejected from their first group before any parsing: one that starts
    with 0 is a mobile only after 0086 or as a trunk 0 + 1 (01…), one that
    starts with 8 only after 86.  Most such windows are landlines with
    their area code (0871-65432100), offered to this detector too
    (tests/test_phone_fast_paths.py: the same verdict on every window of
    random texts)."""
    first = w.run.parts[w.i]
    lead = first[0]
    if lead == "0":
        if first[1:2] not in ("1", "") and first[:4] != "0086":
            return None
    elif lead == "8" and first[1:2] != "6":
        return None
    return _judge_plain(w)


def _judge_plain(w: Window, read: Callable[..., Dial] = dial, quick: bool = True) -> Dial | None:
    """The mobile verdict for ``w``, from its dialled reading (``read``:
    phones.dial, or phones.dial_plain for the equivalence tests); with
    ``quick``, the label is read only where one can end (context.may_have_label)."""
    first = w.run.parts[w.i]
    if first[0] not in "108" or w.masked:  # 1xx, or a 86 / 0086 prefix
        return None
    if w.run.in_url and not _PHONE_KEY.fullmatch(w.run.url_key or ""):
        return None
    d = _without_trunk(read(w, bare_86=True))
    if len(d.digits) != 11 or d.layout not in _LAYOUTS or d.digits[:1] != "1" or d.digits[1] < "3":
        return None
    if is_service_number(d.digits) or number_type(d.digits) not in MOBILE_TYPES:
        return None
    if (not quick or may_have_label(w.run.doc_text, d.start, NOT_THIS_NUMBER, 8)) \
            and w.run.label(d.start, NOT_THIS_NUMBER, reach=16, gap=8):
        return None
    return d


def _without_trunk(d: Dial) -> Dial:
    """0151 0022 1432 read as 151 0022 1432 (the trunk 0 before a mobile)."""
    if d.prefixed or len(d.digits) != 12 or d.digits[:2] != "01" or d.digits[2] < "3":
        return d
    layout = (d.layout[0] - 1,) + d.layout[1:] if d.layout[0] > 1 else d.layout[1:]
    return Dial(d.start, d.national_start + 1, d.end, d.digits[1:], layout, False)


def _span(w: Window, d: Dial, norm: str) -> tuple[int, int]:
    return d.start, d.end


def _mask(doc: Document, start: int, end: int, d: Dial, style: str) -> str:
    """The national part masked, a +86 / 0086 / trunk 0 before it kept."""
    national = doc.to_original(d.national_start)
    return doc.text[start:national] + MOBILE.masked(doc.text[national:end], style)


def _explain(hit: Hit[Dial]) -> Said:
    d, ctx = hit.verdict, hit.owner
    who = ctx.who if ctx else None
    return Said(
        RULE,
        message="手机号码" + ("（单位公开联系渠道）" if who == "office" else ""),
        suggestion=None if hit.severity == Severity.INFO else f"删除，或脱敏为 {hit.masked}",
        explanation=Explanation(
            rule="MB201 中国大陆手机号码",
            validation=("" if hit.style == "full" else f"号段 {d.digits[:3]} ")
            + "为已分配的移动电话号段"
            + ("，含国际区号 +86" if d.prefixed else "")
            + ("，前加长途字冠 0" if d.national_start > d.start and not d.prefixed else ""),
            context=(ctx.describe() if ctx else None)
            or "号码所在的句子、条目或表格行中没有写明是谁的号码，按默认级别（警告）",
            detail="phonenumbers 校验通过（MOBILE）",
        ),
    )


NUMBERS: NumberRule[Dial] = NumberRule(
    MOBILE, _judge, _explain, sizes=(11, 15), max_groups=5, url_values=True,
    klass=lambda d: "mobile", span=_span, mask=_mask,
)


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    return NUMBERS.findings(doc, config)
