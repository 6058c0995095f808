"""The one answer to "is this a confirmed resident ID number" (GB 11643-1999).

An 18-character value is a confirmed ID when its check character (ISO 7064
MOD 11-2), its birth date (a real date from 1900 to today) and its region
code (regions.py: any code stdnum lists, for any period) are all good.  The
ID detector, the bank-card detector (an 18-digit card candidate that is an ID
is left to the ID detector) and the owner analysis (an ID in a record makes
it a person's) all ask here, so the three can never disagree.

It sits below context.py and owners.py (it imports only regions.py), so
every detector and the owner analysis can use it without an import cycle.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from .regions import region_name

EARLIEST_YEAR = 1900


def birth_date(yyyymmdd: str) -> datetime.date | None:
    """A real calendar date between 1900 and today, else None."""
    try:
        born = datetime.date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        return None
    return born if EARLIEST_YEAR <= born.year and born <= datetime.date.today() else None


def check_char(body17: str) -> str:
    """GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    from stdnum.cn import ric

    return ric.calc_check_digit(body17 + "0")


@dataclass(frozen=True, slots=True)
class IdCheck:
    """Each part of the check of an 18-character value, for a detector that
    words which part failed (ID103: 校验位不符)."""

    check_ok: bool
    born: datetime.date | None
    region: str | None

    @property
    def confirmed(self) -> bool:
        return self.check_ok and self.born is not None and self.region is not None


def _shaped(chars: str) -> bool:
    """17 digits and a digit or x: the form every check below needs."""
    return len(chars) == 18 and chars[:17].isdigit() and (chars[17].isdigit() or chars[17] == "x")


def check_id(chars: str) -> IdCheck | None:
    """The check of ``chars`` (normalised: digits, a lower-case final x), or
    None when it is not 17 digits and a digit or x."""
    if not _shaped(chars):
        return None
    return IdCheck(check_char(chars[:17]) == chars[17].upper(), birth_date(chars[6:14]), region_name(chars[:6]))


def born_of(chars: str) -> datetime.date | None:
    """``check_id(chars).born`` (None also when check_id() is None), without
    computing the check character or looking up the region: for a caller
    that asks only whether the birth date is real (owners.py: an ID in a
    record makes it a person's, whatever its check character says)."""
    if not _shaped(chars):
        return None
    return birth_date(chars[6:14])


def is_confirmed_id(chars: str) -> bool:
    """Whether ``chars`` is a confirmed 18-character ID: check character,
    birth date and region all good."""
    checked = check_id(chars)
    return checked is not None and checked.confirmed
