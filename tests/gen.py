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


def id15(region: str = "530427", yymmdd: str = "850312", seq: str = "123") -> str:
    """A 15-digit legacy ID (no check digit: GB 11643-1989 layout)."""
    return region + yymmdd + seq


def grouped(number: str, sizes: tuple[int, ...], sep: str = " ") -> str:
    """``number`` split into groups of ``sizes`` joined by ``sep`` (6-8-4, 3-4-4, 4-4-4-4-3)."""
    out, pos = [], 0
    for n in sizes:
        out.append(number[pos:pos + n])
        pos += n
    if pos < len(number):
        out.append(number[pos:])
    return sep.join(out)


def masked(number: str, keep_head: int, keep_tail: int, char: str = "*") -> str:
    """``number`` with everything but its head and tail replaced by ``char``."""
    return number[:keep_head] + char * (len(number) - keep_head - keep_tail) + number[len(number) - keep_tail:]


def luhn_invalid(card: str) -> str:
    """The same card with a wrong last digit."""
    return card[:-1] + str((int(card[-1]) + 1) % 10)


def uscc_that_is_also_an_id() -> str:
    """An 18-digit string valid both as an ID (GB 11643) and as a 统一社会信用代码
    (GB 32100 check), to test that a USCC label wins.  Found by a fixed search."""
    from stdnum.cn import uscc

    for day in range(1, 29):
        for seq in range(1000):
            number = id_number("530427", f"198503{day:02d}", f"{seq:03d}")
            if uscc.is_valid(number):
                return number
    raise AssertionError("no such number")  # pragma: no cover


def id_ending_x(region: str = "530427", birth: str = "19850312") -> str:
    """A valid ID whose check character is X."""
    for seq in range(1000):
        number = id_number(region, birth, f"{seq:03d}")
        if number.endswith("X"):
            return number
    raise AssertionError("no such number")  # pragma: no cover


def luhn_valid(number: str) -> bool:
    return luhn_complete(number[:-1]) == number


def id_that_passes_luhn(region: str = "620102") -> str:
    """A valid ID that is also Luhn-valid and starts with 62 (a UnionPay
    prefix): the bank-card detector must leave it to the ID detector."""
    for seq in range(1000):
        number = id_number(region, "19850312", f"{seq:03d}")
        if number[-1] != "X" and luhn_valid(number):
            return number
    raise AssertionError("no such number")  # pragma: no cover


def foreign_id_2023(province: str = "11", nationality: str = "840", birth: str = "19900101",
                    seq: str = "123") -> str:
    """A 2023 外国人永久居留身份证 number: 9 + province + ISO 3166-1 numeric
    nationality + birth date + sequence + MOD 11-2 check (as a citizen ID)."""
    body = "9" + province + nationality + birth + seq
    return body + id_check(body)


def foreign_id_old(alpha3: str = "USA", place: str = "1100", yymmdd: str = "850312", seq: str = "1") -> str:
    """An older 外国人永久居留证 number: alpha-3 nationality + 4-digit place +
    YYMMDD + sequence + 7-3-1 check digit (A=10 … Z=35, mod 10)."""
    body = alpha3 + place + yymmdd + seq
    total = sum((int(c) if c.isdigit() else ord(c) - 55) * (7, 3, 1)[k % 3] for k, c in enumerate(body))
    return body + str(total % 10)


def hk_macau_permit(letter: str = "H", seed: int = 1, renewals: str | None = "00") -> str:
    """A 港澳居民来往内地通行证 number: H/M + 8 digits (+ 2-digit renewal count)."""
    rnd = random.Random(seed)
    return letter + "".join(str(rnd.randrange(10)) for _ in range(8)) + (renewals or "")


def taiwan_permit(seed: int = 1) -> str:
    """A 台湾居民来往大陆通行证 life number: 8 digits."""
    rnd = random.Random(seed)
    return str(rnd.randrange(1, 10)) + "".join(str(rnd.randrange(10)) for _ in range(7))


def passport(seed: int = 1, prefix: str = "E") -> str:
    """A PRC passport number: E + letter (not I/O) + 7 digits, or E/G + 8 digits."""
    rnd = random.Random(seed)
    if prefix == "EA":
        return "E" + rnd.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + "".join(str(rnd.randrange(10)) for _ in range(7))
    return prefix + "".join(str(rnd.randrange(10)) for _ in range(8))
