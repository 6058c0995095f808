"""The JSON contract, schema 1 (see README): Report.to_dict() serialised."""
from __future__ import annotations

import json

from ..detectors import kind_order
from ..model import FileReport, Report
from ..privacy import Privacy


def report_dict(report: Report, show_values: bool = False, privacy: Privacy | None = None) -> dict:
    """``report.to_dict()`` with file names shown by the privacy owner (the
    configured mask style and allow list) and kinds in the registry's order."""
    privacy = privacy or Privacy(show_values=show_values)
    return report.to_dict(show_values, shown_path=privacy.path, order=kind_order)


def file_dict(fr: FileReport, show_values: bool = False, privacy: Privacy | None = None) -> dict:
    privacy = privacy or Privacy(show_values=show_values)
    return fr.to_dict(show_values, shown_path=privacy.path, order=kind_order)


def render_json(report: Report, show_values: bool = False, pretty: bool = True,
                privacy: Privacy | None = None) -> str:
    """The report as JSON: indented for a person (the CLI does so on a
    terminal), or compact on one line, which the standard library's C encoder
    writes many times faster (a batch of thousands of drafts piped to a tool)."""
    data = report_dict(report, show_values, privacy)
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return _compact(data)


def _compact(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class CompactJson:
    """Compact JSON made file by file: pass it as ``screen_paths(on_file=...)``
    and each draft's entry is rendered while the workers screen the next
    ones, instead of all of them after the last (half a second of a 10,000
    draft parallel run that only one core was doing).  ``render(report)`` is
    byte for byte ``render_json(report, show_values, pretty=False)``."""

    def __init__(self, show_values: bool = False, privacy: Privacy | None = None):
        self.show_values = show_values
        self.privacy = privacy or Privacy(show_values=show_values)
        self._files: list[str] = []

    def __call__(self, file_report: FileReport) -> None:
        self._files.append(_compact(file_dict(file_report, self.show_values, self.privacy)))

    def render(self, report: Report) -> str:
        if len(self._files) != len(report.files):  # not the run this saw
            return render_json(report, self.show_values, pretty=False, privacy=self.privacy)
        # The only list before "files" is none: "schema" is a number.
        frame = _compact(report_dict(Report(skipped=report.skipped), self.show_values, self.privacy))
        return frame.replace('"files":[]', '"files":[' + ",".join(self._files) + "]", 1)
