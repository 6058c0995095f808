"""Pages per second of OCR (the ``ocr`` extra) on this machine.  Not a test;
run it by hand, with the extra installed:

    python benchmarks/bench_ocr.py              # 4 scanned A4 pages, best of 3 rounds
    python benchmarks/bench_ocr.py --pages 10 --rounds 2

A scanned 公示 page: A4 at 150 dpi (1240 × 1754 pixels, a typical office
scan), a title and 30 lines of households (name, generated ID with a valid
check digit, mobile) in Noto Sans CJK 24 px, saved as an image-only PDF of
N pages (Pillow) and as one JPEG page.  Timings, best of N rounds:

- **engine start**: importing RapidOCR and loading its three models (once
  per process: the first picture of a run pays it);
- **pdf**: ``screen_file`` on the N-page scanned PDF (render each page at
  200 dpi, recognise, screen), as pages per second;
- **jpg**: ``screen_file`` on the one-page JPEG.
"""
from __future__ import annotations

import argparse
import glob
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

import gen  # noqa: E402
from bench import revision  # noqa: E402

from screener import screen_file  # noqa: E402


def _font() -> str:
    found = sorted(glob.glob("/usr/share/fonts/**/NotoSansCJK-Regular.ttc", recursive=True))
    if not found:
        sys.exit("no CJK font (apt-get install fonts-noto-cjk)")
    return found[0]


def page(number: int):
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(_font(), 24, index=2)
    image = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(image)
    draw.text((120, 100), f"平掌乡2026年城乡最低生活保障对象公示（第{number}页）", fill="black", font=font)
    import random

    rnd = random.Random(number)
    for i in range(30):
        row = f"{i + 1}. 李某某，{gen.random_id(rnd)}，{gen.mobile('139', seed=rnd.randrange(10**6))}"
        draw.text((120, 170 + 48 * i), row, fill="black", font=font)
    return image


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    from screener.ocr import engine

    engine._engine()
    start = time.perf_counter() - started
    pages = [page(n) for n in range(1, args.pages + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        pdf, jpg = Path(tmp) / "scan.pdf", Path(tmp) / "scan.jpg"
        out = io.BytesIO()
        pages[0].save(out, "PDF", resolution=150, save_all=True, append_images=pages[1:])
        pdf.write_bytes(out.getvalue())
        pages[0].save(jpg, "JPEG", quality=80)
        times: dict[str, float] = {}
        found: dict[str, int] = {}
        for _ in range(args.rounds):
            for name, path in (("pdf", pdf), ("jpg", jpg)):
                t = time.perf_counter()
                report = screen_file(path)
                times[name] = min(times.get(name, 1e9), time.perf_counter() - t)
                found[name] = sum(f.kind == "id-card" for f in report.findings)
    pps = args.pages / times["pdf"]
    print(f"| {time.strftime('%Y-%m-%d')} | {revision()} | {start:.1f} s | {args.pages} pages: {times['pdf']:.1f} s "
          f"({pps:.2f} pages/s) | {times['jpg']:.1f} s | {found['pdf']}/{30 * args.pages} IDs, "
          f"{found['jpg']}/30 IDs |")


if __name__ == "__main__":
    main()
