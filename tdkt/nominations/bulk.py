"""The nominee import's write: thousands of nominees and their "created" history rows in two statements.

`bulk_create` spends most of an import's time turning every field of every instance into a database value; here only
the four values a list row carries (person, award, summary, justification) vary, the rest are the same for every row
and are adapted once. PostgreSQL takes the rows as one JSON parameter (`json_array_elements`: one string to send, cheaper than four arrays to
adapt), other databases through `executemany`.
The history rows (django-simple-history's `HistoricalNominee`, type "+", as `save()` would write them) are copied from
the new rows by an INSERT … SELECT: on PostgreSQL in the same statement (the insert's RETURNING rows); elsewhere from
the dossier's rows above its highest id before the insert (the caller holds the dossier's row lock: nobody else adds
nominees to it meanwhile).
The column lists are read from the models: a field added to `Nominee` (and so to its history) is copied as well; a
field without a value here must be nullable (a NOT NULL one makes the insert fail, and the import tests with it).
"""

from __future__ import annotations

import json

from django.db import connection

from .models import Nominee

CONSTANTS = ("verdict", "checks", "regime", "withdrawn", "external_name", "external_data")  # their model defaults; dossier and created_at are given
VARYING = ("person", "award_code", "summary", "justification")


def _column(model, name: str) -> str:
    return connection.ops.quote_name(model._meta.get_field(name).column)


def nominees_insert(*, dossier, rows: list[tuple[int, str, str, str]], now, user_id: int | None) -> int:
    """Insert one nominee per (person id, award code, summary, justification) into `dossier`, created at `now`, with
    its history row by `user_id`. Returns how many were written."""
    if not rows:
        return 0
    meta, q = Nominee._meta, connection.ops.quote_name
    table, pk, dossier_col = q(meta.db_table), _column(Nominee, "id"), _column(Nominee, "dossier")
    fields = [meta.get_field(name) for name in ("dossier", "created_at", *CONSTANTS)]
    values = [dossier.pk, now] + [meta.get_field(name).get_default() for name in CONSTANTS]
    constants = [f.get_db_prep_save(v, connection) for f, v in zip(fields, values, strict=True)]
    varying = [meta.get_field(name) for name in VARYING]
    columns = ", ".join(q(f.column) for f in fields + varying)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # one statement: the new rows feed their history rows (a data-modifying WITH)
            casts = ", ".join(f"%s::{f.cast_db_type(connection)}" for f in fields)
            picks = ", ".join(f"(e->>{i})::{f.cast_db_type(connection)}" for i, f in enumerate(varying))
            insert = (f"INSERT INTO {table} ({columns}) SELECT {casts}, {picks} FROM json_array_elements(%s::json) WITH ORDINALITY AS u(e, n) "
                      f"ORDER BY n RETURNING *")
            history, params = _history_sql(source="new", where="", now=now, user_id=user_id, cast=True)
            cursor.execute(f"WITH new AS ({insert}) {history}", [*constants, json.dumps(rows, ensure_ascii=False), *params])
        else:
            cursor.execute(f"SELECT MAX({pk}) FROM {table} WHERE {dossier_col} = %s", [dossier.pk])
            floor = cursor.fetchone()[0] or 0
            marks = ", ".join(["%s"] * (len(fields) + len(varying)))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", [(*constants, *row) for row in rows])
            history, params = _history_sql(source=table, where=f"WHERE {dossier_col} = %s AND {pk} > %s", now=now, user_id=user_id)
            cursor.execute(history, [*params, dossier.pk, floor])
    return len(rows)


def _history_sql(*, source: str, where: str, now, user_id: int | None, cast: bool = False) -> tuple[str, list]:
    """INSERT … SELECT of the "+" history rows of the nominees in `source` (a table or the WITH of the new rows)."""
    history = Nominee.history.model
    q = connection.ops.quote_name
    copied = ", ".join(q(f.column) for f in Nominee._meta.concrete_fields)
    extra = ("history_date", "history_change_reason", "history_type", "history_user")
    columns = copied + ", " + ", ".join(_column(history, name) for name in extra)
    date_field, user_field = history._meta.get_field("history_date"), history._meta.get_field("history_user")
    typed = (lambda f: f"::{f.cast_db_type(connection)}") if cast else (lambda f: "")
    pk = _column(Nominee, "id")
    sql = (f"INSERT INTO {q(history._meta.db_table)} ({columns}) SELECT {copied}, %s{typed(date_field)}, NULL, '+', "
           f"%s{typed(user_field)} FROM {source} {where} ORDER BY {pk}")
    return sql, [date_field.get_db_prep_save(now, connection), user_id]
