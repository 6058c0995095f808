"""Build small, valid PDF files for tests, with no PDF library.

What a Chinese office's PDF export holds, in the forms that matter to text
extraction:

- ``font="identity"``: a Type0 font with Identity-H encoding and a ToUnicode
  CMap (what Word and WPS write when they export to PDF); glyph ids are
  arbitrary, only the ToUnicode map gives the text;
- ``font="ucs2"``: the predefined CJK font STSong-Light with the predefined
  CMap UniGB-UCS2-H and no ToUnicode (what reportlab and older tools write);
  the reader must know the Adobe-GB1 character collection;
- ``font="latin"``: Helvetica with WinAnsi (ASCII only).

A page is a list of ``(x, y, text)`` lines (points from the bottom left), and
may carry an image (a small grey square drawn over ``image_box``): a page
with an image and no text is what a scanner makes; ``shapes`` draws that many
filled rectangles (a few are a table's rules, hundreds are what text
converted to outlines leaves).  ``info`` fills the
document information dictionary; ``user_password`` encrypts the file with the
standard security handler, revision 2 (RC4, 40-bit; PDF 1.7 §7.6.3), so the
reader needs the password to open it.
"""
from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field

_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


@dataclass
class Page:
    lines: list[tuple[float, float, str]] = field(default_factory=list)
    image: bool = False
    image_box: tuple[float, float, float, float] = (50, 300, 400, 400)
    shapes: int = 0  # filled rectangles: a table's rules, or text converted to outlines
    comments: list[str] = field(default_factory=list)  # sticky-note annotations (/Contents)
    links: list[str] = field(default_factory=list)  # link annotations with a URI action


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    """A text string as UTF-16BE with a byte-order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


class _Writer:
    def __init__(self) -> None:
        self.objects: list[bytes | None] = []

    def reserve(self) -> int:
        self.objects.append(None)
        return len(self.objects)

    def put(self, num: int, body: bytes) -> None:
        self.objects[num - 1] = body

    def add(self, body: bytes) -> int:
        num = self.reserve()
        self.put(num, body)
        return num


def _stream(dictionary: bytes, data: bytes, compress: bool = True) -> bytes:
    if compress:
        data = zlib.compress(data)
        dictionary += b" /Filter /FlateDecode"
    return b"<<" + dictionary + b" /Length %d>>\nstream\n" % len(data) + data + b"\nendstream"


def _tounicode(cids: dict[str, int]) -> bytes:
    lines = [b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
             b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
             b"1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    items = sorted(cids.items(), key=lambda kv: kv[1])
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(b"%d beginbfchar" % len(chunk))
        for ch, cid in chunk:
            lines.append(b"<%04X> <%s>" % (cid, ch.encode("utf-16-be").hex().upper().encode()))
        lines.append(b"endbfchar")
    lines.append(b"endcmap CMapName currentdict /CMap defineresource pop end end")
    return b"\n".join(lines)


def build_pdf(pages: list[Page], *, font: str = "identity", info: dict[str, str] | None = None,
              user_password: str | None = None, compress: bool = True) -> bytes:
    """The bytes of a PDF with ``pages`` (see the module docstring)."""
    w = _Writer()
    catalog, pages_num = w.reserve(), w.reserve()
    cids: dict[str, int] = {}
    if font == "identity":
        for page in pages:
            for _, _, text in page.lines:
                for ch in text:
                    cids.setdefault(ch, 3 + 7 * len(cids))  # arbitrary glyph ids
    font_num = w.reserve()
    image_num = w.add(_stream(b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray "
                              b"/BitsPerComponent 8", bytes(range(0, 256, 4)), compress))
    kids = []
    for page in pages:
        ops = []
        if page.image:
            x, y, width, height = page.image_box
            ops.append(b"q %g 0 0 %g %g %g cm /Im1 Do Q" % (width, height, x, y))
        for i in range(page.shapes):
            ops.append(b"%d %d 4 6 re f" % (50 + (i % 40) * 12, 700 - (i // 40) * 14))
        for x, y, text in page.lines:
            if font == "identity":
                code = b"".join(b"%04X" % cids[ch] for ch in text)
            elif font == "ucs2":
                code = text.encode("utf-16-be").hex().upper().encode()
            else:
                code = text.encode("cp1252").hex().upper().encode()
            ops.append(b"BT /F1 12 Tf %g %g Td <%s> Tj ET" % (x, y, code))
        content = w.add(_stream(b"", b"\n".join(ops), compress))
        annots = [w.add(b"<</Type /Annot /Subtype /Text /Rect [50 50 70 70] /Contents " + _pdf_string(c) + b">>")
                  for c in page.comments]
        annots += [w.add(b"<</Type /Annot /Subtype /Link /Rect [50 80 150 95] /A <</S /URI /URI (%s)>>>>"
                         % uri.encode("ascii")) for uri in page.links]
        annot_ref = b" /Annots [%s]" % b" ".join(b"%d 0 R" % a for a in annots) if annots else b""
        kids.append(w.add(b"<</Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                          b"/Resources <</Font <</F1 %d 0 R>> /XObject <</Im1 %d 0 R>>>>%s>>"
                          % (pages_num, content, font_num, image_num, annot_ref)))
    w.put(pages_num, b"<</Type /Pages /Kids [%s] /Count %d>>"
          % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    w.put(catalog, b"<</Type /Catalog /Pages %d 0 R>>" % pages_num)
    if font == "identity":
        descriptor = w.add(b"<</Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -141 1000 859] "
                           b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80>>")
        cidfont = w.add(b"<</Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
                        b"<</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R "
                        b"/DW 1000>>" % descriptor)
        tounicode = w.add(_stream(b"", _tounicode(cids), compress))
        w.put(font_num, b"<</Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>" % (cidfont, tounicode))
    elif font == "ucs2":
        cidfont = w.add(b"<</Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo "
                        b"<</Registry (Adobe) /Ordering (GB1) /Supplement 2>> /FontDescriptor "
                        b"<</Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -143 1000 857] "
                        b"/ItalicAngle 0 /Ascent 857 /Descent -143 /CapHeight 857 /StemV 91>> /DW 1000>>")
        w.put(font_num, b"<</Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H "
                        b"/Encoding /UniGB-UCS2-H /DescendantFonts [%d 0 R]>>" % cidfont)
    else:
        w.put(font_num, b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding>>")
    info_num = None
    if info:
        keys = {"title": b"Title", "author": b"Author", "subject": b"Subject", "keywords": b"Keywords",
                "creator": b"Creator", "producer": b"Producer"}
        info_num = w.add(b"<<" + b" ".join(b"/" + keys[k] + b" " + _pdf_string(v) for k, v in info.items()) + b">>")
    file_id = hashlib.md5(b"screener-test").digest()
    encrypt_num = None
    key = None
    if user_password is not None:
        owner = _rc4(hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5], (user_password.encode() + _PAD)[:32])
        permissions = -4
        digest = hashlib.md5((user_password.encode() + _PAD)[:32] + owner
                             + permissions.to_bytes(4, "little", signed=True) + file_id).digest()
        key = digest[:5]
        user = _rc4(key, _PAD)
        encrypt_num = w.add(b"<</Filter /Standard /V 1 /R 2 /Length 40 /O <%s> /U <%s> /P %d>>"
                            % (owner.hex().encode(), user.hex().encode(), permissions))
    return _serialise(w, catalog, info_num, encrypt_num, key, file_id)


def _encrypt_object(body: bytes, num: int, key: bytes) -> bytes:
    """RC4 over the stream data of object ``num`` (strings in the tests'
    encrypted files sit only in streams and the unencrypted /Encrypt dict)."""
    if b"stream\n" not in body:
        return body
    head, rest = body.split(b"stream\n", 1)
    data = rest[: -len(b"\nendstream")]
    obj_key = hashlib.md5(key + num.to_bytes(3, "little") + b"\x00\x00").digest()[: len(key) + 5]
    return head + b"stream\n" + _rc4(obj_key, data) + b"\nendstream"


def _serialise(w: _Writer, catalog: int, info: int | None, encrypt: int | None, key: bytes | None,
               file_id: bytes) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for num, body in enumerate(w.objects, 1):
        assert body is not None, f"object {num} reserved but not written"
        if key is not None and num != encrypt:
            body = _encrypt_object(body, num, key)
        offsets.append(len(out))
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    trailer = b"/Size %d /Root %d 0 R /ID [<%s> <%s>]" % (len(offsets) + 1, catalog, file_id.hex().encode(),
                                                         file_id.hex().encode())
    if info is not None:
        trailer += b" /Info %d 0 R" % info
    if encrypt is not None:
        trailer += b" /Encrypt %d 0 R" % encrypt
    out += b"trailer\n<<" + trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)
