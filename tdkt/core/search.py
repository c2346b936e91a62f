"""Accent-insensitive name search over an indexed word table, the same on SQLite and PostgreSQL.

A searchable model has a word table (`WordTable` subclass, e.g. org.PersonWord): one row per distinct word of
the name, `word` the folded word (ASCII: "nguyen") and `marked` the word with its letter marks kept and its
tones dropped ("nguyên"), see `vntext.search_words`. A query asks, for each typed word, that some word of the
name starts with it (`vntext.query_words`): `word__prefix` uses the index on `word` (a range on SQLite's
binary order, `LIKE 'x%'` on PostgreSQL's pattern index), and a typed letter mark adds `marked__like` on the
same row. `name_matches` in vntext is the same rule in Python (for the accounts, a small table).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Lookup, Q

from . import vntext


class Prefix(Lookup):
    """`word__prefix="nguyen"`: the word starts with the (folded, ASCII letters and digits) value, by the index."""

    lookup_name = "prefix"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        value = str(self.rhs)
        if connection.vendor == "postgresql":  # the varchar_pattern_ops index answers LIKE 'x%' in any collation
            return f"{lhs} LIKE %s", [*lhs_params, value + "%"]
        # SQLite compares text bytewise (BINARY): [value, value + "~") holds exactly the words starting with it.
        return f"{lhs} >= %s AND {lhs} < %s", [*lhs_params, value, *lhs_params, value + "~"]


class Like(Lookup):
    """`marked__like="đ_ng%"`: a LIKE pattern built by vntext.query_words (letters, '_' and a final '%')."""

    lookup_name = "like"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} LIKE %s", [*lhs_params, str(self.rhs)]


class WordField(models.CharField):
    """A search word column (with the `prefix` and `like` lookups)."""


WordField.register_lookup(Prefix)
WordField.register_lookup(Like)


class WordTable(models.Model):
    """Base of a word table; a subclass adds the foreign key named by `owner` and an index on (word, owner)."""

    owner = ""  # the foreign key's name
    word = WordField(max_length=150)
    marked = WordField(max_length=150)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.marked

    @classmethod
    def rows(cls, owner_id: int, *texts: str) -> list:
        """Unsaved rows of the words of the given texts (a name, a short name...), each word once."""
        seen: dict[str, str] = {}
        for text in texts:
            for folded, marked in vntext.search_words(text or ""):
                seen.setdefault(marked, folded)
        return [cls(**{f"{cls.owner}_id": owner_id}, word=folded[:150], marked=marked[:150]) for marked, folded in seen.items()]

    @classmethod
    def replace(cls, owner_id: int, *texts: str) -> None:
        """Rewrite one owner's words (on create and rename)."""
        cls.objects.filter(**{f"{cls.owner}_id": owner_id}).delete()
        cls.objects.bulk_create(cls.rows(owner_id, *texts))

    @classmethod
    def matching(cls, query: str, prefix: str = "") -> Q:
        """Q (on the owner's model, or through `prefix`, e.g. "unit__") of the owners whose words match every typed word."""
        q = Q()
        for folded, pattern in vntext.query_words(query):
            words = cls.objects.filter(word__prefix=folded)
            if pattern is not None:
                words = words.filter(marked__like=pattern)
            q &= Q(**{f"{prefix}pk__in": words.values(f"{cls.owner}_id")})
        return q


class NameSearchAdmin:
    """ModelAdmin mixin: the admin's search box and its autocompletes search as the app does (`search_q`)."""

    def search_q(self, request, term: str) -> Q:
        raise NotImplementedError

    def get_search_results(self, request, queryset, search_term):
        term = vntext.nfc(search_term)
        if not term:
            return queryset, False
        return queryset.filter(self.search_q(request, term)), False
