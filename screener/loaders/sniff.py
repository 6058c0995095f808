"""What a file really is, from its first bytes, whatever its extension says.

Offices rename files: a .doc saved by "另存为网页" is HTML, a .doc from some
systems is RTF, a .wps from a new WPS is a .docx, a PDF named .ofd.  Loaders
for binary formats ask here first, so the content decides how a file is read,
and a file that is not what its name says gets a message naming what it is.
"""
from __future__ import annotations

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_NAMES = {
    "empty": "空文件（0 字节）",
    "pdf": "PDF 文件",
    "ole": "旧版 Office 文件（OLE 复合文档，如 .doc、.xls、.wps）",
    "zip": "zip 压缩包（如 .docx、.xlsx、.ofd）",
    "rtf": "RTF 文件",
    "html": "网页（HTML）文件",
    "xml": "XML 文件",
    "image": "图片",
    "other": "无法识别的文件",
}


def kind(data: bytes) -> str:
    """One of the keys of ``_NAMES`` for the bytes ``data``."""
    if not data:
        return "empty"
    head = data[:1024]
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if b"%PDF-" in head:
        return "pdf"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{\\rtf"):
        return "rtf"
    if text.startswith((b"<!doctype html", b"<html")) or b"<html" in text[:512]:
        return "html"
    if text.startswith(b"<?xml"):
        return "html" if b"<html" in text else "xml"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    return "other"


def wrong_format(data: bytes, expected: str) -> str:
    """The message for a file that should be ``expected`` (PDF, OFD …) but is not."""
    found = kind(data)
    if found == "empty":
        return f"文件为空（0 字节），不是有效的 {expected} 文件"
    if found == "other":
        return f"不是有效的 {expected} 文件（文件已损坏或格式无法识别）"
    return f"不是 {expected} 文件，实际是{_NAMES[found]}，请改回正确的扩展名后再检查"
