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


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(tmp_path_factory, settings):
    """Files a test stores (attachments, batch results) go to a temporary folder, through the storage API as in
    production, never into var/media."""
    media = tmp_path_factory.mktemp("media")
    settings.MEDIA_ROOT = str(media)  # the default storage follows MEDIA_ROOT (it listens to setting_changed)
