"""Build small OFD files (GB/T 33190-2016) for tests.

An OFD is a zip of XML: ``OFD.xml`` (DocInfo metadata and the document root),
``Doc_0/Document.xml`` (pages, template pages, annotations, attachments),
one ``Content.xml`` per page with TextObject/TextCode elements and
ImageObject elements.  ``per_glyph=True`` writes every character as its own
TextObject, as some converters do, so the reader has to put lines together
from positions.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

NS = "http://www.ofdspec.org/2016"


@dataclass
class OfdPage:
    lines: list[tuple[float, float, str]] = field(default_factory=list)  # x, y (mm from the top), text
    image: bool = False
    template: bool = False  # uses the template page


def _text_objects(lines: list[tuple[float, float, str]], per_glyph: bool, first_id: int) -> list[str]:
    out = []
    size = 3.5
    ident = first_id
    for x, y, text in lines:
        if per_glyph:
            for i, ch in enumerate(text):
                out.append(f'<ofd:TextObject ID="{ident}" Boundary="{x + i * size:g} {y:g} {size:g} {size:g}" '
                           f'Font="3" Size="{size:g}"><ofd:TextCode X="0" Y="{size:g}">{escape(ch)}'
                           f'</ofd:TextCode></ofd:TextObject>')
                ident += 1
        else:
            deltas = " ".join([f"{size:g}"] * (len(text) - 1))
            delta = f' DeltaX="g {len(text) - 1} {size:g}"' if len(text) > 2 else (f' DeltaX="{deltas}"' if deltas else "")
            out.append(f'<ofd:TextObject ID="{ident}" Boundary="{x:g} {y:g} {len(text) * size:g} {size:g}" '
                       f'Font="3" Size="{size:g}"><ofd:TextCode X="0" Y="{size:g}"{delta}>{escape(text)}'
                       f'</ofd:TextCode></ofd:TextObject>')
            ident += 1
    return out


def _content(objects: list[str], tag: str = "Page", template_id: str | None = None) -> str:
    template = f'<ofd:Template TemplateID="{template_id}"/>' if template_id else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:{tag} xmlns:ofd="{NS}">{template}'
            f'<ofd:Content><ofd:Layer ID="90">{"".join(objects)}</ofd:Layer></ofd:Content></ofd:{tag}>')


def build_ofd(pages: list[OfdPage], *, info: dict[str, str] | None = None,
              custom: dict[str, str] | None = None, template_lines: list | None = None,
              annotations: dict[int, str] | None = None, attachments: int = 0,
              per_glyph: bool = False, absolute_paths: bool = False,
              extra: dict[str, bytes] | None = None) -> bytes:
    """The bytes of an OFD with ``pages``; ``annotations`` maps a 1-based page
    number to the remark of a stamp annotation on it."""
    files: dict[str, str | bytes] = {}
    info = info or {}
    keys = "".join(f"<ofd:Keyword>{escape(k)}</ofd:Keyword>" for k in info.get("keywords", "").split(";") if k)
    customs = "".join(f"<ofd:CustomData Name={quoteattr(k)}>{escape(v)}</ofd:CustomData>"
                      for k, v in (custom or {}).items())
    doc_info = ("<ofd:DocInfo><ofd:DocID>a1b2c3</ofd:DocID>"
                + "".join(f"<ofd:{tag}>{escape(info[key])}</ofd:{tag}>"
                          for key, tag in (("title", "Title"), ("author", "Author"), ("subject", "Subject"),
                                           ("abstract", "Abstract")) if key in info)
                + (f"<ofd:Keywords>{keys}</ofd:Keywords>" if keys else "")
                + (f"<ofd:CustomDatas>{customs}</ofd:CustomDatas>" if customs else "")
                + "<ofd:Creator>test</ofd:Creator></ofd:DocInfo>")
    files["OFD.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.0" DocType="OFD">'
                        f"<ofd:DocBody>{doc_info}<ofd:DocRoot>{'/' if absolute_paths else ''}Doc_0/Document.xml"
                        "</ofd:DocRoot></ofd:DocBody></ofd:OFD>")
    prefix = "/Doc_0/" if absolute_paths else ""
    page_refs = []
    next_id = 100
    for i, page in enumerate(pages):
        objects = _text_objects(page.lines, per_glyph, next_id)
        next_id += 1000
        if page.image:
            objects.append(f'<ofd:ImageObject ID="{next_id}" Boundary="0 0 210 297" CTM="210 0 0 297 0 0" ResourceID="50"/>')
        files[f"Doc_0/Pages/Page_{i}/Content.xml"] = _content(objects, template_id="2" if page.template else None)
        page_refs.append(f'<ofd:Page ID="{10 + i}" BaseLoc="{prefix}Pages/Page_{i}/Content.xml"/>')
    template = ""
    if template_lines is not None:
        files["Doc_0/Tpls/Tpl_0/Content.xml"] = _content(_text_objects(template_lines, False, 9000), "Page")
        template = f'<ofd:TemplatePage ID="2" BaseLoc="{prefix}Tpls/Tpl_0/Content.xml"/>'
    annots = ""
    if annotations:
        refs = []
        for number, remark in annotations.items():
            loc = f"Page_{number - 1}/Annotation.xml"
            files[f"Doc_0/Annots/{loc}"] = (
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot xmlns:ofd="{NS}">'
                f'<ofd:Annot ID="{number + 5000}" Type="Stamp"><ofd:Remark>{escape(remark)}</ofd:Remark>'
                f'<ofd:Parameters><ofd:Parameter Name="fp.NativeData">{escape(remark)}</ofd:Parameter></ofd:Parameters>'
                '<ofd:Appearance Boundary="0 0 50 10"></ofd:Appearance></ofd:Annot></ofd:PageAnnot>')
            refs.append(f'<ofd:Page PageID="{10 + number - 1}"><ofd:FileLoc>{loc}</ofd:FileLoc></ofd:Page>')
        files["Doc_0/Annots/Annotations.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>'
                                                 f'<ofd:Annotations xmlns:ofd="{NS}">{"".join(refs)}</ofd:Annotations>')
        annots = "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>"
    attach = ""
    if attachments:
        items = "".join(f'<ofd:Attachment ID="a{i}" Name="附件{i}" Format="xlsx"><ofd:FileLoc>file{i}.xlsx</ofd:FileLoc>'
                        "</ofd:Attachment>" for i in range(attachments))
        files["Doc_0/Attachs/Attachments.xml"] = (f'<?xml version="1.0" encoding="UTF-8"?>'
                                                  f'<ofd:Attachments xmlns:ofd="{NS}">{items}</ofd:Attachments>')
        attach = "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>"
    files["Doc_0/Document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
        '<ofd:MaxUnitID>99999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
        f"</ofd:PageArea>{template}</ofd:CommonData><ofd:Pages>{''.join(page_refs)}</ofd:Pages>"
        f"{annots}{attach}</ofd:Document>")
    files.update(extra or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            z.writestr(name, content if isinstance(content, bytes) else content.encode("utf-8"))
    return buf.getvalue()
