"""The demo accounts and their roles (through accounts.services; the council roles follow the councils)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

from tdkt.accounts.roles import COUNCIL_ROLES
from tdkt.accounts.services import role_assign
from tdkt.org.models import Unit

from .base import ACCOUNTS, PASSWORD, REFORM_DAY


def generate(d) -> None:
    """Create (or reuse) the demo users; every role that is not a council's is assigned by the administrator."""
    User = get_user_model()
    password = make_password(PASSWORD)
    units = {u.code: u for u in Unit.objects.filter(code__in={a[3] for a in ACCOUNTS})}
    users = {}
    for username, full_name, _, _, superuser, _ in ACCOUNTS:
        first, _, last = full_name.rpartition(" ")
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"password": password, "first_name": first, "last_name": last, "is_staff": superuser,
                      "is_superuser": superuser, "email": f"{username}@tdkt.invalid"},
        )
        users[username] = user
    admin = users["quantri"]
    for username, _, role, scope, _, _ in ACCOUNTS:
        if role not in COUNCIL_ROLES:
            role_assign(actor=admin, user=users[username], role=role, unit=units[scope], valid_from=REFORM_DAY)
    d.users = users
