"""Who owns a number: a person (error), a staff member (a second look) or an office (info).

A reviewer decides from the unit the number stands in (units.py: a table row
read with its header, a list item, a key：value block, a sentence) and from
who that unit names (owners.py: 户主李某某, 王桂芬，女，62岁, 联系人：杨某,
乡长：普某某, 受理单位：…办公室).  A label right before the number that names
an office's channel (监督电话, 舉報電話, 值班电话 …) makes it the office's
wherever it stands; a contact label a person's record uses too (联系电话,
联系方式) decides only when nobody is named in the unit.  classify() returns
the decision with the unit (第2条, 表格第3行, 第5行) and the word or name that
decided, so the finding can say so in a clerk's words.  The words are data
(context_labels.py, with their sources).

The severity each owner gives, and the disclosure-mode lowering, are in
severity.py (one table for every number detector).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..document import fold
from . import context_labels as L
from .owners import Evidence, decide, evidence, is_name, not_a_name
from .severity import SEVERITY_BY_CONTEXT as SEVERITY_BY_CONTEXT  # where email.py and tests look
from .severity import disclosure as disclosure
from .severity import lowered as lowered
from .units import Unit, place_of, unit_of

# Labels of an office's published contact channel (context_labels.py has the
# sources and the traditional-script forms).
OFFICE_WORDS = L.CHANNEL_WORDS + L.CONTACT_WORDS

# Contact labels a private person's row uses too (户主李某某，联系电话：…): they
# mean "office" only when no person owns the record.
CONTACT_WORDS = L.CONTACT_WORDS

# Labels of an organisation's own bank account, printed for payments: public.
OFFICE_ACCOUNT_WORDS = ("收款单位", "开户单位", "单位账号", "单位账户", "对公账户", "对公账号", "基本账户")

# Words that tie a number to a private person when nothing better is named.
PERSON_WORDS = (
    "申请人", "被申请人", "户主", "姓名", "本人", "家属", "当事人", "贫困户", "低保户",
    "监护人", "患者", "村民", "居民", "学生", "家长", "身份证", "公民身份号码", "证件号码",
    "个人", "家庭住址", "住址", "收款人", "持卡人", "开户人", "户名", "法定代表人",
    "代理人", "投诉人", "举报人", "受助人", "困难群众", "承包户", "手机号码", "家庭电话",
)

# Organisations whose names contain a person word (村民小组 is no villager).
ORG_COMPOUNDS = ("村民小组", "村民委员会", "居民委员会", "居民小组", "村民代表", "居民代表", "学生资助",
                 "个人所得税", "患者服务", "家属区", "居民医保", "城乡居民", "学生处", "家长会")

ROLE_WORDS = L.ROLE_WORDS
STAFF_WORDS = L.STAFF_WORDS
SURNAMES = L.SURNAMES
NOT_NAMES = L.NOT_NAMES

# Labels that say "this is an ID number" (GB 11643; 社会保险法第五十八条: 社保号 = ID).
ID_WORDS = (
    "身份证", "身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "证件号码", "证件号",
    "社会保障号码", "社保号码", "社保号", "居民身份证", "身份證", "身份證號碼",
)

# Labels under which a 7-8 digit number is a telephone number.
PHONE_WORDS = L.traditional((
    "电话", "手机", "传真", "座机", "固话", "热线", "联系方式", "电话号码",
)) + ("tel", "fax", "phone")

# Labels of numbers that are never personal: organisation codes, document
# references, postcodes, sums (GB 32100-2015 统一社会信用代码; GB/T 9704 发文字号).
NOT_PERSONAL_WORDS = (
    "统一社会信用代码", "社会信用代码", "信用代码", "组织机构代码", "纳税人识别号", "税号",
    "注册号", "索引号", "文号", "发文字号", "邮编", "邮政编码", "金额", "订单号", "合同编号",
    "项目编号", "批准文号", "许可证号", "登记证号", "备案号", "营业执照", "执照号码", "证书编号",
    "档案号", "案号", "流水号", "项目代码",
)

# Label sets the detectors look for, built once.
OFFICE_LABELS = OFFICE_WORDS + OFFICE_ACCOUNT_WORDS
OFFICE_CHANNELS = frozenset(OFFICE_LABELS) - frozenset(CONTACT_WORDS)
ANY_LABELS = OFFICE_LABELS + PERSON_WORDS + PHONE_WORDS
PHONE_LABELS = PHONE_WORDS + OFFICE_WORDS
NOT_THIS_NUMBER = NOT_PERSONAL_WORDS + ID_WORDS  # for phones and cards: an ID label means an ID

_PERSON_TIES = STAFF_WORDS + ROLE_WORDS
# What may stand between a label and its number: 身份证号码：, 电话为, 联系电话（手机）:
_PUNCT = r"[\s:：,，、()（）\[\]【】<>《》=\-—]*"
_LABEL_GAP = re.compile(rf"{_PUNCT}(?:号码|号)?{_PUNCT}(?:为|是)?{_PUNCT}")
_ORG = re.compile("|".join(ORG_COMPOUNDS))
_CJK = re.compile(r"[\u3400-\u9fff]")
_RECORD_END = re.compile(r"[\r\n。；;！？!?]")
_NAME_TAIL = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff]{{1,2}})[\s:：,，、|（(]*$")
_HEADER_PERSON = ("姓名", "户主", "申请人", "学生", "家长", "监护人", "持卡人", "收款人", "村民", "受助人", "患者")
_HEADER_STAFF = L.STAFF_WORDS + ("职务", "职位", "职责")
_HEADER_OFFICE = ("单位", "部门", "机构", "名称")


def _alternation(words: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


_PATTERNS: dict[tuple[str, ...], re.Pattern] = {}
_BY_ID: dict[int, tuple[tuple[str, ...], re.Pattern]] = {}


def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """The alternation of ``words``, compiled once.  Callers pass the same
    module-level tuples every time, so they are found by identity first:
    hashing a 75-word tuple on each of some 20,000 calls per 20 MB cost more
    than the lookup it served."""
    entry = _BY_ID.get(id(words))
    if entry is not None and entry[0] is words:
        return entry[1]
    pat = _PATTERNS.get(words)
    if pat is None:
        pat = _PATTERNS[words] = _alternation(words)
    if len(_BY_ID) < 256:  # the entry keeps ``words`` alive, so its id is not reused
        _BY_ID[id(words)] = (words, pat)
    return pat


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Context(NamedTuple):
    """Who owns a number: ``who`` is "person", "office", "staff" or None;
    ``word`` the role, title, label or name that decided, ``rule`` which rule
    did, ``place`` the unit a clerk finds it in (第2条, 表格第3行, 第5行) and
    ``quote`` the words quoted to the clerk (户主李某某, 乡长普某某)."""

    who: str | None
    word: str | None = None
    rule: str | None = None
    place: str | None = None
    quote: str | None = None

    def describe(self) -> str | None:
        said = f"“{self.quote or self.word}”"
        where = self.place or "此处"
        if self.who == "person":
            if self.word == "身份证号码" and self.quote in (None, self.word):
                return f"{where}同一条记录中有身份证号码，号码属于个人信息"
            return f"{where}是个人的记录（{said}），号码属于个人信息"
        if self.who == "office":
            return f"{where}的{said}表明这是单位公开的联系渠道"
        if self.who == "staff":
            return f"{where}是单位工作人员或干部（{said}）的联系方式"
        return None


def record_start(text: str, start: int, limit: int = 80) -> int:
    """Where the record holding ``start`` begins: the line start or the last
    。/；, at most ``limit`` characters back."""
    lo = max(0, start - limit)
    last = None
    for last in _RECORD_END.finditer(text, lo, start):
        pass
    return last.end() if last else lo if lo else 0


_KEY_LINE = re.compile(r"[ \t\u3000]*[^\s:：,，。；;]{1,10}[:：]")


def block_start(text: str, start: int, limit: int = 160, lines: int = 5) -> int:
    """Like record_start(), but a form-like block of "key：value" lines
    (户主：李某某 / 联系电话：…) is one record: when the number's line starts
    with a key, the key lines right above it belong to the same record."""
    s = record_start(text, start)
    if s == 0 or text[s - 1] not in "\r\n" or not _KEY_LINE.match(text, s):
        return s
    lo = max(0, start - limit)
    for _ in range(lines):
        prev_end = s - 1
        if prev_end > 0 and text[prev_end] == "\n" and text[prev_end - 1] == "\r":
            prev_end -= 1
        brk = max(text.rfind("\n", lo, prev_end), text.rfind("\r", lo, prev_end))
        if brk < 0 and lo > 0:
            break  # that line starts further back than ``limit``
        prev_start = brk + 1
        if not _KEY_LINE.match(text, prev_start, prev_end):
            break
        s = prev_start
    return s


# A NamedTuple, not a frozen dataclass: one is built per candidate or finding, and a
# frozen dataclass's __init__ (object.__setattr__ per field) costs about 1 us more.
class Before(NamedTuple):
    """The text right before a position, read once for every label asked
    about it: where the last record end (。；, a line break) within
    ``reach`` characters is, and that stretch folded.  A number's detectors
    ask up to four label questions (phone word, ID word, 索引号 …, each
    with its own reach and gap) about the same position; each is answered
    from this one reading (``label_in``), exactly as word_before() would
    answer it alone (folding keeps lengths, so a shorter reach is a suffix)."""

    start: int
    reach: int
    record: int  # just after the last record end within ``reach``, or -1
    lo: int  # where ``window`` starts in the text
    window: str  # fold(text[lo:start])


def before(text: str, start: int, reach: int = 16) -> Before:
    """The Before of ``start``, good for any reach up to ``reach``."""
    lo = max(0, start - reach)
    last = None
    for last in _RECORD_END.finditer(text, lo, start):
        pass
    record = last.end() if last else -1
    lo = max(lo, record)
    return Before(start, reach, record, lo, fold(text[lo:start]))


def label_in(b: Before, words: tuple[str, ...], reach: int = 12, gap: int = 6) -> str | None:
    """word_before() for ``b``'s position, ``reach`` at most ``b.reach``."""
    if reach > b.reach:
        raise ValueError("reach beyond what was read")
    # record_start(text, start, reach) is the last record end within reach,
    # else the reach's own start (0 at the text's start)
    lo = b.record if b.record >= b.start - reach else max(0, b.start - reach)
    return _last_label(b.window, lo - b.lo, words, gap)


