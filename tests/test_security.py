"""What screener promises about security, each checked (see SECURITY.md).

- Offline: the package imports no networking module, and a run opens no
  socket (a Python audit hook watches every socket, subprocess and write).
- Data, not code: no eval/exec/compile/pickle/marshal/yaml.load/shell=True
  anywhere in the package; configuration is TOML read as data.
- Inputs are never modified: screening writes nothing at all, and an input's
  bytes, size, mode and modification time are unchanged after every mode.
- Honest terminal output: a draft or file name cannot inject terminal escape
  sequences, extra lines or bidi overrides into the report.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import socket
import stat
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from docx_factory import minimal_parts, zip_bytes
from harness import run_cli
from screener.loaders import load
from test_fuzz_loaders import SUFFIXES, seeds_for

PACKAGE = Path(__file__).resolve().parents[1] / "screener"

# ------------------------------------------------------------ source scan

CODE_SINKS = {"eval", "exec", "compile", "__import__", "breakpoint"}
SINK_ATTRS = {
    "builtins.eval", "builtins.exec", "os.system", "os.popen", "os.execv", "os.execvp", "os.execl",
    "os.spawnv", "os.spawnl", "yaml.load", "yaml.load_all", "yaml.unsafe_load", "yaml.full_load",
    "importlib.import_module", "pickle.load", "pickle.loads", "marshal.loads", "shelve.open",
}
UNSAFE_MODULES = {"pickle", "_pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "joblib"}
NETWORK_MODULES = {
    "socket", "ssl", "urllib", "urllib2", "urllib3", "http", "requests", "httpx", "aiohttp",
    "ftplib", "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc", "socketserver", "webbrowser",
    "asyncio", "websocket", "websockets", "paramiko", "grpc", "starlette", "uvicorn",
}
# The one reviewed exception: screener/web/, the page ``screen serve`` starts
# (SECURITY.md §7).  It listens on loopback and opens the browser; the
# screening code never imports it (test_only_screen_serve_loads_the_web_page).
NETWORK_REVIEWED = "web/"


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def scan(source: str) -> list[str]:
    """Every code-execution sink and network or unsafe import in ``source``."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in CODE_SINKS or name in SINK_ATTRS:
                problems.append(f"line {node.lineno}: {name}()")
            for kw in node.keywords:
                if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant) and kw.value.value is False):
                    problems.append(f"line {node.lineno}: {name}(shell=…)")
        modules = []
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        for module in modules:
            top = module.split(".")[0]
            if top in UNSAFE_MODULES or top in NETWORK_MODULES:
                problems.append(f"line {node.lineno}: import {module}")
    return problems


@pytest.mark.parametrize("snippet, flagged", [
    ("eval('1')", True),
    ("exec(code)", True),
    ("compile(src, 'x', 'exec')", True),
    ("__import__('os')", True),
    ("import pickle", True),
    ("from marshal import loads", True),
    ("yaml.load(text)", True),
    ("os.system('ls')", True),
    ("subprocess.run(cmd, shell=True)", True),
    ("subprocess.run(cmd, shell=flag)", True),
    ("import urllib.request", True),
    ("from http import client", True),
    ("import socket", True),
    ("import requests", True),
    ("re.compile(pattern)", False),
    ("regex.compile(pattern, timeout=1)", False),
    ("yaml.safe_load(text)", False),
    ("tomllib.loads(text)", False),
    ("subprocess.run(cmd, shell=False)", False),
    ("x.evaluate()", False),
    ("from .http_like import thing", False),
    ("'eval(' in text", False),
])
def test_scanner_flags_what_it_must(snippet, flagged):
    # The positive control for the two source tests below.
    assert bool(scan(snippet)) is flagged


def _package_files() -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10
    return files


# Reviewed exceptions, each with its reason.  jieba_dict.py and cache.py read
# back, with marshal, only the caches this same user wrote into a folder only
# this user can write (cache.private_dir): jieba's split dictionary, and the ID
# region table; a cache planted in the shared temporary folder is never read
# (test_a_cache_planted_in_the_shared_temporary_folder_…).
REVIEWED = {"wordlists/jieba_dict.py": {"import marshal", "marshal.loads()"},
            "cache.py": {"import marshal", "marshal.loads()"}}


