"""The command line as a reviewer meets it: exit codes, encodings, bad input."""
import hashlib
import json

import pytest

from cli_process import run

DRAFT = "申请人张三，邮箱 zhangsan@example.com。\n联系邮箱：bgs@xinping.gov.cn\n"


@pytest.fixture
def draft(tmp_path):
    p = tmp_path / "draft.txt"
    p.write_text(DRAFT, encoding="utf-8")
    return p


def test_findings_exit_1_and_show_masked_values(draft):
    code, out, err = run(draft)
    assert code == 1
    assert "z***@example.com" in out and "zhangsan@example.com" not in out
    assert "发现 1 处需处理" in out
    assert err == ""


def test_office_contact_alone_passes(tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("联系邮箱：bgs@xinping.gov.cn\n", encoding="utf-8")
    code, out, _ = run(p)
    assert code == 0
    assert "未发现问题（另有提示 1 处，无需处理）" in out


@pytest.mark.parametrize("fail_on, expected", [("error", 1), ("warning", 1), ("info", 1)])
def test_fail_on_threshold(draft, fail_on, expected):
    assert run(draft, "--fail-on", fail_on)[0] == expected


def test_fail_on_info_counts_office_contacts(tmp_path):
    p = tmp_path / "ok.txt"
    p.write_text("联系邮箱：bgs@xinping.gov.cn\n", encoding="utf-8")
    assert run(p, "--fail-on", "info")[0] == 1
    assert run(p, "--fail-on", "warning")[0] == 0


def test_show_values_is_the_only_way_to_see_the_number(draft):
    assert "zhangsan@example.com" in run(draft, "--show-values")[1]
    data = json.loads(run(draft, "--format", "json")[1])
    assert "zhangsan@example.com" not in json.dumps(data, ensure_ascii=False)
    data = json.loads(run(draft, "--format", "json", "--show-values")[1])
    assert data["files"][0]["findings"][0]["text"] == "zhangsan@example.com"


def test_json_contract(draft):
    data = json.loads(run(draft, "--format", "json")[1])
    assert data["schema"] == 1
    (entry,) = data["files"]
    assert entry["path"] == str(draft)
    assert entry["summary"] == {"email": 2}
    required = {"kind", "severity", "code", "start", "end", "line", "column", "text", "message", "suggestion"}
    for f in entry["findings"]:
        assert required <= set(f)
    first = entry["findings"][0]
    assert DRAFT[first["start"]:first["end"]] == "zhangsan@example.com"
    assert (first["line"], first["column"]) == (1, 10)


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b"")],
)
def test_encodings_are_detected(tmp_path, encoding, bom):
    p = tmp_path / "d.txt"
    p.write_bytes(bom + DRAFT.encode(encoding))
    code, out, err = run(p, "--format", "json")
    assert code == 1, err
    f = json.loads(out)["files"][0]["findings"][0]
    assert (f["start"], f["line"], f["column"]) == (9, 1, 10)


def test_encoding_override(tmp_path):
    p = tmp_path / "d.txt"
    p.write_bytes(DRAFT.encode("gbk"))
    assert run(p, "--encoding", "gbk")[0] == 1
    code, _, err = run(p, "--encoding", "utf-8")
    assert code == 2 and "无法解码" in err


def test_stdin(draft):
    code, out, _ = run("-", stdin=DRAFT.encode("utf-8"))
    assert code == 1 and "<stdin>" in out


def test_empty_file_is_reported_as_empty(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    code, out, _ = run(p)
    assert code == 0 and "空文件" in out


def _write(path, data):
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda d: d / "missing.txt", "文件不存在"),
        (lambda d: d, "没有找到可检查的稿件"),  # a folder is walked (issue 5); this one holds no draft
        (lambda d: _write(d / "b.bin", bytes(range(256)) * 40), "二进制"),
        (lambda d: _write(d / "bad.txt", b"\xff\xfd\xfe" * 10 + b"\x81"), "编码"),
        (lambda d: _write(d / "old.doc", b"x"), ".docx"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path, make, problem):
    target = make(tmp_path)
    code, _, err = run(target)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert str(target) in lines[0]
    if problem:
        assert problem in lines[0]


def test_usage_errors_are_one_line():
    for args in (["--no-such-option", "x"], [], ["x.txt", "--fail-on", "sometimes"]):
        code, _, err = run(*args)
        assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_input_file_is_never_modified(draft):
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    run(draft)
    run(draft, "--format", "json", "--show-values")
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before


def test_batch_goes_on_past_a_bad_file(draft, tmp_path):
    code, out, err = run(tmp_path / "missing.txt", draft)
    assert code == 2
    assert "z***@example.com" in out
    assert "文件不存在" in err


def test_allow_list_in_screener_toml(draft, tmp_path):
    (tmp_path / "screener.toml").write_text('ignore = ["EM"]\n', encoding="utf-8")
    code, out, _ = run(draft, cwd=tmp_path)
    assert code == 0 and "未发现问题" in out


def test_malformed_config_is_one_line(draft, tmp_path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("fail_on = [", encoding="utf-8")
    code, _, err = run(draft, "--config", cfg)
    assert code == 2 and str(cfg) in err and len(err.strip().splitlines()) == 1
    cfg.write_text('colour = "red"\n', encoding="utf-8")
    code, _, err = run(draft, "--config", cfg)
    assert code == 2 and "colour" in err


def test_rules_lists_codes():
    code, out, _ = run("rules")
    assert code == 0 and "EM401" in out


def test_rule_shows_one_rules_documentation():
    code, out, _ = run("rule", "em401")
    assert code == 0 and "EM401" in out and "依据" in out
    code, _, err = run("rule", "NOPE999")
    assert code == 2 and "NOPE999" in err
