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

Every character taken from a w:t or w:delText element is recorded as a
TextRun (part, element index), so a later redaction can mask a finding in
the original runs and keep their formatting.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .docx_walk import Names, TextBuilder, TextRun, Walker
from .ooxml import Package

_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_R_IDS = ("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id",
          "{http://purl.oclc.org/ooxml/officeDocument/relationships}id")
_NOTE_SEPARATORS = {"separator", "continuationSeparator", "continuationNotice"}
_NOTES = (("footnotes", "footnote", "脚注"), ("endnotes", "endnote", "尾注"), ("comments", "comment", "批注"))


@dataclass(eq=False)
class DocxDocument(Document):
    """A Document read from a .docx, with the map back to its text elements."""

    runs: tuple[TextRun, ...] = ()

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
    for part, label in _header_footer_parts(body, names, rels, ns == _STRICT):
        if not pkg.has(part):
            continue
        part_root = pkg.xml(part)
        walker.enter_part(part, part_root)
        walker.blocks(part_root, label)
    for rel_type, element, label in _NOTES:
        for part in sorted(p for kind, p in rels.values() if kind == rel_type and pkg.has(p)):
            _notes(pkg, walker, part, f"{{{ns}}}{element}", label)
    return DocxDocument(out.text(), path=name, segments=tuple(out.segments), wrap_join=False,
                        runs=tuple(out.runs))


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


def _notes(pkg: Package, walker: Walker, part: str, element: str, label: str) -> None:
    """Footnotes, endnotes or comments, numbered as Word shows them: in the
    order the document refers to them."""
    root = pkg.xml(part)
    walker.enter_part(part, root)
    notes = {note.get(walker.n.id, ""): note for note in root.iter(element)
             if note.get(walker.n.q("type"), "") not in _NOTE_SEPARATORS}
    order = list(dict.fromkeys(i for i in walker.references[element.rsplit("}", 1)[1]] if i in notes))
    for number, note_id in enumerate(order, 1):
        walker.blocks(notes.pop(note_id), f"{label}{number}")
    for note in notes.values():
        walker.blocks(note, f"{label}（未引用）")
