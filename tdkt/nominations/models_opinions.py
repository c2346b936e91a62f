"""Agency opinions on nominees (hiệp y, xác nhận) and holds on their awards (issue 13, point 6; PROCEDURES §3).

- OpinionRequest: the standing office asks one agency (a unit: the ward's police, the tax office...) for its opinion on
  one nominee of a dossier, with a reply time limit in working days (catalogue `opinion.reply_working_days`); the
  agency's account answers in the system, or the appraiser records the agency's paper reply with its scan. A negative
  answer blocks the nominee until the appraiser resolves it with a reason.
- Hold: a pending complaint, denunciation, inspection, investigation or discipline recorded against a person, a
  collective or a household (NĐ 152/2025 Art 4(4)); while it is active every nomination of that subject is blocked. A simple record
  for now (its reason, source and dates); the complaints module comes later.

Nothing here is deleted: an answered request keeps its answer, a lifted hold its lifting.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.law import vocabulary as vocab
from tdkt.org.subjects import SubjectMixin


class OpinionStatus(models.TextChoices):
    PENDING = "pending", _("Chờ trả lời")
    ANSWERED = "answered", _("Đã trả lời")


class OpinionAnswer(models.TextChoices):
    POSITIVE = "positive", _("Đồng ý")
    NEGATIVE = "negative", _("Không đồng ý")


class OpinionRequest(models.Model):
    """Đề nghị lấy ý kiến hiệp y of one agency on one nominee."""

    dossier = models.ForeignKey("nominations.Dossier", on_delete=models.PROTECT, related_name="opinion_requests",
                                verbose_name=_("Hồ sơ"))
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, related_name="opinion_requests",
                                verbose_name=_("Người, tập thể được đề nghị"))
    addressee = models.ForeignKey("org.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("Cơ quan được lấy ý kiến"))
    agency_kind = models.CharField(_("Loại cơ quan"), max_length=24, choices=vocab.OpinionAgency.choices)
    question = models.TextField(_("Nội dung đề nghị cho ý kiến"), blank=True, max_length=2000)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("Người đề nghị"))
    requested_on = models.DateField(_("Ngày đề nghị"))
    reply_days = models.PositiveSmallIntegerField(_("Thời hạn trả lời (ngày làm việc)"))
    due_on = models.DateField(_("Hạn trả lời"))
    status = models.CharField(_("Trạng thái"), max_length=10, choices=OpinionStatus.choices, default=OpinionStatus.PENDING)
    answer = models.CharField(_("Ý kiến"), max_length=10, choices=OpinionAnswer.choices, blank=True)
    answer_text = models.TextField(_("Nội dung trả lời"), blank=True, max_length=4000)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                    verbose_name=_("Người trả lời hoặc ghi nhận"))
    answered_on = models.DateField(_("Ngày trả lời"), null=True, blank=True)
    recorded_from_paper = models.BooleanField(_("Ghi nhận từ văn bản giấy"), default=False)
    reply_reference = models.CharField(_("Số, ký hiệu văn bản trả lời"), max_length=100, blank=True)
    scan_name = models.CharField(_("Tệp bản quét (tên lưu trữ)"), max_length=255, blank=True, editable=False)
    scan_filename = models.CharField(_("Tên tệp bản quét"), max_length=255, blank=True)
    scan_content_type = models.CharField(_("Loại tệp bản quét"), max_length=100, blank=True, editable=False)
    resolved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                    verbose_name=_("Người xử lý ý kiến không đồng ý"))
    resolved_on = models.DateField(_("Ngày xử lý"), null=True, blank=True)
    resolution = models.TextField(_("Lý do xử lý ý kiến không đồng ý"), blank=True, max_length=4000)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Cập nhật lúc"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Đề nghị lấy ý kiến hiệp y")
        verbose_name_plural = _("Đề nghị lấy ý kiến hiệp y")
        ordering = ["id"]
        indexes = [models.Index(fields=["addressee", "status"]), models.Index(fields=["dossier", "status"])]
        constraints = [
            models.CheckConstraint(condition=(Q(status="pending") & Q(answer=""))
                                   | (Q(status="answered") & Q(answer__in=["positive", "negative"])),
                                   name="nominations_opinion_answer_with_status"),
        ]

    def __str__(self) -> str:
        return f"{self.get_agency_kind_display()} — {self.nominee}"

    @property
    def pending(self) -> bool:
        return self.status == OpinionStatus.PENDING

    @property
    def negative(self) -> bool:
        return self.answer == OpinionAnswer.NEGATIVE

    @property
    def blocking(self) -> bool:
        """A negative answer not yet resolved by the appraiser."""
        return self.negative and self.resolved_on is None

    @property
    def has_scan(self) -> bool:
        return bool(self.scan_name)


class Hold(models.Model):
    """A pending complaint, denunciation, inspection, investigation or discipline against a person, a collective or a
    household: while active (not lifted, begun, and not past its end date) no award of that subject goes before the council."""

    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                               verbose_name=_("Cá nhân"))
    unit = models.ForeignKey("org.Unit", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("Tập thể"))
    household = models.ForeignKey("org.Household", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("Hộ gia đình"))
    nominee = models.ForeignKey("nominations.Nominee", on_delete=models.PROTECT, null=True, blank=True, related_name="holds",
                                verbose_name=_("Ghi nhận khi thẩm định"))
    kind = models.CharField(_("Loại vụ việc"), max_length=16, choices=vocab.HoldKind.choices)
    reason = models.TextField(_("Nội dung, lý do"), max_length=4000)
    source = models.CharField(_("Nguồn (đơn thư, văn bản, cơ quan thông báo)"), max_length=255)
    start = models.DateField(_("Từ ngày"))
    end = models.DateField(_("Đến ngày (dự kiến)"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("Người ghi nhận"))
    recorded_at = models.DateTimeField(_("Ghi nhận lúc"), auto_now_add=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                  verbose_name=_("Người chấm dứt"))
    lifted_on = models.DateField(_("Ngày chấm dứt"), null=True, blank=True)
    lift_reason = models.TextField(_("Lý do chấm dứt"), blank=True, max_length=4000)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Vụ việc đang xem xét (tạm dừng khen thưởng)")
        verbose_name_plural = _("Vụ việc đang xem xét (tạm dừng khen thưởng)")
        ordering = ["-start", "-id"]
        constraints = [
            SubjectMixin.one_subject_constraint("nominations_hold_one_subject"),
            models.CheckConstraint(condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="nominations_hold_end_after_start"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.source}"

    @property
    def subject(self):
        return self.person if self.person_id else (self.unit if self.unit_id else self.household)

    def active_on(self, day: dt.date) -> bool:
        return self.lifted_on is None and self.start <= day and (self.end is None or self.end >= day)


def active_holds_q(day: dt.date, prefix: str = "") -> Q:
    """Q over Hold (or a relation to it, `prefix` "holds__") of the holds active on `day`."""
    return (Q(**{f"{prefix}lifted_on__isnull": True, f"{prefix}start__lte": day})
            & (Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": day})))
