"""Matching that reads Chinese as words: the hard cases in both directions,
Latin tokens, normalisation, context conditions, and what a reviewer sees."""
import json
from pathlib import Path

import pytest

from screener import Config, Document, Severity, screen_file, screen_text
from screener.render.json_out import render_json
from screener.render.terminal import render_terminal
from screener.wordlists import list_set

ROOT = Path(__file__).resolve().parents[1]
BUILTIN = ("xinhua", "classified-markings", "wording")

# A bare list (no conditions, no exceptions) isolates what segmentation decides.
BARE = "# prefix: HC\n天王\n村长\n台联\n影后\n国语\n大麻\n台湾总统\nNB\nSB\nPK\nTMD\n台独\n维族\n鲜族\n中华民国\n"


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    p = tmp_path_factory.mktemp("lists") / "bare.txt"
    p.write_text(BARE, encoding="utf-8")
    return Config(wordlists=(p,), disable_lists=BUILTIN)


def scan(config, text):
    drops = []
    hits = list_set(config).matcher.scan(Document(text).normalized, drops)
    return hits, drops


HARD_CASES = [
    # text, term, flagged, segmentation that decides (None: not consulted)
    ("天王星是一颗行星", "天王", False, "天王星"),
    ("他是歌坛天王", "天王", True, "天王"),
    ("该村长期以来重视教育", "村长", False, "该村/长期以来"),
    ("村长带领村民修路", "村长", True, "村长"),
    ("通过平台联系群众", "台联", False, "平台/联系群众"),
    ("台联召开会议", "台联", True, "台联"),
    ("电影后期制作", "影后", False, "电影/后期制作"),
    ("她获得影后称号", "影后", True, "影后"),
    ("外国语学院", "国语", False, "外国语"),
    ("台湾的国语教学", "国语", True, "国语"),
    ("这下遇到大麻烦了", "大麻", False, "大/麻烦"),
    ("非法种植大麻", "大麻", True, "大麻"),
    ("台湾总统大选", "台湾总统", True, "台湾/总统大选"),
    # a compound of the term and another word of 2+ characters keeps the banned sense
    ("打击台独分子", "台独", True, "台独分子"),
    ("平台独立运营", "台独", False, "平台/独立"),
    ("新疆维族群众", "维族", True, "新疆维族"),
    ("朝鲜族群众", "鲜族", False, "朝鲜族"),
    ("所谓中华民国政府", "中华民国", True, "中华民国政府"),
    ("NBA比赛直播", "NB", False, None),
    ("USB接口", "SB", False, None),
    ("PKU校友会", "PK", False, None),
    ("型号TMD-200", "TMD", False, None),
    ("这操作真NB", "NB", True, None),
    ("两队现场PK", "PK", True, None),
    ("ＴＭＤ太气人", "TMD", True, None),
]


@pytest.mark.parametrize("text, term, flagged, seg", HARD_CASES, ids=[c[0] for c in HARD_CASES])
def test_hard_cases(bare, text, term, flagged, seg):
    hits, drops = scan(bare, text)
    found = [h for h in hits if h.entry.terms[0] == term]
    assert bool(found) == flagged
    if seg is not None:
        decided = found[0].segmentation if found else \
            next(d.segmentation for d in drops if d.entry.terms[0] == term)
        assert seg in decided.split("/") or seg == decided or seg in decided


def test_findings_show_the_segmentation_that_decided(bare):
    (f,) = screen_text("台湾总统大选", config=bare).findings
    assert "分词：台湾/总统大选" in f.to_dict()["why"]  # JSON only (issue 13)
    assert "分词" not in f.why

@pytest.mark.parametrize("text", ["村长", "ｎｂ", "Nb"])
def test_whole_text_is_a_term(bare, text):
    assert screen_text(text, config=bare).findings


# ── normalisation: width, case, zero-width characters, a line break inside a term ──

