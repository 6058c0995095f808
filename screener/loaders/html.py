"""Web pages (.html, .htm): the text a visitor sees, plus what the page
publishes without showing it in the body: ``alt``, ``title``,
``placeholder`` and ``aria-label`` attributes, form values (``<input
value>``, ``<option value>``), ``<meta content>`` (keywords, description,
author), the address of ``tel:``, ``mailto:`` and ``sms:`` links, the page
title and HTML comments (anyone can read them in the page source).
Scripts and styles are left out.

Whitespace between inline elements counts as a browser counts it: the line
break in ``<span>151…</span>⏎<span>139…</span>`` is a space, so two numbers
never read as one digit run; only a line break between two CJK characters
disappears.  An ``<option>`` is a line of its own, as a drop-down shows it.

Offsets refer to the extracted text: entities are decoded, whitespace is
collapsed as a browser does (and a line break between two CJK characters
disappears, as in CSS segment-break handling), block elements start a new
line and table cells are separated by a tab.  Each stretch is labelled with
the line of the HTML source it came from (源码第12行, 源码第12行 alt属性), which
is where the person who maintains the page finds it.

The stdlib parser is used: it never fetches anything and has no entity
expansion beyond the fixed HTML5 character references.
"""
from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from ..document import Document, Segment
from .percent import unquote
from .softbreaks import should_join
from .text import decode

_BLOCK = frozenset(
    "address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary "
    "table tbody thead tfoot title tr ul option optgroup select textarea legend".split()
)
_CELL = frozenset({"td", "th"})
_HIDDEN = frozenset({"script", "style", "template", "noscript"})
_ATTRS = (("alt", "alt属性"), ("title", "title属性"), ("placeholder", "placeholder属性"),
          ("aria-label", "aria-label属性"))
_VALUE_TAGS = frozenset({"input", "option", "button", "param", "data"})
_LINK_SCHEMES = ("tel:", "mailto:", "sms:")
_WS_ALL = " \t\n\r\f"
_SPACE = re.compile(r"[ \t\n\r\f]+")
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_WS = " \t\r\f"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.segments: list[Segment] = []
        self.pos = 0
        self.hidden = 0
        self.pre = 0
        self.pending: str | None = None  # whitespace seen between text: " " or "break"
        self.br_piece: int | None = None  # index of the line break a <br> just emitted

    def _joined_at_br(self, text: str) -> None:
        """A ``<br>`` inside a number (``151653<br>26912``, a narrow cell
        hand-wrapped) is dropped when the digits either side only make a
        valid number together, as PDF lines are joined (softbreaks)."""
        at, self.br_piece = self.br_piece, None
        if at is None or at != len(self.pieces) - 1 or at == 0:
            return
        before = "".join(self.pieces[max(0, at - 4):at])
        if should_join(before.rstrip(" "), text.lstrip(" ")):
            self.pieces.pop()
            self.pos -= 1
            self.pending = None  # the source's line break after the <br> goes with it

    def _emit(self, text: str, label: str | None, raw: bool = False) -> None:
        if not text:
            return
        if label is not None:
            self._joined_at_br(text)
        if text in ("\n", "\t"):
            self.pending = None
        elif self.pending is not None and label is not None:
            pending, self.pending = self.pending, None
            last = self.pieces[-1][-1:] if self.pieces else ""
            if not (pending == "break" and _CJK_CHAR.match(last or "a") and _CJK_CHAR.match(text[0])):
                self._emit(" ", None)
        if text == "\n" and (not self.pieces or self.pieces[-1].endswith("\n")):
            return
        if text == "\t" and (not self.pieces or self.pieces[-1].endswith(("\n", "\t"))):
            return
        if not raw and text.startswith(" ") and (not self.pieces or self.pieces[-1].endswith((" ", "\n", "\t"))):
            text = text[1:]
        if not text:
            return
        start, self.pos = self.pos, self.pos + len(text)
        self.pieces.append(text)
        if label is not None:
            self.segments.append(Segment(start, self.pos, label))

    def _space(self, ws: str) -> None:
        """Whitespace between pieces of text: one space when text follows
        (dropped between two CJK characters if it holds a line break)."""
        if self.pending != " ":
            self.pending = "break" if "\n" in ws or "\r" in ws else " "

    def _text(self, data: str, suffix: str = "", line: int | None = None) -> None:
        """Emit ``data`` source line by source line, each labelled with its line."""
        line = self.getpos()[0] if line is None else line
        if not self.pre:
            stripped = data.lstrip(_WS_ALL)
            if not stripped:
                self._space(data)
                return
            lead = data[: len(data) - len(stripped)]
            if lead:
                self._space(lead)
                line += lead.count("\n")
            body = stripped.rstrip(_WS_ALL)
            trail = stripped[len(body):]
            self._lines(body, suffix, line)
            if trail:
                self._space(trail)
            return
        self._lines(data, suffix, line)

    def _lines(self, data: str, suffix: str, line: int) -> None:
        lines = data.split("\n")
        last = len(lines) - 1
        for k, chunk in enumerate(lines):
            label = f"源码第{line + k}行{suffix}"
            if self.pre:
                if k:
                    self._emit("\n", None)
                self._emit(chunk, label, raw=True)
                continue
            chunk = _SPACE.sub(" ", chunk.lstrip(_WS) if k else chunk)
            chunk = chunk.rstrip() if k < last else chunk
            if not chunk:
                continue
            if k and not (self.pieces and _CJK_CHAR.match(self.pieces[-1][-1]) and _CJK_CHAR.match(chunk)):
                self._emit(" ", None)
            self._emit(chunk, label)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
            return
        if tag in _BLOCK:
            self._emit("\n", None)
            if tag == "br" and self.pieces and self.pieces[-1] == "\n":
                self.br_piece = len(self.pieces) - 1
        elif tag in _CELL:
            self._emit("\t", None)
        if tag == "pre":
            self.pre += 1
        values = dict(attrs)
        shown = [(name, label) for name, label in _ATTRS]
        if tag in _VALUE_TAGS:
            shown.append(("value", "value属性"))
        if tag == "meta":
            shown.append(("content", "meta内容"))
        for name, label in shown:
            value = (values.get(name) or "").strip()
            if value:
                self._attribute(value, label)
        href = (values.get("href") or "").strip()
        if href.lower().startswith(_LINK_SCHEMES):
            self._attribute(unquote(href), "链接地址")

    def _attribute(self, value: str, label: str) -> None:
        self._emit(" ", None)
        self._emit(_SPACE.sub(" ", value), f"源码第{self.getpos()[0]}行 {label}")
        self._emit(" ", None)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _HIDDEN:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self._emit("\n", None)
        if tag == "pre":
            self.pre = max(0, self.pre - 1)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self._text(data)

    def handle_comment(self, data: str) -> None:
        body = data.strip()
        if not self.hidden and body and not body.startswith("[if"):
            line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._emit("\n", None)
            self._text(body, " 注释", line)
            self._emit("\n", None)


def load_html(path: Path, data: bytes, encoding: str | None = None) -> Document:
    """Read a web page into a Document of its published text."""
    text = decode(data, str(path), encoding or _declared_charset(data))
    parser = _Extractor()
    parser.feed(text)
    parser.close()
    body = "".join(parser.pieces)
    return Document(body, path=str(path), segments=tuple(parser.segments), wrap_join=False)


def _declared_charset(data: bytes) -> str | None:
    """The page's ``<meta charset>`` if it names a codec Python knows (GB2312
    and GBK read as their superset GB18030); else detection decides."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        name = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "gb18030" if name in ("gb2312", "gbk") else name
