"""The text detectors' fast scans give exactly what their plain scans give.

The address and permit detectors try their patterns only where a match can
start (screener/anchored.py: a literal every match holds, found
with str.find, or a one-character prefilter); the annual-report table reader
stops reading a stretch where its row ends.  Each keeps its plain path
(``plain=True``): the pattern's own ``finditer`` over the whole text, the
whole stretch read.  Here both run on the real corpus, on it with realistic
records planted, on the detectors' own test tables, and on random texts
made of the pieces that make or break a match; they must agree on every
match, every finding and every cell.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import annual_samples
import gen
from screener.annual import prose
from screener.annual.report import read_report
from screener.config import Config
from screener.detectors import address, annual_report, permits
from screener.anchored import finditer_at, literal_starts, starts_of
from screener.document import Document
from screener.traditional import simplified

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = sorted((SHARED / "corpus" / "texts").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
OWN = sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
TEXTS = CORPUS + OWN
CONFIGS = (Config(), Config(mask_style="full"), Config(mode="disclosure"))

# Realistic records each detector must find, or must leave alone (the
# detectors' own test tables say which; here only the agreement counts).
ADDRESS_RECORDS = [
    "户主李某某，家庭住址：新平县平掌乡曼么村委会大村民小组12号。",
    "家庭住址：新平县桂山街道新华路12号3栋2单元",
    "现住址：昆明市五华区人民中路12号3栋201室",
    "申请人：张某某，地址：平掌乡曼么村3组",
    "李某某 新平县平掌乡曼么村3组 低保",
    "户主王某某，住址：戛洒镇新寨社区二组15号",
    "申请人张某某，住址：新平县平掌乡",
    "办公地址：新平县平掌乡人民政府（平掌乡曼么村12号）",
    "公示地点：平掌乡曼么村村委会公示栏",
    "地址：新平县桂山街道新华路12号",
    "联系地址：新平县平掌乡人民政府，邮编653405",
    "平掌乡乡村振兴工作组到曼么村3组开展调研",
    "1. 王桂芬，女，62岁，户籍地：漠沙镇曼线村委会小组7号",
    "受助人刘某某，居住地址：桂山街道办事处玉台社区居委会三组",
    "家住者龙乡大口村民委员会五队18号的赵某某",
    "2\t陈某\t新化乡磨味村委会磨味村民小组\t农村低保",
    "现居住地址为阿拉善左旗巴彦浩特镇苏木嘎查二社",
    "户主杨某，通讯地址：扬武镇扬武大道25-3号2单元501室",
    "户主巴某某，家庭住址：阿拉善左旗乌兰苏木巴音嘎查二社",
    "申请人：马某某，住址：桂山街道城南新区工业园区以东大道25号",  # the road word 10 characters in
    "李某 戛洒镇曼线村委会那板村民小组12号 五保",
]


HK = gen.hk_macau_permit("H", 2)
MO9 = gen.hk_macau_permit("M", 3, renewals=None)
TW = gen.taiwan_permit(4)
EA = gen.passport(5, "EA")
E8 = gen.passport(6, "E")
G8 = gen.passport(7, "G")
PERMIT_RECORDS = [
    f"港澳居民来往内地通行证号码：{HK}", f"回乡证：{MO9}", HK, f"户主李某某，证件号 {MO9}",
    "往来港澳通行证号码：C12345678", "往来港澳通行证：CA1234567", f"台湾居民来往大陆通行证号码：{TW}",
    f"台胞证 {TW}", f"台湾通行证：{TW}", f"来往大陆通行证号码为{TW}", "0561682001(D)", "旧台胞证 0561682001（B）",
    EA, f"护照号码：{EA}", E8, f"护照号：{G8}", "护照号码：533380006", f"护照号码：{gen.to_fullwidth(EA)}",
    "军官证号：军字第2001988号", "士字第3005612号", "警官证：警字第301234号", "型号 H12345678",
    f"项目编号 {TW}", f"批次 {G8}", "EI1234567", f"ABC{EA}", "新政发字第12号", "财字第1234567号",
    "台胞持护照来大陆", "2019年办理护照1200本", "统一社会信用代码：91530427MA6K0260XE",
    f"4 SATO KEN 日本 护照 {EA} 20000", f"2 陈某某 中国香港 港澳居民来往内地通行证 {HK} 20000",
    "x123456789012(b)", "ab12345678 与 xyz1234567",
]


def _planted(text: str, records: list[str], every: int = 7) -> str:
    """``text`` with one of ``records`` after every ``every``-th line."""
    lines = text.splitlines(keepends=True)
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i % every == every - 1:
            out.append(records[(i // every) % len(records)] + "\n")
    return "".join(out)


def _spans(found) -> list[tuple[int, int]]:
    return [m.span() for m in found]


def _view(text: str) -> str:
    return simplified(Document(text))


def _permits_agree(text: str, configs=CONFIGS[:1]) -> None:
    view = _view(text)
    assert list(permits._candidates(view)) == list(permits._candidates(view, plain=True))
    for config in configs:
        assert list(permits.findings(Document(text), config)) == \
            list(permits.findings(Document(text), config, plain=True))


def _address_agrees(text: str, configs=CONFIGS[:1]) -> None:
    view = _view(text)
    assert _spans(address.label_tails(view)) == _spans(address.label_tails(view, plain=True))
    assert _spans(address.town_details(view)) == _spans(address.town_details(view, plain=True))
    for config in configs:
        assert list(address.findings(Document(text), config)) == \
            list(address.findings(Document(text), config, plain=True))


# --- the helpers themselves -------------------------------------------------

@pytest.mark.parametrize("text, anchors, expected", [
    ("住址地址", (("住", 0), ("住", -1), ("址", -1)), [0, 2]),  # -1 before the text's start is dropped
    ("aaa", (("aa", 0),), [0, 1]),  # overlapping occurrences all count
    ("xaay", (("a", -1), ("a", 1), ("y", -1)), [0, 1, 2, 3]),  # repeats kept once, ascending
    ("", (("a", 0),), []),
])
def test_literal_starts(text, anchors, expected):
    assert literal_starts(text, anchors) == expected


@pytest.mark.parametrize("pattern, text", [
    (r"ab|b", "abab bab"),  # a start that falls inside the previous match is skipped, as finditer skips it
    (r"(?<![a-z])[a-z]{1,2}\d+", "ab12 x3 yz45"),  # a look-behind sees the text before the start
    (r"aa", "aaaaa"),
])
def test_finditer_at_every_position_is_finditer(pattern, text):
    pat = re.compile(pattern)
    assert _spans(finditer_at(pat, text, range(len(text)))) == _spans(pat.finditer(text))


def test_starts_of_merges_prefilters():
    assert starts_of(((re.compile("a(?=b)"), (0,)), (re.compile("b"), (0, -2))), "abcab") == [0, 1, 2, 3, 4]


# --- address -----------------------------------------------------------------

@pytest.mark.parametrize("word", address._LABEL_TAIL.pattern.split("|"))
def test_every_label_word_is_anchored(word):
    # each alternative of the label pattern, alone and after other text
    for text in (word, "，" + word, "住" + word):
        assert _spans(address.label_tails(text)) == _spans(address.label_tails(text, plain=True)) != []


@pytest.mark.skipif(not CORPUS, reason=f"the shared corpus is not here ({SHARED})")
@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_address_fast_path_on_real_texts(path):
    text = path.read_text(encoding="utf-8")
    _address_agrees(text)
    _address_agrees(_planted(text, ADDRESS_RECORDS), CONFIGS)


@pytest.mark.parametrize("record", ADDRESS_RECORDS)
def test_address_fast_path_on_records(record):
    _address_agrees(record, CONFIGS)
    _address_agrees(f"序号\t姓名\t住址\n1\t{record}\n", CONFIGS)


def test_address_records_are_found_on_both_paths():
    # the agreement is not vacuous: the planted records are found
    found = list(address.findings(Document("\n".join(ADDRESS_RECORDS)), Config()))
    assert len(found) >= 8


_ADDRESS_PIECES = ["住址", "地址", "户籍", "家住", "现住", "居住地", "住", "址", "籍", "乡", "镇", "街道", "街道办事处",
                   "苏木", "苏", "木", "村", "村委会", "村民委员会", "社区", "居委会", "嘎查", "组", "村民小组", "社", "队",
                   "号", "路", "街", "大道", "巷", "12", "3", "-", "栋", "单元", "室", "新平县", "五华区", "平掌",
                   "曼么", "户主李某某", "申请人", "办公地址", "工业园区东", "巴音", "，", "：", "\n", "\t", " ", "a", "Ａ"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ADDRESS_PIECES), max_size=60))
def test_address_fast_path_on_random_texts(pieces):
    _address_agrees("".join(pieces))


# --- permits -----------------------------------------------------------------

@pytest.mark.parametrize("word", permits.TAIWAN_WORDS + ("护照",))
def test_every_permit_label_is_anchored(word):
    for text in (f"{word}：{TW}", f"，{word}号码 {TW}", f"台{word}{TW}"):
        view = _view(text)
        assert list(permits._candidates(view)) == list(permits._candidates(view, plain=True)) != []


@pytest.mark.skipif(not CORPUS, reason=f"the shared corpus is not here ({SHARED})")
@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_permit_fast_path_on_real_texts(path):
    text = path.read_text(encoding="utf-8")
    _permits_agree(text)
    _permits_agree(_planted(text, PERMIT_RECORDS), CONFIGS)


@pytest.mark.parametrize("record", PERMIT_RECORDS)
def test_permit_fast_path_on_records(record):
    _permits_agree(record, CONFIGS)
    long = "序号 姓名 证件号码\n" + f"1 李某某 {record}\n" + "。" * permits.LONG  # the regex module's scans
    _permits_agree(long)


def test_permit_records_are_found_on_both_paths():
    found = list(permits.findings(Document("\n".join(PERMIT_RECORDS) + "。" * permits.LONG), Config()))
    assert len(found) >= 15


_PERMIT_PIECES = ["h", "m", "c", "e", "g", "a", "ea", "x", "Ｈ", "1234567", "12345678", "0", "9", "(", "（", ")",
                  "）", "b", "护照", "照", "证", "台胞证", "台湾居民来往大陆通行证", "来往大陆通行证", "台湾通行证",
                  "通行证", "号码", "：", "军", "字第", "字", "第", "号", "警", "，", " ", "\n", "中"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PERMIT_PIECES), max_size=60), st.booleans())
def test_permit_fast_path_on_random_texts(pieces, long):
    text = "".join(pieces)
    _permits_agree(text + ("。" * permits.LONG if long else ""))


# --- annual report -----------------------------------------------------------

def _read(norm: str, plain: bool = False):
    """What read_report() read, comparable (a Quantity compares by identity)."""
    r = read_report(norm, plain)
    if r is None:
        return None
    figures = {k: (q.value, q.where, q.start, q.end) for k, q in [*r.cells3.items(), *r.cells4.items()]}
    return (r.sections, r.year, r.year_source, r.layout, r.layout_at, r.table3, r.table4, figures)


def _annual_agrees(text: str) -> None:
    norm = Document(text).normalized
    assert _read(norm) == _read(norm, plain=True)
    assert list(annual_report.findings(Document(text), Config())) == \
        list(annual_report.findings(Document(text), Config(), plain=True))


FORMS = ("pipe", "lines", "spaces", "tabs")  # the text forms; a .docx or HTML table arrives as tabs


def _report(year: int, layout: str, form: str, table3=None, table4=None) -> str:
    return annual_samples.render(annual_samples.blocks(year, layout, table3, table4), form)


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("year, layout", [(2019, "2019"), (2022, "2021"), (2022, "2019")])
def test_annual_fast_path_on_template_reports(form, year, layout):
    text = _report(year, layout, form)
    assert read_report(Document(text).normalized).table4.cells  # the tables are read
    _annual_agrees(text)
    # a report whose last table-三 row and table 四 reach far: other texts follow before 五
    tail = "".join(p.read_text(encoding="utf-8") for p in CORPUS[:8])
    _annual_agrees(text.replace("五、存在的主要问题", tail + "\n五、存在的主要问题"))
    _annual_agrees(text + tail + text)


@pytest.mark.skipif(not CORPUS, reason=f"the shared corpus is not here ({SHARED})")
@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_annual_fast_path_on_real_texts(path):
    _annual_agrees(path.read_text(encoding="utf-8"))


@pytest.mark.skipif(not CORPUS, reason=f"the shared corpus is not here ({SHARED})")
def test_annual_fast_path_on_the_corpus_joined():
    # as the benchmark reads it: one text, sections found across reports
    _annual_agrees("\n\n".join(p.read_text(encoding="utf-8") for p in TEXTS))


_CELL_VALUES = st.one_of(st.integers(0, 40).map(str), st.sampled_from(["", " ", "/", "无", "-", "-3", "1.5", "1,024",
                                                                     "说明：本表数据截至年底", "0 0", "3\t"]))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(FORMS), st.sampled_from(["2019", "2021"]), st.data())
def test_annual_fast_path_on_damaged_tables(form, layout, data):
    table3 = annual_samples.consistent_table3(layout)
    for key in data.draw(st.lists(st.sampled_from(sorted(table3)), max_size=4)):
        row = list(table3[key])
        if row:
            row[data.draw(st.integers(0, len(row) - 1))] = data.draw(_CELL_VALUES)
        if key != "new" and data.draw(st.booleans()):  # (the sample quotes new's total in its prose)
            row = row[:data.draw(st.integers(0, 6))]  # a short row
        table3[key] = row
    table4 = [str(v) for v in annual_samples.TABLE4]
    for i in data.draw(st.lists(st.integers(0, 14), max_size=3)):
        table4[i] = data.draw(_CELL_VALUES)
    if data.draw(st.booleans()):
        table4 = table4[:data.draw(st.integers(5, 15))]  # (the sample quotes the fifth in its prose)
    _annual_agrees(_report(2022, layout, form, table3, table4))


TOTAL_SENTENCES = [
    "全年主动公开政府信息共100条，其中政策文件30条，其他信息60条。",
    "全年主动公开政府信息共100条，其中政策文件70条，工作动态60条。",
    "全年主动公开政府信息共100条，分别为：政策文件30条，工作动态60条。",
    "全年主动公开政府信息100条，其中概况类信息30条；其他信息共计60条。",
    "全年主动公开政府信息共100条：政策文件40条，工作动态60条。",
    "全年主动公开政府信息共3000余条，其中政策文件30条，其他信息60条。",
    "全年主动公开政府信息约100条，其中政策文件30条，其他信息60条。",
    "共受理申请5件，其中自然人3件，办结5件。",
    "合计 为 12 件，主要包括：依申请公开 5 件、咨询 7 件。", "总数为12项：一是5项，二是7项。",
    "总计\t230条\n其中政务信息45条，工作动态185条", "发布信息 1.5 条，其中 3 条", "共计2,000份，其中1000份",
    "收到申请 7 件 ， 其中 自然人 4 件，法人 3 件。", "办理提案12件,其中建议8件，提案4件",
    "举办培训5期，其中线上2期，线下3期", "发布信息１２条，其中政策文件５条，动态７条",
    "收到申请7件\u3000，\u3000其中自然人4件，法人3件",
]


def _totals_agree(text: str) -> None:
    for norm in (Document(text).normalized, text):  # the raw text too: spaces and digits beyond ASCII
        _totals_agree_in(norm)


def _totals_agree_in(norm: str) -> None:
    for start, end in ((0, len(norm)), (len(norm) // 3, len(norm) - 5)):
        assert _spans(prose._TOTAL.finditer(norm, start, end)) == \
            _spans(finditer_at(prose._TOTAL, norm, prose._total_starts(norm, start, end), end))
        assert prose.stated_totals(norm, start, end) == prose.stated_totals(norm, start, end, plain=True)


@pytest.mark.parametrize("sentence", TOTAL_SENTENCES)
def test_stated_totals_fast_path_on_sentences(sentence):
    _totals_agree(sentence)
    _totals_agree("一、总体情况\n" + sentence * 3)
    # inside a report, where AR608 reads them
    _annual_agrees(_report(2022, "2021", "tabs").replace("全年主动公开政府信息共120条，其中政策文件40条，工作动态70条，其他信息10条。",
                                                        sentence))


def test_stated_totals_are_found_on_both_paths():
    found = prose.stated_totals("".join(TOTAL_SENTENCES), 0, len("".join(TOTAL_SENTENCES)))
    assert len(found) >= 8


@pytest.mark.skipif(not CORPUS, reason=f"the shared corpus is not here ({SHARED})")
@pytest.mark.parametrize("path", TEXTS, ids=[p.name for p in TEXTS])
def test_stated_totals_fast_path_on_real_texts(path):
    _totals_agree(path.read_text(encoding="utf-8"))


_TOTAL_PIECES = ["共", "共计", "合计", "总计", "总数", "合", "总", "计", "数", "为", " ", "\t", "\n", "\u3000", "1", "23",
                 "１２", ".", "5", "条", "件", "份", "期", "，", ",", "其中", "其", "中", "主要有", "分别为", "：", ":",
                 "、", "政务信息", "余", "约", "。", "其他", "办结"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_TOTAL_PIECES), max_size=60))
def test_stated_totals_fast_path_on_random_texts(pieces):
    _totals_agree("".join(pieces))
