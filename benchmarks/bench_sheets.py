"""A 10,000-row spreadsheet: screen_file against the reader's own read time.

    PYTHONPATH=.:tests python benchmarks/bench_sheets.py [--rows 10000] [--runs 3]

Builds a 花名册 (序号, 姓名, 性别, 身份证号码, 联系电话, 住址, 银行卡号, 备注) with
generated numbers, saves it as .xlsx (openpyxl) and .xls (xlwt, a test
dependency), then times, best of N, each side in turn:

- the reader alone: ``openpyxl.load_workbook`` with the options the loader
  uses, touching every cell's value (for .xls: ``xlrd.open_workbook`` with
  ``formatting_info`` and every ``cell_value``): the floor screener cannot
  go under;
- the loader: the file to a Document (reader + layout);
- ``screen_file``: loader, every detector and list, resolve.
"""
from __future__ import annotations

import argparse
import io
import random
import tempfile
import time
import warnings
from pathlib import Path

import gen


def build_rows(n: int) -> list[list]:
    rnd = random.Random(15)
    rows = [["序号", "姓名", "性别", "身份证号码", "联系电话", "住址", "银行卡号", "备注"]]
    for i in range(1, n + 1):
        birth = f"19{rnd.randint(40, 99)}{rnd.randint(1, 12):02d}{rnd.randint(1, 28):02d}"
        rows.append([i, "张" + "一二三四五六七八九十"[i % 10] + "华", "男" if i % 2 else "女",
                     gen.id_number(rnd.choice(gen.REGIONS), birth, f"{rnd.randint(0, 999):03d}"),
                     f"13{rnd.randint(100000000, 999999999)}", f"平掌乡{rnd.randint(1, 9)}组{i}号",
                     gen.luhn_complete("622848" + "".join(rnd.choice("0123456789") for _ in range(12))),
                     "低保" if i % 3 else ""])
    return rows


def save_xlsx(rows: list[list]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "花名册"
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def save_xls(rows: list[list]) -> bytes:
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("花名册")
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            ws.write(r, c, v)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def read_xlsx_only(data: bytes) -> int:
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=False, data_only=True, keep_links=False)
    return sum(1 for ws in wb.worksheets for c in ws._cells.values() if c.value is not None)


def read_xls_only(data: bytes) -> int:
    import xlrd

    bk = xlrd.open_workbook(file_contents=data, formatting_info=True)
    return sum(1 for sh in bk.sheets() for r in range(sh.nrows) for c in range(sh.ncols) if sh.cell_value(r, c) != "")


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from screener import screen_file
    from screener.loaders import load

    rows = build_rows(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        for suffix, save, reader in ((".xlsx", save_xlsx, read_xlsx_only), (".xls", save_xls, read_xls_only)):
            data = save(rows)
            path = Path(tmp) / f"花名册{suffix}"
            path.write_bytes(data)
            screen_file(path)  # warm: imports, region table, word lists
            t_read = best(lambda: reader(data), args.runs)
            t_load = best(lambda: load(path), args.runs)
            t_screen = best(lambda: screen_file(path), args.runs)
            n = len(screen_file(path).findings)
            print(f"{suffix}: {args.rows} rows x 8 columns, {len(data) / 1e6:.2f} MB, {n} findings")
            print(f"  reader alone   {t_read:6.2f} s")
            print(f"  loader         {t_load:6.2f} s  ({t_load / t_read:.2f}x the reader)")
            print(f"  screen_file    {t_screen:6.2f} s  ({t_screen / t_read:.2f}x the reader)")


if __name__ == "__main__":
    main()
