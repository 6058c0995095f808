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
from ..errors import OutputError
from ..masking import mask, mask_digits
from ..model import FileReport, Finding, Report, Severity


_TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})


def _targets(findings: Iterable[Finding], min_severity: Severity) -> list[Finding]:
    return sorted((f for f in findings if f.personal and f.severity >= min_severity),
                  key=lambda f: (f.start, -f.end))


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


def _codec(data: bytes, encoding: str | None) -> str:
    """The codec that decodes ``data`` the way the text loader does, keeping
    a byte-order mark as U+FEFF so it can be written back."""
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le"
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be"
    if encoding:
        return codecs.lookup(encoding).name
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def redact_bytes(data: bytes, report: FileReport, *, encoding: str | None = None,
                 style: str | None = None, min_severity: Severity = Severity.WARNING,
                 final: bool = False) -> bytes:
    """The bytes of ``data`` (the draft ``report`` was made from) with its
    personal numbers masked.  Raises OutputError when the bytes do not decode
    to the screened text (a changed file, or a format such as .docx whose
    text is extracted) or do not encode back to themselves."""
    doc = report.document
    if doc is None:
        raise OutputError(f"{report.path}：没有稿件文本，无法生成脱敏副本")
    if hasattr(doc, "runs_for"):  # read from a .docx: its Document maps text to runs
        return _redact_docx(data, report, style, min_severity, final)
    try:
        codec = _codec(data, encoding)
        full = data.decode(codec)
    except (LookupError, UnicodeDecodeError):
        raise OutputError(f"{report.path}：无法按原编码读取，未生成脱敏副本") from None
    bom = "\ufeff" if full.startswith("\ufeff") else ""
    if full[len(bom):] != doc.text:
        suffix = Path(report.path).suffix.lower()
        if suffix in _TEXT_SUFFIXES:
            raise OutputError(f"{report.path}：稿件在检查后被改动过，未生成脱敏副本，请重新检查")
        raise OutputError(f"{report.path}：只能为纯文本（.txt、.md）和 Word（.docx）稿件生成脱敏副本，"
                          f"{suffix} 稿件请在原文件中按审批表修改")
    if full.encode(codec) != data:
        raise OutputError(f"{report.path}：该编码无法逐字节保留原文，未生成脱敏副本")
    redacted = redact_text(doc.text, report.findings, style=style, min_severity=min_severity)
    return (bom + redacted).encode(codec)


def _redact_docx(data: bytes, report: FileReport, style: str | None,
                 min_severity: Severity, final: bool = False) -> bytes:
    from .docx import redact_docx_bytes  # lxml: imported only for a .docx (start-up time)

    targets = _targets(report.findings, min_severity)
    if any(a.end > b.start for a, b in zip(targets, targets[1:])):
        raise OutputError(f"{report.path}：号码相互重叠，无法在 Word 文档中脱敏，请在 Word 中手工处理")
    expected = redact_text(report.document.text, targets, style=style, min_severity=min_severity)
    return redact_docx_bytes(data, report, targets, [_masked(f, style) for f in targets], expected, final)


def redact_file(source: "str | os.PathLike", target: "str | os.PathLike", report: FileReport, *,
                encoding: str | None = None, style: str | None = None,
                min_severity: Severity = Severity.WARNING,
                protect: Iterable["str | os.PathLike"] = (), final: bool = False) -> Path:
    """Write the redacted copy of the draft ``source`` to ``target``
    atomically; refuses to overwrite ``source`` or any path in ``protect``.
    ``final`` (a .docx only): the 发布稿, tracked changes accepted and
    comments removed."""
    source = Path(source)
    if str(source) in ("-", "<stdin>"):
        raise OutputError("从标准输入读取的稿件不能生成脱敏副本，请先保存为文件")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise OutputError(f"{source}：无法读取稿件（{exc.strerror or type(exc).__name__}）") from None
    out = redact_bytes(data, report, encoding=encoding, style=style, min_severity=min_severity, final=final)
    return write_atomic(target, out, protect=(source, *protect))
