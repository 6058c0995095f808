"""Build .docx drafts for tests: python-docx writes the body, tables and
headers; raw WordprocessingML is injected for what python-docx does not
write (footnotes, text boxes, tracked changes, field codes).

Inline helpers return run-level XML; ``para(...)`` wraps them in a paragraph
that ``build_docx`` appends to the body.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = (
    f'xmlns:w="{W}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
)
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def deleted(text: str) -> str:
    return (f'<w:del w:id="90" w:author="审核人" w:date="2024-01-01T00:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')


def inserted(text: str) -> str:
    return f'<w:ins w:id="91" w:author="审核人" w:date="2024-01-01T00:00:00Z">{run(text)}</w:ins>'


def moved_from(text: str) -> str:
    return f'<w:moveFrom w:id="92" w:author="审核人">{run(text)}</w:moveFrom>'


def field(instruction: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{escape(instruction)}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(result)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def line_break() -> str:
    return "<w:r><w:br/></w:r>"


def tab() -> str:
    return "<w:r><w:tab/></w:r>"


def textbox(text: str) -> str:
    """A floating text box as Word 2010+ writes it: a DrawingML shape in
    mc:Choice and the same text again in a VML mc:Fallback."""
    box = f"<w:txbxContent><w:p>{run(text)}</w:p></w:txbxContent>"
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
            '<a:graphic><a:graphicData><wps:wsp><wps:txbx>'
            f'{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            f'<mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')


def hidden(text: str) -> str:
    """A run formatted as hidden text (字体 › 隐藏)."""
    return f'<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def ruby(base: str, above: str) -> str:
    """Ruby (拼音指南): ``above`` set over ``base``."""
    return (f'<w:r><w:ruby><w:rubyPr/><w:rt>{run(above)}</w:rt>'
            f'<w:rubyBase>{run(base)}</w:rubyBase></w:ruby></w:r>')


def watermark(text: str) -> str:
    """Word's built-in text watermark (设计 › 水印) as it writes it into a header."""
    return ('<w:r><w:pict><v:shape id="PowerPlusWaterMarkObject1" o:spid="_x0000_s2049" type="#_x0000_t136" '
            'style="position:absolute;rotation:315" fillcolor="silver" stroked="f">'
            f'<v:textpath style="font-family:&quot;宋体&quot;" string="{escape(text, {chr(34): "&quot;"})}"/>'
            '</v:shape></w:pict></w:r>')


