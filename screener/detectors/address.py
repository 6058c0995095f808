"""A private person's home address written past 乡（镇）/街道 level.

永安市人民政府办公室's 2023 notice sets the rule government sites follow:
个人家庭地址只保留到乡（镇）、街道.  So a person's address is fine as
``平掌乡``, and a leak as ``平掌乡曼么村委会大村民小组12号`` or
``桂山街道新华路12号3栋2单元``.  The finding covers only the part past the
乡镇/街道 (or, with no such part, past the 县/区/市), so the redacted copy
keeps ``平掌乡`` and masks the rest.

Whose address it is decides: after a personal label (家庭住址, 现住址,
户籍地址 …) it is an error; after a neutral one (地址, 联系地址, 住所) or with
no label, only in a record a private person owns (户主李某某 …, a name, an
ID number in the row) — an error with a label, a warning without.  An
office's address (办公地址, 单位地址, a record naming 政府/委员会/局 …) and a
公示地点 never are: 村委会公示栏 is no house number.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..anchored import finditer_at, literal_starts, starts_of
from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..masking import mask_text
from ..model import Explanation, Finding, Severity
from ..traditional import simplified
from .base import Rule, make_finding
from .context import block_start, classify, word_before

# The kind this detector reports, with its privacy.
ADDRESS = Kind("address", "家庭住址", personal=True, rank=5, mask=mask_text)  # past 乡镇/街道, all hidden
KINDS = (ADDRESS,)

RULE = Rule(
    "AD601", "home-address", ADDRESS, Severity.ERROR, "个人家庭住址超过乡（镇）、街道一级",
    doc="检测内容：个人的家庭住址写到乡（镇）、街道以下：村（社区）之下的村民小组、组、社、队，或门牌号、栋、幢、单元、室。"
    "“家庭住址”“现住址”“户籍地址”等词后为错误；“地址”“住所”或无标签时，仅在属于个人的记录中报告（有标签为错误，无标签为警告）。"
    "单位地址、办公地址和公示地点不报告。\n"
    "风险说明：详细住址可定位特定个人，属于个人信息；政府网站公开时只保留到乡（镇）、街道。\n"
    "示例：户主李某某，家庭住址：新平县平掌乡曼么村委会大村民小组12号。\n"
    "建议写法：只写到乡（镇）、街道，如“新平县平掌乡”；脱敏副本中乡镇以下部分以 * 代替。",
    source="永安市人民政府办公室《关于2022年第四季度市人民政府网站信息错情的通报》（2023-01-04：个人家庭地址只保留到乡（镇）、街道）；"
    "《个人信息保护法》；GB/T 35273-2020",
)
RULES = (RULE,)

PERSONAL_LABELS = ("家庭住址", "家庭地址", "现住址", "现住", "家住", "居住地址", "居住地", "现居住地", "户籍地址",
                   "户籍所在地", "户籍地", "住址", "现居住地址", "常住地址", "居住住址")
NEUTRAL_LABELS = ("地址", "联系地址", "通讯地址", "通信地址", "住所", "住所地", "送达地址")
OFFICE_LABELS = ("办公地址", "单位地址", "办公地点", "公示地点", "受理地点", "地点", "会场", "机关地址", "注册地址",
                 "经营地址", "经营场所")
_ALL_LABELS = PERSONAL_LABELS + NEUTRAL_LABELS + OFFICE_LABELS
_OFFICE_WORDS = re.compile(r"政府|委员会|村委会|居委会|办事处|局|公司|中心|医院|学校|卫生院|派出所|银行|单位|机关|合作社|有限")

_PERSON_IN_TAIL = re.compile(r"户主|姓名|申请人|本人|家庭")
_NUM = "0-9一二三四五六七八九十百零〇两"
_TOWN = re.compile(r"街道办事处|街道|苏木|乡|镇")  # after a CJK character: see _towns()
_COUNTY = re.compile(r"(?<=[\u4e00-\u9fff])(?:自治县|县|(?<![社小园城景校厂矿营])区|(?<![超城都门集夜股])市|旗)")
# What lies past the 乡镇/街道: a village or community, then a group or a house number.
_DETAIL = re.compile(
    rf"(?:[\u4e00-\u9fff]{{1,8}}?(?:村民委员会|村委会|居民委员会|居委会|社区|村|嘎查)"
    rf"(?:[\u4e00-\u9fff{_NUM}]{{1,8}}?(?:村民小组|居民小组|小组|组|社|队|屯)|[{_NUM}]+号)"
    rf"|[\u4e00-\u9fff]{{1,10}}?(?:路|街|巷|弄|大道)[{_NUM}\-]+号)"
    rf"(?:[{_NUM}a-z\-]+(?:号楼|号|栋|幢|单元|室|楼|层|户))*"
)
_TAIL = re.compile(rf"(?:[{_NUM}a-z\-]+(?:号楼|号|栋|幢|单元|室|楼|层|户))+")
_TOWN_DETAIL = re.compile(rf"(?:街道办事处|街道|苏木|乡|镇)(?={_DETAIL.pattern})")
_LABEL_TAIL = re.compile("住址|地址|住所|家住|现住|居住地|户籍")
# Where a match of _LABEL_TAIL can start: (literal, offset of the match's
# start from it).  住址/住所 start at their 住, 家住/现住/居住地 one before it,
# 地址 one before its 址, 户籍 one before its 籍.  str.find finds one
# character several times faster than re tries the alternation at every
# character (screener/anchored.py).
_LABEL_TAIL_ANCHORS = (("住", 0), ("住", -1), ("址", -1), ("籍", -1))
# Every _DETAIL match has a village or road word (村…, 居…, 社区, 嘎查, 路, 街,
# 巷, 弄, 大道) starting 1-10 characters in (CJK ones, so none a line break):
# a cheap test, cheap to compile too (no CJK range, ~1 ms each at start-up),
# that fails fast at most 乡/镇/街道.  Each prefilter matches one character,
# at every place a _TOWN_DETAIL match can start; _TOWN_DETAIL runs only there.
_MAY_DETAIL = "(?=.{1,10}?[村居社嘎路街巷弄大])"
_TOWN_PREFILTERS = tuple(re.compile(p) for p in (
    rf"街(?=道(?:办事处)?{_MAY_DETAIL})", rf"苏(?=木{_MAY_DETAIL})", rf"乡{_MAY_DETAIL}", rf"镇{_MAY_DETAIL}"))
_VALUE = re.compile(r"[ :：\t\u3000为是在]*([^，。；;,、\n\r\t |）)（(]{1,60})")


def _towns(text: str, lo: int, hi: int) -> Iterator[re.Match]:
    """乡/镇/街道/苏木 ending a place name (after a CJK character), in ``text[lo:hi]``."""
    for m in _TOWN.finditer(text, lo, hi):
        if m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            yield m


def _cut(text: str, lo: int, hi: int) -> int | None:
    """Where the part that may stay ends in ``text[lo:hi]``: after its last
    乡/镇/街道, else after its last 县/区/市; None when neither is there."""
    last = None
    for m in _towns(text, lo, hi):
        last = m.end()
    if last is None:
        for m in _COUNTY.finditer(text, lo, hi):
            last = m.end()
    return last


def label_tails(text: str, plain: bool = False) -> Iterator[re.Match]:
    """``_LABEL_TAIL.finditer(text)``; unless ``plain``, tried only at the
    anchors' starts (the same matches: tests/test_text_scans.py)."""
    if plain:
        return _LABEL_TAIL.finditer(text)
    return finditer_at(_LABEL_TAIL, text, literal_starts(text, _LABEL_TAIL_ANCHORS))


