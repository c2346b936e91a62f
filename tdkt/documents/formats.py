"""The text forms of Nghị định 30/2020/NĐ-CP a template prints (DOCUMENTS.md §2, §5, §7), built once here.

- `number_line(5, "QĐ-UBND")` → "Số: 05/QĐ-UBND" (a number under 10 gets a leading 0; no number yet → "Số:      /QĐ-UBND",
  the blank a paper document is numbered in after signing).
- `place_date(“Hà Nội”, date(2020, 1, 5))` → "Hà Nội, ngày 05 tháng 01 năm 2020" (leading 0 for days < 10 and months 1–2,
  `tdkt.core.vntext.format_date`); no date → "Hà Nội, ngày      tháng      năm 2020" to be filled in by hand.
- `money(1170000)` → {"digits": "1.170.000", "text": "1.170.000 đồng", "words": "Một triệu một trăm bảy mươi nghìn đồng",
  "full": "1.170.000 đồng (Một triệu một trăm bảy mươi nghìn đồng)"}; the words in brackets only when
  settings.TDKT_MONEY_IN_WORDS (ND 30 has no rule on money; DOCUMENTS.md §7 "U").
"""

from __future__ import annotations

import datetime as dt
import re

from django.conf import settings

from tdkt.core import vntext
from tdkt.core.errors import DomainError

BLANK = "\u00a0" * 6  # the blank left for a number or a day written by hand
_SYMBOL = re.compile(r"[0-9A-ZĐ][0-9A-Za-zĐđ]*(-[0-9A-ZĐ][0-9A-Za-zĐđ]*)*")


def number_text(number: int | None) -> str:
    """"05" for 5, "123" for 123, a blank for None."""
    if number is None:
        return BLANK
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise DomainError(f"Số văn bản phải là số nguyên dương (nhận được “{number}”).")
    return f"{number:02d}"


def number_line(number: int | None, symbol: str) -> str:
    """"Số: 05/QĐ-UBND": "/" between the number and the ký hiệu, "-" between its groups, no spaces (DOCUMENTS.md §2)."""
    symbol = vntext.nfc(symbol)
    if not _SYMBOL.fullmatch(symbol):
        raise DomainError(f"Ký hiệu văn bản “{symbol}” không đúng mẫu (chữ in hoa viết tắt nối bằng dấu “-”, "
                          "không có khoảng trắng, ví dụ QĐ-UBND).")
    return f"Số: {number_text(number)}/{symbol}"


def date_words(day: dt.date | None, *, year: int | None = None) -> str:
    """"ngày 05 tháng 01 năm 2020"; with no date, the blanks of a date written by hand (in `year`, if given)."""
    if day is None:
        return f"ngày{BLANK}tháng{BLANK}năm {year or BLANK}"
    if not isinstance(day, dt.date):
        raise DomainError(f"Ngày văn bản không hợp lệ (“{day}”).")
    return vntext.format_date(day)


def place_date(place: str, day: dt.date | None, *, year: int | None = None) -> str:
    place = vntext.nfc(place)
    if not place:
        raise DomainError("Thiếu địa danh ghi trên văn bản (ví dụ “Hà Nội”).")
    return f"{place}, {date_words(day, year=year)}"


def money(amount: int) -> dict[str, str]:
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise DomainError(f"Số tiền phải là số nguyên không âm (nhận được “{amount}”).")
    digits = vntext.format_money(amount)
    words = vntext.money_in_words(amount)
    text = f"{digits} đồng"
    full = f"{text} ({words})" if settings.TDKT_MONEY_IN_WORDS else text
    return {"digits": digits, "text": text, "words": words, "full": full}


def upper(text: str) -> str:
    """Upper case of Vietnamese text, NFC kept ("ủy ban" → "ỦY BAN")."""
    return vntext.nfc(text).upper()
