"""Where screen_text's time goes, stage by stage and detector by detector,
next to the bare walk.

bench.py prints this for the real-text corpus; run on its own:

    PYTHONPATH=. python benchmarks/breakdown.py [MB]

Each stage is timed on a fresh Document with the earlier stages already
done (median of rounds), so the figures add up to about one screen_text run
(the remainder is resolve() and building the Report).

Per detector it prints the cost per finding and per rejected candidate
(issue 18).  A *candidate* is what a detector judges one by one.  For the
number detectors (a ``NumberRule``: a window of a digit run offered to its
judge) the costs are timed from inside one run: the judge's time on the
windows it rejects and on those it accepts, the time spent building each
accepted window's Finding (owner, severity, mask, words), and the rest
(walking the runs and windows, the detector's own extra passes).  For the
term detector (an automaton hit) and the e-mail detector (an ``@``) the two
costs are separated with a second text: the same corpus with every finding
of every detector blanked out (its characters replaced by 某, so offsets and
lines stay), on which a detector does almost nothing but reject.  There
``cost per rejected candidate = time / candidates``; on the real text
``cost per finding = (time - rejected × that cost) / findings``.  The other
detectors judge no candidates one by one: their time is passes over the text.
"""
from __future__ import annotations

import collections
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench import forget_number_verdicts, screen_afresh  # noqa: E402

# what the pipeline asks of broken_runs: the ID detector's numbers across a
# line break, 15 characters or more (id_card.py); timed with the scan, so the
# ID detector's row holds only its own work
BROKEN_MIN = 15


