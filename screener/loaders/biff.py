"""What xlrd does not expose in a BIFF8 workbook stream, read from its records.

xlrd extracts the Workbook stream from the OLE file and reads cells, notes
and names; it does not give page headers and footers, the literals inside
formulas, or the pictures of a sheet.  This module walks a sheet's substream
([MS-XLS] 2.1.4: a record is a 2-byte type, a 2-byte size and its body) and
collects:

- HEADER / FOOTER (0x0014 / 0x0015): an XLUnicodeString each;
- FORMULA (0x0006) and the SHRFMLA (0x04BC) / ARRAY (0x0221) records that
  hold a shared or array formula's tokens: the formula is stored parsed
  (``rgce``, [MS-XLS] 2.5.198), so its text is not there to read, but its
  string constants (PtgStr) and number constants (PtgNum) are, and those are
  what a formula like ``="张三 "&"530427…"`` publishes.  Tokens are walked by
  their sizes; at a token this walk does not know it stops (what was found
  so far is kept);
- OBJ (0x005D) records of type picture (ot = 8, which is also how an
  embedded OLE object is anchored): the pictures a sheet carries.  The type
  is the 16-bit field at offset 4 both in BIFF8 (after ftCmo's ft and cb)
  and in the older layout some writers still use (after cObj).

Every read is bounded by the record's own size; a damaged record ends the
walk of its sheet, never the file.
"""
from __future__ import annotations

import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

HEADER, FOOTER, EOF = 0x0014, 0x0015, 0x000A
FORMULA, SHRFMLA, ARRAY, OBJ = 0x0006, 0x04BC, 0x0221, 0x005D
OT_PICTURE = 0x0008
_STR, _ATTR, _NUM = 0x17, 0x19, 0x1F
_ATTR_CHOOSE = 0x04
# Bytes after the token byte, by token ([MS-XLS] 2.5.198.25); value-class
# tokens (0x20–0x7F) are listed by their reference-class code (0x20–0x3F).
_SIZES = {0x01: 4, 0x02: 4, **{t: 0 for t in range(0x03, 0x17)}, 0x1C: 1, 0x1D: 1, 0x1E: 2, _NUM: 8,
          0x20: 7, 0x21: 2, 0x22: 3, 0x23: 4, 0x24: 4, 0x25: 8, 0x26: 6, 0x27: 6, 0x28: 6, 0x29: 2,
          0x2A: 4, 0x2B: 8, 0x2C: 4, 0x2D: 8, 0x39: 6, 0x3A: 6, 0x3B: 10, 0x3C: 6, 0x3D: 10}
MAX_LITERALS = 64  # per formula: a formula is at most 8,192 bytes of tokens anyway


@dataclass(slots=True)
class SheetRecords:
    headers: list[tuple[int, str]] = field(default_factory=list)  # record type, text
    formulas: list[tuple[int, int, list[str | float]]] = field(default_factory=list)  # row, col, constants
    pictures: int = 0


def records(mem: bytes, pos: int) -> Iterator[tuple[int, bytes]]:
    """(type, body) of each record of the substream starting at ``pos``, up to its EOF."""
    while 0 <= pos <= len(mem) - 4:
        rid, size = struct.unpack_from("<HH", mem, pos)
        body = mem[pos + 4: pos + 4 + size]
        pos += 4 + size
        if rid == EOF:
            return
        yield rid, body


def read_sheet(mem: bytes, pos: int) -> SheetRecords:
    out = SheetRecords()
    last: tuple[int, int] | None = None  # the FORMULA cell a SHRFMLA / ARRAY record belongs to
    for rid, body in records(mem, pos):
        try:
            if rid in (HEADER, FOOTER) and len(body) >= 3:
                out.headers.append((rid, xl_unicode_string(body)))
            elif rid == FORMULA and len(body) >= 22:
                row, col = struct.unpack_from("<HH", body, 0)
                (cce,) = struct.unpack_from("<H", body, 20)
                last = (row, col)
                _add(out, last, constants(body[22:22 + cce]))
            elif rid == SHRFMLA and len(body) >= 10 and last is not None:
                (cce,) = struct.unpack_from("<H", body, 8)
                _add(out, last, constants(body[10:10 + cce]))
            elif rid == ARRAY and len(body) >= 14 and last is not None:
                (cce,) = struct.unpack_from("<H", body, 12)
                _add(out, last, constants(body[14:14 + cce]))
            elif rid == OBJ and len(body) >= 6 and struct.unpack_from("<H", body, 4)[0] == OT_PICTURE:
                out.pictures += 1
        except (struct.error, UnicodeDecodeError):
            continue  # one damaged record: the rest of the sheet is still read
    return out


def _add(out: SheetRecords, cell: tuple[int, int], found: list[str | float]) -> None:
    if found:
        for row, col, existing in out.formulas:
            if (row, col) == cell:
                existing.extend(found)
                return
        out.formulas.append((cell[0], cell[1], found))


def constants(rgce: bytes) -> list[str | float]:
    """The string and number constants among a formula's tokens, in order."""
    found: list[str | float] = []
    i = 0
    while i < len(rgce) and len(found) < MAX_LITERALS:
        token = rgce[i]
        i += 1
        if token == _STR:
            if i + 2 > len(rgce):
                break
            cch, flags = rgce[i], rgce[i + 1]
            i += 2
            width = 2 if flags & 1 else 1
            raw = rgce[i: i + cch * width]
            i += cch * width
            found.append(raw.decode("utf-16-le", "replace") if width == 2 else raw.decode("latin-1"))
            continue
        if token == _ATTR:
            if i + 3 > len(rgce):
                break
            kind = rgce[i]
            (count,) = struct.unpack_from("<H", rgce, i + 1)
            i += 3 + (2 * (count + 1) if kind & _ATTR_CHOOSE else 0)
            continue
        if token == _NUM:
            if i + 8 > len(rgce):
                break
            found.append(struct.unpack_from("<d", rgce, i)[0])
            i += 8
            continue
        base = token if token < 0x20 else (token & 0x1F) | 0x20
        size = _SIZES.get(base)
        if size is None:
            break  # a token this walk does not know: its size is unknown, stop here
        i += size
    return found


def xl_unicode_string(body: bytes) -> str:
    """An XLUnicodeString (cch, flags, characters)."""
    cch, flags = struct.unpack_from("<HB", body, 0)
    raw = body[3:]
    return raw[:2 * cch].decode("utf-16-le", "replace") if flags & 1 else raw[:cch].decode("latin-1")
