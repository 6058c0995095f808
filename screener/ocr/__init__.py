"""Offline OCR for pictures and scans (the optional ``ocr`` extra).

A scanned 公示 or a photo pasted into a .docx has no text layer, yet its ID
and phone numbers leak as surely as typed ones.  With ``pip install
'screener[ocr]'`` (RapidOCR: PP-OCR models shipped inside the wheel, run by
onnxruntime, nothing fetched at run time) loaders hand such pictures here and
get back the recognised text, line by line with the engine's confidence, to
screen like any other.  Without the extra, or with ``--no-ocr``, nothing here
runs and the pictures stay reported as unchecked.

Modules: ``settings`` (on/off, the text folder, progress: per run),
``engine`` (the lazy engine wrapper), ``images`` (opening picture bytes
safely), ``layout`` (boxes → lines of text), ``blocks`` (lines → labelled
text for a Document), ``pages`` (PDF pages), ``parts`` (pictures inside
.docx/.xlsx packages), ``dump`` (``--ocr-text``), ``notes`` (the confidence
on findings).
"""
