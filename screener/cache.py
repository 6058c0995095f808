"""Per-user caches of data screener derives from its dependencies' files.

Deriving some tables costs more than reading them back: jieba's dictionary
split by first character (wordlists/jieba_dict.py), the region codes of ID
numbers parsed from python-stdnum's data (detectors/regions.py).  Each is
built the first time a machine needs it and kept, marshalled, in a private
folder; every later process (and every worker of a parallel run) reads it in
a millisecond or two.  A cache file's name carries the version and the size
and time of the file it was derived from, so an upgrade builds a new one.
"""
from __future__ import annotations

import atexit
import marshal
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .atomic import replace_whole


def private_dir() -> Path:
    """The folder for screener's caches (and jieba's own), writable by this user only.

    Not the shared temporary folder itself: any local user can put a file
    there, and a cache is unmarshalled (marshal is not safe against crafted
    data) and trusted to decide what is reported.
    ``<tmp>/screener-<uid>``, mode 0700 and owned by us; if that name is taken
    by something else, a fresh folder for this process, removed at exit."""
    tmp = Path(tempfile.gettempdir())
    if not hasattr(os, "geteuid"):  # Windows: the temporary folder is per user
        return tmp
    base = tmp / f"screener-{os.geteuid()}"
    try:
        base.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(base)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & 0o077:
            return base
    except OSError:
        pass
    own = Path(tempfile.mkdtemp(prefix="screener-"))
    atexit.register(shutil.rmtree, own, True)
    return own


def source_stamp(path: Path) -> str:
    """Size and modification time of ``path``, for a cache file's name."""
    st = path.stat()
    return f"{st.st_size}-{st.st_mtime_ns}"


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (two processes writing at once
    both write whole files); a folder that cannot be written is no error:
    the next process derives the data again."""
    try:
        replace_whole(path, data, durable=False)
    except OSError:
        pass


# What marshal writes (typeshed's private _Marshallable, narrowed to the plain data caches hold).
_M = TypeVar("_M", bound="dict[Any, Any] | list[Any] | tuple[Any, ...] | str | bytes | int | float | None")


def marshalled(name: str, build: Callable[[], _M], valid: Callable[[object], bool]) -> _M:
    """The value cached under ``name`` if it reads back and passes ``valid``,
    else ``build()``, saved for the next process."""
    path = private_dir() / name
    try:
        value = marshal.loads(path.read_bytes())
        if valid(value):
            return value
    except (OSError, ValueError, EOFError, TypeError):
        pass
    value = build()
    write_atomically(path, marshal.dumps(value))
    return value
