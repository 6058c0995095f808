"""OFD files (GB/T 33190-2016《电子文件存储与交换格式 版式文档》): pages,
template pages, annotations and the DocInfo metadata.

An OFD is a zip of XML, read through the hardened package reader the .docx
loader uses (ooxml.Package: bounded unzipping, no DTDs or entities).  The
entry ``OFD.xml`` lists each document body: its DocInfo (标题, 作者, 主题,
摘要, 关键词, 自定义数据 — screened as 文档属性) and its DocRoot, the
``Document.xml`` that lists the pages (``Pages/Page/@BaseLoc``), the template
pages they draw on (``CommonData/TemplatePage``), the annotations
(``Annotations`` → one file per page) and attachments.

A page's text is its TextObject/TextCode elements in file order, put into
lines by position: codes on the same baseline (within half the font size)
form one line, with a space where there is a gap wider than a character
(table cells), none where glyphs touch (converters that write every character
as its own TextObject).  Lines then go through softbreaks.join_lines like a
PDF page.  Labels: 第N页, 模板页N, 第N页批注.  A page with ImageObjects and no
text is a scan (UC701), and so is one with no text but hundreds of
PathObjects (text converted to outlines); pictures beside text and
attachments are noted.  Not read: signature files (Signs/: seal pictures and
certificates), custom tags.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from lxml import etree

from ..errors import InputError
from .ooxml import Package
from .paged import PagedBuilder, PagedDocument, page_label, page_ranges
from .sniff import wrong_format
from .softbreaks import join_lines

MAX_PAGES = 20_000
OUTLINE_SHAPES = 200  # a page without text but this many paths is text converted to outlines
_RESAVE = "请用 OFD 阅读器打开后重新另存，或检查其源文件"
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")
_DOCINFO = (("Title", "标题"), ("Author", "作者"), ("Subject", "主题"), ("Abstract", "摘要"),
            ("Creator", "创建程序"))


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _child(el: etree._Element, name: str) -> etree._Element | None:
    found = _children(el, name)
    return found[0] if found else None


def _descendants(el: etree._Element, name: str) -> list[etree._Element]:
    return [d for d in el.iter() if _local(d) == name]


def _text(el: etree._Element | None) -> str:
    return "".join(el.itertext()).strip() if el is not None else ""


def _numbers(value: str | None) -> list[float]:
    return [float(n) for n in _NUMBER.findall(value or "")]


def load_ofd(path: Path, data: bytes, encoding: str | None = None) -> PagedDocument:
    """Read an OFD into a PagedDocument; ``encoding`` does not apply."""
    name = str(path)
    if not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        raise InputError(name, wrong_format(data, "OFD"))
    pkg = Package(data, name, kind=".ofd", resave=_RESAVE)
    if not pkg.has("OFD.xml"):
        if pkg.has("[Content_Types].xml"):
            raise InputError(name, "不是 OFD 文件，实际是 Office 文件（如 .docx、.xlsx），请改回正确的扩展名后再检查")
        raise InputError(name, "不是有效的 OFD 文件（缺少 OFD.xml），" + _RESAVE)
    root = pkg.xml("OFD.xml")
    if _local(root) != "OFD":
        raise InputError(name, "不是有效的 OFD 文件（OFD.xml 的根元素不对），" + _RESAVE)
    out = PagedBuilder()
    bodies = _children(root, "DocBody")
    for n, body in enumerate(bodies, 1):
        prefix = f"第{n}个文档" if len(bodies) > 1 else ""
        doc_root = _text(_child(body, "DocRoot"))
        if not doc_root:
            raise InputError(name, "不是有效的 OFD 文件（缺少 DocRoot），" + _RESAVE)
        _document(pkg, _resolve(pkg, "", doc_root), out, prefix)
        out.properties(_doc_info(_child(body, "DocInfo")))
    if not bodies:
        raise InputError(name, "不是有效的 OFD 文件（没有 DocBody），" + _RESAVE)
    return out.build(name, "OFD")


def _resolve(pkg: Package, base: str, loc: str) -> str:
    """The package name of ``loc``, written relative to the folder of the
    file ``base`` or absolute from the package root; refused if missing."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        candidates = [loc.lstrip("/")]
    else:
        candidates = [posixpath.normpath(posixpath.join(posixpath.dirname(base), loc)), loc]
    for candidate in candidates:
        if pkg.has(candidate):
            return candidate
    raise InputError(pkg.path, "OFD 文件已损坏（缺少其中引用的部件），" + _RESAVE)


def _doc_info(info: etree._Element | None) -> list[tuple[str, str]]:
    if info is None:
        return []
    items = [(zh, _text(_child(info, key))) for key, zh in _DOCINFO]
    keywords = [_text(k) for k in _descendants(info, "Keyword")]
    items.append(("关键词", "；".join(k for k in keywords if k)))
    for data in _descendants(info, "CustomData"):
        items.append((f"自定义数据（{data.get('Name', '').strip()}）", _text(data)))
    return items


