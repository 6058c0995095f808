"""The approval sheet's content: header fields, pre-check rows, findings rows,
conclusion and the masked draft view (independent of the output format)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from pathlib import Path

import pytest
from sheet_samples import (ALL_KINDS, EMAIL, ID, MOBILE, PERSONAL_VALUES, SPECS, TEXT, sample_report,
                           unmarked_report)

from screener import Config, Severity, screen_text
from screener.document import Document
from screener.errors import ConfigError
from screener.detectors import KIND_LABELS, KIND_TABLE
from screener.model import FileReport
from screener.sheet.header import find_doc_number, find_title
from screener.sheet.model import build_sheet, ticks
from screener.masking import guard
from screener.privacy import Masker
from screener.sheet.fields import SheetFields, fields_from_settings, parse_date

DAY = dt.date(2024, 6, 2)


def sheet_of(fr=None, fields=None, **kw):
    kw.setdefault("checked", ALL_KINDS)
    kw.setdefault("today", DAY)
    # the sample without its 密级 marking: a marked draft's sheet has no draft text
    return build_sheet(fr or unmarked_report(), fields, **kw)


def all_text(sheet) -> str:
    parts = [v for _, v in sheet.header()] + [sheet.source, sheet.conclusion, sheet.reason]
    parts += [c.result for c in sheet.checks]
    parts += [x for r in sheet.rows for x in (r.where, r.content, r.suggestion, r.reason)]
    parts += [p.text for p in sheet.pieces]
    return "\n".join(parts)


@pytest.mark.parametrize("text, number, own", [
    ("新平县人民政府文件\n新政办通〔2019〕66号\n\n关于做好X工作的通知\n", "新政办通〔2019〕66号", True),
    ("XX县民政局文件\n新民发［2024］12号　　签发人：李某\n关于Y的请示\n", "新民发［2024］12号", True),
    ("关于Z的通知\n根据《办法》（新民发〔2024〕12号）要求，现通知如下。\n", "新民发〔2024〕12号", False),
    ("按照新政办通[2019]66号文件要求，我乡开展了工作。\n", "新政办通[2019]66号", False),
    ("关于Z的通知\n国办发（2010）57号 规定了审查。\n", "国办发（2010）57号", False),
    ("关于Z的通知\n依据新政发(2021)第3号执行。\n", "新政发(2021)第3号", False),
    ("关于Z的通知\n省政府办公厅印发的湘政办发〔2019〕5号文件\n", "湘政办发〔2019〕5号", False),
    ("关于Z的通知\n见国办公开办函〔２０１９〕６０号。\n", "国办公开办函〔２０１９〕６０号", False),
    ("关于Z的通知\n本办法自2019年5月15日起施行，第十五条另有规定。\n", None, None),
    ("关于Z的通知\n申请人住在10号楼〔2019〕室。\n", None, None),
])
def test_doc_number_is_read_off_the_draft(text, number, own):
    found = find_doc_number(Document(text))
    assert (found == (number, own)) if number else found is None


@pytest.mark.parametrize("text, title", [
    ("平掌乡人民政府关于2024年度低保对象的公示\n\n根据规定，现予公示。\n", "平掌乡人民政府关于2024年度低保对象的公示"),
    ("\n\n  # 关于开展普查的通知  \n正文。\n", "关于开展普查的通知"),
    ("新平县人民政府文件\n新政办通〔2019〕66号\n关于做好X工作的通知\n各乡镇：\n", "关于做好X工作的通知"),
    ("000123\n机密★5年\n特急\n关于A的请示\n", "关于A的请示"),
    ("一、总体情况 2019年，我乡认真执行条例规定，高度重视政务信息公开工作。\n二、标题\n", None),
    ("各村委会：\n关于X的通知\n", None),
    ("", None),
])
def test_title_is_the_first_heading_line(text, title):
    line = find_title(Document(text))
    assert (line.text if line else None) == title
    if line:
        assert text[line.start:line.start + len(line.text)] == line.text


def test_header_fields_from_options_and_the_draft():
    fields = SheetFields(unit="平掌乡人民政府", drafter="王某", date=dt.date(2024, 6, 3),
                         publish_method="政府网站", publish_attr="主动公开")
    sheet = sheet_of(fields=fields)
    assert dict(sheet.header()) == {
        "审批编号": "",
        "信息标题": "关于2024年度临时救助对象的公示",
        "文号": "新政办发〔2024〕7号",
        "拟稿单位": "平掌乡人民政府",
        "拟稿人": "王某",
        "报送日期": "2024年6月3日",
        "公开方式": "☑政府网站　□政务新媒体　□报刊　□公开栏　□其他",
        "公开属性": "☑主动公开　□依申请公开　□不予公开",
        "发布栏目": "",
        "附件清单": "无",
    }
    assert sheet_of(fields=SheetFields(title="另一个标题", doc_number="X发〔2024〕1号")).title == "另一个标题"
    assert sheet_of().date == "2024年6月2日" and sheet_of().unit == ""


@pytest.mark.parametrize("value, options, shown", [
    (None, ("政府网站", "其他"), "□政府网站　□其他"),
    ("政府网站", ("政府网站", "其他"), "☑政府网站　□其他"),
    ("微信公众号", ("政府网站", "其他"), "□政府网站　☑其他：微信公众号"),
    ("此件公开发布", ("主动公开", "不予公开"), "□主动公开　□不予公开　☑此件公开发布"),
])
def test_ticks(value, options, shown):
    assert ticks(value, options) == shown


def test_one_check_row_per_kind_in_order_with_counts_and_results():
    sheet = sheet_of(sample_report())
    # the annual-report arithmetic is a check of annual reports only
    assert [c.label for c in sheet.checks] == [v for k, v in KIND_LABELS.items() if KIND_TABLE[k].applies(unmarked_report().document.text)]
    got = {c.label: (c.count, c.result) for c in sheet.checks}
    assert got["身份证号码"] == (1, "发现 1 处")
    assert got["固定电话"] == (2, "发现 2 处（其中提示 1 处）")
    assert got["涉密标识"] == (1, "发现 1 处")


@pytest.mark.parametrize("specs, label, result", [
    ((), "电子邮箱", "未发现"),
    ([s for s in SPECS if s[3] == "0877-7012345"], "固定电话", "发现 1 处（单位公开联系方式，提示）"),
    ([(*SPECS[5][:1], Severity.INFO, *SPECS[5][2:])], "慎用词", "发现 1 处（提示）"),
])
def test_check_result_wording(specs, label, result):
    sheet = sheet_of(sample_report(specs=specs))
    assert {c.label: c.result for c in sheet.checks}[label] == result


def test_a_kind_no_rule_checks_says_so_instead_of_none_found():
    sheet = build_sheet(sample_report(specs=()), checked={"email"}, today=DAY)
    rows = {c.label: (c.count, c.result) for c in sheet.checks}
    assert rows["电子邮箱"] == (0, "未发现")
    assert rows["身份证号码"] == (None, "未检查（该项检查未启用）")
    assert "身份证号码" in sheet.reason and "未检查" in sheet.reason
    ignored = build_sheet(sample_report(specs=()), config=Config(ignore=("EM",)), today=DAY)
    assert {c.label: c.count for c in ignored.checks}["电子邮箱"] is None


def test_a_kind_outside_the_known_list_gets_its_own_row():
    fr = sample_report()
    extra = replace(fr.findings[0], kind="licence-plate", code="LP701")
    sheet = sheet_of(FileReport(fr.path, (extra,), fr.chars, document=fr.document))
    assert sheet.checks[-1].label == "licence-plate" and sheet.checks[-1].count == 1


def test_findings_rows_are_masked_and_say_where():
    rows = sheet_of().rows
    assert [r.label for r in rows][:5] == ["身份证号码", "手机号码", "固定电话", "银行卡号", "电子邮箱"]
    assert rows[0].where == "第6行第16字" and rows[0].content == "53**************37"
    assert rows[1].content == "139****1815" and rows[3].content.endswith("9071")
    assert rows[4].content == "z***@example.com"
    assert rows[-1].severity is Severity.INFO and rows[-1].suggestion == "无需处理"
    assert rows[6].content == "村长" and rows[6].suggestion == "村主任"


@pytest.mark.parametrize("keep, conclusion, present, absent", [
    (None, "不予公开·需报审", ["涉密标识 1 处（第8行）", "第十四条", "此外另有需处理的问题 8 处"], []),
    (lambda k: k != "classified-marking", "修改后公开", ["需处理的问题 8 处", "第十五条", "新华社"],
     ["涉密"]),
    (lambda k: k in ("mobile", "email"), "修改后公开", ["手机号码 1 处、电子邮箱 1 处", "第十五条"],
     ["新华社"]),
    (lambda k: k == "wording", "修改后公开", ["规范表述 1 处", "新华社"], ["第十五条"]),
    (lambda k: False, "可以公开", ["另有提示 1 处", "无需处理"], ["第十五条", "新华社"]),
])
def test_conclusion_and_reason(keep, conclusion, present, absent):
    """Info-level findings (the office phone) are always kept: they never block."""
    specs = [s for s in SPECS if keep is None or keep(s[0]) or s[1] is Severity.INFO]
    sheet = sheet_of(sample_report(specs=specs))
    assert sheet.conclusion == conclusion
    assert all(word in sheet.reason for word in present)
    assert not any(word in sheet.reason for word in absent)


def test_fail_on_error_lets_warnings_through_and_info_marking_does_not_withhold():
    specs = [s for s in SPECS if s[1] is not Severity.ERROR]
    assert sheet_of(sample_report(specs=specs), fail_on=Severity.ERROR).conclusion == "可以公开"
    info_mark = [("classified-marking", Severity.INFO, "SM509", "机密★5年", None, "提示")]
    assert sheet_of(sample_report(specs=info_mark)).conclusion == "可以公开"


def test_empty_draft_asks_to_check_the_file():
    sheet = build_sheet(FileReport("空.txt", (), 0, document=Document("", "空.txt")), checked=ALL_KINDS)
    assert sheet.conclusion == "修改后公开" and "没有文字内容" in sheet.reason


def test_draft_view_is_the_whole_draft_with_numbers_masked():
    fr = unmarked_report()
    sheet = sheet_of(fr)
    marked = [p for p in sheet.pieces if p.row]
    assert [p.row.number for p in marked] == list(range(1, 10))
    for piece, f in zip(marked, fr.findings):
        assert piece.text == (f.masked if f.personal else f.text) == piece.row.content
    rebuilt = "".join(f.text if p.row else p.text
                      for p, f in zip(sheet.pieces, _align(sheet.pieces, fr.findings)))
    assert rebuilt == TEXT
    shown = "".join(p.text for p in sheet.pieces)
    assert not any(v in shown for v in PERSONAL_VALUES) and "村长<b>李某</b>" in shown


def _align(pieces, findings):
    it = iter(findings)
    return [next(it) if p.row else None for p in pieces]


def test_overlapping_findings_in_a_hand_built_report_are_masked_in_full():
    fr = unmarked_report()
    inner = replace(fr.findings[1], kind="caution-term", start=fr.findings[1].start + 2,
                    end=fr.findings[1].end + 3, text=TEXT[fr.findings[1].start + 2:fr.findings[1].end + 3])
    bad = FileReport(fr.path, tuple(sorted((*fr.findings, inner), key=lambda f: f.start)),
                     fr.chars, document=fr.document)
    shown = "".join(p.text for p in sheet_of(bad).pieces)
    assert MOBILE not in shown and MOBILE[3:7] not in shown


def test_values_typed_into_options_and_numbers_everywhere_are_masked():
    fields = SheetFields(title=f"联系人邮箱 {EMAIL}", unit="x@example.org", drafter="李四")
    sheet = sheet_of(fields=fields)
    text = all_text(sheet)
    for value in (*PERSONAL_VALUES, "x@example.org"):
        assert value not in text
    assert "19850312" not in text  # the birth date inside the ID
    assert "z***@example.com" in sheet.title and sheet.drafter == "李四"


def test_a_number_in_a_findings_message_is_masked_too():
    fr = unmarked_report()
    leaky = replace(fr.findings[0], message=f"身份证号 {ID} 校验通过",
                    suggestion=f"改为 {MOBILE[:3]}", explanation=None)
    sheet = sheet_of(FileReport(fr.path, (leaky, *fr.findings[1:]), fr.chars, document=fr.document))
    assert ID not in all_text(sheet)


def test_numbers_no_finding_names_are_still_hidden_on_the_sheet():
    """A check switched off (ignore) or a number a detector missed must not
    reach the sheet; dates, postcodes, hotlines and 文号 stay readable."""
    sheet = build_sheet(sample_report(specs=()), checked=ALL_KINDS, today=DAY)
    text = all_text(sheet)
    for value in PERSONAL_VALUES:
        assert value not in text
    assert "19850312" not in text and "53**************37" in text
    kept = "2024年度 新政办发〔2024〕7号 2024-06-02 邮编653405 12345 86244 1,234,567元"
    fr = FileReport("k.txt", (), len(kept), document=Document(kept, "k.txt"))
    assert "".join(p.text for p in build_sheet(fr, checked=ALL_KINDS).pieces) == kept


@pytest.mark.parametrize("value, default, full", [
    ("530427198503121237", "53**************37", "******************"),
    ("187 2309 7215", "18* **** **15", "*** **** ****"),
    ("0877-7012345", "08**-*****45", "****-*******"),
    ("53042719781122****", "53**********22****", "**************" + "****"),
    ("li.si@example.org", "l***@example.org", "*****@example.org"),
    ("5304 2719 8503 1212 37", "53** **** **** **** 37", "**** **** **** **** **"),
    ("2024-06-02", "2024-06-02", "2024-06-02"),
    ("653405 12345 86244", "653405 12345 86244", "653405 12345 86244"),
    ("653405", "653405", "653405"),
])
def test_guard(value, default, full):
    assert guard(value) == default and guard(value, "full") == full


def test_end_to_end_with_the_email_detector():
    text = f"关于A的公示\n申请人张某，邮箱：{EMAIL}。\n监督邮箱：office@xinping.gov.cn\n"
    fr = screen_text(text).files[0]
    sheet = build_sheet(fr, today=DAY)
    rows = {c.label: c.result for c in sheet.checks}
    assert rows["电子邮箱"] == "发现 2 处（其中提示 1 处）"
    assert sheet.conclusion == "修改后公开" and EMAIL not in all_text(sheet)
    assert "office@xinping.gov.cn" not in all_text(sheet)  # masked on the sheet even when public


@pytest.mark.parametrize("value, day", [
    ("2024-06-02", dt.date(2024, 6, 2)), ("2024/6/2", dt.date(2024, 6, 2)),
    ("2024.6.2", dt.date(2024, 6, 2)), ("2024年6月2日", dt.date(2024, 6, 2)),
    (dt.date(2023, 1, 9), dt.date(2023, 1, 9)),
])
def test_parse_date(value, day):
    assert parse_date(value) == day


@pytest.mark.parametrize("value", ["2024-13-01", "明天", "2024-02-30", ""])
def test_parse_date_rejects(value):
    with pytest.raises(ValueError, match="无法识别"):
        parse_date(value)


@pytest.mark.parametrize("settings, error", [
    ({"unit": "平掌乡人民政府", "date": "2024-06-02", "publish_attr": "主动公开"}, None),
    ({"date": dt.date(2024, 6, 2)}, None),
    ({"title": "x"}, "未知的配置项“title”"),
    ({"unit": 3}, "“unit”应为文字"),
    ({"date": "下周"}, "date"),
    ({"date": 20240602}, "应为日期"),
])
def test_sheet_settings_are_validated(settings, error):
    if error is None:
        assert fields_from_settings(settings, "screener.toml").date in (None, dt.date(2024, 6, 2))
    else:
        with pytest.raises(ConfigError, match=error):
            fields_from_settings(settings, "screener.toml")


def test_an_annual_report_sheet_lists_its_arithmetic_check():
    from screener import screen_text

    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_6698c9757fbfa1c5.txt"
    if not seed.is_file():
        pytest.skip("../shared/seeds is not here (a user's machine): the seed report is needed")
    sheet = sheet_of(screen_text(seed.read_text(encoding="utf-8")).files[0])
    assert "年度报告核对" in [c.label for c in sheet.checks]


@pytest.mark.parametrize("line, number", [
    ("附件：赴香港澳门{n}等国家考察名单", "15114177763"),  # a term overlapping a mobile (resolve keeps both)
    ("赴台湾{n}政府采购项目", "13926647378"),
    ("联系人手机：{n}。", "13926647378"),  # no overlap: one highlight per finding
])
def test_overlapping_findings_show_as_the_terminal_masks_them(line, number):
    """The sheet's draft view masks through the privacy owner's Masker, so a
    highlight reads exactly as the terminal's excerpt of the same stretch."""
    fr = screen_text(line.format(n=number) + "\n").files[0]
    sheet = build_sheet(fr, checked=ALL_KINDS, today=DAY)
    shown = "".join(p.text for p in sheet.pieces)
    assert number not in shown and number[3:7] not in shown
    assert shown == Masker(fr.findings).slice(fr.document.text)[0]
    highlights = [p for p in sheet.pieces if p.row]
    spans = sorted((f.start, f.end) for f in fr.findings)
    overlapping = any(b[0] < a[1] for a, b in zip(spans, spans[1:]))
    assert len(highlights) == (1 if overlapping else len(fr.findings))
