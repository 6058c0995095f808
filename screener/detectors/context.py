"""Context words that decide a personal number's severity.

A number next to a person (a name, 申请人, 户主, a row of a list of people) is a
leak: error.  An office's published contact channel (联系电话, 咨询电话, 传真,
热线 …) is meant to be public (条例第十二条, 第二十条(二)): info.  A staff
member named as 联系人 or 负责人 is public too (第二十条(二)), their mobile is
worth a second look.  The word that decided is returned so the finding can
say so.

The decision looks at the *label* right before the number (监督电话：,
身份证号码：) and at the *record* it sits in (its line back to the last 。 or
；, or a block of "key：value" lines).  classify() applies its rules in a
fixed order and the first that recognises something decides; all words are
data in the tuples below.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import fold
from ..model import Severity

# Labels of an office's published contact channel.
OFFICE_WORDS = (
    "联系电话", "咨询电话", "举报电话", "投诉电话", "受理电话", "监督电话", "办公电话",
    "值班电话", "服务电话", "联系方式", "咨询热线", "服务热线", "举报热线", "热线",
    "传真", "办公室电话", "报名电话", "联系邮箱", "投稿邮箱", "举报邮箱", "咨询邮箱",
    "电子邮箱", "监督邮箱", "受理邮箱",
)

# Contact labels a private person's row uses too (户主李某某，联系电话：…): they
# mean "office" only when no person owns the record.  The other OFFICE_WORDS
# (监督电话, 受理电话, 传真, 热线 …) name an office's channel wherever they stand.
CONTACT_WORDS = ("联系电话", "联系方式", "联系邮箱", "电子邮箱")

# Labels of an organisation's own bank account, printed for payments: public.
OFFICE_ACCOUNT_WORDS = ("收款单位", "开户单位", "单位账号", "单位账户", "对公账户", "对公账号", "基本账户")

# Words that tie a number to a private person.
PERSON_WORDS = (
    "申请人", "被申请人", "户主", "姓名", "本人", "家属", "当事人", "贫困户", "低保户",
    "监护人", "患者", "村民", "居民", "学生", "身份证", "公民身份号码", "证件号码",
    "个人", "家庭住址", "住址", "收款人", "持卡人", "开户人", "户名", "法定代表人",
    "代理人", "投诉人", "举报人", "受助人", "困难群众", "承包户", "手机号码", "家庭电话",
)

# Organisations whose names contain a person word (村民小组 is no villager).
ORG_COMPOUNDS = ("村民小组", "村民委员会", "居民委员会", "居民小组", "村民代表", "居民代表", "学生资助",
                 "个人所得税", "患者服务", "家属区")

# Roles that introduce a private person's name: 户主李某某, 申请人：张三.
ROLE_WORDS = (
    "户主", "申请人", "被申请人", "当事人", "姓名", "收款人", "持卡人", "开户人", "户名",
    "监护人", "投诉人", "举报人", "代理人", "受助人", "患者", "承包户", "贫困户", "低保户",
    "法定代表人", "家属", "村民", "居民", "学生", "困难群众", "死者", "逝者", "遗属",
)

# Public staff roles (条例第二十条(二): 负责人姓名 is published on purpose).
STAFF_WORDS = ("联系人", "负责人", "经办人", "承办人", "办理人", "值班人员", "工作人员")

# Labels that say "this is an ID number" (GB 11643; 社会保险法第五十八条: 社保号 = ID).
ID_WORDS = (
    "身份证", "身份证号", "身份证号码", "公民身份号码", "公民身份证号码", "证件号码", "证件号",
    "社会保障号码", "社保号码", "社保号", "居民身份证",
)

# Labels under which a 7-8 digit number is a telephone number.
PHONE_WORDS = (
    "电话", "手机", "传真", "座机", "固话", "热线", "联系方式", "电话号码", "tel", "fax",
    "phone",
)

# Labels of numbers that are never personal: organisation codes, document
# references, postcodes, sums (GB 32100-2015 统一社会信用代码; GB/T 9704 发文字号).
NOT_PERSONAL_WORDS = (
    "统一社会信用代码", "社会信用代码", "信用代码", "组织机构代码", "纳税人识别号", "税号",
    "注册号", "索引号", "文号", "发文字号", "邮编", "邮政编码", "金额", "订单号", "合同编号",
    "项目编号", "批准文号", "许可证号", "登记证号", "备案号", "营业执照", "执照号码", "证书编号",
    "档案号", "案号", "流水号", "项目代码",
)

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
# Two-character words that start with a surname character but are not names.
NOT_NAMES = frozenset({"申请", "陈述", "方式", "方面", "时间", "高度", "关于", "和谐", "成员", "安全",
                       "文件", "单位", "明确", "全部", "全体", "应当", "于是", "向上", "华人"})

# Label sets the detectors look for, built once.
OFFICE_LABELS = OFFICE_WORDS + OFFICE_ACCOUNT_WORDS
OFFICE_CHANNELS = frozenset(OFFICE_LABELS) - frozenset(CONTACT_WORDS)
ANY_LABELS = OFFICE_LABELS + PERSON_WORDS + PHONE_WORDS
PHONE_LABELS = PHONE_WORDS + OFFICE_WORDS
NOT_THIS_NUMBER = NOT_PERSONAL_WORDS + ID_WORDS  # for phones and cards: an ID label means an ID

# Severity by kind and by who the number belongs to (None: no context found).
SEVERITY_BY_CONTEXT: dict[str, dict[str | None, Severity]] = {
    "mobile": {"person": Severity.ERROR, "office": Severity.INFO, "staff": Severity.WARNING,
               None: Severity.WARNING},
    "landline": {"person": Severity.ERROR, "office": Severity.INFO, "staff": Severity.INFO,
                 None: Severity.INFO},
    "bank-card": {"person": Severity.ERROR, "office": Severity.INFO, "staff": Severity.WARNING,
                  None: Severity.WARNING},
}

_ROLES = STAFF_WORDS + ROLE_WORDS
_STAFF_BEFORE = re.compile(rf"(?:{'|'.join(STAFF_WORDS)})[\s:：]*$")
# What may stand between a label and its number: 身份证号码：, 电话为, 联系电话（手机）:
_PUNCT = r"[\s:：,，、()（）\[\]【】<>《》=\-—]*"
_LABEL_GAP = re.compile(rf"{_PUNCT}(?:号码|号)?{_PUNCT}(?:为|是)?{_PUNCT}")
_ORG = re.compile("|".join(ORG_COMPOUNDS))
_CJK = re.compile(r"[\u3400-\u9fff]")
_KEY_LINE = re.compile(r"[ \t\u3000]*[^\s:：,，。；;]{1,10}[:：]")
_RECORD_END = re.compile(r"[\r\n。；;！？!?]")
_NAME_TAIL = re.compile(rf"([{SURNAMES}][\u4e00-\u9fff]{{1,2}})[\s:：,，、|（(]*$")
_MOU_NAME = re.compile(rf"[{SURNAMES}]某{{1,2}}")
_ROLE_NAME = re.compile(
    rf"({'|'.join(sorted(ROLE_WORDS, key=len, reverse=True))})[\s:：]*"
    rf"([{SURNAMES}](?:某{{1,2}}|[\u4e00-\u9fff]{{1,2}}(?=[\s,，、:：|（(]|$)))"
)
_ID_LIKE = re.compile(r"(?<![0-9a-z*＊×])[0-9]{2}[0-9*＊×x]{15}[0-9x*＊×](?![0-9a-z*＊×])")
_ID_SHAPE = re.compile(r"\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[0-9x]")


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


@dataclass(frozen=True, slots=True)
class Context:
    """What surrounds a number: ``who`` is "person", "office", "staff" or None;
    ``word`` is the context word that decided, ``rule`` which rule did."""

    who: str | None
    word: str | None = None
    rule: str | None = None

    def describe(self) -> str | None:
        if self.who == "person":
            if self.rule == "record":
                return f"所在记录属于个人（“{self.word}”），属于个人信息"
            if self.rule == "name":
                return "号码前是人名，属于个人信息"
            return f"附近有“{self.word}”，属于个人信息"
        if self.who == "office":
            return f"附近有“{self.word}”，属于单位公开的联系渠道"
        if self.who == "staff":
            return f"附近有“{self.word}”，是单位工作人员的联系方式"
        return None


def record_start(text: str, start: int, limit: int = 80) -> int:
    """Where the record holding ``start`` begins: the line start or the last
    。/；, at most ``limit`` characters back."""
    lo = max(0, start - limit)
    last = None
    for last in _RECORD_END.finditer(text, lo, start):
        pass
    return last.end() if last else lo if lo else 0


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


def word_before(text: str, start: int, words: tuple[str, ...], reach: int = 12,
                gap: int = 6) -> str | None:
    """The label right before ``start``: the last of ``words`` ending at most
    ``gap`` characters before it, with only punctuation, 号码 or 为/是 in
    between (身份证号码：, 电话为, 传真号码 …); 电话会议于 is no label."""
    lo = max(record_start(text, start, reach), start - reach)
    window = fold(text[lo:start])
    best = None
    for m in _pattern(words).finditer(window):
        best = m
    if best is None:
        return None
    between = window[best.end():]
    if len(between) > gap or not _LABEL_GAP.fullmatch(between):
        return None
    return best.group()


def nearest(window: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    best = None
    for m in _pattern(words).finditer(window):
        if best is None or m.end() >= best[0]:
            best = (m.end(), m.group())
    return best


def _record_owner(record: str) -> str | None:
    """A private person owns the record: 户主李某某, 申请人：张三, 王某某, or an
    ID number earlier in the same row."""
    for m in _ROLE_NAME.finditer(record):
        if m.group(2) not in NOT_NAMES:
            return m.group(1)
    for m in _MOU_NAME.finditer(record):
        if not _STAFF_BEFORE.search(record, max(0, m.start() - 8), m.start()):
            return "某某"
    for m in _ID_LIKE.finditer(record):
        token = m.group()
        if _ID_SHAPE.fullmatch(token) or sum(token.count(c) for c in "*＊×") >= 4:
            return "身份证号码"
    return None


def _name_before(head: str) -> tuple[str, str | None] | None:
    """A name right before the number (or its label): 张三 138…, | 张三 | 138….
    Returns the name and the role word before it, if any."""
    m = _NAME_TAIL.search(head[-8:])
    if not m or m.group(1) in NOT_NAMES:
        return None
    pos = len(head) - len(head[-8:]) + m.start()
    before = head[:pos].rstrip(" :：")
    role = nearest(before[-6:], _ROLES)
    if role and before.endswith(role[1]):
        return m.group(1), role[1]
    if before and _CJK.match(before[-1]):
        return None  # the "name" is the tail of an ordinary word
    return m.group(1), None


def classify(text: str, start: int, end: int, before: int = 24, after: int = 8) -> Context:
    """Decide who the number at ``text[start:end]`` belongs to."""
    label = word_before(text, start, ANY_LABELS)
    if label in OFFICE_CHANNELS:
        return Context("office", label, "label")
    record = fold(text[block_start(text, start):start])
    owner = _record_owner(record)
    if owner:
        return Context("person", owner, "record")
    if label in OFFICE_LABELS:
        return Context("office", label, "label")
    head = record[:record.rfind(label)] if label else record
    named = _name_before(head)
    if named:
        name, role = named
        if role in STAFF_WORDS:
            return Context("staff", role, "staff")
        return Context("person", role or name, "name")
    window = _ORG.sub(lambda m: "□" * len(m.group()), record[-before:])
    person = nearest(window, PERSON_WORDS)
    office = nearest(window, OFFICE_LABELS)
    if person and office:
        # the nearer word decides; a tie goes to the person (a leak costs more)
        if office[0] > person[0]:
            return Context("office", office[1], "word")
        return Context("person", person[1], "word")
    if person:
        return Context("person", person[1], "word")
    if office:
        return Context("office", office[1], "word")
    staff = nearest(record, STAFF_WORDS)
    if staff:
        return Context("staff", staff[1], "staff")
    tail = fold(text[end:end + after])
    hit = nearest(tail, ("（本人）", "(本人)", "本人"))
    if hit:
        return Context("person", hit[1], "word")
    return Context(None)


def severity_for(kind: str, ctx: Context) -> Severity:
    """The severity ``SEVERITY_BY_CONTEXT`` gives a ``kind`` in ``ctx``."""
    return SEVERITY_BY_CONTEXT[kind][ctx.who]
