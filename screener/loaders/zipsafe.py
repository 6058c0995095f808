"""Bounded zip reading for containers that are not .docx: .xlsx/.ods packages
and .zip archives.

A hostile zip must cost bounded memory and time and end in one Chinese line.
The checks run on the central directory before anything is unpacked: member
count, each member's declared size, the declared total and the compression
ratio (a 1 KB member that claims to unpack to 1 GB is a bomb, not a
spreadsheet).  ``zipfile`` never returns more than a member's declared size
(and fails its CRC check if the data would be longer), so checking declared
sizes bounds what is really unpacked; members are still read in chunks that
count what comes out.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from dataclasses import dataclass

from ..errors import InputError

CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """What one zip may hold."""

    members: int = 10_000
    member_bytes: int = 64 * 1024 * 1024
    total_bytes: int = 256 * 1024 * 1024
    ratio: int = 200  # unpacked / packed, for members larger than 1 MB unpacked


PACKAGE_LIMITS = Limits()
ARCHIVE_LIMITS = Limits(members=2_000, member_bytes=128 * 1024 * 1024, total_bytes=512 * 1024 * 1024)


def open_zip(data: bytes, path: str, what: str, limits: Limits = PACKAGE_LIMITS) -> zipfile.ZipFile:
    """The zip in ``data`` after its central directory passed ``limits``;
    ``what`` names the format in messages (“.xlsx 表格”, “压缩包”)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError, OSError):
        raise InputError(path, f"文件已损坏，不是有效的{what}（zip 结构无法读取）") from None
    if len(infos) > limits.members:
        raise InputError(path, f"{what}内文件过多（{len(infos)} 个，上限 {limits.members} 个），已拒绝读取")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > limits.member_bytes or total > limits.total_bytes:
            raise InputError(path, _bomb(what, limits))
        if info.file_size > CHUNK and info.file_size > limits.ratio * max(info.compress_size, 1):
            raise InputError(path, f"{what}内有文件压缩比异常（超过 {limits.ratio} 倍），可能是压缩炸弹，已拒绝读取")
    return zf


def read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, what: str,
                limits: Limits = PACKAGE_LIMITS) -> bytes:
    """One member's bytes, read in chunks and capped at its limit."""
    out = bytearray()
    try:
        with zf.open(info) as member:
            while chunk := member.read(CHUNK):
                out += chunk
                if len(out) > limits.member_bytes:
                    raise InputError(path, _bomb(what, limits))
    except InputError:
        raise
    except NotImplementedError:  # before RuntimeError, its base class
        raise InputError(path, f"{what}使用了不支持的压缩方式，无法读取") from None
    except RuntimeError:  # zipfile: "File is encrypted, password required"
        raise InputError(path, f"{what}已加密（设有密码），无法检查；请去除密码后再检查") from None
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise InputError(path, f"文件已损坏（{what}内的部件无法解压）") from None
    return bytes(out)


def _bomb(what: str, limits: Limits) -> str:
    return (f"{what}解压后内容过大，可能是压缩炸弹，已停止读取（单个文件上限 "
            f"{limits.member_bytes // 1048576} MB，总量上限 {limits.total_bytes // 1048576} MB）")
