"""A word-list pattern is bounded per draft, not only per search (issue:
leaks under attack, item 15): a pattern just under the per-search limit with
many anchor hits stops with one clear line instead of running for minutes."""
from __future__ import annotations

import pytest

from harness import run_cli
from screener.wordlists import patterns



def _toml_list(tmp_path, pattern: str):
    path = tmp_path / "本单位词表.toml"
    path.write_text(
        '[list]\nname = "office"\ntitle = "本单位词表"\nprefix = "UA"\nsource = "本单位"\n'
        'kind = "caution-term"\nseverity = "warning"\n\n'
        f'[[entry]]\ncode = "UA001"\ntitle = "测试"\npattern = \'{pattern}\'\nanchors = ["某地"]\n'
        'reason = "测试用"\nsource = "本单位"\nmatch = ["某地甲乙"]\npass = ["他地甲乙"]\n', encoding="utf-8")
    return path


def test_a_pattern_over_its_draft_budget_stops_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "DRAFT_BUDGET", 0.0001)
    listed = _toml_list(tmp_path, "某地(?:[^。]{0,20}?)*甲乙")
    draft = tmp_path / "稿件.txt"
    draft.write_text("某地的情况，" * 3000, encoding="utf-8")
    result = run_cli([draft, "--wordlist", listed])
    assert result.code == 2, result
    assert "累计运行超过" in result.out + result.err


def test_wordlists_check_refuses_a_pattern_too_slow_on_a_long_draft(tmp_path, monkeypatch):
    monkeypatch.setattr(patterns, "DRAFT_BUDGET", 0.0001)
    listed = _toml_list(tmp_path, "某地(?:[^。]{0,20}?)*甲乙")
    result = run_cli(["wordlists", "--check", listed])
    assert result.code == 2 and "运行过慢" in result.out + result.err, result


def test_a_reasonable_pattern_passes_the_stress_check(tmp_path):
    listed = _toml_list(tmp_path, "某地[^。]{0,4}甲乙")
    result = run_cli(["wordlists", "--check", listed])
    assert result.code == 0, result


@pytest.mark.parametrize("budget", [patterns.DRAFT_BUDGET])
def test_the_budget_is_per_scan(budget):
    with patterns.Budget():
        assert patterns._timeout("x") == min(patterns.TIMEOUT, budget)
