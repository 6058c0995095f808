"""screener's benchmark: the figures that prove issue 6's targets, as ratios
against baselines measured in the same run.  Not a test; run it by hand:

    python benchmarks/bench.py            # full run: 20 MB corpus, 100 MB memory check
    python benchmarks/bench.py --quick    # 4 MB corpus, smaller folder, no 100 MB check
    python benchmarks/bench.py --only folder   # one section (text, cold, memory, folder)

It prints, with --markdown also as a table for BENCHMARKS.md:
- MB/s of screener.screen_text over the corpus, all default detectors and lists;
- MB/s of the pipeline's own automaton walking the same (normalised) text the
  way the term detector walks it, doing nothing per hit: the limit;
- for transparency, a plain pyahocorasick walk over the str with every
  built-in list string, and how many characters were handed to jieba;
- MB/s of jieba.lcut ("segment everything");
- cold wall time of `screen examples/clean.txt` / `examples/draft.txt`
  against `python -c "import jieba; jieba.initialize()"`;
- peak RSS of `screen --format json` on a 100 MB draft;
- a folder of 10,000 drafts of realistic sizes and formats (a county
  website's archive) with --jobs 1 and 2, and next to it how much two
  CPU-bound processes gain at that moment (the cores are shared).

Every timing is the best of N runs (the machine's cores are shared; the
minimum is the run least disturbed by others), and the two sides of a ratio
are timed in turn, round by round (best_interleaved), so that the machine's
drift does not enter the ratio.  MB means 10^6 bytes of UTF-8.
"""
from __future__ import annotations

import argparse
import collections
import datetime
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import build_archive, build_clean, build_corpus, build_folder  # noqa: E402

SCREEN = [sys.executable, "-m", "screener"]
JIEBA_COLD = [sys.executable, "-c", "import jieba; jieba.initialize()"]


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def best_interleaved(fns: dict, rounds: int) -> dict:
    """The best time of each function over ``rounds`` rounds, each round
    running every function once, in turn.  A ratio of two such figures
    compares runs made under the same conditions: on this shared machine the
    speed drifts by a quarter within a minute, and timing one side's repeats
    all before the other's let that drift into the ratio."""
    best = {name: float("inf") for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


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
    one = best_of(lambda: subprocess.run([sys.executable, "-c", _SPIN], check=True), 2)

    def two():
        procs = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(2)]
        for p in procs:
            p.wait()
    return 2 * one / best_of(two, 2)


def list_strings() -> list[str]:
    """Every literal string of the built-in lists (terms and pattern anchors)."""
    from screener.wordlists import builtin_terms

    strings = sorted(set(builtin_terms()))
    assert len(strings) > 100, "the built-in lists were not found"
    return strings


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


