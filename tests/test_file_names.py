"""A personal value in a file's name is a finding (issue 12.4 and Deliver 1,
file_names.py): publishing 户主<ID>.docx publishes its name, so the name is
screened with the draft's own kinds, severities and validation, the finding
is located 文件名, the exit code counts it, and every output lists it masked.
Each case failed before file names were screened (only masked)."""
from __future__ import annotations

import io
import json
import zipfile

import pytest

import gen
from docx_factory import build_docx
from harness import leaked, run_cli
from screener import Config, screen_bytes, screen_file, screen_text
from screener.file_names import name_findings, published_names
from screener.privacy import Privacy
from screener.render.sheet_md import render_sheet_md
from screener.sheet.model import build_sheet
from screener.render.terminal import render_terminal

ID = gen.id_number("530427", "19780512", "021")
BAD_ID = gen.id_bad_check("530427", "19780512", "021")
MOBILE = gen.mobile("139", seed=11)
CARD = gen.bank_card("622202", 19, seed=5)
ADDRESS = "新平县平掌乡曼么村委会大村民小组12号"
CLEAN = "平掌乡人民政府关于2024年度临时救助工作的通知\n请各村按时报送材料。\n"
ADDRESS_PART = "曼么村委会大村民小组12号"  # the part past 平掌乡 the finding covers


@pytest.mark.parametrize("name, kind, code, severity, value", [
    (f"户主{ID}.docx", "id-card", "ID101", "error", ID),
    (f"sfz{ID}.txt", "id-card", "ID101", "error", ID),          # glued to Latin letters
    (f"~${ID}.docx", "id-card", "ID101", "error", ID),           # a Word lock file
    (f"tel_{MOBILE}.txt", "mobile", "MB201", "warning", MOBILE),
    (f"{MOBILE}.docx", "mobile", "MB201", "warning", MOBILE),
    ("zhangsan@qq.com.txt", "email", "EM401", "warning", "zhangsan@qq.com"),  # not the extension
    (f"银行卡{CARD}.txt", "bank-card", "BC501", "warning", CARD),
    (f"户主李某某家庭住址{ADDRESS}.docx", "address", "AD601", "error", ADDRESS_PART),
])
def test_a_personal_value_in_a_name_is_a_finding_like_in_the_text(name, kind, code, severity, value):
    found = name_findings(name, Config())
    assert [(f.kind, f.code, f.severity.label, f.text, f.location) for f in found] == [
        (kind, code, severity, value, "文件名")]
    f = found[0]
    assert name[f.start:f.end] == value and f.column == f.start + 1
    assert leaked(f.masked, kind, value) is None and leaked(f.suggestion or "", kind, value) is None
    # the same value in the text gets the same kind and code
    body = screen_text(name.rsplit(".", 1)[0].replace("_", "：").replace("sfz", "身份证").replace("~$", ""))
    assert (kind, code) in {(b.kind, b.code) for b in body.findings}


@pytest.mark.parametrize("name", [
    "2024年第3号公告.docx", "新政发〔2024〕12号.docx", "20240601123.txt", "附件1 低保名单（2024年6月）.xlsx",
    "平掌乡2024年第二季度低保公示.docx", "政府信息公开工作年度报告（2023年度）.docx", f"{BAD_ID}.txt",
    "桂山街道新华路12号3栋2单元会议纪要.docx", "<text>", "-",
])
def test_names_without_a_personal_value_give_no_finding(name):
    assert [f for f in name_findings(name, Config()) if f.severity.label != "info"] == []


def test_a_value_judged_an_offices_is_reported_at_the_same_level_as_in_the_text():
    # a 监督电话 is the office's own: 提示, not blocking, as in the text
    [f] = name_findings("监督电话0877-7012345.txt", Config())
    assert (f.kind, f.severity.label) == ("landline", "info")


@pytest.mark.parametrize("path, names", [
    ("稿件/户主.docx", ["户主.docx"]),                              # the folders on disk are not published
    (r"C:\稿件\户主.docx", ["户主.docx"]),
    ("a/名单.zip › 附件/户主.docx", ["名单.zip", "附件/户主.docx"]),  # inside a zip they are
    ("名单.zip › 内.zip › 户主.txt", ["名单.zip", "内.zip", "户主.txt"]),
])
def test_the_names_a_file_publishes(path, names):
    assert published_names(path) == names


def test_the_exit_code_counts_a_number_in_the_name_of_a_clean_draft(tmp_path):
    clean = tmp_path / "通知.txt"
    clean.write_text(CLEAN, encoding="utf-8")
    named = tmp_path / f"户主{ID}.txt"
    named.write_text(CLEAN, encoding="utf-8")
    assert run_cli([clean]).code == 0
    result = run_cli([named])
    assert result.code == 1
    assert "文件名  [错误] 身份证号码 ID101" in result.out
    assert "结论：发现 1 处需处理" in result.out
    assert leaked(result.out + result.err, "id-card", ID) is None
    shown = run_cli([named, "--show-values"])
    assert ID in shown.out  # control: the search can fail


def test_json_terminal_sheet_and_the_library_list_it_masked(tmp_path):
    named = tmp_path / f"户主{MOBILE}.txt"
    named.write_text(CLEAN, encoding="utf-8")
    report = screen_file(named)
    [f] = report.findings
    assert (f.kind, f.location, f.masked) == ("mobile", "文件名", MOBILE[:3] + "****" + MOBILE[-4:])
    data = json.loads(run_cli([named, "--format", "json"]).out)
    [entry] = data["files"][0]["findings"]
    assert entry["location"] == "文件名" and entry["text"] == f.masked and entry["severity"] == "error"  # 户主: a person's
    terminal = render_terminal(report, privacy=Privacy())
    sheet = render_sheet_md(build_sheet(report.files[0]))
    assert "文件名" in sheet and f.masked in sheet
    for shown in (json.dumps(data, ensure_ascii=False), terminal, sheet):
        assert leaked(shown, "mobile", MOBILE) is None, shown
    # the draft's text is not cut at the name's offsets
    assert CLEAN.splitlines()[0] in sheet