def _last_label(window: str, pos: int, words: tuple[str, ...], gap: int) -> str | None:
    """The last of ``words`` in ``window[pos:]`` when at most ``gap``
    characters of label punctuation (号码, 为/是 …) follow it to the end."""
    best = None
    for m in _pattern(words).finditer(window, pos):
        best = m
    if best is None:
        return None
    between = window[best.end():]
    if len(between) > gap or not _LABEL_GAP.fullmatch(between):
        return None
    return best.group()


_ENDS: dict[int, tuple[tuple[str, ...], frozenset[str]]] = {}


def _last_chars(words: tuple[str, ...]) -> frozenset[str]:
    """The characters that fold to a character ``words`` end with (the
    label patterns run over folded text): each such character itself and,
    for an ASCII one, its capital and full-width forms, kept when they fold
    to it (folding.py folds nothing else to ASCII letters or CJK; a test
    checks every character of the BMP).  Found by identity like _pattern()."""
    entry = _ENDS.get(id(words))
    if entry is not None and entry[0] is words:
        return entry[1]
    ends = {w[-1] for w in words if w}
    forms = set(ends)
    for c in ends:
        if c.isascii():
            for f in {c, c.upper(), c.lower()}:
                forms.update((f, chr(ord(f) + 0xFEE0)) if "!" <= f <= "~" else (f,))
    found = frozenset(f for f in forms if fold(f) in ends)
    if len(_ENDS) < 256:  # the entry keeps ``words`` alive, so its id is not reused
        _ENDS[id(words)] = (words, found)
    return found