def town_details(text: str, plain: bool = False) -> Iterator[re.Match]:
    """``_TOWN_DETAIL.finditer(text)``; unless ``plain``, tried only where a
    prefilter says one starts (the same matches: tests/test_text_scans.py)."""
    if plain:
        return _TOWN_DETAIL.finditer(text)
    return finditer_at(_TOWN_DETAIL, text, starts_of(((p, (0,)) for p in _TOWN_PREFILTERS), text))


def _candidates(text: str, plain: bool = False) -> Iterator[tuple[int, int, int]]:
    """(address start, cut, end) for every 乡镇/街道 followed by detail."""
    for m in town_details(text, plain):
        if m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff":
            d = _DETAIL.match(text, m.end())
            assert d is not None  # _TOWN_DETAIL's lookahead is _DETAIL
            yield max(0, m.start() - 12), m.end(), d.end()


def _labelled(text: str, plain: bool = False) -> Iterator[tuple[int, int, int, str]]:
    """Addresses right after an address label: (start, cut, end, label)."""
    for lab in label_tails(text, plain):
        value = _VALUE.match(text, lab.end())
        if not value:
            continue
        start, end = value.span(1)
        full = word_before(text, start, _ALL_LABELS, 16, 6)
        if not full:
            continue
        cut = _cut(text, start, end)
        d = _DETAIL.match(text, cut) if cut is not None else None
        if cut is not None and d:
            yield start, cut, d.end(), full
        elif cut is not None and (t := _TAIL.search(text, cut, end)) and full in PERSONAL_LABELS:
            yield start, cut, t.end(), full
        elif cut is None and (d := _DETAIL.match(text, start)):  # 家庭住址：曼么村3组12号
            yield start, start, d.end(), full


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    return findings(doc, config)


