"""The e-mail scan tries the pattern only where an address can start (after
the stretch of local-part characters before each ``@``); it must find
exactly what the plain ``finditer`` over the whole text finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.detectors.email import _EMAIL, addresses
from screener.document import Document

# characters that make or break an address: local-part and domain
# characters, capitals (the lookbehind's class), @, dots, hyphens, CJK
_ALPHABET = "ab.z09-_%+@@..-Ａ＠AZ中文，： \n"


def spans(found):
    return [(m.start(), m.end()) for m in found]


@pytest.mark.parametrize("text, expected", [
    ("联系邮箱：zhangsan@example.com。", ["zhangsan@example.com"]),
    ("邮箱 office@xinping.gov.cn 与 a.b-c@163.com", ["office@xinping.gov.cn", "a.b-c@163.com"]),
    ("627633625@qq.com", ["627633625@qq.com"]),
    ("a@b.cn@c.com", ["a@b.cn"]),  # the second @ would start inside the first address
    ("x" * 64 + "@example.com", ["x" * 64 + "@example.com"]),  # the longest local part
    ("x" * 65 + "@example.com", []),  # one too many: no address (the plain scan agrees)
    ("Ab@example.com", ["ab@example.com"]),  # the view folds capitals
    ("@example.com 与 .a@example.com", []),
    ("名单@某单位 2024", []),
    ("a@b.c", []),
    ("a@b.com-x", []),
    ("a@@b.com、b@c.org", ["b@c.org"]),
])
def test_known_cases(text, expected):
    norm = Document(text).normalized
    assert [m.group() for m in addresses(norm)] == expected
    assert spans(addresses(norm)) == spans(_EMAIL.finditer(norm))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=300))
def test_same_matches_as_the_plain_scan(text):
    norm = Document(text).normalized
    assert spans(addresses(norm)) == spans(_EMAIL.finditer(norm))
    # on a text with capitals too (the lookbehind's own class)
    assert spans(addresses(text)) == spans(_EMAIL.finditer(text))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["a" * 30, "b.c", "@", "x@y.cn", "-", "中", "Q", "9" * 40, "@163.com"]),
                max_size=40))
def test_same_matches_on_long_local_parts(parts):
    norm = Document("".join(parts)).normalized
    assert spans(addresses(norm)) == spans(_EMAIL.finditer(norm))
