"""Where screen_text's time goes, stage by stage, next to the bare walk.

bench.py prints this for the archive-density corpus; run on its own:

    PYTHONPATH=. python benchmarks/breakdown.py [MB]

Each stage is timed on a fresh Document with the earlier stages already
done, so the figures add up to about one screen_text run (the remainder is
resolve() and building the Report).  It answers the question the ratio
against the walk raises: which passes other than the walk cost what, and how
much of the cost comes with each finding rather than with each megabyte.
"""
from __future__ import annotations

import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import best_of, forget_number_verdicts, screen_afresh  # noqa: E402


def stages(text: str, repeat: int = 5) -> list[tuple[str, float, int | None]]:
    """(stage, best seconds, findings) for each stage of screen_text(text)."""
    from screener.config import Config
    from screener.detectors import DETECTORS, numbers
    from screener.document import Document
    from screener.wordlists import list_set

    config = Config()
    matcher = list_set().matcher

    def ready(scan: bool = True) -> Document:
        doc = Document(text)
        doc.normalized
        if scan:
            numbers.runs(doc)
            doc.line_col(0)
        return doc

    rows = []
    norm = ready(scan=False).normalized
    rows.append(("the bare walk (the limit)",
                 best_of(lambda: collections.deque(matcher.walk(norm), maxlen=0), repeat), None))
    rows.append(("normalise (fold, drops)", best_of(lambda: Document(text).normalized, repeat), None))

    def scan_only() -> float:
        doc = ready(scan=False)
        t0 = time.perf_counter()
        numbers.runs(doc)
        return time.perf_counter() - t0

    rows.append(("digit-run scan (numbers.runs)", min(scan_only() for _ in range(repeat)), None))
    rows.append(("line index (line numbers of findings)",
                 best_of(lambda: Document(text).line_col(0), repeat), None))
    for det in DETECTORS:
        def one(det=det) -> tuple[float, int]:
            doc = ready()
            forget_number_verdicts()
            t0 = time.perf_counter()
            found = list(det.detect(doc, config))
            return time.perf_counter() - t0, len(found)

        runs = [one() for _ in range(repeat)]
        rows.append((f"detector {det.__name__.rsplit('.', 1)[-1]}", min(r[0] for r in runs), runs[0][1]))
    return rows


def report(text: str, repeat: int = 5, total: float | None = None) -> list[tuple[str, str]]:
    """The stages as (label, value) rows, each also as a share of the walk."""
    rows = stages(text, repeat)
    walk = rows[0][1]
    out = []
    for name, seconds, found in rows:
        own = seconds - walk if name == "detector terms" else seconds  # the walk is part of it
        extra = f", {found} findings ({own / found * 1e6:.0f} µs each)" if found else ""
        if name == "detector terms":
            extra += " (the walk included; per finding, without it)"
        out.append((f"  {name}", f"{seconds * 1000:.0f} ms = {seconds / walk:.2f}x the walk{extra}"))
    fixed = sum(s for n, s, _ in rows[1:3])
    out.append(("  passes over every character besides the walk (normalise + digit scan)",
                f"{fixed * 1000:.0f} ms: even with no finding at all, screen_text / walk <= "
                f"{walk / (walk + fixed):.2f}x"))
    if total is not None:
        rest = total - sum(s for _, s, _ in rows[1:])  # the term detector's row includes the walk
        out.append(("  the rest: resolve, the Report, and timing the stages apart",
                    f"{rest * 1000:.0f} ms" if rest > 0 else "within the noise"))
    return out


def main() -> None:
    from corpus import build_archive

    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 20
    import screener

    text = build_archive(mb)
    screener.screen_text("预热：村长，电话 13912345678")
    total = best_of(lambda: screen_afresh(screener, text), 5)
    print(f"{'screen_text':<72} {total * 1000:.0f} ms")
    for name, value in report(text, total=total):
        print(f"{name:<72} {value}")


if __name__ == "__main__":
    main()
