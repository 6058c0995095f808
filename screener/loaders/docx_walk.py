"""Walking WordprocessingML: the text of paragraphs, tables, text boxes and
tracked deletions, each piece labelled with where a person finds it.

The walk follows what Word shows with all markup displayed, plus what is in
the file but not shown: text deleted under tracked changes (w:del, w:delText)
is read and labelled 修订删除.  A paragraph with deletions is laid out as it
was before the changes (deleted text in place), so a number partly retyped
under tracked changes (139<del>1234</del><ins>****</ins>5678) is whole again
for the detectors, with its context; the paragraph as it reads once the
changes are accepted follows on its own line (insertions labelled 修订插入,
the rest 修订后), so 151<del>****</del><ins>1417</ins>7763 is read as the
15114177763 that accepting publishes.

Also read, because the file publishes them though a page may not show them:
hidden text (w:vanish, labelled 隐藏文字), ruby text (注音), the text of
Word's VML watermark (v:textpath, 水印), pictures' alt text (图片说明), math
(m:t) and the link address of a HYPERLINK field (链接地址).  Pictures and
embedded objects are counted (their content cannot be checked), and so are
tracked changes and comment references, for the publishing notice.

Left out on purpose: the rest of a field code (w:instrText: the shown field
result is read instead), the origin of moved text (w:moveFrom: the same text
is read where it was moved to), and the fallback copy of a text box
(mc:Fallback repeats mc:Choice).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Segment

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
MATH_T = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
_VML = "urn:schemas-microsoft-com:vml"
_TEXTPATH, _IMAGEDATA, _SHAPE = (f"{{{_VML}}}{n}" for n in ("textpath", "imagedata", "shape"))
_DOC_PR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_OLE_OBJECT = "{urn:schemas-microsoft-com:office:office}OLEObject"
_COMPLETES = re.compile("[0-9A-Za-z@*\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff20]")
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_HYPERLINK_FIELD = re.compile(r'HYPERLINK\s+(?:\\[a-z]\s+)*"([^"]+)"|HYPERLINK\s+([^\s"\\]+)')
_AC, _CHOICE, _FALLBACK = (f"{{{MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
_NAMES = ("p r t delText del ins moveFrom tbl tr tc sdt sdtContent txbxContent tab ptab br cr "
          "noBreakHyphen footnoteReference endnoteReference commentReference pPr rPr id vanish val "
          "ruby rt rubyBase instrText object altChunk moveTo").split()


@dataclass(frozen=True, slots=True)
class TextRun:
    """Characters ``[start, end)`` of the extracted text are the text of the
    ``index``-th text element (w:t or w:delText, counted in document order
    over all such elements of ``part``) of package part ``part``.

    This is what redaction needs to mask a finding inside the original run,
    keeping its formatting: re-parse ``part``, take element ``index`` of
    ``root.iter(w:t, w:delText)`` and replace characters
    ``[s - start, e - start)`` of its text.
    """

    start: int
    end: int
    part: str
    index: int


class Names:
    """Clark names (``{ns}local``) of the WordprocessingML elements the walk
    uses, for the transitional or the strict namespace."""

    # One attribute per entry of _NAMES (w:del as ``del_``), set in __init__.
    p: str
    r: str
    t: str
    delText: str
    del_: str
    ins: str
    moveFrom: str
    tbl: str
    tr: str
    tc: str
    sdt: str
    sdtContent: str
    txbxContent: str
    tab: str
    ptab: str
    br: str
    cr: str
    noBreakHyphen: str
    footnoteReference: str
    endnoteReference: str
    commentReference: str
    pPr: str
    rPr: str
    id: str
    vanish: str
    val: str
    ruby: str
    rt: str
    rubyBase: str
    instrText: str
    object: str
    altChunk: str
    moveTo: str

    def __init__(self, ns: str):
        self.ns = ns
        for local in _NAMES:
            setattr(self, local if local != "del" else "del_", self.q(local))

    def q(self, local: str) -> str:
        return f"{{{self.ns}}}{local}"


class TextBuilder:
    """Accumulates the extracted text, its labelled segments and its text runs."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.pos = 0
        self.segments: list[Segment] = []
        self.runs: list[TextRun] = []

    def add(self, text: str, label: str | None, source: tuple[str, int] | None = None) -> None:
        if not text:
            return
        start, self.pos = self.pos, self.pos + len(text)
        self.pieces.append(text)
        if label is not None:
            last = self.segments[-1] if self.segments else None
            if last is not None and last.label == label and last.end == start:
                self.segments[-1] = Segment(last.start, self.pos, label)
            else:
                self.segments.append(Segment(start, self.pos, label))
        if source is not None:
            self.runs.append(TextRun(start, self.pos, *source))

    def text(self) -> str:
        return "".join(self.pieces)

    def end_cell(self) -> None:
        """Separate a table cell from the next cell of its row with a tab
        instead of a line break, so a row reads as one line, as in the HTML
        loader: the context rules then see a name and the numbers in the same
        row as one record."""
        if self.pieces and self.pieces[-1] == "\n":
            self.pieces[-1] = "\t"

    def drop_separators(self, mark: int) -> None:
        """Forget what was added since ``mark`` if it is only blank cells' separators."""
        added = self.pieces[mark:]
        if added and all(piece in ("\t", "\n") for piece in added):
            del self.pieces[mark:]
            self.pos -= len(added)

    def blank_cell(self, last: bool) -> None:
        """A cell with no text: a tab (a line break when it ends the row), so
        blank cells keep their place and the next value stays in its column
        (an annual-report row ``0 | | 3`` must not read as ``0 | 3``)."""
        self.add("\n" if last else "\t", None)


