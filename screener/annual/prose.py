"""Figures in an annual report's prose: stated totals and their parts,
enumerations that name an item twice, the 总体情况 figures that the tables
repeat, and the years the report speaks of.

Precision first: an approximate figure (3000余份, 约, 近, 超过) is never
summed, and a list introduced by 其中 / 主要有 (which may name only some
parts) is reported only when its parts exceed the total, or when it names
an 其他 item and so claims to be complete.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..anchored import finditer_at

_UNIT = r"(?:条|件|份|项|篇|个|次|期)"
_TOTAL = re.compile(
    rf"(?:(?:共计|合计|总计|总数|共)\s*(?:为)?\s*(?<![\d.])(\d+)\s*({_UNIT})"
    r"\s*(?:[,，]?\s*(其中|主要有|主要包括|包括|分别为|分别是|具体为|具体如下)\s*[:：,，]?|([:：]))"
    rf"|(?<![\d.])(\d+)\s*({_UNIT})\s*[,，]\s*(其中))"
)
# Where a _TOTAL match can start (screener/anchored.py): at 共/合/总 followed
# by what the first branch needs before its figure (re finds the literal
# first character fast and looks ahead only there), or, for the second
# branch, at the start of the digits that end, past a unit and a comma, right
# before a 其中 (read backwards from each 其中).  Over a report's tables and
# prose, pages of figures, _TOTAL itself costs some 60 ns a character.
_TOTAL_WORDS = (re.compile(r"共(?=计?\s*(?:为)?\s*\d)"), re.compile(r"合(?=计\s*(?:为)?\s*\d)"),
                re.compile(r"总(?=[计数]\s*(?:为)?\s*\d)"))
_SUCH = re.compile("其中")
_UNIT_CHARS = frozenset("条件份项篇个次期")
_SPACE = re.compile(r"\s")
_DIGIT = re.compile(r"\d")


def _space_before(text: str, i: int, lo: int) -> int:
    """Where the stretch of ``\\s`` characters ending at ``i`` starts (not before ``lo``)."""
    while i > lo and _SPACE.match(text, i - 1):
        i -= 1
    return i


def _total_starts(text: str, start: int, end: int) -> list[int]:
    """Every place in ``text[start:end]`` where a _TOTAL match can start."""
    found: set[int] = set()
    for word in _TOTAL_WORDS:
        found.update(m.start() for m in word.finditer(text, start, end))
    for such in _SUCH.finditer(text, start, end):  # digits, spaces, unit, spaces, comma, spaces, 其中
        i = _space_before(text, such.start(), start)
        if i <= start or text[i - 1] not in ",，":
            continue
        i = _space_before(text, i - 1, start)
        if i <= start or text[i - 1] not in _UNIT_CHARS:
            continue
        i = j = _space_before(text, i - 1, start)
        while j > start and _DIGIT.match(text, j - 1):
            j -= 1
        if j < i:
            found.add(j)
    return sorted(found)


_ITEM = re.compile(rf"([^\d，,；;。:：()（）]{{1,40}}?)(?<![\d.])(\d+)\s*({_UNIT})(余|多)?")
_APPROX_AFTER = re.compile(r"\s*(?:余|多|以上)")
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|达)\s*$")
_STOP_WORDS = re.compile(r"办结|答复|回复|已|均|占|同比|增长|下降|较")
_EXHAUSTIVE = ("分别为", "分别是", "具体为", "具体如下")


@dataclass(frozen=True, slots=True)
class Figure:
    value: int
    start: int
    end: int
    name: str = ""


@dataclass(frozen=True, slots=True)
class StatedTotal:
    """"共230条，主要有：政务信息45条，…": the total, its parts and whether
    the list claims to be complete."""

    total: Figure
    parts: tuple[Figure, ...]
    complete: bool


def stated_totals(text: str, start: int, end: int, plain: bool = False) -> list[StatedTotal]:
    """Every total-with-parts sentence in ``text[start:end]``; ``plain``
    tries _TOTAL at every character, as before _total_starts
    (tests/test_text_scans.py compares the two)."""
    found: list[StatedTotal] = []
    totals = _TOTAL.finditer(text, start, end) if plain else \
        finditer_at(_TOTAL, text, _total_starts(text, start, end), end)
    for m in totals:
        if _APPROX_BEFORE.search(text[max(start, m.start() - 3):m.start()]):
            continue
        sentence_end = min((p for p in (text.find("。", m.end()), text.find("\n", m.end())) if p >= 0),
                           default=end)
        sentence_end = min(sentence_end, end)
        parts: list[Figure] = []
        approximate = False
        for item in _ITEM.finditer(text, m.end(), sentence_end):
            name = item.group(1).strip(" 、,，;；")
            if _STOP_WORDS.search(name):
                break
            if item.group(4) or _APPROX_BEFORE.search(name):
                approximate = True
                break
            parts.append(Figure(int(item.group(2)), item.start(2), item.end(2), name))
        if approximate or len(parts) < 2:
            continue
        connector = m.group(3) or m.group(4) or m.group(7)
        complete = connector in _EXHAUSTIVE or connector in (":", "：") or any("其他" in p.name or "其它" in p.name for p in parts)
        g = 1 if m.group(1) else 5
        found.append(StatedTotal(Figure(int(m.group(g)), m.start(g), m.end(g)), tuple(parts), complete))
    return found


_ENUM = re.compile(r"[^，,。；;:：\n、]{1,16}(?:、[^，,。；;:：\n、]{1,16}){2,}")
_ENUM_INTRO = re.compile(r"(?:栏目|包括|包含|设有|开设|有)\s*[:：]?\s*")


def repeated_items(text: str, start: int, end: int) -> list[tuple[str, Figure, Figure]]:
    """Items named twice in one enumeration introduced by 栏目 / 包括 …:
    (item, first place, second place).  The enumeration is matched only
    right after its introducing word, which keeps a long text one pass."""
    repeats: list[tuple[str, Figure, Figure]] = []
    pos = start
    while (intro := _ENUM_INTRO.search(text, pos, end)) is not None:
        m = _ENUM.match(text, intro.end(), end)
        pos = m.end() if m else intro.end()
        if m is None:
            continue
        seen: dict[str, int] = {}
        at = m.start()
        for raw in m.group().split("、"):
            item = raw.strip().removesuffix("等")
            if item in seen:
                repeats.append((item, Figure(0, seen[item], seen[item] + len(item)), Figure(0, at, at + len(item))))
                break
            seen[item] = at
            at += len(raw) + 1
    return repeats


_GAP = r"[^\d。；;，,、]{0,12}?"
OVERVIEW_FIGURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("new", re.compile(rf"(?:新收|收到){_GAP}申请{_GAP}(?<![\d.])(\d+)\s*件(?!\s*(?:余|多))")),
    ("carried", re.compile(rf"上年(?:度)?结转{_GAP}(?<![\d.])(\d+)\s*件(?!\s*(?:余|多))")),
    ("forward", re.compile(rf"结转(?:至)?下(?:一)?年度?{_GAP}(?<![\d.])(\d+)\s*件(?!\s*(?:余|多))")),
    ("review", re.compile(r"行政复议(?:案件)?(?:共)?\s*(?<![\d.])(\d+)\s*(?:件|起)")),
    ("litigation", re.compile(r"行政诉讼(?:案件)?(?:共)?\s*(?<![\d.])(\d+)\s*(?:件|起)")),
)


def overview_figures(text: str, start: int, end: int) -> list[tuple[str, Figure]]:
    """The table figures 总体情况 quotes: (which, figure), first mention of each."""
    found: list[tuple[str, Figure]] = []
    for key, pattern in OVERVIEW_FIGURES:
        m = pattern.search(text, start, end)
        if m and not _APPROX_BEFORE.search(text[max(start, m.start(1) - 3):m.start(1)]):
            found.append((key, Figure(int(m.group(1)), m.start(1), m.end(1), m.group())))
    return found


_TITLE_YEAR = re.compile(r"((?:19|20)\d\d)\s*年(?:度)?[^。\n]{0,30}?政府信息公开(?:工作)?年度报告")
_PERIOD = re.compile(
    r"((?:19|20)\d\d)\s*年\s*1\s*月\s*1\s*日\s*(?:起)?\s*(?:至|到|—|-|－|~)\s*(?:((?:19|20)\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日"
)
# "2019年，我乡…", "2018年全年共…", "2018年度我局…" at a sentence's start; not
# "2018年以来" (since then) or "2018年12月" (a date).
_OPENING_YEAR = re.compile(r"(?:^|(?<=[\s。；;]))((?:19|20)\d\d)\s*年(?:度)?\s*(?:[,，]|全年|我|本|共)")


@dataclass(frozen=True, slots=True)
class Period:
    """"统计期限自2022年1月1日起至2022年12月31日止": start year, end year, end date."""

    start_year: Figure
    end_year: Figure | None
    month: int
    day: int
    start: int
    end: int


def title_year(text: str) -> Figure | None:
    m = _TITLE_YEAR.search(text, 0, 2000)
    return Figure(int(m.group(1)), m.start(1), m.end(1)) if m else None


def periods(text: str, start: int, end: int) -> list[Period]:
    found = []
    for m in _PERIOD.finditer(text, start, end):
        end_year = Figure(int(m.group(2)), m.start(2), m.end(2)) if m.group(2) else None
        found.append(Period(Figure(int(m.group(1)), m.start(1), m.end(1)), end_year,
                            int(m.group(3)), int(m.group(4)), m.start(), m.end()))
    return found


def opening_years(text: str, start: int, end: int) -> list[Figure]:
    """Years that open a sentence of 总体情况 ("2019年，我乡…"): the period the
    section speaks of."""
    return [Figure(int(m.group(1)), m.start(1), m.end(1)) for m in _OPENING_YEAR.finditer(text, start, end)]
