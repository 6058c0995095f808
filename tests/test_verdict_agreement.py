"""The terminal verdict, the batch summary and the approval sheet word one
decision (screener.outcome.outcome), so for the same draft they never
disagree: clean, 提示 only, warnings, errors, an unread page, a classified
marking, 误报 recorded in a review, an empty file and an unreadable one."""
from __future__ import annotations

import pytest
from cli_process import run
from gen import id_number, mobile
from pdf_factory import Page, build_pdf

from screener import screen_file, screen_text
from screener.document import Document
from screener.model import FileReport, Severity
from screener.outcome import outcome
from screener.render.summary import short_verdict
from screener.render.terminal import verdict
from screener.review import CONFIRM, FALSE_POSITIVE, HANDLED, ReviewFile, apply_review
from screener.sheet.model import build_sheet

ID = id_number("530427", "19620315", "041")
PHONE = mobile("139", seed=21)
CLEAN = "关于2024年度部门预算公开的说明\n本单位严格执行年度预算，无“三公”经费超支情况。\n"
SECRET = bytes(range(32))


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_HOME", str(tmp_path / "home"))


def _pdf(tmp_path) -> FileReport:
    path = tmp_path / "花名册.pdf"
    path.write_bytes(build_pdf([Page([(50, 800, "平掌乡农村低保对象名单")]), Page(image=True)]))
    return screen_file(path).files[0]


def _reviewed(text: str, decide) -> tuple[FileReport, FileReport, list]:
    """(what the terminal and summary see, the whole report, the decisions)."""
    fr = screen_text(text, path="公示.txt").files[0]
    review = ReviewFile(secret=SECRET)
    for f in fr.findings:
        decision = decide(f)
        if decision:
            review.decide(f, text, decision[0], reason=decision[1], reviewer="王某")
    shown = apply_review(screen_text(text, path="公示.txt"), review).shown.files[0]
    return shown, fr, review.lookup(fr.findings, text)


def _plain(text: str):
    fr = screen_text(text, path="稿件.txt").files[0]
    return fr, fr, None


# name, how the report is made, fail_on, terminal starts with, summary, sheet conclusion,
# words the sheet's reason holds
CASES = [
    ("clean", lambda t: _plain(CLEAN), Severity.WARNING, "未发现问题", "未发现问题", "可以公开",
     ["未发现需处理的问题"]),
    ("info only", lambda t: _plain(CLEAN + "咨询电话：0877-7012345\n"), Severity.WARNING,
     "未发现问题（另有提示 1 处", "未发现问题", "可以公开", ["另有提示 1 处"]),
    ("warnings only", lambda t: _plain(f"请各村村长报送材料。\n联系人：张某某，手机：{PHONE}\n"),
     Severity.WARNING, "发现 2 处需处理（警告 2 处）", "需处理 2 处", "修改后公开", ["需处理的问题 2 处"]),
    ("errors", lambda t: _plain(f"户主李某某，身份证号码：{ID}\n咨询电话：0877-7012345\n"), Severity.WARNING,
     "发现 1 处需处理（错误 1 处），另有提示 1 处", "需处理 1 处", "修改后公开",
     ["需处理的问题 1 处", "第十五条", "另有提示 1 处"]),
    ("errors, fail on error", lambda t: _plain(f"请各村村长报送。\n身份证号码：{ID}\n"), Severity.ERROR,
     "发现 1 处需处理（错误 1 处），另有提示 1 处", "需处理 1 处", "修改后公开", ["需处理的问题 1 处"]),
    ("unread page", lambda t: (lambda fr: (fr, fr, None))(_pdf(t)), Severity.WARNING,
     "发现 1 处需处理（警告 1 处）", "需处理 1 处", "修改后公开", ["需处理的问题 1 处", "未能检查的内容"]),
    ("classified", lambda t: _plain("机密★5年\n关于某事项的通知\n"), Severity.WARNING,
     "发现 1 处需处理（错误 1 处）", "需处理 1 处", "不予公开·需报审", ["涉密标识 1 处", "第十四条"]),
    ("internal note below the threshold", lambda t: _plain("内部资料 注意保存\n关于某事项的通知\n"),
     Severity.ERROR, "未发现问题（另有提示 1 处", "未发现问题", "可以公开", ["请审查人判断"]),
    ("误报 only, with a review", lambda t: _reviewed(
        f"户主李某某，身份证号码：{ID}，手机：{PHONE}\n",
        lambda f: (FALSE_POSITIVE, "样例号码，非真实个人")), Severity.WARNING,
     "未发现问题", "未发现问题", "可以公开", ["经审核已处理或确认为误报"]),
    ("误报 and handled, one left open", lambda t: _reviewed(
        f"户主李某某，身份证号码：{ID}，手机：{PHONE}。请各村村长报送。\n",
        lambda f: {"id-card": (FALSE_POSITIVE, "样例"), "mobile": (HANDLED, "")}.get(f.kind)),
     Severity.WARNING, "发现 1 处需处理（警告 1 处）", "需处理 1 处", "修改后公开",
     ["需处理的问题 1 处", "另有 2 处经审核"]),
    ("确认需修改 still blocks", lambda t: _reviewed(
        f"身份证号码：{ID}\n", lambda f: (CONFIRM, "")), Severity.WARNING,
     "发现 1 处需处理（错误 1 处）", "需处理 1 处", "修改后公开", ["需处理的问题 1 处"]),
    ("empty", lambda t: (lambda fr: (fr, fr, None))(FileReport("空.txt", (), 0, document=Document(""))),
     Severity.WARNING, "空文件", "空文件", "修改后公开", ["没有文字内容"]),
    ("unreadable", lambda t: (lambda fr: (fr, fr, None))(FileReport("坏.docx", error="文件已损坏")),
     Severity.WARNING, "无法读取", "无法读取", "未能检查·需人工审核", ["不能算作通过"]),
]


