"""Audit trail: call `record` inside the service's transaction, never after commit."""

from typing import Any

from django.db import models

from .models import AuditEvent


def record(*, actor, action: str, target: models.Model | None = None, data: dict[str, Any] | None = None) -> AuditEvent:
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        target_repr=str(target)[:255] if target is not None else "",
        data=data or {},
    )
