"""No output shows a planted personal number unless --show-values.

Every personal kind an installed detector reports is planted in every form a
draft writes it (plain, grouped with spaces or hyphens, full width, a
zero-width character inside), and each output is searched for the number as
written and for its bare characters after folding full width and dropping
separators (see ``harness.leaked``).  The same outputs with --show-values
must show every number: that proves the search can fail.

File names are output too: a draft saved as 户主<ID>.txt must not put the ID
into a report that is then e-mailed around, so personal numbers in file names
are masked in every output unless --show-values (error messages on stderr
always mask them).  Library objects (``Finding.text``, ``FileReport.path``,
``InputError.path``) keep the raw values: the caller already holds them.
"""
from __future__ import annotations

import codecs
import html
import json
import logging
import os
import random
import subprocess
import sys
import warnings
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docx_factory import (build_docx, deleted, document_xml, field, footnote_ref, minimal_parts, moved_from,
                          para, run, textbox, zip_bytes)
from harness import ALL_PLANTABLE, LABELS, NUMBER_KINDS, compact, leaked, person_row, run_cli, supported_personal_kinds, written_forms
from screener import InputError, screen_file, screen_text
from screener.loaders import load
from screener.masking import guard
from screener.privacy import mask
from screener.render.terminal import render_terminal

KINDS = supported_personal_kinds()
# Kinds a file or part name is screened for (display.mask_numbers looks for
# numbers and e-mail addresses; a home address in a file name is not masked).
NAMED_KINDS = tuple(k for k in KINDS if k in NUMBER_KINDS)


def planted_draft(seed: int = 11) -> tuple[str, list[tuple[str, str]]]:
    """A 公示 with one row per kind and written form, two numbers sharing a
    line (so each shows up in the other's excerpt), and an office phone."""
    rnd = random.Random(seed)
    lines = ["平掌乡人民政府关于农村低保对象的公示", ""]
    planted: list[tuple[str, str]] = []
    for kind in KINDS:
        for written in written_forms(kind, rnd):
            prefix, suffix = person_row(kind, written)
            lines.append(prefix + written + suffix)
            planted.append((kind, written))
    for a, b in zip(KINDS, KINDS[1:] + KINDS[:1]):
        wa, wb = written_forms(a, rnd)[0], written_forms(b, rnd)[0]
        lines.append(f"户主张某某，{LABELS[a]}：{wa}，{LABELS[b]}：{wb}。")
        planted += [(a, wa), (b, wb)]
    # a banned term whose pattern spans a person's number: the word is a
    # finding too, and no output may print the number inside it in full
    swallowed = written_forms("mobile", rnd)[0]
    lines.append(f"户主张某某，手机：香港澳门{swallowed}等国家")
    planted.append(("mobile", swallowed))
    lines += ["监督电话：0877-7012345", "监督邮箱：pzxshswb@xinping.gov.cn", ""]
    return "\n".join(lines), planted


DRAFT, PLANTED = planted_draft()


def _extra_rows(seed: int, places: list[str]) -> dict[str, tuple[str, str, str]]:
    """One more person row per place in a .docx or web page: {place: (kind, written, row)}."""
    rnd = random.Random(seed)
    rows = {}
    for i, place in enumerate(places):
        kind = KINDS[i % len(KINDS)]
        written = rnd.choice(written_forms(kind, rnd))
        prefix, suffix = person_row(kind, written)
        rows[place] = (kind, written, prefix + written + suffix)
    return rows


DOCX_ROWS = _extra_rows(13, ["table", "header", "footer", "footnote", "comment", "textbox", "deleted",
                             "field", "moved", "link"])
HTML_ROWS = _extra_rows(17, ["cell", "alt", "title", "comment", "page title", "entities"])
DOCX_PLANTED = PLANTED + [(k, w) for k, w, _ in DOCX_ROWS.values()]
HTML_PLANTED = PLANTED + [(k, w) for k, w, _ in HTML_ROWS.values()]
ALL_PLANTED = PLANTED + DOCX_PLANTED[len(PLANTED):] + HTML_PLANTED[len(PLANTED):]


def _uri(kind: str, written: str) -> str:
    bare = compact(kind, written)
    if kind != "email" and written.lstrip().startswith("+"):
        bare = "+" + bare  # a tel: link keeps the + of +86 (RFC 3966 global number)
    return ("mailto:" if kind == "email" else "tel:") + bare


