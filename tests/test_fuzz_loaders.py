"""Fuzz targets for every loader: any bytes give a Document or an InputError.

Each distinct loader in ``screener.loaders.LOADERS`` (one extension per
loader function, plus an unknown extension, which falls back to text) is fed
random bytes and mutations of a seed corpus built here: text in every
encoding the loader detects, and for Word files a real .docx made with
python-docx.  Zip-based seeds are also mutated *inside* the archive (the
member rewritten with a valid CRC), so the XML parser sees the damage rather
than the zip reader.  What a loader returns is screened too, so offsets and
locations from every format obey the same properties as text.

Bounded and reproducible: hypothesis with the suite's profile (``ci``:
derandomised, a fixed number of examples), see README "Testing".
"""
from __future__ import annotations

import codecs
import encodings.aliases
import io
import os
import struct
import tempfile
import threading
import zipfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gen
from harness import reference_line_col, run_cli
from paged_seeds import paged_seeds
from screener import Document, InputError, screen_document
from screener.loaders import LOADERS, load
from screener.ocr import engine as ocr_engine

FUZZ_EXAMPLES = settings.default.max_examples * 4

DRAFT = ("平掌乡人民政府关于农村低保对象的公示\n户主李某某，身份证号码：" + gen.id_number()
         + "，联系电话：13926647378，邮箱：lisi@example.com。\n监督电话：0877-7012345\n")


def text_seeds() -> list[bytes]:
    return [
        DRAFT.encode("utf-8"),
        codecs.BOM_UTF8 + DRAFT.encode("utf-8"),
        DRAFT.encode("gb18030"),
        DRAFT.encode("utf-16"),
        codecs.BOM_UTF16_BE + DRAFT.encode("utf-16-be"),
        DRAFT.replace("\n", "\r\n").encode("utf-8"),
        "café\r".encode("latin-1"),
        b"",
        b"\x00" * 16,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    ]


def docx_seed() -> bytes:
    """A small real .docx: body paragraphs, a table, a header and a footer."""
    import docx

    d = docx.Document()
    d.add_paragraph("平掌乡人民政府关于农村低保对象的公示")
    d.add_paragraph("户主李某某，身份证号码：" + gen.id_number())
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "联系电话"
    table.cell(0, 1).text = "13926647378"
    table.cell(1, 0).text = "邮箱"
    table.cell(1, 1).text = "lisi@example.com"
    d.sections[0].header.paragraphs[0].text = "内部资料"
    d.sections[0].footer.paragraphs[0].text = "第1页"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def html_seeds() -> list[bytes]:
    return [
        ("<!doctype html><html><head><meta charset=utf-8><title>公示</title>"
         "<style>p{color:red}</style><script>var id='" + gen.id_number() + "';</script></head>"
         "<body><p>户主李某某，电话：13926647378</p><img alt='lisi@example.com' src=x>"
         "<table><tr><td>身份证</td><td>" + gen.id_number() + "</td></tr></table>"
         "&lt;&amp;&#x4e2d;&#25991;&nbsp;</body></html>").encode("utf-8"),
        '<meta charset="gbk"><p>联系电话：0877-7012345</p>'.encode("gbk"),
        b"<p><b><i>unclosed <!-- comment <![CDATA[ x ]]> &#xFFFFFFFF; &#0; &bogus;",
    ]


