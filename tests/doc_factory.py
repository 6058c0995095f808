"""Build minimal, valid Word 97-2003 (.doc) files for tests, with no Office.

Two layers, both written from the published specifications:

- ``build_cfb``: an OLE compound file ([MS-CFB], version 3, 512-byte
  sectors).  Every stream is padded with zero bytes to at least 4096 bytes so
  it lives in regular sectors and no mini stream is needed; the Word streams
  and property sets locate their content by offsets, so trailing zeros are
  never read as content.
- ``build_doc``: the ``WordDocument`` stream with a Word 97 FIB ([MS-DOC]
  2.5: FibBase, FibRgW97, FibRgLw97 with the story lengths, FibRgFcLcb97 with
  the Clx) and the ``1Table`` stream with the piece table, the text split
  into pieces alternating UTF-16LE and "compressed" CP1252 where the text
  allows, plus a SummaryInformation property set (code page 936, GBK
  strings) for the document properties.

Stories are given as lists of paragraphs; Word's story layout is followed:
main text, footnotes, headers, (macro), comments, endnotes, text boxes, each
paragraph ending in a carriage return, and a final paragraph mark after the
last story when any story but the main text is present.
"""
from __future__ import annotations

import struct

SECTOR = 512
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MIN_STREAM = 4096
_SUMMARY_FMTID = bytes.fromhex("E0859FF2F94F6810AB9108002B27B3D9")


def _dir_entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    return (encoded.ljust(64, b"\x00") + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child) + b"\x00" * 16 + b"\x00" * 4 + b"\x00" * 16
            + struct.pack("<IQ", start, size))


def build_cfb(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file holding ``streams`` at its root."""
    names = sorted(streams, key=lambda n: (len(n), n.upper()))  # the CFB directory order
    data = {n: streams[n].ljust(MIN_STREAM, b"\x00") for n in names}
    chains: list[tuple[int, int]] = []  # (first sector, sector count) per stream
    sector = 0
    for n in names:
        count = -(-len(data[n]) // SECTOR)
        chains.append((sector, count))
        sector += count
    entries = 1 + len(names)
    dir_count = -(-entries * 128 // SECTOR)
    dir_start = sector
    sector += dir_count
    fat_count = 1
    while (sector + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = sector
    fat = [FREE] * (fat_count * SECTOR // 4)
    for first, count in chains:
        for s in range(first, first + count):
            fat[s] = s + 1 if s + 1 < first + count else END
    for s in range(dir_start, dir_start + dir_count):
        fat[s] = s + 1 if s + 1 < dir_start + dir_count else END
    for s in range(fat_start, fat_start + fat_count):
        fat[s] = FATSECT
    assert fat_count <= 109
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, 4096, END, 0, END, 0))
    difat = [fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)
    header += struct.pack("<109I", *difat)
    assert len(header) == SECTOR
    directory = _dir_entry("Root Entry", 5, 1 if names else NOSTREAM, NOSTREAM, END, 0)
    for i, n in enumerate(names):
        right = i + 2 if i + 1 < len(names) else NOSTREAM
        directory += _dir_entry(n, 2, NOSTREAM, right, chains[i][0], len(data[n]))
    directory = directory.ljust(dir_count * SECTOR, b"\x00")
    body = b"".join(data[n].ljust(-(-len(data[n]) // SECTOR) * SECTOR, b"\x00") for n in names)
    return header + body + directory + struct.pack(f"<{len(fat)}I", *fat)


def _property_set(props: dict[int, str]) -> bytes:
    """A SummaryInformation stream: code page 936 and 8-bit (GBK) strings."""
    values = [(1, struct.pack("<IhH", 2, 936, 0))]
    for pid, text in sorted(props.items()):
        raw = text.encode("gbk") + b"\x00"
        raw = raw.ljust(-(-len(raw) // 4) * 4, b"\x00")
        values.append((pid, struct.pack("<II", 30, len(text.encode("gbk")) + 1) + raw))
    offset = 8 + 8 * len(values)
    index = b""
    body = b""
    for pid, value in values:
        index += struct.pack("<II", pid, offset + len(body))
        body += value
    section = struct.pack("<II", 8 + len(index) + len(body), len(values)) + index + body
    return (struct.pack("<HHI", 0xFFFE, 0, 0x00020006) + b"\x00" * 16 + struct.pack("<I", 1)
            + _SUMMARY_FMTID + struct.pack("<I", 48) + section)


_PROPS = {"title": 2, "subject": 3, "author": 4, "keywords": 5, "comments": 6, "last_saved_by": 8}


def _pieces(text: str, compress: bool) -> list[tuple[str, bool]]:
    """The text cut into pieces: runs of ASCII compressed (when asked), the rest UTF-16."""
    if not compress:
        return [(text, False)]
    out: list[tuple[str, bool]] = []
    for ch in text:
        ascii_ = ch < "\x80"
        if out and out[-1][1] == ascii_:
            out[-1] = (out[-1][0] + ch, ascii_)
        else:
            out.append((ch, ascii_))
    return out


def build_doc(body: list[str], *, footnotes: list[str] = (), headers: list[str] = (),
              comments: list[str] = (), endnotes: list[str] = (), textboxes: list[str] = (),
              properties: dict[str, str] | None = None, compress: bool = True,
              encrypted: bool = False, nfib: int = 0x00C1, prc: bool = True,
              word_ident: int = 0xA5EC) -> bytes:
    """The bytes of a .doc with these stories (paragraphs may hold Word's
    special characters: \\x07 cell end, \\x13/\\x14/\\x15 fields, \\x01 a picture)."""
    stories = [body, footnotes, headers, [], comments, endnotes, textboxes, []]
    texts = ["".join(p + "\r" for p in story) for story in stories]
    if any(texts[1:]):
        texts[-1] += "\r"  # the final paragraph mark after the last story
    ccp = [len(t) for t in texts]
    full = "".join(texts)
    fib_len = 0x09A + 93 * 8 + 2
    text_start = 0x800
    word = bytearray(text_start)
    pieces = _pieces(full, compress)
    cps = [0]
    pcds = b""
    for text, compressed in pieces:
        fc = len(word)
        if compressed:
            word += text.encode("cp1252")
            pcds += struct.pack("<HIH", 0, (fc * 2) | 0x40000000, 0)
        else:
            word += text.encode("utf-16-le")
            pcds += struct.pack("<HIH", 0, fc, 0)
        cps.append(cps[-1] + len(text))
    plc = struct.pack(f"<{len(cps)}I", *cps) + pcds
    clx = (b"\x01" + struct.pack("<H", 3) + b"\x00\x00\x00" if prc else b"") + b"\x02" + struct.pack("<I", len(plc)) + plc
    table = b"\x00" * 16 + clx
    flags = 0x0200 | 0x0004 | (0x0100 if encrypted else 0)  # fWhichTblStm, fComplex, fEncrypted
    struct.pack_into("<HHHHHHH", word, 0, word_ident, nfib, 0, 0x0804, 0, flags, 0x00BF)
    struct.pack_into("<H", word, 0x20, 14)
    struct.pack_into("<H", word, 0x3E, 22)
    lw = [len(word), 0, 0] + ccp + [0] * 11
    struct.pack_into("<22I", word, 0x40, *lw)
    struct.pack_into("<H", word, 0x98, 93)
    struct.pack_into("<II", word, 0x9A + 33 * 8, 16, len(clx))
    assert fib_len < text_start
    streams = {"WordDocument": bytes(word), "1Table": table}
    if properties:
        streams["\x05SummaryInformation"] = _property_set({_PROPS[k]: v for k, v in properties.items()})
    return build_cfb(streams)
