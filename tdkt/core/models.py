from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class ValidityMixin(models.Model):
    """A row of versioned data: valid from a date, until a date (inclusive), or open-ended."""

    valid_from = models.DateField(_("Hiệu lực từ"))
    valid_to = models.DateField(_("Hiệu lực đến"), null=True, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class AuditEvent(models.Model):
    """An append-only record of who did what to which object, written inside the service's transaction."""

    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Người thực hiện"), null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField(_("Hành động"), max_length=100, db_index=True)
    target_type = models.CharField(_("Loại đối tượng"), max_length=100, blank=True)
    target_id = models.CharField(_("Mã đối tượng"), max_length=64, blank=True, db_index=True)
    target_repr = models.CharField(_("Đối tượng"), max_length=255, blank=True)
    data = models.JSONField(_("Dữ liệu"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Nhật ký thao tác")
        verbose_name_plural = _("Nhật ký thao tác")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["target_type", "target_id"], name="core_audit_target")]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_repr}"


class Transition(models.Model):
    """One step of a workflow (core.workflow.transition): who moved which object from which state to which,
    by which action, why. Appended in the transaction of the change, beside its audit event; never changed."""

    at = models.DateTimeField(_("Thời điểm"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người thực hiện"), on_delete=models.PROTECT,
                              related_name="+")
    workflow = models.CharField(_("Quy trình"), max_length=60)
    target_type = models.CharField(_("Loại đối tượng"), max_length=100)
    target_id = models.CharField(_("Mã đối tượng"), max_length=64)
    source = models.CharField(_("Từ trạng thái"), max_length=30, blank=True)
    target = models.CharField(_("Sang trạng thái"), max_length=30)
    action = models.CharField(_("Thao tác"), max_length=40)
    reason = models.TextField(_("Lý do"), blank=True)

    class Meta:
        verbose_name = _("Bước chuyển trạng thái")
        verbose_name_plural = _("Lịch sử chuyển trạng thái")
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["target_type", "target_id", "at"], name="core_transition_target")]

    def __str__(self) -> str:
        return f"{self.workflow} {self.target_id}: {self.source or '∅'} → {self.target} ({self.action})"


class WorkingDayOverride(TimeStampedModel):
    """An administrator's word on one day, over what the `holidays` package says (core.calendar): a Saturday made a
    working day, a weekday made a day off, by a notice the package does not know yet. Written only through
    `core.services.working_day_override_set` (audited); never deleted — set the day again to change it."""

    day = models.DateField(_("Ngày"), unique=True)
    is_working_day = models.BooleanField(_("Là ngày làm việc"),
                                         help_text=_("Đánh dấu nếu ngày này là ngày làm việc (ví dụ thứ Bảy làm bù); "
                                                     "bỏ đánh dấu nếu là ngày nghỉ."))
    reason = models.CharField(_("Lý do"), max_length=255,
                              help_text=_("Ví dụ: Hoán đổi ngày làm việc dịp Tết Nguyên đán."))
    legal_basis = models.CharField(_("Căn cứ"), max_length=255, blank=True,
                                   help_text=_("Văn bản quyết định việc nghỉ hoặc làm bù, ví dụ: Thông báo số …/TB-BNV."))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người tạo"), on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        verbose_name = _("Điều chỉnh ngày làm việc")
        verbose_name_plural = _("Điều chỉnh ngày làm việc")
        ordering = ["-day"]

    def __str__(self) -> str:
        kind = "ngày làm việc" if self.is_working_day else "ngày nghỉ"
        return f"{self.day:%d/%m/%Y}: {kind}"


class Notification(models.Model):
    """A message to one user about something to do or something that happened (a dossier sent back, a digest of
    the dossiers near their time limit): shown under the bell of the top bar, mailed when the user has an e-mail
    address. Written only through `core.notifications.notify`; the user marks it read (`read_at`). `key`, when set,
    makes it once per recipient (a daily digest: "nominations.digest:2026-03-17")."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người nhận"), on_delete=models.CASCADE,
                                  related_name="notifications")
    title = models.CharField(_("Tiêu đề"), max_length=255)
    body = models.TextField(_("Nội dung"), blank=True)
    url = models.CharField(_("Đường dẫn"), max_length=500, blank=True)
    target_type = models.CharField(_("Loại đối tượng"), max_length=100, blank=True)
    target_id = models.CharField(_("Mã đối tượng"), max_length=64, blank=True)
    key = models.CharField(_("Khóa chống gửi trùng"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("Đọc lúc"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("Gửi thư lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Thông báo")
        verbose_name_plural = _("Thông báo")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="core_notification_unread"),
                   models.Index(fields=["recipient", "-created_at"], name="core_notification_recent")]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], condition=~models.Q(key=""),
                                               name="core_notification_key_once")]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.title}"

    @property
    def unread(self) -> bool:
        return self.read_at is None
