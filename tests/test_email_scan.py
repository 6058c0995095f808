"""The e-mail scan tries the pattern only where an address can start (after
the stretch of local-part characters before each ``@``); it must find
exactly what the plain ``finditer`` over the whole text finds."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screener.config import Config
from screener.detectors import email
from screener.detectors.email import _EMAIL, addresses
from screener.document import Document
from screener.model import Severity

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


# A government domain decides an address's severity before its context is
# read (detect() no longer asks classify() who owns it); whoever the text
# names beside it, it is an office mailbox, and the other domains still
# follow the context.
@pytest.mark.parametrize("text, severity, reason", [
    ("联系人：张三，邮箱 zhangsan@xinping.gov.cn", Severity.INFO, "域名 xinping.gov.cn"),
    ("申请人张三的个人邮箱：zs@mail.gov.cn", Severity.INFO, "域名 mail.gov.cn"),
    ("办公室邮箱 bgs@gov.cn", Severity.INFO, "域名 gov.cn"),
    ("申请人张三的个人邮箱：zhangsan1990@163.com", Severity.ERROR, None),
    ("学校邮箱 office@school.edu.cn", Severity.INFO, None),
    ("请将材料发送至 abc@163.com", Severity.WARNING, None),
])
def test_government_domain_decides_before_context(text, severity, reason):
    findings = list(email.detect(Document(text), Config()))
    assert [f.severity for f in findings] == [severity]
    if reason:
        assert reason in findings[0].explanation.context
