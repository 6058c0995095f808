"""The reviewers' page and its JSON API, through Starlette's test client:
the guards (token, CSRF, Host, CSP, limits, memory only), what the page and
the API are sent (masked, unreadable files reported), decisions, downloads.
The real server (uvicorn in its own process) is tested at the end."""
from __future__ import annotations

import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import warnings
import zipfile
from urllib.parse import quote

import docx
import pytest
from gen import bank_card, id_number, mobile

warnings.filterwarnings("ignore", message=".*httpx.*")
from starlette.testclient import TestClient  # noqa: E402

from screener.config import Config  # noqa: E402
from screener.web import create_app  # noqa: E402
from screener.web.security import CSP, Guard  # noqa: E402
from screener.web.uploads import Limits  # noqa: E402

ID = id_number("530427", "19780512", "021")
PHONE = mobile("139", seed=11)
CARD = bank_card("622202", 19, seed=5)
DRAFT = (f"关于2024年度临时救助对象的公示\n申请人张某某，身份证号码：{ID}，手机：{PHONE}，"
         f"收款账户：{CARD}。\n监督电话：0877-7012345\n").encode("utf-8")


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("SCREENER_HOME", str(tmp_path / "home"))


def client(show_values=False, limits=None, guard=None):
    guard = guard or Guard(hosts=("testserver",))
    app = create_app(Config(), guard=guard, show_values=show_values, limits=limits)
    c = TestClient(app)
    c.get(f"/?token={guard.token}", follow_redirects=False)  # sets the session cookie
    return c, guard


def post(c, guard, url, **kw):
    return c.post(url, headers={"X-CSRF-Token": guard.csrf}, **kw)


def screen(c, guard, *files):
    r = post(c, guard, "/ui/screen", files=[("file", f) for f in files])
    assert r.status_code == 200, r.text
    return r.json()["files"]


# --- the guards ----------------------------------------------------------------

@pytest.mark.parametrize("method, url", [("GET", "/"), ("GET", "/static/app.js"), ("POST", "/api/screen"),
                                         ("POST", "/ui/screen"), ("POST", "/ui/sheet"), ("POST", "/ui/forget")])
@pytest.mark.parametrize("token", [None, "wrong-token", ""])
def test_every_request_needs_the_session_token(method, url, token):
    guard = Guard(hosts=("testserver",))
    c = TestClient(create_app(guard=guard))
    headers = {"X-Screener-Token": token} if token is not None else {}
    r = c.request(method, url + (f"?token={token}" if token else ""), headers=headers)
    assert r.status_code == 403 and "令牌" in r.json()["error"]
    assert r.headers["content-security-policy"] == CSP


