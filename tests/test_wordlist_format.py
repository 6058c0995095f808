"""Malformed lists name the file and the entry and stop with exit 2; a
runaway user pattern is stopped by a time limit; lists are data only."""
from pathlib import Path

import pytest

from cli_process import run

from screener import Config, ConfigError, screen_text
from screener.wordlists import read_list

GOOD_ENTRY = '''
[[entry]]
code = "TS101"
term = "村长"
suggestion = "村主任"
reason = "不称村长"
source = "本单位规定"
match = ["村长带头"]
pass = ["村主任带头"]
'''
HEAD = '[list]\nname = "test"\ntitle = "测试"\nprefix = "TS"\nsource = "本单位"\n'


def entry(**changes):
    """GOOD_ENTRY with some keys replaced (None removes the key)."""
    lines = []
    for line in GOOD_ENTRY.strip().splitlines():
        key = line.split(" = ")[0]
        if key in changes:
            if changes[key] is not None:
                lines.append(f"{key} = {changes.pop(key)}")
            else:
                changes.pop(key)
        else:
            lines.append(line)
    lines += [f"{k} = {v}" for k, v in changes.items()]
    return HEAD + "\n".join(lines) + "\n"


TOML_FAULTS = [
    # list text, words the error must contain
    ("[list]\nname = \"x\"\n", ["[list]", "缺少 prefix"]),
    (GOOD_ENTRY, ["缺少 [list]"]),
    (HEAD, ["没有任何 [[entry]]"]),
    (HEAD + "[[entry]\n", ["词表格式错误"]),
    (entry(colour='"red"'), ["条目 TS101", "未知的键“colour”"]),
    (entry(code='"XX101"'), ["条目 XX101", "前缀 TS"]),
    (entry(kind='"forbidden"'), ["条目 TS101", "kind"]),
    (entry(severity='"fatal"'), ["条目 TS101", "级别"]),
    (entry(reason=None), ["条目 TS101", "缺少 reason"]),
    (entry(source=None), ["条目 TS101", "缺少 source"]),
    (entry(term=None), ["条目 TS101", "term/terms"]),
    (entry(**{"pass": None}), ["条目 TS101", "需要示例"]),
    (entry(match='["村主任"]'), ["条目 TS101", "没有出现在任何 match 示例中"]),
    (entry(near='["医院"]', severity='"error"'), ["条目 TS101", "只能是 caution-term"]),
    (entry(near='["医院"]'), ["条目 TS101", "只能是 caution-term"]),
    (entry(term=None, pattern='"村(长"', anchors='["村"]'), ["条目 TS101", "正则表达式"]),
    (entry(term=None, pattern='"村长"'), ["条目 TS101", "anchors"]),
    (entry(after='"[a-"'), ["条目 TS101", "after"]),
    (entry(window="0"), ["条目 TS101", "window"]),
    (entry(exceptions='["大学生"]'), ["条目 TS101", "例外"]),
    (entry() + GOOD_ENTRY, ["条目 TS101", "重复"]),
    ('[list]\nname = "a b"\ntitle = "t"\nprefix = "TS"\nsource = "s"\n' + GOOD_ENTRY, ["[list]", "name"]),
    ('[list]\nname = "t"\ntitle = "t"\nprefix = "ts1"\nsource = "s"\n' + GOOD_ENTRY, ["[list]", "prefix"]),
]


@pytest.mark.parametrize("text, words", TOML_FAULTS, ids=[" ".join(w) for _, w in TOML_FAULTS])
def test_malformed_toml_list(tmp_path, text, words):
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        read_list(p)
    message = str(exc.value)
    assert message.startswith(str(p)) and "\n" not in message
    for w in words:
        assert w in message


