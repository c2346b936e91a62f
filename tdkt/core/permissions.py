"""The services' own gate: `require(actor, perm, obj)` before any change of state.

Permission rules are `rules` predicates registered by each app's `permissions.py` (object rules over the
scoping of `tdkt.accounts`); here they are reached through Django's `user.has_perm`, so a service of any
layer checks its app's rule without importing the layer that defines roles. Views check the same rules
first (to show or hide a button, to answer 403); the service's check is the one that counts.
"""

from __future__ import annotations

from .errors import Forbidden


def require(actor, perm: str, obj=None, *, message: str | None = None) -> None:
    """Raise Forbidden (Vietnamese message) unless `actor` holds `perm` (on `obj`). An absent actor never does."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise Forbidden("Thao tác cần một tài khoản thực hiện (người dùng hoặc tài khoản hệ thống).")
    if not actor.has_perm(perm, obj):
        raise Forbidden(message or "Bạn không có quyền thực hiện thao tác này.")
