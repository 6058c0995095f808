"""Word drafts (.docx): the body, tables, headers and footers, footnotes and
endnotes, comments, text boxes and text deleted under tracked changes, read
from the package XML (python-docx exposes neither comments, footnotes nor
deletions well).

The extracted text is laid out body first (tables and text boxes where they
stand), then headers and footers section by section, footnotes, endnotes and
comments, one line per paragraph.  Each stretch carries a label saying where
a person finds it (第3段, 表格1 第2行第3列, 首页页眉, 脚注2, 批注1, 文本框1（第4段）,
修订删除（第5段）).  Parts that are in the file but never shown (a header no
section uses, a footnote nothing refers to) are read too and say so.

After the comments come what the package publishes without a page showing
it: embedded documents (altChunk, HTML or text), the glossary (building
blocks, 文档部件), hyperlink addresses (链接地址, percent-decoded: a
``tel:151…`` target is a phone number like any other) and the document
properties (文档属性（作者）, 文档属性（关键词）, 自定义属性「…」).

Some things cannot be screened or must not be published as they are; they
become notices (``DocxDocument.notices``) that the package detector
(detectors/package.py) turns into findings: tracked changes and comments
(接受修订、删除批注 before publishing), pictures and embedded objects (the
text in a picture cannot be checked), embedded documents in a format that is
not read.

Every character taken from a w:t, w:delText or m:t element is recorded as a
TextRun (part, element index), so a later redaction can mask a finding in
the original runs and keep their formatting.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import InputError
from ..ocr.parts import read_pictures
from .docx_walk import Names, TextBuilder, TextRun, Walker
from .html import load_html
from .notices import Notice
from .ooxml import Package
from .percent import unquote

_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_R_IDS = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
          "{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_NOTES = (("footnotes", "footnote", "脚注"), ("endnotes", "endnote", "尾注"), ("comments", "comment", "批注"))


@dataclass(eq=False)
class DocxDocument(Document):
    """A Document read from a .docx, with the map back to its text elements."""

    runs: tuple[TextRun, ...] = ()
    notices: tuple[Notice, ...] = ()

    def runs_for(self, start: int, end: int) -> list[tuple[TextRun, int, int]]:
        """The text runs overlapping ``[start, end)``, each with the slice of
        its own text (run-relative start and end) that the span covers."""
        return [(run, max(start, run.start) - run.start, min(end, run.end) - run.start)
                for run in self.runs if run.start < end and start < run.end]


def load_docx(path: Path, data: bytes, encoding: str | None = None) -> DocxDocument:
    """Read a .docx into a DocxDocument; ``encoding`` does not apply."""
    name = str(path)
    pkg = Package(data, name)
    main = next((part for kind, part in pkg.relationships("").values() if kind == "officeDocument"),
                "word/document.xml")
    if not pkg.has(main):
        raise InputError(name, "不是 Word 文档（缺少正文部件），请在 Word 中另存为 .docx 后再检查")
    root = pkg.xml(main)
    ns = root.tag[1:].split("}", 1)[0] if root.tag.startswith("{") else ""
    names = Names(ns)
    body = root.find(f"{{{ns}}}body")
    if not root.tag.endswith("}document") or body is None:
        raise InputError(name, "不是 Word 文档（可能是其他 Office 文件改了扩展名），请在 Word 中另存为 .docx")
    out = TextBuilder()
    walker = Walker(names, out)
    walker.enter_part(main, root)
    walker.blocks(body, None)
    rels = pkg.relationships(main)
    walked = [main]
    for part, label in _header_footer_parts(body, names, rels, ns == _STRICT):
        if not pkg.has(part):
            continue
        part_root = pkg.xml(part)
        walker.enter_part(part, part_root)
        walker.blocks(part_root, label)
        walked.append(part)
    comments = 0
    for rel_type, element, label in _NOTES:
        for part in sorted(p for kind, p in rels.values() if kind == rel_type and pkg.has(p)):
            found = _notes(pkg, walker, part, f"{{{ns}}}{element}", label)
            walked.append(part)
            if rel_type == "comments":
                comments += found
    unread = _alt_chunks(pkg, walker, out)
    for part in sorted(p for kind, p in rels.values() if kind == "glossaryDocument" and pkg.has(p)):
        part_root = pkg.xml(part)
        walker.enter_part(part, part_root)
        for body_el in part_root.iter(names.q("docPartBody")):
            walker.blocks(body_el, "文档部件（词汇表）")
        walked.append(part)
    _links(pkg, walked, out)
    _properties(pkg, out)
    notices = _notices(walker, comments, unread)
    doc = DocxDocument(out.text(), path=name, segments=tuple(out.segments), wrap_join=False,
                       runs=tuple(out.runs),
                       notices=notices)
    # the ocr extra reads the pictures (screener/ocr/parts.py); OLE objects stay unread
    return read_pictures(doc, [p for p in pkg.names() if p.startswith("word/media/")], pkg.read,
                         [p for p in walker.pictures if p.startswith("嵌入对象")], _PICTURE_ADVICE)


_CORE_LABELS = {"title": "标题", "subject": "主题", "creator": "作者", "keywords": "关键词",
                "description": "备注", "lastModifiedBy": "最后修改者", "category": "类别",
                "contentStatus": "状态", "identifier": "标识", "language": "语言", "version": "版本"}
_APP_LABELS = {"Company": "单位", "Manager": "经理", "HyperlinkBase": "超链接基础"}
_VT_TEXT = ("lpwstr", "lpstr", "bstr", "i4", "i8", "r8", "decimal", "int", "uint", "ui4", "ui8")


def _local(tag) -> str:
    return str(tag).rsplit("}", 1)[-1]


_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


_DIGIT_RUN = re.compile(r"[0-9\uff10-\uff19]{3,}")


def _label_safe(name: str) -> str:
    """A name taken from the file, as a location label may show it: on one
    line, at most 20 characters, runs of digits hidden (a label is shown
    as is, and a hostile file could name a property after a number)."""
    return _DIGIT_RUN.sub("…", _one_line(name))[:20]


def _one_line(text: str) -> str:
    """A property value as the 属性 dialog shows it: on one line (control
    characters, line breaks included, become a space)."""
    return _CONTROL.sub(" ", text)


def _properties(pkg: Package, out: TextBuilder) -> None:
    """Core, extended (app) and custom document properties, one per line:
    what 文件 › 属性 shows and what every copy of the file carries."""
    rels = pkg.relationships("")
    parts = {kind: part for kind, part in rels.values()}
    core = parts.get("core-properties", "docProps/core.xml")
    if pkg.has(core):
        for el in pkg.xml(core):
            label = _CORE_LABELS.get(_local(el.tag))
            if label and (el.text or "").strip():
                out.add(_one_line(el.text), f"文档属性（{label}）")
                out.add("\n", None)
    app = parts.get("extended-properties", "docProps/app.xml")
    if pkg.has(app):
        for el in pkg.xml(app):
            local = _local(el.tag)
            if local in _APP_LABELS and (el.text or "").strip():
                out.add(_one_line(el.text), f"文档属性（{_APP_LABELS[local]}）")
                out.add("\n", None)
            elif local == "TitlesOfParts":
                for item in el.iter():
                    if _local(item.tag) in ("lpstr", "lpwstr") and (item.text or "").strip():
                        out.add(_one_line(item.text), "文档属性（各部分标题）")
                        out.add("\n", None)
    custom = parts.get("custom-properties", "docProps/custom.xml")
    if pkg.has(custom):
        for prop in pkg.xml(custom):
            name = prop.get("name", "")
            if name.strip():
                out.add(_one_line(name), "自定义属性名称")
                out.add("\n", None)
            for value in prop.iter():
                if _local(value.tag) in _VT_TEXT and (value.text or "").strip():
                    out.add(_one_line(value.text), f"自定义属性「{_label_safe(name)}」")
                    out.add("\n", None)


def _links(pkg: Package, parts: list[str], out: TextBuilder) -> None:
    """The external hyperlink addresses of the parts read, percent-decoded."""
    for part in parts:
        for kind, target in pkg.external_targets(part).values():
            if kind == "hyperlink" and target.strip():
                out.add(unquote(target), "链接地址")
                out.add("\n", None)


_READABLE_CHUNKS = {".htm": "html", ".html": "html", ".xhtml": "html", ".txt": "text"}


def _alt_chunks(pkg: Package, walker: Walker, out: TextBuilder) -> list[str]:
    """Embedded documents (w:altChunk), which Word merges into the page when
    the file is opened: HTML and plain text are read; any other format is
    returned by where it stands, to be reported as unread."""
    unread: list[str] = []
    for source, rid, where in walker.alt_chunks:
        kind_part = pkg.relationships(source).get(rid)
        if kind_part is None or not pkg.has(kind_part[1]):
            continue
        part = kind_part[1]
        form = _READABLE_CHUNKS.get(Path(part).suffix.lower())
        if form is None:
            unread.append(f"嵌入文档（{where}）")
            continue
        data = pkg.read(part)
        try:
            text = load_html(Path(part), data).text if form == "html" else data.decode("utf-8-sig")
        except (InputError, UnicodeDecodeError):
            unread.append(f"嵌入文档（{where}）")
            continue
        if text.strip():
            out.add(text.strip("\n"), f"嵌入文档（{where}）")
            out.add("\n", None)
    return unread


_PICTURE_ADVICE = "请人工核对这些图片和嵌入对象（扫描件、截图中的身份证号、手机号同样会泄露）"


def _notices(walker: Walker, comments: int, unread: list[str]) -> tuple[Notice, ...]:
    notices: list[Notice] = []
    if walker.revisions or comments:
        said = "、".join(part for part in (f"修订 {walker.revisions} 处" if walker.revisions else "",
                                           f"批注 {comments} 条" if comments else "") if part)
        todo = "、".join(part for part in ("接受修订" if walker.revisions else "",
                                           "删除批注" if comments else "") if part)
        notices.append(Notice(
            kind="revision", code="DX801",
            message=f"稿件含{said}，发布前请{todo}",
            suggestion="修订和批注随文件一起发布，删除的文字和批注内容都能被读者看到；"
                       "在 Word「审阅」中接受修订、删除批注后另存，或用 --final-copy 生成发布稿"))
    if walker.pictures:
        names = "、".join(walker.pictures[:10]) + (f" 等 {len(walker.pictures)} 个" if len(walker.pictures) > 10 else "")
        notices.append(Notice(
            kind="unchecked", code="DX802",
            message=f"图片中的文字无法检查：{names}",
            suggestion=_PICTURE_ADVICE))
    if unread:
        notices.append(Notice(
            kind="unchecked", code="DX803",
            message=f"嵌入的文档无法读取：{'、'.join(unread[:10])}",
            suggestion="请在 Word 中打开稿件，把嵌入内容转为正文后另存再检查"))
    return tuple(notices)


def _header_footer_parts(body, names: Names, rels: dict, strict: bool) -> list[tuple[str, str]]:
    """Header and footer parts in section order, labelled 页眉, 首页页脚, 第2节偶数页页眉 …;
    parts no section uses come last, labelled 页眉（未使用）."""
    r_id = _R_IDS[1] if strict else _R_IDS[0]
    q = names.q
    sections = [s for s in body.iter(q("sectPr")) if s.getparent().tag != q("sectPrChange")]
    kinds = {"header": "页眉", "footer": "页脚"}
    labels: dict[str, str] = {}
    for i, sect in enumerate(sections, 1):
        section = f"第{i}节" if len(sections) > 1 else ""
        for ref in sect:
            kind, target = rels.get(ref.get(r_id, ""), ("", ""))
            if ref.tag in (q("headerReference"), q("footerReference")) and kind in kinds:
                prefix = {"first": "首页", "even": "偶数页"}.get(ref.get(q("type"), ""), "")
                labels.setdefault(target, section + prefix + kinds[kind])
    for kind, target in sorted(rels.values(), key=lambda rel: rel[1]):
        if kind in kinds and target not in labels:
            labels[target] = kinds[kind] + "（未使用）"
    return list(labels.items())


def _notes(pkg: Package, walker: Walker, part: str, element: str, label: str) -> int:
    """Footnotes, endnotes or comments, numbered as Word shows them: in the
    order the document refers to them.  Returns how many there are."""
    root = pkg.xml(part)
    walker.enter_part(part, root)
    notes = {note.get(walker.n.id, ""): note for note in root.iter(element)
             if note.get(walker.n.q("type"), "") not in _NOTE_SEPARATORS}
    order = list(dict.fromkeys(i for i in walker.references[element.rsplit("}", 1)[1]] if i in notes))
    count = len(notes)
    for number, note_id in enumerate(order, 1):
        walker.blocks(notes.pop(note_id), f"{label}{number}")
    for note in notes.values():
        walker.blocks(note, f"{label}（未引用）")
    return count
