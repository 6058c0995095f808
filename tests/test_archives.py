"""Archives (issue 15 point 5) and "nothing unread passes" (point 7).

A .zip is screened member by member, each finding naming
``附件.zip › 附件1-花名册.xlsx``; GBK member names are recovered; bombs,
nesting and path traversal are bounded.  A file that cannot be read makes
the run exit 2 and is named in the summary, the same in a folder as when
named one by one; --redact and --sheet still work for the others."""
from __future__ import annotations

import json
import zipfile

import pytest

import gen
import sheet_factory as sf
from harness import run_cli
from screener import screen_file, screen_paths
from screener.loaders import zipsafe

MEMBER = "附件1-花名册.xlsx"


@pytest.fixture()
def attachment(tmp_path):
    path = tmp_path / "附件.zip"
    path.write_bytes(sf.zip_of({MEMBER: sf.roster_xlsx(), "说明/联系人.txt": f"户主张三 {sf.MOBILE_ROW}".encode("gbk")}))
    return path


def test_members_are_screened_and_named(attachment):
    report = screen_file(attachment)
    assert [fr.path for fr in report.files] == [f"{attachment} › {MEMBER}", f"{attachment} › 说明/联系人.txt"]
    first = report.files[0]
    assert {f.location for f in first.findings} >= {"工作表「花名册」 C3", "工作表「备用」（深度隐藏工作表） B1"}
    assert [f.text for f in report.files[1].findings] == [sf.MOBILE_ROW]


def test_the_cli_names_the_member_and_exits_1(attachment):
    result = run_cli([attachment])
    assert result.code == 1
    assert f"【{attachment} › {MEMBER}】" in result.out and "（工作表「花名册」 C3）" in result.out
    assert sf.ID_TEXT not in result.out


@pytest.mark.parametrize("names, utf8_flag", [
    ([MEMBER, "说明.txt"], False),   # Chinese Windows: GBK, no flag
    ([MEMBER, "说明.txt"], True),    # a tool that sets the UTF-8 flag
])
def test_member_names_decode(tmp_path, names, utf8_flag):
    path = tmp_path / "a.zip"
    path.write_bytes(sf.zip_of({n: b"x" for n in names}, gbk=not utf8_flag))
    assert [fr.path.split(" › ")[1] for fr in screen_file(path).files] == names


@pytest.mark.parametrize("members, message", [
    ({"../../etc/x.txt": b"x"}, "指向压缩包之外"),
    ({"/abs/x.txt": b"x"}, "指向压缩包之外"),
    ({"C:/x.txt": b"x"}, "指向压缩包之外"),
    ({"扫描件.jpg": b"\xff\xd8\xff"}, "图片中的文字无法检查"),
    ({"a.zip": sf.zip_of({"b.zip": sf.zip_of({"c.zip": sf.zip_of({"d.txt": b"x"})})})}, "嵌套超过"),
])
def test_hostile_or_unreadable_members_are_reported(tmp_path, members, message):
    path = tmp_path / "附件.zip"
    path.write_bytes(sf.zip_of(members))
    result = run_cli([path])
    assert result.code == 2 and message in result.err and "Traceback" not in result.err


def test_a_nested_zip_is_opened(tmp_path):
    inner = sf.zip_of({"名单.txt": f"身份证号码：{sf.ID_TEXT}".encode()})
    path = tmp_path / "外.zip"
    path.write_bytes(sf.zip_of({"内.zip": inner}))
    [fr] = screen_file(path).files
    assert fr.path == f"{path} › 内.zip › 名单.txt" and fr.findings[0].code == "ID101"


@pytest.mark.parametrize("limits, message", [
    (zipsafe.Limits(members=2), "文件过多"),
    (zipsafe.Limits(total_bytes=1000), "压缩炸弹"),
    (zipsafe.Limits(ratio=10), "压缩比异常"),
])
def test_bombs_stop_before_unpacking(tmp_path, monkeypatch, limits, message):
    path = tmp_path / "炸弹.zip"
    path.write_bytes(sf.zip_of({f"{i}.txt": b"0" * 2_000_000 for i in range(3)}))
    monkeypatch.setattr("screener.loaders.archive.ARCHIVE_LIMITS", limits)
    monkeypatch.setattr("screener.loaders.load_members.__defaults__", (limits,))
    result = run_cli([path])
    assert result.code == 2 and message in result.err


