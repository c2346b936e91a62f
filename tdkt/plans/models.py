"""The year's plan of emulation and commendation work (kế hoạch công tác thi đua, khen thưởng) of a level, and its parts.

- Plan: one per issuer and year; its căn cứ (free lines and, optionally, the higher level's plan it implements), the
  opening and closing paragraphs, Nơi nhận and the signer; a number and an issue date once issued.
- PlanSection: the numbered body as a tree (section → subsection → item → point). Numbers (I., 1., 1.1., a)) are
  generated from the order, never typed (`tdkt.plans.numbering`).
- KeyTask (Phụ lục 1): a key task, its lead unit (which updates it) and coordinating units, deadline or period, status;
  "late" is computed (past the deadline and not done), never stored. KeyTaskUpdate: the lead unit's progress notes,
  each with its evidence file (tdkt.core.uploads).
- CouncilItem (Phụ lục 2): the council's work programme by month, optionally linked to the council session or the
  commendation round where it happened.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")


class Plan(models.Model):
    issuer = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="plans", verbose_name=_("Cấp ban hành"))
    year = models.PositiveSmallIntegerField(_("Năm kế hoạch"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    title = models.CharField(_("Trích yếu"), max_length=500)
    symbol = models.CharField(_("Ký hiệu"), max_length=40, default="KH-UBND")
    number = models.PositiveIntegerField(_("Số"), null=True, blank=True)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    place = models.CharField(_("Địa danh"), max_length=120, blank=True, help_text=_("Để trống: tên tỉnh, thành phố của cấp ban hành"))
    period_start = models.DateField(_("Thực hiện từ ngày"))
    period_end = models.DateField(_("Đến ngày"))
    implements = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="implemented_by",
                                   verbose_name=_("Thực hiện kế hoạch của cấp trên"))
    copied_from = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                    verbose_name=_("Sao chép từ kế hoạch"))
    grounds = models.JSONField(_("Căn cứ"), default=list, blank=True)
    preamble = models.TextField(_("Phần mở đầu"), blank=True, max_length=20000)
    closing = models.TextField(_("Phần kết"), blank=True, max_length=20000)
    receivers = models.JSONField(_("Nơi nhận"), default=list, blank=True)
    signer_authority = models.CharField(_("Thẩm quyền ký"), max_length=120, blank=True, default="TM. ỦY BAN NHÂN DÂN")
    signer_title = models.CharField(_("Chức danh người ký"), max_length=120, default="CHỦ TỊCH")
    signer_name = models.CharField(_("Họ tên người ký"), max_length=120, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người lập"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("Kế hoạch công tác thi đua, khen thưởng")
        verbose_name_plural = _("Kế hoạch công tác thi đua, khen thưởng")
        ordering = ["-year", "issuer__path"]
        constraints = [models.UniqueConstraint(fields=["issuer", "year"], name="plans_one_plan_per_issuer_year")]

    def __str__(self) -> str:
        return f"Kế hoạch TĐKT năm {self.year} — {self.issuer.name}"

    @property
    def issued(self) -> bool:
        return self.status == PlanStatus.ISSUED

    @property
    def number_text(self) -> str:
        return f"{self.number:02d}/{self.symbol}" if self.number else ""


class PlanSection(models.Model):
    """One numbered part of the plan's body. `parent` None: a section (I., II.); depth 1: 1., 2.; depth 2: 1.1.;
    depth 3: a), b). The number is its place among its siblings (`position`), printed by `tdkt.plans.numbering`."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections", verbose_name=_("Kế hoạch"))
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True, blank=True, related_name="children",
                               verbose_name=_("Thuộc mục"))
    position = models.PositiveIntegerField(_("Thứ tự"))
    title = models.CharField(_("Tiêu đề"), max_length=500, blank=True)
    body = models.TextField(_("Nội dung"), blank=True, max_length=20000)

    class Meta:
        verbose_name = _("Mục của kế hoạch")
        verbose_name_plural = _("Mục của kế hoạch")
        ordering = ["plan", "parent_id", "position", "id"]

    def __str__(self) -> str:
        return self.title or (self.body[:60] + "…" if len(self.body) > 60 else self.body)


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Chưa thực hiện")
    IN_PROGRESS = "in_progress", _("Đang thực hiện")
    DONE = "done", _("Đã hoàn thành")


LATE = "late"
LATE_LABEL = _("Chậm tiến độ")


