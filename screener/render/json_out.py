"""The JSON contract, schema 1 (see README): Report.to_dict() serialised."""
from __future__ import annotations

import json

from ..model import Report


def render_json(report: Report, show_values: bool = False, pretty: bool = True) -> str:
    """The report as JSON: indented for a person (the CLI does so on a
    terminal), or compact on one line, which the standard library's C encoder
    writes many times faster (a batch of thousands of drafts piped to a tool)."""
    if pretty:
        return json.dumps(report.to_dict(show_values), ensure_ascii=False, indent=2)
    return json.dumps(report.to_dict(show_values), ensure_ascii=False, separators=(",", ":"))
