"""The reviewers' page in a real browser: headless Chromium driven by
Selenium with Debian's chromium-driver (no browser is downloaded).

A reviewer's round: open the printed address, choose the bundled example and
an Excel attachment, see every finding highlighted and the attachment shown
as not checked, mark one finding 误报 with a reason, fill the sheet's fields,
download the sheet and the redacted copy, and check both.  A second test
uploads a hostile draft and checks no script ran and no markup was made.
Skipped, saying why, where Chromium, its driver or Selenium is missing.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import docx
import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="Selenium not installed (pip install '.[test]')")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

import uvicorn  # noqa: E402

from screener.config import Config  # noqa: E402
from screener.web import create_app  # noqa: E402
from screener.web.security import Guard  # noqa: E402
from screener.web.server import address  # noqa: E402

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "draft.txt"
EXAMPLE_ID = "530427196203150416"  # the example's generated ID number


def _which(*names: str) -> str | None:
    for name in names:
        if path := shutil.which(name):
            return path
    return None


CHROMIUM = _which("chromium", "chromium-browser", "google-chrome")
DRIVER = _which("chromedriver", "chromium-driver")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="no headless Chromium and chromium-driver (apt-get install chromium chromium-driver)")


@pytest.fixture
def server(tmp_path, monkeypatch):
    """The page served by uvicorn on a free loopback port, in this process."""
    monkeypatch.setenv("SCREENER_HOME", str(tmp_path / "home"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    port = sock.getsockname()[1]
    guard = Guard.for_port(port)
    app = create_app(Config(), guard=guard)
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    yield address("127.0.0.1", port, guard.token)
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture
def browser(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", f"--user-data-dir={tmp_path / 'profile'}",
                "--disable-background-networking", "--disable-component-update", "--no-first-run"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    try:
        driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    except Exception as exc:  # a driver that does not match the browser, no display libraries …
        pytest.skip(f"Chromium could not be started by chromium-driver: {str(exc).splitlines()[0][:200]}")
    driver.downloads = downloads
    yield driver
    driver.quit()


def _wait(driver, seconds=60):
    return WebDriverWait(driver, seconds)


def _downloaded(folder: Path, suffix: str, seconds: float = 30) -> Path:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.name.endswith(suffix)]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError(f"no {suffix} downloaded: {[p.name for p in folder.iterdir()]}")


def _upload(driver, *paths: Path) -> None:
    driver.find_element(By.ID, "files").send_keys("\n".join(str(p) for p in paths))
    driver.find_element(By.ID, "go").click()
    _wait(driver).until(lambda d: "检查完成" in d.find_element(By.ID, "status").text
                        or d.find_element(By.ID, "status").get_attribute("class") == "error")


def test_a_reviewers_round_in_chromium(server, browser, tmp_path):
    attachment = tmp_path / "附件-名单.xlsx"
    attachment.write_bytes(b"PK\x03\x04 not read by screener")
    browser.get(server)
    assert browser.current_url.endswith("/") and "token=" not in browser.current_url
    assert "审核工作台" in browser.title
    browser.find_element(By.ID, "reviewer").send_keys("王某")
    _upload(browser, EXAMPLE, attachment)
    status = browser.find_element(By.ID, "status").text
    assert "2 个文件" in status and "1 个未能读取" in status
    files = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#filelist button.file")]
    assert any("附件-名单.xlsx" in t and "未能读取，未检查" in t for t in files)

    marks = browser.find_elements(By.CSS_SELECTOR, "#draft span.m")
    items = browser.find_elements(By.CSS_SELECTOR, "#findings > li")
    assert len(marks) == len(items) == 7
    classes = [m.get_attribute("class") for m in marks]
    assert classes.count("m sev-error") == 4 and classes.count("m sev-info") == 2
    colours = {m.get_attribute("class"): m.value_of_css_property("background-color") for m in marks}
    assert colours["m sev-error"] == "rgba(255, 208, 208, 1)"
    draft_text = browser.find_element(By.ID, "draft").text
    assert EXAMPLE_ID not in draft_text and "53**************16" in draft_text
    assert "原因：" in items[0].text and "建议：" in items[0].text and "第6行" in items[0].text

    items[2].find_element(By.CSS_SELECTOR, ".head").click()  # clicking a finding scrolls to it
    _wait(browser, 5).until(lambda d: "flash" in d.find_element(By.ID, "m3").get_attribute("class"))

    first = items[0]
    first.find_element(By.CSS_SELECTOR, "input[value='false-positive']").click()
    first.find_element(By.TAG_NAME, "button").click()
    assert "须填写理由" in first.find_element(By.CSS_SELECTOR, ".saved").text
    first.find_element(By.CSS_SELECTOR, "input.reason").send_keys("示例稿件中的生成号码，非真实个人")
    first.find_element(By.TAG_NAME, "button").click()
    _wait(browser, 20).until(EC.text_to_be_present_in_element((By.CSS_SELECTOR, "#f1 .saved"), "已记录：误报"))
    assert "审核人：王某" in browser.find_element(By.CSS_SELECTOR, "#f1 .saved").text

    form = browser.find_element(By.ID, "sheet-form")
    form.find_element(By.NAME, "approval_no").send_keys("审〔2024〕15号")
    form.find_element(By.NAME, "column").send_keys("通知公告")
    browser.find_element(By.CSS_SELECTOR, "button[data-download='docx']").click()
    sheet = _downloaded(browser.downloads, "审批表.docx")
    browser.find_element(By.CSS_SELECTOR, "button[data-download='redacted']").click()
    redacted = _downloaded(browser.downloads, "脱敏.txt")
    if shot := os.environ.get("SCREENER_SCREENSHOT"):  # for a person to look at; never committed
        browser.execute_script("window.scrollTo(0, 0)")
        browser.set_window_size(1400, 1300)
        browser.save_screenshot(shot)

    doc = docx.Document(io.BytesIO(sheet.read_bytes()))
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "审〔2024〕15号" in cells and "通知公告" in cells
    assert "误报：示例稿件中的生成号码，非真实个人（审核人 王某）" in cells
    assert re.search(r"附件-名单\.xlsx：未能检查", cells)
    assert EXAMPLE_ID not in cells
    copy = redacted.read_text(encoding="utf-8")
    assert EXAMPLE_ID not in copy and "53**************16" in copy
    assert len(copy.splitlines()) == len(EXAMPLE.read_text(encoding="utf-8").splitlines())


def test_a_hostile_draft_stays_text_in_chromium(server, browser, tmp_path):
    hostile = tmp_path / "恶意.txt"
    hostile.write_text('<script>window.pwned=1</script>标题\n'
                       '<img src=x onerror="window.pwned=2"> 村长" onmouseover="window.pwned=3" x="\n'
                       "</div><b>粗体</b>\n", encoding="utf-8")
    browser.get(server)
    _upload(browser, hostile)
    text = browser.find_element(By.ID, "draft").text
    assert "<script>window.pwned=1</script>" in text and '<img src=x onerror="window.pwned=2">' in text
    mark = browser.find_element(By.CSS_SELECTOR, "#draft span.m")  # 村长: a highlighted term
    webdriver.ActionChains(browser).move_to_element(mark).perform()
    assert browser.execute_script("return window.pwned === undefined")
    assert browser.find_elements(By.CSS_SELECTOR, "#draft img, #draft script, #draft b") == []


def test_an_unreadable_file_shows_the_number_in_its_name_in_chromium(server, browser, tmp_path):
    """A damaged spreadsheet named after a person: shown as not checked, and
    the ID in its name listed (masked, advice to rename, no decision to make)."""
    named = tmp_path / f"户主{EXAMPLE_ID}.xlsx"
    named.write_bytes(b"PK\x03\x04 damaged")
    browser.get(server)
    _upload(browser, named)
    browser.find_element(By.CSS_SELECTOR, "#filelist button.file").click()
    draft = browser.find_element(By.ID, "draft").text
    assert "未能读取，没有经过检查，不能视为无问题" in draft
    items = browser.find_elements(By.CSS_SELECTOR, "#findings > li")
    assert len(items) == 1 and "文件名" in items[0].text and "重命名" in items[0].text
    assert items[0].find_elements(By.CSS_SELECTOR, ".decide") == []
    assert "文件名中 1 处" in browser.find_element(By.ID, "count").text
    if shot := os.environ.get("SCREENER_SCREENSHOT_UNREAD"):  # for a person to look at; never committed
        browser.save_screenshot(shot)
    assert EXAMPLE_ID not in browser.page_source
