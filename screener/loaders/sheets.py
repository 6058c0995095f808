"""Spreadsheets of every kind an office posts, dispatched by content, not name.

The extension is only a hint: government systems export "xls" files that
are really web pages or CSV text, WPS saves .et files either as OLE (BIFF,
like .xls) or as OOXML (like .xlsx), and people rename files.  So the first
bytes decide:

- ``PK`` (a zip): an .ods if the package says so, otherwise OOXML (.xlsx);
- the OLE signature: BIFF (.xls, .et) read by xlrd, unless the OLE file is an
  encrypted OOXML package or a Word document;
- ``<`` after optional whitespace: an HTML (or SpreadsheetML 2003) table,
  read as a web page;
- anything else: CSV/TSV text.
"""
from __future__ import annotations

import io
from pathlib import Path

import olefile

from ..document import Document
from ..errors import InputError
from .csv_sheet import load_csv
from .html import load_html

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_WORD = "WordDocument".encode("utf-16-le")
_ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
_WORKBOOK_STREAMS = {"workbook", "book"}


def sniff(data: bytes) -> str:
    """"xlsx", "ods", "xls", "html" or "csv": what ``data`` really is."""
    if data.startswith(b"PK"):
        head = data[:200]
        return "ods" if _ODS_MIME in head or b"mimetypeapplication/vnd.oasis.opendocument" in head else "xlsx"
    if data.startswith(OLE_MAGIC):
        return "xls"
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] == b"<" or stripped[:2] in (b"\xff\xfe", b"\xfe\xff") and b"<\x00" in stripped[:8]:
        return "html"
    return "csv"


def _root_streams(data: bytes) -> set[str] | None:
    """The lower-cased names at the root of an OLE file (None when olefile
    cannot read its directory): a Word document embedded in a workbook sits
    in a storage of its own and must not make the workbook "a Word file"."""
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return {entry[0].lower() for entry in ole.listdir(streams=True, storages=True)}
    except Exception:  # a damaged container: xlrd gives the clear message
        return None


def load_sheet(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """Any spreadsheet format, by its content."""
    name = str(path)
    if not data:
        raise InputError(name, "文件为空（0 字节），不是有效的表格")
    kind = sniff(data)
    if kind == "xls":
        root = _root_streams(data)
        if _ENCRYPTED in data and (root is None or "encryptedpackage" in root):
            raise InputError(name, "表格设有打开密码（已加密），无法检查；请去除密码后再检查")
        if _WORD in data and (root is None or ("worddocument" in root and not root & _WORKBOOK_STREAMS)):
            raise InputError(name, "实际是 Word 文档（.doc），只是扩展名是表格；请另存为 .docx 后再检查")
        from .xls import load_xls  # xlrd: imported only for a BIFF file

        return load_xls(path, data, encoding)
    if kind == "xlsx":
        from .xlsx import load_xlsx  # openpyxl: imported only for an OOXML workbook

        return load_xlsx(path, data, encoding)
    if kind == "ods":
        from .ods import load_ods

        return load_ods(path, data, encoding)
    if kind == "html":
        return load_html(path, data, encoding)
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, "不是有效的表格文件（内容既不是 Excel、ODS，也不是 CSV 文本），无法读取")
    return load_csv(path, data, encoding)
