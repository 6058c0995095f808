"""Who a unit names as the owner of its numbers: a person, a staff member or an office.

Given the text of a unit up to the number (units.py), evidence() lists what a
reviewer would point at: a person named (户主李某某, 王桂芬，女，62岁, a
masked 王某某, a name opening a list item or filling a table cell, 李建国之女
李小芳, an ID number), a staff member or official (联系人：杨某, 乡长：普某某),
or an office named as owner (受理单位：…办公室).  The evidence nearest to the
number decides; a tie goes to the person, because a leak costs more than a
second look.  All words are data in context_labels.py.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .context_labels import (
    NOT_NAMES,
    OFFICE_SUFFIXES,
    OWNER_KEYS,
    PLACE_ENDS,
    RELATION_WORDS,
    ROLE_WORDS,
    STAFF_WORDS,
    SURNAMES,
    TITLE_WORDS,
)
from .id_check import born_of, check_id


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Evidence(NamedTuple):
    """``pos`` where it stands in the unit text; ``who`` "person", "staff" or
    "office"; ``word`` the role, title or key (户主, 乡长, 受理单位) and
    ``name`` the name it introduces, if any; ``quote`` is what a clerk reads."""

    pos: int
    who: str
    word: str
    name: str | None = None

    @property
    def quote(self) -> str:
        if self.name and self.word and self.word != self.name:
            return self.word + self.name
        return self.name or self.word


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_CJK = "\u4e00-\u9fff"
_NAME = rf"[{SURNAMES}](?:某{{1,2}}|[×＊*]{{1,2}}|[{_CJK}]{{1,2}})"
_END = rf"(?![{_CJK}])"
_SEP = r"[\s:：]*"

_STAFF_NAME = re.compile(rf"({_alt(STAFF_WORDS + TITLE_WORDS)}){_SEP}({_NAME}{_END})?")
_RELATION_NAME = re.compile(rf"({_alt(RELATION_WORDS)}){_SEP}({_NAME}){_END}")
_NAME_AT_END = re.compile(rf"{_NAME}$")
_ROLE_NAME = re.compile(rf"({_alt(ROLE_WORDS)}){_SEP}({_NAME}){_END}")
_MASKED = re.compile(rf"[{SURNAMES}](?:某{{1,2}}|[×＊*]{{1,2}})")
_GENDER_AGE = re.compile(rf"(?<![{_CJK}])({_NAME}){_END}[\s,，、（(]*(?:[男女]{_END}|\d{{1,3}}岁)")
_LEAD_NAME = re.compile(rf"[\s\u3000]*({_NAME}){_END}")
_CELL_NAME = re.compile(rf"{_NAME}")
_OWNER_ACCOUNTS = ('收款单位', '开户单位', '对公账户', '对公账号')
_OWNER_KEY = re.compile(rf"({_alt(OWNER_KEYS + _OWNER_ACCOUNTS)}){_SEP}(?=\S)")
_LEAD_OFFICE = re.compile(r"[\s\u3000]*([^\s0-9，,：:。；;（）()]{2,24})[\s\u3000:：，,]*$")
_OFFICE_END = re.compile(rf"(?:{_alt(OFFICE_SUFFIXES)})$")
_ID_LIKE = re.compile(r"(?<![0-9a-z*＊×])[0-9]{2}[0-9*＊×x]{15}[0-9x*＊×](?![0-9a-z*＊×])")
_ID_LENGTH = 18  # every _ID_LIKE match is this long
# Every word that starts a match of _STAFF_NAME, _RELATION_NAME, _ROLE_NAME or _OWNER_KEY.
_ANY_WORD = re.compile(_alt(STAFF_WORDS + TITLE_WORDS + RELATION_WORDS + ROLE_WORDS + OWNER_KEYS
                            + _OWNER_ACCOUNTS))


def _an_id(token: str) -> bool:
    """An ID number in the record makes it a person's: a confirmed one, or
    one whose birth date is real but whose check character or region is off
    (a typing error is still someone's ID; the ID detector's ID103).  The
    one check in id_check.py decides.

    Only the birth date matters here, so only it is read (id_check.born_of):
    check_id() would also compute the check character and look up the
    region, for every ID in the unit before each of its numbers (a 公示 row
    holds the ID, a mobile and a card).  ``_an_id_plain`` is the plain path
    (tests/test_owner_fast_paths.py compares the two)."""
    return born_of(token) is not None


def _an_id_plain(token: str) -> bool:
    """``_an_id`` through the full check_id() (the oracle of the tests)."""
    checked = check_id(token)
    return checked is not None and checked.born is not None


def not_a_name(token: str) -> bool:
    """A surname-led token that is an ordinary word (高度) or a place (谭坝镇)."""
    return token in NOT_NAMES or (token[-1] in PLACE_ENDS and "某" not in token)


def is_name(text: str) -> bool:
    """A whole cell or token that reads as a person's name: 李四, 王某某, 刀玉华."""
    return bool(_CELL_NAME.fullmatch(text)) and not not_a_name(text)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for s, e in spans:
        text = text[:s] + "□" * (e - s) + text[e:]
    return text  # same length: positions stay valid


