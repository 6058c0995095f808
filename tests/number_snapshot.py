"""Record, and compare, everything screener says about a fixed set of texts.

Used to prove a refactoring of the number detectors changes nothing a user
sees: ``save`` writes the JSON (with values shown) of every text below under
three configurations, ``compare`` re-runs them and lists each text whose JSON
differs.  The texts are the real government texts in ../shared (corpus and
seed), tests/fixtures, examples/, and every string literal with seven or
more digits in the number detectors' test files (their parametrised tables:
the realistic positives and negatives, written out).

    python tests/number_snapshot.py save /tmp/before.json
    python tests/number_snapshot.py compare /tmp/before.json
"""
from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from screener import screen_text
from screener.config import Config

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TEST_TABLES = ("test_mobile.py", "test_landline.py", "test_id_card.py", "test_id_forms.py", "test_bank_card.py",
               "test_context.py", "test_ownership.py", "test_permits.py", "test_leaks.py", "test_allow_numbers.py",
               "test_number_scan.py", "test_fast_paths.py")
CONFIGS = {"default": Config(), "full": Config(mask_style="full"), "disclosure": Config(mode="disclosure")}


def _literals(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if sum(c.isdigit() for c in node.value) >= 7:
                yield node.value


def texts() -> dict[str, str]:
    """Name -> text, in a stable order."""
    found: dict[str, str] = {}
    files = sorted((SHARED / "corpus" / "texts").glob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    files += sorted((ROOT / "tests" / "fixtures").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    for p in files:
        found[f"{p.parent.name}/{p.name}"] = p.read_text(encoding="utf-8")
    for name in TEST_TABLES:
        path = ROOT / "tests" / name
        if path.exists():
            for k, lit in enumerate(_literals(path)):
                found[f"{name}#{k}"] = lit
    return found


def snapshot_one(text: str, config: Config, show_values: bool = True) -> str:
    """The JSON of one text's report."""
    report = screen_text(text, config=config)
    return json.dumps(report.to_dict(show_values=show_values), ensure_ascii=False, sort_keys=True)


def snapshot() -> dict[str, str]:
    """Key (config, text name) -> the report's JSON."""
    out: dict[str, str] = {}
    for cname, config in CONFIGS.items():
        for name, text in texts().items():
            out[f"{cname}:{name}"] = snapshot_one(text, config)
    return out


def compare(before: dict[str, str], after: dict[str, str]) -> list[str]:
    """The keys whose JSON differs (or that only one side has)."""
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[1] not in ("save", "compare"):
        print(__doc__)
        return 2
    now = snapshot()
    if argv[1] == "save":
        Path(argv[2]).write_text(json.dumps(now, ensure_ascii=False), encoding="utf-8")
        print(f"{len(now)} reports saved")
        return 0
    before = json.loads(Path(argv[2]).read_text(encoding="utf-8"))
    diff = compare(before, now)
    for k in diff:
        print("differs:", k)
    print(f"{len(now)} reports, {len(diff)} differ")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
