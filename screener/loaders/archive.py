"""Zip archives: each member loaded as a draft of its own, named
``附件.zip › 附件1-花名册.xlsx``.

Nothing is extracted to disk: members are read into memory within limits
shared by the whole archive, nested archives included (member count, each
member's size, total size, compression ratio: zipsafe.ARCHIVE_LIMITS), and
an archive inside an archive is opened at most ``MAX_DEPTH`` levels deep.
A member whose name climbs out of the archive (``../``, an absolute path or
a drive letter) is reported, not read: unzipping it would write outside the
target folder, which is a hostile archive whatever its content.

Member names: Chinese Windows (and WinRAR, 7-Zip's default) writes names in
the local code page, GBK, without the UTF-8 flag (bit 11, 0x800) that
``zipfile`` looks for, so ``zipfile`` decodes them as cp437 and 附件 becomes
¸½¼þ.  Such names are taken back to their bytes and decoded as UTF-8 (macOS
writes UTF-8 without the flag too) or else GB18030.

Members that are metadata of the packing tool, not content (``__MACOSX/``,
``.DS_Store``, ``Thumbs.db``), are left out; every other member, hidden or
not, is published with the archive and so is screened.
"""
from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..document import Document
from ..errors import InputError
from .zipsafe import ARCHIVE_LIMITS, Limits, open_zip, read_member

SEP = " › "
MAX_DEPTH = 3
WHAT = "压缩包"
ARCHIVE_SUFFIXES = frozenset({".zip"})
_JUNK = re.compile(r"(^|/)(__MACOSX/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)", re.I)
_UTF8_FLAG = 0x800
Member = tuple[str, "Document | InputError"]


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its author wrote it (GBK names recovered)."""
    if info.flag_bits & _UTF8_FLAG:
        return info.filename
    try:
        raw = info.filename.encode("cp437")
    except UnicodeEncodeError:
        return info.filename
    for codec in ("utf-8", "gb18030"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return info.filename


def _escapes(name: str) -> bool:
    name = name.replace("\\", "/")
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return ".." in posixpath.normpath(name).split("/")


@dataclass
class _Budget:
    """What the archive and everything nested in it may still unpack."""

    members: int
    total: int

    def spend(self, path: str, members: int, size: int) -> None:
        self.members -= members
        self.total -= size
        if self.members < 0:
            raise InputError(path, f"压缩包（含其中的压缩包）内文件过多（上限 {ARCHIVE_LIMITS.members} 个），已拒绝读取")
        if self.total < 0:
            raise InputError(path, f"压缩包（含其中的压缩包）解压后内容过大（上限 {ARCHIVE_LIMITS.total_bytes // 1048576} MB），"
                                   "可能是压缩炸弹，已停止读取")


def is_archive(path: str) -> bool:
    return Path(path).suffix.lower() in ARCHIVE_SUFFIXES


def load_members(path: str, data: bytes, load: Callable[[Path, bytes], Document],
                 limits: Limits = ARCHIVE_LIMITS) -> list[Member]:
    """Every member of the archive ``data`` (read from ``path``): its shown
    name and its Document, or the InputError that says why it was not read.
    ``load(name, bytes)`` loads one member by its name.  Raises InputError
    when the archive itself cannot be opened."""
    budget = _Budget(limits.members, limits.total_bytes)
    out: list[Member] = []
    _walk(path, data, load, limits, budget, 0, out)
    return out


def _walk(path: str, data: bytes, load, limits: Limits, budget: _Budget, depth: int,
          out: list[Member]) -> None:
    if not data.startswith(b"PK"):
        if not data:
            raise InputError(path, "文件为空（0 字节），不是有效的压缩包")
        raise InputError(path, "不是有效的 .zip 压缩包（内容不是 zip 格式），无法打开检查")
    zf = open_zip(data, path, WHAT, limits)
    infos = [i for i in zf.infolist() if not i.is_dir()]
    budget.spend(path, len(infos), sum(i.file_size for i in infos))
    for info in infos:
        name = member_name(info)
        if _JUNK.search(name):
            continue
        shown = f"{path}{SEP}{name}"
        if _escapes(name):
            out.append((shown, InputError(shown, "压缩包内的文件路径指向压缩包之外（含 ../ 或绝对路径），"
                                                 "解压时可能覆盖其他文件，已拒绝读取；请重新打包")))
            continue
        try:
            member = read_member(zf, info, shown, WHAT, limits)
        except InputError as exc:
            out.append((shown, exc))
            continue
        if is_archive(name):
            if depth + 1 >= MAX_DEPTH:
                out.append((shown, InputError(shown, f"压缩包嵌套超过 {MAX_DEPTH} 层，已停止打开；请解压后分别检查")))
                continue
            before = len(out)
            try:
                _walk(shown, member, load, limits, budget, depth + 1, out)
            except InputError as exc:
                del out[before:]
                out.append((shown, exc))
            continue
        try:
            out.append((shown, load(Path(shown), member)))
        except InputError as exc:
            out.append((shown, exc))
