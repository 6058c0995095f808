"""Screening folders of drafts in one command: every supported file found,
skipped files counted, bad files named with their reason while the rest are
still screened, findings located where a person finds them."""
from __future__ import annotations

import json
import os

import pytest

from docx_factory import build_docx, deleted, para, run
from screener import FileReport, Report, Skipped, screen_paths, screen_text
from screener.batch import expand
from screener.cli import main
from screener.model import Severity
from screener.render.progress import ProgressBar
from screener.render.summary import render_summary


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(list(args))
    out, err = capsys.readouterr()
    return exit_info.value.code, out, err


@pytest.fixture()
def drafts(tmp_path):
    """A week's drafts: Word, web page, Markdown and text, one corrupt, plus
    files a folder walk must skip."""
    root = tmp_path / "drafts"
    (root / "sub").mkdir(parents=True)
    build_docx(
        root / "通知.docx",
        ["关于公示的通知", "正文邮箱 body@example.com",
         [["姓名", "邮箱"], ["张三", "table@example.com"]],
         para(run("联系人："), deleted("gone@example.com"), run("（已改）"))],
        header="页眉 head@example.com",
        comments=[("请核对", "批注 note@example.com")],
    )
    (root / "公示.html").write_text(
        "<html><body>\n<script>var a='js@example.com'</script>\n<p>公示邮箱 page@example.com</p>\n</body></html>",
        encoding="utf-8")
    (root / "说明.md").write_text("# 说明\n\n请联系 md@example.com\n", encoding="utf-8")
    (root / "sub" / "名单.txt").write_text("名单\n邮箱：txt@example.com\n", encoding="utf-8")
    (root / "损坏.docx").write_bytes(b"PK\x03\x04 truncated")
    (root / ".隐藏.txt").write_text("hidden@example.com", encoding="utf-8")
    (root / "~$通知.docx").write_bytes(b"lock")
    (root / "扫描件.png").write_bytes(b"\x89PNG")
    (root / "旧稿.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (root / "notes.log").write_text("x", encoding="utf-8")
    return root


LOCATIONS = [
    ("通知.docx", "第2段"),
    ("通知.docx", "表格1 第2行第2列"),
    ("通知.docx", "修订删除（第3段）"),
    ("通知.docx", "页眉"),
    ("通知.docx", "批注1"),
    ("公示.html", "源码第3行"),
]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_is_screened_in_one_command(capsys, drafts, jobs):
    code, out, err = run_cli(capsys, str(drafts), "--jobs", jobs)
    assert code == 2
    for _, where in LOCATIONS:
        assert f"（{where}）" in out
    assert ".隐藏.txt】" not in out and "~$" not in out
    assert f"{drafts / '损坏.docx'}：文件已损坏" in err
    for name in ("通知.docx", "公示.html", "说明.md", "sub/名单.txt"):
        assert f"【{drafts / name}】" in out
    # issue 15 point 7: formats screener cannot read are reported, not skipped; .doc is read
    assert "跳过 2 个：隐藏文件 2 个" in out
    assert f"{drafts / '旧稿.doc'}：不是有效的 .doc 文件（文件已损坏" in err
    assert f"{drafts / '扫描件.png'}：图片中的文字无法检查" in err
    assert "未能检查 3 个文件（不算通过，退出码 2）：" in out and "旧稿.doc" in out.split("未能检查")[-1]


def test_json_holds_one_entry_per_file_in_a_stable_order(capsys, drafts):
    code, out, _ = run_cli(capsys, str(drafts), "--format", "json", "--jobs", "2")
    data = json.loads(out)
    assert code == 2
    paths = [f["path"] for f in data["files"]]
    assert paths == [str(drafts / n) for n in ("notes.log", "公示.html", "扫描件.png", "损坏.docx", "旧稿.doc", "说明.md",
                                               "通知.docx", "sub/名单.txt")]
    by_name = {os.path.basename(f["path"]): f for f in data["files"]}
    assert "error" in by_name["损坏.docx"] and by_name["损坏.docx"]["findings"] == []
    assert len(by_name["公示.html"]["findings"]) == 1  # the script's address is not page text
    locations = {(os.path.basename(f["path"]), g.get("location")) for f in data["files"] for g in f["findings"]}
    assert set(LOCATIONS) <= locations
    assert {s["reason"] for s in data["skipped"]} == {"hidden"}
    assert {os.path.basename(p) for p, f in zip(paths, data["files"]) if "error" in f} == {"损坏.docx", "旧稿.doc", "扫描件.png"}
    assert "body@example.com" not in out  # masked unless --show-values


def test_the_same_report_with_one_or_two_workers(drafts):
    one, two = screen_paths([drafts], jobs=1), screen_paths([drafts], jobs=2)
    assert [(f.path, f.findings, f.error) for f in one.files] == [(f.path, f.findings, f.error) for f in two.files]


def test_documents_are_kept_only_for_files_with_findings(tmp_path):
    (tmp_path / "clean.txt").write_text("干净的稿件", encoding="utf-8")
    (tmp_path / "dirty.txt").write_text("a@example.com", encoding="utf-8")
    report = screen_paths([tmp_path], jobs=1)
    assert [(os.path.basename(f.path), f.document is not None, f.chars) for f in report.files] == [
        ("clean.txt", False, 5), ("dirty.txt", True, 13)]
    kept = screen_paths([tmp_path], jobs=2, keep_documents=True)
    assert [f.document.text for f in kept.files] == ["干净的稿件", "a@example.com"]


# (case id, files to create {name: bytes}, arguments relative to tmp_path, expected exit code, text in output)
EDGE_CASES = [
    ("0-byte text file is an empty draft", {"空.txt": b""}, ["空.txt"], 0, "结论：空文件"),
    ("0-byte .docx is a clear error", {"空.docx": b""}, ["空.docx"], 2, "文件为空（0 字节）"),
    ("missing file", {}, ["没有.txt"], 2, "文件不存在"),
    ("glob matching nothing", {}, ["*.docx"], 2, "没有找到可检查的稿件"),
    ("folder with only hidden files", {".a.txt": b"x"}, ["."], 2, "没有找到可检查的稿件"),
    ("folder with an unreadable file", {"a.pdf": b"%PDF"}, ["."], 2, "PDF"),
    ("folder: a picture beside a draft is not passed", {"a.txt": b"a@example.com", "b.png": b"\x89PNG"}, ["."], 2,
     "未能检查 1 个文件"),
    ("undecodable text", {"乱码.txt": b"\x00\x01\x02\x81\x30" * 50}, ["乱码.txt"], 2, "二进制文件"),
    ("old format named explicitly", {"a.doc": b"x"}, ["a.doc"], 2, "另存为 .docx"),
    ("glob: an unreadable file makes the run exit 2", {"a.txt": b"a@example.com", "b.pdf": b"%PDF"}, ["*"], 2, "PDF"),
    ("folder: the same file named one by one", {"a.txt": b"a@example.com", "b.pdf": b"%PDF"}, ["a.txt", "b.pdf"], 2,
     "未能检查 1 个文件"),
    ("a damaged PDF in a glob is an error, not a skip", {"a.txt": b"a@example.com", "b.pdf": b"%PDF"}, ["*"], 2,
     "不是有效的 PDF 文件"),
]


@pytest.mark.parametrize("files, args, code, text", [c[1:] for c in EDGE_CASES], ids=[c[0] for c in EDGE_CASES])
def test_edge_cases(capsys, tmp_path, monkeypatch, files, args, code, text):
    monkeypatch.chdir(tmp_path)
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    got, out, err = run_cli(capsys, *args, "--jobs", "1")
    assert got == code
    assert text in out + err
    assert "Traceback" not in out + err


def test_symlink_loops_are_not_followed(tmp_path):
    (tmp_path / "a.txt").write_text("a@example.com", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    report = screen_paths([tmp_path], jobs=1)
    assert [os.path.basename(f.path) for f in report.files] == ["a.txt"]
    assert {(os.path.basename(s.path), s.reason) for s in report.skipped} == {("loop", "symlink"),
                                                                               ("self.txt", "broken-link")}
    named = screen_paths([tmp_path / "self.txt"], jobs=1)
    assert named.files[0].error == "符号链接形成循环，无法读取"


def test_permission_denied_is_reported_and_the_rest_screened(tmp_path, monkeypatch):
    import builtins

    (tmp_path / "a.txt").write_text("a@example.com", encoding="utf-8")
    (tmp_path / "b.txt").write_text("b@example.com", encoding="utf-8")

    def guarded_open(path, *args, **kwargs):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return builtins.open(path, *args, **kwargs)

    monkeypatch.setattr("screener.loaders.open", guarded_open, raising=False)
    report = screen_paths([tmp_path], jobs=1)
    assert [(os.path.basename(f.path), f.error, len(f.findings)) for f in report.files] == [
        ("a.txt", "没有读取权限", 0), ("b.txt", None, 1)]
    assert report.exit_code() == 2


def test_expand_keeps_argument_order_and_screens_each_file_once(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    targets, _ = expand([tmp_path / "b.txt", tmp_path, str(tmp_path / "b.txt")])
    assert [os.path.basename(t) for t in targets] == ["b.txt", "a.txt"]


def test_an_explicitly_named_hidden_file_is_screened(tmp_path):
    (tmp_path / ".draft.txt").write_text("a@example.com", encoding="utf-8")
    assert len(screen_paths([tmp_path / ".draft.txt"], jobs=1).findings) == 1
    walked = screen_paths([tmp_path], jobs=1)
    assert walked.findings == () and [s.reason for s in walked.skipped] == ["hidden"]


class _Tty:
    def __init__(self, tty: bool):
        self.tty, self.written = tty, []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> None:
        self.written.append(text)

    def flush(self) -> None:
        pass


@pytest.mark.parametrize("tty, total, drawn", [(True, 50, True), (False, 50, False), (True, 3, False)])
def test_progress_bar_only_on_a_terminal_and_for_many_files(tty, total, drawn):
    stream = _Tty(tty)
    bar = ProgressBar(stream)
    for done in range(1, total + 1):
        bar(done, total)
    if drawn:
        assert f"{total}/{total}" in stream.written[-2] and stream.written[-1] == "\r\x1b[2K"
    else:
        assert stream.written == []


def test_summary_table_snapshot():
    dirty = screen_text("材料发至 a@example.com 或 b@example.com", path="甲.txt").files[0]
    report = Report(
        files=(dirty, FileReport(path="乙.docx", error="文件已损坏"), FileReport(path="丙.txt", chars=0),
               FileReport(path="丁.md", chars=20)),
        skipped=(Skipped("x/.a", "hidden"), Skipped("x/b.doc", "unsupported", "请另存为 .docx")),
    )
    assert render_summary(report, Severity.WARNING) == [
        "汇总（共 4 个文件）",
        "文件     电子邮箱  结论",
        "甲.txt          2  需处理 2 处",
        "乙.docx         0  无法读取",
        "丙.txt          0  空文件",
        "丁.md           0  未发现问题",
        "合计：需处理 1 个，未发现问题 1 个，空文件 1 个，无法读取 1 个",
        "未能检查 1 个文件（不算通过，退出码 2）：乙.docx",
        "跳过 2 个：隐藏文件 1 个，不支持的格式 1 个",
        "  .doc 文件 1 个未检查：请另存为 .docx",
    ]
