"""Old Word (.doc, Word 97-2003) and WPS (.wps) files: the text of the Word
binary format, read from its OLE container with olefile.

What is read ([MS-DOC], Word 97-2003 binary file format):

- the FIB at the start of the ``WordDocument`` stream: the story lengths
  (ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx), the
  flags (encrypted, which table stream) and the place of the Clx;
- footnotes, endnotes and comments numbered by their reference marks
  (脚注1, 尾注2, 批注3), in story order;
- the piece table (Clx → Pcdt → PlcPcd) in the ``1Table``/``0Table`` stream:
  every piece of text, stored as UTF-16LE or as "compressed" single bytes
  (CP1252), in character-position order;
- the stories in their fixed order along the character positions: the main
  text (body and tables, labelled 第N段 by non-empty paragraph), footnotes
  (脚注), headers and footers (页眉页脚, all sections together), comments
  (批注), endnotes (尾注) and text boxes (文本框, 页眉页脚中的文本框);
- a table row as one line, its cells separated by a tab (a cell ends with
  U+0007 and a row with one more), so a number keeps its row as context;
- field codes are dropped and their shown result kept, except the target of
  a HYPERLINK field, which a published file carries too (链接：…);
- the SummaryInformation and DocumentSummaryInformation properties (title,
  subject, author, keywords, comments, last saved by, company, manager) as
  文档属性.

Not read: formatting, so a table row is numbered as a paragraph (no row or
column label), a row with an empty cell may be split in two lines (an empty
cell's mark looks like a row's end), hidden text is read like shown text, and text deleted under tracked
changes is read in place, unlabelled (it is in the pieces; the revision marks
are in the formatting).  Pictures and embedded objects (their anchor
characters) are counted and reported as not checked.  Word 6/95 files and
old WPS files (WPS 2000 and earlier, their own format) cannot be read and say
so; an encrypted file says so.  A .doc or .wps that is really a .docx, a web
page or an RTF file is recognised by its content (sniff.py): the first two
are read as what they are, RTF is refused with what to do.
"""
from __future__ import annotations

import re
import struct
from pathlib import Path

import olefile

from ..document import Document
from ..errors import InputError
from . import sniff
from .docx import load_docx
from .html import load_html
from .ole_props import ole_properties
from .paged import PagedBuilder, PagedDocument

_WORD_IDENT = 0xA5EC
_WORD6_IDENT = 0xA5DC
_STORIES = (("正文", None), ("脚注", "脚注"), ("页眉页脚", "页眉页脚"), ("宏", None), ("批注", "批注"),
            ("尾注", "尾注"), ("文本框", "文本框"), ("页眉页脚中的文本框", "页眉页脚中的文本框"))
_SAVE_AS = "请在 Word 或 WPS 中另存为 .docx 后再检查"
_BREAKS = {"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\x0e": "\n", "\x1e": "-", "\t": "\t"}
_ANCHORS = "\x01\x08"  # a picture, an embedded object or a drawing stands here
# In the footnote, endnote and comment stories each note begins with its
# reference mark (U+0002 auto-numbered note, U+0005 comment): kept through
# cleaning as this private-use character, so notes are numbered as Word does.
_NOTE_MARK = "\ue000"
_NUMBERED = {"脚注", "尾注", "批注"}
_HYPERLINK = re.compile(r'^\s*HYPERLINK\s+(?:\\l\s+)?"([^"]+)"', re.IGNORECASE)


