"""Plain-text drafts: UTF-8 (with or without BOM), UTF-16 with BOM, or
GB18030/GBK, detected from the bytes; ``encoding`` overrides detection."""
from __future__ import annotations

import codecs
import re

from ..errors import InputError

# C0 control characters other than \t \n \v \f \r and ESC: a text draft has
# hardly any; a binary file decoded by chance has many.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a draft's bytes to text, or raise InputError saying why not."""
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
            return _strip_bom(data.decode(encoding))
        except UnicodeDecodeError as exc:
            raise InputError(path, f"按 {shown} 无法解码（第 {exc.start} 字节）") from None
        except UnicodeError:  # punycode, idna, undefined … fail without a position
            raise InputError(path, f"按 {shown} 无法解码") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(path, "UTF-16 文本无法解码") from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"UTF-8 文本在第 {exc.start + 3} 字节无法解码") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as exc:
            _reject_binary(data, path)
            raise InputError(
                path, f"既不是 UTF-8 也不是 GB18030/GBK 文本（第 {exc.start} 字节），可用 --encoding 指定编码"
            ) from None
    if _looks_binary(text):
        raise InputError(path, "看起来是二进制文件，不是文本稿件")
    return text


def _strip_bom(text: str) -> str:
    return text[1:] if text.startswith("\ufeff") else text


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
