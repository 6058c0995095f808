"""Per-draft output files: the approval sheet (--sheet) and the redacted copy (--redact).

An OutputPlan is made once per run from the options and checks them before
any draft is screened (format, folder, the several-drafts rule); then
``write_outputs(file_report)`` is called for each screened draft, so a caller
that walks folders or runs drafts in parallel calls it per file (from one
thread: the plan remembers which files it wrote, to refuse a name clash).
A caller that discovers drafts as it goes registers them with ``register()``
so no output overwrites any of them.

Where the files go:
- one draft: OUT is the file to write; for --sheet its extension picks the
  format (.docx, .html/.htm, .md);
- OUT is an existing folder (or ends with /): the sheet is written there as
  ``<draft name>-审批表.docx``, the redacted copy under the draft's own name;
  a draft found in a folder walk keeps its subfolder under OUT (两个村/公示.txt
  and 另一村/公示.txt do not clash);
- a personal number in a draft's name is masked in the output's name (the
  name is published with the copy), with × so that Windows accepts it;
- OUT may contain ``{name}``, replaced by the draft's name without extension
  (``--sheet 审批表/{name}.html``);
- several drafts: OUT must be a folder or contain ``{name}``, so that no two
  drafts write the same file; a clash is refused, never overwritten.
"""
from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import check_target, same_file, write_atomic
from .config import Config
from .errors import OutputError
from .model import FileReport, Severity
from .paths import is_stdin
from .privacy import Privacy
from .redact import check_target_format, redact_file
from .review import ReviewFile
from .sheet.fields import SheetFields
from .sheet.model import Sheet, build_sheet

SHEET_FORMATS = (".docx", ".html", ".htm", ".md")  # render.sheet_formats.SUFFIXES
SHEET_SUFFIX = "-审批表.docx"
NAME = "{name}"


def _is_folder(out: str) -> bool:
    return out.endswith(("/", os.sep)) or Path(out).is_dir()


def _stem(path: str) -> str:
    name = Path(path).name
    return "stdin" if is_stdin(path) else (Path(name).stem or name)


def _make_subfolder(out: str | None, target: Path) -> None:
    """Create the subfolder a draft keeps below an output folder OUT."""
    if out and _is_folder(out) and target.parent != Path(out):
        target.parent.mkdir(parents=True, exist_ok=True)


def _safe_name(name: str, config: Config) -> str:
    """``name`` with its personal numbers masked, in characters every file
    system accepts."""
    return Privacy(config).numbers(name).replace("*", "×")


