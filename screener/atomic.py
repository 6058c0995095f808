"""Writing an output file safely: never over a draft, never half-written.

The bytes go to a temporary file in the target's own folder, are flushed to
disk, and then replace the target in one step (os.replace), so a reader sees
either the old file or the complete new one.  Any failure removes the
temporary file.  A target that is the input itself, by the same path, a
symlink or a hard link (os.path.samefile), is refused.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()  # read once, at import: os.umask() is process-wide


def same_file(a: "str | os.PathLike", b: "str | os.PathLike") -> bool:
    """True when ``a`` and ``b`` name the same file (path, symlink or hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(a) == os.path.realpath(b)


def check_target(target: Path, protect: Iterable["str | os.PathLike"] = ()) -> None:
    """Raise OutputError unless ``target`` can be written without touching an input."""
    parent = target.parent
    if target.is_dir():
        raise OutputError(f"{target}：是文件夹，请给出输出文件名")
    if not parent.exists():
        raise OutputError(f"{target}：输出文件夹“{parent}”不存在")
    if not parent.is_dir():
        raise OutputError(f"{target}：“{parent}”不是文件夹")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{target}：没有写入输出文件夹“{parent}”的权限")
    for source in protect:
        if same_file(source, target):
            raise OutputError(f"{target}：与输入稿件是同一个文件，不能覆盖稿件，请换一个输出文件名")


class CannotCreate(OSError):
    """The temporary file beside the target could not be created."""


def replace_whole(target: Path, data: bytes, *, durable: bool = True, mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``target`` and rename it over
    ``target`` in one step, so a reader sees the old file or the new one,
    never half of either; ``durable`` flushes it to disk first, ``mode``
    sets its permissions (else the private 0600 of a temporary file).  On
    any failure the temporary file is removed and the OSError raised
    (CannotCreate when even the temporary file could not be made)."""
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise CannotCreate(exc.errno, exc.strerror) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_atomic(target: "str | os.PathLike", data: bytes,
                 protect: Iterable["str | os.PathLike"] = ()) -> Path:
    """Write ``data`` to ``target`` atomically; ``protect`` lists input files
    that must never be overwritten.  Returns the target path."""
    target = Path(target)
    check_target(target, protect)
    try:
        replace_whole(target, data, mode=0o666 & ~_UMASK)  # as a file the user saved
    except CannotCreate as exc:
        raise OutputError(f"{target}：无法在输出文件夹中创建文件（{exc.strerror or type(exc).__name__}）") from None
    except OSError as exc:
        raise OutputError(f"{target}：写入失败（{exc.strerror or type(exc).__name__}），未留下不完整的文件") from None
    return target
