"""The JSON contract, schema 1 (see README): Report.to_dict() serialised."""
from __future__ import annotations

import json

from ..model import FileReport, Report


def render_json(report: Report, show_values: bool = False, pretty: bool = True) -> str:
    """The report as JSON: indented for a person (the CLI does so on a
    terminal), or compact on one line, which the standard library's C encoder
    writes many times faster (a batch of thousands of drafts piped to a tool)."""
    if pretty:
        return json.dumps(report.to_dict(show_values), ensure_ascii=False, indent=2)
    return _compact(report.to_dict(show_values))


def _compact(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class CompactJson:
    """Compact JSON made file by file: pass it as ``screen_paths(on_file=...)``
    and each draft's entry is rendered while the workers screen the next
    ones, instead of all of them after the last (half a second of a 10,000
    draft parallel run that only one core was doing).  ``render(report)`` is
    byte for byte ``render_json(report, show_values, pretty=False)``."""

    def __init__(self, show_values: bool = False):
        self.show_values = show_values
        self._files: list[str] = []

    def __call__(self, file_report: FileReport) -> None:
        self._files.append(_compact(file_report.to_dict(self.show_values)))

    def render(self, report: Report) -> str:
        if len(self._files) != len(report.files):  # not the run this saw
            return render_json(report, self.show_values, pretty=False)
        # The only list before "files" is none: "schema" is a number.
        frame = _compact(Report(skipped=report.skipped).to_dict(self.show_values))
        return frame.replace('"files":[]', '"files":[' + ",".join(self._files) + "]", 1)