def test_the_printed_address_sets_a_strict_cookie_and_drops_the_token_from_the_url():
    guard = Guard(hosts=("testserver",))
    c = TestClient(create_app(guard=guard))
    r = c.get(f"/?token={guard.token}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    page = c.get("/")
    assert page.status_code == 200 and guard.token not in page.text and guard.csrf in page.text


@pytest.mark.parametrize("headers, allowed", [
    ({}, False),  # the cookie alone: a cross-site form could send it
    ({"X-CSRF-Token": "forged"}, False),
    ({"X-CSRF-Token": "<csrf>"}, True),
    ({"X-CSRF-Token": "<csrf>", "Origin": "http://evil.example"}, False),
    ({"X-CSRF-Token": "<csrf>", "Origin": "http://testserver"}, True),
    ({"X-Screener-Token": "<token>"}, True),  # an API caller: a header no form can set
    ({"Authorization": "Bearer <token>"}, True),
])
def test_csrf_protection_on_every_post(headers, allowed):
    c, guard = client()
    headers = {k: v.replace("<csrf>", guard.csrf).replace("<token>", guard.token) for k, v in headers.items()}
    for url, kw in (("/api/screen", {"files": [("file", ("a.txt", DRAFT))]}), ("/ui/forget", {"json": {}})):
        r = c.post(url, headers=headers, **kw)
        assert (r.status_code == 200) is allowed, (url, r.status_code, r.text)
        if not allowed:
            assert r.status_code == 403


@pytest.mark.parametrize("host, allowed", [
    ("127.0.0.1:8765", True), ("localhost:8765", True), ("[::1]:8765", True),
    ("127.0.0.1:9999", False), ("evil.example:8765", False), ("192.168.1.5:8765", False),
])
def test_only_this_server_on_loopback_is_answered(host, allowed):
    guard = Guard.for_port(8765)
    c = TestClient(create_app(guard=guard), base_url=f"http://{host}")
    r = c.get(f"/?token={guard.token}", follow_redirects=False)
    assert (r.status_code == 303) is allowed


def test_strict_security_headers_on_every_response():
    c, guard = client()
    for r in (c.get("/"), c.get("/static/app.css"), c.get("/static/app.js"),
              post(c, guard, "/ui/screen", files=[("file", ("a.txt", DRAFT))])):
        assert r.headers["content-security-policy"] == CSP
        assert r.headers["x-frame-options"] == "DENY" and r.headers["cache-control"] == "no-store"
        assert r.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in CSP and "default-src 'none'" in CSP and "frame-ancestors 'none'" in CSP


def test_the_page_has_no_inline_script_or_style_and_loads_nothing_from_elsewhere():
    c, _ = client()
    page = c.get("/").text
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", page)
    assert " style=" not in page
    assert not re.search(r"https?://", page)
    assert not re.search(r"\son\w+=", page)
    for asset in ("/static/app.js", "/static/app.css"):
        assert not re.search(r"https?://|@import|//cdn", c.get(asset).text)


@pytest.mark.parametrize("files, status, words", [
    ([("a.txt", b"x")] * 4, 413, "最多上传 3 个文件"),
    ([("big.txt", b"x" * 3000)], 413, "单个文件过大"),
    ([("a.txt", b"x" * 1500), ("b.txt", b"x" * 1500), ("c.txt", b"x" * 1500)], 413, "上传内容过大"),
    ([("a.txt", b"x" * 1000), ("b.txt", b"y" * 1000)], 200, None),
])
def test_upload_size_and_count_limits(files, status, words):
    c, guard = client(limits=Limits(files=3, file_bytes=2000, total_bytes=4000))
    r = post(c, guard, "/api/screen", files=[("file", f) for f in files])
    assert r.status_code == status, r.text
    if words:
        assert words in r.json()["error"]


def test_uploads_are_kept_in_memory_never_in_a_temporary_file(monkeypatch):
    made = []

    def no_temp(*args, **kwargs):
        made.append(args)
        raise AssertionError("an upload went to a temporary file")

    for name in ("TemporaryFile", "NamedTemporaryFile", "mkstemp", "mkdtemp"):
        monkeypatch.setattr(tempfile, name, no_temp)
    c, guard = client()
    big = DRAFT + "普通文字。".encode("utf-8") * 400_000  # 6 MB, over Starlette's 1 MB spool
    r = post(c, guard, "/api/screen", files=[("file", ("big.txt", big))])
    assert r.status_code == 200 and not made
    assert r.json()["files"][0]["summary"]["id-card"] == 1


def test_forgetting_the_session_drops_every_draft():
    c, guard = client()
    drafts = screen(c, guard, ("a.txt", DRAFT))
    assert post(c, guard, "/ui/forget", json={}).json() == {"forgotten": 1}
    r = post(c, guard, "/ui/sheet", json={"file": drafts[0]["id"]})
    assert r.status_code == 404 and "重新上传" in r.json()["error"]


# --- what the page and the API are sent --------------------------------------------

def test_api_returns_the_schema_1_report_masked():
    c, guard = client()
    r = c.post("/api/screen", headers={"X-Screener-Token": guard.token},
               files=[("file", ("公示.txt", DRAFT)), ("file", ("附件.xlsx", b"PK\x03\x04"))])
    report = r.json()
    assert report["schema"] == 1 and [f["path"] for f in report["files"]] == ["公示.txt", "附件.xlsx"]
    assert report["files"][0]["summary"] == {"id-card": 1, "mobile": 1, "bank-card": 1, "landline": 1}
    assert report["files"][1]["error"]  # a damaged spreadsheet: never reported as clean
    for value in (ID, PHONE, CARD):
        assert value not in r.text


def test_api_pasted_text_and_show_values():
    c, guard = client(show_values=True)
    r = c.post("/api/screen", headers={"X-Screener-Token": guard.token},
               files={"text": (None, DRAFT.decode())})  # curl -F text=...
    assert ID in r.text and r.json()["files"][0]["summary"]["id-card"] == 1


@pytest.mark.parametrize("name, data, readable, words", [
    ("附件.pptx", b"PK\x03\x04", False, "演示文稿暂不支持"),
    ("附件.xlsx", b"PK\x03\x04", False, ""),
    ("扫描件.pdf", b"%PDF-1.4", False, "PDF"),
    ("坏的.docx", b"not a zip at all", False, ""),
    ("图片.png", b"\x89PNG\r\n", False, "图片"),
    ("空.txt", b"", True, None),
])
def test_files_that_could_not_be_read_are_shown_as_such_never_as_clean(name, data, readable, words):
    c, guard = client()
    view = screen(c, guard, (name, data))[0]
    assert view["readable"] is readable
    if not readable:
        assert words in view["error"] and view["findings"] == []  # nothing personal in these names
    else:
        assert view["empty"] is True


@pytest.mark.parametrize("name, data", [
    (f"户主{ID}.xlsx", b"PK\x03\x04"),  # a damaged spreadsheet
    (f"联系{PHONE}.pptx", b"PK\x03\x04"),  # a format screener does not read
], ids=["damaged-xlsx", "pptx"])
def test_an_unreadable_file_still_lists_the_personal_value_in_its_name(name, data):
    """The CLI reports a number in an unreadable file's name (it is published
    under that name); the page lists it too, masked, with the advice to rename."""
    c, guard = client()
    view = screen(c, guard, (name, data))[0]
    assert view["readable"] is False and view["error"]
    assert [f["where"] for f in view["findings"]] == ["文件名第3字"]
    assert "重命名" in view["findings"][0]["suggestion"]
    text = json.dumps(view, ensure_ascii=False)
    assert ID not in text and PHONE not in text


def test_page_view_masks_values_and_cuts_the_draft_at_each_finding():
    c, guard = client()
    view = screen(c, guard, ("公示.txt", DRAFT))[0]
    marks = [p for p in view["pieces"] if "n" in p]
    assert [p["s"] for p in marks] == ["error", "error", "error", "info"]
    assert marks[0]["t"] == ID[:2] + "*" * 14 + ID[-2:]
    assert all(v not in json.dumps(view, ensure_ascii=False) for v in (ID, PHONE, CARD))
    f = view["findings"][0]
    assert f["label"] == "身份证号码" and f["where"].startswith("第2行") and f["why"] and f["suggestion"]


HOSTILE = ('<script>window.pwned=1</script>标题\n'
           '村长" onmouseover="alert(1)" x="<img src=x onerror=alert(2)>，'
           f"身份证号码：{ID}</textarea><b>粗</b>\n")


def test_hostile_draft_text_is_data_never_markup():
    c, guard = client()
    view = screen(c, guard, ("坏.html.txt", HOSTILE.encode()))[0]
    text = "".join(p["t"] for p in view["pieces"])
    assert "<script>window.pwned=1</script>" in text and 'onmouseover="alert(1)"' in text
    page = c.get("/").text
    assert "pwned" not in page  # the page itself never holds draft text
    sheet = post(c, guard, "/ui/sheet", json={"file": view["id"], "format": "html",
                                               "fields": {"unit": '"><script>alert(3)</script>'}}).text
    assert "<script" not in sheet and "<img" not in sheet and 'onmouseover="' not in sheet
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in sheet


# --- decisions and downloads ----------------------------------------------------

def test_a_decision_is_recorded_and_reaches_the_sheet_and_the_review_file():
    c, guard = client()
    draft, attachment = screen(c, guard, ("公示.txt", DRAFT), ("附件.xlsx", b"PK\x03\x04"))
    r = post(c, guard, "/ui/decide", json={"file": draft["id"], "n": 2, "decision": "false-positive",
                                            "reason": "", "reviewer": "王某"})
    assert r.status_code == 400 and "理由" in r.json()["error"]
    r = post(c, guard, "/ui/decide", json={"file": draft["id"], "n": 2, "decision": "false-positive",
                                            "reason": f"单位值班手机 {PHONE}", "reviewer": "王某"})
    decision = r.json()["file"]["findings"][1]["decision"]
    assert decision["label"] == "误报" and decision["reviewer"] == "王某" and PHONE not in decision["reason"]
    sheet = post(c, guard, "/ui/sheet", json={"file": draft["id"], "format": "docx",
                                               "fields": {"approval_no": "审〔2024〕15号", "column": "通知公告"}})
    assert sheet.status_code == 200 and "filename*=UTF-8''" in sheet.headers["content-disposition"]
    doc = docx.Document(io.BytesIO(sheet.content))
    texts = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "审〔2024〕15号" in texts and "通知公告" in texts
    assert "附件.xlsx：未能检查" in texts  # the attachment that could not be checked
    assert "误报：单位值班手机" in texts and "审核人 王某" in texts
    with zipfile.ZipFile(io.BytesIO(sheet.content)) as z:
        xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert all(v not in xml for v in (ID, PHONE, CARD))
    review = post(c, guard, "/ui/review", json={"file": draft["id"]})
    assert review.headers["content-disposition"].endswith(".review.json")
    body = review.content.decode()
    assert all(v not in body and v[-8:] not in body for v in (ID, PHONE, CARD))
    assert json.loads(body)["decisions"][0]["decision"] == "false-positive"


def test_the_redacted_copy_holds_no_personal_number():
    c, guard = client()
    draft = screen(c, guard, ("公示.txt", DRAFT))[0]
    r = post(c, guard, "/ui/redacted", json={"file": draft["id"]})
    copy = r.content.decode("utf-8")
    assert r.status_code == 200 and all(v not in copy for v in (ID, PHONE, CARD))
    assert copy.count("\n") == DRAFT.decode().count("\n") and "0877-7012345" in copy


def test_a_review_file_dropped_with_the_revised_draft_keeps_its_decisions():
    c, guard = client()
    draft = screen(c, guard, ("公示.txt", DRAFT))[0]
    post(c, guard, "/ui/decide", json={"file": draft["id"], "n": 1, "decision": "handled", "reviewer": "王某"})
    saved = post(c, guard, "/ui/review", json={"file": draft["id"]}).content
    revised = "补充说明一段新的文字。\n".encode() + DRAFT
    again = screen(c, guard, ("公示.txt", revised), ("公示.txt.review.json", saved))[0]
    assert again["findings"][0]["decision"]["label"] == "已按要求处理"
    assert again["findings"][1]["decision"] is None


# --- the real server --------------------------------------------------------------

def _serve(*args, env=None):
    return subprocess.Popen([sys.executable, "-m", "screener", "serve", "--no-browser", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_a_remote_address_is_refused_without_allow_remote(host):
    proc = _serve("--host", host)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 2 and "--allow-remote" in err and "Traceback" not in err


def test_serve_prints_a_token_address_on_loopback_and_answers_only_with_it(tmp_path):
    proc = _serve("--port", "0", env={"SCREENER_HOME": str(tmp_path)})
    try:
        deadline = time.monotonic() + 60
        url = None
        while time.monotonic() < deadline and url is None:
            line = proc.stdout.readline()
            m = re.search(r"(http://127\.0\.0\.1:\d+/)\?token=([\w-]+)", line)
            if m:
                url, token = m.groups()
        assert url, proc.stderr.read() if proc.poll() is not None else "no address printed"
        for _ in range(50):
            try:
                with urllib.request.urlopen(f"{url}?token={token}", timeout=5) as r:
                    assert r.status == 200 and "审核工作台" in r.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=5)
        assert refused.value.code == 403
        req = urllib.request.Request(f"{url}api/screen", method="POST", data=b"--x--\r\n",
                                     headers={"Content-Type": "multipart/form-data; boundary=x"})
        with pytest.raises(urllib.error.HTTPError) as no_token:
            urllib.request.urlopen(req, timeout=5)
        assert no_token.value.code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_allow_remote_warns(tmp_path):
    proc = _serve("--host", "0.0.0.0", "--allow-remote", env={"SCREENER_HOME": str(tmp_path)})
    try:
        deadline = time.monotonic() + 60
        err = ""
        while time.monotonic() < deadline and "警告" not in err:
            err += proc.stderr.readline()
        assert "警告" in err and "其他电脑" in err
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.parametrize("stop", ["SIGINT", "SIGTERM"])
def test_ctrl_c_stops_the_server_and_says_the_drafts_are_gone(tmp_path, stop):
    proc = _serve(env={"SCREENER_HOME": str(tmp_path)})
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and "token=" not in proc.stdout.readline():
            pass
        time.sleep(0.5)
        proc.send_signal(getattr(signal, stop))
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and "已停止" in out and "Traceback" not in err


def test_a_number_in_a_file_name_is_masked_on_the_page_and_in_download_names():
    c, guard = client()
    name = f"户主{ID}.txt"
    view = screen(c, guard, (name, DRAFT))[0]
    assert ID not in view["name"]
    for url in ("/ui/sheet", "/ui/redacted", "/ui/review"):
        r = post(c, guard, url, json={"file": view["id"], "format": "html"})
        assert r.status_code == 200 and ID not in r.headers["content-disposition"]
        assert quote(ID) not in r.headers["content-disposition"]


def test_a_json_request_is_read_no_further_than_its_limit():
    c, guard = client()
    r = c.post("/ui/decide", content=b'{"file": "' + b"x" * 200_000 + b'"}',
               headers={"X-CSRF-Token": guard.csrf, "Content-Type": "application/json"})
    assert r.status_code == 413 and "过大" in r.json()["error"]


def test_a_draft_with_a_secrecy_marking_is_flagged_on_the_page_and_its_sheet_has_no_text():
    c, guard = client()
    marked = "机密★5年\n关于某项工作的请示\n请示正文一段。\n".encode("utf-8")
    view = screen(c, guard, ("请示.txt", marked))[0]
    assert "线下定密／保密审查" in view["classified"]
    sheet = post(c, guard, "/ui/sheet", json={"file": view["id"], "format": "html"}).text
    assert "线下定密／保密审查" in sheet and "请示正文" not in sheet and "关于某项工作" not in sheet
    assert screen(c, guard, ("公示.txt", DRAFT))[0]["classified"] is None


def test_a_word_overlapping_a_number_is_one_highlight_with_the_number_masked():
    """XH401's pattern spans 香港澳门…等国家 and the mobile inside it: both are
    findings; the page marks the stretch once, the number in its own mask."""
    mobile = "15114177763"
    c, guard = client()
    view = screen(c, guard, ("稿.txt", f"户主张三手机：香港澳门{mobile}等国家\n".encode()))[0]
    codes = [f["code"] for f in view["findings"]]
    assert "MB201" in codes and any(code.startswith("XH") for code in codes)
    marks = [p for p in view["pieces"] if "n" in p]
    assert len(marks) == 1 and "151****7763" in marks[0]["t"] and marks[0]["t"].startswith("香港")
    assert "".join(p["t"] for p in view["pieces"]).endswith("等国家\n")
    assert mobile not in json.dumps(view, ensure_ascii=False)
