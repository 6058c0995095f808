"""What the hardening tests share: drafts holding anything a draft can hold,
personal numbers planted at known offsets, the forms a leaked number can take,
an independent line/column reference, and an in-process CLI runner.

Everything here goes through the public surface (screen_text, screen_file,
Report, screener.cli.main), so a detector, loader or output that lands later
is covered without touching these tests: the kinds planted and asserted are
the kinds the installed detectors declare in ``all_rules()``.
"""
from __future__ import annotations

import contextlib
import functools
import io
import random
import re
import sys
from dataclasses import dataclass

import phonenumbers
from hypothesis import strategies as st

import gen
from screener.detectors import all_rules
from screener.detectors import PERSONAL_KINDS


def supported_personal_kinds() -> tuple[str, ...]:
    """The personal-number kinds some installed detector reports."""
    return tuple(sorted({r.kind.name for r in all_rules()} & PERSONAL_KINDS))


# ---------------------------------------------------------------- values

MOBILE_PREFIXES = ("139", "135", "150", "186", "177", "199", "166", "188")
# Area codes with the length of their local numbers (domain notes §3.2).
AREA_CODES = (("010", 8), ("020", 8), ("021", 8), ("028", 8), ("0871", 8), ("0877", 7), ("0571", 8))
EMAIL_LOCALS = ("zhangsan", "li.wei", "wang_fang", "chen2024", "liu-yang", "zhao+gongshi")
EMAIL_DOMAINS = ("example.com", "qq.com", "163.com", "126.com", "example.org")
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"


def landline(rnd: random.Random) -> tuple[str, str]:
    """(area code, local number), a valid fixed-line number per libphonenumber."""
    while True:
        area, length = rnd.choice(AREA_CODES)
        local = str(rnd.randrange(2, 9)) + "".join(str(rnd.randrange(10)) for _ in range(length - 1))
        number = phonenumbers.parse("+86" + area[1:] + local)
        if phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.FIXED_LINE:
            return area, local


def _insert_zero_width(value: str, rnd: random.Random) -> str:
    i = rnd.randrange(1, len(value))
    return value[:i] + rnd.choice(ZERO_WIDTH) + value[i:]


def written_forms(kind: str, rnd: random.Random) -> list[str]:
    """Ways a draft writes one generated number of ``kind``."""
    if kind == "id-card":
        v = gen.random_id(rnd)
        forms = [v, f"{v[:6]} {v[6:14]} {v[14:]}", f"{v[:6]}-{v[6:14]}-{v[14:]}", gen.to_fullwidth(v)]
        if v.endswith("X"):
            forms.append(v[:-1] + "x")
        # a 2023 外国人永久居留身份证 number is reported and masked as an ID too
        forms.append(gen.foreign_id_2023(rnd.choice(("11", "31", "44", "53")), rnd.choice(("840", "392", "410", "250")),
                                         f"{rnd.randrange(1950, 2005)}0{rnd.randrange(1, 10)}1{rnd.randrange(0, 9)}",
                                         f"{rnd.randrange(1000):03d}"))
    elif kind == "mobile":
        v = gen.mobile(rnd.choice(MOBILE_PREFIXES), seed=rnd.randrange(10**9))
        forms = [v, f"{v[:3]} {v[3:7]} {v[7:]}", f"{v[:3]}-{v[3:7]}-{v[7:]}", gen.to_fullwidth(v),
                 f"+86 {v}", f"0086{v}", f"+86-{v[:3]}-{v[3:7]}-{v[7:]}"]
    elif kind == "landline":
        area, local = landline(rnd)
        v = f"{area}-{local}"
        forms = [v, f"({area}){local}", f"（{area}）{local}", f"{area} {local}", gen.to_fullwidth(v)]
    elif kind == "bank-card":
        v = gen.bank_card(rnd.choice(("622202", "621700", "622848", "623052")),
                          rnd.choice((16, 19)), seed=rnd.randrange(10**9))
        forms = [v, " ".join(v[i:i + 4] for i in range(0, len(v), 4)), gen.to_fullwidth(v)]
    elif kind == "email":
        v = f"{rnd.choice(EMAIL_LOCALS)}{rnd.randrange(100)}@{rnd.choice(EMAIL_DOMAINS)}"
        # typed in an input method's full-width mode, every symbol is full width too
        odd = f"wang_fang-{rnd.randrange(100)}@qq.com"
        forms = [v, gen.to_fullwidth(v), gen.to_fullwidth(odd)]
    elif kind == "permit":
        v = rnd.choice((gen.passport(rnd.randrange(10**9), "EA"), gen.passport(rnd.randrange(10**9), "E"),
                        gen.hk_macau_permit(rnd.choice("HM"), rnd.randrange(10**9))))
        forms = [v, gen.to_fullwidth(v), v.lower()]
    elif kind == "address":  # the part past 乡镇/街道 that the finding covers
        v = (rnd.choice(("曼么村委会大", "新寨社区", "腊铺村委会小", "者竜村委会上")) + rnd.choice(("村民小组", "三组", "5组"))
             + f"{rnd.randrange(1, 200)}号")
        forms = [v, gen.to_fullwidth(v)]
    else:  # pragma: no cover - a new personal kind needs a generator here
        raise AssertionError(f"no generator for personal kind {kind!r}: add one to harness.py")
    forms.append(_insert_zero_width(v, rnd))
    if kind != "email":  # a bidi mark or a typographic space where a separator may stand
        forms.append(forms[1].replace(" ", rnd.choice(HIDING_SPACES)) if " " in forms[1] else forms[1])
    return forms


