"""Every fast path gives exactly what the plain way gives (BENCHMARKS.md says
why each exists): folding a long draft, the term automaton, and jieba with
its dictionary loaded by first character."""
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gen

from screener.folding import LONG, _FOLD, _fold_match, fold
from screener.wordlists import list_set
from screener.wordlists import jieba_dict, segment

ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "tests" / "fixtures" / "seed_2019_township_report.txt").read_text(encoding="utf-8")
EXAMPLES = (ROOT / "examples" / "draft.txt").read_text(encoding="utf-8")
FOLDABLE = "ＡＢＺａｚ０９＋－．＠APEC Gdp，：（）；？！［］｀ｘ×＊\u3000\u2002\u2003\u2007\u200a\u200b\u202f\u205f\u2001\u2010\uff05\uff3f"


@pytest.mark.parametrize("text", [
    SEED * 6,  # no foldable character at all
    (SEED + FOLDABLE) * 6,  # every kind, at the very end too
    FOLDABLE * (LONG // len(FOLDABLE) + 1),  # nothing but foldable characters
    "Ａ" + SEED * 6 + "ｚ",  # at both edges
])
def test_long_text_folds_like_the_one_pass_substitution(text):
    assert len(text) >= LONG
    assert fold(text) == _FOLD.sub(_fold_match, text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=FOLDABLE + "中文 \n\u2000\u200b\u2011\u202e\u2060\uff01\uff5b\uff5e", max_size=80))
def test_long_random_text_folds_like_the_one_pass_substitution(text):
    long_text = (text or "中") * (LONG // max(len(text), 1) + 1)  # each range and single run into the others
    assert fold(long_text) == _FOLD.sub(_fold_match, long_text)


def test_automaton_finds_every_occurrence_of_every_key_overlaps_included():
    matcher = list_set().matcher
    keys = matcher._keys
    text = (SEED + "台湾总统大选，村长、内部资料，机密★10年，最佳黑人穷人。" + EXAMPLES) * 2
    expected = sorted((i, k) for k in keys for i in _all(text, k))
    found = sorted((start, keys[k]) for k, start, end in matcher.walk(text))
    assert found == expected
    assert all(end - start == len(keys[k]) for k, start, end in matcher.walk(text))


def _all(text, key):
    i = text.find(key)
    while i >= 0:
        yield i
        i = text.find(key, i + 1)


def test_split_dictionary_cuts_every_window_as_the_whole_dictionary_does():
    full = segment._import_jieba().Tokenizer()
    full.initialize()
    split = jieba_dict.SplitDictionary(jieba_dict.dumps(full.FREQ, full.total))
    lazy = segment._import_jieba().Tokenizer()
    lazy.FREQ, lazy.total, lazy.initialized = {}, split.total, True
    for word in ("台湾总统", "村长", "内部资料", "大跃进"):  # list terms, added to both the same way
        split.fill(lazy.FREQ, word)
        for tok in (full, lazy):
            if not tok.FREQ.get(word):
                tok.add_word(word)
    text = SEED + EXAMPLES
    windows = [text[i:i + 16] for i in range(0, len(text) - 16, 3)]
    assert len(windows) > 1000
    for n, piece in enumerate(windows):
        split.fill(lazy.FREQ, piece)
        assert lazy.lcut(piece, HMM=True) == full.lcut(piece, HMM=True), piece
        if n == 10:
            assert len(lazy.FREQ) < len(full.FREQ) / 5  # a few windows load a small part


@pytest.mark.parametrize("block", [1, 3, 7, 64])
def test_a_long_text_walked_in_blocks_finds_the_same_candidates(monkeypatch, block):
    from screener.wordlists import matcher as matcher_module

    m = list_set().matcher
    text = ("台湾总统大选，村长、内部资料，机密★10年，最佳黑人穷人。" + SEED[:300]) * 3
    whole = sorted(m.walk(text))
    monkeypatch.setattr(matcher_module, "BLOCK", block)
    assert sorted(m.walk(text)) == whole
    assert len(whole) > 10


def test_term_rules_are_built_once():
    """Masking a file name asks every detector for its rules; building the
    term rules anew each time cost ~0.3 ms per file name in a batch."""
    from screener.detectors import terms

    assert terms.RULES is terms.RULES


@pytest.mark.parametrize("name, holds", [
    ("drafts/2024/06/0123.txt", False),
    ("2024年6月3日公示.txt", False),
    (f"户主{gen.id_number()}.txt", True),
    ("联系人{} {} {}.docx".format(*(lambda m: (m[:3], m[3:7], m[7:]))(gen.mobile())), True),
    (gen.to_fullwidth(gen.mobile()) + ".txt", True),
    ("a@example.com.txt", True),
])
def test_file_name_prefilter(name, holds):
    """The cheap test in front of file-name masking lets through every name
    that may hold a personal number (7 digits in a run, or an @)."""
    from screener.privacy import _may_hold_number

    assert _may_hold_number(name) is holds
