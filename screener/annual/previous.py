"""Last year's report (``--previous FILE``): its 四、结转下年度继续办理 row,
which this year's 二、上年结转 must repeat (domain-next §5.3 check 5)."""
from __future__ import annotations

import os

from ..errors import InputError
from ..loaders import load
from .labels import COLUMNS
from .report import complete_rows, read_report


def carried_forward(text: str, path: str = "<text>") -> tuple[int, ...]:
    """The seven 结转下年度 figures of the report in ``text`` (a normalised text).

    Raises InputError when ``text`` is not an annual report or the row cannot
    be read: a cross-year check that silently did nothing would mislead."""
    report = read_report(text)
    if report is None or report.table3 is None:
        raise InputError(path, "上年报告不是政府信息公开工作年度报告，或找不到表三")
    for row in complete_rows(report.table3):
        if row.spec.key == "forward":
            values = [c.value for c in row.cells]
            if all(v is not None for v in values):
                return tuple(v for v in values if v is not None)
    raise InputError(path, f"上年报告表三“四、结转下年度继续办理”一行未能读到 {len(COLUMNS)} 个整数")


def load_previous(path: str | os.PathLike, encoding: str | None = None) -> tuple[int, ...]:
    """Read last year's report file and return its 结转下年度 figures."""
    doc = load(path, encoding)
    return carried_forward(doc.normalized, doc.path)
