"""The JSON contract, schema 1 (see README): Report.to_dict() serialised."""
from __future__ import annotations

import json

from ..model import Report


def render_json(report: Report, show_values: bool = False) -> str:
    return json.dumps(report.to_dict(show_values), ensure_ascii=False, indent=2)
