"""Regression guard: jieba runs only around candidates, never over the whole
draft, and is not even imported for a draft without candidates (start-up
time matters).  Counts characters, never time."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from screener import screen_text
from screener.wordlists import STATS

ROOT = Path(__file__).resolve().parents[1]


def clean_megabyte() -> str:
    seed = (ROOT / "tests" / "fixtures" / "seed_2019_township_report.txt").read_text(encoding="utf-8")
    clean = (ROOT / "examples" / "clean.txt").read_text(encoding="utf-8")
    unit = seed + "\n" + clean + "\n"
    return unit * (1_000_000 // len(unit.encode("utf-8")) + 1)


def test_clean_megabyte_hands_nothing_to_the_segmenter_and_never_imports_it():
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep))
    code = (
        "import sys; sys.path.insert(0, 'tests')\n"
        "from test_segmenter_guard import clean_megabyte\n"
        "from screener import screen_text\n"
        "from screener.wordlists import STATS\n"
        "text = clean_megabyte()\n"
        "assert len(text.encode('utf-8')) >= 1_000_000\n"
        "report = screen_text(text)\n"
        # the seed is an annual report whose 栏目 list names 机构职能 twice: one
        # annual-report info per copy, by design, and nothing for the segmenter
        "print(len([f for f in report.findings if f.kind not in ('email', 'annual-report')]), STATS.chars, STATS.loaded,"
        " 'jieba' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["0", "0", "False", "False"]


def test_three_candidates_hand_a_few_dozen_characters():
    text = clean_megabyte()
    third = len(text) // 3
    text = text[:third] + "村长" + text[third:2 * third] + "天王星" + text[2 * third:] + "台湾总统"
    STATS.reset()
    findings = [f for f in screen_text(text).findings if f.kind not in ("email", "annual-report")]
    assert [f.text for f in findings] == ["村长", "台湾总统"]
    assert STATS.calls == 3
    assert 0 < STATS.chars <= 3 * 25  # a window of at most 10 characters either side of each


def test_many_candidates_hand_only_their_windows():
    text = clean_megabyte()
    step = 3000
    text = "".join(text[i:i + step] + "，村长，" for i in range(0, len(text), step))
    inserted = text.count("，村长，")
    STATS.reset()
    findings = [f for f in screen_text(text).findings if f.text == "村长"]
    assert len(findings) == inserted
    assert STATS.calls <= inserted
    assert STATS.chars <= STATS.calls * 25
    assert STATS.chars < len(text) / 100


@pytest.mark.parametrize("draft, jieba_needed", [("examples/clean.txt", False), ("examples/draft.txt", None)])
def test_the_cli_on_a_draft_without_candidates_never_imports_jieba(draft, jieba_needed):
    env = dict(os.environ)
    if env.get("PYTHONPATH"):
        env["PYTHONPATH"] = os.pathsep.join(os.path.abspath(p) for p in env["PYTHONPATH"].split(os.pathsep))
    code = (
        "import atexit, sys\n"
        "from screener.wordlists import STATS\n"
        "atexit.register(lambda: print('JIEBA', 'jieba' in sys.modules, STATS.calls, file=sys.stderr))\n"
        "from screener.cli import main\n"
        f"main([{draft!r}])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert out.returncode in (0, 1), out.stderr
    line = [x for x in out.stderr.splitlines() if x.startswith("JIEBA")][-1].split()
    if jieba_needed is False:
        assert line == ["JIEBA", "False", "0"]
    else:  # whatever the draft needs, jieba is imported exactly when a window was cut
        assert (line[1] == "True") == (int(line[2]) > 0)
