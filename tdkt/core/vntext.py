"""Vietnamese text: NFC normalisation, collation keys, dates and amounts in words.

The collation key follows the Vietnamese alphabet (a ă â b c d đ e ê ... ư v x y) with tone marks as a
secondary difference in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng) and case as a tertiary one,
the same order as ICU's `vi` tailoring: Anh < Ánh < Ân < Bùi < Dương < Đặng. Keys are made of ASCII digits
only, so they compare identically under SQLite's BINARY and any PostgreSQL collation: ordering by a stored
key column gives the same result on both databases (see docs/decisions/0002-vietnamese-collation.md).
"""

import datetime as dt
import re
import unicodedata

_WS = re.compile(r"\s+")

ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_CODE = {ch: 20 + i for i, ch in enumerate(ALPHABET)}
_DIGIT_CODE = {str(d): 10 + d for d in range(10)}
# Marks that change the letter (primary difference) and tone marks (secondary difference).
_LETTER_MARKS = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
                 ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_WORD_SEP = "01"
_LEVEL_SEP = "00"


def nfc(value: str | None) -> str:
    """NFC-normalise, trim and collapse inner whitespace."""
    if value is None:
        return ""
    return _WS.sub(" ", unicodedata.normalize("NFC", str(value))).strip()


def _analyse(ch: str) -> tuple[str, int, bool] | None:
    """(base letter in the Vietnamese alphabet, tone code, is upper) or None for characters that do not sort."""
    upper = ch != ch.lower()
    decomposed = unicodedata.normalize("NFD", ch.lower())
    base, marks = decomposed[0], decomposed[1:]
    tone = 0
    for mark in marks:
        if mark in _TONES:
            tone = _TONES[mark]
        elif (base, mark) in _LETTER_MARKS:
            base = _LETTER_MARKS[(base, mark)]
    if base in _LETTER_CODE or base in _DIGIT_CODE:
        return base, tone, upper
    return None


def base_letters(word: str) -> list[str]:
    """The letters of a word in the Vietnamese alphabet, tones dropped and letter marks kept ("Nguyễn" →
    n, g, u, y, ê, n); characters that do not sort (punctuation) are left out."""
    out = []
    for ch in word:
        info = _analyse(ch)
        if info is not None:
            out.append(info[0])
    return out


def primary_code(letter: str) -> str:
    """The two-digit code of a base letter (or digit) in the primary level of the collation keys."""
    return str(_LETTER_CODE.get(letter) or _DIGIT_CODE[letter])


PRIMARY_WORD_SEPARATOR = _WORD_SEP  # between two words of the primary level of a collation key


def _words_key(words: list[str]) -> str:
    primary, secondary, tertiary = [], [], []
    for n, word in enumerate(words):
        if n:
            primary.append(_WORD_SEP)
        for ch in word:
            info = _analyse(ch)
            if info is None:
                continue
            base, tone, upper = info
            primary.append(str(_LETTER_CODE.get(base) or _DIGIT_CODE[base]))
            secondary.append(str(tone))
            tertiary.append("1" if upper else "0")
    return "".join(primary) + _LEVEL_SEP + "".join(secondary) + _LEVEL_SEP + "".join(tertiary)


def sort_key(text: str) -> str:
    """Collation key of a text in reading order (unit names, titles)."""
    return _words_key(nfc(text).split(" "))


def person_sort_key(full_name: str) -> str:
    """Collation key of a person's name as Vietnamese lists sort it: given name, then middle names, then family name."""
    words = nfc(full_name).split(" ")
    if len(words) > 1:
        words = [words[-1], *words[1:-1], words[0]]
    return _words_key(words)


def format_date(day: dt.date) -> str:
    """'ngày 05 tháng 01 năm 2020' (NĐ 30/2020: leading zero for days < 10 and months 1–2)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def format_money(amount: int) -> str:
    """12.345.000 — Vietnamese thousands separator."""
    return f"{amount:,}".replace(",", ".")


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]


def _read_triple(n: int, full: bool) -> list[str]:
    hundreds, tens, units = n // 100, (n // 10) % 10, n % 10
    out: list[str] = []
    if full or hundreds:
        out += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and out:
            out.append("linh")
        if units:
            out.append(_DIGITS[units])
        return out
    if tens == 1:
        out.append("mười")
    else:
        out += [_DIGITS[tens], "mươi"]
    if units == 1 and tens > 1:
        out.append("mốt")
    elif units == 5:
        out.append("lăm")
    elif units:
        out.append(_DIGITS[units])
    return out


def number_in_words(n: int) -> str:
    """Vietnamese reading of an integer: 7 020 000 -> 'bảy triệu không trăm hai mươi nghìn'.

    Above "tỷ" the reading recurses ("một nghìn tỷ"); once something has been read, later groups of three
    digits are read in full ("không trăm linh năm")."""
    if n < 0:
        return "âm " + number_in_words(-n)
    if n == 0:
        return "không"
    billions, rest = divmod(n, 1_000_000_000)
    words: list[str] = [number_in_words(billions), "tỷ"] if billions else []
    millions, rest = divmod(rest, 1_000_000)
    thousands, units = divmod(rest, 1000)
    for value, unit in ((millions, "triệu"), (thousands, "nghìn"), (units, "")):
        if value:
            words += _read_triple(value, full=bool(words))
            if unit:
                words.append(unit)
    return " ".join(words)


def money_in_words(amount: int) -> str:
    """'Bảy triệu không trăm hai mươi nghìn đồng' for 7 020 000."""
    text = number_in_words(int(amount)) + " đồng"
    return text[0].upper() + text[1:]
