"""Council sessions (phiên họp Hội đồng TĐKT), their agenda, the members' attendance and the ballot.

Secrecy is structural (docs/decisions/0022-secret-ballot.md). Who took part in a ballot (`BallotParticipation`: one row
per session and member, nothing else) is kept apart from what was voted (`AgendaItem.agree_count` / `disagree_count`,
counters incremented in the voter's transaction). The counters carry no timestamp and no history; a participation row
carries no choice and no time; no row holds both a member and a choice. Only an open ballot (`CouncilSession.secret`
off, the secretary's choice) writes per-member `OpenVote` rows, and they are shown.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Đang chuẩn bị")
    OPEN = "open", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc bỏ phiếu")


class CouncilSession(models.Model):
    """One session of a council: its date (whose rules apply), place, agenda, attendance and one ballot."""

    council = models.ForeignKey("org.Council", on_delete=models.PROTECT, related_name="sessions", verbose_name=_("Hội đồng"))
    title = models.CharField(_("Tên phiên họp"), max_length=255)
    held_on = models.DateField(_("Ngày họp"), help_text=_("Quy tắc biểu quyết có hiệu lực ngày này được áp dụng"))
    place = models.CharField(_("Địa điểm"), max_length=255, blank=True)
    secret = models.BooleanField(_("Bỏ phiếu kín"), default=True)
    status = models.CharField(_("Trạng thái"), max_length=10, choices=SessionStatus.choices, default=SessionStatus.DRAFT)
    # Frozen when the ballot opens: the members of the council that day (the base of every share) and those present.
    members_count = models.PositiveSmallIntegerField(_("Tổng số thành viên"), null=True, blank=True)
    present_count = models.PositiveSmallIntegerField(_("Số thành viên có mặt"), null=True, blank=True)
    # A paper ballot: the secretary enters the tallies of the tally sheet (biên bản kiểm phiếu), with its scan.
    paper = models.BooleanField(_("Kiểm phiếu trên giấy"), default=False)
    scan_name = models.CharField(max_length=255, blank=True, editable=False)
    scan_filename = models.CharField(_("Bản quét biên bản kiểm phiếu"), max_length=255, blank=True)
    scan_content_type = models.CharField(max_length=100, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người lập"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    opened_at = models.DateTimeField(_("Mở bỏ phiếu lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Kết thúc bỏ phiếu lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Phiên họp Hội đồng")
        verbose_name_plural = _("Phiên họp Hội đồng")
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def closed(self) -> bool:
        return self.status == SessionStatus.CLOSED


class AgendaItem(models.Model):
    """One nominee of a dossier ready for council, voted on in the session (the agenda is grouped by award).

    `agree_count` / `disagree_count` are the ballot's content: counters with no timestamp and no history (nothing records
    when one was incremented). `result` is the count of the item frozen when the ballot closes (tally's answer)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.PROTECT, related_name="items", verbose_name=_("Phiên họp"))
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, related_name="+", verbose_name=_("Người, tập thể được đề nghị"))
    award_code = models.CharField(_("Danh hiệu, hình thức"), max_length=40)
    position = models.PositiveIntegerField(_("Thứ tự"), default=0)
    agree_count = models.PositiveSmallIntegerField(_("Số phiếu đồng ý"), default=0)
    disagree_count = models.PositiveSmallIntegerField(_("Số phiếu không đồng ý"), default=0)
    result = models.JSONField(_("Kết quả"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("Nội dung biểu quyết")
        verbose_name_plural = _("Nội dung biểu quyết")
        ordering = ["session", "position", "id"]
        constraints = [models.UniqueConstraint(fields=["nominee"], name="council_item_nominee_once")]

    def __str__(self) -> str:
        return f"{self.nominee} — {self.award_code}"

    @property
    def passed(self) -> bool | None:
        return None if self.result is None else bool(self.result.get("passed"))


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Có mặt")
    ABSENT_WRITTEN = "absent_written", _("Vắng mặt, có phiếu bằng văn bản")
    ABSENT = "absent", _("Vắng mặt")


class Attendance(models.Model):
    session = models.ForeignKey(CouncilSession, on_delete=models.PROTECT, related_name="attendance", verbose_name=_("Phiên họp"))
    member = models.ForeignKey("org.CouncilMember", on_delete=models.PROTECT, related_name="+", verbose_name=_("Thành viên"))
    status = models.CharField(_("Tình trạng"), max_length=16, choices=AttendanceStatus.choices)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("Điểm danh thành viên")
        verbose_name_plural = _("Điểm danh thành viên")
        ordering = ["session", "member__role", "member_id"]
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="council_attendance_once")]

    def __str__(self) -> str:
        return f"{self.member.full_name}: {self.get_status_display()}"


class Channel(models.TextChoices):
    ACCOUNT = "account", _("Bỏ phiếu từ tài khoản")
    WRITTEN = "written", _("Phiếu bằng văn bản (thư ký ghi nhận)")


class BallotParticipation(models.Model):
    """That a member returned a ballot paper in a session (one per session and member), and how. Never what was voted:
    no choice, no item, no time (docs/decisions/0022-secret-ballot.md)."""

    session = models.ForeignKey(CouncilSession, on_delete=models.PROTECT, related_name="participations", verbose_name=_("Phiên họp"))
    member = models.ForeignKey("org.CouncilMember", on_delete=models.PROTECT, related_name="+", verbose_name=_("Thành viên"))
    channel = models.CharField(_("Hình thức"), max_length=10, choices=Channel.choices)

    class Meta:
        verbose_name = _("Thành viên đã bỏ phiếu")
        verbose_name_plural = _("Thành viên đã bỏ phiếu")
        ordering = ["session", "member_id"]  # never by insertion: the order of voting is not shown
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="council_participation_once")]

    def __str__(self) -> str:
        return f"{self.member.full_name} — {self.get_channel_display()}"


class Choice(models.TextChoices):
    AGREE = "agree", _("Đồng ý")
    DISAGREE = "disagree", _("Không đồng ý")


class OpenVote(models.Model):
    """A member's vote on an item in an OPEN ballot only (the session is not secret): shown with the member's name."""

    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="open_votes", verbose_name=_("Nội dung biểu quyết"))
    member = models.ForeignKey("org.CouncilMember", on_delete=models.PROTECT, related_name="+", verbose_name=_("Thành viên"))
    choice = models.CharField(_("Ý kiến"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("Phiếu biểu quyết công khai")
        verbose_name_plural = _("Phiếu biểu quyết công khai")
        ordering = ["item", "member_id"]
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="council_open_vote_once")]

    def __str__(self) -> str:
        return f"{self.member.full_name}: {self.get_choice_display()}"