def test_package_source_executes_no_data():
    found = {}
    for p in _package_files():
        name = str(p.relative_to(PACKAGE))
        hits = [h for h in scan(p.read_text(encoding="utf-8"))
                if h.split(": ", 1)[1] not in REVIEWED.get(name, set())
                and not (name.startswith(NETWORK_REVIEWED)  # the page's server imports: see below
                         and h.split("import ")[-1].split(".")[0] in NETWORK_MODULES)]
        if hits:
            found[name] = hits
    assert found == {}


def test_package_imports_no_networking_module():
    # Same scan, stated as its own promise: the package never imports a
    # module that can reach the network (SECURITY.md "offline").
    bad = {}
    for p in _package_files():
        if str(p.relative_to(PACKAGE)).startswith(NETWORK_REVIEWED):
            continue
        hits = [x for x in scan(p.read_text(encoding="utf-8")) if x.split("import ")[-1].split(".")[0]
                in NETWORK_MODULES]
        if hits:
            bad[str(p.relative_to(PACKAGE))] = hits
    assert bad == {}


def test_only_screen_serve_loads_the_web_page():
    # The networking exception stays in its folder: outside screener/web/,
    # only the ``serve`` command of cli.py imports it, when it is run.
    importers = {}
    for p in _package_files():
        name = str(p.relative_to(PACKAGE))
        if name.startswith(NETWORK_REVIEWED):
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "web":
                importers.setdefault(name, []).append(node.lineno)
    assert set(importers) <= {"cli.py"} and len(importers.get("cli.py", [])) == 1
    hits = [h for p in (PACKAGE / "web").glob("*.py") for h in scan(p.read_text(encoding="utf-8"))
            if h.split("import ")[-1].split(".")[0] in NETWORK_MODULES]
    assert hits  # control: the scan does see the page's own imports


# ------------------------------------------------------------ runtime audit

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_MODIFYING = {"os.rename", "os.replace", "os.remove", "os.unlink", "os.truncate", "os.chmod",
              "os.chown", "os.utime", "os.rmdir", "os.mkdir", "os.symlink", "os.link", "shutil.move",
              "shutil.rmtree", "shutil.copyfile"}
_PROCESS = ("subprocess.", "os.system", "os.exec", "os.spawn", "os.posix_spawn", "_posixsubprocess.")
_NETWORK = ("socket.", "urllib.", "http.", "ftplib.", "smtplib.", "webbrowser.")


def _classify(event: str, args: tuple) -> tuple | None:
    if event.startswith(_NETWORK + _PROCESS) or event == "os.fork":
        return (event, repr(args[:2]))
    if event == "open":
        path, mode, flags = (tuple(args) + (None, None, 0))[:3]
        if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (flags or 0) & _WRITE_FLAGS:
            return (event, repr((path, mode)))
    elif event in _MODIFYING:
        return (event, repr(args[:2]))
    return None


class audited:
    """Record network, process and file-writing events inside the block, in
    this process and in the worker processes it forks (they inherit the hook
    and report through a pipe).  ``forks`` counts the workers started."""

    _active: "audited | None" = None

    def __enter__(self):
        self.events: list[tuple] = []
        self.forks = 0
        self._pid = os.getpid()
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        audited._active = self
        return self

    def record(self, item: tuple) -> None:
        if item[0] == "os.fork":
            self.forks += os.getpid() == self._pid
        elif os.getpid() == self._pid:
            self.events.append(item)
        else:
            try:
                os.write(self._write, (repr(item) + "\n").encode())
            except OSError:
                pass

    def __exit__(self, *exc):
        audited._active = None
        os.close(self._write)
        chunks = []
        while True:
            try:
                chunk = os.read(self._read, 65536)
            except BlockingIOError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        os.close(self._read)
        self.events += [("in a worker", line) for line in b"".join(chunks).decode().splitlines()]


def _audit(event: str, args: tuple) -> None:
    watcher = audited._active
    if watcher is not None:
        item = _classify(event, args)
        if item is not None:
            watcher.record(item)


sys.addaudithook(_audit)


def test_the_audit_hook_sees_sockets_subprocesses_and_writes(tmp_path):
    # Positive control for the tests below, in this process and in a fork.
    with audited() as seen:
        socket.socket().close()
        (tmp_path / "x").write_text("x")
        os.replace(tmp_path / "x", tmp_path / "y")
        pid = os.fork()
        if pid == 0:
            try:
                (tmp_path / "z").write_text("z")
            finally:
                os._exit(0)
        os.waitpid(pid, 0)
    kinds = {e for e, _ in seen.events}
    assert {"socket.__new__", "open", "os.rename", "in a worker"} <= kinds, seen.events
    assert seen.forks == 1


