"""SECURITY.md cannot go stale: every test it names as the proof of a
promise exists (issue 12, Deliver 4).

SECURITY.md cites tests as `tests/test_x.py::test_name`, a following
`::test_other` meaning the same file, or a whole file as `tests/test_x.py`;
it names reviewed source files as `screener/….py`.  Each reference must
point at a file that exists and, for a test, a test function (or
``Class::method``) defined in it: a renamed or deleted test fails here.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SECURITY = ROOT / "SECURITY.md"
_CODE = re.compile(r"`([^`\n]+)`")
_REF = re.compile(r"^(?P<file>(?:tests|screener)/[\w/.-]+\.py)?(?P<names>(?:::\w+)*)$")


def references(markdown: str) -> list[tuple[str, str | None]]:
    """(file, test name or None) for every reference in ``markdown``, in
    order; ``::name`` alone belongs to the file named last before it."""
    out: list[tuple[str, str | None]] = []
    last: str | None = None
    for span in _CODE.findall(markdown):
        for token in (t.strip() for t in span.split(",")):
            m = _REF.match(token)
            if m is None or not (m["file"] or m["names"]):
                continue
            if m["file"]:
                last = m["file"]
            if last is None:
                raise AssertionError(f"{token} names no file before it")
            names = m["names"][2:] or None
            out.append((last, names))
    return out


def _defined(path: Path) -> set[str]:
    """Top-level functions and ``Class::method`` names defined in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.ClassDef):
            names.update(f"{node.name}::{item.name}" for item in node.body
                         if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)))
    return names


def missing(refs: list[tuple[str, str | None]], root: Path = ROOT) -> list[str]:
    """The references that point at nothing."""
    out = []
    for file, name in refs:
        path = root / file
        if not path.is_file():
            out.append(file)
        elif name is not None and (not name.split("::")[-1].startswith("test")
                                   or name not in _defined(path)):
            out.append(f"{file}::{name}")
    return out


def test_every_test_security_md_cites_exists():
    refs = references(SECURITY.read_text(encoding="utf-8"))
    tests = [r for r in refs if r[0].startswith("tests/") and r[1]]
    assert len(tests) >= 60, refs  # the parser reads the document's references
    assert missing(refs) == []


@pytest.mark.parametrize("markdown, broken", [
    ("| a | `tests/test_leaks.py::test_output_shows_no_planted_number` |", []),
    ("| a | `tests/test_leaks.py::test_output_shows_no_planted_number`, `::test_no_such_test` |",
     ["tests/test_leaks.py::test_no_such_test"]),
    ("| a | `tests/test_no_such_file.py::test_x` |", ["tests/test_no_such_file.py"]),
    ("| a | `tests/test_pattern_budget.py` |", []),
    ("| a | `screener/web/server.py` (reviewed), `screener/web/gone.py` |", ["screener/web/gone.py"]),
    ("| a | `tests/test_leaks.py::planted_draft` |", ["tests/test_leaks.py::planted_draft"]),  # not a test
    ("`--show-values` and `::test_a` after prose", None),
])
def test_a_stale_reference_is_caught(markdown, broken):
    # control: the check fails on references that point at nothing
    if broken is None:
        with pytest.raises(AssertionError):
            references(markdown)
        return
    assert missing(references(markdown)) == broken
