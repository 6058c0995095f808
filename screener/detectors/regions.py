"""The region codes of ID numbers (GB/T 2260 行政区划代码), as one dict.

The facts are python-stdnum's (``stdnum/cn/loc.dat``: every county-level code
with the periods it was in use, from the Wikipedia lists of GB/T 2260 codes
it cites).  Parsing that file with stdnum's numdb takes ~0.1 s, in every
process that meets its first ID-shaped number, every worker of a parallel run
included.  So the table is derived once per stdnum version, through stdnum's
own lookup (the same answer for every code by construction), and kept in the
per-user cache (screener/cache.py); later processes read it in about a
millisecond.

A code counts if stdnum lists it for *any* period.  stdnum.cn.ric's own check
rejects a code created after the birth year (530427 新平 is listed [1997-], so
a 1985-born 新平 resident fails).  That is wrong for detection: a number is
assigned when a person registers in a county, not at birth, and codes of
abolished counties stay valid for those who hold them (domain notes §2.2).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..cache import marshalled, source_stamp

FORMAT = 1  # bump when the table's shape or the naming rule changes
# 港澳台居民居住证 use the ID format with these region codes (domain notes §2.1, O7).
EXTRA_REGIONS = {"810000": "香港特别行政区", "820000": "澳门特别行政区", "830000": "台湾地区"}


def county_from_stdnum(code: str) -> str | None:
    """The county stdnum's cn/loc data names for ``code`` in any period (the
    first name listed, without its period), or None.  Slow: the table is
    built from this."""
    from stdnum import numdb

    props = {k: v for _part, p in numdb.get("cn/loc").info(code) for k, v in p.items()}
    county = props.get("county")
    if not county:
        return None
    return county.split(",")[0].split("]")[-1]


def build_table() -> dict[str, str]:
    """Every code stdnum's data lists (province prefix + county part), named
    by county_from_stdnum()."""
    from stdnum import numdb

    table = {}
    for _len, province, _high, _props, counties in numdb.get("cn/loc").prefixes:
        for _len2, part, _high2, _props2, _children in counties:
            code = province + part
            name = county_from_stdnum(code)
            if name:
                table[code] = name
    return table


def _cache_name() -> str:
    import stdnum

    data = Path(stdnum.__file__).with_name("cn") / "loc.dat"
    return f"screener-regions-{FORMAT}-{stdnum.__version__}-{source_stamp(data)}.marshal"


def _valid(value: object) -> bool:
    return isinstance(value, dict) and len(value) > 1000 and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items())


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """Region code -> county name, for every code stdnum lists."""
    try:
        name = _cache_name()
    except OSError:  # stdnum's data file not where expected: no cache, same table
        return build_table()
    return marshalled(name, build_table, _valid)


def region_name(code: str) -> str | None:
    """The county ``code`` names (any period), or None."""
    return EXTRA_REGIONS.get(code) or table().get(code)
