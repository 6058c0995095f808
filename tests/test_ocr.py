"""OCR with the extra installed (issue 19): a scanned 公示 — a JPG, a PNG,
an image-only PDF made from it, and a .docx with it pasted in — gets its ID,
phone and bank-card numbers found, validated and located, with the engine's
confidence; misread check digits are shown as 疑似; nothing is fetched from
the network; the recognised text is written only with --ocr-text.  Without
OCR (``--no-ocr``, or the engine made unimportable in a fresh process) the
same files are reported as unchecked, exactly as before the extra existed.

Each test picture is recognised once (a module-scoped fixture): OCR costs
seconds a page on a shared CPU.
"""
from __future__ import annotations

import glob
import io
import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from docx_factory import build_docx, para, picture
from gen import bank_card, id_number, mobile
from harness import run_cli

Image = pytest.importorskip("PIL.Image", reason="Pillow comes with the ocr extra")
ImageDraw = pytest.importorskip("PIL.ImageDraw")
ImageFont = pytest.importorskip("PIL.ImageFont")

ID = id_number("530427", "19850312", "123")
MOBILE = mobile("139", seed=7)
BAD_ID = ID[:-1] + next(c for c in "0123456789" if c != ID[-1])  # a misread check digit
CARD = bank_card("622202", 19, seed=3)
BAD_CARD = CARD[:-1] + str((int(CARD[-1]) + 1) % 10)  # fails Luhn
LINES = [
    "平掌乡2026年城乡最低生活保障对象公示",
    f"1. 李建国，男，身份证号：{ID}，联系电话：{MOBILE}",
    f"2. 王桂芬，女，62岁，{BAD_ID}",
    f"3. 张小明，银行卡号：{BAD_CARD}",
    "公示期间如有异议，请拨打监督电话：0877-7012345",
]


def _font_path() -> str | None:
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK SC"], capture_output=True, text=True,
                             timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    if out.lower().endswith((".ttc", ".otf", ".ttf")) and "cjk" in out.lower():
        return out
    found = sorted(glob.glob("/usr/share/fonts/**/*CJK*", recursive=True))
    return found[0] if found else None


