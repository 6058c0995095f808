"""Fuzz targets for every loader: any bytes give a Document or an InputError."""
from __future__ import annotations

import pytest

from screener import InputError
from screener.loaders import load


@pytest.mark.parametrize("encoding, payload, problem", [
    ("rot13", b"abc", "“rot13”不是文本编码，请指定如 gbk、utf-8"),
    ("base64", b"abc", "“base64”不是文本编码，请指定如 gbk、utf-8"),
    ("zlib", b"abc", "“zlib”不是文本编码，请指定如 gbk、utf-8"),
    ("punycode", b"abc\\x", "按 punycode 无法解码"),
    ("undefined", b"abc", "按 undefined 无法解码"),
    ("utf-8\x00", b"abc", "未知的编码“utf-8?”"),
    ("utf\n8", b"\xff", "按 utf?8 无法解码（第 0 字节）"),
    ("gbk", b"\xff", "按 gbk 无法解码（第 0 字节）"),
])
def test_encoding_option_that_cannot_decode_is_one_clear_error(encoding, payload, problem, tmp_path):
    # Regression: --encoding rot13 (a codec, not a text encoding) and punycode
    # used to escape as LookupError / UnicodeError tracebacks; an encoding name
    # holding a line break used to break the one-line message.
    path = tmp_path / "draft.txt"
    path.write_bytes(payload)
    with pytest.raises(InputError) as caught:
        load(path, encoding)
    assert caught.value.problem == problem


@pytest.mark.parametrize("name, problem", [
    ("a\x00b.txt", "文件名无效（含空字符）"),  # regression: was a ValueError traceback
    ("x" * 300 + ".txt", "无法读取（File name too long）"),
    ("loop1", "无法读取（Too many levels of symbolic links）"),
    ("missing.txt", "文件不存在"),
    (".", "是文件夹，不是文件"),
])
def test_odd_paths_are_one_clear_error(name, problem, tmp_path):
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    with pytest.raises(InputError) as caught:
        load(str(tmp_path / name))
    assert caught.value.problem == problem
