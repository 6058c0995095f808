"""An office's own lists (TOML and plain text) from the CLI, screener.toml and
the library; switching lists, entries and code prefixes off and on; allowed
terms; `screen wordlists` and `screen wordlists --check`."""
import json

import pytest

from cli_process import run

from screener import Config, ConfigError, screen_text, load_config

OFFICE_TXT = "# name: 本单位用语\n# prefix: BD\n# source: 办公室2024年整理\n老板 => 负责人\n低保户 => 最低生活保障对象\n"
OFFICE_TOML = '''
[list]
name = "office"
title = "本单位规范用语"
prefix = "OF"
source = "县政府办公室 2024 年规定"
edition = "2024"
kind = "wording"

[[entry]]
code = "OF101"
terms = ["新平县政府"]
suggestion = "新平彝族傣族自治县人民政府"
reason = "公开稿件使用县政府全称"
source = "县政府办公室 2024 年规定"
match = ["新平县政府召开会议"]
pass = ["新平彝族傣族自治县人民政府召开会议"]

[[entry]]
code = "OF102"
term = "扶贫办"
enabled = false
suggestion = "乡村振兴局"
reason = "机构改革后名称已变更"
source = "县政府办公室 2024 年规定"
match = ["县扶贫办"]
pass = ["县乡村振兴局"]
'''
DRAFT = "新平县政府召开会议。小吃店老板说，村长带领低保户修路。县扶贫办参加。\n"


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "office.txt").write_text(OFFICE_TXT, encoding="utf-8")
    (tmp_path / "office.toml").write_text(OFFICE_TOML, encoding="utf-8")
    (tmp_path / "draft.txt").write_text(DRAFT, encoding="utf-8")
    return tmp_path


def codes(out):
    return [f["code"] for f in json.loads(out)["files"][0]["findings"]]


def test_plain_text_list_with_the_cli(folder):
    code, out, err = run(folder / "draft.txt", "--wordlist", folder / "office.txt", "-f", "json")
    assert code == 1, err
    # the built-in 老板 (XH118) needs a cadre nearby; the office's own 老板 has no condition
    assert codes(out) == ["BD001", "XH207", "BD002"]
    data = json.loads(out)["files"][0]["findings"]
    bd = next(f for f in data if f["code"] == "BD002")
    assert bd["text"] == "低保户" and bd["suggestion"] == "建议改为：最低生活保障对象"


def test_plain_text_terms_have_no_context_conditions(folder):
    config = Config(wordlists=(folder / "office.txt",))
    found = [(f.code, f.text) for f in screen_text("县长就是单位的老板", config=config).findings]
    assert ("BD001", "老板") in found


def test_toml_list_from_screener_toml(folder):
    (folder / "screener.toml").write_text('wordlists = ["office.toml", "office.txt"]\n', encoding="utf-8")
    code, out, _ = run("draft.txt", "-f", "json", cwd=folder)
    assert code == 1
    assert codes(out) == ["OF101", "BD001", "XH207", "BD002"]  # OF102 is off by default
    (folder / "screener.toml").write_text(
        'wordlists = ["office.toml"]\nenable = ["OF102"]\n', encoding="utf-8")
    assert "OF102" in codes(run("draft.txt", "-f", "json", cwd=folder)[1])


def test_toml_list_from_the_library(folder):
    config = Config(wordlists=(folder / "office.toml",))
    (f,) = [f for f in screen_text("新平县政府召开会议", config=config).findings]
    assert (f.code, f.kind, f.suggestion) == ("OF101", "wording", "建议改为：新平彝族傣族自治县人民政府")


@pytest.mark.parametrize("setting, gone, kept", [
    ('disable = ["xinhua"]', ["XH207"], ["OF101"]),
    ('disable = ["office"]', ["OF101"], ["XH207"]),
    ('disable = ["XH207"]', ["XH207"], ["OF101"]),
    ('disable = ["XH2"]', ["XH207"], ["OF101"]),
    ('ignore = ["XH"]', ["XH207"], ["OF101"]),
    ('allow_terms = ["村长"]', ["XH207"], ["OF101"]),
])
def test_switching_off(folder, setting, gone, kept):
    (folder / "screener.toml").write_text(f'wordlists = ["office.toml"]\n{setting}\n', encoding="utf-8")
    config = load_config(folder / "screener.toml")
    found = [f.code for f in screen_text(DRAFT, config=config).findings]
    assert not set(gone) & set(found) and set(kept) <= set(found)


