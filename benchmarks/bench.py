"""screener's benchmark: the figures that prove or disprove issue 18's
targets, on real government text, as ratios against baselines timed in the
same run.  Not a test; one command runs it all (under ten minutes on the
project's 2-core machine):

    python benchmarks/bench.py --markdown           # the full run
    python benchmarks/bench.py --quick --markdown   # a short run (about two minutes)
    python benchmarks/bench.py --only text --only folder   # some sections again
    python benchmarks/bench.py --corpus DIR --seed FILE    # other real texts

Corpora (benchmarks/real.py; MB = 10^6 bytes of UTF-8):

- **real**: the shared corpus of published government texts
  (../shared/corpus/texts) repeated to 20 MB: the corpus the targets are
  judged on;
- **dense 公示**: examples/draft.txt repeated (IDs, mobiles, cards on every line);
- **seed**: the seed township annual report repeated;
- **no digits**: the real texts with every digit removed;
- **stress (generated)**: benchmarks/corpus.py's dense stress corpus
  (generated numbers every 4 KB, a list term every 3 KB): a worst case, not
  real text.

For each corpus the same run times, round by round and in turn:
``screener.screen_text`` (every default detector and list), and three
baselines over the same text: ``jieba.lcut`` (on the first 0.5 MB), the bare
automaton walk over the lists (``Matcher.walk``, the ahocorasick-rs DFA the
term detector uses, over the view it walks), and a bare ``regex`` digit-run
scan (``[0-9]+`` over the normalised text, nothing done per run).  A ratio is
the median of the per-round ratios: both sides ran within seconds of each
other, so the drift of a shared machine largely cancels.

Then: the per-detector breakdown (breakdown.py: cost per finding and per
rejected candidate), cold start of ``screen`` against
``python -c "import jieba; jieba.initialize()"`` (whole processes), peak RSS
of ``screen`` and ``screen --format json`` on a 100 MB draft (a child
process's getrusage), ``--jobs 1`` against ``--jobs 2`` on a folder of
2,000 real drafts, a 10,000-row spreadsheet and a 50-page PDF against their
reader libraries' own read time.
"""
from __future__ import annotations

import argparse
import collections
import datetime
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import real  # noqa: E402

SCREEN = [sys.executable, "-m", "screener"]
JIEBA_COLD = [sys.executable, "-c", "import jieba; jieba.initialize()"]


# -- timing helpers ----------------------------------------------------------

def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def timed_rounds(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    """Each function's time in each of ``rounds`` rounds, every round running
    every function once, in turn."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return times


def best_interleaved(fns: dict, rounds: int) -> dict:
    """The best time of each function over ``rounds`` rounds run in turn
    (kept for bench_pdf.py and breakdown.py)."""
    return {name: min(ts) for name, ts in timed_rounds(fns, rounds).items()}


def median_ratio(num: list[float], den: list[float]) -> float:
    """The median over rounds of num[i] / den[i]."""
    return statistics.median(a / b for a, b in zip(num, den))


def spread(values: list[float]) -> str:
    return f"{min(values):.2f}–{max(values):.2f}"


def forget_number_verdicts() -> None:
    """Empty the cache keyed by a number's digits (phonenumbers' verdict per
    number): the corpus is screened several times, and a later run must not
    be flattered by what an earlier one looked up."""
    from screener.detectors import phones

    phones.number_type.cache_clear()


def screen_afresh(screener, text: str):
    """screen_text() after forget_number_verdicts()."""
    forget_number_verdicts()
    return screener.screen_text(text)


def run_child(args: list[str]) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run(args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of one child process, in MB (getrusage of a
    fresh wrapper process, so no earlier child counts)."""
    code = ("import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


_SPIN = "x = 0\nfor i in range(15_000_000): x += i"


def parallel_capacity() -> float:
    """How much faster two CPU-bound processes finish than one after the
    other, right now: the most --jobs 2 can gain on this shared machine."""
    one = best_of(lambda: subprocess.run([sys.executable, "-c", _SPIN], check=True), 1)

    def two():
        procs = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(2)]
        for p in procs:
            p.wait()
    return 2 * one / best_of(two, 1)


