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
written or read, the whole dictionary is loaded as before (screener/cache.py).
"""
from __future__ import annotations

import marshal
import threading
from pathlib import Path

from ..cache import private_dir, source_stamp, write_atomically

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


def cache_path(jieba_module) -> Path:
    """Where the split dictionary of this jieba and dictionary version lives."""
    dict_file = Path(jieba_module.__file__).with_name("dict.txt")
    name = f"screener-jieba-{FORMAT}-{jieba_module.__version__}-{source_stamp(dict_file)}.dict"
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
    write_atomically(cache_path(jieba_module), dumps(freq, total))