def findings(doc: Document, config: Config, plain: bool = False) -> Iterator[Finding]:
    """detect(); ``plain`` runs the scans as plain ``finditer`` and asks
    classify() before the cheap record tests, as before the fast paths (the
    tests compare the two).  classify() is pure, so asking it only when the
    record names no organisation changes no answer."""
    text = simplified(doc)
    if not ("乡" in text or "镇" in text or "街道" in text or "苏木" in text or "住" in text or "地址" in text):
        return
    style = config.mask_style
    done: set[int] = set()
    for start, cut, end, label in _labelled(text, plain):
        if label in OFFICE_LABELS or cut in done:
            continue
        record = text[block_start(text, start):start]
        if label in NEUTRAL_LABELS:
            if plain and (classify(text, start, end).who != "person" or _office(record)):
                continue
            if not plain and (_office(record) or classify(text, start, end).who != "person"):
                continue
        done.add(cut)
        yield _finding(doc, cut, end, Severity.ERROR, f"住址前有“{label}”", style)
    for start, cut, end in _candidates(text, plain):
        if cut in done:
            continue
        before = word_before(text, start, _ALL_LABELS, 24, 12)
        if plain:
            ctx = classify(text, cut, end)
            if before in OFFICE_LABELS or ctx.who != "person" or _office(text[block_start(text, cut):cut]):
                continue
        else:
            if before in OFFICE_LABELS or _office(text[block_start(text, cut):cut]):
                continue
            ctx = classify(text, cut, end)
            if ctx.who != "person":
                continue
        done.add(cut)
        yield _finding(doc, cut, end, Severity.WARNING, ctx.describe() or "所在记录属于个人", style)


def _office(record: str) -> bool:
    """The record names an organisation right before the address (its own address)."""
    tail = record[-16:]
    return bool(_OFFICE_WORDS.search(tail)) and not _PERSON_IN_TAIL.search(tail)


def _finding(doc: Document, s: int, e: int, severity: Severity, why: str, style: str) -> Finding:
    start, end = doc.span_to_original(s, e)
    masked = ADDRESS.masked(doc.text[start:end], style)
    return make_finding(
        doc, RULE, start, end, severity=severity, masked=masked,
        message="个人家庭住址写到了乡（镇）、街道以下",
        suggestion="只保留到乡（镇）、街道，删去村民小组、门牌号等",
        explanation=Explanation(rule=f"{RULE.code} {RULE.title}",
                                validation="乡（镇）、街道之后还有村民小组、门牌号、栋、单元或室",
                                context=why),
    )
