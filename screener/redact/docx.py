"""Redacting a .docx: each personal number masked inside its own runs, formatting kept.

The .docx loader records, for every stretch of extracted text, the w:t or
w:delText element it came from (TextRun: part and element index).  For each
number to mask, the characters it covers in each element are replaced:
character for character when the mask keeps the value's length (digits →
``*``), otherwise the whole mask goes into the first element and the rest of
the value is removed from the following ones.  Text deleted under tracked
changes is masked too: it is still in the file.

Only the parts that change are parsed and written again; every other member
of the package is copied unchanged (name, order, date, compression and
content), except that a verbatim copy of a masked number anywhere in the
package's XML is masked too: field codes (HYPERLINK "mailto:…"), the origin
of moved text, hyperlink targets and document properties hold text the
loader does not read, but the file still carries.  The result is read back with the loader and must give exactly the
redacted text of the draft, or nothing is written.
"""
from __future__ import annotations

import copy
import io
import re
import shutil
import zipfile
from collections import defaultdict
from pathlib import Path

from lxml import etree

from ..errors import InputError, OutputError
from ..masking import mask
from ..model import FileReport

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_AC, _CHOICE, _FALLBACK = (f"{{{MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
MAX_COPY_BYTES = 2 * 1024 ** 3  # a redacted copy is the draft's size; this stops a zip bomb
# the loader's hardening (no entities, DTD or network), but comments and
# processing instructions are kept because the part is written back
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False)


def _edits(report: FileReport, targets, masks) -> dict[str, dict[int, list]]:
    """{part: {element index: [(start, end, replacement), …]}} for the findings."""
    doc = report.document
    out: dict[str, dict[int, list]] = defaultdict(lambda: defaultdict(list))
    for f, masked in zip(targets, masks):
        pieces = doc.runs_for(f.start, f.end)
        covered = sum(e - s for _, s, e in pieces)
        if covered != f.end - f.start:
            raise OutputError(f"{report.path}：有号码不在正文文字中（如域代码、自动编号），"
                              "无法在 Word 文档中脱敏，请在 Word 中手工处理")
        for i, (run, s, e) in enumerate(pieces):
            if len(masked) == len(f.text):
                offset = run.start + s - f.start
                new = masked[offset:offset + e - s]
            else:
                new = masked if i == 0 else ""
            out[run.part][run.index].append((s, e, new))
    return out


def _patch(data: bytes, edits: dict[int, list]) -> bytes:
    root = etree.fromstring(data, _PARSER)
    ns = root.tag[1:].split("}", 1)[0]
    elements = list(root.iter(f"{{{ns}}}t", f"{{{ns}}}delText"))
    for index, changes in edits.items():
        el = elements[index]
        text = el.text or ""
        for s, e, new in sorted(changes, reverse=True):
            text = text[:s] + new + text[e:]
        el.text = text
        if text != text.strip():
            el.set(XML_SPACE, "preserve")
    _sync_fallbacks(root, f"{{{ns}}}txbxContent")
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8",
                          standalone=tree.docinfo.standalone)


def _sync_fallbacks(root, txbx: str) -> None:
    """Word writes a text box twice: DrawingML in mc:Choice and a VML copy in
    mc:Fallback.  The loader reads, and the edits reach, the Choice; the
    Fallback copy would keep the unmasked number for any reader of the
    Fallback (or of the XML).  Each Fallback text box gets the redacted
    Choice's content; one whose boxes do not pair up is dropped.  Innermost
    first, so a text box inside a text box is synced before it is copied."""
    for ac in reversed(list(root.iter(_AC))):
        choice, fallback = ac.find(_CHOICE), ac.find(_FALLBACK)
        if choice is None or fallback is None:
            continue
        sources = list(choice.iter(txbx))
        copies = list(fallback.iter(txbx))
        if not copies:
            continue
        if len(sources) != len(copies):
            ac.remove(fallback)
            continue
        for src, dst in zip(sources, copies):
            dst.getparent().replace(dst, copy.deepcopy(src))


_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_ZERO_WIDTH = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")


def _copies(targets, masks) -> list[tuple[bytes, bytes]]:
    """(value, mask) byte pairs to replace everywhere: each value as found,
    and its plain form (half width; for a number its bare digits) as links
    and properties write it, longest first."""
    pairs: dict[str, str] = {}
    for f, masked in zip(targets, masks):
        pairs[f.text] = masked
        plain = _ZERO_WIDTH.sub("", f.text.translate(_HALF_WIDTH))
        if f.kind not in ("email", "address"):  # an address's characters are its value
            plain = re.sub(r"[^0-9A-Za-z]", "", plain)
        if len(plain) >= 7:
            pairs.setdefault(plain, mask(f.kind, plain))
    return sorted(((k.encode("utf-8"), v.encode("utf-8")) for k, v in pairs.items()),
                  key=lambda kv: -len(kv[0]))


def _scrub(data: bytes, copies: list[tuple[bytes, bytes]]) -> bytes:
    for value, masked in copies:
        data = data.replace(value, masked)
    return data


def redact_docx_bytes(data: bytes, report: FileReport, targets, masks,
                      expected_text: str) -> bytes:
    """The .docx ``data`` with ``targets`` (findings) replaced by ``masks``;
    ``expected_text`` is what the result must read as, checked before returning."""
    from ..loaders.docx import load_docx

    edits = _edits(report, targets, masks)
    copies = _copies(targets, masks)
    out = io.BytesIO()
    copied = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                target = copy.copy(info)
                copied += info.file_size
                if copied > MAX_COPY_BYTES:
                    raise OutputError(f"{report.path}：文件解压后过大，未生成脱敏副本")
                if info.filename in edits or info.filename.endswith((".xml", ".rels")):
                    part = zin.read(info)
                    if info.filename in edits:
                        part = _patch(part, edits[info.filename])
                    zout.writestr(target, _scrub(part, copies))
                    continue
                with zin.open(info) as src, zout.open(target, "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, IndexError, ValueError):
        raise OutputError(f"{report.path}：Word 文档结构与检查时不一致，未生成脱敏副本") from None
    result = out.getvalue()
    try:
        again = load_docx(Path(report.path), result).text
    except InputError:
        again = None
    if again != expected_text:
        raise OutputError(f"{report.path}：脱敏后的 Word 文档核对不一致，未生成脱敏副本，请在 Word 中手工处理")
    return result
