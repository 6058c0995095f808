"""The rules of the annual-report checks (codes AR601–AR613): what each
checks, why, an example, the better wording and its source, as ``screen
rules`` and ``screen rule AR602`` show them.  Sources: the template text of
《中华人民共和国政府信息公开工作年度报告格式》 (国办公开办函〔2019〕60号 trial
format, 国办公开办函〔2021〕30号), 条例第四十九条、第五十条, domain notes §7.
"""
from __future__ import annotations

from ..annual.tables import find_sections, is_annual_report
from ..kinds import Kind
from ..model import Severity
from .base import Rule


def _is_annual_report(text: str) -> bool:
    return is_annual_report(text, find_sections(text))


# The kind these checks report: arithmetic of the report's own tables, never
# personal, and a check only of drafts that are annual reports.
KIND = Kind("annual-report", "年度报告核对", personal=False, rank=0, applies_to=_is_annual_report)
_KIND = KIND

_TEMPLATE = ("《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2019〕60号 试行格式；"
             "国办公开办函〔2021〕30号 修订格式）；《中华人民共和国政府信息公开条例》第四十九条、第五十条")
_HEADER = "表三表头原文：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”"


def _rule(code: str, name: str, severity: Severity, title: str, what: str, why: str, example: str,
          better: str, source: str = _TEMPLATE) -> Rule:
    return Rule(code=code, name=name, kind=_KIND, severity=severity, title=title,
                doc=f"检测内容：{what}\n风险说明：{why}\n示例：{example}\n建议写法：{better}", source=source)


_WHY = ("年度报告数据不准确，国办公开办函〔2021〕30号 要求依条例第四十七条追究责任；"
        "审核人员通常要用计算器逐格核对。")
FORMAT = _rule("AR601", "annual-trial-format", Severity.WARNING, "年度报告仍用2019年试行格式",
               "报告年度为2021年或以后，表二仍是试行格式的栏目（本年新制作数量、对外公开总数量、上一年项目数量、采购总金额），"
               "或表三“（六）其他处理”仍为一行（2021年格式分为三项）。",
               "自2021年度报告起应使用国办公开办函〔2021〕30号 修订格式（本年制发件数、本年废止件数、现行有效件数等）。",
               "2022年度报告的表二列“本年新制作数量｜本年新公开数量｜对外公开总数量”。",
               "按国办公开办函〔2021〕30号 格式重新制表。")
COLUMN = _rule("AR602", "annual-column-balance", Severity.ERROR, "表三本列勾稽关系不成立",
               "表三每一列（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）："
               "一、本年新收 + 二、上年结转 = 三（七）总计 + 四、结转下年度继续办理。",
               "这是模板表头印明的勾稽关系；不成立说明有数字填错。" + _WHY,
               "自然人列：新收 5 + 结转 1 = 6，但（七）总计 4 + 结转下年度 1 = 5。",
               "逐格核对该列数字，使两边相等。", _TEMPLATE + "；" + _HEADER)
RESULTS = _rule("AR603", "annual-results-total", Severity.ERROR, "表三（七）总计与各项办理结果之和不符",
                "表三每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）"
                "（2019年试行格式为一行，2021年格式为三个分项）。",
                "（二）部分公开只计一次，各项办理结果互不重复，其和即为总计。" + _WHY,
                "总计列：各项之和为 7，（七）总计填 8。", "核对各办理结果与总计。")
ROWSUM = _rule("AR604", "annual-row-total", Severity.ERROR, "表三总计列与六类申请人之和不符",
               "表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。",
               "总计列是各类申请人之和。" + _WHY, "第1行：自然人 3、商业企业 1，其余为 0，总计却填 5。",
               "核对该行各格与总计。")
CELL = _rule("AR605", "annual-cell", Severity.ERROR, "表格中一个数字使所在行、列的关系都不成立",
             "某一格数字同时使两项以上关系（本行总计、本列勾稽关系、正文所述数字、上年结转）不成立，"
             "且只要改正这一格，各项关系就都成立：问题就在这一格。",
             "一格填错会同时打破行和列的核对，逐项报告反而难找；这里直接指出该格及应有的数字。" + _WHY,
             "表三 第1行「一、本年新收」自然人列填 6：本行各列之和 6 ≠ 总计 5，自然人列 6+0 ≠ 5+0；若为 5 则都成立。",
             "核对并改正该格。", _TEMPLATE + "；" + _HEADER)
