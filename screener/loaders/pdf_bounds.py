"""A bound on what a PDF's compressed streams decode to, checked before PDFium
opens the file.

A FlateDecode stream of 200 KB can inflate to 200 MB of zeros; PDFium
decodes a page's content streams whole, in memory, and reads a page of
zeros as blank: the file passes as read while the process holds hundreds of
megabytes (a decompression bomb).  So the raw file is walked first: every
``stream … endstream`` whose dictionary names FlateDecode is measured by
inflating it in 1 MB steps, output discarded, so memory stays bounded and
the work stops at the limit.  Deflate's ratio cannot pass about 1032:1, so a
stream too small to reach the limits is not inflated at all: an ordinary
office PDF costs a scan of its bytes, no decoding.

Limits: ``MAX_STREAM`` decoded bytes for one stream (a 300-dpi A4 colour
scan is 26 MB), ``MAX_DECODED`` for the file.  Consecutive FlateDecode
filters (``[/FlateDecode /FlateDecode]``, which multiplies the ratio) are
inflated layer by layer under the same bounds.  The stream's length is its
``/Length`` when that is a direct number or a resolvable indirect one,
otherwise up to ``endstream``.

Not measured: streams of an encrypted PDF (their bytes are ciphertext until
PDFium decrypts them; PDFium's own limits apply) and filters other than
FlateDecode (LZW and RunLength have small ratios; image codecs are bounded
by the image's declared size).
"""
from __future__ import annotations

import re
import zlib

from ..errors import InputError

MAX_STREAM = 128 * 1024 * 1024
MAX_DECODED = 512 * 1024 * 1024
MAX_LAYERS = 4  # more FlateDecode passes than this are measured as this many (work stays bounded)
_RATIO = 1032  # deflate's largest expansion: 258 bytes per 2 bits of input, rounded up
_STEP = 1 << 20
_STREAM = re.compile(rb"stream\r?\n")
_DICT_WINDOW = 4096
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_LENGTH = re.compile(rb"/Length(?![0-9A-Za-z])\s*(\d+)(?:\s+(\d+)\s+R)?")
_INT_OBJECT = re.compile(rb"(?<![0-9])(\d{1,10})\s+(\d{1,5})\s+obj\s*(\d{1,12})\s*endobj")
_ENCRYPT = re.compile(rb"/Encrypt\s*(?:\d+\s+\d+\s+R|<<)")
_BOMB = "PDF 中有数据流解压后过大（超过 {} MB，可能是解压炸弹），已停止读取；请重新导出 PDF，或检查其源文件"


def check_streams(data: bytes, path: str) -> None:
    """Raise InputError if a stream of ``data`` decodes to more than the limits."""
    if _ENCRYPT.search(data):
        return
    streams = list(_flate_streams(data))
    potential = sum(len(body) * _RATIO ** layers for body, layers in streams)
    if potential <= MAX_DECODED and all(len(b) * _RATIO ** n <= MAX_STREAM for b, n in streams):
        return  # nothing in the file can reach the limits: no decoding needed
    total = 0
    for body, layers in sorted(streams, key=lambda s: -len(s[0])):
        if len(body) * _RATIO ** layers <= MAX_STREAM and potential <= MAX_DECODED - total:
            break  # what is left cannot pass either limit (largest streams first)
        potential -= len(body) * _RATIO ** layers
        size = _inflated_size(body, layers, min(MAX_STREAM, MAX_DECODED - total) + 1)
        if size > MAX_STREAM:
            raise InputError(path, _BOMB.format(MAX_STREAM // 1048576))
        total += size
        if total > MAX_DECODED:
            raise InputError(path, _BOMB.format(MAX_DECODED // 1048576))


class _Numbers:
    """The file's objects that are a bare integer (``12 0 obj 5120 endobj``,
    how many writers give a stream's /Length), indexed on first use: one
    scan of the file, not one per stream."""

    def __init__(self, data: bytes):
        self.data = data
        self.index: dict[tuple[int, int], int] | None = None

    def get(self, number: int, generation: int) -> int | None:
        if self.index is None:
            self.index = {(int(m.group(1)), int(m.group(2))): int(m.group(3)) for m in _INT_OBJECT.finditer(self.data)}
        return self.index.get((number, generation))


def _flate_streams(data: bytes):
    """(raw bytes, number of leading FlateDecode filters) of each Flate stream."""
    numbers = _Numbers(data)
    pos = 0
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return
        start = m.end()
        keyword = m.start()
        pos = start
        if keyword >= 3 and data[keyword - 3:keyword] == b"end":
            continue  # the "stream" of an "endstream"
        head = data[max(0, keyword - _DICT_WINDOW):keyword]
        obj = head.rfind(b"obj")
        dictionary = head[obj + 3:] if obj != -1 else head
        layers = _flate_layers(dictionary)
        end = _stream_end(data, dictionary, start, numbers)
        pos = max(pos, end)
        if layers:
            yield data[start:end], layers


def _flate_layers(dictionary: bytes) -> int:
    m = None
    for m in _FILTER.finditer(dictionary):
        pass  # the last /Filter: a DecodeParms dictionary comes before or after, never holds one
    if m is None:
        return 0
    layers = 0
    for name in _NAME.findall(m.group(1)):
        if name not in (b"FlateDecode", b"Fl"):
            break
        layers += 1
    return min(layers, MAX_LAYERS)


def _stream_end(data: bytes, dictionary: bytes, start: int, numbers: _Numbers) -> int:
    m = _LENGTH.search(dictionary)
    length = None
    if m is not None:
        length = int(m.group(1)) if m.group(2) is None else numbers.get(int(m.group(1)), int(m.group(2)))
    if length is not None and start + length <= len(data):
        return start + length
    end = data.find(b"endstream", start)
    return end if end != -1 else len(data)


def _inflated_size(body: bytes, layers: int, limit: int) -> int:
    """What ``layers`` FlateDecode passes make of ``body`` (all layers' output
    together), counted up to ``limit``."""
    decoders = [zlib.decompressobj() for _ in range(layers)]
    total = 0

    def feed(level: int, chunk: bytes) -> bool:
        """Pass ``chunk`` through the decoders from ``level``; False once the limit is passed."""
        nonlocal total
        decoder = decoders[level]
        while chunk:
            try:
                out = decoder.decompress(chunk, _STEP)
            except zlib.error:
                return True  # damaged data: PDFium stops there too
            chunk = decoder.unconsumed_tail
            total += len(out)  # every layer's output counts: the work is bounded, not only the result
            if total >= limit or (level + 1 < layers and not feed(level + 1, out)):
                return False
            if decoder.eof:
                break
        return True

    for offset in range(0, len(body), _STEP):
        if not feed(0, body[offset: offset + _STEP]):
            break
    return total
