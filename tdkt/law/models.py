"""The legal catalogue: documents, regimes, titles and forms, coefficients, base salary, authorities,
council voting rules and versioned parameters (local options included).

Every row that carries a number from the law has a validity period and a legal reference. Rows of the
same key must not overlap in time: `services.catalogue_row_save` enforces it everywhere and, on
PostgreSQL, an exclusion constraint backs it (migration 0003, docs/decisions/0003-law-catalogue-and-engine.md).

Nothing here changes state on save: writes go through `tdkt.law.services`.
"""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from tdkt.core.models import TimeStampedModel, ValidityMixin

from .vocabulary import ANY_SUBJECT, SubjectKind

COEFFICIENT_SUBJECTS = [ANY_SUBJECT, *SubjectKind.choices]  # a coefficient row names a subject kind, or every one


class AwardKind(models.TextChoices):
    TITLE = "title", _("Danh hiệu thi đua")
    FORM = "form", _("Hình thức khen thưởng")


class Periodicity(models.TextChoices):
    YEARLY = "yearly", _("Hằng năm")
    MULTI_YEAR = "multi_year", _("Nhiều năm")


class VotingBase(models.TextChoices):
    ALL_MEMBERS = "all", _("Tổng số thành viên Hội đồng")
    PRESENT = "present", _("Số thành viên có mặt")


class LegalRowMixin(models.Model):
    legal_basis = models.CharField(_("Căn cứ pháp lý"), max_length=500, blank=True)
    needs_verification = models.BooleanField(
        _("Cần xác minh"), default=False, help_text=_("Giá trị mặc định chưa được xác nhận trong văn bản đã công bố.")
    )

    class Meta:
        abstract = True