TEXT_FAULTS = [
    ("村长 => 村主任\n=> 负责人\n", "第 2 行"),
    ("村长 =>\n", "第 1 行"),
    ("村长\n老板\n村长 => 村主任\n", "第 3 行"),
    ("村长 => 村长\n", "第 1 行"),
    ("# prefix: bd1\n村长\n", "前缀"),
    ("# severity: fatal\n村长\n", "级别"),
    ("# 只有注释\n\n", "没有任何词条"),
]


@pytest.mark.parametrize("text, words", TEXT_FAULTS)
def test_malformed_text_list(tmp_path, text, words):
    p = tmp_path / "bad.txt"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        read_list(p)
    assert str(exc.value).startswith(str(p)) and words in str(exc.value)


def test_text_list_in_gbk_and_with_comments(tmp_path):
    p = tmp_path / "office.txt"
    p.write_bytes("# 本单位用语\n# prefix: BD\n\n老板 => 负责人  # 对干部\n村官\n".encode("gbk"))
    wl = read_list(p)
    assert [(e.code, e.terms, e.suggestions) for e in wl.entries] == [
        ("BD001", ("老板",), ("负责人",)), ("BD002", ("村官",), ())]


@pytest.mark.parametrize("name, text, words", [
    ("bad.toml", entry(code='"XX101"'), ["条目 XX101"]),
    ("bad.txt", "村长 =>\n", ["第 1 行"]),
    ("missing.txt", None, ["词表文件不存在"]),
])
def test_cli_malformed_list_is_one_line_exit_2(tmp_path, name, text, words):
    draft = tmp_path / "d.txt"
    draft.write_text("村长带领村民修路", encoding="utf-8")
    lst = tmp_path / name
    if text is not None:
        lst.write_text(text, encoding="utf-8")
    for args in ([draft, "--wordlist", lst], ["wordlists", "--check", lst]):
        code, out, err = run(*args)
        assert code == 2 and out == ""
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert str(lst) in err and all(w in err for w in words)


RUNAWAY = HEAD + '''
[[entry]]
code = "TS101"
pattern = "(a|aa)+b"
anchors = ["a"]
window = 40
reason = "测试"
source = "测试"
match = ["aab"]
pass = ["b"]
'''


def test_runaway_pattern_is_stopped_and_reported(tmp_path):
    p = tmp_path / "runaway.toml"
    p.write_text(RUNAWAY, encoding="utf-8")
    config = Config(wordlists=(p,))
    assert [f.code for f in screen_text("aab", config=config).findings] == ["TS101"]
    with pytest.raises(ConfigError) as exc:
        screen_text("x" + "a" * 60 + "x", config=config)
    assert str(p) in str(exc.value) and "条目 TS101" in str(exc.value) and "超时" in str(exc.value)
    draft = tmp_path / "d.txt"
    draft.write_text("a" * 60, encoding="utf-8")
    code, _, err = run(draft, "--wordlist", p)
    assert code == 2 and "超时" in err and len(err.strip().splitlines()) == 1


def test_lists_are_data_never_code(tmp_path):
    p = tmp_path / "data.txt"
    p.write_text("__import__('os').system('echo hacked')\n{{7*7}}\n", encoding="utf-8")
    config = Config(wordlists=(p,), disable_lists=("xinhua", "wording", "classified-markings"))
    findings = screen_text("文中有{{7*7}}和49", config=config).findings
    assert [f.text for f in findings] == ["{{7*7}}"]
    assert [f.text for f in screen_text("__import__('os').system('echo hacked')", config=config).findings]


def test_patterns_see_the_normalised_text_whatever_the_case(tmp_path):
    p = tmp_path / "case.toml"
    p.write_text(HEAD + '''
[[entry]]
code = "TS101"
pattern = "APEC[ \\\\t]*峰会"
anchors = ["APEC"]
reason = "测试"
source = "测试"
match = ["apec 峰会", "ＡＰＥＣ峰会"]
pass = ["APEC会议"]
''', encoding="utf-8")
    from screener.wordlists.selfcheck import check_list

    assert check_list(read_list(p)) == []
