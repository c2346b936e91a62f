"""Who is told what about a dossier (core.notifications): the effects of the edges of `workflow.DOSSIER`, run after
the transition commits, and the daily digest of the dossiers near or past the office's time limit.

- sent or sent again (submit, resubmit): the standing office of the round's level, its appraisers and its head;
- every other move (receive, return for supplement and reject with their reason, appraisal, opinions,
  consultation…): the officer who made the dossier and the unit's TĐKT officers;
- ready for the council (mark_ready): those, and the council's secretary of the round's level;
- withdrawn by the unit: the unit's officers, and the office too when the dossier was in its hands.

The person who made the move is not told of it. The holders of a role are those of the nearest level
(`accounts.scoping.holders_over`): a ward's own office, not every appraiser of the province above it. A notification
that cannot be written is logged and never undoes the move, which has already committed.

The texts are stored (and mailed) in the site's language, whatever the language of the person who made the move.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from tdkt.accounts import scoping
from tdkt.accounts.roles import Role
from tdkt.core.errors import Forbidden
from tdkt.core.notifications import notify

from .models import Dossier, DossierStatus

logger = logging.getLogger(__name__)

OFFICE_ROLES = (Role.APPRAISER, Role.OFFICE_HEAD)
UNIT_ROLES = (Role.UNIT_OFFICER,)
SECRETARY_ROLES = (Role.COUNCIL_SECRETARY,)
SENT = ("submit", "resubmit", "receive_forwarded", "import_package")  # an incoming dossier too (decisions)
IN_OFFICE_HANDS = (DossierStatus.SUBMITTED, DossierStatus.RECEIVED, DossierStatus.RESUBMITTED)
DIGEST_KEY = "nominations.digest:{day}"
DIGEST_LINES = 30  # dossiers listed by name in one digest; the others are counted


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _office(dossier: Dossier) -> list:
    return scoping.holders_over(dossier.round.office_unit, OFFICE_ROLES, nearest=True)


def _unit_people(dossier: Dossier) -> list:
    return [dossier.created_by, *scoping.holders_over(dossier.unit, UNIT_ROLES, nearest=True)]


def recipients(dossier: Dossier, step) -> list:
    """Who is told of the transition `step` of the dossier (before the inactive and system accounts are dropped)."""
    if step.action in SENT:
        people = _office(dossier)
    elif step.action == "withdraw":
        people = _unit_people(dossier) + (_office(dossier) if step.source in IN_OFFICE_HANDS else [])
    elif step.action == "mark_ready":
        people = _unit_people(dossier) + scoping.holders_over(dossier.round.office_unit, SECRETARY_ROLES, nearest=True)
    else:
        people = _unit_people(dossier)
    return [u for u in people if u is not None and u.pk != step.actor_id]


def message(dossier: Dossier, step) -> tuple[str, str]:
    """(title, body) of the notification of `step`, in Vietnamese."""
    from .workflow import DOSSIER

    name = f"“{_short(dossier.title)}”"
    actor = step.actor.get_full_name() or step.actor.get_username()
    when = timezone.localtime(step.at).strftime("%d/%m/%Y %H:%M")
    reason = f"Lý do: {step.reason}" if step.reason else ""
    titles = {
        "submit": f"Hồ sơ mới chờ tiếp nhận: {name}" + ("" if dossier.unit.name in dossier.title else f" của {dossier.unit.name}"),
        "resubmit": f"Hồ sơ {name} đã được gửi lại sau bổ sung, chờ tiếp nhận",
        "receive": f"Hồ sơ {name} đã được tiếp nhận",
        "return_for_supplement": f"Hồ sơ {name} bị trả lại để bổ sung",
        "reject": f"Hồ sơ {name} không được chấp nhận",
        "withdraw": f"Hồ sơ {name} đã được đơn vị rút",
        "mark_ready": f"Hồ sơ {name} đã sẵn sàng trình Hội đồng",
        "receive_forwarded": f"Hồ sơ cấp dưới chuyển lên chờ tiếp nhận: {name}",
        "import_package": f"Hồ sơ nhập từ hệ thống khác chờ tiếp nhận: {name}",
    }
    title = titles.get(step.action) or f"Hồ sơ {name} chuyển sang “{DOSSIER.state_label(step.target)}”"
    lines = [f"{DOSSIER.action_label(step.action)}: {actor}, {when}.", f"Đợt xét: {dossier.round.title}.",
             f"Đơn vị đề nghị: {dossier.unit.name}."]
    if reason:
        lines.insert(0, reason)
    if step.action == "return_for_supplement":
        from .returns import items_out

        items = items_out(step)
        if items:
            lines.append("Các nội dung cần bổ sung:")
            lines += [f"{i}. {item['label']}: {item['text']}" for i, item in enumerate(items, start=1)]
        lines.append("Đơn vị bổ sung hồ sơ theo yêu cầu rồi chọn “Gửi lại sau bổ sung”; thời gian hồ sơ ở đơn vị không tính vào "
                     "thời hạn xử lý của cơ quan thường trực.")
    return title, "\n".join(lines)


def dossier_moved(dossier: Dossier, step) -> None:
    """The effect of every edge but the first: notify (after the commit) those the move concerns."""
    try:
        with translation.override(settings.LANGUAGE_CODE):
            dossier = Dossier.objects.select_related("round__office_unit", "unit", "created_by").get(pk=dossier.pk)
            people = recipients(dossier, step)
            if not people:
                return
            title, body = message(dossier, step)
            notify(recipients=people, title=title, body=body, url=reverse("nominations:dossier_detail", args=[dossier.pk]),
                   target=dossier)
    except Exception:  # the move has committed: a notification lost is logged, never a failed page
        logger.exception("dossier %s: the notification of %r was not written", dossier.pk, step.action)


# --- the daily digest -----------------------------------------------------------------------------------------------

def _state(left: int) -> str:
    if left < 0:
        return f"quá hạn {-left} ngày làm việc"
    if left == 0:
        return "hôm nay là ngày cuối của thời hạn"
    return f"còn {left} ngày làm việc"


def _late(clock: dict | None) -> bool:
    return bool(clock) and not clock.get("paused") and (clock["near"] or clock["overdue"])


def _clock_line(dossier: Dossier) -> str:
    """One dossier of the digest: the office's overall time limit, and the current step's when it is near or past."""
    parts = []
    clock, step = dossier.clock, dossier.step
    if clock:
        parts.append(_state(clock["left"]) + (f", hạn {clock['due']:%d/%m/%Y}" if clock.get("due") else ""))
    if _late(step):
        parts.append(f"bước “{step['label']}”: {_state(step['left'])}" + (f" (hạn {step['due']:%d/%m/%Y})" if step.get("due") else ""))
    return f"– “{_short(dossier.title, 100)}” ({dossier.unit.name}): " + "; ".join(parts) + "."


def _days_left(dossier: Dossier) -> int:
    return min(c["left"] for c in (dossier.clock, dossier.step) if _late(c))


def flagged_dossiers(*, today: dt.date) -> list[Dossier]:
    """The dossiers waiting for an office whose time limit, or whose current step's limit, is near or past (not those
    returned to the unit: the unit's supplement is not the office's delay)."""
    from .clocks import STEP_STATES
    from .selectors import CLOCK_STATES, with_clocks

    waiting = set(CLOCK_STATES) | set(STEP_STATES)
    running = (Dossier.objects.filter(status__in=waiting).exclude(status=DossierStatus.RETURNED)
               .select_related("round__office_unit", "unit"))
    out = [d for d in with_clocks(running, today=today) if _late(d.clock) or _late(d.step)]
    return sorted(out, key=lambda d: (_days_left(d), d.pk))


def _office_users(today: dt.date) -> dict[int, tuple]:
    """user id → (user, the paths of the units the user holds an office role over), for the office roles in force."""
    from django.db.models import Q

    from tdkt.accounts.models import RoleAssignment

    out: dict[int, tuple] = {}
    assignments = (RoleAssignment.objects.filter(role__in=OFFICE_ROLES, user__is_active=True)
                   .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=today))
                   .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=today))
                   .select_related("user", "unit").order_by("user__username", "unit__path"))
    for a in assignments:
        out.setdefault(a.user_id, (a.user, []))[1].append(a.unit.path)
    return out


def digest_send(*, actor, today: dt.date | None = None) -> dict:
    """One notification (and mail) per office user listing the dossiers of the user's scope near or past the time
    limit; nothing to a user with none. Once a day: a second run the same day sends nothing (the notification's key).
    Returns {"dossiers": flagged, "sent": notifications written, "already": users told earlier that day}."""
    if not scoping.is_superuser(actor):
        raise Forbidden("Chỉ tài khoản hệ thống hoặc quản trị hệ thống mới gửi bản tổng hợp hằng ngày.")
    today = today or timezone.localdate()
    flagged = flagged_dossiers(today=today)
    report = {"dossiers": len(flagged), "sent": 0, "already": 0}
    if not flagged:
        return report
    key = DIGEST_KEY.format(day=today.isoformat())
    with translation.override(settings.LANGUAGE_CODE):
        for user, paths in _office_users(today).values():
            mine = [d for d in flagged if any(d.round.office_unit.path.startswith(p) for p in paths)]
            if not mine:
                continue
            overdue = sum(1 for d in mine if _days_left(d) < 0)
            title = (f"{len(mine)} hồ sơ sắp đến hạn hoặc đã quá hạn xử lý ({overdue} quá hạn)" if overdue
                     else f"{len(mine)} hồ sơ sắp đến hạn xử lý")
            lines = [f"Các hồ sơ trong phạm vi của bạn, tính đến ngày {today:%d/%m/%Y} (thời hạn tính theo ngày làm việc):", ""]
            lines += [_clock_line(d) for d in mine[:DIGEST_LINES]]
            if len(mine) > DIGEST_LINES:
                lines.append(f"… và {len(mine) - DIGEST_LINES} hồ sơ khác.")
            written = notify(recipients=[user], title=title, body="\n".join(lines), url=reverse("nominations:index"), key=key)
            report["sent" if written else "already"] += 1
    return report
