"""Administrators' templates and certificate layouts. Written only through tdkt.documents.services (audited)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DocumentTemplate(models.Model):
    """An uploaded .docx replacing the shipped template of a kind. At most one active per kind; the earlier ones stay
    (history is never deleted) and can be made active again."""

    kind = models.CharField(_("Loại văn bản"), max_length=40, db_index=True)
    file = models.FileField(_("Tệp mẫu (.docx)"), upload_to="documents/templates", max_length=255)
    filename = models.CharField(_("Tên tệp tải lên"), max_length=150)
    sha256 = models.CharField(_("Mã băm SHA-256"), max_length=64, editable=False)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)
    active = models.BooleanField(_("Đang dùng"), default=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người tải lên"))
    uploaded_at = models.DateTimeField(_("Tải lên lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Mẫu văn bản")
        verbose_name_plural = _("Mẫu văn bản")
        ordering = ["kind", "-uploaded_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind"], condition=Q(active=True), name="documents_one_active_template")]

    def __str__(self) -> str:
        from .kinds import get

        try:
            name = get(self.kind).name
        except Exception:  # noqa: BLE001 — a kind removed since: show its code
            name = self.kind
        return f"{name} — {self.filename}"


class CertificateForm(models.TextChoices):
    GIAY_KHEN = "giay_khen", _("Giấy khen")
    BANG_KHEN = "bang_khen", _("Bằng khen")


class CertificateSubject(models.TextChoices):
    INDIVIDUAL = "individual", _("Cá nhân")
    COLLECTIVE = "collective", _("Tập thể")
    HOUSEHOLD = "household", _("Hộ gia đình")


class CertificateLayout(models.Model):
    """Where the variable fields of a certificate go on a unit's pre-printed blank of one type: each field's offset in
    mm from the default position (tdkt.documents.certificates.FIELDS), plus an offset of the whole page (the printer's
    own shift)."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="certificate_layouts", verbose_name=_("Đơn vị"))
    form = models.CharField(_("Loại phôi"), max_length=12, choices=CertificateForm.choices)
    subject = models.CharField(_("Đối tượng"), max_length=12, choices=CertificateSubject.choices)
    page_dx = models.DecimalField(_("Lệch cả trang theo chiều ngang (mm)"), max_digits=5, decimal_places=1, default=0)
    page_dy = models.DecimalField(_("Lệch cả trang theo chiều dọc (mm)"), max_digits=5, decimal_places=1, default=0)
    offsets = models.JSONField(_("Độ lệch từng trường (mm)"), default=dict, blank=True,
                               help_text=_("{mã trường: [lệch ngang, lệch dọc]}, số dương: sang phải, xuống dưới"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người cập nhật"))
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("Căn chỉnh phôi giấy khen, bằng khen")
        verbose_name_plural = _("Căn chỉnh phôi giấy khen, bằng khen")
        ordering = ["unit__path", "form", "subject"]
        constraints = [models.UniqueConstraint(fields=["unit", "form", "subject"], name="documents_one_layout_per_blank")]

    def __str__(self) -> str:
        return f"{self.get_form_display()} ({self.get_subject_display().lower()}) — {self.unit}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


class DocumentJob(models.Model):
    """A bulk generation run in the background (a batch of certificates, a decision with its long list): its input as
    JSON (dates as {"$date": "YYYY-MM-DD"}), its progress (`processed` of `total` steps) and its files."""

    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Đơn vị"))
    kind = models.CharField(_("Loại"), max_length=40)  # "certificates" or a document kind's code
    title = models.CharField(_("Tên"), max_length=255)
    payload = models.JSONField(_("Dữ liệu"), default=dict)
    status = models.CharField(_("Trạng thái"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    total = models.PositiveIntegerField(_("Tổng số bước"), default=0)
    processed = models.PositiveIntegerField(_("Đã xong"), default=0)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người yêu cầu"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("Kết thúc"), null=True, blank=True)
    error = models.TextField(_("Lỗi"), blank=True)
    pdf_note = models.CharField(_("Ghi chú về bản PDF"), max_length=500, blank=True)
    docx_file = models.FileField(_("Tệp Word"), upload_to="documents/jobs", blank=True, max_length=255)
    pdf_file = models.FileField(_("Tệp PDF"), upload_to="documents/jobs", blank=True, max_length=255)

    class Meta:
        verbose_name = _("Lượt tạo văn bản hàng loạt")
        verbose_name_plural = _("Lượt tạo văn bản hàng loạt")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title

    @property
    def percent(self) -> int:
        if self.status == JobStatus.DONE:
            return 100
        return min(100, int(self.processed * 100 / self.total)) if self.total else 0

    @property
    def is_finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
