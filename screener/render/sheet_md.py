"""The approval sheet as Markdown (``--format sheet`` and ``--sheet x.md``).

GitHub-flavoured tables.  Text from the draft is escaped so that a ``*`` in a
masked number or a ``|`` in a term cannot change the layout; finding contents
are shown as code spans, the way a reviewer reads them literally.
"""
from __future__ import annotations

import re

from .sheet_model import FORM_TITLE, REVIEW_CHOICES, SIGN_ROWS, Sheet

# "_" only matters at a word boundary (GFM ignores it inside seed_2019_x)
_SPECIAL = re.compile(r"([\\`*\[\]<>|#~]|(?<![0-9A-Za-z])_|_(?![0-9A-Za-z]))")
_WS = re.compile(r"[^\S\u3000]+")  # keeps the ideographic spaces of a form


def md_text(value: str) -> str:
    """``value`` on one line with Markdown's special characters escaped."""
    return _SPECIAL.sub(r"\\\1", _WS.sub(" ", value).strip())


def md_code(value: str) -> str:
    """``value`` as a code span inside a table cell."""
    value = _WS.sub(" ", value).strip()
    if not value:
        return ""
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return fence + pad + value.replace("|", "\\|") + pad + fence


def _table(head: tuple[str, ...], rows: list[tuple[str, ...]],
           align: tuple[str, ...] = ()) -> list[str]:
    rule = [align[i] if i < len(align) else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def render_sheet_md(sheet: Sheet) -> str:
    """The whole form as one Markdown document."""
    out = [f"# {FORM_TITLE}", "",
           f"稿件：{md_text(sheet.source)}　（自动预审结果由 screener 预填，须经人工审核签字后生效）", ""]
    out += _table(("项目", "内容"), [(label, md_text(value)) for label, value in sheet.header()])
    out += ["", "## 一、自动预审", ""]
    out += _table(("检查项目", "数量", "结果"),
                  [(c.label, "—" if c.count is None else str(c.count), md_text(c.result))
                   for c in sheet.checks], align=("---", "---:"))
    out += ["", "## 二、问题明细", ""]
    if sheet.rows:
        out += _table(("序号", "位置", "类型", "级别", "内容", "建议"),
                      [(str(r.number), md_text(r.where), md_text(r.label), r.severity.zh,
                        md_code(r.content), md_text(r.suggestion)) for r in sheet.rows])
    else:
        out.append("未发现问题。")
    out += ["", "## 三、建议结论", "", f"**{sheet.conclusion}**", "",
            f"理由：{md_text(sheet.reason)}", "", "## 四、审核签批", ""]
    blank = "　" * 4
    out += _table(("审核环节", "意见", "签字", "日期"),
                  [(SIGN_ROWS[0], "　".join(REVIEW_CHOICES), f"审查人：{blank}", "年　月　日"),
                   (SIGN_ROWS[1], "", "", "年　月　日"),
                   (SIGN_ROWS[2], "", "", "年　月　日")])
    return "\n".join(out) + "\n"


def render_sheets_md(sheets: list[Sheet]) -> str:
    """Several drafts' sheets, one after another, separated by a rule."""
    return "\n---\n\n".join(render_sheet_md(s) for s in sheets)
