"""Redacting an .xlsx: personal numbers masked inside the package, everything else kept.

The spreadsheet loader records, for every stretch of its text, the sheet and
cell it came from (SheetPiece).  The copy is made at the level of the
package's XML, never by re-saving through a spreadsheet library (which would
drop pictures, charts, pivot tables and extensions it does not model):

- a number stored as a number (a float holding an ID, a mobile typed as a
  number) cannot hold a mask, so its cell becomes an inline text cell
  (``t="inlineStr"``) with the masked value; its style (``s``) is kept, a
  formula that produced it is removed (it would produce the number again);
- every other occurrence of a masked value, in any XML part (shared
  strings, inline strings, comments and threaded comments, headers and
  footers, defined names, hyperlink targets in relationships, document
  properties, cached formula results), is replaced in element text and
  attribute values, as found and in its plain form (half-width, digits
  only); numeric ``<v>`` values are never touched by this pass;
- members without any change are copied byte for byte (name, order, date,
  compression).

The result is checked before it is returned: no part may still hold any of
the values (as found, or its digits), and the copy must load again;
otherwise nothing is written and the user is told to correct the file by hand.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from ..errors import InputError, OutputError
from ..loaders.sheet_layout import SheetDocument
from ..loaders.zipsafe import open_zip, read_member
from ..model import FileReport, Finding
from ..privacy import mask

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False)
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_NUMERIC_TYPES = (None, "n", "e", "b", "d")
WHAT = " Excel 表格"


def _q(tag: str) -> str:
    return f"{{{_MAIN}}}{tag}"


def _pairs(targets: list[Finding], masks: list[str]) -> list[tuple[str, str]]:
    """(value, mask) to replace everywhere, longest first: each value as
    found and its plain form (half width; for numbers the bare digits)."""
    pairs: dict[str, str] = {}
    for f, masked in zip(targets, masks):
        if f.code == "ID106":  # the scientific text is the loader's; the cell itself is rewritten
            continue
        pairs[f.text] = masked
        plain = f.text.translate(_HALF_WIDTH)
        if f.kind != "email":
            plain = re.sub(r"[^0-9A-Za-z]", "", plain)
        if len(plain) >= 7:
            pairs.setdefault(plain, mask(f.kind, plain))
    return sorted(pairs.items(), key=lambda kv: -len(kv[0]))


def _forbidden(targets: list[Finding]) -> list[bytes]:
    """What no part of the copy may contain: every value's digits (for a
    number stored as a number, the digits that survived)."""
    out = set()
    for f in targets:
        if f.code == "ID106":
            mantissa = re.sub(r"[^0-9]", "", f.text.lower().split("e")[0])
            if len(mantissa) >= 7:
                out.add(mantissa.encode())
            continue
        out.add(f.text.encode("utf-8"))
        digits = re.sub(r"[^0-9A-Za-z@.]", "", f.text.translate(_HALF_WIDTH))
        if len(digits) >= 7:
            out.add(digits.encode())
    return sorted(out)


def _sheet_parts(zf: zipfile.ZipFile, path: str) -> list[str]:
    """The worksheet part names in workbook order (the loader's sheet indices)."""
    book = etree.fromstring(read_member(zf, zf.getinfo("xl/workbook.xml"), path, WHAT), _PARSER)
    rels_root = etree.fromstring(read_member(zf, zf.getinfo("xl/_rels/workbook.xml.rels"), path, WHAT), _PARSER)
    rels = {r.get("Id"): (r.get("Type", ""), r.get("Target", "")) for r in rels_root.iter(f"{{{_PKG}}}Relationship")}
    parts = []
    for sheet in book.iter(_q("sheet")):
        kind, target = rels.get(sheet.get(f"{{{_REL}}}id"), ("", ""))
        if kind.endswith("/worksheet"):
            parts.append(target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target)))
    return parts


def _replace(text: str, pairs: list[tuple[str, str]]) -> str:
    for value, masked in pairs:
        if value in text:
            text = text.replace(value, masked)
    return text


def _scrub(root, pairs: list[tuple[str, str]]) -> None:
    """Mask every value in element text, tails and attributes, except numeric cell values."""
    v_tag, c_tag = _q("v"), _q("c")
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        numeric_value = el.tag == v_tag and el.getparent() is not None and \
            el.getparent().tag == c_tag and el.getparent().get("t") in _NUMERIC_TYPES
        if el.text and not numeric_value:
            el.text = _replace(el.text, pairs)
        if el.tail:
            el.tail = _replace(el.tail, pairs)
        for key, value in el.attrib.items():
            new = _replace(value, pairs)
            if new != value:
                el.set(key, new)


