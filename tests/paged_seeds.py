"""Valid PDF, OFD and .doc files for the fuzz and security suites: one seed
list per format, made by the tests' own writers (pdf_factory, ofd_factory,
doc_factory) with generated numbers."""
from __future__ import annotations

import functools

import gen
from doc_factory import build_doc
from ofd_factory import OfdPage, build_ofd
from pdf_factory import Page, build_pdf

ID = gen.id_number()


@functools.cache
def paged_seeds() -> dict[str, tuple[bytes, ...]]:
    return {
        ".pdf": (build_pdf([Page([(50, 800, f"身份证号码：{ID[:9]}"), (50, 785, ID[9:])]), Page(image=True)],
                           info={"title": "公示"}),
                 build_pdf([Page([(50, 800, "电话13926647378")])], font="ucs2", compress=False)),
        ".ofd": (build_ofd([OfdPage([(20, 30, f"身份证号码：{ID}")], template=True), OfdPage(image=True)],
                           template_lines=[(20, 10, "内部资料")], annotations={1: "备注"}, attachments=1,
                           info={"title": "公示", "keywords": "a;b"}, per_glyph=True),),
        ".doc": (build_doc([f"身份证号码：{ID}", '\x13 HYPERLINK "tel:13926647378" \x14电话\x15\x01'],
                           footnotes=["\x02 脚注"], comments=["\x05批注"], properties={"author": "王五"}),),
    }
