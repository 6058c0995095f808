"""Measure how fast the personal-number detectors screen ~20 MB of text.

Not a test (STYLE.md: speed is measured by a script, never by timed tests).
The text is the seed township report repeated, with generated personal
numbers (tests/gen.py) injected every few lines.  Prints MB/s for: the
term automaton's bare walk (bench.py's limit), the shared digit-run scan,
each number detector, and the whole screen_document() pipeline.  bench.py
proves the targets; this script shows where a dense 公示 list spends time.

Run: PYTHONPATH=. python benchmarks/numbers_speed.py [MB] [EVERY]
(EVERY: inject numbers after every EVERY-th sentence; 5 is a dense 公示
list, 200 an ordinary report.)
"""
from __future__ import annotations

import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screener import Config, Document, screen_document  # noqa: E402
from screener.detectors import bank_card, id_card, landline, mobile  # noqa: E402
from screener.detectors.numbers import runs  # noqa: E402
from tests import gen  # noqa: E402


def build_text(megabytes: float, every: int = 5) -> str:
    seed = (ROOT / "tests/fixtures/seed_2019_township_report.txt").read_text(encoding="utf-8")
    sentences = seed.replace("。", "。\n").splitlines()
    rnd = random.Random(7)
    target = int(megabytes * 1_000_000)
    out: list[str] = []
    size = 0
    i = 0
    while size < target:
        line = sentences[i % len(sentences)]
        if i % every == 0:
            k = (i // every) % 4
            if k == 0:
                line += f"户主张某某，身份证号码：{gen.random_id(rnd)}，联系电话：{gen.mobile('139', i)}。"
            elif k == 1:
                line += f"咨询电话：0877-70{rnd.randrange(10000, 99999)}。"
            elif k == 2:
                line += f"保障金发放账户：{gen.bank_card('622848', 19, i)}。"
            else:
                line += "根据新政办通〔2019〕66号，邮编653405，金额86244.00元。"
        out.append(line)
        size += len(line.encode("utf-8")) + 1
        i += 1
    return "\n".join(out)


def rate(nbytes: int, seconds: float) -> str:
    return f"{nbytes / 1e6 / seconds:7.1f} MB/s ({seconds:.2f} s)"


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    text = build_text(megabytes, every)
    nbytes = len(text.encode("utf-8"))
    print(f"text: {nbytes / 1e6:.1f} MB, {len(text):,} characters, numbers after every {every}th sentence")

    from screener.wordlists import list_set

    matcher = list_set().matcher
    t = time.perf_counter()
    hits = len(matcher.walk(text))
    aho = time.perf_counter() - t
    print(f"term automaton walk     {rate(nbytes, aho)}  {hits} hits")

    config = Config()
    t = time.perf_counter()
    screen_document(Document(build_text(0.01, 1)), config)  # loads phonenumbers and stdnum's cn/loc
    print(f"one-off library loading {time.perf_counter() - t:.2f} s")
    doc = Document(text)
    t = time.perf_counter()
    _ = doc.normalized
    print(f"Document.normalized     {rate(nbytes, time.perf_counter() - t)}")
    t = time.perf_counter()
    doc.line_col(0)
    print(f"Document line index     {rate(nbytes, time.perf_counter() - t)}")
    t = time.perf_counter()
    found = runs(doc)
    numbers_total = time.perf_counter() - t
    print(f"shared digit-run scan   {rate(nbytes, numbers_total)}  {len(found)} runs")
    for det in (id_card, mobile, landline, bank_card):
        t = time.perf_counter()
        n = sum(1 for _ in det.detect(doc, config))
        spent = time.perf_counter() - t
        numbers_total += spent
        print(f"{det.__name__.rsplit('.', 1)[-1]:<23} {rate(nbytes, spent)}  {n} findings")
    print(f"number detectors, all   {rate(nbytes, numbers_total)}  (scan + 4 detectors)")

    fresh = Document(text)
    t = time.perf_counter()
    report = screen_document(fresh, config)
    whole = time.perf_counter() - t
    print(f"screen_document (all)   {rate(nbytes, whole)}  {len(report.findings)} findings")
    print(f"pipeline / term automaton walk = {aho / whole:.2f}")


if __name__ == "__main__":
    main()
