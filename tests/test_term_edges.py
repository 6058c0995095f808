"""Where a word-list term stops (issue 14 point 5): never inside an e-mail or
web address, and the edges the lists' own examples pin (全乡村长会议, 中国与台湾)."""
import pytest

from numcheck import screen
from screener.wordlists.matcher import shielded_spans

CASES = [
    ("e-mail local part", "举报邮箱：jb@example.com", [("EM401", "jb@example.com")]),
    ("e-mail, person", "户主李某某，邮箱：sb@qq.com", [("EM401", "sb@qq.com")]),
    ("full-width e-mail", "举报邮箱：ｎｂ＠ｅｘａｍｐｌｅ．ｃｏｍ", [("EM401", "ｎｂ＠ｅｘａｍｐｌｅ．ｃｏｍ")]),
    ("URL path", "详见 http://www.example.gov.cn/tmd/jb.html", []),
    ("www address", "网址：www.sb-example.cn/nb", []),
    ("term beside an address still found", "JB，详见 http://www.example.gov.cn/", [("XH601", "JB")]),
    ("term after an e-mail still found", "jb@example.com 这人真是个逗比", [("EM401", "jb@example.com"), ("XH601", "逗比")]),
    ("全乡村长", "召开全乡村长会议", [("XH217", "村长")]),
    ("全乡村长期 is long-term", "全乡村长期坚持植树造林", []),
    ("中国与台湾", "促进中国与台湾的交流", [("XH462", "中国与台湾")]),
    ("大陆与台湾", "促进大陆与台湾的交流", []),
]


@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_term_edges(name, text, expected):
    assert [(f.code, f.text) for f in screen(text)] == expected


@pytest.mark.parametrize("text, spans", [
    ("a jb@example.com b", [(2, 16)]),
    ("见http://x.cn/a?b=1 和 www.y.cn", [(1, 18), (21, 29)]),
    ("没有地址", []),
    ("@ alone, a@b, x@y.z", [(14, 19)]),
])
def test_shielded_spans(text, spans):
    assert shielded_spans(text) == spans
