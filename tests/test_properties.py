"""Properties of screening that hold for any draft, checked on generated drafts.

Drafts mix arbitrary Unicode (astral characters included) with what breaks
text tools: zero-width and combining characters, right-to-left letters and
bidi controls, NUL and other controls, CRLF / lone CR / U+2028 line breaks,
full- and half-width forms, digit runs that almost look like numbers, context
words, and personal numbers planted in rows about a person.

Line convention (also in SECURITY.md): ``\\r\\n``, ``\\r`` and ``\\n`` each end
a line, ``\\r\\n`` counting once; U+2028, U+2029, NEL, VT and FF do not.
"""
from __future__ import annotations

import codecs
import html
import json
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from harness import (ALL_PLANTABLE, Draft, compact, drafts, leaked, person_row,
                     reference_line_col, run_cli, supported_personal_kinds, written_forms)
from screener import Severity, screen_file, screen_text
from screener.privacy import mask
from screener.redact import redact_text
from screener.render.json_out import render_json
from screener.render.terminal import render_terminal

SUPPORTED = supported_personal_kinds()


def check_report(text: str, report) -> None:
    """What every report promises about its findings, whatever the draft."""
    assert len(report.files) == 1
    prev_end = 0
    for f in report.findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert text[f.start:f.end] == f.text, f
        assert (f.line, f.column) == reference_line_col(text, f.start), f
        assert f.start >= prev_end, "findings must be ordered and must not overlap"
        prev_end = f.end
        if f.personal:
            assert leaked(f.masked, f.kind, f.text) is None, f
    json.loads(render_json(report))
    assert render_terminal(report).endswith("\n")


def check_planted_found(draft: Draft, report) -> None:
    """Every planted number of an installed kind is found, exactly where
    planted; every planted word-list example is flagged by its entry."""
    for p in draft.planted:
        if p.kind not in SUPPORTED:
            continue
        hits = [f for f in report.findings if (f.start, f.end) == (p.start, p.end)]
        assert [f.kind for f in hits] == [p.kind], (p, report.findings)
    for t in draft.terms:
        hits = [f for f in report.findings if f.code == t.code and t.start <= f.start < f.end <= t.end]
        assert hits, (t, report.findings)


@given(drafts())
def test_any_draft_screens_and_offsets_agree(draft):
    report = screen_text(draft.text)
    check_report(draft.text, report)
    check_planted_found(draft, report)


@given(drafts(plant=False, max_lines=4))
# found by the deep profile: a surrogate beside a masked copy crashed the excerpt's automaton
@example(Draft(text="电话2000000\n", planted=(), terms=()))
# and a traditional character on a line with a surrogate crashed the simplified view (OpenCC)
@example(Draft(text="嬇\n", planted=(), terms=()))
def test_lone_surrogates_and_controls_do_not_crash_the_library(draft):
    # A str from a library caller can hold anything, even lone surrogates.
    text = draft.text + "\ud800" + draft.text + "\udfff"
    check_report(text, screen_text(text))


def _eol_view(findings, shift, eol):
    return [(f.kind, f.code, f.severity, shift(f.start), shift(f.end), f.line, f.column,
             f.text.replace("\n", eol), f.masked.replace("\n", eol), f.message) for f in findings]


def assert_same_modulo_eol(lf: str, lf_findings, eol: str, other_findings) -> None:
    """Findings of ``lf`` with every ``\\n`` written as ``eol`` instead: the same
    findings on the same line and column; each offset moves by (len(eol) - 1)
    per line break before it; text spanning a break carries the new break."""
    def shift(pos: int) -> int:
        return pos + (len(eol) - 1) * lf.count("\n", 0, pos)

    assert _eol_view(other_findings, lambda p: p, eol) == _eol_view(lf_findings, shift, eol)


@given(drafts())
def test_line_endings_change_no_finding(draft):
    lf = re.sub(r"\r\n?", "\n", draft.text)
    base = screen_text(lf).findings
    for eol in ("\r\n", "\r"):
        assert_same_modulo_eol(lf, base, eol, screen_text(lf.replace("\n", eol)).findings)


def _controls(text: str) -> int:
    return sum(1 for ch in text[:8192] if ch < " " and ch not in "\t\n\r\f\v\x1b")


def _gb18030_bytes(text: str) -> tuple[bytes, str | None]:
    """The GB18030 file, and the --encoding needed to read it back unambiguously.

    Detection tries UTF-8 first: GB18030 bytes that also happen to be valid
    UTF-8 (e.g. C2 A0) or start like a BOM cannot be told apart by any
    detector, so such drafts are read with an explicit --encoding."""
    data = text.encode("gb18030")
    try:
        data.decode("utf-8")
        ambiguous = True
    except UnicodeDecodeError:
        ambiguous = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    return data, ("gb18030" if ambiguous else None)


