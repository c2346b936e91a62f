"""Audit trail: call `record` inside the service's transaction, never after commit."""

from typing import Any

from django.db import models

from .models import AuditEvent


def record(*, actor, action: str, target: models.Model | None = None, data: dict[str, Any] | None = None) -> AuditEvent:
    """Append one event. `actor` is the acting user or the system account (`core.actors.system_actor`), never None."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise ValueError(f"audit.record({action!r}) needs an actor: the acting user or core.actors.system_actor()")
    return AuditEvent.objects.create(
        actor=actor,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        data=data or {},
    )