# Characters that look like nothing or like a space: a number written with
# them between its groups is still that number.
HIDING_SPACES = ("\u2009", "\u2007", "\u202f", "\u200e \u200e", "\u2002")


# The label that introduces each kind in a row about a private person.
LABELS = {"id-card": "身份证号码", "mobile": "手机", "landline": "电话", "bank-card": "银行卡号",
          "email": "邮箱", "permit": "护照号码", "address": "家庭住址"}
PERSON_PREFIX = "户主王某某，"


def person_row(kind: str, written: str) -> tuple[str, str]:
    """(prefix, suffix) that put ``written`` in a row about a private person."""
    return f"{PERSON_PREFIX}{LABELS[kind]}：", "。"


# ---------------------------------------------------------------- leaks

_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_HALF[0x3000] = 0x20
_ZW_RE = re.compile(f"[{ZERO_WIDTH}]")
_SEPARATORS = re.compile(rf"[\s\-‐‑–—()（）{ZERO_WIDTH}]")


def compact(kind: str, written: str) -> str:
    """The number as bare characters: half-width, no separators, no zero-width."""
    half = _ZW_RE.sub("", written.translate(_HALF))
    if kind == "address":  # Chinese characters are the value
        return _SEPARATORS.sub("", half).upper()
    if kind == "permit":  # its letters are part of the number
        return re.sub(r"[^0-9A-Za-z]", "", half).upper()
    return half.lower() if kind == "email" else re.sub(r"[^0-9Xx]", "", half).upper()


@functools.lru_cache(maxsize=16)
def _folded(output: str) -> tuple[str, str]:
    folded = _SEPARATORS.sub("", output.translate(_HALF))
    return folded.lower(), folded.upper()


def leaked(output: str, kind: str, written: str) -> str | None:
    """Which form of the number ``output`` shows in full, or None.

    Checks the number as written, and its bare characters in the output after
    folding full width to half width and dropping separators and zero-width
    characters: so full-width, re-spaced and separator-stripped copies all count.
    """
    if written in output:
        return written
    bare = compact(kind, written)
    lower, upper = _folded(output)
    return bare if bare in (lower if kind == "email" else upper) else None


# ---------------------------------------------------------------- drafts

@dataclass(frozen=True)
class Planted:
    kind: str
    written: str
    start: int
    end: int


@dataclass(frozen=True)
class PlantedTerm:
    code: str
    example: str
    start: int
    end: int


@dataclass(frozen=True)
class Draft:
    text: str
    planted: tuple[Planted, ...]
    terms: tuple[PlantedTerm, ...] = ()


@dataclass(frozen=True)
class _Plant:
    kind: str
    written: str


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
RTL_LETTERS = "\u05d0\u05d1\u05e9\u0627\u0644\u0639\u0645\u0660\u0661\u0669\u06f1\u0966"
COMBINING = "\u0300\u0301\u0308\u0323\u0338\u20dd\u3099"
WIDTH = ("０１２３４５６７８９ＡＢＸａｂｘ＠．－＋（）：，　"
         "0123456789ABXabx@.-+():, ")
CJK = "政务公开平掌乡人民政府关于的公示村民小组家庭人口联系地址，。：；、《》【】“”"
CONTROLS = "\x00\x01\x08\x0b\x0c\x1b\x7f\x85"
LINE_BREAKS = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x85")
CONTEXT_WORDS = ("联系电话：", "户主", "身份证号码：", "传真：", "热线", "申请人", "监督邮箱：", "电话")
ODD = ZERO_WIDTH + BIDI + RTL_LETTERS + COMBINING + WIDTH + CJK