def evidence(head: str, lead: int = -1, quick: bool = True) -> list[Evidence]:
    """What in ``head`` (a unit's text before the number, folded) says who
    owns the number.  ``lead``: where the text of a list item or a row starts
    (after 1. or the row's first cell), whose opening name is the record's
    subject (1. 李建国，…); -1 for other units.

    With ``quick`` (the default), the four word patterns (staff and titles,
    relations, roles, owner keys) run only when one of their words is in
    ``head`` at all, found by one search over all of them: most units
    before an office's number hold none (about three in four on the real
    corpus); and an ID is looked for only in a head long enough to hold one.
    ``quick=False`` runs every pattern (tests/test_phone_fast_paths.py
    compares the two)."""
    found: list[Evidence] = []
    text = head
    worded = not quick or _ANY_WORD.search(text) is not None
    spans: list[tuple[int, int]] = []
    for m in _STAFF_NAME.finditer(text) if worded else ():
        name = m.group(2)
        if name and not_a_name(name):
            name = None
        found.append(Evidence(m.start(), "staff", m.group(1), name))
        spans.append(m.span() if name else m.span(1))
    text = _blank(text, spans)
    for pattern in (_RELATION_NAME, _ROLE_NAME) if worded else ():
        spans = []
        for m in pattern.finditer(text):
            if not not_a_name(m.group(2)):
                word, at = m.group(1), m.start()
                if pattern is _RELATION_NAME:  # 李建国之女李小芳: quote the household head too
                    before = _NAME_AT_END.search(text, max(0, at - 3), at)
                    if before:
                        word, at = before.group() + word, before.start()
                found.append(Evidence(at, "person", word, m.group(2)))
                spans.append((at, m.end()))
        text = _blank(text, spans)
    # cheap substring tests first: most units have no mask, gender or age
    if "某" in text or "×" in text or "*" in text or "＊" in text:
        spans = []
        for m in _MASKED.finditer(text):
            found.append(Evidence(m.start(), "person", "", m.group()))
            spans.append(m.span())
        text = _blank(text, spans)
    if "男" in text or "女" in text or "岁" in text:
        for m in _GENDER_AGE.finditer(text):
            if not not_a_name(m.group(1)):
                found.append(Evidence(m.start(), "person", "", m.group(1)))
    if lead >= 0:
        lead_m = _LEAD_NAME.match(text, lead)
        if lead_m and not not_a_name(lead_m.group(1)):
            found.append(Evidence(lead_m.start(1), "person", "", lead_m.group(1)))
    for m in _ID_LIKE.finditer(text) if not quick or len(text) >= _ID_LENGTH else ():
        token = m.group()
        if _an_id(token) or sum(token.count(c) for c in "*＊×") >= 4:
            found.append(Evidence(m.start(), "person", "身份证号码"))
    for m in _OWNER_KEY.finditer(text) if worded else ():
        found.append(Evidence(m.start(), "office", m.group(1)))
    if not found:
        # nothing but a place or an office before the number: 坝河镇 139…, 县民政局：
        office_m = _LEAD_OFFICE.match(text, max(lead, 0))
        if office_m and (_OFFICE_END.search(office_m.group(1)) or office_m.group(1)[-1] in PLACE_ENDS):
            found.append(Evidence(office_m.start(1), "office", office_m.group(1)))
    return found


_RANK = {"person": 2, "staff": 1, "office": 0}


def decide(found: list[Evidence]) -> Evidence | None:
    """The evidence nearest the number; a tie goes to the person.  When an ID
    number decides, the person it belongs to is quoted if the unit names one."""
    if not found:
        return None
    best = max(found, key=lambda e: (e.pos, _RANK[e.who]))
    if best.who == "person" and not best.name:
        named = [e for e in found if e.who == "person" and e.name]
        if named:
            return max(named, key=lambda e: e.pos)
    return best
