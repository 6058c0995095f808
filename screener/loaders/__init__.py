"""Loaders turn a file into a Document.  They know nothing about detection.

Dispatch is by file extension, written out here in one table.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .text import decode

# Hard cap on one input: a draft is a few hundred KB; this stops a mistaken
# archive or disk image from filling memory.
MAX_BYTES = 512 * 1024 * 1024


def _load_text(path: Path, data: bytes, encoding: str | None) -> Document:
    return Document(decode(data, str(path), encoding), path=str(path))


LOADERS: dict[str, Callable[[Path, bytes, str | None], Document]] = {
    ".txt": _load_text,
    ".text": _load_text,
    ".md": _load_text,
    ".markdown": _load_text,
}

# Formats offices use that screener cannot read, and what to do instead.
UNSUPPORTED: dict[str, str] = {
    ".doc": "旧版 Word 格式（.doc）无法读取，请另存为 .docx 后再检查",
    ".wps": "WPS 文字格式（.wps）无法读取，请另存为 .docx 后再检查",
    ".pdf": "PDF 无法可靠提取文字，请检查其源文件（.docx 或 .txt）",
    ".xls": "表格文件暂不支持，请另存为 .txt 或把内容粘贴到 .docx 后再检查",
    ".xlsx": "表格文件暂不支持，请另存为 .txt 或把内容粘贴到 .docx 后再检查",
    ".et": "WPS 表格暂不支持，请另存为 .txt 后再检查",
    ".zip": "压缩包无法直接检查，请解压后检查其中的文件",
    ".rar": "压缩包无法直接检查，请解压后检查其中的文件",
    ".7z": "压缩包无法直接检查，请解压后检查其中的文件",
}


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning every OS problem into one clear InputError."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(name, "是文件夹，不是文件")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"文件过大（{size // 1048576} MB，上限 {MAX_BYTES // 1048576} MB）")
        with open(path, "rb") as fh:
            return fh.read()
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, "文件不存在") from None
    except PermissionError:
        raise InputError(name, "没有读取权限") from None
    except OSError as exc:
        raise InputError(name, f"无法读取（{exc.strerror or type(exc).__name__}）") from None
    except ValueError:  # a NUL character in the name (only possible from the library)
        raise InputError(name, "文件名无效（含空字符）") from None


def load(path: str | os.PathLike, encoding: str | None = None) -> Document:
    """Read ``path`` (``-`` for standard input) into a Document."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        return Document(decode(data, "<stdin>", encoding), path="<stdin>")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(str(path), UNSUPPORTED[suffix])
    data = read_bytes(path)
    loader = LOADERS.get(suffix, _load_text)
    return loader(path, data, encoding)