def _drafts(tmp: Path) -> list[Path]:
    """One valid draft per loader, from the fuzz seed corpus."""
    paths = []
    for suffix in SUFFIXES:
        path = tmp / f"draft{suffix}"
        path.write_bytes(seeds_for(suffix)[0])
        paths.append(path)
    return paths


MODES = [[], ["--format", "json"], ["--show-values"], ["--fail-on", "info"]]


def _not_caches(events: list[tuple]) -> list[tuple]:
    """Events other than writing jieba's dictionary caches, which go to a
    folder only this user can write (first use on a machine)."""
    from screener.wordlists.jieba_dict import private_dir

    private = str(private_dir()) + os.sep
    return [(e, a) for e, a in events
            if not (e in ("open", "os.rename", "os.chmod", "os.mkdir") and all(
                (str(x) + os.sep).startswith(private) for x in ast.literal_eval(a)[:2 if e == "os.rename" else 1]))]


def test_screening_opens_no_socket_starts_no_process_and_writes_nothing(tmp_path):
    drafts = _drafts(tmp_path)
    term = tmp_path / "term.txt"
    term.write_text("关于村长选举的通知\n", encoding="utf-8")  # makes the segmenter load
    drafts.append(term)
    with audited() as seen:
        for mode in MODES:
            for path in drafts:
                assert run_cli([path] + mode).code in (0, 1)
            assert run_cli(drafts + mode + ["--jobs", "1"]).code in (0, 1)
        assert run_cli(["-"], stdin=seeds_for(".txt")[0]).code in (0, 1)
    assert _not_caches(seen.events) == [] and seen.forks == 0


def test_parallel_workers_are_forks_that_do_the_same(tmp_path):
    # --jobs N forks workers of this same program (no other program is
    # started); what they do is watched through the inherited hook.
    drafts = _drafts(tmp_path)
    with audited() as seen:
        assert run_cli(drafts + ["--jobs", "2"]).code in (0, 1)
        assert run_cli([tmp_path, "--jobs", "2", "--format", "json"]).code in (0, 1)
    assert seen.forks >= 2 and _not_caches(seen.events) == []


def _fingerprint(path: Path) -> tuple:
    st = path.stat()
    return hashlib.sha256(path.read_bytes()).hexdigest(), st.st_size, st.st_mode, st.st_mtime_ns


def test_inputs_are_never_modified(tmp_path):
    drafts = _drafts(tmp_path)
    drafts[0].chmod(0o444)
    before = {p: _fingerprint(p) for p in drafts}
    for mode in MODES:
        for path in drafts:
            run_cli([path] + mode)
    assert {p: _fingerprint(p) for p in drafts} == before