def revision() -> str:
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


class Run:
    """What one run records: rows of (measure, result), and the targets."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str]] = []
        self.targets: list[tuple[str, str, str]] = []

    def record(self, name: str, value: str) -> None:
        self.rows.append((name, value))
        print(f"{name:<66} {value}", flush=True)

    def target(self, what: str, figure: str, met: bool, bound: str = "") -> None:
        self.targets.append((what, figure, ("yes" if met else "**no**") + (f": {bound}" if bound and not met else "")))

    def markdown(self) -> str:
        out = ["| measure | result |", "|---|---|"]
        out += [f"| {n.strip()} | {v} |" for n, v in self.rows]
        out += ["", "| target | figure in this run | met? |", "|---|---|---|"]
        out += [f"| {w} | {f} | {m} |" for w, f, m in self.targets]
        return "\n".join(out) + "\n"


# -- the text corpora ----------------------------------------------------------

def judge_text(run: Run, label: str, text: str, rounds: int, jieba_mb: float) -> dict[str, float]:
    """screen_text on ``text`` against jieba.lcut, the bare walk and the bare
    digit scan, round by round; returns the median ratios."""
    import jieba
    import regex

    import screener
    from screener.document import Document
    from screener.traditional import simplified
    from screener.wordlists import STATS, list_set

    size_mb = len(text.encode("utf-8")) / 1e6
    STATS.reset()
    n_findings = len(screen_afresh(screener, text).findings)
    seg_chars, seg_calls = STATS.chars, STATS.calls
    doc = Document(text)
    view = simplified(doc)  # what the term detector walks
    norm = doc.normalized
    matcher = list_set().matcher
    digits = regex.compile("[0-9]+")
    sample = text
    if size_mb > jieba_mb:
        sample = text[: int(len(text) * jieba_mb / size_mb)]
    sample_mb = len(sample.encode("utf-8")) / 1e6
    times = timed_rounds({
        "screen": lambda: screen_afresh(screener, text),
        "walk": lambda: collections.deque(matcher.walk(view), maxlen=0),
        "digits": lambda: collections.deque(digits.finditer(norm), maxlen=0),
        "jieba": lambda: jieba.lcut(sample),
    }, rounds)
    t_screen = statistics.median(times["screen"])
    jieba_per_mb = [t / sample_mb for t in times["jieba"]]
    screen_per_mb = [t / size_mb for t in times["screen"]]
    ratios = {
        "jieba": median_ratio(jieba_per_mb, screen_per_mb),
        "walk": median_ratio(times["walk"], times["screen"]),
        "digits": median_ratio(times["digits"], times["screen"]),
    }
    run.record(f"[{label}] size", f"{size_mb:.1f} MB, {len(text):,} characters")
    run.record(f"[{label}] screen_text, default detectors and lists",
               f"{size_mb / t_screen:.1f} MB/s (median {t_screen:.2f} s; {n_findings} findings; "
               f"jieba given {seg_chars:,} characters in {seg_calls:,} windows)")
    run.record(f"[{label}] jieba.lcut ({sample_mb:.1f} MB of it)",
               f"{sample_mb / statistics.median(times['jieba']):.2f} MB/s")
    run.record(f"[{label}] bare automaton walk ({matcher.strings} strings, ahocorasick-rs DFA)",
               f"{size_mb / statistics.median(times['walk']):.1f} MB/s")
    run.record(f"[{label}] bare regex digit-run scan ([0-9]+)",
               f"{size_mb / statistics.median(times['digits']):.1f} MB/s")
    per_round = [a / b for a, b in zip(jieba_per_mb, screen_per_mb)]
    run.record(f"[{label}] RATIO screen_text / jieba.lcut",
               f"{ratios['jieba']:.1f}x (rounds {min(per_round):.1f}–{max(per_round):.1f})")
    run.record(f"[{label}] RATIO screen_text / bare walk", f"{ratios['walk']:.3f}x")
    run.record(f"[{label}] RATIO screen_text / bare digit scan", f"{ratios['digits']:.3f}x")
    return ratios


def text_section(run: Run, opts, texts) -> None:
    mb, rounds = opts.mb, opts.rounds
    jieba_mb = 0.25 if opts.quick else 0.5
    from corpus import build_corpus

    real_ratios = judge_text(run, "real", real.real(texts, mb), rounds, jieba_mb)
    run.target("real text ≥ 50× jieba.lcut", f"{real_ratios['jieba']:.1f}×", real_ratios["jieba"] >= 50,
               "the breakdown on the real corpus: judging and building each office number's finding "
               "one by one, then the passes every draft pays over every character")
    run.target("real text ≥ 0.25× the bare automaton walk", f"{real_ratios['walk']:.3f}×",
               real_ratios["walk"] >= 0.25, "the same breakdown: the passes over every character alone "
               "(normalise, the 繁体 view, the digit scan) cost several walks")
    dense_ratios = judge_text(run, "dense 公示 (examples/draft.txt)", real.dense(mb / 4), rounds, jieba_mb)
    run.target("dense 公示 ≥ 10× jieba.lcut", f"{dense_ratios['jieba']:.1f}×", dense_ratios["jieba"] >= 10,
               "the breakdown on the dense 公示: nearly every line holds personal numbers, "
               "each judged, owned, masked and explained one by one")
    judge_text(run, "seed annual report", real.seed(opts.seed, mb / 4), rounds, jieba_mb)
    judge_text(run, "no digits (real texts, digits removed)", real.no_digits(texts, mb / 4), rounds, jieba_mb)
    judge_text(run, "stress, generated (corpus.build_corpus)", build_corpus(mb / 4), rounds, jieba_mb)


def breakdown_section(run: Run, opts, texts) -> None:
    import breakdown

    text = real.real(texts, opts.mb / 4)
    run.record("breakdown on the real corpus", f"{len(text.encode('utf-8')) / 1e6:.1f} MB; each stage on its own, "
               "median of rounds")
    for name, value in breakdown.report(text, max(3, opts.rounds - 2)):
        run.record(name, value)
    # the dense 公示's bound is its cost per finding: the same breakdown there
    dense = real.dense(opts.mb / 16)
    run.record("breakdown on the dense 公示", f"{len(dense.encode('utf-8')) / 1e6:.2f} MB; each stage on its own, "
               "median of rounds")
    for name, value in breakdown.report(dense, max(3, opts.rounds - 2)):
        run.record(name, value)


def cold_section(run: Run, opts) -> None:
    """Wall time of a fresh `screen` against a fresh jieba.initialize()."""
    cmds = {"jieba": JIEBA_COLD, "clean": [*SCREEN, "examples/clean.txt"], "draft": [*SCREEN, "examples/draft.txt"]}
    times = timed_rounds({k: (lambda a=a: run_child(a)) for k, a in cmds.items()}, opts.rounds + 4)
    run.record("cold: python -c 'import jieba; jieba.initialize()'", f"{statistics.median(times['jieba']):.2f} s (median)")
    worst = 0.0
    for name in ("clean", "draft"):
        ratio = median_ratio(times[name], times["jieba"])
        worst = max(worst, ratio)
        run.record(f"RATIO cold: screen examples/{name}.txt / jieba cold",
                   f"{statistics.median(times[name]):.2f} s = {ratio:.2f}x (rounds {spread([a / b for a, b in zip(times[name], times['jieba'])])})")
    run.target("cold start ≤ 0.5× jieba.initialize()", f"{worst:.2f}× (the slower of clean.txt, draft.txt)", worst <= 0.5,
               "start-up imports (python -X importtime -m screener examples/clean.txt)")


def memory_section(run: Run, opts, texts) -> None:
    """Peak RSS of `screen` on a 100 MB draft made of the real texts, as the
    terminal report and as JSON."""
    size = 10 if opts.quick else 100
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        unit = real.real(texts, 10)
        with open(big, "w", encoding="utf-8") as fh:
            for _ in range(size // 10):
                fh.write(unit)
        big_mb = big.stat().st_size / 1e6
        worst = 0.0
        for fmt in ("text", "json"):
            t0 = time.perf_counter()
            rss = peak_rss_mb([*SCREEN, "--format", fmt, str(big)])
            worst = max(worst, rss)
            run.record(f"peak RSS, screen --format {fmt} on a {big_mb:.0f} MB real-text draft",
                       f"{rss:.0f} MB ({time.perf_counter() - t0:.0f} s)")
    run.target(f"{big_mb:.0f} MB input < 1 GB peak RSS (text and JSON)", f"{worst:.0f} MB", worst < 1024)


def folder_section(run: Run, opts, texts) -> None:
    """--jobs 1 against --jobs 2 on a folder of real drafts, round by round,
    with how much two CPU-bound processes gain at that moment, and the fixed
    cost of a run (the same command on a folder of one draft: the process,
    its imports, the walk, the output), which no number of workers shares."""
    count = 500 if opts.quick else 2000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        folder_mb = real.build_folder(texts, folder, count)
        single = Path(tmp) / "one"
        real.build_folder(texts, single, 1)
        times: dict[str, list[float]] = {"1": [], "2": [], "fixed": []}
        ceiling = []
        for _ in range(2 if opts.quick else 3):
            for jobs in ("1", "2"):
                args = [*SCREEN, "--format", "json", "--jobs", jobs, str(folder)]
                t0 = time.perf_counter()
                run_child(args)
                times[jobs].append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            run_child([*SCREEN, "--format", "json", "--jobs", "1", str(single)])
            times["fixed"].append(time.perf_counter() - t0)
            ceiling.append(parallel_capacity())
        ratio = median_ratio(times["1"], times["2"])
        one, fixed = statistics.median(times["1"]), statistics.median(times["fixed"])
        shared = max(one - fixed, 0.0)
        amdahl = one / (fixed + shared / 2)
        run.record(f"folder of {count} real drafts ({folder_mb:.1f} MB): --jobs 1 / --jobs 2",
                   f"{one:.2f} s / {statistics.median(times['2']):.2f} s (medians)")
        run.record("RATIO folder --jobs 1 / --jobs 2",
                   f"{ratio:.2f}x (rounds {spread([a / b for a, b in zip(times['1'], times['2'])])})")
        run.record("  two CPU-bound processes at once vs one after the other",
                   f"{statistics.median(ceiling):.2f}x (rounds {spread(ceiling)}: the ceiling now)")
        run.record("  the fixed cost of a run (the same command on a folder of one draft)",
                   f"{fixed:.2f} s of the {one:.2f} s: two workers can share only the other {shared:.2f} s, "
                   f"so --jobs 2 can reach at most {amdahl:.2f}x here (Amdahl), less what the pool costs")
        run.target("--jobs 2 ≥ 1.7× --jobs 1 (2,000 real drafts)", f"{ratio:.2f}× (ceiling {statistics.median(ceiling):.2f}×)",
                   ratio >= 1.7, f"the fixed cost of a run bounds it at {amdahl:.2f}×; the machine's own "
                   f"two-process gain was {statistics.median(ceiling):.2f}×")


def sheets_section(run: Run, opts) -> None:
    """A 10,000-row 花名册 as .xlsx and .xls: screen_file against the reader."""
    sys.path.insert(0, str(ROOT / "tests"))
    import bench_sheets

    from screener import screen_file

    n_rows = 2000 if opts.quick else 10_000
    rows = bench_sheets.build_rows(n_rows)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, save, reader in ((".xlsx", bench_sheets.save_xlsx, bench_sheets.read_xlsx_only),
                                     (".xls", bench_sheets.save_xls, bench_sheets.read_xls_only)):
            data = save(rows)
            path = Path(tmp) / f"花名册{suffix}"
            path.write_bytes(data)
            n = len(screen_file(path).findings)
            times = timed_rounds({"read": lambda: reader(data), "screen": lambda: screen_file(path)},
                                 2 if opts.quick else 3)
            run.record(f"sheet {n_rows:,} rows x 8 ({suffix}, {len(data) / 1e6:.2f} MB, {n} findings): reader / screen_file",
                       f"{statistics.median(times['read']):.2f} s / {statistics.median(times['screen']):.2f} s = "
                       f"{median_ratio(times['screen'], times['read']):.2f}x the reader's own read")


def pdf_section(run: Run, opts) -> None:
    """A 50-page PDF: screen_file against pypdfium2's own text extraction."""
    import bench_pdf

    from screener import screen_file

    pages = 10 if opts.quick else 50
    data = bench_pdf.build(pages)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "公示.pdf"
        path.write_bytes(data)
        n = len(screen_file(path).findings)
        times = timed_rounds({"read": lambda: bench_pdf.pdfium_read(data), "screen": lambda: screen_file(path)},
                             opts.rounds + 2)
        run.record(f"PDF {pages} pages ({len(data) / 1e6:.2f} MB, {n} findings): pdfium read / screen_file",
                   f"{statistics.median(times['read']) * 1000:.0f} ms / {statistics.median(times['screen']) * 1000:.0f} ms = "
                   f"{median_ratio(times['screen'], times['read']):.2f}x the reader's own read")