def png_seed(width: int = 96, height: int = 32) -> bytes:
    """A real greyscale PNG (white, one dark bar), written with zlib alone."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + (b"\x20" * width if 12 <= y < 20 else b"\xff" * width) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def seeds_for(suffix: str) -> list[bytes]:
    """Seeds for the loader that reads ``suffix`` (by loader, not by name)."""
    loader = LOADERS.get(suffix)
    if loader is not None and loader is LOADERS.get(".png"):  # pictures (OCR): the content decides
        return [png_seed(), text_seeds()[0]]
    if loader is not None and loader is LOADERS.get(".docx"):
        return [docx_seed(), DRAFT.encode("utf-8"), b"PK\x03\x04" + b"\x00" * 26]
    if loader is not None and loader is LOADERS.get(".html"):
        return html_seeds() + text_seeds()[:3]
    for fmt, seeds in paged_seeds().items():  # PDF, OFD, .doc/.wps: their own files first
        if loader is not None and loader is LOADERS.get(fmt):
            return list(seeds) + text_seeds()[:2]
    return text_seeds()


_CANONICAL = (".docx", ".html", ".txt", ".doc")


def _loader_suffixes() -> list[str]:
    """One extension per distinct loader function (the usual one where there
    is one), plus an unknown extension, which is read as text."""
    groups: dict[object, list[str]] = {}
    for suffix in sorted(LOADERS):
        if LOADERS[suffix] is LOADERS[".png"] and not ocr_engine.available():
            continue  # without the ocr extra the picture loader reads nothing, as an unsupported format
        groups.setdefault(LOADERS[suffix], []).append(suffix)
    chosen = [next((c for c in _CANONICAL if c in group), group[0]) for group in groups.values()]
    return sorted(chosen) + [".unknown"]


SUFFIXES = _loader_suffixes()


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    """A seed with a few byte-level edits: bit flips, truncation, insertion,
    deletion, duplication, or overwriting with bytes that encoders treat
    specially."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(("flip", "truncate", "insert", "delete", "duplicate", "magic")))
        i = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            i = min(i, len(data) - 1)
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[i:]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[i:i + draw(st.integers(1, 64))]
        elif op == "duplicate":
            data[i:i] = data[i:i + draw(st.integers(1, 256))]
        elif op == "magic":
            data[i:i] = draw(st.sampled_from((b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xff\xfe",
                                              b"\xc2\xa0", b"\xed\xa0\x80", b"\x81\x30", b"\r")))
    return bytes(data)


