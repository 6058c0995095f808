"""The glue between ``screen check`` and the sheet/redaction outputs.

Kept out of cli.py so the command stays a thin layer: the CLI makes one
OutputPlan before screening (bad options fail at once, before any work), then
hands each screened draft to it.  A draft whose outputs cannot be written is
reported on one line and the run goes on; the exit code is then 2.
"""
from __future__ import annotations

import os

import typer

try:  # typer >= 0.29 vendors click
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover - older typer
    from click.exceptions import UsageError

from .config import Config
from .errors import OutputError
from .model import Report, Severity
from .outputs import OutputPlan
from .render.sheet_fields import fields_from_settings, parse_date


def make_plan(paths: list[str], config: Config, fail_on: Severity, encoding: str | None, *,
              sheet: str | None, redact: str | None, final: bool = False,
              **fields: str | None) -> OutputPlan:
    """The run's OutputPlan: [sheet] settings from screener.toml, overridden
    by the options given; checked before any draft is read."""
    if fields.get("date") is not None:
        try:
            fields["date"] = parse_date(fields["date"])
        except ValueError as exc:
            raise UsageError(f"--date：{exc}") from None
    base = fields_from_settings(config.sheet, config.source)
    plan = OutputPlan(sheet=sheet, redact=redact, fields=base.override(**fields), config=config,
                      fail_on=fail_on, encoding=encoding, many=several(paths), final=final)
    plan.guard(paths)
    return plan


def several(paths: list[str]) -> bool:
    """Whether the arguments may name more than one draft: several paths, a
    folder or a glob pattern (both expand to any number of files)."""
    return len(paths) > 1 or any(
        p != "-" and (os.path.isdir(p) or (not os.path.lexists(p) and any(c in p for c in "*?[")))
        for p in paths)


def print_sheets(report: Report, plan: OutputPlan) -> str:
    """``--format sheet``: the Markdown sheet of every readable draft."""
    from .render.sheet_md import render_sheets_md
    from .render.sheet_model import build_sheet

    sheets = [build_sheet(fr, plan.fields, fail_on=plan.fail_on, config=plan.config, today=plan.today)
              for fr in report.files if fr.error is None]
    return render_sheets_md(sheets)


def write_all(report: Report, plan: OutputPlan) -> bool:
    """Write every draft's outputs; say what was written on stderr.  Returns
    True when some output could not be written."""
    from .display import mask_numbers, one_line, shown_path

    failed = False
    plan.register(fr.path for fr in report.files)  # drafts found in folders are inputs too
    for fr in report.files:
        try:
            for path in plan.write_outputs(fr):
                typer.echo(f"已写出：{shown_path(str(path))}", err=True)
        except OutputError as exc:
            typer.echo(f"screen: {one_line(mask_numbers(str(exc)))}", err=True)
            failed = True
    return failed
