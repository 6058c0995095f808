"""Word-list terms: 新华社 banned and caution terms, classified markings,
official wording norms, and the office's own lists (see screener/wordlists).

Codes are the list's prefix plus the entry's number (XH217, CM101, WD101);
they are written in the list files and never renumbered.  ``RULES`` lists
the built-in entries and is computed on first access, so importing the
detector costs nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..model import Explanation, Finding
from ..traditional import simplified
from ..wordlists import builtin_lists, list_set
from ..wordlists.format import Entry, WordList
from .base import Rule, make_finding

_KEY = re.compile(r"\b[A-Z]\d+[a-z]?\b")

# The kinds a word list entry can have (wordlists/format.py KINDS), in the
# order reports list them.  Words are public text: never masked.
BANNED = Kind("banned-term", "禁用词", personal=False, rank=3)
CAUTION = Kind("caution-term", "慎用词", personal=False, rank=2)
WORDING = Kind("wording", "规范表述", personal=False, rank=1)
CLASSIFIED = Kind("classified-marking", "涉密标识", personal=False, rank=4)
KINDS = (BANNED, CAUTION, WORDING, CLASSIFIED)
_BY_NAME = {k.name: k for k in KINDS}


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    lists = list_set(config)
    if not lists.active:
        return
    view = simplified(doc)  # the normalised view, traditional characters simplified (same length)
    for hit in lists.matcher.scan(view):
        if _crosses_break(view, hit.start, hit.end):
            continue  # a paragraph, table cell or block ends inside it: no term spans one
        e = hit.entry
        wl = lists.list_of(e)
        start, end = doc.span_to_original(hit.start, hit.end)
        yield make_finding(
            doc, rule_for(e, wl), start, end,
            message=e.reason,
            suggestion=e.suggestion_text(),
            explanation=Explanation(rule=f"{e.code} {basis(e, wl)}", context=hit.context,
                                    segmentation=hit.segmentation),
        )


_BREAKS = ("\n", "\r", "\t", "\u2028", "\u2029")


def _crosses_break(text: str, start: int, end: int) -> bool:
    piece = text[start:end]
    return any(b in piece for b in _BREAKS)


def basis(e: Entry, wl: WordList) -> str:
    """Where the rule comes from: 《新华社…》法律法规类第17条."""
    text = f"《{wl.title}》" if wl.format == "toml" else f"本单位词表《{wl.title}》"
    if e.category:
        text += e.category
    if e.item:
        text += f"第{e.item}条"
    return text


@lru_cache(maxsize=None)
def rule_for(e: Entry, wl: WordList) -> Rule:
    """The Rule record ``screen rules`` / ``screen rule CODE`` show for an entry."""
    lines = [f"检测内容：{e.label}" + ("" if e.enabled else "（默认关闭，可在 screener.toml 的 enable 中开启）"),
             f"风险说明：{e.reason}"]
    if e.match:
        lines.append(f"示例：{e.match[0]}")
    better = "、".join(e.suggestions) + (f"（{e.advice}）" if e.suggestions and e.advice else e.advice or "")
    if better:
        lines.append(f"建议写法：{better}")
    cited = [f"{key}：{wl.sources[key]}" for key in _KEY.findall(e.source) if key in wl.sources]
    if cited:
        lines.append("出处：" + "\n      ".join(dict.fromkeys(cited)))
    return Rule(code=e.code, name=wl.name, kind=_BY_NAME[e.kind], severity=e.severity,
                title=e.label + ("（默认关闭）" if not e.enabled else ""),
                doc="\n".join(lines), source=f"{basis(e, wl)}；{e.source}")


@lru_cache(maxsize=1)
def _builtin_rules() -> tuple[Rule, ...]:
    return tuple(rule_for(e, wl) for wl in builtin_lists() for e in wl.entries)


def __getattr__(name: str):
    if name == "RULES":  # built on first use: reading the lists costs start-up time
        return _builtin_rules()
    raise AttributeError(name)
