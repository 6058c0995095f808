"""Every example of every built-in list runs here, one test per entry: a list
edit that brings a false positive, loses a hit, or suggests a wording that is
itself flagged fails before release."""
import pytest

from screener.wordlists import builtin_lists, builtin_terms
from screener.wordlists.selfcheck import check_entry, matcher_for

LISTS = builtin_lists()
CASES = [(wl, e) for wl in LISTS for e in wl.entries]
_matchers: dict = {}


@pytest.mark.parametrize("wl, entry", CASES, ids=[e.code for _, e in CASES])
def test_entry_examples(wl, entry):
    matcher = _matchers.setdefault(wl.name, matcher_for(wl))
    failures = check_entry(wl, entry, matcher)
    assert not failures, "\n".join(f.message() for f in failures)


def test_the_three_builtin_lists():
    assert {wl.name: wl.prefix for wl in LISTS} == {
        "xinhua": "XH", "classified-markings": "CM", "wording": "WD"}
    for wl in LISTS:
        assert wl.builtin and wl.source and wl.edition and wl.sources


@pytest.mark.parametrize("wl, entry", CASES, ids=[e.code for _, e in CASES])
def test_entry_is_documented(wl, entry):
    assert entry.match and entry.passes
    assert entry.reason and (entry.suggestions or entry.advice), "a finding must say what to write instead"
    assert any(key in entry.source for key in wl.sources), entry.source
    if entry.conditional:
        assert entry.kind == "caution-term" and entry.severity.label != "error"


# Codes never change meaning once released: baselines and `ignore` refer to them.
STABLE = [
    ("XH101", "残废人"), ("XH114", "影帝"), ("XH207", "村长"), ("XH208", "村官"),
    ("XH302", "蒙族"), ("XH403", "立法院"), ("XH414", "台湾政府"), ("XH415", "台湾总统"),
    ("XH434", "台湾独立"), ("XH501", "成员国"), ("XH503", "北朝鲜"), ("XH601", "装逼"),
    ("CM101", "国家秘密标志"), ("CM201", "内部资料"), ("WD101", "香港政府"),
]


@pytest.mark.parametrize("code, term", STABLE)
def test_codes_keep_their_meaning(code, term):
    entry = next(e for wl in LISTS for e in wl.entries if e.code == code)
    assert (entry.terms[0] if entry.terms else entry.title).startswith(term)


def test_xinhua_list_is_as_complete_as_the_record():
    xinhua = next(wl for wl in LISTS if wl.name == "xinhua")
    categories = {e.category for e in xinhua.entries}
    assert {"时政和社会生活类", "法律法规类", "民族宗教类", "港澳台和领土、主权类", "国际关系类"} <= categories
    strings = {s for e in xinhua.entries for s in e.terms}
    assert len(strings) >= 200  # about 230 matchable strings are on record
    assert len([s for s in strings if s in PROFANITY]) == 38
    assert xinhua.notes  # items that describe a practice are kept as notes


PROFANITY = set("""装逼 草泥马 特么的 撕逼 玛拉戈壁 爆菊 JB 呆逼 本屌 齐B短裙 法克鱿 丢你老母 达菲鸡 装13 逼格
蛋疼 傻逼 绿茶婊 你妈的 表砸 屌爆了 买了个婊 已撸 吉跋猫 妈蛋 逗比 我靠 碧莲 碧池 然并卵 日了狗 屁民 吃翔
XX狗 淫家 你妹 浮尸国 滚粗""".split())


def test_builtin_terms_for_the_benchmark():
    terms = builtin_terms()
    assert "村长" in terms and "★" in terms
