"""The approval sheet as Markdown (``--format sheet`` and ``--sheet x.md``).

GitHub-flavoured tables.  Text from the draft is escaped so that a ``*`` in a
masked number or a ``|`` in a term cannot change the layout; finding contents
are shown as code spans, the way a reviewer reads them literally.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from ..sheet.model import (
    CLASSIFIED_NOTICE,
    FORM_TITLE,
    REVIEW_CHOICES,
    SECRECY_ROW,
    SIGN_ROWS,
    Sheet,
)

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


def _table(head: tuple[str, ...], rows: Sequence[tuple[str, ...]],
           align: tuple[str, ...] = ()) -> list[str]:
    rule = [align[i] if i < len(align) else "---" for i in range(len(head))]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(rule) + "|"]
    lines += ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines


def render_sheet_md(sheet: Sheet) -> str:
    """The whole form as one Markdown document: the form, the pre-check, the
    verdict and the signatures, then 附表 (the findings)."""
    out = [f"# {FORM_TITLE}", "",
           f"稿件：{md_text(sheet.source)}　（自动预审结果由 screener 预填，须经人工审核签字后生效）", ""]
    if sheet.classified:
        out += [f"**{md_text(CLASSIFIED_NOTICE)}**", ""]
    header = [(label, md_text(value)) for label, value in sheet.header()]
    if sheet.involves:
        header += [(f"是否涉及{item}", md_text(value)) for item, value in sheet.involves]
    out += _table(("项目", "内容"), header)
    out += ["", "## 一、自动预审", ""]
    out += _table(("检查项目", "数量", "结果"),
                  [(c.label, "—" if c.count is None else str(c.count), md_text(c.result))
                   for c in sheet.checks], align=("---", "---:"))
    reviewed = sum(1 for r in sheet.rows if r.decision)
    annex = (f"问题明细见附表（共 {len(sheet.rows)} 处，已审核 {reviewed} 处）。" if sheet.rows
             else "自动预审未发现问题。")
    out += ["", "## 二、建议结论", "", f"**{sheet.conclusion}**", "",
            f"理由：{md_text(sheet.reason)}{annex}", "", "## 三、审核签批", ""]
    blank = "　" * 4
    out += _table(("审核环节", "意见", "签字", "日期"),
                  [(label, "　".join(REVIEW_CHOICES) if i == SECRECY_ROW else "",
                    f"审查人：{blank}" if i == SECRECY_ROW else "", "年　月　日")
                   for i, label in enumerate(SIGN_ROWS)])
    out += ["", "## 附表：问题明细", ""]
    if sheet.rows:
        out += _table(("序号", "位置", "类型", "级别", "内容", "建议", "审核结论"),
                      [(str(r.number), md_text(r.where), md_text(r.label), r.severity.zh,
                        md_code(r.content), md_text(r.suggestion), md_text(r.review))
                       for r in sheet.rows])
    else:
        out.append("未发现问题。")
    return "\n".join(out) + "\n"


SEPARATOR = "\n---\n\n"  # between drafts' sheets in one Markdown text


def render_sheets_md(sheets: list[Sheet]) -> str:
    """Several drafts' sheets, one after another, separated by a rule."""
    return SEPARATOR.join(render_sheet_md(s) for s in sheets)
