"""A PDF decompression bomb is bounded by screener, not only by PDFium
(issue 15, attach point 5): a stream that inflates past the limit, or a page
with more text than a page holds, is one clear line and exit 2, in bounded
memory and time, never a page read as blank.

The hostile PDFs are made here with zlib; the limits are lowered with
monkeypatch where the case only needs the rule, so the tests stay fast."""
from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from harness import run_cli
from pdf_factory import Page, build_pdf
from screener import InputError
from screener.loaders import pdf as pdf_loader
from screener.loaders import pdf_bounds
from screener.loaders.pdf import load_pdf

MB = 1 << 20


def _zeros(size: int, layers: int = 1) -> bytes:
    """A zlib stream of ``size`` zero bytes (whole MBs), made fast: after a
    full flush the compressor starts afresh, so every 1 MB block compresses to
    the same bytes and is repeated, with the Adler-32 of the whole appended."""
    zeros = b"\0" * MB
    c = zlib.compressobj(9)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    assert first[2:] == block  # the first carries the 2-byte zlib header
    checksum = 1
    for _ in range(size // MB):
        checksum = zlib.adler32(zeros, checksum)
    body = first + block * (size // MB - 1) + zlib.compressobj(9, wbits=-15).flush() + checksum.to_bytes(4, "big")
    for _ in range(layers - 1):
        body = zlib.compress(body, 9)
    return body


def _pdf(contents: list[bytes], filters: bytes = b"/FlateDecode", indirect_length: bool = False,
         length_delta: int = 0) -> bytes:
    """One page per content stream; the streams' dictionaries as office tools write them."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
                   b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(contents))), len(contents))]
    lengths = []
    for i, body in enumerate(contents):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>" % (4 + 2 * i))
        length = len(body) + length_delta
        if indirect_length:
            ref = 3 + 2 * len(contents) + len(lengths)
            lengths.append(b"%d" % length)
            dictionary = b"<< /Length %d 0 R /Filter %s >>" % (ref, filters)
        else:
            dictionary = b"<< /Length %d /Filter %s >>" % (length, filters)
        objects.append(dictionary + b"\nstream\n" + body + b"\nendstream")
    objects += lengths
    out = b"%PDF-1.7\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_the_generated_stream_is_what_it_claims():
    assert zlib.decompress(_zeros(3 * MB)) == b"\0" * (3 * MB)
    assert zlib.decompress(zlib.decompress(_zeros(2 * MB, layers=2))) == b"\0" * (2 * MB)


def test_a_200_mb_zero_stream_is_one_clear_line_and_exit_2(tmp_path):
    path = tmp_path / "公示.pdf"
    path.write_bytes(_pdf([_zeros(200 * MB)]))
    result = run_cli([path])
    assert result.code == 2, result
    assert "解压后过大" in result.err and "可能是解压炸弹" in result.err and "Traceback" not in result.err
    assert len([line for line in result.err.splitlines() if "解压" in line]) == 1


@pytest.mark.parametrize("make, why", [
    (lambda: _pdf([_zeros(5 * MB)]), "one stream past the stream limit"),
    (lambda: _pdf([_zeros(5 * MB, layers=2)], b"[/FlateDecode /FlateDecode]"), "a bomb inside a bomb"),
    (lambda: _pdf([_zeros(3 * MB)] * 4), "streams under the stream limit, past the file limit together"),
    (lambda: _pdf([_zeros(5 * MB)], indirect_length=True), "/Length given as an indirect object"),
    (lambda: _pdf([_zeros(5 * MB)], length_delta=10 ** 9), "/Length longer than the file"),
    (lambda: _pdf([_zeros(5 * MB)], b"/Fl"), "the abbreviated filter name"),
])
def test_bombs_are_refused_before_pdfium_reads_them(monkeypatch, make, why):
    monkeypatch.setattr(pdf_bounds, "MAX_STREAM", 4 * MB)
    monkeypatch.setattr(pdf_bounds, "MAX_DECODED", 10 * MB)
    with pytest.raises(InputError, match="解压后过大"):
        load_pdf(Path("公示.pdf"), make())


@pytest.mark.parametrize("make, why", [
    (lambda: _pdf([_zeros(3 * MB)]), "one stream under both limits"),
    (lambda: _pdf([_zeros(3 * MB)] * 3), "three streams, 9 MB in all"),
    (lambda: _pdf([b"\0" * 1000], b"/ASCIIHexDecode"), "another filter: not measured"),
])
def test_streams_within_the_limits_are_read(monkeypatch, make, why):
    monkeypatch.setattr(pdf_bounds, "MAX_STREAM", 4 * MB)
    monkeypatch.setattr(pdf_bounds, "MAX_DECODED", 10 * MB)
    doc = load_pdf(Path("公示.pdf"), make())
    assert doc.text.strip() == ""  # zeros draw nothing: a blank page, as PDFium reads it


def test_an_ordinary_office_pdf_is_not_decoded_by_the_check(monkeypatch):
    """Nothing small enough to stay under the limits is inflated at all."""
    calls = []
    monkeypatch.setattr(pdf_bounds, "_inflated_size", lambda *a: calls.append(a) or 0)
    data = build_pdf([Page(lines=[(72, 700, "关于会议改期的通知")]), Page(image=True)])
    assert "会议改期" in load_pdf(Path("通知.pdf"), data).text and calls == []


def test_a_page_with_more_text_than_a_page_holds_stops_with_a_message(monkeypatch, tmp_path):
    """PDFium counts a page's characters before they are copied out: a page
    of millions (a generated content stream of text operators) stops there."""
    monkeypatch.setattr(pdf_loader, "MAX_PAGE_CHARS", 50)
    data = build_pdf([Page(lines=[(72, 700, "短")]),
                      Page(lines=[(72, 700 - 40 * i, "关于会议改期的通知" * 2) for i in range(4)])])
    with pytest.raises(InputError, match="第2页文字过多"):
        load_pdf(Path("公示.pdf"), data)
    path = tmp_path / "公示.pdf"
    path.write_bytes(data)
    result = run_cli([path])
    assert result.code == 2 and "第2页文字过多" in result.err
