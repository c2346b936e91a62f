"""Reads of the council app, limited to what the user may see (another council's session is a 404).

Nothing here reads a secret ballot's content before it closes: the secretary's live count is the number of ballot papers
returned (`ballots_cast`), and the counters are read only for a closed session (`results`, in services)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tdkt.accounts import roles, scoping
from tdkt.org.models import CouncilMember, CouncilRole
from tdkt.org.selectors import council_members_on

from .models import AgendaItem, Attendance, AttendanceStatus, BallotParticipation, CouncilSession


def sessions_visible_to(user) -> QuerySet[CouncilSession]:
    """Sessions of the councils whose unit the user's office or signer role covers, and of the councils the user sits on."""
    qs = CouncilSession.objects.select_related("council", "council__unit")
    if scoping.is_superuser(user):
        return qs
    if user is None or not getattr(user, "is_authenticated", False):
        return qs.none()
    q = scoping.subtree_q(user, roles=roles.OFFICE | roles.SIGNERS, field="council__unit")
    councils = CouncilMember.objects.filter(user=user).values("council")
    return qs.filter(q | Q(council__in=councils)).distinct()


def members_of(session: CouncilSession) -> list[CouncilMember]:
    """The members of the council on the session's day whose votes count: every member but the secretary (DOMAIN.md §4:
    the share is of all members)."""
    members = council_members_on(session.council, session.held_on).exclude(role=CouncilRole.SECRETARY)
    return sorted(members, key=member_order)


ROLE_ORDER = {role: i for i, role in enumerate((CouncilRole.CHAIR, CouncilRole.STANDING_VICE, CouncilRole.VICE, CouncilRole.MEMBER,
                                                CouncilRole.SECRETARY))}


def member_order(member: CouncilMember) -> tuple[int, int]:
    """Members as the minutes list them: the chair, the standing vice-chair, the vice-chairs, the members, the secretary."""
    return ROLE_ORDER.get(member.role, len(ROLE_ORDER)), member.pk


def attendance_of(session: CouncilSession) -> list[Attendance]:
    return sorted(session.attendance.select_related("member", "member__user"), key=lambda a: member_order(a.member))


def agenda_of(session: CouncilSession) -> list[AgendaItem]:
    from tdkt.nominations.models import subject_related

    return list(session.items.select_related("nominee__dossier", "nominee__dossier__unit", *subject_related("nominee__"))
                .order_by("position", "id"))


def ballots_expected(session: CouncilSession) -> int:
    return session.attendance.filter(status__in=(AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_WRITTEN)).count()


def ballots_cast(session: CouncilSession) -> int:
    """How many ballot papers were returned (never what they say)."""
    return BallotParticipation.objects.filter(session=session).count()


def with_counts(sessions) -> list[CouncilSession]:
    """The sessions (a page of them) with `.cast` and `.expected` (papers returned and expected), counted in two queries
    for these rows only."""
    from django.db.models import Count

    sessions = list(sessions)
    ids = [s.pk for s in sessions]
    cast = dict(BallotParticipation.objects.filter(session__in=ids).values("session").annotate(n=Count("id"))
                .values_list("session", "n")) if ids else {}
    expected = dict(Attendance.objects.filter(session__in=ids, status__in=(AttendanceStatus.PRESENT, AttendanceStatus.ABSENT_WRITTEN))
                    .values("session").annotate(n=Count("id")).values_list("session", "n")) if ids else {}
    for s in sessions:
        s.cast, s.expected = cast.get(s.pk, 0), expected.get(s.pk, 0)
    return sessions


def my_attendance(session: CouncilSession, user) -> Attendance | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return session.attendance.filter(member__user=user).select_related("member").first()


def has_voted(session: CouncilSession, member: CouncilMember) -> bool:
    return BallotParticipation.objects.filter(session=session, member=member).exists()


def awaiting_my_vote(user) -> QuerySet[CouncilSession]:
    """Open sessions where the user is present and has not returned a ballot paper (the member's to-do)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return CouncilSession.objects.none()
    voted = BallotParticipation.objects.filter(member__user=user).values("session")
    return (CouncilSession.objects.filter(status="open", attendance__member__user=user,
                                          attendance__status=AttendanceStatus.PRESENT, paper=False)
            .exclude(pk__in=voted).select_related("council").distinct())


def councils_managed_by(user) -> QuerySet:
    """The TĐKT councils whose sessions the user may prepare: those of the units under the user's standing office, and
    those the user is the secretary of today."""
    from django.utils import timezone

    from tdkt.org.models import Council

    qs = Council.objects.filter(kind="tdkt").select_related("unit").order_by("unit__path", "name")
    if scoping.is_superuser(user):
        return qs
    if user is None or not getattr(user, "is_authenticated", False):
        return qs.none()
    today = timezone.localdate()
    secretary_of = CouncilMember.objects.filter(user=user, role=CouncilRole.SECRETARY, start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today)).values("council")
    return qs.filter(scoping.subtree_q(user, roles=roles.OFFICE, field="unit") | Q(pk__in=secretary_of))