def write_docx(path: Path) -> Path:
    """The planted draft as a .docx, with a row in every place Word keeps
    text: table, header, footer, footnote, comment, text box (which Word
    stores twice), tracked deletion; and with copies of numbers where the
    text is not read but still in the file: a field code, the origin of
    moved text, a hyperlink target, the document properties."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    r = {place: row for place, (_, _, row) in DOCX_ROWS.items()}
    (fk, fw, _), (lk, lw, _) = DOCX_ROWS["field"], DOCX_ROWS["link"]
    prefix, suffix = person_row(fk, fw)
    move = f'<w:moveTo w:id="93" w:author="审核人">{run(r["moved"])}</w:moveTo>'
    build_docx(path, [
        *DRAFT.splitlines(),
        [["户主", r["table"]], ["备注", "无"]],
        para(run("见附件"), textbox(r["textbox"])),
        para(run("说明："), deleted(r["deleted"])),
        para(run("详见脚注"), footnote_ref(1)),
        para(run(prefix), field(f'HYPERLINK "{_uri(fk, fw)}"', fw), run(suffix)),
        para(moved_from(r["moved"])),
        para(move),
    ], header=r["header"], footer=r["footer"], footnotes=[r["footnote"]],
        comments=[("批注处", r["comment"])])
    d = docx.Document(str(path))
    rid = d.part.relate_to(_uri(lk, lw), RT.HYPERLINK, is_external=True)
    d.element.body.sectPr.addprevious(parse_xml(
        f'<w:p {nsdecls("w", "r")}><w:hyperlink r:id="{rid}">{run(r["link"])}</w:hyperlink></w:p>'))
    d.core_properties.title = PLANTED[0][1]
    d.core_properties.subject = r["table"]
    d.save(str(path))
    return path


def write_html(path: Path) -> Path:
    """The planted draft as a web page, with rows in attributes, a comment,
    the page title and one written entirely as character references."""
    r = {place: row for place, (_, _, row) in HTML_ROWS.items()}
    entities = "".join(f"&#{ord(c)};" for c in r["entities"])
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in DRAFT.splitlines())
    path.write_text(
        f"<!doctype html><html><head><meta charset=utf-8><title>{html.escape(r['page title'])}</title>"
        f"</head><body>{body}<table><tr><td>{html.escape(r['cell'])}</td></tr></table>"
        f"<img src=x.png alt=\"{html.escape(r['alt'])}\"><a href=# title=\"{html.escape(r['title'])}\">附件</a>"
        f"<!-- {html.escape(r['comment'])} --><p>{entities}</p></body></html>", encoding="utf-8")
    return path


def assert_no_leak(output: str, where: str) -> None:
    for kind, written in ALL_PLANTED:
        form = leaked(output, kind, written)
        assert form is None, f"{where} shows {kind} {form!r} unmasked"


def test_every_planted_number_is_found(tmp_path):
    # Otherwise a leak test below would pass for the wrong reason (or fail
    # because a number was missed rather than leaked).
    assert KINDS, "no personal-number detector is installed"
    for planted, report in [(PLANTED, screen_text(DRAFT)),
                            (DOCX_PLANTED, screen_file(write_docx(tmp_path / "d.docx"))),
                            (HTML_PLANTED, screen_file(write_html(tmp_path / "d.html")))]:
        found = {f.text for f in report.findings if f.personal}
        assert [w for _, w in planted if w not in found] == [], report.files[0].path


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(self.format(record))


def _outputs(tmp: Path, show_values: bool) -> dict[str, str]:
    """Every output screener produces for the planted draft, by name."""
    flag = ["--show-values"] if show_values else []
    draft = tmp / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    gb = tmp / "draft-gb.txt"
    gb.write_bytes(DRAFT.encode("gb18030"))
    bad = tmp / "bad.txt"
    bad.write_bytes(b"\x00\x01" * 8 + DRAFT.encode("utf-8") + b"\xff")
    docx_draft = write_docx(tmp / "draft.docx")
    html_draft = write_html(tmp / "draft.html")
    folder = tmp / "folder"
    folder.mkdir()
    for source in (draft, bad, docx_draft, html_draft):
        (folder / source.name).write_bytes(source.read_bytes())
    (folder / ".hidden.txt").write_text(DRAFT, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4")
    outputs: dict[str, str] = {}

    def cli(name, args, stdin=None):
        result = run_cli(args + flag, stdin=stdin)
        outputs[name] = result.out
        outputs[name + " stderr"] = result.err

    handler = _Capture()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cli("terminal", [draft])
            cli("json", ["--format", "json", draft])
            cli("stdin", ["-"], stdin=DRAFT.encode("utf-8"))
            cli("gb18030 terminal", [gb])
            cli("batch terminal", [draft, bad, gb])
            cli("batch json", ["--format", "json", draft, bad, gb])
            cli("docx terminal", [docx_draft])
            cli("docx json", ["--format", "json", docx_draft])
            cli("html terminal", [html_draft])
            cli("html json", ["--format", "json", html_draft])
            cli("folder terminal", [folder])
            cli("folder json", ["--format", "json", folder, "--jobs", "1"])
            _sheets_and_copies(tmp, cli, outputs, draft, docx_draft, html_draft, folder)
            for source in (draft, docx_draft, html_draft):
                outputs[f"page {source.suffix}"] = _page_view(source, show_values)
            report = screen_file(draft)
            outputs["library to_dict"] = json.dumps(report.to_dict(show_values), ensure_ascii=False)
            outputs["library terminal"] = render_terminal(report, show_values=show_values)
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    outputs["log records"] = "\n".join(handler.lines)
    outputs["warnings"] = "\n".join(str(w.message) for w in caught)
    return outputs


def _page_view(path: Path, show_values: bool) -> str:
    """What the reviewers' page is sent for ``path`` (the draft cut into
    pieces, the findings list, the verdict), as JSON text."""
    from starlette.testclient import TestClient

    from screener import Config
    from screener.web import create_app
    from screener.web.security import Guard

    guard = Guard(hosts=("testserver",))
    client = TestClient(create_app(Config(), guard=guard, show_values=show_values))
    client.get(f"/?token={guard.token}", follow_redirects=False)
    r = client.post("/ui/screen", headers={"X-CSRF-Token": guard.csrf},
                    files=[("file", (path.name, path.read_bytes()))])
    assert r.status_code == 200, r.text
    return json.dumps(r.json(), ensure_ascii=False)


def file_text(path: Path) -> str:
    """What a person or a program can read in an output file: its bytes as
    text; for a .docx also the text the loader extracts (a number split over
    runs is whole there) and every XML part; for HTML also the text and
    attribute values joined (a number split by tags is whole there)."""
    data = path.read_bytes()
    if data.startswith(b"PK"):
        with zipfile.ZipFile(path) as zf:
            parts = [zf.read(name).decode("utf-8", "replace") for name in zf.namelist()]
        return "\n".join([load(path).text, *parts])
    text = data.decode("utf-8", "replace")
    if path.suffix in (".html", ".htm"):
        text += "\n" + _visible(text)
    return text


def _visible(page: str) -> str:
    class Joiner(HTMLParser):
        chunks: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.chunks.extend(v for _, v in attrs if v)

        def handle_data(self, data):
            self.chunks.append(data)

    joiner = Joiner(convert_charrefs=True)
    joiner.chunks = []
    joiner.feed(page)
    return "".join(joiner.chunks)


def _sheets_and_copies(tmp, cli, outputs, draft, docx_draft, html_draft, folder) -> None:
    """The approval sheet in every format, and redacted copies, for one draft
    and for a folder run; each file's content is an output."""
    out = tmp / "out"
    out.mkdir()
    for suffix in (".md", ".html", ".docx"):
        cli(f"sheet{suffix} run", [draft, "--sheet", out / f"sheet{suffix}"])
        outputs[f"sheet{suffix}"] = file_text(out / f"sheet{suffix}")
    cli("sheet stdout", ["--format", "sheet", draft])
    cli("docx sheet run", [docx_draft, "--sheet", out / "docx-sheet.html"])
    outputs["docx sheet.html"] = file_text(out / "docx-sheet.html")
    cli("html sheet run", [html_draft, "--sheet", out / "html-sheet.docx"])
    outputs["html sheet.docx"] = file_text(out / "html-sheet.docx")
    cli("redact txt run", [draft, "--redact", out / "redacted.txt"])
    outputs["redacted txt"] = file_text(out / "redacted.txt")
    cli("redact docx run", [docx_draft, "--redact", out / "redacted.docx"])
    outputs["redacted docx"] = file_text(out / "redacted.docx")
    sheets, copies = tmp / "sheets", tmp / "copies"
    sheets.mkdir()
    copies.mkdir()
    cli("folder outputs run", [folder, "--sheet", sheets, "--redact", copies, "--jobs", "1"])
    outputs["folder sheets"] = "\n".join(file_text(p) for p in sorted(sheets.iterdir()))
    outputs["folder redacted"] = "\n".join(file_text(p) for p in sorted(copies.iterdir()))