@given(drafts())
def test_files_in_every_encoding_give_the_findings_of_the_string(draft):
    text = draft.text
    # In a file, a leading U+FEFF *is* the byte-order mark, so it is not text.
    assume(not text.startswith("\ufeff"))
    # A draft made mostly of control characters is refused as binary (tested in the fuzz tests).
    assume(_controls(text) <= 8)
    base = screen_text(text).findings
    lf = re.sub(r"\r\n?", "\n", text)
    lf_base = screen_text(lf).findings
    gb, gb_encoding = _gb18030_bytes(text)
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        variants = [
            ("utf8.txt", text.encode("utf-8"), None),
            ("utf8-bom.txt", codecs.BOM_UTF8 + text.encode("utf-8"), None),
            ("gb18030.txt", gb, gb_encoding),
        ]
        for name, data, encoding in variants:
            (d / name).write_bytes(data)
            assert screen_file(d / name, encoding=encoding).findings == base, name
        (d / "crlf.txt").write_bytes(lf.replace("\n", "\r\n").encode("utf-8"))
        assert_same_modulo_eol(lf, lf_base, "\r\n", screen_file(d / "crlf.txt").findings)

        result = run_cli(["--format", "json", d / "utf8.txt"])
        assert result.code in (0, 1) and result.err == "", result
        assert json.loads(result.out)["files"][0]["findings"] == [f.to_dict() for f in base]
        result = run_cli([d / "utf8.txt"])
        assert result.code in (0, 1) and result.err == "", result
        assert "结论：" in result.out


_XML_INVALID = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _as_docx(lines: list[str], path: Path) -> None:
    import docx

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    d.save(str(path))


def _as_html(lines: list[str], path: Path) -> None:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in lines)
    path.write_text(f"<!doctype html><meta charset=utf-8><body>{body}</body>", encoding="utf-8")


@given(drafts())
def test_planted_numbers_are_found_in_word_and_web_drafts(draft):
    # The same draft, one paragraph per line, as a .docx and as a web page.
    # Characters XML cannot hold are left out (Word cannot store them either).
    lines = _XML_INVALID.sub("", draft.text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    assume(_controls("".join(lines)) <= 8)
    wanted = sorted((p.kind, p.written) for p in draft.planted if p.kind in SUPPORTED)
    with tempfile.TemporaryDirectory() as tmp:
        for name, write in (("draft.docx", _as_docx), ("draft.html", _as_html)):
            path = Path(tmp) / name
            write(lines, path)
            report = screen_file(path)
            check_report(report.files[0].document.text, report)
            found = {(f.kind, f.text) for f in report.findings}
            assert [w for w in wanted if w not in found] == [], name


def _redacted_spans(text: str, report, style: str | None) -> str:
    """The draft with each personal finding at warning or above replaced by
    its mask and every other character kept: what redaction must give."""
    out, pos = [], 0
    for f in report.findings:
        if f.personal and f.severity >= Severity.WARNING:
            out += [text[pos:f.start], mask(f.kind, f.text, style) if style else f.masked]
            pos = f.end
    return "".join(out) + text[pos:]


@given(drafts(), st.sampled_from([None, "default", "full"]))
def test_redaction_changes_only_flagged_spans_and_is_idempotent(draft, style):
    report = screen_text(draft.text)
    once = redact_text(draft.text, report, style=style)
    assert once == _redacted_spans(draft.text, report, style)
    for p in draft.planted:
        if p.kind in SUPPORTED:
            assert leaked(once, p.kind, p.written) is None, p
    assert redact_text(once, screen_text(once), style=style) == once


_REDACT_ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8 with BOM": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "utf-16": lambda t: t.encode("utf-16"),
    "gb18030": lambda t: t.encode("gb18030"),
}


@given(drafts(), st.sampled_from(sorted(_REDACT_ENCODINGS)), st.booleans())
# found by the deep profile: UTF-16 LE text starting with U+0000 begins with the UTF-32 LE mark
@example(Draft(text="\x00\n", planted=(), terms=()), "utf-16", False)
def test_redacted_copy_keeps_every_other_byte(draft, encoding, crlf):
    text = re.sub(r"\r\n?", "\n", draft.text).replace("\n", "\r\n") if crlf else draft.text
    assume(not text.startswith("\ufeff") and _controls(text) <= 8)
    data = _REDACT_ENCODINGS[encoding](text)
    option = []
    if encoding == "gb18030":
        data, forced = _gb18030_bytes(text)
        option = ["--encoding", forced] if forced else []
    with tempfile.TemporaryDirectory() as tmp:
        source, copy = Path(tmp) / "draft.txt", Path(tmp) / "copy.txt"
        source.write_bytes(data)
        result = run_cli([source, "--redact", copy, *option])
        assert result.code in (0, 1), result
        assert source.read_bytes() == data
        expected = _redacted_spans(text, screen_text(text), None)
        assert copy.read_bytes() == _REDACT_ENCODINGS[encoding](expected)


