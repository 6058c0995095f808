"""The one table of severity by context, and the one disclosure-mode lowering.

A number detector says which *class* of number it found (a mobile, a
landline whose range phonenumbers confirmed or not, a bank card); who owns
the number (context.classify: a person, a staff member, an office, or
nobody named) then gives the severity from ``SEVERITY_BY_CONTEXT``.  A
detector whose severity does not depend on the owner (a confirmed ID is an
error wherever it stands) gives its own, and only the lowering applies.

Document mode: a 惩戒公示 or 强制性信息披露 publishes names on purpose
(国办《2018年政务公开工作要点》), so personal findings are lowered one step
there (``lowered``), with the reason, and never dropped.
"""
from __future__ import annotations

from ..document import Document
from ..model import Severity

# Severity by class of number and by who owns it (None: no context found).
# A staff member's mobile is a second look whatever its label; a staff
# landline is the office's (条例第二十条(二)).
SEVERITY_BY_CONTEXT: dict[str, dict[str | None, Severity]] = {
    "mobile": {"person": Severity.ERROR, "office": Severity.INFO, "staff": Severity.WARNING,
               None: Severity.WARNING},
    "landline": {"person": Severity.ERROR, "office": Severity.INFO, "staff": Severity.INFO,
                 None: Severity.INFO},
    "bank-card": {"person": Severity.ERROR, "office": Severity.INFO, "staff": Severity.WARNING,
                  None: Severity.WARNING},
}

# Document mode: the two lawful exceptions to 去标识化 (国办《2018年政务公开工作要点》:
# "除惩戒公示、强制性信息披露外，对涉及个人隐私的政府信息……去标识化处理").
DISCLOSURE_WORDS = ("惩戒公示", "强制性信息披露")
DISCLOSURE_SOURCE = "国办《2018年政务公开工作要点》：除惩戒公示、强制性信息披露外，涉及个人隐私的信息应去标识化"
_TITLE_LINES = 3


def severity_for(klass: str, who: str | None, *, certain: bool = True) -> Severity:
    """The severity ``SEVERITY_BY_CONTEXT`` gives a number of ``klass`` owned
    by ``who``; one step lower, never below info, when the number itself is
    uncertain (a landline phonenumbers cannot confirm, PH302: a warning in a
    person's record, info elsewhere)."""
    severity = SEVERITY_BY_CONTEXT[klass][who]
    return severity if certain or severity == Severity.INFO else Severity(severity - 1)


def disclosure(doc: Document, mode: str = "normal") -> str | None:
    """Why ``doc`` is a lawful disclosure, or None: ``mode = "disclosure"``
    set by the user, or 惩戒公示 / 强制性信息披露 in the title (its first
    non-blank lines).  Remembered on the Document."""
    if mode == "disclosure":
        return "按设置以“惩戒公示、强制性信息披露”模式审查"
    cached = doc.__dict__.get("_disclosure", False)
    if cached is not False:
        return cached
    reason = None
    seen = 0
    for line in doc.text[:2000].splitlines():
        if not line.strip():
            continue
        word = next((w for w in DISCLOSURE_WORDS if w in line), None)
        if word:
            reason = f"标题含“{word}”"
            break
        seen += 1
        if seen >= _TITLE_LINES:
            break
    doc.__dict__["_disclosure"] = reason
    return reason


def lowered(severity: Severity, doc: Document, mode: str = "normal") -> tuple[Severity, str | None]:
    """``severity`` one step lower in a lawful disclosure, never below info,
    and the sentence that says why (None when nothing changed)."""
    reason = disclosure(doc, mode)
    if reason is None or severity == Severity.INFO:
        return severity, None
    return Severity(severity - 1), f"{reason}，级别降低一级（{DISCLOSURE_SOURCE}）"


def with_note(context: str, note: str | None) -> str:
    """An explanation's context sentence with the lowering's reason after it."""
    return f"{context}；{note}" if note else context