@st.composite
def zip_member_mutated(draw, seed: bytes) -> bytes:
    """The archive rewritten with one member's bytes mutated (CRC kept valid),
    so the damage reaches the XML parser rather than the zip reader."""
    with zipfile.ZipFile(io.BytesIO(seed)) as zin:
        members = [(info.filename, zin.read(info)) for info in zin.infolist()]
    victim = draw(st.sampled_from([name for name, _ in members]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, content in members:
            if name == victim:
                content = draw(mutated([content]))
            zout.writestr(name, content)
    return out.getvalue()


def fuzz_bytes(suffix: str):
    seeds = seeds_for(suffix)
    options = [st.binary(max_size=4096), mutated(seeds)]
    options += [zip_member_mutated(s) for s in seeds if s.startswith(b"PK\x03\x04") and len(s) > 100]
    return st.one_of(options)


def check_outcome(path: Path, encoding: str | None = None) -> None:
    """Loading gives a Document that screens cleanly, or one InputError line."""
    try:
        doc = load(path, encoding)
    except InputError as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message and "\r" not in message, message
        assert exc.path == str(path) and exc.problem and "Traceback" not in message
        return
    assert isinstance(doc, Document) and isinstance(doc.text, str)
    report = screen_document(doc)
    for f in report.findings:
        assert doc.text[f.start:f.end] == f.text
        assert (f.line, f.column) == reference_line_col(doc.text, f.start)
    for seg in doc.segments:
        assert 0 <= seg.start <= seg.end <= len(doc.text) and seg.label


@pytest.mark.parametrize("suffix", SUFFIXES)
@settings(max_examples=FUZZ_EXAMPLES)
@given(data=st.data())
def test_loader_gives_a_document_or_one_clear_error(suffix, data):
    payload = data.draw(fuzz_bytes(suffix), label="payload")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"draft{suffix}"
        path.write_bytes(payload)
        check_outcome(path)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_seed_corpus_and_its_truncations(suffix, tmp_path):
    # The seeds themselves and their truncations, deterministically: the
    # complete seed must load (it is valid), every cut must not crash.
    for n, seed in enumerate(seeds_for(suffix)):
        for cut in sorted({len(seed), len(seed) - 1, len(seed) // 2, 30, 4, 1, 0}):
            if cut < 0 or cut > len(seed):
                continue
            path = tmp_path / f"seed{n}-{cut}{suffix}"
            path.write_bytes(seed[:cut])
            check_outcome(path)


@pytest.mark.parametrize("encoding, payload, problem", [
    ("rot13", b"abc", "“rot13”不是文本编码，请指定如 gbk、utf-8"),
    ("base64", b"abc", "“base64”不是文本编码，请指定如 gbk、utf-8"),
    ("zlib", b"abc", "“zlib”不是文本编码，请指定如 gbk、utf-8"),
    ("punycode", b"abc\\x", "按 punycode 无法解码"),
    ("undefined", b"abc", "按 undefined 无法解码"),
    ("utf-8\x00", b"abc", "未知的编码“utf-8?”"),
    ("utf\n8", b"\xff", "按 utf?8 无法解码（第 0 字节）"),
    ("gbk", b"\xff", "按 gbk 无法解码（第 0 字节）"),
])
def test_encoding_option_that_cannot_decode_is_one_clear_error(encoding, payload, problem, tmp_path):
    # Regression: --encoding rot13 (a codec, not a text encoding) and punycode
    # used to escape as LookupError / UnicodeError tracebacks; an encoding name
    # holding a line break used to break the one-line message.
    path = tmp_path / "draft.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError) as caught:
        load(path, encoding)
    assert caught.value.problem == problem


@pytest.mark.parametrize("name, problem", [
    ("a\x00b.txt", "文件名无效（含空字符）"),  # regression: was a ValueError traceback
    ("x" * 300 + ".txt", "无法读取（File name too long）"),
    ("loop1", "符号链接形成循环，无法读取"),
    ("missing.txt", "文件不存在"),
    (".", "是文件夹，不是文件"),
    ("/dev/zero", "是设备文件，不是稿件"),  # regression: read without end until memory ran out
])
def test_odd_paths_are_one_clear_error(name, problem, tmp_path):
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    with pytest.raises(InputError) as caught:
        load(str(tmp_path / name))
    assert caught.value.problem == problem


def test_a_pipe_or_stdin_is_read_up_to_the_size_limit(tmp_path, monkeypatch):
    # A pipe has no size to check first (screen <(cat draft.txt), screen -):
    # reading stops past the limit instead of filling memory.
    import screener.loaders

    monkeypatch.setattr(screener.loaders, "MAX_BYTES", 1000)
    fifo = tmp_path / "pipe.txt"
    for payload, problem in ((b"x" * 5000, "文件过大（0 MB 以上，上限 0 MB）"), ("正文".encode(), None)):
        os.mkfifo(fifo)
        writer = threading.Thread(target=fifo.write_bytes, args=(payload,))
        writer.start()
        try:
            doc = load(fifo)
            assert problem is None and doc.text == payload.decode()
        except InputError as exc:
            assert exc.problem == problem
        finally:
            writer.join(timeout=60)
            fifo.unlink()
    result = run_cli(["-"], stdin=b"x" * 5000)
    assert result.code == 2 and result.err == "screen: <stdin>：文件过大（0 MB 以上，上限 0 MB）\n", result


TEXT_ENCODINGS = sorted(set(encodings.aliases.aliases.values()) | {"utf-8", "gb18030", "gbk", "big5"})
NOT_TEXT = ["rot13", "base64", "hex", "zlib", "bz2", "uu", "quopri", "punycode", "idna", "undefined",
            "no-such-codec", "utf-8\x00", ""]


@settings(max_examples=FUZZ_EXAMPLES)
@given(encoding=st.sampled_from(TEXT_ENCODINGS + NOT_TEXT), payload=st.one_of(
    st.binary(max_size=512), mutated(text_seeds())))
def test_any_encoding_option_gives_text_or_one_clear_error(encoding, payload):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.txt"
        path.write_bytes(payload)
        check_outcome(path, encoding or None)


@settings(max_examples=settings.default.max_examples)
@given(payload=st.one_of(st.binary(max_size=1024), mutated(text_seeds() + [docx_seed()])),
       suffix=st.sampled_from(SUFFIXES), encoding=st.sampled_from([None, "gbk", "rot13", "utf-16"]))
def test_cli_on_any_bytes_exits_cleanly(payload, suffix, encoding):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"draft{suffix}"
        path.write_bytes(payload)
        args = [path] + (["--encoding", encoding] if encoding else [])
        result = run_cli(args)
        assert result.code in (0, 1, 2), result
        assert "Traceback" not in result.err + result.out
        if result.code == 2:
            lines = result.err.splitlines()
            assert len(lines) == 1 and lines[0].startswith("screen: "), result.err
        else:
            assert result.err == "", result.err
