"""Pictures inside a spreadsheet cannot be read, so they are reported (issue
15 point 6: "the same for pictures inside spreadsheets"): a scanned 花名册
pasted into a sheet never passes as clean."""
from __future__ import annotations

import io
import zipfile

import sheet_factory as sf
from harness import run_cli
from screener import screen_bytes

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _with_members(data: bytes, members: dict[str, bytes]) -> bytes:
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as zf:
        for name, body in members.items():
            zf.writestr(name, body)
    return out.getvalue()


def test_a_picture_in_a_workbook_is_a_warning_naming_it():
    data = _with_members(sf.roster_xlsx(), {"xl/media/image1.png": PNG, "xl/embeddings/oleObject1.bin": b"x"})
    found = [f for f in screen_bytes(data, "花名册.xlsx").findings if f.code == "DX802"]
    assert len(found) == 1 and found[0].severity.label == "warning"
    assert "图片1" in found[0].message and "嵌入对象1" in found[0].message


def test_a_workbook_without_pictures_gets_no_picture_warning():
    assert not [f for f in screen_bytes(sf.roster_xlsx(), "花名册.xlsx").findings if f.code == "DX802"]


def test_a_clean_workbook_with_a_picture_does_not_pass(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["通知", "会议改期"])
    buf = io.BytesIO()
    wb.save(buf)
    path = tmp_path / "附件.xlsx"
    path.write_bytes(_with_members(buf.getvalue(), {"xl/media/image1.jpeg": b"\xff\xd8\xff"}))
    result = run_cli([path])
    assert result.code == 1 and "图片中的文字无法检查" in result.out, result
