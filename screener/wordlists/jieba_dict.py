"""jieba's dictionary, read by first character as the segmenter needs it.

jieba loads its whole prefix dictionary (about 500,000 entries) before it cuts
anything: 0.5-2 s and some 100 MB in every process, where screener cuts a few
windows of a dozen characters around list candidates.  Every string jieba
looks up while cutting a window (a word or word prefix in the DAG, a buffered
run, a token) starts with one of the window's characters, so the entries
that start with those characters are all it needs: the same frequencies, so
the same cuts.

The first time a machine needs jieba, its dictionary is loaded in full once
and split by first character into a file in a private folder (see
``private_dir``), where jieba keeps its own cache too: an index of offsets,
then one marshalled dict per first character.  Later processes read that file (a few ms) and load a
character's entries the first time a window holds it.  If the file cannot be
written or read, the whole dictionary is loaded as before.
"""
from __future__ import annotations

import atexit
import marshal
import os
import shutil
import stat
import tempfile
import threading
from pathlib import Path

FORMAT = 1  # bump when the file layout changes
_lock = threading.Lock()


class SplitDictionary:
    """jieba's FREQ entries grouped by first character, loaded on demand."""

    def __init__(self, data: bytes):
        head = int.from_bytes(data[:8], "little")
        self.total, self._index = marshal.loads(data[8:8 + head])
        self._data = data
        self._base = 8 + head
        self._loaded: set[str] = set()

    def fill(self, freq: dict, text: str) -> None:
        """Put into ``freq`` the entries starting with any character of ``text``.

        Must run before jieba sees ``text`` and before a word starting with
        one of its characters is added (add_word), so that a loaded entry
        never overwrites an added one."""
        with _lock:
            for ch in set(text) - self._loaded:
                self._loaded.add(ch)
                span = self._index.get(ch)
                if span:
                    freq.update(marshal.loads(self._data[self._base + span[0]:self._base + span[1]]))


def private_dir() -> Path:
    """The folder for jieba's caches, writable by this user only.

    Not the shared temporary folder itself: any local user can put a file
    there, and a cache is unmarshalled (marshal is not safe against crafted
    data) and trusted to decide segmentation, so which terms are reported.
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


def cache_path(jieba_module) -> Path:
    """Where the split dictionary of this jieba and dictionary version lives."""
    dict_file = Path(jieba_module.__file__).with_name("dict.txt")
    st = dict_file.stat()
    name = f"screener-jieba-{FORMAT}-{jieba_module.__version__}-{st.st_size}-{st.st_mtime_ns}.dict"
    return private_dir() / name


def load(jieba_module) -> SplitDictionary | None:
    """The split dictionary, or None when there is none yet (or it is unreadable)."""
    try:
        return SplitDictionary(cache_path(jieba_module).read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


def dumps(freq: dict, total: int) -> bytes:
    """A fully loaded FREQ, split by first character, as the file's bytes."""
    groups: dict[str, dict[str, int]] = {}
    for word, n in freq.items():
        groups.setdefault(word[0], {})[word] = n
    blobs, index, pos = [], {}, 0
    for ch, entries in groups.items():
        blob = marshal.dumps(entries)
        index[ch] = (pos, pos + len(blob))
        blobs.append(blob)
        pos += len(blob)
    head = marshal.dumps((total, index))
    return len(head).to_bytes(8, "little") + head + b"".join(blobs)


def write(jieba_module, freq: dict, total: int) -> None:
    """Save the split dictionary (atomically: two processes writing at once
    both write whole files)."""
    path = cache_path(jieba_module)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(dumps(freq, total))
        os.replace(tmp, path)
    except OSError:  # no writable folder: the next process loads the whole dictionary again
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
