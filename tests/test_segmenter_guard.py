"""Regression guard: jieba runs only around candidates, never over the whole
draft, and is not even imported for a draft without candidates (start-up
time matters).  Counts characters, never time."""
import os
import subprocess
import sys
from pathlib import Path

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
        "print(len([f for f in report.findings if f.kind != 'email']), STATS.chars, STATS.loaded,"
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
    findings = [f for f in screen_text(text).findings if f.kind != "email"]
    assert [f.text for f in findings] == ["村长", "台湾总统"]
    assert STATS.calls == 3
    assert 0 < STATS.chars <= 3 * 25  # a window of at most 10 characters either side of each
