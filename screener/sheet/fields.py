"""The header fields of the approval sheet (信息发布审批表) that a person supplies.

Real templates share 标题, 文号, 拟稿单位, 拟稿人, 报送日期, 公开方式 and 公开属性
(domain notes §6.2, templates A, C, H).  The per-office values (unit, drafter,
publishing channel …) may sit in screener.toml under ``[sheet]``; the title
and 文号 belong to one draft, so they come from the command line or the draft.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import ConfigError

# Channels from template A (黑龙江省林业厅 保密审查单) plus 政务新媒体, the usual
# channel today; 公开属性 from the 发文单 practice (template H).
PUBLISH_METHODS = ("政府网站", "政务新媒体", "报刊", "公开栏", "其他")
PUBLISH_ATTRS = ("主动公开", "依申请公开", "不予公开")

# keys accepted in screener.toml [sheet], with the option that sets them per run
CONFIG_KEYS = {
    "unit": "--unit",
    "drafter": "--drafter",
    "date": "--date",
    "publish_method": "--publish-method",
    "publish_attr": "--publish-attr",
    "column": "--column",
}

_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: "str | _dt.date") -> _dt.date:
    """A date written as 2024-06-02, 2024/6/2, 2024.6.2 or 2024年6月2日."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    m = _DATE.match(str(value))
    if m:
        try:
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass
    raise ValueError(f"日期“{value}”无法识别，请写成 2024-06-02 或 2024年6月2日")


def format_date(day: _dt.date) -> str:
    """2024年6月2日: the way dates are written on government forms."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class SheetFields:
    """Values for the sheet's header; None means "detect or leave blank"."""

    title: str | None = None
    doc_number: str | None = None
    unit: str | None = None
    drafter: str | None = None
    date: _dt.date | None = None
    publish_method: str | None = None
    publish_attr: str | None = None
    approval_no: str | None = None  # 审批编号
    column: str | None = None  # 发布栏目

    def override(self, **changes) -> "SheetFields":
        """These fields with every non-empty value in ``changes`` taking precedence."""
        if changes.get("date") is not None:
            changes["date"] = parse_date(changes["date"])
        return replace(self, **{k: v for k, v in changes.items() if v not in (None, "")})


def fields_from_settings(settings: dict, source: "Path | str | None" = None) -> SheetFields:
    """Validate a screener.toml ``[sheet]`` table; an unknown key, a value that
    is not text, or a bad date is a ConfigError naming the file and the key."""
    where = f"{source}：" if source else ""
    values: dict = {}
    for key, value in settings.items():
        if key not in CONFIG_KEYS:
            raise ConfigError(
                f"{where}[sheet] 中未知的配置项“{key}”，可用：{'、'.join(CONFIG_KEYS)}"
                "（信息标题、文号每篇不同，请用 --title、--doc-number 指定）"
            )
        if key == "date":
            try:
                values[key] = parse_date(value) if isinstance(value, (str, _dt.date)) else None
            except ValueError as exc:
                raise ConfigError(f"{where}[sheet] date：{exc}") from None
            if values[key] is None:
                raise ConfigError(f"{where}[sheet] 配置项“date”应为日期，如 2024-06-02")
            continue
        if not isinstance(value, str):
            raise ConfigError(f"{where}[sheet] 配置项“{key}”应为文字")
        values[key] = value.strip() or None
    return SheetFields(**values)