def median_of(fn: Callable[[], float], repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _ready(text: str, scan: bool = True):
    from screener.detectors import numbers
    from screener.document import Document
    from screener.traditional import simplified

    doc = Document(text)
    doc.normalized
    simplified(doc)
    if scan:
        numbers.runs(doc)
        numbers.broken_runs(doc, BROKEN_MIN)
        doc.line_col(0)
    return doc


def candidates(det: ModuleType, text: str) -> int | None:
    """How many candidates the term or e-mail detector judges one by one in
    ``text`` (an automaton hit; an ``@``), or None for another detector (the
    number detectors' candidates are counted by number_split)."""
    from screener.traditional import simplified
    from screener.wordlists import list_set

    name = det.__name__.rsplit(".", 1)[-1]
    if name == "terms":
        return len(list_set().matcher.walk(simplified(_ready(text))))
    if name == "email":
        return _ready(text).normalized.count("@")
    return None


def number_split(det: ModuleType, text: str, repeat: int) -> dict[str, float] | None:
    """For a detector built on a NumberRule (``NUMBERS``): where its time
    goes, timed from inside one run (median of rounds): its judge on the
    candidates it rejects and on those it accepts, building each accepted
    one's Finding (owner, severity, mask, words), and the rest (walking the
    runs and their windows, the detector's own extra passes).  None for
    another detector."""
    import dataclasses

    from screener.config import Config
    from screener.detectors import number_rule

    rule = getattr(det, "NUMBERS", None)
    if not isinstance(rule, number_rule.NumberRule):
        return None
    rounds: list[dict[str, float]] = []
    for _ in range(repeat):
        got = {"rejected": 0.0, "n_rejected": 0, "accepted": 0.0, "n_accepted": 0, "building": 0.0}

        def judge(w, _judge=rule.judge):
            t0 = time.perf_counter()
            verdict = _judge(w)
            key = "accepted" if verdict else "rejected"
            got[key] += time.perf_counter() - t0
            got["n_" + key] += 1
            return verdict

        class Timed(type(rule)):  # type: ignore[misc]
            def finding(self, *args, **kwargs):
                t0 = time.perf_counter()
                try:
                    return super().finding(*args, **kwargs)
                finally:
                    got["building"] += time.perf_counter() - t0

        timed_rule = Timed(**{f.name: getattr(rule, f.name) for f in dataclasses.fields(rule)} | {"judge": judge})
        doc = _ready(text)
        forget_number_verdicts()
        det.NUMBERS = timed_rule  # type: ignore[attr-defined]
        try:
            t0 = time.perf_counter()
            list(det.detect(doc, Config()))
            got["total"] = time.perf_counter() - t0
        finally:
            det.NUMBERS = rule  # type: ignore[attr-defined]
        rounds.append(got)
    return {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}


def blanked(text: str) -> str:
    """``text`` with every finding's characters replaced by 某."""
    import screener

    chars = list(text)
    for f in screener.screen_text(text).findings:
        for i in range(f.start, f.end):
            if chars[i] not in "\n\r":
                chars[i] = "某"
    return "".join(chars)


def detector_times(text: str, repeat: int) -> dict[str, tuple[float, int]]:
    """detector name → (median seconds, findings) on ``text``."""
    from screener.config import Config
    from screener.detectors import DETECTORS

    config = Config()
    out = {}
    for det in DETECTORS:
        found = 0

        def one(det=det) -> float:
            nonlocal found
            doc = _ready(text)
            forget_number_verdicts()
            t0 = time.perf_counter()
            found = len(list(det.detect(doc, config)))
            return time.perf_counter() - t0

        out[det.__name__.rsplit(".", 1)[-1]] = (median_of(one, repeat), found)
    return out


def report(text: str, repeat: int = 5) -> list[tuple[str, str]]:
    """The stages as (label, value) rows, each also as a share of the walk."""
    import screener
    from screener.detectors import DETECTORS, numbers
    from screener.document import Document
    from screener.traditional import simplified
    from screener.wordlists import list_set

    matcher = list_set().matcher
    view = simplified(_ready(text, scan=False))
    walk = median_of(lambda: timed(lambda: collections.deque(matcher.walk(view), maxlen=0)), repeat)
    total = median_of(lambda: timed(lambda: screen_afresh(screener, text)), repeat)
    out = [("  screen_text (all of it)", f"{total * 1000:.0f} ms = {total / walk:.1f}x the walk"),
           ("  the bare walk (the limit)", f"{walk * 1000:.0f} ms")]
    stages = 0.0

    def stage(name: str, seconds: float) -> None:
        nonlocal stages
        stages += seconds
        out.append((f"  {name}", f"{seconds * 1000:.0f} ms = {seconds / walk:.2f}x the walk, "
                    f"{seconds / total:.0%} of screen_text"))

    stage("normalise (fold, drops)", median_of(lambda: timed(lambda: Document(text).normalized), repeat))

    def view_only() -> float:
        doc = Document(text)
        doc.normalized
        return timed(lambda: simplified(doc))

    stage("simplified view (traditional.py: 繁体 lines through OpenCC)", median_of(view_only, repeat))

    def scan_only() -> float:
        doc = _ready(text, scan=False)
        return timed(lambda: (numbers.runs(doc), numbers.broken_runs(doc, BROKEN_MIN)))

    stage("digit-run scan (numbers.runs, broken_runs)", median_of(scan_only, repeat))
    stage("line index (line numbers of findings)", median_of(lambda: timed(lambda: Document(text).line_col(0)), repeat))

    empty = blanked(text)
    on_real = detector_times(text, repeat)
    on_blank = detector_times(empty, repeat)
    for det in DETECTORS:
        name = det.__name__.rsplit(".", 1)[-1]
        t_a, f_a = on_real[name]
        t_b, _ = on_blank[name]
        stages += t_a - (walk if name == "terms" else 0)
        c_a, c_b = candidates(det, text), candidates(det, empty)
        parts = [f"{t_a * 1000:.0f} ms = {t_a / total:.0%} of screen_text", f"{f_a} findings"]
        split = number_split(det, text, repeat)
        if split is not None:
            n_r, n_a = int(split["n_rejected"]), int(split["n_accepted"])
            parts.append(f"{n_r + n_a} candidates judged")
            if n_r:
                parts.append(f"{n_r} rejected at {split['rejected'] / n_r * 1e6:.1f} µs each "
                             f"({split['rejected'] * 1000:.0f} ms)")
            if n_a:
                judge_each = split["accepted"] / n_a * 1e6
                build_each = split["building"] / max(f_a, 1) * 1e6
                parts.append(f"{n_a} accepted: judging {judge_each:.1f} µs + building the finding "
                             f"{build_each:.1f} µs = {judge_each + build_each:.0f} µs per finding "
                             f"({(split['accepted'] + split['building']) * 1000:.0f} ms)")
            rest = split["total"] - split["rejected"] - split["accepted"] - split["building"]
            parts.append(f"walking the runs and windows, and its own passes: {max(rest, 0) * 1000:.0f} ms "
                         f"(timed from inside one run: {split['total'] * 1000:.0f} ms)")
        elif c_a is not None and c_b:
            own_b = t_b - (walk if name == "terms" else 0)
            per_reject = max(own_b, 0.0) / c_b
            rejected = max(c_a - f_a, 0)
            parts.append(f"{c_a} candidates ({rejected} rejected, {per_reject * 1e6:.1f} µs each)")
            if f_a:
                own_a = t_a - (walk if name == "terms" else 0)
                per_find = (own_a - rejected * per_reject) / f_a
                parts.append(f"{per_find * 1e6:.0f} µs per finding")
        elif f_a:
            parts.append(f"{t_a / f_a * 1e6:.0f} µs per finding (all its time)")
        if c_a is None and split is None:
            parts.append("no candidates judged one by one: its time is its passes over the text")
        if name == "terms":
            parts.append("the walk included in its time, not in the per-candidate costs")
        out.append((f"  detector {name}", "; ".join(parts)))
    rest = total - stages
    out.append(("  the rest: resolve, the Report, and timing the stages apart",
                f"{rest * 1000:.0f} ms" if rest > 0 else "within the noise"))
    return out


def main() -> None:
    import real

    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 5
    import screener

    text = real.real(real.real_texts(), mb)
    screener.screen_text("预热：村长，电话 13912345678")
    for name, value in report(text):
        print(f"{name:<72} {value}")


if __name__ == "__main__":
    main()