def _notice_image() -> bytes:
    path = _font_path()
    if path is None:
        pytest.skip("no CJK font on this machine (apt-get install fonts-noto-cjk)")
    font = ImageFont.truetype(path, 30, index=2 if path.endswith(".ttc") else 0)
    image = Image.new("RGB", (1300, 80 * len(LINES) + 80), "white")
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(LINES):
        draw.text((50, 50 + 80 * i), line, fill=(20, 20, 20), font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _converted(png: bytes, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    Image.open(io.BytesIO(png)).convert("RGB").save(out, fmt, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def scans(tmp_path_factory):
    """(files, reports, attempted connections, --ocr-text folder): each file screened once, the
    engine made anew, with every socket connection refused and recorded."""
    pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed (pip install '.[ocr]')")
    from screener import Config, screen_file
    from screener.ocr import engine

    folder = tmp_path_factory.mktemp("scans")
    png = _notice_image()
    files = {
        "png": folder / "公示.png",
        "jpg": folder / "公示扫描件.jpg",
        "pdf": folder / "公示扫描件.pdf",
        "docx": folder / "附件.docx",
    }
    files["png"].write_bytes(png)
    files["jpg"].write_bytes(_converted(png, "JPEG", quality=80))
    files["pdf"].write_bytes(_converted(png, "PDF", resolution=150))
    build_docx(files["docx"], blocks=["附件：公示扫描件如下。", para(picture("rIdImg1"))], images={"rIdImg1": png})
    text_dir = folder / "识别文字"
    attempts: list[object] = []

    def refuse(self, address, *args):
        attempts.append(address)
        raise OSError("network blocked by the test")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", refuse)
        mp.setattr(socket.socket, "connect_ex", refuse)
        mp.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
        engine._ENGINE.clear()  # the models are loaded under the block too
        reports = {kind: screen_file(path, config=Config(ocr_text=text_dir if kind == "png" else None))
                   for kind, path in files.items()}
    return files, reports, attempts, text_dir


WHERE = {"png": "图片 公示.png", "jpg": "图片 公示扫描件.jpg", "pdf": "第1页 图片", "docx": "图片 rIdImg1.png"}


@pytest.mark.parametrize("kind", list(WHERE))
@pytest.mark.parametrize("code, value, severity, line", [
    ("ID101", ID, "error", 2),  # valid check digit: confirmed
    ("MB201", MOBILE, "error", 2),  # in 李建国's record
    ("OC902", BAD_ID, "warning", 3),  # check digit fails on OCR text: 疑似
    ("OC903", BAD_CARD, "warning", 4),  # Luhn fails after 银行卡号: 疑似
])
def test_a_scanned_notice_is_read_validated_and_located(scans, kind, code, value, severity, line):
    _, reports, _, _ = scans
    found = [f for f in reports[kind].findings if f.code == code]
    assert len(found) == 1, [(f.code, f.location) for f in reports[kind].findings]
    f = found[0]
    assert f.text == value and f.severity.label == severity
    assert f.location.startswith(f"{WHERE[kind]} 第{line}行，识别置信度 ")
    assert "置信度" in f.explanation.full() and WHERE[kind] in f.explanation.full()
    if code.startswith("OC"):
        assert f.message.startswith("疑似") and "请对照原图核对" in f.message


@pytest.mark.parametrize("kind", list(WHERE))
def test_the_office_line_is_not_an_alarm_and_no_full_number_is_shown(scans, kind):
    from screener.render.json_out import render_json

    _, reports, _, _ = scans
    report = reports[kind]
    office = [f for f in report.findings if f.code.startswith("PH")]
    assert office and all(f.severity.label == "info" for f in office)
    assert not [f for f in report.findings if f.code in ("UC701", "DX802", "OC901")]  # read, and read well
    out = render_json(report)
    assert all(v not in out for v in (ID, MOBILE, BAD_ID, BAD_CARD))
    assert report.exit_code() == 1


def test_nothing_is_fetched_from_the_network(scans):
    _, reports, attempts, _ = scans
    assert attempts == [] and all(r.findings for r in reports.values())


def test_recognised_text_is_written_only_when_asked(scans):
    files, _, _, text_dir = scans
    written = sorted(p.name for p in text_dir.iterdir())
    assert written == ["公示.png.ocr.txt"]  # only the file screened with ocr_text
    text = (text_dir / "公示.png.ocr.txt").read_text(encoding="utf-8")
    assert text.startswith("【图片 公示.png】\n") and ID in text and "置信度" in text
    assert sorted(p.name for p in files["png"].parent.iterdir()) == sorted(
        [p.name for p in files.values()] + ["识别文字"])


@pytest.mark.parametrize("kind, code, says", [
    ("jpg", 2, "图片中的文字无法检查"),
    ("png", 2, "图片中的文字无法检查"),
    ("pdf", 1, "UC701"),
    ("docx", 1, "DX802"),
])
def test_with_ocr_off_the_same_files_are_unchecked_as_before(scans, kind, code, says):
    files, _, _, _ = scans
    result = run_cli([files[kind], "--no-ocr", "--format", "json"])
    assert result.code == code
    assert says in result.out + result.err
    assert "id-card" not in result.out and ID not in result.out + result.err


_BLOCKED = ("import sys; sys.modules['rapidocr_onnxruntime'] = None; "
            "from screener.cli import main; sys.exit(main(sys.argv[1:]))")


@pytest.mark.parametrize("kind, code, says", [
    ("jpg", 2, "未安装 OCR 组件"),
    ("pdf", 1, "UC701"),
])
def test_without_the_extra_a_fresh_process_reports_them_unchecked(scans, kind, code, says):
    files, _, _, _ = scans
    proc = subprocess.run([sys.executable, "-c", _BLOCKED, str(files[kind]), "--format", "json"],
                          capture_output=True, timeout=120)
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    assert proc.returncode == code, err
    assert says in out + err and "Traceback" not in err
    if kind == "pdf":
        assert [f["code"] for f in json.loads(out)["files"][0]["findings"]] == ["UC701"]


def test_the_page_screens_an_uploaded_scan(scans):
    from screener import screen_bytes

    files, reports, _, _ = scans
    data = files["png"].read_bytes()
    # the page uses screen_bytes; the same recognised text and findings as the file on disk
    report = screen_bytes(data, "C:\\上传\\公示.png")
    assert [(f.code, f.text) for f in report.findings] == [(f.code, f.text) for f in reports["png"].findings]


def test_bytes_that_are_not_the_picture_their_name_says_are_one_line():
    pytest.importorskip("rapidocr_onnxruntime", reason="the ocr extra is not installed")
    from screener import InputError, screen_bytes

    with pytest.raises(InputError) as err:
        screen_bytes(b"%PDF-1.4 not a picture", "公示.jpg")
    assert "不是 图片 文件，实际是PDF 文件" in err.value.problem


def test_a_redacted_copy_is_refused_when_a_number_is_in_a_picture(scans, tmp_path):
    from screener import OutputError, redact_file

    files, reports, _, _ = scans
    with pytest.raises(OutputError) as err:
        redact_file(files["docx"], tmp_path / "脱敏.docx", reports["docx"].files[0])
    assert "图片 rIdImg1.png" in str(err.value) and "副本无法修改图片" in str(err.value)
    assert not (tmp_path / "脱敏.docx").exists() and ID not in str(err.value)