NOT_INTEGER = _rule("AR606", "annual-cell-not-integer", Severity.WARNING, "表格中有空白、“/”或非整数",
                    "表三、表四的每一格应为非负整数（0 也要填写）：“/”、文字、负数或小数逐格报告，该格所在关系不核对；"
                    "空白格按 0 核对，每表报告一次；整表未填数字也报告。",
                    "空白格无法核对，读者也无从知道是 0 还是漏填；模板要求各栏如实填报。",
                    "表三 第3行「（一）予以公开」科研机构列填“/”。", "填写 0 或实际件数。")
REVIEW = _rule("AR607", "annual-review-total", Severity.ERROR, "表四 结果维持+结果纠正+其他结果+尚未审结 与总计不符",
               "表四的行政复议、未经复议直接起诉、复议后起诉三组：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计。",
               "总计是四种结果之和。" + _WHY, "行政复议：维持 2 + 纠正 1 + 其他 0 + 尚未审结 0 = 3，总计填 2。",
               "核对该组各格与总计。")
PROSE_TOTAL = _rule("AR608", "annual-stated-total", Severity.WARNING, "正文所述总数与所列分项之和不符",
                    "“公布各类信息共230条，主要有：政务信息45条，……”一类句子：分项之和应等于总数。"
                    "用“其中”“主要有”引出且未列“其他”的，只在分项之和超过总数时报告；“3000余份”等约数不核对。",
                    "正文数字与其自身分项矛盾，读者会质疑整篇报告的准确性。" + _WHY,
                    "共230条，主要有：政务信息45条，……最新公开信息1条（分项之和 231）。", "核对总数或分项。")
REPEAT = _rule("AR609", "annual-repeated-item", Severity.INFO, "列举中同一项出现两次",
               "“包括以下栏目：政务信息、机构职能、财政预算决算、机构职能……”一类列举中，同一项写了两次。",
               "重复列举显得不严谨，也可能漏写了原本要写的另一项。",
               "栏目：政务信息、机构职能、财政预算决算、机构职能。", "删去重复项或补上遗漏项。")
OVERVIEW = _rule("AR610", "annual-overview-vs-table", Severity.WARNING, "总体情况所述数字与表格不符",
                 "总体情况中“新收申请N件”“上年结转N件”“结转下年度N件”“行政复议N件”“行政诉讼N件”与表三、表四的总计比较。",
                 "正文与表格矛盾，必有一处不准确。" + _WHY, "总体情况写“收到政府信息公开申请12件”，表三第1行总计为 11。",
                 "核对后使正文与表格一致。")
YEAR = _rule("AR611", "annual-year", Severity.WARNING, "报告年度与所述期间不一致",
             "报告年度（标题、统计期限或总体情况开头所写年份）与统计期限的起止年份不同，统计期限不止于12月31日，"
             "或总体情况中以另一年份开头叙述本年工作。",
             "年度报告应报告公历一整年（条例第四十九条、第五十条）；年份写错会让全部数字张冠李戴。",
             "2019年度报告中写“2018年，我乡主动公开……”，或“统计期限自2020年1月1日至12月21日”。",
             "改正年份或统计期限。")
CARRY = _rule("AR612", "annual-carry-over", Severity.WARNING, "本年“上年结转”与上年报告“结转下年度”不符",
              "给出上年报告（--previous 上年报告）时：本年表三“二、上年结转政府信息公开申请数量”每列应等于上年表三“四、结转下年度继续办理”。",
              "上年结转下来的申请就是本年的上年结转；不等说明有一年的数字不对（模板未印明此关系，作为警告）。",
              "上年结转下年度 3 件，本年上年结转写 2 件。", "核对两年的报告。")
UNREAD = _rule("AR613", "annual-unread-row", Severity.INFO, "表格某行数字个数不符，未核对",
               "表三某行读到的数字不是7个，或表四不是15个，无法对应到各列，该行（表）的勾稽关系没有核对。",
               "没核对的不能当作没问题：请人工核对该行，或检查表格是否有合并、缺格。",
               "表三 第5行读到 6 个数。", "按模板每格填一个数。")
RULES = (FORMAT, COLUMN, RESULTS, ROWSUM, CELL, NOT_INTEGER, REVIEW, PROSE_TOTAL, REPEAT, OVERVIEW, YEAR,
         CARRY, UNREAD)