_segment = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12),
    st.text(st.sampled_from(ODD), max_size=12),
    st.text(st.sampled_from("0123456789０１２３４５６７８９ -xX@."), max_size=24),
    st.sampled_from(LINE_BREAKS),
    st.sampled_from(CONTROLS),
    st.sampled_from(CONTEXT_WORDS),
)


@st.composite
def _plant(draw, kinds: tuple[str, ...]):
    kind = draw(st.sampled_from(kinds))
    rnd = random.Random(draw(st.integers(0, 2**32)))
    return _Plant(kind, rnd.choice(written_forms(kind, rnd)))


ALL_PLANTABLE = ("id-card", "mobile", "landline", "bank-card", "email", "permit")
# Not planted by the property tests: an address finding covers only the part
# past 乡镇/街道, so it never starts where a planted value does.
NUMBER_KINDS = ("id-card", "mobile", "landline", "bank-card", "email", "permit")
TERM_WRAP = ("。\n", "\n。")  # a line of its own, and a break no CJK join removes


@functools.lru_cache(maxsize=None)
def term_examples() -> tuple[tuple[str, str], ...]:
    """(entry code, example) for the ``match`` examples of every active
    word-list entry without context conditions, kept when the example on a
    line of its own is flagged with that code: planted anywhere, it must be
    flagged there too.  Empty when no word lists are installed."""
    try:
        from screener.wordlists import list_set
    except ImportError:
        return ()
    from screener import Config, screen_text

    out = []
    for e in list_set(Config()).active:
        if e.near or e.not_near or e.before or e.not_before or e.after or e.not_after or e.quoted:
            continue
        for example in e.match:
            alone = TERM_WRAP[0] + example + TERM_WRAP[1]
            if any(f.code == e.code for f in screen_text(alone).findings):
                out.append((e.code, example))
    return tuple(out)


@dataclass(frozen=True)
class _Term:
    code: str
    example: str


@st.composite
def drafts(draw, max_lines: int = 10, plant: bool = True) -> Draft:
    """A draft of lines of random pieces, joined by random line breaks; with
    ``plant``, some pieces are personal numbers in rows about a person, at
    offsets recorded in ``Draft.planted``.  Every plantable kind is planted,
    whether or not a detector for it is installed."""
    terms = term_examples() if plant else ()
    options = [_segment, _plant(ALL_PLANTABLE)] if plant else [_segment]
    if terms:
        options.append(st.sampled_from(terms).map(lambda t: _Term(*t)))
    piece = st.one_of(options)
    lines = draw(st.lists(st.tuples(st.lists(piece, max_size=6), st.sampled_from(LINE_BREAKS)),
                          min_size=1, max_size=max_lines))
    out: list[str] = []
    planted: list[Planted] = []
    planted_terms: list[PlantedTerm] = []
    pos = 0
    for pieces, brk in lines:
        for p in [*pieces, brk]:
            if isinstance(p, _Term):
                start = pos + len(TERM_WRAP[0])
                planted_terms.append(PlantedTerm(p.code, p.example, start, start + len(p.example)))
                p = TERM_WRAP[0] + p.example + TERM_WRAP[1]
            elif isinstance(p, _Plant):
                prefix, suffix = person_row(p.kind, p.written)
                start = pos + len(prefix)
                planted.append(Planted(p.kind, p.written, start, start + len(p.written)))
                p = prefix + p.written + suffix
            out.append(p)
            pos += len(p)
    return Draft("".join(out), tuple(planted), tuple(planted_terms))


# ---------------------------------------------------------------- lines

def reference_line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` under screener's convention:
    ``\\r\\n``, ``\\r`` and ``\\n`` each end a line (``\\r\\n`` is one break);
    U+2028, U+2029, NEL, VT and FF do not.  Written with str.count, not the
    regex Document uses, so the two can disagree."""
    prefix = text[:offset]
    inside_crlf = prefix.endswith("\r") and text[offset:offset + 1] == "\n"
    if inside_crlf:
        prefix = prefix[:-1]
    breaks = prefix.count("\n") + prefix.count("\r") - prefix.count("\r\n")
    line_start = max(prefix.rfind("\n"), prefix.rfind("\r")) + 1
    return breaks + 1, offset - line_start + 1


# ---------------------------------------------------------------- CLI

@dataclass(frozen=True)
class CliResult:
    code: int
    out: str
    err: str


def run_cli(args: list[str], stdin: bytes | None = None) -> CliResult:
    """Run ``screen ARGS`` in this process and capture what it prints."""
    from screener.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    if stdin is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main([str(a) for a in args])
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 0
    finally:
        sys.stdin = saved_stdin
    return CliResult(code, out.getvalue(), err.getvalue())
