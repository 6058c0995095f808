"""The drafts screened in this server session, kept in memory only.

Each upload batch's drafts are stored with their bytes (for the redacted
copy), their FileReport and an in-memory ReviewFile of the decisions made
on the page.  Nothing is written to disk; the store holds at most
``MAX_DRAFTS`` drafts (the oldest are forgotten) and is emptied by
"清除本次稿件" and when the server stops.
"""
from __future__ import annotations

import itertools
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from ..config import Config
from ..errors import InputError
from ..model import FileReport
from ..review import SUFFIX, ReviewFile
from ..screening import screen_bytes, screen_text, screener_for
from .uploads import Upload

MAX_DRAFTS = 50


@dataclass
class Draft:
    """One screened upload."""

    id: str
    name: str
    data: bytes
    report: FileReport
    review: ReviewFile
    batch: str
    extra: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.report.document.text if self.report.document is not None else ""


def screen_upload(name: str, data: bytes, config: Config) -> FileReport:
    """A FileReport for one upload; one that cannot be read carries its error
    (and the personal values in its name, which is published with it)."""
    try:
        return screen_bytes(data, name, config=config).files[0]
    except InputError as exc:
        return screener_for(config).unread(exc.path, exc.problem)


class Store:
    """The session's drafts by id (thread-safe: uvicorn runs sync work in threads)."""

    def __init__(self) -> None:
        self._drafts: OrderedDict[str, Draft] = OrderedDict()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add_batch(self, uploads: list[Upload], text: str | None, config: Config) -> list[Draft]:
        reviews = {u.name[:-len(SUFFIX)]: u for u in uploads if u.name.endswith(SUFFIX)}
        drafts = [u for u in uploads if not u.name.endswith(SUFFIX)]
        with self._lock:
            batch = f"b{next(self._ids)}"
        made = []
        if text is not None:
            fr = screen_text(text, path="粘贴的文字.txt", config=config).files[0]
            made.append(self._put(fr.path, text.encode("utf-8"), fr, ReviewFile(), batch))
        for up in drafts:
            fr = screen_upload(up.name, up.data, config)
            review = ReviewFile()
            source = reviews.get(up.name) or (next(iter(reviews.values())) if len(reviews) == 1 else None)
            if source is not None:
                try:
                    review = ReviewFile.from_json(source.data)
                except InputError:
                    pass  # reported by the page as a file that could not be read
            made.append(self._put(up.name, up.data, fr, review, batch))
        for up in uploads:
            if up.name.endswith(SUFFIX):
                try:
                    ReviewFile.from_json(up.data)
                except InputError as exc:
                    fr = FileReport(path=up.name, error=exc.problem)
                    made.append(self._put(up.name, b"", fr, ReviewFile(), batch))
        return made

    def _put(self, name: str, data: bytes, fr: FileReport, review: ReviewFile, batch: str) -> Draft:
        with self._lock:
            draft = Draft(f"d{next(self._ids)}", name, data, fr, review, batch)
            self._drafts[draft.id] = draft
            while len(self._drafts) > MAX_DRAFTS:
                self._drafts.popitem(last=False)
            return draft

    def get(self, draft_id: str) -> Draft | None:
        with self._lock:
            return self._drafts.get(draft_id)

    def batch(self, batch: str) -> list[Draft]:
        with self._lock:
            return [d for d in self._drafts.values() if d.batch == batch]

    def clear(self) -> int:
        with self._lock:
            n = len(self._drafts)
            self._drafts.clear()
            return n
