"""Plain-text drafts: UTF-8 (with or without BOM), UTF-16 or UTF-32 with
BOM, or GB18030/GBK, detected from the bytes; ``encoding`` overrides
detection.  What was detected (the codec and the byte-order mark) travels
with the Document, so the redacted copy is written the same way without
sniffing the bytes again."""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ..errors import InputError

# Longest first: a UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


@dataclass(frozen=True, slots=True)
class Decoded:
    """A draft's text, the codec that decodes its bytes and the mark before them."""

    text: str
    codec: str
    bom: bytes = b""

# C0 control characters other than \t \n \v \f \r and ESC: a text draft has
# hardly any; a binary file decoded by chance has many.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a draft's bytes to text, or raise InputError saying why not."""
    return decode_bytes(data, path, encoding).text


def decode_bytes(data: bytes, path: str, encoding: str | None = None) -> Decoded:
    """Decode a draft's bytes, saying how (codec and byte-order mark)."""
    if encoding:
        shown = "".join(ch if ch.isprintable() else "?" for ch in encoding)[:40]
        try:
            info = codecs.lookup(encoding)
        except (LookupError, ValueError):
            raise InputError(path, f"未知的编码“{shown}”") from None
        # rot13, base64, zlib …: codecs that are not text encodings.
        if not getattr(info, "_is_text_encoding", True):
            raise InputError(path, f"“{shown}”不是文本编码，请指定如 gbk、utf-8") from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"按 {shown} 无法解码（第 {exc.start} 字节）") from None
        except UnicodeError:  # punycode, idna, undefined … fail without a position
            raise InputError(path, f"按 {shown} 无法解码") from None
        if text.startswith("\ufeff"):
            mark = "\ufeff".encode(info.name)
            return Decoded(text[1:], info.name, mark if data.startswith(mark) else b"")
        return Decoded(text, info.name)
    for mark, codec in _BOMS:
        if data.startswith(mark):
            try:
                return Decoded(data[len(mark):].decode(codec), codec, mark)
            except UnicodeDecodeError as exc:
                if mark == codecs.BOM_UTF32_LE:  # FF FE 00 00 is also UTF-16 LE text starting with U+0000
                    continue
                name = codec.split("-")[0].upper() + "-" + codec.split("-")[1]
                raise InputError(path, f"{name} 文本在第 {exc.start + len(mark)} 字节无法解码") from None
    codec = "utf-8"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        codec = "gb18030"
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            _reject_binary(data, path)
            raise InputError(
                path, f"既不是 UTF-8 也不是 GB18030/GBK 文本（第 {exc.start} 字节），可用 --encoding 指定编码"
            ) from None
    if _looks_binary(text):
        raise InputError(path, "看起来是二进制文件，不是文本稿件")
    return Decoded(text, codec)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls > max(8, len(sample) // 10)


def _reject_binary(data: bytes, path: str) -> None:
    sample = data[:8192]
    if b"\x00" in sample:
        raise InputError(path, "看起来是二进制文件，不是文本稿件")
