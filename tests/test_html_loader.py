"""What a web page yields: the text a visitor sees (and alt/title/comments,
which the page publishes), never scripts or styles, each stretch labelled
with its source line."""
from __future__ import annotations

from pathlib import Path

import pytest

from screener.loaders import load
from screener.loaders.html import load_html


def read(html: str, encoding: str = "utf-8"):
    return load_html(Path("page.html"), html.encode(encoding))


# (case id, html, text that must appear, text that must not)
CASES = [
    ("paragraphs become lines", "<p>甲</p><p>乙</p>", "甲\n乙", None),
    ("inline elements do not break words", "<p>ab<b>cd</b>@example.com</p>", "abcd@example.com", None),
    ("script and style are left out", "<style>p{}</style><script>var m='s@example.com'</script><p>正文</p>",
     "正文", "s@example.com"),
    ("entities decoded", "<p>A&amp;B&nbsp;&#x4e00;&lt;</p>", "A&B\xa0一<", None),
    ("br breaks a line", "<p>上<br>下</p>", "上\n下", None),
    ("table cells separated by a tab", "<table><tr><td>姓名</td><td>张三</td></tr></table>", "姓名\t张三", None),
    ("alt and title attributes", '<img alt="照片说明"><a title="链接提示">链接</a>', "照片说明", None),
    ("title attribute", '<a title="链接提示">链接</a>', "链接提示", None),
    ("page title", "<title>关于公示的通知</title>", "关于公示的通知", None),
    ("comment is published in the source", "<p>正文</p><!-- 旧号码 old@example.com -->", "old@example.com", None),
    ("conditional comment is markup, not text", "<!--[if IE]><p>x</p><![endif]-->", "", "if IE"),
    ("whitespace collapses", "<p>a   b\n\t c</p>", "a b c", None),
    ("a source line break between CJK characters disappears", "<p>公示\n  名单</p>", "公示名单", None),
    ("pre keeps its lines", "<pre>a\n  b</pre>", "a\n  b", None),
    ("noscript and template are left out", "<noscript>请开启脚本</noscript><template>模板</template><p>正文</p>",
     "正文", "请开启"),
]


@pytest.mark.parametrize("html, present, absent", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_page_text(html, present, absent):
    text = read(html).text
    assert present in text
    if absent:
        assert absent not in text


LABELS = [
    ("text on its source line", "<html>\n<body>\n<p>联系 z@example.com</p>", "z@example.com", "源码第3行"),
    ("a paragraph spanning lines", "<p>第一行\nsecond z@example.com</p>", "z@example.com", "源码第2行"),
    ("alt attribute", '\n<img src="a.png"\n alt="w@example.com">', "w@example.com", "源码第2行 alt属性"),
    ("comment", "<p>x</p>\n\n<!--\n c@example.com -->", "c@example.com", "源码第4行 注释"),
]


@pytest.mark.parametrize("html, needle, label", [c[1:] for c in LABELS], ids=[c[0] for c in LABELS])
def test_each_stretch_names_its_source_line(html, needle, label):
    doc = read(html)
    assert doc.location(doc.text.index(needle)) == label


@pytest.mark.parametrize("declared, encoding", [("gb2312", "gb18030"), ("GBK", "gbk"), ("utf-8", "utf-8")])
def test_declared_charset_is_honoured(declared, encoding):
    html = f'<html><head><meta charset="{declared}"></head><body><p>政务公开 镕</p></body></html>'
    assert "政务公开 镕" in read(html, encoding).text


def test_htm_and_html_go_through_the_page_loader(tmp_path):
    for name in ("a.htm", "b.html", "c.shtml"):
        (tmp_path / name).write_text("<script>x</script><p>页面</p>", encoding="utf-8")
        assert load(tmp_path / name).text.strip() == "页面"
