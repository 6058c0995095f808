"""The national template's fixed texts: section headings, table-三 rows and
columns, table-四 columns, and the words that tell the 2019 trial layout
(国办公开办函〔2019〕60号) from the 2021 layout (国办公开办函〔2021〕30号).

Source: domain notes §7 (domain.md) and §5 (domain-next.md), which copy the
template texts.  Patterns allow ASCII or full-width brackets and dots and
spaces inside, as flattened government pages print them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_L = r"[(（]\s*"  # an opening bracket
_R = r"\s*[)）]\s*"  # a closing bracket
_D = r"\s*[.．、]\s*"  # the dot after 1. 2. ...
_C = r"\s*[、.．]\s*"  # the 、 after 一 二 ...

# The six section headings (条例第五十条; both layouts).
SECTIONS: tuple[tuple[str, str, re.Pattern[str]], ...] = tuple(
    (key, label, re.compile(pattern))
    for key, label, pattern in (
        ("s1", "一、总体情况", rf"一{_C}总\s*体\s*情\s*况"),
        ("s2", "二、主动公开政府信息情况", rf"二{_C}主动公开政府信息情况"),
        ("s3", "三、收到和处理政府信息公开申请情况", rf"三{_C}收到和处理政府信息公开申请情况"),
        ("s4", "四、政府信息公开行政复议、行政诉讼情况", rf"四{_C}(?:因)?政府信息公开(?:申请)?行政复议"),
        ("s5", "五、存在的主要问题及改进情况", rf"五{_C}存在(?:的)?(?:主要)?问题"),
        ("s6", "六、其他需要报告的事项", rf"六{_C}其他需要报告的事项"),
    )
)
TITLE = re.compile(r"信息公开(?:工作)?年度报告|本(?:年度)?报告中?所列数据的统计期限")

# Table 三 columns, in the order the value cells of every row arrive.
COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计")
APPLICANTS = COLUMNS[:6]
TOTAL = 6


@dataclass(frozen=True, slots=True)
class RowSpec:
    """One row label of table 三; ``values`` is False for a label that only
    groups the rows under it (三、本年度办理结果, （三）不予公开 …)."""

    key: str
    label: str
    pattern: re.Pattern[str]
    values: bool = True


def _row(key: str, label: str, pattern: str, values: bool = True) -> RowSpec:
    return RowSpec(key, label, re.compile(pattern), values)


_HEAD = (
    _row("new", "一、本年新收政府信息公开申请数量", rf"一{_C}本年新收"),
    _row("carried", "二、上年结转政府信息公开申请数量", rf"二{_C}上年结转"),
    _row("results", "三、本年度办理结果", rf"三{_C}本年度办理结果", values=False),
    _row("r1", "（一）予以公开", rf"{_L}一{_R}予以公开"),
    _row("r2", "（二）部分公开", rf"{_L}二{_R}部分公开(?:\s*[(（][^)）]{{0,40}}[)）])?"),
    _row("r3", "（三）不予公开", rf"{_L}三{_R}不予公开", values=False),
) + tuple(
    _row(f"r3.{i}", f"（三）不予公开 {i}.{text}", rf"{i}{_D}{pat}")
    for i, text, pat in (
        (1, "属于国家秘密", "属于国家秘密"),
        (2, "其他法律行政法规禁止公开", "其他法律行政法规禁止公开"),
        (3, "危及“三安全一稳定”", "危及"),
        (4, "保护第三方合法权益", "保护第三方合法权益"),
        (5, "属于三类内部事务信息", "属于三类内部事务信息"),
        (6, "属于四类过程性信息", "属于四类过程性信息"),
        (7, "属于行政执法案卷", "属于行政执法案卷"),
        (8, "属于行政查询事项", "属于行政查询事项"),
    )
) + (_row("r4", "（四）无法提供", rf"{_L}四{_R}无法提供", values=False),) + tuple(
    _row(f"r4.{i}", f"（四）无法提供 {i}.{text}", rf"{i}{_D}{text}")
    for i, text in ((1, "本机关不掌握相关政府信息"), (2, "没有现成信息需要另行制作"), (3, "补正后申请内容仍不明确"))
) + (_row("r5", "（五）不予处理", rf"{_L}五{_R}不予处理", values=False),) + tuple(
    _row(f"r5.{i}", f"（五）不予处理 {i}.{text}", rf"{i}{_D}{text}")
    for i, text in ((1, "信访举报投诉类申请"), (2, "重复申请"), (3, "要求提供公开出版物"),
                    (4, "无正当理由大量反复申请"), (5, "要求行政机关确认或重新出具已获取信息"))
)
_TAIL = (
    _row("r7", "（七）总计", rf"{_L}七{_R}总计"),
    _row("forward", "四、结转下年度继续办理", rf"四{_C}结转下年度继续办理"),
)
ROWS_2019 = _HEAD + (_row("r6", "（六）其他处理", rf"{_L}六{_R}其他处理"),) + _TAIL
ROWS_2021 = _HEAD + (
    _row("r6", "（六）其他处理", rf"{_L}六{_R}其他处理", values=False),
    _row("r6.1", "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
         rf"1{_D}申请人无正当理由逾期不补正"),
    _row("r6.2", "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
         rf"2{_D}申请人逾期未按收费通知要求缴纳费用"),
    _row("r6.3", "（六）其他处理 3.其他", rf"3{_D}其他"),
) + _TAIL
# The rows whose sum is （七）总计: every value row between 三、 and （七）.
RESULT_KEYS_2019 = tuple(r.key for r in ROWS_2019 if r.values and r.key not in ("new", "carried", "r7", "forward"))
RESULT_KEYS_2021 = tuple(r.key for r in ROWS_2021 if r.values and r.key not in ("new", "carried", "r7", "forward"))

# Table 四: three groups of five columns, the fifth the group's 总计.
REVIEW_GROUPS = ("行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）")
REVIEW_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
REVIEW_HEADER = re.compile(r"结果维持|结果纠正|其他结果|尚未审结|总计|未经复议直接起诉|复议后起诉|行政复议|行政诉讼")

# Layout markers: table 二's column names (and table 三's （六） sub-rows) differ.
MARKERS_2019 = re.compile(r"本年新制作数量|本年新\s*制作数量|对外公开总数量|上一年项目数量|采购总金额")
MARKERS_2021 = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年处理决定数量|本年收费金额|申请人无正当理由逾期不补正")
