"""Redacting a .docx: each personal number masked inside its own runs, formatting kept.

The .docx loader records, for every stretch of extracted text, the w:t or
w:delText element it came from (TextRun: part and element index).  For each
number to mask, the characters it covers in each element are replaced:
character for character when the mask keeps the value's length (digits →
``*``), otherwise the whole mask goes into the first element and the rest of
the value is removed from the following ones.  Text deleted under tracked
changes is masked too: it is still in the file.

Only the parts that change are parsed and written again; every other member
of the package is copied unchanged (name, order, date, compression and
content), except that every written form of a masked value (forms.py: with
separators, full width, +86, character references, %-escapes, either case of
an e-mail) anywhere in the package's text parts is masked too: document
properties, field codes (HYPERLINK "mailto:…"), alt text, watermark text,
the origin of moved text, hyperlink targets, embedded HTML and comments hold
text that is not in a run the loader can map, but the file still carries.

The package thumbnail (docProps/thumbnail.*, a picture of the first page
as it was saved, numbers in clear) is left out of the copy.

Parts are read through the loader's Package, so the same per-part and total
size limits apply (a hostile part cannot make redaction read gigabytes), and
an ambiguous package (two members of one name) is refused as it is on
reading.  The result is read back with the loader and must give exactly the
redacted text of the draft, and no text part may still hold any form of a
masked value, or nothing is written.
"""
from __future__ import annotations

import codecs
import copy
import io
import re
import shutil
import zipfile
from collections import defaultdict
from pathlib import Path

from lxml import etree

from ..alphabets import INVISIBLE
from ..errors import InputError, OutputError
from ..folding import fold
from ..loaders.docx import DocxDocument, load_docx
from ..loaders.docx_walk import MATH_T
from ..loaders.ooxml import Package
from ..model import FileReport
from ..privacy import mask, mask_numbers
from . import forms
from .publish import publish_copy

XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_AC, _CHOICE, _FALLBACK = (f"{{{MC}}}{n}" for n in ("AlternateContent", "Choice", "Fallback"))
MAX_COPY_BYTES = 2 * 1024 ** 3  # a redacted copy is the draft's size; this stops a zip bomb
# the loader's hardening (no entities, DTD or network), but comments and
# processing instructions are kept because the part is written back
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          dtd_validation=False, huge_tree=False)


def _edits(report: FileReport, targets, masks) -> dict[str, dict[int, set]]:
    """{part: {element index: {(start, end, replacement), …}}} for the findings.

    A finding read from a property, link, alt text or watermark has no run:
    the scrub of every written form masks it.  One that spans a tab or a
    non-breaking hyphen (w:tab, w:noBreakHyphen: characters with no text
    element) is masked in its text elements, the separator element kept, when
    the mask keeps that character where it is (masks keep separators)."""
    doc = report.document
    assert isinstance(doc, DocxDocument)  # redact_bytes sends only .docx drafts here
    out: dict[str, dict[int, set]] = defaultdict(lambda: defaultdict(set))
    for f, masked in zip(targets, masks):
        pieces = doc.runs_for(f.start, f.end)
        covered = sum(e - s for _, s, e in pieces)
        if covered == 0:
            continue
        if covered != f.end - f.start:
            kept = len(masked) == len(f.text) and all(
                masked[i] == f.text[i] for i in _uncovered(f, pieces))
            if not kept:
                raise OutputError(f"{report.path}：有号码跨越了制表符、换行或自动编号等非文字内容，"
                                  "脱敏后无法保持原有格式，请在 Word 中手工处理")
        for i, (run, s, e) in enumerate(pieces):
            if len(masked) == len(f.text):
                offset = run.start + s - f.start
                new = masked[offset:offset + e - s]
            else:
                new = masked if i == 0 else ""
            out[run.part][run.index].add((s, e, new))
    return out


def _uncovered(f, pieces) -> list[int]:
    """Offsets (relative to the finding) of its characters that no run holds."""
    held: set[int] = set()
    for run, s, e in pieces:
        held.update(range(run.start + s - f.start, run.start + e - f.start))
    return [i for i in range(f.end - f.start) if i not in held]


def _patch(data: bytes, edits: dict[int, set]) -> bytes:
    root = etree.fromstring(data, _PARSER)
    ns = root.tag[1:].split("}", 1)[0]
    elements = list(root.iter(f"{{{ns}}}t", f"{{{ns}}}delText", MATH_T))
    for index, changes in edits.items():
        el = elements[index]
        text = el.text or ""
        spans = sorted(changes, reverse=True)
        if any(a[0] < b[1] for a, b in zip(spans, spans[1:])):
            raise ValueError("overlapping edits")  # two findings disagree about one element
        for s, e, new in spans:
            text = text[:s] + new + text[e:]
        el.text = text
        if text != text.strip():
            el.set(XML_SPACE, "preserve")
    _sync_fallbacks(root, f"{{{ns}}}txbxContent")
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8",
                          standalone=tree.docinfo.standalone)