class KeyTask(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="key_tasks", verbose_name=_("Kế hoạch"))
    position = models.PositiveIntegerField(_("Thứ tự"))
    title = models.CharField(_("Nhiệm vụ"), max_length=1000)
    lead_unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="led_plan_tasks",
                                  verbose_name=_("Đơn vị chủ trì"), help_text=_("Cán bộ của đơn vị này cập nhật tiến độ"))
    lead_name = models.CharField(_("Tên đơn vị chủ trì"), max_length=255, blank=True,
                                 help_text=_("Khi đơn vị chủ trì chưa có trong hệ thống (ví dụ Phòng Nội vụ)"))
    coordinating = models.CharField(_("Đơn vị phối hợp"), max_length=1000, blank=True)
    starts_on = models.DateField(_("Bắt đầu"), null=True, blank=True)
    due_on = models.DateField(_("Thời hạn hoàn thành"), null=True, blank=True)
    period = models.CharField(_("Thời gian thực hiện"), max_length=120, blank=True, help_text=_("Ví dụ: Quý I, Thường xuyên"))
    status = models.CharField(_("Trạng thái"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)
    done_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)

    class Meta:
        verbose_name = _("Nhiệm vụ trọng tâm")
        verbose_name_plural = _("Nhiệm vụ trọng tâm (Phụ lục 1)")
        ordering = ["plan", "position", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def lead_label(self) -> str:
        return self.lead_unit.name if self.lead_unit_id and not self.lead_name else (self.lead_name or "")

    def is_late(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.status != TaskStatus.DONE and self.due_on is not None and today > self.due_on

    def display_status(self, today: dt.date | None = None) -> str:
        """The status code shown: the stored one, or "late" when past the deadline and not done."""
        return LATE if self.is_late(today) else self.status

    def display_status_label(self, today: dt.date | None = None) -> str:
        return str(LATE_LABEL) if self.is_late(today) else self.get_status_display()

    @property
    def when(self) -> str:
        """The deadline or period as the appendix prints it."""
        if self.period:
            return self.period + (f" (hạn {self.due_on:%d/%m/%Y})" if self.due_on else "")
        if self.starts_on and self.due_on:
            return f"{self.starts_on:%d/%m/%Y} - {self.due_on:%d/%m/%Y}"
        return f"Trước {self.due_on:%d/%m/%Y}" if self.due_on else ""


class KeyTaskUpdate(models.Model):
    """A progress note of the lead unit (appended, never changed), with its evidence file."""

    task = models.ForeignKey(KeyTask, on_delete=models.CASCADE, related_name="updates", verbose_name=_("Nhiệm vụ"))
    status = models.CharField(_("Trạng thái"), max_length=12, choices=TaskStatus.choices)
    note = models.TextField(_("Kết quả, tiến độ"), max_length=4000)
    evidence_name = models.CharField(max_length=255, blank=True, editable=False)
    evidence_filename = models.CharField(_("Minh chứng"), max_length=255, blank=True)
    evidence_content_type = models.CharField(max_length=100, blank=True, editable=False)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người cập nhật"))
    written_at = models.DateTimeField(_("Cập nhật lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Cập nhật tiến độ")
        verbose_name_plural = _("Cập nhật tiến độ")
        ordering = ["task", "-written_at", "-id"]

    def __str__(self) -> str:
        return f"{self.task} — {self.get_status_display()}"


class CouncilItemKind(models.TextChoices):
    MEETING = "meeting", _("Phiên họp Hội đồng")
    APPRAISAL = "appraisal", _("Xét, thẩm định khen thưởng")
    INSPECTION = "inspection", _("Kiểm tra")
    CONFERENCE = "conference", _("Hội nghị")
    OTHER = "other", _("Công việc khác")


class CouncilItem(models.Model):
    """One item of the council's work programme (Phụ lục 2)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="council_items", verbose_name=_("Kế hoạch"))
    month = models.PositiveSmallIntegerField(_("Tháng"))
    position = models.PositiveIntegerField(_("Thứ tự"), default=0)
    kind = models.CharField(_("Loại công việc"), max_length=12, choices=CouncilItemKind.choices, default=CouncilItemKind.MEETING)
    title = models.CharField(_("Nội dung"), max_length=1000)
    in_charge = models.CharField(_("Thành viên, cơ quan phụ trách"), max_length=500)
    session = models.ForeignKey("council.CouncilSession", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("Phiên họp Hội đồng"))
    round = models.ForeignKey("nominations.Round", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("Đợt xét khen thưởng"))

    class Meta:
        verbose_name = _("Công việc của Hội đồng")
        verbose_name_plural = _("Chương trình công tác của Hội đồng (Phụ lục 2)")
        ordering = ["plan", "month", "position", "id"]

    def __str__(self) -> str:
        return f"Tháng {self.month}: {self.title}"