class LegalDocument(LegalRowMixin, TimeStampedModel):
    code = models.CharField(_("Mã"), max_length=40, unique=True)
    number = models.CharField(_("Số, ký hiệu"), max_length=60)
    title = models.CharField(_("Trích yếu"), max_length=500)
    issued_on = models.DateField(_("Ngày ban hành"), null=True, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Văn bản pháp luật")
        verbose_name_plural = _("Văn bản pháp luật")
        ordering = ["issued_on", "code"]

    def __str__(self) -> str:
        return f"{self.number} — {self.title}"


class Regime(LegalRowMixin, ValidityMixin, TimeStampedModel):
    """A set of rules in force for a period (the law, its decree and circular)."""

    code = models.CharField(_("Mã"), max_length=40, unique=True)
    name = models.CharField(_("Tên"), max_length=255)
    active = models.BooleanField(_("Đang áp dụng"), default=True, help_text=_("Phiên bản quy định chưa xác nhận thì để tắt."))
    documents = models.ManyToManyField(LegalDocument, blank=True, related_name="regimes", verbose_name=_("Văn bản"))

    overlap_key: tuple[str, ...] = ()  # regimes may overlap: the active one starting last wins (an amendment)

    class Meta:
        verbose_name = _("Chế độ pháp lý")
        verbose_name_plural = _("Chế độ pháp lý")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return self.name


class AwardType(LegalRowMixin, ValidityMixin, TimeStampedModel):
    """A title (danh hiệu thi đua) or a form (hình thức khen thưởng) of the catalogue."""

    code = models.CharField(_("Mã"), max_length=32, unique=True)
    name = models.CharField(_("Tên"), max_length=255)
    short_name = models.CharField(_("Tên viết tắt"), max_length=60, blank=True)
    kind = models.CharField(_("Loại"), max_length=8, choices=AwardKind.choices)
    subjects = models.JSONField(_("Đối tượng được xét"), default=list, help_text=_("Danh sách mã đối tượng, ví dụ [\"individual\"]."))
    rank = models.PositiveSmallIntegerField(_("Thứ bậc"), default=0, help_text=_("Cao hơn = bậc cao hơn (chỉ thưởng danh hiệu cao nhất cùng thời kỳ)."))
    periodicity = models.CharField(_("Chu kỳ"), max_length=12, choices=Periodicity.choices, default=Periodicity.YEARLY)
    period_years = models.PositiveSmallIntegerField(_("Số năm của thời kỳ"), default=1)
    proposal_only = models.BooleanField(_("Chỉ đề nghị cấp trên"), default=False)
    evaluated = models.BooleanField(_("Có quy tắc tự động"), default=False)
    batch_order = models.PositiveSmallIntegerField(
        _("Thứ tự xét hàng loạt"), null=True, blank=True,
        help_text=_("Để trống: không xét trong lượt xét điều kiện hàng loạt. Có số: xét theo thứ tự tăng dần (danh hiệu "
                  "thấp trước; danh hiệu đủ điều kiện được tính là “đề nghị cùng đợt” cho danh hiệu cao hơn)."))

    overlap_key: tuple[str, ...] = ()  # one row per code

    class Meta:
        verbose_name = _("Danh hiệu / hình thức khen thưởng")
        verbose_name_plural = _("Danh hiệu / hình thức khen thưởng")
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"


class Coefficient(LegalRowMixin, ValidityMixin, TimeStampedModel):
    """Money coefficient × base salary. Issuer variants (e.g. the commune chair's Giấy khen) have an issuer code."""

    award = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="coefficients", verbose_name=_("Danh hiệu / hình thức"))
    subject_kind = models.CharField(_("Đối tượng"), max_length=12, choices=COEFFICIENT_SUBJECTS, default=ANY_SUBJECT[0])
    issuer = models.CharField(_("Cấp ban hành"), max_length=40, blank=True, help_text=_("Để trống nếu áp dụng cho mọi cấp."))
    value = models.DecimalField(_("Hệ số"), max_digits=6, decimal_places=3)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)

    overlap_key = ("award", "subject_kind", "issuer")

    class Meta:
        verbose_name = _("Hệ số tiền thưởng")
        verbose_name_plural = _("Hệ số tiền thưởng")
        ordering = ["award__code", "subject_kind", "issuer", "valid_from"]

    def __str__(self) -> str:
        return f"{self.award_id and self.award.code} {self.subject_kind} {self.value}"


class SubjectMultiplier(LegalRowMixin, ValidityMixin, TimeStampedModel):
    """Forms: the household receives 1.5×, a collective 2× the individual's amount."""

    subject_kind = models.CharField(_("Đối tượng"), max_length=12, choices=SubjectKind.choices)
    value = models.DecimalField(_("Hệ số nhân"), max_digits=6, decimal_places=3)

    overlap_key = ("subject_kind",)

    class Meta:
        verbose_name = _("Hệ số nhân theo đối tượng")
        verbose_name_plural = _("Hệ số nhân theo đối tượng")
        ordering = ["subject_kind", "valid_from"]

    def __str__(self) -> str:
        return f"{self.get_subject_kind_display()} × {self.value}"


class BaseSalary(LegalRowMixin, ValidityMixin, TimeStampedModel):
    amount = models.PositiveIntegerField(_("Mức lương cơ sở (đồng/tháng)"))

    overlap_key: tuple[str, ...] = ("__all__",)  # a single series

    class Meta:
        verbose_name = _("Mức lương cơ sở")
        verbose_name_plural = _("Mức lương cơ sở")
        ordering = ["valid_from"]

    def __str__(self) -> str:
        return f"{self.amount:,} từ {self.valid_from:%d/%m/%Y}".replace(",", ".")


class DecidingAuthority(LegalRowMixin, ValidityMixin, TimeStampedModel):
    award = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="authorities", verbose_name=_("Danh hiệu / hình thức"))
    authority = models.CharField(_("Thẩm quyền quyết định"), max_length=255)

    overlap_key = ("award", "authority")

    class Meta:
        verbose_name = _("Thẩm quyền quyết định")
        verbose_name_plural = _("Thẩm quyền quyết định")
        ordering = ["award__code", "valid_from"]

    def __str__(self) -> str:
        return f"{self.award.code}: {self.authority}"


