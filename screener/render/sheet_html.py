"""The approval sheet as one self-contained HTML file, printable on A4.

No scripts, fonts, images or links to fetch: the file works offline and
prints as it looks (@page A4, colours kept in print, 第 X 页 共 Y 页 in the
page margin).  Page 1 is the form with its signature block (never split);
附表 lists the findings on the following pages; then comes the draft
itself with every finding highlighted, coloured by severity, its reason in
the ``title`` attribute (shown on hover) and its number from the findings
table next to it; personal numbers are masked there too.  A draft
with a 密级 marking gets no draft section at all.  Every piece of text is
escaped.
"""
from __future__ import annotations

from html import escape

from ..model import Severity
from ..sheet.model import (
    CLASSIFIED_NOTICE,
    FORM_TITLE,
    REVIEW_CHOICES,
    SECRECY_ROW,
    SIGN_ROWS,
    FindingRow,
    Sheet,
)

_CSS = """
@page { size: A4; margin: 15mm 16mm 16mm 16mm;
        @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; } }
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC",
       "WenQuanYi Micro Hei", serif; font-size: 10.5pt; line-height: 1.35; color: #000;
       max-width: 178mm; margin: 0 auto; }
@media screen { body { margin: 8mm auto; padding: 0 4mm; } }
h1 { text-align: center; font-family: "SimHei", "黑体", "Heiti SC", "WenQuanYi Micro Hei", sans-serif;
     font-size: 19pt; letter-spacing: 0.25em; margin: 0 0 1mm; }
h2 { font-size: 11.5pt; margin: 3mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p.meta { text-align: center; font-size: 9pt; color: #333; margin: 0 0 2.5mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 1mm 1.4mm; vertical-align: middle;
         overflow-wrap: anywhere; word-break: break-all; }
th { background: #f0f0f0; font-weight: bold; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
td.center { text-align: center; }
span.nb { white-space: nowrap; }
td small, p small { font-size: 8.5pt; color: #333; }
table.sign { break-inside: avoid; page-break-inside: avoid; }
table.sign td { height: 13mm; }
table.checks { font-size: 9.5pt; }
div.notice { border: 2px solid #b00000; color: #b00000; padding: 2mm 3mm; margin: 0 0 2.5mm; font-weight: bold; }
p.conclusion { font-size: 12.5pt; font-weight: bold; margin: 0 0 1mm; }
p.conclusion.withhold { color: #b00000; }
p.conclusion.edit { color: #9a5800; }
p.conclusion.publish { color: #17692c; }
p.reason { margin: 0 0 1mm; }
tr.sev-error td.sev, mark.sev-error { background: #ffd0d0; }
tr.sev-warning td.sev, mark.sev-warning { background: #ffe9a8; }
tr.sev-info td.sev, mark.sev-info { background: #d8e8ff; }
mark { color: inherit; padding: 0 1px; border-bottom: 2px solid #888; }
mark.sev-error { border-bottom-color: #c00000; }
mark.sev-warning { border-bottom-color: #c77700; }
mark.sev-info { border-bottom: 2px dotted #2a62c9; }
mark[data-n]::after { content: attr(data-n); font-size: 7pt; vertical-align: super; color: #333; }
section.annex, section.draft { break-before: page; page-break-before: always; }
p.legend mark { margin-right: 3mm; }
@media print { span.hint { display: none; } }
div.text { white-space: pre-wrap; border: 1px solid #999; padding: 4mm; line-height: 1.9; }
"""

_CLASS = {Severity.ERROR: "sev-error", Severity.WARNING: "sev-warning", Severity.INFO: "sev-info"}


def e(value: str) -> str:
    """Escape text for an element body or an attribute."""
    return escape(value, quote=True)


def _hover(row: FindingRow) -> str:
    return f"{row.number}. {row.label}（{row.severity.zh}）：{row.reason}；建议：{row.suggestion}"


def _form(sheet: Sheet) -> list[str]:
    h = dict(sheet.header())
    out = [
        '<table class="form"><colgroup><col style="width:17%"><col style="width:33%">'
        '<col style="width:17%"><col style="width:33%"></colgroup>',
        f'<tr><th>审批编号</th><td>{e(h["审批编号"])}</td><th>报送日期</th><td>{e(h["报送日期"])}</td></tr>',
        f'<tr><th>信息标题</th><td colspan="3">{e(h["信息标题"])}</td></tr>',
        f'<tr><th>文号</th><td>{e(h["文号"])}</td><th>发布栏目</th><td>{e(h["发布栏目"])}</td></tr>',
        f'<tr><th>拟稿单位</th><td>{e(h["拟稿单位"])}</td><th>拟稿人</th><td>{e(h["拟稿人"])}</td></tr>',
        f'<tr><th>公开方式</th><td colspan="3">{e(h["公开方式"])}</td></tr>',
        f'<tr><th>公开属性</th><td colspan="3">{e(h["公开属性"])}</td></tr>',
        f'<tr><th>附件清单</th><td colspan="3">{e(h["附件清单"])}</td></tr>',
    ]
    if sheet.involves:
        _, notes = sheet.involves_line()
        boxes = "　".join(f'<span class="nb">{e(item)} {e(value.partition("（")[0])}</span>'
                         for item, value in sheet.involves)
        out.append(f'<tr><th>是否涉及</th><td colspan="3">{boxes}'
                   f'{f"<br><small>{e(notes)}</small>" if notes else ""}</td></tr>')
    return out + ["</table>"]


