"""Annual reports (政府信息公开工作年度报告) for the annual-report tests,
built from the national template's row and column labels
(screener/annual/labels.py) with figures that add up, in the flattened forms
government pages and office files really take: ``|`` between cells (the
seed), one cell per line (corpus 009/012), blank-separated cells, tabs (a .docx or HTML table as
the loaders give it), HTML and .docx files."""
from __future__ import annotations

import html
from pathlib import Path

from docx_factory import build_docx
from screener.annual.labels import RESULT_KEYS_2019, RESULT_KEYS_2021, ROWS_2019, ROWS_2021

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_6698c9757fbfa1c5.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

_TABLE2_2019 = [["第二十条第（一）项"], ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
                ["规章", "0", "0", "0"], ["规范性文件", "3", "3", "12"]]
_TABLE2_2021 = [["第二十条第（一）项"], ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                ["规章", "0", "0", "0"], ["行政规范性文件", "3", "1", "12"]]
_HEADER3 = [["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
            ["自然人", "法人或其他组织", "总计"], ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]]
_HEADER4 = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]


def consistent_table3(layout: str) -> dict[str, list[int]]:
    """Seven figures per value row, every 勾稽关系 holding, most cells non-zero."""
    keys = RESULT_KEYS_2021 if layout == "2021" else RESULT_KEYS_2019
    rows: dict[str, list[int]] = {}
    for i, key in enumerate(keys):
        rows[key] = [(i + c) % 4 for c in range(6)]
    r7 = [sum(rows[k][c] for k in keys) for c in range(6)]
    forward = [c % 3 for c in range(6)]
    carried = [(c + 1) % 2 for c in range(6)]
    new = [r7[c] + forward[c] - carried[c] for c in range(6)]
    rows.update(new=new, carried=carried, r7=r7, forward=forward)
    return {k: v + [sum(v)] for k, v in rows.items()}


TABLE4 = [3, 1, 0, 1, 5, 2, 0, 1, 0, 3, 1, 0, 0, 1, 2]


def _rows3(layout: str, values: dict[str, list]) -> list[list[str]]:
    out: list[list[str]] = []
    for spec in ROWS_2021 if layout == "2021" else ROWS_2019:
        label = spec.label.split(" ")[-1]
        if not spec.values:
            group = spec.label
            out.append([group])
            continue
        out.append([label] + [str(v) for v in values[spec.key]])
    return out


def blocks(year: int, layout: str, table3: dict[str, list] | None = None,
           table4: list | None = None, table2_layout: str | None = None) -> list:
    """The report as paragraphs (str) and tables (lists of rows)."""
    table3 = table3 or consistent_table3(layout)
    table4 = table4 or TABLE4
    new_total, review_total = table3["new"][6], table4[4]
    return [
        f"某某县人民政府办公室{year}年政府信息公开工作年度报告",
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        "一、总体情况",
        f"{year}年，本办共收到政府信息公开申请{new_total}件，发生行政复议{review_total}件。"
        f"全年主动公开政府信息共120条，其中政策文件40条，工作动态70条，其他信息10条。",
        "二、主动公开政府信息情况",
        _TABLE2_2021 if (table2_layout or layout) == "2021" else _TABLE2_2019,
        "三、收到和处理政府信息公开申请情况",
        _HEADER3 + _rows3(layout, table3),
        "四、政府信息公开行政复议、行政诉讼情况",
        _HEADER4 + [[str(v) for v in table4]],
        "五、存在的主要问题及改进情况",
        "公开内容还不够全面，下一步将加强培训。",
        "六、其他需要报告的事项",
        "本年度未收取信息处理费。",
    ]


def render(parts: list, form: str) -> str:
    """The blocks flattened as ``form``: "pipe", "lines", "spaces", "tabs" or "html"."""
    lines: list[str] = []
    for part in parts:
        if isinstance(part, str):
            lines.append(f"<p>{html.escape(part)}</p>" if form == "html" else part)
            continue
        if form == "html":
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in part)
            lines.append(f"<table>{rows}</table>")
        elif form == "pipe":
            lines.append(" ".join(" | ".join(row) + " |" for row in part))
        elif form == "lines":
            lines.extend(cell for row in part for cell in row)
        elif form == "spaces":
            lines.extend(" ".join(row) for row in part)
        else:
            lines.extend("\t".join(row) for row in part)
    if form == "html":
        return "<html><body>" + "\n".join(lines) + "</body></html>"
    return "\n".join(lines) + "\n"


