"""Who is told what about a registration (core.notifications), after the move commits: sent or sent again → the
launching level's officers and standing office (the nearest holders); approved or returned (with its reason) → the
registering unit's TĐKT officers and who made it. The reminders of `services.movement_remind` are written there, in
the service's transaction. A notification that cannot be written is logged and never undoes the move."""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tdkt.accounts import scoping
from tdkt.accounts.roles import Role
from tdkt.core.notifications import notify

logger = logging.getLogger(__name__)

LAUNCHING_ROLES = (Role.UNIT_OFFICER, Role.APPRAISER, Role.OFFICE_HEAD)
UNIT_ROLES = (Role.UNIT_OFFICER,)


def unit_officers(unit) -> list:
    return scoping.holders_over(unit, UNIT_ROLES, nearest=True)


def registration_moved(registration, step) -> None:
    from .models import Registration

    try:
        with translation.override(settings.LANGUAGE_CODE):
            registration = Registration.objects.select_related("movement__unit", "unit", "created_by").get(pk=registration.pk)
            movement = registration.movement
            if step.action in ("submit", "resubmit"):
                people = scoping.holders_over(movement.unit, LAUNCHING_ROLES, nearest=True)
                title = f"{registration.unit.name} đã {'gửi lại' if step.action == 'resubmit' else 'gửi'} đăng ký thi đua: {movement.name}"
            else:
                people = [registration.created_by, *unit_officers(registration.unit)]
                verb = "được duyệt" if step.action == "approve" else "bị trả lại"
                title = f"Đăng ký thi đua “{movement.name}” của {registration.unit.name} {verb}"
            people = [u for u in people if u is not None and u.pk != step.actor_id]
            if not people:
                return
            body = f"Lý do: {step.reason}" if step.reason else ""
            notify(recipients=people, title=title, body=body, target=registration,
                   url=reverse("movements:registration_detail", args=[registration.pk]))
    except Exception:  # the move has committed: a notification lost is logged, never a failed page
        logger.exception("registration %s: the notification of %r was not written", registration.pk, step.action)
