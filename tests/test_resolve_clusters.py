"""resolve() chooses among overlapping findings cluster by cluster (spans
that touch or overlap); the plain path inserted every finding into one
sorted list (O(n²) on a long 公示).  Both must keep the same findings in the
same order, for every shape of overlap: nested, equal, touching, empty
spans, equal priorities, and long chains."""
from __future__ import annotations

import random

import pytest

from screener.config import Config
from screener.model import Finding, Severity
from screener.resolve import _kept_of, _one_per_span, _rank, resolve


def plain_one_per_span(findings: list[Finding]) -> list[Finding]:
    """The plain path: every finding, best first, through one sorted list
    (resolve's ``_kept_of`` over the whole list, as before the clusters)."""
    findings.sort(key=lambda f: (f.severity, _rank(f), f.end - f.start, -f.start), reverse=True)
    return _kept_of(findings)


KINDS = ("id_card", "mobile", "landline", "bank_card", "email", "term", "address")


def finding(n: int, start: int, end: int, kind: str, severity: Severity) -> Finding:
    text = "x" * (end - start)
    return Finding(kind=kind, severity=severity, code=f"T{n:05d}", start=start, end=end, line=1,
                   column=start + 1, text=text, masked=text, message=f"m{n}", personal=kind != "term")


def random_findings(rnd: random.Random, count: int, width: int) -> list[Finding]:
    out = []
    for n in range(count):
        start = rnd.randrange(width)
        length = rnd.choice((0, 0, 1, 2, 3, 5, 8, 11, 18, 30))
        out.append(finding(n, start, min(width, start + length), rnd.choice(KINDS),
                           rnd.choice((Severity.INFO, Severity.WARNING, Severity.ERROR))))
    if out and rnd.random() < 0.3:  # exact duplicates of span and priority
        out.extend(rnd.sample(out, k=min(len(out), 3)))
    return out


@pytest.mark.parametrize("seed", range(400))
def test_clusters_keep_what_one_list_kept(seed):
    rnd = random.Random(seed)
    width = rnd.choice((5, 20, 80, 400))
    found = random_findings(rnd, rnd.randrange(0, 60), width)
    assert [f.code for f in _one_per_span(list(found))] == [f.code for f in plain_one_per_span(list(found))]


@pytest.mark.parametrize("spans, kept", [
    ([(0, 18), (6, 14)], ["T00000"]),  # a mobile inside an ID: the longer, higher-ranked kept
    ([(0, 5), (5, 10)], ["T00000", "T00001"]),  # touching, not overlapping: both
    ([(3, 3), (3, 9)], None),  # an empty span at the start of another
    ([(0, 4), (3, 7), (6, 10), (9, 13)], None),  # a chain: each overlaps the next only
    ([(0, 100), (10, 20), (30, 40), (50, 60)], None),
    ([(2, 2), (2, 2), (0, 4)], None),
])
def test_shapes_a_reader_can_check(spans, kept):
    found = [finding(n, s, e, "mobile", Severity.WARNING) for n, (s, e) in enumerate(spans)]
    got = [f.code for f in _one_per_span(list(found))]
    assert got == [f.code for f in plain_one_per_span(list(found))]
    if kept is not None:
        assert got == kept


def test_a_long_list_resolves_as_before():
    """Thousands of findings, a few overlapping (a 公示: IDs, mobiles, a term
    over a number): what resolve() returns is what the plain path chose."""
    rnd = random.Random(7)
    found, pos = [], 0
    for n in range(5000):
        pos += rnd.randrange(1, 40)
        found.append(finding(n, pos, pos + rnd.choice((11, 18, 19)), rnd.choice(KINDS), Severity.WARNING))
    assert [f.code for f in _one_per_span(list(found))] == [f.code for f in plain_one_per_span(list(found))]
    assert len(resolve(found, Config())) <= len(found)
