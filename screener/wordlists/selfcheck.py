"""Every list tests itself: each entry's ``match`` examples must produce a hit
of that entry, its ``pass`` examples must not, and replacing the hit by the
suggested wording must make the hit go away (prh's ``specs``).  The test
suite runs this for every entry of every built-in list; ``screen wordlists
--check`` runs it for any list file."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..errors import ConfigError
from .format import Entry, WordList
from .matcher import Drop, Matcher

STRESS_CHARS = 20_000  # a long draft dense in a pattern's anchors


@dataclass(frozen=True)
class Failure:
    """One example that did not behave as its entry says."""

    list: WordList
    entry: Entry
    example: str
    problem: str

    def message(self) -> str:
        return f"{self.list.display_path}：{self.entry.where}：{self.problem}：“{self.example}”"


def matcher_for(wl: WordList) -> Matcher:
    """An automaton over every entry of ``wl``, including those off by default."""
    return Matcher(wl.entries, lambda e: f"{wl.display_path}：{e.where}")


def check_entry(wl: WordList, entry: Entry, matcher: Matcher | None = None) -> list[Failure]:
    matcher = matcher or matcher_for(wl)
    failures = []
    for example in entry.match:
        text = Document(example).normalized
        drops: list[Drop] = []
        hits = [h for h in matcher.scan(text, drops) if h.entry.code == entry.code]
        if not hits:
            why = "；".join(_drop_text(d) for d in drops if d.entry.code == entry.code)
            failures.append(Failure(wl, entry, example, "应命中的示例没有命中" + (f"（{why}）" if why else "")))
            continue
        for suggestion in entry.suggestions:
            h = hits[0]
            fixed = text[:h.start] + suggestion + text[h.end:]
            again = [x for x in matcher.scan(Document(fixed).normalized) if x.entry.code == entry.code]
            if again:
                failures.append(Failure(wl, entry, fixed, f"按建议改为“{suggestion}”后仍然命中"))
    for example in entry.passes:
        text = Document(example).normalized
        hits = [h for h in matcher.scan(text) if h.entry.code == entry.code]
        if hits:
            seg = f"（分词：{hits[0].segmentation}）" if hits[0].segmentation else ""
            failures.append(Failure(wl, entry, example,
                                    f"不应命中的示例命中了“{text[hits[0].start:hits[0].end]}”{seg}"))
    if entry.pattern:
        failures.extend(_stress(wl, entry, matcher))
    return failures


def _stress(wl: WordList, entry: Entry, matcher: Matcher) -> list[Failure]:
    """A pattern must stay within its time budget on a long draft that is
    dense in its anchors (each search under the limit is not enough: a
    thousand of them are a hung review)."""
    unit = "".join(f"{a}{'的' * 24}，" for a in entry.anchors) + "".join(entry.match) + "".join(entry.passes)
    if not unit:
        return []
    text = Document(unit * (STRESS_CHARS // len(unit) + 1)).normalized
    try:
        matcher.scan(text)
    except ConfigError as exc:
        return [Failure(wl, entry, f"{len(text)} 字、锚点密集的长稿件", f"运行过慢：{exc}")]
    return []


def check_list(wl: WordList) -> list[Failure]:
    """Run every example of every entry of ``wl``."""
    matcher = matcher_for(wl)
    return [f for e in wl.entries for f in check_entry(wl, e, matcher)]


def _drop_text(d: Drop) -> str:
    return d.reason + (f"，分词：{d.segmentation}" if d.segmentation else "")


def check_files(paths, config=None) -> tuple[tuple[WordList, ...], list[Failure]]:
    """Validate ``paths`` (or, if none, every list in use for ``config``) and
    run their examples.  A list that does not load raises ConfigError."""
    from .loader import builtin_lists, check_unique, list_set, read_list

    if paths:
        lists = tuple(read_list(p) for p in paths)
        mine = {x.path.resolve() for x in lists}
        check_unique(tuple(w for w in builtin_lists() if w.path.resolve() not in mine) + lists)
    else:
        lists = list_set(config).lists
    return lists, [f for wl in lists for f in check_list(wl)]
