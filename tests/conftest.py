"""Shared fixtures. Personas live in tests/personas.py (added with the accounts work)."""

import os

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
pytest_plugins = ["tests.personas"]
