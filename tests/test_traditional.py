"""Traditional-script drafts get the findings of their simplified originals
(issue 14 point 4): word lists, classified markings and context labels,
with offsets into the original text."""
import pytest
import opencc

import gen
from numcheck import screen
from screener import screen_text
from screener.traditional import changed_characters, has_traditional, to_simplified

ID = gen.id_number()
MOBILE = gen.mobile("151", seed=9)
S2T = opencc.OpenCC("s2t")

PAIRS = [
    ("marking", "機密★會議開始前", "机密★会议开始前"),
    ("marking with period", "絕密★長期", "绝密★长期"),
    ("banned term", "台灣總統宣布", "台湾总统宣布"),
    ("village head", "村長帶領村民修路", "村长带领村民修路"),
    ("全乡村长", "全鄉村長會議", "全乡村长会议"),
    ("China and Taiwan", "中國與臺灣的貿易", "中国与台湾的贸易"),
    ("office label lowers a mobile", f"聯繫電話：{MOBILE}", f"联系电话：{MOBILE}"),
    ("person raises a mobile", f"戶主李某某，手機{MOBILE}", f"户主李某某，手机{MOBILE}"),
    ("ID label before a typo", f"身份證號碼：{gen.id_bad_check()}", f"身份证号码：{gen.id_bad_check()}"),
    ("passport label", "護照號碼：G12345678", "护照号码：G12345678"),
    ("address label", "戶主李某某，家庭住址：新平縣平掌鄉曼麼村委會大村民小組12號",
     "户主李某某，家庭住址：新平县平掌乡曼么村委会大村民小组12号"),
    ("internal document", "內部資料 注意保存", "内部资料 注意保存"),
]


def _shape(text):
    return [(f.code, f.severity.label, f.start, f.end) for f in screen(text)]


@pytest.mark.parametrize("name, traditional, simplified", PAIRS, ids=[p[0] for p in PAIRS])
def test_same_findings_as_the_simplified_original(name, traditional, simplified):
    assert len(traditional) == len(simplified)
    found = _shape(simplified)
    assert found, "the simplified original must have a finding for the pair to test anything"
    assert _shape(traditional) == found
    for f in screen(traditional):
        assert f.text == traditional[f.start:f.end]  # offsets into the original, traditional text


@pytest.mark.parametrize("label, number", [("統一社會信用代碼：", gen.uscc_that_is_also_an_id()),
                                           ("索引號：", ID + "/2020-00123"), ("項目編號 ", gen.id_bad_check())])
def test_a_traditional_not_personal_label_keeps_a_number_clean(label, number):
    assert [f for f in screen("身份证号码：" + number) if f.kind == "id-card"], "after an ID label it is reported"
    assert [f for f in screen(label + number) if f.kind == "id-card"] == []


def test_a_converted_notice_screens_like_its_original():
    original = ("平掌乡2023年低保对象公示\n"
                f"户主李某某，身份证号码：{ID}，联系电话：{MOBILE}，家庭住址：平掌乡曼么村3组。\n"
                "本通知属机密★1年，不得外传。会议要求各村长认真落实，中国与台湾的往来按规定办理。\n"
                "监督电话：0871-63312345。\n")
    traditional = S2T.convert(original)
    assert traditional != original and len(traditional) == len(original)
    assert _shape(traditional) == _shape(original)


@pytest.mark.parametrize("text", ["", "纯简体文字，没有繁体。", "abc 123", "這是繁體", "乾燥的天氣", "𠀀 surrogate-free astral"])
def test_conversion_keeps_length(text):
    assert len(to_simplified(text)) == len(text)


def test_a_simplified_draft_is_left_as_it_is():
    text = "政府信息公开工作年度报告：全年主动公开政府信息1200条。"
    assert not has_traditional(text)
    assert to_simplified(text) is text


def test_the_shipped_trigger_set_is_opencc_s():
    from screener.t2s_chars import CHARS, OPENCC_VERSION

    missing = set(changed_characters()) - set(CHARS)
    assert not missing, f"OpenCC changes {len(missing)} more characters than the list from {OPENCC_VERSION}: " \
                        "regenerate screener/t2s_chars.py from traditional.changed_characters()"
    assert "灣" in CHARS and "機" in CHARS and "湾" not in CHARS


def test_the_shown_text_is_the_original_traditional_term():
    (f,) = screen_text("台灣總統宣布").findings
    assert f.text == "台灣總統"


@pytest.mark.parametrize("term, draft", [
    ("臺灣當局", "台湾当局发表声明"),  # a list written in 繁体 finds the simplified draft
    ("臺灣當局", "臺灣當局發表聲明"),
    ("台湾当局", "臺灣當局發表聲明"),
])
def test_an_office_list_in_either_script_matches_drafts_in_either(tmp_path, term, draft):
    from screener import Config

    (tmp_path / "office.txt").write_text(f"# name: 本单位用语\n# prefix: BD\n{term} => 台湾地区\n", encoding="utf-8")
    found = screen_text(draft, config=Config(wordlists=(tmp_path / "office.txt",))).findings
    assert [f.text for f in found if f.code.startswith("BD")] == [draft[:4]]


# -- the normalised view reuses the original's converted lines ------------------
#
# _views converts doc.text (consecutive traditional lines in one OpenCC call),
# then takes each line of doc.normalized that is a whole line of the original,
# character for character, from that conversion; _views_plain converts both
# texts on their own, one line at a time.  They must be identical.

from pathlib import Path  # noqa: E402

from hypothesis import given, strategies as st  # noqa: E402

from screener.document import Document  # noqa: E402
from screener.traditional import _views, _views_plain, to_simplified_plain  # noqa: E402

_MIX = ["臺灣總統", "機密★", "聯繫電話：", "乾燥", "乾隆", "身份證號碼", "會議", "简体文字", "村长", "，", "。",
        "ＡＢＣ", "ABC", "Tel", "１２３", "0871-63312345", "\u200b", "\u00ad", "\u200e", "\n", "\r\n", "\r", "\n\u3000\u3000",
        " ", "\t", "x", "\ud800", "𠀀"]


def _same_views(text):
    assert to_simplified(text) == to_simplified_plain(text), text  # lines in blocks, against one by one
    for wrap_join in (True, False):
        assert _views(Document(text, wrap_join=wrap_join)) == _views_plain(Document(text, wrap_join=wrap_join)), text


@given(st.lists(st.sampled_from(_MIX), max_size=50).map("".join))
def test_the_views_are_the_two_conversions_on_random_mixes(text):
    _same_views(text)


@pytest.mark.parametrize("text", [
    "臺灣\n總統", "機密\u200b★會議", "ＡＢＣ臺灣\n臺灣", "臺灣\r\n總統\r\n", "第一行\n\u200b臺灣\n", "臺灣\u200b",
    "臺灣\n\u3000\u3000總統，乾燥\n乾隆", "简体\n臺灣", "臺灣", "", "臺灣\n總統\n简体\n會議\n", "臺灣\n\n總統",
    "乾\n隆\n", "臺灣\ud800\n總統\n",
])
def test_the_views_on_each_edge(text):
    _same_views(text)


def test_the_views_of_the_real_corpus_are_the_two_conversions():
    texts = sorted((Path(__file__).resolve().parents[2] / "shared" / "corpus" / "texts").glob("*.txt"))
    if not texts:
        pytest.skip("no real corpus beside the worktree")
    bodies = [p.read_text(encoding="utf-8") for p in texts]
    traditional = [b for b in bodies if has_traditional(b)]
    assert len(traditional) >= 10
    for body in traditional + ["\n\n".join(bodies)]:
        _same_views(body)
