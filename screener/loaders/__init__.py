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
from ..paths import STDIN, STDIN_NAME
from .archive import Member, is_archive, load_members
from .html import load_html
from .text import decode_bytes

# Hard cap on one input: a draft is a few hundred KB; this stops a mistaken
# archive or disk image from filling memory.
MAX_BYTES = 512 * 1024 * 1024


def _load_text(path: Path, data: bytes, encoding: str | None) -> Document:
    return text_document(data, str(path), encoding)


def text_document(data: bytes, name: str, encoding: str | None = None) -> Document:
    """A plain-text draft: hard wraps joined, its codec and BOM kept."""
    decoded = decode_bytes(data, name, encoding)
    return Document(decoded.text, path=name, encoding=decoded.codec, bom=decoded.bom)


def load_docx(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """docx.load_docx, imported on first use: it brings lxml (about 30 ms of
    start-up that a plain-text draft does not need)."""
    from .docx import load_docx as load

    return load(path, data, encoding)


def load_sheet(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """sheets.load_sheet (spreadsheets of every kind, sniffed by content),
    imported on first use."""
    from .sheets import load_sheet as load

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


def load_image(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """image.load_image (OCR with the ocr extra), imported on first use."""
    from .image import load_image as load

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
    # spreadsheets (loaders/sheets.py sniffs the content: an .xls may be HTML or CSV)
    ".xlsx": load_sheet,
    ".xlsm": load_sheet,
    ".xls": load_sheet,
    ".et": load_sheet,
    ".ods": load_sheet,
    ".csv": load_sheet,
    ".pdf": load_pdf,
    ".ofd": load_ofd,
    ".doc": load_word97,
    ".dot": load_word97,
    ".wps": load_word97,
    ".wpt": load_word97,
    # pictures: read by OCR with the ocr extra, otherwise refused as unread (loaders/image.py)
    ".png": load_image,
    ".jpg": load_image,
    ".jpeg": load_image,
    ".tif": load_image,
    ".tiff": load_image,
    ".bmp": load_image,
}

# Formats offices use that screener cannot read, and what to do instead.
_SAVE_AS_DOCX = "请在 Word 或 WPS 中另存为 .docx 后再检查"
_SLIDES = "演示文稿暂不支持，请把文字另存或粘贴到 .docx 后再检查"
_ARCHIVE = "RAR 和 7z 压缩包无法打开检查（没有可用的纯 Python 读取器），请解压后检查其中的文件，或改用 .zip 打包"
UNSUPPORTED: dict[str, str] = {
    ".rtf": "RTF 格式无法读取，" + _SAVE_AS_DOCX,
    ".odt": "OpenDocument 文本（.odt）无法读取，" + _SAVE_AS_DOCX,
    ".uof": "标文通（UOF）格式无法读取，" + _SAVE_AS_DOCX,
    ".uot": "标文通（UOF）格式无法读取，" + _SAVE_AS_DOCX,
    ".ppt": _SLIDES,
    ".pptx": _SLIDES,
    ".dps": _SLIDES,
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


def load_data(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """Load bytes already read, by the extension of ``path`` (an archive
    member is loaded so, under its shown name ``a.zip › b.xlsx``)."""
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(str(path), UNSUPPORTED[suffix])
    return LOADERS.get(suffix, _load_text)(path, data, encoding)


def load_archive(path: str | os.PathLike, encoding: str | None = None) -> list[Member]:
    """Every member of the .zip at ``path``: (shown name, Document or the
    InputError saying why it was not read).  Raises InputError when the
    archive itself cannot be read or opened."""
    return load_archive_bytes(str(path), read_bytes(Path(path)), encoding)


def load_archive_bytes(name: str, data: bytes, encoding: str | None = None) -> list[Member]:
    """``load_archive`` for an archive already in memory (an upload)."""

    def member(shown: Path, member_data: bytes) -> Document:
        try:
            return load_data(shown, member_data, encoding)
        except (InputError, MemoryError):
            raise
        except RecursionError:
            raise InputError(str(shown), "文件结构嵌套过深，无法检查") from None
        except Exception as exc:  # one broken member must not hide the others; never quotes the member
            raise InputError(str(shown), f"检查时出现内部错误（{type(exc).__name__}），请报告此问题") from None

    return load_members(name, data, member)


def load(path: str | os.PathLike, encoding: str | None = None) -> Document:
    """Read ``path`` (``-`` for standard input) into a Document."""
    if str(path) == STDIN:
        data = read_capped(sys.stdin.buffer, STDIN_NAME)
        return text_document(data, STDIN_NAME, encoding)
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise InputError(str(path), UNSUPPORTED[suffix])
    if is_archive(str(path)):
        raise InputError(str(path), "是压缩包，请用 screen_paths() 或 screen_file() 检查其中的每个文件")
    data = read_bytes(path)
    loader = LOADERS.get(suffix, _load_text)
    return loader(path, data, encoding)
