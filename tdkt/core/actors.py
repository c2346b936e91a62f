"""The system actor: the named account that commands, background tasks and migrations act as.

Every write names who made it (`actor=`), and nothing acts as "nobody": a command run by an operator, a task
run by a worker, the demo loader and the province seeding act as this account, so the audit trail shows
"Hệ thống TĐKT" instead of an empty actor. It is a superuser (it may do what the operator who started the
command may do) that cannot log in: its password is unusable and it is not staff.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model

SYSTEM_USERNAME = "he-thong"
SYSTEM_FIRST_NAME = "Hệ thống"
SYSTEM_LAST_NAME = "TĐKT"


def system_actor():
    """The system account (created on first use)."""
    User = get_user_model()
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is None:
        user = User(username=SYSTEM_USERNAME, first_name=SYSTEM_FIRST_NAME, last_name=SYSTEM_LAST_NAME,
                    is_superuser=True, is_staff=False, is_active=True)
        user.set_unusable_password()
        user.save()
    return user


def is_system(user) -> bool:
    return bool(user is not None and getattr(user, "username", None) == SYSTEM_USERNAME
                and getattr(user, "is_superuser", False) and not user.has_usable_password())