def test_unknown_list_or_code_in_config_is_exit_2(folder):
    (folder / "screener.toml").write_text('disable = ["xinhau"]\n', encoding="utf-8")
    code, _, err = run("draft.txt", cwd=folder)
    assert code == 2 and "screener.toml" in err and "xinhau" in err and len(err.strip().splitlines()) == 1


def test_same_prefix_twice_is_exit_2_with_a_hint(folder):
    (folder / "a.txt").write_text("村长\n", encoding="utf-8")
    (folder / "b.txt").write_text("老板\n", encoding="utf-8")
    code, _, err = run("draft.txt", "--wordlist", "a.txt", "--wordlist", "b.txt", cwd=folder)
    assert code == 2 and "b.txt" in err and "a.txt" in err and "# prefix:" in err


def test_screen_wordlists_lists_what_is_in_use(folder):
    (folder / "screener.toml").write_text(
        'wordlists = ["office.toml"]\ndisable = ["wording"]\n', encoding="utf-8")
    code, out, _ = run("wordlists", "--wordlist", "office.txt", cwd=folder)
    assert code == 0
    blocks = {b.split("（")[0]: b for b in out.strip().split("\n\n")}
    assert set(blocks) == {"xinhua", "classified-markings", "wording", "office", "本单位用语"}
    assert "代码前缀 XH" in blocks["xinhua"] and "2016年7月修订" in blocks["xinhua"]
    assert "未启用：XH110" in blocks["xinhua"]
    assert blocks["wording"].splitlines()[0].endswith("停用")
    assert "条目 2 个，启用 1 个" in blocks["office"] and "县政府办公室 2024 年规定" in blocks["office"]
    assert "代码前缀 BD" in blocks["本单位用语"] and "办公室2024年整理" in blocks["本单位用语"]


def test_screen_wordlists_check(folder):
    code, out, err = run("wordlists", "--check", folder / "office.toml", folder / "office.txt")
    assert code == 0 and err == ""
    assert "✓" in out and "office.toml：2 个条目，4 个示例全部通过" in out
    broken = folder / "broken.toml"
    broken.write_text(OFFICE_TOML.replace('pass = ["县乡村振兴局"]', 'pass = ["县扶贫办主任"]'), encoding="utf-8")
    code, out, err = run("wordlists", "--check", broken)
    assert code == 2 and "✗" in out
    assert f"{broken}：条目 OF102：不应命中的示例命中了“扶贫办”" in err
    code, out, _ = run("wordlists", "--check")
    assert code == 0 and out.count("✓") == 3


def test_wordlists_needs_check_to_take_files(folder):
    code, _, err = run("wordlists", folder / "office.txt")
    assert code == 2 and "--check" in err


def test_config_paths_are_relative_to_the_config_file(folder, tmp_path_factory):
    (folder / "screener.toml").write_text('wordlists = ["office.txt"]\n', encoding="utf-8")
    elsewhere = tmp_path_factory.mktemp("cwd")
    config = load_config(folder / "screener.toml", cwd=elsewhere)
    assert [f.code for f in screen_text("走访低保户", config=config).findings] == ["BD002"]
    with pytest.raises(ConfigError):
        screen_text("x", config=Config(wordlists=(elsewhere / "none.txt",)))


def test_readme_examples_are_valid_lists(tmp_path):
    from pathlib import Path

    from screener.wordlists import read_list
    from screener.wordlists.selfcheck import check_list

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Word lists", 1)[1]
    toml_block = section.split("```toml\n", 1)[1].split("```", 1)[0]
    text_block = section.split("```text\n", 1)[1].split("```", 1)[0]
    (tmp_path / "office.toml").write_text(toml_block, encoding="utf-8")
    (tmp_path / "office.txt").write_text(text_block, encoding="utf-8")
    for name in ("office.toml", "office.txt"):
        wl = read_list(tmp_path / name)
        assert not check_list(wl), [f.message() for f in check_list(wl)]
    assert [e.code for e in read_list(tmp_path / "office.txt").entries] == ["BD001", "BD002", "BD003", "BD004"]
