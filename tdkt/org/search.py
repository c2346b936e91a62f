"""Accent-insensitive search of people by name, over their stored collation key (no new column).

`Person.name_sort_key` (tdkt.core.vntext.person_sort_key) starts with the primary collation level: one
two-digit code per base letter of the Vietnamese alphabet, "01" between words, "00" at the end of the
level; tones live in the secondary level. So "Nguyễn" and "Nguyen" differ only where the user typed a
plain letter that the name carries with a letter mark (e/ê, a/ă/â, o/ô/ơ, u/ư, d/đ). Each typed word
becomes a regular expression over the primary level that accepts those variants and must match the start
of some word of the name; all typed words must match (in any order). The same regular expression works
under SQLite (Django's REGEXP) and PostgreSQL (~). Typing a marked letter (ă, đ...) matches only it.
"""

from __future__ import annotations

import unicodedata

from django.db.models import Q

from tdkt.core import vntext

_VARIANTS = {"a": "aăâ", "e": "eê", "o": "oôơ", "u": "uư", "d": "dđ"}
# Any whole words before the matched one: pairs of the primary level (codes 10..52, word separator 01).
_SEP = vntext.PRIMARY_WORD_SEPARATOR
_BEFORE = f"^(([1-5][0-9]|{_SEP})*{_SEP})?"


def _letter_pattern(letter: str) -> str:
    choices = _VARIANTS.get(letter, letter)
    codes = [vntext.primary_code(c) for c in choices]
    return codes[0] if len(codes) == 1 else "(" + "|".join(codes) + ")"


def word_regex(word: str) -> str | None:
    letters = vntext.base_letters(word)
    if not letters:
        return None
    return _BEFORE + "".join(_letter_pattern(c) for c in letters)


def name_q(query: str, field: str = "name_sort_key") -> Q:
    """Q matching people whose name contains every typed word at a word start, ignoring tones and letter marks."""
    q = Q()
    for word in vntext.nfc(query).split(" "):
        pattern = word_regex(unicodedata.normalize("NFC", word))
        if pattern:
            q &= Q(**{f"{field}__regex": pattern})
    return q


