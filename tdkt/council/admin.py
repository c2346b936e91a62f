"""The council's data in the admin, read-only: sessions change through the app's screens and services (the workflow,
its audit), never by editing rows. A secret ballot's counters are not shown before the ballot closes (docs/decisions/
0022-secret-ballot.md): the admin reveals no more than the results page."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tdkt.core.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import AgendaItem, Attendance, BallotParticipation, CouncilSession, OpenVote


def _count(item: AgendaItem, name: str):
    return getattr(item, name) if item.session.closed else "—"


class _ItemInline(ReadOnlyInline):
    model = AgendaItem
    fields = ("position", "nominee", "award_code", "agree", "disagree", "passed_label")
    readonly_fields = fields

    @admin.display(description=_("Số phiếu đồng ý"))
    def agree(self, item):
        return _count(item, "agree_count")

    @admin.display(description=_("Số phiếu không đồng ý"))
    def disagree(self, item):
        return _count(item, "disagree_count")

    @admin.display(description=_("Kết quả"))
    def passed_label(self, item):
        if item.passed is None:
            return "—"
        return _("Đạt") if item.passed else _("Không đạt")


class _AttendanceInline(ReadOnlyInline):
    model = Attendance
    fields = ("member", "status", "note")
    readonly_fields = fields


class _ParticipationInline(ReadOnlyInline):
    model = BallotParticipation
    fields = ("member", "channel")
    readonly_fields = fields


@admin.register(CouncilSession)
class CouncilSessionAdmin(ReadOnlyAdmin):
    list_display = ("title", "council", "held_on", "status", "secret", "paper")
    list_filter = ("status", "secret", "paper")
    search_fields = ("title", "council__name")
    readonly_fields = ("council", "title", "held_on", "place", "secret", "status", "members_count", "present_count", "paper",
                       "scan_filename", "created_by", "created_at", "opened_at", "closed_at")
    fields = readonly_fields
    inlines = [_AttendanceInline, _ItemInline, _ParticipationInline]


@admin.register(OpenVote)
class OpenVoteAdmin(ReadOnlyAdmin):
    """Named votes exist only for open ballots (the session was not secret)."""

    list_display = ("item", "member", "choice")
    list_filter = ("choice",)
