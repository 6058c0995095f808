"""Walking WordprocessingML: the text of paragraphs, tables, text boxes and
tracked deletions, each piece labelled with where a person finds it.

The walk follows what Word shows with all markup displayed, plus what is in
the file but not shown: text deleted under tracked changes (w:del, w:delText)
is read and labelled 修订删除.  A paragraph with deletions is laid out as it
was before the changes (deleted text in place), so a number partly retyped
under tracked changes (139<del>1234</del><ins>****</ins>5678) is whole again
for the detectors, with its context; that paragraph's insertions follow on
their own line, labelled 修订插入.  Left out on purpose: field codes
(w:instrText: the shown field result is read instead), the origin of moved
text (w:moveFrom: the same text is read where it was moved to), and the
fallback copy of a text box (mc:Fallback repeats mc:Choice).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Segment

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_AC, _CHOICE, _FALLBACK = (f"{{{MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
_NAMES = ("p r t delText del ins moveFrom tbl tr tc sdt sdtContent txbxContent tab ptab br cr "
          "noBreakHyphen footnoteReference endnoteReference commentReference pPr rPr id").split()


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


def choice(ac) -> object | None:
    """The branch of an mc:AlternateContent to read: the first Choice, else the Fallback."""
    return ac.find(_CHOICE) if ac.find(_CHOICE) is not None else ac.find(_FALLBACK)


class Walker:
    """Reads block-level content into a TextBuilder.

    ``label=None`` means the main body, where paragraphs are numbered 第N段
    (only paragraphs with text count, as a reader counts them) and tables
    表格N 第R行第C列; any other label (页眉, 脚注1 …) is used for everything
    inside.
    """

    def __init__(self, names: Names, out: TextBuilder):
        self.n = names
        self.out = out
        self.paragraphs = self.tables = self.boxes = 0
        self.references: dict[str, list[str]] = {"footnote": [], "endnote": [], "comment": []}
        self.part = ""
        self._ordinal: dict = {}

    def enter_part(self, name: str, root) -> None:
        """Number the part's text elements so each piece can name its source element."""
        self.part = name
        self._ordinal = {el: i for i, el in enumerate(root.iter(self.n.t, self.n.delText))}

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
            elif self._transparent(tag):
                self.blocks(child, label)

    def table(self, tbl, label: str | None) -> None:
        if label is None:
            self.tables += 1
        number = self.tables
        for r, row in enumerate(self._wrapped(tbl, self.n.tr), 1):
            cells = list(self._wrapped(row, self.n.tc))
            for c, cell in enumerate(cells, 1):
                self.blocks(cell, label if label is not None else f"表格{number} 第{r}行第{c}列")
                if c < len(cells):
                    self.out.end_cell()

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
        self._inline(p, "", pieces, boxes)
        has_text = any(text.strip() for text, _, _ in pieces)
        if has_text and label is None:
            self.paragraphs += 1
        where = label if label is not None else f"第{self.paragraphs}段"
        if has_text:
            self._lay_out(pieces, where)
        elif label is None:
            where = f"第{self.paragraphs}段后" if self.paragraphs else "正文开头"
        for box in boxes:
            self.boxes += 1
            self.blocks(box, f"文本框{self.boxes}（{where}）")

    def _lay_out(self, pieces: list, where: str) -> None:
        """One paragraph: as it was before tracked changes if it has deletions
        (then its insertions on the next line), else as shown."""
        has_deletions = any(change == "del" for _, change, _ in pieces)
        labels = {"": where, "del": f"修订删除（{where}）", "ins": where}
        inserted: list = []
        last = -2
        for i, (text, change, source) in enumerate(pieces):
            if change == "ins" and has_deletions:
                if inserted and last != i - 1:  # keep separate insertions apart
                    inserted.append((" ", None))
                inserted.append((text, source))
                last = i
            else:
                self.out.add(text, labels[change], source)
        self.out.add("\n", None)
        if inserted:
            for text, source in inserted:
                self.out.add(text, f"修订插入（{where}）" if source else None, source)
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
            elif tag not in (n.moveFrom, n.pPr, n.rPr) and len(child):
                self._inline(child, change, pieces, boxes)  # hyperlink, sdt, fldSimple, smartTag, moveTo …

    def _run(self, run, change: str, pieces: list, boxes: list) -> None:
        n = self.n
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
            elif tag != n.rPr and len(child):
                boxes.extend(self._boxes(child))

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
