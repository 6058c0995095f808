"""--jobs 2 gives exactly what --jobs 1 gives: the same bytes on stdout and
stderr, in the same file order, whatever the workers finish first; and what
makes the parallel run cheaper (reports pickled as constructor calls, JSON
rendered file by file while the workers go on, the garbage collector's
freeze) changes nothing a user or a library caller can see."""
from __future__ import annotations

import copy
import dataclasses
import gc
import io
import json
import os
import pickle
import random

import pytest

import gen
from cli_process import run
from docx_factory import build_docx
from screener import screen_paths, screen_text
from screener.model import Explanation, FileReport, Finding, Severity
from screener.render.json_out import CompactJson, render_json


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """Forty generated drafts in three folders: every kind of number, list
    terms, clean files, a Word file, a web page, one corrupt and one
    undecodable file, a file name holding an ID, and files a walk skips."""
    root = tmp_path_factory.mktemp("parallel") / "稿件"
    rnd = random.Random(5)
    for n in range(40):
        sub = root / f"{n % 3:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        lines = ["关于公示的通知", "本乡镇今年完成了道路硬化和饮水工程。"]
        if n % 4 == 0:
            lines.append(f"户主某某，身份证号码：{gen.random_id(rnd)}，联系电话：{gen.mobile('139', n)}。")
        if n % 5 == 0:
            lines.append(f"发放账户：{gen.bank_card('622848', 19, n)}，邮箱 someone{n}@example.com")
        if n % 6 == 0:
            lines.append("村长表示，一带一路战略惠及穷人。监督电话：0877-7012345")
        if n % 7 == 0:
            lines.append("内部资料 注意保存")
        text = "\n".join(lines)
        if n == 9:
            build_docx(sub / f"{n}.docx", lines)
        elif n == 10:
            (sub / f"{n}.html").write_text("<html><body>" + "".join(f"<p>{x}</p>" for x in lines)
                                           + "</body></html>", encoding="utf-8")
        else:
            (sub / f"{n}.txt").write_text(text, encoding="utf-8")
    (root / "00" / "损坏.docx").write_bytes(b"PK\x03\x04 truncated")
    (root / "01" / "乱码.txt").write_bytes(b"\x00\x01\x02\x81\x30" * 50)
    (root / "02" / f"户主{gen.id_number()}.txt").write_text("名单见附件。", encoding="utf-8")
    (root / ".隐藏.txt").write_text("hidden@example.com", encoding="utf-8")
    (root / "扫描件.png").write_bytes(b"\x89PNG")  # skipped as unsupported (was .pdf, read since issue 15)
    return root


@pytest.mark.parametrize("options", [
    ("--format", "json"),
    ("--format", "text"),
    ("--format", "json", "--show-values"),
    ("--format", "text", "--fail-on", "info"),
], ids=["json", "text", "json-show-values", "text-fail-on-info"])
def test_two_workers_print_the_same_bytes_as_one(folder, options):
    one = run(*options, "--jobs", "1", folder, folder / "没有.txt")
    two = run(*options, "--jobs", "2", folder, folder / "没有.txt")
    assert one[0] == 2  # the corrupt, undecodable and missing files
    assert two == one
    assert "Traceback" not in one[2]


def test_the_json_of_a_run_is_the_json_of_its_report(folder):
    code, out, _ = run("--format", "json", "--jobs", "2", folder)
    report = screen_paths([folder], jobs=1, keep_texts=False)
    assert out == render_json(report, pretty=False) + "\n"
    data = json.loads(out)
    # the PDF is reported as unreadable, no longer skipped (issue 15 point 7)
    assert len(data["files"]) == 44 and {s["reason"] for s in data["skipped"]} == {"hidden"}
    assert [os.path.basename(f["path"]) for f in data["files"] if "error" in f and f["path"].endswith(".png")] == ["扫描件.png"]
    assert gen.id_number() not in out  # the file name is masked


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("show_values", [False, True])
def test_json_made_file_by_file_is_the_json_made_at_the_end(folder, jobs, show_values):
    compact = CompactJson(show_values)
    report = screen_paths([folder, folder / "没有.txt"], jobs=jobs, keep_texts=False, on_file=compact)
    assert compact.render(report) == render_json(report, show_values, pretty=False)


def test_compact_json_of_another_report_is_still_right(folder):
    compact = CompactJson()
    compact(screen_text("a@example.com").files[0])
    report = screen_paths([folder], jobs=1)
    assert compact.render(report) == render_json(report, pretty=False)


@pytest.mark.parametrize("jobs", [1, 2])
def test_on_file_sees_every_report_in_report_order(folder, jobs, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("邮箱 a@example.com".encode())))
    seen = []
    report = screen_paths([folder / "没有的文件夹" / "*.txt", folder, "-"], jobs=jobs, on_file=seen.append)
    assert seen == list(report.files)
    assert seen[0].error and seen[-1].path == "<stdin>" and seen[-1].findings  # a pattern matching nothing; standard input