def test_a_number_in_the_name_and_the_same_number_in_the_text_are_both_reported(tmp_path):
    named = tmp_path / f"户主{ID}.txt"
    named.write_text(f"户主王某某，身份证号码：{ID}。\n", encoding="utf-8")
    findings = screen_file(named).findings
    assert [f.location for f in findings] == ["文件名", None]
    redacted = tmp_path / "out.txt"
    assert run_cli([named, "--redact", redacted]).code == 1
    assert ID not in redacted.read_text(encoding="utf-8")


def test_redact_into_a_folder_writes_the_copy_under_a_masked_name(tmp_path):
    named = tmp_path / f"户主{ID}.txt"
    named.write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    result = run_cli([named, "--redact", f"{out}/"])
    assert result.code == 1, result.err
    [copy] = out.iterdir()
    assert ID not in copy.name and copy.name == f"户主{ID[:2]}{'×' * 14}{ID[-2:]}.txt"
    assert copy.read_text(encoding="utf-8") == CLEAN


def test_a_docx_copy_is_scrubbed_of_the_names_number_in_its_properties(tmp_path):
    # Word puts the file name into the title property
    named = tmp_path / f"户主{ID}.docx"
    build_docx(named, ["平掌乡人民政府关于临时救助工作的通知"], properties={"title": f"户主{ID}"})
    out = tmp_path / "out.docx"
    result = run_cli([named, "--redact", out])
    assert result.code == 1, result.err
    with zipfile.ZipFile(out) as zf:
        for info in zf.infolist():
            assert leaked(zf.read(info).decode("utf-8", "replace"), "id-card", ID) is None, info.filename


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_member_names_and_the_archive_name_are_reported_once(tmp_path):
    data = _zip({f"附件/户主{ID}.txt": CLEAN.encode(), "通知.txt": CLEAN.encode(), "说明.txt": CLEAN.encode()})
    archive = tmp_path / f"名单{MOBILE}.zip"
    archive.write_bytes(data)
    for report in (screen_file(archive), screen_bytes(data, archive.name)):
        by_file = [[(f.kind, f.location) for f in fr.findings] for fr in report.files]
        assert by_file == [[("mobile", "文件名"), ("id-card", "文件名")], [], []], by_file
    result = run_cli([archive])
    assert result.code == 1
    assert leaked(result.out + result.err, "id-card", ID) is None
    assert leaked(result.out + result.err, "mobile", MOBILE) is None


def test_an_empty_archive_still_reports_its_name(tmp_path):
    archive = tmp_path / f"名单{MOBILE}.zip"
    archive.write_bytes(_zip({}))
    [fr] = screen_file(archive).files
    assert [(f.kind, f.location) for f in fr.findings] == [("mobile", "文件名")]


def test_the_page_lists_the_names_finding_and_does_not_cut_the_text_there(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_HOME", str(tmp_path / "home"))
    from starlette.testclient import TestClient

    from screener.web import create_app
    from screener.web.security import Guard

    guard = Guard(hosts=("testserver",))
    c = TestClient(create_app(Config(), guard=guard))
    c.get(f"/?token={guard.token}", follow_redirects=False)
    r = c.post("/ui/screen", headers={"X-CSRF-Token": guard.csrf},
               files=[("file", (f"户主{ID}.txt", CLEAN.encode()))])
    assert r.status_code == 200, r.text
    [view] = r.json()["files"]
    assert [f["where"] for f in view["findings"]] == ["文件名第3字"]
    assert "".join(p["t"] for p in view["pieces"]) == CLEAN
    assert leaked(json.dumps(view, ensure_ascii=False), "id-card", ID) is None


def test_a_docx_copy_never_keeps_a_part_named_after_a_number(tmp_path):
    # a hostile package can name a part after a number; the copy would publish that name
    from docx_factory import document_xml, minimal_parts, para, run, zip_bytes

    parts = minimal_parts(document_xml(para(run(f"户主王某某，手机：{MOBILE}。"))))
    parts[f"word/户主{ID}.xml"] = b"<unused/>"
    draft = tmp_path / "稿件.docx"
    draft.write_bytes(zip_bytes(parts))
    out = tmp_path / "out.docx"
    result = run_cli([draft, "--redact", out])
    assert result.code == 2 and not out.exists()
    assert "部件名称" in result.err and leaked(result.out + result.err, "id-card", ID) is None


@pytest.mark.parametrize("name, data", [
    (f"户主{ID}.pdf", b"%PDF-1.4 damaged"),
    (f"户主{ID}.docx", b"PK\x03\x04 not a package"),
], ids=["damaged pdf", "damaged docx"])
def test_an_unreadable_file_still_reports_the_number_in_its_name(tmp_path, name, data):
    """A damaged attachment is still published under its name: the run says
    it could not be read (exit 2) and lists the name's number, masked."""
    (tmp_path / name).write_bytes(data)
    result = run_cli([tmp_path, "--format", "json"])
    assert result.code == 2
    [entry] = json.loads(result.out)["files"]
    assert entry.get("error") and [f["code"] for f in entry["findings"]] == ["ID101"]
    assert leaked(result.out + result.err, "id-card", ID) is None
