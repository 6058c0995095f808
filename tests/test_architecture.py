"""The shape of the house (issue: re-layering): records import nothing above
them, the package has no import cycle, every kind declares its privacy, and
codes cannot clash."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from harness import run_cli, supported_personal_kinds, written_forms
from screener.detectors import DETECTORS, KIND_TABLE, PERSONAL_KINDS, all_rules
from screener.kinds import Kind
from screener.wordlists.format import KINDS as LIST_KINDS

PACKAGE = Path(__file__).resolve().parent.parent / "screener"


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every screener module ``path`` imports, at any level (functions too)."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("screener"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if not mod.startswith("screener"):
                continue
            found.add(mod)
            for a in node.names:  # ``from . import batch`` names a module
                if (PACKAGE.parent / (mod.replace(".", "/") + f"/{a.name}.py")).exists() or \
                        (PACKAGE.parent / (mod.replace(".", "/") + f"/{a.name}/__init__.py")).exists():
                    found.add(f"{mod}.{a.name}")
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        graph[name] = {m for m in _imports(path) if m in modules and m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 5000))
    for v in graph:
        if v not in index:
            visit(v)
    return out


def _ancestors_free(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """Imports of a module other than its own parent packages' __init__."""
    return {m: {d for d in deps if not m.startswith(d + ".")} for m, deps in graph.items()}


def test_the_package_has_no_import_cycle():
    assert _cycles(_ancestors_free(_graph())) == []


@pytest.mark.parametrize("record", ["screener.errors", "screener.model", "screener.config",
                                    "screener.document", "screener.folding", "screener.masking",
                                    "screener.kinds"])
def test_records_import_nothing_above_them(record):
    code = (f"import sys, {record}; "
            "print(sorted(m for m in sys.modules if m.startswith(('screener.detectors', "
            "'screener.render', 'screener.privacy', 'screener.screening', 'screener.loaders'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_every_rule_declares_a_registered_kind():
    for rule in all_rules():
        assert isinstance(rule.kind, Kind), rule.code
        assert KIND_TABLE[rule.kind.name] is rule.kind, rule.code


def test_every_personal_kind_says_how_it_is_masked_and_is_planted_by_the_leak_suite():
    import random

    assert PERSONAL_KINDS, "no personal kind registered"
    for name in PERSONAL_KINDS:
        kind = KIND_TABLE[name]
        sample = "13912345678"
        assert kind.mask is not None and kind.masked(sample) != sample
        # the leak suite plants every personal kind the registry declares
        assert name in supported_personal_kinds()
        assert written_forms(name, random.Random(1))


def test_a_personal_kind_without_a_mask_is_refused():
    with pytest.raises(TypeError):
        Kind("passport", "护照号码", personal=True, rank=5)


def test_word_list_kinds_are_the_term_detectors_kinds():
    terms = next(d for d in DETECTORS if d.__name__.endswith(".terms"))
    assert {k.name for k in terms.KINDS} == set(LIST_KINDS)
    assert not any(k.personal for k in terms.KINDS)


def test_no_two_rules_share_a_code():
    codes = [r.code for r in all_rules()]
    assert len(codes) == len(set(codes))


def _user_list(tmp_path: Path, prefix: str) -> Path:
    path = tmp_path / "本单位词表.txt"
    path.write_text(f"# prefix: {prefix}\n某某词 => 别的词\n", encoding="utf-8")
    return path


def test_a_user_list_taking_a_detectors_prefix_is_refused(tmp_path):
    listed = _user_list(tmp_path, "MB")
    draft = tmp_path / "稿件.txt"
    draft.write_text("某某词", encoding="utf-8")
    for args in (["wordlists", "--check", listed], [draft, "--wordlist", listed]):
        result = run_cli(args)
        assert result.code == 2, result
        assert "MB" in result.err and "内置检测规则" in result.err
        assert len(result.err.strip().splitlines()) == 1, result.err
