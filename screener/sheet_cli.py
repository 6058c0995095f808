"""The glue between ``screen check`` and the sheet/redaction outputs.

Kept out of cli.py so the command stays a thin layer: the CLI makes one
OutputPlan before screening (bad options fail at once, before any work), then
hands each screened draft to it.  A draft whose outputs cannot be written is
reported on one line and the run goes on; the exit code is then 2.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:  # typed against the installed typer, which vendors click
    from typer._click.exceptions import UsageError
else:
    try:  # typer >= 0.29 vendors click
        from typer._click.exceptions import UsageError
    except ImportError:  # pragma: no cover - older typer
        from click.exceptions import UsageError

from .config import Config
from .errors import OutputError
from .model import Report, Severity
from .outputs import OutputPlan
from .privacy import Privacy
from .sheet.fields import parse_date


def make_plan(drafts: list[str], config: Config, fail_on: Severity, encoding: str | None, *,
              sheet: str | None, redact: str | None, roots: tuple[str, ...] = (), final: bool = False,
              **fields: str | None) -> OutputPlan:
    """The run's OutputPlan for the drafts ``expand()`` found (files only):
    [sheet] settings from screener.toml, overridden by the options given;
    checked before any draft is read."""
    changes: dict[str, str | date | None] = dict(fields)
    raw_date = fields.get("date")
    if raw_date is not None:
        try:
            changes["date"] = parse_date(raw_date)
        except ValueError as exc:
            raise UsageError(f"--date：{exc}") from None
    plan = OutputPlan(sheet=sheet, redact=redact, fields=config.sheet.override(**changes), config=config,
                      fail_on=fail_on, encoding=encoding, many=len(drafts) > 1, roots=roots,
                      final=final)
    plan.guard(drafts)
    return plan


def print_sheets(report: Report, plan: OutputPlan) -> str:
    """``--format sheet``: the Markdown sheet of every readable draft, built
    and rendered exactly as ``--sheet x.md`` writes it (``report`` is the
    whole report: with --review, resolved findings are listed with their
    decision, as on the written sheet)."""
    # python-docx costs a tenth of a second of cold start: only sheet runs import it
    from .render.sheet_formats import render_sheets_text

    return render_sheets_text([plan.sheet_of(fr) for fr in report.files if fr.error is None])


def write_all(report: Report, plan: OutputPlan) -> bool:
    """Write every draft's outputs; say what was written on stderr.  Returns
    True when some output could not be written."""
    privacy = Privacy(plan.config)
    failed = False
    for fr in report.files:
        try:
            for path in plan.write_outputs(fr):
                typer.echo(f"已写出：{privacy.path(path)}", err=True)
        except OutputError as exc:
            typer.echo(f"screen: {privacy.message(exc.args[0] if exc.args else '')}", err=True)
            failed = True
    return failed
