"""Reading an Office Open XML package (.docx) safely: bounded unzipping,
hardened XML parsing, relationships.

A .docx is a zip of XML parts.  A hostile or broken file must cost bounded
memory and time and end in one clear Chinese line, so:

- the member count, each part's declared size (``ZipInfo.file_size``, checked
  before reading) and the total bytes unpacked are capped, and parts are read
  in bounded chunks that count what actually comes out (a forged header cannot
  smuggle more);
- XML is parsed by lxml with entity resolution, DTD loading and network access
  off and without ``huge_tree``, and a part that declares a DOCTYPE is refused
  outright (Word never writes one; entity bombs need one);
- a password-protected .docx is not a zip at all but an OLE compound file
  holding an ``EncryptedPackage`` stream, and an old .doc renamed to .docx is
  an OLE file too: both get a message saying what to do.
"""
from __future__ import annotations

import io
import posixpath
import zipfile
import zlib

from lxml import etree

from ..errors import InputError

MAX_MEMBERS = 10_000  # a large real .docx has a few hundred parts
MAX_PART_BYTES = 64 * 1024 * 1024  # one unpacked XML part
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # all parts read from one file
CHUNK = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PARSER_OPTIONS = dict(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)


class Package:
    """An opened .docx: its parts, read on demand within the size budget."""

    def __init__(self, data: bytes, path: str, *, kind: str = ".docx",
                 resave: str = "请在 Word 中打开后重新另存为 .docx"):
        """``kind`` and ``resave`` name the format and what to do in messages
        (the OFD loader reads its zip through here too); a caller other than
        the .docx loader checks the zip signature itself first."""
        self.path = path
        self.kind, self.resave = kind, resave
        if kind == ".docx":
            _reject_non_zip(data, path)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, NotImplementedError):
            raise InputError(path, f"文件已损坏，不是有效的 {kind}（zip 结构无法读取），{resave}") from None
        if len(infos) > MAX_MEMBERS:
            raise InputError(path, f"压缩包内文件过多（{len(infos)} 个），不像正常的 {kind} 文件，已拒绝读取")
        self._infos = {info.filename: info for info in infos}
        if len(self._infos) != len(infos):
            # two members under one name: readers disagree on which one counts
            # (zipfile takes the last, Word the first), so what is screened
            # might not be what is published
            raise InputError(path, "压缩包内有重名的部件，无法确定 Word 实际显示哪一份，已拒绝读取；"
                                   "请在 Word 中打开后重新另存为 .docx")
        self._budget = MAX_TOTAL_BYTES
        self._parser = etree.XMLParser(**_PARSER_OPTIONS)

    def has(self, name: str) -> bool:
        return name in self._infos

    def read(self, name: str) -> bytes:
        """The unpacked bytes of part ``name``, within the per-part and total caps."""
        info = self._infos[name]
        limit = min(MAX_PART_BYTES, self._budget)
        if info.file_size > limit:
            raise InputError(self.path, _too_big(info.file_size, self.kind))
        out = bytearray()
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(CHUNK):
                    out += chunk
                    if len(out) > limit:
                        raise InputError(self.path, _too_big(len(out), self.kind))
        except InputError:
            raise
        except NotImplementedError:  # before RuntimeError, its base class
            raise InputError(self.path, f"文件使用了不支持的压缩方式，{self.resave}") from None
        except RuntimeError:  # zipfile: "File is encrypted, password required"
            raise InputError(self.path, f"文件内容已加密，请去除密码后另存为 {self.kind} 再检查") from None
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
            raise InputError(self.path, f"文件已损坏（{name} 无法解压），{self.resave}") from None
        self._budget -= len(out)
        return bytes(out)

    def xml(self, name: str) -> etree._Element:
        """Parse part ``name`` with the hardened parser."""
        data = self.read(name)
        refused = InputError(self.path, f"文件含有不允许的 XML 文档类型声明（{name}），已拒绝读取")
        if b"<!DOCTYPE" in data:
            raise refused
        try:
            root = etree.fromstring(data, self._parser)
        except etree.XMLSyntaxError:
            raise InputError(self.path, f"文件已损坏（{name} 不是有效的 XML），{self.resave}") from None
        if root.getroottree().docinfo.doctype:  # a DOCTYPE in another encoding
            raise refused
        return root

    def names(self) -> list[str]:
        """Every member name, in the order of the zip directory."""
        return list(self._infos)

    def external_targets(self, source: str) -> dict[str, tuple[str, str]]:
        """``{rId: (type, target)}`` of the external relationships of part
        ``source``: hyperlink addresses (``tel:``, ``mailto:``, web links),
        linked pictures and templates, which the file publishes though no
        page shows them."""
        rels_name = _rels_name(source)
        if not self.has(rels_name):
            return {}
        return {rel.get("Id", ""): (rel.get("Type", "").rsplit("/", 1)[-1], rel.get("Target", ""))
                for rel in self.xml(rels_name).iter(_PKG_REL) if rel.get("TargetMode") == "External"}

    def relationships(self, source: str) -> dict[str, tuple[str, str]]:
        """``{rId: (type, part name)}`` for the part ``source`` ("" for the package)."""
        folder = posixpath.split(source)[0]
        rels_name = _rels_name(source)
        if not self.has(rels_name):
            return {}
        rels: dict[str, tuple[str, str]] = {}
        for rel in self.xml(rels_name).iter(_PKG_REL):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            rels[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], name)
        return rels


def _rels_name(source: str) -> str:
    folder, base = posixpath.split(source)
    return posixpath.join(folder, "_rels", base + ".rels")


def _too_big(size: int, kind: str = ".docx") -> str:
    return (f"解压后内容过大（超过 {size // 1048576} MB），可能是伪装成 {kind} 的压缩炸弹，已停止读取；"
            f"单个部件上限 {MAX_PART_BYTES // 1048576} MB，总量上限 {MAX_TOTAL_BYTES // 1048576} MB")


def _reject_non_zip(data: bytes, path: str) -> None:
    if not data:
        raise InputError(path, "文件为空（0 字节），不是有效的 .docx")
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise InputError(path, "文件设有打开密码（已加密），无法检查；请在 Word 中取消密码后另存为 .docx 再检查")
        raise InputError(path, "实际是旧版 Word 格式（.doc），只是扩展名为 .docx；请在 Word 中另存为 .docx 后再检查")
    if not data.startswith(b"PK"):
        raise InputError(path, "不是有效的 .docx（不是 zip 格式的 Word 文档），请在 Word 中另存为 .docx 后再检查")
