"""The demo's council session: Phường Đống Đa's TĐKT council meets on the demo's day over the dossier ready for the
council, by secret ballot, and the ballot is open. The chair (`chutich`), the standing vice-chair (`truongphong`) and
the vice-chair (`cumtruong`) have voted; the member `hoidong` has not — their ballot waits on the home page; the
secretary (`thuky`) has the papers of the members without an account to record (two present, the others absent with a
written vote) and the ballot to close. Everything goes through the council services, acting as the demo accounts."""

from __future__ import annotations

from django.utils import timezone

from tdkt.council import selectors, services
from tdkt.council.models import AttendanceStatus
from tdkt.org.models import Council

VOTED = ("chutich", "truongphong", "cumtruong")


def generate(d) -> None:
    users = d.users
    council = Council.objects.filter(kind="tdkt", unit=d.dong_da).first()
    if council is None:
        return
    session = services.session_create(actor=users["thuky"], council=council, held_on=timezone.localdate(),
                                      title="Phiên họp xét khen thưởng tổng kết năm 2025",
                                      place="Phòng họp tầng 2, UBND phường Đống Đa")
    if not services.ready_nominees(session):  # a small demo (tests) may have no dossier ready for the council
        d.council_sessions = [session]
        return
    services.agenda_add_ready(actor=users["thuky"], session=session)
    without_account = 0
    for member in selectors.members_of(session):
        if member.user_id is not None:
            status = AttendanceStatus.PRESENT
        else:
            without_account += 1
            status = AttendanceStatus.PRESENT if without_account <= 2 else AttendanceStatus.ABSENT_WRITTEN
        services.attendance_record(actor=users["thuky"], session=session, member=member, status=status,
                                   note="" if status != AttendanceStatus.ABSENT_WRITTEN else "Đi công tác, gửi phiếu bằng văn bản")
    services.ballot_open(actor=users["thuky"], session=session)
    items = list(session.items.all())
    for username in VOTED:
        choices = {item.pk: "agree" for item in items}
        if username == "cumtruong" and items:
            choices[items[-1].pk] = "disagree"
        services.vote_cast(actor=users[username], session=session, choices=choices)
    d.council_sessions = [session]
