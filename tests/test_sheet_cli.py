"""`screen DRAFT --sheet OUT`, `--format sheet` and `--redact OUT` end to end,
with the e-mail detector (the personal-number kind that exists on main)."""
from __future__ import annotations

import io
import os
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from screener.cli import main

PERSONAL = "zhangsan@example.com"
OFFICE = "office@xinping.gov.cn"
DRAFT = (
    "新平县民政局文件\r\n新民发〔2024〕12号\r\n关于临时救助对象的公示\r\n\r\n"
    f"申请人张某某，邮箱：{PERSONAL}。\r\n监督邮箱：{OFFICE}\r\n"
)


def run(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return exit_.value.code, out, err


@pytest.fixture
def draft(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "公示.txt"
    path.write_bytes(DRAFT.encode("gbk"))
    return path


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        self.parts += [v or "" for _, v in attrs]


def sheet_text(path: Path) -> str:
    """What a reader of the sheet file can see, whatever its format."""
    if path.suffix == ".docx":
        doc = docx.Document(str(path))
        return "\n".join([p.text for p in doc.paragraphs]
                         + [c.text for t in doc.tables for r in t.rows for c in r.cells])
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        parser = _Text()
        parser.feed(text)
        return "\n".join(parser.parts)
    return text


@pytest.mark.parametrize("name", ["审批表.docx", "审批表.html", "审批表.htm", "审批表.MD"])
@pytest.mark.parametrize("show_values", [False, True])
def test_sheet_in_every_format_is_filled_and_masked(draft, capsys, name, show_values):
    argv = [draft, "--sheet", name, "--unit", "新平县民政局", "--drafter", "王某", "--date", "2024-06-03"]
    code, out, err = run(argv + (["--show-values"] if show_values else []), capsys)
    assert code == 1 and f"已写出：{name}" in err
    assert (PERSONAL in out) == show_values  # the terminal obeys --show-values …
    text = sheet_text(draft.parent / name)
    assert PERSONAL not in text and OFFICE not in text  # … the sheet never does
    for words in ("关于临时救助对象的公示", "新民发〔2024〕12号", "新平县民政局", "王某", "2024年6月3日",
                  "修改后公开", "z***@example.com", "保密审查意见"):
        assert words in text


@pytest.mark.parametrize("extra", [[], ["--show-values"]])
def test_format_sheet_prints_the_markdown_sheet(draft, capsys, extra):
    code, out, err = run([draft, "--format", "sheet", "--date", "2024年6月3日", *extra], capsys)
    assert code == 1 and err == ""
    assert out.startswith("# 信息发布审批表\n") and "| 电子邮箱 | 2 | 发现 2 处（其中提示 1 处） |" in out
    assert PERSONAL not in out and "报送日期 | 2024年6月3日" in out


def test_sheet_settings_from_screener_toml_and_options_override_them(draft, capsys):
    (draft.parent / "screener.toml").write_text(
        '[sheet]\nunit = "平掌乡人民政府"\ndrafter = "李某"\npublish_method = "政府网站"\n'
        'date = 2024-05-01\n', encoding="utf-8")
    code, out, _ = run([draft, "--format", "sheet", "--drafter", "王某"], capsys)
    assert "| 拟稿单位 | 平掌乡人民政府 |" in out and "| 拟稿人 | 王某 |" in out
    assert "☑政府网站" in out and "2024年5月1日" in out


@pytest.mark.parametrize("name", ["s.html", "s.docx", "s.md"])
def test_switching_the_email_check_off_does_not_put_addresses_on_the_sheet(draft, capsys, name):
    (draft.parent / "screener.toml").write_text('ignore = ["EM"]\n', encoding="utf-8")
    code, out, _ = run([draft, "--sheet", name], capsys)
    text = sheet_text(draft.parent / name)
    assert code == 0 and PERSONAL not in text and OFFICE not in text
    assert "电子邮箱" in text and "未检查" in text


@pytest.mark.parametrize("toml, message", [
    ('[sheet]\ntitle = "x"\n', "未知的配置项“title”"),
    ('[sheet]\nunit = 1\n', "“unit”应为文字"),
    ('[sheet]\ndate = "昨天"\n', "无法识别"),
    ('mask_style = "half"\n', "mask_style"),
])
def test_bad_sheet_settings_are_one_line_exit_2(draft, capsys, toml, message):
    (draft.parent / "screener.toml").write_text(toml, encoding="utf-8")
    code, out, err = run([draft, "--sheet", "s.md"], capsys)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert not (draft.parent / "s.md").exists()


@pytest.mark.parametrize("argv, message", [
    (["--sheet", "s.pdf"], "不支持的审批表格式“.pdf”"),
    (["--sheet", "s"], "无扩展名"),
    (["--sheet", "无此文件夹/s.docx"], "不存在"),
    (["--redact", "无此文件夹/"], "不存在"),
    (["--redact", "公示.txt"], "同一个文件"),
    (["--redact", "./公示.txt"], "同一个文件"),
    (["--sheet", "hard.md"], "同一个文件"),
    (["--redact", "link.txt"], "同一个文件"),
    (["--date", "2024-02-30", "--sheet", "s.md"], "无法识别"),
    (["--mask-style", "half", "--redact", "r.txt"], "half"),
])
def test_bad_outputs_are_one_clear_line_exit_2_and_nothing_written(draft, capsys, argv, message):
    (draft.parent / "link.txt").symlink_to(draft)
    os.link(draft, draft.parent / "hard.md")
    before = sorted(os.listdir(draft.parent))
    code, out, err = run([draft, *argv], capsys)
    assert code == 2 and out == "" and message in err and err.count("\n") == 1
    assert "Traceback" not in err and PERSONAL not in err
    assert sorted(os.listdir(draft.parent)) == before
    assert draft.read_bytes() == DRAFT.encode("gbk")


def test_redact_writes_a_publishable_copy_in_the_drafts_encoding(draft, capsys):
    code, _, err = run([draft, "--redact", "clean.txt"], capsys)
    assert code == 1 and "已写出：clean.txt" in err
    assert (draft.parent / "clean.txt").read_bytes() == DRAFT.replace(PERSONAL, "z***@example.com").encode("gbk")


@pytest.mark.parametrize("argv, masked", [
    (["--mask-style", "full"], "********@example.com"),
    (["--fail-on", "info"], "o***@xinping.gov.cn"),
])
def test_redact_style_and_scope_from_options(draft, capsys, argv, masked):
    run([draft, "--redact", "clean.txt", *argv], capsys)
    assert masked in (draft.parent / "clean.txt").read_bytes().decode("gbk")


def test_mask_style_from_screener_toml(draft, capsys):
    (draft.parent / "screener.toml").write_text('mask_style = "full"\n', encoding="utf-8")
    run([draft, "--redact", "clean.txt", "--sheet", "s.md"], capsys)
    assert "********@example.com" in (draft.parent / "clean.txt").read_bytes().decode("gbk")
    assert "********@example.com" in (draft.parent / "s.md").read_text(encoding="utf-8")


def test_several_drafts_need_a_folder_or_name_placeholder(draft, capsys):
    other = draft.parent / "b.txt"
    other.write_text("关于B的通知\n申请人邮箱 li@example.com\n", encoding="utf-8")
    code, _, err = run([draft, other, "--sheet", "s.docx"], capsys)
    assert code == 2 and "{name}" in err
    out_dir = draft.parent / "out"
    out_dir.mkdir()
    code, _, err = run([draft, other, "--sheet", out_dir, "--redact", "clean/"], capsys)
    assert code == 2 and "clean/" in err  # the redact folder is missing: refused before screening
    (draft.parent / "clean").mkdir()
    code, _, err = run([draft, other, "--sheet", out_dir, "--redact", "clean/"], capsys)
    assert code == 1
    assert sorted(p.name for p in out_dir.iterdir()) == ["b-审批表.docx", "公示-审批表.docx"]
    assert sorted(p.name for p in (draft.parent / "clean").iterdir()) == ["b.txt", "公示.txt"]
    code, _, _ = run([draft, other, "--sheet", "out/{name}.html"], capsys)
    assert (out_dir / "b.html").is_file() and (out_dir / "公示.html").is_file()


def test_a_name_clash_between_drafts_is_refused_not_overwritten(draft, capsys):
    sub = draft.parent / "sub"
    sub.mkdir()
    (sub / "公示.txt").write_text("关于C的通知\n正文。\n", encoding="utf-8")
    (draft.parent / "out").mkdir()
    code, _, err = run([draft, sub / "公示.txt", "--sheet", "out/{name}.md"], capsys)
    assert code == 2 and "同名" in err
    assert "关于临时救助对象的公示" in (draft.parent / "out" / "公示.md").read_text(encoding="utf-8")


def test_a_folder_of_drafts_cannot_redact_into_itself(draft, capsys):
    code, _, err = run([draft, "--redact", draft.parent], capsys)
    assert code == 2 and "同一个文件" in err


def test_an_unreadable_draft_gets_no_sheet_and_the_batch_goes_on(draft, capsys):
    out_dir = draft.parent / "out"
    out_dir.mkdir()
    code, _, err = run([draft.parent / "无此稿件.txt", draft, "--sheet", out_dir], capsys)
    assert code == 2 and "文件不存在" in err
    assert [p.name for p in out_dir.iterdir()] == ["公示-审批表.docx"]


def test_sheet_from_stdin(draft, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    code, _, err = run(["-", "--sheet", "s.md"], capsys)
    assert code == 1 and "关于临时救助对象的公示" in (draft.parent / "s.md").read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DRAFT.encode("utf-8"))))
    code, _, err = run(["-", "--redact", "r.txt"], capsys)
    assert code == 2 and "标准输入" in err and not (draft.parent / "r.txt").exists()