def _document(pkg: Package, doc_name: str, out: PagedBuilder, prefix: str) -> None:
    doc = pkg.xml(doc_name)
    pages = _descendants(_child(doc, "Pages") if _child(doc, "Pages") is not None else doc, "Page")
    if len(pages) > MAX_PAGES:
        raise InputError(pkg.path, f"OFD 页数过多（{len(pages)} 页，上限 {MAX_PAGES} 页），已停止读取")
    page_numbers = {page.get("ID", ""): i for i, page in enumerate(pages, 1)}
    scans: list[int] = []
    pictured: list[int] = []
    for number, page in enumerate(pages, 1):
        content = pkg.xml(_resolve(pkg, doc_name, page.get("BaseLoc", "")))
        text = _layer_text(content)
        pictures = bool(_descendants(content, "ImageObject")) or (
            not text.strip() and len(_descendants(content, "PathObject")) >= OUTLINE_SHAPES)
        if text.strip():
            _scan_note(out, scans, prefix)
            out.add(text, f"{prefix}第{number}页")
            if pictures:
                pictured.append(number)
        elif pictures:
            scans.append(number)
    _scan_note(out, scans, prefix)
    common = _child(doc, "CommonData")
    for n, template in enumerate(_children(common, "TemplatePage") if common is not None else [], 1):
        content = pkg.xml(_resolve(pkg, doc_name, template.get("BaseLoc", "")))
        out.add(_layer_text(content), f"{prefix}模板页{n}")
    annotations = _text(_child(doc, "Annotations"))
    if annotations:
        _annotations(pkg, _resolve(pkg, doc_name, annotations), page_numbers, out, prefix)
    if pictured:
        where = "、".join(prefix + page_label(a, b) for a, b in page_ranges(pictured))
        out.note(f"{where}另有图片，图片中的文字未检查", "picture", where)
    attachments = _text(_child(doc, "Attachments"))
    if attachments:
        count = len(_descendants(pkg.xml(_resolve(pkg, doc_name, attachments)), "Attachment"))
        if count:
            out.note(f"OFD 内嵌附件 {count} 个，未能检查", "embedded", prefix + "附件")


def _scan_note(out: PagedBuilder, scans: list[int], prefix: str) -> None:
    for first, last in page_ranges(scans):
        where = prefix + page_label(first, last)
        out.note(f"{where}没有文字层，只有图片或图形（扫描件、转曲文字），未能检查", "scan", where)
    scans.clear()


def _annotations(pkg: Package, index_name: str, page_numbers: dict[str, int], out: PagedBuilder,
                 prefix: str) -> None:
    for ref in _descendants(pkg.xml(index_name), "Page"):
        number = page_numbers.get(ref.get("PageID", ""))
        loc = _text(_child(ref, "FileLoc"))
        if not loc:
            continue
        annot_root = pkg.xml(_resolve(pkg, index_name, loc))
        pieces = []
        for annot in _descendants(annot_root, "Annot"):
            pieces += [_text(_child(annot, "Remark"))]
            pieces += [_text(p) for p in _descendants(annot, "Parameter")]
            appearance = _child(annot, "Appearance")
            if appearance is not None:
                pieces.append(_layer_text(appearance))
        where = f"{prefix}第{number}页批注" if number else f"{prefix}批注"
        out.add("\n".join(dict.fromkeys(p for p in pieces if p)), where)  # Remark often repeats a Parameter


def _layer_text(root: etree._Element) -> str:
    """The text of every TextObject under ``root``, in lines by position."""
    lines: list[str] = []
    current: list[str] = []
    last_y: float | None = None
    last_end = 0.0
    for obj in _descendants(root, "TextObject"):
        box = _numbers(obj.get("Boundary"))
        bx, by = (box[0], box[1]) if len(box) >= 2 else (0.0, 0.0)
        size = (_numbers(obj.get("Size")) or [3.5])[0] or 3.5
        x = y = 0.0
        for code in _children(obj, "TextCode"):
            text = code.text or ""
            x = _numbers(code.get("X"))[0] if code.get("X") else x
            y = _numbers(code.get("Y"))[0] if code.get("Y") else y
            ax, ay = bx + x, by + y
            if last_y is None or abs(ay - last_y) > size / 2:
                if current:
                    lines.append("".join(current))
                current = []
            elif ax - last_end > size * 0.8:
                current.append(" ")
            current.append(text)
            advance = _advance(code.get("DeltaX"), len(text), size)
            last_y, last_end = ay, ax + advance
            x += advance
    if current:
        lines.append("".join(current))
    return join_lines([line.rstrip() for line in lines]).strip("\n")


def _advance(delta_x: str | None, length: int, size: float) -> float:
    """How far a TextCode of ``length`` glyphs reaches: its DeltaX gaps
    (with the ``g count value`` shorthand) plus one glyph's width."""
    if not length:
        return 0.0
    tokens = (delta_x or "").split()
    gaps: list[float] = []
    i = 0
    while i < len(tokens) and len(gaps) < length - 1:
        if tokens[i] == "g" and i + 2 < len(tokens):
            count = int(min(float(tokens[i + 1]), length)) if _NUMBER.fullmatch(tokens[i + 1]) else 0
            value = float(tokens[i + 2]) if _NUMBER.fullmatch(tokens[i + 2]) else size
            gaps += [value] * max(0, min(count, length - 1 - len(gaps)))
            i += 3
        else:
            gaps.append(float(tokens[i]) if _NUMBER.fullmatch(tokens[i]) else size)
            i += 1
    gaps += [size] * (length - 1 - len(gaps))
    return sum(gaps) + size