@given(drafts())
def test_redacted_word_copy_reads_as_the_redacted_text(draft):
    lines = _XML_INVALID.sub("", draft.text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    with tempfile.TemporaryDirectory() as tmp:
        source, copy = Path(tmp) / "draft.docx", Path(tmp) / "copy.docx"
        _as_docx(lines, source)
        report = screen_file(source)
        result = run_cli([source, "--redact", copy])
        assert result.code in (0, 1), result
        doc = report.files[0].document
        assert screen_file(copy).files[0].document.text == _redacted_spans(doc.text, report, None)
        for p in draft.planted:
            if p.kind in SUPPORTED:
                assert leaked(copy.read_bytes().decode("utf-8", "replace"), p.kind, p.written) is None


def test_line_convention_table():
    # The convention the properties check, spelled out: (text, offset) -> (line, column).
    text = "a\r\nb\rc\nd\u2028e\u2029f\x85g\x0bh\x0ci"
    cases = {0: (1, 1), 3: (2, 1), 5: (3, 1), 7: (4, 1), 9: (4, 3), 15: (4, 9), 16: (4, 10)}
    for offset, expected in cases.items():
        assert reference_line_col(text, offset) == expected, offset
    doc_text = "户主\r\n\r\r\n\n" + "x@example.com"
    [f] = screen_text(doc_text).findings
    assert (f.line, f.column) == (5, 1)


@pytest.mark.parametrize("written", [
    "ｗａｎｇ＿ｆａｎｇ９６＠１２６．ｃｏｍ",  # regression: ＿ was not folded, so only ｆａｎｇ９６＠… was found
    "ｌｉ％ｗｅｉ＠ｑｑ．ｃｏｍ",
    "ｚｈａｏ＋ｇｓ＠ｑｑ．ｃｏｍ",
    "ｌｉｕ－ｙａｎｇ．１＠ｅｘａｍｐｌｅ．ｃｏｍ",
    "wang_fang96@126.com",
])
def test_full_width_email_is_found_whole(written):
    text = f"户主王某某，邮箱：{written}。"
    assert [f.text for f in screen_text(text).findings] == [written]


def _ten_megabyte_line() -> tuple[str, list[tuple[str, str, int]]]:
    rnd = random.Random(20240603)
    filler = ("平掌乡人民政府关于2024年度第二批农村最低生活保障对象的公示，经本人申请、村（居）民委员会"
              "入户调查、民主评议，联系地址：新平县平掌乡人民政府（邮编653405），文号新民发〔2024〕12号；")
    parts: list[str] = []
    planted: list[tuple[str, str, int]] = []
    size = 0
    while size < 10 * 1024 * 1024:
        for kind in ALL_PLANTABLE:
            written = rnd.choice(written_forms(kind, rnd))
            prefix, suffix = person_row(kind, written)
            start = sum(len(p) for p in parts) + len(prefix)
            planted.append((kind, written, start))
            parts.append(prefix + written + suffix)
        chunk = filler * 400
        parts.append(chunk)
        size += len(chunk.encode("utf-8")) + 400
    return "".join(parts), planted


def test_ten_megabyte_single_line():
    text, planted = _ten_megabyte_line()
    assert len(text.encode("utf-8")) >= 10 * 1024 * 1024 and "\n" not in text
    report = screen_text(text)
    check_report(text, report)
    assert all(f.line == 1 and f.column == f.start + 1 for f in report.findings)
    by_span = {(f.start, f.end): f.kind for f in report.findings}
    for kind, written, start in planted:
        if kind in SUPPORTED:
            assert by_span.get((start, start + len(written))) == kind, (kind, written, start)
    assert SUPPORTED == () or report.findings, "the planted numbers must be found"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_bytes(text.encode("utf-8"))
        assert screen_file(path).findings == report.findings
        result = run_cli([path])
        assert result.code in (0, 1) and result.err == ""
        for kind, written, _ in planted:
            if kind in SUPPORTED:
                assert leaked(result.out, kind, written) is None, compact(kind, written)
