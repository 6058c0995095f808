"""The registry: the detectors, written out in one place (no discovery magic),
and the tables built from what they declare.

Each module exposes ``KINDS`` (the kinds of finding it reports, with their
privacy: screener/kinds.py), ``RULES`` (its stable codes, see ``screen
rules``) and ``detect(doc, config)`` yielding Findings.  Adding a detector is
adding a module and one line in ``DETECTORS``.
"""
from __future__ import annotations

from types import ModuleType

from ..errors import ConfigError
from ..kinds import Kind
from . import (
    address,
    annual_report,
    bank_card,
    damaged_id,
    email,
    foreign_id,
    id_card,
    landline,
    mobile,
    ocr_suspect,
    package,
    permits,
    terms,
    unchecked,
)
from .base import Rule

DETECTORS: tuple[ModuleType, ...] = (id_card, damaged_id, foreign_id, mobile, landline, bank_card, email,
                                     permits, address, terms, annual_report, unchecked, package,
                                     ocr_suspect)


def _kind_table() -> dict[str, Kind]:
    table: dict[str, Kind] = {}
    for detector in DETECTORS:
        for kind in detector.KINDS:
            if kind.name in table and table[kind.name] is not kind:
                raise TypeError(f"kind {kind.name!r} is declared twice ({detector.__name__})")
            table[kind.name] = kind
    return table


# Every kind, in the order reports and the sheet list them.
KIND_TABLE: dict[str, Kind] = _kind_table()
KIND_LABELS: dict[str, str] = {name: k.label for name, k in KIND_TABLE.items()}
PERSONAL_KINDS: frozenset[str] = frozenset(name for name, k in KIND_TABLE.items() if k.personal)


def kind(name: str) -> Kind | None:
    return KIND_TABLE.get(name)


def kind_order(name: str) -> tuple[int, str]:
    """Sort key: declared kinds in registry order, any other after them."""
    order = list(KIND_TABLE)
    return (order.index(name) if name in KIND_TABLE else len(order), name)


def personal_detectors() -> tuple[ModuleType, ...]:
    """The detectors all of whose kinds are personal (for masking file names)."""
    return tuple(d for d in DETECTORS if d.KINDS and all(k.personal for k in d.KINDS))


def detector_rules() -> tuple[Rule, ...]:
    """The rules of the number detectors (not the word lists)."""
    return tuple(r for d in DETECTORS if d is not terms for r in d.RULES)


def owned_prefixes() -> dict[str, str]:
    """Code prefix (the letters of a code) → the detector that owns it."""
    owned: dict[str, str] = {}
    for d in DETECTORS:
        if d is terms:
            continue
        for r in d.RULES:
            owned.setdefault(_prefix(r.code), d.__name__.rsplit(".", 1)[-1])
    return owned


def _prefix(code: str) -> str:
    return code.rstrip("0123456789abcdefghijklmnopqrstuvwxyz")


def check_codes(lists) -> None:
    """Refuse a word list whose prefix a detector owns, and any code defined
    twice (ConfigError: one line, exit 2).  ``lists`` are WordLists."""
    owned = owned_prefixes()
    seen: dict[str, str] = {r.code: f"内置检测规则 {r.code}" for r in detector_rules()}
    for wl in lists:
        if wl.prefix in owned:
            raise ConfigError(f"{wl.display_path}：代码前缀“{wl.prefix}”已被内置检测规则使用"
                              f"（{wl.prefix} 开头的代码属于号码检测），请换一个前缀")
        for e in wl.entries:
            if e.code in seen:
                raise ConfigError(f"{wl.display_path}：代码“{e.code}”与{seen[e.code]}重复")
            seen[e.code] = f" {wl.display_path} 中的条目"


def all_rules(lists=None) -> list[Rule]:
    """Every rule of every detector, in code order (the built-in lists'
    entries, or those of ``lists`` when given)."""
    listed = terms.RULES if lists is None else tuple(terms.rule_for(e, wl) for wl in lists for e in wl.entries)
    return sorted((*detector_rules(), *listed), key=lambda r: r.code)