def picture(rid: str = "rIdImg1", descr: str = "", name: str = "图片 1") -> str:
    """An inline picture (DrawingML) with alt text ``descr``."""
    return ('<w:r><w:drawing><wp:inline><wp:extent cx="100" cy="100"/>'
            f'<wp:docPr id="1" name="{escape(name)}" descr="{escape(descr, {chr(34): "&quot;"})}"/>'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:blipFill><a:blip r:embed="{rid}"/></pic:blipFill></pic:pic>'
            '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def math(text: str) -> str:
    """An inline equation (插入 › 公式) holding ``text``."""
    return f'<m:oMath><m:r><m:t>{escape(text)}</m:t></m:r></m:oMath>'


def hyperlink(rid: str, text: str) -> str:
    return f'<w:hyperlink r:id="{rid}">{run(text)}</w:hyperlink>'


def alt_chunk(rid: str) -> str:
    """A block-level embedded document (w:altChunk) pointing at part ``rid``."""
    return f'<w:altChunk {_NS} r:id="{rid}"/>'


def footnote_ref(note_id: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{note_id}"/></w:r>'


def content_control(*inline: str) -> str:
    return f"<w:sdt><w:sdtContent>{''.join(inline)}</w:sdtContent></w:sdt>"


def para(*inline: str) -> str:
    return f"<w:p {_NS}>{''.join(inline)}</w:p>"


def build_docx(
    path: Path,
    blocks: list = (),
    *,
    header: str | None = None,
    footer: str | None = None,
    first_header: str | None = None,
    footnotes: list[str] = (),
    comments: list[tuple[str, str]] = (),
    properties: dict[str, str] | None = None,
    custom_properties: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    header_xml: str | None = None,
    images: dict[str, bytes] | None = None,
    parts: list[tuple[str, str, str, bytes, str]] = (),
) -> Path:
    """Write a .docx to ``path``.

    ``blocks`` items: a str is a plain paragraph, a list of rows is a table
    (a cell may hold a para() fragment), and a para() fragment is injected
    as is.  ``footnotes`` are the notes' texts, referred to by footnote_ref(1…n)
    in the blocks; ``comments`` are (anchor text, comment text) pairs, each
    anchored on a new paragraph.  ``properties`` sets core properties
    (author, keywords, subject, title, comments …; python-docx's own defaults
    are cleared); ``custom_properties`` writes docProps/custom.xml; ``links``
    maps relationship ids to external hyperlink targets (use hyperlink(rid,
    …) in the blocks); ``header_xml`` is a para() fragment appended to the
    header (a watermark); ``images`` maps relationship ids to PNG bytes for
    picture(rid); ``parts`` adds (part name, content type, relationship
    type, bytes, relationship id) parts related from the main document (an
    altChunk's HTML, a glossary).
    """
    d = docx.Document()
    body = d.element.body
    for block in blocks:
        if isinstance(block, str) and block.startswith(("<w:p ", "<w:altChunk ")):
            body.sectPr.addprevious(parse_xml(block))
        elif isinstance(block, str):
            d.add_paragraph(block)
        else:
            table = d.add_table(rows=len(block), cols=max(len(r) for r in block))
            for r, row in enumerate(block):
                for c, value in enumerate(row):
                    cell = table.cell(r, c)
                    if value.startswith("<w:p "):
                        cell._tc.remove(cell.paragraphs[0]._p)
                        cell._tc.append(parse_xml(value))
                    else:
                        cell.text = value
    section = d.sections[0]
    if header is not None:
        section.header.paragraphs[0].text = header
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    if first_header is not None:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = first_header
    for anchor, text in comments:
        paragraph = d.add_paragraph()
        d.add_comment(paragraph.add_run(anchor), text=text, author="审核人", initials="SH")
    if footnotes:
        notes = "".join(f'<w:footnote w:id="{i}"><w:p>{run(t)}</w:p></w:footnote>'
                        for i, t in enumerate(footnotes, 1))
        xml = (f'<w:footnotes {_NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
               f'</w:r></w:p></w:footnote>{notes}</w:footnotes>')
        part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, xml.encode(), d.part.package)
        d.part.relate_to(part, RT.FOOTNOTES)
    core = d.core_properties
    core.author = core.comments = ""
    for key, value in (properties or {}).items():
        setattr(core, key, value)
    for rid, target in (links or {}).items():
        d.part.rels.add_relationship(RT.HYPERLINK, target, rid, is_external=True)
    for rid, data in (images or {}).items():
        image = Part(PackURI(f"/word/media/{rid}.png"), "image/png", data, d.part.package)
        d.part.rels.add_relationship(RT.IMAGE, image, rid)
    for partname, content_type, rel_type, data, rid in parts:
        extra = Part(PackURI(partname), content_type, data, d.part.package)
        d.part.rels.add_relationship(rel_type, extra, rid)
    if header_xml is not None:
        section.header._element.append(parse_xml(header_xml))
    d.save(str(path))
    if custom_properties:
        _add_custom_properties(path, custom_properties)
    return path


_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def _add_custom_properties(path: Path, props: dict[str, str]) -> None:
    """Add docProps/custom.xml (文件 › 属性 › 自定义) to a saved package."""
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i}" name="{escape(name)}">'
        f'<vt:lpwstr>{escape(value)}</vt:lpwstr></property>' for i, (name, value) in enumerate(props.items(), 2))
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.'
           'openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.'
           f'org/officeDocument/2006/docPropsVTypes">{items}</Properties>')
    with zipfile.ZipFile(path) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    members["docProps/custom.xml"] = xml.encode()
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>", f'<Override PartName="/docProps/custom.xml" ContentType="{_CUSTOM_CT}"/></Types>'.encode())
    members["_rels/.rels"] = members["_rels/.rels"].replace(
        b"</Relationships>",
        f'<Relationship Id="rIdCustom" Type="{_CUSTOM_RT}" Target="docProps/custom.xml"/></Relationships>'.encode())
    path.write_bytes(zip_bytes(members))


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive holding ``members`` (for hand-made broken packages)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def minimal_parts(document_xml: str) -> dict[str, bytes]:
    """The three parts a .docx needs, around a given word/document.xml."""
    return {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>').encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        ).encode(),
        "word/document.xml": document_xml.encode(),
    }


def document_xml(*paragraphs: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS}><w:body>{"".join(paragraphs)}</w:body></w:document>'
