"""Service numbers and hotlines that are never a person's number.

Data, with the source of each entry (domain notes §3.3).  The phone
detectors check every candidate against it, so "拨打12345" or a 400 number
printed next to 电话 is never reported.  (Most of these are also too short
to be a candidate at all; the list keeps that a stated rule, not an accident.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ServiceNumber:
    pattern: str  # full match over the digits, trunk 0 or +86 removed
    what: str
    source: str
    example: str


SERVICE_NUMBERS = (
    ServiceNumber(r"1(?:1[09]|20)", "110、119、120 紧急呼叫", "libphonenumber region_CN 紧急号码（P3）", "110"),
    ServiceNumber(r"122", "122 交通事故报警", "国办发〔2020〕53号 说明（P4）", "122"),
    ServiceNumber(r"12345", "12345 政务服务便民热线", "国办发〔2020〕53号（P4）", "12345"),
    ServiceNumber(
        r"123(?:15|66|33|48|69|20|55|38|28|77|88|80|09|68)|12306",
        "12315、12366、12333 等公共服务号码",
        "domain notes §3.3（常识，未见官方清单；可在 screener.toml 的 allow_numbers 中补充）",
        "12315",
    ),
    ServiceNumber(r"95\d{3,4}", "95xxx 银行、企业客服号码", "domain notes §3.3（常识）", "95588"),
    ServiceNumber(r"100(?:86|10|00)", "10086、10010、10000 运营商客服", "domain notes §3.3（常识）", "10086"),
    ServiceNumber(r"400\d{7}", "400 企业共享费用号码", "libphonenumber region_CN shared_cost（P3）", "4006001234"),
    ServiceNumber(r"(?:10)?800\d{7}", "800 / 10800 免费电话", "libphonenumber region_CN toll_free（P3）", "8008101234"),
)

_SERVICE = re.compile("|".join(f"(?:{s.pattern})" for s in SERVICE_NUMBERS))


def is_service_number(digits: str) -> bool:
    """True for a hotline or service number (digits only, no trunk 0, no +86)."""
    return bool(_SERVICE.fullmatch(digits))
