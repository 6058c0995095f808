"""The benchmark's inputs: realistic government text built from the seed
township report and the examples, with generated personal numbers
(tests/gen.py: valid check digits, never real people's) and list terms
injected, as one long text or as a folder of drafts.

The source text is only 44 distinct sentences, so the corpus repeats them:
nothing in screener may cache results by content (a cache would measure the
corpus, not the code).
"""
from __future__ import annotations

import io
import math
import random
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    ROOT / "tests" / "fixtures" / "seed_2019_township_report.txt",
    ROOT / "examples" / "clean.txt",
]
# Terms injected into the dense stress corpus (markings included).
TERMS = ["村长", "黑人", "穷人", "台湾总统", "内部资料", "机密★10年", "大跃进", "最佳"]
# Xinhua-list wording that slips into ordinary drafts, for the archive corpus.
DRAFT_TERMS = ["村长", "穷人", "残疾人", "台湾总统", "一带一路战略", "大跃进", "影帝", "黑人"]


@lru_cache(maxsize=1)
def sentences() -> tuple[str, ...]:
    paragraphs = []
    for src in SOURCES:
        paragraphs += [p for p in src.read_text(encoding="utf-8").split("\n") if p.strip()]
    return tuple(s + "。" for p in paragraphs for s in p.split("。") if s.strip())


def _generators():
    """tests/gen.py: personal numbers with valid check digits, never real people's."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    import gen

    return gen


def build_clean(megabytes: float, seed: int = 1) -> str:
    """The sources' sentences in random order, nothing injected."""
    rnd = random.Random(seed)
    pool, out, size = sentences(), [], 0
    while size < megabytes * 1_000_000:
        s = rnd.choice(pool)
        out.append(s)
        size += len(s.encode("utf-8"))
    return "".join(out)


def build_archive(megabytes: float, seed: int = 7) -> str:
    """About ``megabytes`` of a county website's archive: whole drafts, each
    a 3–12 KB report or notice made of the sources' sentences, one in six a
    公示 list like examples/draft.txt (three households: ID, mobile, a bank
    card; an office 监督电话), one in four carrying a word from the Xinhua
    list's territory (most banned, 残疾人 the correct wording), one in a
    hundred an internal marking.  This is the density the targets are
    judged at: on average a personal number every ~5 KB, a list term every
    ~60 KB."""
    gen = _generators()
    rnd = random.Random(seed)
    pool = sentences()
    out: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    while size < target:
        doc: list[str] = []
        length = rnd.randrange(3000, 12000)
        n = 0
        while n < length:
            s = rnd.choice(pool)
            doc.append(s + ("\n" if rnd.random() < 0.15 else ""))
            n += len(s.encode("utf-8"))
        if rnd.randrange(6) == 0:
            rows = []
            for k in range(3):
                rows.append(f"{k + 1}.户主某某，身份证号码：{gen.random_id(rnd)}，"
                            f"联系电话：{gen.mobile('139', rnd.randrange(10**6))}，"
                            f"保障金发放账户：{gen.bank_card('622848', 19, rnd.randrange(10**6))}。\n")
            doc.insert(1, "".join(rows))
            doc.append(f"\n监督电话：0877-70{rnd.randrange(10**5):05d}\n")
        if rnd.randrange(4) == 0:
            i = rnd.randrange(len(doc))
            doc[i] = doc[i][: len(doc[i]) // 2] + rnd.choice(DRAFT_TERMS) + doc[i][len(doc[i]) // 2:]
        if rnd.randrange(100) == 0:
            doc.insert(0, "内部资料 注意保存\n")
        text = "".join(doc) + "\n\n"
        out.append(text)
        size += len(text.encode("utf-8"))
    return "".join(out)


def build_corpus(megabytes: float, seed: int = 7) -> str:
    """The dense stress corpus: about ``megabytes`` of text with a personal
    number about every 4 KB and a list term or marking about every 3 KB,
    everywhere (a long 公示 list with odd wording: the worst case, not the
    average)."""
    gen = _generators()
    rnd = random.Random(seed)
    pool = sentences()
    out: list[str] = []
    size = 0
    target = int(megabytes * 1_000_000)
    since_number = since_term = 0
    while size < target:
        s = rnd.choice(pool)
        if since_number > 4000:
            kind = rnd.randrange(3)
            if kind == 0:
                s = f"户主某某，身份证号码：{gen.random_id(rnd)}，" + s
            elif kind == 1:
                s = f"联系电话：{gen.mobile('139', rnd.randrange(10**6))}。" + s
            else:
                s = f"咨询电话：0877-70{rnd.randrange(10**5):05d}。" + s
            since_number = 0
        if since_term > 3000:
            s = s[: len(s) // 2] + rnd.choice(TERMS) + s[len(s) // 2:]
            since_term = 0
        if rnd.random() < 0.08:
            s += "\n"
        out.append(s)
        n = len(s.encode("utf-8"))
        size += n
        since_number += n
        since_term += n
    return "".join(out)


def build_folder(folder: Path, count: int, seed: int = 3) -> tuple[int, float]:
    """``count`` drafts in 30 sub-folders, as a county website's archive has
    them: sizes log-normal around 6 KB (a one-page notice) up to 200 KB (an
    annual report), 80 % .txt, 15 % .html, 5 % .docx.  Returns (files, MB of text)."""
    rnd = random.Random(seed)
    total = 0
    for n in range(count):
        sub = folder / f"{n % 30:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        kb = min(200.0, max(0.5, math.exp(rnd.gauss(math.log(6), 1.0))))
        text = build_corpus(kb / 1000, seed=rnd.randrange(10**9))
        total += len(text.encode("utf-8"))
        kind = rnd.random()
        if kind < 0.05:
            (sub / f"{n}.docx").write_bytes(_docx(text))
        elif kind < 0.20:
            body = "".join(f"<p>{p}</p>" for p in text.split("\n"))
            (sub / f"{n}.html").write_text(f"<html><body><h1>公告{n}</h1>{body}</body></html>", encoding="utf-8")
        else:
            (sub / f"{n}.txt").write_text(text, encoding="utf-8")
    return count, total / 1e6


def _docx(text: str) -> bytes:
    import docx

    d = docx.Document()
    for p in text.split("\n"):
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
