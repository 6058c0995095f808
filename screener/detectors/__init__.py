"""The detectors, written out in one place (no discovery magic).

Each module exposes ``RULES`` (its stable codes, see ``screen rules``) and
``detect(doc, config)`` yielding Findings.  Adding a detector is adding a
module and one line here.
"""
from __future__ import annotations

from . import address, bank_card, email, foreign_id, id_card, landline, mobile, permits, terms

DETECTORS = (id_card, mobile, landline, bank_card, email, terms)
DETECTORS += (foreign_id, permits, address)  # issue 14: foreign IDs, permits and passports, home addresses


def all_rules():
    """Every rule of every detector, in code order."""
    return sorted((r for d in DETECTORS for r in d.RULES), key=lambda r: r.code)