def text_rates(record, mb: float, repeat: int) -> None:
    """screen_text's MB/s at three densities, against the bare walk and jieba.lcut."""
    text = build_archive(mb)
    size_mb = len(text.encode("utf-8")) / 1e6
    record("corpus: archive density (corpus.build_archive)", f"{size_mb:.1f} MB, {len(text):,} characters")

    import screener
    from screener.document import Document
    from screener.wordlists import STATS, list_set

    screener.screen_text("预热：村长，电话 13912345678")  # lists, automaton, jieba, phonenumbers
    STATS.reset()
    n_findings = len(screener.screen_text(text).findings)
    seg_chars, seg_calls = STATS.chars, STATS.calls
    matcher = list_set().matcher
    norm = Document(text).normalized
    import jieba

    jieba.initialize()
    sample = text[: len(text) // 10]  # a tenth is enough for a stable rate (jieba is linear)
    sample_mb = len(sample.encode("utf-8")) / 1e6
    # screen_text and the walk in turn, then jieba (slow) in turn with
    # screen_text again: each ratio compares neighbouring runs.
    best = best_interleaved({"screen": lambda: screen_afresh(screener, text),
                             "walk": lambda: collections.deque(matcher.walk(norm), maxlen=0)}, repeat)
    best_j = best_interleaved({"screen": lambda: screen_afresh(screener, text),
                               "jieba": lambda: jieba.lcut(sample)}, 2)
    t_screen = min(best["screen"], best_j["screen"])
    screen_rate = size_mb / t_screen
    record("screen_text, default detectors and lists",
           f"{screen_rate:.1f} MB/s ({t_screen:.2f} s, {n_findings} findings)")
    record("  characters handed to jieba",
           f"{seg_chars:,} in {seg_calls:,} windows ({seg_chars / len(text):.2%} of the text)")

    t_walk = best["walk"]
    walk_rate = size_mb / t_walk
    record(f"bare scan: the pipeline's automaton walk ({matcher.strings} strings, DFA)",
           f"{walk_rate:.1f} MB/s")

    import ahocorasick

    plain = ahocorasick.Automaton()
    for s in list_strings():
        plain.add_word(s, s)
    plain.make_automaton()
    t_plain = best_of(lambda: collections.deque(plain.iter(norm), maxlen=0), 3)
    record(f"  for comparison: pyahocorasick over the str ({len(plain)} strings)",
           f"{size_mb / t_plain:.1f} MB/s")

    jieba_rate = sample_mb / best_j["jieba"]
    record(f"jieba.lcut, segment everything ({sample_mb:.1f} MB of the corpus)", f"{jieba_rate:.2f} MB/s")
    record("RATIO screen_text / jieba.lcut",
           f"{best_j['jieba'] / sample_mb / (best_j['screen'] / size_mb):.0f}x  (target >= 50x)")
    record("RATIO screen_text / bare scan", f"{best['walk'] / best['screen']:.2f}x  (target >= 0.5x)")

    import breakdown

    record("where screen_text's time goes (breakdown.py)", "stage by stage, each as a share of the walk")
    for name, value in breakdown.report(text, repeat, total=t_screen):
        record(name, value)

    # The same measures on the two ends of the range: a draft with nothing to
    # find, and the dense stress corpus (a number every 4 KB, a term or
    # marking every 3 KB, everywhere).
    for label, other in (("clean (the sources' sentences, nothing injected)", build_clean(mb)),
                         ("dense stress corpus (corpus.build_corpus)", build_corpus(mb))):
        other_mb = len(other.encode("utf-8")) / 1e6
        other_findings = len(screener.screen_text(other).findings)
        other_norm = Document(other).normalized
        pair = best_interleaved({"screen": lambda: screen_afresh(screener, other),
                                 "walk": lambda: collections.deque(matcher.walk(other_norm), maxlen=0)},
                                repeat)
        t_other, t_other_walk = pair["screen"], pair["walk"]
        rate = other_mb / t_other
        record(f"{label}: screen_text",
               f"{rate:.1f} MB/s ({other_findings} findings), {rate / jieba_rate:.0f}x jieba.lcut, "
               f"{t_other_walk / t_other:.2f}x its bare scan")


def cold_starts(record, repeat: int) -> None:
    """Wall time of a fresh `screen` against a fresh jieba.initialize()."""
    cold = {}
    for name, args in (("jieba", JIEBA_COLD), ("clean", [*SCREEN, "examples/clean.txt"]),
                       ("draft", [*SCREEN, "examples/draft.txt"])):
        cold[name] = best_of(lambda: run_child(args), repeat + 2)
    record("cold: python -c 'import jieba; jieba.initialize()'", f"{cold['jieba']:.2f} s")
    for name in ("clean", "draft"):
        record(f"RATIO cold: screen examples/{name}.txt / jieba cold",
               f"{cold[name]:.2f} s = {cold[name] / cold['jieba']:.2f}x  (target < 1.5x)")


def peak_memory(record) -> None:
    """Peak RSS of `screen --format json` on a 100 MB draft."""
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.txt"
        chunk = build_corpus(10, seed=11)
        with open(big, "w", encoding="utf-8") as fh:
            for _ in range(10):
                fh.write(chunk)
        big_mb = big.stat().st_size / 1e6
        rss = peak_rss_mb([*SCREEN, "--format", "json", str(big)])
        record(f"peak RSS, screen --format json on a {big_mb:.0f} MB draft", f"{rss:.0f} MB  (target < 1024 MB)")


def folder_scaling(record, quick: bool) -> None:
    """A 10,000-draft folder with --jobs 1 and 2, next to the ceiling now."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        count, folder_mb = build_folder(folder, 1000 if quick else 10_000)
        times = {}
        for jobs in (1, 2):
            args = [*SCREEN, "--format", "json", "--jobs", str(jobs), str(folder)]
            times[jobs] = best_of(lambda: run_child(args), 2 if quick else 3)
        record(f"folder of {count} drafts ({folder_mb:.0f} MB): --jobs 1 / --jobs 2",
               f"{times[1]:.2f} s / {times[2]:.2f} s")
        record("RATIO folder --jobs 1 / --jobs 2", f"{times[1] / times[2]:.2f}x  (target >= 1.7x)")
        record("  two CPU-bound processes at once vs one after the other", f"{parallel_capacity():.2f}x  (the ceiling now)")


SECTIONS = ("text", "cold", "memory", "folder")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="4 MB corpus, smaller folder, skip the 100 MB check")
    ap.add_argument("--mb", type=float, default=None, help="corpus size in MB (default 20)")
    ap.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    ap.add_argument("--only", action="append", choices=SECTIONS, metavar="SECTION",
                    help=f"run only this section (repeatable; one of {', '.join(SECTIONS)}); default: all")
    opts = ap.parse_args()
    sections = set(opts.only or SECTIONS)
    mb = opts.mb or (4 if opts.quick else 20)
    repeat = 3 if opts.quick else 5
    rows: list[tuple[str, str]] = []

    def record(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name:<62} {value}", flush=True)

    record("date", datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))
    record("commit", revision())
    record("machine", f"{cpu_model()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    record("load average at start (1 min)", f"{os.getloadavg()[0]:.2f}")
    if "text" in sections:
        text_rates(record, mb, repeat)
    if "cold" in sections:
        cold_starts(record, repeat)
    if "memory" in sections and not opts.quick:
        peak_memory(record)
    if "folder" in sections:
        folder_scaling(record, opts.quick)
    record("load average at end (1 min)", f"{os.getloadavg()[0]:.2f}")

    if opts.markdown:
        print("\n| measure | result |\n|---|---|")
        for name, value in rows:
            print(f"| {name.strip()} | {value} |")


if __name__ == "__main__":
    main()
