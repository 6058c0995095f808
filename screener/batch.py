"""Screening many drafts at once.

Paths, folders and glob patterns expand to one stable list of files (argument
order, then sorted names within each folder, each file once).  A folder walk
takes every file, exactly as if it had been named: a format screener cannot
read (a PDF, a picture) becomes a FileReport with the reason, so it makes
the run exit 2 instead of passing unseen.  Only these are skipped, counted
and listed: hidden files (names starting with "." or Word's "~$" lock
files), symbolic links to folders (never followed, so a link loop cannot
trap the walk) and broken links.  A .zip gives one FileReport per member
(``a.zip › b.xlsx``).  Files are screened in a process pool; results come
back in list order whatever finishes first.

Nothing is lost: a file that cannot be read becomes a FileReport with the
reason, and the rest are still screened.  To keep memory bounded on large
folders, a FileReport keeps its Document (the extracted text, used for
excerpts) only when it has findings, unless the caller needs every text
(``keep_documents=True``: an approval sheet or a redacted copy per draft).
"""
from __future__ import annotations

import gc
import glob
import os
import signal
import stat
from collections.abc import Callable, Generator, Iterable
from contextlib import closing
from dataclasses import replace

from .config import Config
from .errors import ConfigError, InputError
from .loaders import is_archive, load
from .model import FileReport, Report, Skipped
from .ocr.settings import applied as ocr_applied
from .paths import STDIN
from .privacy import Privacy
from .screening import screen_archive, screen_document, screener_for

Progress = Callable[[int, int], None]
_MAX_CHUNK = 64
_NOTHING_TO_SCREEN = "没有找到可检查的稿件（文件夹为空，或只有隐藏文件和链接）"


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def screen_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    config: Config | None = None,
    jobs: int | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    keep_documents: bool = False,
    keep_texts: bool = True,
    on_file: Callable[[FileReport], object] | None = None,
    privacy: Privacy | None = None,
) -> Report:
    """Screen files, folders (recursively) and glob patterns; ``-`` is standard input.

    ``jobs`` worker processes (default: the number of CPUs; 1 screens in this
    process).  ``progress(done, total)`` is called after each file.
    ``keep_documents`` keeps the Document of clean files too; ``keep_texts=False``
    (JSON output needs no text) keeps none, so that worker processes send back
    findings only: pickling every draft's text back to the parent was a third
    of the parent's work in a parallel run (BENCHMARKS.md).
    ``on_file(file_report)`` is called in this process for each file, in
    report order, as soon as it and every file before it are screened, so
    a caller can render or write per draft while the workers go on.
    ``privacy``: the Privacy the caller will show file names with (the
    workers of a parallel run mask the names into its cache; see
    screen_targets).
    """
    targets, skipped = expand(paths)
    return screen_targets(targets, skipped, config=config, jobs=jobs, encoding=encoding,
                          progress=progress, keep_documents=keep_documents, keep_texts=keep_texts,
                          on_file=on_file, privacy=privacy)


def screen_targets(
    targets: list[str | FileReport],
    skipped: list[Skipped],
    *,
    config: Config | None = None,
    jobs: int | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
    keep_documents: bool = False,
    keep_texts: bool = True,
    on_file: Callable[[FileReport], object] | None = None,
    privacy: Privacy | None = None,
) -> Report:
    """``screen_paths`` for the list ``expand()`` made: a caller that plans
    its outputs from the real list of drafts expands once, then screens.

    ``privacy``: the Privacy the caller will show file names with.  In a
    parallel run each worker masks the names of the files it screened and
    sends them back into its cache: otherwise the parent runs the personal
    detectors over every name (a third of its work on a folder of 2,000
    drafts: BENCHMARKS.md) on the core the workers need."""
    config = config or Config()
    keep = True if keep_documents else False if keep_texts else None
    targets = [screen_one(STDIN, config, encoding, keep) if t == STDIN else t for t in targets]
    todo = [t for t in targets if isinstance(t, str)]
    options = (config, encoding, keep)
    names = privacy if privacy is not None and privacy.learns_from(config) else None
    files = []
    with closing(_screen_all(todo, options, jobs or default_jobs(), progress, names)) as results:
        for target in targets:
            for report in (target,) if isinstance(target, FileReport) else next(results):
                if on_file:
                    on_file(report)
                files.append(report)
    return Report(files=tuple(files), skipped=tuple(skipped))


def screen_target(path: str, config: Config, encoding: str | None = None,
                  keep_document: bool | None = False) -> tuple[FileReport, ...]:
    """screen_one() for a file, one FileReport per member for an archive."""
    with ocr_applied(config):  # --no-ocr reaches the loaders (screener/ocr/settings.py)
        if path == "-" or not is_archive(path):
            return (screen_one(path, config, encoding, keep_document),)
        return tuple(_kept(r, keep_document) for r in _guarded(
            path, config, lambda: screen_archive(path, config=config, encoding=encoding)))


def screen_one(path: str, config: Config, encoding: str | None = None,
               keep_document: bool | None = False) -> FileReport:
    """Load and screen one file; every failure becomes FileReport(error=...).
    The Document is kept if ``keep_document``, never if it is None, and
    otherwise only when there are findings (for excerpts)."""
    report = _guarded(path, config, lambda: (screen_document(load(path, encoding), config),))[0]
    return _kept(report, keep_document)


def _kept(report: FileReport, keep_document: bool | None) -> FileReport:
    if report.document is None or keep_document or (keep_document is not None and report.findings):
        return report
    return replace(report, document=None)


