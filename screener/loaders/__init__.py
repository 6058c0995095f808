"""Loaders turn a file into a Document.  They know nothing about detection.

Dispatch is by file extension, written out here in one table.  Markdown is
read as plain text on purpose: line and column in the source are where its
author finds a finding, and link targets and HTML comments, which a rendered
page still publishes, are screened too.
"""
from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .html import load_html
from .text import decode

# Hard cap on one input: a draft is a few hundred KB; this stops a mistaken
# archive or disk image from filling memory.
MAX_BYTES = 512 * 1024 * 1024


def _load_text(path: Path, data: bytes, encoding: str | None) -> Document:
    return Document(decode(data, str(path), encoding), path=str(path))


def load_docx(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """docx.load_docx, imported on first use: it brings lxml (about 30 ms of
    start-up that a plain-text draft does not need)."""
    from .docx import load_docx as load

    return load(path, data, encoding)


def load_pdf(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """pdf.load_pdf, imported on first use (PDFium's library loads in tens of ms)."""
    from .pdf import load_pdf as load

    return load(path, data, encoding)


def load_ofd(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """ofd.load_ofd, imported on first use (lxml, as for .docx)."""
    from .ofd import load_ofd as load

    return load(path, data, encoding)


def load_word97(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """word97.load_word97 (.doc, .wps), imported on first use (olefile, lxml)."""
    from .word97 import load_word97 as load

    return load(path, data, encoding)


LOADERS: dict[str, Callable[[Path, bytes, str | None], Document]] = {
    ".txt": _load_text,
    ".text": _load_text,
    ".md": _load_text,
    ".markdown": _load_text,
    ".docx": load_docx,
    ".docm": load_docx,
    ".dotx": load_docx,
    ".dotm": load_docx,
    ".html": load_html,
    ".htm": load_html,
    ".shtml": load_html,
    ".xhtml": load_html,
    ".pdf": load_pdf,
    ".ofd": load_ofd,
    ".doc": load_word97,
    ".dot": load_word97,
    ".wps": load_word97,
    ".wpt": load_word97,
}

# Formats offices use that screener cannot read, and what to do instead.
_SAVE_AS_DOCX = "请在 Word 或 WPS 中另存为 .docx 后再检查"
_IMAGE = "图片中的文字无法检查，请人工核对图片（扫描件中的身份证号、手机号同样会泄露），或检查其文字稿"
_SHEET = "表格文件暂不支持，请另存为 .txt 或把内容粘贴到 .docx 后再检查"
_SLIDES = "演示文稿暂不支持，请把文字另存或粘贴到 .docx 后再检查"
_ARCHIVE = "压缩包无法直接检查，请解压后检查其中的文件"
UNSUPPORTED: dict[str, str] = {
    ".rtf": "RTF 格式无法读取，" + _SAVE_AS_DOCX,
    ".odt": "OpenDocument 文本（.odt）无法读取，" + _SAVE_AS_DOCX,
    ".uof": "标文通（UOF）格式无法读取，" + _SAVE_AS_DOCX,
    ".uot": "标文通（UOF）格式无法读取，" + _SAVE_AS_DOCX,
    ".xls": _SHEET,
    ".xlsx": _SHEET,
    ".et": "WPS 表格暂不支持，请另存为 .txt 后再检查",
    ".ppt": _SLIDES,
    ".pptx": _SLIDES,
    ".dps": _SLIDES,
    ".jpg": _IMAGE,
    ".jpeg": _IMAGE,
    ".png": _IMAGE,
    ".tif": _IMAGE,
    ".tiff": _IMAGE,
    ".bmp": _IMAGE,
    ".zip": _ARCHIVE,
    ".rar": _ARCHIVE,
    ".7z": _ARCHIVE,
}


def _too_big(size: int) -> str:
    return f"文件过大（{size // 1048576} MB 以上，上限 {MAX_BYTES // 1048576} MB）"


def read_capped(fh, name: str) -> bytes:
    """At most MAX_BYTES from ``fh``: a pipe or a file that grows has no
    size to check in advance."""
    data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError(name, _too_big(len(data)))
    return data


def read_bytes(path: Path) -> bytes:
    """Read a file's bytes, turning every OS problem into one clear InputError."""
    name = str(path)
    try:
        if path.is_dir():
            raise InputError(name, "是文件夹，不是文件")
        info = path.stat()
        if stat.S_ISCHR(info.st_mode) or stat.S_ISBLK(info.st_mode):
            raise InputError(name, "是设备文件，不是稿件")
        if info.st_size > MAX_BYTES:
            raise InputError(name, _too_big(info.st_size))
        with open(path, "rb") as fh:
            return read_capped(fh, name)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(name, "文件不存在") from None
    except PermissionError:
        raise InputError(name, "没有读取权限") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(name, "符号链接形成循环，无法读取") from None
        raise InputError(name, f"无法读取（{exc.strerror or type(exc).__name__}）") from None
    except ValueError:  # a NUL character in the name (only possible from the library)
        raise InputError(name, "文件名无效（含空字符）") from None


def load(path: str | os.PathLike, encoding: str | None = None) -> Document:
    """Read ``path`` (``-`` for standard input) into a Document."""
    if str(path) == "-":
        data = read_capped(sys.stdin.buffer, "<stdin>")
        return Document(decode(data, "<stdin>", encoding), path="<stdin>")
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(str(path), UNSUPPORTED[suffix])
    data = read_bytes(path)
    loader = LOADERS.get(suffix, _load_text)
    return loader(path, data, encoding)
