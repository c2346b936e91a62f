"""The achievement ledger (hồ sơ thành tích) of people, collectives (units) and households.

Award codes, rating codes, discipline forms and initiative scopes are the catalogue's codes (tdkt.law): the
columns carry no database choices, and records.services checks every code against the catalogue snapshot
(`rating.order`, `discipline.order`, `initiative.scopes`, the awards and their subjects), so that the law can
change as data; their names come from tdkt.law.vocabulary.

An award received says where it comes from (`source`): imported history, recorded by hand, or issued by a
decision of this system; the decision line that issued it is owned by the decisions app (one-to-one to the
award), so this app never imports it. A revocation (Art 93) is an act of its own (`AwardRevocation`: who
recorded it, when, by which decision, why) that the award points to.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel
from tdkt.law import vocabulary as vocab
from tdkt.org.subjects import SubjectMixin


class AwardSource(models.TextChoices):
    IMPORTED = "imported", _("Nhập từ tệp lịch sử")
    MANUAL = "manual", _("Ghi nhận trên hệ thống")
    DECISION = "decision", _("Quyết định ban hành trên hệ thống")


class YearRating(SubjectMixin, TimeStampedModel):
    year = models.PositiveSmallIntegerField(_("Năm"))
    rating = models.CharField(_("Mức độ hoàn thành nhiệm vụ"), max_length=8)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Xếp loại hằng năm")
        verbose_name_plural = _("Xếp loại hằng năm")
        constraints = [
            SubjectMixin.one_subject_constraint("records_rating_one_subject"),
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False), name="records_rating_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], condition=Q(unit__isnull=False), name="records_rating_unit_year"),
        ]
        indexes = [models.Index(fields=["person", "year"])]

    def get_rating_display(self) -> str:
        return vocab.label(vocab.Rating, self.rating)

    def __str__(self) -> str:
        return f"{self.subject} — năm {self.year}: {self.get_rating_display()}"


class AwardRecord(SubjectMixin, TimeStampedModel):
    """A title (danh hiệu) or form (hình thức) received."""

    award_code = models.CharField(_("Mã danh hiệu / hình thức"), max_length=32, db_index=True)
    year = models.PositiveSmallIntegerField(_("Năm thành tích"), help_text=_("Năm (hoặc năm cuối của giai đoạn) được khen"))
    decision_number = models.CharField(_("Số quyết định"), max_length=60, blank=True)
    decision_date = models.DateField(_("Ngày quyết định"), null=True, blank=True)
    issuer = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="issued_awards", verbose_name=_("Cấp khen (đơn vị)"))
    issuer_name = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)
    source = models.CharField(_("Nguồn"), max_length=10, choices=AwardSource.choices, default=AwardSource.MANUAL)
    revocation = models.OneToOneField("AwardRevocation", null=True, blank=True, editable=False, on_delete=models.PROTECT,
                                      related_name="award", verbose_name=_("Hủy bỏ (Điều 93)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Khen thưởng đã nhận")
        verbose_name_plural = _("Khen thưởng đã nhận")
        ordering = ["-year", "award_code"]
        constraints = [SubjectMixin.one_subject_constraint("records_award_one_subject")]
        indexes = [models.Index(fields=["person", "year"]), models.Index(fields=["unit", "year"])]

    def __str__(self) -> str:
        from tdkt.law.catalogue import load_catalogue

        award = load_catalogue().awards.get(self.award_code)
        return f"{award.label if award else self.award_code} năm {self.year} — {self.subject}"


class Discipline(TimeStampedModel):
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="disciplines", verbose_name=_("Cá nhân"))
    form = models.CharField(_("Hình thức kỷ luật"), max_length=16)
    start = models.DateField(_("Từ ngày"))
    end = models.DateField(_("Đến ngày"))
    decision_number = models.CharField(_("Số quyết định"), max_length=60, blank=True)
    reason = models.CharField(_("Lý do"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Kỷ luật")
        verbose_name_plural = _("Kỷ luật")
        ordering = ["-start"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="records_discipline_period")]

    def get_form_display(self) -> str:
        return vocab.label(vocab.DisciplineForm, self.form)

    def __str__(self) -> str:
        return f"{self.get_form_display()} {self.person} (từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y})"


class Initiative(TimeStampedModel):
    """A recognised initiative, applied scientific topic or combat ingenuity credited to a person."""

    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="initiatives", verbose_name=_("Tác giả"))
    year = models.PositiveSmallIntegerField(_("Năm công nhận"))
    title = models.CharField(_("Tên sáng kiến / đề tài"), max_length=500)
    scope = models.CharField(_("Phạm vi ảnh hưởng"), max_length=10)
    recognised_on = models.DateField(_("Ngày công nhận"), null=True, blank=True)
    decision_number = models.CharField(_("Số quyết định công nhận"), max_length=60, blank=True)
    # The award this initiative grounded: it cannot ground another (CV 5007/BNV-TĐKT; the engine's `used_for`).
    used_for = models.ForeignKey(AwardRecord, null=True, blank=True, on_delete=models.SET_NULL, related_name="grounding_initiatives",
                                 verbose_name=_("Đã làm căn cứ cho khen thưởng"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Sáng kiến được công nhận")
        verbose_name_plural = _("Sáng kiến được công nhận")
        ordering = ["-year"]

    def get_scope_display(self) -> str:
        return vocab.label(vocab.InitiativeScope, self.scope)

    def __str__(self) -> str:
        return f"{self.title} ({self.person}, năm {self.year})"


class WorkYear(TimeStampedModel):
    """The facts of a person's working year that the law reads (DOMAIN.md §3, the engine's `history.work_years`):
    days off work (maternity leave apart), a training or secondment course and its result, a transfer from another
    unit. An empty field is a fact not known (a check that needs it cannot judge), never a zero."""

    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="work_years", verbose_name=_("Cá nhân"))
    year = models.PositiveSmallIntegerField(_("Năm"))
    days_off = models.PositiveSmallIntegerField(_("Số ngày nghỉ làm việc"), null=True, blank=True,
                                                help_text=_("Số ngày làm việc nghỉ trong năm, kể cả nghỉ thai sản"))
    maternity_days = models.PositiveSmallIntegerField(_("Trong đó nghỉ thai sản (ngày)"), default=0)
    training_months = models.PositiveSmallIntegerField(_("Đào tạo, bồi dưỡng (số tháng)"), default=0)
    training_result = models.CharField(_("Kết quả học tập"), max_length=16, blank=True)
    transfer_from = models.CharField(_("Chuyển công tác từ đơn vị"), max_length=255, blank=True)
    transfer_months = models.PositiveSmallIntegerField(_("Số tháng công tác ở đơn vị cũ"), null=True, blank=True)
    transfer_comment = models.BooleanField(_("Đã có ý kiến nhận xét của đơn vị cũ"), default=False)
    note = models.CharField(_("Ghi chú"), max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Thông tin năm công tác")
        verbose_name_plural = _("Thông tin năm công tác")
        ordering = ["-year"]
        constraints = [models.UniqueConstraint(fields=["person", "year"], name="records_work_year_person_year")]

    def get_training_result_display(self) -> str:
        return vocab.label(vocab.TrainingResult, self.training_result) if self.training_result else ""

    def __str__(self) -> str:
        return f"{self.person} — năm {self.year}"


class AwardRevocation(TimeStampedModel):
    """The act that revoked an award (Art 93 Luật TĐKT): the award stays in the ledger and no longer counts."""

    revoked_on = models.DateField(_("Ngày hủy bỏ"))
    reason = models.TextField(_("Lý do hủy bỏ"), max_length=4000)
    decision_number = models.CharField(_("Số quyết định hủy bỏ"), max_length=60, blank=True)
    decision_date = models.DateField(_("Ngày quyết định hủy bỏ"), null=True, blank=True)
    issuer_name = models.CharField(_("Cơ quan quyết định hủy bỏ"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("Người ghi nhận"), help_text=_("Trống với dữ liệu có trước khi ghi người thực hiện."))

    class Meta:
        verbose_name = _("Hủy bỏ khen thưởng")
        verbose_name_plural = _("Hủy bỏ khen thưởng")
        ordering = ["-revoked_on", "-id"]

    def __str__(self) -> str:
        return f"Hủy bỏ ngày {self.revoked_on:%d/%m/%Y}: {self.reason}"
