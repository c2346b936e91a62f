"""Decisions (quyết định khen thưởng) and their lines: drafted by the standing office from a closed council session,
submitted to the signer, signed and issued (the number, the awards written into the recipients' ledgers, in one
transaction). A signed decision is immutable; a mistake is corrected by a new decision that amends or cancels it, and an
award is revoked (Luật TĐKT Điều 93) by a revocation decision whose lines name the awards and the money to recover.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tdkt.org.subjects import SubjectMixin


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    SUBMITTED = "submitted", _("Đã trình ký")
    ISSUED = "issued", _("Đã ban hành")


class DecisionKind(models.TextChoices):
    AWARD = "award", _("Khen thưởng")
    AMENDMENT = "amendment", _("Sửa đổi, bổ sung quyết định")
    CANCELLATION = "cancellation", _("Hủy bỏ quyết định")
    REVOCATION = "revocation", _("Hủy bỏ quyết định khen thưởng (Điều 93)")


class Decision(models.Model):
    issuer = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="decisions", verbose_name=_("Cơ quan ban hành"))
    kind = models.CharField(_("Loại quyết định"), max_length=12, choices=DecisionKind.choices, default=DecisionKind.AWARD)
    status = models.CharField(_("Trạng thái"), max_length=10, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    session = models.ForeignKey("council.CouncilSession", on_delete=models.PROTECT, null=True, blank=True, related_name="decisions",
                                verbose_name=_("Phiên họp Hội đồng"))
    amends = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="corrections",
                               verbose_name=_("Sửa đổi / hủy bỏ quyết định"))
    title = models.CharField(_("Trích yếu"), max_length=500)
    decided_on = models.DateField(_("Ngày quyết định"))
    grounds = models.JSONField(_("Căn cứ"), default=list, blank=True)
    reason = models.TextField(_("Lý do"), blank=True, max_length=4000)
    signer_title = models.CharField(_("Chức danh người ký"), max_length=120, default="CHỦ TỊCH")
    signer_name = models.CharField(_("Họ tên người ký"), max_length=120, blank=True)
    number = models.PositiveIntegerField(_("Số"), null=True, blank=True, editable=False)
    number_text = models.CharField(_("Số, ký hiệu"), max_length=60, blank=True, editable=False)
    total_amount = models.BigIntegerField(_("Tổng tiền thưởng (đồng)"), default=0, editable=False)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người dự thảo"))
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("Người ký"))
    signed_at = models.DateTimeField(_("Ký lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Quyết định")
        verbose_name_plural = _("Quyết định")
        ordering = ["-decided_on", "-id"]
        indexes = [models.Index(fields=["issuer", "status"])]

    @property
    def recovers(self) -> bool:
        """An amendment whose corrections pay less than the money they take back: its total is what is recovered."""
        return self.total_amount < 0

    @property
    def amount_shown(self) -> int:
        return abs(self.total_amount)

    def __str__(self) -> str:
        return f"Quyết định {self.number_text}" if self.number_text else f"Dự thảo quyết định: {self.title}"

    @property
    def issued(self) -> bool:
        return self.status == DecisionStatus.ISSUED


class DecisionLine(SubjectMixin, models.Model):
    """One recipient of a decision (Mẫu 1.3 attachment): the subject, the award, the money; the ledger's award once issued.
    A revocation decision's line names the revoked award and the money to recover instead."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="lines", verbose_name=_("Quyết định"))
    position = models.PositiveIntegerField(_("Số thứ tự"))
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                verbose_name=_("Người, tập thể được đề nghị"))
    agenda_item = models.ForeignKey("council.AgendaItem", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                    verbose_name=_("Nội dung biểu quyết"))
    name = models.CharField(_("Tên"), max_length=255)
    description = models.CharField(_("Chức vụ, đơn vị"), max_length=500, blank=True)
    award_code = models.CharField(_("Danh hiệu, hình thức"), max_length=40)
    year = models.PositiveSmallIntegerField(_("Năm thành tích"))
    achievement = models.TextField(_("Thành tích"), blank=True, max_length=4000)
    coefficient = models.DecimalField(_("Hệ số"), max_digits=6, decimal_places=2, default=0)
    multiplier = models.DecimalField(_("Hệ số nhân"), max_digits=4, decimal_places=2, default=1)
    base_salary = models.PositiveIntegerField(_("Lương cơ sở"), default=0)
    amount = models.BigIntegerField(_("Tiền thưởng (đồng)"), default=0)
    money_note = models.CharField(_("Ghi chú tiền thưởng"), max_length=500, blank=True)
    award_record = models.OneToOneField("records.AwardRecord", on_delete=models.PROTECT, null=True, blank=True, related_name="decision_line",
                                        editable=False, verbose_name=_("Khen thưởng trong hồ sơ thành tích"))
    revoked_award = models.ForeignKey("records.AwardRecord", on_delete=models.PROTECT, null=True, blank=True, related_name="revocation_lines",
                                      verbose_name=_("Khen thưởng bị hủy bỏ"))
    recover_amount = models.BigIntegerField(_("Tiền thưởng phải thu hồi (đồng)"), default=0)

    class Meta:
        verbose_name = _("Người, tập thể trong quyết định")
        verbose_name_plural = _("Danh sách kèm theo quyết định")
        ordering = ["decision", "position"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "position"], name="decisions_line_position"),
            # at most one subject: none for a nominee from another installation (named, not in this directory)
            models.CheckConstraint(condition=~(Q(person__isnull=False, unit__isnull=False) | Q(person__isnull=False, household__isnull=False)
                                               | Q(unit__isnull=False, household__isnull=False)), name="decisions_line_one_subject"),
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.name} — {self.award_code}"
