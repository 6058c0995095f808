"""Context words that decide a personal number's severity.

A number next to a person (a name, 申请人, 户主 …) is a leak: error.  An
office's published contact channel (联系电话, 咨询电话, 传真, 热线 …) is
meant to be public (条例第十二条, 第二十条(二)): info.  The word that decided
is returned so the finding can say so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Words that introduce an office's published contact channel.
OFFICE_WORDS = (
    "联系电话", "咨询电话", "举报电话", "投诉电话", "受理电话", "监督电话", "办公电话",
    "值班电话", "服务电话", "联系方式", "咨询热线", "服务热线", "举报热线", "热线",
    "传真", "办公室电话", "报名电话", "联系邮箱", "投稿邮箱", "举报邮箱", "咨询邮箱",
    "电子邮箱", "监督邮箱", "受理邮箱",
)

# Words that tie a number to a private person.
PERSON_WORDS = (
    "申请人", "被申请人", "户主", "姓名", "本人", "家属", "当事人", "贫困户", "低保户",
    "监护人", "患者", "村民", "居民", "学生", "身份证", "公民身份号码", "证件号码",
    "个人", "家庭住址", "住址", "收款人", "持卡人", "开户人", "户名", "法定代表人",
    "负责人", "联系人", "代理人", "投诉人", "举报人", "受助人", "困难群众", "承包户",
)

# Common surnames (百家姓, by frequency) for "张三 13812345678" style rows.
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞"
    "左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕"
    "屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_NAME_BEFORE = re.compile(rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}[\s:：,，、|（(]*$")


@dataclass(frozen=True, slots=True)
class Context:
    """What surrounds a number: ``who`` is "person", "office" or None."""

    who: str | None
    word: str | None = None

    def describe(self) -> str | None:
        if self.who == "person":
            return f"附近有“{self.word}”，属于个人信息"
        if self.who == "office":
            return f"附近有“{self.word}”，属于单位公开的联系渠道"
        return None


def _nearest(window: str, words: tuple[str, ...]) -> tuple[int, str] | None:
    best = None
    for w in words:
        i = window.rfind(w)
        if i >= 0 and (best is None or i + len(w) > best[0]):
            best = (i + len(w), w)
    return best


def classify(text: str, start: int, end: int, before: int = 24, after: int = 8) -> Context:
    """Look at the ``before`` characters on the same line ahead of the span
    (and a few after) and decide who the number belongs to."""
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    window = text[max(line_start, start - before):start]
    person = _nearest(window, PERSON_WORDS)
    office = _nearest(window, OFFICE_WORDS)
    m = _NAME_BEFORE.search(window[-6:])
    if m and (person is None or person[0] < len(window) - 6 + m.start()):
        person = (len(window), m.group().rstrip(" :：,，、|（("))
    if person and office:
        # the nearer word decides; a tie goes to the person (a leak costs more)
        return Context("office", office[1]) if office[0] > person[0] else Context("person", person[1])
    if person:
        return Context("person", person[1])
    if office:
        return Context("office", office[1])
    tail = text[end:end + after]
    hit = _nearest(tail, ("（本人）", "(本人)", "本人"))
    if hit:
        return Context("person", hit[1])
    return Context(None)