@pytest.mark.parametrize("data, suffix, message", [
    (b"Rar!\x1a\x07\x00", ".rar", "无法打开检查"),
    (b"7z\xbc\xaf\x27\x1c", ".7z", "无法打开检查"),
    (b"not a zip", ".zip", "不是有效的 .zip"),
    (b"", ".zip", "文件为空"),
    (b"PK\x05\x06" + b"\x00" * 18, ".zip", None),  # an empty archive: nothing in it, no error
])
def test_archives_that_cannot_be_opened(tmp_path, data, suffix, message):
    path = tmp_path / f"附件{suffix}"
    path.write_bytes(data)
    result = run_cli([path])
    if message is None:
        assert result.code == 0 and "空文件" in result.out
    else:
        assert result.code == 2 and message in result.err


def test_redact_refuses_an_archive_member_but_writes_the_others(tmp_path, attachment):
    draft = tmp_path / "通知.txt"
    draft.write_text(f"户主张三，联系电话：{sf.MOBILE_ROW}\n", encoding="utf-8")
    out = tmp_path / "脱敏"
    out.mkdir()
    result = run_cli([draft, attachment, "--redact", out])
    assert result.code == 2 and "压缩包内的文件不能直接生成脱敏副本" in result.err
    assert (out / "通知.txt").read_text(encoding="utf-8") == "户主张三，联系电话：138****5678\n"


# --- nothing unread passes ---------------------------------------------------

@pytest.fixture()
def township(tmp_path):
    """The folder a township posts: a clean notice, a 20-ID list, an unreadable PDF."""
    root = tmp_path / "附件"
    root.mkdir()
    (root / "通知.txt").write_text("关于低保对象公示的通知。\n", encoding="utf-8")
    rows = [["序号", "姓名", "身份证号码"]] + [
        [i, f"张{'一二三四五六七八九十'[i % 10]}", gen.id_number("530427", f"19{60 + i}0101", f"{i:03d}")]
        for i in range(1, 21)]
    (root / "名单.xlsx").write_bytes(sf.simple_xlsx(rows, "花名册"))
    (root / "公示.pdf").write_bytes(b"%PDF-1.4 damaged")
    (root / ".隐藏.txt").write_text("x", encoding="utf-8")
    return root


def test_a_folder_with_an_unreadable_file_exits_2_and_names_it(township):
    result = run_cli([township])
    assert result.code == 2
    assert result.out.count("[错误] 身份证号码 ID101") == 20
    assert f"未能检查 1 个文件（不算通过，退出码 2）：{township / '公示.pdf'}" in result.out
    assert "跳过 1 个：隐藏文件 1 个" in result.out


def test_the_same_named_one_by_one(township):
    folder = run_cli([township, "--format", "json"])
    named = run_cli([township / "通知.txt", township / "公示.pdf", township / "名单.xlsx", "--format", "json"])
    assert folder.code == named.code == 2
    by_path = lambda out: {f["path"]: (f.get("error"), len(f["findings"])) for f in json.loads(out)["files"]}
    assert by_path(folder.out) == by_path(named.out)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sheet_and_redact_still_work_for_the_others(township, tmp_path, jobs):
    sheets, copies = tmp_path / "审批表", tmp_path / "脱敏"
    sheets.mkdir()
    copies.mkdir()
    result = run_cli([township, "--sheet", sheets, "--redact", copies, "--jobs", jobs])
    assert result.code == 2
    assert sorted(p.name for p in sheets.iterdir()) == ["名单-审批表.docx", "通知-审批表.docx"]
    assert sorted(p.name for p in copies.iterdir()) == ["名单.xlsx", "通知.txt"]
    assert screen_paths([copies]).findings == ()


def test_library_reports_the_unread_file(township):
    report = screen_paths([township], jobs=1)
    assert [fr.path.rsplit("/", 1)[-1] for fr in report.errors] == ["公示.pdf"]
    assert report.exit_code() == 2 and [s.reason for s in report.skipped] == ["hidden"]


def test_archives_in_a_folder_give_the_same_report_with_one_or_two_workers(township, attachment):
    (township / "附件.zip").write_bytes(attachment.read_bytes())
    one, two = screen_paths([township], jobs=1), screen_paths([township], jobs=2)
    assert [(f.path, f.findings, f.error) for f in one.files] == [(f.path, f.findings, f.error) for f in two.files]
    assert f"{township / '附件.zip'} › {MEMBER}" in [f.path for f in one.files]