@pytest.mark.parametrize("name, make, fail_on, terminal, summary, conclusion, reason",
                         CASES, ids=[c[0] for c in CASES])
def test_terminal_summary_and_sheet_say_the_same(tmp_path, name, make, fail_on, terminal, summary,
                                                 conclusion, reason):
    shown, full, decisions = make(tmp_path)
    sheet = build_sheet(full, fail_on=fail_on, decisions=decisions)
    assert verdict(shown, fail_on).startswith(terminal), verdict(shown, fail_on)
    assert short_verdict(shown, fail_on) == summary
    assert sheet.conclusion == conclusion, sheet.reason
    assert all(word in sheet.reason for word in reason), sheet.reason
    # and all three read the same outcome: the terminal's report and the
    # sheet's report with its decisions block on the same findings
    assert outcome(shown, fail_on).status == outcome(full, fail_on, decisions).status
    assert len(outcome(shown, fail_on).blocking) == len(outcome(full, fail_on, decisions).blocking)


def test_the_cli_terminal_and_both_sheet_paths_agree_after_a_review(tmp_path):
    """screen check --review: the terminal says clean, --format sheet and
    --sheet x.md both say 可以公开 and list the findings with their decision,
    and they are the same Markdown (one render_sheet)."""
    text = f"关于最低生活保障对象的公示\n户主李某某，身份证号码：{ID}，联系电话：{PHONE}\n"
    draft = tmp_path / "公示.txt"
    draft.write_text(text, encoding="utf-8")
    review = ReviewFile()  # this install's secret (SCREENER_HOME, inherited by the subprocess)
    for f in screen_text(text).findings:
        review.decide(f, text, FALSE_POSITIVE, reason="样例数据", reviewer="王某")
    path = review.save(tmp_path / "公示.txt.review.json")
    code, out, _ = run(draft, "--review", path)
    assert code == 0 and "结论：未发现问题" in out
    code, printed, _ = run(draft, "--review", path, "--format", "sheet", "--date", "2024-06-02")
    assert code == 0 and "可以公开" in printed and printed.count("误报：样例数据") == 2
    assert ID not in printed and PHONE not in printed
    sheet = tmp_path / "审批表.md"
    code, _, _ = run(draft, "--review", path, "--sheet", sheet, "--date", "2024-06-02")
    assert code == 0 and sheet.read_text(encoding="utf-8") == printed


@pytest.mark.parametrize("decide, ticked", [
    (lambda f: None, True),
    (lambda f: (CONFIRM, ""), True),
    (lambda f: (FALSE_POSITIVE, "样例号码"), False),
    (lambda f: (HANDLED, ""), False),
])
def test_the_privacy_box_follows_the_same_decisions_as_the_conclusion(decide, ticked):
    _, full, decisions = _reviewed(f"户主李某某，身份证号码：{ID}\n", decide)
    sheet = build_sheet(full, decisions=decisions)
    privacy = dict(sheet.involves)["个人隐私"]
    assert privacy.startswith("☑是") is ticked
    assert (sheet.conclusion == "修改后公开") is ticked
