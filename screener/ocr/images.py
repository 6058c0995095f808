"""Picture bytes → images the engine can read, safely.

The content decides, not the name: PNG, JPEG, TIFF and BMP are recognised by
their first bytes (a .jpg that is really a PNG reads; a .png that is a PDF is
refused with the format named).  Size is bounded before any pixel is
decoded: Pillow reads the dimensions from the header, and a picture of more
than ``MAX_PIXELS`` (a decompression bomb: a few KB that inflate to
gigabytes) is refused, as is a TIFF of more than ``MAX_FRAMES`` pages.
Large scans are shrunk to ``MAX_SIDE`` before recognition (the engine
itself works at most at 2000 pixels a side), which also bounds memory.
"""
from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

MAX_PIXELS = 80_000_000  # an A3 page scanned at 600 dpi is 70 million
MAX_FRAMES = 500
MAX_SIDE = 4000

_MAGIC = ((b"\x89PNG", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"II*\x00", "TIFF"),
          (b"MM\x00*", "TIFF"), (b"BM", "BMP"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"))


class PictureError(Exception):
    """A picture that cannot be read: ``str()`` is one Chinese line, never content."""


def picture_format(data: bytes) -> str | None:
    """PNG, JPEG, TIFF, BMP or GIF (a picture pasted into Word) from the first bytes, else None."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def frames(data: bytes) -> Iterator[Any]:
    """Each page of the picture (one, or a multi-page TIFF's pages) as a
    numpy BGR array for the engine.  Raises PictureError."""
    from PIL import Image, ImageSequence  # the ocr extra brings Pillow

    if picture_format(data) is None:
        raise PictureError("不是可识别的图片（支持 PNG、JPEG、TIFF、BMP、GIF）")

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PictureError(f"图片过大（{width}×{height} 像素，上限 {MAX_PIXELS // 1_000_000} 百万像素），"
                                   "可能是异常文件，未识别")
            count = getattr(image, "n_frames", 1)
            if count > MAX_FRAMES:
                raise PictureError(f"图片页数过多（{count} 页，上限 {MAX_FRAMES} 页），未识别")
            for frame in ImageSequence.Iterator(image):
                yield to_bgr(frame)
    except PictureError:
        raise
    except Image.DecompressionBombError:
        raise PictureError("图片像素过多，可能是异常文件（解压炸弹），未识别") from None
    except (OSError, ValueError, SyntaxError, EOFError):  # truncated or corrupt data
        raise PictureError("图片已损坏或不完整，无法识别") from None


def to_bgr(frame: Any) -> Any:
    """A Pillow image as the engine's numpy array (height × width × 3, BGR)."""
    import numpy as np  # the ocr extra brings numpy

    return np.asarray(_rgb(frame))[:, :, ::-1].copy()


def _rgb(frame: Any) -> Any:
    """``frame`` as RGB on a white ground (a transparent screenshot's text
    would be black on black), shrunk to MAX_SIDE."""
    from PIL import Image

    if frame.mode in ("RGBA", "LA", "P", "PA"):
        rgba = frame.convert("RGBA")
        ground = Image.new("RGBA", rgba.size, "white")
        ground.alpha_composite(rgba)
        frame = ground
    image = frame.convert("RGB")
    if max(image.size) > MAX_SIDE:
        image.thumbnail((MAX_SIDE, MAX_SIDE))
    return image
