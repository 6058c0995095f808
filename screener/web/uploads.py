"""Uploads, parsed in memory within limits.

Starlette's multipart parser spools a file over 1 MB to the shared
temporary folder; here the spool limit is raised above the per-file limit,
so an upload never touches the disk, and the body is counted as it arrives
so that no more than the total limit is ever read.  Exceeding a limit is
one Chinese line and HTTP 413.
"""
from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass

from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request


@dataclass(frozen=True)
class Limits:
    """How much one request may upload."""

    files: int = 20
    file_bytes: int = 20 * 1024 * 1024
    total_bytes: int = 64 * 1024 * 1024
    text_chars: int = 2 * 1024 * 1024


class UploadRefused(Exception):
    """An upload over a limit, or not a form: ``status`` and one line for the page."""

    def __init__(self, message: str, status: int = 413):
        super().__init__(message)
        self.status = status


def _mb(n: int) -> str:
    return f"{n / 1048576:g} MB"


async def counted(request: Request, limit: int) -> AsyncGenerator[bytes, None]:
    """The request body, chunk by chunk, refused once it passes ``limit`` bytes."""
    seen = 0
    async for chunk in request.stream():
        seen += len(chunk)
        if seen > limit:
            raise UploadRefused(f"上传内容过大（上限 {_mb(limit)}）")
        yield chunk


@dataclass(frozen=True)
class Upload:
    name: str
    data: bytes


async def read_uploads(request: Request, limits: Limits) -> tuple[list[Upload], str | None]:
    """The files (field ``file``) and the pasted text (field ``text``) of a
    multipart request, all in memory."""
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise UploadRefused("请以 multipart/form-data 上传（字段 file 或 text）", 400)
    length = request.headers.get("content-length")
    if length and length.isdigit() and int(length) > limits.total_bytes:
        raise UploadRefused(f"上传内容过大（上限 {_mb(limits.total_bytes)}）")

    class InMemory(MultiPartParser):
        spool_max_size = limits.file_bytes + 1  # never rolls over to a temporary file

    parser = InMemory(request.headers, counted(request, limits.total_bytes),
                      max_files=limits.files, max_fields=limits.files + 10,
                      max_part_size=limits.text_chars * 4)
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        message = str(exc)
        if "files" in message.lower() or "fields" in message.lower():
            raise UploadRefused(f"一次最多上传 {limits.files} 个文件") from None
        raise UploadRefused(f"上传内容无法解析或过大（{message[:80]}）", 400) from None
    files: list[Upload] = []
    text = None
    try:
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                if key != "file":
                    continue
                data = await value.read(limits.file_bytes + 1)
                if len(data) > limits.file_bytes:
                    raise UploadRefused(f"单个文件过大（上限 {_mb(limits.file_bytes)}）")
                files.append(Upload(value.filename or "未命名", data))
            elif key == "text" and value.strip():
                if len(value) > limits.text_chars:
                    raise UploadRefused("粘贴的文字过长")
                text = value
    finally:
        await form.close()
    if not files and text is None:
        raise UploadRefused("没有收到稿件：请选择文件或粘贴文字", 400)
    return files, text
