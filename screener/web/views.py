"""What the page is sent for a screened draft: JSON of plain strings.

The draft is cut at its findings into pieces; the page puts each piece in
the document with ``textContent`` (never as HTML), so draft text cannot
become markup.  Unless the server was started with ``--show-values``, each
personal number is its mask and every other piece passes the sheet's guard
(sheet.safe.Safe): a number no detector named is masked too.
"""
from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..detectors import KIND_LABELS
from ..model import Finding, Severity
from ..privacy import shown_path
from ..review import Decision
from ..sheet.model import CLASSIFIED_NOTICE, is_classified, where
from ..sheet.safe import Safe, safe_mask
from ..sheet.verdict import conclude
from .session import Draft

SEVERITY_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}


def _value(f: Finding, show_values: bool, config: Config) -> str:
    if show_values:
        return f.text
    if not f.personal:  # a word that overlaps a number carries it masked (resolve())
        return f.shown(show_values)
    return safe_mask(f, config.mask_style)


def pieces(draft: Draft, show_values: bool, config: Config) -> list[dict]:
    """The draft cut at its findings.  Findings that overlap (resolve() keeps
    a word that overlaps a personal number, the word's text masked) make one
    highlight, listed under the first of them, with each personal number in
    it shown as its mask: as the sheet's draft view does."""
    text, findings = draft.text, draft.report.findings
    safe = (lambda s: s) if show_values else Safe(findings, config)
    spans: list[tuple[int, int, int, list[Finding]]] = []
    for n, f in sorted(enumerate(findings, 1), key=lambda p: (p[1].start, -p[1].end)):
        if f.in_file_name:
            continue  # its offsets index the file name; the finding list shows it
        if spans and f.start < spans[-1][1]:
            start, end, first, group = spans[-1]
            spans[-1] = (start, max(end, f.end), first, group + [f])
        else:
            spans.append((f.start, f.end, n, [f]))
    out, pos = [], 0
    for start, end, n, group in spans:
        if start > pos:
            out.append({"t": safe(text[pos:start])})
        shown = (_value(group[0], show_values, config) if len(group) == 1
                 else _merged(text, start, end, group, show_values, config, safe))
        severity = max(f.severity for f in group)
        out.append({"t": shown, "n": n, "s": SEVERITY_CLASS[severity]})
        pos = end
    if pos < len(text):
        out.append({"t": safe(text[pos:])})
    return out


def _merged(text: str, start: int, end: int, group: list[Finding], show_values: bool,
            config: Config, safe: Callable[[str], str]) -> str:
    """``text[start:end]`` with each personal finding in it as its mask (they
    never overlap one another) and the rest through the guard."""
    if show_values:
        return text[start:end]
    parts, pos = [], start
    for f in sorted((f for f in group if f.personal), key=lambda f: f.start):
        if f.start < pos:
            continue
        parts.append(safe(text[pos:f.start]))
        parts.append(_value(f, show_values, config))
        pos = f.end
    parts.append(safe(text[pos:end]))
    return "".join(parts)


def decision_view(d: Decision | None) -> dict | None:
    if d is None:
        return None
    return {"decision": d.decision, "label": d.label, "reason": d.reason, "reviewer": d.reviewer,
            "time": d.time}


def finding_view(n: int, f: Finding, d: Decision | None, show_values: bool, config: Config) -> dict:
    safe = (lambda s: s) if show_values else Safe([f], config)
    return {
        "n": n, "code": f.code, "kind": f.kind, "label": KIND_LABELS.get(f.kind, f.kind),
        "severity": SEVERITY_CLASS[f.severity], "severity_zh": f.severity.zh,
        "where": where(f), "text": _value(f, show_values, config),
        "why": safe(f.why), "message": safe(f.message),
        "suggestion": safe(f.suggestion or "请人工核对"), "decision": decision_view(d),
    }


def draft_view(draft: Draft, show_values: bool, config: Config) -> dict:
    fr = draft.report
    name = shown_path(draft.name, show_values)
    if fr.error is not None:  # not read, so never clean; a personal value in its name is still listed
        return {"id": draft.id, "name": name, "error": fr.error, "readable": False,
                "findings": [finding_view(n, f, None, show_values, config)
                             for n, f in enumerate(fr.findings, 1)]}
    decisions = draft.review.lookup(fr.findings, draft.text)
    conclusion, reason = conclude(fr, config.fail_on, decisions=decisions)  # as its sheet says
    return {
        "id": draft.id, "name": name, "readable": True, "chars": fr.chars, "empty": fr.empty,
        "pieces": pieces(draft, show_values, config),
        "findings": [finding_view(n, f, d, show_values, config)
                     for n, (f, d) in enumerate(zip(fr.findings, decisions), 1)],
        "summary": {KIND_LABELS.get(k, k): v for k, v in fr.summary().items()},
        "conclusion": conclusion,
        "reason": reason if show_values else Safe(fr.findings, config)(reason),
        "foreign_review": draft.review.foreign and bool(draft.review.decisions),
        "classified": CLASSIFIED_NOTICE if is_classified(fr.findings) else None,
    }
