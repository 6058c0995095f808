"""What the approval sheet reads off the draft itself: its title and its 文号.

GB/T 9704-2012 (domain notes §5.1, C10) lays a document out as 版头 (the
issuer's name followed by 文件), then the 发文字号 on a line of its own
(新政办通〔2019〕66号), then the title.  A draft pasted into a .txt often
keeps only the title line; a report may cite other documents' numbers in its
body, which are not its own, so a number found only in the body is offered
with a note asking the reviewer to check it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..document import Document, fold

# issuer abbreviation, year in 〔〕 [] ［］ () （） 【】, serial, 号
DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{1,12}"
    r"[〔\[［(（【]\s*((?:19|20)\d{2})\s*[〕\]］)）】]"
    r"\s*第?\s*\d{1,5}\s*号"
)
# words that end the text in front of an issuer's abbreviation (根据, 按照, 印发的 …);
# issuer abbreviations (国办发, 新政办通, 国办公开办函) do not contain them
_SEPARATORS = re.compile(r"根据|依据|按照|依照|参照|对照|执行|贯彻|落实|转发|印发|详见|参见|[的和及与或见经对了在为将即是]")
_HEAD_LINES = 12  # the 版头 and title sit in the first lines
_TITLE_MAX = 80
_NOT_TITLE_END = tuple("。；;，,：:！!？?、")
_BANNER = re.compile(r"^.{2,30}文件$")  # 版头: 发文机关标志, e.g. 新平县人民政府文件
_LABEL_LINE = re.compile(r"^(?:签发人|抄送|印发|附件|主送)[:：]")
_DATE_ONLY = re.compile(r"[\d\s\-—.:：/年月日]+")  # also a 6-digit 份号
_MARKS = re.compile(r"^(?:(?:绝密|机密|秘密)\s*[★☆*]|特急$|加急$)")  # 密级 and 紧急程度 lines


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line of the draft: its stripped text and where it starts."""

    text: str
    start: int


def head_lines(text: str, limit: int = _HEAD_LINES) -> list[Line]:
    """The first ``limit`` non-empty lines, stripped of spaces and Markdown #."""
    out: list[Line] = []
    for m in re.finditer(r"[^\r\n]+", text):
        raw = m.group()
        stripped = raw.strip(" \t\u3000\ufeff")
        if stripped.startswith("#"):
            stripped = stripped.lstrip("#").strip()
        if not stripped:
            continue
        out.append(Line(stripped, m.start() + raw.index(stripped[0])))
        if len(out) >= limit:
            break
    return out


def _issuer_cut(value: str) -> str:
    """Drop words in front of the issuer's abbreviation: 根据新民发〔…〕 → 新民发〔…〕."""
    opening = re.search(r"[〔\[［(（【]", value)
    assert opening is not None  # value is a DOC_NUMBER match, which has its bracket
    bracket = opening.start()
    head = value[:bracket]
    cut = max((m.end() for m in _SEPARATORS.finditer(head)), default=0)
    return value[cut:]


def find_doc_number(doc: Document) -> tuple[str, bool] | None:
    """The draft's 文号 and whether it stands on a line of its own (its own
    number) rather than cited in the body.  Each line is width-folded (which
    keeps its length) so full-width brackets and digits count; the original
    characters are returned."""
    for line in head_lines(doc.text):
        m = DOC_NUMBER.match(fold(line.text))
        if m and _issuer_cut(m.group()) == m.group():
            rest = line.text[m.end():].strip(" \t\u3000")
            if not rest or rest.startswith("签发人"):
                return line.text[: m.end()], True
    for row in re.finditer(r"[^\r\n]+", doc.text):
        m = DOC_NUMBER.search(fold(row.group()))
        if m:
            value = _issuer_cut(row.group()[m.start():m.end()])
            if re.match(r"[\u4e00-\u9fff]{2}", value):
                return value, False
    return None


def find_title(doc: Document) -> Line | None:
    """The line that reads like the draft's heading: short and not a sentence,
    found before the body starts; the 版头, a 文号, a label line or a bare date
    in front of it are passed over."""
    for line in head_lines(doc.text):
        text = line.text
        if _BANNER.match(text) or _LABEL_LINE.match(text) or _MARKS.match(text) \
                or _DATE_ONLY.fullmatch(text):
            continue
        if DOC_NUMBER.match(fold(text)):
            continue
        if len(text) > _TITLE_MAX or text.endswith(_NOT_TITLE_END):
            return None  # the body has started: the draft has no heading line
        return line
    return None
