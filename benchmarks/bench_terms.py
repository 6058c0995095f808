"""The word-list detector on its own: list loading and automaton build, then
throughput and segmenter work on the benchmark corpus (seed report and
examples with list terms injected, see bench.py).  Not a test; run by hand:

    python benchmarks/bench_terms.py          # 20 MB
    python benchmarks/bench_terms.py --mb 4
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import build_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20)
    opts = ap.parse_args()

    t0 = time.perf_counter()
    from screener.wordlists import builtin_lists, list_set

    ta = time.perf_counter()
    builtin_lists()
    t1 = time.perf_counter()
    lists = list_set()
    matcher = lists.matcher
    t2 = time.perf_counter()
    print(f"import screener.wordlists: {(ta - t0) * 1000:.0f} ms")
    print(f"read + validate the built-in lists: {(t1 - ta) * 1000:.0f} ms")
    print(f"select entries + build automaton ({matcher.strings} strings, "
          f"{len(lists.active)} active entries): {(t2 - t1) * 1000:.0f} ms")

    from screener.config import Config
    from screener.detectors import terms
    from screener.document import Document
    from screener.wordlists import STATS

    text = build_corpus(opts.mb)
    size = len(text.encode("utf-8")) / 1e6
    doc = Document(text)
    doc.normalized  # the normalised view is the Document's cost, not the detector's
    tj = time.perf_counter()
    list(terms.detect(Document("预热：村长"), Config()))  # load jieba once, outside the timing
    print(f"first candidate (loads jieba's dictionary): {(time.perf_counter() - tj) * 1000:.0f} ms")
    STATS.reset()
    t3 = time.perf_counter()
    findings = list(terms.detect(doc, Config()))
    t4 = time.perf_counter()
    print(f"corpus: {size:.1f} MB, {len(text):,} characters")
    print(f"terms detector: {size / (t4 - t3):.1f} MB/s ({t4 - t3:.2f} s, {len(findings)} findings)")
    print(f"segmenter: {STATS.chars:,} characters in {STATS.calls:,} windows "
          f"({STATS.chars / len(text) * 100:.3f}% of the text)")


if __name__ == "__main__":
    main()
