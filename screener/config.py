"""screener.toml: an office's own settings, read with the standard library.

Looked up as ``screener.toml`` in the current folder unless ``--config FILE``
names one.  Every key is checked; an unknown key or a wrong type is a
ConfigError naming the file and the key, never silently ignored.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError
from .folding import fold
from .masking import STYLES
from .model import Severity
from .sheet.fields import SheetFields, fields_from_settings

CONFIG_NAME = "screener.toml"
_NON_DIGIT = re.compile(r"[^0-9xX]")


def digits_key(value: str) -> str:
    """A number reduced to its digits (and X), for comparing allow-list entries."""
    return _NON_DIGIT.sub("", fold(value)).lower()


@dataclass(frozen=True)
class Config:
    """Settings that change what is reported and how."""

    fail_on: Severity = Severity.WARNING
    ignore: tuple[str, ...] = ()  # rule codes or code prefixes: "XH", "PH211"
    allow_numbers: frozenset[str] = frozenset()  # digit keys, see digits_key()
    allow_terms: frozenset[str] = frozenset()
    wordlists: tuple[Path, ...] = ()  # extra user lists
    disable_lists: tuple[str, ...] = ()  # list names or entry ids to switch off
    enable_lists: tuple[str, ...] = ()  # off-by-default lists or entries to switch on
    mask_style: str = "default"
    mode: str = "normal"  # "disclosure": a 惩戒公示 / 强制性信息披露 (context.disclosure)
    sheet: SheetFields = field(default_factory=SheetFields)  # [sheet]: the approval sheet's defaults
    source: Path | None = None
    annual_previous: tuple[int, ...] | None = None  # last year's 结转下年度 row (--previous)
    ocr: bool = True  # read pictures and scans with the ocr extra when installed (--no-ocr: off)
    ocr_text: Path | None = None  # folder to write the recognised text to (--ocr-text); never otherwise

    def ignores(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.ignore)

    def with_overrides(self, **changes) -> "Config":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_KEYS = {
    "fail_on": str,
    "ignore": list,
    "allow_numbers": list,
    "allow_terms": list,
    "wordlists": list,
    "disable": list,
    "enable": list,
    "mask_style": str,
    "mode": str,
    "sheet": dict,
    "ocr": bool,
}
MODES = ("normal", "disclosure")


def load_config(path: Path | None = None, *, cwd: Path | None = None) -> Config:
    """Read ``path``, or ``screener.toml`` in ``cwd`` if it exists, else defaults."""
    if path is None:
        candidate = (cwd or Path.cwd()) / CONFIG_NAME
        if not candidate.is_file():
            return Config()
        path = candidate
    return parse_config(read_toml(Path(path), "配置文件"), Path(path))


def read_file_bytes(path: Path, noun: str, file_noun: str | None = None) -> bytes:
    """A settings or list file's bytes; every OS problem becomes one
    ConfigError line (``file_noun`` names the file when it is missing)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}：{file_noun or noun}不存在") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取{noun}（{type(exc).__name__}）") from None


def read_toml(path: Path, noun: str, file_noun: str | None = None) -> dict:
    """A TOML file (UTF-8, BOM allowed) as data, or one ConfigError line."""
    raw = read_file_bytes(path, noun, file_noun)
    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}：无法读取{noun}（{type(exc).__name__}）") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：{noun}格式错误（{exc}）") from None
    except RecursionError:  # [[[[…]]]] thousands deep: tomllib recurses per level
        raise ConfigError(f"{path}：{noun}格式错误（嵌套过深）") from None


def parse_config(data: dict, path: Path) -> Config:
    for key, value in data.items():
        if key not in _KEYS:
            raise ConfigError(f"{path}：未知的配置项“{key}”，可用：{'、'.join(_KEYS)}")
        if not isinstance(value, _KEYS[key]):
            raise ConfigError(f"{path}：配置项“{key}”的类型不对，应为 {_KEYS[key].__name__}")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{path}：配置项“{key}”应为字符串列表")
    try:
        fail_on = Severity.parse(data.get("fail_on", "warning"))
    except ValueError as exc:
        raise ConfigError(f"{path}：fail_on：{exc}") from None
    mask_style = data.get("mask_style", "default")
    if mask_style not in STYLES:
        raise ConfigError(f"{path}：mask_style 应为 {'、'.join(STYLES)} 之一")
    mode = data.get("mode", "normal")
    if mode not in MODES:
        raise ConfigError(f"{path}：mode 应为 {'、'.join(MODES)} 之一")
    base = path.parent
    return Config(
        fail_on=fail_on,
        ignore=tuple(data.get("ignore", ())),
        allow_numbers=frozenset(digits_key(v) for v in data.get("allow_numbers", ())),
        allow_terms=frozenset(data.get("allow_terms", ())),
        wordlists=tuple((base / p) for p in data.get("wordlists", ())),
        disable_lists=tuple(data.get("disable", ())),
        enable_lists=tuple(data.get("enable", ())),
        mask_style=mask_style,
        mode=mode,
        sheet=fields_from_settings(data.get("sheet", {}), path),  # names the file and key at fault
        source=path,
        ocr=data.get("ocr", True),
    )
