"""Benchmark: screen one folder of many small drafts with the CLI.

Builds N files (default 10,000: 80 % .txt, 15 % .html, 5 % .docx, a few
with e-mail addresses, in 100 sub-folders) in a temporary folder, then runs
``python -m screener FOLDER --format json --jobs J`` for each J given and
prints the wall time and the peak memory of the largest process.

    PYTHONPATH=. python benchmarks/batch_folder.py --files 10000 --jobs 1 2
"""
from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_TEXT = "关于{n}号村道维修工程的公示\n根据工作安排，现将有关事项公示如下。{extra}\n特此公示。\n"
_HTML = "<html><body><h1>公示{n}</h1><p>现将有关事项公示如下。{extra}</p></body></html>"


def _docx_bytes() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("关于道路维修的公示")
    d.add_table(rows=2, cols=2).cell(1, 1).text = "联系人 wang@example.com"
    d.sections[0].header.paragraphs[0].text = "某某镇人民政府"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def build(folder: Path, count: int) -> None:
    docx_data = _docx_bytes()
    for n in range(count):
        sub = folder / f"{n % 100:02d}"
        sub.mkdir(exist_ok=True)
        extra = f"如有异议请发邮件至 user{n}@example.com。" if n % 50 == 0 else ""
        if n % 20 == 0:
            (sub / f"{n}.docx").write_bytes(docx_data)
        elif n % 7 == 0:
            (sub / f"{n}.html").write_text(_HTML.format(n=n, extra=extra), encoding="utf-8")
        else:
            (sub / f"{n}.txt").write_text(_TEXT.format(n=n, extra=extra), encoding="utf-8")


def run(folder: Path, jobs: int) -> tuple[float, int, int]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "screener", str(folder), "--format", "json", "--jobs", str(jobs)],
                          env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, proc.returncode, peak_kb


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        build(folder, args.files)
        print(f"built {args.files} files in {time.perf_counter() - t:.1f} s")
        for jobs in args.jobs:
            elapsed, code, peak_kb = run(folder, jobs)
            print(f"--jobs {jobs}: {elapsed:.1f} s wall, {args.files / elapsed:.0f} files/s, "
                  f"exit {code}, peak RSS so far {peak_kb // 1024} MB")


if __name__ == "__main__":
    main()