@dataclass
class OutputPlan:
    """Where this run writes sheets and redacted copies, and with what settings."""

    sheet: str | None = None
    redact: str | None = None
    fields: SheetFields = field(default_factory=SheetFields)
    config: Config = field(default_factory=Config)
    fail_on: Severity = Severity.WARNING
    encoding: str | None = None
    many: bool = False
    today: _dt.date | None = None
    roots: tuple[str, ...] = ()  # folders named on the command line: drafts keep their subfolder
    final: bool = False  # --final-copy: the .docx copy accepts changes and drops comments
    review: ReviewFile | None = None  # --review: the sheet shows each finding's decision
    _inputs: list[str] = field(default_factory=list)
    _written: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        for option, out in (("--sheet", self.sheet), ("--redact", self.redact)):
            if out is None:
                continue
            if not out.strip():
                raise OutputError(f"{option} 需要输出文件名")
            if _is_folder(out):
                if not Path(out).is_dir():
                    raise OutputError(f"{out}：输出文件夹不存在")
                check_target(Path(out) / "x")
                continue
            if self.many and NAME not in out:
                raise OutputError(f"{option}：检查多篇稿件时，输出须是已有的文件夹或含 {NAME}，"
                                  f"例如 {option} 输出/{NAME}{'.docx' if option == '--sheet' else '.txt'}")
            if option == "--sheet" and Path(out).suffix.lower() not in SHEET_FORMATS:
                suffix = Path(out).suffix or "（无扩展名）"
                raise OutputError(f"{out}：不支持的审批表格式“{suffix}”，请用 .docx、.html 或 .md")
            if NAME not in out:
                check_target(Path(out))

    @property
    def active(self) -> bool:
        return bool(self.sheet or self.redact)

    def register(self, paths) -> None:
        """Remember input files: no output may overwrite any of them."""
        self._inputs.extend(str(p) for p in paths if not is_stdin(p))

    def guard(self, paths) -> None:
        """Register the run's input files, and refuse at once an output that
        would overwrite one of them."""
        self.register(paths)
        for path in self._inputs:
            target = self.redact_target(path)
            if target is not None and Path(path).is_file():  # a named draft: refused before screening
                check_target_format(path, target)
            for target in self.targets(path):
                for source in self._inputs:
                    if same_file(source, target):
                        raise OutputError(f"{target}：与输入稿件是同一个文件，不能覆盖稿件，请换一个输出文件名")

    def _subfolder(self, path: str) -> Path:
        """Where ``path`` sits below the folder named on the command line."""
        here = os.path.abspath(path)
        for root in self.roots:
            top = os.path.abspath(root)
            if here.startswith(top + os.sep):
                rel = os.path.dirname(os.path.relpath(here, top))
                return Path(*(_safe_name(part, self.config) for part in Path(rel).parts))
        return Path()

    def sheet_target(self, path: str) -> Path | None:
        if self.sheet is None:
            return None
        stem = _safe_name(_stem(path), self.config)
        if _is_folder(self.sheet):
            return Path(self.sheet) / self._subfolder(path) / (stem + SHEET_SUFFIX)
        return Path(self.sheet.replace(NAME, stem))

    def redact_target(self, path: str) -> Path | None:
        if self.redact is None:
            return None
        if _is_folder(self.redact):
            return Path(self.redact) / self._subfolder(path) / _safe_name(Path(path).name, self.config)
        return Path(self.redact.replace(NAME, _safe_name(_stem(path), self.config)))

    def targets(self, path: str) -> list[Path]:
        return [t for t in (self.sheet_target(path), self.redact_target(path)) if t is not None]

    def sheet_of(self, fr: FileReport) -> Sheet:
        """The approval sheet of one screened draft with this run's fields and
        settings; with --review, each finding's recorded decision, reason and
        reviewer.  ``--format sheet`` and ``--sheet`` both build it here."""
        decisions = None
        if self.review is not None and fr.findings and fr.document is not None:
            decisions = self.review.lookup(fr.findings, fr.document.text)
        return build_sheet(fr, self.fields, fail_on=self.fail_on, config=self.config, today=self.today,
                           decisions=decisions)

    def _claim(self, target: Path) -> None:
        key = os.path.abspath(target)
        if key in self._written:
            raise OutputError(f"{target}：本次已有另一篇稿件写入同名文件（稿件重名？），未覆盖")
        self._written.add(key)

    def write_outputs(self, fr: FileReport) -> list[Path]:
        """Write the sheet and/or redacted copy for one screened draft.
        A draft that could not be read gets neither.  Raises OutputError."""
        if fr.error is not None or not self.active:
            return []
        protect = [*self._inputs, fr.path]
        written = []
        sheet = self.sheet_target(fr.path)
        if sheet is not None:
            _make_subfolder(self.sheet, sheet)
            # python-docx costs a tenth of a second of cold start: only runs
            # that write a sheet import the formatters
            from .render.sheet_formats import format_of, render_sheet

            data = render_sheet(self.sheet_of(fr), format_of(sheet.suffix))
            self._claim(sheet)
            written.append(write_atomic(sheet, data, protect=protect))
        target = self.redact_target(fr.path)
        if target is not None:
            _make_subfolder(self.redact, target)
            self._claim(target)
            # the findings carry the configured style's masks already (a
            # detector's own, such as +86 kept): recomputing would lose them
            written.append(redact_file(fr.path, target, fr, encoding=self.encoding, style=None,
                                       min_severity=min(self.fail_on, Severity.WARNING),
                                       protect=protect, final=self.final))
        return written