class CouncilVotingRule(LegalRowMixin, ValidityMixin, TimeStampedModel):
    award = models.ForeignKey(AwardType, on_delete=models.PROTECT, related_name="voting_rules", verbose_name=_("Danh hiệu / hình thức"))
    threshold_percent = models.DecimalField(_("Tỷ lệ phiếu đồng ý (%)"), max_digits=5, decimal_places=2)
    strictly_greater = models.BooleanField(_("Phải lớn hơn tỷ lệ"), default=False, help_text=_("Bật: “trên 50%”; tắt: “từ 90% trở lên”."))
    base = models.CharField(_("Tính trên"), max_length=8, choices=VotingBase.choices, default=VotingBase.ALL_MEMBERS)
    secret_default = models.BooleanField(_("Bỏ phiếu kín (mặc định)"), default=True)
    quorum_numerator = models.PositiveSmallIntegerField(_("Túc số (tử số)"), default=2)
    quorum_denominator = models.PositiveSmallIntegerField(_("Túc số (mẫu số)"), default=3)
    unit = models.CharField(
        _("Áp dụng cho cấp (mã đơn vị)"), max_length=64, blank=True, default="",
        help_text=_("Để trống: quy định chung. Có mã đơn vị (ví dụ “ha_noi”): quy định riêng của địa phương, áp dụng cho Hội đồng "
                    "của đơn vị đó và các cấp bên dưới; quy định của cấp gần nhất được dùng trước quy định chung."))

    overlap_key = ("award", "unit")

    class Meta:
        verbose_name = _("Quy tắc biểu quyết của Hội đồng")
        verbose_name_plural = _("Quy tắc biểu quyết của Hội đồng")
        ordering = ["award__code", "valid_from"]

    def __str__(self) -> str:
        return f"{self.award.code}{f' ({self.unit})' if self.unit else ''}: {self.threshold_percent}%"

    def reference_errors(self) -> dict[str, str]:
        """What the row names that does not exist: the unit of a local rule (org is a sibling layer: no import)."""
        if self.unit and not apps.get_model("org", "Unit").objects.filter(code=self.unit).exists():
            return {"unit": _("Không có đơn vị nào mang mã “%(code)s”.") % {"code": self.unit}}
        return {}

    def clean(self):
        super().clean()
        if errors := self.reference_errors():
            raise ValidationError(errors)


class Setting(LegalRowMixin, ValidityMixin, TimeStampedModel):
    """A versioned parameter of a criterion or a local option (tùy chọn địa phương).

    A row bound to a regime applies only while that regime is the one in force (e.g. the unconfirmed
    2026 amendment) and then takes precedence over the regime-free row of the same key.
    """

    key = models.CharField(_("Khóa"), max_length=80, db_index=True)
    value = models.JSONField(_("Giá trị"))
    regime = models.ForeignKey(Regime, null=True, blank=True, on_delete=models.PROTECT, related_name="settings", verbose_name=_("Chỉ áp dụng với chế độ"))
    local_option = models.BooleanField(_("Tùy chọn địa phương"), default=False)
    description = models.CharField(_("Mô tả"), max_length=500, blank=True)

    overlap_key = ("key", "regime")

    class Meta:
        verbose_name = _("Tham số, tùy chọn")
        verbose_name_plural = _("Tham số, tùy chọn")
        ordering = ["key", "valid_from"]

    def __str__(self) -> str:
        return f"{self.key} = {self.value}"


VERSIONED_MODELS = (Coefficient, SubjectMultiplier, BaseSalary, DecidingAuthority, CouncilVotingRule, Setting)
CATALOGUE_MODELS = (LegalDocument, Regime, AwardType, *VERSIONED_MODELS)
