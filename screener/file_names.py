"""A personal value in a file's name, reported as a finding located 文件名.

Publishing ``户主<ID>.docx`` publishes its name: the privacy owner already
masks the number wherever the name is shown, and this module makes it a
finding too, so the exit code counts it and every output lists it.  The
name is screened by the privacy owner's own finder (the personal detectors
over the name as written and with the glue around numbers undone), so the
kinds, severities and validation are those of the draft's text.

Which names are published with a file: a file's own name (not the folders
it sits in on this machine) and, inside a .zip, the member's path within
the archive (its folders travel with it) and the archive's own name, which
is reported once, on the first member it holds.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import PurePath

from .config import Config
from .detectors import KIND_LABELS
from .loaders.archive import SEP
from .model import IN_FILE_NAME, FileReport, Finding
from .privacy import find_in_name, mask


def name_findings(name: str, config: Config) -> tuple[Finding, ...]:
    """The personal values in ``name`` as findings located 文件名: offsets,
    line 1 and column index the name; text and mask are the name's own
    characters (not the view the detectors read).  The extension is read
    as blanks: zhangsan@qq.com.txt holds the address zhangsan@qq.com."""
    out = []
    for f in find_in_name(_without_extension(name), config):
        value = name[f.start:f.end]
        masked = mask(f.kind, value, config.mask_style)
        label = KIND_LABELS.get(f.kind, f.kind)
        out.append(dataclasses.replace(
            f, text=value, masked=masked, line=1, column=f.start + 1, location=IN_FILE_NAME,
            message=f"文件名中有{label}（{f.message}）",
            suggestion=f"发布前重命名文件，去掉文件名中的{label}（文件随名称一同公开；脱敏副本写入文件夹时以 × 代替）"))
    return tuple(out)


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


def _without_extension(name: str) -> str:
    """``name`` with its extension turned to spaces (same length, so offsets hold)."""
    return _EXTENSION.sub(lambda m: " " * len(m.group()), name)


def published_names(path: str) -> list[str]:
    """The names publishing ``path`` publishes, outermost first: the base
    name of the file on disk, then each member's path inside its archive
    (``a.zip › 附件/户主.docx`` → ``a.zip``, ``附件/户主.docx``)."""
    parts = str(path).split(SEP)
    first = PurePath(parts[0].replace("\\", "/")).name or parts[0]
    return [first, *parts[1:]]


def own_name_findings(path: str, config: Config) -> tuple[Finding, ...]:
    """The findings in the innermost name of ``path``: the file's own name,
    or a member's path inside its archive."""
    return name_findings(published_names(path)[-1], config)


def with_container_names(reports: Sequence[FileReport], config: Config) -> tuple[FileReport, ...]:
    """``reports`` (the members of one archive, each already holding its own
    name's findings) with the findings in the names that hold them (the
    archive's name, a nested archive's) added to the first report each name
    holds, so that each is reported once."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for fr in reports:
        names = published_names(fr.path)
        extra: list[Finding] = []
        for depth in range(len(names) - 1):
            key = tuple(names[:depth + 1])
            if key not in seen:
                seen.add(key)
                extra.extend(name_findings(names[depth], config))
        out.append(dataclasses.replace(fr, findings=(*extra, *fr.findings)) if extra else fr)
    return tuple(out)
