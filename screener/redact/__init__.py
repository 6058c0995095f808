"""The redacted copy: the draft with its personal numbers masked, nothing else changed.

Only the characters of each personal number change (to the masks of
masking.py); line endings, a byte-order mark and the file's encoding (UTF-8,
GBK/GB18030, UTF-16) are kept byte for byte, so the copy can replace the
draft in the publishing workflow.  A .docx is redacted inside its runs, keeping
its formatting (redact/docx.py).  Numbers the detectors judged to be an
office's published contact (提示 level: a 监督电话 the public needs) stay as
they are unless the caller asks for them too.
"""
from __future__ import annotations

import codecs
import os
from collections.abc import Iterable
from pathlib import Path

from ..atomic import write_atomic
from ..config import digits_key
from ..detectors import kind
from ..errors import OutputError
from ..loaders.archive import SEP as ARCHIVE_SEP
from ..loaders.paged import PagedDocument
from ..masking import mask_digits
from ..model import FileReport, Finding, Report, Severity
from ..paths import is_stdin
from ..privacy import mask

# PDF, OFD, .doc and .wps: their text is extracted from a layout or binary
# format, and a faithful in-place masking is out of reach; a copy that looked
# redacted but kept a number in a font subset, a content stream or a piece
# table would be worse than none.  What the user must do instead:
_CORRECT_SOURCE = {
    "PDF": "请在其源文件（.docx 等）中按检查结果修改后重新导出 PDF",
    "OFD": "请在其源文件（.docx 等）中按检查结果修改后重新生成 OFD",
    "Word 97-2003": "请在 Word 或 WPS 中按检查结果修改原文件，或另存为 .docx 后再用 --redact 生成脱敏副本",
    "WPS": "请在 WPS 中按检查结果修改原文件，或另存为 .docx 后再用 --redact 生成脱敏副本",
}


def check_target_format(source: "str | os.PathLike", target: "str | os.PathLike") -> None:
    """Refuse a redacted copy whose extension differs from the draft's: the
    copy has the draft's format, and a name that says otherwise misleads
    whoever opens or publishes it."""
    have, want = Path(target).suffix.lower(), Path(source).suffix.lower()
    if have != want:
        raise OutputError(f"{target}：脱敏副本的格式与稿件相同，扩展名须一致（稿件为 {want or '无扩展名'}，"
                          f"输出为 {have or '无扩展名'}），请改用 {want or '无扩展名的文件名'}")


def _targets(findings: Iterable[Finding], min_severity: Severity) -> list[Finding]:
    """The personal findings to mask: those at or above ``min_severity``, and
    every other copy of the same value (a number judged a person's where it
    also stands as a 监督电话 is masked in both places).  A value in the
    file's name has no span in the text: the copy's name is masked instead
    (outputs.py), and a .docx's parts are scrubbed of it (_name_copies)."""
    personal = [f for f in findings if f.personal and not f.in_file_name]
    judged = {_value_key(f) for f in personal if f.severity >= min_severity}
    return sorted((f for f in personal if f.severity >= min_severity or _value_key(f) in judged),
                  key=lambda f: (f.start, -f.end))


def _value_key(f: Finding) -> tuple[str, str]:
    """The same value however it is written: a number's digits, an address's text."""
    declared = kind(f.kind)
    by_digits = declared is not None and declared.allow_by == "digits"
    return f.kind, digits_key(f.text) if by_digits else f.text.lower()


def _masked(f: Finding, style: str | None) -> str:
    masked = mask(f.kind, f.text, style) if style else f.masked
    return masked if masked and masked != f.text else mask(f.kind, f.text)


def redact_text(text: str, findings: "Iterable[Finding] | Report | FileReport", *,
                style: str | None = None,
                min_severity: Severity = Severity.WARNING) -> str:
    """``text`` with every personal finding at or above ``min_severity``
    replaced by its mask (``style`` recomputes masks: "default" or "full";
    None uses each finding's own mask).  Overlapping findings are masked
    in full over their union."""
    if isinstance(findings, (Report, FileReport)):
        findings = findings.findings
    out: list[str] = []
    pos = 0
    for f in _targets(findings, min_severity):
        if text[f.start:f.end] != f.text:
            raise ValueError("finding offsets do not match the text")
        if f.end <= pos:
            continue
        if f.start < pos:  # overlaps the previous one: hide the rest of it too
            out.append(mask_digits(text[pos:f.end], 0, 0))
        else:
            out.append(text[pos:f.start])
            out.append(_masked(f, style))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)