def _sync_fallbacks(root, txbx: str) -> None:
    """Word writes a text box twice: DrawingML in mc:Choice and a VML copy in
    mc:Fallback.  The loader reads, and the edits reach, the Choice; the
    Fallback copy would keep the unmasked number for any reader of the
    Fallback (or of the XML).  Each Fallback text box gets the redacted
    Choice's content; one whose boxes do not pair up is dropped.  Innermost
    first, so a text box inside a text box is synced before it is copied."""
    for ac in reversed(list(root.iter(_AC))):
        choice, fallback = ac.find(_CHOICE), ac.find(_FALLBACK)
        if choice is None or fallback is None:
            continue
        sources = list(choice.iter(txbx))
        copies = list(fallback.iter(txbx))
        if not copies:
            continue
        if len(sources) != len(copies):
            ac.remove(fallback)
            continue
        for src, dst in zip(sources, copies):
            dst.getparent().replace(dst, copy.deepcopy(src))


_TEXT_PARTS = (".xml", ".rels", ".vml", ".htm", ".html", ".xhtml", ".txt", ".mht", ".mhtml")


def _to_full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


class _Scrubber:
    """Masks every written form of every target value in a part's text.

    Work is linear in the part's size, whatever the number of targets: the
    part is decoded once (references, %-escapes, width) into a view without
    separators, the digit runs of that view are cut into windows of the
    targets' lengths, and only a value found there has its own pattern
    (forms.py) run over the part."""

    def __init__(self, targets, masks):
        self._exact: dict[str, str] = {}
        self._kind: dict[str, str] = {}
        self._patterns: dict[str, re.Pattern] = {}
        # values that are words, not numbers (a home address): every copy of
        # the text as written, and in the other width, is masked as is
        self._literals: dict[str, str] = {}
        for f, masked in zip(targets, masks):
            self._exact.setdefault(f.text, masked)
            keys = forms.keys(f.kind, f.text)
            for key in keys:
                self._kind.setdefault(key, f.kind)
            if not keys and f.kind != "email" and len(f.text) >= 4:
                bare = "".join(c for c in f.text if c not in INVISIBLE)
                for form in {f.text, fold(f.text), _to_full_width(fold(f.text)), bare, fold(bare)}:
                    self._literals.setdefault(form, masked if form == f.text else mask(f.kind, form))
        self._numbers = {k for k, kind in self._kind.items() if kind != "email"}
        self._emails = {k for k, kind in self._kind.items() if kind == "email"}
        self._lengths = sorted({len(k) for k in self._numbers})

    def _pattern(self, key: str) -> re.Pattern:
        if key not in self._patterns:
            self._patterns[key] = forms.pattern(self._kind[key], key)
        return self._patterns[key]

    def _present(self, text: str) -> list[str]:
        """The target values some form of which may be in ``text``."""
        if not self._kind:
            return []
        view = forms.decode(text)
        found = [k for k in self._emails if k in view]
        if self._numbers:
            windows: set[str] = set()
            for run in _DIGIT_RUN.findall(_SEPARATOR_CHARS.sub("", view)):
                run = run.upper()
                for n in self._lengths:
                    windows.update(run[i:i + n] for i in range(len(run) - n + 1))
            found += [k for k in self._numbers if k.upper() in windows]
        return found

    def _replace(self, m: re.Match, kind: str) -> str:
        form = m.group()
        if form in self._exact:
            return self._exact[form]
        return mask(kind, forms.decode(form))

    def text(self, text: str) -> str:
        for literal, masked in self._literals.items():
            if literal in text:
                text = text.replace(literal, masked)
        for key in self._present(text):
            kind = self._kind[key]
            text = self._pattern(key).sub(lambda m: self._replace(m, kind), text)
        return text

    def found(self, text: str) -> bool:
        return (any(literal in text for literal in self._literals)
                or any(self._pattern(key).search(text) for key in self._present(text)))

    def part(self, data: bytes) -> bytes | None:
        """The part with every form masked; None when it is not text this
        can decode (the caller then checks it holds no value at all)."""
        codec = _codec(data)
        if codec is None:
            return None
        text = data.decode(codec)
        scrubbed = self.text(text)
        return data if scrubbed == text else scrubbed.encode(codec)


_DIGIT_RUN = re.compile(r"[0-9Xx]{7,}")
_SEPARATOR_CHARS = re.compile("[" + forms.SEPARATOR_CHARS + "]+")