def load_word97(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """Read a .doc or .wps file; ``encoding`` applies only to one that is
    really a web page."""
    name = str(path)
    fmt = "WPS" if path.suffix.lower() in (".wps", ".wpt") else "Word 97-2003"
    found = sniff.kind(data)
    if found == "zip":
        return load_docx(path, data, encoding)
    if found == "html":
        return load_html(path, data, encoding)
    if found == "rtf":
        raise InputError(name, f"实际是 RTF 格式（不是 {fmt} 二进制格式），无法读取；{_SAVE_AS}")
    if found != "ole":
        raise InputError(name, f"{sniff.wrong_format(data, path.suffix.lower() or fmt)}；{_SAVE_AS}")
    try:
        ole = olefile.OleFileIO(data)
    except Exception:  # olefile raises OSError, struct.error, IndexError … on damaged containers
        raise InputError(name, f"文件已损坏（OLE 复合文档结构无法读取）；{_SAVE_AS}") from None
    try:
        return _read(ole, name, fmt)
    except InputError:
        raise
    except Exception:  # the same: a damaged stream chain inside a well-formed header
        raise InputError(name, f"文件已损坏（内部数据流无法读取）；{_SAVE_AS}") from None
    finally:
        ole.close()


def _read(ole: olefile.OleFileIO, name: str, fmt: str) -> PagedDocument:
    if ole.exists("EncryptedPackage") or ole.exists("EncryptionInfo"):
        raise InputError(name, f"文件设有打开密码（已加密），无法检查；请取消密码后{_SAVE_AS}")
    if not ole.exists("WordDocument"):
        raise InputError(name, _not_word(ole, fmt))
    word = ole.openstream("WordDocument").read()
    fib = _fib(word, name, fmt)
    table_name = "1Table" if fib["which_table"] else "0Table"
    if not ole.exists(table_name):
        raise InputError(name, f"文件已损坏（缺少 {table_name} 数据流）；{_SAVE_AS}")
    table = ole.openstream(table_name).read()
    text = _piece_text(word, table, fib, name)
    out = PagedBuilder()
    anchors = 0
    pos = 0
    for (story, label), length in zip(_STORIES, fib["ccp"]):
        raw = text[pos:pos + length]
        pos += length
        if label is None and story != "正文":
            continue  # the macro story: Word keeps it empty
        anchors += sum(raw.count(ch) for ch in _ANCHORS)
        paragraphs = _clean(raw, keep_marks=label in _NUMBERED).split("\n")
        number = 0
        for paragraph in paragraphs:
            starts_note = paragraph.lstrip().startswith(_NOTE_MARK)
            paragraph = paragraph.replace(_NOTE_MARK, "")
            if label in _NUMBERED:
                number += starts_note or not number
                if paragraph.strip():
                    out.add(paragraph, f"{label}{number}")
                continue
            if not paragraph.strip():
                continue
            number += 1
            out.add(paragraph, f"第{number}段" if label is None else label)
    if anchors:
        out.note(f"文档含图片或嵌入对象 {anchors} 个，其中的文字未检查", "embedded", "图片和对象")
    properties = ole_properties(ole)
    if properties is None:
        out.note("文档属性无法读取，未能检查", "embedded", "文档属性")
    else:
        out.properties(properties)
    return out.build(name, fmt)


def _not_word(ole: olefile.OleFileIO, fmt: str) -> str:
    if ole.exists("Workbook") or ole.exists("Book"):
        return "不是文字文档，实际是旧版 Excel/WPS 表格（.xls、.et），请改回正确的扩展名后再检查"
    if ole.exists("PowerPoint Document"):
        return "不是文字文档，实际是旧版 PowerPoint/WPS 演示文稿（.ppt、.dps），请改回正确的扩展名后再检查"
    if fmt == "WPS":
        return "是旧版 WPS 文字格式（WPS 2000 等，不是 Word 兼容格式），无法读取；请在 WPS 中另存为 .docx 后再检查"
    return f"不是 Word 文档（文件中没有 WordDocument 数据流）；{_SAVE_AS}"


def _u16(data: bytes, pos: int) -> int:
    return struct.unpack_from("<H", data, pos)[0]


def _u32(data: bytes, pos: int) -> int:
    return struct.unpack_from("<I", data, pos)[0]


def _fib(word: bytes, name: str, fmt: str) -> dict:
    """The parts of the FIB this loader uses, each offset found from the
    counts that precede it (csw, cslw, cbRgFcLcb), not assumed."""
    broken = InputError(name, f"文件已损坏（{fmt} 文件头不完整）；{_SAVE_AS}")
    if len(word) < 0x44:
        raise broken
    ident, nfib = _u16(word, 0), _u16(word, 2)
    if ident == _WORD6_IDENT or (ident == _WORD_IDENT and nfib < 0x00C0):
        raise InputError(name, f"是 Word 6.0/95 或更早的格式，无法读取；{_SAVE_AS}")
    if ident != _WORD_IDENT:
        raise InputError(name, f"不是有效的 {fmt} 文件（文件头标识不对）；{_SAVE_AS}")
    flags = _u16(word, 0x0A)
    if flags & 0x0100 or flags & 0x8000:  # fEncrypted, fObfuscated
        raise InputError(name, f"文件设有打开密码（已加密），无法检查；请取消密码后{_SAVE_AS}")
    pos = 0x20
    csw = _u16(word, pos)
    pos += 2 + csw * 2
    if pos + 2 > len(word):
        raise broken
    cslw = _u16(word, pos)
    lw = pos + 2
    pos = lw + cslw * 4
    if cslw < 11 or pos + 2 > len(word):
        raise broken
    count = _u16(word, pos)
    blob = pos + 2
    if count <= 33 or blob + count * 8 > len(word):
        raise broken
    ccp = [_u32(word, lw + 4 * i) for i in range(3, 11)]
    return {"which_table": bool(flags & 0x0200), "ccp": ccp,
            "fc_clx": _u32(word, blob + 33 * 8), "lcb_clx": _u32(word, blob + 33 * 8 + 4)}


def _piece_text(word: bytes, table: bytes, fib: dict, name: str) -> str:
    """All characters of all stories, in character-position order, from the piece table."""
    broken = InputError(name, f"文件已损坏（文字片段表无法读取）；{_SAVE_AS}")
    pos, end = fib["fc_clx"], fib["fc_clx"] + fib["lcb_clx"]
    if end > len(table) or fib["lcb_clx"] == 0:
        raise broken
    while pos < end and table[pos] == 0x01:  # Prc: property modifiers, skipped
        if pos + 3 > end:
            raise broken
        pos += 3 + _u16(table, pos + 1)
    if pos + 5 > end or table[pos] != 0x02:
        raise broken
    lcb = _u32(table, pos + 1)
    plc = pos + 5
    if lcb < 16 or plc + lcb > len(table) or (lcb - 4) % 12:
        raise broken
    n = (lcb - 4) // 12
    cps = [_u32(table, plc + 4 * i) for i in range(n + 1)]
    if any(b < a for a, b in zip(cps, cps[1:])) or cps[-1] > len(word):
        raise broken
    pieces: list[str] = []
    for i in range(n):
        fc_raw = _u32(table, plc + 4 * (n + 1) + 8 * i + 2)
        length = cps[i + 1] - cps[i]
        if fc_raw & 0x40000000:  # compressed: one byte per character, CP1252
            start = (fc_raw & 0x3FFFFFFF) // 2
            chunk = word[start:start + length]
            text = chunk.decode("cp1252", errors="replace")
        else:
            start = fc_raw & 0x3FFFFFFF
            chunk = word[start:start + 2 * length]
            text = chunk.decode("utf-16-le", errors="replace")
        if len(text) != length:
            raise broken
        pieces.append(text)
    return "".join(pieces)


def _clean(raw: str, keep_marks: bool = False) -> str:
    """A story's characters as text: paragraph, cell and line marks become
    line breaks, field codes give way to their results (a HYPERLINK keeps its
    target), anchors and other control characters are dropped."""
    out: list[str] = []
    stack: list[list] = []  # per open field: [in_code, code characters]
    raw = raw.replace("\x07\x07", "\r").replace("\x07", "\t")  # cell end + row mark; cell end
    for ch in raw:
        if ch == "\x13":
            stack.append([True, []])
            continue
        if ch == "\x14" and stack:
            stack[-1][0] = False
            continue
        if ch == "\x15" and stack:
            _, code = stack.pop()
            link = _HYPERLINK.match("".join(code))
            if link:
                out.append(f"（链接：{link.group(1)}）")
            continue
        if stack and stack[-1][0]:
            stack[-1][1].append(ch)
            continue
        if ch in _BREAKS:
            out.append(_BREAKS[ch])
        elif keep_marks and ch in "\x02\x05":
            out.append(_NOTE_MARK)
        elif ch >= " ":
            out.append(ch)
    return "".join(out)