def choice(ac) -> object | None:
    """The branch of an mc:AlternateContent to read: the first Choice, else the Fallback."""
    return ac.find(_CHOICE) if ac.find(_CHOICE) is not None else ac.find(_FALLBACK)


class Walker:
    """Reads block-level content into a TextBuilder.

    ``label=None`` means the main body, where paragraphs are numbered 第N段
    (only paragraphs with text count, as a reader counts them) and tables
    表格N 第R行第C列; any other label (页眉, 脚注1 …) is used for everything
    inside.

    Besides the text it counts, for the notices the loader gives: tracked
    changes (``revisions``), pictures and embedded objects (``pictures``:
    where each one is), and it collects altChunk references (``alt_chunks``:
    relationship ids of embedded documents, read by the loader).
    """

    def __init__(self, names: Names, out: TextBuilder):
        self.n = names
        self.out = out
        self.paragraphs = self.tables = self.boxes = 0
        self.references: dict[str, list[str]] = {"footnote": [], "endnote": [], "comment": []}
        self.part = ""
        self._ordinal: dict = {}
        self.revisions = 0
        self.pictures: list[str] = []
        self.alt_chunks: list[tuple[str, str, str]] = []  # (part, relationship id, where)
        self._extras: list[tuple[str, str, tuple[str, int] | None]] = []  # (text, kind, source)

    def enter_part(self, name: str, root) -> None:
        """Number the part's text elements so each piece can name its source element."""
        self.part = name
        self._ordinal = {el: i for i, el in enumerate(root.iter(self.n.t, self.n.delText, MATH_T))}
        n = self.n
        self.revisions += sum(1 for _ in root.iter(n.ins, n.del_, n.moveFrom, n.moveTo))

    def blocks(self, container, label: str | None) -> None:
        n = self.n
        for child in container:
            tag = child.tag
            if tag == n.p:
                self.paragraph(child, label)
            elif tag == n.tbl:
                self.table(child, label)
            elif tag == _AC:
                branch = choice(child)
                if branch is not None:
                    self.blocks(branch, label)
            elif tag == n.altChunk:
                where = label if label is not None else (f"第{self.paragraphs}段后" if self.paragraphs else "正文开头")
                self.alt_chunks.append((self.part, child.get(_R_ID, ""), where))
            elif self._transparent(tag):
                self.blocks(child, label)

    def table(self, tbl, label: str | None) -> None:
        if label is None:
            self.tables += 1
        number = self.tables
        for r, row in enumerate(self._wrapped(tbl, self.n.tr), 1):
            cells = list(self._wrapped(row, self.n.tc))
            mark = len(self.out.pieces)
            for c, cell in enumerate(cells, 1):
                before = self.out.pos
                self.blocks(cell, label if label is not None else f"表格{number} 第{r}行第{c}列")
                if self.out.pos == before:  # a blank cell stays a cell: the row keeps its columns
                    self.out.blank_cell(last=c == len(cells))
                elif c < len(cells):
                    self.out.end_cell()
            self.out.drop_separators(mark)  # a row with no text at all adds nothing, as before

    def _transparent(self, tag) -> bool:
        """Content controls and custom XML wrap content without being content."""
        return tag in (self.n.sdt, self.n.sdtContent) or str(tag).endswith("}customXml")

    def _wrapped(self, parent, tag):
        """Children with ``tag``, looking through content controls and custom XML."""
        for child in parent:
            if child.tag == tag:
                yield child
            elif self._transparent(child.tag):
                yield from self._wrapped(child, tag)

    def paragraph(self, p, label: str | None) -> None:
        pieces: list[tuple[str, str, tuple[str, int] | None]] = []  # (text, change, source)
        boxes: list = []
        extras, self._extras = self._extras, []
        self._inline(p, "", pieces, boxes)
        mine, self._extras = self._extras, extras
        has_text = any(text.strip() for text, _, _ in pieces)
        if has_text and label is None:
            self.paragraphs += 1
        where = label if label is not None else f"第{self.paragraphs}段"
        if has_text:
            self._lay_out(pieces, where)
        elif label is None:
            where = f"第{self.paragraphs}段后" if self.paragraphs else "正文开头"
        self._lay_out_extras(mine, where)
        for box in boxes:
            self.boxes += 1
            self.blocks(box, f"文本框{self.boxes}（{where}）")

    _EXTRA_LABELS = {"ruby": "注音", "watermark": "水印", "alt": "图片说明", "link": "链接地址"}

    def _lay_out_extras(self, extras: list, where: str) -> None:
        """Ruby text, watermark text, alt text and field link addresses of a
        paragraph, each on its own line after it; pictures are counted."""
        for text, kind, source in extras:
            if kind == "picture":
                self.pictures.append(f"{text}（{where}）")
                continue
            if not text.strip():
                continue
            self.out.add(text, f"{self._EXTRA_LABELS[kind]}（{where}）", source)
            self.out.add("\n", None)

    def _lay_out(self, pieces: list, where: str) -> None:
        """One paragraph: as it was before tracked changes if it has deletions,
        else as shown.  A paragraph with deletions then gets a second line:
        the whole paragraph as accepting the changes shows it when an
        insertion holds a digit, a Latin letter, an @ or a mask * (it may complete a
        number or an address: 151<del>****</del><ins>1417</ins>7763), else
        only its insertions (so an ordinary wording edit does not screen
        the paragraph's numbers twice)."""
        has_deletions = any(change == "del" for _, change, _ in pieces)
        labels = {"": where, "del": f"修订删除（{where}）", "ins": where, "hidden": f"隐藏文字（{where}）"}
        for text, change, source in pieces:
            if not (change == "ins" and has_deletions):
                self.out.add(text, labels[change], source)
        self.out.add("\n", None)
        inserted = [(text, source) for text, change, source in pieces if change == "ins"]
        if not (has_deletions and inserted):
            return
        if any(_COMPLETES.search(text) for text, _ in inserted):
            accepted = {"": f"修订后（{where}）", "ins": f"修订插入（{where}）", "hidden": f"隐藏文字（{where}）"}
            for text, change, source in pieces:
                if change != "del":
                    self.out.add(text, accepted[change] if source else None, source)
        else:
            last = -2
            for i, (text, change, source) in enumerate(pieces):
                if change != "ins":
                    continue
                if last >= 0 and last != i - 1:  # keep separate insertions apart
                    self.out.add(" ", None)
                self.out.add(text, f"修订插入（{where}）" if source else None, source)
                last = i
        self.out.add("\n", None)

    def _inline(self, el, change: str, pieces: list, boxes: list) -> None:
        n = self.n
        for child in el:
            tag = child.tag
            if tag == n.r:
                self._run(child, change, pieces, boxes)
            elif tag == n.del_:
                self._inline(child, "del", pieces, boxes)
            elif tag == n.ins:
                self._inline(child, change or "ins", pieces, boxes)
            elif tag == _AC:
                branch = choice(child)
                if branch is not None:
                    self._inline(branch, change, pieces, boxes)
            elif tag == MATH_T:
                if child.text:
                    pieces.append((child.text, change, (self.part, self._ordinal[child])))
            elif tag not in (n.moveFrom, n.pPr, n.rPr) and len(child):
                self._inline(child, change, pieces, boxes)  # hyperlink, sdt, fldSimple, smartTag, moveTo, math …

    def _hidden(self, run) -> bool:
        """True when the run's properties hide it (w:vanish, not switched off)."""
        rpr = run.find(self.n.rPr)
        if rpr is None:
            return False
        vanish = rpr.find(self.n.vanish)
        return vanish is not None and vanish.get(self.n.val, "true") not in ("0", "false", "off")

    def _run(self, run, change: str, pieces: list, boxes: list) -> None:
        n = self.n
        if change == "" and self._hidden(run):
            change = "hidden"
        for child in run:
            tag = child.tag
            if tag == n.t or tag == n.delText:
                if child.text:
                    kind = "del" if tag == n.delText else change
                    pieces.append((child.text, kind, (self.part, self._ordinal[child])))
            elif tag in (n.tab, n.ptab):
                pieces.append(("\t", change, None))
            elif tag in (n.br, n.cr):
                pieces.append(("\n", change, None))
            elif tag == n.noBreakHyphen:
                pieces.append(("-", change, None))
            elif tag in (n.footnoteReference, n.endnoteReference, n.commentReference):
                kind = tag.rsplit("}", 1)[1][: -len("Reference")]
                self.references[kind].append(child.get(n.id, ""))
            elif tag == n.instrText:
                m = _HYPERLINK_FIELD.search(child.text or "")
                if m:
                    self._extras.append((m.group(1) or m.group(2), "link", None))
            elif tag == n.ruby:
                self._ruby(child, change, pieces, boxes)
            elif tag != n.rPr and len(child):
                self._drawing(child)
                boxes.extend(self._boxes(child))

    def _ruby(self, ruby, change: str, pieces: list, boxes: list) -> None:
        """Ruby: the base text in line, the ruby text (注音) after the paragraph."""
        base = ruby.find(self.n.rubyBase)
        if base is not None:
            self._inline(base, change, pieces, boxes)
        rt = ruby.find(self.n.rt)
        if rt is not None:
            above: list = []
            self._inline(rt, change, above, boxes)
            self._extras.extend((text, "ruby", source) for text, _, source in above)

    def _drawing(self, el) -> None:
        """Pictures, objects, watermark text and alt text inside a run's drawing or VML."""
        for node in self._graphics(el):
            tag = node.tag
            if tag == _TEXTPATH:
                self._extras.append((node.get("string", ""), "watermark", None))
            elif tag in (_DOC_PR, _SHAPE):
                for attr in ("descr", "title", "alt"):
                    if node.get(attr):
                        self._extras.append((node.get(attr), "alt", None))
            elif tag in (_BLIP, _IMAGEDATA):
                self._extras.append((f"图片{len(self.pictures) + self._count('picture') + 1}", "picture", None))
            elif tag == _OLE_OBJECT:
                # the ProgID (Excel.Sheet.12) comes from the file: letters, dots and short numbers only
                prog = re.sub(r"\d{3,}", "", re.sub(r"[^A-Za-z0-9.]", "", node.get("ProgID", "")))[:40]
                self._extras.append((f"嵌入对象{('（' + prog + '）') if prog else ''}", "picture", None))

    _GRAPHIC_TAGS = frozenset({_DOC_PR, _SHAPE, _TEXTPATH, _IMAGEDATA, _BLIP, _OLE_OBJECT})

    def _graphics(self, el):
        """The picture, shape and object elements under ``el``, in order,
        reading one branch of an mc:AlternateContent (the Fallback repeats
        the Choice) and not entering text boxes (their paragraphs are walked
        on their own)."""
        for child in el:
            tag = child.tag
            if tag in self._GRAPHIC_TAGS:
                yield child
            if tag == _AC:
                branch = choice(child)
                if branch is not None:
                    yield from self._graphics(branch)
            elif tag != self.n.txbxContent and len(child):
                yield from self._graphics(child)

    def _count(self, kind: str) -> int:
        return sum(1 for _, k, _ in self._extras if k == kind)

    def _boxes(self, el):
        """Text box contents inside a drawing, VML shape or AlternateContent (Choice only)."""
        for child in el:
            if child.tag == self.n.txbxContent:
                yield child
            elif child.tag == _AC:
                branch = choice(child)
                if branch is not None:
                    yield from self._boxes(branch)
            elif child.tag != _FALLBACK:
                yield from self._boxes(child)
