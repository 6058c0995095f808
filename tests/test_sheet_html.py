"""The HTML sheet: self-contained, escaped, masked, and checked in a real browser.

The browser test renders the file in headless Chromium (Debian's ``chromium``)
with a probe script appended to a copy (the product file itself has no
script), reads back what the page shows (innerText, computed colours, the
marks' hover titles, resource loads) and takes a screenshot.  It is skipped,
saying why, where no Chromium is installed.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import tempfile
from html import unescape
from html.parser import HTMLParser

import pytest
from sheet_samples import ALL_KINDS, PERSONAL_VALUES, sample_report, unmarked_report

from screener.render.sheet_html import render_sheet_html
from screener.sheet.model import build_sheet
from screener.sheet.fields import SheetFields

FIELDS = SheetFields(unit="平掌乡人民政府", drafter="王某", date=dt.date(2024, 6, 3))


def html_of(fr=None, fields=FIELDS, **options) -> str:
    # the sample without its 密级 marking, whose sheet shows the draft
    return render_sheet_html(build_sheet(fr or unmarked_report(), fields, checked=ALL_KINDS, **options))


class _Text(HTMLParser):
    """The text a reader sees (outside <style>) and every attribute value."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.attrs, self.tags, self._skip = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [v or "" for _, v in attrs]
        self._skip = tag in ("style", "script")

    def handle_endtag(self, tag):
        self._skip = False

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def parse(html: str) -> _Text:
    p = _Text()
    p.feed(html)
    return p


def test_html_is_self_contained_and_prints_on_a4():
    html = html_of()
    assert "@page { size: A4;" in html and "print-color-adjust: exact" in html
    assert not re.search(r"(?i)<script|<link|<img|<iframe|@import|url\(|https?://|src=", html)
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html


def test_html_text_shows_fields_counts_and_conclusion_but_no_personal_number():
    page = parse(html_of())
    text = "".join(page.text)
    everything = text + "\n".join(page.attrs)
    for label in ("信息发布审批表", "信息标题", "文号", "拟稿单位", "拟稿人", "报送日期", "公开方式",
                  "公开属性", "保密审查意见", "审查人", "科室负责人审核", "分管领导签批", "日期"):
        assert label in text
    assert "关于2024年度临时救助对象的公示" in text and "新政办发〔2024〕7号" in text
    assert "修改后公开" in text and "发现 2 处（其中提示 1 处）" in text
    for value in PERSONAL_VALUES:
        assert value not in everything
    assert "19850312" not in everything
    assert "53**************37" in text and "139****1815" in text


def test_every_piece_of_draft_text_is_escaped():
    page = parse(html_of())
    assert "b" not in page.tags  # the draft's literal <b>李某</b> stays text
    assert "村长<b>李某</b>" in "".join(page.text)
    hostile = SheetFields(title='"><script>alert(1)</script>', unit="<i>单位</i>&amp;")
    html = html_of(fields=hostile)
    assert "<script>" not in html and "<i>" not in html
    assert '"><script>alert(1)</script>' in "".join(parse(html).text)


def test_findings_are_highlighted_by_severity_with_the_reason_on_hover():
    html = html_of()
    marks = re.findall(r'<mark class="(sev-\w+)" id="f(\d+)" data-n="\d+" title="([^"]*)">', html)
    assert [int(n) for _, n, _ in marks] == list(range(1, 10))
    assert [c for c, _, _ in marks].count("sev-error") == 4
    assert [c for c, _, _ in marks][-1] == "sev-info"
    assert "身份证号码（错误）" in marks[0][2] and "建议：删除或脱敏后公开" in marks[0][2]


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if path := shutil.which(name):
            return path
    return None


_PROBE = """<script>
(() => {
  const marks = [...document.querySelectorAll('div.text mark')];
  const colour = cls => getComputedStyle(document.querySelector('div.text mark.' + cls)).backgroundColor;
  document.body.setAttribute('data-probe', JSON.stringify({
    text: document.body.innerText,
    title: document.title,
    marks: marks.map(m => [m.className, m.title, m.innerText]),
    bold: document.querySelectorAll('div.text b').length,
    colours: ['sev-error', 'sev-warning', 'sev-info'].map(colour),
    resources: performance.getEntriesByType('resource').length,
    formWidth: document.querySelector('table.form').getBoundingClientRect().width,
  }));
})();
</script>"""


def _run(browser: str, *args: str) -> subprocess.CompletedProcess:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120,
        )


def test_html_sheet_renders_in_chromium(tmp_path):
    browser = _chromium()
    if browser is None:
        pytest.skip("no headless Chromium installed (apt-get install chromium)")
    hello = _run(browser, "--dump-dom", "data:text/html,<p>browser-ok</p>")
    if "browser-ok" not in hello.stdout:
        pytest.skip(f"Chromium is installed but cannot run headless: {hello.stderr.strip()[-300:]}")
    html = html_of()
    page = tmp_path / "sheet.html"
    page.write_text(html, encoding="utf-8")
    probe = tmp_path / "probe.html"
    probe.write_text(html.replace("</body>", _PROBE + "</body>"), encoding="utf-8")
    run = _run(browser, "--dump-dom", probe.as_uri())
    found = re.search(r'data-probe="([^"]*)"', run.stdout)
    assert found, run.stderr[-2000:]
    data = json.loads(unescape(found.group(1)))
    shown = data["text"]
    assert data["title"].startswith("信息发布审批表")
    for words in ("信息发布审批表", "信息标题", "关于2024年度临时救助对象的公示", "修改后公开",
                  "保密审查意见", "分管领导签批", "村长<b>李某</b>"):
        assert words in shown
    for value in PERSONAL_VALUES:
        assert value not in shown and all(value not in m[1] for m in data["marks"])
    assert data["bold"] == 0 and data["resources"] == 0
    assert [m[2] for m in data["marks"]][:2] == ["53**************37", "139****1815"]
    assert all(m[1] for m in data["marks"]) and len(data["marks"]) == 9
    assert data["colours"] == ["rgb(255, 208, 208)", "rgb(255, 233, 168)", "rgb(216, 232, 255)"]
    assert data["formWidth"] > 300
    shot = tmp_path / "sheet.png"
    _run(browser, "--window-size=900,2400", f"--screenshot={shot}", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 20_000
