"""Travel permits, passports and military IDs (GB/T 35273 附录B 个人身份信息:
身份证、军官证、护照 …).

None of these numbers has a check digit, so the *label* decides: with its
label (护照号码：, 回乡证, 台胞证号 …) a number of the right shape is an error;
without one, only the shapes distinctive enough to stand alone are reported,
as warnings (E + letter + 7 digits for a passport, H/M + 10 digits for a
回乡证, 10 digits + (letter) for an old 台胞证, 军/兵/士字第…号).  A bare
8-digit 台胞证 number is never reported: any 8 digits look like it.  In a
private person's record (a name, 户主 …) a warning becomes an error.

Formats (domain notes, O3/O4/O6): 港澳居民来往内地通行证 H/M + 8-digit life
number (+ 2-digit renewal count); 往来港澳通行证 (mainland residents) C +
8 characters; 台湾居民来往大陆通行证 8 digits since 2008, before that 10
digits + (issuing office); PRC passports E + 8 digits (2012–2017), E +
letter (no I/O) + 7 digits (from 2017), G + 8 digits (before 2012), and
for other passports any letters and digits after 护照号码; 军官证/士兵证
X字第…号.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from ..anchored import finditer_at, starts_of
from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import keeping
from ..model import Explanation, Finding, Severity
from ..traditional import simplified
from .base import Rule, make_finding
from .context import classify, word_before

# The kind this detector reports, with its privacy.
PERMIT = Kind("permit", "证件号码（护照、通行证、军官证等）", personal=True, rank=8,
              mask=keeping(1, 2), allow_by="digits")  # the letter and the last 2: H*******00
KINDS = (PERMIT,)

_SOURCE = "GB/T 35273-2020 附录B（个人身份信息：军官证、护照等）；《个人信息保护法》第二十八条；"


def _rule(code: str, name: str, title: str, what: str, example: str, better: str, source: str) -> Rule:
    return Rule(code, name, PERMIT, Severity.ERROR, title,
                doc=f"检测内容：{what}\n"
                "风险说明：证件号码可识别特定个人，属于个人身份信息，公示名单中不应出现；"
                "有证件名称等标签、或在个人记录中为错误，仅凭号码写法识别的为警告。\n"
                f"示例：{example}\n建议写法：{better}",
                source=_SOURCE + source)


RULE_HK_MACAU = _rule(
    "ID121", "hk-macau-permit", "港澳居民来往内地通行证号码（回乡证）",
    "H（香港）或 M（澳门）加 8 位终身号码，可再加 2 位换证次数；有“港澳居民来往内地通行证”“回乡证”等词时为错误，"
    "没有标签的 11 位写法为警告。往来港澳通行证（内地居民，C 加 8 位）在有标签时同样报告。",
    "港澳居民来往内地通行证号码：H1234567800", "删除，或脱敏为 H********00",
    "公安部出入境管理局《港澳居民来往内地通行证号码规则》（domain notes O3、O6）")
RULE_TAIWAN = _rule(
    "ID122", "taiwan-permit", "台湾居民来往大陆通行证号码（台胞证）",
    "有“台湾居民来往大陆通行证”“台胞证”等词时的 8 位号码；旧版 10 位加括号签发机关（如 0123456701(B)）无标签时为警告。",
    "台胞证号码：01234567", "删除，或脱敏为 0*****67",
    "公安部 2008 年台胞证“一人一号、终身不变”（中新网 2008-09-12）；国家移民管理局《中国出入境观察》2020")
RULE_PASSPORT = _rule(
    "ID123", "passport", "护照号码",
    "中国普通护照 E 加字母（不含 I、O）加 7 位数字、E 或 G 加 8 位数字；“护照号码”后的其他护照号码（字母数字 6–12 位）。"
    "无标签时只报告 E 开头的写法（警告）。",
    "护照号码：EA1234567", "删除，或脱敏为 E******67",
    "广州市公安局《中国护照号码按照什么规则编制》（2024-02-19，domain notes O4）")
RULE_MILITARY = _rule(
    "ID124", "military-id", "军官证、士兵证、警官证等证件号码",
    "“军官证”“士兵证”“文职干部证”“警官证”等词后的号码，或“军字第1234567号”“士字第…号”写法（无标签时为警告）。",
    "军官证号：军字第2001988号", "删除，或脱敏为 军字第2****88号",
    "GB/T 35273-2020 附录B（军官证）；常见证件号码写法（domain notes）")
RULES = (RULE_HK_MACAU, RULE_TAIWAN, RULE_PASSPORT, RULE_MILITARY)

HK_MACAU_WORDS = ("港澳居民来往内地通行证", "来往内地通行证", "回乡证", "港澳通行证", "往来港澳通行证", "通行证")
TAIWAN_WORDS = ("台湾居民来往大陆通行证", "来往大陆通行证", "台胞证", "台湾通行证")
PASSPORT_WORDS = ("护照", "护照号", "护照号码", "passport", "passport no")
MILITARY_WORDS = ("军官证", "士兵证", "文职干部证", "警官证", "军人证", "士官证", "军人保障卡", "军官证号")
_LABELLED = re.compile("|".join(TAIWAN_WORDS) + "|护照")

# Letters + digits, and 10 digits + (office): their left edge (not glued to a
# letter or digit) is checked in code, so over a long text the ``regex``
# module can run them without a look-behind, some 6 times faster than ``re``.
_LETTERED = r"[a-z]{1,2}[0-9]{7,10}(?![0-9a-z])"
_TW_OLD = r"[0-9]{10}[(（][0-9a-z][)）]"
LONG = 1_000  # characters from which the ``regex`` module pays for its import
_AFTER_LABEL = re.compile(r"[\s:：,，、()（）\[\]【】]*(?:号码|号|编号)?[\s:：为是]*")
_TW_NEW = re.compile(r"[0-9]{8}(?![0-9a-z])")
_ANY_PASSPORT = re.compile(r"(?=[0-9a-z]{0,11}[0-9]{5})[0-9a-z]{6,12}(?![0-9a-z])")
_MILITARY = re.compile(r"([\u4e00-\u9fff])字第([0-9a-z]{4,8})号")
_BARE_MILITARY = "军兵士"
_LATIN = re.compile("[a-z]")


def _label(text: str, start: int, words: tuple[str, ...]) -> str | None:
    return word_before(text, start, words, 20, 8)


# Where the patterns can start (screener/anchored.py).  A _LETTERED
# match is 1-2 letters and then a whole run of 7-10 digits, so it starts at,
# or one before, a letter followed by 7 digits; that prefilter's matches
# cannot hide one another (only their first character is a letter).  A
# _TW_OLD match starts 10 before its bracket, which a literal opens: re finds
# a literal first character fast, and then looks behind only there.
_LETTER_DIGITS = r"[a-z][0-9]{7}"
_TW_BRACKETS = (r"\((?<=[0-9]{10}\()(?=[0-9a-z][)）])", r"（(?<=[0-9]{10}（)(?=[0-9a-z][)）])")
# Each label word by its last character, checked behind in C (so a report
# full of 按照 and 证明 costs no Python per character), with the offsets of the
# words' starts from it: 台湾居民来往大陆通行证 10 back, 来往大陆通行证 6,
# 台湾通行证 4, 台胞证 2, 护照 1.  X字第 starts one before its 字.
_LABEL_PREFILTERS = ((re.compile("证(?<=行证|胞证)"), (-10, -6, -4, -2)), (re.compile("照(?<=护照)"), (-1,)))
_MILITARY_PREFILTERS = ((re.compile("字(?=第)"), (-1,)),)


@lru_cache(maxsize=2)
def _shapes(long: bool):
    if long:
        import regex  # only long texts pay for importing it

        return regex.compile(_LETTERED), regex.compile(_TW_OLD), regex.compile(_LETTER_DIGITS)
    return re.compile(_LETTERED), re.compile(_TW_OLD), re.compile(_LETTER_DIGITS)


_BRACKETS = tuple(re.compile(p) for p in _TW_BRACKETS)


def _scan(pattern: Any, text: str, plain: bool, starts: Callable[[], list[int]]) -> Iterator[Any]:
    """``pattern.finditer(text)``, or unless ``plain`` the same matches
    tried only at ``starts()`` (tests/test_text_scans.py compares them)."""
    return pattern.finditer(text) if plain else finditer_at(pattern, text, starts())


def edge(text: str, start: int) -> bool:
    """Nothing alphanumeric (ASCII) glued to the left of ``start``."""
    return start == 0 or not (text[start - 1].isascii() and text[start - 1].isalnum())


def _candidates(text: str, plain: bool = False) -> Iterator[tuple[Rule, int, int, str | None, bool]]:
    """(rule, start, end, label, distinctive shape) in normalised offsets."""
    lettered, tw_old, letter_digits = _shapes(len(text) >= LONG)
    if _LATIN.search(text):
        for m in _scan(lettered, text, plain, lambda: starts_of(((letter_digits, (0, -1)),), text)):
            if not edge(text, m.start()):
                continue
            cut = 2 if m.group()[1].isalpha() else 1
            prefix, digits = m.group()[:cut], m.group()[cut:]
            if prefix in ("h", "m") and len(digits) in (8, 10):
                label = _label(text, m.start(), HK_MACAU_WORDS)
                yield RULE_HK_MACAU, m.start(), m.end(), label, len(digits) == 10
            elif prefix == "c" and len(digits) == 8 or (len(prefix) == 2 and prefix[0] == "c" and len(digits) == 7):
                yield RULE_HK_MACAU, m.start(), m.end(), _label(text, m.start(), HK_MACAU_WORDS), False
            elif len(prefix) == 2 and prefix[0] == "e" and prefix[1] not in "io" and len(digits) == 7:
                yield RULE_PASSPORT, m.start(), m.end(), _label(text, m.start(), PASSPORT_WORDS), True
            elif prefix in ("e", "g") and len(digits) == 8:
                yield RULE_PASSPORT, m.start(), m.end(), _label(text, m.start(), PASSPORT_WORDS), prefix == "e"
    if ")" in text or "）" in text:
        for m in _scan(tw_old, text, plain, lambda: starts_of(((b, (-10,)) for b in _BRACKETS), text)):
            if not edge(text, m.start()):
                continue
            yield RULE_TAIWAN, m.start(), m.end(), _label(text, m.start(), TAIWAN_WORDS), True
    for lab in _scan(_LABELLED, text, plain, lambda: starts_of(_LABEL_PREFILTERS, text)):  # numbers that only their label identifies
        w = lab.group()
        rule, shape = (RULE_PASSPORT, _ANY_PASSPORT) if w == "护照" else (RULE_TAIWAN, _TW_NEW)
        after = _AFTER_LABEL.match(text, lab.end())
        assert after is not None  # every part of _AFTER_LABEL is optional: it always matches
        m = shape.match(text, after.end())
        if m and (m.start() == 0 or not text[m.start() - 1].isalnum() or not text[m.start() - 1].isascii()):
            yield rule, m.start(), m.end(), w, False
    if "字第" in text:
        for m in _scan(_MILITARY, text, plain, lambda: starts_of(_MILITARY_PREFILTERS, text)):
            label = _label(text, m.start(), MILITARY_WORDS)
            if label or (m.group(1) in _BARE_MILITARY and m.group(2)[:-1].isdigit() and len(m.group(2)) >= 6):
                yield RULE_MILITARY, m.start(2), m.end(2), label, m.group(1) in _BARE_MILITARY


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    return findings(doc, config)


def findings(doc: Document, config: Config, plain: bool = False) -> Iterator[Finding]:
    """detect(); ``plain`` runs each pattern's own finditer over the whole
    text, as before the fast scans (the tests compare the two)."""
    style = config.mask_style
    text = simplified(doc)
    seen: set[tuple[int, int]] = set()
    for rule, s, e, label, distinctive in _candidates(text, plain):
        if (s, e) in seen:
            continue
        ctx = classify(text, s, e)
        person = ctx.who == "person"
        if not (label or distinctive or person):
            continue
        seen.add((s, e))
        severity = Severity.ERROR if label or person else Severity.WARNING
        start, end = doc.span_to_original(s, e)
        masked = PERMIT.masked(doc.text[start:end], style)
        said = (f"号码前有“{label}”" if label else
                "号码写法可单独识别" + ("，" + (ctx.describe() or "") if person else "，未见证件名称（按警告处理）"))
        yield make_finding(
            doc, rule, start, end, severity=severity, masked=masked,
            message=rule.title,
            suggestion=f"删除，或脱敏后公开（如 {masked}）",
            explanation=Explanation(rule=f"{rule.code} {rule.title}", validation="号码写法符合该证件的编号规则",
                                    context=said),
        )
