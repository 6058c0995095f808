"""The document properties of an OLE file (.doc, .wps, .xls, .et).

SummaryInformation (title, subject, author, keywords, comments, last saved
by) and DocumentSummaryInformation (company, manager, category) travel with
the file and show in 文件 › 属性, so they are screened like its text.  Read
through olefile's property-set parser (OleFileIO.get_metadata).
"""
from __future__ import annotations

import olefile

_PROPERTIES = (("title", "标题"), ("subject", "主题"), ("author", "作者"), ("keywords", "关键词"),
               ("comments", "备注"), ("last_saved_by", "最后保存者"))
_DOC_PROPERTIES = (("company", "单位"), ("manager", "经理"), ("category", "类别"))


def ole_properties(ole: olefile.OleFileIO) -> list[tuple[str, str]] | None:
    """The summary properties, or None when their streams are damaged (the
    text already read is still screened; the properties are reported unread)."""
    try:
        meta = ole.get_metadata()
    except Exception:  # olefile's property-set parser raises many kinds on damage
        return None
    items = []
    for attr, zh in _PROPERTIES + _DOC_PROPERTIES:
        value = getattr(meta, attr, None)
        if isinstance(value, bytes):  # each property set names its own code page
            codepage = getattr(meta, "codepage_doc" if (attr, zh) in _DOC_PROPERTIES else "codepage", None)
            value = _decode_property(value, codepage or getattr(meta, "codepage", None))
        if isinstance(value, str):
            items.append((zh, value))
    return items


_CODEPAGES = {936: "gb18030", 54936: "gb18030", 65001: "utf-8", 1252: "cp1252", 950: "big5", 1200: "utf-16-le"}


def _decode_property(value: bytes, codepage: int | None) -> str:
    """olefile returns 8-bit property strings as bytes, in the property set's
    code page (936, GBK, for Chinese Word and WPS)."""
    value = value.rstrip(b"\x00")
    for codec in (_CODEPAGES.get(codepage or 0, "gb18030"), "gb18030"):
        try:
            return value.decode(codec)
        except UnicodeDecodeError:
            continue
    return value.decode("latin-1")

