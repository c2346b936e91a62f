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


class NumberingScheme(models.TextChoices):
    """How an issuer numbers its administrative documents (Nghị định 30/2020 Điều 15; the head of the body decides)."""

    PER_TYPE = "per_type", _("Mỗi loại văn bản một dãy số (QĐ, TTr, BB… đánh số riêng)")
    SHARED = "shared", _("Một dãy số chung cho mọi loại văn bản")


SHARED_SERIES = "*"  # the series key of the SHARED scheme (every type counts in it)


class IssuerNumbering(TimeStampedModel):
    """An issuer's numbering settings: the abbreviation of its name in the ký hiệu ("UBND" in "05/QĐ-UBND") and its
    scheme. The issuer is any row (a unit, in practice), named as the audit names its targets (`issuer_type`,
    `issuer_id`), so that core stays below the apps that own the issuers. Written through
    `core.numbering.numbering_profile_set` (audited)."""

    issuer_type = models.CharField(_("Loại cơ quan ban hành"), max_length=100)
    issuer_id = models.CharField(_("Mã cơ quan ban hành"), max_length=64)
    issuer_name = models.CharField(_("Cơ quan ban hành"), max_length=255)
    abbreviation = models.CharField(_("Chữ viết tắt tên cơ quan"), max_length=30,
                                    help_text=_("Ví dụ: UBND. Ký hiệu văn bản là mã loại văn bản và chữ viết tắt này (QĐ-UBND)."))
    scheme = models.CharField(_("Cách đánh số"), max_length=10, choices=NumberingScheme.choices, default=NumberingScheme.PER_TYPE)

    class Meta:
        verbose_name = _("Cách đánh số văn bản của cơ quan")
        verbose_name_plural = _("Cách đánh số văn bản của cơ quan")
        ordering = ["issuer_name", "id"]
        constraints = [models.UniqueConstraint(fields=["issuer_type", "issuer_id"], name="core_issuernumbering_once")]

    def __str__(self) -> str:
        return f"{self.issuer_name}: {self.abbreviation}"


class NumberCounter(models.Model):
    """The last number taken in one series of an issuer in one year (a type code, or `SHARED_SERIES`). Locked with
    select_for_update by `core.numbering.number_next` in the caller's transaction: a rolled-back caller gives its
    number back."""

    issuer_type = models.CharField(max_length=100)
    issuer_id = models.CharField(max_length=64)
    series = models.CharField(_("Dãy số"), max_length=10)
    year = models.PositiveSmallIntegerField(_("Năm"))
    last = models.PositiveIntegerField(_("Số cuối đã cấp"), default=0)

    class Meta:
        verbose_name = _("Bộ đếm số văn bản")
        verbose_name_plural = _("Bộ đếm số văn bản")
        constraints = [models.UniqueConstraint(fields=["issuer_type", "issuer_id", "series", "year"], name="core_numbercounter_once")]

    def __str__(self) -> str:
        return f"{self.issuer_type}:{self.issuer_id} {self.series} {self.year}: {self.last}"


class IssuedNumber(models.Model):
    """A number given to a document: "05/QĐ-UBND" of an issuer in a year. Never changed or deleted; unique per issuer,
    type and year, and per issuer, series and year (the shared scheme numbers all types in one series)."""

    issuer_type = models.CharField(max_length=100)
    issuer_id = models.CharField(max_length=64)
    issuer_name = models.CharField(_("Cơ quan ban hành"), max_length=255)
    doc_type = models.CharField(_("Loại văn bản"), max_length=10)
    series = models.CharField(_("Dãy số"), max_length=10)
    year = models.PositiveSmallIntegerField(_("Năm"))
    number = models.PositiveIntegerField(_("Số"))
    symbol = models.CharField(_("Ký hiệu"), max_length=50)
    text = models.CharField(_("Số, ký hiệu"), max_length=64)
    target_type = models.CharField(_("Loại văn bản mang số"), max_length=100, blank=True)
    target_id = models.CharField(_("Mã văn bản mang số"), max_length=64, blank=True)
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("Người lấy số"), on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField(_("Cấp lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Số văn bản đã cấp")
        verbose_name_plural = _("Số văn bản đã cấp")
        ordering = ["-year", "issuer_name", "series", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["issuer_type", "issuer_id", "doc_type", "year", "number"], name="core_issuednumber_per_type"),
            models.UniqueConstraint(fields=["issuer_type", "issuer_id", "series", "year", "number"], name="core_issuednumber_per_series"),
        ]

    def __str__(self) -> str:
        return f"Số: {self.text}"
