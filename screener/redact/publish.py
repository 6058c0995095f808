"""The 发布稿: a .docx with every tracked change accepted and every comment
removed, as 审阅 › 接受所有修订 and 删除所有批注 leave it.

Revision marks and comments travel with the file: a reader who turns on
显示标记 sees deleted text, and every comment (often internal remarks such as
该户有多次越级上访记录) is in the package.  ``publish_copy`` takes an
already redacted package and:

- removes deleted and moved-away content (w:del, w:moveFrom, table rows
  marked deleted) and keeps inserted and moved-to content without its marks;
- removes formatting-change records (w:rPrChange, w:pPrChange …) and the
  paragraph-mark revision markers;
- removes comment anchors and references, the comments parts
  (comments.xml, commentsExtended, commentsIds, commentsExtensible), their
  relationships and content-type entries;
- switches off 修订 (w:trackRevisions) in the settings, so the next edit
  is not tracked again by surprise.

Everything else is copied unchanged.  The caller reads the result back and
checks that no revision or comment is left.
"""
from __future__ import annotations

import copy
import io
import posixpath
import zipfile

from lxml import etree

from ..loaders.ooxml import Package

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_REMOVE = ("del", "moveFrom", "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange",
           "tcPrChange", "trPrChange", "tblPrExChange", "numberingChange", "commentRangeStart",
           "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
           "customXmlDelRangeStart", "customXmlDelRangeEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
           "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd", "customXmlMoveToRangeStart",
           "customXmlMoveToRangeEnd", "commentReference")
_UNWRAP = ("ins", "moveTo")
_COMMENT_TYPES = ("comments", "commentsExtended", "commentsIds", "commentsExtensible")
_CONTENT_ROOTS = ("document", "hdr", "ftr", "footnotes", "endnotes", "glossaryDocument")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False)
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"


def _accept(root, ns: str) -> None:
    """Accept every revision and drop comment anchors in one content part."""
    q = lambda local: f"{{{ns}}}{local}"  # noqa: E731
    for row in list(root.iter(q("tr"))):
        trpr = row.find(q("trPr"))
        if trpr is not None and trpr.find(q("del")) is not None:
            row.getparent().remove(row)
    for rpr in list(root.iter(q("rPr"))):  # paragraph-mark and run-property markers
        for marker in rpr.findall(q("ins")) + rpr.findall(q("del")):
            rpr.remove(marker)
    for trpr in list(root.iter(q("trPr"))):
        for marker in trpr.findall(q("ins")):
            trpr.remove(marker)
    for el in list(root.iter(*(q(t) for t in _REMOVE))):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(*(q(t) for t in _UNWRAP))):
        parent = el.getparent()
        if parent is None:
            continue
        index = parent.index(el)
        for child in reversed(list(el)):
            parent.insert(index, child)
        parent.remove(el)
    for r in list(root.iter(q("r"))):  # runs left empty by removing a comment reference
        if len(r) == 0 or all(child.tag == q("rPr") for child in r):
            r.getparent().remove(r)


def _serialise(root) -> bytes:
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8",
                          standalone=tree.docinfo.standalone)


def publish_copy(data: bytes, path: str) -> bytes:
    """``data`` (a .docx) with tracked changes accepted and comments removed."""
    pkg = Package(data, path)
    dropped: set[str] = set()
    for name in pkg.names():
        if name.endswith(".rels"):
            folder = posixpath.dirname(posixpath.dirname(name))
            for rel in pkg.xml(name).iter(_PKG_REL):
                if rel.get("Type", "").rsplit("/", 1)[-1] in _COMMENT_TYPES and rel.get("TargetMode") != "External":
                    dropped.add(posixpath.normpath(posixpath.join(folder, rel.get("Target", ""))).lstrip("/"))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            name = info.filename
            if name in dropped:
                continue
            target = copy.copy(info)
            if name.endswith(".rels"):
                root = pkg.xml(name)
                for rel in list(root.iter(_PKG_REL)):
                    if rel.get("Type", "").rsplit("/", 1)[-1] in _COMMENT_TYPES:
                        root.remove(rel)
                zout.writestr(target, _serialise(root))
            elif name == "[Content_Types].xml":
                root = pkg.xml(name)
                for over in list(root.iter(_CT_OVERRIDE)):
                    if over.get("PartName", "").lstrip("/") in dropped:
                        root.remove(over)
                zout.writestr(target, _serialise(root))
            elif name.endswith(".xml"):
                part = pkg.read(name)
                zout.writestr(target, _publish_part(part))
            else:
                with zin.open(info) as src, zout.open(target, "w", force_zip64=True) as dst:
                    while chunk := src.read(1024 * 1024):
                        dst.write(chunk)
    return out.getvalue()


def _publish_part(part: bytes) -> bytes:
    """A content part with revisions accepted; the settings with tracking
    off; any other XML part unchanged."""
    if b"<!DOCTYPE" in part:
        return part
    root = etree.fromstring(part, _PARSER)
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    if ns not in (_W, _STRICT_W):
        return part
    local = root.tag.rsplit("}", 1)[-1]
    if local in _CONTENT_ROOTS:
        _accept(root, ns)
        return _serialise(root)
    if local == "settings":
        for el in list(root.iter(f"{{{ns}}}trackRevisions")):
            root.remove(el)
        return _serialise(root)
    return part