def write(parts: list, form: str, folder: Path, name: str = "年报") -> Path:
    """The report as a file of ``form`` ("docx", "html" or a text form)."""
    if form == "docx":
        return build_docx(folder / f"{name}.docx", parts)
    suffix = ".html" if form == "html" else ".txt"
    path = folder / f"{name}{suffix}"
    path.write_text(render(parts, form), encoding="utf-8")
    return path


def template_rows(layout: str, values: dict[str, list]) -> list[tuple[list[tuple[str, int, int]], list[int]]]:
    """Table 三 as the template draws it: (label cells as (text, rowspan,
    colspan), values) per row, with 三、本年度办理结果 and the （三）–（六）
    group labels spanning the rows they group."""
    specs = ROWS_2021 if layout == "2021" else ROWS_2019
    value_rows = [s for s in specs if s.values]
    in_results = [s for s in value_rows if s.key not in ("new", "carried", "forward")]
    out = []
    for spec in value_rows:
        label = spec.label.split(" ")[-1]
        cells: list[tuple[str, int, int]] = []
        if spec is in_results[0]:
            cells.append(("三、本年度办理结果", len(in_results), 1))
        group = spec.key.split(".")[0]
        if "." in spec.key:
            members = [s for s in value_rows if s.key.startswith(group + ".")]
            if spec is members[0]:
                cells.append((next(s.label for s in specs if s.key == group), len(members), 1))
            cells.append((label, 1, 1))
        elif spec.key in ("new", "carried", "forward"):
            cells.append((label, 1, 3))
        else:
            cells.append((label, 1, 2))
        out.append((cells, values[spec.key]))
    return out


def merged_html(year: int, layout: str, table3: dict[str, list] | None = None) -> str:
    """The report as an HTML page whose table 三 uses rowspan and colspan."""
    table3 = table3 or consistent_table3(layout)
    parts = blocks(year, layout, table3=table3)
    rows = []
    for cells, values in template_rows(layout, table3):
        tds = "".join(f'<td rowspan="{r}" colspan="{c}">{html.escape(t)}</td>' for t, r, c in cells)
        rows.append("<tr>" + tds + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
    table = "<table>" + "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in _HEADER3) \
        + "".join(rows) + "</table>"
    page = render(parts, "html")
    start = page.index("<table>", page.index("三、收到和处理政府信息公开申请情况"))
    end = page.index("</table>", start) + len("</table>")
    return page[:start] + table + page[end:]


def merged_docx(path: Path, year: int, layout: str, table3: dict[str, list] | None = None) -> Path:
    """The report as a .docx whose table 三 has merged cells, as Word's template does."""
    import docx

    table3 = table3 or consistent_table3(layout)
    parts = blocks(year, layout, table3=table3)
    d = docx.Document()
    for part in parts:
        if isinstance(part, str):
            d.add_paragraph(part)
            continue
        if part[0] and part[0][0].startswith("（本列数据"):
            rows = template_rows(layout, table3)
            table = d.add_table(rows=len(rows), cols=10)
            grid = [row.cells for row in table.rows]  # table.cell() rebuilds the grid each call
            merges = []
            taken: set[tuple[int, int]] = set()
            for r, (cells, values) in enumerate(rows):
                c = 0
                for text, rowspan, colspan in cells:
                    while (r, c) in taken:
                        c += 1
                    grid[r][c].text = text
                    if (rowspan, colspan) != (1, 1):
                        merges.append((grid[r][c], grid[r + rowspan - 1][c + colspan - 1]))
                    taken |= {(r + i, c + j) for i in range(rowspan) for j in range(colspan)}
                    c += colspan
                for i, v in enumerate(values):
                    grid[r][3 + i].text = str(v)
            for first, last in merges:
                first.merge(last)
            continue
        table = d.add_table(rows=len(part), cols=max(len(r) for r in part))
        for r, row in enumerate(part):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    d.save(str(path))
    return path
