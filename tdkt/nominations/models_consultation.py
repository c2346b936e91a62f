"""Public consultation (lấy ý kiến công khai) of a dossier's list before the council (Law Art 84(5); NĐ 98 Art 46(1)):
the list is published from `opened_on` until `closes_on` (N working days, catalogue `consultation.working_days`), and
anyone may comment without an account. A comment waits for the standing office or the portal editor to approve it
before it shows; it is kept whatever they decide (nothing a citizen submitted is deleted). The client's address is
never stored, only an HMAC of it (for the limit of comments per address)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Comment", "CommentStatus", "Consultation", "MAX_COMMENT", "MAX_CONTACT", "MAX_NAME"]

MAX_COMMENT = 2000
MAX_NAME = 100
MAX_CONTACT = 150


class Consultation(models.Model):
    """The publication of one dossier's list for comments (a new row each time the office opens one)."""

    dossier = models.ForeignKey("nominations.Dossier", on_delete=models.PROTECT, related_name="consultations",
                                verbose_name=_("Hồ sơ"))
    opened_on = models.DateField(_("Ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(_("Ngày kết thúc lấy ý kiến"),
                                 help_text=_("Ngày làm việc thứ N sau ngày bắt đầu; sau ngày này không nhận ý kiến"))
    working_days = models.PositiveSmallIntegerField(_("Số ngày làm việc"))
    legal_basis = models.CharField(_("Căn cứ"), max_length=500, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("Người mở lấy ý kiến"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Đợt lấy ý kiến công khai")
        verbose_name_plural = _("Đợt lấy ý kiến công khai")
        ordering = ["-opened_on", "-id"]
        indexes = [models.Index(fields=["closes_on"])]

    def __str__(self) -> str:
        return f"{self.dossier} ({self.opened_on:%d/%m/%Y}–{self.closes_on:%d/%m/%Y})"


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ kiểm duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")


class Comment(models.Model):
    """A comment of the public on a nominee (or on the list as a whole when `nominee` is empty), stored as typed
    (NFC); the screens escape it."""

    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="comments",
                                     verbose_name=_("Đợt lấy ý kiến"))
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, null=True, blank=True, related_name="comments",
                                verbose_name=_("Về người, tập thể"), help_text=_("Để trống: ý kiến về cả danh sách"))
    author_name = models.CharField(_("Họ tên người góp ý"), max_length=MAX_NAME, blank=True)
    contact = models.CharField(_("Điện thoại hoặc thư điện tử"), max_length=MAX_CONTACT, blank=True)
    text = models.TextField(_("Nội dung ý kiến"), max_length=MAX_COMMENT)
    address_hash = models.CharField(_("Mã địa chỉ máy gửi"), max_length=64, editable=False,
                                    help_text=_("HMAC của địa chỉ IP, không lưu địa chỉ gốc"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.PENDING)
    created_at = models.DateTimeField(_("Gửi lúc"), auto_now_add=True)
    moderated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                     verbose_name=_("Người kiểm duyệt"))
    moderated_at = models.DateTimeField(_("Kiểm duyệt lúc"), null=True, blank=True)
    reason = models.TextField(_("Lý do"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("Ý kiến góp ý công khai")
        verbose_name_plural = _("Ý kiến góp ý công khai")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["address_hash", "created_at"]), models.Index(fields=["consultation", "status"])]

    def __str__(self) -> str:
        return f"{self.author_name or '—'}: {self.text[:60]}"
