"""The annual-report checks on reports of both layouts in every form they
arrive in (|-separated, one cell per line, blank-separated, tabs, HTML, .docx), on drafts that
are not annual reports, on prose totals, and with last year's report."""
from __future__ import annotations

from pathlib import Path

import pytest

from annual_samples import blocks, consistent_table3, merged_docx, merged_html, render, write
from screener import InputError, Severity, screen_file, screen_text
from screener.cli import main
from screener.loaders.html import load_html
from screener.screening import screen_document

FORMS = ("pipe", "lines", "spaces", "tabs", "html", "docx")
TEXT_FORMS = FORMS[:5]  # building a .docx is slow: a few cases cover it
COLUMNS = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]


def annual(report) -> list:
    return [f for f in report.findings if f.kind == "annual-report"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("layout, year", [("2019", 2019), ("2019", 2020), ("2021", 2021), ("2021", 2023)])
def test_a_report_that_adds_up_is_clean(tmp_path, form, layout, year):
    assert annual(screen_file(write(blocks(year, layout), form, tmp_path))) == []


# (row key, its number among value rows, label shown, column)
CELLS = {
    "2019": [("new", 1, "一、本年新收政府信息公开申请数量", 0), ("r3.1", 5, "（三）不予公开 1.属于国家秘密", 2),
             ("r6", 21, "（六）其他处理", 5), ("r7", 22, "（七）总计", 6), ("forward", 23, "四、结转下年度继续办理", 4)],
    "2021": [("carried", 2, "二、上年结转政府信息公开申请数量", 6), ("r5.4", 19, "（五）不予处理 4.无正当理由大量反复申请", 1),
             ("r6.2", 22, "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用", 3), ("r6.3", 23, "（六）其他处理 3.其他", 0),
             ("r7", 24, "（七）总计", 0), ("forward", 25, "四、结转下年度继续办理", 6)],
}


@pytest.mark.parametrize("form, layout, key, number, label, column",
                         [(form, layout, *cell) for layout, cells in CELLS.items() for i, cell in enumerate(cells)
                          for form in (FORMS if i < 2 else TEXT_FORMS)])
def test_one_changed_cell_is_found_in_every_form(tmp_path, form, layout, key, number, label, column):
    table = consistent_table3(layout)
    old = table[key][column]
    table[key][column] = old + 2
    year = 2019 if layout == "2019" else 2022
    found = annual(screen_file(write(blocks(year, layout, table3=table), form, tmp_path)))
    assert len(found) == 1, [f.message for f in found]
    f = found[0]
    assert (f.code, f.severity) == ("AR605", Severity.ERROR)
    assert f.location.startswith(f"表三 第{number}行「{label}")
    assert f"{COLUMNS[column]}列" in f.location
    assert f"为 {old + 2}" in f.message and f"若此处为 {old}" in f.message


@pytest.mark.parametrize("form, index, group", [
    (form, *case) for case in [(1, "行政复议"), (7, "行政诉讼（未经复议直接起诉）"), (14, "行政诉讼（复议后起诉）")]
    for form in (FORMS if case[0] == 7 else TEXT_FORMS)])
def test_one_changed_table4_cell_in_every_form(tmp_path, form, index, group):
    table4 = [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 1, 2]
    table4[index] += 1
    found = annual(screen_file(write(blocks(2022, "2021", table4=table4), form, tmp_path)))
    assert [f.code for f in found] == ["AR607"], [f.message for f in found]
    where = found[0].location
    assert where == f"表四 {group}" or where.startswith(f"表四 {group}（")  # + the loader's 第N行 / 表格N
    assert "结果维持+结果纠正+其他结果+尚未审结" in found[0].message


def test_a_2021_report_in_the_trial_layout_is_reported():
    text = render(blocks(2022, "2019", table2_layout="2019"), "pipe")
    found = annual(screen_text(text))
    assert [(f.code, f.severity, f.text) for f in found] == [("AR601", Severity.WARNING, "本年新制作数量")]
    assert "2022年度" in found[0].message and "国办公开办函〔2021〕30号" in found[0].message


def test_a_2021_report_whose_table3_has_the_trial_rows_is_reported():
    table3 = consistent_table3("2019")
    text = render(blocks(2022, "2019", table3=table3, table2_layout="2021"), "tabs")
    found = annual(screen_text(text))
    assert [(f.code, f.location) for f in found] == [("AR601", "表三 第21行「（六）其他处理」")]
    assert "分为三项" in found[0].message


@pytest.mark.parametrize("period, words", [
    ("自2022年1月1日起至2022年12月21日止", "止于12月21日"),
    ("自2021年1月1日起至2021年12月31日止", "统计期限却写2021年"),
])
def test_the_statistics_period_must_be_the_report_year(period, words):
    text = render(blocks(2022, "2021"), "tabs").replace("自2022年1月1日起至2022年12月31日止", period)
    found = annual(screen_text(text))
    assert [f.code for f in found] == ["AR611"] and words in found[0].message


def _with_sentence(sentence: str) -> str:
    return render(blocks(2022, "2021"), "tabs").replace("全年主动公开政府信息共120条，其中政策文件40条，工作动态70条，其他信息10条。", sentence)


@pytest.mark.parametrize("sentence, reported", [
    ("全年主动公开政府信息共100条，其中政策文件30条，其他信息60条。", "所述总数为 100，所列2项之和（30+60）为 90"),
    ("全年主动公开政府信息共100条，其中政策文件70条，工作动态60条。", "所述总数为 100，所列2项之和（70+60）为 130"),
    ("全年主动公开政府信息共100条，分别为：政策文件30条，工作动态60条。", "所列2项之和（30+60）为 90"),
    ("全年主动公开政府信息100条，其中概况类信息30条；其他信息共计60条。", "所述总数为 100"),
    ("全年主动公开政府信息共100条，其中政策文件30条，工作动态60条。", None),  # 其中 may name only some
    ("全年主动公开政府信息共100条：政策文件40条，工作动态60条。", None),  # adds up
    ("全年主动公开政府信息共3000余条，其中政策文件30条，其他信息60条。", None),  # approximate
    ("全年主动公开政府信息约100条，其中政策文件30条，其他信息60条。", None),
    ("共受理申请5件，其中自然人3件，办结5件。", None),  # 办结 is not a part
])
def test_stated_totals(sentence, reported):
    found = [f for f in annual(screen_text(_with_sentence(sentence))) if f.code == "AR608"]
    if reported is None:
        assert found == []
    else:
        assert len(found) == 1 and reported in found[0].message


@pytest.mark.parametrize("sentence, repeated", [
    ("本单位政务公开包括以下栏目：政务信息、机构职能、政策解读、机构职能等。", "机构职能"),
    ("本单位政务公开包括以下栏目：政务信息、机构职能、政策解读等。", None),
    ("会议研究了预算、决算、预算执行情况。", None),  # no 栏目 / 包括 before it
])
def test_an_item_named_twice(sentence, repeated):
    found = [f for f in annual(screen_text(_with_sentence(sentence))) if f.code == "AR609"]
    assert [f.text for f in found] == ([repeated] if repeated else [])
    if repeated:
        assert found[0].severity == Severity.INFO


@pytest.mark.parametrize("text", [
    # a work plan: numbered sections, a mismatched total, no annual-report headings
    "2023年政务公开工作要点\n一、总体要求\n二、重点任务\n全年计划公开信息共100条，其中政策文件30条，其他信息60条。",
    # a notice about annual reports: the phrase, but not a report
    "关于做好2023年政府信息公开工作年度报告编制发布工作的通知\n各单位：\n一、工作目标\n请于1月31日前报送。\n"
    "二、有关要求\n共10条，其中自然人3件，其他5件。",
    # a table of figures that do not add up, in a draft that is no annual report
    "某镇统计表\n一、本年新收\t1\t2\t3\t4\t5\t6\t99\n",
])
def test_drafts_that_are_not_annual_reports_are_not_checked(text):
    assert annual(screen_text(text)) == []


@pytest.fixture()
def two_years(tmp_path):
    last = consistent_table3("2021")
    this = consistent_table3("2021")
    last["forward"] = list(this["carried"])  # last year's 结转下年度 = this year's 上年结转
    last["new"] = [last["r7"][c] + last["forward"][c] - last["carried"][c] for c in range(7)]
    previous = write(blocks(2021, "2021", table3=last), "docx", tmp_path, "2021年报")
    return previous, this


def test_previous_report_that_agrees(tmp_path, two_years):
    previous, this = two_years
    current = write(blocks(2022, "2021", table3=this), "html", tmp_path, "2022年报")
    assert annual(screen_file(current, previous=previous)) == []


def test_previous_report_that_disagrees(tmp_path, two_years):
    previous, this = two_years
    this["carried"][2] += 1
    this["carried"][6] += 1
    this["new"][2] -= 1
    this["new"][6] -= 1
    current = write(blocks(2022, "2021", table3=this), "tabs", tmp_path, "2022年报")
    found = annual(screen_file(current, previous=previous))
    assert [(f.code, f.location) for f in found] == [
        ("AR612", "表三 第2行「二、上年结转政府信息公开申请数量」 科研机构列"),
        ("AR612", "表三 第2行「二、上年结转政府信息公开申请数量」 总计列"),
    ], [f.message for f in found]
    assert f"本年上年结转为 {this['carried'][2]}，上年报告结转下年度为 {this['carried'][2] - 1}" in found[0].message


def test_previous_on_the_command_line(tmp_path, two_years, capsys):
    previous, this = two_years
    this["carried"][0] += 1
    this["new"][0] -= 1
    this["carried"][6] += 1
    this["new"][6] -= 1
    current = write(blocks(2022, "2021", table3=this), "pipe", tmp_path, "2022年报")
    with pytest.raises(SystemExit) as code:
        main(["check", str(current), "--previous", str(previous)])
    out = capsys.readouterr().out
    assert code.value.code == 1 and "AR612" in out and "年度报告核对 2 处" in out
    with pytest.raises(SystemExit) as code:
        main(["check", str(current)])
    assert code.value.code == 0


@pytest.mark.parametrize("content", ["这不是年度报告。", None])
def test_an_unreadable_previous_report_is_one_clear_error(tmp_path, capsys, content):
    current = write(blocks(2022, "2021"), "pipe", tmp_path, "2022年报")
    previous = tmp_path / "上年.txt"
    if content is not None:
        previous.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        screen_file(current, previous=previous)
    with pytest.raises(SystemExit) as code:
        main(["check", str(current), "--previous", str(previous)])
    err = capsys.readouterr().err
    assert code.value.code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_rules_are_listed_with_their_sources(capsys):
    with pytest.raises(SystemExit):
        main(["rules"])
    out = capsys.readouterr().out
    for code in [f"AR6{n:02d}" for n in range(1, 14)]:
        assert code in out
    with pytest.raises(SystemExit):
        main(["rule", "AR602"])
    out = capsys.readouterr().out
    assert "第一项加第二项之和，等于第三项加第四项之和" in out and "国办公开办函〔2021〕30号" in out
    assert "示例" in out and "建议写法" in out


def test_findings_reach_json_with_their_location():
    text = render(blocks(2022, "2021"), "pipe").replace("全年主动公开政府信息共120条", "全年主动公开政府信息共121条")
    data = screen_text(text).to_dict()
    [f] = [f for f in data["files"][0]["findings"] if f["kind"] == "annual-report"]
    assert f["code"] == "AR608" and f["location"] == "正文" and f["text"] == "121"


@pytest.mark.parametrize("form", ["html", "docx"])
@pytest.mark.parametrize("layout, year, key, number, column", [("2019", 2019, "r3.2", 6, 1), ("2021", 2022, "r6.1", 21, 6)])
def test_tables_with_merged_cells_as_the_template_draws_them(tmp_path, form, layout, year, key, number, column):
    """三、本年度办理结果 and （三）不予公开 … span the rows they group (rowspan,
    Word's vertical merge): the loaders flatten them differently, the rows
    are read the same."""
    def write_merged(table3, name):
        if form == "html":
            path = tmp_path / f"{name}.html"
            path.write_text(merged_html(year, layout, table3), encoding="utf-8")
            return path
        return merged_docx(tmp_path / f"{name}.docx", year, layout, table3)

    assert annual(screen_file(write_merged(consistent_table3(layout), "clean"))) == []
    table = consistent_table3(layout)
    old = table[key][column]
    table[key][column] = old + 1
    found = annual(screen_file(write_merged(table, "changed")))
    assert [f.code for f in found] == ["AR605"], [f.message for f in found]
    assert found[0].location.startswith(f"表三 第{number}行") and f"{COLUMNS[column]}列" in found[0].location
    assert f"若此处为 {old}" in found[0].message


def _zeros_blank(table3: dict[str, list]) -> dict[str, list]:
    return {k: ["" if v == 0 else v for v in row] for k, row in table3.items()}


@pytest.mark.parametrize("form", ["pipe", "tabs", "docx"])
def test_blank_cells_count_as_0_and_are_reported_once(tmp_path, form):
    """Offices often leave blank where 0 is meant (上海市人民政府's 2019 report
    leaves most cells blank): one warning for the table, and the relations
    are still checked with blanks as 0."""
    table3 = _zeros_blank(consistent_table3("2021"))
    blanks = sum(1 for row in table3.values() for v in row if v == "")
    found = annual(screen_file(write(blocks(2022, "2021", table3=table3), form, tmp_path, "blank")))
    assert [f.code for f in found] == ["AR606"], [f.message for f in found]
    assert f"表三有 {blanks} 格空白" in found[0].message and "已按 0 核对" in found[0].message

    table3["r1"][5] = table3["r1"][5] or 0
    table3["r1"][5] += 4  # a real mistake among the blanks is still found
    found = annual(screen_file(write(blocks(2022, "2021", table3=table3), form, tmp_path, "blank2")))
    codes = [f.code for f in found]
    assert sorted(codes) == ["AR605", "AR606"], [f.message for f in found]
    [cell] = [f for f in found if f.code == "AR605"]
    assert cell.location.startswith("表三 第3行「（一）予以公开」 其他列")


def test_html_nbsp_cells_are_blank_cells():
    table3 = _zeros_blank(consistent_table3("2019"))
    page = merged_html(2019, "2019", table3).replace("<td></td>", "<td>&nbsp;</td>")
    doc = load_html(Path("年报.html"), page.encode("utf-8"))
    found = [f for f in screen_document(doc).findings if f.kind == "annual-report"]
    assert [f.code for f in found] == ["AR606"] and "格空白" in found[0].message


