from django.conf import settings
from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField("Tạo lúc", auto_now_add=True)
    updated_at = models.DateTimeField("Cập nhật lúc", auto_now=True)

    class Meta:
        abstract = True


class ValidityMixin(models.Model):
    """A row of versioned data: valid from a date, until a date (inclusive), or open-ended."""

    valid_from = models.DateField("Hiệu lực từ")
    valid_to = models.DateField("Hiệu lực đến", null=True, blank=True)

    class Meta:
        abstract = True

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day and (self.valid_to is None or day <= self.valid_to)


class AuditEvent(models.Model):
    """An append-only record of who did what to which object, written inside the service's transaction."""

    at = models.DateTimeField("Thời điểm", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người thực hiện", null=True, blank=True, on_delete=models.PROTECT
    )
    action = models.CharField("Hành động", max_length=100, db_index=True)
    target_type = models.CharField("Loại đối tượng", max_length=100, blank=True)
    target_id = models.CharField("Mã đối tượng", max_length=64, blank=True, db_index=True)
    target_repr = models.CharField("Đối tượng", max_length=255, blank=True)
    data = models.JSONField("Dữ liệu", default=dict, blank=True)

    class Meta:
        verbose_name = "Nhật ký thao tác"
        verbose_name_plural = "Nhật ký thao tác"
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y %H:%M} {self.action} {self.target_repr}"
