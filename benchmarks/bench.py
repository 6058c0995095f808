"""screener's benchmark: throughput and start-up, as ratios against baselines
measured in the same run (issue 6).  Not a test; run it by hand:

    python benchmarks/bench.py            # full run (20 MB corpus, 100 MB memory check)
    python benchmarks/bench.py --quick    # 4 MB corpus, no 100 MB check

Figures (printed and, with --markdown, as a table for BENCHMARKS.md):
- MB/s of screener.screen_text over the corpus, all default detectors and lists;
- MB/s of jieba.lcut over the same text ("segment everything" baseline);
- MB/s of a bare pyahocorasick scan with the same list strings (the limit);
- cold wall time of `screen examples/clean.txt` / `examples/draft.txt` against
  `python -c "import jieba; jieba.initialize()"`;
- peak RSS of `screen` on a 100 MB draft;
- a folder of many drafts with --jobs 1 and --jobs 2.
MB means 10^6 bytes of UTF-8.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # generated test numbers (valid check digits)

import gen  # noqa: E402

SOURCES = [
    ROOT / "tests" / "fixtures" / "seed_2019_township_report.txt",
    ROOT / "examples" / "clean.txt",
]
# Terms injected at a realistic density: a few Xinhua-list hits per draft.
TERMS = ["村长", "黑人", "穷人", "台湾总统", "内部资料", "机密★10年", "大跃进", "最佳"]


def build_corpus(megabytes: float, seed: int = 7) -> str:
    """Realistic government text with a personal number about every 4 KB and a
    list term about every 3 KB (a name list or 公示 is denser, a report sparser)."""
    rnd = random.Random(seed)
    paragraphs = []
    for src in SOURCES:
        paragraphs += [p for p in src.read_text(encoding="utf-8").split("\n") if p.strip()]
    sentences = [s + "。" for p in paragraphs for s in p.split("。") if s.strip()]
    out: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    since_number = since_term = 0
    while size < target:
        s = rnd.choice(sentences)
        if since_number > 4000:
            kind = rnd.randrange(3)
            if kind == 0:
                s = f"户主某某，身份证号码：{gen.random_id(rnd)}，" + s
            elif kind == 1:
                s = f"联系电话：{gen.mobile('139', rnd.randrange(10**6))}。" + s
            else:
                s = f"咨询电话：0877-70{rnd.randrange(10**5):05d}。" + s
            since_number = 0
        if since_term > 3000:
            s = s[: len(s) // 2] + rnd.choice(TERMS) + s[len(s) // 2:]
            since_term = 0
        if rnd.random() < 0.08:
            s += "\n"
        out.append(s)
        n = len(s.encode("utf-8"))
        size += n
        since_number += n
        since_term += n
    return "".join(out)


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def list_strings() -> list[str]:
    """Every literal string of the built-in lists, for the bare-scan baseline."""
    try:
        from screener.wordlists import builtin_terms  # provided by the word-list package
        return sorted(set(builtin_terms()))
    except ImportError:
        return TERMS


def cold_start(args: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(args, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of a child process, in MB (GNU time's %M)."""
    time_bin = shutil.which("time") or "/usr/bin/time"
    if not os.path.exists(time_bin):
        return float("nan")
    with tempfile.NamedTemporaryFile("r") as out:
        subprocess.run([time_bin, "-f", "%M", "-o", out.name, *args], cwd=ROOT,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return int(out.read().strip().splitlines()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small corpus, skip the 100 MB check")
    ap.add_argument("--mb", type=float, default=None, help="corpus size in MB (default 20)")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    opts = ap.parse_args()
    mb = opts.mb or (4 if opts.quick else 20)
    rows: list[tuple[str, str]] = []

    def record(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name:<58} {value}", flush=True)

    record("python", platform.python_version())
    record("machine", f"{platform.machine()}, {os.cpu_count()} cores")
    text = build_corpus(mb)
    size_mb = len(text.encode("utf-8")) / 1e6
    record("corpus", f"{size_mb:.1f} MB, {len(text):,} characters")

    import screener

    screener.screen_text("预热：村长")  # load lists, build the automaton, start jieba
    t_screen = best_of(lambda: screener.screen_text(text), 2)
    n_findings = len(screener.screen_text(text).findings)
    record("screen_text, default detectors and lists", f"{size_mb / t_screen:.1f} MB/s ({n_findings} findings)")

    import ahocorasick

    automaton = ahocorasick.Automaton()
    for s in list_strings():
        automaton.add_word(s, s)
    automaton.make_automaton()
    t_scan = best_of(lambda: sum(1 for _ in automaton.iter(text)), 3)
    record(f"bare pyahocorasick scan ({len(automaton)} strings)", f"{size_mb / t_scan:.1f} MB/s")

    import jieba

    jieba.initialize()
    sample = text[: len(text) // 4]  # a quarter is enough for a stable rate
    sample_mb = len(sample.encode("utf-8")) / 1e6
    t_jieba = best_of(lambda: jieba.lcut(sample), 1)
    record("jieba.lcut (segment everything)", f"{sample_mb / t_jieba:.2f} MB/s")

    record("ratio screen_text / jieba.lcut", f"{(size_mb / t_screen) / (sample_mb / t_jieba):.0f}x  (target >= 50x)")
    record("ratio screen_text / bare scan", f"{t_scan / t_screen:.2f}x  (target >= 0.5x)")

    screen = [sys.executable, "-m", "screener"]
    t_jieba_cold = cold_start([sys.executable, "-c", "import jieba; jieba.initialize()"], 5)
    t_clean = cold_start([*screen, "examples/clean.txt"], 5)
    t_draft = cold_start([*screen, "examples/draft.txt"], 5)
    record("cold: python -c 'import jieba; jieba.initialize()'", f"{t_jieba_cold:.2f} s")
    record("cold: screen examples/clean.txt", f"{t_clean:.2f} s ({t_clean / t_jieba_cold:.2f}x, target < 1.5x)")
    record("cold: screen examples/draft.txt", f"{t_draft:.2f} s ({t_draft / t_jieba_cold:.2f}x, target < 1.5x)")

    with tempfile.TemporaryDirectory() as tmp:
        if not opts.quick:
            big = Path(tmp) / "big.txt"
            chunk = build_corpus(10, seed=11)
            with open(big, "w", encoding="utf-8") as fh:
                for _ in range(10):
                    fh.write(chunk)
            big_mb = big.stat().st_size / 1e6
            rss = peak_rss_mb([*screen, "--format", "json", str(big)])
            record(f"peak RSS, screen on a {big_mb:.0f} MB draft", f"{rss:.0f} MB  (target < 1024 MB)")
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        rnd = random.Random(3)
        for i in range(400):
            (folder / f"{i:04d}.txt").write_text(build_corpus(0.05, seed=rnd.randrange(10**6)), encoding="utf-8")
        t1 = cold_start([*screen, "--jobs", "1", str(folder)], 1)
        t2 = cold_start([*screen, "--jobs", "2", str(folder)], 1)
        record("folder of 400 drafts (20 MB): --jobs 1 / --jobs 2", f"{t1:.2f} s / {t2:.2f} s = {t1 / t2:.2f}x (target >= 1.7x)")

    if opts.markdown:
        print("\n| measure | result |\n|---|---|")
        for name, value in rows:
            print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