SECTIONS = ("text", "breakdown", "cold", "memory", "folder", "sheets", "pdf")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="4 MB corpora, 3 rounds, 500 drafts, a 10 MB memory check, smaller sheet and PDF")
    ap.add_argument("--mb", type=float, default=None, help="size of the real corpus in MB (default 20; others a quarter)")
    ap.add_argument("--rounds", type=int, default=None, help="rounds per timed comparison (default 5, --quick 3)")
    ap.add_argument("--corpus", type=Path, default=real.DEFAULT_CORPUS,
                    help="folder of real government texts (*.txt, or a texts/ sub-folder); default ../shared/corpus")
    ap.add_argument("--seed", type=Path, default=real.DEFAULT_SEEDS,
                    help="the seed annual report, or a folder holding it; default ../shared/seeds")
    ap.add_argument("--markdown", action="store_true", help="print the Markdown tables at the end")
    ap.add_argument("--out", type=Path, default=None, help="also write the Markdown tables to this file")
    ap.add_argument("--only", action="append", choices=SECTIONS, metavar="SECTION",
                    help=f"run only this section (repeatable; one of {', '.join(SECTIONS)}); default: all")
    opts = ap.parse_args()
    opts.mb = opts.mb or (4 if opts.quick else 20)
    opts.rounds = opts.rounds or (3 if opts.quick else 5)
    sections = set(opts.only or SECTIONS)
    try:
        texts = real.real_texts(opts.corpus)
        if "text" in sections:
            real.seed_text(opts.seed)
    except real.CorpusMissing as exc:
        print(f"bench.py: {exc}", file=sys.stderr)
        raise SystemExit(2) from None

    run = Run()
    t_start = time.perf_counter()
    run.record("date", datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))
    run.record("commit", revision())
    run.record("machine", f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    run.record("command", " ".join(["python benchmarks/bench.py", *sys.argv[1:]]))
    run.record("real corpus", f"{len(texts)} texts from {opts.corpus}")
    run.record("load average at start (1 min)", f"{os.getloadavg()[0]:.2f}")
    import screener

    screener.screen_text("预热：村长，电话 13912345678，身份证号码 11010519491231002X")  # lists, automaton, jieba
    if "text" in sections:
        text_section(run, opts, texts)
    if "breakdown" in sections:
        breakdown_section(run, opts, texts)
    if "cold" in sections:
        cold_section(run, opts)
    if "memory" in sections:
        memory_section(run, opts, texts)
    if "folder" in sections:
        folder_section(run, opts, texts)
    if "sheets" in sections:
        sheets_section(run, opts)
    if "pdf" in sections:
        pdf_section(run, opts)
    run.record("load average at end (1 min)", f"{os.getloadavg()[0]:.2f}")
    run.record("wall time of this run", f"{time.perf_counter() - t_start:.0f} s")
    if opts.markdown or opts.out:
        md = run.markdown()
        if opts.markdown:
            print("\n" + md)
        if opts.out:
            opts.out.write_text(md, encoding="utf-8")


if __name__ == "__main__":
    main()