def _codec(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _binary_holds(data: bytes, targets) -> bool:
    """True when a part that is not text still holds a target's digits or
    address as ASCII or UTF-16 (an embedded object, a cached OLE stream)."""
    for f in targets:
        for key in forms.keys(f.kind, f.text):
            raw = key.encode("ascii", "ignore")
            if raw and (raw in data or key.encode("utf-16-le") in data):
                return True
    return False


def redact_docx_bytes(data: bytes, report: FileReport, targets, masks,
                      expected_text: str, final: bool = False, also=((), ())) -> bytes:
    """The .docx ``data`` with ``targets`` (findings) replaced by ``masks``;
    ``expected_text`` is what the result must read as, checked before returning.
    ``final``: also accept every tracked change and remove every comment
    (publish.py), for the 发布稿.  ``also``: (findings, masks) of values with
    no span in the text (the file name's) whose copies are scrubbed too."""
    edits = _edits(report, targets, masks)
    scrubber = _Scrubber([*targets, *also[0]], [*masks, *also[1]])
    # every other copy of a masked value (a property repeating the body's
    # number, in another form) is masked too, so the copy reads that way
    expected_text = scrubber.text(expected_text)
    pkg = Package(data, report.path)
    thumbnails = {part for kind, part in pkg.relationships("").values() if kind == "thumbnail"}
    out = io.BytesIO()
    copied = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
            for info in zin.infolist():
                target = copy.copy(info)
                copied += info.file_size
                if copied > MAX_COPY_BYTES:
                    raise OutputError(f"{report.path}：文件解压后过大，未生成脱敏副本")
                name = info.filename
                if name in thumbnails:
                    continue  # a picture of the unredacted first page
                if mask_numbers(name) != name:  # the copy would publish the name; Word never writes one
                    raise OutputError(f"{report.path}：部件名称 {_safe(name)} 含有号码，未生成脱敏副本；"
                                      "请在 Word 中打开并另存为新文件后再检查")
                if name in edits or name.lower().endswith(_TEXT_PARTS):
                    part = pkg.read(name)
                    if thumbnails and name in ("_rels/.rels", "[Content_Types].xml"):
                        part = _without(part, thumbnails)
                    if name in edits:
                        part = _patch(part, edits[name])
                    scrubbed = scrubber.part(part)
                    if scrubbed is None:
                        if _binary_holds(part, targets):
                            raise OutputError(f"{report.path}：部件 {_safe(name)} 无法按文字读取却含有号码，"
                                              "未生成脱敏副本，请在 Word 中手工处理")
                        scrubbed = part
                    zout.writestr(target, scrubbed)
                    continue
                if targets and name.lower().endswith(_OBJECT_PARTS):
                    if _binary_holds(pkg.read(name), targets):
                        raise OutputError(f"{report.path}：嵌入对象 {_safe(name)} 中含有号码，无法在副本中脱敏，"
                                          "请在 Word 中删除或替换该对象")
                with zin.open(info) as src, zout.open(target, "w", force_zip64=True) as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
    except (zipfile.BadZipFile, etree.XMLSyntaxError, OSError, IndexError, ValueError, KeyError):
        raise OutputError(f"{report.path}：Word 文档结构与检查时不一致，未生成脱敏副本") from None
    except InputError as exc:
        raise OutputError(f"{report.path}：{exc.problem}，未生成脱敏副本") from None
    result = out.getvalue()
    try:
        again = load_docx(Path(report.path), result).text
    except InputError:
        again = None
    if again != expected_text:
        raise OutputError(f"{report.path}：脱敏后的 Word 文档核对不一致，未生成脱敏副本，请在 Word 中手工处理")
    return _final(result, report.path, scrubber) if final else result


def _final(data: bytes, path: str, scrubber: "_Scrubber") -> bytes:
    """The 发布稿 of a redacted package, checked: it must read, hold no
    revision or comment, and no text part may hold a masked value."""
    try:
        result = publish_copy(data, path)
        doc = load_docx(Path(path), result)
    except (InputError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError, KeyError):
        raise OutputError(f"{path}：生成发布稿（接受修订、删除批注）失败，未写出副本，请在 Word 中手工处理") from None
    if any(n.code == "DX801" for n in doc.notices):
        raise OutputError(f"{path}：发布稿中仍有无法自动接受的修订或批注，未写出副本，请在 Word 中手工处理")
    with zipfile.ZipFile(io.BytesIO(result)) as zf:
        for info in zf.infolist():
            if info.filename.lower().endswith(_TEXT_PARTS):
                raw = zf.read(info)
                codec = _codec(raw)
                if codec and scrubber.found(raw.decode(codec)):
                    raise OutputError(f"{path}：发布稿核对发现仍有号码，未写出副本，请在 Word 中手工处理")
    return result


_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OVERRIDE = "{http://schemas.openxmlformats.org/package/2006/content-types}Override"


def _without(data: bytes, parts: set[str]) -> bytes:
    """The package relationships or content types without the entries of ``parts``."""
    root = etree.fromstring(data, _PARSER)
    for el in list(root.iter(_REL, _OVERRIDE)):
        target = (el.get("Target") or el.get("PartName") or "").lstrip("/")
        if target in parts:
            root.remove(el)
    tree = root.getroottree()
    return etree.tostring(tree, xml_declaration=True, encoding=tree.docinfo.encoding or "UTF-8",
                          standalone=tree.docinfo.standalone)


_OBJECT_PARTS = (".bin", ".ole", ".dat", ".docx", ".xlsx", ".xls", ".doc", ".pptx")


def _safe(name: str) -> str:
    """A part name as messages may show it: digits masked (a hostile package
    can name a part after a number)."""
    return re.sub(r"\d", "*", name)
