"""Vietnamese text: NFC normalisation, collation keys, dates and amounts in words.

The collation key follows the Vietnamese alphabet (a ă â b c d đ e ê ... ư v x y) with tone marks as a
secondary difference in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng) and case as a tertiary one,
the same order as ICU's `vi` tailoring: Anh < Ánh < Ân < Bùi < Dương < Đặng. A run of digits sorts by its number
("Tổ dân phố số 2" before "số 10"). A person's key compares the given name whole (tones included) before the
middle names, then the family name: every "Anh" before every "Ánh". Keys are made of ASCII digits
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


_DIGIT_RUN = re.compile(r"\d+")
NUMBER_WIDTH = 9  # digit runs are zero-padded to this width in the keys, so numbers sort by value
KEY_LENGTH = 600  # the stored key columns' length; a longer key is cut (the order beyond it does not matter)


def _pad_numbers(text: str) -> str:
    return _DIGIT_RUN.sub(lambda m: m.group().zfill(NUMBER_WIDTH), text)


def _levels(word: str) -> tuple[list[str], list[str], list[str]]:
    primary, secondary, tertiary = [], [], []
    for ch in _pad_numbers(word):
        info = _analyse(ch)
        if info is None:
            continue
        base, tone, upper = info
        primary.append(str(_LETTER_CODE.get(base) or _DIGIT_CODE[base]))
        secondary.append(str(tone))
        tertiary.append("1" if upper else "0")
    return primary, secondary, tertiary


def _words_key(words: list[str]) -> str:
    """The words compared together: every letter's base first, then the tones, then the case (reading order)."""
    primary, secondary, tertiary = [], [], []
    for n, word in enumerate(words):
        if n:
            primary.append(_WORD_SEP)
        p, s, t = _levels(word)
        primary += p
        secondary += s
        tertiary += t
    return ("".join(primary) + _LEVEL_SEP + "".join(secondary) + _LEVEL_SEP + "".join(tertiary))[:KEY_LENGTH]


def _word_by_word_key(words: list[str]) -> str:
    """The words compared one after the other, each whole: its letters, "00", its tones, its case. A word's key
    ends where the next begins: when two words have the same letters their tone and case parts have the same
    length, and "00" sorts a shorter word (An) before a longer one (Anh)."""
    out = []
    for word in words:
        p, s, t = _levels(word)
        if p:
            out.append("".join(p) + _LEVEL_SEP + "".join(s) + "".join(t))
    return "".join(out)[:KEY_LENGTH]


def sort_key(text: str) -> str:
    """Collation key of a text in reading order (unit names, titles)."""
    return _words_key(nfc(text).split(" "))


def person_sort_key(full_name: str) -> str:
    """Collation key of a person's name as Vietnamese lists sort it: the given name (whole, with its tones), then
    the middle names, then the family name."""
    words = nfc(full_name).split(" ")
    if len(words) > 1:
        words = [words[-1], *words[1:-1], words[0]]
    return _word_by_word_key(words)


# --- Search words: accent-free keys of a name's words (indexed by org's word tables) -----------------

_FOLD = str.maketrans("ăâđêôơư", "aadeoou")
MARKED_LETTERS = frozenset("ăâđêôơư")
_HAS_MARKED_VARIANT = frozenset("adeou")


def search_words(text: str) -> list[tuple[str, str]]:
    """The distinct words of a name as (folded, marked): "Nguyễn Văn Đức" → ("nguyen", "nguyên"), ("van", "văn"),
    ("duc", "đưc"). `marked` drops the tones and keeps the letter marks (ă â đ ê ô ơ ư); `folded` drops both (ASCII
    letters and digits). Punctuation is left out of a word; an empty word is skipped."""
    seen: dict[str, tuple[str, str]] = {}
    for token in nfc(text).split(" "):
        marked = "".join(base_letters(token))
        if marked and marked not in seen:
            seen[marked] = (marked.translate(_FOLD), marked)
    return list(seen.values())


_VARIANTS = {"a": "aăâ", "d": "dđ", "e": "eê", "o": "oôơ", "u": "uư"}
MAX_SPELLINGS = 64  # a typed word standing for more marked spellings than this is matched through the word table


def search_text(text: str) -> str:
    """Every beginning of every word of a name, once each, space-separated: of its folded form ("Nguyễn Văn" → "n
    ng ngu nguy nguye nguyen v va van") and, where it has letter marks, of its marked form from the first mark on
    ("nguyê nguyên vă văn"). What the PostgreSQL name search indexes (org.search): a typed word, a beginning, is
    looked up as whole terms of the index (`query_terms`)."""
    terms: dict[str, None] = {}
    for folded, marked in search_words(text or ""):
        terms.update((folded[:n], None) for n in range(1, len(folded) + 1))
        first_mark = next((i for i, c in enumerate(marked) if c in MARKED_LETTERS), None)
        if first_mark is not None:
            terms.update((marked[:n], None) for n in range(first_mark + 1, len(marked) + 1))
    return " ".join(terms)


def query_terms(query: str) -> list[list[str]] | None:
    """What a typed query asks of `search_text`, per typed word, the terms one of which must be there: the folded
    word, or (a word typed with a letter mark) each marked spelling it stands for, the typed marks kept and a plain
    letter standing for any of its variants ("đang" → đang, đăng, đâng). None when a word stands for more than
    MAX_SPELLINGS spellings. The same people as `query_words`'s patterns."""
    out = []
    for folded, marked in search_words(query):
        if not MARKED_LETTERS.intersection(marked):
            out.append([folded])
            continue
        spellings = [""]
        for c in marked:
            choices = c if c in MARKED_LETTERS else _VARIANTS.get(c, c)
            spellings = [s + v for s in spellings for v in choices]
            if len(spellings) > MAX_SPELLINGS:
                return None
        out.append(spellings)
    return out


def query_words(query: str) -> list[tuple[str, str | None]]:
    """What a typed query asks: per typed word (folded prefix, LIKE pattern of the marked word or None). The
    pattern is only there when the word carries a letter mark: the typed mark must be at that place ("ăn" does
    not match "an"), a plain letter stands for any of its variants ('_')."""
    out = []
    for folded, marked in search_words(query):
        pattern = None
        if any(c in MARKED_LETTERS for c in marked):
            pattern = "".join(c if c in MARKED_LETTERS or c not in _HAS_MARKED_VARIANT else "_" for c in marked) + "%"
        out.append((folded, pattern))
    return out


def _pattern_matches(pattern: str, marked: str) -> bool:
    body = pattern.rstrip("%")
    return len(marked) >= len(body) and all(p == "_" or p == c for p, c in zip(body, marked))


def name_matches(query: str, text: str) -> bool:
    """The search's rule in Python (for small tables and tests): every typed word starts some word of the text."""
    words = search_words(text)
    return all(any(folded_word.startswith(folded) and (pattern is None or _pattern_matches(pattern, marked))
                   for folded_word, marked in words) for folded, pattern in query_words(query))


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
