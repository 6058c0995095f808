"""What a file carries beyond its text: the loader's notices as findings.

A .docx can hold tracked changes and comments, which are published with the
file (a reader turns on 显示标记 and sees deleted text and every comment), and
pictures or embedded objects whose text no detector can read.  The loader
records these as notices (loaders/notices.py); this detector reports each one
as a finding anchored at the end of the draft (after every finding in
the text, which keeps their order), so the report, the JSON and
the exit code all say the file is not ready to publish as it is.

The kinds are not personal: their message names counts and places, never a
value from the draft.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..config import Config
from ..document import Document
from ..kinds import Kind
from ..model import WHOLE_FILE, Explanation, Finding, Severity
from .base import Rule, make_finding
from .unchecked import UNCHECKED

# Tracked changes and comments (not personal); listed on a sheet only where found.
REVISION = Kind("revision", "修订与批注", personal=False, rank=0, applies_to=lambda text: False)
KINDS = (REVISION, UNCHECKED)

_SOURCE = ("《政府信息公开条例》第十九条至第二十一条（主动公开的内容须经审查）；"
           "GB/T 35273-2020《个人信息安全规范》3.14（去标识化须覆盖全部载体）")
RULES = (
    Rule(code="DX801", name="tracked-changes-comments", kind=REVISION, severity=Severity.WARNING,
         title="修订与批注未清理",
         doc="检测内容：Word 稿件中的修订（插入、删除、移动）和批注。风险说明：修订和批注随文件发布，"
             "被删除的文字、批注里的内部意见都能被读者看到。示例：删除的身份证号仍在修订记录中。"
             "建议写法：发布前接受或拒绝全部修订、删除全部批注，或用 --final-copy 生成发布稿。",
         source=_SOURCE),
    Rule(code="DX802", name="pictures-unchecked", kind=UNCHECKED, severity=Severity.WARNING,
         title="图片中的文字无法检查",
         doc="检测内容：Word 稿件中插入的图片和嵌入对象。风险说明：扫描件、截图中的身份证号、手机号"
             "无法自动识别。建议写法：逐一人工核对所列图片，或改用文字稿。",
         source=_SOURCE),
    Rule(code="DX803", name="embedded-unread", kind=UNCHECKED, severity=Severity.WARNING,
         title="嵌入文档无法读取",
         doc="检测内容：Word 稿件中以 altChunk 方式嵌入、格式无法读取的文档。风险说明：其内容会随文件"
             "显示和发布，却未经检查。建议写法：在 Word 中打开后另存，使嵌入内容成为正文，再检查。",
         source=_SOURCE),
)
_BY_CODE = {rule.code: rule for rule in RULES}


def detect(doc: Document, config: Config) -> Iterator[Finding]:
    for notice in getattr(doc, "notices", ()):
        rule = _BY_CODE.get(notice.code)
        if rule is None:
            continue
        end = len(doc.text)
        finding = make_finding(doc, rule, end, end, message=notice.message, suggestion=notice.suggestion,
                               explanation=Explanation(rule=f"{rule.code} {rule.title}"))
        yield replace(finding, location=WHOLE_FILE)