def test_configuration_is_data(tmp_path):
    marker = tmp_path / "PWNED"
    config = tmp_path / "screener.toml"
    config.write_text(
        f'allow_terms = ["__import__(\'os\').system(\'touch {marker}\')", "{{{{7*7}}}}"]\n'
        f'ignore = ["$(touch {marker})"]\n'
        f'[sheet]\nunit = "`touch {marker}`"\ndrafter = "$(touch {marker})"\n', encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("户主王某某，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    with audited() as seen:
        result = run_cli(["--config", config, draft])
    assert result.code == 1 and seen.events == [] and not marker.exists(), result
    result = run_cli(["--config", config, draft, "--format", "sheet"])
    assert result.code == 1 and not marker.exists()
    assert f"\\`touch {marker}\\`" in result.out and f"$(touch {marker})" in result.out


# ------------------------------------------------------------ terminal output

_ATTACK = "\x1b[2K\r\x1b[8m\x1b]0;pwned\x07\u202e\u2066\x00\x08"


def _unsafe_chars(text: str) -> set[str]:
    return {c for c in text if (c < " " and c != "\n") or "\x7f" <= c <= "\x9f"
            or c in "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"}


def test_draft_cannot_inject_terminal_control_sequences(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_text(f"户主王某某{_ATTACK}，邮箱：zhangsan@example.com{_ATTACK}。\n第二行{_ATTACK}\n",
                     encoding="utf-8")
    result = run_cli([draft])
    assert result.code == 1, result
    assert _unsafe_chars(result.out + result.err) == set()
    lines = result.out.splitlines()
    assert lines[0] == f"【{draft}】" and lines[-1].startswith("结论：发现 1 处需处理")
    assert "z***@example.com" in lines[1]


def test_file_name_cannot_inject_lines_or_control_sequences(tmp_path):
    attack = _ATTACK.replace("\x00", "")  # the one character a file name cannot hold
    (tmp_path / f"a{attack}\nscreen: 结论：未发现问题\n.txt").write_bytes(b"\x00" * 64)
    ok = tmp_path / f"ok{attack}.txt"
    ok.write_text("户主王某某，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    result = run_cli(sorted(tmp_path.iterdir()))
    assert result.code == 2
    assert _unsafe_chars(result.out + result.err) == set()
    shown = "\ufffd[2K \ufffd[8m\ufffd]0;pwned\ufffd\ufffd\ufffd\ufffd"
    assert result.err == f"screen: {tmp_path}/a{shown} screen: 结论：未发现问题 .txt：看起来是二进制文件，不是文本稿件\n"
    assert [ln for ln in result.out.splitlines() if ln.startswith("【")] == [
        f"【{tmp_path}/a{shown} screen: 结论：未发现问题 .txt】",
        f"【{tmp_path}/ok{shown}.txt】",
    ]


def test_sheet_printout_cannot_inject_terminal_control_sequences(tmp_path):
    draft = tmp_path / f"稿件{_ATTACK.replace(chr(0), '')}.txt"
    draft.write_text(f"关于{_ATTACK}的公示\n户主王某某{_ATTACK}，邮箱：zhangsan@example.com{_ATTACK}。\n",
                     encoding="utf-8")
    result = run_cli([draft, "--format", "sheet", "--title", f"标题{_ATTACK}", "--unit", _ATTACK])
    assert result.code == 1, result
    assert _unsafe_chars(result.out + result.err) == set()
    assert "z\\*\\*\\*@example.com" in result.out or "z***@example.com" in result.out


@pytest.mark.parametrize("suffix", [".docx", ".html", ".md"])
def test_control_characters_from_the_draft_do_not_break_a_sheet(suffix, tmp_path):
    # Regression: ESC in the title line made the Word sheet fail with an
    # internal error (XML cannot hold it); the page and Markdown carried it.
    attack = _ATTACK + "\ufffe\uffff\x0b"
    draft = tmp_path / f"稿件{attack.replace(chr(0), '')}.txt"
    draft.write_text(f"关于{attack}的公示\n户主王某某{attack}，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    out = tmp_path / f"sheet{suffix}"
    result = run_cli([draft, "--sheet", out, "--title", f"标题{attack}", "--unit", attack])
    assert result.code == 1, result
    text = load(out).text if suffix == ".docx" else out.read_text(encoding="utf-8")
    assert _unsafe_chars(text.replace("\t", "")) == set() and "z***@example.com" in text.replace("\\", "")


def test_a_draft_named_like_a_pattern_is_one_draft(tmp_path):
    # Regression: 公示[2024]3号.txt (a 文号 in the name) counted as a glob
    # pattern, so --sheet FILE was refused as "several drafts".
    draft = tmp_path / "公示[2024]3号.txt"
    draft.write_text("户主王某某，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    result = run_cli([draft, "--sheet", tmp_path / "sheet.md", "--redact", tmp_path / "copy.txt"])
    assert result.code == 1, result
    assert (tmp_path / "sheet.md").exists() and (tmp_path / "copy.txt").exists()


# ------------------------------------------------------------ written outputs

XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)><!--"


class _Tags(HTMLParser):
    """The (tag, attribute names) pairs of a page, every attribute value and
    the text a browser shows."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.pairs: set[tuple[str, tuple[str, ...]]] = set()
        self.values: list[str] = []
        self.text: list[str] = []
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        self.pairs.add((tag, tuple(sorted(name for name, _ in attrs))))
        self.values += [v or "" for _, v in attrs]

    def handle_data(self, data):
        self.text.append(data)


def _sheet(tmp: Path, name: str, line: str, options: list[str], config: str = "") -> str:
    folder = tmp / f"run{len(list(tmp.iterdir()))}"
    folder.mkdir()
    draft = folder / name
    draft.write_text(f"关于{line}的公示\n户主王某某{line}，邮箱：zhangsan@example.com{line}。\n"
                     f"{line}联系电话：0877-7012345\n", encoding="utf-8")
    args = [draft, "--sheet", folder / "sheet.html", *options]
    if config:
        (folder / "screener.toml").write_text(config, encoding="utf-8")
        args += ["--config", folder / "screener.toml"]
    result = run_cli(args)
    assert result.code == 1, result
    return (folder / "sheet.html").read_text(encoding="utf-8")


def test_html_sheet_escapes_the_draft_the_file_name_the_options_and_the_config(tmp_path):
    # <script>, attribute-breaking quotes and an open comment, planted in the
    # draft (title line, around a finding, a plain line), in the file name,
    # in every text option and in screener.toml: the page gains no element,
    # no attribute and no script, and shows each payload as text.
    clean = _Tags(_sheet(tmp_path, "稿件.txt", "", []))
    options = ["--title", XSS, "--doc-number", XSS, "--unit", XSS, "--drafter", XSS,
               "--publish-method", XSS, "--publish-attr", XSS]
    config = f"[sheet]\nunit = {json.dumps(XSS)}\ndrafter = {json.dumps(XSS)}\n"
    for name, opts, conf in ((f"稿件{XSS.replace('/', '／')}.txt", options, ""),
                             ("稿件.txt", [], config)):
        page = _Tags(_sheet(tmp_path, name, XSS, opts, conf))
        assert page.pairs <= clean.pairs, page.pairs - clean.pairs
        assert not any(v.lstrip().lower().startswith("javascript:") for v in page.values)
        shown = "".join(page.text)
        assert shown.count("<script>alert(1)</script>") >= (8 if opts else 4), shown
    hover = [v for v in clean.values if "电子邮箱" in v]
    assert hover, "the finding's reason is shown on hover (a title attribute)"


def test_outputs_are_written_atomically_next_to_the_target(tmp_path):
    # Each output goes to a temporary file in the target's folder, then
    # replaces the target in one step; nothing else is written, and the
    # input is only read.
    draft = tmp_path / "draft.txt"
    draft.write_text("户主王某某，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    before = _fingerprint(draft)
    out = tmp_path / "out"
    out.mkdir()
    for target, option in ((out / "sheet.docx", "--sheet"), (out / "sheet.html", "--sheet"),
                           (out / "copy.txt", "--redact")):
        with audited() as seen:
            assert run_cli([draft, option, target]).code == 1
        # an int is os.fdopen() of the temporary file just created
        opened = [a for e, a in seen.events if e == "open" and not isinstance(ast.literal_eval(a)[0], int)]
        renamed = [a for e, a in seen.events if e == "os.rename"]
        assert len(opened) == 1 and len(renamed) == 1, seen.events
        tmp_name = eval_pair(opened[0])[0]
        assert Path(tmp_name).parent == out and Path(tmp_name).name.startswith(f".{target.name}.")
        assert eval_pair(renamed[0]) == (tmp_name, str(target))
        assert {e for e, _ in seen.events} <= {"open", "os.rename", "os.chmod"}, seen.events
    assert sorted(p.name for p in out.iterdir()) == ["copy.txt", "sheet.docx", "sheet.html"]
    assert _fingerprint(draft) == before


def eval_pair(text: str) -> tuple:
    """The (path, mode) or (source, target) recorded by the audit hook."""
    return tuple(str(x) for x in ast.literal_eval(text))


def test_a_failed_write_leaves_neither_a_partial_file_nor_a_temporary_one(tmp_path, monkeypatch):
    draft = tmp_path / "draft.txt"
    draft.write_text("户主王某某，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    for option, target in (("--sheet", out / "sheet.docx"), ("--redact", out / "copy.txt")):
        result = run_cli([draft, option, target])
        assert result.code == 2 and "No space left on device" in result.err, result
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("how", ["same path", "symlink", "hard link", "other spelling", "folder run"])
@pytest.mark.parametrize("option", ["--redact", "--sheet"])
def test_an_output_never_replaces_an_input(how, option, tmp_path):
    draft = tmp_path / "draft.md"
    draft.write_text("户主王某某，邮箱：zhangsan@example.com。\n", encoding="utf-8")
    if how == "same path":
        args = [draft, option, draft]
    elif how == "symlink":
        (tmp_path / "link.md").symlink_to(draft)
        args = [draft, option, tmp_path / "link.md"]
    elif how == "hard link":
        os.link(draft, tmp_path / "hard.md")
        args = [draft, option, tmp_path / "hard.md"]
    elif how == "other spelling":
        args = [draft, option, f"{tmp_path}/./sub/../draft.md"]
        (tmp_path / "sub").mkdir()
    else:
        args = [tmp_path, option, tmp_path / ("{name}.md")]
    before = {p: _fingerprint(p) for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
    result = run_cli(args)
    assert result.code == 2 and "不能覆盖稿件" in result.err, result
    after = {p: _fingerprint(p) for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink()}
    assert after == before


# ------------------------------------------------------------ word lists

def _user_list(folder: Path, text: str) -> Path:
    path = folder / "office.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_html_sheet_escapes_word_list_notes(tmp_path):
    # A list's suggestion, advice, reason and source end up in the sheet's
    # findings table and in the hover text of the highlighted draft.
    x = json.dumps(XSS, ensure_ascii=False)
    toml_list = _user_list(tmp_path, (
        f'[list]\nname = "office"\ntitle = {x}\nprefix = "OF"\nsource = {x}\nedition = "2024"\n'
        f'kind = "wording"\nseverity = "warning"\n\n[[entry]]\ncode = "OF101"\nterm = "扶贫办"\n'
        f'suggestion = [{x}]\nadvice = {x}\nreason = {x}\nsource = {x}\nmatch = ["县扶贫办负责同志"]\npass = ["县乡村振兴局"]\n'))
    text_list = tmp_path / "本单位用语.txt"
    text_list.write_text(f"# name: 本单位\n# prefix: BD\n老板 => {XSS}\n", encoding="utf-8")
    clean = _Tags(_sheet(tmp_path, "稿件.txt", "", []))
    page = _Tags(_sheet(tmp_path, "稿件.txt", "县扶贫办负责同志和老板", [
        "--wordlist", toml_list, "--wordlist", text_list]))
    assert page.pairs <= clean.pairs, page.pairs - clean.pairs
    shown = "".join(page.text) + "".join(page.values)
    assert shown.count("<script>alert(1)</script>") >= 2, shown


def test_a_runaway_user_pattern_is_stopped_and_named(tmp_path):
    # (x|x)+y backtracks exponentially on a run of x with no y.  The run
    # must end with one line naming the list and the entry; the subprocess
    # limit only keeps a regression from hanging CI, it times nothing.
    user = _user_list(tmp_path, (
        '[list]\nname = "office"\ntitle = "本单位"\nprefix = "OF"\nsource = "本单位"\n'
        'kind = "wording"\nseverity = "warning"\n\n[[entry]]\ncode = "OF101"\n'
        "pattern = '(x|x)+y'\nanchors = [\"x\"]\nwindow = 60\nreason = \"测试\"\nsource = \"本单位\"\n"
        'match = ["xxy"]\npass = ["xx"]\n'))
    draft = tmp_path / "draft.txt"
    draft.write_text("关于" + "x" * 40 + "的公示\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "screener", str(draft), "--wordlist", str(user)],
                            capture_output=True, text=True, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(PACKAGE.parent)})
    assert result.returncode == 2, result
    assert result.stderr.count("\n") == 1 and "OF101" in result.stderr and "超时" in result.stderr
    assert "Traceback" not in result.stderr


def test_built_in_lists_are_data_files():
    from screener.paths import builtin_wordlists_dir

    files = [p for p in builtin_wordlists_dir().rglob("*") if p.is_file()]
    assert files and {p.suffix for p in files} <= {".toml", ".txt", ".md"}, files


def test_word_lists_are_data(tmp_path):
    marker = tmp_path / "PWNED"
    user = _user_list(tmp_path, (
        '[list]\nname = "office"\ntitle = "本单位"\nprefix = "OF"\nsource = "本单位"\n'
        'kind = "wording"\nseverity = "warning"\n\n[[entry]]\ncode = "OF101"\nterm = "扶贫办"\n'
        f'suggestion = ["__import__(\'os\').system(\'touch {marker}\')"]\n'
        f'reason = "$(touch {marker})"\nsource = "`touch {marker}`"\nmatch = ["县扶贫办负责同志"]\npass = ["县乡村振兴局"]\n'))
    text_list = tmp_path / "本单位用语.txt"
    text_list.write_text(f"# name: 本单位\n# prefix: BD\n老板 => $(touch {marker})\n", encoding="utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("县扶贫办负责同志和老板\n", encoding="utf-8")
    with audited() as seen:
        result = run_cli([draft, "--wordlist", user, "--wordlist", text_list, "--jobs", "1"])
    assert result.code == 1 and seen.events == [] and not marker.exists(), result
    assert f"$(touch {marker})" in result.out and "__import__" in result.out


# ------------------------------------------------------------ XML entities

def _xxe_document(secret: Path) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">'
            '<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&xxe;&d;</w:t></w:r></w:p></w:body></w:document>")


def test_xml_entities_are_never_expanded(tmp_path):
    # An external entity would read a local file into the report (XXE); a
    # nested one would blow up memory ("billion laughs").  A .docx part with
    # a DOCTYPE is refused; a web page's DOCTYPE is inert text.
    secret = tmp_path / "secret.txt"
    secret.write_text("户主王某某，邮箱：secret.person@example.com", encoding="utf-8")
    parts = minimal_parts(_xxe_document(secret))
    docx_path = tmp_path / "xxe.docx"
    docx_path.write_bytes(zip_bytes(parts))
    html_path = tmp_path / "xxe.html"
    html_path.write_text(f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><p>&xxe;正文</p>',
                         encoding="utf-8")
    with audited() as seen:
        docx_run = run_cli([docx_path, "--format", "json"])
        html_run = run_cli([html_path, "--format", "json", "--show-values"])
    assert docx_run.code == 2 and "文档类型声明" in docx_run.err, docx_run
    assert html_run.code == 0, html_run
    for result in (docx_run, html_run):
        assert "secret.person" not in result.out + result.err and "哈哈" not in result.out
    assert seen.events == []


# ------------------------------------------------------------ shared temporary folder

_POISON = '''
import marshal, sys
words = {"关于村长选举的通知": 10 ** 9}
freq = {}
for w, n in words.items():
    for i in range(1, len(w)):
        freq.setdefault(w[:i], 0)
    freq[w] = n
for ch in "关于村长选举的通知":
    freq.setdefault(ch, 1)
with open(sys.argv[1], "wb") as fh:
    marshal.dump((freq, sum(freq.values())), fh)
'''


def test_a_cache_planted_in_the_shared_temporary_folder_is_not_trusted(tmp_path):
    # Regression: jieba's dictionary caches were read from the shared
    # temporary folder (jieba.cache, screener-jieba-*.dict), where any local
    # user can plant one; a planted cache that makes 关于村长选举的通知 one word
    # hid the banned term 村长 from everyone's review.  The caches now live
    # in a folder only this user can write.
    shared = tmp_path / "shared-tmp"
    shared.mkdir()
    subprocess.run([sys.executable, "-c", _POISON, str(shared / "jieba.cache")], check=True)
    draft = tmp_path / "draft.txt"
    draft.write_text("关于村长选举的通知\n", encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(shared), "PYTHONPATH": str(PACKAGE.parent)}
    result = subprocess.run([sys.executable, "-m", "screener", str(draft), "--format", "json"],
                            capture_output=True, text=True, env=env, timeout=600)
    codes = [f["code"] for f in json.loads(result.stdout)["files"][0]["findings"]]
    assert "XH207" in codes, (codes, result.stderr)
    private = shared / f"screener-{os.geteuid()}"
    assert private.is_dir() and stat.S_IMODE(private.stat().st_mode) == 0o700
    assert sorted(p.suffix for p in private.iterdir()) == [".cache", ".dict"]


def test_a_private_cache_folder_taken_by_someone_else_is_not_used(tmp_path, monkeypatch):
    import tempfile

    from screener.wordlists import jieba_dict

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    taken = tmp_path / f"screener-{os.geteuid()}"
    taken.mkdir(mode=0o777)
    os.chown(taken, 65534, 65534)  # as root in CI; someone else's folder
    chosen = jieba_dict.private_dir()
    assert chosen != taken and stat.S_IMODE(chosen.stat().st_mode) == 0o700
    assert chosen.stat().st_uid == os.geteuid()
