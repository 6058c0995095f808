"""What a web page publishes that the HTML loader used to miss (issue 12
items 3 and 10): whitespace between inline elements, ``<option>`` lines,
form values, placeholder / aria-label, ``<meta content>`` and ``tel:`` /
``mailto:`` link addresses.  Numbers are generated (tests/gen.py)."""
from __future__ import annotations

import pytest
from gen import id_number, mobile
from harness import leaked, run_cli

from screener import screen_file

M1 = mobile("151", 3)
M2 = mobile("139", 5)
ID = id_number("110105", "19680201", "321")
PERSON = "户主王某某"

# (case, page body, kind, value, where)
READ = [
    ("spans on two lines", f"<p>{PERSON}手机<span>{M1}</span>\n<span>{M2}</span></p>", "mobile", M2, "源码第2行"),
    ("spans separated by a space", f"<p>{PERSON}手机<span>{M1}</span> <span>{M2}</span></p>", "mobile", M1,
     "源码第1行"),
    ("input value", f'<form>{PERSON}<input name=sfzh value="{ID}"></form>', "id-card", ID, "value属性"),
    ("placeholder", f'<input placeholder="{PERSON}手机 {M1}">', "mobile", M1, "placeholder属性"),
    ("aria-label", f'<a href="#" aria-label="{PERSON}手机 {M1}">联系</a>', "mobile", M1, "aria-label属性"),
    ("meta keywords", f'<head><meta name="keywords" content="{PERSON} {ID}"></head>', "id-card", ID, "meta内容"),
    ("tel: link", f'<p>{PERSON}<a href="tel:{M1}">拨打</a></p>', "mobile", M1, "链接地址"),
    ("percent-encoded tel: link", f'<p>{PERSON}<a href="tel:%2B86-{M1}">拨打</a></p>', "mobile", M1, "链接地址"),
]


@pytest.mark.parametrize("page, kind, value, where", [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_published_text_is_read_and_located(tmp_path, page, kind, value, where):
    path = tmp_path / "page.html"
    path.write_text(f"<!doctype html><html><body>{page}</body></html>", encoding="utf-8")
    found = [f for f in screen_file(path).findings if f.kind == kind and value in f.text.replace("-", "")]
    assert found and where in found[0].location
    result = run_cli([path])
    assert leaked(result.out + result.err, kind, value) is None


def test_two_numbers_in_adjacent_spans_stay_two(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(f"<p>{PERSON}手机<span>{M1}</span>\n<span>{M2}</span></p>", encoding="utf-8")
    found = sorted(f.text for f in screen_file(path).findings if f.kind == "mobile")
    assert found == sorted([M1, M2])


@pytest.mark.parametrize("cut", [3, 6, 8])
@pytest.mark.parametrize("br", ["<br>", "<br/>", "<br>\n", "<br />\n  "])
def test_a_number_broken_by_br_is_found(tmp_path, cut, br):
    """A hand-wrapped cell (手机：151653<br>26912) shows one number split over
    two lines; the digits either side only make a valid number together."""
    path = tmp_path / "page.html"
    path.write_text(f"<p>{PERSON}手机：{M1[:cut]}{br}{M1[cut:]}</p>", encoding="utf-8")
    report = screen_file(path)
    assert [f.text for f in report.findings if f.kind == "mobile"] == [M1]
    assert report.exit_code() == 1


@pytest.mark.parametrize("page", [
    f"<p>{PERSON}手机：{M1}<br>{M2}</p>",  # two whole numbers, one a line
    "<p>编号 2023<br>0815 号</p>",  # numbers that are no personal number joined
    f"<p>邮编 650000<br>{M2[:5]}</p>",
])
def test_br_between_whole_or_unrelated_numbers_stays_a_break(tmp_path, page):
    from screener.loaders import load

    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    assert "\n" in load(path).text.strip()


def test_options_do_not_glue_into_a_number(tmp_path):
    """Two drop-down entries (a prefix list, a code list) are two lines, not
    one digit run that validates as somebody's mobile."""
    path = tmp_path / "page.html"
    path.write_text(f"<p>{PERSON}</p><select><option>{M1[:3]}</option><option>{M1[3:]}</option></select>",
                    encoding="utf-8")
    assert not [f for f in screen_file(path).findings if f.kind == "mobile"]


@pytest.mark.parametrize("page, text", [
    ("<p><span>中</span>\n<span>文</span></p>", "中文"),
    ("<p>a <b>b</b>\n c</p>", "a b c"),
    ("<select><option>一</option><option>二</option></select>", "一\n二"),
])
def test_whitespace_as_a_browser_shows_it(tmp_path, page, text):
    from screener.loaders import load

    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    assert load(path).text.strip() == text


@pytest.mark.parametrize("page", [
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    '<a href="tel:12345">政务服务便民热线 12345</a>',
    '<input type="submit" value="提交">',
], ids=["viewport", "http-equiv", "hotline", "button"])
def test_no_false_alarm_from_ordinary_attributes(tmp_path, page):
    path = tmp_path / "p.html"
    path.write_text(f"<html><head>{page}</head><body><p>关于公开征求意见的通知</p></body></html>",
                    encoding="utf-8")
    assert not screen_file(path).findings