@pytest.fixture(scope="module")
def masked_outputs(tmp_path_factory):
    return _outputs(tmp_path_factory.mktemp("masked"), show_values=False)


@pytest.fixture(scope="module")
def shown_outputs(tmp_path_factory):
    return _outputs(tmp_path_factory.mktemp("shown"), show_values=True)


# Each output, and the planted numbers it holds (what --show-values must show).
EXPECTED = {
    "terminal": PLANTED, "json": PLANTED, "stdin": PLANTED, "gb18030 terminal": PLANTED,
    "batch terminal": PLANTED, "batch json": PLANTED,
    "docx terminal": DOCX_PLANTED, "docx json": DOCX_PLANTED,
    "html terminal": HTML_PLANTED, "html json": HTML_PLANTED,
    "folder terminal": ALL_PLANTED, "folder json": ALL_PLANTED,
    "library to_dict": PLANTED, "library terminal": PLANTED,
    "page .txt": PLANTED, "page .docx": DOCX_PLANTED, "page .html": HTML_PLANTED,
}
CLI_OUTPUTS = [name for name in EXPECTED if not name.startswith(("library", "page"))]
# Files and printouts that must never show a number, even with --show-values.
NEVER = ["sheet.md", "sheet.html", "sheet.docx", "sheet stdout", "docx sheet.html", "html sheet.docx",
         "redacted txt", "redacted docx", "folder sheets", "folder redacted"]
