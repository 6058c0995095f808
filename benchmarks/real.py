"""The benchmark's real-text inputs (issue 18): government texts as they were
published, not sentences the benchmark made up.

- **real**: every text of the shared corpus (../shared/corpus/texts: notices,
  annual reports with their tables, 公示 lists, statistics bulletins,
  procurement notices; simplified and traditional script) joined with blank
  lines and repeated to the size asked for;
- **dense 公示**: the bundled example (examples/draft.txt, a 公示 list with
  IDs, mobiles and bank cards) repeated;
- **seed**: the seed township annual report (../shared/seeds) repeated;
- **no digits**: the real texts with every digit (ASCII and full-width)
  removed, repeated: what the pipeline costs when no number can be found;
- **folder**: copies of the real texts under varied names (a clerk's file
  names: 文号, dates, spaces, brackets) in sub-folders.

The corpus is read from a directory given on the command line (default
../shared/corpus relative to the project root); when it is missing the
benchmark says so in one line and stops (CorpusMissing).
"""
from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLE = ROOT / "examples" / "draft.txt"
_DIGITS = re.compile("[0-9\uff10-\uff19]")


class CorpusMissing(Exception):
    """The real-text corpus (or the seed) is not where the benchmark looks."""


def _texts_dir(corpus: Path) -> Path:
    """``corpus/texts`` when it exists, else ``corpus`` itself."""
    sub = corpus / "texts"
    return sub if sub.is_dir() else corpus


def real_texts(corpus: Path = DEFAULT_CORPUS) -> list[tuple[str, str]]:
    """(file name, text) of every .txt in the corpus, sorted by name."""
    folder = _texts_dir(corpus)
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        raise CorpusMissing(f"no real-text corpus at {folder} (expected *.txt files); "
                            "pass --corpus DIR pointing at a folder of government texts")
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def seed_text(seeds: Path = DEFAULT_SEEDS) -> str:
    """The seed annual report: ``seeds`` itself if it is a file, else the
    first .txt in that folder."""
    if seeds.is_file():
        return seeds.read_text(encoding="utf-8")
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not files:
        raise CorpusMissing(f"no seed report at {seeds}; pass --seed FILE")
    return files[0].read_text(encoding="utf-8")


def repeat_to(unit: str, megabytes: float) -> str:
    """``unit`` repeated until the text holds at least ``megabytes`` MB of UTF-8."""
    size = len(unit.encode("utf-8"))
    return unit * max(1, -(-int(megabytes * 1_000_000) // size))


def joined(texts: list[tuple[str, str]]) -> str:
    """The texts as one archive: each ends with a blank line."""
    return "".join(t.rstrip("\n") + "\n\n" for _, t in texts)


def real(texts: list[tuple[str, str]], megabytes: float) -> str:
    return repeat_to(joined(texts), megabytes)


def dense(megabytes: float) -> str:
    return repeat_to(EXAMPLE.read_text(encoding="utf-8").rstrip("\n") + "\n\n", megabytes)


def seed(seeds: Path, megabytes: float) -> str:
    return repeat_to(seed_text(seeds).rstrip("\n") + "\n\n", megabytes)


def no_digits(texts: list[tuple[str, str]], megabytes: float) -> str:
    return repeat_to(_DIGITS.sub("", joined(texts)), megabytes)


_NAME_PARTS = ("关于", "公示", "通知", "年度报告", "（第{n}号）", "_终稿", " 修改稿", "-{n}", "【{n}】", "2024年")


def build_folder(texts: list[tuple[str, str]], folder: Path, count: int, seed_: int = 5) -> float:
    """``count`` copies of the real texts in 20 sub-folders, each under a
    different name made the way clerks name drafts; returns MB written."""
    rnd = random.Random(seed_)
    total = 0
    for n in range(count):
        name, text = texts[n % len(texts)]
        sub = folder / f"{2015 + n % 10}年" / f"{n % 20:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        parts = rnd.sample(_NAME_PARTS, rnd.randint(1, 3))
        stem = "".join(p.format(n=rnd.randint(1, 99)) for p in parts)
        path = sub / f"{n:04d}{stem}{Path(name).stem}.txt"
        path.write_text(text, encoding="utf-8")
        total += path.stat().st_size
    return total / 1e6
