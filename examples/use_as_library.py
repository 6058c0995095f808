"""Using screener from a publishing tool: screen a draft before it goes online.

Run: python examples/use_as_library.py
"""
from pathlib import Path

from screener import Severity, screen_file, screen_text

draft = Path(__file__).with_name("draft.txt")
report = screen_file(draft)

for f in report.findings:
    # f.masked is safe to show or log; f.text is the raw value, keep it in memory only.
    print(f"{f.line}:{f.column} {f.severity.label} {f.code} {f.kind} {f.masked} — {f.message}")
    print(f"    why: {f.why}")

blocking = [f for f in report.findings if f.severity >= Severity.WARNING]
print("可以发布" if not blocking else f"需处理 {len(blocking)} 处后再发布")

# A CMS can also screen text straight from its editor, and store the JSON contract.
snippet = screen_text("咨询电话：0877-7012345")
print(snippet.to_dict())
