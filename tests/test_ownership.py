"""Who owns a number (issue 13): decided from the unit a reviewer reads.

Tables of realistic lines per unit type — list items, table rows with and
without a 姓名 column, key：value blocks followed by an office's contact
block, staff and officials, household members, traditional-script labels —
with positives and negatives side by side.  Numbers are generated (gen.py).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import gen
from cli_process import run
from docx_factory import build_docx
from numcheck import screen
from screener import Config, screen_file, screen_text
from screener.config import ConfigError, load_config
from screener.detectors.context import classify
from screener.detectors.units import line_number

M1, M2, M3, M4, M5 = (gen.mobile(p, s) for p, s in (("139", 1), ("187", 2), ("158", 3), ("135", 4), ("137", 5)))
TEL = "0877-7012345"

VILLAGERS = (
    "一、拟推荐对象\n"
    f"1. 李建国，曼线村委会大平掌村民小组，联系电话：{M1}。\n"
    f"2. 王桂芬，女，62岁，联系电话：{M2}。\n"
    f"3. 张秀英（曼线村），联系方式：{M3}。\n"
    f"4. 刀玉华 联系电话 {M4}\n"
)


def judged(text: str, kind: str) -> list[tuple[str, str]]:
    """(severity, explanation) of each finding of ``kind``."""
    return [(f.severity.label, f.why) for f in screen(text, kind)]


def last(text: str, kind: str):
    found = screen(text, kind)
    assert found, text
    return found[-1]


# --- 1. the 公示 list of the issue ------------------------------------------------

@pytest.mark.parametrize("line_no, name", [(2, "李建国"), (3, "王桂芬"), (4, "张秀英"), (5, "刀玉华")])
def test_the_four_villagers_are_personal_and_named(line_no, name):
    (f,) = [f for f in screen(VILLAGERS, "mobile") if f.line == line_no]
    assert f.severity.label in ("warning", "error")
    assert f"“{name}”" in f.why and f"第{line_no - 1}条" in f.why
    assert "单位公开" not in f.why and "某某" not in f.why


def test_the_villagers_list_fails_and_is_masked_by_redact(tmp_path: Path):
    draft = tmp_path / "公示.txt"
    draft.write_text(VILLAGERS, encoding="utf-8")
    out = tmp_path / "公示-脱敏.txt"
    code, stdout, _ = run(draft, "--redact", out)
    assert code == 1 and "未发现问题" not in stdout
    redacted = out.read_text(encoding="utf-8")
    for number in (M1, M2, M3, M4):
        assert number not in redacted and number not in stdout
    assert "李建国" in redacted  # only the numbers change


def test_a_docx_table_with_a_name_column_agrees_with_the_list(tmp_path: Path):
    path = build_docx(tmp_path / "t.docx", [[
        ["序号", "姓名", "所在村组", "联系电话"],
        ["1", "李建国", "大平掌村民小组", M1],
        ["2", "王桂芬", "曼线村", M2],
    ]])
    found = [f for f in screen_file(path).findings if f.kind == "mobile"]
    assert [f.severity.label for f in found] == ["error", "error"]
    assert "“李建国”" in found[0].why and "表格第2行" in found[0].why
    assert "“王桂芬”" in found[1].why and "表格第3行" in found[1].why


def test_an_html_table_with_a_name_column_agrees_too(tmp_path: Path):
    page = tmp_path / "t.html"
    page.write_text(
        "<html><body><p>拟推荐对象公示</p><table><tr><th>姓名</th><th>村组</th><th>联系电话</th></tr>"
        f"<tr><td>李建国</td><td>大平掌</td><td>{M1}</td></tr><tr><td>王桂芬</td><td>曼线</td><td>{M2}</td></tr>"
        "</table><p>監督電話：0871-64185521</p></body></html>", encoding="utf-8")
    found = [(f.kind, f.severity.label) for f in screen_file(page).findings]
    assert found == [("mobile", "error"), ("mobile", "error"), ("landline", "info")]


# --- list items -------------------------------------------------------------------

ITEMS = [
    # (description, line, expected severity, word the explanation quotes)
    ("a name opening the item", f"1. 李建国，联系电话：{M1}", "error", "李建国"),
    ("a name, gender and age", f"（2）王桂芬，女，62岁，联系电话：{M2}", "error", "王桂芬"),
    ("a name and an address in brackets", f"③张秀英（曼线村），联系方式：{M3}", "error", "张秀英"),
    ("a Dai name and a bare label", f"4、刀玉华 联系电话 {M4}", "error", "刀玉华"),
    ("a masked name", f"5. 王某某，曼线村，{M5}", "error", "王某某"),
    ("a household head", f"6. 户主李某某，家庭人口3人，联系电话：{M1}", "error", "户主李某某"),
    ("a student", f"- 学生张小明，家长电话：{M2}", "error", "学生张小明"),
    ("an office's item", f"1. 平掌乡民政办：{M3}", "info", "平掌乡民政办"),
    ("an office channel item", f"2. 举报电话：{M4}", "info", "举报电话"),
    ("a town's hotline", f"3. 坝河镇 {M5}", "info", "坝河镇"),
    ("a section heading is no person", f"一、咨询方式：服务热线 {M1}", "info", "服务热线"),
]


@pytest.mark.parametrize("name, text, severity, word", ITEMS, ids=[c[0] for c in ITEMS])
def test_list_items(name, text, severity, word):
    f = last(text, "mobile")
    assert (f.severity.label, f"“{word}”" in f.why) == (severity, True), f.why


def test_a_persons_item_does_not_reach_the_next():
    text = f"1. 李建国，联系电话：{M1}\n2. 咨询电话：{M2}\n3. 本村便民服务点 联系方式：{TEL}"
    assert [s for s, _ in judged(text, "mobile")] == ["error", "info"]
    assert [s for s, _ in judged(text, "landline")] == ["info"]


# --- table rows ------------------------------------------------------------------

ROWS = [
    ("a 姓名 column, whatever the phone column is called",
     f"序号\t姓名\t联系方式\n1\t李建国\t{M1}", "mobile", "error", "李建国"),
    ("a 户主 column", f"户主\t人口\t电话\n李某某\t3\t{M2}", "mobile", "error", "李某某"),
    ("a markdown table", f"| 姓名 | 手机 |\n|---|---|\n| 王桂芬 | {M3} |", "mobile", "error", "王桂芬"),
    ("a 姓名 column and a 职务 column: officials",
     f"姓名\t职务\t联系电话\n普某某\t乡长\t{M4}", "mobile", "warning", "乡长普某某"),
    ("a staff table", f"单位\t联系人\t联系电话\n平掌乡民政办\t杨某\t{M5}", "mobile", "warning", "联系人"),
    ("a staff table with a landline", f"单位\t联系人\t联系电话\n平掌乡民政办\t杨某\t{TEL}", "landline", "info",
     "联系人"),
    ("an office table without names", f"单位名称\t监督电话\n县纪委\t{M1}", "mobile", "info", "监督电话"),
    ("an office table of landlines", f"单位名称\t联系电话\n县民政局\t{TEL}", "landline", "info", "单位名称"),
    ("a headerless row with a name cell", f"| 3 | 李四 | {M2} |", "mobile", "error", "李四"),
]


@pytest.mark.parametrize("name, text, kind, severity, word", ROWS, ids=[c[0] for c in ROWS])
def test_table_rows(name, text, kind, severity, word):
    f = last(text, kind)
    assert (f.severity.label, f"“{word}”" in f.why) == (severity, True), f.why


# --- key：value blocks and the office's closing contact --------------------------

PERSON_BLOCK = (
    "申请人：张三\n"
    f"身份证号码：{gen.id_number()}\n"
    "家庭住址：曼线村大平掌村民小组\n"
    "救助金额：3000元\n"
)

BLOCKS = [
    ("a household head's block", f"户主：李某某\n性别：男\n联系电话：{M1}", "mobile", "error", "户主李某某"),
    ("the office's closing 受理单位 block after a person's block",
     PERSON_BLOCK + f"受理单位：平掌乡民政办公室\n联系电话：{TEL}", "landline", "info", "受理单位"),
    ("the same with a mobile", PERSON_BLOCK + f"受理单位：平掌乡民政办公室\n联系电话：{M2}", "mobile", "info",
     "受理单位"),
    ("a county page's 联系人 contact block", PERSON_BLOCK + f"联系人：杨某　　联系电话：{TEL}", "landline", "info",
     "联系人杨某"),
    ("a 监督电话 line after a person's block", PERSON_BLOCK + f"监督电话：{TEL}", "landline", "info", "监督电话"),
    ("the person's own phone inside the block", PERSON_BLOCK.replace("救助金额", f"联系电话：{M3}\n救助金额"),
     "mobile", "error", "申请人张三"),
    ("a blank line ends the block", f"户主：李某某\n\n联系电话：{M4}", "mobile", "info", "联系电话"),
    ("a repeated key starts the next record", f"户主：李某某\n电话：{M5}\n受理单位：乡民政办\n电话：{M1}",
     "mobile", "info", "受理单位"),
]


@pytest.mark.parametrize("name, text, kind, severity, word", BLOCKS, ids=[c[0] for c in BLOCKS])
def test_blocks(name, text, kind, severity, word):
    f = last(text, kind)
    assert (f.severity.label, f"“{word}”" in f.why) == (severity, True), f.why
    assert "身份证号码" not in f.why or severity == "error"


def test_redact_leaves_the_offices_closing_number(tmp_path: Path):
    text = PERSON_BLOCK + f"受理单位：平掌乡民政办公室\n联系电话：{TEL}\n"
    draft = tmp_path / "d.txt"
    draft.write_text(text, encoding="utf-8")
    out = tmp_path / "r.txt"
    run(draft, "--redact", out)
    assert TEL in out.read_text(encoding="utf-8")


# --- 2. staff and officials: one rule ------------------------------------------------

STAFF = [
    f"联系人：张三，联系电话：{M1}",
    f"联系人：张三，电话：{M1}",
    f"联系人：张三，手机：{M1}",
    f"联系人：张三，联系方式：{M1}",
    f"联系人：张三 {M1}",
    f"经办人：李某，手机 {M1}",
    f"负责人：王建华，电话：{M1}",
    f"乡长：普某某，手机：{M1}",
    f"村委会主任：岩某，联系电话：{M1}",
    f"驻村第一书记：刘某某，手机{M1}",
]


def test_staff_variants_agree():
    results = [judged(t, "mobile") for t in STAFF]
    assert {r[0][0] for r in results} == {"warning"}
    shapes = {r[0][1].split("；")[-1].split("是", 1)[1].split("（")[0] for r in results}
    assert shapes == {"单位工作人员或干部"}  # one explanation, whatever the label word
    assert "普某某" in results[7][0][1] and "未见" not in results[7][0][1]


@pytest.mark.parametrize("text", [t.replace(M1, TEL) for t in STAFF[:5]] + [f"乡长：普某某，办公电话：{TEL}"])
def test_a_staff_landline_is_the_offices(text):
    assert [s for s, _ in judged(text, "landline")] == ["info"]


# --- household members are persons, never staff ----------------------------------

HOUSEHOLD = [
    (f"李建国之女李小芳，手机{M1}", "李建国之女李小芳"),
    (f"户主王某某之子王某，电话：{M2}", "之子王某"),
    (f"家庭成员：张某某，联系电话：{M3}", "家庭成员张某某"),
    (f"其妻子刀某，手机：{M4}", "妻子刀某"),
]


@pytest.mark.parametrize("text, quote", HOUSEHOLD)
def test_household_members(text, quote):
    f = last(text, "mobile")
    assert f.severity.label == "error" and quote in f.why and "工作人员" not in f.why


# --- 3. office channels in every script and wording -----------------------------------

CHANNELS = ["监督电话", "举报电话", "投诉电话", "咨询电话", "受理电话", "报备电话", "值班电话", "办公电话",
            "服务电话", "服务热线", "传真", "舉報電話", "監督電話", "投訴電話", "諮詢電話", "咨詢電話",
            "值班電話", "辦公電話", "服務熱線", "傳真", "報備電話"]


@pytest.mark.parametrize("label", CHANNELS)
def test_office_channels_are_info_even_after_a_person(label):
    text = f"申请人张三对处理结果不服的，可拨打{label}：{M1}"
    assert judged(text, "mobile") == [("info", judged(text, "mobile")[0][1])]
    assert f"“{label}”" in judged(text, "mobile")[0][1]


REPOST = (
    "關于推薦2021年五一勞動獎候選對象的通知\n"
    "各基層工會：\n"
    f"舉報電話：{TEL}\n"
    f"監督電話：0871-64185521，{M1}\n"
    f"聯系電話：84806631，{M2}\n"
    "受理郵箱：jbzx@xinping.gov.cn\n"
)


def test_a_traditional_script_repost_flags_no_hotline():
    found = [f for f in screen(REPOST) if f.personal]
    assert found and all(f.severity.label == "info" for f in found), [(f.code, f.why) for f in found]


def test_traditional_person_labels_still_read_as_personal():
    assert judged(f"聯繫人：孫斌\n聯繫電話：{M1}", "mobile")[0][0] == "warning"
    assert judged(f"1. 陳建國，聯繫電話：{M1}", "mobile")[0][0] == "error"


EMAILS = [
    ("a county mailbox", "联系邮箱：pzx@xinping.gov.cn", "info"),
    ("a bare gov.cn mailbox, even in a person's record", "申请人张三，请发送至 xinfang@gov.cn", "info"),
    ("a traditional label", "受理郵箱：jbzx@163.com", "info"),
    ("a person's own mailbox", "申请人：张三，邮箱 zhangsan@example.com", "error"),
    ("a mailbox alone", "邮箱 zhangsan@example.com", "warning"),
    ("a look-alike domain is no government", "邮箱 a@notgov.cn", "warning"),
]


@pytest.mark.parametrize("name, text, severity", EMAILS, ids=[c[0] for c in EMAILS])
def test_mailboxes(name, text, severity):
    assert judged(text, "email")[0][0] == severity


# --- 4. document mode ------------------------------------------------------------------

PUNISHED = f"失信被执行人惩戒公示\n1. 李建国，联系电话：{M1}\n身份证号码：{gen.id_number()}\n"


@pytest.mark.parametrize("title, lowered", [
    ("失信被执行人惩戒公示", True),
    ("关于企业强制性信息披露的公告", True),
    ("拟推荐对象公示", False),
])
def test_disclosure_by_title(title, lowered):
    text = f"{title}\n1. 李建国，联系电话：{M1}\n"
    (f,) = screen(text, "mobile")
    assert f.severity.label == ("warning" if lowered else "error")
    assert ("2018年政务公开工作要点" in f.why) is lowered


def test_disclosure_mode_lowers_never_silences():
    plain = screen_text(VILLAGERS).findings
    lowered = screen_text(VILLAGERS, config=Config(mode="disclosure")).findings
    assert len(plain) == len(lowered)
    assert [f.severity - 1 for f in plain] == [f.severity for f in lowered]
    assert all("去标识化" in f.why for f in lowered)
    (idf,) = [f for f in screen_text(PUNISHED).findings if f.kind == "id-card"]
    assert idf.severity.label == "warning" and "惩戒公示" in idf.why


def test_mode_from_screener_toml_and_cli(tmp_path: Path):
    (tmp_path / "screener.toml").write_text('mode = "disclosure"\n', encoding="utf-8")
    assert load_config(cwd=tmp_path).mode == "disclosure"
    (tmp_path / "bad.toml").write_text('mode = "publish"\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(tmp_path / "bad.toml")
    draft = tmp_path / "d.txt"
    draft.write_text(VILLAGERS, encoding="utf-8")
    _, out, _ = run(draft, "--format", "json")
    assert {f["severity"] for f in json.loads(out)["files"][0]["findings"]} == {"error"}
    code, out, _ = run(draft, "--format", "json", "--mode", "disclosure")
    assert {f["severity"] for f in json.loads(out)["files"][0]["findings"]} == {"warning"}
    code, _, err = run(draft, "--mode", "publish")
    assert code == 2 and "Traceback" not in err


# --- 5. explanations in a clerk's words --------------------------------------------------

def test_terminal_text_has_no_library_names_json_does(tmp_path: Path):
    draft = tmp_path / "d.txt"
    draft.write_text(VILLAGERS + f"监督电话：{TEL}\n", encoding="utf-8")
    _, text_out, _ = run(draft)
    assert "phonenumbers" not in text_out and "分词" not in text_out
    _, json_out, _ = run(draft, "--format", "json")
    whys = [f["why"] for f in json.loads(json_out)["files"][0]["findings"]]
    assert all("phonenumbers" in w for w in whys)


@pytest.mark.parametrize("text", [
    f"曼线村王某某，{M1}",
    f"1.户主李某某，联系电话：{M1}",
    f"联系人：杨某 {M1}",
    f"监督电话：{M1}",
])
def test_explanations_quote_the_words_not_a_pattern(text):
    why = last(text, "mobile").why
    assert "“某某”" not in why and "第1" in why


def test_classify_reports_the_unit():
    text = f"标题\n\n1. 李建国，联系电话：{M1}"
    start = text.index(M1)
    ctx = classify(text, start, start + 11)
    assert (ctx.who, ctx.place, ctx.quote) == ("person", "第1条", "李建国")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_numbers_of_units_match_the_findings(newline):
    # long enough to cross several of line_number's 4 KB blocks
    text = newline.join(f"第{i}段正文，没有号码。" * 20 if i % 7 else f"{i}. 李建国，联系电话：{M1}" for i in range(1, 200))
    found = screen(text, "mobile")
    assert found and all(f"第{f.line}条" in f.why for f in found)  # item i is on line i
    for pos in (0, 4095, 4096, 9000, len(text) - 1):
        breaks = sum(1 for i, c in enumerate(text[:pos]) if c == "\n" or (c == "\r" and text[i + 1:i + 2] != "\n"))
        assert line_number(text, pos) == breaks + 1


def test_the_label_data_is_consistent():
    from screener.detectors import context_labels as L
    assert not set(L.CHANNEL_WORDS) & set(L.CONTACT_WORDS)
    assert not set(L.ROLE_WORDS) & set(L.STAFF_WORDS + L.TITLE_WORDS)
    assert {"舉報電話", "諮詢電話", "監督電話", "報備電話", "傳真", "服務熱線"} <= set(L.CHANNEL_WORDS)
    assert {"聯繫電話", "聯系電話", "聯絡電話"} <= set(L.CONTACT_WORDS)
    assert all(len(w) >= 2 for w in L.NOT_NAMES)
    assert L.traditional(("举报电话",)) == ("举报电话", "舉報電話")