def _checks(sheet: Sheet) -> list[str]:
    out = ['<table class="checks"><colgroup>' + '<col style="width:12%"><col style="width:21.33%">' * 3
           + "</colgroup>"]
    cells = [f"<th>{e(c.label)}</th><td>{e(c.result)}</td>" for c in sheet.checks]
    while len(cells) % 3:
        cells.append("<th></th><td></td>")
    for i in range(0, len(cells), 3):
        out.append(f"<tr>{''.join(cells[i:i + 3])}</tr>")
    return out + ["</table>"]


def _rows(sheet: Sheet) -> list[str]:
    if not sheet.rows:
        return ["<p>未发现问题。</p>"]
    out = ['<table class="findings"><colgroup><col style="width:6%"><col style="width:14%">'
           '<col style="width:11%"><col style="width:7%"><col style="width:21%"><col style="width:20%">'
           "<col></colgroup>"
           "<thead><tr><th>序号</th><th>位置</th><th>类型</th><th>级别</th><th>内容</th><th>建议</th>"
           "<th>审核结论</th></tr></thead><tbody>"]
    for r in sheet.rows:
        out.append(
            f'<tr class="{_CLASS[r.severity]}" title="{e(r.reason)}"><td class="center">{r.number}</td>'
            f"<td>{e(r.where)}</td><td>{e(r.label)}</td><td class=\"sev center\">{r.severity.zh}</td>"
            f"<td>{e(r.content)}</td><td>{e(r.suggestion)}</td><td>{e(r.review) or '□确认需修改<br>□误报<br>□已按要求处理'}</td></tr>"
        )
    return out + ["</tbody></table>"]


def _sign() -> list[str]:
    blank = "&emsp;" * 4
    choices = "<br>".join(e(c) for c in REVIEW_CHOICES)
    out = ['<table class="sign"><colgroup><col style="width:17%"><col><col style="width:20%">'
           '<col style="width:18%"></colgroup>',
           "<tr><th>审核环节</th><th>意见</th><th>签字</th><th>日期</th></tr>"]
    for i, label in enumerate(SIGN_ROWS):
        opinion = choices if i == SECRECY_ROW else ""
        signer = f"审查人：{blank}" if i == SECRECY_ROW else ""
        out.append(f"<tr><th>{e(label)}</th><td>{opinion}</td><td>{signer}</td>"
                   '<td class="center">年&emsp;月&emsp;日</td></tr>')
    return out + ["</table>"]


def _draft(sheet: Sheet) -> list[str]:
    body = []
    for piece in sheet.pieces:
        if piece.row is None:
            body.append(e(piece.text))
        else:
            r = piece.row
            body.append(f'<mark class="{_CLASS[r.severity]}" id="f{r.number}" data-n="{r.number}" '
                        f'title="{e(_hover(r))}">{e(piece.text)}</mark>')
    legend = "".join(f'<mark class="{_CLASS[s]}">{s.zh}</mark>' for s in sorted(Severity, reverse=True))
    return ['<section class="draft">', "<h2>附：稿件原文（问题处已标出，个人号码已脱敏）</h2>",
            f'<p class="legend">{legend}<span class="hint">鼠标停在标出处可看原因；</span>右上角数字为明细序号。</p>',
            f'<div class="text">{"".join(body)}</div>', "</section>"]


def render_sheet_html(sheet: Sheet) -> str:
    """Page 1: the form, the pre-check, the verdict and the signature block;
    then 附表 (the findings, header row repeated on each page); then the
    highlighted draft, which a draft with a 密级 marking never gets."""
    notice = [f'<div class="notice">{e(CLASSIFIED_NOTICE)}</div>'] if sheet.classified else []
    reviewed = sum(1 for r in sheet.rows if r.decision)
    annex = (f"问题明细见附表（共 {len(sheet.rows)} 处，已审核 {reviewed} 处）。" if sheet.rows
             else "自动预审未发现问题。")
    parts = [
        "<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{FORM_TITLE} - {e(sheet.source)}</title>", f"<style>{_CSS}</style></head><body>",
        '<section class="page1">', f"<h1>{FORM_TITLE}</h1>",
        f'<p class="meta">稿件：{e(sheet.source)}　自动预审结果由 screener 预填，须经人工审核签字后生效</p>',
        *notice, *_form(sheet), "<h2>一、自动预审</h2>", *_checks(sheet),
        "<h2>二、建议结论</h2>", f'<p class="conclusion {sheet.tone}">{e(sheet.conclusion)}</p>',
        f'<p class="reason">理由：{e(sheet.reason)}{e(annex)}</p>', "<h2>三、审核签批</h2>", *_sign(),
        "</section>", '<section class="annex">', "<h2>附表：问题明细</h2>", *_rows(sheet), "</section>",
        *([] if sheet.classified else _draft(sheet)), "</body></html>",
    ]
    return "\n".join(parts) + "\n"
