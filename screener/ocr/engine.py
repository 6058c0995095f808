"""The OCR engine: RapidOCR (PP-OCRv4 detection and recognition models in
ONNX, shipped inside the ``rapidocr-onnxruntime`` wheel, run on the CPU by
onnxruntime), imported on first use and made once per process.

Why this engine (README "Pictures and scans"): Apache-2.0, its models are in
the wheel (1.4.x; the later ``rapidocr`` 2.x/3.x download models at run time,
which an offline checker must never do), wheels for Windows, macOS and Linux,
and PP-OCR reads Chinese print well.  Every box the detector finds is kept
(``text_score=0``): the caller, not the engine, decides what confidence is too
low, so a badly read line is reported instead of silently dropped.
"""
from __future__ import annotations

import functools
import logging
import threading
from dataclasses import dataclass
from typing import Any

NOT_INSTALLED = "未安装 OCR 组件（pip install 'screener[ocr]'），图片中的文字无法识别"

_LOCK = threading.Lock()
_ENGINE: list[Any] = []


@dataclass(frozen=True, slots=True)
class Box:
    """One text box the engine read: its text, confidence (0–1) and bounds in pixels."""

    text: str
    confidence: float
    left: float
    top: float
    right: float
    bottom: float


@functools.cache
def _module() -> Any | None:
    try:
        import rapidocr_onnxruntime  # the optional extra
    except Exception:  # ImportError, or a broken install (a missing native library)
        return None
    return rapidocr_onnxruntime


def available() -> bool:
    """Whether the ``ocr`` extra is installed and importable."""
    return _module() is not None


def _engine() -> Any:
    if not _ENGINE:
        module = _module()
        if module is None:
            raise RuntimeError(NOT_INSTALLED)
        # its own logger says which execution provider it uses; keep it quiet
        logging.getLogger("RapidOCR").setLevel(logging.WARNING)
        _ENGINE.append(module.RapidOCR(text_score=0.0, print_verbose=False))
    return _ENGINE[0]


def recognise(image: Any) -> list[Box]:
    """The text boxes in ``image`` (a numpy array, height × width × 3, BGR),
    in the engine's reading order.  One image at a time: the engine is not
    documented as thread-safe."""
    with _LOCK:
        result, _ = _engine()(image)
    boxes = []
    for points, text, score in result or ():
        xs = [float(p[0]) for p in points]
        ys = [float(p[1]) for p in points]
        if str(text).strip():
            boxes.append(Box(str(text).strip(), float(score), min(xs), min(ys), max(xs), max(ys)))
    return boxes
