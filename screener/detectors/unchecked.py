"""Content a loader could not check: scanned pages, pictures, embedded files.

Nothing unread passes: a PDF or OFD page that has no text layer (a scan) is
a warning naming the pages a person must check by eye, because an ID number
in a scanned 花名册 leaks as surely as typed text.  Pictures beside text on a
page are a note (提示): office PDFs carry seals and logos on most pages.
Embedded attachments and objects are a warning.  The loader (loaders/paged.py)
writes a short note into the text for each and records its span in
``Document.unread``; this module turns those spans into findings, reading
only the Document (no detector imports a loader).
"""
from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..model import Explanation, Finding, Severity
from .base import Rule, make_finding

# Content that could not be checked (also what the .docx package checks report):
# never personal itself; listed on a sheet only where some was found.
UNCHECKED = Kind("unchecked", "未能检查的内容", personal=False, rank=0, applies_to=lambda text: False)
KINDS = (UNCHECKED,)
KIND = UNCHECKED

_SOURCE = "《政府信息公开条例》第十五条（不得公开个人隐私）"
RULE_SCAN = Rule(
    "UC701", "unchecked-scan", UNCHECKED, Severity.WARNING, "页面没有文字层（扫描件）",
    doc="检测内容：PDF 或 OFD 中没有文字、只有图片的页面（扫描件、拍照件），以及没有文字、却画有大量图形的页面（文字已转为曲线）。\n"
    "风险说明：图片中的身份证号、手机号无法自动检查，但公开后同样泄露；未检查的页面不能算作“未发现问题”。\n"
    "示例：扫描的低保花名册 PDF，第1至3页只有图片。\n"
    "建议写法：逐页人工核对；最好检查其文字源文件（.docx 等），或用 OCR 转出文字后再检查。",
    source=_SOURCE,
)
RULE_EMBEDDED = Rule(
    "UC702", "unchecked-embedded", UNCHECKED, Severity.WARNING, "嵌入的附件或对象未检查",
    doc="检测内容：PDF、OFD 内嵌的附件，旧版 Word（.doc、.wps）中的图片和嵌入对象。\n"
    "风险说明：附件、图片和对象中的内容没有检查，可能含有个人信息。\n"
    "示例：PDF 内嵌一个 .xlsx 花名册。\n"
    "建议写法：取出附件或对象单独检查，或删除后再发布。",
    source=_SOURCE,
)
RULE_PICTURE = Rule(
    "UC703", "unchecked-picture", UNCHECKED, Severity.INFO, "页面上另有图片",
    doc="检测内容：PDF、OFD 中既有文字、又有图片的页面；文字已检查，图片中的文字未检查。\n"
    "风险说明：多为公章、标志，也可能是粘贴进来的表格截图。\n"
    "示例：第2页有公章图片。\n"
    "建议写法：看一眼这些页面上的图片，确认其中没有个人信息。",
    source=_SOURCE,
)
RULES = (RULE_SCAN, RULE_EMBEDDED, RULE_PICTURE)
_BY_WHAT = {"scan": RULE_SCAN, "embedded": RULE_EMBEDDED, "picture": RULE_PICTURE}
_MESSAGES = {
    "scan": "{where}没有文字层（扫描件或图片），内容未能检查",
    "embedded": "{where}中的内容未能检查",
    "picture": "{where}上的图片未检查",
}
_WHY = {
    "scan": "页面上只有图片、没有可提取的文字，请逐页人工核对",
    "embedded": "嵌入的附件、图片或对象不在检查范围内，请单独检查",
    "picture": "页面文字已检查，图片中的文字无法自动检查",
}


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    for item in doc.unread:
        rule = _BY_WHAT[item.what]
        yield make_finding(
            doc, rule, item.start, item.end,
            message=_MESSAGES[item.what].format(where=item.where),
            suggestion=rule.doc.rsplit("建议写法：", 1)[-1],
            explanation=Explanation(rule=f"{rule.title}（{doc.source_format}）", context=_WHY[item.what]),
        )
