"""The formulas of an .xlsx, read from the raw ``<f>`` elements.

A formula publishes its literals with the file: ``="张三 "&"530427…"`` or
``=HYPERLINK("tel:151…")`` carries the number in its own text, whatever the
cached result shows (Excel recalculates, a reader opens the formula bar).
openpyxl gives either cached values or formulas per load, so instead of
parsing the whole workbook twice the worksheet parts are streamed once more
with lxml's iterparse, keeping only ``<c r="C5"><f>…</f></c>``.

Only a formula that can carry a value is kept: one with a string literal
(``"``) or a run of seven digits.  ``=SUM(A1:A3)`` holds cell references and
function names only, and would only make the extracted text longer.
A shared formula's dependants (``<f t="shared" si="0"/>``) have no text of
their own; the master holds it and is kept.

The package has already passed check_package (bounded sizes, no DOCTYPE).
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from .zipsafe import read_member

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_C, _F, _ROW = f"{{{_MAIN}}}c", f"{{{_MAIN}}}f", f"{{{_MAIN}}}row"
_REF = re.compile(r"([A-Z]{1,3})(\d{1,7})")
_WORTH = re.compile(r'"|\d{7}')
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def worth_screening(formula: str) -> bool:
    """Whether a formula's text can carry a value: a string literal or a long number."""
    return bool(_WORTH.search(formula))


def parse_ref(ref: str) -> tuple[int, int] | None:
    """"C5" → (4, 2), 0-based row and column; None when not a cell reference."""
    m = _REF.fullmatch(ref or "")
    if m is None:
        return None
    col = 0
    for ch in m.group(1):
        col = col * 26 + ord(ch) - 64
    return int(m.group(2)) - 1, col - 1


def sheet_parts(zf: zipfile.ZipFile, path: str, what: str) -> dict[str, str]:
    """{sheet name: worksheet part} from workbook.xml and its relationships."""
    try:
        book = etree.fromstring(read_member(zf, zf.getinfo("xl/workbook.xml"), path, what), _PARSER)
        rels_root = etree.fromstring(read_member(zf, zf.getinfo("xl/_rels/workbook.xml.rels"), path, what), _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return {}
    rels = {r.get("Id"): r.get("Target", "") for r in rels_root.iter(f"{{{_PKG}}}Relationship")}
    out: dict[str, str] = {}
    for sheet in book.iter(f"{{{_MAIN}}}sheet"):
        target = rels.get(sheet.get(f"{{{_REL}}}id"))
        if target:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            out[sheet.get("name", "")] = part
    return out


def read_formulas(zf: zipfile.ZipFile, path: str, what: str) -> dict[str, list[tuple[int, int, str]]]:
    """{sheet name: [(row, col, "=formula")]} for every formula worth screening."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for name, part in sheet_parts(zf, path, what).items():
        try:
            info = zf.getinfo(part)
        except KeyError:
            continue
        data = read_member(zf, info, path, what)
        if b"<f" not in data and b":f" not in data:
            continue
        found: list[tuple[int, int, str]] = []
        try:
            for _, f in etree.iterparse(io.BytesIO(data), events=("end",), tag=(_F, _ROW), resolve_entities=False,
                                        no_network=True, load_dtd=False, huge_tree=False):
                if f.tag == _ROW:  # a finished row is dropped: memory stays that of one row
                    f.clear(keep_tail=False)
                    while f.getprevious() is not None:
                        del f.getparent()[0]
                    continue
                cell = f.getparent()
                if f.text and cell is not None and cell.tag == _C and worth_screening(f.text):
                    where = parse_ref(cell.get("r", ""))
                    if where is not None:
                        found.append((where[0], where[1], "=" + f.text))
        except etree.XMLSyntaxError:
            continue  # openpyxl has read the part already; a damaged one fails there, not here
        if found:
            out[name] = found
    return out
