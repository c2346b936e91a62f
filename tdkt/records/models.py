"""The achievement ledger (hồ sơ thành tích) of people, collectives (units) and households.

Award codes, rating codes, discipline forms and initiative scopes are the catalogue's codes (tdkt.law);
they are validated by records.services against the catalogue, not by database choices, so that the law
can change as data.
"""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from tdkt.core.models import TimeStampedModel


class Rating(models.TextChoices):
    HTXSNV = "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ"
    HTTNV = "HTTNV", "Hoàn thành tốt nhiệm vụ"
    HTNV = "HTNV", "Hoàn thành nhiệm vụ"
    KHTNV = "KHTNV", "Không hoàn thành nhiệm vụ"


class DisciplineForm(models.TextChoices):
    KHIEN_TRACH = "KHIEN_TRACH", "Khiển trách"
    CANH_CAO = "CANH_CAO", "Cảnh cáo"
    HA_BAC_LUONG = "HA_BAC_LUONG", "Hạ bậc lương"
    GIANG_CHUC = "GIANG_CHUC", "Giáng chức"
    CACH_CHUC = "CACH_CHUC", "Cách chức"
    BUOC_THOI_VIEC = "BUOC_THOI_VIEC", "Buộc thôi việc"


class InitiativeScope(models.TextChoices):
    CO_SO = "CO_SO", "Cấp cơ sở"
    TINH = "TINH", "Cấp tỉnh, bộ, ngành"
    TOAN_QUOC = "TOAN_QUOC", "Toàn quốc"


class SubjectMixin(models.Model):
    """Exactly one of person / unit (collective) / household."""

    person = models.ForeignKey("org.Person", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Cá nhân")
    unit = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Tập thể")
    household = models.ForeignKey("org.Household", null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="Hộ gia đình")

    class Meta:
        abstract = True

    @classmethod
    def one_subject_constraint(cls, name: str) -> models.CheckConstraint:
        return models.CheckConstraint(
            condition=(
                Q(person__isnull=False, unit__isnull=True, household__isnull=True)
                | Q(person__isnull=True, unit__isnull=False, household__isnull=True)
                | Q(person__isnull=True, unit__isnull=True, household__isnull=False)
            ),
            name=name,
        )

    @property
    def subject(self):
        return self.person or self.unit or self.household


class YearRating(SubjectMixin, TimeStampedModel):
    year = models.PositiveSmallIntegerField("Năm")
    rating = models.CharField("Mức độ hoàn thành nhiệm vụ", max_length=8, choices=Rating.choices)
    note = models.CharField("Ghi chú", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Xếp loại hằng năm"
        verbose_name_plural = "Xếp loại hằng năm"
        constraints = [
            SubjectMixin.one_subject_constraint("records_rating_one_subject"),
            models.UniqueConstraint(fields=["person", "year"], condition=Q(person__isnull=False), name="records_rating_person_year"),
            models.UniqueConstraint(fields=["unit", "year"], condition=Q(unit__isnull=False), name="records_rating_unit_year"),
        ]
        indexes = [models.Index(fields=["person", "year"])]


class AwardRecord(SubjectMixin, TimeStampedModel):
    """A title (danh hiệu) or form (hình thức) received."""

    award_code = models.CharField("Mã danh hiệu / hình thức", max_length=32, db_index=True)
    year = models.PositiveSmallIntegerField("Năm thành tích", help_text="Năm (hoặc năm cuối của giai đoạn) được khen")
    decision_number = models.CharField("Số quyết định", max_length=60, blank=True)
    decision_date = models.DateField("Ngày quyết định", null=True, blank=True)
    issuer = models.ForeignKey("org.Unit", null=True, blank=True, on_delete=models.PROTECT, related_name="issued_awards", verbose_name="Cấp khen (đơn vị)")
    issuer_name = models.CharField("Cơ quan ban hành", max_length=255, blank=True)
    revoked_on = models.DateField("Ngày hủy bỏ (Điều 93)", null=True, blank=True)
    revocation_reason = models.CharField("Lý do hủy bỏ", max_length=255, blank=True)
    note = models.CharField("Ghi chú", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Khen thưởng đã nhận"
        verbose_name_plural = "Khen thưởng đã nhận"
        ordering = ["-year", "award_code"]
        constraints = [SubjectMixin.one_subject_constraint("records_award_one_subject")]
        indexes = [models.Index(fields=["person", "year"]), models.Index(fields=["unit", "year"])]


class Discipline(TimeStampedModel):
    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="disciplines", verbose_name="Cá nhân")
    form = models.CharField("Hình thức kỷ luật", max_length=16, choices=DisciplineForm.choices)
    start = models.DateField("Từ ngày")
    end = models.DateField("Đến ngày")
    decision_number = models.CharField("Số quyết định", max_length=60, blank=True)
    reason = models.CharField("Lý do", max_length=255, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Kỷ luật"
        verbose_name_plural = "Kỷ luật"
        ordering = ["-start"]
        constraints = [models.CheckConstraint(condition=Q(end__gte=models.F("start")), name="records_discipline_period")]


class Initiative(TimeStampedModel):
    """A recognised initiative, applied scientific topic or combat ingenuity credited to a person."""

    person = models.ForeignKey("org.Person", on_delete=models.PROTECT, related_name="initiatives", verbose_name="Tác giả")
    year = models.PositiveSmallIntegerField("Năm công nhận")
    title = models.CharField("Tên sáng kiến / đề tài", max_length=500)
    scope = models.CharField("Phạm vi ảnh hưởng", max_length=10, choices=InitiativeScope.choices)
    recognised_on = models.DateField("Ngày công nhận", null=True, blank=True)
    decision_number = models.CharField("Số quyết định công nhận", max_length=60, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Sáng kiến được công nhận"
        verbose_name_plural = "Sáng kiến được công nhận"
        ordering = ["-year"]