def _special(path: str) -> bool:
    """A FIFO, socket or device met in a folder walk (named on the command
    line, a pipe is read: ``screen <(…)``)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode)


def _guarded(path: str, config: Config, work: Callable[[], tuple[FileReport, ...]]) -> tuple[FileReport, ...]:
    """``work()``, with every failure turned into one FileReport(error=...);
    a personal value in the file's name is still reported (the file is
    published under it, read or not)."""
    def unread(where: str, problem: str) -> FileReport:
        try:
            return screener_for(config).unread(where, problem)
        except ConfigError:  # the configuration itself is what failed
            return FileReport(path=where, error=problem)

    try:
        return work()
    except InputError as exc:
        return (unread(exc.path, exc.problem),)
    except ConfigError as exc:  # e.g. a word-list pattern that ran into its time limit on this draft
        return (unread(str(path), str(exc)),)
    except MemoryError:
        return (unread(str(path), "内存不足，无法检查此文件"),)
    except RecursionError:
        return (unread(str(path), "文件结构嵌套过深，无法检查"),)
    except Exception as exc:  # a bug must not end the batch; the message never quotes the draft
        return (unread(str(path), f"检查时出现内部错误（{type(exc).__name__}），请报告此问题"),)


def expand(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str | FileReport], list[Skipped]]:
    """The files to screen, in order, plus what a folder walk skipped.

    A path that names a file is taken whatever its name (the loader explains
    a format it cannot read); a folder or pattern that yields no draft, and a
    folder that cannot be opened, become FileReports with the reason.
    """
    targets: list[str | FileReport] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()
    found = 0

    def add(path: str) -> None:
        nonlocal found
        found += 1
        key = path if path == STDIN else os.path.normpath(os.path.abspath(path))
        if key not in seen:
            seen.add(key)
            targets.append(path)

    def consider(path: str) -> None:
        """A file met in a folder walk or by a pattern."""
        name = os.path.basename(path)
        if _special(path):  # a named pipe waits for a writer: opening it would hang the batch
            targets.append(FileReport(path=path, error="是命名管道、套接字或设备文件，不是稿件，未检查"))
        elif _hidden(name):
            skipped.append(Skipped(path, "hidden"))
        elif os.path.islink(path) and not os.path.exists(path):
            skipped.append(Skipped(path, "broken-link"))
        else:
            add(path)

    def walk(top: str) -> None:
        def unreadable(exc: OSError) -> None:
            nonlocal found
            found += 1  # reported here: not "nothing to screen" as well
            targets.append(FileReport(path=exc.filename or top, error="无法打开此文件夹（没有权限或已不存在），其中的文件未检查"))

        for folder, dirs, files in os.walk(top, onerror=unreadable, followlinks=False):
            kept = []
            for name in sorted(dirs):
                full = os.path.join(folder, name)
                if _hidden(name):
                    skipped.append(Skipped(full, "hidden"))
                elif os.path.islink(full):
                    skipped.append(Skipped(full, "symlink"))
                else:
                    kept.append(name)
            dirs[:] = kept
            for name in sorted(files):
                consider(os.path.join(folder, name))

    for raw in (os.fspath(path) for path in paths):
        before = found
        if raw == STDIN or (os.path.lexists(raw) and not os.path.isdir(raw)):
            add(raw)
        elif os.path.isdir(raw):
            walk(raw)
        elif any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            for match in matches:
                walk(match) if os.path.isdir(match) else consider(match)
        else:
            add(raw)  # missing: the loader says so
        if found == before:
            targets.append(FileReport(path=raw, error=_NOTHING_TO_SCREEN))
    return targets, skipped


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def _screen_all(todo: list[str], options: tuple, jobs: int, progress: Progress | None,
                names: Privacy | None = None) -> Generator[tuple[FileReport, ...], None, None]:
    """``options``: screen_one's arguments after the path; ``names``: the
    Privacy whose name cache the workers fill (None: they do not)."""
    total = len(todo)
    if jobs <= 1 or total < 2:
        for done, path in enumerate(todo, 1):
            report = screen_target(path, *options)
            if progress:
                progress(done, total)
            yield report
        return
    # the pool's modules (multiprocessing, ~20-40 ms) only when a pool is
    # used: a single draft, the usual `screen draft.docx`, starts without them
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    workers = min(jobs, total)
    chunk = max(1, min(_MAX_CHUNK, total // (workers * 8)))
    # Workers inherit the parent's objects; frozen, no collection (theirs or
    # the parent's while results come in) walks them again or copies their pages.
    freeze = gc.get_freeze_count() == 0  # never undo a caller's own freeze
    if freeze:
        gc.freeze()
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker,
                               initargs=(names is not None, *options))
    done = 0
    try:
        for reports, shown in pool.map(_worker, todo, chunksize=chunk):
            if names is not None:
                names.remember(shown)
            done += 1
            if progress:
                progress(done, total)
            yield reports
    except BrokenProcessPool:
        for path in todo[done:]:
            yield (FileReport(path=path, error="检查进程意外退出（可能内存不足），此文件未检查"),)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if freeze:
            gc.unfreeze()


_OPTIONS: list[tuple] = []
_NAMES: list[Privacy] = []


def _init_worker(names: bool, *options) -> None:
    """Workers leave Ctrl-C to the parent, which stops the run cleanly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _OPTIONS.append(options)
    if names:
        _NAMES.append(Privacy(options[0]))


def _worker(path: str) -> tuple[tuple[FileReport, ...], dict[str, str]]:
    """The reports of one path, and how each report's name is shown
    (for the parent's name cache; empty when it keeps none)."""
    reports = screen_target(path, *_OPTIONS[0])
    shown = {fr.path: _NAMES[0].numbers(fr.path) for fr in reports} if _NAMES else {}
    return reports, shown