def _to_text_cells(root, cells: dict[str, str]) -> None:
    """Turn the numeric cells named in ``cells`` ({ref: masked text}) into inline strings."""
    for c in root.iter(_q("c")):
        ref = c.get("r")
        if ref not in cells:
            continue
        for child in list(c):
            if child.tag in (_q("v"), _q("f"), _q("is")):
                c.remove(child)
        c.set("t", "inlineStr")
        inline = etree.Element(_q("is"))
        t = etree.SubElement(inline, _q("t"))
        t.text = cells[ref]
        ext = c.find(_q("extLst"))
        if ext is not None:
            ext.addprevious(inline)
        else:
            c.append(inline)


def _serialise(root) -> bytes:
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8",
                          standalone=tree.docinfo.standalone)


def _numeric_edits(report: FileReport, targets: list[Finding], masks: list[str]) -> dict[int, dict[str, str]]:
    """{sheet index: {cell ref: masked text}} for findings in cells stored as numbers."""
    doc = report.document
    assert isinstance(doc, SheetDocument)  # redact_bytes sends only spreadsheets here
    out: dict[int, dict[str, str]] = {}
    for f, masked in zip(targets, masks):
        for piece in doc.pieces_for(f.start, f.end):
            if piece.part != "cell" or not piece.numeric:
                continue
            if f.code == "ID106":
                digits = re.sub(r"[^0-9]", "", f.text.lower().split("e")[0])
                exponent = int(f.text.lower().split("e")[1].lstrip("+"))
                new = mask(f.kind, digits.ljust(exponent + 1, "0")[:exponent + 1])
            else:
                cell = doc.text[piece.start:piece.end]
                new = cell[:max(f.start, piece.start) - piece.start] + masked + cell[min(f.end, piece.end) - piece.start:]
            out.setdefault(piece.sheet, {})[piece.ref] = new
    return out


def redact_xlsx_bytes(data: bytes, report: FileReport, targets: list[Finding], masks: list[str]) -> bytes:
    """The .xlsx ``data`` with the ``targets`` masked (``masks`` in the same order)."""
    path = report.path
    doc = report.document
    if not isinstance(doc, SheetDocument):
        raise OutputError(f"{path}：不是从 Excel 表格读取的稿件，无法按表格脱敏")
    try:
        zf = open_zip(data, path, WHAT)
        sheet_parts = _sheet_parts(zf, path)
    except (InputError, KeyError, etree.XMLSyntaxError):
        raise OutputError(f"{path}：表格结构无法解析，未生成脱敏副本，请在 Excel 中手工处理") from None
    numeric = _numeric_edits(report, targets, masks)
    numeric_by_part = {sheet_parts[i]: cells for i, cells in numeric.items() if i < len(sheet_parts)}
    if len(numeric_by_part) != len(numeric):
        raise OutputError(f"{path}：有号码所在的工作表无法定位，未生成脱敏副本，请在 Excel 中手工处理")
    pairs = _pairs(targets, masks)
    probes = [v.encode("utf-8") for v, _ in pairs]
    out = io.BytesIO()
    try:
        with zipfile.ZipFile(out, "w") as dst:
            for info in zf.infolist():
                member = read_member(zf, info, path, WHAT)
                if info.filename.endswith(_XML_SUFFIXES) and (
                        info.filename in numeric_by_part or any(p in member for p in probes)):
                    root = etree.fromstring(member, _PARSER)
                    if info.filename in numeric_by_part:
                        _to_text_cells(root, numeric_by_part[info.filename])
                    _scrub(root, pairs)
                    member = _serialise(root)
                dst.writestr(info, member)
    except (InputError, etree.XMLSyntaxError):
        raise OutputError(f"{path}：表格部件无法解析，未生成脱敏副本，请在 Excel 中手工处理") from None
    result = out.getvalue()
    _verify(result, report, targets)
    return result


def _verify(result: bytes, report: FileReport, targets: list[Finding]) -> None:
    from ..loaders.xlsx import read_workbook  # the copy must load as the original did

    forbidden = _forbidden(targets)
    zf = zipfile.ZipFile(io.BytesIO(result))
    for info in zf.infolist():
        part = zf.read(info)
        if any(value in part for value in forbidden):
            raise OutputError(f"{report.path}：有号码无法在表格中逐格脱敏（如单元格内分段设置了格式、或在图表与嵌入对象中），"
                              f"未生成脱敏副本，请在 Excel 中手工处理（位置：{info.filename}）")
    try:
        read_workbook(result, report.path)
    except InputError:
        raise OutputError(f"{report.path}：脱敏后的表格无法再次读取，未生成脱敏副本，请在 Excel 中手工处理") from None
