"""Generated personal numbers for tests: valid check digits, never real people's.

Region codes are real county codes (so region validation passes); birth dates
and order codes are chosen by the test; the check character is computed
(GB 11643 / ISO 7064 MOD 11-2; Luhn for cards).
"""
from __future__ import annotations

import random

_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
_CHECK = "10X98765432"

REGIONS = ["530427", "110105", "440305", "510104", "330106", "620102", "420106", "370102"]


def id_check(body17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(body17, _W)) % 11]


def id_number(region: str = "530427", birth: str = "19850312", seq: str = "123") -> str:
    body = region + birth + seq
    return body + id_check(body)


def id_bad_check(region: str = "530427", birth: str = "19850312", seq: str = "123") -> str:
    good = id_number(region, birth, seq)
    wrong = next(c for c in "0123456789X" if c != good[-1])
    return good[:-1] + wrong


def luhn_complete(body: str) -> str:
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return body + str((10 - total % 10) % 10)


def bank_card(prefix: str = "622202", length: int = 19, seed: int = 1) -> str:
    rnd = random.Random(seed)
    body = prefix + "".join(str(rnd.randrange(10)) for _ in range(length - len(prefix) - 1))
    return luhn_complete(body)


def random_id(rnd: random.Random) -> str:
    region = rnd.choice(REGIONS)
    year = rnd.randrange(1940, 2015)
    birth = f"{year}{rnd.randrange(1, 13):02d}{rnd.randrange(1, 29):02d}"
    return id_number(region, birth, f"{rnd.randrange(1000):03d}")


def mobile(prefix: str = "139", seed: int = 1) -> str:
    rnd = random.Random(seed)
    return prefix + "".join(str(rnd.randrange(10)) for _ in range(11 - len(prefix)))


def to_fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)
