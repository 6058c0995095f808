"""The ID region table (detectors/regions.py): stdnum's answer for every code,
kept in the per-user cache, and rebuilt when the cache is damaged."""
import random
import subprocess
import sys

import pytest

from screener.detectors import regions


@pytest.fixture(scope="module")
def built():
    return regions.build_table()


def test_the_table_has_every_code_stdnum_names(built):
    assert len(built) > 3000
    for code in random.Random(1).sample(sorted(built), 300):
        assert regions.county_from_stdnum(code) == built[code]


def test_codes_stdnum_does_not_name_are_not_in_the_table(built):
    rnd = random.Random(2)
    provinces = sorted({c[:2] for c in built})
    for _ in range(400):
        code = rnd.choice(provinces) + f"{rnd.randrange(10000):04d}"
        assert built.get(code) == regions.county_from_stdnum(code)
    assert regions.region_name("999999") is None


@pytest.mark.parametrize("code, name", [
    ("530427", "新平彝族傣族自治县"),  # listed [1997-]: counts for people born before 1997 too
    ("110103", "崇文区"),  # abolished in 2010; its residents keep their numbers
    ("810000", "香港特别行政区"),  # 港澳台居民居住证
    ("830000", "台湾地区"),
])
def test_region_names(code, name):
    assert regions.region_name(code) == name


def test_the_cached_table_is_the_built_one(built):
    assert regions.table() == built


def test_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch, built):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    regions.table.cache_clear()
    try:
        first = regions.table()
        files = list(tmp_path.glob("screener-*/screener-regions-*.marshal"))
        assert first == built and len(files) == 1
        files[0].write_bytes(b"\x00 not a table")
        regions.table.cache_clear()
        assert regions.table() == built
        files[0].write_bytes(__import__("marshal").dumps({"530427": "别处"}))  # reads back, fails the check
        regions.table.cache_clear()
        assert regions.table() == built
    finally:
        regions.table.cache_clear()


def test_a_process_with_the_cache_never_parses_stdnum_data():
    import gen

    code = (
        "import sys, stdnum.numdb as n\n"
        "from screener import screen_text\n"
        "screen_text('x')\n"
        "from screener.detectors import regions; regions.table()\n"  # make sure the cache exists
        "regions.table.cache_clear(); n._open_databases.clear()\n"
        f"r = screen_text('户主李某某，身份证号码：{gen.id_number()}。')\n"
        "print(sorted({f.code for f in r.findings}), 'cn/loc' in n._open_databases)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['ID101'] False", out.stdout