def redact_bytes(data: bytes, report: FileReport, *, encoding: str | None = None,
                 style: str | None = None, min_severity: Severity = Severity.WARNING,
                 final: bool = False) -> bytes:
    """The bytes of ``data`` (the draft ``report`` was made from) with its
    personal numbers masked, in the codec and with the byte-order mark the
    loader found (the Document carries them: nothing is sniffed again).
    Raises OutputError when the bytes are not those that were screened (a
    changed file, or a format such as .docx whose text is extracted)."""
    doc = report.document
    if doc is None:
        raise OutputError(f"{report.path}：没有稿件文本，无法生成脱敏副本")
    if isinstance(doc, PagedDocument):
        advice = _CORRECT_SOURCE.get(doc.source_format, "请在源文件中按检查结果修改")
        raise OutputError(f"{report.path}：{doc.source_format} 文件无法可靠地生成脱敏副本，未写出副本；{advice}")
    in_pictures = [f for f in _targets(report.findings, min_severity) if f.personal
                   and any(line.start <= f.start < line.end for line in doc.ocr_lines)]
    if in_pictures:  # OCR read it from a picture (screener/ocr/): no text to mask, the picture would leak
        raise OutputError(f"{report.path}：{in_pictures[0].location or '图片'}中识别出需脱敏的号码，副本无法修改图片，"
                          "未写出副本；请在原文件中替换或删除该图片后再检查")
    if hasattr(doc, "runs_for"):  # read from a .docx: its Document maps text to runs
        return _redact_docx(data, report, style, min_severity, final)
    if hasattr(doc, "pieces_for"):  # read from a spreadsheet: its Document maps text to cells
        return _redact_sheet(data, report, style, min_severity)
    suffix = Path(report.path).suffix.lower()
    if doc.encoding is None:
        raise OutputError(f"{report.path}：只能为纯文本（.txt、.md）和 Word（.docx）稿件生成脱敏副本，"
                          f"{suffix} 稿件请在原文件中按审批表修改")
    codec = codecs.lookup(encoding).name if encoding else doc.encoding
    try:
        same = data == doc.bom + doc.text.encode(codec)
    except (LookupError, UnicodeError):
        same = False
    if not same:
        try:
            decodes = data[len(doc.bom):].decode(codec) == doc.text
        except (LookupError, UnicodeError):
            decodes = False
        if decodes:
            raise OutputError(f"{report.path}：该编码无法逐字节保留原文，未生成脱敏副本")
        raise OutputError(f"{report.path}：稿件在检查后被改动过，未生成脱敏副本，请重新检查")
    redacted = redact_text(doc.text, report.findings, style=style, min_severity=min_severity)
    return doc.bom + redacted.encode(codec)


def _redact_docx(data: bytes, report: FileReport, style: str | None,
                 min_severity: Severity, final: bool = False) -> bytes:
    from .docx import (
        redact_docx_bytes,  # lxml: imported only for a .docx (start-up time)
    )

    targets = _targets(report.findings, min_severity)
    if any(a.end > b.start for a, b in zip(targets, targets[1:])):
        raise OutputError(f"{report.path}：号码相互重叠，无法在 Word 文档中脱敏，请在 Word 中手工处理")
    assert report.document is not None  # redact_bytes checked it
    expected = redact_text(report.document.text, targets, style=style, min_severity=min_severity)
    names = _name_copies(report.findings)
    return redact_docx_bytes(data, report, targets, [_masked(f, style) for f in targets], expected, final,
                             also=(names, [_masked(f, style) for f in names]))


def _name_copies(findings: Iterable[Finding]) -> list[Finding]:
    """The personal values of the file's name: Word copies the name into
    the title property, so every part is scrubbed of them too."""
    return [f for f in findings if f.personal and f.in_file_name]


def _redact_sheet(data: bytes, report: FileReport, style: str | None,
                  min_severity: Severity) -> bytes:
    from ..loaders.sheets import sniff
    from .xlsx import redact_xlsx_bytes  # lxml: imported only for a workbook

    if sniff(data) != "xlsx":
        raise OutputError(f"{report.path}：只能为 .xlsx 表格生成脱敏副本；请在 Excel 或 WPS 中另存为 .xlsx 后再检查并脱敏，"
                          "或在原文件中按审批表修改")
    targets = _targets(report.findings, min_severity)
    if any(a.end > b.start for a, b in zip(targets, targets[1:])):
        raise OutputError(f"{report.path}：号码相互重叠，无法在表格中脱敏，请在 Excel 中手工处理")
    return redact_xlsx_bytes(data, report, targets, [_masked(f, style) for f in targets])


def redact_file(source: "str | os.PathLike", target: "str | os.PathLike", report: FileReport, *,
                encoding: str | None = None, style: str | None = None,
                min_severity: Severity = Severity.WARNING,
                protect: Iterable["str | os.PathLike"] = (), final: bool = False) -> Path:
    """Write the redacted copy of the draft ``source`` to ``target``
    atomically; refuses to overwrite ``source`` or any path in ``protect``.
    ``final`` (a .docx only): the 发布稿, tracked changes accepted and
    comments removed."""
    if ARCHIVE_SEP in str(source):
        raise OutputError(f"{source}：压缩包内的文件不能直接生成脱敏副本，请解压后分别检查并脱敏，再重新打包")
    source = Path(source)
    if is_stdin(source):
        raise OutputError("从标准输入读取的稿件不能生成脱敏副本，请先保存为文件")
    check_target_format(source, target)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise OutputError(f"{source}：无法读取稿件（{exc.strerror or type(exc).__name__}）") from None
    out = redact_bytes(data, report, encoding=encoding, style=style, min_severity=min_severity, final=final)
    return write_atomic(target, out, protect=(source, *protect))