NEVER_RUNS = ["sheet.md run", "sheet.html run", "sheet.docx run", "docx sheet run", "html sheet run",
              "redact txt run", "redact docx run", "folder outputs run"]


@pytest.mark.parametrize("name", [*EXPECTED, *(n + " stderr" for n in CLI_OUTPUTS),
                                  "log records", "warnings"])
def test_output_shows_no_planted_number(masked_outputs, name):
    assert_no_leak(masked_outputs[name], name)


@pytest.mark.parametrize("name", NEVER + [n + " stderr" for n in NEVER_RUNS + ["sheet stdout"]])
def test_sheets_and_redacted_copies_show_no_number_even_with_show_values(
        masked_outputs, shown_outputs, name):
    assert_no_leak(masked_outputs[name], name)
    assert_no_leak(shown_outputs[name], name + " with --show-values")


@pytest.mark.parametrize("name, planted", [("sheet.md", PLANTED), ("sheet.html", PLANTED),
                                           ("sheet.docx", PLANTED), ("sheet stdout", PLANTED),
                                           ("docx sheet.html", DOCX_PLANTED)])
def test_sheets_show_each_number_masked(masked_outputs, name, planted):
    # The control for the test above: the sheet does list the numbers, masked.
    def squeezed(value: str) -> str:  # sheets fold odd spaces and drop bidi marks
        return "".join(c for c in value if not c.isspace() and c not in "\u200e\u200f")

    text = squeezed(masked_outputs[name])
    masks = {f.text: f.masked for f in screen_text(DRAFT).findings}
    # the sheet's last guard may hide more (0086 186**** keeps no 7 digits in a row)
    missing = [masks[w] for _, w in planted if w in masks
               and squeezed(masks[w]) not in text and squeezed(guard(masks[w])) not in text]
    assert missing == [] and len(masks) >= len({w for _, w in PLANTED})


@pytest.mark.parametrize("name", EXPECTED)
def test_show_values_shows_every_planted_number(shown_outputs, name):
    # The positive control: the search above finds numbers when they are there.
    missing = [w for kind, w in EXPECTED[name] if leaked(shown_outputs[name], kind, w) is None]
    assert missing == []


