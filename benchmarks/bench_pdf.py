"""How long screener takes on a 50-page PDF, against the PDF reader's own
read of the same file in the same run.  Not a test; run it by hand:

    python benchmarks/bench_pdf.py            # 50 pages, best of 7 rounds
    python benchmarks/bench_pdf.py --pages 200 --rounds 3

The PDF is written by the tests' own writer (tests/pdf_factory.py, a Type0
font with Identity-H and ToUnicode, as Word and WPS export): pages of 40
lines of about 35 characters cut from the seed township report, every fifth
page a 公示 table of 20 households (generated ID and mobile numbers, valid
check digits, the IDs wrapped across two lines as in a narrow cell), every
tenth page with a seal picture, and one scanned page.  Three timings,
interleaved round by round (bench.best_interleaved: the machine's speed
drifts), best of N:

- **pdfium read** (the baseline): pypdfium2 opens the bytes and extracts the
  text of every page — the least any reader of this PDF must do;
- **load**: screener's PDF loader (the same, plus picture checks, the soft
  line-break joining, document info);
- **screen_file**: load plus every detector and list: what `screen file.pdf`
  does apart from start-up and printing.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import gen  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402
from bench import best_interleaved, revision  # noqa: E402
from pdf_factory import Page, build_pdf  # noqa: E402

from screener import screen_file  # noqa: E402
from screener.loaders import load  # noqa: E402

SEED = Path("/work/shared/seeds/000_6698c9757fbfa1c5.txt")
FALLBACK = "我乡认真执行《中华人民共和国政府信息公开条例》规定，高度重视政务信息公开工作，加强组织领导。"


def build(pages: int) -> bytes:
    rnd = random.Random(7)
    source = SEED.read_text(encoding="utf-8") if SEED.exists() else FALLBACK * 200
    source = "".join(source.split())
    out = []
    for n in range(1, pages + 1):
        lines = []
        if n % 5 == 0:
            lines.append((50, 800, "农村低保对象公示（第%d批）" % n))
            for row in range(20):
                ident = gen.random_id(rnd)
                y = 780 - row * 36
                lines += [(50, y, f"{row + 1} 李某{row} {ident[:10]}"), (50, y - 14, f"{ident[10:]} {gen.mobile(seed=row + n)}")]
        else:
            for row in range(40):
                start = rnd.randrange(0, max(1, len(source) - 40))
                lines.append((50, 800 - row * 19, source[start:start + 35]))
        out.append(Page(lines, image=(n % 10 == 0)))
    out[pages // 2] = Page(image=True)  # one scanned page
    return build_pdf(out, info={"title": "公示", "author": "平掌乡人民政府"})


def pdfium_read(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    total = 0
    for page in pdf:
        textpage = page.get_textpage()
        total += len(textpage.get_text_range())
        textpage.close()
        page.close()
    pdf.close()
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    data = build(args.pages)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "公示.pdf"
        path.write_bytes(data)
        report = screen_file(path)
        chars = len(report.files[0].document.text)
        kinds = report.summary()
        best = best_interleaved({
            "pdfium read": lambda: pdfium_read(data),
            "load": lambda: load(path),
            "screen_file": lambda: screen_file(path),
        }, args.rounds)
    print(f"revision {revision()}  pdfium {pdfium.PDFIUM_INFO.version}")
    print(f"{args.pages} pages, {len(data) / 1e6:.2f} MB, {chars} characters extracted; findings {kinds}")
    base = best["pdfium read"]
    for name, seconds in best.items():
        print(f"{name:12s} {seconds * 1000:8.1f} ms  {seconds / base:5.2f}x the reader's own read"
              f"  {seconds / args.pages * 1000:6.2f} ms/page")


if __name__ == "__main__":
    main()