def may_have_label(text: str, start: int, words: tuple[str, ...], gap: int) -> bool:
    """False only when word_before(text, start, words, reach, gap) is None
    for every reach (and label_in for every Before of ``start``): a label
    ends at most ``gap`` characters before ``start``, so one of the
    ``gap + 1`` characters before it folds to the last character of one
    of ``words``.  A few set look-ups, for the many numbers with no label
    at all (dates, counts, table cells), before the label is read
    (tests/test_phone_fast_paths.py compares the two on random texts)."""
    entry = _ENDS.get(id(words))  # _last_chars(words), its look-up inlined: this runs per candidate
    ends = entry[1] if entry is not None and entry[0] is words else _last_chars(words)
    return not ends.isdisjoint(text[max(0, start - gap - 1):start])


def word_before(text: str, start: int, words: tuple[str, ...], reach: int = 12,
                gap: int = 6) -> str | None:
    """The label right before ``start``: the last of ``words`` ending at most
    ``gap`` characters before it, with only punctuation, 号码 or 为/是 in
    between (身份证号码：, 电话为, 传真号码 …); 电话会议于 is no label."""
    lo = max(record_start(text, start, reach), start - reach)
    return _last_label(fold(text[lo:start]), 0, words, gap)


def nearest(window: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    best = None
    for m in _pattern(words).finditer(window):
        if best is None or m.end() >= best[0]:
            best = (m.end(), m.group())
    return best


def _name_before(head: str) -> tuple[str, str | None] | None:
    """A name right before the number (or its label): 张三 138…, | 张三 | 138….
    Returns the name and the role word before it, if any."""
    m = _NAME_TAIL.search(head[-8:])
    if not m or not_a_name(m.group(1)):
        return None
    pos = len(head) - len(head[-8:]) + m.start()
    before = head[:pos].rstrip(" :：")
    role = nearest(before[-6:], _PERSON_TIES)
    if role and before.endswith(role[1]):
        return m.group(1), role[1]
    if before and _CJK.match(before[-1]):
        return None  # the "name" is the tail of an ordinary word
    return m.group(1), None


def _has(cell: str, words: tuple[str, ...]) -> str | None:
    for w in words:
        if w in cell:
            return w
    return None


def _by_header(unit: Unit) -> Context | None:
    """A table row read with its header: a 姓名 column makes the row a
    person's record, a 职务 or 联系人 column a staff list, a 监督电话 column
    over the number an office channel."""
    header, cells = unit.header, unit.cells
    place = unit.place

    def cell(i: int) -> str:
        return cells[i] if 0 <= i < len(cells) else ""

    col = header[unit.column] if 0 <= unit.column < len(header) else ""
    if col and _has(col, tuple(OFFICE_CHANNELS)) and not _has(col, _HEADER_PERSON):
        return Context("office", col, "row", place, col)
    person = staff = office = -1
    for i, h in enumerate(header):
        if person < 0 and _has(h, _HEADER_PERSON) and not _has(h, L.STAFF_WORDS):
            person = i
        elif staff < 0 and _has(h, _HEADER_STAFF):
            staff = i
        elif office < 0 and _has(h, _HEADER_OFFICE):
            office = i
    if staff >= 0 and _has(cell(staff), L.TITLE_WORDS + L.STAFF_WORDS):
        name = cell(person) if person >= 0 else ""
        return Context("staff", cell(staff), "row", place, cell(staff) + (name if is_name(name) else ""))
    if _has(col, L.STAFF_WORDS):
        return Context("staff", col, "row", place, col)
    if person >= 0:
        name = cell(person)
        return Context("person", header[person], "row", place, name if 0 < len(name) <= 8 else header[person])
    if staff >= 0:
        return Context("staff", header[staff], "row", place, header[staff])
    if office >= 0:
        return Context("office", header[office], "row", place, header[office])
    return None


def _from(e: Evidence, place: str, rule: str = "unit") -> Context:
    return Context(e.who, e.word or e.name, rule, place, e.quote)


_LISTED = re.compile(r"(?:[0-9()（）+\-—–\s]{5,}(?:(?:转|分机)\d{1,6})?[、,，/;；或及和\s]+){1,6}$")


# Every character a _LISTED match can hold (a superset is enough).
_LIST_CHARS = re.compile(r"[0-9()（）+\-—–\s\d转分机、,，/;；或及和]*")


def _list_tail(window: str) -> int:
    """Where the longest stretch of _LISTED's characters ending the window
    starts.  A _LISTED match runs to the window's end, so none starts before
    it: searching from there finds the same match, without trying the
    pattern at each of the hundred positions before (one match on the
    reversed window, at C speed)."""
    m = _LIST_CHARS.match(window[::-1])
    return len(window) - m.end() if m else len(window)


def label_before(text: str, start: int) -> str | None:
    """The label of the number at ``start``: right before it, or before the
    list of numbers it ends (服务电话：0431-86112002、131…、131…).

    The label right before it is read only when one can end there at all
    (may_have_label: a few set look-ups; on the real corpus four numbers in
    ten, in a table cell or after a date, have none); tests/
    test_owner_fast_paths.py compares with word_before() read every time."""
    label = word_before(text, start, ANY_LABELS) if may_have_label(text, start, ANY_LABELS, 6) else None
    if label is not None or start == 0 or text[start - 1] not in "、,，/;； 或及和":
        return label
    window = fold(text[max(0, start - 100):start])
    m = _LISTED.search(window, _list_tail(window))
    if m is None:
        return None
    return word_before(window, m.start(), ANY_LABELS)


_HEAD_REACH = 240  # characters of a unit before the number that are read for its owner


def classify(text: str, start: int, end: int, before: int = 24, after: int = 8) -> Context:
    """Decide who the number at ``text[start:end]`` belongs to."""
    label = label_before(text, start)
    if label in OFFICE_CHANNELS:  # decided by the label: only the unit's place is needed
        return Context("office", label, "label", place_of(text, start), label)
    unit = unit_of(text, start)
    place = unit.place
    if unit.kind == "row" and unit.header:
        ctx = _by_header(unit)
        if ctx is not None:
            return ctx
    head_start = max(unit.start, start - _HEAD_REACH)
    head = fold(text[head_start:start])
    lead = -1 if head_start > unit.start else \
        unit.body - unit.start if unit.kind == "item" else 0 if unit.kind == "row" else -1
    found = evidence(head, lead)
    if unit.kind == "row":
        for i, c in enumerate(unit.cells):
            if i != unit.column and is_name(c):
                pos = head.find(c)
                found.append(Evidence(pos, "person", "", c))
    best = decide(found)
    if best is not None:
        return _from(best, place)
    if label in OFFICE_LABELS:
        return Context("office", label, "label", place, label)
    head_wo_label = head[:head.rfind(label)] if label else head
    named = _name_before(head_wo_label)
    if named:
        name, role = named
        if role in STAFF_WORDS:
            return Context("staff", role, "staff", place, role + name)
        return Context("person", role or name, "name", place, (role or "") + name)
    window = _ORG.sub(lambda m: "□" * len(m.group()), head[-before:])
    person = nearest(window, PERSON_WORDS)
    office = nearest(window, OFFICE_LABELS)
    if person and office and office[0] > person[0]:
        return Context("office", office[1], "word", place, office[1])
    if person:
        return Context("person", person[1], "word", place, person[1])
    if office:
        return Context("office", office[1], "word", place, office[1])
    tail = fold(text[end:end + after])
    hit = nearest(tail, ("（本人）", "(本人)", "本人"))
    if hit:
        return Context("person", hit[1], "word", place, hit[1])
    return Context(None, place=place)
