"""Review decisions that persist across runs (the review file).

A reviewer judges each finding: 确认需修改 (confirm), 误报 (false-positive,
a reason is required) or 已按要求处理 (handled).  The decisions are saved to a
review file beside the draft (``稿件.txt.review.json``) so that the next run
on a revised draft shows only what is new, the way detect-secrets' baseline
works.

A finding is identified without its value and without line numbers:

- its rule code;
- a keyed hash (HMAC-SHA256) of its normalised value.  The key is a random
  per-install secret kept in the user's own folder (mode 0700), so the
  18-digit ID number behind a hash cannot be recovered by trying every
  possible number, as it could from a plain hash (there are only about 10^11
  valid IDs for a region and a decade);
- a short keyed fingerprint of the text around it, which tells apart two
  findings of the same value and survives edits elsewhere in the draft.

The file holds no value, no context text and no personal number in any
form that can be read back; a reason or a name typed by the reviewer has
every long digit run and e-mail address masked before it is saved.  The
price of the per-install key: a review file is read by the same install
that wrote it (a file from another machine matches nothing and says so).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from .atomic import write_atomic
from .errors import InputError
from .masking import guard  # the last guard: long digit runs, e-mails
from .model import IN_FILE_NAME, FileReport, Finding, Report

FORMAT = 1
SUFFIX = ".review.json"
CONFIRM, FALSE_POSITIVE, HANDLED = "confirm", "false-positive", "handled"
# what each decision is called on the page, the sheet and the terminal
DECISION_LABELS = {CONFIRM: "确认需修改", FALSE_POSITIVE: "误报", HANDLED: "已按要求处理"}
CONTEXT_CHARS = 12  # characters each side hashed into the context fingerprint
_SECRET_NAME = "review-secret"
_WS = re.compile(r"[\s\-‐‑–—_.·]+")
_DIGITS = re.compile(r"\d")


def secret_dir() -> Path:
    """The per-user folder that keeps the review key, created 0700.

    Not the temporary folder the caches use (cache.py): a reboot may empty
    it, and a lost key would orphan every review file.  ``SCREENER_HOME``
    overrides it (tests, portable installs)."""
    if env := os.environ.get("SCREENER_HOME"):
        base = Path(env)
    elif os.name == "nt":
        base = Path(os.environ.get("APPDATA") or Path.home()) / "screener"
    else:
        base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "screener"
    base.mkdir(mode=0o700, parents=True, exist_ok=True)
    if hasattr(os, "geteuid"):
        info = os.lstat(base)
        if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid():
            raise InputError(str(base), "审核密钥文件夹不属于当前用户，拒绝使用")
        if info.st_mode & 0o077:
            os.chmod(base, 0o700)
    return base


def install_secret() -> bytes:
    """The per-install key, made on first use (32 random bytes, file mode 0600)."""
    path = secret_dir() / _SECRET_NAME
    try:
        key = bytes.fromhex(path.read_text(encoding="ascii").strip())
        if len(key) >= 32:
            return key
    except (OSError, ValueError):
        pass
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key.hex())
    return key


def normalise(value: str) -> str:
    """The value as the hash sees it: full-width folded, separators and
    spaces dropped, letters upper-cased (139 2664 7378 = 13926647378)."""
    return _WS.sub("", unicodedata.normalize("NFKC", value)).upper()


def _mac(key: bytes, *parts: str, length: int) -> str:
    msg = "\x1f".join(parts).encode("utf-8")
    return hmac.new(key, msg, hashlib.sha256).hexdigest()[:length]


def _context(text: str, f: Finding) -> str:
    """The text around a finding, digits and spaces dropped (another number
    nearby being masked or revised does not change it).  A value in the
    file's name has the name as its context, not the text."""
    if f.in_file_name:
        return IN_FILE_NAME
    before = _WS.sub("", _DIGITS.sub("", text[max(0, f.start - 4 * CONTEXT_CHARS):f.start]))
    after = _WS.sub("", _DIGITS.sub("", text[f.end:f.end + 4 * CONTEXT_CHARS]))
    return before[-CONTEXT_CHARS:] + "\x1e" + after[:CONTEXT_CHARS]


