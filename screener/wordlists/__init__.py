"""Word lists: the TOML and plain-text formats, the built-in lists, and the
matcher that reads Chinese as words.

- format.py      the records (WordList, Entry, Note)
- toml_lists.py  reading and validating a TOML list
- text_lists.py  reading a plain-text list (term => 建议)
- loader.py      built-in and user lists, switching lists and entries on/off
- matcher.py     one Aho-Corasick pass, then each candidate's conditions
- conditions.py  Latin edges, exceptions, topic near, quotation marks
- segment.py     jieba, only around candidates (STATS counts its work)
- patterns.py    regexes with a time limit
- selfcheck.py   every entry's examples, run by tests and `screen wordlists --check`
"""
from __future__ import annotations

from .format import KINDS, Entry, Note, WordList
from .loader import ListSet, builtin_lists, builtin_terms, list_set, read_list
from .segment import STATS

__all__ = ["KINDS", "Entry", "ListSet", "Note", "STATS", "WordList", "builtin_lists",
           "builtin_terms", "list_set", "read_list"]
