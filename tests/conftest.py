"""Shared fixtures. Personas live in tests/personas.py (added with the accounts work)."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytest_plugins = ["tests.personas"]

import pytest  # noqa: E402


def pytest_configure(config):
    """A fast password hasher for the test users (Django's advice for test suites): every persona, demo account and
    login otherwise pays PBKDF2's million iterations. Production keeps Django's default hashers."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    _flush_postgresql_by_delete()


def _flush_postgresql_by_delete() -> None:
    """After each transactional test (the browser tests, the concurrency tests) pytest-django empties every table;
    on PostgreSQL Django does it with one TRUNCATE of the ~200 tables, which makes new files for each and costs about
    2 s a test. The test tables hold a few rows: a DELETE per table in the same transaction empties them in a few
    milliseconds (every foreign key Django makes is DEFERRABLE INITIALLY DEFERRED, so the order does not matter).
    The sequences are reset the same way as before when a test asks for it (`reset_sequences`)."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    truncate = DatabaseOperations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            return truncate(self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade)
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [f"{style.SQL_KEYWORD('DELETE FROM')} {style.SQL_FIELD(self.quote_name(t))};"
                                                    for t in tables]

    DatabaseOperations.sql_flush = sql_flush


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(tmp_path_factory, settings):
    """Files a test stores (attachments, batch results) go to a temporary folder, through the storage API as in
    production, never into var/media."""
    media = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(media)  # the default storage follows MEDIA_ROOT (it listens to setting_changed)