@pytest.mark.parametrize("jobs", [1, 2])
def test_progress_reaches_the_total(folder, jobs):
    calls = []
    screen_paths([folder], jobs=jobs, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 44) for n in range(1, 45)]  # the picture is counted: it is reported, not skipped


def test_a_run_leaves_the_garbage_collector_as_it_found_it(folder):
    assert gc.get_freeze_count() == 0
    screen_paths([folder], jobs=2)
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a caller's own freeze (a pre-forking server) is kept
    try:
        frozen = gc.get_freeze_count()
        screen_paths([folder], jobs=2)
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("text", [
    f"户主某某，身份证号码：{gen.id_number()}",
    f"联系电话：{gen.mobile('139', 7)}，邮箱 a@example.com",
    "村长表示，一带一路战略惠及穷人。内部资料",
    "干净的稿件",
], ids=["id", "mobile-email", "terms-marking", "clean"])
def test_reports_survive_pickling_and_copying(text):
    report = screen_text(text).files[0]
    for clone in (pickle.loads(pickle.dumps(report)), copy.copy(report), copy.deepcopy(report)):
        assert clone == report
        assert [type(f.severity) for f in clone.findings] == [Severity] * len(report.findings)
        assert [f.explanation for f in clone.findings] == [f.explanation for f in report.findings]
        assert clone.document.text == text


def test_a_worker_that_dies_costs_its_files_not_the_run(folder, monkeypatch):
    """A worker killed mid-run (out of memory): the files not screened get
    the reason, in their place, and the others keep their findings."""
    import os

    import screener.batch as batch

    expected = screen_paths([folder], jobs=1)
    real = batch.screen_one

    def dies_on_one_file(path, *options):
        if path.endswith(os.path.join("01", "13.txt")):
            os._exit(1)
        return real(path, *options)

    monkeypatch.setattr(batch, "screen_one", dies_on_one_file)  # the forked workers inherit it
    report = screen_paths([folder], jobs=2)
    lost = "检查进程意外退出（可能内存不足），此文件未检查"
    assert [f.path for f in report.files] == [f.path for f in expected.files]
    assert next(f.error for f in report.files if f.path.endswith("13.txt")) == lost
    for got, want in zip(report.files, expected.files):
        assert got.error == lost or got == want


@pytest.mark.parametrize("cls", [Finding, Explanation, FileReport], ids=lambda c: c.__name__)
def test_pickling_keeps_every_field(cls):
    """__reduce__ names the fields one by one (for speed): a field added to
    the dataclass and not to __reduce__ must fail here, not vanish in --jobs runs."""
    values = {"severity": Severity.ERROR, "explanation": Explanation("rule", "v", "c", "s"),
              "findings": (screen_text("a@example.com").findings[0],), "document": None}
    made = cls(**{f.name: values.get(f.name, f"{f.name}-{i}" if f.type in ("str", "str | None") else i + 7)
                  for i, f in enumerate(dataclasses.fields(cls))})
    clone = pickle.loads(pickle.dumps(made))
    for f in dataclasses.fields(cls):
        assert getattr(clone, f.name) == getattr(made, f.name), f.name


@pytest.mark.parametrize("jobs", [1, 2])
def test_names_the_workers_mask_are_the_names_the_parent_would_show(folder, jobs):
    """The workers of a parallel run mask each file's name for the parent's
    Privacy (so the parent does not run the detectors over 2,000 names while
    they wait for its core); the names shown are exactly the parent's own."""
    from screener.config import Config
    from screener.privacy import Privacy

    config = Config()
    privacy = Privacy(config)
    report = screen_paths([folder], jobs=jobs, config=config, keep_texts=False, privacy=privacy)
    if jobs == 2:  # filled by the workers before anything was shown
        assert {fr.path for fr in report.files if fr.path in privacy._names} == {fr.path for fr in report.files}
    fresh = Privacy(config)
    assert [privacy.path(fr.path) for fr in report.files] == [fresh.path(fr.path) for fr in report.files]
    assert render_json(report, pretty=False, privacy=privacy) == render_json(report, pretty=False, privacy=fresh)
    assert gen.id_number() not in render_json(report, pretty=False, privacy=privacy)


@pytest.mark.parametrize("shower", [
    {"show_values": True},  # shows names as they are: masked names must not be taken in
    {"config": "full"},  # another mask style: the workers' masks are not its masks
], ids=["show-values", "other-config"])
def test_a_privacy_of_another_configuration_learns_nothing_from_the_workers(folder, shower):
    from screener.config import Config
    from screener.privacy import Privacy

    config = Config()
    privacy = (Privacy(config, show_values=True) if "show_values" in shower
               else Privacy(Config(mask_style="full")))
    screen_paths([folder], jobs=2, config=config, keep_texts=False, privacy=privacy)
    assert privacy._names == {}
    named = next(p for p in (folder / "02").iterdir() if p.name.startswith("户主"))
    assert (gen.id_number() in privacy.path(named)) == ("show_values" in shower)
