"""OLE compound files with storages, for .xls tests, written from [MS-CFB].

doc_factory.build_cfb puts streams at the root only; an Excel workbook also
carries storages (an embedded object is a ``MBD…`` storage holding its own
streams) and two property sets: SummaryInformation (title, author …) and
DocumentSummaryInformation (company, manager).  Version 3, 512-byte sectors,
every stream padded to 4096 bytes so no mini stream is needed (the readers
locate content by offsets and sizes inside the streams, so trailing zeros
are never read as content)."""
from __future__ import annotations

import io
import struct

import olefile

from doc_factory import END, FATSECT, FREE, MIN_STREAM, NOSTREAM, SECTOR, _dir_entry, _property_set

_DOC_SUMMARY_FMTID = bytes.fromhex("02D5CDD59C2E1B10939708002B2CF9AE")
SUMMARY = {"title": 2, "subject": 3, "author": 4, "keywords": 5, "comments": 6, "last_saved_by": 8}
DOC_SUMMARY = {"category": 2, "manager": 14, "company": 15}


def build_ole(tree: dict) -> bytes:
    """An OLE file from ``tree``: {name: bytes (a stream) | dict (a storage)}."""
    entries: list[list] = [["Root Entry", 5, None, NOSTREAM, NOSTREAM]]  # name, kind, data, child, right

    def add(level: dict) -> int:
        first = NOSTREAM
        previous = None
        for name in sorted(level, key=lambda n: (len(n), n.upper())):
            value = level[name]
            index = len(entries)
            entries.append([name, 1 if isinstance(value, dict) else 2,
                            None if isinstance(value, dict) else value.ljust(MIN_STREAM, b"\x00"), NOSTREAM, NOSTREAM])
            if previous is None:
                first = index
            else:
                entries[previous][4] = index
            previous = index
            if isinstance(value, dict):
                entries[index][3] = add(value)
        return first

    entries[0][3] = add(tree)
    sector = 0
    chains: dict[int, tuple[int, int]] = {}
    for i, entry in enumerate(entries):
        if entry[2] is not None:
            count = -(-len(entry[2]) // SECTOR)
            chains[i] = (sector, count)
            sector += count
    dir_count = -(-len(entries) * 128 // SECTOR)
    dir_start = sector
    sector += dir_count
    fat_count = 1
    while sector + fat_count > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = sector
    fat = [FREE] * (fat_count * SECTOR // 4)
    for first, count in list(chains.values()) + [(dir_start, dir_count)]:
        for s in range(first, first + count):
            fat[s] = s + 1 if s + 1 < first + count else END
    for s in range(fat_start, fat_start + fat_count):
        fat[s] = FATSECT
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16
              + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
              + struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, 4096, END, 0, END, 0))
    header += struct.pack("<109I", *([fat_start + i for i in range(fat_count)] + [FREE] * (109 - fat_count)))
    directory = b""
    for i, (name, kind, data, child, right) in enumerate(entries):
        start, size = (chains[i][0], len(data)) if data is not None else (END if kind == 5 else 0, 0)
        directory += _dir_entry(name, kind, child, right, start, size)
    body = b"".join(entries[i][2].ljust(chains[i][1] * SECTOR, b"\x00") for i in chains)
    return header + body + directory.ljust(dir_count * SECTOR, b"\x00") + struct.pack(f"<{len(fat)}I", *fat)


def doc_summary(props: dict[int, str]) -> bytes:
    """A DocumentSummaryInformation stream (code page 936, GBK strings)."""
    stream = _property_set(props)
    return stream[:28] + _DOC_SUMMARY_FMTID + stream[44:]


def xls_with(xls: bytes, *, properties: dict[str, str] | None = None, embedded: int = 0) -> bytes:
    """The workbook stream of ``xls`` (as xlwt wrote it) in a new OLE file
    with ``properties`` (SUMMARY / DOC_SUMMARY names) and ``embedded`` MBD storages."""
    with olefile.OleFileIO(io.BytesIO(xls)) as ole:
        workbook = ole.openstream("Workbook").read()
    tree: dict = {"Workbook": workbook}
    properties = properties or {}
    summary = {SUMMARY[k]: v for k, v in properties.items() if k in SUMMARY}
    docs = {DOC_SUMMARY[k]: v for k, v in properties.items() if k in DOC_SUMMARY}
    if summary:
        tree["\x05SummaryInformation"] = _property_set(summary)
    if docs:
        tree["\x05DocumentSummaryInformation"] = doc_summary(docs)
    for i in range(embedded):
        tree[f"MBD{0x1A2B3C40 + i:08X}"] = {"\x01Ole": b"\x01\x00\x00\x02" + b"\x00" * 16,
                                            "CONTENTS": b"embedded object"}
    return build_ole(tree)