@pytest.mark.parametrize("text, shown", [
    ("关于村长选举的通知", "村长"),
    ("关于村\n长选举的通知", "村\n长"),
    ("关于村\u200b长选举的通知", "村\u200b长"),
    ("这操作真ＮＢ。", "ＮＢ"),
    ("来自台湾、香港等国家的客商", "台湾、香港等国家"),
    ("🙂👍 é NB村长", "NB"),
    ("🙂👍 é，村长", "村长"),
    ("\ud800，村长", "村长"),
])
def test_offsets_point_into_the_original_text(text, shown):
    findings = screen_text(text).findings
    assert all(text[f.start:f.end] == f.text for f in findings)
    assert shown in [f.text for f in findings]


# ── the default lists on ordinary government sentences ──

DEFAULT_CASES = [
    # text, code expected (None: nothing flagged)
    ("平掌村村长带领村民修路", "XH207"),
    ("选聘大学生村官到村任职", None),
    ("世界贸易组织成员国代表来访", "XH501"),
    ("联合国成员国一致通过决议", None),
    ("根治拖欠农民工工资问题", None),
    ("玉米种植面积达3000亩", None),
    ("以最好的状态迎接检查", None),
    ("台湾立法院通过法案", "XH403"),
    ("台湾“立法院”通过法案", None),
    ("坚决反对台独分裂活动", "XH434"),
    ("坚决反对“台独”分裂活动", None),
    ("所谓“中华民国总统”", "XH412"),
    ("中华民国时期的建筑", None),
    ("机密★10年", "CM101"),
    ("绝密★长期", "CM101"),
    ("秘密★", "CM101"),
    ("内部资料　注意保存", "CM201"),
    ("仅供内部参考", "CM205"),
    ("属于国家秘密的不予公开", None),
    ("严格执行保密审查制度", None),
    ("加强数据机密性保护", None),
    ("秘密和隐私都要保护", None),
    ("（此件发至乡）", None),
    ("Ⅰ级（特别重大）突发事件", None),
    ("香港政府发布公告", "WD101"),
    ("NBA比赛在USB直播", None),
]


@pytest.mark.parametrize("text, code", DEFAULT_CASES, ids=[c[0] for c in DEFAULT_CASES])
def test_default_lists(text, code):
    codes = [f.code for f in screen_text(text).findings]
    assert codes == ([code] if code else [])


def test_ordinary_sense_entries_are_off_by_default_and_can_be_switched_on():
    medical = "这种药能根治糖尿病"
    assert not screen_text(medical).findings
    on = Config(enable_lists=("XH112",))
    (f,) = screen_text(medical, config=on).findings
    assert f.code == "XH112" and f.kind == "caution-term" and f.severity == Severity.WARNING
    assert "附近有“药”" in f.why
    assert not screen_text("根治拖欠农民工工资问题", config=on).findings
    fans = Config(enable_lists=("XH124",))
    assert [f.code for f in screen_text("偶像歌手的玉米们齐聚现场", config=fans).findings] == ["XH124"]
    assert not screen_text("玉米种植面积达3000亩", config=fans).findings


def test_seed_report_gets_no_error_or_warning():
    report = screen_file(ROOT / "tests" / "fixtures" / "seed_2019_township_report.txt")
    assert [f for f in report.findings if f.severity >= Severity.WARNING] == []
    assert [f for f in report.findings if f.kind in ("banned-term", "caution-term", "wording",
                                                    "classified-marking")] == []


def test_suggestion_in_every_output():
    report = screen_text("村长带领村民修路", path="稿件.txt")
    (f,) = report.findings
    assert f.suggestion == "建议改为：村主任、村民委员会主任"
    assert "      建议改为：村主任、村民委员会主任" in render_terminal(report).splitlines()
    data = json.loads(render_json(report))
    assert data["files"][0]["findings"][0]["suggestion"] == "建议改为：村主任、村民委员会主任"
    assert data["files"][0]["findings"][0]["kind"] == "banned-term"


def test_message_and_explanation_cite_the_list():
    (f,) = screen_text("世界贸易组织成员国代表来访").findings
    assert "成员方" in f.message
    assert f.why.startswith("XH501 《新华社新闻信息报道中的禁用词和慎用词》国际关系类第90条")
    assert "附近有“世界贸易组织”" in f.why


def test_rules_list_the_entries():
    from screener.detectors import all_rules

    rules = {r.code: r for r in all_rules()}
    assert rules["XH207"].title == "村长" and "村主任" in rules["XH207"].doc
    assert "默认关闭" in rules["XH112"].title
