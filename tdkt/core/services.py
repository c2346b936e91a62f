"""Writes of the shared kernel: the administrator overrides of the working-day calendar (core.calendar)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from . import audit, calendar
from .errors import DomainError
from .models import WorkingDayOverride
from .permissions import require
from .vntext import nfc

CALENDAR_PERMISSION = "core.change_calendar"  # registered in tdkt/accounts/permissions.py (administrators)


def working_day_override_set(*, actor, day: dt.date, is_working_day: bool, reason: str,
                             legal_basis: str = "") -> WorkingDayOverride:
    """Say that `day` is a working day or a day off, over what the `holidays` package says: one row per day (made,
    or changed in place), audited as `core.working_day_override.set` with the previous value and the package's.
    Every worker's calendar sees it from its next read (the memoised overrides are dropped)."""
    require(actor, CALENDAR_PERMISSION, message="Chỉ quản trị hệ thống mới được điều chỉnh lịch ngày làm việc.")
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise DomainError("Ngày điều chỉnh không hợp lệ.", code="day")
    if not isinstance(is_working_day, bool):
        raise DomainError("Hãy chọn ngày này là ngày làm việc hay ngày nghỉ.", code="is_working_day")
    reason, legal_basis = nfc(reason or "").strip(), nfc(legal_basis or "").strip()
    if not reason:
        raise DomainError("Hãy ghi lý do điều chỉnh (ví dụ: hoán đổi ngày làm việc dịp Tết Nguyên đán).", code="reason")
    limit = WorkingDayOverride._meta.get_field("reason").max_length
    if len(reason) > limit or len(legal_basis) > limit:
        raise DomainError(f"Lý do và căn cứ không quá {limit} ký tự.", code="too_long")
    package = calendar.Calendar().day(day)  # what the day would be without any override
    with transaction.atomic():
        row, created = WorkingDayOverride.objects.select_for_update().get_or_create(
            day=day, defaults={"is_working_day": is_working_day, "reason": reason, "legal_basis": legal_basis,
                               "created_by": actor})
        previous = None if created else {"is_working_day": row.is_working_day, "reason": row.reason,
                                         "legal_basis": row.legal_basis}
        if previous == {"is_working_day": is_working_day, "reason": reason, "legal_basis": legal_basis}:
            return row  # nothing changes
        if not created:
            row.is_working_day, row.reason, row.legal_basis = is_working_day, reason, legal_basis
            row.save(update_fields=["is_working_day", "reason", "legal_basis", "updated_at"])
        audit.record(actor=actor, action="core.working_day_override.set", target=row, data={
            "day": day.isoformat(), "is_working_day": is_working_day, "reason": reason, "legal_basis": legal_basis,
            "previous": previous, "without_override": {"is_working_day": package.working, "reason": package.reason},
        })
        calendar.overrides_changed()
    return row