@dataclass(frozen=True, slots=True)
class Key:
    """How a review file names a finding: never its value."""

    code: str
    value: str  # keyed hash of the normalised value, 32 hex digits
    context: str  # keyed hash of the surrounding text, 8 hex digits


@dataclass(frozen=True, slots=True)
class Decision:
    """One reviewer's judgement of one finding."""

    key: Key
    decision: str
    reason: str = ""
    reviewer: str = ""
    time: str = ""
    kind: str = ""

    @property
    def label(self) -> str:
        return DECISION_LABELS.get(self.decision, self.decision)

    @property
    def dismisses(self) -> bool:
        """误报 with a reason: the finding no longer counts for the exit code."""
        return self.decision == FALSE_POSITIVE and bool(self.reason.strip())

    @property
    def resolved(self) -> bool:
        return self.dismisses or self.decision == HANDLED


def key_of(f: Finding, text: str, secret: bytes) -> Key:
    """The Key of finding ``f`` of a draft whose text is ``text``."""
    return Key(code=f.code, value=_mac(secret, "v", f.code, normalise(f.text), length=32),
               context=_mac(secret, "c", f.code, _context(text, f), length=8))


def _clean(value: str, limit: int) -> str:
    """A typed reason or name as it may be saved: one line, numbers masked."""
    return guard(" ".join(str(value or "").split()))[:limit]


def _fingerprint(secret: bytes) -> str:
    return _mac(secret, "install", length=12)