def test_a_real_process_prints_no_number_and_no_stray_line(tmp_path):
    # In a separate process, so output that bypasses sys.stdout/sys.stderr
    # (a library's log handler bound to the real stderr at import, C-level
    # writes) is seen too.  A word-list term makes jieba load.
    draft = tmp_path / "draft.txt"
    draft.write_text(DRAFT + "关于村长选举的说明。\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    for args in ([draft], ["--format", "json", draft], [write_docx(tmp_path / "d.docx")]):
        result = subprocess.run([sys.executable, "-m", "screener", *map(str, args)],
                                capture_output=True, text=True, env=env, timeout=600)
        assert result.returncode == 1 and result.stderr == "", result.stderr
        assert_no_leak(result.stdout, f"process {args}")


# ------------------------------------------------------------ error messages

def _bad_inputs() -> list[tuple[str, bytes, str | None]]:
    text = DRAFT.encode("utf-8")
    return [
        ("undecodable", text + b"\xff\xfe\xfd" + text, None),
        ("binary", b"\x00\x01" * 4096 + text, None),
        ("wrong --encoding", text, "ascii"),
        ("odd utf-16", codecs.BOM_UTF16_LE + DRAFT.encode("utf-16-le") + b"\x00", None),
        ("bad utf-8 after BOM", codecs.BOM_UTF8 + text + b"\xc0", None),
        ("not a text codec", text, "rot13"),
    ]


@pytest.mark.parametrize("case, data, encoding", _bad_inputs(), ids=[c[0] for c in _bad_inputs()])
def test_error_messages_quote_no_number(case, data, encoding, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        screen_file(path, encoding=encoding)
    assert_no_leak(str(caught.value), "InputError message")
    assert_no_leak(repr(caught.value), "InputError repr")
    args = [path] + (["--encoding", encoding] if encoding else [])
    for extra in ([], ["--format", "json"], ["--show-values"]):
        result = run_cli(args + extra)
        assert result.code == 2 and len(result.err.splitlines()) == 1, result
        assert_no_leak(result.out + result.err, f"{case} {extra}")


def _docx_with_broken_part(name: str) -> bytes:
    """A .docx whose relationships name a broken part ``name``: the loader's
    error message names that part, and the name is the file's content."""
    parts = minimal_parts(document_xml(para(run("正文"))))
    target = quoteattr(name).replace("\n", "&#10;")
    parts["word/_rels/document.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/'
        f'officeDocument/2006/relationships/header" Target={target}/></Relationships>').encode()
    parts["word/" + name] = b"<not xml"
    return zip_bytes(parts)


def test_a_part_name_inside_a_docx_is_masked_in_error_messages(tmp_path):
    # Regression: 文件已损坏（word/户主<ID>\n.xml 不是有效的 XML） printed the ID
    # and broke the one-line message.
    for kind, written in [(k, w) for k, w in PLANTED if k in NAMED_KINDS]:
        path = tmp_path / "draft.docx"
        path.write_bytes(_docx_with_broken_part(f"户主{written}\n.xml"))
        with pytest.raises(InputError) as caught:
            screen_file(path)
        assert "\n" not in str(caught.value) and leaked(str(caught.value), kind, written) is None
        result = run_cli([path, "--format", "json"])
        assert result.code == 2 and len(result.err.splitlines()) == 1, result
        assert leaked(result.out + result.err, kind, written) is None, result


def _named_files(tmp: Path) -> list[tuple[str, str, Path]]:
    """Files whose names hold a planted number: readable, unreadable, missing."""
    rnd = random.Random(5)
    files = []
    for kind in NAMED_KINDS:
        written = written_forms(kind, rnd)[0]
        ok = tmp / f"户主{written}.txt"
        ok.write_text(DRAFT, encoding="utf-8")
        binary = tmp / f"回执{written}.txt"
        binary.write_bytes(b"\x00" * 64)
        files += [(kind, written, ok), (kind, written, binary), (kind, written, tmp / f"{written}.txt")]
    return files


def test_numbers_in_file_names_are_masked(tmp_path):
    for kind, written, path in _named_files(tmp_path):
        for args in ([path], ["--format", "json", path]):
            result = run_cli(args)
            assert result.code in (1, 2), result
            shown = result.out + result.err
            assert leaked(shown, kind, written) is None, (args, shown)
        try:
            screen_file(path)
        except InputError as exc:
            assert leaked(str(exc), kind, written) is None, str(exc)
            assert exc.path == str(path)


def test_numbers_in_file_names_are_shown_with_show_values(tmp_path):
    for kind, written, path in _named_files(tmp_path):
        if path.exists() and path.read_bytes()[:1] != b"\x00":
            for args in ([path], ["--format", "json", path]):
                result = run_cli(args + ["--show-values"])
                assert leaked(result.out, kind, written) is not None, (args, result.out)


def test_numbers_in_file_names_are_masked_in_a_folder_walk(tmp_path):
    # The batch summary table lists every file, clean ones included, and the
    # JSON lists what the walk skipped: both show file names.
    rnd = random.Random(9)
    named = []
    for kind in NAMED_KINDS:
        written = written_forms(kind, rnd)[0]
        (tmp_path / f"户主{written}.txt").write_text(DRAFT, encoding="utf-8")
        (tmp_path / f"清单{written}.txt").write_text("本页无需检查的内容。\n", encoding="utf-8")
        (tmp_path / f".户主{written}.txt").write_text(DRAFT, encoding="utf-8")
        (tmp_path / f"户主{written}.pptx").write_bytes(b"PK")  # skipped as unsupported (.pdf is read since issue 15)
        named.append((kind, written))
    sheets, copies = tmp_path.parent / f"{tmp_path.name}-sheets", tmp_path.parent / f"{tmp_path.name}-copies"
    sheets.mkdir()
    copies.mkdir()
    for flag, expect_shown in (([], False), (["--show-values"], True)):
        for args in ([tmp_path], ["--format", "json", tmp_path],
                     [tmp_path, "--sheet", sheets, "--redact", copies]):
            result = run_cli(args + flag)
            assert result.code == 2, result  # the .pdf files are reported as unread (issue 15 point 7)
            for kind, written in named:
                shown = leaked(result.out + result.err, kind, written) is not None
                assert shown is expect_shown, (args + flag, written)


@pytest.mark.parametrize("text, found", [
    ("户主王某某，邮箱：zhangsan@163.com-请勿外传。", ["zhangsan@163.com"]),  # regression: was missed
    ("户主王某某，邮箱：zhangsan@163.com-", ["zhangsan@163.com"]),
    ("户主王某某，邮箱：li@example.co-op.org。", ["li@example.co-op.org"]),
    ("户主王某某，邮箱：li@b.com-y.org。", ["li@b.com-y.org"]),
    ("户主王某某，邮箱：li@b.com。", ["li@b.com"]),
])
def test_an_address_ending_before_a_hyphen_is_found(text, found):
    # A hyphen ends an address unless a domain label goes on after it; the
    # sheet's file names (<draft>-审批表.docx) end that way too.
    assert [f.text for f in screen_text(text).findings if f.personal] == found


@pytest.mark.parametrize("style", ["default", "full"])
@pytest.mark.parametrize("kind", ALL_PLANTABLE)
def test_no_mask_shows_the_value(kind, style):
    # Every written form of every personal kind, whether or not a detector
    # is installed.  Regression: the full style put a full-width address
    # (no ASCII @) after an "@", whole.
    rnd = random.Random(3)
    for _ in range(20):
        for written in written_forms(kind, rnd):
            masked = mask(kind, written, style)
            assert leaked(masked, kind, written) is None, (written, masked)
            assert len(masked) >= 3


def test_an_unexpected_crash_prints_one_line_without_the_draft(tmp_path, monkeypatch):
    # A bug in a detector whose exception message quotes the draft must not
    # reach the terminal as a traceback (which would show that message).
    import screener.screening

    kind, written = PLANTED[0]

    class Broken:
        RULES = ()

        @staticmethod
        def detect(doc, config):
            raise ValueError(f"cannot parse {written!r} in {doc.text[:80]!r}")

    monkeypatch.setattr(screener.screening, "DETECTORS", (Broken,))
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    result = run_cli([path])
    assert result.code == 2, result
    assert len(result.err.splitlines()) == 1 and result.err.startswith("screen: ")
    assert_no_leak(result.out + result.err, "crash message")
