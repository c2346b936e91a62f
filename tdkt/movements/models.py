"""Emulation movements (phong trào thi đua), their criteria, the units they target, the registrations of those units
(đăng ký thi đua) and the reminders sent to the units that have not registered; the anniversaries that movements
greet ("chào mừng …"), as data (docs/decisions/0026-movements.md)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Anniversary(models.Model):
    """A day the plans greet every year (3/2, 30/4, 19/5, 2/9…); with the year of the event, the round jubilees are
    computed (95 năm ngày thành lập Đảng in 2025)."""

    name = models.CharField(_("Tên ngày kỷ niệm"), max_length=255, help_text=_("Ví dụ: Ngày thành lập Đảng Cộng sản Việt Nam"))
    day = models.PositiveSmallIntegerField(_("Ngày"), validators=[MinValueValidator(1), MaxValueValidator(31)])
    month = models.PositiveSmallIntegerField(_("Tháng"), validators=[MinValueValidator(1), MaxValueValidator(12)])
    founding_year = models.PositiveSmallIntegerField(_("Năm diễn ra sự kiện"), null=True, blank=True,
                                                     help_text=_("Để tính số năm kỷ niệm (năm chẵn)"))
    kind = models.CharField(_("Loại"), max_length=20, default="anniversary", choices=[
        ("anniversary", _("Ngày kỷ niệm")), ("birth", _("Ngày sinh"))])
    active = models.BooleanField(_("Đang sử dụng"), default=True)

    class Meta:
        verbose_name = _("Ngày kỷ niệm")
        verbose_name_plural = _("Ngày kỷ niệm")
        ordering = ["month", "day", "id"]

    def __str__(self) -> str:
        return f"{self.day}/{self.month} — {self.name}"

    def date_in(self, year: int) -> dt.date:
        return dt.date(year, self.month, min(self.day, 28) if self.month == 2 and self.day == 29 else self.day)


class MovementKind(models.TextChoices):
    REGULAR = "regular", _("Thường xuyên")
    THEMATIC = "thematic", _("Chuyên đề")


class Movement(models.Model):
    """A movement launched by a level (a unit) for the units it targets (within its subtree)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="movements", verbose_name=_("Cấp phát động"))
    kind = models.CharField(_("Loại phong trào"), max_length=10, choices=MovementKind.choices, default=MovementKind.THEMATIC)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="adoptions",
                               verbose_name=_("Hưởng ứng phong trào của cấp trên"))
    anniversary = models.ForeignKey(Anniversary, on_delete=models.PROTECT, null=True, blank=True, related_name="movements",
                                    verbose_name=_("Chào mừng ngày kỷ niệm"))
    name = models.CharField(_("Tên phong trào"), max_length=255)
    slogan = models.CharField(_("Khẩu hiệu"), max_length=255, blank=True)
    purpose = models.TextField(_("Mục đích, yêu cầu"), blank=True)
    starts_on = models.DateField(_("Bắt đầu"))
    ends_on = models.DateField(_("Kết thúc"))
    registration_deadline = models.DateField(_("Hạn đăng ký thi đua"))
    targets = models.ManyToManyField("org.Unit", related_name="targeted_by_movements", blank=True, verbose_name=_("Đơn vị tham gia"))
    planned_awards = models.JSONField(_("Hình thức khen thưởng dự kiến"), default=list, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người lập"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("Phong trào thi đua")
        verbose_name_plural = _("Phong trào thi đua")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="movement_period_ordered"),
            models.CheckConstraint(condition=models.Q(registration_deadline__gte=models.F("starts_on"),
                                                      registration_deadline__lte=models.F("ends_on")),
                                   name="movement_deadline_in_period"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def year(self) -> int:
        return self.starts_on.year


class Criterion(models.Model):
    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("Phong trào"))
    position = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)
    text = models.TextField(_("Nội dung tiêu chí"))
    mandatory = models.BooleanField(_("Bắt buộc"), default=True)
    points = models.DecimalField(_("Điểm tối đa"), max_digits=6, decimal_places=2, null=True, blank=True)
    evidence = models.CharField(_("Minh chứng yêu cầu"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("Tiêu chí thi đua")
        verbose_name_plural = _("Tiêu chí thi đua")
        ordering = ["movement", "position", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(points__isnull=True) | models.Q(points__gte=0),
                                              name="criterion_points_not_negative")]

    def __str__(self) -> str:
        return self.text[:80]


class MovementDocument(models.Model):
    """A document of the movement (the launching plan, a guidance), stored by `core.uploads`."""

    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="documents", verbose_name=_("Phong trào"))
    title = models.CharField(_("Tên văn bản"), max_length=255)
    name = models.CharField(max_length=255, editable=False)
    filename = models.CharField(_("Tệp"), max_length=255)
    content_type = models.CharField(max_length=100, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Văn bản của phong trào")
        verbose_name_plural = _("Văn bản của phong trào")
        ordering = ["movement", "id"]

    def __str__(self) -> str:
        return self.title


class RegistrationStatus(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã gửi đăng ký")
    RETURNED = "returned", _("Bị trả lại")
    RESUBMITTED = "resubmitted", _("Đã gửi lại")
    APPROVED = "approved", _("Đã duyệt")


REGISTERED = (RegistrationStatus.SUBMITTED, RegistrationStatus.RETURNED, RegistrationStatus.RESUBMITTED, RegistrationStatus.APPROVED)


class Registration(models.Model):
    """A target unit's registration to a movement: its target per criterion and the titles it aims for."""

    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("Phong trào"))
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="movement_registrations", verbose_name=_("Đơn vị"))
    status = models.CharField(_("Trạng thái"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.DRAFT)
    note = models.TextField(_("Nội dung đăng ký chung"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người lập"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    submitted_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)
    decided_at = models.DateTimeField(_("Duyệt lúc"), null=True, blank=True)
    return_reason = models.TextField(_("Lý do trả lại"), blank=True)

    class Meta:
        verbose_name = _("Đăng ký thi đua")
        verbose_name_plural = _("Đăng ký thi đua")
        ordering = ["movement", "unit__path"]
        constraints = [models.UniqueConstraint(fields=["movement", "unit"], name="registration_once_per_unit")]

    def __str__(self) -> str:
        return f"{self.unit} — {self.movement}"

    @property
    def editable(self) -> bool:
        return self.status in (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED)


class RegistrationTarget(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="targets", verbose_name=_("Đăng ký"))
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("Tiêu chí"))
    target = models.TextField(_("Chỉ tiêu đăng ký"))

    class Meta:
        verbose_name = _("Chỉ tiêu đăng ký")
        verbose_name_plural = _("Chỉ tiêu đăng ký")
        ordering = ["registration", "criterion__position", "criterion_id"]
        constraints = [models.UniqueConstraint(fields=["registration", "criterion"], name="registration_target_once")]


class RegistrationTitle(models.Model):
    """A title the unit aims for: for itself (no person) or for one of its people."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="titles", verbose_name=_("Đăng ký"))
    award_code = models.CharField(_("Danh hiệu, hình thức"), max_length=40)
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Cá nhân"))

    class Meta:
        verbose_name = _("Danh hiệu đăng ký")
        verbose_name_plural = _("Danh hiệu đăng ký")
        ordering = ["registration", "person_id", "id"]
        # the service keeps each (award, person or the unit) once: a NULL person would escape a unique constraint


class Reminder(models.Model):
    """That the launching level reminded a target unit to register on a day (once a day per unit)."""

    movement = models.ForeignKey(Movement, on_delete=models.PROTECT, related_name="reminders", verbose_name=_("Phong trào"))
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Đơn vị được nhắc"))
    sent_on = models.DateField(_("Ngày nhắc"))
    sent_at = models.DateTimeField(_("Nhắc lúc"), auto_now_add=True)
    sent_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người nhắc"))
    recipients = models.PositiveSmallIntegerField(_("Số người nhận"), default=0)

    class Meta:
        verbose_name = _("Nhắc đăng ký thi đua")
        verbose_name_plural = _("Nhắc đăng ký thi đua")
        ordering = ["movement", "-sent_at"]
        constraints = [models.UniqueConstraint(fields=["movement", "unit", "sent_on"], name="reminder_once_a_day")]