class ReviewFile:
    """The decisions of one draft's review, read from and saved to a JSON file."""

    def __init__(self, decisions: list[Decision] | None = None, *, secret: bytes | None = None,
                 foreign: bool = False):
        self.secret = secret if secret is not None else install_secret()
        self.decisions: list[Decision] = list(decisions or [])
        self.foreign = foreign  # written by another install: its hashes match nothing

    # --- reading and writing ---------------------------------------------------
    @classmethod
    def load(cls, path: "str | os.PathLike", *, secret: bytes | None = None,
             missing_ok: bool = True) -> "ReviewFile":
        path = Path(path)
        if not path.exists():
            if missing_ok:
                return cls(secret=secret)
            raise InputError(str(path), "审核记录文件不存在")
        try:
            return cls.from_json(path.read_bytes(), secret=secret)
        except InputError as exc:
            raise InputError(str(path), exc.problem) from None
        except OSError as exc:
            raise InputError(str(path), f"无法读取审核记录（{exc.strerror or type(exc).__name__}）") from None

    @classmethod
    def from_json(cls, data: bytes, *, secret: bytes | None = None) -> "ReviewFile":
        secret = secret if secret is not None else install_secret()
        try:
            raw = json.loads(data.decode("utf-8-sig"))
            if raw.get("screener_review") != FORMAT:
                raise ValueError
            decisions = []
            for d in raw.get("decisions", []):
                if d.get("decision") not in DECISION_LABELS:
                    raise ValueError
                key = Key(str(d["code"]), str(d["value"]), str(d.get("context", "")))
                decisions.append(Decision(key, d["decision"], _clean(d.get("reason", ""), 500),
                                          _clean(d.get("reviewer", ""), 40), str(d.get("time", ""))[:40],
                                          str(d.get("kind", ""))[:40]))
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError):
            raise InputError("<review>", "不是 screener 的审核记录文件（格式不对）") from None
        return cls(decisions, secret=secret, foreign=raw.get("install") != _fingerprint(secret))

    def to_json(self) -> bytes:
        body = {
            "screener_review": FORMAT,
            "note": "screener 审核记录：只存规则代码和带密钥的摘要，不存号码本身",
            "install": _fingerprint(self.secret),
            "decisions": [
                {"code": d.key.code, "kind": d.kind, "value": d.key.value, "context": d.key.context,
                 "decision": d.decision, "reason": d.reason, "reviewer": d.reviewer, "time": d.time}
                for d in self.decisions
            ],
        }
        return (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def save(self, path: "str | os.PathLike") -> Path:
        return write_atomic(Path(path), self.to_json())

    # --- deciding and looking up -------------------------------------------------
    def decide(self, f: Finding, text: str, decision: str, *, reason: str = "",
               reviewer: str = "", now: _dt.datetime | None = None) -> Decision:
        """Record (or replace) the decision on finding ``f``.  误报 needs a reason."""
        if decision not in DECISION_LABELS:
            raise ValueError(f"未知的审核结论“{decision}”")
        reason, reviewer = _clean(reason, 500), _clean(reviewer, 40)
        if decision == FALSE_POSITIVE and not reason:
            raise ValueError("标为误报须填写理由")
        key = key_of(f, text, self.secret)
        stamp = (now or _dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
        made = Decision(key, decision, reason, reviewer, stamp, f.kind)
        self.decisions = [d for d in self.decisions if d.key != key] + [made]
        return made

    def lookup(self, findings: "tuple[Finding, ...] | list[Finding]", text: str) -> list[Decision | None]:
        """The decision on each finding, or None: an exact match of code,
        value and context first; else the one remaining decision on the same
        code and value (the sentence around it was revised)."""
        keys = [key_of(f, text, self.secret) for f in findings]
        exact = {d.key: d for d in self.decisions}
        out: list[Decision | None] = [exact.get(k) for k in keys]
        used = {d.key for d in out if d is not None}
        for i, k in enumerate(keys):
            if out[i] is not None:
                continue
            loose = [d for d in self.decisions if d.key not in used
                     and (d.key.code, d.key.value) == (k.code, k.value)]
            if len(loose) == 1:
                out[i] = loose[0]
                used.add(loose[0].key)
        return out


def review_path(draft: "str | os.PathLike") -> Path:
    """Where a draft's review file lives: beside it, ``稿件.docx.review.json``."""
    return Path(str(draft) + SUFFIX)


@dataclass(frozen=True)
class Reviewed:
    """A report seen through a review file: what is still to show, what the
    exit code counts, and how many findings were resolved."""

    shown: Report  # new and unresolved findings only
    counted: Report  # every finding except 误报 with a reason
    resolved: int
    dismissed: int
    foreign: bool


def _text(fr: FileReport) -> str:
    return fr.document.text if fr.document is not None else ""


def apply_review(report: Report, review: ReviewFile) -> Reviewed:
    """Split ``report`` by ``review``'s decisions (see Reviewed)."""
    shown, counted, resolved, dismissed = [], [], 0, 0
    for fr in report.files:
        decisions = review.lookup(fr.findings, _text(fr)) if fr.findings else []
        keep = [f for f, d in zip(fr.findings, decisions) if d is None or not d.resolved]
        count = [f for f, d in zip(fr.findings, decisions) if d is None or not d.dismisses]
        resolved += len(fr.findings) - len(keep)
        dismissed += len(fr.findings) - len(count)
        shown.append(replace(fr, findings=tuple(keep)))
        counted.append(replace(fr, findings=tuple(count)))
    return Reviewed(Report(tuple(shown), report.skipped), Report(tuple(counted), report.skipped),
                    resolved, dismissed, review.foreign and bool(review.decisions))


def summary_line(r: Reviewed) -> str:
    """The line ``screen check --review`` prints on stderr."""
    line = f"审核记录：已处理 {r.resolved} 处未再列出（其中误报 {r.dismissed} 处不计入退出码）"
    if r.foreign:
        line += "；该审核记录由另一台电脑或另一次安装写出，其中的结论无法对应，所有问题按未审核列出"
    return line


__all__ = ["CONFIRM", "DECISION_LABELS", "FALSE_POSITIVE", "HANDLED", "Decision", "Key",
           "ReviewFile", "Reviewed", "apply_review", "key_of", "review_path",
           "summary_line"]
